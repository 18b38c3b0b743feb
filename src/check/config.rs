//! The configuration of a check (`vanban.toml`): where it is found, what
//! its relative paths are relative to, and where an error in it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Code;
use crate::corpus::absolute;
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

/// The configuration of a check: a `vanban.toml` ([`find_config`] says
/// which). Its relative paths (`ignore`, `baseline`, `cache_dir`) are
/// relative to the folder of the file ([`CheckConfig::base`]).
///
/// ```toml
/// strict = false                 # unresolved citations are errors
/// ignore = ["drafts/", "*.md"]   # gitignore-style patterns, relative to this file
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
    /// Level per code name (a name that is not a code is refused when the
    /// file is read, at its place).
    #[serde(deserialize_with = "severity_table")]
    pub severity: BTreeMap<String, Level>,
    /// What the corpus is expected to hold.
    pub scope: Scope,
    /// Files not read (gitignore syntax, relative to [`CheckConfig::base`]).
    pub ignore: Vec<String>,
    /// A baseline file (relative to [`CheckConfig::base`]): findings in it
    /// are not reported.
    pub baseline: Option<PathBuf>,
    /// Where to cache parsed documents (relative to [`CheckConfig::base`];
    /// default `.vanban-cache` at the corpus root).
    pub cache_dir: Option<PathBuf>,
    /// The corpus root: paths in fingerprints are relative to it. Not read
    /// from the file.
    #[serde(skip)]
    pub root: Option<PathBuf>,
    /// The folder the relative paths above are relative to: the folder of
    /// the configuration file; `None` (a configuration made in code, or
    /// none at all): the corpus root. Not read from the file.
    #[serde(skip)]
    pub base: Option<PathBuf>,
}

/// `[severity]`: each key a code name, checked as it is read (so that an
/// error names the key's line and column).
fn severity_table<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Level>, D::Error> {
    struct CodeName(String);
    impl<'de> Deserialize<'de> for CodeName {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let name = String::deserialize(d)?;
            name.parse::<Code>()
                .map_err(|e| serde::de::Error::custom(format!("[severity] {e}")))?;
            Ok(CodeName(name))
        }
    }
    impl PartialEq for CodeName {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }
    impl Eq for CodeName {}
    impl PartialOrd for CodeName {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for CodeName {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.0.cmp(&other.0)
        }
    }
    let table = BTreeMap::<CodeName, Level>::deserialize(d)?;
    Ok(table.into_iter().map(|(k, v)| (k.0, v)).collect())
}

impl CheckConfig {
    /// Check the code names under `severity` (a configuration read with
    /// serde is checked as it is read; this is for one made in code).
    pub fn validate(&self) -> Result<(), String> {
        for k in self.severity.keys() {
            k.parse::<Code>().map_err(|e| format!("[severity] {e}"))?;
        }
        Ok(())
    }

    /// The configuration as read from the file `path`: its relative paths
    /// are relative to that file's folder ([`CheckConfig::base`]).
    pub fn read_from(mut self, path: &Path) -> CheckConfig {
        self.base = Some(match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        });
        self
    }

    /// `path` as the configuration means it: relative to
    /// [`CheckConfig::base`], else to the corpus root, else as it is.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        match self.base.as_ref().or(self.root.as_ref()) {
            Some(dir) => dir.join(path),
            None => path.to_path_buf(),
        }
    }

    /// The folder `ignore` patterns are relative to (see
    /// [`CheckConfig::resolve`]).
    pub fn ignore_root(&self) -> &Path {
        self.base.as_deref().or(self.root.as_deref()).unwrap_or(Path::new("."))
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

/// The name of a check's configuration file.
pub const CONFIG_FILE: &str = "vanban.toml";

/// The configuration a check of the corpus at `root` reads when none is
/// named, as cargo, ruff and git find theirs: the first `vanban.toml` met in
/// `root`, then in each folder above it up to its repository's root (the
/// first folder holding `.git`), then in the current folder and each folder
/// above it up to its repository's root. Outside a repository only `root`
/// and the current folder are looked in (a stray file in a home folder is
/// never picked up).
///
/// The path is as a user would type it from the current folder
/// (`vanban.toml`, `docs/vanban.toml`, `../vanban.toml`), or absolute.
pub fn find_config(root: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let mut seen: Vec<PathBuf> = Vec::new();
    for start in [absolute(root, &cwd), cwd.clone()] {
        for dir in up_to_repository(&start) {
            if seen.contains(&dir) {
                continue;
            }
            let file = dir.join(CONFIG_FILE);
            if file.is_file() {
                return Some(shown_from(&file, &cwd));
            }
            seen.push(dir);
        }
    }
    None
}

/// `start` and the folders above it up to the first that holds `.git`; only
/// `start` when none does.
fn up_to_repository(start: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for dir in start.ancestors() {
        dirs.push(dir.to_path_buf());
        if dir.join(".git").exists() {
            return dirs;
        }
    }
    dirs.truncate(1);
    dirs
}

/// An absolute `path` as shown from `cwd`: relative below it, `../` above
/// it, else absolute.
fn shown_from(path: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(cwd) {
        return rest.to_path_buf();
    }
    let mut up = PathBuf::new();
    for dir in cwd.ancestors().skip(1) {
        up.push("..");
        if let Ok(rest) = path.strip_prefix(dir) {
            return up.join(rest);
        }
    }
    path.to_path_buf()
}

/// An error in a configuration file, placed: `PATH:LINE:COLUMN: bad
/// configuration: MESSAGE` (line and column, 1-based, of byte `at` of
/// `text`; the column counts characters), or `PATH: bad configuration:
/// MESSAGE` when the place is not known.
pub fn config_error(path: &Path, text: &str, at: Option<usize>, message: &str) -> String {
    let shown = crate::safety::display_path(path);
    match at {
        Some(at) => {
            let at = at.min(text.len());
            let before = text.get(..at).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[line_start..].chars().count() + 1;
            format!("{shown}:{line}:{column}: bad configuration: {message}")
        }
        None => format!("{shown}: bad configuration: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_shown_from_cwd() {
        let cwd = Path::new("/r/docs/sub");
        assert_eq!(
            shown_from(Path::new("/r/docs/sub/vanban.toml"), cwd),
            Path::new("vanban.toml")
        );
        assert_eq!(
            shown_from(Path::new("/r/vanban.toml"), cwd),
            Path::new("../../vanban.toml")
        );
        assert_eq!(
            shown_from(Path::new("/r/other/vanban.toml"), cwd),
            Path::new("../../other/vanban.toml")
        );
    }

    #[test]
    fn ok_config_error_places() {
        let text = "strict = true\n[sevérity]\nx = 1\n";
        let at = text.find("x =").unwrap();
        assert_eq!(
            config_error(Path::new("v.toml"), text, Some(at), "unknown"),
            "v.toml:3:1: bad configuration: unknown"
        );
        let at = text.find(']').unwrap();
        assert_eq!(
            config_error(Path::new("v.toml"), text, Some(at), "m"),
            "v.toml:2:10: bad configuration: m"
        );
        assert_eq!(
            config_error(Path::new("v.toml"), text, None, "m"),
            "v.toml: bad configuration: m"
        );
    }
}
