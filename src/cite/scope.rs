//! The scope of a cue over a coordinated list: `Thực hiện Quyết định số
//! A … về việc …; Nghị quyết số B … về …⏎…; Quyết định số C … ban hành …,
//! Ủy ban nhân dân tỉnh … ban hành Kế hoạch … như sau:` implements A, B
//! and C, however long each item's tail and wherever the lines break. The
//! scope ends at the main clause, at the sentence's end, or at another cue
//! (read before: a citation with a cue of its own keeps it).

use super::relation::{closes_bracket, resumes_patients, Rel};
use super::{Found, GRAMMAR_WINDOW};
use crate::model::Relation;
use crate::normalize::fold;

/// The item of a coordinated list that citation `i` goes on, when it has
/// no cue of its own: `Thực hiện Quyết định số A … về việc …; Nghị quyết số
/// B … về …⏎…; Quyết định số C … ban hành Quy định …, Ủy ban nhân dân tỉnh
/// ban hành Kế hoạch … như sau:` gives B and C the relation of A. Only a
/// list separator (`;`, `,`, `và`, `hoặc`, line breaks, a bullet) stands
/// right before `i`, and what is between it and the citation before it at
/// its level (same outer citation) is that one's own tail: its date,
/// issuer, title, wrapped over lines, with no end of sentence and no main
/// clause ([`item_tail`]). The item returned is that citation, or the one
/// it is the agent of when the list of agents ends (see below); none when
/// it is only mentioned, or is the base of a consolidated text.
pub(super) fn list_item_before(
    norm: &str,
    found: &[Found],
    outers: &[Option<usize>],
    out: &[Rel],
    i: usize,
) -> Option<usize> {
    let f = &found[i];
    let sep = separator_start(&norm[..f.start])?;
    let level = |outer: Option<usize>| {
        let floor = outer.and_then(|o| found[o].subject_range).map_or(0, |(a, _)| a);
        move |j: &usize| found[*j].start >= floor && found[*j].start + GRAMMAR_WINDOW > f.start
    };
    let mut outer = outers[i];
    if let Some(m) = amended_before(norm, found, outers, out, i, sep) {
        return Some(m);
    }
    let j = (0..i)
        .rev()
        .take_while(level(outer))
        .find(|&j| outers[j] == outer && found[j].tail <= sep && !closes_bracket(&norm[found[j].end..f.start]));
    let (j, tail) = match (j, outer) {
        // (Every citation between them is inside its subject, whole, or in
        // brackets: no other item stood between.)
        (Some(j), _) => {
            let tail = found[j].tail.max(found[j].end);
            let between = |m: &Found| m.end > tail && !closes_bracket(&norm[m.end..sep]);
            // (A restatement of the outer one, `(sau đây gọi tắt là Thông
            // tư số …)`, closed its subject: this one is not inside it.)
            let restates = |m: &Found| outer.is_some_and(|o| m.symbol.is_some() && m.symbol == found[o].symbol);
            if found[j + 1..i].iter().any(|m| between(m) || restates(m)) {
                return None;
            }
            (j, tail)
        }
        // The first citation read into another's subject, after a
        // separator (`Quyết định số A … phê duyệt Chương trình …, giai
        // đoạn I: …, Quyết định số B …`): an item of the list that one is
        // in, not an object of its verb.
        (None, Some(o)) if o + 1 == i => {
            outer = outers[o];
            (o, found[o].end)
        }
        _ => return None,
    };
    let within = level(outer);
    // (Overlapping readings of broken text: no gap, and no slice past it.)
    if !item_tail(&norm[tail.min(sep)..sep]) || in_subject(norm, &found[j]) {
        return None;
    }
    let k = if norm[sep..f.start].contains(';') {
        // After a `;`: the first item of the clause it closes, where the
        // cue governs (`Thực hiện theo … các Thông tư liên tịch: số A …
        // sửa đổi, bổ sung Thông tư số B; số C`: A), back past agents
        // always (`Luật A … được sửa đổi bởi Luật B; Luật C`: A).
        let mut k = j;
        for m in (0..j).rev().take_while(within).filter(|&m| outers[m] == outer) {
            let gap = found[m].tail.max(found[m].end).min(found[k].start);
            if out[k].acts.is_none() && !item_tail(&norm[gap..found[k].start]) {
                break;
            }
            k = m;
        }
        k
    } else if out[j].acts.is_some() && resumes_patients(norm, found, i, j) {
        // The list of agents ends: the one they act on goes on.
        (0..j)
            .rev()
            .take_while(within)
            .filter(|&k| outers[k] == outer)
            .find(|&k| out[k].acts.is_none())?
    } else {
        j
    };
    // (Only a list's first item consolidates: the others amend it.)
    match out[k].relation {
        Relation::Consolidates => None,
        Relation::Mentions if out[k].acts.is_none() => None,
        _ => Some(k),
    }
}

/// The object of an amending title just before citation `i` when `i`
/// goes on that title's objects, past where its subject was read to (`…
/// sửa đổi, bổ sung một số điều của Thông tư số A … quy định về … của Bộ
/// trưởng Bộ⏎Tài chính và Thông tư số B …`: B is amended too), as an
/// amending title lists what it amends with `,` and `và`.
fn amended_before(
    norm: &str,
    found: &[Found],
    outers: &[Option<usize>],
    out: &[Rel],
    i: usize,
    sep: usize,
) -> Option<usize> {
    let m = i.checked_sub(1)?;
    let o = outers[m]?;
    let acting = matches!(
        out[m].relation,
        Relation::Amends | Relation::Replaces | Relation::Repeals
    );
    let tail = found[m].tail.max(found[m].end);
    (outers[i] != Some(o)
        && out[m].by == Some(o)
        && acting
        && tail <= sep
        && !norm[sep..found[i].start].contains(';')
        && item_tail(&norm[tail..sep]))
    .then_some(m)
}

/// Where a list separator right before a citation starts in `before`
/// (`; `, `, `, ` và `, `;⏎- `, `, và các `), if one ends it.
fn separator_start(before: &str) -> Option<usize> {
    let mut s = without_pinpoint(before);
    let mut sep = false;
    loop {
        let t = s.trim_end_matches(|c: char| c.is_whitespace());
        // A bullet opening the item's line (`;⏎- Quyết định …`).
        let t = match t.strip_suffix(['-', '+', '•', '–']) {
            Some(r) if r.trim_end_matches([' ', '\t']).ends_with('\n') => r.trim_end(),
            _ => t,
        };
        if let Some(r) = t.strip_suffix([',', ';']) {
            sep = true;
            s = r;
            continue;
        }
        let w = t.rsplit(char::is_whitespace).next().unwrap_or("");
        match w {
            "và" | "hoặc" => sep = true,
            "các" | "cùng" | "như" => {}
            // (Not between two pinpoints of one document: `… sửa đổi bởi
            // Khoản 3 Điều 1; Điểm a Khoản 1 Điều 3 Nghị định số …`.)
            _ => return (sep && without_pinpoint(t).len() == t.len()).then_some(t.len()),
        }
        s = &t[..t.len() - w.len()];
    }
}

/// `before` without the pinpoint that ends it (`Điều 12 `, `khoản 6 Điều
/// 4 của `, `điểm a khoản 2 Điều 3 `): a list's item may name a part of
/// the document (`… thay thế Thông tư số A …, Điều 12 Thông tư số B`).
fn without_pinpoint(before: &str) -> &str {
    let mut t = before.trim_end();
    if let Some(r) = t.strip_suffix("của") {
        t = r.trim_end();
    }
    let whole = t.len();
    loop {
        let mut words = t.rsplit(char::is_whitespace);
        let (Some(label), Some(unit)) = (words.next(), words.next()) else {
            return t;
        };
        let is_label = !label.is_empty()
            && (label.bytes().all(|c| c.is_ascii_digit())
                || label.chars().count() == 1 && label.starts_with(char::is_alphabetic));
        if !is_label
            || !matches!(
                &*fold(unit),
                "dieu" | "khoan" | "diem" | "muc" | "chuong" | "phan" | "tiet"
            )
        {
            return if t.len() == whole { before } else { t };
        }
        t = t[..t.len() - label.len()].trim_end();
        t = t[..t.len() - unit.len()].trim_end();
    }
}

/// Is `s`, the text between a list's item and the separator after it, only
/// that item's tail (`về việc …`, `ban hành Quy định …`, a wrapped title,
/// `(khóa XII)`)? Not when an item with no citation stood between (`;`),
/// nor when it ends a sentence (`. `, or `.` at a line's end, after a word
/// longer than an abbreviation's `TP.`; `:` but in a title; `!`, `?`; a
/// blank line not followed by lower case), leaves a bracket or a note
/// (`)`, `[`, `]`), crosses a table's cell (`|`) or holds the main clause
/// ([`main_clause`]).
fn item_tail(s: &str) -> bool {
    if s.contains([';', '!', '?', '[', ']', '|']) || closes_bracket(s) {
        return false;
    }
    // (A colon inside a title goes on in lower case: `giai đoạn I: từ năm
    // 2031 đến năm 2035`.)
    let title_colon = |k: usize| {
        s[k + 1..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_lowercase))
    };
    if memchr::memchr_iter(b':', s.as_bytes()).any(|k| !title_colon(k)) {
        return false;
    }
    let b = s.as_bytes();
    for k in memchr::memchr2_iter(b'.', b'\n', b) {
        let next = b.get(k + 1).copied();
        if b[k] == b'\n' {
            // A blank line, unless the sentence goes on in lower case after
            // it (over a page's break).
            let rest = s[k + 1..].trim_start_matches([' ', '\t']);
            if rest.starts_with('\n') && !rest.trim_start().starts_with(char::is_lowercase) {
                return false;
            }
            continue;
        }
        if !matches!(next, Some(b' ' | b'\n' | b'\t') | None) {
            continue;
        }
        let word = s[..k].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let abbreviation = word.chars().count() <= 2 && word.starts_with(char::is_uppercase);
        if !abbreviation {
            return false;
        }
    }
    !main_clause(s)
}

/// Does `s` (a citation's tail or subject) hold the main clause of its
/// sentence: `như sau`, or a comma and a new subject in capitals (no
/// citation) with its verb (`…, Ủy ban nhân dân tỉnh ban hành …`)?
pub(super) fn main_clause(s: &str) -> bool {
    if memchr::memmem::find(s.as_bytes(), b"sau").is_some() && fold(s).contains("nhu sau") {
        return true;
    }
    s.split(',').skip(1).any(|seg| {
        let seg = seg.trim_start();
        seg.starts_with(char::is_uppercase) && !super::types::starts_citation(seg) && has_main_verb(&fold(seg))
    })
}

/// Does folded `s` hold a verb of [`MAIN_VERBS`]?
fn has_main_verb(s: &str) -> bool {
    let mut words = s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let mut last = "";
    words.any(|w| {
        let hit = MAIN_VERBS.iter().any(|&(a, b)| last == a && w == b);
        last = w;
        hit
    })
}

/// Verbs of a document's main clause after its subject (folded): `ban
/// hành`, `xây dựng`, `yêu cầu`, `đề nghị`, `chỉ đạo`, `thông báo`.
const MAIN_VERBS: [(&str, &str); 6] = [
    ("ban", "hanh"),
    ("xay", "dung"),
    ("yeu", "cau"),
    ("de", "nghi"),
    ("chi", "dao"),
    ("thong", "bao"),
];

/// Has the subject read for a citation run into the main clause (`… về
/// việc giao chỉ tiêu, Ủy ban nhân dân huyện ban hành kế hoạch`)? Then the
/// list it was an item of ended there.
pub(super) fn in_subject(norm: &str, f: &Found) -> bool {
    f.subject_range.is_some_and(|(a, b)| main_clause(&norm[a..b]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_separator_start() {
        fn at(s: &str) -> Option<&str> {
            separator_start(s).map(|k| &s[k..])
        }
        assert_eq!(at("về việc X; "), Some("; "));
        assert_eq!(at("về việc X,\n"), Some(",\n"));
        assert_eq!(at("về việc X và "), Some(" và "));
        assert_eq!(at("về việc X, và các "), Some(", và các "));
        assert_eq!(at("về việc X;\n- "), Some(";\n- "));
        assert_eq!(at("về việc X "), None);
        assert_eq!(at("theo "), None);
        assert_eq!(at("giai đoạn 2030 - "), None);
        assert_eq!(at("năm 2025, Điều 12 "), Some(", Điều 12 "));
        assert_eq!(
            at("năm 2025; điểm a khoản 6 Điều 4 của "),
            Some("; điểm a khoản 6 Điều 4 của ")
        );
        assert_eq!(at("quy định tại Điều 12 "), None);
        assert_eq!(at("sửa đổi bởi Khoản 3 Điều 1; Điểm a Khoản 1 Điều 3 "), None);
    }

    #[test]
    fn ok_item_tail() {
        assert!(item_tail(" về việc phê duyệt Đề án phát triển, nâng cao chất lượng"));
        assert!(item_tail(" của UBND TP. Hồ Chí Minh về việc X"));
        assert!(item_tail(" về một số chính sách hỗ trợ phát triển\nnông nghiệp"));
        assert!(item_tail(" của Bộ\n\nđào tạo nghề"));
        assert!(item_tail(" giai đoạn I: từ năm 2031 đến năm 2035"));
        assert!(!item_tail(" như sau: "));
        assert!(!item_tail(" về việc giao chỉ tiêu. Theo đó"));
        assert!(!item_tail(" về việc X;\nTheo đề nghị của Sở Tài chính"));
        assert!(!item_tail(" về việc X, Ủy ban nhân dân tỉnh ban hành Kế hoạch"));
        assert!(!item_tail(" về việc X, Sở Y tế đề nghị các đơn vị"));
        assert!(!item_tail(" về việc X, các đơn vị thực hiện như sau"));
        assert!(!item_tail(" về việc X\n\n## Chương II"));
        assert!(!item_tail(" về việc X) và"));
        assert!(!item_tail(" | 12/2030 |"));
    }
}
