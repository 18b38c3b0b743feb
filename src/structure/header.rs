//! The header pass: the header window, issuing body, national or Party
//! header, số ký hiệu, place and date, type and subject, marks, and the
//! `Kính gửi` recipients.

use super::issuer::Cand;
use super::lex::*;
use super::rules::*;
use super::{Header, Parser, HEADER_MAX_LINES, PROSE_LEN};
use crate::date::{date_text, RawDate};
use crate::model::{Family, Severity};
use crate::symbol::symbol;
use crate::text::fold_ws;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Does line `l` hold a header anchor other than the motto: a `Số:`
    /// line, a `<Place>, ngày` line or `Kính gửi`? (The national or Party
    /// header is the other anchor: [`Self::motto_line`]; the header window
    /// looks for it first, over the same lines, and asks this only where it
    /// found none.)
    pub(super) fn is_anchor(&self, l: usize) -> bool {
        let t = self.text(l);
        let unb = &t[bullet_len(t)..];
        symbol_intro(t).is_some_and(|n| n == t.len() || symbol(&t[n..]).is_ok())
            || kinh_gui(unb).is_some()
            || starts_with_place_date(t)
    }

    /// The motto on line `l` (also in a table's cell).
    fn motto_line(&self, l: usize) -> bool {
        motto_anchor(self.text(l)) || self.in_cells(l, motto_anchor)
    }

    /// Does `rule` hold for a cell of a header printed as a Markdown table
    /// (`| **CHÍNH PHỦ**<br>Số: 211/2026/NĐ-CP | **CỘNG HÒA …**<br>… |`)?
    fn in_cells(&self, l: usize, rule: impl Fn(&str) -> bool) -> bool {
        let t = self.text(l);
        t.starts_with('|')
            && segments(self.norm, self.lines[l])
                .into_iter()
                .any(|(s, e)| rule(&self.norm[s..e]))
    }

    /// The header window `start..end`. The national or Party motto marks
    /// the document's own header: the window starts at the block of lines
    /// it stands in (the issuer's lines, `Số:`), so that a copy's title,
    /// information table or summary before it is not read as the header.
    /// Without a motto near the top, the window starts at the top, or at the
    /// first anchor further down. Also returns where a window from the top
    /// would end ([`Self::header_end`] of line 0), for [`Self::title_above`].
    pub(super) fn header_window(&self) -> (usize, usize, usize) {
        let end = self.header_end(0);
        let motto_in = |from: usize, to: usize| (from..to).find(|&l| self.motto_line(l));
        if let Some(m) = motto_in(0, end) {
            let s = self.walk_back(m);
            return (s, self.header_end(s).max(m + 1), end);
        }
        // No motto in `0..end`: the other anchors there.
        if (0..end).any(|l| self.is_anchor(l)) {
            return (0, end, end);
        }
        let max = self.lines.len().min(end + HEADER_MAX_LINES);
        // (`or_else` runs only when `end..max` has no motto either.)
        match motto_in(end, max).or_else(|| (end..max).find(|&l| self.is_anchor(l))) {
            Some(a) => {
                let s = self.walk_back(a).max(end);
                (s, self.header_end(s).max(a + 1), end)
            }
            None => (0, end, end),
        }
    }

    /// From the anchor on line `a`, back over the lines of the same header
    /// block: the issuer's lines, `Số:`, rules, a Party letter's summary.
    /// A Markdown heading, a section label, a table row, `Căn cứ` or a long
    /// line is outside it.
    fn walk_back(&self, a: usize) -> usize {
        let mut start = a;
        let mut seen = 0;
        let mut l = a;
        while l > 0 && seen < 8 {
            l -= 1;
            if self.lines[l].is_blank() || self.is_furniture(l) || self.is_rule(l) {
                continue;
            }
            let t = self.text(l);
            if self.is_heading(l) && !names_body(t) {
                break;
            }
            seen += 1;
            if is_upper_text(t) || symbol_intro(t).is_some() {
                start = l;
                continue;
            }
            if t.len() < 160 && section_label(t).is_none() && !t.starts_with('|') && kw_at(t, "can cu").is_none() {
                continue;
            }
            break;
        }
        start
    }

    /// The header window: where does it end?
    pub(super) fn header_end(&self, from: usize) -> usize {
        let max = self.lines.len().min(from + HEADER_MAX_LINES);
        let mut in_list = false;
        for l in from..max {
            let t = self.text(l);
            if t.is_empty() || self.is_furniture(l) {
                continue;
            }
            let unbulleted = &t[bullet_len(t)..];
            if kinh_gui(unbulleted).is_some() {
                in_list = true;
                continue;
            }
            if in_list && has_bullet(t) {
                continue;
            }
            if kw_at(t, "can cu").is_some() && t.len() > 40 {
                return l;
            }
            if let Some((_, kind)) = section_label(t) {
                if kind != 0 || t.len() > 12 || kw_at(t, "chuong").is_some() {
                    return l;
                }
            }
            if t.len() > PROSE_LEN
                && !is_upper_text(t)
                && title_line(t).is_none()
                && !starts_with_place_date(t)
                && motto(t).is_none()
                && symbol_intro(t).is_none()
                && find_kw(t, "kinh gui").is_none()
                && find_kw(t, "kinh goi").is_none()
            {
                return l;
            }
            if in_list {
                // A line after the Kính gửi list that is not a bullet: body.
                return l;
            }
        }
        max
    }

    /// Read the header window.
    pub(super) fn header(&mut self) -> Header {
        self.instalment();
        let (start, end, top_end) = self.header_window();
        let mut h = Header::default();
        let norm = self.norm;
        let mut cands: Vec<Cand> = Vec::new();
        let mut issuer_frozen = false;
        let mut family_span: Option<(usize, usize, Family)> = None;
        let mut sym_found = false;
        let mut date_found = false;
        let mut pending_symbol = false;
        let mut subject_from: Option<(usize, usize, usize)> = None; // (start, end, line) of subject first part
        let mut title_found = false;
        let mut symbol_line: Option<usize> = None;
        // The motto's line, and whether the issuer was printed beside it (a
        // two-column header interleaved line by line: `NGÂN HÀNG NHÀ NƯỚC
        // CỘNG HÒA …` ⏎ `VIỆT NAM Độc lập - Tự do - Hạnh phúc`).
        let mut motto_at: Option<usize> = None;
        let mut beside_motto = false;
        let mut l = start;
        'lines: while l < end {
            let line = self.lines[l];
            if line.is_blank() || self.is_furniture(l) {
                l += 1;
                continue;
            }
            let heading = self.is_heading(l);
            for (ss, full) in segments(norm, line) {
                let mut cur = ss;
                // The segment's end; before it, the text of a left column
                // beside the motto is read first as a segment of its own
                // (`left_column`).
                let mut se = full;
                let mut left_column = false;
                loop {
                    if cur >= se {
                        if se == full {
                            break;
                        }
                        (se, left_column) = (full, false);
                        continue;
                    }
                    let seg = norm[cur..se].trim_start();
                    cur = se - seg.len();
                    if seg.is_empty() {
                        continue;
                    }
                    if se == full && motto_at.is_some_and(|m| l > m && l <= m + 2) {
                        if let Some(k) = motto_tail_within(seg) {
                            se = cur + k;
                            left_column = true;
                            continue;
                        }
                    }
                    // A symbol announced on the previous line (`Số:` ⏎ symbol).
                    if pending_symbol {
                        pending_symbol = false;
                        if let Some(n) = self.read_header_symbol(l, cur, se, true) {
                            sym_found = true;
                            symbol_line = Some(l);
                            h.last_line = Some(l);
                            cur += n;
                            continue;
                        }
                    }
                    let unb = bullet_len(seg);
                    if let Some(n) = kinh_gui(&seg[unb..]) {
                        h.kinh_gui = Some((l, cur + unb + n));
                        h.last_line = Some(l);
                        break 'lines;
                    }
                    if !date_found {
                        if let Some(n) = self.read_place_date(cur, se) {
                            date_found = true;
                            issuer_frozen = true;
                            h.last_line = Some(l);
                            cur += n;
                            continue;
                        }
                    }
                    // After the motto, a title that names the country (`HIẾN
                    // PHÁP NƯỚC CỘNG HÒA …`, `NGHỊ QUYẾT … QUỐC HỘI NƯỚC CỘNG
                    // HÒA …`) is a title.
                    let title_first = family_span.is_some() && !title_found && title_line(seg).is_some();
                    if let Some((ms, me, fam)) = motto(seg).filter(|_| !title_first) {
                        if ms > 0 {
                            // The text beside it first (the issuer, or a left
                            // column's `Số:`).
                            se = cur + ms;
                            continue;
                        }
                        if family_span.is_none() {
                            family_span = Some((cur, cur + me, fam));
                            motto_at = Some(l);
                            beside_motto = cands.last().is_some_and(|c| c.line == l);
                        }
                        // An issuer printed under the motto is still to come
                        // when none was printed above it.
                        issuer_frozen |= !cands.is_empty();
                        h.last_line = Some(l);
                        cur += me;
                        cur += motto_tail(&norm[cur..se]);
                        continue;
                    }
                    if !sym_found {
                        if let Some(n) = symbol_intro(seg) {
                            issuer_frozen = true;
                            h.last_line = Some(l);
                            let at = cur + n;
                            if at >= se {
                                pending_symbol = true;
                                cur = se;
                                continue;
                            }
                            match self.read_header_symbol(l, at, se, seg[..n].contains(':')) {
                                Some(m) => {
                                    sym_found = true;
                                    symbol_line = Some(l);
                                    cur = at + m;
                                }
                                None => cur = se,
                            }
                            continue;
                        }
                    }
                    if let Some(n) = vv(seg) {
                        if subject_from.is_none() && !title_found {
                            subject_from = Some((cur + n, se, l));
                            self.doc.doc_type.get_or_insert_with(|| "Công văn".to_string());
                        }
                        h.last_line = Some(l);
                        cur = se;
                        continue;
                    }
                    if !title_found {
                        if let Some((n, name, sub_end)) = title_line(seg) {
                            title_found = true;
                            issuer_frozen |= sym_found || date_found || family_span.is_some();
                            self.doc.doc_type = Some(name.to_string());
                            self.doc.spans.doc_type = Some(self.span(cur, cur + n));
                            let rest = norm[cur + n..cur + sub_end].trim_start();
                            let rs = cur + sub_end - rest.len();
                            if subject_from.is_none() {
                                subject_from = Some((rs, cur + sub_end, l));
                            }
                            h.last_line = Some(l);
                            cur += sub_end;
                            if norm[cur..se].bytes().all(|b| b.is_ascii_digit() || b == b' ') {
                                // A footnote marker glued to the title.
                                cur = se;
                            }
                            continue;
                        }
                    }
                    if let Some(n) = dien_to(seg) {
                        // A Công điện's recipients (`THỦ TƯỚNG CHÍNH PHỦ điện:`).
                        h.kinh_gui = Some((l, cur + n));
                        h.last_line = Some(l);
                        break 'lines;
                    }
                    if let Some(n) = draft_mark(seg) {
                        cur += n;
                        continue;
                    }
                    if let Some(urgent) = mark(seg) {
                        let v = fold_ws(seg);
                        if urgent {
                            self.doc.urgency.get_or_insert(v);
                        } else {
                            self.doc.secrecy.get_or_insert(v);
                        }
                        cur = se;
                        continue;
                    }
                    if motto_tail(seg) > 0 {
                        cur += motto_tail(seg);
                        continue;
                    }
                    if !title_found && (family_span.is_some() || sym_found || date_found) {
                        if let Some(k) = embedded_title(seg) {
                            // `… Khoá XI, kỳ họp thứ 8 (…) LUẬT SỞ HỮU TRÍ
                            // TUỆ`: a collapsed line ends with the title.
                            cur += k;
                            continue;
                        }
                    }
                    if heading && !names_body(seg) {
                        // A copy's Markdown heading is never the issuer.
                        if !issuer_frozen {
                            cands.clear();
                        }
                    } else {
                        // The issuer's column carries on from the line
                        // before, beside the motto's second line or alone
                        // (a Party header's `HUYỆN ỦY …` under `ĐẢNG BỘ …
                        // ĐẢNG CỘNG SẢN VIỆT NAM`), or between the motto's
                        // lines when the columns alternate line by line.
                        let carried = !(sym_found || date_found || title_found)
                            && ((beside_motto
                                && (left_column || cur == line.s)
                                && cands.last().is_some_and(|c| c.line + 1 == l))
                                || (cur == line.s
                                    && motto_at.is_some_and(|m| {
                                        m < l && l <= m + 3 && self.between_motto_lines(l, m, &cands)
                                    })));
                        self.issuer_candidate(cur, se, l, &mut cands, issuer_frozen && !carried);
                    }
                    cur = se;
                }
            }
            l += 1;
        }
        // Family.
        if let Some((s, e, fam)) = family_span {
            self.doc.family = Some(fam);
            self.doc.spans.family = Some(self.span(s, e));
        }
        // Issuer and parent: upper-case lines alone are not a header (a
        // gazette banner over a scan with no text).
        if sym_found || date_found || family_span.is_some() || title_found || h.kinh_gui.is_some() {
            self.set_issuer(&cands);
        }
        // A copy's metadata (information table, title) is not the document's
        // text: what it gives is only said.
        if !sym_found {
            self.symbol_in_metadata(end);
        }
        if !date_found {
            self.date_in_metadata(end);
        }
        // A gazette page may print the title and subject first and the
        // header block after the first articles.
        if !title_found && start > 0 {
            if let Some((l, n, name)) = self.title_above(start, top_end) {
                title_found = true;
                let line = self.lines[l];
                self.doc.doc_type = Some(name.to_string());
                self.doc.spans.doc_type = Some(self.span(line.s, line.s + n));
                subject_from = Some((line.e, line.e, l));
            }
        }
        // Subject: V/v or title (+ continuation lines), or the Party công
        // văn's summary under the number.
        let party_cv = self
            .doc
            .symbol
            .as_ref()
            .is_some_and(|s| s.is_party() && s.type_code() == Some("CV"));
        match subject_from {
            Some((s, e, line)) => self.read_subject(s, e, line, end, &mut h),
            None if party_cv => {
                if let Some(sl) = symbol_line {
                    self.party_summary(sl, end, &mut h);
                }
            }
            None => {}
        }
        if party_cv && self.doc.doc_type.is_none() {
            self.doc.doc_type = Some("Công văn".to_string());
        }
        h.any = sym_found
            || date_found
            || family_span.is_some()
            || self.doc.issuer.is_some()
            || h.kinh_gui.is_some()
            || title_found;
        h
    }

    /// A two-column header whose cells a copy printed one a line, the
    /// columns alternating (`ỦY BAN NHÂN DÂN` ⏎ `CỘNG HÒA …` ⏎ `THÀNH PHỐ
    /// CẦN THƠ` ⏎ `Độc lập - Tự do - Hạnh phúc`): is line `l` the issuer's,
    /// between the motto alone on line `m` and its second line, with the
    /// issuer's line before the motto?
    fn between_motto_lines(&self, l: usize, m: usize, cands: &[Cand]) -> bool {
        let prev = |k: usize| (0..k).rev().find(|&j| !self.lines[j].is_blank());
        let next = (l + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank());
        let t = self.text(m);
        prev(l) == Some(m)
            && cands.last().is_some_and(|c| Some(c.line) == prev(m))
            && motto(t).is_some_and(|(ms, me, _)| ms == 0 && !t[me..].chars().any(crate::text::is_alnum))
            && next.is_some_and(|n| motto_tail(self.text(n)) > 0)
    }

    /// What the header left unread and the rest of the text gives: the
    /// date a law or resolution was adopted (`… thông qua ngày 23 tháng 3
    /// năm 2022.`, in its closing formula) when no date line is printed; the
    /// type the text calls itself (`Thông tư này`, `Công văn này`) when no
    /// type line or number says it.
    pub(super) fn fields_in_the_text(&mut self, body_start: usize, tail: Option<usize>) {
        if self.doc.date.is_none() && !self.doc.diagnostics.iter().any(|d| d.code.ends_with("-date")) {
            self.adoption_date(tail);
        }
        if self.doc.doc_type.is_none() {
            self.type_from_self_reference(body_start);
        }
    }

    // Adoption ::= "thông qua" Sp Date
    fn adoption_date(&mut self, tail: Option<usize>) {
        let end = tail.unwrap_or(self.lines.len());
        let last: Vec<usize> = (0..end)
            .rev()
            .filter(|&l| !self.lines[l].is_blank() && !self.is_furniture(l) && !self.is_footnote_line(l))
            .take(8)
            .collect();
        for l in last {
            let line = self.lines[l];
            let t = self.text(l);
            let Some((_, e)) = find_kw(t, "thong qua") else {
                continue;
            };
            let rest = t[e..].trim_start();
            if kw_at(rest, "ngay").is_none() {
                continue;
            }
            let at = line.e - rest.len();
            // The date may run on to the next line.
            let stop = self.lines.get(l + 1).map_or(line.e, |next| next.e);
            if let Ok((r, raw)) = date_text(&self.norm[at..stop]) {
                self.set_date(raw, at, stop - r.len());
            }
            return;
        }
    }

    /// The type a text without a type line calls itself in its body.
    fn type_from_self_reference(&mut self, body_start: usize) {
        const SELF_TYPES: &[(&str, &str)] = &[
            ("Thông tư liên tịch", "Thông tư liên tịch"),
            ("Nghị quyết liên tịch", "Nghị quyết liên tịch"),
            ("Thông tư", "Thông tư"),
            ("Nghị định", "Nghị định"),
            ("Nghị quyết", "Nghị quyết"),
            ("Quyết định", "Quyết định"),
            ("Chỉ thị", "Chỉ thị"),
            ("Bộ luật", "Bộ luật"),
            ("Luật", "Luật"),
            ("Pháp lệnh", "Pháp lệnh"),
            ("Công văn", "Công văn"),
            ("Công điện", "Công điện"),
            ("Thông báo", "Thông báo"),
            ("Kế hoạch", "Kế hoạch"),
            ("Hướng dẫn", "Hướng dẫn"),
        ];
        let from = self.lines.get(body_start).map_or(self.norm.len(), |l| l.s);
        let text = &self.norm[from..];
        for at in memchr::memmem::find_iter(text.as_bytes(), " này".as_bytes()) {
            let before = &text[..at];
            let found = SELF_TYPES.iter().find(|(printed, _)| {
                before.ends_with(printed)
                    && !before[..before.len() - printed.len()]
                        .chars()
                        .next_back()
                        .is_some_and(crate::text::is_alnum)
            });
            if let Some((_, name)) = found {
                self.doc.doc_type = Some(name.to_string());
                return;
            }
        }
    }

    /// A gazette instalment that continues a document printed in an earlier
    /// issue says so at its top: its header is not in this text.
    fn instalment(&mut self) {
        let top = (0..self.lines.len())
            .filter(|&l| !self.lines[l].is_blank() && !self.is_furniture(l))
            .take(8)
            .find(|&l| continued(self.text(l)));
        if let Some(l) = top {
            let line = self.lines[l];
            let found = fold_ws(self.text(l));
            let span = self.span(line.s, line.e);
            self.diag(
                "continued-instalment",
                Severity::Info,
                format!("continued from an earlier gazette issue: expected the document's header, found {found:?} (the header and first articles are in that issue)"),
                Some(span),
            );
        }
    }

    /// A title alone on its line (`NGHỊ ĐỊNH`) above the header window, in
    /// the lines before the first `Căn cứ`: its line, length and name.
    /// `top_end`: [`Self::header_end`] of line 0, as the window found it.
    fn title_above(&self, start: usize, top_end: usize) -> Option<(usize, usize, &'static str)> {
        let top = top_end.min(start);
        (0..top).find_map(|l| {
            if self.lines[l].is_blank() || self.is_furniture(l) {
                return None;
            }
            let t = self.text(l);
            title_line(t)
                .filter(|&(_, _, e)| t[e..].trim().is_empty())
                .map(|(n, name, _)| (l, n, name))
        })
    }

    /// Read a số ký hiệu at `at` (up to `end`); on success set it and return
    /// the bytes read. `announced`: a `Số:` with a colon came before, so a
    /// failure is worth a diagnostic.
    pub(super) fn read_symbol(&mut self, at: usize, end: usize, announced: bool) -> Option<usize> {
        let text = &self.norm[at..end];
        match symbol(text) {
            Ok((rest, raw)) => {
                let used = text.len() - rest.len();
                let sym_text = text[..used].trim_end();
                let (sym, notes) = raw.into_symbol(text);
                for n in notes {
                    let span = self.span(at + n.span.start, at + n.span.end);
                    self.diag(n.code, n.severity, n.message, Some(span));
                }
                let span = self.span(at, at + sym_text.len());
                if span.slice(self.ctx.original).contains('Ð') {
                    self.diag(
                        "lookalike-letter",
                        Severity::Info,
                        "look-alike letter: expected `Đ` (U+0110), found `Ð` (U+00D0)",
                        Some(span),
                    );
                }
                self.doc.number = sym.number();
                self.doc.symbol = Some(sym);
                self.doc.spans.symbol = Some(span);
                Some(used)
            }
            Err(_) => {
                if announced {
                    let shown: String = text.chars().take(24).collect();
                    let e = at + shown.len();
                    let span = self.span(at, e);
                    self.diag(
                        "unreadable-symbol",
                        Severity::Warning,
                        format!("unreadable số ký hiệu: expected a symbol such as \"123/QĐ-UBND\" after \"Số:\", found {shown:?}"),
                        Some(span),
                    );
                }
                None
            }
        }
    }

    /// A số ký hiệu in the header (see [`Self::read_symbol`]), and a joint
    /// symbol broken at a hyphen over two lines (`03/2021/TTLT-VKSNDTC-` ⏎
    /// `TANDTC-BCA`).
    fn read_header_symbol(&mut self, l: usize, at: usize, end: usize, announced: bool) -> Option<usize> {
        // A blank number (`Số: … /2016/QH14`, a draft's): the dots are no
        // number.
        let text = &self.norm[at..end];
        let blank = text.len() - text.trim_start_matches(['…', '.', ' ']).len();
        if blank > 0 && text[blank..].starts_with('/') {
            return self
                .read_header_symbol(l, at + blank, end, announced)
                .map(|n| n + blank);
        }
        let n = self.read_symbol(at, end, announced)?;
        let rest = self.norm[at + n..end].trim();
        if !matches!(rest, "-" | "–") || end != self.lines[l].e {
            return Some(n);
        }
        let Some(next) = (l + 1..self.lines.len().min(l + 3)).find(|&k| !self.lines[k].is_blank()) else {
            return Some(n);
        };
        let t = self.text(next);
        let tail = t
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(t, |k| &t[..k])
            .trim_end_matches('-');
        if tail.is_empty() || !tail.starts_with(|c: char| c.is_uppercase()) {
            return Some(n);
        }
        let head = self.norm[at..at + n].trim_end();
        let joined = format!("{head}-{tail}");
        if let Ok(sym) = joined.parse::<crate::symbol::Symbol>() {
            if sym.issuers().len() > self.doc.symbol.as_ref().map_or(0, |s| s.issuers().len()) {
                self.doc.number = sym.number();
                self.doc.symbol = Some(sym);
                let s = self.lines[next].s;
                self.doc.spans.symbol = Some(self.span(at, s + tail.len()));
            }
        }
        Some(end - at)
    }

    /// `<Place>, ngày ...` in the segment `s..e`: set place and date, return
    /// the bytes read from `s`.
    pub(super) fn read_place_date(&mut self, s: usize, e: usize) -> Option<usize> {
        let seg = &self.norm[s..e];
        let (ns, _) = find_kw(seg, "ngay")?;
        let place_range = place(&seg[..ns]);
        if ns > 0 && place_range.is_none() {
            return None;
        }
        let at = s + ns;
        let parsed = date_text(&self.norm[at..e]);
        if let Some((ps, pe)) = place_range {
            self.doc.place = Some(fold_ws(&seg[ps..pe]));
            self.doc.spans.place = Some(self.span(s + ps, s + pe));
        }
        match parsed {
            Ok((rest, raw)) => {
                let de = e - rest.len();
                self.set_date(raw, at, de);
                Some(de - s)
            }
            Err(_) => {
                place_range?;
                let shown: String = self.norm[at..e].chars().take(32).collect();
                let span = self.span(at, at + shown.len());
                self.diag(
                    "unreadable-date",
                    Severity::Warning,
                    format!("unreadable date: expected \"ngày D tháng M năm YYYY\" after the place, found {shown:?}"),
                    Some(span),
                );
                Some(e - s)
            }
        }
    }

    pub(super) fn set_date(&mut self, raw: RawDate, s: usize, e: usize) {
        let span = self.span(s, e);
        match raw.validate() {
            Ok(d) => {
                self.doc.date = Some(d);
                self.doc.spans.date = Some(span);
            }
            Err(problem) => {
                let found = fold_ws(&self.norm[s..e]);
                self.diag(
                    "impossible-date",
                    Severity::Warning,
                    format!(
                        "impossible date of issue: expected {}, found {found:?}",
                        problem.expected()
                    ),
                    Some(span),
                );
            }
        }
    }

    /// `Kính gửi:` and its list; returns the first body line.
    pub(super) fn recipients(&mut self, h: &Header) -> usize {
        let Some((kl, after)) = h.kinh_gui else {
            return match h.last_line {
                Some(l) if h.any => l + 1,
                _ => 0,
            }
            .min(self.lines.len());
        };
        let mut last = kl;
        let line = self.lines[kl];
        // The rest of the Kính gửi line.
        if after < line.e {
            self.push_recipient(after, line.e);
        }
        let mut l = kl + 1;
        while l < self.lines.len() {
            let ln = self.lines[l];
            if ln.is_blank() {
                l += 1;
                continue;
            }
            let t = self.text(l);
            if !has_bullet(t) || t.len() > PROSE_LEN {
                break;
            }
            self.push_recipient(ln.s, ln.e);
            last = l;
            l += 1;
        }
        last + 1
    }

    pub(super) fn push_recipient(&mut self, s: usize, e: usize) {
        let (a, b) = clean_entry(&self.norm[s..e]);
        if a < b {
            self.doc.recipients.push(fold_ws(&self.norm[s + a..s + b]));
            let span = self.span(s + a, s + b);
            self.doc.spans.recipients.push(span);
        }
    }
}
