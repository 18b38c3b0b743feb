//! Annex tables in PDF text, linearised one cell a line (as pdftotext gives
//! them): a header row of column titles, one a line and each wrapped
//! (`TT`, `Tên nhiệm vụ`, `Cơ quan ⏎chủ trì`, …, `Căn cứ ⏎bổ sung`), then
//! the rows, each its number on a line (`1  `, or `13  Xây dựng …` with
//! its first cell's first words) and its cells, each wrapped over lines.
//! The header is printed again on each page; a row a page break cuts goes
//! on under it. An empty cell is a blank line.
//!
//! When the last column is a `Căn cứ` column (`Căn cứ`, `Căn cứ bổ sung`,
//! `Căn cứ pháp lý`), the documents of each row's last cell (the run of
//! citations that ends the row, right before the next row's number, a
//! page break or the page's footnotes) are the basis of the row, and so
//! are those ending each sub-row of a row whose first cells span several
//! sets of the others; the column's title is no `Căn cứ` cue for the cells
//! after it, and the cues of a row's other cells stay in their row.

use super::relation::is_glue;
use super::Found;
use crate::normalize::{fold, fold_char};
use crate::text::LineIndex;

/// The rows of the linearised tables whose last column is `Căn cứ …`.
#[derive(Debug, Default)]
pub(super) struct PdfTables {
    /// Each row: where its cells start (after its number's line) and end,
    /// in text order.
    rows: Vec<(usize, usize)>,
}

/// The widest line of a sub-row's `Căn cứ` cell (see [`PdfTables::in_row`]):
/// a narrow column's, not a task's wide one.
const NARROW: usize = 20;

/// What a row says of a citation in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InRow {
    /// In the row's last cell, the `Căn cứ` column: `basis`.
    Basis,
    /// In another cell: its clause starts no earlier than the row's cells.
    Cell { start: usize },
}

/// The text of line `l`, trimmed.
fn line_text<'a>(norm: &'a str, lines: &LineIndex, l: usize) -> &'a str {
    let (a, b) = lines.line_range(norm, l);
    norm[a..b].trim()
}

/// May the line starting at byte `start` of `b`, trimmed, start with `C`
/// or `c`? Its first byte past ASCII whitespace (as `str::trim` reads it:
/// tab to carriage return, space; a line feed ends the line) is `C`, `c` or
/// the lead byte of another white space character (U+0085 and U+00A0: C2;
/// U+1680: E1; U+2000 to U+205F: E2; U+3000: E3), which only the full trim
/// reads: no other line does. (A lone carriage return ending a line is
/// read past: the next line's byte then answers, which only lets through a
/// line the full test turns down.)
/// (Each byte's class read from [`LEAD`], a load for each line.)
#[inline]
fn may_open_with_c(b: &[u8], start: usize) -> bool {
    let mut k = start;
    while let Some(&c) = b.get(k) {
        match LEAD[usize::from(c)] {
            OPENS => return true,
            SPACE => k += 1,
            _ => return false,
        }
    }
    false
}

/// The class of each byte for [`may_open_with_c`]: [`OPENS`] (`C`, `c`,
/// and the lead bytes of the other white space characters), [`SPACE`]
/// (ASCII white space but the line feed), 0 for any other.
const LEAD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match c as u8 {
            b'C' | b'c' | 0xC2 | 0xE1..=0xE3 => OPENS,
            b' ' | b'\t' | 0x0B | 0x0C | b'\r' => SPACE,
            _ => 0,
        };
        c += 1;
    }
    t
};
/// See [`LEAD`].
const OPENS: u8 = 1;
/// See [`LEAD`].
const SPACE: u8 = 2;

/// A row's number alone on its line (`12  `): the number.
fn row_number(line: &str) -> Option<u32> {
    (!line.is_empty() && line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit()))
        .then(|| line.parse().ok())
        .flatten()
}

// RowOpening ::= Digit{1,3} (Sp{2,} Text)?
/// A row's number opening its line: alone (`12  `), or with its first
/// cell's first words on the line, two spaces or more after it (`13  Xây
/// dựng, hoàn thiện …`; a page's footnote has one: `13 Các điều …`). The
/// number, and the offset in `line` where the cell's text starts (`None`
/// when the number is alone).
fn row_opening(line: &str) -> Option<(u32, Option<usize>)> {
    if let Some(n) = row_number(line) {
        return Some((n, None));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !line[digits..].starts_with("  ") {
        return None;
    }
    let text = digits + (line.len() - digits - line[digits..].trim_start().len());
    Some((line[..digits].parse().ok()?, Some(text)))
}

/// A column title `Căn cứ`, `Căn cứ bổ sung`, `Căn cứ pháp lý`, `Căn cứ
/// ban hành` (folded, on one line).
fn basis_title(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix("can cu") else {
        return false;
    };
    matches!(rest.trim(), "" | "bo sung" | "phap ly" | "phap luat" | "ban hanh")
}

/// Does [`fold`] of `text` start with `prefix` (folded: lower-case ASCII
/// letters and single spaces)? Read a character at a time, as `fold` writes
/// them (white space runs one space before the next character written, a
/// character folding to NUL none), up to the end of `prefix` only: a line
/// that is no `Căn cứ` title is turned down on its first characters,
/// without folding all of it.
fn folds_with_prefix(text: &str, prefix: &str) -> bool {
    let want = prefix.as_bytes();
    let mut k = 0;
    let mut space = false;
    for c in text.chars() {
        if k == want.len() {
            return true;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let f = fold_char(c);
        if f == '\u{0}' {
            continue;
        }
        if space && k > 0 {
            if want[k] != b' ' {
                return false;
            }
            k += 1;
            if k == want.len() {
                return true;
            }
        }
        space = false;
        if !f.is_ascii() || want[k] != f as u8 {
            return false;
        }
        k += 1;
    }
    k == want.len()
}

/// The rest of a column title wrapped to the next line (`bổ sung`, `pháp
/// lý`, `ban hành`).
fn title_rest(folded: &str) -> bool {
    matches!(folded, "bo sung" | "phap ly" | "phap luat" | "ban hanh")
}

/// Page furniture or a page's end between rows: a blank line, a rule, the
/// gazette's page header (`CÔNG BÁO/Số …`), a footnote (`1 Nghị quyết số
/// …`: a number, a space and text), a digital signature's stamp.
fn page_noise(line: &str) -> bool {
    if line.is_empty() || line.chars().all(|c| matches!(c, '_' | '-' | '–' | '=' | '.' | ' ')) {
        return true;
    }
    if footnote_text(line).is_some() {
        return true;
    }
    let f = fold(super::lex::prefix(line, 24));
    f.starts_with("cong bao/") || f.starts_with("cong bao so") || is_stamp(&f)
}

// Footnote ::= Digit{1,3} Sp+ Capital Text
/// A page's footnote opening `line` (`1 Nghị quyết số …`, `13 Các điều 2,
/// 3 của …`: its number, a space and a capital): its text.
pub(super) fn footnote_text(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !line[digits..].starts_with(' ') {
        return None;
    }
    let text = line[digits..].trim_start();
    text.starts_with(char::is_uppercase).then_some(text)
}

/// A line of a digital signature's stamp (folded): `Người ký:`, `Ký bởi:`,
/// `Email:`, `Cơ quan:`, `Thời gian ký:`, `Ngày ký:`.
pub(super) fn is_stamp(folded: &str) -> bool {
    [
        "nguoi ky:",
        "ky boi:",
        "email:",
        "co quan:",
        "thoi gian ky:",
        "ngay ky:",
    ]
    .iter()
    .any(|w| folded.starts_with(w))
}

impl PdfTables {
    /// Read the tables of `norm` (one pass over the lines that may hold a
    /// `Căn cứ` title, then over each table's lines) whose title's line
    /// starts at `until` or before: the rows of a table titled after it
    /// start after it, and [`PdfTables::in_row`] finds none of them for a
    /// citation starting there or before (`until`: where the last one
    /// starts). The lines after it are not read for a title.
    pub(super) fn read(norm: &str, lines: &LineIndex, until: usize) -> PdfTables {
        let mut rows = Vec::new();
        let starts = lines.starts();
        // (The lines whose start is `until` or before.)
        let n = starts.partition_point(|&s| s <= until);
        let mut l = 1;
        while l <= n {
            // (A byte test first, before trimming: past ASCII spaces, `C`;
            // most lines end here, in one search over the lines' starts.)
            match starts[l - 1..n]
                .iter()
                .position(|&s| may_open_with_c(norm.as_bytes(), s))
            {
                Some(k) => l += k,
                None => break,
            }
            let text = line_text(norm, lines, l);
            // (A title folds to `can cu…`: tested on the first characters
            // before the line is folded.)
            if !text.starts_with(['C', 'c'])
                || text.len() > 24
                || !folds_with_prefix(text, "can cu")
                || !basis_title(&fold(text))
            {
                l += 1;
                continue;
            }
            match Self::header_end(norm, lines, l) {
                Some(first) => l = Self::read_rows(norm, lines, first, &mut rows),
                None => l += 1,
            }
        }
        PdfTables { rows }
    }

    /// After a `Căn cứ` title on line `l`: the line of the first row's
    /// number, when the title ends the header (the next line, or the one
    /// after its wrapped rest, is a row's number) and a `TT`/`STT` title
    /// opens it in the lines before.
    fn header_end(norm: &str, lines: &LineIndex, l: usize) -> Option<usize> {
        let n = lines.starts().len();
        let mut k = l + 1;
        if k <= n && title_rest(&fold(line_text(norm, lines, k))) {
            k += 1;
        }
        while k <= n && line_text(norm, lines, k).is_empty() {
            k += 1;
        }
        row_opening(line_text(norm, lines, k.min(n)))?;
        let opened =
            (l.saturating_sub(14).max(1)..l).any(|p| matches!(fold(line_text(norm, lines, p)).as_str(), "tt" | "stt"));
        opened.then_some(k)
    }

    /// Read the rows from line `first` (a row's number) on, into `rows`:
    /// rows numbered one after another, across page breaks and repeated
    /// headers; the line after the table.
    fn read_rows(norm: &str, lines: &LineIndex, first: usize, rows: &mut Vec<(usize, usize)>) -> usize {
        let n = lines.starts().len();
        let Some((mut expected, _)) = row_opening(line_text(norm, lines, first)) else {
            return first + 1;
        };
        // The open row's start, and the lines since the last row closed.
        let mut open: Option<usize> = None;
        // A row cut by a page break, waiting for the header printed again
        // on the next page: its cells go on after the header.
        let mut cut = false;
        let mut idle = 0;
        let mut l = first;
        while l <= n {
            let text = line_text(norm, lines, l);
            let (ls, le) = lines.line_range(norm, l);
            let opening = row_opening(text).filter(|&(k, _)| k == expected);
            if let Some((_, cell)) = opening {
                if let Some(s) = open.take() {
                    rows.push((s, ls));
                }
                expected += 1;
                open = Some(match cell {
                    // (`text` is the line trimmed: past its leading
                    // spaces.)
                    Some(k) => ls + (norm[ls..le].len() - norm[ls..le].trim_start().len()) + k,
                    None => lines.line_range(norm, l + 1).0,
                });
                cut = false;
                idle = 0;
            } else if text.is_empty() {
                // (A blank line: an empty cell, or the gap before a page's
                // footnotes, whose first line ends the row.)
            } else if page_noise(text) {
                if let Some(s) = open.take() {
                    rows.push((s, ls));
                    cut = true;
                }
            } else if open.is_none() && cut && text.len() <= 24 && basis_title(&fold(text)) {
                // The header again, ending with the `Căn cứ` title (and
                // its wrapped rest): the cut row's cells go on after it,
                // unless the next row opens there.
                let mut k = l + 1;
                if k <= n && title_rest(&fold(line_text(norm, lines, k))) {
                    k += 1;
                }
                cut = false;
                if k <= n && row_opening(line_text(norm, lines, k)).is_none_or(|(r, _)| r != expected) {
                    open = Some(lines.line_range(norm, k).0);
                    idle = 0;
                    l = k;
                    continue;
                }
            } else if open.is_none() {
                idle += 1;
                // (The page's footnotes and the header printed again come
                // between; a long run of other lines: the table ended.)
                if idle > 40 {
                    return l;
                }
            }
            l += 1;
        }
        if let Some(s) = open {
            rows.push((s, norm.len()));
        }
        l
    }

    /// Is there any row?
    pub(super) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// What the row holding citation `i` says of it, if one does.
    pub(super) fn in_row(&self, norm: &str, found: &[Found], i: usize) -> Option<InRow> {
        let f = &found[i];
        let k = self.rows.partition_point(|&(s, _)| s <= f.start);
        let &(start, end) = self.rows.get(k.checked_sub(1)?)?;
        if f.start >= end {
            return None;
        }
        // The run of citations that ends the row: nothing after the last
        // but its footnote marker and punctuation; glue between them; the
        // first opening its line (a cell of its own).
        let ends_row = |j: usize| {
            let g = &found[j];
            let from = g.tail.max(g.end).min(end);
            norm[from..end]
                .chars()
                .all(|c| c.is_whitespace() || c.is_ascii_digit() || matches!(c, '.' | ',' | ';' | ')'))
        };
        // Or the run that ends a sub-row (a row whose first cells span
        // several sets of the others, each ending in its `Căn cứ` cell): its
        // last line ends with it and the next line opens a cell (a
        // capital); below, it opens its line and its lines are narrow (no
        // wider than [`NARROW`]).
        let ends_sub_row = |j: usize| {
            let g = &found[j];
            let from = g.tail.max(g.end).min(end);
            let eol = norm[from..end].find('\n').map_or(end, |k| from + k);
            let rest = norm[eol..end].trim_start();
            norm[from..eol].chars().all(|c| c.is_whitespace() || c.is_ascii_digit())
                && rest.starts_with(char::is_uppercase)
        };
        let mut j = i;
        let mut sub_row = false;
        while !ends_row(j) {
            let next = found.get(j + 1).filter(|g| g.start < end);
            let gap = next.map(|n| &norm[found[j].tail.max(found[j].end).min(n.start)..n.start]);
            if gap.is_some_and(|gap| is_glue(gap.trim_start_matches(|c: char| c.is_ascii_digit()))) {
                j += 1;
                continue;
            }
            if ends_sub_row(j) {
                sub_row = true;
                break;
            }
            return Some(InRow::Cell { start });
        }
        // Back to the run's first citation: it opens its line.
        let mut first = i;
        while first > 0 && found[first - 1].start >= start {
            let p = &found[first - 1];
            let gap = &norm[p.tail.max(p.end).min(found[first].start)..found[first].start];
            if !is_glue(gap.trim_start_matches(|c: char| c.is_ascii_digit())) {
                break;
            }
            first -= 1;
        }
        let fs = found[first].start;
        // (The line's start, looked for in the row only: linear on one long
        // line.)
        let from = start.min(fs);
        let line_start = norm[from..fs].rfind('\n').map_or(from, |k| from + k + 1);
        let narrow = || {
            let g = &found[j];
            norm[line_start..g.tail.max(g.end).min(end)]
                .lines()
                .all(|l| l.trim().chars().count() <= NARROW)
        };
        if norm[line_start..fs].trim().is_empty() && (!sub_row || narrow()) {
            Some(InRow::Basis)
        } else {
            Some(InRow::Cell { start })
        }
    }
}

/// A page's footnote in PDF text restating a citation its marker is glued
/// to (`… Nghị quyết số 66-NQ/TW1` in the text, the marker cut off the
/// symbol, and at the page's end `1 Nghị quyết số 66-NQ/TW ngày … của Bộ
/// Chính trị …`): citation `i` opens a line after the marker's number, and
/// the last citation before it with the same symbol and that number glued
/// after its symbol is the one restated (`line_start`: the start of `i`'s
/// line).
pub(super) fn restated(norm: &str, found: &[Found], i: usize, line_start: usize) -> Option<usize> {
    let f = &found[i];
    f.symbol.as_ref()?;
    let lead = norm[line_start..f.start].trim();
    if lead.is_empty() || lead.len() > 3 || !lead.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    (0..i)
        .rev()
        .take_while(|&j| found[j].start + 8000 > f.start)
        .filter(|&j| found[j].symbol == f.symbol)
        .find(|&j| {
            let Some((_, e)) = found[j].symbol_range else {
                return false;
            };
            let after = &norm[e..];
            after.starts_with(lead) && !after[lead.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '/')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`folds_with_prefix`] says what [`fold`] then `starts_with` says: on
    /// every line of the fixtures and the corpus, and on edge cases (white
    /// space and marks between the letters, a NUL, a prefix ending the
    /// text, a text ending in white space).
    #[test]
    fn ok_prefix_test_same_as_fold() {
        let check = |t: &str| {
            for p in ["can cu", "can"] {
                assert_eq!(folds_with_prefix(t, p), fold(t).starts_with(p), "{t:?} {p:?}");
            }
        };
        let mut n = 0;
        for (_, text) in crate::test_texts::texts() {
            let norm = crate::normalize::normalize(&text);
            for t in text.lines().chain(norm.text().lines()) {
                check(t);
                check(t.trim());
                n += 1;
            }
        }
        assert!(n > 1000, "only {n} lines");
        for t in [
            "Căn cứ",
            "CĂN CỨ",
            "Ca\u{306}n cu\u{301}",
            "Can  cu",
            "Can\tcu",
            "Can\u{a0}cu",
            "Can\u{2003}cu",
            "Cancu",
            "Can",
            "Can ",
            "Ca n cu",
            "C\u{0}an cu",
            "\u{301}Can cu",
            " Can cu",
            "Căn cứ pháp lý",
            "Can cu:",
            "Can-cu",
            "Cần cẩu",
            "Công",
            "ca",
            "can c",
            "can cu",
            "can cuu",
            "CAN\u{85}CU",
            "Ｃan cu",
            "Çan cu",
            "Căn\u{300} cứ",
        ] {
            for p in ["can cu", "can", "c", "", "can cu ", "tt", "t t"] {
                assert_eq!(folds_with_prefix(t, p), fold(t).starts_with(p), "{t:?} {p:?}");
            }
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            check(&format!("C{c}n cu"));
            check(&format!("Can{c}cu"));
        }
    }

    /// The byte test, read from its table, says what the byte matches it
    /// was first written with say: on every pair of bytes (the first
    /// white space or not).
    #[test]
    fn ok_line_test_table_same_as_matches() {
        let plain = |b: &[u8]| {
            for &c in b {
                match c {
                    b'C' | b'c' | 0xC2 | 0xE1..=0xE3 => return true,
                    b' ' | b'\t' | 0x0B | 0x0C | b'\r' => {}
                    _ => return false,
                }
            }
            false
        };
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                let b = [x, y];
                assert_eq!(may_open_with_c(&b, 0), plain(&b), "{b:?}");
                assert_eq!(may_open_with_c(&b, 1), plain(&b[1..]), "{b:?}");
            }
            assert!(!may_open_with_c(&[x], 1));
        }
    }

    /// The byte test passes every line that trims to `C…` or `c…`, with
    /// any character before it (white space of any kind or not).
    #[test]
    fn ok_line_test_passes_every_c_line() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("\u{b} {c}Căn cứ\n{c}cơ sở\n{c}");
            let lines = LineIndex::new(&text);
            for l in 1..=3 {
                let (a, b) = lines.line_range(&text, l);
                if text[a..b].trim().starts_with(['C', 'c']) {
                    assert!(may_open_with_c(text.as_bytes(), a), "{c:?} line {l}");
                }
            }
        }
    }
}
