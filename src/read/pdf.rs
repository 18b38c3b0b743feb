//! PDF with a text layer: lopdf reads the file's objects and content
//! streams; the text is laid out here.
//!
//! Each page's content stream (and the form XObjects it draws) is
//! interpreted for its text: every string shown becomes a run with its
//! position, its font size and its text (through the font's `ToUnicode`
//! map, else its encoding). Runs on one baseline in the order the stream
//! draws them make a line; a wide gap (three font sizes) splits a line into
//! cells, each a line of its own, so a row of a two-column header table
//! reads cell by cell. At the top of the first page, where a line was split
//! into two columns, the left column is read before the right one (the
//! issuer, its `Số:` line, then the motto and the date), as a Word table is.
//!
//! Page furniture stays where it is printed, as text extractors give it and
//! as the parser meets it in text: running heads, page numbers alone on a
//! line. A page without text (a scan, or a page drawn as graphics) is left
//! empty and reported
//! (`no-text-layer`, with page numbers), and so is a page whose only text
//! is a digital-signature stamp; a text layer that is OCR garbage is left
//! out and reported (`ocr-garbage`). Encrypted and broken files are errors.

use std::collections::HashMap;

use lopdf::{Dictionary, Document as Pdf, Object, ObjectId};

use crate::error::Error;
use crate::model::{Severity, Span};
use crate::ParseOptions;

use super::{page_list, unreadable, viet, Extracted, Format};

/// Form XObjects drawn inside each other deeper than this are not followed.
const MAX_FORM_DEPTH: usize = 8;

/// Read a PDF's text layer.
pub(super) fn read_pdf(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    // lopdf is not known to panic on bad input; should it, the file is
    // reported unreadable rather than the process stopped.
    std::panic::catch_unwind(|| read_inner(bytes, options)).unwrap_or_else(|_| {
        Err(unreadable(
            Format::Pdf,
            "the pdf reader failed on this file (an internal error)",
        ))
    })
}

fn read_inner(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    let doc = Pdf::load_mem(bytes).map_err(load_error)?;
    if doc.is_encrypted() {
        return Err(encrypted());
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(unreadable(Format::Pdf, "expected at least one page, found none"));
    }
    let mut fonts = FontCache::default();
    let mut laid: Vec<Vec<Line>> = Vec::with_capacity(pages.len());
    for (_, &page_id) in pages.iter() {
        let mut dev = Device::default();
        let resources = page_resources(&doc, page_id);
        let content = doc.get_page_content(page_id).unwrap_or_default();
        let mut interp = Interp {
            doc: &doc,
            fonts: &mut fonts,
            dev: &mut dev,
            ops_left: 5_000_000,
            fields: false,
        };
        interp.run(&content, &resources, IDENTITY, 0);
        let runs = std::mem::take(&mut interp.dev.runs);
        interp.annotations(page_id);
        laid.push(lines_of(runs, dev.runs));
    }
    let furniture = furniture(&laid);
    let mut out = String::new();
    let mut page_spans = Vec::with_capacity(laid.len());
    let mut no_text = Vec::new();
    let mut stamp_only = Vec::new();
    let mut garbage = Vec::new();
    let mut pages_with_text = 0;
    for (i, lines) in laid.iter().enumerate() {
        let mut page = String::new();
        let ordered = if i == 0 {
            header_order(lines, &furniture[i])
        } else {
            (0..lines.len()).collect()
        };
        for k in ordered {
            page.push_str(&lines[k].text);
            page.push('\n');
        }
        // Letters of the page's own text: not a signature stamp, not a
        // running head or a page number.
        let letters_outside_stamps: usize = lines
            .iter()
            .zip(&furniture[i])
            .filter(|(l, f)| !**f && !is_signature_stamp(&l.text))
            .map(|(l, _)| l.text.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let start = out.len();
        if letters_outside_stamps < 12 {
            let stamped = lines.iter().any(|l| is_signature_stamp(&l.text));
            if stamped {
                // A stamp is not the document's text: left out.
                stamp_only.push(i + 1);
            } else {
                // Running heads and page numbers stay, as in a text layer.
                no_text.push(i + 1);
                out.push_str(&page);
            }
        } else if viet::is_garbage(&page).is_some() {
            garbage.push(i + 1);
        } else {
            pages_with_text += 1;
            out.push_str(&page);
        }
        page_spans.push(Span::new(start, out.len()));
        if out.len() > options.max_size {
            return Err(unreadable(
                Format::Pdf,
                format!(
                    "its text grows past the size limit of {} bytes (raise it with --max-size)",
                    options.max_size
                ),
            ));
        }
    }
    let n = laid.len();
    let mut read = Extracted::made(out, Format::Pdf);
    read.pages = page_spans;
    read.note(
        "read",
        Severity::Info,
        format!(
            "read as pdf: {n} page{}, text on {pages_with_text} (spans refer to the extracted text, `vanban text` prints it)",
            if n == 1 { "" } else { "s" }
        ),
        None,
    );
    let pages_of = read.pages.clone();
    let span_of = |p: &[usize]| p.first().map(|&k| pages_of[k - 1]);
    if !no_text.is_empty() || !stamp_only.is_empty() {
        let mut all: Vec<usize> = no_text.iter().chain(&stamp_only).copied().collect();
        all.sort_unstable();
        let stamps = if stamp_only.is_empty() {
            String::new()
        } else {
            let verb = if stamp_only.len() == 1 { "has" } else { "have" };
            format!(
                "; {} {verb} only a digital-signature stamp (left out)",
                page_list(&stamp_only)
            )
        };
        let span = span_of(&all);
        read.note(
            "no-text-layer",
            Severity::Warning,
            format!(
                "no text layer: expected text on every page, found none on {} of {n} (scanned, or drawn as graphics: needs OCR){stamps}",
                page_list(&all)
            ),
            span,
        );
    }
    if !garbage.is_empty() {
        let span = span_of(&garbage);
        read.note(
            "ocr-garbage",
            Severity::Warning,
            format!(
                "ocr garbage: expected Vietnamese in the text layer, found text that is not ({}; no usable text, left out: needs OCR again)",
                page_list(&garbage)
            ),
            span,
        );
    }
    Ok(read)
}

fn load_error(e: lopdf::Error) -> Error {
    match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => encrypted(),
        e => {
            let reason = e.to_string();
            let reason = if reason.is_empty() { format!("{e:?}") } else { reason };
            unreadable(
                Format::Pdf,
                format!(
                    "expected a whole pdf file, found a broken or truncated one ({})",
                    reason.to_lowercase()
                ),
            )
        }
    }
}

fn encrypted() -> Error {
    unreadable(
        Format::Pdf,
        "it is encrypted with a password: expected an unencrypted file (decrypt it first, e.g. `qpdf --decrypt`)",
    )
}

/// A lone line of a signature stamp (`Ký bởi: …`, `Người ký: …`,
/// `Thời gian ký: …`, `Email: …`, `Cơ quan: …`).
fn is_signature_stamp(line: &str) -> bool {
    let l = line.trim_start().to_lowercase();
    [
        "ký bởi",
        "người ký",
        "thời gian ký",
        "ngày ký",
        "email:",
        "cơ quan:",
        "chức vụ:",
        "signed by",
        "ký số",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || l.contains('@') && l.split_whitespace().count() <= 3
}

// ---------------------------------------------------------------------------
// Geometry

type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (first `a`, then `b`), as PDF composes its matrices.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

fn matrix_of(ops: &[Object]) -> Option<Matrix> {
    if ops.len() < 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (k, o) in ops[..6].iter().enumerate() {
        m[k] = num(o)?;
    }
    Some(m)
}

// ---------------------------------------------------------------------------
// Fonts

/// How a font's bytes become codes, text and widths.
struct Font {
    /// Bytes per code (2 for a composite font with `Identity-H`).
    code_len: usize,
    /// The `ToUnicode` map, when the font has one.
    to_unicode: Option<HashMap<u32, String>>,
    /// A simple font's encoding, for fonts without `ToUnicode`.
    simple: Option<[char; 256]>,
    /// Width of each code in thousandths of the font size.
    widths: HashMap<u32, f64>,
    default_width: f64,
}

impl Font {
    fn decode(&self, bytes: &[u8], mut each: impl FnMut(u32, &str)) {
        let mut buf = [0u8; 4];
        for code_bytes in bytes.chunks(self.code_len) {
            let code = code_bytes.iter().fold(0u32, |a, b| a << 8 | *b as u32);
            if let Some(s) = self.to_unicode.as_ref().and_then(|m| m.get(&code)) {
                each(code, s);
            } else if let Some(table) = &self.simple {
                let c = table[(code & 0xFF) as usize];
                each(code, c.encode_utf8(&mut buf));
            } else if self.code_len == 1 {
                let c = super::cp1252::cp1252(code as u8);
                each(code, c.encode_utf8(&mut buf));
            } else {
                each(code, "\u{FFFD}");
            }
        }
    }

    fn width(&self, code: u32) -> f64 {
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
struct FontCache {
    by_id: HashMap<ObjectId, std::rc::Rc<Font>>,
}

impl FontCache {
    fn get(&mut self, doc: &Pdf, font: &Object) -> std::rc::Rc<Font> {
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

fn deref<'a>(doc: &'a Pdf, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict_get<'a>(doc: &'a Pdf, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().and_then(|o| deref(doc, o))
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
        let mut table: [char; 256] = std::array::from_fn(|b| super::cp1252::cp1252(b as u8));
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
fn parse_cmap(data: &[u8]) -> (HashMap<u32, String>, Option<usize>) {
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

// ---------------------------------------------------------------------------
// The content stream interpreter

/// A string shown on the page: where it starts and ends (on its baseline),
/// its font size, its text.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    /// Drawn by an annotation (a form field filled in): a word of its own.
    field: bool,
    /// The text's direction on the page, a quarter turn at a time (0: left
    /// to right, 1: upwards, 2: right to left, 3: downwards); until the
    /// page is laid out, `x0`, `x1` and `y` are the page's coordinates.
    turn: u8,
    /// Where the run ends, in the page's coordinates (for turned text).
    end: (f64, f64),
}

#[derive(Default)]
struct Device {
    runs: Vec<Run>,
}

#[derive(Clone)]
struct TextState {
    font: Option<std::rc::Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

struct Interp<'d, 'f> {
    doc: &'d Pdf,
    fonts: &'f mut FontCache,
    dev: &'f mut Device,
    /// Operators still to interpret in this page (a bound on hostile files).
    ops_left: usize,
    /// Drawing annotations (their runs are form fields' words).
    fields: bool,
}

/// A content stream without its comment lines (lines starting with `%`).
fn strip_comment_lines(content: &[u8]) -> Vec<u8> {
    content
        .split(|b| *b == b'\n' || *b == b'\r')
        .filter(|l| !l.trim_ascii_start().starts_with(b"%"))
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect()
}

fn page_resources(doc: &Pdf, page: ObjectId) -> Dictionary {
    // Resources may be inherited from the page tree.
    let mut node = doc.get_dictionary(page).ok();
    let mut hops = 0;
    while let Some(d) = node {
        if let Some(r) = dict_get(doc, d, b"Resources").and_then(|o| o.as_dict().ok()) {
            return r.clone();
        }
        hops += 1;
        if hops > 32 {
            break;
        }
        node = dict_get(doc, d, b"Parent").and_then(|o| o.as_dict().ok());
    }
    Dictionary::new()
}

impl Interp<'_, '_> {
    fn run(&mut self, content: &[u8], resources: &Dictionary, ctm0: Matrix, depth: usize) {
        // lopdf's content parser stops at a comment line (`%` ...), which
        // some scanners' text layers start with: read it without them.
        let has_comment = content.first() == Some(&b'%') || memchr::memmem::find(content, b"\n%").is_some();
        let stripped;
        let content = if has_comment {
            stripped = strip_comment_lines(content);
            &stripped[..]
        } else {
            content
        };
        let Ok(content) = lopdf::content::Content::decode(content) else {
            return;
        };
        let doc = self.doc;
        let fonts_dict = dict_get(doc, resources, b"Font").and_then(|o| o.as_dict().ok());
        let xobjects = dict_get(doc, resources, b"XObject").and_then(|o| o.as_dict().ok());
        let mut ctm = ctm0;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut ts = TextState::default();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in &content.operations {
            if self.ops_left == 0 {
                return;
            }
            self.ops_left -= 1;
            let a = &op.operands;
            let n = |k: usize| a.get(k).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push((ctm, ts.clone())),
                "Q" => {
                    if let Some((c, t)) = stack.pop() {
                        ctm = c;
                        ts = t;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix_of(a) {
                        ctm = mul(&m, &ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    ts.size = n(1);
                    ts.font = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| fonts_dict.and_then(|f| f.get(name).ok()))
                        .map(|f| self.fonts.get(doc, f));
                }
                "Tc" => ts.char_space = n(0),
                "Tw" => ts.word_space = n(0),
                "Tz" => ts.scale = n(0) / 100.0,
                "TL" => ts.leading = n(0),
                "Ts" => ts.rise = n(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        ts.leading = -n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = matrix_of(a) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                        tm = tlm;
                    }
                    if op.operator == "\"" {
                        ts.word_space = n(0);
                        ts.char_space = n(1);
                    }
                    let shown: &[Object] = match op.operator.as_str() {
                        "TJ" => a.first().and_then(|o| o.as_array().ok()).map_or(&[], |v| v.as_slice()),
                        "\"" => a.get(2).map_or(&[], std::slice::from_ref),
                        _ => a.first().map_or(&[], std::slice::from_ref),
                    };
                    for item in shown {
                        match item {
                            Object::String(bytes, _) => self.show(bytes, &ts, &mut tm, &ctm),
                            o => {
                                if let Some(adj) = num(o) {
                                    let tx = -adj / 1000.0 * ts.size * ts.scale;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let Some(x) = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| xobjects.and_then(|x| x.get(name).ok()))
                        .and_then(|o| deref(doc, o))
                        .and_then(|o| o.as_stream().ok())
                    else {
                        continue;
                    };
                    match x.dict.get(b"Subtype").and_then(Object::as_name).ok() {
                        Some(b"Form") if depth < MAX_FORM_DEPTH => {
                            let m = x
                                .dict
                                .get(b"Matrix")
                                .ok()
                                .and_then(|o| o.as_array().ok())
                                .and_then(|v| matrix_of(v));
                            let form_ctm = mul(&m.unwrap_or(IDENTITY), &ctm);
                            let res = dict_get(doc, &x.dict, b"Resources")
                                .and_then(|o| o.as_dict().ok())
                                .cloned()
                                .unwrap_or_else(|| resources.clone());
                            let data = x.decompressed_content().unwrap_or_else(|_| x.content.clone());
                            self.run(&data, &res, form_ctm, depth + 1);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    /// Draw the page's visible annotations (form fields filled in, stamps)
    /// from their appearance streams, placed in their rectangles.
    fn annotations(&mut self, page: ObjectId) {
        let doc = self.doc;
        let Ok(annots) = doc.get_page_annotations(page) else {
            return;
        };
        for a in annots {
            let flags = dict_get(doc, a, b"F").and_then(num).unwrap_or(0.0) as u32;
            if flags & (2 | 32) != 0 {
                continue;
            }
            let Some(rect) = dict_get(doc, a, b"Rect").and_then(|o| o.as_array().ok()).and_then(|v| {
                let v: Vec<f64> = v.iter().filter_map(|o| deref(doc, o).and_then(num)).collect();
                (v.len() == 4).then(|| (v[0].min(v[2]), v[1].min(v[3])))
            }) else {
                continue;
            };
            let Some(ap) = dict_get(doc, a, b"AP")
                .and_then(|o| o.as_dict().ok())
                .and_then(|ap| dict_get(doc, ap, b"N"))
                .and_then(|o| o.as_stream().ok())
            else {
                continue;
            };
            let m = ap
                .dict
                .get(b"Matrix")
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|v| matrix_of(v));
            let m = m.unwrap_or(IDENTITY);
            let bbox_ll = ap
                .dict
                .get(b"BBox")
                .ok()
                .and_then(|o| o.as_array().ok())
                .map(|v| {
                    (
                        v.first().and_then(num).unwrap_or(0.0),
                        v.get(1).and_then(num).unwrap_or(0.0),
                    )
                })
                .unwrap_or((0.0, 0.0));
            let (bx, by) = apply(&m, bbox_ll.0, bbox_ll.1);
            let ctm = mul(&m, &[1.0, 0.0, 0.0, 1.0, rect.0 - bx, rect.1 - by]);
            let res = dict_get(doc, &ap.dict, b"Resources")
                .and_then(|o| o.as_dict().ok())
                .cloned()
                .unwrap_or_default();
            let data = ap.decompressed_content().unwrap_or_else(|_| ap.content.clone());
            self.fields = true;
            self.run(&data, &res, ctm, 1);
            self.fields = false;
        }
    }

    /// Show a string: a run per word (whitespace splits, and is not part
    /// of a run's extent), the text matrix moved past it.
    fn show(&mut self, bytes: &[u8], ts: &TextState, tm: &mut Matrix, ctm: &Matrix) {
        let Some(font) = ts.font.clone() else {
            return;
        };
        let m = mul(tm, ctm);
        let size = (ts.size * (m[2] * m[2] + m[3] * m[3]).sqrt()).abs().max(1.0);
        let mut words: Vec<(f64, f64, String)> = Vec::new();
        let mut advance = 0.0;
        let mut open = false;
        font.decode(bytes, |code, s| {
            let mut w = font.width(code) / 1000.0 * ts.size + ts.char_space;
            if font.code_len == 1 && code == 32 {
                w += ts.word_space;
            }
            let w = w * ts.scale;
            if s.chars().all(char::is_whitespace) {
                open = false;
            } else {
                if !open {
                    words.push((advance, advance, String::new()));
                    open = true;
                }
                let last = words.last_mut().expect("a word is open");
                last.2.push_str(s);
                last.1 = advance + w;
            }
            advance += w;
        });
        let at = |adv: f64| apply(&mul(&mul(&[1.0, 0.0, 0.0, 1.0, adv, 0.0], tm), ctm), 0.0, ts.rise);
        let turn = if m[0].abs() >= m[1].abs() {
            if m[0] >= 0.0 {
                0
            } else {
                2
            }
        } else if m[1] > 0.0 {
            1
        } else {
            3
        };
        for (start, end, text) in words {
            let (x0, y) = at(start);
            let end = at(end);
            self.dev.runs.push(Run {
                x0,
                x1: end.0,
                y,
                size,
                text,
                field: self.fields,
                turn,
                end,
            });
        }
        *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
    }
}

// ---------------------------------------------------------------------------
// Layout

/// A line of a page: its runs (left to right), where it starts and ends,
/// its baseline and font size, and whether it was split off a wider row (a
/// cell).
#[derive(Debug, Clone)]
struct Line {
    text: String,
    runs: Vec<Run>,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// The line was one cell of a row split at a wide gap; the gap's middle.
    split_at: Option<f64>,
}

impl Line {
    fn new(r: Run, split_at: Option<f64>) -> Line {
        Line {
            text: String::new(),
            x0: r.x0,
            x1: r.x1,
            y: r.y,
            size: r.size,
            runs: vec![r],
            split_at,
        }
    }

    fn add(&mut self, r: Run) {
        self.x0 = self.x0.min(r.x0);
        self.x1 = self.x1.max(r.x1);
        if !r.text.trim().is_empty() {
            self.size = self.size.max(r.size);
        }
        self.runs.push(r);
    }

    /// Does a run drawn elsewhere (an annotation) belong on this line?
    fn takes(&self, r: &Run) -> bool {
        let size = self.size.max(r.size);
        (r.y - self.y).abs() <= 0.5 * size && r.x0 >= self.x0 - 2.0 * size && r.x0 <= self.x1 + 2.0 * size
    }

    /// The runs' text, left to right: a gap wider than an eighth of the font
    /// size is a space; spaces folded.
    fn finish(&mut self) {
        self.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut t = String::new();
        let mut end = f64::NEG_INFINITY;
        let mut field = false;
        for r in &self.runs {
            let gap = r.x0 - end;
            let size = self.size.max(r.size);
            let apart = gap > 0.12 * size || ((field || r.field) && gap > -0.1 * size);
            if apart && !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&r.text);
            end = end.max(r.x1);
            field = r.field;
        }
        self.text = t.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

/// Runs in drawing order → lines in reading order.
///
/// A run joins the line being drawn when it is on its baseline (within half
/// a font size) and does not jump back left; a gap wider than three font sizes
/// ends a cell. Lines drawn one below the other make a block; a block drawn
/// after another but printed well above it (a header block a generator
/// writes last, a page number it writes first) is moved before it, other
/// blocks keep their drawing order (the cells of a table row stay left to
/// right). Annotation runs (`extra`: form fields filled in by a signing
/// tool, stamps) join the line they are printed on, or make their own.
fn lines_of(runs: Vec<Run>, extra: Vec<Run>) -> Vec<Line> {
    if std::env::var_os("VANBAN_DEBUG_PDF").is_some() {
        for r in runs.iter().chain(&extra) {
            eprintln!("{:8.2} {:8.2} {:8.2} {:5.1} {:?}", r.x0, r.x1, r.y, r.size, r.text);
        }
    }
    // Laid out in the frame of the page's main text direction (a landscape
    // table printed on a portrait page reads along its own lines); text
    // turned another way (a running head, a margin note) is laid out in its
    // own frame and follows.
    let mut turns = [0usize; 4];
    for r in &runs {
        turns[r.turn as usize & 3] += 1;
    }
    let main = (0..4u8)
        .max_by_key(|t| (turns[*t as usize], std::cmp::Reverse(*t)))
        .unwrap_or(0);
    let (runs, others): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(|r| r.turn == main);
    let mut lines = lay_out(runs, extra, main);
    for t in (0..4u8).filter(|t| *t != main) {
        let group: Vec<Run> = others.iter().filter(|r| r.turn == t).cloned().collect();
        if !group.is_empty() {
            lines.extend(lay_out(group, Vec::new(), t));
        }
    }
    lines
}

/// Lay out runs of one text direction (see [`lines_of`]).
fn lay_out(runs: Vec<Run>, extra: Vec<Run>, turn: u8) -> Vec<Line> {
    let runs: Vec<Run> = runs.into_iter().map(|r| in_frame(r, turn)).collect();
    let extra: Vec<Run> = extra.into_iter().map(|r| in_frame(r, turn)).collect();
    let runs: Vec<Run> = runs
        .into_iter()
        .map(|mut r| {
            r.text = r.text.chars().filter(|c| !c.is_control() || *c == '\t').collect();
            r
        })
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let geometric = rows(runs.clone());
    let drawn = reading_order(drawn_lines(runs));
    // A page drawn in no order (glyphs of a table scattered through the
    // stream) makes many more lines in drawing order than rows on the
    // page: read it by position instead.
    let mut lines = if drawn.len() > 2 * geometric.len() + 5 {
        geometric
    } else {
        drawn
    };
    for r in extra {
        if r.text.trim().is_empty() {
            continue;
        }
        match lines.iter_mut().find(|l| l.takes(&r)) {
            Some(l) => l.add(r),
            None => {
                let at = lines
                    .iter()
                    .position(|l| l.y < r.y - 0.5 * r.size)
                    .unwrap_or(lines.len());
                lines.insert(at, Line::new(r, None));
            }
        }
    }
    for l in &mut lines {
        l.finish();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// A run's coordinates in the frame of text turned `turn` quarter turns.
fn in_frame(mut r: Run, turn: u8) -> Run {
    let f = |(x, y): (f64, f64)| match turn {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    };
    let (x0, y) = f((r.x0, r.y));
    let (x1, _) = f(r.end);
    r.x0 = x0;
    r.x1 = x1.max(x0);
    r.y = y;
    r
}

/// Lines in drawing order: a run joins the line being drawn when it is on
/// its baseline and does not jump back left; a wide gap ends a cell.
fn drawn_lines(runs: Vec<Run>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for r in runs {
        if let Some(l) = lines.last_mut() {
            let size = l.size.max(r.size);
            let same_baseline = (r.y - l.y).abs() <= 0.5 * size;
            let gap = r.x0 - l.x1;
            if same_baseline && gap > -0.5 * size {
                if gap > 3.0 * size {
                    let split = (l.x1 + r.x0) / 2.0;
                    l.split_at = Some(split);
                    lines.push(Line::new(r, Some(split)));
                } else {
                    l.add(r);
                }
                continue;
            }
        }
        lines.push(Line::new(r, None));
    }
    lines
}

/// Lines by position alone: runs sorted top to bottom into rows (a run
/// within half a font size of a row's baseline joins it), each row left to
/// right, split into cells at wide gaps.
fn rows(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        match rows.last_mut() {
            Some(row) if (row[0].y - r.y).abs() <= 0.5 * row[0].size.max(r.size) => row.push(r),
            _ => rows.push(vec![r]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        lines.extend(drawn_lines(row));
    }
    lines
}

/// Blocks (lines drawn one below the other) in reading order: each block is
/// placed before the first earlier block whose top is more than one and a
/// half font sizes below its own.
fn reading_order(lines: Vec<Line>) -> Vec<Line> {
    let mut blocks: Vec<(f64, Vec<Line>)> = Vec::new();
    for l in lines {
        match blocks.last_mut() {
            Some((_, b)) if b.last().is_some_and(|p| l.y <= p.y + 0.5 * p.size.max(l.size)) => b.push(l),
            _ => blocks.push((l.y, vec![l])),
        }
    }
    let mut ordered: Vec<(f64, Vec<Line>)> = Vec::with_capacity(blocks.len());
    for (top, b) in blocks {
        let size = b[0].size;
        let at = ordered
            .iter()
            .position(|(t, _)| *t < top - 1.5 * size)
            .unwrap_or(ordered.len());
        ordered.insert(at, (top, b));
    }
    ordered.into_iter().flat_map(|(_, b)| b).collect()
}

/// For each page, which lines are furniture: a number alone (a page
/// number), or a first or last line whose text, digits aside, is the first
/// or last line of another page too (a running head or foot).
fn furniture(pages: &[Vec<Line>]) -> Vec<Vec<bool>> {
    let key = |l: &Line| -> String { l.text.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let mut edge_count: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let mut seen = Vec::new();
        for l in lines.iter().take(2).chain(lines.iter().rev().take(2)) {
            let k = key(l);
            if !k.trim().is_empty() && !seen.contains(&k) {
                *edge_count.entry(k.clone()).or_default() += 1;
                seen.push(k);
            }
        }
    }
    pages
        .iter()
        .map(|lines| {
            let n = lines.len();
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let edge = i < 2 || i + 2 >= n;
                    let number = l.text.chars().all(|c| c.is_ascii_digit()) && l.text.len() <= 4;
                    edge && (number || edge_count.get(&key(l)).copied().unwrap_or(0) >= 2)
                })
                .collect()
        })
        .collect()
}

/// The order of the first page's lines: where the top of the page is a
/// two-column header whose rows were drawn across both columns, the left
/// column's lines first, then the right column's, then the rest as drawn.
/// The header block ends at the first line that crosses the column split
/// (a title centred on the page).
fn header_order(lines: &[Line], furniture: &[bool]) -> Vec<usize> {
    let all: Vec<usize> = (0..lines.len()).collect();
    // The column split: the first split row among the first lines.
    let Some(split) = lines
        .iter()
        .take(24)
        .zip(furniture)
        .find_map(|(l, f)| (!f).then_some(l.split_at).flatten())
    else {
        return all;
    };
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut end = 0;
    for (i, l) in lines.iter().enumerate() {
        if furniture.get(i).copied().unwrap_or(false) {
            if left.is_empty() && right.is_empty() {
                left.push(i);
                end = i + 1;
                continue;
            }
            break;
        }
        let margin = l.size;
        if l.x0 < split - margin && l.x1 > split + margin {
            break;
        }
        if (l.x0 + l.x1) / 2.0 < split {
            left.push(i);
        } else {
            right.push(i);
        }
        end = i + 1;
    }
    // Only a block with both columns is reordered.
    if right.is_empty() || left.is_empty() {
        return all;
    }
    left.extend(right);
    left.extend(end..lines.len());
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, x1: f64, y: f64, text: &str) -> Run {
        Run {
            x0,
            x1,
            y,
            size: 13.0,
            text: text.to_string(),
            field: false,
            turn: 0,
            end: (x1, y),
        }
    }

    #[test]
    fn runs_make_lines_and_cells() {
        let lines = lines_of(
            vec![
                run(60.0, 200.0, 800.0, "HỘI ĐỒNG NHÂN DÂN"),
                run(300.0, 560.0, 800.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                run(80.0, 180.0, 785.0, "TỈNH CAO BẰNG"),
                run(330.0, 530.0, 785.0, "Độc lập - Tự do - Hạnh phúc"),
                run(60.0, 190.0, 760.0, "Số: 33/2022/NQ-HĐND"),
                run(320.0, 420.0, 760.0, "Cao Bằng, ngày 15"),
                run(423.0, 540.0, 760.0, "tháng 7 năm 2022"),
                run(250.0, 340.0, 730.0, "NGHỊ QUYẾT"),
                run(60.0, 300.0, 700.0, "Căn cứ Luật"),
            ],
            vec![],
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[5], "Cao Bằng, ngày 15 tháng 7 năm 2022");
        let order = header_order(&lines, &vec![false; lines.len()]);
        let ordered: Vec<&str> = order.iter().map(|&i| texts[i]).collect();
        assert_eq!(
            ordered,
            [
                "HỘI ĐỒNG NHÂN DÂN",
                "TỈNH CAO BẰNG",
                "Số: 33/2022/NQ-HĐND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Cao Bằng, ngày 15 tháng 7 năm 2022",
                "NGHỊ QUYẾT",
                "Căn cứ Luật",
            ]
        );
    }

    #[test]
    fn cmap_entries() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0011> <1ED9> endbfchar\n\
            1 beginbfrange <0024> <0026> <0041> endbfrange\n\
            1 beginbfrange <0030> <0031> [<0110> <01B0>] endbfrange";
        let (map, len) = parse_cmap(cmap);
        assert_eq!(len, Some(2));
        assert_eq!(map[&0x11], "ộ");
        assert_eq!(map[&0x26], "C");
        assert_eq!(map[&0x31], "ư");
    }

    #[test]
    fn furniture_lines() {
        let line = |t: &str| {
            let mut l = Line::new(run(0.0, 1.0, 0.0, t), None);
            l.finish();
            l
        };
        let page = |head: &str, body: &str, n: &str| vec![line(head), line(body), line("more"), line(body), line(n)];
        let f = furniture(&[
            page("CÔNG BÁO/Số 1/Ngày 2", "Điều 1. Phạm vi", "70"),
            page("CÔNG BÁO/Số 1/Ngày 2", "Điều 2. Đối tượng", "71"),
        ]);
        assert_eq!(f[0], [true, false, false, false, true]);
    }

    #[test]
    fn blocks_drawn_late_are_read_first() {
        // A page number drawn first, the body, then the header block.
        let lines = lines_of(
            vec![
                run(540.0, 550.0, 20.0, "1"),
                run(60.0, 500.0, 700.0, "QUYẾT ĐỊNH"),
                run(60.0, 500.0, 680.0, "Căn cứ Luật"),
                run(60.0, 200.0, 780.0, "ỦY BAN NHÂN DÂN"),
                run(60.0, 85.0, 760.0, "Số:"),
                run(115.0, 200.0, 760.0, "/QĐ-UBND"),
            ],
            vec![Run {
                field: true,
                ..run(90.0, 110.0, 760.0, "142")
            }],
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["ỦY BAN NHÂN DÂN", "Số: 142 /QĐ-UBND", "QUYẾT ĐỊNH", "Căn cứ Luật", "1"]
        );
    }
}
