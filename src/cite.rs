//! Stage 3: **cite**: find every document the text cites.
//!
//! How it works, in one pass over the normalized text:
//!
//! 1. **Prefilter.** One regex finds the type words (`Công văn`, `công văn`,
//!    `Kế hoạch`, `Nghị định`, `Luật`, `KẾ HOẠCH`, `Nghi dinh`...). Nothing
//!    else of the document is looked at by the grammar.
//! 2. **Grammar at each candidate.** The nom rules below run on a bounded
//!    slice starting at the type word: a full citation (type, `số`, số ký
//!    hiệu, date, issuer, subject), a number-only one (`Kế hoạch số 189`), a
//!    law cited by name (`Luật Đất đai số 31/2024/QH15`, `Luật Tổ chức chính
//!    quyền địa phương ngày 19 tháng 6 năm 2015`), or a reference with no
//!    number at all, which goes to [`NamedRef`] (`Nghị quyết Đại hội XIII của
//!    Đảng`). Lists sharing a type (`các Luật số A, số B`) are read by the
//!    same rules.
//! 3. **Lists sharing parts.** A citation with neither date nor issuer that
//!    is joined by `và` or `,` to the next one takes that one's date and
//!    issuer (`Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày
//!    12/12/2013 của Bộ Chính trị`); `cùng ngày` takes the previous date.
//! 4. **Relation** from the governing words in a bounded window before the
//!    citation (back to the previous citation, the clause or the line; a
//!    `Căn cứ` line governs all its citations), and `hết hiệu lực` just after.
//! 5. **Short references** point back (`refers_to`) to the first full
//!    citation of the same document.
//!
//! Every step looks at a bounded window around its citation, so the cost is
//! linear in the length of the document.

use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

use nom::bytes::complete::take_while;
use regex::Regex;

use crate::text::is_alnum;

use crate::date::{date_text, IssueDate, RawDate};
use crate::error::{GrammarError, PResult};
use crate::model::{Citation, Diagnostic, Document, NamedRef, Relation, Severity};
use crate::normalize::{fold, starts_with_folded};
use crate::scan::Scanner;
use crate::symbol::{symbol, RawSymbol, Symbol};
use crate::text::{fold_ws, Ctx, LineIndex};

// ---------------------------------------------------------------------------
// Type words

/// Type words: (as printed, canonical type, may be cited by name).
///
/// Longer words first, so that the prefilter's alternation prefers them.
const TYPE_WORDS: &[(&str, &str, bool)] = &[
    ("nghị quyết liên tịch", "Nghị quyết liên tịch", false),
    ("thông tư liên tịch", "Thông tư liên tịch", false),
    ("quyết định liên tịch", "Quyết định liên tịch", false),
    ("chương trình hành động", "Chương trình", false),
    ("văn bản hợp nhất", "Văn bản hợp nhất", false),
    ("bộ luật", "Bộ luật", true),
    ("nghị quyết", "Nghị quyết", true),
    ("nghị định", "Nghị định", false),
    ("quyết định", "Quyết định", false),
    ("quy định", "Quy định", false),
    ("quy chế", "Quy chế", false),
    ("chỉ thị", "Chỉ thị", true),
    ("kết luận", "Kết luận", true),
    ("hướng dẫn", "Hướng dẫn", false),
    ("chương trình", "Chương trình", false),
    ("thông báo", "Thông báo", false),
    ("thông tri", "Thông tri", false),
    ("thông tư", "Thông tư", false),
    ("thông cáo", "Thông cáo", false),
    ("báo cáo", "Báo cáo", false),
    ("tờ trình", "Tờ trình", false),
    ("đề án", "Đề án", false),
    ("phương án", "Phương án", false),
    ("công điện", "Công điện", false),
    ("công văn", "Công văn", false),
    ("văn bản", "Văn bản", false),
    ("pháp lệnh", "Pháp lệnh", true),
    ("hiến pháp", "Hiến pháp", true),
    ("sắc lệnh", "Sắc lệnh", false),
    ("lệnh", "Lệnh", false),
    ("luật", "Luật", true),
    ("kế hoạch", "Kế hoạch", false),
];

/// Every type word, with and without diacritics (words separated by one
/// space), and the [`TYPE_WORDS`] entry of each.
fn type_phrases() -> (Vec<String>, Vec<usize>) {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for (k, (word, _, _)) in TYPE_WORDS.iter().enumerate() {
        phrases.push(word.to_string());
        entries.push(k);
        let folded = fold(word);
        if folded != *word {
            phrases.push(folded);
            entries.push(k);
        }
    }
    (phrases, entries)
}

/// One alternation of all type words (see [`type_phrases`]; spaces match
/// any run of spaces and tabs).
fn type_alternation() -> String {
    let spaced = |w: &str| w.split(' ').map(regex::escape).collect::<Vec<_>>().join(r"[ \t]+");
    type_phrases().0.iter().map(|p| spaced(p)).collect::<Vec<_>>().join("|")
}

/// The prefilter: every type word, any case, one pattern each, so that a
/// match says which word it is (the first pattern wins, as in an
/// alternation: longer words come first). The scan finds only matches that
/// start a word; [`find_citations`] checks the end of each (a Unicode `\b`
/// would keep the regex engine off its DFA).
fn type_regex() -> &'static (Scanner, Vec<usize>) {
    static RE: OnceLock<(Scanner, Vec<usize>)> = OnceLock::new();
    RE.get_or_init(|| {
        let (phrases, entries) = type_phrases();
        (Scanner::new(&phrases).expect("type-word patterns"), entries)
    })
}

/// Is `text[s..e]` a whole word (no letter or digit glued on either side)?
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back().is_some_and(is_alnum);
    let after = text[e..].chars().next().is_some_and(is_alnum);
    !before && !after
}

/// A type word at the start of a string (the word boundary after it is
/// checked by hand: see [`type_regex`]).
fn type_at_regex() -> &'static TypeAt {
    static RE: OnceLock<TypeAt> = OnceLock::new();
    RE.get_or_init(|| TypeAt(Regex::new(&format!(r"(?i)^(?:{})", type_alternation())).expect("type-word regex")))
}

/// The anchored type-word matcher.
struct TypeAt(Regex);

impl TypeAt {
    fn find<'h>(&self, head: &'h str) -> Option<regex::Match<'h>> {
        self.0.find(head).filter(|m| whole_word(head, m.start(), m.end()))
    }

    fn is_match(&self, head: &str) -> bool {
        self.find(head).is_some()
    }
}

/// Does `i` start with a type word followed by `số` or a digit (a new
/// citation)?
fn starts_citation(i: &str) -> bool {
    let head = prefix(i, 48);
    let Some(m) = type_at_regex().find(head) else {
        return false;
    };
    let rest = &i[m.end()..];
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.starts_with(|c: char| c.is_ascii_digit()) || so_word(rest).is_ok()
}

// ---------------------------------------------------------------------------
// Small lexical helpers

/// At most `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut e = n;
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// The last `n` bytes of `s`, cut at a character boundary.
fn suffix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut b = s.len() - n;
    while !s.is_char_boundary(b) {
        b += 1;
    }
    &s[b..]
}

fn fail<'a, T>(input: &'a str, expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(GrammarError { input, expected }))
}

fn is_sp(c: char) -> bool {
    c == ' ' || c == '\t'
}

// Sp ::= (" " | "\t")+
fn sp(i: &str) -> PResult<'_, &str> {
    let (r, s) = take_while(is_sp)(i)?;
    if s.is_empty() {
        return fail(i, "a space");
    }
    Ok((r, s))
}

fn sp0(i: &str) -> PResult<'_, &str> {
    take_while(is_sp)(i)
}

// Ws1 ::= Sp? ("\n" Sp?)?        (a line broken by PDF extraction: `Nghị định số⏎254/2026/NĐ-CP`)
fn ws1(i: &str) -> PResult<'_, &str> {
    let (r, _) = sp0(i)?;
    let r = r.strip_prefix('\n').map_or(r, |r2| r2.trim_start_matches(is_sp));
    Ok((r, &i[..i.len() - r.len()]))
}

/// A keyword matched with case and diacritics folded, as a whole word.
fn kw<'a>(i: &'a str, folded: &'static str) -> PResult<'a, &'a str> {
    match starts_with_folded(i, folded) {
        Some(n) if !i[n..].starts_with(crate::text::is_alnum) => Ok((&i[n..], &i[..n])),
        _ => fail(i, folded),
    }
}

/// The next word (letters, digits and inner marks) at the start of `i`.
fn next_word(i: &str) -> &str {
    let b = i.as_bytes();
    let mut k = 0;
    while k < b.len() {
        // ASCII a byte at a time; other characters decoded.
        if b[k] < 0x80 {
            let c = b[k];
            if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b'&' | b'\'') && i[k + 1..].starts_with(is_alnum)
            {
                k += 1;
                continue;
            }
            break;
        }
        let c = i[k..].chars().next().expect("char boundary");
        if is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c) {
            k += c.len_utf8();
            continue;
        }
        break;
    }
    &i[..k]
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// Words that end an issuer or a name (lower case, one or two words). Not
/// folded: `bị`/`Bí`, `số`/`Sở`, `năm`/`Nam`, `tại`/`Tài` must differ.
/// `None`: `w` is not a stop word, nor the first of two; `Some(None)`: it
/// is one; `Some(Some(second))`: it is one when `second` follows.
fn stop_word(w: &str) -> Option<Option<&'static str>> {
    Some(match w {
        "về" | "tại" | "đã" | "đang" | "trong" | "theo" | "ngày" | "năm" | "để" | "nhằm" | "với" | "cho" | "từ"
        | "đến" | "được" | "bị" | "là" | "thì" | "này" | "gồm" | "khi" | "mà" | "như" | "số" | "kèm" | "có" | "do"
        | "nếu" | "và" | "hoặc" | "sau" | "trước" | "trên" | "dưới" => None,
        "ban" => Some("hành"),
        "quy" => Some("định"),
        "hướng" => Some("dẫn"),
        "sửa" => Some("đổi"),
        "bổ" => Some("sung"),
        "thay" => Some("thế"),
        "bãi" => Some("bỏ"),
        "thực" => Some("hiện"),
        "triển" => Some("khai"),
        "đối" => Some("với"),
        "phê" => Some("duyệt"),
        "thành" => Some("lập"),
        "giai" => Some("đoạn"),
        "cùng" => Some("ngày"),
        "hiện" => Some("hành"),
        "nói" => Some("trên"),
        "liên" => Some("quan"),
        _ => return None,
    })
}

/// `w` in lower case, borrowed when it already is.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// [`lower`] of a short word, written into `buf` when it has upper case
/// (no allocation), a character at a time (so a final `Σ` reads `σ`; no
/// stop word has one); a word whose lower case does not fit is lowered as
/// [`lower`] does.
fn lower_in<'a>(w: &'a str, buf: &'a mut [u8; 64]) -> std::borrow::Cow<'a, str> {
    let upper = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        }
    };
    if !w.chars().any(upper) {
        return std::borrow::Cow::Borrowed(w);
    }
    let mut n = 0;
    for c in w.chars() {
        if c.is_ascii() && n < buf.len() {
            buf[n] = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        for l in c.to_lowercase() {
            if n + l.len_utf8() > buf.len() {
                return std::borrow::Cow::Owned(w.to_lowercase());
            }
            n += l.encode_utf8(&mut buf[n..]).len();
        }
    }
    std::borrow::Cow::Borrowed(std::str::from_utf8(&buf[..n]).expect("characters written whole"))
}

/// The next word, lower case.
fn lower_word(i: &str) -> std::borrow::Cow<'_, str> {
    lower(next_word(i))
}

/// One of `words` (lower case, exact diacritics) as the next whole word.
fn lex<'a>(i: &'a str, words: &[&'static str], expected: &'static str) -> PResult<'a, &'a str> {
    // A word that starts with an ASCII letter starts with it in lower case
    // too: most calls end here, before the word is read.
    match i.as_bytes().first() {
        None => return fail(i, expected),
        Some(&b) if b.is_ascii() && !words.iter().any(|x| x.as_bytes()[0] == b.to_ascii_lowercase()) => {
            return fail(i, expected)
        }
        Some(_) => {}
    }
    let w = next_word(i);
    let lower_eq = |x: &&str| x.len() == w.len() && x.chars().eq(w.chars().flat_map(char::to_lowercase));
    if !w.is_empty() && words.iter().any(lower_eq) {
        Ok((&i[w.len()..], w))
    } else {
        fail(i, expected)
    }
}

/// Is the word at the start of `i` a stop word? `và` stops only before a
/// lower-case word, `các` or a type word (`Sở Nông nghiệp và Phát triển
/// nông thôn` is one issuer).
fn at_stop_word(i: &str) -> bool {
    let w = next_word(i);
    if w.is_empty() {
        return true;
    }
    // A stop word has at most five characters, and a word's lower case has
    // no fewer characters than the word: a word of more than 20 bytes (six
    // characters at least) is none.
    if w.len() > 20 {
        return false;
    }
    let mut buf = [0u8; 64];
    let lw = lower_in(w, &mut buf);
    let after = i[w.len()..].trim_start_matches(is_sp);
    if matches!(&*lw, "và" | "hoặc") {
        let nw = next_word(after);
        return !starts_upper(nw) || type_at_regex().is_match(prefix(after, 48)) || &*lower_word(after) == "các";
    }
    match stop_word(&lw) {
        None => false,
        Some(None) => true,
        // Two-word stops: the second word is read only when the first fits.
        Some(Some(second)) => &*lower_word(after) == second,
    }
}

/// Characters that end an issuer, a name or a subject.
fn is_hard_stop(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '(' | ')' | '“' | '”' | '"' | ':' | '[' | ']' | '\n' | '?' | '!' | '<' | '>' | '|'
    )
}

/// A full stop that ends a sentence (followed by a space or the end).
fn at_full_stop(i: &str) -> bool {
    i.starts_with('.') && !matches!(i[1..].chars().next(), Some(c) if !c.is_whitespace())
}

// ---------------------------------------------------------------------------
// Grammar

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
    /// End of the span (after date or issuer), as the remaining input.
    pub(crate) span_end: usize,
}

// SoWord ::= ("số" | "sô" | "so") Sp? ":"? Ws1
fn so_word(i: &str) -> PResult<'_, &str> {
    let (r, w) = lex(i, &["số", "sô", "so"], "\"số\"")?;
    let (r, _) = sp0(r)?;
    let r = r.strip_prefix(':').unwrap_or(r);
    let (r, _) = ws1(r)?;
    Ok((r, w))
}

// SymbolText ::= "[" BareSymbol "]" ("(" Url ")")? | BareSymbol      (Markdown links: `số [37/2025/NĐ-CP]`)
fn symbol_text(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
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
fn bare_symbol(i: &str) -> PResult<'_, (&str, RawSymbol<'_>)> {
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
    if r.starts_with(|c: char| crate::text::is_alnum(c) || c == '/' || c == ':') {
        return fail(r, "the end of the số ký hiệu");
    }
    Ok((r, (&i[..i.len() - r.len()], raw)))
}

// Number ::= Digit{1,6} !("/" | "-" | ":" | "," Digit | "." Digit | Letter)
fn bare_number(i: &str) -> PResult<'_, &str> {
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
fn date_part(i: &str) -> PResult<'_, DatePart<'_>> {
    let (r, _) = ws1(i)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
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
    match date_text(r) {
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

fn validate(raw: RawDate) -> Result<IssueDate, (&'static str, &'static str)> {
    raw.validate().map_err(|p| match p {
        crate::date::DateProblem::Impossible => ("impossible-date", "a day and month that exist"),
        crate::date::DateProblem::Year => ("malformed-date", "a year between 1900 and 2100"),
    })
}

// YearPart ::= Sp ("năm" Sp)? Year        (after a law's name: `Luật Đất đai năm 2024`)
fn year_part(i: &str) -> PResult<'_, DatePart<'_>> {
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

// IssuerPart ::= Ws1 ","? Sp? "của" Sp IssuerText
fn issuer_part(i: &str) -> PResult<'_, &str> {
    let (r, _) = ws1(i)?;
    let r = r.strip_prefix(',').unwrap_or(r);
    let (r, _) = sp0(r)?;
    let (r, _) = lex(r, &["của", "cua"], "\"của\"")?;
    let (r, _) = sp(r)?;
    issuer_text(r)
}

// IssuerText ::= UpperWord (Sp Word)*      (at most 16 words; ends before a
//                StopWord, a type word starting a citation, "," ";" "(" ":" quotes, "." or a line end)
fn issuer_text(i: &str) -> PResult<'_, &str> {
    if !starts_upper(next_word(i)) {
        return fail(i, "an issuer starting with a capital letter");
    }
    let mut pos = 0;
    let mut words = 0;
    loop {
        let rest = &i[pos..];
        let w = next_word(rest);
        if w.is_empty() || words >= 16 {
            break;
        }
        if words > 0 && (at_stop_word(rest) || starts_citation(rest)) {
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
        if s.is_empty() || a2.starts_with(is_hard_stop) || at_full_stop(a2) {
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

/// Verbs that open a subject without `về` (`của Bộ Chính trị ban hành Quy chế ...`).
const SUBJECT_VERBS: &[(&str, &str)] = &[
    ("ban", "hành"),
    ("quy", "định"),
    ("hướng", "dẫn"),
    ("sửa", "đổi"),
    ("phê", "duyệt"),
    ("thành", "lập"),
    ("bãi", "bỏ"),
    ("thay", "thế"),
];

// SubjectPart ::= Sp? ","? Sp? ("về việc" | "về" | "V/v") Sp? SubjectText
//               | Sp SubjectVerb Sp SubjectText
fn subject_part(i: &str) -> PResult<'_, &str> {
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
            subject_text(r3)
        }
        Err(_) => {
            // Only directly after a space, no comma.
            if r.len() != r0.len() || r.len() == i.len() {
                return fail(i, "a subject");
            }
            let w = next_word(r);
            let after = next_word(r[w.len()..].trim_start_matches(is_sp));
            let lower_is = |word: &str, lower: &str| word.chars().flat_map(char::to_lowercase).eq(lower.chars());
            let verb = SUBJECT_VERBS.iter().any(|(a, b)| lower_is(w, a) && lower_is(after, b));
            if verb {
                subject_text(r)
            } else {
                fail(i, "a subject")
            }
        }
    }
}

// SubjectText ::= "“" [^”]* "”" | (!(";" | ". " | LineEnd | "," Sp Citation) Char)+     (at most 400 bytes)
fn subject_text(i: &str) -> PResult<'_, &str> {
    let bounded = prefix(i, 400);
    if let Some(q) = bounded.strip_prefix('“') {
        if let Some(close) = q.find(['”', '\n']) {
            if q[close..].starts_with('”') {
                let end = '“'.len_utf8() + close + '”'.len_utf8();
                return Ok((&i[end..], &i[..end]));
            }
        }
    }
    let mut end = bounded.len();
    for (k, c) in bounded.char_indices() {
        let rest = &bounded[k..];
        if c == ';' || c == '\n' || at_full_stop(rest) || rest.starts_with("[") {
            end = k;
            break;
        }
        if c == ',' && starts_citation(rest[1..].trim_start_matches(is_sp)) {
            end = k;
            break;
        }
        if c == ' ' {
            if let Ok((r2, _)) = lex(&rest[1..], &["và"], "\"và\"") {
                if starts_citation(r2.trim_start_matches(is_sp)) {
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

// Aside ::= Sp? "(" [^()\n]{1,60} ")"        (`(khóa XII)` between the issuer and the subject; not kept)
fn aside(i: &str) -> PResult<'_, &str> {
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

/// Is `i` (just after the type word) `này` (this very document)?
fn is_self_reference(i: &str) -> bool {
    let r = i.trim_start_matches(is_sp);
    lex(r, &["này", "nay"], "\"này\"").is_ok()
}

// Tail ::= DatePart? IssuerPart? DatePart? SubjectPart?
fn tail<'a>(base: &'a str, mut r: &'a str, mut p: Parsed<'a>) -> (&'a str, Parsed<'a>) {
    if let Ok((r2, d)) = date_part(r) {
        p.date = Some(d);
        r = r2;
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

// NumberCitation ::= TypeWord Sp SoWord Number Tail        (`Kế hoạch số 189 của ...`)
pub(crate) fn number_citation(i: &str) -> PResult<'_, Parsed<'_>> {
    let (r, _) = sp(i)?;
    let (r, _) = so_word(r)?;
    let (r, n) = bare_number(r)?;
    let p = Parsed {
        number: Some(n),
        ..Parsed::default()
    };
    Ok(tail(i, r, p))
}

// ListTail ::= Sp? ("," | "và" | ", và") Sp? SoWord SymbolText Tail     (`các Luật số A, số B`)
pub(crate) fn list_tail(i: &str) -> PResult<'_, (usize, Parsed<'_>)> {
    let (r, _) = sp0(i)?;
    let r = match r.strip_prefix(',') {
        Some(r2) => r2,
        None => lex(r, &["và", "va"], "\"và\"")?.0,
    };
    let (r, _) = sp0(r)?;
    let r = lex(r, &["và", "va"], "\"và\"").map_or(r, |(r2, _)| r2);
    let (r, _) = sp0(r)?;
    let start = i.len() - r.len();
    let (r2, _) = so_word(r)?;
    let (r2, sym) = symbol_text(r2)?;
    let p = Parsed {
        symbol: Some(sym),
        ..Parsed::default()
    };
    let (rest, p) = tail(r, r2, p);
    Ok((rest, (start, p)))
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

// NameCitation ::= TypeWord Sp Name (Sp SoWord SymbolText | DatePart | YearPart) Tail
//   Name ::= Word ((Sp | "," Sp) Word)*        (no stop word, no type word, at most `limit` bytes)
//   (`Luật Đất đai số 31/2024/QH15`, `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`)
pub(crate) fn name_citation(i: &str, limit: usize) -> PResult<'_, Parsed<'_>> {
    let (r, _) = sp(i)?;
    let body = prefix(r, limit.min(240));
    let mut pos = 0;
    let mut words = 0;
    loop {
        let rest = &body[pos..];
        let w = next_word(rest);
        if w.is_empty() {
            break;
        }
        // An anchor ends the name.
        if words > 0 {
            let anchored = so_word(&r[pos..])
                .and_then(|(r2, _)| symbol_text(r2))
                .map(|(r2, s)| (r2, Some(s), None))
                .or_else(|_| {
                    let from = &r[pos..];
                    date_part(from).map(|(r2, d)| (r2, None, Some(d)))
                })
                .or_else(|_| {
                    let from = &r[pos - 1..];
                    year_part(from).map(|(r2, d)| (r2, None, Some(d)))
                });
            if let Ok((r2, sym, date)) = anchored {
                let name = body[..pos].trim_end_matches([' ', '\t', ',']);
                let mut p = Parsed {
                    name: Some(name),
                    symbol: sym,
                    date,
                    ..Parsed::default()
                };
                if p.date.is_none() {
                    return Ok(tail(i, r2, p));
                }
                // Name and date: an issuer or subject may follow.
                let (rest, p2) = tail(i, r2, Parsed::default());
                p.issuer = p2.issuer;
                p.subject = p2.subject;
                p.span_end = p2.span_end;
                return Ok((rest, p));
            }
        }
        let first_lower_ok = words == 0 && !at_stop_word(rest);
        if words > 0 && (at_stop_word(rest) || type_at_regex().is_match(prefix(rest, 48))) {
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
        if a2.starts_with(is_hard_stop) || at_full_stop(a2) {
            break;
        }
        pos = body.len() - a2.len();
    }
    fail(i, "a name followed by a số ký hiệu or a date")
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

// ---------------------------------------------------------------------------
// The stage

/// A citation while the stage runs (normalized offsets).
#[derive(Debug, Clone)]
struct Found {
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
}

/// Where the last `". "` in `s` starts (`rfind(". ")`, a `.` at a time).
fn last_full_stop(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memrchr_iter(b'.', b).find(|&k| b.get(k + 1) == Some(&b' '))
}

/// Does `b` hold an ASCII digit? Read whole, without an early exit, so
/// that the compiler reads many bytes a step.
fn has_digit(b: &[u8]) -> bool {
    b.iter().fold(0u8, |acc, &x| acc | u8::from(x.wrapping_sub(b'0') < 10)) != 0
}

/// Offset of `part` (a slice of `base`) inside `base`.
fn off(base: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len())
}

/// How far the grammar may look from a type word.
const GRAMMAR_WINDOW: usize = 1200;
/// How far back the relation cues are looked for.
const CUE_WINDOW: usize = 320;

/// Fill `doc.citations` and `doc.named_refs`.
pub(crate) fn find_citations(ctx: &Ctx<'_>, footnotes: &[Range<usize>], doc: &mut Document) {
    let norm = ctx.norm;
    let (type_re, entries) = type_regex();
    let cands: Vec<(usize, usize, usize)> = type_re
        .find_all(norm)
        .into_iter()
        .map(|(s, e, pattern)| (s, e, entries[pattern]))
        // The scan finds only matches that start a word: check the end.
        .filter(|&(_, e, _)| !norm[e..].chars().next().is_some_and(is_alnum))
        .collect();
    // About one type word in ten starts a citation on the corpus.
    let mut found: Vec<Found> = Vec::with_capacity(cands.len() / 8);
    let mut named: Vec<(usize, usize)> = Vec::with_capacity(cands.len() / 16);
    let mut skip_until = 0;
    for (k, &(s, e, entry)) in cands.iter().enumerate() {
        if s < skip_until {
            continue;
        }
        let (_, canonical, nameable) = TYPE_WORDS[entry];
        let next = cands.get(k + 1).map_or(norm.len(), |c| c.0);
        let window = prefix(&norm[s..], GRAMMAR_WINDOW);
        let after = &window[e - s..];
        let tw = &norm[s..e];
        let capitalized = starts_upper(tw) && !is_all_caps(tw);
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
        let parsed = full_citation(after)
            .or_else(|_| number_citation(after))
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
            });
        match parsed {
            Ok((mut rest, p)) => {
                let first = build(ctx, doc, after, e, s, Some(canonical), p);
                skip_until = first.end;
                found.push(first);
                // Lists sharing the type word.
                while let Ok((r2, (start, p))) = list_tail(rest) {
                    let base = &rest[start..];
                    let f0 = e + off(after, base);
                    let mut f = build(ctx, doc, base, f0, f0, Some(canonical), p);
                    f.shared.push("type".to_string());
                    skip_until = f.end;
                    found.push(f);
                    rest = r2;
                }
            }
            Err(_) => {
                if (nameable || canonical == "Nghị quyết") && capitalized {
                    if let Ok((_, len)) = named_ref(after, canonical == "Hiến pháp") {
                        named.push((s, e + len));
                        skip_until = e + len;
                    }
                }
            }
        }
    }
    share_parts(norm, &mut found);
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
    let relations = relations(norm, lines, &found);
    let refers = refers_to(&found);
    doc.citations.reserve(found.len());
    doc.named_refs.reserve(named.len());
    for (idx, f) in found.into_iter().enumerate() {
        doc.citations.push(Citation {
            doc_type: f.doc_type.map(str::to_string),
            number: f.number.or_else(|| f.symbol.as_ref().and_then(Symbol::number)),
            symbol: f.symbol,
            date: f.date,
            issuer: f.issuer,
            subject: f.subject,
            name: f.name,
            relation: relations[idx],
            span: ctx.span(f.start, f.end),
            symbol_span: f.symbol_range.map(|(a, b)| ctx.span(a, b)),
            line: ctx.line_of(f.start),
            in_footnote: in_footnote(f.start),
            refers_to: refers[idx],
            shared: f.shared,
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

/// Does a line start with a footnote marker `[n]`?
fn footnote_marker(line: &str) -> bool {
    let l = line.trim_start();
    let Some(r) = l.strip_prefix('[') else {
        return false;
    };
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && r[digits..].starts_with(']')
}

/// Turn what a rule read into a [`Found`]: `base` is the string the rule ran
/// on, at normalized offset `base_at`; the citation starts at `start`.
fn build(
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
        symbol: None,
        symbol_range: None,
        number: None,
        date: None,
        same_day: false,
        issuer: p.issuer.map(fold_ws),
        subject: None,
        subject_range: None,
        name: p.name.map(fold_ws),
        shared: Vec::new(),
    };
    if let Some((sym, raw)) = p.symbol {
        let s0 = at(sym);
        f.symbol_range = Some((s0, s0 + sym.len()));
        let (canon, notes) = raw.into_symbol(sym);
        for n in notes {
            if n.code == "blank-number" {
                continue;
            }
            doc.diagnostics.push(Diagnostic::new(
                n.code,
                n.severity,
                n.message,
                Some(ctx.span(s0 + n.span.start, s0 + n.span.end)),
            ));
        }
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
        f.tail = s0 + s.len();
        let inner = s
            .strip_prefix('“')
            .and_then(|x| x.strip_suffix('”'))
            .filter(|x| !x.contains(['“', '”']))
            .unwrap_or(s);
        f.subject = Some(fold_ws(inner));
    }
    f
}

/// The separator between two neighbours in a list (`và`, `,`, `, và`)?
fn is_list_join(gap: &str) -> bool {
    if !may_fold_within(gap, b"vacho,") {
        return false;
    }
    let g = fold(gap.trim());
    matches!(g.as_str(), "va" | "," | ", va" | "hoac" | "va cac" | ", cac")
}

/// Can [`fold`] of `s` hold only whitespace and the bytes of `allowed`
/// (lower-case letters and punctuation)? An ASCII character folds to itself
/// in lower case (NUL to nothing), so one outside them says no without
/// folding; other characters are left to the fold.
fn may_fold_within(s: &str, allowed: &[u8]) -> bool {
    s.bytes()
        .all(|b| !b.is_ascii() || b == 0 || char::from(b).is_whitespace() || allowed.contains(&b.to_ascii_lowercase()))
}

/// Lists sharing parts: `A và B, ngày X của Y` gives A the date and issuer;
/// `... cùng ngày` takes the previous date.
fn share_parts(norm: &str, found: &mut [Found]) {
    for i in 1..found.len() {
        if found[i].same_day && found[i].date.is_none() {
            if let Some(d) = found[i - 1].date {
                found[i].date = Some(d);
                found[i].shared.push("date".to_string());
            }
        }
    }
    for i in (1..found.len()).rev() {
        let (a, b) = found.split_at_mut(i);
        let prev = &mut a[i - 1];
        let cur = &b[0];
        if prev.tail != prev.end || prev.end > cur.start || cur.start - prev.end > 24 {
            continue;
        }
        if !is_list_join(&norm[prev.end..cur.start]) {
            continue;
        }
        if prev.date.is_none() && prev.issuer.is_none() && cur.date.is_some() {
            prev.date = cur.date;
            prev.shared.push("date".to_string());
        }
        if prev.issuer.is_none() && cur.issuer.is_some() {
            prev.issuer.clone_from(&cur.issuer);
            prev.shared.push("issuer".to_string());
        }
    }
}

/// Relation cues, matched on the folded window before a citation. The cue
/// ending nearest the citation wins (the longer one on a tie, the first in
/// this table on a tie of both), so passive and idiomatic forms (`được sửa
/// đổi, bổ sung bởi`, `thay thế cho nhau`) beat the active verb inside them.
///
/// Each cue is a phrase of folded words starting a word (`\b` in ASCII),
/// ending a word unless marked. Written as regular expressions (the form
/// [`cue_regexes`] compiles for the tests):
///
/// ```text
///  0 \bcan cu\b                       Basis
///  1 \bthuc hien\b                    Implements
///  2 \btrien khai\b                   Implements
///  3 \btheo tinh than chi dao\b       Implements
///  4 \bbam sat\b                      Implements
///  5 \bsua doi\b(, bo sung\b)?        Amends
///  6 \bthay the\b                     Replaces
///  7 \bbai bo\b                       Repeals
///  8 \bhet hieu luc\b                 Repeals
///  9 \bhuong dan thi hanh\b           Guides
/// 10 \bhuong dan thuc hien\b          Guides
/// 11 \bquy dinh chi tiet\b            Guides
/// 12 \b(duoc|bi) (sua doi(, bo sung)?|bo sung|thay the|bai bo|huong dan( thi hanh)?
///      |quy dinh chi tiet)( (mot so dieu|mot so noi dung))?( (boi|theo|tai))?:?
///                                     Mentions (no word end needed inside)
/// 13 \bthay the cho nhau\b            Mentions
/// 14 \bchua het hieu luc\b            Mentions
/// 15 \bvb het hieu luc\b              Mentions (TVPL's `(VB hết hiệu lực: ...)`)
/// ```
///
/// [`cue_matches_at`] reads them by hand at each word start: no phrase
/// holds a word that starts it again, so the matches at word starts are
/// exactly the non-overlapping matches a search for each would find. Test
/// `prop_cue_matcher_same_as_regexes` compares it with the expressions.
const CUES: [(Cue, Relation); 16] = [
    (Cue::Words("can cu"), Relation::Basis),
    (Cue::Words("thuc hien"), Relation::Implements),
    (Cue::Words("trien khai"), Relation::Implements),
    (Cue::Words("theo tinh than chi dao"), Relation::Implements),
    (Cue::Words("bam sat"), Relation::Implements),
    (Cue::WordsThen("sua doi", ", bo sung"), Relation::Amends),
    (Cue::Words("thay the"), Relation::Replaces),
    (Cue::Words("bai bo"), Relation::Repeals),
    (Cue::Words("het hieu luc"), Relation::Repeals),
    (Cue::Words("huong dan thi hanh"), Relation::Guides),
    (Cue::Words("huong dan thuc hien"), Relation::Guides),
    (Cue::Words("quy dinh chi tiet"), Relation::Guides),
    (Cue::Passive, Relation::Mentions),
    (Cue::Words("thay the cho nhau"), Relation::Mentions),
    (Cue::Words("chua het hieu luc"), Relation::Mentions),
    (Cue::Words("vb het hieu luc"), Relation::Mentions),
];

/// How a cue of [`CUES`] is read.
enum Cue {
    /// These folded words, whole.
    Words(&'static str),
    /// These words, whole, and the second part too when it follows, whole.
    WordsThen(&'static str, &'static str),
    /// `được`/`bị` and the verb after it ([`passive_cue`]).
    Passive,
}

/// For each byte, the cues of [`CUES`] that can start with it (bit `k` for
/// cue `k`), read from the table.
const CUES_BY_FIRST_BYTE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < CUES.len() {
        match CUES[k].0 {
            Cue::Words(w) | Cue::WordsThen(w, _) => t[w.as_bytes()[0] as usize] |= 1 << k,
            Cue::Passive => {
                t[b'd' as usize] |= 1 << k;
                t[b'b' as usize] |= 1 << k;
            }
        }
        k += 1;
    }
    t
};

/// The longest a cue match can be (`duoc quy dinh chi tiet mot so noi dung
/// theo:`, 44 bytes), with room to spare.
const CUE_MAX_LEN: usize = 64;

/// The relation a window gives, if any cue is in it.
fn cue_relation(window: &str) -> Option<Relation> {
    cue_relation_folded(&fold(window))
}

/// [`cue_relation`] of a window already folded.
fn cue_relation_folded(f: &str) -> Option<Relation> {
    best_cue(f.as_bytes()).map(|(_, _, k)| CUES[k].1)
}

/// The winning cue in folded `b`: its end, length and index in
/// [`CUES`].
fn best_cue(b: &[u8]) -> Option<(usize, usize, usize)> {
    // (end, length, cue)
    let mut best: Option<(usize, usize, usize)> = None;
    // From the end back: a cue starting before `e - CUE_MAX_LEN` cannot
    // end at `e` or later, so the search stops once one is found.
    for p in (0..b.len()).rev() {
        if best.is_some_and(|(e, _, _)| p + CUE_MAX_LEN < e) {
            break;
        }
        let cues = CUES_BY_FIRST_BYTE[usize::from(b[p])];
        if cues == 0 || (p > 0 && is_word_byte(b[p - 1])) {
            continue;
        }
        cue_matches_at(b, p, cues, |k, end| {
            let key = (end, end - p);
            if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                best = Some((key.0, key.1, k));
            }
        });
    }
    best
}

/// A word byte for an ASCII `\b`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII word boundary at `at` in `b`.
fn word_boundary(b: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(b[at - 1]);
    let after = b.get(at).is_some_and(|&x| is_word_byte(x));
    before != after
}

/// `lit` at `at` in `b`: the end.
fn lit_at(b: &[u8], at: usize, lit: &str) -> Option<usize> {
    b[at..].starts_with(lit.as_bytes()).then_some(at + lit.len())
}

/// Call `hit(cue, end)` for each cue of [`CUES`] in the set `cues` (bit `k`
/// for cue `k`) matching at the word start `p`, in the table's order.
fn cue_matches_at(b: &[u8], p: usize, mut cues: u16, mut hit: impl FnMut(usize, usize)) {
    let whole = |at: usize, words: &str| lit_at(b, at, words).filter(|&e| word_boundary(b, e));
    while cues != 0 {
        let k = cues.trailing_zeros() as usize;
        cues &= cues - 1;
        let end = match CUES[k].0 {
            Cue::Words(w) => whole(p, w),
            Cue::WordsThen(w, then) => whole(p, w).map(|e| whole(e, then).unwrap_or(e)),
            Cue::Passive => passive_cue(b, p),
        };
        if let Some(e) = end {
            hit(k, e);
        }
    }
}

/// [`Cue::Passive`] at `p`: its end, read as the regular expression
/// would (alternatives in order, optional parts taken when there).
fn passive_cue(b: &[u8], p: usize) -> Option<usize> {
    // The verbs, each with the part it may take.
    const VERBS: [(&str, &[&str]); 6] = [
        ("sua doi", &[", bo sung"]),
        ("bo sung", &[]),
        ("thay the", &[]),
        ("bai bo", &[]),
        ("huong dan", &[" thi hanh"]),
        ("quy dinh chi tiet", &[]),
    ];
    // The first of `alts` at `e`, if one is there: where it ends.
    let optional = |e: usize, alts: &[&str]| alts.iter().find_map(|a| lit_at(b, e, a)).unwrap_or(e);
    let at = lit_at(b, p, "duoc ").or_else(|| lit_at(b, p, "bi "))?;
    let e = VERBS
        .iter()
        .find_map(|(verb, more)| lit_at(b, at, verb).map(|e| optional(e, more)))?;
    let e = optional(e, &[" mot so dieu", " mot so noi dung"]);
    let e = optional(e, &[" boi", " theo", " tai"]);
    Some(optional(e, &[":"]))
}

/// The cues of [`CUES`] as regular expressions (the table in its doc), the
/// reference the hand matcher is tested against.
#[cfg(test)]
fn cue_regexes() -> &'static [Regex] {
    const TABLE: [&str; 16] = [
        r"\bcan cu\b",
        r"\bthuc hien\b",
        r"\btrien khai\b",
        r"\btheo tinh than chi dao\b",
        r"\bbam sat\b",
        r"\bsua doi\b(, bo sung\b)?",
        r"\bthay the\b",
        r"\bbai bo\b",
        r"\bhet hieu luc\b",
        r"\bhuong dan thi hanh\b",
        r"\bhuong dan thuc hien\b",
        r"\bquy dinh chi tiet\b",
        r"\b(duoc|bi) (sua doi(, bo sung)?|bo sung|thay the|bai bo|huong dan( thi hanh)?|quy dinh chi tiet)( (mot so dieu|mot so noi dung))?( (boi|theo|tai))?:?",
        r"\bthay the cho nhau\b",
        r"\bchua het hieu luc\b",
        r"\bvb het hieu luc\b",
    ];
    static CUE_REGEXES: OnceLock<Vec<Regex>> = OnceLock::new();
    // An ASCII word boundary: the window is folded.
    CUE_REGEXES.get_or_init(|| {
        TABLE
            .iter()
            .map(|p| Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("cue regex"))
            .collect()
    })
}

/// [`best_cue`] by the regular expressions (the nearest end, then the
/// longest, then the first in the table).
#[cfg(test)]
fn best_cue_by_regex(f: &str) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (k, re) in cue_regexes().iter().enumerate() {
        for m in re.find_iter(f) {
            let key = (m.end(), m.len());
            if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                best = Some((key.0, key.1, k));
            }
        }
    }
    best
}

/// Only list glue between two citations (`;`, `,`, `và`, `các`)?
fn is_glue(gap: &str) -> bool {
    if !may_fold_within(gap, b"vachoung,;().") {
        return false;
    }
    fold(gap)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.'))
        .all(|w| matches!(w, "" | "va" | "cac" | "hoac" | "cung" | "nhu"))
}

/// Does a line start with `Căn cứ` (after bullets and markup)?
fn is_basis_line(line: &str) -> bool {
    let l =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '–' | '|' | '*' | '>'));
    starts_with_folded(l, "can cu").is_some()
}

/// Relation of each citation.
fn relations(norm: &str, lines: &LineIndex, found: &[Found]) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::with_capacity(found.len());
    let mut basis_line: Option<(usize, bool)> = None;
    for (i, f) in found.iter().enumerate() {
        let line = lines.line(f.start);
        let (ls, le) = lines.line_range(norm, line);
        let basis = match basis_line {
            Some((l, b)) if l == line => b,
            _ => {
                let b = is_basis_line(prefix(&norm[ls..], 64));
                basis_line = Some((line, b));
                b
            }
        };
        if basis {
            out.push(Relation::Basis);
            continue;
        }
        // Inside an earlier citation's subject: the verbs there are the cited
        // document's, not ours.
        let in_subject = found[..i]
            .iter()
            .rev()
            .take_while(|p| p.start + GRAMMAR_WINDOW > f.start)
            .any(|p| p.subject_range.is_some_and(|(a, b)| a <= f.start && f.start < b));
        if in_subject {
            out.push(Relation::Mentions);
            continue;
        }
        let prev = i
            .checked_sub(1)
            .map(|j| &found[j])
            .filter(|p| p.tail <= f.start && p.tail >= ls);
        let lo = prev.map_or(ls, |p| p.tail);
        let window = suffix(&norm[lo..f.start], CUE_WINDOW);
        let mut rel = None;
        if prev.is_some() && window.len() == f.start - lo && is_glue(window) {
            rel = Some(out[i - 1]);
        }
        let rel = rel.unwrap_or_else(|| {
            // Back to the start of the clause.
            let cut = window
                .rfind(';')
                .map(|k| k + 1)
                .into_iter()
                .chain(last_full_stop(window).map(|k| k + 2))
                .max()
                .unwrap_or(0);
            cue_relation(&window[cut..]).unwrap_or(Relation::Mentions)
        });
        // `... hết hiệu lực` after the citation.
        let rel = if rel == Relation::Mentions {
            let ahead = prefix(&norm[f.tail.min(le)..le], 96);
            let ahead = &ahead[..ahead.find([';', '.', '(', '[', ']']).unwrap_or(ahead.len())];
            // Only `hết hiệu lực` counts there: look for cues only then.
            let folded = fold(ahead);
            if folded.contains("het hieu luc") && cue_relation_folded(&folded) == Some(Relation::Repeals) {
                Relation::Repeals
            } else {
                rel
            }
        } else {
            rel
        };
        out.push(rel);
    }
    out
}

/// `refers_to` of each citation: a later reference to a document already
/// cited points at its first full citation (with a date or issuer); a
/// number-only reference points at a full citation of the same type and
/// number.
fn refers_to(found: &[Found]) -> Vec<Option<usize>> {
    // Symbols compare as printed (`3870/SNN/VP` is `3870/SNN-VP`).
    let keys: Vec<Option<String>> = found.iter().map(|f| f.symbol.as_ref().map(Symbol::to_string)).collect();
    let mut first_full: FxHashMap<&str, usize> = FxHashMap::default();
    let mut first_any: FxHashMap<&str, usize> = FxHashMap::default();
    let mut by_type_number: FxHashMap<(&str, u32), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let (Some(sym), Some(key)) = (&f.symbol, &keys[i]) {
            first_any.entry(key).or_insert(i);
            if f.date.is_some() || f.issuer.is_some() {
                first_full.entry(key).or_insert(i);
                if let (Some(t), Some(n)) = (f.doc_type, sym.number()) {
                    by_type_number.entry((t, n)).or_insert(i);
                }
            }
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if let Some(key) = keys[i].as_deref() {
                let j = first_full.get(key).or_else(|| first_any.get(key)).copied()?;
                let compatible = match (f.date, found[j].date) {
                    (Some(a), Some(b)) => a.compatible(&b),
                    _ => true,
                };
                (j < i && compatible).then_some(j)
            } else if let (Some(t), Some(n)) = (f.doc_type, f.number) {
                by_type_number.get(&(t, n)).copied().filter(|&j| j != i)
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test before the fold changes no answer of the glue and list
    /// checks: on glue in any case and with diacritics, and on gaps with one
    /// ASCII letter, digit or sign outside the glue words.
    #[test]
    fn ok_glue_byte_test_same_as_fold() {
        let glue_plain = |g: &str| {
            fold(g)
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.'))
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
        ];
        for g in gaps {
            assert_eq!(is_glue(g), glue_plain(g), "is_glue {g:?}");
            assert_eq!(is_list_join(g), join_plain(g), "is_list_join {g:?}");
        }
        assert!(is_glue(" và các ") && is_list_join(" Và các ") && !is_glue(" và các Bộ "));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        /// The fingerprinted type-word scan equals the library's anchored
        /// search at every word start on texts made of type words in any case, letters whose other case is another length in
        /// UTF-8 (`K` Kelvin, `ſ`), runs of spaces and tabs, line breaks and
        /// letters glued on.
        #[test]
        fn prop_type_scan_same_as_plain_search(pieces in proptest::collection::vec(0usize..24, 0..40), cases in proptest::collection::vec(0u8..4, 40)) {
            const PIECES: [&str; 24] = [
                "quyết định", "Quyết  định", "QUYẾT\tĐỊNH", "quyet dinh", "kế hoạch", "\u{212A}Ế HOẠCH", "thông tư",
                "THÔNG TƯ LIÊN TỊCH", "luật", "bộ luật", "Bộ \t Luật", "nghị quyết", "văn bản", "lệnh", "ſắc lệnh",
                " ", "\t", "\n", "x", "á", "Đ", ", ", "số 5/2020/NĐ-CP ", "ngày 1/1/2021",
            ];
            let (scanner, _) = type_regex();
            let mut text = String::new();
            for (k, &p) in pieces.iter().enumerate() {
                let piece = PIECES[p];
                match cases[k % cases.len()] {
                    0 => text.push_str(piece),
                    1 => text.push_str(&piece.to_uppercase()),
                    2 => text.push_str(&piece.to_lowercase()),
                    _ => {
                        // Title case: the first letter of each word.
                        let mut up = true;
                        for c in piece.chars() {
                            if up { text.extend(c.to_uppercase()) } else { text.push(c) }
                            up = c == ' ';
                        }
                    }
                }
            }
            proptest::prop_assert_eq!(scanner.find_all(&text), scanner.find_all_plain(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

        /// The hand-read cues give what the regular expressions give, on
        /// folded windows made of cue words, parts of them, the words the
        /// passive cue takes after it, punctuation and letters glued on
        /// either side.
        #[test]
        fn prop_cue_matcher_same_as_regexes(pieces in proptest::collection::vec(0usize..61, 0..30)) {
            const PIECES: [&str; 61] = [
                // Every cue whole, and the longest passive one.
                "can cu", "thuc hien", "trien khai", "theo tinh than chi dao", "bam sat", "sua doi, bo sung", "thay the",
                "bai bo", "het hieu luc", "huong dan thi hanh", "huong dan thuc hien", "quy dinh chi tiet",
                "duoc quy dinh chi tiet mot so noi dung theo:", "thay the cho nhau", "chua het hieu luc",
                "vb het hieu luc", "duoc huong dan thi hanh", "bi sua doi, bo sung boi", "duoc thay the mot so dieu tai",
                "bi bai bo:", "duoc bo sung",
                // Their parts, and what the passive cue takes after it.
                "sua doi", ", bo sung", "bo sung", "huong dan", "thi hanh", "duoc", "bi", "mot so dieu",
                "mot so noi dung", "boi", "theo", "tai", ":", "cho nhau", "chua", "vb", "sua", "doi", "het",
                "hieu luc", "tinh than", "chi dao", "noi dung", "cu", "thay", "bai",
                // Spaces, punctuation, letters and digits glued on.
                " ", " ", " ", " ", ",", ", ", "x", "_", "5", "\u{1ea1}", "(", "b", "t", "d",
            ];
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            proptest::prop_assert_eq!(best_cue(text.as_bytes()), best_cue_by_regex(&text), "{:?}", text);
        }
    }

    /// The same on every folded window the corpus gives (each line's text
    /// before each type word), when the corpus is beside the repository,
    /// and on the fixtures always.
    #[test]
    fn ok_cue_matcher_same_as_regexes_on_real_text() {
        let (scanner, _) = type_regex();
        let mut windows = 0;
        for (path, text) in crate::test_texts::texts() {
            for (s, _, _) in scanner.find_all(&text) {
                let ls = text[..s].rfind('\n').map_or(0, |k| k + 1);
                let f = fold(suffix(&text[ls..s], CUE_WINDOW));
                assert_eq!(best_cue(f.as_bytes()), best_cue_by_regex(&f), "{f:?} in {path:?}");
                windows += 1;
            }
        }
        // The fixtures alone give 73.
        assert!(windows > 50, "only {windows} windows");
    }

    /// The fingerprinted type-word scan finds exactly what the library's
    /// own anchored search finds at every word start, on every real text at
    /// hand (the corpus when it is beside the repository, the fixtures
    /// always).
    #[test]
    fn ok_type_scan_same_as_plain_search() {
        let (scanner, _) = type_regex();
        for (path, text) in crate::test_texts::texts() {
            let norm = crate::normalize::normalize(&text);
            let fast = scanner.find_all(norm.text());
            assert_eq!(fast, scanner.find_all_plain(norm.text()), "{path:?}");
            assert!(!fast.is_empty() || norm.text().len() < 1000, "{path:?}");
        }
    }

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
        let t = |s| match list_tail(s) {
            Ok((rest, (start, p))) => format!("at={start} {}", show_parsed(Ok((rest, p)))),
            Err(e) => show_err(e),
        };
        insta::assert_snapshot!(t(", số 47/2024/QH15 và số 58/2024/QH15"), @r#"at=2 symbol="47/2024/QH15" rest=" và số 58/2024/QH15""#);
        insta::assert_snapshot!(t(" và số 58/2024/QH15;"), @r#"at=5 symbol="58/2024/QH15" rest=";""#);
        insta::assert_snapshot!(t(" và Quyết định số 218-QĐ/TW"), @r#"error: expected "số" at "Quyết định số 21""#);
    }

    #[test]
    fn ok_name_citation() {
        insta::assert_snapshot!(show_parsed(name_citation(" Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 200)), @r#"name="Tổ chức chính quyền địa phương" date=2015-06-19 ("ngày 19 tháng 6 năm 2015") rest=";""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Đất đai số 31/2024/QH15; Luật", 200)), @r#"symbol="31/2024/QH15" name="Đất đai" rest="; Luật""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 được", 200)), @r#"symbol="49/2019/QH14" name="Xuất cảnh, nhập cảnh của công dân Việt Nam" rest=" được""#);
        insta::assert_snapshot!(show_parsed(name_citation(" Hải quan năm 2014.", 200)), @r#"name="Hải quan" date=2014 ("năm 2014") rest=".""#);
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
    fn ok_cue_relation() {
        let r = |s| format!("{:?}", cue_relation(s));
        insta::assert_snapshot!(r("Thực hiện "), @"Some(Implements)");
        insta::assert_snapshot!(r("Luật Đất đai được sửa đổi, bổ sung bởi "), @"Some(Mentions)");
        insta::assert_snapshot!(r("Nghị định này thay thế "), @"Some(Replaces)");
        insta::assert_snapshot!(r("vật có thể thay thế cho nhau theo "), @"Some(Mentions)");
        insta::assert_snapshot!(r("Sửa đổi, bổ sung một số điều của "), @"Some(Amends)");
        insta::assert_snapshot!(r("Chính phủ quy định chi tiết "), @"Some(Guides)");
        insta::assert_snapshot!(r("đối chiếu với các tiêu chí tại "), @"None");
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
