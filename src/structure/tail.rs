//! The tail: `Nơi nhận:` entries and the signature block, which a torn
//! two-column layout interleaves line by line.

use super::lex::*;
use super::rules::*;
use super::{Parser, TAIL_MAX_LINES};
use crate::model::Signature;
use crate::text::fold_ws;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Nơi nhận and the signature: returns the first line of the tail (the
    /// end of the body), if there is a tail.
    pub(super) fn tail(&mut self, body_start: usize) -> Option<usize> {
        let n = self.lines.len();
        let nn = (body_start..n).find(|&l| {
            let t = self.text(l);
            noi_nhan(&t[bullet_len(t)..]).is_some()
        });
        let mut start = nn;
        // A signature printed before Nơi nhận, or without Nơi nhận.
        let first_auth = |p: &Self, from: usize, to: usize| {
            (from..to).find(|&l| {
                let t = p.text(l);
                !p.is_footnote_line(l) && authority_prefix(t).is_some() && {
                    // The first 24 bytes, cut on a char boundary.
                    let cut = (0..=t.len().min(24))
                        .rev()
                        .find(|&i| t.is_char_boundary(i))
                        .unwrap_or(0);
                    is_upper_text(&t[..cut])
                }
            })
        };
        match nn {
            Some(l) => {
                if let Some(a) = first_auth(self, l.saturating_sub(12).max(body_start), l) {
                    start = Some(a);
                }
            }
            None => start = first_auth(self, body_start, n),
        }
        let start = start?;
        let end = (start + TAIL_MAX_LINES).min(n);
        if let Some(l) = nn {
            self.distribution(l, end);
        }
        self.signature(start, end);
        Some(start)
    }

    /// Nơi nhận entries; signature lines interleaved with them are skipped.
    pub(super) fn distribution(&mut self, nl: usize, end: usize) {
        let line = self.lines[nl];
        let t = self.text(nl);
        let unb = bullet_len(t);
        let after = line.s + unb + noi_nhan(&t[unb..]).unwrap_or(0);
        let mut done = false;
        if after < line.e {
            // Entries on the same line: `Nơi nhận: - Như trên; - Lưu: VT.`
            let rest = &self.norm[after..line.e];
            let mut s = 0;
            for (i, _) in rest.match_indices("- ") {
                if i > s && (i == 0 || rest[..i].ends_with([' ', ';', ','])) {
                    done |= self.push_entry(after + s, after + i);
                    s = i;
                }
            }
            done |= self.push_entry(after + s, line.e);
        }
        let mut l = nl + 1;
        while l < end && !done {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_footnote_line(l) {
                l += 1;
                continue;
            }
            let t = self.text(l);
            if has_bullet(t) {
                done = self.push_entry(ln.s, ln.e);
            } else if !(self.is_signature_line(t) || (is_upper_text(t) && t.len() < 100)) {
                break;
            }
            l += 1;
        }
    }

    /// Push one entry; `true` when it was the last (`Lưu ...`).
    pub(super) fn push_entry(&mut self, s: usize, e: usize) -> bool {
        let (a, b) = clean_entry(&self.norm[s..e]);
        if a >= b {
            return false;
        }
        let text = fold_ws(&self.norm[s + a..s + b]);
        let last = kw_at(&text, "luu").is_some();
        self.doc.distribution.push(text);
        let span = self.span(s + a, s + b);
        self.doc.spans.distribution.push(span);
        last
    }

    pub(super) fn is_signature_line(&self, t: &str) -> bool {
        authority_prefix(t).is_some() || kw_at(t.trim_start_matches('('), "da ky").is_some()
    }

    /// The signature block in lines `start..end`.
    pub(super) fn signature(&mut self, start: usize, end: usize) {
        let mut sig = Signature::default();
        let mut first: Option<usize> = None;
        let mut last: usize = 0;
        let norm = self.norm;
        'lines: for l in start..end {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_footnote_line(l) {
                continue;
            }
            let t = self.text(l);
            if has_bullet(t) || noi_nhan(t).is_some() {
                continue;
            }
            if l > start && t.len() > 200 && authority_prefix(t).is_none() {
                break;
            }
            let ws = words(t);
            let mut i = 0;
            while i < ws.len() {
                let (wo, w) = ws[i];
                let abs = ln.s + wo;
                if authority_prefix(w).is_some() {
                    // `KT.CHỦ TỊCH`: the first word may be glued to the prefix.
                    // Authority: the prefix and the upper-case words after it.
                    let mut j = i + 1;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                    sig.authority.push(fold_ws(&norm[abs..e]));
                    first.get_or_insert(abs);
                    last = e;
                    i = j;
                    continue;
                }
                if kw_at(w.trim_start_matches('('), "da").is_some()
                    && i + 1 < ws.len()
                    && kw_at(ws[i + 1].1, "ky").is_some()
                {
                    sig.signed_mark = true;
                    last = last.max(ln.s + ws[i + 1].0 + ws[i + 1].1.len());
                    i += 2;
                    continue;
                }
                if is_upper_text(w) && sig.signer.is_none() {
                    let mut j = i;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                    if sig.position.is_none() && (position_at(&norm[abs..e]) || !sig.authority.is_empty()) {
                        sig.position = Some(fold_ws(&norm[abs..e]));
                        first.get_or_insert(abs);
                        last = e;
                    }
                    i = j;
                    continue;
                }
                if is_name_word(w) {
                    let mut j = i;
                    while j < ws.len() && is_name_word(ws[j].1) && j - i < 6 {
                        j += 1;
                    }
                    if j - i >= 2 && (j == ws.len() || !is_name_word(ws[j].1)) {
                        let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                        sig.signer = Some(fold_ws(&norm[abs..e]));
                        first.get_or_insert(abs);
                        last = e;
                        break 'lines;
                    }
                }
                // Anything else (`Vy-93`, purpose notes): not part of the block.
                break;
            }
        }
        // `TM. CHÍNH PHỦ THỦ TƯỚNG` on one line: the position is the last
        // words of the last authority.
        if sig.position.is_none() {
            if let Some(a) = sig.authority.last_mut() {
                let ws = words(a);
                if let Some(&(cut, _)) = ws.iter().skip(2).find(|(o, _)| position_at(&a[*o..])) {
                    sig.position = Some(a[cut..].to_string());
                    a.truncate(cut);
                    let trimmed = a.trim_end().len();
                    a.truncate(trimmed);
                }
            }
        }
        if sig.authority.is_empty() && sig.position.is_none() && sig.signer.is_none() {
            return;
        }
        if let Some(f) = first {
            sig.span = Some(self.span(f, last.max(f)));
        }
        self.doc.signature = Some(sig);
    }
}
