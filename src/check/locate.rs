//! Lines and columns: findings placed in their file's text.

use rayon::prelude::*;

use super::rules::{acted_on_by, in_editorial_note};
use super::{Code, Finding};
use crate::text::LineIndex;

/// Fill line, column, cited text and source line of each finding, reading
/// each file that has findings once, in parallel, one file at a time per
/// thread: a file's text is dropped as soon as its findings are placed, so
/// memory does not follow the size of the corpus.
pub(super) fn locate(findings: &mut Vec<Finding>) {
    // Group the findings of each file together (the report is sorted by
    // path and position afterwards).
    findings.sort_by(|a, b| a.path.cmp(&b.path));
    let mut groups: Vec<&mut [Finding]> = Vec::new();
    let mut rest: &mut [Finding] = findings.as_mut_slice();
    while !rest.is_empty() {
        let n = rest.iter().take_while(|f| f.path == rest[0].path).count();
        let (head, tail) = rest.split_at_mut(n);
        groups.push(head);
        rest = tail;
    }
    let keep: Vec<Vec<bool>> = groups.into_par_iter().map(locate_file).collect();
    let mut keep = keep.into_iter().flatten();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// [`locate`] for the findings of one file; returns which to keep.
pub(super) fn locate_file(group: &mut [Finding]) -> Vec<bool> {
    if !group.iter().any(|f| f.span.is_some()) {
        return vec![true; group.len()];
    }
    let Ok(bytes) = std::fs::read(&group[0].path) else {
        return vec![true; group.len()];
    };
    locate_in(&bytes, group)
}

/// [`locate`] for the findings of one file whose bytes are at hand.
pub(super) fn locate_in(bytes: &[u8], group: &mut [Finding]) -> Vec<bool> {
    let mut keep = vec![true; group.len()];
    // A file that is not UTF-8 has findings only within its valid prefix
    // (the `unreadable` finding points at the first bad byte).
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
    };
    let lines = LineIndex::new(text);
    for (k, f) in group.iter_mut().enumerate() {
        let Some(span) = f.span else { continue };
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end).max(start);
        (f.line, f.column) = lines.line_col(text, start);
        (f.end_line, f.end_column) = lines.line_col(text, end);
        if f.code != Code::Unreadable {
            let (ls, le) = lines.line_range(text, f.line);
            f.source = Some(text[ls..le].trim_end_matches('\r').to_string());
            f.cited = Some(text[start..end].split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if f.code == Code::Anachronism {
            // A bounded look-behind: at most 400 bytes, the last 160 for the agent phrase.
            let before = &text[floor_boundary(text, start.saturating_sub(400))..start];
            let recent = &before[floor_boundary(before, before.len().saturating_sub(160))..];
            keep[k] = !acted_on_by(recent) && !in_editorial_note(before);
        }
    }
    keep
}

/// `offset` clamped to `text` and moved back to a character boundary.
pub(super) fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_floor_boundary() {
        let text = "cdẫ ef";
        assert_eq!(floor_boundary(text, 3), 2);
        assert_eq!(floor_boundary(text, 5), 5);
        assert_eq!(floor_boundary(text, 99), text.len());
    }
}
