//! Stage 1: **normalize**. Turns messy real text into one canonical form while
//! keeping an [`OffsetMap`] back to the original bytes.
//!
//! What is rewritten:
//! - Unicode NFC (a third of the scraped laws are partly NFD: `đến` written as
//!   `đe` + U+0302 + U+0301 + `n`);
//! - the look-alike `Ð` (U+00D0, Icelandic eth) and `ð` read as `Đ`/`đ`;
//! - NBSP and other fixed-width spaces become a plain space; zero-width
//!   space/joiners, soft hyphen and the BOM are dropped;
//! - CRLF and lone CR become LF;
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
pub fn normalize(input: &str) -> Normalized<'_> {
    if !needs_work(input) {
        return Normalized {
            text: Cow::Borrowed(input),
            map: OffsetMap::identity(input.len()),
        };
    }
    let mut out = String::with_capacity(input.len());
    let mut map = OffsetMap {
        points: Vec::new(),
        same_len: Vec::new(),
        norm_len: 0,
        orig_len: input.len(),
    };
    let bytes = input.as_bytes();
    let (mut i, lines) = front_matter(input);
    if i > 0 {
        // Keep the line count: one newline per front matter line.
        map.push(0, 0);
        out.extend((0..lines).map(|_| '\n'));
        map.push(out.len(), i);
    }
    let mut line_start = true;
    while i < input.len() {
        // Fast path: copy a run of characters kept as they are.
        let run_end = plain_run_end(input, i);
        if run_end > i {
            out.push_str(&input[i..run_end]);
            line_start = false;
            i = run_end;
            continue;
        }
        let c = input[i..].chars().next().expect("in bounds");
        let clen = c.len_utf8();
        match c {
            '\n' => {
                out.push('\n');
                line_start = true;
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
                    line_start = true;
                }
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
                    line_start = false;
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
                line_start = false;
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
                line_start = false;
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
                line_start = false;
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
                line_start = false;
            }
        }
    }
    map.norm_len = out.len();
    Normalized {
        text: Cow::Owned(out),
        map,
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

/// End of the run from `i` of characters normalization keeps as they are:
/// ASCII other than `\r`, `*`, `#`, `\n`, and NFC letters that are not
/// special and not followed by a combining mark (the letter before a mark is
/// left to the slow path, which composes the two).
fn plain_run_end(input: &str, i: usize) -> usize {
    let bytes = input.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b < 0x80 {
            if matches!(b, b'\r' | b'*' | b'#' | b'\n') {
                return j;
            }
            j += 1;
            continue;
        }
        // Latin letters U+0100..U+02FF (lead bytes C4..CB: ă, đ, ơ, ư...) and
        // Vietnamese precomposed letters U+1E00..U+1EFF (E1 B8..BB): NFC, not
        // special, not marks. Continuation bytes are skipped one by one.
        if b < 0xC2 || (0xC4..=0xCB).contains(&b) {
            j += 1;
            continue;
        }
        if b == 0xE1 && matches!(bytes.get(j + 1), Some(0xB8..=0xBB)) {
            j += 3;
            continue;
        }
        let c = input[j..].chars().next().expect("char boundary");
        if is_mark(c) {
            // Leave the base letter before it to the slow path.
            return if j > i {
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

/// Does `input` need any rewriting at all? Byte scans (memchr) for the
/// special characters, then Unicode's NFC quick check: the answer is "no" for
/// most clean NFC files, and then no copy is made.
fn needs_work(input: &str) -> bool {
    if front_matter_len(input) > 0 {
        return true;
    }
    let b = input.as_bytes();
    if memchr::memchr2(b'\r', b'*', b).is_some() {
        return true;
    }
    if memchr::memchr_iter(b'#', b).any(|p| p == 0 || b[p - 1] == b'\n') {
        return true;
    }
    if input.is_ascii() {
        return false;
    }
    // Every special character starts with one of these lead bytes.
    let special_at = |p: usize| input.get(p..).and_then(|s| s.chars().next()).is_some_and(is_special);
    if memchr::memchr3_iter(0xC2, 0xC3, 0xE2, b).any(special_at) || memchr::memchr_iter(0xEF, b).any(special_at) {
        return true;
    }
    // Combining marks (NFD) and characters NFC would rewrite: only characters
    // from U+0300 on (lead byte 0xCC and up) can be either.
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0xCC {
            i += 1;
            continue;
        }
        let c = input[i..].chars().next().expect("char boundary");
        if is_mark(c) || needs_nfc_char(c) {
            return true;
        }
        i += c.len_utf8();
    }
    false
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

/// Length in bytes of a YAML front matter block (`---` ... `---`) at the very
/// start of the text, or 0.
fn front_matter_len(input: &str) -> usize {
    front_matter(input).0
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
pub fn fold_char(c: char) -> char {
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
    let lower = base.to_lowercase().next().unwrap_or(base);
    // Horn and breve letters decompose to their base already (ư -> u, ă -> a).
    lower
}

/// If `text` starts with `keyword` under [`fold_char`] folding (combining
/// marks in `text` are skipped; whitespace runs match a single space in the
/// keyword), returns the number of bytes of `text` matched.
///
/// `keyword` must be given already folded (lower case ASCII, single spaces).
pub fn starts_with_folded(text: &str, keyword: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    let kw = keyword.as_bytes();
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

    #[test]
    fn ok_fold_tone_placement() {
        assert_eq!(fold("Tỉnh uỷ"), fold("Tỉnh ủy"));
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("KÍNH GỬI"), "kinh gui");
        assert_eq!(starts_with_folded("Kính gởi: x", "kinh goi"), Some("Kính gởi".len()));
        assert_eq!(starts_with_folded("NƠI NHẬN:", "noi nhan"), Some("NƠI NHẬN".len()));
        assert_eq!(starts_with_folded("Noi nhận", "noi nhan"), Some("Noi nhận".len()));
        assert_eq!(starts_with_folded("Nơi", "noi nhan"), None);
    }
}
