//! `vanban.Graph`: the citation graph of a corpus, its JSON export and its
//! lineage walks.

use std::path::Path;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use vanban::graph::Walk;
use vanban::{CitationGraph, Node, Relation, Symbol};

/// The citation graph held in Rust (the Python class `vanban.Graph` wraps it).
#[pyclass(module = "vanban._vanban", frozen)]
pub struct RawGraph {
    graph: CitationGraph,
}

impl RawGraph {
    pub(crate) fn new(graph: CitationGraph) -> RawGraph {
        RawGraph { graph }
    }
}

fn json_error(e: impl std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(e.to_string())
}

#[pymethods]
impl RawGraph {
    /// Nodes: the corpus's documents and the documents they cite.
    #[getter]
    fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Edges: one per citing document, cited document and relation.
    #[getter]
    fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// `vanban graph --format json`.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| {
            let mut out = Vec::new();
            vanban::export::to_json(&self.graph, &mut out).map(|()| out)
        })
        .map_err(json_error)
        .and_then(|out| String::from_utf8(out).map_err(json_error))
    }

    /// The nodes `of` names, as JSON objects: a node id, a corpus file, or a
    /// số ký hiệu (narrowed by `year` and `jurisdiction`), as `vanban
    /// lineage --of` reads it.
    #[pyo3(signature = (of, year=None, jurisdiction=None))]
    fn find(&self, of: &str, year: Option<u16>, jurisdiction: Option<&str>) -> PyResult<Vec<String>> {
        let found: Vec<&Node> = if let Some(n) = self.graph.node(of) {
            vec![n]
        } else if Path::new(of).exists() {
            self.graph.node_by_path(Path::new(of)).into_iter().collect()
        } else {
            match of.parse::<Symbol>() {
                Ok(sym) => self.graph.find_symbol(&sym, year, jurisdiction),
                Err(_) => Vec::new(),
            }
        };
        found
            .into_iter()
            .map(|n| serde_json::to_string(n).map_err(json_error))
            .collect()
    }

    /// `vanban lineage --format json` from the node `id`: up (what it
    /// implements) or down, following `relations` (names; empty: all).
    fn lineage_json(&self, id: &str, up: bool, relations: Vec<String>) -> PyResult<String> {
        let start = self
            .graph
            .node(id)
            .ok_or_else(|| PyValueError::new_err(format!("no node {id:?} in the graph")))?;
        let relations = relations
            .iter()
            .map(|r| r.parse::<Relation>().map_err(PyValueError::new_err))
            .collect::<PyResult<Vec<_>>>()?;
        let walk = if up { Walk::Up } else { Walk::Down };
        let steps = self.graph.lineage(id, walk, &relations);
        let mut out = Vec::new();
        vanban::export::lineage_to_json(start, walk, &steps, &mut out).map_err(json_error)?;
        String::from_utf8(out).map_err(json_error)
    }
}
