//! Stage 5: **graph**: the citation graph of a corpus, with identity
//! resolution and queries (lineage, roots, orphans, cycles, anachronisms).
//!
//! petgraph stays inside: nodes and edges are looked up by document id and
//! every view returns domain types.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::corpus::CorpusDocument;
use crate::date::IssueDate;
use crate::model::{Citation, Document, Relation, Span};
use crate::resolve::{self, Identity, Jurisdiction};
use crate::symbol::Symbol;

/// A node: a document of the corpus, or one it cites that is not in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable readable id (see [`crate::resolve`]).
    pub id: String,
    /// Canonical số ký hiệu.
    pub symbol: Option<Symbol>,
    /// Type name (`Công văn`).
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Date of issue (for external nodes: as cited).
    pub date: Option<IssueDate>,
    /// Year used in the identity.
    pub year: Option<u16>,
    /// `national`, a province slug, or null when unknown.
    pub jurisdiction: Option<String>,
    /// The issuing body as printed (for external nodes: the cited issuer phrase).
    pub issuer: Option<String>,
    /// The file, for documents of the corpus.
    pub path: Option<PathBuf>,
    /// Not in the corpus.
    pub external: bool,
    /// Subject, when known.
    pub subject: Option<String>,
    /// Why the identity is incomplete (`jurisdiction unknown`...), if it is.
    pub note: Option<String>,
}

impl Node {
    /// A short label: symbol, else the id.
    pub fn label(&self) -> String {
        self.symbol
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_else(|| self.path.as_ref().and_then(|p| p.file_stem()).map_or_else(|| self.id.clone(), |s| s.to_string_lossy().into_owned()))
    }
}

/// How sure an edge's target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Full identity (jurisdiction, issuer, type, year, number) known.
    Certain,
    /// Bound because exactly one candidate fits (number-only reference,
    /// citation without year).
    Inferred,
    /// The identity is incomplete (jurisdiction or year unknown): the target
    /// is a node private to the citing document.
    Unknown,
}

impl Confidence {
    /// Lowercase name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Confidence::Certain => "certain",
            Confidence::Inferred => "inferred",
            Confidence::Unknown => "unknown",
        }
    }
}

/// Where an edge was read: one citation in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The citing file.
    pub path: PathBuf,
    /// Span of the citation in that file.
    pub span: Span,
    /// 1-based line.
    pub line: usize,
    /// Index in the citing document's citations.
    pub citation: usize,
}

/// An edge: the citing document cites the cited one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// What the citing document does with the cited one.
    pub relation: Relation,
    /// How sure the target is.
    pub confidence: Confidence,
    /// Why it is not certain, when it is not.
    pub reason: Option<String>,
    /// The date printed with the citation.
    pub cited_date: Option<IssueDate>,
    /// The first citation that gives this edge.
    pub evidence: Evidence,
    /// Further citations of the same document with the same relation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<Evidence>,
}

/// A citation that could not be attached to any node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unresolved {
    /// The citing document's id.
    pub from: String,
    /// Where.
    pub evidence: Evidence,
    /// Why.
    pub reason: String,
    /// Ids of the candidates, when several fit.
    pub candidates: Vec<String>,
}

/// Two or more corpus documents with the same identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The shared identity.
    pub identity: String,
    /// Their node ids.
    pub ids: Vec<String>,
    /// Their files.
    pub paths: Vec<PathBuf>,
}

/// One step of a lineage walk.
#[derive(Debug, Clone, Copy)]
pub struct LineageStep<'g> {
    /// Distance from the start (1 = cited directly).
    pub depth: usize,
    /// The node reached.
    pub node: &'g Node,
    /// The node it was reached from.
    pub via: &'g Node,
    /// The edge followed.
    pub edge: &'g Edge,
}

/// Which way to walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// What the document cites (implements), transitively.
    Up,
    /// What cites the document, transitively.
    Down,
}

/// Counts about a graph.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphStats {
    /// Corpus documents.
    pub documents: usize,
    /// External nodes.
    pub external: usize,
    /// Edges.
    pub edges: usize,
    /// Citation occurrences attached to edges.
    pub citations: usize,
    /// Edges with a certain target in the corpus.
    pub resolved: usize,
    /// Edges to certain external nodes.
    pub to_external: usize,
    /// Edges whose target is inferred.
    pub inferred: usize,
    /// Edges whose identity is incomplete.
    pub unknown: usize,
    /// Citations not attached.
    pub unresolved: usize,
}

/// The citation graph of a corpus.
#[derive(Debug, Default)]
pub struct CitationGraph {
    g: DiGraph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
    identities: FxHashMap<Identity, Vec<NodeIndex>>,
    /// Documents' own nodes, by citing-document index.
    doc_nodes: Vec<NodeIndex>,
    unresolved: Vec<Unresolved>,
    duplicates: Vec<Duplicate>,
    cycles: Vec<Vec<NodeIndex>>,
}

/// What a citation resolves to before it is inserted.
enum Target {
    Identity(Identity, Confidence, Option<String>),
    Private(Identity, String),
    NumberOnly { type_slug: String, number: u32, year: Option<u16>, home: Option<String> },
    None,
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The type slug of a type name as written in a citation (`Kế hoạch` → `kh`).
pub fn type_slug_of_name(name: &str) -> Option<&'static str> {
    let f = crate::normalize::fold(name);
    Some(match f.as_str() {
        "cong van" | "van ban" => "cv",
        "ke hoach" => "kh",
        "nghi quyet" => "nq",
        "chi thi" => "ct",
        "quyet dinh" => "qd",
        "quy dinh" => "qd",
        "quy che" => "qc",
        "ket luan" => "kl",
        "huong dan" => "hd",
        "chuong trinh" | "chuong trinh hanh dong" => "ctr",
        "thong bao" => "tb",
        "thong tri" => "tt",
        "bao cao" => "bc",
        "to trinh" => "ttr",
        "de an" => "da",
        "cong dien" => "cd",
        "nghi dinh" => "nd",
        "thong tu" => "tt",
        "thong tu lien tich" => "ttlt",
        "nghi quyet lien tich" => "nqlt",
        "phap lenh" => "pl",
        "van ban hop nhat" => "vbhn",
        _ => return None,
    })
}

impl CitationGraph {
    /// Build and resolve the graph of parsed documents.
    pub fn build(docs: &[CorpusDocument]) -> CitationGraph {
        let mut graph = CitationGraph::default();
        // 1. Each document's own identity (parallel).
        let homes: Vec<Option<String>> = docs.par_iter().map(|d| resolve::document_jurisdiction(&d.document)).collect();
        let own: Vec<Option<Identity>> = docs.par_iter().map(|d| resolve::document_identity(&d.document)).collect();
        graph.doc_nodes.reserve(docs.len());
        let mut stems: HashMap<String, usize> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            let doc = &d.document;
            let mut note = None;
            let id = match &own[i] {
                Some(ident) if ident.is_complete() => ident.id(),
                Some(ident) => {
                    note = Some(incomplete_reason(ident));
                    format!("{}~{}", ident.id(), stem(&d.path))
                }
                None => {
                    note = Some(if doc.symbol.is_some() {
                        "no number in the số ký hiệu".to_string()
                    } else {
                        "no số ký hiệu".to_string()
                    });
                    format!("doc/{}", stem(&d.path))
                }
            };
            // Unique ids: a duplicate identity gets the file stem appended.
            let id = if graph.by_id.contains_key(&id) {
                let n = stems.entry(id.clone()).or_insert(1);
                *n += 1;
                format!("{id}~{}", stem(&d.path))
            } else {
                id
            };
            let node = Node {
                id: id.clone(),
                symbol: doc.symbol.clone(),
                doc_type: doc.doc_type.clone().or_else(|| doc.symbol.as_ref().and_then(|s| s.type_name()).map(str::to_string)),
                date: doc.date,
                year: own[i].as_ref().and_then(|x| x.year),
                jurisdiction: own[i]
                    .as_ref()
                    .map(|x| x.jurisdiction.clone())
                    .filter(Jurisdiction::is_known)
                    .map(|j| j.slug().to_string())
                    .or_else(|| homes[i].clone()),
                issuer: doc.issuer.clone(),
                path: Some(d.path.clone()),
                external: false,
                subject: doc.subject.clone(),
                note,
            };
            let ix = graph.g.add_node(node);
            graph.by_id.insert(id, ix);
            if let Some(ident) = &own[i] {
                if ident.is_complete() {
                    graph.identities.entry(ident.clone()).or_default().push(ix);
                }
            }
            graph.doc_nodes.push(ix);
        }
        for (ident, ixs) in &graph.identities {
            if ixs.len() > 1 {
                graph.duplicates.push(Duplicate {
                    identity: ident.id(),
                    ids: ixs.iter().map(|&i| graph.g[i].id.clone()).collect(),
                    paths: ixs.iter().filter_map(|&i| graph.g[i].path.clone()).collect(),
                });
            }
        }
        graph.duplicates.sort_by(|a, b| a.identity.cmp(&b.identity));

        // 2. Resolve citations (parallel), then insert (sequential, in order).
        let targets: Vec<Vec<Target>> = docs
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                d.document
                    .citations
                    .iter()
                    .map(|c| target_of(c, &d.document, homes[i].as_deref(), &d.path))
                    .collect()
            })
            .collect();
        let mut merged: FxHashMap<(NodeIndex, NodeIndex, Relation), EdgeIndex> = FxHashMap::default();
        let mut number_only = Vec::new();
        for (i, (d, ts)) in docs.iter().zip(targets).enumerate() {
            let from = graph.doc_nodes[i];
            for (ci, t) in ts.into_iter().enumerate() {
                let c = &d.document.citations[ci];
                let ev = Evidence {
                    path: d.path.clone(),
                    span: c.span,
                    line: c.line,
                    citation: ci,
                };
                match t {
                    Target::Identity(ident, conf, reason) => {
                        let candidates = graph.identities.get(&ident).cloned().unwrap_or_default();
                        match candidates.len() {
                            0 => {
                                let to = graph.external_node(&ident, ident.id(), c, None);
                                graph.add_edge(&mut merged, from, to, c, conf, reason, ev);
                            }
                            1 => graph.add_edge(&mut merged, from, candidates[0], c, conf, reason, ev),
                            _ => graph.unresolved.push(Unresolved {
                                from: graph.g[from].id.clone(),
                                evidence: ev,
                                reason: format!("ambiguous: {} documents of the corpus have the identity {}", candidates.len(), ident.id()),
                                candidates: candidates.iter().map(|&x| graph.g[x].id.clone()).collect(),
                            }),
                        }
                    }
                    Target::Private(ident, reason) => {
                        // Year unknown but jurisdiction known: bind when exactly
                        // one document or node of any year fits.
                        if ident.jurisdiction.is_known() && ident.year.is_none() {
                            let fits = graph.nodes_matching(&ident);
                            if fits.len() == 1 {
                                graph.add_edge(&mut merged, from, fits[0], c, Confidence::Inferred, Some(format!("{reason}; the only candidate")), ev);
                                continue;
                            }
                        }
                        let id = format!("{}~{}", ident.id(), stem(&d.path));
                        let to = graph.external_node(&ident, id, c, Some(reason.clone()));
                        graph.add_edge(&mut merged, from, to, c, Confidence::Unknown, Some(reason), ev);
                    }
                    Target::NumberOnly { type_slug, number, year, home } => {
                        number_only.push((from, ci, i, type_slug, number, year, home, ev));
                    }
                    Target::None => {}
                }
            }
        }
        // 3. Number-only references, against every node now known.
        for (from, ci, di, type_slug, number, year, home, ev) in number_only {
            let c = &docs[di].document.citations[ci];
            let fits: Vec<NodeIndex> = graph
                .g
                .node_indices()
                .filter(|&n| n != from)
                .filter(|&n| {
                    let node = &graph.g[n];
                    let Some(sym) = &node.symbol else { return false };
                    sym.number() == Some(number)
                        && resolve::type_slug(sym, node.doc_type.as_deref()) == type_slug
                        && year.is_none_or(|y| node.year == Some(y))
                        && match (&home, &node.jurisdiction) {
                            (Some(h), Some(j)) => j == h || j == "national",
                            _ => true,
                        }
                        && !node.id.contains('~')
                })
                .collect();
            let what = format!("{} số {number}", c.doc_type.as_deref().unwrap_or("văn bản"));
            if fits.len() == 1 {
                let reason = format!("number-only reference ({what}): the only document of that type and number in the graph");
                graph.add_edge(&mut merged, from, fits[0], c, Confidence::Inferred, Some(reason), ev);
            } else {
                let reason = if fits.is_empty() {
                    format!("number-only reference ({what}): no document of that type and number in the graph")
                } else {
                    format!("number-only reference ({what}): {} candidates fit", fits.len())
                };
                graph.unresolved.push(Unresolved {
                    from: graph.g[from].id.clone(),
                    evidence: ev,
                    reason,
                    candidates: fits.iter().map(|&x| graph.g[x].id.clone()).collect(),
                });
            }
        }
        // 4. Cycles, computed once.
        graph.cycles = petgraph::algo::tarjan_scc(&graph.g)
            .into_iter()
            .filter(|scc| scc.len() > 1 || graph.g.find_edge(scc[0], scc[0]).is_some())
            .collect();
        graph
    }

    fn nodes_matching(&self, ident: &Identity) -> Vec<NodeIndex> {
        self.identities
            .iter()
            .filter(|(k, _)| {
                k.jurisdiction == ident.jurisdiction
                    && k.issuer == ident.issuer
                    && k.doc_type == ident.doc_type
                    && k.number == ident.number
            })
            .flat_map(|(_, v)| v.iter().copied())
            .collect()
    }

    fn external_node(&mut self, ident: &Identity, id: String, c: &Citation, note: Option<String>) -> NodeIndex {
        if let Some(&ix) = self.by_id.get(&id) {
            let n = &mut self.g[ix];
            if n.date.is_none() {
                n.date = c.date;
            }
            if n.issuer.is_none() {
                n.issuer = c.issuer.clone();
            }
            return ix;
        }
        let node = Node {
            id: id.clone(),
            symbol: c.symbol.clone(),
            doc_type: c
                .symbol
                .as_ref()
                .and_then(|s| s.type_name())
                .map(str::to_string)
                .or_else(|| c.doc_type.clone()),
            date: c.date,
            year: ident.year,
            jurisdiction: ident.jurisdiction.is_known().then(|| ident.jurisdiction.slug().to_string()),
            issuer: c.issuer.clone(),
            path: None,
            external: true,
            subject: c.subject.clone(),
            note,
        };
        let ix = self.g.add_node(node);
        self.by_id.insert(id, ix);
        if ident.is_complete() {
            self.identities.entry(ident.clone()).or_default().push(ix);
        }
        ix
    }

    #[allow(clippy::too_many_arguments)]
    fn add_edge(
        &mut self,
        merged: &mut FxHashMap<(NodeIndex, NodeIndex, Relation), EdgeIndex>,
        from: NodeIndex,
        to: NodeIndex,
        c: &Citation,
        confidence: Confidence,
        reason: Option<String>,
        ev: Evidence,
    ) {
        if let Some(&e) = merged.get(&(from, to, c.relation)) {
            let edge = &mut self.g[e];
            // Keep the most certain reading as the edge's confidence.
            if confidence < edge.confidence {
                edge.confidence = confidence;
                edge.reason = reason;
            }
            if edge.cited_date.is_none() {
                edge.cited_date = c.date;
            }
            edge.more.push(ev);
            return;
        }
        let e = self.g.add_edge(
            from,
            to,
            Edge {
                relation: c.relation,
                confidence,
                reason,
                cited_date: c.date,
                evidence: ev,
                more: Vec::new(),
            },
        );
        merged.insert((from, to, c.relation), e);
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// All nodes, corpus documents first (in corpus order), then external ones.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.g.node_weights()
    }

    /// All edges as `(from, to, edge)`.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> + '_ {
        self.g.edge_references().map(|e| (&self.g[e.source()], &self.g[e.target()], e.weight()))
    }

    /// A node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.by_id.get(id).map(|&i| &self.g[i])
    }

    /// The node of the `i`-th corpus document.
    pub fn document_node(&self, i: usize) -> Option<&Node> {
        self.doc_nodes.get(i).map(|&n| &self.g[n])
    }

    /// The node of a corpus file.
    pub fn node_by_path(&self, path: &Path) -> Option<&Node> {
        let want = std::fs::canonicalize(path).ok();
        self.g.node_weights().find(|n| {
            n.path.as_deref().is_some_and(|p| {
                p == path || (want.is_some() && std::fs::canonicalize(p).ok() == want)
            })
        })
    }

    /// Nodes whose symbol is `symbol`, optionally of a year and jurisdiction.
    pub fn find_symbol(&self, symbol: &Symbol, year: Option<u16>, jurisdiction: Option<&str>) -> Vec<&Node> {
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
        let Some(&ix) = self.by_id.get(id) else { return Vec::new() };
        let mut v: Vec<(&Node, &Edge)> = self
            .g
            .edges_directed(ix, dir)
            .map(|e| {
                let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
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
        let Some(&start) = self.by_id.get(id) else { return Vec::new() };
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
                let other = if dir == Direction::Outgoing { e.target() } else { e.source() };
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
        self.cycles.iter().map(|c| c.iter().map(|&n| &self.g[n]).collect()).collect()
    }

    /// Edges whose cited document is dated after the citing one (a citation
    /// of a later document cannot be), as `(citing, cited, edge)`.
    pub fn anachronisms(&self) -> Vec<(&Node, &Node, &Edge)> {
        self.edges()
            .filter(|(from, to, e)| {
                let cited = to.date.or(e.cited_date);
                match (from.date, cited) {
                    (Some(a), Some(b)) => later(b, a),
                    _ => false,
                }
            })
            .collect()
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

    pub(crate) fn inner(&self) -> &DiGraph<Node, Edge> {
        &self.g
    }
}

/// Is `a` strictly later than `b`, comparing only what both dates know?
fn later(a: IssueDate, b: IssueDate) -> bool {
    if a.year() != b.year() {
        return a.year() > b.year();
    }
    match (a.month(), b.month()) {
        (Some(x), Some(y)) if x != y => x > y,
        (Some(_), Some(_)) => matches!((a.day(), b.day()), (Some(x), Some(y)) if x > y),
        _ => false,
    }
}

fn incomplete_reason(ident: &Identity) -> String {
    match (ident.jurisdiction.is_known(), ident.year.is_some()) {
        (false, false) => "jurisdiction and year unknown".to_string(),
        (false, true) => "jurisdiction unknown: a local issuer, and the citing document names no province".to_string(),
        (true, false) => "year unknown: no date and no year in the symbol".to_string(),
        (true, true) => String::new(),
    }
}

fn target_of(c: &Citation, doc: &Document, home: Option<&str>, _path: &Path) -> Target {
    // A later short form takes its date from the first full citation.
    let referent = c.refers_to.and_then(|j| doc.citations.get(j));
    let date = c.date.or_else(|| referent.and_then(|r| r.date));
    match &c.symbol {
        Some(sym) => {
            let Some(ident) = resolve::identity_of(sym, c.doc_type.as_deref(), date.map(|d| d.year()), home) else {
                return Target::None;
            };
            if ident.is_complete() {
                Target::Identity(ident, Confidence::Certain, None)
            } else {
                let reason = incomplete_reason(&ident);
                Target::Private(ident, reason)
            }
        }
        None => match (c.number, c.doc_type.as_deref().and_then(type_slug_of_name)) {
            (Some(number), Some(ts)) => Target::NumberOnly {
                type_slug: ts.to_string(),
                number,
                year: date.map(|d| d.year()),
                home: home.map(str::to_string),
            },
            _ => Target::None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Citation;

    fn cite(sym: &str, date: Option<&str>, rel: Relation) -> Citation {
        Citation {
            doc_type: None,
            symbol: Some(sym.parse().unwrap()),
            number: None,
            date: date.map(|d| d.parse().unwrap()),
            issuer: None,
            subject: None,
            name: None,
            relation: rel,
            span: Span::new(0, 1),
            symbol_span: None,
            line: 1,
            in_footnote: false,
            refers_to: None,
            shared: Vec::new(),
        }
    }

    fn doc(issuer: Option<&str>, sym: Option<&str>, date: Option<&str>, cites: Vec<Citation>) -> Document {
        Document {
            issuer: issuer.map(str::to_string),
            symbol: sym.map(|s| s.parse().unwrap()),
            date: date.map(|d| d.parse().unwrap()),
            citations: cites,
            ..Default::default()
        }
    }

    fn cd(path: &str, d: Document) -> CorpusDocument {
        CorpusDocument {
            path: PathBuf::from(path),
            document: d,
        }
    }

    #[test]
    fn ok_local_identity_and_lineage() {
        let docs = vec![
            cd(
                "a.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("698-CV/TU"),
                    Some("2023-02-28"),
                    vec![cite("308-CV/TU", Some("2021-11-26"), Relation::Implements)],
                ),
            ),
            cd(
                "b.txt",
                doc(
                    Some("UBND TỈNH BÌNH THUẬN"),
                    None,
                    Some("2023"),
                    vec![cite("698-CV/TU", Some("2023-02-28"), Relation::Implements)],
                ),
            ),
            cd(
                "c.txt",
                doc(
                    Some("TỈNH ỦY KIÊN GIANG"),
                    Some("698-CV/TU"),
                    Some("2023-05-01"),
                    vec![cite("308-CV/TU", Some("2021-11-26"), Relation::Implements)],
                ),
            ),
        ];
        let g = CitationGraph::build(&docs);
        assert!(g.node("vn/binh-thuan/tu/cv/2023/698").is_some());
        assert!(g.node("vn/kien-giang/tu/cv/2023/698").is_some());
        assert!(g.node("vn/binh-thuan/tu/cv/2021/308").unwrap().external);
        assert!(g.node("vn/kien-giang/tu/cv/2021/308").unwrap().external);
        let down: Vec<String> = g
            .lineage("vn/binh-thuan/tu/cv/2021/308", Walk::Down, &[Relation::Implements])
            .iter()
            .map(|s| s.node.id.clone())
            .collect();
        assert_eq!(down, ["vn/binh-thuan/tu/cv/2023/698", "doc/b"]);
        assert!(g.duplicates().is_empty());
    }

    #[test]
    fn ok_unknown_jurisdiction_is_private() {
        let docs = vec![
            cd("h1.txt", doc(None, None, None, vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)])),
            cd("h2.txt", doc(None, None, None, vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)])),
            cd(
                "bt.txt",
                doc(Some("TỈNH ỦY BÌNH THUẬN"), Some("921-CV/TU"), Some("2015-09-28"), vec![]),
            ),
        ];
        let g = CitationGraph::build(&docs);
        let a = g.cites("doc/h1");
        let b = g.cites("doc/h2");
        assert_eq!(a.len(), 1);
        assert_ne!(a[0].0.id, b[0].0.id);
        assert_eq!(a[0].1.confidence, Confidence::Unknown);
        assert!(a[0].0.id.starts_with("vn/unknown/tu/cv/2015/921~"));
        assert!(g.cited_by("vn/binh-thuan/tu/cv/2015/921").is_empty());
    }

    #[test]
    fn ok_duplicates_and_anachronism() {
        let docs = vec![
            cd("a.txt", doc(Some("TỈNH ỦY BÌNH THUẬN"), Some("698-CV/TU"), Some("2023-02-28"), vec![])),
            cd("a2.txt", doc(Some("TỈNH ỦY BÌNH THUẬN"), Some("698-CV/TU"), Some("2023-02-28"), vec![])),
            cd(
                "x.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("10-CV/TU"),
                    Some("2022-05-01"),
                    vec![cite("30/2024/NĐ-CP", Some("2024-01-01"), Relation::Basis)],
                ),
            ),
        ];
        let g = CitationGraph::build(&docs);
        assert_eq!(g.duplicates().len(), 1);
        assert_eq!(g.duplicates()[0].paths.len(), 2);
        assert_eq!(g.anachronisms().len(), 1);
    }
}
