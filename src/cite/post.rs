//! What is printed around a citation, read once all are found:
//!
//! - **A code with its last letter lost** (`26/2016/TT-BLĐTBX`) is the
//!   one cited whole elsewhere in the text.
//! - **`TƯ`** in a Party symbol is the OCR of `TW` or of `TU`: the issuer
//!   tells (`của Tỉnh ủy`, `Thành ủy` → `TU`; `của Bộ Chính trị`, `Ban Bí
//!   thư`, `Ban Chấp hành Trung ương` → `TW`); with no issuer it is read
//!   `TW`, with an `ambiguous-code` warning.
//! - **An effective date** (`có hiệu lực (thi hành) (kể) từ ngày …`) in the
//!   citation's clause belongs to it, or to the citation whose subject holds
//!   it; it is never the issue date.
//! - **A website's editorial note**: a citation inside square brackets (not
//!   a footnote marker `[1]`, not a Markdown link `[…](…)`) is `editorial`.
//! - **The document's own identity** (`self`): the symbol of its header
//!   (the year agreeing where both print one), a `Số:` or `Số hiệu` line,
//!   `(Ban hành) kèm theo …` opening a line when the header has no symbol.
//! - **A consolidated text** (Văn bản hợp nhất): the document its list of
//!   amending documents acts on is the base, `consolidates`.

use super::lex::{prefix, suffix};
use super::relation::Rel;
use super::{Found, GRAMMAR_WINDOW};
use crate::date::IssueDate;
use crate::model::{Acts, Diagnostic, Document, Relation, Severity};
use crate::normalize::{fold, starts_with_folded};
use crate::symbol::Symbol;
use crate::text::Ctx;

/// What [`around`] found for one citation.
#[derive(Debug, Clone, Default)]
pub(super) struct Around {
    /// A relation that overrides the cue's (`consolidates`).
    pub(super) relation: Option<Relation>,
    pub(super) acts: Option<Acts>,
    pub(super) editorial: bool,
    pub(super) effective: Option<IssueDate>,
    pub(super) is_self: bool,
    pub(super) part: bool,
}

/// Read what is printed around each citation (see the module docs).
pub(super) fn around(ctx: &Ctx<'_>, doc: &mut Document, found: &mut [Found], rels: &[Rel]) -> Vec<Around> {
    let norm = ctx.norm;
    let mut out: Vec<Around> = vec![Around::default(); found.len()];
    read_tu(ctx, doc, found);
    complete_truncated(ctx, doc, found);
    effective_dates(norm, found, &mut out);
    let own = doc.symbol.clone();
    let own_year = doc
        .date
        .map(|d| d.year())
        .or_else(|| doc.symbol.as_ref().and_then(|s| s.year()));
    // (In the tests' plain mode, the notes of the whole text read plainly
    // give the answer instead of the cursor's.)
    #[cfg(test)]
    let plain_notes = plain().then(|| editorial_notes_plain(norm));
    let mut notes = NoteCursor::default();
    // No note opens before the text's first `[`: a citation starting at it
    // or before is in none, and no bracket is looked for. (Found among the
    // marks of the line reading, [`Ctx::marks`]: every `[` and `X`.)
    let first_open = ctx
        .marks
        .iter()
        .copied()
        .find(|&p| norm.as_bytes()[p] == b'[')
        .unwrap_or(usize::MAX);
    let mut lines = LineCursor::default();
    for (i, f) in found.iter().enumerate() {
        out[i].editorial = f.start > first_open && notes.holds(norm.as_bytes(), f.start, f.end);
        #[cfg(test)]
        if let Some(notes) = &plain_notes {
            let k = notes.partition_point(|&(open, _)| open < f.start);
            out[i].editorial = k > 0 && notes[k - 1].1 >= f.end;
        }
        let line_start = lines.line_start(ctx, f.start);
        out[i].is_self = is_self(norm, line_start, f, own.as_ref(), own_year);
        let rel = &rels[i];
        out[i].part = matches!(rel.relation, Relation::Repeals | Relation::Replaces)
            && rel.by.is_none()
            && names_a_provision(&norm[line_start..f.start]);
    }
    // The document's own number is printed with no type word: no note.
    let own_spans: Vec<_> = (0..found.len())
        .filter(|&i| out[i].is_self)
        .map(|i| ctx.span(found[i].start, found[i].end))
        .collect();
    if !own_spans.is_empty() {
        doc.diagnostics.retain(|d| {
            d.code != "no-type-word"
                || !d
                    .span
                    .is_some_and(|s| own_spans.iter().any(|o| o.start <= s.start && s.end <= o.end))
        });
    }
    original_rows(ctx, doc, found, rels, &mut out);
    // The base: what the first amending document listed acts on (or the
    // first item of `được hợp nhất từ … sau:`); it is cited again before
    // the first article (under the title). (Found first: with none, the
    // text, searched whole for its authentication block, is not read.)
    let base = rels
        .iter()
        .position(|r| r.relation == Relation::Consolidates)
        .or_else(|| rels.iter().find_map(|r| r.acts.and_then(|(_, t)| t)));
    #[cfg(test)]
    let consolidated = if plain() {
        is_consolidated(norm, &ctx.marks, doc) || opens_with_amended_base(norm, found, rels)
    } else {
        base.is_some() && (is_consolidated(norm, &ctx.marks, doc) || opens_with_amended_base(norm, found, rels))
    };
    #[cfg(not(test))]
    let consolidated =
        base.is_some() && (is_consolidated(norm, &ctx.marks, doc) || opens_with_amended_base(norm, found, rels));
    if consolidated {
        if let Some(base) = base {
            out[base].relation = Some(Relation::Consolidates);
            let sym = found[base].symbol.as_ref();
            let mut first = true;
            for (i, f) in found.iter().enumerate() {
                if sym.is_none() || f.symbol.as_ref() != sym {
                    continue;
                }
                // Its first citation, under the title, when the list comes
                // after; and a form or an annex `Ban hành kèm theo` it, as the
                // consolidated text prints them.
                let (ls, _) = ctx.lines.line_range(norm, ctx.lines.line(f.start));
                let annex = || {
                    fold(suffix(&norm[ls..f.start], 40))
                        .trim_end()
                        .ends_with("ban hanh kem theo")
                };
                if rels[i].by.is_none() && rels[i].acts.is_none() && (first || annex()) {
                    out[i].relation = Some(Relation::Consolidates);
                }
                first = false;
            }
        }
    }
    out
}

/// Where the line holding an offset starts, for offsets read mostly in
/// text order (the citations'): the lines counted on from the last
/// offset's, a few a step, not searched for from the first each time.
#[derive(Default)]
struct LineCursor {
    /// How many lines start at or before the last offset read.
    n: usize,
}

impl LineCursor {
    /// The start of the line holding `p`, as
    /// `ctx.lines.line_range(norm, ctx.lines.line(p)).0` gives it.
    fn line_start(&mut self, ctx: &Ctx<'_>, p: usize) -> usize {
        let starts = ctx.lines.starts();
        #[cfg(test)]
        let plain = plain();
        #[cfg(not(test))]
        let plain = false;
        if plain || self.n == 0 || starts.get(self.n - 1).is_none_or(|&s| s > p) {
            // (Before the last offset, or the first: searched for.)
            self.n = ctx.lines.line(p);
        } else {
            // The lines starting after the last offset, up to `p`: a few
            // counted one by one, then searched for among the rest.
            let mut steps = 0;
            while self.n < starts.len() && starts[self.n] <= p && steps < 4 {
                self.n += 1;
                steps += 1;
            }
            if steps == 4 {
                self.n += starts[self.n..].partition_point(|&s| s <= p);
            }
        }
        ctx.lines.line_range(ctx.norm, self.n).0
    }
}

// PartOf    ::= (Cue | LineStart | ";") … Provision … Citation
// Provision ::= "Điều" Number | "khoản" Number | "Chương" Number | "điểm" Label
//             | "mục" Label | "Phụ lục" | "cụm từ"
/// Does the clause before a repealed or replaced citation (`before`, from
/// the start of its line) name a provision of it, so that only a part of
/// the document is repealed or replaced? `Bãi bỏ khoản 6 Điều 19 của Luật
/// Viễn thông số 41/2009/QH12`, `Bãi bỏ cụm từ “…” tại Nghị định số
/// 10/2022/NĐ-CP`, an item `a) Khoản 22 Điều 79 của Luật Đất đai số
/// 31/2024/QH15` under `Thay thế cụm từ “…” bằng cụm từ “…” tại các luật sau
/// đây:`. The clause starts after the last `bãi bỏ`/`thay thế` cue or `;`
/// of the line, within 240 bytes; `Điều 5.` opening a line is a heading.
fn names_a_provision(before: &str) -> bool {
    let folded = fold(suffix(before, 240));
    let clause = ["bai bo", "thay the", ";"]
        .iter()
        .filter_map(|cue| folded.rfind(cue).map(|k| k + cue.len()))
        .max()
        .map_or(folded.as_str(), |k| &folded[k..]);
    // (Each word with the next, read as they come: no vector of them.)
    let mut words = clause
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '“' | '”' | '"'))
        .filter(|w| !w.is_empty())
        .peekable();
    let numbered =
        |w: Option<&&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && !w.ends_with('.'));
    let labelled =
        |w: Option<&&str>| w.is_some_and(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'));
    while let Some(w) = words.next() {
        let next = words.peek();
        let named = match w {
            "dieu" | "khoan" | "chuong" => numbered(next),
            "diem" | "muc" => labelled(next),
            "phu" => next == Some(&"luc"),
            "cum" => next == Some(&"tu"),
            _ => false,
        };
        if named {
            return true;
        }
    }
    false
}

/// A web copy's row `| **Văn bản gốc** | X |` (the original text) in a
/// document whose title amends X (`Sửa đổi, bổ sung một số điều của Nghị
/// định số X …`): X `amends`.
fn original_rows(ctx: &Ctx<'_>, doc: &Document, found: &[Found], rels: &[Rel], out: &mut [Around]) {
    let Some(title) = doc.subject.as_deref().map(fold).filter(|t| t.starts_with("sua doi")) else {
        return;
    };
    for (i, f) in found.iter().enumerate() {
        let Some(sym) = &f.symbol else { continue };
        if rels[i] != Rel::default() || !title.contains(&fold(&sym.to_string())) {
            continue;
        }
        let (ls, _) = ctx.lines.line_range(ctx.norm, ctx.lines.line(f.start));
        let label = fold(&ctx.norm[ls..f.start]);
        if label.trim_matches(|c: char| matches!(c, '|' | '*' | ' ' | '\t')) == "van ban goc" {
            out[i].relation = Some(Relation::Amends);
        }
    }
}

/// Does the text open as a consolidated text does, with no other mark of
/// one (a copy without its title or authentication block): its first
/// citation, before any other, is the base, and the second is listed as
/// amending it (`Luật … số 84/2015/QH13 …, có hiệu lực …, được sửa đổi, bổ
/// sung bởi:⏎Luật … số 41/2024/QH15 …`, a list under a colon)?
fn opens_with_amended_base(norm: &str, found: &[Found], rels: &[Rel]) -> bool {
    let listed = |gap: &str| gap.trim_end().ends_with(':') && gap.contains('\n');
    rels.first()
        .is_some_and(|r| r.relation == Relation::Mentions && r.acts.is_none() && r.by.is_none())
        && rels.get(1).is_some_and(|r| {
            r.acts
                .is_some_and(|(rel, target)| rel == Relation::Amends && target == Some(0))
        })
        && found.len() > 1
        && found[0].end <= found[1].start
        && listed(&norm[found[0].end..found[1].start])
}

/// A symbol printed with its last letter lost (`26/2016/TT-BLĐTBX`) is the
/// document cited elsewhere in the text with it whole (`26/2016/TT-BLĐTBXH`):
/// repaired, with a `symbol-repair` warning.
fn complete_truncated(ctx: &Ctx<'_>, doc: &mut Document, found: &mut [Found]) {
    // (Whether a symbol's last code is unknown was read when it was
    // built, and again where `TƯ` was read since: see [`read_tu`].)
    #[cfg(test)]
    if plain() {
        for f in found.iter_mut() {
            f.unknown_last = f.symbol.as_ref().is_some_and(super::unknown_last);
        }
    }
    if !found.iter().any(|f| f.unknown_last) {
        return;
    }
    // The unknown last codes: only a symbol whose last code, its last
    // letter lost, is one of them may be what one was printed for.
    let short: rustc_hash::FxHashSet<&str> = found
        .iter()
        .filter(|f| f.unknown_last)
        .filter_map(|f| f.symbol.as_ref()?.issuers().last().map(String::as_str))
        .collect();
    let may_lose_to_short = |s: &Symbol| {
        s.issuers()
            .last()
            .and_then(|c| c.char_indices().last().map(|(k, _)| &c[..k]))
            .is_some_and(|cut| short.contains(&cut))
    };
    // Each whole symbol by how it reads with its last letter lost: one pass.
    let mut whole_of: rustc_hash::FxHashMap<Symbol, Symbol> = rustc_hash::FxHashMap::default();
    // (A whole symbol's last code is a known one: see
    // [`Symbol::truncated`].)
    for s in found
        .iter()
        .filter(|f| !f.unknown_last)
        .filter_map(|f| f.symbol.as_ref())
        .filter(|s| may_lose_to_short(s))
    {
        if let Some(cut) = s.truncated() {
            whole_of.entry(cut).or_insert_with(|| s.clone());
        }
    }
    for f in found.iter_mut().filter(|f| f.unknown_last) {
        let Some(sym) = f.symbol.as_ref() else { continue };
        let Some(whole) = whole_of.get(sym) else { continue };
        let (s, e) = f.symbol_range.unwrap_or((f.start, f.end));
        doc.diagnostics.push(Diagnostic::new(
            "symbol-repair",
            Severity::Warning,
            format!("symbol printed `{sym}`: read `{whole}`, as cited elsewhere in the text (a letter lost)"),
            Some(ctx.span(s, e)),
        ));
        f.symbol = Some(whole.clone());
        f.unknown_last = false;
    }
}

/// `TƯ` read by the issuer (see the module docs).
fn read_tu(ctx: &Ctx<'_>, doc: &mut Document, found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.ocr_tu.is_some()) {
        let Some((s, e)) = f.ocr_tu else { continue };
        let issuer = f.issuer.as_deref().map(fold).unwrap_or_default();
        let provincial = ["tinh uy", "thanh uy"].iter().any(|w| issuer.contains(w));
        let central = ["bo chinh tri", "ban bi thu", "trung uong"]
            .iter()
            .any(|w| issuer.contains(w));
        let (code, diag) = match (provincial, central) {
            (true, false) => (
                "TU",
                Diagnostic::new(
                    "ocr-issuer",
                    Severity::Warning,
                    "issuer code written \"TƯ\": expected \"TU\" (a provincial committee is the issuer)",
                    Some(ctx.span(s, e)),
                ),
            ),
            (false, true) => (
                "TW",
                Diagnostic::new(
                    "ocr-issuer",
                    Severity::Warning,
                    "issuer code written \"TƯ\": expected \"TW\" (a central body is the issuer)",
                    Some(ctx.span(s, e)),
                ),
            ),
            _ => (
                "TW",
                Diagnostic::new(
                    "ambiguous-code",
                    Severity::Warning,
                    "issuer code written \"TƯ\": expected \"TW\" or \"TU\", found no issuer to tell them apart (read \"TW\")",
                    Some(ctx.span(s, e)),
                ),
            ),
        };
        if let Some(sym) = f.symbol.as_mut() {
            sym.replace_issuer("TW", code);
            f.unknown_last = super::unknown_last(sym);
        }
        doc.diagnostics.push(diag);
    }
}

/// The authentication block's first line.
const BLOCK: &str = "XÁC THỰC VĂN BẢN HỢP NHẤT";

/// Does `XÁC THỰC VĂN BẢN HỢP NHẤT` appear in `norm`? Looked for at each
/// `X`, a byte the text rarely has, as `marks` give them ([`Ctx::marks`]:
/// every `[` and `X` of the text, found when its lines were): the text is
/// not read again through for them.
fn authenticated(norm: &str, marks: &[usize]) -> bool {
    #[cfg(test)]
    if plain() {
        return authenticated_plain(norm);
    }
    let b = norm.as_bytes();
    marks.iter().any(|&p| b[p..].starts_with(BLOCK.as_bytes()))
}

/// [`authenticated`] read plainly: a search through the whole text.
#[cfg(test)]
fn authenticated_plain(norm: &str) -> bool {
    memchr::memmem::find(norm.as_bytes(), BLOCK.as_bytes()).is_some()
}

#[cfg(test)]
thread_local! {
    /// Set by a test: the fast paths of this module, [`super::quoted`],
    /// [`super::refers`] and [`super::symbols`] (the slashes found with the
    /// abbreviations) read plainly instead, for comparison.
    static PLAIN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Are the plain readings asked for (see [`PLAIN`])?
#[cfg(test)]
pub(super) fn plain() -> bool {
    PLAIN.with(std::cell::Cell::get)
}

/// The finder of `u l`, the bytes `hiệu lực` and `hieu luc` share.
fn u_l_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new("u l"))
}

/// Where the first `hiệu lực` or `hieu luc` of `b` starts: one search, for
/// the `u l` both have (5 and 3 bytes in), few others of the text have.
/// (Two `u l` are 3 bytes apart at least: the first `u l` that is in one
/// of them is in the first of them.)
fn find_hieu_luc(b: &[u8]) -> Option<usize> {
    u_l_finder().find_iter(b).find_map(|p| {
        if p >= 5 && b[p - 5..].starts_with("hiệu lực".as_bytes()) {
            Some(p - 5)
        } else if p >= 3 && b[p - 3..].starts_with(b"hieu luc") {
            Some(p - 3)
        } else {
            None
        }
    })
}

/// In `ahead`, the text after a citation: where the first `hiệu lực` is,
/// and where the citation's clause ends, when it is in the clause (before
/// its first `;`, line end or bracket, and no `. ` ending before it).
fn effective_clause(ahead: &str) -> Option<(usize, usize)> {
    // The clause's end is found first (its ends are ASCII: byte searches),
    // and `hiệu lực` only up to it, not through the rest of `ahead`: the
    // first one starting by the end is the first of `ahead` (it lies whole
    // in the bytes searched), and one starting after it is out.
    let b = ahead.as_bytes();
    // (A `]` is looked for only before the first of the others.)
    let soft = memchr::memchr3(b';', b'\n', b'[', b).unwrap_or(b.len());
    let within = memchr::memchr(b']', &b[..soft]).unwrap_or(soft);
    // (A `. ` at `d` ends the clause for a `hiệu lực` from `d + 2` on.)
    let stop = memchr::memchr_iter(b'.', &b[..within])
        .find(|&d| b.get(d + 1) == Some(&b' '))
        .map_or(within, |d| d + 1);
    let searched = &b[..(stop + "hiệu lực".len()).min(b.len())];
    let k = find_hieu_luc(searched).filter(|&k| k <= stop)?;
    Some((k, within))
}

/// [`effective_clause`] read plainly: the first `hiệu lực` of `ahead`,
/// then the clause's ends before it, then the clause's end after it.
#[cfg(test)]
fn effective_clause_plain(ahead: &str) -> Option<(usize, usize)> {
    let k = [ahead.find("hiệu lực"), ahead.find("hieu luc")]
        .into_iter()
        .flatten()
        .min()?;
    let ends_clause = |c: &u8| matches!(c, b';' | b'\n' | b'[' | b']');
    let clause = &ahead.as_bytes()[..k];
    if clause.iter().any(ends_clause) || (1..clause.len()).any(|d| clause[d - 1] == b'.' && clause[d] == b' ') {
        return None;
    }
    Some((
        k,
        ahead.as_bytes()[k..]
            .iter()
            .position(ends_clause)
            .map_or(ahead.len(), |e| k + e),
    ))
}

/// `có hiệu lực (thi hành) (kể) từ ngày …` in each citation's clause (up
/// to `;`, a line end, a `. ` or a bracket), given to the citation, or to
/// the one whose subject holds it.
fn effective_dates(norm: &str, found: &[Found], out: &mut [Around]) {
    for (i, f) in found.iter().enumerate() {
        let ahead = prefix(&norm[f.end..], 400);
        #[cfg(test)]
        let effective_clause = if plain() {
            effective_clause_plain
        } else {
            effective_clause
        };
        let Some((k, end)) = effective_clause(ahead) else {
            continue;
        };
        let clause = &ahead[..end];
        // A citation between, not inside this one's subject: the date is
        // that one's.
        let at = f.end + k;
        let between = found[i + 1..]
            .iter()
            .take_while(|g| g.start < at)
            .any(|g| !f.subject_range.is_some_and(|(a, b)| a <= g.start && g.start < b));
        if between {
            continue;
        }
        // Inside another's subject: that one's date. (Its owner found
        // first: one given a date already takes no other, and the date is
        // not read.)
        let owner = (0..i)
            .rev()
            .take_while(|&j| found[j].start + 2 * GRAMMAR_WINDOW > f.start)
            .find(|&j| found[j].subject_range.is_some_and(|(a, b)| a <= f.start && f.start < b))
            .unwrap_or(i);
        #[cfg(test)]
        let dated = out[owner].effective.is_some() && !plain();
        #[cfg(not(test))]
        let dated = out[owner].effective.is_some();
        if dated {
            continue;
        }
        // Before it: `có` (a `hết hiệu lực` is no effective date). (Read
        // before the date: with no `có` the date is not parsed.)
        if !folded_ends_with(&clause[..k], "co") {
            continue;
        }
        let Some(date) = effective_after(&clause[k..]) else {
            continue;
        };
        if out[owner].effective.is_none() {
            out[owner].effective = Some(date);
        }
    }
}

/// Does `s` folded (its end trimmed) end with `w`? Only the end of `s` is
/// folded when it gives as many bytes as `w` has: the fold of `s` ends with
/// the fold of any suffix of it.
fn folded_ends_with(s: &str, w: &str) -> bool {
    // (`có ` as printed, as most are before `hiệu lực`: no fold.)
    #[cfg(test)]
    let fast = w == "co" && !plain();
    #[cfg(not(test))]
    let fast = w == "co";
    if fast && s.ends_with("có ") {
        return true;
    }
    let tail = fold(suffix(s, 2 * w.len() + 16));
    let tail = tail.trim_end();
    if tail.len() >= w.len() {
        return tail.ends_with(w);
    }
    fold(s).trim_end().ends_with(w)
}

/// The date of `hiệu lực (thi hành) (kể) từ ngày …` at the start of `s`:
/// only those words between `hiệu lực` and the date.
fn effective_after(s: &str) -> Option<IssueDate> {
    let head = prefix(s, 80);
    // (The first `ngày`, else the first `ngay`: at an `n`, a byte search,
    // with no searcher built per call for the few bytes read.)
    let b = head.as_bytes();
    let at = |w: &[u8]| memchr::memchr_iter(b'n', b).find(|&p| b[p..].starts_with(w));
    let k = at("ngày".as_bytes()).or_else(|| at(b"ngay"))?;
    // (The words as most print them need no fold: they fold to words
    // taken.)
    const PRINTED: [&str; 4] = [
        "hiệu lực từ ",
        "hiệu lực kể từ ",
        "hiệu lực thi hành từ ",
        "hiệu lực thi hành kể từ ",
    ];
    #[cfg(test)]
    let printed = !plain() && PRINTED.contains(&&head[..k]);
    #[cfg(not(test))]
    let printed = PRINTED.contains(&&head[..k]);
    if !printed {
        let words = fold(&head[..k]);
        let mut ws = words.split(' ').filter(|w| !w.is_empty());
        if ws.next() != Some("hieu")
            || ws.next() != Some("luc")
            || !ws.all(|w| matches!(w, "thi" | "hanh" | "ke" | "tu"))
        {
            return None;
        }
    }
    let (_, raw) = crate::date::date_text_wrapped(&s[k..]).ok()?;
    raw.validate().ok()
}

/// Is a citation inside a website's editorial note: square brackets
/// closed on their line, not a footnote marker (`[1]`) nor a Markdown link
/// (`[37/2025/NĐ-CP](https://…)`); or a note broken over a few lines by
/// the copy (`[Xử phạt … được hướng dẫn bởi ⏎Luật Đầu tư 2020. Chương II
/// Nghị định 122/2021/NĐ-CP có hiệu lực từ ngày 01/01/2022]`), which says
/// what it is: a passive `được`/`bị` … `bởi` statement (see [`is_note`])?
///
/// The brackets pair as one pass over the whole text pairs them (as
/// `editorial_notes_plain` does, in the tests): a `[` and the first
/// bracket after it when that is a `]`. The last note opening before a
/// citation holds it when it closes at its end or after; a note opening
/// before the last bracket before the citation closes before it. So only
/// that bracket is read: the citation is in a note when it is a `[` whose
/// pair is a note closing at its end or after. It is looked for back from
/// the citation's start, no further than a note holding the citation may
/// open: a `[` before a line break more than 1,500 bytes back, or before
/// the fifth line break back, would hold a line break and more than 1,500
/// bytes or five breaks, which no note does. Nor is the text before the
/// last citation's start read again: what was found there is kept. (Not
/// the text between the citations: most of it, far from any, was read for
/// its brackets alone.)
#[derive(Default)]
struct NoteCursor {
    /// The start of the last citation read, and what is before it.
    last: Option<(usize, Before)>,
    /// The last `[` whose pair was read: where it is, where the first
    /// bracket after it is, and whether they are a note.
    pair: Option<(usize, Option<usize>, bool)>,
}

/// What is before a place of the text, for [`NoteCursor`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Before {
    /// The last bracket before it is here (`None`: there is none).
    Bracket(Option<usize>),
    /// No note holding the place opens before it, nor before a place
    /// after it with no bracket between them: a line break more than
    /// 1,500 bytes back, or five.
    Cut,
}

impl NoteCursor {
    /// Is the citation from `s` to `e` in `b` inside an editorial note?
    fn holds(&mut self, b: &[u8], s: usize, e: usize) -> bool {
        let s = s.min(b.len());
        // (From the last citation's start, when this one starts at it or
        // after, what is before was found.)
        let known = self.last.filter(|&(p, _)| p <= s);
        let floor = known.map_or(0, |(p, _)| p);
        let mut hi = s;
        let mut breaks = 0;
        let before = loop {
            match memchr::memrchr3(b'[', b']', b'\n', &b[floor..hi]).map(|k| floor + k) {
                Some(q) if b[q] == b'\n' => {
                    breaks += 1;
                    if breaks >= 5 || s - q > 1500 {
                        break Before::Cut;
                    }
                    hi = q;
                }
                Some(q) => break Before::Bracket(Some(q)),
                None => break known.map_or(Before::Bracket(None), |(_, before)| before),
            }
        };
        self.last = Some((s, before));
        let Before::Bracket(Some(o)) = before else {
            return false;
        };
        if b[o] != b'[' {
            return false;
        }
        let (k, note) = match self.pair {
            Some((q, k, note)) if q == o => (k, note),
            _ => {
                let k = memchr::memchr2(b'[', b']', &b[o + 1..]).map(|k| o + 1 + k);
                let note = k.is_some_and(|k| b[k] == b']' && is_note(b, o, k));
                self.pair = Some((o, k, note));
                (k, note)
            }
        };
        note && k.is_some_and(|k| k >= e)
    }
}

/// The website's editorial notes of the whole text (see [`NoteCursor`]),
/// in order: one pass over both brackets.
#[cfg(test)]
fn editorial_notes_plain(norm: &str) -> Vec<(usize, usize)> {
    let b = norm.as_bytes();
    let mut notes = Vec::new();
    let mut open: Option<usize> = None;
    for k in memchr::memchr2_iter(b'[', b']', b) {
        if b[k] == b'[' {
            open = Some(k);
            continue;
        }
        if let Some(o) = open.take().filter(|&o| is_note(b, o, k)) {
            notes.push((o, k));
        }
    }
    notes
}

/// Are the square brackets at `o` and `k` a note (see [`NoteCursor`])?
fn is_note(b: &[u8], o: usize, k: usize) -> bool {
    let inner = &b[o + 1..k];
    let marker = !inner.is_empty() && inner.len() <= 3 && inner.iter().all(u8::is_ascii_digit);
    let link = b.get(k + 1) == Some(&b'(');
    !marker && !link && (memchr::memchr(b'\n', inner).is_none() || is_broken_note(inner))
}

/// Is `inner`, the text of square brackets over several lines, a website's
/// note broken by the copy: a few lines (at most four breaks, 1,500 bytes)
/// saying that a provision `được …`/`bị …` something `bởi` a document?
fn is_broken_note(inner: &[u8]) -> bool {
    inner.len() <= 1500
        && memchr::memchr_iter(b'\n', inner).count() <= 4
        && memchr::memmem::find(inner, " bởi".as_bytes()).is_some()
        && (memchr::memmem::find(inner, "được ".as_bytes()).is_some()
            || memchr::memmem::find(inner, "bị ".as_bytes()).is_some())
}

/// Does `f` (on the line starting at `line_start`) cite the document
/// itself (see the module docs)?
fn is_self(norm: &str, line_start: usize, f: &Found, own: Option<&Symbol>, own_year: Option<u16>) -> bool {
    let line =
        norm[line_start..f.start].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '*' | '#'));
    if let (Some(sym), Some(own)) = (&f.symbol, own) {
        let year_ok = match (own_year, f.date.map(|d| d.year()).or(sym.year())) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if year_ok && sym == own {
            return true;
        }
    }
    // A `Số:` line, a `Số hiệu` cell: the document's own number.
    let head = &norm[line_start..];
    let opens = |w: &str| {
        let h = head.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '*' | '#'));
        starts_with_folded(h, w).is_some()
    };
    if line.is_empty() && f.doc_type.is_none() && (head.trim_start().starts_with("Số:") || opens("so hieu")) {
        return true;
    }
    // `(Ban hành kèm theo Quyết định số …)` under the document's own annex,
    // when the header gives no number to compare.
    own.is_none() && {
        let l = line.trim_start_matches('(');
        let l = starts_with_folded(l, "ban hanh").map_or(l, |k| l[k..].trim_start());
        starts_with_folded(l, "kem theo").is_some_and(|k| l[k..].trim().is_empty())
    }
}

/// Is the document a consolidated text (Văn bản hợp nhất): its type, its
/// symbol's `VBHN`, its first line, a `…/VBHN-…` number near its top, or
/// its authentication block (`XÁC THỰC VĂN BẢN HỢP NHẤT`)?
fn is_consolidated(norm: &str, marks: &[usize], doc: &Document) -> bool {
    doc.doc_type.as_deref() == Some("Văn bản hợp nhất")
        || doc.symbol.as_ref().is_some_and(|s| s.type_code() == Some("VBHN"))
        || starts_with_folded(norm.trim_start(), "van ban hop nhat").is_some()
        || memchr::memmem::find(prefix(norm, 3000).as_bytes(), b"/VBHN-").is_some()
        || authenticated(norm, marks)
}

#[cfg(test)]
#[path = "post_tests.rs"]
mod tests;
