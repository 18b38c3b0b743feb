//! Citation accuracy against hand-read gold, counted as
//! `../shared/corpus/letters/score.py` counts (shared by
//! `examples/citation_accuracy.rs` and `tests/citation_accuracy.rs`).
//!
//! Gold sets: the letters (`../shared/corpus/letters/NNN.{txt,json}`) and
//! `tests/gold/citations/{docs,gazette,fixtures}/*.json` (format:
//! `tests/gold/README.md`). For each annotated text:
//!
//! - a predicted citation with neither symbol nor number is a by-name
//!   reference and is ignored, unless it matches a gold citation keyed by
//!   name (a treaty: `name`, no symbol), which it may then match;
//! - gold citations marked `self` or `ambiguous` are neither hits nor
//!   misses, and a prediction matching one of them (same key, or
//!   overlapping span) is no extra;
//! - the key is the canonical symbol (score.py's canonicalisation, after
//!   the repairs `Symbol`'s `FromStr` documents, on both sides: a gold
//!   symbol written as printed, `183/2010/TTLT/BTC-BNN` or `01/1999/QĐ.UB`,
//!   is the document `183/2010/TTLT-BTC-BNN`, `01/1999/QĐ-UB`); for
//!   `number_only` gold, (canonical type, number), and the prediction must
//!   have no symbol (or a purely numeric one); for a gold `name` without a
//!   symbol, (name without its type word, date), both folded;
//! - repeated keys are paired by span overlap first, then by distance;
//!   gold offsets are Python code points into the text as Python reads it
//!   (`\r\n` and `\r` read as `\n`), converted to bytes of the file;
//! - precision = matched / (matched + extras), recall = matched / scored
//!   gold; dates right and relations right over matched pairs (`null` =
//!   `null` is right).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The figures of one gold set.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Texts scored.
    pub files: usize,
    /// Texts skipped (absent).
    pub skipped: usize,
    /// Gold citations scored.
    pub gold: usize,
    /// Matched pairs.
    pub matched: usize,
    /// Predictions matching no gold.
    pub extras: usize,
    /// Matched pairs with the right date.
    pub dates_ok: usize,
    /// Matched pairs with the right relation.
    pub relations_ok: usize,
    /// Matched pairs with the right relation other than `mentions`, whose
    /// gold agent is scored (see [`Figures::agents`]; not on the letters,
    /// whose gold has no `by`).
    pub acting: usize,
    /// Of those, the ones with the right agent.
    pub agents_ok: usize,
    /// One line per miss, extra, wrong date and wrong relation.
    pub details: Vec<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Figures {
    /// Precision, in percent.
    pub fn precision(&self) -> f64 {
        pct(self.matched, self.matched + self.extras)
    }
    /// Recall, in percent.
    pub fn recall(&self) -> f64 {
        pct(self.matched, self.gold)
    }
    /// Dates right, in percent of matched pairs.
    pub fn dates(&self) -> f64 {
        pct(self.dates_ok, self.matched)
    }
    /// Relations right, in percent of matched pairs.
    pub fn relations(&self) -> f64 {
        pct(self.relations_ok, self.matched)
    }
    /// Agents right, in percent of the matched pairs with the right
    /// relation other than `mentions`: who stands in that relation to the cited
    /// document, this document (gold without `by`, found `by: null`) or
    /// another cited document (gold `by` the index of its gold entry, found
    /// `by` the index of the citation paired with that entry). A gold `by`
    /// pointing at an entry that is not scored (`self`, `ambiguous`) is
    /// not counted.
    pub fn agents(&self) -> f64 {
        pct(self.agents_ok, self.acting)
    }
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The gold sets: name, and the (text, annotation) pairs of each.
pub fn gold_sets() -> Vec<(&'static str, Vec<(PathBuf, Value)>)> {
    let mut sets = Vec::new();
    // The letters: NNN.txt beside NNN.json.
    sets.push(("letters", letters_in(&root().join("../shared/corpus/letters"))));
    for set in ["docs", "gazette", "fixtures"] {
        sets.push((set, files_in(&root().join("tests/gold/citations").join(set))));
    }
    // The held-out sets: read by hand from texts the citation grammar was not
    // written against (tests/gold/README.md, "Held-out gold").
    let holdout = root().join("tests/gold/holdout");
    sets.push(("held-out letters", letters_in(&holdout.join("letters"))));
    sets.push(("held-out docs", files_in(&holdout.join("citations/docs"))));
    sets.push(("held-out gazette", files_in(&holdout.join("citations/gazette"))));
    sets
}

/// The gold files (`*.json`) of `dir`, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    paths
}

/// A letters set: each `NNN.json` scores the `NNN.txt` beside it.
fn letters_in(dir: &Path) -> Vec<(PathBuf, Value)> {
    json_files(dir)
        .into_iter()
        .filter_map(|p| read_json(&p).ok().map(|v| (p.with_extension("txt"), v)))
        .collect()
}

/// A documents set: each gold file names its text in `file`.
fn files_in(dir: &Path) -> Vec<(PathBuf, Value)> {
    json_files(dir)
        .into_iter()
        .filter_map(|p| {
            let v = read_json(&p).ok()?;
            let file = root().join(v["file"].as_str()?);
            Some((file, v))
        })
        .collect()
}

fn read_json(p: &Path) -> Result<Value, String> {
    let s = std::fs::read_to_string(p).map_err(|e| e.to_string())?;
    serde_json::from_str(&s).map_err(|e| format!("{}: {e}", p.display()))
}

/// score.py's `canon_symbol`.
pub fn canon_symbol(sym: &str) -> String {
    const MIXED: [&str; 6] = ["TTg", "CTr", "QyĐ", "QĐi", "TTr", "ThU"];
    let s: String = sym
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    let mut out = String::new();
    let mut part = String::new();
    let flush = |part: &mut String, out: &mut String| {
        if part.starts_with(|c: char| c.is_ascii_digit()) {
            out.push_str(&part.to_lowercase());
        } else {
            let up = part.to_uppercase();
            match MIXED.iter().find(|m| m.to_uppercase() == up) {
                Some(m) => out.push_str(m),
                None => out.push_str(&up),
            }
        }
        part.clear();
    };
    for c in s.chars() {
        if c == '-' || c == '/' {
            flush(&mut part, &mut out);
            out.push(c);
        } else {
            part.push(c);
        }
    }
    flush(&mut part, &mut out);
    out
}

/// A gold symbol with the repairs `Symbol`'s `FromStr` makes (a slash or a
/// dot where a hyphen joins codes), as vanban's own are; as written when it
/// does not parse.
pub fn repaired(sym: &str) -> String {
    sym.parse::<vanban::Symbol>()
        .map_or_else(|_| sym.to_string(), |s| s.to_string())
}

/// score.py's `canon_type`.
fn canon_type(t: Option<&str>) -> Option<String> {
    t.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
}

/// A name, folded, without the type word it may start with.
fn canon_name(name: &str) -> String {
    let f = vanban::normalize::fold(name);
    let f = f.trim();
    for t in [
        "hiep dinh ",
        "hiep uoc ",
        "cong uoc ",
        "nghi dinh thu ",
        "luat ",
        "bo luat ",
        "hien phap ",
        "phap lenh ",
    ] {
        if let Some(r) = f.strip_prefix(t) {
            return r.trim().to_string();
        }
    }
    f.to_string()
}

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Symbol(String),
    Number(Option<String>, u64),
    Name(String, Option<String>),
}

fn gold_key(c: &Value) -> Option<Key> {
    let sym = c["symbol"].as_str();
    if c["number_only"].as_bool() == Some(true) {
        let n = sym?.trim().parse().ok()?;
        return Some(Key::Number(canon_type(c["type"].as_str()), n));
    }
    match sym {
        Some(s) => Some(Key::Symbol(canon_symbol(&repaired(s)))),
        None => c["name"]
            .as_str()
            .map(|n| Key::Name(canon_name(n), c["date"].as_str().map(str::to_string))),
    }
}

fn pred_keys(c: &vanban::Citation) -> Vec<Key> {
    let mut keys = Vec::new();
    let sym = c.symbol.as_ref().map(|s| s.to_string());
    match sym {
        Some(s) if !s.trim().chars().all(|x| x.is_ascii_digit()) => keys.push(Key::Symbol(canon_symbol(&s))),
        _ => {
            let n = c
                .number
                .map(u64::from)
                .or_else(|| sym.and_then(|s| s.trim().parse().ok()));
            if let Some(n) = n {
                keys.push(Key::Number(canon_type(c.doc_type.as_deref()), n));
            }
        }
    }
    if keys.is_empty() {
        if let Some(name) = &c.name {
            let full = match &c.doc_type {
                Some(t) => format!("{t} {name}"),
                None => name.clone(),
            };
            keys.push(Key::Name(canon_name(&full), c.date.map(|d| d.to_string())));
        }
    }
    keys
}

/// Byte offset of each code point of `text` as Python reads it (`\r\n`
/// and `\r` become `\n`), and one past the end.
fn python_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut it = text.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        out.push(k);
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
        }
    }
    out.push(text.len());
    out
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Score one gold set.
/// A prediction: its keys, span, citation and index in the document's
/// citations.
type Pred<'a> = (Vec<Key>, (usize, usize), &'a vanban::Citation, usize);

pub fn score(name: &str, files: &[(PathBuf, Value)]) -> Figures {
    let mut fig = Figures::default();
    // (The letters' gold, `../shared/corpus/letters`, has no `by`: their
    // agents are not scored.)
    let agents_scored = !name.contains("letters");
    for (path, gold) in files {
        let Ok(bytes) = std::fs::read(path) else {
            fig.skipped += 1;
            continue;
        };
        fig.files += 1;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let doc = vanban::parse(&text);
        let offsets = python_offsets(&text);
        let at = |v: &Value| v.as_u64().and_then(|k| offsets.get(k as usize).copied()).unwrap_or(0);
        let shown = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut scorable = Vec::new();
        let mut skipped = Vec::new();
        // The scorable entry of each gold entry, by its index in the file.
        let mut scorable_of = Vec::new();
        for c in gold["citations"].as_array().into_iter().flatten() {
            let span = (at(&c["start"]), at(&c["end"]));
            let key = gold_key(c);
            if c["self"].as_bool() == Some(true) || c["ambiguous"].as_bool() == Some(true) {
                skipped.push((key, span));
                scorable_of.push(None);
            } else if let Some(k) = key {
                scorable_of.push(Some(scorable.len()));
                scorable.push((k, span, c));
            } else {
                scorable_of.push(None);
            }
        }
        // (Each with its index in the document's citations.)
        let preds: Vec<Pred<'_>> = doc
            .citations
            .iter()
            .enumerate()
            .map(|(n, c)| (pred_keys(c), (c.span.start, c.span.end), c, n))
            .filter(|(keys, _, _, _)| !keys.is_empty())
            .collect();
        let mut used = vec![false; preds.len()];
        let mut pairs: Vec<Option<usize>> = vec![None; scorable.len()];
        for (gi, (k, span, _)) in scorable.iter().enumerate() {
            if let Some(i) =
                (0..preds.len()).find(|&i| !used[i] && preds[i].0.contains(k) && overlap(*span, preds[i].1))
            {
                used[i] = true;
                pairs[gi] = Some(i);
            }
        }
        for (gi, (k, span, _)) in scorable.iter().enumerate() {
            if pairs[gi].is_some() {
                continue;
            }
            if let Some(i) = (0..preds.len())
                .filter(|&i| !used[i] && preds[i].0.contains(k))
                .min_by_key(|&i| preds[i].1 .0.abs_diff(span.0))
            {
                used[i] = true;
                pairs[gi] = Some(i);
            }
        }
        for (gi, (k, _, g)) in scorable.iter().enumerate() {
            fig.gold += 1;
            let Some(i) = pairs[gi] else {
                fig.details.push(format!(
                    "{name} {shown}: miss {k:?} {:?}",
                    g["surface"].as_str().unwrap_or("")
                ));
                continue;
            };
            fig.matched += 1;
            let p = preds[i].2;
            let gd = g["date"].as_str().filter(|d| !d.is_empty());
            let pd = p.date.map(|d| d.to_string());
            if gd == pd.as_deref() {
                fig.dates_ok += 1;
            } else {
                fig.details
                    .push(format!("{name} {shown}: date {k:?} gold {gd:?} found {pd:?}"));
            }
            if g["relation"].as_str() == Some(p.relation.as_str()) {
                fig.relations_ok += 1;
                if agents_scored && g["relation"].as_str() != Some("mentions") {
                    // The gold agent: this document, or the citation paired
                    // with the gold entry it names (none if not scored).
                    let want = match g["by"].as_u64() {
                        None => Some(None),
                        Some(b) => scorable_of
                            .get(b as usize)
                            .copied()
                            .flatten()
                            .map(|gb| pairs[gb].map(|i| preds[i].3)),
                    };
                    if let Some(want) = want {
                        fig.acting += 1;
                        if p.by == want && !(want.is_none() && g["by"].is_u64()) {
                            fig.agents_ok += 1;
                        } else {
                            fig.details.push(format!(
                                "{name} {shown}: agent {k:?} {} gold by {:?} found by {:?} {:?}",
                                p.relation,
                                g["by"].as_u64(),
                                p.by,
                                g["surface"].as_str().unwrap_or("")
                            ));
                        }
                    }
                }
            } else {
                fig.details.push(format!(
                    "{name} {shown}: relation {k:?} gold {} found {} {:?}",
                    g["relation"].as_str().unwrap_or(""),
                    p.relation,
                    g["surface"].as_str().unwrap_or("")
                ));
            }
        }
        for (i, (keys, span, p, _)) in preds.iter().enumerate() {
            if used[i] {
                continue;
            }
            // A by-name reference matching no gold name is ignored.
            if p.symbol.is_none() && p.number.is_none() {
                continue;
            }
            if skipped
                .iter()
                .any(|(k, s)| k.as_ref().is_some_and(|k| keys.contains(k)) || overlap(*s, *span))
            {
                continue;
            }
            fig.extras += 1;
            let surface = text.get(span.0..span.1).unwrap_or("");
            fig.details.push(format!("{name} {shown}: extra {keys:?} {surface:?}"));
        }
    }
    fig
}
