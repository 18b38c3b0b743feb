//! The scope of an implementing cue over a coordinated list (issue 19,
//! relations of the clause): every item of `Thực hiện A …; B …; C …, <the
//! author> ban hành …` is implemented, however long and wrapped the items'
//! tails; a cue inside an item is the item's (`by`); the scope ends at the
//! main clause, the sentence's end or another cue. Synthetic text with
//! numbers of its own; one real document when the corpus is beside the
//! repository.

use vanban::{Citation, Document, Relation};

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

/// (symbol, relation, by) of every citation, in order.
fn rels(doc: &Document) -> Vec<(String, Relation, Option<usize>)> {
    doc.citations.iter().map(|c| (sym(c), c.relation, c.by)).collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

use Relation::{Basis, Implements, Mentions};

#[test]
fn ok_every_item_of_an_implementing_list() {
    // `;` between items, each with its tail; the third on a wrapped line.
    let t = "Thực hiện Quyết định số 4021/QĐ-TTg ngày 15/8/2029 của Thủ tướng Chính phủ về việc phê duyệt Đề án phát triển kinh tế tập thể giai đoạn 2029 - 2035; Nghị quyết số 31/2030/NQ-HĐND ngày 10/7/2030 của HĐND tỉnh về một số chính sách hỗ trợ phát triển\nnông nghiệp; Quyết định số 5607/QĐ-UBND ngày 03/02/2031 của UBND tỉnh ban hành Quy định quản lý du lịch, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("4021/QĐ-TTg"), Implements, None),
            (s("31/2030/NQ-HĐND"), Implements, None),
            (s("5607/QĐ-UBND"), Implements, None),
        ]
    );
    // Hard-wrapped everywhere, inside the items and between them.
    let t = "Thực hiện Quyết định số 7710/QĐ-TTg ngày 11/11/2028 của Thủ\ntướng Chính phủ về việc phê duyệt Chương trình chuyển đổi số quốc gia đến năm\n2035, định hướng đến năm 2040; Nghị quyết số 19/2029/NQ-HĐND ngày 14/7/2029\ncủa Hội đồng nhân dân tỉnh về một số chính sách; Quyết định số 8802/QĐ-UBND\nngày 20/9/2029 của UBND tỉnh ban hành Quy định về quản lý, Sở Thông tin và\nTruyền thông ban hành Kế hoạch như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("7710/QĐ-TTg"), Implements, None),
            (s("19/2029/NQ-HĐND"), Implements, None),
            (s("8802/QĐ-UBND"), Implements, None),
        ]
    );
    // `,` and `và` between items; `triển khai` and `quán triệt và thực
    // hiện`; an item alone on its line after `;`.
    let t = "Triển khai Công văn số 1290/BGDĐT-GDPT ngày 08/4/2030 của Bộ Giáo dục và Đào tạo về việc hướng dẫn tổ chức dạy học,\nCông văn số 385/SGDĐT-GDPT ngày 15/4/2030 của Sở Giáo dục và Đào tạo về việc\ntổ chức kiểm tra, Phòng Giáo dục và Đào tạo yêu cầu các trường thực hiện như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("1290/BGDĐT-GDPT"), Implements, None),
            (s("385/SGDĐT-GDPT"), Implements, None)
        ]
    );
    let t = "Quán triệt và thực hiện Nghị quyết số 48-NQ/TW ngày 24/01/2029 của Bộ Chính trị về xây dựng và phát triển thành phố đến năm 2040, tầm nhìn đến năm 2050 và\nNghị quyết số 63/NQ-CP ngày 10/5/2029 của Chính phủ ban hành Chương trình hành động, Ban Thường vụ Huyện ủy ban hành Chương trình như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![(s("48-NQ/TW"), Implements, None), (s("63/NQ-CP"), Implements, None)]
    );
    let t = "Thực hiện Quyết định số 918/QĐ-TTg ngày 10/6/2029 của Thủ tướng Chính phủ về việc\nban hành Kế hoạch thực hiện Nghị quyết số 77/NQ-CP ngày 01/4/2029 của Chính phủ;\nQuyết định số 939/QĐ-UBND ngày 20/7/2029 của UBND tỉnh về việc ban hành Kế hoạch,\nSở Nội vụ ban hành Kế hoạch như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("918/QĐ-TTg"), Implements, None),
            (s("77/NQ-CP"), Implements, Some(0)),
            (s("939/QĐ-UBND"), Implements, None),
        ]
    );
}

#[test]
fn ok_an_item_read_into_the_subject_before_it() {
    // The first item's verb (`phê duyệt`) reads on over commas into the
    // next item: the next item is the list's, not the verb's object.
    let t = "Thực hiện Quyết định số 2719/QĐ-TTg ngày 14/10/2031 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2031 - 2040, giai đoạn I: từ năm 2031 đến năm 2035 và các văn bản hướng dẫn có liên quan, Quyết định số 3300/QĐ-UBND ngày 30/12/2031 của UBND tỉnh về việc giao kế hoạch vốn, UBND huyện ban hành Kế hoạch như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("2719/QĐ-TTg"), Implements, None),
            (s("3300/QĐ-UBND"), Implements, None)
        ]
    );
    // So in an amending title: each law after the first is amended too.
    let t = "Thông tư số 61/2031/TT-BNV ngày 26/12/2031 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung một số điều của Thông tư số 52/2029/TT-BNV ngày 20/10/2029 quy định về đào tạo trình độ sơ cấp, Thông tư số 53/2029/TT-BNV ngày 20/10/2029 quy định về đào tạo thường xuyên.";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("61/2031/TT-BNV"), Mentions, None),
            (s("52/2029/TT-BNV"), Relation::Amends, Some(0)),
            (s("53/2029/TT-BNV"), Relation::Amends, Some(0)),
        ]
    );
}

#[test]
fn ok_an_amending_title_goes_on_past_its_wrapped_subject() {
    // The title's subject read stops at a wrapped line (`Bộ⏎Tài chính`);
    // the documents joined after it by `và` are amended too.
    let t = "Căn cứ Thông tư số 148/2032/TT-BTC ngày 30 tháng 12 năm 2032 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư 96/2031/TT-BTC ngày 16 tháng 11 năm 2031 của Bộ trưởng Bộ\nTài chính hướng dẫn giám sát giao dịch chứng khoán và Thông tư số 07/2032/TT-BTC ngày 08 tháng 02 năm 2032 của Bộ trưởng Bộ Tài chính hướng dẫn công tác giám sát tuân thủ;";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("148/2032/TT-BTC"), Basis, None),
            (s("96/2031/TT-BTC"), Relation::Amends, Some(0)),
            (s("07/2032/TT-BTC"), Relation::Amends, Some(0)),
        ]
    );
}

#[test]
fn ok_cues_inside_an_item_are_the_items() {
    let t = "Quán triệt và thực hiện Kế hoạch số 215-KH/TU ngày 20/5/2031 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 64-KL/TW ngày 25/10/2030 của Ban Bí thư và Kết luận số 82-KL/TU ngày 03/01/2031 của Ban Thường vụ Tỉnh ủy; Quyết định số 1789/QĐ-UBND ngày 01/6/2031 của UBND tỉnh ban hành Quy định hướng dẫn thực hiện Nghị quyết số 27/2030/NQ-HĐND ngày 10/12/2030 của HĐND tỉnh; Kế hoạch số 156/KH-UBND ngày 15/3/2031 của UBND tỉnh triển khai Quyết định số 2460/QĐ-TTg ngày 01/9/2030 của Thủ tướng Chính phủ, Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("215-KH/TU"), Implements, None),
            (s("64-KL/TW"), Implements, Some(0)),
            (s("82-KL/TU"), Implements, None),
            (s("1789/QĐ-UBND"), Implements, None),
            (s("27/2030/NQ-HĐND"), Relation::Guides, Some(3)),
            (s("156/KH-UBND"), Implements, None),
            (s("2460/QĐ-TTg"), Implements, Some(5)),
        ]
    );
}

#[test]
fn ok_the_scope_ends() {
    // At the main clause: its own citation keeps its own cue (none here).
    let t = "Thực hiện Quyết định số 611/QĐ-UBND ngày 05/01/2031 của UBND tỉnh về việc giao chỉ tiêu, UBND huyện yêu cầu các xã báo cáo theo mẫu tại Công văn số 622/UBND-VP ngày 06/01/2031 của UBND huyện.";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![(s("611/QĐ-UBND"), Implements, None), (s("622/UBND-VP"), Mentions, None)]
    );
    // At a comma and a new subject with its verb, even before a separator.
    let t = "Thực hiện Quyết định số 633/QĐ-UBND ngày 05/01/2031 của UBND tỉnh về việc giao chỉ tiêu, Ủy ban nhân dân huyện ban hành kế hoạch, Công văn số 644/UBND-VP ngày 06/01/2031 của UBND huyện nêu rõ.";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![(s("633/QĐ-UBND"), Implements, None), (s("644/UBND-VP"), Mentions, None)]
    );
    // At the sentence's end.
    let t = "Thực hiện Quyết định số 655/QĐ-UBND ngày 05/01/2031 của UBND tỉnh về việc giao chỉ tiêu. Nghị quyết số 66/NQ-HĐND ngày 06/01/2031 của HĐND huyện quy định mức chi.";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![(s("655/QĐ-UBND"), Implements, None), (s("66/NQ-HĐND"), Mentions, None)]
    );
    let t = "Thực hiện Quyết định số 677/QĐ-UBND ngày 05/01/2031 của UBND tỉnh về việc giao chỉ tiêu\n\nNghị quyết số 68/NQ-HĐND ngày 06/01/2031 của HĐND huyện, Công văn số 699/UBND-VP ngày 07/01/2031.";
    let r = rels(&vanban::parse(t));
    assert_eq!(r[1].1, Mentions, "{r:?}");
    assert_eq!(r[2].1, Mentions, "{r:?}");
    // At another cue, whose list goes on.
    let t = "Thực hiện Quyết định số 711/QĐ-UBND ngày 05/01/2031 của UBND tỉnh về việc giao chỉ tiêu; căn cứ Nghị quyết số 72/NQ-HĐND ngày 06/01/2031 của HĐND huyện về dự toán, Công văn số 733/UBND-VP ngày 07/01/2031 của UBND huyện, Phòng Tài chính ban hành Hướng dẫn như sau:";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("711/QĐ-UBND"), Implements, None),
            (s("72/NQ-HĐND"), Basis, None),
            (s("733/UBND-VP"), Basis, None),
        ]
    );
    // After an item with no citation (`;` with other text before it).
    let t = "Căn cứ Nghị định số 45/2031/NĐ-CP ngày 02/3/2031 của Chính phủ quy định chức năng;\nTheo đề nghị của Vụ trưởng Vụ Pháp chế;\nBộ trưởng ban hành Thông tư hướng dẫn Luật Thuế và Nghị định số 46/2031/NĐ-CP ngày 03/3/2031.";
    let r = rels(&vanban::parse(t));
    assert_eq!(r[0].1, Basis, "{r:?}");
    assert_ne!(r[1].1, Basis, "{r:?}");
}

#[test]
fn ok_items_with_a_pinpoint() {
    // An item naming a part of its document: still an item of the list.
    let t = "Điều 4. Thông tư này thay thế Thông tư số 23/2031/TT-BXD ngày 31\ntháng 8 năm 2031, Thông tư số 71/2032/TT-BXD ngày 22 tháng 01 năm 2032,\nĐiều 12 Thông tư số 19/2032/TT-BXD ngày 13 tháng 6 năm 2032.";
    assert_eq!(
        rels(&vanban::parse(t)),
        vec![
            (s("23/2031/TT-BXD"), Relation::Replaces, None),
            (s("71/2032/TT-BXD"), Relation::Replaces, None),
            (s("19/2032/TT-BXD"), Relation::Replaces, None),
        ]
    );
    // Not between two pinpoints of one document, nor after a restatement
    // that closes the outer one.
    let t = "[Khoản này được hướng dẫn bởi Điều 8 Nghị định 71/2031/NĐ-CP nay được sửa đổi bởi Khoản 3 Điều 1; Điểm a Khoản 1 Điều 3 Nghị định 75/2033/NĐ-CP]";
    let doc = vanban::parse(t);
    let last = doc.citations.last().expect("a citation");
    assert_ne!(
        last.acts.map(|a| a.relation),
        Some(Relation::Guides),
        "{:?}",
        doc.citations
    );
    let t = "điểm a khoản 3 Điều 11 Thông tư số 29/2031/TT-BNV ngày 28/6/2031 của Bộ trưởng Bộ Nội vụ hướng dẫn thi hành một số điều của Nghị định số 61/2030/NĐ-CP (sau đây gọi tắt là Thông tư số 29/2031/TT-BNV), điểm a khoản 5 Điều 12 Thông tư số 47/2032/TT-BNV.";
    let r = rels(&vanban::parse(t));
    assert_eq!(r.last(), Some(&(s("47/2032/TT-BNV"), Mentions, None)), "{r:?}");
}

#[test]
fn ok_lists_of_agents_and_patients() {
    // The agents of a passive verb, listed over lines: each acts on the
    // law; a named law after them goes on the list of what undergoes it.
    let t = "theo quy định của Luật Dạy nghề số 71/2031/QH15, Luật Giáo dục số\n38/2030/QH15 đã được sửa đổi, bổ sung một số điều theo Luật số\n44/2032/QH15, Luật số 45/2032/QH15, Luật giáo dục đại học số 08/2033/QH15 có trách nhiệm";
    let doc = vanban::parse(t);
    let acts = |k: usize| doc.citations[k].acts.map(|a| a.relation);
    assert_eq!(acts(2), Some(Relation::Amends), "{:?}", doc.citations);
    assert_eq!(acts(3), Some(Relation::Amends), "{:?}", doc.citations);
    assert_eq!(acts(4), None, "{:?}", doc.citations);
    // After `;` the clause's own list goes on, back past the agents.
    let t = "Căn cứ Luật Đất đai số 52/2031/QH15 được sửa đổi, bổ sung bởi Luật số 53/2032/QH15, Luật số 54/2032/QH15 về\nđất đai; Nghị định số 55/2032/NĐ-CP ngày 01/01/2033 của Chính phủ.";
    let r = rels(&vanban::parse(t));
    assert_eq!(r[0].1, Basis, "{r:?}");
    assert_eq!(r[3].1, Basis, "{r:?}");
}

/// A real plan's task: `quán triệt Chỉ thị số …; Quyết định số …; Kế
/// hoạch số …` (all carried out), when the corpus is beside the
/// repository.
#[test]
fn ok_real_list_of_a_plan() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/docs/tvpl_johnpa02__179_Quyet_dinh_435_QD_UBND_nam_2020.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let doc = vanban::parse(&text);
    let line = text
        .lines()
        .position(|l| l.contains("quán triệt Chỉ thị số 37"))
        .expect("the task's line")
        + 1;
    let on_line: Vec<_> = doc.citations.iter().filter(|c| c.line == line).collect();
    let rel = |s: &str| on_line.iter().find(|c| sym(c) == s).map(|c| c.relation);
    assert_eq!(rel("416/QĐ-TTg"), Some(Implements), "{on_line:?}");
    assert_eq!(rel("119-KH/TU"), Some(Implements), "{on_line:?}");
}

/// A số ký hiệu broken at a spaced hyphen across a line (`473/TTr -⏎
/// NN&PTNT`): one symbol when the next line opens with an issuer's code,
/// in capitals, after a type code with no issuer; not otherwise.
#[test]
fn ok_symbol_broken_at_a_spaced_hyphen() {
    let t = "Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 286/TTr -\nNN&PTNT ngày 05/6/2031 về việc phê duyệt dự án.\nTheo Quyết định số 17/QĐ-UBND -\nUBND tỉnh đã ban hành.\nTheo Tờ trình số 91/TTr -\nNgày 05/6/2031 Sở trình.";
    let doc = vanban::parse(t);
    let syms: Vec<String> = doc.citations.iter().map(sym).collect();
    assert_eq!(syms, ["286/TTr-NN&PTNT", "17/QĐ-UBND", "91/TTr"]);
    assert_eq!(
        doc.citations[0].date.map(|d| d.to_string()).as_deref(),
        Some("2031-06-05")
    );
    let spacing: Vec<&str> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "symbol-spacing")
        .filter_map(|d| d.span.map(|s| &t[s.start..s.end]))
        .collect();
    assert_eq!(spacing, [" -\n"]);
}
