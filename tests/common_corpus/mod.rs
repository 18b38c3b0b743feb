//! Shared by `tests/corpus_parse.rs` and `examples/corpus_agreement.rs`:
//! compare what the parser reads from the corpus documents with
//! `shared/corpus/meta.jsonl`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use vanban::{IssueDate, Symbol};

/// The shared corpus directory (`../shared/corpus` next to the crate), if
/// present.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.join("meta.jsonl").is_file().then_some(dir)
}

/// One compared row.
#[derive(Debug)]
pub struct Row {
    /// File, relative to the corpus directory.
    pub file: String,
    /// Number as printed in the metadata.
    pub meta_number: String,
    /// Date as given in the metadata.
    pub meta_date: String,
    /// What the parser read.
    pub parsed_symbol: Option<String>,
    /// What the parser read.
    pub parsed_date: Option<String>,
    /// Symbol agrees (canonical forms equal).
    pub symbol_ok: bool,
    /// Date agrees.
    pub date_ok: bool,
    /// The metadata's number is a số ký hiệu at all (some rows hold a
    /// website docid such as `218797`, or `Chưa xác minh`).
    pub meta_is_symbol: bool,
    /// The number a copy's metadata (information table, title) gives when
    /// the text prints none (`symbol-in-metadata`), canonical.
    pub metadata_symbol: Option<String>,
}

impl Row {
    /// Both agree.
    pub fn ok(&self) -> bool {
        self.symbol_ok && self.date_ok
    }
}

/// A metadata date in one of the three styles of the corpus: `2026-05-22`,
/// `30/03/2026`, `15-05-2026`.
pub fn meta_date(s: &str) -> Option<IssueDate> {
    let s = s.trim();
    if let Ok(d) = s.parse::<IssueDate>() {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() == 3 && parts[2].len() == 4 {
        let d: u8 = parts[0].parse().ok()?;
        let m: u8 = parts[1].parse().ok()?;
        let y: u16 = parts[2].parse().ok()?;
        return IssueDate::ymd(y, m, d);
    }
    None
}

/// Parse every document that has a number and a date in the metadata and
/// compare. Also returns how many documents were parsed in all.
pub fn compare(dir: &Path) -> (Vec<Row>, usize) {
    let meta = std::fs::read_to_string(dir.join("meta.jsonl")).expect("read meta.jsonl");
    let mut rows = Vec::new();
    let mut parsed = 0;
    for line in meta.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("meta.jsonl row is JSON");
        let file = v["file"].as_str().expect("file").to_string();
        let text = std::fs::read_to_string(dir.join(&file)).expect("read corpus document");
        let doc = vanban::parse(&text);
        parsed += 1;
        let (Some(number), Some(date)) = (v["number"].as_str(), v["date"].as_str()) else {
            continue;
        };
        let want_symbol = number.parse::<Symbol>().ok();
        let want_date = meta_date(date);
        let symbol_ok = match (&want_symbol, &doc.symbol) {
            (Some(w), Some(g)) => w == g,
            _ => false,
        };
        let date_ok = match (want_date, doc.date) {
            (Some(w), Some(g)) => w == g,
            _ => false,
        };
        let metadata_symbol = doc
            .diagnostics
            .iter()
            .find(|d| d.code == "symbol-in-metadata")
            .and_then(|d| d.span)
            .and_then(|s| s.slice(&text).trim().parse::<Symbol>().ok())
            .map(|s| s.to_string());
        rows.push(Row {
            file,
            meta_number: number.to_string(),
            meta_date: date.to_string(),
            parsed_symbol: doc.symbol.as_ref().map(ToString::to_string),
            parsed_date: doc.date.map(|d| d.to_string()),
            symbol_ok,
            date_ok,
            meta_is_symbol: want_symbol.is_some(),
            metadata_symbol,
        });
    }
    (rows, parsed)
}
