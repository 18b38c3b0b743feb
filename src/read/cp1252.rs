//! Windows-1252, the code page of Western Word files, RTF and PDF simple
//! fonts (its 0x80–0x9F differ from Latin-1's control characters).

/// Windows-1252's 0x80–0x9F (the rest of its upper half is Latin-1; the
/// five undefined bytes read as their C1 controls).
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// One byte as Windows-1252.
pub(crate) fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => C1[(b - 0x80) as usize],
        _ => b as char,
    }
}
