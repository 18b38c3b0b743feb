//! HTML: a streaming pass over the page's tags, no tree.
//!
//! The charset is honoured (`--encoding`, a byte-order mark, `<meta
//! charset>` or `http-equiv` in the first 4 KiB; else UTF-8 when the bytes
//! are UTF-8, else a legacy Vietnamese encoding when one reads as
//! Vietnamese, else Windows-1252, HTML's default). Block elements become
//! line breaks, each table cell a line of its own (a two-column header table
//! reads cell by cell), `<pre>` keeps its lines; scripts, styles, the title,
//! navigation, forms' option lists and embedded objects are dropped;
//! character references are decoded. TCVN3 runs shown as Latin-1 inside the
//! page (`ngµy`, `®éng`) are repaired run by run. Nothing is kept per open
//! element, so depth costs nothing: a page nested a million deep reads in
//! one pass and bounded memory.

use std::borrow::Cow;

use crate::error::Error;
use crate::model::Severity;
use crate::ParseOptions;

use super::out::Out;
use super::{Extracted, Format, TextEncoding};

/// Elements whose content is not text of the page.
const DROPPED: [&str; 13] = [
    "script", "style", "title", "noscript", "template", "iframe", "object", "svg", "math", "select", "button", "nav",
    "textarea",
];

/// Elements that start and end a line.
const BLOCKS: [&str; 40] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "main",
    "center",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "body",
    "html",
];

/// Read HTML.
pub(super) fn read_html(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    let (text, enc, how) = decode(bytes, options);
    let mut out = Out::new(Format::Html, options.max_size);
    walk(&text, &mut out)?;
    let mut text = out.finish();
    let mut read_note = format!(
        "read as html, decoded as {} ({how})",
        enc.map_or("utf-8", |e| e.as_str())
    );
    let mut repaired = None;
    if let Some((fixed, runs)) = super::legacy::repair_tcvn3_runs(&text) {
        text = fixed;
        repaired = Some(runs);
    }
    read_note.push_str(" (spans refer to the extracted text, `vanban text` prints it)");
    let mut read = Extracted::made(text, Format::Html);
    read.encoding = enc;
    read.note("read", Severity::Info, read_note, None);
    if let Some(runs) = repaired {
        read.note(
            "repaired-encoding",
            Severity::Warning,
            super::text::repaired_message(runs),
            None,
        );
    }
    Ok(read)
}

/// The page as text: its charset, and how it was told.
fn decode<'a>(bytes: &'a [u8], options: &ParseOptions) -> (Cow<'a, str>, Option<TextEncoding>, String) {
    if let Some(enc) = options.encoding {
        return (
            Cow::Owned(super::legacy::decode(bytes, enc)),
            Some(enc),
            "as told".into(),
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), None, "its byte-order mark".into());
    }
    for (bom, enc) in [
        ([0xFF, 0xFE], TextEncoding::Utf16Le),
        ([0xFE, 0xFF], TextEncoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            return (
                Cow::Owned(super::text::decode_utf16(rest, enc)),
                Some(enc),
                "its byte-order mark".into(),
            );
        }
    }
    if let Some(label) = meta_charset(&bytes[..bytes.len().min(4096)]) {
        if let Some(e) = encoding_rs::Encoding::for_label(label.as_bytes()) {
            if e == encoding_rs::UTF_8 {
                return (
                    String::from_utf8_lossy(bytes),
                    None,
                    format!("its meta charset {label:?}"),
                );
            }
            let (s, _, _) = e.decode(bytes);
            let s: String = unicode_normalization::UnicodeNormalization::nfc(s.as_ref()).collect();
            let known = TextEncoding::ALL
                .into_iter()
                .find(|t| t.as_str().eq_ignore_ascii_case(e.name()));
            return (Cow::Owned(s), known, format!("its meta charset {label:?}"));
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), None, "no charset given; the bytes are utf-8".into());
    }
    #[cfg(feature = "legacy")]
    if let Some((enc, text)) = super::legacy::detect(bytes) {
        return (
            Cow::Owned(text),
            Some(enc),
            "no charset given; its words read as Vietnamese in it".into(),
        );
    }
    (
        Cow::Owned(super::legacy::decode(bytes, TextEncoding::Windows1252)),
        Some(TextEncoding::Windows1252),
        "no charset given, not utf-8: html's default".into(),
    )
}

/// The charset named by a `<meta>` tag (`charset=...`).
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let at = from + i + 7;
        from = at;
        let rest = &lower[at..];
        let rest = rest.strip_prefix(b" ").unwrap_or(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest: &[u8] = {
            let n = rest.iter().take_while(|c| matches!(c, b' ' | b'"' | b'\'')).count();
            &rest[n..]
        };
        let n = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
            .count();
        if n > 0 {
            return Some(String::from_utf8_lossy(&rest[..n]).into_owned());
        }
    }
    None
}

/// Walk the page's tags and text into `out`.
fn walk(s: &str, out: &mut Out) -> Result<(), Error> {
    let b = s.as_bytes();
    let lower_find = |from: usize, needle: &str| -> Option<usize> {
        // Case-insensitive search for an ASCII needle.
        let n = needle.as_bytes();
        let first = n[0];
        let mut i = from;
        while let Some(k) = memchr::memchr2(first, first.to_ascii_uppercase(), &b[i..]) {
            let at = i + k;
            if b.len() >= at + n.len() && b[at..at + n.len()].eq_ignore_ascii_case(n) {
                return Some(at);
            }
            i = at + 1;
        }
        None
    };
    let mut pre = 0usize;
    let mut i = 0;
    while i < b.len() {
        let Some(k) = memchr::memchr2(b'<', b'&', &b[i..]) else {
            text(&s[i..], pre > 0, out)?;
            break;
        };
        let at = i + k;
        text(&s[i..at], pre > 0, out)?;
        if b[at] == b'&' {
            let (c, len) = entity(&s[at..]);
            match c {
                Some(c) if c == '\n' && pre == 0 => out.push_char(' '),
                Some(c) => out.push_char(c),
                None => out.push_char('&'),
            }
            i = at + len.max(1);
            continue;
        }
        // A tag, a comment, a declaration, or a lone '<'.
        if s[at..].starts_with("<!--") {
            i = memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |e| at + 4 + e + 3);
            continue;
        }
        if b.get(at + 1).is_some_and(|c| *c == b'!' || *c == b'?') {
            i = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
            continue;
        }
        let closing = b.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + closing as usize;
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-'))
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            out.push_char('<');
            i = at + 1;
            continue;
        }
        let name = s[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        i = end;
        let name = name.rsplit(':').next().unwrap_or(&name).to_string();
        if !closing && DROPPED.contains(&name.as_str()) {
            let self_closing = b[..end].ends_with(b"/>");
            if !self_closing {
                i = lower_find(end, &format!("</{name}")).map_or(b.len(), |e| tag_end(b, e + 2 + name.len()));
            }
            continue;
        }
        if name == "pre" {
            pre = if closing { pre.saturating_sub(1) } else { pre + 1 };
        }
        if BLOCKS.contains(&name.as_str()) {
            out.line_break();
        } else if name == "img" || name == "input" {
            out.push_char(' ');
        }
    }
    out.check()
}

/// The end of a tag (after its `>`), quotes in attributes respected.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < b.len() {
        match (b[i], quote) {
            (b'"' | b'\'', None) => quote = Some(b[i]),
            (c, Some(q)) if c == q => quote = None,
            (b'>', None) => return i + 1,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Text between tags: outside `<pre>`, line ends are spaces.
fn text(t: &str, pre: bool, out: &mut Out) -> Result<(), Error> {
    if pre {
        return out.push(t);
    }
    for c in t.chars() {
        out.push_char(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out.check()
}

/// A character reference at the start of `s` (`&amp;`, `&#7853;`,
/// `&#x1EAD;`): the character and the bytes taken; `None` when it is not
/// one (a lone `&`).
fn entity(s: &str) -> (Option<char>, usize) {
    let b = s.as_bytes();
    let body_len = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    let body = &s[1..1 + body_len];
    let len = 1 + body_len + (b.get(1 + body_len) == Some(&b';')) as usize;
    let c = if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => num.parse().ok(),
        };
        v.map(|v| match v {
            // Windows-1252's C1 range, as browsers read it.
            0x80..=0x9F => super::legacy::cp1252(v as u8),
            _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
        })
    } else {
        named(body)
    };
    match c {
        Some(c) => (Some(c), len),
        None => (None, 1),
    }
}

/// The named character references met in Vietnamese pages (Latin-1 letters,
/// punctuation, spaces).
fn named(name: &str) -> Option<char> {
    const LATIN1: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
        "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute",
        "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    if let Some(k) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "ensp" | "emsp" | "thinsp" => ' ',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "Dstrok" => 'Đ',
        "dstrok" => 'đ',
        "Abreve" => 'Ă',
        "abreve" => 'ă',
        "Utilde" => 'Ũ',
        "utilde" => 'ũ',
        "Itilde" => 'Ĩ',
        "itilde" => 'ĩ',
        "euro" => '€',
        "trade" => '™',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(s: &str) -> String {
        read_html(s.as_bytes(), &ParseOptions::default())
            .unwrap()
            .text
            .into_owned()
    }

    #[test]
    fn blocks_cells_scripts_entities() {
        let page = "<!DOCTYPE html><html><head><title>Trang</title><style>p{x:1}</style>\
            <script>var a = '<p>no</p>';</script></head><body><nav>Trang chủ</nav>\
            <table><tr><td><p>CHÍNH PHỦ</p><p>Số: 30/2020/NĐ-CP</p></td><td>CỘNG HÒA XÃ HỘI\n CHỦ NGHĨA VIỆT NAM<br>\
            Hà Nội, ng&agrave;y 05 th&#225;ng 3 n&#x103;m 2020</td></tr></table>\
            <!-- <p>comment</p> --><p>Căn cứ&nbsp;Luật &amp; x &lt; y &bogus; a & b</p><pre>a\n  b</pre></body></html>";
        assert_eq!(
            html(page),
            "CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 05 tháng 3 năm 2020\n\
             Căn cứ Luật & x < y &bogus; a & b\na\nb\n"
        );
    }

    #[test]
    fn charset_is_honoured() {
        // Windows-1258: "Hà Nội" with ộ = o + 0xF2 (dot below)... as ô + dot: 0xF4 0xF2.
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head><body>H\xe0 N\xf4\xf2i</body></html>".to_vec();
        let r = read_html(&page, &ParseOptions::default()).unwrap();
        assert_eq!(r.text, "Hà Nội\n");
        assert_eq!(r.encoding, Some(TextEncoding::Windows1258));
        page.clear();
    }

    #[test]
    fn deep_nesting_is_one_pass() {
        let n = 200_000;
        let page = format!(
            "<html><body>{}Số: 12/UBND{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(html(&page), "Số: 12/UBND\n");
    }
}
