//! `vanban._vanban`: the Rust half of the `vanban` Python package.
//!
//! Every function that reads or parses releases the GIL while it works. The
//! JSON the package gives (`Document.to_dict()`, `Graph.to_json()`,
//! `Lineage.to_dict()`, `Finding.to_dict()`) is the command line's JSON,
//! written by the same library code ([`vanban::export`] and the model's
//! serde implementations); the Python side reads it back with `json`, so a
//! key the library adds shows up in Python without a change here.

use pyo3::prelude::*;

mod check;
mod corpus;
mod document;
mod errors;
mod graph;
mod values;

/// The Rust extension of the `vanban` package (import `vanban`, not this).
#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("LIBRARY_VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<document::RawDocument>()?;
    m.add_function(wrap_pyfunction!(document::parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(document::parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(document::parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(document::decode, m)?)?;
    m.add_function(wrap_pyfunction!(document::read_text, m)?)?;
    m.add_class::<values::Symbol>()?;
    m.add_class::<values::IssueDate>()?;
    m.add_class::<corpus::RawCorpus>()?;
    m.add_function(wrap_pyfunction!(corpus::corpus_from_paths, m)?)?;
    m.add_class::<graph::RawGraph>()?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add("DEFAULT_MAX_SIZE", vanban::ParseOptions::default().max_size)?;
    let relations: Vec<&str> = vanban::Relation::ALL.iter().map(|r| r.as_str()).collect();
    m.add("RELATIONS", relations)?;
    Ok(())
}
