use super::*;
use crate::cite::lex::suffix;
use crate::cite::types::type_regex;
use crate::cite::CUE_WINDOW;
use crate::normalize::fold;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

    /// The hand-read cues give what the regular expressions give, on
    /// folded windows made of cue words, parts of them, the words the
    /// passive cue takes after it, punctuation and letters glued on
    /// either side.
    #[test]
    fn prop_cue_matcher_same_as_regexes(pieces in proptest::collection::vec(0usize..93, 0..30)) {
        const PIECES: [&str; 93] = [
            // Every cue whole, and the longest passive one.
            "can cu", "thuc hien", "trien khai", "theo tinh than chi dao", "bam sat", "sua doi, bo sung", "thay the",
            "bai bo", "het hieu luc", "huong dan thi hanh", "huong dan thuc hien", "quy dinh chi tiet",
            "duoc quy dinh chi tiet mot so noi dung theo:", "thay the cho nhau", "chua het hieu luc",
            "vb het hieu luc", "duoc huong dan thi hanh", "bi sua doi, bo sung boi", "duoc thay the mot so dieu tai",
            "bi bai bo:", "duoc bo sung", "quan triet", "hieu luc thi hanh", "quy dinh chi tiet thi hanh",
            "duoc quy dinh chi tiet thi hanh boi", "bi het hieu luc", "goi tat la", "xet", "de nghi", "ban hanh",
            "sua doi theo", "bi bai bo, thay the boi", "bo sung tai", "theo quy dinh", "quy dinh tai",
            "thuc hien theo quy dinh tai", "thuc hien theo", "ap dung", "dinh chinh", "goi la", "goi chung la", "dieu chinh", "pham vi dieu chinh", "thay the, bo sung mot so dieu boi",
            // Their parts, and what the passive cue takes after it.
            "sua doi", ", bo sung", "bo sung", "huong dan", "thi hanh", "duoc", "bi", "mot so dieu",
            "mot so noi dung", "boi", "theo", "tai", ":", "cho nhau", "chua", "vb", "sua", "doi", "het",
            "hieu luc", "tinh than", "chi dao", "noi dung", "cu", "thay", "bai", "quan", "triet", "goi", "tat",
            "la", "de nghi", "ban", "hanh", "xe",
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

/// No cue holds a NUL byte among its first three ([`best_cue`] reads
/// a byte past the end as one).
#[test]
fn ok_no_cue_byte_is_nul() {
    assert_eq!(
        CUES_BY_FIRST_BYTE[0] | CUES_BY_SECOND_BYTE[0] | CUES_BY_THIRD_BYTE[0],
        0
    );
    // (Past `xet`, the only cue of three bytes, a NUL ends the word.)
    assert_eq!(CUES_BY_FOURTH_BYTE[0], 1 << 21);
}

/// [`non_word_lanes`] marks what [`is_word_byte`] says, for every byte
/// in every lane, among word bytes and among others.
#[test]
fn ok_non_word_lanes_same_as_bytewise() {
    for fill in [b'a', b' ', b'_', b'9', 0xC3, b'Z'] {
        for lane in 0..8 {
            for x in 0..=255u8 {
                let mut bytes = [fill; 8];
                bytes[lane] = x;
                let want = bytes
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (k, &c)| m | if is_word_byte(c) { 0 } else { 0x80 << (8 * k) });
                assert_eq!(non_word_lanes(u64::from_le_bytes(bytes)), want, "{bytes:?}");
            }
        }
    }
}

/// [`best_cue`] reads eight places at once: cues at every distance from
/// the end and the start, and past the floor a cue found sets.
#[test]
fn ok_best_cue_same_as_regexes_at_every_offset() {
    for cue in [
        "can cu",
        "thi hanh",
        "duoc sua doi, bo sung boi",
        "xet",
        "ban hanh kem theo",
    ] {
        for pad in 0..20 {
            for tail in 0..12 {
                for glue in ["", " ", "a", "_", "5", "\u{1ea1}", ","] {
                    let text = format!(
                        "{}{glue}{cue} {}",
                        "x ".repeat(pad) + &"y".repeat(pad % 3),
                        "z".repeat(tail)
                    );
                    assert_eq!(best_cue(text.as_bytes()), best_cue_by_regex(&text), "{text:?}");
                    let text = format!("{cue} thuc hien {}{glue}{cue}{}", "q".repeat(pad), " w".repeat(tail));
                    assert_eq!(best_cue(text.as_bytes()), best_cue_by_regex(&text), "{text:?}");
                }
            }
        }
    }
}

/// [`head_at`] reads what reading byte by byte gives, and a place
/// [`may_open_passive`] rules out holds no passive cue: at every place
/// of every other folded window the corpus gives (each line's text
/// before each type word; the fixtures always), and on short texts made
/// of the passive cue's openings, whole and cut short.
#[test]
fn ok_head_and_passive_opening_same_as_bytewise() {
    let check = |b: &[u8]| {
        let text = String::from_utf8_lossy(b);
        for p in 0..=b.len() + 1 {
            assert_eq!(head_at(b, p), head_at_bytewise(b, p), "{text:?} at {p}");
            if p <= b.len() && !may_open_passive(head_at(b, p)) {
                assert_eq!(passive_cue(b, p), None, "{text:?} at {p}");
            }
        }
    };
    let (scanner, _) = type_regex();
    let mut windows = 0;
    for (_, text) in crate::test_texts::texts() {
        for (s, _, _) in scanner.find_all(&text).into_iter().step_by(2) {
            let ls = text[..s].rfind('\n').map_or(0, |k| k + 1);
            check(fold(suffix(&text[ls..s], CUE_WINDOW)).as_bytes());
            windows += 1;
        }
    }
    assert!(windows > 25, "only {windows} windows");
    for s in [
        "",
        "d",
        "duoc",
        "duoc ",
        "bi",
        "bi ",
        "bi boi",
        "sua doi",
        "sua do",
        "bo sung",
        "thay th",
        "thay the",
        "x bi sua doi boi",
        "duoc sua doi, bo sung theo:",
        "thay the boi",
        "bo sung tai",
    ] {
        check(s.as_bytes());
        check(format!("a {s}").as_bytes());
    }
}

/// [`passive_relation`] as first written: the last place of each verb,
/// the verb whose is last.
fn passive_relation_by_verbs(cue: &[u8]) -> Relation {
    use super::PASSIVE_VERBS as VERBS;
    let last = |v: &[u8]| {
        (0..=cue.len().checked_sub(v.len())?)
            .rev()
            .find(|&k| cue[k..].starts_with(v))
    };
    VERBS
        .iter()
        .filter_map(|(v, r)| last(v).map(|k| (k, *r)))
        .max_by_key(|(k, _)| *k)
        .map_or(Relation::Amends, |(_, r)| r)
}

/// [`passive_relation`] read from the end back gives what the last
/// place of each verb gives: on every passive cue of the corpus's
/// windows (and the fixtures'), on each of their tails, and on verbs
/// run together, cut short and glued.
#[test]
fn ok_passive_relation_same_as_by_verbs() {
    let check = |cue: &[u8]| {
        for k in 0..=cue.len() {
            for c in [&cue[k..], &cue[..k]] {
                assert_eq!(
                    passive_relation(c),
                    passive_relation_by_verbs(c),
                    "{:?}",
                    String::from_utf8_lossy(c)
                );
            }
        }
    };
    let (scanner, _) = type_regex();
    let mut cues = 0;
    for (_, text) in crate::test_texts::texts() {
        for (s, _, _) in scanner.find_all(&text) {
            let ls = text[..s].rfind('\n').map_or(0, |k| k + 1);
            let f = fold(suffix(&text[ls..s], CUE_WINDOW));
            let b = f.as_bytes();
            let mut at = 0;
            while at < b.len() {
                if let Some(e) = passive_cue(b, at) {
                    check(&b[at..e]);
                    cues += 1;
                }
                at += 1;
            }
        }
    }
    assert!(cues > 0);
    for s in [
        "bi bai bo, thay the boi",
        "thay the, bai bo tai",
        "duoc sua doi, bo sung, huong dan thi hanh, het hieu luc, quy dinh chi tiet theo:",
        "trien khai thuc hien dinh chinh dieu chinh",
        "bo sungbai boquy dinh chi tietthay thehuong dan",
        "sua doisua doi",
    ] {
        check(s.as_bytes());
    }
}

#[test]
fn ok_passive_relation_from_the_last_verb() {
    let r = |cue: &str| passive_relation(cue.as_bytes());
    assert_eq!(r("bi bai bo, thay the boi"), Relation::Replaces);
    assert_eq!(r("thay the, bai bo tai"), Relation::Repeals);
    assert_eq!(r("bi thay the, bai bo, thay the boi:"), Relation::Replaces);
    assert_eq!(r("duoc huong dan thi hanh boi"), Relation::Guides);
    assert_eq!(r("duoc quy dinh chi tiet theo"), Relation::Guides);
    assert_eq!(r("bi het hieu luc"), Relation::Repeals);
    assert_eq!(r("duoc trien khai theo"), Relation::Implements);
    assert_eq!(r("het hieu luc"), Relation::Repeals);
    // No verb, or one cut short: amends.
    assert_eq!(r("duoc boi"), Relation::Amends);
    assert_eq!(r("bai b"), Relation::Amends);
    assert_eq!(r(""), Relation::Amends);
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
