//! Telling the format: the content first, the file name second.

use std::path::Path;

use super::Format;

/// The format of `bytes`: by their content first (`%PDF`, the ZIP and OLE2
/// signatures, `{\rtf`, an HTML start), by `name`'s extension second, else
/// [`Format::Text`] (whose reader tells UTF-8, UTF-16 and the legacy
/// encodings apart).
pub fn detect(bytes: &[u8], name: Option<&Path>) -> Format {
    by_content(bytes)
        .or_else(|| name.and_then(by_name))
        .unwrap_or(Format::Text)
}

fn by_content(bytes: &[u8]) -> Option<Format> {
    // A PDF may have up to 1 KiB of junk before its header.
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(Format::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Format::Doc);
    }
    let start = skip_bom_and_space(bytes);
    if start.starts_with(b"{\\rtf") {
        return Some(Format::Rtf);
    }
    if looks_like_html(start) {
        return Some(Format::Html);
    }
    None
}

/// The bytes after a UTF-8 byte-order mark and leading whitespace.
fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Starts with `<!DOCTYPE html`, `<html`, `<head`, `<meta`, or an XML
/// declaration or comments followed by one of those.
fn looks_like_html(mut b: &[u8]) -> bool {
    for _ in 0..16 {
        let lower: Vec<u8> = b.iter().take(16).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"<!doctype html")
            || ["<html", "<head", "<meta", "<body"].iter().any(|t| {
                lower.starts_with(t.as_bytes()) && lower.get(t.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
            })
        {
            return true;
        }
        // Skip an XML declaration, a comment or a doctype of another kind.
        let end = if lower.starts_with(b"<?") {
            memchr::memmem::find(b, b"?>").map(|i| i + 2)
        } else if lower.starts_with(b"<!--") {
            memchr::memmem::find(b, b"-->").map(|i| i + 3)
        } else if lower.starts_with(b"<!") {
            memchr::memchr(b'>', b).map(|i| i + 1)
        } else {
            None
        };
        match end {
            Some(e) => b = skip_bom_and_space(&b[e..]),
            None => return false,
        }
    }
    false
}

fn by_name(name: &Path) -> Option<Format> {
    let ext = name.extension()?.to_str()?.to_ascii_lowercase();
    Format::ALL
        .into_iter()
        .find(|f| *f != Format::Text && f.extensions().contains(&ext.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_first_then_name() {
        let p = |s: &str| Some(Path::new(s).to_path_buf());
        assert_eq!(detect(b"%PDF-1.7\n", None), Format::Pdf);
        assert_eq!(detect(b"PK\x03\x04rest", p("a.txt").as_deref()), Format::Docx);
        assert_eq!(detect(b"{\\rtf1\\ansi", p("x.doc").as_deref()), Format::Rtf);
        assert_eq!(detect(b"\xEF\xBB\xBF\n <!DOCTYPE html>", None), Format::Html);
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<!-- x -->\n<html>", None),
            Format::Html
        );
        assert_eq!(detect(b"<p>fragment</p>", p("a.htm").as_deref()), Format::Html);
        assert_eq!(detect(b"<p>fragment</p>", None), Format::Text);
        assert_eq!(detect(b"<htmlx", None), Format::Text);
        assert_eq!(detect("Số: 12/UBND".as_bytes(), p("a.txt").as_deref()), Format::Text);
        // A name alone: its reader says what is wrong.
        assert_eq!(detect(b"not a pdf", p("a.PDF").as_deref()), Format::Pdf);
    }
}
