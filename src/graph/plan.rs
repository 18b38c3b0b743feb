//! What each citation resolves to, worked out without the graph (so in
//! parallel), and the late binding of the citations that need the whole
//! graph (number-only references, citations without a year).

use std::path::Path;
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;

use super::{incomplete_reason, stem, type_slug_of_name, Edge, Evidence, Node, NumberIndex};
use crate::date::IssueDate;
use crate::model::{Citation, Document, Relation, Span};
use crate::resolve::{self, Identity};
use crate::symbol::Symbol;

/// A citation left for the end of the build: number-only references and
/// citations without a year, which are bound only when exactly one candidate
/// fits among all nodes.
pub(super) struct Pending {
    pub(super) from: NodeIndex,
    pub(super) evidence: Evidence,
    pub(super) relation: Relation,
    pub(super) cited_date: Option<IssueDate>,
    pub(super) editorial: bool,
    pub(super) kind: PendingKind,
    pub(super) what: String,
}

pub(super) enum PendingKind {
    /// `Kế hoạch số 189`: type slug, number, year, home jurisdiction.
    NumberOnly(&'static str, u32, Option<u16>, Option<String>),
    /// A full symbol without a year; jurisdiction known.
    NoYear(Identity),
}

/// What a citation resolves to, computed without the graph (so in parallel).
pub(super) enum Planned {
    /// A complete identity: its year and its id (which names its
    /// jurisdiction; nothing else of the identity is needed to insert it).
    Complete(Option<u16>, String),
    /// An incomplete identity: a node private to the citing file, with the reason.
    Private(Identity, String, String),
    /// Resolved at the end, against all nodes.
    Later(PendingKind, String),
    /// Nothing to resolve (a law cited by name only, a blank number).
    Skip,
    /// The document's own identity: no edge, no cycle, no finding.
    Itself,
}

/// The identity work for one document.
pub(super) struct DocPlan {
    pub(super) head: DocHead,
    pub(super) targets: Vec<Planned>,
}

/// The citing document's side of a [`DocPlan`].
pub(super) struct DocHead {
    pub(super) path: Arc<Path>,
    pub(super) own: Option<Identity>,
    pub(super) own_id: Option<String>,
    /// The document's node, built ahead of insertion (off the inserting
    /// thread); its id is left empty, for the insertion to choose.
    pub(super) node: Node,
}

impl DocHead {
    pub(super) fn new(path: &Path, doc: &Document, home: Option<&str>) -> DocHead {
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
            // As `parse` says it (from the date, else from the symbol), also
            // for a document without an identity.
            year: doc.date.map(|d| d.year()).or(doc.year),
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
    pub(super) fn new(path: &Path, doc: &Document) -> DocPlan {
        let home = resolve::document_jurisdiction(doc);
        DocPlan {
            head: DocHead::new(path, doc, home.as_deref()),
            targets: targets(path, doc, home.as_deref()),
        }
    }
}

/// What each citation of `doc` (read from `path`, whose jurisdiction is
/// `home`) resolves to, as far as is known without the graph.
///
/// A citation of the document's own identity (see [`is_own`]) resolves to
/// nothing: a self-reference is never an edge, a cycle or a finding.
pub(super) fn targets(path: &Path, doc: &Document, home: Option<&str>) -> Vec<Planned> {
    let own = resolve::document_identity_in(doc, home);
    doc.citations
        .iter()
        .map(|c| {
            // The document's own number is no edge: marked so by the cite
            // stage, or read where the header read the document's own
            // number (its `Số:` line).
            let own_number = |span: Span| {
                doc.spans
                    .symbol
                    .is_some_and(|o| o.start < span.end && span.start < o.end)
            };
            if c.is_self || own_number(c.symbol_span.unwrap_or(c.span)) {
                return Planned::Itself;
            }
            // A later short form takes its date from the first full citation.
            let referent = c.refers_to.and_then(|j| doc.citations.get(j));
            let date = issue_date(c).or_else(|| referent.and_then(issue_date));
            match &c.symbol {
                Some(sym) => {
                    let Some(ident) = resolve::identity_of(sym, c.doc_type.as_deref(), date.map(|d| d.year()), home)
                    else {
                        return Planned::Skip;
                    };
                    if own.as_ref().is_some_and(|o| is_own(o, &ident)) {
                        return Planned::Itself;
                    }
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
                    // `Kế hoạch số 189` in Kế hoạch 189 itself (of the year printed, if one is).
                    (Some(number), Some(ts))
                        if own.as_ref().is_some_and(|o| {
                            o.doc_type == ts && o.number == number && date.is_none_or(|d| o.year == Some(d.year()))
                        }) =>
                    {
                        Planned::Itself
                    }
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

/// The date of issue a citation prints: its date, unless the số ký hiệu
/// prints a year and the date is of another (`Nghị định số 157/2025/NĐ-CP
/// (tháng 7 năm 2029)`: a date the clause speaks of, not the decree's).
pub fn issue_date(c: &Citation) -> Option<IssueDate> {
    let year = c.symbol.as_ref().and_then(Symbol::year);
    c.date.filter(|d| year.is_none_or(|y| d.year() == y))
}

/// Which citations of `doc` are references to its own identity (see
/// [`targets`]): never an edge, a cycle or a finding.
pub(crate) fn self_references(doc: &Document) -> Vec<bool> {
    let home = resolve::document_jurisdiction(doc);
    targets(Path::new(""), doc, home.as_deref())
        .iter()
        .map(|t| matches!(t, Planned::Itself))
        .collect()
}

/// Is the cited identity `cited` the citing document's own identity `own`?
/// Everything but the year must be the same, and the year too when the
/// citation prints one (in its symbol or its date): `Văn bản hợp nhất
/// 03/VBHN-VPQH` in that consolidated text itself, not in the one of another
/// year with the same number.
pub(super) fn is_own(own: &Identity, cited: &Identity) -> bool {
    own.number == cited.number
        && own.issuer == cited.issuer
        && own.doc_type == cited.doc_type
        && own.jurisdiction == cited.jurisdiction
        && cited.year.is_none_or(|y| own.year == Some(y))
}

/// The relation of the citing document's edge to a cited one: the
/// citation's, when it is the citing document's own statement. A relation
/// of another cited document (`by`: `Chương trình 53-CTr/TU … thực hiện
/// Nghị quyết 19-NQ/TW` is 53-CTr/TU's, not the citing text's) or read in a
/// website's editorial note (not the official text) is `mentions` here.
pub fn edge_relation(c: &Citation) -> Relation {
    if c.by.is_some() || c.editorial {
        Relation::Mentions
    } else {
        c.relation
    }
}

/// Relations whose edges establish facts that other documents' findings
/// read (a document replaced or repealed by another): the only edges a
/// [`GraphBuilder::index_only`](super::GraphBuilder::index_only) graph keeps.
pub(super) fn is_corpus_fact(relation: Relation) -> bool {
    matches!(relation, Relation::Replaces | Relation::Repeals)
}

/// What a [`GraphBuilder::index_only`](super::GraphBuilder::index_only) builder keeps of one document: its
/// identity work done (in parallel, by [`IndexedDocument::new`]), its header,
/// and only the citations that make or fill nodes (the first citation of
/// each cited identity, full or private, and the first one of it with a
/// date) or that establish corpus facts (`replaces`, `repeals`), cut to what
/// the builder reads of them. The document itself can be dropped.
pub struct IndexedDocument {
    pub(super) head: DocHead,
    /// The header fields the document's node takes, and the kept citations.
    pub(super) doc: Document,
    /// For each kept citation: its index in the document, and its target.
    pub(super) cites: Vec<(usize, Planned)>,
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
                        seen.insert(id.clone(), issue_date(c).is_some());
                        true
                    }
                    Some(dated) => {
                        let fills = !*dated && issue_date(c).is_some();
                        *dated |= issue_date(c).is_some();
                        fills || is_corpus_fact(edge_relation(c))
                    }
                },
                Planned::Later(..) => is_corpus_fact(edge_relation(c)),
                Planned::Skip | Planned::Itself => false,
            };
            if keep {
                citations.push(Citation {
                    doc_type: c.doc_type.clone(),
                    symbol: c.symbol.clone(),
                    number: None,
                    date: issue_date(c),
                    issuer: None,
                    subject: None,
                    name: None,
                    relation: edge_relation(c),
                    span: c.span,
                    symbol_span: None,
                    line: c.line,
                    in_footnote: false,
                    refers_to: None,
                    shared: Vec::new(),
                    part: c.part,
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

/// Index every node with a full identity (no `~` in its id) by (type slug,
/// number).
pub(super) fn number_index(g: &DiGraph<Node, Edge>) -> NumberIndex {
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
pub(super) fn fits(
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
pub(super) fn pending_outcome(kind: &PendingKind, what: &str, fits: usize) -> Result<String, String> {
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
pub(super) fn shared_identity_reason(documents: usize, identity: &str) -> String {
    format!("ambiguous: {documents} documents of the corpus have the identity {identity}")
}
