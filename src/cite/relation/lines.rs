//! Line classes: list markers, headings, glue between citations, and
//! where a hard-wrapped clause starts.

use crate::cite::cues::clause_cue;
use crate::cite::lex::prefix;
use crate::cite::share::may_fold_within;
use crate::cite::CUE_WINDOW;
use crate::normalize::{fold, fold_char, starts_with_folded};
use crate::text::LineIndex;

/// Only list glue between two citations (`;`, `,`, `và`, `các`, `&`)?
pub(in crate::cite) fn is_glue(gap: &str) -> bool {
    if !may_fold_within(gap, b"vachoung,;().&") {
        return false;
    }
    fold(gap)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.' | '&'))
        .all(|w| matches!(w, "" | "va" | "cac" | "hoac" | "cung" | "nhu"))
}

/// Does a full stop end a sentence in glue `gap` (`.` then a space or a
/// line break: `… về việc giao chỉ tiêu. Nghị quyết số …` starts another
/// sentence)?
pub(super) fn ends_sentence(gap: &str) -> bool {
    let b = gap.as_bytes();
    memchr::memchr_iter(b'.', b).any(|k| b.get(k + 1).is_some_and(u8::is_ascii_whitespace))
}

/// `s` without its bracketed groups `( … )` (a restatement `(gọi tắt là
/// …)` between two items of a list), when they are balanced.
pub(super) fn without_brackets(s: &str) -> std::borrow::Cow<'_, str> {
    without_groups(s, '(', ')')
}

/// `s` without its groups from `open` to `close`, when they are balanced.
pub(super) fn without_groups(s: &str, open: char, close: char) -> std::borrow::Cow<'_, str> {
    // (The marks found a byte at a time when ASCII; the text between them
    // copied whole.)
    if open.is_ascii() && close.is_ascii() {
        let (o, c, b) = (open as u8, close as u8, s.as_bytes());
        if memchr::memchr(o, b).is_none() {
            return s.into();
        }
        return drop_groups(s, memchr::memchr2_iter(o, c, b).map(|i| (i, b[i] == o, 1)));
    }
    if !s.contains(open) {
        return s.into();
    }
    let marks = s.char_indices().filter_map(|(i, c)| {
        if c == open {
            Some((i, true, open.len_utf8()))
        } else if c == close {
            Some((i, false, close.len_utf8()))
        } else {
            None
        }
    });
    drop_groups(s, marks)
}

/// [`without_groups`] from the marks of `s` in order: where each is, whether
/// it opens a group, its length.
fn drop_groups(s: &str, marks: impl Iterator<Item = (usize, bool, usize)>) -> std::borrow::Cow<'_, str> {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    // Where the text kept since the last group closed starts.
    let mut from = 0;
    for (i, opens, len) in marks {
        if opens {
            if depth == 0 {
                out.push_str(&s[from..i]);
            }
            depth += 1;
        } else if depth > 0 {
            depth -= 1;
            if depth == 0 {
                from = i + len;
            }
        }
    }
    if depth > 0 {
        return s.into();
    }
    out.push_str(&s[from..]);
    out.into()
}

/// [`without_groups`] a character at a time: the reference it is tested
/// against.
#[cfg(test)]
pub(super) fn without_groups_by_chars(s: &str, open: char, close: char) -> std::borrow::Cow<'_, str> {
    if !s.contains(open) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            _ if c == open => depth += 1,
            _ if c == close && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if depth > 0 {
        return s.into();
    }
    out.into()
}

/// A `)` with no `(` before it in `s`: what came before `s` was in
/// brackets.
pub(in crate::cite) fn closes_bracket(s: &str) -> bool {
    // (A byte at a time: `(` and `)` are ASCII, and no byte of a character
    // past ASCII is either.)
    let mut depth = 0i32;
    for &c in s.as_bytes() {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// A closing quote `”` with no `“` before it in `s`: what came before `s`
/// was quoted (a phrase, not the clause's own list).
pub(super) fn closes_quote(s: &str) -> bool {
    match (s.find('”'), s.find('“')) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// A table row whose cells before a citation hold only the row's number,
/// markup, or the citation's abbreviated type (`| 2 | TTLT 12/2016/…`).
pub(super) fn opens_row(before: &str) -> bool {
    before.trim_start().starts_with('|')
        && before.chars().all(|c| {
            c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, 'Đ' | '|' | ' ' | '\t' | '.' | ')' | '*')
        })
}

/// `line` without leading spaces, bullets and markup.
pub(super) fn unbulleted(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '–' | '|' | '*' | '>'))
}

/// `line` without leading spaces, bullets, markup and a Markdown
/// heading's `#` (`### Điều 1. Bãi bỏ …`).
pub(super) fn unheaded(line: &str) -> &str {
    unbulleted(line.trim_start().trim_start_matches('#'))
}

// GroupLabel ::= Words ":"   (no list marker, no cue, no number; short)
/// A label over a group of a list's items (`Quy chuẩn, danh mục cây
/// trồng:`, `Danh mục bổ sung giống (2009–2019):`): a short line ending
/// with `:` that has no list marker, no cue and no document number.
#[cfg(test)]
pub(super) fn is_group_label(line: &str) -> bool {
    label_words(line).is_some_and(names_no_cue)
}

/// The words of a line shaped as a group label ([`is_group_label`]): a
/// short line ending with `:`, with no list marker and no document number;
/// its cue not read yet (see [`names_no_cue`]).
pub(super) fn label_words(line: &str) -> Option<&str> {
    let words = line.trim().strip_suffix(':')?;
    let words = words.trim_end_matches(['*', '_', ' ']);
    (words.len() <= 120
        && list_marker(words).is_none()
        && !words.contains('/')
        && !crate::cite::types::starts_citation(words))
    .then_some(words)
}

/// Do a group label's words ([`label_words`]) hold no cue?
pub(super) fn names_no_cue(words: &str) -> bool {
    clause_cue(fold(words).as_bytes(), true).is_none()
}

// ItemTitle ::= Marker Citation ("—" | "–" | "-" | ":") Title
/// Does a line start with `Căn cứ` (after bullets and markup)?
pub(super) fn is_basis_line(line: &str) -> bool {
    starts_with_folded(unbulleted(line), "can cu").is_some()
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// `-`, `+`, `•`, `*`, `>`.
    Bullet,
    /// `1.`, `2)`.
    Number(u8),
    /// `a)`, `b.`.
    Letter(u8),
}

/// The list marker a line starts with (`1.`, `a)`, `2)`, a bullet), if
/// any.
pub(super) fn list_marker(line: &str) -> Option<Marker> {
    // (A byte at a time when the line starts with ASCII after ASCII
    // spaces, as most do: a number of one to three digits or a letter, then
    // `.` or `)`.)
    let b = line.as_bytes();
    let k = b
        .iter()
        .position(|c| !matches!(c, b' ' | b'\t'..=b'\r'))
        .unwrap_or(b.len());
    match b.get(k) {
        Some(c) if c.is_ascii_alphanumeric() => {
            let digits = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
            let lead = digits.max(1);
            let close = b
                .get(k + lead)
                .copied()
                .filter(|&c| lead <= 3 && matches!(c, b'.' | b')'))?;
            return Some(if digits > 0 {
                Marker::Number(close)
            } else {
                Marker::Letter(close)
            });
        }
        Some(c) if c.is_ascii() && !matches!(c, b'-' | b'+' | b'*' | b'>') => return None,
        // (An ASCII bullet: the trim below stops at it.)
        Some(c) if c.is_ascii() => return Some(Marker::Bullet),
        // A character past ASCII that is no white space (most: a capital
        // letter, a quote) is where the trim below stops too: a bullet
        // `•`/`–`, or a letter of at most three bytes then `.` or `)`, or
        // nothing. (Read as below, its byte after it first: seldom `.`
        // or `)`.)
        Some(_) => {
            if let Some(c) = line[k..].chars().next().filter(|c| !c.is_whitespace()) {
                if c == '•' || c == '–' {
                    return Some(Marker::Bullet);
                }
                let close = b
                    .get(k + c.len_utf8())
                    .copied()
                    .filter(|&x| matches!(x, b'.' | b')') && c.len_utf8() <= 3 && c.is_alphabetic())?;
                return Some(Marker::Letter(close));
            }
        }
        _ => {}
    }
    list_marker_trimmed(line)
}

/// [`list_marker`] read from the trimmed line: what it reads for a line
/// opening with white space past ASCII, or with nothing (and the plain
/// reading it is tested against).
#[inline(never)]
fn list_marker_trimmed(line: &str) -> Option<Marker> {
    let l = line.trim_start();
    if l.starts_with(['-', '+', '•', '–', '*', '>']) {
        return Some(Marker::Bullet);
    }
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    let (lead, digit) = if digits > 0 {
        (digits, true)
    } else {
        (
            l.chars().next().filter(|c| c.is_alphabetic()).map_or(0, char::len_utf8),
            false,
        )
    };
    let close = l[lead..]
        .bytes()
        .next()
        .filter(|&c| lead > 0 && lead <= 3 && matches!(c, b'.' | b')'))?;
    Some(if digit {
        Marker::Number(close)
    } else {
        Marker::Letter(close)
    })
}

/// Does a line start a list item: a bullet, or a number or letter and `.`
/// or `)` (`1.`, `a)`, `2)`)?
pub(in crate::cite) fn is_list_item(line: &str) -> bool {
    list_marker(line).is_some()
}

/// A heading: a line whose letters are all capitals (`CĂN CỨ PHÁP LÝ`,
/// `I. MỤC ĐÍCH`).
pub(super) fn is_heading(line: &str) -> bool {
    // (A byte at a time first: an ASCII lower-case letter says no.)
    if line.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        // (Four are enough: no more are counted.)
        if letters < 4 && c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 4
}

/// A heading that opens a basis block: `CĂN CỨ PHÁP LÝ`, `CĂN CỨ PHÁP
/// LUẬT`, `CƠ SỞ PHÁP LÝ`, `Căn cứ:`, `Căn cứ pháp lý:` (numbering and
/// markup before it allowed).
pub(super) fn is_basis_heading(line: &str) -> bool {
    // (Such a line ends with `:` or with the last letter of `căn cứ`, `pháp
    // lý` or `pháp luật`, perhaps a combining mark after it: a line ending
    // otherwise, as most do, is settled by its last character.)
    let last = line.trim_end().chars().next_back();
    if !last.is_some_and(|c| c == ':' || matches!(fold_char(c), 'u' | 'y' | 't' | '\u{0}')) {
        return false;
    }
    let l =
        unbulleted(line).trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | 'I' | 'V' | 'X'));
    let l = l.trim();
    let Some(n) = starts_with_folded(l, "can cu").or_else(|| starts_with_folded(l, "co so phap ly")) else {
        return false;
    };
    let rest = l[n..].trim_start();
    let rest = ["phap ly", "phap luat"]
        .iter()
        .find_map(|w| starts_with_folded(rest, w).map(|k| &rest[k..]))
        .unwrap_or(rest)
        .trim();
    rest.is_empty() || rest == ":"
}

/// Where the clause of a citation on the line starting at `ls` may start:
/// the lines before too when the text is hard-wrapped (each has text and
/// ends with no `.`, `;`, `:`, `!` or `?`, and the line after it is no list
/// item and goes on a sentence: it opens in lower case, or with the
/// citation), up to [`CUE_WINDOW`] bytes back.
pub(super) fn wrapped_floor(norm: &str, lines: &LineIndex, line: usize, ls: usize) -> usize {
    let text = norm[ls..].trim_start();
    let first = text.chars().next();
    if first.is_some_and(|c| c.is_uppercase())
        && !crate::cite::types::starts_citation(text)
        && !continues_pinpoints(text)
    {
        return ls;
    }
    let mut floor = ls;
    let mut l = line;
    while l >= 2 && ls - floor < CUE_WINDOW && !is_list_item(&norm[floor..]) && !norm[floor..].starts_with('|') {
        let (ps, pe) = lines.line_range(norm, l - 1);
        let prev = norm[ps..pe].trim_end();
        let head = unbulleted(prev);
        // Not a finished line, a table row, a heading, an article's title
        // (`Điều 1. Đánh giá …`; unless its sentence goes on in lower case:
        // `Điều 1. Bãi bỏ toàn bộ … ban⏎hành sau đây:`) or a list of titles
        // (this line and the one before opening with a citation, as a
        // website lists related documents).
        let titles = || {
            crate::cite::types::starts_citation(head) && crate::cite::types::starts_citation(unbulleted(&norm[floor..]))
        };
        let goes_on = norm[floor..].trim_start().starts_with(char::is_lowercase);
        let article = starts_with_folded(head, "dieu ").and_then(|k| {
            let rest = &head[k..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (digits > 0).then(|| rest[digits..].starts_with('.'))
        });
        if prev.trim_start().is_empty()
            || prev.ends_with(['.', ';', ':', '!', '?', '|'])
            || is_heading(prev)
            || article.is_some_and(|title| !(title && goes_on))
            || titles()
        {
            break;
        }
        floor = ps;
        l -= 1;
    }
    floor
}

/// Does a line open with an article's number that is no article's title
/// (`Điều 12, khoản 4 Điều 17 …`, a list of provisions wrapped at the line;
/// not `Điều 12. Hiệu lực thi hành`)?
pub(super) fn continues_pinpoints(line: &str) -> bool {
    let Some(k) = starts_with_folded(line, "dieu ") else {
        return false;
    };
    let rest = &line[k..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && rest[digits..].starts_with([',', ' ']) && !rest[digits..].trim_start().starts_with(['.', ':'])
}

/// Only bullets, numbering, markup and spaces (no letter) in a folded
/// text?
pub(super) fn clause_initial_folded(before: &str) -> bool {
    !before.bytes().any(|c| c.is_ascii_alphabetic())
}

/// The rest of a sentence from `s` on (at most 400 bytes), to a `;`, a
/// bracket, or a line break that ends it: not a hard wrap, where the line
/// goes on in lower case (`2. Thông tư số … của Bộ⏎trưởng … quy định mức
/// điều chỉnh …⏎hết hiệu lực …`).
pub(super) fn sentence_ahead(s: &str) -> &str {
    let s = prefix(s, 400);
    let mut from = 0;
    loop {
        // (Its stops are ASCII: a byte at a time.)
        let stop = |c: &u8| matches!(c, b';' | b'[' | b']' | b'\n');
        let Some(k) = s.as_bytes()[from..].iter().position(stop).map(|k| from + k) else {
            return s;
        };
        if s.as_bytes()[k] == b'\n' {
            let before = s[..k].trim_end();
            let next = s[k + 1..].trim_start_matches([' ', '\t']);
            let ends = before.ends_with(['.', ':', ';', ',']);
            let first = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let lower = first.starts_with(char::is_lowercase) && !next[first.len()..].starts_with([')', '.']);
            if !ends && lower {
                from = k + 1;
                continue;
            }
        }
        return &s[..k];
    }
}

/// Does the text between a line's start and a citation only open a list
/// item (its bullet or number, and at most four words, not counting a
/// pinpoint: `c) Khoản 2, 3, 4, 5 Điều 27 Nghị định số …`)?
pub(super) fn opens_item(before: &str) -> bool {
    before
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| c.is_ascii_punctuation());
            let mut chars = w.chars();
            let label = w.is_empty()
                || w.bytes().all(|c| c.is_ascii_digit() || c == b'.')
                || (chars.next().is_some() && chars.next().is_none());
            !label
                && !matches!(
                    &*w.to_lowercase(),
                    "khoản" | "điều" | "điểm" | "mục" | "chương" | "tiết" | "phần" | "và"
                )
        })
        // (At most four: the fifth word ends the count.)
        .nth(4)
        .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`list_marker`], read a byte at a time where the line opens with
    /// ASCII or with a character past it that is no white space, gives
    /// what reading the trimmed line gives: on every line of the fixtures
    /// and (every 5th) the docs corpus when beside the repository, on
    /// each with its first bytes cut off, and on edge cases (bullets,
    /// letters of two, three and four bytes, white space past ASCII).
    #[test]
    fn ok_list_marker_same_as_trimmed() {
        let (mut lines, mut marked) = (0, 0);
        for (path, text) in crate::test_texts::texts() {
            let step = if path.to_string_lossy().contains("/fixtures/") {
                1
            } else {
                5
            };
            for line in text.lines().step_by(step) {
                for cut in [0, 1, 2, 3] {
                    let Some(l) = line.get(cut..) else { continue };
                    let want = list_marker_trimmed(l);
                    assert_eq!(list_marker(l), want, "{l:?}");
                    marked += usize::from(want.is_some());
                }
                lines += 1;
            }
        }
        assert!(lines > 100 && marked > 10, "{lines} lines, {marked} marked");
        for l in [
            "",
            " ",
            "-",
            "- x",
            "•",
            " • a",
            "– b",
            "—",
            "* a",
            "> q",
            "+1",
            "a)",
            "a.",
            "ab.",
            "Đ.",
            "Đ) x",
            "đ)",
            "Ư.",
            "ẫ)",
            "Ẫ. x",
            "𝐀.",
            "𝐀)",
            "漢.",
            "×.",
            "“a.",
            "\u{a0}a)",
            "\u{a0}1.",
            "\u{a0}-",
            "\u{2003}•",
            "\u{a0}",
            " \u{85}b)",
            "\u{1c}a)",
            "\t\u{b}1)",
            "1234.",
            "12)",
            "Ⅳ.",
            "ª)",
            "\u{301}.",
            "\u{0}a)",
        ] {
            assert_eq!(list_marker(l), list_marker_trimmed(l), "{l:?}");
        }
    }
}
