//! Stage 6: **check**: broken citations in a document repository, for CI.
//!
//! [`check`] reads a [`Corpus`] and its [`CitationGraph`] and returns a
//! [`Report`] of [`Finding`]s: data, each with a stable [`Code`], a
//! [`Severity`], the file, the line and column of the citation (computed only
//! here, when the report is made, by reading the files that have findings
//! again), the cited text, what was expected and what was found, and a
//! suggestion where there is one.
//!
//! [`Checker`] gives the same report without keeping the corpus: pass 1
//! reads every file for an index of identities and corpus facts, pass 2
//! reads each file again, checks it against the index and drops it, and its
//! findings go out (through a [`ReportWriter`], in any [`Format`]) as soon
//! as their chunk of files is done. Memory follows the number of documents,
//! not the size of their text; `vanban check` runs this way, with each
//! finding rendered ([`RenderedFinding`]) by the thread that found it
//! ([`Checker::findings_with`]), so that the one writing thread only copies
//! bytes.
//!
//! | code | finding | default |
//! |---|---|---|
//! | `unresolved` | an in-scope citation whose document is not in the corpus | warning (error with `strict`) |
//! | `date-mismatch` | the cited date differs from the cited document's own date | error |
//! | `type-mismatch` | the type word disagrees with the symbol's type code or the cited document's type | error |
//! | `issuer-mismatch` | the issuer phrase contradicts the symbol (`của Thủ tướng Chính phủ` on a `/QĐ-UBND`) | error |
//! | `anachronism` | a document cites one dated after itself | error |
//! | `malformed` | a symbol or date that does not parse or is impossible (`31/02/2023`) | error |
//! | `ambiguous` | a reference that fits several documents | warning |
//! | `superseded` | a `Căn cứ` (basis) citation of a document the corpus shows replaced or repealed before the citing date | warning |
//! | `duplicate` | two documents of the corpus with the same identity | error |
//! | `unreadable` | a file that is not text (invalid UTF-8, binary) or cannot be read | error |
//!
//! A citation is *in scope* when the cited document's numbering lives where
//! the corpus's documents live (by default: the jurisdictions of the corpus's
//! own documents, so a provincial archive is not asked to keep national laws),
//! or where [`Scope`] says.
//!
//! ```
//! use vanban::check::{check, CheckConfig, Code};
//! let mut corpus = vanban::Corpus::new();
//! corpus.push("a.txt", vanban::parse("TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n\
//!     Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n"));
//! let graph = corpus.graph();
//! let report = check(&corpus, &graph, &CheckConfig::default());
//! assert_eq!(report.findings[0].code, Code::Unresolved);
//! assert!(!report.has_errors());
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, CorpusError};
use crate::date::IssueDate;
use crate::error::ErrorKind;
use crate::graph::{CitationGraph, Confidence, Duplicate, Edge, Node, Resolution};
use crate::graph::{GraphBuilder, IndexedDocument};
use crate::model::{Citation, Document, Relation, Severity, Span};
use crate::normalize::fold;
use crate::resolve;
use crate::symbol::Symbol;
use crate::text::LineIndex;
use crate::ParseOptions;

// ---------------------------------------------------------------------------
// Codes

/// The stable code of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// An in-scope citation whose document is not in the corpus.
    Unresolved,
    /// The cited date differs from the cited document's own date.
    DateMismatch,
    /// The type word disagrees with the symbol's type code or the cited document's type.
    TypeMismatch,
    /// The issuer phrase contradicts the symbol.
    IssuerMismatch,
    /// A document cites one dated after itself.
    Anachronism,
    /// A symbol or date that does not parse or is impossible.
    Malformed,
    /// A reference that fits several documents.
    Ambiguous,
    /// A legal-basis citation of a document replaced or repealed before the citing date.
    Superseded,
    /// Two documents of the corpus with the same identity.
    Duplicate,
    /// A file that is not text or cannot be read.
    Unreadable,
}

impl Code {
    /// Every code, in report order.
    pub const ALL: [Code; 10] = [
        Code::Unresolved,
        Code::DateMismatch,
        Code::TypeMismatch,
        Code::IssuerMismatch,
        Code::Anachronism,
        Code::Malformed,
        Code::Ambiguous,
        Code::Superseded,
        Code::Duplicate,
        Code::Unreadable,
    ];

    /// The kebab-case name (`date-mismatch`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Code::Unresolved => "unresolved",
            Code::DateMismatch => "date-mismatch",
            Code::TypeMismatch => "type-mismatch",
            Code::IssuerMismatch => "issuer-mismatch",
            Code::Anachronism => "anachronism",
            Code::Malformed => "malformed",
            Code::Ambiguous => "ambiguous",
            Code::Superseded => "superseded",
            Code::Duplicate => "duplicate",
            Code::Unreadable => "unreadable",
        }
    }

    /// The severity when the configuration says nothing.
    pub fn default_severity(&self) -> Severity {
        match self {
            Code::Unresolved | Code::Ambiguous | Code::Superseded => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One line saying what the code means (SARIF rule description).
    pub fn description(&self) -> &'static str {
        match self {
            Code::Unresolved => "an in-scope citation whose document is not in the corpus",
            Code::DateMismatch => "the cited date differs from the cited document's own date",
            Code::TypeMismatch => {
                "the type word disagrees with the symbol's type code or with the cited document's type"
            }
            Code::IssuerMismatch => "the issuer phrase contradicts the issuer code of the symbol",
            Code::Anachronism => "a document cites one dated after itself",
            Code::Malformed => "a symbol or date that does not parse or is impossible",
            Code::Ambiguous => "a reference that fits several documents",
            Code::Superseded => {
                "a legal-basis citation of a document that the corpus shows replaced or repealed before the citing date"
            }
            Code::Duplicate => "two documents of the corpus with the same identity",
            Code::Unreadable => "a file that is not text (invalid UTF-8, binary) or cannot be read",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s).ok_or_else(|| {
            let names: Vec<&str> = Code::ALL.iter().map(Code::as_str).collect();
            format!(
                "unknown finding code: expected one of {}, found {s:?}",
                names.join(", ")
            )
        })
    }
}

// ---------------------------------------------------------------------------
// Configuration

/// The level a code is reported at, as written in `vanban.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Off,
    /// A note.
    Info,
    /// A warning (exit code 0).
    Warning,
    /// An error (exit code 1).
    Error,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Which cited documents the corpus is expected to hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// Jurisdiction slugs (`binh-thuan`, `national`). Default: those of the
    /// corpus's own documents.
    pub jurisdictions: Option<Vec<String>>,
    /// Issuer codes (`TU`, `UBND`), whatever the jurisdiction. When either
    /// list is given, the scope is exactly what the lists say.
    pub issuers: Option<Vec<String>>,
}

/// The configuration of a check: the `vanban.toml` at the corpus root.
///
/// ```toml
/// strict = false                 # unresolved citations are errors
/// ignore = ["drafts/", "*.md"]   # gitignore-style patterns, relative to the root
/// baseline = "vanban-baseline.json"
///
/// [severity]                     # per code: "off", "info", "warning", "error"
/// ambiguous = "off"
/// superseded = "error"
///
/// [scope]
/// jurisdictions = ["binh-thuan"]
/// issuers = ["TU", "UBND"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Make `unresolved` an error (unless `severity` says otherwise).
    pub strict: bool,
    /// Level per code name.
    pub severity: BTreeMap<String, Level>,
    /// What the corpus is expected to hold.
    pub scope: Scope,
    /// Files not read (gitignore syntax, relative to the corpus root).
    pub ignore: Vec<String>,
    /// A baseline file (relative to the corpus root): findings in it are not
    /// reported.
    pub baseline: Option<PathBuf>,
    /// Where to cache parsed documents (relative to the corpus root; default
    /// `.vanban-cache`).
    pub cache_dir: Option<PathBuf>,
    /// The corpus root: paths in fingerprints are relative to it. Not read
    /// from the file.
    #[serde(skip)]
    pub root: Option<PathBuf>,
}

impl CheckConfig {
    /// Check the code names under `severity`.
    pub fn validate(&self) -> Result<(), String> {
        for k in self.severity.keys() {
            k.parse::<Code>().map_err(|e| format!("[severity] {e}"))?;
        }
        Ok(())
    }

    /// The severity a code is reported at; `None` when turned off.
    pub fn severity_of(&self, code: Code) -> Option<Severity> {
        if let Some(l) = self.severity.get(code.as_str()) {
            return l.severity();
        }
        if code == Code::Unresolved && self.strict {
            return Some(Severity::Error);
        }
        Some(code.default_severity())
    }
}

// ---------------------------------------------------------------------------
// Findings

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// How serious (after configuration).
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column (in characters) just past the end.
    pub end_column: usize,
    /// Lowercase text saying what is wrong.
    pub message: String,
    /// The cited text (whitespace folded), when there is one.
    pub cited: Option<String>,
    /// What was expected.
    pub expected: Option<String>,
    /// What was found.
    pub found: Option<String>,
    /// How to fix it, or what was probably meant.
    pub suggestion: Option<String>,
    /// More about it.
    pub note: Option<String>,
    /// Byte span in the file.
    pub span: Option<Span>,
    /// Stable across line moves: code, path (relative to the corpus root)
    /// and cited text.
    pub fingerprint: String,
    /// The source line, for display.
    #[serde(skip)]
    pub source: Option<String>,
}

impl Finding {
    fn new(code: Code, path: &Path, span: Option<Span>, message: String) -> Finding {
        Finding {
            code,
            severity: code.default_severity(),
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            message,
            cited: None,
            expected: None,
            found: None,
            suggestion: None,
            note: None,
            span,
            fingerprint: String::new(),
            source: None,
        }
    }

    fn expect(mut self, expected: impl Into<String>, found: impl Into<String>) -> Finding {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    fn suggest(mut self, s: Option<String>) -> Finding {
        self.suggestion = s;
        self
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    /// Files looked at (documents read plus files that could not be).
    pub files: usize,
    /// Findings, by path and position.
    pub findings: Vec<Finding>,
    /// Findings left out because the baseline has them.
    pub baselined: usize,
}

/// Counts of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Files looked at.
    pub files: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
    /// Findings left out by the baseline.
    pub baselined: usize,
    /// Findings per code (codes with none left out).
    pub by_code: BTreeMap<String, usize>,
}

impl Report {
    /// Any error-level finding? (Exit code 1.)
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Counts.
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files,
            baselined: self.baselined,
            ..Default::default()
        };
        for f in &self.findings {
            s.add(f);
        }
        s
    }

    /// The summary line: `vanban check: 5 files, 27 findings (0 errors, 27
    /// warnings, 0 notes): unresolved 27`.
    pub fn summary_line(&self) -> String {
        self.summary().line()
    }

    /// Drop the findings a baseline already has (each baseline entry excuses
    /// as many findings as it counts).
    pub fn apply_baseline(&mut self, baseline: &Baseline) {
        let mut filter = BaselineFilter::new(baseline);
        let before = self.findings.len();
        self.findings.retain(|f| !filter.excuses(f));
        self.baselined += before - self.findings.len();
    }
}

impl Summary {
    /// Count one more finding.
    pub fn add(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.notes += 1,
        }
        *self.by_code.entry(f.code.as_str().to_string()).or_default() += 1;
    }

    /// Findings counted (errors, warnings and notes).
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.notes
    }

    /// Any error-level finding? (Exit code 1.)
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// The summary line: `vanban check: 5 files, 27 findings (0 errors, 27
    /// warnings, 0 notes): unresolved 27`.
    pub fn line(&self) -> String {
        let s = self;
        let n = self.findings();
        let mut line = format!(
            "vanban check: {} {}, {n} {} ({} {}, {} {}, {} {})",
            s.files,
            plural(s.files, "file", "files"),
            plural(n, "finding", "findings"),
            s.errors,
            plural(s.errors, "error", "errors"),
            s.warnings,
            plural(s.warnings, "warning", "warnings"),
            s.notes,
            plural(s.notes, "note", "notes"),
        );
        let by: Vec<String> = Code::ALL
            .iter()
            .filter_map(|c| s.by_code.get(c.as_str()).map(|k| format!("{c} {k}")))
            .collect();
        if !by.is_empty() {
            line.push_str(": ");
            line.push_str(&by.join(", "));
        }
        if s.baselined > 0 {
            line.push_str(&format!("; {} in the baseline not shown", s.baselined));
        }
        line
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

// ---------------------------------------------------------------------------
// Baseline

/// One fingerprint of a baseline, with how many findings share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineEntry {
    /// The fingerprint (see [`Finding::fingerprint`]).
    pub fingerprint: String,
    /// The code, for people reading the file.
    pub code: Code,
    /// The path relative to the corpus root.
    pub path: String,
    /// The cited text.
    pub cited: String,
    /// How many findings have this fingerprint.
    pub count: usize,
}

/// Known findings a repository accepts for now: `--write-baseline` writes
/// one, `--baseline` (or `baseline =` in `vanban.toml`) leaves them out, so
/// only new findings fail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// The entries, sorted.
    pub entries: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline of a report's findings.
    pub fn from_report(report: &Report, root: Option<&Path>) -> Baseline {
        let mut b = BaselineBuilder::new(root);
        for f in &report.findings {
            b.add(f);
        }
        b.finish()
    }

    /// Read a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: not a vanban baseline: {e}", path.display()))
    }

    /// Write a baseline file.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(io::Error::other)?;
        text.push('\n');
        std::fs::write(path, text)
    }
}

/// Builds a [`Baseline`] one finding at a time (a check that streams its
/// findings keeps only their fingerprints).
#[derive(Debug, Clone, Default)]
pub struct BaselineBuilder {
    root: Option<PathBuf>,
    map: BTreeMap<String, BaselineEntry>,
}

impl BaselineBuilder {
    /// An empty baseline; paths are written relative to `root`.
    pub fn new(root: Option<&Path>) -> BaselineBuilder {
        BaselineBuilder {
            root: root.map(Path::to_path_buf),
            map: BTreeMap::new(),
        }
    }

    /// Record one finding.
    pub fn add(&mut self, f: &Finding) {
        if let Some(e) = self.map.get_mut(&f.fingerprint) {
            e.count += 1;
            return;
        }
        self.map.insert(
            f.fingerprint.clone(),
            BaselineEntry {
                fingerprint: f.fingerprint.clone(),
                code: f.code,
                path: relative(&f.path, self.root.as_deref()),
                cited: f.cited.clone().unwrap_or_default(),
                count: 1,
            },
        );
    }

    /// The baseline.
    pub fn finish(self) -> Baseline {
        Baseline {
            version: 1,
            entries: self.map.into_values().collect(),
        }
    }
}

/// Leaves out the findings a [`Baseline`] has, one finding at a time, in
/// report order (each entry excuses as many findings as it counts).
#[derive(Debug, Clone)]
pub struct BaselineFilter<'b> {
    left: HashMap<&'b str, usize>,
}

impl<'b> BaselineFilter<'b> {
    /// A filter with the counts of `baseline`.
    pub fn new(baseline: &'b Baseline) -> BaselineFilter<'b> {
        BaselineFilter {
            left: baseline
                .entries
                .iter()
                .map(|e| (e.fingerprint.as_str(), e.count))
                .collect(),
        }
    }

    /// Does the baseline excuse this finding? (Uses up one of its count.)
    pub fn excuses(&mut self, f: &Finding) -> bool {
        match self.left.get_mut(f.fingerprint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// A path relative to the root, with `/` separators.
fn relative(path: &Path, root: Option<&Path>) -> String {
    let p = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
    let s: Vec<String> = p
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    s.join("/")
}

/// FNV-1a, 128 bits: the cache key of a file's bytes and the fingerprint of
/// a finding. Not for adversaries; for telling files apart.
pub const fn fnv128(bytes: &[u8], mut h: u128) -> u128 {
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u128;
        h = h.wrapping_mul(PRIME);
        i += 1;
    }
    h
}

/// The FNV-1a 128 offset basis (start value for [`fnv128`]).
pub const FNV128_BASIS: u128 = 0x6c62272e07bb014262b821756295c58d;

fn fingerprint(code: Code, path: &Path, cited: &str, root: Option<&Path>) -> String {
    let rel = relative(path, root);
    let mut h = fnv128(code.as_str().as_bytes(), FNV128_BASIS);
    h = fnv128(&[0], h);
    h = fnv128(rel.as_bytes(), h);
    h = fnv128(&[0], h);
    h = fnv128(cited.as_bytes(), h);
    format!("{h:032x}")
}

// ---------------------------------------------------------------------------
// The check

/// Check a corpus: every finding, with line and column filled in (the files
/// with findings are read again for that), sorted by path and position.
///
/// This keeps the whole corpus and its graph in memory; [`Checker`] gives
/// the same report while reading the files twice and keeping neither.
pub fn check(corpus: &Corpus, graph: &CitationGraph, config: &CheckConfig) -> Report {
    let docs = corpus.documents();
    let facts = Facts::new(graph, docs.len(), config);
    let ctx = Ctx { graph, facts: &facts };
    let edges = EdgeMaps::new(graph);
    let mut findings: Vec<Finding> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| {
            let path = d.path.as_path();
            ctx.document_findings(graph.document_node(i), path, &d.document, |ci| edges.looked(path, ci))
        })
        .collect();
    // Duplicates.
    let by_path: HashMap<&Path, &Document> = docs.iter().map(|d| (d.path.as_path(), &d.document)).collect();
    for dup in graph.duplicates() {
        for (k, p) in dup.paths.iter().enumerate() {
            let span = by_path.get(p.as_path()).and_then(|d| d.spans.symbol);
            findings.push(duplicate_finding(dup, k, span));
        }
    }
    // Files that could not be read.
    for e in corpus.errors() {
        findings.push(unreadable_finding(&e.path, &e.error));
    }
    let mut findings: Vec<Finding> = findings.into_iter().filter_map(|f| with_severity(f, config)).collect();
    locate(&mut findings);
    for f in &mut findings {
        finish_finding(f, config);
    }
    findings.sort_by(|a, b| {
        (&a.path, a.span.map(|s| s.start), a.code, &a.message).cmp(&(
            &b.path,
            b.span.map(|s| s.start),
            b.code,
            &b.message,
        ))
    });
    Report {
        files: docs.len() + corpus.errors().len(),
        findings,
        baselined: 0,
    }
}

/// The finding of one copy (the `k`-th) of a shared identity.
fn duplicate_finding(dup: &Duplicate, k: usize, span: Option<Span>) -> Finding {
    let others: Vec<String> = dup
        .paths
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != k)
        .map(|(_, q)| q.display().to_string())
        .collect();
    let mut f = Finding::new(
        Code::Duplicate,
        &dup.paths[k],
        span,
        format!("duplicate document: {} is also {}", dup.identity, others.join(", ")),
    );
    f.note = Some("two files with one identity make every citation of it ambiguous; keep one".to_string());
    f
}

/// The finding of a file that could not be read.
fn unreadable_finding(path: &Path, error: &crate::Error) -> Finding {
    let span = match error.kind() {
        ErrorKind::InvalidUtf8 { offset, .. } | ErrorKind::Binary { offset, .. } => {
            Some(Span::new(*offset, *offset + 1))
        }
        _ => None,
    };
    let mut f = Finding::new(
        Code::Unreadable,
        path,
        span,
        format!("unreadable file: {}", error.kind()),
    );
    f.expected = Some("UTF-8 text".to_string());
    f.note = Some("the other files were still checked".to_string());
    f
}

/// The finding at the severity the configuration gives its code; `None`
/// when the code is turned off.
fn with_severity(mut f: Finding, config: &CheckConfig) -> Option<Finding> {
    f.severity = config.severity_of(f.code)?;
    Some(f)
}

/// Fingerprint and note, once the finding is placed (the fingerprint reads
/// the cited text).
fn finish_finding(f: &mut Finding, config: &CheckConfig) {
    f.fingerprint = fingerprint(
        f.code,
        &f.path,
        f.cited.as_deref().unwrap_or(""),
        config.root.as_deref(),
    );
    if f.code == Code::Unresolved && f.severity == Severity::Warning {
        f.note = Some(STRICT_NOTE.to_string());
    }
}

/// The note of an unresolved citation reported as a warning.
pub const STRICT_NOTE: &str = "unresolved citations are warnings (the cited document may be kept elsewhere); \
     --strict, or `strict = true` in vanban.toml, makes them errors";

// ---------------------------------------------------------------------------
// The check that streams

/// The two passes of a [`Checker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Pass 1: each file read for its identity and the facts other
    /// documents' findings need.
    Index,
    /// Pass 2: each file read again and checked.
    Check,
}

/// Told how a [`Checker`] goes on, for a progress bar. Called from the
/// threads that read the files.
pub trait Progress: Sync {
    /// A pass begins over `files` files.
    fn start(&self, pass: Pass, files: usize);
    /// One more file of the current pass is done.
    fn file_done(&self);
}

/// A check that streams: the same [`Report`] as [`check`], findings in the
/// same order, while memory follows the number of documents (and of the
/// documents they cite), not the size of their text nor the number of their
/// citations (but for `replaces` and `repeals`, which the index keeps).
///
/// - **Pass 1** ([`Checker::index`]) reads and parses the files in parallel
///   and keeps of each only its identity (the header fields of its graph
///   node, the span of its số ký hiệu) and the citations that establish
///   facts about the corpus (the documents it cites, as nodes; the edges
///   that say it replaces or repeals one): an index-only graph
///   ([`crate::graph::GraphBuilder::index_only`]).
/// - **Pass 2** ([`Checker::findings`]) reads and parses each file again, in
///   path order, in parallel chunks of files, resolves its citations
///   read-only against the index ([`CitationGraph::resolve_document`]),
///   computes its findings, places them, and drops the document; each
///   chunk's findings go to the caller's sink as soon as it is done.
///
/// Both passes read through the [`Cache`] when there is one, so pass 2 of
/// an unchanged file costs a cache read.
///
/// ```no_run
/// use vanban::check::{CheckConfig, Checker};
/// let (files, problems) = vanban::walk(&["docs"], &Default::default());
/// let config = CheckConfig::default();
/// let checker = Checker::new(&config);
/// let index = checker.index(files, problems);
/// checker
///     .findings(&index, &mut |f| {
///         println!("{}:{}:{}: {}", f.path.display(), f.line, f.column, f.message);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[derive(Clone)]
pub struct Checker<'a> {
    config: &'a CheckConfig,
    parse: ParseOptions,
    cache: Option<&'a Cache>,
    progress: Option<&'a dyn Progress>,
    /// Each pass reads about this many bytes of text at a time.
    chunk_bytes: u64,
}

/// What pass 1 of a [`Checker`] keeps: the index of the corpus.
#[derive(Debug)]
pub struct CheckIndex {
    graph: CitationGraph,
    facts: Facts,
    /// Documents and unreadable files, sorted by path (pass 2's order).
    entries: Vec<Entry>,
    /// Per document (corpus order): the span of its số ký hiệu.
    symbol_spans: Vec<Option<Span>>,
    /// Files with a shared identity: (duplicate, position in its paths).
    dup_paths: HashMap<PathBuf, Vec<(usize, usize)>>,
}

/// One file of the check.
#[derive(Debug)]
struct Entry {
    path: PathBuf,
    /// Its size in bytes, as read in pass 1 (0 when it could not be read).
    len: u64,
    what: EntryKind,
}

#[derive(Debug)]
enum EntryKind {
    /// The `i`-th document of the corpus.
    Document(usize),
    /// A file (or folder) that could not be read.
    Problem(crate::Error),
}

impl CheckIndex {
    /// The index-only graph: every node, the duplicates, and the `replaces`
    /// and `repeals` edges.
    pub fn graph(&self) -> &CitationGraph {
        &self.graph
    }

    /// Files looked at (documents read plus files that could not be).
    pub fn files(&self) -> usize {
        self.entries.len()
    }

    /// Documents read.
    pub fn documents(&self) -> usize {
        self.symbol_spans.len()
    }
}

/// What pass 1 keeps of one document until it is added to the index.
type Indexed = (IndexedDocument, Option<Span>);

/// Read and parse one file through the cache: its bytes (when they could
/// be read) and its document.
fn read_parsed(
    path: &Path,
    options: &ParseOptions,
    cache: Option<&Cache>,
) -> (Option<Vec<u8>>, Result<Document, crate::Error>) {
    let bytes = match crate::corpus::read_bytes(path, options.max_size) {
        Ok(b) => b,
        Err(e) => return (None, Err(e)),
    };
    if let Some(doc) = cache.and_then(|c| c.get(&bytes)) {
        return (Some(bytes), Ok(doc));
    }
    let doc = crate::parse_bytes(&bytes, options).map_err(|e| e.with_path(path));
    if let (Some(c), Ok(d)) = (cache, &doc) {
        c.put(&bytes, d);
    }
    (Some(bytes), doc)
}

impl<'a> Checker<'a> {
    /// Files read at once: (at least, in pass 1, where a chunk is sized by
    /// the mean size of the files read so far; at most, in either pass).
    const CHUNK_FILES: (usize, usize) = (16, 1024);

    /// Bytes of text read at once, by default (whole files): enough to keep
    /// every thread busy, few enough that what waits for the end of a chunk
    /// (pass 1: the documents' index entries; pass 2: the findings) is small.
    pub const DEFAULT_CHUNK_BYTES: u64 = 16 << 20;

    /// A checker with this configuration, default parse options, no cache.
    pub fn new(config: &'a CheckConfig) -> Checker<'a> {
        Checker {
            config,
            parse: ParseOptions::default(),
            cache: None,
            progress: None,
            chunk_bytes: Checker::DEFAULT_CHUNK_BYTES,
        }
    }

    /// Parse with these options (the size limit).
    pub fn parse_options(mut self, options: ParseOptions) -> Checker<'a> {
        self.parse = options;
        self
    }

    /// Read parsed documents from this cache, and write them to it.
    pub fn cache(mut self, cache: Option<&'a Cache>) -> Checker<'a> {
        self.cache = cache;
        self
    }

    /// Report progress here.
    pub fn progress(mut self, progress: &'a dyn Progress) -> Checker<'a> {
        self.progress = Some(progress);
        self
    }

    /// Read about this many bytes of text at once (whole files, at least one
    /// in pass 2, and at least 16 in pass 1; default
    /// [`Checker::DEFAULT_CHUNK_BYTES`]). Memory follows it: what pass 1
    /// keeps of a chunk's documents until they are added to the index in
    /// order, and the findings of a pass-2 chunk.
    pub fn chunk_bytes(mut self, bytes: u64) -> Checker<'a> {
        self.chunk_bytes = bytes;
        self
    }

    /// Pass 1: read `files` (in corpus order, as [`crate::walk`] lists them,
    /// ignored files left out) in parallel and keep their index. `problems`
    /// are files or folders that could not be walked: each becomes an
    /// `unreadable` finding.
    pub fn index(&self, files: Vec<PathBuf>, problems: Vec<CorpusError>) -> CheckIndex {
        let mut entries: Vec<Entry> = problems
            .into_iter()
            .map(|e| Entry {
                path: e.path,
                len: 0,
                what: EntryKind::Problem(e.error),
            })
            .collect();
        if let Some(p) = self.progress {
            p.start(Pass::Index, files.len());
        }
        let mut builder = GraphBuilder::index_only();
        let mut symbol_spans = Vec::new();
        let mut files = files.into_iter();
        // Files and bytes read so far, to size the chunks.
        let seen = std::cell::Cell::new((0u64, 0u64));
        let next = || {
            // About `chunk_bytes` of text, by the mean size of the files so far.
            let (least, most) = Checker::CHUNK_FILES;
            let (n, bytes) = seen.get();
            let take = bytes
                .checked_div(n)
                .map_or(least, |mean| (self.chunk_bytes / mean.max(1)) as usize);
            let chunk: Vec<PathBuf> = files.by_ref().take(take.clamp(least, most)).collect();
            (!chunk.is_empty()).then_some(chunk)
        };
        let work = |chunk: Vec<PathBuf>| {
            let read: Vec<(u64, Result<Indexed, crate::Error>)> = chunk
                .par_iter()
                .map(|p| {
                    let (bytes, doc) = read_parsed(p, &self.parse, self.cache);
                    let len = bytes.map_or(0, |b| b.len() as u64);
                    let r = doc.map(|d| (IndexedDocument::new(p, &d), d.spans.symbol));
                    if let Some(p) = self.progress {
                        p.file_done();
                    }
                    (len, r)
                })
                .collect();
            (chunk, read)
        };
        let added: Result<(), std::convert::Infallible> = pipelined(next, work, |(chunk, read)| {
            // In corpus order: node ids and duplicates depend on it.
            for (path, (len, r)) in chunk.into_iter().zip(read) {
                let (n, bytes) = seen.get();
                seen.set((n + 1, bytes + len));
                let what = match r {
                    Ok((d, span)) => {
                        builder.add_indexed(d);
                        symbol_spans.push(span);
                        EntryKind::Document(symbol_spans.len() - 1)
                    }
                    Err(e) => EntryKind::Problem(e),
                };
                entries.push(Entry { path, len, what });
            }
            Ok(())
        });
        let Ok(()) = added;
        let graph = builder.finish();
        // Stable: files of one path keep their order.
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let mut dup_paths: HashMap<PathBuf, Vec<(usize, usize)>> = HashMap::new();
        for (d, dup) in graph.duplicates().iter().enumerate() {
            for (k, p) in dup.paths.iter().enumerate() {
                dup_paths.entry(p.clone()).or_default().push((d, k));
            }
        }
        let facts = Facts::new(&graph, symbol_spans.len(), self.config);
        CheckIndex {
            graph,
            facts,
            entries,
            symbol_spans,
            dup_paths,
        }
    }

    /// Pass 2: read each file of the index again and give its findings to
    /// `sink`, in report order (path, then position), one chunk of files
    /// at a time (see [`Checker::chunk_bytes`]). Stops at the first error of
    /// the sink.
    pub fn findings(&self, index: &CheckIndex, sink: &mut dyn FnMut(Finding) -> io::Result<()>) -> io::Result<()> {
        self.findings_with(index, |_| (), |f, ()| sink(f))
    }

    /// Pass 2 as [`Checker::findings`], with `prepare` run on each finding
    /// by the threads that found it (in parallel, as each file is done) and
    /// its result given to `sink` with the finding, in report order: work
    /// that need not be serial, such as rendering a finding
    /// ([`RenderedFinding::new`]), is done there, and `sink` only writes.
    ///
    /// ```no_run
    /// use vanban::check::{CheckConfig, Checker, Format, RenderedFinding, ReportWriter};
    /// # fn main() -> std::io::Result<()> {
    /// let (files, problems) = vanban::walk(&["docs"], &Default::default());
    /// let config = CheckConfig::default();
    /// let checker = Checker::new(&config);
    /// let index = checker.index(files, problems);
    /// let mut out = std::io::stdout().lock();
    /// let mut writer = ReportWriter::new(Format::Json, &mut out)?;
    /// checker.findings_with(
    ///     &index,
    ///     |f| RenderedFinding::new(Format::Json, f),
    ///     |f, rendered| writer.write_rendered(&f, &rendered?),
    /// )?;
    /// writer.finish(index.files(), 0)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn findings_with<T: Send>(
        &self,
        index: &CheckIndex,
        prepare: impl Fn(&Finding) -> T + Sync,
        mut sink: impl FnMut(Finding, T) -> io::Result<()>,
    ) -> io::Result<()> {
        let ctx = Ctx {
            graph: &index.graph,
            facts: &index.facts,
        };
        if let Some(p) = self.progress {
            p.start(Pass::Check, index.entries.len());
        }
        let mut rest = index.entries.as_slice();
        let next = || {
            // Whole groups of one path each, about `chunk_bytes` of text.
            let mut groups: Vec<&[Entry]> = Vec::new();
            let (mut files, mut bytes) = (0, 0);
            while files < Checker::CHUNK_FILES.1 && (bytes < self.chunk_bytes || files == 0) {
                let Some(first) = rest.first() else { break };
                let n = rest.iter().take_while(|e| e.path == first.path).count();
                let (group, tail) = rest.split_at(n);
                groups.push(group);
                files += n;
                bytes += group.iter().map(|e| e.len).sum::<u64>();
                rest = tail;
            }
            (!groups.is_empty()).then_some(groups)
        };
        let prepared = |f: Finding| {
            let t = prepare(&f);
            (f, t)
        };
        let work = |groups: Vec<&[Entry]>| -> Vec<Vec<(Finding, T)>> {
            groups
                .par_iter()
                .map(|g| self.path_findings(&ctx, index, g).into_iter().map(prepared).collect())
                .collect()
        };
        pipelined(next, work, |found| {
            for (f, t) in found.into_iter().flatten() {
                sink(f, t)?;
            }
            Ok(())
        })
    }

    /// Both passes, the findings gathered in a [`Report`].
    pub fn report(&self, files: Vec<PathBuf>, problems: Vec<CorpusError>) -> Report {
        let index = self.index(files, problems);
        let mut findings = Vec::new();
        let collected: io::Result<()> = self.findings(&index, &mut |f| {
            findings.push(f);
            Ok(())
        });
        debug_assert!(collected.is_ok(), "the sink never fails");
        Report {
            files: index.files(),
            findings,
            baselined: 0,
        }
    }

    /// The findings of the files of one path (one, unless a path was given
    /// twice), placed and sorted.
    fn path_findings(&self, ctx: &Ctx<'_>, index: &CheckIndex, group: &[Entry]) -> Vec<Finding> {
        let path = group[0].path.as_path();
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut last_doc = None;
        for e in group {
            match &e.what {
                EntryKind::Document(i) => {
                    let (b, doc) = read_parsed(path, &self.parse, self.cache);
                    match doc {
                        Ok(doc) => {
                            let resolved = ctx.graph.resolve_document(*i, path, &doc);
                            let citing = ctx.graph.document_node(*i);
                            found.extend(ctx.document_findings(citing, path, &doc, |ci| {
                                resolved.get(ci).map(Looked::of).unwrap_or_default()
                            }));
                        }
                        // Changed since pass 1.
                        Err(err) => problems.push(unreadable_finding(path, &err)),
                    }
                    bytes = b.or(bytes);
                    last_doc = Some(*i);
                }
                EntryKind::Problem(err) => problems.push(unreadable_finding(path, err)),
            }
            if let Some(p) = self.progress {
                p.file_done();
            }
        }
        for &(d, k) in index.dup_paths.get(path).into_iter().flatten() {
            let span = last_doc.and_then(|i| index.symbol_spans[i]);
            found.push(duplicate_finding(&ctx.graph.duplicates()[d], k, span));
        }
        found.extend(problems);
        let mut found: Vec<Finding> = found
            .into_iter()
            .filter_map(|f| with_severity(f, self.config))
            .collect();
        let keep = match &bytes {
            Some(b) => locate_in(b, &mut found),
            None => locate_file(&mut found),
        };
        let mut keep = keep.into_iter();
        found.retain(|_| keep.next().unwrap_or(true));
        for f in &mut found {
            finish_finding(f, self.config);
        }
        found.sort_by(|a, b| {
            (a.span.map(|s| s.start), a.code, &a.message).cmp(&(b.span.map(|s| s.start), b.code, &b.message))
        });
        found
    }
}

/// Run `work` on each chunk that `next` gives, and `take` on the results, in
/// order, on this thread: the next chunk is worked on (by the thread pool)
/// while this thread takes the results of the one before. Stops at the first
/// error of `take`.
fn pipelined<C: Send, R: Send, E>(
    mut next: impl FnMut() -> Option<C>,
    work: impl Fn(C) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let work = &work;
    std::thread::scope(|s| {
        let mut running = next().map(|c| s.spawn(move || work(c)));
        while let Some(handle) = running.take() {
            let done = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            running = next().map(|c| s.spawn(move || work(c)));
            take(done)?;
        }
        Ok(())
    })
}

/// Check files without keeping them (see [`Checker`]): `files` in corpus
/// order as [`crate::walk`] lists them (ignored files left out), `problems`
/// the files or folders that could not be walked. The report is the one
/// [`check`] gives for the same files.
pub fn check_files(files: Vec<PathBuf>, problems: Vec<CorpusError>, config: &CheckConfig) -> Report {
    Checker::new(config).report(files, problems)
}

/// Facts about the whole corpus that one document's findings read: built
/// once, from the documents' nodes (so from an index-only graph as well).
#[derive(Debug)]
struct Facts {
    /// Jurisdictions in scope.
    jurisdictions: HashSet<String>,
    /// Issuer codes in scope (upper case).
    issuers: HashSet<String>,
    /// Corpus documents (their index) by (jurisdiction, number), for "did
    /// you mean".
    by_number: HashMap<(String, u32), Vec<usize>>,
}

impl Facts {
    fn new(graph: &CitationGraph, documents: usize, config: &CheckConfig) -> Facts {
        let doc_nodes = || (0..documents).filter_map(|i| graph.document_node(i).map(|n| (i, n)));
        let given = config.scope.jurisdictions.is_some() || config.scope.issuers.is_some();
        let jurisdictions = match &config.scope.jurisdictions {
            Some(j) => j.iter().cloned().collect(),
            None if given => HashSet::new(),
            None => doc_nodes().filter_map(|(_, n)| n.jurisdiction.clone()).collect(),
        };
        let issuers = config
            .scope
            .issuers
            .iter()
            .flatten()
            .map(|s| s.chars().flat_map(char::to_uppercase).collect())
            .collect();
        let mut by_number: HashMap<(String, u32), Vec<usize>> = HashMap::new();
        for (i, n) in doc_nodes() {
            if let (Some(j), Some(num)) = (&n.jurisdiction, n.symbol.as_ref().and_then(Symbol::number)) {
                by_number.entry((j.clone(), num)).or_default().push(i);
            }
        }
        Facts {
            jurisdictions,
            issuers,
            by_number,
        }
    }
}

/// What the graph says about one citation.
#[derive(Debug, Clone, Copy, Default)]
struct Looked<'r> {
    /// The node it is attached to, and whether its identity is unknown.
    target: Option<(&'r Node, bool)>,
    /// Why it is not attached, and the candidates.
    unresolved: Option<(&'r str, &'r [String])>,
}

impl<'r> Looked<'r> {
    fn of(r: &'r Resolution<'r>) -> Looked<'r> {
        match r {
            Resolution::Node { node, confidence, .. } => Looked {
                target: Some((node, *confidence == Confidence::Unknown)),
                unresolved: None,
            },
            Resolution::Unresolved { reason, candidates } => Looked {
                target: None,
                unresolved: Some((reason.as_str(), candidates.as_slice())),
            },
            _ => Looked::default(),
        }
    }
}

/// The built graph's answers for every citation of the corpus, by (citing
/// path, citation index).
struct EdgeMaps<'a> {
    edges: HashMap<(&'a Path, usize), (&'a Node, &'a Edge)>,
    unresolved: HashMap<(&'a Path, usize), (&'a str, &'a [String])>,
}

impl<'a> EdgeMaps<'a> {
    fn new(graph: &'a CitationGraph) -> EdgeMaps<'a> {
        let mut edges = HashMap::new();
        for (_, to, e) in graph.edges() {
            for ev in std::iter::once(&e.evidence).chain(&e.more) {
                let p: &Path = ev.path.as_ref();
                edges.insert((p, ev.citation as usize), (to, e));
            }
        }
        let unresolved = graph
            .unresolved()
            .iter()
            .map(|u| {
                let p: &Path = u.evidence.path.as_ref();
                (
                    (p, u.evidence.citation as usize),
                    (u.reason.as_str(), u.candidates.as_slice()),
                )
            })
            .collect();
        EdgeMaps { edges, unresolved }
    }

    fn looked(&self, path: &'a Path, ci: usize) -> Looked<'a> {
        Looked {
            target: self
                .edges
                .get(&(path, ci))
                .map(|&(to, e)| (to, e.confidence == Confidence::Unknown)),
            unresolved: self.unresolved.get(&(path, ci)).copied(),
        }
    }
}

/// What the check looks things up in.
struct Ctx<'a> {
    graph: &'a CitationGraph,
    facts: &'a Facts,
}

impl<'a> Ctx<'a> {
    fn in_scope(&self, jurisdiction: Option<&str>, symbol: Option<&Symbol>) -> bool {
        jurisdiction.is_some_and(|j| self.facts.jurisdictions.contains(j))
            || symbol.and_then(|s| s.issuers().first()).is_some_and(|i| {
                self.facts
                    .issuers
                    .contains(&i.chars().flat_map(char::to_uppercase).collect::<String>())
            })
    }

    /// The findings of one document (`citing` is its node), each citation
    /// looked up with `look` (by its index).
    fn document_findings<'r>(
        &self,
        citing: Option<&'r Node>,
        path: &Path,
        doc: &Document,
        look: impl Fn(usize) -> Looked<'r>,
    ) -> Vec<Finding>
    where
        'a: 'r,
    {
        let mut out = Vec::new();
        for d in &doc.diagnostics {
            let malformed = ["malformed-", "impossible-", "unreadable-"]
                .iter()
                .any(|p| d.code.starts_with(p));
            if malformed {
                out.push(Finding::new(
                    Code::Malformed,
                    path,
                    d.span,
                    format!("malformed: {} [{}]", d.message, d.code),
                ));
            }
        }
        let home = citing.and_then(|n| n.jurisdiction.clone());
        for (ci, c) in doc.citations.iter().enumerate() {
            // The document's own number is no citation to check.
            if c.is_self {
                continue;
            }
            let what = describe(c);
            let looked = look(ci);
            let target = looked.target;
            // Type word against the symbol's type code.
            let type_finding = type_against_symbol(c).map(|(expected, found)| {
                Finding::new(
                    Code::TypeMismatch,
                    path,
                    Some(c.span),
                    format!(
                        "type mismatch: the type word \"{found}\" does not fit the type code {} of {}, which is a {}",
                        c.symbol.as_ref().and_then(Symbol::type_code).unwrap_or(""),
                        sym(c),
                        expected.to_lowercase()
                    ),
                )
                .expect(expected.clone(), found)
                .suggest(Some(format!(
                    "write \"{expected} số {}\", or correct the số ký hiệu",
                    sym(c)
                )))
            });
            let type_finding = type_finding.or_else(|| {
                let (to, _) = target?;
                if to.external || to.path.as_deref() == Some(path) {
                    return None;
                }
                let word = c.doc_type.as_deref()?;
                let theirs = to.doc_type.as_deref()?;
                (!type_words_agree(word, theirs)).then(|| {
                    Finding::new(
                        Code::TypeMismatch,
                        path,
                        Some(c.span),
                        format!(
                            "type mismatch: {} is cited as a {}, but {} is a {}",
                            sym(c),
                            word.to_lowercase(),
                            show_path(to),
                            theirs.to_lowercase()
                        ),
                    )
                    .expect(theirs, word)
                    .suggest(Some(format!("write \"{theirs} số {}\"", sym(c))))
                })
            });
            out.extend(type_finding);
            if let Some(f) = issuer_finding(path, c).filter(|_| !c.shared.iter().any(|s| s == "issuer")) {
                out.push(f);
            }
            if let Some((reason, candidates)) = looked.unresolved {
                if candidates.len() >= 2 {
                    out.push(self.ambiguous(path, c, &what, candidates.iter().map(String::as_str).collect(), reason));
                } else if candidates.is_empty() && self.in_scope(home.as_deref(), None) {
                    out.push(Finding::new(
                        Code::Unresolved,
                        path,
                        Some(c.span),
                        format!("unresolved citation: {what} is not in the corpus ({reason})"),
                    ));
                }
                continue;
            }
            let Some((to, unknown)) = target else { continue };
            if to.path.as_deref() == Some(path) {
                // The document naming itself (a title line): nothing to check.
                continue;
            }
            if to.external {
                let jur = to.jurisdiction.as_deref();
                if !self.in_scope(jur, c.symbol.as_ref()) {
                    // Out of scope, or the jurisdiction is unknown.
                } else if unknown || to.year.is_none() {
                    // Year unknown: look for documents of any year.
                    let fits = self.same_number(to, |_| true);
                    if fits.is_empty() {
                        out.push(self.unresolved(path, c, to, &what));
                    } else {
                        let ids = fits.iter().map(|n| n.id.as_str()).collect();
                        out.push(self.ambiguous(path, c, &what, ids, "the citation gives no year"));
                    }
                } else {
                    out.push(self.unresolved(path, c, to, &what));
                }
            } else if let (Some(cited), Some(own)) = (c.date, to.date) {
                if !c.shared.iter().any(|s| s == "date") && !cited.compatible(&own) {
                    out.push(
                        Finding::new(
                            Code::DateMismatch,
                            path,
                            Some(c.span),
                            format!(
                                "date mismatch: {what} is cited as of {cited}, but {} is dated {own}",
                                show_path(to)
                            ),
                        )
                        .expect(own.to_string(), cited.to_string())
                        .suggest(Some(format!("write \"ngày {}\"", vi_date(own)))),
                    );
                }
            }
            // A citation of a later document.
            let cited_date = if to.external {
                c.date.or(to.date)
            } else {
                to.date.or(c.date)
            };
            if let (Some(own), Some(cited)) = (citing.and_then(|n| n.date), cited_date) {
                if later(cited, own) {
                    out.push(
                        Finding::new(
                            Code::Anachronism,
                            path,
                            Some(c.span),
                            format!("anachronism: this document, dated {own}, cites {what} of {cited}, a later date"),
                        )
                        .expect(format!("a document dated on or before {own}"), cited.to_string()),
                    );
                }
            }
            if c.relation == Relation::Basis {
                out.extend(self.superseded(path, c, citing, to, &what));
            }
        }
        out
    }

    /// Corpus documents with the target's jurisdiction, number, issuer and
    /// type, passing `keep`.
    fn same_number(&self, to: &Node, keep: impl Fn(&Node) -> bool) -> Vec<&'a Node> {
        let (Some(j), Some(s)) = (&to.jurisdiction, &to.symbol) else {
            return Vec::new();
        };
        let Some(num) = s.number() else { return Vec::new() };
        let (issuer, ty) = issuer_type(s, to.doc_type.as_deref());
        self.documents_numbered(j, num)
            .filter(|n| {
                n.symbol
                    .as_ref()
                    .is_some_and(|ns| issuer_type(ns, n.doc_type.as_deref()) == (issuer.clone(), ty.clone()))
            })
            .filter(|n| keep(n))
            .collect()
    }

    /// Corpus documents of jurisdiction `j` numbered `num`, in corpus order.
    fn documents_numbered(&self, j: &str, num: u32) -> impl Iterator<Item = &'a Node> + '_ {
        let graph = self.graph;
        self.facts
            .by_number
            .get(&(j.to_string(), num))
            .into_iter()
            .flatten()
            .filter_map(move |&i| graph.document_node(i))
    }

    fn unresolved(&self, path: &Path, c: &Citation, to: &Node, what: &str) -> Finding {
        let place = match (&to.jurisdiction, to.year) {
            (Some(j), Some(y)) => format!(" ({j}, {y})"),
            (Some(j), None) => format!(" ({j}, year unknown)"),
            _ => String::new(),
        };
        let mut f = Finding::new(
            Code::Unresolved,
            path,
            Some(c.span),
            format!("unresolved citation: {what}{place} is not in the corpus"),
        );
        // Did you mean: same number, other year; same number, issuer and year, other type.
        let mut near: Vec<String> = Vec::new();
        if to.year.is_some() {
            for n in self.same_number(to, |n| n.year != to.year) {
                near.push(format!(
                    "{} of {} ({}): same number, other year",
                    label(n),
                    opt_date(n),
                    show_path(n)
                ));
            }
        }
        if let (Some(j), Some(s)) = (&to.jurisdiction, &to.symbol) {
            if let Some(num) = s.number() {
                let (issuer, ty) = issuer_type(s, to.doc_type.as_deref());
                for n in self.documents_numbered(j, num) {
                    let Some(ns) = &n.symbol else { continue };
                    let (ni, nt) = issuer_type(ns, n.doc_type.as_deref());
                    if ni == issuer && nt != ty && (to.year.is_none() || n.year == to.year) {
                        near.push(format!(
                            "{} of {} ({}): same number, other type",
                            label(n),
                            opt_date(n),
                            show_path(n)
                        ));
                    }
                }
            }
        }
        if !near.is_empty() {
            f.suggestion = Some(format!("did you mean {}?", near.join("; or ")));
        }
        f
    }

    fn ambiguous(&self, path: &Path, c: &Citation, what: &str, ids: Vec<&str>, reason: &str) -> Finding {
        let shown: Vec<String> = ids
            .iter()
            .map(|id| match self.graph.node(id) {
                Some(n) if n.path.is_some() => format!("{id} ({})", show_path(n)),
                _ => id.to_string(),
            })
            .collect();
        let mut f = Finding::new(
            Code::Ambiguous,
            path,
            Some(c.span),
            format!(
                "ambiguous reference: {what} fits {} documents: {}",
                ids.len(),
                shown.join(", ")
            ),
        );
        f.note = Some(reason.to_string());
        f.suggestion = Some("give the full số ký hiệu and date, so one document fits".to_string());
        f
    }

    fn superseded(&self, path: &Path, c: &Citation, citing: Option<&Node>, to: &Node, what: &str) -> Option<Finding> {
        let own = citing?.date?;
        let citing_id = citing.map(|n| n.id.as_str());
        let (by, edge) = self
            .graph
            .cited_by(&to.id)
            .into_iter()
            .filter(|(n, e)| {
                matches!(e.relation, Relation::Replaces | Relation::Repeals)
                    && !n.external
                    // A consolidated text (văn bản hợp nhất) replaces nothing.
                    && n.symbol.as_ref().is_none_or(|s| s.type_code() != Some("VBHN"))
                    && Some(n.id.as_str()) != citing_id
                    && n.date.is_some_and(|d| later(own, d))
            })
            .min_by_key(|(n, _)| n.date)?;
        let verb = if edge.relation == Relation::Replaces {
            "replaced"
        } else {
            "repealed"
        };
        let date = by.date.map(|d| d.to_string()).unwrap_or_default();
        let mut f = Finding::new(
            Code::Superseded,
            path,
            Some(c.span),
            format!(
                "superseded: {what} is cited as legal basis, but {} ({}, {date}) {verb} it before this document's date {own}",
                label(by),
                show_path(by)
            ),
        );
        f.suggestion = Some(format!("cite {} instead, if it is the basis meant", label(by)));
        Some(f)
    }
}

/// `Công văn 698-CV/TU` / `Kế hoạch số 189`.
fn describe(c: &Citation) -> String {
    let ty = c.doc_type.as_deref().unwrap_or("văn bản");
    match (&c.symbol, c.number, &c.name) {
        (Some(s), _, _) => format!("{ty} {s}"),
        (None, Some(n), _) => format!("{ty} số {n}"),
        (None, None, Some(name)) => name.clone(),
        _ => ty.to_string(),
    }
}

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn label(n: &Node) -> String {
    match (&n.doc_type, &n.symbol) {
        (Some(t), Some(s)) => format!("{t} {s}"),
        _ => n.label(),
    }
}

fn show_path(n: &Node) -> String {
    n.path
        .as_ref()
        .map_or_else(|| n.id.clone(), |p| p.display().to_string())
}

fn opt_date(n: &Node) -> String {
    n.date.map_or_else(|| "an unknown date".to_string(), |d| d.to_string())
}

fn issuer_type(s: &Symbol, type_name: Option<&str>) -> (String, String) {
    (resolve::slug(&s.issuers().join("-")), resolve::type_slug(s, type_name))
}

/// `28/02/2023`, `02/2023`, `2023`.
fn vi_date(d: IssueDate) -> String {
    match (d.day(), d.month()) {
        (Some(day), Some(m)) => format!("{day:02}/{m:02}/{}", d.year()),
        (None, Some(m)) => format!("{m:02}/{}", d.year()),
        _ => d.year().to_string(),
    }
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

/// Do two type names name the same kind of document? `Văn bản` fits every
/// type; the Party's `QĐ` was used for both Quyết định and Quy định, `TT` is
/// Thông tư (state) or Thông tri (Party), `Chương trình hành động` is a
/// `Chương trình`.
fn type_words_agree(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a == b || a == "van ban" || b == "van ban" {
        return true;
    }
    let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
    pair("quyet dinh", "quy dinh")
        || pair("thong tu", "thong tri")
        || a.starts_with("chuong trinh") && b.starts_with("chuong trinh")
        || a.starts_with("thong tu") && b.starts_with("thong tu")
        || a.ends_with("luat") && b.ends_with("luat")
}

/// `(expected type name, found type word)` when the type word of a citation
/// contradicts the type code of its symbol.
fn type_against_symbol(c: &Citation) -> Option<(String, String)> {
    if c.shared.iter().any(|s| s == "type") {
        return None;
    }
    let s = c.symbol.as_ref()?;
    s.type_code()?;
    let expected = s.type_name()?;
    let word = c.doc_type.as_deref()?;
    if type_words_agree(word, expected) {
        return None;
    }
    // Only a type word we know: an unknown one is not a contradiction.
    crate::graph::type_slug_of_name(word)?;
    Some((expected.to_string(), word.to_string()))
}

/// Issuer phrases (folded, at the start of the `của ...` phrase, longest
/// first) and the issuer codes they go with: a symbol issuer passing the
/// test agrees.
/// An issuer phrase, the code it goes with, and the test of a symbol's issuer code.
type IssuerRule = (&'static str, &'static str, fn(&str) -> bool);

const ISSUER_PHRASES: &[IssuerRule] = &[
    ("thu tuong", "TTg", |i| i == "TTG"),
    ("chu tich nuoc", "CTN", |i| i == "CTN"),
    ("uy ban thuong vu quoc hoi", "UBTVQH", |i| i.starts_with("UBTVQH")),
    ("quoc hoi", "QH", |i| i.starts_with("QH")),
    ("chinh phu", "CP", |i| i.ends_with("CP")),
    ("bo chinh tri", "TW", |i| i.ends_with("TW")),
    ("ban bi thu", "TW", |i| i.ends_with("TW")),
    ("ban chap hanh trung uong", "TW", |i| i.ends_with("TW")),
    ("ban thuong vu tinh uy", "TU", |i| i.ends_with("TU")),
    ("thuong truc tinh uy", "TU", |i| i.ends_with("TU")),
    ("ban chap hanh dang bo tinh", "TU", |i| i.ends_with("TU")),
    ("tinh uy", "TU", |i| i.ends_with("TU")),
    ("ban thuong vu huyen uy", "HU", |i| i.ends_with("HU")),
    ("huyen uy", "HU", |i| i.ends_with("HU")),
    ("uy ban nhan dan", "UBND", |i| i.contains("UB")),
    ("ubnd", "UBND", |i| i.contains("UB")),
    ("hoi dong nhan dan", "HĐND", |i| {
        i.contains("HĐND") || i.contains("HDND")
    }),
    ("hdnd", "HĐND", |i| i.contains("HĐND") || i.contains("HDND")),
];

/// An issuer phrase that contradicts the symbol's issuer codes.
fn issuer_finding(path: &Path, c: &Citation) -> Option<Finding> {
    let s = c.symbol.as_ref()?;
    let phrase = c.issuer.as_deref()?;
    let mut folded = fold(phrase);
    if let Some(rest) = folded.strip_prefix("chu tich ").filter(|r| !r.starts_with("nuoc")) {
        folded = rest.to_string();
    }
    let (_, code, agrees) = ISSUER_PHRASES.iter().find(|(p, _, _)| {
        folded.starts_with(p) && folded[p.len()..].chars().next().is_none_or(|ch| !ch.is_alphanumeric())
    })?;
    let issuers: Vec<String> = s
        .issuers()
        .iter()
        .map(|i| i.chars().flat_map(char::to_uppercase).collect())
        .collect();
    if issuers.is_empty() || issuers.iter().any(|i| agrees(i)) {
        return None;
    }
    let found = s.issuers().join("-");
    Some(
        Finding::new(
            Code::IssuerMismatch,
            path,
            Some(c.span),
            format!("issuer mismatch: \"{phrase}\" issues documents coded {code}, but the symbol {s} names {found}"),
        )
        .expect(format!("a symbol with the issuer code {code}"), found)
        .suggest(Some("correct the issuer phrase or the số ký hiệu".to_string())),
    )
}

// ---------------------------------------------------------------------------
// Lines and columns

/// Fill line, column, cited text and source line of each finding, reading
/// each file that has findings once, in parallel, one file at a time per
/// thread: a file's text is dropped as soon as its findings are placed, so
/// memory does not follow the size of the corpus.
fn locate(findings: &mut Vec<Finding>) {
    // Group the findings of each file together (the report is sorted by
    // path and position afterwards).
    findings.sort_by(|a, b| a.path.cmp(&b.path));
    let mut groups: Vec<&mut [Finding]> = Vec::new();
    let mut rest: &mut [Finding] = findings.as_mut_slice();
    while !rest.is_empty() {
        let n = rest.iter().take_while(|f| f.path == rest[0].path).count();
        let (head, tail) = rest.split_at_mut(n);
        groups.push(head);
        rest = tail;
    }
    let keep: Vec<Vec<bool>> = groups.into_par_iter().map(locate_file).collect();
    let mut keep = keep.into_iter().flatten();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// [`locate`] for the findings of one file; returns which to keep.
fn locate_file(group: &mut [Finding]) -> Vec<bool> {
    if !group.iter().any(|f| f.span.is_some()) {
        return vec![true; group.len()];
    }
    let Ok(bytes) = std::fs::read(&group[0].path) else {
        return vec![true; group.len()];
    };
    locate_in(&bytes, group)
}

/// [`locate`] for the findings of one file whose bytes are at hand.
fn locate_in(bytes: &[u8], group: &mut [Finding]) -> Vec<bool> {
    let mut keep = vec![true; group.len()];
    // A file that is not UTF-8 has findings only within its valid prefix
    // (the `unreadable` finding points at the first bad byte).
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    };
    let lines = LineIndex::new(text);
    for (k, f) in group.iter_mut().enumerate() {
        let Some(span) = f.span else { continue };
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end).max(start);
        (f.line, f.column) = lines.line_col(text, start);
        (f.end_line, f.end_column) = lines.line_col(text, end);
        if f.code != Code::Unreadable {
            let (ls, le) = lines.line_range(text, f.line);
            f.source = Some(text[ls..le].trim_end_matches('\r').to_string());
            f.cited = Some(text[start..end].split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if f.code == Code::Anachronism {
            // A bounded look-behind: at most 400 bytes, the last 160 for the agent phrase.
            let before = &text[floor_boundary(text, start.saturating_sub(400))..start];
            let recent = &before[floor_boundary(before, before.len().saturating_sub(160))..];
            keep[k] = !acted_on_by(recent) && !in_editorial_note(before);
        }
    }
    keep
}

/// `offset` clamped to `text` and moved back to a character boundary.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Is the citation inside an open `[...]` note? (Publishers such as TVPL
/// annotate laws with bracketed notes naming the later documents that
/// amended or guide them: not part of the official text.)
fn in_editorial_note(before: &str) -> bool {
    match (before.rfind('['), before.rfind(']')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Does the text before a citation end with an agent phrase (`được sửa đổi
/// bởi Khoản 7 Điều 1`, `hết hiệu lực bởi Điểm c Khoản 4 Điều 21`)? Then the
/// cited document acts on the citing one, and is naturally later (TVPL
/// editorial notes, consolidated texts).
fn acted_on_by(before: &str) -> bool {
    let f = fold(before);
    let Some(i) = f.rfind("boi") else { return false };
    let bounded = f[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        && f[i + 3..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    bounded
        && f[i + 3..].split(|c: char| c.is_whitespace() || c == ',').all(|t| {
            t.is_empty()
                || matches!(
                    t,
                    "diem" | "khoan" | "dieu" | "muc" | "chuong" | "phan" | "tiet" | "va" | "cac" | "tai"
                )
                || t.chars().all(|c| c.is_ascii_digit())
                || (t.len() <= 2 && t.chars().all(|c| c.is_ascii_alphanumeric()))
                || t.chars().all(|c| "ivxlc".contains(c))
        })
}

// ---------------------------------------------------------------------------
// Output

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

/// Write a report. The human format ends with the summary line; the others
/// leave it to the caller (stderr), so stdout stays machine-readable.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ReportWriter::buffered(format, out);
    for f in &report.findings {
        w.write(f)?;
    }
    w.finish(report.files, report.baselined).map(drop)
}

/// Writes a report one finding at a time, as [`render`] writes a whole
/// [`Report`] (the same bytes), for a check that streams its findings
/// ([`Checker::findings`]): give it the findings in report order, then
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
}

/// Where JSON findings wait for the summary.
enum Spill {
    Memory(Vec<u8>),
    File(io::BufWriter<std::fs::File>),
}

impl Spill {
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Spill::Memory(v) => v,
            Spill::File(f) => f,
        }
    }
}

/// An anonymous temporary file (removed as soon as it is open, on Unix; at
/// the end of the process elsewhere is not promised).
fn temporary_file() -> io::Result<std::fs::File> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    loop {
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".vanban-check-{}-{nanos:x}-{n}.json", std::process::id()));
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => {
                if cfg!(unix) {
                    let _ = std::fs::remove_file(&path);
                }
                return Ok(f);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Each line of `text` indented by `n` spaces (JSON strings hold no raw
/// line breaks, so a value printed alone and indented is the value printed
/// inside its parent).
fn write_indented(out: &mut dyn Write, text: &str, n: usize) -> io::Result<()> {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "{:n$}{line}", "")?;
    }
    Ok(())
}

/// The SARIF log with no results, cut where the results go: (before the
/// results, after them, indentation of a result). Computed once.
fn sarif_frame() -> &'static (String, String, usize) {
    static FRAME: std::sync::OnceLock<(String, String, usize)> = std::sync::OnceLock::new();
    FRAME.get_or_init(|| {
        let log = sarif_log(Vec::new());
        let text = serde_json::to_string_pretty(&log).unwrap_or_default();
        const KEY: &str = "\"results\": [";
        let at = text.find(KEY).map_or(text.len(), |i| i + KEY.len());
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let indent = text[line_start..].len() - text[line_start..].trim_start().len();
        // After the `[` comes the `]` of the empty array.
        let tail = text.get(at + 1..).unwrap_or_default().to_string();
        (text[..at].to_string(), tail, indent + 2)
    })
}

/// One finding rendered in one [`Format`], for
/// [`ReportWriter::write_rendered`]: rendering is most of the cost of
/// writing a report, and findings can be rendered in parallel
/// ([`Checker::findings_with`]) while one thread writes them in order.
#[derive(Debug, Clone)]
pub struct RenderedFinding {
    format: Format,
    bytes: Vec<u8>,
}

impl RenderedFinding {
    /// `f` rendered in `format`, as a [`ReportWriter`] writes it (but for
    /// the separator between two JSON or SARIF findings).
    pub fn new(format: Format, f: &Finding) -> io::Result<RenderedFinding> {
        let mut bytes = Vec::new();
        match format {
            Format::Human => write_human(f, &mut bytes)?,
            Format::Github => write_github(f, &mut bytes)?,
            Format::Json => {
                let text = serde_json::to_string_pretty(f).map_err(io::Error::other)?;
                write_indented(&mut bytes, &text, 4)?;
            }
            Format::Sarif => {
                let text = serde_json::to_string_pretty(&sarif_result(f)).map_err(io::Error::other)?;
                write_indented(&mut bytes, &text, sarif_frame().2)?;
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
        let mut w = ReportWriter::buffered(format, out);
        if format == Format::Json {
            if let Ok(f) = temporary_file() {
                w.spill = Some(Spill::File(io::BufWriter::new(f)));
            }
        }
        Ok(w)
    }

    /// A writer whose JSON findings wait in memory (for a whole report).
    fn buffered(format: Format, out: &'w mut dyn Write) -> ReportWriter<'w> {
        let mut w = ReportWriter {
            format,
            out,
            summary: Summary::default(),
            strict_notes: 0,
            spill: None,
        };
        if format == Format::Json {
            w.spill = Some(Spill::Memory(Vec::new()));
        }
        w
    }

    /// Write one finding (findings come in report order).
    pub fn write(&mut self, f: &Finding) -> io::Result<()> {
        let rendered = RenderedFinding::new(self.format, f)?;
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
            Format::Human | Format::Github => self.out.write_all(bytes),
            Format::Json => {
                let out = self.spill.get_or_insert_with(|| Spill::Memory(Vec::new())).writer();
                out.write_all(if first { b"\n" } else { b",\n" })?;
                out.write_all(bytes)
            }
            Format::Sarif => {
                // The log up to its results goes before the first one.
                if first {
                    self.out.write_all(sarif_frame().0.as_bytes())?;
                }
                self.out.write_all(if first { b"\n" } else { b",\n" })?;
                self.out.write_all(bytes)
            }
        }
    }

    /// Write what comes after the findings (the human format's summary
    /// line; the JSON document, summary first) and return the counts:
    /// `files` looked at, `baselined` findings left out by a baseline.
    pub fn finish(mut self, files: usize, baselined: usize) -> io::Result<Summary> {
        self.summary.files = files;
        self.summary.baselined = baselined;
        let n = self.summary.findings();
        match self.format {
            Format::Human => {
                // Said once, not under each finding.
                if self.strict_notes > 0 {
                    writeln!(self.out, "note: {} {}", self.strict_notes, STRICT_NOTE)?;
                }
                writeln!(self.out, "{}", self.summary.line())?;
            }
            Format::Github => {}
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
                    match self.spill.take() {
                        Some(Spill::Memory(v)) => self.out.write_all(&v)?,
                        Some(Spill::File(w)) => {
                            use std::io::Seek;
                            let mut file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
                            file.seek(io::SeekFrom::Start(0))?;
                            io::copy(&mut file, &mut self.out)?;
                        }
                        None => {}
                    }
                    self.out.write_all(b"\n  ]\n}")?;
                }
                writeln!(self.out)?;
            }
            Format::Sarif => {
                let (head, tail, indent) = sarif_frame();
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

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// How wide a character shows in a terminal (combining marks take no room).
fn width(c: char) -> usize {
    usize::from(!matches!(c, '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
}

/// The human format.
pub fn render_human(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Human, out)
}

/// One finding in the human format.
fn write_human(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}:{}:{}: {}[{}]: {}",
        f.path.display(),
        f.line,
        f.column,
        severity_word(f.severity),
        f.code,
        f.message
    )?;
    if let Some(src) = &f.source {
        let gutter = f.line.to_string().len();
        let chars: Vec<char> = src.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
        let c0 = (f.column - 1).min(chars.len());
        let c1 = if f.end_line == f.line {
            (f.end_column - 1).clamp(c0, chars.len())
        } else {
            chars.len()
        };
        // A window of the line around the citation: paragraphs are long.
        const BEFORE: usize = 40;
        const MAX_MARK: usize = 80;
        const AFTER: usize = 20;
        let mark_end = c1.min(c0 + MAX_MARK);
        let from = c0.saturating_sub(BEFORE);
        let to = (mark_end + AFTER).min(chars.len());
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars.len() { "…" } else { "" };
        let shown: String = chars[from..to].iter().collect();
        let pad: usize = lead.chars().count() + chars[from..c0].iter().map(|&c| width(c)).sum::<usize>();
        let marks: usize = chars[c0..mark_end].iter().map(|&c| width(c)).sum::<usize>().max(1);
        writeln!(out, "{:gutter$} |", "")?;
        writeln!(out, "{:>gutter$} | {lead}{shown}{tail}", f.line)?;
        writeln!(out, "{:gutter$} | {:pad$}{}", "", "", "^".repeat(marks))?;
    }
    if let Some(e) = &f.expected {
        writeln!(out, "  = expected: {e}")?;
    }
    if let Some(x) = &f.found {
        writeln!(out, "  = found: {x}")?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "  = help: {s}")?;
    }
    if let Some(n) = f.note.as_deref().filter(|n| *n != STRICT_NOTE) {
        writeln!(out, "  = note: {n}")?;
    }
    writeln!(out)
}

/// The JSON format: `{"version": 1, "summary": {...}, "findings": [...]}`.
pub fn render_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Json, out)
}

/// A relative path as a URI reference (`/` separators, percent-encoded), or
/// a `file://` URI for an absolute one.
fn uri_of(path: &Path) -> (String, bool) {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s).to_string();
    let mut enc = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            enc.push(b as char);
        } else {
            enc.push_str(&format!("%{b:02X}"));
        }
    }
    if path.is_absolute() {
        (format!("file://{enc}"), true)
    } else {
        (enc, false)
    }
}

/// The SARIF 2.1.0 format: one run, a rule per code, a result per finding
/// with its region (columns in Unicode code points, end column exclusive).
pub fn render_sarif(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Sarif, out)
}

/// The SARIF log of one run with these results.
fn sarif_log(results: Vec<serde_json::Value>) -> serde_json::Value {
    use serde_json::json;
    let rules: Vec<serde_json::Value> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.as_str(),
                "shortDescription": {"text": c.description()},
                "defaultConfiguration": {"level": sarif_level(c.default_severity())},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vanban",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/vanban",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The SARIF result of one finding.
fn sarif_result(f: &Finding) -> serde_json::Value {
    use serde_json::json;
    let (uri, absolute) = uri_of(&f.path);
    let mut loc = json!({"uri": uri});
    if !absolute {
        loc["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut region = json!({"startLine": f.line, "startColumn": f.column, "endColumn": f.end_column.max(f.column)});
    if f.end_line != f.line {
        region["endLine"] = json!(f.end_line);
        region["endColumn"] = json!(f.end_column);
    }
    if let Some(c) = &f.cited {
        region["snippet"] = json!({"text": c});
    }
    let mut text = f.message.clone();
    if let Some(s) = &f.suggestion {
        text.push_str(&format!(" (help: {s})"));
    }
    json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0),
        "level": sarif_level(f.severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": loc, "region": region}}],
        "partialFingerprints": {"vanban/v1": f.fingerprint},
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub Actions workflow commands, one line per finding:
/// `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=vanban CODE::MESSAGE`.
pub fn render_github(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Github, out)
}

/// One finding as a GitHub workflow command.
fn write_github(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let kind = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut msg = f.message.clone();
    if let Some(s) = &f.suggestion {
        msg.push_str(&format!("\nhelp: {s}"));
    }
    writeln!(
        out,
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        gh_property(&f.path.to_string_lossy()),
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        gh_property(&format!("vanban {}", f.code)),
        gh_data(&msg)
    )
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

// ---------------------------------------------------------------------------
// Cache

/// A fingerprint of the parser's source, fixed at compile time: a cache
/// written by another build of the parser is not read.
const PARSER_FINGERPRINT: u128 = {
    let mut h = FNV128_BASIS;
    h = fnv128(env!("CARGO_PKG_VERSION").as_bytes(), h);
    h = fnv128(include_bytes!("lib.rs"), h);
    h = fnv128(include_bytes!("normalize.rs"), h);
    h = fnv128(include_bytes!("structure.rs"), h);
    h = fnv128(include_bytes!("cite/mod.rs"), h);
    h = fnv128(include_bytes!("cite/types.rs"), h);
    h = fnv128(include_bytes!("cite/lex.rs"), h);
    h = fnv128(include_bytes!("cite/grammar.rs"), h);
    h = fnv128(include_bytes!("cite/share.rs"), h);
    h = fnv128(include_bytes!("cite/cues.rs"), h);
    h = fnv128(include_bytes!("cite/relation.rs"), h);
    h = fnv128(include_bytes!("cite/refers.rs"), h);
    h = fnv128(include_bytes!("symbol.rs"), h);
    h = fnv128(include_bytes!("date.rs"), h);
    h = fnv128(include_bytes!("model.rs"), h);
    h = fnv128(include_bytes!("text.rs"), h);
    h = fnv128(include_bytes!("error.rs"), h);
    h
};

/// A cache of parsed documents keyed by the bytes of the file: an unchanged
/// file is not parsed again. Entries live in
/// `DIR/v<version>-<parser fingerprint>/<hash of the bytes>.json`; a new
/// version of the crate (or of its parser) reads none of the old ones and
/// removes them.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// Open (create) a cache under `dir`. Old namespaces are removed.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        let name = format!(
            "v{}-{:08x}",
            env!("CARGO_PKG_VERSION"),
            (PARSER_FINGERPRINT >> 96) as u32
        );
        let ns = dir.join(&name);
        if !ns.is_dir() {
            std::fs::create_dir_all(&ns)?;
            let _ = std::fs::write(dir.join(".gitignore"), "*\n");
            if let Ok(rd) = std::fs::read_dir(dir) {
                for e in rd.flatten() {
                    let n = e.file_name().to_string_lossy().into_owned();
                    if n != name && n.starts_with('v') && e.path().is_dir() {
                        let _ = std::fs::remove_dir_all(e.path());
                    }
                }
            }
        }
        Ok(Cache { dir: ns })
    }

    fn entry(&self, bytes: &[u8]) -> PathBuf {
        let h = fnv128(bytes, FNV128_BASIS);
        self.dir.join(format!("{h:032x}-{}.json", bytes.len()))
    }

    /// The cached document of these bytes, if any.
    pub fn get(&self, bytes: &[u8]) -> Option<Document> {
        let text = std::fs::read(self.entry(bytes)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Store a document (written to a temporary file and renamed, so a
    /// reader never sees half an entry). Failures are ignored: a cache.
    pub fn put(&self, bytes: &[u8], doc: &Document) {
        let path = self.entry(bytes);
        let Ok(json) = serde_json::to_vec(doc) else { return };
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Diagnostic;

    fn cite(
        ty: &str,
        sym: &str,
        date: Option<&str>,
        issuer: Option<&str>,
        rel: Relation,
        span: (usize, usize),
    ) -> Citation {
        Citation {
            doc_type: Some(ty.to_string()),
            symbol: Some(sym.parse().unwrap()),
            number: None,
            date: date.map(|d| d.parse().unwrap()),
            issuer: issuer.map(str::to_string),
            subject: None,
            name: None,
            relation: rel,
            span: Span::new(span.0, span.1),
            symbol_span: None,
            line: 1,
            in_footnote: false,
            refers_to: None,
            shared: Vec::new(),
            ..Citation::default()
        }
    }

    fn doc(issuer: &str, sym: Option<&str>, ty: &str, date: &str, cites: Vec<Citation>) -> Document {
        Document {
            issuer: Some(issuer.to_string()),
            symbol: sym.map(|s| s.parse().unwrap()),
            doc_type: Some(ty.to_string()),
            date: Some(date.parse().unwrap()),
            citations: cites,
            ..Default::default()
        }
    }

    const BT: &str = "TỈNH ỦY BÌNH THUẬN";

    fn run(docs: Vec<(&str, Document)>, config: &CheckConfig) -> Report {
        let mut corpus = Corpus::new();
        for (p, d) in docs {
            corpus.push(p, d);
        }
        let graph = corpus.graph();
        check(&corpus, &graph, config)
    }

    fn codes(r: &Report) -> Vec<(&str, &str)> {
        r.findings
            .iter()
            .map(|f| (f.code.as_str(), f.path.to_str().unwrap()))
            .collect()
    }

    fn base() -> (&'static str, Document) {
        ("a.txt", doc(BT, Some("698-CV/TU"), "Công văn", "2023-02-28", vec![]))
    }

    #[test]
    fn ok_clean_corpus() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    Some("Ban Thường vụ Tỉnh ủy"),
                    Relation::Implements,
                    (0, 5),
                )],
            ),
        );
        let r = run(vec![base(), b], &CheckConfig::default());
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        assert!(!r.has_errors());
        assert_eq!(
            r.summary_line(),
            "vanban check: 2 files, 0 findings (0 errors, 0 warnings, 0 notes)"
        );
    }

    #[test]
    fn err_date_mismatch() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2023-02-27"),
                    None,
                    Relation::Implements,
                    (0, 5),
                )],
            ),
        );
        let r = run(vec![base(), b], &CheckConfig::default());
        assert_eq!(codes(&r), [("date-mismatch", "b.txt")]);
        let f = &r.findings[0];
        assert_eq!(
            (f.expected.as_deref(), f.found.as_deref()),
            (Some("2023-02-28"), Some("2023-02-27"))
        );
        assert_eq!(f.suggestion.as_deref(), Some("write \"ngày 28/02/2023\""));
        assert!(r.has_errors());
    }

    #[test]
    fn err_type_mismatch_symbol_and_document() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![
                    cite(
                        "Kế hoạch",
                        "698-CV/TU",
                        Some("2023-02-28"),
                        None,
                        Relation::Implements,
                        (0, 5),
                    ),
                    cite(
                        "Quy định",
                        "124-QĐ/TW",
                        Some("2018-02-02"),
                        Some("Ban Bí thư"),
                        Relation::Implements,
                        (10, 15),
                    ),
                    cite(
                        "Văn bản",
                        "698-CV/TU",
                        Some("2023-02-28"),
                        None,
                        Relation::Implements,
                        (20, 25),
                    ),
                ],
            ),
        );
        let r = run(vec![base(), b], &CheckConfig::default());
        assert_eq!(codes(&r), [("type-mismatch", "b.txt")]);
        assert_eq!(r.findings[0].expected.as_deref(), Some("Công văn"));
        assert_eq!(r.findings[0].found.as_deref(), Some("Kế hoạch"));
        // Against the cited document's own type (header says Kế hoạch).
        let a = ("a.txt", doc(BT, Some("698-CV/TU"), "Kế hoạch", "2023-02-28", vec![]));
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (0, 5),
                )],
            ),
        );
        let r = run(vec![a, b], &CheckConfig::default());
        assert_eq!(codes(&r), [("type-mismatch", "b.txt")]);
        assert_eq!(r.findings[0].expected.as_deref(), Some("Kế hoạch"));
    }

    #[test]
    fn err_issuer_mismatch() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![
                    cite(
                        "Quyết định",
                        "12/QĐ-UBND",
                        Some("2023-01-05"),
                        Some("Thủ tướng Chính phủ"),
                        Relation::Implements,
                        (0, 5),
                    ),
                    cite(
                        "Chỉ thị",
                        "16/CT-TTg",
                        Some("2016-05-16"),
                        Some("Thủ tướng Chính phủ"),
                        Relation::Implements,
                        (10, 15),
                    ),
                    cite(
                        "Nghị định",
                        "30/2020/NĐ-CP",
                        Some("2020-03-05"),
                        Some("Chính phủ"),
                        Relation::Basis,
                        (20, 25),
                    ),
                    cite(
                        "Kế hoạch",
                        "189-KH/TU",
                        Some("2020-03-30"),
                        Some("Ban Thường vụ Tỉnh uỷ"),
                        Relation::Implements,
                        (30, 35),
                    ),
                    cite(
                        "Kết luận",
                        "114-KL/TW",
                        Some("2015-07-14"),
                        Some("Ban"),
                        Relation::Implements,
                        (40, 45),
                    ),
                    cite(
                        "Hướng dẫn",
                        "08-HD/BDVTU",
                        Some("2020-01-01"),
                        Some("Ban Dân vận Tỉnh ủy"),
                        Relation::Implements,
                        (50, 55),
                    ),
                    cite(
                        "Quyết định",
                        "5/QĐ-UBND",
                        Some("2020-01-01"),
                        Some("Chủ tịch Ủy ban nhân dân tỉnh"),
                        Relation::Implements,
                        (60, 65),
                    ),
                ],
            ),
        );
        let config = CheckConfig {
            severity: [("unresolved".to_string(), Level::Off)].into(),
            ..Default::default()
        };
        let r = run(vec![base(), b], &config);
        assert_eq!(codes(&r), [("issuer-mismatch", "b.txt")]);
        assert_eq!(r.findings[0].span, Some(Span::new(0, 5)));
        assert_eq!(r.findings[0].found.as_deref(), Some("UBND"));
    }

    #[test]
    fn err_anachronism() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2022-12-15",
                vec![cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (0, 5),
                )],
            ),
        );
        let r = run(vec![base(), b], &CheckConfig::default());
        // The 2023 citation does not resolve to 2022 documents: it is the 2023 one.
        assert_eq!(codes(&r), [("anachronism", "b.txt")]);
        // Year-only own date of the same year: not comparable, not flagged.
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023",
                vec![cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (0, 5),
                )],
            ),
        );
        assert!(run(vec![base(), b], &CheckConfig::default()).findings.is_empty());
    }

    #[test]
    fn ok_unresolved_in_scope_only_with_did_you_mean() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![
                    cite(
                        "Công văn",
                        "698-CV/TU",
                        Some("2022-02-28"),
                        None,
                        Relation::Implements,
                        (0, 5),
                    ),
                    cite(
                        "Kế hoạch",
                        "698-KH/TU",
                        Some("2023-02-28"),
                        None,
                        Relation::Implements,
                        (10, 15),
                    ),
                    cite(
                        "Chỉ thị",
                        "16/CT-TTg",
                        Some("2016-05-16"),
                        Some("Thủ tướng Chính phủ"),
                        Relation::Implements,
                        (20, 25),
                    ),
                ],
            ),
        );
        let r = run(vec![base(), b], &CheckConfig::default());
        assert_eq!(codes(&r), [("unresolved", "b.txt"), ("unresolved", "b.txt")]);
        assert!(r.findings.iter().all(|f| f.severity == Severity::Warning));
        assert!(!r.has_errors());
        let s0 = r.findings[0].suggestion.as_deref().unwrap();
        assert!(
            s0.contains("Công văn 698-CV/TU of 2023-02-28 (a.txt): same number, other year"),
            "{s0}"
        );
        let s1 = r.findings[1].suggestion.as_deref().unwrap();
        assert!(s1.contains("same number, other type"), "{s1}");
        assert!(r.findings[0].note.as_deref().unwrap().contains("--strict"));
        // Strict: errors. National scope: the TTg citation too.
        let strict = CheckConfig {
            strict: true,
            scope: Scope {
                jurisdictions: Some(vec!["binh-thuan".into(), "national".into()]),
                issuers: None,
            },
            ..Default::default()
        };
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![cite(
                    "Chỉ thị",
                    "16/CT-TTg",
                    Some("2016-05-16"),
                    Some("Thủ tướng Chính phủ"),
                    Relation::Implements,
                    (20, 25),
                )],
            ),
        );
        let r = run(vec![base(), b], &strict);
        assert_eq!(codes(&r), [("unresolved", "b.txt")]);
        assert!(r.has_errors());
        // Scope by issuer only: a Tỉnh ủy citation is out of it.
        let by_issuer = CheckConfig {
            scope: Scope {
                jurisdictions: None,
                issuers: Some(vec!["TTg".into()]),
            },
            ..Default::default()
        };
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![
                    cite(
                        "Công văn",
                        "308-CV/TU",
                        Some("2021-11-26"),
                        None,
                        Relation::Implements,
                        (0, 5),
                    ),
                    cite(
                        "Chỉ thị",
                        "16/CT-TTg",
                        Some("2016-05-16"),
                        Some("Thủ tướng Chính phủ"),
                        Relation::Implements,
                        (20, 25),
                    ),
                ],
            ),
        );
        let r = run(vec![base(), b], &by_issuer);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].span, Some(Span::new(20, 25)));
    }

    #[test]
    fn ok_unknown_jurisdiction_not_flagged() {
        let mut h = doc(
            BT,
            None,
            "Công văn",
            "2021-10-01",
            vec![cite(
                "Công văn",
                "921-CV/TU",
                Some("2015-09-28"),
                None,
                Relation::Mentions,
                (0, 5),
            )],
        );
        h.issuer = None;
        let r = run(vec![base(), ("h.txt", h)], &CheckConfig::default());
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }

    #[test]
    fn err_malformed_from_diagnostics() {
        let mut b = doc(BT, Some("10-CV/TU"), "Công văn", "2023-03-10", vec![]);
        b.diagnostics.push(Diagnostic::new(
            "impossible-date",
            Severity::Warning,
            "date of a cited document: expected a day and month that exist, found \"ngày 31/02/2023\"",
            Some(Span::new(3, 9)),
        ));
        b.diagnostics
            .push(Diagnostic::new("blank-number", Severity::Info, "blank", None));
        let r = run(vec![base(), ("b.txt", b)], &CheckConfig::default());
        assert_eq!(codes(&r), [("malformed", "b.txt")]);
        assert_eq!(r.findings[0].severity, Severity::Error);
    }

    #[test]
    fn err_duplicate_and_severity_off() {
        let r = run(vec![base(), ("z.txt", base().1)], &CheckConfig::default());
        assert_eq!(codes(&r), [("duplicate", "a.txt"), ("duplicate", "z.txt")]);
        assert!(r.findings[0].message.contains("is also z.txt"));
        let off = CheckConfig {
            severity: [("duplicate".to_string(), Level::Off)].into(),
            ..Default::default()
        };
        assert!(run(vec![base(), ("z.txt", base().1)], &off).findings.is_empty());
        let bad = CheckConfig {
            severity: [("dupe".to_string(), Level::Off)].into(),
            ..Default::default()
        };
        assert!(bad.validate().unwrap_err().contains("unknown finding code"));
    }

    #[test]
    fn err_ambiguous_number_only() {
        let mut num = cite("Kế hoạch", "1-KH/TU", None, None, Relation::Implements, (0, 5));
        num.symbol = None;
        num.number = Some(189);
        let k1 = ("k1.txt", doc(BT, Some("189-KH/TU"), "Kế hoạch", "2020-03-30", vec![]));
        let k2 = ("k2.txt", doc(BT, Some("189-KH/TU"), "Kế hoạch", "2021-03-30", vec![]));
        let b = ("b.txt", doc(BT, Some("10-CV/TU"), "Công văn", "2023-03-10", vec![num]));
        let r = run(vec![k1, k2, b], &CheckConfig::default());
        assert_eq!(codes(&r), [("ambiguous", "b.txt")]);
        assert!(r.findings[0].message.contains("fits 2 documents"));
    }

    #[test]
    fn err_superseded() {
        let old = (
            "old.txt",
            doc(BT, Some("5/2019/QĐ-UBND"), "Quyết định", "2019-01-01", vec![]),
        );
        let new = (
            "new.txt",
            doc(
                BT,
                Some("7/2021/QĐ-UBND"),
                "Quyết định",
                "2021-01-01",
                vec![cite(
                    "Quyết định",
                    "5/2019/QĐ-UBND",
                    Some("2019-01-01"),
                    None,
                    Relation::Replaces,
                    (0, 5),
                )],
            ),
        );
        let user = (
            "user.txt",
            doc(
                BT,
                Some("9/2022/QĐ-UBND"),
                "Quyết định",
                "2022-06-01",
                vec![cite(
                    "Quyết định",
                    "5/2019/QĐ-UBND",
                    Some("2019-01-01"),
                    None,
                    Relation::Basis,
                    (0, 5),
                )],
            ),
        );
        let early = (
            "early.txt",
            doc(
                BT,
                Some("3/2020/QĐ-UBND"),
                "Quyết định",
                "2020-06-01",
                vec![cite(
                    "Quyết định",
                    "5/2019/QĐ-UBND",
                    Some("2019-01-01"),
                    None,
                    Relation::Basis,
                    (0, 5),
                )],
            ),
        );
        let r = run(vec![old, new, user, early], &CheckConfig::default());
        assert_eq!(codes(&r), [("superseded", "user.txt")]);
        assert!(r.findings[0].message.contains("new.txt"));
    }

    #[test]
    fn ok_baseline_counts() {
        let b = (
            "b.txt",
            doc(
                BT,
                Some("10-CV/TU"),
                "Công văn",
                "2023-03-10",
                vec![
                    cite(
                        "Công văn",
                        "308-CV/TU",
                        Some("2021-11-26"),
                        None,
                        Relation::Implements,
                        (0, 5),
                    ),
                    cite(
                        "Công văn",
                        "309-CV/TU",
                        Some("2021-11-26"),
                        None,
                        Relation::Implements,
                        (10, 15),
                    ),
                ],
            ),
        );
        let mut r = run(vec![base(), b.clone()], &CheckConfig::default());
        assert_eq!(r.findings.len(), 2);
        let mut base_r = r.clone();
        base_r.findings.truncate(1);
        let bl = Baseline::from_report(&base_r, None);
        r.apply_baseline(&bl);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.baselined, 1);
        assert!(r.summary_line().ends_with("; 1 in the baseline not shown"));
    }

    #[test]
    fn ok_fingerprint_ignores_lines() {
        let a = fingerprint(
            Code::Unresolved,
            Path::new("docs/a.txt"),
            "Công văn số 308-CV/TU",
            Some(Path::new("docs")),
        );
        let b = fingerprint(Code::Unresolved, Path::new("a.txt"), "Công văn số 308-CV/TU", None);
        assert_eq!(a, b);
        assert_ne!(
            a,
            fingerprint(Code::DateMismatch, Path::new("a.txt"), "Công văn số 308-CV/TU", None)
        );
    }

    #[test]
    fn ok_floor_boundary() {
        let text = "cdẫ ef";
        assert_eq!(floor_boundary(text, 3), 2);
        assert_eq!(floor_boundary(text, 5), 5);
        assert_eq!(floor_boundary(text, 99), text.len());
    }

    #[test]
    fn ok_acted_on_by() {
        assert!(acted_on_by("[Khoản này được sửa đổi bởi Khoản 7 Điều 1 "));
        assert!(acted_on_by("[Điểm này hết hiệu lực bởi Điểm c Khoản 4 Điều 21 "));
        assert!(acted_on_by("được hướng dẫn bởi Điều 27, 28, 29, 30 "));
        assert!(acted_on_by("bị thay thế bởi "));
        assert!(!acted_on_by("Thực hiện "));
        assert!(!acted_on_by("bởi vì đã quá hạn, thực hiện theo "));
        assert!(!acted_on_by("quy định bởi các cơ quan. Căn cứ "));
        assert!(in_editorial_note("[Điều này được hướng dẫn tại Điều 47 "));
        assert!(!in_editorial_note("[Điều này được hướng dẫn] theo "));
        assert!(!in_editorial_note("Căn cứ "));
    }

    #[test]
    fn ok_github_escaping() {
        assert_eq!(gh_property("a,b:c%d"), "a%2Cb%3Ac%25d");
        assert_eq!(gh_data("x\ny%"), "x%0Ay%25");
    }

    #[test]
    fn ok_cache_round_trip() {
        let dir = std::env::temp_dir().join(format!("vanban-cache-test-{}", std::process::id()));
        let cache = Cache::open(&dir).unwrap();
        let text = "TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\nThực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n";
        let d = crate::parse(text);
        assert!(cache.get(text.as_bytes()).is_none());
        cache.put(text.as_bytes(), &d);
        assert_eq!(cache.get(text.as_bytes()), Some(d));
        assert!(cache.get(b"other").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
