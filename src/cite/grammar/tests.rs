use super::*;
use crate::error::GrammarError;

fn chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn show_parsed(r: PResult<'_, Parsed<'_>>) -> String {
    match r {
        Ok((rest, p)) => {
            let mut out = Vec::new();
            if let Some((s, _)) = p.symbol {
                out.push(format!("symbol={s:?}"));
            }
            if let Some(n) = p.number {
                out.push(format!("number={n:?}"));
            }
            if let Some(n) = p.name {
                out.push(format!("name={n:?}"));
            }
            if let Some(d) = &p.date {
                out.push(format!("date={}", show_date(d)));
            }
            if let Some(s) = p.issuer {
                out.push(format!("issuer={s:?}"));
            }
            if let Some(s) = p.subject {
                out.push(format!("subject={s:?}"));
            }
            out.push(format!("rest={:?}", chars(rest, 24)));
            out.join(" ")
        }
        Err(e) => show_err(e),
    }
}

fn show_date(d: &DatePart<'_>) -> String {
    match d.date {
        Ok(date) => format!("{date} ({:?})", d.text),
        Err((code, _)) => format!("{code} ({:?})", d.text),
    }
}

fn show_err(e: nom::Err<GrammarError<'_>>) -> String {
    match e {
        nom::Err::Error(g) | nom::Err::Failure(g) => {
            format!("error: expected {} at {:?}", g.expected, chars(g.input, 16))
        }
        nom::Err::Incomplete(_) => "error: incomplete".to_string(),
    }
}

fn symbol_text_str(i: &str) -> PResult<'_, &str> {
    symbol_text(i).map(|(r, (s, _))| (r, s))
}

fn show_str(r: PResult<'_, &str>) -> String {
    match r {
        Ok((rest, s)) => format!("{s:?} rest={:?}", chars(rest, 24)),
        Err(e) => show_err(e),
    }
}

#[test]
fn ok_full_citation() {
    insta::assert_snapshot!(show_parsed(full_citation(" số 308-CV/TU, ngày 26/11/2021 về phát động phong trào. Trong đó")), @r#"symbol="308-CV/TU" date=2021-11-26 ("ngày 26/11/2021") subject="phát động phong trào" rest=". Trong đó""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số 189-KH/TU, ngày 30/3/2020 của Ban Thường vụ Tỉnh ủy; làm tốt")), @r#"symbol="189-KH/TU" date=2020-03-30 ("ngày 30/3/2020") issuer="Ban Thường vụ Tỉnh ủy" rest="; làm tốt""#);
    insta::assert_snapshot!(show_parsed(full_citation(" 03-CT/TW, ngày 14-5-2011 của Bộ Chính trị, Kế hoạch")), @r#"symbol="03-CT/TW" date=2011-05-14 ("ngày 14-5-2011") issuer="Bộ Chính trị" rest=", Kế hoạch""#);
    insta::assert_snapshot!(show_parsed(full_citation(" SỐ 119-KH/TU NGÀY 18 THÁNG 12 NĂM 2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ")), @r#"symbol="119-KH/TU" date=2019-12-18 ("NGÀY 18 THÁNG 12 NĂM 2019") issuer="BAN THƯỜNG VỤ TỈNH ỦY" rest=" VỀ""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số 416/QĐ-TTg  ngày 25 tháng 3 năm 2020 của Thủ tướng Chính phủ về ban hành Kế hoạch;")), @r#"symbol="416/QĐ-TTg" date=2020-03-25 ("ngày 25 tháng 3 năm 2020") issuer="Thủ tướng Chính phủ" subject="ban hành Kế hoạch" rest=";""#);
    insta::assert_snapshot!(show_parsed(full_citation(" sô 2965/CTHYE-TTKT3 ngày 16/7/2024 của Cục Thuế tỉnh Hưng Yên.")), @r#"symbol="2965/CTHYE-TTKT3" date=2024-07-16 ("ngày 16/7/2024") issuer="Cục Thuế tỉnh Hưng Yên" rest=".""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số: 4222 /TCT -PC ngày 05/10/2021")), @r#"symbol="4222 /TCT -PC" date=2021-10-05 ("ngày 05/10/2021") rest="""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số 217-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị ban hành Quy chế giám sát; Quyết")), @r#"symbol="217-QĐ/TW" date=2013-12-12 ("ngày 12/12/2013") issuer="Bộ Chính trị" subject="ban hành Quy chế giám sát" rest="; Quyết""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số 3870/SNN-VP ngày 10/12/2021 của Sở Nông nghiệp và Phát triển nông thôn về việc “Dân vận khéo”, giai đoạn")), @r#"symbol="3870/SNN-VP" date=2021-12-10 ("ngày 10/12/2021") issuer="Sở Nông nghiệp và Phát triển nông thôn" subject="“Dân vận khéo”" rest=", giai đoạn""#);
}

#[test]
fn err_full_citation() {
    insta::assert_snapshot!(show_parsed(full_citation(" chuyên đề của Ban Chấp hành")), @r#"error: expected a số ký hiệu at "chuyên đề của Ba""#);
    insta::assert_snapshot!(show_parsed(full_citation(" 2021 - 2025")), @r#"error: expected a số ký hiệu at "2021 - 2025""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số 189 của Ban")), @r#"error: expected a số ký hiệu at "189 của Ban""#);
    insta::assert_snapshot!(show_parsed(full_citation(" số /QĐ-UBND ngày")), @r#"error: expected a number in the số ký hiệu at "/QĐ-UBND ngày""#);
    insta::assert_snapshot!(show_parsed(full_citation("số 5/QĐ")), @r#"error: expected a space at "số 5/QĐ""#);
}

#[test]
fn ok_number_citation() {
    insta::assert_snapshot!(show_parsed(number_citation(" số 189 của Ban Thường vụ Tỉnh ủy. Chú trọng")), @r#"number="189" issuer="Ban Thường vụ Tỉnh ủy" rest=". Chú trọng""#);
    insta::assert_snapshot!(show_parsed(number_citation(" số 08 của Ban Dân vận Tỉnh ủy; chỉ có")), @r#"number="08" issuer="Ban Dân vận Tỉnh ủy" rest="; chỉ có""#);
    insta::assert_snapshot!(show_parsed(number_citation(" số 06 ngày 10 tháng 11 năm 1998 của Bộ Chính trị")), @r#"number="06" date=1998-11-10 ("ngày 10 tháng 11 năm 1998") issuer="Bộ Chính trị" rest="""#);
}

#[test]
fn err_number_citation() {
    insta::assert_snapshot!(show_parsed(number_citation(" số lượng cán bộ")), @r#"error: expected a number at "lượng cán bộ""#);
    insta::assert_snapshot!(show_parsed(number_citation(" số 15/2018 ngày")), @r#"error: expected the end of the number at "/2018 ngày""#);
    insta::assert_snapshot!(show_parsed(number_citation(" 06 nghị quyết")), @r#"error: expected "số" at "06 nghị quyết""#);
    insta::assert_snapshot!(show_parsed(number_citation(" số 4 7/2019/NĐ-CP")), @r#"error: expected the end of the number at " 7/2019/NĐ-CP""#);
}

#[test]
fn subject_verbs_start_with_the_prefilter_letters() {
    for (a, _) in SUBJECT_VERBS {
        assert!(
            matches!(a.as_bytes()[0], b'b' | b'h' | b'p' | b'q' | b's' | b't'),
            "{a}"
        );
    }
    assert!(starts_verb("Ban hành Quy chế"));
    assert!(!starts_verb("và Quyết định"));
}

#[test]
fn ok_number_citation_before_garbled_symbol() {
    insta::assert_snapshot!(show_parsed(number_citation(" số 31 62021QH14 của Quốc hội")), @r#"number="31" rest=" 62021QH14 của Quốc hội""#);
}

#[test]
fn ok_date_part() {
    let d = |s| match date_part(s) {
        Ok((rest, d)) => format!("{} rest={:?}", show_date(&d), rest),
        Err(e) => show_err(e),
    };
    insta::assert_snapshot!(d(", ngày 26/11/2021 về"), @r#"2021-11-26 ("ngày 26/11/2021") rest=" về""#);
    insta::assert_snapshot!(d("  ngày 05 tháng 3 năm 2020"), @r#"2020-03-05 ("ngày 05 tháng 3 năm 2020") rest="""#);
    insta::assert_snapshot!(d(" ngày 14-5-2011 của"), @r#"2011-05-14 ("ngày 14-5-2011") rest=" của""#);
    insta::assert_snapshot!(d(" cùng ngày 12/12/2013"), @r#"2013-12-12 ("cùng ngày 12/12/2013") rest="""#);
    insta::assert_snapshot!(d(" cùng ngày của Bộ"), @r#"same-day ("cùng ngày") rest=" của Bộ""#);
}

#[test]
fn err_date_part() {
    let d = |s| match date_part(s) {
        Ok((rest, d)) => format!("{} rest={:?}", show_date(&d), rest),
        Err(e) => show_err(e),
    };
    insta::assert_snapshot!(d(" ngày 31/02/2023 của"), @r#"impossible-date ("ngày 31/02/2023") rest=" của""#);
    insta::assert_snapshot!(d(" ngày 08/6/20210 của"), @r#"malformed-date ("ngày 08/6/20210") rest=" của""#);
    insta::assert_snapshot!(d(" ngày càng tốt"), @r#"error: expected a date at " ngày càng tốt""#);
    insta::assert_snapshot!(d(" năm 2023"), @r#"error: expected a date at " năm 2023""#);
}

#[test]
fn ok_issuer_part() {
    insta::assert_snapshot!(show_str(issuer_part(" của Ban Thường vụ Tỉnh ủy về việc")), @r#""Ban Thường vụ Tỉnh ủy" rest=" về việc""#);
    insta::assert_snapshot!(show_str(issuer_part(" của Ban Bí thư (khóa XI) về")), @r#""Ban Bí thư" rest=" (khóa XI) về""#);
    insta::assert_snapshot!(show_str(issuer_part(" của Bộ Lao động - Thương binh và Xã hội;")), @r#""Bộ Lao động - Thương binh và Xã hội" rest=";""#);
    insta::assert_snapshot!(show_str(issuer_part(" của Ban Thường vụ Tỉnh ủy và Kế hoạch số 2")), @r#""Ban Thường vụ Tỉnh ủy" rest=" và Kế hoạch số 2""#);
    insta::assert_snapshot!(show_str(issuer_part(" của Chính phủ quy định chi tiết")), @r#""Chính phủ" rest=" quy định chi tiết""#);
    insta::assert_snapshot!(show_str(issuer_part(", của Ủy ban nhân dân tỉnh Kon Tum)")), @r#""Ủy ban nhân dân tỉnh Kon Tum" rest=")""#);
}

#[test]
fn err_issuer_part() {
    insta::assert_snapshot!(show_str(issuer_part(" của mình")), @r#"error: expected an issuer starting with a capital letter at "mình""#);
    insta::assert_snapshot!(show_str(issuer_part(" về việc")), @r#"error: expected "của" at "về việc""#);
}

#[test]
fn ok_subject_part() {
    insta::assert_snapshot!(show_str(subject_part(" về “Phát triển du lịch đến năm 2025”; Nghị quyết")), @r#""“Phát triển du lịch đến năm 2025”" rest="; Nghị quyết""#);
    insta::assert_snapshot!(show_str(subject_part(" về việc triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư; chú")), @r#""triển khai thực hiện Kết luận số 114-KL/TW của Ban Bí thư" rest="; chú""#);
    insta::assert_snapshot!(show_str(subject_part(" về kiểm soát thủ tục, Nghị định số 92/2017/NĐ-CP")), @r#""kiểm soát thủ tục" rest=", Nghị định số 92/2017/N""#);
    insta::assert_snapshot!(show_str(subject_part(" quy định chi tiết một số điều.")), @r#""quy định chi tiết một số điều" rest=".""#);
}

#[test]
fn err_subject_part() {
    insta::assert_snapshot!(show_str(subject_part(" cần bám sát")), @r#"error: expected a subject at " cần bám sát""#);
    insta::assert_snapshot!(show_str(subject_part(", quy định chi tiết")), @r#"error: expected a subject at ", quy định chi t""#);
}

#[test]
fn ok_list_tail() {
    let t = |s| match list_tail(s, false) {
        Ok((rest, (start, p))) => format!("at={start} {}", show_parsed(Ok((rest, p)))),
        Err(e) => show_err(e),
    };
    insta::assert_snapshot!(t(", số 47/2024/QH15 và số 58/2024/QH15"), @r#"at=2 symbol="47/2024/QH15" rest=" và số 58/2024/QH15""#);
    insta::assert_snapshot!(t(" và số 58/2024/QH15;"), @r#"at=5 symbol="58/2024/QH15" rest=";""#);
    insta::assert_snapshot!(t(" và Quyết định số 218-QĐ/TW"), @r#"error: expected a số ký hiệu at "Quyết định số 21""#);
}

#[test]
fn ok_name_citation() {
    insta::assert_snapshot!(show_parsed(name_citation(" Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 200)), @r#"name="Tổ chức chính quyền địa phương" date=2015-06-19 ("ngày 19 tháng 6 năm 2015") rest=";""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Đất đai số 31/2024/QH15; Luật", 200)), @r#"symbol="31/2024/QH15" name="Đất đai" rest="; Luật""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 được", 200)), @r#"symbol="49/2019/QH14" name="Xuất cảnh, nhập cảnh của công dân Việt Nam" rest=" được""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Hải quan năm 2014.", 200)), @r#"name="Hải quan" date=2014 ("năm 2014") rest=".""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Xây dựng (18/6/2014) của Quốc hội;", 200)), @r#"name="Xây dựng" date=2014-06-18 ("18/6/2014") issuer="Quốc hội" rest=";""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Bảo vệ môi trường (ngày 17/11/2020), Luật", 200)), @r#"name="Bảo vệ môi trường" date=2020-11-17 ("ngày 17/11/2020") rest=", Luật""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Thuế thu nhập đối với người có thu nhập cao số 12/2003/PL-UBTVQH11  đã được", 200)), @r#"symbol="12/2003/PL-UBTVQH11" name="Thuế thu nhập đối với người có thu nhập cao" rest="  đã được""#);
    insta::assert_snapshot!(show_parsed(name_citation(" Đất đai đối với đất có nguồn gốc năm 2013.", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " Đất đai đối với""#);
}

#[test]
fn err_name_citation() {
    insta::assert_snapshot!(show_parsed(name_citation(" Tổ chức Chính phủ;", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " Tổ chức Chính p""#);
    insta::assert_snapshot!(show_parsed(name_citation(" này có hiệu lực từ ngày 01/7/2025", 200)), @r#"error: expected a name followed by a số ký hiệu or a date at " này có hiệu lực""#);
}

#[test]
fn ok_named_ref() {
    let n = |s: &'static str| match named_ref(s, false) {
        Ok((_, len)) => format!("{:?}", &s[..len]),
        Err(e) => show_err(e),
    };
    insta::assert_snapshot!(n(" Đại hội XIII của Đảng, Nghị quyết"), @r#"" Đại hội XIII của Đảng""#);
    insta::assert_snapshot!(n(" Đại hội XI của Đảng bộ tỉnh; Chương trình"), @r#"" Đại hội XI của Đảng bộ tỉnh""#);
    insta::assert_snapshot!(n(" Tổ chức Chính phủ;"), @r#"" Tổ chức Chính phủ""#);
}

#[test]
fn err_named_ref() {
    let n = |s: &'static str| match named_ref(s, false) {
        Ok((_, len)) => format!("{:?}", &s[..len]),
        Err(e) => show_err(e),
    };
    insta::assert_snapshot!(n(" chuyên đề của Ban"), @r#"error: expected a name starting with a capital letter at "chuyên đề của Ba""#);
}

#[test]
fn ok_dated_citation_aside_and_symbol_text() {
    insta::assert_snapshot!(show_parsed(dated_citation(" năm 2013;")), @r#"date=2013 ("năm 2013") rest=";""#);
    insta::assert_snapshot!(show_str(aside(" (khóa XII) về giám sát")), @r#""(khóa XII)" rest=" về giám sát""#);
    insta::assert_snapshot!(show_str(symbol_text_str("[37/2025/NĐ-CP](https://x.vn/a) ngày")), @r#""37/2025/NĐ-CP" rest=" ngày""#);
    insta::assert_snapshot!(show_str(symbol_text_str("308-CV/TU, ngày")), @r#""308-CV/TU" rest=", ngày""#);
}

#[test]
fn err_aside_and_symbol_text() {
    insta::assert_snapshot!(show_str(aside(" (khóa XII về")), @r#"error: expected ")" at "khóa XII về""#);
    insta::assert_snapshot!(show_str(symbol_text_str("12:2026/BCA")), @r#"error: expected a số ký hiệu at "12:2026/BCA""#);
    insta::assert_snapshot!(show_str(symbol_text_str("[37/2025/NĐ-CP ngày")), @r#"error: expected "]" at " ngày""#);
}

#[test]
fn ok_damaged_citation_at() {
    assert!(parts::damaged_citation_at("Kết lùận số 126-KL/TW, ngàỷ"));
    assert!(parts::damaged_citation_at("Nghị qụỵết số 18-NQ/TW"));
    assert!(parts::damaged_citation_at("Thông tư số 12/2030/TT-BTC"));
}

#[test]
fn bad_damaged_citation_at() {
    // No capital, no `số` within three words, no strong symbol after it.
    assert!(!parts::damaged_citation_at("kết lùận số 126-KL/TW"));
    assert!(!parts::damaged_citation_at("Các nhiệm vụ của Ban số 126-KL/TW"));
    assert!(!parts::damaged_citation_at("Kết lùận số 126 của"));
    assert!(!parts::damaged_citation_at("Phụ lục số 2/a"));
}

#[test]
fn ok_item_lead() {
    assert_eq!(parts::item_lead("** — Danh mục").ok(), Some(("Danh mục", ())));
    assert_eq!(parts::item_lead(": Danh mục").ok(), Some(("Danh mục", ())));
}

#[test]
fn err_item_lead() {
    // No dash, or no space after it.
    insta::assert_snapshot!(show_err(parts::item_lead(" Danh mục").unwrap_err()), @r#"error: expected a dash before the title at "Danh mục""#);
    assert!(parts::item_lead("—Danh mục").is_err());
}

/// [`number_may_follow`] is false only where [`number_citation`] fails:
/// after every type word of every real text at hand (the fixtures, the
/// corpus when it is beside the repository) and on edge cases; and no
/// character but `s` and `S` lowers to a word starting with `s`.
#[test]
fn ok_number_gate_same_as_plain() {
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        if c != 's' && c != 'S' {
            assert!(c.to_lowercase().next() != Some('s'), "{c:?}");
        }
    }
    let (scanner, _) = crate::cite::types::type_regex();
    let mut inputs: Vec<String> = [
        " số 189",
        " Số 5",
        " SỐ 5",
        " sô 7",
        " so 8",
        " số31",
        "\tsố 2",
        "  số: 4",
        " số⏎9",
        "số 3",
        " (số 4)",
        " Sở 5",
        " xsố 5",
        "",
    ]
    .iter()
    .map(|s| s.replace('⏎', "\n"))
    .collect();
    for (_, text) in crate::test_texts::texts() {
        let norm = crate::normalize::normalize(&text);
        let t = norm.text();
        for (_, e, _) in scanner.find_all(t) {
            inputs.push(crate::cite::lex::prefix(&t[e..], 200).to_string());
        }
    }
    let mut read = 0;
    for i in &inputs {
        let ok = number_citation(i).is_ok();
        read += usize::from(ok);
        assert!(number_may_follow(i) || !ok, "{:?}", chars(i, 30));
    }
    assert!(read > 10, "only {read} read");
}

/// Where [`no_date_word_at`] is true neither a date nor `ngày` reads: at
/// every word of every real text at hand (the fixtures, the corpus when it
/// is beside the repository) and after `n`, `t` in any case with every
/// character second.
#[test]
fn ok_no_date_word_same_as_plain() {
    let plain = |r: &str| {
        crate::date::date_text_wrapped(r).is_err()
            && crate::normalize::starts_with_folded(r, "ngay").is_none()
            && crate::normalize::starts_with_folded(r, "thang").is_none()
    };
    let mut inputs: Vec<String> = Vec::new();
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        for lead in ["n", "N", "t", "T"] {
            inputs.push(format!("{lead}{c}ày 5 tháng 6 năm 2020"));
            inputs.push(format!("{lead}{c}áng 6 năm 2020"));
            inputs.push(format!("{lead}{c}ay 5/6/2020"));
            inputs.push(format!("{lead}{c}hang 6/2020"));
        }
    }
    let mut gated = 0;
    let check = |r: &str, gated: &mut usize| {
        if no_date_word_at(r) {
            *gated += 1;
            assert!(plain(r), "{:?}", chars(r, 30));
        }
    };
    for r in &inputs {
        check(r, &mut gated);
    }
    for (_, text) in crate::test_texts::texts() {
        for (k, c) in word_starts(&text) {
            if matches!(c, 'n' | 'N' | 't' | 'T') {
                check(crate::cite::lex::prefix(&text[k..], 80), &mut gated);
            }
        }
    }
    assert!(gated > 1000, "only {gated} gated");
}

/// Where [`no_full_citation_at`] settles [`full_citation`], the rule fails
/// with the same error: after every type word of every real text at hand
/// (the fixtures, the corpus when it is beside the repository), and with
/// every character after a space.
#[test]
fn ok_full_citation_gate_same_as_plain() {
    let (scanner, _) = crate::cite::types::type_regex();
    let mut inputs: Vec<String> = Vec::new();
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        inputs.push(format!(" {c}ố 12/2020/NĐ-CP"));
        inputs.push(format!(" {c}12/2020/NĐ-CP ngày 5/6/2020"));
        inputs.push(format!("\t {c}"));
    }
    for (_, text) in crate::test_texts::texts() {
        let norm = crate::normalize::normalize(&text);
        let t = norm.text();
        for (_, e, _) in scanner.find_all(t) {
            inputs.push(crate::cite::lex::prefix(&t[e..], 300).to_string());
        }
    }
    let mut gated = 0;
    for i in &inputs {
        let Some(r) = no_full_citation_at(i) else {
            continue;
        };
        gated += 1;
        let plain = (|| {
            let (r, gap) = crate::cite::lex::ws1(i)?;
            assert!(!gap.is_empty() && !gap.contains('\n'), "{:?}", chars(i, 30));
            assert!(so_word(r).is_err(), "{:?}", chars(i, 30));
            symbol_text(r).map(|_| ())
        })();
        match plain {
            Err(nom::Err::Error(g)) => assert_eq!((g.input, g.expected), (r, "a số ký hiệu"), "{:?}", chars(i, 30)),
            other => panic!("{other:?} at {:?}", chars(i, 30)),
        }
    }
    assert!(gated > 1000, "only {gated} gated");
}

/// Where [`no_issued_date_at`] is true [`issued_date`] fails: at every
/// word and mark of every real text at hand (the fixtures, the corpus when
/// it is beside the repository), and with every character in each place a
/// keyword may open.
#[test]
fn ok_issued_date_gate_same_as_plain() {
    let mut inputs: Vec<String> = Vec::new();
    for c in (0..0x11_0000u32).filter_map(char::from_u32) {
        for form in [
            " {c}gày ban hành: 05/6/2020",
            ", {c}an hành ngày 05/6/2020",
            " ({c}ý ngày 05/6/2020)",
            " {c}o Bộ Tài chính ban hành ngày 05/6/2020",
            " ( {c}an hành ngày 5/6/2020)",
            " {c}| 05/6/2020 |",
        ] {
            inputs.push(form.replace("{c}", &c.to_string()));
        }
    }
    let mut gated = 0;
    let mut check = |i: &str| {
        if no_issued_date_at(i) {
            gated += 1;
            assert!(issued_date_read(i).is_err(), "{:?}", chars(i, 30));
        }
    };
    for i in &inputs {
        check(i);
    }
    for (_, text) in crate::test_texts::texts() {
        for (k, _) in word_starts(&text) {
            check(crate::cite::lex::prefix(&text[k..], 120));
        }
    }
    assert!(gated > 1000, "only {gated} gated");
}

/// [`date_part`] with its test of the date's first word gives what the
/// plain reading gives (the date or the same error): at every word and
/// mark of every real text at hand, after a space and at the word itself,
/// and with every character opening the forms of a date.
#[test]
fn ok_date_word_gate_same_as_plain() {
    let mut inputs: Vec<String> = Vec::new();
    // (The letters and marks a fold may read, and a sample of the rest.)
    let some_chars = (0..0x2100u32).chain((0x2100..0x11_0000).step_by(61));
    for c in some_chars.filter_map(char::from_u32) {
        for form in [
            " {c}gày 05/6/2020",
            " n{c}ày 5 tháng 6 năm 2020",
            " ng{c}y 05/6/2020",
            " {c}háng 6 năm 2020",
            " t{c}áng 6/2020",
            " th{c}ng 6 năm 2020",
            " {c}5/6/2020",
            " cùng {c}gày",
            "{c}",
        ] {
            inputs.push(form.replace("{c}", &c.to_string()));
        }
    }
    let mut gated = 0;
    let mut check = |i: &str| {
        let fast = date_part(i);
        let plain = date_part_read::<false>(i);
        // (Inputs and rests are ends of `i`: equal text, equal place.)
        assert_eq!(format!("{fast:?}"), format!("{plain:?}"), "{:?}", chars(i, 30));
        gated += usize::from(fast.is_err());
    };
    for i in &inputs {
        check(i);
    }
    // (Every fifth word start the gate may see, in each text: the full set
    // takes minutes in a debug build.)
    let mut seen = 0usize;
    for (_, text) in crate::test_texts::texts() {
        for (k, c) in word_starts(&text) {
            // (Another ASCII letter or mark fails before the test, on the
            // first-byte test both readings share.)
            let may = !c.is_ascii() || c.is_ascii_digit() || matches!(c, 'n' | 'N' | 't' | 'T' | 'c' | 'C');
            if may && {
                seen += 1;
                seen.is_multiple_of(5)
            } {
                let i = crate::cite::lex::prefix(&text[k..], 120);
                check(i);
                if k > 0 && text.is_char_boundary(k - 1) {
                    check(crate::cite::lex::prefix(&text[k - 1..], 120));
                }
            }
        }
    }
    assert!(gated > 1000, "only {gated} failed");
}

/// [`subject_text`] as written before its table of stops: each byte
/// filtered by a match, `và` tried after a space before a `v` or a letter
/// that is not ASCII.
fn subject_text_plain(i: &str, verb: bool) -> Option<(&str, &str)> {
    use super::parts::{
        after_pinpoint, damaged_citation_at, predicate_after, skip_pinpoint, starts_any_citation, wrap_goes_on,
    };
    use crate::cite::lex::{at_full_stop, is_sp, lex, lower_word, prefix, ws1};
    use crate::cite::types::starts_citation;
    let bounded = prefix(i, 400);
    if let Some(q) = bounded.strip_prefix('“') {
        if let Some(close) = q.find(['”', '\n']) {
            if q[close..].starts_with('”') {
                let end = '“'.len_utf8() + close + '”'.len_utf8();
                return Some((&i[end..], &i[..end]));
            }
        }
    }
    let amending = verb && matches!(&*lower_word(i), "sửa" | "bổ" | "thay" | "bãi");
    let bounded = if amending { prefix(i, 800) } else { bounded };
    let mut end = bounded.len();
    let stops = |c: &u8| matches!(c, b'\n' | b';' | b'.' | b'[' | b',' | b' ');
    for (k, c) in bounded.bytes().enumerate().filter(|(_, c)| stops(c)) {
        let rest = &bounded[k..];
        let stop = match c {
            b'\n' => !wrap_goes_on(&bounded[..k], &rest[1..]),
            b';' | b'[' => true,
            b'.' => at_full_stop(rest),
            b',' => {
                predicate_after(&rest[1..])
                    || !verb && starts_citation(rest[1..].trim_start_matches(is_sp)) && !after_pinpoint(&bounded[..k])
            }
            _ => {
                !amending
                    && rest
                        .as_bytes()
                        .get(1)
                        .is_some_and(|&b| matches!(b, b'v' | b'V') || !b.is_ascii())
                    && lex(&rest[1..], &["và"], "\"và\"").is_ok_and(|(r2, _)| {
                        let r2 = ws1(r2).map_or(r2, |(r, _)| r);
                        let r2 = skip_pinpoint(r2);
                        starts_any_citation(r2) || damaged_citation_at(r2)
                    })
            }
        };
        if stop {
            end = k;
            break;
        }
    }
    let text = bounded[..end].trim_end_matches([' ', '\t', ',']);
    (!text.is_empty()).then(|| (&i[text.len()..], text))
}

/// [`subject_text`] reads what its plain form reads: after every `về` and
/// subject verb of the real texts at hand (every third), at every 997th
/// byte of them, and after a space with every character of the first planes.
#[test]
fn ok_subject_text_same_as_plain() {
    let mut inputs: Vec<String> = Vec::new();
    for c in (0..0x3_0000u32).filter_map(char::from_u32) {
        inputs.push(format!("quy định {c}à Nghị định số 5/2020/NĐ-CP"));
    }
    // Each stop at every offset around the 16-byte blocks of the SSE2 test
    // (see `parts::subject_stop`), and the 400-byte bound; a space before
    // `v`/`V` that ends it (`và` and a citation) and ones that do not.
    for stop in [
        " và Nghị định số 5/2020/NĐ-CP",
        " Và Nghị định số 5/2020/NĐ-CP",
        " và các bộ",
        " vàng",
        " V/v x",
        "; x",
        ". X",
        ".5",
        "[1]",
        ", Nghị định số 5/2020/NĐ-CP",
        ", được sửa đổi",
        ",x",
        "\nNghị định",
        "\nx",
        " ",
        "",
    ] {
        for at in 0..48 {
            for fill in ["a", "ệ ", "b c"] {
                let mut t = String::from("quy định ");
                while t.len() < 9 + at {
                    t.push_str(fill);
                }
                let pad = 400usize.saturating_sub(t.len() + 20);
                inputs.push(format!("{t}{stop} tiếp"));
                inputs.push(format!("{t}{stop}"));
                inputs.push(format!("{t}{}{stop} tiếp", "x".repeat(pad + at % 24)));
            }
        }
    }
    for (_, text) in crate::test_texts::texts() {
        let t = text.as_str();
        let mut n = 0;
        for (k, _) in t
            .match_indices("về ")
            .chain(t.match_indices("quy định "))
            .chain(t.match_indices("sửa đổi"))
        {
            n += 1;
            if n % 3 == 0 {
                inputs.push(crate::cite::lex::prefix(&t[k..], 900).to_string());
            }
        }
        for k in (0..t.len()).step_by(997).filter(|&k| t.is_char_boundary(k)) {
            inputs.push(crate::cite::lex::prefix(&t[k..], 900).to_string());
        }
    }
    let mut read = 0;
    for i in &inputs {
        for verb in [false, true] {
            let fast = subject_text(i, verb).ok();
            assert_eq!(fast, subject_text_plain(i, verb), "{:?}", chars(i, 40));
            read += usize::from(fast.is_some());
        }
    }
    assert!(read > 1000, "only {read} read");
}

/// Where [`anchors_at`] rules an anchor of a name out, its rule fails: at
/// every 7th character of the real texts at hand, after every character,
/// and on edge cases. (And each is ruled in somewhere it matches.)
#[test]
fn ok_anchors_at_rules_out_only_failing_anchors() {
    let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
    for c in (0..0x3_0000u32).step_by(7).filter_map(char::from_u32) {
        texts.push(format!(" {c}ố 1"));
    }
    for s in [
        "x số 12/2020/NĐ-CP",
        "x Số: 5/QĐ-UBND",
        "x ngày 19 tháng 6 năm 2015",
        "x, ngày 1/1/2020",
        "x cùng ngày",
        "x (05/6/2014)",
        "x năm 2014",
        "x 2014",
        "x\nngày 3/4/2021",
        "x<br>ngày 3/4/2021",
        "x \u{0}ngày 3/4/2021",
        "xngày 3/4/2021",
        "",
    ] {
        texts.push(s.to_string());
    }
    let mut seen = [0usize; 4];
    for text in &texts {
        let step = if text.len() > 400 { 7 } else { 1 };
        for (n, (at, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
            if n % step != 0 {
                continue;
            }
            let may = anchors_at(text.as_bytes().get(at).copied());
            let rest = &text[at..];
            let so = so_word(rest).is_ok();
            let date = date_part(rest).is_ok();
            let paren = paren_date(rest).is_ok();
            let back = text[..at].chars().next_back().map_or(0, char::len_utf8);
            let year = year_part(&text[at - back..]).is_ok();
            let show = || prefix(rest, 20).to_string();
            assert!(may.so || !so, "so at {:?}", show());
            assert!(may.date || !date, "date at {:?}", show());
            assert!(may.paren || !paren, "paren at {:?}", show());
            assert!(may.year || !year, "year at {:?}", show());
            for (k, ok) in [so, date, paren, year].into_iter().enumerate() {
                seen[k] += usize::from(ok);
            }
        }
    }
    assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
}

/// [`starts_verb`] with its first-byte filter gives what comparing every
/// verb gives, at every word of the real texts at hand (every 3rd) and on
/// edge cases.
#[test]
fn ok_starts_verb_same_as_every_verb() {
    fn plain(r: &str) -> bool {
        let w = next_word(r);
        SUBJECT_VERBS.iter().any(|(a, b)| {
            use crate::cite::lex::lowers_to;
            lowers_to(w, a) && lowers_to(ws1(&r[w.len()..]).map_or("", |(a, _)| next_word(a)), b)
        })
    }
    let mut texts: Vec<String> = crate::test_texts::texts().into_iter().map(|(_, t)| t).collect();
    texts.extend(
        [
            "BAN HÀNH",
            "Quy⏎định",
            "sửa đổi",
            "Thực Hiện",
            "thi hành",
            "Bổ sung",
            "hướng dẫn",
            "Sửa",
            "",
        ]
        .iter()
        .map(|s| s.replace('⏎', "\n")),
    );
    let (mut n, mut yes) = (0, 0);
    for text in &texts {
        for (k, _) in word_starts(text) {
            n += 1;
            if n % 3 != 0 && text.len() > 400 {
                continue;
            }
            let r = &text[k..];
            let fast = starts_verb(r);
            assert_eq!(fast, plain(r), "{:?}", prefix(r, 20));
            yes += usize::from(fast);
        }
    }
    assert!(yes > 10, "only {yes} verbs");
}

/// The byte gates of this session: [`is_self_reference`] (its `n` test),
/// [`first_digit`] and the `cùng` search of [`name_citation`] (memchr for
/// `c`), and [`is_all_caps`] (its ASCII small-letter test) give what the
/// plain readings give, after every 7th word start of every 3rd real text
/// and on edge cases (`này`, `Này`, `NÀY`, `nay`, `nà`, the Kelvin sign,
/// digits at every offset around the 16-byte blocks, `cùng` at every
/// offset, words of capitals with and without marks).
#[test]
fn ok_byte_gates_same_as_plain() {
    use crate::cite::lex::is_all_caps;
    let self_plain = |i: &str| lex(skip_sp(i), &["này", "nay"], "\"này\"").is_ok();
    let digit_plain = |b: &[u8]| b.iter().position(u8::is_ascii_digit);
    let cung_plain = |b: &[u8]| memchr::memmem::find(b, "cùng".as_bytes()).is_some();
    let cung_fast = |b: &[u8]| memchr::memchr_iter(b'c', b).any(|k| b[k..].starts_with("cùng".as_bytes()));
    let caps_plain = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    let mut cases: Vec<String> = Vec::new();
    for w in [
        "này",
        "Này",
        "NÀY",
        "nay",
        "NAY",
        "nà",
        "nàyx",
        "\u{212a}ày",
        "ngày",
        "N",
        "",
        "Đất",
        "QĐ",
        "KẾ HOẠCH",
        "Kế hoạch",
        "ABC",
        "A1",
        "1",
        "ĐẢNG",
        "Đảng",
        "ĐẢNg",
        "ǅ",
        "ß",
    ] {
        for sp in ["", " ", "  \t"] {
            cases.push(format!("{sp}{w} 5"));
            cases.push(format!("{sp}{w}"));
        }
    }
    for at in 0..70 {
        for fill in ["a", "ệ"] {
            let mut t: String = fill.repeat(at);
            t.truncate(at - at % fill.len());
            cases.push(format!("{t}7"));
            cases.push(format!("{t}cùng ngày"));
            cases.push(format!("{t}cung ngày"));
        }
    }
    let texts = crate::test_texts::texts();
    let mut samples = 0;
    for (_, text) in texts.iter().step_by(3) {
        let mut n = 0;
        for (k, _) in word_starts(text) {
            n += 1;
            if n % 7 == 0 {
                cases.push(crate::cite::lex::prefix(&text[k..], 240).to_string());
                samples += 1;
            }
        }
    }
    assert!(samples > 1000, "only {samples} samples");
    let (mut selfs, mut digits, mut cungs, mut caps) = (0, 0, 0, 0);
    for s in &cases {
        let b = s.as_bytes();
        assert_eq!(is_self_reference(s), self_plain(s), "{s:?}");
        assert_eq!(first_digit(b), digit_plain(b), "{s:?}");
        assert_eq!(cung_fast(b), cung_plain(b), "{s:?}");
        let w = next_word(s.trim_start());
        assert_eq!(is_all_caps(w), caps_plain(w), "{w:?}");
        assert_eq!(is_all_caps(s), caps_plain(s), "{s:?}");
        selfs += usize::from(self_plain(s));
        digits += usize::from(digit_plain(b).is_some());
        cungs += usize::from(cung_plain(b));
        caps += usize::from(caps_plain(w));
    }
    // Each reading is true often enough (the test can fail both ways).
    assert!(
        selfs >= 12 && digits > 200 && cungs > 100 && caps > 20,
        "{selfs} {digits} {cungs} {caps}"
    );
}

/// Where a gate of [`gates`](super::gates) rules a rule of [`tail`] out,
/// the rule fails: at
/// every 17th word and mark of every 4th real text at hand (the fixtures,
/// the corpus when it is beside the repository), and at the mark before
/// it, and with every character of Vietnamese text (a sample of the rest)
/// in each place where a rule's first byte is read.
#[test]
fn ok_tail_gates_same_as_plain() {
    let mut inputs: Vec<String> = Vec::new();
    let some_chars = (0..0x300u32)
        .chain(0x1E00..0x1F00)
        .chain((0x300..0x11_0000).step_by(97));
    for c in some_chars.filter_map(char::from_u32) {
        for form in [
            " {c}ăm 2020",
            " {c}ề việc ban hành",
            " {c}ề Quy định ngày 05/6/2020 của Chính phủ",
            ", {c}/v ban hành",
            " {c}uy định chi tiết",
            "{c} — Quy định (05/6/2014)",
            "**{c} Quy định (05/6/2014)",
            " {c}ngày 5/6/2020)",
            " {c}\nhướng dẫn thi hành",
            " {c}à Nghị định số 12/2020/NĐ-CP",
            ", {c}ủa Chính phủ",
            " {c}gày 5/6/2020",
            " {c}5/6/2020",
            "{c} số 13/2020/NĐ-CP",
            "{c}",
        ] {
            inputs.push(form.replace("{c}", &c.to_string()));
        }
    }
    for (_, text) in crate::test_texts::texts().into_iter().step_by(4) {
        for (n, (k, _)) in word_starts(&text).enumerate() {
            if n % 17 != 0 {
                continue;
            }
            inputs.push(crate::cite::lex::prefix(&text[k..], 200).to_string());
            let b = text[..k].char_indices().next_back().map_or(k, |(j, _)| j);
            inputs.push(crate::cite::lex::prefix(&text[b..], 200).to_string());
        }
    }
    let mut ruled_out = [0usize; 9];
    for i in &inputs {
        use super::gates::*;
        let checks = [
            (date_may(i), date_part(i).is_ok()),
            (issuer_may(i), issuer_part(i).is_ok()),
            (paren_may(i), paren_date(i).is_ok() || aside(i).is_ok()),
            (year_may(i), year_after(i).is_ok()),
            (titled_may(i), titled_date(i).is_ok()),
            (closing_may(i), closing_date(i).is_ok() || item_lead(i).is_ok()),
            (subject_may(i), subject_part(i).is_ok()),
            (wrapped_may(i), super::wrapped_subject(i).is_ok()),
            (
                list_tail_may(i),
                list_tail(i, false).is_ok() || list_tail(i, true).is_ok(),
            ),
        ];
        for (k, (may, reads)) in checks.into_iter().enumerate() {
            assert!(may || !reads, "rule {k} at {:?}", chars(i, 40));
            ruled_out[k] += usize::from(!may);
        }
    }
    // Each gate rules out most places (the test can fail both ways).
    assert!(ruled_out.iter().all(|&n| n > 10_000), "{ruled_out:?}");
}

/// The word starts of `text` (a character after one that is no letter or
/// digit, or first), with the character there: where the tests above read
/// the rules on real text.
fn word_starts(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut prev = ' ';
    text.char_indices().filter(move |&(_, c)| {
        let start = !crate::text::is_alnum(prev);
        prev = c;
        start
    })
}
