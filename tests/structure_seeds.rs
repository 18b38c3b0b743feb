//! The document structure of the five seed documents (issue 2, "What it must
//! show"). Every expected value below was read from the document in
//! `fixtures/`, not copied from program output.

use unicode_normalization::UnicodeNormalization;
use vanban::{Document, Family, Severity, Span};

fn fixture(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for entry in std::fs::read_dir(&dir).expect("fixtures dir") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
        {
            return std::fs::read_to_string(path).expect("read fixture");
        }
    }
    panic!("no fixture {prefix}");
}

fn at(text: &str, span: Option<Span>) -> &str {
    span.expect("span").slice(text)
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn no_errors(doc: &Document) {
    let errors: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "unexpected errors: {errors:?}");
}

#[test]
fn seed_000_party_letter() {
    let text = fixture("000_");
    let doc = vanban::parse(&text);
    no_errors(&doc);
    assert_eq!(doc.family, Some(Family::Party));
    assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY BÌNH THUẬN"));
    assert_eq!(doc.issuer_parent, None);
    assert_eq!(
        doc.symbol.as_ref().map(ToString::to_string).as_deref(),
        Some("698-CV/TU")
    );
    assert_eq!(doc.number, Some(698));
    assert_eq!(doc.year, Some(2023));
    assert_eq!(doc.place.as_deref(), Some("Bình Thuận"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2023-02-28"));
    assert_eq!(doc.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trên địa bàn tỉnh")
    );
    assert_eq!(doc.recipients.len(), 6);
    assert_eq!(doc.recipients[0], "Đảng đoàn Hội đồng nhân dân tỉnh");
    assert_eq!(doc.recipients[5], "Các huyện, thị, thành ủy và đảng ủy trực thuộc");
    assert_eq!(
        doc.distribution,
        [
            "Như trên",
            "Ban Dân vận TW Đảng + T78",
            "Các đ/c Ủy viên Ban Thường vụ Tỉnh ủy",
            "Lưu Văn phòng Tỉnh ủy"
        ]
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].marker, "1");
    assert!(doc.footnotes[0]
        .text
        .starts_with("Nghị quyết số 05-NQ/TU, ngày 10/9/2021 về"));
    assert!(doc.footnotes[0].text.ends_with("định hướng đến năm 2030”."));
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.authority, ["T/M BAN THƯỜNG VỤ"]);
    assert_eq!(sig.position.as_deref(), Some("BÍ THƯ"));
    assert_eq!(sig.signer.as_deref(), Some("Dương Văn An"));
    assert!(!sig.signed_mark);
    let labels: Vec<&str> = doc.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3.", "4.", "5."]);
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn seed_000_exact_spans() {
    let text = fixture("000_");
    let doc = vanban::parse(&text);
    let s = &doc.spans;
    assert_eq!(at(&text, s.symbol), "698-CV/TU");
    assert_eq!(at(&text, s.issuer), "TỈNH ỦY BÌNH THUẬN");
    assert_eq!(at(&text, s.family), "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(at(&text, s.place), "Bình Thuận");
    assert_eq!(at(&text, s.date), "ngày 28 tháng 02 năm 2023");
    assert_eq!(
        at(&text, s.subject),
        "Tiếp tục đẩy mạnh phong trào thi đua\n\n“Dân vận khéo” trên địa bàn tỉnh"
    );
    assert_eq!(s.recipients.len(), 6);
    assert_eq!(s.recipients[1].slice(&text), "Ban Cán sự đảng Ủy ban nhân dân tỉnh");
    assert_eq!(s.distribution[3].slice(&text), "Lưu Văn phòng Tỉnh ủy");
    let body = at(&text, s.body);
    assert!(body.starts_with("Những năm qua, các cấp"));
    assert!(body.ends_with("theo dõi, chỉ đạo./."));
    // The footnote marker in the running text is the superscript `⁽¹⁾`.
    let fna = &doc.footnotes[0];
    assert_eq!(fna.reference.expect("reference").slice(&text), "⁽¹⁾");
    assert!(fna.span.slice(&text).starts_with("⁽¹⁾ Nghị quyết số 05-NQ/TU"));
    // The section "2." ends with the marker; "4." runs over the footnote
    // (a page break) to its continuation.
    assert!(doc.sections[1].span.slice(&text).ends_with("(khóa XIV)⁽¹⁾."));
    assert!(doc.sections[3]
        .span
        .slice(&text)
        .ends_with("báo cáo cấp trên theo quy định."));
    let sig = doc.signature.as_ref().unwrap();
    assert_eq!(
        sig.span.unwrap().slice(&text),
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ**\n\nDương Văn An"
    );
}

#[test]
fn seed_002_state_draft() {
    let text = fixture("002_");
    let doc = vanban::parse(&text);
    no_errors(&doc);
    assert_eq!(doc.family, Some(Family::State));
    assert_eq!(doc.symbol.as_ref().map(ToString::to_string).as_deref(), Some("/SNN-VP"));
    assert_eq!(doc.number, None);
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2023"));
    assert_eq!(doc.year, Some(2023));
    assert_eq!(doc.place.as_deref(), Some("Bình Thuận"));
    assert_eq!(doc.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”")
    );
    assert_eq!(doc.recipients, ["Các phòng chuyên môn Sở", "Các đơn vị trực thuộc"]);
    assert_eq!(doc.distribution.len(), 5);
    assert_eq!(doc.distribution[0], "Như trên");
    assert_eq!(doc.distribution[4], "Lưu: VT, VP.Tiền");
    let sig = doc.signature.as_ref().expect("signature");
    assert!(sig.authority.is_empty());
    assert_eq!(sig.position.as_deref(), Some("GIÁM ĐỐC"));
    assert_eq!(sig.signer.as_deref(), Some("Mai Kiều"));
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].reference.unwrap().slice(&text), "¹");
    assert!(doc.footnotes[0].text.starts_with("Nghị quyết số 05-NQ/TU"));
    // Spans.
    assert_eq!(at(&text, doc.spans.symbol), "/SNN-VP");
    assert_eq!(at(&text, doc.spans.date), "ngày tháng năm 2023");
    assert_eq!(
        at(&text, doc.spans.subject),
        "tiếp tục đẩy mạnh phong trào\nthi đua “Dân vận khéo”"
    );
    assert_eq!(doc.spans.distribution[4].slice(&text), "Lưu: VT, VP.Tiền");
    // No issuer lines in this copy; the blank number is noted.
    assert!(codes(&doc).contains(&"blank-number"));
    assert!(codes(&doc).contains(&"missing-issuer"));
    assert!(!codes(&doc).contains(&"missing-date"));
}

#[test]
fn seed_004_torn_two_columns() {
    let text = fixture("004_");
    let doc = vanban::parse(&text);
    no_errors(&doc);
    assert_eq!(doc.family, Some(Family::Party));
    assert_eq!(doc.issuer.as_deref(), Some("TỈNH ỦY KIÊN GIANG"));
    assert_eq!(
        doc.symbol.as_ref().map(ToString::to_string).as_deref(),
        Some("238-CV/TU")
    );
    assert_eq!(doc.place.as_deref(), Some("Rạch Giá"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2011-10-14"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("tiếp tục chỉ đạo phong trào thi đua “Dân vận khéo” trong hệ thống chính trị (2011-2015)")
    );
    assert_eq!(doc.recipients.len(), 4);
    assert_eq!(doc.recipients[0], "Các đồng chí Tỉnh ủy viên");
    assert_eq!(doc.recipients[3], "Các huyện, thị, thành ủy, đảng ủy trực thuộc");
    assert_eq!(
        doc.distribution,
        [
            "Ban Dân vận TW (HN, TPHCM)",
            "VPTW Đảng (HN, Vụ ĐPII)",
            "Như trên",
            "Lưu"
        ]
    );
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.authority, ["T/M BAN THƯỜNG VỤ"]);
    assert_eq!(sig.position.as_deref(), Some("BÍ THƯ"));
    assert_eq!(sig.signer.as_deref(), Some("Nguyễn Thanh Sơn"));
    assert!(sig.signed_mark);
    assert!(doc.footnotes.is_empty());
    let labels: Vec<&str> = doc.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["1-", "2-", "3-", "4-", "5-"]);
    assert_eq!(at(&text, doc.spans.symbol), "238-CV/TU");
    assert_eq!(at(&text, doc.spans.issuer), "TỈNH ỦY KIÊN GIANG");
    assert_eq!(doc.spans.recipients[0].slice(&text), "Các đồng chí Tỉnh ủy viên");
    assert_eq!(doc.spans.distribution[0].slice(&text), "Ban Dân vận TW (HN, TPHCM)");
    assert!(codes(&doc).is_empty(), "{:?}", doc.diagnostics);
}

#[test]
fn seed_003_headless() {
    let text = fixture("003_");
    let doc = vanban::parse(&text);
    no_errors(&doc);
    assert_eq!(doc.symbol, None);
    assert_eq!(doc.date, None);
    assert_eq!(doc.issuer, None);
    assert_eq!(doc.family, None);
    for code in ["missing-symbol", "missing-date", "missing-issuer"] {
        assert!(codes(&doc).contains(&code), "{code} in {:?}", doc.diagnostics);
    }
    assert_eq!(doc.recipients.len(), 5);
    assert_eq!(doc.recipients[0], "Các cơ quan tham mưu, giúp việc Tỉnh uỷ");
    assert_eq!(doc.recipients[4], "Các đồng chí Uỷ viên Ban Chấp hành Đảng bộ tỉnh");
    assert_eq!(
        doc.distribution,
        [
            "Như trên",
            "Lãnh đạo Văn phòng Tỉnh uỷ",
            "Phòng Tổng hợp - VPTU",
            "Lưu Văn phòng Tỉnh uỷ"
        ]
    );
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.signer.as_deref(), Some("Phạm Hùng Thái"));
    assert_eq!(sig.position, None);
    assert_eq!(doc.footnotes.len(), 1);
    assert!(doc.footnotes[0]
        .text
        .starts_with("Trọng tâm là Nghị quyết Đại hội XIII của Đảng"));
    assert_eq!(doc.sections.len(), 6);
    assert!(at(&text, doc.spans.body).starts_with("Nhằm đẩy mạnh phong trào thi đua"));
}

#[test]
fn seed_001_news_article() {
    let text = fixture("001_");
    let doc = vanban::parse(&text);
    no_errors(&doc);
    assert_eq!(doc.symbol, None);
    assert!(doc.recipients.is_empty());
    assert!(doc.distribution.is_empty());
    assert_eq!(doc.signature, None);
    assert_eq!(doc.date, None);
    assert_eq!(codes(&doc), ["no-header"]);
}

/// The NFD form of a seed gives the same facts, and spans that cut the NFD
/// original at the same parts.
#[test]
fn seed_000_in_nfd() {
    let nfc = fixture("000_");
    let nfd: String = nfc.nfd().collect();
    assert_ne!(nfc.len(), nfd.len());
    let a = vanban::parse(&nfc);
    let b = vanban::parse(&nfd);
    assert_eq!(a.symbol, b.symbol);
    assert_eq!(a.date, b.date);
    assert_eq!(a.issuer, b.issuer);
    assert_eq!(a.subject, b.subject);
    assert_eq!(a.recipients, b.recipients);
    assert_eq!(a.distribution, b.distribution);
    assert_eq!(
        a.signature.as_ref().map(|s| &s.signer),
        b.signature.as_ref().map(|s| &s.signer)
    );
    assert_eq!(a.footnotes.len(), b.footnotes.len());
    let cut = |text: &str, span: Option<Span>| -> String { at(text, span).nfc().collect() };
    assert_eq!(cut(&nfd, b.spans.issuer), "TỈNH ỦY BÌNH THUẬN");
    assert_eq!(cut(&nfd, b.spans.place), "Bình Thuận");
    assert_eq!(cut(&nfd, b.spans.date), "ngày 28 tháng 02 năm 2023");
    for (k, (sa, sb)) in a.spans.recipients.iter().zip(&b.spans.recipients).enumerate() {
        let x: String = sa.slice(&nfc).to_string();
        let y: String = sb.slice(&nfd).nfc().collect();
        assert_eq!(x, y, "recipient {k}");
        // A span of the NFD text never cuts a letter from its marks.
        assert!(!nfd[sb.end..].starts_with(|c: char| ('\u{300}'..='\u{36f}').contains(&c)));
    }
    let fa = a.footnotes[0].reference.unwrap().slice(&nfc).to_string();
    let fb: String = b.footnotes[0].reference.unwrap().slice(&nfd).nfc().collect();
    assert_eq!(fa, fb);
}

/// TVPL collapses the header cells onto single lines.
#[test]
fn collapsed_tvpl_header_letter() {
    let text = "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n\
Số: 778/TCHQ-GSQL V/v xử lý vướng mắc thực hiện Điều 41 Luật HQ năm 2014\n\
Hà Nội, ngày 13 tháng 02 năm 2017 Kính gửi: Cục Hải quan các tỉnh, thành phố.\n\
Tổng cục Hải quan nhận được phản ánh của một số Cục Hải quan tỉnh, thành phố về vướng mắc khi thực hiện quy định tại Điều 41 Luật Hải quan năm 2014 và hướng dẫn tại Nghị định số 08/2015/NĐ-CP; về vấn đề này, Tổng cục Hải quan có ý kiến như sau:\n\
Nơi nhận:\n\
KT.TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG Vũ Ngọc Anh\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.family, Some(Family::State));
    assert_eq!(doc.issuer_parent.as_deref(), Some("BỘ TÀI CHÍNH"));
    assert_eq!(doc.issuer.as_deref(), Some("TỔNG CỤC HẢI QUAN"));
    assert_eq!(doc.symbol.as_ref().unwrap().to_string(), "778/TCHQ-GSQL");
    assert_eq!(doc.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("xử lý vướng mắc thực hiện Điều 41 Luật HQ năm 2014")
    );
    assert_eq!(doc.place.as_deref(), Some("Hà Nội"));
    assert_eq!(doc.date.unwrap().to_string(), "2017-02-13");
    assert_eq!(doc.recipients, ["Cục Hải quan các tỉnh, thành phố"]);
    let sig = doc.signature.as_ref().unwrap();
    assert_eq!(sig.authority, ["KT.TỔNG CỤC TRƯỞNG"]);
    assert_eq!(sig.position.as_deref(), Some("PHÓ TỔNG CỤC TRƯỞNG"));
    assert_eq!(sig.signer.as_deref(), Some("Vũ Ngọc Anh"));
    assert_eq!(at(text, doc.spans.symbol), "778/TCHQ-GSQL");
    assert_eq!(at(text, doc.spans.issuer_parent), "BỘ TÀI CHÍNH");
    assert_eq!(at(text, doc.spans.issuer), "TỔNG CỤC HẢI QUAN");
    assert_eq!(at(text, doc.spans.date), "ngày 13 tháng 02 năm 2017");
}

#[test]
fn collapsed_tvpl_header_law_and_stacked_signature() {
    let text = "Luật Biển Việt Nam 2012\n\
QUỐC HỘI -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Luật số: 18/2012/QH13 Hà Nội, ngày 21 tháng 6 năm 2012 LUẬT BIỂN VIỆT NAM\n\
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 51/2001/QH10;\n\
Chương I NHỮNG QUY ĐỊNH CHUNG\n\
Điều 1. Phạm vi điều chỉnh\n\
Luật này quy định về đường cơ sở.\n\
Điều 2. Áp dụng pháp luật\n\
1. Trường hợp có sự khác nhau.\n\
Nơi nhận:\n\
TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.family, Some(Family::State));
    assert_eq!(doc.issuer.as_deref(), Some("QUỐC HỘI"));
    assert_eq!(doc.symbol.as_ref().unwrap().to_string(), "18/2012/QH13");
    assert_eq!(doc.date.unwrap().to_string(), "2012-06-21");
    assert_eq!(doc.doc_type.as_deref(), Some("Luật"));
    assert_eq!(at(text, doc.spans.doc_type), "LUẬT");
    let labels: Vec<&str> = doc.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Chương I", "Điều 1.", "Điều 2."]);
    let sig = doc.signature.as_ref().unwrap();
    assert_eq!(sig.authority, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
    assert_eq!(sig.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
    assert_eq!(sig.signer.as_deref(), Some("Nguyễn Hữu Tháp"));
}

#[test]
fn impossible_date_is_a_diagnostic() {
    let text = "UBND TỈNH BÌNH THUẬN\nSỞ NÔNG NGHIỆP VÀ PTNT\nSố: 12/SNN-VP\nBình Thuận, ngày 31 tháng 02 năm 2023\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.date, None);
    assert_eq!(doc.year, None);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "impossible-date")
        .expect("impossible-date");
    assert_eq!(at(text, d.span), "ngày 31 tháng 02 năm 2023");
    assert_eq!(doc.issuer_parent.as_deref(), Some("UBND TỈNH BÌNH THUẬN"));
    assert_eq!(doc.issuer.as_deref(), Some("SỞ NÔNG NGHIỆP VÀ PTNT"));
    assert_eq!(doc.place.as_deref(), Some("Bình Thuận"));
}

#[test]
fn noisy_symbol_spacing_gives_diagnostic_with_original_span() {
    let text = "ĐẢNG ỦY XÃ\nSố 391 - CV/ĐU\nHàm Tân, ngày 05 tháng 01 năm 2024\n";
    let doc = vanban::parse(text);
    assert_eq!(doc.symbol.as_ref().unwrap().to_string(), "391-CV/ĐU");
    assert_eq!(doc.family, Some(Family::Party));
    assert_eq!(at(text, doc.spans.symbol), "391 - CV/ĐU");
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "symbol-spacing")
        .expect("symbol-spacing");
    assert_eq!(at(text, d.span), " - ");
}
