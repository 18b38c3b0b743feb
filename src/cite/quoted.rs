//! The text of another document quoted after `như sau:`, as consolidated
//! texts (văn bản hợp nhất) print them in their notes: `Thông tư số A …
//! có căn cứ ban hành như sau: “Căn cứ Nghị định số B …; Căn cứ …”`, `Điều
//! 6 của Luật số A … quy định như sau: “… Bãi bỏ … Luật … số C …”`. What the
//! quotation states (B the basis, C repealed) is A's, not this document's:
//! each such citation gets A as its `by`.
//!
//! The quoted document opens its sentence: after the sentence's start only
//! a note's number and the article it quotes (`Điều 252 và Điều 253 của`)
//! may stand before it. An amending instruction (`Sửa đổi khoản 2 Điều 5
//! Nghị định số A như sau: “…”`) opens with its verb: the text it quotes is
//! this document's, and is left as it is.

use super::lex::{curly_quote_ending_at, prefix, suffix};
use super::relation::Rel;
use super::Found;
use crate::model::Relation;
use crate::normalize::fold;

/// How far back from `như sau` the quoted document's citation may start.
const INTRO_WINDOW: usize = 2000;

/// How long a quotation may be (a quoted article, a note's `Căn cứ`).
const QUOTE_MAX: usize = 60_000;

/// Give each citation inside a quotation of another document, stating a
/// relation of its own (not `mentions`, no agent yet), that document as its
/// `by`. One pass over the text: each quotation is skipped once read.
pub(super) fn quote_owners(norm: &str, found: &[Found], rels: &mut [Rel]) {
    if found.len() < 2 {
        return;
    }
    let finder = memchr::memmem::Finder::new("như");
    let mut budget = 4 * norm.len();
    // Only a `như` after the first citation's start and before the last
    // one's is read: the document quoting opens before it ([`intro_owner`]
    // finds none before the first), and the citations given an owner are
    // in the quotation after it (none after the last). The rest of the
    // text is not searched.
    let (first, last) = (found.iter().map(|f| f.start).min(), found.iter().map(|f| f.start).max());
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    #[cfg(test)]
    let (first, last) = if super::post::plain() {
        (0, norm.len())
    } else {
        (first, last)
    };
    // Only a `như` within [`INTRO_WINDOW`] bytes after a citation's start
    // is read too: [`intro_owner`] finds the quoted document's citation
    // starting before it and at most that far back, so no other `như` has
    // an owner. The text far from any citation is not searched. Nor is
    // the text past the end of the sentence a citation opens (see
    // [`sentence_ends`], and `sentence_end` for why): the citation [`intro_owner`] finds opens the
    // sentence of the `như`.
    let mut starts: Vec<usize> = found.iter().map(|f| f.start).collect();
    starts.sort_unstable();
    let ends = sentence_ends(norm.as_bytes(), &starts);
    let next = |from: usize| {
        #[cfg(test)]
        if super::post::plain() {
            return norm
                .as_bytes()
                .get(from..last)
                .and_then(|h| finder.find(h))
                .map(|k| from + k);
        }
        next_near(norm.as_bytes(), &finder, &starts, &ends, from, last)
    };
    let mut from = first;
    while let Some(k) = next(from) {
        from = k + "như".len();
        // (Most are no `như sau`: one test of the bytes after.)
        if !norm[from..].trim_start_matches([' ', '\t', '\n']).starts_with("sau") {
            continue;
        }
        let Some(owner) = intro_owner(norm, found, k) else {
            continue;
        };
        let (open, close) = match quotation_after(&norm[from..]) {
            Some(o) => {
                let open = from + o;
                // (The bytes read for quotations' ends are counted: past
                // four times the text, quotations left open one after
                // another, no more is read.)
                let end = (open + QUOTE_MAX.min(budget)).min(norm.len());
                let close = closing_quote(norm, open, end);
                budget -= close.unwrap_or(end) - open;
                let Some(close) = close else {
                    continue;
                };
                from = close;
                // (A note's quotation broken by a page break goes on in
                // the next page's notes: the page's text comes between.)
                (open, page_break(norm, open, close).unwrap_or(close))
            }
            None => match unquoted_basis(norm, k, from) {
                Some(range) => {
                    from = range.1;
                    range
                }
                None => continue,
            },
        };
        let first = found.partition_point(|f| f.start <= open);
        for (i, f) in found.iter().enumerate().skip(first) {
            if f.start >= close {
                break;
            }
            let r = &mut rels[i];
            if r.relation != Relation::Mentions && r.by.is_none() && r.acts.is_none() {
                r.by = Some(owner);
            }
        }
    }
}

/// Where the `như` of a sentence opened at `s` may start at the latest:
/// after the sentence's first end, a `.`, `;` or `:` followed by white
/// space at `k` (then `k + 1`), or `limit`, whichever comes first.
/// [`sentence_start`] of the text up to a `như` after that end starts
/// after `s` (at that end or a later one), so no citation starting at `s`
/// opens the sentence of such a `như`. (What [`sentence_ends`] gives each
/// start, read one start at a time: the reference it is tested against.)
#[cfg(test)]
fn sentence_end(b: &[u8], s: usize, limit: usize) -> usize {
    let limit = limit.min(b.len());
    if s >= limit {
        return limit;
    }
    memchr::memchr3_iter(b'.', b';', b':', &b[s..limit])
        .map(|k| s + k)
        .find(|&k| b.get(k + 1).is_some_and(u8::is_ascii_whitespace))
        .map_or(limit, |k| k + 1)
}

/// `sentence_end` of each of `starts` (sorted), [`INTRO_WINDOW`] bytes
/// after it at most, with no byte of the text read twice: a boundary found
/// for one start (the first `.`, `;` or `:` followed by white space at or
/// after it) is the first at or after the next start too when it is not
/// before that start, and where the text was read up to a limit and none
/// was found, none is there for a later start either. (Citations sharing
/// a sentence, as a list's items do, ask for the same end.)
fn sentence_ends(b: &[u8], starts: &[usize]) -> Vec<usize> {
    let is_end = |k: usize| b.get(k + 1).is_some_and(u8::is_ascii_whitespace);
    // The first boundary at or after the last start, if one was found
    // before the text read so far (`read`) ended.
    let (mut hit, mut read) = (None::<usize>, 0);
    starts
        .iter()
        .map(|&s| {
            let limit = (s + INTRO_WINDOW).min(b.len());
            if hit.is_none_or(|k| k < s) {
                // (Before `read` there is none past `s`, unless found.)
                let from = if hit.is_none() { s.max(read) } else { s };
                hit = memchr::memchr3_iter(b'.', b';', b':', b.get(from..limit).unwrap_or_default())
                    .map(|k| from + k)
                    .find(|&k| is_end(k));
                read = read.max(limit);
            }
            match hit {
                Some(k) if k < limit => k + 1,
                _ => limit,
            }
        })
        .collect()
}

/// The first match of `finder` at `from` or after, ending by `last`, that
/// starts after some position of `starts` (sorted) and at most at the
/// position of `ends` beside it. The windows after the starts are searched
/// in order, overlapping ones as one.
fn next_near(
    b: &[u8],
    finder: &memchr::memmem::Finder<'_>,
    starts: &[usize],
    ends: &[usize],
    from: usize,
    last: usize,
) -> Option<usize> {
    let mut at = from;
    // The first start whose window may reach `at` (a window ends at most
    // [`INTRO_WINDOW`] after its start; one ending before `at` is skipped
    // below).
    let mut j = starts.partition_point(|&s| s + INTRO_WINDOW < at);
    while j < starts.len() && at < last {
        // A match at `k` may start in `s + 1 ..= hi`: the windows of the
        // starts up to `hi` joined.
        let lo = at.max(starts[j] + 1);
        let mut hi = ends[j];
        j += 1;
        while j < starts.len() && starts[j] <= hi {
            hi = hi.max(ends[j]);
            j += 1;
        }
        if hi < lo {
            continue;
        }
        let end = (hi + finder.needle().len()).min(last);
        if let Some(k) = b.get(lo..end).and_then(|h| finder.find(h)) {
            return Some(lo + k);
        }
        at = hi + 1;
    }
    None
}

// QuoteOpening ::= Ws "sau" Sp? ":" Ws "“"        (after `như`)
/// After `như` at the start of `s`: where the quotation opened by `sau:`
/// starts (its `“`), if one does.
fn quotation_after(s: &str) -> Option<usize> {
    let r = s.trim_start_matches([' ', '\t', '\n']);
    let r = r.strip_prefix("sau")?;
    let r = r.trim_start_matches([' ', '\t']).strip_prefix(':')?;
    let r = r.trim_start_matches([' ', '\t', '\r', '\n']);
    r.starts_with('“').then(|| s.len() - r.len())
}

/// `… có căn cứ ban hành như sau:` with no quotation mark (`như` at
/// `k`, `from` after it): the `Căn cứ` clauses that follow, up to the
/// enacting sentence's full stop or a blank line (at most 6,000 bytes).
fn unquoted_basis(norm: &str, k: usize, from: usize) -> Option<(usize, usize)> {
    if !fold(suffix(&norm[..k], 40)).trim_end().ends_with("can cu ban hanh") {
        return None;
    }
    let r = &norm[from..];
    let r = r.trim_start_matches([' ', '\t']).strip_prefix("sau")?;
    let r = r.trim_start_matches([' ', '\t']).strip_prefix(':')?;
    let open = norm.len() - r.len();
    let body = prefix(r, 6000);
    let b = body.as_bytes();
    let end = (0..b.len())
        .find(|&p| {
            b[p] == b'.' && b.get(p + 1).is_none_or(|c| c.is_ascii_whitespace())
                || b[p] == b'\n' && body[..p].trim_end_matches([' ', '\t', '\r']).ends_with('\n') && p > 2
        })
        .unwrap_or(body.len());
    let close = open + end;
    Some((open, page_break(norm, open, close).unwrap_or(close)))
}

/// The start of the first line between `open` and `close` that is a PDF
/// page's header (`CÔNG BÁO/Số …`), if any.
fn page_break(norm: &str, open: usize, close: usize) -> Option<usize> {
    let mut at = open;
    while let Some(k) = norm[at..close].find("CÔNG BÁO").map(|k| at + k) {
        // (Its line's start, looked for in the quotation only: the `“`
        // before it on the same line is no white space either.)
        if let Some(ls) = norm[open..k].rfind('\n').map(|p| open + p + 1) {
            if norm[ls..k].trim().is_empty() {
                return Some(ls);
            }
        }
        at = k + "CÔNG BÁO".len();
    }
    None
}

/// The `”` closing the quotation opened at `open` (nested quotations
/// counted), if any before `end`.
fn closing_quote(norm: &str, open: usize, end: usize) -> Option<usize> {
    // `“` is E2 80 9C, `”` E2 80 9D: their last bytes found, their first
    // two checked.
    let b = norm.as_bytes();
    let mut depth = 0usize;
    for k in memchr::memchr2_iter(0x9C, 0x9D, &b[open..end]).map(|k| open + k) {
        match curly_quote_ending_at(b, k) {
            Some(true) => depth += 1,
            Some(false) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(k - 2);
                }
            }
            None => {}
        }
    }
    None
}

/// The citation opening the sentence that ends in `như sau` at `at`: the
/// quoted document. Only a note's number (`1`, `[2]`) and the articles
/// quoted (`Điều 6 của`, `Điều 252 và Điều 253 của`) may stand before it.
fn intro_owner(norm: &str, found: &[Found], at: usize) -> Option<usize> {
    let window = suffix(&norm[..at], INTRO_WINDOW);
    let lo = at - window.len();
    let start = lo + sentence_start(window);
    let i = found.partition_point(|f| f.start < start);
    let f = found.get(i).filter(|f| f.start < at)?;
    only_article_before(&norm[start..f.start]).then_some(i)
}

/// Where the last sentence of `s` starts: after its last `.`, `;`, `:` or
/// `”` followed by white space, or its last blank line.
fn sentence_start(s: &str) -> usize {
    let b = s.as_bytes();
    let mut k = b.len();
    while k > 0 {
        k -= 1;
        let next_is_space = b.get(k + 1).is_some_and(|c| c.is_ascii_whitespace());
        match b[k] {
            b'.' | b';' | b':' if next_is_space => return k + 1,
            b'\n' if s[..k].trim_end_matches([' ', '\t', '\r']).ends_with('\n') => return k + 1,
            0x9D if next_is_space && curly_quote_ending_at(b, k) == Some(false) => return k + 1,
            _ => {}
        }
    }
    0
}

/// Is `s` only white space, a note's number and articles of the document
/// cited after it (`1 `, `[2] `, `Điều 6 của `, `Điều 252 và Điều 253 của
/// `, `khoản 2 Điều 3 của `)?
fn only_article_before(s: &str) -> bool {
    let f = fold(s);
    let mut words = f
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .peekable();
    // A note's number first.
    if words.peek().is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())) {
        words.next();
    }
    let mut any = false;
    let mut last = "";
    for w in words {
        let ok = matches!(w, "dieu" | "khoan" | "diem" | "va" | "cua" | "tai" | "cac")
            || w.bytes().all(|b| b.is_ascii_digit())
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_lowercase()));
        if !ok {
            return false;
        }
        any = true;
        last = w;
    }
    // (Articles name their document after `của` or `tại`.)
    !any || matches!(last, "cua" | "tai")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`next_near`] finds, in order, the matches a plain search finds that
    /// start after some start and at most the window after it: on real
    /// text with the type words' places as starts, and on edge cases.
    #[test]
    fn ok_next_near_same_as_plain() {
        let finder = memchr::memmem::Finder::new("như");
        // (Each window `window` bytes long, at most; cut at the end of the
        // start's sentence too with `cut`.)
        let check = |text: &str, starts: &[usize], window: usize, cut: bool, first: usize, last: usize| {
            let b = text.as_bytes();
            let window = window.min(INTRO_WINDOW);
            let ends: Vec<usize> = starts
                .iter()
                .map(|&s| {
                    if cut {
                        sentence_end(b, s, s + window)
                    } else {
                        s + window
                    }
                })
                .collect();
            let plain: Vec<usize> = memchr::memmem::find_iter(&b[first..last], "như".as_bytes())
                .map(|k| first + k)
                .filter(|&k| starts.iter().zip(&ends).any(|(&s, &e)| s < k && k <= e))
                .collect();
            let mut near = Vec::new();
            let mut from = first;
            while let Some(k) = next_near(b, &finder, starts, &ends, from, last) {
                near.push(k);
                from = k + "như".len();
            }
            assert_eq!(near, plain);
        };
        let mut n = 0;
        for (_, text) in crate::test_texts::texts() {
            let mut starts: Vec<usize> = ["Luật", "Nghị định", "Thông tư", "Quyết định"]
                .iter()
                .flat_map(|w| text.match_indices(w).map(|(k, _)| k))
                .collect();
            starts.sort_unstable();
            let last = starts.last().copied().unwrap_or(0);
            for window in [1, 7, 300, 2000] {
                for cut in [false, true] {
                    check(&text, &starts, window, cut, starts.first().copied().unwrap_or(0), last);
                    check(&text, &starts, window, cut, 0, text.len());
                }
            }
            n += starts.len();
        }
        assert!(n > 1000, "only {n} starts");
        for t in ["như như x như nhưnhư như", "như. như; x như: nhưnhư.như như"] {
            for starts in [vec![], vec![0], vec![0, 3], vec![2, 9, 10, 30], vec![5, 5, 6]] {
                for window in [1, 2, 4, 5, 10, 100] {
                    for first in 0..t.len() {
                        for last in first..=t.len() {
                            check(t, &starts, window, false, first, last);
                            check(t, &starts, window, true, first, last);
                        }
                    }
                }
            }
        }
    }

    /// No sentence [`sentence_start`] finds opens at or before a start
    /// when it is read up to a place past the start's [`sentence_end`]:
    /// on real text, from every 499th byte, to places past the end.
    #[test]
    fn ok_sentence_end_ends_what_sentence_start_reads() {
        let mut n = 0;
        for text in crate::test_texts::sampled(5) {
            let b = text.as_bytes();
            for s in (0..b.len()).step_by(499) {
                let end = sentence_end(b, s, s + INTRO_WINDOW);
                for at in [end + 1, end + 2, end + 40, s + INTRO_WINDOW] {
                    if at <= end || at > s + INTRO_WINDOW || at > b.len() || !text.is_char_boundary(at) {
                        continue;
                    }
                    let window = suffix(&text[..at], INTRO_WINDOW);
                    let lo = at - window.len();
                    assert!(lo + sentence_start(window) > s || lo > s, "{s} {at}");
                    n += 1;
                }
            }
        }
        assert!(n > 1000, "only {n} places");
        // The ends of sorted starts read at once are those read one by one,
        // on real text (every 97th byte, and runs of near starts) and on
        // edge cases.
        let one_by_one = |b: &[u8], starts: &[usize]| -> Vec<usize> {
            starts.iter().map(|&s| sentence_end(b, s, s + INTRO_WINDOW)).collect()
        };
        for text in crate::test_texts::sampled(5) {
            let b = text.as_bytes();
            let mut starts: Vec<usize> = (0..b.len()).step_by(97).collect();
            starts.extend((0..b.len()).step_by(3001).flat_map(|s| [s, s + 1, s + 40, s + 2500]));
            starts.retain(|&s| s <= b.len());
            starts.sort_unstable();
            assert_eq!(sentence_ends(b, &starts), one_by_one(b, &starts));
        }
        let long = format!("{}. b", "a".repeat(2 * INTRO_WINDOW));
        for (t, starts) in [
            ("a. b; c: d.e", vec![0, 0, 1, 2, 3, 5, 8, 11, 12]),
            ("a.b; c", vec![0, 4, 6]),
            ("", vec![0, 0]),
            (
                long.as_str(),
                vec![
                    0,
                    1,
                    INTRO_WINDOW,
                    INTRO_WINDOW + 1,
                    2 * INTRO_WINDOW - 1,
                    2 * INTRO_WINDOW + 2,
                ],
            ),
        ] {
            assert_eq!(
                sentence_ends(t.as_bytes(), &starts),
                one_by_one(t.as_bytes(), &starts),
                "{t:?}"
            );
        }
        assert_eq!(sentence_end(b"a. b", 0, 10), 2);
        assert_eq!(sentence_end(b"a.b; c", 0, 10), 4);
        assert_eq!(sentence_end(b"a.b; c", 0, 3), 3);
        assert_eq!(sentence_end(b"a:\nb", 1, 10), 2);
        assert_eq!(sentence_end(b"a:", 0, 10), 2);
    }

    #[test]
    fn ok_quotation_opening() {
        assert_eq!(quotation_after(" sau:\n“Căn cứ"), Some(" sau:\n".len()));
        assert_eq!(quotation_after(" sau: “Điều 6"), Some(6));
        assert_eq!(quotation_after(" sau:\nCăn cứ"), None);
        assert_eq!(quotation_after(" vậy: “"), None);
    }

    #[test]
    fn ok_closing_quote_nested() {
        let s = "x “a “b” c” d";
        let open = s.find('“').unwrap();
        assert_eq!(closing_quote(s, open, s.len()), Some(s.rfind('”').unwrap()));
        assert_eq!(closing_quote("“a “b”", 0, "“a “b”".len()), None);
    }

    #[test]
    fn ok_sentence_start() {
        assert_eq!(sentence_start("Hết. 1 Thông tư số"), "Hết.".len());
        assert_eq!(sentence_start("a; Luật số"), 2);
        assert_eq!(sentence_start("“x” Điều 6"), "“x”".len());
        assert_eq!(sentence_start("a\n \nb"), 4);
        assert_eq!(sentence_start("12.11.2020 b"), 0);
    }

    #[test]
    fn ok_only_article_before() {
        assert!(only_article_before(""));
        assert!(only_article_before("1 "));
        assert!(only_article_before("[2] "));
        assert!(only_article_before("Điều 6 của "));
        assert!(only_article_before("Điều 252 và Điều 253 của "));
        assert!(only_article_before("khoản 2 Điều 3 tại "));
        assert!(!only_article_before("Sửa đổi khoản 2 Điều 5 "));
        assert!(!only_article_before("Điều 6 "));
        assert!(!only_article_before("Bãi bỏ "));
    }
}
