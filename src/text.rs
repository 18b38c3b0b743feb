//! Small text utilities shared by the stages: line index, span mapping.

use crate::model::Span;
use crate::normalize::OffsetMap;

/// Line starts of a text, for turning byte offsets into 1-based line and
/// column numbers when rendering. Built once, queried by binary search.
/// A line ends at `\n`, at `\r\n`, and at a lone `\r` (old Mac files: a
/// text whose lines all end so is not one long line).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        LineIndex::of_bytes(text.as_bytes())
    }

    /// Index the lines of bytes that need not be UTF-8 (a file read with
    /// `--lossy`, whose spans are offsets into its bytes).
    pub fn of_bytes(bytes: &[u8]) -> LineIndex {
        LineIndex::of_bytes_reusing(bytes, Vec::new())
    }

    /// [`LineIndex::of_bytes`], written into `starts`' allocation (cleared
    /// first).
    fn of_bytes_reusing(bytes: &[u8], starts: Vec<usize>) -> LineIndex {
        LineIndex::of_bytes_marking::<false>(bytes, starts, &mut Vec::new())
    }

    /// [`LineIndex::of_bytes_reusing`]; with `MARKS`, also pushes the offset
    /// of every `[` and `X` of `bytes` into `marks`, in order, from the same
    /// reading of the text (see [`Ctx::marks`]).
    fn of_bytes_marking<const MARKS: bool>(bytes: &[u8], mut starts: Vec<usize>, marks: &mut Vec<usize>) -> LineIndex {
        // Sized for lines of about fifty bytes (the corpus averages 55), so
        // that the vector rarely grows.
        starts.clear();
        starts.reserve(bytes.len() / 48 + 1);
        starts.push(0);
        if memchr::memchr(b'\r', bytes).is_some() {
            // `\r\n` is one break, a lone `\r` another.
            starts.extend(
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                    .map(|i| i + 1),
            );
            if MARKS {
                marks.extend(memchr::memchr2_iter(b'[', b'X', bytes));
            }
        } else {
            push_line_starts::<MARKS>(bytes, &mut starts, marks);
        }
        LineIndex { starts }
    }

    /// Byte offset of the start of every line, in order (the first is 0).
    pub(crate) fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// Byte range of a 1-based line (without its newline).
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(line).map_or(text.len(), |e| e - 1);
        (start, end.max(start))
    }
}

/// Push the offset after every `\n` of `bytes`, in order; with `MARKS`,
/// the offset of every `[` and `X` into `marks`, in order.
///
/// Lines are short (fifty bytes on average), so a search call per newline
/// (`memchr_iter`) costs more in set-up than in reading; instead, sixteen
/// bytes are compared at a time and the newlines of a block are read off its
/// bit mask.
///
/// With AVX2, thirty-two bytes at a time, then sixteen for the rest.
fn push_line_starts<const MARKS: bool>(bytes: &[u8], starts: &mut Vec<usize>, marks: &mut Vec<usize>) {
    #[cfg(target_arch = "x86_64")]
    {
        let mut done = 0;
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            done = unsafe { avx2::push_line_starts::<MARKS>(bytes, starts, marks) };
        }
        // SAFETY: SSE2 is part of the x86-64 baseline: every x86-64 CPU has it.
        done += unsafe { sse2::push_line_starts::<MARKS>(&bytes[done..], done, starts, marks) };
        starts.extend(memchr::memchr_iter(b'\n', &bytes[done..]).map(|i| done + i + 1));
        if MARKS {
            marks.extend(memchr::memchr2_iter(b'[', b'X', &bytes[done..]).map(|i| done + i));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        if MARKS {
            marks.extend(memchr::memchr2_iter(b'[', b'X', bytes));
        }
    }
}

/// Push `base + i` for every set bit `i` of `m`, lowest first (the marks of
/// a block: rare, one loop step each).
#[inline(always)]
fn push_marks(marks: &mut Vec<usize>, base: usize, mut m: u64) {
    while m != 0 {
        marks.push(base + m.trailing_zeros() as usize);
        m &= m - 1;
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8};

    /// [`super::push_line_starts`] over the whole blocks of sixteen bytes
    /// of `bytes`, which start at offset `base` of the text; returns where
    /// the blocks end in `bytes` (the rest is under sixteen bytes).
    #[target_feature(enable = "sse2")]
    pub(super) fn push_line_starts<const MARKS: bool>(
        bytes: &[u8],
        base: usize,
        starts: &mut Vec<usize>,
        marks: &mut Vec<usize>,
    ) -> usize {
        let nl = _mm_set1_epi8(b'\n' as i8);
        let (bracket, x_upper) = (_mm_set1_epi8(b'[' as i8), _mm_set1_epi8(b'X' as i8));
        let mut k = 0;
        while k + 16 <= bytes.len() {
            // SAFETY: `k + 16 <= bytes.len()`, so the 16 bytes read are inside
            // the slice; `_mm_loadu_si128` needs no alignment.
            let x = unsafe { _mm_loadu_si128(bytes.as_ptr().add(k).cast::<__m128i>()) };
            let mut m = _mm_movemask_epi8(_mm_cmpeq_epi8(x, nl)) as u32;
            while m != 0 {
                starts.push(base + k + m.trailing_zeros() as usize + 1);
                m &= m - 1;
            }
            if MARKS {
                let found = _mm_or_si128(_mm_cmpeq_epi8(x, bracket), _mm_cmpeq_epi8(x, x_upper));
                super::push_marks(marks, base + k, u64::from(_mm_movemask_epi8(found) as u32));
            }
            k += 16;
        }
        k
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        _mm256_testz_si256,
    };

    /// [`super::push_line_starts`] over the whole blocks of thirty-two
    /// bytes; returns where the blocks end (the rest is under thirty-two
    /// bytes). Two blocks are read a step, their masks joined into one of
    /// sixty-four bits (a line is about fifty bytes: one or two newlines a
    /// step, for half the loop's overhead); then one block, if one is left.
    ///
    /// With `MARKS`, the `[` and `X` of each block are pushed into `marks`
    /// too (a block seldom holds one: one test of the joined mask).
    #[target_feature(enable = "avx2")]
    pub(super) fn push_line_starts<const MARKS: bool>(
        bytes: &[u8],
        starts: &mut Vec<usize>,
        marks: &mut Vec<usize>,
    ) -> usize {
        let nl = _mm256_set1_epi8(b'\n' as i8);
        let mut k = 0;
        while k + 64 <= bytes.len() {
            // SAFETY: `k + 64 <= bytes.len()`, so the 64 bytes read are inside
            // the slice; `_mm256_loadu_si256` needs no alignment.
            let (x, y) = unsafe {
                (
                    _mm256_loadu_si256(bytes.as_ptr().add(k).cast::<__m256i>()),
                    _mm256_loadu_si256(bytes.as_ptr().add(k + 32).cast::<__m256i>()),
                )
            };
            let low = _mm256_movemask_epi8(_mm256_cmpeq_epi8(x, nl)) as u32;
            let high = _mm256_movemask_epi8(_mm256_cmpeq_epi8(y, nl)) as u32;
            push_bits(starts, k, u64::from(low) | (u64::from(high) << 32));
            // (Both blocks tested at once, for the rare step with a mark:
            // only then are their masks read.)
            if MARKS && _mm256_testz_si256(any_mark(x, y), any_mark(x, y)) == 0 {
                super::push_marks(marks, k, u64::from(marked(x)) | (u64::from(marked(y)) << 32));
            }
            k += 64;
        }
        while k + 32 <= bytes.len() {
            // SAFETY: `k + 32 <= bytes.len()`, so the 32 bytes read are inside
            // the slice; `_mm256_loadu_si256` needs no alignment.
            let x = unsafe { _mm256_loadu_si256(bytes.as_ptr().add(k).cast::<__m256i>()) };
            let mut m = _mm256_movemask_epi8(_mm256_cmpeq_epi8(x, nl)) as u32;
            while m != 0 {
                starts.push(k + m.trailing_zeros() as usize + 1);
                m &= m - 1;
            }
            if MARKS {
                super::push_marks(marks, k, u64::from(marked(x)));
            }
            k += 32;
        }
        k
    }

    /// The bytes of two blocks that are a `[` or an `X` (all ones), ORed
    /// together: zero when neither block holds one.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn any_mark(x: __m256i, y: __m256i) -> __m256i {
        let (bracket, x_upper) = (_mm256_set1_epi8(b'[' as i8), _mm256_set1_epi8(b'X' as i8));
        _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(x, bracket), _mm256_cmpeq_epi8(x, x_upper)),
            _mm256_or_si256(_mm256_cmpeq_epi8(y, bracket), _mm256_cmpeq_epi8(y, x_upper)),
        )
    }

    /// The bit mask of the `[` and `X` of a block.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn marked(x: __m256i) -> u32 {
        let found = _mm256_or_si256(
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'[' as i8)),
            _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'X' as i8)),
        );
        _mm256_movemask_epi8(found) as u32
    }

    /// Push `base + i + 1` for every set bit `i` of `m`, lowest first.
    ///
    /// A block of sixty-four bytes holds no newline, one or two most of the
    /// time, in no pattern: a loop per set bit ends at a mispredicted
    /// branch nearly every block. Instead the first four offsets are
    /// written to the vector's spare room whatever the count (a write for a
    /// bit that is not set falls past the new length and is never read),
    /// and only a block with more than four newlines (blank lines) loops.
    #[inline(always)]
    fn push_bits(starts: &mut Vec<usize>, base: usize, mut m: u64) {
        let n = m.count_ones() as usize;
        starts.reserve(64);
        let len = starts.len();
        let room = starts.spare_capacity_mut();
        for slot in &mut room[..4] {
            slot.write(base + m.trailing_zeros() as usize + 1);
            m &= m.wrapping_sub(1);
        }
        if n > 4 {
            for slot in &mut room[4..n] {
                slot.write(base + m.trailing_zeros() as usize + 1);
                m &= m - 1;
            }
        }
        // SAFETY: the first `n` slots past `len` were written just above
        // (`n` is at most 64, and 64 slots were reserved).
        unsafe { starts.set_len(len + n) };
    }
}

/// The context every stage works in: the original text, the normalized text
/// the grammar runs on, and the way back.
pub(crate) struct Ctx<'a> {
    pub(crate) original: &'a str,
    pub(crate) norm: &'a str,
    pub(crate) map: &'a OffsetMap,
    /// Lines of the normalized text.
    pub(crate) lines: LineIndex,
    /// Lines of the original, when they are not those of the normalized text
    /// (a `\r` that normalization turned into a line break). Otherwise the
    /// two have the same newlines in the same order, and `lines` serves both.
    orig_lines: Option<LineIndex>,
    /// The offset of every `[` and `X` of the normalized text, in order:
    /// where the structure pass looks for footnote markers and for `XÁC
    /// THỰC VĂN BẢN HỢP NHẤT`. Found in the reading that finds the lines
    /// (the text is read once for both instead of twice).
    pub(crate) marks: Vec<usize>,
}

impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        let starts = std::mem::take(&mut self.lines.starts);
        if starts.capacity() <= KEEP_STARTS {
            SPARE_STARTS.set(starts);
        }
    }
}

thread_local! {
    /// The allocation of the normalized text's line starts, reused from one
    /// document to the next on this thread: a fresh one per document is a
    /// large allocation, whose pages the system hands out (and faults in)
    /// again each time.
    static SPARE_STARTS: std::cell::Cell<Vec<usize>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Line starts kept for the next document up to this many (a thread holds
/// at most those of the largest text it has parsed, up to 64 MiB).
const KEEP_STARTS: usize = (64 << 20) / std::mem::size_of::<usize>();

impl<'a> Ctx<'a> {
    pub(crate) fn new(original: &'a str, norm: &'a str, map: &'a OffsetMap) -> Ctx<'a> {
        let orig_lines = memchr::memchr(b'\r', original.as_bytes()).map(|_| LineIndex::new(original));
        let mut marks = Vec::new();
        let lines = LineIndex::of_bytes_marking::<true>(norm.as_bytes(), SPARE_STARTS.take(), &mut marks);
        Ctx {
            original,
            norm,
            map,
            lines,
            orig_lines,
            marks,
        }
    }

    /// Original-text span of a normalized range.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.map.range(start, end);
        Span::new(s, e)
    }

    /// 1-based line (in the original) of a normalized offset.
    pub(crate) fn line_of(&self, norm_offset: usize) -> usize {
        match &self.orig_lines {
            Some(orig) => orig.line(self.map.start(norm_offset)),
            None => self.lines.line(norm_offset),
        }
    }
}

/// Fold runs of whitespace into one space and trim.
///
/// Most texts need no change: they are copied whole. Otherwise the text
/// between the runs of whitespace that change (any run but one space
/// between two words) is copied a stretch at a time, each such run written
/// as one space (a leading or trailing run as none): the words of
/// `split_whitespace` joined by one space, with a copy per changed run
/// instead of one per word.
pub(crate) fn fold_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if single_spaced(s) {
        out.push_str(s);
        return out;
    }
    let b = s.as_bytes();
    // `s[chunk..]` is not copied yet; `end` is where the last word ends.
    let mut chunk = 0;
    let mut end = b.len();
    let mut i = 0;
    while i < b.len() {
        let w = ws_len(b, i);
        if w == 0 {
            i += 1;
            continue;
        }
        // A run of whitespace: `i..j`.
        let mut j = i + w;
        while j < b.len() {
            match ws_len(b, j) {
                0 => break,
                n => j += n,
            }
        }
        if i == 0 {
            chunk = j;
        } else if j == b.len() {
            end = i;
        } else if j - i > 1 || b[i] != b' ' {
            out.push_str(&s[chunk..i]);
            out.push(' ');
            chunk = j;
        }
        i = j;
    }
    out.push_str(&s[chunk..end.max(chunk)]);
    out
}

/// The length of the whitespace character at `b[i]`, 0 if it is none. A
/// byte reading of `char::is_whitespace`: the ASCII ones (`\t`..`\r`,
/// space) and the few beyond ASCII, told by their bytes (U+0085, U+00A0: C2
/// 85, C2 A0; U+1680: E1 9A 80; U+2000..U+200A, U+2028, U+2029, U+202F: E2
/// 80 80..8A, A8, A9, AF; U+205F: E2 81 9F; U+3000: E3 80 80). Any other
/// byte is part of a word (a continuation byte is none of the lead bytes
/// tested).
#[inline]
fn ws_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xC2 if matches!(b.get(i + 1), Some(0x85 | 0xA0)) => 2,
        0xE1 if b.get(i + 1..i + 3) == Some(&[0x9A, 0x80]) => 3,
        0xE2 if matches!(
            b.get(i + 1..i + 3),
            Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [0x81, 0x9F])
        ) =>
        {
            3
        }
        0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
        _ => 0,
    }
}

/// Is `s` already folded: no whitespace but single spaces between words?
/// A byte test read whole (no early exit, so that the compiler reads many
/// bytes a step): no ASCII control, none of the bytes that whitespace
/// beyond ASCII is written with (`C2`: U+0085, U+00A0; `9A`: U+1680;
/// `E2`: U+2000..U+205F; `E3`: U+3000), and no space after a space. Some
/// text without whitespace has them too (`“`, `–`): that is folded the long
/// way.
fn single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    let odd = b.iter().fold(false, |acc, &c| {
        acc | (c < b' ') | matches!(c, 0xC2 | 0x9A | 0xE2 | 0xE3)
    });
    let double = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
    !odd && !double && b.first() != Some(&b' ') && b.last() != Some(&b' ')
}

/// `char::is_alphanumeric`, fast for the letters of Vietnamese text (ASCII,
/// Latin-1 and Latin Extended letters, precomposed Vietnamese letters).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    latin_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `char::is_alphabetic`, fast in the same way as [`is_alnum`].
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    latin_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Is a non-ASCII `c` a letter, where that needs no table search: U+00C0 to
/// U+024F (all letters but `×` and `÷`) and U+1E00 to U+1EFF (all letters).
#[inline]
fn latin_letter(c: char) -> Option<bool> {
    let u = u32::from(c);
    if (0xC0..=0x24F).contains(&u) {
        Some(u != 0xD7 && u != 0xF7)
    } else if (0x1E00..=0x1EFF).contains(&u) {
        Some(true)
    } else {
        None
    }
}

/// Is `b` an ASCII byte that is no whitespace (so a line that starts or
/// ends with it has nothing to trim there)?
pub(crate) fn ascii_solid(b: u8) -> bool {
    b.is_ascii() && !char::from(b).is_whitespace()
}

/// [`str::trim_start`], settled by the first byte for most lines: an empty
/// text, an ASCII byte that is no whitespace, or the lead byte of a
/// character that is none. Whitespace beyond ASCII opens with `C2`
/// (U+0085, U+00A0), `E1` (U+1680), `E2` (U+2000..U+205F) or `E3`
/// (U+3000); any other lead byte from `C3` up opens a character that is no
/// whitespace (`Đ`, `Ư`: C4, C6; `“`, E2, is read the long way).
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        None => s,
        Some(&b) if ascii_solid(b) || (b >= 0xC3 && !matches!(b, 0xE1..=0xE3)) => s,
        _ => s.trim_start(),
    }
}

/// [`str::trim_end`], settled by the last byte for most lines (an empty
/// text, or an ASCII byte that is no whitespace).
pub(crate) fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        None => s,
        Some(&b) if ascii_solid(b) => s,
        _ => s.trim_end(),
    }
}

/// [`str::trim`], settled by the first and last bytes for most lines.
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold_ws` gives the words of `split_whitespace` joined by one space:
    /// around every character up to U+3100 (every whitespace among them,
    /// ASCII or not) and the planes after, single and in runs.
    #[test]
    fn ok_fold_ws_same_as_split_whitespace() {
        let reference = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = (0..0x3100u32)
            .chain([0x1F600, 0xFEFF, 0x10FFFF])
            .filter_map(char::from_u32);
        for c in chars {
            for t in [
                format!("{c}"),
                format!("a{c}b"),
                format!("{c}{c}Điều{c} 1{c}"),
                format!(" ở{c}\u{a0}ạ\u{3000}{c}x "),
            ] {
                assert_eq!(fold_ws(&t), reference(&t), "{t:?}");
            }
        }
        assert_eq!(fold_ws(""), "");
        assert_eq!(fold_ws(" \t\n "), "");
    }

    /// `fold_ws` gives the words of `split_whitespace` joined by one space on
    /// real text: every line of the fixtures and every 5th of the corpus,
    /// each alone, with spaces doubled, and joined to the next by a newline
    /// and spaces.
    #[test]
    fn ok_fold_ws_same_on_real_lines() {
        let reference = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let lines = crate::test_texts::sampled_lines(5);
        for pair in lines.windows(2) {
            for t in [
                pair[0].clone(),
                pair[0].replace(' ', "  "),
                format!("{} \n  {}\t", pair[0], pair[1]),
            ] {
                assert_eq!(fold_ws(&t), reference(&t), "{t:?}");
            }
        }
    }

    /// The block newline search gives the line starts a byte-at-a-time
    /// reading gives: a newline at every offset of texts of every length
    /// around the sixteen-, thirty-two- and sixty-four-byte blocks, runs of
    /// newlines, and Vietnamese letters between them.
    #[test]
    fn ok_line_starts_same_as_bytewise() {
        let bytewise = |t: &str| -> Vec<usize> {
            std::iter::once(0)
                .chain(t.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        };
        for len in 0..140 {
            for nl in 0..len {
                for fill in ["a", "ệ", "\n"] {
                    let mut t: String = fill.repeat(len).chars().take(len).collect();
                    if nl < t.len() && t.is_char_boundary(nl) && t.is_char_boundary(nl + 1) {
                        t.replace_range(nl..nl + 1, "\n");
                    }
                    assert_eq!(LineIndex::new(&t).starts(), bytewise(&t), "{t:?}");
                }
            }
        }
        let t = "Số: 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n\nKính gửi:\n";
        assert_eq!(LineIndex::new(t).starts(), bytewise(t));
    }

    /// The `[` and `X` found with the line starts are those a search for
    /// them finds, and the line starts are [`LineIndex::new`]'s: on every 3rd
    /// real text, and on a mark and a newline at every offset of texts of
    /// every length around the sixteen-, thirty-two- and sixty-four-byte
    /// blocks, between Vietnamese letters.
    #[test]
    fn ok_marks_same_as_search() {
        let check = |t: &str| {
            let map = crate::normalize::normalize(t);
            let ctx = Ctx::new(t, map.text(), map.map());
            let norm = map.text().as_bytes();
            let plain: Vec<usize> = memchr::memchr2_iter(b'[', b'X', norm).collect();
            assert_eq!(ctx.marks, plain, "{t:?}");
            assert_eq!(ctx.lines.starts(), LineIndex::new(map.text()).starts(), "{t:?}");
        };
        let mut n = 0;
        for text in crate::test_texts::sampled(3) {
            check(&text);
            n += memchr::memchr2_iter(b'[', b'X', text.as_bytes()).count();
        }
        assert!(n > 100, "{n}");
        for len in 0..140 {
            for at in 0..len {
                for (mark, fill) in [("[", "a"), ("X", "ệ"), ("[", "\n"), ("X", "[")] {
                    let mut t: String = fill.repeat(len).chars().take(len).collect();
                    if at < t.len() && t.is_char_boundary(at) && t.is_char_boundary(at + 1) {
                        t.replace_range(at..at + 1, mark);
                    }
                    if at + 2 < t.len() && t.is_char_boundary(at + 2) && t.is_char_boundary(at + 3) {
                        t.replace_range(at + 2..at + 3, "\n");
                    }
                    check(&t);
                }
            }
        }
        check("[1] X\r\n[2]\rX");
    }

    /// A lone `\r` ends a line as `\n` and `\r\n` do; the line's range leaves
    /// its break out.
    #[test]
    fn ok_lone_cr_ends_a_line() {
        let t = "Số 1\rKính gửi:\r\nCông văn số 2\nx\r\ry";
        let lines = LineIndex::new(t);
        assert_eq!(lines.starts(), [0, 7, 21, 39, 41, 42]);
        assert_eq!(lines.line(t.find("Công").unwrap()), 3);
        assert_eq!(lines.line(t.len() - 1), 6);
        let (s, e) = lines.line_range(t, 2);
        assert_eq!(&t[s..e], "Kính gửi:\r");
        let (s, e) = lines.line_range(t, 1);
        assert_eq!(&t[s..e], "Số 1");
    }

    /// The trims settled by one byte give what the standard ones give,
    /// on ASCII whitespace (the vertical tab too), Unicode spaces and
    /// letters that are not ASCII at either end.
    #[test]
    fn ok_trims_same_as_std() {
        let texts = [
            "",
            " ",
            " \t",
            "a",
            " a b ",
            "x\r",
            "\u{b}x\u{b}",
            "\u{c}y\u{c}",
            "\u{a0}Điều 7\u{a0}",
            "\u{2003}Đ\u{3000}",
            "Nơi nhận:",
            "ký)",
            "Đ ",
            "ở x",
            "ệ",
            "\u{1680}x",
            "\u{205f}x",
            "\u{3000}x",
            "\u{85}x",
            "\u{2028}x",
            "中 ",
            "\u{10ffff} ",
        ];
        for t in texts {
            assert_eq!(trim_start(t), t.trim_start(), "{t:?}");
            assert_eq!(trim_end(t), t.trim_end(), "{t:?}");
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
        // Every character first, whitespace or not.
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let t = format!("{c}x");
            assert_eq!(trim_start(&t), t.trim_start(), "{c:?}");
        }
    }
}
