//! The subject (trích yếu): the line(s) under the type line (`NGHỊ ĐỊNH` ⏎
//! `Quy định chi tiết …`), the rest of a title line (`LUẬT ĐẤT ĐAI`), or the
//! text after `V/v` in a letter; joined over its line breaks, up to the
//! authority line (`BỘ TRƯỞNG BỘ …`, `CHÍNH PHỦ`), `Căn cứ`, `Kính gửi` or a
//! rule. A copy that collapses the header onto one line glues the authority
//! line to the subject (`… NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP`): it is cut off.

use super::lex::*;
use super::rules::*;
use super::{Header, Parser, SUBJECT_MAX_LINES};
use crate::normalize::fold;
use crate::text::fold_ws;

/// How long (bytes) the first line of a subject under a title may be; a
/// continuation line is shorter.
const SUBJECT_LINE_LEN: usize = 700;
const CONTINUATION_LEN: usize = 400;

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
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
        // A website's editorial note (`[…]`) left open on the line before.
        let depth = |text: &str| text.matches('[').count() as isize - text.matches(']').count() as isize;
        let mut note = depth(&self.norm[s..e]);
        // A long subject line under the title may have ended the header
        // window: the subject's own stops end it.
        let stop = if title_alone {
            end.max(line + 2 + SUBJECT_MAX_LINES)
        } else {
            end.max(line + 1)
        };
        let stop = stop.min(self.lines.len());
        while l < stop && taken < SUBJECT_MAX_LINES {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_furniture(l) {
                blank_seen |= ln.is_blank();
                l += 1;
                continue;
            }
            if self.is_rule(l) {
                if parts.is_empty() {
                    l += 1;
                    continue;
                }
                break;
            }
            let t = self.text(l);
            if note > 0 {
                note += depth(t);
                parts.push((ln.s, ln.e));
                h.last_line = Some(l);
                taken += 1;
                l += 1;
                continue;
            }
            let limit = if parts.is_empty() {
                SUBJECT_LINE_LEN
            } else {
                CONTINUATION_LEN
            };
            if self.is_header_start(t) || t.len() > limit || (!parts.is_empty() && self.is_heading(l)) {
                break;
            }
            // The authority line under the subject (`BỘ TRƯỞNG BỘ TÀI
            // CHÍNH`, `CHÍNH PHỦ`), or the base document a consolidated
            // text names under its title.
            if !parts.is_empty() && (self.ends_subject(&parts, t) || (cites_at_start(t) && !self.open_ended(&parts))) {
                break;
            }
            let first = t.chars().next().unwrap_or(' ');
            let continues = if title_alone && parts.is_empty() {
                true
            } else if title_alone {
                // A blank line (a PDF's text layer puts them anywhere) ends
                // the subject unless it is left open (`… đối với` ⏎⏎ `Tập
                // đoàn …`) or the next line carries it on in lower case.
                !blank_seen || first.is_lowercase() || self.open_ended(&parts)
            } else {
                // On the title's line: carried on in lower case, or, for a
                // subject in capitals, in capitals (`… PHÁT TRIỂN KINH TẾ` ⏎
                // `- XÃ HỘI …`).
                first.is_lowercase()
                    || matches!(first, '“' | '"' | '(' | '‘')
                    || (is_upper_text(t) && parts.iter().all(|&(s, e)| is_upper_text(&self.norm[s..e])))
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

    /// Does line `t` end the subject read so far? An upper-case line under a
    /// subject in mixed case is the authority line (or an issuer); under an
    /// upper-case subject, only a line that opens with a position or names
    /// the issuer is.
    fn ends_subject(&self, parts: &[(usize, usize)], t: &str) -> bool {
        if !is_upper_text(t) {
            return false;
        }
        let upper_subject = parts.iter().all(|&(s, e)| is_upper_text(&self.norm[s..e]));
        !upper_subject || position_at(t) || self.authority_tail(t) == Some(0)
    }

    /// Does the subject read so far end on a word that asks for more (`theo`,
    /// `của`, `đối với` …), so that a citation on the next line carries it on?
    fn open_ended(&self, parts: &[(usize, usize)]) -> bool {
        let Some(&(s, e)) = parts.last() else {
            return false;
        };
        words(&self.norm[s..e]).last().is_some_and(|(_, w)| {
            matches!(
                fold(w).as_str(),
                "theo"
                    | "tai"
                    | "cua"
                    | "va"
                    | "voi"
                    | "so"
                    | "ve"
                    | "hoac"
                    | "cac"
                    | "cho"
                    | "thuc"
                    | "hien"
                    | "huong"
                    | "dan"
                    | "boi"
                    | "ngay"
                    | "truoc"
                    | "sau"
                    | "den"
                    | "tu"
                    | "trong"
                    | "thuoc"
                    | "bang"
                    | "nham"
                    | "la"
            )
        })
    }

    /// A line that opens another header part.
    pub(super) fn is_header_start(&self, t: &str) -> bool {
        let unb = &t[bullet_len(t)..];
        kinh_gui(unb).is_some()
            || motto(t).is_some_and(|(ms, me, _)| is_upper_text(&t[ms..me]))
            || symbol_intro(t).is_some()
            || kw_at(t, "can cu").is_some()
            || section_label(t).is_some()
            || dien_to(t).is_some()
            || find_kw(t, "ngay").is_some_and(|(ns, _)| place(&t[..ns]).is_some())
    }

    /// A Party công văn prints its summary under the number, without `V/v`.
    pub(super) fn party_summary(&mut self, sym_line: usize, end: usize, h: &mut Header) {
        let mut parts = Vec::new();
        for l in sym_line + 1..end.min(sym_line + 1 + 2 * SUBJECT_MAX_LINES) {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_furniture(l) {
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

    /// Set the subject from its parts: joined, without a `V/v` prefix, an
    /// authority line glued at its end, or footnote markers glued to words.
    pub(super) fn set_subject(&mut self, parts: &[(usize, usize)]) {
        let norm = self.norm;
        let mut parts = parts.to_vec();
        // `QUYẾT ĐỊNH V/V BAN HÀNH …`, `Về việc công bố …`: the prefix is
        // not the subject.
        if let Some(first) = parts.first_mut() {
            let t = &norm[first.0..first.1];
            if let Some(n) = vv(t).or_else(|| {
                let n = kw_at(t, "ve viec")?;
                Some(n + (t[n..].len() - t[n..].trim_start_matches([' ', ':']).len()))
            }) {
                first.0 += n;
            }
        }
        if let Some(&(s, e)) = parts.last() {
            match self.authority_tail(&norm[s..e]) {
                Some(0) => {
                    parts.pop();
                }
                Some(cut) => {
                    let kept = norm[s..s + cut].trim_end();
                    parts.last_mut().expect("a part").1 = s + kept.len();
                }
                None => {}
            }
        }
        let (Some(&(first_s, _)), Some(&(_, last_e))) = (parts.first(), parts.last()) else {
            return;
        };
        let joined: Vec<&str> = parts.iter().map(|&(s, e)| &norm[s..e]).collect();
        let text = drop_footnote_marks(&drop_editorial(&fold_ws(&joined.join(" "))));
        // `NGHỊ ĐỊNH: Quy định …`, `QUYẾT ĐỊNH - Về …`: the separator is not
        // the subject's.
        let text = text.trim_start_matches([':', '-', '–', '—', ' ']).to_string();
        if text.is_empty() {
            return;
        }
        self.doc.subject = Some(text);
        self.doc.spans.subject = Some(self.span(first_s, last_e));
    }

    /// Where the authority line starts at the end of `text`: the issuer's
    /// name (or its parent's, `CHÍNH PHỦ`, `QUỐC HỘI`), in capitals, perhaps
    /// after a position (`BỘ TRƯỞNG`, `CHỦ TỊCH`), and not after `của`,
    /// `thuộc`, `và`... (where it is part of the subject).
    pub(super) fn authority_tail(&self, text: &str) -> Option<usize> {
        // The authority line is in capitals to the end of `text` (its start
        // is asked `is_upper_text` below): a text whose last word has a
        // lower-case letter, as most subjects, has none. Settled here
        // without folding every word.
        if text
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.chars().any(char::is_lowercase))
        {
            return None;
        }
        self.authority_tail_read(text)
    }

    /// [`Self::authority_tail`] past its test of the last word.
    fn authority_tail_read(&self, text: &str) -> Option<usize> {
        let mut ws: Vec<(usize, String)> = words(text)
            .into_iter()
            .map(|(o, w)| (o, fold(w).chars().filter(|c| c.is_alphanumeric()).collect::<String>()))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        // `QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`: the authority
        // line of an old resolution names the country after the body.
        const COUNTRY: [&str; 9] = ["nuoc", "cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"];
        if ws.len() > COUNTRY.len() && ws[ws.len() - COUNTRY.len()..].iter().map(|(_, w)| w).eq(COUNTRY.iter()) {
            ws.truncate(ws.len() - COUNTRY.len());
        }
        let names = [
            self.doc.issuer.as_deref(),
            self.doc.issuer_parent.as_deref(),
            Some("chinh phu"),
            Some("quoc hoi"),
        ];
        let mut best: Option<usize> = None;
        for name in names.into_iter().flatten() {
            let key: Vec<String> = fold(name)
                .split_whitespace()
                .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
                .filter(|w| !w.is_empty())
                .collect();
            if key.is_empty() || key.len() > ws.len() {
                continue;
            }
            let k0 = ws.len() - key.len();
            if ws[k0..].iter().map(|(_, w)| w).ne(key.iter()) {
                continue;
            }
            // A position before the name belongs to the authority line.
            let mut k = k0;
            for back in 1..=3 {
                if k0 >= back && position_at(&text[ws[k0 - back].0..]) {
                    k = k0 - back;
                }
            }
            if !is_upper_text(&text[ws[k].0..]) {
                continue;
            }
            if k > 0
                && matches!(
                    ws[k - 1].1.as_str(),
                    "cua" | "thuoc" | "va" | "voi" | "cho" | "tai" | "ve" | "truc"
                )
            {
                continue;
            }
            best = Some(best.map_or(ws[k].0, |b: usize| b.min(ws[k].0)));
        }
        best
    }
}

/// A line that opens with a document cited by type and number (`Nghị định
/// số 181/2025/NĐ-CP ngày …`, `Thông tư 38/2015/TT-BLĐTBXH …`, `Luật Đất đai
/// số 31/2024/QH15 …`): the base document a consolidated text names under
/// its title, not the subject.
pub(super) fn cites_at_start(t: &str) -> bool {
    let Some((n, _)) = type_name_at(t) else {
        return false;
    };
    if !t.starts_with(char::is_uppercase) {
        return false;
    }
    let mut rest = t[n..].trim_start();
    if let Some(k) = kw_at(rest, "so") {
        rest = rest[k..].trim_start();
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    // A law cited by its name, then its number (`Luật An toàn, vệ sinh lao
    // động số 84/2015/QH13 …`).
    let mut cut = rest.len().min(160);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &rest[..cut];
    let head = &head[..head.find(['.', ';', ':']).unwrap_or(head.len())];
    find_kw(head, "so").is_some_and(|(_, e)| head[e..].trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Drop a website's editorial notes in square brackets (`[Điều này được
/// hướng dẫn bởi …]`), not footnote markers (`[1]`).
fn drop_editorial(text: &str) -> String {
    if !text.contains('[') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find('[') {
        let Some(b) = rest[a..].find(']').map(|b| a + b) else {
            break;
        };
        out.push_str(&rest[..a]);
        let inner = &rest[a + 1..b];
        if inner.bytes().all(|c| c.is_ascii_digit()) {
            out.push_str(&rest[a..=b]);
        }
        rest = &rest[b + 1..];
    }
    out.push_str(rest);
    fold_ws(&out)
}

/// Drop footnote markers a PDF's text layer glues to a word (`thuế1`,
/// `Kiểm soát viên1 công ty`): digits right after a lower-case letter, at
/// the end of the word.
fn drop_footnote_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() && prev.is_some_and(char::is_lowercase) {
            let run = text[i..].bytes().take_while(u8::is_ascii_digit).count();
            let after = text[i + run..].chars().next();
            if after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | ';' | '.' | ')')) {
                for _ in 1..run {
                    chars.next();
                }
                prev = Some(c);
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::Parser;

    /// `authority_tail`, settled by the last word for a text that ends in
    /// lower case, answers as the full reading does: on edge cases, and on
    /// the lines (and pairs of lines joined, as a subject's parts are) of
    /// the fixtures and every eighth text of the corpus, with a ministry as
    /// the issuer.
    #[test]
    fn ok_authority_tail_same_as_full_reading() {
        let edges = [
            "QUY ĐỊNH CHI TIẾT BỘ TRƯỞNG BỘ TƯ PHÁP",
            "về thuế CHÍNH PHỦ",
            "Quy định chi tiết CHÍNH PHỦ",
            "Quy định chi tiết CHÍNH PHỦ ",
            "Quy định chi tiết CHÍNH Phủ",
            "QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "của CHÍNH PHỦ",
            "Quy định BỘ TRƯỞNG BỘ TƯ PHÁP",
            "CHÍNH PHỦ.",
            "chính phủ",
            "",
        ]
        .join("\n");
        let mut texts = vec![edges];
        texts.extend(crate::test_texts::sampled(8));
        let (mut lines, mut found) = (0, 0);
        for text in &texts {
            let norm = crate::normalize::normalize(text);
            let ctx = crate::text::Ctx::new(text, norm.text(), norm.map());
            let mut doc = crate::model::Document {
                issuer: Some("Bộ Tư pháp".to_string()),
                issuer_parent: Some("Ủy ban nhân dân".to_string()),
                ..Default::default()
            };
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
                let two = format!("{t} {}", if l + 1 < p.lines.len() { p.text(l + 1) } else { "" });
                for s in [t, two.as_str()] {
                    let got = p.authority_tail(s);
                    assert_eq!(got, p.authority_tail_read(s), "{s:?}");
                    found += usize::from(got.is_some());
                }
                lines += 1;
            }
        }
        assert!(lines > 1000 && found >= 5, "lines {lines}, found {found}");
    }

    #[test]
    fn ok_drop_footnote_marks() {
        assert_eq!(
            drop_footnote_marks("Quy định về đăng ký thuế1"),
            "Quy định về đăng ký thuế"
        );
        assert_eq!(
            drop_footnote_marks("người quản lý, Kiểm soát viên12 công ty"),
            "người quản lý, Kiểm soát viên công ty"
        );
        // Codes and numbers keep their digits.
        for t in ["Luật số 31/2024/QH15", "COVID-19 và H5N1", "năm 2026", "QL.6"] {
            assert_eq!(drop_footnote_marks(t), t);
        }
    }
}
