//! The graph's domain types: nodes, edges, and what its views return.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::IssueDate;
use crate::model::{Relation, Span};
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
    /// Every citation behind the edge is in a website's editorial note (not
    /// the official text: the note names later documents that acted on it).
    #[serde(default)]
    pub editorial: bool,
    /// Every citation behind the edge is a third text's report of what one
    /// document does to another, not the source document's own text: a
    /// `by` citation (`Chương trình 53-CTr/TU … thực hiện Nghị quyết
    /// 19-NQ/TW`, read in a third document, draws 53-CTr/TU → 19-NQ/TW) or
    /// the agent of a passive statement (`acts`: `… được sửa đổi, bổ sung
    /// bởi Luật Y` draws Y → the document it amends). The evidence is then
    /// in the reporting text, not in the edge's source. A reported edge and
    /// the source's own edge of the same relation are two edges.
    #[serde(default)]
    pub reported: bool,
    /// Every citation behind the edge repeals or replaces a part of the
    /// cited document (a provision it names, [`Citation::part`]): the
    /// document stands.
    ///
    /// [`Citation::part`]: crate::model::Citation::part
    #[serde(default)]
    pub part: bool,
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
    /// Edges with a certain target in the corpus (of the edges not
    /// reported, as the next three).
    pub resolved: usize,
    /// Edges to certain external nodes.
    pub to_external: usize,
    /// Edges whose target is inferred.
    pub inferred: usize,
    /// Edges whose identity is incomplete.
    pub unknown: usize,
    /// Citations not attached.
    pub unresolved: usize,
    /// Edges a third text reports ([`Edge::reported`]); `resolved`,
    /// `to_external`, `inferred` and `unknown` count the others.
    #[serde(default)]
    pub reported: usize,
}
