//! `vanban parse`, `vanban text`, `vanban symbol`.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::input::{expand_inputs, read_input};
use super::{opt, paths_or_stdin, report_error, Format, InputArgs, Stdout};
use vanban::export::ParseRecord;
use vanban::safety::{display_path, escape_control};
use vanban::{Document, ParseOptions, Symbol};

#[derive(clap::Args, Debug)]
pub(crate) struct ParseArgs {
    /// Output format: JSON Lines (one object per file) or text.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    read: ReadArgs,
    /// Files or folders (recursed); `-` reads stdin, as does no path at all
    /// when stdin is not a terminal.
    paths: Vec<PathBuf>,
}

/// How inputs are read: the format and the encoding, when not told by the
/// content.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct ReadArgs {
    /// Read every input as this format instead of telling it from the
    /// content and the name: text, pdf, docx, doc, rtf, html.
    #[arg(long, value_name = "FORMAT")]
    format_in: Option<vanban::read::Format>,
    /// Decode text (and HTML) in this encoding instead of telling it:
    /// utf-8, utf-16le, utf-16be, windows-1258, windows-1252, tcvn3, vni.
    #[arg(long, value_name = "NAME")]
    encoding: Option<vanban::read::TextEncoding>,
}

impl ReadArgs {
    /// The parse options of `input`, with these.
    fn options(&self, input: &InputArgs) -> ParseOptions {
        let mut o = input.parse_options();
        o.format = self.format_in;
        o.encoding = self.encoding;
        o
    }
}

#[derive(clap::Args, Debug)]
pub(crate) struct TextArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    read: ReadArgs,
    /// Files or folders (recursed); `-` reads stdin, as does no path at all
    /// when stdin is not a terminal. With more than one file, each text is
    /// preceded by a `==> PATH <==` line.
    paths: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub(crate) struct SymbolArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The strings; `-` (or none) reads one per line from stdin.
    text: Vec<String>,
}

pub(crate) fn cmd_parse(a: ParseArgs) -> anyhow::Result<i32> {
    let opts = a.read.options(&a.input);
    let paths = paths_or_stdin(a.paths)?;
    let inputs = expand_inputs(&paths, &a.input.corpus_options());
    let mut out = Stdout::new();
    let mut failed = false;
    for input in &inputs {
        // A problem met while walking a folder: reported, the rest goes on.
        let f = match input {
            Ok(f) => f,
            Err(e) => {
                failed = true;
                out.flush()?;
                report_error(&e);
                continue;
            }
        };
        let shown = f.display().to_string();
        let path_bytes = vanban::safety::path_bytes(f);
        let parsed = read_input(f, a.input.max_size).and_then(|bytes| {
            // The bytes as read: `--lossy` keeps its `invalid-utf8`
            // diagnostic and its spans into the original bytes.
            let doc = vanban::parse_file_bytes(&bytes, f, &opts).map_err(|e| e.with_path(f))?;
            Ok((bytes, doc))
        });
        match parsed {
            Ok((bytes, doc)) => match a.format {
                Format::Json => {
                    let record = ParseRecord {
                        path: shown,
                        path_bytes,
                        doc: &doc,
                    };
                    serde_json::to_writer(&mut out, &record)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    // Line numbers from the text the spans point into: the
                    // file itself, or the text the read stage made of it.
                    let made = match doc.source {
                        Some(_) => vanban::read::read(&bytes, Some(f), &opts)
                            .ok()
                            .map(|r| r.text.into_owned()),
                        None => None,
                    };
                    let spans_into = made.as_ref().map_or(&bytes[..], |t| t.as_bytes());
                    // Document text reaches a terminal: escape sequences in
                    // it (or in the file's name) are shown, not acted on.
                    let mut block = Vec::new();
                    write_text(&mut block, &display_path(f), spans_into, &doc)?;
                    out.write_all(escape_control(&String::from_utf8_lossy(&block), true).as_bytes())?;
                }
            },
            Err(e) => {
                failed = true;
                out.flush()?;
                report_error(&e);
            }
        }
    }
    out.flush()?;
    Ok(if failed { 2 } else { 0 })
}

/// `vanban text`: each input's text as the read stage makes it.
pub(crate) fn cmd_text(a: TextArgs) -> anyhow::Result<i32> {
    let opts = a.read.options(&a.input);
    let paths = paths_or_stdin(a.paths)?;
    let inputs = expand_inputs(&paths, &a.input.corpus_options());
    let several = inputs.len() > 1;
    let mut out = Stdout::new();
    let mut failed = false;
    for input in &inputs {
        let read = input.as_ref().map_err(|e| e.to_string()).and_then(|f| {
            let bytes = read_input(f, a.input.max_size).map_err(|e| e.to_string())?;
            let read = vanban::read::read(&bytes, Some(f), &opts).map_err(|e| e.with_path(f).to_string())?;
            Ok((f, read.text.into_owned()))
        });
        match read {
            Ok((f, text)) => {
                if several {
                    writeln!(out, "==> {} <==", display_path(f))?;
                }
                out.write_all(text.as_bytes())?;
            }
            Err(e) => {
                failed = true;
                out.flush()?;
                report_error(&e);
            }
        }
    }
    out.flush()?;
    Ok(if failed { 2 } else { 0 })
}

/// The 1-based line of byte offsets asked for in (mostly) increasing order,
/// as [`vanban::LineIndex::line`] gives them: the newlines are counted from
/// the offset asked last, so a document's citations cost one pass over the
/// text up to the last one, and no index is built. A text with a `\r` (a
/// line break of its own when alone) takes the index.
struct LineCounter<'a> {
    bytes: &'a [u8],
    index: Option<vanban::LineIndex>,
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let index = memchr::memchr(b'\r', bytes)
            .is_some()
            .then(|| vanban::LineIndex::of_bytes(bytes));
        LineCounter {
            bytes,
            index,
            at: 0,
            line: 1,
        }
    }

    fn line(&mut self, offset: usize) -> usize {
        if let Some(index) = &self.index {
            return index.line(offset);
        }
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += memchr::memchr_iter(b'\n', &self.bytes[self.at..offset]).count();
        self.at = offset;
        self.line
    }
}

/// A document for people; `bytes` (as read: spans are offsets into them)
/// give the line numbers.
fn write_text(out: &mut impl Write, path: &str, bytes: &[u8], doc: &Document) -> io::Result<()> {
    let mut lines = LineCounter::new(bytes);
    writeln!(out, "== {path}")?;
    let family = match doc.family {
        Some(vanban::Family::Party) => "party",
        Some(vanban::Family::State) => "state",
        None => "—",
    };
    writeln!(out, "  family    {family}")?;
    writeln!(
        out,
        "  issuer    {}{}",
        opt(&doc.issuer),
        doc.issuer_parent
            .as_ref()
            .map(|p| format!("  (under {p})"))
            .unwrap_or_default()
    )?;
    writeln!(out, "  symbol    {}", opt(&doc.symbol))?;
    writeln!(out, "  place     {}", opt(&doc.place))?;
    writeln!(out, "  date      {}", opt(&doc.date))?;
    writeln!(out, "  type      {}", opt(&doc.doc_type))?;
    writeln!(out, "  subject   {}", opt(&doc.subject))?;
    if !doc.recipients.is_empty() {
        writeln!(out, "  kính gửi  {}", doc.recipients.join(" | "))?;
    }
    if !doc.distribution.is_empty() {
        writeln!(out, "  nơi nhận  {}", doc.distribution.join(" | "))?;
    }
    if let Some(s) = &doc.signature {
        let mut parts = s.authority.clone();
        parts.extend(s.position.clone());
        parts.extend(s.signer.clone());
        writeln!(out, "  signature {}", parts.join(" / "))?;
    }
    if !doc.citations.is_empty() {
        writeln!(out, "  citations ({})", doc.citations.len())?;
        for (i, c) in doc.citations.iter().enumerate() {
            let what = c
                .symbol
                .as_ref()
                .map(|s| s.to_string())
                .or_else(|| c.number.map(|n| format!("số {n}")))
                .or_else(|| c.name.clone())
                .unwrap_or_default();
            let mut extra = String::new();
            if let Some(iss) = &c.issuer {
                extra.push_str(&format!("  của {iss}"));
            }
            if c.in_footnote {
                extra.push_str("  [footnote]");
            }
            if c.is_self {
                extra.push_str("  [self]");
            }
            if c.editorial {
                extra.push_str("  [editorial]");
            }
            if let Some(b) = c.by {
                extra.push_str(&format!("  by #{b}"));
            }
            if let Some(r) = c.refers_to {
                extra.push_str(&format!("  → #{r}"));
            }
            writeln!(
                out,
                "  {:>5}  #{i:<3} {:<10} {:<12} {:<24} {:<10}{extra}",
                format!("L{}", lines.line(c.span.start)),
                c.relation.as_str(),
                c.doc_type.as_deref().unwrap_or("—"),
                what,
                opt(&c.date),
            )?;
        }
    }
    for r in &doc.named_refs {
        writeln!(out, "  {:>5}  named      {}", format!("L{}", r.line), r.text)?;
    }
    for d in &doc.diagnostics {
        let at = d.span.map(|s| format!("L{}", lines.line(s.start))).unwrap_or_default();
        writeln!(out, "  {:>5}  {}[{}] {}", at, d.severity, d.code, d.message)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SymbolRecord {
    input: String,
    symbol: Option<String>,
    number: Option<u32>,
    year: Option<u16>,
    #[serde(rename = "type")]
    type_code: Option<String>,
    type_name: Option<String>,
    issuers: Vec<String>,
    unit: Option<String>,
    style: Option<vanban::SymbolStyle>,
    diagnostics: Vec<vanban::Diagnostic>,
}

fn symbol_record(input: &str) -> SymbolRecord {
    match Symbol::parse_with_diagnostics(input) {
        Ok((s, diagnostics)) => SymbolRecord {
            input: input.to_string(),
            symbol: Some(s.to_string()),
            number: s.number(),
            year: s.year(),
            type_code: s.type_code().map(str::to_string),
            type_name: s.type_name().map(str::to_string),
            issuers: s.issuers().to_vec(),
            unit: s.unit().map(str::to_string),
            style: Some(s.style()),
            diagnostics,
        },
        Err(e) => SymbolRecord {
            input: input.to_string(),
            symbol: None,
            number: None,
            year: None,
            type_code: None,
            type_name: None,
            issuers: Vec::new(),
            unit: None,
            style: None,
            diagnostics: vec![vanban::Diagnostic::new(
                "malformed-symbol",
                vanban::Severity::Error,
                e.to_string(),
                Some(vanban::Span::new(e.offset, e.offset)),
            )],
        },
    }
}

pub(crate) fn cmd_symbol(a: SymbolArgs) -> anyhow::Result<i32> {
    let mut out = Stdout::new();
    let emit = |r: SymbolRecord, out: &mut Stdout| -> anyhow::Result<()> {
        match a.format {
            Format::Json => {
                serde_json::to_writer(&mut *out, &r)?;
                writeln!(out)?;
            }
            Format::Text => {
                let diags: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
                let line = format!(
                    "{}\t{}\t{}",
                    r.input,
                    r.symbol.as_deref().unwrap_or("—"),
                    diags.join(",")
                );
                writeln!(out, "{}", escape_control(&line, false))?;
            }
        }
        Ok(())
    };
    let from_stdin = |out: &mut Stdout| -> anyhow::Result<()> {
        // Lines as bytes: one that is not UTF-8 gets its record (with an
        // `invalid-utf8` diagnostic), and the lines after it are still read.
        for line in io::stdin().lock().split(b'\n') {
            let line = line.map_err(|e| io::Error::new(e.kind(), format!("standard input: {e}")))?;
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            let record = match std::str::from_utf8(line) {
                Ok(s) => symbol_record(s),
                Err(e) => invalid_line_record(line, e.valid_up_to()),
            };
            emit(record, out)?;
        }
        Ok(())
    };
    if a.text.is_empty() {
        from_stdin(&mut out)?;
    }
    for t in &a.text {
        if t == "-" {
            from_stdin(&mut out)?;
        } else {
            emit(symbol_record(t), &mut out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// The record of a line of stdin that is not UTF-8 (bad byte at `at`).
fn invalid_line_record(line: &[u8], at: usize) -> SymbolRecord {
    let mut r = symbol_record("");
    r.input = String::from_utf8_lossy(line).into_owned();
    r.diagnostics = vec![vanban::Diagnostic::new(
        "invalid-utf8",
        vanban::Severity::Error,
        format!(
            "invalid utf-8 at byte {at}: expected text, found byte 0x{:02x}",
            line[at]
        ),
        Some(vanban::Span::new(at, at + 1)),
    )];
    r
}

#[cfg(test)]
mod tests {
    use super::LineCounter;

    #[test]
    fn ok_line_counter_equals_the_index() {
        let texts: [&[u8]; 5] = [
            b"",
            b"Thuc hien\nCong van so 1\n\nngay 2\n",
            b"one\r\ntwo\rthree\nfour\r",
            b"no break at all",
            "Công văn\nsố 12\n".as_bytes(),
        ];
        for text in texts {
            let index = vanban::LineIndex::of_bytes(text);
            let mut counter = LineCounter::new(text);
            // In order, then backwards, then past the end.
            let offsets = (0..=text.len() + 2)
                .chain((0..=text.len()).rev())
                .chain([3, 0, 7, usize::MAX]);
            for offset in offsets {
                assert_eq!(counter.line(offset), index.line(offset), "{offset} in {text:?}");
            }
        }
    }
}
