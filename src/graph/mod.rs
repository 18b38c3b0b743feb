//! Stage 5: **graph**: the citation graph of a corpus, with identity
//! resolution and queries (lineage, roots, orphans, cycles, anachronisms).
//!
//! petgraph stays inside: nodes and edges are looked up by document id and
//! every view returns domain types.
//!
//! One file per concern: `types.rs` (nodes, edges and what queries
//! return), `plan.rs` (what a citation resolves to, worked out without the
//! graph, and the late binding of number-only references), `builder.rs`
//! ([`GraphBuilder`]), `query.rs` (lineage, roots, cycles and the other
//! views).

mod builder;
mod plan;
mod query;
#[cfg(test)]
mod tests;
mod types;

use std::path::Path;
use std::sync::OnceLock;

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;

pub use builder::GraphBuilder;
pub(crate) use plan::self_references;
pub use plan::{edge_relation, issue_date, IndexedDocument};
pub use query::Resolution;
pub use types::{Confidence, Duplicate, Edge, Evidence, GraphStats, LineageStep, Node, Unresolved, Walk};

use crate::date::IssueDate;
use crate::resolve::Identity;

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
