//! The citation graph of the five seeds (issue 4), read against the letters:
//! 002 (Sở NN&PTNT Bình Thuận, 2023) implements 698-CV/TU (file 000, Tỉnh ủy
//! Bình Thuận, 28/02/2023), which implements 308-CV/TU (26/11/2021) and names
//! Kế hoạch 189-KH/TU (30/3/2020), neither of them in the corpus.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use vanban::graph::Walk;
use vanban::{CitationGraph, Confidence, Corpus, CorpusOptions, Relation};

const F000: &str = "fixtures/000_eb6c421c23e2ba08.txt";
const F001: &str = "fixtures/001_33f4e7d74c126a29.txt";
const F002: &str = "fixtures/002_90f577f6aacd33a3.txt";
const F003: &str = "fixtures/003_138bcd714f36f0f1.txt";
const F004: &str = "fixtures/004_7ffadd34a5f30aef.txt";

fn seeds() -> CitationGraph {
    let corpus = Corpus::from_paths(&["fixtures"], &CorpusOptions::default());
    assert!(corpus.errors().is_empty());
    assert_eq!(corpus.documents().len(), 5);
    corpus.graph()
}

fn node_of<'g>(g: &'g CitationGraph, file: &str) -> &'g vanban::Node {
    g.node_by_path(Path::new(file))
        .unwrap_or_else(|| panic!("no node for {file}"))
}

#[test]
fn ok_lineage_002_to_698_to_308_and_189() {
    let g = seeds();
    let n002 = node_of(&g, F002);
    let n000 = node_of(&g, F000);
    assert_eq!(n000.id, "vn/binh-thuan/tu/cv/2023/698");
    assert_eq!(n000.jurisdiction.as_deref(), Some("binh-thuan"));
    assert!(!n000.external);
    // 002 has a blank number (an unsigned draft): it has no identity of its own.
    assert!(n002.id.starts_with("doc/002_"));
    assert_eq!(n002.jurisdiction.as_deref(), Some("binh-thuan"));

    let up = g.lineage(&n002.id, Walk::Up, &[Relation::Implements]);
    let ids: Vec<(&str, usize)> = up.iter().map(|s| (s.node.id.as_str(), s.depth)).collect();
    assert!(ids.contains(&("vn/binh-thuan/tu/cv/2023/698", 1)), "{ids:?}");
    assert!(ids.contains(&("vn/binh-thuan/tu/cv/2021/308", 2)), "{ids:?}");
    // 698 only names 189 (`bám sát nội dung … tại Kế hoạch số 189-KH/TU`):
    // a `mentions` edge, off the implements lineage.
    assert!(
        !ids.iter().any(|(id, _)| *id == "vn/binh-thuan/tu/kh/2020/189"),
        "{ids:?}"
    );
    let (_, e189) = g
        .cites("vn/binh-thuan/tu/cv/2023/698")
        .into_iter()
        .find(|(n, _)| n.id == "vn/binh-thuan/tu/kh/2020/189")
        .expect("698 cites 189-KH/TU");
    assert_eq!(e189.relation, Relation::Mentions);
    let n308 = g.node("vn/binh-thuan/tu/cv/2021/308").unwrap();
    assert!(n308.external);
    assert_eq!(n308.date.map(|d| d.to_string()).as_deref(), Some("2021-11-26"));
    let n189 = g.node("vn/binh-thuan/tu/kh/2020/189").unwrap();
    assert_eq!(n189.date.map(|d| d.to_string()).as_deref(), Some("2020-03-30"));
    // The edge 002 -> 698 is certain and its evidence is the citation in 002.
    let (to, edge) = g
        .cites(&n002.id)
        .into_iter()
        .find(|(n, _)| n.id == n000.id)
        .expect("002 cites 698-CV/TU");
    assert_eq!(to.path.as_deref(), Some(Path::new(F000)));
    assert_eq!(edge.relation, Relation::Implements);
    assert_eq!(edge.confidence, Confidence::Certain);
    let text = std::fs::read_to_string(F002).unwrap();
    assert!(edge.evidence.span.slice(&text).starts_with("Công văn số 698-CV/TU"));

    let down: Vec<&str> = g
        .lineage("vn/binh-thuan/tu/cv/2021/308", Walk::Down, &[Relation::Implements])
        .iter()
        .map(|s| s.node.id.as_str())
        .collect();
    assert_eq!(down, ["vn/binh-thuan/tu/cv/2023/698", n002.id.as_str()]);
}

#[test]
fn ok_kien_giang_is_separate() {
    let g = seeds();
    let n004 = node_of(&g, F004);
    assert_eq!(n004.id, "vn/kien-giang/tu/cv/2011/238");
    for (n, _) in g.cites(&n004.id) {
        assert_ne!(n.jurisdiction.as_deref(), Some("binh-thuan"), "{}", n.id);
    }
    assert!(g.cited_by(&n004.id).is_empty());
}

#[test]
fn ok_headless_003_local_citations_stay_unknown() {
    let g = seeds();
    let n003 = node_of(&g, F003);
    let cites = g.cites(&n003.id);
    for sym in ["1116-QĐ/TU", "921-CV/TU", "06-CT/TU"] {
        let (n, e) = cites
            .iter()
            .find(|(n, _)| n.symbol.as_ref().map(|s| s.to_string()).as_deref() == Some(sym))
            .unwrap_or_else(|| panic!("003 cites {sym}"));
        assert_eq!(e.confidence, Confidence::Unknown, "{sym}");
        assert!(n.id.starts_with("vn/unknown/tu/"), "{}", n.id);
        assert!(n.id.ends_with("~003_138bcd714f36f0f1"), "{}", n.id);
        assert!(n.jurisdiction.is_none());
        assert!(e.reason.as_deref().unwrap().contains("jurisdiction unknown"));
    }
    // National documents are single nodes, however often they are cited.
    // 003 cites 217-QĐ/TW twice (a mention, then "Tiếp tục triển khai thực
    // hiện"): one node, one edge per relation.
    let n217: Vec<_> = cites
        .iter()
        .filter(|(n, _)| n.id == "vn/national/tw/qd/2013/217")
        .collect();
    assert!(!n217.is_empty());
    let mut rels: Vec<Relation> = n217.iter().map(|(_, e)| e.relation).collect();
    rels.dedup();
    assert_eq!(rels.len(), n217.len());
    assert_eq!(
        g.nodes()
            .filter(|n| n.symbol.as_ref().is_some_and(|s| s.to_string() == "217-QĐ/TW"))
            .count(),
        1
    );
    assert!(g.node("vn/national/ttg/ct/2016/16").is_some());
}

#[test]
fn ok_national_nodes_shared_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    for (i, f) in [F003, F003].iter().enumerate() {
        std::fs::copy(f, dir.path().join(format!("headless_{i}.txt"))).unwrap();
    }
    let corpus = Corpus::from_paths(&[dir.path()], &CorpusOptions::default());
    let g = corpus.graph();
    let n16: Vec<_> = g
        .nodes()
        .filter(|n| n.symbol.as_ref().is_some_and(|s| s.to_string() == "16/CT-TTg"))
        .collect();
    assert_eq!(n16.len(), 1);
    assert_eq!(g.cited_by(&n16[0].id).len(), 2);
    // ... while each headless copy keeps its own private 921-CV/TU.
    let n921 = g
        .nodes()
        .filter(|n| n.symbol.as_ref().is_some_and(|s| s.to_string() == "921-CV/TU"))
        .count();
    assert_eq!(n921, 2);
}

#[test]
fn ok_news_001_number_only_is_inferred_or_unresolved_with_reason() {
    let g = seeds();
    let n001 = node_of(&g, F001);
    let text = std::fs::read_to_string(F001).unwrap();
    // Kế hoạch số 189: bound only as an inferred edge.
    for (n, e) in g.cites(&n001.id) {
        assert_ne!(
            e.confidence,
            Confidence::Certain,
            "a number-only reference is never certain: {}",
            n.id
        );
        if n.id == "vn/binh-thuan/tu/kh/2020/189" {
            assert_eq!(e.confidence, Confidence::Inferred);
            assert!(e.evidence.span.slice(&text).starts_with("Kế hoạch số 189"));
            assert!(e.reason.as_deref().unwrap().contains("number-only"));
        }
    }
    // Hướng dẫn số 08 fits nothing: unresolved, with the reason.
    let u: Vec<_> = g.unresolved().iter().filter(|u| u.from == n001.id).collect();
    assert!(u.iter().all(|u| !u.reason.is_empty()));
}

fn vanban() -> Command {
    Command::cargo_bin("vanban").unwrap()
}

#[test]
fn cli_lineage_up_from_002_file() {
    let out = vanban()
        .args(["lineage", "fixtures/", "--of", F002, "--up"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let p698 = s.find("698-CV/TU").expect("698 in the chain");
    let p308 = s.find("308-CV/TU").expect("308 in the chain");
    assert!(p698 < p308, "{s}");
    assert!(!s.contains("189-KH/TU"), "189 is only mentioned: {s}");
}

#[test]
fn cli_lineage_down_from_308_in_binh_thuan() {
    let out = vanban()
        .args([
            "lineage",
            "fixtures/",
            "--of",
            "308-CV/TU",
            "--jurisdiction",
            "binh-thuan",
            "--down",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert!(lines[0].starts_with("308-CV/TU"), "{s}");
    assert!(lines[1].contains("698-CV/TU") && lines[1].contains(F000), "{s}");
    assert!(lines[2].contains(F002), "{s}");
    assert_eq!(lines.len(), 3, "{s}");
}

#[test]
fn cli_lineage_ambiguous_symbol_lists_candidates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(F000, dir.path().join("a.txt")).unwrap();
    // The same letter number in another province.
    let other = std::fs::read_to_string(F000)
        .unwrap()
        .replace("TỈNH ỦY BÌNH THUẬN", "TỈNH ỦY KIÊN GIANG")
        .replace("Bình Thuận, ngày", "Rạch Giá, ngày");
    std::fs::write(dir.path().join("b.txt"), other).unwrap();
    let out = vanban()
        .arg("lineage")
        .arg(dir.path())
        .args(["--of", "698-CV/TU"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("vn/binh-thuan/tu/cv/2023/698") && s.contains("vn/kien-giang/tu/cv/2023/698"),
        "{s}"
    );
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(e.contains("--jurisdiction"), "{e}");
}

fn export(format: &str) -> String {
    let out = vanban()
        .args(["graph", "fixtures/", "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn ok_json_export_has_contract_keys() {
    let v: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    for n in v["nodes"].as_array().unwrap() {
        for k in [
            "id",
            "symbol",
            "type",
            "date",
            "jurisdiction",
            "issuer",
            "path",
            "external",
        ] {
            assert!(n.get(k).is_some(), "node key {k}");
        }
    }
    for e in v["edges"].as_array().unwrap() {
        for k in ["from", "to", "relation", "path", "span", "confidence"] {
            assert!(e.get(k).is_some(), "edge key {k}");
        }
    }
}

/// GraphML read back by networkx, a real GraphML reader (installed by
/// `.ci/run`; skipped with a message when Python or networkx is missing).
#[test]
fn ok_graphml_reads_back_in_networkx() {
    let xml = export("graphml");
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("seeds.graphml");
    std::fs::write(&path, &xml).unwrap();
    let probe = Command::new("python3").args(["-c", "import networkx"]).output();
    if !probe.map(|o| o.status.success()).unwrap_or(false) {
        eprintln!("SKIPPED: python3 with networkx not available");
        return;
    }
    let script = "import sys, networkx as nx\n\
g = nx.read_graphml(sys.argv[1])\n\
ids = {d['doc_id']: n for n, d in g.nodes(data=True)}\n\
a = ids['vn/binh-thuan/tu/cv/2023/698']; b = ids['vn/binh-thuan/tu/cv/2021/308']\n\
assert g.has_edge(a, b), 'edge 698 -> 308'\n\
rels = [d['relation'] for _, _, d in g.edges(data=True)]\n\
print(g.number_of_nodes(), g.number_of_edges(), rels.count('implements'))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g = seeds();
    let printed = String::from_utf8(out.stdout).unwrap();
    let nums: Vec<usize> = printed.split_whitespace().map(|x| x.parse().unwrap()).collect();
    assert_eq!(nums[0], g.node_count());
    assert_eq!(nums[1], g.edge_count());
}

/// DOT rendered by Graphviz (installed by `.ci/run`; skipped with a message
/// when `dot` is missing).
#[test]
fn ok_dot_renders_with_graphviz() {
    let dot = export("dot");
    if Command::new("dot").arg("-V").output().is_err() {
        eprintln!("SKIPPED: graphviz `dot` not available");
        return;
    }
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    // Graphviz writes "-" as "&#45;" in SVG text.
    assert!(svg.contains("<svg") && svg.contains("698&#45;CV/TU"), "{svg}");
}

#[test]
fn ok_csv_tables() {
    let s = export("csv");
    let (nodes, edges) = s.split_once("\n\n").unwrap();
    assert!(nodes.starts_with("id,symbol,type,date,jurisdiction,issuer,path,external\n"));
    assert!(edges.starts_with("from,to,relation,confidence,path,line,span_start,span_end,citations,reason\n"));
    let mut r = csv::Reader::from_reader(edges.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(rows.iter().any(|r| &r[0] == "vn/binh-thuan/tu/cv/2023/698"
        && &r[1] == "vn/binh-thuan/tu/cv/2021/308"
        && &r[2] == "implements"));
}
