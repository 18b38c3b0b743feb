//! A website copy's metadata: the information table an editor puts before
//! the text (`| Số hiệu | 91/2026/TT-BTC |`, `**Ngày ban hành:** 30/6/2026`)
//! and the title line (`# Nghị định 102/2017/NĐ-CP`). They are not the
//! document's text: a number or date printed only there is not the
//! document's own (`symbol` and `date` stay `null`); an Info diagnostic
//! gives it, for a reader who wants it.

use super::lex::*;
use super::rules::*;
use super::{Parser, HEADER_MAX_LINES};
use crate::date::{date_text, date_vi_bare};
use crate::model::Severity;
use crate::symbol::symbol;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// The number a copy's information table (`Số hiệu | 91/2026/TT-BTC`) or
    /// title line (`Nghị định 102/2017/NĐ-CP`, `# 46/2026/NĐ-CP`) gives,
    /// when the text prints no `Số:` line.
    pub(super) fn symbol_in_metadata(&mut self, end: usize) {
        let in_table = (0..end).find_map(|l| {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            let n = symbol_field(&t[lead..])?;
            let at = line.s + lead + n;
            let stop = self.norm[at..line.e].find('|').map_or(line.e, |p| at + p);
            self.peek_symbol(at, stop).map(|(sym, used)| (sym, at, at + used))
        });
        let (found, (sym, at, stop)) = match in_table {
            Some(x) => ("information table", x),
            None => match self.symbol_in_title() {
                Some(x) => ("title", x),
                None => return,
            },
        };
        let span = self.span(at, stop);
        self.diag(
            "symbol-in-metadata",
            Severity::Info,
            format!("no \"Số:\" line: expected the số ký hiệu in the document's header, found {sym} only in the copy's {found} (not the document's text)"),
            Some(span),
        );
    }

    // CopyTitle ::= (TypeName Sp ("số" ":"? Sp)?)? Symbol (Sp Text)?
    /// The number in the title a copy prints on its first line.
    fn symbol_in_title(&self) -> Option<(String, usize, usize)> {
        let l = (0..self.lines.len().min(HEADER_MAX_LINES)).find(|&l| !self.lines[l].is_blank())?;
        let line = self.lines[l];
        let t = self.text(l);
        let mut at = 0;
        if let Some((n, _)) = type_name_at(t) {
            at = n + (t[n..].len() - t[n..].trim_start().len());
            if let Some(k) = kw_at(&t[at..], "so") {
                let r = &t[at + k..];
                at += k + (r.len() - r.trim_start_matches(|c: char| c == ':' || c.is_whitespace()).len());
            }
        }
        let shaped = symbol(&t[at..]).is_ok_and(|(r, raw)| {
            (r.is_empty() || r.starts_with([' ', '\t']))
                && raw.number.is_some()
                && raw.codes.len() + usize::from(raw.year.is_some()) >= 2
        });
        if !shaped {
            return None;
        }
        let (sym, used) = self.peek_symbol(line.s + at, line.e)?;
        Some((sym, line.s + at, line.s + at + used))
    }

    /// The canonical number at `at` (up to `end`), not set anywhere, and the
    /// bytes it takes as printed.
    fn peek_symbol(&self, at: usize, end: usize) -> Option<(String, usize)> {
        let text = &self.norm[at..end];
        let (rest, raw) = symbol(text).ok()?;
        let used = text[..text.len() - rest.len()].trim_end().len();
        Some((raw.into_symbol(text).0.to_string(), used))
    }

    /// The date a copy's information table gives (`Ngày ban hành | 30/6/2026`)
    /// when the text prints no date line.
    pub(super) fn date_in_metadata(&mut self, end: usize) {
        for l in 0..end {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            let Some(n) = date_field(&t[lead..]) else {
                continue;
            };
            let at = line.s + lead + n;
            let field = &self.norm[at..line.e];
            // `2026-06-30` (ISO, as some tables print it).
            let iso = field
                .get(..10)
                .filter(|_| field[10..].starts_with([' ', '|']) || field.len() == 10)
                .and_then(|f| f.parse::<crate::date::IssueDate>().ok())
                .map(|d| (d, at + 10));
            let vi = || {
                let (rest, raw) = date_text(field).or_else(|_| date_vi_bare(field)).ok()?;
                Some((raw.validate().ok()?, line.e - rest.len()))
            };
            if let Some((d, e)) = iso.or_else(vi) {
                let span = self.span(at, e);
                self.diag(
                    "date-in-metadata",
                    Severity::Info,
                    format!("no date line: expected \"<place>, ngày ...\" in the document's header, found {d} only in the copy's information table (not the document's text)"),
                    Some(span),
                );
                return;
            }
        }
    }
}
