//! One document: `vanban.parse` and `vanban.parse_file`.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;
use vanban::export::ParseRecord;
use vanban::{Document, ParseOptions};

use crate::errors;

/// Parse options from the Python arguments.
pub(crate) fn options(lossy: bool, max_size: usize) -> ParseOptions {
    let mut o = ParseOptions::default();
    o.lossy = lossy;
    o.max_size = max_size;
    o
}

/// A parsed document held in Rust; `json()` writes it as the command line
/// does. The Python class `vanban.Document` wraps it.
#[pyclass(module = "vanban._vanban", frozen)]
pub struct RawDocument {
    doc: Document,
    /// The file it was read from, as given.
    path: Option<String>,
}

impl RawDocument {
    pub(crate) fn new(doc: Document, path: Option<String>) -> RawDocument {
        RawDocument { doc, path }
    }
}

/// The JSON of a document: `vanban parse --format json`'s record (with
/// `path`) for a file, the document's own object for a text.
pub(crate) fn document_json(doc: &Document, path: Option<&str>) -> serde_json::Result<String> {
    match path {
        Some(p) => serde_json::to_string(&ParseRecord {
            path: p.to_string(),
            path_bytes: None,
            doc,
        }),
        None => serde_json::to_string(doc),
    }
}

#[pymethods]
impl RawDocument {
    /// The document as JSON: the object `vanban parse --format json`
    /// prints (with `path` for a file).
    fn json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| document_json(&self.doc, self.path.as_deref()))
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
    }

    /// The file it was read from, as given; `None` for a text.
    #[getter]
    fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

/// Parse a text (the GIL released). `max_size` bounds its UTF-8 length.
#[pyfunction]
pub fn parse_text(py: Python<'_>, text: PyBackedStr, max_size: usize) -> PyResult<RawDocument> {
    let opts = options(false, max_size);
    let doc = py.detach(|| vanban::parse_with(&text, &opts));
    doc.map(|d| RawDocument::new(d, None))
        .map_err(|e| errors::to_py(py, &e))
}

/// Parse bytes as a file's content (the GIL released): invalid UTF-8,
/// binary data and the size limit are errors.
#[pyfunction]
pub fn parse_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>, lossy: bool, max_size: usize) -> PyResult<RawDocument> {
    let opts = options(lossy, max_size);
    // Bytes objects are immutable, and `data` keeps this one alive.
    let bytes = data.as_bytes();
    let doc = py.detach(|| vanban::parse_bytes(bytes, &opts));
    doc.map(|d| RawDocument::new(d, None))
        .map_err(|e| errors::to_py(py, &e))
}

/// Read and parse a file (the GIL released), as `vanban parse` does.
#[pyfunction]
pub fn parse_file(py: Python<'_>, path: PathBuf, lossy: bool, max_size: usize) -> PyResult<RawDocument> {
    let opts = options(lossy, max_size);
    let doc = py.detach(|| vanban::read_document(&path, &opts));
    doc.map(|d| RawDocument::new(d, Some(path.display().to_string())))
        .map_err(|e| errors::to_py(py, &e))
}

/// The text that spans of a document parsed from `data` index: what the
/// read stage makes of the bytes (UTF-8 text as it is).
#[pyfunction]
pub fn decode(py: Python<'_>, data: &Bound<'_, PyBytes>, lossy: bool, max_size: usize) -> PyResult<String> {
    let opts = options(lossy, max_size);
    vanban::read::read(data.as_bytes(), None, &opts)
        .map(|r| r.text.into_owned())
        .map_err(|e| errors::to_py(py, &e))
}

/// The text that spans of a document read from `path` index.
#[pyfunction]
pub fn read_text(py: Python<'_>, path: PathBuf, lossy: bool, max_size: usize) -> PyResult<String> {
    let opts = options(lossy, max_size);
    let text = py.detach(|| {
        let bytes = vanban::read_bytes(&path, max_size)?;
        vanban::read::read(&bytes, Some(&path), &opts)
            .map(|r| r.text.into_owned())
            .map_err(|e| e.with_path(&path))
    });
    text.map_err(|e| errors::to_py(py, &e))
}
