//! Pass 2 of the check that streams keeps no document: its peak of live
//! heap, measured by a counting allocator, is the same for a corpus of 20
//! letters and for one of 80 (the documents are parsed, checked and dropped
//! a chunk at a time, and the findings go to the sink), while the check that
//! keeps the corpus in memory grows with it (which shows the measure sees
//! documents that are kept).
//!
//! And the index pass 1 keeps is the same for letters four times as long.
//!
//! One test in this binary, so no other test allocates while it measures.

mod common;

use std::path::Path;
use std::sync::atomic::Ordering::SeqCst;

use common::{peak_of, Counting, LIVE};
use vanban::check::{self, CheckConfig, Checker};
use vanban::{Corpus, CorpusOptions};

#[global_allocator]
static ALLOC: Counting = Counting;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

/// `n` letters of about `kb` kB in `dir`: a header of their own (one number
/// each), then the five seeds as body, repeated (their citations make
/// findings).
fn letters(dir: &Path, n: usize, kb: usize) -> usize {
    let mut body = String::new();
    let mut seeds: Vec<_> = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    while body.len() < kb * 1000 {
        for p in &seeds {
            body.push_str(&std::fs::read_to_string(p).unwrap());
            body.push_str("\n\n");
        }
    }
    let mut bytes = 0;
    for i in 0..n {
        let text = format!(
            "TỈNH ỦY BÌNH THUẬN\n\nSố {}-CV/TU\n\nBình Thuận, ngày 01 tháng 03 năm 2023\n\n{body}",
            1000 + i
        );
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:03}.txt")), text).unwrap();
    }
    bytes
}

/// Peak live heap of pass 2 over `dir` (the index is built first and not
/// counted), and the number of findings.
fn pass_two_peak(dir: &Path) -> (usize, usize) {
    let (files, problems) = vanban::walk(&[dir], &CorpusOptions::default());
    let config = CheckConfig::default();
    // About two letters per chunk.
    let checker = Checker::new(&config).chunk_bytes(200_000);
    let index = checker.index(files, problems);
    let mut findings = 0;
    let (peak, done) = peak_of(|| {
        checker.findings(&index, &mut |_f| {
            findings += 1;
            Ok(())
        })
    });
    done.unwrap();
    (peak, findings)
}

/// Live heap kept by the index (pass 1) of `dir`.
fn index_kept(dir: &Path) -> usize {
    let (files, problems) = vanban::walk(&[dir], &CorpusOptions::default());
    let config = CheckConfig::default();
    // `parse` keeps, on each thread, the allocation of the largest text it
    // has normalized (bounded by the document size limit, not by the
    // corpus): let every thread hold it before measuring what the index
    // keeps.
    let largest = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .max_by_key(String::len)
        .unwrap();
    rayon::broadcast(|_| vanban::parse(&format!("*{largest}")));
    let base = LIVE.load(SeqCst);
    let index = Checker::new(&config).index(files, problems);
    let kept = LIVE.load(SeqCst).saturating_sub(base);
    assert_eq!(index.documents(), 20);
    kept
}

/// Peak live heap of the check that keeps the corpus.
fn in_memory_peak(dir: &Path) -> (usize, usize) {
    let config = CheckConfig::default();
    let (peak, report) = peak_of(|| {
        let corpus = Corpus::from_paths(&[dir], &CorpusOptions::default());
        let graph = corpus.graph();
        check::check(&corpus, &graph, &config)
    });
    (peak, report.findings.len())
}

#[test]
fn pass_two_does_not_keep_documents() {
    let small = tempfile::tempdir().unwrap();
    let large = tempfile::tempdir().unwrap();
    letters(small.path(), 20, 100);
    let text = letters(large.path(), 80, 100);

    let (s, s_found) = pass_two_peak(small.path());
    let (l, l_found) = pass_two_peak(large.path());
    // The letters have findings, four times as many in the large corpus.
    assert!(s_found >= 20 && l_found == 4 * s_found, "{s_found} {l_found}");
    // Four times the documents, the same peak (within scheduling noise).
    assert!(
        l < s + s / 2 + (256 << 10),
        "pass 2 peak: {s} bytes for 20 letters, {l} for 80"
    );
    // Far below the text it read.
    assert!(l < text / 4, "pass 2 peak: {l} bytes for {text} bytes of text");

    // The measure sees documents that are kept: the in-memory check's peak
    // grows with the corpus.
    let (ms, ms_found) = in_memory_peak(small.path());
    let (ml, ml_found) = in_memory_peak(large.path());
    assert_eq!((ms_found, ml_found), (s_found, l_found));
    assert!(
        ml > 5 * ms / 2,
        "in-memory peak: {ms} bytes for 20 letters, {ml} for 80"
    );
    assert!(ml > 2 * l, "in-memory {ml}, pass 2 {l}");

    // Pass 1 keeps the same index for 20 letters of 100 kB as for 20
    // letters of 400 kB: it follows the documents, not their text.
    let long = tempfile::tempdir().unwrap();
    letters(long.path(), 20, 400);
    let (short, long) = (index_kept(small.path()), index_kept(long.path()));
    assert!(
        long < short + short / 5,
        "index: {short} bytes for 20 letters of 100 kB, {long} of 400 kB"
    );
}
