//! Relation cues: the words before a citation that say what the citing
//! document does with it, read by hand from a folded window.

#[cfg(test)]
use std::sync::OnceLock;

#[cfg(test)]
use regex::Regex;

use crate::model::Relation;
use crate::normalize::fold;

/// ending nearest the citation wins (the longer one on a tie, the first in
/// this table on a tie of both), so passive and idiomatic forms (`được sửa
/// đổi, bổ sung bởi`, `thay thế cho nhau`) beat the active verb inside them.
///
/// Each cue is a phrase of folded words starting a word (`\b` in ASCII),
/// ending a word unless marked. Written as regular expressions (the form
/// [`cue_regexes`] compiles for the tests):
///
/// ```text
///  0 \bcan cu\b                       Basis
///  1 \bthuc hien\b                    Implements
///  2 \btrien khai\b                   Implements
///  3 \btheo tinh than chi dao\b       Implements
///  4 \bbam sat\b                      Implements
///  5 \bsua doi\b(, bo sung\b)?        Amends
///  6 \bthay the\b                     Replaces
///  7 \bbai bo\b                       Repeals
///  8 \bhet hieu luc\b                 Repeals
///  9 \bhuong dan thi hanh\b           Guides
/// 10 \bhuong dan thuc hien\b          Guides
/// 11 \bquy dinh chi tiet\b            Guides
/// 12 \b(duoc|bi) (sua doi(, bo sung)?|bo sung|thay the|bai bo|huong dan( thi hanh)?
///      |quy dinh chi tiet)( (mot so dieu|mot so noi dung))?( (boi|theo|tai))?:?
///                                     Mentions (no word end needed inside)
/// 13 \bthay the cho nhau\b            Mentions
/// 14 \bchua het hieu luc\b            Mentions
/// 15 \bvb het hieu luc\b              Mentions (TVPL's `(VB hết hiệu lực: ...)`)
/// ```
///
/// [`cue_matches_at`] reads them by hand at each word start: no phrase
/// holds a word that starts it again, so the matches at word starts are
/// exactly the non-overlapping matches a search for each would find. Test
/// `prop_cue_matcher_same_as_regexes` compares it with the expressions.
pub(super) const CUES: [(Cue, Relation); 16] = [
    (Cue::Words("can cu"), Relation::Basis),
    (Cue::Words("thuc hien"), Relation::Implements),
    (Cue::Words("trien khai"), Relation::Implements),
    (Cue::Words("theo tinh than chi dao"), Relation::Implements),
    (Cue::Words("bam sat"), Relation::Implements),
    (Cue::WordsThen("sua doi", ", bo sung"), Relation::Amends),
    (Cue::Words("thay the"), Relation::Replaces),
    (Cue::Words("bai bo"), Relation::Repeals),
    (Cue::Words("het hieu luc"), Relation::Repeals),
    (Cue::Words("huong dan thi hanh"), Relation::Guides),
    (Cue::Words("huong dan thuc hien"), Relation::Guides),
    (Cue::Words("quy dinh chi tiet"), Relation::Guides),
    (Cue::Passive, Relation::Mentions),
    (Cue::Words("thay the cho nhau"), Relation::Mentions),
    (Cue::Words("chua het hieu luc"), Relation::Mentions),
    (Cue::Words("vb het hieu luc"), Relation::Mentions),
];

/// How a cue of [`CUES`] is read.
pub(super) enum Cue {
    /// These folded words, whole.
    Words(&'static str),
    /// These words, whole, and the second part too when it follows, whole.
    WordsThen(&'static str, &'static str),
    /// `được`/`bị` and the verb after it ([`passive_cue`]).
    Passive,
}

/// For each byte, the cues of [`CUES`] that can start with it (bit `k` for
/// cue `k`), read from the table.
pub(super) const CUES_BY_FIRST_BYTE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < CUES.len() {
        match CUES[k].0 {
            Cue::Words(w) | Cue::WordsThen(w, _) => t[w.as_bytes()[0] as usize] |= 1 << k,
            Cue::Passive => {
                t[b'd' as usize] |= 1 << k;
                t[b'b' as usize] |= 1 << k;
            }
        }
        k += 1;
    }
    t
};

/// The longest a cue match can be (`duoc quy dinh chi tiet mot so noi dung
/// theo:`, 44 bytes), with room to spare.
pub(super) const CUE_MAX_LEN: usize = 64;

/// The relation a window gives, if any cue is in it.
pub(super) fn cue_relation(window: &str) -> Option<Relation> {
    cue_relation_folded(&fold(window))
}

/// [`cue_relation`] of a window already folded.
pub(super) fn cue_relation_folded(f: &str) -> Option<Relation> {
    best_cue(f.as_bytes()).map(|(_, _, k)| CUES[k].1)
}

/// The winning cue in folded `b`: its end, length and index in
/// [`CUES`].
pub(super) fn best_cue(b: &[u8]) -> Option<(usize, usize, usize)> {
    // (end, length, cue)
    let mut best: Option<(usize, usize, usize)> = None;
    // From the end back: a cue starting before `e - CUE_MAX_LEN` cannot
    // end at `e` or later, so the search stops once one is found.
    for p in (0..b.len()).rev() {
        if best.is_some_and(|(e, _, _)| p + CUE_MAX_LEN < e) {
            break;
        }
        let cues = CUES_BY_FIRST_BYTE[usize::from(b[p])];
        if cues == 0 || (p > 0 && is_word_byte(b[p - 1])) {
            continue;
        }
        cue_matches_at(b, p, cues, |k, end| {
            let key = (end, end - p);
            if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                best = Some((key.0, key.1, k));
            }
        });
    }
    best
}

/// A word byte for an ASCII `\b`.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII word boundary at `at` in `b`.
pub(super) fn word_boundary(b: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(b[at - 1]);
    let after = b.get(at).is_some_and(|&x| is_word_byte(x));
    before != after
}

/// `lit` at `at` in `b`: the end.
pub(super) fn lit_at(b: &[u8], at: usize, lit: &str) -> Option<usize> {
    b[at..].starts_with(lit.as_bytes()).then_some(at + lit.len())
}

/// Call `hit(cue, end)` for each cue of [`CUES`] in the set `cues` (bit `k`
/// for cue `k`) matching at the word start `p`, in the table's order.
pub(super) fn cue_matches_at(b: &[u8], p: usize, mut cues: u16, mut hit: impl FnMut(usize, usize)) {
    let whole = |at: usize, words: &str| lit_at(b, at, words).filter(|&e| word_boundary(b, e));
    while cues != 0 {
        let k = cues.trailing_zeros() as usize;
        cues &= cues - 1;
        let end = match CUES[k].0 {
            Cue::Words(w) => whole(p, w),
            Cue::WordsThen(w, then) => whole(p, w).map(|e| whole(e, then).unwrap_or(e)),
            Cue::Passive => passive_cue(b, p),
        };
        if let Some(e) = end {
            hit(k, e);
        }
    }
}

/// [`Cue::Passive`] at `p`: its end, read as the regular expression
/// would (alternatives in order, optional parts taken when there).
pub(super) fn passive_cue(b: &[u8], p: usize) -> Option<usize> {
    // The verbs, each with the part it may take.
    const VERBS: [(&str, &[&str]); 6] = [
        ("sua doi", &[", bo sung"]),
        ("bo sung", &[]),
        ("thay the", &[]),
        ("bai bo", &[]),
        ("huong dan", &[" thi hanh"]),
        ("quy dinh chi tiet", &[]),
    ];
    // The first of `alts` at `e`, if one is there: where it ends.
    let optional = |e: usize, alts: &[&str]| alts.iter().find_map(|a| lit_at(b, e, a)).unwrap_or(e);
    let at = lit_at(b, p, "duoc ").or_else(|| lit_at(b, p, "bi "))?;
    let e = VERBS
        .iter()
        .find_map(|(verb, more)| lit_at(b, at, verb).map(|e| optional(e, more)))?;
    let e = optional(e, &[" mot so dieu", " mot so noi dung"]);
    let e = optional(e, &[" boi", " theo", " tai"]);
    Some(optional(e, &[":"]))
}

/// The cues of [`CUES`] as regular expressions (the table in its doc), the
/// reference the hand matcher is tested against.
#[cfg(test)]
pub(super) fn cue_regexes() -> &'static [Regex] {
    const TABLE: [&str; 16] = [
        r"\bcan cu\b",
        r"\bthuc hien\b",
        r"\btrien khai\b",
        r"\btheo tinh than chi dao\b",
        r"\bbam sat\b",
        r"\bsua doi\b(, bo sung\b)?",
        r"\bthay the\b",
        r"\bbai bo\b",
        r"\bhet hieu luc\b",
        r"\bhuong dan thi hanh\b",
        r"\bhuong dan thuc hien\b",
        r"\bquy dinh chi tiet\b",
        r"\b(duoc|bi) (sua doi(, bo sung)?|bo sung|thay the|bai bo|huong dan( thi hanh)?|quy dinh chi tiet)( (mot so dieu|mot so noi dung))?( (boi|theo|tai))?:?",
        r"\bthay the cho nhau\b",
        r"\bchua het hieu luc\b",
        r"\bvb het hieu luc\b",
    ];
    static CUE_REGEXES: OnceLock<Vec<Regex>> = OnceLock::new();
    // An ASCII word boundary: the window is folded.
    CUE_REGEXES.get_or_init(|| {
        TABLE
            .iter()
            .map(|p| Regex::new(&p.replace(r"\b", r"(?-u:\b)")).expect("cue regex"))
            .collect()
    })
}

/// [`best_cue`] by the regular expressions (the nearest end, then the
/// longest, then the first in the table).
#[cfg(test)]
pub(super) fn best_cue_by_regex(f: &str) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (k, re) in cue_regexes().iter().enumerate() {
        for m in re.find_iter(f) {
            let key = (m.end(), m.len());
            if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                best = Some((key.0, key.1, k));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::lex::suffix;
    use crate::cite::types::type_regex;
    use crate::cite::CUE_WINDOW;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

        /// The hand-read cues give what the regular expressions give, on
        /// folded windows made of cue words, parts of them, the words the
        /// passive cue takes after it, punctuation and letters glued on
        /// either side.
        #[test]
        fn prop_cue_matcher_same_as_regexes(pieces in proptest::collection::vec(0usize..61, 0..30)) {
            const PIECES: [&str; 61] = [
                // Every cue whole, and the longest passive one.
                "can cu", "thuc hien", "trien khai", "theo tinh than chi dao", "bam sat", "sua doi, bo sung", "thay the",
                "bai bo", "het hieu luc", "huong dan thi hanh", "huong dan thuc hien", "quy dinh chi tiet",
                "duoc quy dinh chi tiet mot so noi dung theo:", "thay the cho nhau", "chua het hieu luc",
                "vb het hieu luc", "duoc huong dan thi hanh", "bi sua doi, bo sung boi", "duoc thay the mot so dieu tai",
                "bi bai bo:", "duoc bo sung",
                // Their parts, and what the passive cue takes after it.
                "sua doi", ", bo sung", "bo sung", "huong dan", "thi hanh", "duoc", "bi", "mot so dieu",
                "mot so noi dung", "boi", "theo", "tai", ":", "cho nhau", "chua", "vb", "sua", "doi", "het",
                "hieu luc", "tinh than", "chi dao", "noi dung", "cu", "thay", "bai",
                // Spaces, punctuation, letters and digits glued on.
                " ", " ", " ", " ", ",", ", ", "x", "_", "5", "\u{1ea1}", "(", "b", "t", "d",
            ];
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            proptest::prop_assert_eq!(best_cue(text.as_bytes()), best_cue_by_regex(&text), "{:?}", text);
        }
    }

    /// The same on every folded window the corpus gives (each line's text
    /// before each type word), when the corpus is beside the repository,
    /// and on the fixtures always.
    #[test]
    fn ok_cue_matcher_same_as_regexes_on_real_text() {
        let (scanner, _) = type_regex();
        let mut windows = 0;
        for (path, text) in crate::test_texts::texts() {
            for (s, _, _) in scanner.find_all(&text) {
                let ls = text[..s].rfind('\n').map_or(0, |k| k + 1);
                let f = fold(suffix(&text[ls..s], CUE_WINDOW));
                assert_eq!(best_cue(f.as_bytes()), best_cue_by_regex(&f), "{f:?} in {path:?}");
                windows += 1;
            }
        }
        // The fixtures alone give 73.
        assert!(windows > 50, "only {windows} windows");
    }

    #[test]
    fn ok_cue_relation() {
        let r = |s| format!("{:?}", cue_relation(s));
        insta::assert_snapshot!(r("Thực hiện "), @"Some(Implements)");
        insta::assert_snapshot!(r("Luật Đất đai được sửa đổi, bổ sung bởi "), @"Some(Mentions)");
        insta::assert_snapshot!(r("Nghị định này thay thế "), @"Some(Replaces)");
        insta::assert_snapshot!(r("vật có thể thay thế cho nhau theo "), @"Some(Mentions)");
        insta::assert_snapshot!(r("Sửa đổi, bổ sung một số điều của "), @"Some(Amends)");
        insta::assert_snapshot!(r("Chính phủ quy định chi tiết "), @"Some(Guides)");
        insta::assert_snapshot!(r("đối chiếu với các tiêu chí tại "), @"None");
    }
}
