//! Reading inputs: folders expanded, files read with clear errors.
//!
//! Every problem names the path it is about: a path that does not exist, a
//! broken symbolic link, a symbolic link loop inside a folder, a folder with
//! no documents in it, a file over the size limit. The caller reports each
//! one and goes on with the other inputs. The walking and the reading of
//! files are the library's ([`vanban::walk`], [`vanban::read_bytes`]); this
//! module adds stdin and the empty folder.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use vanban::CorpusOptions;

/// One input found by [`expand_inputs`]: a document to read, or a problem
/// met while looking for documents (already naming its path).
pub type Input = Result<PathBuf, vanban::Error>;

/// Expand folders into the document files under them (every extension the
/// read stage reads: `.txt`, `.md`, `.text`, `.markdown`, `.pdf`, `.docx`,
/// `.doc`, `.rtf`, `.html`, `.htm`, `.xhtml`), sorted within each folder; plain paths and `-`
/// (stdin) are kept as given. Problems met while walking a folder come first
/// for that folder, so the caller reports them and still reads every other
/// file; a folder with no documents is a problem too.
pub fn expand_inputs(paths: &[PathBuf], follow_links: bool) -> Vec<Input> {
    let mut options = CorpusOptions::default();
    options.follow_links = follow_links;
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let (found, problems) = vanban::walk(std::slice::from_ref(p), &options);
        if found.is_empty() && problems.is_empty() {
            out.push(Err(vanban::Error::from(vanban::ErrorKind::Io(io::Error::new(
                io::ErrorKind::NotFound,
                "a folder with no documents in it: expected .txt, .md, .pdf, .docx, .doc, .rtf or .html files",
            )))
            .with_path(p)));
        }
        out.extend(problems.into_iter().map(|e| Err(e.error)));
        out.extend(found.into_iter().map(Ok));
    }
    out
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
