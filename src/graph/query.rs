//! What a built graph answers: a document's citations resolved read-only,
//! lineage, roots, orphans, cycles, anachronisms, counts.

use std::collections::VecDeque;
use std::path::Path;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashMap;

use super::plan::{fits, number_index, pending_outcome, shared_identity_reason, targets, Planned};
use super::{
    later, CitationGraph, Confidence, Duplicate, Edge, GraphBuilder, GraphStats, LineageStep, Node, Unresolved, Walk,
};
use crate::corpus::CorpusDocument;
use crate::date::IssueDate;
use crate::model::{Document, Relation};
use crate::resolve;
use crate::symbol::Symbol;

/// What one citation resolves to in a graph (see
/// [`CitationGraph::resolve_document`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution<'g> {
    /// Attached to a node: the target of the citation's edge.
    Node {
        /// The cited node.
        node: &'g Node,
        /// How sure the target is, for this citation (an edge that gathers
        /// several citations keeps the most certain of theirs).
        confidence: Confidence,
        /// Why it is not certain, when it is not.
        reason: Option<String>,
    },
    /// Not attached to any node.
    Unresolved {
        /// Why (as in [`Unresolved::reason`]).
        reason: String,
        /// Ids of the candidates, when several fit.
        candidates: Vec<String>,
    },
    /// Nothing to resolve (a law cited by name only, a blank number), or
    /// the graph has no node for it (the document is not the one the graph
    /// was built from).
    Nothing,
}

impl CitationGraph {
    /// What each citation of a document resolves to, read-only: the same
    /// answer the builder gave when it added the document (the `index`-th
    /// document added, read from `path`): its edge's target and confidence,
    /// or why it is unresolved (a shared identity, no candidate or several
    /// candidates for a number-only reference). One entry per citation, in
    /// order. With a graph built by [`GraphBuilder::index_only`], this is how
    /// a check resolves a document it reads again, without the edges.
    pub fn resolve_document(&self, index: usize, path: &Path, doc: &Document) -> Vec<Resolution<'_>> {
        let home = resolve::document_jurisdiction(doc);
        let from = self.doc_nodes.get(index).copied();
        targets(path, doc, home.as_deref())
            .into_iter()
            .map(|t| self.resolve_planned(from, t))
            .collect()
    }

    fn resolve_planned(&self, from: Option<NodeIndex>, t: Planned) -> Resolution<'_> {
        match t {
            Planned::Complete(_, id) => {
                let Some(&ix) = self.by_id.get(id.as_str()) else {
                    return Resolution::Nothing;
                };
                match self.dup_first.get(&ix) {
                    Some(&d) => {
                        let dup = &self.duplicates[d];
                        Resolution::Unresolved {
                            reason: shared_identity_reason(dup.ids.len(), &dup.identity),
                            candidates: dup.ids.clone(),
                        }
                    }
                    None => Resolution::Node {
                        node: &self.g[ix],
                        confidence: Confidence::Certain,
                        reason: None,
                    },
                }
            }
            Planned::Private(_, id, reason) => match self.by_id.get(id.as_str()) {
                Some(&ix) => Resolution::Node {
                    node: &self.g[ix],
                    confidence: Confidence::Unknown,
                    reason: Some(reason),
                },
                None => Resolution::Nothing,
            },
            Planned::Later(kind, what) => {
                let by_number = self.by_number.get_or_init(|| number_index(&self.g));
                let fits = fits(&self.g, by_number, from, &kind);
                match pending_outcome(&kind, &what, fits.len()) {
                    Ok(reason) => Resolution::Node {
                        node: &self.g[fits[0]],
                        confidence: Confidence::Inferred,
                        reason: Some(reason),
                    },
                    Err(reason) => Resolution::Unresolved {
                        reason,
                        candidates: fits.iter().map(|&x| self.g[x].id.clone()).collect(),
                    },
                }
            }
            Planned::Skip | Planned::Itself => Resolution::Nothing,
        }
    }

    /// Build and resolve the graph of parsed documents.
    pub fn build(docs: &[CorpusDocument]) -> CitationGraph {
        let mut b = GraphBuilder::new();
        b.add_pipelined(docs, |d| (&d.path, &d.document));
        b.finish()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// All nodes.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.g.node_weights()
    }

    /// All edges as `(from, to, edge)`.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> + '_ {
        self.g
            .edge_references()
            .map(|e| (&self.g[e.source()], &self.g[e.target()], e.weight()))
    }

    /// A node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.by_id.get(id).map(|&i| &self.g[i])
    }

    /// The node of the `i`-th document added.
    pub fn document_node(&self, i: usize) -> Option<&Node> {
        self.doc_nodes.get(i).map(|&n| &self.g[n])
    }

    /// The node of a corpus file.
    pub fn node_by_path(&self, path: &Path) -> Option<&Node> {
        let want = std::fs::canonicalize(path).ok();
        self.g.node_weights().find(|n| {
            n.path
                .as_deref()
                .is_some_and(|p| p == path || (want.is_some() && std::fs::canonicalize(p).ok() == want))
        })
    }

    /// Nodes whose symbol is `symbol`, optionally of a year and jurisdiction
    /// (a slug, `binh-thuan`, or a name, `Bình Thuận`, `Tỉnh Bình Thuận`:
    /// see [`resolve::jurisdiction_slug`]).
    pub fn find_symbol(&self, symbol: &Symbol, year: Option<u16>, jurisdiction: Option<&str>) -> Vec<&Node> {
        let jurisdiction = jurisdiction.map(resolve::jurisdiction_slug);
        let jurisdiction = jurisdiction.as_deref();
        self.g
            .node_weights()
            .filter(|n| n.symbol.as_ref() == Some(symbol))
            .filter(|n| year.is_none_or(|y| n.year == Some(y) || n.date.is_some_and(|d| d.year() == y)))
            .filter(|n| jurisdiction.is_none_or(|j| n.jurisdiction.as_deref() == Some(j)))
            .collect()
    }

    /// What `id` cites (outgoing edges).
    pub fn cites(&self, id: &str) -> Vec<(&Node, &Edge)> {
        self.neighbors(id, Direction::Outgoing)
    }

    /// What cites `id` (incoming edges).
    pub fn cited_by(&self, id: &str) -> Vec<(&Node, &Edge)> {
        self.neighbors(id, Direction::Incoming)
    }

    fn neighbors(&self, id: &str, dir: Direction) -> Vec<(&Node, &Edge)> {
        let Some(&ix) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<(&Node, &Edge)> = self
            .g
            .edges_directed(ix, dir)
            .map(|e| {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (&self.g[other], e.weight())
            })
            .collect();
        v.sort_by(|a, b| (a.1.evidence.line, &a.0.id).cmp(&(b.1.evidence.line, &b.0.id)));
        v
    }

    /// Walk the lineage of `id`: up (what it implements, transitively, back
    /// to the central directive) or down (everything that implements it),
    /// following only `relations` (all when empty). Breadth first; each node
    /// once.
    pub fn lineage(&self, id: &str, walk: Walk, relations: &[Relation]) -> Vec<LineageStep<'_>> {
        let Some(&start) = self.by_id.get(id) else {
            return Vec::new();
        };
        let dir = match walk {
            Walk::Up => Direction::Outgoing,
            Walk::Down => Direction::Incoming,
        };
        let mut seen = vec![false; self.g.node_count()];
        seen[start.index()] = true;
        let mut out = Vec::new();
        let mut queue = VecDeque::from([(start, 0usize)]);
        while let Some((n, depth)) = queue.pop_front() {
            let mut next: Vec<_> = self
                .g
                .edges_directed(n, dir)
                .filter(|e| relations.is_empty() || relations.contains(&e.weight().relation))
                .collect();
            next.sort_by_key(|e| (e.weight().evidence.line, e.weight().evidence.span.start));
            for e in next {
                let other = if dir == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if seen[other.index()] {
                    continue;
                }
                seen[other.index()] = true;
                out.push(LineageStep {
                    depth: depth + 1,
                    node: &self.g[other],
                    via: &self.g[n],
                    edge: e.weight(),
                });
                queue.push_back((other, depth + 1));
            }
        }
        out
    }

    /// Nodes that are cited but cite nothing in the graph: the tops of the
    /// lineages (central directives, laws).
    pub fn roots(&self) -> Vec<&Node> {
        self.g
            .node_indices()
            .filter(|&n| {
                self.g.edges_directed(n, Direction::Outgoing).next().is_none()
                    && self.g.edges_directed(n, Direction::Incoming).next().is_some()
            })
            .map(|n| &self.g[n])
            .collect()
    }

    /// The tops of the corpus's own lineages: documents of the corpus that
    /// another document of the corpus cites and that cite no document of
    /// the corpus (a document citing itself is not a step of a lineage).
    /// [`CitationGraph::roots`] is the same over the whole graph, external
    /// documents included.
    pub fn corpus_roots(&self) -> Vec<&Node> {
        let in_corpus = |n: NodeIndex| !self.g[n].external;
        let linked = |n: NodeIndex, dir: Direction| {
            self.g.edges_directed(n, dir).any(|e| {
                e.source() != e.target()
                    && in_corpus(if dir == Direction::Outgoing {
                        e.target()
                    } else {
                        e.source()
                    })
            })
        };
        self.g
            .node_indices()
            .filter(|&n| in_corpus(n) && linked(n, Direction::Incoming) && !linked(n, Direction::Outgoing))
            .map(|n| &self.g[n])
            .collect()
    }

    /// Corpus documents with no edge at all.
    pub fn orphans(&self) -> Vec<&Node> {
        self.doc_nodes
            .iter()
            .filter(|&&n| self.g.neighbors_undirected(n).next().is_none())
            .map(|&n| &self.g[n])
            .collect()
    }

    /// Citation cycles (computed once, when the graph was built).
    pub fn cycles(&self) -> Vec<Vec<&Node>> {
        self.cycles
            .iter()
            .map(|c| c.iter().map(|&n| &self.g[n]).collect())
            .collect()
    }

    /// Edges whose cited document is dated after the citing one (a citation
    /// of a later document cannot be), as `(citing, cited, edge)`. Only
    /// [`Confidence::Certain`] edges (a target bound by inference may be
    /// another document than the one meant), none read only in editorial
    /// notes ([`Edge::editorial`]) or reported by a third text
    /// ([`Edge::reported`]); and the citing text is taken as of its latest
    /// stated amendment, as `check` takes it: a document whose own text
    /// reports that a later document amended, replaced or repealed it (or
    /// the base it consolidates) may cite what that later document could.
    pub fn anachronisms(&self) -> Vec<(&Node, &Node, &Edge)> {
        let mut as_of: FxHashMap<NodeIndex, Option<IssueDate>> = FxHashMap::default();
        self.g
            .edge_references()
            .filter(|e| {
                let w = e.weight();
                w.confidence == Confidence::Certain && !w.editorial && !w.reported
            })
            .filter(|e| {
                let own = *as_of.entry(e.source()).or_insert_with(|| self.text_as_of(e.source()));
                let cited = self.g[e.target()].date.or(e.weight().cited_date);
                match (own, cited) {
                    (Some(a), Some(b)) => later(b, a),
                    _ => false,
                }
            })
            .map(|e| (&self.g[e.source()], &self.g[e.target()], e.weight()))
            .collect()
    }

    /// The date the text of document node `n` is as of: its date, or the
    /// date of the latest document its own text reports as amending,
    /// replacing or repealing it or the base it consolidates (a reported
    /// edge whose evidence is in its file), when later.
    fn text_as_of(&self, n: NodeIndex) -> Option<IssueDate> {
        let node = &self.g[n];
        let own = node.date?;
        let Some(path) = node.path.as_deref() else {
            return Some(own);
        };
        let bases = self
            .g
            .edges_directed(n, Direction::Outgoing)
            .filter(|e| e.weight().relation == Relation::Consolidates)
            .map(|e| e.target());
        let latest = std::iter::once(n)
            .chain(bases)
            .flat_map(|t| self.g.edges_directed(t, Direction::Incoming))
            .filter(|e| {
                let w = e.weight();
                w.reported
                    && matches!(w.relation, Relation::Amends | Relation::Replaces | Relation::Repeals)
                    && std::iter::once(&w.evidence).chain(&w.more).any(|ev| &*ev.path == path)
            })
            .filter_map(|e| {
                let agent = &self.g[e.source()];
                agent.date.or_else(|| agent.year.and_then(IssueDate::year_only))
            })
            .fold(own, |latest, d| if later(d, latest) { d } else { latest });
        Some(latest)
    }

    /// Citations not attached to any node, with the reason.
    pub fn unresolved(&self) -> &[Unresolved] {
        &self.unresolved
    }

    /// Corpus documents sharing an identity.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Counts.
    pub fn stats(&self) -> GraphStats {
        let mut s = GraphStats {
            documents: self.doc_nodes.len(),
            external: self.g.node_weights().filter(|n| n.external).count(),
            edges: self.g.edge_count(),
            unresolved: self.unresolved.len(),
            ..Default::default()
        };
        for e in self.g.edge_references() {
            let w = e.weight();
            if w.reported {
                // Its citations are counted with their own edges.
                s.reported += 1;
                continue;
            }
            s.citations += 1 + w.more.len();
            match w.confidence {
                Confidence::Certain if self.g[e.target()].external => s.to_external += 1,
                Confidence::Certain => s.resolved += 1,
                Confidence::Inferred => s.inferred += 1,
                Confidence::Unknown => s.unknown += 1,
            }
        }
        s.citations += self.unresolved.len();
        s
    }

    /// The subgraph of the edges with one of `relations`, and the nodes they
    /// touch (for a small picture of a lineage).
    pub fn with_relations(&self, relations: &[Relation]) -> CitationGraph {
        let mut out = CitationGraph::default();
        let mut map: FxHashMap<NodeIndex, NodeIndex> = FxHashMap::default();
        let mut node = |out: &mut CitationGraph, ix: NodeIndex| -> NodeIndex {
            *map.entry(ix).or_insert_with(|| {
                let n = self.g[ix].clone();
                let new = out.g.add_node(n);
                out.by_id.insert(&self.g[ix].id, new);
                new
            })
        };
        for e in self.g.edge_references() {
            if relations.contains(&e.weight().relation) {
                let a = node(&mut out, e.source());
                let b = node(&mut out, e.target());
                out.g.add_edge(a, b, e.weight().clone());
            }
        }
        out.doc_nodes = out.g.node_indices().filter(|&n| !out.g[n].external).collect();
        out
    }

    pub(crate) fn inner(&self) -> &DiGraph<Node, Edge> {
        &self.g
    }
}
