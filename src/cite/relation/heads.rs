//! The heads of lists: what the lines before a list say about its items.

use super::clause::passive_agent;
#[cfg(test)]
use super::lines::is_group_label;
use super::lines::{
    is_basis_heading, is_basis_line, is_heading, label_words, list_marker, names_no_cue, opens_item, opens_row,
    unbulleted, unheaded, wrapped_floor, Marker,
};
use super::Rel;
use crate::cite::cues::{clause_cue, passive_relation, CUES, PASSIVE};
use crate::cite::lex::{prefix, suffix};
use crate::cite::{Found, CUE_WINDOW};
use crate::model::Relation;
use crate::normalize::{fold, fold_into, starts_with_folded};
use crate::text::LineIndex;

/// Does a passive cue with no agent (`bị bãi bỏ toàn bộ:`) follow a count
/// of documents (`**36 văn bản** bị bãi bỏ`, `Các văn bản bị bãi bỏ`) in
/// `folded`? The list it opens is of what undergoes it, by this document.
pub(super) fn names_undergoers(folded: &str, (end, len): (usize, usize)) -> bool {
    let cue = folded.as_bytes()[end - len..end]
        .strip_suffix(b":")
        .unwrap_or(&folded.as_bytes()[end - len..end]);
    !passive_agent(cue)
        && cue.starts_with(b"bi ")
        && folded[..end - len]
            .trim_end_matches(|c: char| c == '*' || c.is_whitespace())
            .ends_with("van ban")
}

/// The citation opening a list item that is followed by its title after a
/// dash (`31. QĐ 40/2006/QĐ-BNN — Điều chỉnh, bổ sung QĐ 74/2004/QĐ-BNN
/// về …`): a cue in the title is that citation's statement, not this
/// document's. For citation `i` on the line starting at `ls`.
pub(super) fn item_title_owner(norm: &str, found: &[Found], ls: usize, i: usize) -> Option<usize> {
    let j = found[..i].partition_point(|f| f.start < ls);
    let owner = found.get(j).filter(|_| j < i)?;
    if !opens_item(&norm[ls..owner.start]) || list_marker(&norm[ls..]).is_none() {
        return None;
    }
    let gap = &norm[owner.tail.max(owner.end).min(found[i].start)..found[i].start];
    let gap = gap.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
    (gap.starts_with(['—', '–', '-', ':']) && !gap.contains(';')).then_some(j)
}

/// What the lines before a list say about its items.
#[derive(Debug, Clone, Copy)]
pub(super) enum Head {
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
    /// the text to read (`from..to`; `from` none for the start of the
    /// clause the line ends, with the lines it was wrapped from, also read
    /// only then: see [`Heads::opener_from`]), its line's number, start and
    /// end.
    Opener {
        from: Option<usize>,
        to: usize,
        number: usize,
        line: (usize, usize),
        marker: Option<Marker>,
    },
}

/// How many lines a page's footnotes may run to (see
/// [`Heads::footnotes_end`]).
const FOOTNOTES_LINES: usize = 80;

/// The heads of lists, read line by line as the citations go (each line
/// once).
pub(super) struct Heads<'a> {
    pub(super) norm: &'a str,
    pub(super) lines: &'a LineIndex,
    /// The next line (1-based) to read.
    pub(super) next: usize,
    pub(super) head: Option<Head>,
    /// The line read last was a digital signature's stamp.
    pub(super) stamp: bool,
    /// While a page's footnotes are read: the line (1-based) ending them,
    /// the page header printed after them (see [`Heads::footnotes_end`]),
    /// and the head they interrupted, taken up again there.
    pub(super) footnotes: Option<(usize, Option<Head>)>,
    /// The buffer an opening line's text is folded into (see
    /// [`Heads::resolve_if`]), and the first bytes of a line that may be a
    /// stamp or a page header (see [`Heads::read`]): reused from one to the
    /// next.
    pub(super) folded: String,
}

impl<'a> Heads<'a> {
    /// The head over line `line`, after reading the lines before it.
    pub(super) fn at(&mut self, line: usize, found: &[Found], start: usize) -> Option<Head> {
        while self.next < line {
            // Most lines change nothing (an item's text under its list's
            // head, prose with no head open): they are passed over in a
            // tight loop (see [`quiet_line`]), up to the first that may, or
            // the end of the page's footnotes being read. (Not after a
            // stamp: the line after it is read whole.)
            if !self.stamp {
                let to = self.footnotes.map_or(line, |(end, _)| end.clamp(self.next, line));
                self.next = self.quiet_until(self.next, to);
                if self.next >= line {
                    break;
                }
            }
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
                        crate::cite::types::starts_citation(text.trim_start())
                            || (ls..=le).contains(&start)
                                && (unbulleted(&self.norm[ls..start]).is_empty() || opens_row(&self.norm[ls..start]))
                    }
                } =>
            {
                if let Some(h @ Head::Opener { .. }) = self.head {
                    self.head = self.resolve(h, found);
                }
                self.head
            }
            _ => None,
        }
    }

    /// The first line from `from` on, before `to`, that is no
    /// [`quiet_line`] under the head open (`to` if none): the lines
    /// [`Heads::read`] passes over, changing nothing. (Asked with no stamp
    /// before, and before the end of any page's footnotes being read.)
    fn quiet_until(&self, from: usize, to: usize) -> usize {
        let b = self.norm.as_bytes();
        let starts = self.lines.starts();
        // (The line's bytes as [`LineIndex::line_range`] gives them.)
        let mut s = starts.get(from - 1).copied().unwrap_or(b.len());
        for l in from..to {
            let next = starts.get(l).copied();
            let e = next.map_or(b.len(), |e| e - 1).max(s);
            if !quiet_line(self.norm, (s, e), self.head) {
                return l;
            }
            s = next.unwrap_or(b.len());
        }
        to
    }

    // PageFootnotes ::= Blank Footnote Line* PageHeader
    //   Footnote    ::= Number{1,3} " " Capital Text   (no citation first)
    //   PageHeader  ::= "CÔNG BÁO/" …
    /// When line `line` (`raw`) opens a page's footnotes (after a blank
    /// line, its number first, a space and a capital: `13 Các điều 2, 3 của
    /// Thông tư số …`), the line of the page header that follows them, no
    /// more than [`FOOTNOTES_LINES`] lines on. (Not a line opening with a
    /// citation: a table's row, its number and first cell on one line, may
    /// be one.)
    fn footnotes_end(&self, line: usize, raw: &str) -> Option<usize> {
        let rest = crate::cite::pdf_table::footnote_text(raw).filter(|_| line >= 2)?;
        let (ps, pe) = self.lines.line_range(self.norm, line - 1);
        if !self.norm[ps..pe].trim().is_empty() || crate::cite::types::starts_citation(rest) {
            return None;
        }
        (line + 1..(line + FOOTNOTES_LINES).min(self.lines.starts().len() + 1)).find(|&l| {
            let (a, b) = self.lines.line_range(self.norm, l);
            self.norm[a..b].trim_start().starts_with("CÔNG BÁO/")
        })
    }

    /// Where the text of an opening line `opener` starts: its `from`, or,
    /// when none is set, the start of the clause it ends (see
    /// [`wrapped_floor`]: the same each time it is asked, the text never
    /// changing).
    pub(super) fn opener_from(&self, opener: Head) -> usize {
        match opener {
            Head::Opener { from: Some(from), .. } => from,
            Head::Opener {
                from: None,
                number,
                line: (ls, _),
                ..
            } => wrapped_floor(self.norm, self.lines, number, ls),
            _ => unreachable!("an opening line"),
        }
    }

    /// What an opening line `opener` ([`Head::Opener`]) says: the cue of its
    /// end and, for a passive one, the last citation before it.
    fn resolve(&mut self, opener: Head, found: &[Found]) -> Option<Head> {
        self.resolve_if(opener, found, false)
    }

    /// [`Heads::resolve`] when what it says keeps a list's head across a
    /// group label ([`keeps_across_label`]), else none. (Most opening
    /// lines read so say no verb acting on documents: their folded text
    /// holds none of [`KEEPING_VERBS`], and no cue is looked for.)
    fn resolve_keeping(&mut self, opener: Head, found: &[Found]) -> Option<Head> {
        self.resolve_if(opener, found, true)
            .filter(|h| matches!(h, Head::Cue { rel, .. } if keeps_across_label(*rel)))
    }

    /// [`Heads::resolve`], or, with `keeping`, none when the opening line's
    /// folded text holds no verb of [`KEEPING_VERBS`].
    fn resolve_if(&mut self, opener: Head, found: &[Found], keeping: bool) -> Option<Head> {
        // (The folded text written into the buffer kept for it.)
        let mut folded = std::mem::take(&mut self.folded);
        let head = self.resolve_into(opener, found, keeping, &mut folded);
        self.folded = folded;
        head
    }

    /// [`Heads::resolve_if`], the opening line's text folded into
    /// `folded`.
    fn resolve_into(&self, opener: Head, found: &[Found], keeping: bool, folded: &mut String) -> Option<Head> {
        let Head::Opener {
            to,
            line: (ls, le),
            marker,
            ..
        } = opener
        else {
            return Some(opener);
        };
        let from = self.opener_from(opener);
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
        fold_into(tail, folded);
        let folded: &str = folded;
        if folded.contains("hop nhat tu") {
            return Some(Head::Merged { base: None, marker });
        }
        if keeping && !holds_keeping_verb(folded.as_bytes()) {
            return None;
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
                // (What follows the citation is folded only when the cue is
                // before it.)
                end > fold(&self.norm[tail_at..found[j].start]).len() || {
                    let listed = fold(&self.norm[found[j].end.min(to)..to]);
                    listed.contains("sau") && !listed.contains("nhu sau")
                }
            })
        };
        let cue = clause_cue(folded.as_bytes(), false).filter(|&(end, _, _)| cue_after(end));
        cue.map(|(end, len, k)| {
            let rel = if k == PASSIVE && names_undergoers(folded, (end, len)) {
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
        // A page's footnotes, printed between its last line and the next
        // page's header, are read on their own (one may open a list: `1 Văn
        // bản này được hợp nhất từ 02 Nghị định sau:`), and the list they
        // interrupt goes on after them (`a) Thông tư số …;⏎⏎13 Các điều 2,
        // 3 của …⏎…⏎CÔNG BÁO/Số …⏎b) Thông tư số …`).
        match self.footnotes {
            Some((end, _)) if line < end => {}
            _ => {
                if let Some((_, outer)) = self.footnotes.take() {
                    self.head = outer;
                }
                // (A byte test first: the line's first byte is a digit.)
                if raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                    if let Some(end) = self.footnotes_end(line, raw) {
                        self.footnotes = Some((end, self.head.take()));
                    }
                }
            }
        }
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
        // (Each of those words holds a `:` or a `/`, which only `:` and `/`
        // fold to: a line without one in its first bytes is folded for
        // nothing.)
        let head24 = || prefix(&raw[k..], 24);
        if matches!(first, [b'N' | b'E' | b'C' | b'T' | b'K', ..])
            && memchr::memchr2(b':', b'/', head24().as_bytes()).is_some()
        {
            // (Folded into the buffer kept for an opening line's text: no
            // `String` allocated for each such line.)
            let mut f = std::mem::take(&mut self.folded);
            fold_into(head24(), &mut f);
            let (signed, header) = (crate::cite::pdf_table::is_stamp(&f), f.starts_with("cong bao/"));
            self.folded = f;
            if signed {
                self.stamp = true;
                return;
            }
            if header {
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
        let text = crate::text::trim(raw);
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
        let article = d_start && {
            let titled = unheaded(text);
            starts_with_folded(titled, "dieu ").is_some_and(|k| titled[k..].starts_with(|c: char| c.is_ascii_digit()))
        };
        // A group label on its own line (`**Quy chuẩn, danh mục giống:**`,
        // its bold gone in the normalized text) between runs of a list's
        // items: the list goes on. (`text` is trimmed: a label ends it with
        // `:`, tested first.)
        // (Only under a verb acting on the documents listed: `Trong đó:`
        // under `… thực hiện … như sau:` opens a formula's terms. Under a
        // list's head read already, another verb: the line is read as any
        // other, and is not tested for a label.)
        let label_keeps = match self.head {
            Some(Head::Opener { .. }) => true,
            Some(Head::Cue { rel, .. }) => keeps_across_label(rel),
            _ => false,
        };
        // (Either way the line, ending with `:`, opens a list when the head
        // does not go on: then what the head's opening line says is never
        // asked, and it is read here only for a head that keeps. That is
        // asked before the label's own cue, seldom read then: few opening
        // lines keep.)
        if label_keeps && !article && text.ends_with(':') {
            if let Some(words) = label_words(text) {
                let kept = match self.head {
                    Some(h @ Head::Opener { .. }) => self.resolve_keeping(h, found),
                    h => h,
                };
                if let Some(h @ Head::Cue { rel, .. }) = kept {
                    if keeps_across_label(rel) && names_no_cue(words) {
                        self.head = Some(h);
                        return;
                    }
                }
            }
        }
        let text_at = ls + (text.as_ptr() as usize - raw.as_ptr() as usize);
        // (The start of the clause a line ending with `:` ends is read
        // only when the line's cue is: see [`Heads::opener_from`].)
        let opener = match text.strip_suffix(':') {
            Some(before) => Some((None, text_at + before.len())),
            None if article && !text.ends_with(['.', ';']) => Some((Some(text_at), text_at + text.len())),
            None => None,
        };
        if let Some((from, to)) = opener {
            self.head = Some(Head::Opener {
                from,
                to,
                number: line,
                line: (ls, le),
                marker: marker(),
            });
            return;
        }
        // A Markdown heading (`## Chương II`, `### Mục 3`) ends a list.
        if opens_with_hash(raw, k) {
            self.head = None;
            return;
        }
        self.head = match self.head {
            Some(Head::Basis { .. }) if marker().is_some() || is_basis_line(text) => {
                Some(Head::Basis { content: true })
            }
            Some(Head::Basis { content: false }) => Some(Head::Basis { content: true }),
            // (With no marker on the opening line, no item's marker is the
            // same: the line's is not read.)
            Some(Head::Cue { marker: m, .. } | Head::Merged { marker: m, .. } | Head::Opener { marker: m, .. })
                if article || m.is_some() && marker() == m =>
            {
                None
            }
            Some(h @ (Head::Cue { .. } | Head::Merged { .. } | Head::Opener { .. })) => Some(h),
            _ => None,
        };
    }
}

/// The verbs (folded) of every cue that [`keeps_across_label`]: `sửa
/// đổi`, `bổ sung`, `đính chính`, `điều chỉnh` (amending), `thay thế`
/// (replacing), `bãi bỏ`, `hết hiệu lực` (repealing). An active cue giving
/// one of those relations holds its verb; a passive one keeps only when it
/// opens with `bị` and its verb ([`passive_relation`]: a passive cue always
/// names one) is one of them. (Looked for by [`holds_keeping_verb`].)
#[cfg(test)]
const KEEPING_VERBS: [&str; 7] = [
    "sua doi",
    "bo sung",
    "dinh chinh",
    "dieu chinh",
    "thay the",
    "bai bo",
    "het hieu luc",
];

/// Does folded `b` hold a verb of [`KEEPING_VERBS`]? Each verb has a
/// space after its first word (`sua`, `bo`, `bai`, `dinh`, `dieu`,
/// `thay`, `het`, ending with `ua`, `bo`, `ai`, `nh`, `eu`, `ay`, `et`:
/// no two the same), so each place one is found at has a space where
/// that word ends: the spaces are found eight bytes at a time, and at
/// each the two bytes before it say which verb alone may end its first
/// word there, read whole then. (A byte at a time, a branch on each
/// letter that may open a verb mispredicts often.)
fn holds_keeping_verb(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let at_space = |p: usize| {
        // (The verb whose first word is `w` bytes long, ending at `p`.)
        let verb = |v: &str, w: usize| p >= w && b[p - w..].starts_with(v.as_bytes());
        match b[p.saturating_sub(2)..p] {
            [b'u', b'a'] => verb("sua doi", 3),
            [b'b', b'o'] => verb("bo sung", 2),
            [b'a', b'i'] => verb("bai bo", 3),
            [b'n', b'h'] => verb("dinh chinh", 4),
            [b'e', b'u'] => verb("dieu chinh", 4),
            [b'a', b'y'] => verb("thay the", 4),
            [b'e', b't'] => verb("het hieu luc", 3),
            _ => false,
        }
    };
    let mut base = 0;
    while base < b.len() {
        // Eight bytes from `base` (NUL past the end): the high bit of
        // each lane set where the byte is a space, exactly (its low seven
        // bits added to 0x7F carry into the high bit unless all zero).
        let x = eight_at(b, base) ^ (ONES * u64::from(b' '));
        let mut spaces = !(((x & !HIGH) + !HIGH) | x) & HIGH;
        while spaces != 0 {
            let p = base + spaces.trailing_zeros() as usize / 8;
            if at_space(p) {
                return true;
            }
            spaces &= spaces - 1;
        }
        base += 8;
    }
    false
}

/// The eight bytes of `b` from `at` as a little-endian number, those
/// past its end read as NUL. (Read at once where there are eight: a copy
/// of fewer, its length not known, costs a call.)
#[inline]
fn eight_at(b: &[u8], at: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
        None => b[at.min(b.len())..].iter().rev().fold(0, |w, &c| w << 8 | u64::from(c)),
    }
}

/// Does a list's head `rel` go on across a group label (`**Quy chuẩn,
/// danh mục giống:**`) among its items? Only a verb acting on the
/// documents listed: repealing, replacing or amending them.
fn keeps_across_label(rel: Rel) -> bool {
    rel.acts.is_none() && matches!(rel.relation, Relation::Repeals | Relation::Replaces | Relation::Amends)
}

/// Does [`Heads::read`] pass over the line of `norm` from `s` to `e`
/// (`raw`), changing nothing, under `head`, with no stamp before and no
/// page's footnotes ending there? It reads what `read` reads, a byte at a
/// time where it can, and says no at each line where `read` may act:
/// - one opening with one to three digits and a space (a page's footnote);
/// - past spaces and ASCII bullets, one opening with `N`, `E`, `C`, `T` or
///   `K` and a `:` or `/` in its first 24 bytes (a stamp or a page header;
///   those bytes hold all of a prefix of 24 bytes cut at a character's
///   boundary, as `:` and `/` are ASCII), with `Đi`/`ĐI` (an article's
///   title), or with `c`/`C` unless its last byte past ASCII white space
///   is an ASCII character that is no white space and none a basis
///   heading ends with (`:` or a letter folding to `u`, `y`, `t`, or NUL:
///   see [`is_basis_heading`]);
/// - with no head: a line whose last byte past ASCII white space is `:`,
///   as `read` tests (a line opening with `c`, `Đ` or a bullet that is not
///   ASCII, which `read` reads on, opens no head unless it ends so or is a
///   basis heading or an article's title);
/// - under a basis heading, any line;
/// - under a list's head: a line that may be a heading (`read` asks
///   [`is_heading`] of a line not opening with an ASCII lower-case letter:
///   one with none anywhere, unless it has [`few_letters`]), one whose
///   trimmed text ends with `:` (a group label or an opening line), a
///   Markdown heading, or an item marked as the opening line is.
///
/// A blank line or rule, yes: the head stays. (Tested against `read`
/// itself on real text: see the tests.)
#[inline]
fn quiet_line(norm: &str, (s, e): (usize, usize), head: Option<Head>) -> bool {
    let b = &norm.as_bytes()[s..e];
    // Most lines open with an ASCII letter or digit and end with a
    // printable ASCII byte: they are read here from those two bytes and
    // the line's next, with what the reading below gives for them (see
    // [`quiet_plain_line`]).
    if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        if (0x21..0x7F).contains(&last) {
            return match OPENS[usize::from(first)] {
                Opens::Letter => quiet_after(b, last, head, || b.get(1).filter(|c| matches!(c, b'.' | b')'))),
                Opens::Digit => {
                    let digits = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
                    // (A page's footnote: see below.)
                    if digits <= 3 && b.get(digits) == Some(&b' ') {
                        return false;
                    }
                    quiet_after(b, last, head, || {
                        let lead = digits + b[digits..].iter().take_while(|c| c.is_ascii_digit()).count();
                        b.get(lead).filter(|c| lead <= 3 && matches!(c, b'.' | b')'))
                    })
                }
                Opens::Other => quiet_plain_line(b, norm, (s, e), head),
            };
        }
    }
    quiet_plain_line(b, norm, (s, e), head)
}

/// What a line opens with, for [`quiet_line`]: an ASCII letter that no
/// line [`Heads::read`] may act on opens with (not `c`, `C`, `N`, `E`,
/// `T`, `K`), a digit, or anything else.
#[derive(Clone, Copy)]
enum Opens {
    Letter,
    Digit,
    Other,
}

/// [`Opens`] of each first byte.
const OPENS: [Opens; 256] = {
    let mut t = [Opens::Other; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_digit() {
            t[c] = Opens::Digit;
        } else if b.is_ascii_alphabetic() && !matches!(b, b'c' | b'C' | b'N' | b'E' | b'T' | b'K') {
            t[c] = Opens::Letter;
        }
        c += 1;
    }
    t
};

/// [`quiet_plain_line`] for a line `b` opening with an ASCII letter or
/// digit (no bullet, no white space, no `#` before it) that no case of its
/// first bytes rules on, its last byte `last` printable ASCII (no white
/// space: it ends the trimmed line too): under a list's head, the close of
/// its list marker (`.` or `)`, after one to three digits or one letter)
/// is `close`.
#[inline(always)]
fn quiet_after<'b>(b: &'b [u8], last: u8, head: Option<Head>, close: impl FnOnce() -> Option<&'b u8>) -> bool {
    match head {
        None => last != b':',
        Some(Head::Basis { .. }) => false,
        Some(Head::Cue { marker, .. } | Head::Merged { marker, .. } | Head::Opener { marker, .. }) => {
            (b[0].is_ascii_lowercase() || b.iter().any(u8::is_ascii_lowercase) || few_letters(b))
                && last != b':'
                && marker.is_none_or(|m| {
                    let found = close().map(|&c| match b[0].is_ascii_digit() {
                        true => Marker::Number(c),
                        false => Marker::Letter(c),
                    });
                    found != Some(m)
                })
        }
    }
}

/// [`quiet_line`] read plainly, the line's bytes `b` from `s` to `e`.
#[inline(never)]
fn quiet_plain_line(b: &[u8], norm: &str, (s, e): (usize, usize), head: Option<Head>) -> bool {
    let Some(k) = b.iter().position(|c| {
        !matches!(
            c,
            b' ' | b'\t' | b'\r' | b'-' | b'+' | b'*' | b'>' | b'|' | b'#' | b'_' | b'='
        )
    }) else {
        return true;
    };
    let last = b.iter().rev().find(|c| !c.is_ascii_whitespace()).copied();
    match b[k] {
        b'0'..=b'9' if k == 0 => {
            let digits = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
            if digits <= 3 && b.get(digits) == Some(&b' ') {
                return false;
            }
        }
        b'c' | b'C' => {
            let plain = last.is_some_and(|c| {
                c.is_ascii() && !matches!(c, b':' | 0x0B | 0 | b'u' | b'U' | b'y' | b'Y' | b't' | b'T')
            });
            if !plain || b[k] == b'C' && memchr::memchr2(b':', b'/', &b[k..b.len().min(k + 24)]).is_some() {
                return false;
            }
        }
        0xC4 if matches!(b[k..], [0xC4, 0x90, b'i' | b'I', ..]) => return false,
        b'N' | b'E' | b'T' | b'K' if memchr::memchr2(b':', b'/', &b[k..b.len().min(k + 24)]).is_some() => return false,
        _ => {}
    }
    match head {
        None => last != Some(b':'),
        Some(Head::Basis { .. }) => false,
        Some(Head::Cue { marker, .. } | Head::Merged { marker, .. } | Head::Opener { marker, .. }) => {
            let raw = &norm[s..e];
            (b[k].is_ascii_lowercase() || b.iter().any(u8::is_ascii_lowercase) || few_letters(b))
                && !crate::text::trim_end(raw).ends_with(':')
                && !opens_with_hash(raw, k)
                // (`list_marker` reads the line's first characters past
                // its white space only: untrimmed, the same.)
                && marker.is_none_or(|m| list_marker(raw) != Some(m))
        }
    }
}

/// Has the line of bytes `b` fewer than four letters, counted from above
/// a byte at a time: its ASCII letters and its characters past ASCII
/// (each has one first byte, C0 or over), letters or not? Then it is no
/// heading ([`is_heading`] wants four letters or more): a row of figures
/// (`12.345 | 0,5`) keeps a list's head.
#[inline]
fn few_letters(b: &[u8]) -> bool {
    b.iter()
        .filter(|&&c| c.is_ascii_alphabetic() || c >= 0xC0)
        .take(4)
        .count()
        < 4
}

/// Does `line`, trimmed at its start, open with `#`, its first `k` bytes
/// white space and ASCII bullets (a byte of `line` after them)? (With no
/// `#` among them and an ASCII byte that is no white space next, no: the
/// trim is read only else.)
pub(super) fn opens_with_hash(line: &str, k: usize) -> bool {
    let b = line.as_bytes();
    let plain =
        !b[..k.min(b.len())].contains(&b'#') && b.get(k).is_some_and(|&c| c.is_ascii() && !matches!(c, 0x0B | 0x0C));
    !plain && line.trim_start().starts_with('#')
}

/// A citation at the start of line `line` (nothing before it there) whose
/// line before ends with `;`: the last citation of that line, which the
/// list goes on from.
pub(super) fn continued_list(
    norm: &str,
    lines: &LineIndex,
    line: usize,
    ls: usize,
    found: &[Found],
    i: usize,
) -> Option<usize> {
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

#[cfg(test)]
#[path = "heads_tests.rs"]
mod tests;
