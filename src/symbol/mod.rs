//! Số và ký hiệu: the [`Symbol`] value type and its grammar.
//!
//! Shapes, all from real text (see `shared/reference/format-spec.md`):
//!
//! | shape | examples |
//! |---|---|
//! | Party | `698-CV/TU`, `01-CTr/BDVTW`, `05-QC/BTCTU-BDVTU`, old laws `24-L/CTN` |
//! | state, named type | `16/CT-TTg`, `123/QĐ-UBND`, `17/VBHN-VPQH` |
//! | state, công văn | `3870/SNN-VP` (issuer-unit, no type code) |
//! | state, normative | `30/2020/NĐ-CP`, `91/2015/QH13`, `13/1999/PL-UBTVQH10`, `178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT` |
//! | historical | `61-CP`, `186/HĐBT`, `299/TTg` |
//! | blank number | `/SNN-VP` (an unsigned draft) |
//!
//! Real noise is accepted and reported: `1977 /QĐ-UBND`, `391 - CV/ĐU`,
//! `NĐ- CP`, `NÐ-CP` (look-alike eth), OCR `TƯ` for `TW`, lower or mixed case.

use std::fmt;
use std::str::FromStr;

use nom::bytes::complete::{take_while, take_while_m_n};
use nom::character::complete::char as ch;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{syntax_error, GrammarError, PResult, SyntaxError, SyntaxErrorKind};
use crate::model::{Diagnostic, Severity, Span};

mod grammar;
mod tables;
#[cfg(test)]
mod tests;

pub(crate) use grammar::*;
pub(crate) use tables::*;

/// How the number is joined to the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SymbolStyle {
    /// `698-CV/TU`: hyphen after the number, slash before the issuer (Party,
    /// old laws `24-L/CTN`, old decrees `61-CP`).
    Dash,
    /// `3870/SNN-VP`, `30/2020/NĐ-CP`: slash after the number (state).
    Slash,
}

/// A số và ký hiệu, in canonical form.
///
/// Canonical: no spaces, `Đ` (never the look-alike `Ð`), codes in their
/// official spelling (`TTg`, `CTr`, `QyĐ`, `QĐi`, `TTr`, `ThU`) and every
/// other code upper case; the number keeps its printed digits (`05`).
///
/// ```
/// use vanban::Symbol;
/// let s: Symbol = "698-CV/TU".parse().unwrap();
/// assert_eq!(s.number(), Some(698));
/// assert_eq!(s.type_code(), Some("CV"));
/// assert_eq!(s.issuers(), ["TU"]);
/// let s: Symbol = "3870/SNN-VP".parse().unwrap();
/// assert_eq!((s.type_code(), s.issuers(), s.unit()), (None, &["SNN".to_string()][..], Some("VP")));
/// let s: Symbol = "30/2020/nđ- CP".parse().unwrap();
/// assert_eq!(s.to_string(), "30/2020/NĐ-CP");
/// assert_eq!(s.year(), Some(2020));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol {
    number: Option<Digits>,
    year: Option<u16>,
    /// (A type code's canonical spelling is the table's, borrowed.)
    type_code: Option<std::borrow::Cow<'static, str>>,
    issuers: Vec<String>,
    unit: Option<String>,
    style: SymbolStyle,
    /// Type and issuers joined by `/` (`72/2025/NQLT/UBTVQH15-CP`).
    type_slash: bool,
    /// Year written after the body (`20/VBHN-VPQH/2025`).
    year_last: bool,
}

impl Symbol {
    /// The number, if printed (`None` for a blank `/SNN-VP`, and for a
    /// number with a sub-number, `66.17/2026/NQ-CP`, which is no integer:
    /// see [`Symbol::number_text`]).
    pub fn number(&self) -> Option<u32> {
        self.number.as_deref().and_then(|n| n.parse().ok())
    }

    /// The number's digits as printed (`05`).
    pub fn number_text(&self) -> Option<&str> {
        self.number.as_deref()
    }

    /// The year inside the symbol (`30/2020/NĐ-CP` → 2020), if any.
    pub fn year(&self) -> Option<u16> {
        self.year
    }

    /// The type code (`CV`, `QĐ`, `NĐ`, `CTr`...), if any. A state công văn
    /// has none.
    pub fn type_code(&self) -> Option<&str> {
        self.type_code.as_deref()
    }

    /// The issuer codes (`["TU"]`, `["BTC", "BNNPTNT", ...]`, `["QH13"]`).
    pub fn issuers(&self) -> &[String] {
        &self.issuers
    }

    /// The drafting unit of a state công văn (`VP` in `3870/SNN-VP`).
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// Hyphen (Party) or slash (state) after the number.
    pub fn style(&self) -> SymbolStyle {
        self.style
    }

    /// The canonical type name for the type code (`CV` → `Công văn`);
    /// a state symbol without type code is a `Công văn`.
    pub fn type_name(&self) -> Option<&'static str> {
        match &self.type_code {
            Some(code) => type_name(code, self.is_party()),
            None if self.unit.is_some()
                || (self.year.is_none() && self.issuers.len() == 1 && self.style == SymbolStyle::Slash) =>
            {
                // `3870/SNN-VP`, `47/CP`: công văn. `91/2015/QH13`: a law or a
                // resolution, not known from the symbol.
                Some("Công văn")
            }
            None => None,
        }
    }

    /// Does the symbol look like a Party document's? (Party issuer codes such
    /// as `TW`, `TU`, `HU`, `ĐU`, `BTGTU`..., or the Party shape with a type.)
    pub fn is_party(&self) -> bool {
        let party_issuer = self.issuers.first().is_some_and(|i| is_party_issuer(i));
        if party_issuer {
            return true;
        }
        self.style == SymbolStyle::Dash
            && self.type_code.as_deref().is_some_and(|t| t != "L")
            && !self.issuers.iter().any(|i| i == "CTN" || i == "CP")
    }

    /// Replace the issuer code `from` with `to` (`TƯ`, read `TW`, is `TU`
    /// when the issuer printed with the citation is a provincial
    /// committee).
    pub(crate) fn replace_issuer(&mut self, from: &str, to: &str) {
        for i in self.issuers.iter_mut().filter(|i| *i == from) {
            *i = to.to_string();
        }
    }

    /// This symbol with its last issuer code less its final letter, when
    /// that code is a known one and what is left is not: how it reads with
    /// its last letter lost (`26/2016/TT-BLĐTBX` for `26/2016/TT-BLĐTBXH`).
    pub(crate) fn truncated(&self) -> Option<Symbol> {
        self.number.as_ref()?;
        let whole = self.issuers.last().filter(|c| is_known_code(c))?;
        let mut cut = whole.clone();
        cut.pop();
        if cut.is_empty() || is_known_code(&cut) {
            return None;
        }
        let mut s = self.clone();
        *s.issuers.last_mut()? = cut;
        Some(s)
    }

    /// Parse, and also return what was repaired on the way (spaces, case,
    /// look-alike letters, OCR), as diagnostics with spans into `text`.
    pub fn parse_with_diagnostics(text: &str) -> Result<(Symbol, Vec<Diagnostic>), SyntaxError> {
        let mut diags = Vec::new();
        if text.contains(['Ð', 'ð']) {
            let at = text.find(['Ð', 'ð']).unwrap_or(0);
            diags.push(Diagnostic::new(
                "lookalike-letter",
                Severity::Info,
                "look-alike letter: expected `Đ` (U+0110), found `Ð` (U+00D0)",
                Some(Span::new(at, at + 2)),
            ));
        }
        let norm = crate::normalize::normalize(text);
        let t = norm.text();
        let lead = t.len() - t.trim_start().len();
        let body = t.trim();
        let repaired = repair_spaced_codes(body);
        let src: &str = repaired.as_ref().map_or(body, |(s, _)| s.as_str());
        for &(s, e) in repaired.iter().flat_map(|(_, runs)| runs) {
            let (s, e) = norm.map().range(s + lead, e + lead);
            diags.push(Diagnostic::new(
                "symbol-spacing",
                Severity::Info,
                format!(
                    "code groups separated by spaces: expected \"-\", found {:?}",
                    &text[s..e]
                ),
                Some(Span::new(s, e)),
            ));
        }
        let (rest, raw) = symbol(src).map_err(|e| {
            let mut err = syntax_error(SyntaxErrorKind::Symbol, body, e);
            err.offset = norm.map().start(err.offset + lead);
            err.found = crate::error::found_at(text, err.offset);
            err
        })?;
        if !rest.trim().is_empty() {
            let off = norm.map().start(t.len() - rest.len() - (t.len() - lead - body.len()));
            return Err(SyntaxError::new(
                SyntaxErrorKind::Symbol,
                text,
                off.min(text.len()),
                "the end of the số ký hiệu",
            ));
        }
        let (sym, notes) = raw.into_symbol(src);
        for n in notes {
            let (s, e) = norm.map().range(n.span.start + lead, n.span.end + lead);
            diags.push(Diagnostic::new(n.code, n.severity, n.message, Some(Span::new(s, e))));
        }
        Ok((sym, diags))
    }
}

/// A symbol's number as printed (`05`, `58.12`): held inline, with no
/// allocation, when it is short, as numbers are (on the heap past
/// [`Digits::INLINE`] bytes). Compared, ordered, hashed and shown as the
/// string it holds, as a `String` is.
#[derive(Clone)]
enum Digits {
    Inline(u8, [u8; Digits::INLINE]),
    Heap(Box<str>),
}

impl Digits {
    const INLINE: usize = 22;

    fn new(s: &str) -> Self {
        if s.len() <= Self::INLINE {
            let mut buf = [0u8; Self::INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Digits::Inline(s.len() as u8, buf)
        } else {
            Digits::Heap(s.into())
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // SAFETY: the bytes are those of a whole `&str` (see `new`).
            Digits::Inline(n, buf) => unsafe { std::str::from_utf8_unchecked(&buf[..usize::from(*n)]) },
            Digits::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Digits {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Digits {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Digits {}

impl PartialOrd for Digits {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Digits {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Digits {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = &self.number {
            f.write_str(n)?;
        }
        match self.style {
            SymbolStyle::Dash => {
                f.write_str("-")?;
                if let Some(t) = &self.type_code {
                    f.write_str(t)?;
                    if !self.issuers.is_empty() {
                        f.write_str("/")?;
                    }
                }
                f.write_str(&self.issuers.join("-"))
            }
            SymbolStyle::Slash => {
                f.write_str("/")?;
                if let (Some(y), false) = (self.year, self.year_last) {
                    write!(f, "{y}/")?;
                }
                let mut first = true;
                if let Some(t) = &self.type_code {
                    f.write_str(t)?;
                    first = false;
                }
                for (k, i) in self.issuers.iter().enumerate() {
                    if !first {
                        f.write_str(if k == 0 && self.type_slash { "/" } else { "-" })?;
                    }
                    f.write_str(i)?;
                    first = false;
                }
                if let Some(u) = &self.unit {
                    write!(f, "-{u}")?;
                }
                if let (Some(y), true) = (self.year, self.year_last) {
                    write!(f, "/{y}")?;
                }
                Ok(())
            }
        }
    }
}

impl FromStr for Symbol {
    type Err = SyntaxError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symbol::parse_with_diagnostics(s).map(|(sym, _)| sym)
    }
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

// SpacedCodes ::= Symbol (Space+ UpperCode)+        (`140/BCĐ VĐ HMTN`, a whole field)
/// A whole số ký hiệu field whose last code groups are separated by spaces
/// instead of hyphens: the string with the first character of each such
/// space run turned into `-` (same length, so offsets stay valid), and the
/// runs.
fn repair_spaced_codes(body: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let (rest, _) = symbol(body).ok()?;
    if rest.trim().is_empty() || !rest.starts_with(is_space) {
        return None;
    }
    let upper_code = |w: &str| {
        w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().count() <= 24
    };
    if !rest.split_whitespace().all(upper_code) {
        return None;
    }
    let base = body.len() - rest.len();
    let mut fixed = body[..base].to_string();
    let mut runs = Vec::new();
    let mut in_run = false;
    for (i, c) in rest.char_indices() {
        if is_space(c) {
            if !in_run {
                runs.push((base + i, base + i + 1));
                fixed.push('-');
            } else {
                fixed.push(c);
                if let Some(r) = runs.last_mut() {
                    r.1 = base + i + 1;
                }
            }
            in_run = true;
        } else {
            fixed.push(c);
            in_run = false;
        }
    }
    Some((fixed, runs))
}
