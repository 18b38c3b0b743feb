//! Unit tests.

use super::*;

fn show(s: &str) -> String {
    match Symbol::parse_with_diagnostics(s) {
        Ok((sym, diags)) => {
            let mut out = format!(
                "{sym} | n={:?} y={:?} t={:?} i={:?} u={:?} {:?}",
                sym.number(),
                sym.year(),
                sym.type_code(),
                sym.issuers(),
                sym.unit(),
                sym.style()
            );
            for d in diags {
                out.push_str(&format!(" [{}]", d.code));
            }
            out
        }
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn ok_type_table_agrees_with_comparison() {
    // Every entry in several cases, near misses, and codes outside the
    // table's fast path (other letters with diacritics, long codes).
    let mut codes: Vec<String> = Vec::new();
    for (t, _, _) in TYPES {
        codes.push(t.to_string());
        codes.push(t.to_lowercase());
        codes.push(upper(t));
        codes.push(format!("{t}X"));
    }
    codes.extend(
        [
            "qđ", "Qđ", "nđ", "NÐ", "ttlt", "TTLTX", "UBND", "SNN", "Ư", "QĐI", "QyĐ", "cTR", "", "đ", "VPTƯ",
        ]
        .map(String::from),
    );
    for c in &codes {
        assert_eq!(canonical_type(c), canonical_type_slow(c), "{c:?}");
    }
    assert_eq!(canonical_type("qđ"), Some("QĐ"));
    assert_eq!(canonical_type("cTR"), Some("CTr"));
    assert_eq!(canonical_type("UBND"), None);
}

/// [`is_known_code`] read plainly: a type code, or an issuer of the tables
/// compared letter by letter.
fn is_known_code_plain(code: &str) -> bool {
    canonical_type_slow(code).is_some()
        || [PARTY_ISSUERS, MASS_ORG_ISSUERS, STATE_ISSUERS]
            .iter()
            .any(|t| t.iter().any(|k| eq_upper(k, code)))
}

#[test]
fn ok_code_indexes_agree_with_comparison() {
    // Every entry of the tables in several cases, near misses, and every
    // run of letters, digits and `&` of the fixtures and the corpus (with
    // its prefixes, as `known_prefix` asks).
    let mut codes: Vec<String> = Vec::new();
    for t in [PARTY_ISSUERS, MASS_ORG_ISSUERS, STATE_ISSUERS, &TYPE_CODES] {
        for c in t {
            codes.push(c.to_string());
            codes.push(c.to_lowercase());
            codes.push(upper(c));
            codes.push(format!("{c}X"));
            codes.push(format!("{c}1"));
            codes.push(c[..c.len() - c.chars().next_back().map_or(0, char::len_utf8)].to_string());
        }
    }
    codes.extend(
        [
            "",
            "đ",
            "Đ",
            "Ð",
            "NÐ",
            "TƯ",
            "tư",
            "VPTƯ",
            "ĐCTUBTWMTTQVN",
            "UBTVQH15",
            "QĐı",
            "N\0",
            "N-",
            "TW&",
            "ABCDEFGHIJKLMNOP",
            "ABCDEFGHIJKLMNOPQ",
            "BTCTWĐĐĐĐĐĐ",
        ]
        .map(String::from),
    );
    for (_, text) in crate::test_texts::texts() {
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '&')) {
            if w.is_empty() || w.len() > 24 {
                continue;
            }
            let ends: Vec<usize> = w.char_indices().map(|(k, _)| k).skip(1).chain([w.len()]).collect();
            for k in ends {
                codes.push(w[..k].to_string());
            }
        }
    }
    codes.sort();
    codes.dedup();
    let mut known = 0;
    for c in &codes {
        assert_eq!(canonical_type(c), canonical_type_slow(c), "{c:?}");
        let k = is_known_code(c);
        assert_eq!(k, is_known_code_plain(c), "{c:?}");
        known += usize::from(k);
    }
    assert!(known > 100, "{known} known codes");
}

#[test]
fn ok_party_symbols() {
    insta::assert_snapshot!(show("698-CV/TU"), @r#"698-CV/TU | n=Some(698) y=None t=Some("CV") i=["TU"] u=None Dash"#);
    insta::assert_snapshot!(show("01-CTr/BDVTW"), @r#"01-CTr/BDVTW | n=Some(1) y=None t=Some("CTr") i=["BDVTW"] u=None Dash"#);
    insta::assert_snapshot!(show("05-QC/BTCTU-BDVTU"), @r#"05-QC/BTCTU-BDVTU | n=Some(5) y=None t=Some("QC") i=["BTCTU", "BDVTU"] u=None Dash"#);
    insta::assert_snapshot!(show("08-QĐi/TW"), @r#"08-QĐi/TW | n=Some(8) y=None t=Some("QĐi") i=["TW"] u=None Dash"#);
    insta::assert_snapshot!(show("24-L/CTN"), @r#"24-L/CTN | n=Some(24) y=None t=Some("L") i=["CTN"] u=None Dash"#);
}

#[test]
fn ok_state_symbols() {
    insta::assert_snapshot!(show("3870/SNN-VP"), @r#"3870/SNN-VP | n=Some(3870) y=None t=None i=["SNN"] u=Some("VP") Slash"#);
    insta::assert_snapshot!(show("16/CT-TTg"), @r#"16/CT-TTg | n=Some(16) y=None t=Some("CT") i=["TTg"] u=None Slash"#);
    insta::assert_snapshot!(show("123/QĐ-UBND"), @r#"123/QĐ-UBND | n=Some(123) y=None t=Some("QĐ") i=["UBND"] u=None Slash"#);
    insta::assert_snapshot!(show("30/2020/NĐ-CP"), @r#"30/2020/NĐ-CP | n=Some(30) y=Some(2020) t=Some("NĐ") i=["CP"] u=None Slash"#);
    insta::assert_snapshot!(show("91/2015/QH13"), @r#"91/2015/QH13 | n=Some(91) y=Some(2015) t=None i=["QH13"] u=None Slash"#);
    insta::assert_snapshot!(show("13/1999/PL-UBTVQH10"), @r#"13/1999/PL-UBTVQH10 | n=Some(13) y=Some(1999) t=Some("PL") i=["UBTVQH10"] u=None Slash"#);
    insta::assert_snapshot!(show("178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT"), @r#"178/2015/TTLT-BTC-BNNPTNT-BTNMT-BYT | n=Some(178) y=Some(2015) t=Some("TTLT") i=["BTC", "BNNPTNT", "BTNMT", "BYT"] u=None Slash"#);
    insta::assert_snapshot!(show("17/VBHN-VPQH"), @r#"17/VBHN-VPQH | n=Some(17) y=None t=Some("VBHN") i=["VPQH"] u=None Slash"#);
    insta::assert_snapshot!(show("72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN"), @r#"72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN | n=Some(72) y=Some(2025) t=Some("NQLT") i=["UBTVQH15", "CP", "ĐCTUBTWMTTQVN"] u=None Slash"#);
}

#[test]
fn ok_historical_and_blank() {
    insta::assert_snapshot!(show("61-CP"), @r#"61-CP | n=Some(61) y=None t=None i=["CP"] u=None Dash"#);
    insta::assert_snapshot!(show("186/HĐBT"), @r#"186/HĐBT | n=Some(186) y=None t=None i=["HĐBT"] u=None Slash"#);
    insta::assert_snapshot!(show("299/TTg"), @r#"299/TTg | n=Some(299) y=None t=None i=["TTg"] u=None Slash"#);
    insta::assert_snapshot!(show("/SNN-VP"), @r#"/SNN-VP | n=None y=None t=None i=["SNN"] u=Some("VP") Slash [blank-number]"#);
    // A draft's number left blank with an ellipsis or dots, before the year.
    for blank in ["… /2019/QH14", ".../2019/QH14", "……/2019/QH14"] {
        let s: Symbol = blank.parse().unwrap();
        assert_eq!(
            (s.number(), s.year(), s.to_string()),
            (None, Some(2019), "/2019/QH14".to_string())
        );
    }
    // Not without a year after it: a form's blank `…/QĐ-UBND` stays unread.
    assert!("…/QĐ-UBND".parse::<Symbol>().is_err());
}

#[test]
fn ok_sub_number() {
    let s: Symbol = "41.3/2027/NQ-CP".parse().unwrap();
    assert_eq!(
        (s.number_text(), s.number(), s.year()),
        (Some("41.3"), None, Some(2027))
    );
    assert_eq!(s.to_string(), "41.3/2027/NQ-CP");
    assert_eq!(s.type_code(), Some("NQ"));
}

#[test]
fn ok_noise_repaired_with_diagnostics() {
    insta::assert_snapshot!(show("1977 /QĐ-UBND"), @r#"1977/QĐ-UBND | n=Some(1977) y=None t=Some("QĐ") i=["UBND"] u=None Slash [symbol-spacing]"#);
    insta::assert_snapshot!(show("391 - CV/ĐU"), @r#"391-CV/ĐU | n=Some(391) y=None t=Some("CV") i=["ĐU"] u=None Dash [symbol-spacing]"#);
    insta::assert_snapshot!(show("119/2014/NĐ- CP"), @r#"119/2014/NĐ-CP | n=Some(119) y=Some(2014) t=Some("NĐ") i=["CP"] u=None Slash [symbol-spacing]"#);
    insta::assert_snapshot!(show("102/2017/NÐ-CP"), @r#"102/2017/NĐ-CP | n=Some(102) y=Some(2017) t=Some("NĐ") i=["CP"] u=None Slash [lookalike-letter]"#);
    insta::assert_snapshot!(show("12-NQ/TƯ"), @r#"12-NQ/TW | n=Some(12) y=None t=Some("NQ") i=["TW"] u=None Dash [ocr-issuer]"#);
    insta::assert_snapshot!(show("19/Ctr-UBND"), @r#"19/CTr-UBND | n=Some(19) y=None t=Some("CTr") i=["UBND"] u=None Slash [symbol-case]"#);
    insta::assert_snapshot!(show("1830 QĐ-UBND"), @r#"1830/QĐ-UBND | n=Some(1830) y=None t=Some("QĐ") i=["UBND"] u=None Slash [missing-slash]"#);
    insta::assert_snapshot!(show("140/BCĐ VĐ HMTN"), @r#"140/BCĐ-VĐ-HMTN | n=Some(140) y=None t=None i=["BCĐ"] u=Some("VĐ-HMTN") Slash [symbol-spacing] [symbol-spacing]"#);
    insta::assert_snapshot!(show("146/2026/ND-CP"), @r#"146/2026/NĐ-CP | n=Some(146) y=Some(2026) t=Some("NĐ") i=["CP"] u=None Slash [missing-diacritics]"#);
}

#[test]
fn err_not_symbols() {
    insta::assert_snapshot!(show("QCVN 12:2026/BCA"), @r#"error: invalid số ký hiệu at byte 0: expected a number or "/", found "QCVN 12:2026…""#);
    insta::assert_snapshot!(show("2021 - 2025"), @r#"error: invalid số ký hiệu at byte 7: expected a type or issuer code, found "2025""#);
    insta::assert_snapshot!(show("698-CV/"), @r#"error: invalid số ký hiệu at byte 7: expected a type or issuer code, found end of input"#);
    insta::assert_snapshot!(show("1/1/1/1"), @r#"error: invalid số ký hiệu at byte 2: expected a type or issuer code, found "1/1/1""#);
}

#[test]
fn ok_round_trip_canonical() {
    for s in [
        "698-CV/TU",
        "3870/SNN-VP",
        "30/2020/NĐ-CP",
        "/SNN-VP",
        "72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN",
        "20/VBHN-VPQH/2025",
        "61-CP",
        "186/HĐBT",
        "05-QC/BTCTU-BDVTU",
    ] {
        let sym: Symbol = s.parse().unwrap();
        assert_eq!(sym.to_string(), s);
        assert_eq!(sym.to_string().parse::<Symbol>().unwrap(), sym);
    }
}

/// A number held inline ([`super::Digits`]) compares, orders, hashes and
/// shows as the string does, short or long (on the heap).
#[test]
fn ok_digits_behave_as_the_string() {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hash = |x: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
        let mut h = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().build_hasher();
        x(&mut h);
        std::hash::Hasher::finish(&h)
    };
    let long = "1.2345.6789.1234.5678.9012";
    let texts = [
        "",
        "0",
        "05",
        "5",
        "698",
        "58.12",
        "123456",
        long,
        &long[..22],
        &long[..23],
    ];
    for a in texts {
        let da = super::Digits::new(a);
        assert_eq!(&*da, a);
        assert_eq!(format!("{da:?}"), format!("{:?}", a.to_string()));
        assert_eq!(
            hash(&|h| std::hash::Hash::hash(&da, h)),
            hash(&|h| std::hash::Hash::hash(&a.to_string(), h))
        );
        for b in texts {
            let db = super::Digits::new(b);
            assert_eq!(da.cmp(&db), a.cmp(b), "{a:?} {b:?}");
            assert_eq!(da == db, a == b, "{a:?} {b:?}");
        }
    }
}
