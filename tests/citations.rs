//! Citations (issue 3): the facts of the five seed documents, read from the
//! documents themselves, plus exact spans on odd input.

use vanban::{Citation, Document, Relation};

const S000: &str = include_str!("../fixtures/000_eb6c421c23e2ba08.txt");
const S001: &str = include_str!("../fixtures/001_33f4e7d74c126a29.txt");
const S002: &str = include_str!("../fixtures/002_90f577f6aacd33a3.txt");
const S003: &str = include_str!("../fixtures/003_138bcd714f36f0f1.txt");
const S004: &str = include_str!("../fixtures/004_7ffadd34a5f30aef.txt");
const SEEDS: [&str; 5] = [S000, S001, S002, S003, S004];

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn date(c: &Citation) -> String {
    c.date.map(|d| d.to_string()).unwrap_or_default()
}

/// Every citation of `doc` with this symbol.
fn by_sym<'a>(doc: &'a Document, s: &str) -> Vec<&'a Citation> {
    doc.citations.iter().filter(|c| sym(c) == s).collect()
}

fn one<'a>(doc: &'a Document, s: &str) -> &'a Citation {
    let v = by_sym(doc, s);
    assert_eq!(v.len(), 1, "expected one citation of {s}, found {}", v.len());
    v[0]
}

fn span_text<'a>(text: &'a str, c: &Citation) -> &'a str {
    c.span.slice(text)
}

/// The six resolutions of footnote 1 in 000 and 002, with their dates.
const FOOTNOTE_RESOLUTIONS: [(&str, &str); 6] = [
    ("05-NQ/TU", "2021-09-10"),
    ("06-NQ/TU", "2021-10-24"),
    ("08-NQ/TU", "2021-12-28"),
    ("09-NQ/TU", "2021-12-31"),
    ("10-NQ/TU", "2022-03-18"),
    ("12-NQ/TU", "2022-11-11"),
];

#[test]
fn seed_000_eight_citations() {
    let doc = vanban::parse(S000);
    // Eight cited documents, and the letter's own `Số 698-CV/TU`.
    assert_eq!(doc.citations.len(), 9);
    assert_eq!(doc.citations.iter().filter(|c| !c.is_self).count(), 8);
    let c = one(&doc, "308-CV/TU");
    assert_eq!(date(c), "2021-11-26");
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(c.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(span_text(S000, c), "Công văn số 308-CV/TU, ngày 26/11/2021");
    assert_eq!(
        c.subject.as_deref(),
        Some("phát động phong trào thi đua “Dân vận khéo”, giai đoạn 2021 - 2025")
    );
    assert!(!c.in_footnote);
    let c = one(&doc, "189-KH/TU");
    assert_eq!(date(c), "2020-03-30");
    assert_eq!(c.issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    // `Trong đó, chú ý bám sát nội dung … tại Kế hoạch số 189-KH/TU`: no
    // cue of carrying it out (the letters' convention: `bám sát` names).
    assert_eq!(c.relation, Relation::Mentions, "bám sát nội dung ... tại");
    assert_eq!(
        span_text(S000, c),
        "Kế hoạch số 189-KH/TU, ngày 30/3/2020 của Ban Thường vụ Tỉnh ủy"
    );
    for (s, d) in FOOTNOTE_RESOLUTIONS {
        let c = one(&doc, s);
        assert_eq!(date(c), d, "{s}");
        assert!(c.in_footnote, "{s} is in the footnote");
        assert_eq!(c.doc_type.as_deref(), Some("Nghị quyết"));
    }
    let c = one(&doc, "05-NQ/TU");
    assert_eq!(span_text(S000, c), "Nghị quyết số 05-NQ/TU, ngày 10/9/2021");
    assert_eq!(
        c.subject.as_deref(),
        Some("Phát triển ngành nông nghiệp hiện đại, bền vững, có giá trị gia tăng cao")
    );
    // The letter's own number in the header is no document it cites: a
    // citation marked `self`.
    let own = one(&doc, "698-CV/TU");
    assert!(own.is_self);
    assert_eq!(span_text(S000, own), "Số 698-CV/TU");
}

#[test]
fn seed_002_letter_of_a_department() {
    let doc = vanban::parse(S002);
    assert_eq!(doc.citations.len(), 9);
    let c = one(&doc, "698-CV/TU");
    assert_eq!(date(c), "2023-02-28");
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(c.issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    assert_eq!(
        span_text(S002, c),
        "Công văn số 698-CV/TU ngày 28/02/2023 của Ban Thường vụ Tỉnh ủy"
    );
    assert_eq!(
        c.subject.as_deref(),
        Some("tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trên địa bàn tỉnh")
    );
    let c = one(&doc, "3870/SNN-VP");
    assert_eq!(date(c), "2021-12-10");
    assert_eq!(c.relation, Relation::Implements, "theo tinh thần chỉ đạo ... tại");
    let c = one(&doc, "25/KH-SNN");
    assert_eq!(date(c), "2020-03-18");
    assert_eq!(c.issuer.as_deref(), Some("Sở Nông nghiệp và Phát triển nông thôn"));
    for (s, d) in FOOTNOTE_RESOLUTIONS {
        let c = one(&doc, s);
        assert_eq!(date(c), d, "{s}");
        assert!(c.in_footnote, "{s} is in the footnote");
    }
}

#[test]
fn seed_003_lists_short_forms_and_named_refs() {
    let doc = vanban::parse(S003);
    let expected = [
        ("217-QĐ/TW", "2013-12-12"),
        ("218-QĐ/TW", "2013-12-12"),
        ("01-CTr/BDVTW", "2021-06-17"),
        ("23-QĐ/TW", "2021-07-30"),
        ("1116-QĐ/TU", "2021-09-29"),
        ("16/CT-TTg", "2016-05-16"),
        ("23/CT-TTg", "2021-09-02"),
        ("114-KL/TW", "2015-07-14"),
        ("921-CV/TU", "2015-09-28"),
        ("124-QĐ/TW", "2018-02-02"),
        ("99-QĐ/TW", "2017-10-03"),
        ("06-CT/TU", "2021-07-20"),
    ];
    for (s, d) in expected {
        let all = by_sym(&doc, s);
        assert!(!all.is_empty(), "{s} cited");
        assert_eq!(date(all[0]), d, "{s}");
    }
    // 217 and 218: both cited twice, both times dated; the second time the
    // date and issuer of 217 come from 218 (`217 và 218, ngày 12/12/2013 của Bộ Chính trị`).
    for s in ["217-QĐ/TW", "218-QĐ/TW"] {
        let all = by_sym(&doc, s);
        assert_eq!(all.len(), 2, "{s} cited twice");
        for c in &all {
            assert_eq!(date(c), "2013-12-12", "{s}");
            assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"), "{s}");
        }
    }
    let second_217 = by_sym(&doc, "217-QĐ/TW")[1];
    assert_eq!(second_217.shared, ["date", "issuer"]);
    assert_eq!(span_text(S003, second_217), "Quyết định số 217-QĐ/TW");
    assert_eq!(
        second_217.relation,
        Relation::Implements,
        "Tiếp tục triển khai thực hiện có hiệu quả"
    );
    let first_217 = doc.citations.iter().position(|c| sym(c) == "217-QĐ/TW").unwrap();
    assert_eq!(second_217.refers_to, Some(first_217));
    // 124-QĐ/TW is a Quy định, as the text says, whatever its code.
    let c = one(&doc, "124-QĐ/TW");
    assert_eq!(c.doc_type.as_deref(), Some("Quy định"));
    assert_eq!(c.issuer.as_deref(), Some("Ban Bí thư Trung ương Đảng"));
    // 114-KL/TW: full, then short inside the subject of 921-CV/TU.
    let all = by_sym(&doc, "114-KL/TW");
    assert_eq!(all.len(), 2);
    let first_114 = doc.citations.iter().position(|c| sym(c) == "114-KL/TW").unwrap();
    assert_eq!(all[0].refers_to, None);
    assert_eq!(all[0].issuer.as_deref(), Some("Ban Bí thư"));
    assert_eq!(
        span_text(S003, all[0]),
        "Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư"
    );
    assert_eq!(all[1].refers_to, Some(first_114));
    assert_eq!(all[1].date, None);
    assert_eq!(span_text(S003, all[1]), "Kết luận số 114-KL/TW của Ban Bí thư");
    let c = one(&doc, "921-CV/TU");
    assert_eq!(
        c.subject.as_deref(),
        Some("triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư")
    );
    // Footnote 1 lists three documents, the body the rest.
    for s in ["01-CTr/BDVTW", "23-QĐ/TW", "1116-QĐ/TU"] {
        assert!(one(&doc, s).in_footnote, "{s}");
    }
    assert_eq!(one(&doc, "01-CTr/BDVTW").doc_type.as_deref(), Some("Chương trình"));
    assert!(!one(&doc, "16/CT-TTg").in_footnote);
    assert_eq!(one(&doc, "16/CT-TTg").relation, Relation::Implements);
    assert_eq!(
        one(&doc, "06-CT/TU").relation,
        Relation::Implements,
        "the list after `triển khai thực hiện`"
    );
    let named: Vec<&str> = doc.named_refs.iter().map(|r| r.text.as_str()).collect();
    assert!(named.contains(&"Nghị quyết Đại hội XIII của Đảng"), "{named:?}");
    assert!(named.contains(&"Nghị quyết Đại hội XI của Đảng bộ tỉnh"), "{named:?}");
    for r in &doc.named_refs {
        assert_eq!(r.span.slice(S003), r.text);
    }
    // `Công văn này` (three times) is the letter itself.
    assert!(doc
        .citations
        .iter()
        .all(|c| c.doc_type.as_deref() != Some("Công văn") || c.symbol.is_some()));
}

#[test]
fn seed_004_citations_without_so() {
    let doc = vanban::parse(S004);
    assert_eq!(doc.citations.len(), 3);
    assert!(one(&doc, "238-CV/TU").is_self, "its own number");
    let c = one(&doc, "03-CT/TW");
    assert_eq!(date(c), "2011-05-14");
    assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(span_text(S004, c), "Chỉ thị 03-CT/TW, ngày 14-5-2011 của Bộ Chính trị");
    assert_eq!(c.relation, Relation::Implements);
    let c = one(&doc, "03-KH/TW");
    assert_eq!(date(c), "2011-07-01");
    assert_eq!(c.issuer.as_deref(), Some("Ban Bí thư"));
    assert_eq!(span_text(S004, c), "Kế hoạch 03-KH/TW, ngày 01-7-2011 của Ban Bí thư");
    assert_eq!(
        c.relation,
        Relation::Implements,
        "listed after `triển khai thực hiện tốt`"
    );
}

#[test]
fn seed_001_number_only() {
    let doc = vanban::parse(S001);
    assert_eq!(doc.citations.len(), 2);
    let kh = doc
        .citations
        .iter()
        .find(|c| c.doc_type.as_deref() == Some("Kế hoạch"))
        .unwrap();
    assert_eq!((kh.number, kh.symbol.as_ref()), (Some(189), None));
    assert_eq!(kh.issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    assert_eq!(span_text(S001, kh), "Kế hoạch số 189 của Ban Thường vụ Tỉnh ủy");
    assert_eq!(kh.symbol_span.unwrap().slice(S001), "189");
    assert_eq!(kh.refers_to, None, "no full Kế hoạch 189 in this article");
    let hd = doc
        .citations
        .iter()
        .find(|c| c.doc_type.as_deref() == Some("Hướng dẫn"))
        .unwrap();
    assert_eq!((hd.number, hd.symbol.as_ref()), (Some(8), None));
    assert_eq!(hd.issuer.as_deref(), Some("Ban Dân vận Tỉnh ủy"));
    assert_eq!(span_text(S001, hd), "Hướng dẫn số 08 của Ban Dân vận Tỉnh ủy");
}

#[test]
fn seeds_have_no_false_citations() {
    for text in SEEDS {
        let doc = vanban::parse(text);
        for c in &doc.citations {
            let t = span_text(text, c);
            for bad in [
                "2021 - 2025",
                "2016 - 2020",
                "khóa",
                "T78",
                "Vy-93",
                "chuyên đề",
                "năm 2023",
                "(2011-2015)",
            ] {
                assert!(!t.contains(bad), "{t:?} contains {bad:?}");
            }
            // Every citation has a type word at the start of its span.
            assert!(c.doc_type.is_some());
            assert!(c.symbol.is_some() || c.number.is_some() || c.name.is_some(), "{t:?}");
        }
    }
}

#[test]
fn non_citations_give_nothing() {
    let text = "Giai đoạn 2021 - 2025, năm 2023 và 06 nghị quyết chuyên đề của Ban Chấp hành Đảng bộ tỉnh (khóa XIV).\n\
        Mẫu số 01/ĐK theo QCVN 12:2026/BCA; Điều 5, khoản 2.\n\
        Điện thoại: 0252.3822.123, ngày 15/03/2023. T78, Vy-93.\n\
        Các cơ quan thực hiện tốt Công văn này. Luật này có hiệu lực từ ngày 01/7/2025. Nghị định này thay thế cho nhau.\n\
        Quyết định số lượng cán bộ; quy định tại Điều 5; các văn bản chỉ đạo của Đảng; Quyết định 2021 - 2025.\n";
    let doc = vanban::parse(text);
    let found: Vec<&str> = doc.citations.iter().map(|c| span_text(text, c)).collect();
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn exact_spans_on_odd_input() {
    // Double space before `ngày`, OCR `sô`, `số:`, spaced symbol, all caps.
    let text = "Thực hiện công văn sô 2965/CTHYE-TTKT3  ngày 16/7/2024 của Cục Thuế tỉnh Hưng Yên; \
                Quyết định số: 1977 /QĐ-UBND ngày 05 tháng 3 năm 2020.\n\
                KẾ HOẠCH SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ THỰC HIỆN\n";
    let doc = vanban::parse(text);
    let spans: Vec<&str> = doc.citations.iter().map(|c| span_text(text, c)).collect();
    assert_eq!(
        spans,
        [
            "công văn sô 2965/CTHYE-TTKT3  ngày 16/7/2024 của Cục Thuế tỉnh Hưng Yên",
            "Quyết định số: 1977 /QĐ-UBND ngày 05 tháng 3 năm 2020",
            "KẾ HOẠCH SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY",
        ]
    );
    let syms: Vec<String> = doc.citations.iter().map(sym).collect();
    assert_eq!(syms, ["2965/CTHYE-TTKT3", "1977/QĐ-UBND", "119-KH/TU"]);
    assert_eq!(doc.citations[0].doc_type.as_deref(), Some("Công văn"));
    assert_eq!(doc.citations[2].doc_type.as_deref(), Some("Kế hoạch"));
    assert_eq!(date(&doc.citations[2]), "2019-12-18");
    assert_eq!(doc.citations[2].line, 2);
    assert_eq!(doc.citations[0].symbol_span.unwrap().slice(text), "2965/CTHYE-TTKT3");
    assert_eq!(doc.citations[1].symbol_span.unwrap().slice(text), "1977 /QĐ-UBND");
    assert_eq!(doc.citations[0].relation, Relation::Implements);
}

#[test]
fn malformed_dates_give_diagnostics() {
    let text = "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/20210 của Chính phủ về kiểm soát thủ tục hành chính;\n\
                Căn cứ Thông tư số 01/2023/TT-BTC ngày 31/02/2023 của Bộ Tài chính;\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.citations.len(), 2);
    for c in &doc.citations {
        assert_eq!(c.date, None);
        assert_eq!(c.relation, Relation::Basis);
    }
    assert_eq!(
        span_text(text, &doc.citations[0]),
        "Nghị định số 63/2010/NĐ-CP ngày 08/6/20210 của Chính phủ"
    );
    let diag = |code: &str| {
        doc.diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("no {code} in {:?}", doc.diagnostics))
    };
    assert_eq!(diag("malformed-date").span.unwrap().slice(text), "ngày 08/6/20210");
    assert_eq!(diag("impossible-date").span.unwrap().slice(text), "ngày 31/02/2023");
    assert!(diag("impossible-date")
        .message
        .contains("expected a day and month that exist"));
}

#[test]
fn relations_from_governing_words() {
    let rel = |text: &str| -> Vec<(String, Relation)> {
        vanban::parse(text)
            .citations
            .iter()
            .map(|c| (sym(c), c.relation))
            .collect()
    };
    use Relation::*;
    assert_eq!(
        rel("Căn cứ Luật Đất đai số 31/2024/QH15; Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Nhà ở số 27/2023/QH15;\n"),
        [("31/2024/QH15".into(), Basis), ("43/2024/QH15".into(), Basis), ("27/2023/QH15".into(), Amends)]
    );
    // The law amended is amended by the law whose subject names it, not by
    // this document (the letters' convention, issue 19).
    let doc =
        vanban::parse("Căn cứ Luật số 12/2021/QH15 sửa đổi, bổ sung một số điều của Luật Đầu tư số 61/2020/QH14;\n");
    assert_eq!(doc.citations[1].by, Some(0));
    assert_eq!(
        rel("- Căn cứ Nghị định số 78/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều;\n"),
        [("78/2025/NĐ-CP".into(), Basis)]
    );
    assert_eq!(
        rel("Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018.\n"),
        [("15/2018/NĐ-CP".into(), Amends)]
    );
    assert_eq!(
        rel("Luật Xử lý vi phạm hành chính được sửa đổi, bổ sung bởi Luật số 67/2020/QH14.\n"),
        [("67/2020/QH14".into(), Mentions)]
    );
    assert_eq!(
        rel("Nghị định này thay thế Nghị định số 83/2010/NĐ-CP  ngày 23 tháng 7 năm 2010 của Chính phủ.\n"),
        [("83/2010/NĐ-CP".into(), Replaces)]
    );
    assert_eq!(
        rel("Các vật có thể thay thế cho nhau theo Thông tư số 10/2020/TT-BTC.\n"),
        [("10/2020/TT-BTC".into(), Mentions)]
    );
    assert_eq!(
        rel("2. Bãi bỏ Điều 1 Nghị định số 05/2012/NĐ-CP ngày 02 tháng 02 năm 2012.\n"),
        [("05/2012/NĐ-CP".into(), Repeals)]
    );
    assert_eq!(
        rel("Thông tư số 21/2013/TT-BCA ngày 10/4/2013 hết hiệu lực kể từ ngày Thông tư này có hiệu lực.\n"),
        [("21/2013/TT-BCA".into(), Repeals)]
    );
    assert_eq!(
        rel("Nghị định này quy định chi tiết Luật số 15/2012/QH13.\n"),
        [("15/2012/QH13".into(), Guides)]
    );
    assert_eq!(
        rel("Thông tư này hướng dẫn thi hành Nghị định số 30/2020/NĐ-CP.\n"),
        [("30/2020/NĐ-CP".into(), Guides)]
    );
    assert_eq!(
        rel("Thực hiện chỉ đạo của Bộ Tài chính tại công văn số 11614/BTC-PC ngày 24/10/2023, Cục Thuế trả lời.\n"),
        [("11614/BTC-PC".into(), Implements)]
    );
    assert_eq!(
        rel("Đối chiếu với các tiêu chí tại Hướng dẫn số 08-HD/BDVTU của Ban Dân vận Tỉnh ủy.\n"),
        [("08-HD/BDVTU".into(), Mentions)]
    );
}

#[test]
fn lists_share_type_date_and_issuer() {
    let text = "được sửa đổi, bổ sung bởi các Luật số 43/2024/QH15, số 47/2024/QH15 và số 58/2024/QH15 của Quốc hội;\n\
                Thông tư số 04/TT ngày 9-8-1976 và Thông tư số 01 ngày 2-3-1985 của Bộ Nội vụ;\n\
                Nghị định số 10/2020/NĐ-CP ngày 17/01/2020 và Nghị định số 11/2020/NĐ-CP cùng ngày.\n";
    let doc = vanban::parse(text);
    type Row<'a> = (String, Option<u32>, String, Option<&'a str>, &'a [String]);
    let got: Vec<Row<'_>> = doc
        .citations
        .iter()
        .map(|c| (sym(c), c.number, date(c), c.issuer.as_deref(), &c.shared[..]))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!(got[0].0, "43/2024/QH15");
    assert_eq!(got[1].0, "47/2024/QH15");
    assert_eq!(got[2].0, "58/2024/QH15");
    for g in &got[..3] {
        assert_eq!(g.3, Some("Quốc hội"));
    }
    assert_eq!(got[1].4, s(&["type", "issuer"]));
    assert_eq!(got[2].4, s(&["type"]));
    for c in &doc.citations[..3] {
        assert_eq!(c.doc_type.as_deref(), Some("Luật"));
    }
    assert_eq!(span_text(text, &doc.citations[1]), "số 47/2024/QH15");
    assert_eq!(span_text(text, &doc.citations[2]), "số 58/2024/QH15 của Quốc hội");
    assert_eq!(
        (got[3].0.as_str(), got[3].2.as_str(), got[3].3),
        ("04/TT", "1976-08-09", Some("Bộ Nội vụ"))
    );
    assert_eq!(got[3].4, s(&["issuer"]));
    assert_eq!(
        (got[4].1, got[4].2.as_str(), got[4].3),
        (Some(1), "1985-03-02", Some("Bộ Nội vụ"))
    );
    assert_eq!((got[6].0.as_str(), got[6].2.as_str()), ("11/2020/NĐ-CP", "2020-01-17"));
    assert_eq!(got[6].4, s(&["date"]));
}

#[test]
fn laws_cited_by_name() {
    let text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\
                Căn cứ Luật Đất đai số 31/2024/QH15;\n\
                Căn cứ Luật Tổ chức Chính phủ;\n\
                Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\
                Căn cứ Hiến pháp năm 2013;\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.citations.len(), 3);
    let c = &doc.citations[2];
    assert_eq!((c.doc_type.as_deref(), date(c).as_str()), (Some("Hiến pháp"), "2013"));
    assert_eq!(span_text(text, c), "Hiến pháp năm 2013");
    let c = &doc.citations[0];
    assert_eq!(
        (c.symbol.as_ref(), c.name.as_deref()),
        (None, Some("Tổ chức chính quyền địa phương"))
    );
    assert_eq!(date(c), "2015-06-19");
    assert_eq!(c.doc_type.as_deref(), Some("Luật"));
    assert_eq!(
        span_text(text, c),
        "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    );
    assert_eq!(c.relation, Relation::Basis);
    let c = &doc.citations[1];
    assert_eq!((sym(c).as_str(), c.name.as_deref()), ("31/2024/QH15", Some("Đất đai")));
    assert_eq!(span_text(text, c), "Luật Đất đai số 31/2024/QH15");
    let named: Vec<&str> = doc.named_refs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        named,
        [
            "Luật Tổ chức Chính phủ",
            "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"
        ]
    );
}

#[test]
fn number_only_points_at_the_full_citation() {
    let text = "Thực hiện Kế hoạch số 189-KH/TU, ngày 30/3/2020 của Ban Thường vụ Tỉnh ủy. \
                Các đơn vị bám sát Kế hoạch số 189 của Ban Thường vụ Tỉnh ủy và Hướng dẫn số 08.\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.citations.len(), 3);
    assert_eq!(doc.citations[1].number, Some(189));
    assert_eq!(doc.citations[1].refers_to, Some(0));
    assert_eq!(doc.citations[2].number, Some(8));
    assert_eq!(doc.citations[2].refers_to, None);
}

#[test]
fn tvpl_annotations_do_not_break_anything() {
    let text = "Điều 5. Tài sản chung\n[Việc giải quyết tranh chấp về tài sản chung của dòng họ được hướng dẫn bởi \
                Nghị quyết 01/2020/NQ-HĐTP có hiệu lực từ ngày 10/4/2020]\nMẫu số 03/LCHS [Mẫu này bị bãi bỏ bởi Điểm p \
                Khoản 22 Điều 1 Thông tư 02/2023/TT-BTNMT]\n";
    let doc = vanban::parse(text);
    let got: Vec<(String, Relation)> = doc.citations.iter().map(|c| (sym(c), c.relation)).collect();
    assert_eq!(
        got,
        [
            ("01/2020/NQ-HĐTP".to_string(), Relation::Mentions),
            ("02/2023/TT-BTNMT".to_string(), Relation::Mentions)
        ]
    );
}

/// NFD input and the look-alike `Ð`: every span must cut the original bytes
/// at the same citation.
#[test]
fn spans_are_exact_on_nfd_and_eth_input() {
    use unicode_normalization::UnicodeNormalization;
    for seed in SEEDS {
        let nfc = vanban::parse(seed);
        let variants: [String; 2] = [seed.nfd().collect(), seed.replace('Đ', "Ð")];
        for text in &variants {
            let doc = vanban::parse(text);
            assert_eq!(doc.citations.len(), nfc.citations.len());
            for (a, b) in nfc.citations.iter().zip(&doc.citations) {
                assert_eq!(a.symbol, b.symbol);
                assert_eq!(a.date, b.date);
                let want: String = a.span.slice(seed).nfc().collect();
                let got: String = b.span.slice(text).replace('Ð', "Đ").nfc().collect();
                assert!(!got.is_empty());
                assert_eq!(got, want);
                assert_eq!(a.line, b.line);
            }
            for (a, b) in nfc.named_refs.iter().zip(&doc.named_refs) {
                let got: String = b.span.slice(text).replace('Ð', "Đ").nfc().collect();
                assert_eq!(got, a.text);
            }
        }
    }
}
