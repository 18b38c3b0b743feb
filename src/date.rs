//! Dates: [`IssueDate`] and the date grammar.
//!
//! Real forms: `ngày 28 tháng 02 năm 2023`, `ngày 26/11/2021`, `14-5-2011`,
//! `15/03/2023`, `10.11.2023`; a blank `ngày  tháng  năm 2023` (an unsigned
//! draft) is a year-only date; `tháng 6 năm 2015` is a year-month date.

use std::fmt;
use std::str::FromStr;

use nom::branch::alt;
use nom::character::complete::char as ch;
use nom::combinator::opt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{syntax_error, GrammarError, PResult, SyntaxError, SyntaxErrorKind};
use crate::normalize::starts_with_folded;

/// A date of issue: a full date, a year and month, or a year only (a blank
/// `ngày  tháng  năm 2023`).
///
/// Round-trips through ISO 8601 text: `2023-02-28`, `2023-02`, `2023`.
///
/// ```
/// use vanban::IssueDate;
/// let d: IssueDate = "2023-02-28".parse().unwrap();
/// assert_eq!(d.to_string(), "2023-02-28");
/// assert_eq!(IssueDate::parse_text("ngày 28 tháng 02 năm 2023").unwrap(), d);
/// assert_eq!(IssueDate::parse_text("26/11/2021").unwrap().to_string(), "2021-11-26");
/// assert!(IssueDate::parse_text("31/02/2023").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IssueDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl IssueDate {
    /// A full date; `None` when it does not exist (`31/02/2023`).
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<IssueDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) || !year_ok(year) {
            return None;
        }
        Some(IssueDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A year and month.
    pub fn ym(year: u16, month: u8) -> Option<IssueDate> {
        if !(1..=12).contains(&month) || !year_ok(year) {
            return None;
        }
        Some(IssueDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year only.
    pub fn year_only(year: u16) -> Option<IssueDate> {
        year_ok(year).then_some(IssueDate {
            year,
            month: None,
            day: None,
        })
    }

    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month, when known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day, when known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// `true` when day, month and year are all known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// Could `self` and `other` be the same day? (A year-only date is
    /// compatible with every date of that year.)
    pub fn compatible(&self, other: &IssueDate) -> bool {
        self.year == other.year && opt_eq(self.month, other.month) && opt_eq(self.day, other.day)
    }

    /// Parse a date as written in Vietnamese text (the whole string must be a
    /// date, surrounding whitespace allowed).
    pub fn parse_text(text: &str) -> Result<IssueDate, SyntaxError> {
        let trimmed = text.trim();
        let offset = text.len() - text.trim_start().len();
        match date_text(trimmed) {
            Ok((rest, raw)) if rest.trim().is_empty() => raw
                .validate()
                .map_err(|e| SyntaxError::new(SyntaxErrorKind::Date, text, offset, e.expected())),
            Ok((rest, _)) => Err(SyntaxError::new(
                SyntaxErrorKind::Date,
                text,
                text.len() - rest.len(),
                "the end of the date",
            )),
            Err(e) => {
                let mut err = syntax_error(SyntaxErrorKind::Date, trimmed, e);
                if err.offset == 0 {
                    err.expected = "a date such as \"ngày 28 tháng 02 năm 2023\" or \"28/02/2023\"".to_string();
                }
                err.offset += offset;
                Err(err)
            }
        }
    }
}

fn opt_eq(a: Option<u8>, b: Option<u8>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn year_ok(year: u16) -> bool {
    (1900..=2100).contains(&year)
}

fn is_leap(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for IssueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for IssueDate {
    type Err = SyntaxError;

    /// Parse ISO text: `2023-02-28`, `2023-02` or `2023`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |offset: usize, expected: &str| SyntaxError::new(SyntaxErrorKind::Date, s, offset, expected);
        let parts: Vec<&str> = s.split('-').collect();
        let num = |i: usize, p: &str, width: usize| -> Result<u16, SyntaxError> {
            let offset: usize = parts[..i].iter().map(|x| x.len() + 1).sum();
            if p.len() != width || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(offset, if width == 4 { "a four-digit year" } else { "two digits" }));
            }
            Ok(p.parse().expect("digits"))
        };
        if parts.len() > 3 {
            return Err(err(s.len(), "at most year-month-day"));
        }
        let y = num(0, parts[0], 4)?;
        let m = parts.get(1).map(|p| num(1, p, 2)).transpose()?;
        let d = parts.get(2).map(|p| num(2, p, 2)).transpose()?;
        let date = match (m, d) {
            (None, _) => IssueDate::year_only(y),
            (Some(m), None) => IssueDate::ym(y, m as u8),
            (Some(m), Some(d)) => IssueDate::ymd(y, m as u8, d as u8),
        };
        date.ok_or_else(|| err(0, "a date that exists"))
    }
}

impl Serialize for IssueDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IssueDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A date as read, before validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawDate {
    pub(crate) day: Option<u32>,
    pub(crate) month: Option<u32>,
    pub(crate) year: u32,
}

/// Why a [`RawDate`] is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Day or month out of range (`31/02/2023`).
    Impossible,
    /// Year outside 1900..=2100 (OCR `20210`).
    Year,
}

impl DateProblem {
    pub(crate) fn expected(self) -> &'static str {
        match self {
            DateProblem::Impossible => "a day and month that exist",
            DateProblem::Year => "a year between 1900 and 2100",
        }
    }
}

impl RawDate {
    pub(crate) fn validate(self) -> Result<IssueDate, DateProblem> {
        let year = u16::try_from(self.year)
            .ok()
            .filter(|y| year_ok(*y))
            .ok_or(DateProblem::Year)?;
        match (self.day, self.month) {
            (Some(d), Some(m)) => {
                IssueDate::ymd(year, m.min(255) as u8, d.min(255) as u8).ok_or(DateProblem::Impossible)
            }
            (None, Some(m)) => IssueDate::ym(year, m.min(255) as u8).ok_or(DateProblem::Impossible),
            (Some(_), None) | (None, None) => IssueDate::year_only(year).ok_or(DateProblem::Year),
        }
    }
}

/// A keyword matched with tone/case folding (`ngày`, `NGÀY`, `Ngay`), not
/// glued to a letter after it; a digit may be glued on (`ngày21 tháng 8`,
/// a space lost in extraction). `printed` is the word as most print it
/// (`ngày`): see [`kw_len`].
fn kw<'a>(folded: &'static str, printed: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i: &'a str| match kw_len(i, folded, printed) {
        Some(n) if !i[n..].starts_with(|c: char| c.is_alphabetic()) => Ok((&i[n..], &i[..n])),
        _ => Err(nom::Err::Error(GrammarError {
            input: i,
            expected: folded,
        })),
    }
}

/// `starts_with_folded(i, folded)`, where `printed` folds to `folded`:
/// the word as printed (`ngày`, `tháng`, `năm`, the most met) followed by
/// an ASCII byte or nothing is matched without a fold, its length the
/// fold's (the fold's match ends there: no combining mark follows to be
/// swallowed).
fn kw_len(i: &str, folded: &str, printed: &str) -> Option<usize> {
    #[cfg(test)]
    let fast = !PLAIN_KW.with(std::cell::Cell::get);
    #[cfg(not(test))]
    let fast = true;
    if fast && i.starts_with(printed) && i.as_bytes().get(printed.len()).is_none_or(u8::is_ascii) {
        return Some(printed.len());
    }
    starts_with_folded(i, folded)
}

#[cfg(test)]
thread_local! {
    /// Set by a test: [`kw_len`] folds every word, for comparison.
    static PLAIN_KW: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Spaces; with `WRAP`, a line break among them too (a date hard-wrapped
/// in a citation: `ngày 19 tháng⏎4 năm 2022`).
fn sp0<const WRAP: bool>(i: &str) -> PResult<'_, &str> {
    let r = wrapped::<WRAP>(trim_spaces::<false>(i));
    Ok((r, &i[..i.len() - r.len()]))
}

/// After spaces: with `WRAP`, one line break and the spaces after it.
fn wrapped<const WRAP: bool>(r: &str) -> &str {
    match r.strip_prefix('\n') {
        Some(r2) if WRAP => trim_spaces::<false>(r2),
        _ => r,
    }
}

/// `s` past its spaces, tabs and no-break spaces (and with `DOTS` its
/// dots, `…` and `_`): `trim_start_matches` of those characters, read a
/// byte at a time.
fn trim_spaces<const DOTS: bool>(s: &str) -> &str {
    let b = s.as_bytes();
    let mut k = 0;
    loop {
        match b.get(k) {
            Some(b' ' | b'\t') => k += 1,
            Some(b'.' | b'_') if DOTS => k += 1,
            Some(0xC2) if b.get(k + 1) == Some(&0xA0) => k += 2,
            Some(0xE2) if DOTS && b.get(k + 1..k + 3) == Some(&[0x80, 0xA6]) => k += 3,
            _ => return &s[k..],
        }
    }
}

/// Spaces, or a blank written with dots or ellipses (`…`, `....`), as in an
/// unsigned draft's `ngày … tháng … năm 2023`. Stays on one line unless
/// `WRAP`.
fn blank<const WRAP: bool>(i: &str) -> PResult<'_, &str> {
    let r = wrapped::<WRAP>(trim_spaces::<true>(i));
    Ok((r, &i[..i.len() - r.len()]))
}

/// `m` to `n` ASCII digits at the start of `i`, as nom's `take_while_m_n`
/// reads them (the same result, the same error), a byte at a time.
fn digits(i: &str, m: usize, n: usize) -> PResult<'_, &str> {
    let d = i.bytes().take_while(u8::is_ascii_digit).count();
    if d < m {
        return Err(nom::Err::Error(nom::error::ParseError::from_error_kind(
            i,
            nom::error::ErrorKind::TakeWhileMN,
        )));
    }
    let (d, r) = i.split_at(d.min(n));
    Ok((r, d))
}

/// The value of ASCII digits (at most four).
fn value(d: &str) -> u32 {
    d.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0'))
}

/// `1` to `2` digits.
fn small(i: &str) -> PResult<'_, u32> {
    let (r, d) = digits(i, 1, 2)?;
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(GrammarError {
            input: i,
            expected: "one or two digits",
        }));
    }
    Ok((r, value(d)))
}

/// A four-digit year not glued to more digits.
fn year4(i: &str) -> PResult<'_, u32> {
    let (r, d) = digits(i, 4, 4)?;
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(GrammarError {
            input: r,
            expected: "a four-digit year",
        }));
    }
    Ok((r, value(d)))
}

// DateVi ::= "ngày" Blank Day? Blank "tháng" Blank Month? Blank "năm" Blank Year
/// `ngày 28 tháng 02 năm 2023`; day and month may be blank.
fn date_vi_w<const WRAP: bool>(i: &str) -> PResult<'_, RawDate> {
    let (i, _) = kw("ngay", "ngày")(i)?;
    date_vi_tail::<WRAP>(i)
}

/// [`date_vi_w`] after `ngày`.
fn date_vi_tail<const WRAP: bool>(i: &str) -> PResult<'_, RawDate> {
    let (i, _) = blank::<WRAP>(i)?;
    let (i, day) = opt(small)(i)?;
    let (i, _) = blank::<WRAP>(i)?;
    let (i, month) = month_year_tail_w::<WRAP>(i)?;
    Ok((i, RawDate { day, ..month }))
}

// MonthYear ::= "tháng" Blank Month? Blank ("năm" Blank Year | "/" Year)
/// `tháng 6 năm 2015`, `tháng 6/2015`.
pub(crate) fn month_year_tail(i: &str) -> PResult<'_, RawDate> {
    month_year_tail_w::<false>(i)
}

fn month_year_tail_w<const WRAP: bool>(i: &str) -> PResult<'_, RawDate> {
    let (i, _) = kw("thang", "tháng")(i)?;
    let (i, _) = blank::<WRAP>(i)?;
    let (i, month) = opt(small)(i)?;
    let (i, _) = blank::<WRAP>(i)?;
    let (i, year) = alt((
        |i| {
            let (i, _) = kw("nam", "năm")(i)?;
            let (i, _) = blank::<WRAP>(i)?;
            year4(i)
        },
        |i| {
            let (i, _) = ch('/')(i)?;
            year4(i)
        },
    ))(i)?;
    Ok((i, RawDate { day: None, month, year }))
}

// DateNum ::= Day Sp? Sep Sp? Month Sp? Sep Sp? Year      (Sep one of "/", "-", "."; the same twice)
/// `26/11/2021`, `14-5-2011`, `10.11.2023`; spaced as web copies and
/// stamps print them, `21 /11/2010`, `22/ 11/2010`, `24.06. 2021`.
pub(crate) fn date_num(i: &str) -> PResult<'_, RawDate> {
    let (r, day) = small(i)?;
    let (r, _) = sp0::<false>(r)?;
    let (r, sep) = alt((ch('/'), ch('-'), ch('.')))(r)?;
    let (r, _) = sp0::<false>(r)?;
    let (r, month) = small(r)?;
    let (r, _) = sp0::<false>(r)?;
    let (r, _) = ch(sep)(r)?;
    let (r, _) = sp0::<false>(r)?;
    let (r, year) = year4(r)?;
    Ok((
        r,
        RawDate {
            day: Some(day),
            month: Some(month),
            year,
        },
    ))
}

// DateViBare ::= Day Blank MonthYear
/// `26 tháng 6 năm 2026`: the long form without `ngày`, as information
/// tables print the date of issue.
pub(crate) fn date_vi_bare(i: &str) -> PResult<'_, RawDate> {
    let (i, day) = small(i)?;
    let (i, _) = blank::<false>(i)?;
    let (i, month) = month_year_tail(i)?;
    Ok((
        i,
        RawDate {
            day: Some(day),
            ..month
        },
    ))
}

// Date ::= DateVi | "ngày" Sp DateNum | DateNum | MonthYear
/// Any date form met in real text.
pub(crate) fn date_text(i: &str) -> PResult<'_, RawDate> {
    date_text_w::<false>(i)
}

/// [`date_text`] where a line break may stand for any space (a date
/// hard-wrapped inside a citation: `ngày⏎22/8/2008`, `ngày 05⏎tháng 01
/// năm 2022`).
pub(crate) fn date_text_wrapped(i: &str) -> PResult<'_, RawDate> {
    date_text_w::<true>(i)
}

fn date_text_w<const WRAP: bool>(i: &str) -> PResult<'_, RawDate> {
    #[cfg(test)]
    let fast = WRAP && !PLAIN_KW.with(std::cell::Cell::get);
    #[cfg(not(test))]
    let fast = WRAP;
    if fast {
        // The four tries of the grammar with `ngày` read once: the first
        // two open with it; the last two cannot follow where it reads (a
        // digit, `tháng` do not fold to its `n`). (Only the wrapped form's
        // callers ignore what an error says; the error of a failed date
        // differs from the plain reading's.)
        return match kw("ngay", "ngày")(i) {
            Ok((r, _)) => date_vi_tail::<WRAP>(r).or_else(|_| {
                let (r, _) = sp0::<WRAP>(r)?;
                date_num(r)
            }),
            Err(_) => date_num(i).or_else(|_| month_year_tail_w::<WRAP>(i)),
        };
    }
    alt((
        date_vi_w::<WRAP>,
        |i| {
            let (i, _) = kw("ngay", "ngày")(i)?;
            let (i, _) = sp0::<WRAP>(i)?;
            date_num(i)
        },
        date_num,
        month_year_tail_w::<WRAP>,
    ))(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match IssueDate::parse_text(s) {
            Ok(d) => d.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn ok_vietnamese_long_form() {
        assert_eq!(p("ngày 28 tháng 02 năm 2023"), "2023-02-28");
        assert_eq!(p("Ngày 05 tháng 3 năm 2020"), "2020-03-05");
        assert_eq!(p("NGÀY 18 THÁNG 12 NĂM 2019"), "2019-12-18");
        assert_eq!(p("ngày 19 tháng 06 năm 2014"), "2014-06-19");
    }

    #[test]
    fn ok_numeric_forms() {
        assert_eq!(p("ngày 26/11/2021"), "2021-11-26");
        assert_eq!(p("14-5-2011"), "2011-05-14");
        assert_eq!(p("15/03/2023"), "2023-03-15");
        assert_eq!(p("10.11.2023"), "2023-11-10");
        assert_eq!(p("24.06. 2021"), "2021-06-24");
    }

    #[test]
    fn ok_blank_day_and_month_give_year_only() {
        assert_eq!(p("ngày  tháng  năm 2023"), "2023");
        assert_eq!(p("ngày … tháng … năm 2023"), "2023");
        assert_eq!(p("ngày tháng năm 2023"), "2023");
        assert_eq!(p("tháng 6 năm 2015"), "2015-06");
        assert_eq!(p("tháng 6/2015"), "2015-06");
    }

    #[test]
    fn err_impossible_and_malformed() {
        insta::assert_snapshot!(p("31/02/2023"), @"error: invalid date at byte 0: expected a day and month that exist, found \"31/02/2023\"");
        insta::assert_snapshot!(p("ngày 08/6/20210"), @r#"error: invalid date at byte 15: expected a four-digit year, found "0""#);
        insta::assert_snapshot!(p("ngày 29/02/2023"), @"error: invalid date at byte 0: expected a day and month that exist, found \"ngày 29/02/2…\"");
        assert_eq!(p("ngày 29/02/2024"), "2024-02-29");
        insta::assert_snapshot!(p("năm 2023"), @r#"error: invalid date at byte 0: expected a date such as "ngày 28 tháng 02 năm 2023" or "28/02/2023", found "năm 2023""#);
    }

    #[test]
    fn ok_bare_long_form() {
        let show = |s: &str| match date_vi_bare(s) {
            Ok((rest, raw)) => format!("{:?} rest={rest:?}", raw.validate().map(|d| d.to_string())),
            Err(e) => format!("error: {e:?}"),
        };
        insta::assert_snapshot!(show("26 tháng 6 năm 2026"), @r#"Ok("2026-06-26") rest="""#);
        insta::assert_snapshot!(show("09 tháng 7 năm 2026 |"), @r#"Ok("2026-07-09") rest=" |""#);
    }

    #[test]
    fn ok_wrapped_and_glued() {
        let w = |s: &str| match date_text_wrapped(s) {
            Ok((rest, raw)) => format!("{:?} rest={rest:?}", raw.validate().map(|d| d.to_string())),
            Err(_) => "error".to_string(),
        };
        insta::assert_snapshot!(w("ngày 17 tháng\n9 năm 2031;"), @r#"Ok("2031-09-17") rest=";""#);
        insta::assert_snapshot!(w("ngày\n03/11/2029 của"), @r#"Ok("2029-11-03") rest=" của""#);
        insta::assert_snapshot!(w("ngày 07\n tháng 02 năm 2030"), @r#"Ok("2030-02-07") rest="""#);
        insta::assert_snapshot!(w("ngày 07\n\ntháng 02 năm 2030"), @"error");
        // Not wrapped: the header's date stays on its line.
        assert!(date_text("ngày 17 tháng\n9 năm 2031").is_err());
        // `ngày` glued to the day (a space lost), but not to a letter.
        assert_eq!(p("ngày23 tháng 5 năm 2017"), "2017-05-23");
        assert!(date_text("ngàyx 23 tháng 5 năm 2017").is_err());
    }

    /// Runs `f` with the plain readings ([`PLAIN_KW`]).
    fn plain<T>(f: impl FnOnce() -> T) -> T {
        PLAIN_KW.with(|p| p.set(true));
        let out = f();
        PLAIN_KW.with(|p| p.set(false));
        out
    }

    /// [`kw_len`] gives what the fold gives: at every `ngày`, `tháng`,
    /// `năm` of real text (normalized, as the grammar reads it) and on
    /// edge cases (a mark after the word, the end of the text, capitals).
    #[test]
    fn ok_kw_len_same_as_fold() {
        let words = [("ngay", "ngày"), ("thang", "tháng"), ("nam", "năm")];
        let same = |t: &str| {
            for (folded, printed) in words {
                assert_eq!(kw_len(t, folded, printed), starts_with_folded(t, folded), "{t:?}");
            }
        };
        let mut n = 0;
        for (_, text) in crate::test_texts::texts() {
            let norm = crate::normalize::normalize(&text);
            let norm = norm.text();
            for (_, printed) in words {
                for (at, _) in norm.match_indices(printed) {
                    same(&norm[at..]);
                    n += 1;
                }
            }
        }
        assert!(n > 100, "only {n} words");
        for t in [
            "ngày",
            "ngày ",
            "ngày1",
            "ngày\u{301} ",
            "ngày\u{301}",
            "ngàyx",
            "ngàyà",
            "NGÀY 1",
            "ngay 1",
            "ngaỳ",
            "tháng\u{300}6",
            "tháng6",
            "năm",
            "năm\u{a0}2020",
            "nămm",
            "ng",
            "",
        ] {
            same(t);
        }
    }

    /// [`date_text_wrapped`] reads the same dates as the grammar's four
    /// tries in order: at every word start of real text (every seventh, to
    /// stay quick in a debug build) and on edge cases.
    #[test]
    fn ok_wrapped_date_same_as_alt() {
        let same = |t: &str| {
            let fast = date_text_wrapped(t).ok();
            assert_eq!(fast, plain(|| date_text_wrapped(t).ok()), "{t:?}");
        };
        let mut n = 0;
        for (_, text) in crate::test_texts::texts() {
            let norm = crate::normalize::normalize(&text);
            let norm = norm.text();
            let mut prev = ' ';
            for (at, c) in norm.char_indices() {
                let start = !prev.is_alphanumeric() && c.is_alphanumeric();
                prev = c;
                if start {
                    n += 1;
                    if n % 7 == 0 {
                        let mut end = (at + 120).min(norm.len());
                        while !norm.is_char_boundary(end) {
                            end -= 1;
                        }
                        same(&norm[at..end]);
                    }
                }
            }
        }
        assert!(n > 1000, "only {n} words");
        for t in [
            "ngày 28 tháng 02 năm 2023",
            "ngày 26/11/2021",
            "ngày\n26/11/2021",
            "ngày 15.03.2022",
            "ngày 15. 03.2022",
            "ngày 15 … tháng 3/2022",
            "ngày … tháng … năm 2023",
            "ngày 08/6/20210",
            "ngàyx 1/1/2020",
            "ngày21 tháng 8 năm 2020",
            "1/1/2020",
            "tháng 6 năm 2015",
            "tháng 6/2015",
            "Ngay 5/5/2015",
            "ngày",
            "ngày 5",
            "",
        ] {
            same(t);
        }
    }

    /// [`digits`] reads as nom's `take_while_m_n` (result and error) on
    /// every start of a few strings of digits and other characters.
    #[test]
    fn ok_digits_same_as_take_while_m_n() {
        let t = "12 345 6789 01234 7/ 08.2021ngày 5x 0";
        for (at, _) in t.char_indices() {
            for (m, n) in [(1, 2), (4, 4)] {
                let plain: PResult<'_, &str> =
                    nom::bytes::complete::take_while_m_n(m, n, |c: char| c.is_ascii_digit())(&t[at..]);
                assert_eq!(digits(&t[at..], m, n), plain, "{at} {m} {n}");
            }
        }
        assert_eq!(value("0"), 0);
        // And [`trim_spaces`] as `trim_start_matches`.
        let t = " \t.…_\u{a0}x\u{a0}\u{a1}…. \u{2026}\u{2027}\u{20}_ngày\u{c2}";
        for (at, _) in t.char_indices() {
            let s = &t[at..];
            assert_eq!(
                trim_spaces::<false>(s),
                s.trim_start_matches([' ', '\t', '\u{a0}']),
                "{at}"
            );
            let dots = s.trim_start_matches([' ', '\t', '.', '…', '_', '\u{a0}']);
            assert_eq!(trim_spaces::<true>(s), dots, "{at}");
        }
        assert_eq!(value("2031"), 2031);
    }

    #[test]
    fn ok_iso_round_trip() {
        for s in ["2023-02-28", "2023-02", "2023", "1999-12-31"] {
            let d: IssueDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert!("2023-2-28".parse::<IssueDate>().is_err());
        assert!("2023-02-30".parse::<IssueDate>().is_err());
    }

    #[test]
    fn ok_compatible() {
        let y: IssueDate = "2023".parse().unwrap();
        let d: IssueDate = "2023-02-28".parse().unwrap();
        assert!(y.compatible(&d));
        assert!(!d.compatible(&"2023-02-27".parse().unwrap()));
    }
}
