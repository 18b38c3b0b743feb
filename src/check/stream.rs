//! The check that streams: two passes over the files, the corpus never
//! kept in memory.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::finding::{finish_finding, with_severity};
use super::locate::{locate_file, locate_in, spans_text};
use super::rules::{duplicate_finding, unreadable_finding, Ctx, Facts, Looked};
use super::{Cache, CheckConfig, Finding, Report};
use crate::corpus::CorpusError;
use crate::graph::{CitationGraph, GraphBuilder, IndexedDocument};
use crate::model::{Document, Span};
use crate::ParseOptions;

/// The two passes of a [`Checker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Pass 1: each file read for its identity and the facts other
    /// documents' findings need.
    Index,
    /// Pass 2: each file read again and checked.
    Check,
}

/// Told how a [`Checker`] goes on, for a progress bar. Called from the
/// threads that read the files.
pub trait Progress: Sync {
    /// A pass begins over `files` files.
    fn start(&self, pass: Pass, files: usize);
    /// One more file of the current pass is done.
    fn file_done(&self);
}

/// A check that streams: the same [`Report`] as [`check`](super::check()), findings in the
/// same order, while memory follows the number of documents (and of the
/// documents they cite), not the size of their text nor the number of their
/// citations (but for `replaces` and `repeals`, which the index keeps).
///
/// - **Pass 1** ([`Checker::index`]) reads and parses the files in parallel
///   and keeps of each only its identity (the header fields of its graph
///   node, the span of its số ký hiệu) and the citations that establish
///   facts about the corpus (the documents it cites, as nodes; the edges
///   that say it replaces or repeals one): an index-only graph
///   ([`crate::graph::GraphBuilder::index_only`]).
/// - **Pass 2** ([`Checker::findings`]) reads and parses each file again, in
///   path order, in parallel chunks of files, resolves its citations
///   read-only against the index ([`CitationGraph::resolve_document`]),
///   computes its findings, places them, and drops the document; each
///   chunk's findings go to the caller's sink as soon as it is done.
///
/// Both passes read through the [`Cache`] when there is one, so pass 2 of
/// an unchanged file costs a cache read.
///
/// ```no_run
/// use vanban::check::{CheckConfig, Checker};
/// let (files, problems) = vanban::walk(&["docs"], &Default::default());
/// let config = CheckConfig::default();
/// let checker = Checker::new(&config);
/// let index = checker.index(files, problems);
/// checker
///     .findings(&index, &mut |f| {
///         println!("{}:{}:{}: {}", f.path.display(), f.line, f.column, f.message);
///         Ok(())
///     })
///     .unwrap();
/// ```
#[derive(Clone)]
pub struct Checker<'a> {
    config: &'a CheckConfig,
    parse: ParseOptions,
    cache: Option<&'a Cache>,
    progress: Option<&'a dyn Progress>,
    /// Each pass reads about this many bytes of text at a time.
    chunk_bytes: u64,
}

/// What pass 1 of a [`Checker`] keeps: the index of the corpus.
#[derive(Debug)]
pub struct CheckIndex {
    graph: CitationGraph,
    facts: Facts,
    /// Documents and unreadable files, sorted by path (pass 2's order).
    entries: Vec<Entry>,
    /// Per document (corpus order): the span of its số ký hiệu.
    symbol_spans: Vec<Option<Span>>,
    /// Files with a shared identity: (duplicate, position in its paths).
    dup_paths: HashMap<PathBuf, Vec<(usize, usize)>>,
}

/// One file of the check.
#[derive(Debug)]
struct Entry {
    path: PathBuf,
    /// Its size in bytes, as read in pass 1 (0 when it could not be read).
    len: u64,
    what: EntryKind,
}

#[derive(Debug)]
enum EntryKind {
    /// The `i`-th document of the corpus.
    Document(usize),
    /// A file (or folder) that could not be read.
    Problem(crate::Error),
}

impl CheckIndex {
    /// The index-only graph: every node, the duplicates, and the `replaces`
    /// and `repeals` edges.
    pub fn graph(&self) -> &CitationGraph {
        &self.graph
    }

    /// Files looked at (documents read plus files that could not be).
    pub fn files(&self) -> usize {
        self.entries.len()
    }

    /// Documents read.
    pub fn documents(&self) -> usize {
        self.symbol_spans.len()
    }
}

/// What pass 1 keeps of one document until it is added to the index.
type Indexed = (IndexedDocument, Option<Span>);

/// Read and parse one file through the cache: its bytes (when they could
/// be read) and its document.
fn read_parsed(
    path: &Path,
    options: &ParseOptions,
    cache: Option<&Cache>,
) -> (Option<Vec<u8>>, Result<Document, crate::Error>) {
    let bytes = match crate::corpus::read_bytes(path, options.max_size) {
        Ok(b) => b,
        Err(e) => return (None, Err(e)),
    };
    // Entries are keyed by the bytes alone: a lossy reading is not one of
    // them (the same bytes read strictly are unreadable).
    let cache = cache.filter(|_| !options.lossy);
    if let Some(doc) = cache.and_then(|c| c.get(&bytes)) {
        return (Some(bytes), Ok(doc));
    }
    let doc = crate::parse_file_bytes(&bytes, path, options).map_err(|e| e.with_path(path));
    if let (Some(c), Ok(d)) = (cache, &doc) {
        c.put(&bytes, d);
    }
    (Some(bytes), doc)
}

impl<'a> Checker<'a> {
    /// Files read at once: (at least, in pass 1, where a chunk is sized by
    /// the mean size of the files read so far; at most, in either pass).
    const CHUNK_FILES: (usize, usize) = (16, 1024);

    /// Bytes of text read at once, by default (whole files): enough to keep
    /// every thread busy, few enough that what waits for the end of a chunk
    /// (pass 1: the documents' index entries; pass 2: the findings) is small.
    pub const DEFAULT_CHUNK_BYTES: u64 = 16 << 20;

    /// A checker with this configuration, default parse options, no cache.
    pub fn new(config: &'a CheckConfig) -> Checker<'a> {
        Checker {
            config,
            parse: ParseOptions::default(),
            cache: None,
            progress: None,
            chunk_bytes: Checker::DEFAULT_CHUNK_BYTES,
        }
    }

    /// Parse with these options (the size limit).
    pub fn parse_options(mut self, options: ParseOptions) -> Checker<'a> {
        self.parse = options;
        self
    }

    /// Read parsed documents from this cache, and write them to it.
    pub fn cache(mut self, cache: Option<&'a Cache>) -> Checker<'a> {
        self.cache = cache;
        self
    }

    /// Report progress here.
    pub fn progress(mut self, progress: &'a dyn Progress) -> Checker<'a> {
        self.progress = Some(progress);
        self
    }

    /// Read about this many bytes of text at once (whole files, at least one
    /// in pass 2, and at least 16 in pass 1; default
    /// [`Checker::DEFAULT_CHUNK_BYTES`]). Memory follows it: what pass 1
    /// keeps of a chunk's documents until they are added to the index in
    /// order, and the findings of a pass-2 chunk.
    pub fn chunk_bytes(mut self, bytes: u64) -> Checker<'a> {
        self.chunk_bytes = bytes;
        self
    }

    /// Pass 1: read `files` (in corpus order, as [`crate::walk`] lists them,
    /// ignored files left out) in parallel and keep their index. `problems`
    /// are files or folders that could not be walked: each becomes an
    /// `unreadable` finding.
    pub fn index(&self, files: Vec<PathBuf>, problems: Vec<CorpusError>) -> CheckIndex {
        let mut entries: Vec<Entry> = problems
            .into_iter()
            .map(|e| Entry {
                path: e.path,
                len: 0,
                what: EntryKind::Problem(e.error),
            })
            .collect();
        if let Some(p) = self.progress {
            p.start(Pass::Index, files.len());
        }
        let mut builder = GraphBuilder::index_only();
        let mut symbol_spans = Vec::new();
        let mut files = files.into_iter();
        // Files and bytes read so far, to size the chunks.
        let seen = std::cell::Cell::new((0u64, 0u64));
        let next = || {
            // About `chunk_bytes` of text, by the mean size of the files so far.
            let (least, most) = Checker::CHUNK_FILES;
            let (n, bytes) = seen.get();
            let take = bytes
                .checked_div(n)
                .map_or(least, |mean| (self.chunk_bytes / mean.max(1)) as usize);
            let chunk: Vec<PathBuf> = files.by_ref().take(take.clamp(least, most)).collect();
            (!chunk.is_empty()).then_some(chunk)
        };
        let work = |chunk: Vec<PathBuf>| {
            let read: Vec<(u64, Result<Indexed, crate::Error>)> = chunk
                .par_iter()
                .map(|p| {
                    let (bytes, doc) = read_parsed(p, &self.parse, self.cache);
                    let len = bytes.map_or(0, |b| b.len() as u64);
                    let r = doc.map(|d| (IndexedDocument::new(p, &d), d.spans.symbol));
                    if let Some(p) = self.progress {
                        p.file_done();
                    }
                    (len, r)
                })
                .collect();
            (chunk, read)
        };
        let added: Result<(), std::convert::Infallible> = pipelined(next, work, |(chunk, read)| {
            // In corpus order: node ids and duplicates depend on it.
            for (path, (len, r)) in chunk.into_iter().zip(read) {
                let (n, bytes) = seen.get();
                seen.set((n + 1, bytes + len));
                let what = match r {
                    Ok((d, span)) => {
                        builder.add_indexed(d);
                        symbol_spans.push(span);
                        EntryKind::Document(symbol_spans.len() - 1)
                    }
                    Err(e) => EntryKind::Problem(e),
                };
                entries.push(Entry { path, len, what });
            }
            Ok(())
        });
        let Ok(()) = added;
        let graph = builder.finish();
        // Stable: files of one path keep their order.
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let mut dup_paths: HashMap<PathBuf, Vec<(usize, usize)>> = HashMap::new();
        for (d, dup) in graph.duplicates().iter().enumerate() {
            for (k, p) in dup.paths.iter().enumerate() {
                dup_paths.entry(p.clone()).or_default().push((d, k));
            }
        }
        let facts = Facts::new(&graph, symbol_spans.len(), self.config);
        CheckIndex {
            graph,
            facts,
            entries,
            symbol_spans,
            dup_paths,
        }
    }

    /// Pass 2: read each file of the index again and give its findings to
    /// `sink`, in report order (path, then position), one chunk of files
    /// at a time (see [`Checker::chunk_bytes`]). Stops at the first error of
    /// the sink.
    pub fn findings(&self, index: &CheckIndex, sink: &mut dyn FnMut(Finding) -> io::Result<()>) -> io::Result<()> {
        self.findings_with(index, |_| (), |f, ()| sink(f))
    }

    /// Pass 2 as [`Checker::findings`], with `prepare` run on each finding
    /// by the threads that found it (in parallel, as each file is done) and
    /// its result given to `sink` with the finding, in report order: work
    /// that need not be serial, such as rendering a finding
    /// ([`RenderedFinding::new`](super::RenderedFinding::new)), is done there, and `sink` only writes.
    ///
    /// ```no_run
    /// use vanban::check::{CheckConfig, Checker, Format, RenderedFinding, ReportWriter};
    /// # fn main() -> std::io::Result<()> {
    /// let (files, problems) = vanban::walk(&["docs"], &Default::default());
    /// let config = CheckConfig::default();
    /// let checker = Checker::new(&config);
    /// let index = checker.index(files, problems);
    /// let mut out = std::io::stdout().lock();
    /// let mut writer = ReportWriter::new(Format::Json, &mut out)?;
    /// checker.findings_with(
    ///     &index,
    ///     |f| RenderedFinding::new(Format::Json, f),
    ///     |f, rendered| writer.write_rendered(&f, &rendered?),
    /// )?;
    /// writer.finish(index.files(), 0)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn findings_with<T: Send>(
        &self,
        index: &CheckIndex,
        prepare: impl Fn(&Finding) -> T + Sync,
        mut sink: impl FnMut(Finding, T) -> io::Result<()>,
    ) -> io::Result<()> {
        let ctx = Ctx {
            graph: &index.graph,
            facts: &index.facts,
        };
        if let Some(p) = self.progress {
            p.start(Pass::Check, index.entries.len());
        }
        let mut rest = index.entries.as_slice();
        let next = || {
            // Whole groups of one path each, about `chunk_bytes` of text.
            let mut groups: Vec<&[Entry]> = Vec::new();
            let (mut files, mut bytes) = (0, 0);
            while files < Checker::CHUNK_FILES.1 && (bytes < self.chunk_bytes || files == 0) {
                let Some(first) = rest.first() else { break };
                let n = rest.iter().take_while(|e| e.path == first.path).count();
                let (group, tail) = rest.split_at(n);
                groups.push(group);
                files += n;
                bytes += group.iter().map(|e| e.len).sum::<u64>();
                rest = tail;
            }
            (!groups.is_empty()).then_some(groups)
        };
        let prepared = |f: Finding| {
            let t = prepare(&f);
            (f, t)
        };
        let work = |groups: Vec<&[Entry]>| -> Vec<Vec<(Finding, T)>> {
            groups
                .par_iter()
                .map(|g| self.path_findings(&ctx, index, g).into_iter().map(prepared).collect())
                .collect()
        };
        pipelined(next, work, |found| {
            for (f, t) in found.into_iter().flatten() {
                sink(f, t)?;
            }
            Ok(())
        })
    }

    /// Both passes, the findings gathered in a [`Report`].
    pub fn report(&self, files: Vec<PathBuf>, problems: Vec<CorpusError>) -> Report {
        let index = self.index(files, problems);
        let mut findings = Vec::new();
        let collected: io::Result<()> = self.findings(&index, &mut |f| {
            findings.push(f);
            Ok(())
        });
        debug_assert!(collected.is_ok(), "the sink never fails");
        Report {
            files: index.files(),
            findings,
            baselined: 0,
        }
    }

    /// The findings of the files of one path (one, unless a path was given
    /// twice), placed and sorted.
    fn path_findings(&self, ctx: &Ctx<'_>, index: &CheckIndex, group: &[Entry]) -> Vec<Finding> {
        let path = group[0].path.as_path();
        let mut found = Vec::new();
        let mut problems = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut last_doc = None;
        for e in group {
            match &e.what {
                EntryKind::Document(i) => {
                    let (b, doc) = read_parsed(path, &self.parse, self.cache);
                    match doc {
                        Ok(doc) => {
                            let resolved = ctx.graph.resolve_document(*i, path, &doc);
                            let citing = ctx.graph.document_node(*i);
                            found.extend(ctx.document_findings(citing, path, &doc, |ci| {
                                resolved.get(ci).map(Looked::of).unwrap_or_default()
                            }));
                        }
                        // Changed since pass 1.
                        Err(err) => problems.push(unreadable_finding(path, &err)),
                    }
                    bytes = b.or(bytes);
                    last_doc = Some(*i);
                }
                EntryKind::Problem(err) => problems.push(unreadable_finding(path, err)),
            }
            if let Some(p) = self.progress {
                p.file_done();
            }
        }
        for &(d, k) in index.dup_paths.get(path).into_iter().flatten() {
            let span = last_doc.and_then(|i| index.symbol_spans[i]);
            found.push(duplicate_finding(&ctx.graph.duplicates()[d], k, span));
        }
        found.extend(problems);
        let mut found: Vec<Finding> = found
            .into_iter()
            .filter_map(|f| with_severity(f, self.config))
            .collect();
        let keep = match &bytes {
            Some(b) if found.iter().any(|f| f.span.is_some()) => {
                locate_in(&spans_text(b, path, &self.parse), &mut found)
            }
            _ => locate_file(&mut found),
        };
        let mut keep = keep.into_iter();
        found.retain(|_| keep.next().unwrap_or(true));
        for f in &mut found {
            finish_finding(f, self.config);
        }
        found.sort_by(|a, b| {
            (a.span.map(|s| s.start), a.code, &a.message).cmp(&(b.span.map(|s| s.start), b.code, &b.message))
        });
        found
    }
}

/// Run `work` on each chunk that `next` gives, and `take` on the results, in
/// order, on this thread: the next chunk is worked on (by the thread pool)
/// while this thread takes the results of the one before. Stops at the first
/// error of `take`.
fn pipelined<C: Send, R: Send, E>(
    mut next: impl FnMut() -> Option<C>,
    work: impl Fn(C) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let work = &work;
    std::thread::scope(|s| {
        let mut running = next().map(|c| s.spawn(move || work(c)));
        while let Some(handle) = running.take() {
            let done = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            running = next().map(|c| s.spawn(move || work(c)));
            take(done)?;
        }
        Ok(())
    })
}

/// Check files without keeping them (see [`Checker`]): `files` in corpus
/// order as [`crate::walk`] lists them (ignored files left out), `problems`
/// the files or folders that could not be walked. The report is the one
/// [`check`](super::check()) gives for the same files.
pub fn check_files(files: Vec<PathBuf>, problems: Vec<CorpusError>, config: &CheckConfig) -> Report {
    Checker::new(config).report(files, problems)
}
