//! The grammar rules of the header and the tail, one function per rule
//! (the rule as a comment above it): motto, `Số:`, place and date, `V/v`,
//! type-name titles, marks, `Kính gửi`, `Nơi nhận`, authority prefixes and
//! positions, section labels, footnote markers, unit names.

use super::lex::*;
use crate::model::Family;
use crate::normalize::fold_char;

// ---------------------------------------------------------------------------
// Grammar rules of the header and the tail (one function per rule)

/// Motto ::= "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "ĐẢNG CỘNG SẢN VIỆT NAM"
pub(super) fn motto(s: &str) -> Option<(usize, usize, Family)> {
    motto_until(s, s.len())
}

/// [`motto`], trying only starts up to `last` (inclusive).
pub(super) fn motto_until(s: &str, last: usize) -> Option<(usize, usize, Family)> {
    let state = find_kw_until(s, "cong hoa xa hoi chu nghia viet nam", last).map(|(a, b)| (a, b, Family::State));
    let party = find_kw_until(s, "dang cong san viet nam", last).map(|(a, b)| (a, b, Family::Party));
    match (state, party) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// A motto at the start of `t` or after upper-case text only (an issuer
/// beside it), as a header anchor.
pub(super) fn motto_anchor(t: &str) -> bool {
    // Only a motto with no lower-case letter before it counts: look no
    // further than the first one (most lines of prose end the search in
    // their first word).
    let first_lower = t.find(char::is_lowercase).unwrap_or(t.len());
    motto_until(t, first_lower).is_some_and(|(ms, _, _)| ms == 0 || is_upper_text(&t[..ms]))
}

// MottoTail ::= "Độc lập" "-" "Tự do" "-" "Hạnh phúc"
/// Bytes of the national motto's second line at the start of `s`, if there.
pub(super) fn motto_tail(s: &str) -> usize {
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

// MottoTailBeside ::= Text Sp MottoTail     (`VIỆT NAM Độc lập - Tự do - Hạnh phúc`)
/// Where the national motto's second line starts after other text in `s`
/// (a left column's line printed beside it), if it does.
pub(super) fn motto_tail_within(s: &str) -> Option<usize> {
    let (k, _) = find_kw(s, "doc lap")?;
    (k > 0 && motto_tail(&s[k..]) > 0).then_some(k)
}

// SymbolIntro ::= "Số" ":"? | TypeName Sp "Số" ":"      ("Số:", "Số", "Luật số:", "Nghị quyết số:")
/// The `Số` that introduces the document's own số ký hiệu, at the start of
/// `s`; the bytes up to the symbol. `Số hiệu`, `Số lượng` are not it.
pub(super) fn symbol_intro(s: &str) -> Option<usize> {
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
pub(super) fn symbol_field(s: &str) -> Option<usize> {
    let n = kw_at(s, "so hieu")
        .or_else(|| kw_at(s, "so ky hieu"))
        .or_else(|| kw_at(s, "so van ban"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace());
    Some(s.len() - t.len())
}

// DateField ::= ("Ngày ban hành" | "Ngày ký") (":" | "|" | Sp)* Date
/// A date given in an information table or list: the bytes up to the date.
pub(super) fn date_field(s: &str) -> Option<usize> {
    let n = kw_at(s, "ngay ban hanh").or_else(|| kw_at(s, "ngay ky"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace());
    Some(s.len() - t.len())
}

// Place ::= Word{1,6}    (capitalised first word, no digits), then "," or "."
/// Is `s` (the text before `ngày`) a place name? Returns its trimmed range.
pub(super) fn place(s: &str) -> Option<(usize, usize)> {
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
pub(super) fn vv(s: &str) -> Option<usize> {
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
pub(super) const TITLES: &[(&str, &str)] = &[
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("van ban hop nhat", "Văn bản hợp nhất"),
    ("bo luat", "Bộ luật"),
    ("hien phap", "Hiến pháp"),
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
pub(super) fn title(s: &str) -> Option<(usize, &'static str)> {
    type_name_at(s).filter(|&(n, _)| is_upper_text(&s[..n]) || (n <= 3 && s[..n].chars().all(|c| !c.is_lowercase())))
}

// TitleLine ::= Title Digit*                          (`NGHỊ ĐỊNH1`: a footnote marker)
//             | Title (Sp UpperWord)+ (Sp Text)?       (`LUẬT DOANH NGHIỆP Luật Doanh nghiệp số …`)
//             | Title Sp Upper Text                    (`QUYẾT ĐỊNH Về việc …`)
//             (editorial notes `[…]` of a website copy skipped)
/// A title at the start of a header segment: the type name's length, its
/// canonical name, and where the subject printed on the same segment ends
/// (the upper-case words after the name when mixed-case text follows them).
pub(super) fn title_line(s: &str) -> Option<(usize, &'static str, usize)> {
    let Some((n, name)) = title(s) else {
        let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
        if t.len() == s.len() || !is_upper_text(t) {
            return None;
        }
        let (n, name) = title(t)?;
        return t[n..].trim().is_empty().then_some((n, name, t.len()));
    };
    let rest = &s[n..];
    if rest.trim().is_empty() {
        return Some((n, name, s.len()));
    }
    // The names that are verbs too open a subject (`QUY ĐỊNH CHI TIẾT …`,
    // `HƯỚNG DẪN THỰC HIỆN …`) unless alone on their line.
    if matches!(name, "Quy định" | "Hướng dẫn" | "Thông báo" | "Báo cáo" | "Kết luận") {
        return None;
    }
    if is_upper_text(s) {
        return Some((n, name, s.len()));
    }
    // A website's editorial notes in square brackets (`NGHỊ ĐỊNH [Quy định
    // … được hướng dẫn bởi …] QUY ĐỊNH CHI TIẾT …`) are not read.
    let mut depth = 0usize;
    let mut upper_end = None;
    for (o, w) in words(rest) {
        if depth > 0 || w.starts_with('[') {
            if depth == 0 {
                if let Some(e) = upper_end {
                    // A note after the subject's words ends the subject.
                    return Some((n, name, e));
                }
            }
            depth = (depth + w.matches('[').count()).saturating_sub(w.matches(']').count());
            continue;
        }
        if w.chars().any(char::is_lowercase) {
            return match upper_end {
                Some(e) => Some((n, name, e)),
                None => w.starts_with(char::is_uppercase).then_some((n, name, s.len())),
            };
        }
        upper_end = Some(n + o + w.len());
    }
    Some((n, name, s.len()))
}

/// A title that ends a collapsed header line after other text (`QUỐC HỘI
/// … Khoá XI, kỳ họp thứ 8 (…) LUẬT SỞ HỮU TRÍ TUỆ`): where it starts.
pub(super) fn embedded_title(s: &str) -> Option<usize> {
    let ws = words(s);
    ws.iter()
        .skip(1)
        .map(|&(o, _)| o)
        .find(|&o| is_upper_text(&s[o..]) && title_line(&s[o..]).is_some())
}

/// A type name at the start of `s`, in any case (`Nghị quyết`, `LUẬT`).
pub(super) fn type_name_at(s: &str) -> Option<(usize, &'static str)> {
    // Only the names that start with the letter `s` starts with (a
    // combining mark first, which the match skips: all of them), tried in
    // the order of [`TITLES`].
    let first = s.chars().next().map(fold_char)?;
    titles_from(first)
        .iter()
        .find_map(|(kw, name)| kw_at(s, kw).map(|n| (n, *name)))
}

/// The entries of [`TITLES`] whose folded name starts with `first`, in the
/// same order (all of them for `\u{0}`, a combining mark): one slice per
/// letter instead of a filter over the whole table on every call (asked of
/// most lines of the header). `ok_titles_from_same_as_filter` checks the
/// slices against the table.
fn titles_from(first: char) -> &'static [(&'static str, &'static str)] {
    const T: &[(&str, &str)] = &[
        ("thong tu lien tich", "Thông tư liên tịch"),
        ("thong tu", "Thông tư"),
        ("thong bao", "Thông báo"),
        ("to trinh", "Tờ trình"),
        ("thong tri", "Thông tri"),
    ];
    const N: &[(&str, &str)] = &[
        ("nghi quyet lien tich", "Nghị quyết liên tịch"),
        ("nghi dinh", "Nghị định"),
        ("nghi quyet", "Nghị quyết"),
    ];
    const B: &[(&str, &str)] = &[("bo luat", "Bộ luật"), ("bao cao", "Báo cáo")];
    const H: &[(&str, &str)] = &[("hien phap", "Hiến pháp"), ("huong dan", "Hướng dẫn")];
    const Q: &[(&str, &str)] = &[
        ("quyet dinh", "Quyết định"),
        ("quy dinh", "Quy định"),
        ("quy che", "Quy chế"),
    ];
    const C: &[(&str, &str)] = &[
        ("chi thi", "Chỉ thị"),
        ("cong dien", "Công điện"),
        ("chuong trinh", "Chương trình"),
        ("cong van", "Công văn"),
    ];
    const K: &[(&str, &str)] = &[("ke hoach", "Kế hoạch"), ("ket luan", "Kết luận")];
    const L: &[(&str, &str)] = &[("luat", "Luật"), ("lenh", "Lệnh")];
    match first {
        't' => T,
        'n' => N,
        'v' => &TITLES[2..3],
        'b' => B,
        'h' => H,
        'q' => Q,
        'c' => C,
        'p' => &TITLES[10..11],
        'k' => K,
        'l' => L,
        '\u{0}' => TITLES,
        _ => &[],
    }
}

// Mark ::= "HỎA TỐC" | "THƯỢNG KHẨN" | "KHẨN" | "TUYỆT MẬT" | "TỐI MẬT" | "MẬT"
/// An urgency (`true`) or secrecy (`false`) mark filling `s`.
pub(super) fn mark(s: &str) -> Option<bool> {
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

// DraftMark ::= "DỰ THẢO" (Sp Version)?        (`DỰ THẢO 24.10.2016`, `DỰ THẢO LẦN 2`)
/// A draft's mark at the start of a header segment: the bytes it takes.
pub(super) fn draft_mark(s: &str) -> Option<usize> {
    let n = kw_at(s, "du thao").filter(|&n| is_upper_text(&s[..n]))?;
    let rest = &s[n..];
    let t = rest.trim_start();
    let version = if let Some(k) = kw_at(t, "lan") {
        let r = t[k..].trim_start();
        k + (t[k..].len() - r.len()) + r.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        t.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count()
    };
    Some(n + (rest.len() - t.len()) + version)
}

// KinhGui ::= ("Kính gửi" | "Kính gởi") ":"?
/// `Kính gửi` at the start of `s`: bytes up to the first addressee.
pub(super) fn kinh_gui(s: &str) -> Option<usize> {
    let n = kw_at(s, "kinh gui").or_else(|| kw_at(s, "kinh goi"))?;
    let t = s[n..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    Some(s.len() - t.len())
}

// NoiNhan ::= ("Nơi nhận" | "Noi nhận") ":"
/// `Nơi nhận:` at the start of `s`: bytes up to the first entry.
pub(super) fn noi_nhan(s: &str) -> Option<usize> {
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
pub(super) fn authority_prefix(w: &str) -> Option<usize> {
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
pub(super) const POSITIONS: &[&str] = &[
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
    "vu truong",
    "tong thanh tra",
    "chanh thanh tra",
    "hieu truong",
    "truong doan",
    "tong bi thu",
    "chu tich nuoc",
];

pub(super) fn position_at(s: &str) -> bool {
    POSITIONS.iter().any(|p| kw_at(s, p).is_some())
}

// SectionLabel ::= "Phần" Sp Word | "Chương" Sp Roman | "Mục" Sp Digits
//                | "Điều" Sp Digits ("." | ":")? | Digits ("." | "-" | ")") Sp | Roman "." Sp
/// A section label at the start of a line: its length and kind
/// (0 = Phần/Chương/Mục, 1 = Điều, 2 = numbered `1.`, 3 = Roman `I.`).
///
/// Asked of every line of the body: most are settled here by their first
/// byte. A label opens with a digit, a keyword's capital (`D`, `C`, `M`,
/// `P`, or a letter beyond ASCII such as `Đ`) or a Roman numeral's (`I`,
/// `V`, `X`, `L`); a line that opens with any other ASCII byte (a lower-case
/// word, `-`, `|`, `Các` is read further: `C`) is none.
#[inline]
pub(super) fn section_label(s: &str) -> Option<(usize, u8)> {
    match s.as_bytes().first()? {
        // A digit folds to no keyword's letter: a numbered label or none.
        b if b.is_ascii_digit() => numbered_label(s),
        b if b.is_ascii() && !b"DCMPIVXL".contains(b) => None,
        _ => section_label_read(s),
    }
}

/// [`section_label`] past its first-byte test.
#[inline(never)]
fn section_label_read(s: &str) -> Option<(usize, u8)> {
    // Every label starts with an upper-case letter or a digit (a keyword
    // in lower case is no label).
    let first = s.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    // A keyword matches only if the first character folds to its first
    // letter (an upper-case letter is no combining mark, which the match
    // would skip): fold it once and try only that keyword, if any (`Điều`,
    // `Đối với` fold to `d`; a digit or `Các` tries none or one).
    let keyword = match fold_char(first) {
        'd' => Some(("dieu", 1u8)),
        'c' => Some(("chuong", 0)),
        'm' => Some(("muc", 0)),
        'p' => Some(("phan", 0)),
        _ => None,
    };
    if let Some((kw, kind)) = keyword {
        if let Some(n) = kw_at(s, kw) {
            if !s.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            return keyword_label(s, n, kw, kind);
        }
    }
    numbered_label(s)
}

/// The rest of a section label after its keyword (`s[..n]`): a space, then
/// a number (`Điều 5`, `Chương IV`; `Phần` takes any word), an optional `.`
/// or `:`. Returns the label's length and its kind.
fn keyword_label(s: &str, n: usize, kw: &str, kind: u8) -> Option<(usize, u8)> {
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
    Some((end, kind))
}

/// A label with no keyword: `1.`, `2)`, `3-` then a blank (kind 2), or a
/// Roman numeral and `. ` (kind 3).
#[inline]
fn numbered_label(s: &str) -> Option<(usize, u8)> {
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
pub(super) fn starts_with_place_date(t: &str) -> bool {
    let head = &t[..t.floor_char_boundary_compat(120)];
    find_kw_until(head, "ngay", place_reach(head)).is_some_and(|(ns, _)| ns == 0 || place(&head[..ns]).is_some())
}

/// How far `ngày` may start in `head` and still follow a [`place`] (or
/// open it): the first `ngày` further on has text before it that is no
/// place, so the search may stop there (asked of most lines of the header
/// window; a line of prose is settled in its first words).
///
/// A place has no digit, `:`, `(`, `)`, `/`, `;` or `"`: before one of
/// them is as far as it reaches. It has at most six words, and the one
/// `,` or `.` it is cut from can take away at most one more: a `ngày` after
/// the start of the eighth word is too far. Words are counted at ASCII
/// blanks only (other blanks would make more words, never fewer). A head
/// that opens with an ASCII lower-case letter is no place at all: only
/// `ngày` at its start counts.
fn place_reach(head: &str) -> usize {
    let bytes = head.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    let mut words = 0;
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() || matches!(b, b':' | b'(' | b')' | b'/' | b';' | b'"') {
            return i;
        }
        if b.is_ascii_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words == 8 {
                return i;
            }
        }
    }
    bytes.len()
}

/// `[n]` at the start of `s`: the marker digits and the bytes matched.
pub(super) fn bracket_marker(s: &str) -> Option<(&str, usize)> {
    let rest = s.strip_prefix('[')?;
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) || !rest[d..].starts_with(']') {
        return None;
    }
    Some((&rest[..d], d + 2))
}

// Furniture ::= RunningHead | PageNumber | Stamp | Banner
// RunningHead ::= "CÔNG BÁO" ("/" | Sp "Số") Text      (`CÔNG BÁO/Số 611 + 612/Ngày 14-5-2019`)
// PageNumber ::= Digit{1,4}
// Stamp ::= ("Ký bởi" | "Người ký" | "Cơ quan" | "Email" | "Thời gian ký" | "Ngày ký") ":" Text
// Banner ::= "VĂN BẢN QUY PHẠM PHÁP LUẬT" | "VĂN BẢN PHÁP LUẬT KHÁC" | "ĐIỀU ƯỚC QUỐC TẾ"
//          | "VĂN BẢN HỢP NHẤT" ("-" | "–") Text?
/// Page furniture of a gazette page (the text layer of a PDF): a running
/// head, a page number alone on its line, a line of an electronic-signature
/// stamp, a section banner of the gazette. Never an issuer, subject, date
/// or signature.
pub(super) fn furniture(t: &str) -> bool {
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    match first {
        b'0'..=b'9' => t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()),
        b'C' => {
            if let Some(n) = kw_at(t, "cong bao") {
                let rest = t[n..].trim_start();
                return rest.starts_with('/') || kw_at(rest, "so").is_some();
            }
            stamp(t)
        }
        b'V' => {
            if kw_at(t, "van ban quy pham phap luat").is_some_and(|n| t[n..].trim().is_empty())
                || kw_at(t, "van ban phap luat khac").is_some_and(|n| t[n..].trim().is_empty())
            {
                return true;
            }
            kw_at(t, "van ban hop nhat").is_some_and(|n| t[n..].trim_start().starts_with(['-', '–']))
        }
        // `ĐIỀU ƯỚC QUỐC TẾ`: the treaties' section.
        _ if t.starts_with('Đ') => kw_at(t, "dieu uoc quoc te").is_some_and(|n| t[n..].trim().is_empty()),
        b'K' | b'N' | b'E' | b'T' => stamp(t),
        _ => false,
    }
}

/// A line of an electronic-signature stamp (`Ký bởi: …`, `Ngày ký:
/// 2026-03-17 10:21:05 +07:00`).
fn stamp(t: &str) -> bool {
    let n = kw_at(t, "ky boi")
        .or_else(|| kw_at(t, "nguoi ky"))
        .or_else(|| kw_at(t, "co quan"))
        .or_else(|| kw_at(t, "email"))
        .or_else(|| kw_at(t, "thoi gian ky"))
        .or_else(|| kw_at(t, "ngay ky"));
    n.is_some_and(|n| t[n..].trim_start().starts_with(':'))
}

// Continued ::= "(" "Tiếp theo Công báo" Text ")"
/// The note that opens a gazette instalment continuing a document printed
/// in an earlier issue (`(Tiếp theo Công báo số 579 + 580)`).
pub(super) fn continued(t: &str) -> bool {
    t.strip_prefix('(')
        .is_some_and(|r| kw_at(r.trim_start(), "tiep theo cong bao").is_some())
}

// XacThuc ::= "XÁC THỰC VĂN BẢN HỢP NHẤT"
/// The line of a consolidated text's authentication block.
pub(super) fn xac_thuc(t: &str) -> bool {
    kw_at(t, "xac thuc van ban hop nhat").is_some()
}

// DienTo ::= UpperText Sp "điện" ":"        (`THỦ TƯỚNG CHÍNH PHỦ điện:`)
/// The line that opens a Công điện's recipients: bytes up to the first
/// recipient.
pub(super) fn dien_to(s: &str) -> Option<usize> {
    let (ks, ke) = find_kw(s, "dien")?;
    let after = s[ke..].trim_start_matches([' ', '\t']);
    if ks == 0 || !after.starts_with(':') || !is_upper_text(&s[..ks]) {
        return None;
    }
    let t = after[1..].trim_start();
    Some(s.len() - t.len())
}

/// Words that open the name of an issuing body (folded), and whether the
/// body is a unit printed under a parent (`CỤC`, `SỞ`) or a peer of the
/// body before it in a joint document (`BỘ`).
const BODY_HEADS: &[(&str, bool)] = &[
    ("bo chi huy", true),
    ("bo tu lenh", true),
    ("bo", false),
    ("tong cuc", true),
    ("chi cuc", true),
    ("cuc", true),
    ("so", true),
    ("vu", true),
    ("vien", true),
    ("ban", true),
    ("van phong", true),
    ("trung tam", true),
    ("phong", true),
    ("kho bac", true),
    ("thanh tra", true),
    ("cong an", true),
    ("hoi dong", true),
    ("uy ban", true),
    ("ubnd", true),
    ("hdnd", true),
    ("dang uy", true),
    ("dang bo", true),
    ("chi bo", true),
    ("tinh uy", true),
    ("thanh uy", true),
    ("huyen uy", true),
    ("quan uy", true),
    ("thi uy", true),
    ("doan", true),
    ("tong cong ty", true),
    ("cong ty", true),
    ("truong", true),
    ("benh vien", true),
    ("hoc vien", true),
    ("bao hiem xa hoi", true),
];

// BodyHead ::= "BỘ" | "CỤC" | "TỔNG CỤC" | "SỞ" | "VỤ" | "BAN" | "VĂN PHÒNG" | …
/// Does `s` open the name of a body? `Some(true)` for a unit printed under
/// a parent, `Some(false)` for a ministry (a peer in a joint document).
pub(super) fn body_head(s: &str) -> Option<bool> {
    let first = s.chars().next().map(fold_char)?;
    BODY_HEADS
        .iter()
        .filter(|(kw, _)| kw.starts_with(first))
        .find_map(|&(kw, unit)| kw_at(s, kw).map(|_| unit))
}

/// The names of bodies that are not units under a parent (folded).
const TOP_BODIES: &[&str] = &[
    "chinh phu",
    "quoc hoi",
    "thu tuong",
    "chu tich nuoc",
    "ngan hang",
    "kiem toan nha nuoc",
    "toa an",
    "vien kiem sat",
    "mat tran",
    "tong lien doan",
];

/// Does `s` open with the name of a body (a unit, a ministry, or a body
/// such as `CHÍNH PHỦ`, `QUỐC HỘI`, `TÒA ÁN …`)? A copy's heading that does
/// not (`THÔNG TIN VĂN BẢN`, `TRÍCH YẾU`) is never an issuer.
pub(super) fn names_body(s: &str) -> bool {
    body_head(s).is_some() || TOP_BODIES.iter().any(|kw| kw_at(s, kw).is_some())
}

/// Trim rules, hyphens and dashes from both ends of an issuer line
/// (`BỘ XÂY DỰNG -`, `– CHÍNH PHỦ`): the trimmed range relative to `s`.
pub(super) fn trim_dashes(s: &str) -> (usize, usize) {
    let dash = |c: char| matches!(c, '-' | '–' | '—' | '_' | '=' | '~' | '*' | '.' | ',' | ':') || c.is_whitespace();
    let t = s.trim_start_matches(dash);
    let a = s.len() - t.len();
    let t = t.trim_end_matches(dash);
    (a, a + t.len())
}

/// Words that open the name of a unit inside a parent body (`SỞ`, `TỔNG
/// CỤC`), folded.
pub(super) const UNIT_WORDS: &[&str] = &[
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
pub(super) fn unit_split(text: &str) -> Option<usize> {
    let ws = words(text);
    let mut cut = None;
    // A unit word names a unit only with a name after it (`BỘ QUỐC PHÒNG` is
    // one name).
    for k in 1..ws.len().saturating_sub(1) {
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
#[path = "rules_tests.rs"]
mod tests;
