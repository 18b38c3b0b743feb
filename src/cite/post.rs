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
    // (The notes of the whole text, read plainly, for comparison.)
    #[cfg(test)]
    let plain_notes = plain().then(|| editorial_notes_plain(norm));
    let mut notes = NoteCursor::default();
    let mut lines = LineCursor::default();
    for (i, f) in found.iter().enumerate() {
        #[cfg(test)]
        if let Some(notes) = &plain_notes {
            let k = notes.partition_point(|&(open, _)| open < f.start);
            out[i].editorial = k > 0 && notes[k - 1].1 >= f.end;
        } else {
            out[i].editorial = notes.holds(norm.as_bytes(), f.start, f.end);
        }
        #[cfg(not(test))]
        {
            out[i].editorial = notes.holds(norm.as_bytes(), f.start, f.end);
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
        is_consolidated(norm, doc) || opens_with_amended_base(norm, found, rels)
    } else {
        base.is_some() && (is_consolidated(norm, doc) || opens_with_amended_base(norm, found, rels))
    };
    #[cfg(not(test))]
    let consolidated = base.is_some() && (is_consolidated(norm, doc) || opens_with_amended_base(norm, found, rels));
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

/// Does `XÁC THỰC VĂN BẢN HỢP NHẤT` appear in `norm`? Looked for at each
/// `X`, a byte the text rarely has: one byte search through the whole
/// text, cheaper than a search for the phrase, whose bytes the text is
/// full of.
fn authenticated(norm: &str) -> bool {
    const BLOCK: &str = "XÁC THỰC VĂN BẢN HỢP NHẤT";
    let b = norm.as_bytes();
    memchr::memchr_iter(b'X', b).any(|p| b[p..].starts_with(BLOCK.as_bytes()))
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
        let Some(date) = effective_after(&clause[k..]) else {
            continue;
        };
        // Before it: `có` (a `hết hiệu lực` is no effective date).
        if !folded_ends_with(&clause[..k], "co") {
            continue;
        }
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
fn is_consolidated(norm: &str, doc: &Document) -> bool {
    doc.doc_type.as_deref() == Some("Văn bản hợp nhất")
        || doc.symbol.as_ref().is_some_and(|s| s.type_code() == Some("VBHN"))
        || starts_with_folded(norm.trim_start(), "van ban hop nhat").is_some()
        || memchr::memmem::find(prefix(norm, 3000).as_bytes(), b"/VBHN-").is_some()
        || authenticated(norm)
}

#[cfg(test)]
mod tests {
    use super::names_a_provision;
    use crate::normalize::fold;

    /// Every text parses the same with the fast paths of this module,
    /// [`super::super::quoted`], [`super::super::refers`] and
    /// [`super::super::symbols`] and with their plain readings (the fixtures, and the corpus when beside the
    /// repository).
    #[test]
    fn ok_fast_paths_same_as_plain_on_real_text() {
        let texts = crate::test_texts::texts();
        for (path, text) in &texts {
            let fast = format!("{:?}", crate::parse(text));
            super::PLAIN.with(|p| p.set(true));
            let plain = format!("{:?}", crate::parse(text));
            super::PLAIN.with(|p| p.set(false));
            assert!(fast == plain, "{path:?}");
        }
    }

    /// [`super::effective_clause`] gives what its plain reading gives: on
    /// the text after each place of real text, up to 400 bytes before each
    /// `hiệu lực`, and on the edges of a clause's end.
    #[test]
    fn ok_effective_clause_same_as_plain() {
        use super::{effective_clause, effective_clause_plain};
        let same = |ahead: &str| assert_eq!(effective_clause(ahead), effective_clause_plain(ahead), "{ahead:?}");
        let mut n = 0;
        for (_, text) in crate::test_texts::texts() {
            for w in ["hiệu lực", "hieu luc"] {
                for (at, _) in text.match_indices(w) {
                    for back in (0..400).step_by(7) {
                        let Some(s) = at.checked_sub(back).filter(|&s| text.is_char_boundary(s)) else {
                            continue;
                        };
                        same(crate::cite::lex::prefix(&text[s..], 400));
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 100, "only {n} windows");
        for ahead in [
            "có hiệu lực từ ngày 1/1/2020",
            "hiệu lực",
            "hieu luc",
            "hiệu lự",
            ". hiệu lực",
            "a. hiệu lực",
            "a.hiệu lực",
            "a .hiệu lực",
            "a. ",
            ".",
            "x.",
            ";hiệu lực",
            "hiệu lực;",
            "]hiệu lực",
            "hiệu lực] x",
            "[hiệu lực\n",
            "có hieu luc. có hiệu lực",
            "có hiệu lực. có hieu luc;",
            "có hiệu lực\n. ",
            "một.\nhiệu lực",
            "một. hiệu lực",
            "một .  hiệu lực",
            "một hiệu lực. hieu luc",
            "đều lhieu luc",
            "hiệu u lhiệu lực",
            "hieu hiệu lực",
            "u lu lu l hieu luc",
            "hiệuu lực hieu luc",
        ] {
            same(ahead);
        }
    }

    /// [`super::NoteCursor`] gives each citation what the whole text's
    /// notes give: on real text, with spans around its brackets and lines
    /// read in order and out of it, after spans far before them (its cut
    /// kept), and on edge cases; and it fails when the cut is made too
    /// near.
    #[test]
    fn ok_note_cursor_same_as_whole_notes() {
        use super::NoteCursor;
        let editorial = |notes: &[(usize, usize)], s: usize, e: usize| {
            let k = notes.partition_point(|&(open, _)| open < s);
            k > 0 && notes[k - 1].1 >= e
        };
        // Each span of `spans` read in turn by one cursor.
        let check = |text: &str, whole: &[(usize, usize)], spans: &[(usize, usize)]| {
            let mut cursor = NoteCursor::default();
            for &(s, e) in spans {
                let fast = cursor.holds(text.as_bytes(), s, e);
                assert_eq!(editorial(whole, s, e), fast, "{s} {e}");
            }
        };
        let mut n = 0;
        let mut held = 0;
        for (_, text) in crate::test_texts::texts() {
            let b = text.as_bytes();
            let whole = super::editorial_notes_plain(&text);
            let marks: Vec<usize> = memchr::memchr3_iter(b'[', b']', b'\n', b).collect();
            for w in marks.windows(8).step_by(37) {
                // Spans just inside, on and around brackets and line ends.
                let spans = [
                    (w[0] + 1, w[1]),
                    (w[0], w[1] + 1),
                    (w[1] + 1, w[2]),
                    (w[0].saturating_sub(1), w[3]),
                    (w[2] + 1, w[3]),
                    (w[3] + 1, w[7]),
                    (w[7], w[7] + 1),
                ];
                check(&text, &whole, &spans);
                check(&text, &whole, &spans[2..3]);
                check(&text, &whole, &[spans[5], spans[0], spans[6]]);
                // After a span far before (a cut or a bracket found there).
                let far = w[0].saturating_sub(3000);
                check(&text, &whole, &[(far, far + 1), spans[0], spans[2], spans[5], spans[6]]);
                held += spans.iter().filter(|&&(s, e)| editorial(&whole, s, e)).count();
                n += 1;
            }
        }
        assert!(n > 250, "only {n} windows");
        assert!(held > 10, "only {held} spans in notes");
        let t = "] a [b] c [d\ne] [1] [x](y) [ [z] ] ] [[q]] [r";
        let whole = super::editorial_notes_plain(t);
        for s in 0..t.len() {
            for e in s..=t.len() {
                check(t, &whole, &[(s, e)]);
                check(t, &whole, &[(s, e), (e, t.len())]);
                check(t, &whole, &[(0, s), (s, e)]);
                check(t, &whole, &[(e, e), (s, e)]);
            }
        }
        // A note broken over four lines, 1,500 bytes long, holds a citation
        // at its end, its line breaks at its start; over five lines, or one
        // byte longer, it is none.
        for (breaks, len) in [
            (4, 1500),
            (5, 1500),
            (4, 1501),
            (1, 1500),
            (1, 1501),
            (5, 40),
            (1, 1501 + 4),
        ] {
            let pad = len - breaks - " được thay thế bởi".len() - 1;
            let inner = format!("{} được thay thế bởi{}N", "\n".repeat(breaks), "x".repeat(pad));
            assert_eq!(inner.len(), len);
            let t = format!("a [{inner}] b");
            let whole = super::editorial_notes_plain(&t);
            let s = t.find("N]").unwrap();
            let e = s + 1;
            assert_eq!(editorial(&whole, s, e), len <= 1500 && breaks <= 4, "{breaks} {len}");
            check(&t, &whole, &[(s, e)]);
            check(&t, &whole, &[(0, 1), (s, e)]);
            check(&t, &whole, &[(5, 6), (s, e)]);
        }
    }

    #[test]
    fn ok_printed_effective_words_fold_to_those_taken() {
        for w in [
            "hiệu lực từ ",
            "hiệu lực kể từ ",
            "hiệu lực thi hành từ ",
            "hiệu lực thi hành kể từ ",
        ] {
            let f = fold(w);
            let ws: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
            assert!(ws.len() >= 3 && ws[..2] == ["hieu", "luc"], "{w:?}");
            assert!(
                ws[2..].iter().all(|w| matches!(*w, "thi" | "hanh" | "ke" | "tu")),
                "{w:?}"
            );
        }
        assert!(super::folded_ends_with("văn bản này có ", "co"));
    }

    fn cited(text: &str) -> Vec<(String, bool, bool)> {
        crate::parse(text)
            .citations
            .iter()
            .map(|c| {
                (
                    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                    c.editorial,
                    c.part,
                )
            })
            .collect()
    }

    #[test]
    fn a_note_broken_over_lines_is_editorial() {
        let text = "Điều 3. Phạm vi [Điều này được hướng dẫn bởi \n\
                    Chương II Nghị định 45/2019/NĐ-CP có hiệu lực từ ngày 01/3/2019]\n\
                    Thực hiện theo Nghị định số 12/2018/NĐ-CP.\n";
        let editorial: Vec<_> = cited(text).into_iter().map(|(s, e, _)| (s, e)).collect();
        assert_eq!(
            editorial,
            [
                ("45/2019/NĐ-CP".to_string(), true),
                ("12/2018/NĐ-CP".to_string(), false)
            ]
        );
    }

    #[test]
    fn brackets_over_lines_without_a_note_are_text() {
        // Not a passive `được … bởi` statement: the brackets hold the text.
        let text = "Điều 3. [Phần A\nThực hiện Nghị định số 45/2019/NĐ-CP\nxong]\n";
        assert!(cited(text).iter().all(|(_, editorial, _)| !editorial));
    }

    #[test]
    fn a_folded_end_is_read_from_the_last_bytes() {
        use super::folded_ends_with;
        for s in [
            "Nghị định này có ",
            "văn bản CÓ\t ",
            "có",
            "co",
            "c",
            "",
            " \u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
            "Thông tư đã có\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} ",
            "c\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}o",
            "không có hiệu lực, chưa có thì ",
        ] {
            assert_eq!(folded_ends_with(s, "co"), fold(s).trim_end().ends_with("co"), "{s:?}");
        }
        assert!(folded_ends_with("Nghị định này có ", "co"));
        assert!(!folded_ends_with("Nghị định này cô đọng ", "co"));
    }

    #[test]
    fn a_code_with_its_last_letter_lost_is_the_whole_one_cited() {
        let text = "Căn cứ Thông tư số 17/2023/TT-BLĐTBX ngày 2 tháng 3 năm 2023;\n\
                    Căn cứ Thông tư số 17/2023/TT-BLĐTBXH ngày 2 tháng 3 năm 2023;\n\
                    Căn cứ Thông tư số 8/2021/TT-BLĐTBX ngày 5 tháng 6 năm 2021;\n\
                    Căn cứ Thông tư số 44/2022/TT-BT ngày 1 tháng 7 năm 2022 của Bộ Tài chính;\n\
                    Căn cứ Thông tư số 44/2022/TT-BTC ngày 1 tháng 7 năm 2022;\n";
        let doc = crate::parse(text);
        let symbols: Vec<_> = doc
            .citations
            .iter()
            .map(|c| c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default())
            .collect();
        // (No whole `8/2021/…` cited: that one stays as printed.)
        assert_eq!(
            symbols,
            [
                "17/2023/TT-BLĐTBXH",
                "17/2023/TT-BLĐTBXH",
                "8/2021/TT-BLĐTBX",
                "44/2022/TT-BTC",
                "44/2022/TT-BTC"
            ]
        );
        let repairs = doc.diagnostics.iter().filter(|d| d.code == "symbol-repair").count();
        assert_eq!(repairs, 2);
    }

    #[test]
    fn a_provision_named_is_a_part() {
        assert!(names_a_provision("2. Bãi bỏ khoản 6 Điều 19 của "));
        assert!(names_a_provision(
            "3. Bãi bỏ điểm 4.1 tiểu mục 04, mục II, Phần A thuộc Phụ lục số 01 ban hành kèm theo "
        ));
        assert!(names_a_provision("Bãi bỏ cụm từ “(được sửa đổi, bổ sung)” tại "));
        assert!(names_a_provision("a) Khoản 22 Điều 79 và khoản 1 Điều 202 của "));
        assert!(names_a_provision("Khoản 2 Điều 5 "));
        // The document itself.
        assert!(!names_a_provision("Điều 5. Bãi bỏ "));
        assert!(!names_a_provision("Điều 5. "));
        assert!(!names_a_provision("Nghị định này thay thế "));
        assert!(!names_a_provision("1. "));
        assert!(!names_a_provision("Khoản 3 Điều 2 Nghị định này; bãi bỏ "));
    }

    #[test]
    fn part_of_a_repealed_document() {
        let text = "Điều 9. Hiệu lực thi hành\n\
                    1. Bãi bỏ khoản 6 Điều 19 của Luật Viễn thông số 41/2009/QH12.\n\
                    2. Nghị định này thay thế Nghị định số 25/2011/NĐ-CP.\n";
        let parts: Vec<_> = cited(text).into_iter().map(|(s, _, p)| (s, p)).collect();
        assert_eq!(
            parts,
            [("41/2009/QH12".to_string(), true), ("25/2011/NĐ-CP".to_string(), false)]
        );
    }
}
