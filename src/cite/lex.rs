//! Small lexical helpers of the citation grammar: spaces, keywords, words,
//! stop words.

use super::types::type_at;
use crate::error::{GrammarError, PResult};
use crate::normalize::starts_with_folded;
use crate::text::is_alnum;

/// At most `n` bytes of `s`, cut at a character boundary.
pub(super) fn prefix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut e = n;
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// The last `n` bytes of `s`, cut at a character boundary.
pub(super) fn suffix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut b = s.len() - n;
    while !s.is_char_boundary(b) {
        b += 1;
    }
    &s[b..]
}

pub(super) fn fail<'a, T>(input: &'a str, expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(GrammarError { input, expected }))
}

pub(super) fn is_sp(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// How many bytes of spaces and tabs open `i`: counted a byte at a time,
/// as both are ASCII and no byte of another character is either (the same
/// as reading `i` a character at a time, without decoding it).
#[inline]
fn sp_len(i: &str) -> usize {
    i.bytes().position(|b| b != b' ' && b != b'\t').unwrap_or(i.len())
}

/// `i` after the spaces and tabs that open it (`skip_sp(i)`,
/// a byte at a time: see [`sp_len`]).
#[inline]
pub(super) fn skip_sp(i: &str) -> &str {
    &i[sp_len(i)..]
}

// Sp ::= (" " | "\t")+
#[inline]
pub(super) fn sp(i: &str) -> PResult<'_, &str> {
    let n = sp_len(i);
    if n == 0 {
        return fail(i, "a space");
    }
    Ok((&i[n..], &i[..n]))
}

#[inline]
pub(super) fn sp0(i: &str) -> PResult<'_, &str> {
    let n = sp_len(i);
    Ok((&i[n..], &i[..n]))
}

// Ws1 ::= Sp? (("\n" | Br) Sp?)?        (a line broken by PDF extraction: `Nghị định số⏎254/2026/NĐ-CP`)
//   Br ::= "<br" Sp? "/"? ">"                (a line break in a Markdown table's cell: `Thông tư số …<br>ngày …`)
///
/// Most calls find none of it: where `i` opens with another byte than a
/// space, a tab, a line break or the `<` of `<br`, the rule reads nothing,
/// which this inlined test says without a call (see [`ws1_read`]).
#[inline(always)]
pub(super) fn ws1(i: &str) -> PResult<'_, &str> {
    match i.as_bytes().first() {
        Some(b' ' | b'\t' | b'\n' | b'<') => ws1_read(i),
        _ => Ok((i, &i[..0])),
    }
}

/// [`ws1`] read in full.
#[inline(never)]
pub(super) fn ws1_read(i: &str) -> PResult<'_, &str> {
    let (r, _) = sp0(i)?;
    let r = match r.strip_prefix('\n').or_else(|| br(r)) {
        Some(r2) => skip_sp(r2),
        None => r,
    };
    Ok((r, &i[..i.len() - r.len()]))
}

/// After an HTML line break `<br>`, `<br/>`, `<br />` at the start of `i`.
fn br(i: &str) -> Option<&str> {
    let r = skip_sp(i.strip_prefix("<br")?);
    let r = r.strip_prefix('/').unwrap_or(r);
    r.strip_prefix('>')
}

/// A keyword matched with case and diacritics folded, as a whole word.
pub(super) fn kw<'a>(i: &'a str, folded: &'static str) -> PResult<'a, &'a str> {
    match starts_with_folded(i, folded) {
        Some(n) if !i[n..].starts_with(crate::text::is_alnum) => Ok((&i[n..], &i[..n])),
        _ => fail(i, folded),
    }
}

/// The next word (letters, digits and inner marks) at the start of `i`.
pub(super) fn next_word(i: &str) -> &str {
    let b = i.as_bytes();
    let mut k = 0;
    while k < b.len() {
        // ASCII a byte at a time; other characters decoded.
        if b[k] < 0x80 {
            let c = b[k];
            if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b'&' | b'\'') && i[k + 1..].starts_with(is_alnum)
            {
                k += 1;
                continue;
            }
            break;
        }
        // The letters of Vietnamese text, and the combining marks, by their
        // bytes, undecoded: `C3 80..BF` (U+00C0..U+00FF) but `× ÷` (`C3
        // 97`, `C3 B7`), `C4..C8` (U+0100..U+023F), `E1 B8..BB`
        // (U+1E00..U+1EFF) are letters (as [`is_alnum`] says: see its
        // `latin_letter`); `CC`, `CD 80..AF` are the marks U+0300..U+036F.
        // (The text is UTF-8: a lead byte is followed by its continuation
        // bytes.)
        match (b[k], b.get(k + 1)) {
            (0xC3, Some(&x)) if x != 0x97 && x != 0xB7 => {
                k += 2;
                continue;
            }
            (0xC4..=0xC8 | 0xCC, _) | (0xCD, Some(0x80..=0xAF)) => {
                k += 2;
                continue;
            }
            (0xE1, Some(0xB8..=0xBB)) => {
                k += 3;
                continue;
            }
            _ => {}
        }
        let c = i[k..].chars().next().expect("char boundary");
        if is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c) {
            k += c.len_utf8();
            continue;
        }
        break;
    }
    &i[..k]
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_all_caps(w: &str) -> bool {
    // An ASCII small letter is a lower-case character: a word holding one
    // (most words) is none, settled on its bytes, undecoded.
    if w.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// Words that end an issuer or a name (lower case, one or two words). Not
/// folded: `bị`/`Bí`, `số`/`Sở`, `năm`/`Nam`, `tại`/`Tài` must differ.
/// `None`: `w` is not a stop word, nor the first of two; `Some(None)`: it
/// is one; `Some(Some(second))`: it is one when `second` follows.
pub(super) fn stop_word(w: &str) -> Option<Option<&'static str>> {
    Some(match w {
        "về" | "tại" | "đã" | "đang" | "trong" | "theo" | "ngày" | "năm" | "để" | "nhằm" | "với" | "cho" | "từ"
        | "đến" | "được" | "bị" | "là" | "thì" | "này" | "gồm" | "khi" | "mà" | "như" | "số" | "kèm" | "có" | "do"
        | "nếu" | "và" | "hoặc" | "sau" | "trước" | "trên" | "dưới" => None,
        "ban" => Some("hành"),
        "quy" => Some("định"),
        "hướng" => Some("dẫn"),
        "sửa" => Some("đổi"),
        "bổ" => Some("sung"),
        "thay" => Some("thế"),
        "bãi" => Some("bỏ"),
        "thực" => Some("hiện"),
        "nêu" => Some("trên"),
        "triển" => Some("khai"),
        "đối" => Some("với"),
        "phê" => Some("duyệt"),
        "thành" => Some("lập"),
        "giai" => Some("đoạn"),
        "cùng" => Some("ngày"),
        "hiện" => Some("hành"),
        "nói" => Some("trên"),
        "liên" => Some("quan"),
        _ => return None,
    })
}

/// `w` in lower case, borrowed when it already is.
pub(super) fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// [`lower`] of a short word, written into `buf` when it has upper case
/// (no allocation), a character at a time (so a final `Σ` reads `σ`; no
/// stop word has one); a word whose lower case does not fit is lowered as
/// [`lower`] does.
pub(super) fn lower_in<'a>(w: &'a str, buf: &'a mut [u8; 64]) -> std::borrow::Cow<'a, str> {
    let upper = |c: char| match lower_char(c) {
        Some((_, up)) => up,
        None => c.is_uppercase(),
    };
    if !w.chars().any(upper) {
        return std::borrow::Cow::Borrowed(w);
    }
    let mut n = 0;
    for c in w.chars() {
        if c.is_ascii() && n < buf.len() {
            buf[n] = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        if let Some((l, _)) = lower_char(c) {
            if n + l.len_utf8() > buf.len() {
                return std::borrow::Cow::Owned(w.to_lowercase());
            }
            n += l.encode_utf8(&mut buf[n..]).len();
            continue;
        }
        for l in c.to_lowercase() {
            if n + l.len_utf8() > buf.len() {
                return std::borrow::Cow::Owned(w.to_lowercase());
            }
            n += l.encode_utf8(&mut buf[n..]).len();
        }
    }
    // SAFETY: `buf[..n]` holds ASCII bytes and whole characters written by
    // `encode_utf8`, one after the other: it is UTF-8. (Checking it again
    // cost more than the lowering of most words.)
    debug_assert!(std::str::from_utf8(&buf[..n]).is_ok());
    std::borrow::Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(&buf[..n]) })
}

/// The lower case of a letter of Vietnamese text, and whether it is upper
/// case (`char::to_lowercase`, `char::is_uppercase`), by its code where
/// that says it: ASCII; Latin-1 (`À`..`Þ` but `×` lower by 0x20; `ß`..`ÿ`,
/// `×` are none); the blocks where a capital and its small letter are a
/// pair, the capital even (`Ă ă`, `Đ đ`, `Ĩ ĩ`, `Ũ ũ`, `Ơ ơ`, `Ạ ạ` .. `Ỹ
/// ỹ`); `Ư ư`. `None` elsewhere: the tables decide (a table search for
/// each of the marked letters of most words, spared).
fn lower_char(c: char) -> Option<(char, bool)> {
    let u = u32::from(c);
    let pair = || {
        let up = u % 2 == 0;
        char::from_u32(if up { u + 1 } else { u }).map(|l| (l, up))
    };
    match u {
        0..=0x7f => Some((c.to_ascii_lowercase(), c.is_ascii_uppercase())),
        0xd7 | 0xdf..=0xff => Some((c, false)),
        0xc0..=0xde => char::from_u32(u + 0x20).map(|l| (l, true)),
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 | 0x1a0..=0x1a5 | 0x1e00..=0x1e95 | 0x1ea0..=0x1eff => pair(),
        0x1af => Some(('\u{1b0}', true)),
        0x1b0 => Some((c, false)),
        _ => None,
    }
}

/// The next word, lower case.
pub(super) fn lower_word(i: &str) -> std::borrow::Cow<'_, str> {
    lower(next_word(i))
}

/// A curly quotation mark whose last byte is `b[k]`: `Some(true)` for `“`
/// (E2 80 9C), `Some(false)` for `”` (E2 80 9D). (Found by that byte with
/// `memchr`, a block at a time.)
pub(super) fn curly_quote_ending_at(b: &[u8], k: usize) -> Option<bool> {
    if k < 2 || b[k - 2..k] != [0xE2, 0x80] {
        return None;
    }
    match b[k] {
        0x9C => Some(true),
        0x9D => Some(false),
        _ => None,
    }
}

/// Is `word` in lower case `lower`? A word printed as `lower` is; a word
/// of ASCII letters is lowered a byte at a time (the same as
/// `char::to_lowercase` on each); another, a character at a time.
pub(super) fn lowers_to(word: &str, lower: &str) -> bool {
    word == lower
        || if word.is_ascii() {
            word.bytes().map(|b| b.to_ascii_lowercase()).eq(lower.bytes())
        } else {
            word.chars().flat_map(char::to_lowercase).eq(lower.chars())
        }
}

/// One of `words` (lower case, exact diacritics) as the next whole word.
///
/// (Inlined: most calls end on the first byte, tested against the first
/// bytes of `words`, which the caller's list makes constants; the rest is
/// [`lex_read`].)
#[inline(always)]
pub(super) fn lex<'a>(i: &'a str, words: &[&'static str], expected: &'static str) -> PResult<'a, &'a str> {
    // The word's lower case starts with its first character's lower case,
    // which must start one of `words`: most calls end here, before the
    // word is read (an ASCII byte tested as it is; another character
    // lowered alone, `Đ` to `đ`, which starts none of the words used).
    let Some(&b) = i.as_bytes().first() else {
        return fail(i, expected);
    };
    if b.is_ascii() && !words.iter().any(|x| x.as_bytes()[0] == b.to_ascii_lowercase()) {
        return fail(i, expected);
    }
    // A character that is not ASCII lowers to one that opens with an ASCII
    // character only for `K` (the Kelvin sign, to `k`) and `İ` (to `i` and a
    // mark): where every word opens with an ASCII letter, any other fails
    // (`Đất`, `Ủy`, the capitals of most names).
    if !b.is_ascii() && words.iter().all(|x| x.as_bytes()[0].is_ascii()) && !i.starts_with(LOWER_TO_ASCII) {
        return fail(i, expected);
    }
    lex_read(i, words, expected)
}

/// The characters that are not ASCII whose lower case opens with an ASCII
/// character (see [`lex`]).
const LOWER_TO_ASCII: [char; 2] = ['\u{212a}', '\u{130}'];

/// [`lex`] past an ASCII first byte that may start one of `words`, or at
/// a first character that is not ASCII.
#[inline(never)]
fn lex_read<'a>(i: &'a str, words: &[&'static str], expected: &'static str) -> PResult<'a, &'a str> {
    debug_assert!(words
        .iter()
        .all(|x| x.chars().eq(x.chars().flat_map(char::to_lowercase))));
    if !i.as_bytes()[0].is_ascii() {
        let c = i.chars().next().expect("a character");
        let l = c.to_lowercase().next().expect("a lower case");
        if !words.iter().any(|x| x.starts_with(l)) {
            return fail(i, expected);
        }
    }
    let w = next_word(i);
    let lower_eq = |x: &&str| x.len() == w.len() && lowers_to(w, x);
    if !w.is_empty() && words.iter().any(lower_eq) {
        Ok((&i[w.len()..], w))
    } else {
        fail(i, expected)
    }
}

/// Is the word at the start of `i` a stop word? `và` stops only before a
/// lower-case word, `các` or a type word (`Sở Nông nghiệp và Phát triển
/// nông thôn` is one issuer).
pub(super) fn at_stop_word(i: &str) -> bool {
    let w = next_word(i);
    // (Too long to be one: not lowered. See `at_stop_word_read`.)
    if w.len() > 20 {
        return false;
    }
    let mut buf = [0u8; 64];
    at_stop_word_read(i, w, &lower_in(w, &mut buf))
}

/// [`at_stop_word`] of `i` for a caller that has read its next word `w`
/// already (`next_word(i)`) and lowered it to `lw` (`lower_in(w, …)`).
pub(super) fn at_stop_word_read(i: &str, w: &str, lw: &str) -> bool {
    if w.is_empty() {
        return true;
    }
    // A stop word has at most five characters, and a word's lower case has
    // no fewer characters than the word: a word of more than 20 bytes (six
    // characters at least) is none.
    if w.len() > 20 {
        return false;
    }
    // `số` glued to its number (`Quyết định của Bộ Chính trị số31-QĐ/TW`).
    if lw.starts_with("số") && lw["số".len()..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // (What follows is read only for `và`, `hoặc` and a two-word stop.)
    let after = || skip_sp(&i[w.len()..]);
    if matches!(lw, "và" | "hoặc") {
        let after = after();
        let nw = next_word(after);
        // (`và NQ 47 của …`: a word then a number starts a citation.)
        let numbered = next_word(skip_sp(&after[nw.len()..])).starts_with(|c: char| c.is_ascii_digit());
        return !starts_upper(nw) || numbered || type_at().is_match(prefix(after, 48)) || &*lower_word(after) == "các";
    }
    match stop_word(lw) {
        None => false,
        Some(None) => true,
        // Two-word stops: the second word is read only when the first fits,
        // on the next line too (`của Chính phủ quy⏎định …`).
        Some(Some(second)) => {
            let after = after();
            let after = after.strip_prefix('\n').map_or(after, skip_sp);
            &*lower_word(after) == second
        }
    }
}

/// Characters that end an issuer, a name or a subject.
pub(super) fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '(' | ')' | '“' | '”' | '"' | ':' | '[' | ']' | '\n' | '?' | '!' | '<' | '>' | '|'
    )
}

/// A full stop that ends a sentence (followed by a space or the end).
pub(super) fn at_full_stop(i: &str) -> bool {
    i.starts_with('.') && !matches!(i[1..].chars().next(), Some(c) if !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lex`] as written before its first-character test: the next word,
    /// lowered, against each of `words`.
    fn lex_plain<'a>(i: &'a str, words: &[&'static str]) -> Option<&'a str> {
        let w = next_word(i);
        let lower_eq = |x: &&str| x.len() == w.len() && lowers_to(w, x);
        (!w.is_empty() && words.iter().any(lower_eq)).then(|| &i[w.len()..])
    }

    /// [`next_word`] as written before its byte test of the letters that
    /// are not ASCII: each such character decoded.
    fn next_word_plain(i: &str) -> &str {
        let b = i.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] < 0x80 {
                let c = b[k];
                if c.is_ascii_alphanumeric()
                    || matches!(c, b'.' | b'/' | b'&' | b'\'') && i[k + 1..].starts_with(is_alnum)
                {
                    k += 1;
                    continue;
                }
                break;
            }
            let c = i[k..].chars().next().expect("char boundary");
            if is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c) {
                k += c.len_utf8();
                continue;
            }
            break;
        }
        &i[..k]
    }

    /// The byte test of [`next_word`] reads what decoding reads: every
    /// character alone, inside a word and after one, and every word of the
    /// real texts at hand (the fixtures, the corpus when it is beside the
    /// repository).
    #[test]
    fn ok_next_word_byte_test_same_as_plain() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("a{c}b "),
                format!("{c}{c}."),
                format!("x.{c}"),
                format!("{c}\u{301}a"),
            ] {
                assert_eq!(next_word(&s), next_word_plain(&s), "{c:?} in {s:?}");
            }
        }
        let mut words = 0;
        for (_, text) in crate::test_texts::texts() {
            let mut prev = ' ';
            for (k, c) in text.char_indices() {
                let start = !is_alnum(prev);
                prev = c;
                if start {
                    let i = &text[k..];
                    assert_eq!(next_word(i), next_word_plain(i), "{:?}", prefix(i, 20));
                    words += 1;
                }
            }
        }
        assert!(words > 1000, "only {words} words");
    }

    /// [`LOWER_TO_ASCII`] lists every character that is not ASCII whose
    /// lower case opens with an ASCII one.
    #[test]
    fn ok_lower_to_ascii_complete() {
        for c in (0x80..0x11_0000u32).filter_map(char::from_u32) {
            let ascii = c.to_lowercase().next().is_some_and(|l| l.is_ascii());
            assert_eq!(ascii, LOWER_TO_ASCII.contains(&c), "{c:?}");
        }
    }

    /// [`ws1`]'s inlined first-byte test gives what reading gives: on the
    /// real texts at hand (every 23rd byte that starts a character) and on
    /// edge cases.
    #[test]
    fn ok_ws1_first_byte_same_as_read() {
        let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
        texts.extend(
            [
                "", " ", "\t", "\n", "<", "<br>", "<br/>x", "<br />x", " \n x", "<b", "\u{a0}x", "x",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        let mut n = 0;
        for text in &texts {
            for k in (0..text.len()).step_by(23).filter(|&k| text.is_char_boundary(k)) {
                let i = &text[k..];
                assert_eq!(ws1(i), ws1_read(i), "{:?}", prefix(i, 20));
                n += 1;
            }
        }
        assert!(n > 1000, "only {n} places");
    }

    /// [`lower_char`] gives what the tables give, for every character it
    /// answers.
    #[test]
    fn ok_lower_char_same_as_tables() {
        let mut n = 0;
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            if let Some((l, up)) = lower_char(c) {
                assert_eq!(c.to_lowercase().collect::<Vec<_>>(), vec![l], "{c:?}");
                assert_eq!(up, c.is_uppercase(), "{c:?}");
                n += 1;
            }
        }
        assert!(n > 500, "only {n} characters");
    }

    /// [`lower_in`] gives what [`lower`] gives on every word of the real
    /// texts at hand (every fifth word start) and on edge cases.
    #[test]
    fn ok_lower_in_same_as_lower() {
        let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
        texts.extend(
            [
                "ĐẤT ĐAI",
                "Ưu Ơn",
                "ǅa",
                "İstanbul",
                "\u{212a}y",
                "ẞ",
                "Ỹ",
                &"Ấ".repeat(30),
                &"A".repeat(70),
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        let mut n = 0;
        for text in &texts {
            let mut prev = ' ';
            for (k, c) in text.char_indices() {
                let start = !is_alnum(prev);
                prev = c;
                if start {
                    n += 1;
                    if n % 5 != 0 && text.len() > 400 {
                        continue;
                    }
                    let w = next_word(&text[k..]);
                    let mut buf = [0u8; 64];
                    assert_eq!(&*lower_in(w, &mut buf), &*lower(w), "{w:?}");
                }
            }
        }
        assert!(n > 1000, "only {n} words");
    }

    /// [`sp`], [`sp0`] and [`skip_sp`], a byte at a time, read what nom's
    /// `take_while` and `trim_start_matches` read a character at a time: on
    /// the real texts at hand (every 7th byte that starts a character) and
    /// with every character after spaces.
    #[test]
    fn ok_spaces_by_byte_same_as_by_character() {
        use nom::bytes::complete::take_while;
        let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
        texts.extend(
            (0..0x11_0000u32)
                .filter_map(char::from_u32)
                .map(|c| format!(" \t {c} ")),
        );
        texts.push(String::new());
        let mut n = 0;
        for text in &texts {
            // Every place of the short texts; every 211th byte of the real
            // ones (30 MB: all of them would take minutes in debug).
            let step = if text.len() > 64 { 211 } else { 1 };
            for k in (0..text.len()).step_by(step).filter(|&k| text.is_char_boundary(k)) {
                let i = &text[k..];
                let plain = take_while::<_, _, GrammarError<'_>>(is_sp)(i);
                assert_eq!(sp0(i), plain, "{:?}", prefix(i, 20));
                let plain_sp = plain.and_then(|(r, s)| if s.is_empty() { fail(i, "a space") } else { Ok((r, s)) });
                assert_eq!(sp(i), plain_sp, "{:?}", prefix(i, 20));
                assert_eq!(skip_sp(i), i.trim_start_matches(is_sp), "{:?}", prefix(i, 20));
                n += 1;
            }
        }
        assert!(n > 1000, "only {n} places");
    }

    /// Every keyword list the grammar reads with [`lex`].
    const LISTS: &[&[&str]] = &[
        &["số", "sô", "so"],
        &["này", "nay"],
        &["cùng"],
        &["của", "cua"],
        &["của"],
        &["ký", "ky"],
        &["năm", "nam"],
        &["việc", "viec"],
        &["và", "va"],
        &["và"],
        &["về", "ve"],
        &["về"],
        // (None of the grammar's starts with a letter that is not ASCII:
        // the test of such a first letter is checked here too.)
        &["đối", "đã"],
        &["ở"],
    ];

    /// The first-character test of [`lex`] gives what reading the word
    /// gives, at every character of every real text at hand (the fixtures,
    /// the corpus when it is beside the repository) and on edge cases.
    #[test]
    fn ok_lex_first_character_test_same_as_plain() {
        let mut edge: Vec<String> = [
            "",
            "Số 5",
            "SỐ",
            "sỐ",
            "Sô",
            "SO",
            "so",
            "số31",
            "Năm 2020",
            "NĂM",
            "nAm",
            "Của",
            "CỦA",
            "Đối với",
            "ĐÃ",
            "Ở",
            "ở",
            "\u{212a}y",
            "İ",
            "ſo",
            "Về việc",
            "VỀ",
            "về-",
            "và/",
            "này.",
            "NÀY",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every character alone and before a word's end.
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            edge.push(format!("{c}o"));
            edge.push(format!("{c}ố "));
        }
        let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
        texts.extend(edge);
        let mut ok = 0;
        for text in &texts {
            // (Each word that starts with a character that is not ASCII: an
            // ASCII byte is tested as it was before.)
            let mut prev = ' ';
            for (k, c) in text.char_indices() {
                let start = !is_alnum(prev);
                prev = c;
                if c.is_ascii() || !start {
                    continue;
                }
                let i = &text[k..];
                for words in LISTS {
                    let fast = lex(i, words, "x").ok().map(|(r, _)| r);
                    assert_eq!(fast, lex_plain(i, words), "{:?} {words:?}", prefix(i, 20));
                    ok += usize::from(fast.is_some());
                }
            }
        }
        assert!(ok > 100, "only {ok} matches");
    }
}
