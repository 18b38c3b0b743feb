//! Item 2: where the configuration is found, what its paths are relative to,
//! folder spellings, and errors in it named by file, line and column.

use super::*;

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
