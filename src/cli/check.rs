//! `vanban check`: flag broken citations in a document repository, for CI.
//!
//! Exit codes: 0 no error-level findings, 1 error-level findings (an
//! unreadable file is one, by default), 2 usage or configuration error, no
//! documents found, a baseline or an output that cannot be read or written.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use anyhow::Context;
use clap::ValueEnum;
use vanban::check::{
    self, Baseline, BaselineBuilder, BaselineFilter, Cache, CacheOptions, CheckConfig, Checker, Format, RenderOptions,
    RenderedFinding, ReportWriter, Repository, Summary,
};
use vanban::safety::display_path;

use super::input::{folder_without_documents, no_documents};
use super::{parse_size, Global, InputArgs, Stdout};

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
    after_help = "Exit codes: 0 no error-level findings, 1 error-level findings (an unreadable file is one, \
                  by default), 2 usage or configuration error, no documents found, a baseline or an output that \
                  cannot be read or written."
)]
pub struct CheckArgs {
    /// Output format (the summary line goes to stderr for json, sarif and github).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Make unresolved citations errors (default: warnings).
    #[arg(long)]
    strict: bool,
    /// Configuration file (default: the first vanban.toml in the corpus root
    /// or a folder above it, then in the current folder or a folder above
    /// it, up to the repository's root).
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
    /// `--format github`: at most this many annotations of each level
    /// (error, warning, notice); the rest are plain lines of the log.
    #[arg(long, value_name = "N", default_value_t = RenderOptions::DEFAULT_MAX_ANNOTATIONS)]
    max_annotations: usize,
    #[command(flatten)]
    input: InputArgs,
    /// Files and folders (recursed, .gitignore respected). The corpus root
    /// (for the cache and the paths of fingerprints) is the first folder.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// The largest configuration file read.
const MAX_CONFIG_SIZE: u64 = 1 << 20;

/// The configuration: `--config`, else the `vanban.toml` found from the
/// corpus root or the current folder, else the defaults; and the file read.
fn load_config(a: &CheckArgs, root: &Path) -> anyhow::Result<(CheckConfig, Option<PathBuf>)> {
    let path = a.config.clone().or_else(|| check::find_config(root));
    let mut config = match &path {
        Some(path) => read_config(path)?,
        None => CheckConfig::default(),
    };
    config.strict |= a.strict;
    config.root = Some(root.to_path_buf());
    Ok((config, path))
}

/// Read a configuration file; an error names the file, and the line and
/// column when it is about a place in it.
fn read_config(path: &Path) -> anyhow::Result<CheckConfig> {
    let bytes = vanban::safety::read_limited(path, MAX_CONFIG_SIZE)
        .with_context(|| format!("{}: cannot read the configuration", display_path(path)))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            anyhow::bail!(check::config_error(
                path,
                &text,
                Some(at),
                &format!("expected UTF-8 text, found the byte 0x{:02x}", e.as_bytes()[at])
            ));
        }
    };
    let config: CheckConfig = toml::from_str(&text).map_err(|e| {
        let at = e.span().map(|s| s.start);
        let message = e.message().trim_end().replace('\n', ": ");
        anyhow::anyhow!(check::config_error(path, &text, at, &message))
    })?;
    // (Code names are checked as they are read, at their place.) Its
    // relative paths are relative to its folder.
    Ok(config.read_from(path))
}

/// The progress bar of the two passes (hidden unless on a terminal). It is
/// drawn at most ten times a second: files done and findings written under
/// it are counted at once, and shown when a tenth of a second has passed.
struct Bar {
    pb: indicatif::ProgressBar,
    /// Files done in the current pass.
    done: AtomicU64,
    started: Instant,
    /// When it was last drawn (milliseconds after `started`; `u64::MAX`:
    /// never).
    drawn: AtomicU64,
}

impl Bar {
    const EVERY_MS: u64 = 100;

    fn new(wanted: bool) -> Bar {
        let show = wanted && io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        let pb = if show {
            let pb = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr_with_hz(10));
            if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {pos}/{len} files {wide_bar} {eta}") {
                pb.set_style(style);
            }
            pb
        } else {
            indicatif::ProgressBar::hidden()
        };
        Bar {
            pb,
            done: AtomicU64::new(0),
            started: Instant::now(),
            drawn: AtomicU64::new(u64::MAX),
        }
    }

    /// May it be drawn now? (At most once a tenth of a second, whichever
    /// thread asks.)
    fn due(&self) -> bool {
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.drawn.load(Ordering::Relaxed);
        if last != u64::MAX && now < last.saturating_add(Self::EVERY_MS) {
            return false;
        }
        self.drawn
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    }
}

impl check::Progress for Bar {
    fn start(&self, pass: check::Pass, files: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.pb.set_message(match pass {
            check::Pass::Index => "reading",
            check::Pass::Check => "checking",
        });
        self.pb.set_length(files as u64);
        self.pb.set_position(0);
        self.pb.reset_eta();
    }

    fn file_done(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.pb.is_hidden() && self.due() {
            self.pb.set_position(done);
        }
    }
}

/// Findings bound for a terminal the progress bar is drawn on: gathered,
/// and written under the bar (cleared, then drawn again) when it may be
/// drawn, not once per finding.
struct UnderBar<'b, 'w> {
    /// The bar, when the findings share its terminal.
    bar: Option<&'b Bar>,
    writer: ReportWriter<'w>,
    held: Vec<(check::Finding, RenderedFinding)>,
}

impl UnderBar<'_, '_> {
    fn write(&mut self, f: check::Finding, rendered: RenderedFinding) -> io::Result<()> {
        let Some(bar) = self.bar else {
            return self.writer.write_rendered(&f, &rendered);
        };
        self.held.push((f, rendered));
        if bar.due() {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        let Some(bar) = self.bar.filter(|_| !self.held.is_empty()) else {
            return Ok(());
        };
        let (writer, held) = (&mut self.writer, &mut self.held);
        bar.pb.suspend(|| {
            for (f, r) in held.drain(..) {
                writer.write_rendered(&f, &r)?;
            }
            writer.flush()
        })
    }
}

/// The repository checked, for SARIF: from GitHub Actions' environment, else
/// from git (the corpus root's `origin` remote, its commit and branch).
fn repository(root: &Path) -> Option<Repository> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let (Some(server), Some(repo)) = (env("GITHUB_SERVER_URL"), env("GITHUB_REPOSITORY")) {
        return Some(Repository {
            uri: format!("{}/{repo}", server.trim_end_matches('/')),
            revision: env("GITHUB_SHA"),
            branch: env("GITHUB_HEAD_REF").or_else(|| env("GITHUB_REF_NAME")),
        });
    }
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !s.is_empty()).then_some(s)
    };
    let uri = without_credentials(&git(&["config", "--get", "remote.origin.url"])?);
    Some(Repository {
        uri,
        revision: git(&["rev-parse", "--verify", "-q", "HEAD"]),
        branch: git(&["symbolic-ref", "--short", "-q", "HEAD"]),
    })
}

/// A remote's URL as a URI without the user and password a clone may carry
/// (`https://token@host/x` → `https://host/x`); scp-like `git@host:x` as
/// `ssh://host/x`.
fn without_credentials(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        return format!("{scheme}://{host}{path}");
    }
    match url.split_once(':') {
        Some((user_host, path)) if !user_host.contains('/') => {
            let host = user_host.rsplit_once('@').map_or(user_host, |(_, h)| h);
            format!("ssh://{host}/{}", path.trim_start_matches('/'))
        }
        _ => url.to_string(),
    }
}

pub fn cmd_check(a: CheckArgs, global: Global) -> anyhow::Result<i32> {
    for p in &a.paths {
        if std::fs::metadata(p).is_err() {
            anyhow::bail!("{}: no such file or folder", display_path(p));
        }
    }
    let root = vanban::corpus_root(&a.paths[0]);
    let (config, config_path) = load_config(&a, &root)?;
    let ignore = vanban::IgnorePatterns::new(config.ignore_root(), &config.ignore).map_err(|e| match &config_path {
        Some(p) => anyhow::anyhow!("{}: {e}", display_path(p)),
        None => anyhow::anyhow!(e),
    })?;

    // Walk (folders recursed, .gitignore respected), leave out ignored files.
    let corpus_options = a.input.corpus_options();
    let (files, walk_errors) = vanban::files_to_check(&a.paths, &ignore, &corpus_options);
    // A folder with nothing to check would be a green run that checked
    // nothing.
    if let Some(dir) = folder_without_documents(&a.paths, &files, &walk_errors) {
        let walked = vanban::walk(&[dir], &corpus_options).0.len();
        let config = config_path.as_deref().unwrap_or(Path::new(check::CONFIG_FILE));
        return Err(no_documents(dir, &corpus_options, Some((walked, config))));
    }

    // Read before the corpus: a bad baseline is said at once.
    let baseline_path = a
        .baseline
        .clone()
        .or_else(|| config.baseline.as_ref().map(|b| config.resolve(b)))
        .filter(|_| a.write_baseline.is_none());
    let baseline = match baseline_path {
        Some(b) => Some(Baseline::load(&b).map_err(anyhow::Error::msg)?),
        None => None,
    };

    let cache = if a.no_cache {
        None
    } else {
        let dir = a.cache_dir.clone().unwrap_or_else(|| match &config.cache_dir {
            Some(d) => config.resolve(d),
            None => root.join(".vanban-cache"),
        });
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

    let bar = Bar::new(!a.no_progress && !global.quiet);
    let checker = Checker::new(&config)
        .parse_options(a.input.parse_options())
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
            .with_context(|| format!("{}: cannot write the baseline", display_path(out)))?;
        if !global.quiet {
            eprintln!("{}", summary.line());
            eprintln!(
                "wrote {} findings ({} fingerprints) to the baseline {}",
                summary.findings(),
                baseline.entries.len(),
                display_path(out)
            );
        }
        return Ok(0);
    }
    let mut filter = baseline.as_ref().map(BaselineFilter::new);

    let format = match a.format {
        CheckFormat::Human => Format::Human,
        CheckFormat::Json => Format::Json,
        CheckFormat::Sarif => Format::Sarif,
        CheckFormat::Github => Format::Github,
    };
    let mut options = RenderOptions::default();
    options.color = global.color;
    options.summary = !global.quiet;
    options.max_annotations = a.max_annotations;
    if format == Format::Sarif {
        options.repository = repository(&root);
    }
    let mut out = Stdout::new();
    let writer = ReportWriter::with_options(format, &mut out, options.clone())?;
    // Findings go under the bar only when both are on one terminal.
    let shared_terminal = !bar.pb.is_hidden() && io::stdout().is_terminal();
    let mut under = UnderBar {
        bar: shared_terminal.then_some(&bar),
        writer,
        held: Vec::new(),
    };
    let mut baselined = 0;
    // Each finding is rendered by the thread that found it; this one only
    // writes them, in order.
    let render = |f: &check::Finding| RenderedFinding::with_options(format, f, &options);
    checker.findings_with(&index, render, |f, rendered| {
        if filter.as_mut().is_some_and(|b| b.excuses(&f)) {
            baselined += 1;
            return Ok(());
        }
        under.write(f, rendered?)
    })?;
    under.flush()?;
    bar.pb.finish_and_clear();
    if let Some(c) = &cache {
        c.trim();
    }
    let summary = under.writer.finish(index.files(), baselined)?;
    out.flush()?;
    if format != Format::Human && !global.quiet {
        eprintln!("{}", summary.line());
    }
    if let Some((entries, findings)) = filter.map(|f| f.unused()).filter(|u| u.0 > 0 && !global.quiet) {
        eprintln!(
            "note: {entries} baseline {} ({findings} {}) matched no finding: fixed or gone; \
             --write-baseline records the findings of today",
            if entries == 1 { "entry" } else { "entries" },
            if findings == 1 { "finding" } else { "findings" },
        );
    }
    Ok(if summary.has_errors() { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_credentials_left_out() {
        assert_eq!(
            without_credentials("https://x-access-token:abc@github.com/o/r.git"),
            "https://github.com/o/r.git"
        );
        assert_eq!(without_credentials("https://github.com/o/r"), "https://github.com/o/r");
        assert_eq!(
            without_credentials("git@github.com:o/r.git"),
            "ssh://github.com/o/r.git"
        );
        assert_eq!(without_credentials("ssh://git@host:22/o/r"), "ssh://host:22/o/r");
        assert_eq!(without_credentials("/srv/git/r.git"), "/srv/git/r.git");
    }
}
