//! The issuing body: the upper-case lines above (or beside) the national
//! motto, put together as printed. A name broken over lines
//! (`BỘ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`, `ỦY BAN NHÂN DÂN` / `TỈNH KON
//! TUM`) is one body; a line that opens a unit (`CỤC`, `SỞ`, `VỤ`...) under the
//! body before it makes that one the parent (`BỘ XÂY DỰNG` / `CỤC ĐƯỜNG BỘ
//! VIỆT NAM`, also on one line with a hyphen); several ministries, or the
//! bodies of a joint symbol (`TTLT-BTC-BNNPTNT`), are the issuers of a joint
//! document. A gazette page prints the section banner's body above the
//! document's own (`CHÍNH PHỦ` / `CHÍNH PHỦ`): a repeat is read once.

use super::lex::*;
use super::rules::*;
use super::Parser;
use crate::normalize::fold;
use crate::text::fold_ws;

/// An issuer candidate: a segment of upper-case text (normalized offsets)
/// and its line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) line: usize,
}

/// One part of an issuer line: `s..e`, whether it opens a body (and of
/// which kind: `Some(true)` a unit, `Some(false)` a ministry), and the dash
/// printed between it and the part before when a name is broken at a hyphen
/// (`BỘ LAO ĐỘNG -` ⏎ `THƯƠNG BINH VÀ XÃ HỘI`).
#[derive(Debug, Clone, Copy)]
struct Part {
    s: usize,
    e: usize,
    head: Option<bool>,
    dash: Option<char>,
}

/// A body put together from parts: `s..e` (several lines), its text with
/// the lines joined, and the kind of its first word.
#[derive(Debug, Clone)]
struct Body {
    s: usize,
    e: usize,
    text: String,
    head: Option<bool>,
}

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// A segment before the issuer is known: upper-case text is a candidate;
    /// anything else ends the run of candidates before it.
    pub(super) fn issuer_candidate(&self, s: usize, e: usize, line: usize, cands: &mut Vec<Cand>, frozen: bool) {
        if frozen {
            return;
        }
        let t = &self.norm[s..e];
        let (a, b) = trim_dashes(t);
        if a >= b || !t[a..b].chars().any(crate::text::is_alnum) {
            return;
        }
        if is_upper_text(t) && t.len() < 160 {
            cands.push(Cand {
                s: s + a,
                e: s + b,
                line,
            });
        } else {
            cands.clear();
        }
    }

    /// Set the issuer, its parent and the issuers of a joint document from
    /// the run of candidates.
    pub(super) fn set_issuer(&mut self, cands: &[Cand]) {
        let bodies = self.bodies(cands);
        let Some(last) = bodies.last() else {
            return;
        };
        let joint_symbol = self.doc.symbol.as_ref().is_some_and(|s| s.issuers().len() >= 2);
        let ministries = bodies.len() >= 2 && bodies.iter().all(|b| b.head == Some(false));
        if bodies.len() >= 2 && (joint_symbol || ministries) {
            self.doc.issuers = bodies.iter().map(|b| b.text.clone()).collect();
            self.doc.issuer = Some(bodies[0].text.clone());
            self.doc.spans.issuer = Some(self.span(bodies[0].s, bodies[0].e));
            return;
        }
        let (text, s, e) = (last.text.clone(), last.s, last.e);
        if bodies.len() >= 2 {
            let parent = &bodies[bodies.len() - 2];
            self.doc.issuer_parent = Some(parent.text.clone());
            self.doc.spans.issuer_parent = Some(self.span(parent.s, parent.e));
        } else if let Some(cut) = Some(&self.norm[s..e])
            .filter(|t| !t.contains('\n'))
            .and_then(unit_split)
        {
            // A parent body printed on the same segment (`BỘ TÀI CHÍNH TỔNG
            // CỤC HẢI QUAN`): cut before the last unit word that is not the
            // first.
            let parent = self.norm[s..s + cut].trim_end();
            self.doc.issuer_parent = Some(fold_ws(parent));
            self.doc.spans.issuer_parent = Some(self.span(s, s + parent.len()));
            let unit = fold_ws(&self.norm[s + cut..e]);
            self.doc.issuers = vec![unit.clone()];
            self.doc.issuer = Some(unit);
            self.doc.spans.issuer = Some(self.span(s + cut, e));
            return;
        }
        self.doc.issuers = vec![text.clone()];
        self.doc.issuer = Some(text);
        self.doc.spans.issuer = Some(self.span(s, e));
    }

    /// The bodies printed in the run of candidates, in order.
    fn bodies(&self, cands: &[Cand]) -> Vec<Body> {
        let norm = self.norm;
        // Only the last block of lines that follow each other (blank lines,
        // furniture and the motto's lines of a right column printed between
        // them allowed).
        let mut from = cands.len();
        while from > 0 {
            let prev_ok = from == cands.len()
                || cands[from].line == cands[from - 1].line
                || (cands[from - 1].line + 1..cands[from].line).all(|l| {
                    self.lines[l].is_blank()
                        || self.is_furniture(l)
                        || self.is_rule(l)
                        || motto(self.text(l)).is_some_and(|(ms, _, _)| ms == 0)
                        || motto_tail(self.text(l)) > 0
                });
            if !prev_ok {
                break;
            }
            from -= 1;
        }
        let cands = &cands[from..];
        // Parts: each candidate, cut at ` - ` before a body's first word
        // (`BỘ XÂY DỰNG - CỤC ĐƯỜNG BỘ VIỆT NAM`, `BỘ TÀI CHÍNH - BỘ Y TẾ`).
        let mut parts: Vec<Part> = Vec::new();
        let mut dash_after: Option<char> = None;
        for c in cands {
            // A hyphen that ends the line before or opens this one.
            let mut dash = dash_after.or_else(|| dash_before(norm, c.s));
            dash_after = dash_after_at(norm, c.e);
            let mut s = c.s;
            let text = &norm[c.s..c.e];
            for (i, _) in text.match_indices([' ']) {
                let at = c.s + i;
                if at < s {
                    continue;
                }
                let rest = norm[at..c.e].trim_start();
                let Some(after) = rest.strip_prefix(['-', '–', '—']) else {
                    continue;
                };
                let next = after.trim_start();
                if !after.starts_with(' ') || body_head(next).is_none() {
                    continue;
                }
                let (a, b) = trim_dashes(&norm[s..at]);
                if a < b {
                    parts.push(Part {
                        s: s + a,
                        e: s + b,
                        head: body_head(&norm[s + a..]),
                        dash: dash.take(),
                    });
                }
                s = c.e - next.len();
            }
            let (a, b) = trim_dashes(&norm[s..c.e]);
            if a < b {
                parts.push(Part {
                    s: s + a,
                    e: s + b,
                    head: body_head(&norm[s + a..]),
                    dash,
                });
            }
        }
        // A gazette page's banner repeats the body (`CHÍNH PHỦ` / `CHÍNH
        // PHỦ`, `BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI` / `BỘ LAO ĐỘNG -
        // THƯƠNG BINH` / `VÀ XÃ HỘI`): read a repeat once.
        for k in 1..parts.len() {
            let text = |ps: &[Part]| ps.iter().map(|p| &norm[p.s..p.e]).collect::<Vec<_>>().join(" ");
            if same_name(&text(&parts[..k]), &text(&parts[k..])) {
                parts.drain(..k);
                break;
            }
        }
        // Bodies: a part continues the body before it unless it opens a
        // body of its own.
        let mut bodies: Vec<Body> = Vec::new();
        for (k, p) in parts.iter().enumerate() {
            let t = &norm[p.s..p.e];
            let opens = k == 0 || (p.head.is_some() && !ends_with_va(&norm[parts[k - 1].s..parts[k - 1].e]));
            match bodies.last_mut() {
                Some(b) if !opens => {
                    b.e = p.e;
                    if let Some(d) = p.dash {
                        b.text.push(' ');
                        b.text.push(d);
                    }
                    b.text.push(' ');
                    b.text.push_str(&fold_ws(t));
                }
                _ => bodies.push(Body {
                    s: p.s,
                    e: p.e,
                    text: fold_ws(t),
                    head: p.head,
                }),
            }
        }
        // The same body twice (a banner over the document's own).
        bodies.dedup_by(|b, a| same_name(&a.text, &b.text));
        bodies
    }

    /// A line made only of a rule (`_____`, `-----`).
    pub(super) fn is_rule(&self, l: usize) -> bool {
        let t = self.text(l);
        !t.is_empty()
            && t.chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '_' | '=' | '~' | '*' | ' '))
    }
}

/// A name cut after `VÀ` carries on on the next line even when that line
/// starts with a body's word (`BỘ VĂN HÓA, THỂ THAO VÀ` / `DU LỊCH`).
fn ends_with_va(prev: &str) -> bool {
    words(prev).last().is_some_and(|(_, w)| fold(w) == "va")
}

/// A name's hyphen printed just after `e` (`BỘ LAO ĐỘNG -` at a line's
/// end, or before the motto beside it).
fn dash_after_at(norm: &str, e: usize) -> Option<char> {
    lone_dash(norm[e..].trim_start_matches([' ', '\t']).chars())
}

/// A name's hyphen printed just before `s` (`- THƯƠNG BINH VÀ XÃ HỘI` at
/// a line's start).
fn dash_before(norm: &str, s: usize) -> Option<char> {
    lone_dash(norm[..s].trim_end_matches([' ', '\t']).chars().rev())
}

/// The dash first in `cs` when one alone (a space or nothing next): a
/// hyphen, not a rule (`-------`).
fn lone_dash(mut cs: impl Iterator<Item = char>) -> Option<char> {
    let d = cs.next().filter(|c| matches!(c, '-' | '–' | '—'))?;
    cs.next().is_none_or(char::is_whitespace).then_some(d)
}

/// Two names the same but for case, spaces and hyphens?
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    key(a) == key(b)
}
