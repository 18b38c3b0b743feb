//! What a consolidated text (văn bản hợp nhất) quotes of another document
//! after `như sau:` is that document's: its `Căn cứ` clauses are its basis,
//! the laws it amends or repeals are amended or repealed by it. Each such
//! citation has the quoted document as its `by` (issue 19, form 11: the
//! graph gets the edge from it, not from the consolidated text). Synthetic
//! text with numbers of its own.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// (relation, symbol of `by`) of each citation with symbol `s`, in order.
fn rel_by(doc: &Document, s: &str) -> Vec<(Relation, Option<String>)> {
    doc.citations
        .iter()
        .filter(|c| sym(c) == s)
        .map(|c| (c.relation, c.by.map(|b| sym(&doc.citations[b]))))
        .collect()
}

fn by(r: Relation, s: &str) -> (Relation, Option<String>) {
    (r, Some(s.to_string()))
}

// A note quoting the basis of an amending circular, in quotation marks,
// wrapped as PDF text prints it; and one without them.
#[test]
fn ok_quoted_basis_is_the_quoted_documents() {
    let text = "Bộ trưởng Bộ Xây dựng ban hành Thông tư quy định về vật liệu.1\n\
\n\
1 Thông tư số 44/2031/TT-BXD ngày 12 tháng 3 năm 2031 của Bộ trưởng Bộ Xây dựng sửa đổi, \n\
bổ sung một số điều của Thông tư số 17/2029/TT-BXD, có hiệu lực từ ngày 01 tháng 5 năm 2031 có \n\
căn cứ ban hành như sau: \n\
“Căn cứ Nghị định số 91/2030/NĐ-CP ngày 02 tháng 6 năm 2030 của Chính phủ quy định \n\
chức năng, nhiệm vụ của Bộ Xây dựng; \n\
Bộ trưởng Bộ Xây dựng ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số \n\
17/2029/TT-BXD.”. \n\
2 Thông tư số 45/2032/TT-BXD ngày 14 tháng 4 năm 2032 của Bộ trưởng Bộ Xây dựng có căn cứ ban hành như sau: \n\
Căn cứ Nghị định số 93/2031/NĐ-CP ngày 03 tháng 7 năm 2031 của Chính phủ; \n\
Bộ trưởng Bộ Xây dựng ban hành Thông tư hướng dẫn về vật liệu. \n\
Căn cứ Nghị định số 94/2032/NĐ-CP ngày 05 tháng 8 năm 2032 của Chính phủ.\n";
    let doc = vanban::parse(text);
    assert_eq!(rel_by(&doc, "91/2030/NĐ-CP"), [by(Relation::Basis, "44/2031/TT-BXD")]);
    assert_eq!(
        rel_by(&doc, "17/2029/TT-BXD")[1],
        by(Relation::Amends, "44/2031/TT-BXD")
    );
    assert_eq!(rel_by(&doc, "93/2031/NĐ-CP"), [by(Relation::Basis, "45/2032/TT-BXD")]);
    // (After the enacting sentence's full stop the note's list is over.)
    assert_eq!(rel_by(&doc, "94/2032/NĐ-CP"), [(Relation::Basis, None)]);
}

// An article of a law quoted: what it repeals, it repeals.
#[test]
fn ok_quoted_article_is_the_quoted_laws() {
    let text = "Điều 9 của Luật số 55/2031/QH16 sửa đổi, bổ sung một số điều của các luật về thuế, có hiệu lực kể từ ngày 01 tháng 01 năm 2032 quy định như sau:\n\
“Điều 9\n\
1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2032.\n\
2. Bãi bỏ khoản 3 Điều 8 của Luật Thuế tài nguyên số 41/2019/QH14.”.\n";
    let doc = vanban::parse(text);
    assert_eq!(rel_by(&doc, "41/2019/QH14"), [by(Relation::Repeals, "55/2031/QH16")]);
}

// An amending instruction opens with its verb: the new text it quotes is
// this document's; and a note's quotation broken by a page break does not
// take the page's text between.
#[test]
fn bad_quotation_of_this_document() {
    let text = "Điều 1. Sửa đổi khoản 2 Điều 5 Thông tư số 18/2030/TT-BXD như sau:\n\
“2. Bãi bỏ Quyết định số 71/2012/QĐ-BXD.”.\n";
    let doc = vanban::parse(text);
    assert_eq!(rel_by(&doc, "71/2012/QĐ-BXD"), [(Relation::Repeals, None)]);

    let text = "Điều 13. Hiệu lực thi hành5\n\
\n\
5 Điều 11 của Thông tư số 46/2033/TT-BXD, có hiệu lực từ ngày 29 tháng 12 năm 2033 quy định như sau:\n\
“Điều 11. Hiệu lực thi hành\n\
\n\
     CÔNG BÁO/Số 347 + 348/Ngày 25-02-2034 \n\
77\n\
\n\
1. Thông tư này có hiệu lực thi hành kể từ ngày 10 tháng 12 năm 2030.\n\
2. Thông tư số 32/2025/TT-BXD ngày 31 tháng 8 năm 2025 của Bộ Xây dựng hướng dẫn quản lý vật liệu \n\
hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực.\n\
\n\
1. Thông tư này có hiệu lực từ ngày 29 tháng 12 năm 2033.”.\n";
    let doc = vanban::parse(text);
    assert_eq!(rel_by(&doc, "32/2025/TT-BXD"), [(Relation::Repeals, None)]);
}

// A joint circular's issuers, listed (`của Bộ A, Bộ B⏎và Xã hội, Bộ C`),
// then its subject: the documents it guides are guided by it, and the
// next item of the list (`; số …`) is a circular, as its code says.
#[test]
fn ok_joint_issuers_then_subject() {
    let text = "Thực hiện theo hướng dẫn tại các Thông tư liên tịch: số 31/2031/TTLT-BQP-BLĐTBXH-\n\
BTC ngày 27 tháng 11 năm 2031 của Bộ Quốc phòng, Bộ Lao động - Thương binh \n\
và Xã hội, Bộ Tài chính hướng dẫn thực hiện Quyết định số 77/2030/QĐ-TTg; số \n\
32/2032/TTLT-BCA-BLĐTBXH-BTC ngày 08 tháng 11 năm 2032 của Bộ Công \n\
an, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính hướng dẫn thực hiện \n\
Quyết định số 78/2031/QĐ-TTg.\n";
    let doc = vanban::parse(text);
    assert_eq!(
        rel_by(&doc, "77/2030/QĐ-TTg"),
        [by(Relation::Guides, "31/2031/TTLT-BQP-BLĐTBXH-BTC")]
    );
    assert_eq!(
        rel_by(&doc, "78/2031/QĐ-TTg"),
        [by(Relation::Guides, "32/2032/TTLT-BCA-BLĐTBXH-BTC")]
    );
    let second = doc
        .citations
        .iter()
        .find(|c| sym(c) == "32/2032/TTLT-BCA-BLĐTBXH-BTC")
        .unwrap();
    assert_eq!(second.relation, Relation::Implements);
    assert_ne!(second.doc_type.as_deref(), Some("Quyết định"));
}

// Hard-wrapped text: the subject opens the next line, in lower case, after
// the issuer (`… ngày …⏎của Bộ trưởng Bộ Tài chính⏎hướng dẫn thực hiện …`):
// what it guides has the cited circular as its `by`. A line opening with a
// capital is no subject (`…của Chính phủ;⏎Căn cứ …`).
#[test]
fn ok_subject_on_the_next_line() {
    let text = "Căn cứ Thông tư số 34/2035/TT-BLĐTBXH ngày 22/10/2035 \n\
của Bộ trưởng Bộ Lao động - Thương binh và Xã hội \n\
hướng dẫn thực hiện một số điều của Nghị định số 63/2035/NĐ-CP ngày 22 tháng 7 năm 2035 của Chính phủ;\n\
Căn cứ Thông tư số 35/2035/TT-BTC ngày 22/10/2035 của Bộ trưởng Bộ Tài chính \n\
hướng dẫn thực hiện một số điều của Nghị định số 64/2035/NĐ-CP;\n\
Căn cứ Thông tư số 36/2035/TT-BTC ngày 23/10/2035 của Bộ trưởng Bộ Tài chính\n\
Hướng dẫn của Bộ Tài chính về Nghị định số 65/2035/NĐ-CP;\n";
    let doc = vanban::parse(text);
    assert_eq!(
        rel_by(&doc, "63/2035/NĐ-CP"),
        [by(Relation::Guides, "34/2035/TT-BLĐTBXH")]
    );
    assert_eq!(rel_by(&doc, "64/2035/NĐ-CP"), [by(Relation::Guides, "35/2035/TT-BTC")]);
    assert!(rel_by(&doc, "65/2035/NĐ-CP").iter().all(|(_, b)| b.is_none()));
}
