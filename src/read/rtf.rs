//! RTF: text of the document's groups, its font table and code pages
//! honoured.
//!
//! Bytes written `\'hh` (and plain characters) are decoded by their font:
//! a `.Vn…` font is TCVN3 (upper case for a `.Vn…H` font), a `VNI-…` font
//! is VNI, `\fcharset163` is Windows-1258, anything else the document's
//! `\ansicpg`. `\uN` is Unicode. Paragraphs, line breaks, table cells and
//! rows end lines; fonts, colours, styles, pictures, document properties,
//! headers, footers, field instructions and unknown `\*` destinations are
//! left out. Groups nest without recursion; past a depth of 1,000 groups the
//! rest of the nesting is read as text is, without new state.

use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::model::Severity;
use crate::ParseOptions;

use super::legacy;
use super::out::Out;
use super::{Extracted, Format, TextEncoding};

const MAX_DEPTH: usize = 1000;

/// Destinations whose text is not the document's.
const SKIPPED: [&str; 27] = [
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "mmathPr",
    "fldinst",
    "sp",
    "bkmkstart",
    "bkmkend",
];

#[derive(Clone, Copy)]
struct Group {
    skip: bool,
    font: i32,
    uc: usize,
    in_fonttbl: bool,
}

/// A font of the font table: its encoding, and whether it shows lower-case
/// letters as capitals (`.VnTimeH`).
#[derive(Clone, Copy)]
struct FontEnc {
    enc: TextEncoding,
    upper: bool,
}

/// Read RTF.
pub(super) fn read_rtf(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    let mut out = Out::new(Format::Rtf, options.max_size);
    let mut fonts: std::collections::HashMap<i32, FontEnc> = std::collections::HashMap::new();
    let mut ansi = TextEncoding::Windows1252;
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group {
        skip: false,
        font: -1,
        uc: 1,
        in_fonttbl: false,
    };
    let mut extra_depth = 0usize;
    // Bytes of the current font, decoded together (VNI needs its modifier
    // bytes next to their letters).
    let mut pending: Vec<u8> = Vec::new();
    let mut font_name = String::new();
    let mut font_charset = 0;
    let mut skip_chars = 0usize;
    let mut used = std::collections::BTreeSet::new();
    let mut i = 0;
    let enc_of = |fonts: &std::collections::HashMap<i32, FontEnc>, f: i32, ansi: TextEncoding| {
        fonts.get(&f).copied().unwrap_or(FontEnc {
            enc: ansi,
            upper: false,
        })
    };
    macro_rules! flush {
        () => {
            if !pending.is_empty() {
                let fe = enc_of(&fonts, g.font, ansi);
                let s = legacy::decode(&pending, fe.enc);
                used.insert(fe.enc);
                let s = if fe.upper { legacy::upper(&s) } else { s };
                out.push(&s)?;
                pending.clear();
            }
        };
    }
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                flush!();
                if stack.len() < MAX_DEPTH {
                    stack.push(g);
                } else {
                    extra_depth += 1;
                }
                i += 1;
                // `{\*\dest …}`: an optional destination.
                if bytes[i..].starts_with(b"\\*") {
                    let word = control_word(&bytes[i + 2..]).map(|(w, _, _)| w);
                    if word.as_deref() != Some("shpinst") && word.as_deref() != Some("shptxt") {
                        g.skip = true;
                    }
                    i += 2;
                }
            }
            b'}' => {
                flush!();
                if g.in_fonttbl && !font_name.is_empty() {
                    fonts.insert(g.font, font_enc(&font_name, font_charset));
                    font_name.clear();
                }
                if extra_depth > 0 {
                    extra_depth -= 1;
                } else if let Some(prev) = stack.pop() {
                    g = prev;
                }
                i += 1;
            }
            b'\\' => {
                let Some((word, param, len)) = control_word(&bytes[i + 1..]) else {
                    // A control symbol.
                    let sym = bytes.get(i + 1).copied().unwrap_or(b' ');
                    i += 2;
                    if g.skip {
                        continue;
                    }
                    match sym {
                        b'\'' => {
                            let h = bytes.get(i..i + 2).and_then(|h| std::str::from_utf8(h).ok());
                            if let Some(v) = h.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                                i += 2;
                                if skip_chars > 0 {
                                    skip_chars -= 1;
                                } else if g.in_fonttbl {
                                    font_name.push(legacy::cp1252(v));
                                } else {
                                    pending.push(v);
                                }
                            }
                        }
                        b'~' => {
                            flush!();
                            out.push_char('\u{A0}');
                        }
                        b'_' => pending.push(b'-'),
                        b'\\' | b'{' | b'}' => pending.push(sym),
                        b'\n' | b'\r' => {
                            flush!();
                            out.line_break();
                        }
                        _ => {}
                    }
                    continue;
                };
                i += 1 + len;
                if word == "bin" {
                    // Binary data: its length is the parameter.
                    i += param.unwrap_or(0).max(0) as usize;
                    continue;
                }
                if SKIPPED.contains(&word.as_str()) {
                    g.skip = true;
                }
                if word == "fonttbl" {
                    g.in_fonttbl = true;
                }
                if g.in_fonttbl {
                    match word.as_str() {
                        "f" => {
                            g.font = param.unwrap_or(0);
                            font_charset = 0;
                        }
                        "fcharset" => font_charset = param.unwrap_or(0),
                        _ => {}
                    }
                    continue;
                }
                match word.as_str() {
                    "ansicpg" => {
                        ansi = match param {
                            Some(1258) => TextEncoding::Windows1258,
                            _ => TextEncoding::Windows1252,
                        }
                    }
                    "f" => {
                        flush!();
                        g.font = param.unwrap_or(0);
                    }
                    "uc" => g.uc = param.unwrap_or(1).max(0) as usize,
                    _ if g.skip => {}
                    "u" => {
                        flush!();
                        let v = param.unwrap_or(0);
                        let v = if v < 0 { v + 65_536 } else { v } as u32;
                        if let Some(c) = char::from_u32(v) {
                            out.push_char(c);
                        }
                        skip_chars = g.uc;
                    }
                    "par" | "line" | "sect" | "page" | "cell" | "row" | "nestcell" | "nestrow" => {
                        flush!();
                        out.line_break();
                    }
                    "tab" => {
                        flush!();
                        out.push_char('\t');
                    }
                    "emdash" | "endash" | "lquote" | "rquote" | "ldblquote" | "rdblquote" | "bullet" => {
                        flush!();
                        out.push_char(match word.as_str() {
                            "emdash" => '—',
                            "endash" => '–',
                            "lquote" => '‘',
                            "rquote" => '’',
                            "ldblquote" => '“',
                            "rdblquote" => '”',
                            _ => '•',
                        });
                    }
                    _ => {}
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                i += 1;
                if g.skip {
                    continue;
                }
                if skip_chars > 0 {
                    skip_chars -= 1;
                } else if g.in_fonttbl {
                    if b == b';' {
                        fonts.insert(g.font, font_enc(&font_name, font_charset));
                        font_name.clear();
                    } else {
                        font_name.push(b as char);
                    }
                } else {
                    pending.push(b);
                }
            }
        }
        if pending.len() > 4096 {
            flush!();
        }
    }
    flush!();
    let text: String = out.finish().nfc().collect();
    let mut read = Extracted::made(text, Format::Rtf);
    let encs: Vec<&str> = used.iter().map(|e| e.as_str()).collect();
    read.encoding = (used.len() == 1).then(|| *used.iter().next().unwrap());
    read.note(
        "read",
        Severity::Info,
        format!(
            "read as rtf{} (spans refer to the extracted text, `vanban text` prints it)",
            if encs.is_empty() {
                String::new()
            } else {
                format!(": bytes decoded as {}", encs.join(", "))
            }
        ),
        None,
    );
    Ok(read)
}

/// The encoding a font stands for.
fn font_enc(name: &str, charset: i32) -> FontEnc {
    let name = name.trim();
    let lower = name.to_ascii_lowercase();
    if lower.starts_with(".vn") {
        return FontEnc {
            enc: TextEncoding::Tcvn3,
            upper: lower.ends_with('h'),
        };
    }
    if lower.starts_with("vni") {
        return FontEnc {
            enc: TextEncoding::Vni,
            upper: false,
        };
    }
    FontEnc {
        enc: if charset == 163 {
            TextEncoding::Windows1258
        } else {
            TextEncoding::Windows1252
        },
        upper: false,
    }
}

/// A control word at the start of `b` (after the backslash): its name, its
/// numeric parameter and the bytes it takes (with its delimiting space).
fn control_word(b: &[u8]) -> Option<(String, Option<i32>, usize)> {
    let n = b.iter().take(32).take_while(|c| c.is_ascii_alphabetic()).count();
    if n == 0 {
        return None;
    }
    let word = String::from_utf8_lossy(&b[..n]).into_owned();
    let mut k = n;
    let neg = b.get(k) == Some(&b'-');
    if neg {
        k += 1;
    }
    let d = b[k..].iter().take(10).take_while(|c| c.is_ascii_digit()).count();
    let param = if d > 0 {
        let v: i64 = std::str::from_utf8(&b[k..k + d]).ok()?.parse().ok()?;
        k += d;
        Some((if neg { -v } else { v }).clamp(i32::MIN as i64, i32::MAX as i64) as i32)
    } else {
        if neg {
            k -= 1;
        }
        None
    };
    if b.get(k) == Some(&b' ') {
        k += 1;
    }
    Some((word, param, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        read_rtf(rtf.as_bytes(), &ParseOptions::default())
            .unwrap()
            .text
            .into_owned()
    }

    #[test]
    fn unicode_fonts_and_destinations() {
        let rtf = r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0\fcharset0 Times New Roman;}{\f1 .VnTime;}{\f2 .VnTimeH;}{\f3 VNI-Times;}}
{\colortbl;\red0\green0\blue0;}{\info{\author X}}{\*\generator Y;}
\f0 S\u7889? 12\par
\f1 ng\'b5y 25 c\'f1a B\'e9\par
{\f2 b\'e9 lao \'aei\'d2u}\par
\f3 Co\'e4ng ho\'f8a\cell
{\field{\*\fldinst PAGE}{\fldrslt 3}}}";
        assert_eq!(text(rtf), "Số 12\nngày 25 của Bộ\nBỘ LAO ĐIỀU\nCộng hòa\n3\n");
    }

    #[test]
    fn question_marks_are_kept() {
        let r = read_rtf(
            br"{\rtf1\ansi\ansicpg1252 C\'3fNG H\'d2A X\'c3 H\'3fI}",
            &ParseOptions::default(),
        )
        .unwrap();
        assert_eq!(r.text, "C?NG HÒA XÃ H?I\n");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let mut rtf = String::from(r"{\rtf1 ");
        rtf.push_str(&"{".repeat(100_000));
        rtf.push_str("deep");
        rtf.push_str(&"}".repeat(100_000));
        rtf.push('}');
        assert_eq!(text(&rtf), "deep\n");
    }
}
