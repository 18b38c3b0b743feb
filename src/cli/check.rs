//! `vanban check`: flag broken citations in a document repository, for CI.
//!
//! Exit codes: 0 no error-level findings, 1 error-level findings, 2 usage,
//! configuration or I/O error.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::ValueEnum;
use vanban::check::{
    self, Baseline, BaselineBuilder, BaselineFilter, Cache, CacheOptions, CheckConfig, Checker, Format,
    RenderedFinding, ReportWriter, Summary,
};
use vanban::safety::display_path;
use vanban::{CorpusOptions, ParseOptions};

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
    /// The folder must be new, empty, or a vanban cache: any other is refused.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Keep the cache's entries under this size (bytes, or with a K, M or G
    /// suffix); the least recently used go first.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "512M")]
    cache_max_size: u64,
    /// Parse every file, and write no cache.
    #[arg(long)]
    no_cache: bool,
    /// No progress bar (it is shown only on a terminal, and never when CI is set).
    #[arg(long)]
    no_progress: bool,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_size: usize,
    /// Follow symbolic links out of the folders given (by default they are
    /// reported as unreadable and not read).
    #[arg(long)]
    follow_links: bool,
    /// Files and folders (recursed, .gitignore respected). The corpus root
    /// (for vanban.toml, the cache and baseline paths) is the first folder.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// A size in bytes: `1048576`, `512K`, `64M`, `1G` (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
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

/// The largest configuration file read.
const MAX_CONFIG_SIZE: u64 = 1 << 20;

fn load_config(a: &CheckArgs, root: &Path) -> anyhow::Result<CheckConfig> {
    let (path, must) = match &a.config {
        Some(p) => (p.clone(), true),
        None => (root.join("vanban.toml"), false),
    };
    let mut config = if must || path.is_file() {
        let bytes = vanban::safety::read_limited(&path, MAX_CONFIG_SIZE)
            .with_context(|| format!("{}: cannot read the configuration", path.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: bad configuration: expected UTF-8 text, found an invalid byte at {}",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
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

/// The progress bar of the two passes (hidden unless on a terminal).
struct Bar {
    pb: indicatif::ProgressBar,
}

impl Bar {
    fn new(wanted: bool) -> Bar {
        let show = wanted && io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        if !show {
            return Bar {
                pb: indicatif::ProgressBar::hidden(),
            };
        }
        let pb = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {pos}/{len} files {wide_bar} {eta}") {
            pb.set_style(style);
        }
        Bar { pb }
    }
}

impl check::Progress for Bar {
    fn start(&self, pass: check::Pass, files: usize) {
        self.pb.set_message(match pass {
            check::Pass::Index => "reading",
            check::Pass::Check => "checking",
        });
        self.pb.set_length(files as u64);
        self.pb.set_position(0);
        self.pb.reset_eta();
    }

    fn file_done(&self) {
        self.pb.inc(1);
    }
}

pub fn cmd_check(a: CheckArgs) -> anyhow::Result<i32> {
    for p in &a.paths {
        if std::fs::metadata(p).is_err() {
            bail!("{}: no such file or folder", p.display());
        }
    }
    let root = vanban::corpus_root(&a.paths[0]);
    let config = load_config(&a, &root)?;
    let ignore = vanban::IgnorePatterns::new(&root, &config.ignore).map_err(anyhow::Error::msg)?;

    // Walk (folders recursed, .gitignore respected), leave out ignored files.
    let mut corpus_options = CorpusOptions::default();
    corpus_options.follow_links = a.follow_links;
    let (files, walk_errors) = vanban::files_to_check(&a.paths, &ignore, &corpus_options);

    // Read before the corpus: a bad baseline is said at once.
    let baseline_path = a
        .baseline
        .clone()
        .or_else(|| config.baseline.as_ref().map(|b| root.join(b)))
        .filter(|_| a.write_baseline.is_none());
    let baseline = match baseline_path {
        Some(b) => Some(Baseline::load(&b).map_err(anyhow::Error::msg)?),
        None => None,
    };

    let cache = if a.no_cache {
        None
    } else {
        let dir = a
            .cache_dir
            .clone()
            .unwrap_or_else(|| root.join(config.cache_dir.as_deref().unwrap_or(Path::new(".vanban-cache"))));
        let mut cache_options = CacheOptions::default();
        cache_options.max_size = a.cache_max_size;
        match Cache::open_with(&dir, &cache_options) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("warning: {}: no cache: {e}", display_path(&dir));
                None
            }
        }
    };

    let mut options = ParseOptions::default();
    options.max_size = a.max_size;
    let bar = Bar::new(!a.no_progress);
    let checker = Checker::new(&config)
        .parse_options(options)
        .cache(cache.as_ref())
        .progress(&bar);
    // Pass 1: the identities and the facts about the corpus; pass 2 (below)
    // reads each file again, checks it and drops it.
    let index = checker.index(files, walk_errors);

    if let Some(out) = &a.write_baseline {
        let mut builder = BaselineBuilder::new(config.root.as_deref());
        let mut summary = Summary {
            files: index.files(),
            ..Default::default()
        };
        checker.findings(&index, &mut |f| {
            summary.add(&f);
            builder.add(&f);
            Ok(())
        })?;
        bar.pb.finish_and_clear();
        if let Some(c) = &cache {
            c.trim();
        }
        let baseline = builder.finish();
        baseline
            .save(out)
            .with_context(|| format!("{}: cannot write the baseline", out.display()))?;
        eprintln!("{}", summary.line());
        eprintln!(
            "wrote {} findings ({} fingerprints) to the baseline {}",
            summary.findings(),
            baseline.entries.len(),
            out.display()
        );
        return Ok(0);
    }
    let mut filter = baseline.as_ref().map(BaselineFilter::new);

    let format = match a.format {
        CheckFormat::Human => Format::Human,
        CheckFormat::Json => Format::Json,
        CheckFormat::Sarif => Format::Sarif,
        CheckFormat::Github => Format::Github,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut writer = ReportWriter::new(format, &mut out)?;
    let mut baselined = 0;
    // Each finding is rendered by the thread that found it; this one only
    // writes them, in order.
    let render = |f: &vanban::check::Finding| RenderedFinding::new(format, f);
    checker.findings_with(&index, render, |f, rendered| {
        if filter.as_mut().is_some_and(|b| b.excuses(&f)) {
            baselined += 1;
            return Ok(());
        }
        let rendered = rendered?;
        if bar.pb.is_hidden() {
            writer.write_rendered(&f, &rendered)
        } else {
            // Findings are written while the bar runs: not over it.
            bar.pb.suspend(|| writer.write_rendered(&f, &rendered))
        }
    })?;
    bar.pb.finish_and_clear();
    if let Some(c) = &cache {
        c.trim();
    }
    let summary = writer.finish(index.files(), baselined)?;
    out.flush()?;
    if format != Format::Human {
        eprintln!("{}", summary.line());
    }
    if let Some((entries, findings)) = filter.map(|f| f.unused()).filter(|u| u.0 > 0) {
        eprintln!(
            "note: {entries} baseline {} ({findings} {}) matched no finding: fixed or gone; \
             --write-baseline records the findings of today",
            if entries == 1 { "entry" } else { "entries" },
            if findings == 1 { "finding" } else { "findings" },
        );
    }
    Ok(if summary.has_errors() { 1 } else { 0 })
}
