//! Tests of [`super::Heads`]: its fast reading against a plain one.

use super::*;

/// [`Heads::read`] as first written, the reference the fast reading is
/// tested against: each line read whole, the start of an opening line's
/// clause read when the line is, and every line ending with `:` under a
/// list's head tested for a group label.
fn plain_read(h: &mut Heads<'_>, line: usize, found: &[Found]) {
    let (ls, le) = h.lines.line_range(h.norm, line);
    let raw = &h.norm[ls..le];
    // A page's footnotes, printed between its last line and the next
    // page's header, are read on their own (one may open a list: `1 Văn
    // bản này được hợp nhất từ 02 Nghị định sau:`), and the list they
    // interrupt goes on after them (`a) Thông tư số …;⏎⏎13 Các điều 2,
    // 3 của …⏎…⏎CÔNG BÁO/Số …⏎b) Thông tư số …`).
    match h.footnotes {
        Some((end, _)) if line < end => {}
        _ => {
            if let Some((_, outer)) = h.footnotes.take() {
                h.head = outer;
            }
            // (A byte test first: the line's first byte is a digit.)
            if raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                if let Some(end) = h.footnotes_end(line, raw) {
                    h.footnotes = Some((end, h.head.take()));
                }
            }
        }
    }
    // Read a byte at a time first: where the text starts past spaces
    // and ASCII bullets, its first and last bytes.
    let b = raw.as_bytes();
    let Some(k) = b.iter().position(|c| {
        !matches!(
            c,
            b' ' | b'\t' | b'\r' | b'-' | b'+' | b'*' | b'>' | b'|' | b'#' | b'_' | b'='
        )
    }) else {
        // Blank lines and rules separate a list's items in Markdown:
        // the head stays.
        return;
    };
    let last = b.iter().rev().find(|c| !c.is_ascii_whitespace()).copied();
    let first = &b[k..];
    // A digital signature's stamp (`Người ký: …`, `Thời gian ký: …`, a
    // value wrapped on its own line in capitals) and the gazette's page
    // header (`CÔNG BÁO/Số …`), printed at a page's break in PDF text,
    // are page furniture: the head stays across them.
    let stamp = h.stamp;
    h.stamp = false;
    // (Each of those words holds a `:` or a `/`, which only `:` and `/`
    // fold to: a line without one in its first bytes is folded for
    // nothing.)
    let head24 = || prefix(&raw[k..], 24);
    if matches!(first, [b'N' | b'E' | b'C' | b'T' | b'K', ..])
        && memchr::memchr2(b':', b'/', head24().as_bytes()).is_some()
    {
        let head24 = head24();
        let f = fold(head24);
        if crate::cite::pdf_table::is_stamp(&f) {
            h.stamp = true;
            return;
        }
        if f.starts_with("cong bao/") {
            return;
        }
    }
    if stamp && is_heading(raw) {
        h.stamp = true;
        return;
    }
    // `c`/`C` (`Căn cứ`, `CƠ SỞ PHÁP LÝ`), `Điều`/`ĐIỀU` (an article's
    // title: `Đ` is C4 90), a bullet that is not ASCII (`•` E2 80 A2,
    // `–` E2 80 93).
    let c_start = matches!(first, [b'c' | b'C', ..]);
    let d_start = matches!(first, [0xC4, 0x90, b'i' | b'I', ..]);
    // With no head, only a line that opens one matters: most lines end
    // here, on a few bytes.
    if h.head.is_none() && last != Some(b':') && !c_start && !d_start && !matches!(first, [0xE2, 0x80, ..]) {
        return;
    }
    let text = crate::text::trim(raw);
    if c_start && is_basis_heading(text) {
        h.head = Some(Head::Basis { content: false });
        return;
    }
    // (A heading's first letter is a capital: ASCII or not.)
    if !first[0].is_ascii_lowercase() && is_heading(text) {
        h.head = None;
        return;
    }
    // (Its marker is read only when a list may need it.)
    let marker = || list_marker(text);
    // A line opening a list: one ending in `:` (with the lines it was
    // wrapped from: `… hết hiệu lực kể từ ngày …⏎thi hành:`), or an
    // article's title (`Điều 1. Bãi bỏ toàn bộ 15 văn bản …`).
    let article = d_start && {
        let titled = unheaded(text);
        starts_with_folded(titled, "dieu ").is_some_and(|k| titled[k..].starts_with(|c: char| c.is_ascii_digit()))
    };
    // A group label on its own line (`**Quy chuẩn, danh mục giống:**`,
    // its bold gone in the normalized text) between runs of a list's
    // items: the list goes on. (`text` is trimmed: a label ends it with
    // `:`, tested first.)
    if matches!(h.head, Some(Head::Cue { .. } | Head::Opener { .. }))
        && !article
        && text.ends_with(':')
        && is_group_label(text)
    {
        if let Some(o @ Head::Opener { .. }) = h.head {
            h.head = h.resolve(o, found);
        }
        // (Only under a verb acting on the documents listed: `Trong đó:`
        // under `… thực hiện … như sau:` opens a formula's terms.)
        if let Some(Head::Cue { rel, .. }) = h.head {
            if rel.acts.is_none() && matches!(rel.relation, Relation::Repeals | Relation::Replaces | Relation::Amends) {
                return;
            }
        }
    }
    let text_at = ls + (text.as_ptr() as usize - raw.as_ptr() as usize);
    let opener = match text.strip_suffix(':') {
        Some(before) => Some((wrapped_floor(h.norm, h.lines, line, ls), text_at + before.len())),
        None if article && !text.ends_with(['.', ';']) => Some((text_at, text_at + text.len())),
        None => None,
    };
    if let Some((from, to)) = opener {
        h.head = Some(Head::Opener {
            from: Some(from),
            to,
            number: line,
            line: (ls, le),
            marker: marker(),
        });
        return;
    }
    // A Markdown heading (`## Chương II`, `### Mục 3`) ends a list.
    if opens_with_hash(raw, k) {
        h.head = None;
        return;
    }
    h.head = match h.head {
        Some(Head::Basis { .. }) if marker().is_some() || is_basis_line(text) => Some(Head::Basis { content: true }),
        Some(Head::Basis { content: false }) => Some(Head::Basis { content: true }),
        // (With no marker on the opening line, no item's marker is the
        // same: the line's is not read.)
        Some(Head::Cue { marker: m, .. } | Head::Merged { marker: m, .. } | Head::Opener { marker: m, .. })
            if article || m.is_some() && marker() == m =>
        {
            None
        }
        Some(h @ (Head::Cue { .. } | Head::Merged { .. } | Head::Opener { .. })) => Some(h),
        _ => None,
    };
}

/// [`Heads::at`] with no line passed over: each read by [`plain_read`],
/// the plain reading the fast one is tested against.
fn plain_at(h: &mut Heads<'_>, line: usize, found: &[Found], start: usize) -> Option<Head> {
    while h.next < line {
        plain_read(h, h.next, found);
        h.next += 1;
    }
    h.at(line, found, start)
}

fn state(h: &Heads<'_>) -> String {
    // (An opening line's `from` as read, whether read yet or not.)
    let shown = |head: Option<Head>| match head {
        Some(
            o @ Head::Opener {
                to,
                number,
                line,
                marker,
                ..
            },
        ) => Some(Head::Opener {
            from: Some(h.opener_from(o)),
            to,
            number,
            line,
            marker,
        }),
        _ => head,
    };
    let footnotes = h.footnotes.map(|(end, outer)| (end, shown(outer)));
    format!("{:?} {} {:?} {}", shown(h.head), h.stamp, footnotes, h.next)
}

/// Read `norm`'s heads plainly and with [`Heads::at`], asked at every
/// `step`th line and the last (as at the lines of citations; with
/// `step` over 1, runs of lines passed over): the same heads and the
/// same state each time. The lines read.
fn same_heads(norm: &str, step: usize, what: &str) -> usize {
    let lines = LineIndex::new(norm);
    let n = lines.starts().len();
    let new = || Heads {
        norm,
        lines: &lines,
        next: 1,
        head: None,
        stamp: false,
        footnotes: None,
        folded: String::new(),
    };
    let (mut plain, mut fast) = (new(), new());
    for l in (1..=n).filter(|l| l % step == 0 || *l == n) {
        let start = lines.line_range(norm, l).0;
        let p = format!("{:?}", plain_at(&mut plain, l, &[], start));
        assert_eq!(p, format!("{:?}", fast.at(l, &[], start)), "line {l} of {what}");
        assert_eq!(state(&plain), state(&fast), "line {l} of {what}");
    }
    n
}

/// The lines passed over with no head open change nothing: the heads
/// are those of the plain reading, on every fixture and corpus text (as
/// read and normalized) and on lines of each kind that stops the pass.
#[test]
fn ok_quiet_lines_same_as_plain_reading() {
    let mut read = 0;
    for (path, text) in crate::test_texts::texts() {
        let what = path.display().to_string();
        let norm = crate::normalize::normalize(&text);
        for step in [1, 23] {
            read += same_heads(&text, step, &what);
            read += same_heads(norm.text(), step, &what);
        }
    }
    assert!(read > 1000, "only {read} lines");
    let edge = [
        "Văn bản\n\nCăn cứ:\n- Luật số 1/2020/QH14;\nx",
        "a\n1 Nghị quyết số 66-NQ/TW\nb\nCÔNG BÁO/Số 1\nc) d",
        "Người ký: A\nNGUYỄN VĂN A\nb\nEmail: x\nThời gian ký: 1\nKý bởi: x\nz",
        "  - Các văn bản sau hết hiệu lực:  \n1. Thông tư số 1/2020/TT-BTC;\n2. x\nĐiều 2. Hiệu lực\n",
        "x:\r\n• a\n– b\nĐIỀU 1. BÃI BỎ\ny\n  c\n12 Các điều\n\n12 Các điều\nCÔNG BÁO/1\nz",
        "N/A\nTổng: 3\nE/x\nK:\nToàn văn:\n## Chương I\n* * *\n---\n|a|b:|\nĐ\u{300}\n\u{C4}",
        "Nội dung gồm 24 byte.... x: y\nNội dung gồm 24 byte...: y\n1\n2)\n",
        "a\n\n9 Các điều 2, 3 của văn bản\nb:\nCÔNG BÁO/Số 1\nc) d",
        "x\nKý bởi: A\nNGUYỄN VĂN A\nb",
        "Bãi bỏ các văn bản sau:\n1. a\nb:\x0b\nc: \nd:\u{a0}\n\u{a0}# e\n# f\nĐIỀU\n1) g\n2. h\n",
        "Thực hiện các văn bản sau đây:\n1. a\nd:\u{a0}\nx\n2. b\nz\n",
        "Thực hiện các văn bản sau đây:\n1. a\ny:\x0b\nz\n",
        "a\n\n12 Các điều\n123 Các\n1234 Các\n12  Các\n\n7 Các điều\nb:\nCÔNG BÁO/Số 1\nc\n",
        "Căn cứ\nx\nc\n\nCăn cứ pháp lý\ny\n\nCăn cứ pháp luật\n\ncăn cứ:\nz\n\nCăn cứ\x00\nCăn cứ:\x0b\nw\n",
        "a\n\n123 Các điều\nb:\nCÔNG BÁO/Số 1\nc\n",
        "x\nCăn cứ:\x0b\nw\n",
        "x\ncăn cứ:\x0b\nw\n",
        "x\nCăn cứ pháp ly\nw\n",
        "x\nCAN CU PHAP LY\nw\n",
        "x\nCan cu phap luat\nw\n",
        "x\nCAN CU PHAP LUAT\nw\n",
        "x\nCăn cu\nw\n",
        "x\nCĂN CU\nw\n",
        "Cơ quan: Bộ\nNGUYỄN A\nx\nCƠ SỞ PHÁP LÝ\nz\nĐiều 1. Bãi bỏ\n- a\nĐiều 2.\nĐối với\nĐIỀU 3. Thay thế\n",
        "Bãi bỏ:\n- a\n• b\n  - c\nCÔNG BÁO/x\nd\nCăn cứ:\ne\nf\n\ng\nA B C D\nh\n",
        "Bãi bỏ các văn bản sau:\n12.345 | 0,5\nABC 1\nABCD\n1 Ơ Ơ Ơ\nƠ Ơ Ơ Ơ\nĐĐ 12 ĐĐ\n\u{a0}\n≤ 5%\nIII\n1. a\n",
        "Thực hiện:\n1. a\n2 ≤ 3\nABC:\nA B C D E\n1. b\n12 345\nTT\nMỤC\n",
        "Bãi bỏ các văn bản sau:\nDanh mục giống:\n1. a\nNhóm B:\n2. b\nc) Nhóm:\n",
        "Thực hiện các văn bản sau:\nNhóm A:\n- a\nTrong đó:\n- b\nNhóm 1/2:\n- c\n",
        "Sửa đổi các văn bản\nsau đây:\nNhóm:\n- x\nthay thế:\n- y\nNhóm C:\n- z\n",
        "Quy định:\nNhóm A:\nNhóm B:\nBãi bỏ:\nNhóm C:\nNhóm D:\n- a\nĐiều 2. Thay thế\nNhóm E:\n- b\n",
        "Các văn bản bị bãi bỏ:\nNhóm A:\n- a\nđược sửa đổi bởi:\nNhóm B:\n- b\n",
        "Căn cứ:\nNhóm A:\n- a\n\nx\nVăn bản này được hợp nhất từ các văn bản sau:\nNhóm:\n- b\n",
        "Bãi bỏ toàn bộ các văn bản\nsau:\n- a\nNhóm A:\n  - b\nthay thế bởi:\nNhóm B:\n",
        "Các văn bản bị bãi bỏ toàn bộ:\nNhóm A:\n- a\nVăn bản bị thay thế:\nNhóm:\n- b\n",
        "Điều chỉnh các văn bản sau:\nNhóm:\n- c\nĐính chính:\nNhóm:\nCác văn bản HẾT HIỆU LỰC:\nNhóm A:\n- d\n",
        "Sửa đổi, bổ sung:\nKý hiệu:\nSố:\nBổ sung:\nNhóm:\nbị sửa đổi bởi:\nNhóm:\nhợp nhất từ:\nNhóm:\n",
    ];
    for (i, text) in edge.iter().enumerate() {
        for step in [1, 2, 3, 100] {
            same_heads(text, step, &format!("edge case {i}"));
        }
    }
}

/// [`holds_keeping_verb`] finds a verb of [`KEEPING_VERBS`] where a search
/// for each finds one: on the folded lines of the fixtures and corpus
/// texts (every third), their pairs, and on edge cases.
#[test]
fn ok_keeping_verb_same_as_search() {
    let plain = |f: &str| KEEPING_VERBS.iter().any(|v| f.contains(v));
    let mut seen = 0;
    for (_, text) in crate::test_texts::texts() {
        let lines: Vec<String> = text.lines().step_by(3).map(crate::normalize::fold).collect();
        for (i, f) in lines.iter().enumerate() {
            let pair = format!("{f} {}", lines.get(i + 1).map_or("", |s| s.as_str()));
            for t in [f.as_str(), &pair] {
                assert_eq!(holds_keeping_verb(t.as_bytes()), plain(t), "{t:?}");
                seen += usize::from(plain(t));
            }
        }
    }
    assert!(seen > 10, "only {seen} lines with a verb");
    for v in KEEPING_VERBS {
        for t in [
            v.to_string(),
            format!("x {v}"),
            format!("{v} y"),
            v[..v.len() - 1].to_string(),
            v[1..].to_string(),
            v.replace(' ', "  "),
        ] {
            assert_eq!(holds_keeping_verb(t.as_bytes()), plain(&t), "{t:?}");
        }
        // (At every place in the eight bytes read at once, glued to a
        // word, and past one.)
        for pad in 0..20 {
            for glue in ["", " ", "x", "a b"] {
                for t in [
                    format!("{}{glue}{v}", "q".repeat(pad)),
                    format!("{}{glue}{v} z", "q ".repeat(pad)),
                    format!("{}{glue}{}", "q".repeat(pad), &v[..v.len() - 1]),
                ] {
                    assert_eq!(holds_keeping_verb(t.as_bytes()), plain(&t), "{t:?}");
                }
            }
        }
    }
    for t in ["", " ", "  ", "ua ", "bo", " bo sung", "sua doi ", "het hieu lu"] {
        assert_eq!(holds_keeping_verb(t.as_bytes()), plain(t), "{t:?}");
    }
}
