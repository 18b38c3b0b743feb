//! The configuration of a check (`vanban.toml`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Code;
use crate::model::Severity;

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
