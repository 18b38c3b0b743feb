//! The JSON format, and where its findings wait for the summary.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{render, Format};
use crate::check::Report;

/// Where JSON findings wait for the summary: in memory, or in an anonymous
/// temporary file (with the folder it is in, which its errors name).
pub(super) enum Spill {
    Memory(Vec<u8>),
    File(io::BufWriter<std::fs::File>, PathBuf),
}

impl Spill {
    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Spill::Memory(v) => v,
            Spill::File(f, _) => f,
        }
    }

    /// An I/O error of the temporary file, naming where it is.
    pub(super) fn error(&self, e: io::Error) -> io::Error {
        match self {
            Spill::Memory(_) => e,
            Spill::File(_, dir) => in_folder(dir, e),
        }
    }

    /// Copy the findings gathered to `out`.
    pub(super) fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Spill::Memory(v) => out.write_all(&v),
            Spill::File(w, dir) => {
                use std::io::Seek;
                let mut file = w.into_inner().map_err(|e| in_folder(&dir, e.into_error()))?;
                file.seek(io::SeekFrom::Start(0)).map_err(|e| in_folder(&dir, e))?;
                // An error here is the temporary file's or `out`'s: both
                // are named (`out`'s by the caller).
                let mut buf = vec![0; 64 << 10];
                loop {
                    let n = io::Read::read(&mut file, &mut buf).map_err(|e| in_folder(&dir, e))?;
                    if n == 0 {
                        return Ok(());
                    }
                    out.write_all(&buf[..n])?;
                }
            }
        }
    }
}

/// An error of the temporary file in `dir`, naming it.
fn in_folder(dir: &Path, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "{}: the temporary file of the JSON findings: {e}",
            crate::safety::display_path(dir)
        ),
    )
}

/// An anonymous temporary file (removed as soon as it is open, on Unix; at
/// the end of the process elsewhere is not promised), and its folder.
pub(super) fn temporary_file() -> io::Result<(std::fs::File, PathBuf)> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    loop {
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".vanban-check-{}-{nanos:x}-{n}.json", std::process::id()));
        match std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => {
                if cfg!(unix) {
                    let _ = std::fs::remove_file(&path);
                }
                return Ok((f, dir));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(in_folder(&dir, e)),
        }
    }
}

/// Each line of `text` indented by `n` spaces (JSON strings hold no raw
/// line breaks, so a value printed alone and indented is the value printed
/// inside its parent).
pub(super) fn write_indented(out: &mut dyn Write, text: &str, n: usize) -> io::Result<()> {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "{:n$}{line}", "")?;
    }
    Ok(())
}

/// The JSON format: `{"version": 1, "summary": {...}, "findings": [...]}`.
pub fn render_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Json, out)
}
