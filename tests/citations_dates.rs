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

// The issue date said so after the number (`ban hành ngày`, `do … ban
// hành ngày`, `ký ngày`, `(ban hành ngày …)`, `ngày ban hành: …`), a
// table's next cell holding only a date, a cell's `<br>` before `ngày`,
// and numeric dates spaced around their separators.
#[test]
fn ok_issue_date_said_so() {
    let text = "Điều 1. Bãi bỏ toàn bộ các văn bản sau:\n\
1. Thông tư số 14/2031/TT-BXD ban hành ngày 21/5/2031 quy định về vật liệu.\n\
2. Thông tư số 15/2032/TT-BXD do Bộ trưởng Bộ Xây dựng ban hành ngày 22 tháng 6 năm 2032.\n\
3. Thông tư số 16/2033/TT-BXD ký ngày 25/9/2033.\n\
4. Thông tư 17/2034/TT-BXD (ban hành ngày 27/11/2034).\n\
5. Thông tư 18/2035/TT-BXD, ngày ban hành: 26/10/2035.\n\
| 6 | Thông tư 19/2036/TT-BXD | 12/03/2036 | Quy định về đo đạc |\n\
| 7 | Thông tư số 20/2037/TT-BXD<br>ngày 05/11/2037 | Quy định |\n\
| 8 | Thông tư số 21/2038/TT-BXD<br />ngày 06 tháng 11 năm 2038 | Quy định |\n\
9. Thông tư số 22/2039/TT-BXD ngày 21 /11/2039.\n\
10. Thông tư số 23/2040/TT-BXD ngày 22/ 11 /2040.\n";
    let doc = vanban::parse(text);
    for (s, want) in [
        ("14/2031/TT-BXD", "2031-05-21"),
        ("15/2032/TT-BXD", "2032-06-22"),
        ("16/2033/TT-BXD", "2033-09-25"),
        ("17/2034/TT-BXD", "2034-11-27"),
        ("18/2035/TT-BXD", "2035-10-26"),
        ("19/2036/TT-BXD", "2036-03-12"),
        ("20/2037/TT-BXD", "2037-11-05"),
        ("21/2038/TT-BXD", "2038-11-06"),
        ("22/2039/TT-BXD", "2039-11-21"),
        ("23/2040/TT-BXD", "2040-11-22"),
    ] {
        assert_eq!(dates(&doc, s), [d(want)], "{s}");
    }
    let by_minister = doc.citations.iter().find(|c| sym(c) == "15/2032/TT-BXD").unwrap();
    assert_eq!(by_minister.issuer.as_deref(), Some("Bộ trưởng Bộ Xây dựng"));
}

// Not an issue date: `ban hành` opening a subject, the effective date, a
// table's next cell holding more than a date, and a bare date after a
// `<br>` (a cell's next line, no `ngày`).
#[test]
fn bad_issue_date_not_said() {
    let text = "1. Thông tư số 24/2041/TT-BXD ban hành Quy chế làm việc ngày 03/4/2041 của Hội đồng.\n\
2. Thông tư số 25/2042/TT-BXD có hiệu lực từ ngày 01/7/2042.\n\
| 3 | Thông tư 26/2043/TT-BXD | 12/03/2043 và 15/03/2043 |\n\
| 4 | Thông tư 27/2044/TT-BXD<br>15/03/2044 |\n";
    let doc = vanban::parse(text);
    for s in ["24/2041/TT-BXD", "25/2042/TT-BXD", "26/2043/TT-BXD", "27/2044/TT-BXD"] {
        assert_eq!(dates(&doc, s), [None], "{s}");
    }
}

// A Markdown list of `**TYPE SYMBOL** — title (date)`: the bracket closing
// the line is the item's date also when its title holds a `;` or another
// document (whose date it is not).
#[test]
fn ok_dash_title_closing_date() {
    let doc = vanban::parse(
        "**Danh mục giống cây trồng:**\n\
14. **TT 67/2031/TT-BNNPTNT** — Danh mục bổ sung giống cây trồng, phân bón; Danh mục thuốc thú y (07/12/2031)\n\
31. **QĐ 42/2032/QĐ-BNN** — Điều chỉnh, bổ sung QĐ 76/2030/QĐ-BNN về Danh mục giống cây trồng (24/6/2032)\n\
32. **QĐ 105/2032/QĐ-BNN** — Danh mục bổ sung giống cây trồng (16/11/2032)\n",
    );
    assert_eq!(dates(&doc, "67/2031/TT-BNNPTNT"), [d("2031-12-07")]);
    assert_eq!(dates(&doc, "42/2032/QĐ-BNN"), [d("2032-06-24")]);
    assert_eq!(dates(&doc, "76/2030/QĐ-BNN"), [None]);
    assert_eq!(dates(&doc, "105/2032/QĐ-BNN"), [d("2032-11-16")]);
}

// A dash title longer than the 400 bytes read for its closing date, in
// letters of several bytes: no date, and no panic at a cut inside a letter.
#[test]
fn ok_long_dash_title_no_panic() {
    for pad in 0..4 {
        let title = format!("{}{}", "x".repeat(pad), "Danh mục giống cây trồng ".repeat(20));
        let t = format!("1. **TT 67/2031/TT-BNNPTNT** — {title}(07/12/2031)\n");
        let doc = vanban::parse(&t);
        assert_eq!(dates(&doc, "67/2031/TT-BNNPTNT"), [None], "{pad}");
    }
}
