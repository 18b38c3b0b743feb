//! Item 3: exit codes and messages: no documents, unreadable files, a
//! closed pipe, `--lossy` and `--max-size` everywhere, I/O errors naming
//! their path.

use super::*;

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
