//! Command-line front end: argument parsing and output. The library does the
//! work; this module reads files and prints.
//!
//! One file per concern: `parse.rs` (`parse`, `text`, `symbol`), `graph.rs`
//! (`graph`, `lineage`, `query`), `check.rs`, `input.rs` (finding and
//! reading the documents), and here what every command shares: the global
//! options (`--color`, `-q`), the options of commands that read documents,
//! standard output, and how errors are said.

mod check;
mod graph;
mod input;
mod parse;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

use vanban::safety::escape_control;
use vanban::{CorpusOptions, ParseOptions};

/// Read Vietnamese official documents and follow their citations.
#[derive(Parser, Debug)]
#[command(name = "vanban", version, about, long_about = None)]
pub struct Cli {
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print only the results and the errors: no progress bar, no summary
    /// line, no notes.
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse documents: header, recipients, signature, footnotes, citations.
    Parse(parse::ParseArgs),
    /// Print the text the read stage makes of each file (a PDF's text layer,
    /// a Word file's text, decoded legacy text): what spans point into.
    Text(parse::TextArgs),
    /// Parse số ký hiệu strings (one per argument, or one per line on stdin).
    Symbol(parse::SymbolArgs),
    /// Build the citation graph of a corpus and export it.
    Graph(graph::GraphArgs),
    /// Walk a document's lineage: what it implements (up) or what implements it (down).
    Lineage(graph::LineageArgs),
    /// List roots, orphans, cycles, anachronisms, unresolved citations or counts.
    Query(graph::QueryArgs),
    /// Check a document repository for broken citations (for CI).
    Check(check::CheckArgs),
}

/// `--color`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum ColorChoice {
    /// On a terminal, unless the environment's NO_COLOR is set (and not empty).
    Auto,
    /// Always, also into a pipe or a file.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Colour on a stream that is (or is not) a terminal.
    fn on(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// What every command is told beside its own arguments.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Global {
    /// Colour on standard output.
    pub color: bool,
    /// `-q`.
    pub quiet: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Text,
}

/// The options of every command that reads documents.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct InputArgs {
    /// Read invalid UTF-8 on, with replacement characters and an
    /// `invalid-utf8` diagnostic, instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
    /// Refuse documents larger than this (bytes, or with a K, M or G suffix).
    #[arg(long, value_name = "SIZE", value_parser = parse_max_size, default_value = "64M")]
    pub max_size: usize,
    /// Follow symbolic links out of the folders given (by default they are
    /// reported and not read).
    #[arg(long)]
    pub follow_links: bool,
}

impl InputArgs {
    /// Parse options with the size limit and `--lossy`.
    pub(crate) fn parse_options(&self) -> ParseOptions {
        let mut o = ParseOptions::default();
        o.max_size = self.max_size;
        o.lossy = self.lossy;
        o
    }

    /// How folders are walked and files read.
    pub(crate) fn corpus_options(&self) -> CorpusOptions {
        let mut o = CorpusOptions::default();
        o.parse = self.parse_options();
        o.follow_links = self.follow_links;
        o
    }
}

/// A size in bytes: `1048576`, `512K`, `64M`, `1G` (powers of 1024).
pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("expected a size in bytes (with an optional K, M or G), found {s:?}"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("expected a size below 16 EiB, found {s:?}"))
}

/// `--max-size`: a size that fits in memory's addresses.
fn parse_max_size(s: &str) -> Result<usize, String> {
    parse_size(s).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
}

/// Standard output of a command: buffered. Once its reader has gone (a
/// closed pipe: `vanban check | head`), the rest is dropped and the command
/// runs on to the exit code it would have had; any other error names
/// standard output.
pub(crate) struct Stdout {
    inner: io::BufWriter<io::StdoutLock<'static>>,
    closed: bool,
}

impl Stdout {
    pub(crate) fn new() -> Stdout {
        Stdout {
            inner: io::BufWriter::new(io::stdout().lock()),
            closed: false,
        }
    }

    fn result<T>(&mut self, r: io::Result<T>, closed: T) -> io::Result<T> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(closed)
            }
            Err(e) => Err(io::Error::new(e.kind(), format!("standard output: {e}"))),
            ok => ok,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.result(r, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.result(r, ())
    }
}

/// Colour on standard error (the `error:` prefix), set once by [`run`].
static STDERR_COLOR: AtomicBool = AtomicBool::new(false);

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
    STDERR_COLOR.store(cli.color.on(io::stderr().is_terminal()), Ordering::Relaxed);
    let global = Global {
        color: cli.color.on(io::stdout().is_terminal()),
        quiet: cli.quiet,
    };
    let result = match cli.command {
        Command::Parse(a) => parse::cmd_parse(a),
        Command::Text(a) => parse::cmd_text(a),
        Command::Symbol(a) => parse::cmd_symbol(a),
        Command::Graph(a) => graph::cmd_graph(a, global),
        Command::Lineage(a) => graph::cmd_lineage(a),
        Command::Query(a) => graph::cmd_query(a),
        Command::Check(a) => check::cmd_check(a, global),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&format!("{e:#}"));
            2
        }
    }
}

/// Say an error on stderr, with what a terminal would act on escaped (a
/// file name or a document's text may hold escape sequences).
pub(crate) fn report_error(e: &dyn std::fmt::Display) {
    let (red, reset) = if STDERR_COLOR.load(Ordering::Relaxed) {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("", "")
    };
    eprintln!("{red}error{reset}: {}", escape_control(&e.to_string(), true));
}

/// `—` for nothing, else the value.
pub(crate) fn opt<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "—".to_string(), |x| x.to_string())
}

/// The paths of a command that reads one document from stdin when given
/// none, and stdin is not a terminal (`cat x.txt | vanban parse`).
pub(crate) fn paths_or_stdin(paths: Vec<PathBuf>) -> anyhow::Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    if io::stdin().is_terminal() {
        anyhow::bail!("no input: expected files or folders, or a document piped to stdin");
    }
    Ok(vec![PathBuf::from("-")])
}
