//! The parser's fingerprint for the cache of parsed documents: a hash of
//! the crate's version and of every source file that can change what a
//! document parses to (all of `src/` but the checker, the command line and
//! `main.rs`). A cache written by another build of the parser is not read.
//! Computed here so that splitting or adding a source file needs no list
//! kept by hand.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.sort();
    // FNV-1a, 64 bits: a name for the parser's version, not a defence.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(std::env::var("CARGO_PKG_VERSION").unwrap_or_default().as_bytes());
    for f in files {
        let rel = f.to_string_lossy().replace('\\', "/");
        if rel.starts_with("src/check/") || rel.starts_with("src/cli/") || rel == "src/main.rs" {
            continue;
        }
        eat(rel.as_bytes());
        eat(&[0]);
        eat(&std::fs::read(&f).unwrap_or_default());
        eat(&[0]);
    }
    println!("cargo:rustc-env=VANBAN_PARSER_FINGERPRINT={h:016x}");
}

/// Every `.rs` file under `dir`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}
