//! `vanban parse` on inputs that are not (good) text: each gets one clear
//! message naming the file, the exit code says whether something went wrong,
//! and in a folder the other files are still read.
//!
//! Exit codes: 0 when every input was read (an empty file is a warning
//! diagnostic, not an error), 2 when any input could not be read.
//!
//! We run as root, so `chmod 000` does not stop a read: "unreadable" is
//! tested with a path that does not exist and with a dangling symbolic link.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const LETTER: &str = "TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n\
                      Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n";

fn vanban() -> Command {
    Command::cargo_bin("vanban").expect("the vanban binary")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

/// The JSON records printed on stdout, one per line.
fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn codes(record: &serde_json::Value) -> Vec<String> {
    record["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Count `needle` in `s`.
fn count(s: &str, needle: &str) -> usize {
    s.matches(needle).count()
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let dir = TempDir::new().unwrap();
    // "Số 12 " is 8 bytes ("ố" is 3), then a lone 0xFF at byte 8.
    let mut bytes = "Số 12 ".as_bytes().to_vec();
    assert_eq!(bytes.len(), 8);
    bytes.extend_from_slice(b"\xff rest\n");
    let f = write(dir.path(), "bad.txt", &bytes);
    let out = vanban().arg("parse").arg(&f).assert().code(2).get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{}: invalid utf-8 at byte 8: expected text, found byte 0xff (use --lossy to read on)",
            f.display()
        )),
        "{err}"
    );
    assert_eq!(count(&err, "error:"), 1, "one message: {err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn lossy_reads_on_with_a_diagnostic() {
    let dir = TempDir::new().unwrap();
    let mut bytes = "Số 12 ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff rest\n");
    let f = write(dir.path(), "bad.txt", &bytes);
    let out = vanban()
        .args(["parse", "--lossy", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["path"], f.display().to_string());
    assert_eq!(codes(&recs[0])[0], "invalid-utf8");
    let msg = recs[0]["diagnostics"][0]["message"].as_str().unwrap();
    assert!(msg.starts_with("invalid utf-8 at byte 8:"), "{msg}");
    // The text format shows it too.
    vanban()
        .args(["parse", "--lossy"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "warning[invalid-utf8] invalid utf-8 at byte 8",
        ));
}

#[test]
fn nul_byte_is_binary() {
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "nul.txt", b"abc\0def\n");
    vanban()
        .arg("parse")
        .arg(&f)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: binary data at byte 3: expected text, found a NUL byte\n",
            f.display()
        ));
}

#[test]
fn binary_file_is_refused() {
    let dir = TempDir::new().unwrap();
    // The start of a PNG: 0x89 is not UTF-8, and the first NUL is at byte 8.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00";
    let f = write(dir.path(), "scan.txt", png);
    vanban().arg("parse").arg(&f).assert().code(2).stderr(format!(
        "error: {}: binary data at byte 8: expected text, found a NUL byte\n",
        f.display()
    ));
    // --lossy does not turn binary data into text.
    vanban()
        .args(["parse", "--lossy"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary data at byte 8"));
}

#[test]
fn empty_file_is_an_empty_document_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "empty.txt", b"");
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(codes(&recs[0]), ["empty-document"]);
    assert_eq!(
        recs[0]["diagnostics"][0]["message"],
        "empty document: expected text, found an empty file"
    );
    assert_eq!(recs[0]["diagnostics"][0]["severity"], "warning");
    assert_eq!(recs[0]["citations"].as_array().unwrap().len(), 0);
}

#[test]
fn whitespace_only_file_is_an_empty_document_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "blank.txt", " \n\t\r\n\u{a0}\n".as_bytes());
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    assert_eq!(codes(&recs[0]), ["empty-document"]);
    assert_eq!(
        recs[0]["diagnostics"][0]["message"],
        "empty document: expected text, found only whitespace (8 bytes)"
    );
    assert_eq!(recs[0]["diagnostics"][0]["span"], serde_json::json!([0, 8]));
    vanban()
        .arg("parse")
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[empty-document]"));
}

#[test]
fn directory_named_like_a_file() {
    let dir = TempDir::new().unwrap();
    // An empty folder named like a document: nothing to read, said once.
    let empty = dir.path().join("x.txt");
    fs::create_dir(&empty).unwrap();
    vanban()
        .arg("parse")
        .arg(&empty)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {}: no documents in this folder: expected files ending in .txt, .md, .text, .markdown, .pdf, \
             .docx, .doc, .rtf, .html, .htm or .xhtml\n",
            empty.display()
        ));
    // Given alongside a real file, the file is still read.
    let good = write(dir.path(), "good.txt", LETTER.as_bytes());
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&empty)
        .arg(&good)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(records(&out.stdout).len(), 1);
    assert_eq!(records(&out.stdout)[0]["path"], good.display().to_string());
    // A folder named `y.txt` inside a corpus is walked, not read as a file.
    write(&dir.path().join("corpus/y.txt"), "inner.txt", LETTER.as_bytes());
    write(dir.path(), "corpus/a.txt", LETTER.as_bytes());
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(dir.path().join("corpus"))
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .clone();
    let paths: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("corpus/a.txt") && paths[1].ends_with("corpus/y.txt/inner.txt"));
}

#[test]
fn missing_file() {
    let dir = TempDir::new().unwrap();
    let f = dir.path().join("missing.txt");
    vanban()
        .arg("parse")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "error: {}: cannot read: No such file or directory",
            f.display()
        )));
}

#[cfg(unix)]
#[test]
fn dangling_symlink_in_a_folder() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", LETTER.as_bytes());
    write(&corpus, "c.txt", LETTER.as_bytes());
    let link = corpus.join("b.txt");
    std::os::unix::fs::symlink(corpus.join("gone.txt"), &link).unwrap();
    // Given directly.
    vanban().arg("parse").arg(&link).assert().code(2).stderr(format!(
        "error: {}: cannot read: broken symbolic link: its target {} does not exist\n",
        link.display(),
        corpus.join("gone.txt").display()
    ));
    // Inside a corpus: reported once, the other files read.
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&corpus)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(count(&err, "error:"), 1, "{err}");
    assert!(
        err.contains(&format!("{}: cannot read: broken symbolic link", link.display())),
        "{err}"
    );
    assert_eq!(records(&out.stdout).len(), 2);
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_corpus_is_reported_and_the_rest_read() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", LETTER.as_bytes());
    write(&corpus, "sub/b.txt", LETTER.as_bytes());
    // sub/up -> .. : walking it leads back to corpus/.
    let up = corpus.join("sub/up");
    std::os::unix::fs::symlink("..", &up).unwrap();
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&corpus)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(count(&err, "error:"), 1, "{err}");
    assert!(
        err.contains(&format!(
            "{}: cannot read: symbolic link loop: it leads back to the folder {}",
            up.display(),
            corpus.display()
        )),
        "{err}"
    );
    let recs = records(&out.stdout);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("corpus/a.txt") && paths[1].ends_with("corpus/sub/b.txt"));
}

#[cfg(unix)]
#[test]
fn self_symlink_in_a_corpus() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "a.txt", LETTER.as_bytes());
    // self.txt -> self.txt: the system's "too many levels of symbolic links".
    let me = corpus.join("self.txt");
    std::os::unix::fs::symlink("self.txt", &me).unwrap();
    let out = vanban()
        .args(["parse", "--format", "json"])
        .arg(&corpus)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(count(&err, "error:"), 1, "{err}");
    assert!(err.contains(&format!("{}: cannot read:", me.display())), "{err}");
    assert!(err.to_lowercase().contains("symbolic links"), "{err}");
    assert_eq!(records(&out.stdout).len(), 1);
}

#[test]
fn over_max_size_is_refused_and_the_rest_read() {
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    let big = write(&corpus, "big.txt", "Số 1/QĐ-UBND ".repeat(20).as_bytes());
    let size = fs::metadata(&big).unwrap().len();
    assert!(size > 200);
    write(&corpus, "small.txt", b"Kinh gui: ong A\n");
    let out = vanban()
        .args(["parse", "--format", "json", "--max-size", "200"])
        .arg(&corpus)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        format!(
            "error: {}: document too large: {size} bytes, the limit is 200 bytes (raise it with --max-size)\n",
            big.display()
        )
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert!(recs[0]["path"].as_str().unwrap().ends_with("small.txt"));
    // The default limit reads it.
    vanban().arg("parse").arg(&big).assert().code(0);
}

#[test]
fn stdin_over_max_size_is_refused_with_its_size() {
    vanban()
        .args(["parse", "--max-size", "10", "-"])
        .write_stdin("x".repeat(25))
        .assert()
        .code(2)
        .stderr("error: -: document too large: 25 bytes, the limit is 10 bytes (raise it with --max-size)\n");
}

#[test]
fn good_file_reads_cleanly() {
    // The control: a real letter, exit 0, nothing on stderr.
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "ok.txt", LETTER.as_bytes());
    vanban().arg("parse").arg(&f).assert().code(0).stderr("");
}
