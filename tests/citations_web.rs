//! Citations in provincial letters as web pages give them: escaped line
//! breaks, damaged diacritics, cue precedence, durations that are not
//! citations, the reach of a heading's cue, and repaired symbols. Synthetic
//! text with numbers of its own; the real forms are named in each test.

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
    assert_eq!(v.len(), 1, "expected one citation of {s}: {:?}", doc.citations);
    v[0]
}

/// Line breaks printed escaped (`\r\n` as four characters) are line breaks:
/// the date and issuer after one are read, and spans are bytes of the input.
#[test]
fn ok_escaped_line_breaks() {
    let t = r"Thực hiện Quyết định số 2071/QĐ-TTg\r\nngày 14/09/2028 của Thủ tướng Chính phủ về việc X;\r\n\r\n\r\nKế hoạch số 33/KH-UBND\nngày 02 tháng 3 năm 2029 của\r\nUBND tỉnh.";
    let doc = vanban::parse(t);
    let c = one(&doc, "2071/QĐ-TTg");
    assert_eq!(date(c), "2028-09-14");
    assert_eq!(c.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    assert_eq!(c.relation, Relation::Implements);
    let surface = c.span.slice(t);
    assert!(surface.starts_with("Quyết định số 2071"), "{surface:?}");
    assert!(surface.contains(r"\r\nngày 14/09/2028"), "{surface:?}");
    let c = one(&doc, "33/KH-UBND");
    assert_eq!(date(c), "2029-03-02");
    assert_eq!(c.issuer.as_deref(), Some("UBND tỉnh"));
}

/// A header whose lines are joined by escaped breaks still reads.
#[test]
fn ok_escaped_line_breaks_header() {
    let t = r"ỦY BAN NHÂN DÂN\r\nTỈNH NINH THUẬN\r\n-------\r\nSố: 418/KH-UBND\r\nNinh Thuận, ngày 05 tháng 6 năm 2029\r\n\r\nKẾ HOẠCH\r\nTriển khai thực hiện Chỉ thị số 07/CT-TTg ngày 11/4/2029 của Thủ tướng Chính phủ\r\n";
    let doc = vanban::parse(t);
    assert_eq!(
        doc.symbol.as_ref().map(|s| s.to_string()).as_deref(),
        Some("418/KH-UBND")
    );
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2029-06-05"));
    let c = one(&doc, "07/CT-TTg");
    assert_eq!(date(c), "2029-04-11");
    assert_eq!(c.relation, Relation::Implements);
    assert_eq!(doc.doc_type.as_deref(), Some("Kế hoạch"));
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

/// Tone marks and vowel hats on the wrong letters (a broken conversion):
/// type words, `ngày`, `của` and the cues are read on their base letters,
/// and the document is said to look damaged.
#[test]
fn ok_scrambled_diacritics() {
    let t = "Thực hịện Nghị qụỵết số 27-NQ/TW ngày 09/11/2029 củá Bạn Chấp hành Trúng ương Đảng khỏá XÍĨ về việc A.\nTriển khaỉ Kết lùận số 231-KL/TW, ngàỷ 17/03/2030 củà Bộ Chính trị về việc B.\nQuán trịệt Nghị qúỷết 36 của Ban Thường vụ.";
    let doc = vanban::parse(t);
    let c = one(&doc, "27-NQ/TW");
    assert_eq!(c.doc_type.as_deref(), Some("Nghị quyết"));
    assert_eq!(date(c), "2029-11-09");
    assert_eq!(c.issuer.as_deref(), Some("Bạn Chấp hành Trúng ương Đảng khỏá XÍĨ"));
    assert_eq!(c.relation, Relation::Implements);
    let c = one(&doc, "231-KL/TW");
    assert_eq!(c.doc_type.as_deref(), Some("Kết luận"));
    assert_eq!(date(c), "2030-03-17");
    assert_eq!(c.issuer.as_deref(), Some("Bộ Chính trị"));
    assert_eq!(c.relation, Relation::Implements);
    let c = doc
        .citations
        .iter()
        .find(|c| c.number == Some(36))
        .expect("Nghị qúỷết 36");
    assert_eq!(c.doc_type.as_deref(), Some("Nghị quyết"));
    assert!(c.span.slice(t).starts_with("Nghị qúỷết 36"), "{:?}", c.span.slice(t));
    assert_eq!(c.relation, Relation::Implements);
    assert!(codes(&doc).contains(&"damaged-diacritics"), "{:?}", doc.diagnostics);
}

/// A damaged type word needs `số` or a number after it: words that fold
/// like one in running text are no citation, and text printed right says
/// nothing of damage.
#[test]
fn ok_damaged_type_word_needs_a_number() {
    let doc =
        vanban::parse("Các đơn vị nghị quỵết về việc X; đề ản của tỉnh; Quyết định số 14/QĐ-UBND ngày 02/5/2029.");
    assert_eq!(doc.citations.len(), 1, "{:?}", doc.citations);
    assert!(!codes(&doc).contains(&"damaged-diacritics"));
}

/// A type word, a number and a duration is a period, not a citation, in
/// any case; a year or a date after the number makes it one.
#[test]
fn ok_duration_is_no_citation() {
    for t in [
        "KẾ HOẠCH 7 NĂM (2024 - 2030)",
        "Kế hoạch 7 năm (2024 - 2030) của tỉnh",
        "Kế hoạch 7 năm 2024–2030",
        "CHƯƠNG TRÌNH 4 NĂM giai đoạn 2027-2030",
        "KẾ HOẠCH 9 THÁNG CUỐI NĂM",
        "Kế hoạch 100 ngày đêm",
    ] {
        let doc = vanban::parse(t);
        assert!(doc.citations.is_empty(), "{t}: {:?}", doc.citations);
    }
    let doc = vanban::parse("Nghị quyết 37 ngày 14/10/2028 của Bộ Chính trị; CHỈ THỊ 09 NĂM 2027 CỦA BAN BÍ THƯ");
    let dates: Vec<(Option<u32>, String)> = doc.citations.iter().map(|c| (c.number, date(c))).collect();
    assert_eq!(
        dates,
        [(Some(37), "2028-10-14".to_string()), (Some(9), "2027".to_string())]
    );
}

/// `Hướng dẫn thực hiện` / `hướng dẫn thi hành` / `quy định chi tiết`
/// inside a cited document's subject: the longer cue wins over `thực hiện`,
/// and the relation is between the two cited documents (`by`), also when
/// the line breaks after the cue.
#[test]
fn ok_guiding_cue_wins() {
    let t = "Quyết định số 3417/QĐ-UBND ngày 05/11/2028 của UBND tỉnh ban hành Quy định hướng dẫn thực hiện Nghị quyết số 122/2027/NQ-HĐND ngày 14/7/2027 của HĐND tỉnh.\nThông tư số 09/2029/TT-BTC hướng dẫn thi hành Nghị định số 41/2028/NĐ-CP.\nNghị định số 52/2029/NĐ-CP quy định chi tiết Luật số 33/2028/QH15.\nQuyết định số 3418/QĐ-UBND ngày 05/11/2028 của UBND tỉnh ban hành Quy định hướng dẫn thực hiện\nNghị quyết số 123/2027/NQ-HĐND ngày 14/7/2027 của HĐND tỉnh.";
    let doc = vanban::parse(t);
    for (citing, cited) in [
        ("3417/QĐ-UBND", "122/2027/NQ-HĐND"),
        ("09/2029/TT-BTC", "41/2028/NĐ-CP"),
        ("52/2029/NĐ-CP", "33/2028/QH15"),
        ("3418/QĐ-UBND", "123/2027/NQ-HĐND"),
    ] {
        let by = doc.citations.iter().position(|c| sym(c) == citing);
        let c = one(&doc, cited);
        assert_eq!((c.relation, c.by), (Relation::Guides, by), "{cited}");
        assert_eq!(one(&doc, citing).relation, Relation::Mentions, "{citing}");
    }
}

/// A line ending `như sau:` whose cue has its object on the line (`Thực
/// hiện Chỉ thị số …, UBND tỉnh ban hành Kế hoạch như sau:`) opens no list
/// of what the cue governs: a later citation in the body is `mentions`;
/// a line ending in the cue (`Thực hiện các văn bản sau:`) still opens one.
#[test]
fn ok_cue_stays_in_its_clause() {
    let t = "KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 24/CT-TTG NGÀY 09 THÁNG 8 NĂM 2029 CỦA THỦ TƯỚNG CHÍNH PHỦ\nThực hiện Chỉ thị số 24/CT-TTg ngày 09/8/2029 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n1. Các nhiệm vụ Chỉ thị số 24/CT-TTg đã đề ra phải được bảo đảm.\n2. Quyết định số 77/QĐ-UBND ngày 03/3/2029 của UBND tỉnh được áp dụng.\n";
    let doc = vanban::parse(t);
    let rels: Vec<(String, Relation)> = doc.citations.iter().map(|c| (sym(c), c.relation)).collect();
    assert_eq!(
        rels,
        [
            ("24/CT-TTg".to_string(), Relation::Implements),
            ("24/CT-TTg".to_string(), Relation::Implements),
            ("24/CT-TTg".to_string(), Relation::Mentions),
            ("77/QĐ-UBND".to_string(), Relation::Mentions),
        ]
    );
    let doc = vanban::parse("Thực hiện các văn bản sau:\n1. Chỉ thị số 31/CT-TTg ngày 1/8/2029.\n2. Quyết định số 78/QĐ-UBND ngày 3/3/2029.\n");
    assert!(
        doc.citations.iter().all(|c| c.relation == Relation::Implements),
        "{:?}",
        doc.citations
    );
}

/// Symbols printed with a slash or a dot where a hyphen joins codes are
/// repaired (after `số` or `số:`), each with a diagnostic.
#[test]
fn ok_symbols_repaired() {
    let t = "Căn cứ Thông tư liên tịch số: 241/2012/TTLT/BTC-BNN ngày 15/11/2012 của Bộ Tài chính; Quyết định số 05/1997/QĐ.UB ngày 5/1/1997 của UBND tỉnh; Quyết định số: 11/1996/QĐ.UB.";
    let doc = vanban::parse(t);
    for s in ["241/2012/TTLT-BTC-BNN", "05/1997/QĐ-UB", "11/1996/QĐ-UB"] {
        assert_eq!(one(&doc, s).relation, Relation::Basis);
    }
    assert_eq!(date(one(&doc, "241/2012/TTLT-BTC-BNN")), "2012-11-15");
    let fixes = doc.diagnostics.iter().filter(|d| d.code == "symbol-separator").count();
    assert_eq!(fixes, 3, "{:?}", doc.diagnostics);
}

/// A line that cites a document and then names a list (`… và các văn bản
/// sau:`) still opens one.
#[test]
fn ok_cue_over_a_named_list() {
    let t = "Điều 1. Bãi bỏ Quyết định số 41/2027/QĐ-UBND ngày 02/3/2027 của UBND tỉnh và các văn bản sau:\na) Quyết định số 17/2026/QĐ-UBND ngày 05/6/2026;\nb) Quyết định số 29/2025/QĐ-UBND ngày 11/9/2025.\n";
    let doc = vanban::parse(t);
    assert!(
        doc.citations.iter().all(|c| c.relation == Relation::Repeals),
        "{:?}",
        doc.citations
    );
}

/// `Thực hiện` governs its own clause only: a later citation of the same
/// document after a full stop, on a new line, after a comma and another
/// verb, or under a heading is `mentions`.
#[test]
fn ok_implementing_cue_ends_with_its_clause() {
    let t = "Thực hiện Chỉ thị số 44/CT-TTg ngày 06/5/2029 của Thủ tướng Chính phủ, UBND tỉnh yêu cầu các đơn vị khẩn trương. Chỉ thị số 44/CT-TTg đã đề ra nhiều nhiệm vụ.\nThực hiện Kế hoạch số 8/KH-UBND, các đơn vị báo cáo kết quả theo tinh thần Chỉ thị số 45/CT-TTg.\nII. NHIỆM VỤ\nCác nhiệm vụ tại Chỉ thị số 44/CT-TTg.\n";
    let doc = vanban::parse(t);
    let rels: Vec<(String, Relation)> = doc.citations.iter().map(|c| (sym(c), c.relation)).collect();
    assert_eq!(
        rels,
        [
            ("44/CT-TTg".to_string(), Relation::Implements),
            ("44/CT-TTg".to_string(), Relation::Mentions),
            ("8/KH-UBND".to_string(), Relation::Implements),
            ("45/CT-TTg".to_string(), Relation::Mentions),
            ("44/CT-TTg".to_string(), Relation::Mentions),
        ]
    );
}

/// A web copy's metadata table of an amending document: the `Văn bản gốc`
/// row names the original it amends, its symbol a Markdown link with the
/// date after it.
#[test]
fn ok_original_document_row() {
    let doc = vanban::parse(
        "| **Loại văn bản** | Quyết định sửa đổi |\n| **Văn bản gốc** | [24/2031/QĐ-TTg](/y-te/quyet-dinh-24-2031-qd-ttg-98.html) ngày 22/9/2031 |\n",
    );
    let c = one(&doc, "24/2031/QĐ-TTg");
    assert_eq!((c.relation, date(c)), (Relation::Amends, "2031-09-22".to_string()));
    // Not the row of another label.
    let doc = vanban::parse("| **Văn bản liên quan** | [25/2031/QĐ-TTg](/y-te/q-25.html) ngày 23/9/2031 |\n");
    let c = one(&doc, "25/2031/QĐ-TTg");
    assert_eq!((c.relation, date(c)), (Relation::Mentions, "2031-09-23".to_string()));
}
