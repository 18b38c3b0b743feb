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
/// Called for codes of every symbol read: a code of ASCII letters and
/// digits and `Đ` is looked up by its upper case in [`KNOWN_INDEX`] (the
/// type codes and the issuer tables together: for such a code,
/// [`canonical_type`] finds a type exactly when its upper case is a type
/// code's), any other code as before: [`canonical_type`], then the issuer
/// tables compared letter by letter.
pub(crate) fn is_known_code(code: &str) -> bool {
    const TABLES: [&[&str]; 3] = [PARTY_ISSUERS, MASS_ORG_ISSUERS, STATE_ISSUERS];
    match upper_key(code) {
        Some(key) => KNOWN_INDEX.contains(key),
        None if canonical_type(code).is_some() => true,
        None if code.len() > UPPER_KEY_MAX => false,
        None => TABLES.iter().any(|t| t.iter().any(|k| eq_upper(k, code))),
    }
}

/// The longest code [`upper_key`] keys, in bytes.
pub(super) const UPPER_KEY_MAX: usize = 16;

/// The upper case of a code of ASCII letters and digits, `&` and `Đ`/`đ`,
/// its bytes packed in a number from the low end (none for other
/// characters, or a code longer than [`UPPER_KEY_MAX`]). No byte of a key
/// is zero, so codes of different lengths have different keys.
pub(super) const fn upper_key(code: &str) -> Option<u128> {
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
            0xC4 if k + 1 < bytes.len() && matches!(bytes[k + 1], 0x90 | 0x91) => {
                key[k] = 0xC4;
                key[k + 1] = 0x90;
                k += 1;
            }
            _ => return None,
        }
        k += 1;
    }
    Some(u128::from_le_bytes(key))
}

/// A set of [`upper_key`]s looked up without comparing against each
/// entry: a perfect hash, built when the crate is compiled. Each key has a
/// slot of its own (`slots[hash(key)]` holds its place in `keys`, plus
/// one; zero for none), so a look-up is one hash and one comparison.
pub(super) struct KeyIndex<const K: usize, const N: usize> {
    keys: [u128; K],
    /// The multiplier that puts every key in a slot of its own.
    mul: u64,
    slots: [u8; N],
}

impl<const K: usize, const N: usize> KeyIndex<K, N> {
    /// The slot of `key`, for a multiplier `mul`.
    const fn slot(key: u128, mul: u64) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(mul) >> (64 - N.trailing_zeros())) as usize
    }

    /// The index of the `len` first `keys` (distinct; `N` a power of two):
    /// multipliers are tried until none shares a slot (a compile error if
    /// none of many does).
    const fn build(keys: [u128; K], len: usize) -> Self {
        assert!(N.is_power_of_two() && len < 256 && len <= K);
        let mut mul: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut tries = 0;
        while tries < 100_000 {
            let mut slots = [0u8; N];
            let mut k = 0;
            while k < len {
                let s = Self::slot(keys[k], mul);
                if slots[s] != 0 {
                    break;
                }
                slots[s] = k as u8 + 1;
                k += 1;
            }
            if k == len {
                return KeyIndex { keys, mul, slots };
            }
            mul = mul.wrapping_add(0x6A09_E667_F3BC_C909) | 1;
            tries += 1;
        }
        panic!("no perfect hash found");
    }

    /// The place of `key` in the keys, if it is one of them.
    fn get(&self, key: u128) -> Option<usize> {
        let k = self.slots[Self::slot(key, self.mul)] as usize;
        (k != 0 && self.keys[k - 1] == key).then(|| k - 1)
    }

    fn contains(&self, key: u128) -> bool {
        self.get(key).is_some()
    }
}

/// The keys of `tables`' codes, each once, and how many there are.
const fn table_keys<const K: usize>(tables: &[&[&str]]) -> ([u128; K], usize) {
    let mut keys = [0u128; K];
    let mut len = 0;
    let mut t = 0;
    while t < tables.len() {
        let mut k = 0;
        while k < tables[t].len() {
            let Some(key) = upper_key(tables[t][k]) else {
                panic!("a code of the tables that upper_key does not key");
            };
            let mut seen = false;
            let mut j = 0;
            while j < len {
                seen |= keys[j] == key;
                j += 1;
            }
            if !seen {
                keys[len] = key;
                len += 1;
            }
            k += 1;
        }
        t += 1;
    }
    (keys, len)
}

/// [`TYPES`]' codes, in order.
pub(super) const TYPE_CODES: [&str; TYPES.len()] = {
    let mut out = [""; TYPES.len()];
    let mut k = 0;
    while k < TYPES.len() {
        out[k] = TYPES[k].0;
        k += 1;
    }
    out
};

/// [`TYPES`]' codes by their upper case (the place of a key is the entry's
/// place in [`TYPES`]: no two entries share an upper case).
pub(super) static TYPE_INDEX: KeyIndex<{ TYPES.len() }, 256> = {
    let (keys, len) = table_keys::<{ TYPES.len() }>(&[&TYPE_CODES]);
    assert!(len == TYPES.len());
    KeyIndex::build(keys, len)
};

/// The codes [`is_known_code`] knows: type codes and the issuer tables.
pub(super) static KNOWN_INDEX: KeyIndex<256, 4096> = {
    let (keys, len) = table_keys::<256>(&[&TYPE_CODES, PARTY_ISSUERS, MASS_ORG_ISSUERS, STATE_ISSUERS]);
    KeyIndex::build(keys, len)
};

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
/// letters and digits and `Đ`) are looked up by their upper case in
/// [`TYPE_INDEX`], without comparing against each entry; any other code
/// takes the letter-by-letter comparison. No two entries share an upper
/// case, so both ways give the same entry.
pub(crate) fn canonical_type(code: &str) -> Option<&'static str> {
    // The longest entry is four bytes (`TTLT`, `QĐi`).
    if code.len() > 4 {
        return None;
    }
    match upper_key(code) {
        Some(key) => TYPE_INDEX.get(key).map(|k| TYPES[k].0),
        None => canonical_type_slow(code),
    }
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
