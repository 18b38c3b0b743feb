//! The parts of a citation the rules of [`super`] put together: `số`, the
//! number and symbol, the date, the issuer, the subject, asides.

use nom::bytes::complete::take_while;

use crate::cite::lex::{
    at_full_stop, at_stop_word, fail, is_hard_stop, is_sp, kw, lex, lower_word, lowers_to, next_word, prefix, skip_sp,
    sp, sp0, starts_upper, ws1,
};
use crate::cite::types::{starts_citation, type_at};
use crate::date::{date_text_wrapped, IssueDate, RawDate};
use crate::error::PResult;
use crate::normalize::starts_with_folded;
use crate::symbol::{symbol, RawSymbol};

use super::{gap_citation, DatePart};

// SoWord ::= ("số" | "sô" | "so") Sp? ":"? Ws1
//          | ("số" | "sô") &Digit        (the space lost: `số31-QĐ/TW`)
pub(in crate::cite) fn so_word(i: &str) -> PResult<'_, &str> {
    if let Some(r) = glued_so(i) {
        return Ok((r, &i[..i.len() - r.len()]));
    }
    let (r, w) = lex(i, &["số", "sô", "so"], "\"số\"")?;
    let (r, _) = sp0(r)?;
    let r = r.strip_prefix(':').unwrap_or(r);
    let (r, _) = ws1(r)?;
    Ok((r, w))
}

/// `số` or `sô` in any case with a digit glued after it: the input at the
/// digit.
pub(super) fn glued_so(i: &str) -> Option<&str> {
    let r = i.strip_prefix(['s', 'S'])?;
    let r = r.strip_prefix(['ố', 'ô', 'Ố', 'Ô'])?;
    r.starts_with(|c: char| c.is_ascii_digit()).then_some(r)
}

// SymbolText ::= "[" BareSymbol "]" ("(" Url ")")? | BareSymbol      (Markdown links: `số [37/2025/NĐ-CP]`)
pub(in crate::cite) fn symbol_text(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
    let Some(inner) = i.strip_prefix('[') else {
        return bare_symbol(i);
    };
    let (r, sym) = bare_symbol(inner)?;
    let Some(r) = r.strip_prefix(']') else {
        return fail(r, "\"]\"");
    };
    if let Some(url) = r.strip_prefix('(') {
        let bounded = prefix(url, 300);
        if let Some(k) = bounded
            .find([')', ' ', '\n'])
            .filter(|&k| bounded[k..].starts_with(')'))
        {
            return Ok((&url[k + 1..], sym));
        }
    }
    Ok((r, sym))
}

// BareSymbol ::= Symbol     (a real number, and not glued to a following letter)
pub(in crate::cite) fn bare_symbol(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
    // Every form of Symbol starts with a number, or a slash with spaces
    // before it: after a type word that is rare (`Quyết định này`), so the
    // rest is settled by the first byte, with the error the grammar gives.
    if !i.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | ' ' | '\t')) {
        return fail(i, "a số ký hiệu");
    }
    let (r, mut raw) = match symbol(i) {
        Ok(ok) => ok,
        Err(_) => return fail(i, "a số ký hiệu"),
    };
    // A footnote's marker glued on (`66-NQ/TW1 ngày …`) is not printed
    // symbol: the symbol ends before it, the citation goes on after it.
    let mark = raw.cut_footnote_mark().map_or(0, str::len);
    if raw.number.is_none() {
        return fail(i, "a number in the số ký hiệu");
    }
    // Letters glued on are allowed where the symbol grammar cut them off
    // (`72-TB/TWngày`, `28-CT/TWĐẢNG BỘ`: noted as `glued-text`).
    let glued_ok = raw.noise.iter().any(|(code, _)| *code == "glued-text") && r.starts_with(char::is_alphabetic);
    // A colon ends it (`Nghị quyết số 21-NQ/TW: Nâng cao …`), but not one
    // before a digit (`QCVN 12:2026/BCA`).
    let colon_digit = r
        .strip_prefix(':')
        .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()));
    if !glued_ok && (colon_digit || r.starts_with(|c: char| crate::text::is_alnum(c) || c == '/')) {
        return fail(r, "the end of the số ký hiệu");
    }
    Ok((r, (&i[..i.len() - r.len() - mark], raw)))
}

// Number ::= Digit{1,6} !("/" | "-" | ":" | "," Digit | "." Digit | Letter)
pub(in crate::cite) fn bare_number(i: &str) -> PResult<'_, &str> {
    let (r, n) = take_while(|c: char| c.is_ascii_digit())(i)?;
    if n.is_empty() || n.len() > 6 {
        return fail(i, "a number");
    }
    let glued = r.starts_with(|c: char| crate::text::is_alnum(c) || matches!(c, '/' | '-' | ':' | '%'))
        || ((r.starts_with('.') || r.starts_with(',')) && r[1..].starts_with(|c: char| c.is_ascii_digit()));
    if glued {
        return fail(r, "the end of the number");
    }
    Ok((r, n))
}

// DatePart ::= Ws1 ("," Ws1)? ("cùng" Sp)? (Date | "ngày" Sp? MalformedDate)
//            | Sp? "cùng" Sp "ngày"
pub(in crate::cite) fn date_part(i: &str) -> PResult<'_, DatePart<'_>> {
    date_part_read::<true>(i)
}

/// [`date_part`]; with `GATE` false, without its test of the date's first
/// word before the date grammar (see there).
pub(super) fn date_part_read<const GATE: bool>(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, gap) = ws1(i)?;
    // (A line may break after the comma too: `218-KL/TW, ⏎ngày ⏎24/11/2025`.)
    let (r, gap) = match r.strip_prefix(',') {
        Some(r2) => {
            let (r3, after) = ws1(r2)?;
            (r3, if after.contains('\n') { after } else { gap })
        }
        None => (r, gap),
    };
    // Across a line break only a date that says so (`ngày …`, `cùng
    // ngày`): a bare `27/02/2015` opening the next line is a table's cell.
    if gap.contains(['\n', '<']) && !r.starts_with(['n', 'N', 'c', 'C']) {
        return fail(r, "a date starting with \"ngày\"");
    }
    let start = r;
    let (r, same) = match lex(r, &["cùng"], "\"cùng\"") {
        Ok((r2, _)) => match sp(r2) {
            Ok((r3, _)) => (r3, true),
            Err(_) => (r, false),
        },
        Err(_) => (r, false),
    };
    let date_start = r;
    // Every Date, and the malformed `ngày ...` below, starts with `ngày`,
    // `tháng` or a digit: another ASCII byte (a name's next word, most of
    // the calls) fails here as it would below. NUL is left to the keyword
    // match, which skips it.
    if date_start
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && b != 0 && !matches!(b.to_ascii_lowercase(), b'n' | b't' | b'0'..=b'9'))
    {
        return fail(i, "a date");
    }
    if no_date_word_at(date_start) {
        return fail(i, "a date");
    }
    // Each form of the date grammar opens with a digit or the word `ngày`
    // or `tháng`, matched folded (`starts_with_folded`), and so does the
    // malformed `ngày …` below: where none opens `date_start` (a name's
    // next word, `nước`, `thuế`, `Đất`), both fail, with this error; the
    // date grammar's four tries are spared.
    if GATE
        && !date_start.starts_with(|c: char| c.is_ascii_digit())
        && starts_with_folded(date_start, "ngay").is_none()
        && starts_with_folded(date_start, "thang").is_none()
    {
        return fail(i, "a date");
    }
    match date_text_wrapped(r) {
        Ok((rest, raw)) => {
            let text = &start[..start.len() - rest.len()];
            let date = validate(raw);
            Ok((
                rest,
                DatePart {
                    date,
                    text,
                    same_day: false,
                },
            ))
        }
        Err(_) => malformed_date(i, start, date_start, same),
    }
}

/// [`date_part`] where the date grammar fails at `date_start` (`start`
/// where the date's text starts, `same` after `cùng`): `ngày` and a run of
/// digits that is no date, or `cùng ngày` alone. (Rare: kept out of the
/// rule's code, which runs at most citations.)
#[cold]
#[inline(never)]
fn malformed_date<'a>(i: &'a str, start: &'a str, date_start: &'a str, same: bool) -> PResult<'a, DatePart<'a>> {
    // `ngày 08/6/20210`: a date that does not parse.
    if let Ok((r2, _)) = kw(date_start, "ngay") {
        let (r3, _) = sp0(r2)?;
        let run = r3
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
            .map_or(r3.len(), |(k, _)| k);
        let digits = r3[..run].trim_end_matches(['.', '-', '/']);
        if digits.starts_with(|c: char| c.is_ascii_digit()) && digits.contains(['/', '-', '.']) {
            let rest = &r3[digits.len()..];
            return Ok((
                rest,
                DatePart {
                    date: Err(("malformed-date", "a date such as \"ngày 26/11/2021\"")),
                    text: &start[..start.len() - rest.len()],
                    same_day: false,
                },
            ));
        }
        if same {
            // `cùng ngày` alone.
            return Ok((
                r2,
                DatePart {
                    date: Err(("same-day", "")),
                    text: &start[..start.len() - r2.len()],
                    same_day: true,
                },
            ));
        }
    }
    fail(i, "a date")
}

/// Does `r`, opening with an ASCII `n` or `t` (any case), open with
/// another word than `ngày` or `tháng` (folded), by its second byte? The
/// keyword match folds an ASCII byte to its lower case and skips only NUL
/// among them: an ASCII second byte that is no `g` (after `n`) or `h`
/// (after `t`) fails it, and every Date and the malformed `ngày …` of
/// [`date_part`] with it (`nhà`, `trong`, `tỉnh` end here; `nước`, `thuế`
/// are read on).
pub(in crate::cite) fn no_date_word_at(r: &str) -> bool {
    let b = r.as_bytes();
    let (Some(&first), Some(&second)) = (b.first(), b.get(1)) else {
        return false;
    };
    let want = match first.to_ascii_lowercase() {
        b'n' => b'g',
        b't' => b'h',
        _ => return false,
    };
    second.is_ascii() && second != 0 && second.to_ascii_lowercase() != want
}

pub(in crate::cite) fn validate(raw: RawDate) -> Result<IssueDate, (&'static str, &'static str)> {
    raw.validate().map_err(|p| match p {
        crate::date::DateProblem::Impossible => ("impossible-date", "a day and month that exist"),
        crate::date::DateProblem::Year => ("malformed-date", "a year between 1900 and 2100"),
    })
}

// YearPart ::= Sp ("năm" Sp)? Year        (after a law's name: `Luật Đất đai năm 2024`)
pub(in crate::cite) fn year_part(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = sp(i)?;
    let start = r;
    let r = match lex(r, &["năm", "nam"], "\"năm\"") {
        Ok((r2, _)) => sp(r2)?.0,
        Err(_) => r,
    };
    let (rest, y) = take_while(|c: char| c.is_ascii_digit())(r)?;
    if y.len() != 4 || rest.starts_with(|c: char| crate::text::is_alnum(c) || c == '/' || c == '-') {
        return fail(r, "a year");
    }
    let raw = RawDate {
        day: None,
        month: None,
        year: y.parse().expect("digits"),
    };
    Ok((
        rest,
        DatePart {
            date: validate(raw),
            text: &start[..start.len() - rest.len()],
            same_day: false,
        },
    ))
}

// YearAfter ::= Sp "năm" Sp Year !(Sp? "-" Sp? Digit)        (after a symbol: `Quyết định 3421/QĐ-UBND năm 2021`)
pub(in crate::cite) fn year_after(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = sp(i)?;
    lex(r, &["năm", "nam"], "\"năm\"")?;
    let (rest, d) = year_part(i)?;
    let range = skip_sp(rest);
    if range
        .strip_prefix(['-', '–'])
        .is_some_and(|r| skip_sp(r).starts_with(|c: char| c.is_ascii_digit()))
    {
        return fail(range, "a year, not a period");
    }
    Ok((rest, d))
}

// ParenDate ::= Sp? "(" DatePart ")"        (`Nghị định 81 (ngày 27/8/2021) của Chính phủ`)
pub(in crate::cite) fn paren_date(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = sp0(i)?;
    let Some(inner) = r.strip_prefix('(') else {
        return fail(r, "\"(\"");
    };
    let (r, d) = date_part(inner)?;
    let Some(r) = skip_sp(r).strip_prefix(')') else {
        return fail(r, "\")\"");
    };
    Ok((r, d))
}

// TitledDate ::= Sp Title Sp DatePart IssuerPart        (a title between the symbol and its date, as the
//   Pháp điển source notes print it: `Nghị định số 117/2016/NĐ-CP Quy định chi tiết … ngày 21/7/2016 của
//   Chính phủ`; the title opens with a capital or `về`, holds no citation, and stays in its clause)
pub(in crate::cite) fn titled_date(i: &str) -> PResult<'_, (&str, DatePart<'_>, &str)> {
    let (r, _) = sp(i)?;
    let first = next_word(r);
    if !(starts_upper(first) || lex(r, &["về"], "\"về\"").is_ok()) || at_stop_word(r) && !starts_upper(first) {
        return fail(r, "a title");
    }
    let bounded = prefix(r, 360);
    let end = bounded.find([';', '\n', '(', ')', '[', ']']).unwrap_or(bounded.len());
    let clause = &bounded[..end];
    let mut from = 0;
    while let Some(k) = clause[from..].find(['n', 'N']).map(|k| from + k) {
        from = k + 1;
        let before = &clause[..k];
        if !before.ends_with(' ') || before.contains(". ") {
            continue;
        }
        if kw(&clause[k..], "ngay").is_err() {
            continue;
        }
        let Ok((r2, d)) = date_part(&r[k - 1..]) else {
            continue;
        };
        let Ok((r3, issuer)) = issuer_part(r2) else {
            continue;
        };
        let title = before.trim_end();
        if words_start_citation(title) {
            return fail(r, "a title without a citation");
        }
        return Ok((r3, (title, d, issuer)));
    }
    fail(r, "a date and issuer after the title")
}

// ItemLead ::= "**"? Sp? ("—" | "–" | "-" | ":") Sp
/// What comes between a list item's citation and its title (`**TT A** — `,
/// `TT A: `): the rest, at the title.
pub(in crate::cite) fn item_lead(i: &str) -> PResult<'_, ()> {
    let r = i.strip_prefix("**").unwrap_or(i);
    let (r, _) = sp0(r)?;
    let Some(r) = r.strip_prefix(['—', '–', '-', ':']) else {
        return fail(r, "a dash before the title");
    };
    let (r, _) = sp(r)?;
    Ok((r, ()))
}

// ClosingDate ::= ItemLead Title ParenDate Sp? "**"? &(Eol | "|")
//   (a list item or table cell that ends with the date in brackets after the title: `TT 16/2014/TT-BNNPTNT
//   — Quy định … (05/6/2014)`; the title holds no bracket, no `/` and no citation; `(có hiệu lực từ …)` is no
//   ParenDate)
pub(in crate::cite) fn closing_date(i: &str) -> PResult<'_, (&str, DatePart<'_>)> {
    let (r, _) = item_lead(i)?;
    let bounded = prefix(r, 360);
    let end = bounded.find(['\n', '|', ';', '[', ']', ')']).unwrap_or(bounded.len());
    let Some(open) = bounded[..end].find('(') else {
        return fail(r, "a date in brackets closing the item");
    };
    let title = bounded[..open].trim_end();
    // (No `/` either: a bare or abbreviated symbol, `bổ sung QĐ 74/2004/…`.)
    if title.is_empty() || title.contains('/') || words_start_citation(title) {
        return fail(r, "a title without a citation");
    }
    let (r2, d) = paren_date(&r[open..])?;
    let after = r2.trim_start_matches([' ', '\t', '*', '.']);
    if !(after.is_empty() || after.starts_with(['\n', '\r', '|'])) {
        return fail(r2, "the end of the item after its date");
    }
    Ok((r2, (title, d)))
}

// IssuedDate ::= Sp? ","? Sp? "("? ("do" Sp IssuerText Sp)? ("ký" Sp)? ("ban hành" | "ký") DatePart Sp? ")"?
//              | Sp? ","? Sp? "ngày ban hành" Sp? ":"? DatePart
//              | Sp? "|" DatePart Sp? &"|"
//   (the date the document was issued, said so after its number: `Thông tư số … ban hành ngày 21/5/2015`,
//   `… do Bộ trưởng Bộ Tài chính ban hành ngày …`, `… ký ngày …`, `(ban hành ngày …)`; or a table's next
//   cell holding only a date: `| Thông tư số … | 05/11/2012 |`)
#[inline]
pub(in crate::cite) fn issued_date(i: &str) -> PResult<'_, (DatePart<'_>, Option<&str>)> {
    if no_issued_date_at(i) {
        return fail(i, "an issue date");
    }
    issued_date_read(i)
}

/// [`issued_date`] read in full, without its first-byte test.
#[inline(never)]
pub(super) fn issued_date_read(i: &str) -> PResult<'_, (DatePart<'_>, Option<&str>)> {
    let (r, _) = sp0(i)?;
    // A table's next cell, a date alone.
    if let Some(cell) = r.strip_prefix('|') {
        let (r2, d) = date_part(cell)?;
        if !skip_sp(r2).starts_with('|') {
            return fail(r2, "the end of the cell after its date");
        }
        return Ok((r2, (d, None)));
    }
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
    // The label form: `ngày ban hành: …`.
    if let Ok((r2, _)) = kw(r, "ngay") {
        let (r2, _) = sp(r2)?;
        let (r2, _) = issue_verb(r2)?;
        let r2 = match skip_sp(r2).strip_prefix(':') {
            Some(r3) => r3,
            None => r2,
        };
        let (r3, d) = date_part(r2)?;
        return Ok((r3, (d, None)));
    }
    let bracket = r.starts_with('(');
    let r = if bracket { skip_sp(&r[1..]) } else { r };
    let (r, issuer) = match kw(r, "do") {
        Ok((r2, _)) => {
            let (r2, _) = sp(r2)?;
            let (r2, iss) = issuer_text(r2)?;
            (sp(r2)?.0, Some(iss))
        }
        Err(_) => (r, None),
    };
    let (r, _) = issue_verb(r)?;
    let (r, d) = date_part(r)?;
    let r = if bracket {
        let Some(r2) = skip_sp(r).strip_prefix(')') else {
            return fail(r, "\")\"");
        };
        r2
    } else {
        r
    };
    Ok((r, (d, issuer)))
}

/// Does [`issued_date`] fail at `i` by the first bytes of its words? Past
/// the spaces, a comma and a bracket it skips, each of its forms opens
/// with `|`, or a keyword matched folded (`ngày`, `do`, `ký`, `ban`),
/// whose first byte, ASCII, is its own in either case: another ASCII byte
/// (not NUL, which the keyword match skips) fails them all. (Most
/// citations go on with a word.)
#[inline]
pub(in crate::cite) fn no_issued_date_at(i: &str) -> bool {
    let other = |r: &str, keep: &[u8]| {
        r.as_bytes()
            .first()
            .is_some_and(|&b| b.is_ascii() && b != 0 && !keep.contains(&b.to_ascii_lowercase()))
    };
    let r = skip_sp(i);
    if r.starts_with('|') {
        return false;
    }
    let r = skip_sp(r.strip_prefix(',').unwrap_or(r));
    if !other(r, b"n(") {
        return false;
    }
    let r = r.strip_prefix('(').map_or(r, skip_sp);
    other(r, b"dkb")
}

// IssueVerb ::= ("ký" Sp)? "ban hành" | "ký"
fn issue_verb(i: &str) -> PResult<'_, ()> {
    let (r, signed) = match lex(i, &["ký", "ky"], "\"ký\"") {
        Ok((r2, _)) => (r2, true),
        Err(_) => (i, false),
    };
    let after_ky = if signed { sp(r).map_or(r, |(r2, _)| r2) } else { r };
    match kw(after_ky, "ban")
        .and_then(|(r2, _)| sp(r2))
        .and_then(|(r2, _)| kw(r2, "hanh"))
    {
        Ok((r2, _)) => Ok((r2, ())),
        Err(_) if signed => Ok((r, ())),
        Err(_) => fail(i, "\"ban hành\" or \"ký\""),
    }
}

/// Does a citation start at some word of `s`?
pub(super) fn words_start_citation(s: &str) -> bool {
    s.char_indices()
        .filter(|&(k, _)| k == 0 || s[..k].ends_with(' '))
        .any(|(k, _)| starts_citation(&s[k..]))
}

// IssuerPart ::= Ws1 ","? Sp? "của" Ws1 IssuerText     (`của⏎Chính phủ`: a line may break after `của`)
pub(in crate::cite) fn issuer_part(i: &str) -> PResult<'_, &str> {
    let (r, _) = ws1(i)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
    // (Folded: `của`, `cua`, and `củá`, `củà`, marks damaged by a broken
    // conversion.)
    let (r, _) = kw(r, "cua").or_else(|_| fail(r, "\"của\""))?;
    let (r, s) = ws1(r)?;
    if s.is_empty() {
        return fail(r, "a space");
    }
    issuer_text(r)
}

// IssuerText ::= UpperWord (Sp Word)*      (at most 16 words; ends before a
//                StopWord, a type word starting a citation, "," ";" "(" ":" quotes, "." or a line end)
pub(in crate::cite) fn issuer_text(i: &str) -> PResult<'_, &str> {
    if !starts_upper(next_word(i)) {
        return fail(i, "an issuer starting with a capital letter");
    }
    let mut pos = 0;
    let mut words = 0;
    let mut wrapped = false;
    loop {
        let rest = &i[pos..];
        let w = next_word(rest);
        if w.is_empty() || words >= 16 {
            break;
        }
        // (`thi hành` ends it too: `của Ban Chấp hành Trung ương thi hành
        // Chương VII …`; it is no stop word, `Luật Thi hành án dân sự` is a
        // name.)
        if words > 0 && (at_stop_word(rest) || starts_citation(rest) || thi_hanh(rest)) {
            break;
        }
        pos += w.len();
        words += 1;
        // Allow " - " inside (`Bộ Lao động - Thương binh và Xã hội`).
        let after = &i[pos..];
        let (a2, s) = sp0(after)?;
        if let Some(a3) = a2.strip_prefix(['-', '–']) {
            let (a4, s2) = sp0(a3)?;
            if !s.is_empty() && !s2.is_empty() && starts_upper(next_word(a4)) {
                pos = i.len() - a4.len();
                continue;
            }
        }
        // One line break inside (`của Ban⏎Thường vụ Tỉnh ủy`, `của Bộ⏎trưởng
        // Bộ Tài chính`), before a word that goes on the name: no stop word,
        // citation, list item or clause's opening.
        let a2 = match a2.strip_prefix('\n') {
            Some(next) if !wrapped => {
                let next = skip_sp(next);
                if !issuer_goes_on(next) {
                    break;
                }
                wrapped = true;
                next
            }
            _ => a2,
        };
        if s.is_empty() && a2.len() == after.len() || a2.starts_with(is_hard_stop) || at_full_stop(a2) {
            break;
        }
        pos = i.len() - a2.len();
    }
    let text = i[..pos].trim_end();
    if text.is_empty() {
        return fail(i, "an issuer");
    }
    Ok((&i[text.len()..], text))
}

/// Does the line starting with `next` go on an issuer broken before it?
pub(super) fn issuer_goes_on(next: &str) -> bool {
    let w = next_word(next);
    !w.is_empty()
        && !at_stop_word(next)
        && !starts_citation(next)
        && !next.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '•' | '(' | '['))
        && !matches!(
            &*lower_word(next),
            "căn" | "thực" | "theo" | "xét" | "điều" | "chương" | "mục" | "phần" | "quyết" | "nơi" | "kính" | "như"
        )
}

/// `thi hành` in lower case at the start of `i`.
pub(super) fn thi_hanh(i: &str) -> bool {
    i.strip_prefix("thi").is_some_and(|r| skip_sp(r).starts_with("hành"))
}

/// Verbs that open a subject without `về` (`của Bộ Chính trị ban hành Quy chế ...`).
pub(in crate::cite) const SUBJECT_VERBS: &[(&str, &str)] = &[
    ("ban", "hành"),
    ("quy", "định"),
    ("hướng", "dẫn"),
    ("sửa", "đổi"),
    ("phê", "duyệt"),
    ("thành", "lập"),
    ("bãi", "bỏ"),
    ("thay", "thế"),
    ("thực", "hiện"),
    ("triển", "khai"),
    ("thi", "hành"),
    ("bổ", "sung"),
];

// SubjectPart ::= Sp? ","? Sp? ("về việc" | "về" | "V/v") Sp? SubjectText
//               | Sp SubjectVerb Sp SubjectText
pub(in crate::cite) fn subject_part(i: &str) -> PResult<'_, &str> {
    let (r, _) = sp0(i)?;
    let r0 = r.strip_prefix(',').unwrap_or(r);
    let (r1, _) = sp0(r0)?;
    let opened = lex(r1, &["về", "ve"], "\"về\"")
        .map(
            |(r, _)| match sp(r).and_then(|(r, _)| lex(r, &["việc", "viec"], "\"việc\"")) {
                Ok((r2, _)) => r2,
                Err(_) => r,
            },
        )
        .or_else(|_| kw(r1, "v/v").map(|(r, _)| r));
    match opened {
        Ok(r2) => {
            let (r3, _) = sp0(r2)?;
            subject_text(r3, starts_verb(r3))
        }
        Err(_) => {
            // Only directly after a space, no comma.
            if r.len() != r0.len() || r.len() == i.len() {
                return fail(i, "a subject");
            }
            if starts_verb(r) {
                subject_text(r, true)
            } else {
                fail(i, "a subject")
            }
        }
    }
}

/// Does `r` start with a verb of [`SUBJECT_VERBS`]?
pub(super) fn starts_verb(r: &str) -> bool {
    // Every verb starts with an ASCII letter of `bhpqst` (any case): most
    // words end here, on one byte.
    if !r
        .as_bytes()
        .first()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), b'b' | b'h' | b'p' | b'q' | b's' | b't'))
    {
        return false;
    }
    let w = next_word(r);
    // (The line may break between the two words: `quy⏎định`. The second
    // word is read only when a first one fits.)
    let mut after = None;
    // (Its first byte, an ASCII letter, lowered is the first of the verb it
    // lowers to: the others are not compared.)
    let first = w.as_bytes()[0].to_ascii_lowercase();
    SUBJECT_VERBS.iter().any(|(a, b)| {
        a.as_bytes()[0] == first && lowers_to(w, a) && {
            let after = *after.get_or_insert_with(|| ws1(&r[w.len()..]).map_or("", |(a, _)| next_word(a)));
            lowers_to(after, b)
        }
    })
}

/// The longest subject read, in bytes (twice that for an amending one).
const SUBJECT_MAX: usize = 400;

// SubjectText ::= "“" [^”]* "”" | (!(";" | ". " | LineEnd | "," Sp Citation) Char)+     (at most 400 bytes)
//   A subject opening with a verb (`hướng dẫn thực hiện Luật X, Nghị định Y`)
//   lists its objects: a comma before a citation does not end it.
pub(in crate::cite) fn subject_text(i: &str, verb: bool) -> PResult<'_, &str> {
    let bounded = prefix(i, SUBJECT_MAX);
    if let Some(q) = bounded.strip_prefix('“') {
        if let Some(close) = q.find(['”', '\n']) {
            if q[close..].starts_with('”') {
                let end = '“'.len_utf8() + close + '”'.len_utf8();
                return Ok((&i[end..], &i[..end]));
            }
        }
    }
    // An amending subject (`sửa đổi, bổ sung một số điều của Nghị định số A
    // … và Nghị định số B`) lists what it amends: `và` before a citation
    // goes on with its objects.
    let amending = verb && matches!(&*lower_word(i), "sửa" | "bổ" | "thay" | "bãi");
    // (It names them with their titles: it may run longer.)
    let bounded = if amending { prefix(i, 2 * SUBJECT_MAX) } else { bounded };
    let b = bounded.as_bytes();
    // Does the subject end at `k`, a byte of [`SUBJECT_STOPS`]?
    let stop_at = |k: usize| {
        let rest = &bounded[k..];
        match b[k] {
            b'\n' => !wrap_goes_on(&bounded[..k], &rest[1..]),
            b';' | b'[' => true,
            b'.' => at_full_stop(rest),
            // `, được sửa đổi …`, `, có hiệu lực …`: the citation's own
            // predicate, past its subject. `, <citation>` starts a new list
            // item, unless the comma is inside a pinpoint (`sửa đổi khoản 2,
            // Điều 8, Nghị định số …`).
            b',' => {
                predicate_after(&rest[1..])
                    || !verb && starts_citation(skip_sp(&rest[1..])) && !after_pinpoint(&bounded[..k])
            }
            // (`và` read only where a `v` follows, in any case: no other
            // character lowers to `v`, see `lex`.)
            _ => {
                !amending
                    && matches!(b.get(k + 1), Some(b'v' | b'V'))
                    && lex(&rest[1..], &["và"], "\"và\"").is_ok_and(|(r2, _)| {
                        let r2 = ws1(r2).map_or(r2, |(r, _)| r);
                        let r2 = skip_pinpoint(r2);
                        starts_any_citation(r2) || damaged_citation_at(r2)
                    })
            }
        }
    };
    let end = subject_stop(b, stop_at).unwrap_or(b.len());
    let text = bounded[..end].trim_end_matches([' ', '\t', ',']);
    if text.is_empty() {
        return fail(i, "a subject");
    }
    Ok((&i[text.len()..], text))
}

/// The first `k` where `stop_at(k)` says the subject ends, of the bytes of
/// [`SUBJECT_STOPS`] in `b`, in order (a space only before `v` or `V`: at
/// another, `stop_at` is false).
///
/// Sixteen bytes are tested at a time (SSE2, which every x86-64 CPU has):
/// a line break, `;`, `.`, `[`, `,`, or a space before `v`/`V`; only those
/// positions are read with `stop_at`. (A subject runs a few hundred bytes,
/// a space every few: read a byte at a time, with a table, they cost more
/// than the rest of the rule.) The last bytes, and other targets, are read
/// a byte at a time.
pub(super) fn subject_stop(b: &[u8], mut stop_at: impl FnMut(usize) -> bool) -> Option<usize> {
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
            let mut m = unsafe {
                let x = _mm_loadu_si128(b.as_ptr().add(k).cast::<__m128i>());
                let y = _mm_loadu_si128(b.as_ptr().add(k + 1).cast::<__m128i>());
                let eq = |c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
                let hard = _mm_or_si128(
                    _mm_or_si128(eq(b'\n'), eq(b';')),
                    _mm_or_si128(_mm_or_si128(eq(b'.'), eq(b'[')), eq(b',')),
                );
                // `v` is 0x76 and `V` 0x56: no other byte is `v` with bit
                // 0x20 set.
                let v_next = _mm_cmpeq_epi8(_mm_or_si128(y, _mm_set1_epi8(0x20)), _mm_set1_epi8(b'v' as i8));
                _mm_movemask_epi8(_mm_or_si128(hard, _mm_and_si128(eq(b' '), v_next))) as u32
            };
            while m != 0 {
                let j = k + m.trailing_zeros() as usize;
                if stop_at(j) {
                    return Some(j);
                }
                m &= m - 1;
            }
            k += 16;
        }
    }
    (k..b.len()).find(|&j| SUBJECT_STOPS[usize::from(b[j])] && stop_at(j))
}

/// The bytes where [`subject_text`] may end: a line break, `;`, `.`, `[`,
/// `,` and a space (before `và`).
static SUBJECT_STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b';' as usize] = true;
    t[b'.' as usize] = true;
    t[b'[' as usize] = true;
    t[b',' as usize] = true;
    t[b' ' as usize] = true;
    t
};

/// Does a predicate of the citation start `s` (after a comma, a line
/// break allowed): `được`/`bị`/`đã được` and a verb, or `có hiệu lực`?
pub(super) fn predicate_after(s: &str) -> bool {
    let Ok((r, _)) = ws1(s) else {
        return false;
    };
    let r = r.strip_prefix("đã ").unwrap_or(r);
    let w = next_word(r);
    match w {
        "được" | "bị" => SUBJECT_VERBS
            .iter()
            .any(|&(a, _)| next_word(skip_sp(&r[w.len()..])) == a),
        "có" => skip_sp(&r[w.len()..]).starts_with("hiệu lực"),
        _ => false,
    }
}

/// Does a sentence hard-wrapped after `before` go on at `next` (the next
/// line): a lower-case word that opens no list item (`a)`, `b.`), or a
/// citation after a word that wants its object (`… của⏎Nghị định số …`,
/// a cue's last word: `hướng dẫn thực hiện⏎Nghị quyết số …`)?
pub(super) fn wrap_goes_on(before: &str, next: &str) -> bool {
    let next = skip_sp(next);
    let w = next_word(next);
    let Some(c) = w.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        return !next[w.len()..].starts_with([')', '.']);
    }
    let before = before.trim_end_matches(is_sp);
    // A date or number broken over the line (`ngày 01 tháng 9 năm⏎2016`),
    // not a numbered item (`2.`, `3)`).
    if c.is_ascii_digit() {
        let digits = next.bytes().take_while(u8::is_ascii_digit).count();
        return !next[digits..].starts_with(['.', ')']) && !before.ends_with(['.', ';', ':', '!', '?']);
    }
    let last = before.rsplit([' ', '\t', '\n']).next().unwrap_or("");
    matches!(
        last,
        "của"
            | "và"
            | "tại"
            | "theo"
            | "bởi"
            | "đổi"
            | "sung"
            | "thế"
            | "bỏ"
            | "với"
            | "cho"
            | "hiện"
            | "hành"
            | "dẫn"
            | "tiết"
    ) && starts_citation(next)
}

/// Does a citation start `s`: [`starts_citation`], or a type word with
/// words before `số` ([`gap_citation`]: `Quyết định của Ban Bí thư số91-QĐ/TW`)?
pub(super) fn starts_any_citation(s: &str) -> bool {
    starts_citation(s)
        || type_at()
            .find(prefix(s, 48))
            .is_some_and(|m| gap_citation(&s[m.end()..]).is_ok())
}

// DamagedCitation ::= Capital Word (Sp Word){0,2} Sp SoWord StrongSymbol
/// Does a citation whose type word is damaged start `s` (`Kết lùận số
/// 126-KL/TW`, its marks scrambled by a broken conversion): a capital word
/// and at most two more, `số`, and a symbol that cannot be anything else
/// ([`super::strong`])?
pub(super) fn damaged_citation_at(s: &str) -> bool {
    if !s.starts_with(char::is_uppercase) {
        return false;
    }
    let mut r = s;
    for _ in 0..3 {
        let w = next_word(r);
        if w.is_empty() {
            return false;
        }
        r = skip_sp(&r[w.len()..]);
        if let Ok((sym, _)) = so_word(r) {
            return bare_symbol(sym).is_ok_and(|(_, (_, raw))| super::strong(&raw));
        }
    }
    false
}

/// `s` after the pinpoint parts it opens with (`Điều 2 `, `khoản 3, điểm
/// a `, `Điều 5 của `): `và Điều 2 Quyết định số …` joins a new citation.
pub(super) fn skip_pinpoint(s: &str) -> &str {
    let mut r = s;
    for _ in 0..4 {
        let w = lower_word(r);
        if !matches!(&*w, "điều" | "khoản" | "điểm" | "mục" | "chương" | "tiết" | "phần") {
            break;
        }
        let after = skip_sp(&r[next_word(r).len()..]);
        let label = next_word(after);
        if label.is_empty() {
            break;
        }
        r = after[label.len()..].trim_start_matches([' ', '\t', ',']);
        if let Ok((r2, _)) = lex(r, &["của"], "\"của\"") {
            r = skip_sp(r2);
        }
    }
    r
}

/// Does `s` end with a pinpoint part (`Điều 8`, `khoản 2`, `điểm a`,
/// `Mục II`, `Chương III`, `tiết 2.2.1`), a comma's worth before a citation?
pub(super) fn after_pinpoint(s: &str) -> bool {
    let t = s.trim_end();
    let w = t.len()
        - t.chars()
            .rev()
            .take_while(|&c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>();
    let head = t[..w].trim_end();
    let k = head.len()
        - head
            .chars()
            .rev()
            .take_while(|&c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>();
    matches!(
        &*lower_word(&head[k..]),
        "điều" | "khoản" | "điểm" | "mục" | "chương" | "tiết" | "phần" | "phụ" | "dieu" | "khoan" | "diem"
    )
}

// Aside ::= Sp? "(" [^()\n]{1,60} ")"        (`(khóa XII)` between the issuer and the subject; not kept)
pub(in crate::cite) fn aside(i: &str) -> PResult<'_, &str> {
    let (r, _) = sp0(i)?;
    let Some(inner) = r.strip_prefix('(') else {
        return fail(r, "\"(\"");
    };
    let bounded = prefix(inner, 60);
    match bounded.find([')', '(', '\n']) {
        Some(k) if k > 0 && bounded[k..].starts_with(')') => Ok((&inner[k + 1..], &r[..k + 2])),
        _ => fail(inner, "\")\""),
    }
}

/// After a symbol: its code part printed again (`37-NQ/TW NQ/TW`), skipped.
///
/// (Read only after a space: most symbols are followed by another byte or
/// a word; the first `-` or `/` of the symbol found a byte at a time, as
/// both are ASCII.)
#[inline]
pub(super) fn skip_repeat<'a>(printed: &str, r: &'a str) -> &'a str {
    let Some(x) = r.strip_prefix(' ') else {
        return r;
    };
    let Some(k) = printed.bytes().position(|b| b == b'-' || b == b'/') else {
        return r;
    };
    let codes = printed[k + 1..].trim_start();
    match x.strip_prefix(codes) {
        Some(rest) if codes.contains('/') && !rest.starts_with(crate::text::is_alnum) => rest,
        _ => r,
    }
}
