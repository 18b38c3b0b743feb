//! Citation accuracy on every hand-read gold set: the letters
//! (`../shared/corpus/letters`) and `tests/gold/citations/{docs,gazette,
//! fixtures}`, counted as `../shared/corpus/letters/score.py` counts (see
//! `tests/common_accuracy/mod.rs`). Texts that are absent are skipped, and
//! said so.
//!
//! ```text
//! cargo run --release --example citation_accuracy              # the figures
//! cargo run --release --example citation_accuracy -- --verbose # and every miss, extra, wrong date and relation
//! ```

#[path = "../tests/common_accuracy/mod.rs"]
mod common_accuracy;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    println!(
        "{:<16} {:>6} {:>6} {:>8} {:>10} {:>8} {:>11} {:>10} {:>8}",
        "set", "files", "gold", "matched", "precision", "recall", "dates right", "relations", "agents"
    );
    for (name, files) in common_accuracy::gold_sets() {
        let f = common_accuracy::score(name, &files);
        println!(
            "{:<16} {:>6} {:>6} {:>8} {:>9.1}% {:>7.1}% {:>10.1}% {:>9.1}% {:>7.1}%",
            name,
            f.files,
            f.gold,
            f.matched,
            f.precision(),
            f.recall(),
            f.dates(),
            f.relations(),
            f.agents()
        );
        if f.skipped > 0 {
            println!("          ({} texts absent, skipped)", f.skipped);
        }
        if verbose {
            for d in &f.details {
                println!("    {d}");
            }
        }
    }
}
