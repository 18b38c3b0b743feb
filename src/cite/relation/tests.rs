//! Unit tests of the relation stage.

use super::lines::{list_marker, Marker};
use super::*;
use crate::cite::share::is_list_join;

/// The byte-level reading of a line's list marker gives what reading
/// its characters gives.
#[test]
fn ok_list_marker_bytes_same_as_chars() {
    fn by_chars(line: &str) -> Option<Marker> {
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
    let lines = [
        "",
        "  ",
        "1. Luật",
        "12) a",
        "123. x",
        "1234. x",
        "a) Nghị định",
        "B. Mục",
        "ab) x",
        " \t 2.",
        "\u{a0}3.",
        "đ) Quyết định",
        "Đ. x",
        "- x",
        "  + y",
        "• z",
        "– w",
        "* v",
        "> u",
        "| 1. |",
        "#1.",
        "1",
        "a",
        "9)",
        "x.",
        "\u{2003}b)",
        "_a)",
        "1a)",
        "Căn cứ",
        "\r\n4.",
    ];
    for l in lines {
        assert_eq!(list_marker(l), by_chars(l), "{l:?}");
        // (Its line trimmed or not: the same marker.)
        for t in [format!("{l} "), format!("{l}\u{a0}\t"), format!("\u{2003}{l}  ")] {
            assert_eq!(list_marker(&t), list_marker(crate::text::trim(&t)), "{t:?}");
        }
    }
}

/// [`list_marker`] of a line gives what it gives of the line trimmed, and
/// [`closes_bracket`] read a byte at a time what reading the characters
/// gives: on every 5th line of the fixtures and the corpus (when beside
/// the repository), and on every tail of each (every 7th character).
#[test]
fn ok_untrimmed_marker_and_bracket_bytes_same() {
    let by_chars = |s: &str| {
        let mut depth = 0i32;
        s.chars().any(|c| {
            depth += match c {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            depth < 0
        })
    };
    let (mut lines, mut closed) = (0, 0);
    for (_, text) in crate::test_texts::texts() {
        for line in text.lines().step_by(5) {
            assert_eq!(list_marker(line), list_marker(crate::text::trim(line)), "{line:?}");
            for (k, _) in line.char_indices().step_by(7) {
                let t = &line[k..];
                assert_eq!(closes_bracket(t), by_chars(t), "{t:?}");
                closed += usize::from(by_chars(t));
            }
            lines += 1;
        }
    }
    assert!(lines > 100 && closed > 0, "{lines} lines, {closed} closing");
}

/// The byte test before the fold changes no answer of the glue and list
/// checks: on glue in any case and with diacritics, and on gaps with one
/// ASCII letter, digit or sign outside the glue words.
#[test]
fn ok_glue_byte_test_same_as_fold() {
    let glue_plain = |g: &str| {
        fold(g)
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.' | '&'))
            .all(|w| matches!(w, "" | "va" | "cac" | "hoac" | "cung" | "nhu"))
    };
    let join_plain = |g: &str| {
        matches!(
            fold(g.trim()).as_str(),
            "va" | "," | ", va" | "hoac" | "va cac" | ", cac"
        )
    };
    let gaps = [
        "",
        " ",
        ", ",
        " và ",
        ", và ",
        "; VÀ CÁC ",
        " hoặc ",
        "(cùng)",
        " như ",
        "\u{0}và",
        "Và\u{b}các",
        " va cac ",
        " và các Bộ ",
        " và 5 ",
        " của ",
        " - ",
        " và/hoặc ",
        " Hoặc ",
        ", CÁC ",
        " vàx ",
        " ngày ",
        "\tvà\n",
        " cung nhu ",
        " Hoac ",
        " & ",
        " &amp ",
    ];
    for g in gaps {
        assert_eq!(is_glue(g), glue_plain(g), "is_glue {g:?}");
        assert_eq!(is_list_join(g), join_plain(g), "is_list_join {g:?}");
    }
    assert!(is_glue(" và các ") && is_list_join(" Và các ") && !is_glue(" và các Bộ "));
    assert!(is_glue(" & ") && !is_glue(" &amp "));
}

/// Only `:` folds to `:` and only `/` to `/`: a stamp's or a page header's
/// words (which hold one) are looked for only where the raw line has one.
#[test]
fn ok_only_colon_and_slash_fold_to_them() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let f = crate::normalize::fold_char(c);
        assert!(!matches!(f, ':' | '/') || f == c, "{c:?} folds to {f:?}");
    }
}

proptest::proptest! {
    /// A line's trim and its opening `#`, read from its first and last
    /// bytes when they allow, are what `str::trim` reads.
    #[test]
    fn prop_trim_and_hash_bytes_same_as_chars(line in "[ \\t\\r\\u{0b}\\u{0c}\\u{a0}\\u{3000}#*|>_=+a1Đ–-]{0,12}") {
        proptest::prop_assert_eq!(crate::text::trim(&line), line.trim());
        // (The bytes `Heads::read` skips before a line's text.)
        let skipped = |c: &u8| matches!(c, b' ' | b'\t' | b'\r' | b'-' | b'+' | b'*' | b'>' | b'|' | b'#' | b'_' | b'=');
        if let Some(k) = line.bytes().position(|c| !skipped(&c)) {
            proptest::prop_assert_eq!(super::heads::opens_with_hash(&line, k), line.trim_start().starts_with('#'));
        }
    }

    /// Groups dropped span by span are what dropping them a character at
    /// a time gives, for brackets and for curly quotes.
    #[test]
    fn prop_without_groups_same_as_by_chars(s in "[()“”a ,Đ1]{0,16}") {
        use super::lines::{without_groups, without_groups_by_chars};
        proptest::prop_assert_eq!(without_groups(&s, '(', ')'), without_groups_by_chars(&s, '(', ')'));
        proptest::prop_assert_eq!(without_groups(&s, '“', '”'), without_groups_by_chars(&s, '“', '”'));
    }
}

#[test]
fn ok_in_quoted_phrase_finds_the_last_opening_quote() {
    use super::clause::in_quoted_phrase;
    assert!(in_quoted_phrase("Sửa đổi cụm từ “theo Thông tư số "));
    assert!(in_quoted_phrase("Thay cụm từ “a” thành “Thông tư số "));
    assert!(in_quoted_phrase("cụm từ: “x Ŝ "));
    assert!(!in_quoted_phrase("Sửa đổi cụm từ “a” bằng Ŝ "));
    assert!(!in_quoted_phrase("Thực hiện “Kế hoạch "));
    assert!(!in_quoted_phrase("cụm từ Ŝ "));
    assert!(!in_quoted_phrase(""));
}

#[test]
fn ok_is_heading_reads_every_letter_for_case() {
    use super::lines::is_heading;
    assert!(is_heading("CĂN CỨ PHÁP LÝ"));
    assert!(is_heading("I. MỤC ĐÍCH"));
    assert!(is_heading("ĐẶT Ư"));
    assert!(!is_heading("ĐẶT"));
    assert!(!is_heading("CĂN CỨ pháp"));
    // (A lower-case letter past the fourth still says no.)
    assert!(!is_heading("CĂN CỨ PHÁP LÝ ư"));
    assert!(!is_heading("12/2024/QĐ"));
}

#[test]
fn ok_sentence_ahead_stops_where_the_sentence_does() {
    use super::lines::sentence_ahead;
    assert_eq!(sentence_ahead(" ngày 5 tháng 3; Luật"), " ngày 5 tháng 3");
    assert_eq!(
        sentence_ahead(" của Bộ\ntrưởng hết hiệu lực [1]"),
        " của Bộ\ntrưởng hết hiệu lực "
    );
    assert_eq!(sentence_ahead(" của Bộ.\ntrưởng"), " của Bộ.");
    assert_eq!(sentence_ahead(" (Đã hết hiệu lực] x"), " (Đã hết hiệu lực");
    assert_eq!(sentence_ahead(" hết hiệu lực"), " hết hiệu lực");
}

/// A basis heading is settled by its last character only when that cannot
/// end one: headings ending in each keyword's last letter (a combining mark
/// after it too) or in `:`, with markup and numbering before, are read;
/// lines ending otherwise are not.
#[test]
fn ok_basis_heading_by_its_last_character() {
    use super::lines::is_basis_heading;
    for yes in [
        "CĂN CỨ PHÁP LÝ",
        "Căn cứ:",
        "  II. CƠ SỞ PHÁP LÝ  ",
        "- Căn cứ pháp luật",
        "Căn cứ",
        "Căn cư\u{301}",
        "CĂN CỨ PHÁP LY\u{301}\t",
    ] {
        assert!(is_basis_heading(yes), "{yes:?}");
    }
    for no in [
        "Căn cứ Luật số 7/2031/QH19;",
        "Căn cứ:**",
        "**Căn cứ**",
        "Căn cứ pháp lý.",
        "Cơ quan ban hành",
        "",
    ] {
        assert!(!is_basis_heading(no), "{no:?}");
    }
}

/// [`lapses_ahead`], the 400 bytes tested for `hiệu lực` before the
/// sentence is read, gives what reading the sentence gives: after each
/// type word of the fixtures and the docs corpus (when beside the
/// repository), at the next eight words' starts on its line (every 8th
/// type word), and on edge cases (`hết hiệu lực` past 400 bytes, past a
/// `. `, wrapped, upper case, stripped).
#[test]
fn ok_lapses_ahead_same_as_sentence() {
    let (scanner, _) = crate::cite::types::type_regex();
    let (mut places, mut yes) = (0, 0);
    for (_, text) in crate::test_texts::texts() {
        for (n, (_, e, _)) in scanner.find_all(&text).into_iter().enumerate() {
            if n % 8 != 0 {
                continue;
            }
            let line = &text[e..text[e..].find('\n').map_or(text.len(), |k| e + k)];
            for (k, _) in line.char_indices().filter(|&(k, _)| line[..k].ends_with(' ')).take(8) {
                let after = &text[e + k..];
                let want = lapses_in_sentence(after);
                assert_eq!(lapses_ahead(after), want, "{:?}", prefix(after, 120));
                places += 1;
                yes += usize::from(want);
            }
        }
    }
    let long = format!("ban hành {} hết hiệu lực", "x ".repeat(220));
    for s in [
        "",
        " hết hiệu lực.",
        " HẾT HIỆU LỰC kể từ ngày",
        " ban hành ngày 01/01/2020 hết hieu luc",
        " của Bộ⏎trưởng quy định mức thu⏎hết hiệu lực",
        " quy định. Nay hết hiệu lực",
        " (hết hiệu lực) có hiệu lực thi hành",
        " Hiệu lực thi hành",
        long.as_str(),
    ] {
        let s = s.replace('⏎', "\n");
        assert_eq!(lapses_ahead(&s), lapses_in_sentence(&s), "{s:?}");
    }
    assert!(lapses_ahead(" hết hiệu lực kể từ ngày"));
    assert!(places > 100 && yes > 0, "{places} places, {yes} lapse");
}

/// [`line_from`] gives the line the binary search gives: at every 7th
/// offset of the fixtures and (every 5th text) of the corpus, from the
/// line before asked (none, that line, a line or two before or after it,
/// the first and the last), and at both ends of a text.
#[test]
fn ok_line_from_same_as_search() {
    let mut asked = 0;
    for text in crate::test_texts::sampled(5) {
        let lines = LineIndex::new(&text);
        let n = lines.starts().len();
        for at in (0..=text.len()).step_by(7).chain([0, text.len()]) {
            let want = lines.line(at);
            for last in [
                0,
                1,
                want.saturating_sub(2),
                want.saturating_sub(1),
                want,
                want + 1,
                want + 2,
                n,
                n + 1,
            ] {
                assert_eq!(line_from(&lines, last, at), want, "offset {at} from line {last}");
                asked += 1;
            }
        }
    }
    assert!(asked > 10_000, "only {asked} asked");
    for text in ["", "\n", "a", "a\n", "\n\n\nb\n", "ab\ncd"] {
        let lines = LineIndex::new(text);
        for at in 0..=text.len() + 1 {
            for last in 0..6 {
                assert_eq!(
                    line_from(&lines, last, at),
                    lines.line(at),
                    "{text:?} at {at} from {last}"
                );
            }
        }
    }
}
