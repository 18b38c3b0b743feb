//! The relation of each citation, from the clause that governs it.

use super::cues::{cue_relation, cue_relation_folded};
use super::lex::{prefix, suffix};
use super::share::may_fold_within;
use super::{last_full_stop, Found, CUE_WINDOW, GRAMMAR_WINDOW};
use crate::model::Relation;
use crate::normalize::{fold, starts_with_folded};
use crate::text::LineIndex;

/// Only list glue between two citations (`;`, `,`, `và`, `các`)?
pub(super) fn is_glue(gap: &str) -> bool {
    if !may_fold_within(gap, b"vachoung,;().") {
        return false;
    }
    fold(gap)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.'))
        .all(|w| matches!(w, "" | "va" | "cac" | "hoac" | "cung" | "nhu"))
}

/// Does a line start with `Căn cứ` (after bullets and markup)?
pub(super) fn is_basis_line(line: &str) -> bool {
    let l =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '•' | '–' | '|' | '*' | '>'));
    starts_with_folded(l, "can cu").is_some()
}

/// Relation of each citation.
pub(super) fn relations(norm: &str, lines: &LineIndex, found: &[Found]) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::with_capacity(found.len());
    let mut basis_line: Option<(usize, bool)> = None;
    for (i, f) in found.iter().enumerate() {
        let line = lines.line(f.start);
        let (ls, le) = lines.line_range(norm, line);
        let basis = match basis_line {
            Some((l, b)) if l == line => b,
            _ => {
                let b = is_basis_line(prefix(&norm[ls..], 64));
                basis_line = Some((line, b));
                b
            }
        };
        if basis {
            out.push(Relation::Basis);
            continue;
        }
        // Inside an earlier citation's subject: the verbs there are the cited
        // document's, not ours.
        let in_subject = found[..i]
            .iter()
            .rev()
            .take_while(|p| p.start + GRAMMAR_WINDOW > f.start)
            .any(|p| p.subject_range.is_some_and(|(a, b)| a <= f.start && f.start < b));
        if in_subject {
            out.push(Relation::Mentions);
            continue;
        }
        let prev = i
            .checked_sub(1)
            .map(|j| &found[j])
            .filter(|p| p.tail <= f.start && p.tail >= ls);
        let lo = prev.map_or(ls, |p| p.tail);
        let window = suffix(&norm[lo..f.start], CUE_WINDOW);
        let mut rel = None;
        if prev.is_some() && window.len() == f.start - lo && is_glue(window) {
            rel = Some(out[i - 1]);
        }
        let rel = rel.unwrap_or_else(|| {
            // Back to the start of the clause.
            let cut = window
                .rfind(';')
                .map(|k| k + 1)
                .into_iter()
                .chain(last_full_stop(window).map(|k| k + 2))
                .max()
                .unwrap_or(0);
            cue_relation(&window[cut..]).unwrap_or(Relation::Mentions)
        });
        // `... hết hiệu lực` after the citation.
        let rel = if rel == Relation::Mentions {
            let ahead = prefix(&norm[f.tail.min(le)..le], 96);
            let ahead = &ahead[..ahead.find([';', '.', '(', '[', ']']).unwrap_or(ahead.len())];
            // Only `hết hiệu lực` counts there: look for cues only then.
            let folded = fold(ahead);
            if folded.contains("het hieu luc") && cue_relation_folded(&folded) == Some(Relation::Repeals) {
                Relation::Repeals
            } else {
                rel
            }
        } else {
            rel
        };
        out.push(rel);
    }
    out
}

/// `refers_to` of each citation: a later reference to a document already
/// cited points at its first full citation (with a date or issuer); a
/// number-only reference points at a full citation of the same type and
#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::share::is_list_join;

    /// The byte test before the fold changes no answer of the glue and list
    /// checks: on glue in any case and with diacritics, and on gaps with one
    /// ASCII letter, digit or sign outside the glue words.
    #[test]
    fn ok_glue_byte_test_same_as_fold() {
        let glue_plain = |g: &str| {
            fold(g)
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '.'))
                .all(|w| matches!(w, "" | "va" | "cac" | "hoac" | "cung" | "nhu"))
        };
        let join_plain = |g: &str| {
            matches!(
                fold(g.trim()).as_str(),
                "va" | "," | ", va" | "hoac" | "va cac" | ", cac"
            )
        };
        let gaps = [
            "",
            " ",
            ", ",
            " và ",
            ", và ",
            "; VÀ CÁC ",
            " hoặc ",
            "(cùng)",
            " như ",
            "\u{0}và",
            "Và\u{b}các",
            " va cac ",
            " và các Bộ ",
            " và 5 ",
            " của ",
            " - ",
            " và/hoặc ",
            " Hoặc ",
            ", CÁC ",
            " vàx ",
            " ngày ",
            "\tvà\n",
            " cung nhu ",
            " Hoac ",
        ];
        for g in gaps {
            assert_eq!(is_glue(g), glue_plain(g), "is_glue {g:?}");
            assert_eq!(is_list_join(g), join_plain(g), "is_list_join {g:?}");
        }
        assert!(is_glue(" và các ") && is_list_join(" Và các ") && !is_glue(" và các Bộ "));
    }
}
