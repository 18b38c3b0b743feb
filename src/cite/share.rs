//! Lists sharing parts: a date or issuer printed once for several
//! citations.

use super::relation::is_list_item;
use super::Found;
use crate::normalize::fold;

/// The separator between two neighbours in a list (`và`, `,`, `, và`)?
pub(super) fn is_list_join(gap: &str) -> bool {
    if !may_fold_within(gap, b"vacho,") {
        return false;
    }
    let g = fold(gap.trim());
    matches!(g.as_str(), "va" | "," | ", va" | "hoac" | "va cac" | ", cac")
}

/// Can [`fold`] of `s` hold only whitespace and the bytes of `allowed`
/// (lower-case letters and punctuation)? An ASCII character folds to itself
/// in lower case (NUL to nothing), so one outside them says no without
/// folding; other characters are left to the fold.
pub(super) fn may_fold_within(s: &str, allowed: &[u8]) -> bool {
    s.bytes()
        .all(|b| !b.is_ascii() || b == 0 || char::from(b).is_whitespace() || allowed.contains(&b.to_ascii_lowercase()))
}

/// Lists sharing parts: `A và B, ngày X của Y` gives A the date and issuer;
/// `... cùng ngày` takes the previous date.
pub(super) fn share_parts(norm: &str, found: &mut [Found]) {
    for i in 1..found.len() {
        if found[i].same_day && found[i].date.is_none() {
            if let Some(d) = found[i - 1].date {
                found[i].date = Some(d);
                found[i].shared.push("date".to_string());
            }
        }
    }
    for i in (1..found.len()).rev() {
        let (a, b) = found.split_at_mut(i);
        let prev = &mut a[i - 1];
        let cur = &b[0];
        if prev.tail != prev.end || prev.end > cur.start || cur.start - prev.end > 24 {
            continue;
        }
        if !is_list_join(&norm[prev.end..cur.start]) {
            continue;
        }
        // (Not a law's date by its name: `Luật số 77/2015/QH13, Luật Dầu khí
        // năm 1993` is the year of that law alone.)
        if prev.date.is_none() && prev.issuer.is_none() && cur.date.is_some() && cur.name.is_none() {
            prev.date = cur.date;
            prev.shared.push("date".to_string());
        }
        if prev.issuer.is_none() && cur.issuer.is_some() {
            prev.issuer.clone_from(&cur.issuer);
            prev.shared.push("issuer".to_string());
        }
    }
}

// ClosingDate ::= Subject "(" DatePart ")" (";" | "." | end of line)
/// A list item's citation whose subject ends with its date in brackets
/// (`a) Thông tư số … quy định … (15/3/2023);`, the way lists of repealed
/// documents print it): the date is that citation's, and not that of a
/// citation inside the subject that the bracket follows (`b) Thông tư số A
/// sửa đổi … của Thông tư số B (20/6/2024).`: A's date, not B's). Only
/// the first citation of its line.
pub(super) fn closing_bracket_dates(norm: &str, found: &mut [Found]) {
    for i in 0..found.len() {
        let f = &found[i];
        if f.date.is_some() {
            continue;
        }
        let (a, b, item) = match f.subject_range {
            Some((a, b)) => {
                // The item's text to its end (`;`, the cell's end, a blank
                // line or the next item: a hard-wrapped item goes on over
                // lines): a long subject is cut short of it.
                let ahead = super::lex::prefix(&norm[b..], 400);
                let stop = item_end(ahead);
                (a, b, &norm[a..b + stop])
            }
            // No subject read: a title after a dash to the line's end (`31.
            // **QĐ A** — Điều chỉnh, bổ sung QĐ B về … (22/5/2006)`, `14.
            // **TT A** — Danh mục …; Danh mục … (05/11/2010)`).
            None => {
                let Some(a) = dash_title(norm, f.tail.max(f.end)) else {
                    continue;
                };
                let eol = memchr::memchr(b'\n', &norm.as_bytes()[a..]).map_or(norm.len(), |k| a + k);
                (a, a, super::lex::prefix(&norm[a..eol], 400))
            }
        };
        // (In a table's row, the cell's end: `| … (15/3/2023) | Hết hiệu lực |`.)
        let item = item.find('|').map_or(item, |k| &item[..k]);
        let item = item.trim_end().trim_end_matches('.').trim_end();
        if !item.ends_with(')') {
            continue;
        }
        // (The first citation of its line, the item's own: not one in the
        // title of another, `31. QĐ A — Điều chỉnh, bổ sung QĐ B về …
        // (22/5/2006)`, whose date it is.)
        let line_start = memchr::memrchr(b'\n', &norm.as_bytes()[..f.start]).map_or(0, |k| k + 1);
        if i > 0 && found[i - 1].start >= line_start {
            continue;
        }
        let Some(open) = item.rfind('(') else { continue };
        let Ok((rest, d)) = super::grammar::paren_date(&item[open..]) else {
            continue;
        };
        let (true, Ok(date)) = (rest.trim().is_empty(), d.date) else {
            continue;
        };
        let at = a + open;
        found[i].date = Some(date);
        if at < b {
            found[i].subject = Some(crate::text::fold_ws(&item[..open]));
            found[i].subject_range = Some((a, a + item[..open].trim_end().len()));
        }
        // (A citation inside the subject read the bracket as its own date.)
        for g in found[i + 1..].iter_mut().take_while(|g| g.start < at) {
            if g.end > at && g.date == Some(date) {
                g.date = None;
                g.end = at;
                g.tail = g.tail.min(at);
            }
        }
    }
}

/// Where the title after a list item's citation starts, past its dash or
/// colon ([`super::grammar::item_lead`]: `**TT 16/2014/TT-BNNPTNT** — Quy
/// định …`): its byte offset in `norm`.
fn dash_title(norm: &str, from: usize) -> Option<usize> {
    let (title, ()) = super::grammar::item_lead(&norm[from..]).ok()?;
    (!title.starts_with(['\n', '\r'])).then(|| norm.len() - title.len())
}

/// Where a list item ends in `ahead` (the text after its subject): at `;`,
/// or before a blank line or a line opening the next item (`b)`, `2.`,
/// `-`, `+`, `|`).
fn item_end(ahead: &str) -> usize {
    let mut at = 0;
    for line in ahead.split_inclusive('\n') {
        if at > 0 && (line.trim().is_empty() || line.trim_start().starts_with('|') || is_list_item(line)) {
            return at;
        }
        if let Some(k) = line.find(';') {
            return at + k;
        }
        at += line.len();
    }
    at
}
