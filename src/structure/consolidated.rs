//! A consolidated text (Văn bản hợp nhất) prints its own number, date and
//! signer in the authentication block at the end, after the last article:
//!
//! ```text
//! BỘ TÀI CHÍNH
//! Số: 06/VBHN-BTC
//! XÁC THỰC VĂN BẢN HỢP NHẤT
//! Hà Nội, ngày 10 tháng 4 năm 2026
//! KT. BỘ TRƯỞNG
//! THỨ TRƯỞNG
//! Cao Anh Tuấn
//! ```
//!
//! Its top reprints the base document's type and title (and sometimes its
//! header): the block's number, date, issuer and signature are the
//! document's own, whatever the top printed.

use super::issuer::Cand;
use super::lex::*;
use super::rules::*;
use super::subject::cites_at_start;
use super::{Header, Parser};

/// How far (lines that are not blank) the parts of the block stand from
/// `XÁC THỰC VĂN BẢN HỢP NHẤT`.
const BEFORE: usize = 6;
const AFTER: usize = 6;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Read the authentication block of a consolidated text, if there is
    /// one; a text whose own symbol is a `…/VBHN-…` one, or whose title is
    /// followed by its base document and what amended it, is a consolidated
    /// text too.
    pub(super) fn consolidated(&mut self, h: &Header) {
        let symbol_says = self.doc.symbol.as_ref().and_then(|s| s.type_code()) == Some("VBHN");
        let Some(x) = self.authentication_line() else {
            if symbol_says || self.base_named(h) {
                self.doc.doc_type = Some("Văn bản hợp nhất".to_string());
            }
            return;
        };
        self.doc.doc_type = Some("Văn bản hợp nhất".to_string());
        let n = self.lines.len();
        let part = |p: &Self, l: usize| !p.lines[l].is_blank() && !p.is_furniture(l) && !p.is_rule(l);
        let mut before: Vec<usize> = (0..x).rev().filter(|&l| part(self, l)).take(BEFORE).collect();
        before.reverse();
        let after: Vec<usize> = (x + 1..n).filter(|&l| part(self, l)).take(AFTER).collect();
        // The number: `Số: 06/VBHN-BTC`, just before or after.
        let mut sym_line = None;
        for &l in before.iter().rev().chain(after.iter()) {
            let t = self.text(l);
            if let Some(k) = symbol_intro(t) {
                let line = self.lines[l];
                if line.s + k < line.e && self.read_symbol(line.s + k, line.e, true).is_some() {
                    sym_line = Some(l);
                }
                break;
            }
        }
        // The place and date.
        for &l in before.iter().rev().chain(after.iter()) {
            let line = self.lines[l];
            if starts_with_place_date(self.text(l)) && self.read_place_date(line.s, line.e).is_some() {
                break;
            }
        }
        // The issuer: the upper-case lines right above the number (or above
        // `XÁC THỰC…` when the number comes after it).
        let top = sym_line.filter(|&l| l < x).unwrap_or(x);
        let mut cands: Vec<Cand> = Vec::new();
        for &l in before.iter().rev().skip_while(|&&l| l >= top) {
            let t = self.text(l);
            if !is_upper_text(t) || symbol_intro(t).is_some() || xac_thuc(t) {
                break;
            }
            let line = self.lines[l];
            let (a, b) = trim_dashes(t);
            if a < b {
                cands.push(Cand {
                    s: line.s + a,
                    e: line.s + b,
                    line: l,
                });
            }
        }
        if !cands.is_empty() {
            cands.reverse();
            self.doc.issuer = None;
            self.doc.issuer_parent = None;
            self.doc.issuers.clear();
            self.doc.spans.issuer = None;
            self.doc.spans.issuer_parent = None;
            self.set_issuer(&cands);
        }
        // The signer: the block's own signature.
        if let Some(sig) = self.read_signature(x, self.block_end(x)) {
            self.doc.signature = Some(sig);
        }
    }

    /// Does the text under the title name the base document and what
    /// amended it (`Luật … số 84/2015/QH13 ngày …, có hiệu lực …, được sửa
    /// đổi, bổ sung bởi: …`), as a consolidated text does when its
    /// authentication block is not in the text (an instalment cut short)?
    fn base_named(&self, h: &Header) -> bool {
        let Some(last) = h.last_line.filter(|_| self.doc.subject.is_some()) else {
            return false;
        };
        // The paragraph under the title, up to `Căn cứ`.
        let next: Vec<&str> = (last + 1..self.lines.len())
            .filter(|&l| !self.lines[l].is_blank() && !self.is_furniture(l))
            .take(8)
            .map(|l| self.text(l))
            .take_while(|t| kw_at(t, "can cu").is_none())
            .collect();
        let says = |kw: &str| next.iter().any(|t| find_kw(t, kw).is_some());
        next.first().is_some_and(|t| cites_at_start(t)) && says("co hieu luc") && says("bo sung boi")
    }

    /// The line of `XÁC THỰC VĂN BẢN HỢP NHẤT` (the last one, outside
    /// footnotes).
    fn authentication_line(&self) -> Option<usize> {
        // Where the footnote pass found it (over the rare `X`: the capital
        // opens both spellings).
        self.authentications
            .iter()
            .map(|&at| self.lines.partition_point(|ln| ln.e < at))
            .rfind(|&l| l < self.lines.len())
    }
}

/// Does `rest` open with `XÁC THỰC VĂN BẢN HỢP NHẤT`, in capitals or not?
pub(super) fn authentication_at(rest: &str) -> bool {
    rest.starts_with("XÁC THỰC VĂN BẢN HỢP NHẤT") || rest.starts_with("Xác thực văn bản hợp nhất")
}
