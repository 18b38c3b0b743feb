//! `.doc` (Word 97–2003): the OLE2 container through `cfb`, the text from
//! the piece table ([MS-DOC] 2.4.1: the `Clx` in the table stream, each
//! piece UTF-16 or Windows-1252 text in the `WordDocument` stream).
//!
//! Paragraph marks, line breaks and table cell marks end lines (a table is
//! read cell by cell, as in a `.docx`); a field keeps its result and drops
//! its instructions; footnote references become `[n]` and the notes, read
//! from the footnote story after the main text, follow the body as
//! `[n] text`. An encrypted file, or a Word 6/95 file (no piece table), is an
//! error naming a converter.

use std::io::Read;

use crate::error::Error;
use crate::model::Severity;
use crate::ParseOptions;

use super::out::Out;
use super::{unreadable, Extracted, Format};

const CONVERT: &str = "convert it first, e.g. `libreoffice --headless --convert-to docx FILE`";

/// Read a `.doc`.
pub(super) fn read_doc(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    let mut file = cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|e| {
        unreadable(
            Format::Doc,
            format!(
                "expected an OLE2 (Word 97-2003) file, found a broken one ({})",
                e.to_string().to_lowercase()
            ),
        )
    })?;
    if file.exists("/EncryptedPackage") {
        return Err(unreadable(
            Format::Doc,
            "it is an encrypted Office file: expected an unencrypted document (open it in Word and save it without a password)",
        ));
    }
    let word = stream(&mut file, "/WordDocument", options.max_size)?.ok_or_else(|| {
        unreadable(
            Format::Doc,
            format!("an OLE2 file that is not a Word document: expected a WordDocument stream, found none ({CONVERT})"),
        )
    })?;
    let fib = Fib::read(&word)?;
    if fib.encrypted {
        return Err(unreadable(
            Format::Doc,
            format!("it is encrypted with a password: expected an unencrypted document ({CONVERT} after removing the password)"),
        ));
    }
    let table_name = if fib.table1 { "/1Table" } else { "/0Table" };
    let table = stream(&mut file, table_name, options.max_size)?.ok_or_else(|| {
        unreadable(
            Format::Doc,
            format!("expected a {} stream, found none ({CONVERT})", &table_name[1..]),
        )
    })?;
    let pieces = piece_table(&table, &fib)?;
    let chars = text_of(&word, &pieces, options.max_size)?;
    let main_end = (fib.ccp_text as usize).min(chars.len());
    let ftn_end = (main_end + fib.ccp_ftn as usize).min(chars.len());
    let mut out = Out::new(Format::Doc, options.max_size);
    let refs = story(&chars[..main_end], &mut out, true)?;
    // The footnote story: one note per 0x02 mark, in reference order.
    let notes = split_notes(&chars[main_end..ftn_end]);
    let mut n_notes = 0;
    if refs > 0 && !notes.is_empty() {
        out.paragraph_break();
        for (k, note) in notes.iter().take(refs).enumerate() {
            out.push(&format!("[{}] ", k + 1))?;
            let mut one = Out::new(Format::Doc, options.max_size);
            story(note, &mut one, false)?;
            out.push(&one.finish().split_whitespace().collect::<Vec<_>>().join(" "))?;
            out.line_break();
            n_notes += 1;
        }
    }
    let mut read = Extracted::made(out.finish(), Format::Doc);
    read.note(
        "read",
        Severity::Info,
        format!(
            "read as doc (Word 97-2003): the piece table's text, tables cell by cell{} (spans refer to the extracted text, `vanban text` prints it)",
            if n_notes > 0 { format!(", {n_notes} footnotes after the body") } else { String::new() }
        ),
        None,
    );
    Ok(read)
}

fn stream<F: Read + std::io::Seek>(
    file: &mut cfb::CompoundFile<F>,
    name: &str,
    limit: usize,
) -> Result<Option<Vec<u8>>, Error> {
    if !file.is_stream(name) {
        return Ok(None);
    }
    let s = file.open_stream(name).map_err(|e| {
        unreadable(
            Format::Doc,
            format!(
                "cannot open the {} stream: {}",
                &name[1..],
                e.to_string().to_lowercase()
            ),
        )
    })?;
    let mut buf = Vec::new();
    s.take(limit as u64 + 1).read_to_end(&mut buf).map_err(|e| {
        unreadable(
            Format::Doc,
            format!(
                "cannot read the {} stream: {}",
                &name[1..],
                e.to_string().to_lowercase()
            ),
        )
    })?;
    if buf.len() > limit {
        return Err(unreadable(
            Format::Doc,
            format!(
                "its {} stream is larger than the size limit of {limit} bytes (raise it with --max-size)",
                &name[1..]
            ),
        ));
    }
    Ok(Some(buf))
}

/// The fields of the File Information Block that the text needs.
struct Fib {
    encrypted: bool,
    table1: bool,
    ccp_text: u32,
    ccp_ftn: u32,
    fc_clx: u32,
    lcb_clx: u32,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Fib {
    fn read(w: &[u8]) -> Result<Fib, Error> {
        let short = || {
            unreadable(
                Format::Doc,
                format!("expected a Word file information block, found a short or broken one ({CONVERT})"),
            )
        };
        if u16_at(w, 0) != Some(0xA5EC) {
            return Err(unreadable(
                Format::Doc,
                format!(
                    "expected a Word 97-2003 document (signature 0xA5EC), found another kind of OLE2 file ({CONVERT})"
                ),
            ));
        }
        let n_fib = u16_at(w, 2).ok_or_else(short)?;
        if n_fib < 0x00C1 {
            return Err(unreadable(
                Format::Doc,
                format!("it is a Word 6/95 file (version 0x{n_fib:04x}): expected Word 97 or later ({CONVERT})"),
            ));
        }
        let flags = u16_at(w, 0x0A).ok_or_else(short)?;
        // FibBase (32 bytes), then csw and fibRgW, cslw and fibRgLw, cbRgFcLcb.
        let csw = u16_at(w, 32).ok_or_else(short)? as usize;
        let rg_lw = 32 + 2 + csw * 2 + 2;
        let cslw = u16_at(w, rg_lw - 2).ok_or_else(short)? as usize;
        let rg_fclcb = rg_lw + cslw * 4 + 2;
        Ok(Fib {
            encrypted: flags & 0x0100 != 0,
            table1: flags & 0x0200 != 0,
            ccp_text: u32_at(w, rg_lw + 3 * 4).ok_or_else(short)?,
            ccp_ftn: u32_at(w, rg_lw + 4 * 4).ok_or_else(short)?,
            fc_clx: u32_at(w, rg_fclcb + 33 * 8).ok_or_else(short)?,
            lcb_clx: u32_at(w, rg_fclcb + 33 * 8 + 4).ok_or_else(short)?,
        })
    }
}

/// A piece: characters `cp..cp_end` stored at byte `fc`, one byte each
/// (Windows-1252) or two (UTF-16).
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

fn piece_table(table: &[u8], fib: &Fib) -> Result<Vec<Piece>, Error> {
    let broken = |what: &str| unreadable(Format::Doc, format!("expected a piece table, found {what} ({CONVERT})"));
    let start = fib.fc_clx as usize;
    let clx = table
        .get(start..start + fib.lcb_clx as usize)
        .ok_or_else(|| broken("one that points outside the table stream"))?;
    let mut i = 0;
    // Prc entries (formatting) come first.
    while clx.get(i) == Some(&0x01) {
        let cb = u16_at(clx, i + 1).ok_or_else(|| broken("a cut one"))? as usize;
        i += 3 + cb;
    }
    if clx.get(i) != Some(&0x02) {
        return Err(broken("none"));
    }
    let lcb = u32_at(clx, i + 1).ok_or_else(|| broken("a cut one"))? as usize;
    let plc = clx.get(i + 5..i + 5 + lcb).ok_or_else(|| broken("a cut one"))?;
    if plc.len() < 4 {
        return Err(broken("an empty one"));
    }
    let n = (plc.len() - 4) / 12;
    let mut pieces = Vec::with_capacity(n);
    for k in 0..n {
        let cp = u32_at(plc, k * 4).ok_or_else(|| broken("a cut one"))?;
        let cp_end = u32_at(plc, (k + 1) * 4).ok_or_else(|| broken("a cut one"))?;
        let pcd = (n + 1) * 4 + k * 8;
        let fc_raw = u32_at(plc, pcd + 2).ok_or_else(|| broken("a cut one"))?;
        let compressed = fc_raw & 0x4000_0000 != 0;
        let fc = fc_raw & 0x3FFF_FFFF;
        pieces.push(Piece {
            cp,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(pieces)
}

/// The document's characters, piece by piece.
fn text_of(word: &[u8], pieces: &[Piece], limit: usize) -> Result<Vec<char>, Error> {
    let mut chars = Vec::new();
    for p in pieces {
        let n = p.cp_end.saturating_sub(p.cp) as usize;
        if chars.len() + n > limit {
            return Err(unreadable(
                Format::Doc,
                format!("its text is larger than the size limit of {limit} bytes (raise it with --max-size)"),
            ));
        }
        let fc = p.fc as usize;
        if p.compressed {
            let bytes = word
                .get(fc..fc + n)
                .unwrap_or_else(|| word.get(fc.min(word.len())..).unwrap_or(&[]));
            chars.extend(bytes.iter().map(|&b| super::legacy::cp1252(b)));
        } else {
            let bytes = word
                .get(fc..fc + 2 * n)
                .unwrap_or_else(|| word.get(fc.min(word.len())..).unwrap_or(&[]));
            let units = bytes.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]]));
            chars.extend(char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')));
        }
    }
    Ok(chars)
}

/// The footnote story split into notes: each starts at its 0x02 mark.
fn split_notes(chars: &[char]) -> Vec<&[char]> {
    let mut notes = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        if *c == '\u{2}' {
            if let Some(s) = start {
                notes.push(&chars[s..i]);
            }
            start = Some(i + 1);
        }
    }
    if let Some(s) = start {
        notes.push(&chars[s..]);
    }
    notes
}

/// Write a story's characters; the number of footnote references met.
fn story(chars: &[char], out: &mut Out, main: bool) -> Result<usize, Error> {
    // Fields open: for each, whether its result (after 0x14) has begun.
    let mut fields: Vec<bool> = Vec::new();
    let mut refs = 0;
    for &c in chars {
        match c {
            '\u{13}' => {
                if fields.len() < 64 {
                    fields.push(false);
                }
                continue;
            }
            '\u{14}' => {
                if let Some(r) = fields.last_mut() {
                    *r = true;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ => {}
        }
        if !fields.iter().all(|r| *r) {
            continue;
        }
        match c {
            '\r' | '\u{B}' | '\u{C}' | '\u{7}' | '\u{E}' => out.line_break(),
            '\u{2}' if main => {
                refs += 1;
                out.push(&format!("[{refs}]"))?;
            }
            '\u{1E}' => out.push_char('-'),
            '\u{1F}' => {}
            '\t' => out.push_char('\t'),
            c => out.push_char(c),
        }
        if out.len().is_multiple_of(4096) {
            out.check()?;
        }
    }
    out.check()?;
    Ok(refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_fields_cells_notes() {
        let text: Vec<char> = "CHÍNH PHỦ\u{7}CỘNG HÒA\u{7}\u{7}Căn cứ\u{2} \u{13} PAGE \u{14}3\u{15} x\u{1E}y\r"
            .chars()
            .collect();
        let mut out = Out::new(Format::Doc, 1000);
        assert_eq!(story(&text, &mut out, true).unwrap(), 1);
        assert_eq!(out.finish(), "CHÍNH PHỦ\nCỘNG HÒA\nCăn cứ[1] 3 x-y\n");
        let notes: Vec<char> = "\u{2} Một.\r\u{2} Hai.\r".chars().collect();
        assert_eq!(split_notes(&notes).len(), 2);
    }

    #[test]
    fn not_ole2_is_an_error() {
        let e = read_doc(b"not an ole2 file at all", &ParseOptions::default())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("cannot read this doc: expected an OLE2 (Word 97-2003) file, found a broken one"),
            "{e}"
        );
    }
}
