//! Stage 5: **graph**: the citation graph of a corpus, with identity
//! resolution and queries (lineage, roots, orphans, cycles, anachronisms).
//!
//! petgraph stays inside: nodes and edges are looked up by document id and
//! every view returns domain types.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::corpus::CorpusDocument;
use crate::date::IssueDate;
use crate::model::{Citation, Document, Relation, Span};
use crate::resolve::{self, Identity};
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
        self.symbol.as_ref().map(|s| s.to_string()).unwrap_or_else(|| {
            self.path
                .as_ref()
                .and_then(|p| p.file_stem())
                .map_or_else(|| self.id.clone(), |s| s.to_string_lossy().into_owned())
        })
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
    /// The citing file (shared by all evidence of one document).
    pub path: Arc<Path>,
    /// Span of the citation in that file.
    pub span: Span,
    /// 1-based line.
    pub line: u32,
    /// Index in the citing document's citations.
    pub citation: u32,
}

/// An edge: the citing document cites the cited one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// What the citing document does with the cited one.
    pub relation: Relation,
    /// How sure the target is.
    pub confidence: Confidence,
    /// Why it is not certain, when it is not.
    pub reason: Option<Box<str>>,
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
    /// Citation occurrences considered (attached to edges, or unresolved).
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
    by_id: IdIndex,
    /// Documents' own nodes, in the order they were added.
    doc_nodes: Vec<NodeIndex>,
    unresolved: Vec<Unresolved>,
    duplicates: Vec<Duplicate>,
    /// The first node of each shared identity → its entry in `duplicates`.
    dup_first: FxHashMap<NodeIndex, usize>,
    cycles: Vec<Vec<NodeIndex>>,
    /// Nodes by (type slug, number), for number-only references and
    /// citations without a year (built when first needed).
    by_number: OnceLock<NumberIndex>,
}

/// Nodes by id. An id is short (`vn/binh-thuan/tu/cv/2023/698`): the key is
/// kept in the table itself, so a lookup reads no other memory to compare
/// keys (on a national corpus, that second read was a cache miss per
/// citation).
#[derive(Debug, Default)]
struct IdIndex(FxHashMap<smallvec::SmallVec<[u8; 40]>, NodeIndex>);

impl IdIndex {
    fn get(&self, id: &str) -> Option<&NodeIndex> {
        self.0.get(id.as_bytes())
    }

    fn contains_key(&self, id: &str) -> bool {
        self.0.contains_key(id.as_bytes())
    }

    fn insert(&mut self, id: &str, ix: NodeIndex) {
        self.0.insert(smallvec::SmallVec::from_slice(id.as_bytes()), ix);
    }

    fn reserve(&mut self, additional: usize) {
        self.0.reserve(additional);
    }
}

/// Nodes (with a full identity) by (type slug, number).
type NumberIndex = FxHashMap<(String, u32), Vec<NodeIndex>>;

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

/// A citation left for the end of the build: number-only references and
/// citations without a year, which are bound only when exactly one candidate
/// fits among all nodes.
struct Pending {
    from: NodeIndex,
    evidence: Evidence,
    relation: Relation,
    cited_date: Option<IssueDate>,
    kind: PendingKind,
    what: String,
}

enum PendingKind {
    /// `Kế hoạch số 189`: type slug, number, year, home jurisdiction.
    NumberOnly(&'static str, u32, Option<u16>, Option<String>),
    /// A full symbol without a year; jurisdiction known.
    NoYear(Identity),
}

/// What a citation resolves to, computed without the graph (so in parallel).
enum Planned {
    /// A complete identity: its year and its id (which names its
    /// jurisdiction; nothing else of the identity is needed to insert it).
    Complete(Option<u16>, String),
    /// An incomplete identity: a node private to the citing file, with the reason.
    Private(Identity, String, String),
    /// Resolved at the end, against all nodes.
    Later(PendingKind, String),
    /// Nothing to resolve (a law cited by name only, a blank number).
    Skip,
}

/// The identity work for one document.
struct DocPlan {
    head: DocHead,
    targets: Vec<Planned>,
}

/// The citing document's side of a [`DocPlan`].
struct DocHead {
    path: Arc<Path>,
    own: Option<Identity>,
    own_id: Option<String>,
    /// The document's node, built ahead of insertion (off the inserting
    /// thread); its id is left empty, for the insertion to choose.
    node: Node,
}

impl DocHead {
    fn new(path: &Path, doc: &Document, home: Option<&str>) -> DocHead {
        let own = resolve::document_identity_in(doc, home);
        let own_id = own.as_ref().map(Identity::id);
        let note = match &own {
            Some(ident) if ident.is_complete() => None,
            Some(ident) => Some(incomplete_reason(ident)),
            None => Some(
                if doc.symbol.is_some() {
                    "no number in the số ký hiệu"
                } else {
                    "no số ký hiệu"
                }
                .to_string(),
            ),
        };
        let node = Node {
            id: String::new(),
            symbol: doc.symbol.clone(),
            doc_type: doc
                .doc_type
                .clone()
                .or_else(|| doc.symbol.as_ref().and_then(|s| s.type_name()).map(str::to_string)),
            date: doc.date,
            year: own.as_ref().and_then(|x| x.year),
            jurisdiction: own
                .as_ref()
                .map(|x| &x.jurisdiction)
                .filter(|j| j.is_known())
                .map(|j| j.slug().to_string())
                .or_else(|| home.map(str::to_string)),
            issuer: doc.issuer.clone(),
            path: Some(path.to_path_buf()),
            external: false,
            subject: doc.subject.clone(),
            note,
        };
        DocHead {
            path: Arc::from(path),
            own,
            own_id,
            node,
        }
    }
}

impl DocPlan {
    fn new(path: &Path, doc: &Document) -> DocPlan {
        let home = resolve::document_jurisdiction(doc);
        DocPlan {
            head: DocHead::new(path, doc, home.as_deref()),
            targets: targets(path, doc, home.as_deref()),
        }
    }
}

/// What each citation of `doc` (read from `path`, whose jurisdiction is
/// `home`) resolves to, as far as is known without the graph.
fn targets(path: &Path, doc: &Document, home: Option<&str>) -> Vec<Planned> {
    doc.citations
        .iter()
        .map(|c| {
            // The document's own number is no edge.
            if c.is_self {
                return Planned::Skip;
            }
            // A later short form takes its date from the first full citation.
            let referent = c.refers_to.and_then(|j| doc.citations.get(j));
            let date = c.date.or_else(|| referent.and_then(|r| r.date));
            match &c.symbol {
                Some(sym) => {
                    let Some(ident) = resolve::identity_of(sym, c.doc_type.as_deref(), date.map(|d| d.year()), home)
                    else {
                        return Planned::Skip;
                    };
                    if ident.is_complete() {
                        let id = ident.id();
                        Planned::Complete(ident.year, id)
                    } else if ident.jurisdiction.is_known() {
                        Planned::Later(PendingKind::NoYear(ident), sym.to_string())
                    } else {
                        let reason = incomplete_reason(&ident);
                        let id = format!("{}~{}", ident.id(), stem(path));
                        Planned::Private(ident, id, reason)
                    }
                }
                None => match (c.number, c.doc_type.as_deref().and_then(type_slug_of_name)) {
                    (Some(number), Some(ts)) => Planned::Later(
                        PendingKind::NumberOnly(ts, number, date.map(|d| d.year()), home.map(str::to_string)),
                        format!("{} số {number}", c.doc_type.as_deref().unwrap_or("văn bản")),
                    ),
                    _ => Planned::Skip,
                },
            }
        })
        .collect()
}

/// Relations whose edges establish facts that other documents' findings
/// read (a document replaced or repealed by another): the only edges a
/// [`GraphBuilder::index_only`] graph keeps.
fn is_corpus_fact(relation: Relation) -> bool {
    matches!(relation, Relation::Replaces | Relation::Repeals)
}

/// What a [`GraphBuilder::index_only`] builder keeps of one document: its
/// identity work done (in parallel, by [`IndexedDocument::new`]), its header,
/// and only the citations that make or fill nodes (the first citation of
/// each cited identity, full or private, and the first one of it with a
/// date) or that establish corpus facts (`replaces`, `repeals`), cut to what
/// the builder reads of them. The document itself can be dropped.
pub struct IndexedDocument {
    head: DocHead,
    /// The header fields the document's node takes, and the kept citations.
    doc: Document,
    /// For each kept citation: its index in the document, and its target.
    cites: Vec<(usize, Planned)>,
}

impl IndexedDocument {
    /// Do the identity work for `doc`, read from `path`, and keep what an
    /// index-only builder needs.
    pub fn new(path: &Path, doc: &Document) -> IndexedDocument {
        let DocPlan { mut head, targets } = DocPlan::new(path, doc);
        // An index keeps no issuers or subjects (see `GraphBuilder::index_only`).
        head.node.issuer = None;
        head.node.subject = None;
        let mut citations = Vec::new();
        let mut cites = Vec::new();
        // Node id → whether a citation of it with a date was kept.
        let mut seen: FxHashMap<String, bool> = FxHashMap::default();
        for (i, (c, t)) in doc.citations.iter().zip(targets).enumerate() {
            let keep = match &t {
                // A node takes its fields from the first citation of it, and
                // its date from the first one that has a date: later
                // citations of it change nothing, unless they are edges kept.
                Planned::Complete(_, id) | Planned::Private(_, id, _) => match seen.get_mut(id.as_str()) {
                    None => {
                        seen.insert(id.clone(), c.date.is_some());
                        true
                    }
                    Some(dated) => {
                        let fills = !*dated && c.date.is_some();
                        *dated |= c.date.is_some();
                        fills || is_corpus_fact(c.relation)
                    }
                },
                Planned::Later(..) => is_corpus_fact(c.relation),
                Planned::Skip => false,
            };
            if keep {
                citations.push(Citation {
                    doc_type: c.doc_type.clone(),
                    symbol: c.symbol.clone(),
                    number: None,
                    date: c.date,
                    issuer: None,
                    subject: None,
                    name: None,
                    relation: c.relation,
                    span: c.span,
                    symbol_span: None,
                    line: c.line,
                    in_footnote: false,
                    refers_to: None,
                    shared: Vec::new(),
                    ..Citation::default()
                });
                cites.push((i, t));
            }
        }
        let doc = Document {
            symbol: doc.symbol.clone(),
            doc_type: doc.doc_type.clone(),
            date: doc.date,
            citations,
            ..Default::default()
        };
        IndexedDocument { head, doc, cites }
    }
}

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
    fn add_pipelined<T: Sync>(&mut self, items: &[T], doc_of: impl Fn(&T) -> (&Path, &Document) + Sync) {
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
        for (ci, c, t) in cites {
            let edge = !self.index_only || is_corpus_fact(c.relation);
            let evidence = Evidence {
                path: path.clone(),
                span: c.span,
                line: c.line as u32,
                citation: ci as u32,
            };
            match t {
                Planned::Complete(year, id) => {
                    let to = self.node_for_identity(year, id, c);
                    if edge {
                        self.add_edge(from, to, c, Confidence::Certain, None, evidence);
                    }
                }
                Planned::Private(ident, id, reason) => {
                    // Never bound by guesswork: a node private to the citing file.
                    let jurisdiction = ident.jurisdiction.is_known().then(|| ident.jurisdiction.slug());
                    let to = self.external_node(ident.year, jurisdiction, id, c, Some(reason.clone()));
                    if edge {
                        self.add_edge(from, to, c, Confidence::Unknown, Some(reason), evidence);
                    }
                }
                Planned::Later(..) if !edge => {}
                Planned::Later(kind, what) => self.pending.push(Pending {
                    from,
                    evidence,
                    relation: c.relation,
                    cited_date: c.date,
                    kind,
                    what,
                }),
                Planned::Skip => {}
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
            date: c.date,
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
        self.add_edge_raw(from, to, c.relation, c.date, confidence, reason, ev);
    }

    #[allow(clippy::too_many_arguments)]
    fn add_edge_raw(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        relation: Relation,
        cited_date: Option<IssueDate>,
        confidence: Confidence,
        reason: Option<String>,
        ev: Evidence,
    ) {
        let g = &mut self.graph.g;
        // A document cites few others: a scan of its edges finds a repeat.
        let existing = g
            .edges_directed(from, Direction::Outgoing)
            .find(|e| e.target() == to && e.weight().relation == relation)
            .map(|e| e.id());
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
            edge.more.push(ev);
            return;
        }
        g.add_edge(
            from,
            to,
            Edge {
                relation,
                confidence,
                reason: reason.map(String::into_boxed_str),
                cited_date,
                evidence: ev,
                more: Vec::new(),
            },
        );
    }

    /// Resolve what is left, find duplicates and cycles, and return the graph.
    pub fn finish(mut self) -> CitationGraph {
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
                if self.index_only {
                    // Resolved again, citation by citation, when asked.
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
        // Cycles, computed once.
        let g = &mut self.graph;
        g.cycles = petgraph::algo::tarjan_scc(&g.g)
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
            n.date = c.date;
        }
        if n.issuer.is_none() {
            n.issuer = c.issuer.clone();
        }
    }
}

/// Index every node with a full identity (no `~` in its id) by (type slug,
/// number).
fn number_index(g: &DiGraph<Node, Edge>) -> NumberIndex {
    let mut by_number: NumberIndex = FxHashMap::default();
    for ix in g.node_indices() {
        let n = &g[ix];
        if n.id.contains('~') {
            continue;
        }
        if let Some(sym) = &n.symbol {
            if let Some(num) = sym.number() {
                by_number
                    .entry((resolve::type_slug(sym, n.doc_type.as_deref()), num))
                    .or_default()
                    .push(ix);
            }
        }
    }
    by_number
}

/// The nodes a number-only reference or a citation without a year could
/// mean (the citing document `from` itself left out), in node order.
fn fits(
    g: &DiGraph<Node, Edge>,
    by_number: &NumberIndex,
    from: Option<NodeIndex>,
    kind: &PendingKind,
) -> Vec<NodeIndex> {
    match kind {
        PendingKind::NumberOnly(ts, number, year, home) => by_number
            .get(&(ts.to_string(), *number))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&n| Some(n) != from)
            .filter(|&n| {
                let node = &g[n];
                year.is_none_or(|y| node.year == Some(y))
                    && match (home, &node.jurisdiction) {
                        (Some(h), Some(j)) => j == h || j == "national",
                        _ => true,
                    }
            })
            .collect(),
        PendingKind::NoYear(ident) => by_number
            .get(&(ident.doc_type.clone(), ident.number))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&n| Some(n) != from)
            .filter(|&n| {
                let node = &g[n];
                node.jurisdiction.as_deref() == Some(ident.jurisdiction.slug())
                    && node
                        .symbol
                        .as_ref()
                        .is_some_and(|s| resolve::slug(&s.issuers().join("-")) == ident.issuer)
            })
            .collect(),
    }
}

/// Bound (`Ok`, with the reason of the inference) when exactly one of
/// `fits` candidates fits, else unresolved (`Err`, with the reason).
fn pending_outcome(kind: &PendingKind, what: &str, fits: usize) -> Result<String, String> {
    let kind = match kind {
        PendingKind::NumberOnly(..) => "number-only reference",
        PendingKind::NoYear(_) => "no year",
    };
    match fits {
        1 => Ok(format!(
            "{kind} ({what}): the only document of that type and number in the graph"
        )),
        0 => Err(format!(
            "{kind} ({what}): no document of that type and number in the graph"
        )),
        n => Err(format!("{kind} ({what}): {n} candidates fit")),
    }
}

/// Why a citation of an identity several documents share is not attached.
fn shared_identity_reason(documents: usize, identity: &str) -> String {
    format!("ambiguous: {documents} documents of the corpus have the identity {identity}")
}

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
            Planned::Skip => Resolution::Nothing,
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
            ..Citation::default()
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
            cd(
                "h1.txt",
                doc(
                    None,
                    None,
                    None,
                    vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)],
                ),
            ),
            cd(
                "h2.txt",
                doc(
                    None,
                    None,
                    None,
                    vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)],
                ),
            ),
            cd(
                "bt.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("921-CV/TU"),
                    Some("2015-09-28"),
                    vec![],
                ),
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

    /// The index-only graph of `docs`, and the full graph.
    fn both(docs: &[CorpusDocument]) -> (CitationGraph, CitationGraph) {
        let mut b = GraphBuilder::index_only();
        for d in docs {
            b.add_indexed(IndexedDocument::new(&d.path, &d.document));
        }
        (b.finish(), CitationGraph::build(docs))
    }

    #[test]
    fn ok_index_keeps_nodes_and_corpus_facts() {
        let nd = "30/2024/NĐ-CP";
        let mut first = cite(nd, None, Relation::Mentions);
        first.issuer = Some("Chính phủ".to_string());
        let docs = vec![
            cd(
                "a.txt",
                doc(
                    Some("UBND TỈNH BÌNH THUẬN"),
                    Some("10/UBND-VP"),
                    Some("2024-05-01"),
                    vec![
                        // The node's date comes from the second citation.
                        first,
                        cite(nd, Some("2024-01-01"), Relation::Mentions),
                        cite(nd, Some("2024-01-02"), Relation::Basis),
                        cite("698-CV/TU", Some("2023-02-28"), Relation::Replaces),
                        cite("921-CV/TU", Some("2015-09-28"), Relation::Repeals),
                    ],
                ),
            ),
            cd(
                "b.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("698-CV/TU"),
                    Some("2023-02-28"),
                    vec![cite(nd, None, Relation::Implements)],
                ),
            ),
            cd(
                "h.txt",
                doc(
                    None,
                    None,
                    None,
                    vec![cite("5-CV/TU", Some("2015-09-28"), Relation::Replaces)],
                ),
            ),
        ];
        let (index, full) = both(&docs);
        let n = index.node("vn/national/cp/nd/2024/30").unwrap();
        assert_eq!(n.date, Some("2024-01-01".parse().unwrap()));
        assert_eq!(n.issuer, None);
        assert_eq!(
            full.node("vn/national/cp/nd/2024/30").unwrap().issuer.as_deref(),
            Some("Chính phủ")
        );
        let ids = |g: &CitationGraph| {
            g.nodes()
                .map(|n| (n.id.clone(), n.date, n.external))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&index), ids(&full));
        // Only the edges of corpus facts: replaces 698 (into b.txt's node),
        // repeals 921, and the private node of the headless letter.
        let rels: Vec<(String, Relation)> = index.edges().map(|(_, t, e)| (t.id.clone(), e.relation)).collect();
        assert_eq!(rels.len(), 3, "{rels:?}");
        assert!(rels.contains(&("vn/binh-thuan/tu/cv/2023/698".to_string(), Relation::Replaces)));
        assert_eq!(full.edge_count(), 6);
        assert!(index.unresolved().is_empty());
    }

    #[test]
    fn ok_resolve_document_answers_as_the_builder() {
        let docs = vec![
            cd(
                "k1.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("189-KH/TU"),
                    Some("2020-03-30"),
                    vec![],
                ),
            ),
            cd(
                "k2.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("189-KH/TU"),
                    Some("2020-03-30"),
                    vec![],
                ),
            ),
            cd(
                "k3.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("190-KH/TU"),
                    Some("2021-01-30"),
                    vec![],
                ),
            ),
            cd(
                "x.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("10-CV/TU"),
                    Some("2022-05-01"),
                    vec![
                        cite("189-KH/TU", Some("2020-03-30"), Relation::Implements),
                        Citation {
                            symbol: None,
                            number: Some(190),
                            doc_type: Some("Kế hoạch".to_string()),
                            ..cite("1-CV/TU", None, Relation::Mentions)
                        },
                        Citation {
                            symbol: None,
                            number: Some(191),
                            doc_type: Some("Kế hoạch".to_string()),
                            ..cite("1-CV/TU", None, Relation::Mentions)
                        },
                        cite("5-NQ/TU", None, Relation::Mentions),
                    ],
                ),
            ),
        ];
        let (index, full) = both(&docs);
        for g in [&index, &full] {
            let r = g.resolve_document(3, Path::new("x.txt"), &docs[3].document);
            let Resolution::Unresolved { reason, candidates } = &r[0] else {
                panic!("{r:?}")
            };
            assert!(reason.starts_with("ambiguous: 2 documents"), "{reason}");
            assert_eq!(candidates.len(), 2);
            let Resolution::Node { node, confidence, .. } = &r[1] else {
                panic!("{r:?}")
            };
            assert_eq!(
                (node.id.as_str(), *confidence),
                ("vn/binh-thuan/tu/kh/2021/190", Confidence::Inferred)
            );
            assert!(matches!(&r[2], Resolution::Unresolved { candidates, .. } if candidates.is_empty()));
            assert!(matches!(&r[3], Resolution::Unresolved { reason, .. } if reason.starts_with("no year")));
        }
        // As the full graph's edges and unresolved list say.
        assert_eq!(full.unresolved().len(), 3);
        let cited = full.cites("vn/binh-thuan/tu/cv/2022/10");
        assert_eq!(cited.len(), 1);
        assert_eq!(cited[0].1.confidence, Confidence::Inferred);
    }

    #[test]
    fn ok_duplicates_and_anachronism() {
        let docs = vec![
            cd(
                "a.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("698-CV/TU"),
                    Some("2023-02-28"),
                    vec![],
                ),
            ),
            cd(
                "a2.txt",
                doc(
                    Some("TỈNH ỦY BÌNH THUẬN"),
                    Some("698-CV/TU"),
                    Some("2023-02-28"),
                    vec![],
                ),
            ),
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
