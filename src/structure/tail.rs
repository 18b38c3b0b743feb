//! The tail: `Nơi nhận:` entries and the signature block, which a torn
//! two-column layout interleaves line by line.
//!
//! The signature block is read where it stands: before `Nơi nhận`, beside
//! it (`Nơi nhận: TM. CHÍNH PHỦ`, `- Bộ Tư pháp; KT. THỦ TƯỚNG`), after it,
//! or, without `Nơi nhận`, after the body and before the appendices. It is
//! authority lines (`TM. CHÍNH PHỦ`, `KT. THỦ TƯỚNG`), the position (`PHÓ THỦ
//! TƯỚNG`, `Phó Thủ tướng`) and the signer's name (two to five capitalised
//! words); electronic-signature stamps and page furniture around it are
//! skipped, and a Nơi nhận entry is never read as a signer.

use super::lex::*;
use super::rules::*;
use super::{Parser, TAIL_MAX_LINES};
use crate::model::Signature;
use crate::text::fold_ws;

/// How many lines (not counting blank ones) a signature block may take.
const SIGNATURE_LINES: usize = 14;

/// Words that open a name in a document but never a person's name
/// (lower case, as printed): the name of a body, a heading, a date.
const NOT_NAMES: &[&str] = &[
    "bộ",
    "ban",
    "sở",
    "cục",
    "phòng",
    "vụ",
    "điều",
    "chương",
    "mục",
    "mẫu",
    "phụ",
    "nơi",
    "kính",
    "như",
    "các",
    "tỉnh",
    "thành",
    "huyện",
    "xã",
    "quận",
    "phường",
    "ủy",
    "uỷ",
    "hội",
    "văn",
    "công",
    "nghị",
    "thông",
    "quyết",
    "chỉ",
    "kế",
    "tổ",
    "báo",
    "việt",
    "trung",
    "nhà",
    "ngày",
    "tháng",
    "năm",
    "tại",
    "theo",
    "căn",
    "về",
    "đảng",
    "chính",
    "quốc",
    "tòa",
    "toà",
    "viện",
    "kho",
    "tổng",
    "số",
    "giấy",
    "đơn",
    "bản",
    "phần",
    "chủ",
    "thủ",
    "phó",
    "giám",
    "trưởng",
    "ký",
    "đã",
    "người",
    "cơ",
    "trường",
    "hướng",
    "danh",
    "biểu",
    "thời",
    "địa",
    "nguồn",
    "ghi",
    "đại",
    "thượng",
    "thiếu",
    "đồng",
    "ông",
    "bà",
    "thứ",
    "tiến",
    "thạc",
    "luật",
    "hiến",
    "pháp",
    "đề",
    "dự",
    "cộng",
    "độc",
    "tự",
    "hạnh",
    "xác",
    "trích",
    "nội",
    "lệnh",
];

/// Words that open a heading and never stand inside a person's name.
const HEADINGS: &[&str] = &[
    "Mẫu", "Phụ", "Điều", "Chương", "Mục", "Phần", "Biểu", "Bảng", "Phiếu", "Giấy", "Đơn",
];

/// The military ranks a signer's name may follow, as printed.
const RANKS: [&str; 8] = [
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "ĐẠI TƯỚNG",
    "THƯỢNG TƯỚNG",
    "TRUNG TƯỚNG",
    "THIẾU TƯỚNG",
];

// Rank ::= ("Đại" | "Thượng" | "Trung" | "Thiếu") Sp "tướng"
/// A military rank before a signer's name: its length in bytes.
fn rank(t: &str) -> Option<usize> {
    // Every rank starts with `Th`, `Tr` (either case), `Đạ` or `ĐẠ` (C4 90
    // E1 BA A1 / A0): most lines are settled by their first bytes (`Theo`
    // passes, `Tổ`, `Điều` do not).
    if !matches!(
        t.as_bytes(),
        [b'T', b'h' | b'H' | b'r' | b'R', ..] | [0xC4, 0x90, 0xE1, 0xBA, 0xA0 | 0xA1, ..]
    ) {
        return None;
    }
    RANKS
        .iter()
        .find(|r| t.starts_with(**r) && !t[r.len()..].starts_with(crate::text::is_alnum))
        .map(|r| r.len())
}

/// Can line text `t`, bullets stripped, open with `Nơi nhận`? A byte test
/// that settles most lines before [`bullet_len`] and [`noi_nhan`] are asked:
/// a line that opens with an ASCII letter or digit has no bullet, and of
/// those only `n` and `N` fold to the keyword's `n`; `Đ` and `đ` (C4 90, C4
/// 91) fold to `d`; an empty line holds nothing. Any other line is read.
#[inline]
fn may_open_noi_nhan(t: &str) -> bool {
    match t.as_bytes() {
        [] | [0xC4, 0x90 | 0x91, ..] => false,
        [b, ..] if b.is_ascii_alphanumeric() => b | 0x20 == b'n',
        _ => true,
    }
}

/// Can a signature block start on a line `t`, away from the Nơi nhận list?
/// A byte reading of the first tests of [`Parser::signature_start_read`]:
/// every start opens with an upper-case letter, so an empty line or one
/// that opens with any other ASCII byte is none. After an ASCII capital or
/// `Đ` (C4 90), an ASCII lower-case letter makes no upper-case word
/// (`Theo`, `Điều`): the line is a start only as a name with its `(Đã ký)`
/// or after a military rank, and every rank written so opens with `Th` or
/// `Tr` (`Đại tướng` has no ASCII second letter). Any other line is read.
#[inline]
fn may_start_signature(t: &str) -> bool {
    match t.as_bytes() {
        [] => false,
        [b0, ..] if b0.is_ascii() && !b0.is_ascii_uppercase() => false,
        [b0, b1, ..] if b0.is_ascii_uppercase() && b1.is_ascii_lowercase() => {
            (*b0 == b'T' && matches!(b1, b'h' | b'r')) || t.ends_with("ký)")
        }
        [0xC4, 0x90, b2, ..] if b2.is_ascii_lowercase() => t.ends_with("ký)"),
        _ => true,
    }
}

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Nơi nhận and the signature: returns the first line of the tail (the
    /// end of the body), if there is a tail.
    pub(super) fn tail(&mut self, body_start: usize) -> Option<usize> {
        let n = self.lines.len();
        let nn = (body_start..n).find(|&l| {
            let t = self.text(l);
            may_open_noi_nhan(t) && !self.is_footnote_line(l) && noi_nhan(&t[bullet_len(t)..]).is_some()
        });
        // The signature: the first block with a signer's name after the
        // body start (before Nơi nhận, beside it, or up to a few dozen lines
        // after it); else the first with an authority line.
        let to = nn.map_or(n, |k| n.min(k + 40));
        let mut found: Option<(usize, Signature)> = None;
        let mut without_name: Option<(usize, Signature)> = None;
        for l in body_start..to {
            if !self.signature_start(l, nn.is_some_and(|k| l >= k && l < k + 40)) {
                continue;
            }
            match self.read_signature(l, self.block_end(l)) {
                Some(sig) if sig.signer.is_some() => {
                    found = Some((l, sig));
                    break;
                }
                // The one nearest Nơi nhận, when there is one.
                Some(sig)
                    if !sig.authority.is_empty() && (without_name.is_none() || nn.is_some_and(|k| l + 15 >= k)) =>
                {
                    without_name = Some((l, sig));
                }
                _ => {}
            }
        }
        // A name under Nơi nhận with no authority or position printed.
        let found = found.or(without_name).or_else(|| {
            let k = nn?;
            let sig = self.read_signature(k, self.block_end(k))?;
            sig.signer.is_some().then_some((k, sig))
        });
        // A Nơi nhận far after the signature is an appendix form's.
        let nn = nn.filter(|&k| found.as_ref().is_none_or(|(l, _)| k < l + 40));
        let start = match (nn, &found) {
            (Some(k), Some((l, _))) => k.min(*l),
            (Some(k), None) => k,
            (None, Some((l, _))) => *l,
            (None, None) => return None,
        };
        if let Some(k) = nn {
            self.distribution(k, n.min(start.max(k) + TAIL_MAX_LINES));
        }
        if let Some((_, sig)) = found {
            self.doc.signature = Some(sig);
        }
        Some(start)
    }

    /// The part of line `l` that may hold a signature: the whole line; the
    /// text after `Nơi nhận:`; after the last `;` of a Nơi nhận entry (a torn
    /// two-column layout). `None` for a footnote, page furniture, or an
    /// entry with nothing after it.
    fn signature_part(&self, l: usize) -> Option<(usize, usize)> {
        let ln = self.lines[l];
        if ln.is_blank() || self.is_footnote_line(l) || self.is_furniture(l) {
            return None;
        }
        let t = self.text(l);
        let unb = bullet_len(t);
        if let Some(k) = noi_nhan(&t[unb..]) {
            let s = ln.s + unb + k;
            return (s < ln.e).then_some((s, ln.e));
        }
        if has_bullet(t) {
            let k = t.rfind(';')? + 1;
            let rest = &t[k..];
            let s = ln.s + k + (rest.len() - rest.trim_start().len());
            return (s < ln.e).then_some((s, ln.e));
        }
        Some((ln.s, ln.e))
    }

    /// Can a signature block start on line `l`? An authority line (`TM.`,
    /// `KT.`...), a position in capitals (`CHỦ TỊCH QUỐC HỘI`, `BỘ TRƯỞNG`),
    /// or a consolidated text's `XÁC THỰC VĂN BẢN HỢP NHẤT`; beside a Nơi
    /// nhận entry only in the Nơi nhận list (`near_list`).
    ///
    /// Asked of every line after the header: away from the list, most are
    /// settled by their first bytes ([`may_start_signature`]) without a call.
    #[inline]
    fn signature_start(&self, l: usize, near_list: bool) -> bool {
        (near_list || may_start_signature(self.text(l))) && self.signature_start_read(l, near_list)
    }

    /// [`Self::signature_start`] past its first-byte test.
    #[inline(never)]
    fn signature_start_read(&self, l: usize, near_list: bool) -> bool {
        // Every start opens with an upper-case word (`TM.`, `T/M`, `BỘ`):
        // most lines of prose are settled by their first two characters.
        // Outside the Nơi nhận list, a line that opens with an ASCII byte
        // other than a capital (`a)`, `1.`, `-`, a lower-case word) is
        // settled by that byte: it is neither upper case nor a name.
        let t0 = self.text(l).as_bytes();
        if !near_list && t0.first().is_some_and(|&b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return false;
        }
        let mut cs = self.text(l).chars();
        let (Some(c0), c1) = (cs.next(), cs.next()) else {
            return false;
        };
        let upper_word = c0.is_uppercase() && c1.is_some_and(|c| c.is_uppercase() || matches!(c, '.' | '/' | ' '));
        // A name alone with its `(Đã ký)` (`Nguyễn Văn An (Đã ký)`), or after
        // a military rank (`Đại tướng Lương Tam Quang`).
        let named = c0.is_uppercase() && !upper_word && {
            let t = self.text(l);
            let signed = t.ends_with("ký)") && kw_at(t.rsplit('(').next().unwrap_or(""), "da ky").is_some();
            let ranked = rank(t);
            (signed || ranked.is_some()) && {
                let ws = words(t);
                let from = ranked.map_or(0, |k| ws.iter().position(|&(o, _)| o >= k).unwrap_or(ws.len()));
                name_run(&ws, from).is_some()
            }
        };
        if named {
            return !self.is_footnote_line(l);
        }
        let in_list = near_list && (has_bullet(self.text(l)) || c0 == 'N');
        if !upper_word && !in_list {
            return false;
        }
        let t = if in_list {
            let Some((s, e)) = self.signature_part(l) else {
                return false;
            };
            &self.norm[s..e]
        } else {
            self.text(l)
        };
        // (A footnote or page furniture is no start: checked last, rarely.)
        let start = |p: &Self| !p.is_footnote_line(l) && !p.is_furniture(l);
        if authority_prefix(t.split_whitespace().next().unwrap_or("")).is_some() {
            // The first 24 bytes, cut on a char boundary.
            let cut = (0..=t.len().min(24))
                .rev()
                .find(|&i| t.is_char_boundary(i))
                .unwrap_or(0);
            return is_upper_text(&t[..cut]) && start(self);
        }
        // A position in capitals, perhaps with the name after it on the
        // same line (`CHỦ TỊCH QUỐC HỘI Nguyễn Phú Trọng`).
        let mut run = 0;
        for w in t.split_whitespace() {
            if run >= 100 || !is_upper_text(w) {
                break;
            }
            run = w.as_ptr() as usize - t.as_ptr() as usize + w.len();
        }
        ((run > 0 && run < 100 && position_at(&t[..run])) || xac_thuc(t)) && start(self)
    }

    /// The end of a signature block that starts on line `start`: after at
    /// most [`SIGNATURE_LINES`] lines that are not blank.
    pub(super) fn block_end(&self, start: usize) -> usize {
        let mut seen = 0;
        for l in start..self.lines.len() {
            if !self.lines[l].is_blank() {
                seen += 1;
                if seen > SIGNATURE_LINES {
                    return l;
                }
            }
        }
        self.lines.len()
    }

    /// Nơi nhận entries; signature lines interleaved with them are skipped.
    pub(super) fn distribution(&mut self, nl: usize, end: usize) {
        let line = self.lines[nl];
        let t = self.text(nl);
        let unb = bullet_len(t);
        let after = line.s + unb + noi_nhan(&t[unb..]).unwrap_or(0);
        let mut done = false;
        if after < line.e && !self.signature_start(nl, true) {
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
            if ln.is_blank() || self.is_footnote_line(l) || self.is_furniture(l) {
                l += 1;
                continue;
            }
            let t = self.text(l);
            if has_bullet(t) {
                // A signature line beside the entry (a torn layout) is not
                // part of it.
                let e = match self.signature_part(l) {
                    Some((s, _)) if s > ln.s && self.signature_start(l, true) => s,
                    _ => ln.e,
                };
                done = self.push_entry(ln.s, e);
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

    /// The rest of line `l` after `XÁC THỰC VĂN BẢN HỢP NHẤT`, if it holds it.
    fn after_authentication(&self, l: usize) -> Option<(usize, usize)> {
        let line = self.lines[l];
        let (_, e) = find_kw(self.text(l), "xac thuc van ban hop nhat")?;
        let rest = self.norm[line.s + e..line.e].trim_start();
        Some((line.e - rest.len(), line.e))
    }

    pub(super) fn is_signature_line(&self, t: &str) -> bool {
        authority_prefix(t.split_whitespace().next().unwrap_or("")).is_some()
            || kw_at(t.trim_start_matches('('), "da ky").is_some()
    }

    /// Read the signature block in lines `start..end`, if there is one.
    pub(super) fn read_signature(&self, start: usize, end: usize) -> Option<Signature> {
        let mut sig = Signature::default();
        let mut first: Option<usize> = None;
        let mut last: usize = 0;
        let norm = self.norm;
        // An upper-case line after the authority that is not a known
        // position: the authority's second line, or the position.
        let mut pending: Option<String> = None;
        // An authority prefix alone at the end of its line.
        let mut dangling = false;
        let mut signer_line = start;
        'lines: for l in start..end {
            // `XÁC THỰC VĂN BẢN HỢP NHẤT CHỦ NHIỆM Bùi Văn Cường`: a
            // consolidated text's authentication, then its signer, wherever
            // the line starts (glued to a footnote mark at times).
            let authentication = if l == start { self.after_authentication(l) } else { None };
            let Some((ls, le)) = authentication.or_else(|| self.signature_part(l)) else {
                continue;
            };
            let t = &norm[ls..le];
            if l > start && t.len() > 200 && !self.is_signature_line(t) && !dangling {
                break;
            }
            // A Nơi nhận entry broken over lines (`Bộ Tư pháp;`).
            if t.ends_with([';', ',']) && !is_upper_text(t) {
                continue;
            }
            let base = ls;
            let ws = words(t);
            let mut i = 0;
            if dangling {
                // `TM.` ⏎ `CHÍNH PHỦ KT. THỦ TƯỚNG …`: the body named on the
                // next line.
                dangling = false;
                let mut j = 0;
                while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                    j += 1;
                }
                if let (true, Some(a)) = (j > 0, sig.authority.last_mut()) {
                    let e = base + ws[j - 1].0 + ws[j - 1].1.len();
                    a.push(' ');
                    a.push_str(&fold_ws(&norm[base + ws[0].0..e]));
                    last = e;
                    i = j;
                }
            }
            while i < ws.len() {
                let (wo, w) = ws[i];
                let abs = base + wo;
                if authority_prefix(w).is_some() {
                    // `KT.CHỦ TỊCH`: the first word may be glued to the prefix.
                    // Authority: the prefix and the upper-case words after it.
                    let mut j = i + 1;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = base + ws[j - 1].0 + ws[j - 1].1.len();
                    let a = fold_ws(&norm[abs..e]);
                    dangling = j == i + 1 && j == ws.len() && authority_prefix(w) == Some(w.len());
                    sig.authority.push(a.trim_end_matches([',', ';', ':']).to_string());
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
                    last = last.max(base + ws[i + 1].0 + ws[i + 1].1.len());
                    i += 2;
                    continue;
                }
                if is_upper_text(w) && sig.signer.is_none() {
                    let mut j = i;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = base + ws[j - 1].0 + ws[j - 1].1.len();
                    let run = fold_ws(norm[abs..e].trim_end_matches([',', ';', ':', ']', ')', '.']));
                    if sig.position.is_none() {
                        if position_at(&run) {
                            // An upper-case line between the authority and the
                            // position carries on the authority (`KT. CHỦ
                            // TỊCH` ⏎ `ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC`).
                            if let (Some(c), Some(a)) = (pending.take(), sig.authority.last_mut()) {
                                a.push(' ');
                                a.push_str(&c);
                            }
                            sig.position = Some(run);
                            first.get_or_insert(abs);
                            last = e;
                        } else if !sig.authority.is_empty() && pending.is_none() {
                            pending = Some(run);
                            first.get_or_insert(abs);
                            last = e;
                        }
                    }
                    i = j;
                    continue;
                }
                if let Some(k) = rank(&t[wo..]) {
                    // `Đại tướng Lương Tam Quang`: the rank is not the name.
                    i = ws.iter().position(|&(o, _)| o >= wo + k).unwrap_or(ws.len());
                    continue;
                }
                if let Some(j) = name_run(&ws, i) {
                    // A position in mixed case before the name on its line
                    // (`Phó Thủ tướng Phạm Gia Túc`) was read above.
                    let e = base + ws[j - 1].0 + ws[j - 1].1.len();
                    sig.signer = Some(fold_ws(&norm[abs..e]));
                    first.get_or_insert(abs);
                    last = e;
                    signer_line = l;
                    break 'lines;
                }
                if sig.position.is_none()
                    && !sig.authority.is_empty()
                    && i == 0
                    && position_at(t)
                    && t.len() < 80
                    && !t.contains([',', ';'])
                {
                    // `KT. THỦ TƯỚNG` ⏎ `Phó Thủ tướng`: the position in
                    // mixed case, up to a name on the same line.
                    let k = (1..ws.len()).find(|&k| name_run(&ws, k).is_some_and(|j| j == ws.len()));
                    let e = base + k.map_or(t.trim_end().len(), |k| ws[k - 1].0 + ws[k - 1].1.len());
                    sig.position = Some(fold_ws(&norm[abs..e]));
                    first.get_or_insert(abs);
                    last = e;
                    i = k.unwrap_or(ws.len());
                    continue;
                }
                // Anything else (`Vy-93`, purpose notes, a title before the
                // name): not part of the block.
                if (sig.authority.is_empty() && sig.position.is_none()) || t.len() > 80 {
                    break;
                }
                i += 1;
            }
        }
        if sig.position.is_none() {
            sig.position = pending;
        }
        if sig.position.is_none() && sig.signer.is_some() {
            // A copy that prints the position under the name (`Đại tướng
            // Lương Tam Quang` ⏎ `Bộ trưởng Bộ Công an`).
            let next = (signer_line + 1..end).find(|&l| !self.lines[l].is_blank() && !self.is_furniture(l));
            if let Some(l) = next {
                let t = self.text(l);
                if position_at(t) && t.len() < 80 && !t.contains([';', ',']) {
                    sig.position = Some(fold_ws(t));
                    last = self.lines[l].e;
                }
            }
        }
        // `TM. CHÍNH PHỦ THỦ TƯỚNG` on one line: the position is the last
        // words of the last authority.
        if sig.position.is_none() {
            if let Some(a) = sig.authority.last_mut() {
                let ws = words(a);
                // After a comma only a deputy's position (`KT. THỦ TƯỚNG, PHÓ
                // THỦ TƯỚNG`): `KT. BỘ TRƯỞNG, CHỦ NHIỆM` is one title.
                let deputy = |t: &str| kw_at(t, "pho").is_some() || kw_at(t, "thu truong").is_some();
                let split = (2..ws.len()).find(|&k| {
                    let at = &a[ws[k].0..];
                    position_at(at) && (!ws[k - 1].1.ends_with(',') || deputy(at))
                });
                if let Some(cut) = split.map(|k| ws[k].0) {
                    sig.position = Some(a[cut..].to_string());
                    a.truncate(cut);
                    let trimmed = a.trim_end().trim_end_matches(',').len();
                    a.truncate(trimmed);
                }
            }
        }
        if sig.authority.is_empty() && sig.position.is_none() && sig.signer.is_none() {
            return None;
        }
        if let Some(f) = first {
            sig.span = Some(self.span(f, last.max(f)));
        }
        Some(sig)
    }
}

/// The signer's name starting at word `i`: two to five capitalised words
/// (`Phạm Minh Chính`), not the name of a body or a heading (`Bộ Tư pháp`,
/// `Phụ lục`), and not the first words of a phrase (a capitalised word
/// followed by a lower-case one belongs to what follows: `Trần Hồng Hà Phụ
/// lục` is `Trần Hồng Hà`). Returns the end word index.
fn name_run(ws: &[(usize, &str)], i: usize) -> Option<usize> {
    // Not from inside a longer run of capitalised words.
    if i > 0 && is_name_word(ws[i - 1].1) {
        return None;
    }
    let mut j = i;
    while j < ws.len() && is_name_word(ws[j].1) && j - i < 6 {
        j += 1;
    }
    if j == i {
        return None;
    }
    if j < ws.len() && ws[j].1.starts_with(char::is_lowercase) {
        j -= 1;
    } else if j < ws.len() && is_name_word(ws[j].1) {
        return None;
    }
    // A heading glued after the name (`Nguyễn Hữu Chí Mẫu Quyết định số …`).
    if let Some(k) = (i + 2..j).find(|&k| HEADINGS.contains(&ws[k].1)) {
        j = k;
    }
    if !(2..=5).contains(&(j.saturating_sub(i))) {
        return None;
    }
    let first = ws[i].1.to_lowercase();
    if NOT_NAMES.contains(&first.as_str()) {
        return None;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<String> {
        let ws = words(line);
        (0..ws.len()).find_map(|i| name_run(&ws, i).map(|j| line[ws[i].0..ws[j - 1].0 + ws[j - 1].1.len()].to_string()))
    }

    #[test]
    fn ok_name_run() {
        assert_eq!(name("Phạm Minh Chính").as_deref(), Some("Phạm Minh Chính"));
        assert_eq!(name("Trần Hồng Hà Phụ lục (Kèm theo)").as_deref(), Some("Trần Hồng Hà"));
        assert_eq!(
            name("Nguyễn Thị Thanh Trà PHỤ LỤC").as_deref(),
            Some("Nguyễn Thị Thanh Trà")
        );
        assert_eq!(name("Bộ Tư pháp;"), None);
        assert_eq!(name("Ban Bí thư Trung ương Đảng"), None);
        assert_eq!(name("Phó Thủ tướng"), None);
        assert_eq!(name("Số Giấy phép"), None);
        assert_eq!(name("Lê"), None);
        assert_eq!(name("Một Hai Ba Bốn Năm Sáu"), None);
    }

    /// The byte tests that settle most lines of the tail pass pass every
    /// line the full readings take: [`may_open_noi_nhan`] every line that
    /// opens with `Nơi nhận` after its bullets, [`may_start_signature`]
    /// every line where a signature block may start away from the list.
    /// On edge cases, every line of the fixtures and of every eighth text
    /// of the corpus, normalized.
    #[test]
    fn ok_tail_byte_tests_pass_what_the_readings_take() {
        let edges = [
            "Nơi nhận:",
            "- Nơi nhận: Như trên",
            "NƠI NHẬN:",
            "Noi nhan:",
            "nơi nhận",
            "Ñơi nhận:",
            "Đơn vị",
            "đơn",
            "Nguyễn Văn An (Đã ký)",
            "Đinh Văn An (Đã ký)",
            "Thượng tướng Nguyễn Văn Bình",
            "Trung tướng Lê Văn Cường",
            "Thiếu tướng Lê Văn Cường",
            "Đại tướng Lương Tam Quang",
            "TM. ỦY BAN NHÂN DÂN",
            "T/M BAN CHẤP HÀNH",
            "Q. GIÁM ĐỐC",
            "CHỦ TỊCH",
            "XÁC THỰC VĂN BẢN HỢP NHẤT",
            "Theo đề nghị",
            "Điều 1.",
            "",
        ]
        .join("\n");
        let mut texts = vec![edges];
        texts.extend(crate::test_texts::sampled(8));
        let (mut lists, mut starts) = (0, 0);
        for text in &texts {
            let norm = crate::normalize::normalize(text);
            let ctx = crate::text::Ctx::new(text, norm.text(), norm.map());
            let mut doc = crate::model::Document::default();
            let p = Parser {
                ctx: &ctx,
                norm: ctx.norm,
                lines: super::super::split_lines(ctx.norm, &ctx.lines, Vec::new()),
                doc: &mut doc,
                footnote_lines: Vec::new(),
                authentications: Vec::new(),
            };
            for l in 0..p.lines.len() {
                let t = p.text(l);
                let list = noi_nhan(&t[bullet_len(t)..]).is_some();
                assert!(may_open_noi_nhan(t) || !list, "{t:?}");
                lists += usize::from(list);
                let start = p.signature_start_read(l, false);
                assert!(may_start_signature(t) || !start, "{t:?}");
                starts += usize::from(start);
            }
        }
        assert!(lists >= 8 && starts >= 20, "lists {lists}, starts {starts}");
    }

    /// `rank`, settled by its first bytes, reads every line as the plain
    /// search over the ranks does: edge cases, the fixtures and every fifth
    /// line of the corpus.
    #[test]
    fn ok_rank_same_as_plain() {
        let plain = |t: &str| {
            RANKS
                .iter()
                .find(|r| t.starts_with(**r) && !t[r.len()..].starts_with(crate::text::is_alnum))
                .map(|r| r.len())
        };
        let mut lines: Vec<String> = RANKS.iter().map(|r| format!("{r} Lương Tam Quang")).collect();
        lines.extend(RANKS.iter().map(|r| r.to_string()));
        lines.extend(RANKS.iter().map(|r| format!("{r}x")));
        lines.extend(["Điều 1", "Đại hội", "Thủ tướng", "Theo", "TRƯỞNG BAN", "T", "Đ", ""].map(String::from));
        for (_, text) in crate::test_texts::texts() {
            // (As read, not normalized: normalizing the corpus is slow in a
            // debug build, and any line is a fair test.)
            lines.extend(text.lines().step_by(5).map(|l| l.trim().to_string()));
        }
        let mut found = 0;
        for l in &lines {
            assert_eq!(rank(l), plain(l), "{l:?}");
            found += usize::from(rank(l).is_some());
        }
        assert!(found >= 8, "ranks are found: {found}");
    }
}
