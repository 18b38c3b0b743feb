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
