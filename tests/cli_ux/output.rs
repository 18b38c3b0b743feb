//! Item 4, output options: `--color`, `-q`, the progress bar's redraws,
//! GitHub annotations' cap, SARIF's version and repository.

use super::*;

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
    common_sarif::assert_valid_sarif(&sarif);
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
