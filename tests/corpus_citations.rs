//! Citations on the development corpus (`../shared/corpus/docs`): every
//! `Căn cứ` line yields something, and spans cut the right text.
//!
//! Skipped, with a note, when the corpus is not there.

use std::path::{Path, PathBuf};

fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/docs");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} not found, corpus test skipped", dir.display());
        return None;
    };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Some(files)
}

fn read(p: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(p).expect("readable corpus file")).into_owned()
}

/// The line without leading bullets, markup, quotes and spaces.
fn strip_bullets(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '+' | '•' | '–' | '*' | '#' | '>' | '_' | '"' | '“') || c == '\u{feff}'
    })
}

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect::<String>().replace('Ð', "Đ")
}

/// A `Căn cứ` line that cites something: a capitalised type word after it
/// with a name, `số` or a number, not a form to fill in (`Thông báo số ....`,
/// `<Tờ khai ...>`) and not a bare `Căn cứ` whose text is on the next line.
fn cites_something(rest: &str) -> bool {
    let blank_form = rest.contains("...") || rest.contains('…') || rest.contains('<') || rest.contains("(Cơ quan");
    let words = [
        "Luật",
        "Bộ luật",
        "Hiến pháp",
        "Pháp lệnh",
        "Nghị quyết",
        "Nghị định",
        "Quyết định",
        "Thông tư",
        "Chỉ thị",
        "Kế hoạch",
        "Công văn",
        "Văn bản hợp nhất",
    ];
    let has_type = words.iter().any(|w| {
        rest.match_indices(w).any(|(k, _)| {
            let after = rest[k + w.len()..].trim_start();
            after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || after.starts_with("số")
        })
    });
    has_type && !blank_form
}

#[test]
fn every_basis_line_yields_a_citation_or_named_ref() {
    let Some(files) = corpus_files() else { return };
    let mut lines = 0;
    let mut skipped = 0;
    let mut misses = Vec::new();
    for f in &files {
        let text = read(f);
        let doc = vanban::parse(&text);
        let mut starts = Vec::new();
        let mut off = 0;
        for line in text.split_inclusive('\n') {
            starts.push(off);
            off += line.len();
        }
        for (k, line) in text.split_inclusive('\n').enumerate() {
            let body = nfc(strip_bullets(line));
            let Some(rest) = body.strip_prefix("Căn cứ") else {
                continue;
            };
            if !cites_something(rest) {
                skipped += 1;
                continue;
            }
            lines += 1;
            let (s, e) = (starts[k], starts[k] + line.len());
            let hit = doc.citations.iter().any(|c| c.span.start >= s && c.span.start < e)
                || doc.named_refs.iter().any(|r| r.span.start >= s && r.span.start < e);
            if !hit {
                misses.push(format!("{}:{}: {}", f.display(), k + 1, line.trim_end()));
            }
        }
    }
    eprintln!("{lines} `Căn cứ` lines with a citation checked, {skipped} without one (forms, bare `Căn cứ`)");
    assert!(lines > 500, "too few `Căn cứ` lines: {lines}");
    assert!(
        misses.is_empty(),
        "{} lines gave nothing:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn sampled_spans_start_with_the_type_word_and_contain_the_symbol() {
    let Some(files) = corpus_files() else { return };
    let mut checked = 0;
    let mut bad = Vec::new();
    // Every 7th file, every citation with a symbol: a fixed, spread sample.
    for f in files.iter().step_by(7) {
        let text = read(f);
        let doc = vanban::parse(&text);
        for c in &doc.citations {
            let Some(sym) = &c.symbol else { continue };
            // The document's own number, and số ký hiệu printed with no type
            // word (their type read from the code, with a note), start with
            // no type word.
            let noted = |code: &str| {
                doc.diagnostics
                    .iter()
                    .any(|d| d.code == code && d.span.is_some_and(|s| s.start < c.span.end && c.span.start < s.end))
            };
            if c.is_self || c.doc_type.is_none() || noted("no-type-word") {
                continue;
            }
            let span = nfc(c.span.slice(&text));
            let ty = c.doc_type.as_deref().unwrap_or("");
            let lower = span.to_lowercase();
            // A list's item, its type word in the list's head (`các Nghị
            // quyết của Chính phủ: số 01/NQ-CP …; số 02/NQ-CP …`).
            let starts = if lower.starts_with("số") || lower.starts_with("so") {
                true
            } else {
                let head: String = span
                    .chars()
                    .take(ty.chars().count() + 12)
                    .collect::<String>()
                    .to_lowercase();
                let ty_l = ty.to_lowercase();
                head.starts_with(&ty_l)
                    || vanban::normalize::fold(&head).starts_with(&vanban::normalize::fold(&ty_l))
                    || (ty == "Chương trình" && head.starts_with("chương trình"))
            };
            let squeezed: String = span
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase();
            // (A symbol repaired is printed otherwise, and said so.)
            let repaired = [
                "symbol-repair",
                "missing-hyphen",
                "missing-slash",
                "glued-text",
                "lookalike-letter",
                "symbol-separator",
                "symbol-case",
                "symbol-spacing",
                "ocr-issuer",
            ]
            .iter()
            .any(|code| noted(code));
            let contains = repaired || squeezed.contains(&sym.to_string().to_uppercase());
            let line_ok = c.line >= 1 && c.line <= text.lines().count().max(1);
            checked += 1;
            if !(starts && contains && line_ok) {
                bad.push(format!("{}: {ty} {sym} span {span:?}", f.display()));
            }
        }
    }
    eprintln!("{checked} spans checked");
    assert!(checked > 300, "too few citations sampled: {checked}");
    assert!(bad.is_empty(), "{} bad spans:\n{}", bad.len(), bad.join("\n"));
}
