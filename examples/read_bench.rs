//! The read stage's speed, side by side in one run:
//! - PDF text extraction (`vanban::read::read`) against poppler's
//!   `pdftotext` (one process per file, as a user runs it), over the PDFs of
//!   `shared/corpus/formats/pdf` and `shared/corpus/gazette/pdf`;
//! - `.docx` against a plain unzip-and-strip (the `zip` crate inflating
//!   `word/document.xml`, every tag dropped by a byte loop), over
//!   `shared/corpus/formats/docx`.
//!
//! Each side reads every file `ROUNDS` times; MB/s are input megabytes
//! (10^6 bytes) per second of wall time.
//!
//! `cargo run --profile quick --example read_bench` (or `--release`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROUNDS: usize = 5;

fn files(dirs: &[PathBuf], ext: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(d) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
                let bytes = std::fs::read(&p).expect("read");
                out.push((p, bytes));
            }
        }
    }
    out
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 * ROUNDS as f64 / 1e6 / t.as_secs_f64()
}

fn ours(files: &[(PathBuf, Vec<u8>)]) -> (Duration, usize) {
    let opts = vanban::ParseOptions::default();
    let mut text = 0;
    let t = Instant::now();
    for _ in 0..ROUNDS {
        for (p, b) in files {
            text += vanban::read::read(b, Some(p), &opts).map(|r| r.text.len()).unwrap_or(0);
        }
    }
    (t.elapsed(), text / ROUNDS)
}

fn pdftotext(files: &[(PathBuf, Vec<u8>)]) -> Option<(Duration, usize)> {
    let mut text = 0;
    let t = Instant::now();
    for _ in 0..ROUNDS {
        for (p, _) in files {
            let out = std::process::Command::new("pdftotext").arg(p).arg("-").output().ok()?;
            text += out.stdout.len();
        }
    }
    Some((t.elapsed(), text / ROUNDS))
}

/// `word/document.xml` inflated and its tags dropped, nothing else.
fn unzip_and_strip(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_end(&mut xml)
        .expect("inflate");
    let mut text = Vec::with_capacity(xml.len() / 4);
    let mut in_tag = false;
    for b in xml {
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            _ if !in_tag => text.push(b),
            _ => {}
        }
    }
    text.len()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("no corpus at ../shared/corpus: nothing to measure");
        return;
    }
    let pdfs = files(&[root.join("formats/pdf"), root.join("gazette/pdf")], "pdf");
    let pdf_bytes: usize = pdfs.iter().map(|f| f.1.len()).sum();
    let (t, text) = ours(&pdfs);
    println!(
        "pdf: {} files, {:.1} MB: vanban {:.1} MB/s ({:.0} ms a round, {} bytes of text)",
        pdfs.len(),
        pdf_bytes as f64 / 1e6,
        mb_per_s(pdf_bytes, t),
        t.as_secs_f64() * 1000.0 / ROUNDS as f64,
        text
    );
    match pdftotext(&pdfs) {
        Some((t2, text2)) => println!(
            "pdf: pdftotext {:.1} MB/s ({:.0} ms a round, {} bytes of text); vanban / pdftotext = {:.2}x",
            mb_per_s(pdf_bytes, t2),
            t2.as_secs_f64() * 1000.0 / ROUNDS as f64,
            text2,
            t2.as_secs_f64() / t.as_secs_f64()
        ),
        None => println!("pdf: pdftotext not found (apt-get install poppler-utils)"),
    }
    let docx = files(&[root.join("formats/docx")], "docx");
    let docx_bytes: usize = docx.iter().map(|f| f.1.len()).sum();
    let (t, text) = ours(&docx);
    let t0 = Instant::now();
    let mut stripped = 0;
    for _ in 0..ROUNDS {
        for (_, b) in &docx {
            stripped += unzip_and_strip(b);
        }
    }
    let t2 = t0.elapsed();
    println!(
        "docx: {} files, {:.2} MB: vanban {:.1} MB/s ({} bytes of text); unzip-and-strip {:.1} MB/s ({} bytes); vanban / unzip-and-strip = {:.2}x",
        docx.len(),
        docx_bytes as f64 / 1e6,
        mb_per_s(docx_bytes, t),
        text,
        mb_per_s(docx_bytes, t2),
        stripped / ROUNDS,
        t2.as_secs_f64() / t.as_secs_f64()
    );
}
