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

use super::cues::{annex_cue, clause_cue, cue_relation_folded, passive_relation, CUES, PASSIVE};
use super::lex::{prefix, suffix};
use super::pdf_table::{InRow, PdfTables};
use super::scope::in_subject;
use super::{Found, CUE_WINDOW, GRAMMAR_WINDOW};
use crate::model::Relation;
use crate::normalize::{fold, starts_with_folded};
use crate::text::LineIndex;

mod clause;
mod heads;
mod lines;
mod table;

#[cfg(test)]
mod tests;

use clause::{
    acts_itself, amending_name_at, copula_after, has_hieu_luc, in_quoted_phrase, passive_agent, restates,
    rewritten_phrase_cue, window_cue, window_cue_into,
};
use heads::{continued_list, item_title_owner, Head, Heads};
use lines::{
    clause_initial_folded, closes_quote, ends_sentence, is_basis_line, opens_item, sentence_ahead, without_brackets,
    wrapped_floor,
};
use table::{row_relation, BasisColumns};

pub(super) use clause::resumes_patients;

pub(super) use lines::{closes_bracket, is_glue, is_list_item};

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
        footnotes: None,
        folded: String::new(),
    };
    // The outer citation of each (see below).
    let mut outers: Vec<Option<usize>> = Vec::with_capacity(found.len());
    // (line, basis) of the last line seen.
    let mut line_info: Option<(usize, bool)> = None;
    let mut tables = BasisColumns::default();
    // (Only a table titled before a citation may hold one.)
    // The folded clause of the citation read last, and another read to
    // compare with it: buffers reused from one citation to the next.
    let mut folded = String::new();
    let mut alt = String::new();
    let pdf = match found.iter().map(|f| f.start).max() {
        Some(last) => PdfTables::read(norm, lines, last),
        None => PdfTables::default(),
    };
    // The line of the citation read last (0: none yet).
    let mut line = 0;
    for (i, f) in found.iter().enumerate() {
        line = line_from(lines, line, f.start);
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
        // A restatement (`(sau đây gọi tắt là Thông tư số …)`, `viết tắt
        // là`; `gọi tt là` with the word between damaged), on its line or
        // the line before, names a document cited before: it only mentions
        // it.
        let before = norm[..f.start].trim_end();
        if before.ends_with("là") && restates(&fold(suffix(before, 32))) {
            out.push(Rel::of(Relation::Mentions));
            continue;
        }
        let (mut hit, mut cut) = window_cue_into(window, at_line_start, &mut folded);
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
        // số …`, `… hướng⏎dẫn thực hiện …`: one word before it): the longer
        // cue read across the break, ending where it ends, governs.
        if let (Some((end, len, _)), true, 0) = (hit, at_line_start, cut) {
            let before = folded[..end - len].trim_matches(' ');
            if clause_initial_folded(before) || !before.contains(' ') && before.bytes().all(|c| c.is_ascii_lowercase())
            {
                let floor = wrapped_floor(norm, lines, line, ls).max(row_start.min(ls));
                if floor < ls {
                    let (h2, c2) = window_cue_into(suffix(&norm[floor..f.start], CUE_WINDOW), false, &mut alt);
                    if h2.is_some_and(|(e2, l2, _)| alt.len() - e2 == folded.len() - end && l2 > len) {
                        (hit, cut) = (h2, c2);
                        std::mem::swap(&mut folded, &mut alt);
                    }
                }
            }
        }
        // A cue that leaves an earlier one governing (`quy định tại`) on a
        // line hard-wrapped from the one before: the clause is read across
        // the break, as it would be unwrapped (`Nghị quyết này quy định việc
        // cắt giảm, sửa đổi ngành, nghề …⏎… quy định tại Phụ lục IV của Luật
        // số …`: the verb on the line before governs).
        if let (Some((_, _, k)), true, 0) = (hit, at_line_start, cut) {
            if super::cues::defers(k) {
                let floor = wrapped_floor(norm, lines, line, ls).max(row_start.min(ls));
                if floor < ls {
                    let (h2, c2) = window_cue_into(suffix(&norm[floor..f.start], CUE_WINDOW), false, &mut alt);
                    // (A verb acting on the document; not `thực hiện`,
                    // whose object the provisions may be: `thực hiện nhiệm
                    // vụ⏎… quy định tại Điều 5 Thông tư …` only mentions.)
                    let acting = |k2: usize| {
                        k2 != PASSIVE
                            && matches!(
                                CUES[k2].1,
                                Relation::Amends | Relation::Repeals | Relation::Replaces | Relation::Guides
                            )
                    };
                    if h2.is_some_and(|(_, _, k2)| k2 != k && acting(k2)) {
                        (hit, cut) = (h2, c2);
                        std::mem::swap(&mut folded, &mut alt);
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
                    (hit, cut) = window_cue_into(window, back.is_none() && window.len() == raw.len(), &mut folded);
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
                let (h2, c2) = window_cue_into(suffix(&norm[floor..f.start], CUE_WINDOW), false, &mut alt);
                if h2.is_some_and(|(_, _, k)| {
                    matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals)
                }) {
                    (hit, cut) = (h2, c2);
                    std::mem::swap(&mut folded, &mut alt);
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
                // (In a cell of a linearised table's row, the head is the
                // header's `Căn cứ` title, printed again over the page.)
                Some(Head::Basis { .. }) if !matches!(in_row, Some(InRow::Cell { .. })) => Rel::of(Relation::Basis),
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
            if lapses_ahead(&norm[f.end..]) {
                Rel::of(Relation::Repeals)
            } else {
                rel
            }
        } else {
            rel
        };
        // A page's footnote restating a citation its marker is glued to:
        // that one's relation.
        let rel = match super::pdf_table::restated(norm, found, i, ls) {
            Some(j) if rel.by.is_none() && rel.acts.is_none() => out[j],
            _ => rel,
        };
        out.push(rel);
    }
    out
}

/// [`LineIndex::line`] of `at`, for offsets asked in order (the
/// citations'): from `last`, the line of the one asked before, when `at`
/// is on it or on the next (most citations), read from their starts;
/// else found by the binary search. (Line `l` holds the offsets from
/// `starts[l - 1]` to before `starts[l]`: when `at` is among them, `l`
/// starts are at or before it, the line `line` counts.)
fn line_from(lines: &LineIndex, last: usize, at: usize) -> usize {
    let starts = lines.starts();
    if last >= 1 && starts.get(last - 1).is_some_and(|&s| s <= at) {
        for l in [last, last + 1] {
            match starts.get(l) {
                Some(&next) if next <= at => {}
                _ => return l,
            }
        }
    }
    lines.line(at)
}

/// Does the sentence after a citation (`after`: the text from its end)
/// say it lapses (`… hết hiệu lực`), up to its first `. `?
fn lapses_ahead(after: &str) -> bool {
    // The sentence ahead is a part of the 400 bytes [`sentence_ahead`]
    // reads at most, from their start: `hiệu lực` nowhere in them, none in
    // it (most citations), and the sentence need not be read.
    if !has_hieu_luc(prefix(after, 400)) {
        return false;
    }
    lapses_in_sentence(after)
}

/// [`lapses_ahead`] past its test of the 400 bytes: the sentence read.
fn lapses_in_sentence(after: &str) -> bool {
    let ahead = sentence_ahead(after);
    let stop = memchr::memchr_iter(b'.', ahead.as_bytes()).find(|&d| ahead.as_bytes().get(d + 1) == Some(&b' '));
    let ahead = &ahead[..stop.unwrap_or(ahead.len())];
    // Only `hết hiệu lực` counts there: look for cues only then (the
    // words found before any fold, as printed or stripped).
    let folded = if has_hieu_luc(ahead) {
        fold(&without_brackets(ahead))
    } else {
        String::new()
    };
    // (The last cue up to it: `… hết hiệu lực thi hành kể từ ngày … có
    // hiệu lực thi hành` holds other cues after it.)
    let upto = folded.find("het hieu luc").map(|k| &folded[..k + "het hieu luc".len()]);
    upto.is_some_and(|u| cue_relation_folded(u) == Some(Relation::Repeals))
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
