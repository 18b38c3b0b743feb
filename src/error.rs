//! Errors. nom stays private: the grammar modules return [`PResult`] with a
//! [`GrammarError`], and [`syntax_error`] is the one place where a nom error
//! becomes a public [`SyntaxError`].

use std::fmt;
use std::path::{Path, PathBuf};

/// Result of a grammar rule (crate-private; nom never leaks out).
pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T, GrammarError<'a>>;

/// The nom error type of the grammar: where it failed and what it expected.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GrammarError<'a> {
    pub(crate) input: &'a str,
    pub(crate) expected: &'static str,
}

impl<'a> nom::error::ParseError<&'a str> for GrammarError<'a> {
    fn from_error_kind(input: &'a str, kind: nom::error::ErrorKind) -> Self {
        GrammarError {
            input,
            expected: match kind {
                nom::error::ErrorKind::Digit => "a digit",
                nom::error::ErrorKind::Tag => "a keyword",
                nom::error::ErrorKind::Eof => "the end of the input",
                _ => "a valid form",
            },
        }
    }

    fn append(_: &'a str, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Keep the error that got further.
        if other.input.len() < self.input.len() {
            other
        } else {
            self
        }
    }
}

impl<'a> nom::error::ContextError<&'a str> for GrammarError<'a> {
    fn add_context(_input: &'a str, ctx: &'static str, mut other: Self) -> Self {
        other.expected = ctx;
        other
    }
}

/// Which grammar a [`SyntaxError`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxErrorKind {
    /// A số và ký hiệu (`698-CV/TU`).
    Symbol,
    /// A date (`ngày 28 tháng 02 năm 2023`, `26/11/2021`).
    Date,
}

/// A string that does not follow the grammar, or an impossible value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} at byte {offset}: expected {expected}, found {found}", what = self.what())]
pub struct SyntaxError {
    /// Which grammar.
    pub kind: SyntaxErrorKind,
    /// Byte offset into the string given to the parser.
    pub offset: usize,
    /// What the grammar expected there.
    pub expected: String,
    /// What it found (quoted, shortened), or `end of input`.
    pub found: String,
}

impl SyntaxError {
    fn what(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::Symbol => "số ký hiệu",
            SyntaxErrorKind::Date => "date",
        }
    }

    pub(crate) fn new(kind: SyntaxErrorKind, source: &str, offset: usize, expected: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            offset,
            expected: expected.into(),
            found: found_at(source, offset),
        }
    }
}

/// Describe the text at `offset` for an error message.
pub(crate) fn found_at(source: &str, offset: usize) -> String {
    let rest = source.get(offset..).unwrap_or("");
    if rest.is_empty() {
        return "end of input".to_string();
    }
    let shown: String = rest.chars().take(12).collect();
    let ellipsis = if rest.chars().nth(12).is_some() { "…" } else { "" };
    format!("\"{shown}{ellipsis}\"")
}

/// The single conversion point from a nom error into a public error.
pub(crate) fn syntax_error(kind: SyntaxErrorKind, source: &str, err: nom::Err<GrammarError<'_>>) -> SyntaxError {
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => {
            let offset = source.len().saturating_sub(e.input.len());
            SyntaxError::new(kind, source, offset, e.expected)
        }
        nom::Err::Incomplete(_) => SyntaxError::new(kind, source, source.len(), "more input"),
    }
}

/// What went wrong reading a document that is not text, or reading a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8.
    #[error("invalid utf-8 at byte {offset}: expected text, found byte 0x{byte:02x} (use --lossy to read on)")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
        /// The bad byte.
        byte: u8,
    },
    /// The bytes look binary (a NUL byte or mostly control characters).
    #[error("binary data at byte {offset}: expected text, found {what}")]
    Binary {
        /// Offset of the first binary byte.
        offset: usize,
        /// What was found.
        what: &'static str,
    },
    /// The document is larger than the configured maximum.
    #[error("document too large: {size} bytes, the limit is {limit} bytes (raise it with --max-size)")]
    TooLarge {
        /// Size of the document.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A format (or encoding) this build cannot read: its library feature
    /// was left out.
    #[error("unsupported input: expected a format this build reads, found {found}: {hint}")]
    Unsupported {
        /// What the input is (`a pdf file`).
        found: String,
        /// What to do about it.
        hint: String,
    },
    /// A file of a known format that its reader cannot read: broken,
    /// truncated, encrypted, not what its signature says, or growing past
    /// the size limit when inflated.
    #[error("cannot read this {format}: {reason}")]
    Unreadable {
        /// The format (`pdf`, `docx`, `doc`, `rtf`, `html`).
        format: &'static str,
        /// What was expected and what was found.
        reason: String,
    },
    /// A directory was given where a file was expected.
    #[error("is a directory: expected a file")]
    IsDirectory,
    /// Reading failed.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A grammar error.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
}

/// The crate's error: a kind plus, when known, the file it is about.
#[derive(Debug, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file concerned, when known.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Attach the file the error is about.
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error { kind, path: None }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        ErrorKind::Io(e).into()
    }
}

impl From<SyntaxError> for Error {
    fn from(e: SyntaxError) -> Self {
        ErrorKind::Syntax(e).into()
    }
}
