//! The scanner behind [`normalize`](super::normalize): escaped line breaks, runs of
//! plain text skipped with SIMD, the characters that need rewriting,
//! footnote markers and front matter.

use super::*;

/// Length of a line break printed escaped at `i` (scraped web text gives
/// `Quyết định số 1896/QĐ-TTg\r\nngày 25/12/2019`), 0 when there is none.
///
/// `\r\n` is always one. A lone `\n` or `\r` is one unless it starts a
/// TeX control word (`\right`, `\nu`, as formulas in the laws print): it is
/// when a non-letter follows it, or when the ASCII letters after it run into
/// a Vietnamese letter (`\nngày`, `\nQuyết`). A lone one before a word of
/// plain ASCII letters (`\nban`) is left as it is.
pub(super) fn escaped_break(input: &str, i: usize) -> usize {
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

pub(super) fn is_vietnamese_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Characters that NFC rewrites even alone (singletons such as U+0340, the
/// Ohm sign...). Rare; the check keeps the fast path exact.
pub(super) fn needs_nfc_char(c: char) -> bool {
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
pub(super) fn cluster_start(out: &str) -> Option<usize> {
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
///
/// Also the three characters of combining class 0 whose canonical
/// decomposition opens with a combining mark (Tibetan U+0F73, U+0F75, U+0F81,
/// Unicode's "non-starter decompositions"): NFC decomposes them and orders
/// their marks among the marks before, so they must be read with that
/// cluster, or a second pass would reorder what the first wrote
/// (normalization is idempotent).
pub(super) fn is_mark(m: char) -> bool {
    let u = m as u32;
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return false;
    }
    is_vietnamese_mark(m) || canonical_combining_class(m) != 0 || matches!(u, 0x0F73 | 0x0F75 | 0x0F81)
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
pub(super) fn plain_run_end(input: &str, i: usize, line_start: bool) -> usize {
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
/// With AVX-512, sixty-four bytes at a time; with AVX2, thirty-two; then
/// sixteen for the rest.
#[cfg(target_arch = "x86_64")]
pub(super) fn skip_plain(bytes: &[u8], from: usize) -> usize {
    let mut k = from;
    if std::is_x86_feature_detected!("avx512bw") {
        // SAFETY: the CPU has AVX-512 BW (checked just above; it implies
        // AVX-512 F).
        match unsafe { avx512::skip_plain(bytes, from) } {
            Ok(stop) => return stop,
            // As below, from the start of the character the blocks end in.
            Err(end) => {
                k = end;
                while k > from && k < bytes.len() && bytes[k] & 0xC0 == 0x80 {
                    k -= 1;
                }
            }
        }
    }
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above).
        match unsafe { avx2::skip_plain(bytes, k) } {
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
pub(super) struct BlockMasks {
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
pub(super) struct Carry {
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
mod avx512 {
    use std::arch::x86_64::{__m512i, _mm512_loadu_si512};

    use crate::simd::avx512::{eq, in_range};

    /// [`super::avx2::skip_plain`] sixty-four bytes at a time (the byte
    /// tests give their bit masks directly): `Ok` with the byte to look at,
    /// or `Err` with where the whole blocks end (under sixty-four bytes are
    /// left; it may be inside a character).
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(super) fn skip_plain(bytes: &[u8], from: usize) -> Result<usize, usize> {
        let mut k = from;
        let mut carry = super::Carry::default();
        while k + 64 <= bytes.len() {
            // SAFETY: `k + 64 <= bytes.len()`, so the 64 bytes read are
            // inside the slice; `_mm512_loadu_si512` needs no alignment.
            let x = unsafe { _mm512_loadu_si512(bytes.as_ptr().add(k).cast::<__m512i>()) };
            let ascii = eq(x, b'\r') | eq(x, b'*') | eq(x, b'#') | eq(x, b'\\');
            let leads = eq(x, 0xC2) | in_range(x, 0xCC, 0xE0) | in_range(x, 0xE2, 0xFF);
            let m = carry.stops(
                64,
                super::BlockMasks {
                    direct: ascii | leads,
                    c3: eq(x, 0xC3),
                    eth: eq(x, 0x90) | eq(x, 0xB0),
                    e1: eq(x, 0xE1),
                    viet: in_range(x, 0xB8, 0xBB),
                },
            );
            if m != 0 {
                return Ok(k + m.trailing_zeros() as usize);
            }
            k += 64;
        }
        Err(k)
    }
}

#[cfg(target_arch = "x86_64")]
pub(super) mod sse2 {
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
    pub(in crate::normalize) fn skip_plain(bytes: &[u8], from: usize) -> usize {
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
pub(super) fn skip_plain(_bytes: &[u8], from: usize) -> usize {
    from
}

/// Characters normalization rewrites or drops (besides combining marks).
pub(super) fn is_special(c: char) -> bool {
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
pub(super) fn compose_segment(seg: &str, out: &mut String) {
    let folded = seg.chars().map(|c| match c {
        'Ð' => 'Đ',
        'ð' => 'đ',
        c => c,
    });
    out.extend(unicode_normalization::UnicodeNormalization::nfc(folded));
}

/// A superscript footnote marker at the start of `s`: `¹`, `¹²`, `⁽¹⁾`.
/// Returns the bytes consumed and the digits as ASCII.
pub(super) fn superscript_marker(s: &str) -> (usize, String) {
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
pub(super) fn front_matter(input: &str) -> (usize, usize) {
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
pub(super) fn is_rule_line(line: &str) -> bool {
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
