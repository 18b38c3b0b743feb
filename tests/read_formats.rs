//! The read stage on real files: every file of `shared/corpus/formats`
//! (what it is read as, the header facts SOURCES.md gives where the file
//! prints them, its diagnostics), the pairs of one document in two formats,
//! the 24 gazette PDFs against their text layer, and bad input (a truncated
//! PDF, a ZIP that is not a DOCX, a zip bomb, deeply nested HTML): a clear
//! error naming the file, no panic, bounded memory.
//!
//! The tests of `shared/` skip, saying so, when it is absent; the bad-input
//! tests build their input here.

#![cfg(all(feature = "pdf", feature = "office", feature = "html", feature = "legacy"))]

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use vanban::read::{Format, TextEncoding};
use vanban::{Document, ParseOptions};

fn shared(sub: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(sub);
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: {} is absent; test skipped", p.display());
        None
    }
}

/// The document, the text its spans point into, its format and encoding.
fn read(path: &Path) -> (Document, String, Format, Option<TextEncoding>) {
    let bytes = std::fs::read(path).unwrap();
    let opts = ParseOptions::default();
    let r = vanban::read::read(&bytes, Some(path), &opts).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = vanban::parse_read(&r);
    (doc, r.text.into_owned(), r.format, r.encoding)
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn symbol(doc: &Document) -> Option<String> {
    doc.symbol.as_ref().map(|s| s.to_string())
}

fn date(doc: &Document) -> Option<String> {
    doc.date.map(|d| d.to_string())
}

/// What SOURCES.md says of a file, as far as the file prints it.
struct Expect {
    file: &'static str,
    format: Format,
    /// Printed in the text (the number, the date as printed, ...).
    printed: &'static [&'static str],
    /// The số ký hiệu the parser reads (`None`: not checked, see [`FILES`]).
    symbol: Option<&'static str>,
    /// The date (ISO, or year-month for a draft with the day blank; `None`:
    /// not checked).
    date: Option<&'static str>,
    /// Diagnostics the reader must give.
    diagnostics: &'static [&'static str],
}

const fn e(
    file: &'static str,
    format: Format,
    printed: &'static [&'static str],
    symbol: Option<&'static str>,
    date: Option<&'static str>,
    diagnostics: &'static [&'static str],
) -> Expect {
    Expect {
        file,
        format,
        printed,
        symbol,
        date,
        diagnostics,
    }
}

/// Every document file of `formats/` (README.md, SOURCES.md and the byte
/// tables are not documents). Numbers, dates and issuers are SOURCES.md's,
/// read by eye; `None` where the parser does not read what the file prints
/// (a header gap for the header's owner, not a reading one: the text is
/// checked to hold it), or where the file prints none (scans):
/// - the two Án lệ and `(889)-Hienphap1959.doc` print no số ký hiệu header;
/// - `QD9UB2.DOC` is the Quy định attached to 09/2010/QĐ-UBND, its header
///   names only the decision it comes with;
/// - `Phuluc1/2/3` are annexes of 30/2020/NĐ-CP with no header of their own;
/// - `Test AI (09).pdf` prints `Số: 3070. /KH-UBND` (a stray dot that the
///   symbol grammar does not take);
/// - `huongdan21.pdf` leaves the number blank;
/// - the Án lệ's dates are those of their approval and publication
///   decisions, which the header reader does not take as the date.
const FILES: &[Expect] = &[
    e("docx/30_2020_ND_CP.docx", Format::Docx, &["30/2020/NĐ-CP", "ngày 05 tháng 3 năm 2020"], Some("30/2020/NĐ-CP"), Some("2020-03-05"), &["read"]),
    e("docx/Phuluc1.docx", Format::Docx, &["30/2020/NĐ-CP"], None, Some("2020-03-05"), &["read"]),
    e("docx/Phuluc3.docx", Format::Docx, &["30/2020/NĐ-CP"], None, Some("2020-03-05"), &["read"]),
    e("docx/1. QĐ phê duyệt kết quả kỳ xét thăng hạng 2025.docx", Format::Docx, &["337/QĐ-SGDĐT"], Some("337/QĐ-SGDĐT"), Some("2026-04-14"), &["read"]),
    e("docx/Ke hoach  to chuc sinh hoat Lich su theo cum truong-2026.docx", Format::Docx, &["58/KH-THPTCL2"], Some("58/KH-THPTCL2"), Some("2026-04-15"), &["read"]),
    e("docx/(TAND014298)-02.2016.AL_1536312880823.docx", Format::Docx, &["Án lệ số 02/2016/AL", "220/QĐ-CA"], None, None, &["read"]),
    e("docx/(TAND057532)-An_le_so_17_1546573982540.docx", Format::Docx, &["Án lệ số 17/2018/AL", "269/QĐ-CA"], None, None, &["read"]),
    e("docx/2012_12_20_1758000000951094!~!1192-Du thao VB_MOI.docx", Format::Docx, &["3364/BTTTT-ƯDCNTT"], None, None, &["read"]),
    e("doc/2011_12_28_0207000000930750!~!QD15UB.DOC", Format::Doc, &["15/2010/QĐ-UBND"], Some("15/2010/QĐ-UBND"), Some("2010-04-26"), &["read"]),
    e("doc/2011_12_28_0209000000709072!~!QD9UB1.DOC", Format::Doc, &["09/2010/QĐ-UBND"], Some("09/2010/QĐ-UBND"), Some("2010-01-21"), &["read"]),
    e("doc/2011_12_28_0209000000931166!~!QD9UB2.DOC", Format::Doc, &["09/2010/QĐ-UBND"], None, None, &["read"]),
    e("doc/2011_12_28_0211000000133726!~!CT9UB.DOC", Format::Doc, &["09/2009/CT-UBND"], Some("09/2009/CT-UBND"), Some("2009-04-15"), &["read"]),
    e("doc/2011_12_28_1933000000526798!~!Ke_hoach_trien_khai_dao_tao_phan_mem_Qlvb&Dh.doc", Format::Doc, &["/KH-STTTT", "tháng 12 năm 2011"], Some("/KH-STTTT"), Some("2011-12"), &["read", "blank-number"]),
    e("doc/2011_10_31_0906000000680953!~!Quyet dinh 93-2007 Thuc hien co che mot cua.doc", Format::Doc, &["93/2007/QĐ-TTg"], Some("93/2007/QĐ-TTg"), Some("2007-06-22"), &["read"]),
    e("doc/2011_12_09_1351000000163008!~!Thong tu so 2442 cua Thanh tra Chinh phu.doc", Format::Doc, &["2442/2007/TT-TTCP"], Some("2442/2007/TT-TTCP"), Some("2007-11-13"), &["read"]),
    e("doc/2011_12_29_2000000000130799!~!report.doc", Format::Html, &["15/2010/QĐ-UBND", "4532/UBND-KSTTHC", "9/2009/CT-UBND"], None, None, &["read"]),
    e("doc/KE HOACH TIEP DOAN KTr STEM_18-4-2026.doc", Format::Doc, &["/KH-SGDĐT"], Some("/KH-SGDĐT"), Some("2026-04"), &["read", "blank-number"]),
    e("doc/Phuluc2.doc", Format::Doc, &["30/2020/NĐ-CP"], None, Some("2020-03-05"), &["read"]),
    e("doc/(889)-Hienphap1959.doc", Format::Doc, &["HIẾN PHÁP", "31 tháng 12 năm 1959"], None, None, &["read"]),
    e("pdf/HỘI ĐỒNG NHÂN DÂN.pdf", Format::Pdf, &["33/2022/NQ-HĐND"], Some("33/2022/NQ-HĐND"), Some("2022-07-15"), &["read"]),
    e("pdf/Test AI (09).pdf", Format::Pdf, &["Số: 3070. /KH-UBND", "1781-CV/TU"], None, Some("2024-09-09"), &["read"]),
    e("pdf/Test AI (07).pdf", Format::Pdf, &["142/QĐ-UBND"], Some("142/QĐ-UBND"), Some("2024-03-29"), &["read"]),
    e("pdf/huongdan21.pdf", Format::Pdf, &["-HD/BTCTU", "tháng 8 năm 2025"], None, Some("2025-08"), &["read"]),
    e("pdf/quydinh294.pdf", Format::Pdf, &["294-QĐ/TW"], Some("294-QĐ/TW"), Some("2025-05-26"), &["read"]),
    e("pdf/hd06.pdf", Format::Pdf, &["06-HD/TW"], Some("06-HD/TW"), Some("2025-06-09"), &["read"]),
    e("pdf/ke_hoach_to_chuc_sinh_hoat_lich_su_theo_cum_truong-2026_signed.pdf", Format::Pdf, &["58/KH-THPTCL2"], Some("58/KH-THPTCL2"), Some("2026-04-15"), &["read"]),
    e("pdf/kehoachtiepdoanktrstem_18-4-2026_signed_signed_signed_signed.pdf", Format::Pdf, &["Số: 362 /KH-SGDĐT"], Some("362/KH-SGDĐT"), Some("2026-04-14"), &["read"]),
    e("pdf/(32801)-VanBanGoc_Hien_phap_2013.pdf", Format::Pdf, &["HIẾN PHÁP", "CÔNG BÁO/Số 1003 + 1004/Ngày 29-12-2013", "28 tháng 11 năm 2013"], None, None, &["read"]),
    e("pdf/(TAND292160)-An_le_so_61_1678246622328.pdf", Format::Pdf, &["61/2023/AL", "39/QĐ-CA"], None, None, &["read"]),
    e("pdf-scanned/2011_12_28_0904000000972844!~!275.pdf", Format::Pdf, &[], None, None, &["read", "no-text-layer", "empty-document"]),
    e("pdf-scanned/Quyết định-1360-QĐ-TTg.pdf", Format::Pdf, &[], None, None, &["read", "no-text-layer", "empty-document"]),
    e("pdf-scanned/kh-753-khao-sat-xac-dinh-chi-so-hai-long-cua-nguoi-dan-doi-voi-dich-vu-cong-nam-2026-20260629110301-e.pdf", Format::Pdf, &[], None, None, &["read", "no-text-layer", "empty-document"]),
    e("pdf-scanned/Quyết định-1629-QĐ-UBND.pdf", Format::Pdf, &["Kèm theo Quyết định số: /QĐ-UBND ngày tháng năm 2025"], None, None, &["read", "no-text-layer"]),
    e("pdf-scanned/test AI 03.pdf", Format::Pdf, &[], None, None, &["read", "ocr-garbage", "empty-document"]),
    e("html/vbpl_v1.html", Format::Html, &["HIẾN PHÁP", "28 tháng 11 năm 2013"], None, Some("2013-11-28"), &["read"]),
    e("html/doc_000618.html", Format::Html, &["45/2025/TT-BYT"], Some("45/2025/TT-BYT"), Some("2025-11-25"), &["read"]),
    e("html/CV_4334_CT-CDS_2025_danh_muc_CQ_thue_2_cap.html", Format::Html, &["4334"], Some("4334/CT-CĐS"), Some("2025-10-10"), &["read"]),
    e("html/CV_855.2019_HD_THU_TUC.html", Format::Html, &["855/TCT-HTQT"], Some("855/TCT-HTQT"), Some("2019-02-28"), &["read"]),
    e("legacy-encodings/007.TT_32.2010_BH_that_nghiep.html", Format::Html, &["ngày 25/10/2010 của Bộ Lao động", "127/2008/NĐ-CP"], None, Some("2010-10-25"), &["read", "repaired-encoding"]),
    e("legacy-encodings/2012_01_05_1937000000298365!~!Du Thao Van Ban.doc", Format::Rtf, &["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU XỬ LÝ VĂN BẢN", "UBND HUYỆN QUẢNG NINH"], None, Some("2011-12-23"), &["read"]),
    e("legacy-encodings/cp1258-misdecoded_68-TC_TCDN.txt", Format::Text, &["68 TC/TCDN", "THÔNG TÝ"], None, None, &[]),
];

#[test]
fn every_formats_file_is_read() {
    let Some(dir) = shared("formats") else { return };
    // Every document file is in the table.
    let mut listed: Vec<&str> = FILES.iter().map(|e| e.file).collect();
    listed.sort();
    let mut found = Vec::new();
    for sub in ["doc", "docx", "html", "legacy-encodings", "pdf", "pdf-scanned"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            found.push(format!("{sub}/{}", entry.unwrap().file_name().to_string_lossy()));
        }
    }
    found.sort();
    assert_eq!(found, listed, "every file of formats/ has its row");
    for x in FILES {
        let path = dir.join(x.file);
        let (doc, text, format, _) = read(&path);
        assert_eq!(format, x.format, "{}", x.file);
        for p in x.printed {
            assert!(text.contains(p), "{}: the text holds {p:?}", x.file);
        }
        if x.symbol.is_some() {
            assert_eq!(symbol(&doc).as_deref(), x.symbol, "{}", x.file);
        }
        if x.date.is_some() {
            assert_eq!(date(&doc).as_deref(), x.date, "{}", x.file);
        }
        let got = codes(&doc);
        for d in x.diagnostics {
            assert!(got.contains(d), "{}: {d} in {got:?}", x.file);
        }
        // Spans are inside the text they point into.
        for c in &doc.citations {
            assert!(
                c.span.end <= text.len() && text.is_char_boundary(c.span.start),
                "{}",
                x.file
            );
        }
        match format {
            Format::Text => assert!(doc.source.is_none(), "{}: UTF-8 text has no source", x.file),
            _ => {
                let src = doc.source.as_ref().expect("a source");
                assert_eq!(src.spans_into, "extracted-text");
                assert_eq!(src.format, format);
            }
        }
    }
}

#[test]
fn scans_say_which_pages_need_ocr() {
    let Some(dir) = shared("formats") else { return };
    let msg = |f: &str, code: &str| {
        let (doc, ..) = read(&dir.join(f));
        doc.diagnostics
            .into_iter()
            .find(|d| d.code == code)
            .map(|d| d.message)
            .unwrap_or_default()
    };
    // Two scanned pages.
    assert!(msg("pdf-scanned/2011_12_28_0904000000972844!~!275.pdf", "no-text-layer").contains("pages 1-2 of 2"));
    // Scans with only a digital-signature overlay: the stamp is not text.
    let m = msg("pdf-scanned/Quyết định-1360-QĐ-TTg.pdf", "no-text-layer");
    assert!(
        m.contains("pages 1-2 of 2") && m.contains("digital-signature stamp"),
        "{m}"
    );
    // Mixed: pages 1-2 scanned, 3-6 text.
    assert!(msg("pdf-scanned/Quyết định-1629-QĐ-UBND.pdf", "no-text-layer").contains("pages 1-2 of 6"));
    let m = msg("pdf-scanned/test AI 03.pdf", "ocr-garbage");
    assert!(m.contains("pages 1-2"), "{m}");
    let (doc, text, ..) = read(&dir.join("pdf-scanned/Quyết định-1629-QĐ-UBND.pdf"));
    let pages = &doc.source.unwrap().pages;
    assert_eq!(pages.len(), 6);
    assert!(pages[0].is_empty() && pages[1].is_empty() && !pages[2].is_empty());
    assert!(text.starts_with("Phụ lục\n"), "{}", &text[..40]);
}

#[test]
fn an_rtf_with_unicode_keeps_its_letters() {
    // SOURCES.md calls this file's loss irrecoverable: its `\'3f` are only
    // the fallback after each `\uN` (`C\uc1\u7896\'3fNG`); the Unicode is
    // there and is read, so nothing is lost and nothing is reported.
    let Some(dir) = shared("formats") else { return };
    let (doc, text, ..) = read(&dir.join("legacy-encodings/2012_01_05_1937000000298365!~!Du Thao Van Ban.doc"));
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(!codes(&doc).contains(&"lost-characters"));
    // An RTF whose letters really were replaced by `?` is reported.
    let lost = br"{\rtf1\ansi\ansicpg1252 C\'3fNG H\'d2A X\'c3 H\'3fI CH\'3f NGH\'3fA VI\'3fT NAM\par
\'3f\'3fc l\'3fp - T\'3f do - H\'3fnh ph\'3fc\par Phi\'3fu x\'3f l\'3f v\'3fn b\'3fn}";
    let doc = vanban::parse_bytes(lost, &ParseOptions::default()).unwrap();
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "lost-characters")
        .expect("lost-characters");
    assert!(d.message.contains("cannot be undone"), "{}", d.message);
}

#[test]
fn pairs_give_the_same_header_and_citations() {
    let Some(dir) = shared("formats") else { return };
    // One plan as .docx and as its signed PDF.
    let (a, ..) = read(&dir.join("docx/Ke hoach  to chuc sinh hoat Lich su theo cum truong-2026.docx"));
    let (b, ..) = read(&dir.join("pdf/ke_hoach_to_chuc_sinh_hoat_lich_su_theo_cum_truong-2026_signed.pdf"));
    assert_eq!(symbol(&a), symbol(&b));
    assert_eq!(date(&a), date(&b));
    assert_eq!(a.issuer, b.issuer);
    assert_eq!(a.doc_type, b.doc_type);
    let cited = |d: &Document| -> Vec<Option<String>> {
        d.citations
            .iter()
            .map(|c| c.symbol.as_ref().map(|s| s.to_string()))
            .collect()
    };
    assert_eq!(cited(&a), cited(&b));
    // The draft .doc (number and day blank) and the signed PDF: the same
    // issuer, type, month and citations; the PDF has the number and day.
    let (a, ..) = read(&dir.join("doc/KE HOACH TIEP DOAN KTr STEM_18-4-2026.doc"));
    let (b, ..) = read(&dir.join("pdf/kehoachtiepdoanktrstem_18-4-2026_signed_signed_signed_signed.pdf"));
    assert_eq!(a.issuer, b.issuer);
    assert_eq!(a.doc_type, b.doc_type);
    assert_eq!(symbol(&a).as_deref(), Some("/KH-SGDĐT"));
    assert_eq!(symbol(&b).as_deref(), Some("362/KH-SGDĐT"));
    let symbols = |d: &Document| -> std::collections::BTreeSet<String> {
        d.citations
            .iter()
            .filter_map(|c| c.symbol.as_ref().map(|s| s.to_string()))
            .collect()
    };
    let (draft, signed) = (symbols(&a), symbols(&b));
    assert!(draft.is_subset(&signed), "{draft:?} {signed:?}");
    // What the signed PDF cites beyond the draft: its own number, filled in
    // its annex (`Đính kèm Kế hoạch số 362 /KH-SGDĐT`), and `1849/BGDĐT-`
    // cut by the PDF's line wrap (`…1849/BGDĐT-\nGDPT`), a prefix of a
    // symbol the draft cites.
    for extra in signed.difference(&draft) {
        let own = Some(extra) == symbol(&b).as_ref();
        let wrapped = draft.iter().any(|d| d.starts_with(extra.as_str()));
        assert!(own || wrapped, "{extra}");
    }
    // The Constitution of 2013 as the gazette's PDF and as vbpl.vn's page:
    // the same issuer.
    let (a, ..) = read(&dir.join("pdf/(32801)-VanBanGoc_Hien_phap_2013.pdf"));
    let (b, ..) = read(&dir.join("html/vbpl_v1.html"));
    assert_eq!(a.issuer.as_deref(), Some("QUỐC HỘI"));
    assert_eq!(a.issuer, b.issuer);
    // The annexes of 30/2020/NĐ-CP as .docx and .doc: the same date.
    let (a, ..) = read(&dir.join("docx/Phuluc1.docx"));
    let (b, ..) = read(&dir.join("doc/Phuluc2.doc"));
    assert_eq!(date(&a), date(&b));
}

/// Words of a text (NFC, NULs as spaces), counted.
fn bag(text: &str) -> HashMap<String, usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut m = HashMap::new();
    let t: String = text.nfc().collect::<String>().replace('\0', " ");
    for w in t.split_whitespace() {
        *m.entry(w.to_string()).or_default() += 1;
    }
    m
}

/// (words in common, words in a, words in b).
fn agreement(a: &str, b: &str) -> (usize, usize, usize) {
    let (a, b) = (bag(a), bag(b));
    let common = a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum();
    (common, a.values().sum(), b.values().sum())
}

#[test]
fn gazette_pdfs_agree_with_their_text_layer() {
    let (Some(pdfs), Some(docs)) = (shared("gazette/pdf"), shared("gazette/docs")) else {
        return;
    };
    let (mut common, mut na, mut nb) = (0, 0, 0);
    let mut files = 0;
    for entry in std::fs::read_dir(&pdfs).unwrap() {
        let pdf = entry.unwrap().path();
        // (Only the PDFs: `vanban check` run on the folder leaves its cache
        // there.)
        if pdf.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let txt = docs.join(pdf.file_stem().unwrap()).with_extension("txt");
        let (from_pdf, text, format, _) = read(&pdf);
        let (from_txt, layer, ..) = read(&txt);
        assert_eq!(format, Format::Pdf);
        assert_eq!(symbol(&from_pdf), symbol(&from_txt), "{}", pdf.display());
        assert_eq!(date(&from_pdf), date(&from_txt), "{}", pdf.display());
        let (c, a, b) = agreement(&text, &layer);
        assert!(2 * c * 100 >= 95 * (a + b), "{}: {c} of {a}/{b} words", pdf.display());
        (common, na, nb) = (common + c, na + a, nb + b);
        files += 1;
    }
    assert_eq!(files, 24);
    let share = 2.0 * common as f64 / (na + nb) as f64;
    eprintln!("gazette: word agreement of the PDFs' text with the text layer {:.2}% ({common} words in common, {na} and {nb})", share * 100.0);
    assert!(share >= 0.98, "{share}");
}

// ---------------------------------------------------------------------------
// Bad input: each a clear error naming the file, no panic, bounded memory.

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read_error(path: &Path, opts: &ParseOptions) -> String {
    vanban::read_document(path, opts).expect_err("an error").to_string()
}

/// A small PDF with one page of text, built here.
fn small_pdf() -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 720 Td (So: 12/QD-UBND) Tj ET";
    let objs = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn a_small_pdf_reads_and_a_truncated_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = small_pdf();
    let whole = write(dir.path(), "whole.pdf", &pdf);
    let (_, text, format, _) = read(&whole);
    assert_eq!(format, Format::Pdf);
    assert_eq!(text, "So: 12/QD-UBND\n");
    let cut = write(dir.path(), "cut.pdf", &pdf[..pdf.len() / 3]);
    let e = read_error(&cut, &ParseOptions::default());
    assert!(
        e.starts_with(&format!("{}: cannot read this pdf: ", cut.display())),
        "{e}"
    );
    // Not a PDF at all, though named so.
    let fake = write(dir.path(), "fake.pdf", b"hello");
    let e = read_error(&fake, &ParseOptions::default());
    assert!(
        e.starts_with(&format!("{}: cannot read this pdf: ", fake.display())),
        "{e}"
    );
}

fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_zip_that_is_not_a_docx_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "photos.docx",
        &zip(&[("a.jpg", b"\xff\xd8"), ("b.txt", b"x")]),
    );
    let e = read_error(&f, &ParseOptions::default());
    assert_eq!(
        e,
        format!(
            "{}: cannot read this docx: a zip archive that is not a Word document: expected word/document.xml, found a.jpg, b.txt",
            f.display()
        )
    );
}

#[test]
fn a_zip_bomb_docx_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    // 64 MiB of one byte inflate from a few dozen KiB.
    let huge = vec![b' '; 64 << 20];
    let f = write(dir.path(), "bomb.docx", &zip(&[("word/document.xml", &huge)]));
    assert!(std::fs::metadata(&f).unwrap().len() < 1 << 20);
    let mut opts = ParseOptions::default();
    opts.max_size = 4 << 20;
    let e = read_error(&f, &opts);
    assert!(
        e.starts_with(&format!(
            "{}: cannot read this docx: word/document.xml inflates past the size limit of 4194304 bytes",
            f.display()
        )),
        "{e}"
    );
}

#[test]
fn deeply_nested_html_reads_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let n = 1_000_000;
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>Số: 12/QĐ-UBND</p>{}</body></html>",
        "<div><span>".repeat(n),
        "</span></div>".repeat(n)
    );
    let f = write(dir.path(), "deep.html", page.as_bytes());
    let (doc, text, format, _) = read(&f);
    assert_eq!(format, Format::Html);
    assert_eq!(text, "Số: 12/QĐ-UBND\n");
    assert!(doc.source.is_some());
    // Broken HTML is read as far as it goes, never an error.
    let broken = write(
        dir.path(),
        "broken.html",
        "<html><body><p>Hà Nội<div <<< & &#99999999; <!-- x".as_bytes(),
    );
    let (_, text, ..) = read(&broken);
    assert!(text.starts_with("Hà Nội"), "{text:?}");
}

#[test]
fn utf16_and_legacy_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 15/2010/QĐ-UBND\nHà Nội, ngày 26 tháng 4 năm 2010\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(doc.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let f = write(dir.path(), "unicode.txt", &le);
    let (d, text, _, enc) = read(&f);
    assert_eq!(text, doc);
    assert_eq!(enc, Some(TextEncoding::Utf16Le));
    assert_eq!(symbol(&d).as_deref(), Some("15/2010/QĐ-UBND"));
    assert_eq!(date(&d).as_deref(), Some("2010-04-26"));
    // Windows-1258: "Hà Nội" is H 0xE0 N 0xF4 0xF2 i (ô, then the dot below).
    let mut cp1258 =
        b"UBND TI\xd2NH\nS\xf4\xec: 12/Q\xd0-UBND\nH\xe0 N\xf4\xf2i, ng\xe0y 26 th\xe1ng 4 n\xe3m 2010\n".to_vec();
    cp1258.extend_from_slice(
        b"C\xe3n c\xfd\xec Lu\xe2\xf2t T\xf4\xd2 ch\xfd\xecc ch\xednh quy\xea\xccn \xf0i\xf2a ph\xfd\xf5ng\n",
    );
    let f = write(dir.path(), "cp1258.txt", &cp1258);
    let (d, text, _, enc) = read(&f);
    assert_eq!(enc, Some(TextEncoding::Windows1258), "{text}");
    assert!(text.contains("Hà Nội, ngày 26 tháng 4 năm 2010"), "{text}");
    assert_eq!(date(&d).as_deref(), Some("2010-04-26"));
    let r = &d.diagnostics[0];
    assert_eq!(r.code, "read");
    assert!(r.message.starts_with("decoded as windows-1258"), "{}", r.message);
}

#[test]
fn cli_text_format_in_and_encoding() {
    use assert_cmd::Command;
    let dir = tempfile::tempdir().unwrap();
    let doc = "UBND TỈNH X\nSố: 12/QĐ-UBND\nHà Nội, ngày 05 tháng 3 năm 2020\n";
    let le: Vec<u8> = doc.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let f = write(dir.path(), "a.txt", &le);
    // `vanban text` prints the text the spans point into.
    let out = Command::cargo_bin("vanban")
        .unwrap()
        .arg("text")
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), doc);
    let out = Command::cargo_bin("vanban")
        .unwrap()
        .args(["parse", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rec["source"],
        serde_json::json!({"format": "text", "encoding": "utf-16le", "spans_into": "extracted-text"})
    );
    let span = rec["spans"]["symbol"].as_array().unwrap();
    let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert_eq!(&doc[s..e], "12/QĐ-UBND");
    // --format-in: HTML in a .txt; --encoding: Latin-1 bytes forced.
    let f = write(dir.path(), "page.txt", "<p>Số: 12/QĐ-UBND</p><p>x</p>".as_bytes());
    Command::cargo_bin("vanban")
        .unwrap()
        .args(["text", "--format-in", "html"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout("Số: 12/QĐ-UBND\nx\n");
    let f = write(dir.path(), "latin.txt", b"caf\xe9\n");
    Command::cargo_bin("vanban")
        .unwrap()
        .args(["text", "--encoding", "windows-1252"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout("café\n");
    Command::cargo_bin("vanban")
        .unwrap()
        .args(["text", "--encoding", "koi8"])
        .arg(&f)
        .assert()
        .code(2);
}
