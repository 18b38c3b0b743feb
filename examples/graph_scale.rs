//! Build and resolve the citation graph of a synthetic national-scale corpus
//! (default 1,000,000 documents × 5 citations) and report the time spent in
//! the graph builder and the peak memory of the process.
//!
//! ```text
//! cargo run --release --example graph_scale -- [DOCUMENTS] [CITATIONS_PER_DOC]
//! ```

#[path = "../benches/common/synth.rs"]
mod synth;

use std::time::{Duration, Instant};

// The allocator the `vanban` binary uses.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let docs: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let per: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let symbols = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/symbols.jsonl");
    let synth = synth::Synth::new(Some(&symbols), docs, per);
    eprintln!(
        "generating {docs} documents × {per} citations ({} real provincial shapes, {} provinces)",
        synth.local_shapes.len(),
        synth::PROVINCES.len()
    );
    let mut builder = vanban::graph::GraphBuilder::with_capacity(docs as usize * 6 / 5, docs as usize * per);
    let mut in_builder = Duration::ZERO;
    let wall = Instant::now();
    // Generated and added in batches of 10,000 documents: the identity work of
    // a batch runs on all cores, insertion in order.
    let mut i = 0;
    while i < docs {
        let end = (i + 10_000).min(docs);
        let batch: Vec<_> = (i..end).map(|k| synth.document(k)).collect();
        let t = Instant::now();
        builder.add_batch(&batch);
        in_builder += t.elapsed();
        i = end;
    }
    let t = Instant::now();
    let graph = builder.finish();
    in_builder += t.elapsed();
    let s = graph.stats();
    println!(
        "documents {} citations {} -> nodes {} ({} external), edges {}: {} resolved, {} external, {} inferred, {} unknown, {} unresolved",
        s.documents,
        s.citations,
        graph.node_count(),
        s.external,
        s.edges,
        s.resolved,
        s.to_external,
        s.inferred,
        s.unknown,
        s.unresolved
    );
    for u in graph.unresolved().iter().take(2) {
        eprintln!("unresolved example: {}", u.reason);
    }
    println!(
        "graph build + resolution: {:.2} s (generation included: {:.2} s); peak memory {:.0} MiB",
        in_builder.as_secs_f64(),
        wall.elapsed().as_secs_f64(),
        peak_rss_mib().unwrap_or(f64::NAN)
    );
}
