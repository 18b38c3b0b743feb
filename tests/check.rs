//! `vanban check` end to end: the five seeds copied into a temporary folder,
//! broken one way at a time, and each break reported with its code, file,
//! line, column and exit code.
//!
//! Expected lines and columns are computed from the broken text itself (the
//! position of the citation as written in the document), never copied from
//! the program's output.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

#[path = "common_sarif/mod.rs"]
mod common_sarif;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
const F000: &str = "000_eb6c421c23e2ba08.txt";
const F002: &str = "002_90f577f6aacd33a3.txt";

/// A temporary folder with the seeds in `docs/`.
fn seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "txt") {
            std::fs::copy(e.path(), docs.join(e.file_name())).unwrap();
        }
    }
    dir
}

/// Replace `from` (which must occur exactly once) by `to` in a seed.
fn edit(dir: &Path, file: &str, from: &str, to: &str) -> String {
    let p = dir.join("docs").join(file);
    let text = std::fs::read_to_string(&p).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {file}");
    let text = text.replace(from, to);
    std::fs::write(&p, &text).unwrap();
    text
}

/// 1-based line and column (in characters) of `needle` in `text`.
fn pos(text: &str, needle: &str) -> (u64, u64) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..at].chars().count() + 1;
    (line as u64, col as u64)
}

fn vanban(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("vanban").unwrap();
    c.current_dir(dir).env("CI", "true").arg("check").arg("--no-cache");
    c
}

/// Run with `--format json`: (exit code, findings).
fn run_json(dir: &Path, extra: &[&str]) -> (i32, Vec<Value>) {
    let out = vanban(dir)
        .args(["--format", "json"])
        .args(extra)
        .arg("docs")
        .output()
        .unwrap();
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), v["findings"].as_array().unwrap().clone())
}

fn of_code<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["code"] == code).collect()
}

fn errors(findings: &[Value]) -> Vec<&Value> {
    findings.iter().filter(|f| f["severity"] == "error").collect()
}

fn at(f: &Value) -> (String, u64, u64) {
    let path = PathBuf::from(f["path"].as_str().unwrap());
    (
        path.file_name().unwrap().to_string_lossy().into_owned(),
        f["line"].as_u64().unwrap(),
        f["column"].as_u64().unwrap(),
    )
}

#[test]
fn seeds_pass_with_warnings_only() {
    let dir = seeds();
    let out = vanban(dir.path()).arg("docs").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    // 308-CV/TU of Bình Thuận is not among the seeds: a warning, which says so.
    let text = std::fs::read_to_string(dir.path().join("docs").join(F000)).unwrap();
    let (line, col) = pos(&text, "Công văn số 308-CV/TU");
    let head = format!("docs/{F000}:{line}:{col}: warning[unresolved]: ");
    assert!(stdout.contains(&head), "{head}\n{stdout}");
    assert!(stdout.contains("are warnings"), "{stdout}");
    assert!(stdout.contains("--strict"), "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("vanban check: 5 files, "), "{last}");
    assert!(last.contains("(0 errors, "), "{last}");
    // --strict makes them errors.
    let (code, findings) = run_json(dir.path(), &["--strict"]);
    assert_eq!(code, 1);
    let f = of_code(&findings, "unresolved")
        .into_iter()
        .find(|f| f["cited"].as_str().unwrap().contains("308-CV/TU"))
        .unwrap();
    assert_eq!(f["severity"], "error");
    assert_eq!(at(f), (F000.to_string(), line, col));
}

#[test]
fn date_mismatch_against_000() {
    let dir = seeds();
    let text = edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let f = errs[0];
    assert_eq!(f["code"], "date-mismatch");
    let (line, col) = pos(&text, "Công văn số 698-CV/TU ngày 27/02/2023");
    assert_eq!(at(f), (F002.to_string(), line, col));
    assert_eq!(f["expected"], "2023-02-28");
    assert_eq!(f["found"], "2023-02-27");
    assert!(f["message"].as_str().unwrap().contains(F000), "{f}");
}

#[test]
fn type_mismatch() {
    let dir = seeds();
    let text = edit(dir.path(), F002, "Công văn số 698-CV/TU", "Kế hoạch số 698-CV/TU");
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["code"], "type-mismatch");
    let (line, col) = pos(&text, "Kế hoạch số 698-CV/TU");
    assert_eq!(at(errs[0]), (F002.to_string(), line, col));
    assert_eq!(errs[0]["expected"], "Công văn");
    assert_eq!(errs[0]["found"], "Kế hoạch");
}

#[test]
fn malformed_date() {
    let dir = seeds();
    let text = edit(dir.path(), F002, "ngày 28/02/2023", "ngày 31/02/2023");
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["code"], "malformed");
    let (line, col) = pos(&text, "ngày 31/02/2023");
    assert_eq!(at(errs[0]), (F002.to_string(), line, col));
    assert_eq!(errs[0]["cited"], "ngày 31/02/2023");
}

#[test]
fn anachronism() {
    let dir = seeds();
    // The letter (002) dated 15/12/2022 cites 698-CV/TU of 28/02/2023.
    let text = edit(
        dir.path(),
        F002,
        "Bình Thuận, ngày tháng năm 2023",
        "Bình Thuận, ngày 15 tháng 12 năm 2022",
    );
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0]["code"], "anachronism");
    let (line, col) = pos(&text, "Công văn số 698-CV/TU ngày 28/02/2023");
    assert_eq!(at(errs[0]), (F002.to_string(), line, col));
}

#[test]
fn duplicate() {
    let dir = seeds();
    let docs = dir.path().join("docs");
    std::fs::copy(docs.join(F000), docs.join("copy_of_000.txt")).unwrap();
    let text = std::fs::read_to_string(docs.join(F000)).unwrap();
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errs = errors(&findings);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    // The số ký hiệu line of each copy.
    let (line, col) = pos(&text, "698-CV/TU");
    let mut got: Vec<_> = errs.iter().map(|f| (f["code"].as_str().unwrap(), at(f))).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("duplicate", (F000.to_string(), line, col)),
            ("duplicate", ("copy_of_000.txt".to_string(), line, col))
        ]
    );
}

#[test]
fn unreadable_files_reported_others_checked() {
    let dir = seeds();
    let letters = dir.path().join("docs").join("letters");
    std::fs::create_dir(&letters).unwrap();
    std::fs::copy(dir.path().join("docs").join(F002), letters.join("copy.txt")).unwrap();
    // A NUL byte at line 2, column 3.
    std::fs::write(letters.join("scan.txt"), b"PDF\nab\x00\x01\x02").unwrap();
    // Latin-1 `à` (0xE0) after `ngày ` on line 2: column 6.
    std::fs::write(letters.join("latin1.txt"), b"S\xe1\xbb\x91 1\nng\xc3\xa0y \xe0 b\n").unwrap();
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let mut got: Vec<_> = of_code(&findings, "unreadable").into_iter().map(at).collect();
    got.sort();
    assert_eq!(got, [("latin1.txt".to_string(), 2, 6), ("scan.txt".to_string(), 2, 3)]);
    // Every other file is still checked: 000 and the copy of 002 have findings.
    assert!(findings.iter().any(|f| at(f).0 == F000));
    assert!(findings.iter().any(|f| at(f).0 == "copy.txt"));
    // The copy of 002 and 002 itself are one document (blank number, no
    // identity): no duplicate, and no other error.
    assert_eq!(errors(&findings).len(), 2, "{:#?}", errors(&findings));
}

#[test]
fn sarif_validates_against_the_schema() {
    let dir = seeds();
    edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    std::fs::write(dir.path().join("docs").join("bad name.txt"), b"x\xffy").unwrap();
    let out = vanban(dir.path()).args(["--format", "sarif", "docs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    common_sarif::assert_valid_sarif(&sarif);
    // And it says what code scanning needs: rules, levels, regions.
    let run = &sarif["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"date-mismatch") && rules.contains(&"unreadable") && rules.len() == 10);
    let text = std::fs::read_to_string(dir.path().join("docs").join(F002)).unwrap();
    let (line, col) = pos(&text, "Công văn số 698-CV/TU ngày 27/02/2023");
    let r = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "date-mismatch")
        .unwrap();
    assert_eq!(r["level"], "error");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], format!("docs/{F002}"));
    assert_eq!(loc["region"]["startLine"], line);
    assert_eq!(loc["region"]["startColumn"], col);
    let bad = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "unreadable")
        .unwrap();
    assert_eq!(
        bad["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "docs/bad%20name.txt"
    );
    assert_eq!(bad["locations"][0]["physicalLocation"]["region"]["startColumn"], 2);
}

#[test]
fn github_format_snapshot() {
    let dir = seeds();
    edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    let out = vanban(dir.path())
        .args(["--format", "github", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("github", stdout);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("vanban check: 5 files, "), "{stderr}");
}

#[test]
fn baseline_fails_only_on_new_findings() {
    let dir = seeds();
    edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    let base = dir.path().join("baseline.json");
    vanban(dir.path())
        .args(["--write-baseline", "baseline.json", "docs"])
        .assert()
        .code(0);
    let (code, findings) = run_json(dir.path(), &["--baseline", base.to_str().unwrap()]);
    assert_eq!((code, findings.len()), (0, 0), "{findings:#?}");
    // Lines moved: still known (fingerprints ignore line numbers).
    let text = edit(dir.path(), F002, "Kính gửi:", "Kính gửi:\n");
    let (code, _) = run_json(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 0);
    // A new break fails, alone.
    let text2 = text.replace("Kế hoạch số 25/KH-SNN", "Công văn số 25/KH-SNN");
    assert_ne!(text, text2);
    std::fs::write(dir.path().join("docs").join(F002), &text2).unwrap();
    let out = vanban(dir.path())
        .args(["--baseline", "baseline.json", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error[type-mismatch]"), "{stdout}");
    assert!(!stdout.contains("date-mismatch"), "{stdout}");
    assert!(stdout.contains("in the baseline not shown"), "{stdout}");
}

#[test]
fn config_severity_scope_ignore() {
    let dir = seeds();
    edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    let toml = dir.path().join("docs").join("vanban.toml");
    std::fs::write(&toml, "[severity]\ndate-mismatch = \"warning\"\n").unwrap();
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(of_code(&findings, "date-mismatch")[0]["severity"], "warning");
    // Scope: only Kiên Giang's documents are expected here.
    std::fs::write(&toml, "[scope]\njurisdictions = [\"kien-giang\"]\n").unwrap();
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(of_code(&findings, "unresolved").is_empty(), "{findings:#?}");
    // Ignore the broken letter: nothing fails.
    std::fs::write(&toml, format!("ignore = [\"{F002}\"]\n")).unwrap();
    let (code, findings) = run_json(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(findings.iter().all(|f| at(f).0 != F002));
    // strict in the file.
    std::fs::write(&toml, format!("strict = true\nignore = [\"{F002}\"]\n")).unwrap();
    assert_eq!(run_json(dir.path(), &[]).0, 1);
    // A bad configuration is exit code 2, named.
    std::fs::write(&toml, "[severity]\ndate-mismach = \"warning\"\n").unwrap();
    let out = vanban(dir.path()).arg("docs").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("vanban.toml") && stderr.contains("date-mismach"),
        "{stderr}"
    );
    std::fs::write(&toml, "strict = maybe\n").unwrap();
    assert_eq!(vanban(dir.path()).arg("docs").output().unwrap().status.code(), Some(2));
    // --config elsewhere.
    std::fs::remove_file(&toml).unwrap();
    std::fs::write(dir.path().join("other.toml"), "[severity]\ndate-mismatch = \"off\"\n").unwrap();
    let (code, findings) = run_json(dir.path(), &["--config", "other.toml"]);
    assert_eq!(code, 0);
    assert!(of_code(&findings, "date-mismatch").is_empty());
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = seeds();
    vanban(dir.path()).arg("no-such-folder").assert().code(2);
    vanban(dir.path()).args(["--format", "xml", "docs"]).assert().code(2);
    vanban(dir.path())
        .args(["--baseline", "missing.json", "docs"])
        .assert()
        .code(2);
}

#[test]
fn cache_reuses_parsed_documents() {
    let dir = seeds();
    let run = |args: &[&str]| {
        let mut c = Command::cargo_bin("vanban").unwrap();
        let out = c
            .current_dir(dir.path())
            .env("CI", "true")
            // The cache's key from here, not a key file made for the user.
            .env("VANBAN_CACHE_KEY", "tests")
            .arg("check")
            .args(args)
            .args(["--format", "json", "docs"])
            .output()
            .unwrap();
        (out.status.code(), out.stdout)
    };
    let first = run(&["--cache-dir", "cache"]);
    let entries = |d: &Path| -> usize {
        std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| std::fs::read_dir(e.path()).unwrap().count())
            .sum()
    };
    assert_eq!(entries(&dir.path().join("cache")), 5);
    let second = run(&["--cache-dir", "cache"]);
    assert_eq!(first, second);
    // An edited file is parsed again; the old entry stays for the old bytes.
    edit(dir.path(), F002, "ngày 28/02/2023", "ngày 27/02/2023");
    let third = run(&["--cache-dir", "cache"]);
    assert_eq!(third.0, Some(1));
    assert_eq!(entries(&dir.path().join("cache")), 6);
    // The default cache lives at the corpus root and is not read as a document.
    run(&[]);
    assert!(dir.path().join("docs").join(".vanban-cache").is_dir());
    assert_eq!(run(&[]).0, Some(1));
}
