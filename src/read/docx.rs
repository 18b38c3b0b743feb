//! `.docx` (Office Open XML): `word/document.xml` read as it streams by, its
//! footnotes from `word/footnotes.xml`.
//!
//! A paragraph is a line; a table is read cell by cell, each cell's
//! paragraphs one after another, so a two-column header table gives the
//! issuer, its `Số:` line, the motto and the date as a text file does. A
//! footnote reference becomes `[n]` in the running text and its note
//! `[n] text` after the body. A field keeps its result and drops its
//! instructions; deleted text (tracked changes) is left out; a text box's
//! alternate content is read once. Every part is inflated at most to the
//! size limit: a zip bomb is an error, not a full memory.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::Event;

use crate::error::Error;
use crate::model::Severity;
use crate::ParseOptions;

use super::out::Out;
use super::{unreadable, Extracted, Format};

/// Read a `.docx`.
pub(super) fn read_docx(bytes: &[u8], options: &ParseOptions) -> Result<Extracted<'static>, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        unreadable(
            Format::Docx,
            format!(
                "expected a zip archive, found a broken one ({})",
                e.to_string().to_lowercase()
            ),
        )
    })?;
    let Some(doc_xml) = part(&mut zip, "word/document.xml", options.max_size)? else {
        let names: Vec<String> = zip
            .file_names_raw()
            .take(5)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        return Err(unreadable(
            Format::Docx,
            format!(
                "a zip archive that is not a Word document: expected word/document.xml, found {}",
                if names.is_empty() {
                    "no files".to_string()
                } else {
                    names.join(", ")
                }
            ),
        ));
    };
    let notes = match part(&mut zip, "word/footnotes.xml", options.max_size)? {
        Some(xml) => footnotes(&xml, options.max_size)?,
        None => HashMap::new(),
    };
    let mut out = Out::new(Format::Docx, options.max_size);
    let refs = body(&doc_xml, &mut out)?;
    let mut n_notes = 0;
    if !refs.is_empty() {
        out.paragraph_break();
        for (k, id) in refs.iter().enumerate() {
            if let Some(note) = notes.get(id) {
                out.push(&format!("[{}] ", k + 1))?;
                out.push(note)?;
                out.line_break();
                n_notes += 1;
            }
        }
    }
    let mut read = Extracted::made(out.finish(), Format::Docx);
    read.note(
        "read",
        Severity::Info,
        format!(
            "read as docx: paragraphs, tables cell by cell{} (spans refer to the extracted text, `vanban text` prints it)",
            if n_notes > 0 { format!(", {n_notes} footnotes after the body") } else { String::new() }
        ),
        None,
    );
    Ok(read)
}

/// One part of the archive, inflated to at most `limit` bytes; `None` when
/// the archive has no such part.
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: usize,
) -> Result<Option<Vec<u8>>, Error> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(unreadable(
                Format::Docx,
                format!("cannot open {name} in the archive: {}", e.to_string().to_lowercase()),
            ))
        }
    };
    let mut buf = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut buf).map_err(|e| {
        unreadable(
            Format::Docx,
            format!("cannot inflate {name}: {}", e.to_string().to_lowercase()),
        )
    })?;
    if buf.len() > limit {
        return Err(unreadable(
            Format::Docx,
            format!(
                "{name} inflates past the size limit of {limit} bytes: expected a document, found a zip bomb or a huge file \
                 (raise the limit with --max-size)"
            ),
        ));
    }
    Ok(Some(buf))
}

/// What the reader is inside of, element by element.
#[derive(Default)]
struct State {
    /// Inside `w:t` (text to keep).
    in_text: bool,
    /// Inside `w:instrText`, `w:delText` or another element whose text is
    /// not the document's.
    skip_text: usize,
    /// Inside `mc:Fallback` (the alternate copy of `mc:Choice`).
    fallback: usize,
    /// Complex fields open: for each, whether its result has begun.
    fields: Vec<bool>,
}

impl State {
    /// Text here is the document's.
    fn keeps(&self) -> bool {
        self.in_text && self.skip_text == 0 && self.fallback == 0 && self.fields.iter().all(|r| *r)
    }
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn xml_error(e: quick_xml::Error, part: &str) -> Error {
    unreadable(
        Format::Docx,
        format!("{part} is not well-formed xml: {}", e.to_string().to_lowercase()),
    )
}

/// Read a story (the body, or one footnote's paragraphs) into `out`; the
/// ids of the footnotes referenced, in order.
fn body(xml: &[u8], out: &mut Out) -> Result<Vec<String>, Error> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut st = State::default();
    let mut refs = Vec::new();
    let mut buf = Vec::new();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(e, "word/document.xml"))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                element(local(e.name().as_ref()), e, empty, &mut st, out, Some(&mut refs))?;
            }
            Event::End(e) => end(local(e.name().as_ref()), &mut st, out),
            Event::Text(t) if st.keeps() => {
                let s = t.unescape().map_err(|e| xml_error(e, "word/document.xml"))?;
                out.push(&s)?;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(refs)
}

/// An element opens (or is empty).
fn element(
    name: &[u8],
    e: &quick_xml::events::BytesStart<'_>,
    empty: bool,
    st: &mut State,
    out: &mut Out,
    refs: Option<&mut Vec<String>>,
) -> Result<(), Error> {
    let visible = st.skip_text == 0 && st.fallback == 0 && st.fields.iter().all(|r| *r);
    match name {
        b"t" if !empty => st.in_text = true,
        b"instrText" | b"delText" | b"instrtext" if !empty => st.skip_text += 1,
        b"Fallback" if !empty => st.fallback += 1,
        b"tab" | b"ptab" if visible => out.push_char('\t'),
        b"br" | b"cr" if visible => out.line_break(),
        b"noBreakHyphen" if visible => out.push_char('-'),
        b"sym" if visible => {
            if let Some(c) = attr(e, b"char")
                .and_then(|h| u32::from_str_radix(&h, 16).ok())
                .and_then(char::from_u32)
            {
                // Symbol fonts put their glyphs at U+F0xx.
                let c = if (0xF020..=0xF0FF).contains(&(c as u32)) {
                    char::from_u32(c as u32 - 0xF000).unwrap_or(c)
                } else {
                    c
                };
                out.push_char(c);
            }
        }
        b"fldChar" => match attr(e, b"fldCharType").as_deref() {
            Some("begin") if st.fields.len() < 64 => st.fields.push(false),
            Some("separate") => {
                if let Some(r) = st.fields.last_mut() {
                    *r = true;
                }
            }
            Some("end") => {
                st.fields.pop();
            }
            _ => {}
        },
        b"footnoteReference" if visible => {
            if let (Some(refs), Some(id)) = (refs, attr(e, b"id")) {
                refs.push(id);
                out.push(&format!("[{}]", refs.len()))?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// An element closes.
fn end(name: &[u8], st: &mut State, out: &mut Out) {
    match name {
        b"t" => st.in_text = false,
        b"instrText" | b"delText" | b"instrtext" => st.skip_text = st.skip_text.saturating_sub(1),
        b"Fallback" => st.fallback = st.fallback.saturating_sub(1),
        // A paragraph, a table cell, a row: a line each.
        b"p" | b"tc" | b"tr" | b"txbxContent" => out.line_break(),
        b"tbl" => out.line_break(),
        _ => {}
    }
}

/// The footnotes of `word/footnotes.xml` by id, each as one line of text
/// (separators left out).
fn footnotes(xml: &[u8], limit: usize) -> Result<HashMap<String, String>, Error> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut notes = HashMap::new();
    let mut buf = Vec::new();
    let mut current: Option<(String, Out)> = None;
    let mut st = State::default();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(e, "word/footnotes.xml"))?;
        match &ev {
            Event::Start(e) if local(e.name().as_ref()) == b"footnote" => {
                let kind = attr(e, b"type");
                if kind.is_none() || kind.as_deref() == Some("normal") {
                    current = attr(e, b"id").map(|id| (id, Out::new(Format::Docx, limit)));
                }
            }
            Event::End(e) if local(e.name().as_ref()) == b"footnote" => {
                if let Some((id, o)) = current.take() {
                    let text = o.finish().split_whitespace().collect::<Vec<_>>().join(" ");
                    notes.insert(id, text);
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                if let Some((_, o)) = current.as_mut() {
                    let empty = matches!(ev, Event::Empty(_));
                    // The note's own reference mark is its number, written by us.
                    if local(e.name().as_ref()) != b"footnoteRef" {
                        element(local(e.name().as_ref()), e, empty, &mut st, o, None)?;
                    }
                }
            }
            Event::End(e) => {
                if let Some((_, o)) = current.as_mut() {
                    end(local(e.name().as_ref()), &mut st, o);
                }
            }
            Event::Text(t) if st.keeps() => {
                if let Some((_, o)) = current.as_mut() {
                    let s = t.unescape().map_err(|e| xml_error(e, "word/footnotes.xml"))?;
                    o.push(&s)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(notes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A `.docx` made of the given parts (tests only).
    pub(crate) fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn header_table_cell_by_cell_footnotes_fields() {
        let doc = format!(
            r#"<w:document {W}><w:body>
            <w:tbl><w:tr>
              <w:tc><w:p><w:r><w:t>CHÍNH PHỦ</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Số: 30/2020/NĐ-CP</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>
                    <w:p><w:r><w:t>Hà Nội, ngày 05 tháng 3 năm 2020</w:t></w:r></w:p></w:tc>
            </w:tr></w:tbl>
            <w:p><w:r><w:t>Căn cứ Luật</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>
              <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>
              <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> trang 3</w:t></w:r>
              <w:r><w:fldChar w:fldCharType="end"/></w:r>
              <w:del><w:r><w:delText>xoá</w:delText></w:r></w:del><w:r><w:t>;</w:t></w:r></w:p>
            </w:body></w:document>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Luật số 63/2025/QH15.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let bytes = docx(&[
            ("word/document.xml", doc.as_bytes()),
            ("word/footnotes.xml", notes.as_bytes()),
        ]);
        let r = read_docx(&bytes, &ParseOptions::default()).unwrap();
        assert_eq!(
            r.text,
            "CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 05 tháng 3 năm 2020\n\
             Căn cứ Luật[1] trang 3;\n\n[1] Luật số 63/2025/QH15.\n"
        );
    }

    #[test]
    fn a_zip_that_is_not_a_docx() {
        let bytes = docx(&[("notes.txt", b"hello")]);
        let e = read_docx(&bytes, &ParseOptions::default()).unwrap_err().to_string();
        assert_eq!(
            e,
            "cannot read this docx: a zip archive that is not a Word document: expected word/document.xml, found notes.txt"
        );
    }
}
