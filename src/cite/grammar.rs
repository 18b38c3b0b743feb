//! The citation grammar: the nom rules run at each type word.

use nom::bytes::complete::take_while;

use super::lex::{
    at_full_stop, at_stop_word, fail, is_all_caps, is_hard_stop, is_sp, kw, lex, lower_word, next_word, prefix, sp,
    sp0, starts_upper, ws1,
};
use super::types::{starts_citation, type_at};
use crate::date::{date_text_wrapped, IssueDate, RawDate};
use crate::error::PResult;
use crate::symbol::{symbol, RawSymbol};

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

// SoWord ::= ("số" | "sô" | "so") Sp? ":"? Ws1
//          | ("số" | "sô") &Digit        (the space lost: `số31-QĐ/TW`)
pub(super) fn so_word(i: &str) -> PResult<'_, &str> {
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
fn glued_so(i: &str) -> Option<&str> {
    let r = i.strip_prefix(['s', 'S'])?;
    let r = r.strip_prefix(['ố', 'ô', 'Ố', 'Ô'])?;
    r.starts_with(|c: char| c.is_ascii_digit()).then_some(r)
}

// SymbolText ::= "[" BareSymbol "]" ("(" Url ")")? | BareSymbol      (Markdown links: `số [37/2025/NĐ-CP]`)
pub(super) fn symbol_text(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
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
pub(super) fn bare_symbol(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
    // Every form of Symbol starts with a number, or a slash with spaces
    // before it: after a type word that is rare (`Quyết định này`), so the
    // rest is settled by the first byte, with the error the grammar gives.
    if !i.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | ' ' | '\t')) {
        return fail(i, "a số ký hiệu");
    }
    let (r, raw) = match symbol(i) {
        Ok(ok) => ok,
        Err(_) => return fail(i, "a số ký hiệu"),
    };
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
    Ok((r, (&i[..i.len() - r.len()], raw)))
}

// Number ::= Digit{1,6} !("/" | "-" | ":" | "," Digit | "." Digit | Letter)
pub(super) fn bare_number(i: &str) -> PResult<'_, &str> {
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

// DatePart ::= Ws1 ","? Sp? ("cùng" Sp)? (Date | "ngày" Sp? MalformedDate)
//            | Sp? "cùng" Sp "ngày"
pub(super) fn date_part(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, gap) = ws1(i)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
    // Across a line break only a date that says so (`ngày …`, `cùng
    // ngày`): a bare `27/02/2015` opening the next line is a table's cell.
    if gap.contains('\n') && !r.starts_with(['n', 'N', 'c', 'C']) {
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
        Err(_) => {
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
    }
}

pub(super) fn validate(raw: RawDate) -> Result<IssueDate, (&'static str, &'static str)> {
    raw.validate().map_err(|p| match p {
        crate::date::DateProblem::Impossible => ("impossible-date", "a day and month that exist"),
        crate::date::DateProblem::Year => ("malformed-date", "a year between 1900 and 2100"),
    })
}

// YearPart ::= Sp ("năm" Sp)? Year        (after a law's name: `Luật Đất đai năm 2024`)
pub(super) fn year_part(i: &str) -> PResult<'_, DatePart<'_>> {
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
pub(super) fn year_after(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = sp(i)?;
    lex(r, &["năm", "nam"], "\"năm\"")?;
    let (rest, d) = year_part(i)?;
    let range = rest.trim_start_matches(is_sp);
    if range.starts_with(['-', '–'])
        && range[1..]
            .trim_start_matches(is_sp)
            .starts_with(|c: char| c.is_ascii_digit())
    {
        return fail(range, "a year, not a period");
    }
    Ok((rest, d))
}

// ParenDate ::= Sp? "(" DatePart ")"        (`Nghị định 81 (ngày 27/8/2021) của Chính phủ`)
pub(super) fn paren_date(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = sp0(i)?;
    let Some(inner) = r.strip_prefix('(') else {
        return fail(r, "\"(\"");
    };
    let (r, d) = date_part(inner)?;
    let Some(r) = r.trim_start_matches(is_sp).strip_prefix(')') else {
        return fail(r, "\")\"");
    };
    Ok((r, d))
}

// TitledDate ::= Sp Title Sp DatePart IssuerPart        (a title between the symbol and its date, as the
//   Pháp điển source notes print it: `Nghị định số 117/2016/NĐ-CP Quy định chi tiết … ngày 21/7/2016 của
//   Chính phủ`; the title opens with a capital or `về`, holds no citation, and stays in its clause)
pub(super) fn titled_date(i: &str) -> PResult<'_, (&str, DatePart<'_>, &str)> {
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

/// Does a citation start at some word of `s`?
fn words_start_citation(s: &str) -> bool {
    s.char_indices()
        .filter(|&(k, _)| k == 0 || s[..k].ends_with(' '))
        .any(|(k, _)| starts_citation(&s[k..]))
}

// IssuerPart ::= Ws1 ","? Sp? "của" Ws1 IssuerText     (`của⏎Chính phủ`: a line may break after `của`)
pub(super) fn issuer_part(i: &str) -> PResult<'_, &str> {
    let (r, _) = ws1(i)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
    let (r, _) = lex(r, &["của", "cua"], "\"của\"")?;
    let (r, s) = ws1(r)?;
    if s.is_empty() {
        return fail(r, "a space");
    }
    issuer_text(r)
}

// IssuerText ::= UpperWord (Sp Word)*      (at most 16 words; ends before a
//                StopWord, a type word starting a citation, "," ";" "(" ":" quotes, "." or a line end)
pub(super) fn issuer_text(i: &str) -> PResult<'_, &str> {
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
                let next = next.trim_start_matches(is_sp);
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
fn issuer_goes_on(next: &str) -> bool {
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
fn thi_hanh(i: &str) -> bool {
    i.strip_prefix("thi")
        .is_some_and(|r| r.trim_start_matches(is_sp).starts_with("hành"))
}

/// Verbs that open a subject without `về` (`của Bộ Chính trị ban hành Quy chế ...`).
pub(super) const SUBJECT_VERBS: &[(&str, &str)] = &[
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
pub(super) fn subject_part(i: &str) -> PResult<'_, &str> {
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
fn starts_verb(r: &str) -> bool {
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
    // (The line may break between the two words: `quy⏎định`.)
    let after = ws1(&r[w.len()..]).map_or("", |(a, _)| next_word(a));
    let lower_is = |word: &str, lower: &str| word.chars().flat_map(char::to_lowercase).eq(lower.chars());
    SUBJECT_VERBS.iter().any(|(a, b)| lower_is(w, a) && lower_is(after, b))
}

/// The longest subject read, in bytes (twice that for an amending one).
const SUBJECT_MAX: usize = 400;

// SubjectText ::= "“" [^”]* "”" | (!(";" | ". " | LineEnd | "," Sp Citation) Char)+     (at most 400 bytes)
//   A subject opening with a verb (`hướng dẫn thực hiện Luật X, Nghị định Y`)
//   lists its objects: a comma before a citation does not end it.
pub(super) fn subject_text(i: &str, verb: bool) -> PResult<'_, &str> {
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
    let mut end = bounded.len();
    for (k, c) in bounded.char_indices() {
        let rest = &bounded[k..];
        if c == '\n' && wrap_goes_on(&bounded[..k], &rest[1..]) {
            continue;
        }
        if c == ';' || c == '\n' || at_full_stop(rest) || rest.starts_with("[") {
            end = k;
            break;
        }
        // `, được sửa đổi …`, `, có hiệu lực …`: the citation's own
        // predicate, past its subject.
        if c == ',' && predicate_after(&rest[1..]) {
            end = k;
            break;
        }
        // `, <citation>` starts a new list item, unless the comma is inside
        // a pinpoint (`sửa đổi khoản 2, Điều 8, Nghị định số …`).
        if c == ',' && !verb && starts_citation(rest[1..].trim_start_matches(is_sp)) && !after_pinpoint(&bounded[..k]) {
            end = k;
            break;
        }
        if c == ' ' && !amending {
            if let Ok((r2, _)) = lex(&rest[1..], &["và"], "\"và\"") {
                let r2 = ws1(r2).map_or(r2, |(r, _)| r);
                if starts_any_citation(skip_pinpoint(r2)) {
                    end = k;
                    break;
                }
            }
        }
    }
    let text = bounded[..end].trim_end_matches([' ', '\t', ',']);
    if text.is_empty() {
        return fail(i, "a subject");
    }
    Ok((&i[text.len()..], text))
}

/// Does a predicate of the citation start `s` (after a comma, a line
/// break allowed): `được`/`bị`/`đã được` and a verb, or `có hiệu lực`?
fn predicate_after(s: &str) -> bool {
    let Ok((r, _)) = ws1(s) else {
        return false;
    };
    let r = r.strip_prefix("đã ").unwrap_or(r);
    let w = next_word(r);
    match w {
        "được" | "bị" => SUBJECT_VERBS
            .iter()
            .any(|&(a, _)| next_word(r[w.len()..].trim_start_matches(is_sp)) == a),
        "có" => r[w.len()..].trim_start_matches(is_sp).starts_with("hiệu lực"),
        _ => false,
    }
}

/// Does a sentence hard-wrapped after `before` go on at `next` (the next
/// line): a lower-case word that opens no list item (`a)`, `b.`), or a
/// citation after a word that wants its object (`… của⏎Nghị định số …`)?
fn wrap_goes_on(before: &str, next: &str) -> bool {
    let next = next.trim_start_matches(is_sp);
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
        "của" | "và" | "tại" | "theo" | "bởi" | "đổi" | "sung" | "thế" | "bỏ" | "với" | "cho"
    ) && starts_citation(next)
}

/// Does a citation start `s`: [`starts_citation`], or a type word with
/// words before `số` ([`gap_citation`]: `Quyết định của Ban Bí thư số91-QĐ/TW`)?
fn starts_any_citation(s: &str) -> bool {
    starts_citation(s)
        || type_at()
            .find(prefix(s, 48))
            .is_some_and(|m| gap_citation(&s[m.end()..]).is_ok())
}

/// `s` after the pinpoint parts it opens with (`Điều 2 `, `khoản 3, điểm
/// a `, `Điều 5 của `): `và Điều 2 Quyết định số …` joins a new citation.
fn skip_pinpoint(s: &str) -> &str {
    let mut r = s;
    for _ in 0..4 {
        let w = lower_word(r);
        if !matches!(&*w, "điều" | "khoản" | "điểm" | "mục" | "chương" | "tiết" | "phần") {
            break;
        }
        let after = r[next_word(r).len()..].trim_start_matches(is_sp);
        let label = next_word(after);
        if label.is_empty() {
            break;
        }
        r = after[label.len()..].trim_start_matches([' ', '\t', ',']);
        if let Ok((r2, _)) = lex(r, &["của"], "\"của\"") {
            r = r2.trim_start_matches(is_sp);
        }
    }
    r
}

/// Does `s` end with a pinpoint part (`Điều 8`, `khoản 2`, `điểm a`,
/// `Mục II`, `Chương III`, `tiết 2.2.1`), a comma's worth before a citation?
fn after_pinpoint(s: &str) -> bool {
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
pub(super) fn aside(i: &str) -> PResult<'_, &str> {
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
fn skip_repeat<'a>(printed: &str, r: &'a str) -> &'a str {
    let Some(k) = printed.find(['-', '/']) else {
        return r;
    };
    let codes = printed[k + 1..].trim_start();
    match r.strip_prefix(' ').and_then(|x| x.strip_prefix(codes)) {
        Some(rest) if codes.contains('/') && !rest.starts_with(crate::text::is_alnum) => rest,
        _ => r,
    }
}

/// Is `i` (just after the type word) `này` (this very document)?
pub(super) fn is_self_reference(i: &str) -> bool {
    let r = i.trim_start_matches(is_sp);
    lex(r, &["này", "nay"], "\"này\"").is_ok()
}

// Tail ::= Repeat? (DatePart | ParenDate | YearAfter)? IssuerPart? DatePart? SubjectPart?
//        | TitledDate                  (no date nor issuer right after the number)
//   Repeat ::= Sp Codes                (the symbol's codes printed twice: `37-NQ/TW NQ/TW ngày`)
pub(super) fn tail<'a>(base: &'a str, mut r: &'a str, mut p: Parsed<'a>) -> (&'a str, Parsed<'a>) {
    if let Some((printed, _)) = &p.symbol {
        r = skip_repeat(printed, r);
    }
    if let Ok((r2, d)) = date_part(r).or_else(|_| paren_date(r)) {
        p.date = Some(d);
        r = r2;
    } else if p.symbol.is_some() || p.number.is_some() {
        if let Ok((r2, d)) = year_after(r) {
            p.date = Some(d);
            r = r2;
        }
    }
    if let Ok((r2, iss)) = issuer_part(r) {
        p.issuer = Some(iss);
        r = r2;
        if p.date.is_none() {
            if let Ok((r3, d)) = date_part(r) {
                p.date = Some(d);
                r = r3;
            }
        }
    } else if p.date.is_none() && (p.symbol.is_some() || p.number.is_some()) {
        if let Ok((r2, (title, d, iss))) = titled_date(r) {
            p.date = Some(d);
            p.issuer = Some(iss);
            p.subject = Some(title);
            p.span_end = base.len() - r2.len();
            return (r2, p);
        }
    }
    p.span_end = base.len() - r.len();
    let after_aside = aside(r).map_or(r, |(r2, _)| r2);
    if let Ok((r2, s)) = subject_part(after_aside) {
        p.subject = Some(s);
        r = r2;
    }
    (r, p)
}

// FullCitation ::= TypeWord (Sp SoWord? | Ws1 SoWord) SymbolText Tail
//   (`i` starts right after the type word)
pub(crate) fn full_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    let (r, gap) = ws1(i)?;
    if gap.is_empty() {
        return fail(i, "a space");
    }
    // `Công văn (số 81/TTg-KTTH)`: the number in brackets.
    if let Some(inner) = r.strip_prefix('(') {
        let (r2, _) = so_word(inner)?;
        let (r2, sym) = symbol_text(r2)?;
        let r2 = r2.strip_prefix(')').unwrap_or(r2);
        let p = Parsed {
            symbol: Some(sym),
            ..Parsed::default()
        };
        return Ok(tail(i, r2, p));
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
            r = r2.trim_start_matches(is_sp);
            continue;
        }
        if let Ok((r2, _)) = aside(r) {
            r = r2.trim_start_matches(is_sp);
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
//   NumberEnd ::= end | punctuation | "của" | StopWord   (`năm` only before a year, `ngày` only before a
//   date: `Kế hoạch 5 năm` is a duration; a year-like number 1945..2100 is no number); after an
//   abbreviation (`NQ 28 chủ trì …`) any word but a unit (`NQ 3 lần`)
pub(crate) fn bare_number_citation(i: &str, abbreviation: bool) -> PResult<'_, Parsed<'_>> {
    let (r, gap) = sp0(i)?;
    if gap.is_empty() && !abbreviation {
        return fail(r, "a space");
    }
    let r = match aside(r) {
        Ok((r2, a)) if is_all_caps(a) && !a.contains(' ') => r2.trim_start_matches(is_sp),
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
    let t = r.trim_start_matches(is_sp);
    if t.is_empty() || t.starts_with([',', ';', '.', ')', '(', ':', '\n', '”', '"', '-', '–']) {
        return t.len() == r.len() || !t.starts_with(['-', '–']);
    }
    if t.len() == r.len() {
        return false;
    }
    // A capitalized word: a name after the number (`Nghị quyết 18 Hội nghị
    // Trung ương 6`).
    if starts_upper(next_word(t)) {
        return true;
    }
    match &*lower_word(t) {
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
    let t = r.trim_start_matches(is_sp);
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

// NameCitation ::= TypeWord Sp Name (Sp SoWord SymbolText | DatePart | ParenDate | YearPart) Tail
//   Name ::= Word ((Sp | "," Sp) Word)*        (no stop word, no type word, at most `limit` bytes)
//   (`Luật Đất đai số 31/2024/QH15`, `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`,
//   `Luật Đất đai (05/6/2014)`)
pub(crate) fn name_citation(i: &str, limit: usize) -> PResult<'_, Parsed<'_>> {
    let (r, _) = sp(i)?;
    let body = prefix(r, limit.min(240));
    // Every anchor holds a digit a few words in (`số 31/…`, `ngày 19 tháng
    // …`, `năm 2014`, `(05/6/2014)`) but `cùng ngày`: none before it, none
    // tried; none in reach, no citation.
    let Some(first_digit) = body.bytes().position(|c| c.is_ascii_digit()) else {
        if memchr::memmem::find(body.as_bytes(), "cùng".as_bytes()).is_none() {
            return fail(i, "a name followed by a số ký hiệu or a date");
        }
        return name_loop(i, r, body, 0);
    };
    name_loop(i, r, body, first_digit.saturating_sub(ANCHOR_REACH))
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
        let (r2, sym, date) = so_word(&r[at..])
            .and_then(|(r2, _)| symbol_text(r2))
            .map(|(r2, s)| (r2, Some(s), None))
            .or_else(|_| {
                date_part(&r[at..])
                    .or_else(|_| paren_date(&r[at..]))
                    .map(|(r2, d)| (r2, None, Some(d)))
            })
            .or_else(|_| {
                // (From the character before, on its boundary: `ồngày`.)
                let back = r[..at].chars().next_back().map_or(0, char::len_utf8);
                year_part(&r[at - back..]).map(|(r2, d)| (r2, None, Some(d)))
            })
            .ok()?;
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
        let lw = lower_word(rest);
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
        let first_lower_ok = words == 0 && !at_stop_word(rest);
        // `đối với` inside a name (`Pháp lệnh Thuế thu nhập đối với người
        // có thu nhập cao số …`): read on, a số ký hiệu decides.
        let doi_voi = words > 0
            && (after_doi || &*lw == "đối" && lower_word(rest[w.len()..].trim_start_matches(is_sp)).as_ref() == "với");
        after_doi = doi_voi && !after_doi;
        loose |= doi_voi;
        if words > 0 && !and && !doi_voi && (!loose && at_stop_word(rest) || type_at().is_match(prefix(rest, 48))) {
            break;
        }
        if words == 0 && !first_lower_ok {
            break;
        }
        pos += w.len();
        words += 1;
        let after = &body[pos..];
        let (a2, s) = sp0(after)?;
        let a2 = if s.is_empty() {
            match a2.strip_prefix(',') {
                Some(a3) if a3.starts_with(is_sp) => a3.trim_start_matches(is_sp),
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
    if !(lower_ok || starts_upper(first)) || at_stop_word(r) || first.chars().all(|c| c.is_ascii_digit()) {
        return fail(r, "a name starting with a capital letter");
    }
    let mut pos = 0;
    let mut words = 0;
    loop {
        let rest = &r[pos..];
        let w = next_word(rest);
        if w.is_empty() || words >= 12 {
            break;
        }
        if words > 0 && (at_stop_word(rest) || starts_citation(rest) || &*lower_word(rest) == "của") {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::GrammarError;

    fn chars(s: &str, n: usize) -> String {
        s.chars().take(n).collect()
    }

    fn show_parsed(r: PResult<'_, Parsed<'_>>) -> String {
        match r {
            Ok((rest, p)) => {
                let mut out = Vec::new();
                if let Some((s, _)) = p.symbol {
                    out.push(format!("symbol={s:?}"));
                }
                if let Some(n) = p.number {
                    out.push(format!("number={n:?}"));
                }
                if let Some(n) = p.name {
                    out.push(format!("name={n:?}"));
                }
                if let Some(d) = &p.date {
                    out.push(format!("date={}", show_date(d)));
                }
                if let Some(s) = p.issuer {
                    out.push(format!("issuer={s:?}"));
                }
                if let Some(s) = p.subject {
                    out.push(format!("subject={s:?}"));
                }
                out.push(format!("rest={:?}", chars(rest, 24)));
                out.join(" ")
            }
            Err(e) => show_err(e),
        }
    }

    fn show_date(d: &DatePart<'_>) -> String {
        match d.date {
            Ok(date) => format!("{date} ({:?})", d.text),
            Err((code, _)) => format!("{code} ({:?})", d.text),
        }
    }

    fn show_err(e: nom::Err<GrammarError<'_>>) -> String {
        match e {
            nom::Err::Error(g) | nom::Err::Failure(g) => {
                format!("error: expected {} at {:?}", g.expected, chars(g.input, 16))
            }
            nom::Err::Incomplete(_) => "error: incomplete".to_string(),
        }
    }

    fn symbol_text_str(i: &str) -> PResult<'_, &str> {
        symbol_text(i).map(|(r, (s, _))| (r, s))
    }

    fn show_str(r: PResult<'_, &str>) -> String {
        match r {
            Ok((rest, s)) => format!("{s:?} rest={:?}", chars(rest, 24)),
            Err(e) => show_err(e),
        }
    }

    #[test]
    fn ok_full_citation() {
        insta::assert_snapshot!(show_parsed(full_citation(" số 308-CV/TU, ngày 26/11/2021 về phát động phong trào. Trong đó")), @r#"symbol="308-CV/TU" date=2021-11-26 ("ngày 26/11/2021") subject="phát động phong trào" rest=". Trong đó""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số 189-KH/TU, ngày 30/3/2020 của Ban Thường vụ Tỉnh ủy; làm tốt")), @r#"symbol="189-KH/TU" date=2020-03-30 ("ngày 30/3/2020") issuer="Ban Thường vụ Tỉnh ủy" rest="; làm tốt""#);
        insta::assert_snapshot!(show_parsed(full_citation(" 03-CT/TW, ngày 14-5-2011 của Bộ Chính trị, Kế hoạch")), @r#"symbol="03-CT/TW" date=2011-05-14 ("ngày 14-5-2011") issuer="Bộ Chính trị" rest=", Kế hoạch""#);
        insta::assert_snapshot!(show_parsed(full_citation(" SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ")), @r#"symbol="119-KH/TU" date=2019-12-18 ("NGÀY 18 THÁNG 12 NĂM 2019") issuer="BAN THƯỜNG VỤ TỈNH ỦY" rest=" VỀ""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số 416/QĐ-TTg  ngày 25 tháng 3 năm 2020 của Thủ tướng Chính phủ về ban hành Kế hoạch;")), @r#"symbol="416/QĐ-TTg" date=2020-03-25 ("ngày 25 tháng 3 năm 2020") issuer="Thủ tướng Chính phủ" subject="ban hành Kế hoạch" rest=";""#);
        insta::assert_snapshot!(show_parsed(full_citation(" sô 2965/CTHYE-TTKT3 ngày 16/7/2024 của Cục Thuế tỉnh Hưng Yên.")), @r#"symbol="2965/CTHYE-TTKT3" date=2024-07-16 ("ngày 16/7/2024") issuer="Cục Thuế tỉnh Hưng Yên" rest=".""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số: 4222 /TCT -PC ngày 05/10/2021")), @r#"symbol="4222 /TCT -PC" date=2021-10-05 ("ngày 05/10/2021") rest="""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số 217-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị ban hành Quy chế giám sát; Quyết")), @r#"symbol="217-QĐ/TW" date=2013-12-12 ("ngày 12/12/2013") issuer="Bộ Chính trị" subject="ban hành Quy chế giám sát" rest="; Quyết""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số 3870/SNN-VP ngày 10/12/2021 của Sở Nông nghiệp và Phát triển nông thôn về việc “Dân vận khéo”, giai đoạn")), @r#"symbol="3870/SNN-VP" date=2021-12-10 ("ngày 10/12/2021") issuer="Sở Nông nghiệp và Phát triển nông thôn" subject="“Dân vận khéo”" rest=", giai đoạn""#);
    }

    #[test]
    fn err_full_citation() {
        insta::assert_snapshot!(show_parsed(full_citation(" chuyên đề của Ban Chấp hành")), @r#"error: expected a số ký hiệu at "chuyên đề của Ba""#);
        insta::assert_snapshot!(show_parsed(full_citation(" 2021 - 2025")), @r#"error: expected a số ký hiệu at "2021 - 2025""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số 189 của Ban")), @r#"error: expected a số ký hiệu at "189 của Ban""#);
        insta::assert_snapshot!(show_parsed(full_citation(" số /QĐ-UBND ngày")), @r#"error: expected a number in the số ký hiệu at "/QĐ-UBND ngày""#);
        insta::assert_snapshot!(show_parsed(full_citation("số 5/QĐ")), @r#"error: expected a space at "số 5/QĐ""#);
    }

    #[test]
    fn ok_number_citation() {
        insta::assert_snapshot!(show_parsed(number_citation(" số 189 của Ban Thường vụ Tỉnh ủy. Chú trọng")), @r#"number="189" issuer="Ban Thường vụ Tỉnh ủy" rest=". Chú trọng""#);
        insta::assert_snapshot!(show_parsed(number_citation(" số 08 của Ban Dân vận Tỉnh ủy; chỉ có")), @r#"number="08" issuer="Ban Dân vận Tỉnh ủy" rest="; chỉ có""#);
        insta::assert_snapshot!(show_parsed(number_citation(" số 06 ngày 10 tháng 11 năm 1998 của Bộ Chính trị")), @r#"number="06" date=1998-11-10 ("ngày 10 tháng 11 năm 1998") issuer="Bộ Chính trị" rest="""#);
    }

    #[test]
    fn err_number_citation() {
        insta::assert_snapshot!(show_parsed(number_citation(" số lượng cán bộ")), @r#"error: expected a number at "lượng cán bộ""#);
        insta::assert_snapshot!(show_parsed(number_citation(" số 15/2018 ngày")), @r#"error: expected the end of the number at "/2018 ngày""#);
        insta::assert_snapshot!(show_parsed(number_citation(" 06 nghị quyết")), @r#"error: expected "số" at "06 nghị quyết""#);
        insta::assert_snapshot!(show_parsed(number_citation(" số 4 7/2019/NĐ-CP")), @r#"error: expected the end of the number at " 7/2019/NĐ-CP""#);
    }

    #[test]
    fn subject_verbs_start_with_the_prefilter_letters() {
        for (a, _) in SUBJECT_VERBS {
            assert!(
                matches!(a.as_bytes()[0], b'b' | b'h' | b'p' | b'q' | b's' | b't'),
                "{a}"
            );
        }
        assert!(starts_verb("Ban hành Quy chế"));
        assert!(!starts_verb("và Quyết định"));
    }

    #[test]
    fn ok_number_citation_before_garbled_symbol() {
        insta::assert_snapshot!(show_parsed(number_citation(" số 31 62021QH14 của Quốc hội")), @r#"number="31" rest=" 62021QH14 của Quốc hội""#);
    }

    #[test]
    fn ok_date_part() {
        let d = |s| match date_part(s) {
            Ok((rest, d)) => format!("{} rest={:?}", show_date(&d), rest),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(d(", ngày 26/11/2021 về"), @r#"2021-11-26 ("ngày 26/11/2021") rest=" về""#);
        insta::assert_snapshot!(d("  ngày 05 tháng 3 năm 2020"), @r#"2020-03-05 ("ngày 05 tháng 3 năm 2020") rest="""#);
        insta::assert_snapshot!(d(" ngày 14-5-2011 của"), @r#"2011-05-14 ("ngày 14-5-2011") rest=" của""#);
        insta::assert_snapshot!(d(" cùng ngày 12/12/2013"), @r#"2013-12-12 ("cùng ngày 12/12/2013") rest="""#);
        insta::assert_snapshot!(d(" cùng ngày của Bộ"), @r#"same-day ("cùng ngày") rest=" của Bộ""#);
    }

    #[test]
    fn err_date_part() {
        let d = |s| match date_part(s) {
            Ok((rest, d)) => format!("{} rest={:?}", show_date(&d), rest),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(d(" ngày 31/02/2023 của"), @r#"impossible-date ("ngày 31/02/2023") rest=" của""#);
        insta::assert_snapshot!(d(" ngày 08/6/20210 của"), @r#"malformed-date ("ngày 08/6/20210") rest=" của""#);
        insta::assert_snapshot!(d(" ngày càng tốt"), @r#"error: expected a date at " ngày càng tốt""#);
        insta::assert_snapshot!(d(" năm 2023"), @r#"error: expected a date at " năm 2023""#);
    }

    #[test]
    fn ok_issuer_part() {
        insta::assert_snapshot!(show_str(issuer_part(" của Ban Thường vụ Tỉnh ủy về việc")), @r#""Ban Thường vụ Tỉnh ủy" rest=" về việc""#);
        insta::assert_snapshot!(show_str(issuer_part(" của Ban Bí thư (khóa XI) về")), @r#""Ban Bí thư" rest=" (khóa XI) về""#);
        insta::assert_snapshot!(show_str(issuer_part(" của Bộ Lao động - Thương binh và Xã hội;")), @r#""Bộ Lao động - Thương binh và Xã hội" rest=";""#);
        insta::assert_snapshot!(show_str(issuer_part(" của Ban Thường vụ Tỉnh ủy và Kế hoạch số 2")), @r#""Ban Thường vụ Tỉnh ủy" rest=" và Kế hoạch số 2""#);
        insta::assert_snapshot!(show_str(issuer_part(" của Chính phủ quy định chi tiết")), @r#""Chính phủ" rest=" quy định chi tiết""#);
        insta::assert_snapshot!(show_str(issuer_part(", của Ủy ban nhân dân tỉnh Kon Tum)")), @r#""Ủy ban nhân dân tỉnh Kon Tum" rest=")""#);
    }

    #[test]
    fn err_issuer_part() {
        insta::assert_snapshot!(show_str(issuer_part(" của mình")), @r#"error: expected an issuer starting with a capital letter at "mình""#);
        insta::assert_snapshot!(show_str(issuer_part(" về việc")), @r#"error: expected "của" at "về việc""#);
    }

    #[test]
    fn ok_subject_part() {
        insta::assert_snapshot!(show_str(subject_part(" về “Phát triển du lịch đến năm 2025”; Nghị quyết")), @r#""“Phát triển du lịch đến năm 2025”" rest="; Nghị quyết""#);
        insta::assert_snapshot!(show_str(subject_part(" về việc triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư; chú")), @r#""triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư" rest="; chú""#);
        insta::assert_snapshot!(show_str(subject_part(" về kiểm soát thủ tục, Nghị định số 92/2017/NĐ-CP")), @r#""kiểm soát thủ tục" rest=", Nghị định số 92/2017/N""#);
        insta::assert_snapshot!(show_str(subject_part(" quy định chi tiết một số điều.")), @r#""quy định chi tiết một số điều" rest=".""#);
    }

    #[test]
    fn err_subject_part() {
        insta::assert_snapshot!(show_str(subject_part(" cần bám sát")), @r#"error: expected a subject at " cần bám sát""#);
        insta::assert_snapshot!(show_str(subject_part(", quy định chi tiết")), @r#"error: expected a subject at ", quy định chi t""#);
    }

    #[test]
    fn ok_list_tail() {
        let t = |s| match list_tail(s, false) {
            Ok((rest, (start, p))) => format!("at={start} {}", show_parsed(Ok((rest, p)))),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(t(", số 47/2024/QH15 và số 58/2024/QH15"), @r#"at=2 symbol="47/2024/QH15" rest=" và số 58/2024/QH15""#);
        insta::assert_snapshot!(t(" và số 58/2024/QH15;"), @r#"at=5 symbol="58/2024/QH15" rest=";""#);
        insta::assert_snapshot!(t(" và Quyết định số 218-QĐ/TW"), @r#"error: expected a số ký hiệu at "Quyết định số 21""#);
    }

    #[test]
    fn ok_name_citation() {
        insta::assert_snapshot!(show_parsed(name_citation(" Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 200)), @r#"name="Tổ chức chính quyền địa phương" date=2015-06-19 ("ngày 19 tháng 6 năm 2015") rest=";""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Đất đai số 31/2024/QH15; Luật", 200)), @r#"symbol="31/2024/QH15" name="Đất đai" rest="; Luật""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 được", 200)), @r#"symbol="49/2019/QH14" name="Xuất cảnh, nhập cảnh của công dân Việt Nam" rest=" được""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Hải quan năm 2014.", 200)), @r#"name="Hải quan" date=2014 ("năm 2014") rest=".""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Xây dựng (18/6/2014) của Quốc hội;", 200)), @r#"name="Xây dựng" date=2014-06-18 ("18/6/2014") issuer="Quốc hội" rest=";""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Bảo vệ môi trường (ngày 17/11/2020), Luật", 200)), @r#"name="Bảo vệ môi trường" date=2020-11-17 ("ngày 17/11/2020") rest=", Luật""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Thuế thu nhập đối với người có thu nhập cao số 12/2003/PL-UBTVQH11  đã được", 200)), @r#"symbol="12/2003/PL-UBTVQH11" name="Thuế thu nhập đối với người có thu nhập cao" rest="  đã được""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Đất đai đối với đất có nguồn gốc năm 2013.", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " Đất đai đối với""#);
    }

    #[test]
    fn err_name_citation() {
        insta::assert_snapshot!(show_parsed(name_citation(" Tổ chức Chính phủ;", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " Tổ chức Chính p""#);
        insta::assert_snapshot!(show_parsed(name_citation(" này có hiệu lực từ ngày 01/7/2025", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " này có hiệu lực""#);
    }

    #[test]
    fn ok_named_ref() {
        let n = |s: &'static str| match named_ref(s, false) {
            Ok((_, len)) => format!("{:?}", &s[..len]),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(n(" Đại hội XIII của Đảng, Nghị quyết"), @r#"" Đại hội XIII của Đảng""#);
        insta::assert_snapshot!(n(" Đại hội XI của Đảng bộ tỉnh; Chương trình"), @r#"" Đại hội XI của Đảng bộ tỉnh""#);
        insta::assert_snapshot!(n(" Tổ chức Chính phủ;"), @r#"" Tổ chức Chính phủ""#);
    }

    #[test]
    fn err_named_ref() {
        let n = |s: &'static str| match named_ref(s, false) {
            Ok((_, len)) => format!("{:?}", &s[..len]),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(n(" chuyên đề của Ban"), @r#"error: expected a name starting with a capital letter at "chuyên đề của Ba""#);
    }

    #[test]
    fn ok_dated_citation_aside_and_symbol_text() {
        insta::assert_snapshot!(show_parsed(dated_citation(" năm 2013;")), @r#"date=2013 ("năm 2013") rest=";""#);
        insta::assert_snapshot!(show_str(aside(" (khóa XII) về giám sát")), @r#""(khóa XII)" rest=" về giám sát""#);
        insta::assert_snapshot!(show_str(symbol_text_str("[37/2025/NĐ-CP](https://x.vn/a) ngày")), @r#""37/2025/NĐ-CP" rest=" ngày""#);
        insta::assert_snapshot!(show_str(symbol_text_str("308-CV/TU, ngày")), @r#""308-CV/TU" rest=", ngày""#);
    }

    #[test]
    fn err_aside_and_symbol_text() {
        insta::assert_snapshot!(show_str(aside(" (khóa XII về")), @r#"error: expected ")" at "khóa XII về""#);
        insta::assert_snapshot!(show_str(symbol_text_str("12:2026/BCA")), @r#"error: expected a số ký hiệu at "12:2026/BCA""#);
        insta::assert_snapshot!(show_str(symbol_text_str("[37/2025/NĐ-CP ngày")), @r#"error: expected "]" at " ngày""#);
    }
}
