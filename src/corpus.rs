//! A corpus: many documents read from files and folders, in parallel, one bad
//! file reported and the rest still read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    /// always read): by default those of every format this build reads
    /// (`txt`, `md`, `text`, `markdown`, and with their features `pdf`,
    /// `docx`, `doc`, `rtf`, `html`, `htm`, `xhtml`).
    pub extensions: Vec<String>,
    /// Respect `.gitignore` / `.ignore` files while walking.
    pub respect_ignore_files: bool,
    /// Follow symbolic links that lead out of the folders given. Off by
    /// default: a link inside a folder is followed only when its target is
    /// inside one of the folders given; a link out of them (to a folder, or
    /// to a file with a document extension) is reported, not read.
    pub follow_links: bool,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            parse: ParseOptions::default(),
            extensions: crate::read::Format::ALL
                .iter()
                .filter(|f| f.is_enabled())
                .flat_map(|f| f.extensions())
                .map(|s| s.to_string())
                .collect(),
            respect_ignore_files: true,
            follow_links: false,
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

/// Read and parse one file (any format the [`crate::read`] stage reads).
pub fn read_document(path: &Path, options: &ParseOptions) -> Result<Document, Error> {
    let bytes = read_bytes(path, options.max_size)?;
    crate::parse_file_bytes(&bytes, path, options).map_err(|e| e.with_path(path))
}

/// How far past the limit an oversized stream is read (and thrown away) to
/// say its size; an endless one (`/dev/zero`) is cut there.
const DRAIN_LIMIT: u64 = 1 << 32;

/// Read a file's bytes, refusing more than `max` bytes without reading them
/// all (a device or a pipe has no size to check first). Every error names
/// the file: a missing path, a broken symbolic link, a folder, a file over
/// the limit.
pub fn read_bytes(path: &Path, max: usize) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let too_large = |size: u64| {
        Error::from(ErrorKind::TooLarge {
            size,
            limit: max as u64,
        })
        .with_path(path)
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let e = if is_link && e.kind() == std::io::ErrorKind::NotFound {
            broken_link(path)
        } else {
            e
        };
        Error::from(e).with_path(path)
    })?;
    if meta.is_dir() {
        return Err(Error::from(ErrorKind::IsDirectory).with_path(path));
    }
    // A FIFO could wait forever for a writer, a device never end.
    if let Some(kind) = crate::safety::special_kind(&meta) {
        return Err(Error::from(crate::safety::special_file_error(kind)).with_path(path));
    }
    if meta.len() > max as u64 {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::from(e).with_path(path))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    let mut file = file.take((max as u64).saturating_add(1));
    file.read_to_end(&mut buf).map_err(|e| Error::from(e).with_path(path))?;
    if buf.len() > max {
        // Grew while read: count the rest without keeping it.
        let mut file = file.into_inner().take(DRAIN_LIMIT);
        let rest = std::io::copy(&mut file, &mut std::io::sink()).unwrap_or(0);
        return Err(too_large(buf.len() as u64 + rest));
    }
    Ok(buf)
}

/// Expand files and folders into the document files under them (sorted per
/// folder), reporting what cannot be walked (symbolic link loops, broken
/// links, unreadable folders, links out of the folders given) without
/// stopping. Soft errors about ignore files (a bad glob in a `.gitignore`)
/// are not about documents and are dropped.
///
/// The walk stays inside the folders given: a symbolic link whose target is
/// outside all of them is reported and not followed, unless
/// [`CorpusOptions::follow_links`]. Files given explicitly are kept as given.
pub fn walk<P: AsRef<Path>>(paths: &[P], options: &CorpusOptions) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // The folders given, as the links' targets are compared with them.
    let roots: Arc<Vec<PathBuf>> = Arc::new(
        paths
            .iter()
            .filter(|p| p.as_ref().is_dir())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect(),
    );
    for p in paths {
        let p = p.as_ref();
        if !p.is_dir() {
            files.push(p.to_path_buf());
            continue;
        }
        let mut found = Vec::new();
        let outside: Arc<Mutex<Vec<(PathBuf, PathBuf)>>> = Arc::default();
        let mut builder = ignore::WalkBuilder::new(p);
        builder
            .hidden(true)
            .git_ignore(options.respect_ignore_files)
            .git_exclude(options.respect_ignore_files)
            .ignore(options.respect_ignore_files)
            .parents(options.respect_ignore_files)
            .require_git(false)
            .follow_links(true);
        if !options.follow_links {
            let (roots, outside, exts) = (roots.clone(), outside.clone(), options.extensions.clone());
            builder.filter_entry(move |e| {
                if !e.path_is_symlink() {
                    return true;
                }
                let Ok(target) = std::fs::canonicalize(e.path()) else {
                    // A broken link: the walk reports it.
                    return true;
                };
                if roots.iter().any(|r| target.starts_with(r)) {
                    return true;
                }
                // Out of the corpus: said when it would have been read.
                if target.is_dir() || has_extension(e.path(), &exts) {
                    if let Ok(mut o) = outside.lock() {
                        o.push((e.path().to_path_buf(), target));
                    }
                }
                false
            });
        }
        for entry in builder.build() {
            match entry {
                Ok(e) => {
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    if is_file && has_extension(e.path(), &options.extensions) {
                        found.push(e.into_path());
                    }
                }
                Err(err) => errors.extend(walk_problem(p, err)),
            }
        }
        found.sort();
        files.extend(found);
        let mut outside = std::mem::take(&mut *outside.lock().unwrap_or_else(|e| e.into_inner()));
        outside.sort();
        errors.extend(outside.into_iter().map(|(link, target)| {
            let msg = format!(
                "symbolic link out of the folders given: its target {} is not read (--follow-links follows it)",
                crate::safety::display_path(&target)
            );
            let error = Error::from(std::io::Error::other(msg)).with_path(&link);
            CorpusError { path: link, error }
        }));
    }
    (files, errors)
}

fn has_extension(p: &Path, exts: &[String]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Turn an error of the folder walk into a problem naming its path.
fn walk_problem(root: &Path, err: ignore::Error) -> Option<CorpusError> {
    let mut path: Option<PathBuf> = None;
    let mut e = err;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p);
                e = *err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = *err,
            ignore::Error::Loop { ancestor, child } => {
                let msg = format!(
                    "symbolic link loop: it leads back to the folder {} (skipped)",
                    ancestor.display()
                );
                let error = Error::from(std::io::Error::other(msg)).with_path(&child);
                return Some(CorpusError { path: child, error });
            }
            ignore::Error::Io(io_err) => {
                let p = path.unwrap_or_else(|| root.to_path_buf());
                let io_err = match std::fs::symlink_metadata(&p) {
                    Ok(m) if m.file_type().is_symlink() && io_err.kind() == std::io::ErrorKind::NotFound => {
                        broken_link(&p)
                    }
                    _ => io_err,
                };
                let error = Error::from(io_err).with_path(&p);
                return Some(CorpusError { path: p, error });
            }
            _ => return None,
        }
    }
}

fn broken_link(p: &Path) -> std::io::Error {
    let target = std::fs::read_link(p)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("broken symbolic link: its target {target} does not exist"),
    )
}

/// The root of a corpus given as paths: the first path when it is a folder,
/// else the folder it is in (`.` for a bare file name), spelled without
/// `.` parts (`./docs/` is `docs`), so that however the folder is written,
/// paths relative to it are the same. `vanban check` caches there, and
/// baseline fingerprints are relative to it.
pub fn corpus_root(first: &Path) -> PathBuf {
    let folder = if first.is_dir() {
        first
    } else {
        first.parent().unwrap_or(Path::new(""))
    };
    let clean = without_dots(folder);
    if clean.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        clean
    }
}

/// `path` without its `.` parts (`./docs/./a.txt` is `docs/a.txt`; `.` is
/// empty).
pub(crate) fn without_dots(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// `path` made absolute against `cwd`, `.` and `..` folded by name (no file
/// system access, as a user reads the path).
pub(crate) fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let mut out = if path.is_absolute() {
        PathBuf::new()
    } else {
        cwd.to_path_buf()
    };
    for c in path.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Gitignore-style patterns relative to a folder (the `ignore` list of
/// `vanban.toml`, relative to the file's folder): the files a check leaves
/// out. Paths are compared as absolute paths with `.` and `..` folded, so
/// `docs/a.txt`, `./docs/a.txt` and `/repo/docs/a.txt` match alike.
#[derive(Debug, Clone)]
pub struct IgnorePatterns {
    /// The folder, absolute.
    root: PathBuf,
    /// The current folder, against which relative paths are read.
    cwd: PathBuf,
    matcher: Option<ignore::gitignore::Gitignore>,
}

impl IgnorePatterns {
    /// The patterns, relative to `root`; an error names a bad pattern.
    pub fn new(root: &Path, patterns: &[String]) -> Result<IgnorePatterns, String> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = absolute(root, &cwd);
        let mut matcher = None;
        if !patterns.is_empty() {
            let mut b = ignore::gitignore::GitignoreBuilder::new(&root);
            for p in patterns {
                b.add_line(None, p)
                    .map_err(|e| format!("bad configuration: ignore pattern {p:?}: {e}"))?;
            }
            matcher = Some(
                b.build()
                    .map_err(|e| format!("bad configuration: ignore patterns: {e}"))?,
            );
        }
        Ok(IgnorePatterns { root, cwd, matcher })
    }

    /// Is `path` (as walked: relative to the current folder, or absolute)
    /// left out? A file outside the patterns' folder is matched by its name
    /// alone.
    pub fn is_ignored(&self, path: &Path) -> bool {
        let Some(m) = &self.matcher else { return false };
        let path = absolute(path, &self.cwd);
        if path.starts_with(&self.root) {
            m.matched_path_or_any_parents(&path, false).is_ignore()
        } else {
            m.matched(&path, false).is_ignore()
        }
    }
}

/// The files `vanban check` reads: [`walk`] with `options`
/// (`.gitignore` respected), `.` parts taken out of each path
/// (`./docs/a.txt` and `docs/./a.txt` are shown as `docs/a.txt`), the files `ignore` leaves out
/// dropped; and the problems met while walking.
pub fn files_to_check<P: AsRef<Path>>(
    paths: &[P],
    ignore: &IgnorePatterns,
    options: &CorpusOptions,
) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let (files, problems) = walk(paths, options);
    let files = files
        .into_iter()
        .map(|p| {
            let clean = without_dots(&p);
            if clean.as_os_str().is_empty() {
                p
            } else {
                clean
            }
        })
        .filter(|f| !ignore.is_ignored(f))
        .collect();
    (files, problems)
}
