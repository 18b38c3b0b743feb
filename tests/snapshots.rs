//! Whole-document JSON snapshots of every fixture: the full `Document` (as
//! `vanban parse --format json` prints it, without `path`). Each snapshot in
//! `tests/snapshots/` was read against its letter before it was accepted; a
//! change in any part of the reading shows up here as a diff to review.

#[test]
fn fixtures_whole_document() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = vanban::parse(&text);
        insta::assert_json_snapshot!(doc);
    });
}

/// The graph of the five seeds, as JSON and as DOT.
#[test]
fn seeds_graph_exports() {
    let corpus = vanban::Corpus::from_paths(&["fixtures"], &Default::default());
    let graph = corpus.graph();
    let mut json = Vec::new();
    vanban::export::to_json(&graph, &mut json).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    insta::assert_json_snapshot!("seeds_graph_json", json);
    let mut dot = Vec::new();
    vanban::export::to_dot(&graph, &mut dot).unwrap();
    insta::assert_snapshot!("seeds_graph_dot", String::from_utf8(dot).unwrap());
}
