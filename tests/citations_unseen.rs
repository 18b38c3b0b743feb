//! Citations in forms first met on documents the team had not seen
//! (gazette PDF text, web copies of laws): footnote markers glued to a
//! symbol, table cells broken a word or two a line, repeal lists, bracketed
//! dates, names under `Căn cứ`. Synthetic text with numbers of its own.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn date(c: &Citation) -> String {
    c.date.map(|d| d.to_string()).unwrap_or_default()
}

/// The citations of `doc` with this symbol.
fn all<'a>(doc: &'a Document, s: &str) -> Vec<&'a Citation> {
    doc.citations.iter().filter(|c| sym(c) == s).collect()
}

/// The first citation of `doc` with this symbol.
fn first<'a>(doc: &'a Document, s: &str) -> &'a Citation {
    all(doc, s)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no citation of {s}: {:?}", doc.citations))
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

// 1. A footnote's superscript marker printed as digits glued to the symbol.
#[test]
fn ok_footnote_marker_cut_off_the_symbol() {
    let t = "Thực hiện Nghị quyết số 47-NQ/TW3 ngày 12/5/2027 của Bộ Chính trị, Nghị quyết số 233/NQ-CP12 và Chương trình số 31-CTr/BCĐ7.\nThực hiện Nghị định số 18/2029/NĐ-CP5 của Chính phủ.\n";
    let doc = vanban::parse(t);
    let c = first(&doc, "47-NQ/TW");
    assert_eq!(date(c), "2027-05-12");
    assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(all(&doc, "233/NQ-CP").len(), 1);
    assert_eq!(all(&doc, "31-CTr/BCĐ").len(), 1);
    assert_eq!(all(&doc, "18/2029/NĐ-CP").len(), 1);
    assert!(codes(&doc).contains(&"footnote-marker"), "{:?}", doc.diagnostics);
    // The symbol's span ends before the marker.
    let s = c.symbol_span.expect("span");
    assert_eq!(&t[s.start..s.end], "47-NQ/TW");
}

// A marker with text glued on after it: each note's span is its own text
// (found by the property tests: the glued text's span was placed as if the
// marker were not there, ending inside `à`).
#[test]
fn bad_marker_then_glued_text_spans() {
    let t = "Quyết định số 1977/QĐ-UBND12ngày 05/3/2029 của UBND tỉnh.\n";
    let doc = vanban::parse(t);
    let at = |code: &str| {
        let d = doc
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{code}: {:?}", doc.diagnostics));
        let s = d.span.expect("span");
        &t[s.start..s.end]
    };
    assert_eq!(at("footnote-marker"), "12");
    assert_eq!(at("glued-text"), "ngày");
    assert_eq!(date(first(&doc, "1977/QĐ-UBND")), "2029-03-05");
}

// Two readings of broken text that overlap (a symbol with a marker glued to
// a type word, then a symbol with text glued on): the relation of the
// second looks back at the first without slicing a negative gap (found by
// the property tests: it panicked).
#[test]
fn bad_overlapping_readings_do_not_panic() {
    let t = "(Đã ký)\n30/2020/NĐ-CP0Quyết định 698-CV/TUNÐ-CP";
    let doc = vanban::parse(t);
    for c in &doc.citations {
        assert!(c.span.start <= c.span.end && c.span.end <= t.len(), "{c:?}");
    }
    assert_eq!(doc.citations.len(), 2, "{:?}", doc.citations);
}

#[test]
fn ok_numbered_codes_keep_their_digits() {
    let t = "Căn cứ Luật số 61/2027/QH16, Nghị quyết số 104/2028/UBTVQH16, Báo cáo số 512/BC-UBKTTC16 và Nghị quyết số 22/NQ-HĐNN8.\n";
    let doc = vanban::parse(t);
    for s in ["61/2027/QH16", "104/2028/UBTVQH16", "512/BC-UBKTTC16", "22/NQ-HĐNN8"] {
        assert_eq!(all(&doc, s).len(), 1, "{s}: {:?}", doc.citations);
    }
    assert!(!codes(&doc).contains(&"footnote-marker"));
}

// 4. `X … hết hiệu lực kể từ ngày …` across X's long title; a phrase an
// amendment rewrites is no object of it.
#[test]
fn ok_expiry_and_rewritten_phrase() {
    let t = "Điều 9. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2029.\n2. Nghị định số 83/2022/NĐ-CP ngày 17 tháng 10 năm 2022 của Chính phủ quy định chi tiết một số điều của Luật Quy hoạch về tổ chức lập quy hoạch hết hiệu lực thi hành kể từ ngày Nghị định này có hiệu lực thi hành.\n3. Sửa đổi cụm từ “theo quy định tại Nghị định số 26/2020/NĐ-CP” tại khoản 4 Điều 7 Nghị định số 55/2025/NĐ-CP ngày 02 tháng 4 năm 2025 của Chính phủ.\n4. Sửa đổi cụm từ “Nghị định số 14/2019/NĐ-CP” thành “Nghị định số 71/2028/NĐ-CP” tại điểm b khoản 2 Điều 5 Nghị định số 90/2026/NĐ-CP.\n";
    let doc = vanban::parse(t);
    assert_eq!(first(&doc, "83/2022/NĐ-CP").relation, Relation::Repeals);
    assert_eq!(first(&doc, "26/2020/NĐ-CP").relation, Relation::Mentions);
    assert_eq!(first(&doc, "55/2025/NĐ-CP").relation, Relation::Amends);
    assert_eq!(first(&doc, "14/2019/NĐ-CP").relation, Relation::Mentions);
    assert_eq!(first(&doc, "71/2028/NĐ-CP").relation, Relation::Mentions);
    assert_eq!(first(&doc, "90/2026/NĐ-CP").relation, Relation::Amends);
}

#[test]
fn ok_expiry_wrapped_under_an_article_title_with_a_cue() {
    // The title's `tổ chức thực hiện` opens no list for the statement.
    let t = "Điều 14. Hiệu lực thi hành và tổ chức thực hiện\n1. Nghị định này có hiệu lực từ ngày 15 tháng 9 năm 2028.\n2. Nghị định số 36/2019/NĐ-CP ngày 29 tháng 4 năm 2019 của Chính phủ\nquy định chi tiết một số điều của Luật Thủy lợi hết hiệu lực thi hành kể từ ngày Nghị định\nnày có hiệu lực thi hành.\n";
    let doc = vanban::parse(t);
    assert_eq!(first(&doc, "36/2019/NĐ-CP").relation, Relation::Repeals);
    // The phrase rewritten wrapped over lines: the verb before it governs
    // the document after it.
    let t = "3. Sửa đổi cụm từ “khoản 2 Điều 4 Nghị định số 19/2020/NĐ-CP ngày 08 tháng 2 năm 2020 của Chính phủ quy định một\nsố nội dung về quản lý tài chính đối với doanh nghiệp nhà nước và doanh nghiệp có vốn\nnhà nước tại các tổng công ty hoạt động trong lĩnh vực vận tải biển” tại khoản 1\nĐiều 9 Nghị định số 116/2027/NĐ-CP ngày 12 tháng 8 năm 2027 của Chính phủ.\n";
    let doc = vanban::parse(t);
    assert_eq!(first(&doc, "19/2020/NĐ-CP").relation, Relation::Mentions);
    assert_eq!(first(&doc, "116/2027/NĐ-CP").relation, Relation::Amends);
}

// 3. Repeal lists: numbered items across a PDF's page break and signature
// stamp, Markdown table rows, list items with an abbreviated type.
#[test]
fn ok_repeal_lists() {
    let t = "Điều 2. Bãi bỏ toàn bộ 3 văn bản quy phạm pháp luật do Bộ trưởng Bộ Công Thương ban hành sau đây:\n\nCÔNG BÁO/Số 311 + 312/Ngày 14-03-2027\n17\n\nNgười ký: Cổng Thông tin điện tử Chính phủ\nThời gian ký: 14.03.2027 09:12:40 +07:00\n\n1. Thông tư số 27/2016/TT-BCT ngày 05 tháng 12 năm 2016 hướng dẫn thực hiện một số điều của Nghị định số 83/2014/NĐ-CP.\n2. Thông tư số 09/2017/TT-BCT ngày 13/7/2017.\na) Quyết định số 44/2018/QĐ-BCT ngày 2/8/2018.\nĐiều 3. Hiệu lực thi hành\nQuyết định số 12/2018/QĐ-TTg quy định.\n";
    let doc = vanban::parse(t);
    for s in ["27/2016/TT-BCT", "09/2017/TT-BCT", "44/2018/QĐ-BCT"] {
        assert_eq!(first(&doc, s).relation, Relation::Repeals, "{s}");
    }
    assert_ne!(first(&doc, "83/2014/NĐ-CP").relation, Relation::Repeals);
    assert_eq!(first(&doc, "12/2018/QĐ-TTg").relation, Relation::Mentions);
    let t = "Các văn bản sau hết hiệu lực:\n\n| STT | Văn bản |\n|---|---|\n| 1 | Thông tư số 35/2015/TT-BCT ngày 2/7/2015 |\n| 2 | Quyết định số 61/2017/QĐ-TTg |\n\nBãi bỏ các văn bản sau:\n1. **TT 22/2013/TT-BNNPTNT** — Quy định về quản lý giống\n2. **QĐ 93/2016/QĐ-BNN** — Ban hành quy chế\n";
    let doc = vanban::parse(t);
    for s in [
        "35/2015/TT-BCT",
        "61/2017/QĐ-TTg",
        "22/2013/TT-BNNPTNT",
        "93/2016/QĐ-BNN",
    ] {
        assert_eq!(first(&doc, s).relation, Relation::Repeals, "{s}");
    }
    assert_eq!(first(&doc, "22/2013/TT-BNNPTNT").doc_type.as_deref(), Some("Thông tư"));
}

// 5. A date in brackets after a bare or abbreviated symbol, or closing a
// list item after its title; an effective date in brackets is none.
#[test]
fn ok_bracketed_dates() {
    let t = "Căn cứ Nghị định 83/2023/NĐ-CP (19/11/2023) và Nghị định 27/2026/NĐ-CP (ngày 04/02/2026).\nCăn cứ Thông tư 17/2025/TT-BNV (có hiệu lực từ 01/3/2026).\n\nBãi bỏ các văn bản sau:\n1. **TT 31/2012/TT-BNNPTNT** — Quy định về quản lý thuốc thú y (18/7/2012)\n2. QĐ 56/2014/QĐ-BNN: Ban hành quy chế kiểm dịch (03/9/2014)\n3. NĐ 44/2015/NĐ-CP — Quy định chi tiết (hết hiệu lực: 01/01/2027)\n\nCác văn bản sau hết hiệu lực:\n\n| 1 | TTLT 12/2016/TTLT-BTC-BNN — Hướng dẫn cơ chế tài chính (20/1/2016) |\n";
    let doc = vanban::parse(t);
    assert_eq!(date(first(&doc, "83/2023/NĐ-CP")), "2023-11-19");
    assert_eq!(date(first(&doc, "27/2026/NĐ-CP")), "2026-02-04");
    assert_eq!(date(first(&doc, "17/2025/TT-BNV")), "");
    let c = first(&doc, "31/2012/TT-BNNPTNT");
    assert_eq!(
        (date(c), c.doc_type.as_deref()),
        ("2012-07-18".into(), Some("Thông tư"))
    );
    let c = first(&doc, "56/2014/QĐ-BNN");
    assert_eq!(
        (date(c), c.doc_type.as_deref()),
        ("2014-09-03".into(), Some("Quyết định"))
    );
    assert_eq!(date(first(&doc, "44/2015/NĐ-CP")), "");
    assert_eq!(date(first(&doc, "12/2016/TTLT-BTC-BNN")), "2016-01-20");
    for s in [
        "31/2012/TT-BNNPTNT",
        "56/2014/QĐ-BNN",
        "44/2015/NĐ-CP",
        "12/2016/TTLT-BTC-BNN",
    ] {
        assert_eq!(first(&doc, s).relation, Relation::Repeals, "{s}");
    }
}

// 6. Names vs statements under `Căn cứ`; key-value rows of web copies.
#[test]
fn ok_amending_names_under_basis() {
    let t = "Căn cứ Luật Đo lường số 04/2011/QH13 ngày 11 tháng 11 năm 2011 và Luật sửa đổi, bổ sung một số điều Luật Đo lường số 35/2018/QH14 ngày 20/11/2018;\nCăn cứ Nghị định số 88/2021/NĐ-CP ngày 01 tháng 10 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 23/2017/NĐ-CP ngày 09 tháng 3 năm 2017; Nghị định số 15/2025/NĐ-CP ngày 20 tháng 1 năm 2025 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 23/2017/NĐ-CP ngày 09 tháng 3 năm 2017;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Thú y số 79/2015/QH13;\n\n| Thuộc tính | Nội dung |\n|---|---|\n| **Căn cứ** | Luật Trồng trọt số 31/2018/QH14 |\n| **Thay thế** | Thông tư 13/2023/TT-BNV |\n";
    let doc = vanban::parse(t);
    assert_eq!(first(&doc, "04/2011/QH13").relation, Relation::Basis);
    assert_eq!(first(&doc, "35/2018/QH14").relation, Relation::Basis);
    for s in ["88/2021/NĐ-CP", "15/2025/NĐ-CP"] {
        let c = first(&doc, s);
        assert_eq!((c.relation, c.by), (Relation::Basis, None), "{s}");
    }
    for c in all(&doc, "23/2017/NĐ-CP") {
        assert_eq!(c.relation, Relation::Amends);
        assert!(c.by.is_some(), "{c:?}");
    }
    // `… một số điều của Luật X số N`: N is X's, the amended law.
    assert_eq!(first(&doc, "79/2015/QH13").relation, Relation::Amends);
    assert_eq!(first(&doc, "31/2018/QH14").relation, Relation::Basis);
    assert_eq!(first(&doc, "13/2023/TT-BNV").relation, Relation::Replaces);
}

// 7. An amending document's object wherever it is named as such; `by` is
// never this very document.
#[test]
fn ok_amending_object_named_by_this_document() {
    let t = "CHÍNH PHỦ\n\nSố: 63/2027/NĐ-CP\n\nHà Nội, ngày 12 tháng 5 năm 2027\n\nNGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 41/2023/NĐ-CP ngày 19 tháng 6 năm 2023 của Chính phủ quy định về quản lý phí\n\nĐiều 1. Sửa đổi, bổ sung một số điều của Nghị định số 41/2023/NĐ-CP\nNghị định số 63/2027/NĐ-CP sửa đổi, bổ sung Điều 4, Điều 8 của Nghị định số 41/2023/NĐ-CP như sau:\n1. Điều 4 được sửa đổi như sau:\nMức phí theo Nghị định số 41/2023/NĐ-CP là 2 triệu đồng.\n";
    let doc = vanban::parse(t);
    let v = all(&doc, "41/2023/NĐ-CP");
    assert_eq!(v.len(), 4, "{v:?}");
    for c in &v[..3] {
        assert_eq!((c.relation, c.by), (Relation::Amends, None), "{c:?}");
    }
    assert_eq!(v[3].relation, Relation::Mentions);
    // A web copy's key-value row names the original text.
    let t = "# NGHỊ ĐỊNH\n\n## Sửa đổi, bổ sung một số điều của Nghị định số 19/2026/NĐ-CP về giá điện\n\n| | |\n|---|---|\n| **Văn bản gốc** | 19/2026/NĐ-CP (ngày 14/02/2026) |\n| **Văn bản liên quan** | 33/2025/NĐ-CP |\n";
    let doc = vanban::parse(t);
    let c = all(&doc, "19/2026/NĐ-CP").into_iter().last().expect("row");
    assert_eq!((c.relation, date(c)), (Relation::Amends, "2026-02-14".to_string()));
    assert_eq!(first(&doc, "33/2025/NĐ-CP").relation, Relation::Mentions);
}

// 8. Implementation cues across a PDF's line breaks and coordinated lists.
#[test]
fn ok_implementation_cues() {
    let t = "Thể chế hóa Kết luận số 127-KL/TW, ngày\n14/3/2027 và Kết luận số 208-KL/TW, ngày 02/9/2027 của Bộ Chính trị.\nThực hiện Nghị quyết số 59-NQ/TW ngày 21/6/2027 của Bộ Chính trị (ban hành kèm theo Nghị quyết số 188/NQ-CP ngày 03/8/2027).\nĐây là nỗ lực trong việc thể chế hóa Nghị quyết số 35-NQ/TW ngày 4/5/2026 của Bộ Chính trị.\n";
    let doc = vanban::parse(t);
    let c = first(&doc, "127-KL/TW");
    assert_eq!((c.relation, date(c)), (Relation::Implements, "2027-03-14".to_string()));
    assert_eq!(first(&doc, "208-KL/TW").relation, Relation::Implements);
    assert_eq!(first(&doc, "59-NQ/TW").relation, Relation::Implements);
    assert_eq!(first(&doc, "188/NQ-CP").relation, Relation::Mentions);
    assert_eq!(first(&doc, "35-NQ/TW").relation, Relation::Mentions);
}

// A quotation that closes after letters of several bytes, far from its
// opening, reads without a panic (the phrase's cue is found by bytes).
#[test]
fn ok_long_quotation_before_a_citation() {
    let long = "bảo đảm ".repeat(60);
    let t = format!("Sửa đổi cụm từ “{long}của Bộ Tài chính” tại khoản 2 Điều 5 Thông tư số 07/2027/TT-BTC.\nThay “{long}” bằng Thông tư số 08/2027/TT-BTC.\n");
    let doc = vanban::parse(&t);
    assert_eq!(first(&doc, "07/2027/TT-BTC").relation, Relation::Amends);
    assert_eq!(all(&doc, "08/2027/TT-BTC").len(), 1);
}

#[test]
fn ok_closing_date_title_keeps_its_citations() {
    let t = "Bãi bỏ các văn bản sau:\n1. **QĐ 51/2005/QĐ-BNN** — Danh mục giống (16/12/2005)\n2. **QĐ 12/2007/QĐ-BNN** — Bổ sung QĐ 51/2005/QĐ-BNN về Danh mục giống (22/5/2007)\n";
    let doc = vanban::parse(t);
    let inner = all(&doc, "51/2005/QĐ-BNN");
    assert_eq!(inner.len(), 2, "{:?}", doc.citations);
    // The bracket closing the line is the item's date (read past the
    // citation in its title), not the inner one's.
    assert_eq!(date(first(&doc, "12/2007/QĐ-BNN")), "2007-05-22");
    assert_eq!(date(inner[1]), "");
}

// 2. Table cells of PDF text broken a word or two a line (trailing spaces
// before the breaks), the date too.
#[test]
fn ok_table_cells_broken_per_word() {
    let t = "Nghị quyết \nsố 47-\nNQ/TW \nChương \ntrình số 31-\nCTr/BCĐ \nNghị định số \n18/2029/NĐ-\nCP \nNghị quyết \nsố 104/2028/ \nUBTVQH16 \nNghị \nquyết \nsố \n83-\nNQ/TW \nKết luận số \n227-KL/TW, \nngày \n14/10/2027 của \nBộ Chính trị \n";
    let doc = vanban::parse(t);
    for s in [
        "47-NQ/TW",
        "31-CTr/BCĐ",
        "18/2029/NĐ-CP",
        "104/2028/UBTVQH16",
        "83-NQ/TW",
    ] {
        assert_eq!(all(&doc, s).len(), 1, "{s}: {:?}", doc.citations);
    }
    let c = first(&doc, "227-KL/TW");
    assert_eq!(date(c), "2027-10-14");
    assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"));
}
