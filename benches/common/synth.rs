//! A synthetic corpus for graph benchmarks, built from real shapes: the
//! provincial symbol shapes of `shared/corpus/symbols.jsonl` (UBND tỉnh Bình
//! Dương, 2014–2022), Party shapes (`CV/TU`, `KH/TU`, `NQ/TU`), national
//! shapes (`NĐ-CP`, `QĐ-TTg`, `CT/TW`...), the 63 provinces, and dates from
//! 2010 to 2025, with varied numbers. Deterministic (a fixed xorshift seed).
//!
//! Documents are generated one at a time (`Synth::document(i)`), so a corpus
//! of a million documents never sits in memory.

#![allow(dead_code)]

use std::path::PathBuf;

use vanban::{Citation, Document, IssueDate, Relation, Span, Symbol};

/// Province names as printed in headers.
pub const PROVINCES: &[&str] = &[
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
];

/// National shapes: `(suffix, has_year)`.
const NATIONAL: &[(&str, bool)] = &[
    ("NĐ-CP", true),
    ("QĐ-TTg", true),
    ("TT-BTC", true),
    ("TT-BCA", true),
    ("QH14", true),
    ("CT-TTg", false),
];
const PARTY_CENTRAL: &[&str] = &["NQ/TW", "CT/TW", "QĐ/TW", "KL/TW"];
const PARTY_LOCAL: &[&str] = &["CV/TU", "KH/TU", "NQ/TU", "CT/TU", "CTr/TU"];

/// Xorshift64*: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// The generator.
pub struct Synth {
    /// Provincial state shapes from the real list (`QĐ-UBND`, `UBND-VX`...),
    /// one per (type, issuer) so that identities do not collide.
    pub local_shapes: Vec<String>,
    pub citations_per_doc: usize,
    pub docs_per_province: u64,
}

impl Synth {
    /// Load the shapes from `symbols.jsonl` (or fall back to a built-in list).
    pub fn new(symbols_jsonl: Option<&std::path::Path>, docs: u64, citations_per_doc: usize) -> Synth {
        let mut shapes: Vec<String> = Vec::new();
        let mut keys = std::collections::HashSet::new();
        if let Some(text) = symbols_jsonl.and_then(|p| std::fs::read_to_string(p).ok()) {
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let Some(n) = v["number"].as_str() else { continue };
                let Ok(sym) = n.parse::<Symbol>() else { continue };
                if sym.year().is_some()
                    || sym.issuers().is_empty()
                    || sym.number().is_none()
                    || sym.style() != vanban::SymbolStyle::Slash
                {
                    continue;
                }
                // Party-style `CV-TU` rows would collide with the Party shapes below.
                if sym
                    .issuers()
                    .iter()
                    .any(|i| i.ends_with("TU") || vanban::resolve::is_national_issuer(i))
                {
                    continue;
                }
                // One shape per identity (type slug and issuers): `CV-BCĐ` and
                // a bare `BCĐ` are both công văn of the BCĐ.
                let key = (vanban::resolve::type_slug(&sym, None), sym.issuers().to_vec());
                if keys.insert(key) {
                    let s = sym.to_string();
                    shapes.push(s.split_once('/').map(|x| x.1.to_string()).unwrap_or(s));
                }
            }
        }
        if shapes.is_empty() {
            shapes = ["QĐ-UBND", "KH-UBND", "UBND-VX", "TB-UBND", "CT-UBND", "NQ-HĐND"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        }
        let per = docs.div_ceil(PROVINCES.len() as u64).max(1);
        Synth {
            local_shapes: shapes,
            citations_per_doc,
            docs_per_province: per,
        }
    }

    fn shape_count(&self) -> u64 {
        (self.local_shapes.len() + PARTY_LOCAL.len()) as u64
    }

    /// The symbol text and year of the `k`-th document of a province.
    fn local(&self, k: u64) -> (String, u16) {
        let year = 2010 + (k % 16) as u16;
        let shape = ((k / 16) % self.shape_count()) as usize;
        let number = k / (16 * self.shape_count()) + 1;
        if shape < self.local_shapes.len() {
            (format!("{number}/{}", self.local_shapes[shape]), year)
        } else {
            let p = PARTY_LOCAL[shape - self.local_shapes.len()];
            (format!("{number}-{p}"), year)
        }
    }

    fn date(rng: &mut Rng, year: u16) -> IssueDate {
        let m = 1 + rng.below(12) as u8;
        let d = 1 + rng.below(28) as u8;
        IssueDate::ymd(year, m, d).expect("valid")
    }

    fn citation(symbol: &str, date: IssueDate, relation: Relation, issuer: Option<String>) -> Citation {
        let sym: Symbol = symbol.parse().expect("generated symbols parse");
        Citation {
            doc_type: sym.type_name().map(str::to_string),
            number: sym.number(),
            symbol: Some(sym),
            date: Some(date),
            issuer,
            subject: None,
            name: None,
            relation,
            span: Span::new(0, symbol.len()),
            symbol_span: None,
            line: 1,
            in_footnote: false,
            refers_to: None,
            shared: Vec::new(),
            ..Citation::default()
        }
    }

    /// The `i`-th document and its path.
    pub fn document(&self, i: u64) -> (PathBuf, Document) {
        let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15 ^ (i + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9));
        let province = (i % PROVINCES.len() as u64) as usize;
        let k = i / PROVINCES.len() as u64;
        let name = PROVINCES[province];
        let (symbol, year) = self.local(k);
        let party = symbol.contains("/TU");
        let date = Self::date(&mut rng, year);
        let mut citations = Vec::with_capacity(self.citations_per_doc);
        let relations = [
            Relation::Implements,
            Relation::Basis,
            Relation::Mentions,
            Relation::Implements,
            Relation::Guides,
        ];
        for c in 0..self.citations_per_doc {
            let rel = relations[c % relations.len()];
            let cite = match c % 5 {
                // Earlier documents of the same province: in the corpus.
                0 | 1 if k > 0 => {
                    let k2 = rng.below(k);
                    let (s, y) = self.local(k2);
                    Self::citation(&s, Self::date(&mut rng, y), rel, None)
                }
                // National documents: shared by every province.
                0..=2 => {
                    let (shape, with_year) = NATIONAL[rng.below(NATIONAL.len() as u64) as usize];
                    let y = 2010 + rng.below(16) as u16;
                    let n = 1 + rng.below(300);
                    let s = if with_year {
                        format!("{n}/{y}/{shape}")
                    } else {
                        format!("{n}/{shape}")
                    };
                    Self::citation(&s, Self::date(&mut rng, y), rel, None)
                }
                // Central Party documents.
                3 => {
                    let shape = PARTY_CENTRAL[rng.below(PARTY_CENTRAL.len() as u64) as usize];
                    let y = 2010 + rng.below(16) as u16;
                    let n = 1 + rng.below(400);
                    Self::citation(
                        &format!("{n}-{shape}"),
                        Self::date(&mut rng, y),
                        rel,
                        Some("Bộ Chính trị".into()),
                    )
                }
                // A local document that is not in the corpus.
                _ => {
                    let (s, y) = self.local(self.docs_per_province + rng.below(1000));
                    Self::citation(&s, Self::date(&mut rng, y), rel, None)
                }
            };
            citations.push(cite);
        }
        let doc = Document {
            family: Some(if party {
                vanban::Family::Party
            } else {
                vanban::Family::State
            }),
            issuer: Some(if party {
                format!("TỈNH ỦY {}", name.to_uppercase())
            } else {
                format!("UBND TỈNH {}", name.to_uppercase())
            }),
            symbol: Some(symbol.parse().expect("generated symbols parse")),
            date: Some(date),
            year: Some(year),
            place: Some(name.to_string()),
            citations,
            ..Default::default()
        };
        (PathBuf::from(format!("synth/{province:02}/{k:06}.txt")), doc)
    }
}
