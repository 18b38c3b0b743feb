//! The text a reader makes: lines of text with their spaces folded, a size
//! limit kept as it grows.

use crate::error::Error;

use super::Format;

/// Text under construction: runs of whitespace inside a line folded to one
/// space, no space at a line's start or end, at most one empty line in a
/// row, and never more than `limit` bytes.
#[derive(Debug)]
pub(crate) struct Out {
    text: String,
    limit: usize,
    format: Format,
    /// A space is owed before the next visible character of this line.
    space: bool,
}

impl Out {
    pub(crate) fn new(format: Format, limit: usize) -> Out {
        Out {
            text: String::new(),
            limit,
            format,
            space: false,
        }
    }

    /// Add text; whitespace (including NBSP) folds to one space.
    pub(crate) fn push(&mut self, s: &str) -> Result<(), Error> {
        for c in s.chars() {
            self.push_char(c);
        }
        self.check()
    }

    /// Add one character (see [`Out::push`]); control characters other
    /// than a tab are dropped.
    pub(crate) fn push_char(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.line_break();
        } else if c.is_whitespace() || c == '\u{A0}' {
            self.space = !self.at_line_start();
        } else if c.is_control() {
        } else {
            if self.space {
                self.text.push(' ');
                self.space = false;
            }
            self.text.push(c);
        }
    }

    /// End the line (nothing if the line is empty).
    pub(crate) fn line_break(&mut self) {
        self.space = false;
        if !self.at_line_start() {
            self.text.push('\n');
        }
    }

    /// End the line and leave one empty line (not two in a row, none at the
    /// start).
    pub(crate) fn paragraph_break(&mut self) {
        self.line_break();
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// Bytes so far.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Over the limit: an error naming the limit.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.text.len() > self.limit {
            return Err(super::unreadable(
                self.format,
                format!(
                    "its text grows past the size limit of {} bytes: expected a document, found more text than that \
                     (a decompression bomb, or a huge file: raise the limit with --max-size)",
                    self.limit
                ),
            ));
        }
        Ok(())
    }

    /// The text, ending with a newline when not empty.
    pub(crate) fn finish(mut self) -> String {
        self.line_break();
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_space_and_lines() {
        let mut o = Out::new(Format::Html, 100);
        o.push("  Số:\u{a0}\u{a0}12 \t/UBND  ").unwrap();
        o.line_break();
        o.line_break();
        o.paragraph_break();
        o.paragraph_break();
        o.push("\u{7}Hà Nội").unwrap();
        assert_eq!(o.finish(), "Số: 12 /UBND\n\nHà Nội\n");
    }

    #[test]
    fn limit_is_an_error() {
        let mut o = Out::new(Format::Docx, 4);
        assert!(o.push("abcd").is_ok());
        let e = o.push("e").unwrap_err().to_string();
        assert!(
            e.starts_with("cannot read this docx: its text grows past the size limit of 4 bytes"),
            "{e}"
        );
    }
}
