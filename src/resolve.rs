//! Stage 4: **resolve**: document identity.
//!
//! A symbol alone is not an identity: `698-CV/TU` exists in every province,
//! and numbering restarts each year (state, Nghị định 30/2020 art. 15) or each
//! Party term (Hướng dẫn 36-HD/VPTW). A document's identity is
//! `(jurisdiction, issuer, type, year, number)`, written as a readable id in
//! the spirit of the European Legislation Identifier:
//!
//! ```text
//! vn/binh-thuan/tu/cv/2023/698        Công văn 698-CV/TU of Tỉnh ủy Bình Thuận, 2023
//! vn/national/tw/qd/2013/217          Quyết định 217-QĐ/TW of the Politburo, 2013
//! vn/national/cp/nd/2020/30           Nghị định 30/2020/NĐ-CP
//! vn/binh-thuan/snn/cv/2021/3870      Công văn 3870/SNN-VP of Sở NN&PTNT Bình Thuận
//! vn/unknown/tu/cv/2015/921~003_138bcd714f36f0f1
//!                                     921-CV/TU cited by a headless document: its
//!                                     province is unknown, so the node is private
//!                                     to the citing file (never merged by guesswork)
//! ```
//!
//! National issuers (`TW`, `CP`, `TTg`, `QH13`, ministries such as `BTC`,
//! Party central bodies such as `BDVTW`) are `national`. Local ones (`TU`,
//! `HU`, `UBND`, `HĐND`, `SNN`...) take the jurisdiction of the document's
//! issuing body, or of its place line when the body is missing; a citation of
//! a local document inherits the citing document's jurisdiction.

use std::fmt;

use crate::model::Document;
use crate::normalize::fold;
use crate::symbol::Symbol;

/// Where a document's numbering lives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Jurisdiction {
    /// A national issuer: one numbering for the whole country.
    National,
    /// A province or centrally-run city, as a slug (`binh-thuan`).
    Local(String),
    /// A local issuer whose province cannot be known (a headless document).
    Unknown,
}

impl Jurisdiction {
    /// The slug used in ids: `national`, `binh-thuan`, `unknown`.
    pub fn slug(&self) -> &str {
        match self {
            Jurisdiction::National => "national",
            Jurisdiction::Local(s) => s,
            Jurisdiction::Unknown => "unknown",
        }
    }

    /// `true` unless [`Jurisdiction::Unknown`].
    pub fn is_known(&self) -> bool {
        !matches!(self, Jurisdiction::Unknown)
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// The identity of a document: jurisdiction, issuer, type, year, number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    /// Where the numbering lives.
    pub jurisdiction: Jurisdiction,
    /// Issuer slug: the symbol's issuer codes, folded (`tu`, `btc-bnnptnt`).
    pub issuer: String,
    /// Type slug: the symbol's type code folded (`cv`, `nd`, `qd`); a state
    /// công văn without type code is `cv`; unknown is `vb`.
    pub doc_type: String,
    /// The year (from the date, else the symbol), when known.
    pub year: Option<u16>,
    /// The number.
    pub number: u32,
}

impl Identity {
    /// The readable id (`vn/binh-thuan/tu/cv/2023/698`).
    pub fn id(&self) -> String {
        self.to_string()
    }

    /// Write the id into `out` (cleared first), without allocating when `out`
    /// has room.
    pub fn write_id(&self, out: &mut String) {
        use std::fmt::Write;
        out.clear();
        let _ = write!(out, "{self}");
    }

    /// `true` when jurisdiction and year are both known.
    pub fn is_complete(&self) -> bool {
        self.jurisdiction.is_known() && self.year.is_some()
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "vn/{}/{}/{}/", self.jurisdiction, self.issuer, self.doc_type)?;
        match self.year {
            Some(y) => write!(f, "{y}/")?,
            None => f.write_str("unknown-year/")?,
        }
        write!(f, "{}", self.number)
    }
}

/// The jurisdiction slug an id names (`binh-thuan` in
/// `vn/binh-thuan/tu/cv/2023/698`), as [`Identity`]'s `Display` writes it.
pub(crate) fn jurisdiction_of_id(id: &str) -> Option<&str> {
    id.strip_prefix("vn/")?.split('/').next()
}

/// Fold a code to an id slug: lower case ASCII, `đ` → `d`, runs of other
/// characters as one `-`.
pub fn slug(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut dash = false;
    for c in code.chars() {
        let f = crate::normalize::fold_char(c);
        if f.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(f);
        } else if f != '\u{0}' {
            dash = true;
        }
    }
    out
}

/// The jurisdiction slug a user means: a slug as it is (`binh-thuan`,
/// `national`), a province's name in any case or spelling (`Bình Thuận`,
/// `Tỉnh Bình Thuận`, `BINH THUAN`, `TP. Hồ Chí Minh`) as its slug, `Trung
/// ương` as `national`; any other name folded as [`slug`] folds it.
///
/// ```
/// use vanban::resolve::jurisdiction_slug;
/// assert_eq!(jurisdiction_slug("Bình Thuận"), "binh-thuan");
/// assert_eq!(jurisdiction_slug("binh-thuan"), "binh-thuan");
/// assert_eq!(jurisdiction_slug("TP. Hồ Chí Minh"), jurisdiction_slug("ho-chi-minh"));
/// ```
pub fn jurisdiction_slug(name: &str) -> String {
    let name = name.trim();
    if !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return name.to_string();
    }
    let folded = slug(name);
    if folded == "trung-uong" {
        return "national".to_string();
    }
    province_in(name).unwrap_or(folded)
}

/// Issuer codes whose numbering is national.
const NATIONAL: &[&str] = &[
    "TW",
    "CP",
    "TTG",
    "CTN",
    "HĐBT",
    "VPCP",
    "VPQH",
    "VPCTN",
    "VPTW",
    "QUTW",
    "ĐUCA",
    "HĐTP",
    "TANDTC",
    "VKSNDTC",
    "KTNN",
    "NHNN",
    "TTCP",
    "UBDT",
    "BTC",
    "BNV",
    "BCA",
    "BYT",
    "BXD",
    "BCT",
    "BNNPTNT",
    "BNNMT",
    "BTNMT",
    "BKHĐT",
    "BGDĐT",
    "BLĐTBXH",
    "BTP",
    "BQP",
    "BNG",
    "BTTTT",
    "BVHTTDL",
    "BKHCN",
    "BGTVT",
    "BDTTG",
    "TCT",
    "TCHQ",
    "TCTK",
    "BHXH",
    "ĐCTUBTWMTTQVN",
    "MTTW",
    "TLĐ",
    "UBTWMTTQVN",
];

/// Is an issuer code national? (`QH13`, `UBTVQH14`, Party central bodies
/// ending in `TW`, ministries.)
pub fn is_national_issuer(code: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let national = SET.get_or_init(|| NATIONAL.iter().copied().collect());
    if national.contains(code) {
        return true;
    }
    // Codes are nearly always printed in capitals: no copy then.
    let up: std::borrow::Cow<'_, str> = if code.bytes().any(|b| b.is_ascii_lowercase() || !b.is_ascii()) {
        code.chars().flat_map(char::to_uppercase).collect::<String>().into()
    } else {
        code.into()
    };
    national.contains(up.as_ref())
        || up.starts_with("QH")
        || up.starts_with("UBTVQH")
        || (up.ends_with("TW") && up.len() > 2)
}

/// Provinces and centrally-run cities (63 before 2025, and the names kept
/// after the 2025 merger), folded, with their slug.
const PROVINCES: &[(&str, &str)] = &[
    ("an giang", "an-giang"),
    ("ba ria vung tau", "ba-ria-vung-tau"),
    ("ba ria - vung tau", "ba-ria-vung-tau"),
    ("bac giang", "bac-giang"),
    ("bac kan", "bac-kan"),
    ("bac can", "bac-kan"),
    ("bac lieu", "bac-lieu"),
    ("bac ninh", "bac-ninh"),
    ("ben tre", "ben-tre"),
    ("binh dinh", "binh-dinh"),
    ("binh duong", "binh-duong"),
    ("binh phuoc", "binh-phuoc"),
    ("binh thuan", "binh-thuan"),
    ("ca mau", "ca-mau"),
    ("can tho", "can-tho"),
    ("cao bang", "cao-bang"),
    ("da nang", "da-nang"),
    ("dak lak", "dak-lak"),
    ("dac lac", "dak-lak"),
    ("daklak", "dak-lak"),
    ("dak nong", "dak-nong"),
    ("dien bien", "dien-bien"),
    ("dong nai", "dong-nai"),
    ("dong thap", "dong-thap"),
    ("gia lai", "gia-lai"),
    ("ha giang", "ha-giang"),
    ("ha nam", "ha-nam"),
    ("ha noi", "ha-noi"),
    ("ha tinh", "ha-tinh"),
    ("hai duong", "hai-duong"),
    ("hai phong", "hai-phong"),
    ("hau giang", "hau-giang"),
    ("hoa binh", "hoa-binh"),
    ("hung yen", "hung-yen"),
    ("khanh hoa", "khanh-hoa"),
    ("kien giang", "kien-giang"),
    ("kon tum", "kon-tum"),
    ("lai chau", "lai-chau"),
    ("lam dong", "lam-dong"),
    ("lang son", "lang-son"),
    ("lao cai", "lao-cai"),
    ("long an", "long-an"),
    ("nam dinh", "nam-dinh"),
    ("nghe an", "nghe-an"),
    ("ninh binh", "ninh-binh"),
    ("ninh thuan", "ninh-thuan"),
    ("phu tho", "phu-tho"),
    ("phu yen", "phu-yen"),
    ("quang binh", "quang-binh"),
    ("quang nam", "quang-nam"),
    ("quang ngai", "quang-ngai"),
    ("quang ninh", "quang-ninh"),
    ("quang tri", "quang-tri"),
    ("soc trang", "soc-trang"),
    ("son la", "son-la"),
    ("tay ninh", "tay-ninh"),
    ("thai binh", "thai-binh"),
    ("thai nguyen", "thai-nguyen"),
    ("thanh hoa", "thanh-hoa"),
    ("thua thien hue", "hue"),
    ("thua thien - hue", "hue"),
    ("thanh pho hue", "hue"),
    ("tien giang", "tien-giang"),
    ("ho chi minh", "ho-chi-minh"),
    ("tp hcm", "ho-chi-minh"),
    ("tphcm", "ho-chi-minh"),
    ("tra vinh", "tra-vinh"),
    ("tuyen quang", "tuyen-quang"),
    ("vinh long", "vinh-long"),
    ("vinh phuc", "vinh-phuc"),
    ("yen bai", "yen-bai"),
];

/// Provincial capitals met as place names, with their province.
const CAPITALS: &[(&str, &str)] = &[
    ("phan thiet", "binh-thuan"),
    ("rach gia", "kien-giang"),
    ("thu dau mot", "binh-duong"),
    ("buon ma thuot", "dak-lak"),
    ("quy nhon", "binh-dinh"),
    ("nha trang", "khanh-hoa"),
    ("vinh", "nghe-an"),
    ("da lat", "lam-dong"),
    ("bien hoa", "dong-nai"),
    ("my tho", "tien-giang"),
    ("long xuyen", "an-giang"),
    ("cao lanh", "dong-thap"),
    ("tam ky", "quang-nam"),
    ("dong hoi", "quang-binh"),
    ("dong ha", "quang-tri"),
    ("ha long", "quang-ninh"),
    ("viet tri", "phu-tho"),
    ("pleiku", "gia-lai"),
    ("tuy hoa", "phu-yen"),
    ("phan rang - thap cham", "ninh-thuan"),
    ("phan rang", "ninh-thuan"),
];

/// [`PROVINCES`] by folded name, built once.
static PROVINCE_INDEX: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| PROVINCES.iter().map(|(n, s)| (*n, *s)).collect());

/// Find a province name in a text (folded, whole words): the first one met.
/// Looks up each run of one to five words, so the cost is linear in the text.
pub fn province_in(text: &str) -> Option<String> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '(' | ')' | ':' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut buf = String::new();
    for i in 0..words.len() {
        // Longest first: "thua thien hue" before "hue".
        for len in (1..=5.min(words.len() - i)).rev() {
            buf.clear();
            for (k, w) in words[i..i + len].iter().enumerate() {
                if k > 0 {
                    buf.push(' ');
                }
                buf.push_str(w);
            }
            if let Some(s) = PROVINCE_INDEX.get(buf.as_str()) {
                return Some(s.to_string());
            }
        }
    }
    None
}

fn capital_in(text: &str) -> Option<String> {
    let f = crate::text::fold_ws(&fold(text).replace([',', '.'], " "));
    let f = ["thanh pho ", "tp ", "thi xa "]
        .iter()
        .find_map(|p| f.strip_prefix(p))
        .unwrap_or(&f);
    CAPITALS.iter().find(|(name, _)| f == *name).map(|(_, s)| s.to_string())
}

/// The jurisdiction of a document's own local issuers: from its issuing body,
/// its parent body, then its place line. `None` when nothing tells.
pub fn document_jurisdiction(doc: &Document) -> Option<String> {
    let from_body = [doc.issuer.as_deref(), doc.issuer_parent.as_deref()]
        .into_iter()
        .flatten()
        .find_map(province_in);
    from_body.or_else(|| {
        doc.place
            .as_deref()
            .and_then(|p| province_in(p).or_else(|| capital_in(p)))
    })
}

/// The type slug of a symbol.
pub fn type_slug(symbol: &Symbol, fallback_type_name: Option<&str>) -> String {
    if let Some(t) = symbol.type_code() {
        return slug(t);
    }
    if symbol.unit().is_some() || symbol.type_name() == Some("Công văn") {
        return "cv".to_string();
    }
    match fallback_type_name.map(fold).as_deref() {
        Some("luat") | Some("bo luat") => "l".to_string(),
        Some("nghi quyet") => "nq".to_string(),
        Some("phap lenh") => "pl".to_string(),
        _ => "vb".to_string(),
    }
}

/// The identity a symbol has when it appears in (or is cited by) a document of
/// jurisdiction `home` (`None`: unknown), with `year` from its date (the
/// year printed in the symbol, if any, wins).
///
/// `None` when the symbol has no number (a blank `/SNN-VP`) or no issuer.
pub fn identity_of(
    symbol: &Symbol,
    type_name: Option<&str>,
    year: Option<u16>,
    home: Option<&str>,
) -> Option<Identity> {
    let number = symbol.number()?;
    let first = symbol.issuers().first()?;
    let national = symbol.issuers().iter().all(|i| is_national_issuer(i))
        || (is_national_issuer(first) && symbol.type_code().is_some());
    let jurisdiction = if national {
        Jurisdiction::National
    } else {
        match home {
            Some(h) => Jurisdiction::Local(h.to_string()),
            None => Jurisdiction::Unknown,
        }
    };
    Some(Identity {
        jurisdiction,
        issuer: slug(&symbol.issuers().join("-")),
        doc_type: type_slug(symbol, type_name),
        // The year in the number is the year of issue (numbering restarts
        // each year): it wins over a date printed beside it.
        year: symbol.year().or(year),
        number,
    })
}

/// The identity of a parsed document, when its symbol has a number.
pub fn document_identity(doc: &Document) -> Option<Identity> {
    document_identity_in(doc, document_jurisdiction(doc).as_deref())
}

/// [`document_identity`] with the document's jurisdiction already known.
pub fn document_identity_in(doc: &Document, home: Option<&str>) -> Option<Identity> {
    let sym = doc.symbol.as_ref()?;
    identity_of(
        sym,
        doc.doc_type.as_deref(),
        doc.date.map(|d| d.year()).or(doc.year),
        home,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(s: &str) -> Symbol {
        s.parse().unwrap()
    }

    #[test]
    fn ok_ids() {
        let id = identity_of(&sym("698-CV/TU"), None, Some(2023), Some("binh-thuan")).unwrap();
        assert_eq!(id.id(), "vn/binh-thuan/tu/cv/2023/698");
        let id = identity_of(&sym("217-QĐ/TW"), None, Some(2013), Some("binh-thuan")).unwrap();
        assert_eq!(id.id(), "vn/national/tw/qd/2013/217");
        let id = identity_of(&sym("30/2020/NĐ-CP"), None, None, None).unwrap();
        assert_eq!(id.id(), "vn/national/cp/nd/2020/30");
        // The year in the number wins over a date of another year beside it.
        let id = identity_of(&sym("44/2018/NĐ-CP"), None, Some(2029), None).unwrap();
        assert_eq!(id.id(), "vn/national/cp/nd/2018/44");
        let id = identity_of(&sym("3870/SNN-VP"), None, Some(2021), Some("binh-thuan")).unwrap();
        assert_eq!(id.id(), "vn/binh-thuan/snn/cv/2021/3870");
        // The id names its jurisdiction.
        assert_eq!(jurisdiction_of_id(&id.id()), Some("binh-thuan"));
        assert_eq!(jurisdiction_of_id("doc/003_138bcd"), None);
        let id = identity_of(&sym("16/CT-TTg"), None, Some(2016), None).unwrap();
        assert_eq!(id.id(), "vn/national/ttg/ct/2016/16");
        let id = identity_of(&sym("921-CV/TU"), None, Some(2015), None).unwrap();
        assert_eq!(id.id(), "vn/unknown/tu/cv/2015/921");
        assert!(!id.is_complete());
        let id = identity_of(&sym("91/2015/QH13"), Some("Bộ luật"), None, None).unwrap();
        assert_eq!(id.id(), "vn/national/qh13/l/2015/91");
        assert!(identity_of(&sym("/SNN-VP"), None, Some(2023), None).is_none());
    }

    #[test]
    fn ok_provinces() {
        assert_eq!(province_in("TỈNH ỦY BÌNH THUẬN").as_deref(), Some("binh-thuan"));
        assert_eq!(province_in("TỈNH UỶ KIÊN GIANG").as_deref(), Some("kien-giang"));
        assert_eq!(province_in("UBND TỈNH BÌNH THUẬN").as_deref(), Some("binh-thuan"));
        assert_eq!(province_in("Thành phố Hồ Chí Minh").as_deref(), Some("ho-chi-minh"));
        assert_eq!(province_in("SỞ NÔNG NGHIỆP VÀ PTNT"), None);
        assert_eq!(capital_in("Rạch Giá").as_deref(), Some("kien-giang"));
        assert_eq!(capital_in("Vinh Long"), None);
    }

    #[test]
    fn ok_national_codes() {
        // As printed, in lower case, with `Đ`, and `Đ` in lower case.
        for c in [
            "TW", "CP", "TTg", "QH13", "UBTVQH14", "BDVTW", "BTC", "VPCP", "btc", "BKHĐT", "hđbt", "qh15",
        ] {
            assert!(is_national_issuer(c), "{c}");
        }
        for c in [
            "TU", "HU", "UBND", "HĐND", "SNN", "BDVTU", "ĐU", "BCĐ", "snn", "hđnd", "T",
        ] {
            assert!(!is_national_issuer(c), "{c}");
        }
    }
}
