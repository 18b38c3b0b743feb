//! `vanban check`: flag broken citations in a document repository, for CI.
//!
//! Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage,
//! configuration or I/O error.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::ValueEnum;
use rayon::prelude::*;
use vanban::check::{self, Baseline, Cache, CheckConfig, Format};
use vanban::{Corpus, CorpusOptions, Document, ParseOptions};

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum CheckFormat {
    /// Compiler-like diagnostics with the source line and a caret line.
    Human,
    /// One JSON object with a summary and the findings.
    Json,
    /// SARIF 2.1.0 (code-scanning services).
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage, configuration or I/O error."
)]
pub struct CheckArgs {
    /// Output format (the summary line goes to stderr for json, sarif and github).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Make unresolved citations errors (default: warnings).
    #[arg(long)]
    strict: bool,
    /// Configuration file (default: vanban.toml at the corpus root, when there is one).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Leave out the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record every finding in this baseline file and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Where to cache parsed documents (default: .vanban-cache at the corpus root).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Parse every file, and write no cache.
    #[arg(long)]
    no_cache: bool,
    /// No progress bar (it is shown only on a terminal, and never when CI is set).
    #[arg(long)]
    no_progress: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_size: usize,
    /// Files and folders (recursed, .gitignore respected). The corpus root
    /// (for vanban.toml, the cache and baseline paths) is the first folder.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The corpus root: the first path when it is a folder, else its folder.
fn corpus_root(first: &Path) -> PathBuf {
    if first.is_dir() {
        first.to_path_buf()
    } else {
        match first.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }
}

fn load_config(a: &CheckArgs, root: &Path) -> anyhow::Result<CheckConfig> {
    let (path, must) = match &a.config {
        Some(p) => (p.clone(), true),
        None => (root.join("vanban.toml"), false),
    };
    let mut config = if must || path.is_file() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read the configuration", path.display()))?;
        let c: CheckConfig = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: bad configuration: {}", path.display(), e.message()))?;
        c.validate()
            .map_err(|e| anyhow::anyhow!("{}: bad configuration: {e}", path.display()))?;
        c
    } else {
        CheckConfig::default()
    };
    config.strict |= a.strict;
    config.root = Some(root.to_path_buf());
    Ok(config)
}

fn ignore_matcher(root: &Path, patterns: &[String]) -> anyhow::Result<Option<ignore::gitignore::Gitignore>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = ignore::gitignore::GitignoreBuilder::new(root);
    for p in patterns {
        b.add_line(None, p)
            .map_err(|e| anyhow::anyhow!("bad configuration: ignore pattern {p:?}: {e}"))?;
    }
    Ok(Some(b.build()?))
}

fn is_ignored(m: &ignore::gitignore::Gitignore, root: &Path, path: &Path) -> bool {
    if path.starts_with(root) {
        m.matched_path_or_any_parents(path, false).is_ignore()
    } else if root == Path::new(".") && path.is_relative() {
        m.matched_path_or_any_parents(root.join(path), false).is_ignore()
    } else {
        m.matched(path, false).is_ignore()
    }
}

/// Read and parse one file, through the cache.
fn read_one(path: &Path, options: &ParseOptions, cache: Option<&Cache>) -> Result<Document, vanban::Error> {
    let bytes = vanban::read_bytes(path, options.max_size)?;
    if let Some(doc) = cache.and_then(|c| c.get(&bytes)) {
        return Ok(doc);
    }
    let doc = vanban::parse_bytes(&bytes, options).map_err(|e| e.with_path(path))?;
    if let Some(c) = cache {
        c.put(&bytes, &doc);
    }
    Ok(doc)
}

/// Keep only what the graph and the check use, so that memory follows the
/// number of citations, not the size of the text (the text itself is dropped
/// as soon as a file is parsed).
fn slim(mut doc: Document) -> Document {
    doc.recipients = Vec::new();
    doc.distribution = Vec::new();
    doc.sections = Vec::new();
    doc.footnotes = Vec::new();
    doc.named_refs = Vec::new();
    doc.signature = None;
    // Only the symbol's span is used (to place a `duplicate` finding).
    doc.spans = vanban::PartSpans {
        symbol: doc.spans.symbol,
        ..Default::default()
    };
    // Only diagnostics that become `malformed` findings are used.
    doc.diagnostics.retain(|d| {
        ["malformed-", "impossible-", "unreadable-"]
            .iter()
            .any(|p| d.code.starts_with(p))
    });
    for c in &mut doc.citations {
        c.subject = None;
    }
    doc
}

fn progress_bar(len: usize, wanted: bool) -> indicatif::ProgressBar {
    let show = wanted && io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("checking {pos}/{len} files {wide_bar} {eta}") {
        pb.set_style(style);
    }
    pb
}

pub fn cmd_check(a: CheckArgs) -> anyhow::Result<i32> {
    for p in &a.paths {
        if std::fs::metadata(p).is_err() {
            bail!("{}: no such file or folder", p.display());
        }
    }
    let root = corpus_root(&a.paths[0]);
    let config = load_config(&a, &root)?;
    let matcher = ignore_matcher(&root, &config.ignore)?;

    // Walk (folders recursed, .gitignore respected), leave out ignored files.
    let corpus_options = CorpusOptions::default();
    let (files, walk_errors) = vanban::walk(&a.paths, &corpus_options);
    // `./docs/a.txt` is shown (and annotated) as `docs/a.txt`.
    let files = files.into_iter().map(|p| match p.strip_prefix(".") {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => p,
    });
    let files: Vec<PathBuf> = match &matcher {
        Some(m) => files.filter(|f| !is_ignored(m, &root, f)).collect(),
        None => files.collect(),
    };

    let cache = if a.no_cache {
        None
    } else {
        let dir = a
            .cache_dir
            .clone()
            .unwrap_or_else(|| root.join(config.cache_dir.as_deref().unwrap_or(Path::new(".vanban-cache"))));
        match Cache::open(&dir) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("warning: {}: no cache: {e}", dir.display());
                None
            }
        }
    };

    let mut options = ParseOptions::default();
    options.max_size = a.max_size;
    let pb = progress_bar(files.len(), !a.no_progress);
    let results: Vec<(PathBuf, Result<Document, vanban::Error>)> = files
        .into_par_iter()
        .map(|p| {
            let r = read_one(&p, &options, cache.as_ref()).map(slim);
            pb.inc(1);
            (p, r)
        })
        .collect();
    pb.finish_and_clear();

    let mut corpus = Corpus::new();
    for e in walk_errors {
        corpus.push_error(e.path, e.error);
    }
    for (p, r) in results {
        match r {
            Ok(d) => corpus.push(p, d),
            Err(e) => corpus.push_error(p, e),
        }
    }
    let graph = corpus.graph();
    let mut report = check::check(&corpus, &graph, &config);

    if let Some(out) = &a.write_baseline {
        let baseline = Baseline::from_report(&report, config.root.as_deref());
        baseline
            .save(out)
            .with_context(|| format!("{}: cannot write the baseline", out.display()))?;
        eprintln!("{}", report.summary_line());
        eprintln!(
            "wrote {} findings ({} fingerprints) to the baseline {}",
            report.findings.len(),
            baseline.entries.len(),
            out.display()
        );
        return Ok(0);
    }
    let baseline_path = a
        .baseline
        .clone()
        .or_else(|| config.baseline.as_ref().map(|b| root.join(b)));
    if let Some(b) = baseline_path {
        let baseline = Baseline::load(&b).map_err(anyhow::Error::msg)?;
        report.apply_baseline(&baseline);
    }

    let format = match a.format {
        CheckFormat::Human => Format::Human,
        CheckFormat::Json => Format::Json,
        CheckFormat::Sarif => Format::Sarif,
        CheckFormat::Github => Format::Github,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    check::render(&report, format, &mut out)?;
    out.flush()?;
    if format != Format::Human {
        eprintln!("{}", report.summary_line());
    }
    Ok(if report.has_errors() { 1 } else { 0 })
}
