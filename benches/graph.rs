//! Graph build and resolution: on the real corpus (parsed once, outside the
//! loop; throughput in bytes of source text) and on a synthetic corpus made
//! of real shapes (throughput in citations).
//!
//! `cargo bench --bench graph`; the million-document figure comes from
//! `cargo run --release --example graph_scale`.

#[path = "common/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vanban::{CitationGraph, Corpus, CorpusDocument, CorpusOptions};

fn corpus_docs() -> (Vec<CorpusDocument>, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = vec![root.join("fixtures")];
    let shared = root.join("../shared/corpus/docs");
    if shared.is_dir() {
        paths.push(shared);
    }
    let corpus = Corpus::from_paths(&paths, &CorpusOptions::default());
    let bytes: u64 = corpus
        .documents()
        .iter()
        .map(|d| std::fs::metadata(&d.path).map(|m| m.len()).unwrap_or(0))
        .sum();
    (corpus.documents().to_vec(), bytes)
}

fn bench_graph(c: &mut Criterion) {
    let (docs, bytes) = corpus_docs();
    let expected_edges = CitationGraph::build(&docs).edge_count();
    let mut g = c.benchmark_group("graph");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("build+resolve corpus", |b| {
        b.iter(|| {
            let graph = CitationGraph::build(&docs);
            assert_eq!(graph.edge_count(), expected_edges);
            graph
        })
    });

    let n = 20_000u64;
    let per = 5usize;
    let symbols = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/symbols.jsonl");
    let synth = synth::Synth::new(Some(&symbols), n, per);
    let batch: Vec<(PathBuf, vanban::Document)> = (0..n).map(|i| synth.document(i)).collect();
    g.throughput(Throughput::Elements(n * per as u64));
    g.bench_function("build+resolve synthetic 20k docs", |b| {
        b.iter(|| {
            let mut builder = vanban::graph::GraphBuilder::new();
            builder.add_batch(&batch);
            let graph = builder.finish();
            assert_eq!(graph.stats().citations, (n as usize) * per);
            graph
        })
    });
    g.finish();
}

criterion_group!(benches, bench_graph);
criterion_main!(benches);
