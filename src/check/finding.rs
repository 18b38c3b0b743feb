//! Findings, the report that gathers them, its summary and the fingerprint
//! that makes a finding stable across line moves.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Baseline, BaselineFilter, CheckConfig, Code, Snippet};
use crate::corpus::without_dots;
use crate::model::{Severity, Span};

/// One finding.
///
/// In JSON, `path` is text; a file name that is not UTF-8 is written with
/// U+FFFD in `path`, and its exact bytes go in `path_bytes` (an array of
/// numbers, present only then).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// The window of the source line shown under the finding.
    #[serde(skip)]
    pub source: Option<Snippet>,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let raw = crate::safety::path_bytes(&self.path);
        let mut m = s.serialize_struct("Finding", 16)?;
        m.serialize_field("code", &self.code)?;
        m.serialize_field("severity", &self.severity)?;
        m.serialize_field("path", &self.path.to_string_lossy())?;
        match raw {
            Some(b) => m.serialize_field("path_bytes", b)?,
            None => m.skip_field("path_bytes")?,
        }
        m.serialize_field("line", &self.line)?;
        m.serialize_field("column", &self.column)?;
        m.serialize_field("end_line", &self.end_line)?;
        m.serialize_field("end_column", &self.end_column)?;
        m.serialize_field("message", &self.message)?;
        m.serialize_field("cited", &self.cited)?;
        m.serialize_field("expected", &self.expected)?;
        m.serialize_field("found", &self.found)?;
        m.serialize_field("suggestion", &self.suggestion)?;
        m.serialize_field("note", &self.note)?;
        m.serialize_field("span", &self.span)?;
        m.serialize_field("fingerprint", &self.fingerprint)?;
        m.end()
    }
}

impl Finding {
    pub(super) fn new(code: Code, path: &Path, span: Option<Span>, message: String) -> Finding {
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

    pub(super) fn expect(mut self, expected: impl Into<String>, found: impl Into<String>) -> Finding {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }

    pub(super) fn suggest(mut self, s: Option<String>) -> Finding {
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

/// A path relative to the root, with `/` separators; `.` parts are left
/// out of both (`./docs/a.txt` under `docs/` is `a.txt`).
pub(super) fn relative(path: &Path, root: Option<&Path>) -> String {
    let path = without_dots(path);
    let p = root
        .map(without_dots)
        .and_then(|r| path.strip_prefix(r).ok().map(Path::to_path_buf))
        .unwrap_or(path);
    let s: Vec<String> = p
        .components()
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

pub(super) fn fingerprint(code: Code, path: &Path, cited: &str, root: Option<&Path>) -> String {
    let rel = relative(path, root);
    let mut h = fnv128(code.as_str().as_bytes(), FNV128_BASIS);
    h = fnv128(&[0], h);
    h = fnv128(rel.as_bytes(), h);
    h = fnv128(&[0], h);
    h = fnv128(cited.as_bytes(), h);
    format!("{h:032x}")
}

/// The finding at the severity the configuration gives its code; `None`
/// when the code is turned off.
pub(super) fn with_severity(mut f: Finding, config: &CheckConfig) -> Option<Finding> {
    f.severity = config.severity_of(f.code)?;
    Some(f)
}

/// Fingerprint and note, once the finding is placed (the fingerprint reads
/// the cited text).
pub(super) fn finish_finding(f: &mut Finding, config: &CheckConfig) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // However the folder is written.
        for (path, root) in [
            ("./docs/a.txt", "docs"),
            ("docs/a.txt", "./docs/"),
            ("./docs/a.txt", "./docs"),
        ] {
            let c = fingerprint(
                Code::Unresolved,
                Path::new(path),
                "Công văn số 308-CV/TU",
                Some(Path::new(root)),
            );
            assert_eq!(a, c, "{path} under {root}");
        }
        assert_ne!(
            a,
            fingerprint(Code::DateMismatch, Path::new("a.txt"), "Công văn số 308-CV/TU", None)
        );
    }
}
