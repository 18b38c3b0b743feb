//! The hierarchy of state legal documents: which document can replace or
//! repeal which.
//!
//! A document replaces or repeals only one of the same or a lower rank
//! (Luật Ban hành văn bản quy phạm pháp luật: Hiến pháp > Luật, Bộ luật,
//! Nghị quyết of Quốc hội > Pháp lệnh, Nghị quyết of Ủy ban thường vụ Quốc
//! hội > Lệnh, Quyết định of Chủ tịch nước > Nghị định, Nghị quyết of
//! Chính phủ > Quyết định of Thủ tướng > Thông tư, Thông tư liên tịch, a
//! minister's Quyết định or Chỉ thị > the province's Nghị quyết of Hội đồng nhân dân >
//! its Ủy ban nhân dân's Quyết định). A decree that "replaces" a law is a
//! misreading (it replaces the decree that detailed that law): no
//! `superseded` finding is drawn from it.

use crate::graph::Node;
use crate::normalize::fold;

/// The rank of a document in the hierarchy (higher is stronger), from its
/// type name and số ký hiệu; `None` when they do not tell (a Party
/// document, a công văn, a type without a place in the hierarchy).
pub(super) fn rank(node: &Node) -> Option<u8> {
    let name = node.doc_type.as_deref().map(fold);
    let name = name.as_deref();
    let sym = node.symbol.as_ref();
    let issuers: Vec<String> = sym
        .map(|s| s.issuers().iter().map(|i| fold(i).to_ascii_uppercase()).collect())
        .unwrap_or_default();
    let by = |p: fn(&str) -> bool| issuers.iter().any(|i| p(i));
    let qh = |i: &str| i.starts_with("QH");
    let ubtvqh = |i: &str| i.starts_with("UBTVQH");
    let code = sym
        .and_then(|s| s.type_code())
        .map(fold)
        .map(|c| c.to_ascii_uppercase());
    if sym.is_some_and(|s| s.is_party()) {
        return None;
    }
    Some(match (name, code.as_deref()) {
        (Some("hien phap"), _) => 10,
        (Some("luat" | "bo luat"), _) | (_, Some("L")) => 9,
        (_, None) if by(qh) && !by(ubtvqh) => 9,
        (Some("nghi quyet"), _) | (_, Some("NQ")) if by(qh) && !by(ubtvqh) => 9,
        (Some("phap lenh"), _) | (_, Some("PL")) => 8,
        _ if by(ubtvqh) => 8,
        (Some("lenh"), _) => 7,
        _ if by(|i| i == "CTN") => 7,
        (Some("nghi dinh"), _) | (_, Some("ND")) => 6,
        _ if by(|i| i == "CP") && matches!(code.as_deref(), Some("NQ")) => 6,
        _ if by(|i| i == "TTG") && matches!(code.as_deref(), Some("QD" | "CT")) => 5,
        (Some("thong tu" | "thong tu lien tich"), _) | (_, Some("TT" | "TTLT")) => 4,
        // A minister's Quyết định or Chỉ thị (a national issuer other than
        // those above: `169/QĐ-BLĐTBXH`).
        (_, Some("QD" | "CT"))
            if sym.is_some_and(|s| {
                !s.issuers().is_empty() && s.issuers().iter().all(|i| crate::resolve::is_national_issuer(i))
            }) =>
        {
            4
        }
        _ if by(|i| i.contains("HDND")) && matches!(code.as_deref(), Some("NQ")) => 3,
        _ if by(|i| i.contains("UBND")) && matches!(code.as_deref(), Some("QD")) => 2,
        _ => return None,
    })
}

/// Can `by` replace or repeal `target`? Yes unless both have a rank and
/// `by`'s is lower.
pub(super) fn can_supersede(by: &Node, target: &Node) -> bool {
    match (rank(by), rank(target)) {
        (Some(a), Some(b)) => a >= b,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(doc_type: Option<&str>, symbol: Option<&str>) -> Node {
        Node {
            id: String::new(),
            symbol: symbol.map(|s| s.parse().unwrap()),
            doc_type: doc_type.map(str::to_string),
            date: None,
            year: None,
            jurisdiction: None,
            issuer: None,
            path: None,
            external: false,
            subject: None,
            note: None,
        }
    }

    #[test]
    fn ok_ranks() {
        let law = node(Some("Luật"), Some("12/2019/QH14"));
        let law_by_symbol = node(None, Some("7/2021/QH15"));
        let resolution_qh = node(Some("Nghị quyết"), Some("88/2022/QH15"));
        let ordinance = node(None, Some("4/2003/PL-UBTVQH11"));
        let decree = node(Some("Nghị định"), Some("77/2019/NĐ-CP"));
        let pm = node(None, Some("9/2020/QĐ-TTg"));
        let circular = node(None, Some("18/2017/TT-BYT"));
        let minister = node(Some("Quyết định"), Some("412/QĐ-BLĐTBXH"));
        let council = node(None, Some("5/2021/NQ-HĐND"));
        let ubnd = node(None, Some("33/2022/QĐ-UBND"));
        assert_eq!(rank(&node(Some("Hiến pháp"), None)), Some(10));
        for (n, r) in [
            (&law, 9),
            (&law_by_symbol, 9),
            (&resolution_qh, 9),
            (&ordinance, 8),
            (&decree, 6),
            (&pm, 5),
            (&circular, 4),
            (&minister, 4),
            (&council, 3),
            (&ubnd, 2),
        ] {
            assert_eq!(rank(n), Some(r), "{:?}", n.symbol);
        }
        // No place in the hierarchy: a Party document, a công văn.
        assert_eq!(rank(&node(None, Some("41-NQ/TW"))), None);
        assert_eq!(rank(&node(None, Some("2290/BTC-TCT"))), None);
    }

    #[test]
    fn ok_can_supersede() {
        let law = node(Some("Luật"), Some("12/2019/QH14"));
        let decree = node(Some("Nghị định"), Some("77/2019/NĐ-CP"));
        let later_decree = node(Some("Nghị định"), Some("140/2023/NĐ-CP"));
        let party = node(None, Some("41-NQ/TW"));
        // A decree neither replaces nor repeals a law.
        assert!(!can_supersede(&decree, &law));
        assert!(can_supersede(&law, &decree));
        assert!(can_supersede(&later_decree, &decree));
        // A minister's Quyết định (one that lists expired documents, say)
        // repeals no decree.
        assert!(!can_supersede(&node(Some("Quyết định"), Some("412/QĐ-BTC")), &decree));
        // Unknown rank: not ruled out.
        assert!(can_supersede(&party, &law));
    }
}
