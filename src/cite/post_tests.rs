use super::names_a_provision;
use crate::normalize::fold;

/// Every text parses the same with the fast paths of this module,
/// [`super::super::quoted`], [`super::super::refers`] and
/// [`super::super::symbols`] and with their plain readings (the fixtures, and the corpus when beside the
/// repository).
#[test]
fn ok_fast_paths_same_as_plain_on_real_text() {
    let texts = crate::test_texts::texts();
    for (path, text) in &texts {
        let fast = format!("{:?}", crate::parse(text));
        super::PLAIN.with(|p| p.set(true));
        let plain = format!("{:?}", crate::parse(text));
        super::PLAIN.with(|p| p.set(false));
        assert!(fast == plain, "{path:?}");
    }
}

/// [`super::effective_clause`] gives what its plain reading gives: on
/// the text after each place of real text, up to 400 bytes before each
/// `hiệu lực`, and on the edges of a clause's end.
#[test]
fn ok_effective_clause_same_as_plain() {
    use super::{effective_clause, effective_clause_plain};
    let same = |ahead: &str| assert_eq!(effective_clause(ahead), effective_clause_plain(ahead), "{ahead:?}");
    let mut n = 0;
    for (_, text) in crate::test_texts::texts() {
        for w in ["hiệu lực", "hieu luc"] {
            for (at, _) in text.match_indices(w) {
                for back in (0..400).step_by(7) {
                    let Some(s) = at.checked_sub(back).filter(|&s| text.is_char_boundary(s)) else {
                        continue;
                    };
                    same(crate::cite::lex::prefix(&text[s..], 400));
                    n += 1;
                }
            }
        }
    }
    assert!(n > 100, "only {n} windows");
    for ahead in [
        "có hiệu lực từ ngày 1/1/2020",
        "hiệu lực",
        "hieu luc",
        "hiệu lự",
        ". hiệu lực",
        "a. hiệu lực",
        "a.hiệu lực",
        "a .hiệu lực",
        "a. ",
        ".",
        "x.",
        ";hiệu lực",
        "hiệu lực;",
        "]hiệu lực",
        "hiệu lực] x",
        "[hiệu lực\n",
        "có hieu luc. có hiệu lực",
        "có hiệu lực. có hieu luc;",
        "có hiệu lực\n. ",
        "một.\nhiệu lực",
        "một. hiệu lực",
        "một .  hiệu lực",
        "một hiệu lực. hieu luc",
        "đều lhieu luc",
        "hiệu u lhiệu lực",
        "hieu hiệu lực",
        "u lu lu l hieu luc",
        "hiệuu lực hieu luc",
    ] {
        same(ahead);
    }
}

/// [`super::NoteCursor`] gives each citation what the whole text's
/// notes give: on real text, with spans around its brackets and lines
/// read in order and out of it, after spans far before them (its cut
/// kept), and on edge cases; and it fails when the cut is made too
/// near.
#[test]
fn ok_note_cursor_same_as_whole_notes() {
    use super::NoteCursor;
    let editorial = |notes: &[(usize, usize)], s: usize, e: usize| {
        let k = notes.partition_point(|&(open, _)| open < s);
        k > 0 && notes[k - 1].1 >= e
    };
    // Each span of `spans` read in turn by one cursor.
    let check = |text: &str, whole: &[(usize, usize)], spans: &[(usize, usize)]| {
        let mut cursor = NoteCursor::default();
        for &(s, e) in spans {
            let fast = cursor.holds(text.as_bytes(), s, e);
            assert_eq!(editorial(whole, s, e), fast, "{s} {e}");
        }
    };
    let mut n = 0;
    let mut held = 0;
    for (_, text) in crate::test_texts::texts() {
        let b = text.as_bytes();
        let whole = super::editorial_notes_plain(&text);
        let marks: Vec<usize> = memchr::memchr3_iter(b'[', b']', b'\n', b).collect();
        for w in marks.windows(8).step_by(37) {
            // Spans just inside, on and around brackets and line ends.
            let spans = [
                (w[0] + 1, w[1]),
                (w[0], w[1] + 1),
                (w[1] + 1, w[2]),
                (w[0].saturating_sub(1), w[3]),
                (w[2] + 1, w[3]),
                (w[3] + 1, w[7]),
                (w[7], w[7] + 1),
            ];
            check(&text, &whole, &spans);
            check(&text, &whole, &spans[2..3]);
            check(&text, &whole, &[spans[5], spans[0], spans[6]]);
            // After a span far before (a cut or a bracket found there).
            let far = w[0].saturating_sub(3000);
            check(&text, &whole, &[(far, far + 1), spans[0], spans[2], spans[5], spans[6]]);
            held += spans.iter().filter(|&&(s, e)| editorial(&whole, s, e)).count();
            n += 1;
        }
    }
    assert!(n > 250, "only {n} windows");
    assert!(held > 10, "only {held} spans in notes");
    let t = "] a [b] c [d\ne] [1] [x](y) [ [z] ] ] [[q]] [r";
    let whole = super::editorial_notes_plain(t);
    for s in 0..t.len() {
        for e in s..=t.len() {
            check(t, &whole, &[(s, e)]);
            check(t, &whole, &[(s, e), (e, t.len())]);
            check(t, &whole, &[(0, s), (s, e)]);
            check(t, &whole, &[(e, e), (s, e)]);
        }
    }
    // A note broken over four lines, 1,500 bytes long, holds a citation
    // at its end, its line breaks at its start; over five lines, or one
    // byte longer, it is none.
    for (breaks, len) in [
        (4, 1500),
        (5, 1500),
        (4, 1501),
        (1, 1500),
        (1, 1501),
        (5, 40),
        (1, 1501 + 4),
    ] {
        let pad = len - breaks - " được thay thế bởi".len() - 1;
        let inner = format!("{} được thay thế bởi{}N", "\n".repeat(breaks), "x".repeat(pad));
        assert_eq!(inner.len(), len);
        let t = format!("a [{inner}] b");
        let whole = super::editorial_notes_plain(&t);
        let s = t.find("N]").unwrap();
        let e = s + 1;
        assert_eq!(editorial(&whole, s, e), len <= 1500 && breaks <= 4, "{breaks} {len}");
        check(&t, &whole, &[(s, e)]);
        check(&t, &whole, &[(0, 1), (s, e)]);
        check(&t, &whole, &[(5, 6), (s, e)]);
    }
}

#[test]
fn ok_printed_effective_words_fold_to_those_taken() {
    for w in [
        "hiệu lực từ ",
        "hiệu lực kể từ ",
        "hiệu lực thi hành từ ",
        "hiệu lực thi hành kể từ ",
    ] {
        let f = fold(w);
        let ws: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        assert!(ws.len() >= 3 && ws[..2] == ["hieu", "luc"], "{w:?}");
        assert!(
            ws[2..].iter().all(|w| matches!(*w, "thi" | "hanh" | "ke" | "tu")),
            "{w:?}"
        );
    }
    assert!(super::folded_ends_with("văn bản này có ", "co"));
}

fn cited(text: &str) -> Vec<(String, bool, bool)> {
    crate::parse(text)
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                c.editorial,
                c.part,
            )
        })
        .collect()
}

#[test]
fn a_note_broken_over_lines_is_editorial() {
    let text = "Điều 3. Phạm vi [Điều này được hướng dẫn bởi \n\
                Chương II Nghị định 45/2019/NĐ-CP có hiệu lực từ ngày 01/3/2019]\n\
                Thực hiện theo Nghị định số 12/2018/NĐ-CP.\n";
    let editorial: Vec<_> = cited(text).into_iter().map(|(s, e, _)| (s, e)).collect();
    assert_eq!(
        editorial,
        [
            ("45/2019/NĐ-CP".to_string(), true),
            ("12/2018/NĐ-CP".to_string(), false)
        ]
    );
}

#[test]
fn brackets_over_lines_without_a_note_are_text() {
    // Not a passive `được … bởi` statement: the brackets hold the text.
    let text = "Điều 3. [Phần A\nThực hiện Nghị định số 45/2019/NĐ-CP\nxong]\n";
    assert!(cited(text).iter().all(|(_, editorial, _)| !editorial));
}

#[test]
fn a_folded_end_is_read_from_the_last_bytes() {
    use super::folded_ends_with;
    for s in [
        "Nghị định này có ",
        "văn bản CÓ\t ",
        "có",
        "co",
        "c",
        "",
        " \u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
        "Thông tư đã có\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} ",
        "c\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}o",
        "không có hiệu lực, chưa có thì ",
    ] {
        assert_eq!(folded_ends_with(s, "co"), fold(s).trim_end().ends_with("co"), "{s:?}");
    }
    assert!(folded_ends_with("Nghị định này có ", "co"));
    assert!(!folded_ends_with("Nghị định này cô đọng ", "co"));
}

#[test]
fn a_code_with_its_last_letter_lost_is_the_whole_one_cited() {
    let text = "Căn cứ Thông tư số 17/2023/TT-BLĐTBX ngày 2 tháng 3 năm 2023;\n\
                Căn cứ Thông tư số 17/2023/TT-BLĐTBXH ngày 2 tháng 3 năm 2023;\n\
                Căn cứ Thông tư số 8/2021/TT-BLĐTBX ngày 5 tháng 6 năm 2021;\n\
                Căn cứ Thông tư số 44/2022/TT-BT ngày 1 tháng 7 năm 2022 của Bộ Tài chính;\n\
                Căn cứ Thông tư số 44/2022/TT-BTC ngày 1 tháng 7 năm 2022;\n";
    let doc = crate::parse(text);
    let symbols: Vec<_> = doc
        .citations
        .iter()
        .map(|c| c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default())
        .collect();
    // (No whole `8/2021/…` cited: that one stays as printed.)
    assert_eq!(
        symbols,
        [
            "17/2023/TT-BLĐTBXH",
            "17/2023/TT-BLĐTBXH",
            "8/2021/TT-BLĐTBX",
            "44/2022/TT-BTC",
            "44/2022/TT-BTC"
        ]
    );
    let repairs = doc.diagnostics.iter().filter(|d| d.code == "symbol-repair").count();
    assert_eq!(repairs, 2);
}

#[test]
fn a_provision_named_is_a_part() {
    assert!(names_a_provision("2. Bãi bỏ khoản 6 Điều 19 của "));
    assert!(names_a_provision(
        "3. Bãi bỏ điểm 4.1 tiểu mục 04, mục II, Phần A thuộc Phụ lục số 01 ban hành kèm theo "
    ));
    assert!(names_a_provision("Bãi bỏ cụm từ “(được sửa đổi, bổ sung)” tại "));
    assert!(names_a_provision("a) Khoản 22 Điều 79 và khoản 1 Điều 202 của "));
    assert!(names_a_provision("Khoản 2 Điều 5 "));
    // The document itself.
    assert!(!names_a_provision("Điều 5. Bãi bỏ "));
    assert!(!names_a_provision("Điều 5. "));
    assert!(!names_a_provision("Nghị định này thay thế "));
    assert!(!names_a_provision("1. "));
    assert!(!names_a_provision("Khoản 3 Điều 2 Nghị định này; bãi bỏ "));
}

#[test]
fn part_of_a_repealed_document() {
    let text = "Điều 9. Hiệu lực thi hành\n\
                1. Bãi bỏ khoản 6 Điều 19 của Luật Viễn thông số 41/2009/QH12.\n\
                2. Nghị định này thay thế Nghị định số 25/2011/NĐ-CP.\n";
    let parts: Vec<_> = cited(text).into_iter().map(|(s, _, p)| (s, p)).collect();
    assert_eq!(
        parts,
        [("41/2009/QH12".to_string(), true), ("25/2011/NĐ-CP".to_string(), false)]
    );
}

/// [`super::authenticated`], reading only the `[` and `X` the line
/// reading marked, finds the block where a search of the whole text does:
/// on real text, and on edge cases (the block at the text's start and end,
/// cut short, after another `X`).
#[test]
fn ok_authenticated_by_marks_same_as_search() {
    let marks = |t: &str| memchr::memchr2_iter(b'[', b'X', t.as_bytes()).collect::<Vec<_>>();
    let same = |t: &str| {
        assert_eq!(
            super::authenticated(t, &marks(t)),
            super::authenticated_plain(t),
            "{t:?}"
        )
    };
    for (_, text) in crate::test_texts::texts() {
        same(&text);
    }
    for t in [
        "",
        "X",
        "XÁC THỰC VĂN BẢN HỢP NHẤT",
        "a\nXÁC THỰC VĂN BẢN HỢP NHẤT\nb",
        "XXÁC THỰC VĂN BẢN HỢP NHẤT",
        "[XÁC THỰC VĂN BẢN HỢP NHẤT]",
        "XÁC THỰC VĂN BẢN HỢP NHẤ",
        "XÁC THỰC VĂN BẢN",
    ] {
        same(t);
    }
    // (Marks of `[` alone would miss it.)
    let t = "a\nXÁC THỰC VĂN BẢN HỢP NHẤT\n";
    assert!(!super::authenticated(t, &[]) && super::authenticated_plain(t));
}
