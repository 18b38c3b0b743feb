//! `vanban.Corpus.from_paths`: files and folders parsed in parallel with the
//! GIL released, a progress callback and Ctrl-C heard while they are read.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use vanban::{Corpus, CorpusOptions, Document, Error};

use crate::document::{document_json, options};
use crate::errors;
use crate::graph::RawGraph;

/// How often the progress callback is called, and Ctrl-C looked for.
const TICK: Duration = Duration::from_millis(100);

/// Documents read from files (the Python class `vanban.Corpus` wraps it).
#[pyclass(module = "vanban._vanban", frozen)]
pub struct RawCorpus {
    corpus: Arc<Corpus>,
}

/// Read `paths` (files, and folders walked for `.txt`, `.md`, `.text` and
/// `.markdown` files, `.gitignore` respected) in parallel: on `threads`
/// threads (all cores when `None`), calling `progress(done, total)` about
/// ten times a second. One file that cannot be read is kept as an error;
/// the others are still read.
#[pyfunction]
#[pyo3(signature = (paths, threads, lossy, max_size, progress))]
pub fn corpus_from_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    lossy: bool,
    max_size: usize,
    progress: Option<Py<PyAny>>,
) -> PyResult<RawCorpus> {
    let mut corpus_options = CorpusOptions::default();
    corpus_options.parse = options(lossy, max_size);
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads: expected at least 1, found 0")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?,
        ),
        None => None,
    };
    let (files, problems) = py.detach(|| vanban::walk(&paths, &corpus_options));
    let total = files.len();
    let done = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let parse_options = &corpus_options.parse;
    let read_all = || -> Vec<Option<Result<Document, Error>>> {
        files
            .par_iter()
            .map(|p| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let r = vanban::read_document(p, parse_options);
                done.fetch_add(1, Ordering::Relaxed);
                Some(r)
            })
            .collect()
    };
    // The files are read on the pool; this thread wakes up every tick (the
    // GIL taken only then) to report progress and hear Ctrl-C.
    let (results, stopped) = py.detach(|| {
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::channel();
            let (pool, read_all) = (&pool, &read_all);
            let worker = s.spawn(move || {
                let results = match pool {
                    Some(pool) => pool.install(read_all),
                    None => read_all(),
                };
                let _ = tx.send(());
                results
            });
            let mut stopped: Option<PyErr> = None;
            let mut reported = usize::MAX;
            loop {
                let finished = !matches!(rx.recv_timeout(TICK), Err(mpsc::RecvTimeoutError::Timeout));
                let now = done.load(Ordering::Relaxed);
                if stopped.is_none() && (now != reported || finished) {
                    reported = now;
                    Python::attach(|py| {
                        let called = match &progress {
                            Some(cb) => cb.call1(py, (now, total)).map(drop),
                            None => Ok(()),
                        };
                        if let Err(e) = called.and_then(|()| py.check_signals()) {
                            cancel.store(true, Ordering::Relaxed);
                            stopped = Some(e);
                        }
                    });
                }
                if finished {
                    break;
                }
            }
            (worker.join(), stopped)
        })
    });
    if let Some(e) = stopped {
        return Err(e);
    }
    let results = results.map_err(|_| PyRuntimeError::new_err("a thread reading the corpus panicked"))?;
    let mut corpus = Corpus::new();
    for p in problems {
        corpus.push_error(p.path, p.error);
    }
    for (path, r) in files.into_iter().zip(results) {
        match r {
            Some(Ok(doc)) => corpus.push(path, doc),
            Some(Err(e)) => corpus.push_error(path, e),
            None => unreachable!("no file is skipped unless the read was stopped"),
        }
    }
    Ok(RawCorpus {
        corpus: Arc::new(corpus),
    })
}

#[pymethods]
impl RawCorpus {
    /// The number of documents read.
    fn __len__(&self) -> usize {
        self.corpus.documents().len()
    }

    /// Every document as JSON, one `vanban parse --format json` record
    /// (with `path`) per element of a JSON array.
    fn records_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| {
            let mut out = String::from("[");
            for (i, d) in self.corpus.documents().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&document_json(&d.document, Some(&d.path.display().to_string()))?);
            }
            out.push(']');
            Ok::<_, serde_json::Error>(out)
        })
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    /// The files that could not be read, as exceptions naming them.
    fn errors(&self, py: Python<'_>) -> Vec<Py<PyAny>> {
        self.corpus
            .errors()
            .iter()
            .map(|e| errors::to_py(py, &e.error).into_value(py).into_any())
            .collect()
    }

    /// The citation graph (built with the GIL released).
    fn graph(&self, py: Python<'_>) -> RawGraph {
        RawGraph::new(py.detach(|| self.corpus.graph()))
    }
}
