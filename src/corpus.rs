//! A corpus: many documents read from files and folders, in parallel, one bad
//! file reported and the rest still read.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, ErrorKind};
use crate::graph::CitationGraph;
use crate::model::Document;
use crate::ParseOptions;

/// One parsed document of a corpus.
#[derive(Debug, Clone)]
pub struct CorpusDocument {
    /// The file it was read from, as given or found while walking.
    pub path: PathBuf,
    /// The parsed document.
    pub document: Document,
}

/// A file that could not be read as a document.
#[derive(Debug)]
pub struct CorpusError {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// What went wrong (its `Display` names the file).
    pub error: Error,
}

/// How to read a corpus.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CorpusOptions {
    /// Options for each document.
    pub parse: ParseOptions,
    /// File extensions read when walking folders (files given explicitly are
    /// always read).
    pub extensions: Vec<String>,
    /// Respect `.gitignore` / `.ignore` files while walking.
    pub respect_ignore_files: bool,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            parse: ParseOptions::default(),
            extensions: ["txt", "md", "text", "markdown"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            respect_ignore_files: true,
        }
    }
}

/// Documents read from files, plus the files that could not be read.
///
/// ```no_run
/// let corpus = vanban::Corpus::from_paths(&["fixtures"], &Default::default());
/// let graph = corpus.graph();
/// println!("{} documents, {} nodes", corpus.documents().len(), graph.node_count());
/// ```
#[derive(Debug, Default)]
pub struct Corpus {
    docs: Vec<CorpusDocument>,
    errors: Vec<CorpusError>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Add an already parsed document.
    pub fn push(&mut self, path: impl Into<PathBuf>, document: Document) {
        self.docs.push(CorpusDocument {
            path: path.into(),
            document,
        });
    }

    /// Record a file that could not be read.
    pub fn push_error(&mut self, path: impl Into<PathBuf>, error: Error) {
        self.errors.push(CorpusError {
            path: path.into(),
            error,
        });
    }

    /// Read files and folders (recursively), in parallel.
    pub fn from_paths<P: AsRef<Path>>(paths: &[P], options: &CorpusOptions) -> Corpus {
        let (files, mut errors) = walk(paths, options);
        let results: Vec<(PathBuf, Result<Document, Error>)> = files
            .into_par_iter()
            .map(|p| {
                let r = read_document(&p, &options.parse);
                (p, r)
            })
            .collect();
        let mut docs = Vec::with_capacity(results.len());
        for (path, r) in results {
            match r {
                Ok(document) => docs.push(CorpusDocument { path, document }),
                Err(error) => errors.push(CorpusError { path, error }),
            }
        }
        Corpus { docs, errors }
    }

    /// The documents, in path order.
    pub fn documents(&self) -> &[CorpusDocument] {
        &self.docs
    }

    /// Files that could not be read.
    pub fn errors(&self) -> &[CorpusError] {
        &self.errors
    }

    /// Build and resolve the citation graph.
    pub fn graph(&self) -> CitationGraph {
        CitationGraph::build(&self.docs)
    }
}

/// Read and parse one file.
pub fn read_document(path: &Path, options: &ParseOptions) -> Result<Document, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::from(e).with_path(path))?;
    if meta.is_dir() {
        return Err(Error::from(ErrorKind::IsDirectory).with_path(path));
    }
    if meta.len() > options.max_size as u64 {
        return Err(Error::from(ErrorKind::TooLarge {
            size: meta.len(),
            limit: options.max_size as u64,
        })
        .with_path(path));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::from(e).with_path(path))?;
    crate::parse_bytes(&bytes, options).map_err(|e| e.with_path(path))
}

/// Expand files and folders into the document files under them (sorted per
/// folder), reporting folders that cannot be walked (symlink loops,
/// permissions) without stopping.
pub fn walk<P: AsRef<Path>>(paths: &[P], options: &CorpusOptions) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if !p.is_dir() {
            files.push(p.to_path_buf());
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(p)
            .hidden(true)
            .git_ignore(options.respect_ignore_files)
            .git_exclude(options.respect_ignore_files)
            .ignore(options.respect_ignore_files)
            .parents(options.respect_ignore_files)
            .require_git(false)
            .follow_links(true)
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    if is_file && has_extension(e.path(), &options.extensions) {
                        found.push(e.into_path());
                    }
                }
                Err(err) => {
                    let path = walk_error_path(&err).unwrap_or_else(|| p.to_path_buf());
                    let io = std::io::Error::other(walk_error_text(&err));
                    errors.push(CorpusError {
                        error: Error::from(io).with_path(&path),
                        path,
                    });
                }
            }
        }
        found.sort();
        files.extend(found);
    }
    (files, errors)
}

fn has_extension(p: &Path, exts: &[String]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn walk_error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn walk_error_text(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_text(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!(
                "symlink loop: expected a folder, found a link back to {}",
                ancestor.display()
            )
        }
        other => other.to_string().to_lowercase(),
    }
}
