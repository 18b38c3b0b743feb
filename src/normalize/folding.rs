//! Keyword folding: lower case, no diacritics, `đ` read as `d`.

use super::*;

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
pub(super) fn fold_non_ascii(c: char) -> char {
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
pub(super) const FOLD_LATIN_END: usize = 0x250;

/// [`fold_char`] of U+0080..U+024F and of U+1E00..U+1EFF (the precomposed
/// Vietnamese letters).
pub(super) fn fold_tables() -> &'static (Vec<char>, Vec<char>) {
    static TABLES: std::sync::OnceLock<(Vec<char>, Vec<char>)> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let fold_range =
            |r: std::ops::Range<u32>| r.map(|u| char::from_u32(u).map_or('\u{0}', fold_char_slow)).collect();
        (fold_range(0x80..FOLD_LATIN_END as u32), fold_range(0x1E00..0x1F00))
    })
}

/// [`fold_char`] by decomposition, for any character.
pub(super) fn fold_char_slow(c: char) -> char {
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
pub(super) fn starts_with_folded_rest(text: &str, keyword: &str) -> Option<usize> {
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

/// What [`fold`] does with each byte of ASCII: the byte it writes (lower
/// case), or [`ASCII_SKIP`] (NUL, which folds to nothing), or
/// [`ASCII_SPACE`] (the ASCII white space `char::is_whitespace` takes);
/// both are no ASCII byte.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = match b {
            0 => ASCII_SKIP,
            b' ' | b'\t'..=b'\r' => ASCII_SPACE,
            _ => b.to_ascii_lowercase(),
        };
        c += 1;
    }
    t
};
/// See [`ASCII_FOLD`].
const ASCII_SKIP: u8 = 0x80;
/// See [`ASCII_FOLD`].
const ASCII_SPACE: u8 = 0x81;

/// Fold a whole string (see [`fold_char`]); whitespace runs become one space.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    fold_into(text, &mut out);
    out
}

/// [`fold`] into `out`, which is cleared first: the same text, written
/// into a buffer a caller reuses (a fold per clause or per line, with no
/// `String` allocated and freed each time). [`fold`] is this into a new
/// `String`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    // A byte at a time while the text is ASCII (its spaces, digits and
    // punctuation, and most letters of Vietnamese), from a table; a
    // character at a time past it, from the tables looked up once. (A
    // `String` is written, whole characters only: no check of the bytes at
    // the end.)
    out.clear();
    out.reserve(text.len());
    let tables = fold_tables();
    let b = text.as_bytes();
    let mut space = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if let Some(&v) = ASCII_FOLD.get(usize::from(c)) {
            i += 1;
            if v.is_ascii() {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(v));
            } else if v == ASCII_SPACE {
                space = true;
            }
            continue;
        }
        // The letters of Vietnamese past ASCII are two bytes (U+0080..
        // U+023F: lead bytes C2..C8) or three (U+1E00..U+1EFF: E1 B8..BB):
        // read from their bytes (`text` is UTF-8: the bytes after a lead
        // byte are there); any other character decoded.
        let f = match c {
            0xC2..=0xC8 => {
                let u = usize::from(c & 0x1F) << 6 | usize::from(b[i + 1] & 0x3F);
                i += 2;
                // (Below U+0250 the white space is U+0085 and U+00A0.)
                if u == 0x85 || u == 0xA0 {
                    space = true;
                    continue;
                }
                tables.0[u - 0x80]
            }
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => {
                let k = usize::from(b[i + 1] - 0xB8) << 6 | usize::from(b[i + 2] & 0x3F);
                i += 3;
                tables.1[k]
            }
            _ => {
                let Some(ch) = text.get(i..).and_then(|t| t.chars().next()) else {
                    break;
                };
                i += ch.len_utf8();
                let u = ch as usize;
                // (U+1E00..U+1EFF holds no white space.)
                if u < FOLD_LATIN_END {
                    tables.0[u - 0x80]
                } else if (0x1E00..0x1F00).contains(&u) {
                    tables.1[u - 0x1E00]
                } else if ch.is_whitespace() {
                    space = true;
                    continue;
                } else {
                    fold_char_slow(ch)
                }
            }
        };
        if f == '\u{0}' {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(f);
    }
}

/// [`fold`] a character at a time, as [`fold_char`] reads it: the
/// reference the byte-wise one is tested against.
#[cfg(test)]
pub(super) fn fold_by_chars(text: &str) -> String {
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
mod fold_into_tests {
    use super::*;

    /// [`fold_into`] writes what the character-at-a-time reading
    /// ([`fold_by_chars`]) gives, whatever the buffer held
    /// before (empty, longer, shorter, with a space last): on every 5th
    /// line of the fixtures and the docs corpus (when beside the
    /// repository), on each line's clauses as the relation stage folds
    /// them, and on every character around the ones read from their bytes.
    #[test]
    fn ok_fold_into_same_as_fold() {
        let mut buf = String::new();
        let mut check = |s: &str| {
            for before in [
                "",
                "xyz ",
                "a much longer text held before the fold, longer than most lines are",
            ] {
                buf.clear();
                buf.push_str(before);
                fold_into(s, &mut buf);
                assert_eq!(buf, fold_by_chars(s), "{s:?} after {before:?}");
            }
        };
        let mut lines = 0;
        for (_, text) in crate::test_texts::texts() {
            for line in text.lines().step_by(5) {
                check(line);
                for clause in line.split(';') {
                    check(clause);
                }
                lines += 1;
            }
        }
        assert!(lines > 100, "{lines} lines");
        for s in [
            "",
            " ",
            "\u{0}",
            "  Căn cứ\tLuật\r\nsố 12/2024/QH15 ",
            "\u{0}Đ\u{0}iều\u{0301} 5\u{a0}\u{a0}khoản\u{2003}2\u{0b}x\u{0c}y\u{1}\u{7f}",
            "KÍNH GỬI: Ủy ban — “Thông tư” (gọi tắt là TT) ß Ω Ⱥ 漢 😀",
            "\u{1c}\u{1f}\u{85}x\u{3000}y\u{200b}z",
        ] {
            check(s);
        }
        let chars: Vec<char> = (0x80..0x2100).filter_map(char::from_u32).collect();
        for &c in chars.iter().step_by(7) {
            check(&format!("a{c}b {c}"));
        }
        let run: String = chars.iter().collect();
        check(&run);
    }
}
