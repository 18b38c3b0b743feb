//! Output: a report in one of four formats, whole or one finding at a time.

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use serde::Serialize;

pub use github::render_github;
pub use human::render_human;
pub use json::render_json;
pub use sarif::render_sarif;

use super::{Finding, Report, Summary, STRICT_NOTE};
use crate::model::Severity;
use github::{write_github, write_left_out};
use human::{write_human, write_human_head};
use json::{temporary_file, write_indented, Spill};
use sarif::{sarif_frame, sarif_indent, sarif_result};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Like a compiler: `path:line:col: severity[code]: message`, the source
    /// line, a caret line under the citation, the explanation.
    Human,
    /// One JSON object: `version`, `summary`, `findings`.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...,line=...::`).
    Github,
}

/// How a report is written, beyond its [`Format`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The human format in colour (ANSI escapes): the severity, the code,
    /// the place and the caret line. Off by default.
    pub color: bool,
    /// The human format's closing lines: the note on unresolved citations
    /// reported as warnings, and the summary line. On by default (`-q`
    /// turns them off).
    pub summary: bool,
    /// The `github` format: at most this many annotations of each level
    /// (error, warning, notice); the findings past it are written as plain
    /// lines of the log, and a last notice says how many. Default
    /// [`RenderOptions::DEFAULT_MAX_ANNOTATIONS`].
    pub max_annotations: usize,
    /// SARIF: the repository checked, written as the run's
    /// `versionControlProvenance`.
    pub repository: Option<Repository>,
}

impl RenderOptions {
    /// GitHub shows at most 10 error and 10 warning annotations of a step
    /// (and 50 of a job); more are dropped without a word.
    pub const DEFAULT_MAX_ANNOTATIONS: usize = 10;
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            summary: true,
            max_annotations: RenderOptions::DEFAULT_MAX_ANNOTATIONS,
            repository: None,
        }
    }
}

/// The repository a check ran on, for SARIF's `versionControlProvenance`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// Its URL (`https://github.com/owner/name`), without credentials.
    pub uri: String,
    /// The commit checked.
    pub revision: Option<String>,
    /// The branch checked.
    pub branch: Option<String>,
}

/// Write a report. The human format ends with the summary line; the others
/// leave it to the caller (stderr), so stdout stays machine-readable.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    render_with(report, format, &RenderOptions::default(), out)
}

/// [`render`] with options.
pub fn render_with(report: &Report, format: Format, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ReportWriter::buffered(format, out, options.clone());
    for f in &report.findings {
        w.write(f)?;
    }
    w.finish(report.files, report.baselined).map(drop)
}

/// Writes a report one finding at a time, as [`render`] writes a whole
/// [`Report`] (the same bytes), for a check that streams its findings
/// ([`Checker::findings`](crate::check::Checker::findings)): give it the findings in report order, then
/// [`ReportWriter::finish`] with the number of files.
///
/// The human, `github` and SARIF formats are written as the findings come.
/// The JSON format puts the summary before the findings, so its findings
/// wait in a temporary file until the end (not in memory).
pub struct ReportWriter<'w> {
    format: Format,
    out: &'w mut dyn Write,
    summary: Summary,
    /// Unresolved findings reported as warnings (the human format says so once).
    strict_notes: usize,
    /// JSON: the findings, written ahead of the summary.
    spill: Option<Spill>,
    options: RenderOptions,
    /// `github`: annotations written per level (error, warning, notice),
    /// and findings written as plain lines past the cap.
    annotations: [usize; 3],
    left_out: usize,
}

/// One finding rendered in one [`Format`], for
/// [`ReportWriter::write_rendered`]: rendering is most of the cost of
/// writing a report, and findings can be rendered in parallel
/// ([`Checker::findings_with`](crate::check::Checker::findings_with)) while one thread writes them in order.
#[derive(Debug, Clone)]
pub struct RenderedFinding {
    format: Format,
    bytes: Vec<u8>,
}

impl RenderedFinding {
    /// `f` rendered in `format`, as a [`ReportWriter`] writes it (but for
    /// the separator between two JSON or SARIF findings).
    pub fn new(format: Format, f: &Finding) -> io::Result<RenderedFinding> {
        RenderedFinding::with_options(format, f, &RenderOptions::default())
    }

    /// [`RenderedFinding::new`] with options (as the [`ReportWriter`] that
    /// writes it has them).
    pub fn with_options(format: Format, f: &Finding, options: &RenderOptions) -> io::Result<RenderedFinding> {
        let mut bytes = Vec::new();
        match format {
            Format::Human => write_human(f, &mut bytes, options.color)?,
            Format::Github => write_github(f, &mut bytes)?,
            Format::Json => {
                let text = serde_json::to_string_pretty(f).map_err(io::Error::other)?;
                write_indented(&mut bytes, &text, 4)?;
            }
            Format::Sarif => {
                let text = serde_json::to_string_pretty(&sarif_result(f)).map_err(io::Error::other)?;
                write_indented(&mut bytes, &text, sarif_indent())?;
            }
        }
        Ok(RenderedFinding { format, bytes })
    }

    /// The format it was rendered in.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The rendered bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

impl<'w> ReportWriter<'w> {
    /// A writer of `format` to `out`. For JSON, a temporary file is made
    /// for the findings (when none can be, they wait in memory).
    pub fn new(format: Format, out: &'w mut dyn Write) -> io::Result<ReportWriter<'w>> {
        ReportWriter::with_options(format, out, RenderOptions::default())
    }

    /// [`ReportWriter::new`] with options; findings given to
    /// [`ReportWriter::write_rendered`] are rendered with the same ones.
    pub fn with_options(
        format: Format,
        out: &'w mut dyn Write,
        options: RenderOptions,
    ) -> io::Result<ReportWriter<'w>> {
        let mut w = ReportWriter::buffered(format, out, options);
        if format == Format::Json {
            if let Ok((f, dir)) = temporary_file() {
                w.spill = Some(Spill::File(io::BufWriter::new(f), dir));
            }
        }
        Ok(w)
    }

    /// A writer whose JSON findings wait in memory (for a whole report).
    fn buffered(format: Format, out: &'w mut dyn Write, options: RenderOptions) -> ReportWriter<'w> {
        let mut w = ReportWriter {
            format,
            out,
            summary: Summary::default(),
            strict_notes: 0,
            spill: None,
            options,
            annotations: [0; 3],
            left_out: 0,
        };
        if format == Format::Json {
            w.spill = Some(Spill::Memory(Vec::new()));
        }
        w
    }

    /// Write one finding (findings come in report order).
    pub fn write(&mut self, f: &Finding) -> io::Result<()> {
        let rendered = RenderedFinding::with_options(self.format, f, &self.options)?;
        self.write_rendered(f, &rendered)
    }

    /// Write one finding rendered beforehand (for this writer's format), as
    /// [`ReportWriter::write`] would: the same bytes, and `f` counted in the
    /// summary. Findings come in report order.
    pub fn write_rendered(&mut self, f: &Finding, rendered: &RenderedFinding) -> io::Result<()> {
        if rendered.format != self.format {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "expected a finding rendered as {:?}, found one rendered as {:?}",
                    self.format, rendered.format
                ),
            ));
        }
        let first = self.summary.findings() == 0;
        self.summary.add(f);
        if f.note.as_deref() == Some(STRICT_NOTE) {
            self.strict_notes += 1;
        }
        let bytes = rendered.bytes.as_slice();
        match self.format {
            Format::Human => self.out.write_all(bytes),
            Format::Github => {
                let level = match f.severity {
                    Severity::Error => 0,
                    Severity::Warning => 1,
                    Severity::Info => 2,
                };
                if self.annotations[level] < self.options.max_annotations {
                    self.annotations[level] += 1;
                    self.out.write_all(bytes)
                } else {
                    // GitHub would drop it: a line of the log instead.
                    self.left_out += 1;
                    write_human_head(f, &mut self.out, false)
                }
            }
            Format::Json => {
                let spill = self.spill.get_or_insert_with(|| Spill::Memory(Vec::new()));
                let out = spill.writer();
                out.write_all(if first { b"\n" } else { b",\n" })
                    .and_then(|()| out.write_all(bytes))
                    .map_err(|e| spill.error(e))
            }
            Format::Sarif => {
                // The log up to its results goes before the first one.
                if first {
                    let head = sarif_frame(self.options.repository.as_ref()).0;
                    self.out.write_all(head.as_bytes())?;
                }
                self.out.write_all(if first { b"\n" } else { b",\n" })?;
                self.out.write_all(bytes)
            }
        }
    }

    /// Flush the output (findings written so far reach it).
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Write what comes after the findings (the human format's summary
    /// line; the JSON document, summary first) and return the counts:
    /// `files` looked at, `baselined` findings left out by a baseline.
    pub fn finish(mut self, files: usize, baselined: usize) -> io::Result<Summary> {
        self.summary.files = files;
        self.summary.baselined = baselined;
        let n = self.summary.findings();
        match self.format {
            Format::Human if self.options.summary => {
                // Said once, not under each finding.
                if self.strict_notes > 0 {
                    writeln!(self.out, "note: {} {}", self.strict_notes, STRICT_NOTE)?;
                }
                writeln!(self.out, "{}", self.summary.line())?;
            }
            Format::Human => {}
            Format::Github => write_left_out(&mut self.out, self.left_out, self.options.max_annotations)?,
            Format::Json => {
                #[derive(Serialize)]
                struct Doc<'a> {
                    version: u32,
                    summary: &'a Summary,
                    findings: [(); 0],
                }
                let head = serde_json::to_string_pretty(&Doc {
                    version: 1,
                    summary: &self.summary,
                    findings: [],
                })
                .map_err(io::Error::other)?;
                if n == 0 {
                    self.out.write_all(head.as_bytes())?;
                } else {
                    // `"findings": []\n}`: the findings go between the brackets.
                    let open = head.strip_suffix("]\n}").unwrap_or(&head);
                    self.out.write_all(open.as_bytes())?;
                    if let Some(spill) = self.spill.take() {
                        spill.copy_to(&mut self.out)?;
                    }
                    self.out.write_all(b"\n  ]\n}")?;
                }
                writeln!(self.out)?;
            }
            Format::Sarif => {
                let (head, tail, indent) = sarif_frame(self.options.repository.as_ref());
                if n == 0 {
                    self.out.write_all(head.as_bytes())?;
                } else {
                    write!(self.out, "\n{:w$}", "", w = indent.saturating_sub(2))?;
                }
                self.out.write_all(b"]")?;
                self.out.write_all(tail.as_bytes())?;
                writeln!(self.out)?;
            }
        }
        Ok(self.summary)
    }
}

pub(super) fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
