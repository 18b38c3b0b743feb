//! Unit tests of the rules, through [`check`].

use super::*;
use crate::model::{Citation, Diagnostic, Relation, Severity, Span};

fn cite(
    ty: &str,
    sym: &str,
    date: Option<&str>,
    issuer: Option<&str>,
    rel: Relation,
    span: (usize, usize),
) -> Citation {
    Citation {
        doc_type: Some(ty.to_string()),
        symbol: Some(sym.parse().unwrap()),
        number: None,
        date: date.map(|d| d.parse().unwrap()),
        issuer: issuer.map(str::to_string),
        subject: None,
        name: None,
        relation: rel,
        span: Span::new(span.0, span.1),
        symbol_span: None,
        line: 1,
        in_footnote: false,
        refers_to: None,
        shared: Vec::new(),
        ..Citation::default()
    }
}

fn doc(issuer: &str, sym: Option<&str>, ty: &str, date: &str, cites: Vec<Citation>) -> Document {
    Document {
        issuer: Some(issuer.to_string()),
        symbol: sym.map(|s| s.parse().unwrap()),
        doc_type: Some(ty.to_string()),
        date: Some(date.parse().unwrap()),
        citations: cites,
        ..Default::default()
    }
}

const BT: &str = "TỈNH ỦY BÌNH THUẬN";

fn run(docs: Vec<(&str, Document)>, config: &CheckConfig) -> Report {
    let mut corpus = Corpus::new();
    for (p, d) in docs {
        corpus.push(p, d);
    }
    let graph = corpus.graph();
    check(&corpus, &graph, config)
}

fn codes(r: &Report) -> Vec<(&str, &str)> {
    r.findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.to_str().unwrap()))
        .collect()
}

fn base() -> (&'static str, Document) {
    ("a.txt", doc(BT, Some("698-CV/TU"), "Công văn", "2023-02-28", vec![]))
}

#[test]
fn ok_clean_corpus() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![cite(
                "Công văn",
                "698-CV/TU",
                Some("2023-02-28"),
                Some("Ban Thường vụ Tỉnh ủy"),
                Relation::Implements,
                (0, 5),
            )],
        ),
    );
    let r = run(vec![base(), b], &CheckConfig::default());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(!r.has_errors());
    assert_eq!(
        r.summary_line(),
        "vanban check: 2 files, 0 findings (0 errors, 0 warnings, 0 notes)"
    );
}

#[test]
fn err_date_mismatch() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![cite(
                "Công văn",
                "698-CV/TU",
                Some("2023-02-27"),
                None,
                Relation::Implements,
                (0, 5),
            )],
        ),
    );
    let r = run(vec![base(), b], &CheckConfig::default());
    assert_eq!(codes(&r), [("date-mismatch", "b.txt")]);
    let f = &r.findings[0];
    assert_eq!(
        (f.expected.as_deref(), f.found.as_deref()),
        (Some("2023-02-28"), Some("2023-02-27"))
    );
    assert_eq!(f.suggestion.as_deref(), Some("write \"ngày 28/02/2023\""));
    assert!(r.has_errors());
}

#[test]
fn err_type_mismatch_symbol_and_document() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![
                cite(
                    "Kế hoạch",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (0, 5),
                ),
                cite(
                    "Quy định",
                    "124-QĐ/TW",
                    Some("2018-02-02"),
                    Some("Ban Bí thư"),
                    Relation::Implements,
                    (10, 15),
                ),
                cite(
                    "Văn bản",
                    "698-CV/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (20, 25),
                ),
            ],
        ),
    );
    let r = run(vec![base(), b], &CheckConfig::default());
    assert_eq!(codes(&r), [("type-mismatch", "b.txt")]);
    assert_eq!(r.findings[0].expected.as_deref(), Some("Công văn"));
    assert_eq!(r.findings[0].found.as_deref(), Some("Kế hoạch"));
    // Against the cited document's own type (header says Kế hoạch).
    let a = ("a.txt", doc(BT, Some("698-CV/TU"), "Kế hoạch", "2023-02-28", vec![]));
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![cite(
                "Công văn",
                "698-CV/TU",
                Some("2023-02-28"),
                None,
                Relation::Implements,
                (0, 5),
            )],
        ),
    );
    let r = run(vec![a, b], &CheckConfig::default());
    assert_eq!(codes(&r), [("type-mismatch", "b.txt")]);
    assert_eq!(r.findings[0].expected.as_deref(), Some("Kế hoạch"));
}

#[test]
fn err_issuer_mismatch() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![
                cite(
                    "Quyết định",
                    "12/QĐ-UBND",
                    Some("2023-01-05"),
                    Some("Thủ tướng Chính phủ"),
                    Relation::Implements,
                    (0, 5),
                ),
                cite(
                    "Chỉ thị",
                    "16/CT-TTg",
                    Some("2016-05-16"),
                    Some("Thủ tướng Chính phủ"),
                    Relation::Implements,
                    (10, 15),
                ),
                cite(
                    "Nghị định",
                    "30/2020/NĐ-CP",
                    Some("2020-03-05"),
                    Some("Chính phủ"),
                    Relation::Basis,
                    (20, 25),
                ),
                cite(
                    "Kế hoạch",
                    "189-KH/TU",
                    Some("2020-03-30"),
                    Some("Ban Thường vụ Tỉnh uỷ"),
                    Relation::Implements,
                    (30, 35),
                ),
                cite(
                    "Kết luận",
                    "114-KL/TW",
                    Some("2015-07-14"),
                    Some("Ban"),
                    Relation::Implements,
                    (40, 45),
                ),
                cite(
                    "Hướng dẫn",
                    "08-HD/BDVTU",
                    Some("2020-01-01"),
                    Some("Ban Dân vận Tỉnh ủy"),
                    Relation::Implements,
                    (50, 55),
                ),
                cite(
                    "Quyết định",
                    "5/QĐ-UBND",
                    Some("2020-01-01"),
                    Some("Chủ tịch Ủy ban nhân dân tỉnh"),
                    Relation::Implements,
                    (60, 65),
                ),
            ],
        ),
    );
    let config = CheckConfig {
        severity: [("unresolved".to_string(), Level::Off)].into(),
        ..Default::default()
    };
    let r = run(vec![base(), b], &config);
    assert_eq!(codes(&r), [("issuer-mismatch", "b.txt")]);
    assert_eq!(r.findings[0].span, Some(Span::new(0, 5)));
    assert_eq!(r.findings[0].found.as_deref(), Some("UBND"));
}

#[test]
fn err_anachronism() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2022-12-15",
            vec![cite(
                "Công văn",
                "698-CV/TU",
                Some("2023-02-28"),
                None,
                Relation::Implements,
                (0, 5),
            )],
        ),
    );
    let r = run(vec![base(), b], &CheckConfig::default());
    // The 2023 citation does not resolve to 2022 documents: it is the 2023 one.
    assert_eq!(codes(&r), [("anachronism", "b.txt")]);
    // Year-only own date of the same year: not comparable, not flagged.
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023",
            vec![cite(
                "Công văn",
                "698-CV/TU",
                Some("2023-02-28"),
                None,
                Relation::Implements,
                (0, 5),
            )],
        ),
    );
    assert!(run(vec![base(), b], &CheckConfig::default()).findings.is_empty());
}

#[test]
fn ok_unresolved_in_scope_only_with_did_you_mean() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![
                cite(
                    "Công văn",
                    "698-CV/TU",
                    Some("2022-02-28"),
                    None,
                    Relation::Implements,
                    (0, 5),
                ),
                cite(
                    "Kế hoạch",
                    "698-KH/TU",
                    Some("2023-02-28"),
                    None,
                    Relation::Implements,
                    (10, 15),
                ),
                cite(
                    "Chỉ thị",
                    "16/CT-TTg",
                    Some("2016-05-16"),
                    Some("Thủ tướng Chính phủ"),
                    Relation::Implements,
                    (20, 25),
                ),
            ],
        ),
    );
    let r = run(vec![base(), b], &CheckConfig::default());
    assert_eq!(codes(&r), [("unresolved", "b.txt"), ("unresolved", "b.txt")]);
    assert!(r.findings.iter().all(|f| f.severity == Severity::Warning));
    assert!(!r.has_errors());
    let s0 = r.findings[0].suggestion.as_deref().unwrap();
    assert!(
        s0.contains("Công văn 698-CV/TU of 2023-02-28 (a.txt): same number, other year"),
        "{s0}"
    );
    let s1 = r.findings[1].suggestion.as_deref().unwrap();
    assert!(s1.contains("same number, other type"), "{s1}");
    assert!(r.findings[0].note.as_deref().unwrap().contains("--strict"));
    // Strict: errors. National scope: the TTg citation too.
    let strict = CheckConfig {
        strict: true,
        scope: Scope {
            jurisdictions: Some(vec!["binh-thuan".into(), "national".into()]),
            issuers: None,
        },
        ..Default::default()
    };
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![cite(
                "Chỉ thị",
                "16/CT-TTg",
                Some("2016-05-16"),
                Some("Thủ tướng Chính phủ"),
                Relation::Implements,
                (20, 25),
            )],
        ),
    );
    let r = run(vec![base(), b], &strict);
    assert_eq!(codes(&r), [("unresolved", "b.txt")]);
    assert!(r.has_errors());
    // Scope by issuer only: a Tỉnh ủy citation is out of it.
    let by_issuer = CheckConfig {
        scope: Scope {
            jurisdictions: None,
            issuers: Some(vec!["TTg".into()]),
        },
        ..Default::default()
    };
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![
                cite(
                    "Công văn",
                    "308-CV/TU",
                    Some("2021-11-26"),
                    None,
                    Relation::Implements,
                    (0, 5),
                ),
                cite(
                    "Chỉ thị",
                    "16/CT-TTg",
                    Some("2016-05-16"),
                    Some("Thủ tướng Chính phủ"),
                    Relation::Implements,
                    (20, 25),
                ),
            ],
        ),
    );
    let r = run(vec![base(), b], &by_issuer);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].span, Some(Span::new(20, 25)));
}

#[test]
fn ok_unknown_jurisdiction_not_flagged() {
    let mut h = doc(
        BT,
        None,
        "Công văn",
        "2021-10-01",
        vec![cite(
            "Công văn",
            "921-CV/TU",
            Some("2015-09-28"),
            None,
            Relation::Mentions,
            (0, 5),
        )],
    );
    h.issuer = None;
    let r = run(vec![base(), ("h.txt", h)], &CheckConfig::default());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn err_malformed_from_diagnostics() {
    let mut b = doc(BT, Some("10-CV/TU"), "Công văn", "2023-03-10", vec![]);
    b.diagnostics.push(Diagnostic::new(
        "impossible-date",
        Severity::Warning,
        "date of a cited document: expected a day and month that exist, found \"ngày 31/02/2023\"",
        Some(Span::new(3, 9)),
    ));
    b.diagnostics
        .push(Diagnostic::new("blank-number", Severity::Info, "blank", None));
    let r = run(vec![base(), ("b.txt", b)], &CheckConfig::default());
    assert_eq!(codes(&r), [("malformed", "b.txt")]);
    assert_eq!(r.findings[0].severity, Severity::Error);
}

#[test]
fn err_duplicate_and_severity_off() {
    let r = run(vec![base(), ("z.txt", base().1)], &CheckConfig::default());
    assert_eq!(codes(&r), [("duplicate", "a.txt"), ("duplicate", "z.txt")]);
    assert!(r.findings[0].message.contains("is also z.txt"));
    let off = CheckConfig {
        severity: [("duplicate".to_string(), Level::Off)].into(),
        ..Default::default()
    };
    assert!(run(vec![base(), ("z.txt", base().1)], &off).findings.is_empty());
    let bad = CheckConfig {
        severity: [("dupe".to_string(), Level::Off)].into(),
        ..Default::default()
    };
    assert!(bad.validate().unwrap_err().contains("unknown finding code"));
}

#[test]
fn err_ambiguous_number_only() {
    let mut num = cite("Kế hoạch", "1-KH/TU", None, None, Relation::Implements, (0, 5));
    num.symbol = None;
    num.number = Some(189);
    let k1 = ("k1.txt", doc(BT, Some("189-KH/TU"), "Kế hoạch", "2020-03-30", vec![]));
    let k2 = ("k2.txt", doc(BT, Some("189-KH/TU"), "Kế hoạch", "2021-03-30", vec![]));
    let b = ("b.txt", doc(BT, Some("10-CV/TU"), "Công văn", "2023-03-10", vec![num]));
    let r = run(vec![k1, k2, b], &CheckConfig::default());
    assert_eq!(codes(&r), [("ambiguous", "b.txt")]);
    assert!(r.findings[0].message.contains("fits 2 documents"));
}

#[test]
fn err_superseded() {
    let old = (
        "old.txt",
        doc(BT, Some("5/2019/QĐ-UBND"), "Quyết định", "2019-01-01", vec![]),
    );
    let new = (
        "new.txt",
        doc(
            BT,
            Some("7/2021/QĐ-UBND"),
            "Quyết định",
            "2021-01-01",
            vec![cite(
                "Quyết định",
                "5/2019/QĐ-UBND",
                Some("2019-01-01"),
                None,
                Relation::Replaces,
                (0, 5),
            )],
        ),
    );
    let user = (
        "user.txt",
        doc(
            BT,
            Some("9/2022/QĐ-UBND"),
            "Quyết định",
            "2022-06-01",
            vec![cite(
                "Quyết định",
                "5/2019/QĐ-UBND",
                Some("2019-01-01"),
                None,
                Relation::Basis,
                (0, 5),
            )],
        ),
    );
    let early = (
        "early.txt",
        doc(
            BT,
            Some("3/2020/QĐ-UBND"),
            "Quyết định",
            "2020-06-01",
            vec![cite(
                "Quyết định",
                "5/2019/QĐ-UBND",
                Some("2019-01-01"),
                None,
                Relation::Basis,
                (0, 5),
            )],
        ),
    );
    let r = run(vec![old, new, user, early], &CheckConfig::default());
    assert_eq!(codes(&r), [("superseded", "user.txt")]);
    assert!(r.findings[0].message.contains("new.txt"));
}

#[test]
fn ok_baseline_counts() {
    let b = (
        "b.txt",
        doc(
            BT,
            Some("10-CV/TU"),
            "Công văn",
            "2023-03-10",
            vec![
                cite(
                    "Công văn",
                    "308-CV/TU",
                    Some("2021-11-26"),
                    None,
                    Relation::Implements,
                    (0, 5),
                ),
                cite(
                    "Công văn",
                    "309-CV/TU",
                    Some("2021-11-26"),
                    None,
                    Relation::Implements,
                    (10, 15),
                ),
            ],
        ),
    );
    let mut r = run(vec![base(), b.clone()], &CheckConfig::default());
    assert_eq!(r.findings.len(), 2);
    let mut base_r = r.clone();
    base_r.findings.truncate(1);
    let bl = Baseline::from_report(&base_r, None);
    r.apply_baseline(&bl);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.baselined, 1);
    assert!(r.summary_line().ends_with("; 1 in the baseline not shown"));
}

#[test]
fn ok_self_reference_is_no_edge_and_no_finding() {
    // A consolidated text names itself on its title line without a year; a
    // text of another year has the same number. The title line is the
    // document itself: not bound to the other one (no anachronism), no
    // edge, no cycle.
    let mut title = cite(
        "Văn bản hợp nhất",
        "7/VBHN-VPQH",
        None,
        None,
        Relation::Mentions,
        (0, 5),
    );
    title.symbol = Some("7/VBHN-VPQH".parse().unwrap());
    let older = (
        "older.txt",
        doc(
            "VĂN PHÒNG QUỐC HỘI",
            Some("7/VBHN-VPQH"),
            "Văn bản hợp nhất",
            "2019-05-02",
            vec![title.clone()],
        ),
    );
    let newer = (
        "newer.txt",
        doc(
            "VĂN PHÒNG QUỐC HỘI",
            Some("7/VBHN-VPQH"),
            "Văn bản hợp nhất",
            "2023-08-14",
            vec![],
        ),
    );
    let mut corpus = Corpus::new();
    corpus.push("older.txt", older.1.clone());
    corpus.push("newer.txt", newer.1.clone());
    let graph = corpus.graph();
    assert_eq!(graph.edge_count(), 0);
    assert!(graph.cycles().is_empty());
    assert!(run(vec![older, newer], &CheckConfig::default()).findings.is_empty());
    // With its own full symbol and year: the same.
    let own = cite("Nghị định", "61/2018/NĐ-CP", None, None, Relation::Mentions, (0, 5));
    let d = doc("CHÍNH PHỦ", Some("61/2018/NĐ-CP"), "Nghị định", "2018-04-23", vec![own]);
    let mut corpus = Corpus::new();
    corpus.push("d.txt", d);
    let graph = corpus.graph();
    assert_eq!((graph.edge_count(), graph.cycles().len()), (0, 0));
}

#[test]
fn ok_self_reference_needs_the_year_printed() {
    // `Nghị định 61/2016/NĐ-CP` in Nghị định 61/2018/NĐ-CP is another
    // document: an edge, not a self-reference.
    let other = cite("Nghị định", "61/2016/NĐ-CP", None, None, Relation::Mentions, (0, 5));
    let d = doc(
        "CHÍNH PHỦ",
        Some("61/2018/NĐ-CP"),
        "Nghị định",
        "2018-04-23",
        vec![other],
    );
    let mut corpus = Corpus::new();
    corpus.push("d.txt", d);
    assert_eq!(corpus.graph().edge_count(), 1);
}

#[test]
fn ok_anachronism_only_on_a_certain_edge() {
    // `Kế hoạch số 250` is bound by inference to the only Kế hoạch 250 of
    // the corpus, dated after the citing text: that may be another
    // document than the one meant, so no anachronism.
    let mut num = cite("Kế hoạch", "1-KH/TU", None, None, Relation::Implements, (0, 5));
    num.symbol = None;
    num.number = Some(250);
    let k = ("k.txt", doc(BT, Some("250-KH/TU"), "Kế hoạch", "2024-05-30", vec![]));
    let b = ("b.txt", doc(BT, Some("31-CV/TU"), "Công văn", "2023-03-10", vec![num]));
    let r = run(vec![k, b], &CheckConfig::default());
    assert!(
        r.findings.iter().all(|f| f.code != Code::Anachronism),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn ok_superseded_only_where_the_hierarchy_allows() {
    let law = (
        "law.txt",
        doc("QUỐC HỘI", Some("14/2017/QH14"), "Luật", "2017-06-12", vec![]),
    );
    // A decree read as replacing the law (it replaces the decree that detailed it).
    let decree = (
        "decree.txt",
        doc(
            "CHÍNH PHỦ",
            Some("52/2019/NĐ-CP"),
            "Nghị định",
            "2019-03-01",
            vec![cite("Luật", "14/2017/QH14", None, None, Relation::Replaces, (0, 5))],
        ),
    );
    let user = (
        "user.txt",
        doc(
            "CHÍNH PHỦ",
            Some("88/2021/NĐ-CP"),
            "Nghị định",
            "2021-09-20",
            vec![cite("Luật", "14/2017/QH14", None, None, Relation::Basis, (0, 5))],
        ),
    );
    let r = run(vec![law.clone(), decree, user.clone()], &CheckConfig::default());
    assert!(r.findings.iter().all(|f| f.code != Code::Superseded), "{:?}", codes(&r));
    // A later law that replaces it: superseded.
    let new_law = (
        "new_law.txt",
        doc(
            "QUỐC HỘI",
            Some("20/2020/QH14"),
            "Luật",
            "2020-06-17",
            vec![cite("Luật", "14/2017/QH14", None, None, Relation::Replaces, (0, 5))],
        ),
    );
    let r = run(vec![law, new_law, user], &CheckConfig::default());
    assert_eq!(codes(&r), [("superseded", "user.txt")]);
}

#[test]
fn ok_type_mismatch_knows_historical_forms() {
    let cites = |date: &str| {
        vec![
            cite(
                "Thông tư",
                "41/TC-TCT",
                Some(date),
                Some("Bộ Tài chính"),
                Relation::Mentions,
                (0, 5),
            ),
            // A joint resolution is a resolution.
            cite(
                "Nghị quyết",
                "15/2023/NQLT/UBTVQH15-CP",
                None,
                None,
                Relation::Mentions,
                (10, 15),
            ),
        ]
    };
    // 1996: `TC` is Bộ Tài chính's code, not a type.
    let old = (
        "old.txt",
        doc(
            "CHÍNH PHỦ",
            Some("12/2019/NĐ-CP"),
            "Nghị định",
            "2019-01-10",
            cites("1996-03-07"),
        ),
    );
    let r = run(vec![old], &CheckConfig::default());
    assert!(
        r.findings.iter().all(|f| f.code != Code::TypeMismatch),
        "{:?}",
        codes(&r)
    );
    // 2012: the modern form, where `TC` is Thông cáo.
    let new = (
        "new.txt",
        doc(
            "CHÍNH PHỦ",
            Some("12/2019/NĐ-CP"),
            "Nghị định",
            "2019-01-10",
            cites("2012-03-07"),
        ),
    );
    let r = run(vec![new], &CheckConfig::default());
    let mismatches: Vec<_> = r.findings.iter().filter(|f| f.code == Code::TypeMismatch).collect();
    assert_eq!(mismatches.len(), 1);
    assert_eq!(mismatches[0].expected.as_deref(), Some("Thông cáo"));
}

#[test]
fn ok_anachronism_not_from_editorial_notes_and_as_of_the_latest_amendment() {
    // A 2016 decree whose website copy notes that a 2022 decree amended it
    // (in an editorial note) and prints the amended wording, which cites a
    // 2019 circular; the note itself names the 2022 decree.
    let mut note = cite("Nghị định", "31/2022/NĐ-CP", None, None, Relation::Mentions, (50, 60));
    note.editorial = true;
    note.acts = Some(crate::model::Acts {
        relation: Relation::Amends,
        target: None,
    });
    let wording = cite(
        "Thông tư",
        "14/2019/TT-BXD",
        Some("2019-05-06"),
        None,
        Relation::Mentions,
        (80, 90),
    );
    let d = (
        "d.txt",
        doc(
            "CHÍNH PHỦ",
            Some("17/2016/NĐ-CP"),
            "Nghị định",
            "2016-04-01",
            vec![note, wording.clone()],
        ),
    );
    let r = run(vec![d], &CheckConfig::default());
    assert!(
        r.findings.iter().all(|f| f.code != Code::Anachronism),
        "{:?}",
        codes(&r)
    );
    // Without the amendment, the 2019 circular in a 2016 text is an anachronism.
    let d = (
        "d.txt",
        doc(
            "CHÍNH PHỦ",
            Some("17/2016/NĐ-CP"),
            "Nghị định",
            "2016-04-01",
            vec![wording.clone()],
        ),
    );
    let r = run(vec![d], &CheckConfig::default());
    assert_eq!(r.findings.iter().filter(|f| f.code == Code::Anachronism).count(), 1);
    // An editorial note that says the text is guided (not amended) by a
    // later document changes nothing of its wording.
    let mut guide = cite("Nghị định", "31/2022/NĐ-CP", None, None, Relation::Mentions, (50, 60));
    guide.editorial = true;
    guide.acts = Some(crate::model::Acts {
        relation: Relation::Guides,
        target: None,
    });
    let d = (
        "d.txt",
        doc(
            "CHÍNH PHỦ",
            Some("17/2016/NĐ-CP"),
            "Nghị định",
            "2016-04-01",
            vec![guide, wording],
        ),
    );
    let r = run(vec![d], &CheckConfig::default());
    assert_eq!(r.findings.iter().filter(|f| f.code == Code::Anachronism).count(), 1);
}

#[test]
fn err_date_of_another_year_than_the_number() {
    // `Nghị định số 47/2019/NĐ-CP ngày 02 tháng 8 năm 2021`: one of the two is misprinted.
    let wrong = cite(
        "Nghị định",
        "47/2019/NĐ-CP",
        Some("2021-08-02"),
        None,
        Relation::Mentions,
        (0, 5),
    );
    // A month and year in the clause (`(tháng 7 năm 2029)`) is no issue date.
    let later = cite(
        "Nghị định",
        "48/2019/NĐ-CP",
        Some("2029-07"),
        None,
        Relation::Mentions,
        (10, 15),
    );
    let d = (
        "d.txt",
        doc(
            "CHÍNH PHỦ",
            Some("5/2024/NĐ-CP"),
            "Nghị định",
            "2024-01-10",
            vec![wrong, later],
        ),
    );
    let r = run(vec![d], &CheckConfig::default());
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == crate::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", codes(&r));
    assert_eq!(errors[0].code, Code::DateMismatch);
    assert_eq!(errors[0].span, Some(Span::new(0, 5)));
    assert_eq!(errors[0].expected.as_deref(), Some("a date in 2019"));
}

#[test]
fn ok_own_number_read_by_the_header_is_no_citation() {
    // The citation sits where the header read the document's own number
    // (`Số:` on one line, the number on the next), with a date and issuer
    // taken from the line after it: still the document itself.
    let mut own = cite(
        "Văn bản hợp nhất",
        "9/VBHN-VPQH",
        Some("2012-05-03"),
        Some("Quốc hội"),
        Relation::Mentions,
        (20, 31),
    );
    own.symbol_span = Some(Span::new(20, 31));
    let mut d = doc(
        "VĂN PHÒNG QUỐC HỘI",
        Some("9/VBHN-VPQH"),
        "Văn bản hợp nhất",
        "2020-02-10",
        vec![own],
    );
    d.spans.symbol = Some(Span::new(20, 31));
    let r = run(vec![("d.txt", d)], &CheckConfig::default());
    assert!(r.findings.is_empty(), "{:?}", codes(&r));
}

#[test]
fn ok_not_superseded_by_a_repeal_of_one_provision() {
    // `Bãi bỏ khoản 6 Điều 19 của Quyết định số 5/2019/QĐ-UBND`: the
    // decision stands, and a later document may take it as its basis.
    let old = (
        "old.txt",
        doc(BT, Some("5/2019/QĐ-UBND"), "Quyết định", "2019-01-01", vec![]),
    );
    for (part, want) in [(true, 0), (false, 1)] {
        let mut repeal = cite(
            "Quyết định",
            "5/2019/QĐ-UBND",
            Some("2019-01-01"),
            None,
            Relation::Repeals,
            (0, 5),
        );
        repeal.part = part;
        let new = (
            "new.txt",
            doc(BT, Some("7/2021/QĐ-UBND"), "Quyết định", "2021-01-01", vec![repeal]),
        );
        let basis = cite(
            "Quyết định",
            "5/2019/QĐ-UBND",
            Some("2019-01-01"),
            None,
            Relation::Basis,
            (0, 5),
        );
        let user = (
            "user.txt",
            doc(BT, Some("9/2022/QĐ-UBND"), "Quyết định", "2022-06-01", vec![basis]),
        );
        let r = run(vec![old.clone(), new, user], &CheckConfig::default());
        let superseded = r.findings.iter().filter(|f| f.code == Code::Superseded).count();
        assert_eq!(superseded, want, "part: {part}");
    }
}
