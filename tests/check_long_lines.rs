//! `check` memory stays flat in line length (issue #17, item 2). Repro: each
//! finding copied its whole source line, so memory grew as findings × line
//! length: 5,000 citations on one line (474 KB) took 2.6 GB, a 2 MB text
//! with lone-CR line endings (one line, then) 22.7 GB.
//!
//! A file with N citations on one line, and one with 8N: the peak of live
//! heap of pass 2 (a counting allocator measures it) grows about 8 times
//! (the text, the document and the findings each grow 8 times), not 64.
//! The same with the lines ended by lone CRs (short lines, as they are).
//!
//! One test in this binary, so no other test allocates while it measures.

mod common;

use std::path::Path;

use common::{peak_of, Counting};
use vanban::check::{CheckConfig, Checker};
use vanban::CorpusOptions;

#[global_allocator]
static ALLOC: Counting = Counting;

/// A letter whose body is `n` citations of documents missing from the
/// corpus (each an `unresolved` finding), joined by `sep`.
fn write_letter(dir: &Path, n: usize, sep: &str) {
    let body: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "Thực hiện Công văn số {}-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy;",
                i + 2
            )
        })
        .collect();
    let text = format!(
        "TỈNH ỦY BÌNH THUẬN\nSố 1-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n{}\n",
        body.join(sep)
    );
    std::fs::write(dir.join("a.txt"), text).unwrap();
}

/// Peak live heap of pass 2 of `check` on `dir`, and its findings.
fn pass_two_peak(dir: &Path) -> (usize, usize) {
    let (files, problems) = vanban::walk(&[dir], &CorpusOptions::default());
    let config = CheckConfig::default();
    let checker = Checker::new(&config);
    let index = checker.index(files, problems);
    let mut findings = 0;
    let (peak, done) = peak_of(|| {
        checker.findings(&index, &mut |f| {
            // What it keeps of the line: a window, not the line.
            assert!(f.source.is_some_and(|s| s.text.len() < 1000));
            findings += 1;
            Ok(())
        })
    });
    done.unwrap();
    (peak, findings)
}

#[test]
fn check_memory_is_flat_in_line_length() {
    const N: usize = 200;
    for sep in [" ", "\r"] {
        let (small, large) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write_letter(small.path(), N, sep);
        write_letter(large.path(), 8 * N, sep);
        // Once to warm up what the parser keeps per thread (its largest text).
        pass_two_peak(large.path());
        let (s, s_found) = pass_two_peak(small.path());
        let (l, l_found) = pass_two_peak(large.path());
        assert_eq!((s_found, l_found), (N, 8 * N), "one finding per citation");
        let ratio = l as f64 / s as f64;
        eprintln!("separator {sep:?}: pass 2 peak {s} bytes at N, {l} at 8N: {ratio:.1}");
        assert!(
            ratio < 16.0,
            "separator {sep:?}: pass 2 peak {s} bytes at N, {l} at 8N: ratio {ratio:.1} (linear 8, quadratic 64)"
        );
    }
}
