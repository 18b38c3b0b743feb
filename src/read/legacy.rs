//! Legacy Vietnamese encodings: Windows-1258 (through encoding_rs), TCVN3
//! (ABC) and VNI by table; detection by byte statistics confirmed by the
//! Vietnamese the decoding gives; TCVN3 runs inside Unicode text repaired
//! run by run.

use unicode_normalization::UnicodeNormalization;

use super::viet;
use super::TextEncoding;

/// TCVN3 (ABC) bytes 0xA0–0xFF. They agree with TCVN 5712:1993 VN1 there
/// (the standard's table, `glibc_iconv_byte_to_unicode.tsv`); the upper-case
/// toned letters VN1 adds at 0x01–0x17 and 0x80–0x9F are not TCVN3 (its
/// documents set the lower-case byte in an upper-case font, `.VnTimeH`), so
/// bytes below 0xA0 read as Windows-1252.
const TCVN3_HIGH: [char; 96] = [
    '\u{A0}', '\u{102}', '\u{C2}', '\u{CA}', '\u{D4}', '\u{1A0}', '\u{1AF}', '\u{110}', '\u{103}', '\u{E2}', '\u{EA}',
    '\u{F4}', '\u{1A1}', '\u{1B0}', '\u{111}', '\u{1EB0}', '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}',
    '\u{E0}', '\u{1EA3}', '\u{E3}', '\u{E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}',
    '\u{1EB4}', '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}', '\u{1EA7}',
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{E8}', '\u{1EC2}', '\u{1EBB}', '\u{1EBD}', '\u{E9}', '\u{1EB9}',
    '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}', '\u{EC}', '\u{1EC9}', '\u{1EC4}', '\u{1EBE}',
    '\u{1ED2}', '\u{129}', '\u{ED}', '\u{1ECB}', '\u{F2}', '\u{1ED4}', '\u{1ECF}', '\u{F5}', '\u{F3}', '\u{1ECD}',
    '\u{1ED3}', '\u{1ED5}', '\u{1ED7}', '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}',
    '\u{1EE3}', '\u{F9}', '\u{1ED6}', '\u{1EE7}', '\u{169}', '\u{FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}', '\u{1EEF}',
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{FD}', '\u{1EF5}', '\u{1ED0}',
];

pub(crate) use super::cp1252::cp1252;

/// One byte as TCVN3.
pub(crate) fn tcvn3(b: u8) -> char {
    if b >= 0xA0 {
        TCVN3_HIGH[(b - 0xA0) as usize]
    } else {
        cp1252(b)
    }
}

/// Upper case for text set in an upper-case TCVN3 font (`.VnTimeH`): its
/// lower-case letters are shown as capitals.
pub(crate) fn upper(s: &str) -> String {
    s.chars().flat_map(char::to_uppercase).collect()
}

/// A VNI modifier byte after a vowel: the combining marks it adds (vowel
/// quality, then tone).
fn vni_modifier(b: u8) -> Option<&'static str> {
    Some(match b {
        // Tones alone.
        0xF9 | 0xD9 => "\u{301}",
        0xF8 | 0xD8 => "\u{300}",
        0xFB | 0xDB => "\u{309}",
        0xF5 | 0xD5 => "\u{303}",
        0xEF | 0xCF => "\u{323}",
        // Circumflex, alone and with a tone (a, e, o).
        0xE2 | 0xC2 => "\u{302}",
        0xE1 | 0xC1 => "\u{302}\u{301}",
        0xE0 | 0xC0 => "\u{302}\u{300}",
        0xE5 | 0xC5 => "\u{302}\u{309}",
        0xE3 | 0xC3 => "\u{302}\u{303}",
        0xE4 | 0xC4 => "\u{302}\u{323}",
        // Breve, alone and with a tone (a).
        0xEA | 0xCA => "\u{306}",
        0xE9 | 0xC9 => "\u{306}\u{301}",
        0xE8 | 0xC8 => "\u{306}\u{300}",
        0xFA | 0xDA => "\u{306}\u{309}",
        0xFC | 0xDC => "\u{306}\u{303}",
        0xEB | 0xCB => "\u{306}\u{323}",
        _ => return None,
    })
}

/// VNI single bytes that are letters of their own (`ô` is ơ, `ö` is ư,
/// `Ñ` is Đ; accented i and y, and ỵ, are single bytes too).
fn vni_single(b: u8) -> char {
    match b {
        0xF4 => 'ơ',
        0xD4 => 'Ơ',
        0xF6 => 'ư',
        0xD6 => 'Ư',
        0xD1 => 'Đ',
        0xF1 => 'đ',
        0xE6 => 'ỉ',
        0xC6 => 'Ỉ',
        0xF3 => 'ĩ',
        0xD3 => 'Ĩ',
        0xF2 => 'ị',
        0xD2 => 'Ị',
        0xEE => 'ỵ',
        0xCE => 'Ỵ',
        _ => cp1252(b),
    }
}

/// Decode VNI: a modifier byte after a vowel (`aù` = á, `oä` = ộ, `öù` =
/// ứ) adds its marks; `ô` and `ö` are ơ and ư (after an `o` or `u` too, as
/// some converters write them: `oô` = ơ); anything else is a letter of its
/// own.
pub(crate) fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    // The last output character was a vowel open to modifiers.
    let mut open = false;
    for &b in bytes {
        if open {
            if let Some(marks) = vni_modifier(b) {
                out.push_str(marks);
                continue;
            }
        }
        let c = vni_single(b);
        if matches!(c, 'ơ' | 'Ơ' | 'ư' | 'Ư') && out.ends_with(['o', 'O', 'u', 'U']) {
            out.pop();
        }
        open = matches!(
            c.to_ascii_lowercase(),
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư' | 'Ơ' | 'Ư'
        );
        out.push(c);
    }
    out.nfc().collect()
}

/// Decode bytes in a legacy encoding (NFC after), or UTF-16.
pub(crate) fn decode(bytes: &[u8], enc: TextEncoding) -> String {
    match enc {
        TextEncoding::Tcvn3 => {
            let s: String = bytes.iter().map(|&b| tcvn3(b)).collect();
            s.nfc().collect()
        }
        TextEncoding::Vni => decode_vni(bytes),
        TextEncoding::Windows1258 => {
            let (s, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            s.nfc().collect()
        }
        TextEncoding::Windows1252 => bytes.iter().map(|&b| cp1252(b)).collect(),
        TextEncoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => super::text::decode_utf16(bytes, enc),
    }
}

/// How Vietnamese a decoding reads: (syllables among the words that have a
/// non-ASCII letter, such words).
fn vietnamese_score(text: &str) -> (usize, usize) {
    let mut good = 0;
    let mut all = 0;
    for w in viet::words(text) {
        if w.is_ascii() || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        all += 1;
        let ok = w
            .split(['-', '.', '/'])
            .filter(|p| p.chars().any(char::is_alphabetic))
            .all(|p| viet::is_syllable(p.trim_matches(|c: char| !c.is_alphabetic())));
        good += ok as usize;
    }
    (good, all)
}

/// The legacy encoding of bytes that are not UTF-8: each candidate decoded,
/// the one with the most non-ASCII words that are Vietnamese syllables (less
/// those that are not) kept if
/// at least three quarters of them are (and at least three, or all of a
/// short text). `None`: no candidate reads as Vietnamese.
pub(crate) fn detect(bytes: &[u8]) -> Option<(TextEncoding, String)> {
    let mut best: Option<(TextEncoding, String, usize, usize)> = None;
    for enc in [TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Windows1258] {
        let text = decode(bytes, enc);
        let (good, all) = vietnamese_score(&text);
        // Words that read as Vietnamese, less those that do not.
        let score = |good: usize, all: usize| good as i64 - (all - good) as i64;
        if best.as_ref().is_none_or(|b| score(good, all) > score(b.2, b.3)) {
            best = Some((enc, text, good, all));
        }
    }
    let (enc, text, good, all) = best?;
    (all > 0 && good * 4 >= all * 3 && (good >= 3 || good == all)).then_some((enc, text))
}

/// Characters that TCVN3 bytes become when read as Latin-1 / Windows-1252
/// and that Vietnamese Unicode text never holds (`µ` for `à`, `®` for `đ`,
/// `¬` for `ơ`, `Ò` for `ề`...): a word holding one is a TCVN3 run.
fn is_tcvn3_mark(c: char) -> bool {
    let b = c as u32;
    (0xA1..=0xFF).contains(&b)
        && !matches!(
            c,
            'à' | 'á' | 'â' | 'ã' | 'è' | 'é' | 'ê' | 'ì' | 'í' | 'ò' | 'ó' | 'ô' | 'õ' | 'ù' | 'ú' | 'ý' | 'À' | 'Á'
                | 'Â' | 'Ã' | 'È' | 'É' | 'Ê' | 'Ì' | 'Í' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ù' | 'Ú' | 'Ý'
                // Signs that real text uses.
                | '§' | '«' | '»' | '°' | '±' | '×' | '÷' | '·' | '©'
        )
        || c == '\u{AD}'
}

/// Does `s` hold a character TCVN3 bytes shown as Latin-1 become and
/// Vietnamese Unicode never uses (see [`repair_tcvn3_runs`])?
#[cfg_attr(not(feature = "legacy"), allow(dead_code))]
pub(crate) fn has_tcvn3_mark(s: &str) -> bool {
    s.chars().any(is_tcvn3_mark)
}

/// Latin-1 characters a TCVN3 run may hold (marks and Vietnamese-looking
/// letters alike): a word of only ASCII and these can be decoded.
fn is_latin1_high(c: char) -> bool {
    ('\u{A0}'..='\u{FF}').contains(&c)
}

/// Repair TCVN3 runs shown as Latin-1 inside Unicode text (`ngµy 25/10/2010
/// cña Bé Lao ®éng` → `ngày 25/10/2010 của Bộ Lao động`), run by run: a run
/// is a stretch of words on one line of ASCII and Latin-1 letters that holds
/// at least one TCVN3 mark (a character Vietnamese Unicode never uses); it is
/// decoded when its words then read as Vietnamese syllables. Words with
/// Vietnamese letters beyond Latin-1 (`ộ`, `đ`) are Unicode and end a run.
/// Returns the repaired text and the number of runs, or `None` when nothing
/// was changed.
pub(crate) fn repair_tcvn3_runs(text: &str) -> Option<(String, usize)> {
    if !text.chars().any(is_tcvn3_mark) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut runs = 0;
    for line in text.split_inclusive('\n') {
        if !line.chars().any(is_tcvn3_mark) {
            out.push_str(line);
            continue;
        }
        runs += repair_line(line, &mut out);
    }
    (runs > 0).then_some((out, runs))
}

/// Repair one line (see [`repair_tcvn3_runs`]); the number of runs decoded.
fn repair_line(line: &str, out: &mut String) -> usize {
    // Tokens: words and the separators between them, kept as printed.
    let mut tokens: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices() {
        let w = !c.is_whitespace();
        if i > 0 && w != in_word {
            tokens.push((&line[start..i], in_word));
            start = i;
        }
        in_word = w;
    }
    tokens.push((&line[start..], in_word));
    let decodable = |w: &str| w.chars().all(|c| c.is_ascii() || is_latin1_high(c));
    let marked = |w: &str| w.chars().any(is_tcvn3_mark);
    let mut runs = 0;
    let mut i = 0;
    while i < tokens.len() {
        let (t, is_word) = tokens[i];
        if !is_word || !decodable(t) {
            out.push_str(t);
            i += 1;
            continue;
        }
        // The run: decodable words (and the space between), from here.
        let mut j = i;
        let mut has_mark = false;
        while j < tokens.len() && (!tokens[j].1 || decodable(tokens[j].0)) {
            has_mark |= tokens[j].1 && marked(tokens[j].0);
            j += 1;
        }
        let run: String = tokens[i..j].iter().map(|t| t.0).collect();
        let decoded = has_mark.then(|| decode_latin1_as_tcvn3(&run));
        match decoded {
            Some(d) if reads_as_vietnamese(&d) => {
                out.push_str(&d);
                runs += 1;
            }
            _ => out.push_str(&run),
        }
        i = j;
    }
    runs
}

/// A Latin-1 string whose characters are TCVN3 bytes, decoded (`­` doubled
/// by converters, `ư` twice, read once).
fn decode_latin1_as_tcvn3(s: &str) -> String {
    let mut bytes = Vec::with_capacity(s.len());
    for c in s.chars() {
        let b = c as u32 as u8;
        if b == 0xAD && bytes.last() == Some(&0xAD) {
            continue;
        }
        bytes.push(b);
    }
    decode(&bytes, TextEncoding::Tcvn3)
}

fn reads_as_vietnamese(s: &str) -> bool {
    let (good, all) = vietnamese_score(s);
    all > 0 && good * 5 >= all * 4
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn tcvn3_bytes() {
        // "Cộng hòa xã hội" in TCVN3: ộ 0xE9, ò 0xDF, ã 0xB7, ộ 0xE9.
        let b = b"C\xe9ng h\xdfa x\xb7 h\xe9i \xae\xdcnh \xa7\xb8";
        assert_eq!(decode(b, TextEncoding::Tcvn3), "Cộng hòa xã hội đĩnh Đá");
    }

    #[test]
    fn vni_bytes() {
        // "Cộng hòa" = C o ä n g  h o ø a; "Đường" = Ñ ö ô ø n g ("Ñöôøng").
        let b = b"Co\xe4ng ho\xf8a \xd1\xf6\xf4\xf8ng A\xd9 nh\xe6";
        assert_eq!(decode_vni(b), "Cộng hòa Đường Á nhỉ");
        assert_eq!(
            decode_vni(b"Vie\xe4t Nam Ch\xf6\xf4ng to\xf4\xf9i"),
            "Việt Nam Chương tới"
        );
    }

    #[test]
    fn detects_each_legacy_encoding() {
        let text = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; \
                    Ủy ban nhân dân tỉnh quyết định việc thực hiện những điều này.";
        for enc in [TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Windows1258] {
            let bytes = encode(text, enc);
            let (found, decoded) = detect(&bytes).unwrap_or_else(|| panic!("{enc:?} not detected"));
            assert_eq!(found, enc);
            assert_eq!(decoded, text, "{enc:?}");
        }
        // Latin-1 French is not Vietnamese in any of them.
        let french: Vec<u8> = "Le député a été élu à Paris, où il a vécu, près de la forêt."
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert!(detect(&french).is_none());
    }

    /// Encode text in a legacy encoding by searching the decoder for the
    /// shortest bytes of each character (tests only; a character TCVN3 has
    /// no code for is written lower-case, as TCVN3 documents do).
    pub(crate) fn encode(text: &str, enc: TextEncoding) -> Vec<u8> {
        let mut table: std::collections::HashMap<String, Vec<u8>> = std::collections::HashMap::new();
        let mut add = |bytes: Vec<u8>| {
            let s = decode(&bytes, enc);
            if s.chars().count() == 1 {
                table.entry(s).or_insert(bytes);
            }
        };
        for b in 0x80..=0xFFu8 {
            add(vec![b]);
        }
        for x in 0..=0xFFu8 {
            for y in 0x80..=0xFFu8 {
                add(vec![x, y]);
            }
        }
        for x in b"aeiouyAEIOUY" {
            for y in 0x80..=0xFFu8 {
                for z in 0x80..=0xFFu8 {
                    add(vec![*x, y, z]);
                }
            }
        }
        let mut out = Vec::new();
        for c in text.chars() {
            if c.is_ascii() {
                out.push(c as u8);
            } else if let Some(b) = table.get(&c.to_string()) {
                out.extend(b);
            } else {
                let lower: String = c.to_lowercase().collect();
                out.extend(
                    table
                        .get(&lower)
                        .unwrap_or_else(|| panic!("{c} has no code in {enc:?}")),
                );
            }
        }
        out
    }

    #[test]
    fn repairs_runs_in_unicode_text() {
        let line = "ỦY BAN NHÂN DÂN Hà Nội: ngµy 25/10/2010 cña Bé Lao ®éng-Th\u{ad}\u{ad}¬ng binh vµ X· héi\n";
        let (fixed, runs) = repair_tcvn3_runs(line).unwrap();
        assert_eq!(
            fixed,
            "ỦY BAN NHÂN DÂN Hà Nội: ngày 25/10/2010 của Bộ Lao động-Thương binh và Xã hội\n"
        );
        assert_eq!(runs, 1);
        // Unicode Vietnamese with Latin-1 letters only is left alone.
        assert!(repair_tcvn3_runs("Hà Nội, ngày 25 tháng 10 năm 2010\n").is_none());
        assert!(repair_tcvn3_runs("Điều 5 § 2 «trích» 30°C\n").is_none());
    }
}
