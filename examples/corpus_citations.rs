//! How many citations the development corpus gives, and how they split by
//! relation.
//!
//! ```text
//! cargo run --release --example corpus_citations            # ../shared/corpus/docs
//! cargo run --release --example corpus_citations -- DIR     # another folder
//! cargo run --release --example corpus_citations -- FILE... # list each citation of these files
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use vanban::Relation;

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if !args.is_empty() && args.iter().all(|p| p.is_file()) {
        for p in &args {
            list(p);
        }
        return;
    }
    let dir = args.first().cloned().unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/docs")
            .to_path_buf()
    });
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.sort();
    let started = Instant::now();
    let mut bytes = 0usize;
    let mut total = 0usize;
    let mut with_symbol = 0usize;
    let mut number_only = 0usize;
    let mut by_name = 0usize;
    let mut with_date = 0usize;
    let mut in_footnote = 0usize;
    let mut refers = 0usize;
    let mut named = 0usize;
    let mut by_relation: BTreeMap<Relation, usize> = Relation::ALL.iter().map(|r| (*r, 0)).collect();
    let mut diags: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let Ok(bytes_in) = std::fs::read(f) else { continue };
        bytes += bytes_in.len();
        let text = String::from_utf8_lossy(&bytes_in);
        let doc = vanban::parse(&text);
        total += doc.citations.len();
        named += doc.named_refs.len();
        for c in &doc.citations {
            *by_relation.entry(c.relation).or_default() += 1;
            with_symbol += usize::from(c.symbol.is_some());
            number_only += usize::from(c.symbol.is_none() && c.number.is_some());
            by_name += usize::from(c.symbol.is_none() && c.number.is_none());
            with_date += usize::from(c.date.is_some());
            in_footnote += usize::from(c.in_footnote);
            refers += usize::from(c.refers_to.is_some());
        }
        for d in &doc.diagnostics {
            if d.code.ends_with("-date") {
                *diags.entry(d.code.clone()).or_default() += 1;
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB from {}",
        files.len(),
        bytes as f64 / 1e6,
        dir.display()
    );
    println!(
        "{total} citations ({with_symbol} with a số ký hiệu, {number_only} number-only, {by_name} by name; \
         {with_date} dated, {in_footnote} in footnotes, {refers} pointing back), {named} named references"
    );
    let by: Vec<String> = by_relation.iter().map(|(r, n)| format!("{r} {n}")).collect();
    println!("by relation: {}", by.join(", "));
    let ds: Vec<String> = diags.iter().map(|(c, n)| format!("{c} {n}")).collect();
    println!(
        "date diagnostics: {}",
        if ds.is_empty() {
            "none".to_string()
        } else {
            ds.join(", ")
        }
    );
    println!(
        "parsed in {secs:.2} s ({:.1} MB/s)",
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}

/// Print each citation of one file, with the text under its span.
fn list(path: &Path) {
    let text = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return;
        }
    };
    let doc = vanban::parse(&text);
    println!("== {}", path.display());
    for (i, c) in doc.citations.iter().enumerate() {
        println!(
            "#{i:<3} L{:<4} {:<10} {:<12} sym={} n={:?} date={} iss={:?} name={:?} fn={} ref={:?} shared={:?}\n      span={:?}\n      subj={:?}",
            c.line,
            c.relation.as_str(),
            c.doc_type.as_deref().unwrap_or("-"),
            c.symbol.as_ref().map_or("-".to_string(), |s| s.to_string()),
            c.number,
            c.date.map_or("-".to_string(), |d| d.to_string()),
            c.issuer,
            c.name,
            c.in_footnote,
            c.refers_to,
            c.shared,
            c.span.slice(&text),
            c.subject,
        );
    }
    for r in &doc.named_refs {
        println!("named L{} {:?} span={:?}", r.line, r.text, r.span.slice(&text));
    }
    for d in &doc.diagnostics {
        if d.code.ends_with("-date") {
            println!("diag {} {} {:?}", d.code, d.message, d.span.map(|s| s.slice(&text)));
        }
    }
}
