//! Relations in Official Gazette text as pdftotext gives it: hard-wrapped
//! lines, annex tables linearised one cell a line, page headers (`CÔNG
//! BÁO/Số …`), digital-signature stamps and footnotes at the page's end.
//! Synthetic text with numbers and names of its own.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// The relations of the citations of `doc` with this symbol, in order.
fn rels(doc: &Document, s: &str) -> Vec<Relation> {
    doc.citations
        .iter()
        .filter(|c| sym(c) == s)
        .map(|c| c.relation)
        .collect()
}

/// An annex table, one cell a line, whose last column is `Căn cứ bổ sung`;
/// two pages, each with its header and footnotes.
const ANNEX: &str = "CÔNG BÁO/Số 415 + 416/Ngày 20-6-2027 \n\
31\n\
 \n\
CHÍNH PHỦ \n\
 \n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\
Độc lập - Tự do - Hạnh phúc \n\
 \n\
Số: 188/NQ-CP \n\
 \n\
Hà Nội, ngày 12 tháng 6 năm 2027 \n\
 \n\
NGHỊ QUYẾT \n\
Về việc cập nhật Chương trình hành động của Chính phủ \n\
 \n\
CHÍNH PHỦ \n\
 \n\
Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15; \n\
Căn cứ Nghị quyết số 71-NQ/TW ngày 04 tháng 5 năm 2027 của Bộ Chính trị về phát triển kinh tế tư nhân; \n\
 \n\
QUYẾT NGHỊ: \n\
 \n\
Điều 1. Bổ sung nhiệm vụ vào Phụ lục kèm theo Nghị quyết này. \n\
Điều 2. Nghị quyết này có hiệu lực từ ngày ký. \n\
 \n\
TM. CHÍNH PHỦ \n\
THỦ TƯỚNG \n\
 \n\
Trần Văn Bình \n\
 \n\
 \n\
Phụ lục \n\
DANH MỤC NHIỆM VỤ BỔ SUNG \n\
(Kèm theo Nghị quyết số 188/NQ-CP ngày 12 tháng 6 năm 2027 của Chính phủ) \n\
 \n\
TT \n\
Tên nhiệm vụ \n\
Cơ quan \n\
chủ trì \n\
Cơ quan \n\
phối hợp \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Căn cứ \n\
bổ sung \n\
1  \n\
Xây dựng Đề án hỗ trợ doanh nghiệp nhỏ theo Nghị quyết số 72-NQ/TW \n\
của Bộ Chính trị \n\
Bộ Tài chính \n\
Các bộ, ngành \n\
Đề án trình Thủ \n\
tướng Chính phủ \n\
Quý III/2027 \n\
Nghị quyết \n\
số 71-\n\
NQ/TW1 \n\
2  \n\
Rà soát các văn bản quy phạm pháp luật về đầu tư \n\
Bộ Tư pháp \n\
Các bộ, \n\
ngành, địa \n\
phương \n\
Báo cáo \n\
Quý IV/2027 \n\
Nghị quyết \n\
số 71-\n\
NQ/TW, \n\
Nghị quyết số \n\
152/NQ-CP2 \n\
 \n\
__________________ \n\
1 Nghị quyết số 71-NQ/TW ngày 04/5/2027 của Bộ Chính trị về phát triển kinh tế tư nhân. \n\
2 Nghị quyết số 152/NQ-CP ngày 20/5/2027 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 71-NQ/TW ngày 04/5/2027 của Bộ Chính trị. \n\
 \n\
CÔNG BÁO/Số 415 + 416/Ngày 20-6-2027 \n\
32\n\
 \n\
TT \n\
Tên nhiệm vụ \n\
Cơ quan \n\
chủ trì \n\
Cơ quan \n\
phối hợp \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Căn cứ \n\
bổ sung \n\
3  \n\
Hoàn thiện thể chế thực hiện Kết luận số 140-KL/TW của Bộ \n\
Chính trị \n\
Bộ Nội vụ \n\
Văn phòng \n\
Chính phủ \n\
Nghị định \n\
Năm 2027 \n\
Chương \n\
trình số 19-\n\
CTr/BCĐ3 \n\
 \n\
__________________ \n\
3 Chương trình số 19-CTr/BCĐ ngày 02/6/2027 của Ban Chỉ đạo Trung ương về công tác thực hiện nhiệm vụ năm 2027. \n\
";

// 1. The header's `Căn cứ ⏎bổ sung` is a column title: a citation in a task's
// name stays `mentions`; the documents of each row's last cell are `basis`.
#[test]
fn ok_annex_basis_column() {
    let doc = vanban::parse(ANNEX);
    assert_eq!(rels(&doc, "72-NQ/TW"), [Relation::Mentions]);
    // Under `Căn cứ` in the preamble, the last cells of rows 1 and 2,
    // footnote 1, then footnote 2's statement (`thực hiện`, by 152/NQ-CP).
    let r71 = rels(&doc, "71-NQ/TW");
    assert_eq!(
        r71,
        [
            Relation::Basis,
            Relation::Basis,
            Relation::Basis,
            Relation::Basis,
            Relation::Implements
        ]
    );
    assert_eq!(rels(&doc, "19-CTr/BCĐ")[0], Relation::Basis);
    // A cue of a task's own cell stays in its cell.
    assert_eq!(rels(&doc, "140-KL/TW"), [Relation::Implements]);
}

// 1c. A footnote defining the marker glued to a citation of the column
// restates it (`basis`); a statement inside the footnote is the footnote
// citation's (`by`), not the document's.
#[test]
fn ok_annex_footnotes_restate_their_citation() {
    let doc = vanban::parse(ANNEX);
    let notes: Vec<&Citation> = doc.citations.iter().filter(|c| c.line >= 73 && c.line <= 74).collect();
    let shown: Vec<(String, Relation, Option<usize>)> = notes.iter().map(|c| (sym(c), c.relation, c.by)).collect();
    let at152 = doc
        .citations
        .iter()
        .position(|c| c.line == 74 && sym(c) == "152/NQ-CP")
        .expect("152");
    assert_eq!(
        shown,
        [
            ("71-NQ/TW".to_string(), Relation::Basis, None),
            ("152/NQ-CP".to_string(), Relation::Basis, None),
            ("71-NQ/TW".to_string(), Relation::Implements, Some(at152)),
        ]
    );
    assert_eq!(rels(&doc, "19-CTr/BCĐ"), [Relation::Basis, Relation::Basis]);
    assert!(doc.diagnostics.iter().any(|d| d.code == "footnote-marker"));
}

// The row's number ends the clause of its first cell: the header's `Căn cứ`
// does not reach a citation opening a wrapped line of the task's name.
#[test]
fn ok_annex_title_is_no_cue() {
    let doc = vanban::parse(
        "TT \n\
Tên nhiệm vụ \n\
Cơ quan \n\
chủ trì \n\
Cơ quan \n\
phối hợp \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Căn cứ \n\
bổ sung \n\
1  \n\
Xây dựng Đề án hỗ trợ doanh nghiệp nhỏ theo \n\
Nghị quyết số 72-NQ/TW của Bộ Chính trị \n\
Bộ Tài chính \n\
Các bộ, ngành \n\
Nghị quyết \n\
số 71-\n\
NQ/TW1 \n\
2  \n\
Sửa đổi Nghị định số \n\
35/2026/NĐ-CP \n\
Bộ Tư pháp \n\
Nghị quyết \n\
số 71-\n\
NQ/TW2 \n\
",
    );
    assert_eq!(rels(&doc, "72-NQ/TW"), [Relation::Mentions]);
    assert_eq!(rels(&doc, "71-NQ/TW"), [Relation::Basis, Relation::Basis]);
    assert_eq!(rels(&doc, "35/2026/NĐ-CP"), [Relation::Amends]);
}

// Without a `Căn cứ` column, a table's last cell is no basis.
#[test]
fn bad_annex_without_basis_column() {
    let t = "TT \n\
Tên nhiệm vụ \n\
Cơ quan \n\
chủ trì \n\
Cơ quan \n\
phối hợp \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Ghi chú \n\
1  \n\
Xây dựng Đề án hỗ trợ doanh nghiệp nhỏ theo \n\
Nghị quyết số 72-NQ/TW của Bộ Chính trị \n\
Bộ Tài chính \n\
Các bộ, ngành \n\
Nghị quyết \n\
số 71-\n\
NQ/TW1 \n\
2  \n\
Sửa đổi Nghị định số \n\
35/2026/NĐ-CP \n\
Bộ Tư pháp \n\
Nghị quyết \n\
số 71-\n\
NQ/TW2 \n\
";
    let doc = vanban::parse(t);
    assert_eq!(rels(&doc, "71-NQ/TW"), [Relation::Mentions, Relation::Mentions]);
}

// 2. A repeal list whose opening line, wrapped from its article's title,
// is followed by a digital signature's stamp, the page's number and the
// gazette's page header: the items are `repeals`.
#[test]
fn ok_repeal_list_across_a_page_break() {
    for t in ["BỘ Y TẾ \n\
 \n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\
Độc lập - Tự do - Hạnh phúc \n\
 \n\
Số: 09/2027/TT-BYT \n\
 \n\
Hà Nội, ngày 03 tháng 3 năm 2027 \n\
 \n\
THÔNG TƯ \n\
Bãi bỏ một số văn bản quy phạm pháp luật do Bộ trưởng Bộ Y tế ban hành \n\
 \n\
Căn cứ Nghị định số 42/2026/NĐ-CP ngày 10 tháng 01 năm 2026 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế; \n\
 \n\
Bộ trưởng Bộ Y tế ban hành Thông tư bãi bỏ một số văn bản quy phạm pháp luật. \n\
 \n\
Điều 1. Bãi bỏ toàn bộ 12 văn bản quy phạm pháp luật do Bộ trưởng Bộ Y tế ban \n\
hành sau đây: \n\
Người ký: Cơ quan Trung ương \n\
Email: congbao@chinhphu.vn \n\
Cơ quan: Văn phòng Chính phủ \n\
Thời gian ký: 11.03.2027 08:15:20 +07:00 \n\
 \n\
18\n\
CÔNG BÁO/Số 301 + 302/Ngày 12-03-2027 \n\
 \n\
1. Thông tư số 11/2014/TT-BYT ngày 05 tháng 4 năm 2014 của Bộ trưởng Bộ Y tế hướng dẫn Nghị định số 87/2011/NĐ-CP ngày 27 tháng 9 năm 2011 của Chính phủ. \n\
2. Thông tư số 23/2016/TT-BYT ngày 30 tháng 6 năm 2016 của Bộ trưởng Bộ Y tế quy định về quản lý trang thiết bị. \n\
Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2027. \n\
", "BỘ Y TẾ \n\
 \n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\
Độc lập - Tự do - Hạnh phúc \n\
 \n\
Số: 09/2027/TT-BYT \n\
 \n\
Hà Nội, ngày 03 tháng 3 năm 2027 \n\
 \n\
THÔNG TƯ \n\
Bãi bỏ một số văn bản quy phạm pháp luật do Bộ trưởng Bộ Y tế ban hành \n\
 \n\
Căn cứ Nghị định số 42/2026/NĐ-CP ngày 10 tháng 01 năm 2026 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Y tế; \n\
 \n\
Bộ trưởng Bộ Y tế ban hành Thông tư bãi bỏ một số văn bản quy phạm pháp luật. \n\
 \n\
Điều 1. Bãi bỏ toàn bộ 12 văn bản quy phạm pháp luật do Bộ trưởng Bộ Y tế ban \n\
hành sau đây: \n\
Người ký: \n\
CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ \n\
Email: \n\
congbao@chinhphu.vn \n\
Cơ quan: \n\
Văn phòng Chính phủ \n\
Thời gian ký: 11.03.2027 08:15:20 +07:00 \n\
 \n\
18\n\
CÔNG BÁO/Số 301 + 302/Ngày 12-03-2027 \n\
 \n\
1. Thông tư số 11/2014/TT-BYT ngày 05 tháng 4 năm 2014 của Bộ trưởng Bộ Y tế hướng dẫn Nghị định số 87/2011/NĐ-CP ngày 27 tháng 9 năm 2011 của Chính phủ. \n\
2. Thông tư số 23/2016/TT-BYT ngày 30 tháng 6 năm 2016 của Bộ trưởng Bộ Y tế quy định về quản lý trang thiết bị. \n\
Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2027. \n\
"] {
        let doc = vanban::parse(t);
        assert_eq!(rels(&doc, "11/2014/TT-BYT"), [Relation::Repeals]);
        assert_eq!(rels(&doc, "23/2016/TT-BYT"), [Relation::Repeals]);
        // What an item's own subject says is the item's.
        assert_eq!(rels(&doc, "87/2011/NĐ-CP"), [Relation::Guides]);
        assert_eq!(rels(&doc, "42/2026/NĐ-CP"), [Relation::Basis]);
    }
}

// 3. A second document under `Căn cứ`, joined to the object of the first's
// amendment and amending it too, is a basis of its own.
#[test]
fn ok_second_amending_basis() {
    let doc = vanban::parse("Căn cứ Nghị định số 55/2026/NĐ-CP ngày 02 tháng 3 năm 2026 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 năm 2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư và Nghị định số 19/2027/NĐ-CP ngày 14 tháng 2 năm 2027 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP; \n\
");
    assert_eq!(rels(&doc, "55/2026/NĐ-CP"), [Relation::Basis]);
    assert_eq!(rels(&doc, "19/2027/NĐ-CP"), [Relation::Basis]);
    let b = doc
        .citations
        .iter()
        .filter(|c| sym(c) == "31/2021/NĐ-CP")
        .map(|c| (c.relation, c.by))
        .collect::<Vec<_>>();
    assert_eq!(b, [(Relation::Amends, Some(0)), (Relation::Amends, Some(2))]);
}

// The object of an amendment joined by `và` to another object stays one.
#[test]
fn bad_second_object_is_no_basis() {
    let t = "Căn cứ Nghị định số 55/2026/NĐ-CP ngày 02 tháng 3 năm 2026 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 năm 2021 của Chính phủ quy định chi tiết một số điều của Luật Đầu tư và Nghị định số 19/2022/NĐ-CP ngày 14 tháng 2 năm 2022 của Chính phủ quy định về đầu tư;\n";
    let doc = vanban::parse(t);
    assert_eq!(rels(&doc, "19/2022/NĐ-CP"), [Relation::Amends]);
}

// 4. `Hướng dẫn ⏎thực hiện` split by the title's line break guides; a
// decision quoted as a criterion in a definition (`… là người … theo Quyết
// định số …`) is only mentioned.
#[test]
fn ok_guides_across_a_break_and_definitions() {
    let doc = vanban::parse("BỘ QUỐC PHÒNG \n\
 \n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\
Độc lập - Tự do - Hạnh phúc \n\
 \n\
Số: 41/2027/TT-BQP \n\
 \n\
Hà Nội, ngày 10 tháng 4 năm 2027 \n\
 \n\
THÔNG TƯ \n\
Hướng dẫn \n\
thực hiện một số điều của Quyết định số 33/2026/QĐ-TTg ngày \n\
12 tháng 8 năm 2026 của Thủ tướng Chính phủ về chế độ đối với quân nhân \n\
 \n\
Căn cứ Nghị định số 01/2027/NĐ-CP ngày 05 tháng 01 năm 2027 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Quốc phòng; \n\
 \n\
Bộ trưởng Bộ Quốc phòng ban hành Thông tư hướng dẫn thực \n\
hiện một số điều của Quyết định số 33/2026/QĐ-TTg ngày 12 tháng 8 năm 2026 của Thủ tướng Chính phủ về chế độ đối với quân nhân. \n\
 \n\
Điều 2. Giải thích từ ngữ \n\
1. Quân nhân đã phục viên là quân nhân đã được giải quyết chế độ theo Quyết định số 142-CT ngày 15 tháng 7 năm 1986 của Chủ tịch Hội đồng Bộ trưởng. \n\
2. Người thực hiện nhiệm vụ quốc tế là người được cử đi theo Quyết định số 95-CT ngày 03 tháng 4 năm 1984 của Chủ tịch Hội đồng Bộ trưởng. \n\
");
    assert_eq!(rels(&doc, "33/2026/QĐ-TTg"), [Relation::Guides, Relation::Guides]);
    assert_eq!(rels(&doc, "142-CT"), [Relation::Mentions]);
    assert_eq!(rels(&doc, "95-CT"), [Relation::Mentions]);
    let doc = vanban::parse("BỘ QUỐC PHÒNG \n\
 \n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\
Độc lập - Tự do - Hạnh phúc \n\
 \n\
Số: 41/2027/TT-BQP \n\
 \n\
Hà Nội, ngày 10 tháng 4 năm 2027 \n\
 \n\
THÔNG TƯ \n\
Hướng dẫn thực hiện một số điều của Quyết định số 33/2026/QĐ-TTg ngày \n\
12 tháng 8 năm 2026 của Thủ tướng Chính phủ về chế độ đối với quân nhân \n\
 \n\
Căn cứ Nghị định số 01/2027/NĐ-CP ngày 05 tháng 01 năm 2027 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Quốc phòng; \n\
 \n\
Bộ trưởng Bộ Quốc phòng ban hành Thông tư hướng dẫn thực hiện một số điều của Quyết định số 33/2026/QĐ-TTg ngày 12 tháng 8 năm 2026 của Thủ tướng Chính phủ về chế độ đối với quân nhân. \n\
 \n\
Điều 2. Giải thích từ ngữ \n\
1. Quân nhân đã phục viên là quân nhân đã được giải quyết chế độ theo Quyết định số 142-CT ngày 15 tháng 7 năm 1986 của Chủ tịch Hội đồng Bộ trưởng. \n\
2. Người thực hiện nhiệm vụ quốc tế là người được cử đi theo Quyết định số 95-CT ngày 03 tháng 4 năm 1984 của Chủ tịch Hội đồng Bộ trưởng. \n\
");
    assert_eq!(rels(&doc, "33/2026/QĐ-TTg"), [Relation::Guides, Relation::Guides]);
}

// A cue after the copula still governs (`Nhiệm vụ là thực hiện Nghị quyết
// số …`).
#[test]
fn ok_cue_after_copula() {
    let doc = vanban::parse(
        "Nhiệm vụ trọng tâm là triển khai Nghị quyết số 27-NQ/TW ngày 09/11/2029 của Ban Chấp hành Trung ương.\n",
    );
    assert_eq!(rels(&doc, "27-NQ/TW"), [Relation::Implements]);
}

// The same with the line broken after the first one's issuer (its subject
// read on the next line is no subject of it): the second is still a basis.
#[test]
fn ok_second_amending_basis_wrapped() {
    let doc = vanban::parse(
        "Căn cứ Nghị định số 55/2026/NĐ-CP ngày 02 tháng 3 năm 2026 của Chính phủ \n\
sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP ngày 26 tháng 3 \n\
năm 2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều \n\
của Luật Đầu tư và Nghị định số 19/2027/NĐ-CP ngày 14 tháng 2 năm 2027 của \n\
Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 31/2021/NĐ-CP; \n\
",
    );
    assert_eq!(rels(&doc, "55/2026/NĐ-CP"), [Relation::Basis]);
    assert_eq!(rels(&doc, "19/2027/NĐ-CP"), [Relation::Basis]);
    assert_eq!(rels(&doc, "31/2021/NĐ-CP"), [Relation::Amends, Relation::Amends]);
}

/// A repeal list broken by a page's end: the page's footnotes (one opening
/// a list of its own, one quoting an article that ends `như sau:`), the next
/// page's header, then the list's next items.
const FOOTNOTES_IN_LIST: &str = "Điều 9. Hiệu lực thi hành \n\
1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 8 năm 2028.  \n\
2. Thông tư này bãi bỏ toàn bộ các văn bản quy phạm pháp luật sau đây: \n\
a) Thông tư số 141/2016/TT-BTC ngày 20 tháng 9 năm 2016 của Bộ \n\
trưởng Bộ Tài chính hướng dẫn về lưu ký chứng khoán; \n\
 \n\
7 Văn bản này được hợp nhất từ 02 Thông tư sau: \n\
- Thông tư số 73/2027/TT-BTC ngày 02 tháng 10 năm 2027 của Bộ trưởng Bộ Tài chính; \n\
- Thông tư số 18/2028/TT-BTC ngày 03 tháng 4 năm 2028 của Bộ trưởng Bộ Tài chính. \n\
8 Điều 3 của Thông tư số 18/2028/TT-BTC ngày 03 tháng 4 năm 2028 của Bộ trưởng Bộ Tài \n\
chính sửa đổi, bổ sung một số điều của Thông tư số 73/2027/TT-BTC quy \n\
định như sau: \n\
“Điều 3. Hiệu lực thi hành \n\
1. Thông tư này có hiệu lực thi hành kể từ ngày 20 tháng 5 năm 2028. \n\
2. Các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Thông tư này./.”. \n\
 \n\
CÔNG BÁO/Số 512/Ngày 22-8-2028 \n\
87\n\
 \n\
b) Thông tư số 25/2017/TT-BTC ngày 30 tháng 3 năm 2017 của Bộ trưởng \n\
Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 141/2016/TT-BTC; \n\
c) Thông tư số 96/2018/TT-BTC ngày 12 tháng 10 năm 2018 của Bộ \n\
trưởng Bộ Tài chính hướng dẫn về bù trừ chứng khoán. \n\
Điều 10. Tổ chức thực hiện \n\
1. Các tổ chức báo cáo theo mẫu tại Phụ lục Thông tư số 96/2018/TT-BTC. \n";

// A list goes on across the footnotes at its page's foot: its items on
// the next page are repealed; the footnotes' citations keep their own
// clauses, and the list one of them opens ends with them.
#[test]
fn ok_list_goes_on_across_page_footnotes() {
    let doc = vanban::parse(FOOTNOTES_IN_LIST);
    assert_eq!(rels(&doc, "141/2016/TT-BTC"), [Relation::Repeals, Relation::Amends]);
    assert_eq!(rels(&doc, "25/2017/TT-BTC"), [Relation::Repeals]);
    assert_eq!(rels(&doc, "96/2018/TT-BTC"), [Relation::Repeals, Relation::Mentions]);
    assert_ne!(rels(&doc, "18/2028/TT-BTC").last(), Some(&Relation::Repeals));
    assert_eq!(rels(&doc, "73/2027/TT-BTC").last(), Some(&Relation::Amends));
}

// `được đính chính bởi`, `được điều chỉnh bởi` name the agent, as `được
// sửa đổi bởi` does: the decision corrects this document, which does not
// amend it; on one line or with the line broken after `bởi`.
#[test]
fn ok_corrected_by_names_the_agent() {
    for t in [
        "(Thông tư này được đính chính bởi Quyết định số 418/QĐ-BTC ngày 12 tháng 3 năm 2029 của Bộ trưởng Bộ Tài chính)\n",
        "Thông tư này được đính chính bởi \nQuyết định số 418/QĐ-BTC ngày 12 tháng 3 năm 2029 của Bộ trưởng Bộ Tài chính.\n",
        "Thông tư này được điều chỉnh bởi Quyết định số 418/QĐ-BTC ngày 12 tháng 3 năm 2029.\n",
    ] {
        let doc = vanban::parse(t);
        let c = &doc.citations[0];
        assert_eq!(c.relation, Relation::Mentions, "{t:?}");
        assert_eq!(c.acts.map(|a| (a.relation, a.target)), Some((Relation::Amends, None)), "{t:?}");
    }
}

// A verb on the line before, the provisions on the next (`Bãi bỏ điều kiện
// …⏎… quy định tại Điều 27 Nghị định số …`): read as the unwrapped line
// is, the verb governs; `thực hiện` whose object is a task does not.
#[test]
fn ok_verb_governs_provisions_across_a_line_break() {
    let doc = vanban::parse(
        "VI. Bãi bỏ điều kiện kinh doanh dịch vụ cho thuê kho tiếp nhận \nxăng dầu quy định tại Điều 27 Nghị định số 91/2027/NĐ-CP. \n",
    );
    assert_eq!(rels(&doc, "91/2027/NĐ-CP"), [Relation::Repeals]);
    let doc = vanban::parse(
        "1. Nghị quyết này quy định việc cắt giảm, sửa đổi ngành, nghề đầu tư kinh \ndoanh có điều kiện quy định tại Phụ lục IV của Luật Đầu tư số 77/2028/QH15. \n",
    );
    assert_eq!(rels(&doc, "77/2028/QH15"), [Relation::Amends]);
    let doc = vanban::parse(
        "Sở Tài chính chủ trì thực hiện nhiệm vụ kiểm tra, giám sát \nquy định tại Điều 17 Thông tư số 45/2028/TT-BTC. \n",
    );
    assert_eq!(rels(&doc, "45/2028/TT-BTC"), [Relation::Mentions]);
}

/// An annex table as pdftotext gives some: a row's number with its first
/// cell's words on the same line (`2  Xây dựng …`), a row cut by a page
/// break and going on under the header printed again, an empty cell as a
/// blank line, and a row whose task spans two sets of the other cells (two
/// sub-rows, each with its own `Căn cứ` cell).
const ANNEX_ROWS: &str = "Phụ lục \n\
DANH MỤC NHIỆM VỤ \n\
(Kèm theo Nghị quyết số 61/NQ-CP ngày 03 tháng 3 năm 2028 của Chính phủ) \n\
TT \n\
Tên nhiệm vụ \n\
Cơ quan  \n\
chủ trì  \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Căn cứ  \n\
bổ sung \n\
1  \n\
Rà soát quy định về đất đai \n\
Bộ Nông nghiệp \n\
Báo cáo \n\
2028 \n\
Nghị quyết \n\
số 44-\n\
NQ/TW \n\
2  Xây dựng cơ sở dữ liệu về hộ tịch theo \n\
Nghị quyết số 45-NQ/TW của Bộ Chính trị \n\
Bộ Tư pháp \n\
Cơ sở dữ liệu \n\
được vận hành \n\
 \n\
Nghị định số \n\
15/2028/NĐ-\n\
CP \n\
3  Hoàn thiện thể chế về kinh tế \n\
tư nhân theo Nghị quyết số 46-NQ/TW \n\
 \n\
CÔNG BÁO/Số 120/Ngày 10-03-2028 \n\
41\n\
 \n\
TT \n\
Tên nhiệm vụ \n\
Cơ quan  \n\
chủ trì  \n\
Kết quả \n\
Thời gian \n\
hoàn thành \n\
Căn cứ  \n\
bổ sung \n\
của Bộ Chính trị \n\
Bộ Tài chính \n\
Báo cáo \n\
chuyên đề \n\
Tháng \n\
5/2028 \n\
Chương \n\
trình số 31-\n\
CTr/BCĐ \n\
Bộ Tài chính \n\
Báo cáo kết quả \n\
theo Nghị quyết \n\
số \n\
46-NQ/TW \n\
Tháng \n\
11/2028 \n\
Chương \n\
trình số 32-\n\
CTr/BCĐ \n\
4  \n\
Tổng kết thi hành Luật \n\
Bộ Tư pháp \n\
Báo cáo \n\
2028 \n\
Nghị quyết \n\
số 44-\n\
NQ/TW \n\
";

// 5. Each row of that table is read: the last cell of a row whose number
// shares its line, of a row with a blank cell, of each sub-row; a task's
// cell, even right under the header printed again, is no basis.
#[test]
fn ok_annex_rows_as_pdftotext_gives_them() {
    let doc = vanban::parse(ANNEX_ROWS);
    assert_eq!(rels(&doc, "44-NQ/TW"), [Relation::Basis, Relation::Basis]);
    // Row 2: its number shares its line with the task; a blank cell.
    assert_eq!(rels(&doc, "45-NQ/TW"), [Relation::Mentions]);
    assert_eq!(rels(&doc, "15/2028/NĐ-CP"), [Relation::Basis]);
    // Row 3: cut by the page break, its sub-rows each end in a basis.
    assert_eq!(rels(&doc, "31-CTr/BCĐ"), [Relation::Basis]);
    assert_eq!(rels(&doc, "32-CTr/BCĐ"), [Relation::Basis]);
    // In task and result cells, the second right under the repeated header.
    assert_eq!(rels(&doc, "46-NQ/TW"), [Relation::Mentions, Relation::Mentions]);
}

// A guiding verb split by the line break inside it (`… hướng⏎dẫn thực hiện
// … của Quyết định số …`): read as the unwrapped line is, `guides`.
#[test]
fn ok_guiding_cue_split_by_a_line_break() {
    let doc = vanban::parse(
        "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng \ndẫn thực hiện một số điều của Quyết định số 71/2029/QĐ-TTg ngày 03 tháng 4 năm 2029. \n",
    );
    assert_eq!(rels(&doc, "71/2029/QĐ-TTg"), [Relation::Guides]);
    // Unwrapped, the same.
    let doc = vanban::parse(
        "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn thực hiện một số điều của Quyết định số 71/2029/QĐ-TTg ngày 03 tháng 4 năm 2029. \n",
    );
    assert_eq!(rels(&doc, "71/2029/QĐ-TTg"), [Relation::Guides]);
}

// `hướng dẫn thực hiện … quy định tại Nghị định số …`: the provisions
// guided are the decree's (`guides`, by the circular when it is cited);
// not when a law is named between or a clause opens with `thì`.
#[test]
fn ok_guides_provisions_quy_dinh_tai() {
    let doc = vanban::parse(
        "5. Thông tư số 17/2029/TT-BNV ngày 02/6/2029 của Bộ trưởng Bộ Nội vụ hướng dẫn thực hiện một số điều về thương lượng tập thể và giải quyết tranh chấp quy định tại \nNghị định số 33/2029/NĐ-CP ngày 12/01/2029 của Chính phủ. \n",
    );
    let c = doc.citations.iter().find(|c| sym(c) == "33/2029/NĐ-CP").unwrap();
    assert_eq!(c.relation, Relation::Guides);
    assert_eq!(c.by.map(|b| sym(&doc.citations[b])), Some("17/2029/TT-BNV".to_string()));
    let doc = vanban::parse(
        "1. Thông tư này hướng dẫn thực hiện chính sách nội trú quy định tại Quyết định số 61/2029/QĐ-TTg ngày 20 tháng 10 năm 2029 của Thủ tướng Chính phủ. \n",
    );
    assert_eq!(rels(&doc, "61/2029/QĐ-TTg"), [Relation::Guides]);
    for t in [
        "d) Trường hợp đã giao đất theo quy định chi tiết thi hành Luật Đất đai thì tiếp tục sử dụng đất theo hình thức quy định tại khoản 30 Điều 2 Nghị định số 02/2029/NĐ-CP. \n",
        "đ) Nghị định hướng dẫn thi hành Luật Chất lượng sản phẩm quy định tại khoản 1 Điều 25 Nghị định số 02/2029/NĐ-CP. \n",
    ] {
        let doc = vanban::parse(t);
        assert_eq!(rels(&doc, "02/2029/NĐ-CP"), [Relation::Mentions], "{t:?}");
    }
}

// After `được sửa đổi, bổ sung bởi`, a list of agents of the law's type goes
// on to the end; a document of another type after it, itself amended, does
// not make the agents before it patients.
#[test]
fn ok_agents_list_before_another_patient() {
    let doc = vanban::parse(
        "Việc xử lý vi phạm được thực hiện theo quy định tại Luật Xử lý vi phạm hành chính số 15/2029/QH15 được sửa đổi, bổ sung bởi Luật số 54/2030/QH15, Luật số 18/2031/QH15 và Luật số 67/2032/QH15 và Nghị định số 118/2030/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 168/2031/NĐ-CP. \n",
    );
    for s in ["54/2030/QH15", "18/2031/QH15", "67/2032/QH15"] {
        let c = doc.citations.iter().find(|c| sym(c) == s).unwrap();
        assert_eq!(c.relation, Relation::Mentions, "{s}");
        assert_eq!(c.acts.map(|a| a.relation), Some(Relation::Amends), "{s}");
    }
}
