//! Exports of a [`CitationGraph`]: JSON, Graphviz DOT, GraphML (Gephi,
//! networkx), CSV node and edge tables, Mermaid; and the JSON records of the
//! command line that other front ends (the Python package) print too: a
//! parsed document ([`ParseRecord`]) and a lineage walk ([`lineage_to_json`]).

use std::io::{self, Write};

use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::graph::{CitationGraph, Duplicate, Edge, GraphStats, LineageStep, Node, Unresolved, Walk};
use crate::model::{Document, Relation, Span};

/// One document as `vanban parse --format json` prints it (one line per
/// file): `path`, then the keys of [`Document`].
#[derive(Debug, Serialize)]
pub struct ParseRecord<'a> {
    /// The file, as given or found while walking (`-` for stdin).
    pub path: String,
    /// The exact bytes of a file name that is not UTF-8 (`path` then has
    /// U+FFFD); left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path_bytes: Option<&'a [u8]>,
    /// The parsed document, its keys beside `path`.
    #[serde(flatten)]
    pub doc: &'a Document,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    depth: usize,
    id: &'a str,
    via: &'a str,
    relation: Relation,
    confidence: crate::graph::Confidence,
    node: &'a Node,
    path: &'a std::sync::Arc<std::path::Path>,
    span: Span,
}

/// `vanban lineage --format json`: `of` (the start node), `direction`
/// (`up` or `down`) and `steps` (each with `depth`, `id`, `via`,
/// `relation`, `confidence`, `node`, and the `path` and `span` of the
/// citation followed), as [`CitationGraph::lineage`] returns them.
pub fn lineage_to_json(start: &Node, walk: Walk, steps: &[LineageStep<'_>], out: &mut impl Write) -> io::Result<()> {
    let steps: Vec<JsonStep<'_>> = steps
        .iter()
        .map(|s| JsonStep {
            depth: s.depth,
            id: &s.node.id,
            via: &s.via.id,
            relation: s.edge.relation,
            confidence: s.edge.confidence,
            node: s.node,
            path: &s.edge.evidence.path,
            span: s.edge.evidence.span,
        })
        .collect();
    let direction = match walk {
        Walk::Up => "up",
        Walk::Down => "down",
    };
    serde_json::to_writer_pretty(
        &mut *out,
        &serde_json::json!({"of": start, "direction": direction, "steps": steps}),
    )?;
    writeln!(out)
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    from: &'a str,
    to: &'a str,
    relation: Relation,
    path: &'a std::sync::Arc<std::path::Path>,
    span: Span,
    line: u32,
    confidence: crate::graph::Confidence,
    reason: Option<&'a str>,
    cited_date: Option<crate::IssueDate>,
    /// Every citation behind the edge is in a website's editorial note.
    editorial: bool,
    /// Every citation behind the edge is a third text's report (see
    /// [`Edge::reported`](crate::graph::Edge::reported)).
    reported: bool,
    /// Every citation behind the edge repeals or replaces a provision of
    /// the cited document (see [`Edge::part`](crate::graph::Edge::part)).
    part: bool,
    /// All citations behind the edge (the first is `path`/`span`).
    evidence: Vec<&'a crate::graph::Evidence>,
}

#[derive(Serialize)]
struct JsonGraph<'a> {
    nodes: Vec<&'a Node>,
    edges: Vec<JsonEdge<'a>>,
    unresolved: &'a [Unresolved],
    duplicates: &'a [Duplicate],
    cycles: Vec<Vec<&'a str>>,
    stats: GraphStats,
}

fn json_edge<'a>(from: &'a Node, to: &'a Node, e: &'a Edge) -> JsonEdge<'a> {
    let mut evidence = vec![&e.evidence];
    evidence.extend(e.more.iter());
    JsonEdge {
        from: &from.id,
        to: &to.id,
        relation: e.relation,
        path: &e.evidence.path,
        span: e.evidence.span,
        line: e.evidence.line,
        confidence: e.confidence,
        reason: e.reason.as_deref(),
        cited_date: e.cited_date,
        editorial: e.editorial,
        reported: e.reported,
        part: e.part,
        evidence,
    }
}

/// JSON: `nodes`, `edges`, `unresolved`, `duplicates`, `cycles`, `stats`.
pub fn to_json(g: &CitationGraph, out: &mut impl Write) -> io::Result<()> {
    let doc = JsonGraph {
        nodes: g.nodes().collect(),
        edges: g.edges().map(|(f, t, e)| json_edge(f, t, e)).collect(),
        unresolved: g.unresolved(),
        duplicates: g.duplicates(),
        cycles: g
            .cycles()
            .iter()
            .map(|c| c.iter().map(|n| n.id.as_str()).collect())
            .collect(),
        stats: g.stats(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

fn node_caption(n: &Node) -> String {
    let mut s = n.label();
    if let Some(d) = n.date {
        s.push('\n');
        s.push_str(&d.to_string());
    }
    if let Some(j) = &n.jurisdiction {
        if j != "national" {
            s.push('\n');
            s.push_str(j);
        }
    }
    s
}

/// Graphviz DOT (`dot -Tsvg`). External nodes are dashed; inferred edges
/// dashed; edges of unknown identity dotted.
pub fn to_dot(g: &CitationGraph, out: &mut impl Write) -> io::Result<()> {
    let inner = g.inner();
    let dot = petgraph::dot::Dot::with_attr_getters(
        inner,
        &[petgraph::dot::Config::NodeNoLabel, petgraph::dot::Config::EdgeNoLabel],
        &|_, e| {
            let w = e.weight();
            let style = match w.confidence {
                crate::graph::Confidence::Certain => "solid",
                crate::graph::Confidence::Inferred => "dashed",
                crate::graph::Confidence::Unknown => "dotted",
            };
            format!("label = \"{}\" style = \"{style}\"", w.relation)
        },
        &|_, (_, n)| {
            let style = if n.external { "dashed" } else { "solid" };
            format!(
                "label = \"{}\" tooltip = \"{}\" shape = \"box\" style = \"{style}\"",
                dot_escape(&node_caption(n)),
                dot_escape(&n.id)
            )
        },
    );
    writeln!(
        out,
        "// vanban citation graph: an edge points from the citing document to the cited one"
    )?;
    writeln!(out, "{dot:?}")
}

/// The attributes of the GraphML export: (key id, for, name, type). Each
/// key id is unique (node and edge attributes of one name get their own
/// ids), and numbers and flags are typed, so that Gephi and networkx read
/// them as numbers and booleans.
const GRAPHML_KEYS: [(&str, &str, &str, &str); 16] = [
    ("n_doc_id", "node", "doc_id", "string"),
    ("n_label", "node", "label", "string"),
    ("n_symbol", "node", "symbol", "string"),
    ("n_type", "node", "type", "string"),
    ("n_date", "node", "date", "string"),
    ("n_year", "node", "year", "int"),
    ("n_jurisdiction", "node", "jurisdiction", "string"),
    ("n_issuer", "node", "issuer", "string"),
    ("n_path", "node", "path", "string"),
    ("n_external", "node", "external", "boolean"),
    ("e_relation", "edge", "relation", "string"),
    ("e_confidence", "edge", "confidence", "string"),
    ("e_path", "edge", "path", "string"),
    ("e_line", "edge", "line", "int"),
    ("e_span_start", "edge", "span_start", "long"),
    ("e_span_end", "edge", "span_end", "long"),
];

/// `s` as XML character data or an attribute value: the characters XML 1.0
/// forbids as visible escapes ([`crate::safety::xml_safe`]), then `&`, `<`,
/// `>` and `"` as entities.
fn xml_text(s: &str) -> String {
    let safe = crate::safety::xml_safe(s);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// GraphML (Gephi, networkx, yEd): node attributes `doc_id`, `label`,
/// `symbol`, `type`, `date`, `year` (int), `jurisdiction`, `issuer`, `path`,
/// `external` (boolean); edge attributes `relation`, `confidence`, `path`,
/// `line` (int), `span_start` and `span_end` (long). An attribute without a
/// value (an external document has no `path`) is left out of its node. The
/// same graph gives the same bytes on every run: keys, nodes and edges in a
/// fixed order. Characters XML 1.0 forbids (control characters in a file
/// name or in a document's text) are written as visible escapes (`\x01`),
/// so the file stays well-formed.
pub fn to_graphml(g: &CitationGraph, out: &mut impl Write) -> io::Result<()> {
    let inner = g.inner();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, of, name, ty) in GRAPHML_KEYS {
        writeln!(
            out,
            r#"  <key id="{id}" for="{of}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="citations" edgedefault="directed">"#)?;
    let data = |out: &mut dyn Write, key: &str, value: Option<String>| -> io::Result<()> {
        match value {
            Some(v) => writeln!(out, r#"      <data key="{key}">{}</data>"#, xml_text(&v)),
            None => Ok(()),
        }
    };
    for ix in inner.node_indices() {
        let n = &inner[ix];
        writeln!(out, r#"    <node id="n{}">"#, ix.index())?;
        data(out, "n_doc_id", Some(n.id.clone()))?;
        data(out, "n_label", Some(n.label()))?;
        data(out, "n_symbol", n.symbol.as_ref().map(|s| s.to_string()))?;
        data(out, "n_type", n.doc_type.clone())?;
        data(out, "n_date", n.date.map(|d| d.to_string()))?;
        data(out, "n_year", n.year.map(|y| y.to_string()))?;
        data(out, "n_jurisdiction", n.jurisdiction.clone())?;
        data(out, "n_issuer", n.issuer.clone())?;
        data(out, "n_path", n.path.as_ref().map(|p| p.display().to_string()))?;
        data(out, "n_external", Some(n.external.to_string()))?;
        writeln!(out, "    </node>")?;
    }
    for e in inner.edge_references() {
        let w = e.weight();
        writeln!(
            out,
            r#"    <edge id="e{}" source="n{}" target="n{}">"#,
            e.id().index(),
            e.source().index(),
            e.target().index()
        )?;
        data(out, "e_relation", Some(w.relation.as_str().to_string()))?;
        data(out, "e_confidence", Some(w.confidence.as_str().to_string()))?;
        data(out, "e_path", Some(w.evidence.path.display().to_string()))?;
        data(out, "e_line", Some(w.evidence.line.to_string()))?;
        data(out, "e_span_start", Some(w.evidence.span.start.to_string()))?;
        data(out, "e_span_end", Some(w.evidence.span.end.to_string()))?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// CSV node table: `id,symbol,type,date,jurisdiction,issuer,path,external`.
pub fn nodes_csv(g: &CitationGraph, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "symbol",
        "type",
        "date",
        "jurisdiction",
        "issuer",
        "path",
        "external",
    ])?;
    for n in g.nodes() {
        w.write_record([
            n.id.as_str(),
            &opt(&n.symbol),
            n.doc_type.as_deref().unwrap_or(""),
            &opt(&n.date),
            n.jurisdiction.as_deref().unwrap_or(""),
            n.issuer.as_deref().unwrap_or(""),
            &n.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            if n.external { "true" } else { "false" },
        ])?;
    }
    w.flush()
}

/// CSV edge table: `from,to,relation,confidence,path,line,span_start,span_end,citations,reason`.
pub fn edges_csv(g: &CitationGraph, out: impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "from",
        "to",
        "relation",
        "confidence",
        "path",
        "line",
        "span_start",
        "span_end",
        "citations",
        "reason",
    ])?;
    for (f, t, e) in g.edges() {
        w.write_record([
            f.id.as_str(),
            t.id.as_str(),
            e.relation.as_str(),
            e.confidence.as_str(),
            &e.evidence.path.display().to_string(),
            &e.evidence.line.to_string(),
            &e.evidence.span.start.to_string(),
            &e.evidence.span.end.to_string(),
            &(1 + e.more.len()).to_string(),
            e.reason.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()
}

fn mermaid_text(s: &str) -> String {
    s.replace('"', "#quot;").replace('\n', "<br/>")
}

/// Mermaid flowchart (renders on GitHub). Cited documents above citing ones.
pub fn to_mermaid(g: &CitationGraph, out: &mut impl Write) -> io::Result<()> {
    let inner = g.inner();
    writeln!(out, "flowchart BT")?;
    for ix in inner.node_indices() {
        let n = &inner[ix];
        let text = mermaid_text(&node_caption(n));
        if n.external {
            writeln!(out, "    n{}([\"{text}\"])", ix.index())?;
        } else {
            writeln!(out, "    n{}[\"{text}\"]", ix.index())?;
        }
    }
    for e in inner.edge_references() {
        let w = e.weight();
        let arrow = match w.confidence {
            crate::graph::Confidence::Certain => "-->",
            _ => "-.->",
        };
        writeln!(
            out,
            "    n{} {arrow}|{}| n{}",
            e.source().index(),
            w.relation,
            e.target().index()
        )?;
    }
    Ok(())
}
