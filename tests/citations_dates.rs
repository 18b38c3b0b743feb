//! Dates printed in brackets at the end of a list item (issue 19, form 9):
//! lists of repealed documents print each document's date after its title
//! (`a) Thông tư số … quy định … (15/3/2027);`). Synthetic text with
//! numbers of its own.

use vanban::{Citation, Document};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// The dates of the citations of `doc` with this symbol, in order.
fn dates(doc: &Document, s: &str) -> Vec<Option<String>> {
    doc.citations
        .iter()
        .filter(|c| sym(c) == s)
        .map(|c| c.date.map(|d| d.to_string()))
        .collect()
}

fn d(s: &str) -> Option<String> {
    Some(s.to_string())
}

// The bracket closing an item is the date of the item's document: after a
// short title, a long one (read past where the subject is cut), one
// wrapped over lines, and one holding another citation (whose date it is
// not).
#[test]
fn ok_item_closing_bracket_date() {
    let long = "quy định về quản lý, sử dụng kinh phí hỗ trợ hoạt động của các tổ chức chính trị - xã hội, tổ chức chính trị xã hội - nghề nghiệp, tổ chức xã hội, tổ chức xã hội - nghề nghiệp được ngân sách nhà nước hỗ trợ theo nhiệm vụ Nhà nước giao và kinh phí thực hiện các chương trình, đề án trên địa bàn";
    let text = format!(
        "2. Bãi bỏ các văn bản sau:\n\
a) Thông tư số 08/2027/TT-BTC {long} (15/3/2027);\n\
b) Thông tư số 41/2028/TT-BTC sửa đổi, bổ sung một số điều của Thông tư số 08/2027/TT-BTC (20/6/2028);\n\
c) Thông tư số 17/2029/TT-BTC hướng dẫn quản lý \nkinh phí sự nghiệp \n(02/8/2029);\n\
d) Thông tư số 33/2029/TT-BTC quy định mức thu (09/11/2029).\n"
    );
    let doc = vanban::parse(&text);
    assert_eq!(dates(&doc, "08/2027/TT-BTC"), [d("2027-03-15"), None]);
    assert_eq!(dates(&doc, "41/2028/TT-BTC"), [d("2028-06-20")]);
    assert_eq!(dates(&doc, "17/2029/TT-BTC"), [d("2029-08-02")]);
    assert_eq!(dates(&doc, "33/2029/TT-BTC"), [d("2029-11-09")]);
    let c = doc.citations.iter().find(|c| sym(c) == "33/2029/TT-BTC").unwrap();
    assert_eq!(c.subject.as_deref(), Some("quy định mức thu"));
    // In a table's row.
    let doc =
        vanban::parse("| 1 | Thông tư số 08/2027/TT-BTC quy định về quản lý kinh phí (15/3/2027) | Hết hiệu lực |\n");
    assert_eq!(dates(&doc, "08/2027/TT-BTC"), [d("2027-03-15")]);
}

// Not the date of a document named in another's title on the same line
// (`31. QĐ A — Điều chỉnh, bổ sung QĐ B về … (22/5/2026)`), nor a bracket
// that is no date.
#[test]
fn bad_bracket_of_another_document() {
    let doc = vanban::parse(
        "31. QĐ 40/2026/QĐ-BNN — Điều chỉnh, bổ sung QĐ 74/2024/QĐ-BNN về Danh mục giống cây trồng (22/5/2026)\n",
    );
    assert_eq!(dates(&doc, "74/2024/QĐ-BNN"), [None]);
    let doc = vanban::parse("a) Quyết định số 12/2027/QĐ-UBND phê duyệt kế hoạch (giai đoạn 2026-2030);\n");
    assert_eq!(dates(&doc, "12/2027/QĐ-UBND"), [None]);
}
