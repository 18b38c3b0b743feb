//! Stage 2: **parse** the document's structure (header, recipients, body,
//! footnotes, Nơi nhận, signature).
//!
//! Works on the normalized text, line by line, in a few linear passes:
//!
//! 1. footnotes: every `[n]` marker is found once (a marker at the start of a
//!    line opens a footnote body, one elsewhere is an in-text reference);
//! 2. the header window (the lines before the first `Căn cứ`, numbered
//!    section or prose paragraph): issuing body, national or Party header,
//!    số ký hiệu, place and date, type name and subject, urgency and secrecy,
//!    `Kính gửi`. TVPL collapses header cells onto one line (`BỘ TÀI CHÍNH
//!    TỔNG CỤC HẢI QUAN ------- CỘNG HÒA ...`), so each line is cut into
//!    segments at rules (`-----`, `___`) and table bars, and each segment is
//!    read left to right;
//! 3. the tail: `Nơi nhận:` entries and the signature block, which a torn
//!    two-column layout interleaves line by line;
//! 4. the body between them, with its numbered sections.
//!
//! A part that is missing or unreadable gives a [`Diagnostic`]; the rest is
//! still read.

use std::collections::HashMap;
use std::ops::Range;

use crate::date::{date_text, date_vi_bare, RawDate};
use crate::model::{Diagnostic, Document, Family, Footnote, Section, Severity, Signature, Span};
use crate::normalize::{fold_char, starts_with_folded};
use crate::symbol::symbol;
use crate::text::{fold_ws, Ctx};

/// How many lines the header may take at most.
const HEADER_MAX_LINES: usize = 150;
/// A line longer than this (bytes) without header keywords is body prose.
const PROSE_LEN: usize = 300;
/// How far a continuation of the subject may run (lines).
const SUBJECT_MAX_LINES: usize = 5;
/// How many lines the Nơi nhận / signature tail may take.
const TAIL_MAX_LINES: usize = 60;

/// Fill the structural fields of `doc`; return the footnote regions
/// (normalized offsets) for the citation stage.
pub(crate) fn parse_structure(ctx: &Ctx<'_>, doc: &mut Document) -> Vec<Range<usize>> {
    let lines = split_lines(ctx.norm, &ctx.lines);
    let mut p = Parser {
        ctx,
        norm: ctx.norm,
        lines,
        doc,
        footnote_lines: Vec::new(),
    };
    let regions = p.footnotes();
    let header = p.header();
    let body_start = p.recipients(&header);
    let tail = p.tail(body_start);
    p.body(body_start, tail);
    p.finish(&header);
    regions
}

/// A line of the normalized text, trimmed: `s..e`.
#[derive(Debug, Clone, Copy)]
struct Line {
    s: usize,
    e: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.s == self.e
    }
}

fn split_lines(norm: &str, lines: &crate::text::LineIndex) -> Vec<Line> {
    let starts = lines.starts();
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        if start == norm.len() {
            // After a final newline (or in an empty text): no line.
            break;
        }
        // Without its newline (normalized text has no `\r`).
        let end = starts.get(k + 1).map_or(norm.len(), |&next| next - 1);
        let content = &norm[start..end];
        let lead = content.len() - content.trim_start().len();
        let s = start + lead;
        let e = (start + content.trim_end().len()).max(s);
        out.push(Line { s, e });
    }
    out
}

/// What the header pass found (line indexes and offsets), for the later
/// passes.
#[derive(Debug, Default)]
struct Header {
    /// The `Kính gửi` keyword: line index and offset just after the keyword.
    kinh_gui: Option<(usize, usize)>,
    /// Last line that holds a header element.
    last_line: Option<usize>,
    /// Anything at all was found (a document, not an article).
    any: bool,
}

struct Parser<'c, 'a, 'd> {
    ctx: &'c Ctx<'a>,
    norm: &'a str,
    lines: Vec<Line>,
    doc: &'d mut Document,
    /// Line indexes of footnote bodies.
    footnote_lines: Vec<usize>,
}

// ---------------------------------------------------------------------------
// Small text predicates

/// `keyword` (folded) at the start of `s`, ending at a word boundary; the
/// number of bytes matched.
#[inline(always)]
fn kw_at(s: &str, keyword: &str) -> Option<usize> {
    let n = starts_with_folded(s, keyword)?;
    if s[n..].starts_with(|c: char| crate::text::is_alnum(c)) {
        return None;
    }
    Some(n)
}

/// Offset of a table row's first cell text (after `|`, `-` and spaces).
fn table_cell_start(t: &str) -> usize {
    t.len()
        - t.trim_start_matches(|c: char| c == '|' || c == '-' || c.is_whitespace())
            .len()
}

/// First occurrence of a folded `keyword` in `s` at word boundaries.
///
/// `keyword` is folded, so ASCII: a match starts with its first letter in
/// either case, or with a letter that folds to it (`Đ`, `Ô`). Only those
/// are tried; the word boundary before one is read back from the text.
fn find_kw(s: &str, keyword: &str) -> Option<(usize, usize)> {
    find_kw_until(s, keyword, s.len())
}

/// [`find_kw`], trying only starts up to `last` (inclusive).
fn find_kw_until(s: &str, keyword: &str, last: usize) -> Option<(usize, usize)> {
    let first = *keyword.as_bytes().first()?;
    debug_assert!(keyword.is_ascii(), "folded keywords are ASCII");
    let upper = first.to_ascii_uppercase();
    let bytes = s.as_bytes();
    let end = bytes.len().min(last.saturating_add(1));
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        let len = if b < 0x80 {
            if b != first && b != upper {
                i += 1;
                continue;
            }
            1
        } else {
            let c = s[i..].chars().next().expect("char boundary");
            if fold_char(c) != char::from(first) {
                i += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        let glued = s[..i].chars().next_back().is_some_and(crate::text::is_alnum);
        if !glued {
            if let Some(n) = kw_at(&s[i..], keyword) {
                return Some((i, i + n));
            }
        }
        i += len;
    }
    None
}

/// Upper-case text: at least two letters and no lower-case letter.
fn is_upper_text(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(crate::text::is_alpha(c));
    }
    letters >= 2
}

/// A word written like a name: an upper-case letter then lower-case letters.
fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = cs.collect();
    !rest.is_empty() && rest.iter().all(|c| c.is_lowercase())
}

/// Words of `s` with their byte offsets (relative to `s`).
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Cut a line into segments at rules (`-----`, `___`, `***`, `===`) and table
/// bars (`|`); each segment trimmed, empty ones dropped. Offsets absolute.
fn segments(norm: &str, line: Line) -> Vec<(usize, usize)> {
    let text = &norm[line.s..line.e];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut i = 0;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        let part = &text[a..b];
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        if !t.is_empty() {
            out.push((line.s + a + lead, line.s + a + lead + t.len()));
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'|' {
            push(seg_start, i, &mut out);
            i += 1;
            seg_start = i;
            continue;
        }
        if matches!(b, b'-' | b'_' | b'=' | b'*' | b'~') {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b {
                j += 1;
            }
            if j - i >= 3 {
                push(seg_start, i, &mut out);
                seg_start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(seg_start, bytes.len(), &mut out);
    out
}

/// Strip list bullets (`-`, `+`, `•`, `–`) and spaces at the start; return the
/// number of bytes removed.
fn bullet_len(s: &str) -> usize {
    let t = s.trim_start_matches(|c: char| matches!(c, '-' | '+' | '•' | '–' | '—' | '·') || c.is_whitespace());
    s.len() - t.len()
}

/// Does the line start with a list bullet?
fn has_bullet(s: &str) -> bool {
    s.starts_with(['-', '+', '•', '–', '—', '·'])
}

/// Clean an entry: bullets at the start, `,;.` and spaces at the end; returns
/// the kept byte range relative to `s`.
fn clean_entry(s: &str) -> (usize, usize) {
    let start = bullet_len(s);
    let t = s[start..].trim_end_matches(|c: char| matches!(c, ',' | ';' | '.') || c.is_whitespace());
    (start, start + t.len())
}

// ---------------------------------------------------------------------------
// Grammar rules of the header and the tail (one function per rule)

/// Motto ::= "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "ĐẢNG CỘNG SẢN VIỆT NAM"
fn motto(s: &str) -> Option<(usize, usize, Family)> {
    motto_until(s, s.len())
}

/// [`motto`], trying only starts up to `last` (inclusive).
fn motto_until(s: &str, last: usize) -> Option<(usize, usize, Family)> {
    let state = find_kw_until(s, "cong hoa xa hoi chu nghia viet nam", last).map(|(a, b)| (a, b, Family::State));
    let party = find_kw_until(s, "dang cong san viet nam", last).map(|(a, b)| (a, b, Family::Party));
    match (state, party) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// A motto at the start of `t` or after upper-case text only (an issuer
/// beside it), as a header anchor.
fn motto_anchor(t: &str) -> bool {
    // Only a motto with no lower-case letter before it counts: look no
    // further than the first one (most lines of prose end the search in
    // their first word).
    let first_lower = t.find(char::is_lowercase).unwrap_or(t.len());
    motto_until(t, first_lower).is_some_and(|(ms, _, _)| ms == 0 || is_upper_text(&t[..ms]))
}

// MottoTail ::= "Độc lập" "-" "Tự do" "-" "Hạnh phúc"
/// Bytes of the national motto's second line at the start of `s`, if there.
fn motto_tail(s: &str) -> usize {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    if kw_at(t, "doc lap").is_none() {
        return 0;
    }
    match find_kw(t, "hanh phuc") {
        Some((_, e)) if e < 60 => lead + e,
        _ => 0,
    }
}

// SymbolIntro ::= "Số" ":"? | TypeName Sp "Số" ":"      ("Số:", "Số", "Luật số:", "Nghị quyết số:")
/// The `Số` that introduces the document's own số ký hiệu, at the start of
/// `s`; the bytes up to the symbol. `Số hiệu`, `Số lượng` are not it.
fn symbol_intro(s: &str) -> Option<usize> {
    let at = match type_name_at(s) {
        Some((n, _)) if s[n..].starts_with([' ', '\t']) => n + (s[n..].len() - s[n..].trim_start().len()),
        _ => 0,
    };
    let rest = &s[at..];
    if at == 0 && !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let n = kw_at(rest, "so")?;
    let after = &rest[n..];
    let t = after.trim_start_matches([' ', '\t']);
    let colon = t.starts_with(':');
    let t2 = if colon {
        t[1..].trim_start_matches([' ', '\t'])
    } else {
        t
    };
    let ok = colon || (at == 0 && (t2.is_empty() || t2.starts_with(|c: char| c.is_ascii_digit() || c == '/')));
    if !ok {
        return None;
    }
    Some(at + n + (after.len() - t2.len()))
}

// SymbolField ::= ("Số hiệu" | "Số ký hiệu" | "Số văn bản") (":" | Sp)* Symbol
/// A số ký hiệu given in an information table or list (curated copies):
/// the bytes up to the symbol.
fn symbol_field(s: &str) -> Option<usize> {
    let n = kw_at(s, "so hieu")
        .or_else(|| kw_at(s, "so ky hieu"))
        .or_else(|| kw_at(s, "so van ban"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace());
    Some(s.len() - t.len())
}

// DateField ::= ("Ngày ban hành" | "Ngày ký") (":" | "|" | Sp)* Date
/// A date given in an information table or list: the bytes up to the date.
fn date_field(s: &str) -> Option<usize> {
    let n = kw_at(s, "ngay ban hanh").or_else(|| kw_at(s, "ngay ky"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace());
    Some(s.len() - t.len())
}

// Place ::= Word{1,6}    (capitalised first word, no digits), then "," or "."
/// Is `s` (the text before `ngày`) a place name? Returns its trimmed range.
fn place(s: &str) -> Option<(usize, usize)> {
    let t = s.trim_end();
    let t = t.strip_suffix([',', '.']).unwrap_or(t).trim_end();
    let lead = t.len() - t.trim_start().len();
    let t = t.trim_start();
    if t.is_empty() {
        return None;
    }
    let ws = words(t);
    if ws.len() > 6
        || !t.chars().next().is_some_and(char::is_uppercase)
        || t.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | '(' | ')' | '/' | ';' | '“' | '"'))
    {
        return None;
    }
    Some((lead, lead + t.len()))
}

// Subject ::= ("V/v" | "V/V") Sp Text
/// `V/v` at the start of `s`: the bytes up to the subject text.
fn vv(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() >= 3 && (b[0] == b'V' || b[0] == b'v') && b[1] == b'/' && (b[2] == b'v' || b[2] == b'V') {
        let rest = &s[3..];
        if rest.is_empty() || rest.starts_with([' ', '\t', ':']) {
            return Some(3 + (rest.len() - rest.trim_start_matches([' ', '\t', ':']).len()));
        }
    }
    None
}

/// Type names printed as a title (`NGHỊ ĐỊNH`), folded, with their
/// canonical name; longer names first.
const TITLES: &[(&str, &str)] = &[
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("van ban hop nhat", "Văn bản hợp nhất"),
    ("bo luat", "Bộ luật"),
    ("nghi dinh", "Nghị định"),
    ("nghi quyet", "Nghị quyết"),
    ("thong tu", "Thông tư"),
    ("quyet dinh", "Quyết định"),
    ("chi thi", "Chỉ thị"),
    ("phap lenh", "Pháp lệnh"),
    ("ke hoach", "Kế hoạch"),
    ("thong bao", "Thông báo"),
    ("cong dien", "Công điện"),
    ("huong dan", "Hướng dẫn"),
    ("quy dinh", "Quy định"),
    ("quy che", "Quy chế"),
    ("bao cao", "Báo cáo"),
    ("to trinh", "Tờ trình"),
    ("chuong trinh", "Chương trình"),
    ("ket luan", "Kết luận"),
    ("thong tri", "Thông tri"),
    ("cong van", "Công văn"),
    ("luat", "Luật"),
    ("lenh", "Lệnh"),
];

// Title ::= TypeName (Sp Text)?         (upper case: `NGHỊ ĐỊNH`, `LUẬT BIỂN VIỆT NAM`)
/// A type-name title at the start of `s`: bytes matched and canonical name.
fn title(s: &str) -> Option<(usize, &'static str)> {
    type_name_at(s).filter(|&(n, _)| is_upper_text(&s[..n]) || (n <= 3 && s[..n].chars().all(|c| !c.is_lowercase())))
}

/// A type name at the start of `s`, in any case (`Nghị quyết`, `LUẬT`).
fn type_name_at(s: &str) -> Option<(usize, &'static str)> {
    // Only the names that start with the letter `s` starts with (a
    // combining mark first, which the match skips: all of them).
    let first = s.chars().next().map(fold_char)?;
    TITLES
        .iter()
        .filter(|(kw, _)| first == '\u{0}' || kw.starts_with(first))
        .find_map(|(kw, name)| kw_at(s, kw).map(|n| (n, *name)))
}

// Mark ::= "HỎA TỐC" | "THƯỢNG KHẨN" | "KHẨN" | "TUYỆT MẬT" | "TỐI MẬT" | "MẬT"
/// An urgency (`true`) or secrecy (`false`) mark filling `s`.
fn mark(s: &str) -> Option<bool> {
    if !is_upper_text(s) {
        return None;
    }
    for (kw, urgent) in [
        ("hoa toc", true),
        ("thuong khan", true),
        ("khan", true),
        ("tuyet mat", false),
        ("toi mat", false),
        ("mat", false),
    ] {
        if kw_at(s, kw).is_some_and(|n| s[n..].trim().is_empty()) {
            return Some(urgent);
        }
    }
    None
}

// KinhGui ::= ("Kính gửi" | "Kính gởi") ":"?
/// `Kính gửi` at the start of `s`: bytes up to the first addressee.
fn kinh_gui(s: &str) -> Option<usize> {
    let n = kw_at(s, "kinh gui").or_else(|| kw_at(s, "kinh goi"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    Some(s.len() - t.len())
}

// NoiNhan ::= ("Nơi nhận" | "Noi nhận") ":"
/// `Nơi nhận:` at the start of `s`: bytes up to the first entry.
fn noi_nhan(s: &str) -> Option<usize> {
    let n = kw_at(s, "noi nhan")?;
    let t = s[n..].trim_start_matches([' ', '\t']);
    if !(t.is_empty() || t.starts_with(':')) {
        return None;
    }
    let t = t.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    Some(s.len() - t.len())
}

// Authority ::= ("TM." | "KT." | "Q." | "TL." | "TUQ." | "T/M" | "K/T" | "T/L" | "Q/") Sp?
/// An authority prefix at the start of a word: its length in bytes.
fn authority_prefix(w: &str) -> Option<usize> {
    // Every prefix starts with `T`, `K` or `Q`: most lines are settled by
    // their first byte.
    if !matches!(w.as_bytes().first(), Some(b'T' | b'K' | b'Q')) {
        return None;
    }
    for p in [
        "TUQ.", "TM.", "KT.", "TL.", "Q.", "T/M", "K/T", "T/L", "T.M", "K.T", "T.L",
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.is_empty() || rest.chars().next().is_some_and(char::is_uppercase) {
                return Some(p.len());
            }
        }
    }
    None
}

/// Words that open a position (`PHÓ THỦ TƯỚNG`, `GIÁM ĐỐC`), folded.
const POSITIONS: &[&str] = &[
    "pho",
    "thu tuong",
    "chu tich",
    "bo truong",
    "thu truong",
    "bi thu",
    "giam doc",
    "chanh an",
    "vien truong",
    "tong cuc truong",
    "cuc truong",
    "truong ban",
    "chu nhiem",
    "thong doc",
    "tong kiem toan",
    "chanh van phong",
    "tong thu ky",
    "tong giam doc",
    "truong phong",
    "chi cuc truong",
];

fn position_at(s: &str) -> bool {
    POSITIONS.iter().any(|p| kw_at(s, p).is_some())
}

// SectionLabel ::= "Phần" Sp Word | "Chương" Sp Roman | "Mục" Sp Digits
//                | "Điều" Sp Digits ("." | ":")? | Digits ("." | "-" | ")") Sp | Roman "." Sp
/// A section label at the start of a line: its length and kind
/// (0 = Phần/Chương/Mục, 1 = Điều, 2 = numbered `1.`, 3 = Roman `I.`).
fn section_label(s: &str) -> Option<(usize, u8)> {
    // Every label starts with an upper-case letter or a digit (a keyword
    // in lower case is no label).
    let first = s.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    for (kw, kind) in [("dieu", 1u8), ("chuong", 0), ("muc", 0), ("phan", 0)] {
        if let Some(n) = kw_at(s, kw) {
            if !s.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let rest = &s[n..];
            let t = rest.trim_start_matches(' ');
            if t.len() == rest.len() {
                return None;
            }
            let num_len = t.find(|c: char| !(c.is_ascii_alphanumeric())).unwrap_or(t.len());
            if num_len == 0 || num_len > 8 {
                return None;
            }
            let num = &t[..num_len];
            let ok = match kind {
                1 => num.chars().next().is_some_and(|c| c.is_ascii_digit()),
                _ => num.chars().all(|c| c.is_ascii_digit() || "IVXLC".contains(c)) || kw == "phan",
            };
            if !ok {
                return None;
            }
            let mut end = s.len() - t.len() + num_len;
            if s[end..].starts_with(['.', ':']) {
                end += 1;
            }
            return Some((end, kind));
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if rest.starts_with(['.', '-', ')']) && rest[1..].starts_with([' ', '\t']) {
            return Some((digits + 1, 2));
        }
        return None;
    }
    let roman = s.bytes().take_while(|b| b"IVXL".contains(b)).count();
    if (1..=5).contains(&roman) && s[roman..].starts_with(". ") {
        return Some((roman + 1, 3));
    }
    None
}

/// Does the line open with `<Place>, ngày`?
fn starts_with_place_date(t: &str) -> bool {
    let head = &t[..t.floor_char_boundary_compat(120)];
    find_kw(head, "ngay").is_some_and(|(ns, _)| ns == 0 || place(&head[..ns]).is_some())
}

/// `str::floor_char_boundary` for older toolchains.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// `[n]` at the start of `s`: the marker digits and the bytes matched.
fn bracket_marker(s: &str) -> Option<(&str, usize)> {
    let rest = s.strip_prefix('[')?;
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) || !rest[d..].starts_with(']') {
        return None;
    }
    Some((&rest[..d], d + 2))
}

// ---------------------------------------------------------------------------
// Passes

impl<'c, 'a, 'd> Parser<'c, 'a, 'd> {
    fn text(&self, l: usize) -> &'a str {
        let line = self.lines[l];
        &self.norm[line.s..line.e]
    }

    fn span(&self, s: usize, e: usize) -> Span {
        self.ctx.span(s, e)
    }

    fn diag(&mut self, code: &str, severity: Severity, message: impl Into<String>, span: Option<Span>) {
        self.doc
            .diagnostics
            .push(Diagnostic::new(code, severity, message, span));
    }

    /// Footnote bodies (`[1] ...` at the start of a line) and their in-text
    /// markers.
    fn footnotes(&mut self) -> Vec<Range<usize>> {
        let norm = self.norm;
        // Every in-text marker, by number: one pass over the `[`.
        let mut refs: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        let mut bodies: Vec<(usize, &str, usize)> = Vec::new(); // (line, marker, marker len)
        let mut line_idx = 0;
        for at in memchr::memchr_iter(b'[', norm.as_bytes()) {
            let Some((marker, len)) = bracket_marker(&norm[at..]) else {
                continue;
            };
            while line_idx + 1 < self.lines.len() && self.lines[line_idx + 1].s <= at {
                line_idx += 1;
            }
            let line = self.lines[line_idx];
            if at == line.s && line_idx > 0 {
                let after = &norm[at + len..line.e];
                if after.starts_with([' ', '\t']) && !after.trim().is_empty() {
                    bodies.push((line_idx, marker, len));
                    continue;
                }
            }
            refs.entry(marker).or_default().push((at, at + len));
        }
        let mut regions = Vec::new();
        for (l, marker, len) in bodies {
            let line = self.lines[l];
            let text_s =
                line.s + len + (norm[line.s + len..line.e].len() - norm[line.s + len..line.e].trim_start().len());
            let reference = refs.get(marker).and_then(|v| {
                let k = v.partition_point(|r| r.0 < line.s);
                (k > 0).then(|| self.span(v[k - 1].0, v[k - 1].1))
            });
            self.doc.footnotes.push(Footnote {
                marker: marker.to_string(),
                text: fold_ws(&norm[text_s..line.e]),
                span: self.span(line.s, line.e),
                reference,
            });
            self.footnote_lines.push(l);
            regions.push(line.s..line.e);
        }
        regions
    }

    fn is_footnote_line(&self, l: usize) -> bool {
        self.footnote_lines.binary_search(&l).is_ok()
    }

    /// Does line `l` hold a header anchor: the national or Party header
    /// (at the start, or after an upper-case issuer), a `Số:` line, a
    /// `<Place>, ngày` line or `Kính gửi`?
    fn is_anchor(&self, l: usize) -> bool {
        let t = self.text(l);
        if motto_anchor(t) {
            return true;
        }
        let unb = &t[bullet_len(t)..];
        symbol_intro(t).is_some_and(|n| n == t.len() || symbol(&t[n..]).is_ok())
            || kinh_gui(unb).is_some()
            || starts_with_place_date(t)
    }

    /// The header window `start..end`. Usually it starts at the top; a copy
    /// that prints a summary (`Căn cứ ...` list, a table) before the
    /// document's own header gets the window moved down to that header.
    fn header_window(&self) -> (usize, usize) {
        let end = self.header_end(0);
        if (0..end).any(|l| self.is_anchor(l)) {
            return (0, end);
        }
        let max = self.lines.len().min(end + HEADER_MAX_LINES);
        match (end..max).find(|&l| self.is_anchor(l)) {
            Some(a) => {
                let mut start = a;
                while start > end && start + 2 > a && is_upper_text(self.text(start - 1)) {
                    start -= 1;
                }
                (start, self.header_end(start))
            }
            None => (0, end),
        }
    }

    /// The header window: where does it end?
    fn header_end(&self, from: usize) -> usize {
        let max = self.lines.len().min(from + HEADER_MAX_LINES);
        let mut in_list = false;
        for l in from..max {
            let t = self.text(l);
            if t.is_empty() {
                continue;
            }
            let unbulleted = &t[bullet_len(t)..];
            if kinh_gui(unbulleted).is_some() {
                in_list = true;
                continue;
            }
            if in_list && has_bullet(t) {
                continue;
            }
            if kw_at(t, "can cu").is_some() && t.len() > 40 {
                return l;
            }
            if let Some((_, kind)) = section_label(t) {
                if kind != 0 || t.len() > 12 {
                    return l;
                }
            }
            if t.len() > PROSE_LEN
                && !starts_with_place_date(t)
                && motto(t).is_none()
                && symbol_intro(t).is_none()
                && find_kw(t, "kinh gui").is_none()
                && find_kw(t, "kinh goi").is_none()
            {
                return l;
            }
            if in_list {
                // A line after the Kính gửi list that is not a bullet: body.
                return l;
            }
        }
        max
    }

    /// Read the header window.
    fn header(&mut self) -> Header {
        let (start, end) = self.header_window();
        let mut h = Header::default();
        let norm = self.norm;
        // Issuer candidates: (start, end, line).
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        let mut issuer_frozen = false;
        let mut family_span: Option<(usize, usize, Family)> = None;
        let mut sym_found = false;
        let mut date_found = false;
        let mut pending_symbol = false;
        let mut subject_from: Option<(usize, usize, usize)> = None; // (start, end, line) of subject first part
        let mut title_found = false;
        let mut symbol_line: Option<usize> = None;
        let mut l = start;
        'lines: while l < end {
            let line = self.lines[l];
            if line.is_blank() {
                l += 1;
                continue;
            }
            for (ss, se) in segments(norm, line) {
                let mut cur = ss;
                while cur < se {
                    let seg = norm[cur..se].trim_start();
                    cur = se - seg.len();
                    if seg.is_empty() {
                        break;
                    }
                    // A symbol announced on the previous line (`Số:` ⏎ symbol).
                    if pending_symbol {
                        pending_symbol = false;
                        if let Some(n) = self.read_symbol(cur, se, true) {
                            sym_found = true;
                            symbol_line = Some(l);
                            h.last_line = Some(l);
                            cur += n;
                            continue;
                        }
                    }
                    let unb = bullet_len(seg);
                    if let Some(n) = kinh_gui(&seg[unb..]) {
                        h.kinh_gui = Some((l, cur + unb + n));
                        h.last_line = Some(l);
                        break 'lines;
                    }
                    if !date_found {
                        if let Some(n) = self.read_place_date(cur, se) {
                            date_found = true;
                            issuer_frozen = true;
                            h.last_line = Some(l);
                            cur += n;
                            continue;
                        }
                    }
                    if let Some((ms, me, fam)) = motto(seg) {
                        if family_span.is_none() {
                            family_span = Some((cur + ms, cur + me, fam));
                        }
                        if ms > 0 {
                            self.issuer_candidate(cur, cur + ms, l, &mut cands, issuer_frozen);
                        }
                        issuer_frozen = true;
                        h.last_line = Some(l);
                        cur += me;
                        cur += motto_tail(&norm[cur..se]);
                        continue;
                    }
                    if !sym_found {
                        if let Some(n) = symbol_intro(seg) {
                            issuer_frozen = true;
                            h.last_line = Some(l);
                            let at = cur + n;
                            if at >= se {
                                pending_symbol = true;
                                cur = se;
                                continue;
                            }
                            match self.read_symbol(at, se, seg[..n].contains(':')) {
                                Some(m) => {
                                    sym_found = true;
                                    symbol_line = Some(l);
                                    cur = at + m;
                                }
                                None => cur = se,
                            }
                            continue;
                        }
                    }
                    if let Some(n) = vv(seg) {
                        if subject_from.is_none() && !title_found {
                            subject_from = Some((cur + n, se, l));
                            self.doc.doc_type.get_or_insert_with(|| "Công văn".to_string());
                        }
                        h.last_line = Some(l);
                        cur = se;
                        continue;
                    }
                    if !title_found {
                        if let Some((n, name)) = title(seg) {
                            if is_upper_text(seg) || seg[n..].trim().is_empty() {
                                title_found = true;
                                self.doc.doc_type = Some(name.to_string());
                                self.doc.spans.doc_type = Some(self.span(cur, cur + n));
                                let rest = norm[cur + n..se].trim_start();
                                let rs = se - rest.len();
                                if subject_from.is_none() {
                                    subject_from = Some((rs, se, l));
                                }
                                h.last_line = Some(l);
                                cur = se;
                                continue;
                            }
                        }
                    }
                    if let Some(urgent) = mark(seg) {
                        let v = fold_ws(seg);
                        if urgent {
                            self.doc.urgency.get_or_insert(v);
                        } else {
                            self.doc.secrecy.get_or_insert(v);
                        }
                        cur = se;
                        continue;
                    }
                    if motto_tail(seg) > 0 {
                        cur += motto_tail(seg);
                        continue;
                    }
                    self.issuer_candidate(cur, se, l, &mut cands, issuer_frozen);
                    cur = se;
                }
            }
            l += 1;
        }
        // Family.
        if let Some((s, e, fam)) = family_span {
            self.doc.family = Some(fam);
            self.doc.spans.family = Some(self.span(s, e));
        }
        // Issuer and parent.
        self.set_issuer(&cands);
        // Fallbacks from an information table (curated copies).
        if !sym_found {
            sym_found = self.symbol_from_field(end) || self.symbol_from_title();
        }
        if !date_found {
            self.date_from_field(end);
        }
        // Subject: V/v or title (+ continuation lines), or the Party công
        // văn's summary under the number.
        let party_cv = self
            .doc
            .symbol
            .as_ref()
            .is_some_and(|s| s.is_party() && s.type_code() == Some("CV"));
        match subject_from {
            Some((s, e, line)) => self.read_subject(s, e, line, end, &mut h),
            None if party_cv => {
                if let Some(sl) = symbol_line {
                    self.party_summary(sl, end, &mut h);
                }
            }
            None => {}
        }
        if party_cv && self.doc.doc_type.is_none() {
            self.doc.doc_type = Some("Công văn".to_string());
        }
        h.any = sym_found
            || date_found
            || family_span.is_some()
            || self.doc.issuer.is_some()
            || h.kinh_gui.is_some()
            || title_found;
        h
    }

    fn issuer_candidate(&self, s: usize, e: usize, line: usize, cands: &mut Vec<(usize, usize, usize)>, frozen: bool) {
        if frozen {
            return;
        }
        let t = &self.norm[s..e];
        let trimmed = t.trim_matches(|c: char| !crate::text::is_alnum(c));
        if trimmed.is_empty() {
            return;
        }
        if is_upper_text(t) && t.len() < 160 {
            let off = t.find(trimmed).unwrap_or(0);
            cands.push((s + off, s + off + trimmed.len(), line));
        } else {
            cands.clear();
        }
    }

    fn set_issuer(&mut self, cands: &[(usize, usize, usize)]) {
        let Some(&(s, e, line)) = cands.last() else {
            return;
        };
        let text = &self.norm[s..e];
        // A parent body printed on the same segment (`BỘ TÀI CHÍNH TỔNG CỤC
        // HẢI QUAN`): cut before the last unit word that is not the first.
        if let Some(cut) = unit_split(text) {
            let parent = text[..cut].trim_end();
            self.doc.issuer_parent = Some(fold_ws(parent));
            self.doc.spans.issuer_parent = Some(self.span(s, s + parent.len()));
            self.doc.issuer = Some(fold_ws(&text[cut..]));
            self.doc.spans.issuer = Some(self.span(s + cut, e));
            return;
        }
        self.doc.issuer = Some(fold_ws(text));
        self.doc.spans.issuer = Some(self.span(s, e));
        if cands.len() >= 2 {
            let (ps, pe, pl) = cands[cands.len() - 2];
            if pl + 1 == line || pl == line {
                self.doc.issuer_parent = Some(fold_ws(&self.norm[ps..pe]));
                self.doc.spans.issuer_parent = Some(self.span(ps, pe));
            }
        }
    }

    /// Read a số ký hiệu at `at` (up to `end`); on success set it and return
    /// the bytes read. `announced`: a `Số:` with a colon came before, so a
    /// failure is worth a diagnostic.
    fn read_symbol(&mut self, at: usize, end: usize, announced: bool) -> Option<usize> {
        let text = &self.norm[at..end];
        match symbol(text) {
            Ok((rest, raw)) => {
                let used = text.len() - rest.len();
                let sym_text = text[..used].trim_end();
                let (sym, notes) = raw.into_symbol(text);
                for n in notes {
                    let span = self.span(at + n.span.start, at + n.span.end);
                    self.diag(n.code, n.severity, n.message, Some(span));
                }
                let span = self.span(at, at + sym_text.len());
                if span.slice(self.ctx.original).contains('Ð') {
                    self.diag(
                        "lookalike-letter",
                        Severity::Info,
                        "look-alike letter: expected `Đ` (U+0110), found `Ð` (U+00D0)",
                        Some(span),
                    );
                }
                self.doc.number = sym.number();
                self.doc.symbol = Some(sym);
                self.doc.spans.symbol = Some(span);
                Some(used)
            }
            Err(_) => {
                if announced {
                    let shown: String = text.chars().take(24).collect();
                    let e = at + shown.len();
                    let span = self.span(at, e);
                    self.diag(
                        "unreadable-symbol",
                        Severity::Warning,
                        format!("unreadable số ký hiệu: expected a symbol such as \"123/QĐ-UBND\" after \"Số:\", found {shown:?}"),
                        Some(span),
                    );
                }
                None
            }
        }
    }

    /// `<Place>, ngày ...` in the segment `s..e`: set place and date, return
    /// the bytes read from `s`.
    fn read_place_date(&mut self, s: usize, e: usize) -> Option<usize> {
        let seg = &self.norm[s..e];
        let (ns, _) = find_kw(seg, "ngay")?;
        let place_range = place(&seg[..ns]);
        if ns > 0 && place_range.is_none() {
            return None;
        }
        let at = s + ns;
        let parsed = date_text(&self.norm[at..e]);
        if let Some((ps, pe)) = place_range {
            self.doc.place = Some(fold_ws(&seg[ps..pe]));
            self.doc.spans.place = Some(self.span(s + ps, s + pe));
        }
        match parsed {
            Ok((rest, raw)) => {
                let de = e - rest.len();
                self.set_date(raw, at, de);
                Some(de - s)
            }
            Err(_) => {
                place_range?;
                let shown: String = self.norm[at..e].chars().take(32).collect();
                let span = self.span(at, at + shown.len());
                self.diag(
                    "unreadable-date",
                    Severity::Warning,
                    format!("unreadable date: expected \"ngày D tháng M năm YYYY\" after the place, found {shown:?}"),
                    Some(span),
                );
                Some(e - s)
            }
        }
    }

    fn set_date(&mut self, raw: RawDate, s: usize, e: usize) {
        let span = self.span(s, e);
        match raw.validate() {
            Ok(d) => {
                self.doc.date = Some(d);
                self.doc.spans.date = Some(span);
            }
            Err(problem) => {
                let found = fold_ws(&self.norm[s..e]);
                self.diag(
                    "impossible-date",
                    Severity::Warning,
                    format!(
                        "impossible date of issue: expected {}, found {found:?}",
                        problem.expected()
                    ),
                    Some(span),
                );
            }
        }
    }

    /// `Số hiệu | 91/2026/TT-BTC` in an information table.
    fn symbol_from_field(&mut self, end: usize) -> bool {
        for l in 0..end {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            if let Some(n) = symbol_field(&t[lead..]) {
                let at = line.s + lead + n;
                let stop = self.norm[at..line.e].find('|').map_or(line.e, |p| at + p);
                if self.read_symbol(at, stop, false).is_some() {
                    let span = self.doc.spans.symbol;
                    self.diag(
                        "symbol-from-table",
                        Severity::Info,
                        "no \"Số:\" line: expected one in the header, found the số ký hiệu in an information table",
                        span,
                    );
                    return true;
                }
            }
        }
        false
    }

    // CopyTitle ::= (TypeName Sp ("số" ":"? Sp)?)? Symbol (Sp Text)?
    /// The title a copy prints on its first line (`Nghị định 102/2017/NĐ-CP`,
    /// `# 46/2026/NĐ-CP`), when the document's own `Số:` line is missing.
    fn symbol_from_title(&mut self) -> bool {
        let Some(l) = (0..self.lines.len().min(HEADER_MAX_LINES)).find(|&l| !self.lines[l].is_blank()) else {
            return false;
        };
        let line = self.lines[l];
        let t = self.text(l);
        let mut at = 0;
        if let Some((n, _)) = type_name_at(t) {
            at = n + (t[n..].len() - t[n..].trim_start().len());
            if let Some(k) = kw_at(&t[at..], "so") {
                let r = &t[at + k..];
                at += k + (r.len() - r.trim_start_matches(|c: char| c == ':' || c.is_whitespace()).len());
            }
        }
        let rest = &t[at..];
        let shaped = symbol(rest).is_ok_and(|(r, raw)| {
            (r.is_empty() || r.starts_with([' ', '\t']))
                && raw.number.is_some()
                && raw.codes.len() + usize::from(raw.year.is_some()) >= 2
        });
        if !shaped || self.read_symbol(line.s + at, line.e, false).is_none() {
            return false;
        }
        let span = self.doc.spans.symbol;
        self.diag(
            "symbol-from-title",
            Severity::Info,
            "no \"Số:\" line: expected one in the header, found the số ký hiệu in the copy's title",
            span,
        );
        true
    }

    /// `Ngày ban hành | 30/6/2026` in an information table.
    fn date_from_field(&mut self, end: usize) {
        for l in 0..end {
            let line = self.lines[l];
            let t = self.text(l);
            let lead = table_cell_start(t);
            if let Some(n) = date_field(&t[lead..]) {
                let at = line.s + lead + n;
                let field = &self.norm[at..line.e];
                // `2026-06-30` (ISO, as some tables print it).
                let iso = field
                    .get(..10)
                    .filter(|_| field[10..].starts_with([' ', '|']) || field.len() == 10);
                if let Some(d) = iso.and_then(|f| f.parse::<crate::date::IssueDate>().ok()) {
                    self.doc.date = Some(d);
                    self.doc.spans.date = Some(self.span(at, at + 10));
                    return;
                }
                if let Ok((rest, raw)) = date_text(field).or_else(|_| date_vi_bare(field)) {
                    let de = line.e - rest.len();
                    self.set_date(raw, at, de);
                    if self.doc.date.is_some() {
                        let span = self.doc.spans.date;
                        self.diag(
                            "date-from-table",
                            Severity::Info,
                            "no date line: expected \"<place>, ngày ...\" in the header, found the date in an information table",
                            span,
                        );
                        return;
                    }
                }
            }
        }
    }

    /// The subject starting at `s..e` on `line`, continued on the following
    /// lines that do not start a new header part.
    fn read_subject(&mut self, s: usize, e: usize, line: usize, end: usize, h: &mut Header) {
        let mut parts: Vec<(usize, usize)> = Vec::new();
        if s < e {
            parts.push((s, e));
        }
        let mut l = line + 1;
        let mut taken = 0;
        // A title alone on its line: the subject is the next paragraph.
        let title_alone = parts.is_empty();
        let mut blank_seen = false;
        while l < end.max(line + 1).min(self.lines.len()) && taken < SUBJECT_MAX_LINES {
            let ln = self.lines[l];
            if ln.is_blank() {
                blank_seen = true;
                l += 1;
                continue;
            }
            let t = self.text(l);
            if self.is_header_start(t) || t.len() > 250 {
                break;
            }
            let first = t.chars().next().unwrap_or(' ');
            let continues = if title_alone && parts.is_empty() {
                true
            } else if title_alone {
                !blank_seen
            } else {
                first.is_lowercase() || matches!(first, '“' | '"' | '(' | '‘')
            };
            if !continues {
                break;
            }
            blank_seen = false;
            parts.push((ln.s, ln.e));
            h.last_line = Some(l);
            taken += 1;
            l += 1;
        }
        self.set_subject(&parts);
    }

    /// A line that opens another header part.
    fn is_header_start(&self, t: &str) -> bool {
        let unb = &t[bullet_len(t)..];
        kinh_gui(unb).is_some()
            || motto(t).is_some()
            || symbol_intro(t).is_some()
            || kw_at(t, "can cu").is_some()
            || section_label(t).is_some()
            || find_kw(t, "ngay").is_some_and(|(ns, _)| place(&t[..ns]).is_some())
    }

    /// A Party công văn prints its summary under the number, without `V/v`.
    fn party_summary(&mut self, sym_line: usize, end: usize, h: &mut Header) {
        let mut parts = Vec::new();
        for l in sym_line + 1..end.min(sym_line + 1 + 2 * SUBJECT_MAX_LINES) {
            let ln = self.lines[l];
            if ln.is_blank() {
                continue;
            }
            let t = self.text(l);
            if self.is_header_start(t) || is_upper_text(t) || t.len() > 250 || parts.len() >= SUBJECT_MAX_LINES {
                break;
            }
            parts.push((ln.s, ln.e));
            h.last_line = Some(l);
        }
        self.set_subject(&parts);
    }

    fn set_subject(&mut self, parts: &[(usize, usize)]) {
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            return;
        };
        let joined: Vec<&str> = parts.iter().map(|&(s, e)| &self.norm[s..e]).collect();
        let text = fold_ws(&joined.join(" "));
        if text.is_empty() {
            return;
        }
        self.doc.subject = Some(text);
        self.doc.spans.subject = Some(self.span(first.0, last.1));
    }

    /// `Kính gửi:` and its list; returns the first body line.
    fn recipients(&mut self, h: &Header) -> usize {
        let Some((kl, after)) = h.kinh_gui else {
            return match h.last_line {
                Some(l) if h.any => l + 1,
                _ => 0,
            }
            .min(self.lines.len());
        };
        let mut last = kl;
        let line = self.lines[kl];
        // The rest of the Kính gửi line.
        if after < line.e {
            self.push_recipient(after, line.e);
        }
        let mut l = kl + 1;
        while l < self.lines.len() {
            let ln = self.lines[l];
            if ln.is_blank() {
                l += 1;
                continue;
            }
            let t = self.text(l);
            if !has_bullet(t) || t.len() > PROSE_LEN {
                break;
            }
            self.push_recipient(ln.s, ln.e);
            last = l;
            l += 1;
        }
        last + 1
    }

    fn push_recipient(&mut self, s: usize, e: usize) {
        let (a, b) = clean_entry(&self.norm[s..e]);
        if a < b {
            self.doc.recipients.push(fold_ws(&self.norm[s + a..s + b]));
            let span = self.span(s + a, s + b);
            self.doc.spans.recipients.push(span);
        }
    }

    /// Nơi nhận and the signature: returns the first line of the tail (the
    /// end of the body), if there is a tail.
    fn tail(&mut self, body_start: usize) -> Option<usize> {
        let n = self.lines.len();
        let nn = (body_start..n).find(|&l| {
            let t = self.text(l);
            noi_nhan(&t[bullet_len(t)..]).is_some()
        });
        let mut start = nn;
        // A signature printed before Nơi nhận, or without Nơi nhận.
        let first_auth = |p: &Self, from: usize, to: usize| {
            (from..to).find(|&l| {
                let t = p.text(l);
                !p.is_footnote_line(l) && authority_prefix(t).is_some() && {
                    // The first 24 bytes, cut on a char boundary.
                    let cut = (0..=t.len().min(24))
                        .rev()
                        .find(|&i| t.is_char_boundary(i))
                        .unwrap_or(0);
                    is_upper_text(&t[..cut])
                }
            })
        };
        match nn {
            Some(l) => {
                if let Some(a) = first_auth(self, l.saturating_sub(12).max(body_start), l) {
                    start = Some(a);
                }
            }
            None => start = first_auth(self, body_start, n),
        }
        let start = start?;
        let end = (start + TAIL_MAX_LINES).min(n);
        if let Some(l) = nn {
            self.distribution(l, end);
        }
        self.signature(start, end);
        Some(start)
    }

    /// Nơi nhận entries; signature lines interleaved with them are skipped.
    fn distribution(&mut self, nl: usize, end: usize) {
        let line = self.lines[nl];
        let t = self.text(nl);
        let unb = bullet_len(t);
        let after = line.s + unb + noi_nhan(&t[unb..]).unwrap_or(0);
        let mut done = false;
        if after < line.e {
            // Entries on the same line: `Nơi nhận: - Như trên; - Lưu: VT.`
            let rest = &self.norm[after..line.e];
            let mut s = 0;
            for (i, _) in rest.match_indices("- ") {
                if i > s && (i == 0 || rest[..i].ends_with([' ', ';', ','])) {
                    done |= self.push_entry(after + s, after + i);
                    s = i;
                }
            }
            done |= self.push_entry(after + s, line.e);
        }
        let mut l = nl + 1;
        while l < end && !done {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_footnote_line(l) {
                l += 1;
                continue;
            }
            let t = self.text(l);
            if has_bullet(t) {
                done = self.push_entry(ln.s, ln.e);
            } else if !(self.is_signature_line(t) || (is_upper_text(t) && t.len() < 100)) {
                break;
            }
            l += 1;
        }
    }

    /// Push one entry; `true` when it was the last (`Lưu ...`).
    fn push_entry(&mut self, s: usize, e: usize) -> bool {
        let (a, b) = clean_entry(&self.norm[s..e]);
        if a >= b {
            return false;
        }
        let text = fold_ws(&self.norm[s + a..s + b]);
        let last = kw_at(&text, "luu").is_some();
        self.doc.distribution.push(text);
        let span = self.span(s + a, s + b);
        self.doc.spans.distribution.push(span);
        last
    }

    fn is_signature_line(&self, t: &str) -> bool {
        authority_prefix(t).is_some() || kw_at(t.trim_start_matches('('), "da ky").is_some()
    }

    /// The signature block in lines `start..end`.
    fn signature(&mut self, start: usize, end: usize) {
        let mut sig = Signature::default();
        let mut first: Option<usize> = None;
        let mut last: usize = 0;
        let norm = self.norm;
        'lines: for l in start..end {
            let ln = self.lines[l];
            if ln.is_blank() || self.is_footnote_line(l) {
                continue;
            }
            let t = self.text(l);
            if has_bullet(t) || noi_nhan(t).is_some() {
                continue;
            }
            if l > start && t.len() > 200 && authority_prefix(t).is_none() {
                break;
            }
            let ws = words(t);
            let mut i = 0;
            while i < ws.len() {
                let (wo, w) = ws[i];
                let abs = ln.s + wo;
                if authority_prefix(w).is_some() {
                    // `KT.CHỦ TỊCH`: the first word may be glued to the prefix.
                    // Authority: the prefix and the upper-case words after it.
                    let mut j = i + 1;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                    sig.authority.push(fold_ws(&norm[abs..e]));
                    first.get_or_insert(abs);
                    last = e;
                    i = j;
                    continue;
                }
                if kw_at(w.trim_start_matches('('), "da").is_some()
                    && i + 1 < ws.len()
                    && kw_at(ws[i + 1].1, "ky").is_some()
                {
                    sig.signed_mark = true;
                    last = last.max(ln.s + ws[i + 1].0 + ws[i + 1].1.len());
                    i += 2;
                    continue;
                }
                if is_upper_text(w) && sig.signer.is_none() {
                    let mut j = i;
                    while j < ws.len() && is_upper_text(ws[j].1) && authority_prefix(ws[j].1).is_none() {
                        j += 1;
                    }
                    let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                    if sig.position.is_none() && (position_at(&norm[abs..e]) || !sig.authority.is_empty()) {
                        sig.position = Some(fold_ws(&norm[abs..e]));
                        first.get_or_insert(abs);
                        last = e;
                    }
                    i = j;
                    continue;
                }
                if is_name_word(w) {
                    let mut j = i;
                    while j < ws.len() && is_name_word(ws[j].1) && j - i < 6 {
                        j += 1;
                    }
                    if j - i >= 2 && (j == ws.len() || !is_name_word(ws[j].1)) {
                        let e = ln.s + ws[j - 1].0 + ws[j - 1].1.len();
                        sig.signer = Some(fold_ws(&norm[abs..e]));
                        first.get_or_insert(abs);
                        last = e;
                        break 'lines;
                    }
                }
                // Anything else (`Vy-93`, purpose notes): not part of the block.
                break;
            }
        }
        // `TM. CHÍNH PHỦ THỦ TƯỚNG` on one line: the position is the last
        // words of the last authority.
        if sig.position.is_none() {
            if let Some(a) = sig.authority.last_mut() {
                let ws = words(a);
                if let Some(&(cut, _)) = ws.iter().skip(2).find(|(o, _)| position_at(&a[*o..])) {
                    sig.position = Some(a[cut..].to_string());
                    a.truncate(cut);
                    let trimmed = a.trim_end().len();
                    a.truncate(trimmed);
                }
            }
        }
        if sig.authority.is_empty() && sig.position.is_none() && sig.signer.is_none() {
            return;
        }
        if let Some(f) = first {
            sig.span = Some(self.span(f, last.max(f)));
        }
        self.doc.signature = Some(sig);
    }

    /// The body (`body_start` up to the tail) and its sections.
    fn body(&mut self, body_start: usize, tail: Option<usize>) {
        let n = self.lines.len();
        let end = tail.unwrap_or(n).min(n);
        let Some(first) = (body_start..end).find(|&l| !self.lines[l].is_blank()) else {
            return;
        };
        let last = (first..end)
            .rev()
            .find(|&l| !self.lines[l].is_blank() && (tail.is_some() || !self.is_footnote_line(l)))
            .unwrap_or(first);
        self.doc.spans.body = Some(self.span(self.lines[first].s, self.lines[last].e));
        // Sections: labels of each kind, then the structural kind wins.
        let mut found: [Vec<(usize, usize)>; 4] = Default::default();
        for l in first..=last {
            if self.is_footnote_line(l) {
                continue;
            }
            let ln = self.lines[l];
            if let Some((len, kind)) = section_label(self.text(l)) {
                found[kind as usize].push((l, ln.s + len));
            }
        }
        let mut chosen: Vec<(usize, usize)> = if !found[1].is_empty() {
            let mut v = found[0].clone();
            v.extend(found[1].iter().copied());
            v.sort_unstable();
            v
        } else if !found[2].is_empty() {
            found[2].clone()
        } else {
            found[3].clone()
        };
        chosen.dedup();
        for k in 0..chosen.len() {
            let (l, label_end) = chosen[k];
            let s = self.lines[l].s;
            let stop = chosen.get(k + 1).map_or(last + 1, |&(nl, _)| nl);
            let e = (l..stop)
                .rev()
                .find(|&x| !self.lines[x].is_blank())
                .map_or(self.lines[l].e, |x| self.lines[x].e);
            self.doc.sections.push(Section {
                label: self.norm[s..label_end].to_string(),
                span: self.span(s, e),
            });
        }
    }

    /// Derived fields and diagnostics for missing parts.
    fn finish(&mut self, h: &Header) {
        let doc = &mut *self.doc;
        if doc.family.is_none() {
            if let Some(sym) = &doc.symbol {
                doc.family = Some(if sym.is_party() { Family::Party } else { Family::State });
            }
        }
        if doc.doc_type.is_none() {
            doc.doc_type = doc.symbol.as_ref().and_then(|s| s.type_name()).map(str::to_string);
        }
        doc.year = doc
            .date
            .map(|d| d.year())
            .or_else(|| doc.symbol.as_ref().and_then(|s| s.year()));
        let letter = h.any || !doc.recipients.is_empty() || !doc.distribution.is_empty() || doc.signature.is_some();
        if !letter {
            self.diag(
                "no-header",
                Severity::Info,
                "no document header: expected a số ký hiệu, a date line or \"Kính gửi\", found none (not an official document?)",
                None,
            );
            return;
        }
        let head = self.lines.first().map(|l| self.span(l.s, l.s));
        if self.doc.symbol.is_none() {
            self.diag(
                "missing-symbol",
                Severity::Warning,
                "missing số ký hiệu: expected \"Số: ...\" in the header, found none",
                head,
            );
        }
        if self.doc.date.is_none() && !self.doc.diagnostics.iter().any(|d| d.code.ends_with("-date")) {
            self.diag(
                "missing-date",
                Severity::Warning,
                "missing date of issue: expected \"<place>, ngày D tháng M năm YYYY\" in the header, found none",
                head,
            );
        }
        if self.doc.issuer.is_none() {
            self.diag(
                "missing-issuer",
                Severity::Warning,
                "missing issuing body: expected its name at the top of the header, found none",
                head,
            );
        }
        if self.doc.family.is_none() {
            self.diag(
                "missing-family",
                Severity::Info,
                "party or state not known: expected a national or Party header or a số ký hiệu, found neither",
                head,
            );
        }
    }
}

/// Words that open the name of a unit inside a parent body (`SỞ`, `TỔNG
/// CỤC`), folded.
const UNIT_WORDS: &[&str] = &[
    "so",
    "tong cuc",
    "cuc",
    "chi cuc",
    "van phong",
    "trung tam",
    "kho bac",
    "ban",
    "phong",
];

/// Where a unit's name starts inside an issuer segment (`BỘ TÀI CHÍNH TỔNG
/// CỤC HẢI QUAN` → before `TỔNG`), if it holds a parent body too.
fn unit_split(text: &str) -> Option<usize> {
    let ws = words(text);
    let mut cut = None;
    for k in 1..ws.len() {
        let (o, _) = ws[k];
        let prev = crate::normalize::fold(ws[k - 1].1);
        let rest = &text[o..];
        let hit = UNIT_WORDS.iter().any(|u| kw_at(rest, u).is_some());
        if !hit {
            continue;
        }
        // `ỦY BAN`, `VĂN PHÒNG`, `TỔNG CỤC`, `CHI CỤC` are one name.
        if matches!(prev.as_str(), "uy" | "van" | "tong" | "chi" | "thuong") {
            continue;
        }
        if k >= 2 {
            cut = Some(o);
            break;
        }
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for (_, text) in crate::test_texts::texts() {
            lines.extend(text.lines().map(str::to_string));
        }
        let mut anchors = 0;
        for t in &lines {
            assert_eq!(motto_anchor(t), whole(t), "{t:?}");
            anchors += usize::from(whole(t));
        }
        assert!(anchors >= 4, "only {anchors} motto anchors");
    }

    /// The keyword search as first written: every character looked at.
    fn find_kw_reference(s: &str, keyword: &str) -> Option<(usize, usize)> {
        let first = keyword.chars().next()?;
        let mut prev_alnum = false;
        for (i, c) in s.char_indices() {
            if !prev_alnum && fold_char(c) == first {
                if let Some(n) = kw_at(&s[i..], keyword) {
                    return Some((i, i + n));
                }
            }
            prev_alnum = crate::text::is_alnum(c);
        }
        None
    }

    #[test]
    fn ok_is_upper_text() {
        // Against the plain definition: no lower-case letter, two letters.
        let plain =
            |s: &str| !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        for s in [
            "ỦY BAN NHÂN DÂN",
            "Ủy ban",
            "SỞ NÔNG NGHIỆP",
            "ĐẢNG ỦY",
            "Đ",
            "ĐĐ",
            "12/SNN",
            "×÷ AB",
            "Ω Σ",
            "ΩΣ",
            "ǅ X",
            "",
            "A1",
            "ÀÉ",
            "ẠẢ x",
            "一二",
        ] {
            assert_eq!(is_upper_text(s), plain(s), "{s:?}");
        }
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

    #[test]
    fn ok_find_kw_same_as_reference() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lines = vec![
            "ĐẢNG CỘNG SẢN VIỆT NAM".to_string(),
            "xĐảng Cộng sản Việt Nam, Đảng cộng sản việt nam".to_string(),
            "Hà Nội, ngày 5; NGÀY 6; tháng/ngày 7; Ngay 8; 9ngày".to_string(),
            "ĐộC LậP - Tự do - HẠNH PHÚC; kính gửi; Kính gởi:".to_string(),
        ];
        for dir in [root.join("fixtures"), root.join("../shared/seeds")] {
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            for e in rd {
                let text = std::fs::read(e.unwrap().path()).unwrap_or_default();
                let norm = crate::normalize::normalize(&String::from_utf8_lossy(&text))
                    .text()
                    .to_string();
                lines.extend(norm.lines().map(str::to_string));
            }
        }
        assert!(lines.len() > 100, "the fixtures are read");
        let kws = [
            "cong hoa xa hoi chu nghia viet nam",
            "dang cong san viet nam",
            "hanh phuc",
            "kinh gui",
            "ngay",
        ];
        let mut found = 0;
        for l in &lines {
            for kw in kws {
                let got = find_kw(l, kw);
                assert_eq!(got, find_kw_reference(l, kw), "{kw:?} in {l:?}");
                found += usize::from(got.is_some());
            }
        }
        assert!(found > 10, "keywords are found");
    }
}
