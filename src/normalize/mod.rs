//! Stage 1: **normalize**. Turns messy real text into one canonical form while
//! keeping an [`OffsetMap`] back to the original bytes.
//!
//! What is rewritten:
//! - Unicode NFC (a third of the scraped laws are partly NFD: `đến` written as
//!   `đe` + U+0302 + U+0301 + `n`);
//! - the look-alike `Ð` (U+00D0, Icelandic eth) and `ð` read as `Đ`/`đ`;
//! - NBSP and other fixed-width spaces become a plain space; zero-width
//!   space/joiners, soft hyphen and the BOM are dropped;
//! - CRLF and lone CR become LF; so do line breaks that scraped web text
//!   prints escaped, as the characters `\r\n`, `\n` or `\r` (a lone
//!   `\n`/`\r` not when it starts a TeX command such as `\right`);
//! - Markdown: emphasis stars (`*`, `**`) are dropped, heading hashes at the
//!   start of a line are dropped, a YAML front matter block is blanked;
//! - superscript footnote markers (`¹`, `²³`, `⁽¹⁾`) become `[1]`, `[23]`, `[1]`,
//!   the form the scraped laws already use.
//!
//! Tone placement (`uỷ`/`ủy`, `hoà`/`hòa`) and `Kính gởi`/`Kính gửi` are **not**
//! rewritten: the author's spelling is kept, and keyword matching folds them
//! instead (see [`fold_char`] and [`starts_with_folded`]).
//!
//! Every span the library returns is computed on the normalized text and
//! translated back through the [`OffsetMap`], so it is a byte range into the
//! original input.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};

mod folding;
mod scan;
#[cfg(test)]
mod tests;

pub(crate) use folding::fold_into;
pub use folding::{fold, fold_char, starts_with_folded};
use scan::*;

/// Normalized text plus the map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The allocation of a rewritten text, to be reused (see
    /// [`normalize_reusing`]).
    /// (The map's checkpoints are kept for the next text on this thread:
    /// see [`take_spare_points`].)
    pub(crate) fn into_spare(self) -> Option<String> {
        let points = self.map.points;
        if points.capacity() > 0 && points.capacity() <= KEEP_POINTS {
            SPARE_POINTS.set(points);
        }
        match self.text {
            Cow::Owned(s) => Some(s),
            Cow::Borrowed(_) => None,
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset map back to the original input.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// `true` when normalization changed nothing (the common case for clean
    /// NFC text: no copy is made).
    pub fn is_identity(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }
}

/// Maps byte offsets of the normalized text to byte offsets of the original.
///
/// Stored sparsely: a checkpoint at every edit, so memory is proportional to
/// the number of edits, and translation is a binary search (skipped when
/// the checkpoint found last, or the one after it, is the one: spans are
/// mostly translated in the order of the text).
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// `(normalized, original)` pairs, both strictly non-decreasing.
    points: Vec<(usize, usize)>,
    /// Normalized starts of rewritten segments as long as the text they
    /// replace (`⁰` → `[0]`, 3 bytes each), sorted: without this they would
    /// read as copied verbatim and map offsets inside a character.
    same_len: Vec<usize>,
    norm_len: usize,
    orig_len: usize,
    /// The index into `points` a translation found last (see
    /// [`OffsetMap::index`]): a hint only, any value is safe. (Atomic, read
    /// and written relaxed, so the map stays `Sync`: on x86 a plain load
    /// and store.)
    hint: AtomicUsize,
}

impl Clone for OffsetMap {
    fn clone(&self) -> Self {
        OffsetMap {
            points: self.points.clone(),
            same_len: self.same_len.clone(),
            norm_len: self.norm_len,
            orig_len: self.orig_len,
            hint: AtomicUsize::new(self.hint.load(Relaxed)),
        }
    }
}

impl OffsetMap {
    fn identity(len: usize) -> Self {
        OffsetMap {
            points: Vec::new(),
            same_len: Vec::new(),
            norm_len: len,
            orig_len: len,
            hint: AtomicUsize::new(0),
        }
    }

    /// The index of the first checkpoint past `pos` (as a start: its
    /// normalized offset over `pos`; as an end: at `pos` or over), as
    /// `partition_point` gives it. The checkpoints' normalized offsets
    /// never decrease, so that index `k` is the one whose checkpoint before
    /// it (if any) is not past `pos` and whose own (if any) is: tested
    /// first at the index found last and at the one after it, then found by
    /// binary search.
    fn index(&self, pos: usize, as_start: bool) -> usize {
        let p = &self.points;
        let past = |n: usize| if as_start { n > pos } else { n >= pos };
        let h = self.hint.load(Relaxed);
        for k in [h, h + 1] {
            if k <= p.len() && (k == 0 || !past(p[k - 1].0)) && (k == p.len() || past(p[k].0)) {
                self.hint.store(k, Relaxed);
                return k;
            }
        }
        let k = p.partition_point(|&(n, _)| !past(n));
        self.hint.store(k, Relaxed);
        k
    }

    fn push(&mut self, norm: usize, orig: usize) {
        if let Some(&(n, o)) = self.points.last() {
            if n == norm && o == orig {
                return;
            }
        }
        self.points.push((norm, orig));
    }

    /// Record that `orig_start..orig_end` was rewritten as
    /// `norm_start..norm_end` (checkpoints pushed at both ends).
    fn rewrote(&mut self, norm_start: usize, orig_start: usize, norm_end: usize, orig_end: usize) {
        if norm_end - norm_start == orig_end - orig_start && norm_end > norm_start {
            self.same_len.push(norm_start);
        }
    }

    /// A copied (not rewritten) segment between two checkpoints?
    fn verbatim(&self, (n0, o0): (usize, usize), (n1, o1): (usize, usize)) -> bool {
        n1 - n0 == o1 - o0 && self.same_len.binary_search(&n0).is_err()
    }

    /// Original offset of a normalized offset used as the **start** of a span.
    /// Text dropped by normalization just before `pos` is skipped.
    pub fn start(&self, pos: usize) -> usize {
        self.translate(pos, true)
    }

    /// Original offset of a normalized offset used as the **end** of a span.
    /// Text dropped by normalization just after `pos` is not included.
    pub fn end(&self, pos: usize) -> usize {
        self.translate(pos, false)
    }

    /// Translate a normalized `start..end` range.
    pub fn range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.start(start);
        let e = self.end(end).max(s);
        (s, e)
    }

    fn translate(&self, pos: usize, as_start: bool) -> usize {
        if self.points.is_empty() {
            return pos.min(self.orig_len);
        }
        if pos >= self.norm_len {
            return self.orig_len;
        }
        // Index of the first checkpoint with normalized offset > pos (for
        // starts) or >= pos (for ends).
        let idx = self.index(pos, as_start);
        if as_start {
            // Last checkpoint with n <= pos.
            let (n0, o0) = if idx == 0 { (0, 0) } else { self.points[idx - 1] };
            let (n1, o1) = self.points.get(idx).copied().unwrap_or((self.norm_len, self.orig_len));
            let verbatim = self.verbatim((n0, o0), (n1, o1));
            segment(pos, (n0, o0), (n1, o1), verbatim, true)
        } else {
            // First checkpoint with n >= pos.
            let (n1, o1) = self.points.get(idx).copied().unwrap_or((self.norm_len, self.orig_len));
            if n1 == pos {
                return o1;
            }
            let (n0, o0) = if idx == 0 { (0, 0) } else { self.points[idx - 1] };
            let verbatim = self.verbatim((n0, o0), (n1, o1));
            segment(pos, (n0, o0), (n1, o1), verbatim, false)
        }
    }
}

fn segment(pos: usize, (n0, o0): (usize, usize), (_n1, o1): (usize, usize), verbatim: bool, as_start: bool) -> usize {
    if verbatim {
        // Copied verbatim: constant delta.
        o0 + (pos - n0)
    } else if pos == n0 {
        o0
    } else if as_start {
        // Inside a rewritten segment: its start.
        o0
    } else {
        o1
    }
}

/// Normalize `input` (see the module docs for what changes).
///
/// One pass: a scan skips what is kept as it is, sixteen bytes at a
/// time; the text is copied only from the first thing that changes, so clean
/// NFC text comes back borrowed without a second scan.
pub fn normalize(input: &str) -> Normalized<'_> {
    normalize_reusing(input, &mut String::new())
}

thread_local! {
    // The allocation of the checkpoints of the last map given back with
    // `Normalized::into_spare` on this thread.
    static SPARE_POINTS: std::cell::Cell<Vec<(usize, usize)>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Checkpoints kept for reuse at most (16 bytes each: 64 MiB).
const KEEP_POINTS: usize = 4 << 20;

/// An empty vector of checkpoints, with the allocation a map of this
/// thread gave back if any: a text with an edit on every line would
/// otherwise grow a fresh vector by doubling, copying it each time.
fn take_spare_points() -> Vec<(usize, usize)> {
    let mut points = SPARE_POINTS.take();
    points.clear();
    points
}

/// [`normalize`], writing a rewritten text into the allocation of `spare`
/// (taken; give it back with [`Normalized::into_spare`]), so that parsing
/// document after document does not ask the allocator for fresh pages each
/// time.
pub(crate) fn normalize_reusing<'a>(input: &'a str, spare: &mut String) -> Normalized<'a> {
    let (fm_end, fm_lines) = front_matter(input);
    // Without front matter, the text's first run of plain characters: the
    // whole text, borrowed as it is; else what the loop below would read
    // first (from offset 0, at the start of a line), copied once.
    let first_run = if fm_end == 0 { plain_run_end(input, 0, true) } else { 0 };
    if fm_end == 0 && first_run == input.len() {
        return Normalized {
            text: Cow::Borrowed(input),
            map: OffsetMap::identity(input.len()),
        };
    }
    let mut out = std::mem::take(spare);
    out.clear();
    out.reserve(input.len());
    let mut map = OffsetMap {
        points: take_spare_points(),
        same_len: Vec::new(),
        norm_len: 0,
        orig_len: input.len(),
        hint: AtomicUsize::new(0),
    };
    let bytes = input.as_bytes();
    let mut i = fm_end;
    if first_run > 0 {
        out.push_str(&input[..first_run]);
        i = first_run;
    }
    if fm_end > 0 {
        // Keep the line count: one newline per front matter line.
        map.push(0, 0);
        out.extend((0..fm_lines).map(|_| '\n'));
        map.push(out.len(), i);
    }
    while i < input.len() {
        // At the start of a line of the output (what `#` headings need):
        // nothing written yet, or a newline last.
        let line_start = out.is_empty() || out.ends_with('\n');
        // Fast path: copy a run of characters kept as they are.
        let run_end = plain_run_end(input, i, line_start);
        if run_end > i {
            out.push_str(&input[i..run_end]);
            i = run_end;
            continue;
        }
        let c = input[i..].chars().next().expect("in bounds");
        let clen = c.len_utf8();
        match c {
            '\n' => {
                out.push('\n');
                i += 1;
            }
            '\r' => {
                // CRLF -> LF (drop the CR); lone CR -> LF.
                map.push(out.len(), i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                    map.push(out.len(), i);
                } else {
                    out.push('\n');
                    i += 1;
                    map.push(out.len(), i);
                }
            }
            '\\' if escaped_break(input, i) > 0 => {
                map.push(out.len(), i);
                out.push('\n');
                i += escaped_break(input, i);
                map.push(out.len(), i);
            }
            '*' => {
                map.push(out.len(), i);
                while bytes.get(i) == Some(&b'*') {
                    i += 1;
                }
                map.push(out.len(), i);
            }
            '#' if line_start => {
                let mut j = i;
                while bytes.get(j) == Some(&b'#') {
                    j += 1;
                }
                if j - i <= 6 && bytes.get(j) == Some(&b' ') {
                    map.push(out.len(), i);
                    i = j + 1;
                    map.push(out.len(), i);
                } else {
                    out.push_str(&input[i..j]);
                    i = j;
                }
            }
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => {
                map.push(out.len(), i);
                i += clen;
                map.push(out.len(), i);
            }
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}' | '\u{2001}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => {
                map.push(out.len(), i);
                out.push(' ');
                i += clen;
                map.push(out.len(), i);
            }
            '⁽' | '¹' | '²' | '³' | '⁰' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' => {
                let (consumed, digits) = superscript_marker(&input[i..]);
                if digits.is_empty() {
                    // A lone "⁽" without digits: keep as is.
                    out.push(c);
                    i += clen;
                } else {
                    let (n0, o0) = (out.len(), i);
                    map.push(n0, o0);
                    out.push('[');
                    out.push_str(&digits);
                    out.push(']');
                    i += consumed;
                    map.push(out.len(), i);
                    map.rewrote(n0, o0, out.len(), i);
                }
            }
            _ if is_mark(c) && map.points.last() == Some(&(out.len(), i)) && cluster_start(&out).is_some() => {
                // Marks cut off from their letter by text just dropped
                // (`k*\u{301}`, `e\u{200B}\u{302}`): compose them with the
                // letter and its marks, as the next pass would
                // (normalization is idempotent).
                let nb = cluster_start(&out).expect("checked");
                let cluster = out[nb..].to_string();
                // The map so far ends here: translate the letter's start.
                map.norm_len = out.len();
                map.orig_len = i;
                let ob = map.start(nb);
                map.orig_len = input.len();
                out.truncate(nb);
                while map.points.last().is_some_and(|&(n, _)| n > nb) {
                    map.points.pop();
                }
                let mut j = i;
                for m in input[i..].chars().take_while(|&m| is_mark(m)) {
                    j += m.len_utf8();
                }
                let mut seg = cluster;
                seg.push_str(&input[i..j]);
                while map.same_len.last().is_some_and(|&n| n >= nb) {
                    map.same_len.pop();
                }
                map.push(nb, ob);
                compose_segment(&seg, &mut out);
                map.push(out.len(), j);
                map.rewrote(nb, ob, out.len(), j);
                i = j;
            }
            _ => {
                // A base character with any combining marks that follow it.
                let mut j = i + clen;
                let mut has_marks = false;
                for m in input[j..].chars() {
                    if is_mark(m) {
                        has_marks = true;
                        j += m.len_utf8();
                    } else {
                        break;
                    }
                }
                let lookalike = matches!(c, 'Ð' | 'ð');
                if !has_marks && !lookalike && !needs_nfc_char(c) {
                    out.push(c);
                } else {
                    let n0 = out.len();
                    map.push(n0, i);
                    compose_segment(&input[i..j], &mut out);
                    map.push(out.len(), j);
                    map.rewrote(n0, i, out.len(), j);
                }
                i = j;
            }
        }
    }
    map.norm_len = out.len();
    Normalized {
        text: Cow::Owned(out),
        map,
    }
}
