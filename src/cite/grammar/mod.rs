//! The citation grammar: the nom rules run at each type word.

use crate::cite::has_digit;
use crate::cite::lex::{
    at_full_stop, at_stop_word, at_stop_word_read, fail, is_all_caps, is_hard_stop, is_sp, lex, lower_in, lower_word,
    next_word, prefix, skip_sp, sp, sp0, starts_upper, ws1,
};
use crate::cite::types::{starts_citation, type_at};
use crate::date::IssueDate;
use crate::error::PResult;
use crate::symbol::RawSymbol;

/// A date as read next to a citation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DatePart<'a> {
    /// The date, or the problem with it (diagnostic code, expectation).
    pub(crate) date: Result<IssueDate, (&'static str, &'static str)>,
    /// The date as printed (from `ngày`), or `cùng ngày`.
    pub(crate) text: &'a str,
    /// `cùng ngày` with no date: the date of the previous citation.
    pub(crate) same_day: bool,
}

/// What a citation rule read.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Parsed<'a> {
    /// The số ký hiệu as written, and what the symbol grammar read in it
    /// (kept, so that it is not read twice).
    pub(crate) symbol: Option<(&'a str, RawSymbol<'a>)>,
    pub(crate) number: Option<&'a str>,
    pub(crate) name: Option<&'a str>,
    pub(crate) date: Option<DatePart<'a>>,
    pub(crate) issuer: Option<&'a str>,
    pub(crate) subject: Option<&'a str>,
    /// The issuer printed between the type word and `số` (`Quyết định của
    /// Bộ Chính trị số31-QĐ/TW`), when none follows the number.
    pub(crate) gap_issuer: Option<&'a str>,
    /// End of the span (after date or issuer), as the remaining input.
    pub(crate) span_end: usize,
}

mod gates;
mod parts;
#[cfg(test)]
mod tests;

use gates::*;
pub(super) use parts::*;

/// Is `i` (just after the type word) `này` (this very document)?
///
/// (Both words open with `n`, and no character but `n` and `N` lowers to
/// one that does (see [`lex`]): where another byte follows the spaces, as
/// after nearly every type word, the word is not read.)
#[inline]
pub(super) fn is_self_reference(i: &str) -> bool {
    let r = skip_sp(i);
    matches!(r.as_bytes().first(), Some(b'n' | b'N')) && lex(r, &["này", "nay"], "\"này\"").is_ok()
}

// Tail ::= Repeat? (DatePart | ParenDate | YearAfter)? IssuerPart? DatePart? IssuedDate? SubjectPart?
//        | TitledDate | ClosingDate    (no date nor issuer right after the number)
//   Repeat ::= Sp Codes                (the symbol's codes printed twice: `37-NQ/TW NQ/TW ngày`)
pub(super) fn tail<'a>(base: &'a str, mut r: &'a str, mut p: Parsed<'a>) -> (&'a str, Parsed<'a>) {
    if let Some((printed, _)) = &p.symbol {
        r = skip_repeat(printed, r);
    }
    // (Each rule below is called only where its first bytes may open it:
    // see [`gates`].)
    let date = if date_may(r) { date_part(r) } else { fail(r, "a date") };
    if let Ok((r2, d)) = date.or_else(|e| if paren_may(r) { paren_date(r) } else { Err(e) }) {
        p.date = Some(d);
        r = r2;
    } else if (p.symbol.is_some() || p.number.is_some()) && year_may(r) {
        if let Ok((r2, d)) = year_after(r) {
            p.date = Some(d);
            r = r2;
        }
    }
    let issuer = if issuer_may(r) {
        issuer_part(r)
    } else {
        fail(r, "\"của\"")
    };
    if let Ok((r2, iss)) = issuer {
        p.issuer = Some(iss);
        r = r2;
        if p.symbol.as_ref().is_some_and(|(_, s)| joint(s)) {
            r = more_issuers(r);
        }
        if p.date.is_none() && date_may(r) {
            if let Ok((r3, d)) = date_part(r) {
                p.date = Some(d);
                r = r3;
            }
        }
    } else if p.date.is_none() && (p.symbol.is_some() || p.number.is_some()) {
        if titled_may(r) {
            if let Ok((r2, (title, d, iss))) = titled_date(r) {
                p.date = Some(d);
                p.issuer = Some(iss);
                p.subject = Some(title);
                p.span_end = base.len() - r2.len();
                return (r2, p);
            }
        }
        if closing_may(r) {
            if let Ok((r2, (title, d))) = closing_date(r) {
                p.date = Some(d);
                p.subject = Some(title);
                p.span_end = base.len() - r2.len();
                return (r2, p);
            }
        }
    }
    // The issue date said so after the number (see `issued_date`).
    if p.date.is_none() && (p.symbol.is_some() || p.number.is_some()) {
        if let Ok((r2, (d, iss))) = issued_date(r) {
            p.date = Some(d);
            if p.issuer.is_none() {
                p.issuer = iss;
            }
            r = r2;
        }
    }
    p.span_end = base.len() - r.len();
    let after_aside = if paren_may(r) {
        aside(r).map_or(r, |(r2, _)| r2)
    } else {
        r
    };
    let subject = if subject_may(after_aside) {
        subject_part(after_aside)
    } else {
        fail(after_aside, "a subject")
    };
    if let Ok((r2, s)) = subject.or_else(|e| {
        if wrapped_may(after_aside) {
            wrapped_subject(after_aside)
        } else {
            Err(e)
        }
    }) {
        p.subject = Some(s);
        r = r2;
    }
    (r, p)
}

// WrappedSubject ::= Sp? "\n" Sp? (SubjectVerb | "về") SubjectText
//   (hard-wrapped text: the subject opens the next line, in lower case, `… của Bộ trưởng Bộ Tài chính⏎hướng
//   dẫn thực hiện …`)
fn wrapped_subject(i: &str) -> PResult<'_, &str> {
    let Some(next) = skip_sp(i).strip_prefix('\n') else {
        return fail(i, "a subject on the next line");
    };
    let next = skip_sp(next);
    if starts_verb(next) {
        return subject_text(next, true);
    }
    if lex(next, &["về"], "\"về\"").is_ok() {
        return subject_part(next);
    }
    fail(next, "a subject on the next line")
}

/// Is a symbol a joint document's (`TTLT`, or two issuers' codes or more:
/// `05/2010/TTLT-BCA-BLĐTBXH-BTC`)?
fn joint(s: &RawSymbol<'_>) -> bool {
    let parts = || s.codes.iter().flat_map(|c| c.split('-'));
    parts().count() >= 3 || parts().any(|c| c.eq_ignore_ascii_case("TTLT") || c.eq_ignore_ascii_case("NQLT"))
}

// MoreIssuers ::= (Sp? "," Ws1 !Citation IssuerText)*
//   (the other issuers of a joint document, listed after the first: `của Bộ Quốc phòng, Bộ Lao động -
//   Thương binh⏎và Xã hội, Bộ Tài chính hướng dẫn …`)
fn more_issuers(mut r: &str) -> &str {
    loop {
        let Some(t) = skip_sp(r).strip_prefix(',') else {
            return r;
        };
        let Ok((t, _)) = ws1(t) else {
            return r;
        };
        if starts_citation(t) {
            return r;
        }
        match issuer_text(t) {
            Ok((r2, _)) => r = r2,
            Err(_) => return r,
        }
    }
}

// FullCitation ::= TypeWord (Sp SoWord? | Ws1 SoWord) SymbolText Tail
//   (`i` starts right after the type word)
pub(crate) fn full_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    if let Some(r) = no_full_citation_at(i) {
        return fail(r, "a số ký hiệu");
    }
    let (r, gap) = ws1(i)?;
    if gap.is_empty() {
        return fail(i, "a space");
    }
    // (On the next line, a name opens with a letter: `Luật⏎21/2017/QH14` is
    // a number, no name.)
    if gap.contains('\n') && !goes_on_line("", next_word(r)) {
        return fail(r, "a name starting with a letter");
    }
    // `Công văn (số 81/TTg-KTTH)`: the number in brackets.
    if let Some(inner) = r.strip_prefix('(') {
        return bracketed_citation(i, inner);
    }
    let r = match so_word(r) {
        Ok((r2, _)) => r2,
        // Across a line break only with `số`.
        Err(_) if gap.contains('\n') => return fail(r, "\"số\""),
        Err(_) => r,
    };
    let (r, sym) = symbol_text(r)?;
    let p = Parsed {
        symbol: Some(sym),
        ..Parsed::default()
    };
    Ok(tail(i, r, p))
}

/// [`full_citation`] with its number in brackets, `inner` after the `(`.
/// (Rare: kept out of the rule's code.)
#[cold]
#[inline(never)]
fn bracketed_citation<'a>(i: &'a str, inner: &'a str) -> PResult<'a, Parsed<'a>> {
    let (r2, _) = so_word(inner)?;
    let (r2, sym) = symbol_text(r2)?;
    let r2 = r2.strip_prefix(')').unwrap_or(r2);
    let p = Parsed {
        symbol: Some(sym),
        ..Parsed::default()
    };
    Ok(tail(i, r2, p))
}

/// Where [`full_citation`] fails at `i` on the first byte after its
/// spaces, the input its error names (the same as reading gives). After
/// spaces on the same line it reads a bracket, `số` (`s`, `S`: no other
/// character lowers to `s`) or a số ký hiệu (`[`, a digit, a `/`): another
/// ASCII byte, or a character that is not ASCII, is none of them (most
/// type words are followed by a word). A line break, `<br>` or no space at
/// all is left to the rule.
pub(crate) fn no_full_citation_at(i: &str) -> Option<&str> {
    let t = skip_sp(i);
    let &b = t.as_bytes().first()?;
    if t.len() == i.len() || matches!(b, b'\n' | b'<' | b'(' | b's' | b'S' | b'[' | b'/' | b'0'..=b'9') {
        return None;
    }
    Some(t)
}

// GapCitation ::= TypeWord Sp Gap SoWord (SymbolText | Number) Tail
//   Gap ::= GapWord (Sp GapWord){0,7} Sp?      (on one line, before `số`)
//   GapWord ::= LowerWord | "(" UpperWord ")" | "của" IssuerText
//   (`Công văn khẩn số …`, `Báo cáo thẩm tra số …`, `Quy chế làm việc số …`,
//   `Công văn hỏa tốc của UBND tỉnh Nghệ An số …`, `Quyết định của Bộ Chính trị số31-QĐ/TW`)
pub(crate) fn gap_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    let (mut r, _) = sp(i)?;
    let mut gap_issuer = None;
    for words in 0..8 {
        if words > 0 {
            if let Ok((r2, _)) = so_word(r) {
                let p = Parsed {
                    gap_issuer,
                    ..Parsed::default()
                };
                if let Ok((r3, sym)) = symbol_text(r2) {
                    return Ok(tail(i, r3, Parsed { symbol: Some(sym), ..p }));
                }
                let (r3, n) = bare_number(r2)?;
                return Ok(tail(i, r3, Parsed { number: Some(n), ..p }));
            }
        }
        if let Ok((r2, _)) = lex(r, &["của", "cua"], "\"của\"") {
            let (r2, _) = sp(r2)?;
            // `quy định của Luật Cạnh tranh số …`: the law is the citation.
            if type_at().is_match(prefix(r2, 48)) {
                return fail(r2, "an issuer, not a type word");
            }
            let (r2, iss) = issuer_text(r2)?;
            gap_issuer = Some(iss);
            r = skip_sp(r2);
            continue;
        }
        if let Ok((r2, _)) = aside(r) {
            r = skip_sp(r2);
            continue;
        }
        let w = next_word(r);
        // (`mẫu số 01/HTQT`, `biểu số …`: a form's label, not a document.)
        if w.is_empty()
            || starts_upper(w)
            || at_stop_word(r)
            || starts_citation(r)
            || matches!(&*lower_word(r), "mẫu" | "biểu")
        {
            return fail(r, "a word before \"số\"");
        }
        let (r2, _) = sp(&r[w.len()..])?;
        r = r2;
    }
    fail(r, "\"số\" within eight words")
}

// BareNumberCitation ::= TypeWord Sp? Abbrev? Number NumberEnd Tail    (no `số`: `Chỉ thị 16`, `Nghị quyết (NQ) 28`)
//   Abbrev ::= "(" UpperWord ")" Sp
//   NumberEnd ::= end | punctuation | "của" | StopWord | UpperWord   (`năm` only before a year, `ngày`
//   only before a date, never `tháng`, in any case: `Kế hoạch 5 năm`, `KẾ HOẠCH 5 NĂM` are durations;
//   a year-like number 1945..2100 is no number); after an
//   abbreviation (`NQ 28 chủ trì …`) any word but a unit (`NQ 3 lần`)
pub(crate) fn bare_number_citation(i: &str, abbreviation: bool) -> PResult<'_, Parsed<'_>> {
    let (r, gap) = sp0(i)?;
    if gap.is_empty() && !abbreviation {
        return fail(r, "a space");
    }
    let r = match aside(r) {
        Ok((r2, a)) if is_all_caps(a) && !a.contains(' ') => skip_sp(r2),
        _ => r,
    };
    let (r2, n) = bare_number(r)?;
    if n.len() == 4 && (1945..=2100).contains(&n.parse::<u32>().unwrap_or(0)) {
        return fail(r, "a number that is not a year");
    }
    let ends = if abbreviation { !unit_after(r2) } else { number_end(r2) };
    if !ends {
        return fail(r2, "the end of a document number");
    }
    let p = Parsed {
        number: Some(n),
        ..Parsed::default()
    };
    Ok(tail(i, r2, p))
}

/// What may follow a document number printed without `số` (see
/// [`bare_number_citation`]).
fn number_end(r: &str) -> bool {
    let t = skip_sp(r);
    if t.is_empty() || t.starts_with([',', ';', '.', ')', '(', ':', '\n', '”', '"', '-', '–']) {
        return t.len() == r.len() || !t.starts_with(['-', '–']);
    }
    if t.len() == r.len() {
        return false;
    }
    let word = lower_word(t);
    // A duration in any case (`KẾ HOẠCH 5 NĂM (2021 - 2025)`, `Chương trình
    // 3 Tháng`), unless a year or a date follows (`Chỉ thị 05 NĂM 2016`).
    match &*word {
        "năm" => return year_after(r).is_ok(),
        "ngày" => return date_part(r).is_ok(),
        "tháng" => return false,
        _ => {}
    }
    // A capitalized word: a name after the number (`Nghị quyết 18 Hội nghị
    // Trung ương 6`).
    if starts_upper(next_word(t)) {
        return true;
    }
    match &*word {
        "năm" | "nam" => year_after(r).is_ok(),
        "ngày" | "ngay" => date_part(r).is_ok(),
        // `của Bộ Chính trị`, `nêu trên`, `ở dưới đây`.
        "của" | "cua" | "nêu" | "ở" => true,
        _ => at_stop_word(t) && !matches!(&*lower_word(t), "số" | "so"),
    }
}

/// A unit after a number (`3 lần`, `5 năm` with no year, `10 ngày` with
/// no date): a count, not a document number.
fn unit_after(r: &str) -> bool {
    let t = skip_sp(r);
    if t.starts_with('%') {
        return true;
    }
    match &*lower_word(t) {
        "năm" | "nam" => year_after(r).is_err(),
        "ngày" | "ngay" => date_part(r).is_err(),
        "tháng" | "tuần" | "giờ" | "lần" | "người" | "đồng" | "triệu" | "tỷ" | "nghìn" | "ha" | "km" => {
            true
        }
        _ => false,
    }
}

/// May [`number_citation`] read at `i`: a space, then `s` or `S`? Its
/// `số` (`glued_so`, or a word lowered to `số`, `sô`, `so`) opens with
/// them and no other character lowers to `s`: where this is false it
/// fails, and is not run (most type words are followed by no `số`).
#[inline]
pub(crate) fn number_may_follow(i: &str) -> bool {
    i.starts_with(is_sp) && skip_sp(i).starts_with(['s', 'S'])
}

// NumberCitation ::= TypeWord Sp SoWord Number Tail        (`Kế hoạch số 189 của ...`)
pub(crate) fn number_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    let (r, _) = sp(i)?;
    let (r, _) = so_word(r)?;
    let (r, n) = bare_number(r)?;
    // `số 3 1/2021/NĐ-CP`: a number split by a space, going on into a
    // symbol, is no number (`số 25 72025QH15`, a symbol garbled past
    // reading, keeps its number).
    let split = r.strip_prefix(' ').is_some_and(|x| {
        x.starts_with(|c: char| c.is_ascii_digit())
            && x.split(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| w.contains(['/', '-']))
    });
    if split {
        return fail(r, "the end of the number");
    }
    let p = Parsed {
        number: Some(n),
        ..Parsed::default()
    };
    Ok(tail(i, r, p))
}

/// May [`list_tail`] read at `i`: past the spaces, `,`, `;` or a `v`
/// (`và`, `va`, in any case)? Where this is false it fails ([`lex`] ends
/// on an ASCII byte that is no `v`, and on any character that is not ASCII:
/// none lowers to one that starts with `v`); most citations are followed
/// by no list.
#[inline]
pub(crate) fn list_tail_may(i: &str) -> bool {
    matches!(skip_sp(i).as_bytes().first(), Some(b',' | b';' | b'v' | b'V'))
}

// ListTail ::= Sp? ("," | ";" | "và" | ", và") Sp? (SoWord (SymbolText | Number) | Item) Tail
//   Item ::= SymbolText      (after a symbol: `Quyết định số 12/QĐ-UBND, 13/QĐ-UBND`)
//          | Number          (after a number: `các Quyết định số: 318, 319, 320`)
//   (`các Luật số A, số B`; `…số 45/2013/QH13 ngày …; số 54/2014/QH13 ngày …`)
pub(crate) fn list_tail(i: &str, after_number: bool) -> PResult<'_, (usize, Parsed<'_>)> {
    let (r, _) = sp0(i)?;
    let (r, semicolon) = match r.strip_prefix(',') {
        Some(r2) => (r2, false),
        None => match r.strip_prefix(';') {
            Some(r2) => (r2, true),
            None => (lex(r, &["và", "va"], "\"và\"")?.0, false),
        },
    };
    let (r, _) = sp0(r)?;
    let r = lex(r, &["và", "va"], "\"và\"").map_or(r, |(r2, _)| r2);
    let (r, _) = sp0(r)?;
    let start = i.len() - r.len();
    let p = match so_word(r) {
        Ok((r2, _)) => match symbol_text(r2) {
            Ok((r3, sym)) => (
                r3,
                Parsed {
                    symbol: Some(sym),
                    ..Parsed::default()
                },
            ),
            Err(_) => {
                let (r3, n) = bare_number(r2)?;
                (
                    r3,
                    Parsed {
                        number: Some(n),
                        ..Parsed::default()
                    },
                )
            }
        },
        // Without `số` only a comma list, and not after a `;` (a new clause).
        Err(e) if semicolon => return Err(e),
        Err(_) if after_number => {
            let (r2, n) = bare_number(r)?;
            if !number_end(r2) {
                return fail(r2, "the end of a document number");
            }
            (
                r2,
                Parsed {
                    number: Some(n),
                    ..Parsed::default()
                },
            )
        }
        Err(_) => {
            let (r2, sym) = symbol_text(r)?;
            if !strong(&sym.1) {
                return fail(r, "a số ký hiệu with a type code or a year");
            }
            (
                r2,
                Parsed {
                    symbol: Some(sym),
                    ..Parsed::default()
                },
            )
        }
    };
    let (rest, p) = tail(r, p.0, p.1);
    Ok((rest, (start, p)))
}

/// A symbol that cannot be anything else: a known type code with an issuer
/// (`27-NQ/TW`, `1935/QĐ-UBND`), or a year and a type or National Assembly
/// code (`54/2014/QH13`, `30/2020/NĐ-CP`).
pub(crate) fn strong(raw: &RawSymbol<'_>) -> bool {
    let typed = raw
        .codes
        .first()
        .is_some_and(|c| c.chars().count() >= 2 && crate::symbol::canonical_type(c).is_some());
    let assembly = raw.codes.iter().any(|c| {
        let up = c.trim_end_matches(|x: char| x.is_ascii_digit());
        up.len() < c.len() && (up.eq_ignore_ascii_case("QH") || up.eq_ignore_ascii_case("UBTVQH"))
    });
    raw.number.is_some() && ((typed && raw.codes.len() >= 2) || (raw.year.is_some() && (typed || assembly)))
}

// DatedCitation ::= TypeWord (YearPart | DatePart) Tail        (`Hiến pháp năm 2013`)
pub(crate) fn dated_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    let (r, d) = year_part(i).or_else(|_| date_part(i))?;
    let p = Parsed {
        date: Some(d),
        ..Parsed::default()
    };
    Ok(tail(i, r, p))
}

// NameCitation ::= TypeWord Ws1 Name (Sp SoWord SymbolText | DatePart | ParenDate | YearPart) Tail
//   Name ::= Word ((Ws1 | "," Ws1) Word)*        (no stop word, no type word, at most `limit` bytes)
//   (`Luật Đất đai số 31/2024/QH15`, `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`,
//   `Luật Đất đai (05/6/2014)`)
pub(crate) fn name_citation(i: &str, limit: usize) -> PResult<'_, Parsed<'_>> {
    // (A line may break after the type word: `Luật⏎Thuế tiêu thụ đặc biệt
    // số …`.)
    let (r, gap) = ws1(i)?;
    if gap.is_empty() {
        return fail(i, "a space");
    }
    // (On the next line, a name opens with a letter: `Luật⏎21/2017/QH14` is
    // a number, no name.)
    if gap.contains('\n') && !goes_on_line("", next_word(r)) {
        return fail(r, "a name starting with a letter");
    }
    let body = prefix(r, limit.min(240));
    // Every anchor holds a digit a few words in (`số 31/…`, `ngày 19 tháng
    // …`, `năm 2014`, `(05/6/2014)`) but `cùng ngày`: none before it, none
    // tried; none in reach, no citation.
    let Some(first_digit) = first_digit(body.as_bytes()) else {
        if !memchr::memchr_iter(b'c', body.as_bytes()).any(|k| body.as_bytes()[k..].starts_with("cùng".as_bytes())) {
            return fail(i, "a name followed by a số ký hiệu or a date");
        }
        return name_loop(i, r, body, 0);
    };
    name_loop(i, r, body, first_digit.saturating_sub(ANCHOR_REACH))
}

/// Where the first ASCII digit of `b` is (`b.iter().position(…)`), looked
/// for sixteen bytes at a time with [`has_digit`] (read whole, so many
/// bytes a step), then byte by byte in the block that holds one. (A
/// name's words hold few digits: most blocks are passed whole.)
pub(super) fn first_digit(b: &[u8]) -> Option<usize> {
    let mut at = 0;
    for block in b.chunks(16) {
        if has_digit(block) {
            return block.iter().position(u8::is_ascii_digit).map(|k| at + k);
        }
        at += block.len();
    }
    None
}

/// Which anchors of a [`name_citation`] may start where the byte `b` is
/// (`None`: at the end), each rule read from there (the year from the
/// character before). Where one is false its rule fails, by the first byte
/// it reads:
/// - `số` ([`so_word`]) opens with `s` or `S`: no other character lowers
///   to `s` (see [`lex`]);
/// - a date ([`date_part`]) opens, past spaces, a line break, `<br>` or a
///   comma, with `cùng`, `ngày`, `tháng` or a digit: another ASCII byte
///   (not NUL, which its keyword match skips) fails it;
/// - a date in brackets ([`paren_date`]) with spaces or `(`;
/// - a year ([`year_part`]) with spaces before it (the character before
///   must be one), then `năm` or four digits: past that space, the byte is
///   `n`, `N`, a digit, or more spaces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Anchors {
    pub(super) so: bool,
    pub(super) date: bool,
    pub(super) paren: bool,
    pub(super) year: bool,
}

/// [`Anchors`] at the byte `b`.
pub(super) fn anchors_at(b: Option<u8>) -> Anchors {
    let Some(b) = b else {
        return Anchors {
            so: false,
            date: true,
            paren: false,
            year: false,
        };
    };
    let l = b.to_ascii_lowercase();
    Anchors {
        so: l == b's',
        date: !b.is_ascii()
            || matches!(
                l,
                b' ' | b'\t' | b'\n' | b'<' | b',' | b'c' | b'n' | b't' | b'0'..=b'9' | 0
            ),
        paren: matches!(b, b' ' | b'\t' | b'('),
        year: matches!(l, b' ' | b'\t' | b'n' | b'0'..=b'9'),
    }
}

/// How far before its first digit an anchor of a [`name_citation`] may
/// start (`ngày mười … tháng 6`: a malformed date's words; `số ` and a
/// bracket take less).
const ANCHOR_REACH: usize = 48;

/// The words of a [`name_citation`]'s name, read until an anchor at or
/// after `from` (bytes into `body`) ends it.
fn name_loop<'a>(i: &'a str, r: &'a str, body: &'a str, from: usize) -> PResult<'a, Parsed<'a>> {
    // The citation when an anchor starts at `at` in `r`, the name ending at
    // `name_end`.
    let anchored = |at: usize, name_end: usize| -> Option<(&str, Parsed<'_>)> {
        // Every anchor opens, after spaces or a comma perhaps, with `s`
        // (`số`), `n`, `t` or `c` (`ngày`, `năm`, `tháng`, `cùng`), a digit
        // or a bracket, in any case: another ASCII byte (most words of a
        // name) is none, settled here.
        if r.as_bytes().get(at).is_some_and(|&b| {
            b.is_ascii()
                && !matches!(
                    b.to_ascii_lowercase(),
                    b's' | b'n' | b't' | b'c' | b'0'..=b'9' | b'(' | b' ' | b'\t' | b'\n' | b',' | 0
                )
        }) {
            return None;
        }
        // (Each anchor tried only where its first byte may open it: see
        // [`anchors_at`].)
        let may = anchors_at(r.as_bytes().get(at).copied());
        let rest = &r[at..];
        let (r2, sym, date) = may
            .so
            .then(|| so_word(rest).and_then(|(r2, _)| symbol_text(r2)).ok())
            .flatten()
            .map(|(r2, s)| (r2, Some(s), None))
            .or_else(|| {
                let date = may.date.then(|| date_part(rest).ok()).flatten();
                date.or_else(|| may.paren.then(|| paren_date(rest).ok()).flatten())
                    .map(|(r2, d)| (r2, None, Some(d)))
            })
            .or_else(|| {
                // (From the character before, on its boundary: `ồngày`.)
                let back = r[..at].chars().next_back().map_or(0, char::len_utf8);
                may.year
                    .then(|| year_part(&r[at - back..]).ok())
                    .flatten()
                    .map(|(r2, d)| (r2, None, Some(d)))
            })?;
        let name = treaty_name(body[..name_end].trim_end_matches([' ', '\t', ',']));
        let mut p = Parsed {
            name: Some(name),
            symbol: sym,
            date,
            ..Parsed::default()
        };
        if p.date.is_none() {
            return Some(tail(i, r2, p));
        }
        // Name and date: an issuer or subject may follow.
        let (rest, p2) = tail(i, r2, Parsed::default());
        p.issuer = p2.issuer;
        p.subject = p2.subject;
        p.span_end = p2.span_end;
        Some((rest, p))
    };
    let mut pos = 0;
    let mut words = 0;
    // Past `đối với` only a số ký hiệu may end the name, and stop words
    // do not (`… đối với người có thu nhập cao số …`).
    let mut loose = false;
    let mut after_doi = false;
    loop {
        let rest = &body[pos..];
        let w = next_word(rest);
        if w.is_empty() {
            break;
        }
        // An anchor ends the name.
        if words > 0 && pos >= from && (!loose || so_word(rest).is_ok()) {
            if let Some(ok) = anchored(pos, pos) {
                return Ok(ok);
            }
        }
        // `… địa phươngngày 19 tháng 6 năm 2015`: `ngày` glued to the
        // name's last word.
        // (Lowered on the stack: most words of a name are capitalized.)
        let mut buf = [0u8; 64];
        let lw = lower_in(w, &mut buf);
        if let Some(k) = lw
            .strip_suffix("ngày")
            .filter(|k| !k.is_empty() && pos + w.len() >= from)
            .map(|k| pos + k.len())
        {
            if rest.is_char_boundary(k - pos) {
                if let Some(ok) = anchored(k, k) {
                    return Ok(ok);
                }
            }
        }
        // `và` inside a name (`Luật Quy hoạch đô thị và nông thôn số …`):
        // read on, the anchor decides.
        let and = words > 0 && &*lw == "và" && !type_at().is_match(prefix(rest[w.len()..].trim_start(), 48));
        let first_lower_ok = words == 0 && !at_stop_word_read(rest, w, &lw);
        // `đối với` inside a name (`Pháp lệnh Thuế thu nhập đối với người
        // có thu nhập cao số …`): read on, a số ký hiệu decides.
        let doi_voi =
            words > 0 && (after_doi || &*lw == "đối" && lower_word(skip_sp(&rest[w.len()..])).as_ref() == "với");
        after_doi = doi_voi && !after_doi;
        loose |= doi_voi;
        if words > 0
            && !and
            && !doi_voi
            && (!loose && at_stop_word_read(rest, w, &lw) || type_at().is_match(prefix(rest, 48)))
        {
            break;
        }
        if words == 0 && !first_lower_ok {
            break;
        }
        // `Luật sư`, `Luật gia`, `luật pháp`, `luật lệ`, `luật học`: a
        // lawyer, a jurist, the law, rules, legal studies; no law's name.
        if words == 0 && matches!(w, "sư" | "gia" | "pháp" | "lệ" | "học") {
            break;
        }
        pos += w.len();
        words += 1;
        let after = &body[pos..];
        // (A line may break between words: `Luật Thuế⏎tiêu thụ đặc biệt
        // số …`.)
        let (a2, s) = ws1(after)?;
        // (Not across a page's break: a line that opens with a page's
        // number or a header in capitals, `30⏎CÔNG BÁO/Số …`.)
        if s.contains('\n') && !goes_on_line(w, next_word(a2)) {
            break;
        }
        let a2 = if s.is_empty() {
            match a2.strip_prefix(',') {
                Some(a3) if a3.starts_with([' ', '\t', '\n']) => {
                    let (a4, g) = ws1(a3)?;
                    if g.contains('\n') && !goes_on_line(w, next_word(a4)) {
                        break;
                    }
                    a4
                }
                _ => break,
            }
        } else {
            a2
        };
        if a2.starts_with('(') && body.len() - a2.len() >= from {
            // A date in brackets ends the name (`Luật Đất đai (05/6/2014)`).
            if let Some(ok) = anchored(body.len() - a2.len(), pos) {
                return Ok(ok);
            }
        }
        if a2.starts_with(is_hard_stop) || at_full_stop(a2) {
            break;
        }
        pos = body.len() - a2.len();
    }
    fail(i, "a name followed by a số ký hiệu or a date")
}

/// May a name go on from its word `last` to `next`, the first on the next
/// line? Not to a number (a page's) or to a word in capitals after one
/// that is not (a page header's `CÔNG BÁO`, a heading).
fn goes_on_line(last: &str, next: &str) -> bool {
    next.starts_with(|c: char| c.is_alphabetic())
        && !(next.chars().count() >= 2 && is_all_caps(next) && !is_all_caps(last))
}

/// A treaty's name without the `ký` (`ký kết`) that leads to its date
/// (`Hiệp định Hải quan ASEAN ký ngày …`).
fn treaty_name(name: &str) -> &str {
    for tail in [" ký kết", " ký"] {
        if let Some(n) = name.strip_suffix(tail) {
            return n.trim_end();
        }
    }
    name
}

// NamedRef ::= TypeWord Sp UpperWord ((Sp | ", ") Word)* (IssuerPart)?     (no number, no date; a comma only before a lower-case word)
pub(crate) fn named_ref(i: &str, lower_ok: bool) -> PResult<'_, usize> {
    let (r, _) = sp(i)?;
    let first = next_word(r);
    // (`at_stop_word(r)`, on the word read already.)
    let mut buf = [0u8; 64];
    if !(lower_ok || starts_upper(first))
        || at_stop_word_read(r, first, &lower_in(first, &mut buf))
        || first.chars().all(|c| c.is_ascii_digit())
    {
        return fail(r, "a name starting with a capital letter");
    }
    let mut pos = 0;
    let mut words = 0;
    // (The first word is read already.)
    let mut w = first;
    loop {
        let rest = &r[pos..];
        if words > 0 {
            w = next_word(rest);
        }
        if w.is_empty() || words >= 12 {
            break;
        }
        let mut buf = [0u8; 64];
        if words > 0 && {
            let lw = lower_in(w, &mut buf);
            &*lw == "của" || at_stop_word_read(rest, w, &lw) || starts_citation(rest)
        } {
            break;
        }
        pos += w.len();
        words += 1;
        let (a2, s) = sp0(&r[pos..])?;
        // `Luật Phòng, chống tham nhũng`: a comma before a lower-case word.
        let a2 = match a2.strip_prefix(", ") {
            Some(a3) if s.is_empty() && !starts_upper(next_word(a3)) && !at_stop_word(a3) => a3,
            _ if s.is_empty() || a2.starts_with(is_hard_stop) || at_full_stop(a2) => break,
            _ => a2,
        };
        pos = r.len() - a2.len();
    }
    let name_end = r[..pos].trim_end().len();
    let after = &r[name_end..];
    let end = match issuer_part(after) {
        Ok((rest, _)) => r.len() - rest.len(),
        Err(_) => name_end,
    };
    Ok((&r[end..], i.len() - r.len() + end))
}
