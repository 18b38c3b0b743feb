//! Lines and columns: findings placed in their file's text.

use std::borrow::Cow;

use rayon::prelude::*;

use super::rules::{acted_on_by, in_editorial_note};
use super::{Code, Finding};
use crate::text::LineIndex;

/// Fill line, column, cited text and source line of each finding, reading
/// each file that has findings once, in parallel, one file at a time per
/// thread: a file's text is dropped as soon as its findings are placed, so
/// memory does not follow the size of the corpus.
pub(super) fn locate(findings: &mut Vec<Finding>) {
    // Group the findings of each file together (the report is sorted by
    // path and position afterwards).
    findings.sort_by(|a, b| a.path.cmp(&b.path));
    let mut groups: Vec<&mut [Finding]> = Vec::new();
    let mut rest: &mut [Finding] = findings.as_mut_slice();
    while !rest.is_empty() {
        let n = rest.iter().take_while(|f| f.path == rest[0].path).count();
        let (head, tail) = rest.split_at_mut(n);
        groups.push(head);
        rest = tail;
    }
    let keep: Vec<Vec<bool>> = groups.into_par_iter().map(locate_file).collect();
    let mut keep = keep.into_iter().flatten();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// [`locate`] for the findings of one file; returns which to keep.
pub(super) fn locate_file(group: &mut [Finding]) -> Vec<bool> {
    if !group.iter().any(|f| f.span.is_some()) {
        return vec![true; group.len()];
    }
    let Ok(bytes) = std::fs::read(&group[0].path) else {
        return vec![true; group.len()];
    };
    let path = group[0].path.clone();
    locate_in(&spans_text(&bytes, &path, &crate::ParseOptions::default()), group)
}

/// The text a file's spans refer to: what the read stage makes of it (the
/// file itself for UTF-8 text), or, for a file it cannot read or UTF-8
/// repaired by `--lossy` (spans into the original bytes), the valid UTF-8
/// prefix (the `unreadable` finding points at the first bad byte).
pub(super) fn spans_text<'b>(bytes: &'b [u8], path: &std::path::Path, options: &crate::ParseOptions) -> Cow<'b, str> {
    if let Ok(read) = crate::read::read(bytes, Some(path), options) {
        if !read.repaired_utf8 {
            return read.text;
        }
    }
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    Cow::Borrowed(std::str::from_utf8(&bytes[..valid]).unwrap_or_default())
}

/// [`locate`] for the findings of one file whose text is at hand.
///
/// Cost and memory stay linear in the text whatever its lines: columns are
/// counted in one sweep over the findings in text order (not from the line
/// start for each one), and a finding keeps of its line only the window
/// shown under it ([`Snippet`]), not the line (a paragraph, or a whole file
/// with no line break, can be megabytes long).
pub(super) fn locate_in(text: &str, group: &mut [Finding]) -> Vec<bool> {
    let mut keep = vec![true; group.len()];
    let lines = LineIndex::new(text);
    // Every start and end, placed in one sweep.
    let mut offsets = Vec::with_capacity(group.len() * 2);
    for f in group.iter() {
        if let Some(span) = f.span {
            let start = floor_boundary(text, span.start);
            offsets.push(start);
            offsets.push(floor_boundary(text, span.end).max(start));
        }
    }
    let mut placed = place(text, &lines, &offsets).into_iter();
    let site_lists = if group.iter().any(|f| f.code == Code::Anachronism) {
        website_lists(text)
    } else {
        Vec::new()
    };
    for (k, f) in group.iter_mut().enumerate() {
        let Some(span) = f.span else { continue };
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end).max(start);
        let (Some(s), Some(e)) = (placed.next(), placed.next()) else {
            break;
        };
        (f.line, f.column) = s;
        (f.end_line, f.end_column) = e;
        if f.code != Code::Unreadable {
            let (ls, le) = lines.line_range(text, f.line);
            let le = ls + text[ls..le].trim_end_matches('\r').len();
            f.source = Some(Snippet::around(text, (ls, le), start, end));
            f.cited = Some(text[start..end].split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if f.code == Code::Malformed && footnote_marker_on_year(text, start, end) {
            keep[k] = false;
        }
        if f.code == Code::Anachronism {
            // A bounded look-behind: at most 400 bytes, the last 160 for the agent phrase.
            let before = &text[floor_boundary(text, start.saturating_sub(400))..start];
            let recent = &before[floor_boundary(before, before.len().saturating_sub(160))..];
            let in_site_list = site_lists.iter().any(|&(s, e)| s <= start && start < e);
            keep[k] = !acted_on_by(recent) && !in_editorial_note(before) && !in_site_list;
        }
    }
    keep
}

/// Is the malformed date `text[start..end]` a good date with a footnote's
/// marker glued to its year (`ngày 08/10/2018¹` extracted from a PDF as
/// `ngày 08/10/20181`)? Yes when its last digits are a year from 1900 to
/// 2100 and then one or two digits, and a footnote of that number follows
/// in the text (a line that opens with the number and a word: `1 Văn bản
/// này …`). Only malformed dates are looked at, so the search is rare.
pub(super) fn footnote_marker_on_year(text: &str, start: usize, end: usize) -> bool {
    let cited = text[start..end].trim_end();
    let digits = cited.len() - cited.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(5..=6).contains(&digits) {
        return false;
    }
    let run = &cited[cited.len() - digits..];
    let (year, marker) = run.split_at(4);
    if !(1900..=2100).contains(&year.parse::<u32>().unwrap_or(0)) || marker.starts_with('0') {
        return false;
    }
    text[end..].split('\n').skip(1).any(|line| {
        line.trim_start()
            .strip_prefix(marker)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_alphabetic))
    })
}

/// A news site's lists of its other posts, saved with a page that holds a
/// document: a heading (`Những tin mới hơn`, `Những tin cũ hơn`, as NukeViet
/// sites print them) and the items under it, each a title line and a
/// `(dd/mm/yyyy)` line. The titles cite documents the site published
/// later (or earlier), not the document: as byte ranges of `text`, in order.
/// One pass over the lines.
pub(super) fn website_lists(text: &str) -> Vec<(usize, usize)> {
    const HEADINGS: [&str; 2] = ["Những tin mới hơn", "Những tin cũ hơn"];
    let is_date_line = |l: &str| {
        let l = l.trim();
        l.strip_prefix('(')
            .and_then(|l| l.strip_suffix(')'))
            .is_some_and(|d| crate::date::IssueDate::parse_text(d).is_ok())
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    let lines = text.split_inclusive('\n').scan(0, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l))
    });
    let mut open: Option<(usize, usize)> = None;
    // A title line read, waiting for its date line.
    let mut pending_title = false;
    for (start, line) in lines {
        let end = start + line.len();
        let trimmed = line.trim();
        if HEADINGS.contains(&trimmed) {
            open = Some(open.map_or((start, end), |(s, _)| (s, end)));
            pending_title = false;
            continue;
        }
        let Some((s, _)) = open else { continue };
        match std::mem::take(&mut pending_title) {
            // A title, then its date: one item.
            false if !trimmed.is_empty() => pending_title = true,
            true if is_date_line(trimmed) => open = Some((s, end)),
            // Anything else ends the list.
            _ => {
                out.extend(open.take());
            }
        }
    }
    out.extend(open);
    out
}

/// The 1-based line and column (in characters) of each offset (on character
/// boundaries of `text`), in the order given: the offsets are visited in
/// text order, and the characters between two of them on one line are
/// counted once.
fn place(text: &str, lines: &LineIndex, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    // The last offset placed: its line, its byte offset, its column.
    let mut at = (0, 0, 1);
    for i in order {
        let o = offsets[i];
        let line = lines.line(o);
        if line != at.0 {
            at = (line, lines.starts()[line - 1], 1);
        }
        at.2 += text[at.1..o].chars().count();
        at.1 = o;
        out[i] = (line, at.2);
    }
    out
}

/// The window of a line shown under a finding: at most [`Snippet::BEFORE`]
/// characters before the cited text, [`Snippet::MARK`] of it, and
/// [`Snippet::AFTER`] after it, so a few hundred bytes whatever the line's
/// length; the column of the mark is counted in the window.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The window's text (no line break; tabs as they are).
    pub text: String,
    /// Characters of `text` before the mark.
    pub mark_start: usize,
    /// Characters of `text` under the mark (the cited text on this line,
    /// cut at [`Snippet::MARK`]).
    pub mark_len: usize,
    /// The line goes on before the window.
    pub cut_before: bool,
    /// The line goes on after the window.
    pub cut_after: bool,
}

impl Snippet {
    /// Characters shown before the cited text.
    pub const BEFORE: usize = 40;
    /// Characters of the cited text marked, at most.
    pub const MARK: usize = 80;
    /// Characters shown after the mark.
    pub const AFTER: usize = 20;

    /// The window of the line `line` (byte range, without its break) of
    /// `text` around the cited bytes `start..end` (character boundaries;
    /// `start` on the line).
    pub(super) fn around(text: &str, line: (usize, usize), start: usize, end: usize) -> Snippet {
        let (ls, le) = line;
        let start = start.clamp(ls, le);
        let end = end.clamp(start, le);
        let back = |from: usize, n: usize| {
            text[ls..from]
                .char_indices()
                .rev()
                .take(n)
                .last()
                .map_or(from, |(i, _)| ls + i)
        };
        let ahead = |from: usize, limit: usize, n: usize| {
            text[from..limit].char_indices().nth(n).map_or(limit, |(i, _)| from + i)
        };
        let from = back(start, Self::BEFORE);
        let mark_end = ahead(start, end, Self::MARK);
        let to = ahead(mark_end, le, Self::AFTER);
        Snippet {
            text: text[from..to].to_string(),
            mark_start: text[from..start].chars().count(),
            mark_len: text[start..mark_end].chars().count(),
            cut_before: from > ls,
            cut_after: to < le,
        }
    }
}

/// `offset` clamped to `text` and moved back to a character boundary.
pub(super) fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_website_lists() {
        let text = "Điều 9. Hiệu lực\nÝ kiến bạn đọc\nNhững tin mới hơn\nNghị định số 41/2027/NĐ-CP\n(03/04/2027)\nNhững tin cũ hơn\nThông tư 7/2027/TT-BXD\n(01/04/2027)\nThăm dò ý kiến\nNghị định số 12/2030/NĐ-CP\n";
        let lists = website_lists(text);
        assert_eq!(lists.len(), 1);
        let (s, e) = lists[0];
        let listed = &text[s..e];
        assert!(
            listed.starts_with("Những tin mới hơn") && listed.ends_with("(01/04/2027)\n"),
            "{listed:?}"
        );
        // Not a list: a heading-like line in the text, or a title without its date.
        let other = "Những tin mới hơn\nĐiều 1. Phạm vi\n";
        assert!(website_lists(other).iter().all(|&(s, e)| !other[s..e].contains("Điều")));
        assert!(website_lists("Căn cứ Nghị định số 41/2027/NĐ-CP;\n").is_empty());
    }

    #[test]
    fn ok_footnote_marker_on_year() {
        let text = "Số 7/2021/NĐ-CP ngày 05/02/20213 \nSửa đổi\n3 Văn bản này được thống kê ở hai lĩnh vực.\n";
        let start = text.find("ngày").unwrap();
        let end = start + "ngày 05/02/20213".len();
        assert!(footnote_marker_on_year(text, start, end));
        // No footnote 3 in the text: a malformed year.
        let other = text.replace("3 Văn", "Văn");
        assert!(!footnote_marker_on_year(&other, start, end));
        // Four digits and a `0`, or a year out of range: malformed.
        let text = "ngày 08/6/20210 của\n0 Văn bản\n";
        assert!(!footnote_marker_on_year(text, 0, "ngày 08/6/20210".len()));
        let text = "ngày 08/6/30211 của\n1 Văn bản\n";
        assert!(!footnote_marker_on_year(text, 0, "ngày 08/6/30211".len()));
    }

    #[test]
    fn ok_floor_boundary() {
        let text = "cdẫ ef";
        assert_eq!(floor_boundary(text, 3), 2);
        assert_eq!(floor_boundary(text, 5), 5);
        assert_eq!(floor_boundary(text, 99), text.len());
    }
}
