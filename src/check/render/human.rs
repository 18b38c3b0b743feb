//! The human format: like a compiler.

use std::io::{self, Write};

use super::{render, severity_word, Format};
use crate::check::{Finding, Report, STRICT_NOTE};
use crate::model::Severity;
use crate::safety::{display_path, escape_control};

/// How wide a character shows in a terminal (combining marks take no room).
fn width(c: char) -> usize {
    usize::from(!matches!(c, '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
}

/// The human format.
pub fn render_human(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Human, out)
}

/// ANSI colours of the human format (empty strings without colour).
struct Paint {
    bold: &'static str,
    level: &'static str,
    gutter: &'static str,
    reset: &'static str,
}

impl Paint {
    fn new(color: bool, severity: Severity) -> Paint {
        if !color {
            return Paint {
                bold: "",
                level: "",
                gutter: "",
                reset: "",
            };
        }
        Paint {
            bold: "\x1b[1m",
            level: match severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
                Severity::Info => "\x1b[1;36m",
            },
            gutter: "\x1b[1;34m",
            reset: "\x1b[0m",
        }
    }
}

/// The first line of a finding: `path:line:col: severity[code]: message`.
pub(super) fn write_human_head(f: &Finding, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let p = Paint::new(color, f.severity);
    writeln!(
        out,
        "{}{}:{}:{}:{} {}{}[{}]{}{}: {}{}",
        p.bold,
        display_path(&f.path),
        f.line,
        f.column,
        p.reset,
        p.level,
        severity_word(f.severity),
        f.code,
        p.reset,
        p.bold,
        escape_control(&f.message, false),
        p.reset,
    )
}

/// One finding in the human format.
pub(super) fn write_human(f: &Finding, out: &mut dyn Write, color: bool) -> io::Result<()> {
    // Document text and file names reach a terminal here: what it would act
    // on (escape sequences, bidirectional overrides) is shown escaped.
    let esc = |s: &str| escape_control(s, false).into_owned();
    let p = Paint::new(color, f.severity);
    write_human_head(f, out, color)?;
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
        let (g, r, l) = (p.gutter, p.reset, p.level);
        writeln!(out, "{g}{:gutter$} |{r}", "")?;
        writeln!(out, "{g}{:>gutter$} |{r} {shown}", f.line)?;
        writeln!(
            out,
            "{g}{:gutter$} |{r} {:pad$}{l}{}{r}",
            "",
            "",
            "^".repeat(marks.max(1))
        )?;
    }
    let (b, r) = (p.bold, p.reset);
    if let Some(e) = &f.expected {
        writeln!(out, "  {b}= expected:{r} {}", esc(e))?;
    }
    if let Some(x) = &f.found {
        writeln!(out, "  {b}= found:{r} {}", esc(x))?;
    }
    if let Some(s) = &f.suggestion {
        writeln!(out, "  {b}= help:{r} {}", esc(s))?;
    }
    if let Some(n) = f.note.as_deref().filter(|n| *n != STRICT_NOTE) {
        writeln!(out, "  {b}= note:{r} {}", esc(n))?;
    }
    writeln!(out)
}
