//! Item 1: no false errors. Synthetic documents (numbers of their own, not
//! the corpus's): a consolidated text naming itself on its title line while
//! another year's text has its number; a website's editorial note naming a
//! later decree; a decree read as replacing a law; a Thông tư of the 1990s
//! numbered in the old form. Each rule has its positive control: the same
//! shape where the finding is right.

use super::*;

/// A folder holding `files` (name, text).
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// (file, line, code) of the findings of `severity` (`""`: all).
fn found(report: &Value, severity: &str) -> Vec<(String, u64, String)> {
    findings(report)
        .iter()
        .filter(|f| severity.is_empty() || f["severity"] == severity)
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const VBHN_2021: &str = "Văn bản hợp nhất 08/VBHN-VPQH năm 2021
VĂN PHÒNG QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 08/VBHN-VPQH
Hà Nội, ngày 14 tháng 5 năm 2021
LUẬT
THỦY SẢN
Luật Thủy sản số 18/2017/QH14 ngày 21 tháng 11 năm 2017 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2019, được sửa đổi, bổ sung bởi:
1. Luật số 35/2018/QH14 ngày 20 tháng 11 năm 2018 của Quốc hội sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch, có hiệu lực kể từ ngày 01 tháng 01 năm 2019.
Văn bản hợp nhất 08/VBHN-VPQH năm 2021. Chương I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hoạt động thủy sản.
";

const VBHN_2023: &str = "Văn bản hợp nhất 08/VBHN-VPQH năm 2023
VĂN PHÒNG QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 08/VBHN-VPQH
Hà Nội, ngày 20 tháng 3 năm 2023
LUẬT
ĐO ĐẠC VÀ BẢN ĐỒ
Luật Đo đạc và bản đồ số 27/2018/QH14 ngày 14 tháng 6 năm 2018 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2019.
Văn bản hợp nhất 08/VBHN-VPQH năm 2023. Chương I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hoạt động đo đạc và bản đồ.
";

/// A 2016 law whose website copy notes a 2024 decree that guides it.
const LAW_WITH_NOTE: &str = "QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 41/2016/QH14
Hà Nội, ngày 20 tháng 6 năm 2016
LUẬT
PHÍ KIỂM DỊCH
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Phí kiểm dịch.
Điều 1. Phạm vi điều chỉnh
1. Luật này quy định về phí kiểm dịch. [Khoản này được hướng dẫn bởi Điều 4 Nghị định 73/2024/NĐ-CP có hiệu lực từ ngày 01/08/2024]
Điều 2. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2017.
";

/// A 2016 decree citing, in its own text, a 2024 decree (a true
/// anachronism) and two Thông tư numbered in the old form, of 1996 and of
/// 2012 (by 2012 `TC` is the type code of a Thông cáo: a true mismatch).
const DECREE: &str = "CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2016/NĐ-CP
Hà Nội, ngày 15 tháng 3 năm 2016
NGHỊ ĐỊNH
VỀ PHÍ KIỂM DỊCH
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Điều 1. Phạm vi điều chỉnh
Nghị định này áp dụng cùng Nghị định số 73/2024/NĐ-CP ngày 05 tháng 7 năm 2024 của Chính phủ.
Điều 2. Thuế
Hóa đơn theo Thông tư số 52/TC-TCT ngày 20 tháng 5 năm 1996 của Bộ Tài chính; biên lai theo Thông tư số 53/TC-TCT ngày 21 tháng 5 năm 2012 của Bộ Tài chính.
";

#[test]
fn errors_only_where_the_text_is_wrong() {
    let dir = folder(&[
        ("vbhn_2021.txt", VBHN_2021),
        ("vbhn_2023.txt", VBHN_2023),
        ("law_notes.txt", LAW_WITH_NOTE),
        ("decree.txt", DECREE),
    ]);
    let (code, report, stderr) = check_json(dir.path(), &["."]);
    assert_eq!(code, 1, "{stderr}");
    // The title lines `Văn bản hợp nhất 08/VBHN-VPQH năm 2021` are the texts
    // themselves (not the other year's text): no anachronism. The note's
    // 2024 decree: no anachronism. The 1996 Thông tư 52/TC-TCT: no
    // type-mismatch. What is left is what the decree's text gets wrong.
    assert_eq!(
        found(&report, "error"),
        [
            ("decree.txt".to_string(), 10, "anachronism".to_string()),
            ("decree.txt".to_string(), 12, "type-mismatch".to_string()),
        ]
    );
    let mismatch = findings(&report).iter().find(|f| f["code"] == "type-mismatch").unwrap();
    assert_eq!(
        mismatch["cited"],
        "Thông tư số 53/TC-TCT ngày 21 tháng 5 năm 2012 của Bộ Tài chính"
    );
    // The graph's view agrees: the decree's anachronism only (the law's note
    // names the same 2024 decree, in an editorial note).
    let out = vanban(dir.path())
        .args(["query", "anachronisms", ".", "--format", "json"])
        .output()
        .unwrap();
    let anachronisms: Value = serde_json::from_slice(&out.stdout).unwrap();
    let from: Vec<&str> = anachronisms
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["from"].as_str().unwrap())
        .collect();
    assert_eq!(from, ["vn/national/cp/nd/2016/12"]);
    // A self-reference is no edge: no cycle, and the two consolidated texts
    // are not linked.
    let out = vanban(dir.path())
        .args(["query", "cycles", ".", "--format", "json"])
        .output()
        .unwrap();
    let cycles: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cycles.as_array().map(Vec::len), Some(0), "{cycles}");
    let out = vanban(dir.path())
        .args(["graph", ".", "--format", "json"])
        .output()
        .unwrap();
    let graph: Value = serde_json::from_slice(&out.stdout).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    assert!(
        edges.iter().all(|e| !e["to"].as_str().unwrap().contains("/vbhn/")),
        "{edges:?}"
    );
    // The note's edge is marked editorial, and states no relation of the law's.
    let note = edges
        .iter()
        .find(|e| e["from"] == "vn/national/qh14/l/2016/41" && e["to"] == "vn/national/cp/nd/2024/73")
        .unwrap();
    assert_eq!(
        (&note["editorial"], &note["relation"]),
        (&Value::Bool(true), &Value::from("mentions"))
    );
}

const LAW_2017: &str = "QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 30/2017/QH14
Hà Nội, ngày 12 tháng 6 năm 2017
LUẬT
QUẢN LÝ NỢ CÔNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về quản lý nợ công.
";

const DECREE_REPLACING_LAW: &str = "CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 61/2018/NĐ-CP
Hà Nội, ngày 20 tháng 4 năm 2018
NGHỊ ĐỊNH
VỀ NỢ CÔNG
Điều 1. Hiệu lực thi hành
Nghị định này thay thế Luật số 30/2017/QH14 ngày 12 tháng 6 năm 2017.
";

const USER_2020: &str = "CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/2020/NĐ-CP
Hà Nội, ngày 28 tháng 7 năm 2020
NGHỊ ĐỊNH
VỀ VAY NỢ
Căn cứ Luật Quản lý nợ công số 30/2017/QH14 ngày 12 tháng 6 năm 2017;
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về vay nợ.
";

#[test]
fn superseded_only_where_the_hierarchy_allows() {
    // A decree does not replace a law: no superseded warning on the 2020
    // decree that takes the law as its basis.
    let dir = folder(&[
        ("law.txt", LAW_2017),
        ("replacing.txt", DECREE_REPLACING_LAW),
        ("user.txt", USER_2020),
    ]);
    let (code, report, stderr) = check_json(dir.path(), &["."]);
    assert_eq!((code, found(&report, "")), (0, vec![]), "{stderr}");
    // A law that replaces it: the basis is superseded.
    let law = DECREE_REPLACING_LAW
        .replace("CHÍNH PHỦ", "QUỐC HỘI")
        .replace("Số: 61/2018/NĐ-CP", "Luật số: 61/2018/QH14")
        .replace("NGHỊ ĐỊNH", "LUẬT")
        .replace("Nghị định này thay thế", "Luật này thay thế");
    std::fs::write(dir.path().join("replacing.txt"), law).unwrap();
    let (_, report, _) = check_json(dir.path(), &["."]);
    assert_eq!(
        found(&report, ""),
        [("user.txt".to_string(), 8, "superseded".to_string())]
    );
}
