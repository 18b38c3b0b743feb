//! Code tables: type codes, issuer codes, their canonical spellings and
//! names.

/// Type codes: (canonical spelling, state name, Party name).
pub(super) const TYPES: &[(&str, &str, &str)] = &[
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
pub(super) const MIXED_CASE: &[&str] = &["TTg", "ThU"];

/// Every official mixed-case token (type and issuer codes): a code that
/// starts with one of them may have text glued after it (`TTgngày`).
pub(super) const MIXED_TOKENS: &[&str] = &["TTg", "CTr", "QyĐ", "QĐi", "TTr", "ThU"];

/// Codes of the mass organisations, from their numbering rules (their
/// symbols take the Party shape, `117-QĐ/TWĐTN`): Đoàn TNCS Hồ Chí Minh
/// (Trung ương Đoàn `TWĐTN`, tỉnh đoàn `TĐTN`, huyện đoàn `HĐTN`, đoàn cơ
/// sở `ĐTN`), Mặt trận Tổ quốc (`MTTW` and the Ban Thường trực `BTT` of
/// the central committee, `MTTQ` below it), Hội Liên hiệp Phụ nữ (Đoàn Chủ
/// tịch `ĐCT`, `HLHPN`, `HPN`), Hội Nông dân (`HNDTW`, `HND`), Hội Cựu chiến
/// binh (`CCB`, `HCCB`), Công đoàn (Tổng Liên đoàn `TLĐ`, liên đoàn lao
/// động `LĐLĐ`, công đoàn ngành `CĐN`).
pub(super) const MASS_ORG_ISSUERS: &[&str] = &[
    "TWĐTN", "TĐTN", "HĐTN", "ĐTN", "MTTW", "BTT", "MTTQ", "UBMTTQ", "ĐCT", "HLHPN", "HPN", "HNDTW", "HND", "CCB",
    "HCCB", "TLĐ", "LĐLĐ", "CĐN",
];

/// State issuer codes met often enough to cut glued text back to them
/// (`QĐUBND` is `QĐ` and `UBND`; `TWBan` is `TW` and `Ban`).
pub(super) const STATE_ISSUERS: &[&str] = &[
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
pub(super) const UPPER_KEY_MAX: usize = 16;

/// A code's upper case as bytes, zero-padded.
pub(super) type UpperKey = [u8; UPPER_KEY_MAX];

/// The upper case of a code of ASCII letters and digits and `Đ`/`đ` (none
/// for other letters, or a code longer than [`UPPER_KEY_MAX`]).
pub(super) fn upper_key(code: &str) -> Option<UpperKey> {
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
pub(super) const PARTY_ISSUERS: &[&str] = &[
    "TW", "TU", "HU", "QU", "ThU", "ĐU", "ĐUK", "CB", "QUTW", "ĐUCA", "BTCTW", "BTGTW", "BDVTW", "VPTW", "UBKTTW",
    "BTCTU", "BTGTU", "BDVTU", "VPTU", "UBKTTU", "BTCHU", "BTGHU", "VPHU", "BDVHU", "UBKTHU", "ĐĐ", "BCSĐ", "BNCTU",
    "BNCTW", "BKTTW", "BTGDVTW", "BTGDVTU", "ĐH",
];

/// Upper case, letter by letter; a letter whose upper case is not one letter
/// (`ß`, Greek `ῤ` → `Ρ̓`) is kept, so that the canonical text reads back.
pub(super) fn upper(code: &str) -> String {
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
pub(super) fn eq_upper(a: &str, b: &str) -> bool {
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
pub(super) fn type_table() -> &'static rustc_hash::FxHashMap<Vec<u8>, &'static str> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<Vec<u8>, &'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| TYPES.iter().map(|t| (upper(t.0).into_bytes(), t.0)).collect())
}

/// [`canonical_type`] by comparing with each entry: exact spelling first,
/// then any case.
pub(super) fn canonical_type_slow(code: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .map(|t| t.0)
        .find(|t| *t == code)
        .or_else(|| TYPES.iter().map(|t| t.0).find(|t| eq_upper(t, code)))
}

pub(super) fn type_name(code: &str, party: bool) -> Option<&'static str> {
    TYPES
        .iter()
        .find(|t| t.0 == code)
        .map(|t| if party { t.2 } else { t.1 })
}

pub(super) fn is_party_issuer(code: &str) -> bool {
    PARTY_ISSUERS.contains(&code)
}

pub(super) fn canonical_issuer(code: &str) -> String {
    if let Some(m) = MIXED_CASE.iter().find(|m| eq_upper(m, code)) {
        return m.to_string();
    }
    if code.chars().all(|c| !c.is_lowercase()) {
        return code.to_string();
    }
    upper(code)
}
