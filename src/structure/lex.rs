//! Small text predicates of the structure pass: keywords at word
//! boundaries, upper-case text, words, the segments of a collapsed header
//! line, list bullets.

use super::Line;
use crate::normalize::{fold_char, starts_with_folded};

// ---------------------------------------------------------------------------
// Small text predicates

/// `keyword` (folded) at the start of `s`, ending at a word boundary; the
/// number of bytes matched.
#[inline(always)]
pub(super) fn kw_at(s: &str, keyword: &str) -> Option<usize> {
    let n = starts_with_folded(s, keyword)?;
    if s[n..].starts_with(|c: char| crate::text::is_alnum(c)) {
        return None;
    }
    Some(n)
}

/// Offset of a table row's first cell text (after `|`, `-` and spaces).
pub(super) fn table_cell_start(t: &str) -> usize {
    t.len()
        - t.trim_start_matches(|c: char| c == '|' || c == '-' || c.is_whitespace())
            .len()
}

/// First occurrence of a folded `keyword` in `s` at word boundaries.
///
/// `keyword` is folded, so ASCII: a match starts with its first letter in
/// either case, or with a letter that folds to it (`Đ`, `Ô`). Only those
/// are tried; the word boundary before one is read back from the text.
pub(super) fn find_kw(s: &str, keyword: &str) -> Option<(usize, usize)> {
    find_kw_until(s, keyword, s.len())
}

/// [`find_kw`], trying only starts up to `last` (inclusive).
pub(super) fn find_kw_until(s: &str, keyword: &str, last: usize) -> Option<(usize, usize)> {
    let first = *keyword.as_bytes().first()?;
    debug_assert!(keyword.is_ascii(), "folded keywords are ASCII");
    let upper = first.to_ascii_uppercase();
    let consonant = !matches!(first, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let bytes = s.as_bytes();
    let end = bytes.len().min(last.saturating_add(1));
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        let len = if b < 0x80 {
            if b != first && b != upper {
                i += 1;
                continue;
            }
            1
        } else if consonant && b == 0xE1 && (bytes[i + 1] == 0xBB || (bytes[i + 1] == 0xBA && bytes[i + 2] >= 0xA0)) {
            // The precomposed Vietnamese vowels with a tone mark, U+1EA0..
            // U+1EFF (E1 BA A0 .. E1 BB BF), the most frequent letters
            // beyond ASCII: each folds to a vowel or to no ASCII letter at
            // all, never to a consonant; passed by their bytes.
            i += 3;
            continue;
        } else {
            let c = s[i..].chars().next().expect("char boundary");
            if fold_char(c) != char::from(first) {
                i += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        let glued = s[..i].chars().next_back().is_some_and(crate::text::is_alnum);
        if !glued {
            if let Some(n) = kw_at(&s[i..], keyword) {
                return Some((i, i + n));
            }
        }
        i += len;
    }
    None
}

/// Upper-case text: at least two letters and no lower-case letter.
pub(super) fn is_upper_text(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(crate::text::is_alpha(c));
    }
    letters >= 2
}

/// A word written like a name: an upper-case letter then lower-case letters.
pub(super) fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest = cs.as_str();
    !rest.is_empty() && rest.chars().all(char::is_lowercase)
}

/// Words of `s` with their byte offsets (relative to `s`).
pub(super) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Cut a line into segments at rules (`-----`, `___`, `***`, `===`), table
/// bars (`|`) and `<br>`; each segment trimmed, empty ones dropped. Offsets
/// absolute.
pub(super) fn segments(norm: &str, line: Line) -> Vec<(usize, usize)> {
    let text = &norm[line.s..line.e];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut i = 0;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        let part = &text[a..b];
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        if !t.is_empty() {
            out.push((line.s + a + lead, line.s + a + lead + t.len()));
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'|' {
            push(seg_start, i, &mut out);
            i += 1;
            seg_start = i;
            continue;
        }
        // `<br>` in a Markdown table cell converted from HTML (`**CHÍNH
        // PHỦ**<br>Số: 211/2026/NĐ-CP`): a line break.
        if b == b'<' && bytes.len() - i >= 4 && bytes[i + 1..i + 3].eq_ignore_ascii_case(b"br") {
            if let Some(k) = text[i..].find('>').filter(|&k| k <= 6) {
                push(seg_start, i, &mut out);
                i += k + 1;
                seg_start = i;
                continue;
            }
        }
        if matches!(b, b'-' | b'_' | b'=' | b'*' | b'~') {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b {
                j += 1;
            }
            if j - i >= 3 {
                push(seg_start, i, &mut out);
                seg_start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(seg_start, bytes.len(), &mut out);
    out
}

/// Strip list bullets (`-`, `+`, `•`, `–`) and spaces at the start; return the
/// number of bytes removed.
pub(super) fn bullet_len(s: &str) -> usize {
    let t = s.trim_start_matches(|c: char| matches!(c, '-' | '+' | '•' | '–' | '—' | '·') || c.is_whitespace());
    s.len() - t.len()
}

/// Does the line start with a list bullet?
pub(super) fn has_bullet(s: &str) -> bool {
    s.starts_with(['-', '+', '•', '–', '—', '·'])
}

/// Clean an entry: bullets at the start, `,;.` and spaces at the end; returns
/// the kept byte range relative to `s`.
pub(super) fn clean_entry(s: &str) -> (usize, usize) {
    let start = bullet_len(s);
    let t = s[start..].trim_end_matches(|c: char| matches!(c, ',' | ';' | '.') || c.is_whitespace());
    (start, start + t.len())
}

/// `str::floor_char_boundary` for older toolchains.
pub(super) trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_char;

    /// The keyword search as first written: every character looked at.
    fn find_kw_reference(s: &str, keyword: &str) -> Option<(usize, usize)> {
        let first = keyword.chars().next()?;
        let mut prev_alnum = false;
        for (i, c) in s.char_indices() {
            if !prev_alnum && fold_char(c) == first {
                if let Some(n) = kw_at(&s[i..], keyword) {
                    return Some((i, i + n));
                }
            }
            prev_alnum = crate::text::is_alnum(c);
        }
        None
    }

    #[test]
    fn ok_is_upper_text() {
        // Against the plain definition: no lower-case letter, two letters.
        let plain =
            |s: &str| !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        for s in [
            "ỦY BAN NHÂN DÂN",
            "Ủy ban",
            "SỞ NÔNG NGHIỆP",
            "ĐẢNG ỦY",
            "Đ",
            "ĐĐ",
            "12/SNN",
            "×÷ AB",
            "Ω Σ",
            "ΩΣ",
            "ǅ X",
            "",
            "A1",
            "ÀÉ",
            "ẠẢ x",
            "一二",
        ] {
            assert_eq!(is_upper_text(s), plain(s), "{s:?}");
        }
    }

    /// The letters that [`find_kw_until`] passes by their bytes for a
    /// keyword opening with a consonant, U+1EA0..U+1EFF, fold to a vowel or
    /// to no ASCII letter.
    #[test]
    fn ok_vietnamese_vowels_fold_to_no_consonant() {
        for u in 0x1EA0..=0x1EFFu32 {
            let c = char::from_u32(u).expect("a char");
            let f = fold_char(c);
            assert!(!f.is_ascii() || "aeiouy".contains(f), "{c:?} folds to {f:?}");
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert!(
                b[0] == 0xE1 && (b[1] == 0xBB || (b[1] == 0xBA && b[2] >= 0xA0)),
                "{c:?}"
            );
        }
        // And the bytes name no other letter: U+1E80..U+1E9F (`ẋ` folds to
        // `x`) start E1 BA 80..9F.
        assert_eq!("\u{1E9F}".as_bytes(), [0xE1, 0xBA, 0x9F]);
        assert_eq!(find_kw("ẊAC THỰC", "xac thuc"), Some((0, "ẊAC THỰC".len())));
    }

    #[test]
    fn ok_find_kw_same_as_reference() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lines = vec![
            "ĐẢNG CỘNG SẢN VIỆT NAM".to_string(),
            "xĐảng Cộng sản Việt Nam, Đảng cộng sản việt nam".to_string(),
            "Hà Nội, ngày 5; NGÀY 6; tháng/ngày 7; Ngay 8; 9ngày".to_string(),
            "ĐộC LậP - Tự do - HẠNH PHÚC; kính gửi; Kính gởi:".to_string(),
        ];
        for dir in [root.join("fixtures"), root.join("../shared/seeds")] {
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            for e in rd {
                let text = std::fs::read(e.unwrap().path()).unwrap_or_default();
                let norm = crate::normalize::normalize(&String::from_utf8_lossy(&text))
                    .text()
                    .to_string();
                lines.extend(norm.lines().map(str::to_string));
            }
        }
        // The corpus too, when there (every twentieth line, as read, not
        // normalized: quick in a debug build; any line is a fair test).
        for (_, text) in crate::test_texts::texts() {
            lines.extend(text.lines().step_by(20).map(str::to_string));
        }
        assert!(lines.len() > 100, "the fixtures are read");
        let kws = [
            "cong hoa xa hoi chu nghia viet nam",
            "dang cong san viet nam",
            "hanh phuc",
            "kinh gui",
            "ngay",
            "xac thuc van ban hop nhat",
            "doc lap",
            "ubnd",
            "an",
        ];
        let mut found = 0;
        for l in &lines {
            for kw in kws {
                let got = find_kw(l, kw);
                assert_eq!(got, find_kw_reference(l, kw), "{kw:?} in {l:?}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 10, "keywords are found");
    }
}
