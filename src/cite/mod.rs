//! Stage 3: **cite**: find every document the text cites.
//!
//! How it works, in one pass over the normalized text:
//!
//! 1. **Prefilter.** One scan finds the type words (`Công văn`, `công văn`,
//!    `Kế hoạch`, `Nghị định`, `Luật`, `KẾ HOẠCH`, `Nghi dinh`, a type word
//!    hard-wrapped `Tờ⏎trình` or glued on `tạiTờ trình`); the `Q`s give the
//!    abbreviations `NQ 26`, `QĐ 1234`; the slashes give the số ký hiệu
//!    printed with no type word before them (`số 27-NQ/TW`, a table's
//!    `79/2014/QĐ-UBND`). Nothing else of the document is looked at by the
//!    grammar.
//! 2. **Grammar at each candidate.** The nom rules of [`grammar`] run on a
//!    bounded slice starting at the type word: a full citation (type,
//!    `số`, số ký hiệu, date, issuer, subject), a number-only one (`Kế hoạch
//!    số 189`, `Chỉ thị 16`), one with words before `số` (`Công văn khẩn số
//!    …`), a law cited by name (`Luật Đất đai số 31/2024/QH15`, `Luật Tổ chức
//!    chính quyền địa phương ngày 19 tháng 6 năm 2015`), a treaty by name and
//!    date, or a reference with no number at all, which goes to [`NamedRef`]
//!    (`Nghị quyết Đại hội XIII của Đảng`). Lists sharing a type (`các Luật
//!    số A, số B`, `các Quyết định số: 318, 319`) are read by the same rules.
//! 3. **Lists sharing parts.** A citation with neither date nor issuer that
//!    is joined by `và` or `,` to the next one takes that one's date and
//!    issuer (`Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày
//!    12/12/2013 của Bộ Chính trị`); `cùng ngày` takes the previous date.
//! 4. **Relation** from the cue that governs the citation in its clause
//!    ([`relation`]): the document's own (`Thực hiện`, a `Căn cứ` line or
//!    block), or another cited document's (`by`: a cue inside that one's
//!    subject), or, for the agent of a passive statement, `mentions` with
//!    what it does in `acts`.
//! 5. **What is printed around it** ([`post`]): an effective date, a
//!    website's editorial note, the document's own identity (`self`), the
//!    base and amending documents of a consolidated text, `TƯ` read by the
//!    issuer.
//! 6. **Short references** point back (`refers_to`) to the first full
//!    citation of the same document.
//!
//! Every step looks at a bounded window around its citation, so the cost is
//! linear in the length of the document.
//!
//! The stage is split by concern: [`types`] (the type words and their scan),
//! [`lex`] (small lexical helpers), [`grammar`] (the nom rules), [`symbols`]
//! (số ký hiệu without a type word), [`share`] (lists sharing parts),
//! [`cues`], [`relation`] and [`scope`] (relations), [`post`] (what is
//! printed around a citation), [`refers`] (short references).

mod amending;
mod cues;
mod grammar;
mod lex;
mod pdf_table;
mod post;
mod quoted;
mod refers;
mod relation;
mod scope;
mod share;
mod symbols;
mod types;

use std::ops::Range;

use crate::date::IssueDate;
use crate::model::{Acts, Citation, Diagnostic, Document, NamedRef, Severity};
use crate::symbol::Symbol;
use crate::text::{fold_ws, is_alnum, Ctx};

use grammar::{
    bare_number_citation, dated_citation, full_citation, gap_citation, is_self_reference, list_tail, list_tail_may,
    name_citation, named_ref, number_citation, Parsed,
};
use lex::{is_all_caps, prefix, starts_upper};
use refers::refers_to;
use relation::relations;
use share::share_parts;
use types::{damaged_type_words, number_follows, type_regex, TypeWord, ABBREVIATIONS, TYPE_WORDS};

// ---------------------------------------------------------------------------
// The stage

/// A citation while the stage runs (normalized offsets).
#[derive(Debug, Clone, Default)]
pub(super) struct Found {
    start: usize,
    end: usize,
    /// End including the subject.
    tail: usize,
    doc_type: Option<&'static str>,
    symbol: Option<Symbol>,
    symbol_range: Option<(usize, usize)>,
    number: Option<u32>,
    date: Option<IssueDate>,
    same_day: bool,
    issuer: Option<String>,
    subject: Option<String>,
    subject_range: Option<(usize, usize)>,
    name: Option<String>,
    shared: Vec<String>,
    /// Where its số ký hiệu holds `TƯ` (read by the issuer: see [`post`]).
    ocr_tu: Option<(usize, usize)>,
    /// Its symbol's last issuer code is no known code (read when the
    /// symbol is built, while it is at hand: see [`post`]).
    unknown_last: bool,
}

/// Where the last `". "` in `s` starts (`rfind(". ")`, a `.` at a time).
pub(super) fn last_full_stop(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b'.', b).find(|&k| b.get(k + 1) == Some(&b' '))
}

/// Does `b` hold an ASCII digit? Read whole, without an early exit, so
/// that the compiler reads many bytes a step.
pub(super) fn has_digit(b: &[u8]) -> bool {
    b.iter().fold(0u8, |acc, &x| acc | u8::from(x.wrapping_sub(b'0') < 10)) != 0
}

/// Offset of `part` (a slice of `base`) inside `base`.
pub(super) fn off(base: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len())
}

/// How far the grammar may look from a type word.
pub(super) const GRAMMAR_WINDOW: usize = 1200;
/// How far back the relation cues are looked for.
pub(super) const CUE_WINDOW: usize = 320;

/// A type word found by the scans.
#[derive(Debug, Clone, Copy)]
struct Cand {
    start: usize,
    end: usize,
    canonical: &'static str,
    nameable: bool,
    /// `NQ 26`: only a number or a số ký hiệu may follow.
    abbreviation: bool,
    /// Printed with its marks damaged (`Nghị qụỵết`): only `số` or a
    /// number may follow.
    damaged: bool,
}

/// Types never cited by a bare number without `số` (`Luật 2`, `văn bản 3`
/// are no citations; `Chỉ thị 16` is; `Chương trình 135`, `Đề án 06` are
/// names).
const NO_BARE_NUMBER: &[&str] = &[
    "Chương trình",
    "Đề án",
    "Phương án",
    "Văn bản",
    "Luật",
    "Bộ luật",
    "Hiến pháp",
    "Pháp lệnh",
    "Lệnh",
    "Sắc lệnh",
    "Hiệp định",
    "Hiệp ước",
    "Công ước",
    "Nghị định thư",
    "Văn bản hợp nhất",
];

/// The type words of `norm`, in order: the type-word scan, whose matches
/// must end a word, and the abbreviations (`NQ 26`, `NQ21`: `NQ` or `QĐ` as
/// printed, not glued to what is before, then a number), found by their
/// `Q`.
fn candidates(norm: &str) -> Vec<Cand> {
    let (type_re, entries) = type_regex();
    let hits = type_re.find_all(norm);
    // (Sized for every match, so that the vector does not grow.)
    let mut cands: Vec<Cand> = Vec::with_capacity(hits.len());
    cands.extend(
        hits.into_iter()
            // The scan finds only matches that start a word: check the end.
            .filter(|&(_, e, _)| !norm[e..].chars().next().is_some_and(is_alnum))
            .map(|(start, end, pattern)| {
                let TypeWord {
                    canonical, nameable, ..
                } = TYPE_WORDS[entries[pattern]];
                Cand {
                    start,
                    end,
                    canonical,
                    nameable,
                    abbreviation: false,
                    damaged: false,
                }
            }),
    );
    let b = norm.as_bytes();
    let mut abbrevs = Vec::new();
    for q in memchr::memchr_iter(b'Q', b) {
        for &(abbr, canonical) in ABBREVIATIONS {
            let Some(start) = q.checked_sub(abbr.find('Q').unwrap_or(0)) else {
                continue;
            };
            let end = start + abbr.len();
            if norm.get(start..end).is_none_or(|w| w != abbr) {
                continue;
            }
            let before_ok = !norm[..start].chars().next_back().is_some_and(is_alnum);
            let rest = &norm[end..];
            let spaced = rest.trim_start_matches([' ', '\t']);
            if before_ok && spaced.starts_with(|c: char| c.is_ascii_digit()) {
                abbrevs.push(Cand {
                    start,
                    end,
                    canonical,
                    nameable: false,
                    abbreviation: true,
                    damaged: false,
                });
            }
        }
    }
    if !abbrevs.is_empty() {
        cands.extend(abbrevs);
        cands.sort_by_key(|c| c.start);
    }
    cands
}

/// The type words of `norm` printed with their marks damaged (see
/// [`types::damaged_type_words`]; not those printed right or with no marks,
/// read already), in order.
fn damaged_candidates(norm: &str) -> Vec<Cand> {
    damaged_type_words(norm)
        .into_iter()
        .filter(|&(start, _, _)| !types::type_at().is_match(prefix(&norm[start..], 48)))
        .map(|(start, end, k)| Cand {
            start,
            end,
            canonical: TYPE_WORDS[k].canonical,
            nameable: false,
            abbreviation: false,
            damaged: true,
        })
        .collect()
}

/// The code of the diagnostic that a document's diacritics look damaged.
const DAMAGED: &str = "damaged-diacritics";

/// Note, once per document, that a type word was read with its marks
/// damaged (`norm[s..e]`).
pub(super) fn damaged_marks(ctx: &Ctx<'_>, doc: &mut Document, s: usize, e: usize) {
    if doc.diagnostics.iter().any(|d| d.code == DAMAGED) {
        return;
    }
    doc.diagnostics.push(Diagnostic::new(
        DAMAGED,
        Severity::Warning,
        format!(
            "diacritics look damaged (a broken conversion?): expected a type word, found {:?}; read on its base letters",
            &ctx.norm[s..e]
        ),
        Some(ctx.span(s, e)),
    ));
}

/// Is there a `số` (any case, or `sô`) in the first 120 bytes of `s`, so
/// that [`gap_citation`] may read? A byte test: `s`/`S`, then the UTF-8 of
/// `ố`/`Ố` or `ô`/`Ô`.
///
/// Sixteen positions are tested at a time (SSE2, which every x86-64 CPU
/// has): an `s`/`S` followed by `E1` or `C3`, the lead bytes of those
/// letters; only those positions are read in full. (A search call per `s`
/// cost more in set-up than in reading: the window is short, and `s` is a
/// common letter.)
fn so_soon(s: &str) -> bool {
    let b = &s.as_bytes()[..s.len().min(120)];
    let mut k = 0;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        while k + 17 <= b.len() {
            // SAFETY: `k + 17 <= b.len()`, so the sixteen bytes read at `k`
            // and at `k + 1` are inside the slice; `_mm_loadu_si128` needs
            // no alignment, and SSE2 is part of the x86-64 baseline.
            let m = unsafe {
                let x = _mm_loadu_si128(b.as_ptr().add(k).cast::<__m128i>());
                let y = _mm_loadu_si128(b.as_ptr().add(k + 1).cast::<__m128i>());
                // `s` is 0x73 and `S` 0x53: no other byte is `s` with bit
                // 0x20 set.
                let is_s = _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8(b's' as i8));
                let lead = _mm_or_si128(
                    _mm_cmpeq_epi8(y, _mm_set1_epi8(0xE1_u8 as i8)),
                    _mm_cmpeq_epi8(y, _mm_set1_epi8(0xC3_u8 as i8)),
                );
                _mm_movemask_epi8(_mm_and_si128(is_s, lead)) as u32
            };
            let mut m = m;
            while m != 0 {
                if so_at(b, k + m.trailing_zeros() as usize) {
                    return true;
                }
                m &= m - 1;
            }
            k += 16;
        }
    }
    (k..b.len()).any(|j| matches!(b[j], b's' | b'S') && so_at(b, j))
}

/// Does `b[k..]` open with `số`/`sô` in any case, given `b[k]` is `s`/`S`:
/// the UTF-8 of `ố`/`Ố` or `ô`/`Ô` after it?
#[inline]
fn so_at(b: &[u8], k: usize) -> bool {
    matches!(
        b.get(k + 1..k + 4),
        Some([0xE1, 0xBB, 0x90 | 0x91, ..]) | Some([0xC3, 0xB4 | 0x94, _])
    )
}

/// A citation the grammar read at a type word, built into a [`Found`] after
/// the scan (see [`read_candidates`]).
struct Read<'a> {
    /// The string the rule ran on, at normalized offset `base_at`.
    base: &'a str,
    base_at: usize,
    /// Where the citation starts.
    start: usize,
    canonical: &'static str,
    p: Parsed<'a>,
    /// The type word (start, end) of the first citation read at it; `None`
    /// for the next items of a list sharing it.
    type_word: Option<(usize, usize)>,
}

/// How many citations [`read_candidates`] reads before it builds them.
const BATCH: usize = 32;

/// Read the citations that start at the type words `cands` (in text order)
/// into `found`, and the names cited with no number into `named`.
///
/// In turns: the grammar at the type words until [`BATCH`] citations are
/// read, then what it read built into [`Found`]s, in the same order. (The
/// same work as building each at once, as where the next type word is read
/// depends only on the end of what was read; the grammar's code and the
/// building's, each large, are not run in turn at every citation, where
/// they would push each other out of the instruction cache.)
fn read_candidates(
    ctx: &Ctx<'_>,
    doc: &mut Document,
    cands: &[Cand],
    found: &mut Vec<Found>,
    named: &mut Vec<(usize, usize)>,
) {
    let mut reads: Vec<Read<'_>> = Vec::with_capacity(BATCH + 8);
    let mut at = 0;
    let mut skip_until = 0;
    while at < cands.len() {
        read_grammar(ctx.norm, cands, &mut at, &mut skip_until, named, &mut reads);
        build_reads(ctx, doc, &mut reads, found);
    }
}

/// Build the citations of `reads` (emptied) into `found`.
fn build_reads<'a>(ctx: &Ctx<'a>, doc: &mut Document, reads: &mut Vec<Read<'a>>, found: &mut Vec<Found>) {
    for r in reads.drain(..) {
        let Read {
            base,
            base_at,
            start,
            canonical,
            p,
            type_word,
        } = r;
        let Some((s, e)) = type_word else {
            // An item of a list sharing the type word.
            let mut f = build(ctx, doc, base, base_at, start, Some(canonical), p);
            // A code naming another type (`các Quyết định số …; số
            // 05/2010/TTLT-…`: a joint circular) is the item's type.
            let coded = f
                .symbol
                .as_ref()
                .filter(|s| s.type_code().is_some())
                .and_then(Symbol::type_name);
            match coded {
                Some(t) if canonical != "Văn bản" && !t.starts_with(canonical) && !canonical.starts_with(t) => {
                    f.doc_type = Some(t)
                }
                _ => f.shared.push("type".to_string()),
            }
            found.push(f);
            continue;
        };
        let norm = ctx.norm;
        let named = p.name.is_some();
        let mut first = build(ctx, doc, base, base_at, start, Some(canonical), p);
        // The last law listed in an amending law's name: that law
        // (see [`amending`]).
        // Of one law, the number or date is the amending law's only
        // where that law was cited before by another (`Luật Giáo dục
        // số 43/2019/QH14 được sửa đổi bởi Luật sửa đổi, bổ sung một
        // số điều của Luật Giáo dục số 123/2025/QH15`); else it is the
        // law's own (`… của Luật Thú y số 79/2015/QH13`).
        let cited_before = |f: &Found| {
            found.iter().rev().any(|g| {
                g.doc_type == f.doc_type
                    && (g.symbol != f.symbol || g.date != f.date)
                    && match (&g.name, &f.name) {
                        (Some(a), Some(b)) => a
                            .chars()
                            .flat_map(char::to_lowercase)
                            .eq(b.chars().flat_map(char::to_lowercase)),
                        (a, b) => a == b,
                    }
            })
        };
        // The last law an unnamed amending law lists by number: the
        // date after it is the amending law's (see [`amending`]).
        if named
            && first.symbol.is_some()
            && first.date.is_some()
            && matches!(canonical, "Luật" | "Bộ luật")
            && amending::last_of_amended_list(norm, s)
        {
            first.date = None;
        }
        if named && matches!(canonical, "Luật" | "Bộ luật") {
            if let Some((k, _)) = amending::amending_law_start(norm, s, first.tail.max(first.end))
                .filter(|&(_, one)| !one || cited_before(&first))
            {
                let lead = fold_ws(&norm[k + "Luật".len()..e]);
                first.name = Some(match first.name.take() {
                    Some(n) => format!("{lead} {n}"),
                    None => lead,
                });
                first.doc_type = Some("Luật");
                first.start = k;
            }
        }
        found.push(first);
    }
}

/// The grammar of [`read_candidates`] at the type words of `cands` from
/// `*at` on, until [`BATCH`] citations are read into `reads` (`*at` then
/// the next type word to read), and the names cited with no number into
/// `named`. A citation's end is where its rule stopped (`base_at +
/// span_end`, as [`build`] sets it): no type word before `*skip_until`
/// starts another.
fn read_grammar<'a>(
    norm: &'a str,
    cands: &[Cand],
    at: &mut usize,
    skip_until: &mut usize,
    named: &mut Vec<(usize, usize)>,
    reads: &mut Vec<Read<'a>>,
) {
    while *at < cands.len() && reads.len() < BATCH {
        let k = *at;
        *at += 1;
        let c = &cands[k];
        let Cand {
            start: s,
            end: e,
            canonical,
            nameable,
            abbreviation,
            damaged,
        } = *c;
        if s < *skip_until {
            continue;
        }
        // A damaged type word (`Nghị qúỷết 18`) only with `số` or a number
        // after it, and not as a name.
        let nameable = nameable && !damaged;
        if damaged && !number_follows(&norm[e..]) {
            continue;
        }
        let next = cands.get(k + 1).map_or(norm.len(), |c| c.start);
        let window = prefix(&norm[s..], GRAMMAR_WINDOW);
        let after = &window[e - s..];
        let tw = &norm[s..e];
        let capitalized = starts_upper(tw) && !is_all_caps(tw);
        // A type word glued to the word before it (`tạiTờ trình`, `1Quyết
        // định`) starts a citation only capitalized.
        if !capitalized && norm[..s].chars().next_back().is_some_and(is_alnum) {
            continue;
        }
        // Cheap test before any grammar: a citation has a number soon after
        // its type word; only a capitalized name (`Luật Đất đai`, `Nghị quyết
        // Đại hội XIII`) may not. Most type words in running text (`văn bản`,
        // `pháp luật`) end here.
        let digit_soon = has_digit(&after.as_bytes()[..after.len().min(64)]);
        if !digit_soon && !(capitalized && (nameable || canonical == "Nghị quyết")) {
            continue;
        }
        if is_self_reference(after) {
            continue;
        }
        let parsed = if abbreviation {
            full_citation(after).or_else(|_| bare_number_citation(after, true))
        } else {
            full_citation(after)
                .or_else(|err| {
                    if grammar::number_may_follow(after) {
                        number_citation(after)
                    } else {
                        Err(err)
                    }
                })
                .or_else(|err| {
                    // A number without `số` only after a capitalized type word.
                    let gap = || {
                        if so_soon(after) {
                            gap_citation(after)
                        } else {
                            Err(err.clone())
                        }
                    };
                    if digit_soon && starts_upper(tw) && !NO_BARE_NUMBER.contains(&canonical) {
                        bare_number_citation(after, false).or_else(|_| gap())
                    } else if digit_soon {
                        gap()
                    } else {
                        Err(err.clone())
                    }
                })
                .or_else(|err| {
                    if canonical == "Hiến pháp" {
                        dated_citation(after)
                    } else {
                        Err(err)
                    }
                })
                .or_else(|err| {
                    if nameable && capitalized {
                        name_citation(after, next.saturating_sub(e))
                    } else {
                        Err(err)
                    }
                })
        };
        match parsed {
            Ok((mut rest, p)) => {
                let mut after_number = p.number.is_some();
                *skip_until = e + p.span_end;
                reads.push(Read {
                    base: after,
                    base_at: e,
                    start: s,
                    canonical,
                    p,
                    type_word: Some((s, e)),
                });
                // Lists sharing the type word.
                // (Read only where a list may go on: see `list_tail_may`.)
                while list_tail_may(rest) {
                    let Ok((r2, (start, p))) = list_tail(rest, after_number) else {
                        break;
                    };
                    after_number = p.number.is_some();
                    let base = &rest[start..];
                    let f0 = e + off(after, base);
                    *skip_until = f0 + p.span_end;
                    reads.push(Read {
                        base,
                        base_at: f0,
                        start: f0,
                        canonical,
                        p,
                        type_word: None,
                    });
                    rest = r2;
                }
            }
            Err(_) => {
                if (nameable || canonical == "Nghị quyết") && capitalized {
                    if let Ok((_, len)) = named_ref(after, canonical == "Hiến pháp") {
                        named.push((s, e + len));
                        *skip_until = e + len;
                    }
                }
            }
        }
    }
}

/// Fill `doc.citations` and `doc.named_refs`.
pub(crate) fn find_citations(ctx: &Ctx<'_>, footnotes: &[Range<usize>], doc: &mut Document) {
    let norm = ctx.norm;
    let cands = candidates(norm);
    // About one type word in ten starts a citation on the corpus.
    let mut found: Vec<Found> = Vec::with_capacity(cands.len() / 8);
    let mut named: Vec<(usize, usize)> = Vec::with_capacity(cands.len() / 16);
    read_candidates(ctx, doc, &cands, &mut found, &mut named);
    symbols::find_symbols(ctx, doc, &mut found);
    // A document where a type word was read with its marks damaged (see
    // `symbols`): the type words printed so are looked for too.
    if doc.diagnostics.iter().any(|d| d.code == DAMAGED) {
        let mut cands = damaged_candidates(norm);
        let mut k = 0;
        cands.retain(|c| {
            while k < found.len() && found[k].end <= c.start {
                k += 1;
            }
            found.get(k).is_none_or(|f| f.start > c.start)
        });
        let mut more = Vec::new();
        read_candidates(ctx, doc, &cands, &mut more, &mut named);
        if !more.is_empty() {
            found.extend(more);
            found.sort_by_key(|f| f.start);
        }
    }
    share_parts(norm, &mut found);
    share::closing_bracket_dates(norm, &mut found);
    let lines = &ctx.lines;
    let mut fn_ranges: Vec<Range<usize>> = footnotes.to_vec();
    fn_ranges.sort_by_key(|r| r.start);
    let in_footnote = |p: usize| -> bool {
        let k = fn_ranges.partition_point(|r| r.start <= p);
        if k > 0 && fn_ranges[k - 1].contains(&p) {
            return true;
        }
        let (ls, _) = lines.line_range(norm, lines.line(p));
        footnote_marker(&norm[ls..])
    };
    let refs = footnote_refs(norm, lines, &found);
    let mut relations = relations(norm, lines, &found, &refs);
    quoted::quote_owners(norm, &found, &mut relations);
    let around = post::around(ctx, doc, &mut found, &relations);
    let refers = refers_to(&found);
    doc.citations.reserve(found.len());
    doc.named_refs.reserve(named.len());
    for (idx, f) in found.into_iter().enumerate() {
        let rel = &relations[idx];
        let more = &around[idx];
        doc.citations.push(Citation {
            doc_type: f.doc_type.map(str::to_string),
            number: f.number.or_else(|| f.symbol.as_ref().and_then(Symbol::number)),
            symbol: f.symbol,
            date: f.date,
            issuer: f.issuer,
            subject: f.subject,
            name: f.name,
            relation: more.relation.unwrap_or(rel.relation),
            span: ctx.span(f.start, f.end),
            symbol_span: f.symbol_range.map(|(a, b)| ctx.span(a, b)),
            line: ctx.line_of(f.start),
            in_footnote: in_footnote(f.start),
            refers_to: refers[idx],
            shared: f.shared,
            // A statement of the document's own number (`Nghị định số
            // <own> sửa đổi … Nghị định số X`) is the document's own.
            by: rel.by.filter(|&j| !around[j].is_self),
            acts: more.acts.or(rel.acts.map(|(relation, target)| Acts {
                relation,
                target: target.filter(|&t| !around[t].is_self),
            })),
            editorial: more.editorial,
            effective: more.effective,
            is_self: more.is_self,
            part: more.part,
        });
    }
    for (s, e) in named {
        doc.named_refs.push(NamedRef {
            text: fold_ws(&norm[s..e]),
            span: ctx.span(s, e),
            line: ctx.line_of(s),
            in_footnote: in_footnote(s),
        });
    }
}

/// For each line holding citations that opens with a footnote marker
/// `[n]` (superscripts are normalized to it): the line's start, and where
/// the same marker stands last before it in the text. The markers are
/// read once, in one pass over the `[`s.
fn footnote_refs(norm: &str, lines: &crate::text::LineIndex, found: &[Found]) -> Vec<(usize, usize)> {
    let mut lines_with_notes: Vec<(usize, u32)> = Vec::new();
    for f in found {
        let (ls, _) = lines.line_range(norm, lines.line(f.start));
        if lines_with_notes.last().is_some_and(|&(l, _)| l == ls) || !footnote_marker(&norm[ls..]) {
            continue;
        }
        if let Some(n) = marker_number(norm[ls..].trim_start()) {
            lines_with_notes.push((ls, n));
        }
    }
    if lines_with_notes.is_empty() {
        return Vec::new();
    }
    // Every marker of the text: (number, position), by number then place.
    let b = norm.as_bytes();
    let mut markers: Vec<(u32, usize)> = memchr::memchr_iter(b'[', b)
        .filter_map(|k| marker_number(&norm[k..]).map(|n| (n, k)))
        .collect();
    markers.sort_unstable();
    lines_with_notes
        .into_iter()
        .filter_map(|(ls, n)| {
            // The last marker `[n]` before the footnote's line.
            let hi = markers.partition_point(|&(m, k)| (m, k) < (n, ls));
            let &(m, at) = markers.get(hi.checked_sub(1)?)?;
            (m == n).then_some((ls, at))
        })
        .collect()
}

/// The number of a marker `[n]` (one to three digits) opening `s`.
fn marker_number(s: &str) -> Option<u32> {
    let r = s.strip_prefix('[')?;
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !r[digits..].starts_with(']') {
        return None;
    }
    r[..digits].parse().ok()
}

/// Does a line start with a footnote marker `[n]`?
pub(super) fn footnote_marker(line: &str) -> bool {
    let l = line.trim_start();
    let Some(r) = l.strip_prefix('[') else {
        return false;
    };
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && r[digits..].starts_with(']')
}

/// Is the last issuer code of `sym` no known code?
pub(super) fn unknown_last(sym: &Symbol) -> bool {
    sym.issuers().last().is_some_and(|c| !crate::symbol::is_known_code(c))
}

/// Turn what a rule read into a [`Found`]: `base` is the string the rule ran
/// on, at normalized offset `base_at`; the citation starts at `start`.
pub(super) fn build(
    ctx: &Ctx<'_>,
    doc: &mut Document,
    base: &str,
    base_at: usize,
    start: usize,
    doc_type: Option<&'static str>,
    p: Parsed<'_>,
) -> Found {
    let at = |part: &str| base_at + off(base, part);
    let mut f = Found {
        start,
        end: base_at + p.span_end,
        tail: base_at + p.span_end,
        doc_type,
        issuer: p.issuer.or(p.gap_issuer).map(fold_ws),
        name: p.name.map(fold_ws),
        ..Found::default()
    };
    if let Some((sym, raw)) = p.symbol {
        let s0 = at(sym);
        f.symbol_range = Some((s0, s0 + sym.len()));
        // (Notes are placed from the symbol's start to the end of the text:
        // glued text after a cut footnote marker lies past `sym`.)
        let (canon, notes) = raw.into_symbol(&base[off(base, sym)..]);
        for n in notes {
            match n.code {
                "blank-number" => continue,
                // Read again with the issuer, and noted then (see `post`).
                "ocr-issuer" => {
                    f.ocr_tu = Some((s0 + n.span.start, s0 + n.span.end));
                    continue;
                }
                _ => {}
            }
            doc.diagnostics.push(Diagnostic::new(
                n.code,
                n.severity,
                n.message,
                Some(ctx.span(s0 + n.span.start, s0 + n.span.end)),
            ));
        }
        f.unknown_last = unknown_last(&canon);
        f.symbol = Some(canon);
    }
    if let Some(n) = p.number {
        let s0 = at(n);
        f.symbol_range = Some((s0, s0 + n.len()));
        f.number = n.parse().ok();
    }
    if let Some(d) = p.date {
        f.same_day = d.same_day;
        match d.date {
            Ok(date) => f.date = Some(date),
            Err((code, expected)) if !d.same_day => {
                let s0 = at(d.text);
                let shown: String = d.text.chars().take(40).collect();
                doc.diagnostics.push(Diagnostic::new(
                    code,
                    Severity::Warning,
                    format!("date of a cited document: expected {expected}, found {shown:?}"),
                    Some(ctx.span(s0, s0 + d.text.len())),
                ));
            }
            Err(_) => {}
        }
    }
    if let Some(s) = p.subject {
        let s0 = at(s);
        f.subject_range = Some((s0, s0 + s.len()));
        // A title before the date (see `grammar::titled_date`) ends inside
        // the span.
        f.tail = f.tail.max(s0 + s.len());
        let inner = s
            .strip_prefix('“')
            .and_then(|x| x.strip_suffix('”'))
            .filter(|x| !x.contains(['“', '”']))
            .unwrap_or(s);
        f.subject = Some(fold_ws(inner));
    }
    f
}

#[cfg(test)]
mod so_soon_tests {
    use super::so_soon;

    /// [`so_soon`] as first written: a search for each `s`/`S`.
    fn so_soon_plain(s: &str) -> bool {
        let b = &s.as_bytes()[..s.len().min(120)];
        memchr::memchr2_iter(b's', b'S', b).any(|k| {
            matches!(
                b.get(k + 1..k + 4),
                Some([0xE1, 0xBB, 0x90 | 0x91, ..]) | Some([0xC3, 0xB4 | 0x94, _])
            )
        })
    }

    /// The block test gives what the search for each `s` gives: at every
    /// 11th byte boundary of every 5th real text, and on
    /// `số`/`sô` in every case at every offset around the blocks and the
    /// 120-byte window's end, with look-alike bytes (`S` before other
    /// letters, `ố` with no `s`, `s` with a lead byte but another letter).
    #[test]
    fn ok_so_soon_same_as_plain() {
        for (path, text) in crate::test_texts::texts().into_iter().step_by(5) {
            for k in (0..text.len()).step_by(11).filter(|&k| text.is_char_boundary(k)) {
                assert_eq!(so_soon(&text[k..]), so_soon_plain(&text[k..]), "{path:?} at {k}");
            }
        }
        let mut n = 0;
        for word in ["số", "Số", "SỐ", "sô", "Sô", "SÔ", "sồ", "Sư", "sé", "ố", "xố"] {
            for at in 0..130 {
                for fill in ["a", "ệ", "s"] {
                    let mut t: String = fill.repeat(at).chars().take(at).collect();
                    while t.len() < at {
                        t.push('a');
                    }
                    t.push_str(word);
                    t.push_str(" 5");
                    n += usize::from(so_soon(&t));
                    assert_eq!(so_soon(&t), so_soon_plain(&t), "{t:?}");
                    assert_eq!(so_soon(&t[..t.len() - 2]), so_soon_plain(&t[..t.len() - 2]), "{t:?}");
                }
            }
        }
        // Found where it is in the window (the test can fail both ways).
        assert!(n > 1000, "{n}");
    }
}
