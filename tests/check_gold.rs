//! The gate of issue 20: `vanban check` raises no error a reader would call
//! false. Its error-level findings on the shared corpus (`docs/`,
//! `gazette/`) and on the fixtures are exactly the ones confirmed by reading
//! the documents, listed in `tests/gold/check_findings.jsonl` (see
//! `tests/gold/README.md`). A new error, or a confirmed one gone, fails
//! the test, which names it.
//!
//! The shared corpus is beside the repository (`../shared/corpus`); without
//! it, only the fixtures are checked (and the test says so).

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The folders checked, as given on the command line from the repository
/// root (the findings' paths start with them), and whether each is in the
/// repository (else in the shared corpus beside it).
const FOLDERS: [(&str, bool); 3] = [
    ("../shared/corpus/docs", false),
    ("../shared/corpus/gazette", false),
    ("fixtures", true),
];

/// A finding's key: path, line, code.
type Key = (String, u64, String);

/// The error-level findings of `vanban check` on `folder`, by key (a key
/// met twice counts twice). With a cache in `cache` (a new folder): pass 2
/// of the check then reads it instead of parsing each file again.
fn errors(folder: &str, cache: &Path) -> BTreeMap<Key, usize> {
    let out = Command::cargo_bin("vanban")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json", "--no-progress", "--cache-dir"])
        .arg(cache)
        .arg(folder)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{folder}: not a JSON report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut found = BTreeMap::new();
    for f in report["findings"].as_array().expect("findings") {
        if f["severity"] == "error" {
            let key = (
                f["path"].as_str().expect("path").to_string(),
                f["line"].as_u64().expect("line"),
                f["code"].as_str().expect("code").to_string(),
            );
            *found.entry(key).or_insert(0) += 1;
        }
    }
    found
}

/// The confirmed findings of the gold file whose path is under one of
/// `folders`, by key; each row must say why it is right.
fn gold(folders: &[&str]) -> BTreeMap<Key, usize> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/check_findings.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows = BTreeMap::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
        let field = |k: &str| {
            row[k]
                .as_str()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| panic!("{path}:{}: no {k:?}", n + 1))
                .to_string()
        };
        let (p, code, _why) = (field("path"), field("code"), field("why"));
        let line_no = row["line"]
            .as_u64()
            .unwrap_or_else(|| panic!("{path}:{}: no line", n + 1));
        if folders.iter().any(|f| p.starts_with(&format!("{f}/"))) {
            *rows.entry((p, line_no, code)).or_insert(0) += 1;
        }
    }
    rows
}

#[test]
fn error_findings_are_the_confirmed_ones() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folders: Vec<&str> = FOLDERS
        .iter()
        .filter(|(f, in_repo)| {
            let present = root.join(f).is_dir();
            if !present && !in_repo {
                eprintln!("SKIPPED: {f} not found (the shared corpus is absent); checking the rest");
            }
            present
        })
        .map(|(f, _)| *f)
        .collect();
    let caches = tempfile::tempdir().unwrap();
    let mut found = BTreeMap::new();
    for (k, folder) in folders.iter().enumerate() {
        found.extend(errors(folder, &caches.path().join(k.to_string())));
    }
    let want = gold(&folders);
    let differ = |a: &BTreeMap<Key, usize>, b: &BTreeMap<Key, usize>| -> Vec<String> {
        a.iter()
            .filter(|(k, n)| b.get(*k).copied().unwrap_or(0) < **n)
            .map(|((p, l, c), n)| format!("{p}:{l}: {c} (x{n})"))
            .collect()
    };
    let new = differ(&found, &want);
    let gone = differ(&want, &found);
    assert!(
        new.is_empty() && gone.is_empty(),
        "error-level findings differ from tests/gold/check_findings.jsonl:\n\
         not confirmed (read the text: fix the check, or confirm them in the gold):\n  {}\n\
         confirmed but no longer found:\n  {}",
        new.join("\n  "),
        gone.join("\n  ")
    );
}
