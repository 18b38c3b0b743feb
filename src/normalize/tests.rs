//! Unit tests.

use super::folding::fold_char_slow;
#[cfg(target_arch = "x86_64")]
use super::scan::sse2;
use super::*;
use unicode_normalization::UnicodeNormalization;

fn check_spans(orig: &str, n: &Normalized<'_>) {
    // Every char boundary of the normalized text maps to a char boundary
    // of the original.
    for (i, _) in n.text().char_indices().chain([(n.text().len(), ' ')]) {
        let s = n.map().start(i);
        let e = n.map().end(i);
        assert!(orig.is_char_boundary(s), "start {i}->{s}");
        assert!(orig.is_char_boundary(e), "end {i}->{e}");
    }
}

#[test]
fn ok_identity_is_borrowed() {
    let s = "Số 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023";
    let n = normalize(s);
    assert!(n.is_identity());
    assert_eq!(n.text(), s);
    assert_eq!(n.map().start(5), 5);
}

#[test]
fn ok_nfd_composed_and_mapped() {
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Nghị định số 30/2020/NĐ-CP").collect();
    let n = normalize(&nfd);
    assert_eq!(n.text(), "Nghị định số 30/2020/NĐ-CP");
    let sym = n.text().find("30/2020").unwrap();
    let (s, e) = n.map().range(sym, n.text().len());
    assert_eq!(&nfd[s..e], "30/2020/NĐ-CP");
    let (s, e) = n.map().range(0, "Nghị".len());
    assert_eq!(&nfd[s..e], "Nghi\u{323}");
    check_spans(&nfd, &n);
}

#[test]
fn ok_escaped_line_breaks() {
    let s = "Quyết định số 205/QĐ-TTg\\r\\nngày 03/11/2027\\r\\n\\r\\n\\nLuật \\nngày \\n1";
    let n = normalize(s);
    assert_eq!(
        n.text(),
        "Quyết định số 205/QĐ-TTg\nngày 03/11/2027\n\n\nLuật \nngày \n1"
    );
    let p = n.text().find("ngày 03").unwrap();
    let (a, b) = n.map().range(p, p + "ngày 03/11/2027".len());
    assert_eq!(&s[a..b], "ngày 03/11/2027");
    let (a, b) = n.map().range(0, p);
    assert_eq!(&s[a..b], "Quyết định số 205/QĐ-TTg\\r\\n");
    check_spans(s, &n);
    // TeX control words and ASCII words stay as they are.
    for kept in ["$a \\right) \\nu \\neq b$", "\\text{x} \\rho", "C:\\ban", "a \\ b"] {
        assert_eq!(normalize(kept).text(), kept);
    }
}

#[test]
fn ok_eth_nbsp_zwsp_crlf_stars() {
    let s = "\u{feff}**Số:**\u{a0}102/2017/NÐ-CP\r\n\u{200b}“*Dân vận khéo*”";
    let n = normalize(s);
    assert_eq!(n.text(), "Số: 102/2017/NĐ-CP\n“Dân vận khéo”");
    let p = n.text().find("NĐ").unwrap();
    let (a, b) = n.map().range(p, p + "NĐ".len());
    assert_eq!(&s[a..b], "NÐ");
    let p = n.text().find("Dân").unwrap();
    let (a, b) = n.map().range(p, p + "Dân vận khéo".len());
    assert_eq!(&s[a..b], "Dân vận khéo");
    check_spans(s, &n);
}

#[test]
fn ok_superscript_markers() {
    let s = "(khóa XIV)⁽¹⁾.\n¹ Nghị quyết";
    let n = normalize(s);
    assert_eq!(n.text(), "(khóa XIV)[1].\n[1] Nghị quyết");
    let p = n.text().find("[1]").unwrap();
    let (a, b) = n.map().range(p, p + 3);
    assert_eq!(&s[a..b], "⁽¹⁾");
    check_spans(s, &n);
}

#[test]
fn ok_front_matter_blanked_keeps_lines() {
    let s = "---\ntitle: x\ndate: 2026-05-25\n---\n# THÔNG TƯ\nSố: 71/2026/TT-BCA";
    let n = normalize(s);
    assert_eq!(n.text(), "\n\n\n\nTHÔNG TƯ\nSố: 71/2026/TT-BCA");
    let p = n.text().find("71/").unwrap();
    assert_eq!(&s[n.map().start(p)..], "71/2026/TT-BCA");
}

#[test]
fn ok_idempotent() {
    let s = "\u{feff}Ki\u{301}nh gư\u{309}i:* - Ð\r\n¹ x";
    let once = normalize(s).text().to_string();
    let twice = normalize(&once).text().to_string();
    assert_eq!(once, twice);
}

/// A character of combining class 0 whose decomposition opens with a mark
/// (`\u{F73}` = `\u{F71}\u{F72}`) after a mark of a higher class: NFC puts
/// the decomposed marks first, in one pass (found by `tests/proptest.rs`).
#[test]
fn ok_idempotent_on_non_starter_decompositions() {
    for s in ["\u{11366}\u{f73}", "a\u{301}\u{f75}x", "\u{11366}\u{f81}", "k\u{f73}"] {
        let once = normalize(s).text().to_string();
        assert_eq!(once, s.nfc().collect::<String>(), "{s:?}");
        assert_eq!(normalize(&once).text(), once, "{s:?}");
    }
}

/// `is_mark` names every character NFC may reorder: a mark, or a character
/// whose canonical decomposition opens with one.
#[test]
fn ok_is_mark_covers_non_starter_decompositions() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut first = None;
        unicode_normalization::char::decompose_canonical(c, |d| {
            first.get_or_insert(d);
        });
        let opens_with_mark = first.is_some_and(|d| canonical_combining_class(d) != 0);
        if canonical_combining_class(c) != 0 || opens_with_mark {
            assert!(is_mark(c), "{c:?} U+{:04X}", c as u32);
        }
    }
}

/// The first byte at or after `from` that [`skip_plain`] must stop at,
/// read one byte at a time from its documented rules.
fn first_stop(b: &[u8], from: usize) -> usize {
    (from..b.len())
        .find(|&k| {
            let prev = k.checked_sub(1).map(|p| b[p]);
            matches!(b[k], b'\r' | b'*' | b'#' | 0xC2 | 0xCC..=0xE0 | 0xE2..=0xFF)
                || (prev == Some(0xC3) && matches!(b[k], 0x90 | 0xB0))
                || (prev == Some(0xE1) && !matches!(b[k], 0xB8..=0xBB))
        })
        .unwrap_or(b.len())
}

/// The block skip (sixty-four bytes with AVX-512, thirty-two with AVX2,
/// then sixteen) stops where
/// the byte rules say, from every character boundary of texts that put
/// each kind of stop, and the two-byte ones split across blocks, at
/// every alignment; it stops early only in the last sixteen bytes.
#[test]
fn ok_skip_plain_stops_where_the_rules_say() {
    let stops = [
        "Ð", "ð", "\u{1D00}", "\u{1DC0}", "\u{a0}", "“", "*", "#", "\r", "\u{301}", "Ж",
    ];
    // A long rest, and one that leaves sixteen to thirty-one bytes after
    // the thirty-two-byte blocks (the sixteen-byte skip takes over there,
    // maybe inside a character).
    let rests = [" quyết định ư ơ đ ậ".repeat(3), " quyết định ư".to_string()];
    for (stop, rest) in stops.iter().flat_map(|s| rests.iter().map(move |r| (s, r))) {
        for pad in 0..70 {
            let text = format!("{}{stop}{rest}", "a".repeat(pad));
            let b = text.as_bytes();
            for from in (0..=b.len()).filter(|&k| text.is_char_boundary(k)) {
                let want = first_stop(b, from);
                // The dispatch, and sixteen at a time alone (what a CPU
                // without AVX2 runs).
                #[cfg(target_arch = "x86_64")]
                // SAFETY: SSE2 is part of the x86-64 baseline.
                let sse2 = unsafe { sse2::skip_plain(b, from) };
                #[cfg(not(target_arch = "x86_64"))]
                let sse2 = skip_plain(b, from);
                for got in [skip_plain(b, from), sse2] {
                    assert!(
                        got >= from && (got == want || (got < want && b.len() - got < 16)),
                        "{text:?} from {from}: stopped at {got}, the rules say {want}"
                    );
                }
            }
        }
    }
}

#[test]
fn ok_fold_tables_agree_with_decomposition() {
    for u in (0x80..0x250).chain(0x1E00..0x1F00) {
        let c = char::from_u32(u).unwrap();
        assert_eq!(fold_char(c), fold_char_slow(c), "U+{u:04X}");
    }
    assert_eq!(fold_char('Ệ'), 'e');
    assert_eq!(fold_char('Ư'), 'u');
    assert_eq!(fold_char('ð'), 'd');
    assert_eq!(fold_char('ß'), 'ß');
}

#[test]
fn ok_fold_tone_placement() {
    assert_eq!(fold("Tỉnh uỷ"), fold("Tỉnh ủy"));
    assert_eq!(fold("hoà"), fold("hòa"));
    assert_eq!(fold("KÍNH GỬI"), "kinh gui");
    assert_eq!(starts_with_folded("Kính gởi: x", "kinh goi"), Some("Kính gởi".len()));
    assert_eq!(starts_with_folded("NƠI NHẬN:", "noi nhan"), Some("NƠI NHẬN".len()));
    assert_eq!(starts_with_folded("Noi nhận", "noi nhan"), Some("Noi nhận".len()));
    assert_eq!(starts_with_folded("Nơi", "noi nhan"), None);
    // The first-byte reject: another ASCII letter, upper case kept apart
    // from lower, NUL skipped like a stray mark, non-ASCII decoded.
    assert_eq!(starts_with_folded("Mơi nhận", "noi nhan"), None);
    assert_eq!(starts_with_folded("NOI NHAN", "noi nhan"), Some(8));
    assert_eq!(starts_with_folded("\u{0}noi nhan", "noi nhan"), Some(9));
    assert_eq!(starts_with_folded("Đi", "di"), Some("Đi".len()));
    assert_eq!(starts_with_folded("", "noi"), None);
}

#[test]
fn ok_fold_bytewise_same_as_by_chars() {
    use super::folding::fold_by_chars;
    // Spaces of every kind (ASCII, no-break, Unicode), NUL and combining
    // marks (dropped), letters of each table and past them.
    for s in [
        "",
        "  Căn cứ\tLuật\r\nsố 12/2024/QH15 ",
        "\u{0}Đ\u{0}iều\u{0301} 5\u{a0}\u{a0}khoản\u{2003}2\u{0b}x\u{0c}y\u{1}\u{7f}",
        "KÍNH GỬI: Ủy ban — “Thông tư” (gọi tắt là TT) ß Ω Ⱥ 漢 😀",
        "\u{1c}\u{1f}\u{85}x\u{3000}y\u{200b}z",
    ] {
        assert_eq!(fold(s), fold_by_chars(s), "{s:?}");
    }
    // Every character around the two- and three-byte ones read from their
    // bytes (lead bytes C2..C8, and E1 B8..BB), alone, between letters and
    // spaces, and all in one run.
    let chars: Vec<char> = (0x80..0x2100).filter_map(char::from_u32).collect();
    for &c in &chars {
        for s in [format!("{c}"), format!("a{c}b"), format!(" {c} x"), format!("{c}{c}")] {
            assert_eq!(fold(&s), fold_by_chars(&s), "{s:?}");
        }
    }
    let run: String = chars.iter().collect();
    assert_eq!(fold(&run), fold_by_chars(&run));
}

proptest::proptest! {
    /// [`fold`] a byte at a time gives what it gives a character at a time.
    #[test]
    fn prop_fold_bytewise_same_as_by_chars(s in "[ \\t\\n\\u{0}\\u{1}\\u{0b}\\u{1c}\\u{7f}\\u{85}\\u{a0}\\u{0301}\\u{2003}aZđĐÂẫỆƯȺ漢😀,.:;“”()x-]{0,40}") {
        proptest::prop_assert_eq!(fold(&s), super::folding::fold_by_chars(&s));
    }
}

/// The checkpoint index found from the hint is the one `partition_point`
/// finds, whatever order offsets are asked in: forward a byte at a time
/// (the hint's case), backward, and jumping about; on texts with many
/// edits (NFD, CRLF, non-breaking spaces, superscripts) and on real ones.
#[test]
fn ok_hinted_index_same_as_binary_search() {
    let made: String = (0..200)
        .map(|k| match k % 4 {
            0 => "Nghi\u{0323} đi\u{0323}nh so\u{0302}\u{0301} 30/2020/NĐ-CP\r\n".to_string(),
            1 => "Căn\u{a0}cứ Luật số⁰ 54/2014/QH13;\r\n".to_string(),
            2 => "plain line with no edit at all\n".to_string(),
            _ => "\r\n\r\n".to_string(),
        })
        .collect();
    let mut texts = vec![made, String::new(), "\r\n".to_string()];
    texts.extend(crate::test_texts::sampled(20));
    for orig in &texts {
        let n = normalize(orig);
        let m = n.map();
        let len = n.text().len();
        let plain = |pos: usize, as_start: bool| {
            m.points
                .partition_point(|&(p, _)| if as_start { p <= pos } else { p < pos })
        };
        let mut asked: Vec<usize> = (0..=len + 1).collect();
        asked.extend((0..=len + 1).rev());
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        asked.extend((0..len.min(4000)).map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) as usize % (len + 2)
        }));
        for &pos in &asked {
            for as_start in [true, false] {
                assert_eq!(m.index(pos, as_start), plain(pos, as_start), "{pos} {as_start}");
            }
        }
    }
    // (The made text gives the hint many checkpoints to step through.)
    assert!(normalize(&texts[0]).map().points.len() > 400);
}

/// A map whose checkpoints' allocation was given back by the map before
/// it (on this thread) holds its own checkpoints only, as a fresh one.
#[test]
fn ok_spare_points_reused_and_cleared() {
    let a = "Nghi\u{0323}\r\n".repeat(1000);
    let b = "Căn\u{a0}cứ\r\nLuật\r\n";
    let fresh = normalize(b).map().points.clone();
    let mut spare = String::new();
    let first = normalize_reusing(&a, &mut spare);
    assert!(first.map().points.len() >= 1000);
    spare = first.into_spare().expect("a rewritten text");
    let second = normalize_reusing(b, &mut spare);
    assert_eq!(second.map().points, fresh);
    assert!(second.map().points.capacity() >= 1000, "the allocation is reused");
}
