//! Fuzz `vanban::parse_bytes` and `vanban::parse`: never panic, and every
//! span of the document lies inside the input, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::{Document, ParseOptions, Span};

fn check(text: &str, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} span {s:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} span {s:?} not on char boundaries"
    );
}

fn check_doc(text: &str, doc: &Document) {
    for c in &doc.citations {
        check(text, c.span, "citation");
        if let Some(s) = c.symbol_span {
            check(text, s, "citation symbol");
        }
    }
    for r in &doc.named_refs {
        check(text, r.span, "named ref");
    }
    for f in &doc.footnotes {
        check(text, f.span, "footnote");
        if let Some(s) = f.reference {
            check(text, s, "footnote marker");
        }
    }
    for s in &doc.sections {
        check(text, s.span, "section");
    }
    if let Some(s) = doc.signature.as_ref().and_then(|s| s.span) {
        check(text, s, "signature");
    }
    for d in &doc.diagnostics {
        if let Some(s) = d.span {
            check(text, s, "diagnostic");
        }
    }
    let p = &doc.spans;
    for s in [
        p.issuer,
        p.issuer_parent,
        p.family,
        p.symbol,
        p.place,
        p.date,
        p.doc_type,
        p.subject,
        p.body,
    ]
    .into_iter()
    .flatten()
    .chain(p.recipients.iter().copied())
    .chain(p.distribution.iter().copied())
    {
        check(text, s, "part");
    }
}

fuzz_target!(|data: &[u8]| {
    let mut options = ParseOptions::default();
    options.lossy = true;
    // Bytes: decoding errors are values, never panics.
    let _ = vanban::parse_bytes(data, &ParseOptions::default());
    if let Ok(text) = vanban::decode(data, &options) {
        let doc = vanban::parse(&text);
        check_doc(&text, &doc);
    }
});
