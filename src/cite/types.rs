//! Type words: the table, the prefilter scan that finds them, and the
//! anchored matcher that tells whether a citation starts here.

use std::sync::OnceLock;

use super::grammar::so_word;
use super::lex::prefix;
use crate::normalize::fold;
use crate::scan::{phrase_pattern, Scanner};
use crate::text::is_alnum;

/// A type word: as printed (lower case), its canonical type, and whether
/// it may be cited by name (`Luật Đất đai`).
pub(super) struct TypeWord {
    pub(super) word: &'static str,
    pub(super) canonical: &'static str,
    pub(super) nameable: bool,
}

const fn tw(word: &'static str, canonical: &'static str, nameable: bool) -> TypeWord {
    TypeWord {
        word,
        canonical,
        nameable,
    }
}

/// Type words. Longer words first, so that the prefilter's alternation
/// prefers them (`nghị định thư` before `nghị định`, `công văn điện` before
/// `công văn`). The treaty words are cited by name and date (`Hiệp định
/// Hải quan ASEAN ký ngày 30 tháng 3 năm 2012`).
pub(super) const TYPE_WORDS: &[TypeWord] = &[
    tw("nghị quyết liên tịch", "Nghị quyết liên tịch", false),
    tw("thông tư liên tịch", "Thông tư liên tịch", false),
    tw("quyết định liên tịch", "Quyết định liên tịch", false),
    tw("chương trình hành động", "Chương trình", false),
    tw("văn bản hợp nhất", "Văn bản hợp nhất", false),
    tw("nghị định thư", "Nghị định thư", true),
    tw("công văn điện", "Công điện", false),
    tw("bộ luật", "Bộ luật", true),
    tw("nghị quyết", "Nghị quyết", true),
    tw("nghị định", "Nghị định", false),
    tw("quyết định", "Quyết định", false),
    tw("quy định", "Quy định", false),
    tw("quy chế", "Quy chế", false),
    tw("chỉ thị", "Chỉ thị", true),
    tw("kết luận", "Kết luận", true),
    tw("hướng dẫn", "Hướng dẫn", false),
    tw("chương trình", "Chương trình", false),
    tw("thông báo", "Thông báo", false),
    tw("thông tri", "Thông tri", false),
    tw("thông tư", "Thông tư", false),
    tw("thông cáo", "Thông cáo", false),
    tw("báo cáo", "Báo cáo", false),
    tw("tờ trình", "Tờ trình", false),
    tw("đề án", "Đề án", false),
    tw("phương án", "Phương án", false),
    tw("công điện", "Công điện", false),
    tw("công văn", "Công văn", false),
    tw("văn bản", "Văn bản", false),
    tw("pháp lệnh", "Pháp lệnh", true),
    tw("hiến pháp", "Hiến pháp", true),
    tw("hiệp định", "Hiệp định", true),
    tw("hiệp ước", "Hiệp ước", true),
    tw("công ước", "Công ước", true),
    tw("sắc lệnh", "Sắc lệnh", false),
    tw("lệnh", "Lệnh", false),
    tw("luật", "Luật", true),
    tw("kế hoạch", "Kế hoạch", false),
];

/// Each type word as printed and with no diacritics at all (`Nghi dinh`),
/// and its [`TYPE_WORDS`] entry. (A type word whose marks are damaged
/// otherwise, `Nghị qụỵết`, is found from the số ký hiệu after it (see
/// [`super::symbols`]), and then by [`damaged_type_words`] in the same
/// document.)
pub(super) fn type_phrases() -> (Vec<String>, Vec<usize>) {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for (k, t) in TYPE_WORDS.iter().enumerate() {
        phrases.push(t.word.to_string());
        entries.push(k);
        let folded = fold(t.word);
        if folded != t.word {
            phrases.push(folded);
            entries.push(k);
        }
    }
    (phrases, entries)
}

/// The regular expression of each spelling of [`type_phrases`] (see
/// [`crate::scan::phrase_pattern`]: any case, a line break allowed between
/// words).
fn type_patterns() -> Vec<String> {
    type_phrases()
        .0
        .iter()
        .map(|p| phrase_pattern(p).expect("type words are words separated by one space"))
        .collect()
}

/// The pattern of a type word printed with its tone marks and vowel hats on
/// the wrong letters or missing (a broken conversion: `Nghị qụỵết`, `Kết
/// lùận`): each letter may carry any marks, `d` may be `đ`.
fn damaged_pattern(word: &str) -> String {
    // Each ASCII letter's class: the letter and the lower-case Latin and
    // Vietnamese letters that fold to it (`[aàáảãạăằắẳẵặâầấẩẫậ]`).
    let mut classes: [String; 26] = std::array::from_fn(|k| char::from(b'a' + k as u8).to_string());
    for c in ('\u{C0}'..='\u{1B0}').chain('\u{1EA0}'..='\u{1EF9}') {
        let b = crate::normalize::fold_char(c);
        if c.is_lowercase() && b.is_ascii_lowercase() {
            classes[usize::from(b as u8 - b'a')].push(c);
        }
    }
    let letters = |w: &str| -> String {
        w.chars()
            .map(|b| match b {
                'a'..='z' => format!("[{}]", classes[usize::from(b as u8 - b'a')]),
                _ => regex::escape(&b.to_string()),
            })
            .collect()
    };
    // A phrase pattern of placeholder words, each then given its classes.
    let folded = fold(word);
    let placeholders: String = folded.chars().map(|c| if c == ' ' { ' ' } else { 'x' }).collect();
    let pattern = phrase_pattern(&placeholders).expect("type words are words separated by one space");
    let mut words = folded.split(' ');
    let mut out = String::new();
    let mut in_word = false;
    for c in pattern.chars() {
        if c == 'x' {
            if !in_word {
                out.push_str(&letters(words.next().expect("one word per placeholder word")));
            }
            in_word = true;
        } else {
            in_word = false;
            out.push(c);
        }
    }
    out
}

/// The type words printed with their marks damaged in `text` (a
/// [`damaged_pattern`] each), as (start, end, [`TYPE_WORDS`] entry): whole
/// words, longer words first as in the main scan. Run only on a document
/// where one was seen (see [`super::find_citations`]), with a lazy DFA:
/// these many spellings would make the main scan's DFA slower to build and
/// its prefilter weaker on every document.
pub(super) fn damaged_type_words(text: &str) -> Vec<(usize, usize, usize)> {
    static RE: OnceLock<(regex::Regex, Vec<String>)> = OnceLock::new();
    let (re, folded) = RE.get_or_init(|| {
        let alternation: Vec<String> = TYPE_WORDS
            .iter()
            .map(|t| format!("(?:{})", damaged_pattern(t.word)))
            .collect();
        (
            regex::Regex::new(&alternation.join("|")).expect("damaged type-word patterns"),
            TYPE_WORDS.iter().map(|t| fold(t.word)).collect(),
        )
    });
    re.find_iter(text)
        .filter(|m| whole_word(text, m.start(), m.end()))
        .filter_map(|m| {
            let f = fold(m.as_str());
            let k = folded.iter().position(|w| *w == f)?;
            Some((m.start(), m.end(), k))
        })
        .collect()
}

/// Upper-case abbreviations used as type words before a number in news
/// text (`NQ 26`, `QĐ 1234`), found by their `Q` (see
/// [`super::find_citations`]): as printed, and the canonical type.
pub(super) const ABBREVIATIONS: &[(&str, &str)] = &[("NQ", "Nghị quyết"), ("QĐ", "Quyết định")];

/// The prefilter: every type word, any case, one pattern each, so that a
/// match says which word it is (the first pattern wins, as in an
/// alternation: longer words come first). The scan finds only matches that
/// start a word; [`super::find_citations`] checks the end of each (a Unicode
/// `\b` would keep the regex engine off its DFA).
pub(super) fn type_regex() -> &'static (Scanner, Vec<usize>) {
    static RE: OnceLock<(Scanner, Vec<usize>)> = OnceLock::new();
    RE.get_or_init(|| {
        (
            Scanner::from_patterns(type_patterns()).expect("type-word patterns"),
            type_phrases().1,
        )
    })
}

/// Is `text[s..e]` a whole word (no letter or digit glued on either side)?
pub(super) fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back().is_some_and(is_alnum);
    let after = text[e..].chars().next().is_some_and(is_alnum);
    !before && !after
}

/// A type word at the start of a string, a whole word: the prefilter's
/// own automaton ([`type_regex`]) run from the string's start.
pub(super) fn type_at() -> &'static TypeAt {
    &TypeAt
}

/// The anchored type-word matcher.
pub(super) struct TypeAt;

/// A type word matched at the start of a string.
pub(super) struct TypeMatch {
    end: usize,
}

impl TypeMatch {
    /// Where the type word ends.
    pub(super) fn end(&self) -> usize {
        self.end
    }
}

impl TypeAt {
    pub(super) fn find(&self, head: &str) -> Option<TypeMatch> {
        let (end, _) = type_regex().0.match_at(head.as_bytes(), 0)?;
        whole_word(head, 0, end).then_some(TypeMatch { end })
    }

    pub(super) fn is_match(&self, head: &str) -> bool {
        self.find(head).is_some()
    }
}

/// Does `i` start with a type word followed by `số` or a digit (a new
/// citation)?
pub(super) fn starts_citation(i: &str) -> bool {
    let head = prefix(i, 48);
    let Some(m) = type_at().find(head) else {
        return false;
    };
    number_follows(&i[m.end()..])
}

/// Does the rest after a type word start with `số` or a digit? (`Nghị
/// định⏎số …`: the line may break before the number.)
pub(super) fn number_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest
        .strip_prefix('\n')
        .map_or(rest, |r| r.trim_start_matches([' ', '\t']));
    rest.starts_with(|c: char| c.is_ascii_digit()) || so_word(rest).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        /// The fingerprinted type-word scan equals the library's anchored
        /// search at every word start on texts made of type words in any case, letters whose other case is another length in
        /// UTF-8 (`K` Kelvin, `ſ`), runs of spaces and tabs, line breaks and
        /// letters glued on.
        #[test]
        fn prop_type_scan_same_as_plain_search(pieces in proptest::collection::vec(0usize..24, 0..40), cases in proptest::collection::vec(0u8..4, 40)) {
            const PIECES: [&str; 24] = [
                "quyết định", "Quyết  định", "QUYẾT\tĐỊNH", "quyet dinh", "kế hoạch", "\u{212A}Ế HOẠCH", "thông tư",
                "THÔNG TƯ LIÊN TỊCH", "luật", "bộ luật", "Bộ \t Luật", "nghị quyết", "văn bản", "lệnh", "ſắc lệnh",
                " ", "\t", "\n", "x", "á", "Đ", ", ", "số 5/2020/NĐ-CP ", "ngày 1/1/2021",
            ];
            let (scanner, _) = type_regex();
            let mut text = String::new();
            for (k, &p) in pieces.iter().enumerate() {
                let piece = PIECES[p];
                match cases[k % cases.len()] {
                    0 => text.push_str(piece),
                    1 => text.push_str(&piece.to_uppercase()),
                    2 => text.push_str(&piece.to_lowercase()),
                    _ => {
                        // Title case: the first letter of each word.
                        let mut up = true;
                        for c in piece.chars() {
                            if up { text.extend(c.to_uppercase()) } else { text.push(c) }
                            up = c == ' ';
                        }
                    }
                }
            }
            proptest::prop_assert_eq!(scanner.find_all(&text), scanner.find_all_plain(&text), "{:?}", text);
        }
    }

    /// The fingerprinted type-word scan finds exactly what the library's
    /// own anchored search finds at every word start, on every real text at
    /// hand (the corpus when it is beside the repository, the fixtures
    /// always).
    #[test]
    fn ok_type_scan_same_as_plain_search() {
        let (scanner, _) = type_regex();
        for (path, text) in crate::test_texts::texts() {
            let norm = crate::normalize::normalize(&text);
            let fast = scanner.find_all(norm.text());
            assert_eq!(fast, scanner.find_all_plain(norm.text()), "{path:?}");
            assert!(!fast.is_empty() || norm.text().len() < 1000, "{path:?}");
        }
    }
}
