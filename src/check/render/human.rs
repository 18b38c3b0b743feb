//! The human format: like a compiler.

use std::io::{self, Write};

use super::{render, severity_word, Format};
use crate::check::{Finding, Report, STRICT_NOTE};
use crate::safety::{display_path, escape_control};

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
    // Document text and file names reach a terminal here: what it would act
    // on (escape sequences, bidirectional overrides) is shown escaped.
    let esc = |s: &str| escape_control(s, false).into_owned();
    writeln!(
        out,
        "{}:{}:{}: {}[{}]: {}",
        display_path(&f.path),
        f.line,
        f.column,
        severity_word(f.severity),
        f.code,
        esc(&f.message)
    )?;
    if let Some(src) = &f.source {
        let gutter = f.line.to_string().len();
        // Each character as shown, and the columns it takes.
        let (mut shown, mut pad, mut marks) = (String::new(), 0, 0);
        if src.cut_before {
            shown.push('…');
            pad += 1;
        }
        for (i, c) in src.text.chars().enumerate() {
            let before = shown.len();
            match c {
                '\t' => shown.push(' '),
                c => shown.push_str(&escape_control(c.encode_utf8(&mut [0; 4]), false)),
            }
            let w = if shown.len() - before > c.len_utf8() {
                shown.len() - before
            } else {
                width(c)
            };
            if i < src.mark_start {
                pad += w;
            } else if i < src.mark_start + src.mark_len {
                marks += w;
            }
        }
        if src.cut_after {
            shown.push('…');
        }
        writeln!(out, "{:gutter$} |", "")?;
        writeln!(out, "{:>gutter$} | {shown}", f.line)?;
        writeln!(out, "{:gutter$} | {:pad$}{}", "", "", "^".repeat(marks.max(1)))?;
    }
    if let Some(e) = &f.expected {
        writeln!(out, "  = expected: {}", esc(e))?;
    }
    if let Some(x) = &f.found {
        writeln!(out, "  = found: {}", esc(x))?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "  = help: {}", esc(s))?;
    }
    if let Some(n) = f.note.as_deref().filter(|n| *n != STRICT_NOTE) {
        writeln!(out, "  = note: {}", esc(n))?;
    }
    writeln!(out)
}
