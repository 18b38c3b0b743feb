//! Parses every file of a folder (default `../shared/corpus/docs`) a
//! number of times, read as `benches/parse.rs` reads them, and prints the
//! citations found. It is for counting instructions the way the
//! `parse/corpus` bench sees them: run under callgrind with one pass and
//! with two, the difference is the cost of a pass once every one-time
//! set-up (lazily built automata, caches) is done:
//!
//! ```text
//! cargo build --release --example parse_passes
//! valgrind --tool=callgrind target/release/examples/parse_passes 1
//! valgrind --tool=callgrind target/release/examples/parse_passes 2
//! ```
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = match args.next().map(|s| s.parse()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("error: expected a number of passes: {e}");
            std::process::exit(2);
        }
    };
    let dir = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docs"),
        PathBuf::from,
    );
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => {
            eprintln!("error: {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let mut citations = 0;
    for _ in 0..passes {
        for d in &docs {
            citations += vanban::parse(d).citations.len();
        }
    }
    println!("{} documents, {passes} passes, {citations} citations", docs.len());
}
