//! Plain text: UTF-8 as it is, UTF-16 with or without a byte-order mark,
//! a stray NUL read as a space, the legacy Vietnamese encodings detected or
//! forced, invalid UTF-8 refused (or, with `lossy`, repaired).

use crate::error::{Error, ErrorKind};
use crate::model::{Severity, Span};
use crate::ParseOptions;

use super::{Extracted, Format, TextEncoding};

/// More NUL bytes than one in this many make a file binary, not text with a
/// stray NUL (a form's checkbox glyph in a PDF's text layer).
const NUL_RATIO: usize = 1000;

/// Read plain text (see the module doc).
pub(super) fn read_text<'a>(bytes: &'a [u8], options: &ParseOptions) -> Result<Extracted<'a>, Error> {
    if let Some(enc) = options.encoding {
        return forced(bytes, enc, options);
    }
    if let Some((enc, bom)) = utf16(bytes) {
        let text = decode_utf16(&bytes[bom..], enc);
        let how = if bom > 0 {
            "its byte-order mark"
        } else {
            "its NUL bytes every other byte"
        };
        return Ok(decoded(text, enc, format!("decoded as {enc}, told by {how}")));
    }
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls > 0 && nuls * NUL_RATIO > bytes.len().max(1) {
        return Err(ErrorKind::Binary {
            offset: memchr::memchr(0, bytes).unwrap_or(0),
            what: "a NUL byte",
        }
        .into());
    }
    match from_utf8(bytes) {
        Ok(s) if nuls == 0 => Ok(utf8(s)),
        Ok(s) => {
            let first = memchr::memchr(0, bytes).unwrap_or(0);
            let mut read = Extracted::made(s.replace('\0', " "), Format::Text);
            read.encoding = Some(TextEncoding::Utf8);
            read.note(
                "nul-byte",
                Severity::Warning,
                format!(
                    "stray nul byte: expected text, found {nuls} NUL byte{} (the first at byte {first}), read as spaces",
                    if nuls == 1 { "" } else { "s" }
                ),
                Some(Span::new(first, first + 1)),
            );
            Ok(read)
        }
        Err(e) => not_utf8(bytes, e, options),
    }
}

/// [`std::str::from_utf8`], validated first with SIMD instructions (the
/// standard library's check reads Vietnamese text a character at a time:
/// about a sixth of a corpus parse); on invalid bytes the standard check
/// runs again for its error, which says where.
fn from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// UTF-8 text: borrowed as it is. (TCVN3 runs inside it are left alone:
/// a UTF-8 text file reads exactly as before the read stage existed; HTML
/// has them repaired.)
fn utf8(s: &str) -> Extracted<'_> {
    Extracted::borrowed(s)
}

/// The message of a `repaired-encoding` diagnostic.
pub(crate) fn repaired_message(runs: usize) -> String {
    format!(
        "tcvn3 text inside unicode text: expected unicode throughout, found {runs} run{} of TCVN3 (ABC, .VnTime) \
         bytes shown as Latin-1 (`ngµy`, `®éng`); decoded run by run (spans are offsets into the original bytes)",
        if runs == 1 { "" } else { "s" }
    )
}

/// Invalid UTF-8: a legacy encoding when the bytes read as Vietnamese in
/// one, else an error (or, with `lossy`, UTF-8 with replacement characters).
fn not_utf8<'a>(bytes: &'a [u8], e: std::str::Utf8Error, options: &ParseOptions) -> Result<Extracted<'a>, Error> {
    #[cfg(feature = "legacy")]
    if mostly_single_byte(bytes) {
        if let Some((enc, text)) = super::legacy::detect(bytes) {
            return Ok(decoded(
                text,
                enc,
                format!(
                    "decoded as {enc}: not utf-8 (byte 0x{:02x} at {}), and its words read as Vietnamese in {enc}",
                    bytes[e.valid_up_to()],
                    e.valid_up_to()
                ),
            ));
        }
    }
    let offset = e.valid_up_to();
    if options.lossy {
        return Ok(lossy(bytes, offset));
    }
    Err(ErrorKind::InvalidUtf8 {
        offset,
        byte: bytes[offset],
    }
    .into())
}

/// UTF-8 with replacement characters for the bad bytes (`--lossy`).
fn lossy(bytes: &[u8], offset: usize) -> Extracted<'static> {
    let mut read = Extracted::made(String::from_utf8_lossy(bytes).into_owned(), Format::Text);
    read.encoding = Some(TextEncoding::Utf8);
    read.repaired_utf8 = true;
    read.note(
        "invalid-utf8",
        Severity::Warning,
        format!(
            "invalid utf-8 at byte {offset}: expected text, replaced bad bytes with U+FFFD (spans are offsets into the original bytes)"
        ),
        None,
    );
    read
}

/// Are the bytes above 0x7F mostly not parts of UTF-8 sequences? (A UTF-8
/// file with a few bad bytes is damaged UTF-8, not a legacy encoding.)
#[cfg(feature = "legacy")]
fn mostly_single_byte(bytes: &[u8]) -> bool {
    let mut valid_high = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_high += s.bytes().filter(|b| *b >= 0x80).count();
                break;
            }
            Err(e) => {
                let ok = &rest[..e.valid_up_to()];
                valid_high += ok.iter().filter(|b| **b >= 0x80).count();
                let bad = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                invalid += bad;
                rest = &rest[e.valid_up_to() + bad..];
            }
        }
    }
    invalid > valid_high
}

/// Text decoded from another encoding, said in a `read` diagnostic.
fn decoded(text: String, enc: TextEncoding, how: String) -> Extracted<'static> {
    let mut read = Extracted::made(text, Format::Text);
    read.encoding = Some(enc);
    read.note(
        "read",
        Severity::Info,
        format!("{how} (spans refer to the decoded text)"),
        None,
    );
    read
}

/// An encoding given by the caller (`--encoding`).
fn forced<'a>(bytes: &'a [u8], enc: TextEncoding, options: &ParseOptions) -> Result<Extracted<'a>, Error> {
    match enc {
        TextEncoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) if !s.contains('\0') => Ok(Extracted::borrowed(s)),
            Ok(_) => read_text(
                bytes,
                &ParseOptions {
                    encoding: None,
                    ..options.clone()
                },
            ),
            Err(e) => not_utf8_forced(bytes, e, options),
        },
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let bom = match (enc, bytes) {
                (TextEncoding::Utf16Le, [0xFF, 0xFE, ..]) | (TextEncoding::Utf16Be, [0xFE, 0xFF, ..]) => 2,
                _ => 0,
            };
            Ok(decoded(
                decode_utf16(&bytes[bom..], enc),
                enc,
                format!("decoded as {enc}, as told"),
            ))
        }
        _ => legacy_forced(bytes, enc),
    }
}

fn not_utf8_forced<'a>(
    bytes: &'a [u8],
    e: std::str::Utf8Error,
    options: &ParseOptions,
) -> Result<Extracted<'a>, Error> {
    if options.lossy {
        return Ok(lossy(bytes, e.valid_up_to()));
    }
    Err(ErrorKind::InvalidUtf8 {
        offset: e.valid_up_to(),
        byte: bytes[e.valid_up_to()],
    }
    .into())
}

#[cfg(feature = "legacy")]
fn legacy_forced(bytes: &[u8], enc: TextEncoding) -> Result<Extracted<'static>, Error> {
    Ok(decoded(
        super::legacy::decode(bytes, enc),
        enc,
        format!("decoded as {enc}, as told"),
    ))
}

#[cfg(not(feature = "legacy"))]
fn legacy_forced(_: &[u8], enc: TextEncoding) -> Result<Extracted<'static>, Error> {
    Err(ErrorKind::Unsupported {
        found: format!("text in {enc}"),
        hint: "this build of vanban decodes no legacy encoding (built without the `legacy` feature)".to_string(),
    }
    .into())
}

/// UTF-16, and the length of its byte-order mark: by the mark, or without
/// one by NUL bytes at every other position (ASCII letters, digits and
/// spaces have a zero high byte) and almost none at the others.
fn utf16(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some((TextEncoding::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => return Some((TextEncoding::Utf16Be, 2)),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zeros_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let enc = if zeros_odd * 10 >= pairs * 3 && zeros_even * 50 <= pairs {
        TextEncoding::Utf16Le
    } else if zeros_even * 10 >= pairs * 3 && zeros_odd * 50 <= pairs {
        TextEncoding::Utf16Be
    } else {
        return None;
    };
    // Confirm: no lone surrogate in the head.
    let units = units(head, enc);
    char::decode_utf16(units).all(|r| r.is_ok()).then_some((enc, 0))
}

fn units(bytes: &[u8], enc: TextEncoding) -> impl Iterator<Item = u16> + '_ {
    bytes.chunks_exact(2).map(move |p| match enc {
        TextEncoding::Utf16Be => u16::from_be_bytes([p[0], p[1]]),
        _ => u16::from_le_bytes([p[0], p[1]]),
    })
}

/// Decode UTF-16 (lone surrogates and an odd last byte become U+FFFD).
pub(crate) fn decode_utf16(bytes: &[u8], enc: TextEncoding) -> String {
    let mut s: String = char::decode_utf16(units(bytes, enc))
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    if bytes.len() % 2 == 1 {
        s.push('\u{FFFD}');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn read(bytes: &[u8]) -> Result<Extracted<'_>, Error> {
        read_text(bytes, &ParseOptions::default())
    }

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    const TEXT: &str = "ỦY BAN NHÂN DÂN\nSố: 15/2010/QĐ-UBND\nHà Nội, ngày 26 tháng 4 năm 2010\n";

    #[test]
    fn utf8_is_borrowed() {
        let r = read(TEXT.as_bytes()).unwrap();
        assert!(matches!(r.text, Cow::Borrowed(_)));
        assert!(r.source().is_none());
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(utf16le(TEXT));
        let mut be = vec![0xFE, 0xFF];
        be.extend(utf16be(TEXT));
        for (bytes, enc) in [
            (le, TextEncoding::Utf16Le),
            (be, TextEncoding::Utf16Be),
            (utf16le(TEXT), TextEncoding::Utf16Le),
            (utf16be(TEXT), TextEncoding::Utf16Be),
        ] {
            let r = read(&bytes).unwrap();
            assert_eq!(r.text, TEXT);
            assert_eq!(r.encoding, Some(enc));
            assert_eq!(r.diagnostics[0].code, "read");
            assert!(r.diagnostics[0].message.starts_with(&format!("decoded as {enc}")));
            assert_eq!(r.source().unwrap().spans_into, "extracted-text");
        }
    }

    #[test]
    fn stray_nul_is_a_space_many_are_binary() {
        let mut long = TEXT.repeat(20).into_bytes();
        long[5] = 0;
        let r = read(&long).unwrap();
        assert_eq!(r.text.len(), long.len());
        assert_eq!(&r.text[5..6], " ");
        assert_eq!(r.diagnostics[0].code, "nul-byte");
        let e = read(b"abc\0def\n").unwrap_err();
        assert_eq!(e.to_string(), "binary data at byte 3: expected text, found a NUL byte");
    }

    #[test]
    fn damaged_utf8_stays_an_error() {
        let e = read(b"S\xe1\xbb\x91 12/UBND\n\xff\xfe bad").unwrap_err();
        assert!(e.to_string().starts_with("invalid utf-8 at byte 13"), "{e}");
        let lossy = ParseOptions {
            lossy: true,
            ..Default::default()
        };
        let r = read_text(b"S\xe1\xbb\x91 12\xff", &lossy).unwrap();
        assert_eq!(r.diagnostics[0].code, "invalid-utf8");
    }

    #[cfg(feature = "legacy")]
    #[test]
    fn legacy_is_detected_and_forced() {
        let bytes = super::super::legacy::tests::encode(TEXT, TextEncoding::Vni);
        let r = read(&bytes).unwrap();
        assert_eq!(r.encoding, Some(TextEncoding::Vni));
        assert_eq!(r.text, TEXT);
        assert!(
            r.diagnostics[0].message.starts_with("decoded as vni: not utf-8"),
            "{}",
            r.diagnostics[0].message
        );
        let forced = ParseOptions {
            encoding: Some(TextEncoding::Windows1252),
            ..Default::default()
        };
        let r = read_text(&bytes, &forced).unwrap();
        assert_eq!(r.encoding, Some(TextEncoding::Windows1252));
        assert_ne!(r.text, TEXT);
    }
}
