//! Parse benchmarks (criterion, `Throughput::Bytes`), each asserting its
//! result inside the loop against a count computed once before:
//!
//! - `normalize/{fixtures,corpus}`: [`vanban::normalize::normalize`];
//! - `parse/{fixtures,corpus}`: whole-document [`vanban::parse`] (structure
//!   and citations), the number of citations asserted;
//! - `symbol/symbols.jsonl`: `Symbol::from_str` per item
//!   (`Throughput::Elements`), the number read asserted;
//! - `linear/{one-document,separate-documents}`: one large document made of
//!   real documents concatenated, against the same bytes parsed as separate
//!   documents.
//!
//! Under `cargo bench` (not in `cargo test --benches`) two reports are
//! printed first: the linear-cost ratio (best of 3, one document vs the same
//! bytes as separate documents) and the comparison with a plain Python `re`
//! script (`benches/python_re_baseline.py`) over the same corpus.
//!
//! Environment: `VANBAN_BENCH_LINEAR_MB` (default 50) sizes the linear
//! bench; `VANBAN_BENCH_NO_PYTHON=1` skips the Python comparison.
//!
//! ```text
//! cargo bench --bench parse                      # everything, a few minutes
//! VANBAN_BENCH_LINEAR_MB=10 cargo bench --bench parse -- linear
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion, Throughput};
use vanban::Symbol;

const MB: f64 = 1_000_000.0;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    root().join("../shared/corpus/docs")
}

/// Every file of a folder, sorted by name (none if the folder is missing).
fn read_dir_texts(dir: &Path, ext: Option<&str>) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        eprintln!("note: {} not found: benches on it skipped", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && ext.iter().all(|x| p.extension().is_some_and(|e| e == *x)))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect()
}

fn fixtures() -> Vec<String> {
    read_dir_texts(&root().join("fixtures"), Some("txt"))
}

fn corpus() -> Vec<String> {
    read_dir_texts(&corpus_dir(), None)
}

fn symbols() -> Vec<String> {
    let path = root().join("../shared/corpus/symbols.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["number"].as_str().map(str::to_string))
        .collect()
}

fn bytes(docs: &[String]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

fn citations(docs: &[String]) -> usize {
    docs.iter().map(|d| vanban::parse(d).citations.len()).sum()
}

fn normalized_len(docs: &[String]) -> usize {
    docs.iter().map(|d| vanban::normalize::normalize(d).text().len()).sum()
}

fn bench_normalize(c: &mut Criterion) {
    let mut g = c.benchmark_group("normalize");
    for (name, docs) in [("fixtures", fixtures()), ("corpus", corpus())] {
        if docs.is_empty() {
            continue;
        }
        let expected = normalized_len(&docs);
        g.throughput(Throughput::Bytes(bytes(&docs)));
        g.bench_function(name, |b| {
            b.iter(|| {
                let n = normalized_len(black_box(&docs));
                assert_eq!(n, expected);
            })
        });
    }
    g.finish();
}

fn bench_parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (name, docs) in [("fixtures", fixtures()), ("corpus", corpus())] {
        if docs.is_empty() {
            continue;
        }
        let expected = citations(&docs);
        g.throughput(Throughput::Bytes(bytes(&docs)));
        g.bench_function(name, |b| {
            b.iter(|| {
                let n = citations(black_box(&docs));
                assert_eq!(n, expected);
            })
        });
    }
    g.finish();
}

/// The structure stage alone and the citation stage alone (each normalizes
/// first), to see where the time of a whole parse goes.
fn bench_stages(c: &mut Criterion) {
    let docs = corpus();
    if docs.is_empty() {
        return;
    }
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    let recipients = |docs: &[String]| -> usize {
        docs.iter()
            .map(|d| {
                let doc = vanban::stages::structure(d);
                doc.recipients.len() + doc.distribution.len() + usize::from(doc.symbol.is_some())
            })
            .sum()
    };
    let expected = recipients(&docs);
    g.bench_function("structure/corpus", |b| {
        b.iter(|| assert_eq!(recipients(black_box(&docs)), expected))
    });
    let cites = |docs: &[String]| -> usize { docs.iter().map(|d| vanban::stages::citations(d).citations.len()).sum() };
    let expected = cites(&docs);
    g.bench_function("citations/corpus", |b| {
        b.iter(|| assert_eq!(cites(black_box(&docs)), expected))
    });
    g.finish();
}

fn symbols_read(items: &[String]) -> usize {
    items.iter().filter(|s| s.parse::<Symbol>().is_ok()).count()
}

fn bench_symbol(c: &mut Criterion) {
    let items = symbols();
    if items.is_empty() {
        return;
    }
    let expected = symbols_read(&items);
    let mut g = c.benchmark_group("symbol");
    g.throughput(Throughput::Elements(items.len() as u64));
    g.bench_function("symbols.jsonl", |b| {
        b.iter(|| {
            let n = symbols_read(black_box(&items));
            assert_eq!(n, expected);
        })
    });
    g.finish();
}

/// Real documents (corpus, else fixtures) repeated until `target` bytes:
/// the list of documents, and the same bytes joined as one document.
fn linear_inputs(target: usize) -> (Vec<String>, String) {
    let mut base = corpus();
    if base.is_empty() {
        base = fixtures();
    }
    let mut docs = Vec::new();
    let mut total = 0;
    'fill: loop {
        for d in &base {
            if total >= target {
                break 'fill;
            }
            total += d.len() + 2;
            docs.push(d.clone());
        }
    }
    let one = docs.join("\n\n");
    (docs, one)
}

/// Set under `cargo bench`; `cargo test --benches` runs each bench once, on
/// a small linear input.
static BENCH_MODE: AtomicBool = AtomicBool::new(false);

fn linear_mb() -> usize {
    let default = if BENCH_MODE.load(Ordering::Relaxed) { 50 } else { 1 };
    std::env::var("VANBAN_BENCH_LINEAR_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn bench_linear(c: &mut Criterion) {
    let (docs, one) = linear_inputs(linear_mb() * 1_000_000);
    let mut g = c.benchmark_group("linear");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(one.len() as u64));
    let expected_one = vanban::parse(&one).citations.len();
    g.bench_function("one-document", |b| {
        b.iter(|| {
            let n = vanban::parse(black_box(&one)).citations.len();
            assert_eq!(n, expected_one);
        })
    });
    let expected_docs = citations(&docs);
    g.bench_function("separate-documents", |b| {
        b.iter(|| {
            let n = citations(black_box(&docs));
            assert_eq!(n, expected_docs);
        })
    });
    g.finish();
}

/// Best of `n` wall-clock timings of `f`.
fn best_of(n: usize, mut f: impl FnMut()) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// The linear-cost target: one large document parses at no less than 80% of
/// the throughput of the same bytes as separate documents.
fn report_linear() {
    let mb = linear_mb();
    let (docs, one) = linear_inputs(mb * 1_000_000);
    let size = one.len() as f64;
    let t_one = best_of(3, || {
        black_box(vanban::parse(black_box(&one)));
    });
    let t_docs = best_of(3, || {
        for d in &docs {
            black_box(vanban::parse(black_box(d)));
        }
    });
    let (mbs_one, mbs_docs) = (size / MB / t_one.as_secs_f64(), size / MB / t_docs.as_secs_f64());
    println!(
        "linear cost ({:.1} MB, {} documents): one document {mbs_one:.1} MB/s, separate {mbs_docs:.1} MB/s, \
         ratio {:.2} (target >= 0.80)",
        size / MB,
        docs.len(),
        mbs_one / mbs_docs
    );
}

/// Compare with the plain Python `re` script over the same corpus.
fn report_python() {
    if std::env::var_os("VANBAN_BENCH_NO_PYTHON").is_some() {
        return;
    }
    let docs = corpus();
    if docs.is_empty() {
        return;
    }
    let script = root().join("benches/python_re_baseline.py");
    let out = match std::process::Command::new("python3")
        .arg(&script)
        .arg(corpus_dir())
        .arg("3")
        .output()
    {
        Ok(o) if o.status.success() => o,
        Ok(o) => {
            eprintln!("note: python baseline failed: {}", String::from_utf8_lossy(&o.stderr));
            return;
        }
        Err(e) => {
            eprintln!("note: python3 not available ({e}): comparison skipped");
            return;
        }
    };
    let v: serde_json::Value = match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("note: python baseline printed no JSON: {e}");
            return;
        }
    };
    let size = bytes(&docs) as f64;
    let mut found = 0;
    let t = best_of(3, || {
        found = citations(black_box(&docs));
    });
    let rust = size / MB / t.as_secs_f64();
    let py = v["mb_per_s"].as_f64().unwrap_or(f64::NAN);
    println!(
        "python re baseline ({:.1} MB corpus): python {py:.1} MB/s ({} matches), vanban parse {rust:.1} MB/s \
         ({found} citations), vanban/python {:.1}x",
        size / MB,
        v["matches"],
        rust / py
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = bench_normalize, bench_parse, bench_stages, bench_symbol, bench_linear
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs each bench
    // once as a test and skips the reports.
    let args: Vec<String> = std::env::args().collect();
    let bench_mode = args.iter().any(|a| a == "--bench");
    BENCH_MODE.store(bench_mode, Ordering::Relaxed);
    // A name filter (`cargo bench --bench parse -- linear`) also selects the
    // reports: `linear` the ratio, `python` the comparison.
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-'));
    if bench_mode && filter.iter().all(|f| f.contains("linear")) {
        report_linear();
    }
    if bench_mode && filter.iter().all(|f| f.contains("python")) {
        report_python();
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
