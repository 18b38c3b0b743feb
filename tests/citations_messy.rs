//! Citations in messy real text (issue 19): every form the issue lists,
//! each on synthetic text with numbers of its own (not copied from a
//! document), read for symbol, date, issuer, relation and the keys `by`,
//! `acts`, `editorial`, `effective` and `self`.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn date(c: &Citation) -> String {
    c.date.map(|d| d.to_string()).unwrap_or_default()
}

/// The only citation of `doc` with this symbol.
fn one<'a>(doc: &'a Document, s: &str) -> &'a Citation {
    let v: Vec<&Citation> = doc.citations.iter().filter(|c| sym(c) == s).collect();
    assert_eq!(
        v.len(),
        1,
        "expected one citation of {s}, found {}: {:?}",
        v.len(),
        doc.citations
    );
    v[0]
}

/// The citation with this number and no symbol.
fn number(doc: &Document, n: u32) -> &Citation {
    let v: Vec<&Citation> = doc
        .citations
        .iter()
        .filter(|c| c.symbol.is_none() && c.number == Some(n))
        .collect();
    assert_eq!(v.len(), 1, "expected one citation of number {n}: {:?}", doc.citations);
    v[0]
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

// 1. Line breaks anywhere in a citation.
#[test]
fn ok_line_breaks_anywhere() {
    let t = "Thực hiện Nghị quyết số\n71/NQ-CP ngày\n14/9/2027 của Ban\nThường vụ Tỉnh ủy; Kế hoạch số 16/KH-UBND ngày 08\ntháng 02 năm 2029 của UBND tỉnh; Quyết định số 312/QĐ-UBND ngày 30 tháng\n6 năm 2028.\nTờ\ntrình số 27/TTr-STC ngày 11/3/2029.";
    let doc = vanban::parse(t);
    let c = one(&doc, "71/NQ-CP");
    assert_eq!(date(c), "2027-09-14");
    assert_eq!(c.issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(date(one(&doc, "16/KH-UBND")), "2029-02-08");
    assert_eq!(date(one(&doc, "312/QĐ-UBND")), "2028-06-30");
    let c = one(&doc, "27/TTr-STC");
    assert_eq!(c.doc_type.as_deref(), Some("Tờ trình"));
    assert_eq!(date(c), "2029-03-11");
    // A bare date opening the next line is a table's cell, not the date.
    let doc = vanban::parse("31/12/2030 Được sửa đổi 17/2029/QĐ-UBND\n02/03/2031 Bị thay thế 20/2031/QĐ-UBND\n");
    assert_eq!(date(one(&doc, "17/2029/QĐ-UBND")), "");
}

// 2. Glued words.
#[test]
fn ok_glued_words() {
    let t = "Căn cứ Nghị quyết số 07-NQ/TW ngày12 tháng 5 năm 2027 của Bộ Chính trị, Thông báo số 81-TB/TWngày 03 tháng 4 năm 2028; Luật Quản lý thuế ngày 10 tháng 6 năm 2026, Luật Tổ chức chính quyền địa phươngngày 21 tháng 7 năm 2025.\nXét đề nghị của Sở Xây dựng tạiTờ trình số 905/TTr-SXD ngày 02/12/2029.";
    let doc = vanban::parse(t);
    assert_eq!(date(one(&doc, "07-NQ/TW")), "2027-05-12");
    let c = one(&doc, "81-TB/TW");
    assert_eq!(date(c), "2028-04-03");
    assert!(codes(&doc).contains(&"glued-text"));
    let named: Vec<(&str, String)> = doc
        .citations
        .iter()
        .filter_map(|c| c.name.as_deref().map(|n| (n, date(c))))
        .collect();
    assert!(
        named.contains(&("Tổ chức chính quyền địa phương", "2025-07-21".to_string())),
        "{named:?}"
    );
    let c = one(&doc, "905/TTr-SXD");
    assert_eq!(c.relation, Relation::Mentions);
    assert_eq!(date(c), "2029-12-02");
    // A list number glued to the type word.
    let doc = vanban::parse("Văn bản liên quan\n- 3Quyết định 4410/QĐ-UBND năm 2030 về việc ban hành Quy chế\n");
    assert_eq!(date(one(&doc, "4410/QĐ-UBND")), "2030");
}

// 3. Symbols to repair, each with a diagnostic.
#[test]
fn ok_symbols_repaired() {
    let t = "Căn cứ Nghị định số 58/2028/NĐCP ngày 01/3/2028 của Chính phủ; Tờ trình số 311/TTr - NN&PTNT ngày 02/4/2029; Thông tư liên tịch số 41/2012/TTLT/BTC-BNV ngày 05/5/2012; Quyết định số 19/1999/QĐ.UB ngày 06/6/1999; Quyết định số 883/QĐUBND ngày 07/7/2029 của UBND tỉnh.\nThực hiện Chỉ thị số 44-CT/TWĐẢNG BỘ TỈNH BÌNH ĐỊNH.";
    let doc = vanban::parse(t);
    for s in [
        "58/2028/NĐ-CP",
        "311/TTr-NN&PTNT",
        "41/2012/TTLT-BTC-BNV",
        "19/1999/QĐ-UB",
        "883/QĐ-UBND",
        "44-CT/TW",
    ] {
        one(&doc, s);
    }
    let c = codes(&doc);
    for code in ["missing-hyphen", "symbol-spacing", "symbol-separator", "glued-text"] {
        assert!(c.contains(&code), "{code} in {c:?}");
    }
    // The Prime Minister's code with its `g` and the space lost.
    let doc = vanban::parse("Căn cứ Quyết định số 772/QĐ-TTngày 19 tháng 5 năm 2029 của Thủ tướng Chính phủ;");
    let c = one(&doc, "772/QĐ-TTg");
    assert_eq!(date(c), "2029-05-19");
    assert!(codes(&doc).contains(&"symbol-repair"));
    // Cyrillic look-alikes in a PDF's text layer, and a code broken at its
    // hyphen over a line.
    let doc = vanban::parse(
        "Thông tư số 14/2027/TT-BТС ngày 03 tháng 3 năm 2027; Nghị định số 93/2028/NĐ-\nCP ngày 04 tháng 4 năm 2028.",
    );
    one(&doc, "14/2027/TT-BTC");
    assert_eq!(date(one(&doc, "93/2028/NĐ-CP")), "2028-04-04");
    assert!(codes(&doc).contains(&"lookalike-letter"));
}

// 4. Upper-case headings.
#[test]
fn ok_upper_case_heading() {
    let doc =
        vanban::parse("KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 11 THÁNG 8 NĂM 2029 CỦA THỦ TƯỚNG CHÍNH PHỦ\n");
    let c = one(&doc, "27/CT-TTg");
    assert_eq!(date(c), "2029-08-11");
    assert_eq!(c.issuer.as_deref(), Some("THỦ TƯỚNG CHÍNH PHỦ"));
    assert_eq!(c.relation, Relation::Implements);
}

// 5. `TƯ` read by context.
#[test]
fn ok_tu_read_by_the_issuer() {
    let doc =
        vanban::parse("Thực hiện Nghị quyết 14-NQ/TƯ của Tỉnh ủy, Chỉ thị 22-CT/TƯ của Ban Bí thư, Kết luận 31-KL/TƯ.");
    one(&doc, "14-NQ/TU");
    one(&doc, "22-CT/TW");
    one(&doc, "31-KL/TW");
    let c = codes(&doc);
    assert!(c.contains(&"ocr-issuer") && c.contains(&"ambiguous-code"), "{c:?}");
}

// 6. Damaged type words, a strong symbol after `số`, list continuations.
#[test]
fn ok_damaged_type_words_and_strong_symbols() {
    let t = "Thực hiện Nghị quyêt số 52-NQ/TW ngày 02/8/2029 của Bộ Chính trị; Quyêt định số 2231/QĐ-UBND ngày 03/9/2029; Chỉ thi số 09-CT/TU.\nCăn cứ các Luật của Quốc hội: số 61/2027/QH16 ngày 19 tháng 11 năm 2027; số 72/2028/QH16 ngày 24 tháng 6 năm 2028.";
    let doc = vanban::parse(t);
    let c = one(&doc, "52-NQ/TW");
    assert_eq!(c.doc_type.as_deref(), Some("Nghị quyết"));
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(one(&doc, "2231/QĐ-UBND").doc_type.as_deref(), Some("Quyết định"));
    assert_eq!(one(&doc, "09-CT/TU").doc_type.as_deref(), Some("Chỉ thị"));
    assert_eq!(date(one(&doc, "61/2027/QH16")), "2027-11-19");
    let c = one(&doc, "72/2028/QH16");
    assert_eq!(date(c), "2028-06-24");
    assert_eq!(c.relation, Relation::Basis);
    // No type word at all: the type from the code, with a note.
    let doc = vanban::parse("Căn cứ số 118-KL/TW ngày 05/01/2030 của Bộ Chính trị;");
    assert_eq!(one(&doc, "118-KL/TW").doc_type.as_deref(), Some("Kết luận"));
    assert!(codes(&doc).contains(&"no-type-word"));
    // A form's code is no citation.
    let doc = vanban::parse("Thông báo theo Mẫu số 04/QĐ-XPHC ban hành kèm theo Thông tư này.");
    assert!(
        doc.citations.iter().all(|c| sym(c) != "04/QĐ-XPHC"),
        "{:?}",
        doc.citations
    );
}

// 6b. In text whose marks a broken conversion scrambled, `và` before a
// damaged type word, `số` and a strong symbol ends the subject before it:
// the two documents are coordinated objects of the verb.
#[test]
fn ok_scrambled_sibling_ends_the_subject() {
    let doc = vanban::parse(
        "Để bảỏ đảm thực hịện có híệụ qúả các nhĩệm vụ nêủ tạí Kết lúận số 131-KL/TW, ngàỷ 24/01/2031 củà Bạn Chấp hành Trũng ương về tổng kết Nghị qụỵết số 28-NQ/TW củá Bạn Chấp hành Trúng ương và Kết lùận số 136-KL/TW, ngàỷ 14/02/2031 củà Bộ Chính trị về một số nộị đũng, Bộ Chính trị ýêụ cầú các cấp úỷ thực hịện.\n",
    );
    assert_eq!(one(&doc, "131-KL/TW").relation, Relation::Implements);
    assert_eq!(one(&doc, "136-KL/TW").relation, Relation::Implements);
    // (In the first's subject, `tổng kết`: the conclusion sums it up.)
    let c = one(&doc, "28-NQ/TW");
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(c.by.map(|b| sym(&doc.citations[b])), Some("131-KL/TW".to_string()));
}

// 7. Parenthesised numbers, historical Party symbols.
#[test]
fn ok_parenthesised_and_historical() {
    let doc = vanban::parse("Theo Công văn (số 417/TTg-KTN) và Nghị quyết số 34-NQ, ngày 21/4/1979; Thông báo Kết luận số 208-TB của Bộ Chính trị.");
    one(&doc, "417/TTg-KTN");
    let c = one(&doc, "34-NQ");
    assert_eq!(date(c), "1979-04-21");
    assert_eq!(c.doc_type.as_deref(), Some("Nghị quyết"));
    assert_eq!(one(&doc, "208-TB").issuer.as_deref(), Some("Bộ Chính trị"));
}

// 8. Mass organisations' codes.
#[test]
fn ok_mass_organisations() {
    let doc = vanban::parse("Thực hiện Quyết định số 342-QĐ/TWĐTN ngày 01/3/2029 và Kế hoạch số 514 KH/TWĐTN ngày 02/4/2029 của Ban Bí thư Trung ương Đoàn.");
    one(&doc, "342-QĐ/TWĐTN");
    let c = one(&doc, "514-KH/TWĐTN");
    assert_eq!(date(c), "2029-04-02");
    assert_eq!(c.relation, Relation::Implements);
}

// 9. A title between symbol and date; effective dates.
#[test]
fn ok_title_before_date_and_effective_date() {
    let t = "(Điều 4 Nghị định số 231/2027/NĐ-CP Quy định chi tiết thi hành Luật Đấu giá tài sản ngày 14/10/2027 của Chính phủ, có hiệu lực thi hành kể từ ngày 01/12/2027)";
    let doc = vanban::parse(t);
    let c = one(&doc, "231/2027/NĐ-CP");
    assert_eq!(date(c), "2027-10-14");
    assert_eq!(c.issuer.as_deref(), Some("Chính phủ"));
    assert_eq!(c.effective.map(|d| d.to_string()).as_deref(), Some("2027-12-01"));
    assert_eq!(
        c.subject.as_deref(),
        Some("Quy định chi tiết thi hành Luật Đấu giá tài sản")
    );
    // No citation of the law from its name inside the title.
    assert!(doc.citations.iter().all(|c| c.name.is_none()), "{:?}", doc.citations);
}

// 10. Treaties by name and date; other citable types.
#[test]
fn ok_treaties_and_other_types() {
    let doc = vanban::parse("Căn cứ Hiệp định Thương mại hàng hóa ASEAN ký ngày 26 tháng 2 năm 2029;\nTheo Báo cáo số 77/BC-UBND, Đề án số 05/ĐA-UBND, Phương án số 12/PA-BCH, Thông cáo số 03/TC-BNG và Công văn điện số 210/CĐ-TTg.");
    let c = doc
        .citations
        .iter()
        .find(|c| c.doc_type.as_deref() == Some("Hiệp định"))
        .expect("the treaty");
    assert_eq!(c.name.as_deref(), Some("Thương mại hàng hóa ASEAN"));
    assert_eq!(date(c), "2029-02-26");
    assert_eq!(c.relation, Relation::Basis);
    for (s, t) in [
        ("77/BC-UBND", "Báo cáo"),
        ("05/ĐA-UBND", "Đề án"),
        ("12/PA-BCH", "Phương án"),
        ("03/TC-BNG", "Thông cáo"),
        ("210/CĐ-TTg", "Công điện"),
    ] {
        assert_eq!(one(&doc, s).doc_type.as_deref(), Some(t), "{s}");
    }
    // Numbers without `số`, abbreviations.
    let doc =
        vanban::parse("Thực hiện Chỉ thị 24 của Ban Bí thư và NQ 47 của Bộ Chính trị, huyện xây dựng Kế hoạch 5 năm.");
    assert_eq!(number(&doc, 24).relation, Relation::Implements);
    assert_eq!(number(&doc, 47).doc_type.as_deref(), Some("Nghị quyết"));
    assert!(
        doc.citations.iter().all(|c| c.number != Some(5)),
        "a duration: {:?}",
        doc.citations
    );
}

// 11. Relations belong to the clause that states them.
#[test]
fn ok_relations_of_the_clause() {
    // `Căn cứ` and a basis heading.
    let doc = vanban::parse("CĂN CỨ PHÁP LÝ\n\n- Luật Đường thủy ngày 11/6/2028;\n- Nghị định số 17/2029/NĐ-CP ngày 02/3/2029;\n- Thông tư số 05/2029/TT-BGTVT ngày 08/4/2029.\n\nNỘI DUNG\nTheo Nghị định số 18/2029/NĐ-CP.\n");
    assert_eq!(one(&doc, "17/2029/NĐ-CP").relation, Relation::Basis);
    assert_eq!(one(&doc, "05/2029/TT-BGTVT").relation, Relation::Basis);
    assert_eq!(one(&doc, "18/2029/NĐ-CP").relation, Relation::Mentions);
    // A relation between two cited documents: `by`.
    let t = "Thực hiện Chương trình số 61-CTr/TU ngày 03 tháng 5 năm 2029 của Tỉnh ủy thực hiện Nghị quyết số 44-NQ/TW ngày 12/11/2028 của Ban Chấp hành Trung ương.\nCăn cứ Nghị định số 73/2029/NĐ-CP ngày 02/7/2029 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 11/2026/NĐ-CP ngày 05/01/2026 của Chính phủ;";
    let doc = vanban::parse(t);
    let prog = doc.citations.iter().position(|c| sym(c) == "61-CTr/TU").unwrap();
    let c = one(&doc, "44-NQ/TW");
    assert_eq!((c.relation, c.by), (Relation::Implements, Some(prog)));
    assert_eq!(one(&doc, "61-CTr/TU").relation, Relation::Implements);
    let nd = doc.citations.iter().position(|c| sym(c) == "73/2029/NĐ-CP").unwrap();
    let c = one(&doc, "11/2026/NĐ-CP");
    assert_eq!((c.relation, c.by), (Relation::Amends, Some(nd)));
    assert_eq!(one(&doc, "73/2029/NĐ-CP").relation, Relation::Basis);
    // The agent of a passive amendment: mentions, and what it does.
    let t = "Căn cứ Luật Thủy sản số 19/2027/QH15 đã được sửa đổi, bổ sung theo Luật số 66/2029/QH16, Luật số 71/2030/QH16;";
    let doc = vanban::parse(t);
    let base = doc.citations.iter().position(|c| sym(c) == "19/2027/QH15").unwrap();
    for s in ["66/2029/QH16", "71/2030/QH16"] {
        let c = one(&doc, s);
        assert_eq!(c.relation, Relation::Mentions, "{s}");
        let acts = c.acts.expect("acts");
        assert_eq!((acts.relation, acts.target), (Relation::Amends, Some(base)), "{s}");
    }
    assert_eq!(one(&doc, "19/2027/QH15").relation, Relation::Basis);
    // `Sửa đổi, bổ sung, bãi bỏ một số điều của Luật X`: amends; a law that
    // must not contradict: mentions; a task `quán triệt` in a list:
    // implements by the letters' reading.
    let doc = vanban::parse("Điều 3. Sửa đổi, bổ sung một số điều của Luật Thuế tài nguyên số 45/2029/QH16\nCác quy định được sửa đổi, thay thế để bảo đảm không trái với quy định của Luật Đấu thầu số 31/2029/QH16.\n");
    assert_eq!(one(&doc, "45/2029/QH16").relation, Relation::Amends);
    assert_eq!(one(&doc, "31/2029/QH16").relation, Relation::Mentions);
}

// 12. Editorial notes of website copies.
#[test]
fn ok_editorial_notes() {
    let t = "Điều 9. Hồ sơ\n1. Hồ sơ gồm đơn đề nghị. [Khoản này được bổ sung bởi Điểm b Khoản 2 Điều 1 Luật số 51/2029/QH16]\n2. Thời hạn giải quyết. [Nội dung này được hướng dẫn bởi Điều 7 Nghị định 214/2029/NĐ-CP]\nXem [Nghị định 215/2029/NĐ-CP](https://x.vn/nd-215) để biết thêm.";
    let doc = vanban::parse(t);
    let c = one(&doc, "51/2029/QH16");
    assert!(c.editorial);
    assert_eq!(c.relation, Relation::Mentions);
    let acts = c.acts.expect("acts");
    assert_eq!((acts.relation, acts.target), (Relation::Amends, None));
    let c = one(&doc, "214/2029/NĐ-CP");
    assert!(c.editorial);
    assert_eq!(c.acts.map(|a| a.relation), Some(Relation::Guides));
    // A Markdown link is no editorial note.
    assert!(!one(&doc, "215/2029/NĐ-CP").editorial);
}

// A consolidated text: the base document, the amending ones.
#[test]
fn ok_consolidated_text() {
    let t = "VĂN PHÒNG QUỐC HỘI\nSố: 09/VBHN-VPQH\nHà Nội, ngày 02 tháng 3 năm 2030\nLUẬT KHOÁNG SẢN\nLuật Khoáng sản số 24/2027/QH15 ngày 17 tháng 11 năm 2027 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2028, được sửa đổi, bổ sung bởi:\n1. Luật số 33/2028/QH15 ngày 20 tháng 6 năm 2028 của Quốc hội sửa đổi, bổ sung một số điều của Luật Khoáng sản, có hiệu lực kể từ ngày 01 tháng 01 năm 2029;\n2. Luật số 12/2029/QH16 ngày 25 tháng 6 năm 2029 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 8 năm 2029.\n";
    let doc = vanban::parse(t);
    let base = doc.citations.iter().position(|c| sym(c) == "24/2027/QH15").unwrap();
    let c = &doc.citations[base];
    assert_eq!(c.relation, Relation::Consolidates);
    assert_eq!(date(c), "2027-11-17", "the issue date, never the effective one");
    assert_eq!(c.effective.map(|d| d.to_string()).as_deref(), Some("2028-07-01"));
    for (s, eff) in [("33/2028/QH15", "2029-01-01"), ("12/2029/QH16", "2029-08-01")] {
        let c = one(&doc, s);
        assert_eq!(c.relation, Relation::Mentions, "{s}");
        let acts = c.acts.expect("acts");
        assert_eq!((acts.relation, acts.target), (Relation::Amends, Some(base)), "{s}");
        assert_eq!(c.effective.map(|d| d.to_string()).as_deref(), Some(eff), "{s}");
    }
}

// `self`: the document's own identity.
#[test]
fn ok_self() {
    let t = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 611/QĐ-UBND\nLâm Đồng, ngày 05 tháng 4 năm 2030\nQUYẾT ĐỊNH\nCăn cứ Quyết định số 88/QĐ-TTg ngày 01/02/2030 của Thủ tướng Chính phủ;\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nQUY CHẾ\n(Ban hành kèm theo Quyết định số 611/QĐ-UBND ngày 05 tháng 4 năm 2030 của UBND tỉnh)\n";
    let doc = vanban::parse(t);
    for c in doc.citations.iter().filter(|c| sym(c) == "611/QĐ-UBND") {
        assert!(c.is_self, "{c:?}");
    }
    assert!(!one(&doc, "88/QĐ-TTg").is_self);
    // A web copy with no header read: `Số:` opening a line.
    let doc = vanban::parse("Kế hoạch triển khai\nSố: 415/KH-UBND\nThực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2030.");
    assert!(one(&doc, "415/KH-UBND").is_self);
    assert!(!one(&doc, "12/KH-UBND").is_self);
}

// A footnote's citations take the relation of the marker's place.
#[test]
fn ok_footnote_takes_the_marker_context() {
    let t = "Góp phần thực hiện thắng lợi 02 nghị quyết chuyên đề của Tỉnh ủy⁽³⁾.\n\n⁽³⁾ Nghị quyết số 07-NQ/TU, ngày 02/3/2029; Nghị quyết số 08-NQ/TU, ngày 05/6/2029.\n";
    let doc = vanban::parse(t);
    for s in ["07-NQ/TU", "08-NQ/TU"] {
        let c = one(&doc, s);
        assert!(c.in_footnote, "{s}");
        assert_eq!(c.relation, Relation::Implements, "{s}");
    }
}

// Held-out failure kinds (after issue 19's first round).

/// Repeal lists: `Bãi bỏ … các văn bản sau:` and `… hết hiệu lực …: ` then
/// an enumerated list: every item is repealed.
#[test]
fn ok_repeal_lists() {
    let t = "Điều 7. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày 01 tháng 3 năm 2031.\n2. Bãi bỏ toàn bộ các văn bản sau đây:\na) Nghị định số 41/2027/NĐ-CP ngày 02 tháng 4 năm 2027 của Chính phủ quy định chi tiết Luật Quy hoạch;\nb) Thông tư số 08/2028/TT-BKHĐT ngày 19 tháng 9 năm 2028 của Bộ trưởng Bộ Kế hoạch và Đầu tư.\n3. Các văn bản sau hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành:\n- Quyết định số 17/2029/QĐ-TTg ngày 05/6/2029 của Thủ tướng Chính phủ;\n- Quyết định số 23/2030/QĐ-TTg ngày 14/7/2030 của Thủ tướng Chính phủ.\n";
    let doc = vanban::parse(t);
    for s in ["41/2027/NĐ-CP", "08/2028/TT-BKHĐT", "17/2029/QĐ-TTg", "23/2030/QĐ-TTg"] {
        assert_eq!(one(&doc, s).relation, Relation::Repeals, "{s}");
    }
    let doc = vanban::parse("Điều 4. Bãi bỏ các văn bản sau:\n1. Quyết định số 2871/QĐ-UBND ngày 11/10/2027 của Ủy ban nhân dân tỉnh.\n2. Quyết định số 318/QĐ-UBND ngày 20/2/2028 của Ủy ban nhân dân tỉnh.\nĐiều 5. Tổ chức thực hiện\nGiám đốc Sở thực hiện Kế hoạch số 77/KH-UBND ngày 03/3/2028.\n");
    assert_eq!(one(&doc, "2871/QĐ-UBND").relation, Relation::Repeals);
    assert_eq!(one(&doc, "318/QĐ-UBND").relation, Relation::Repeals);
    // The list ends with its article.
    assert_eq!(one(&doc, "77/KH-UBND").relation, Relation::Implements);
}

/// A date in brackets after a symbol or a law's name is its date.
#[test]
fn ok_date_in_brackets() {
    let doc = vanban::parse("Căn cứ Luật Đất đai (29/11/2013) và Luật Xây dựng (18/6/2014) của Quốc hội;\nThực hiện Nghị định số 73/2029/NĐ-CP (12/08/2029) của Chính phủ.\n");
    let laws: Vec<(&str, String)> = doc
        .citations
        .iter()
        .filter_map(|c| Some((c.name.as_deref()?, date(c))))
        .collect();
    assert_eq!(
        laws,
        [
            ("Đất đai", "2013-11-29".to_string()),
            ("Xây dựng", "2014-06-18".to_string())
        ]
    );
    assert!(doc
        .citations
        .iter()
        .filter(|c| c.name.is_some())
        .all(|c| c.relation == Relation::Basis));
    assert_eq!(date(one(&doc, "73/2029/NĐ-CP")), "2029-08-12");
}

/// Capitals glued before a symbol's number (a table's OCR, an
/// abbreviation): the symbol is read, with a `glued-text` warning; without
/// a year, capitals glued on make no citation.
#[test]
fn ok_capitals_glued_before_the_number() {
    let doc = vanban::parse("| 4 | NĐ118/2030/NĐ-CP | Quy định xử phạt |\n| 5 | TT07/2029/TT-BYT | Hướng dẫn |\n| 6 | AB12/KH | mã hồ sơ |\n");
    assert_eq!(one(&doc, "118/2030/NĐ-CP").doc_type.as_deref(), Some("Nghị định"));
    assert_eq!(one(&doc, "07/2029/TT-BYT").doc_type.as_deref(), Some("Thông tư"));
    assert_eq!(doc.citations.len(), 2, "{:?}", doc.citations);
    assert_eq!(codes(&doc).iter().filter(|c| **c == "glued-text").count(), 2);
    // Lower-case letters glued on are a word, not an abbreviation; one
    // capital is a digit misread, not read as text glued on.
    assert!(vanban::parse("mã hồ sơ ab12/2030/NĐ-CP\n").citations.is_empty());
    assert!(vanban::parse("| 7 | B6/2031/NĐ-CP |\n")
        .citations
        .iter()
        .all(|c| sym(c) != "6/2031/NĐ-CP"));
}

/// One word per line in a table's cell: still one citation.
#[test]
fn ok_one_word_per_line_cells() {
    let doc = vanban::parse(
        "| 1 | Nghị quyết \nsố 39-\nNQ/TW | Về phát triển |\n| 2 | Quyết định \nsố \n2045/QĐ-\nUBND | Về việc |\n",
    );
    assert_eq!(one(&doc, "39-NQ/TW").doc_type.as_deref(), Some("Nghị quyết"));
    assert_eq!(one(&doc, "2045/QĐ-UBND").doc_type.as_deref(), Some("Quyết định"));
    assert_eq!(doc.citations.len(), 2);
}

/// A table column headed `Căn cứ …`: the documents in it are the basis;
/// the other columns' are not.
#[test]
fn ok_basis_column() {
    let t = "| STT | Tên văn bản | Căn cứ bổ sung | Ghi chú |\n|---|---|---|---|\n| 1 | Quyết định số 612/QĐ-UBND | Nghị định số 47/2029/NĐ-CP | |\n| 2 | Quyết định số 613/QĐ-UBND | Thông tư số 15/2030/TT-BTC | |\n";
    let doc = vanban::parse(t);
    assert_eq!(one(&doc, "47/2029/NĐ-CP").relation, Relation::Basis);
    assert_eq!(one(&doc, "15/2030/TT-BTC").relation, Relation::Basis);
    assert_eq!(one(&doc, "612/QĐ-UBND").relation, Relation::Mentions);
    // A table without such a column.
    let doc = vanban::parse(&t.replace("Căn cứ bổ sung", "Văn bản liên quan"));
    assert_eq!(one(&doc, "47/2029/NĐ-CP").relation, Relation::Mentions);
}

/// An amending decree's object, in its title and its article 1, is
/// amended.
#[test]
fn ok_amending_decree_object() {
    let t = "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 64/2028/NĐ-CP ngày 09 tháng 5 năm 2028 của Chính phủ quy định chi tiết Luật Đầu tư\n\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nChính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 64/2028/NĐ-CP ngày 09 tháng 5 năm 2028 của Chính phủ.\nĐiều 1. Sửa đổi, bổ sung một số điều của Nghị định số 64/2028/NĐ-CP\n";
    let doc = vanban::parse(t);
    let amended: Vec<Relation> = doc
        .citations
        .iter()
        .filter(|c| sym(c) == "64/2028/NĐ-CP")
        .map(|c| c.relation)
        .collect();
    assert_eq!(amended, [Relation::Amends; 3]);
}

/// A quotation that is the object of a verb acting on a document (`Sửa đổi
/// cụm từ “…” thành “…” tại …`) leaves the verb governing, also over a list
/// of provisions wrapped at `Điều N,`; a quotation after another cue ends
/// that cue's clause.
#[test]
fn ok_quoted_object_of_an_amendment() {
    let doc = vanban::parse("1. Sửa đổi cụm từ “300 triệu đồng” thành “02 tỷ đồng” tại Điều 5, Điều\n7, khoản 2 Điều 9 và khoản 1\nĐiều 14, khoản 3 Điều 21 Nghị định số 88/2029/NĐ-CP.\n");
    assert_eq!(one(&doc, "88/2029/NĐ-CP").relation, Relation::Amends);
    let doc = vanban::parse("Song song, tiếp tục triển khai phong trào “Dân vận khéo”, chú ý bám sát nội dung “04 không” tại Kế hoạch số 47-KH/TU của Ban Thường vụ Tỉnh ủy.\n");
    assert_eq!(one(&doc, "47-KH/TU").relation, Relation::Mentions);
}

/// A consolidated text's copy with no title or authentication block: it
/// opens with its base and the list of documents amending it; the base's
/// forms `Ban hành kèm theo` it consolidate it too.
#[test]
fn ok_consolidated_opening_without_marks() {
    let t = "LUẬT\nPHÒNG CHÁY\n\nLuật Phòng cháy số 55/2029/QH15 ngày 20 tháng 6 năm 2029 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2030, được sửa đổi, bổ sung bởi:\nLuật số 12/2031/QH16 ngày 14 tháng 6 năm 2031 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 1 năm 2032.\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nĐiều 1. Phạm vi\n…\nMẫu số 02: Ban hành kèm theo Luật số 55/2029/QH15\n";
    let doc = vanban::parse(t);
    let base: Vec<Relation> = doc
        .citations
        .iter()
        .filter(|c| sym(c) == "55/2029/QH15")
        .map(|c| c.relation)
        .collect();
    assert_eq!(base, [Relation::Consolidates; 2]);
    let c = one(&doc, "12/2031/QH16");
    assert_eq!(c.relation, Relation::Mentions);
    assert_eq!(
        c.acts.map(|a| (a.relation, a.target)),
        Some((Relation::Amends, Some(0)))
    );
    // Not a text that only names a document and its amendment in a sentence.
    let doc = vanban::parse("Theo quy định của Thông tư 19/2028/TT-BTNMT ngày 02/5/2028 và sửa đổi theo Khoản 4 Điều 2 Thông tư 27/2030/TT-BTNMT, sổ được lập.\n");
    assert_eq!(one(&doc, "19/2028/TT-BTNMT").relation, Relation::Mentions);
}

/// An annex `ban hành kèm theo` a document, its article's title wrapped
/// from a verb acting on it: the verb governs.
#[test]
fn ok_annex_of_an_amended_document() {
    let doc = vanban::parse("Điều 3. Sửa đổi, bổ sung điểm 2 Mục II Biểu mức thu phí thẩm định\nhồ sơ, lệ phí cấp giấy phép ban hành kèm theo Thông tư số 61/2030/TT-BTC\n");
    assert_eq!(one(&doc, "61/2030/TT-BTC").relation, Relation::Amends);
}

// A restatement (`sau đây gọi tắt là`, `viết tắt là`, `gọi tt là` with
// the word damaged, on its line or the next) only mentions the document;
// `tổng kết` right before a document sums up its implementation.
#[test]
fn ok_restatement_and_summing_up() {
    for t in [
        "- Thực hiện tốt Chỉ thị số 21/CT-TTg ngày 16/7/2031 của Thủ tướng Chính phủ về phát động thi đua (sau đây gọi tt là số 21/CT-TTg); tạo sự chuyển biến.\n",
        "- Thực hiện tốt Chỉ thị số 21/CT-TTg ngày 16/7/2031 của Thủ tướng Chính phủ về phát động thi đua (sau đây viết tắt là \nChỉ thị số 21/CT-TTg); tạo sự chuyển biến.\n",
    ] {
        let doc = vanban::parse(t);
        let rels: Vec<Relation> = doc.citations.iter().map(|c| c.relation).collect();
        assert_eq!(rels, [Relation::Implements, Relation::Mentions], "{t:?}");
    }
    let doc =
        vanban::parse("1. Ban Chỉ đạo Trung ương tổng kết Nghị quyết số 23-NQ/TW của Ban Chấp hành Trung ương.\n");
    assert_eq!(one(&doc, "23-NQ/TW").relation, Relation::Implements);
    // Not a verb's object further on.
    let doc = vanban::parse(
        "Tổ chức tổng kết công tác năm 2031 theo hướng dẫn tại Công văn số 415/SNV-VP ngày 02/12/2031.\n",
    );
    assert_ne!(one(&doc, "415/SNV-VP").relation, Relation::Implements);
}
