//! The SARIF 2.1.0 format.

use std::io::{self, Write};
use std::path::Path;

use super::Repository;
use super::{render, Format};
use crate::check::{Code, Finding, Report};
use crate::model::Severity;

/// The SARIF log with no results, cut where the results go: (before the
/// results, after them, indentation of a result).
pub(super) fn sarif_frame(repository: Option<&Repository>) -> (String, String, usize) {
    let log = sarif_log(Vec::new(), repository);
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    const KEY: &str = "\"results\": [";
    let at = text.find(KEY).map_or(text.len(), |i| i + KEY.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = text[line_start..].len() - text[line_start..].trim_start().len();
    // After the `[` comes the `]` of the empty array.
    let tail = text.get(at + 1..).unwrap_or_default().to_string();
    (text[..at].to_string(), tail, indent + 2)
}

/// The indentation of a result (the same with or without a repository),
/// computed once.
pub(super) fn sarif_indent() -> usize {
    static INDENT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *INDENT.get_or_init(|| sarif_frame(None).2)
}

/// A relative path as a URI reference (`/` separators, each name
/// percent-encoded byte for byte: a name that is not UTF-8 keeps its bytes,
/// and a backslash in a Unix name stays a character of it), or a `file://`
/// URI for an absolute one.
fn uri_of(path: &Path) -> (String, bool) {
    use std::path::Component;
    let mut parts: Vec<String> = Vec::new();
    let enc = |bytes: &[u8]| {
        let mut s = String::with_capacity(bytes.len());
        for &b in bytes {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                s.push(b as char);
            } else {
                s.push_str(&format!("%{b:02X}"));
            }
        }
        s
    };
    for c in path.components() {
        match c {
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().replace('\\', "/")),
            Component::RootDir => parts.push(String::new()),
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".to_string()),
            Component::Normal(name) => {
                #[cfg(unix)]
                let bytes = std::os::unix::ffi::OsStrExt::as_bytes(name).to_vec();
                #[cfg(not(unix))]
                let bytes = name.to_string_lossy().into_owned().into_bytes();
                parts.push(enc(&bytes));
            }
        }
    }
    let joined = parts.join("/");
    if path.is_absolute() {
        (format!("file://{joined}"), true)
    } else {
        (joined, false)
    }
}

/// The SARIF 2.1.0 format: one run, a rule per code, a result per finding
/// with its region (columns in Unicode code points, end column exclusive).
pub fn render_sarif(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Sarif, out)
}

/// The SARIF log of one run with these results: the tool with its version
/// (and its repository, when the build says it), the rules, the repository
/// checked when known.
fn sarif_log(results: Vec<serde_json::Value>, repository: Option<&Repository>) -> serde_json::Value {
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
    let mut driver = json!({
        "name": "vanban",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
    });
    // The tool's home: the package's `repository` (else `homepage`) in
    // Cargo.toml, when it has one.
    let home = [option_env!("CARGO_PKG_REPOSITORY"), option_env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .flatten()
        .find(|u| !u.is_empty());
    if let Some(home) = home {
        driver["informationUri"] = json!(home);
    }
    driver["rules"] = json!(rules);
    let mut run = json!({
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
    });
    if let Some(r) = repository {
        let mut vcs = json!({"repositoryUri": r.uri, "mappedTo": {"uriBaseId": "%SRCROOT%"}});
        if let Some(rev) = &r.revision {
            vcs["revisionId"] = json!(rev);
        }
        if let Some(b) = &r.branch {
            vcs["branch"] = json!(b);
        }
        run["versionControlProvenance"] = json!([vcs]);
    }
    run["results"] = json!(results);
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    })
}

/// The SARIF result of one finding.
pub(super) fn sarif_result(f: &Finding) -> serde_json::Value {
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
