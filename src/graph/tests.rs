//! Unit tests of the builder and the queries.

use super::*;
use std::path::PathBuf;

use crate::corpus::CorpusDocument;
use crate::model::{Citation, Document, Relation, Span};

fn cite(sym: &str, date: Option<&str>, rel: Relation) -> Citation {
    Citation {
        doc_type: None,
        symbol: Some(sym.parse().unwrap()),
        number: None,
        date: date.map(|d| d.parse().unwrap()),
        issuer: None,
        subject: None,
        name: None,
        relation: rel,
        span: Span::new(0, 1),
        symbol_span: None,
        line: 1,
        in_footnote: false,
        refers_to: None,
        shared: Vec::new(),
        ..Citation::default()
    }
}

fn doc(issuer: Option<&str>, sym: Option<&str>, date: Option<&str>, cites: Vec<Citation>) -> Document {
    Document {
        issuer: issuer.map(str::to_string),
        symbol: sym.map(|s| s.parse().unwrap()),
        date: date.map(|d| d.parse().unwrap()),
        citations: cites,
        ..Default::default()
    }
}

fn cd(path: &str, d: Document) -> CorpusDocument {
    CorpusDocument {
        path: PathBuf::from(path),
        document: d,
    }
}

#[test]
fn ok_local_identity_and_lineage() {
    let docs = vec![
        cd(
            "a.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("698-CV/TU"),
                Some("2023-02-28"),
                vec![cite("308-CV/TU", Some("2021-11-26"), Relation::Implements)],
            ),
        ),
        cd(
            "b.txt",
            doc(
                Some("UBND TỈNH BÌNH THUẬN"),
                None,
                Some("2023"),
                vec![cite("698-CV/TU", Some("2023-02-28"), Relation::Implements)],
            ),
        ),
        cd(
            "c.txt",
            doc(
                Some("TỈNH ỦY KIÊN GIANG"),
                Some("698-CV/TU"),
                Some("2023-05-01"),
                vec![cite("308-CV/TU", Some("2021-11-26"), Relation::Implements)],
            ),
        ),
    ];
    let g = CitationGraph::build(&docs);
    assert!(g.node("vn/binh-thuan/tu/cv/2023/698").is_some());
    assert!(g.node("vn/kien-giang/tu/cv/2023/698").is_some());
    assert!(g.node("vn/binh-thuan/tu/cv/2021/308").unwrap().external);
    assert!(g.node("vn/kien-giang/tu/cv/2021/308").unwrap().external);
    let down: Vec<String> = g
        .lineage("vn/binh-thuan/tu/cv/2021/308", Walk::Down, &[Relation::Implements])
        .iter()
        .map(|s| s.node.id.clone())
        .collect();
    assert_eq!(down, ["vn/binh-thuan/tu/cv/2023/698", "doc/b"]);
    assert!(g.duplicates().is_empty());
}

#[test]
fn ok_unknown_jurisdiction_is_private() {
    let docs = vec![
        cd(
            "h1.txt",
            doc(
                None,
                None,
                None,
                vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)],
            ),
        ),
        cd(
            "h2.txt",
            doc(
                None,
                None,
                None,
                vec![cite("921-CV/TU", Some("2015-09-28"), Relation::Mentions)],
            ),
        ),
        cd(
            "bt.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("921-CV/TU"),
                Some("2015-09-28"),
                vec![],
            ),
        ),
    ];
    let g = CitationGraph::build(&docs);
    let a = g.cites("doc/h1");
    let b = g.cites("doc/h2");
    assert_eq!(a.len(), 1);
    assert_ne!(a[0].0.id, b[0].0.id);
    assert_eq!(a[0].1.confidence, Confidence::Unknown);
    assert!(a[0].0.id.starts_with("vn/unknown/tu/cv/2015/921~"));
    assert!(g.cited_by("vn/binh-thuan/tu/cv/2015/921").is_empty());
}

/// The index-only graph of `docs`, and the full graph.
fn both(docs: &[CorpusDocument]) -> (CitationGraph, CitationGraph) {
    let mut b = GraphBuilder::index_only();
    for d in docs {
        b.add_indexed(IndexedDocument::new(&d.path, &d.document));
    }
    (b.finish(), CitationGraph::build(docs))
}

#[test]
fn ok_index_keeps_nodes_and_corpus_facts() {
    let nd = "30/2024/NĐ-CP";
    let mut first = cite(nd, None, Relation::Mentions);
    first.issuer = Some("Chính phủ".to_string());
    let docs = vec![
        cd(
            "a.txt",
            doc(
                Some("UBND TỈNH BÌNH THUẬN"),
                Some("10/UBND-VP"),
                Some("2024-05-01"),
                vec![
                    // The node's date comes from the second citation.
                    first,
                    cite(nd, Some("2024-01-01"), Relation::Mentions),
                    cite(nd, Some("2024-01-02"), Relation::Basis),
                    cite("698-CV/TU", Some("2023-02-28"), Relation::Replaces),
                    cite("921-CV/TU", Some("2015-09-28"), Relation::Repeals),
                ],
            ),
        ),
        cd(
            "b.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("698-CV/TU"),
                Some("2023-02-28"),
                vec![cite(nd, None, Relation::Implements)],
            ),
        ),
        cd(
            "h.txt",
            doc(
                None,
                None,
                None,
                vec![cite("5-CV/TU", Some("2015-09-28"), Relation::Replaces)],
            ),
        ),
    ];
    let (index, full) = both(&docs);
    let n = index.node("vn/national/cp/nd/2024/30").unwrap();
    assert_eq!(n.date, Some("2024-01-01".parse().unwrap()));
    assert_eq!(n.issuer, None);
    assert_eq!(
        full.node("vn/national/cp/nd/2024/30").unwrap().issuer.as_deref(),
        Some("Chính phủ")
    );
    let ids = |g: &CitationGraph| {
        g.nodes()
            .map(|n| (n.id.clone(), n.date, n.external))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&index), ids(&full));
    // Only the edges of corpus facts: replaces 698 (into b.txt's node),
    // repeals 921, and the private node of the headless letter.
    let rels: Vec<(String, Relation)> = index.edges().map(|(_, t, e)| (t.id.clone(), e.relation)).collect();
    assert_eq!(rels.len(), 3, "{rels:?}");
    assert!(rels.contains(&("vn/binh-thuan/tu/cv/2023/698".to_string(), Relation::Replaces)));
    assert_eq!(full.edge_count(), 6);
    assert!(index.unresolved().is_empty());
}

#[test]
fn ok_resolve_document_answers_as_the_builder() {
    let docs = vec![
        cd(
            "k1.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("189-KH/TU"),
                Some("2020-03-30"),
                vec![],
            ),
        ),
        cd(
            "k2.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("189-KH/TU"),
                Some("2020-03-30"),
                vec![],
            ),
        ),
        cd(
            "k3.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("190-KH/TU"),
                Some("2021-01-30"),
                vec![],
            ),
        ),
        cd(
            "x.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("10-CV/TU"),
                Some("2022-05-01"),
                vec![
                    cite("189-KH/TU", Some("2020-03-30"), Relation::Implements),
                    Citation {
                        symbol: None,
                        number: Some(190),
                        doc_type: Some("Kế hoạch".to_string()),
                        ..cite("1-CV/TU", None, Relation::Mentions)
                    },
                    Citation {
                        symbol: None,
                        number: Some(191),
                        doc_type: Some("Kế hoạch".to_string()),
                        ..cite("1-CV/TU", None, Relation::Mentions)
                    },
                    cite("5-NQ/TU", None, Relation::Mentions),
                ],
            ),
        ),
    ];
    let (index, full) = both(&docs);
    for g in [&index, &full] {
        let r = g.resolve_document(3, Path::new("x.txt"), &docs[3].document);
        let Resolution::Unresolved { reason, candidates } = &r[0] else {
            panic!("{r:?}")
        };
        assert!(reason.starts_with("ambiguous: 2 documents"), "{reason}");
        assert_eq!(candidates.len(), 2);
        let Resolution::Node { node, confidence, .. } = &r[1] else {
            panic!("{r:?}")
        };
        assert_eq!(
            (node.id.as_str(), *confidence),
            ("vn/binh-thuan/tu/kh/2021/190", Confidence::Inferred)
        );
        assert!(matches!(&r[2], Resolution::Unresolved { candidates, .. } if candidates.is_empty()));
        assert!(matches!(&r[3], Resolution::Unresolved { reason, .. } if reason.starts_with("no year")));
    }
    // As the full graph's edges and unresolved list say.
    assert_eq!(full.unresolved().len(), 3);
    let cited = full.cites("vn/binh-thuan/tu/cv/2022/10");
    assert_eq!(cited.len(), 1);
    assert_eq!(cited[0].1.confidence, Confidence::Inferred);
}

#[test]
fn ok_duplicates_and_anachronism() {
    let docs = vec![
        cd(
            "a.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("698-CV/TU"),
                Some("2023-02-28"),
                vec![],
            ),
        ),
        cd(
            "a2.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("698-CV/TU"),
                Some("2023-02-28"),
                vec![],
            ),
        ),
        cd(
            "x.txt",
            doc(
                Some("TỈNH ỦY BÌNH THUẬN"),
                Some("10-CV/TU"),
                Some("2022-05-01"),
                vec![cite("30/2024/NĐ-CP", Some("2024-01-01"), Relation::Basis)],
            ),
        ),
    ];
    let g = CitationGraph::build(&docs);
    assert_eq!(g.duplicates().len(), 1);
    assert_eq!(g.duplicates()[0].paths.len(), 2);
    assert_eq!(g.anachronisms().len(), 1);
}

#[test]
fn ok_anachronisms_neither_inferred_nor_editorial() {
    // A 2016 document citing a 2024 one: in its text, an anachronism; in a
    // website's editorial note only, none (the edge is marked editorial).
    let later = |editorial: bool| {
        let mut c = cite("73/2024/NĐ-CP", Some("2024-07-05"), Relation::Mentions);
        c.editorial = editorial;
        c
    };
    for (editorial, want) in [(false, 1), (true, 0)] {
        let mut b = GraphBuilder::new();
        let d = Document {
            symbol: Some("41/2016/QH14".parse().unwrap()),
            doc_type: Some("Luật".to_string()),
            date: Some("2016-06-20".parse().unwrap()),
            citations: vec![later(editorial)],
            ..Default::default()
        };
        b.add(Path::new("law.txt"), &d);
        let g = b.finish();
        assert_eq!(g.anachronisms().len(), want, "editorial: {editorial}");
        assert!(g.edges().all(|(_, _, e)| e.editorial == editorial));
    }
}

#[test]
fn ok_reported_edges_of_by_and_acts() {
    // A 2024 plan: `Thực hiện Chương trình số 53-CTr/TU … thực hiện Nghị
    // quyết số 19-NQ/TW …`: the plan implements 53-CTr/TU, and reports
    // that 53-CTr/TU implements 19-NQ/TW. A website's note in it: `[…
    // được sửa đổi bởi Quyết định số 12/2025/QĐ-UBND]` (the plan's own
    // text amended by a later decision).
    let program = cite("53-CTr/TU", Some("2022-03-01"), Relation::Implements);
    let mut resolution = cite("19-NQ/TW", Some("2021-10-16"), Relation::Implements);
    resolution.by = Some(0);
    let mut note = cite("12/2025/QĐ-UBND", Some("2025-01-10"), Relation::Mentions);
    note.editorial = true;
    note.acts = Some(crate::model::Acts {
        relation: Relation::Amends,
        target: None,
    });
    let plan = Document {
        issuer: Some("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN".to_string()),
        symbol: Some("80/KH-UBND".parse().unwrap()),
        date: Some("2024-05-02".parse().unwrap()),
        citations: vec![program, resolution, note],
        ..Default::default()
    };
    let mut b = GraphBuilder::new();
    b.add(Path::new("plan.txt"), &plan);
    let g = b.finish();
    let sym = |n: &Node| n.symbol.as_ref().map(ToString::to_string).unwrap_or_default();
    let edges: Vec<(String, String, Relation, bool)> = g
        .edges()
        .map(|(f, t, e)| (sym(f), sym(t), e.relation, e.reported))
        .collect();
    let has = |f: &str, t: &str, r: Relation, reported: bool| {
        edges.iter().any(|e| e == &(f.to_string(), t.to_string(), r, reported))
    };
    assert!(has("80/KH-UBND", "53-CTr/TU", Relation::Implements, false), "{edges:?}");
    // The plan's own edge to 19-NQ/TW is a mention; 53-CTr/TU's is reported.
    assert!(has("80/KH-UBND", "19-NQ/TW", Relation::Mentions, false), "{edges:?}");
    assert!(has("53-CTr/TU", "19-NQ/TW", Relation::Implements, true), "{edges:?}");
    assert!(
        has("12/2025/QĐ-UBND", "80/KH-UBND", Relation::Amends, true),
        "{edges:?}"
    );
    assert_eq!(edges.len(), 5, "{edges:?}");
    // Reported edges make no cycle and no anachronism.
    assert!(g.cycles().is_empty());
    assert!(g.anachronisms().is_empty());
}

#[test]
fn ok_anachronisms_as_of_the_latest_reported_amendment() {
    // A 2016 law whose website copy notes that a 2024 law amended it and
    // prints the amended wording, which cites a 2023 decree: no anachronism
    // (as `check` reads it); without the note, one.
    for (noted, want) in [(true, 0), (false, 1)] {
        let mut citations = vec![cite("15/2023/NĐ-CP", Some("2023-03-01"), Relation::Mentions)];
        if noted {
            let mut note = cite("43/2024/QH15", Some("2024-06-29"), Relation::Mentions);
            note.editorial = true;
            note.acts = Some(crate::model::Acts {
                relation: Relation::Amends,
                target: None,
            });
            citations.push(note);
        }
        let law = Document {
            symbol: Some("41/2016/QH14".parse().unwrap()),
            doc_type: Some("Luật".to_string()),
            date: Some("2016-06-20".parse().unwrap()),
            citations,
            ..Default::default()
        };
        let mut b = GraphBuilder::new();
        b.add(Path::new("law.txt"), &law);
        let g = b.finish();
        assert_eq!(g.anachronisms().len(), want, "noted: {noted}");
    }
}
