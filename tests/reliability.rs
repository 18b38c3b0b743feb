//! The faults found by probing the CLI with bad input, faults and load
//! (issue #17), each turned into a test from its repro: nothing the user
//! owns is lost, nothing read is trusted blindly, nothing blows up.
//!
//! Growth is tested as a ratio (output, time or memory at N and at 8N),
//! never as an absolute figure; N is small enough for the debug build CI
//! runs. The memory of `check` on long lines is measured by a counting
//! allocator, in `tests/check_long_lines.rs`.
//!
//! `VANBAN_TEST_BIN=/path/to/vanban cargo test --test reliability` runs the
//! CLI tests against another build (an older one, to see them fail).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
const F000: &str = "000_eb6c421c23e2ba08.txt";

/// The binary under test.
fn bin() -> PathBuf {
    std::env::var_os("VANBAN_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| assert_cmd::cargo::cargo_bin("vanban"))
}

/// `vanban` with a test key for the cache (no key file written for the
/// user), no progress bar, and a time limit (a read that never ends fails
/// the test instead of hanging it).
fn vanban(dir: &Path) -> Command {
    let mut c = Command::new(bin());
    c.current_dir(dir)
        .env("CI", "true")
        .env("VANBAN_CACHE_KEY", "reliability tests")
        .timeout(Duration::from_secs(120));
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("vanban runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The five seed letters in `dir/docs`.
fn seeds(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    for e in fs::read_dir(SEEDS).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "txt") {
            fs::copy(e.path(), docs.join(e.file_name())).unwrap();
        }
    }
    docs
}

/// A letter of Tỉnh ủy Bình Thuận numbered `n`, with `body` after its header.
fn letter(n: u32, body: &str) -> String {
    format!("TỈNH ỦY BÌNH THUẬN\nSố {n}-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n{body}\n")
}

/// A citation of an in-scope document missing from the corpus.
fn citation(n: u32) -> String {
    format!("Thực hiện Công văn số {n}-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy")
}

/// Every file under `dir` (recursively), as paths relative to it.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() && !p.is_symlink() {
                stack.push(p.clone());
            }
            out.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

/// The summary line of a human-format run.
fn summary(o: &Output) -> String {
    let all = text(&o.stdout) + &text(&o.stderr);
    all.lines()
        .find(|l| l.starts_with("vanban check:"))
        .unwrap_or_default()
        .to_string()
}

// ---------------------------------------------------------------------------
// 1. The cache deletes nothing it did not create.

/// Repro: `mkdir -p r/docs r/vendor/lib; cp fixtures/*.txt r/docs/; cd r &&
/// vanban check --cache-dir . docs` removed `vendor/` and overwrote
/// `.gitignore`; `check --cache-dir d d` deleted document folders, and the
/// next run, reading `*` in `d/.gitignore`, checked no file.
#[test]
fn cache_never_deletes_or_rewrites_what_it_did_not_create() {
    let dir = TempDir::new().unwrap();
    let r = dir.path();
    seeds(r);
    for (p, content) in [
        ("vendor/lib/x.c", "int x;\n"),
        ("v1-old/keep.txt", "mine\n"),
        ("vault/notes.md", "mine\n"),
        (".gitignore", "target/\n"),
        ("docs/volume/a.txt", &letter(900, &citation(901))),
    ] {
        fs::create_dir_all(r.join(p).parent().unwrap()).unwrap();
        fs::write(r.join(p), content).unwrap();
    }
    let before = tree(r);
    let o = run(vanban(r).args(["check", "--cache-dir", ".", "docs"]));
    assert_eq!(tree(r), before, "the folder given as a cache is left as it was");
    assert_eq!(fs::read_to_string(r.join(".gitignore")).unwrap(), "target/\n");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("not used as a cache"), "{}", text(&o.stderr));

    // The cache inside the corpus: nothing deleted, and the next run still
    // checks every file.
    let o = run(vanban(r).args(["check", "--cache-dir", "docs", "docs"]));
    assert!(summary(&o).starts_with("vanban check: 6 files"), "{}", summary(&o));
    let o = run(vanban(r).args(["check", "--cache-dir", "docs", "docs"]));
    assert!(summary(&o).starts_with("vanban check: 6 files"), "{}", summary(&o));
    assert_eq!(tree(r), before);

    // A folder the cache made: marked, and what someone else put in it later
    // (a file, a folder named like an old version) is never removed.
    let o = run(vanban(r).args(["check", "--cache-dir", "cache", "docs"]));
    assert_eq!(o.status.code(), Some(0));
    let tag = fs::read_to_string(r.join("cache/CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"), "{tag}");
    fs::write(r.join("cache/notes.txt"), "mine\n").unwrap();
    fs::create_dir_all(r.join("cache/v0.0.1-0123456789abcdef")).unwrap();
    fs::write(r.join("cache/v0.0.1-0123456789abcdef/mine.txt"), "mine\n").unwrap();
    let o = run(vanban(r).args(["check", "--cache-dir", "cache", "docs"]));
    assert_eq!(o.status.code(), Some(0));
    assert!(r.join("cache/notes.txt").exists());
    assert!(r.join("cache/v0.0.1-0123456789abcdef/mine.txt").exists());
}

// ---------------------------------------------------------------------------
// 3. `--max-size` at the top of its range.

/// Repro: `--max-size 18446744073709551615` read every file as empty
/// (`take(max + 1)` wrapped): `check` said `0 findings`, exit 0.
#[test]
fn max_size_at_the_top_of_its_range_reads_files() {
    let dir = TempDir::new().unwrap();
    seeds(dir.path());
    let normal = run(vanban(dir.path()).args(["check", "--no-cache", "docs"]));
    let max = u64::MAX.to_string();
    let o = run(vanban(dir.path()).args(["check", "--no-cache", "--max-size", &max, "docs"]));
    assert_eq!(o.status.code(), normal.status.code(), "{}", text(&o.stderr));
    assert!(summary(&normal).contains("17 findings"), "{}", summary(&normal));
    assert_eq!(summary(&o), summary(&normal));
    let o = run(vanban(dir.path())
        .args(["parse", "--format", "json", "--max-size", &max, "-"])
        .write_stdin(letter(5, &citation(6))));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("\"symbol\":\"6-CV/TU\""),
        "{}",
        text(&o.stdout)
    );
}

// ---------------------------------------------------------------------------
// 4. `lineage` text output on a long chain.

/// `n` letters, each implementing the one before.
fn chain(dir: &Path, n: u32) {
    for i in 1..=n {
        let body = format!(
            "Thực hiện Công văn số {}-CV/TU, ngày 01/01/2023 của Ban Thường vụ Tỉnh ủy.",
            i - 1
        );
        fs::write(dir.join(format!("{i:05}.txt")), letter(i, &body)).unwrap();
    }
}

/// Repro: `lineage` text output on a chain of N documents grew as N² (16,000:
/// 386 MB) and the recursive printer overflowed the stack from 25,000 (fewer
/// in a debug build, where frames are larger). Bytes of output at N and 8N:
/// a ratio of about 8, not 64, and no crash.
#[test]
fn lineage_text_grows_linearly_with_the_chain() {
    let (small, large) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    chain(small.path(), 1000);
    chain(large.path(), 8000);
    let size = |dir: &Path, last: &str| {
        let o = run(vanban(dir).args(["lineage", ".", "--up", "--of", last]));
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let out = text(&o.stdout);
        // The start, then one line per step: N - 1 letters and the
        // document the first one cites.
        assert_eq!(out.lines().count() as u32, last[..5].parse::<u32>().unwrap() + 1);
        out.len() as f64
    };
    let ratio = size(large.path(), "08000.txt") / size(small.path(), "01000.txt");
    assert!(
        ratio < 12.0,
        "output at 8N over N: {ratio:.1} (linear is 8, quadratic 64)"
    );
}

// ---------------------------------------------------------------------------
// 5. The graph builder's cost in one document's citations.

/// CPU time of this thread (other tests running beside this one do not
/// count, as they would in wall time).
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(r, 0, "clock_gettime");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The graph of one document citing `n` documents: (the document, a
/// function building its graph and returning the CPU time the build took).
#[cfg(unix)]
fn graph_build(n: u32) -> impl Fn() -> Duration {
    let body: String = (0..n).map(|i| citation(i + 2) + "; ").collect();
    let doc = vanban::parse(&letter(1, &body));
    // The cited documents, and the letter's own number (marked `self`).
    assert_eq!(doc.citations.iter().filter(|c| !c.is_self).count(), n as usize);
    move || {
        let t = thread_cpu_time();
        let mut b = vanban::graph::GraphBuilder::new();
        b.add(Path::new("a.txt"), &doc);
        let g = b.finish();
        let took = thread_cpu_time() - t;
        assert_eq!(g.edge_count(), n as usize);
        took
    }
}

/// Repro: the graph build was quadratic in one document's citations
/// (`add_edge_raw` scanned the document's edges for each new one): 40,000
/// citations 7 s, 320,000 (a 45 MB file) 637 s. CPU time at N and 8N (the
/// least of three builds each).
#[cfg(unix)]
#[test]
fn graph_build_is_linear_in_one_documents_citations() {
    let (small, large) = (graph_build(3000), graph_build(24000));
    let (mut s, mut l) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        s = s.min(small());
        l = l.min(large());
    }
    let ratio = l.as_secs_f64() / s.as_secs_f64().max(1e-6);
    assert!(
        ratio < 20.0,
        "build time at 8N over N: {ratio:.1} ({s:?}, {l:?}; linear is 8, quadratic 64)"
    );
}

// ---------------------------------------------------------------------------
// 6. `duplicate` findings with many copies.

/// Repro: each `duplicate` finding listed every other copy: 20,000 copies of
/// one letter gave 8.8 GB of output. Bytes at N and 8N copies.
#[test]
fn duplicate_findings_grow_linearly_with_the_copies() {
    let letter = fs::read_to_string(Path::new(SEEDS).join(F000)).unwrap();
    let size = |n: usize| {
        let dir = TempDir::new().unwrap();
        let docs = dir.path().join("docs");
        fs::create_dir(&docs).unwrap();
        for i in 0..n {
            fs::write(docs.join(format!("copy-{i:04}.txt")), &letter).unwrap();
        }
        fs::write(
            docs.join("vanban.toml"),
            "[severity]\nunresolved = \"off\"\nambiguous = \"off\"\n",
        )
        .unwrap();
        let o = run(vanban(dir.path()).args(["check", "--no-cache", "--format", "json", "docs"]));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["summary"]["by_code"]["duplicate"], n, "{}", text(&o.stderr));
        o.stdout.len() as f64
    };
    let ratio = size(240) / size(30);
    assert!(
        ratio < 12.0,
        "output at 8N over N copies: {ratio:.1} (linear is 8, quadratic 64)"
    );
}

// ---------------------------------------------------------------------------
// 7. Reads of the configuration and the baseline.

/// Repro: `--config /dev/zero` read 15 GB in 5 s; so did `--baseline` and
/// `baseline =`. Devices are refused, and files over the limit too.
#[test]
fn config_and_baseline_reads_are_capped() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    let refused = |args: &[&str], what: &str| {
        let t = Instant::now();
        let o = run(vanban(d).args(["check", "--no-cache"]).args(args).arg("docs"));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(text(&o.stderr).contains(what), "{args:?}: {}", text(&o.stderr));
        assert!(t.elapsed() < Duration::from_secs(60));
    };
    #[cfg(unix)]
    {
        refused(&["--config", "/dev/zero"], "character device");
        refused(&["--baseline", "/dev/zero"], "character device");
        fs::write(d.join("docs/vanban.toml"), "baseline = \"/dev/zero\"\n").unwrap();
        refused(&[], "character device");
        fs::remove_file(d.join("docs/vanban.toml")).unwrap();
    }
    // Sparse files: large, and cheap to make.
    let big = fs::File::create(d.join("big.toml")).unwrap();
    big.set_len(2 << 20).unwrap();
    refused(&["--config", "big.toml"], "too large");
    let big = fs::File::create(d.join("big.json")).unwrap();
    big.set_len(65 << 20).unwrap();
    refused(&["--baseline", "big.json"], "too large");
}

// ---------------------------------------------------------------------------
// 8. The cache is verified, cleaned and capped.

/// Set `citations` to `[]` in every cache entry under `dir`, keeping each
/// entry's first line when it has a header (a JSON entry is emptied whole).
fn tamper_cache(dir: &Path) -> usize {
    let mut n = 0;
    for rel in tree(dir) {
        let p = dir.join(&rel);
        if !(rel.ends_with(".entry") || rel.ends_with(".json")) || !p.is_file() {
            continue;
        }
        let raw = fs::read_to_string(&p).unwrap();
        let (head, json) = match raw.split_once('\n') {
            Some((h, j)) if !h.starts_with('{') => (format!("{h}\n"), j.to_string()),
            _ => (String::new(), raw.clone()),
        };
        let mut v: Value = serde_json::from_str(&json).unwrap();
        v["citations"] = Value::Array(Vec::new());
        fs::write(&p, head + &v.to_string()).unwrap();
        n += 1;
    }
    n
}

/// Repro: emptying `citations` in the cached entries turned `check --strict`
/// from exit 1 into 0 findings, exit 0. Entries are verified: an edited one
/// is parsed again. A cache written under another key (restored from
/// another machine) is not trusted either.
#[test]
fn tampered_cache_entries_are_not_trusted() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    let strict = |key: &str| {
        run(vanban(d)
            .env("VANBAN_CACHE_KEY", key)
            .args(["check", "--strict", "docs"]))
    };
    let first = strict("one");
    assert_eq!(first.status.code(), Some(1));
    assert!(tamper_cache(&d.join("docs/.vanban-cache")) >= 5);
    let again = strict("one");
    assert_eq!(again.status.code(), Some(1), "{}", summary(&again));
    assert_eq!(summary(&again), summary(&first));
    // Tampered, then read with another key: still not trusted.
    assert!(tamper_cache(&d.join("docs/.vanban-cache")) >= 5);
    let other = strict("two");
    assert_eq!(summary(&other), summary(&first));
}

/// Without `VANBAN_CACHE_KEY`, the key is made once per user, readable by
/// the user only, kept outside the cache, and used again: entries written by
/// one run verify in the next (their keyed hashes are the same), and a
/// broken key file is replaced.
#[cfg(unix)]
#[test]
fn cache_key_is_kept_per_user() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, home) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let d = dir.path();
    seeds(d);
    let run_with_user_key = || {
        let o = run(vanban(d)
            .env_remove("VANBAN_CACHE_KEY")
            .env("XDG_CACHE_HOME", home.path())
            .args(["check", "docs"]));
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let entries = entries_dir(&d.join("docs/.vanban-cache"));
        let mut heads: Vec<String> = tree(&entries)
            .iter()
            .map(|f| {
                text(&fs::read(entries.join(f)).unwrap())
                    .lines()
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        heads.sort();
        heads
    };
    let first = run_with_user_key();
    let key = home.path().join("vanban/cache-key");
    assert_eq!(fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    let kept = fs::read_to_string(&key).unwrap();
    assert_eq!(kept.len(), 64);
    assert_eq!(run_with_user_key(), first, "the same key signs the same entries");
    assert_eq!(fs::read_to_string(&key).unwrap(), kept);
    fs::write(&key, "half a ke").unwrap();
    let _ = run_with_user_key();
    let new = fs::read_to_string(&key).unwrap();
    assert!(new.len() == 64 && new != kept, "a broken key file is replaced");
    assert!(
        !tree(d).iter().any(|f| f.contains("cache-key")),
        "the key is not in the cache"
    );
}

/// The folder of the parser version's entries in a cache.
fn entries_dir(cache: &Path) -> PathBuf {
    fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .expect("a folder of entries")
}

/// Repro: temporary files were left behind after kills (8 after 5 kills).
/// A run cleans those of processes that are gone.
#[test]
fn cache_cleans_temporary_files_of_killed_runs() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    run(vanban(d).args(["check", "docs"]));
    let entries = entries_dir(&d.join("docs/.vanban-cache"));
    // What a run killed while writing leaves: its pid is gone (the largest
    // Linux pid), and the file is two hours old.
    let left = entries.join(".tmp-4194304-0");
    fs::write(&left, "half an entry").unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(7200);
    fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(old)
        .unwrap();
    run(vanban(d).args(["check", "docs"]));
    assert!(!left.exists(), "a killed run's temporary file is removed");
    assert_eq!(tree(&entries).len(), 5, "{:?}", tree(&entries));
}

/// Repro: old entries were never evicted. `--cache-max-size` caps them.
#[test]
fn cache_keeps_its_size_cap() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    let o = run(vanban(d).args(["check", "--cache-max-size", "20K", "docs"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let entries = entries_dir(&d.join("docs/.vanban-cache"));
    let size: u64 = tree(&entries)
        .iter()
        .map(|f| fs::metadata(entries.join(f)).unwrap().len())
        .sum();
    assert!(size <= 20 << 10, "{size} bytes of entries");
    assert!(!tree(&entries).is_empty());
}

/// Run `vanban args` in `dir` under `sh`, with files limited to `blocks`
/// blocks (`ulimit -f`; SIGXFSZ ignored, so a write past it fails with an
/// error as on a full disk).
#[cfg(unix)]
fn with_file_limit(dir: &Path, blocks: u32, args: &str) -> Output {
    let script = format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$VANBAN\" {args}");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("VANBAN", bin())
        .env("CI", "true")
        .env("VANBAN_CACHE_KEY", "reliability tests")
        .output()
        .unwrap()
}

/// Repro: on a full disk the cache left its temporary files (4,858) and
/// went on trying. A write that fails leaves nothing, and stops the writes.
#[cfg(unix)]
#[test]
fn full_disk_leaves_no_cache_temporaries() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    let o = with_file_limit(d, 2, "check docs");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let cache = d.join("docs/.vanban-cache");
    let left: Vec<String> = tree(&cache).into_iter().filter(|f| f.contains("tmp")).collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert!(summary(&o).contains("17 findings"), "{}", summary(&o));
}

// ---------------------------------------------------------------------------
// 9. `--write-baseline` is atomic.

/// Repro: on a full disk, the old baseline became a truncated file.
#[cfg(unix)]
#[test]
fn failed_baseline_write_keeps_the_old_baseline() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    let old = "{\n  \"version\": 1,\n  \"entries\": []\n}\n";
    fs::write(d.join("baseline.json"), old).unwrap();
    let o = with_file_limit(d, 2, "check --no-cache --write-baseline baseline.json docs");
    assert_eq!(o.status.code(), Some(2), "the write fails: {}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("cannot write the baseline"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(fs::read_to_string(d.join("baseline.json")).unwrap(), old);
    let top: Vec<String> = tree(d).into_iter().filter(|f| !f.contains('/')).collect();
    assert_eq!(top, ["baseline.json", "docs"], "no temporary file left");
    // Without the limit, it is written: one entry per fingerprint.
    let o = run(vanban(d).args(["check", "--no-cache", "--write-baseline", "baseline.json", "docs"]));
    assert_eq!(o.status.code(), Some(0));
    let b: Value = serde_json::from_str(&fs::read_to_string(d.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(b["entries"].as_array().unwrap().len(), fingerprints(d).len());
}

// ---------------------------------------------------------------------------
// 10. Writes into a folder.

/// Repro: `graph --format csv --output DIR` overwrote `nodes.csv` and
/// `edges.csv` silently, and followed a planted link (`DIR/nodes.csv ->
/// ../victim.txt` overwrote the victim).
#[cfg(unix)]
#[test]
fn graph_csv_output_needs_force_and_never_writes_through_links() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    fs::write(d.join("victim.txt"), "keep me\n").unwrap();
    fs::create_dir(d.join("out")).unwrap();
    std::os::unix::fs::symlink("../victim.txt", d.join("out/nodes.csv")).unwrap();
    let csv = |extra: &[&str]| {
        run(vanban(d)
            .args(["graph", "--format", "csv", "--output", "out"])
            .args(extra)
            .arg("docs"))
    };
    let o = csv(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not empty"), "{}", text(&o.stderr));
    let o = csv(&["--force"]);
    assert_eq!(o.status.code(), Some(2), "a link is not written through");
    assert!(text(&o.stderr).contains("symbolic link"), "{}", text(&o.stderr));
    assert_eq!(fs::read_to_string(d.join("victim.txt")).unwrap(), "keep me\n");
    fs::remove_file(d.join("out/nodes.csv")).unwrap();
    // An empty folder, then the same folder again with --force.
    let o = csv(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(fs::read_to_string(d.join("out/nodes.csv"))
        .unwrap()
        .starts_with("id,symbol"));
    assert_eq!(csv(&[]).status.code(), Some(2));
    assert_eq!(csv(&["--force"]).status.code(), Some(0));
    assert_eq!(tree(&d.join("out")), ["edges.csv", "nodes.csv"]);
}

// ---------------------------------------------------------------------------
// 11. Symbolic links out of the corpus.

/// Repro: `docs/outside -> /usr/share` made `check` read and print lines of
/// 1,008 files outside the repository. A link out is reported, not read,
/// unless `--follow-links`.
#[cfg(unix)]
#[test]
fn links_out_of_the_corpus_are_reported_not_followed() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    fs::create_dir(d.join("outside")).unwrap();
    fs::write(d.join("outside/secret.txt"), letter(77, &citation(78))).unwrap();
    std::os::unix::fs::symlink("../outside", d.join("docs/outside")).unwrap();
    let o = run(vanban(d).args(["check", "--no-cache", "docs"]));
    let out = text(&o.stdout);
    assert!(!out.contains("secret.txt") && !out.contains("78-CV/TU"), "{out}");
    assert!(
        out.contains("docs/outside") && out.contains("symbolic link out of the folders given"),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1), "a file not read is an error");
    let o = run(vanban(d).args(["check", "--no-cache", "--follow-links", "docs"]));
    assert!(text(&o.stdout).contains("78-CV/TU"));
    // The other commands too.
    let o = run(vanban(d).args(["parse", "docs"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("symbolic link out of the folders given"));
    assert!(!text(&o.stdout).contains("77-CV/TU"));
    let o = run(vanban(d).args(["parse", "--follow-links", "docs"]));
    assert!(text(&o.stdout).contains("77-CV/TU"));
}

// ---------------------------------------------------------------------------
// 12. GraphML with control characters.

/// Is `c` a character XML 1.0 allows?
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Repro: a C0 control character in a file name or in a document's text
/// was written raw into GraphML (not well-formed XML).
#[cfg(unix)]
#[test]
fn graphml_stays_well_formed() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("docs")).unwrap();
    let body = "Thực hiện Công văn số 9-CV/TU, ngày 26/11/2021 của Ban Thường vụ\u{1} Tỉnh ủy.";
    fs::write(d.join("docs/a\u{1}b.txt"), letter(8, body)).unwrap();
    let o = run(vanban(d).args(["graph", "--format", "graphml", "docs"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let xml = String::from_utf8(o.stdout).unwrap();
    let bad: Vec<char> = xml.chars().filter(|&c| !xml_char(c)).collect();
    assert!(bad.is_empty(), "characters XML 1.0 forbids: {bad:?}");
    assert!(xml.contains("a\\x01b.txt"), "the name is still told");
}

// ---------------------------------------------------------------------------
// 13. Escape sequences reach no terminal.

/// Repro: escape sequences in document text or file names (clear screen,
/// set title, OSC 52 clipboard write) reached the terminal raw in `parse`
/// text, `check` human and `symbol` text output.
#[cfg(unix)]
#[test]
fn terminal_output_escapes_control_characters() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("docs")).unwrap();
    let body = format!(
        "V/v \u{1b}]0;title\u{7} thi đua\n\u{1b}]52;c;aGk=\u{7}{}.\u{1b}[2J",
        citation(12)
    );
    fs::write(d.join("docs/evil\u{1b}[2J.txt"), letter(11, &body)).unwrap();
    let outputs = [
        run(vanban(d).args(["parse", "docs"])),
        run(vanban(d).args(["check", "--no-cache", "docs"])),
        run(vanban(d).args(["check", "--no-cache", "--format", "github", "docs"])),
        run(vanban(d).args(["symbol", "--format", "text", "12\u{1b}[2J/QĐ"])),
        run(vanban(d)
            .args(["symbol", "--format", "text"])
            .write_stdin("12\u{1b}]52;c;aGk=\u{7}/QĐ\n")),
        run(vanban(d).args(["lineage", "docs", "--up", "--of", "docs/evil\u{1b}[2J.txt"])),
    ];
    for (i, o) in outputs.iter().enumerate() {
        let all = [o.stdout.as_slice(), o.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "output {i}: {}",
            text(&all)
        );
        assert!(
            text(&all).contains("\\x1b"),
            "output {i} shows the escape: {}",
            text(&all)
        );
    }
    // The cited line is still shown and marked.
    assert!(text(&outputs[1].stdout).contains("\\x1b]52;c;aGk=\\x07Thực hiện Công văn số 12-CV/TU"));
}

// ---------------------------------------------------------------------------
// 14. Lone CR line endings.

/// Repro: in a text with lone CR line endings, every citation was at line 1
/// (and a `check` finding kept the whole file as its line).
#[test]
fn lone_cr_ends_a_line() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("docs")).unwrap();
    let body = format!("Kính gửi: Các sở, ban, ngành.\n{}.\n", citation(13));
    let crlf = letter(12, &body);
    let expected_line = crlf.lines().position(|l| l.contains("13-CV/TU")).unwrap() + 1;
    fs::write(d.join("docs/cr.txt"), crlf.replace('\n', "\r")).unwrap();
    let o = run(vanban(d).args(["parse", "--format", "json", "docs/cr.txt"]));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    // (The first citation not the letter's own number.)
    let cited = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["self"] == false)
        .unwrap();
    assert_eq!(cited["line"], expected_line);
    let o = run(vanban(d).args(["check", "--no-cache", "--format", "json", "docs"]));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(
        (f["line"].clone(), f["column"].clone()),
        (Value::from(expected_line), Value::from(11))
    );
}

// ---------------------------------------------------------------------------
// 15. `--lossy` spans.

/// Repro: with `--lossy`, spans pointed into the repaired text, not into the
/// original bytes as every span does (3 of 30 fell out of range or inside a
/// character).
#[test]
fn lossy_spans_point_into_the_original_bytes() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let cites = [citation(21), citation(22), citation(23)];
    let mut bytes = letter(20, "").into_bytes();
    for (i, c) in cites.iter().enumerate() {
        // A lone byte, a cut sequence, a bad lead byte: each replaced by a
        // three-byte U+FFFD in the repaired text.
        bytes.extend_from_slice([&b"\xff"[..], b"\xe1\xbb", b"\xc3\x28"][i]);
        bytes.extend_from_slice(format!(" {c}.\n").as_bytes());
    }
    fs::write(d.join("bad.txt"), &bytes).unwrap();
    let o = run(vanban(d).args(["parse", "--lossy", "--format", "json", "bad.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let spans: Vec<(usize, usize)> = v["citations"]
        .as_array()
        .unwrap()
        .iter()
        // (Not the letter's own number.)
        .filter(|c| c["self"] == false)
        .map(|c| {
            (
                c["span"][0].as_u64().unwrap() as usize,
                c["span"][1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(spans.len(), 3);
    for (c, (s, e)) in cites.iter().zip(spans) {
        let cited = c.strip_prefix("Thực hiện ").unwrap();
        // Where the citation is in the original bytes, found by search.
        let at = bytes.windows(cited.len()).position(|w| w == cited.as_bytes()).unwrap();
        assert_eq!((s, e), (at, at + cited.len()), "{cited}");
    }
    let diag = &v["diagnostics"][0];
    assert_eq!(diag["code"], "invalid-utf8");
    assert!(diag["message"].as_str().unwrap().contains("original bytes"));
}

// ---------------------------------------------------------------------------
// 16. The rest.

/// Repro: `symbol` on stdin stopped at a line that is not UTF-8 (exit 2),
/// losing the lines after it.
#[test]
fn symbol_stdin_goes_on_after_a_bad_line() {
    let dir = TempDir::new().unwrap();
    let mut input = b"698-CV/TU\n12\xff/Q\xc4\x90\r\n".to_vec();
    input.extend_from_slice("30/2020/NĐ-CP\n".as_bytes());
    let o = run(vanban(dir.path()).arg("symbol").write_stdin(input));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let lines: Vec<Value> = text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["symbol"], "698-CV/TU");
    assert_eq!(lines[1]["diagnostics"][0]["code"], "invalid-utf8");
    assert_eq!(lines[1]["diagnostics"][0]["span"], serde_json::json!([2, 3]));
    assert_eq!(lines[2]["symbol"], "30/2020/NĐ-CP");
}

/// Repro: a FIFO given explicitly waited forever; `/dev/zero` was said to be
/// "4362076161 bytes" (the cap of the drain, not its size).
#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let fifo = d.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    for (path, what) in [(fifo.to_str().unwrap(), "FIFO"), ("/dev/zero", "character device")] {
        let t = Instant::now();
        let o = run(vanban(d).args(["parse", path]));
        assert_eq!(o.status.code(), Some(2));
        assert!(text(&o.stderr).contains(what), "{}", text(&o.stderr));
        assert!(!text(&o.stderr).contains("4362076161"));
        assert!(t.elapsed() < Duration::from_secs(60));
        let o = run(vanban(d).args(["check", "--no-cache", path]));
        assert_eq!(o.status.code(), Some(1), "an unreadable finding");
        assert!(text(&o.stdout).contains(what), "{}", text(&o.stdout));
    }
}

/// Repro: a file name that is not UTF-8 came out with U+FFFD in JSON and
/// SARIF (the file could not be traced: JSON failed outright), and a
/// backslash in a name became `/` in the SARIF URI.
#[cfg(unix)]
#[test]
fn file_names_are_traceable_in_json_and_sarif() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let docs = d.join("docs");
    fs::create_dir(&docs).unwrap();
    let bad = std::ffi::OsStr::from_bytes(b"bad\xffname.txt");
    fs::write(docs.join(bad), letter(31, &citation(32))).unwrap();
    fs::write(docs.join("back\\slash.txt"), letter(33, &citation(34))).unwrap();
    let o = run(vanban(d).args(["check", "--no-cache", "--format", "json", "docs"]));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let raw: Vec<Vec<u8>> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.get("path_bytes"))
        .map(|b| {
            b.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as u8)
                .collect()
        })
        .collect();
    assert_eq!(raw, [b"docs/bad\xffname.txt".to_vec()]);
    let o = run(vanban(d).args(["check", "--no-cache", "--format", "sarif", "docs"]));
    let sarif = text(&o.stdout);
    assert!(sarif.contains("\"uri\": \"docs/bad%FFname.txt\""), "{sarif}");
    assert!(sarif.contains("\"uri\": \"docs/back%5Cslash.txt\""), "{sarif}");
    let o = run(vanban(d).args(["check", "--no-cache", "docs"]));
    assert!(
        text(&o.stdout).contains("docs/bad\\xffname.txt:4:11"),
        "{}",
        text(&o.stdout)
    );
}

/// Repro: a baseline with `version: 99` was accepted, and its stale entries
/// went unsaid.
#[test]
fn baselines_of_other_versions_refused_and_stale_entries_said() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    seeds(d);
    fs::write(d.join("b99.json"), "{\"version\": 99, \"entries\": []}").unwrap();
    let o = run(vanban(d).args(["check", "--no-cache", "--baseline", "b99.json", "docs"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("expected version 1, found version 99"),
        "{}",
        text(&o.stderr)
    );
    // A baseline of today's findings, then one of its files fixed: what the
    // baseline has that no finding of today uses is said to be stale.
    let before = fingerprints(d);
    let o = run(vanban(d).args(["check", "--no-cache", "--write-baseline", "b.json", "docs"]));
    assert_eq!(o.status.code(), Some(0));
    fs::remove_file(d.join("docs").join(F000)).unwrap();
    let mut stale = before;
    for f in fingerprints(d).into_iter().flat_map(|(f, n)| std::iter::repeat_n(f, n)) {
        if let Some(n) = stale.get_mut(&f).filter(|n| **n > 0) {
            *n -= 1;
        }
    }
    stale.retain(|_, n| *n > 0);
    assert!(stale.len() >= 2, "{stale:?}");
    let o = run(vanban(d).args(["check", "--no-cache", "--baseline", "b.json", "docs"]));
    assert_eq!(o.status.code(), Some(0));
    let said = format!(
        "{} baseline entries ({} findings) matched no finding",
        stale.len(),
        stale.values().sum::<usize>()
    );
    assert!(text(&o.stderr).contains(&said), "{said}: {}", text(&o.stderr));
}

/// The fingerprints of the findings of `check --format json` on `dir/docs`,
/// with how many findings have each.
fn fingerprints(dir: &Path) -> std::collections::BTreeMap<String, usize> {
    let o = run(vanban(dir).args(["check", "--no-cache", "--format", "json", "docs"]));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for f in v["findings"].as_array().unwrap() {
        *out.entry(f["fingerprint"].as_str().unwrap().to_string()).or_default() += 1;
    }
    out
}
