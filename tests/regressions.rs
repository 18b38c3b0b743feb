//! Inputs found by fuzzing and property testing, kept as regression tests.
//! Each says what went wrong before the fix.

use vanban::{IssueDate, Symbol};

/// `Display` then `FromStr` gives the same symbol, and the text is stable.
fn round_trips(text: &str) -> Symbol {
    let sym: Symbol = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let shown = sym.to_string();
    let again: Symbol = shown.parse().unwrap_or_else(|e| panic!("{shown:?}: {e}"));
    assert_eq!(again, sym, "{text:?} -> {shown:?} reads back differently");
    assert_eq!(again.to_string(), shown);
    sym
}

/// fuzz/symbol (crash-a7bd2c25): `1722/UBND**T/M` (stars dropped by
/// normalization) read as issuers `[UBNDT]` + unit `M` when typed with a
/// hyphen but as issuers `[UBNDT, M]` when typed with a slash, and both
/// printed `1722/UBNDT-M`: two symbols, one text. A slash typed for the
/// hyphen of a công văn is now the same symbol.
#[test]
fn fuzz_symbol_issuer_slash_unit() {
    let s = round_trips("1722/UBND**T/M");
    assert_eq!(s.to_string(), "1722/UBNDT-M");
    assert_eq!((s.issuers(), s.unit()), (&["UBNDT".to_string()][..], Some("M")));
    assert_eq!(round_trips("3870/SNN/VP"), round_trips("3870/SNN-VP"));
    // With a type code the slash keeps its meaning (a joint resolution).
    let j = round_trips("72/2025/NQLT/UBTVQH15-CP");
    assert_eq!(j.to_string(), "72/2025/NQLT/UBTVQH15-CP");
    assert_eq!(j.type_code(), Some("NQLT"));
}

/// proptest (normalize idempotence): `U+2000` EN QUAD is NFC-mapped to
/// `U+2002` EN SPACE, which only a second pass turned into a space.
#[test]
fn normalize_en_quad_is_a_space() {
    for s in ["\u{2000}", "a\u{2001}b"] {
        let once = vanban::normalize::normalize(s);
        assert!(
            !once.text().contains(['\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}']),
            "{:?}",
            once.text()
        );
        assert_eq!(vanban::normalize::normalize(once.text()).text(), once.text());
    }
}

/// proptest (normalize idempotence): a combining mark cut off from its
/// letter by text that normalization drops (`*`, zero-width space, soft
/// hyphen) was left alone by the first pass and composed by the second.
#[test]
fn normalize_mark_after_dropped_text_composes_once() {
    for (input, want) in [
        ("k*\u{301}", "\u{1e31}"),
        ("698-CV/TU\u{200b}\u{301}", "698-CV/TÚ"),
        ("tre\u{200b}\u{302}n", "trên"),
        ("đe\u{ad}\u{302}\u{301}n", "đến"),
        ("**Vie**\u{323}\u{302}t", "Việt"),
    ] {
        let once = vanban::normalize::normalize(input);
        assert_eq!(once.text(), want, "{input:?}");
        assert_eq!(
            vanban::normalize::normalize(once.text()).text(),
            want,
            "{input:?}: second pass"
        );
        // The composed last letter maps back over the dropped text and the
        // marks: its span ends at the end of the input.
        let last = once.text().char_indices().last().unwrap().0;
        let (s, e) = once.map().range(last, once.text().len());
        assert_eq!(e, input.len(), "{input:?}");
        assert!(input.is_char_boundary(s) && s < e, "{input:?}: {s}..{e}");
    }
}

/// Dates read from text print as ISO and read back.
#[test]
fn date_round_trip_examples() {
    for (text, iso) in [
        ("ngày 28 tháng 02 năm 2023", "2023-02-28"),
        ("tháng 6 năm 2015", "2015-06"),
    ] {
        let d = IssueDate::parse_text(text).unwrap();
        assert_eq!(d.to_string(), iso);
        assert_eq!(iso.parse::<IssueDate>().unwrap(), d);
    }
}

/// proptest (offset map): `⁰` (3 bytes) becomes `[0]` (3 bytes); the
/// rewrite read as a verbatim copy, so the digit inside `[0]` mapped to the
/// middle of `⁰`. Offsets inside a same-length rewrite now map to its ends.
#[test]
fn offset_map_same_length_rewrite() {
    for input in ["⁰", "¹¹", "xem⁰ tiếp"] {
        let n = vanban::normalize::normalize(input);
        let open = n.text().find('[').unwrap();
        for p in open..=open + 3 {
            let (s, e) = (n.map().start(p), n.map().end(p));
            assert!(
                input.is_char_boundary(s) && input.is_char_boundary(e),
                "{input:?} at {p}: {s}, {e}"
            );
        }
        let close = n.text().find(']').unwrap() + 1;
        let (s, e) = n.map().range(open, close);
        assert_eq!(&input[s..e], input.trim_start_matches("xem").trim_end_matches(" tiếp"));
    }
}

/// fuzz/symbol (crash-e2bf880e): `80/ ῤt` read the issuer `ῤT` as
/// `Ρ̓T` (the upper case of `ῤ` is a letter plus a combining mark), which
/// does not read back. A letter without a one-letter upper case is kept.
#[test]
fn fuzz_symbol_multi_char_uppercase() {
    // Greek letters are no longer code letters at all (see
    // `fuzz_symbol_non_latin_code_letters`): the input is refused.
    assert!("80/ \u{1fe4}t".parse::<Symbol>().is_err());
    // Nor are Latin letters without an ASCII base, whose upper case may be
    // two letters (`ß`) or a letter outside the set (`ƛ` → U+A7DC).
    assert!("12/Straße".parse::<Symbol>().is_err());
    assert!("25/ÁCỰƠJỰƛJD-ÁCỰƠ".parse::<Symbol>().is_err());
    // Nor, since issue 19, letters with diacritics other than `Đ` and `Ư`
    // (codes are written without them; one glued on is a heading's text).
    assert!("25/ÁCỰƠJỰ-ÁCỰƠ".parse::<Symbol>().is_err());
    assert_eq!(round_trips("25/QĐ-BCĐ").to_string(), "25/QĐ-BCĐ");
}

/// fuzz/symbol (crash-79f20f12): codes after a slash were added beyond the
/// 13 a run of codes may hold, so the printed symbol (all joined by `-`)
/// did not read back. Now the slash part is not taken and the input is
/// refused, like the same codes typed with hyphens.
#[test]
fn fuzz_symbol_too_many_codes() {
    let input = "/mNQ-NNQ-HqQ-Q-HqQ-HqHqQ-HЪNNQ-HqQ-Q-HqQ-Hq/mNQ-NNQ-HqQ-Q-HqQ-HqHqQ-HЪNNQ-HqQ-Q-H";
    if let Ok(s) = input.parse::<Symbol>() {
        round_trips(&s.to_string());
    }
    let hyphens = input.replace('/', "-");
    assert!(hyphens[1..].parse::<Symbol>().is_err());
}

/// fuzz/parse (crash-fc495a10): a signature-authority check sliced a line at
/// byte 24, inside a multi-byte character (here U+FFFD from a lossy read):
/// `parse` panicked. The bytes are the fuzzer's, read with `--lossy`.
#[test]
fn fuzz_parse_authority_prefix_char_boundary() {
    let bytes: &[u8] = b" K.TT\x1b\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xba\xa1c\xab\xffIANG \n#\xc4\x90\xf1\xba\xa2NG C\xe1\xbb\x98\xadG S\xe1\xba\xa2N VI\xe1\xbb\x86T \xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffn\n\nT\xe1g\n\n\n\nS\xe1\xbb\x91:\xa0/SNN-N\xc3\xa2ng cao ch\xe1\xba\xadt l\xc6\xb0o ch\xe1\xba\xa5t l\xc6\xb0\xe1\xbb\xa3ng, hi\xe1\xbb\x87u qu\xe1\n\xba\xa3 phong Tr\xc3\xa0o t\xa5hhi \xc4\x91uaL\xe0\xe1\xa9\xaf\xf5V/v qu\xe1\xba\xa3 phong tr\xc3\xa0oong tr\xbb\xc3\xa0o thi \xc4\x91u\x80 ";
    let text = String::from_utf8_lossy(bytes);
    let doc = vanban::parse(&text);
    for c in &doc.citations {
        assert!(text.get(c.span.start..c.span.end).is_some());
    }
    // The authority line itself, shorter.
    let doc =
        vanban::parse("Nội dung.\nKT. \u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd} CHỦ TỊCH\n");
    let _ = doc.signature;
}

/// fuzz/symbol (normalize): `N\u{5b6}*\u{5b3}\u{5b6}*\u{5b3}` (marks of
/// different classes split by dropped stars) was composed piecewise, so the
/// marks came out in an order a second pass reordered: the symbol printed a
/// text that read back as another symbol. The whole letter-and-marks
/// cluster is now recomposed.
#[test]
fn fuzz_symbol_marks_split_by_dropped_text() {
    let input = "N\u{5b6}*\u{5b3}\u{5b6}*\u{5b3}";
    let once = vanban::normalize::normalize(input);
    assert_eq!(vanban::normalize::normalize(once.text()).text(), once.text());
    // Hebrew points are not code letters: refused, never a symbol that
    // prints differently.
    assert!("1 /GN\u{5b6}*\u{5b3}\u{5b6}*\u{5b3}HqQD".parse::<Symbol>().is_err());
}

/// fuzz/symbol (normalize): marks with no letter before them
/// (`/ \u{73a}\u{73b}\u{739}*\u{73a}\u{73b}`), or after a sign that composes
/// (`=*\u{338}` is `≠`), were not joined across the dropped star.
#[test]
fn fuzz_symbol_marks_without_letter_split_by_dropped_text() {
    for input in ["/ \u{73a}\u{73b}\u{739}*\u{73a}\u{73b}", "=*\u{338}", "1*\u{301}"] {
        let once = vanban::normalize::normalize(input);
        assert_eq!(
            vanban::normalize::normalize(once.text()).text(),
            once.text(),
            "{input:?}"
        );
    }
    assert_eq!(vanban::normalize::normalize("=*\u{338}").text(), "≠");
    let input = "\r/ \u{73a}\u{73b}\u{739}*\u{73a}\u{73b}";
    if let Ok(s) = input.parse::<Symbol>() {
        round_trips(&s.to_string());
    }
}

/// fuzz/symbol (crash-a8b61324): Tibetan vowel signs with no letter
/// (`/\u{f7d}\u{f75}\u{f7d}`) are `Alphabetic` in Unicode and were read as an
/// issuer code, which did not read back after printing. Codes are written in
/// the Latin script: other scripts' letters and signs are not code letters.
#[test]
fn fuzz_symbol_non_latin_code_letters() {
    assert!("/\u{f7d}\u{f75}\u{f7d}".parse::<Symbol>().is_err());
    assert!("12/\u{3b1}\u{3b2}-CP".parse::<Symbol>().is_err());
    // Vietnamese letters stay code letters.
    assert_eq!(round_trips("05/QĐ-ĐCTUBTWMTTQVN").issuers(), ["ĐCTUBTWMTTQVN"]);
    assert_eq!(round_trips("12-NQ/TƯ").issuers(), ["TW"]);
}

/// proptest (parse_fragment_strings): `---\nSố \n*---\n` had no front matter
/// (the closing line read `*---`), but its normalized form `---\nSố \n---\n`
/// had one, so a second normalization blanked it: not idempotent. Lines are
/// now read as normalization writes them.
#[test]
fn proptest_front_matter_idempotent() {
    for input in [
        "---\nSố \n*---\n",
        "\u{feff}---\nx\n---\n",
        "---\rx\r---\r",
        "**---**\nx\n# ---\nSố: 1/QĐ-UBND",
    ] {
        let once = vanban::normalize::normalize(input).text().to_string();
        let twice = vanban::normalize::normalize(&once).text().to_string();
        assert_eq!(once, twice, "{input:?}");
    }
    // A real front matter is still blanked, keeping its line count.
    let n = vanban::normalize::normalize("---\ntitle: x\n---\nSố: 1/QĐ-UBND");
    assert_eq!(n.text(), "\n\n\nSố: 1/QĐ-UBND");
}

/// proptest (parse_fragment_strings): a name ending in a multi-byte letter
/// glued to `ngày` was read back one byte, inside the letter.
#[test]
fn name_glued_to_ngay_after_multibyte_letter() {
    let doc = vanban::parse("Luật ồngày ");
    assert!(doc.citations.iter().all(|c| c.span.end <= "Luật ồngày ".len()));
}

/// A consolidated text's opening line with a multi-byte letter at byte 160
/// of its name: the header's `cites_at_start` cut inside the letter.
#[test]
fn consolidated_opening_cut_on_a_char_boundary() {
    let t = "LUẬT\nPHÒNG CHÁY\n\nLuật Phòng cháy số 55/2029/QH15 ngày 20 tháng 6 năm 2029 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2030, được sửa đổi, bổ sung bởi:\n";
    let doc = vanban::parse(t);
    assert!(!doc.citations.is_empty());
}

/// Token fuzzing of issue 19's rules (2026-12-05): two readings of broken
/// text overlapped (a citation's tail past the next one's start), and the
/// list reader sliced the text between them backwards: a panic. Each
/// reader now takes no gap there.
#[test]
fn overlapping_readings_no_panic() {
    for t in [
        "số6-NQ/W1Nghị định số6\n;Chương\ntrình số1",
        "1. **TT 6-NQ/W1** — Nghị định số6\n;Chương\ntrình số1 (07/12/2031)\n",
    ] {
        let doc = vanban::parse(t);
        for c in &doc.citations {
            assert!(c.span.start <= c.span.end && c.span.end <= t.len(), "{t:?}");
        }
    }
}
