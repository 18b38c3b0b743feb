//! Reading inputs: folders expanded, files read with clear errors.
//!
//! Every problem names the path it is about: a path that does not exist, a
//! broken symbolic link, a symbolic link loop inside a folder, a folder with
//! no documents in it, a file over the size limit. The caller reports each
//! one and goes on with the other inputs.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input found by [`expand_inputs`]: a document to read, or a problem
/// met while looking for documents (already naming its path).
pub type Input = Result<PathBuf, vanban::Error>;

/// Expand folders into the text files under them, sorted; the problems met
/// on the way (symbolic link loops, broken links, unreadable folders, a
/// folder with no documents) are dropped. Prefer [`expand_inputs`], which
/// reports them.
#[allow(dead_code)]
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    expand_inputs(paths).into_iter().filter_map(Result::ok).collect()
}

/// Expand folders into the text files under them (`.txt`, `.md`, `.text`,
/// `.markdown`), sorted within each folder; plain paths and `-` (stdin) are
/// kept as given. Problems met while walking a folder come back as errors in
/// walk order, so the caller reports them and still reads every other file.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for entry in ignore::WalkBuilder::new(p)
            .hidden(true)
            .git_ignore(true)
            .follow_links(true)
            .require_git(false)
            .build()
        {
            match entry {
                Ok(e) => {
                    if e.file_type().is_some_and(|t| t.is_file()) && is_document(e.path()) {
                        found.push(e.into_path());
                    }
                }
                Err(err) => {
                    if let Some(problem) = walk_problem(p, err) {
                        problems.push(problem);
                    }
                }
            }
        }
        if found.is_empty() && problems.is_empty() {
            problems.push(Err(vanban::Error::from(vanban::ErrorKind::Io(io::Error::new(
                io::ErrorKind::NotFound,
                "a folder with no documents in it: expected .txt, .md, .text or .markdown files",
            )))
            .with_path(p)));
        }
        found.sort();
        out.extend(problems);
        out.extend(found.into_iter().map(Ok));
    }
    out
}

/// Turn an error of the folder walk into a problem naming its path. Soft
/// errors about `.gitignore` files (a bad glob) are not about documents and
/// are dropped.
fn walk_problem(root: &Path, err: ignore::Error) -> Option<Input> {
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
                let error = io::Error::other(msg);
                return Some(Err(vanban::Error::from(error).with_path(child)));
            }
            ignore::Error::Io(io_err) => {
                let p = path.unwrap_or_else(|| root.to_path_buf());
                let error = match std::fs::symlink_metadata(&p) {
                    Ok(m) if m.file_type().is_symlink() && io_err.kind() == io::ErrorKind::NotFound => broken_link(&p),
                    _ => io_err,
                };
                return Some(Err(vanban::Error::from(error).with_path(p)));
            }
            _ => return None,
        }
    }
}

fn broken_link(p: &Path) -> io::Error {
    let target = std::fs::read_link(p)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("broken symbolic link: its target {target} does not exist"),
    )
}

fn is_document(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md" | "text" | "markdown")
    )
}

/// How far past the limit an oversized stream is read (and thrown away) to
/// say its size; an endless one (`/dev/zero`) is cut there.
const DRAIN_LIMIT: u64 = 1 << 32;

/// Read one path (or stdin for `-`) as bytes, refusing more than `max` bytes
/// without reading them all (a device or a pipe has no size to check first).
pub fn read_input(p: &Path, max: usize) -> Result<Vec<u8>, vanban::Error> {
    let too_large = |size: u64| {
        vanban::Error::from(vanban::ErrorKind::TooLarge {
            size,
            limit: max as u64,
        })
    };
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| vanban::Error::from(e).with_path("-"))?;
        if buf.len() > max {
            // Count the rest without keeping it, for an exact message.
            let rest = io::copy(&mut io::stdin().lock().take(DRAIN_LIMIT), &mut io::sink()).unwrap_or(0);
            return Err(too_large(buf.len() as u64 + rest).with_path("-"));
        }
        return Ok(buf);
    }
    let meta = match std::fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            let is_link = std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
            let e = if is_link && e.kind() == io::ErrorKind::NotFound {
                broken_link(p)
            } else {
                e
            };
            return Err(vanban::Error::from(e).with_path(p));
        }
    };
    if meta.is_dir() {
        return Err(vanban::Error::from(vanban::ErrorKind::IsDirectory).with_path(p));
    }
    if meta.len() > max as u64 {
        return Err(too_large(meta.len()).with_path(p));
    }
    let file = std::fs::File::open(p).map_err(|e| vanban::Error::from(e).with_path(p))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    let mut file = file.take(max as u64 + 1);
    file.read_to_end(&mut buf)
        .map_err(|e| vanban::Error::from(e).with_path(p))?;
    if buf.len() > max {
        // Grew while read, or a device or pipe: count the rest without
        // keeping it.
        let mut file = file.into_inner().take(DRAIN_LIMIT);
        let rest = io::copy(&mut file, &mut io::sink()).unwrap_or(0);
        return Err(too_large(buf.len() as u64 + rest).with_path(p));
    }
    Ok(buf)
}
