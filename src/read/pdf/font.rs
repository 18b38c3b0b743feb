//! A PDF font's codes → text and widths: its `ToUnicode` map, else its
//! encoding (WinAnsi and `/Differences` by glyph name); widths from
//! `/Widths` or a composite font's `/W`.

use std::collections::HashMap;

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};

use super::{deref, dict_get, num};

/// How a font's bytes become codes, text and widths.
pub(super) struct Font {
    /// Bytes per code (2 for a composite font with `Identity-H`).
    pub(super) code_len: usize,
    /// The `ToUnicode` map, when the font has one.
    to_unicode: Option<HashMap<u32, String>>,
    /// A simple font's encoding, for fonts without `ToUnicode`.
    simple: Option<[char; 256]>,
    /// Width of each code in thousandths of the font size.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    pub(super) fn decode(&self, bytes: &[u8], mut each: impl FnMut(u32, &str)) {
        let mut buf = [0u8; 4];
        for code_bytes in bytes.chunks(self.code_len) {
            let code = code_bytes.iter().fold(0u32, |a, b| a << 8 | *b as u32);
            if let Some(s) = self.to_unicode.as_ref().and_then(|m| m.get(&code)) {
                each(code, s);
            } else if let Some(table) = &self.simple {
                let c = table[(code & 0xFF) as usize];
                each(code, c.encode_utf8(&mut buf));
            } else if self.code_len == 1 {
                let c = crate::read::cp1252::cp1252(code as u8);
                each(code, c.encode_utf8(&mut buf));
            } else {
                each(code, "\u{FFFD}");
            }
        }
    }

    pub(super) fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }
}

/// A glyph name of a font's `/Differences` as a character: `uniXXXX`,
/// `uXXXX`, and the names of the letters and signs of Vietnamese text.
fn glyph_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if let Some(hex) = name.strip_prefix("uni").or_else(|| name.strip_prefix('u')) {
        if (4..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return u32::from_str_radix(&hex[..hex.len().min(6)], 16)
                .ok()
                .and_then(char::from_u32);
        }
    }
    if name.len() == 1 {
        return name.chars().next();
    }
    const NAMES: [(&str, char); 44] = [
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("bracketright", ']'),
        ("underscore", '_'),
        ("quoteleft", '‘'),
        ("quoteright", '’'),
        ("quotedblleft", '“'),
        ("quotedblright", '”'),
        ("endash", '–'),
        ("emdash", '—'),
        ("bullet", '•'),
        ("ellipsis", '…'),
        ("nbspace", '\u{A0}'),
    ];
    const LETTERS: [(&str, char); 36] = [
        ("Agrave", 'À'),
        ("Aacute", 'Á'),
        ("Acircumflex", 'Â'),
        ("Atilde", 'Ã'),
        ("Abreve", 'Ă'),
        ("Egrave", 'È'),
        ("Eacute", 'É'),
        ("Ecircumflex", 'Ê'),
        ("Igrave", 'Ì'),
        ("Iacute", 'Í'),
        ("Itilde", 'Ĩ'),
        ("Ograve", 'Ò'),
        ("Oacute", 'Ó'),
        ("Ocircumflex", 'Ô'),
        ("Otilde", 'Õ'),
        ("Ohorn", 'Ơ'),
        ("Ugrave", 'Ù'),
        ("Uacute", 'Ú'),
        ("Utilde", 'Ũ'),
        ("Uhorn", 'Ư'),
        ("Yacute", 'Ý'),
        ("Dcroat", 'Đ'),
        ("Dslash", 'Đ'),
        ("dcroat", 'đ'),
        ("dmacron", 'đ'),
        ("abreve", 'ă'),
        ("itilde", 'ĩ'),
        ("ohorn", 'ơ'),
        ("uhorn", 'ư'),
        ("utilde", 'ũ'),
        ("ocircumflex", 'ô'),
        ("acircumflex", 'â'),
        ("ecircumflex", 'ê'),
        ("otilde", 'õ'),
        ("atilde", 'ã'),
        ("yacute", 'ý'),
    ];
    NAMES
        .iter()
        .chain(&LETTERS)
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .or_else(|| {
            // `agrave`, `eacute`...: the lower case of a capital's name.
            let mut cs = name.chars();
            let first = cs.next()?.to_ascii_uppercase();
            let cap: String = std::iter::once(first).chain(cs).collect();
            LETTERS
                .iter()
                .find(|(n, _)| *n == cap)
                .and_then(|(_, c)| c.to_lowercase().next())
        })
}

#[derive(Default)]
pub(super) struct FontCache {
    by_id: HashMap<ObjectId, std::rc::Rc<Font>>,
}

impl FontCache {
    pub(super) fn get(&mut self, doc: &Pdf, font: &Object) -> std::rc::Rc<Font> {
        let id = match font {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.by_id.get(&id)) {
            return f.clone();
        }
        let dict = deref(doc, font).and_then(|o| o.as_dict().ok());
        let f = std::rc::Rc::new(dict.map_or_else(fallback_font, |d| load_font(doc, d)));
        if let Some(id) = id {
            self.by_id.insert(id, f.clone());
        }
        f
    }
}

fn fallback_font() -> Font {
    Font {
        code_len: 1,
        to_unicode: None,
        simple: None,
        widths: HashMap::new(),
        default_width: 500.0,
    }
}

fn load_font(doc: &Pdf, d: &Dictionary) -> Font {
    let composite = d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
    let mut font = fallback_font();
    if composite {
        font.code_len = 2;
        font.default_width = 1000.0;
        if let Some(desc) = dict_get(doc, d, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
        {
            if let Some(dw) = dict_get(doc, desc, b"DW").and_then(num) {
                font.default_width = dw;
            }
            if let Some(w) = dict_get(doc, desc, b"W").and_then(|o| o.as_array().ok()) {
                cid_widths(doc, w, &mut font.widths);
            }
        }
    } else {
        let first = dict_get(doc, d, b"FirstChar").and_then(num).unwrap_or(0.0) as u32;
        if let Some(w) = dict_get(doc, d, b"Widths").and_then(|o| o.as_array().ok()) {
            for (k, o) in w.iter().enumerate() {
                if let Some(v) = deref(doc, o).and_then(num) {
                    font.widths.insert(first + k as u32, v);
                }
            }
        }
        if let Some(m) = dict_get(doc, d, b"FontDescriptor")
            .and_then(|o| o.as_dict().ok())
            .and_then(|fd| dict_get(doc, fd, b"MissingWidth"))
            .and_then(num)
            .filter(|w| *w > 0.0)
        {
            font.default_width = m;
        }
        // Windows-1252 (WinAnsi, what Word's simple fonts use), then the
        // font's `/Differences`.
        let mut table: [char; 256] = std::array::from_fn(|b| crate::read::cp1252::cp1252(b as u8));
        if let Some(diff) = dict_get(doc, d, b"Encoding")
            .and_then(|o| o.as_dict().ok())
            .and_then(|e| dict_get(doc, e, b"Differences"))
            .and_then(|o| o.as_array().ok())
        {
            let mut code = 0usize;
            for o in diff {
                match deref(doc, o) {
                    Some(Object::Integer(i)) => code = (*i).clamp(0, 255) as usize,
                    Some(Object::Name(n)) => {
                        if let (Some(slot), Some(c)) = (table.get_mut(code), glyph_char(n)) {
                            *slot = c;
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        font.simple = Some(table);
    }
    if let Some(stream) = dict_get(doc, d, b"ToUnicode").and_then(|o| o.as_stream().ok()) {
        let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        let (map, len) = parse_cmap(&data);
        if !map.is_empty() {
            // A simple font's codes are one byte, whatever its map's code
            // space says (Word writes `<0000> <FFFF>` for one-byte fonts).
            if let (true, Some(len)) = (composite, len) {
                font.code_len = len;
            }
            font.to_unicode = Some(map);
        }
    }
    font
}

/// A composite font's `/W` array: `c [w1 w2 …]` and `cfirst clast w`.
fn cid_widths(doc: &Pdf, w: &[Object], out: &mut HashMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = deref(doc, &w[i]).and_then(num) else {
            return;
        };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = num(o) {
                        out.insert(first as u32 + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (num(o), w.get(i + 2).and_then(|o| deref(doc, o)).and_then(num)) else {
                    return;
                };
                let (a, b) = (first as u32, (last as u32).min(first as u32 + 65_536));
                for c in a..=b {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => return,
        }
    }
}

/// A `ToUnicode` CMap: `bfchar` and `bfrange` entries, and the code length
/// of its code space range.
pub(super) fn parse_cmap(data: &[u8]) -> (HashMap<u32, String>, Option<usize>) {
    let toks = cmap_tokens(data);
    let mut map = HashMap::new();
    let mut len = None;
    let mut i = 0;
    let hex = |t: &CTok| match t {
        CTok::Hex(h) => Some(h.clone()),
        _ => None,
    };
    let code = |h: &[u8]| h.iter().fold(0u32, |a, b| a << 8 | *b as u32);
    let utf16 = |h: &[u8]| {
        let units: Vec<u16> = h
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    while i < toks.len() {
        match &toks[i] {
            CTok::Word(w) if w == "begincodespacerange" => {
                if let Some(h) = toks.get(i + 1).and_then(hex) {
                    len = Some(h.len().clamp(1, 4));
                }
                i += 1;
            }
            CTok::Word(w) if w == "beginbfchar" => {
                i += 1;
                while i + 1 < toks.len() {
                    let (Some(src), Some(dst)) = (hex(&toks[i]), hex(&toks[i + 1])) else {
                        break;
                    };
                    map.insert(code(&src), utf16(&dst));
                    i += 2;
                }
            }
            CTok::Word(w) if w == "beginbfrange" => {
                i += 1;
                while i + 2 < toks.len() {
                    let (Some(lo), Some(hi)) = (hex(&toks[i]), hex(&toks[i + 1])) else {
                        break;
                    };
                    let (lo, hi) = (code(&lo), code(&hi).min(code(&lo) + 65_536));
                    match &toks[i + 2] {
                        CTok::Hex(dst) => {
                            let units: Vec<u16> = dst
                                .chunks(2)
                                .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
                                .collect();
                            for (k, c) in (lo..=hi).enumerate() {
                                let mut u = units.clone();
                                if let Some(last) = u.last_mut() {
                                    *last = last.wrapping_add(k as u16);
                                }
                                map.insert(c, String::from_utf16_lossy(&u));
                            }
                            i += 3;
                        }
                        CTok::Array(list) => {
                            for (k, dst) in list.iter().enumerate() {
                                map.insert(lo + k as u32, utf16(dst));
                            }
                            i += 3;
                        }
                        CTok::Word(_) => break,
                    }
                }
            }
            _ => i += 1,
        }
    }
    (map, len)
}

enum CTok {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Word(String),
}

fn cmap_tokens(data: &[u8]) -> Vec<CTok> {
    let mut toks = Vec::new();
    let mut i = 0;
    let read_hex = |i: &mut usize| -> Vec<u8> {
        *i += 1;
        let mut digits = Vec::new();
        while *i < data.len() && data[*i] != b'>' {
            if data[*i].is_ascii_hexdigit() {
                digits.push(data[*i]);
            }
            *i += 1;
        }
        *i += 1;
        if digits.len() % 2 == 1 {
            digits.push(b'0');
        }
        digits
            .chunks(2)
            .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap_or("00"), 16).unwrap_or(0))
            .collect()
    };
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => toks.push(CTok::Hex(read_hex(&mut i))),
            b'[' => {
                i += 1;
                let mut list = Vec::new();
                while i < data.len() && data[i] != b']' {
                    if data[i] == b'<' {
                        list.push(read_hex(&mut i));
                    } else {
                        i += 1;
                    }
                }
                i += 1;
                toks.push(CTok::Array(list));
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            c if c.is_ascii_alphabetic() => {
                let s = i;
                while i < data.len() && data[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                toks.push(CTok::Word(String::from_utf8_lossy(&data[s..i]).into_owned()));
            }
            _ => i += 1,
        }
    }
    toks
}
