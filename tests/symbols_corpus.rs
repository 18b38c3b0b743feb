//! Every row of `../shared/corpus/symbols.jsonl` (số ký hiệu typed by people
//! in the Bình Dương provincial list) goes through the symbol parser, as
//! `vanban symbol` does; the leading number and the issuer codes must come
//! out as a reader would read them.
//!
//! The expectation is derived independently of the grammar, by splitting
//! the printed string: the number is the leading digits; the code groups are
//! what follows the first `/` (or, for the Party shape `03-TB/BCĐ`, the
//! groups after the `/`), split at `-`; a first group that is a document
//! type (`QĐ`, `KH`, `CTr`, ...) is the type, otherwise (a công văn such as
//! `3612/UBND-NC`) the first group is the issuer and the rest the drafting
//! unit.

use vanban::Symbol;

/// Type abbreviations of Phụ lục III (ND 30/2020) and the older table,
/// written as a reader would recognise them (compared case-insensitively).
const TYPES: &[&str] = &[
    "NQ", "QĐ", "CT", "QC", "QYĐ", "QĐI", "TC", "TB", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTR", "HĐ",
    "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TRS", "SL", "KL", "TT", "CV", "NĐ", "VBHN",
    "TTLT", "PL", "GT", "CN", "UN", "TS",
];

struct Expect {
    number: Option<u32>,
    issuers: Vec<String>,
}

/// Read the printed string without the grammar.
fn expect(printed: &str) -> Expect {
    // Spaces around a separator are noise (`1977 /QĐ-UBND`, `109/UBND - VX`);
    // a space between two code groups stands for a hyphen (`140/BCĐ VĐ HMTN`).
    let spaced: String = printed.trim().replace('Ð', "Đ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        let prev_sep = s.ends_with(['/', '-']) || k == 0;
        let this_sep = w.starts_with(['/', '-']);
        let after_number = s.chars().all(|c| c.is_ascii_digit());
        if !(prev_sep || this_sep || after_number) {
            s.push('-');
        }
        s.push_str(w);
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().ok();
    let rest = &s[digits.len()..];
    // `1830 QĐ-UBND` lost its slash: after removing spaces it reads
    // `1830QĐ-UBND`; the codes start right after the number.
    let rest = rest.strip_prefix(['/', '-']).unwrap_or(rest);
    // A year group (`03/2015/CT-UBND`).
    let rest = match rest.split_once('/') {
        Some((y, r)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => r,
        _ => rest,
    };
    let upper = |g: &str| g.to_uppercase();
    let (ty, groups): (Option<String>, Vec<String>) = match rest.split_once('/') {
        // Party shape: TYPE/ISSUER-ISSUER.
        Some((t, iss)) => (Some(t.to_string()), iss.split('-').map(upper).collect()),
        None => {
            let mut gs = rest.split('-').map(upper);
            let first = gs.next().unwrap_or_default();
            if TYPES.contains(&first.as_str()) {
                (Some(first), gs.collect())
            } else {
                // Công văn: issuer-unit; or an old `251-BCĐ` with one issuer.
                (None, vec![first])
            }
        }
    };
    let _ = ty;
    Expect {
        number,
        issuers: groups,
    }
}

#[test]
fn every_provincial_symbol_parses_with_the_right_number_and_issuers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/symbols.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} is absent; symbols corpus test skipped", path.display());
        return;
    };
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON row");
        let printed = v["number"].as_str().expect("number");
        rows += 1;
        let want = expect(printed);
        match Symbol::parse_with_diagnostics(printed) {
            Err(e) => failures.push(format!("{printed:?}: error {e}")),
            Ok((sym, diags)) => {
                let issuers: Vec<String> = sym.issuers().iter().map(|i| i.to_uppercase()).collect();
                if sym.number() != want.number || issuers != want.issuers {
                    failures.push(format!(
                        "{printed:?}: read number {:?} issuers {:?}, expected {:?} {:?}",
                        sym.number(),
                        sym.issuers(),
                        want.number,
                        want.issuers
                    ));
                }
                // Repairs (spaces, look-alike Ð, case) are reported, with a
                // span inside the printed string.
                for d in &diags {
                    let span = d.span.expect("diagnostic span");
                    assert!(span.end <= printed.len(), "{printed:?}: {d:?}");
                }
                if printed.contains('Ð') {
                    assert!(
                        diags.iter().any(|d| d.code == "lookalike-letter"),
                        "{printed:?}: {diags:?}"
                    );
                }
                if printed.contains(' ') {
                    assert!(!diags.is_empty(), "{printed:?}: spaces repaired silently");
                }
                // The canonical form parses back to itself.
                let canon = sym.to_string();
                assert_eq!(
                    canon.parse::<Symbol>().ok().as_ref(),
                    Some(&sym),
                    "{printed:?} -> {canon:?}"
                );
            }
        }
    }
    assert!(rows > 2000, "expected ~2045 rows, found {rows}");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows read wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn expectation_reader_itself() {
    // The independent reader above, on shapes from the list.
    let e = expect("1830 QĐ-UBND");
    assert_eq!(
        (e.number, e.issuers.as_slice()),
        (Some(1830), &["UBND".to_string()][..])
    );
    let e = expect("03-TB/BCĐ");
    assert_eq!((e.number, e.issuers.as_slice()), (Some(3), &["BCĐ".to_string()][..]));
    let e = expect("109/UBND - VX");
    assert_eq!((e.number, e.issuers.as_slice()), (Some(109), &["UBND".to_string()][..]));
    let e = expect("140/BCĐ VĐ HMTN");
    assert_eq!((e.number, e.issuers.as_slice()), (Some(140), &["BCĐ".to_string()][..]));
    let e = expect("2631/QĐ-ĐC-UBND");
    assert_eq!(e.issuers, ["ĐC", "UBND"]);
}
