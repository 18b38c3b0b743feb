//! Real texts for the tests that compare a fast path with a plain one: the
//! fixtures always, and the development corpus (`../shared/corpus/docs`)
//! when it is beside the repository.

use std::path::PathBuf;

/// Each file of the fixtures and of the corpus (if there): its path and
/// text (invalid UTF-8 replaced).
pub(crate) fn texts() -> Vec<(PathBuf, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("fixtures"), root.join("../shared/corpus/docs")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("a directory entry").path()).collect();
        paths.retain(|p| p.is_file());
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("a readable file");
            out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    assert!(
        out.len() >= 5,
        "expected the five fixtures at least, found {}",
        out.len()
    );
    out
}

/// The texts of [`texts`] a slower comparison reads: every fixture, and
/// every `n`th file of the corpus.
pub(crate) fn sampled(n: usize) -> Vec<String> {
    texts()
        .into_iter()
        .enumerate()
        .filter(|(k, (path, _))| k % n == 0 || path.parent().is_some_and(|d| d.ends_with("fixtures")))
        .map(|(_, (_, text))| text)
        .collect()
}

/// The lines of [`texts`] a comparison reads: every line of the fixtures,
/// and every `n`th line of each corpus file.
pub(crate) fn sampled_lines(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in texts() {
        let step = if path.parent().is_some_and(|d| d.ends_with("fixtures")) {
            1
        } else {
            n
        };
        out.extend(text.lines().step_by(step).map(str::to_string));
    }
    out
}
