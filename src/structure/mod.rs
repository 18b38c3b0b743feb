//! Stage 2: **parse** the document's structure (header, recipients, body,
//! footnotes, Nơi nhận, signature).
//!
//! Works on the normalized text, line by line, in a few linear passes:
//!
//! 1. footnotes: every `[n]` marker is found once (a marker at the start of a
//!    line opens a footnote body, one elsewhere is an in-text reference);
//! 2. the header window (the lines before the first `Căn cứ`, numbered
//!    section or prose paragraph): issuing body, national or Party header,
//!    số ký hiệu, place and date, type name and subject, urgency and secrecy,
//!    `Kính gửi`. TVPL collapses header cells onto one line (`BỘ TÀI CHÍNH
//!    TỔNG CỤC HẢI QUAN ------- CỘNG HÒA ...`), so each line is cut into
//!    segments at rules (`-----`, `___`) and table bars, and each segment is
//!    read left to right;
//! 3. the tail: `Nơi nhận:` entries and the signature block, which a torn
//!    two-column layout interleaves line by line;
//! 4. the body between them, with its numbered sections.
//!
//! A part that is missing or unreadable gives a [`Diagnostic`]; the rest is
//! still read.
//!
//! By concern: `lex` (small text predicates), `rules` (the grammar rules, one
//! function per rule), `header` (pass 2 and the `Kính gửi` list), `tail`
//! (pass 3), `body` (passes 1 and 4); this file holds the passes' order and
//! what they share.

use std::ops::Range;

use crate::model::{Diagnostic, Document, Family, Severity, Span};
use crate::text::Ctx;
use rules::furniture;

mod body;
mod consolidated;
mod header;
mod issuer;
mod lex;
mod metadata;
mod rules;
mod subject;
mod tail;

/// How many lines the header may take at most.
const HEADER_MAX_LINES: usize = 150;
/// A line longer than this (bytes) without header keywords is body prose.
const PROSE_LEN: usize = 300;
/// How far a continuation of the subject may run (lines).
const SUBJECT_MAX_LINES: usize = 16;
/// How many lines the Nơi nhận / signature tail may take.
const TAIL_MAX_LINES: usize = 60;

/// Fill the structural fields of `doc`; return the footnote regions
/// (normalized offsets) for the citation stage.
pub(crate) fn parse_structure(ctx: &Ctx<'_>, doc: &mut Document) -> Vec<Range<usize>> {
    thread_local! {
        /// The line table's allocation, reused from one document to the
        /// next on this thread: a fresh one per document is a large
        /// allocation, whose pages the system hands out (and faults in)
        /// again each time.
        static SPARE: std::cell::Cell<Vec<Line>> = const { std::cell::Cell::new(Vec::new()) };
    }
    /// Kept for the next document up to this many lines (a thread holds at
    /// most the table of the largest text it has parsed, up to 64 MiB).
    const KEEP: usize = (64 << 20) / std::mem::size_of::<Line>();
    let lines = split_lines(ctx.norm, &ctx.lines, SPARE.take());
    let mut p = Parser {
        ctx,
        norm: ctx.norm,
        lines,
        doc,
        footnote_lines: Vec::new(),
        authentications: Vec::new(),
    };
    let regions = p.footnotes();
    let header = p.header();
    let body_start = p.recipients(&header);
    let tail = p.tail(body_start);
    p.body(body_start, tail);
    p.fields_in_the_text(body_start, tail);
    p.consolidated(&header);
    p.finish(&header);
    if p.lines.capacity() <= KEEP {
        SPARE.set(p.lines);
    }
    regions
}

/// A line of the normalized text, trimmed: `s..e`.
#[derive(Debug, Clone, Copy)]
struct Line {
    s: usize,
    e: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.s == self.e
    }
}

/// The trimmed lines of `norm`, written into `out`'s allocation (cleared
/// first).
fn split_lines(norm: &str, lines: &crate::text::LineIndex, mut out: Vec<Line>) -> Vec<Line> {
    let starts = lines.starts();
    let bytes = norm.as_bytes();
    out.clear();
    out.reserve(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        if start == norm.len() {
            // After a final newline (or in an empty text): no line.
            break;
        }
        // Without its newline (normalized text has no `\r`).
        let end = starts.get(k + 1).map_or(norm.len(), |&next| next - 1);
        // Most lines open and end with an ASCII byte that is no whitespace:
        // nothing to trim (what `trim_start` and `trim_end` settle by those
        // bytes), and no slice of the text made for it.
        if start < end && crate::text::ascii_solid(bytes[start]) && crate::text::ascii_solid(bytes[end - 1]) {
            out.push(Line { s: start, e: end });
            continue;
        }
        let content = &norm[start..end];
        let lead = content.len() - crate::text::trim_start(content).len();
        let s = start + lead;
        let e = (start + crate::text::trim_end(content).len()).max(s);
        out.push(Line { s, e });
    }
    out
}

/// What the header pass found (line indexes and offsets), for the later
/// passes.
#[derive(Debug, Default)]
struct Header {
    /// The `Kính gửi` keyword: line index and offset just after the keyword.
    kinh_gui: Option<(usize, usize)>,
    /// Last line that holds a header element.
    last_line: Option<usize>,
    /// Anything at all was found (a document, not an article).
    any: bool,
}

struct Parser<'c, 'a, 'd> {
    ctx: &'c Ctx<'a>,
    norm: &'a str,
    lines: Vec<Line>,
    doc: &'d mut Document,
    /// Line indexes of footnote bodies.
    footnote_lines: Vec<usize>,
    /// Offsets of `XÁC THỰC VĂN BẢN HỢP NHẤT`, in order (found by the
    /// footnote pass).
    authentications: Vec<usize>,
}

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    fn text(&self, l: usize) -> &'a str {
        let line = self.lines[l];
        &self.norm[line.s..line.e]
    }

    fn span(&self, s: usize, e: usize) -> Span {
        self.ctx.span(s, e)
    }

    /// Page furniture (running head, page number, signature stamp, banner).
    fn is_furniture(&self, l: usize) -> bool {
        furniture(self.text(l))
    }

    /// A Markdown heading (`## VĂN BẢN`): normalization drops the hashes, the
    /// original still has them.
    fn is_heading(&self, l: usize) -> bool {
        let at = self.ctx.map.end(self.lines[l].s);
        self.ctx.original.as_bytes().get(at) == Some(&b'#')
    }

    fn diag(&mut self, code: &str, severity: Severity, message: impl Into<String>, span: Option<Span>) {
        self.doc
            .diagnostics
            .push(Diagnostic::new(code, severity, message, span));
    }

    /// Derived fields and diagnostics for missing parts.
    fn finish(&mut self, h: &Header) {
        let doc = &mut *self.doc;
        if doc.family.is_none() {
            if let Some(sym) = &doc.symbol {
                doc.family = Some(if sym.is_party() { Family::Party } else { Family::State });
            }
        }
        if doc.doc_type.is_none() {
            doc.doc_type = doc.symbol.as_ref().and_then(|s| s.type_name()).map(str::to_string);
        }
        doc.year = doc
            .date
            .map(|d| d.year())
            .or_else(|| doc.symbol.as_ref().and_then(|s| s.year()));
        let letter = h.any || !doc.recipients.is_empty() || !doc.distribution.is_empty() || doc.signature.is_some();
        if !letter {
            self.diag(
                "no-header",
                Severity::Info,
                "no document header: expected a số ký hiệu, a date line or \"Kính gửi\", found none (not an official document?)",
                None,
            );
            return;
        }
        let head = self.lines.first().map(|l| self.span(l.s, l.s));
        if self.doc.symbol.is_none() {
            self.diag(
                "missing-symbol",
                Severity::Warning,
                "missing số ký hiệu: expected \"Số: ...\" in the header, found none",
                head,
            );
        }
        if self.doc.date.is_none() && !self.doc.diagnostics.iter().any(|d| d.code.ends_with("-date")) {
            self.diag(
                "missing-date",
                Severity::Warning,
                "missing date of issue: expected \"<place>, ngày D tháng M năm YYYY\" in the header, found none",
                head,
            );
        }
        if self.doc.issuer.is_none() {
            self.diag(
                "missing-issuer",
                Severity::Warning,
                "missing issuing body: expected its name at the top of the header, found none",
                head,
            );
        }
        if self.doc.family.is_none() {
            self.diag(
                "missing-family",
                Severity::Info,
                "party or state not known: expected a national or Party header or a số ký hiệu, found neither",
                head,
            );
        }
    }
}

#[cfg(test)]
mod split_tests {
    use super::split_lines;
    use crate::text::LineIndex;

    /// The lines as the plain reading gives them: each line between the
    /// line starts, without its newline, trimmed by `str::trim_start` and
    /// `str::trim_end`.
    fn plain(norm: &str) -> Vec<(usize, usize)> {
        let starts = LineIndex::new(norm).starts().to_vec();
        let mut out = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            if start == norm.len() {
                break;
            }
            let end = starts.get(k + 1).map_or(norm.len(), |&next| next - 1);
            let content = &norm[start..end];
            let s = start + content.len() - content.trim_start().len();
            out.push((s, (start + content.trim_end().len()).max(s)));
        }
        out
    }

    /// [`split_lines`], whose lines that open and end with an ASCII byte
    /// that is no whitespace are taken whole, gives the plain reading's
    /// lines: on every 3rd real text (normalized) and on lines opening or
    /// ending with whitespace of every kind, letters beyond ASCII, blank
    /// lines and one-byte lines.
    #[test]
    fn ok_split_lines_same_as_plain() {
        let mut texts = crate::test_texts::sampled(3);
        texts.push("a\n b\nc \n\n \n\u{a0}x\u{a0}\nĐ\nệ \n\tz\u{b}\nx\u{3000}\n\u{2003}y\n1\n\n.\nend".to_string());
        for text in texts {
            let norm = crate::normalize::normalize(&text);
            let norm = norm.text();
            let got: Vec<(usize, usize)> = split_lines(norm, &LineIndex::new(norm), Vec::new())
                .iter()
                .map(|l| (l.s, l.e))
                .collect();
            assert_eq!(got, plain(norm), "{:?}", &norm[..norm.len().min(80)]);
        }
    }
}
