//! The README as a user meets it: every example it shows is run, and what
//! it prints is what the README says; the CI recipes (the GitHub Actions
//! workflow's steps, the pre-commit hook, the baseline workflow) are run on a
//! fresh repository.
//!
//! An example is a ```` ```text ```` block whose lines start with `$ `: each
//! command runs with `bash` in a fresh git repository holding `fixtures/`
//! and a copy of it in `docs/` (one repository per block, the commands of a
//! block one after the other), with the `vanban` under test first on the
//! PATH; the lines after a command are its standard output. A line `...` in
//! them stands for any number of lines. `VANBAN_README_UPDATE=1 cargo test
//! --test readme` writes what the commands print into the README's blocks
//! that have no `...` (read the diff before keeping it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn readme() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap()
}

fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A fresh repository: `fixtures/` and `docs/` (copies of the fixtures), a
/// git repository when git is there (its root for the configuration's
/// search, and for the examples' commits).
fn fresh_repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["fixtures", "docs"] {
        let to = dir.path().join(sub);
        std::fs::create_dir(&to).unwrap();
        for e in std::fs::read_dir(Path::new(ROOT).join("fixtures")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    if git_available() {
        assert!(shell(dir.path(), "git init -q").status.success());
    }
    dir
}

/// Run `script` with bash in `dir` as a user (or a CI runner) would, the
/// vanban under test first on the PATH; no colour, no progress bar, a cache
/// key and git identity of the test's own.
fn shell(dir: &Path, script: &str) -> Output {
    let bin: PathBuf = assert_cmd::cargo::cargo_bin("vanban");
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let mut c = Command::new("bash");
    c.args(["-o", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env("CI", "true")
        .env("VANBAN_CACHE_KEY", "readme-test")
        .env("XDG_CACHE_HOME", dir.join(".cache-home"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org");
    for k in [
        "NO_COLOR",
        "GITHUB_SERVER_URL",
        "GITHUB_REPOSITORY",
        "GITHUB_SHA",
        "GITHUB_REF_NAME",
    ] {
        c.env_remove(k);
    }
    c.output().unwrap()
}

/// One command of an example and the output shown under it.
struct Step {
    command: String,
    shown: Vec<String>,
}

/// An example block: where its body is in the README, and its steps.
struct Example {
    body: std::ops::Range<usize>,
    steps: Vec<Step>,
}

/// The ```` ```text ```` blocks of `text` that start with `$ `.
fn examples(text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("```text\n") {
        let start = at + i + "```text\n".len();
        let end = start + text[start..].find("```").unwrap();
        at = end + 3;
        let body = &text[start..end];
        if !body.starts_with("$ ") {
            continue;
        }
        let mut steps: Vec<Step> = Vec::new();
        for line in body.lines() {
            match line.strip_prefix("$ ") {
                Some(cmd) => steps.push(Step {
                    command: cmd.to_string(),
                    shown: Vec::new(),
                }),
                None => steps.last_mut().unwrap().shown.push(line.to_string()),
            }
        }
        out.push(Example {
            body: start..end,
            steps,
        });
    }
    out
}

/// Does `actual` read as `shown`, where a `...` line of `shown` stands for
/// any lines? (Blank lines at the end of either are left out.)
fn matches(shown: &[String], actual: &[&str]) -> bool {
    fn trim<T: AsRef<str>>(v: &[T]) -> &[T] {
        let n = v.iter().rposition(|l| !l.as_ref().is_empty()).map_or(0, |i| i + 1);
        &v[..n]
    }
    fn go(shown: &[String], actual: &[&str]) -> bool {
        match shown.split_first() {
            None => actual.is_empty(),
            Some((gap, rest)) if gap == "..." => (0..=actual.len()).any(|k| go(rest, &actual[k..])),
            Some((line, rest)) => actual.first() == Some(&line.as_str()) && go(rest, &actual[1..]),
        }
    }
    go(trim(shown), trim(actual))
}

#[test]
fn every_example_prints_what_the_readme_shows() {
    let text = readme();
    let found = examples(&text);
    assert!(found.len() >= 5, "the README's examples were not found");
    let update = std::env::var_os("VANBAN_README_UPDATE").is_some();
    let mut rewritten = text.clone();
    let mut failures = Vec::new();
    // Last first, so that the ranges of the earlier blocks stay right.
    for ex in found.iter().rev() {
        if ex.steps.iter().any(|s| s.command.contains("git ")) && !git_available() {
            eprintln!("SKIPPED (git not available): {}", ex.steps[0].command);
            continue;
        }
        let dir = fresh_repository();
        let mut body = String::new();
        let mut block_ok = true;
        for step in &ex.steps {
            let out = shell(dir.path(), &step.command);
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            let lines: Vec<&str> = stdout.lines().collect();
            if !matches(&step.shown, &lines) {
                block_ok = false;
                failures.push(format!(
                    "$ {}\n--- the README shows:\n{}\n--- it prints:\n{stdout}--- stderr:\n{}",
                    step.command,
                    step.shown.join("\n"),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            body.push_str(&format!("$ {}\n", step.command));
            if step.shown.iter().any(|l| l == "...") {
                for l in &step.shown {
                    body.push_str(l);
                    body.push('\n');
                }
            } else {
                body.push_str(&stdout);
                // A blank line the README keeps between two commands.
                if step.shown.last().is_some_and(String::is_empty) && !stdout.ends_with("\n\n") {
                    body.push('\n');
                }
            }
        }
        if update && !block_ok {
            rewritten.replace_range(ex.body.clone(), &body);
        }
    }
    if update && rewritten != text {
        std::fs::write(Path::new(ROOT).join("README.md"), rewritten).unwrap();
        eprintln!("README.md updated: read the diff (blocks with `...` are left to you)");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The Mermaid drawing of the seeds' lineage is what the command the README
/// names prints.
#[test]
fn mermaid_drawing_is_the_graph() {
    let text = readme();
    let start = text.find("```mermaid\n").unwrap() + "```mermaid\n".len();
    let end = start + text[start..].find("```").unwrap();
    let command = "vanban graph fixtures/ --format mermaid --relation implements";
    assert!(text.contains(&format!("(`{command}`;")), "the README names the command");
    let dir = fresh_repository();
    let out = shell(dir.path(), command);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), &text[start..end]);
}

/// The text of the section under `heading` (to the next heading of its level
/// or above).
fn section<'t>(text: &'t str, heading: &str) -> &'t str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("{heading}"))
        + 1;
    let level = heading.split(' ').next().unwrap();
    let rest = &text[start + heading.len()..];
    let end = rest
        .match_indices("\n#")
        .map(|(i, _)| i)
        .find(|&i| {
            let hashes = rest[i + 1..].chars().take_while(|c| *c == '#').count();
            hashes <= level.len() && rest[i + 1 + hashes..].starts_with(' ')
        })
        .unwrap_or(rest.len());
    &text[start..start + heading.len() + end]
}

/// The ```` ```yaml ```` blocks of a section.
fn yaml_blocks(section: &str) -> Vec<&str> {
    section
        .split("```yaml\n")
        .skip(1)
        .map(|b| &b[..b.find("```").unwrap()])
        .collect()
}

/// The value of `key:` on a YAML line (quotes taken off).
fn yaml_value<'y>(line: &'y str, key: &str) -> Option<&'y str> {
    let v = line
        .trim_start()
        .trim_start_matches("- ")
        .strip_prefix(key)?
        .strip_prefix(':')?;
    let v = v.split(" #").next().unwrap().trim();
    Some(v.trim_matches('\''))
}

/// Break the date of 698-CV/TU in docs/002 (a date-mismatch error).
fn break_a_date(dir: &Path) {
    let script = "sed -i 's|698-CV/TU ngày 28/02/2023|698-CV/TU ngày 27/02/2023|' docs/002_90f577f6aacd33a3.txt";
    assert!(shell(dir, script).status.success());
}

/// The workflow's `run:` steps that call vanban, run as GitHub runs them
/// (`bash -e`, from the repository's root), on a fresh repository: green on
/// the letters, annotations and a red step on a broken date, SARIF written
/// and uploaded for findings but a red step when the check cannot be made.
#[test]
fn github_workflow_steps_run_on_a_fresh_repository() {
    let text = readme();
    let section = section(&text, "### GitHub Actions");
    let runs: Vec<String> = yaml_blocks(section)
        .iter()
        .flat_map(|b| b.lines())
        .filter_map(|l| yaml_value(l, "run"))
        .filter(|r| r.starts_with("vanban "))
        .map(str::to_string)
        .collect();
    assert_eq!(runs.len(), 2, "{runs:?}");
    let (annotations, sarif) = (&runs[0], &runs[1]);
    assert!(annotations.contains("--format github") && sarif.contains("--format sarif"));
    let run = |dir: &Path, step: &str| shell(dir, &format!("set -e\n{step}"));
    let dir = fresh_repository();
    let out = run(dir.path(), annotations);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed
        .lines()
        .all(|l| l.starts_with("::warning ") || l.starts_with("docs/") || l.starts_with("::notice ")));
    assert!(run(dir.path(), sarif).status.success());
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("vanban.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    break_a_date(dir.path());
    let out = run(dir.path(), annotations);
    assert_eq!(out.status.code(), Some(1), "the step fails on an error");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("::error file=docs/002_90f577f6aacd33a3.txt,line=14,col=11,"));
    let out = run(dir.path(), sarif);
    assert!(out.status.success(), "findings are uploaded, not a failed step");
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("vanban.sarif")).unwrap()).unwrap();
    assert!(log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["ruleId"] == "date-mismatch"));
    std::fs::write(dir.path().join("vanban.toml"), "strict = maybe\n").unwrap();
    assert!(
        !run(dir.path(), sarif).status.success(),
        "a check that cannot be made fails the step"
    );
}

/// The hook of `.pre-commit-hooks.yaml` with the `args` the README gives,
/// run as pre-commit runs it (`entry` and `args`, no file names since
/// `pass_filenames: false`, from the repository's root): the commit goes
/// through on the letters and is refused on a broken date; its `files`
/// pattern takes documents and vanban.toml, not code. The README's local hook
/// runs the same command.
#[test]
fn pre_commit_hook_runs_as_pre_commit_would() {
    let hooks = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    let get = |key: &str| {
        hooks
            .lines()
            .find_map(|l| yaml_value(l, key))
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(get("id"), "vanban-check");
    assert_eq!(get("pass_filenames"), "false");
    assert_eq!(get("language"), "rust", "built from this repository by pre-commit");
    let entry = get("entry");
    let files = regex::Regex::new(get("files")).unwrap();
    for (name, taken) in [
        ("docs/000_eb6c421c23e2ba08.txt", true),
        ("a/b/Quyết định.PDF", true),
        ("vanban.toml", true),
        ("docs/x.docx", true),
        ("src/main.rs", false),
        ("Cargo.toml", false),
    ] {
        assert_eq!(files.is_match(name), taken, "{name}");
    }
    let text = readme();
    let section = section(&text, "### pre-commit");
    let configs = yaml_blocks(section);
    assert_eq!(configs.len(), 2);
    for config in configs {
        let id = config.lines().find_map(|l| yaml_value(l, "id")).unwrap();
        assert_eq!(id, "vanban-check");
        let args = config.lines().find_map(|l| yaml_value(l, "args")).unwrap();
        let args: Vec<&str> = args.trim_matches(['[', ']']).split(',').map(str::trim).collect();
        let entry = config.lines().find_map(|l| yaml_value(l, "entry")).unwrap_or(entry);
        let command = format!("{entry} {}", args.join(" "));
        let dir = fresh_repository();
        let out = shell(dir.path(), &command);
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        break_a_date(dir.path());
        let out = shell(dir.path(), &command);
        assert_eq!(out.status.code(), Some(1), "{command}: the commit is refused");
        assert!(String::from_utf8(out.stdout).unwrap().contains("error[date-mismatch]"));
    }
}
