//! The graph builder's batches: planned on the thread pool and inserted in
//! chunks, while the next chunk is planned. The graph must be the one that
//! adding the documents one by one gives, across chunk boundaries too.

#[path = "../benches/common/synth.rs"]
mod synth;

use std::path::Path;

use vanban::graph::{CitationGraph, GraphBuilder};

fn summary(g: &CitationGraph) -> String {
    let mut out = String::new();
    for n in g.nodes() {
        out.push_str(&format!("{n:?}\n"));
    }
    for (a, b, e) in g.edges() {
        out.push_str(&format!("{} -> {} {e:?}\n", a.id, b.id));
    }
    out.push_str(&format!(
        "{:?}\n{:?}\n{:?}\n",
        g.duplicates(),
        g.unresolved(),
        g.cycles()
    ));
    out
}

#[test]
fn add_batch_is_adding_one_by_one() {
    let symbols = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/symbols.jsonl");
    let synth = synth::Synth::new(Some(&symbols), 6_000, 4);
    let mut docs: Vec<_> = (0..6_000).map(|k| synth.document(k)).collect();
    // Second copies of documents, added in later chunks (chunks hold 2,048
    // documents): each makes a duplicate, found only across chunks.
    for k in [3, 2_047, 2_048, 4_100] {
        let (path, doc) = docs[k].clone();
        docs.push((path.with_file_name(format!("copy-{k}.txt")), doc));
    }
    let mut batched = GraphBuilder::new();
    batched.add_batch(&docs[..5_000]);
    batched.add_batch(&docs[5_000..]);
    let mut single = GraphBuilder::new();
    for (path, doc) in &docs {
        single.add(path, doc);
    }
    let (batched, single) = (batched.finish(), single.finish());
    assert_eq!(batched.duplicates().len(), 4, "one duplicate per copy");
    assert_eq!(batched.node_count(), single.node_count());
    assert_eq!(batched.edge_count(), single.edge_count());
    assert!(summary(&batched) == summary(&single), "the batched graph differs");
}
