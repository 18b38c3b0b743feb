//! The check that streams (`Checker`: pass 1 keeps an index of identities,
//! pass 2 reads each file again) gives the very report of the check that
//! keeps the whole corpus and its graph (`check::check`): on the seeds, on
//! the development corpus, on a folder broken in every way a check reports,
//! under several configurations and chunk sizes. And the index-only graph
//! answers, citation by citation, what the full graph's edges say.
//!
//! Both sides are computed by the program, so these tests compare two
//! implementations; what each finding should be is asserted against the
//! documents in `tests/check.rs` and in the unit tests of `src/check.rs`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use vanban::check::{self, CheckConfig, Checker, Format, Level, RenderedFinding, Report, ReportWriter, Summary};
use vanban::graph::{CitationGraph, Confidence, GraphBuilder, IndexedDocument, Resolution};
use vanban::{Corpus, CorpusOptions, Relation};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docs");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("note: {} not found, corpus part skipped", dir.display());
        None
    }
}

/// The report of the in-memory check.
fn in_memory(paths: &[PathBuf], config: &CheckConfig) -> Report {
    let corpus = Corpus::from_paths(paths, &CorpusOptions::default());
    let graph = corpus.graph();
    check::check(&corpus, &graph, config)
}

/// The report of the check that streams.
fn streamed(paths: &[PathBuf], config: &CheckConfig, chunk_bytes: u64) -> Report {
    let (files, problems) = vanban::walk(paths, &CorpusOptions::default());
    Checker::new(config).chunk_bytes(chunk_bytes).report(files, problems)
}

fn assert_same(paths: &[PathBuf], config: &CheckConfig, chunks: &[u64]) -> Report {
    let want = in_memory(paths, config);
    for &chunk in chunks {
        let got = streamed(paths, config, chunk);
        assert_eq!(got.files, want.files, "{paths:?}, chunk {chunk}");
        assert_eq!(got.findings.len(), want.findings.len(), "{paths:?}, chunk {chunk}");
        for (g, w) in got.findings.iter().zip(&want.findings) {
            assert_eq!(g, w, "{paths:?}, chunk {chunk}");
        }
    }
    want
}

/// Pass 2 one file at a time, a few files at a time, by the default.
const CHUNKS: [u64; 3] = [1, 20_000, Checker::DEFAULT_CHUNK_BYTES];

fn configs() -> Vec<CheckConfig> {
    let strict = CheckConfig {
        strict: true,
        ..Default::default()
    };
    let mut scoped = CheckConfig::default();
    scoped.scope.jurisdictions = Some(vec!["binh-thuan".to_string(), "national".to_string()]);
    scoped.severity.insert("ambiguous".to_string(), Level::Off);
    scoped.root = Some(PathBuf::from(SEEDS));
    let mut issuers = CheckConfig::default();
    issuers.scope.issuers = Some(vec!["TU".to_string(), "CP".to_string()]);
    vec![CheckConfig::default(), strict, scoped, issuers]
}

#[test]
fn same_report_on_the_seeds() {
    for config in configs() {
        let r = assert_same(&[PathBuf::from(SEEDS)], &config, &CHUNKS);
        assert_eq!(r.files, 5);
        // The free function is the same checker.
        let (files, problems) = vanban::walk(&[SEEDS], &CorpusOptions::default());
        assert!(check::check_files(files, problems, &config).findings == r.findings);
    }
}

#[test]
fn same_report_on_the_corpus() {
    let Some(dir) = corpus_dir() else { return };
    // The corpus has no document superseded any more (every `superseded`
    // it used to give was a repeal of one provision): two decisions that
    // give one, beside it.
    let extra = superseding_pair();
    let paths = [dir, PathBuf::from(SEEDS), extra.path().to_path_buf()];
    // One configuration and one chunk size (of about 30 chunks): the corpus
    // is large for a debug build.
    let r = assert_same(&paths, &CheckConfig::default(), &[1 << 20]);
    // Not a vacuous comparison: the corpus has findings of most codes,
    // including the ones that read other documents (superseded, duplicate,
    // ambiguous, did-you-mean suggestions). (No anachronism: every one the
    // check used to find there was false; see tests/gold/check_findings.jsonl.)
    let s = r.summary();
    for code in ["unresolved", "date-mismatch", "ambiguous", "superseded", "duplicate"] {
        assert!(s.by_code.get(code).is_some_and(|&n| n > 0), "{code}: {s:?}");
    }
    assert!(r
        .findings
        .iter()
        .any(|f| f.suggestion.as_deref().is_some_and(|s| s.starts_with("did you mean"))));
}

/// A decision of 2021 that replaces one of 2019, and a decision of 2022
/// that takes the 2019 one as its basis (`superseded`).
fn superseding_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let head = |number: &str, date: &str| {
        format!(
            "ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\nSố: {number}/QĐ-UBND\n\
             Bình Thuận, ngày {date}\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\n"
        )
    };
    let replacing = head("07/2021", "05 tháng 01 năm 2021")
        + "Điều 3. Quyết định này thay thế Quyết định số 05/2019/QĐ-UBND ngày 02/01/2019 \
           của Ủy ban nhân dân tỉnh Bình Thuận.\n";
    let user = head("09/2022", "01 tháng 6 năm 2022")
        + "Căn cứ Quyết định số 05/2019/QĐ-UBND ngày 02/01/2019 của Ủy ban nhân dân tỉnh \
           Bình Thuận;\n";
    std::fs::write(dir.path().join("qd_07_2021.txt"), replacing).unwrap();
    std::fs::write(dir.path().join("qd_09_2022.txt"), user).unwrap();
    dir
}

/// The seeds in `docs/`, broken: a date changed in a copy of 002, a second
/// copy of 000 and of 001 under `docs/sub/` (a duplicate; files with one
/// stem in two folders), a binary file, an invalid UTF-8 file, a broken
/// symbolic link.
fn broken_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    for e in std::fs::read_dir(SEEDS).unwrap() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "txt") {
            std::fs::copy(e.path(), docs.join(e.file_name())).unwrap();
        }
    }
    let f000 = docs.join("000_eb6c421c23e2ba08.txt");
    std::fs::copy(&f000, docs.join("sub/000_copy.txt")).unwrap();
    std::fs::copy(
        docs.join("001_33f4e7d74c126a29.txt"),
        docs.join("sub/001_33f4e7d74c126a29.txt"),
    )
    .unwrap();
    let t002 = std::fs::read_to_string(docs.join("002_90f577f6aacd33a3.txt")).unwrap();
    assert_eq!(t002.matches("ngày 28/02/2023").count(), 1);
    std::fs::write(
        docs.join("002b.txt"),
        t002.replace("ngày 28/02/2023", "ngày 27/02/2023"),
    )
    .unwrap();
    std::fs::write(docs.join("bin.txt"), b"abc\x00\x01\x02binary").unwrap();
    std::fs::write(docs.join("bad.txt"), b"S\xe1\xbb\x91 12/UBND\n\xff\xfe bad").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere", docs.join("broken.txt")).unwrap();
    dir
}

#[test]
fn same_report_on_a_broken_folder() {
    let dir = broken_folder();
    let docs = dir.path().join("docs");
    let f000 = docs.join("000_eb6c421c23e2ba08.txt");
    for paths in [
        vec![docs.clone()],
        // A file given twice: two documents with one path.
        vec![docs.clone(), f000.clone()],
        // Folders in another order than the paths sort in.
        vec![docs.join("sub"), docs.clone()],
    ] {
        for config in configs() {
            let r = assert_same(&paths, &config, &CHUNKS);
            let s = r.summary();
            for code in ["duplicate", "unreadable"] {
                assert!(s.by_code.get(code).is_some_and(|&n| n > 0), "{code}: {s:?}");
            }
        }
    }
}

/// `(citing path, citation index)` → what the full graph's edges and
/// unresolved list say about it.
#[derive(Debug, PartialEq)]
enum Said {
    Edge(String, Confidence),
    Unresolved(String, Vec<String>),
}

/// A resolution by node id (the index graph's nodes have no issuer or
/// subject).
fn by_id(r: &[Resolution<'_>]) -> Vec<String> {
    r.iter()
        .map(|r| match r {
            Resolution::Node {
                node,
                confidence,
                reason,
            } => format!("{} {confidence:?} {reason:?}", node.id),
            other => format!("{other:?}"),
        })
        .collect()
}

fn said(graph: &CitationGraph) -> HashMap<(PathBuf, usize), Said> {
    let mut m = HashMap::new();
    for (_, to, e) in graph.edges().filter(|(_, _, e)| !e.reported) {
        for ev in std::iter::once(&e.evidence).chain(&e.more) {
            let old = m.insert(
                (ev.path.to_path_buf(), ev.citation as usize),
                Said::Edge(to.id.clone(), e.confidence),
            );
            assert!(old.is_none());
        }
    }
    for u in graph.unresolved() {
        let key = (u.evidence.path.to_path_buf(), u.evidence.citation as usize);
        let old = m.insert(key, Said::Unresolved(u.reason.clone(), u.candidates.clone()));
        assert!(old.is_none());
    }
    m
}

/// The index-only graph has the full graph's nodes (less issuers and
/// subjects), duplicates and `replaces`/`repeals` edges; and for every
/// citation, `resolve_document` on either graph says what the full graph's
/// edges say (an edge gathering several citations is as sure as the surest).
fn check_resolution(paths: &[PathBuf]) -> usize {
    let corpus = Corpus::from_paths(paths, &CorpusOptions::default());
    let full = corpus.graph();
    let mut b = GraphBuilder::index_only();
    for d in corpus.documents() {
        b.add_indexed(IndexedDocument::new(&d.path, &d.document));
    }
    let index = b.finish();

    assert_eq!(index.node_count(), full.node_count());
    for (a, b) in index.nodes().zip(full.nodes()) {
        let mut b = b.clone();
        b.issuer = None;
        b.subject = None;
        assert_eq!(a, &b);
    }
    assert_eq!(index.duplicates(), full.duplicates());
    let fact = |r: Relation| matches!(r, Relation::Replaces | Relation::Repeals);
    // What documents say of themselves: a reported edge (`by`, `acts`) is
    // no corpus fact of its source, and not what its citation resolves to.
    let edges = |g: &CitationGraph| {
        let mut v: Vec<String> = g
            .edges()
            .filter(|(_, _, e)| fact(e.relation) && !e.reported)
            .map(|(a, b, e)| format!("{} {} {e:?}", a.id, b.id))
            .collect();
        v.sort();
        v
    };
    assert_eq!(edges(&index), edges(&full));
    assert!(index.edges().all(|(_, _, e)| fact(e.relation)));

    let said = said(&full);
    let mut surest: HashMap<(String, String, Relation), Confidence> = HashMap::new();
    let mut seen = 0;
    for (i, d) in corpus.documents().iter().enumerate() {
        let from = full.document_node(i).unwrap().id.clone();
        let on_full = full.resolve_document(i, &d.path, &d.document);
        let on_index = index.resolve_document(i, &d.path, &d.document);
        assert_eq!(by_id(&on_full), by_id(&on_index), "{}", d.path.display());
        assert_eq!(on_full.len(), d.document.citations.len());
        for (ci, r) in on_full.iter().enumerate() {
            let want = said.get(&(d.path.clone(), ci));
            match (r, want) {
                (Resolution::Node { node, confidence, .. }, Some(Said::Edge(to, _))) => {
                    assert_eq!(&node.id, to, "{} #{ci}", d.path.display());
                    let rel = vanban::graph::edge_relation(&d.document.citations[ci]);
                    let c = surest.entry((from.clone(), to.clone(), rel)).or_insert(*confidence);
                    *c = (*c).min(*confidence);
                }
                (Resolution::Unresolved { reason, candidates }, Some(Said::Unresolved(r, c))) => {
                    assert_eq!((reason, candidates), (r, c), "{} #{ci}", d.path.display());
                }
                (Resolution::Nothing, None) => {}
                (r, w) => panic!("{} #{ci}: resolved {r:?}, the graph says {w:?}", d.path.display()),
            }
            seen += 1;
        }
    }
    for (from, to, e) in full.edges().filter(|(_, _, e)| !e.reported) {
        assert_eq!(surest[&(from.id.clone(), to.id.clone(), e.relation)], e.confidence);
    }
    seen
}

#[test]
fn index_resolves_as_the_full_graph_on_the_seeds() {
    assert!(check_resolution(&[PathBuf::from(SEEDS)]) > 30);
}

#[test]
fn index_resolves_as_the_full_graph_on_the_corpus() {
    let Some(dir) = corpus_dir() else { return };
    assert!(check_resolution(&[dir, PathBuf::from(SEEDS)]) > 10_000);
}

#[test]
fn index_resolves_as_the_full_graph_on_a_broken_folder() {
    let dir = broken_folder();
    assert!(check_resolution(&[dir.path().join("docs")]) > 30);
}

/// The report of the broken folder and the corpus, with errors, warnings
/// and notes (computed once for the tests that read it).
fn sample_report() -> Report {
    static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();
    REPORT
        .get_or_init(|| {
            let dir = broken_folder();
            let mut paths = vec![dir.path().join("docs")];
            paths.extend(corpus_dir());
            let mut config = CheckConfig::default();
            config.severity.insert("superseded".to_string(), Level::Info);
            in_memory(&paths, &config)
        })
        .clone()
}

fn written(report: &Report, format: Format) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let mut w = ReportWriter::new(format, &mut out).unwrap();
    for f in &report.findings {
        w.write(f).unwrap();
    }
    let summary = w.finish(report.files, report.baselined).unwrap();
    out.flush().unwrap();
    (out, summary)
}

#[test]
fn report_writer_writes_what_render_writes() {
    let report = sample_report();
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
        let mut rendered = Vec::new();
        check::render(&report, format, &mut rendered).unwrap();
        let (streamed, summary) = written(&report, format);
        assert!(streamed == rendered, "{format:?}");
        assert_eq!(summary, report.summary());
        assert_eq!(summary.line(), report.summary_line());
    }
    let empty = Report {
        files: 3,
        ..Default::default()
    };
    for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
        let mut rendered = Vec::new();
        check::render(&empty, format, &mut rendered).unwrap();
        assert!(written(&empty, format).0 == rendered, "{format:?}");
    }
}

/// Findings rendered by the threads that find them (`findings_with`, as
/// `vanban check` writes them) and written in order are the bytes of the
/// whole report rendered at once, in every format and chunk size.
#[test]
fn findings_rendered_in_parallel_write_what_render_writes() {
    let dir = broken_folder();
    let mut paths = vec![dir.path().join("docs"), PathBuf::from(SEEDS)];
    paths.extend(corpus_dir());
    let config = CheckConfig::default();
    let want = in_memory(&paths, &config);
    assert!(want.findings.len() > 20, "{}", want.findings.len());
    for chunk in [20_000, Checker::DEFAULT_CHUNK_BYTES] {
        let checker = Checker::new(&config).chunk_bytes(chunk);
        let (files, problems) = vanban::walk(&paths, &CorpusOptions::default());
        let index = checker.index(files, problems);
        for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
            let mut rendered = Vec::new();
            check::render(&want, format, &mut rendered).unwrap();
            let mut out = Vec::new();
            let mut w = ReportWriter::new(format, &mut out).unwrap();
            checker
                .findings_with(
                    &index,
                    |f| RenderedFinding::new(format, f),
                    |f, r| w.write_rendered(&f, &r?),
                )
                .unwrap();
            let summary = w.finish(index.files(), 0).unwrap();
            assert_eq!(summary, want.summary(), "{format:?}, chunk {chunk}");
            assert!(out == rendered, "{format:?}, chunk {chunk}");
        }
    }
}

/// A finding rendered for one format is refused by a writer of another.
#[test]
fn write_rendered_refuses_another_format() {
    let report = sample_report();
    let f = &report.findings[0];
    let mut out = Vec::new();
    let mut w = ReportWriter::new(Format::Human, &mut out).unwrap();
    let err = w
        .write_rendered(f, &RenderedFinding::new(Format::Json, f).unwrap())
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        "expected a finding rendered as Human, found one rendered as Json"
    );
    w.write_rendered(f, &RenderedFinding::new(Format::Human, f).unwrap())
        .unwrap();
    assert_eq!(w.finish(1, 0).unwrap().findings(), 1);
}

/// The JSON and SARIF written a finding at a time are what serde writes for
/// the whole document at once (the format before the check streamed).
#[test]
fn json_and_sarif_are_serde_pretty() {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        version: u32,
        summary: Summary,
        findings: &'a [check::Finding],
    }
    for report in [
        sample_report(),
        Report {
            files: 2,
            ..Default::default()
        },
    ] {
        let (json, _) = written(&report, Format::Json);
        let mut want = serde_json::to_string_pretty(&Doc {
            version: 1,
            summary: report.summary(),
            findings: &report.findings,
        })
        .unwrap();
        want.push('\n');
        assert!(String::from_utf8(json).unwrap() == want);

        let (sarif, _) = written(&report, Format::Sarif);
        let sarif = String::from_utf8(sarif).unwrap();
        let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
        assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), report.findings.len());
        assert!(sarif == serde_json::to_string_pretty(&v).unwrap() + "\n");
    }
}
