//! # vanban
//!
//! Read Vietnamese official documents (văn bản) and follow their citations.
//!
//! The pipeline has one stage per module: [`read`] (bytes of a PDF, a Word
//! file, HTML or text in any encoding → the document's text) → [`normalize`] → parse (the
//! document's structure) → cite (every document the text cites) → [`resolve`]
//! (document identity) → [`graph`] (the citation graph of a corpus) →
//! [`check`] (broken citations, for CI).
//!
//! ```
//! let letter = "TỈNH ỦY BÌNH THUẬN\n*\nSố 698-CV/TU\n\
//!     Tiếp tục đẩy mạnh phong trào thi đua\n“Dân vận khéo” trên địa bàn tỉnh\n\
//!     ĐẢNG CỘNG SẢN VIỆT NAM\nBình Thuận, ngày 28 tháng 02 năm 2023\n\
//!     Kính gửi: Các sở, ban, ngành.\n\
//!     Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy ...\n";
//! let doc = vanban::parse(letter);
//! assert_eq!(doc.symbol.as_ref().unwrap().to_string(), "698-CV/TU");
//! assert_eq!(doc.date.unwrap().to_string(), "2023-02-28");
//! assert_eq!(doc.family, Some(vanban::Family::Party));
//! // The first citation is the letter's own `Số 698-CV/TU` (marked `self`).
//! assert!(doc.citations[0].is_self);
//! let c = &doc.citations[1];
//! assert_eq!(c.symbol.as_ref().unwrap().to_string(), "308-CV/TU");
//! assert_eq!(c.relation, vanban::Relation::Implements);
//! assert_eq!(&letter[c.span.start..c.span.end],
//!            "Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy");
//! ```
#![deny(missing_docs)]

pub mod check;
mod cite;
mod corpus;
mod date;
mod error;
pub mod export;
pub mod graph;
mod lossy;
mod model;
pub mod normalize;
pub mod read;
pub mod resolve;
#[doc(hidden)]
pub mod safety;
mod scan;
mod simd;
mod structure;
mod symbol;
#[cfg(test)]
mod test_texts;
mod text;

pub use corpus::{
    corpus_root, files_to_check, read_bytes, read_document, walk, Corpus, CorpusDocument, CorpusError, CorpusOptions,
    IgnorePatterns,
};
pub use date::IssueDate;
pub use error::{Error, ErrorKind, SyntaxError, SyntaxErrorKind};
pub use graph::{CitationGraph, Confidence, Edge, Node, Walk};
pub use model::{
    Acts, Citation, Diagnostic, Document, Family, Footnote, NamedRef, PartSpans, Relation, Section, Severity,
    Signature, Span,
};
pub use symbol::{Symbol, SymbolStyle};
pub use text::LineIndex;

/// Options for [`parse_with`] and [`parse_bytes`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Refuse documents larger than this many bytes (default 64 MiB).
    pub max_size: usize,
    /// Read invalid UTF-8 on, with replacement characters and a diagnostic,
    /// instead of failing.
    pub lossy: bool,
    /// Read every input as this format instead of telling it from the
    /// content and the name (`--format-in`).
    pub format: Option<read::Format>,
    /// Decode text (and HTML) in this encoding instead of telling it
    /// (`--encoding`).
    pub encoding: Option<read::TextEncoding>,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_size: 64 * 1024 * 1024,
            lossy: false,
            format: None,
            encoding: None,
        }
    }
}

/// Parse one document. Never fails: problems go to
/// [`Document::diagnostics`].
///
/// A text that normalization rewrites is copied into an allocation that the
/// calling thread keeps for the next document (the largest so far, at most
/// 64 MiB), so that parsing document after document does not ask the
/// allocator for fresh pages each time.
pub fn parse(text: &str) -> Document {
    thread_local! {
        /// The normalized text's allocation, reused from one document to
        /// the next on this thread.
        static SPARE: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    /// Kept up to the default size limit of a document: a thread holds at
    /// most the largest text it has parsed.
    const KEEP: usize = 64 << 20;
    let mut spare = SPARE.take();
    let norm = normalize::normalize_reusing(text, &mut spare);
    let doc = {
        let ctx = text::Ctx::new(text, norm.text(), norm.map());
        let mut doc = Document::default();
        let footnotes = structure::parse_structure(&ctx, &mut doc);
        cite::find_citations(&ctx, &footnotes, &mut doc);
        doc
    };
    if let Some(s) = norm.into_spare() {
        spare = s;
    }
    if spare.capacity() <= KEEP {
        SPARE.set(spare);
    }
    doc
}

/// Parse with options. Only the size limit applies to text; see
/// [`parse_bytes`] for bytes.
pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Document, Error> {
    if text.len() > options.max_size {
        return Err(ErrorKind::TooLarge {
            size: text.len() as u64,
            limit: options.max_size as u64,
        }
        .into());
    }
    Ok(parse(text))
}

/// Parse bytes read from a file, through the [`read`] stage: a PDF, a Word
/// file, HTML, UTF-16 or legacy-encoded text is read into text first (then
/// spans are byte ranges into that text, and [`Document::source`] says so);
/// UTF-8 text is parsed as it is. Returns a typed error for input that
/// cannot be read: invalid UTF-8 that no legacy encoding explains (with the
/// byte offset; or, with [`ParseOptions::lossy`], read on with replacement
/// characters and a diagnostic), binary data (NUL bytes), a broken or
/// encrypted file, a format this build leaves out, or a document over the
/// size limit. An empty or whitespace-only input is not an error: it gives
/// an empty [`Document`] with one `empty-document` warning.
pub fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Document, Error> {
    parse_input(bytes, None, options)
}

/// [`parse_bytes`] with the file's name as the second clue to its format
/// (after the content): `x.htm` holding an HTML fragment is read as HTML.
pub fn parse_file_bytes(bytes: &[u8], name: &std::path::Path, options: &ParseOptions) -> Result<Document, Error> {
    parse_input(bytes, Some(name), options)
}

/// Read, then parse; UTF-8 text repaired by [`ParseOptions::lossy`] gets its
/// spans mapped back to the original bytes (the promise every span keeps for
/// text files), so its JSON carries no `source`.
fn parse_input(bytes: &[u8], name: Option<&std::path::Path>, options: &ParseOptions) -> Result<Document, Error> {
    let read = read::read(bytes, name, options)?;
    let mut doc = parse_read(&read);
    if read.repaired_utf8 {
        lossy::LossyMap::new(bytes).map_document(&mut doc);
        doc.source = None;
    }
    Ok(doc)
}

/// Parse the text the [`read`] stage made: the reader's diagnostics come
/// first, and [`Document::source`] says what the spans refer to.
pub fn parse_read(read: &read::Extracted<'_>) -> Document {
    let text: &str = &read.text;
    let mut doc = if is_blank(text) {
        empty_document(text)
    } else {
        parse(text)
    };
    doc.diagnostics.splice(0..0, read.diagnostics.iter().cloned());
    doc.source = read.source();
    doc
}

/// Only whitespace (or nothing, or invisible marks normalization drops)?
fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'))
}

/// The document of an empty or whitespace-only input: nothing to read, said
/// once by an `empty-document` warning (not an error: an empty file in a
/// corpus is worth knowing about, not worth stopping for).
fn empty_document(text: &str) -> Document {
    let found = if text.is_empty() {
        "an empty file".to_string()
    } else {
        format!("only whitespace ({} bytes)", text.len())
    };
    let mut doc = Document::default();
    doc.diagnostics.push(Diagnostic::new(
        "empty-document",
        Severity::Warning,
        format!("empty document: expected text, found {found}"),
        (!text.is_empty()).then(|| Span::new(0, text.len())),
    ));
    doc
}

/// Check and decode bytes as UTF-8 text: the size limit, a NUL byte refused
/// as binary data, invalid UTF-8 refused (or, with [`ParseOptions::lossy`],
/// replaced with U+FFFD). This is the plain UTF-8 check alone; it neither
/// tells formats nor decodes other encodings: [`parse_bytes`] goes through
/// [`read::read`], which does (and reads a stray NUL in long text as a
/// space).
pub fn decode<'a>(bytes: &'a [u8], options: &ParseOptions) -> Result<std::borrow::Cow<'a, str>, Error> {
    if bytes.len() > options.max_size {
        return Err(ErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: options.max_size as u64,
        }
        .into());
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(ErrorKind::Binary {
            offset,
            what: "a NUL byte",
        }
        .into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(_) if options.lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(ErrorKind::InvalidUtf8 {
                offset,
                byte: bytes[offset],
            }
            .into())
        }
    }
}

/// One stage at a time, for benchmarks and profiling (each normalizes
/// first). Not part of the stable API.
#[doc(hidden)]
pub mod stages {
    use crate::{cite, normalize, structure, text, Document};

    /// Normalize and parse the structure only (no citations).
    pub fn structure(input: &str) -> Document {
        let norm = normalize::normalize(input);
        let ctx = text::Ctx::new(input, norm.text(), norm.map());
        let mut doc = Document::default();
        structure::parse_structure(&ctx, &mut doc);
        doc
    }

    /// Normalize and find the citations only (footnotes known by their
    /// markers alone).
    pub fn citations(input: &str) -> Document {
        let norm = normalize::normalize(input);
        let ctx = text::Ctx::new(input, norm.text(), norm.map());
        let mut doc = Document::default();
        cite::find_citations(&ctx, &[], &mut doc);
        doc
    }
}
