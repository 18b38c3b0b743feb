//! `vanban graph`, `vanban lineage`, `vanban query`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use vanban::graph::{LineageStep, Walk};
use vanban::safety::{display_path, escape_control, write_atomic};
use vanban::{CitationGraph, Corpus, Node, Relation, Symbol};

use super::input::load_corpus;
use super::{Global, InputArgs, Stdout};

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum GraphFormat {
    Json,
    Dot,
    Graphml,
    Csv,
    Mermaid,
    Stats,
}

#[derive(clap::Args, Debug)]
pub struct GraphArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
    format: GraphFormat,
    /// Write the export into this file instead of stdout (a new file, unless
    /// --force); for `--format csv`, a folder for `nodes.csv` and
    /// `edges.csv` (new or empty, unless --force). Written whole to a new
    /// file and renamed into place, never through a symbolic link.
    #[arg(long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Replace the --output file, or write into a --output folder that is
    /// not empty (`nodes.csv` and `edges.csv` are replaced; nothing else is
    /// touched).
    #[arg(long)]
    force: bool,
    /// Keep only edges of these relations (repeatable), and the nodes they
    /// touch; `all` keeps the whole graph.
    #[arg(long = "relation", value_name = "R", value_parser = parse_relation)]
    relations: Vec<Option<Relation>>,
    #[command(flatten)]
    input: InputArgs,
    /// Files and folders (recursed).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct LineageArgs {
    /// The document: an id (`vn/binh-thuan/tu/cv/2023/698`), a file, or a
    /// số ký hiệu (`308-CV/TU`; add --year/--jurisdiction when ambiguous).
    #[arg(long = "of", value_name = "DOC")]
    of: String,
    /// Walk up: what DOC implements, transitively (default).
    #[arg(long, conflicts_with = "down")]
    up: bool,
    /// Walk down: everything that implements DOC.
    #[arg(long)]
    down: bool,
    /// Relations to follow (repeatable); default `implements`. `all` follows every relation.
    #[arg(long = "relation", value_name = "R", value_parser = parse_relation)]
    relations: Vec<Option<Relation>>,
    /// Year of DOC when given as a symbol.
    #[arg(long)]
    year: Option<u16>,
    /// Jurisdiction of DOC when given as a symbol: a slug (`binh-thuan`,
    /// `national`) or a province's name (`Bình Thuận`).
    #[arg(long)]
    jurisdiction: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::Format::Text)]
    format: super::Format,
    #[command(flatten)]
    input: InputArgs,
    /// Files and folders (recursed).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum QueryKind {
    /// Documents of the corpus that the corpus cites and that cite no
    /// document of the corpus: the tops of its lineages (--external: of the
    /// whole graph, cited documents outside the corpus included).
    Roots,
    /// Corpus documents with no citation either way.
    Orphans,
    /// Citation cycles.
    Cycles,
    /// Citations of a document dated after the citing one.
    Anachronisms,
    /// Citations not attached to any node, with the reason.
    Unresolved,
    /// Counts: nodes, edges, resolved / external / inferred / unknown.
    Stats,
}

#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// What to list.
    #[arg(value_enum)]
    kind: QueryKind,
    /// Output format.
    #[arg(long, value_enum, default_value_t = super::Format::Text)]
    format: super::Format,
    /// `roots`: the roots of the whole graph, documents outside the corpus
    /// (cited, never read) included.
    #[arg(long)]
    external: bool,
    #[command(flatten)]
    input: InputArgs,
    /// Files and folders (recursed).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// `--relation`: a relation, or `all` (`None`).
fn parse_relation(s: &str) -> Result<Option<Relation>, String> {
    if s == "all" {
        return Ok(None);
    }
    s.parse::<Relation>().map(Some).map_err(|e| format!("{e}, or all"))
}

/// The corpus under `paths` and its graph; files that could not be read
/// are said on stderr.
fn load(paths: &[PathBuf], input: &InputArgs) -> anyhow::Result<(Corpus, CitationGraph)> {
    let corpus = load_corpus(paths, &input.corpus_options())?;
    for e in corpus.errors() {
        super::report_error(&e.error);
    }
    let graph = corpus.graph();
    Ok((corpus, graph))
}

fn io_code(corpus: &Corpus) -> i32 {
    if corpus.errors().is_empty() {
        0
    } else {
        2
    }
}

pub fn cmd_graph(a: GraphArgs, global: Global) -> anyhow::Result<i32> {
    let (corpus, graph) = load(&a.paths, &a.input)?;
    let graph = if a.relations.is_empty() || a.relations.contains(&None) {
        graph
    } else {
        let keep: Vec<Relation> = a.relations.iter().flatten().copied().collect();
        graph.with_relations(&keep)
    };
    let mut out = Stdout::new();
    match (&a.output, a.format) {
        (Some(dir), GraphFormat::Csv) => {
            let not_empty = std::fs::read_dir(dir).is_ok_and(|mut rd| rd.next().is_some());
            if not_empty && !a.force {
                anyhow::bail!(
                    "{}: the folder is not empty: expected a new or empty folder for nodes.csv and edges.csv \
                     (--force writes them into it, replacing those two files)",
                    display_path(dir)
                );
            }
            std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot make the folder", display_path(dir)))?;
            let (nodes, edges) = (dir.join("nodes.csv"), dir.join("edges.csv"));
            // Each written whole to a new file and renamed: never half a
            // table, never through a link planted in the folder.
            write_atomic(&nodes, |w| vanban::export::nodes_csv(&graph, w))
                .with_context(|| format!("{}: cannot write", display_path(&nodes)))?;
            write_atomic(&edges, |w| vanban::export::edges_csv(&graph, w))
                .with_context(|| format!("{}: cannot write", display_path(&edges)))?;
            if !global.quiet {
                writeln!(out, "wrote {} and {}", display_path(&nodes), display_path(&edges))?;
            }
        }
        (Some(file), format) => {
            refuse_existing(file, a.force)?;
            write_atomic(file, |w| export(&graph, format, w))
                .with_context(|| format!("{}: cannot write", display_path(file)))?;
            if !global.quiet {
                writeln!(out, "wrote {}", display_path(file))?;
            }
        }
        (None, format) => export(&graph, format, &mut out)?,
    }
    out.flush()?;
    Ok(io_code(&corpus))
}

/// The graph in `format` (CSV: the node table, a blank line, the edge table).
fn export(graph: &CitationGraph, format: GraphFormat, mut out: &mut dyn Write) -> io::Result<()> {
    match format {
        GraphFormat::Json => vanban::export::to_json(graph, &mut out),
        GraphFormat::Dot => vanban::export::to_dot(graph, &mut out),
        GraphFormat::Graphml => vanban::export::to_graphml(graph, &mut out),
        GraphFormat::Mermaid => vanban::export::to_mermaid(graph, &mut out),
        GraphFormat::Stats => write_stats(graph, &mut out),
        GraphFormat::Csv => {
            vanban::export::nodes_csv(graph, &mut out)?;
            writeln!(out)?;
            vanban::export::edges_csv(graph, &mut out)
        }
    }
}

/// `--output FILE`: a file that is there already is replaced only with
/// `--force`, and a folder never.
fn refuse_existing(file: &Path, force: bool) -> anyhow::Result<()> {
    match std::fs::symlink_metadata(file) {
        Ok(m) if m.is_dir() => anyhow::bail!(
            "{}: is a folder: expected a file for this format (only --format csv writes into a folder)",
            display_path(file)
        ),
        Ok(_) if !force => anyhow::bail!(
            "{}: the file exists: expected a new file (--force replaces it)",
            display_path(file)
        ),
        _ => Ok(()),
    }
}

fn write_stats(graph: &CitationGraph, out: &mut impl Write) -> io::Result<()> {
    let s = graph.stats();
    writeln!(
        out,
        "nodes {} ({} documents, {} external); edges {} from {} citations: {} resolved in the corpus, {} to external documents, {} inferred, {} with unknown jurisdiction or year, {} reported by another text; {} citations unresolved",
        graph.node_count(),
        s.documents,
        s.external,
        s.edges,
        s.citations,
        s.resolved,
        s.to_external,
        s.inferred,
        s.unknown,
        s.reported,
        s.unresolved
    )
}

/// Find DOC: an id, a file, or a symbol (filtered by year and jurisdiction).
fn find_doc<'g>(graph: &'g CitationGraph, a: &LineageArgs) -> Result<&'g Node, (String, Vec<&'g Node>)> {
    if let Some(n) = graph.node(&a.of) {
        return Ok(n);
    }
    let p = PathBuf::from(&a.of);
    if p.exists() {
        return graph
            .node_by_path(&p)
            .ok_or_else(|| (format!("{} is not a document of the corpus", p.display()), Vec::new()));
    }
    match a.of.parse::<Symbol>() {
        Ok(sym) => {
            let found = graph.find_symbol(&sym, a.year, a.jurisdiction.as_deref());
            match found.len() {
                1 => Ok(found[0]),
                0 => Err((format!("no document {sym} in the graph{}", filters(a)), Vec::new())),
                n => Err((
                    format!(
                        "{n} documents are {sym}{}: give --year and/or --jurisdiction, or one of these ids",
                        filters(a)
                    ),
                    found,
                )),
            }
        }
        Err(_) => Err((
            format!("{:?} is not a document id, a file, or a số ký hiệu", a.of),
            Vec::new(),
        )),
    }
}

fn filters(a: &LineageArgs) -> String {
    let mut s = String::new();
    if let Some(y) = a.year {
        s.push_str(&format!(" of {y}"));
    }
    if let Some(j) = &a.jurisdiction {
        s.push_str(&format!(" in {j}"));
    }
    s
}

fn describe(n: &Node) -> String {
    let mut parts = vec![n.label()];
    if let Some(d) = n.date {
        parts.push(d.to_string());
    }
    parts.push(
        n.jurisdiction
            .clone()
            .unwrap_or_else(|| "jurisdiction unknown".to_string()),
    );
    match &n.path {
        Some(p) => parts.push(display_path(p)),
        None => parts.push("external".to_string()),
    }
    escape_control(&format!("{}  [{}]", parts.join("  "), n.id), false).into_owned()
}

pub fn cmd_lineage(a: LineageArgs) -> anyhow::Result<i32> {
    let (corpus, graph) = load(&a.paths, &a.input)?;
    let relations: Vec<Relation> = if a.relations.contains(&None) {
        Relation::ALL.to_vec()
    } else if a.relations.is_empty() {
        vec![Relation::Implements]
    } else {
        a.relations.iter().flatten().copied().collect()
    };
    let walk = if a.down { Walk::Down } else { Walk::Up };
    let mut out = Stdout::new();
    let start = match find_doc(&graph, &a) {
        Ok(n) => n,
        Err((msg, candidates)) => {
            super::report_error(&msg);
            for c in candidates {
                writeln!(out, "{}", describe(c))?;
            }
            out.flush()?;
            return Ok(1);
        }
    };
    let steps = graph.lineage(&start.id, walk, &relations);
    match a.format {
        super::Format::Json => vanban::export::lineage_to_json(start, walk, &steps, &mut out)?,
        super::Format::Text => {
            writeln!(out, "{}", describe(start))?;
            let mut children: HashMap<&str, Vec<&LineageStep<'_>>> = HashMap::new();
            for s in &steps {
                children.entry(s.via.id.as_str()).or_default().push(s);
            }
            print_tree(&mut out, &children, &start.id, a.down)?;
        }
    }
    out.flush()?;
    Ok(io_code(&corpus))
}

/// Levels of a lineage drawn with indentation. Deeper steps are drawn at
/// this level with their depth written out: a chain of N documents would
/// otherwise take N² characters of indentation.
const MAX_DRAWN_DEPTH: usize = 32;

/// Print the steps under `id` as a tree, depth first, with a stack of its
/// own (a chain of 100,000 documents does not overflow the call stack).
fn print_tree(
    out: &mut impl Write,
    children: &HashMap<&str, Vec<&LineageStep<'_>>>,
    id: &str,
    down: bool,
) -> io::Result<()> {
    struct Level<'c, 'g> {
        kids: &'c [&'c LineageStep<'g>],
        next: usize,
        indent: String,
        depth: usize,
    }
    let kids_of = |id: &str| children.get(id).map_or(&[][..], Vec::as_slice);
    let arrow = if down { "←" } else { "→" };
    let mut stack = vec![Level {
        kids: kids_of(id),
        next: 0,
        indent: String::new(),
        depth: 1,
    }];
    while let Some(level) = stack.last_mut() {
        let Some(s) = level.kids.get(level.next) else {
            stack.pop();
            continue;
        };
        level.next += 1;
        let last = level.next == level.kids.len();
        let depth = level.depth;
        let conf = match s.edge.confidence {
            vanban::Confidence::Certain => String::new(),
            c => format!(" ({}: {})", c.as_str(), s.edge.reason.as_deref().unwrap_or("")),
        };
        let deep = if depth > MAX_DRAWN_DEPTH {
            format!("[depth {depth}] ")
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}{} {deep}{} {arrow} {}{conf}",
            level.indent,
            if last { "└─" } else { "├─" },
            s.edge.relation,
            describe(s.node)
        )?;
        let mut indent = level.indent.clone();
        if depth < MAX_DRAWN_DEPTH {
            indent.push_str(if last { "   " } else { "│  " });
        }
        let kids = kids_of(&s.node.id);
        if !kids.is_empty() {
            stack.push(Level {
                kids,
                next: 0,
                indent,
                depth: depth + 1,
            });
        }
    }
    Ok(())
}

pub fn cmd_query(a: QueryArgs) -> anyhow::Result<i32> {
    let (corpus, graph) = load(&a.paths, &a.input)?;
    let mut out = Stdout::new();
    let json = a.format == super::Format::Json;
    match a.kind {
        QueryKind::Roots | QueryKind::Orphans => {
            let nodes = match a.kind {
                QueryKind::Roots if a.external => graph.roots(),
                QueryKind::Roots => graph.corpus_roots(),
                _ => graph.orphans(),
            };
            if json {
                serde_json::to_writer_pretty(&mut out, &nodes)?;
                writeln!(out)?;
            } else {
                for n in nodes {
                    writeln!(out, "{}", describe(n))?;
                }
            }
        }
        QueryKind::Cycles => {
            let cycles = graph.cycles();
            if json {
                let ids: Vec<Vec<&str>> = cycles
                    .iter()
                    .map(|c| c.iter().map(|n| n.id.as_str()).collect())
                    .collect();
                serde_json::to_writer_pretty(&mut out, &ids)?;
                writeln!(out)?;
            } else {
                for c in cycles {
                    let ids: Vec<&str> = c.iter().map(|n| n.id.as_str()).collect();
                    writeln!(out, "{}", escape_control(&ids.join(" → "), false))?;
                }
            }
        }
        QueryKind::Anachronisms => {
            let list = graph.anachronisms();
            if json {
                let v: Vec<_> = list
                    .iter()
                    .map(|(f, t, e)| serde_json::json!({"from": f.id, "to": t.id, "from_date": f.date, "to_date": t.date.or(e.cited_date), "path": e.evidence.path, "line": e.evidence.line, "span": e.evidence.span}))
                    .collect();
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            } else {
                for (f, t, e) in list {
                    let line = format!(
                        "{}:{}: {} ({}) cites {} ({}), dated after it",
                        display_path(&e.evidence.path),
                        e.evidence.line,
                        f.label(),
                        super::opt(&f.date),
                        t.label(),
                        super::opt(&t.date.or(e.cited_date))
                    );
                    writeln!(out, "{}", escape_control(&line, false))?;
                }
            }
        }
        QueryKind::Unresolved => {
            if json {
                serde_json::to_writer_pretty(&mut out, graph.unresolved())?;
                writeln!(out)?;
            } else {
                for u in graph.unresolved() {
                    let line = format!("{}:{}: {}", display_path(&u.evidence.path), u.evidence.line, u.reason);
                    writeln!(out, "{}", escape_control(&line, false))?;
                }
            }
        }
        QueryKind::Stats => {
            if json {
                serde_json::to_writer_pretty(&mut out, &graph.stats())?;
                writeln!(out)?;
            } else {
                write_stats(&graph, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(io_code(&corpus))
}
