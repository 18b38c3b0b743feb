//! GitHub Actions workflow commands.

use std::io::{self, Write};

use super::{render, Format};
use crate::check::{Finding, Report};
use crate::model::Severity;

/// GitHub Actions workflow commands, one line per finding:
/// `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=vanban CODE::MESSAGE`.
pub fn render_github(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render(report, Format::Github, out)
}

/// One finding as a GitHub workflow command.
pub(super) fn write_github(f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let kind = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut msg = f.message.clone();
    if let Some(s) = &f.suggestion {
        msg.push_str(&format!("\nhelp: {s}"));
    }
    // The log shows the path and the message: escape sequences in them are
    // shown, not run.
    writeln!(
        out,
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        gh_property(&crate::safety::display_path(&f.path)),
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        gh_property(&format!("vanban {}", f.code)),
        gh_data(&crate::safety::escape_control(&msg, true))
    )
}

/// After the findings: how many were written as plain lines of the log
/// rather than annotations (GitHub would have dropped them), as a notice.
pub(super) fn write_left_out(out: &mut dyn Write, left_out: usize, cap: usize) -> io::Result<()> {
    if left_out == 0 {
        return Ok(());
    }
    let word = if left_out == 1 { "finding is" } else { "findings are" };
    writeln!(
        out,
        "::notice title=vanban check::{left_out} more {word} in the log above, not annotated: at most {cap} annotations \
         of each level are written (GitHub shows 10 errors and 10 warnings per step); --max-annotations sets the cap"
    )
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_github_escaping() {
        assert_eq!(gh_property("a,b:c%d"), "a%2Cb%3Ac%25d");
        assert_eq!(gh_data("x\ny%"), "x%0Ay%25");
    }
}
