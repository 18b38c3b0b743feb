//! Small text utilities shared by the stages: line index, span mapping.

use crate::model::Span;
use crate::normalize::OffsetMap;

/// Line starts of a text, for turning byte offsets into 1-based line and
/// column numbers when rendering. Built once, queried by binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        // Sized for lines of about sixty bytes (most are longer), so that
        // the vector rarely grows.
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Byte offset of the start of every line, in order (the first is 0).
    pub(crate) fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// Byte range of a 1-based line (without its newline).
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(line).map_or(text.len(), |e| e - 1);
        (start, end.max(start))
    }
}

/// The context every stage works in: the original text, the normalized text
/// the grammar runs on, and the way back.
pub(crate) struct Ctx<'a> {
    pub(crate) original: &'a str,
    pub(crate) norm: &'a str,
    pub(crate) map: &'a OffsetMap,
    /// Lines of the normalized text.
    pub(crate) lines: LineIndex,
    /// Lines of the original, when they are not those of the normalized text
    /// (a `\r` that normalization turned into a line break). Otherwise the
    /// two have the same newlines in the same order, and `lines` serves both.
    orig_lines: Option<LineIndex>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(original: &'a str, norm: &'a str, map: &'a OffsetMap) -> Ctx<'a> {
        let orig_lines = memchr::memchr(b'\r', original.as_bytes()).map(|_| LineIndex::new(original));
        Ctx {
            original,
            norm,
            map,
            lines: LineIndex::new(norm),
            orig_lines,
        }
    }

    /// Original-text span of a normalized range.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.map.range(start, end);
        Span::new(s, e)
    }

    /// 1-based line (in the original) of a normalized offset.
    pub(crate) fn line_of(&self, norm_offset: usize) -> usize {
        match &self.orig_lines {
            Some(orig) => orig.line(self.map.start(norm_offset)),
            None => self.lines.line(norm_offset),
        }
    }
}

/// Fold runs of whitespace into one space and trim.
pub(crate) fn fold_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `char::is_alphanumeric`, fast for the letters of Vietnamese text (ASCII,
/// Latin-1 and Latin Extended letters, precomposed Vietnamese letters).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    latin_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `char::is_alphabetic`, fast in the same way as [`is_alnum`].
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    latin_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Is a non-ASCII `c` a letter, where that needs no table search: U+00C0 to
/// U+024F (all letters but `×` and `÷`) and U+1E00 to U+1EFF (all letters).
#[inline]
fn latin_letter(c: char) -> Option<bool> {
    let u = u32::from(c);
    if (0xC0..=0x24F).contains(&u) {
        Some(u != 0xD7 && u != 0xF7)
    } else if (0x1E00..=0x1EFF).contains(&u) {
        Some(true)
    } else {
        None
    }
}
