//! Command-line front end: argument parsing and output. The library does the
//! work; this module reads files and prints.

mod check;
mod graph;
mod input;

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

#[allow(unused_imports)]
pub(crate) use input::{expand_inputs, read_input};

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use vanban::export::ParseRecord;
use vanban::{Document, ParseOptions, Symbol};

/// Read Vietnamese official documents and follow their citations.
#[derive(Parser, Debug)]
#[command(name = "vanban", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse documents: header, recipients, signature, footnotes, citations.
    Parse(ParseArgs),
    /// Parse số ký hiệu strings (one per argument, or one per line on stdin).
    Symbol(SymbolArgs),
    /// Build the citation graph of a corpus and export it.
    Graph(graph::GraphArgs),
    /// Walk a document's lineage: what it implements (up) or what implements it (down).
    Lineage(graph::LineageArgs),
    /// List roots, orphans, cycles, anachronisms, unresolved citations or counts.
    Query(graph::QueryArgs),
    /// Check a document repository for broken citations (for CI).
    Check(check::CheckArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Text,
}

#[derive(clap::Args, Debug)]
struct ParseArgs {
    /// Output format: JSON Lines (one object per file) or text.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Read invalid UTF-8 on, with replacement characters and a diagnostic.
    #[arg(long)]
    lossy: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_size: usize,
    /// Files or folders (recursed); `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct SymbolArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The strings; none: one per line on stdin.
    text: Vec<String>,
}

/// Run the CLI and return the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Parse(a) => cmd_parse(a),
        Command::Symbol(a) => cmd_symbol(a),
        Command::Graph(a) => graph::cmd_graph(a),
        Command::Lineage(a) => graph::cmd_lineage(a),
        Command::Query(a) => graph::cmd_query(a),
        Command::Check(a) => check::cmd_check(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return 0;
            }
            eprintln!("error: {e:#}");
            2
        }
    }
}

fn cmd_parse(a: ParseArgs) -> anyhow::Result<i32> {
    let opts = {
        let mut o = ParseOptions::default();
        o.max_size = a.max_size;
        o.lossy = a.lossy;
        o
    };
    let inputs = expand_inputs(&a.paths);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for input in &inputs {
        // A problem met while walking a folder: reported, the rest goes on.
        let f = match input {
            Ok(f) => f,
            Err(e) => {
                failed = true;
                out.flush()?;
                eprintln!("error: {e}");
                continue;
            }
        };
        let shown = f.display().to_string();
        let parsed = read_input(f, a.max_size).and_then(|bytes| {
            // parse_bytes on the bytes as read, so `--lossy` keeps its
            // `invalid-utf8` diagnostic.
            let doc = vanban::parse_bytes(&bytes, &opts).map_err(|e| e.with_path(f))?;
            Ok((bytes, doc))
        });
        match parsed {
            Ok((bytes, doc)) => match a.format {
                Format::Json => {
                    serde_json::to_writer(&mut out, &ParseRecord { path: shown, doc: &doc })?;
                    writeln!(out)?;
                }
                Format::Text => {
                    // The decoded text, for line numbers (already known to decode).
                    let text = vanban::decode(&bytes, &opts).map_err(|e| e.with_path(f))?;
                    write_text(&mut out, &shown, &text, &doc)?
                }
            },
            Err(e) => {
                failed = true;
                out.flush()?;
                eprintln!("error: {e}");
            }
        }
    }
    out.flush()?;
    Ok(if failed { 2 } else { 0 })
}

pub(crate) fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "—".to_string(), |x| x.to_string())
}

fn write_text(out: &mut impl Write, path: &str, text: &str, doc: &Document) -> io::Result<()> {
    let lines = vanban::LineIndex::new(text);
    writeln!(out, "== {path}")?;
    let family = match doc.family {
        Some(vanban::Family::Party) => "party",
        Some(vanban::Family::State) => "state",
        None => "—",
    };
    writeln!(out, "  family    {family}")?;
    writeln!(
        out,
        "  issuer    {}{}",
        opt(&doc.issuer),
        doc.issuer_parent
            .as_ref()
            .map(|p| format!("  (under {p})"))
            .unwrap_or_default()
    )?;
    writeln!(out, "  symbol    {}", opt(&doc.symbol))?;
    writeln!(out, "  place     {}", opt(&doc.place))?;
    writeln!(out, "  date      {}", opt(&doc.date))?;
    writeln!(out, "  type      {}", opt(&doc.doc_type))?;
    writeln!(out, "  subject   {}", opt(&doc.subject))?;
    if !doc.recipients.is_empty() {
        writeln!(out, "  kính gửi  {}", doc.recipients.join(" | "))?;
    }
    if !doc.distribution.is_empty() {
        writeln!(out, "  nơi nhận  {}", doc.distribution.join(" | "))?;
    }
    if let Some(s) = &doc.signature {
        let mut parts = s.authority.clone();
        parts.extend(s.position.clone());
        parts.extend(s.signer.clone());
        writeln!(out, "  signature {}", parts.join(" / "))?;
    }
    if !doc.citations.is_empty() {
        writeln!(out, "  citations ({})", doc.citations.len())?;
        for (i, c) in doc.citations.iter().enumerate() {
            let what = c
                .symbol
                .as_ref()
                .map(|s| s.to_string())
                .or_else(|| c.number.map(|n| format!("số {n}")))
                .or_else(|| c.name.clone())
                .unwrap_or_default();
            let mut extra = String::new();
            if let Some(iss) = &c.issuer {
                extra.push_str(&format!("  của {iss}"));
            }
            if c.in_footnote {
                extra.push_str("  [footnote]");
            }
            if let Some(r) = c.refers_to {
                extra.push_str(&format!("  → #{r}"));
            }
            writeln!(
                out,
                "  {:>5}  #{i:<3} {:<10} {:<12} {:<24} {:<10}{extra}",
                format!("L{}", lines.line(c.span.start)),
                c.relation.as_str(),
                c.doc_type.as_deref().unwrap_or("—"),
                what,
                opt(&c.date),
            )?;
        }
    }
    for r in &doc.named_refs {
        writeln!(out, "  {:>5}  named      {}", format!("L{}", r.line), r.text)?;
    }
    for d in &doc.diagnostics {
        let at = d.span.map(|s| format!("L{}", lines.line(s.start))).unwrap_or_default();
        writeln!(out, "  {:>5}  {}[{}] {}", at, d.severity, d.code, d.message)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SymbolRecord {
    input: String,
    symbol: Option<String>,
    number: Option<u32>,
    year: Option<u16>,
    #[serde(rename = "type")]
    type_code: Option<String>,
    type_name: Option<String>,
    issuers: Vec<String>,
    unit: Option<String>,
    style: Option<vanban::SymbolStyle>,
    diagnostics: Vec<vanban::Diagnostic>,
}

fn symbol_record(input: &str) -> SymbolRecord {
    match Symbol::parse_with_diagnostics(input) {
        Ok((s, diagnostics)) => SymbolRecord {
            input: input.to_string(),
            symbol: Some(s.to_string()),
            number: s.number(),
            year: s.year(),
            type_code: s.type_code().map(str::to_string),
            type_name: s.type_name().map(str::to_string),
            issuers: s.issuers().to_vec(),
            unit: s.unit().map(str::to_string),
            style: Some(s.style()),
            diagnostics,
        },
        Err(e) => SymbolRecord {
            input: input.to_string(),
            symbol: None,
            number: None,
            year: None,
            type_code: None,
            type_name: None,
            issuers: Vec::new(),
            unit: None,
            style: None,
            diagnostics: vec![vanban::Diagnostic::new(
                "malformed-symbol",
                vanban::Severity::Error,
                e.to_string(),
                Some(vanban::Span::new(e.offset, e.offset)),
            )],
        },
    }
}

fn cmd_symbol(a: SymbolArgs) -> anyhow::Result<i32> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let emit = |s: &str, out: &mut io::BufWriter<io::StdoutLock<'_>>| -> anyhow::Result<()> {
        let r = symbol_record(s);
        match a.format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &r)?;
                writeln!(out)?;
            }
            Format::Text => {
                let diags: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    r.input,
                    r.symbol.as_deref().unwrap_or("—"),
                    diags.join(",")
                )?;
            }
        }
        Ok(())
    };
    if a.text.is_empty() {
        let stdin = io::stdin();
        for line in stdin.lock().lines() {
            let line = line?;
            emit(line.trim_end_matches('\r'), &mut out)?;
        }
    } else {
        for t in &a.text {
            emit(t, &mut out)?;
        }
    }
    out.flush()?;
    Ok(0)
}
