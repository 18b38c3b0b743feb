//! What the library and the command line do to stay safe with files and
//! text they do not control: writes that are atomic and never go through a
//! symbolic link, reads of small files that refuse devices and pipes and
//! stop at a limit, control characters escaped before they reach a terminal
//! or an XML file. Shared by the library and the `vanban` binary; not part
//! of the stable API.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What kind of thing a path is, when it is not a regular file or a folder
/// (`a FIFO`, `a character device`...); `None` for a regular file, a folder
/// or a symbolic link (which [`fs::metadata`] has already followed).
pub fn special_kind(meta: &fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() || t.is_dir() || t.is_symlink() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The error for a path that is a FIFO, a device or a socket.
pub fn special_file_error(kind: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{kind}: expected a regular file (pipe it to stdin with `-` instead)"),
    )
}

/// Read a small file whole (a configuration, a baseline): a regular file
/// (symbolic links followed) of at most `limit` bytes. A FIFO, a device or
/// a socket is refused before it is opened (reading one could wait forever
/// or never end), and no more than `limit + 1` bytes are read whatever the
/// file claims. The errors say what was expected and what was found, without
/// the path (the caller names it).
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a directory: expected a file",
        ));
    }
    if let Some(kind) = special_kind(&meta) {
        return Err(special_file_error(kind));
    }
    let too_large = |size: String| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("too large: expected at most {limit} bytes, found {size} bytes"),
        )
    };
    if meta.len() > limit {
        return Err(too_large(meta.len().to_string()));
    }
    let mut buf = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Err(too_large(format!("more than {limit}")));
    }
    Ok(buf)
}

/// Write `path` atomically: the bytes go to a new temporary file in the same
/// folder (created exclusively, so never through a planted link), which is
/// flushed to disk and then renamed over `path`. A reader sees the old file
/// or the new one, never half of one; a failure (a full disk, a kill) leaves
/// the old file as it was and removes the temporary file (a kill leaves it
/// behind, named `.NAME.vanban-tmp-PID-N`).
///
/// `path` itself must not be a symbolic link: writing through one would
/// change a file elsewhere, so it is refused (the link is left alone).
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a symbolic link: not written through (remove the link, or give the path of its target)",
        ));
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "expected a file name, found none"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (tmp, file) = create_temporary(dir, &name.to_string_lossy())?;
    let written = (|| {
        let mut w = io::BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// What follows `.NAME` in the temporary files [`write_atomic`] makes.
const TEMPORARY_MARK: &str = ".vanban-tmp-";

/// A new file `DIR/.NAME.vanban-tmp-PID-N`, created exclusively.
fn create_temporary(dir: &Path, name: &str) -> io::Result<(std::path::PathBuf, fs::File)> {
    static SEQ: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = SEQ.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}{TEMPORARY_MARK}{}-{n}", std::process::id()));
        match fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1_000_000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Is `c` shown raw on a terminal at its peril: a C0 control character but
/// tab and line feed, DEL, a C1 control character, or a bidirectional
/// override or isolate (which reorders what the reader sees)? The
/// definition [`escape_at`] reads a byte at a time, which the tests hold it
/// to.
#[cfg(test)]
fn is_unsafe_on_terminal(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Does the character starting at byte `i` of `b` need an escape? Read a
/// byte at a time, without decoding: those characters are the ASCII
/// controls and DEL, the C1 controls (`C2 80`..`C2 9F`) and the
/// bidirectional overrides and isolates (`E2 80 AA`..`E2 80 AE`,
/// `E2 81 A6`..`E2 81 A9`).
#[inline]
fn escape_at(b: &[u8], i: usize, keep_newlines: bool) -> bool {
    match b[i] {
        b'\t' => false,
        b'\n' => !keep_newlines,
        0..=0x1F | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// `text` with what a terminal would act on escaped, as ripgrep and git do:
/// control characters (but tab), DEL, C1 controls and bidirectional
/// overrides become `\x1b`, `\u{9b}`, `\u{202e}`; a line feed becomes `\n`
/// when `keep_newlines` is false. Borrowed when there is nothing to escape.
pub fn escape_control(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let b = text.as_bytes();
    let Some(first) = (0..b.len()).find(|&i| escape_at(b, i, keep_newlines)) else {
        return Cow::Borrowed(text);
    };
    // The runs between escapes are copied whole; the text is read once.
    let mut out = String::with_capacity(text.len() + 8);
    let (mut run, mut i) = (0, first);
    while i < b.len() {
        if !escape_at(b, i, keep_newlines) {
            i += 1;
            continue;
        }
        // (`i` starts a character: an ASCII byte or a lead byte.)
        out.push_str(&text[run..i]);
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// A path for a terminal or a log: control characters escaped as by
/// [`escape_control`] (line feeds too), and on Unix each byte of a name that
/// is not UTF-8 shown as `\xff`, so the name can still be told and typed.
pub fn display_path(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&escape_control(chunk.valid(), false));
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        escape_control(&path.to_string_lossy(), false).into_owned()
    }
}

/// The bytes of a path whose name is not UTF-8 (on Unix), for output that
/// must name the file exactly; `None` for a UTF-8 name, which its text
/// says exactly.
pub fn path_bytes(path: &Path) -> Option<&[u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let b = path.as_os_str().as_bytes();
        std::str::from_utf8(b).is_err().then_some(b)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// `text` as XML 1.0 allows it: the characters it forbids (C0 controls but
/// tab, line feed and carriage return; U+FFFE and U+FFFF) become the visible
/// escapes of [`escape_control`] (`\x01`). Borrowed when there are none.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let forbidden =
        |c: char| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if !text.chars().any(forbidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !forbidden(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_borrowed_exactly_when_nothing_to_escape() {
        let by_chars = |t: &str, keep: bool| t.chars().any(|c| is_unsafe_on_terminal(c) || (c == '\n' && !keep));
        // Every character up to U+2FFF, alone and between letters, and the
        // neighbours of each escaped range.
        for u in (0..0x3000).filter_map(char::from_u32) {
            for t in [u.to_string(), format!("Công{u}văn")] {
                for keep in [true, false] {
                    assert_eq!(
                        matches!(escape_control(&t, keep), Cow::Owned(_)),
                        by_chars(&t, keep),
                        "U+{:04X}",
                        u as u32
                    );
                }
            }
        }
        for t in ["", "plain", "a\tb", "“quoted” – dash …", "\u{a0}nbsp\u{2069}"] {
            for keep in [true, false] {
                assert_eq!(
                    matches!(escape_control(t, keep), Cow::Owned(_)),
                    by_chars(t, keep),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn ok_escape_control_equals_a_character_at_a_time() {
        let by_chars = |text: &str, keep: bool| {
            let mut out = String::new();
            for c in text.chars() {
                match c {
                    '\n' if !keep => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c if is_unsafe_on_terminal(c) && (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
                    c if is_unsafe_on_terminal(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                    c => out.push(c),
                }
            }
            out
        };
        let all: String = (0..0x3000).filter_map(char::from_u32).collect();
        for t in [
            all.as_str(),
            "Công văn\r\nsố 1\u{1b}[2J\u{85}x\u{202e}y\u{2069}",
            "\n",
            "a\u{7f}",
        ] {
            for keep in [true, false] {
                assert_eq!(escape_control(t, keep), by_chars(t, keep), "{t:?}");
            }
        }
    }

    #[test]
    fn ok_escape_control() {
        assert_eq!(escape_control("Công văn\tsố 1", true), "Công văn\tsố 1");
        assert!(matches!(escape_control("plain", false), Cow::Borrowed(_)));
        assert_eq!(escape_control("a\x1b[2Jb", true), "a\\x1b[2Jb");
        assert_eq!(escape_control("\x1b]52;c;aGk=\x07", true), "\\x1b]52;c;aGk=\\x07");
        assert_eq!(
            escape_control("a\u{9b}b\u{202e}c\r\n", true),
            "a\\u{9b}b\\u{202e}c\\r\n"
        );
        assert_eq!(escape_control("a\nb", false), "a\\nb");
        assert_eq!(escape_control("\x7f", true), "\\x7f");
    }

    #[test]
    fn ok_xml_safe() {
        assert_eq!(xml_safe("a\u{1}b\tc\n\u{ffff}"), "a\\x01b\tc\n\\u{ffff}");
        assert!(matches!(xml_safe("Số 1 & <2>"), Cow::Borrowed(_)));
    }

    #[cfg(unix)]
    #[test]
    fn ok_display_path() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"docs/bad\xffname\x1b.txt"));
        assert_eq!(display_path(p), "docs/bad\\xffname\\x1b.txt");
    }

    #[test]
    fn ok_write_atomic_and_read_limited() {
        let dir = std::env::temp_dir().join(format!("vanban-safety-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let p = dir.join("out.json");
        write_atomic(&p, |w| w.write_all(b"one")).unwrap();
        assert_eq!(read_limited(&p, 3).unwrap(), b"one");
        assert!(read_limited(&p, 2).unwrap_err().to_string().contains("too large"));
        // A failed write keeps the old file and leaves no temporary file.
        let failed = write_atomic(&p, |w| {
            w.write_all(b"two")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(&p).unwrap(), b"one");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        #[cfg(unix)]
        {
            let victim = dir.join("victim.txt");
            fs::write(&victim, "keep").unwrap();
            let link = dir.join("link.csv");
            std::os::unix::fs::symlink(&victim, &link).unwrap();
            let e = write_atomic(&link, |w| w.write_all(b"x")).unwrap_err();
            assert!(e.to_string().contains("symbolic link"), "{e}");
            assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
            let e = read_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
            assert!(e.to_string().contains("character device"), "{e}");
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
