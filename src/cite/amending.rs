//! An amending law cited by its full name, the laws it amends listed in
//! it: `Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân,
//! Luật Thuế giá trị gia tăng và Luật Thuế tiêu thụ đặc biệt số
//! 09/2026/QH16`. The number and date after the last law's name are the
//! amending law's own (its name runs to them): the citation is that law,
//! not the last one listed, and the relation is read before its name.
//!
//! ```text
//! AmendingLaw ::= "Luật sửa đổi" ("," "bổ sung")? Words "của" (LawRef Sep)* Citation
//!   LawRef    ::= ("Luật" | "Bộ luật" | "Pháp lệnh") Words     (no digit, no ";", ".", ":")
//!   Sep       ::= "," | "và"
//! ```

use crate::normalize::fold;

/// How far before a law's name its amending law's name may start.
const REACH: usize = 400;

// AmendingLaw ::= "Luật sửa đổi" ("," "bổ sung")? Words "của" (LawRef Sep)* Citation
/// Where the amending law's name starts when the law cited at `s` (its
/// type word, `Luật` or `Bộ luật`, starts there) ends one: the listed laws
/// before it go back to `Luật sửa đổi … của`; and whether it names one law
/// only (`Luật sửa đổi, bổ sung một số điều của Luật Thú y số …`), where the
/// number may be either law's (see [`super::read_candidates`]).
pub(super) fn amending_law_start(norm: &str, s: usize, end: usize) -> Option<(usize, bool)> {
    // The text back to a byte no such name holds (a digit, `;`, `.`, `:`,
    // `(`, `|`), a byte at a time: most citations stop here, a few bytes
    // back (`…; Luật Đất đai số …`).
    let b = norm.as_bytes();
    let floor = s.saturating_sub(REACH);
    let mut lo = s;
    while lo > floor && !(b[lo - 1].is_ascii_digit() || matches!(b[lo - 1], b';' | b'.' | b':' | b'(' | b'|')) {
        lo -= 1;
    }
    while !norm.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &norm[lo..s];
    let k = opening(before)?;
    // (`Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Doanh
    // nghiệp số 59/2020/QH14`: an amending law's enacting words name the
    // law it amends, by that law's number.)
    if fold(super::lex::suffix(&norm[..lo + k], 24)).ends_with("ban hanh") {
        return None;
    }
    let chain = &before[k..];
    // One sentence: wrapped lines, no blank one.
    if chain.split('\n').skip(1).any(|l| l.trim().is_empty()) {
        return None;
    }
    // (Folded, its last space dropped: `… của` right before the law.)
    let folded = fold(chain);
    let of = folded
        .find(" cua ")
        .or_else(|| folded.ends_with(" cua").then(|| folded.len() - 4))?;
    let rest = folded.get(of + " cua ".len()..).unwrap_or("");
    // Right after `của`: one law (`… của Luật Đất đai số …`); or the laws
    // listed before it, the last joined by `,` or `và`.
    // (Not the first of laws listed each with its own number: `… của
    // Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và …`.)
    if rest.is_empty() {
        return (!law_follows(&norm[end..])).then_some((lo + k, true));
    }
    lists_laws(rest).then_some((lo + k, false))
}

/// Where the last `Luật sửa đổi` in `before` starts (its words may be
/// wrapped: `Luật sửa⏎đổi`).
fn opening(before: &str) -> Option<usize> {
    // Each `L` from the end back, kept where `Luật` starts: the places
    // `rmatch_indices("Luật")` gives, in its order (no `Luật` overlaps
    // another), without setting up a substring search each call (most
    // texts before a law hold few capital `L`s).
    let b = before.as_bytes();
    memchr::memrchr_iter(b'L', b)
        .filter(|&k| b[k..].starts_with("Luật".as_bytes()))
        .find(|&k| fold(super::lex::prefix(&before[k..], 24)).starts_with("luat sua doi"))
}

/// [`opening`] as first written, by a substring search: the reference the
/// byte-wise one is tested against.
#[cfg(test)]
fn opening_by_search(before: &str) -> Option<usize> {
    before
        .rmatch_indices("Luật")
        .map(|(k, _)| k)
        .find(|&k| fold(super::lex::prefix(&before[k..], 24)).starts_with("luat sua doi"))
}

/// Does the folded text after `của` list laws, the last joined to what
/// follows by `,` or `và` (`luat thue …, luat … va`)?
fn lists_laws(rest: &str) -> bool {
    ["luat ", "bo luat ", "phap lenh "].iter().any(|w| rest.starts_with(w))
        && (rest.ends_with(',') || rest.ends_with(" va"))
}

/// Does another law amended follow in a list (`, Luật …`, `và Bộ luật …`)?
fn law_follows(after: &str) -> bool {
    let a = after.trim_start();
    let a = match a.strip_prefix(',') {
        Some(a) => a.trim_start(),
        None => match crate::normalize::starts_with_folded(a, "va ") {
            Some(n) => a[n..].trim_start(),
            None => return false,
        },
    };
    let a = a.strip_prefix("và ").map_or(a, str::trim_start);
    (a.starts_with("Luật") || a.starts_with("Bộ luật") || a.starts_with("Pháp lệnh"))
        // (Another amending law is no list of the laws amended: `… số
        // 46/2014/QH13 ngày … và Luật sửa đổi, bổ sung …`.)
        && !fold(super::lex::prefix(a, 24)).starts_with("luat sua doi")
}

// AmendedList ::= "Luật sửa đổi" … "của" LawRef Number ("," | "và") (LawRef Number ("," | "và"))* Citation
/// Is the law cited at `s` the last of the laws an unnamed amending law
/// lists, each by its own number (`Luật sửa đổi, bổ sung một số điều của
/// Luật Đất đai số 31/2024/QH15, … và Luật Các tổ chức tín dụng số
/// 32/2024/QH15 ngày 29/6/2024`)? Then a date after it is the amending
/// law's, not its own.
pub(super) fn last_of_amended_list(norm: &str, s: usize) -> bool {
    let mut lo = s.saturating_sub(REACH);
    while !norm.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &norm[lo..s];
    let Some(k) = opening(before) else {
        return false;
    };
    let chain = &before[k..];
    if chain.contains([';', ':', '(']) || chain.contains(". ") || !chain.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let folded = fold(chain);
    let Some(of) = folded.find(" cua ") else { return false };
    lists_laws(&folded[of + " cua ".len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`opening`], from each `L` back, gives what the substring search
    /// gives: before every `Luật` and `Bộ luật` of the fixtures and the
    /// docs corpus (when beside the repository; every 3rd there), as far
    /// back as [`REACH`], and on edge cases (`Luật` at either end, glued,
    /// cut short, other capitals).
    #[test]
    fn ok_opening_same_as_search() {
        let (mut places, mut found) = (0, 0);
        for (_, text) in crate::test_texts::texts() {
            for (n, (s, _)) in text.match_indices("Luật").enumerate() {
                if n % 3 != 0 {
                    continue;
                }
                let mut lo = s.saturating_sub(REACH);
                while !text.is_char_boundary(lo) {
                    lo += 1;
                }
                let before = &text[lo..s];
                let want = opening_by_search(before);
                assert_eq!(opening(before), want, "{before:?}");
                places += 1;
                found += usize::from(want.is_some());
            }
        }
        for s in [
            "",
            "L",
            "Luật",
            "Luật sửa đổi",
            "LLuật sửa đổi, bổ sung",
            "Luật sửa đổi Luật",
            "xLuật sửa đổi của Luật Đất đai và Luật sửa",
            "Lu Luậ Luật sửa⏎đổi một số điều",
            "LUẬT SỬA ĐỔI Luật sửa đổi của LỤật",
            "Luật sửa đổi, bổ sung một số điều của Luật Thuế, Lao động và ",
            "Luat sua doi, bo sung mot so dieu",
        ] {
            let s = s.replace('⏎', "\n");
            assert_eq!(opening(&s), opening_by_search(&s), "{s:?}");
        }
        assert!(places > 20 && found > 0, "{places} places, {found} openings");
    }
}
