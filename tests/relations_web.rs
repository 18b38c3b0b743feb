//! Relations in web copies of laws and decrees written in Markdown: repeal
//! lists broken by group labels and counts, tables with a relation column,
//! headings naming two documents joined by `&`, and the document's own
//! enactment restated in bold. Synthetic text with numbers of its own.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// The citations of `doc` with this symbol.
fn all<'a>(doc: &'a Document, s: &str) -> Vec<&'a Citation> {
    doc.citations.iter().filter(|c| sym(c) == s).collect()
}

/// The first citation of `doc` with this symbol.
fn first<'a>(doc: &'a Document, s: &str) -> &'a Citation {
    all(doc, s)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no citation of {s}: {:?}", doc.citations))
}

/// The index of the first citation with this symbol.
fn index(doc: &Document, s: &str) -> usize {
    doc.citations
        .iter()
        .position(|c| sym(c) == s)
        .unwrap_or_else(|| panic!("no citation of {s}"))
}

// 1. A repeal article's numbered list, broken by a count line and bold
// group labels: every item's leading citation is repealed; a citation in an
// item's title is that item's statement.
#[test]
fn ok_repeal_list_across_group_labels() {
    let t = "### Điều 1. Bãi bỏ toàn bộ một số văn bản quy phạm pháp luật thuộc lĩnh vực thủy sản\n\n**12 văn bản** bị bãi bỏ toàn bộ:\n\n**Quy chuẩn, danh mục giống thủy sản:**\n\n1. **TT 41/2011/TT-BNNPTNT** — Danh mục giống thủy sản được phép sản xuất (17/6/2011)\n2. **TTLT 18/2015/TTLT-BNNPTNT-BTC** — Hướng dẫn quản lý kinh phí\n\n**Danh mục bổ sung giống thủy sản (2012–2018):**\n\n3. **TT 55/2013/TT-BNNPTNT** — Bổ sung danh mục giống (03/12/2013)\n4. **QĐ 27/2008/QĐ-BNN** — Điều chỉnh, bổ sung QĐ 61/2005/QĐ-BNN về danh mục giống\n5. **TT 09/2016/TT-BNNPTNT** — Sửa đổi khoản 3 Điều 12 Thông tư số 07/2014/TT-BNNPTNT\n\n### Điều 2. Hiệu lực thi hành\n\nQuyết định số 88/2019/QĐ-TTg quy định về giống.\n";
    let doc = vanban::parse(t);
    for s in [
        "41/2011/TT-BNNPTNT",
        "18/2015/TTLT-BNNPTNT-BTC",
        "55/2013/TT-BNNPTNT",
        "27/2008/QĐ-BNN",
        "09/2016/TT-BNNPTNT",
    ] {
        assert_eq!(first(&doc, s).relation, Relation::Repeals, "{s}: {:?}", doc.citations);
    }
    let inner = first(&doc, "61/2005/QĐ-BNN");
    assert_eq!(inner.relation, Relation::Amends);
    assert_eq!(inner.by, Some(index(&doc, "27/2008/QĐ-BNN")));
    let inner = first(&doc, "07/2014/TT-BNNPTNT");
    assert_eq!(inner.relation, Relation::Amends);
    assert_eq!(inner.by, Some(index(&doc, "09/2016/TT-BNNPTNT")));
    // The next article ends the list.
    assert_eq!(first(&doc, "88/2019/QĐ-TTg").relation, Relation::Mentions);
}

// 2. A table whose column holds a relation word for each row.
#[test]
fn ok_table_relation_column() {
    let t = "| Số hiệu | Trích yếu | Ghi chú |\n|---|---|---|\n| 63/2016/QH14 | Luật Tổ chức chính quyền địa phương | Căn cứ |\n| 21/2019/NĐ-CP | Nghị định về giống | Sửa đổi, bổ sung |\n| 14/2018/NĐ-CP | Nghị định cũ | Được sửa đổi |\n| 30/2017/TT-BTC | Thông tư cũ | Bãi bỏ |\n| 47/2015/NĐ-CP | Nghị định trước | Thay thế |\n| 52/2020/TT-BYT | Thông tư hướng dẫn | Hướng dẫn |\n| 71/2021/NQ-CP | Nghị quyết | Thực hiện |\n| 90/2022/QĐ-TTg | Quyết định | Tham chiếu |\n| 33/2023/NĐ-CP | Nghị định khác | Liên quan |\n";
    let doc = vanban::parse(t);
    let want = [
        ("63/2016/QH14", Relation::Basis),
        ("21/2019/NĐ-CP", Relation::Amends),
        ("14/2018/NĐ-CP", Relation::Amends),
        ("30/2017/TT-BTC", Relation::Repeals),
        ("47/2015/NĐ-CP", Relation::Replaces),
        ("52/2020/TT-BYT", Relation::Guides),
        ("71/2021/NQ-CP", Relation::Implements),
        ("90/2022/QĐ-TTg", Relation::Mentions),
        ("33/2023/NĐ-CP", Relation::Mentions),
    ];
    for (s, r) in want {
        assert_eq!(first(&doc, s).relation, r, "{s}: {:?}", doc.citations);
    }
}

// 3. A heading with an amending cue naming two documents joined by `&`.
#[test]
fn ok_heading_amends_two_joined_by_ampersand() {
    let t = "## Chương IV: Sửa đổi, bổ sung Nghị định 118/2028/NĐ-CP & 121/2028/NĐ-CP\n\n### Điều 31. Sửa đổi, bổ sung Nghị định 121/2028/NĐ-CP\n\n1. Khoản 2 Điều 5 được sửa đổi như sau:\n";
    let doc = vanban::parse(t);
    for c in all(&doc, "118/2028/NĐ-CP")
        .into_iter()
        .chain(all(&doc, "121/2028/NĐ-CP"))
    {
        assert_eq!(c.relation, Relation::Amends, "{:?}", doc.citations);
    }
    assert_eq!(all(&doc, "121/2028/NĐ-CP").len(), 2);
}

// 4. The document's own enactment restated in bold, and a heading restating
// its title.
#[test]
fn ok_own_enactment_restated_in_bold() {
    let t = "NGHỊ ĐỊNH\n\nSố: 205/2029/NĐ-CP\n\n**Chính phủ ban hành Nghị định số 205/2029/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 64/2026/NĐ-CP ngày 9 tháng 3 năm 2026 của Chính phủ quy định về quản lý giống cây trồng.**\n";
    let doc = vanban::parse(t);
    assert_eq!(
        first(&doc, "64/2026/NĐ-CP").relation,
        Relation::Amends,
        "{:?}",
        doc.citations
    );
    assert_eq!(first(&doc, "64/2026/NĐ-CP").by, None);
    let t = "## Sửa đổi, bổ sung một số điều của Nghị định số 77/2025/NĐ-CP về đăng ký doanh nghiệp\n\nNội dung.\n";
    let doc = vanban::parse(t);
    assert_eq!(
        first(&doc, "77/2025/NĐ-CP").relation,
        Relation::Amends,
        "{:?}",
        doc.citations
    );
}

// A letter whose accented words a broken conversion left as TCVN3 bytes
// read as Latin-1 (`Thùc hiÖn ChØ thÞ sè …`, `TriÓn khai NghÞ quyÕt sè …`):
// the cue reads in them once repaired; a clause with no cue stays
// `mentions`.
#[test]
fn ok_cue_in_tcvn3_mojibake() {
    let doc = vanban::parse(
        "Thùc hiÖn ChØ thÞ sè 07-CT/TU ngµy 12/3/2029 cña Ban Th\u{AD}êng vô TØnh ñy vÒ t¨ng c\u{AD}êng c«ng t¸c d©n vËn.\n",
    );
    assert_eq!(first(&doc, "07-CT/TU").relation, Relation::Implements);
    let doc = vanban::parse("TriÓn khai NghÞ quyÕt sè 11-NQ/TU cña TØnh ñy, Së ®Ò nghÞ c¸c ®¬n vÞ b¸o c¸o.\n");
    assert_eq!(first(&doc, "11-NQ/TU").relation, Relation::Implements);
    let doc = vanban::parse("Theo b¸o c¸o, ChØ thÞ sè 07-CT/TU ®· ®\u{AD}îc phæ biÕn réng r·i.\n");
    assert_eq!(first(&doc, "07-CT/TU").relation, Relation::Mentions);
}
