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

mod font;
mod layout;

use font::{Font, FontCache};
use layout::{furniture, header_order, lines_of, Line};

fn deref<'a>(doc: &'a Pdf, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict_get<'a>(doc: &'a Pdf, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().and_then(|o| deref(doc, o))
}
