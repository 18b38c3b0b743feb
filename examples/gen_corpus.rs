//! Write a large corpus of distinct letters to a folder, for measuring
//! `vanban check` at scale: each file is a provincial letter (header,
//! number, place and date from the synthetic generator of real shapes, five
//! citations of earlier letters and national documents) followed by body
//! paragraphs taken from the real corpus (`../shared/corpus/docs`).
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR TOTAL_MB [DOCS]
//! ```
//!
//! With `DOCS`, exactly that many letters are written (the same headers and
//! citations whatever `TOTAL_MB`), each with about `TOTAL_MB / DOCS` of
//! text: for measuring memory against the size of the text at a fixed
//! number of documents.

#[path = "../benches/common/synth.rs"]
mod synth;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("OUT_DIR"));
    let total_mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let docs: Option<u64> = args.next().and_then(|a| a.parse().ok());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paragraphs: Vec<String> = Vec::new();
    for e in std::fs::read_dir(root.join("../shared/corpus/docs")).expect("the shared corpus") {
        let text = std::fs::read_to_string(e.expect("entry").path()).unwrap_or_default();
        paragraphs.extend(text.split("\n\n").filter(|p| p.len() > 200).map(str::to_string));
    }
    let target = total_mb * 1_000_000;
    let docs_estimate = docs.unwrap_or((target / 60_000).max(1) as u64);
    // Mean size of a letter: 60 kB, or the total over the letters asked for.
    let per_doc = docs.map_or(60_000, |d| (target as u64 / d.max(1)).max(3)) as usize;
    let synth = synth::Synth::new(Some(&root.join("../shared/corpus/symbols.jsonl")), docs_estimate, 5);
    let mut rng = synth::Rng::new(7);
    let mut written = 0usize;
    let mut i = 0u64;
    while docs.map_or(written < target, |d| i < d) {
        let (path, doc) = synth.document(i);
        let date = doc.date.expect("dated");
        let mut t = String::new();
        let _ = writeln!(t, "{}\n", doc.issuer.as_deref().unwrap_or_default());
        let _ = writeln!(t, "Số: {}\n", doc.symbol.as_ref().expect("symbol"));
        let _ = writeln!(
            t,
            "{}, ngày {:02} tháng {} năm {}\n",
            doc.place.as_deref().unwrap_or_default(),
            date.day().unwrap_or(1),
            date.month().unwrap_or(1),
            date.year()
        );
        let _ = writeln!(t, "Kính gửi: Các sở, ban, ngành tỉnh.\n");
        for c in &doc.citations {
            let d = c.date.expect("dated");
            let _ = writeln!(
                t,
                "Thực hiện {} số {} ngày {:02}/{:02}/{};",
                c.doc_type.as_deref().unwrap_or("Văn bản"),
                c.symbol.as_ref().expect("symbol"),
                d.day().unwrap_or(1),
                d.month().unwrap_or(1),
                d.year()
            );
        }
        t.push('\n');
        let want = per_doc / 3 + rng.below(per_doc as u64 * 4 / 3) as usize;
        while t.len() < want {
            t.push_str(&paragraphs[rng.below(paragraphs.len() as u64) as usize]);
            t.push_str("\n\n");
        }
        let file = out.join(&path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        std::fs::write(&file, &t).expect("write");
        written += t.len();
        i += 1;
    }
    println!("{i} files, {:.1} MB in {}", written as f64 / 1e6, out.display());
}
