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
    number: Option<String>,
    year: Option<u16>,
    type_code: Option<String>,
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

// ---------------------------------------------------------------------------
// Tables

/// Type codes: (canonical spelling, state name, Party name).
const TYPES: &[(&str, &str, &str)] = &[
    ("NQ", "Nghị quyết", "Nghị quyết"),
    ("QĐ", "Quyết định", "Quyết định"),
    ("CT", "Chỉ thị", "Chỉ thị"),
    ("QC", "Quy chế", "Quy chế"),
    ("QyĐ", "Quy định", "Quy định"),
    ("QĐi", "Quy định", "Quy định"),
    ("TC", "Thông cáo", "Thông cáo"),
    ("TB", "Thông báo", "Thông báo"),
    ("HD", "Hướng dẫn", "Hướng dẫn"),
    ("CTr", "Chương trình", "Chương trình"),
    ("KH", "Kế hoạch", "Kế hoạch"),
    ("PA", "Phương án", "Phương án"),
    ("ĐA", "Đề án", "Đề án"),
    ("DA", "Dự án", "Dự án"),
    ("BC", "Báo cáo", "Báo cáo"),
    ("BB", "Biên bản", "Biên bản"),
    ("TTr", "Tờ trình", "Tờ trình"),
    ("HĐ", "Hợp đồng", "Hợp đồng"),
    ("CĐ", "Công điện", "Công điện"),
    ("BGN", "Bản ghi nhớ", "Bản ghi nhớ"),
    ("BTT", "Bản thỏa thuận", "Bản thỏa thuận"),
    ("GUQ", "Giấy ủy quyền", "Giấy ủy quyền"),
    ("GM", "Giấy mời", "Giấy mời"),
    ("GGT", "Giấy giới thiệu", "Giấy giới thiệu"),
    ("GT", "Giấy giới thiệu", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép", "Giấy nghỉ phép"),
    ("NP", "Giấy nghỉ phép", "Giấy nghỉ phép"),
    ("PG", "Phiếu gửi", "Phiếu gửi"),
    ("PC", "Phiếu chuyển", "Phiếu chuyển"),
    ("PB", "Phiếu báo", "Phiếu báo"),
    ("SY", "Bản sao y", "Bản sao y"),
    ("TrS", "Bản trích sao", "Bản trích sao"),
    ("TS", "Bản trích sao", "Bản trích sao"),
    ("SL", "Bản sao lục", "Bản sao lục"),
    ("KL", "Kết luận", "Kết luận"),
    ("TT", "Thông tư", "Thông tri"),
    ("CV", "Công văn", "Công văn"),
    ("NĐ", "Nghị định", "Nghị định"),
    ("TTLT", "Thông tư liên tịch", "Thông tư liên tịch"),
    ("NQLT", "Nghị quyết liên tịch", "Nghị quyết liên tịch"),
    ("PL", "Pháp lệnh", "Pháp lệnh"),
    ("L", "Luật", "Luật"),
    ("VBHN", "Văn bản hợp nhất", "Văn bản hợp nhất"),
];

/// Codes with a canonical mixed case.
const MIXED_CASE: &[&str] = &["TTg", "ThU"];

/// Every official mixed-case token (type and issuer codes): a code that
/// starts with one of them may have text glued after it (`TTgngày`).
const MIXED_TOKENS: &[&str] = &["TTg", "CTr", "QyĐ", "QĐi", "TTr", "ThU"];

/// Codes of the mass organisations, from their numbering rules (their
/// symbols take the Party shape, `117-QĐ/TWĐTN`): Đoàn TNCS Hồ Chí Minh
/// (Trung ương Đoàn `TWĐTN`, tỉnh đoàn `TĐTN`, huyện đoàn `HĐTN`, đoàn cơ
/// sở `ĐTN`), Mặt trận Tổ quốc (`MTTW` and the Ban Thường trực `BTT` of
/// the central committee, `MTTQ` below it), Hội Liên hiệp Phụ nữ (Đoàn Chủ
/// tịch `ĐCT`, `HLHPN`, `HPN`), Hội Nông dân (`HNDTW`, `HND`), Hội Cựu chiến
/// binh (`CCB`, `HCCB`), Công đoàn (Tổng Liên đoàn `TLĐ`, liên đoàn lao
/// động `LĐLĐ`, công đoàn ngành `CĐN`).
const MASS_ORG_ISSUERS: &[&str] = &[
    "TWĐTN", "TĐTN", "HĐTN", "ĐTN", "MTTW", "BTT", "MTTQ", "UBMTTQ", "ĐCT", "HLHPN", "HPN", "HNDTW", "HND", "CCB",
    "HCCB", "TLĐ", "LĐLĐ", "CĐN",
];

/// State issuer codes met often enough to cut glued text back to them
/// (`QĐUBND` is `QĐ` and `UBND`; `TWBan` is `TW` and `Ban`).
const STATE_ISSUERS: &[&str] = &[
    "CP", "TTg", "UBND", "HĐND", "QH", "UBTVQH", "CTN", "HĐBT", "VPCP", "VPQH", "BNV", "BTC", "BCA", "BQP", "BYT",
    "BXD", "BCT", "BTP", "BNG", "BGDĐT", "BKHĐT", "BNNPTNT", "BNNMT", "BTNMT", "BLĐTBXH", "BGTVT", "BTTTT", "BVHTTDL",
    "BKHCN", "NHNN", "TANDTC", "VKSNDTC", "KTNN", "BHXH", "TCT", "TCHQ", "UB", "UBDT", "TTCP", "BCĐ",
];

/// A code of the tables (type, Party, mass organisation or common state
/// issuer), in its printed case or upper case.
///
/// Called for codes of every symbol read: the issuer tables are looked up
/// by upper case in a set (ASCII letters and digits and `Đ`), any other
/// code compared letter by letter.
pub(crate) fn is_known_code(code: &str) -> bool {
    const TABLES: [&[&str]; 3] = [PARTY_ISSUERS, MASS_ORG_ISSUERS, STATE_ISSUERS];
    static ISSUERS: std::sync::OnceLock<rustc_hash::FxHashSet<UpperKey>> = std::sync::OnceLock::new();
    if canonical_type(code).is_some() {
        return true;
    }
    let issuers = ISSUERS.get_or_init(|| {
        TABLES
            .iter()
            .flat_map(|t| t.iter())
            .filter_map(|k| upper_key(k))
            .collect()
    });
    match upper_key(code) {
        Some(key) => issuers.contains(&key),
        None if code.len() > UPPER_KEY_MAX => false,
        None => TABLES.iter().any(|t| t.iter().any(|k| eq_upper(k, code))),
    }
}

/// The longest code [`upper_key`] keys, in bytes.
const UPPER_KEY_MAX: usize = 16;

/// A code's upper case as bytes, zero-padded.
type UpperKey = [u8; UPPER_KEY_MAX];

/// The upper case of a code of ASCII letters and digits and `Đ`/`đ` (none
/// for other letters, or a code longer than [`UPPER_KEY_MAX`]).
fn upper_key(code: &str) -> Option<UpperKey> {
    let bytes = code.as_bytes();
    if bytes.len() > UPPER_KEY_MAX {
        return None;
    }
    let mut key = [0u8; UPPER_KEY_MAX];
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b if b.is_ascii_alphanumeric() || b == b'&' => key[k] = b.to_ascii_uppercase(),
            // `đ` (C4 91) and `Đ` (C4 90): upper case `Đ`.
            0xC4 if matches!(bytes.get(k + 1), Some(0x90 | 0x91)) => {
                key[k] = 0xC4;
                key[k + 1] = 0x90;
                k += 1;
            }
            _ => return None,
        }
        k += 1;
    }
    Some(key)
}

/// Party issuer codes (Hướng dẫn 36-HD/VPTW and real citations).
const PARTY_ISSUERS: &[&str] = &[
    "TW", "TU", "HU", "QU", "ThU", "ĐU", "ĐUK", "CB", "QUTW", "ĐUCA", "BTCTW", "BTGTW", "BDVTW", "VPTW", "UBKTTW",
    "BTCTU", "BTGTU", "BDVTU", "VPTU", "UBKTTU", "BTCHU", "BTGHU", "VPHU", "BDVHU", "UBKTHU", "ĐĐ", "BCSĐ", "BNCTU",
    "BNCTW", "BKTTW", "BTGDVTW", "BTGDVTU", "ĐH",
];

/// Upper case, letter by letter; a letter whose upper case is not one letter
/// (`ß`, Greek `ῤ` → `Ρ̓`) is kept, so that the canonical text reads back.
fn upper(code: &str) -> String {
    code.chars()
        .map(|c| {
            let mut u = c.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        })
        .collect()
}

/// Case-insensitive equality without allocating.
fn eq_upper(a: &str, b: &str) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_uppercase)
        .eq(b.chars().flat_map(char::to_uppercase))
}

/// The canonical spelling of a type code, if `code` is one (any case).
///
/// Called for every code of every symbol read, so the common codes (ASCII
/// letters and `Đ`) are looked up by their upper case in a table, without
/// comparing against each entry; any other code takes the letter-by-letter
/// comparison. No two entries share an upper case, so both ways give the
/// same entry.
pub(crate) fn canonical_type(code: &str) -> Option<&'static str> {
    // The longest entry is four bytes (`TTLT`, `QĐi`).
    const MAX: usize = 4;
    if code.len() > MAX {
        return None;
    }
    let mut key = [0u8; MAX];
    let bytes = code.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b if b.is_ascii() => key[k] = b.to_ascii_uppercase(),
            // `đ` (C4 91) and `Đ` (C4 90): upper case `Đ`.
            0xC4 if matches!(bytes.get(k + 1), Some(0x90 | 0x91)) => {
                key[k] = 0xC4;
                key[k + 1] = 0x90;
                k += 1;
            }
            _ => return canonical_type_slow(code),
        }
        k += 1;
    }
    type_table().get(&key[..bytes.len()]).copied()
}

/// [`TYPES`]' codes by their upper case.
fn type_table() -> &'static rustc_hash::FxHashMap<Vec<u8>, &'static str> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<Vec<u8>, &'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| TYPES.iter().map(|t| (upper(t.0).into_bytes(), t.0)).collect())
}

/// [`canonical_type`] by comparing with each entry: exact spelling first,
/// then any case.
fn canonical_type_slow(code: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .map(|t| t.0)
        .find(|t| *t == code)
        .or_else(|| TYPES.iter().map(|t| t.0).find(|t| eq_upper(t, code)))
}

fn type_name(code: &str, party: bool) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|t| t.0 == code)
        .map(|t| if party { t.2 } else { t.1 })
}

fn is_party_issuer(code: &str) -> bool {
    PARTY_ISSUERS.contains(&code)
}

fn canonical_issuer(code: &str) -> String {
    if let Some(m) = MIXED_CASE.iter().find(|m| eq_upper(m, code)) {
        return m.to_string();
    }
    if code.chars().all(|c| !c.is_lowercase()) {
        return code.to_string();
    }
    upper(code)
}

// ---------------------------------------------------------------------------
// Grammar

/// A repair made while reading a symbol, with a span relative to the text
/// given to the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub(crate) code: &'static str,
    pub(crate) severity: Severity,
    pub(crate) message: String,
    pub(crate) span: Span,
}

/// A symbol as read: borrowed pieces, not yet classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawSymbol<'a> {
    pub(crate) number: Option<&'a str>,
    pub(crate) year: Option<&'a str>,
    /// Code groups after the number (and year), in order.
    pub(crate) codes: Vec<&'a str>,
    /// Index in `codes` after which a `/` (not `-`) joined the groups.
    pub(crate) slash_after: Option<usize>,
    pub(crate) style: SymbolStyle,
    pub(crate) year_last: bool,
    /// Separators written with spaces, en dashes, a missing slash...
    pub(crate) noise: Vec<(&'static str, &'a str)>,
}

fn err<'a, T>(input: &'a str, expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(GrammarError { input, expected }))
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

// Number ::= Digit{1,6} DottedNumber?
fn number(i: &str) -> PResult<'_, &str> {
    let (r, n) = take_while_m_n(1, 6, |c: char| c.is_ascii_digit())(i)?;
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        return err(i, "a number of at most six digits");
    }
    if r.starts_with('.') {
        if let Some(dotted) = dotted_number(i, r) {
            return Ok(dotted);
        }
    }
    Ok((r, n))
}

// DottedNumber ::= Digit+ ("." Digit{1,4})+ &"/"        (`58.12/2026/NQ-CP`)
/// A number printed with dots (some 2026 resolutions), before a slash.
fn dotted_number<'a>(i: &'a str, mut r: &'a str) -> Option<(&'a str, &'a str)> {
    while let Some(rest) = r.strip_prefix('.') {
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=4).contains(&d) {
            return None;
        }
        r = &rest[d..];
    }
    r.starts_with('/').then(|| (r, &i[..i.len() - r.len()]))
}

// BlankNumber ::= ("." | "…" | "_")+ Space* &("/" Year)
/// A number left blank with dots or an ellipsis before `/<year>/` (a
/// draft's `… /2016/QH14`): what follows the blank, else `i` as it is.
fn blank_before_year(i: &str) -> &str {
    let r = i.trim_start_matches(['.', '…', '_']);
    if r.len() == i.len() {
        return i;
    }
    let r = r.trim_start_matches(is_space);
    match r.strip_prefix('/').map(year) {
        Some(Ok(_)) => r,
        _ => i,
    }
}

// Year ::= Digit{4}   (1945..=2100, not followed by a digit)
fn year(i: &str) -> PResult<'_, &str> {
    let (r, y) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let v: u32 = y.parse().expect("digits");
    if r.starts_with(|c: char| c.is_ascii_digit()) || !(1945..=2100).contains(&v) {
        return err(i, "a year");
    }
    Ok((r, y))
}

/// A letter as codes are written: an ASCII letter, `Đ` (or its look-alike
/// `Ð`), or `Ư` (the OCR of `W` in `TƯ`). Codes never hold other letters
/// with diacritics, so one of those after a code is glued text
/// (`TWĐẢNG BỘ TỈNH`, a heading glued to a symbol).
fn is_code_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ' | 'Ð' | 'ð' | 'Ư' | 'ư') || latin_of_cyrillic(c).is_some()
}

/// The Latin capital a Cyrillic capital looks like (`Т`, `С` in
/// `TT-BТС`, a PDF's text layer), if any.
fn latin_of_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        _ => return None,
    })
}

// Code ::= Letter (Letter | Digit | "&")*        (Letter: see is_code_letter)
//   Codes are upper case, bar the official mixed-case tokens: a lower-case
//   run after two capitals ends the code (`TTngày` is `TT` and `ngày`,
//   `TTgngày` is `TTg` and `ngày`); a letter outside the code letters
//   glued on cuts the code back to the longest known code it starts with
//   (`TWĐẢNG` is `TW` and `ĐẢNG`). The caller sees the glued text after it.
fn code(i: &str) -> PResult<'_, &str> {
    if !i.starts_with(is_code_letter) {
        return err(i, "a type or issuer code");
    }
    let (r, _) = take_while(|c: char| is_code_letter(c) || c.is_ascii_digit() || c == '&')(i)?;
    let run = &i[..i.len() - r.len()];
    let len = match lower_cut(run) {
        Some(k) => k,
        None if r.starts_with(char::is_alphabetic) => known_prefix(run).unwrap_or(run.len()),
        None => run.len(),
    };
    if len > 24 {
        return err(i, "a code of at most 24 characters");
    }
    Ok((&i[len..], &i[..len]))
}

/// Where a code ends when a lower-case run follows its capitals (see
/// [`code`]); `None` when it does not, or when the whole run is a code
/// (`Ctr`, `nđ`, `TTg`).
fn lower_cut(run: &str) -> Option<usize> {
    let k = run.find(|c: char| c.is_lowercase())?;
    // A word glued on has two letters at least (`QHi3` is the OCR of
    // `QH13`, not `QH` and text).
    if !run[k..].chars().take(2).all(char::is_alphabetic) {
        return None;
    }
    if run[..k].chars().count() < 2 || canonical_type(run).is_some() || MIXED_CASE.iter().any(|m| eq_upper(m, run)) {
        return None;
    }
    if let Some(m) = MIXED_TOKENS.iter().find(|m| run.starts_with(**m)) {
        return Some(m.len());
    }
    // `TWBan`: the capital before the run starts a word, when what is
    // left is a known code.
    let last = run[..k].chars().next_back().map_or(0, char::len_utf8);
    if is_known_code(&run[..k - last]) && !is_known_code(&run[..k]) {
        return Some(k - last);
    }
    Some(k)
}

/// The longest known code (at least two characters) `run` starts with.
fn known_prefix(run: &str) -> Option<usize> {
    run.char_indices()
        .map(|(k, _)| k)
        .chain([run.len()])
        .filter(|&k| k > 0 && run[..k].chars().count() >= 2)
        .rev()
        .find(|&k| is_known_code(&run[..k]))
}

/// A code that may follow a separator written with spaces (`NĐ- CP`): upper
/// case or a known code, so that `QH15 - Luật` is not read as one symbol.
fn shouty_code(i: &str) -> PResult<'_, &str> {
    let (r, c) = code(i)?;
    // A word, not a code: `56/2026/TT-BTC - Sửa đổi`.
    if r.starts_with(char::is_alphabetic) {
        return err(i, "a code, not a word");
    }
    let known = canonical_type(c).is_some() || MIXED_CASE.iter().any(|m| eq_upper(m, c));
    let all_upper = c.chars().all(|ch| !ch.is_lowercase());
    if known || all_upper {
        Ok((r, c))
    } else {
        err(i, "an upper-case code")
    }
}

/// `sep` with optional spaces around it; returns whether spaces (or an en
/// dash) were seen.
fn separator<'a>(sep: char, i: &'a str) -> PResult<'a, (&'a str, bool)> {
    let (r, pre) = take_while(is_space)(i)?;
    let (r, noisy_sep) = if sep == '-' && r.starts_with('–') {
        (&r['–'.len_utf8()..], true)
    } else {
        let (r, _) = ch(sep)(r)?;
        (r, false)
    };
    let (r, post) = take_while(is_space)(r)?;
    // A line broken at the hyphen or slash (`08/2021/NĐ-⏎CP`, `06/2024/
    // ⏎TT-BLĐTBXH` in a PDF's text): the break is layout, the code goes on
    // on the next line.
    if matches!(sep, '-' | '/') && pre.is_empty() && !noisy_sep {
        if let Some(next) = r.strip_prefix('\n') {
            let next = next.trim_start_matches(is_space);
            if next.starts_with(|c: char| c.is_uppercase()) {
                return Ok((next, (&i[..i.len() - next.len()], true)));
            }
        }
    }
    let whole = &i[..i.len() - r.len()];
    Ok((r, (whole, noisy_sep || !pre.is_empty() || !post.is_empty())))
}

// Codes ::= Code ((Sep("-") | ".") Code)*       (a dot between codes in historical symbols: `QĐ.UB`)
fn codes<'a>(i: &'a str, noise: &mut Vec<(&'static str, &'a str)>) -> PResult<'a, Vec<&'a str>> {
    let (mut r, first) = code(i)?;
    let mut out = vec![first];
    loop {
        if let Some(after) = r.strip_prefix('.') {
            // Only an upper-case code, not glued to more letters: a full
            // stop before the next sentence is not a separator.
            match shouty_code(after) {
                Ok((rest, c)) if !rest.starts_with(char::is_alphabetic) && c.chars().any(char::is_alphabetic) => {
                    noise.push(("symbol-separator", &r[..1]));
                    out.push(c);
                    r = rest;
                    if out.len() >= MAX_CODES {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
        }
        let Ok((after, (sep, spaced))) = separator('-', r) else {
            break;
        };
        let next = if spaced { shouty_code(after) } else { code(after) };
        // A spaced hyphen broken at the line after a type code with no
        // issuer yet (`473/TTr -⏎NN&PTNT`): the issuer's code, in capitals,
        // opens the next line.
        let (next, sep) = match next {
            Err(_) if spaced && out.len() == 1 && canonical_type(out[0]).is_some() => {
                let code_at = after
                    .strip_prefix('\n')
                    .map(|n| n.trim_start_matches(is_space))
                    .and_then(|n| {
                        shouty_code(n)
                            .ok()
                            .filter(|(_, c)| !c.chars().any(char::is_lowercase))
                            .map(|x| (n, x))
                    });
                match code_at {
                    Some((n, x)) => (Ok(x), &r[..r.len() - n.len()]),
                    None => (next, sep),
                }
            }
            _ => (next, sep),
        };
        match next {
            Ok((rest, c)) => {
                if spaced {
                    noise.push(("symbol-spacing", sep));
                }
                out.push(c);
                r = rest;
            }
            Err(_) => break,
        }
        if out.len() >= MAX_CODES {
            break;
        }
    }
    Ok((r, out))
}

/// A first code that is a type code and an issuer code glued together
/// (`NĐCP`, `QĐUBND`), split in two; `None` when it is not.
fn split_glued(code: &str) -> Option<(&str, &str)> {
    if is_known_code(code) {
        return None;
    }
    code.char_indices().skip(2).find_map(|(k, _)| {
        let (t, rest) = code.split_at(k);
        let known_issuer = [PARTY_ISSUERS, STATE_ISSUERS]
            .iter()
            .any(|tb| tb.iter().any(|x| eq_upper(x, rest)));
        (canonical_type(t).is_some() && known_issuer).then_some((t, rest))
    })
}

/// The most codes a symbol has (a joint circular names five ministries).
const MAX_CODES: usize = 13;

// PartySymbol ::= Number Sep("-") Code Sep("/") Codes
fn party_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = number(i)?;
    let (r, (s1, sp1)) = separator('-', r)?;
    let (r, t) = if sp1 { shouty_code(r)? } else { code(r)? };
    let (r, (s2, sp2)) = separator('/', r)?;
    // Committed: a number, a hyphen, a code and a slash are a Party symbol.
    let (r, rest) = nom::combinator::cut(|x| codes(x, &mut noise))(r)?;
    if sp1 {
        noise.push(("symbol-spacing", s1));
    }
    if sp2 {
        noise.push(("symbol-spacing", s2));
    }
    let mut all = vec![t];
    all.extend(rest);
    Ok((
        r,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: all,
            slash_after: Some(0),
            style: SymbolStyle::Dash,
            year_last: false,
            noise,
        },
    ))
}

// OldSymbol ::= Number "-" Code        (61-CP, 169-CP, 32-HĐBT; a historical Party
//                                       symbol with no issuer code: 21-NQ, 143-TB)
fn old_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let (r, n) = number(i)?;
    let (r, _) = ch('-')(r)?;
    let (r, c) = shouty_code(r)?;
    if c.chars().count() < 2 {
        return err(i, "an issuer code after the hyphen");
    }
    // A type code: the Party shape with the issuer left out.
    let slash_after = canonical_type(c).is_some().then_some(0);
    Ok((
        r,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: vec![c],
            slash_after,
            style: SymbolStyle::Dash,
            year_last: false,
            noise: Vec::new(),
        },
    ))
}

// StateSymbol ::= Number? Sep("/") (Year Sep("/"))? Codes (Sep("/") (Year | Codes))?
fn state_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = nom::combinator::opt(number)(i)?;
    let r = if n.is_none() { blank_before_year(r) } else { r };
    let (r, (s1, sp1)) = separator('/', r)?;
    if sp1 {
        noise.push(("symbol-spacing", s1));
    }
    let (r, y) = match year(r) {
        Ok((r2, y)) => match separator('/', r2) {
            Ok((r3, (s, sp))) => {
                if sp {
                    noise.push(("symbol-spacing", s));
                }
                (r3, Some(y))
            }
            Err(_) => return err(r, "a slash after the year"),
        },
        Err(_) => (r, None),
    };
    let (mut r, mut all) = codes(r, &mut noise)?;
    if let Some((t, rest)) = split_glued(all[0]) {
        noise.push(("missing-hyphen", all[0]));
        all.splice(0..1, [t, rest]);
    }
    let mut slash_after = None;
    let mut year_last = false;
    let mut y = y;
    if let Ok((r2, (s, sp))) = separator('/', r) {
        if sp {
            // A spaced trailing slash is more likely running text.
        } else if let (None, Ok((r3, y2))) = (y, year(r2)) {
            y = Some(y2);
            year_last = true;
            r = r3;
        } else if let Some((r3, more)) = codes(r2, &mut noise)
            .ok()
            .filter(|(_, more)| all.len() + more.len() <= MAX_CODES)
        {
            // (At most MAX_CODES in all, as one run of codes: else the
            // printed `A-B-...` would not read back.)
            slash_after = Some(all.len() - 1);
            all.extend(more);
            r = r3;
            let _ = s;
        }
    }
    Ok((
        r,
        RawSymbol {
            number: n,
            year: y,
            codes: all,
            slash_after,
            style: SymbolStyle::Slash,
            year_last,
            noise,
        },
    ))
}

// LooseSymbol ::= Number Space+ TypeCode Sep("-") Codes     (`1830 QĐ-UBND`)
//               | Number TypeCode "-" Codes                   (`48VBHN-VPQH`)
//               | Number Space+ TypeCode "/" Codes            (`298 KH/TWĐTN`: a Party symbol without its hyphen)
fn loose_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = number(i)?;
    let (r2, gap) = take_while(is_space)(r)?;
    let (r3, t) = code(r2)?;
    if canonical_type(t).is_none() || t.chars().count() < 2 || t.chars().any(char::is_numeric) {
        return err(r2, "a type code");
    }
    if let (Some(r4), false) = (r3.strip_prefix('/'), gap.is_empty()) {
        let (r5, issuers) = codes(r4, &mut noise)?;
        noise.push(("missing-hyphen", gap));
        let mut all = vec![t];
        all.extend(issuers);
        return Ok((
            r5,
            RawSymbol {
                number: Some(n),
                year: None,
                codes: all,
                slash_after: Some(0),
                style: SymbolStyle::Dash,
                year_last: false,
                noise,
            },
        ));
    }
    if !r3.starts_with('-') {
        return err(r3, "a hyphen after the type code");
    }
    let (r4, more) = codes(&r3[1..], &mut noise)?;
    noise.push(("missing-slash", &r[..r.len() - r2.len()]));
    let _ = gap;
    let mut all = vec![t];
    all.extend(more);
    Ok((
        r4,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: all,
            slash_after: None,
            style: SymbolStyle::Slash,
            year_last: false,
            noise,
        },
    ))
}

// Symbol ::= (PartySymbol | OldSymbol | StateSymbol | LooseSymbol) GluedText?
//   GluedText: letters right after the last code (`TWngày`, `TWĐẢNG BỘ`),
//   left in the input and noted (`glued-text`).
/// Any số ký hiệu at the start of `i`.
pub(crate) fn symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let (r, mut raw) = symbol_body(i)?;
    let glued = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
    if glued > 0 {
        raw.noise.push(("glued-text", &r[..glued]));
    }
    Ok((r, raw))
}

/// [`symbol`] without the note on glued text.
fn symbol_body(i: &str) -> PResult<'_, RawSymbol<'_>> {
    match party_symbol(i) {
        Ok(ok) => return Ok(ok),
        Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
        Err(_) => {}
    }
    if let Ok(ok) = state_symbol(i) {
        return Ok(ok);
    }
    if let Ok(ok) = old_symbol(i) {
        return Ok(ok);
    }
    match loose_symbol(i) {
        Ok(ok) => Ok(ok),
        Err(e) => {
            // Report the most helpful expectation.
            let _ = e;
            let (r, _) = nom::combinator::opt(number)(i)?;
            if r.len() == i.len() {
                err(i, "a number or \"/\"")
            } else {
                let r2 = r.trim_start_matches(is_space);
                if r2.starts_with(['-', '/']) {
                    err(r2[1..].trim_start_matches(is_space), "a type or issuer code")
                } else {
                    err(r, "\"-\" or \"/\" after the number")
                }
            }
        }
    }
}

/// Issuer codes that take a term number (`QH15`, `UBTVQH14`, `HĐNN7`,
/// the National Assembly's committees `UBKTTC16`): digits after them are
/// part of the code.
fn takes_term_number(letters: &str) -> bool {
    ["QH", "UBTVQH", "HĐNN"].iter().any(|k| eq_upper(k, letters))
        || (letters.len() > 2 && letters[..2].eq_ignore_ascii_case("UB") && !eq_upper("UBND", letters))
}

impl<'a> RawSymbol<'a> {
    // FootnoteMark ::= Digit{1,2}     (glued to the last code: `66-NQ/TW1`, `09/2026/NĐ-CP4`)
    //   A PDF's superscript footnote reference printed as digits after the
    //   symbol: cut when the code without them is a known issuer code and the code
    //   with them is no numbered form (`QH15`, `UBTVQH15` stay).
    /// Cut a footnote marker off the last code: the marker, noted
    /// (`footnote-marker`), or `None` when the last code has none.
    pub(crate) fn cut_footnote_mark(&mut self) -> Option<&'a str> {
        let last = *self.codes.last()?;
        let digits = last.bytes().rev().take_while(u8::is_ascii_digit).count();
        let letters = &last[..last.len() - digits];
        if !(1..=2).contains(&digits)
            || letters.is_empty()
            || !is_known_code(letters)
            || canonical_type(letters).is_some()
            || is_known_code(last)
            || takes_term_number(letters)
        {
            return None;
        }
        let mark = &last[letters.len()..];
        *self.codes.last_mut()? = letters;
        self.noise.push(("footnote-marker", mark));
        Some(mark)
    }
}

fn offset_in(base: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len())
}

impl<'a> RawSymbol<'a> {
    /// Classify the code groups and build the canonical [`Symbol`]. `base` is
    /// the string the grammar ran on (for note spans).
    pub(crate) fn into_symbol(self, base: &str) -> (Symbol, Vec<Note>) {
        let mut notes = Vec::new();
        let span_of = |s: &str| {
            let o = offset_in(base, s);
            Span::new(o, o + s.len())
        };
        for (code, at) in &self.noise {
            let message = match *code {
                "symbol-spacing" => format!("spaces inside a số ký hiệu: expected none, found {at:?}"),
                "missing-slash" => {
                    "missing slash: expected \"/\" between the number and the type code, found none".to_string()
                }
                "missing-hyphen" => format!("missing hyphen: expected \"-\" between the codes, found {at:?}"),
                "symbol-separator" => "dot between codes: expected \"-\", found \".\"".to_string(),
                "glued-text" => format!("text glued to the số ký hiệu: expected a space before {at:?}"),
                "footnote-marker" => format!("footnote marker glued to the số ký hiệu: expected a space before {at:?}"),
                _ => code.to_string(),
            };
            notes.push(Note {
                code,
                severity: Severity::Info,
                message,
                span: span_of(at),
            });
        }
        let mut codes: Vec<String> = Vec::with_capacity(self.codes.len());
        for c in &self.codes {
            let latin: String;
            let c: &str = if c.chars().any(|x| latin_of_cyrillic(x).is_some()) {
                latin = c.chars().map(|x| latin_of_cyrillic(x).unwrap_or(x)).collect();
                notes.push(Note {
                    code: "lookalike-letter",
                    severity: Severity::Info,
                    message: format!("code written {c:?} with Cyrillic letters: expected {latin:?}"),
                    span: span_of(c),
                });
                &latin
            } else {
                c
            };
            let canon_type = canonical_type(c);
            let canon = canon_type.map(str::to_string).unwrap_or_else(|| canonical_issuer(c));
            if canon != *c {
                notes.push(Note {
                    code: "symbol-case",
                    severity: Severity::Info,
                    message: format!("code written {c:?}: expected {canon:?}"),
                    span: span_of(c),
                });
            }
            codes.push(canon);
        }
        // Diacritics stripped from a decree or decision code.
        let style = self.style;
        let mut type_code = None;
        let first_is_type = codes.first().and_then(|c| canonical_type(c)).is_some()
            || codes.first().is_some_and(|c| c == "ND" || c == "QD");
        let party_type = style == SymbolStyle::Dash && self.slash_after == Some(0);
        let state_type = style == SymbolStyle::Slash
            && first_is_type
            && (codes.len() > 1 || canonical_type(&codes[0]).is_some_and(|t| t.len() >= 2));
        // The codes are moved, not copied: the type code out if there is
        // one, the rest are the issuers (and unit).
        let mut issuers = codes;
        if party_type || state_type {
            type_code = Some(issuers.remove(0));
        }
        if let Some(t) = &mut type_code {
            let fixed = match t.as_str() {
                "ND" => Some("NĐ"),
                "QD" => Some("QĐ"),
                _ => None,
            };
            if let Some(f) = fixed {
                notes.push(Note {
                    code: "missing-diacritics",
                    severity: Severity::Info,
                    message: format!("type code written {t:?}: expected {f:?}"),
                    span: span_of(self.codes[0]),
                });
                *t = f.to_string();
            }
        }
        let mut unit = None;
        if type_code.is_none() && style == SymbolStyle::Slash && self.year.is_none() && issuers.len() >= 2 {
            // Công văn: issuer-unit (`3870/SNN-VP`; typed `3870/SNN/VP`, the
            // same symbol: it prints and reads back as `3870/SNN-VP`).
            unit = Some(issuers.split_off(1).join("-"));
        }
        // `TT` with text glued on after a type code is the Prime
        // Minister's `TTg` with its `g` and the space lost (`449/QĐ-TTngày`).
        let glued = self.noise.iter().any(|(code, _)| *code == "glued-text");
        if glued && type_code.is_some() && style == SymbolStyle::Slash && issuers.len() == 1 && issuers[0] == "TT" {
            notes.push(Note {
                code: "symbol-repair",
                severity: Severity::Info,
                message: "issuer code written \"TT\": expected \"TTg\"".to_string(),
                span: span_of(self.codes.last().copied().unwrap_or("")),
            });
            issuers[0] = "TTg".to_string();
        }
        for iss in issuers.iter_mut() {
            if iss == "TƯ" {
                notes.push(Note {
                    code: "ocr-issuer",
                    severity: Severity::Warning,
                    message: "issuer code written \"TƯ\": expected \"TW\" (OCR confusion)".to_string(),
                    span: span_of(self.codes.iter().find(|c| upper(c) == "TƯ").copied().unwrap_or("")),
                });
                *iss = "TW".to_string();
            }
        }
        if self.number.is_none() {
            notes.push(Note {
                code: "blank-number",
                severity: Severity::Info,
                message: "blank number: expected digits before \"/\", found none (an unsigned draft?)".to_string(),
                span: Span::new(0, 0),
            });
        }
        if issuers.is_empty() {
            notes.push(Note {
                code: "missing-issuer",
                severity: Severity::Info,
                message: "no issuer code: expected one after the type code".to_string(),
                span: span_of(self.codes.last().copied().unwrap_or("")),
            });
        }
        let mut type_slash = self.slash_after.is_some() && style == SymbolStyle::Slash && type_code.is_some();
        // A joint circular's issuers follow a hyphen (`95/2011/TTLT-BTC-BNN`);
        // a joint resolution with the Front keeps its slash
        // (`72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN`).
        if type_slash && type_code.as_deref() == Some("TTLT") {
            notes.push(Note {
                code: "symbol-separator",
                severity: Severity::Info,
                message: "slash after \"TTLT\": expected \"-\"".to_string(),
                span: span_of(self.codes.first().copied().unwrap_or("")),
            });
            type_slash = false;
        }
        let sym = Symbol {
            number: self.number.map(str::to_string),
            year: self.year.map(|y| y.parse().expect("digits")),
            type_code,
            issuers,
            unit,
            style,
            type_slash,
            year_last: self.year_last,
        };
        (sym, notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        match Symbol::parse_with_diagnostics(s) {
            Ok((sym, diags)) => {
                let mut out = format!(
                    "{sym} | n={:?} y={:?} t={:?} i={:?} u={:?} {:?}",
                    sym.number(),
                    sym.year(),
                    sym.type_code(),
                    sym.issuers(),
                    sym.unit(),
                    sym.style()
                );
                for d in diags {
                    out.push_str(&format!(" [{}]", d.code));
                }
                out
            }
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn ok_type_table_agrees_with_comparison() {
        // Every entry in several cases, near misses, and codes outside the
        // table's fast path (other letters with diacritics, long codes).
        let mut codes: Vec<String> = Vec::new();
        for (t, _, _) in TYPES {
            codes.push(t.to_string());
            codes.push(t.to_lowercase());
            codes.push(upper(t));
            codes.push(format!("{t}X"));
        }
        codes.extend(
            [
                "qđ", "Qđ", "nđ", "NÐ", "ttlt", "TTLTX", "UBND", "SNN", "Ư", "QĐI", "QyĐ", "cTR", "", "đ", "VPTƯ",
            ]
            .map(String::from),
        );
        for c in &codes {
            assert_eq!(canonical_type(c), canonical_type_slow(c), "{c:?}");
        }
        assert_eq!(canonical_type("qđ"), Some("QĐ"));
        assert_eq!(canonical_type("cTR"), Some("CTr"));
        assert_eq!(canonical_type("UBND"), None);
    }

    #[test]
    fn ok_party_symbols() {
        insta::assert_snapshot!(show("698-CV/TU"), @r#"698-CV/TU | n=Some(698) y=None t=Some("CV") i=["TU"] u=None Dash"#);
        insta::assert_snapshot!(show("01-CTr/BDVTW"), @r#"01-CTr/BDVTW | n=Some(1) y=None t=Some("CTr") i=["BDVTW"] u=None Dash"#);
        insta::assert_snapshot!(show("05-QC/BTCTU-BDVTU"), @r#"05-QC/BTCTU-BDVTU | n=Some(5) y=None t=Some("QC") i=["BTCTU", "BDVTU"] u=None Dash"#);
        insta::assert_snapshot!(show("08-QĐi/TW"), @r#"08-QĐi/TW | n=Some(8) y=None t=Some("QĐi") i=["TW"] u=None Dash"#);
        insta::assert_snapshot!(show("24-L/CTN"), @r#"24-L/CTN | n=Some(24) y=None t=Some("L") i=["CTN"] u=None Dash"#);
    }

    #[test]
    fn ok_state_symbols() {
        insta::assert_snapshot!(show("3870/SNN-VP"), @r#"3870/SNN-VP | n=Some(3870) y=None t=None i=["SNN"] u=Some("VP") Slash"#);
        insta::assert_snapshot!(show("16/CT-TTg"), @r#"16/CT-TTg | n=Some(16) y=None t=Some("CT") i=["TTg"] u=None Slash"#);
        insta::assert_snapshot!(show("123/QĐ-UBND"), @r#"123/QĐ-UBND | n=Some(123) y=None t=Some("QĐ") i=["UBND"] u=None Slash"#);
        insta::assert_snapshot!(show("30/2020/NĐ-CP"), @r#"30/2020/NĐ-CP | n=Some(30) y=Some(2020) t=Some("NĐ") i=["CP"] u=None Slash"#);
        insta::assert_snapshot!(show("91/2015/QH13"), @r#"91/2015/QH13 | n=Some(91) y=Some(2015) t=None i=["QH13"] u=None Slash"#);
        insta::assert_snapshot!(show("13/1999/PL-UBTVQH10"), @r#"13/1999/PL-UBTVQH10 | n=Some(13) y=Some(1999) t=Some("PL") i=["UBTVQH10"] u=None Slash"#);
        insta::assert_snapshot!(show("178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT"), @r#"178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT | n=Some(178) y=Some(2015) t=Some("TTLT") i=["BTC", "BNNPTNT", "BTNMT", "BYT"] u=None Slash"#);
        insta::assert_snapshot!(show("17/VBHN-VPQH"), @r#"17/VBHN-VPQH | n=Some(17) y=None t=Some("VBHN") i=["VPQH"] u=None Slash"#);
        insta::assert_snapshot!(show("72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"), @r#"72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN | n=Some(72) y=Some(2025) t=Some("NQLT") i=["UBTVQH15", "CP", "ĐCTUBTWMTTQVN"] u=None Slash"#);
    }

    #[test]
    fn ok_historical_and_blank() {
        insta::assert_snapshot!(show("61-CP"), @r#"61-CP | n=Some(61) y=None t=None i=["CP"] u=None Dash"#);
        insta::assert_snapshot!(show("186/HĐBT"), @r#"186/HĐBT | n=Some(186) y=None t=None i=["HĐBT"] u=None Slash"#);
        insta::assert_snapshot!(show("299/TTg"), @r#"299/TTg | n=Some(299) y=None t=None i=["TTg"] u=None Slash"#);
        insta::assert_snapshot!(show("/SNN-VP"), @r#"/SNN-VP | n=None y=None t=None i=["SNN"] u=Some("VP") Slash [blank-number]"#);
        // A draft's number left blank with an ellipsis or dots, before the year.
        for blank in ["… /2019/QH14", ".../2019/QH14", "……/2019/QH14"] {
            let s: Symbol = blank.parse().unwrap();
            assert_eq!(
                (s.number(), s.year(), s.to_string()),
                (None, Some(2019), "/2019/QH14".to_string())
            );
        }
        // Not without a year after it: a form's blank `…/QĐ-UBND` stays unread.
        assert!("…/QĐ-UBND".parse::<Symbol>().is_err());
    }

    #[test]
    fn ok_sub_number() {
        let s: Symbol = "41.3/2027/NQ-CP".parse().unwrap();
        assert_eq!(
            (s.number_text(), s.number(), s.year()),
            (Some("41.3"), None, Some(2027))
        );
        assert_eq!(s.to_string(), "41.3/2027/NQ-CP");
        assert_eq!(s.type_code(), Some("NQ"));
    }

    #[test]
    fn ok_noise_repaired_with_diagnostics() {
        insta::assert_snapshot!(show("1977 /QĐ-UBND"), @r#"1977/QĐ-UBND | n=Some(1977) y=None t=Some("QĐ") i=["UBND"] u=None Slash [symbol-spacing]"#);
        insta::assert_snapshot!(show("391 - CV/ĐU"), @r#"391-CV/ĐU | n=Some(391) y=None t=Some("CV") i=["ĐU"] u=None Dash [symbol-spacing]"#);
        insta::assert_snapshot!(show("119/2014/NĐ- CP"), @r#"119/2014/NĐ-CP | n=Some(119) y=Some(2014) t=Some("NĐ") i=["CP"] u=None Slash [symbol-spacing]"#);
        insta::assert_snapshot!(show("102/2017/NÐ-CP"), @r#"102/2017/NĐ-CP | n=Some(102) y=Some(2017) t=Some("NĐ") i=["CP"] u=None Slash [lookalike-letter]"#);
        insta::assert_snapshot!(show("12-NQ/TƯ"), @r#"12-NQ/TW | n=Some(12) y=None t=Some("NQ") i=["TW"] u=None Dash [ocr-issuer]"#);
        insta::assert_snapshot!(show("19/Ctr-UBND"), @r#"19/CTr-UBND | n=Some(19) y=None t=Some("CTr") i=["UBND"] u=None Slash [symbol-case]"#);
        insta::assert_snapshot!(show("1830 QĐ-UBND"), @r#"1830/QĐ-UBND | n=Some(1830) y=None t=Some("QĐ") i=["UBND"] u=None Slash [missing-slash]"#);
        insta::assert_snapshot!(show("140/BCĐ VĐ HMTN"), @r#"140/BCĐ-VĐ-HMTN | n=Some(140) y=None t=None i=["BCĐ"] u=Some("VĐ-HMTN") Slash [symbol-spacing] [symbol-spacing]"#);
        insta::assert_snapshot!(show("146/2026/ND-CP"), @r#"146/2026/NĐ-CP | n=Some(146) y=Some(2026) t=Some("NĐ") i=["CP"] u=None Slash [missing-diacritics]"#);
    }

    #[test]
    fn err_not_symbols() {
        insta::assert_snapshot!(show("QCVN 12:2026/BCA"), @r#"error: invalid số ký hiệu at byte 0: expected a number or "/", found "QCVN 12:2026…""#);
        insta::assert_snapshot!(show("2021 - 2025"), @r#"error: invalid số ký hiệu at byte 7: expected a type or issuer code, found "2025""#);
        insta::assert_snapshot!(show("698-CV/"), @r#"error: invalid số ký hiệu at byte 7: expected a type or issuer code, found end of input"#);
        insta::assert_snapshot!(show("1/1/1/1"), @r#"error: invalid số ký hiệu at byte 2: expected a type or issuer code, found "1/1/1""#);
    }

    #[test]
    fn ok_round_trip_canonical() {
        for s in [
            "698-CV/TU",
            "3870/SNN-VP",
            "30/2020/NĐ-CP",
            "/SNN-VP",
            "72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
            "20/VBHN-VPQH/2025",
            "61-CP",
            "186/HĐBT",
            "05-QC/BTCTU-BDVTU",
        ] {
            let sym: Symbol = s.parse().unwrap();
            assert_eq!(sym.to_string(), s);
            assert_eq!(sym.to_string().parse::<Symbol>().unwrap(), sym);
        }
    }
}
