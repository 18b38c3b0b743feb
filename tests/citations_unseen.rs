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

#[test]
fn ok_numbered_codes_keep_their_digits() {
    let t = "Căn cứ Luật số 61/2027/QH16, Nghị quyết số 104/2028/UBTVQH16, Báo cáo số 512/BC-UBKTTC16 và Nghị quyết số 22/NQ-HĐNN8.\n";
    let doc = vanban::parse(t);
    for s in ["61/2027/QH16", "104/2028/UBTVQH16", "512/BC-UBKTTC16", "22/NQ-HĐNN8"] {
        assert_eq!(all(&doc, s).len(), 1, "{s}: {:?}", doc.citations);
    }
    assert!(!codes(&doc).contains(&"footnote-marker"));
}
