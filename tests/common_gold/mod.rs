//! Shared by `tests/gold_headers.rs` and `examples/header_accuracy.rs`:
//! score the header vanban reads against the hand-read gold
//! (`tests/gold/headers.jsonl`, format in `tests/gold/README.md`), and the
//! document's own number on the gazette corpus against its `meta.jsonl`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use vanban::Document;

/// The fields scored, in the order they are printed.
pub const FIELDS: [&str; 11] = [
    "issuer",
    "issuer_parent",
    "symbol",
    "date",
    "place",
    "doc_type",
    "subject",
    "recipients",
    "authority",
    "position",
    "signer",
];

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpus beside the repository, if there.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// The gold file.
pub fn gold_path() -> PathBuf {
    root().join("tests/gold/headers.jsonl")
}

/// The held-out gold: headers read by hand from documents the header grammar
/// was not written against (see `tests/gold/README.md`).
pub fn holdout_path() -> PathBuf {
    root().join("tests/gold/holdout/headers.jsonl")
}

/// One miss: the file, the field, what the gold says, what vanban read.
#[derive(Debug, Clone)]
pub struct Miss {
    pub path: String,
    pub field: &'static str,
    pub gold: String,
    pub got: String,
}

/// Per-field counts.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// `(field, right, scored)` in [`FIELDS`] order.
    pub fields: Vec<(&'static str, usize, usize)>,
    /// Every miss.
    pub misses: Vec<Miss>,
    /// Rows scored, rows whose file is absent.
    pub rows: usize,
    pub absent: Vec<String>,
}

impl Report {
    /// The share right for `field` (1.0 when nothing was scored).
    pub fn rate(&self, field: &str) -> f64 {
        self.fields
            .iter()
            .find(|(f, _, _)| *f == field)
            .map_or(1.0, |&(_, ok, n)| if n == 0 { 1.0 } else { ok as f64 / n as f64 })
    }
}

/// The foldings of `tests/gold/README.md`: NFC, `Ð`→`Đ`, whitespace runs to
/// one space, Markdown emphasis and heading marks removed, surrounding
/// spaces and trailing `,;:.` removed; lower case when `caseless`.
pub fn fold(s: &str, caseless: bool) -> String {
    let s: String = s.nfc().collect();
    let s = s.replace('Ð', "Đ").replace('ð', "đ");
    let s: String = s.chars().filter(|&c| c != '*' && c != '_').collect();
    let s = s.trim_start().trim_start_matches('#');
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let t = out.trim_end_matches([',', ';', ':', '.']).trim();
        if t.len() == out.len() {
            break;
        }
        out = t.to_string();
    }
    if caseless {
        out.to_lowercase()
    } else {
        out
    }
}

/// A gold value or a read value, as compared: `None` for null.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    One(Option<String>),
    Many(Vec<String>),
}

impl Value {
    fn show(&self) -> String {
        match self {
            Value::One(None) => "null".to_string(),
            Value::One(Some(s)) => format!("{s:?}"),
            Value::Many(v) => format!("{v:?}"),
        }
    }
}

fn caseless(field: &str) -> bool {
    matches!(field, "issuer" | "issuer_parent" | "authority" | "position")
}

fn one(v: Option<&str>, field: &str) -> Value {
    Value::One(v.map(|s| fold(s, caseless(field))).filter(|s| !s.is_empty()))
}

fn many<'a>(v: impl IntoIterator<Item = &'a str>, field: &str) -> Value {
    Value::Many(v.into_iter().map(|s| fold(s, caseless(field))).collect())
}

/// What the gold row says for `field`.
fn gold_value(row: &serde_json::Value, field: &str) -> Value {
    let sig = &row["signature"];
    match field {
        "issuer" => match &row["issuer"] {
            serde_json::Value::Array(a) => many(a.iter().filter_map(|x| x.as_str()), field),
            v => one(v.as_str(), field),
        },
        "recipients" => many(
            row["recipients"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>())
                .unwrap_or_default(),
            field,
        ),
        "authority" => many(
            sig["authority"]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>())
                .unwrap_or_default(),
            field,
        ),
        "position" | "signer" => one(sig[field].as_str(), field),
        _ => one(row[field].as_str(), field),
    }
}

/// What vanban read for `field`, shaped like the gold (`issuer` is a list
/// when the gold's is).
fn read_value(doc: &Document, field: &str, gold: &Value) -> Value {
    let sig = doc.signature.as_ref();
    match field {
        "issuer" => match gold {
            Value::Many(_) => many(doc.issuers.iter().map(String::as_str), field),
            Value::One(_) => one(doc.issuer.as_deref(), field),
        },
        "issuer_parent" => one(doc.issuer_parent.as_deref(), field),
        "symbol" => one(doc.symbol.as_ref().map(ToString::to_string).as_deref(), field),
        "date" => one(doc.date.map(|d| d.to_string()).as_deref(), field),
        "place" => one(doc.place.as_deref(), field),
        "doc_type" => one(doc.doc_type.as_deref(), field),
        "subject" => one(doc.subject.as_deref(), field),
        "recipients" => many(doc.recipients.iter().map(String::as_str), field),
        "authority" => many(
            sig.into_iter().flat_map(|s| s.authority.iter().map(String::as_str)),
            field,
        ),
        "position" => one(sig.and_then(|s| s.position.as_deref()), field),
        "signer" => one(sig.and_then(|s| s.signer.as_deref()), field),
        _ => unreachable!("unknown field {field}"),
    }
}

/// Is `field` one the row leaves unclear (`ambiguous`)? `signature` covers
/// its three parts.
fn ambiguous(row: &serde_json::Value, field: &str) -> bool {
    row["ambiguous"].as_array().is_some_and(|a| {
        a.iter().filter_map(|x| x.as_str()).any(|k| {
            k == field
                || (k == "signature" && matches!(field, "authority" | "position" | "signer"))
                || k.strip_prefix("signature.") == Some(field)
        })
    })
}

/// Parse a file as the command line does.
pub fn parse_file(path: &Path) -> Option<Document> {
    let bytes = std::fs::read(path).ok()?;
    vanban::parse_bytes(&bytes, &vanban::ParseOptions::default()).ok()
}

/// Score every row of the main gold file whose file is present.
pub fn score() -> Option<Report> {
    score_file(&gold_path())
}

/// Score every row of the gold file `gold` whose file is present.
pub fn score_file(gold: &Path) -> Option<Report> {
    let text = std::fs::read_to_string(gold).ok()?;
    let mut counts: Vec<(&'static str, usize, usize)> = FIELDS.iter().map(|&f| (f, 0, 0)).collect();
    let mut report = Report::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("headers.jsonl: a row is JSON");
        let rel = row["path"]
            .as_str()
            .expect("headers.jsonl: a row has a path")
            .to_string();
        let path = root().join(&rel);
        if !path.is_file() {
            report.absent.push(rel);
            continue;
        }
        let Some(doc) = parse_file(&path) else {
            panic!("{rel}: not readable as a document");
        };
        report.rows += 1;
        for (k, &field) in FIELDS.iter().enumerate() {
            if ambiguous(&row, field) {
                continue;
            }
            let gold = gold_value(&row, field);
            let got = read_value(&doc, field, &gold);
            counts[k].2 += 1;
            if gold == got {
                counts[k].1 += 1;
            } else {
                report.misses.push(Miss {
                    path: rel.clone(),
                    field,
                    gold: gold.show(),
                    got: got.show(),
                });
            }
        }
    }
    report.fields = counts;
    Some(report)
}

/// A number folded as the gazette's README says: no diacritics, letters and
/// digits only (`Đ` → `D`), upper case.
pub fn fold_number(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'Đ' | 'đ' | 'Ð' | 'ð' => 'D',
            c => c,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// The gazette figure: texts agreeing, texts printing their number, and
/// each disagreement `(file, number in meta.jsonl, number read)`.
pub type Agreement = (usize, usize, Vec<(String, String, String)>);

/// The gazette corpus: of the texts that print their number
/// (`number_in_text`), how many numbers vanban reads agree with
/// `meta.jsonl` (folded); and each disagreement.
pub fn gazette_agreement() -> Option<Agreement> {
    let dir = shared_corpus()?.join("gazette");
    let meta = std::fs::read_to_string(dir.join("meta.jsonl")).ok()?;
    let (mut ok, mut total, mut misses) = (0, 0, Vec::new());
    for line in meta.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("meta.jsonl: a row is JSON");
        if row["number_in_text"].as_bool() == Some(false) {
            continue;
        }
        let file = row["file"].as_str().expect("file").to_string();
        let number = row["number"].as_str().unwrap_or("").to_string();
        total += 1;
        let read = parse_file(&dir.join(&file))
            .and_then(|d| d.symbol)
            .map(|s| s.to_string())
            .unwrap_or_default();
        if fold_number(&read) == fold_number(&number) && !read.is_empty() {
            ok += 1;
        } else {
            misses.push((file, number, read));
        }
    }
    Some((ok, total, misses))
}
