//! The JSON format, and where its findings wait for the summary.

use std::io::{self, Write};

use super::{render, Format};
use crate::check::Report;

/// Where JSON findings wait for the summary.
pub(super) enum Spill {
    Memory(Vec<u8>),
    File(io::BufWriter<std::fs::File>),
}

impl Spill {
    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Spill::Memory(v) => v,
            Spill::File(f) => f,
        }
    }
}

/// An anonymous temporary file (removed as soon as it is open, on Unix; at
/// the end of the process elsewhere is not promised).
pub(super) fn temporary_file() -> io::Result<std::fs::File> {
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
                return Ok(f);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
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
