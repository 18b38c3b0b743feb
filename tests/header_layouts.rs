//! The document's own header on every layout issue 18 names: issuers over
//! several lines, parents over units, joint documents; the subject and where
//! it ends; the signature in all its forms and places; Công điện recipients;
//! one-line and torn headers; consolidated texts; gazette pages; symbols as
//! printed in headers; stray NUL bytes.
//!
//! Each layout is tested on a made-up text with other names and numbers
//! than the real documents, and, when the shared corpus is beside the
//! repository, on the real documents the issue names (values read from the
//! documents).

use vanban::{Document, Severity};

fn parse(text: &str) -> Document {
    vanban::parse(text)
}

fn sig(doc: &Document) -> (Vec<&str>, Option<&str>, Option<&str>) {
    let s = doc.signature.as_ref().expect("a signature");
    (
        s.authority.iter().map(String::as_str).collect(),
        s.position.as_deref(),
        s.signer.as_deref(),
    )
}

fn symbol(doc: &Document) -> Option<String> {
    doc.symbol.as_ref().map(ToString::to_string)
}

/// A document of the shared corpus, when it is beside the repository.
fn corpus(rel: &str) -> Option<Document> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("note: {} is absent; this part of the test skipped", path.display());
        return None;
    };
    Some(vanban::parse_bytes(&bytes, &vanban::ParseOptions::default()).expect("a corpus document is text"))
}

// ---------------------------------------------------------------------------
// Issuers

#[test]
fn issuer_over_two_lines_is_one_body() {
    for (head, want) in [
        ("BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
        ("NGÂN HÀNG NHÀ NƯỚC\nVIỆT NAM", "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"),
        ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI", "ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
        (
            "BỘ LAO ĐỘNG - THƯƠNG\nBINH VÀ XÃ HỘI",
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        ),
    ] {
        let text = format!(
            "{head}\nSố: 17/2024/TT-BVHTTDL\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Hà Nội, ngày 09 tháng 8 năm 2024\nTHÔNG TƯ\nQuy định một việc\nCăn cứ Luật số 1/2015/QH13;\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.issuer.as_deref(), Some(want), "{head:?}");
        assert_eq!(doc.issuer_parent, None, "{head:?}");
        assert_eq!(doc.issuers, [want], "{head:?}");
    }
}

#[test]
fn parent_over_unit_on_two_lines_or_one_without_trailing_hyphen() {
    for head in [
        "BỘ TÀI CHÍNH\nCỤC THUẾ",
        "BỘ TÀI CHÍNH -\nCỤC THUẾ",
        "**BỘ TÀI CHÍNH - CỤC THUẾ**",
        "BỘ TÀI CHÍNH – CỤC THUẾ",
    ] {
        let text = format!(
            "{head}\nSố: 512/QĐ-CT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Hà Nội, ngày 02 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề một việc\nCăn cứ Luật số 1/2015/QH13;\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.issuer.as_deref(), Some("CỤC THUẾ"), "{head:?}");
        assert_eq!(doc.issuer_parent.as_deref(), Some("BỘ TÀI CHÍNH"), "{head:?}");
    }
    // A unit word that ends a name is part of it (`BỘ QUỐC PHÒNG`).
    let doc = parse("BỘ QUỐC PHÒNG\nSố: 58/2021/TT-BQP\nHà Nội, ngày 28 tháng 5 năm 2021\n");
    assert_eq!(doc.issuer.as_deref(), Some("BỘ QUỐC PHÒNG"));
    assert_eq!(doc.issuer_parent, None);
}

#[test]
fn name_broken_after_a_hyphen_keeps_it() {
    // The hyphen ends the first line, or opens the second; a rule under the
    // name is not a hyphen.
    for (head, want) in [
        (
            "BỘ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI",
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        ),
        (
            "BỘ LAO ĐỘNG\n- THƯƠNG BINH VÀ XÃ HỘI",
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        ),
        (
            "BỘ LAO ĐỘNG –\nTHƯƠNG BINH VÀ XÃ HỘI",
            "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
        ),
        ("BỘ KHOA HỌC -\nCÔNG NGHỆ", "BỘ KHOA HỌC - CÔNG NGHỆ"),
        ("ỦY BAN NHÂN DÂN ------\nTỈNH GIA LAI", "ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
        ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n-------", "ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
    ] {
        let text = format!(
            "{head}\nSố: 23/2025/TT-BLĐTBXH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             Hà Nội, ngày 11 tháng 2 năm 2025\nTHÔNG TƯ\nQuy định một việc\nCăn cứ Luật số 1/2015/QH13;\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.issuer.as_deref(), Some(want), "{head:?}");
        assert_eq!(doc.issuer_parent, None, "{head:?}");
    }
}

#[test]
fn two_column_header_interleaved_line_by_line() {
    // A two-column header (issuer and number left, motto and date right)
    // whose columns a copy interleaved line by line: the left column's
    // lines are the issuer, the right column's the motto.
    for (head, issuer, parent) in [
        (
            "NGÂN HÀNG NHÀ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVIỆT NAM Độc lập - Tự do - Hạnh phúc",
            "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM",
            None,
        ),
        (
            "**ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n**TỈNH ĐẮK NÔNG Độc lập - Tự do - Hạnh phúc**",
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            None,
        ),
        (
            "BỘ LAO ĐỘNG - CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHƯƠNG BINH VÀ XÃ HỘI Độc lập - Tự do - Hạnh phúc\n------- ---------------",
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
            None,
        ),
        (
            "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc",
            "CỤC HẢI QUAN",
            Some("BỘ TÀI CHÍNH"),
        ),
        // The motto's second line on a line of its own: nothing to carry on.
        (
            "BỘ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "BỘ TƯ PHÁP",
            None,
        ),
    ] {
        let text = format!(
            "{head}\nSố: 14/2025/TT-NHNN Hà Nội, ngày 30 tháng 6 năm 2025\n\nTHÔNG TƯ\nQuy định một việc\n\
             Căn cứ Luật số 1/2015/QH13;\n"
        );
        let doc = parse(&text);
        assert_eq!(doc.issuer.as_deref(), Some(issuer), "{head:?}");
        assert_eq!(doc.issuer_parent.as_deref(), parent, "{head:?}");
        assert_eq!(symbol(&doc).as_deref(), Some("14/2025/TT-NHNN"), "{head:?}");
        assert_eq!(doc.subject.as_deref(), Some("Quy định một việc"), "{head:?}");
    }
    // The number in the left column beside the motto, the issuer above.
    let doc = parse(
        "BỘ Y TẾ\nSố: 31/2025/TT-BYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         Hà Nội, ngày 30 tháng 6 năm 2025\nTHÔNG TƯ\nQuy định một việc\nCăn cứ Luật số 1/2015/QH13;\n",
    );
    assert_eq!(doc.issuer.as_deref(), Some("BỘ Y TẾ"));
    assert_eq!(symbol(&doc).as_deref(), Some("31/2025/TT-BYT"));
    // The cells one a line, the columns alternating: the motto's lines
    // between the issuer's.
    for (head, issuer, parent) in [
        (
            "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐẮK NÔNG\nĐộc lập - Tự do - Hạnh phúc",
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG",
            None,
        ),
        (
            "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nCỤC HẢI QUAN\n\nĐộc lập - Tự do - Hạnh phúc\n-------",
            "CỤC HẢI QUAN",
            Some("BỘ TÀI CHÍNH"),
        ),
    ] {
        let doc = parse(&format!(
            "{head}\nSố: 14/2025/TT-NHNN\nHà Nội, ngày 30 tháng 6 năm 2025\nTHÔNG TƯ\nQuy định một việc\n\
             Căn cứ Luật số 1/2015/QH13;\n"
        ));
        assert_eq!(doc.issuer.as_deref(), Some(issuer), "{head:?}");
        assert_eq!(doc.issuer_parent.as_deref(), parent, "{head:?}");
    }
    // A title between the motto's lines is no issuer.
    let doc = parse(
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ ĐỊNH\nĐộc lập - Tự do - Hạnh phúc\n\
         Số: 14/2025/NĐ-CP\nHà Nội, ngày 30 tháng 6 năm 2025\nQuy định một việc\nCăn cứ Luật số 1/2015/QH13;\n",
    );
    assert_eq!(doc.issuer.as_deref(), Some("CHÍNH PHỦ"));
    assert_eq!(doc.doc_type.as_deref(), Some("Nghị định"));
    // A Party header: the Party's motto has no second line, the unit's
    // line comes alone under the parent printed beside it.
    let doc = parse(
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY ĐẠ TẺH\n*\nSố 87-CV/HU Đạ Tẻh, ngày 04 tháng 9 năm 2024\n\
         V/v tăng cường một việc\n\nKính gửi: Các chi bộ trực thuộc.\n",
    );
    assert_eq!(doc.issuer.as_deref(), Some("HUYỆN ỦY ĐẠ TẺH"));
    assert_eq!(doc.issuer_parent.as_deref(), Some("ĐẢNG BỘ TỈNH LÂM ĐỒNG"));
    assert_eq!(symbol(&doc).as_deref(), Some("87-CV/HU"));
    // The number beside the motto's second line: the issuer is the line
    // beside its first, and the title after them is not carried on into it.
    let doc = parse(
        "BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 31/2025/TT-BYT Độc lập - Tự do - Hạnh phúc\n\
         Hà Nội, ngày 30 tháng 6 năm 2025\nTHÔNG TƯ\nQUY ĐỊNH MỘT VIỆC\nCăn cứ Luật số 1/2015/QH13;\n",
    );
    assert_eq!(doc.issuer.as_deref(), Some("BỘ Y TẾ"));
    assert_eq!(symbol(&doc).as_deref(), Some("31/2025/TT-BYT"));
    assert_eq!(doc.subject.as_deref(), Some("QUY ĐỊNH MỘT VIỆC"));
    // Real text: a curated copy interleaves NGÂN HÀNG NHÀ NƯỚC / VIỆT NAM with the motto;
    // a gazette page breaks BỘ LAO ĐỘNG - / THƯƠNG BINH VÀ XÃ HỘI after the hyphen.
    if let Some(doc) = corpus(
        "docs/curated_diepxuan__0329_thong_tu_07_2026_tt_nhnn_sua_doi_thong_tu_17_2016_tt_nhnn_moi_gioi_tien_te.md",
    ) {
        assert_eq!(doc.issuer.as_deref(), Some("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM"));
        assert_eq!(symbol(&doc).as_deref(), Some("07/2026/TT-NHNN"));
    }
    if let Some(doc) = corpus("gazette/docs/cb_246_thong_tu_so_19_2021_tt_bldtbxh_36628.txt") {
        assert_eq!(doc.issuer.as_deref(), Some("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"));
    }
    // Word files read into text: the columns beside each other, and one
    // cell a line alternating.
    if let Some(doc) = corpus("formats/doc/2011_12_28_0211000000133726!~!CT9UB.DOC") {
        assert_eq!(doc.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"));
        assert_eq!(symbol(&doc).as_deref(), Some("09/2009/CT-UBND"));
    }
    if let Some(doc) = corpus("formats/doc/2011_12_28_0209000000931166!~!QD9UB2.DOC") {
        assert_eq!(doc.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"));
    }
    if let Some(doc) = corpus("formats/docx/1. QĐ phê duyệt kết quả kỳ xét thăng hạng 2025.docx") {
        assert_eq!(doc.issuer.as_deref(), Some("SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
        assert_eq!(doc.issuer_parent.as_deref(), Some("UBND TỈNH ĐỒNG THÁP"));
        assert_eq!(symbol(&doc).as_deref(), Some("337/QĐ-SGDĐT"));
    }
}

#[test]
fn joint_document_lists_its_issuers() {
    let text = "BỘ NỘI VỤ - BỘ TÀI CHÍNH - BỘ Y TẾ -------\n\
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n\
        Số:\n07/2019/TTLT-BNV-\nBTC-BYT\nHà Nội, ngày 12 tháng 3 năm 2019\nTHÔNG TƯ LIÊN TỊCH\nHướng dẫn một việc\n\
        Căn cứ Luật số 1/2015/QH13;\n";
    let doc = parse(text);
    assert_eq!(doc.issuers, ["BỘ NỘI VỤ", "BỘ TÀI CHÍNH", "BỘ Y TẾ"]);
    assert_eq!(doc.issuer.as_deref(), Some("BỘ NỘI VỤ"));
    assert_eq!(doc.issuer_parent, None);
    // The joint symbol broken at a hyphen over two lines.
    assert_eq!(symbol(&doc).as_deref(), Some("07/2019/TTLT-BNV-BTC-BYT"));
    assert_eq!(doc.doc_type.as_deref(), Some("Thông tư liên tịch"));
    // Two bodies of a joint symbol on two lines.
    let text = "BỘ CÔNG AN\nVIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\nSố: 02/2023/TTLT-BCA-VKSNDTC\n\
        Hà Nội, ngày 01 tháng 6 năm 2023\n";
    let doc = parse(text);
    assert_eq!(doc.issuers, ["BỘ CÔNG AN", "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO"]);
}

#[test]
fn gazette_banner_repeating_the_issuer_is_read_once() {
    let text = "CÔNG BÁO/Số 301 + 302/Ngày 17-4-2022\n3\nVĂN BẢN QUY PHẠM PHÁP LUẬT\n\
        BỘ GIAO THÔNG VẬN TẢI\nBỘ GIAO THÔNG\nVẬN TẢI\nSố: 11/2022/TT-BGTVT\n\
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 30 tháng 6 năm 2022\n\
        THÔNG TƯ\nQuy định một việc\nCăn cứ Luật số 1/2015/QH13;\n";
    let doc = parse(text);
    assert_eq!(doc.issuer.as_deref(), Some("BỘ GIAO THÔNG VẬN TẢI"));
    assert_eq!(doc.issuer_parent, None);
}

#[test]
fn copy_preamble_and_headings_are_not_the_header() {
    let text =
        "# Thông báo 512/TB-VPCP\n\n## THÔNG TIN VĂN BẢN\n\n**Số:** 999/TB-XXX\n\n**Cơ quan ban hành:** Văn phòng\n\n\
        ## VĂN BẢN\n\nVĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n\
        **Số:** 512/TB-VPCP\n\nHà Nội, ngày 03 tháng 9 năm 2025\n\n**THÔNG BÁO**\n\n\
        **Kết luận của Phó Thủ tướng tại một buổi làm việc**\n\nNgày 01 tháng 9 năm 2025, Phó Thủ tướng đã làm việc.\n";
    let doc = parse(text);
    assert_eq!(doc.issuer.as_deref(), Some("VĂN PHÒNG CHÍNH PHỦ"));
    assert_eq!(symbol(&doc).as_deref(), Some("512/TB-VPCP"));
    assert_eq!(doc.doc_type.as_deref(), Some("Thông báo"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("Kết luận của Phó Thủ tướng tại một buổi làm việc")
    );
    // A heading that names a body is the issuer.
    let doc = parse("### BỘ TƯ PHÁP\n### CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 08/2025/TT-BTP\n");
    assert_eq!(doc.issuer.as_deref(), Some("BỘ TƯ PHÁP"));
}

// ---------------------------------------------------------------------------
// Subject

#[test]
fn subject_stops_at_the_authority_line() {
    let text = "BỘ Y TẾ\nSố: 41/2024/TT-BYT\nHà Nội, ngày 02 tháng 12 năm 2024\nTHÔNG TƯ\n\
        Quy định chi tiết một số điều\ncủa Luật Khám bệnh, chữa bệnh\nBỘ TRƯỞNG BỘ Y TẾ\nCăn cứ Luật số 1/2015/QH13;\n";
    let doc = parse(text);
    assert_eq!(
        doc.subject.as_deref(),
        Some("Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh")
    );
    // The authority line glued to an upper-case subject by a copy that
    // collapses the header (`… NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP`).
    let text = "BỘ NỘI VỤ -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n\
        Số: 88/QĐ-BNV Hà Nội, ngày 12 tháng 02 năm 2018 QUYẾT ĐỊNH V/V BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2018 CỦA \
        BỘ NỘI VỤ BỘ TRƯỞNG BỘ NỘI VỤ\nCăn cứ Nghị định số 34/2017/NĐ-CP;\n";
    let doc = parse(text);
    assert_eq!(doc.doc_type.as_deref(), Some("Quyết định"));
    assert_eq!(
        doc.subject.as_deref(),
        Some("BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2018 CỦA BỘ NỘI VỤ")
    );
}

#[test]
fn subject_of_a_letter_after_v_v() {
    let text = "UBND TỈNH AN GIANG\nSỞ TÀI CHÍNH\nSố: 1203/STC-NS\nV/V triển khai một việc\nvề ngân sách\n\
        An Giang, ngày 04 tháng 4 năm 2025\nKính gửi: Các sở, ngành.\nThực hiện Công văn số 12/UBND-KT.\n";
    let doc = parse(text);
    assert_eq!(doc.subject.as_deref(), Some("triển khai một việc về ngân sách"));
    assert_eq!(doc.doc_type.as_deref(), Some("Công văn"));
    assert_eq!(doc.issuer.as_deref(), Some("SỞ TÀI CHÍNH"));
    assert_eq!(doc.issuer_parent.as_deref(), Some("UBND TỈNH AN GIANG"));
}

// ---------------------------------------------------------------------------
// Signature

const BODY: &str =
    "BỘ CÔNG THƯƠNG\nSố: 19/2025/TT-BCT\nHà Nội, ngày 14 tháng 3 năm 2025\nTHÔNG TƯ\nQuy định một việc\n\
    Căn cứ Luật số 1/2015/QH13;\nĐiều 1. Phạm vi\nThông tư này quy định.\n";

#[test]
fn signature_before_nơi_nhận_with_a_mixed_case_position() {
    let text = format!(
        "{BODY}KT. BỘ TRƯỞNG\nThứ trưởng\n\nNguyễn Văn Năm\n\nNơi nhận:\n- Như trên;\n- Bộ Tư pháp;\n- Lưu: VT.\n"
    );
    let doc = parse(&text);
    assert_eq!(
        sig(&doc),
        (vec!["KT. BỘ TRƯỞNG"], Some("Thứ trưởng"), Some("Nguyễn Văn Năm"))
    );
    assert_eq!(doc.distribution, ["Như trên", "Bộ Tư pháp", "Lưu: VT"]);
}

#[test]
fn signature_in_a_torn_two_column_layout() {
    let text = format!(
        "{BODY}Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Thường trực Tỉnh ủy; KT. CHỦ TỊCH\n- Cục Kiểm tra văn bản,\nBộ Tư pháp; PHÓ CHỦ TỊCH\n\
         - Lưu: VT.\n\nLê Thị Sáu\n"
    );
    let doc = parse(&text);
    assert_eq!(
        sig(&doc),
        (
            vec!["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
            Some("PHÓ CHỦ TỊCH"),
            Some("Lê Thị Sáu")
        )
    );
    assert_eq!(doc.distribution[0], "Thường trực Tỉnh ủy");
}

#[test]
fn signature_after_nơi_nhận_on_one_line_before_an_appendix() {
    let text = format!(
        "{BODY}Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Đỗ Văn Bảy Phụ lục (Kèm theo Thông tư)\n"
    );
    let doc = parse(&text);
    assert_eq!(
        sig(&doc),
        (
            vec!["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"],
            Some("PHÓ THỦ TƯỚNG"),
            Some("Đỗ Văn Bảy")
        )
    );
}

#[test]
fn signature_without_nơi_nhận_among_stamps_and_page_furniture() {
    let text = format!(
        "{BODY}TL. BỘ TRƯỞNG\nKT. VỤ TRƯỞNG VỤ PHÁP CHẾ\nPHÓ VỤ TRƯỞNG\nKý bởi: Cổng Thông tin điện tử\n\
         Ngày ký: 2025-03-17 10:21:05 +07:00\n\nCÔNG BÁO/Số 401 + 402/Ngày 20-3-2025\n27\nVũ Thị Tám\n"
    );
    let doc = parse(&text);
    assert_eq!(
        sig(&doc),
        (
            vec!["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ PHÁP CHẾ"],
            Some("PHÓ VỤ TRƯỞNG"),
            Some("Vũ Thị Tám")
        )
    );
    // A position with the name on its line, no authority (a law).
    let doc = parse(&format!("{BODY}CHỦ TỊCH QUỐC HỘI Trần Văn Chín\n"));
    assert_eq!(sig(&doc), (vec![], Some("CHỦ TỊCH QUỐC HỘI"), Some("Trần Văn Chín")));
    // The authority prefix alone, its body on the next line.
    let doc = parse(&format!(
        "{BODY}TM.\nCHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Hà Văn Mười\n"
    ));
    assert_eq!(
        sig(&doc),
        (
            vec!["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"],
            Some("PHÓ THỦ TƯỚNG"),
            Some("Hà Văn Mười")
        )
    );
}

#[test]
fn a_nơi_nhận_entry_is_never_a_signer() {
    let text =
        format!("{BODY}Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Cục Kiểm tra văn bản,\nBộ Tư pháp;\n- Lưu: VT.\n");
    let doc = parse(&text);
    assert!(doc.signature.is_none(), "{:?}", doc.signature);
}

// ---------------------------------------------------------------------------
// Công điện

#[test]
fn công_điện_recipients_follow_điện() {
    let text = "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 93/CĐ-TTg\n\
        Hà Nội, ngày 18 tháng 9 năm 2025\nCÔNG ĐIỆN\nVề ứng phó với bão số 9\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\
        - Bộ trưởng các Bộ: Quốc phòng, Công an;\n- Chủ tịch Ủy ban nhân dân các tỉnh ven biển.\n\
        Bão số 9 đang vào Biển Đông.\nKT. THỦ TƯỚNG\nPhó Thủ tướng\nNgô Văn Mười Một\n";
    let doc = parse(text);
    assert_eq!(doc.doc_type.as_deref(), Some("Công điện"));
    assert_eq!(doc.subject.as_deref(), Some("Về ứng phó với bão số 9"));
    assert_eq!(
        doc.recipients,
        [
            "Bộ trưởng các Bộ: Quốc phòng, Công an",
            "Chủ tịch Ủy ban nhân dân các tỉnh ven biển"
        ]
    );
    assert_eq!(
        sig(&doc),
        (vec!["KT. THỦ TƯỚNG"], Some("Phó Thủ tướng"), Some("Ngô Văn Mười Một"))
    );
}

// ---------------------------------------------------------------------------
// One-line and torn headers; symbols as printed

#[test]
fn one_line_and_torn_headers() {
    let doc = parse(
        "QUỐC HỘI -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n\
         Số: 41/2007/QH12 Đà Nẵng , ngày 05 tháng 11 năm 2007 LUẬT KINH DOANH BẤT ĐỘNG SẢN\n\
         Căn cứ Hiến pháp;\n",
    );
    assert_eq!(symbol(&doc).as_deref(), Some("41/2007/QH12"));
    assert_eq!(doc.place.as_deref(), Some("Đà Nẵng"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2007-11-05"));
    assert_eq!(doc.doc_type.as_deref(), Some("Luật"));
    assert_eq!(doc.subject.as_deref(), Some("KINH DOANH BẤT ĐỘNG SẢN"));
    let doc = parse("CHÍNH PHỦ\nSố:\n73/2019/NĐ-CP Hà Nội, ngày 05 tháng 9 năm 2019\nNGHỊ ĐỊNH\nVề một việc\n");
    assert_eq!(symbol(&doc).as_deref(), Some("73/2019/NĐ-CP"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2019-09-05"));
}

#[test]
fn dotted_number_and_title_line_number() {
    let doc = parse("CHÍNH PHỦ\nSố: 58.12/2026/NQ-CP\nHà Nội, ngày 02 tháng 6 năm 2026\nNGHỊ QUYẾT\nVề một việc\n");
    assert_eq!(symbol(&doc).as_deref(), Some("58.12/2026/NQ-CP"));
    // A copy's title line with the number, no `Số:` line: not the document's
    // own text, said in a diagnostic.
    let doc = parse("Quyết định 612/QĐ-UBND năm 2021 ban hành một kế hoạch\nĐiều 1. Ban hành.\n");
    assert_eq!(symbol(&doc), None);
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "symbol-in-metadata")
        .expect("a symbol-in-metadata diagnostic");
    assert!(d.message.contains("612/QĐ-UBND"), "{}", d.message);
    // Nor is an information table's.
    let doc = parse(
        "| Trường | Giá trị |\n|---|---|\n| Số hiệu | 77/2025/TT-BCT |\n| Ngày ban hành | 14/3/2025 |\n\n\
         Điều 1. Phạm vi\nThông tư này quy định.\n",
    );
    assert_eq!(symbol(&doc), None);
    assert_eq!(doc.date, None);
    let codes: Vec<&str> = doc.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(
        codes.contains(&"symbol-in-metadata") && codes.contains(&"date-in-metadata"),
        "{codes:?}"
    );
    // The type the text calls itself.
    assert_eq!(doc.doc_type.as_deref(), Some("Thông tư"));
}

// ---------------------------------------------------------------------------
// Consolidated texts and gazette pages

#[test]
fn consolidated_text_reads_its_authentication_block() {
    let text = "CÔNG BÁO/Số 88/Ngày 01-02-2026\n5\nVĂN BẢN HỢP NHẤT -\nBỘ XÂY DỰNG\n\
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ1\n\
        Quy định về một việc xây dựng\nThông tư số 12/2021/TT-BXD ngày 31 tháng 8 năm 2021 của Bộ Xây dựng, có hiệu lực\n\
        kể từ ngày 15 tháng 10 năm 2021, được sửa đổi, bổ sung bởi:\n\
        Thông tư số 09/2024/TT-BXD ngày 30 tháng 8 năm 2024 của Bộ Xây dựng.\nCăn cứ Luật Xây dựng;\n\
        Điều 1. Phạm vi\nThông tư này quy định./.\nBỘ XÂY DỰNG\nSố: 05/VBHN-BXD\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\
        Hà Nội, ngày 20 tháng 01 năm 2026\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhan Văn Mười Hai\n";
    let doc = parse(text);
    assert_eq!(doc.doc_type.as_deref(), Some("Văn bản hợp nhất"));
    assert_eq!(symbol(&doc).as_deref(), Some("05/VBHN-BXD"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2026-01-20"));
    assert_eq!(doc.issuer.as_deref(), Some("BỘ XÂY DỰNG"));
    assert_eq!(doc.subject.as_deref(), Some("Quy định về một việc xây dựng"));
    assert_eq!(
        sig(&doc),
        (vec!["KT. BỘ TRƯỞNG"], Some("THỨ TRƯỞNG"), Some("Phan Văn Mười Hai"))
    );
    // A consolidated text that reprints the base's header does not take the
    // base's number as its own.
    let text = "BỘ XÂY DỰNG\nSố: 12/2021/TT-BXD\nHà Nội, ngày 31 tháng 8 năm 2021\nTHÔNG TƯ\nQuy định về một việc\n\
        Điều 1. Phạm vi\nThông tư này quy định./.\nBỘ XÂY DỰNG\nSố: 05/VBHN-BXD\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\
        Hà Nội, ngày 20 tháng 01 năm 2026\nBỘ TRƯỞNG\nTrần Văn Một\n";
    let doc = parse(text);
    assert_eq!(symbol(&doc).as_deref(), Some("05/VBHN-BXD"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2026-01-20"));
}

#[test]
fn gazette_header_after_the_body_and_a_continued_instalment() {
    let text = "CÔNG BÁO/Số 245/Ngày 23-04-2026\n2\nNGHỊ ĐỊNH\nQuy định một cơ chế\ncho một đơn vị\n\
        Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nChính phủ ban hành Nghị định.\nChương I\nQUY ĐỊNH CHUNG\n\
        Điều 1. Phạm vi\nNghị định này quy định.\n3. Các tổ chức có liên quan.\nCHÍNH PHỦ\n_________\n\
        Số: 136/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
        Hà Nội, ngày 08 tháng 4 năm 2026\nKý bởi: CÔNG BÁO\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n\
        CÔNG BÁO/Số 245/Ngày 23-04-2026\n3\nĐiều 2. Đối tượng\nCác cơ quan.\n";
    let doc = parse(text);
    assert_eq!(doc.issuer.as_deref(), Some("CHÍNH PHỦ"));
    assert_eq!(symbol(&doc).as_deref(), Some("136/2026/NĐ-CP"));
    assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2026-04-08"));
    assert_eq!(doc.doc_type.as_deref(), Some("Nghị định"));
    assert_eq!(doc.subject.as_deref(), Some("Quy định một cơ chế cho một đơn vị"));
    let doc = parse("CÔNG BÁO/Số 581 + 582/Ngày 10-5-2024\n12\n(Tiếp theo Công báo số 579 + 580)\nĐiều 7. Một việc.\n");
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "continued-instalment")
        .expect("a continued-instalment diagnostic");
    assert_eq!(d.severity, Severity::Info);
    assert!(d.message.contains("Tiếp theo Công báo số 579 + 580"), "{}", d.message);
}

// ---------------------------------------------------------------------------
// Bytes

#[test]
fn stray_nul_is_a_space_with_a_warning_frequent_nul_is_binary() {
    // The read stage (src/read/) reads a stray NUL as a space; the header
    // around it is read as if the NUL were not there.
    let mut bytes = b"CH\xc3\x8dNH PH\xe1\xbb\xa6\nS\xe1\xbb\x91: 12/2020/N\xc4\x90-CP\n".to_vec();
    bytes.extend_from_slice(
        b"\x00 Ti\xe1\xba\xbfp n\xe1\xbb\x99i dung d\xc3\xa0i cho \xc4\x91\xe1\xbb\xa7 ch\xe1\xbb\xaf.\n",
    );
    // One NUL in more than a thousand bytes: a stray one.
    bytes.extend_from_slice(
        "Điều 1. Một nội dung dài cho đủ chữ của một văn bản thật.\n"
            .repeat(20)
            .as_bytes(),
    );
    let doc = vanban::parse_bytes(&bytes, &vanban::ParseOptions::default()).expect("a stray NUL is read");
    assert_eq!(symbol(&doc).as_deref(), Some("12/2020/NĐ-CP"));
    let w = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "nul-byte")
        .expect("a nul-byte warning");
    assert_eq!(w.severity, Severity::Warning);
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    assert_eq!(w.span.map(|s| s.start), Some(at));
    // Frequent NULs: binary.
    let err = vanban::parse_bytes(b"text\0\0\0\0 more text\0\0\0 end", &vanban::ParseOptions::default()).unwrap_err();
    assert!(err.to_string().contains("binary data at byte 4"), "{err}");
    // UTF-16, with or without a byte order mark, is decoded and its header read.
    let utf16: Vec<u8> = "CHÍNH PHỦ\nSố: 12/2020/NĐ-CP\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for bytes in [[&[0xFF, 0xFE][..], &utf16].concat(), utf16.clone()] {
        let doc = vanban::parse_bytes(&bytes, &vanban::ParseOptions::default()).expect("utf-16 is read");
        assert_eq!(symbol(&doc).as_deref(), Some("12/2020/NĐ-CP"));
    }
}

// ---------------------------------------------------------------------------
// The real documents the issue names

#[test]
fn real_issuers_subjects_and_signatures() {
    if let Some(doc) =
        corpus("docs/curated_diepxuan__0281_850_QD_CDBVN_khau_cuop_khac_phuc_hau_qua_thien_tai_QL6_Son_La_Dien_Bien.md")
    {
        assert_eq!(doc.issuer.as_deref(), Some("CỤC ĐƯỜNG BỘ VIỆT NAM"));
        assert_eq!(doc.issuer_parent.as_deref(), Some("BỘ XÂY DỰNG"));
        assert!(doc
            .subject
            .as_deref()
            .unwrap()
            .starts_with("Ban hành Lệnh xây dựng công trình: Khẩn cấp"));
        assert_eq!(
            sig(&doc),
            (
                vec!["KT. CỤC TRƯỞNG"],
                Some("PHÓ CỤC TRƯỞNG"),
                Some("Nguyễn Thanh Hoài")
            )
        );
    }
    if let Some(doc) =
        corpus("docs/curated_diepxuan__0384_2839_QD_BNNMT_cong_bo_gia_tri_dong_chay_toi_thieu_ha_luu_dap_ho_chua.md")
    {
        assert_eq!(doc.issuer.as_deref(), Some("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"));
        assert!(doc
            .subject
            .as_deref()
            .unwrap()
            .starts_with("công bố giá trị dòng chảy tối thiểu"));
    }
    if let Some(doc) = corpus("docs/tvpl_johnpa02__179_Quyet_dinh_435_QD_UBND_nam_2020.txt") {
        assert_eq!(doc.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH KON TUM"));
        let s = doc.subject.as_deref().unwrap();
        assert!(s.starts_with("BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG"), "{s}");
        assert!(!s.contains("KON TUM"), "{s}");
        assert_eq!(
            sig(&doc),
            (
                vec!["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
                Some("PHÓ CHỦ TỊCH"),
                Some("Nguyễn Hữu Tháp")
            )
        );
    }
    if let Some(doc) = corpus("docs/tvpl_johnpa02__022_Quyet_dinh_173_QD_BTP.txt") {
        assert!(doc
            .subject
            .as_deref()
            .unwrap()
            .ends_with("GIỮA ỦY BAN DÂN TỘC VÀ BỘ TƯ PHÁP NĂM 2015"));
    }
    if let Some(doc) = corpus("docs/tvpl_johnpa02__013_Nghi_quyet_01_2019_NQ_HDTP.txt") {
        assert!(doc.subject.as_deref().unwrap().ends_with("LÃI SUẤT, PHẠT VI PHẠM"));
    }
    if let Some(doc) = corpus("docs/curated_diepxuan__0383_97_2026_tt_btc_bai_bo_thong_tu_55_2010_tt_btc.md") {
        assert_eq!(doc.issuer.as_deref(), Some("BỘ TÀI CHÍNH"));
        assert!(doc
            .subject
            .as_deref()
            .unwrap()
            .starts_with("BÃI BỎ THÔNG TƯ SỐ 55/2010/TT-BTC"));
    }
    if let Some(doc) =
        corpus("docs/curated_diepxuan__0425_thong_bao_365_2026_tb_vpcp_ket_luan_pho_thuong_tuong_tai_ho_chi_minh.md")
    {
        assert_eq!(doc.issuer.as_deref(), Some("VĂN PHÒNG CHÍNH PHỦ"));
    }
    if let Some(doc) = corpus("docs/curated_diepxuan__0432_cong_dien_47_2026_cd_ttg_tai_nan_phu_quoc.md") {
        assert_eq!(doc.recipients.len(), 2);
        assert_eq!(
            sig(&doc),
            (vec!["KT. THỦ TƯỚNG"], Some("Phó Thủ tướng"), Some("Phạm Gia Túc"))
        );
    }
    if let Some(doc) = corpus("docs/tvpl_johnpa02__086_Nghi_dinh_42_2024_ND_CP.txt") {
        assert_eq!(sig(&doc).2, Some("Trần Hồng Hà"));
    }
}

#[test]
fn real_consolidated_and_gazette_texts() {
    if let Some(doc) = corpus(
        "docs/tvpl_johnpa02__186_Van_ban_hop_nhat_07_VBHN_VPQH_nam_2022_hop_nhat_Luat_Doanh_nghiep_do_Van_phong_Q.txt",
    ) {
        assert_eq!(doc.doc_type.as_deref(), Some("Văn bản hợp nhất"));
        assert_eq!(symbol(&doc).as_deref(), Some("07/VBHN-VPQH"));
        assert_eq!(sig(&doc), (vec![], Some("CHỦ NHIỆM"), Some("Bùi Văn Cường")));
    }
    if let Some(doc) = corpus("gazette/docs/cb_331_van_ban_hop_nhat_so_1166_vbhn_bldtbxh_41572.txt") {
        assert_eq!(doc.doc_type.as_deref(), Some("Văn bản hợp nhất"));
        assert_eq!(symbol(&doc).as_deref(), Some("1166/VBHN-BLĐTBXH"));
        assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2024-03-22"));
        assert_eq!(doc.issuer.as_deref(), Some("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"));
        assert_eq!(
            sig(&doc),
            (vec!["KT. BỘ TRƯỞNG"], Some("THỨ TRƯỞNG"), Some("Lê Văn Thanh"))
        );
    }
    if let Some(doc) = corpus("gazette/docs/cb_018_nghi_dinh_so_135_2026_nd_cp_469360.txt") {
        assert_eq!(symbol(&doc).as_deref(), Some("135/2026/NĐ-CP"));
        assert_eq!(doc.issuer.as_deref(), Some("CHÍNH PHỦ"));
        assert!(doc
            .subject
            .as_deref()
            .unwrap()
            .starts_with("Quy định cơ chế, chính sách ưu đãi"));
    }
    if let Some(doc) = corpus("gazette/docs/cb_098_nghi_quyet_so_6617_2026_nq_cp_469565.txt") {
        assert_eq!(symbol(&doc).as_deref(), Some("66.17/2026/NQ-CP"));
    }
    if let Some(doc) = corpus("gazette/docs/cb_136_thong_tu_so_02_2024_tt_bkhdt_41528.txt") {
        assert_eq!(symbol(&doc).as_deref(), Some("02/2024/TT-BKHĐT"));
        assert!(doc.diagnostics.iter().any(|d| d.code == "nul-byte"));
    }
}
