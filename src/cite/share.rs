//! Lists sharing parts: a date or issuer printed once for several
//! citations.

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
