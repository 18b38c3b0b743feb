//! Clause helpers: the cue of a window, quoted phrases, passive agents
//! and acting verbs.

use super::lines::{is_glue, without_brackets, without_groups};
use crate::cite::cues::{clause_cue, passive_cue, CUES, PASSIVE};
use crate::cite::lex::{curly_quote_ending_at, prefix, suffix};
use crate::cite::{last_full_stop, Found, CUE_WINDOW, GRAMMAR_WINDOW};
use crate::model::Relation;
use crate::normalize::{fold, fold_into};

/// Does `window` end inside a quotation opened after `cụm từ` (a phrase
/// an amendment rewrites: `Sửa đổi cụm từ “theo Thông tư số …`), or after
/// its `thành` (`cụm từ “…” thành “Thông tư số …`)?
pub(super) fn in_quoted_phrase(window: &str) -> bool {
    let b = window.as_bytes();
    let Some(o) = memchr::memrchr_iter(0x9C, b)
        .find(|&k| curly_quote_ending_at(b, k) == Some(true))
        .map(|k| k - 2)
    else {
        return false;
    };
    let before = fold(&window[..o]);
    let before = before.trim_end_matches([' ', ':', ',']);
    !window[o..].contains('”')
        && (before.ends_with("cum tu") || before.ends_with(" thanh") && before.contains("cum tu"))
}

/// The cue of a verb rewriting a quoted phrase that `before` (the text up
/// to its closing quote) ends, when the verb acts on a document (`Sửa đổi
/// cụm từ “…`): as [`window_cue`] gives it.
pub(super) fn rewritten_phrase_cue(before: &str) -> Option<WindowCue> {
    let quoted = suffix(before.strip_suffix('”')?, GRAMMAR_WINDOW);
    let open = quoted.rfind('“')?;
    if quoted[open..].contains('”') {
        return None;
    }
    let head = &quoted[..open + '“'.len_utf8()];
    if !in_quoted_phrase(suffix(head, CUE_WINDOW)) {
        return None;
    }
    let head = &quoted[..open];
    let (hit, folded, cut) = window_cue(suffix(head, CUE_WINDOW), false);
    hit.filter(|&(_, _, k)| matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals))?;
    Some((hit, folded, cut))
}

/// Where the type word of a name opening with an amending cue starts in
/// `folded` (`luat sua doi, bo sung mot so dieu luat dien luc`, the cited
/// law's own name: no `của` between the cue and the citation), if the cue
/// `hit` is one.
pub(super) fn amending_name_at(folded: &str, (end, len, k): (usize, usize, usize)) -> Option<usize> {
    // (`… một số điều của Luật X số …`: the number is X's, the amended
    // one; the statement stands.)
    if CUES[k].1 != Relation::Amends
        || !folded[end - len..].starts_with("sua doi")
        || folded[end..].split(' ').any(|w| w == "cua")
    {
        return None;
    }
    let before = folded[..end - len].trim_end();
    ["luat", "phap lenh", "nghi dinh", "thong tu", "nghi quyet", "quyet dinh"]
        .iter()
        .find_map(|w| {
            let k = before.strip_suffix(w)?.len();
            (k == 0 || before[..k].ends_with(' ')).then_some(k)
        })
}

/// What [`window_cue`] gives: the cue hit (its end, length and index in
/// [`CUES`]), the folded clause, and where the clause was cut.
pub(super) type WindowCue = (Option<(usize, usize, usize)>, String, usize);

/// The cue of a window (its clause, back to a `;`, `[`, `”` or `. `), in
/// folded text: the hit and whether the window was cut at a clause's
/// start.
pub(super) fn window_cue(window: &str, at_start: bool) -> WindowCue {
    let mut folded = String::new();
    let (hit, cut) = window_cue_into(window, at_start, &mut folded);
    (hit, folded, cut)
}

/// [`window_cue`] with the folded clause written into `folded` (cleared
/// first), a buffer the caller reuses from one citation to the next: the
/// hit and the cut.
pub(super) fn window_cue_into(
    window: &str,
    at_start: bool,
    folded: &mut String,
) -> (Option<(usize, usize, usize)>, usize) {
    let (hard, close) = clause_cuts(window);
    match close {
        Some(q) if window[hard..q].contains('“') => {
            let around = read_clause(window, hard, true, at_start, folded);
            let acting = around.0.is_some_and(|(_, _, k)| {
                matches!(CUES[k].1, Relation::Amends | Relation::Replaces | Relation::Repeals)
            });
            if acting {
                around
            } else {
                read_clause(window, q, false, at_start, folded)
            }
        }
        Some(q) => read_clause(window, q, false, at_start, folded),
        None => read_clause(window, hard, false, at_start, folded),
    }
}

/// The cue of the clause of `window` from `cut` on, folded into `folded`
/// (see [`window_cue`]); `quoted`: its quotations dropped first.
fn read_clause(
    window: &str,
    cut: usize,
    quoted: bool,
    at_start: bool,
    folded: &mut String,
) -> (Option<(usize, usize, usize)>, usize) {
    // A bracketed group closed before the citation holds no cue for it
    // (`Bãi bỏ cụm từ "(được sửa đổi, bổ sung tại …)" tại … Nghị định số …`).
    let clause = &window[cut..];
    if quoted {
        fold_into(&without_brackets(&without_groups(clause, '“', '”')), folded);
    } else {
        fold_into(&without_brackets(clause), folded);
    }
    let hit = clause_cue(folded.as_bytes(), cut > 0 || at_start);
    // Words shown in TCVN3 bytes read as Latin-1 by a broken conversion
    // (`Thùc hiÖn ChØ thÞ sè …`): no cue reads in them; repaired, the
    // clause is read again (`Thực hiện Chỉ thị số …`).
    #[cfg(feature = "legacy")]
    if hit.is_none() && has_tcvn3_mark(clause) {
        if let Some((fixed, _)) = crate::read::repair_tcvn3_runs(clause) {
            let repaired = fold(&without_brackets(&fixed));
            if let Some(h) = clause_cue(repaired.as_bytes(), cut > 0 || at_start) {
                *folded = repaired;
                return (Some(h), cut);
            }
        }
    }
    (hit, cut)
}

/// [`crate::read::has_tcvn3_mark`], read at the bytes C2 and C3 only: each
/// character it looks for is one of U+00A1..U+00FF, two bytes led by one of
/// them (found by a search that skips the text between; no other byte of
/// UTF-8 is C2 or C3).
#[cfg(feature = "legacy")]
fn has_tcvn3_mark(s: &str) -> bool {
    memchr::memchr2_iter(0xC2, 0xC3, s.as_bytes()).any(|k| crate::read::has_tcvn3_mark(&s[k..k + 2]))
}

/// Where the clause of `window` starts (after its last `;`, `[` or `. `),
/// and where a closing quote after that cut ends, if one does.
fn clause_cuts(window: &str) -> (usize, Option<usize>) {
    let b = window.as_bytes();
    let semi = memchr::memrchr2(b';', b'[', b).map_or(0, |k| k + 1);
    // (A full stop, or a closing quote, before the `;` or `[` cuts nothing:
    // each is looked for after it only, not across the whole window.)
    let hard = last_full_stop(&window[semi..]).map_or(semi, |k| semi + k + 2);
    // A closing quote `”` (E2 80 9D) ends a clause too (a cue in a
    // quotation governs nothing after it), unless the quotation opened in
    // the clause and is the object of a verb acting on the document: then
    // the clause goes on around it (`Sửa đổi cụm từ “500 triệu đồng” thành
    // “01 tỷ đồng” tại Điều 3 Nghị định số …`).
    let close = memchr::memrchr_iter(0x9D, &b[hard..])
        .map(|k| hard + k)
        .find(|&k| k >= 2 && b[k - 2] == 0xE2 && b[k - 1] == 0x80)
        .map(|k| k + 1);
    (hard, close)
}

/// [`clause_cuts`] as first written, each mark looked for across the
/// whole window: the reference it is tested against.
#[cfg(test)]
fn clause_cuts_whole(window: &str) -> (usize, Option<usize>) {
    let b = window.as_bytes();
    let hard = memchr::memrchr2(b';', b'[', b)
        .map(|k| k + 1)
        .into_iter()
        .chain(last_full_stop(window).map(|k| k + 2))
        .max()
        .unwrap_or(0);
    let close = memchr::memrchr_iter(0x9D, b)
        .find(|&k| k >= 2 && b[k - 2] == 0xE2 && b[k - 1] == 0x80)
        .map(|k| k + 1)
        .filter(|&q| q > hard);
    (hard, close)
}

/// Does a citation's own subject open with a verb acting on a document
/// (`sửa đổi, bổ sung một số điều của …`, `thay thế …`, `bãi bỏ …`)?
pub(super) fn acts_itself(norm: &str, f: &Found) -> bool {
    let Some((s, e)) = f.subject_range else {
        return false;
    };
    let head = fold(prefix(&norm[s..e], 24));
    ["sua doi", "bo sung", "thay the", "bai bo"]
        .iter()
        .any(|v| head.starts_with(v))
}

/// Is there a copula `là` between cue `hit` and the end of the folded
/// clause (a cue that acts on a document, not one naming the citation
/// itself: `gọi là`, `gọi tắt là`)?
pub(super) fn copula_after(folded: &str, (end, _, k): (usize, usize, usize)) -> bool {
    CUES[k].1 != Relation::Mentions
        && k != PASSIVE
        && folded[end..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "la")
}

/// After agent `j` of a passive verb, does citation `i` go on the list of
/// what undergoes it? When it, or one listed after it, undergoes a passive
/// verb itself (`Luật A số … đã được sửa đổi, bổ sung theo Luật số B, Luật
/// C số … đã được sửa đổi, bổ sung theo …`), or when the agent is cited by
/// number only and this one by name, as laws that amend others and laws
/// amended are (`… theo Luật số 21/2012/QH13, Luật Thuế tiêu thụ đặc biệt
/// số …`).
pub(in crate::cite) fn resumes_patients(norm: &str, found: &[Found], i: usize, j: usize) -> bool {
    chain_undergoes(norm, found, i)
        || !has_name(norm, &found[j]) && has_name(norm, &found[i]) && found[j].doc_type == found[i].doc_type
}

/// Is a citation printed with a name (`Luật Đất đai số …`, `Luật giáo dục
/// đại học số …`): words between its type word and `số`?
pub(super) fn has_name(norm: &str, f: &Found) -> bool {
    if f.name.is_some() {
        return true;
    }
    let (Some(t), Some((s, _))) = (f.doc_type, f.symbol_range) else {
        return false;
    };
    let mut words: Vec<&str> = norm[f.start..s.max(f.start)].split_whitespace().collect();
    if words.last().is_some_and(|w| fold(w) == "so") {
        words.pop();
    }
    words.len() > t.split_whitespace().count()
}

/// Does citation `i`, or one of its type listed after it (joined by glue
/// only), undergo a passive verb (`…, Luật Thuế tài nguyên số …, Luật Quản
/// lý thuế số … đã được sửa đổi, bổ sung theo …`: the list is of patients)?
/// (A document of another type ends the list: `… bởi Luật số A, Luật số B
/// và Nghị định số C được sửa đổi, bổ sung bởi …` lists the law's agents,
/// then another patient.)
pub(super) fn chain_undergoes(norm: &str, found: &[Found], i: usize) -> bool {
    for k in i..i + 8 {
        if undergoes(&norm[found[k].end..]) {
            return true;
        }
        let Some(next) = found.get(k + 1).filter(|n| n.doc_type == found[i].doc_type) else {
            return false;
        };
        let from = found[k].tail.max(found[k].end);
        if next.start < from || next.start - from > 64 {
            return false;
        }
        let gap = &norm[from..next.start];
        if gap.contains(';') || !is_glue(gap) {
            return false;
        }
    }
    false
}

/// Does a passive verb follow a citation (`đã được sửa đổi, bổ sung`,
/// `bị bãi bỏ`), after its date or issuer?
pub(super) fn undergoes(after: &str) -> bool {
    let after = prefix(after, 64);
    // The fold opens with the first character that folds to something and
    // is no white space (see [`fold`]): only `d` (`đã`, `được`) or `b`
    // (`bị`) may open what is read below. Any other rules it out before the
    // fold (most citations are followed by neither).
    let first = after
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::normalize::fold_char)
        .find(|&c| c != '\u{0}');
    if first.is_some_and(|c| c != 'd' && c != 'b' && !c.is_whitespace()) {
        return false;
    }
    undergoes_folded(after)
}

/// [`undergoes`] past its test of the first character: the words read
/// from the fold.
fn undergoes_folded(after: &str) -> bool {
    let f = fold(after);
    let f = f.trim_start();
    let f = f.strip_prefix("da ").unwrap_or(f);
    (f.starts_with("duoc ") || f.starts_with("bi ")) && passive_cue(f.as_bytes(), 0).is_some()
}

/// Does `s` hold `hiệu lực` (`HIỆU LỰC`, `hieu luc`, `Hiệu lực`)?
pub(super) fn has_hieu_luc(s: &str) -> bool {
    // Each form holds `lực`, `LỰC`, `luc` or `LUC`: a text with none (most)
    // is ruled out by one search for its `l`s and `L`s, before the five
    // forms are looked for.
    let b = s.as_bytes();
    let may = memchr::memchr2_iter(b'l', b'L', b).any(|k| {
        let r = &b[k + 1..];
        r.starts_with("ực".as_bytes()) || r.starts_with("ỰC".as_bytes()) || r.starts_with(b"uc") || r.starts_with(b"UC")
    });
    may && has_hieu_luc_form(s)
}

/// [`has_hieu_luc`] past its test of `lực`: each form looked for.
fn has_hieu_luc_form(s: &str) -> bool {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> = std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        ["hiệu lực", "HIỆU LỰC", "Hiệu lực", "hieu luc", "HIEU LUC"]
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    finders.iter().any(|f| f.find(s.as_bytes()).is_some())
}

/// Does a passive cue (folded) name its agent (`bởi`, `theo`, `tại`
/// after the verb)?
pub(super) fn passive_agent(cue: &[u8]) -> bool {
    let c = cue.strip_suffix(b":").unwrap_or(cue);
    c.ends_with(b" boi") || c.ends_with(b" theo") || c.ends_with(b" tai")
}

// Restatement ::= ("gọi" Word? | "viết tắt") "là" Sp* $      (folded: `goi tat la`, `goi la`, `goi tt la`, `viet tat la`)
/// Does the folded clause before a citation end by restating a name
/// (`… (sau đây gọi tắt là `, `gọi chung là `, `viết tắt là `, the word
/// after `gọi` printed or damaged)?
pub(super) fn restates(folded: &str) -> bool {
    let mut words = folded
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    if words.next() != Some("la") {
        return false;
    }
    let (Some(a), b) = (words.next(), words.next()) else {
        return false;
    };
    a == "goi" || b == Some("goi") && a.len() <= 5 || a == "tat" && b == Some("viet")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::types::type_regex;

    /// [`clause_cuts`], each mark looked for after the last `;` or `[`
    /// only, cuts where looking across the whole window does: on the
    /// windows before every 4th type word of the fixtures and the docs
    /// corpus (when beside the repository), and on edge cases (marks at either
    /// end, quotes before and after the cut, `. ` right after `;`).
    #[test]
    fn ok_clause_cuts_same_as_whole_window() {
        let (scanner, _) = type_regex();
        let (mut windows, mut closed) = (0, 0);
        for (_, text) in crate::test_texts::texts() {
            for (s, _, _) in scanner.find_all(&text).into_iter().step_by(4) {
                let window = suffix(&text[..s], CUE_WINDOW);
                let want = clause_cuts_whole(window);
                assert_eq!(clause_cuts(window), want, "{window:?}");
                windows += 1;
                closed += usize::from(want.1.is_some());
            }
        }
        for w in [
            "",
            ";",
            "[",
            ". ",
            "a. b; c",
            "a; b. c",
            ";. x",
            "“a” b; c",
            "a; “b” c",
            "“a”; “b” c “d",
            "x”",
            "a. “b”. c",
            "[“a” b",
            "a.b; c.d ”",
        ] {
            assert_eq!(clause_cuts(w), clause_cuts_whole(w), "{w:?}");
        }
        assert!(windows > 50 && closed > 0, "{windows} windows, {closed} closed");
    }

    /// [`has_tcvn3_mark`], read at the C2 and C3 bytes only, gives what
    /// reading every character gives: on every 3rd line of the fixtures and
    /// of the docs corpus (when beside the repository), and on edge cases
    /// (each character of U+0080..U+0100 alone, first and last, among
    /// Vietnamese letters).
    #[cfg(feature = "legacy")]
    #[test]
    fn ok_has_tcvn3_mark_same_as_every_character() {
        use crate::read::has_tcvn3_mark as by_chars;
        let mut lines = 0;
        for (_, text) in crate::test_texts::texts() {
            for line in text.lines().step_by(3) {
                assert_eq!(has_tcvn3_mark(line), by_chars(line), "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 100, "{lines} lines");
        let mut marks = 0;
        for c in (0x80..0x100).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("ở{c}"),
                format!("{c}ạ à"),
                format!("Thùc hiÖn{c}"),
            ] {
                assert_eq!(has_tcvn3_mark(&s), by_chars(&s), "{s:?}");
            }
            marks += usize::from(by_chars(&format!("{c}")));
        }
        assert!(marks > 20, "{marks} marks");
        for s in [
            "",
            "a",
            "Thực hiện Chỉ thị số",
            "Thùc hiÖn ChØ thÞ sè",
            "ngµy",
            "\u{ad}",
        ] {
            assert_eq!(has_tcvn3_mark(s), by_chars(s), "{s:?}");
        }
    }

    /// [`has_hieu_luc`], `lực` looked for first, gives what looking for
    /// each form gives: on every line of the fixtures and (every 3rd line)
    /// the docs corpus, when beside the repository, and on edge cases (each
    /// form, cut short, at either end, mixed case).
    #[test]
    fn ok_has_hieu_luc_same_as_forms() {
        let (mut lines, mut yes) = (0, 0);
        for (_, text) in crate::test_texts::texts() {
            for line in text.lines().step_by(3) {
                let want = has_hieu_luc_form(line);
                assert_eq!(has_hieu_luc(line), want, "{line:?}");
                lines += 1;
                yes += usize::from(want);
            }
        }
        for s in [
            "",
            "l",
            "L",
            "hiệu lực",
            "HIỆU LỰC",
            "Hiệu lực",
            "hieu luc",
            "HIEU LUC",
            "có hiệu lự",
            "hiệu lực.",
            "xHIEU LUCx",
            "Hiệu Lực",
            "hiệu lụ lực",
            "lực lượng",
            "hiệu  lực",
        ] {
            assert_eq!(has_hieu_luc(s), has_hieu_luc_form(s), "{s:?}");
        }
        assert!(lines > 100 && yes > 0, "{lines} lines, {yes} with hiệu lực");
    }

    /// [`undergoes`], its first character tested before the fold, gives
    /// what reading the fold gives: after each type word of the fixtures
    /// and the docs corpus (when beside the repository), at each word's
    /// start in the line after it, and on edge cases (white space, NUL and
    /// marks before the words, upper case, `Đ`).
    #[test]
    fn ok_undergoes_same_as_folded() {
        let (scanner, _) = type_regex();
        let (mut places, mut yes) = (0, 0);
        for (_, text) in crate::test_texts::texts() {
            for (_, e, _) in scanner.find_all(&text) {
                let line = &text[e..text[e..].find('\n').map_or(text.len(), |k| e + k)];
                let line = prefix(line, 120);
                for (k, _) in line
                    .char_indices()
                    .filter(|&(k, _)| k == 0 || line[..k].ends_with([' ', ',', ')']))
                {
                    let want = undergoes_folded(&line[k..]);
                    assert_eq!(undergoes(&line[k..]), want, "{:?}", &line[k..]);
                    places += 1;
                    yes += usize::from(want);
                }
            }
        }
        for s in [
            "",
            "   ",
            " \u{0}\u{301} đã được sửa đổi bởi",
            "\u{a0}\tĐÃ ĐƯỢC BỔ SUNG theo",
            "Bị bãi bỏ bởi",
            "da duoc thay the boi",
            "được",
            "x được sửa đổi bởi",
            "\u{2003}bị thay thế bởi",
        ] {
            assert_eq!(undergoes(s), undergoes_folded(s), "{s:?}");
        }
        assert!(places > 100 && yes > 0, "{places} places, {yes} passive");
    }
}
