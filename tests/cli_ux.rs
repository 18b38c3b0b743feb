//! The command line as a new user meets it (issue 20, items 2 to 5): where
//! the configuration is found and what its paths mean, exit codes and
//! messages, output formats and options, the minimum Rust version.
//!
//! Each test builds its own folder from copies of the fixtures; expected
//! values come from the fixtures' text and from the contract in the README,
//! not from a previous run.

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

// ---------------------------------------------------------------- item 2

/// `vanban.toml` at the repository's root is found from the root (`check
/// docs/`) and from inside `docs/` (`check .`), as cargo and ruff find
/// theirs; at the corpus root it is found too, and wins.
#[test]
fn config_found_in_the_folder_or_above_up_to_the_repository() {
    let dir = repo(true);
    // Without a configuration the fixtures give warnings only.
    let (code, report, _) = check_json(dir.path(), &["docs/"]);
    assert_eq!((code, severities(&report, "error")), (0, 0));
    let unresolved = severities(&report, "warning");
    assert!(unresolved > 0);
    std::fs::write(dir.path().join("vanban.toml"), "[severity]\nunresolved = \"error\"\n").unwrap();
    let (code, report, _) = check_json(dir.path(), &["docs/"]);
    assert_eq!((code, severities(&report, "error")), (1, unresolved));
    let (code, report, _) = check_json(&dir.path().join("docs"), &["."]);
    assert_eq!((code, severities(&report, "error")), (1, unresolved));
    // One at the corpus root is nearer: it wins.
    std::fs::write(
        dir.path().join("docs/vanban.toml"),
        "[severity]\nunresolved = \"off\"\n",
    )
    .unwrap();
    let (code, report, _) = check_json(dir.path(), &["docs"]);
    assert_eq!((code, findings(&report).len()), (0, 0), "{report:#}");
    // --config names another.
    std::fs::write(dir.path().join("strict.toml"), "strict = true\n").unwrap();
    let (code, report, _) = check_json(dir.path(), &["--config", "strict.toml", "docs"]);
    assert_eq!((code, severities(&report, "error")), (1, unresolved));
}

/// Outside a repository only the corpus root and the current folder are
/// looked in: a file two folders up is not picked up.
#[test]
fn config_above_is_not_read_outside_a_repository() {
    let dir = repo(false);
    std::fs::write(dir.path().join("vanban.toml"), "strict = true\n").unwrap();
    let (code, _, _) = check_json(&dir.path().join("docs"), &["."]);
    assert_eq!(
        code, 0,
        "a vanban.toml above a folder outside any repository is not read"
    );
    // In the current folder it is.
    let (code, _, _) = check_json(dir.path(), &["docs"]);
    assert_eq!(code, 1);
}

/// Relative paths in the configuration are relative to its file; on the
/// command line, to the current folder.
#[test]
fn config_paths_relative_to_the_file_command_line_to_the_current_folder() {
    let dir = repo(true);
    std::fs::create_dir(dir.path().join("ci")).unwrap();
    // The baseline written from the root with a path of the command line.
    vanban(dir.path())
        .args(["check", "--no-cache", "--write-baseline", "ci/base.json", "docs"])
        .assert()
        .code(0);
    assert!(dir.path().join("ci/base.json").is_file());
    std::fs::write(
        dir.path().join("vanban.toml"),
        format!("strict = true\nbaseline = \"ci/base.json\"\nignore = [\"docs/{F001}\"]\n"),
    )
    .unwrap();
    // From the root and from docs/: the same baseline and the same ignore.
    for (cwd, arg) in [(dir.path().to_path_buf(), "docs"), (dir.path().join("docs"), ".")] {
        let (code, report, _) = check_json(&cwd, &[arg]);
        assert_eq!(code, 0, "from {}: {report:#}", cwd.display());
        assert_eq!(findings(&report).len(), 0, "{report:#}");
        assert!(report["summary"]["baselined"].as_u64().unwrap() > 0);
        assert_eq!(report["summary"]["files"], 4, "{F001} is ignored");
    }
    // --baseline on the command line is relative to the current folder.
    let (code, report, _) = check_json(&dir.path().join("docs"), &["--baseline", "../ci/base.json", "."]);
    assert_eq!((code, findings(&report).len()), (0, 0));
    let out = vanban(&dir.path().join("docs"))
        .args(["check", "--no-cache", "--baseline", "ci/base.json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ci/base.json: cannot read the baseline"));
}

/// `check docs`, `check ./docs` and `check docs/` print the same report:
/// the same paths and fingerprints; a baseline written with one spelling
/// excuses the findings of every other, and `ignore` leaves out the same
/// files.
#[test]
fn folder_spellings_give_the_same_report() {
    let dir = repo(true);
    break_date(dir.path());
    let spellings = ["docs", "./docs", "docs/", "./docs/", "docs/."];
    let reports: Vec<Value> = spellings.iter().map(|s| check_json(dir.path(), &[s]).1).collect();
    for (s, r) in spellings.iter().zip(&reports) {
        assert!(r == &reports[0], "check {s} differs from check docs");
    }
    assert!(findings(&reports[0])[0]["path"].as_str().unwrap().starts_with("docs/0"));
    for written in spellings {
        let base = format!("base-{}.json", written.replace(['/', '.'], "_"));
        vanban(dir.path())
            .args(["check", "--no-cache", "--write-baseline", &base, written])
            .assert()
            .code(0);
        for s in spellings {
            let (code, report, _) = check_json(dir.path(), &["--baseline", &base, s]);
            assert_eq!(
                (code, findings(&report).len()),
                (0, 0),
                "written with {written}, checked with {s}"
            );
        }
    }
    std::fs::write(dir.path().join("vanban.toml"), format!("ignore = [\"docs/{F002}\"]\n")).unwrap();
    for s in spellings {
        let (code, report, _) = check_json(dir.path(), &[s]);
        assert_eq!((code, report["summary"]["files"].as_u64()), (0, Some(4)), "check {s}");
    }
}

/// Unknown keys, wrong types, syntax errors, unknown codes and bytes that
/// are not UTF-8 are refused (exit 2) naming the file, the line and the
/// column of the place.
#[test]
fn config_errors_name_file_line_and_column() {
    let dir = repo(true);
    let cases: [(&[u8], &str, &str); 6] = [
        (
            b"strict = true\ncolour = 1\n",
            "vanban.toml:2:1:",
            "unknown field `colour`",
        ),
        (
            b"strict = \"yes\"\n",
            "vanban.toml:1:10:",
            "invalid type: string \"yes\", expected a boolean",
        ),
        (b"strict = tru\n", "vanban.toml:1:10:", "invalid string"),
        (
            b"[severity]\nambiguous = \"off\"\nunresolve = \"error\"\n",
            "vanban.toml:3:1:",
            "\"unresolve\"",
        ),
        (
            b"[severity]\nambiguous = \"loud\"\n",
            "vanban.toml:2:13:",
            "unknown variant `loud`",
        ),
        (
            b"# r\xe9sum\xe9\nstrict = true\n",
            "vanban.toml:1:4:",
            "expected UTF-8 text, found the byte 0xe9",
        ),
    ];
    for (text, place, says) in cases {
        std::fs::write(dir.path().join("vanban.toml"), text).unwrap();
        let out = vanban(dir.path())
            .args(["check", "--no-cache", "docs"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.starts_with(&format!("error: {place} bad configuration: ")) && stderr.contains(says),
            "{}: {stderr}",
            String::from_utf8_lossy(text)
        );
    }
}

// ---------------------------------------------------------------- item 3

/// A folder with no documents is exit 2 for every command that reads
/// documents, and the message says which extensions are read and what is
/// there instead.
#[test]
fn no_documents_is_exit_2_naming_the_extensions() {
    let dir = repo(true);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::create_dir(dir.path().join("tables")).unwrap();
    std::fs::write(dir.path().join("tables/a.csv"), "a,b\n").unwrap();
    std::fs::write(dir.path().join("tables/b.json"), "{}\n").unwrap();
    let commands: [&[&str]; 7] = [
        &["check", "--no-cache"],
        &["parse"],
        &["text"],
        &["graph"],
        &["query", "stats"],
        &["query", "roots"],
        &["lineage", "--of", "698-CV/TU"],
    ];
    for cmd in commands {
        let out = vanban(dir.path()).args(cmd).arg("empty").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "empty: no documents in this folder: expected files ending in {EXTENSIONS}"
            )),
            "{cmd:?}: {stderr}"
        );
        let out = vanban(dir.path()).args(cmd).arg("tables").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
        assert!(
            stderr.contains("; found 2 other files (.csv, .json)"),
            "{cmd:?}: {stderr}"
        );
    }
    // Everything left out by the configuration's `ignore`: said so.
    std::fs::write(dir.path().join("vanban.toml"), "ignore = [\"*.txt\"]\n").unwrap();
    let out = vanban(dir.path())
        .args(["check", "--no-cache", "docs"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("; 5 left out by `ignore` in vanban.toml"), "{stderr}");
}

/// A file that cannot be read: `parse`, `text`, `graph`, `query` and
/// `lineage` report it (naming it), go on with the others and exit 2;
/// `check` reports it as an `unreadable` finding (an error by default: exit
/// 1; its level is set like any code's), as the README's table says.
#[test]
fn unreadable_files_exit_as_the_table_says() {
    let dir = repo(true);
    std::fs::write(dir.path().join("docs/bad.txt"), b"abc\n\xff\xfe\xfd").unwrap();
    let commands: [&[&str]; 5] = [
        &["parse", "--format", "json"],
        &["text"],
        &["graph", "--format", "stats"],
        &["query", "stats"],
        &["lineage", "--of", "698-CV/TU", "--jurisdiction", "binh-thuan"],
    ];
    for cmd in commands {
        let out = vanban(dir.path()).args(cmd).arg("docs").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
        assert!(
            stderr.contains("docs/bad.txt: invalid utf-8 at byte 4"),
            "{cmd:?}: {stderr}"
        );
        assert!(!out.stdout.is_empty(), "{cmd:?}: the other files are still processed");
    }
    let (code, report, _) = check_json(dir.path(), &["docs"]);
    let unreadable: Vec<&Value> = findings(&report).iter().filter(|f| f["code"] == "unreadable").collect();
    assert_eq!((code, unreadable.len()), (1, 1));
    assert_eq!(
        (unreadable[0]["path"].as_str(), unreadable[0]["severity"].as_str()),
        (Some("docs/bad.txt"), Some("error"))
    );
    std::fs::write(dir.path().join("vanban.toml"), "[severity]\nunreadable = \"warning\"\n").unwrap();
    assert_eq!(check_json(dir.path(), &["docs"]).0, 0);
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

/// Run `args`, read one line of its output and close the pipe: the exit
/// code.
fn exit_after_closing_the_pipe(dir: &Path, args: &[&str]) -> i32 {
    use std::io::BufRead;
    let bin = assert_cmd::cargo::cargo_bin("vanban");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir)
        .env("CI", "true")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    // The reader is gone (as `head -1` goes).
    child.wait().unwrap().code().unwrap()
}

/// `vanban check | head` keeps the exit code of the findings: the rest of
/// the output is dropped, the check runs to its end.
#[test]
fn closed_pipe_keeps_the_exit_code() {
    let dir = many_findings();
    for format in ["human", "json", "github", "sarif"] {
        let code = exit_after_closing_the_pipe(dir.path(), &["check", "--no-cache", "--format", format, "docs"]);
        assert_eq!(code, 1, "--format {format}");
    }
    // parse: a file that cannot be read is still exit 2.
    std::fs::write(dir.path().join("docs/zz_bad.txt"), b"abc\n\xff\xfe\xfd").unwrap();
    assert_eq!(exit_after_closing_the_pipe(dir.path(), &["parse", "docs"]), 2);
    std::fs::remove_file(dir.path().join("docs/zz_bad.txt")).unwrap();
    assert_eq!(exit_after_closing_the_pipe(dir.path(), &["parse", "docs"]), 0);
}

/// `--lossy` and `--max-size` (with K, M and G) on every command that reads
/// documents; the hints that name them come only from commands that have
/// them.
#[test]
fn lossy_and_max_size_on_every_command_that_reads() {
    let dir = repo(true);
    // A letter with one bad byte in its body, and one of 2 KiB or more.
    let letter = std::fs::read(dir.path().join("docs").join(F000)).unwrap();
    assert!(letter.len() > 2048 && letter.len() < 64 << 10);
    // Another number than the letter's, so that it is not its duplicate.
    let mut bad = String::from_utf8(letter)
        .unwrap()
        .replacen("Số 698-CV/TU", "Số 699-CV/TU", 1)
        .into_bytes();
    let at = bad.len() - 10;
    bad.insert(at, 0xff);
    std::fs::write(dir.path().join("docs/bad.txt"), &bad).unwrap();
    let commands: [&[&str]; 6] = [
        &["parse"],
        &["text"],
        &["graph"],
        &["query", "stats"],
        &["lineage", "--of", "308-CV/TU", "--jurisdiction", "binh-thuan"],
        &["check", "--no-cache"],
    ];
    for cmd in commands {
        let help = vanban(dir.path()).args(cmd).arg("--help").output().unwrap();
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(
            help.contains("--lossy") && help.contains("--max-size <SIZE>"),
            "{cmd:?}: {help}"
        );
        // Without --lossy: refused, with the hint; with it: read.
        let out = vanban(dir.path()).args(cmd).arg("docs").output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_ne!(out.status.code(), Some(0), "{cmd:?}");
        assert!(
            said.contains("invalid utf-8") && said.contains("--lossy"),
            "{cmd:?}: {said}"
        );
        let out = vanban(dir.path()).args(cmd).args(["--lossy", "docs"]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{cmd:?} --lossy: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // --max-size with a suffix: 1K refuses the letters, naming the flag.
        let out = vanban(dir.path())
            .args(cmd)
            .args(["--lossy", "--max-size", "1K", "docs"])
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            said.contains("the limit is 1024 bytes (raise it with --max-size)"),
            "{cmd:?}: {said}"
        );
        for size in ["64K", "1M", "1G", "70000"] {
            let out = vanban(dir.path())
                .args(cmd)
                .args(["--lossy", "--max-size", size, "docs"])
                .output()
                .unwrap();
            let said = String::from_utf8_lossy(&out.stderr);
            assert!(!said.contains("too large"), "{cmd:?} --max-size {size}: {said}");
        }
    }
    // `symbol` reads no documents: neither flag, and no hint naming them.
    let help = vanban(dir.path()).args(["symbol", "--help"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&help.stdout).contains("--lossy"));
    let out = vanban(dir.path())
        .arg("symbol")
        .write_stdin(b"30/2020/N\xff-CP\n".to_vec())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("--lossy"));
    vanban(dir.path())
        .args(["parse", "--max-size", "12Q", "docs"])
        .assert()
        .code(2);
}

/// Every I/O error names its path: a configuration, a baseline, an output
/// file or folder, standard output.
#[test]
fn io_errors_name_their_path() {
    let dir = repo(true);
    let expect = |args: &[&str], says: &str| {
        let out = vanban(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    expect(
        &["check", "--config", "nope.toml", "docs"],
        "nope.toml: cannot read the configuration",
    );
    expect(
        &["check", "--baseline", "nope.json", "docs"],
        "nope.json: cannot read the baseline",
    );
    expect(
        &["check", "--no-cache", "--write-baseline", "no/such/dir/b.json", "docs"],
        "no/such/dir/b.json: cannot write the baseline",
    );
    expect(
        &["graph", "--output", "no/such/dir/g.json", "docs"],
        "no/such/dir/g.json: cannot write",
    );
    expect(&["parse", "nope.txt"], "nope.txt: cannot read");
    expect(&["check", "nope"], "nope: no such file or folder");
    // Standard output that cannot take the output (a full disk).
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("vanban"))
            .current_dir(dir.path())
            .args(["parse", "docs"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("standard output: No space left on device"));
    } else {
        eprintln!("SKIPPED: no /dev/full here");
    }
}

// ---------------------------------------------------------------- item 4

/// `--color`: always colours the human findings and the `error:` prefix,
/// never and NO_COLOR (for auto) do not; output into a pipe is plain.
#[test]
fn color_always_never_auto_and_no_color() {
    let dir = repo(true);
    break_date(dir.path());
    let run = |args: &[&str], no_color: bool| {
        let mut c = vanban(dir.path());
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c.args(args).output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (always, _) = run(&["--color", "always", "check", "--no-cache", "docs"], false);
    assert!(always.contains("\x1b[1;31merror[date-mismatch]\x1b[0m"), "{always}");
    assert!(always.contains("\x1b[1;33mwarning[unresolved]\x1b[0m"), "{always}");
    // The option goes after the command as well, and wins over NO_COLOR.
    let (after, _) = run(&["check", "--no-cache", "--color", "always", "docs"], true);
    assert_eq!(after, always);
    for (args, no_color) in [
        (&["--color", "never", "check", "--no-cache", "docs"][..], false),
        (&["check", "--no-cache", "docs"][..], false),
        (&["check", "--no-cache", "docs"][..], true),
    ] {
        let (plain, _) = run(args, no_color);
        assert!(!plain.contains('\x1b'), "{args:?}");
        assert!(plain.contains("error[date-mismatch]: date mismatch"));
    }
    let (_, err) = run(&["--color", "always", "check", "nope"], false);
    assert!(
        err.starts_with("\x1b[1;31merror\x1b[0m: nope: no such file or folder"),
        "{err:?}"
    );
    let (_, err) = run(&["check", "nope"], false);
    assert!(err.starts_with("error: nope"), "{err:?}");
}

/// `-q`: the findings and nothing else (no summary line, no notes).
#[test]
fn quiet_prints_only_the_findings() {
    let dir = repo(true);
    break_date(dir.path());
    let loud = vanban(dir.path())
        .args(["check", "--no-cache", "docs"])
        .output()
        .unwrap();
    let quiet = vanban(dir.path())
        .args(["check", "-q", "--no-cache", "docs"])
        .output()
        .unwrap();
    assert_eq!((loud.status.code(), quiet.status.code()), (Some(1), Some(1)));
    let (loud, quiet) = (
        String::from_utf8(loud.stdout).unwrap(),
        String::from_utf8(quiet.stdout).unwrap(),
    );
    assert!(loud.contains("vanban check: 5 files") && loud.contains("\nnote: "));
    assert!(
        !quiet.contains("vanban check:") && !quiet.contains("\nnote: "),
        "{quiet}"
    );
    assert!(loud.starts_with(&quiet), "the same findings");
    let out = vanban(dir.path())
        .args(["-q", "check", "--no-cache", "--format", "json", "docs"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = vanban(dir.path())
        .args(["check", "-q", "--no-cache", "--write-baseline", "b.json", "docs"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty() && out.status.success());
    let out = vanban(dir.path())
        .args(["graph", "-q", "--output", "g.json", "docs"])
        .output()
        .unwrap();
    assert!(out.stdout.is_empty() && out.status.success());
}

/// The progress bar redraws at most about ten times a second, however many
/// findings are written under it (it used to redraw once per finding). Run
/// on a pseudo-terminal with `script` (util-linux); skipped without it.
#[test]
fn progress_bar_redraws_at_most_ten_times_a_second() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIPPED: `script` (util-linux) not available for a pseudo-terminal");
        return;
    }
    let dir = many_findings();
    let bin = assert_cmd::cargo::cargo_bin("vanban");
    let log = dir.path().join("typescript");
    let command = format!("{} check --no-cache --strict docs", bin.display());
    let started = std::time::Instant::now();
    let out = std::process::Command::new("script")
        .current_dir(dir.path())
        .env_remove("CI")
        .env("TERM", "xterm")
        .args(["-qefc", &command])
        .arg(&log)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    let typescript = std::fs::read(&log).unwrap_or(out.stdout);
    let text = String::from_utf8_lossy(&typescript);
    let findings = text.matches("error[").count();
    // Each drawing of the bar writes its counter: `12/171 files`.
    let draws = text
        .match_indices(" files")
        .filter(|(i, _)| {
            let counter = text[..*i].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            counter.split_once('/').is_some_and(|(a, b)| {
                a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()) && !b.is_empty()
            })
        })
        .count();
    assert!(findings > 200, "{findings} findings: {}", &text[..text.len().min(2000)]);
    // Ten a second, and a few when each pass starts and ends.
    let bound = (elapsed * 10.0).ceil() as usize + 15;
    assert!(
        draws <= bound,
        "{draws} drawings in {elapsed:.2} s for {findings} findings (bound {bound})"
    );
}

/// `--format github` writes at most N annotations of each level (default
/// 10, what GitHub shows of a step), the rest as plain log lines, and a
/// last notice that says how many were left out.
#[test]
fn github_annotations_capped_and_counted() {
    let dir = repo(true);
    break_date(dir.path());
    let (_, report, _) = check_json(dir.path(), &["docs"]);
    let warnings = severities(&report, "warning");
    assert!(warnings > 12, "{warnings}");
    for (args, cap) in [
        (&[][..], 10),
        (&["--max-annotations", "3"][..], 3),
        (&["--max-annotations", "1000"][..], 1000),
    ] {
        let out = vanban(dir.path())
            .args(["check", "--no-cache", "--format", "github"])
            .args(args)
            .arg("docs")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        let annotated = text.lines().filter(|l| l.starts_with("::warning ")).count();
        let plain = text.lines().filter(|l| l.contains(": warning[")).count();
        assert_eq!(annotated, warnings.min(cap), "{text}");
        assert_eq!(annotated + plain, warnings);
        assert_eq!(text.lines().filter(|l| l.starts_with("::error ")).count(), 1);
        let last = text.lines().last().unwrap();
        if plain > 0 {
            assert!(
                last.starts_with(&format!(
                    "::notice title=vanban check::{plain} more findings are in the log above"
                )),
                "{last}"
            );
        } else {
            assert!(!last.contains("more findings"), "{last}");
        }
    }
}

fn sarif(dir: &Path, env: &[(&str, &str)]) -> Value {
    let mut c = vanban(dir);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c
        .args(["check", "--no-cache", "--format", "sarif", "docs"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    let compiled = jsonschema::JSONSchema::options()
        .should_validate_formats(true)
        .compile(&schema)
        .unwrap();
    if let Err(errors) = compiled.validate(&sarif) {
        let all: Vec<String> = errors.map(|e| format!("{e} at {}", e.instance_path)).collect();
        panic!("invalid SARIF: {all:#?}");
    }
    sarif
}

/// SARIF carries the tool's version and the checked repository's URL (from
/// GitHub Actions' environment, else from git's `origin`, credentials left
/// out), and stays valid SARIF 2.1.0.
#[test]
fn sarif_has_the_version_and_the_repository() {
    let dir = repo(false);
    let log = sarif(dir.path(), &[]);
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["tool"]["driver"]["semanticVersion"], env!("CARGO_PKG_VERSION"));
    assert!(run.get("versionControlProvenance").is_none(), "no repository here");
    let log = sarif(
        dir.path(),
        &[
            ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_REPOSITORY", "owner/letters"),
            ("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"),
            ("GITHUB_REF_NAME", "main"),
        ],
    );
    let vcs = &log["runs"][0]["versionControlProvenance"][0];
    assert_eq!(vcs["repositoryUri"], "https://github.com/owner/letters");
    assert_eq!(vcs["revisionId"], "0123456789abcdef0123456789abcdef01234567");
    assert_eq!(vcs["branch"], "main");
    // From git.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
    };
    if git(&["--version"]).is_err() {
        eprintln!("SKIPPED (git part): git not available");
        return;
    }
    for args in [
        &["init", "-q", "-b", "trunk"][..],
        &[
            "remote",
            "add",
            "origin",
            "https://user:secret@example.org/owner/letters.git",
        ],
        &["add", "docs"],
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@e",
            "commit",
            "-q",
            "-m",
            "letters",
        ],
    ] {
        assert!(git(args).unwrap().status.success(), "git {args:?}");
    }
    let head = String::from_utf8(git(&["rev-parse", "HEAD"]).unwrap().stdout).unwrap();
    let log = sarif(dir.path(), &[]);
    let vcs = &log["runs"][0]["versionControlProvenance"][0];
    assert_eq!(vcs["repositoryUri"], "https://example.org/owner/letters.git");
    assert_eq!(vcs["revisionId"], head.trim());
    assert_eq!(vcs["branch"], "trunk");
}

fn stdout_of(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = vanban(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// GraphML: each key id once, typed attributes (`year` and `line` int,
/// `external` boolean, spans long), every `data` naming a key declared for
/// its element, and the same bytes on every run.
#[test]
fn graphml_keys_unique_typed_and_stable() {
    use quick_xml::events::Event;
    let dir = repo(true);
    let xml = stdout_of(dir.path(), &["graph", "--format", "graphml", "docs"]);
    for _ in 0..3 {
        assert_eq!(stdout_of(dir.path(), &["graph", "--format", "graphml", "docs"]), xml);
    }
    let mut keys: std::collections::HashMap<String, (String, String, String)> = Default::default();
    let mut reader = quick_xml::Reader::from_reader(&xml[..]);
    let mut element = Vec::new();
    let mut data_key = None;
    let mut buf = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name.as_bytes())
            .map(|a| a.unescape_value().unwrap().into_owned())
    };
    let (mut years, mut lines) = (0, 0);
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                match name.as_str() {
                    "key" => {
                        let id = attr(&e, "id").unwrap();
                        let v = (
                            attr(&e, "for").unwrap(),
                            attr(&e, "attr.name").unwrap(),
                            attr(&e, "attr.type").unwrap(),
                        );
                        assert!(keys.insert(id.clone(), v).is_none(), "key id {id} twice");
                    }
                    "node" | "edge" => element.push(name),
                    "data" => data_key = attr(&e, "key"),
                    _ => {}
                }
            }
            Event::End(e) if matches!(e.name().as_ref(), b"node" | b"edge") => {
                element.pop();
            }
            Event::Text(t) => {
                if let Some(k) = data_key.take() {
                    let (of, name, ty) = keys.get(&k).unwrap_or_else(|| panic!("undeclared key {k}"));
                    assert_eq!(Some(of), element.last(), "{k}");
                    let value = t.unescape().unwrap();
                    match ty.as_str() {
                        "int" | "long" => {
                            value.parse::<i64>().unwrap_or_else(|_| panic!("{name}: {value}"));
                        }
                        "boolean" => assert!(value == "true" || value == "false", "{name}: {value}"),
                        _ => {}
                    }
                    years += usize::from(name == "year");
                    lines += usize::from(name == "line");
                }
            }
            _ => {}
        }
        buf.clear();
    }
    let typed: Vec<(&str, &str)> = keys.values().map(|(_, n, t)| (n.as_str(), t.as_str())).collect();
    for want in [
        ("year", "int"),
        ("external", "boolean"),
        ("line", "int"),
        ("span_start", "long"),
    ] {
        assert!(typed.contains(&want), "{want:?} in {typed:?}");
    }
    // `path` is a node and an edge attribute: two keys, two ids.
    assert_eq!(typed.iter().filter(|(n, _)| *n == "path").count(), 2);
    assert!(years > 0 && lines > 0);
}

/// `graph --output` writes every format to a file (what stdout would get),
/// refuses to replace one without --force, and writes CSV into a folder.
#[test]
fn graph_output_for_every_format() {
    let dir = repo(true);
    for format in ["json", "dot", "graphml", "mermaid", "stats"] {
        let printed = stdout_of(dir.path(), &["graph", "--format", format, "docs"]);
        let file = format!("g.{format}");
        let said = stdout_of(dir.path(), &["graph", "--format", format, "--output", &file, "docs"]);
        assert_eq!(String::from_utf8(said).unwrap(), format!("wrote {file}\n"));
        assert_eq!(
            std::fs::read(dir.path().join(&file)).unwrap(),
            printed,
            "--format {format}"
        );
        let out = vanban(dir.path())
            .args(["graph", "--format", format, "--output", &file, "docs"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{file}: the file exists")));
        stdout_of(
            dir.path(),
            &["graph", "--format", format, "--output", &file, "--force", "docs"],
        );
    }
    let said = stdout_of(dir.path(), &["graph", "--format", "csv", "--output", "tables", "docs"]);
    assert_eq!(
        String::from_utf8(said).unwrap(),
        "wrote tables/nodes.csv and tables/edges.csv\n"
    );
    let printed = String::from_utf8(stdout_of(dir.path(), &["graph", "--format", "csv", "docs"])).unwrap();
    let nodes = std::fs::read_to_string(dir.path().join("tables/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(dir.path().join("tables/edges.csv")).unwrap();
    assert_eq!(printed, format!("{nodes}\n{edges}"));
    // A folder where a file is wanted.
    let out = vanban(dir.path())
        .args(["graph", "--output", "tables", "--force", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tables: is a folder"));
}

/// `graph --relation all` is the whole graph, as in `lineage`; a relation
/// that does not exist is refused, naming `all` among the choices.
#[test]
fn graph_relation_all() {
    let dir = repo(true);
    let whole = stdout_of(dir.path(), &["graph", "docs"]);
    assert_eq!(stdout_of(dir.path(), &["graph", "--relation", "all", "docs"]), whole);
    assert_eq!(
        stdout_of(
            dir.path(),
            &["graph", "--relation", "implements", "--relation", "all", "docs"]
        ),
        whole
    );
    let implements = stdout_of(dir.path(), &["graph", "--relation", "implements", "docs"]);
    assert_ne!(implements, whole);
    let out = vanban(dir.path())
        .args(["graph", "--relation", "cites", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("or all"));
    let all = stdout_of(
        dir.path(),
        &[
            "lineage",
            "--of",
            "308-CV/TU",
            "--jurisdiction",
            "binh-thuan",
            "--down",
            "--relation",
            "all",
            "docs",
        ],
    );
    assert!(String::from_utf8(all).unwrap().contains("implements ← 698-CV/TU"));
}

/// The graph node's `year` is the year `parse` gives the document (from
/// its date, else from its symbol), also for a document without a number.
#[test]
fn graph_year_agrees_with_parse() {
    let dir = repo(true);
    let parsed = String::from_utf8(stdout_of(dir.path(), &["parse", "--format", "json", "docs"])).unwrap();
    let graph: Value = serde_json::from_slice(&stdout_of(dir.path(), &["graph", "docs"])).unwrap();
    let mut compared = 0;
    for line in parsed.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let node = graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == doc["path"])
            .unwrap();
        assert_eq!(node["year"], doc["year"], "{}", doc["path"]);
        compared += 1;
    }
    assert_eq!(compared, 5);
    // 002 prints `/SNN-VP` (no number) and the date 2023: its node has the year.
    let n002 = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == format!("docs/{F002}"))
        .unwrap();
    assert_eq!(n002["year"], 2023);
}

/// `lineage --jurisdiction` takes a province's name as well as its slug.
#[test]
fn lineage_jurisdiction_by_name() {
    let dir = repo(true);
    let by_slug = stdout_of(
        dir.path(),
        &[
            "lineage",
            "--of",
            "308-CV/TU",
            "--jurisdiction",
            "binh-thuan",
            "--down",
            "docs",
        ],
    );
    assert!(String::from_utf8_lossy(&by_slug).starts_with("308-CV/TU  2021-11-26  binh-thuan"));
    for name in ["Bình Thuận", "tỉnh Bình Thuận", "BÌNH THUẬN", "Binh Thuan"] {
        let by_name = stdout_of(
            dir.path(),
            &["lineage", "--of", "308-CV/TU", "--jurisdiction", name, "--down", "docs"],
        );
        assert_eq!(by_name, by_slug, "{name}");
    }
    let out = vanban(dir.path())
        .args(["lineage", "--of", "308-CV/TU", "--jurisdiction", "Kiên Giang", "docs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document 308-CV/TU in the graph in Kiên Giang"));
}

/// `query roots` lists documents of the corpus: those the corpus cites that
/// cite none of its documents; `--external` lists the roots of the whole
/// graph (cited documents outside the corpus included).
#[test]
fn query_roots_lists_corpus_documents() {
    let dir = repo(true);
    let roots: Value =
        serde_json::from_slice(&stdout_of(dir.path(), &["query", "roots", "--format", "json", "docs"])).unwrap();
    let roots = roots.as_array().unwrap();
    // 002 implements 698-CV/TU (000), which cites no letter of the corpus.
    assert_eq!(roots.len(), 1, "{roots:#?}");
    assert_eq!(roots[0]["path"], format!("docs/{F000}"));
    assert_eq!(roots[0]["external"], false);
    let all: Value = serde_json::from_slice(&stdout_of(
        dir.path(),
        &["query", "roots", "--external", "--format", "json", "docs"],
    ))
    .unwrap();
    let all = all.as_array().unwrap();
    assert!(all.iter().any(|n| n["external"] == true && n["symbol"] == "308-CV/TU"));
    assert!(
        all.iter().all(|n| n["external"] == true),
        "000 cites documents outside: not a root of the whole graph"
    );
    let text = String::from_utf8(stdout_of(dir.path(), &["query", "roots", "docs"])).unwrap();
    assert_eq!(
        text,
        format!("698-CV/TU  2023-02-28  binh-thuan  docs/{F000}  [vn/binh-thuan/tu/cv/2023/698]\n")
    );
}

/// `parse` and `text` read stdin when given no path and stdin is not a
/// terminal; `symbol -` reads stdin (`-` among other arguments too).
#[test]
fn stdin_without_a_path_and_symbol_dash() {
    let dir = repo(true);
    let letter = std::fs::read(dir.path().join("docs").join(F000)).unwrap();
    for cmd in ["parse", "text"] {
        let dash = vanban(dir.path())
            .args([cmd, "-"])
            .write_stdin(letter.clone())
            .output()
            .unwrap();
        let none = vanban(dir.path())
            .arg(cmd)
            .write_stdin(letter.clone())
            .output()
            .unwrap();
        assert!(dash.status.success() && none.status.success());
        assert_eq!(none.stdout, dash.stdout, "{cmd}");
    }
    let out = vanban(dir.path())
        .args(["parse", "--format", "json"])
        .write_stdin(letter)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (doc["path"].as_str(), doc["symbol"].as_str()),
        (Some("-"), Some("698-CV/TU"))
    );
    let out = vanban(dir.path())
        .args(["symbol", "--format", "text", "1/UBND", "-", "3/QĐ-TTg"])
        .write_stdin("30/2020/nđ- CP\n")
        .output()
        .unwrap();
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        lines,
        ["1/UBND 1/UBND", "30/2020/nđ- CP 30/2020/NĐ-CP", "3/QĐ-TTg 3/QĐ-TTg"]
    );
    let out = vanban(dir.path())
        .args(["symbol", "-"])
        .write_stdin("698-CV/TU\n")
        .output()
        .unwrap();
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["symbol"], "698-CV/TU");
}

// ---------------------------------------------------------------- item 5

/// `rust-version` of a manifest, as `major.minor[.patch]` numbers.
fn version(v: &str) -> Vec<u64> {
    let mut n: Vec<u64> = v.split('.').map(|p| p.parse().unwrap()).collect();
    n.resize(3, 0);
    n
}

/// The package's `rust-version` (and the Python package's) is at least the
/// highest `rust-version` among the dependencies locked in its Cargo.lock,
/// read through `cargo metadata --locked --offline` (skipped, saying so,
/// when cargo cannot answer offline).
#[test]
fn rust_version_covers_the_locked_dependencies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for manifest in [root.join("Cargo.toml"), root.join("python/Cargo.toml")] {
        let out = std::process::Command::new(env!("CARGO"))
            .args([
                "metadata",
                "--locked",
                "--offline",
                "--format-version",
                "1",
                "--manifest-path",
            ])
            .arg(&manifest)
            .output();
        let out = match out {
            Ok(o) if o.status.success() => o,
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cargo metadata for {}: {}",
                    manifest.display(),
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                continue;
            }
            Err(e) => {
                eprintln!("SKIPPED: cargo metadata cannot run: {e}");
                return;
            }
        };
        let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
        let members: Vec<&Value> = meta["workspace_members"].as_array().unwrap().iter().collect();
        let packages = meta["packages"].as_array().unwrap();
        let own = packages
            .iter()
            .find(|p| p["manifest_path"].as_str().map(PathBuf::from).as_deref() == Some(manifest.as_path()))
            .unwrap();
        let claimed = own["rust_version"].as_str().expect("rust-version is set");
        let (needed, by) = packages
            .iter()
            .filter(|p| !members.contains(&&p["id"]))
            .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].as_str()?.to_string())))
            .max()
            .unwrap();
        assert!(
            version(claimed) >= needed,
            "{}: rust-version {claimed}, but {by} needs {needed:?}",
            manifest.display()
        );
    }
}
