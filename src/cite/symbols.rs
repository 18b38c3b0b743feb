//! Số ký hiệu printed with no type word before them: after `số` (`Căn cứ
//! các Nghị định của Chính phủ: Số 78/2025/NĐ-CP …`, a damaged type word
//! `Nghị quyêt số 41-NQ/TW`, a `Số:` line) or bare (a table's `Được sửa đổi
//! 79/2014/QĐ-UBND`, a line whose start was lost `ố 09/2019/NĐ-CP ngày …`).
//!
//! Only a strong shape counts ([`super::grammar::strong`]: a type code
//! with an issuer, or a year with a type or National Assembly code); not
//! after `Mẫu`, `Biểu` or `Phụ lục` (form codes such as `Mẫu số
//! 01/QĐ-XPVPHC`). The type is the damaged type word's when the words
//! before `số` fold to one, else the code's (`NQ` → Nghị quyết), with an
//! `no-type-word` note.
//!
//! Candidates are the slashes of the text outside the citations already
//! read, each followed by a code letter (or a year and a slash): dates and
//! paths end at that first test.

use super::grammar::{bare_symbol, tail, Parsed};
use super::lex::prefix;
use super::types::{type_at, TYPE_WORDS};
use super::{build, Found};
use crate::model::{Diagnostic, Document, Severity};
use crate::normalize::fold;
use crate::text::{is_alnum, Ctx};

/// How far back from its slash a symbol may start (`178/2015/TTLT-…` has
/// its first slash 3 bytes in; `05-QC/BTCTU-BDVTU` 5; spaced forms more).
const BACK: usize = 24;

/// Add to `found` (in text order) the số ký hiệu printed without a type
/// word (see the module docs).
pub(super) fn find_symbols(ctx: &Ctx<'_>, doc: &mut Document, found: &mut Vec<Found>) {
    let norm = ctx.norm;
    let b = norm.as_bytes();
    let mut new: Vec<Found> = Vec::new();
    // Index of the first citation not wholly before the slash.
    let mut k = 0;
    // Slashes before this are inside a symbol read here.
    let mut free = 0;
    // (The slashes inside a citation read already, or inside a symbol read
    // here, are none of these: the search goes on from its end, not from
    // slash to slash through it. Read plainly in a test: every slash.)
    #[cfg(test)]
    let jump = !super::post::plain();
    #[cfg(not(test))]
    let jump = true;
    let mut pos = 0;
    while let Some(slash) = memchr::memchr(b'/', &b[pos..]).map(|s| pos + s) {
        pos = slash + 1;
        if slash < free {
            if jump {
                pos = free;
            }
            continue;
        }
        while k < found.len() && found[k].end.max(found[k].start) <= slash {
            k += 1;
        }
        if k < found.len() && found[k].start <= slash {
            // (Past `slash`: by the loop above.)
            if jump {
                pos = found[k].end.max(found[k].start);
            }
            continue;
        }
        if !code_after(b, slash) {
            continue;
        }
        let floor = k.checked_sub(1).map_or(0, |j| found[j].end).max(free);
        let Some((num, printed, rest, raw)) = symbol_before(norm, slash, floor) else {
            continue;
        };
        if !super::grammar::strong(&raw) {
            continue;
        }
        // Capitals glued before the number: only a symbol with its year
        // (`NN95/2024/NĐ-CP`), said so.
        let caps = if glued_so_at(norm, num) {
            0
        } else {
            glued_caps_at(norm, num)
        };
        if caps > 0 {
            if raw.year.is_none() {
                continue;
            }
            doc.diagnostics.push(Diagnostic::new(
                "glued-text",
                Severity::Warning,
                format!(
                    "text glued to the số ký hiệu: expected a space before {:?}, found {:?}",
                    printed,
                    &norm[num - caps..num]
                ),
                Some(ctx.span(num - caps, num + printed.len())),
            ));
        }
        let so = so_before(norm, num).filter(|&s| s >= floor);
        // With no `số`, a year or a known issuer too (a table's
        // `413/QĐ-UBND`; not a form's `01/TB-SDPS`).
        if so.is_none() && raw.year.is_none() && !raw.codes.last().is_some_and(|c| crate::symbol::is_known_code(c)) {
            continue;
        }
        let lead = so.unwrap_or(num);
        if form_code(&norm[..lead]) {
            continue;
        }
        let typed = damaged_type_before(&norm[floor..lead]).map(|(at, t)| (floor + at, t));
        if let Some((at, _)) = typed {
            // (Printed right or with no marks at all, the scan would have
            // found it: its marks are damaged.)
            if !type_at().is_match(prefix(&norm[at..], 48)) {
                super::damaged_marks(ctx, doc, at, at + norm[at..lead].trim_end().len());
            }
        }
        let start = typed.map_or(lead, |(at, _)| at);
        let base = &norm[num..];
        let p = Parsed {
            symbol: Some((printed, raw)),
            ..Parsed::default()
        };
        // A Markdown link's text (`[24/2023/QĐ-TTg](/y-te/…) ngày …`): the
        // tail goes on after the link's target.
        let rest = match norm[..num]
            .strip_suffix('[')
            .map(|_| super::grammar::symbol_text(&norm[num - 1..]))
        {
            Some(Ok((r, _))) => r,
            _ => rest,
        };
        let (_, p) = tail(base, rest, p);
        let mut f = build(ctx, doc, base, num, start, None, p);
        f.doc_type = match typed {
            Some((_, t)) => Some(t),
            None => {
                let t = f.symbol.as_ref().and_then(|s| s.type_name());
                if let Some(t) = t {
                    doc.diagnostics.push(Diagnostic::new(
                        "no-type-word",
                        Severity::Info,
                        format!(
                            "cited số ký hiệu: expected a type word before it, found none; read \"{t}\" from its code"
                        ),
                        Some(ctx.span(lead, num + printed.len())),
                    ));
                }
                t
            }
        };
        free = f.end.max(num + printed.len());
        new.push(f);
    }
    if !new.is_empty() {
        found.extend(new);
        found.sort_by_key(|f| f.start);
    }
}

/// Does a code letter follow the slash at `at` (an ASCII letter or `Đ`),
/// or a year, a slash and a code letter (`30/2020/NĐ-CP`)?
fn code_after(b: &[u8], at: usize) -> bool {
    let letter = |x: Option<&u8>| x.is_some_and(|&c| c.is_ascii_alphabetic() || c == 0xC4);
    letter(b.get(at + 1))
        || (b.len() > at + 6
            && b[at + 1..at + 5].iter().all(u8::is_ascii_digit)
            && b[at + 5] == b'/'
            && letter(b.get(at + 6)))
}

/// The symbol whose first slash is at `slash`: it starts with a number at
/// a word start at most [`BACK`] bytes before, after `floor`. Its start,
/// the text read, what follows, and the reading.
fn symbol_before(norm: &str, slash: usize, floor: usize) -> Option<(usize, &str, &str, crate::symbol::RawSymbol<'_>)> {
    let b = norm.as_bytes();
    let mut from = slash;
    while from > floor && slash - from < BACK {
        let c = b[from - 1];
        let part = c.is_ascii_alphanumeric()
            || matches!(c, b'-' | b'&' | b'.' | b' ' | b'\t')
            || (c == 0xC4 && matches!(b.get(from), Some(0x90 | 0x91)))
            || matches!(c, 0x90 | 0x91) && from >= 2 && b[from - 2] == 0xC4;
        if !part {
            break;
        }
        from -= 1;
    }
    (from..slash)
        .filter(|&p| b[p].is_ascii_digit() && norm.is_char_boundary(p))
        // A number starting a word: not glued to a letter (bar `số31`), not
        // the year of a symbol whose number is blank (`số .../2022/NĐ-CP`),
        // not the second half of a number split by a space (`số 3 1/2021`).
        .filter(|&p| {
            let before = &norm[..p];
            let prev = before.chars().next_back();
            // (Or after a slash of another script: `18/⁄2026/…`, the OCR
            // of `18/2026/…`.)
            let blank = matches!(prev, Some('/' | '⁄' | '∕' | '-' | '.' | '…' | '_'));
            let split = before
                .strip_suffix(' ')
                .is_some_and(|x| x.ends_with(|c: char| c.is_ascii_digit()));
            (!prev.is_some_and(is_alnum) || glued_so_at(norm, p) || glued_caps_at(norm, p) > 0) && !blank && !split
        })
        .find_map(|p| {
            let (rest, (printed, raw)) = bare_symbol(&norm[p..]).ok()?;
            (p + printed.len() > slash).then_some((p, printed, rest, raw))
        })
}

/// How many bytes of capital letters (two to four, a word of their own:
/// `NN`, `NĐ`, an abbreviation or a table's OCR) are glued before the digit at
/// `p` (`NN95/2024/NĐ-CP`); 0 when none. (One capital is more likely a digit
/// misread: `A4/2024/NĐ-CP` for `44/…`.)
fn glued_caps_at(norm: &str, p: usize) -> usize {
    let before = &norm[..p];
    let caps = before.len()
        - before
            .trim_end_matches(|c: char| c.is_ascii_uppercase() || c == 'Đ')
            .len();
    let n = before[before.len() - caps..].chars().count();
    let word_start = !before[..before.len() - caps].chars().next_back().is_some_and(is_alnum);
    if (2..=4).contains(&n) && word_start {
        caps
    } else {
        0
    }
}

/// `số` (or `sô`) glued to the digit at `p` (`số31-QĐ/TW`).
fn glued_so_at(norm: &str, p: usize) -> bool {
    let before = &norm[..p];
    ["số", "sô", "Số", "SỐ", "Sô"].iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|x| !x.chars().next_back().is_some_and(is_alnum))
    })
}

/// Where `số` (any case, `sô`, with a colon or glued) before the number at
/// `num` starts, if it is there.
fn so_before(norm: &str, num: usize) -> Option<usize> {
    let before = norm[..num].trim_end_matches([' ', '\t', '\n', ':']);
    let w = before.len()
        - before
            .chars()
            .rev()
            .take_while(|&c| is_alnum(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let word = &before[w..];
    matches!(fold(word).as_str(), "so").then_some(w)
}

/// Is the word before `at` (or the two words) a form's label: `Mẫu`,
/// `Biểu`, `Phụ lục`?
fn form_code(before: &str) -> bool {
    let (last, rest) = last_word(before);
    match fold(last).as_str() {
        "mau" | "bieu" => true,
        "luc" => fold(last_word(rest).0) == "phu",
        _ => false,
    }
}

/// The last word of `s` (letters and digits, after any other characters
/// at its end), and what comes before it.
fn last_word(s: &str) -> (&str, &str) {
    let t = s.trim_end_matches(|c: char| !is_alnum(c));
    let k = t.len()
        - t.chars()
            .rev()
            .take_while(|&c| is_alnum(c))
            .map(char::len_utf8)
            .sum::<usize>();
    (&t[k..], &t[..k])
}

/// A type word damaged past the type-word scan (`Nghị quyêt`, `Quyêt
/// định`, `Chỉ thi`): the one to four words just before `số` fold to a type
/// word's fold. Where it starts in `before`, and its canonical type.
fn damaged_type_before(before: &str) -> Option<(usize, &'static str)> {
    let t = before.trim_end();
    // The last word must end a type word (`định`, `quyết`, `thị` …): most
    // words before a symbol end here.
    static LAST: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let last = LAST.get_or_init(|| TYPE_WORDS.iter().map(|w| fold(last_word(w.word).0)).collect());
    if !last.contains(&fold(last_word(t).0)) {
        return None;
    }
    let mut starts: Vec<usize> = Vec::with_capacity(4);
    let mut end = t.len();
    for _ in 0..4 {
        let w = t[..end].trim_end();
        let k = w.len()
            - w.chars()
                .rev()
                .take_while(|&c| is_alnum(c))
                .map(char::len_utf8)
                .sum::<usize>();
        if k == w.len() {
            break;
        }
        starts.push(k);
        end = k;
    }
    static FOLDED: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let folded = FOLDED.get_or_init(|| TYPE_WORDS.iter().map(|w| (fold(w.word), w.canonical)).collect());
    starts.iter().rev().find_map(|&k| {
        let words = fold(&t[k..]);
        folded.iter().find(|(w, _)| *w == words).map(|&(_, c)| (k, c))
    })
}
