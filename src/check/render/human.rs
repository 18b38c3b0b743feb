//! The human format: like a compiler.

use std::io::{self, Write};

use super::{render, severity_word, Format};
use crate::check::{Finding, Report, STRICT_NOTE};

/// How wide a character shows in a terminal (combining marks take no room).
fn width(c: char) -> usize {
    usize::from(!matches!(c, '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
}

/// The human format.
pub fn render_human(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Human, out)
}

/// One finding in the human format.
pub(super) fn write_human(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}:{}:{}: {}[{}]: {}",
        f.path.display(),
        f.line,
        f.column,
        severity_word(f.severity),
        f.code,
        f.message
    )?;
    if let Some(src) = &f.source {
        let gutter = f.line.to_string().len();
        let chars: Vec<char> = src.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
        let c0 = (f.column - 1).min(chars.len());
        let c1 = if f.end_line == f.line {
            (f.end_column - 1).clamp(c0, chars.len())
        } else {
            chars.len()
        };
        // A window of the line around the citation: paragraphs are long.
        const BEFORE: usize = 40;
        const MAX_MARK: usize = 80;
        const AFTER: usize = 20;
        let mark_end = c1.min(c0 + MAX_MARK);
        let from = c0.saturating_sub(BEFORE);
        let to = (mark_end + AFTER).min(chars.len());
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars.len() { "…" } else { "" };
        let shown: String = chars[from..to].iter().collect();
        let pad: usize = lead.chars().count() + chars[from..c0].iter().map(|&c| width(c)).sum::<usize>();
        let marks: usize = chars[c0..mark_end].iter().map(|&c| width(c)).sum::<usize>().max(1);
        writeln!(out, "{:gutter$} |", "")?;
        writeln!(out, "{:>gutter$} | {lead}{shown}{tail}", f.line)?;
        writeln!(out, "{:gutter$} | {:pad$}{}", "", "", "^".repeat(marks))?;
    }
    if let Some(e) = &f.expected {
        writeln!(out, "  = expected: {e}")?;
    }
    if let Some(x) = &f.found {
        writeln!(out, "  = found: {x}")?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "  = help: {s}")?;
    }
    if let Some(n) = f.note.as_deref().filter(|n| *n != STRICT_NOTE) {
        writeln!(out, "  = note: {n}")?;
    }
    writeln!(out)
}
