//! The type-word scan: every match of a set of phrases that starts a word,
//! leftmost-first, one after the other.
//!
//! The phrases are words matched in any case, separated by runs of spaces
//! and tabs with at most one line break (hard-wrapped text: `Tờ⏎trình`). A match must start
//! a word: the character before it (if any) is not a letter or digit, or
//! the match starts with an upper-case letter glued to a lower-case letter
//! or a digit (`tạiTờ trình`, a list number `1Quyết định`). At each such
//! position the first phrase that matches there wins, as in an alternation;
//! the scan then goes on after the match.
//!
//! A DFA reading every byte of the text costs a chain of dependent loads per
//! byte. Here a cheap fingerprint picks the candidates first, and the DFA
//! (anchored, built once) runs only there. The fingerprint is Teddy's idea
//! (as in the `aho-corasick` crate), with the case already in the byte sets:
//! the phrases are put in sixteen buckets by the DFA state their first byte
//! leads to (one per first letter, in any case), and for each of the first
//! [`FP`] bytes of a match two 16-entry tables, indexed by the low and high
//! half of the byte, give the buckets that byte may belong to. A position is
//! a candidate when some bucket is allowed at all five bytes and the byte
//! before is not an ASCII letter or digit (unless the byte is an ASCII
//! upper-case letter or not ASCII: a glued start). The tables are read from the DFA
//! itself, so they allow every byte any case form of a phrase can have there
//! (the Kelvin sign for `k`, the long `ſ` for `s`). Thirty-two positions are
//! tested at once with AVX2 where the CPU has it (sixty-four with AVX-512),
//! one at a time otherwise, with the same tables: the candidates, and so the
//! matches, are the same.
//!
//! On the corpus one byte in 83 is a candidate, and two candidates in five
//! are a match (with eight buckets, one byte in 43 and one in five).

#[cfg(test)]
use std::sync::OnceLock;

use regex_automata::dfa::{dense, Automaton, StartKind};
use regex_automata::util::primitives::StateID;
use regex_automata::Anchored;
#[cfg(test)]
use regex_automata::Input;

use crate::text::is_alnum;

/// The forward DFA, anchored.
type Dfa = dense::DFA<Vec<u32>>;

/// Bytes of a match the fingerprint looks at.
const FP: usize = 5;

/// A compiled set of phrases (see the module docs).
pub(crate) struct Scanner {
    dfa: Dfa,
    /// The anchored start state (the same at any position: the phrases
    /// look at nothing before them).
    start: StateID,
    fp: Fingerprint,
    /// The patterns, for the plain search.
    #[cfg(test)]
    patterns: Vec<String>,
    /// The plain search, built only when asked for.
    #[cfg(test)]
    plain: OnceLock<regex_automata::meta::Regex>,
}

/// One match: start, end, pattern index.
pub(crate) type Hit = (usize, usize, usize);

/// The candidate test (see the module docs): for each of the first [`FP`]
/// bytes of a match, the buckets allowed by the byte's low and high half.
struct Fingerprint {
    /// For buckets 0 to 7, then 8 to 15, one bit each.
    lo: [[[u8; 16]; FP]; 2],
    hi: [[[u8; 16]; FP]; 2],
    /// `lo & hi` for each byte, for the test one position at a time.
    table: [[u16; 256]; FP],
}

/// The regular expression of a phrase (see the module docs): words
/// separated by one space; each letter matches in any case; each space
/// matches a run of spaces and tabs with at most one line break. Anchored
/// by the caller.
pub(crate) fn phrase_pattern(phrase: &str) -> Result<String, String> {
    let ws: Vec<&str> = phrase.split(' ').collect();
    if ws.iter().any(|w| w.is_empty() || w.contains(char::is_whitespace)) {
        return Err(format!("expected words separated by one space, found {phrase:?}"));
    }
    let words: Vec<String> = ws.iter().map(|w| regex::escape(w)).collect();
    Ok(format!("(?i){}", words.join(r"(?:[ \t]+\n?|\n)[ \t]*")))
}

impl Scanner {
    /// Compile `phrases` (see [`phrase_pattern`]). The first phrase that
    /// matches at a position wins, as in an alternation.
    #[cfg(test)]
    pub(crate) fn new(phrases: &[String]) -> Result<Scanner, String> {
        Scanner::from_patterns(
            phrases
                .iter()
                .map(|p| phrase_pattern(p))
                .collect::<Result<Vec<_>, _>>()?,
        )
    }

    /// Compile patterns made by [`phrase_pattern`] (or of the same kind:
    /// anchored at the start, no look-around).
    pub(crate) fn from_patterns(patterns: Vec<String>) -> Result<Scanner, String> {
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .minimize(false)
                    .accelerate(false)
                    .start_kind(StartKind::Anchored),
            )
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        let start = dfa
            .universal_start_state(Anchored::Yes)
            .ok_or_else(|| "expected phrases with no look-around".to_string())?;
        let fp = Fingerprint::new(&dfa, start);
        Ok(Scanner {
            dfa,
            start,
            fp,
            #[cfg(test)]
            patterns,
            #[cfg(test)]
            plain: OnceLock::new(),
        })
    }

    /// Every match in `hay`, in order (see the module docs).
    pub(crate) fn find_all(&self, hay: &str) -> Vec<Hit> {
        let h = hay.as_bytes();
        // About one match in 200 bytes on the corpus: room for most texts
        // without growing.
        let mut out = Vec::with_capacity(h.len() / 128);
        // Positions before `next` are inside the last match.
        let mut next = 0;
        let mut at = |p: usize| {
            if p >= next && word_start(hay, p) {
                if let Some((end, pattern)) = self.match_at(h, p) {
                    out.push((p, end, pattern));
                    next = end;
                }
            }
        };
        let n = h.len();
        // The fingerprint needs FP bytes: the last positions go straight to
        // the DFA (a match that short cannot be ruled out by it).
        let body = (n + 1).saturating_sub(FP);
        let mut p = 0;
        if p < body {
            // Position 0 has no byte before it: one at a time.
            self.fp.scalar(h, 0, 1, &mut at);
            p = 1;
        }
        // (With no body, `p` is still 0 and there is nothing to test.)
        #[cfg(target_arch = "x86_64")]
        if p > 0 && std::is_x86_feature_detected!("avx512bw") {
            // SAFETY: the CPU has AVX-512 BW (checked just above; it implies
            // AVX-512 F).
            p = unsafe { avx512::candidates(&self.fp, h, p, &mut at) };
        }
        // (The AVX2 test takes the last 32-byte blocks the AVX-512 one left.)
        #[cfg(target_arch = "x86_64")]
        if p > 0 && std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            p = unsafe { avx2::candidates(&self.fp, h, p, &mut at) };
        }
        if p < body {
            self.fp.scalar(h, p, body, &mut at);
            p = body;
        }
        for q in p..=n {
            at(q);
        }
        out
    }

    /// The match starting at `p`, if any: its end and pattern.
    #[inline]
    pub(crate) fn match_at(&self, h: &[u8], p: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = self.start;
        let mut best = None;
        let mut at = p;
        while at < h.len() {
            // SAFETY: `sid` is a state of this DFA: its start state or one
            // it went to (`Automaton::next_state_unchecked` asks no more).
            sid = unsafe { dfa.next_state_unchecked(sid, h[at]) };
            if dfa.is_special_state(sid) {
                if dfa.is_match_state(sid) {
                    // Matches are reported one byte late: this one ends at
                    // `at`. Read on: a longer match of a phrase that comes
                    // first may follow.
                    best = Some((at, dfa.match_pattern(sid, 0).as_usize()));
                } else {
                    // Dead (no quit byte is configured): the search is over.
                    return best;
                }
            }
            at += 1;
        }
        sid = dfa.next_eoi_state(sid);
        if dfa.is_match_state(sid) {
            best = Some((h.len(), dfa.match_pattern(sid, 0).as_usize()));
        }
        best
    }

    /// The same matches, by the library's own search, anchored at every
    /// word start in turn (the reference the fast path is tested against).
    #[cfg(test)]
    pub(crate) fn find_all_plain(&self, hay: &str) -> Vec<Hit> {
        let re = self
            .plain
            .get_or_init(|| regex_automata::meta::Regex::new_many(&self.patterns).expect("compiled once already"));
        let mut out = Vec::new();
        let mut p = 0;
        while p <= hay.len() {
            if word_start(hay, p) {
                let input = Input::new(hay).range(p..).anchored(Anchored::Yes);
                if let Some(m) = re.search(&input) {
                    out.push((m.start(), m.end(), m.pattern().as_usize()));
                    p = m.end().max(p + 1);
                    continue;
                }
            }
            p += 1;
        }
        out
    }
}

/// Does a word start at `p`: a character boundary with no letter or digit
/// just before it, or an upper-case letter glued to a lower-case letter or
/// a digit (`tạiTờ trình`, `1Quyết định`)?
#[inline]
pub(crate) fn word_start(hay: &str, p: usize) -> bool {
    let h = hay.as_bytes();
    let glued = || {
        let prev = hay[..p]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        prev && hay[p..].chars().next().is_some_and(char::is_uppercase)
    };
    match p.checked_sub(1).map(|q| h[q]) {
        None => true,
        Some(_) if !hay.is_char_boundary(p) => false,
        Some(b) if b < 0x80 => {
            !b.is_ascii_alphanumeric() || (h.get(p).is_some_and(|&c| c >= 0x80 || c.is_ascii_uppercase()) && glued())
        }
        Some(_) => !hay[..p].chars().next_back().is_some_and(is_alnum) || glued(),
    }
}

/// May a match start at byte `c` after byte `prev` (the fingerprint's test
/// of the byte before)? Not after an ASCII letter or digit, unless `c` may
/// start a glued upper-case letter (ASCII upper case, or not ASCII).
#[inline]
fn start_byte_ok(prev: u8, c: u8) -> bool {
    !prev.is_ascii_alphanumeric() || c >= 0x80 || c.is_ascii_uppercase()
}

impl Fingerprint {
    /// Read the tables from the DFA (see the module docs).
    fn new(dfa: &Dfa, start: StateID) -> Fingerprint {
        // First bytes, grouped by the state they lead to.
        let mut groups: Vec<(StateID, Vec<u8>)> = Vec::new();
        for b in 0..=255u8 {
            let s = dfa.next_state(start, b);
            if dfa.is_dead_state(s) {
                continue;
            }
            match groups.iter_mut().find(|(t, _)| *t == s) {
                Some((_, bytes)) => bytes.push(b),
                None => groups.push((s, vec![b])),
            }
        }
        // Each group's bytes at positions 1 to FP - 1: every byte that does
        // not kill the search there, from the states the bytes before can
        // reach.
        let mut sets: Vec<[[bool; 256]; FP]> = Vec::with_capacity(groups.len());
        for (s, firsts) in &groups {
            let mut set = [[false; 256]; FP];
            for &b in firsts {
                set[0][usize::from(b)] = true;
            }
            let mut states = vec![*s];
            for pos in set.iter_mut().skip(1) {
                let mut next = Vec::new();
                for &t in &states {
                    if dfa.is_match_state(t) {
                        // A match as short as this: any byte may follow.
                        *pos = [true; 256];
                        continue;
                    }
                    for b in 0..=255u8 {
                        let u = dfa.next_state(t, b);
                        if !dfa.is_dead_state(u) {
                            pos[usize::from(b)] = true;
                            if !next.contains(&u) {
                                next.push(u);
                            }
                        }
                    }
                }
                states = next;
            }
            sets.push(set);
        }
        // Sixteen buckets: the groups with most bytes spread first, in turn.
        let size = |set: &[[bool; 256]; FP]| set.iter().flatten().filter(|&&x| x).count();
        let mut order: Vec<usize> = (0..sets.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(size(&sets[g])));
        let mut lo = [[[0u8; 16]; FP]; 2];
        let mut hi = [[[0u8; 16]; FP]; 2];
        for (k, &g) in order.iter().enumerate() {
            let (half, bit) = ((k % 16) / 8, 1u8 << (k % 8));
            for (pos, set) in sets[g].iter().enumerate() {
                for b in (0..256).filter(|&b| set[b]) {
                    lo[half][pos][b & 15] |= bit;
                    hi[half][pos][b >> 4] |= bit;
                }
            }
        }
        let mut table = [[0u16; 256]; FP];
        for pos in 0..FP {
            for b in 0..256 {
                let half = |k: usize| u16::from(lo[k][pos][b & 15] & hi[k][pos][b >> 4]);
                table[pos][b] = half(0) | half(1) << 8;
            }
        }
        Fingerprint { lo, hi, table }
    }

    /// Call `at` with each candidate in `from..to` (`to + FP - 1 <= h.len()`),
    /// one position at a time.
    fn scalar(&self, h: &[u8], from: usize, to: usize, at: &mut impl FnMut(usize)) {
        let t = &self.table;
        for p in from..to {
            let m = t[0][usize::from(h[p])];
            if m == 0 || (p > 0 && !start_byte_ok(h[p - 1], h[p])) {
                continue;
            }
            if (1..FP).fold(m, |m, j| m & t[j][usize::from(h[p + j])]) != 0 {
                at(p);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_broadcastsi128_si256, _mm256_cmpeq_epi8,
        _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srli_epi16, _mm256_testz_si256, _mm_loadu_si128,
    };

    use super::{Fingerprint, FP};
    use crate::simd::avx2::in_range;

    /// The byte of a match after which a block with no candidate left is
    /// skipped (testing earlier costs more than it saves on the corpus).
    const EARLY: usize = 3;

    /// A 16-byte table in both lanes.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn table(t: &[u8; 16]) -> __m256i {
        // SAFETY: `t` is 16 bytes; `_mm_loadu_si128` needs no alignment.
        _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(t.as_ptr().cast::<__m128i>()) })
    }

    /// Call `at` with each candidate from `from` (at least 1), 32 positions
    /// at a time, while the 32 positions and the FP - 1 bytes after them
    /// are in `h`. Returns the first position not tested.
    #[target_feature(enable = "avx2")]
    pub(super) fn candidates(fp: &Fingerprint, h: &[u8], from: usize, at: &mut impl FnMut(usize)) -> usize {
        debug_assert!(from >= 1);
        let tables = |t: &[[[u8; 16]; FP]; 2], k: usize| -> [__m256i; FP] { std::array::from_fn(|j| table(&t[k][j])) };
        let (lo0, hi0, lo1, hi1) = (
            tables(&fp.lo, 0),
            tables(&fp.hi, 0),
            tables(&fp.lo, 1),
            tables(&fp.hi, 1),
        );
        let nibble = _mm256_set1_epi8(0x0F);
        let zero = _mm256_setzero_si256();
        let mut i = from;
        'block: while i + 32 + FP - 1 <= h.len() {
            // SAFETY: the bytes read, `i - 1 .. i + 32 + FP - 1`, are in `h`
            // (`i >= 1`, and the loop condition); unaligned loads.
            let load = |k: usize| unsafe { _mm256_loadu_si256(h.as_ptr().add(k).cast::<__m256i>()) };
            // Buckets 0 to 7 in `r0`, 8 to 15 in `r1`.
            let (mut r0, mut r1) = (_mm256_set1_epi8(-1), _mm256_set1_epi8(-1));
            for j in 0..FP {
                let x = load(i + j);
                let (l, u) = (
                    _mm256_and_si256(x, nibble),
                    _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble),
                );
                let b0 = _mm256_and_si256(_mm256_shuffle_epi8(lo0[j], l), _mm256_shuffle_epi8(hi0[j], u));
                let b1 = _mm256_and_si256(_mm256_shuffle_epi8(lo1[j], l), _mm256_shuffle_epi8(hi1[j], u));
                r0 = _mm256_and_si256(r0, b0);
                r1 = _mm256_and_si256(r1, b1);
                // About half the blocks have no candidate left after the
                // first four bytes: the rest of the test is skipped.
                if j == EARLY {
                    let any = _mm256_or_si256(r0, r1);
                    if _mm256_testz_si256(any, any) != 0 {
                        i += 32;
                        continue 'block;
                    }
                }
            }
            let prev = load(i - 1);
            let alnum = _mm256_or_si256(
                in_range(prev, b'0', b'9'),
                in_range(_mm256_or_si256(prev, _mm256_set1_epi8(0x20)), b'a', b'z'),
            );
            // A glued start: the byte is ASCII upper case or not ASCII
            // (its high bit set).
            let here = load(i);
            let glue = _mm256_or_si256(in_range(here, b'A', b'Z'), _mm256_cmpgt_epi8(zero, here));
            let none = _mm256_and_si256(_mm256_cmpeq_epi8(r0, zero), _mm256_cmpeq_epi8(r1, zero));
            let skip = _mm256_or_si256(none, _mm256_andnot_si256(glue, alnum));
            let mut m = !(_mm256_movemask_epi8(skip) as u32);
            while m != 0 {
                at(i + m.trailing_zeros() as usize);
                m &= m - 1;
            }
            i += 32;
        }
        i
    }
}

/// The AVX2 test of [`avx2::candidates`], sixty-four positions at a time
/// (`vpshufb` looks up each 128-bit lane as AVX2's does; the byte tests give
/// bit masks directly).
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::{
        __m128i, __m512i, _mm512_and_si512, _mm512_broadcast_i32x4, _mm512_loadu_si512, _mm512_movepi8_mask,
        _mm512_or_si512, _mm512_set1_epi8, _mm512_shuffle_epi8, _mm512_srli_epi16, _mm512_test_epi8_mask,
        _mm_loadu_si128,
    };

    use super::{Fingerprint, FP};
    use crate::simd::avx512::in_range;

    /// The byte of a match after which a block with no candidate left is
    /// skipped (a byte sooner than with AVX2: blocks twice as long pass the
    /// test less often, so it pays sooner).
    const EARLY: usize = 2;

    /// A 16-byte table in all four lanes.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw")]
    fn table(t: &[u8; 16]) -> __m512i {
        // SAFETY: `t` is 16 bytes; `_mm_loadu_si128` needs no alignment.
        _mm512_broadcast_i32x4(unsafe { _mm_loadu_si128(t.as_ptr().cast::<__m128i>()) })
    }

    /// Call `at` with each candidate from `from` (at least 1), 64 positions
    /// at a time, while the 64 positions and the FP - 1 bytes after them
    /// are in `h`. Returns the first position not tested.
    #[target_feature(enable = "avx512f,avx512bw")]
    pub(super) fn candidates(fp: &Fingerprint, h: &[u8], from: usize, at: &mut impl FnMut(usize)) -> usize {
        debug_assert!(from >= 1);
        let tables = |t: &[[[u8; 16]; FP]; 2], k: usize| -> [__m512i; FP] { std::array::from_fn(|j| table(&t[k][j])) };
        let (lo0, hi0, lo1, hi1) = (
            tables(&fp.lo, 0),
            tables(&fp.hi, 0),
            tables(&fp.lo, 1),
            tables(&fp.hi, 1),
        );
        let nibble = _mm512_set1_epi8(0x0F);
        let mut i = from;
        'block: while i + 64 + FP - 1 <= h.len() {
            // SAFETY: the bytes read, `i - 1 .. i + 64 + FP - 1`, are in `h`
            // (`i >= 1`, and the loop condition); unaligned loads.
            let load = |k: usize| unsafe { _mm512_loadu_si512(h.as_ptr().add(k).cast::<__m512i>()) };
            // Buckets 0 to 7 in `r0`, 8 to 15 in `r1`.
            let (mut r0, mut r1) = (_mm512_set1_epi8(-1), _mm512_set1_epi8(-1));
            for j in 0..FP {
                let x = load(i + j);
                let (l, u) = (
                    _mm512_and_si512(x, nibble),
                    _mm512_and_si512(_mm512_srli_epi16(x, 4), nibble),
                );
                let b0 = _mm512_and_si512(_mm512_shuffle_epi8(lo0[j], l), _mm512_shuffle_epi8(hi0[j], u));
                let b1 = _mm512_and_si512(_mm512_shuffle_epi8(lo1[j], l), _mm512_shuffle_epi8(hi1[j], u));
                r0 = _mm512_and_si512(r0, b0);
                r1 = _mm512_and_si512(r1, b1);
                if j == EARLY {
                    let any = _mm512_or_si512(r0, r1);
                    if _mm512_test_epi8_mask(any, any) == 0 {
                        i += 64;
                        continue 'block;
                    }
                }
            }
            let prev = load(i - 1);
            let alnum =
                in_range(prev, b'0', b'9') | in_range(_mm512_or_si512(prev, _mm512_set1_epi8(0x20)), b'a', b'z');
            // A glued start: the byte is ASCII upper case or not ASCII
            // (its high bit set).
            let here = load(i);
            let glue = in_range(here, b'A', b'Z') | _mm512_movepi8_mask(here);
            let any = _mm512_or_si512(r0, r1);
            let mut m = _mm512_test_epi8_mask(any, any) & !(alnum & !glue);
            while m != 0 {
                at(i + m.trailing_zeros() as usize);
                m &= m - 1;
            }
            i += 64;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner_of(phrases: &[&str]) -> Scanner {
        let phrases: Vec<String> = phrases.iter().map(|s| s.to_string()).collect();
        Scanner::new(&phrases).unwrap()
    }

    fn scanner() -> Scanner {
        scanner_of(&["quyết định", "quy định", "luật", "bộ luật", "thong tu", "kế hoạch"])
    }

    /// The text of each match of `s` in `t`.
    fn matched<'t>(s: &Scanner, t: &'t str) -> Vec<&'t str> {
        s.find_all(t).iter().map(|&(a, b, _)| &t[a..b]).collect()
    }

    #[test]
    fn ok_same_as_plain_search() {
        let s = scanner();
        let texts = [
            "",
            "luật",
            "Bộ luật Dân sự\nQuyết định số 5 và quy  định\n",
            "xx\nLUẬT\n\nquyết\tđịnh\nbộ luật\nBỘ LUẬT\nluậtluật luật\n",
            "không có gì\n",
            // Letters whose other case is longer or shorter in UTF-8 (the
            // Kelvin sign for `k`).
            "xem \u{212A}Ế  HOẠCH số 5 và Thong\t\tTu 7\n  kế hoạch\n",
        ];
        for t in texts {
            assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
        }
        // Long enough for the 32-at-a-time test, every suffix (so every
        // alignment, and matches across the blocks' edges).
        let line = "Căn cứ Bộ luật Lao động; Quyết định số 12; quy định tại luật, luậtluật ".repeat(4);
        for k in 0..line.len() {
            if line.is_char_boundary(k) {
                let t = &line[k..];
                assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
            }
        }
        let long = "Căn cứ Bộ luật Lao động;\nQuyết định số 12; quy định tại luật\nLuật đất đai\n".repeat(3);
        for k in 0..long.len() {
            if long.is_char_boundary(k) {
                let t = &long[k..];
                assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
            }
        }
    }

    #[test]
    fn ok_matches_read() {
        let s = scanner();
        let t = "Bộ luật Dân sự\nQuyết định số 5 và quy  định\nluật\n";
        assert_eq!(matched(&s, t), ["Bộ luật", "Quyết định", "quy  định", "luật"]);
        let t = "xem \u{212A}Ế  HOẠCH số 5 và Thong\t\tTu 7";
        assert_eq!(matched(&s, t), ["\u{212A}Ế  HOẠCH", "Thong\t\tTu"]);
    }

    /// Only word starts: a phrase glued to a letter or digit before it is
    /// not a match, and does not hide a match that starts inside it.
    #[test]
    fn ok_word_starts_only() {
        let s = scanner();
        let t = "xluật 5luật éluật (luật) “Luật” Bộ luật\u{a0}luật";
        assert_eq!(matched(&s, t), ["luật", "Luật", "Bộ luật", "luật"]);
        // `quyết định` glued to `x`: `định` alone is no phrase here, but
        // `bộ luật` after a glued `xbộ` still finds `luật`.
        let t = "xquyết định, xbộ luật";
        assert_eq!(matched(&s, t), ["luật"]);
    }

    /// The 32-at-a-time test and the one-at-a-time test pick the same
    /// candidates (with phrases of more first letters than eight, so that
    /// both sets of buckets are used).
    #[test]
    fn ok_fingerprint_same_both_ways() {
        let s = scanner_of(&[
            "quyết định",
            "luật",
            "bộ luật",
            "thong tu",
            "kế hoạch",
            "nghị định",
            "công văn",
            "hướng dẫn",
            "pháp lệnh",
            "sắc lệnh",
            "văn bản",
            "đề án",
            "de an",
        ]);
        assert!(s.fp.lo[1].iter().flatten().any(|&b| b != 0), "buckets 8 to 15 used");
        // Every ASCII byte before a phrase (the edges of the digit and
        // letter ranges among them).
        let mut text = String::new();
        for b in 1..0x80u8 {
            text.push(char::from(b));
            let pieces = [
                "luật ",
                "Quyết định ",
                "\u{212A}ế hoạch ",
                "Nghị định ",
                "CÔNG VĂN ",
                "hướng dẫn ",
                "Pháp lệnh ",
                "ſắc lệnh ",
                "văn bản ",
                "Đề án ",
                "DE AN ",
                "thong tu ",
            ];
            text.push_str(pieces[usize::from(b) % pieces.len()]);
        }
        let h = text.as_bytes();
        let body = h.len() + 1 - FP;
        let mut one = Vec::new();
        s.fp.scalar(h, 1, body, &mut |p| one.push(p));
        assert!(one.len() > 50, "{}", one.len());
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            let mut many = Vec::new();
            // SAFETY: the CPU has AVX2.
            let end = unsafe { avx2::candidates(&s.fp, h, 1, &mut |p| many.push(p)) };
            s.fp.scalar(h, end, body, &mut |p| many.push(p));
            assert_eq!(one, many);
        }
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx512bw") {
            let mut many = Vec::new();
            // SAFETY: the CPU has AVX-512 BW.
            let end = unsafe { avx512::candidates(&s.fp, h, 1, &mut |p| many.push(p)) };
            assert!(end > 64);
            s.fp.scalar(h, end, body, &mut |p| many.push(p));
            assert_eq!(one, many);
        }
    }
}
