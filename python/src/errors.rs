//! The library's errors as the package's Python exceptions (defined in
//! `vanban/_errors.py`): `InvalidUtf8Error`, `BinaryInputError`,
//! `TooLargeError`, `MalformedError`, `UnreadableFileError`, all `VanbanError(ValueError)`; a file
//! that cannot be read is an `OSError` (`FileNotFoundError`,
//! `IsADirectoryError`, ...) naming the file.

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use vanban::{Error, ErrorKind, SyntaxError, SyntaxErrorKind};

/// `vanban._errors.<class>(message, **details)`, `fill` setting the details.
fn raise<'py>(
    py: Python<'py>,
    class: &str,
    message: String,
    fill: impl FnOnce(&Bound<'py, PyDict>) -> PyResult<()>,
) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let cls = py.import("vanban._errors")?.getattr(class)?;
        let kwargs = PyDict::new(py);
        fill(&kwargs)?;
        Ok(PyErr::from_value(cls.call((message,), Some(&kwargs))?))
    })();
    made.unwrap_or_else(|e| e)
}

/// A library error as a Python exception.
pub(crate) fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let message = e.to_string();
    let path = e.path().map(|p| p.display().to_string());
    match e.kind() {
        ErrorKind::InvalidUtf8 { offset, byte } => raise(py, "InvalidUtf8Error", message, |d| {
            d.set_item("path", &path)?;
            d.set_item("offset", offset)?;
            d.set_item("byte", byte)
        }),
        ErrorKind::Binary { offset, .. } => raise(py, "BinaryInputError", message, |d| {
            d.set_item("path", &path)?;
            d.set_item("offset", offset)
        }),
        ErrorKind::TooLarge { size, limit } => raise(py, "TooLargeError", message, |d| {
            d.set_item("path", &path)?;
            d.set_item("size", size)?;
            d.set_item("limit", limit)
        }),
        ErrorKind::Unreadable { format, .. } => raise(py, "UnreadableFileError", message, |d| {
            d.set_item("path", &path)?;
            d.set_item("format", format)
        }),
        ErrorKind::Unsupported { .. } => raise(py, "UnreadableFileError", message, |d| d.set_item("path", &path)),
        ErrorKind::Syntax(s) => malformed(py, s),
        // OSError(errno, text, filename): the text without the file, which
        // Python prints after it.
        ErrorKind::IsDirectory => PyOSError::new_err((21_i32, e.kind().to_string(), path)),
        ErrorKind::Io(io) => {
            // Python makes OSError(errno, ...) its subclass
            // (FileNotFoundError for ENOENT, ...).
            let errno = io.raw_os_error().or(match io.kind() {
                std::io::ErrorKind::NotFound => Some(2),
                std::io::ErrorKind::PermissionDenied => Some(13),
                _ => None,
            });
            match errno {
                Some(n) => PyOSError::new_err((n, e.kind().to_string(), path)),
                None => PyOSError::new_err(message),
            }
        }
        // A kind this version does not name (the enum grows).
        _ => raise(py, "VanbanError", message, |d| d.set_item("path", &path)),
    }
}

/// A string that does not follow a grammar (`Symbol.parse`,
/// `IssueDate.parse_text`).
pub(crate) fn malformed(py: Python<'_>, s: &SyntaxError) -> PyErr {
    let kind = match s.kind {
        SyntaxErrorKind::Symbol => "symbol",
        SyntaxErrorKind::Date => "date",
        _ => "text",
    };
    raise(py, "MalformedError", s.to_string(), |d| {
        d.set_item("offset", s.offset)?;
        d.set_item("expected", &s.expected)?;
        d.set_item("found", &s.found)?;
        d.set_item("kind", kind)
    })
}

/// A `VanbanError` with this message (a bad configuration, ...).
pub(crate) fn vanban_error(py: Python<'_>, message: String, path: Option<String>) -> PyErr {
    raise(py, "VanbanError", message, |d| d.set_item("path", &path))
}
