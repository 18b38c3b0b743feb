//! [`GraphBuilder`]: a corpus's graph, one document at a time.

use std::path::Path;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashMap;

use super::plan::{
    edge_relation, fits, is_corpus_fact, issue_date, number_index, pending_outcome, shared_identity_reason, DocHead,
    DocPlan, IndexedDocument, Pending, Planned,
};
use super::{stem, CitationGraph, Confidence, Duplicate, Edge, Evidence, Node, Unresolved};
use crate::date::IssueDate;
use crate::model::{Citation, Document, Relation};
use crate::resolve::{self, Identity};

/// Builds a [`CitationGraph`] one document at a time, so a corpus of any
/// size can be streamed through it without keeping the documents.
///
/// A citation of a document not yet seen creates an external node under the
/// cited identity; when that document is added later, the node becomes its.
#[derive(Default)]
pub struct GraphBuilder {
    graph: CitationGraph,
    pending: Vec<Pending>,
    /// The first document node of an identity that several documents have
    /// → all of them, the first one first (for duplicates).
    claimed: FxHashMap<NodeIndex, Vec<NodeIndex>>,
    /// Keep only the edges of [`is_corpus_fact`] relations.
    index_only: bool,
    /// The edges of the document whose citations are being added.
    out: OutEdges,
}

/// The outgoing edges of one node by (target, relation, reported), so that a repeated
/// citation finds its edge in constant time: a document with 40,000
/// citations would otherwise scan its edges 40,000 times. Built only once the
/// node has [`OutEdges::SCAN`] edges (a scan of a few is cheaper than a hash),
/// and forgotten when edges go on another node.
#[derive(Default)]
struct OutEdges {
    from: Option<NodeIndex>,
    /// Built for `from` (else its edges are scanned).
    indexed: bool,
    map: FxHashMap<(NodeIndex, Relation, bool), EdgeIndex>,
}

/// What an edge says of its citations (see [`Edge`]): all in editorial
/// notes, reported by a third text, naming a part of the cited document.
#[derive(Clone, Copy, Default)]
struct Marks {
    editorial: bool,
    reported: bool,
    part: bool,
}

impl OutEdges {
    /// Edges of one node scanned before they are indexed.
    const SCAN: usize = 16;
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    /// An empty builder with room for about `nodes` nodes and `edges` edges
    /// (saves the regrowth of the tables on a large corpus).
    pub fn with_capacity(nodes: usize, edges: usize) -> GraphBuilder {
        let mut b = GraphBuilder::default();
        b.graph.g.reserve_nodes(nodes);
        b.graph.g.reserve_edges(edges);
        b.graph.by_id.reserve(nodes);
        b.graph.doc_nodes.reserve(nodes);
        b
    }

    /// A builder of the *index* of a corpus, for a check that streams
    /// (`vanban::check::Checker`): every node, exactly as the full graph has
    /// them (ids, types, dates, jurisdictions; issuers and subjects are left
    /// out), the duplicates, but of the edges only those that other
    /// documents' findings read (`replaces` and `repeals`), and no list of
    /// unresolved citations (each is resolved again when asked). Its memory
    /// follows the number of documents, not the number of citations. Feed it
    /// [`IndexedDocument`]s (or documents) in corpus order, then ask the
    /// finished graph what each citation of a document resolves to with
    /// [`CitationGraph::resolve_document`].
    pub fn index_only() -> GraphBuilder {
        GraphBuilder {
            index_only: true,
            ..GraphBuilder::default()
        }
    }

    /// Add a document prepared by [`IndexedDocument::new`]. Meant for an
    /// [`GraphBuilder::index_only`] builder: the document keeps only the
    /// citations such a builder reads, so a full builder would miss edges.
    pub fn add_indexed(&mut self, d: IndexedDocument) {
        let IndexedDocument { head, doc, cites } = d;
        let cites = cites.into_iter().zip(&doc.citations).map(|((i, t), c)| (i, c, t));
        self.insert_cites(head, cites);
    }

    /// Add one parsed document read from `path`.
    pub fn add(&mut self, path: &Path, doc: &Document) {
        let plan = DocPlan::new(path, doc);
        self.insert(plan, doc);
    }

    /// Add many documents: the identity work runs in parallel, the insertion
    /// in order (the result is the same as adding them one by one).
    pub fn add_batch<P: AsRef<Path> + Sync>(&mut self, docs: &[(P, Document)]) {
        self.add_pipelined(docs, |(p, d)| (p.as_ref(), d));
    }

    /// Plan and insert `items` in order. The identity work of one chunk runs
    /// on the thread pool while the chunk before it is inserted, so the
    /// insertion (which is in order, on one thread) overlaps the planning.
    pub(super) fn add_pipelined<T: Sync>(&mut self, items: &[T], doc_of: impl Fn(&T) -> (&Path, &Document) + Sync) {
        use rayon::prelude::*;
        /// Documents per chunk: enough to spread over the pool, few enough
        /// that the first chunk (planned before any insertion) is short.
        const CHUNK: usize = 2048;
        let plan = |chunk: &[T]| -> Vec<DocPlan> {
            chunk
                .par_iter()
                .map(|t| {
                    let (p, d) = doc_of(t);
                    DocPlan::new(p, d)
                })
                .collect()
        };
        let insert = |b: &mut GraphBuilder, plans: Vec<DocPlan>, chunk: &[T]| {
            for (plan, t) in plans.into_iter().zip(chunk) {
                b.insert(plan, doc_of(t).1);
            }
        };
        let mut chunks = items.chunks(CHUNK);
        let Some(mut current) = chunks.next() else {
            return;
        };
        let mut plans = plan(current);
        for next in chunks {
            let done = std::mem::take(&mut plans);
            (plans, ()) = rayon::join(|| plan(next), || insert(self, done, current));
            current = next;
        }
        insert(self, plans, current);
    }

    fn insert(&mut self, plan: DocPlan, doc: &Document) {
        let DocPlan { head, targets } = plan;
        let cites = doc
            .citations
            .iter()
            .zip(targets)
            .enumerate()
            .map(|(i, (c, t))| (i, c, t));
        self.insert_cites(head, cites);
    }

    /// Add a document's node, then its citations `(index, citation, target)`.
    fn insert_cites<'c>(&mut self, head: DocHead, cites: impl Iterator<Item = (usize, &'c Citation, Planned)>) {
        let DocHead {
            path,
            own,
            own_id,
            node,
        } = head;
        let from = self.add_document_node(&path, own.as_ref(), own_id, node);
        // Each citation's node and how sure it is (for the reported edges
        // below), and the citations that report an edge of other documents.
        let mut nodes: Vec<Option<(NodeIndex, Confidence)>> = Vec::new();
        let mut reporting: Vec<(usize, &'c Citation, Evidence)> = Vec::new();
        for (ci, c, t) in cites {
            let edge = !self.index_only || is_corpus_fact(edge_relation(c));
            let evidence = Evidence {
                path: path.clone(),
                span: c.span,
                line: c.line as u32,
                citation: ci as u32,
            };
            if !self.index_only && (c.by.is_some() || c.acts.is_some()) {
                reporting.push((ci, c, evidence.clone()));
            }
            let node = match t {
                Planned::Complete(year, id) => {
                    let to = self.node_for_identity(year, id, c);
                    if edge {
                        self.add_edge(from, to, c, Confidence::Certain, None, evidence);
                    }
                    Some((to, Confidence::Certain))
                }
                Planned::Private(ident, id, reason) => {
                    // Never bound by guesswork: a node private to the citing file.
                    let jurisdiction = ident.jurisdiction.is_known().then(|| ident.jurisdiction.slug());
                    let to = self.external_node(ident.year, jurisdiction, id, c, Some(reason.clone()));
                    if edge {
                        self.add_edge(from, to, c, Confidence::Unknown, Some(reason), evidence);
                    }
                    Some((to, Confidence::Unknown))
                }
                Planned::Later(..) if !edge => None,
                Planned::Later(kind, what) => {
                    self.pending.push(Pending {
                        from,
                        evidence,
                        relation: edge_relation(c),
                        cited_date: issue_date(c),
                        editorial: c.editorial,
                        kind,
                        what,
                    });
                    None
                }
                Planned::Itself => Some((from, Confidence::Certain)),
                Planned::Skip => None,
            };
            if nodes.len() <= ci {
                nodes.resize(ci + 1, None);
            }
            nodes[ci] = node;
        }
        self.add_reported(from, &nodes, reporting);
    }

    /// The edges a document reports between other documents (or from
    /// another document to itself): for a citation with `by`, the citing
    /// document `by` → this one with its relation; for one with `acts`, this
    /// one → the document it acts on (the reporting document itself when
    /// the target is `None`). Both ends must have a node (a citation bound
    /// only at the end of the build draws none); the edge is as sure as
    /// the less sure end.
    fn add_reported(
        &mut self,
        from: NodeIndex,
        nodes: &[Option<(NodeIndex, Confidence)>],
        reporting: Vec<(usize, &Citation, Evidence)>,
    ) {
        let node = |i: usize| nodes.get(i).copied().flatten();
        for (ci, c, ev) in reporting {
            let Some((this, sure)) = node(ci) else { continue };
            let mut edges = Vec::with_capacity(2);
            if let Some((agent, agent_sure)) = c.by.and_then(node) {
                edges.push((agent, this, c.relation, issue_date(c), sure.max(agent_sure)));
            }
            if let Some(acts) = c.acts {
                let target = match acts.target {
                    Some(t) => node(t),
                    None => Some((from, Confidence::Certain)),
                };
                if let Some((target, target_sure)) = target {
                    edges.push((this, target, acts.relation, None, sure.max(target_sure)));
                }
            }
            for (a, b, relation, cited_date, confidence) in edges {
                if a == b {
                    continue;
                }
                let reason = (confidence != Confidence::Certain)
                    .then(|| "an end of the reported edge has no complete identity".to_string());
                let marks = Marks {
                    editorial: c.editorial,
                    reported: true,
                    part: false,
                };
                self.add_edge_raw(a, b, relation, cited_date, marks, confidence, reason, ev.clone());
            }
        }
    }

    /// Insert the document's node, built ahead by [`DocHead::new`]: under
    /// its own id, or as the document an earlier citation made a placeholder
    /// for, or (a second document with the same identity) as a duplicate.
    fn add_document_node(
        &mut self,
        path: &Path,
        own: Option<&Identity>,
        own_id: Option<String>,
        mut node: Node,
    ) -> NodeIndex {
        let g = &mut self.graph;
        let id = match own {
            Some(ident) if ident.is_complete() => {
                let id = own_id.unwrap_or_else(|| ident.id());
                if let Some(&ix) = g.by_id.get(id.as_str()) {
                    let n = &mut g.g[ix];
                    if n.external {
                        // A placeholder created by an earlier citation: it
                        // is this document (keeping the placeholder's id,
                        // year and jurisdiction).
                        *n = Node {
                            id: std::mem::take(&mut n.id),
                            year: n.year,
                            jurisdiction: n.jurisdiction.take(),
                            note: None,
                            ..node
                        };
                        g.doc_nodes.push(ix);
                        return ix;
                    }
                    // Same identity as a document already added (a document
                    // node with a complete identity): a duplicate.
                    let first = ix;
                    node.id = format!("{id}~{}", stem(path));
                    let ix = Self::new_doc_node(g, node);
                    self.claimed.entry(first).or_insert_with(|| vec![first]).push(ix);
                    return ix;
                }
                id
            }
            Some(ident) => format!("{}~{}", ident.id(), stem(path)),
            None => format!("doc/{}", stem(path)),
        };
        node.id = if g.by_id.contains_key(id.as_str()) {
            format!("{id}~{}", g.g.node_count())
        } else {
            id
        };
        Self::new_doc_node(g, node)
    }

    fn new_doc_node(g: &mut CitationGraph, node: Node) -> NodeIndex {
        let ix = g.g.add_node(node);
        g.by_id.insert(&g.g[ix].id, ix);
        g.doc_nodes.push(ix);
        ix
    }

    /// The node of a complete identity (its id names it), made external if
    /// no node has it yet.
    fn node_for_identity(&mut self, year: Option<u16>, id: String, c: &Citation) -> NodeIndex {
        match self.graph.by_id.get(id.as_str()) {
            Some(&ix) => {
                fill_external(&mut self.graph.g[ix], c);
                ix
            }
            None => {
                let jurisdiction = resolve::jurisdiction_of_id(&id).map(str::to_string);
                self.external_node(year, jurisdiction.as_deref(), id, c, None)
            }
        }
    }

    fn external_node(
        &mut self,
        year: Option<u16>,
        jurisdiction: Option<&str>,
        id: String,
        c: &Citation,
        note: Option<String>,
    ) -> NodeIndex {
        let g = &mut self.graph;
        if let Some(&ix) = g.by_id.get(id.as_str()) {
            fill_external(&mut g.g[ix], c);
            return ix;
        }
        let node = Node {
            id,
            symbol: c.symbol.clone(),
            doc_type: c
                .symbol
                .as_ref()
                .and_then(|s| s.type_name())
                .map(str::to_string)
                .or_else(|| c.doc_type.clone()),
            date: issue_date(c),
            year,
            jurisdiction: jurisdiction.map(str::to_string),
            issuer: c.issuer.clone(),
            path: None,
            external: true,
            subject: c.subject.clone(),
            note,
        };
        let ix = g.g.add_node(node);
        g.by_id.insert(&g.g[ix].id, ix);
        ix
    }

    fn add_edge(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        c: &Citation,
        confidence: Confidence,
        reason: Option<String>,
        ev: Evidence,
    ) {
        let (relation, date) = (edge_relation(c), issue_date(c));
        let marks = Marks {
            editorial: c.editorial,
            reported: false,
            part: c.part && relation == c.relation,
        };
        self.add_edge_raw(from, to, relation, date, marks, confidence, reason, ev);
    }

    #[allow(clippy::too_many_arguments)]
    fn add_edge_raw(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        relation: Relation,
        cited_date: Option<IssueDate>,
        marks: Marks,
        confidence: Confidence,
        reason: Option<String>,
        ev: Evidence,
    ) {
        let Marks {
            editorial,
            reported,
            part,
        } = marks;
        let g = &mut self.graph.g;
        let out = &mut self.out;
        if out.from != Some(from) {
            out.from = Some(from);
            out.indexed = false;
            out.map.clear();
        }
        let existing = if out.indexed {
            out.map.get(&(to, relation, reported)).copied()
        } else {
            // A document cites few others: a scan of its edges finds a repeat.
            let mut scanned = 0;
            let found = g
                .edges_directed(from, Direction::Outgoing)
                .inspect(|_| scanned += 1)
                .find(|e| e.target() == to && e.weight().relation == relation && e.weight().reported == reported)
                .map(|e| e.id());
            if found.is_none() && scanned >= OutEdges::SCAN {
                out.indexed = true;
                out.map.extend(
                    g.edges_directed(from, Direction::Outgoing)
                        .map(|e| ((e.target(), e.weight().relation, e.weight().reported), e.id())),
                );
            }
            found
        };
        if let Some(e) = existing {
            let edge = &mut g[e];
            // Keep the most certain reading as the edge's confidence.
            if confidence < edge.confidence {
                edge.confidence = confidence;
                edge.reason = reason.map(String::into_boxed_str);
            }
            if edge.cited_date.is_none() {
                edge.cited_date = cited_date;
            }
            edge.editorial &= editorial;
            edge.part &= part;
            edge.more.push(ev);
            return;
        }
        let e = g.add_edge(
            from,
            to,
            Edge {
                relation,
                confidence,
                reason: reason.map(String::into_boxed_str),
                cited_date,
                evidence: ev,
                more: Vec::new(),
                editorial,
                reported,
                part,
            },
        );
        if out.indexed {
            out.map.insert((to, relation, reported), e);
        }
    }

    /// Resolve what is left, find duplicates and cycles, and return the graph.
    pub fn finish(mut self) -> CitationGraph {
        // Edges are removed below, which moves edge indices.
        self.out = OutEdges::default();
        // Duplicates: citations of a shared identity are ambiguous.
        let mut dups: Vec<(NodeIndex, Vec<NodeIndex>)> = self.claimed.drain().collect();
        dups.sort();
        for (first, ixs) in dups {
            let g = &mut self.graph;
            g.dup_first.insert(first, g.duplicates.len());
            g.duplicates.push(Duplicate {
                identity: g.g[first].id.clone(),
                ids: ixs.iter().map(|&i| g.g[i].id.clone()).collect(),
                paths: ixs.iter().filter_map(|&i| g.g[i].path.clone()).collect(),
            });
            let incoming: Vec<EdgeIndex> = g.g.edges_directed(first, Direction::Incoming).map(|e| e.id()).collect();
            for e in incoming {
                let (src, _) = g.g.edge_endpoints(e).expect("edge exists");
                let w = g.g.remove_edge(e).expect("edge exists");
                if self.index_only || w.reported {
                    // Resolved again, citation by citation, when asked; a
                    // reported edge's citation has its own edge (or
                    // unresolved entry) already.
                    continue;
                }
                for ev in std::iter::once(w.evidence).chain(w.more) {
                    g.unresolved.push(Unresolved {
                        from: g.g[src].id.clone(),
                        evidence: ev,
                        reason: shared_identity_reason(ixs.len(), &g.g[first].id),
                        candidates: ixs.iter().map(|&i| g.g[i].id.clone()).collect(),
                    });
                }
            }
        }
        // Pending: bound only when exactly one candidate fits.
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() || self.index_only {
            let by_number = number_index(&self.graph.g);
            for p in pending {
                let fits = fits(&self.graph.g, &by_number, Some(p.from), &p.kind);
                match pending_outcome(&p.kind, &p.what, fits.len()) {
                    Ok(reason) => self.add_edge_raw(
                        p.from,
                        fits[0],
                        p.relation,
                        p.cited_date,
                        Marks {
                            editorial: p.editorial,
                            ..Marks::default()
                        },
                        Confidence::Inferred,
                        Some(reason),
                        p.evidence,
                    ),
                    Err(_) if self.index_only => {}
                    Err(reason) => {
                        let g = &mut self.graph;
                        g.unresolved.push(Unresolved {
                            from: g.g[p.from].id.clone(),
                            evidence: p.evidence,
                            reason,
                            candidates: fits.iter().map(|&x| g.g[x].id.clone()).collect(),
                        });
                    }
                }
            }
            if self.index_only {
                // Kept: every later resolution reads it.
                let _ = self.graph.by_number.set(by_number);
            }
        }
        // Cycles, computed once, of what documents say of themselves (a
        // reported edge is a third text's account).
        let g = &mut self.graph;
        let own = petgraph::visit::EdgeFiltered::from_fn(&g.g, |e| !e.weight().reported);
        g.cycles = petgraph::algo::tarjan_scc(&own)
            .into_iter()
            .filter(|scc| scc.len() > 1 || g.g.find_edge(scc[0], scc[0]).is_some())
            .collect();
        self.graph
    }
}

/// A node cited again: an external one takes the date and issuer this
/// citation gives, if it had none.
fn fill_external(n: &mut Node, c: &Citation) {
    if n.external {
        if n.date.is_none() {
            n.date = issue_date(c);
        }
        if n.issuer.is_none() {
            n.issuer = c.issuer.clone();
        }
    }
}
