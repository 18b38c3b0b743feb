//! A lossy reading (`--lossy`): bytes that are not all UTF-8 are read with
//! each bad sequence replaced by U+FFFD, which takes three bytes where the
//! sequence took one to three. The document is parsed on that repaired text;
//! its spans are then mapped back, so that they are byte ranges into the
//! original bytes, as every span is.

use crate::model::{Document, Span};

/// The way from offsets of the repaired text back to the original bytes:
/// one entry per stretch of the repaired text (a run of valid text, or one
/// U+FFFD), in order.
pub(crate) struct LossyMap {
    /// (start in the repaired text, start in the original, a replacement?)
    stretches: Vec<(usize, usize, bool)>,
}

impl LossyMap {
    /// The map of `String::from_utf8_lossy(bytes)`, which replaces the
    /// invalid part of each of `bytes.utf8_chunks()` by one U+FFFD.
    pub(crate) fn new(bytes: &[u8]) -> LossyMap {
        let mut stretches = Vec::new();
        let (mut r, mut o) = (0, 0);
        for chunk in bytes.utf8_chunks() {
            if !chunk.valid().is_empty() {
                stretches.push((r, o, false));
                r += chunk.valid().len();
                o += chunk.valid().len();
            }
            if !chunk.invalid().is_empty() {
                stretches.push((r, o, true));
                r += char::REPLACEMENT_CHARACTER.len_utf8();
                o += chunk.invalid().len();
            }
        }
        stretches.push((r, o, false));
        LossyMap { stretches }
    }

    /// The original offset of a repaired one: inside valid text, the same
    /// character; at (or inside) a U+FFFD, the start of the bytes it
    /// replaced; at its end, their end.
    pub(crate) fn original(&self, repaired: usize) -> usize {
        let k = self.stretches.partition_point(|s| s.0 <= repaired).saturating_sub(1);
        match self.stretches.get(k) {
            Some(&(r, o, false)) => o + (repaired - r),
            Some(&(_, o, true)) => o,
            None => repaired,
        }
    }

    /// Map every span of `doc` from the repaired text to the original bytes.
    pub(crate) fn map_document(&self, doc: &mut Document) {
        for_each_span(doc, |s| *s = Span::new(self.original(s.start), self.original(s.end)));
    }
}

/// Call `f` on every span of a document.
fn for_each_span(doc: &mut Document, mut f: impl FnMut(&mut Span)) {
    let mut spans: Vec<&mut Span> = Vec::new();
    let p = &mut doc.spans;
    spans.extend(
        [
            &mut p.issuer,
            &mut p.issuer_parent,
            &mut p.family,
            &mut p.symbol,
            &mut p.place,
            &mut p.date,
            &mut p.doc_type,
            &mut p.subject,
            &mut p.body,
        ]
        .into_iter()
        .flatten(),
    );
    spans.extend(p.recipients.iter_mut().chain(&mut p.distribution));
    spans.extend(doc.sections.iter_mut().map(|s| &mut s.span));
    for n in &mut doc.footnotes {
        spans.push(&mut n.span);
        spans.extend(&mut n.reference);
    }
    spans.extend(doc.signature.iter_mut().flat_map(|s| &mut s.span));
    for c in &mut doc.citations {
        spans.push(&mut c.span);
        spans.extend(&mut c.symbol_span);
    }
    spans.extend(doc.named_refs.iter_mut().map(|r| &mut r.span));
    spans.extend(doc.diagnostics.iter_mut().flat_map(|d| &mut d.span));
    spans.into_iter().for_each(&mut f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_offsets_back_to_the_original() {
        // "a", a lone 0xFF, "bc", a cut three-byte sequence (two bytes), "ố".
        let bytes = b"a\xffbc\xe1\xbb\xe1\xbb\x91";
        let text = String::from_utf8_lossy(bytes);
        assert_eq!(text, "a\u{fffd}bc\u{fffd}ố");
        let m = LossyMap::new(bytes);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(m.original(0), 0);
        assert_eq!(m.original(at("\u{fffd}")), 1);
        assert_eq!(m.original(at("bc")), 2);
        assert_eq!(m.original(at("c")), 3);
        assert_eq!(m.original(at("ố")), 6);
        assert_eq!(m.original(text.len()), bytes.len());
        assert_eq!(&bytes[m.original(at("ố"))..], "ố".as_bytes());
    }

    /// Every span of a document is mapped: a document parsed with a bad
    /// byte on its first line has, at every place its JSON holds a span, the
    /// repaired text's span mapped back. A span field the map forgets (a new
    /// one) keeps the repaired offset and fails here.
    #[test]
    fn ok_every_span_mapped() {
        let text = include_str!("../fixtures/000_eb6c421c23e2ba08.txt");
        // Two bad bytes that are not a byte-order mark (FF FE would be UTF-16).
        let mut bytes = b"\xff\x80\n".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        let options = crate::ParseOptions {
            lossy: true,
            ..Default::default()
        };
        let lossy = crate::parse_bytes(&bytes, &options).unwrap();
        let repaired = crate::parse(&String::from_utf8_lossy(&bytes));
        let m = LossyMap::new(&bytes);
        let (a, b) = (
            serde_json::to_value(&repaired).unwrap(),
            serde_json::to_value(&lossy).unwrap(),
        );
        let mut spans = 0;
        compare(&a, &b, &m, &mut spans, "");
        assert!(spans > 20, "{spans} spans compared");
    }

    /// Walk two JSON values of the same shape: every `[start, end]` of `a`
    /// mapped is the one of `b`; everything else is equal (but the
    /// diagnostic `lossy` adds, first in `b`).
    fn compare(a: &serde_json::Value, b: &serde_json::Value, m: &LossyMap, spans: &mut usize, at: &str) {
        use serde_json::Value;
        match (a, b) {
            (Value::Array(x), Value::Array(y)) if x.len() == 2 && x.iter().all(Value::is_u64) => {
                let want: Vec<usize> = x.iter().map(|v| m.original(v.as_u64().unwrap() as usize)).collect();
                let got: Vec<usize> = y.iter().map(|v| v.as_u64().unwrap() as usize).collect();
                assert_eq!(want, got, "span at {at}");
                *spans += 1;
            }
            (Value::Array(x), Value::Array(y)) => {
                let y = if at == "/diagnostics" { &y[1..] } else { &y[..] };
                assert_eq!(x.len(), y.len(), "{at}");
                for (i, (p, q)) in x.iter().zip(y).enumerate() {
                    compare(p, q, m, spans, &format!("{at}/{i}"));
                }
            }
            (Value::Object(x), Value::Object(y)) => {
                for (k, v) in x {
                    compare(v, &y[k], m, spans, &format!("{at}/{k}"));
                }
            }
            _ => assert_eq!(a, b, "{at}"),
        }
    }
}
