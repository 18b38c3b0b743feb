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

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};

/// Normalized text plus the map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
}

impl<'a> Normalized<'a> {
    /// The allocation of a rewritten text, to be reused (see
    /// [`normalize_reusing`]).
    pub(crate) fn into_spare(self) -> Option<String> {
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
/// the number of edits, and translation is a binary search.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(normalized, original)` pairs, both strictly non-decreasing.
    points: Vec<(usize, usize)>,
    /// Normalized starts of rewritten segments as long as the text they
    /// replace (`⁰` → `[0]`, 3 bytes each), sorted: without this they would
    /// read as copied verbatim and map offsets inside a character.
    same_len: Vec<usize>,
    norm_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    fn identity(len: usize) -> Self {
        OffsetMap {
            points: Vec::new(),
            same_len: Vec::new(),
            norm_len: len,
            orig_len: len,
        }
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
        let idx = if as_start {
            self.points.partition_point(|&(n, _)| n <= pos)
        } else {
            self.points.partition_point(|&(n, _)| n < pos)
        };
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

/// [`normalize`], writing a rewritten text into the allocation of `spare`
/// (taken; give it back with [`Normalized::into_spare`]), so that parsing
/// document after document does not ask the allocator for fresh pages each
/// time.
pub(crate) fn normalize_reusing<'a>(input: &'a str, spare: &mut String) -> Normalized<'a> {
    let (fm_end, fm_lines) = front_matter(input);
    if fm_end == 0 && plain_run_end(input, 0, true) == input.len() {
        return Normalized {
            text: Cow::Borrowed(input),
            map: OffsetMap::identity(input.len()),
        };
    }
    let mut out = std::mem::take(spare);
    out.clear();
    out.reserve(input.len());
    let mut map = OffsetMap {
        points: Vec::new(),
        same_len: Vec::new(),
        norm_len: 0,
        orig_len: input.len(),
    };
    let bytes = input.as_bytes();
    let mut i = fm_end;
    if i > 0 {
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

/// Length of a line break printed escaped at `i` (scraped web text gives
/// `Quyết định số 1896/QĐ-TTg\r\nngày 25/12/2019`), 0 when there is none.
///
/// `\r\n` is always one. A lone `\n` or `\r` is one unless it starts a
/// TeX control word (`\right`, `\nu`, as formulas in the laws print): it is
/// when a non-letter follows it, or when the ASCII letters after it run into
/// a Vietnamese letter (`\nngày`, `\nQuyết`). A lone one before a word of
/// plain ASCII letters (`\nban`) is left as it is.
fn escaped_break(input: &str, i: usize) -> usize {
    let b = &input.as_bytes()[i..];
    if b.len() < 2 || b[0] != b'\\' || !matches!(b[1], b'n' | b'r') {
        return 0;
    }
    if b[1] == b'r' && b.get(2..4) == Some(b"\\n") {
        return 4;
    }
    let letters = b[2..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let vietnamese = input[i + 2 + letters..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && c.is_alphabetic());
    if letters == 0 || vietnamese {
        2
    } else {
        0
    }
}

fn is_vietnamese_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Characters that NFC rewrites even alone (singletons such as U+0340, the
/// Ohm sign...). Rare; the check keeps the fast path exact.
fn needs_nfc_char(c: char) -> bool {
    let u = c as u32;
    // Below the combining marks, Vietnamese letters (Latin Extended
    // Additional) and general punctuation: always NFC. Skip the table there.
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) || (0x2010..=0x206F).contains(&u) {
        return false;
    }
    unicode_normalization::is_nfc_quick(std::iter::once(c)) != unicode_normalization::IsNormalized::Yes
}

/// Start of the last character cluster of `out` (a base and the marks
/// after it) that marks just read should join: `None` when `out` does not
/// end with one. The base is left out when it is a newline or the `]` of a
/// rewritten footnote marker (neither composes; their map entry covers more
/// than the character). A run of over 32 marks is left as it is.
fn cluster_start(out: &str) -> Option<usize> {
    let mut start = None;
    for (k, (at, c)) in out.char_indices().rev().enumerate() {
        if k > 32 {
            return None;
        }
        if !is_mark(c) {
            return if matches!(c, '\n' | ']') { start } else { Some(at) };
        }
        start = Some(at);
    }
    start
}

/// A combining mark (fast for the letters of Vietnamese text, which are not).
fn is_mark(m: char) -> bool {
    let u = m as u32;
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return false;
    }
    is_vietnamese_mark(m) || canonical_combining_class(m) != 0
}

/// End of the run from `i` of characters normalization keeps as they are.
///
/// Stops at `\r`, `*`, an escaped line break, a `#` at the start of a line (`line_start` says
/// whether `i` is one), a character that is rewritten or dropped, and before
/// the letter a combining mark follows (the slow path composes the two).
/// Most characters are settled by their lead byte, or lead and second byte,
/// without decoding: ASCII, Latin-1 letters, Latin Extended (`ă đ ơ ư`), the
/// precomposed Vietnamese letters (U+1E00..U+1EFF) and general punctuation
/// (`“ ” – …`). Anything else is decoded and checked.
fn plain_run_end(input: &str, i: usize, line_start: bool) -> usize {
    let bytes = input.as_bytes();
    let n = bytes.len();
    let mut j = i;
    while j < n {
        // Skip blocks of plain text; back up to the start of the character
        // the skip stopped in.
        let mut p = skip_plain(bytes, j);
        while p > j && p < n && bytes[p] & 0xC0 == 0x80 {
            p -= 1;
        }
        j = p;
        if j >= n {
            break;
        }
        let b = bytes[j];
        if b < 0x80 {
            match b {
                b'\r' | b'*' => return j,
                b'\\' if escaped_break(input, j) > 0 => return j,
                b'#' if (j == i && line_start) || (j > i && bytes[j - 1] == b'\n') => return j,
                _ => {
                    j += 1;
                    continue;
                }
            }
        }
        // `input` is valid UTF-8: a lead byte has its continuation bytes.
        match b {
            // U+0080..U+00FF: NBSP, soft hyphen, superscripts ², ³, ¹ and
            // the look-alike eth change; the rest is kept.
            0xC2 => {
                if matches!(bytes[j + 1], 0xA0 | 0xAD | 0xB2 | 0xB3 | 0xB9) {
                    return j;
                }
                j += 2;
                continue;
            }
            0xC3 => {
                if matches!(bytes[j + 1], 0x90 | 0xB0) {
                    return j;
                }
                j += 2;
                continue;
            }
            // U+0100..U+02FF: Latin letters, NFC, never special.
            0xC4..=0xCB => {
                j += 2;
                continue;
            }
            // U+1E00..U+1EFF: precomposed Vietnamese letters.
            0xE1 if matches!(bytes[j + 1], 0xB8..=0xBB) => {
                j += 3;
                continue;
            }
            // U+2000..U+203F: fixed-width spaces and zero-width characters
            // change; dashes, quotes and the ellipsis are kept.
            0xE2 if bytes[j + 1] == 0x80 => {
                if matches!(bytes[j + 2], 0x80..=0x83 | 0x87 | 0x89 | 0x8B..=0x8D | 0xAF) {
                    return j;
                }
                j += 3;
                continue;
            }
            // U+2040..U+206F: only the word joiner U+2060 changes.
            0xE2 if bytes[j + 1] == 0x81 && bytes[j + 2] < 0xB0 => {
                if bytes[j + 2] == 0xA0 {
                    return j;
                }
                j += 3;
                continue;
            }
            _ => {}
        }
        let c = input[j..].chars().next().expect("char boundary");
        if is_mark(c) {
            // Leave the base letter before it to the slow path (a newline
            // is no base: the mark is then read on its own).
            return if j > i && bytes[j - 1] != b'\n' {
                j - input[..j].chars().next_back().map_or(0, char::len_utf8)
            } else {
                j
            };
        }
        if is_special(c) || needs_nfc_char(c) {
            return j;
        }
        j += c.len_utf8();
    }
    j
}

/// The first byte at or after `from` (a character boundary) that
/// [`plain_run_end`] must look at one character at a time; every character
/// before it is kept as it is. Sixteen bytes at a time (SSE2, part of every
/// x86-64): a byte is looked at if it is `\r`, `*`, `#` or `\`, the lead byte of a
/// character outside the ranges settled by bytes (`C2`, `CC`..`E0`, `E2` and
/// up), or the second byte of `Ð`/`ð` (`C3 90`, `C3 B0`) or of a three-byte
/// `E1` character outside the Vietnamese letters (U+1E00..U+1EFF). The last
/// bytes (under sixteen) are left to the caller. May stop inside a character.
///
/// With AVX2, thirty-two bytes at a time, then sixteen for the rest.
#[cfg(target_arch = "x86_64")]
fn skip_plain(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        match unsafe { avx2::skip_plain(bytes, from) } {
            Ok(stop) => return stop,
            // The blocks may end inside a character: go on from its start,
            // so that the rest sees its lead byte.
            Err(end) => {
                k = end;
                while k > from && k < bytes.len() && bytes[k] & 0xC0 == 0x80 {
                    k -= 1;
                }
            }
        }
    }
    // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 CPU has it.
    unsafe { sse2::skip_plain(bytes, k) }
}

/// One block's bytes by class, a bit per byte (first byte lowest), as the
/// SIMD skips read them.
#[cfg(target_arch = "x86_64")]
struct BlockMasks {
    /// Bytes looked at for themselves (`\r`, `*`, `#`, `\`, the lead bytes).
    direct: u64,
    /// `C3`, and the second bytes of `Ð`/`ð` after it (`90`, `B0`).
    c3: u64,
    eth: u64,
    /// `E1`, and the second bytes of the Vietnamese letters after it
    /// (`B8`..`BB`).
    e1: u64,
    viet: u64,
}

/// Lead bytes `C3` or `E1` at the end of the previous block (none before
/// the first: it starts at a character boundary).
#[cfg(target_arch = "x86_64")]
#[derive(Default)]
struct Carry {
    c3: u64,
    e1: u64,
}

#[cfg(target_arch = "x86_64")]
impl Carry {
    /// The bytes of a block of `width` bytes to stop at: those looked at for
    /// themselves, and the second byte of a two-byte pattern that starts in
    /// this block or at the end of the last. Remembers this block's end.
    #[inline(always)]
    fn stops(&mut self, width: u32, b: BlockMasks) -> u64 {
        let all = u64::MAX >> (64 - width);
        let m = b.direct | (((b.c3 << 1) | self.c3) & b.eth) | (((b.e1 << 1) | self.e1) & !b.viet & all);
        self.c3 = b.c3 >> (width - 1);
        self.e1 = b.e1 >> (width - 1);
        m
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{__m256i, _mm256_loadu_si256, _mm256_or_si256};

    use crate::simd::avx2::{eq, in_range, mask};

    /// [`super::sse2::skip_plain`] thirty-two bytes at a time: `Ok` with the
    /// byte to look at, or `Err` with where the whole blocks end (under
    /// thirty-two bytes are left; it may be inside a character).
    #[target_feature(enable = "avx2")]
    pub(super) fn skip_plain(bytes: &[u8], from: usize) -> Result<usize, usize> {
        let mut k = from;
        let mut carry = super::Carry::default();
        while k + 32 <= bytes.len() {
            // SAFETY: `k + 32 <= bytes.len()`, so the 32 bytes read are
            // inside the slice; `_mm256_loadu_si256` needs no alignment.
            let x = unsafe { _mm256_loadu_si256(bytes.as_ptr().add(k).cast::<__m256i>()) };
            let ascii = _mm256_or_si256(
                _mm256_or_si256(eq(x, b'\r'), eq(x, b'*')),
                _mm256_or_si256(eq(x, b'#'), eq(x, b'\\')),
            );
            let leads = _mm256_or_si256(
                _mm256_or_si256(eq(x, 0xC2), in_range(x, 0xCC, 0xE0)),
                in_range(x, 0xE2, 0xFF),
            );
            let m = carry.stops(
                32,
                super::BlockMasks {
                    direct: mask(_mm256_or_si256(ascii, leads)),
                    c3: mask(eq(x, 0xC3)),
                    eth: mask(_mm256_or_si256(eq(x, 0x90), eq(x, 0xB0))),
                    e1: mask(eq(x, 0xE1)),
                    viet: mask(in_range(x, 0xB8, 0xBB)),
                },
            );
            if m != 0 {
                return Ok(k + m.trailing_zeros() as usize);
            }
            k += 32;
        }
        Err(k)
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_min_epu8, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };

    /// Bytes of `x` equal to `b`.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn eq(x: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8))
    }

    /// Bytes of `x` at least `b` (unsigned).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn ge(x: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(b as i8)), x)
    }

    /// Bytes of `x` at most `b` (unsigned).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn le(x: __m128i, b: u8) -> __m128i {
        _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(b as i8)), x)
    }

    /// One bit per byte: its high bit.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn mask(v: __m128i) -> u64 {
        u64::from(_mm_movemask_epi8(v) as u32)
    }

    /// See [`super::skip_plain`].
    #[target_feature(enable = "sse2")]
    pub(super) fn skip_plain(bytes: &[u8], from: usize) -> usize {
        let mut k = from;
        let mut carry = super::Carry::default();
        while k + 16 <= bytes.len() {
            // SAFETY: `k + 16 <= bytes.len()`, so the 16 bytes read are
            // inside the slice; `_mm_loadu_si128` needs no alignment.
            let x = unsafe { _mm_loadu_si128(bytes.as_ptr().add(k).cast::<__m128i>()) };
            let ascii = _mm_or_si128(
                _mm_or_si128(eq(x, b'\r'), eq(x, b'*')),
                _mm_or_si128(eq(x, b'#'), eq(x, b'\\')),
            );
            let leads = _mm_or_si128(
                _mm_or_si128(eq(x, 0xC2), _mm_and_si128(ge(x, 0xCC), le(x, 0xE0))),
                ge(x, 0xE2),
            );
            let m = carry.stops(
                16,
                super::BlockMasks {
                    direct: mask(_mm_or_si128(ascii, leads)),
                    c3: mask(eq(x, 0xC3)),
                    eth: mask(_mm_or_si128(eq(x, 0x90), eq(x, 0xB0))),
                    e1: mask(eq(x, 0xE1)),
                    viet: mask(_mm_and_si128(ge(x, 0xB8), le(x, 0xBB))),
                },
            );
            if m != 0 {
                return k + m.trailing_zeros() as usize;
            }
            k += 16;
        }
        k
    }
}

/// Without SSE2: no skipping, every character is looked at.
#[cfg(not(target_arch = "x86_64"))]
fn skip_plain(_bytes: &[u8], from: usize) -> usize {
    from
}

/// Characters normalization rewrites or drops (besides combining marks).
fn is_special(c: char) -> bool {
    matches!(
        c,
        'Ð' | 'ð'
            | '\u{FEFF}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{00AD}'
            | '\u{00A0}'
            | '\u{2007}'
            | '\u{202F}'
            | '\u{2000}'
            | '\u{2001}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2009}'
            | '⁽'
            | '¹'
            | '²'
            | '³'
            | '⁰'
            | '⁴'
            | '⁵'
            | '⁶'
            | '⁷'
            | '⁸'
            | '⁹'
    )
}

/// Compose one base character and its marks into NFC, folding the look-alike
/// eth to Đ.
fn compose_segment(seg: &str, out: &mut String) {
    let folded = seg.chars().map(|c| match c {
        'Ð' => 'Đ',
        'ð' => 'đ',
        c => c,
    });
    out.extend(unicode_normalization::UnicodeNormalization::nfc(folded));
}

/// A superscript footnote marker at the start of `s`: `¹`, `¹²`, `⁽¹⁾`.
/// Returns the bytes consumed and the digits as ASCII.
fn superscript_marker(s: &str) -> (usize, String) {
    let mut consumed = 0;
    let mut digits = String::new();
    let mut chars = s.chars().peekable();
    let paren = chars.peek() == Some(&'⁽');
    if paren {
        consumed += '⁽'.len_utf8();
        chars.next();
    }
    while let Some(&c) = chars.peek() {
        let d = match c {
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            _ => break,
        };
        digits.push(d);
        consumed += c.len_utf8();
        chars.next();
    }
    if paren {
        if chars.peek() == Some(&'⁾') && !digits.is_empty() {
            consumed += '⁾'.len_utf8();
        } else {
            return (0, String::new());
        }
    }
    (consumed, digits)
}

/// A YAML front matter block at the very start: its length in bytes and its
/// number of lines. Lines are read as normalization writes them (`\r\n`,
/// `\r` and `\n` end a line; stars, zero-width characters, soft hyphens, the
/// BOM and a heading's `# ` are ignored), so the answer is the same before and
/// after normalization.
fn front_matter(input: &str) -> (usize, usize) {
    let bytes = input.as_bytes();
    let mut pos = 0;
    let mut lines = 0;
    while pos < bytes.len() {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |k| pos + k);
        let content = &input[pos..end];
        let next = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        let terminated = next > end;
        let rule = is_rule_line(content);
        if lines == 0 && !(rule && terminated) {
            return (0, 0);
        }
        lines += usize::from(terminated);
        if lines > 1 && rule {
            return (next, lines);
        }
        // Front matter is short; give up on anything that looks like a body.
        if next > 64 * 1024 {
            return (0, 0);
        }
        pos = next;
    }
    (0, 0)
}

/// Is a line `---` once the characters normalization drops are ignored?
fn is_rule_line(line: &str) -> bool {
    let kept = line.trim_start_matches('#');
    let line = if kept.len() < line.len() && line.len() - kept.len() <= 6 {
        kept.strip_prefix(' ').unwrap_or(line)
    } else {
        line
    };
    line.chars()
        .filter(|&c| {
            !matches!(
                c,
                '*' | '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
            )
        })
        .eq("---".chars())
}

/// Fold one character for keyword matching: lower case, diacritics removed,
/// `đ`/`Đ`/`Ð` read as `d`. `Kính gửi`, `KÍNH GỞI` and `Kinh gui` all fold to
/// `kinh gui`/`kinh goi`; `uỷ` and `ủy` both fold to `uy`.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    fold_non_ascii(c)
}

/// [`fold_char`] of a non-ASCII character.
fn fold_non_ascii(c: char) -> char {
    // The letters of Vietnamese text, from a table built once.
    let u = c as usize;
    if u < FOLD_LATIN_END {
        return fold_tables().0[u - 0x80];
    }
    if (0x1E00..0x1F00).contains(&u) {
        return fold_tables().1[u - 0x1E00];
    }
    fold_char_slow(c)
}

/// [`fold_char`] of U+0080..U+024F ends here.
const FOLD_LATIN_END: usize = 0x250;

/// [`fold_char`] of U+0080..U+024F and of U+1E00..U+1EFF (the precomposed
/// Vietnamese letters).
fn fold_tables() -> &'static (Vec<char>, Vec<char>) {
    static TABLES: std::sync::OnceLock<(Vec<char>, Vec<char>)> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let fold_range =
            |r: std::ops::Range<u32>| r.map(|u| char::from_u32(u).map_or('\u{0}', fold_char_slow)).collect();
        (fold_range(0x80..FOLD_LATIN_END as u32), fold_range(0x1E00..0x1F00))
    })
}

/// [`fold_char`] by decomposition, for any character.
fn fold_char_slow(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => return 'd',
        '\u{0300}'..='\u{036F}' => return '\u{0}',
        _ => {}
    }
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    // Horn and breve letters decompose to their base already (ư -> u, ă -> a).
    base.to_lowercase().next().unwrap_or(base)
}

/// If `text` starts with `keyword` under [`fold_char`] folding (combining
/// marks in `text` are skipped; whitespace runs match a single space in the
/// keyword), returns the number of bytes of `text` matched.
///
/// `keyword` must be given already folded (lower case ASCII, single spaces).
#[inline(always)]
pub fn starts_with_folded(text: &str, keyword: &str) -> Option<usize> {
    // Most calls end at the first character: an ASCII one that folds to
    // another letter (NUL is skipped like a stray mark, below). That test is
    // inlined into the caller; the rest is not.
    if let (Some(&b), Some(&k)) = (text.as_bytes().first(), keyword.as_bytes().first()) {
        if b.is_ascii() && b != 0 && k != b' ' && b.to_ascii_lowercase() != k {
            return None;
        }
    }
    starts_with_folded_rest(text, keyword)
}

/// [`starts_with_folded`] past its first-byte test.
#[inline(never)]
fn starts_with_folded_rest(text: &str, keyword: &str) -> Option<usize> {
    let kw = keyword.as_bytes();
    let mut t = text.char_indices().peekable();
    let mut k = 0;
    while k < kw.len() {
        let kc = kw[k] as char;
        if kc == ' ' {
            // One or more whitespace characters.
            let mut n = 0;
            while let Some(&(_, c)) = t.peek() {
                if c == ' ' || c == '\t' || c == '\u{a0}' {
                    n += 1;
                    t.next();
                } else {
                    break;
                }
            }
            if n == 0 {
                return None;
            }
            k += 1;
            continue;
        }
        loop {
            let (_, c) = t.next()?;
            let f = fold_char(c);
            if f == '\u{0}' {
                continue; // a stray combining mark
            }
            if f != kc {
                return None;
            }
            break;
        }
        k += 1;
    }
    // Swallow combining marks that belong to the last matched letter.
    let mut end = text.len();
    while let Some(&(i, c)) = t.peek() {
        if is_vietnamese_mark(c) {
            t.next();
        } else {
            end = i;
            break;
        }
    }
    Some(end)
}

/// Fold a whole string (see [`fold_char`]); whitespace runs become one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let f = fold_char(c);
        if f == '\u{0}' {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_spans(orig: &str, n: &Normalized<'_>) {
        // Every char boundary of the normalized text maps to a char boundary
        // of the original.
        for (i, _) in n.text().char_indices().chain([(n.text().len(), ' ')]) {
            let s = n.map().start(i);
            let e = n.map().end(i);
            assert!(orig.is_char_boundary(s), "start {i}->{s}");
            assert!(orig.is_char_boundary(e), "end {i}->{e}");
        }
    }

    #[test]
    fn ok_identity_is_borrowed() {
        let s = "Số 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023";
        let n = normalize(s);
        assert!(n.is_identity());
        assert_eq!(n.text(), s);
        assert_eq!(n.map().start(5), 5);
    }

    #[test]
    fn ok_nfd_composed_and_mapped() {
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Nghị định số 30/2020/NĐ-CP").collect();
        let n = normalize(&nfd);
        assert_eq!(n.text(), "Nghị định số 30/2020/NĐ-CP");
        let sym = n.text().find("30/2020").unwrap();
        let (s, e) = n.map().range(sym, n.text().len());
        assert_eq!(&nfd[s..e], "30/2020/NĐ-CP");
        let (s, e) = n.map().range(0, "Nghị".len());
        assert_eq!(&nfd[s..e], "Nghi\u{323}");
        check_spans(&nfd, &n);
    }

    #[test]
    fn ok_escaped_line_breaks() {
        let s = "Quyết định số 205/QĐ-TTg\\r\\nngày 03/11/2027\\r\\n\\r\\n\\nLuật \\nngày \\n1";
        let n = normalize(s);
        assert_eq!(
            n.text(),
            "Quyết định số 205/QĐ-TTg\nngày 03/11/2027\n\n\nLuật \nngày \n1"
        );
        let p = n.text().find("ngày 03").unwrap();
        let (a, b) = n.map().range(p, p + "ngày 03/11/2027".len());
        assert_eq!(&s[a..b], "ngày 03/11/2027");
        let (a, b) = n.map().range(0, p);
        assert_eq!(&s[a..b], "Quyết định số 205/QĐ-TTg\\r\\n");
        check_spans(s, &n);
        // TeX control words and ASCII words stay as they are.
        for kept in ["$a \\right) \\nu \\neq b$", "\\text{x} \\rho", "C:\\ban", "a \\ b"] {
            assert_eq!(normalize(kept).text(), kept);
        }
    }

    #[test]
    fn ok_eth_nbsp_zwsp_crlf_stars() {
        let s = "\u{feff}**Số:**\u{a0}102/2017/NÐ-CP\r\n\u{200b}“*Dân vận khéo*”";
        let n = normalize(s);
        assert_eq!(n.text(), "Số: 102/2017/NĐ-CP\n“Dân vận khéo”");
        let p = n.text().find("NĐ").unwrap();
        let (a, b) = n.map().range(p, p + "NĐ".len());
        assert_eq!(&s[a..b], "NÐ");
        let p = n.text().find("Dân").unwrap();
        let (a, b) = n.map().range(p, p + "Dân vận khéo".len());
        assert_eq!(&s[a..b], "Dân vận khéo");
        check_spans(s, &n);
    }

    #[test]
    fn ok_superscript_markers() {
        let s = "(khóa XIV)⁽¹⁾.\n¹ Nghị quyết";
        let n = normalize(s);
        assert_eq!(n.text(), "(khóa XIV)[1].\n[1] Nghị quyết");
        let p = n.text().find("[1]").unwrap();
        let (a, b) = n.map().range(p, p + 3);
        assert_eq!(&s[a..b], "⁽¹⁾");
        check_spans(s, &n);
    }

    #[test]
    fn ok_front_matter_blanked_keeps_lines() {
        let s = "---\ntitle: x\ndate: 2026-05-25\n---\n# THÔNG TƯ\nSố: 71/2026/TT-BCA";
        let n = normalize(s);
        assert_eq!(n.text(), "\n\n\n\nTHÔNG TƯ\nSố: 71/2026/TT-BCA");
        let p = n.text().find("71/").unwrap();
        assert_eq!(&s[n.map().start(p)..], "71/2026/TT-BCA");
    }

    #[test]
    fn ok_idempotent() {
        let s = "\u{feff}Ki\u{301}nh gư\u{309}i:* - Ð\r\n¹ x";
        let once = normalize(s).text().to_string();
        let twice = normalize(&once).text().to_string();
        assert_eq!(once, twice);
    }

    /// The first byte at or after `from` that [`skip_plain`] must stop at,
    /// read one byte at a time from its documented rules.
    fn first_stop(b: &[u8], from: usize) -> usize {
        (from..b.len())
            .find(|&k| {
                let prev = k.checked_sub(1).map(|p| b[p]);
                matches!(b[k], b'\r' | b'*' | b'#' | 0xC2 | 0xCC..=0xE0 | 0xE2..=0xFF)
                    || (prev == Some(0xC3) && matches!(b[k], 0x90 | 0xB0))
                    || (prev == Some(0xE1) && !matches!(b[k], 0xB8..=0xBB))
            })
            .unwrap_or(b.len())
    }

    /// The block skip (thirty-two bytes with AVX2, then sixteen) stops where
    /// the byte rules say, from every character boundary of texts that put
    /// each kind of stop, and the two-byte ones split across blocks, at
    /// every alignment; it stops early only in the last sixteen bytes.
    #[test]
    fn ok_skip_plain_stops_where_the_rules_say() {
        let stops = [
            "Ð", "ð", "\u{1D00}", "\u{1DC0}", "\u{a0}", "“", "*", "#", "\r", "\u{301}", "Ж",
        ];
        // A long rest, and one that leaves sixteen to thirty-one bytes after
        // the thirty-two-byte blocks (the sixteen-byte skip takes over there,
        // maybe inside a character).
        let rests = [" quyết định ư ơ đ ậ".repeat(3), " quyết định ư".to_string()];
        for (stop, rest) in stops.iter().flat_map(|s| rests.iter().map(move |r| (s, r))) {
            for pad in 0..70 {
                let text = format!("{}{stop}{rest}", "a".repeat(pad));
                let b = text.as_bytes();
                for from in (0..=b.len()).filter(|&k| text.is_char_boundary(k)) {
                    let want = first_stop(b, from);
                    // The dispatch, and sixteen at a time alone (what a CPU
                    // without AVX2 runs).
                    #[cfg(target_arch = "x86_64")]
                    // SAFETY: SSE2 is part of the x86-64 baseline.
                    let sse2 = unsafe { sse2::skip_plain(b, from) };
                    #[cfg(not(target_arch = "x86_64"))]
                    let sse2 = skip_plain(b, from);
                    for got in [skip_plain(b, from), sse2] {
                        assert!(
                            got >= from && (got == want || (got < want && b.len() - got < 16)),
                            "{text:?} from {from}: stopped at {got}, the rules say {want}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ok_fold_tables_agree_with_decomposition() {
        for u in (0x80..0x250).chain(0x1E00..0x1F00) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(fold_char(c), fold_char_slow(c), "U+{u:04X}");
        }
        assert_eq!(fold_char('Ệ'), 'e');
        assert_eq!(fold_char('Ư'), 'u');
        assert_eq!(fold_char('ð'), 'd');
        assert_eq!(fold_char('ß'), 'ß');
    }

    #[test]
    fn ok_fold_tone_placement() {
        assert_eq!(fold("Tỉnh uỷ"), fold("Tỉnh ủy"));
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("KÍNH GỬI"), "kinh gui");
        assert_eq!(starts_with_folded("Kính gởi: x", "kinh goi"), Some("Kính gởi".len()));
        assert_eq!(starts_with_folded("NƠI NHẬN:", "noi nhan"), Some("NƠI NHẬN".len()));
        assert_eq!(starts_with_folded("Noi nhận", "noi nhan"), Some("Noi nhận".len()));
        assert_eq!(starts_with_folded("Nơi", "noi nhan"), None);
        // The first-byte reject: another ASCII letter, upper case kept apart
        // from lower, NUL skipped like a stray mark, non-ASCII decoded.
        assert_eq!(starts_with_folded("Mơi nhận", "noi nhan"), None);
        assert_eq!(starts_with_folded("NOI NHAN", "noi nhan"), Some(8));
        assert_eq!(starts_with_folded("\u{0}noi nhan", "noi nhan"), Some(9));
        assert_eq!(starts_with_folded("Đi", "di"), Some("Đi".len()));
        assert_eq!(starts_with_folded("", "noi"), None);
    }
}
