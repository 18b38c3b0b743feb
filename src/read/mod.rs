//! The read stage: bytes of any supported format → the document's text.
//!
//! [`read`] is the first stage of the pipeline, before [`crate::normalize`].
//! It tells the format from the content first (`%PDF`, the ZIP and OLE2
//! signatures, `{\rtf`, `<html`/`<!DOCTYPE`, byte-order marks and the NUL
//! pattern of UTF-16), from the file name second, or takes the format it is
//! told ([`crate::ParseOptions::format`]); then it extracts the text:
//!
//! | format | what the text is | feature |
//! |---|---|---|
//! | UTF-8 text | the bytes themselves (borrowed, unchanged) | – |
//! | UTF-16 LE/BE text, with or without BOM | the text decoded | – |
//! | legacy text: Windows-1258, TCVN3 (ABC), VNI | decoded by table, then NFC | `legacy` |
//! | PDF with a text layer | lines in reading order, a page after another | `pdf` |
//! | `.docx` | paragraphs; table cells one after another; footnotes at the end | `office` |
//! | `.doc` (Word 97–2003) | the piece table's text, the same way | `office` |
//! | RTF | its text, code pages and fonts honoured | `office` |
//! | HTML | block elements as lines, table cells as lines, scripts and styles dropped | `html` |
//!
//! Every decoding says what it did in a diagnostic (code `read`), and what
//! the reader met goes to diagnostics too: `no-text-layer` (scanned pages,
//! with their numbers), `ocr-garbage` (a text layer that is not text),
//! `lost-characters` (`?` where Vietnamese letters were: irrecoverable),
//! `repaired-encoding` (TCVN3 runs inside Unicode text, repaired run by
//! run), `nul-byte` (a stray NUL read as a space).
//!
//! Spans of a document whose text is not its input verbatim are byte ranges
//! into the text made here: [`Extracted::text`], printed by `vanban text`;
//! the document's [`Source`] says so.
//!
//! ```
//! let bytes = "Số: 12/QĐ-UBND\n".encode_utf16().flat_map(u16::to_le_bytes);
//! let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(bytes).collect();
//! let read = vanban::read::read(&bytes, None, &Default::default()).unwrap();
//! assert_eq!(read.text, "Số: 12/QĐ-UBND\n");
//! assert_eq!(read.encoding, Some(vanban::read::TextEncoding::Utf16Le));
//! ```

// With some readers left out, helpers only they use are unused.
#![cfg_attr(
    not(all(feature = "pdf", feature = "office", feature = "html", feature = "legacy")),
    allow(dead_code, unused_imports)
)]

use std::borrow::Cow;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::model::{Diagnostic, Severity, Span};
use crate::ParseOptions;

mod cp1252;
mod detect;
mod out;
mod text;
pub(crate) mod viet;

#[cfg(feature = "office")]
mod doc;
#[cfg(feature = "office")]
mod docx;
#[cfg(feature = "html")]
mod html;
#[cfg(any(feature = "legacy", feature = "html", feature = "office"))]
mod legacy;
#[cfg(feature = "legacy")]
pub(crate) use legacy::{has_tcvn3_mark, repair_tcvn3_runs};
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "office")]
mod rtf;

pub use detect::detect;

/// A file format the read stage knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text (UTF-8, UTF-16 or a legacy encoding).
    Text,
    /// PDF.
    Pdf,
    /// Word 2007+ (`.docx`, Office Open XML).
    Docx,
    /// Word 97–2003 (`.doc`, OLE2).
    Doc,
    /// Rich Text Format.
    Rtf,
    /// HTML.
    Html,
}

impl Format {
    /// All formats, in the order of [`Format::as_str`]'s names.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Pdf,
        Format::Docx,
        Format::Doc,
        Format::Rtf,
        Format::Html,
    ];

    /// The lowercase name used in JSON and by `--format-in`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Rtf => "rtf",
            Format::Html => "html",
        }
    }

    /// Can this build read the format? (Each but text needs its feature.)
    pub fn is_enabled(&self) -> bool {
        match self {
            Format::Text => true,
            Format::Pdf => cfg!(feature = "pdf"),
            Format::Docx | Format::Doc | Format::Rtf => cfg!(feature = "office"),
            Format::Html => cfg!(feature = "html"),
        }
    }

    /// The file extensions of the format (lowercase, without the dot).
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "md", "text", "markdown"],
            Format::Pdf => &["pdf"],
            Format::Docx => &["docx"],
            Format::Doc => &["doc"],
            Format::Rtf => &["rtf"],
            Format::Html => &["html", "htm", "xhtml"],
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s || f.extensions().contains(&s.as_str()))
            .ok_or_else(|| format!("unknown format: expected one of text, pdf, docx, doc, rtf, html, found {s:?}"))
    }
}

/// A text encoding the read stage decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum TextEncoding {
    /// UTF-8.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1258 (Vietnamese; tone marks as combining characters, NFC
    /// after decoding).
    #[serde(rename = "windows-1258")]
    Windows1258,
    /// Windows-1252 (Western; no Vietnamese letters outside Latin-1).
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// TCVN3 (ABC; fonts `.VnTime`, `.VnArial`): one byte per letter.
    #[serde(rename = "tcvn3")]
    Tcvn3,
    /// VNI-Windows (fonts `VNI-Times`): a base letter and a modifier byte.
    #[serde(rename = "vni")]
    Vni,
}

impl TextEncoding {
    /// All encodings.
    pub const ALL: [TextEncoding; 7] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1258,
        TextEncoding::Windows1252,
        TextEncoding::Tcvn3,
        TextEncoding::Vni,
    ];

    /// The name used in JSON and by `--encoding`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1258 => "windows-1258",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Tcvn3 => "tcvn3",
            TextEncoding::Vni => "vni",
        }
    }

    /// Needs the `legacy` feature (Windows-125x, TCVN3, VNI)?
    pub fn is_legacy(&self) -> bool {
        !matches!(self, TextEncoding::Utf8 | TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TextEncoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        Ok(match folded.as_str() {
            "utf8" => TextEncoding::Utf8,
            "utf16le" | "utf16" | "unicode" => TextEncoding::Utf16Le,
            "utf16be" => TextEncoding::Utf16Be,
            "windows1258" | "cp1258" => TextEncoding::Windows1258,
            "windows1252" | "cp1252" | "latin1" | "iso88591" => TextEncoding::Windows1252,
            "tcvn3" | "abc" | "vntime" | "tcvn" => TextEncoding::Tcvn3,
            "vni" | "vniwindows" | "vnitimes" => TextEncoding::Vni,
            _ => {
                return Err(format!(
                    "unknown encoding: expected one of utf-8, utf-16le, utf-16be, windows-1258, windows-1252, tcvn3, vni, found {s:?}"
                ))
            }
        })
    }
}

/// What the document's spans are byte ranges into, and where its text came
/// from: present on a [`crate::Document`] whose text is not its input bytes
/// verbatim (JSON key `source`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The input's format.
    pub format: Format,
    /// The text encoding decoded, for text (and for HTML and RTF, the
    /// charset or code page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<TextEncoding>,
    /// Each page's byte range in the extracted text (PDF), in page order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Span>,
    /// What spans are byte ranges into: always `extracted-text`, the text
    /// `vanban text FILE` prints (and [`Extracted::text`]).
    pub spans_into: String,
}

/// The text of one input, as the read stage made it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Extracted<'a> {
    /// The text: borrowed when the input is UTF-8 text (then spans are byte
    /// ranges into the input itself), else made here.
    pub text: Cow<'a, str>,
    /// The format read.
    pub format: Format,
    /// The text encoding decoded, where there is one.
    pub encoding: Option<TextEncoding>,
    /// Each page's byte range in [`Extracted::text`] (PDF only).
    pub pages: Vec<Span>,
    /// What the reader did and met.
    pub diagnostics: Vec<Diagnostic>,
    /// UTF-8 text whose bad bytes [`ParseOptions::lossy`] replaced: the
    /// parser maps spans in it back to the input's bytes.
    pub(crate) repaired_utf8: bool,
}

impl<'a> Extracted<'a> {
    /// Text read as it is (UTF-8, borrowed).
    fn borrowed(text: &'a str) -> Self {
        Extracted {
            text: Cow::Borrowed(text),
            format: Format::Text,
            encoding: None,
            pages: Vec::new(),
            diagnostics: Vec::new(),
            repaired_utf8: false,
        }
    }

    /// Text made by a reader.
    pub(crate) fn made(text: String, format: Format) -> Extracted<'static> {
        Extracted {
            text: Cow::Owned(text),
            format,
            encoding: None,
            pages: Vec::new(),
            diagnostics: Vec::new(),
            repaired_utf8: false,
        }
    }

    /// What the document's spans refer to: `None` when the text is the input
    /// verbatim (spans are byte ranges into the input).
    pub fn source(&self) -> Option<Source> {
        match self.text {
            Cow::Borrowed(_) => None,
            Cow::Owned(_) => Some(Source {
                format: self.format,
                encoding: self.encoding,
                pages: self.pages.clone(),
                spans_into: "extracted-text".to_string(),
            }),
        }
    }

    pub(crate) fn note(&mut self, code: &str, severity: Severity, message: impl Into<String>, span: Option<Span>) {
        self.diagnostics.push(Diagnostic::new(code, severity, message, span));
    }
}

/// Read bytes of any supported format into text.
///
/// `name` (a file name or path) is the second clue to the format, after the
/// content; [`ParseOptions::format`] forces one and
/// [`ParseOptions::encoding`] forces a text encoding. Errors name what was
/// expected and what was found: a format this build cannot read (a feature
/// left out), a file that is broken, encrypted or too large, bytes that are
/// not text. Problems inside a readable file are diagnostics.
pub fn read<'a>(bytes: &'a [u8], name: Option<&Path>, options: &ParseOptions) -> Result<Extracted<'a>, Error> {
    if bytes.len() > options.max_size {
        return Err(ErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: options.max_size as u64,
        }
        .into());
    }
    let format = options.format.unwrap_or_else(|| detect(bytes, name));
    if !format.is_enabled() {
        return Err(ErrorKind::Unsupported {
            found: format!("a {format} file"),
            hint: format!(
                "this build of vanban reads no {format} (built without the `{}` feature)",
                feature_of(format)
            ),
        }
        .into());
    }
    let mut read = match format {
        Format::Text => text::read_text(bytes, options)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::read_pdf(bytes, options)?,
        #[cfg(feature = "office")]
        Format::Docx => docx::read_docx(bytes, options)?,
        #[cfg(feature = "office")]
        Format::Doc => doc::read_doc(bytes, options)?,
        #[cfg(feature = "office")]
        Format::Rtf => rtf::read_rtf(bytes, options)?,
        #[cfg(feature = "html")]
        Format::Html => html::read_html(bytes, options)?,
        #[allow(unreachable_patterns)]
        _ => unreachable!("a format whose feature is off was refused above"),
    };
    if read.text.len() > options.max_size {
        return Err(ErrorKind::TooLarge {
            size: read.text.len() as u64,
            limit: options.max_size as u64,
        }
        .into());
    }
    if let Cow::Owned(t) = &read.text {
        if let Some(d) = viet::lost_letters(t) {
            read.diagnostics.push(d);
        }
    }
    Ok(read)
}

fn feature_of(format: Format) -> &'static str {
    match format {
        Format::Text => "legacy",
        Format::Pdf => "pdf",
        Format::Docx | Format::Doc | Format::Rtf => "office",
        Format::Html => "html",
    }
}

/// The error of a file that the reader of its format cannot read.
pub(crate) fn unreadable(format: Format, reason: impl Into<String>) -> Error {
    ErrorKind::Unreadable {
        format: format.as_str(),
        reason: reason.into(),
    }
    .into()
}

/// "pages 1-2, 5" from 1-based page numbers in order.
pub(crate) fn page_list(pages: &[usize]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        if j > i {
            out.push_str(&format!("{}-{}", pages[i], pages[j]));
        } else {
            out.push_str(&pages[i].to_string());
        }
        i = j + 1;
    }
    let word = if pages.len() == 1 { "page" } else { "pages" };
    format!("{word} {out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lists() {
        assert_eq!(page_list(&[1]), "page 1");
        assert_eq!(page_list(&[1, 2, 3, 5, 7, 8]), "pages 1-3, 5, 7-8");
    }

    #[test]
    fn names_parse() {
        assert_eq!("PDF".parse::<Format>().unwrap(), Format::Pdf);
        assert_eq!("htm".parse::<Format>().unwrap(), Format::Html);
        assert!("odt".parse::<Format>().is_err());
        assert_eq!("UTF-16".parse::<TextEncoding>().unwrap(), TextEncoding::Utf16Le);
        assert_eq!("cp1258".parse::<TextEncoding>().unwrap(), TextEncoding::Windows1258);
        assert_eq!("ABC".parse::<TextEncoding>().unwrap(), TextEncoding::Tcvn3);
        assert!("koi8-r".parse::<TextEncoding>().is_err());
    }
}
