//! The relation of each citation, from the clause that governs it.
//!
//! The governing cue is the one nearest before the citation in its clause
//! (back to the previous citation of the same clause, a `;`, a `. `, a `[`
//! or the line start, or the line before when the text is hard-wrapped):
//!
//! - a citation joined to the one before it by list glue only (`,`, `;`,
//!   `và`, `các`, a restatement in brackets) takes that one's relation;
//! - a citation inside another citation's subject (`Chương trình số
//!   53-CTr/TU … thực hiện Nghị quyết số 19-NQ/TW`, `Nghị định số A sửa đổi,
//!   bổ sung một số điều của Nghị định số B`) takes the cue inside that
//!   subject, and `by` names the other citation: the relation is between
//!   the two cited documents;
//! - the agent of a passive cue (`X đã được sửa đổi, bổ sung bởi Y`) is
//!   `mentions`, and `acts` says what it does to X (the citation before the
//!   cue in the clause; none: this document, as in a website's note
//!   `[Điều này được bổ sung bởi … Luật Y]`);
//! - a citation with no cue of its own right after a list separator goes
//!   on the list before it, however long that item's tail (see
//!   [`super::scope`]);
//! - with no cue: `basis` on a `Căn cứ` line or under a `Căn cứ:` / `CĂN
//!   CỨ PHÁP LÝ` heading; the cue of the line that opens a list (`…, được
//!   sửa đổi, bổ sung bởi:` then `1. Luật số …`) for its items; else
//!   `mentions`;
//! - `… hết hiệu lực` just after the citation makes a `mentions` a
//!   `repeals`;
//! - in PDF text, the last cell of a linearised table's row under a `Căn
//!   cứ` column is `basis` (see [`super::pdf_table`]), and a page's
//!   footnote restating a citation its marker is glued to takes that one's
//!   relation.

use super::cues::{annex_cue, clause_cue, cue_relation_folded, passive_cue, passive_relation, CUES, PASSIVE};
use super::lex::{prefix, suffix};
use super::pdf_table::{InRow, PdfTables};
use super::scope::in_subject;
use super::share::may_fold_within;
use super::{last_full_stop, Found, CUE_WINDOW, GRAMMAR_WINDOW};
use crate::model::Relation;
use crate::normalize::{fold, starts_with_folded};
use crate::text::LineIndex;

/// The relation of a citation, and whose it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Rel {
    pub(super) relation: Relation,
    /// The citation whose subject states the relation (see the module
    /// docs).
    pub(super) by: Option<usize>,
    /// The agent of a passive cue: what it does, and to which citation
    /// (`None`: this document).
    pub(super) acts: Option<(Relation, Option<usize>)>,
}

impl Rel {
    fn of(relation: Relation) -> Rel {
        Rel {
            relation,
            ..Rel::default()
        }
    }
}

/// Only list glue between two citations (`;`, `,`, `và`, `các`, `&`)?
pub(super) fn is_glue(gap: &str) -> bool {
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
fn ends_sentence(gap: &str) -> bool {
    let b = gap.as_bytes();
    memchr::memchr_iter(b'.', b).any(|k| b.get(k + 1).is_some_and(u8::is_ascii_whitespace))
}

/// `s` without its bracketed groups `( … )` (a restatement `(gọi tắt là
/// …)` between two items of a list), when they are balanced.
fn without_brackets(s: &str) -> std::borrow::Cow<'_, str> {
    without_groups(s, '(', ')')
}

/// `s` without its groups from `open` to `close`, when they are balanced.
fn without_groups(s: &str, open: char, close: char) -> std::borrow::Cow<'_, str> {
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
pub(super) fn closes_bracket(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
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
fn closes_quote(s: &str) -> bool {
    match (s.find('”'), s.find('“')) {
        (Some(c), Some(o)) => c < o,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Does `window` end inside a quotation opened after `cụm từ` (a phrase
/// an amendment rewrites: `Sửa đổi cụm từ “theo Thông tư số …`), or after
/// its `thành` (`cụm từ “…” thành “Thông tư số …`)?
fn in_quoted_phrase(window: &str) -> bool {
    let Some(o) = window.rfind('“') else {
        return false;
    };
    let before = fold(&window[..o]);
    let before = before.trim_end_matches([' ', ':', ',']);
    !window[o..].contains('”')
        && (before.ends_with("cum tu") || before.ends_with(" thanh") && before.contains("cum tu"))
}

/// The cue of a verb rewriting a quoted phrase that `before` (the text up
/// to its closing quote) ends, when the verb acts on a document (`Sửa đổi
/// cụm từ “…`): as [`window_cue`] gives it.
fn rewritten_phrase_cue(before: &str) -> Option<WindowCue> {
    let quoted = suffix(before.strip_suffix('”')?, GRAMMAR_WINDOW);
    let open = quoted.rfind('“')?;
    if quoted[open..].contains('”') {
        return None;
    }
    let head = &quoted[..open + '“'.len_utf8()];
    if !in_quoted_phrase(suffix(head, CUE_WINDOW)) {
        return None;
    }
    let head = &quoted[..open];
    let (hit, folded, cut) = window_cue(suffix(head, CUE_WINDOW), false);
    hit.filter(|&(_, _, k)| matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals))?;
    Some((hit, folded, cut))
}

/// Where the type word of a name opening with an amending cue starts in
/// `folded` (`luat sua doi, bo sung mot so dieu luat dien luc`, the cited
/// law's own name: no `của` between the cue and the citation), if the cue
/// `hit` is one.
fn amending_name_at(folded: &str, (end, len, k): (usize, usize, usize)) -> Option<usize> {
    // (`… một số điều của Luật X số …`: the number is X's, the amended
    // one; the statement stands.)
    if CUES[k].1 != Relation::Amends
        || !folded[end - len..].starts_with("sua doi")
        || folded[end..].split(' ').any(|w| w == "cua")
    {
        return None;
    }
    let before = folded[..end - len].trim_end();
    ["luat", "phap lenh", "nghi dinh", "thong tu", "nghi quyet", "quyet dinh"]
        .iter()
        .find_map(|w| {
            let k = before.strip_suffix(w)?.len();
            (k == 0 || before[..k].ends_with(' ')).then_some(k)
        })
}

/// A table row whose cells before a citation hold only the row's number,
/// markup, or the citation's abbreviated type (`| 2 | TTLT 12/2016/…`).
fn opens_row(before: &str) -> bool {
    before.trim_start().starts_with('|')
        && before.chars().all(|c| {
            c.is_ascii_digit() || c.is_ascii_uppercase() || matches!(c, 'Đ' | '|' | ' ' | '\t' | '.' | ')' | '*')
        })
}

/// `line` without leading spaces, bullets and markup.
fn unbulleted(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '–' | '|' | '*' | '>'))
}

/// Does a passive cue with no agent (`bị bãi bỏ toàn bộ:`) follow a count
/// of documents (`**36 văn bản** bị bãi bỏ`, `Các văn bản bị bãi bỏ`) in
/// `folded`? The list it opens is of what undergoes it, by this document.
fn names_undergoers(folded: &str, (end, len): (usize, usize)) -> bool {
    let cue = folded.as_bytes()[end - len..end]
        .strip_suffix(b":")
        .unwrap_or(&folded.as_bytes()[end - len..end]);
    !passive_agent(cue)
        && cue.starts_with(b"bi ")
        && folded[..end - len]
            .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
            .ends_with("van ban")
}

/// `line` without leading spaces, bullets, markup and a Markdown
/// heading's `#` (`### Điều 1. Bãi bỏ …`).
fn unheaded(line: &str) -> &str {
    unbulleted(line.trim_start().trim_start_matches('#'))
}

// GroupLabel ::= Words ":"   (no list marker, no cue, no number; short)
/// A label over a group of a list's items (`Quy chuẩn, danh mục cây
/// trồng:`, `Danh mục bổ sung giống (2009–2019):`): a short line ending
/// with `:` that has no list marker, no cue and no document number.
fn is_group_label(line: &str) -> bool {
    let Some(words) = line.trim().strip_suffix(':') else {
        return false;
    };
    let words = words.trim_end_matches(['*', '_', ' ']);
    words.len() <= 120
        && list_marker(words).is_none()
        && !words.contains('/')
        && !super::types::starts_citation(words)
        && clause_cue(fold(words).as_bytes(), true).is_none()
}

// ItemTitle ::= Marker Citation ("—" | "–" | "-" | ":") Title
/// The citation opening a list item that is followed by its title after a
/// dash (`31. QĐ 40/2006/QĐ-BNN — Điều chỉnh, bổ sung QĐ 74/2004/QĐ-BNN
/// về …`): a cue in the title is that citation's statement, not this
/// document's. For citation `i` on the line starting at `ls`.
fn item_title_owner(norm: &str, found: &[Found], ls: usize, i: usize) -> Option<usize> {
    let j = found[..i].partition_point(|f| f.start < ls);
    let owner = found.get(j).filter(|_| j < i)?;
    if !opens_item(&norm[ls..owner.start]) || list_marker(&norm[ls..]).is_none() {
        return None;
    }
    let gap = &norm[owner.tail.max(owner.end)..found[i].start];
    let gap = gap.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    (gap.starts_with(['—', '–', '-', ':']) && !gap.contains(';')).then_some(j)
}

/// Does a line start with `Căn cứ` (after bullets and markup)?
pub(super) fn is_basis_line(line: &str) -> bool {
    starts_with_folded(unbulleted(line), "can cu").is_some()
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `-`, `+`, `•`, `*`, `>`.
    Bullet,
    /// `1.`, `2)`.
    Number(u8),
    /// `a)`, `b.`.
    Letter(u8),
}

/// The list marker a line starts with (`1.`, `a)`, `2)`, a bullet), if
/// any.
fn list_marker(line: &str) -> Option<Marker> {
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
        _ => {}
    }
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
fn is_list_item(line: &str) -> bool {
    list_marker(line).is_some()
}

/// A heading: a line whose letters are all capitals (`CĂN CỨ PHÁP LÝ`,
/// `I. MỤC ĐÍCH`).
fn is_heading(line: &str) -> bool {
    // (A byte at a time first: an ASCII lower-case letter says no.)
    if line.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 4
}

/// A heading that opens a basis block: `CĂN CỨ PHÁP LÝ`, `CĂN CỨ PHÁP
/// LUẬT`, `CƠ SỞ PHÁP LÝ`, `Căn cứ:`, `Căn cứ pháp lý:` (numbering and
/// markup before it allowed).
fn is_basis_heading(line: &str) -> bool {
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

/// What the lines before a list say about its items.
#[derive(Debug, Clone, Copy)]
enum Head {
    /// Under a basis heading: every line is `basis` until a blank line
    /// after some content, or another heading.
    Basis { content: bool },
    /// After a line ending in a cue and `:` (or an article's title with a
    /// cue): its list items take the cue, up to a heading, an article, or an
    /// item marked as the opening line is (`2. Các Nghị định sau hết hiệu
    /// lực …:` then `a) …`, `b) …`, up to `3. …`). Lines between (an item's
    /// wrapped lines, a PDF's page header) keep it.
    Cue { rel: Rel, marker: Option<Marker> },
    /// After `Văn bản này được hợp nhất từ … sau:` (a consolidated text's
    /// note): the first item is the base (`consolidates`), the others act
    /// on it (`amends`).
    Merged {
        base: Option<usize>,
        marker: Option<Marker>,
    },
    /// A line that may open a list, not read yet (its cue is read only when
    /// an item needs it: most such lines, an article's title, open none):
    /// the text to read (`from..to`), its line's start and end.
    Opener {
        from: usize,
        to: usize,
        line: (usize, usize),
        marker: Option<Marker>,
    },
}

/// The heads of lists, read line by line as the citations go (each line
/// once).
struct Heads<'a> {
    norm: &'a str,
    lines: &'a LineIndex,
    /// The next line (1-based) to read.
    next: usize,
    head: Option<Head>,
    /// The line read last was a digital signature's stamp.
    stamp: bool,
}

impl<'a> Heads<'a> {
    /// The head over line `line`, after reading the lines before it.
    fn at(&mut self, line: usize, found: &[Found], start: usize) -> Option<Head> {
        while self.next < line {
            self.read(self.next, found);
            self.next += 1;
        }
        let (ls, le) = self.lines.line_range(self.norm, line);
        let text = &self.norm[ls..le];
        match self.head {
            Some(Head::Basis { .. }) if !is_heading(text) => self.head,
            // An item: marked unlike the opening line, or opening with a
            // citation (`được sửa đổi, bổ sung bởi:⏎Thông tư số …`, `Luật
            // Bảo hiểm xã hội số …`).
            Some(Head::Cue { marker, .. } | Head::Merged { marker, .. } | Head::Opener { marker, .. })
                if match list_marker(text) {
                    Some(m) => Some(m) != marker,
                    None => {
                        super::types::starts_citation(text.trim_start())
                            || (ls..=le).contains(&start)
                                && (unbulleted(&self.norm[ls..start]).is_empty() || opens_row(&self.norm[ls..start]))
                    }
                } =>
            {
                if let Some(Head::Opener { from, to, line, marker }) = self.head {
                    self.head = self.resolve(from, to, line, marker, found);
                }
                self.head
            }
            _ => None,
        }
    }

    /// What an opening line says: the cue of its end and, for a passive
    /// one, the last citation before it.
    fn resolve(
        &self,
        from: usize,
        to: usize,
        (ls, le): (usize, usize),
        marker: Option<Marker>,
        found: &[Found],
    ) -> Option<Head> {
        // A line that is a citation with its subject (`[2] Luật số …
        // sửa đổi, bổ sung … có căn cứ ban hành như sau:`): the cue is the
        // subject's, no list's.
        let lo = found.partition_point(|f| f.start < from);
        if let Some(f) = found.get(lo).filter(|f| f.start < to) {
            let lead = &self.norm[from..f.start];
            let only_mark = !lead.chars().any(char::is_alphabetic);
            if only_mark && f.subject_range.is_some_and(|(_, e)| e + 2 >= to) {
                return None;
            }
        }
        let tail = suffix(&self.norm[from..to], 2 * CUE_WINDOW);
        let folded = fold(tail);
        if folded.contains("hop nhat tu") {
            return Some(Head::Merged { base: None, marker });
        }
        let tail_at = to - tail.len();
        // The last citation on the opening line: a cue before it has it for
        // its object (`Thực hiện Chỉ thị số … , UBND tỉnh ban hành Kế hoạch
        // như sau:`), and the items are no list of what it governs, unless
        // the line goes on to name one (`Bãi bỏ Quyết định số … và các văn
        // bản sau:`).
        let hi = found.partition_point(|f| f.start < to);
        let last = hi.checked_sub(1).filter(|&j| found[j].start >= tail_at);
        let cue_after = |end: usize| {
            last.is_none_or(|j| {
                let listed = fold(&self.norm[found[j].end.min(to)..to]);
                end > fold(&self.norm[tail_at..found[j].start]).len()
                    || (listed.contains("sau") && !listed.contains("nhu sau"))
            })
        };
        let cue = clause_cue(folded.as_bytes(), false).filter(|&(end, _, _)| cue_after(end));
        cue.map(|(end, len, k)| {
            let rel = if k == PASSIVE && names_undergoers(&folded, (end, len)) {
                Rel::of(passive_relation(&folded.as_bytes()[end - len..end]))
            } else if k == PASSIVE {
                let colon = ls + self.norm[ls..le].rfind(':').unwrap_or(le - ls);
                let hi = found.partition_point(|f| f.start < colon);
                // (Before the lines it was wrapped from too, in the same
                // sentence: `Thông tư … số …, có hiệu lực …, được sửa đổi, bổ⏎
                // sung bởi:`.)
                let target = (0..hi).rev().find(|&j| found[j].end <= colon).filter(|&j| {
                    found[j].start >= from || {
                        let between = &self.norm[found[j].end..colon];
                        between.len() < 2 * CUE_WINDOW && !between.contains([';', '.']) && !between.contains("\n\n")
                    }
                });
                Rel {
                    relation: Relation::Mentions,
                    by: None,
                    acts: Some((passive_relation(&folded.as_bytes()[end - len..end]), target)),
                }
            } else {
                Rel::of(CUES[k].1)
            };
            Head::Cue { rel, marker }
        })
    }

    fn read(&mut self, line: usize, found: &[Found]) {
        let (ls, le) = self.lines.line_range(self.norm, line);
        let raw = &self.norm[ls..le];
        // Read a byte at a time first: where the text starts past spaces
        // and ASCII bullets, its first and last bytes.
        let b = raw.as_bytes();
        let Some(k) = b.iter().position(|c| {
            !matches!(
                c,
                b' ' | b'\t' | b'\r' | b'-' | b'+' | b'*' | b'>' | b'|' | b'#' | b'_' | b'='
            )
        }) else {
            // Blank lines and rules separate a list's items in Markdown:
            // the head stays.
            return;
        };
        let last = b.iter().rev().find(|c| !c.is_ascii_whitespace()).copied();
        let first = &b[k..];
        // A digital signature's stamp (`Người ký: …`, `Thời gian ký: …`, a
        // value wrapped on its own line in capitals) and the gazette's page
        // header (`CÔNG BÁO/Số …`), printed at a page's break in PDF text,
        // are page furniture: the head stays across them.
        let stamp = self.stamp;
        self.stamp = false;
        if matches!(first, [b'N' | b'E' | b'C' | b'T' | b'K', ..]) {
            let f = fold(prefix(&raw[k..], 24));
            if super::pdf_table::is_stamp(&f) {
                self.stamp = true;
                return;
            }
            if f.starts_with("cong bao/") {
                return;
            }
        }
        if stamp && is_heading(raw) {
            self.stamp = true;
            return;
        }
        // `c`/`C` (`Căn cứ`, `CƠ SỞ PHÁP LÝ`), `Điều`/`ĐIỀU` (an article's
        // title: `Đ` is C4 90), a bullet that is not ASCII (`•` E2 80 A2,
        // `–` E2 80 93).
        let c_start = matches!(first, [b'c' | b'C', ..]);
        let d_start = matches!(first, [0xC4, 0x90, b'i' | b'I', ..]);
        // With no head, only a line that opens one matters: most lines end
        // here, on a few bytes.
        if self.head.is_none() && last != Some(b':') && !c_start && !d_start && !matches!(first, [0xE2, 0x80, ..]) {
            return;
        }
        let text = raw.trim();
        if c_start && is_basis_heading(text) {
            self.head = Some(Head::Basis { content: false });
            return;
        }
        // (A heading's first letter is a capital: ASCII or not.)
        if !first[0].is_ascii_lowercase() && is_heading(text) {
            self.head = None;
            return;
        }
        // (Its marker is read only when a list may need it.)
        let marker = || list_marker(text);
        // A line opening a list: one ending in `:` (with the lines it was
        // wrapped from: `… hết hiệu lực kể từ ngày …⏎thi hành:`), or an
        // article's title (`Điều 1. Bãi bỏ toàn bộ 15 văn bản …`).
        let titled = unheaded(text);
        let article = d_start
            && starts_with_folded(titled, "dieu ")
                .is_some_and(|k| titled[k..].starts_with(|c: char| c.is_ascii_digit()));
        // A group label on its own line (`**Quy chuẩn, danh mục giống:**`,
        // its bold gone in the normalized text) between runs of a list's
        // items: the list goes on.
        if matches!(self.head, Some(Head::Cue { .. } | Head::Opener { .. })) && !article && is_group_label(text) {
            if let Some(Head::Opener { from, to, line, marker }) = self.head {
                self.head = self.resolve(from, to, line, marker, found);
            }
            // (Only under a verb acting on the documents listed: `Trong đó:`
            // under `… thực hiện … như sau:` opens a formula's terms.)
            if let Some(Head::Cue { rel, .. }) = self.head {
                if rel.acts.is_none()
                    && matches!(rel.relation, Relation::Repeals | Relation::Replaces | Relation::Amends)
                {
                    return;
                }
            }
        }
        let text_at = ls + (text.as_ptr() as usize - raw.as_ptr() as usize);
        let opener = match text.strip_suffix(':') {
            Some(before) => Some((wrapped_floor(self.norm, self.lines, line, ls), text_at + before.len())),
            None if article && !text.ends_with(['.', ';']) => Some((text_at, text_at + text.len())),
            None => None,
        };
        if let Some((from, to)) = opener {
            self.head = Some(Head::Opener {
                from,
                to,
                line: (ls, le),
                marker: marker(),
            });
            return;
        }
        // A Markdown heading (`## Chương II`, `### Mục 3`) ends a list.
        if raw.trim_start().starts_with('#') {
            self.head = None;
            return;
        }
        self.head = match self.head {
            Some(Head::Basis { .. }) if marker().is_some() || is_basis_line(text) => {
                Some(Head::Basis { content: true })
            }
            Some(Head::Basis { content: false }) => Some(Head::Basis { content: true }),
            Some(Head::Cue { marker: m, .. } | Head::Merged { marker: m, .. } | Head::Opener { marker: m, .. })
                if article || marker().is_some_and(|k| Some(k) == m) =>
            {
                None
            }
            Some(h @ (Head::Cue { .. } | Head::Merged { .. } | Head::Opener { .. })) => Some(h),
            _ => None,
        };
    }
}

/// Where the clause of a citation on the line starting at `ls` may start:
/// the lines before too when the text is hard-wrapped (each has text and
/// ends with no `.`, `;`, `:`, `!` or `?`, and the line after it is no list
/// item and goes on a sentence: it opens in lower case, or with the
/// citation), up to [`CUE_WINDOW`] bytes back.
fn wrapped_floor(norm: &str, lines: &LineIndex, line: usize, ls: usize) -> usize {
    let text = norm[ls..].trim_start();
    let first = text.chars().next();
    if first.is_some_and(|c| c.is_uppercase()) && !super::types::starts_citation(text) && !continues_pinpoints(text) {
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
        let titles =
            || super::types::starts_citation(head) && super::types::starts_citation(unbulleted(&norm[floor..]));
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
fn continues_pinpoints(line: &str) -> bool {
    let Some(k) = starts_with_folded(line, "dieu ") else {
        return false;
    };
    let rest = &line[k..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && rest[digits..].starts_with([',', ' ']) && !rest[digits..].trim_start().starts_with(['.', ':'])
}

/// What [`window_cue`] gives: the cue hit (its end, length and index in
/// [`CUES`]), the folded clause, and where the clause was cut.
type WindowCue = (Option<(usize, usize, usize)>, String, usize);

/// The cue of a window (its clause, back to a `;`, `[`, `”` or `. `), in
/// folded text: the hit and whether the window was cut at a clause's
/// start.
fn window_cue(window: &str, at_start: bool) -> WindowCue {
    let b = window.as_bytes();
    let hard = memchr::memrchr2(b';', b'[', b)
        .map(|k| k + 1)
        .into_iter()
        .chain(last_full_stop(window).map(|k| k + 2))
        .max()
        .unwrap_or(0);
    // A closing quote `”` (E2 80 9D) ends a clause too (a cue in a
    // quotation governs nothing after it), unless the quotation opened in
    // the clause and is the object of a verb acting on the document: then
    // the clause goes on around it (`Sửa đổi cụm từ “500 triệu đồng” thành
    // “01 tỷ đồng” tại Điều 3 Nghị định số …`).
    let close = memchr::memrchr_iter(0x9D, b)
        .find(|&k| k >= 2 && b[k - 2] == 0xE2 && b[k - 1] == 0x80)
        .map(|k| k + 1)
        .filter(|&q| q > hard);
    // A bracketed group closed before the citation holds no cue for it
    // (`Bãi bỏ cụm từ "(được sửa đổi, bổ sung tại …)" tại … Nghị định số …`).
    let read = |cut: usize, quoted: bool| {
        let clause = &window[cut..];
        let folded = if quoted {
            fold(&without_brackets(&without_groups(clause, '“', '”')))
        } else {
            fold(&without_brackets(clause))
        };
        (clause_cue(folded.as_bytes(), cut > 0 || at_start), folded, cut)
    };
    match close {
        Some(q) if window[hard..q].contains('“') => {
            let around = read(hard, true);
            let acting = around.0.is_some_and(|(_, _, k)| {
                matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals)
            });
            if acting {
                around
            } else {
                read(q, false)
            }
        }
        Some(q) => read(q, false),
        None => read(hard, false),
    }
}

/// The citation a list item after a `;` continues: the nearest at or
/// before `j` that is the clause's own item (no `acts`, no `by`: `Căn cứ
/// Luật A được sửa đổi bởi Luật B; Nghị định C` continues A, not B).
fn top_item(out: &[Rel], outers: &[Option<usize>], j: usize, floor: usize, found: &[Found]) -> Option<usize> {
    (0..=j)
        .rev()
        .take_while(|&k| found[k].start >= floor && outers[k] == outers[j])
        .find(|&k| out[k].acts.is_none() && out[k].by.is_none())
}

/// Relation of each citation (see the module docs).
pub(super) fn relations(norm: &str, lines: &LineIndex, found: &[Found], footnote_refs: &[(usize, usize)]) -> Vec<Rel> {
    let mut out: Vec<Rel> = Vec::with_capacity(found.len());
    let mut heads = Heads {
        norm,
        lines,
        next: 1,
        head: None,
        stamp: false,
    };
    // The outer citation of each (see below).
    let mut outers: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // (line, basis) of the last line seen.
    let mut line_info: Option<(usize, bool)> = None;
    let mut tables = BasisColumns::default();
    let pdf = PdfTables::read(norm, lines);
    for (i, f) in found.iter().enumerate() {
        let line = lines.line(f.start);
        let (ls, _) = lines.line_range(norm, line);
        let basis = match line_info {
            Some((l, b)) if l == line => b,
            _ => {
                let b = is_basis_line(prefix(&norm[ls..], 64));
                line_info = Some((line, b));
                b
            }
        };
        let floor = ls;
        // The citation whose subject holds this one, nearest first.
        let outer = (0..i)
            .rev()
            .take_while(|&j| found[j].start + GRAMMAR_WINDOW > f.start)
            .find(|&j| found[j].subject_range.is_some_and(|(a, b)| a <= f.start && f.start < b));
        outers.push(outer);
        // A linearised table's row (see [`super::pdf_table`]): its last
        // cell, under a `Căn cứ` column, is the basis; the clause of
        // another cell starts in the row.
        let in_row = if pdf.is_empty() {
            None
        } else {
            pdf.in_row(norm, found, i)
        };
        if outer.is_none() && in_row == Some(InRow::Basis) {
            out.push(Rel::of(Relation::Basis));
            continue;
        }
        let row_start = match in_row {
            Some(InRow::Cell { start }) => start,
            _ => 0,
        };
        let floor = match outer {
            Some(j) => found[j].subject_range.map_or(floor, |(a, _)| a),
            None => floor,
        };
        // The citation before it at the same level: same outer citation,
        // not in brackets that closed since.
        let mut prev = (0..i)
            .rev()
            .take_while(|&j| found[j].start >= floor && found[j].start + GRAMMAR_WINDOW > f.start)
            .find(|&j| {
                let p = &found[j];
                p.tail <= f.start
                    && outers[j] == outer
                    && !closes_bracket(&norm[p.end..f.start])
                    && !closes_quote(&norm[p.end..f.start])
            });
        let lo = prev.map_or(floor, |j| found[j].tail.max(floor));
        let raw = &norm[lo..f.start];
        let window = suffix(raw, CUE_WINDOW);
        if let Some(j) = prev {
            let gap = without_brackets(window);
            // `A … sửa đổi … của B … và C … sửa đổi …`: C, joined to an
            // object of A's subject and acting on a document itself (its own
            // subject opens with `sửa đổi`, `bổ sung`, `thay thế`, `bãi bỏ`),
            // is no object of A's verb but a second item of the list A is
            // in: A's relation.
            // (Its subject read on the line after the issuer: the object
            // and the cue in A's clause, the same.)
            if window.len() == raw.len() && is_glue(&gap) && !gap.contains(';') {
                if let Some(o) = second_actor(norm, found, &outers, &out, i, j) {
                    out.push(out[o]);
                    continue;
                }
            }
            if window.len() == raw.len() && is_glue(&gap) && !ends_sentence(&gap) && !in_subject(norm, &found[j]) {
                // After a `;`, the clause's own list goes on; so it does
                // after an agent when the list of what undergoes it goes on
                // (see `resumes_patients`).
                let from = if gap.contains(';') || out[j].acts.is_some() && resumes_patients(norm, found, i, j) {
                    top_item(&out, &outers, j, floor, found)
                } else {
                    Some(j)
                };
                if let Some(k) = from {
                    out.push(out[k]);
                    continue;
                }
            }
        }
        // A restatement right after a citation, in brackets (`Quy định số
        // 30-QĐ/TW … (Quy định số 30 của BCH Trung ương)`): mentions.
        if (prev.is_some() || outer.is_some()) && window.trim_end().ends_with('(') {
            out.push(Rel::of(Relation::Mentions));
            continue;
        }
        // Back to the start of the clause (a closing quote ends one too: a
        // cue in a quotation governs nothing after it). The window opens its
        // clause at a cut, or at the line's start.
        let at_line_start = prev.is_none() && outer.is_none() && window.len() == raw.len();
        // In a quoted phrase a verb acts on (`Sửa đổi cụm từ “… Nghị định
        // số A …” tại … Nghị định số B`): the phrase is changed, not A.
        if in_quoted_phrase(window) {
            out.push(Rel::of(Relation::Mentions));
            continue;
        }
        let (mut hit, mut folded, mut cut) = window_cue(window, at_line_start);
        // `sửa đổi, bổ sung` right after a type word is the cited document's
        // name (`Căn cứ … và Luật sửa đổi, bổ sung một số điều Luật Điện lực
        // số …`), no statement: the cue before the name governs.
        if let Some(k) = hit.and_then(|h| amending_name_at(&folded, h)) {
            folded.truncate(k);
            hit = clause_cue(folded.as_bytes(), cut > 0 || at_line_start);
        }
        // Cut at a closing quote whose quotation opened on the lines before
        // (`Sửa đổi cụm từ “…⏎…” tại khoản 3 Điều 12 Nghị định số B`): the
        // verb before the phrase governs.
        if hit.is_none() && cut > 0 && prev.is_none() && outer.is_none() {
            let close = f.start - window.len() + cut;
            if let Some(h) = rewritten_phrase_cue(&norm[..close]) {
                (hit, folded, cut) = h;
            }
        }
        // A cue opening the line, in hard-wrapped text, may end one the
        // line break split (`Hướng dẫn⏎thực hiện một số điều của Quyết định
        // số …`): the longer cue read across the break, ending where it
        // ends, governs.
        if let (Some((end, len, _)), true, 0) = (hit, at_line_start, cut) {
            if clause_initial_folded(&folded[..end - len]) {
                let floor = wrapped_floor(norm, lines, line, ls).max(row_start.min(ls));
                if floor < ls {
                    let (h2, f2, c2) = window_cue(suffix(&norm[floor..f.start], CUE_WINDOW), false);
                    if h2.is_some_and(|(e2, l2, _)| f2.len() - e2 == folded.len() - end && l2 > len) {
                        (hit, folded, cut) = (h2, f2, c2);
                    }
                }
            }
        }
        // Nothing on the line before it: in hard-wrapped text the clause
        // began on the lines before; a list's item on a line of its own
        // goes on from the line before (`…;⏎Quyết định số …`).
        let mut basis = basis;
        if hit.is_none() && at_line_start {
            if cut == 0 {
                if let Some(j) = continued_list(norm, lines, line, ls, found, i) {
                    if let Some(k) = top_item(&out, &outers, j, 0, found) {
                        out.push(out[k]);
                        continue;
                    }
                }
            }
            let floor = wrapped_floor(norm, lines, line, ls).max(row_start.min(ls));
            if floor < ls {
                basis |= is_basis_line(prefix(&norm[floor..], 64));
                if cut == 0 {
                    // The citation before it on the lines it was wrapped
                    // from is the one before it in its clause.
                    let back = (0..i).rev().take_while(|&j| found[j].start >= floor).find(|&j| {
                        // (Overlapping readings of broken text: no gap.)
                        let Some(gap) = norm.get(found[j].end..f.start) else {
                            return false;
                        };
                        found[j].tail <= f.start && outers[j] == outer && !closes_bracket(gap) && !closes_quote(gap)
                    });
                    let lo = back.map_or(floor, |j| found[j].tail.max(floor));
                    let raw = &norm[lo..f.start];
                    let window = suffix(raw, CUE_WINDOW);
                    if let Some(j) = back {
                        let gap = without_brackets(window);
                        if window.len() == raw.len() && is_glue(&gap) && !gap.contains(';') && !ends_sentence(&gap) {
                            if let Some(o) = second_actor(norm, found, &outers, &out, i, j) {
                                out.push(out[o]);
                                continue;
                            }
                            let from = if out[j].acts.is_some() && resumes_patients(norm, found, i, j) {
                                top_item(&out, &outers, j, floor, found)
                            } else {
                                Some(j)
                            };
                            if let Some(k) = from {
                                out.push(out[k]);
                                continue;
                            }
                        }
                        prev = Some(j);
                    }
                    (hit, folded, cut) = window_cue(window, back.is_none() && window.len() == raw.len());
                    if hit.is_none() && cut > 0 && back.is_none() {
                        if let Some(h) = rewritten_phrase_cue(&norm[..f.start - window.len() + cut]) {
                            (hit, folded, cut) = h;
                        }
                    }
                }
            }
        }
        // An annex `ban hành kèm theo` the document, its line wrapped from a
        // verb acting on it (`Sửa đổi, bổ sung điểm 1 Mục I Biểu mức thu …⏎
        // ban hành kèm theo Thông tư số …`): the verb governs.
        if at_line_start && cut == 0 && hit.is_some_and(|h| annex_cue(folded.as_bytes(), h)) {
            // (The line before may be the article's title it goes on.)
            let floor = match wrapped_floor(norm, lines, line, ls) {
                f if f == ls && line >= 2 && norm[ls..].starts_with(|c: char| c.is_lowercase()) => {
                    let (ps, pe) = lines.line_range(norm, line - 1);
                    let prev = norm[ps..pe].trim();
                    let title = starts_with_folded(prev, "dieu ").is_some() && !prev.ends_with(['.', ';', ':']);
                    if title {
                        ps
                    } else {
                        ls
                    }
                }
                f => f,
            };
            if floor < ls && found[..i].last().is_none_or(|p| p.start < floor) {
                let (h2, f2, c2) = window_cue(suffix(&norm[floor..f.start], CUE_WINDOW), false);
                if h2.is_some_and(|(_, _, k)| {
                    matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals)
                }) {
                    (hit, folded, cut) = (h2, f2, c2);
                }
            }
        }
        // `A và <no cue> B`: B coordinated with A takes A's relation.
        if let (None, Some(j), 0) = (hit, prev, cut) {
            if folded.trim_start_matches([' ', ',']).starts_with("va ") {
                out.push(out[j]);
                continue;
            }
        }
        // No cue of its own, right after a list separator: an item of the
        // list the cue before it governs (`Thực hiện A … về …; B … về …⏎…,
        // C …`), however long and wrapped the items' tails.
        if hit.is_none() {
            if let Some(k) = super::scope::list_item_before(norm, found, &outers, &out, i) {
                out.push(out[k]);
                continue;
            }
        }
        // A cue in the subject of a copula (`Người thực hiện nhiệm vụ … là
        // người được cử đi theo Quyết định số …`, `nội dung đính chính tại
        // Quyết định này là một phần … của Thông tư số …`): the citation is
        // in the predicate, which the cue does not reach.
        if hit.is_some_and(|h| copula_after(&folded, h)) {
            out.push(Rel::of(Relation::Mentions));
            continue;
        }
        let clause_cut = cut > 0;
        // Only numbering or markup before it in its clause: the citation is
        // the clause's subject.
        let subject_position = !folded.bytes().any(|c| c.is_ascii_alphabetic());
        // A table row with a relation column (see `row_relation`).
        let row_rel = if hit.is_none() && outer.is_none() && norm[ls..f.start].trim_start().starts_with('|') {
            row_relation(&norm[ls..])
        } else {
            None
        };
        let rel = match hit {
            Some((end, len, k)) if k == PASSIVE => {
                let cue = &folded.as_bytes()[end - len..end];
                let verb = passive_relation(cue);
                // A label `Văn bản bị bãi bỏ:` names what undergoes it; a
                // bare `Được sửa đổi` row, or `bởi`/`theo`/`tại`, the agent.
                let label = folded[..end - len].trim_end().ends_with("van ban");
                if passive_agent(cue) || !label {
                    // The agent: what it does to the citation before the
                    // cue in the clause (or the outer one's, or this
                    // document).
                    let target = if clause_cut { outer } else { prev.or(outer) };
                    Rel {
                        relation: Relation::Mentions,
                        by: None,
                        acts: Some((verb, target)),
                    }
                } else {
                    // No agent (`Văn bản bị bãi bỏ: Thông tư …`): the
                    // citation undergoes it, by this document.
                    Rel::of(verb)
                }
            }
            Some((_, _, k)) => {
                let relation = CUES[k].1;
                Rel {
                    relation,
                    by: outer
                        .or_else(|| item_title_owner(norm, found, ls, i))
                        .filter(|_| relation != Relation::Mentions),
                    acts: None,
                }
            }
            None if outer.is_some() => Rel::of(Relation::Mentions),
            None if row_rel.is_some() => Rel::of(row_rel.unwrap_or_default()),
            None if basis || tables.in_basis_column(norm, lines, line, f.start) => Rel::of(Relation::Basis),
            None => match heads.at(line, found, f.start) {
                Some(Head::Basis { .. }) => Rel::of(Relation::Basis),
                // A list's item takes the cue of the line that opens the
                // list when the citation opens the item.
                Some(Head::Cue { rel, .. }) if opens_item(&norm[ls..f.start]) => rel,
                Some(Head::Merged { base, marker }) if opens_item(&norm[ls..f.start]) => match base {
                    None => {
                        heads.head = Some(Head::Merged { base: Some(i), marker });
                        Rel::of(Relation::Consolidates)
                    }
                    Some(b) => Rel {
                        relation: Relation::Mentions,
                        by: None,
                        acts: Some((Relation::Amends, Some(b))),
                    },
                },
                _ => footnote_ref(norm, lines, f.start, footnote_refs).unwrap_or(Rel::of(Relation::Mentions)),
            },
        };
        // `<citation> … hết hiệu lực` in its clause, the citation its
        // subject (the cue of a list's opening line, `Điều 10. Hiệu lực thi
        // hành và tổ chức thực hiện`, does not govern its own statement).
        let own_cue = hit.is_some() || outer.is_some() || basis;
        let rel = if (rel == Rel::of(Relation::Mentions) || !own_cue && rel.acts.is_none()) && subject_position {
            let ahead = sentence_ahead(&norm[f.end..]);
            let ahead = &ahead[..ahead.find(". ").unwrap_or(ahead.len())];
            // Only `hết hiệu lực` counts there: look for cues only then (the
            // words found before any fold, as printed or stripped).
            let folded = if has_hieu_luc(ahead) {
                fold(&without_brackets(ahead))
            } else {
                String::new()
            };
            // (The last cue up to it: `… hết hiệu lực thi hành kể từ ngày …
            // có hiệu lực thi hành` holds other cues after it.)
            let upto = folded.find("het hieu luc").map(|k| &folded[..k + "het hieu luc".len()]);
            if upto.is_some_and(|u| cue_relation_folded(u) == Some(Relation::Repeals)) {
                Rel::of(Relation::Repeals)
            } else {
                rel
            }
        } else {
            rel
        };
        // A page's footnote restating a citation its marker is glued to:
        // that one's relation.
        let rel = match super::pdf_table::restated(norm, found, i) {
            Some(j) if rel.by.is_none() && rel.acts.is_none() => out[j],
            _ => rel,
        };
        out.push(rel);
    }
    out
}

/// `A … sửa đổi … của B … và C … sửa đổi …`: C (`i`, joined to B, `j`, by
/// glue) acts on a document itself (its own subject opens with `sửa đổi`,
/// `bổ sung`, `thay thế`, `bãi bỏ`): no second object of A's verb but a
/// second item of the list A is in. A, whose relation C takes.
fn second_actor(
    norm: &str,
    found: &[Found],
    outers: &[Option<usize>],
    out: &[Rel],
    i: usize,
    j: usize,
) -> Option<usize> {
    if !acts_itself(norm, &found[i]) {
        return None;
    }
    let head = match outers[j] {
        Some(o) => Some(o).filter(|_| out[j].by == Some(o) && outers[i] == Some(o)),
        None => acting_head(norm, found, outers, out, j),
    };
    head.filter(|&o| out[o].acts.is_none())
}

/// The citation whose statement makes citation `j` the object of an
/// acting verb in its clause (`Căn cứ Nghị định số A … của Chính phủ⏎sửa
/// đổi, bổ sung một số điều của Nghị định số B`): the one before `j` at
/// its level, with only that verb's cue between them (no `;`, no
/// sentence's end), when `j`'s relation is that verb's.
fn acting_head(norm: &str, found: &[Found], outers: &[Option<usize>], out: &[Rel], j: usize) -> Option<usize> {
    if out[j].by.is_some()
        || !matches!(
            out[j].relation,
            Relation::Amends | Relation::Replaces | Relation::Repeals
        )
    {
        return None;
    }
    let k = (0..j)
        .rev()
        .take_while(|&k| found[k].start + GRAMMAR_WINDOW > found[j].start)
        .find(|&k| outers[k] == outers[j] && found[k].end <= found[j].start)?;
    let gap = &norm[found[k].tail.max(found[k].end).min(found[j].start)..found[j].start];
    if gap.contains(';') || ends_sentence(gap) {
        return None;
    }
    let folded = fold(gap);
    let (_, _, cue) = clause_cue(folded.as_bytes(), false)?;
    (CUES[cue].1 == out[j].relation && out[k].relation != out[j].relation).then_some(k)
}

/// Only bullets, numbering, markup and spaces (no letter) in a folded
/// text?
fn clause_initial_folded(before: &str) -> bool {
    !before.bytes().any(|c| c.is_ascii_alphabetic())
}

/// Does a citation's own subject open with a verb acting on a document
/// (`sửa đổi, bổ sung một số điều của …`, `thay thế …`, `bãi bỏ …`)?
fn acts_itself(norm: &str, f: &Found) -> bool {
    let Some((s, e)) = f.subject_range else {
        return false;
    };
    let head = fold(prefix(&norm[s..e], 24));
    ["sua doi", "bo sung", "thay the", "bai bo"]
        .iter()
        .any(|v| head.starts_with(v))
}

/// Is there a copula `là` between cue `hit` and the end of the folded
/// clause (a cue that acts on a document, not one naming the citation
/// itself: `gọi là`, `gọi tắt là`)?
fn copula_after(folded: &str, (end, _, k): (usize, usize, usize)) -> bool {
    CUES[k].1 != Relation::Mentions
        && k != PASSIVE
        && folded[end..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "la")
}

/// The columns of a Markdown table headed `Căn cứ …` (`Căn cứ bổ sung`,
/// `Căn cứ pháp lý`, `Căn cứ ban hành`): the documents in them are the
/// basis. Each table is read once, when its first citation asks.
#[derive(Default)]
struct BasisColumns {
    /// The table last read: its first and last lines, and the indices of
    /// its `Căn cứ` columns (0 the cell after the opening `|`).
    table: Option<(usize, usize, Vec<usize>)>,
}

impl BasisColumns {
    /// Is the citation at `at`, on line `line`, in a `Căn cứ` column?
    fn in_basis_column(&mut self, norm: &str, lines: &LineIndex, line: usize, at: usize) -> bool {
        let row = |l: usize| {
            let (a, b) = lines.line_range(norm, l);
            norm[a..b].trim_start_matches([' ', '\t'])
        };
        let (ls, _) = lines.line_range(norm, line);
        if !row(line).starts_with('|') {
            return false;
        }
        if !self
            .table
            .as_ref()
            .is_some_and(|&(first, last, _)| first <= line && line <= last)
        {
            let mut first = line;
            while first > 1 && row(first - 1).starts_with('|') {
                first -= 1;
            }
            let mut last = line;
            while last < lines.starts().len() && row(last + 1).starts_with('|') {
                last += 1;
            }
            // The header: the rows before the `|---|` line (the first row
            // when there is none).
            let header_end = (first..=last).find(|&l| is_separator_row(row(l))).unwrap_or(first + 1);
            let mut columns = Vec::new();
            for l in first..header_end.max(first + 1) {
                for (k, cell) in row(l).split('|').skip(1).enumerate() {
                    if starts_with_folded(cell.trim_start(), "can cu").is_some() && !columns.contains(&k) {
                        columns.push(k);
                    }
                }
            }
            self.table = Some((first, last, columns));
        }
        let Some((_, _, columns)) = &self.table else {
            return false;
        };
        let column = norm[ls..at].matches('|').count().saturating_sub(1);
        columns.contains(&column)
    }
}

// RowRelation ::= "|" … Cell … "|"   where one Cell is only a relation word
//   ("Căn cứ" | "Sửa đổi" ["," "bổ sung"] | "Được sửa đổi" … | "Bãi bỏ"
//    | "Thay thế" | "Hướng dẫn" | "Thực hiện" | "Tham chiếu" | "Liên quan")
/// The relation a Markdown table row gives its citations when one of its
/// cells holds only a relation word (a `Ghi chú`/`Quan hệ` column: `|
/// 57/2014/QH13 | Luật Tổ chức Quốc hội | Căn cứ |`), if `row` (from its
/// line's start) is one.
fn row_relation(row: &str) -> Option<Relation> {
    let row = &row[..row.find('\n').unwrap_or(row.len())];
    if !row.trim_start().starts_with('|') {
        return None;
    }
    row.split('|').find_map(|cell| {
        let cell = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.'));
        if cell.is_empty() || cell.len() > 40 {
            return None;
        }
        Some(match fold(cell).as_str() {
            "can cu" => Relation::Basis,
            "sua doi" | "sua doi, bo sung" | "duoc sua doi" | "duoc sua doi, bo sung" | "bi sua doi" => {
                Relation::Amends
            }
            "bai bo" | "bi bai bo" | "duoc bai bo" => Relation::Repeals,
            "thay the" | "bi thay the" | "duoc thay the" => Relation::Replaces,
            "huong dan" | "huong dan thi hanh" => Relation::Guides,
            "thuc hien" => Relation::Implements,
            "tham chieu" | "lien quan" => Relation::Mentions,
            _ => return None,
        })
    })
}

/// A Markdown table's `|---|:---:|` line.
fn is_separator_row(row: &str) -> bool {
    row.contains('-')
        && row
            .trim_end()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The rest of a sentence from `s` on (at most 400 bytes), to a `;`, a
/// bracket, or a line break that ends it: not a hard wrap, where the line
/// goes on in lower case (`2. Thông tư số … của Bộ⏎trưởng … quy định mức
/// điều chỉnh …⏎hết hiệu lực …`).
fn sentence_ahead(s: &str) -> &str {
    let s = prefix(s, 400);
    let mut from = 0;
    loop {
        let Some(k) = s[from..].find([';', '[', ']', '\n']).map(|k| from + k) else {
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

/// After agent `j` of a passive verb, does citation `i` go on the list of
/// what undergoes it? When it, or one listed after it, undergoes a passive
/// verb itself (`Luật A số … đã được sửa đổi, bổ sung theo Luật số B, Luật
/// C số … đã được sửa đổi, bổ sung theo …`), or when the agent is cited by
/// number only and this one by name, as laws that amend others and laws
/// amended are (`… theo Luật số 21/2012/QH13, Luật Thuế tiêu thụ đặc biệt
/// số …`).
pub(super) fn resumes_patients(norm: &str, found: &[Found], i: usize, j: usize) -> bool {
    chain_undergoes(norm, found, i)
        || !has_name(norm, &found[j]) && has_name(norm, &found[i]) && found[j].doc_type == found[i].doc_type
}

/// Is a citation printed with a name (`Luật Đất đai số …`, `Luật giáo dục
/// đại học số …`): words between its type word and `số`?
fn has_name(norm: &str, f: &Found) -> bool {
    if f.name.is_some() {
        return true;
    }
    let (Some(t), Some((s, _))) = (f.doc_type, f.symbol_range) else {
        return false;
    };
    let mut words: Vec<&str> = norm[f.start..s.max(f.start)].split_whitespace().collect();
    if words.last().is_some_and(|w| fold(w) == "so") {
        words.pop();
    }
    words.len() > t.split_whitespace().count()
}

/// Does citation `i`, or one listed after it (joined by glue only), undergo
/// a passive verb (`…, Luật Thuế tài nguyên số …, Luật Quản lý thuế số …
/// đã được sửa đổi, bổ sung theo …`: the list is of patients)?
fn chain_undergoes(norm: &str, found: &[Found], i: usize) -> bool {
    for k in i..i + 8 {
        if undergoes(&norm[found[k].end..]) {
            return true;
        }
        let Some(next) = found.get(k + 1) else {
            return false;
        };
        let from = found[k].tail.max(found[k].end);
        if next.start < from || next.start - from > 64 {
            return false;
        }
        let gap = &norm[from..next.start];
        if gap.contains(';') || !is_glue(gap) {
            return false;
        }
    }
    false
}

/// Does a passive verb follow a citation (`đã được sửa đổi, bổ sung`,
/// `bị bãi bỏ`), after its date or issuer?
fn undergoes(after: &str) -> bool {
    let f = fold(prefix(after, 64));
    let f = f.trim_start();
    let f = f.strip_prefix("da ").unwrap_or(f);
    (f.starts_with("duoc ") || f.starts_with("bi ")) && passive_cue(f.as_bytes(), 0).is_some()
}

/// Does `s` hold `hiệu lực` (`HIỆU LỰC`, `hieu luc`, `Hiệu lực`)?
fn has_hieu_luc(s: &str) -> bool {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        ["hiệu lực", "HIỆU LỰC", "Hiệu lực", "hieu luc", "HIEU LUC"]
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    finders.iter().any(|f| f.find(s.as_bytes()).is_some())
}

/// Does a passive cue (folded) name its agent (`bởi`, `theo`, `tại`
/// after the verb)?
fn passive_agent(cue: &[u8]) -> bool {
    let c = cue.strip_suffix(b":").unwrap_or(cue);
    c.ends_with(b" boi") || c.ends_with(b" theo") || c.ends_with(b" tai")
}

/// Does the text between a line's start and a citation only open a list
/// item (its bullet or number, and at most four words, not counting a
/// pinpoint: `c) Khoản 2, 3, 4, 5 Điều 27 Nghị định số …`)?
fn opens_item(before: &str) -> bool {
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
        .count()
        <= 4
}

/// A citation at the start of line `line` (nothing before it there) whose
/// line before ends with `;`: the last citation of that line, which the
/// list goes on from.
fn continued_list(norm: &str, lines: &LineIndex, line: usize, ls: usize, found: &[Found], i: usize) -> Option<usize> {
    if line < 2 || !unbulleted(&norm[ls..found[i].start]).trim().is_empty() {
        return None;
    }
    let (ps, pe) = lines.line_range(norm, line - 1);
    if !norm[ps..pe].trim_end().ends_with(';') {
        return None;
    }
    (0..i)
        .rev()
        .take_while(|&j| found[j].start >= ps)
        .find(|&j| found[j].start < pe)
}

/// The relation of the footnote marker's place in the text, for a citation
/// with no cue in a footnote: the footnote lists what the marked words
/// name (`… thực hiện … 06 nghị quyết chuyên đề⁽¹⁾` and `⁽¹⁾ Nghị quyết số
/// 05-NQ/TU …`). `refs` holds, for each footnote, the line start of its
/// text and where its marker stands in the text.
fn footnote_ref(norm: &str, lines: &LineIndex, at: usize, refs: &[(usize, usize)]) -> Option<Rel> {
    let (ls, _) = lines.line_range(norm, lines.line(at));
    let &(_, marker) = refs.iter().find(|&&(line, _)| line == ls)?;
    // The marker's clause, back to its line's start, or to the line before
    // when a blank line broke the sentence (`góp phần thực hiện thắng lợi⏎⏎
    // nhiệm vụ … và 06 nghị quyết chuyên đề …[1].`).
    let ml = lines.line(marker);
    let (mut ms, _) = lines.line_range(norm, ml);
    if norm[ms..].starts_with(char::is_lowercase) {
        let mut l = ml;
        while l > 1 {
            l -= 1;
            let (ps, pe) = lines.line_range(norm, l);
            let prev = norm[ps..pe].trim_end();
            if prev.is_empty() {
                continue;
            }
            if !prev.ends_with(['.', ';', ':', '!', '?']) {
                ms = ps;
            }
            break;
        }
    }
    let window = suffix(&norm[ms..marker], CUE_WINDOW);
    let (hit, _, _) = window_cue(window, false);
    hit.filter(|&(_, _, k)| k != PASSIVE)
        .map(|(_, _, k)| Rel::of(CUES[k].1))
}

#[cfg(test)]
mod tests {
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
        }
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
}
