//! Tests of the line rules: what each reads on real lines and edge cases,
//! and each fast reading against its plain one.

use super::*;

#[test]
fn ok_furniture() {
    for t in [
        "CÔNG BÁO/Số 611 + 612/Ngày 14-5-2019",
        "CÔNG BÁO Số 55/Ngày 26-01-2026",
        "127",
        "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Người ký: Cổng Thông tin điện tử Chính phủ",
        "Cơ quan: VĂN PHÒNG CHÍNH PHỦ",
        "Email: thongtinchinhphu@chinhphu.vn",
        "Thời gian ký: 11.01.2023 10:13:37 +07:00",
        "Ngày ký: 2026-03-17 10:21:05 +07:00",
        "VĂN BẢN QUY PHẠM PHÁP LUẬT",
        "VĂN BẢN PHÁP LUẬT KHÁC",
        "VĂN BẢN HỢP NHẤT - BỘ Y TẾ",
        "VĂN BẢN HỢP NHẤT -",
        "ĐIỀU ƯỚC QUỐC TẾ",
    ] {
        assert!(furniture(t), "{t:?}");
    }
    for t in [
        "CÔNG BÁO điện tử của tỉnh",
        "12345",
        "12a",
        "Cơ quan ban hành Bộ Tài chính",
        "VĂN BẢN HỢP NHẤT",
        "VĂN BẢN QUY PHẠM PHÁP LUẬT của Bộ",
        "Kính gửi: Bộ Tài chính",
        "",
    ] {
        assert!(!furniture(t), "{t:?}");
    }
}

#[test]
fn ok_title_line() {
    assert_eq!(
        title_line("NGHỊ ĐỊNH"),
        Some(("NGHỊ ĐỊNH".len(), "Nghị định", "NGHỊ ĐỊNH".len()))
    );
    // A footnote marker glued to the title.
    assert_eq!(
        title_line("THÔNG TƯ1").map(|x| (x.1, x.2)),
        Some(("Thông tư", "THÔNG TƯ".len()))
    );
    // The upper-case words after the name are the subject, not what follows.
    let t = "LUẬT ĐẤT ĐAI Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024";
    assert_eq!(title_line(t).map(|x| &t[x.0..x.2]), Some(" ĐẤT ĐAI"));
    assert_eq!(
        title_line("QUYẾT ĐỊNH Về việc ban hành").map(|x| x.2),
        Some("QUYẾT ĐỊNH Về việc ban hành".len())
    );
    assert_eq!(title_line("QUYẾT ĐỊNH này có hiệu lực"), None);
    assert_eq!(title_line("Nghị định số 12"), None);
}

#[test]
fn ok_bodies_and_dashes() {
    assert_eq!(body_head("CỤC THUẾ"), Some(true));
    assert_eq!(body_head("BỘ Y TẾ"), Some(false));
    assert_eq!(body_head("BỘ CHỈ HUY QUÂN SỰ"), Some(true));
    assert_eq!(body_head("THƯƠNG BINH VÀ XÃ HỘI"), None);
    assert_eq!(body_head("TỈNH KON TUM"), None);
    assert_eq!(body_head("TỈNH ỦY BÌNH THUẬN"), Some(true));
    assert!(names_body("QUỐC HỘI") && names_body("TÒA ÁN NHÂN DÂN TỐI CAO"));
    assert!(!names_body("THÔNG TIN VĂN BẢN") && !names_body("TRÍCH YẾU"));
    let t = "– BỘ XÂY DỰNG -";
    let (a, b) = trim_dashes(t);
    assert_eq!(&t[a..b], "BỘ XÂY DỰNG");
    assert_eq!(unit_split("BỘ QUỐC PHÒNG"), None);
    assert_eq!(
        unit_split("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN"),
        Some("BỘ TÀI CHÍNH ".len())
    );
}

#[test]
fn ok_dien_to_and_continued() {
    let t = "THỦ TƯỚNG CHÍNH PHỦ điện: - Bộ Quốc phòng;";
    assert_eq!(dien_to(t).map(|n| &t[n..]), Some("- Bộ Quốc phòng;"));
    assert_eq!(dien_to("Công điện: số 5"), None);
    assert_eq!(dien_to("Nhận được điện: khẩn"), None);
    assert!(continued("(Tiếp theo Công báo số 579 + 580)"));
    assert!(!continued("Tiếp theo, Bên mời thầu sẽ mở"));
}

/// The header anchor's motto test, which looks no further than the
/// first lower-case letter, answers as the whole-line search does, on
/// made-up lines and on every line of the fixtures and of the corpus
/// (when it is beside the repository).
#[test]
fn ok_motto_search_stops_where_the_answer_is_known() {
    let whole = |t: &str| motto(t).is_some_and(|(ms, _, _)| ms == 0 || is_upper_text(&t[..ms]));
    let mut lines: Vec<String> = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "UBND TỈNH BÌNH THUẬN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH ỦY BÌNH THUẬN | ĐẢNG CỘNG SẢN VIỆT NAM",
        "Theo Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "X cộng hòa xã hội chủ nghĩa việt nam",
        // The motto starts at the first lower-case letter.
        "UBND cộng hòa xã hội chủ nghĩa việt nam",
        "ỦY BAN NHÂN DÂN Cộng hòa xã hội chủ nghĩa Việt Nam",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    lines.extend(crate::test_texts::sampled_lines(1));
    let anchors = same_on_lines(&lines, motto_anchor, whole);
    assert!(anchors >= 4, "only {anchors} motto anchors");
}

#[test]
fn ok_type_name_at() {
    assert_eq!(type_name_at("Nghị định số 30"), Some(("Nghị định".len(), "Nghị định")));
    assert_eq!(type_name_at("QUYẾT ĐỊNH 5").map(|x| x.1), Some("Quyết định"));
    assert_eq!(
        type_name_at("Thông tư liên tịch số 5").map(|x| x.1),
        Some("Thông tư liên tịch")
    );
    assert_eq!(type_name_at("xyz"), None);
    assert_eq!(type_name_at(""), None);
    // Every name, in capitals, is found by its first letter.
    for (kw, name) in TITLES {
        let text = format!("{} 1", kw.to_uppercase());
        assert!(type_name_at(&text).is_some(), "{name}");
    }
}

/// The place-date test, whose keyword search stops at
/// [`place_reach`], answers as the search over the whole head does: on
/// edge cases, the fixtures and every fifth line of the corpus.
#[test]
fn ok_place_date_same_as_whole_search() {
    let whole = |t: &str| {
        let head = &t[..t.floor_char_boundary_compat(120)];
        find_kw(head, "ngay").is_some_and(|(ns, _)| ns == 0 || place(&head[..ns]).is_some())
    };
    let mut lines: Vec<String> = [
        "Hà Nội, ngày 5 tháng 3 năm 2026",
        "TP. Hồ Chí Minh, ngày 12 tháng 01 năm 2025",
        "Thành phố Hồ Chí Minh ngày 1",
        "Một Hai Ba Bốn Năm Sáu , ngày 2",
        "Một Hai Ba Bốn Năm Sáu Bảy , ngày 2",
        "Một Hai Ba Bốn Năm Sáu Bảy ngày 2",
        "Một Hai Ba Bốn Năm Sáu ngày 2",
        "Một\u{a0}Hai Ba Bốn Năm Sáu Bảy ngày 2",
        "ngày 5 tháng 3",
        "NGÀY 5",
        "hà Nội, ngày 5",
        "Số 12, ngày 5",
        "Hà Nội (cũ), ngày 5",
        "Hà Nội “x”, ngày 5",
        "Hà Nội. ngày",
        "Hà Nội,ngày",
        "Hà Nộingày",
        "  Hà Nội, ngày 5",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    lines.extend(crate::test_texts::sampled_lines(5).iter().map(|l| l.trim().to_string()));
    let found = same_on_lines(&lines, starts_with_place_date, whole);
    assert!(found >= 5, "place-date lines are found: {found}");
}

/// Each letter's slice of [`TITLES`] is the table filtered by that
/// letter, in the table's order (the order decides between `thong tu`
/// and `thong tu lien tich`).
#[test]
fn ok_titles_from_same_as_filter() {
    let mut letters: Vec<char> = ('\u{0}'..='\u{7f}').collect();
    letters.extend(['đ', 'ư', 'ơ', 'ă', 'â', 'ê', 'ô', 'ộ', 'ể']);
    for c in letters {
        let want: Vec<_> = TITLES
            .iter()
            .filter(|(kw, _)| c == '\u{0}' || kw.starts_with(c))
            .copied()
            .collect();
        assert_eq!(titles_from(c), want.as_slice(), "{c:?}");
    }
}

/// The section label as first written: every keyword tried in turn.
fn section_label_plain(s: &str) -> Option<(usize, u8)> {
    let first = s.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    for (kw, kind) in [("dieu", 1u8), ("chuong", 0), ("muc", 0), ("phan", 0)] {
        if let Some(n) = kw_at(s, kw) {
            return keyword_label(s, n, kw, kind);
        }
    }
    numbered_label(s)
}

/// `section_label`, which tries only the keyword the first letter
/// folds to, reads every line as the plain reading does: edge cases,
/// the fixtures and every fifth line of the corpus.
#[test]
fn ok_section_label_same_as_plain() {
    let mut lines: Vec<String> = [
        "Điều 5. Hiệu lực",
        "ĐIỀU 12:",
        "Đối với",
        "Ðiều 3", // U+00D0, folds to `d`
        "Chương IV",
        "CHƯƠNG II QUY ĐỊNH",
        "Chuong 2",
        "Mục 1",
        "MỤC 2.",
        "Phần thứ nhất",
        "PHẦN I",
        "Phụ lục",
        "1. Phạm vi",
        "12) Khoản",
        "123. Ba chữ số",
        "II. Nội dung",
        "IVXLX. Năm",
        "điều 5",
        "Điều",
        "Điều5",
        "Cục Thuế",
        "Mẫu số 01",
        "Lưu: VT",
        "L. Năm mươi",
        "VII. Bảy",
        "X. Mười",
        "Dự thảo",
        "Ủy ban",
        "- Điều 5",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // (As read, not normalized: normalizing the corpus is slow in a debug
    // build, and any line is a fair test.)
    lines.extend(crate::test_texts::sampled_lines(5).iter().map(|l| l.trim().to_string()));
    let mut found = 0;
    for l in &lines {
        let got = section_label(l);
        assert_eq!(got, section_label_plain(l), "{l:?}");
        found += usize::from(got.is_some());
    }
    assert!(found > 20, "labels are found: {found}");
}

/// Asserts that the fast reading `fast` answers as the plain one `plain`
/// on each of `lines`; how many lines `plain` says yes to.
fn same_on_lines(lines: &[String], fast: impl Fn(&str) -> bool, plain: impl Fn(&str) -> bool) -> usize {
    let mut yes = 0;
    for t in lines {
        let want = plain(t);
        assert_eq!(fast(t), want, "{t:?}");
        yes += usize::from(want);
    }
    yes
}
