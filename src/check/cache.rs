//! The cache of parsed documents.
//!
//! What it may touch, and nothing else:
//! - **One folder**, which it created (or found empty) and marked with a
//!   `CACHEDIR.TAG` naming vanban. A folder that holds anything without
//!   that mark is refused, never emptied; a folder that is a symbolic link
//!   is refused.
//! - Inside it: the mark, a `.gitignore` (`*`), and one sub-folder per
//!   parser version (`v<version>-<fingerprint>`) holding entries
//!   (`<blake3 of the file's bytes>.entry`) and the temporary files of
//!   entries being written (`.tmp-<pid>-<n>`). Only names of these forms
//!   are ever removed: the folders of other parser versions, temporary files
//!   whose process is gone (or older than an hour), and the least recently
//!   used entries when the cache is over its size cap.
//!
//! Entries are written to a temporary file and renamed, so a reader never
//! sees half of one. Each entry carries a BLAKE3 keyed hash of its content
//! and its name, checked on every read: an entry that does not verify (edited,
//! truncated, written under another key, moved to another name) is not used,
//! and the document is parsed again. The key never lives in the cache
//! folder: it is `VANBAN_CACHE_KEY` when set, else a random key kept per user
//! (`$XDG_CACHE_HOME/vanban/cache-key`, `~/.cache/vanban/cache-key`), else one
//! made for the run. So a cache restored from somewhere else (another machine,
//! a CI cache a pull request could write) is not trusted unless it was signed
//! with the same secret key.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::model::Document;
use crate::safety;

/// The parser's fingerprint (see `build.rs`): entries written by another
/// build of the parser are in another folder, and are not read.
const PARSER_FINGERPRINT: &str = env!("VANBAN_PARSER_FINGERPRINT");

/// The mark of a folder the cache owns: a cache directory tag
/// (<https://bford.info/cachedir/>; backup tools skip the folder) that
/// names vanban.
const TAG_NAME: &str = "CACHEDIR.TAG";
const TAG_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
    # This file is a cache directory tag created by vanban: vanban owns this folder.\n\
    # For information about cache directory tags, see https://bford.info/cachedir/\n";

/// The first bytes of an entry: format, then the keyed hash in hex.
const ENTRY_MAGIC: &[u8] = b"vanban-cache 1 ";
const ENTRY_EXT: &str = "entry";
const TEMP_PREFIX: &str = ".tmp-";

/// How a [`Cache`] is opened.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CacheOptions {
    /// The entries of the current parser version are kept under this many
    /// bytes: past it, the least recently used are removed (when the cache
    /// is opened, and by [`Cache::trim`]). Default 512 MiB.
    pub max_size: u64,
    /// The key of the entries' keyed hash. `None` (the default): the
    /// environment's `VANBAN_CACHE_KEY`, else the user's key file, else a
    /// key made for this process (see the module's documentation).
    pub key: Option<[u8; 32]>,
}

impl Default for CacheOptions {
    fn default() -> Self {
        CacheOptions {
            max_size: 512 << 20,
            key: None,
        }
    }
}

/// A cache of parsed documents keyed by the bytes of the file: an unchanged
/// file is not parsed again. See the module's documentation for what it
/// owns, how entries are verified and where the key comes from.
#[derive(Debug)]
pub struct Cache {
    /// The folder of this parser version's entries.
    dir: PathBuf,
    key: [u8; 32],
    max_size: u64,
    /// Bytes of entries in `dir` (as counted when opened, plus those written).
    used: AtomicU64,
    /// A write failed (a full disk, no permission): no more are tried.
    failed: AtomicBool,
}

impl Cache {
    /// Open (create) a cache in `dir` with the default options.
    pub fn open(dir: &Path) -> io::Result<Cache> {
        Cache::open_with(dir, &CacheOptions::default())
    }

    /// Open (create) a cache in `dir`. Refused (an error saying why) when
    /// `dir` is a symbolic link or a folder that holds files without the
    /// cache's mark: the cache never writes into, or empties, a folder it
    /// does not own. Cleans what earlier runs left (other parser versions'
    /// entries, temporary files of killed runs) and trims the entries to the
    /// size cap.
    pub fn open_with(dir: &Path, options: &CacheOptions) -> io::Result<Cache> {
        claim(dir)?;
        let name = format!("v{}-{PARSER_FINGERPRINT}", env!("CARGO_PKG_VERSION"));
        let ns = dir.join(&name);
        match fs::symlink_metadata(&ns) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(io::Error::other(format!(
                    "{name}: expected a folder of cache entries, found another kind of file"
                )))
            }
            Err(_) => fs::create_dir(&ns).or_else(|e| if ns.is_dir() { Ok(()) } else { Err(e) })?,
        }
        // Other parser versions' folders: their entries are never read again.
        for e in fs::read_dir(dir)?.flatten() {
            let n = e.file_name();
            let n = n.to_string_lossy();
            if n != name && is_namespace_name(&n) && e.file_type().is_ok_and(|t| t.is_dir()) {
                remove_owned(&e.path(), true);
                let _ = fs::remove_dir(e.path());
            }
        }
        remove_owned(&ns, false);
        let key = options.key.unwrap_or_else(user_key);
        let cache = Cache {
            dir: ns,
            key,
            max_size: options.max_size,
            used: AtomicU64::new(0),
            failed: AtomicBool::new(false),
        };
        cache.trim();
        Ok(cache)
    }

    /// The folder of this parser version's entries.
    pub fn entries_dir(&self) -> &Path {
        &self.dir
    }

    /// The entry's name for these bytes.
    fn entry(&self, bytes: &[u8]) -> PathBuf {
        self.dir.join(format!("{}.{ENTRY_EXT}", blake3::hash(bytes).to_hex()))
    }

    /// The keyed hash of an entry's content, bound to its name.
    fn mac(&self, path: &Path, json: &[u8]) -> blake3::Hash {
        let mut h = blake3::Hasher::new_keyed(&self.key);
        h.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        h.update(&[0]);
        h.update(json);
        h.finalize()
    }

    /// The cached document of these bytes, if there is an entry and it
    /// verifies.
    pub fn get(&self, bytes: &[u8]) -> Option<Document> {
        let path = self.entry(bytes);
        // An entry is a parse of these bytes: a bound far above its size.
        let limit = (bytes.len() as u64).saturating_mul(64).max(1 << 20);
        let content = safety::read_limited(&path, limit).ok()?;
        let rest = content.strip_prefix(ENTRY_MAGIC)?;
        let (hex, json) = rest.split_at(rest.iter().position(|&b| b == b'\n')?);
        let json = &json[1..];
        let stored = blake3::Hash::from_hex(hex).ok()?;
        // `Hash` compares in constant time.
        if stored != self.mac(&path, json) {
            return None;
        }
        let doc = serde_json::from_slice(json).ok()?;
        // Used now: the last to be evicted.
        if let Ok(f) = fs::File::options().write(true).open(&path) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(doc)
    }

    /// Store a document (written to a temporary file and renamed, so a
    /// reader never sees half an entry). Failures are ignored (a cache), but
    /// after the first one no more writes are tried: a full disk is not
    /// written to thousands of times.
    pub fn put(&self, bytes: &[u8], doc: &Document) {
        if self.failed.load(Ordering::Relaxed) {
            return;
        }
        let Ok(json) = serde_json::to_vec(doc) else { return };
        let path = self.entry(bytes);
        let mac = self.mac(&path, &json);
        let written = self.write_entry(&path, &mac, &json);
        match written {
            Ok(n) => {
                self.used.fetch_add(n, Ordering::Relaxed);
            }
            Err(_) => self.failed.store(true, Ordering::Relaxed),
        }
    }

    fn write_entry(&self, path: &Path, mac: &blake3::Hash, json: &[u8]) -> io::Result<u64> {
        use std::sync::atomic::AtomicUsize;
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let tmp = self.dir.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()));
        let result = (|| {
            let mut f = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            f.write_all(ENTRY_MAGIC)?;
            f.write_all(mac.to_hex().as_bytes())?;
            f.write_all(b"\n")?;
            f.write_all(json)?;
            drop(f);
            // Over a planted link or an older entry alike: rename replaces
            // the name, it does not write through it.
            fs::rename(&tmp, path)?;
            Ok((ENTRY_MAGIC.len() + 65 + json.len()) as u64)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Remove the least recently used entries until the entries take at
    /// most the size cap. Done when the cache is opened; `vanban check`
    /// does it again at the end of a run.
    pub fn trim(&self) {
        let Ok(rd) = fs::read_dir(&self.dir) else { return };
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = rd
            .flatten()
            .filter(|e| is_entry_name(&e.file_name().to_string_lossy()))
            .filter_map(|e| {
                let m = e.metadata().ok().filter(fs::Metadata::is_file)?;
                Some((m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len(), e.path()))
            })
            .collect();
        let mut used: u64 = entries.iter().map(|e| e.1).sum();
        if used > self.max_size {
            entries.sort();
            for (_, len, path) in &entries {
                if used <= self.max_size {
                    break;
                }
                if fs::remove_file(path).is_ok() {
                    used -= len;
                }
            }
        }
        self.used.store(used, Ordering::Relaxed);
    }

    /// Bytes of entries, as last counted plus those written since.
    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }
}

/// Make sure the cache owns `dir`: create it with its mark, mark it when it
/// is empty, accept it when it has the mark; refuse anything else.
fn claim(dir: &Path) -> io::Result<()> {
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "not used as a cache: {why}; vanban keeps its cache only in a folder it created \
                 (give a new or empty folder with --cache-dir)"
            ),
        ))
    };
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(parent)?;
            }
            match fs::create_dir(dir) {
                Ok(()) => {}
                // Made by another run at the same time: claimed below.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return claim(dir),
                Err(e) => return Err(e),
            }
        }
        Err(e) => return Err(e),
        Ok(m) if m.file_type().is_symlink() => return refuse("it is a symbolic link"),
        Ok(m) if !m.is_dir() => return refuse("it is not a folder"),
        Ok(_) => {}
    }
    let tag = dir.join(TAG_NAME);
    if is_our_tag(&tag) {
        return Ok(());
    }
    if fs::read_dir(dir)?.next().is_some() {
        return refuse(&format!("it holds files and has no {TAG_NAME} of vanban's"));
    }
    // Empty: the mark first, so no other run takes the folder for a
    // stranger's once it holds something.
    safety::write_atomic(&tag, |w| w.write_all(TAG.as_bytes()))?;
    safety::write_atomic(&dir.join(".gitignore"), |w| w.write_all(b"*\n"))?;
    Ok(())
}

/// Is `tag` a cache directory tag that vanban wrote (a regular file)?
fn is_our_tag(tag: &Path) -> bool {
    let Ok(m) = fs::symlink_metadata(tag) else { return false };
    if !m.is_file() || m.len() > 4096 {
        return false;
    }
    fs::read_to_string(tag).is_ok_and(|t| t.starts_with(TAG_SIGNATURE) && t.contains("created by vanban"))
}

/// `v<version>-<16 hex digits>`: a folder of one parser version's entries.
fn is_namespace_name(n: &str) -> bool {
    let Some(rest) = n.strip_prefix('v') else { return false };
    let Some((version, fp)) = rest.rsplit_once('-') else {
        return false;
    };
    !version.is_empty()
        && version.chars().all(|c| c.is_ascii_alphanumeric() || ".+-".contains(c))
        && fp.len() == 16
        && fp.chars().all(|c| c.is_ascii_hexdigit())
}

/// `<64 hex digits>.entry`.
fn is_entry_name(n: &str) -> bool {
    n.strip_suffix(ENTRY_EXT)
        .and_then(|h| h.strip_suffix('.'))
        .is_some_and(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `.tmp-<pid>-<n>`: the pid, for a temporary file of an entry.
fn temporary_pid(n: &str) -> Option<u32> {
    let (pid, seq) = n.strip_prefix(TEMP_PREFIX)?.split_once('-')?;
    seq.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// A temporary file whose writer is gone: its process is not running (where
/// `/proc` tells), or it is older than an hour (an entry takes milliseconds).
fn is_stale_temporary(p: &Path) -> bool {
    let Some(pid) = p.file_name().and_then(|n| temporary_pid(&n.to_string_lossy())) else {
        return false;
    };
    let proc_known = Path::new("/proc/self").exists();
    if proc_known && pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
        return true;
    }
    fs::symlink_metadata(p)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().unwrap_or_default() > Duration::from_secs(3600))
}

/// Remove, in `dir`, the stale temporary files and (when `all`) every
/// entry and temporary file: only names of the cache's own forms, and never
/// what a link points to.
fn remove_owned(dir: &Path, all: bool) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        let p = e.path();
        let ours = if is_entry_name(&n) {
            all
        } else {
            temporary_pid(&n).is_some() && (all || is_stale_temporary(&p))
        };
        if ours && e.file_type().is_ok_and(|t| !t.is_dir()) {
            let _ = fs::remove_file(&p);
        }
    }
}

/// The key of the entries' keyed hash: `VANBAN_CACHE_KEY`, else the user's
/// key file (made at the first run), else a key for this process only.
fn user_key() -> [u8; 32] {
    if let Some(k) = std::env::var_os("VANBAN_CACHE_KEY").filter(|k| !k.is_empty()) {
        return blake3::derive_key("vanban cache key 1", k.as_encoded_bytes());
    }
    let file = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let home = std::env::var_os(if cfg!(windows) { "LOCALAPPDATA" } else { "HOME" })?;
            let home = PathBuf::from(home);
            Some(if cfg!(windows) { home } else { home.join(".cache") })
        })
        .map(|d| d.join("vanban").join("cache-key"));
    file.and_then(|f| key_file(&f)).unwrap_or_else(random_key)
}

/// Read the key kept in `file`, or make one there (readable by the user
/// only), whole or not at all: written to a new file, then linked to its
/// name (a key another run made meanwhile is kept and read). `None` when
/// neither can be done.
fn key_file(file: &Path) -> Option<[u8; 32]> {
    let read = |f: &Path| -> Option<[u8; 32]> {
        let text = safety::read_limited(f, 256).ok()?;
        let hash = blake3::Hash::from_hex(std::str::from_utf8(&text).ok()?.trim()).ok()?;
        Some(*hash.as_bytes())
    };
    if let Some(k) = read(file) {
        return Some(k);
    }
    fs::create_dir_all(file.parent()?).ok()?;
    let key = random_key();
    let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let made = (|| {
        let mut f = options.open(&tmp)?;
        f.write_all(blake3::Hash::from(key).to_hex().as_bytes())?;
        f.sync_all()?;
        match fs::hard_link(&tmp, file) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && read(file).is_some() => Err(e),
            // No key there (or a broken one): this one takes its place.
            Err(_) => fs::rename(&tmp, file),
            Ok(()) => Ok(()),
        }
    })();
    let _ = fs::remove_file(&tmp);
    match made {
        Ok(()) => Some(key),
        Err(_) => read(file),
    }
}

/// 32 random bytes: from the system's source of randomness (`/dev/urandom`,
/// and the random keys of the standard library's hash maps), mixed.
fn random_key() -> [u8; 32] {
    use std::hash::{BuildHasher, Hasher};
    let mut h = blake3::Hasher::new_derive_key("vanban cache random key 1");
    let mut urandom = [0u8; 32];
    if let Ok(mut f) = fs::File::open("/dev/urandom") {
        if io::Read::read_exact(&mut f, &mut urandom).is_ok() {
            h.update(&urandom);
        }
    }
    for i in 0..4u64 {
        let mut s = std::collections::hash_map::RandomState::new().build_hasher();
        s.write_u64(i);
        h.update(&s.finish().to_le_bytes());
    }
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    h.update(&now.as_nanos().to_le_bytes());
    h.update(&std::process::id().to_le_bytes());
    *h.finalize().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("vanban-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn keyed(dir: &Path) -> Cache {
        open(dir, 7, CacheOptions::default().max_size)
    }

    fn open(dir: &Path, key: u8, max_size: u64) -> Cache {
        let o = CacheOptions {
            key: Some([key; 32]),
            max_size,
        };
        Cache::open_with(dir, &o).unwrap()
    }

    const TEXT: &str = "TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\nThực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n";

    #[test]
    fn ok_cache_round_trip() {
        let dir = temp("round-trip");
        let cache = keyed(&dir);
        let d = crate::parse(TEXT);
        assert!(cache.get(TEXT.as_bytes()).is_none());
        cache.put(TEXT.as_bytes(), &d);
        assert_eq!(cache.get(TEXT.as_bytes()), Some(d.clone()));
        assert!(cache.get(b"other").is_none());
        // Another key: the entry does not verify.
        assert!(open(&dir, 8, 1 << 20).get(TEXT.as_bytes()).is_none());
        // An entry moved to another name does not verify either.
        let other = "other text";
        fs::copy(cache.entry(TEXT.as_bytes()), cache.entry(other.as_bytes())).unwrap();
        assert!(cache.get(other.as_bytes()).is_none());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ok_tampered_entry_not_used() {
        let dir = temp("tampered");
        let cache = keyed(&dir);
        let mut d = crate::parse(TEXT);
        // 308-CV/TU, and the letter's own number (marked `self`).
        assert_eq!(d.citations.iter().filter(|c| !c.is_self).count(), 1);
        cache.put(TEXT.as_bytes(), &d);
        let path = cache.entry(TEXT.as_bytes());
        let text = fs::read_to_string(&path).unwrap();
        d.citations.clear();
        let (head, _) = text.split_once('\n').unwrap();
        fs::write(&path, format!("{head}\n{}", serde_json::to_string(&d).unwrap())).unwrap();
        assert!(cache.get(TEXT.as_bytes()).is_none());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn ok_names() {
        assert!(is_namespace_name("v0.1.0-0123456789abcdef"));
        assert!(!is_namespace_name("vendor"));
        assert!(!is_namespace_name("v0.1.0-0123abcd"));
        assert!(is_entry_name(&format!("{}.entry", "a".repeat(64))));
        assert!(!is_entry_name("notes.entry"));
        assert_eq!(temporary_pid(".tmp-42-7"), Some(42));
        assert_eq!(temporary_pid(".tmp-x-7"), None);
    }

    #[test]
    fn ok_eviction_keeps_the_cap() {
        let dir = temp("evict");
        let cache = keyed(&dir);
        for i in 0..20 {
            let text = format!("{TEXT}{i}");
            cache.put(text.as_bytes(), &crate::parse(&text));
        }
        let one = cache.used() / 20;
        let small = open(&dir, 7, one * 5);
        assert!(small.used() <= one * 5, "{} > {}", small.used(), one * 5);
        let left = fs::read_dir(small.entries_dir()).unwrap().count();
        assert!((4..=5).contains(&left), "{left}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
