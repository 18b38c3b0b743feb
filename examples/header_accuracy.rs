//! Per-field accuracy of the document's own header against the hand-read
//! gold (`tests/gold/headers.jsonl`, format and foldings in
//! `tests/gold/README.md`), the same on the held-out gold
//! (`tests/gold/holdout/headers.jsonl`: documents the header grammar was not
//! written against), and the share of gazette texts whose own number
//! agrees with `../shared/corpus/gazette/meta.jsonl`.
//!
//! Rows whose file is absent and keys a row marks `ambiguous` are skipped.
//!
//! ```text
//! cargo run --release --example header_accuracy              # the figures
//! cargo run --release --example header_accuracy -- --verbose # and every miss
//! ```

#[path = "../tests/common_gold/mod.rs"]
mod common_gold;

fn main() {
    let verbose = std::env::args().skip(1).any(|a| a == "--verbose" || a == "-v");
    for (name, path) in [
        ("header gold", common_gold::gold_path()),
        ("held-out header gold", common_gold::holdout_path()),
    ] {
        report(name, &path, verbose);
    }
    match common_gold::gazette_agreement() {
        None => println!("no gazette corpus at ../shared/corpus/gazette: its figure skipped"),
        Some((ok, total, misses)) => {
            println!(
                "gazette: own number agrees with meta.jsonl (folded) in {ok}/{total} = {:.1}% of the texts that print it",
                100.0 * ok as f64 / total.max(1) as f64
            );
            for (file, meta, read) in &misses {
                println!(
                    "  {file}: meta {meta} | read {}",
                    if read.is_empty() { "-" } else { read }
                );
            }
        }
    }
}

/// Print the per-field figures of one gold file.
fn report(name: &str, path: &std::path::Path, verbose: bool) {
    match common_gold::score_file(path) {
        None => println!("no gold at {}: nothing to score", path.display()),
        Some(report) => {
            println!(
                "{name}: {} rows scored ({} skipped: file absent)",
                report.rows,
                report.absent.len()
            );
            for (field, ok, n) in &report.fields {
                let rate = if *n == 0 { 100.0 } else { 100.0 * *ok as f64 / *n as f64 };
                println!("  {field:<14} {ok:>4}/{n:<4} {rate:6.1}%");
            }
            if verbose {
                for p in &report.absent {
                    println!("absent: {p}");
                }
                for m in &report.misses {
                    println!(
                        "miss {:<13} {}\n    gold {}\n    read {}",
                        m.field, m.path, m.gold, m.got
                    );
                }
            }
        }
    }
}
