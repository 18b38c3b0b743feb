//! The cache of parsed documents.

use std::io;
use std::path::{Path, PathBuf};

use super::finding::{fnv128, FNV128_BASIS};
use crate::model::Document;

/// A fingerprint of the parser's source, fixed at compile time: a cache
/// written by another build of the parser is not read.
const PARSER_FINGERPRINT: u128 = {
    let mut h = FNV128_BASIS;
    h = fnv128(env!("CARGO_PKG_VERSION").as_bytes(), h);
    h = fnv128(include_bytes!("../lib.rs"), h);
    h = fnv128(include_bytes!("../normalize.rs"), h);
    h = fnv128(include_bytes!("../structure.rs"), h);
    h = fnv128(include_bytes!("../cite.rs"), h);
    h = fnv128(include_bytes!("../symbol.rs"), h);
    h = fnv128(include_bytes!("../date.rs"), h);
    h = fnv128(include_bytes!("../model.rs"), h);
    h = fnv128(include_bytes!("../text.rs"), h);
    h = fnv128(include_bytes!("../error.rs"), h);
    h
};

/// A cache of parsed documents keyed by the bytes of the file: an unchanged
/// file is not parsed again. Entries live in
/// `DIR/v<version>-<parser fingerprint>/<hash of the bytes>.json`; a new
/// version of the crate (or of its parser) reads none of the old ones and
/// removes them.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// Open (create) a cache under `dir`. Old namespaces are removed.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        let name = format!(
            "v{}-{:08x}",
            env!("CARGO_PKG_VERSION"),
            (PARSER_FINGERPRINT >> 96) as u32
        );
        let ns = dir.join(&name);
        if !ns.is_dir() {
            std::fs::create_dir_all(&ns)?;
            let _ = std::fs::write(dir.join(".gitignore"), "*\n");
            if let Ok(rd) = std::fs::read_dir(dir) {
                for e in rd.flatten() {
                    let n = e.file_name().to_string_lossy().into_owned();
                    if n != name && n.starts_with('v') && e.path().is_dir() {
                        let _ = std::fs::remove_dir_all(e.path());
                    }
                }
            }
        }
        Ok(Cache { dir: ns })
    }

    fn entry(&self, bytes: &[u8]) -> PathBuf {
        let h = fnv128(bytes, FNV128_BASIS);
        self.dir.join(format!("{h:032x}-{}.json", bytes.len()))
    }

    /// The cached document of these bytes, if any.
    pub fn get(&self, bytes: &[u8]) -> Option<Document> {
        let text = std::fs::read(self.entry(bytes)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Store a document (written to a temporary file and renamed, so a
    /// reader never sees half an entry). Failures are ignored: a cache.
    pub fn put(&self, bytes: &[u8], doc: &Document) {
        let path = self.entry(bytes);
        let Ok(json) = serde_json::to_vec(doc) else { return };
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_cache_round_trip() {
        let dir = std::env::temp_dir().join(format!("vanban-cache-test-{}", std::process::id()));
        let cache = Cache::open(&dir).unwrap();
        let text = "TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\nThực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n";
        let d = crate::parse(text);
        assert!(cache.get(text.as_bytes()).is_none());
        cache.put(text.as_bytes(), &d);
        assert_eq!(cache.get(text.as_bytes()), Some(d));
        assert!(cache.get(b"other").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
