//! Laws cited by name in hard-wrapped text (issue 19, forms 1 and 11): a
//! name broken over lines, and an amending law whose name lists the laws
//! it amends (`Luật sửa đổi, bổ sung một số điều của Luật A, Luật B và Luật
//! C số …`): the number and date after the last name are the amending
//! law's. Synthetic text with numbers and names of its own.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// The only citation of `doc` with this symbol.
fn one<'a>(doc: &'a Document, s: &str) -> &'a Citation {
    let v: Vec<&Citation> = doc.citations.iter().filter(|c| sym(c) == s).collect();
    assert_eq!(v.len(), 1, "expected one citation of {s}: {:?}", doc.citations);
    v[0]
}

/// The text a citation's span covers.
fn surface<'a>(text: &'a str, c: &Citation) -> &'a str {
    &text[c.span.start..c.span.end]
}

// A line broken after the type word, inside the name, or after a comma
// in it: the name is read whole, with its type.
#[test]
fn ok_name_wrapped_over_lines() {
    for (text, name) in [
        (
            "Căn cứ Luật \nBảo vệ môi trường số 72/2029/QH16; \n",
            "Bảo vệ môi trường",
        ),
        (
            "Căn cứ Luật Bảo vệ \nmôi trường số 72/2029/QH16; \n",
            "Bảo vệ môi trường",
        ),
        (
            "Căn cứ Luật Phòng, \nchống tác hại của rượu, bia số 72/2029/QH16; \n",
            "Phòng, chống tác hại của rượu, bia",
        ),
    ] {
        let doc = vanban::parse(text);
        let c = one(&doc, "72/2029/QH16");
        assert_eq!(c.doc_type.as_deref(), Some("Luật"), "{text:?}");
        assert_eq!(c.name.as_deref(), Some(name), "{text:?}");
        assert_eq!(c.relation, Relation::Basis, "{text:?}");
        assert!(surface(text, c).starts_with("Luật"), "{text:?}");
    }
}

// `Luật sư`, `Luật gia`: a lawyer, a jurist, no law, even with a date
// after the name.
#[test]
fn bad_lawyer_is_no_law() {
    let doc = vanban::parse("Tư vấn bởi Luật sư Trần Minh Khoa \n15/08/2029 10:20 AM\n");
    assert!(doc.citations.is_empty(), "{:?}", doc.citations);
    let doc = vanban::parse("Người trả lời: Luật gia Lê Thu Hà ngày 03/02/2029.\n");
    assert!(doc.citations.is_empty(), "{:?}", doc.citations);
}

// An amending law named by the laws it amends, wrapped over lines: one
// citation, the amending law, from `Luật sửa đổi` to its number; a basis.
#[test]
fn ok_amending_law_named_by_the_laws_it_amends() {
    let text = "Căn cứ Luật Tổ chức Chính phủ số 81/2029/QH16; \n\
Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Phí và lệ phí, Luật \n\
Quản lý thuế và Luật Thuế bảo vệ môi trường số 14/2030/QH16; \n\
Theo đề nghị của Bộ trưởng Bộ Tài chính; \n";
    let doc = vanban::parse(text);
    let c = one(&doc, "14/2030/QH16");
    assert_eq!(c.relation, Relation::Basis);
    assert_eq!(c.doc_type.as_deref(), Some("Luật"));
    assert_eq!(
        c.name.as_deref(),
        Some("sửa đổi, bổ sung một số điều của Luật Phí và lệ phí, Luật Quản lý thuế và Luật Thuế bảo vệ môi trường")
    );
    assert!(surface(text, c).starts_with("Luật sửa đổi, bổ sung"));
    assert!(surface(text, c).ends_with("14/2030/QH16"));
    // With a date, its words wrapped (`Luật sửa⏎đổi`), after another
    // basis on the line: the amending law's date.
    let text = "Căn cứ Luật Ngân sách nhà nước ngày 19 tháng 6 năm 2027; Luật sửa \n\
đổi, bổ sung một số điều của Luật Ngân sách nhà nước và Luật Kế toán ngày 02 \n\
tháng 12 năm 2029; \n";
    let doc = vanban::parse(text);
    let c = doc.citations.last().unwrap();
    assert_eq!(c.date.map(|d| d.to_string()).as_deref(), Some("2029-12-02"));
    assert_eq!(c.relation, Relation::Basis);
    assert!(surface(text, c).starts_with("Luật sửa \nđổi"));
    // One law amended: its number is that law's own (`… của Luật Đường sắt
    // số …`, the law amended) unless the law was cited before by another
    // number: then it is the amending law's.
    let doc = vanban::parse("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đường sắt số 09/2031/QH16;\n");
    let c = one(&doc, "09/2031/QH16");
    assert_eq!(c.relation, Relation::Amends);
    assert_eq!(c.name.as_deref(), Some("Đường sắt"));
    let doc = vanban::parse(
        "Căn cứ Luật Đường sắt số 06/2027/QH15 được sửa đổi, bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Đường sắt số 09/2031/QH16;\n",
    );
    let c = one(&doc, "09/2031/QH16");
    assert_eq!(
        c.name.as_deref(),
        Some("sửa đổi, bổ sung một số điều của Luật Đường sắt")
    );
    assert_eq!(c.acts.map(|a| a.relation), Some(Relation::Amends));
}

// The laws amended, each with its own number, and the enacting words of
// an amending law (which name the law it amends by that law's number):
// the citations are the laws amended.
#[test]
fn ok_laws_amended_keep_their_numbers() {
    let doc = vanban::parse(
        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Cạnh tranh số 23/2028/QH15, Luật Quảng cáo số 16/2027/QH15 và Luật Thương mại số 36/2025/QH15.\n",
    );
    for s in ["23/2028/QH15", "16/2027/QH15", "36/2025/QH15"] {
        let c = one(&doc, s);
        assert_eq!(c.relation, Relation::Amends, "{s}");
        assert!(!c.name.as_deref().unwrap_or("").starts_with("sửa đổi"), "{s}");
    }
    let doc =
        vanban::parse("Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Cạnh tranh số 23/2028/QH15.\n");
    assert_eq!(one(&doc, "23/2028/QH15").name.as_deref(), Some("Cạnh tranh"));
    assert_eq!(one(&doc, "23/2028/QH15").relation, Relation::Amends);
}

// Two amending laws joined by `và`, each of one law: each is its own
// citation, both bases.
#[test]
fn ok_two_amending_laws_in_a_row() {
    let doc = vanban::parse(
        "Căn cứ Luật Dược số 105/2026/QH15 ngày 06 tháng 4 năm 2026; \n\
Luật sửa đổi, bổ sung một số điều của Luật Dược số 44/2029/QH16 \n\
ngày 13 tháng 6 năm 2029 và Luật sửa đổi, bổ sung một số điều của Luật Dược số 51/2031/QH16 ngày 27 tháng 11 năm 2031; \n",
    );
    for s in ["105/2026/QH15", "44/2029/QH16", "51/2031/QH16"] {
        assert_eq!(one(&doc, s).relation, Relation::Basis, "{s}");
    }
    assert!(one(&doc, "44/2029/QH16")
        .name
        .as_deref()
        .unwrap()
        .starts_with("sửa đổi"));
}

// A law's year by its name is its own: the number cited before it in a
// list does not take it.
#[test]
fn ok_name_year_not_shared() {
    let doc = vanban::parse(
        "Luật Khoáng sản số 21/2021/QH15 đã được sửa đổi, bổ sung một số điều theo Luật số 33/2024/QH15, Luật Tài nguyên năm 1996 đã được sửa đổi, bổ sung một số điều theo Luật số 15/2008/QH12;\n",
    );
    assert_eq!(one(&doc, "33/2024/QH15").date, None);
}

// A name does not run on across a page's break into the page's number and
// header (`30⏎CÔNG BÁO/Số 1053 + 1054/Ngày …`), whose `Số 1053` is no
// date and no number of the law.
#[test]
fn bad_name_across_a_page_break() {
    let doc = vanban::parse(
        "Người lao động đi làm việc theo Luật Người lao động Việt Nam đi làm việc ở nước\n\
30\n\
CÔNG BÁO/Số 1371 + 1372/Ngày 23-12-2029\n\
ngoài theo hợp đồng và các văn bản hướng dẫn.\n",
    );
    assert!(
        doc.diagnostics.iter().all(|d| d.code != "malformed-date"),
        "{:?}",
        doc.diagnostics
    );
    assert!(
        doc.citations
            .iter()
            .all(|c| !c.name.as_deref().unwrap_or("").contains("CÔNG BÁO")),
        "{:?}",
        doc.citations
    );
}

// Laws an unnamed amending law lists, each by its own number: the date
// after the last is the amending law's, none of theirs.
#[test]
fn ok_date_after_amended_list_is_the_amending_laws() {
    let doc = vanban::parse(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cạnh tranh số 23/2028/QH15, Luật Quảng cáo số 16/2027/QH15 và Luật Thương mại số 36/2025/QH15 ngày 18 tháng 6 năm 2030;\n",
    );
    for s in ["23/2028/QH15", "16/2027/QH15", "36/2025/QH15"] {
        assert_eq!(one(&doc, s).date, None, "{s}");
    }
    // A law's own date in a plain list stays.
    let doc = vanban::parse("Căn cứ Luật Cạnh tranh số 23/2028/QH15 ngày 12 tháng 6 năm 2028;\n");
    assert!(one(&doc, "23/2028/QH15").date.is_some());
}
