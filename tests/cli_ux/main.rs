//! The command line as a new user meets it (issue 20, items 1 to 5): no
//! false errors, where the configuration is found and what its paths mean,
//! exit codes and messages, output formats and options, the minimum Rust
//! version.
//!
//! Each test builds its own folder from copies of the fixtures; expected
//! values come from the fixtures' text and from the contract in the README,
//! not from a previous run (item 1 writes synthetic documents of its own).
//! One file per item: `no_false_errors.rs` (1), `config.rs` (2), `exits.rs`
//! (3), `output.rs` and `graph.rs` (4), `msrv.rs` (5).

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
const F000: &str = "000_eb6c421c23e2ba08.txt";
const F001: &str = "001_33f4e7d74c126a29.txt";
const F002: &str = "002_90f577f6aacd33a3.txt";
/// Every extension the read stage reads, as the messages list them.
const EXTENSIONS: &str = ".txt, .md, .text, .markdown, .pdf, .docx, .doc, .rtf, .html, .htm or .xhtml";

/// A temporary repository: the fixtures in `docs/`, and a `.git` folder
/// (its root, for the configuration's search) unless `repo` is false.
fn repo(repo: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for e in std::fs::read_dir(FIXTURES).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), docs.join(e.file_name())).unwrap();
    }
    if repo {
        std::fs::create_dir(dir.path().join(".git")).unwrap();
    }
    dir
}

/// Give F002 a date-mismatch error: it cites 698-CV/TU (F000, dated
/// 28/02/2023) as of 27/02/2023.
fn break_date(dir: &Path) {
    let p = dir.join("docs").join(F002);
    let text = std::fs::read_to_string(&p).unwrap();
    let from = "698-CV/TU ngày 28/02/2023";
    assert_eq!(text.matches(from).count(), 1);
    std::fs::write(&p, text.replace(from, "698-CV/TU ngày 27/02/2023")).unwrap();
}

/// `vanban` run in `dir`, without CI's environment leaking into it.
fn vanban(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("vanban").unwrap();
    c.current_dir(dir).env("CI", "true").env_remove("NO_COLOR");
    for k in [
        "GITHUB_SERVER_URL",
        "GITHUB_REPOSITORY",
        "GITHUB_SHA",
        "GITHUB_REF_NAME",
        "GITHUB_HEAD_REF",
    ] {
        c.env_remove(k);
    }
    c
}

/// `vanban check --no-cache --format json ARGS` in `dir`: (exit code, the
/// report, stderr).
fn check_json(dir: &Path, args: &[&str]) -> (i32, Value, String) {
    let out = vanban(dir)
        .args(["check", "--no-cache", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (out.status.code().unwrap(), v, stderr)
}

fn findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().unwrap()
}

fn severities(report: &Value, severity: &str) -> usize {
    findings(report).iter().filter(|f| f["severity"] == severity).count()
}

/// Many findings, one of them an error: a folder of copies of the fixtures
/// under other names (duplicates are errors), enough to fill a pipe.
fn many_findings() -> tempfile::TempDir {
    let dir = repo(true);
    for i in 0..40 {
        for f in [F000, F002] {
            std::fs::copy(
                dir.path().join("docs").join(f),
                dir.path().join("docs").join(format!("copy{i}_{f}")),
            )
            .unwrap();
        }
    }
    dir
}

#[path = "../common_sarif/mod.rs"]
mod common_sarif;
mod config;
mod exits;
mod graph;
mod msrv;
mod no_false_errors;
mod output;
