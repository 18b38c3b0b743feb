//! Finding and reading inputs: folders expanded, files read with clear
//! errors.
//!
//! Every problem names the path it is about: a path that does not exist, a
//! broken symbolic link, a symbolic link loop inside a folder, a folder with
//! no documents in it (saying which extensions are read), a file over the
//! size limit. The walking and the reading of files are the library's
//! ([`vanban::walk`], [`vanban::read_bytes`]); this module adds stdin and
//! the folder without documents.

use std::collections::BTreeSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use vanban::{Corpus, CorpusError, CorpusOptions};

/// One input found by [`expand_inputs`]: a document to read, or a problem
/// met while looking for documents (already naming its path).
pub type Input = Result<PathBuf, anyhow::Error>;

/// Expand folders into the document files under them (every extension the
/// read stage reads), sorted within each folder; plain paths and `-`
/// (stdin) are kept as given. Problems met while walking a folder come first
/// for that folder, so the caller reports them and still reads every other
/// file; a folder with no documents is a problem too.
pub fn expand_inputs(paths: &[PathBuf], options: &CorpusOptions) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let (found, problems) = vanban::walk(std::slice::from_ref(p), options);
        if found.is_empty() && problems.is_empty() {
            out.push(Err(no_documents(p, options, None)));
        }
        out.extend(problems.into_iter().map(|e| Err(e.error.into())));
        out.extend(found.into_iter().map(Ok));
    }
    out
}

/// The first folder among `paths` under which neither a file of `files` nor
/// a problem of `problems` lies: it would be a silent empty run.
pub fn folder_without_documents<'p>(
    paths: &'p [PathBuf],
    files: &[PathBuf],
    problems: &[CorpusError],
) -> Option<&'p Path> {
    let clean = |p: &Path| -> PathBuf {
        p.components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    };
    paths
        .iter()
        .filter(|p| p.is_dir())
        .find(|p| {
            let dir = clean(p);
            let under = |f: &Path| clean(f).starts_with(&dir);
            !files.iter().any(|f| under(f)) && !problems.iter().any(|e| under(&e.path))
        })
        .map(PathBuf::as_path)
}

/// The error of a folder with no documents in it: which extensions are
/// read, what else is there, and (`left_out`) how many documents a
/// configuration's `ignore` left out.
pub fn no_documents(dir: &Path, options: &CorpusOptions, left_out: Option<(usize, &Path)>) -> anyhow::Error {
    let exts: Vec<String> = options.extensions.iter().map(|e| format!(".{e}")).collect();
    let (last, first) = exts.split_last().map_or((None, &[][..]), |(l, f)| (Some(l), f));
    let mut msg = format!(
        "{}: no documents in this folder: expected files ending in {}{}",
        vanban::safety::display_path(dir),
        first.join(", "),
        last.map(|l| format!(" or {l}")).unwrap_or_default()
    );
    if let Some((n, config)) = left_out.filter(|l| l.0 > 0) {
        msg.push_str(&format!(
            "; {n} left out by `ignore` in {}",
            vanban::safety::display_path(config)
        ));
    }
    let (others, kinds) = other_files(dir, options);
    if others > 0 {
        msg.push_str(&format!(
            "; found {others} other {} ({})",
            if others == 1 { "file" } else { "files" },
            kinds.join(", ")
        ));
    }
    anyhow::Error::msg(msg)
}

/// Files under `dir` the walk does not read (no known extension), and their
/// extensions (at most five named).
fn other_files(dir: &Path, options: &CorpusOptions) -> (usize, Vec<String>) {
    let mut n = 0;
    let mut kinds = BTreeSet::new();
    for entry in ignore::WalkBuilder::new(dir).hidden(true).build().flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let ext = entry.path().extension().map(|e| e.to_string_lossy().to_lowercase());
        if ext
            .as_ref()
            .is_some_and(|e| options.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        {
            continue;
        }
        n += 1;
        kinds.insert(ext.map_or_else(|| "no extension".to_string(), |e| format!(".{e}")));
    }
    let mut kinds: Vec<String> = kinds.into_iter().collect();
    if kinds.len() > 5 {
        kinds.truncate(5);
        kinds.push("…".to_string());
    }
    (n, kinds)
}

/// Read the documents under `paths` into a corpus (in parallel), problems
/// met while walking among its errors; an error when a folder given holds
/// no document.
pub fn load_corpus(paths: &[PathBuf], options: &CorpusOptions) -> anyhow::Result<Corpus> {
    let (files, problems) = vanban::walk(paths, options);
    if let Some(dir) = folder_without_documents(paths, &files, &problems) {
        return Err(no_documents(dir, options, None));
    }
    let mut corpus = Corpus::from_paths(&files, options);
    for CorpusError { path, error } in problems {
        corpus.push_error(path, error);
    }
    Ok(corpus)
}

/// How far past the limit an oversized stdin is read (and thrown away) to
/// say its size; an endless one is cut there.
const DRAIN_LIMIT: u64 = 1 << 32;

/// Read one path (or stdin for `-`) as bytes, refusing more than `max` bytes
/// without reading them all.
pub fn read_input(p: &Path, max: usize) -> Result<Vec<u8>, vanban::Error> {
    if p.as_os_str() != "-" {
        return vanban::read_bytes(p, max);
    }
    let mut buf = Vec::new();
    io::stdin()
        .lock()
        .take((max as u64).saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| vanban::Error::from(e).with_path("-"))?;
    if buf.len() > max {
        // Count the rest without keeping it, for an exact message.
        let rest = io::copy(&mut io::stdin().lock().take(DRAIN_LIMIT), &mut io::sink()).unwrap_or(0);
        let size = buf.len() as u64 + rest;
        if rest == DRAIN_LIMIT {
            // Cut there: its size is not known, and not this.
            let msg = format!("document too large: more than {size} bytes, the limit is {max} bytes");
            let e = io::Error::new(io::ErrorKind::InvalidData, msg);
            return Err(vanban::Error::from(e).with_path("-"));
        }
        let kind = vanban::ErrorKind::TooLarge {
            size,
            limit: max as u64,
        };
        return Err(vanban::Error::from(kind).with_path("-"));
    }
    Ok(buf)
}
