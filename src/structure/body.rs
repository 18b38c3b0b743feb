//! Footnotes and the body with its numbered sections.

use std::collections::HashMap;
use std::ops::Range;

use super::consolidated::authentication_at;
use super::rules::*;
use super::Parser;
use crate::model::{Footnote, Section};
use crate::text::fold_ws;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Footnote bodies (`[1] ...` at the start of a line) and their in-text
    /// markers. The same pass over the text notes where a consolidated
    /// text's `XÁC THỰC VĂN BẢN HỢP NHẤT` stands, for
    /// [`Self::consolidated`] (its `X` is as rare as `[`: one pass over the
    /// text instead of two).
    pub(super) fn footnotes(&mut self) -> Vec<Range<usize>> {
        let norm = self.norm;
        // Every in-text marker, by number: one pass over the `[`.
        let mut refs: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        let mut bodies: Vec<(usize, &str, usize)> = Vec::new(); // (line, marker, marker len)
        let mut line_idx = 0;
        // (Every `[` and `X` of the text, as the line reading found them.)
        for &at in &self.ctx.marks {
            if norm.as_bytes()[at] == b'X' {
                if authentication_at(&norm[at..]) {
                    self.authentications.push(at);
                }
                continue;
            }
            let Some((marker, len)) = bracket_marker(&norm[at..]) else {
                continue;
            };
            while line_idx + 1 < self.lines.len() && self.lines[line_idx + 1].s <= at {
                line_idx += 1;
            }
            let line = self.lines[line_idx];
            if at == line.s && line_idx > 0 {
                let after = &norm[at + len..line.e];
                if after.starts_with([' ', '\t']) && !after.trim().is_empty() {
                    bodies.push((line_idx, marker, len));
                    continue;
                }
            }
            refs.entry(marker).or_default().push((at, at + len));
        }
        let mut regions = Vec::with_capacity(bodies.len());
        self.doc.footnotes.reserve(bodies.len());
        self.footnote_lines.reserve(bodies.len());
        for (l, marker, len) in bodies {
            let line = self.lines[l];
            let text_s =
                line.s + len + (norm[line.s + len..line.e].len() - norm[line.s + len..line.e].trim_start().len());
            let reference = refs.get(marker).and_then(|v| {
                let k = v.partition_point(|r| r.0 < line.s);
                (k > 0).then(|| self.span(v[k - 1].0, v[k - 1].1))
            });
            self.doc.footnotes.push(Footnote {
                marker: marker.to_string(),
                text: fold_ws(&norm[text_s..line.e]),
                span: self.span(line.s, line.e),
                reference,
            });
            self.footnote_lines.push(l);
            regions.push(line.s..line.e);
        }
        regions
    }

    pub(super) fn is_footnote_line(&self, l: usize) -> bool {
        self.footnote_lines.binary_search(&l).is_ok()
    }
    /// The body (`body_start` up to the tail) and its sections.
    pub(super) fn body(&mut self, body_start: usize, tail: Option<usize>) {
        let n = self.lines.len();
        let end = tail.unwrap_or(n).min(n);
        let Some(first) = (body_start..end).find(|&l| !self.lines[l].is_blank()) else {
            return;
        };
        let last = (first..end)
            .rev()
            .find(|&l| !self.lines[l].is_blank() && (tail.is_some() || !self.is_footnote_line(l)))
            .unwrap_or(first);
        self.doc.spans.body = Some(self.span(self.lines[first].s, self.lines[last].e));
        // Sections: labels of each kind, then the structural kind wins.
        let mut found: [Vec<(usize, usize)>; 4] = Default::default();
        for l in first..=last {
            if self.is_footnote_line(l) {
                continue;
            }
            let ln = self.lines[l];
            if let Some((len, kind)) = section_label(self.text(l)) {
                found[kind as usize].push((l, ln.s + len));
            }
        }
        let mut chosen: Vec<(usize, usize)> = if !found[1].is_empty() {
            let mut v = found[0].clone();
            v.extend(found[1].iter().copied());
            v.sort_unstable();
            v
        } else if !found[2].is_empty() {
            found[2].clone()
        } else {
            found[3].clone()
        };
        chosen.dedup();
        // (One allocation of the size needed, not a vector grown by
        // doubling.)
        self.doc.sections.reserve(chosen.len());
        for k in 0..chosen.len() {
            let (l, label_end) = chosen[k];
            let s = self.lines[l].s;
            let stop = chosen.get(k + 1).map_or(last + 1, |&(nl, _)| nl);
            let e = (l..stop)
                .rev()
                .find(|&x| !self.lines[x].is_blank())
                .map_or(self.lines[l].e, |x| self.lines[x].e);
            self.doc.sections.push(Section {
                label: self.norm[s..label_end].to_string(),
                span: self.span(s, e),
            });
        }
    }
}
