//! The header pass: the header window, issuing body, national or Party
//! header, số ký hiệu, place and date, type and subject, marks, and the
//! `Kính gửi` recipients.

use super::lex::*;
use super::rules::*;
use super::{Header, Parser, HEADER_MAX_LINES, PROSE_LEN, SUBJECT_MAX_LINES};
use crate::date::{date_text, date_vi_bare, RawDate};
use crate::model::{Family, Severity};
use crate::symbol::symbol;
use crate::text::fold_ws;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    /// Does line `l` hold a header anchor: the national or Party header
    /// (at the start, or after an upper-case issuer), a `Số:` line, a
    /// `<Place>, ngày` line or `Kính gửi`?
    pub(super) fn is_anchor(&self, l: usize) -> bool {
        let t = self.text(l);
        if motto_anchor(t) {
            return true;
        }
        let unb = &t[bullet_len(t)..];
        symbol_intro(t).is_some_and(|n| n == t.len() || symbol(&t[n..]).is_ok())
            || kinh_gui(unb).is_some()
            || starts_with_place_date(t)
    }

    /// The header window `start..end`. Usually it starts at the top; a copy
    /// that prints a summary (`Căn cứ ...` list, a table) before the
    /// document's own header gets the window moved down to that header.
    pub(super) fn header_window(&self) -> (usize, usize) {
        let end = self.header_end(0);
        if (0..end).any(|l| self.is_anchor(l)) {
            return (0, end);
        }
        let max = self.lines.len().min(end + HEADER_MAX_LINES);
        match (end..max).find(|&l| self.is_anchor(l)) {
            Some(a) => {
                let mut start = a;
                while start > end && start + 2 > a && is_upper_text(self.text(start - 1)) {
                    start -= 1;
                }
                (start, self.header_end(start))
            }
            None => (0, end),
        }
    }

    /// The header window: where does it end?
    pub(super) fn header_end(&self, from: usize) -> usize {
        let max = self.lines.len().min(from + HEADER_MAX_LINES);
        let mut in_list = false;
        for l in from..max {
            let t = self.text(l);
            if t.is_empty() {
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
                if kind != 0 || t.len() > 12 {
                    return l;
                }
            }
            if t.len() > PROSE_LEN
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
        let (start, end) = self.header_window();
        let mut h = Header::default();
        let norm = self.norm;
        // Issuer candidates: (start, end, line).
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let mut issuer_frozen = false;
        let mut family_span: Option<(usize, usize, Family)> = None;
        let mut sym_found = false;
        let mut date_found = false;
        let mut pending_symbol = false;
        let mut subject_from: Option<(usize, usize, usize)> = None; // (start, end, line) of subject first part
        let mut title_found = false;
        let mut symbol_line: Option<usize> = None;
        let mut l = start;
        'lines: while l < end {
            let line = self.lines[l];
            if line.is_blank() {
                l += 1;
                continue;
            }
            for (ss, se) in segments(norm, line) {
                let mut cur = ss;
                while cur < se {
                    let seg = norm[cur..se].trim_start();
                    cur = se - seg.len();
                    if seg.is_empty() {
                        break;
                    }
                    // A symbol announced on the previous line (`Số:` ⏎ symbol).
                    if pending_symbol {
                        pending_symbol = false;
                        if let Some(n) = self.read_symbol(cur, se, true) {
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
                    if let Some((ms, me, fam)) = motto(seg) {
                        if family_span.is_none() {
                            family_span = Some((cur + ms, cur + me, fam));
                        }
                        if ms > 0 {
                            self.issuer_candidate(cur, cur + ms, l, &mut cands, issuer_frozen);
                        }
                        issuer_frozen = true;
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
                            match self.read_symbol(at, se, seg[..n].contains(':')) {
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
                        if let Some((n, name)) = title(seg) {
                            if is_upper_text(seg) || seg[n..].trim().is_empty() {
                                title_found = true;
                                self.doc.doc_type = Some(name.to_string());
                                self.doc.spans.doc_type = Some(self.span(cur, cur + n));
                                let rest = norm[cur + n..se].trim_start();
                                let rs = se - rest.len();
                                if subject_from.is_none() {
                                    subject_from = Some((rs, se, l));
                                }
                                h.last_line = Some(l);
                                cur = se;
                                continue;
                            }
                        }
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
                    self.issuer_candidate(cur, se, l, &mut cands, issuer_frozen);
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
        // Issuer and parent.
        self.set_issuer(&cands);
        // Fallbacks from an information table (curated copies).
        if !sym_found {
            sym_found = self.symbol_from_field(end) || self.symbol_from_title();
        }
        if !date_found {
            self.date_from_field(end);
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

    pub(super) fn issuer_candidate(
        &self,
        s: usize,
        e: usize,
        line: usize,
        cands: &mut Vec<(usize, usize, usize)>,
        frozen: bool,
    ) {
        if frozen {
            return;
        }
        let t = &self.norm[s..e];
        let trimmed = t.trim_matches(|c: char| !crate::text::is_alnum(c));
        if trimmed.is_empty() {
            return;
        }
        if is_upper_text(t) && t.len() < 160 {
            let off = t.find(trimmed).unwrap_or(0);
            cands.push((s + off, s + off + trimmed.len(), line));
        } else {
            cands.clear();
        }
    }

    pub(super) fn set_issuer(&mut self, cands: &[(usize, usize, usize)]) {
        let Some(&(s, e, line)) = cands.last() else {
            return;
        };
        let text = &self.norm[s..e];
        // A parent body printed on the same segment (`BỘ TÀI CHÍNH TỔNG CỤC
        // HẢI QUAN`): cut before the last unit word that is not the first.
        if let Some(cut) = unit_split(text) {
            let parent = text[..cut].trim_end();
            self.doc.issuer_parent = Some(fold_ws(parent));
            self.doc.spans.issuer_parent = Some(self.span(s, s + parent.len()));
            self.doc.issuer = Some(fold_ws(&text[cut..]));
            self.doc.spans.issuer = Some(self.span(s + cut, e));
            return;
        }
        self.doc.issuer = Some(fold_ws(text));
        self.doc.spans.issuer = Some(self.span(s, e));
        if cands.len() >= 2 {
            let (ps, pe, pl) = cands[cands.len() - 2];
            if pl + 1 == line || pl == line {
                self.doc.issuer_parent = Some(fold_ws(&self.norm[ps..pe]));
                self.doc.spans.issuer_parent = Some(self.span(ps, pe));
            }
        }
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

    /// `Số hiệu | 91/2026/TT-BTC` in an information table.
    pub(super) fn symbol_from_field(&mut self, end: usize) -> bool {
        for l in 0..end {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            if let Some(n) = symbol_field(&t[lead..]) {
                let at = line.s + lead + n;
                let stop = self.norm[at..line.e].find('|').map_or(line.e, |p| at + p);
                if self.read_symbol(at, stop, false).is_some() {
                    let span = self.doc.spans.symbol;
                    self.diag(
                        "symbol-from-table",
                        Severity::Info,
                        "no \"Số:\" line: expected one in the header, found the số ký hiệu in an information table",
                        span,
                    );
                    return true;
                }
            }
        }
        false
    }

    // CopyTitle ::= (TypeName Sp ("số" ":"? Sp)?)? Symbol (Sp Text)?
    /// The title a copy prints on its first line (`Nghị định 102/2017/NĐ-CP`,
    /// `# 46/2026/NĐ-CP`), when the document's own `Số:` line is missing.
    pub(super) fn symbol_from_title(&mut self) -> bool {
        let Some(l) = (0..self.lines.len().min(HEADER_MAX_LINES)).find(|&l| !self.lines[l].is_blank()) else {
            return false;
        };
        let line = self.lines[l];
        let t = self.text(l);
        let mut at = 0;
        if let Some((n, _)) = type_name_at(t) {
            at = n + (t[n..].len() - t[n..].trim_start().len());
            if let Some(k) = kw_at(&t[at..], "so") {
                let r = &t[at + k..];
                at += k + (r.len() - r.trim_start_matches(|c: char| c == ':' || c.is_whitespace()).len());
            }
        }
        let rest = &t[at..];
        let shaped = symbol(rest).is_ok_and(|(r, raw)| {
            (r.is_empty() || r.starts_with([' ', '\t']))
                && raw.number.is_some()
                && raw.codes.len() + usize::from(raw.year.is_some()) >= 2
        });
        if !shaped || self.read_symbol(line.s + at, line.e, false).is_none() {
            return false;
        }
        let span = self.doc.spans.symbol;
        self.diag(
            "symbol-from-title",
            Severity::Info,
            "no \"Số:\" line: expected one in the header, found the số ký hiệu in the copy's title",
            span,
        );
        true
    }

    /// `Ngày ban hành | 30/6/2026` in an information table.
    pub(super) fn date_from_field(&mut self, end: usize) {
        for l in 0..end {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            if let Some(n) = date_field(&t[lead..]) {
                let at = line.s + lead + n;
                let field = &self.norm[at..line.e];
                // `2026-06-30` (ISO, as some tables print it).
                let iso = field
                    .get(..10)
                    .filter(|_| field[10..].starts_with([' ', '|']) || field.len() == 10);
                if let Some(d) = iso.and_then(|f| f.parse::<crate::date::IssueDate>().ok()) {
                    self.doc.date = Some(d);
                    self.doc.spans.date = Some(self.span(at, at + 10));
                    return;
                }
                if let Ok((rest, raw)) = date_text(field).or_else(|_| date_vi_bare(field)) {
                    let de = line.e - rest.len();
                    self.set_date(raw, at, de);
                    if self.doc.date.is_some() {
                        let span = self.doc.spans.date;
                        self.diag(
                            "date-from-table",
                            Severity::Info,
                            "no date line: expected \"<place>, ngày ...\" in the header, found the date in an information table",
                            span,
                        );
                        return;
                    }
                }
            }
        }
    }

    /// The subject starting at `s..e` on `line`, continued on the following
    /// lines that do not start a new header part.
    pub(super) fn read_subject(&mut self, s: usize, e: usize, line: usize, end: usize, h: &mut Header) {
        let mut parts: Vec<(usize, usize)> = Vec::new();
        if s < e {
            parts.push((s, e));
        }
        let mut l = line + 1;
        let mut taken = 0;
        // A title alone on its line: the subject is the next paragraph.
        let title_alone = parts.is_empty();
        let mut blank_seen = false;
        while l < end.max(line + 1).min(self.lines.len()) && taken < SUBJECT_MAX_LINES {
            let ln = self.lines[l];
            if ln.is_blank() {
                blank_seen = true;
                l += 1;
                continue;
            }
            let t = self.text(l);
            if self.is_header_start(t) || t.len() > 250 {
                break;
            }
            let first = t.chars().next().unwrap_or(' ');
            let continues = if title_alone && parts.is_empty() {
                true
            } else if title_alone {
                !blank_seen
            } else {
                first.is_lowercase() || matches!(first, '“' | '"' | '(' | '‘')
            };
            if !continues {
                break;
            }
            blank_seen = false;
            parts.push((ln.s, ln.e));
            h.last_line = Some(l);
            taken += 1;
            l += 1;
        }
        self.set_subject(&parts);
    }

    /// A line that opens another header part.
    pub(super) fn is_header_start(&self, t: &str) -> bool {
        let unb = &t[bullet_len(t)..];
        kinh_gui(unb).is_some()
            || motto(t).is_some()
            || symbol_intro(t).is_some()
            || kw_at(t, "can cu").is_some()
            || section_label(t).is_some()
            || find_kw(t, "ngay").is_some_and(|(ns, _)| place(&t[..ns]).is_some())
    }

    /// A Party công văn prints its summary under the number, without `V/v`.
    pub(super) fn party_summary(&mut self, sym_line: usize, end: usize, h: &mut Header) {
        let mut parts = Vec::new();
        for l in sym_line + 1..end.min(sym_line + 1 + 2 * SUBJECT_MAX_LINES) {
            let ln = self.lines[l];
            if ln.is_blank() {
                continue;
            }
            let t = self.text(l);
            if self.is_header_start(t) || is_upper_text(t) || t.len() > 250 || parts.len() >= SUBJECT_MAX_LINES {
                break;
            }
            parts.push((ln.s, ln.e));
            h.last_line = Some(l);
        }
        self.set_subject(&parts);
    }

    pub(super) fn set_subject(&mut self, parts: &[(usize, usize)]) {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return;
        };
        let joined: Vec<&str> = parts.iter().map(|&(s, e)| &self.norm[s..e]).collect();
        let text = fold_ws(&joined.join(" "));
        if text.is_empty() {
            return;
        }
        self.doc.subject = Some(text);
        self.doc.spans.subject = Some(self.span(first.0, last.1));
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
