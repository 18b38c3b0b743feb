//! Relation cues: the words before a citation that say what the citing
//! document does with it, read by hand from a folded window.

#[cfg(test)]
use std::sync::OnceLock;

#[cfg(test)]
use regex::Regex;

use crate::model::Relation;

/// Relation cues, matched on the folded window before a citation. The cue
/// ending nearest the citation wins (the longer one on a tie, the first in
/// this table on a tie of both), so passive and idiomatic forms (`được sửa
/// đổi, bổ sung bởi`, `thay thế cho nhau`) beat the active verb inside them.
///
/// Each cue is a phrase of folded words starting a word (`\b` in ASCII),
/// ending a word unless marked. Written as regular expressions (the form
/// [`cue_regexes`] compiles for the tests):
///
/// ```text
///  0 \bcan cu\b                       Basis
///  1 \bthuc hien\b                    Implements
///  2 \btrien khai\b                   Implements
///  3 \btheo tinh than chi dao\b       Implements
///  4 \bdieu chinh\b                   Amends (`Nghị quyết điều chỉnh khoản 2 Điều 1 Nghị quyết số …`)
///  5 \bsua doi\b(, bo sung\b)?        Amends
///  6 \bthay the\b                     Replaces
///  7 \bbai bo\b                       Repeals
///  8 \bhet hieu luc\b                 Repeals
///  9 \bhuong dan thi hanh\b           Guides
/// 10 \bhuong dan thuc hien\b          Guides
/// 11 \bquy dinh chi tiet\b            Guides
/// 12 \b((duoc|bi) V(, V)*( (mot so dieu|mot so noi dung))?( (boi|theo|tai))?
///      |B(, B)*( (mot so dieu|mot so noi dung))? (boi|theo|tai)\b):?
///        V = (sua doi(, bo sung)?|bo sung|thay the|bai bo|huong dan( thi hanh)?
///             |quy dinh chi tiet( thi hanh)?|het hieu luc)
///        B = (sua doi(, bo sung)?|bo sung|thay the)
///                                     Mentions (no word end needed inside): the agent of
///                                     a passive statement, `được`/`bị` or not (`sửa đổi theo
///                                     Thông tư …`, `bị bãi bỏ, thay thế bởi …`)
/// 13 \bthay the cho nhau\b            Mentions
/// 14 \bchua het hieu luc\b            Mentions
/// 15 \bvb het hieu luc\b              Mentions (TVPL's `(VB hết hiệu lực: ...)`)
/// 16 \bquan triet\b                  Implements
/// 17 \bthi hanh\b                    Implements (only opening its clause: see [`clause_initial`])
/// 18 \bhieu luc thi hanh\b           Mentions (`có hiệu lực thi hành`)
/// 19 \bquy dinh chi tiet thi hanh\b  Guides
/// 20 \bgoi tat la\b                  Mentions (a restatement: `(gọi tắt là Kết luận số 48-KL/TW)`)
/// 21 \bxet\b                         Mentions (`Xét Tờ trình số …`)
/// 22 \bde nghi\b                     Mentions (`Theo đề nghị của … tại Tờ trình số …`)
/// 23 \bban hanh\b                    Mentions (`UBND huyện ban hành Kế hoạch số …`)
/// 24 \btheo quy dinh\b               Mentions (`theo quy định tại Quyết định số …`)
/// 25 \bquy dinh tai\b                Mentions (`được quy định tại Điều 5 Nghị định …`)
/// 26 \bthuc hien theo quy dinh( tai)?\b  Implements
/// 27 \bpham vi dieu chinh\b          Mentions
/// 28 \bthuc hien theo\b              Implements (`Thực hiện theo các điều, khoản quy định tại …`)
/// 29 \bap dung\b                     Mentions (`thì áp dụng Bộ luật Dân sự năm 2005, Nghị quyết số …`)
/// 30 \bhuong dan\b                   Guides (only right before the citation: `Thông tư X hướng dẫn
///                                     Nghị định Y`; not `theo hướng dẫn tại Công văn …`)
/// 31 \bdinh chinh\b                  Amends (`đính chính`, a correction of errors)
/// 32 \bgoi la\b                      Mentions (`(sau đây gọi là Thông tư số …)`)
/// 33 \bgoi chung la\b                Mentions
/// 34 \bbo sung\b                     Amends (only opening its clause: `Điều 69. Bổ sung Nghị định số …`)
/// 35 \bthe che hoa\b                 Implements (only opening its clause: `Thể chế hóa Kết luận số …`;
///                                     not `… trong việc thể chế hóa Nghị quyết …`)
/// 36 \btong ket\b                    Implements (only right before the citation: `tổng kết Nghị quyết
///                                     số …`, summing up its implementation)
/// ```
///
/// `hiệu lực thi hành` (cue 18) governs nothing: it only keeps `thi hành`
/// from being read there, and the cue before it governs (`Các Nghị định
/// sau hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành:`).
/// `ban hành`, `xét`, `gọi tắt là` and `tổng kết` govern only the citation
/// right after them (with `kèm theo`, `theo` or `các` between), `hướng dẫn` only with
/// nothing between; `theo quy định` and `quy định tại` leave an earlier
/// `thực hiện` of their clause governing (`thực hiện trình tự, thủ tục theo
/// quy định của Nghị định …`), unless a comma follows it (`tổ chức thực
/// hiện, nếu …`): see [`clause_cue`].
///
/// [`cue_matches_at`] reads them by hand at each word start: no phrase
/// holds a word that starts it again, so the matches at word starts are
/// exactly the non-overlapping matches a search for each would find. Test
/// `prop_cue_matcher_same_as_regexes` compares it with the expressions.
pub(super) const CUES: [(Cue, Relation); 37] = [
    (Cue::Words("can cu"), Relation::Basis),
    (Cue::Words("thuc hien"), Relation::Implements),
    (Cue::Words("trien khai"), Relation::Implements),
    (Cue::Words("theo tinh than chi dao"), Relation::Implements),
    (Cue::Words("dieu chinh"), Relation::Amends),
    (Cue::WordsThen("sua doi", ", bo sung"), Relation::Amends),
    (Cue::Words("thay the"), Relation::Replaces),
    (Cue::Words("bai bo"), Relation::Repeals),
    (Cue::Words("het hieu luc"), Relation::Repeals),
    (Cue::Words("huong dan thi hanh"), Relation::Guides),
    (Cue::Words("huong dan thuc hien"), Relation::Guides),
    (Cue::Words("quy dinh chi tiet"), Relation::Guides),
    (Cue::Passive, Relation::Mentions),
    (Cue::Words("thay the cho nhau"), Relation::Mentions),
    (Cue::Words("chua het hieu luc"), Relation::Mentions),
    (Cue::Words("vb het hieu luc"), Relation::Mentions),
    (Cue::Words("quan triet"), Relation::Implements),
    (Cue::Words("thi hanh"), Relation::Implements),
    (Cue::Words("hieu luc thi hanh"), Relation::Mentions),
    (Cue::Words("quy dinh chi tiet thi hanh"), Relation::Guides),
    (Cue::Words("goi tat la"), Relation::Mentions),
    (Cue::Words("xet"), Relation::Mentions),
    (Cue::Words("de nghi"), Relation::Mentions),
    (Cue::Words("ban hanh"), Relation::Mentions),
    (Cue::Words("theo quy dinh"), Relation::Mentions),
    (Cue::Words("quy dinh tai"), Relation::Mentions),
    (Cue::WordsThen("thuc hien theo quy dinh", " tai"), Relation::Implements),
    (Cue::Words("pham vi dieu chinh"), Relation::Mentions),
    (Cue::Words("thuc hien theo"), Relation::Implements),
    (Cue::Words("ap dung"), Relation::Mentions),
    (Cue::Words("huong dan"), Relation::Guides),
    (Cue::Words("dinh chinh"), Relation::Amends),
    (Cue::Words("goi la"), Relation::Mentions),
    (Cue::Words("goi chung la"), Relation::Mentions),
    (Cue::Words("bo sung"), Relation::Amends),
    (Cue::Words("the che hoa"), Relation::Implements),
    (Cue::Words("tong ket"), Relation::Implements),
];

/// Index in [`CUES`] of the passive cue.
pub(super) const PASSIVE: usize = 12;
/// Index in [`CUES`] of `thi hành`, a cue only where it opens its clause
/// (`Thi hành Điều 2 Quyết định …`; not `theo Luật Thi hành án dân sự`).
const THI_HANH: usize = 17;
/// Indexes in [`CUES`] of the cues that govern only the citation right
/// after them: `gọi tắt là`, `xét`, `ban hành`, `gọi là`, `gọi chung là`,
/// `tổng kết`.
const ADJACENT: [usize; 6] = [20, 21, 23, 32, 33, 36];
/// Indexes in [`CUES`] of `theo quy định`, `quy định tại`: they leave an
/// earlier `thực hiện theo` (index [`THUC_HIEN_THEO`]) governing.
const PROVISIONS: [usize; 2] = [24, 25];
/// Does cue `k` (`theo quy định`, `quy định tại`) leave an earlier cue of
/// its clause governing (see [`clause_cue`])?
pub(super) fn defers(k: usize) -> bool {
    PROVISIONS.contains(&k)
}
/// Index in [`CUES`] of `căn cứ`.
const CAN_CU: usize = 0;
/// Index in [`CUES`] of `bổ sung` alone, a cue only where it opens its
/// clause (`Bổ sung Nghị định số …`; not `bổ sung kinh phí theo …`).
const BO_SUNG: usize = 34;
/// Index in [`CUES`] of `thể chế hóa`, a cue only where it opens its
/// clause.
const THE_CHE_HOA: usize = 35;
/// Index in [`CUES`] of `quy định tại`.
const QUY_DINH_TAI: usize = 25;
/// Indexes in [`CUES`] of the verbs that act on the provisions `quy định
/// tại` a document names: `sửa đổi, bổ sung`, `thay thế`, `bãi bỏ`.
const ACTING: [usize; 3] = [5, 6, 7];
/// Indexes in [`CUES`] of `hướng dẫn thi hành`, `hướng dẫn thực hiện`, `quy
/// định chi tiết` (`thi hành`): they govern past a later `quy định tại`.
const GUIDING: [usize; 4] = [9, 10, 11, 19];
/// Index in [`CUES`] of `thực hiện theo`.
const THUC_HIEN_THEO: usize = 28;
/// Index in [`CUES`] of `thực hiện`.
const THUC_HIEN: usize = 1;
/// Index in [`CUES`] of `ban hành`.
const BAN_HANH: usize = 23;
/// Index in [`CUES`] of `hiệu lực thi hành`.
const HIEU_LUC_THI_HANH: usize = 18;
/// Index in [`CUES`] of `hướng dẫn`, a cue only right before the
/// citation.
const HUONG_DAN: usize = 30;

/// How a cue of [`CUES`] is read.
pub(super) enum Cue {
    /// These folded words, whole.
    Words(&'static str),
    /// These words, whole, and the second part too when it follows, whole.
    WordsThen(&'static str, &'static str),
    /// `được`/`bị` and the verb after it ([`passive_cue`]).
    Passive,
}

/// How the passive cue may open, folded, as far as its fourth byte
/// (`được`, `bị` and the first letter of each verb after it, and the verbs
/// it reads with no `được`/`bị`: `bổ sung`, `sửa đổi`, `thay thế`).
const PASSIVE_OPENINGS: [&str; 9] = ["duoc", "bi s", "bi b", "bi t", "bi h", "bi q", "bo s", "sua ", "thay"];

/// For each byte, the cues of [`CUES`] whose byte `n` it can be (bit `k`
/// for cue `k`), read from the table: every cue is three bytes long at
/// least; past the end of one (`xet`), a word ends: any byte but a word
/// byte.
const fn cues_by_byte(n: usize) -> [u64; 256] {
    let mut t = [0u64; 256];
    let mut k = 0;
    while k < CUES.len() {
        match CUES[k].0 {
            Cue::Words(w) | Cue::WordsThen(w, _) if n < w.len() => t[w.as_bytes()[n] as usize] |= 1 << k,
            Cue::Words(_) | Cue::WordsThen(..) => {
                let mut c = 0;
                while c < 256 {
                    if !WORD_BYTES[c] {
                        t[c] |= 1 << k;
                    }
                    c += 1;
                }
            }
            Cue::Passive => {
                let mut o = 0;
                while o < PASSIVE_OPENINGS.len() {
                    t[PASSIVE_OPENINGS[o].as_bytes()[n] as usize] |= 1 << k;
                    o += 1;
                }
            }
        }
        k += 1;
    }
    t
}

/// The cues that can start with each byte.
pub(super) const CUES_BY_FIRST_BYTE: [u64; 256] = cues_by_byte(0);

/// The cues whose second byte each byte can be: a word start is tried only
/// for the cues its first three bytes all allow.
pub(super) const CUES_BY_SECOND_BYTE: [u64; 256] = cues_by_byte(1);

/// The cues whose third byte each byte can be.
pub(super) const CUES_BY_THIRD_BYTE: [u64; 256] = cues_by_byte(2);

/// The cues whose fourth byte each byte can be.
pub(super) const CUES_BY_FOURTH_BYTE: [u64; 256] = cues_by_byte(3);

/// The longest a cue match can be (`duoc quy dinh chi tiet mot so noi dung
/// theo:`, 44 bytes), with room to spare.
pub(super) const CUE_MAX_LEN: usize = 64;

/// The relation a window gives, if any cue is in it.
#[cfg(test)]
pub(super) fn cue_relation(window: &str) -> Option<Relation> {
    cue_relation_folded(&crate::normalize::fold(window))
}

/// [`cue_relation`] of a window already folded.
pub(super) fn cue_relation_folded(f: &str) -> Option<Relation> {
    clause_cue(f.as_bytes(), true).map(|(_, _, k)| CUES[k].1)
}

/// [`best_cue`] of a folded clause, ending at the citation: `thi hành`
/// counts only where it opens the clause (`opens`: `b` starts at the
/// clause's start), the cues of [`ADJACENT`] only right before the
/// citation; a cue that does not count leaves the one before it.
pub(super) fn clause_cue(b: &[u8], opens: bool) -> Option<(usize, usize, usize)> {
    let mut end = b.len();
    loop {
        let hit = best_cue(&b[..end])?;
        let start = hit.0 - hit.1;
        let counts = match hit.2 {
            HIEU_LUC_THI_HANH => false,
            THI_HANH | BO_SUNG | THE_CHE_HOA => opens && clause_initial(&b[..start]),
            // `có căn cứ` (has grounds: `Luật số … có căn cứ ban hành như
            // sau:`) is no basis.
            CAN_CU => !b[..start].ends_with(b"co "),
            HUONG_DAN => b[hit.0..].iter().all(|&c| c == b' '),
            k if ADJACENT.contains(&k) => adjacent(&b[hit.0..]),
            _ => true,
        };
        if counts && PROVISIONS.contains(&hit.2) {
            // `thực hiện … theo quy định tại`: the earlier cue governs; so
            // does an earlier verb acting on the provisions (`Bãi bỏ một số
            // nội dung quy định tại Điều 10 Thông tư …`).
            // After `theo` the citation is the verb's agent instead (`Bãi bỏ
            // … tại khoản này theo quy định tại khoản 4 Điều 6 của Luật số
            // …`): read as the passive cue, the verb its span.
            let agent = hit.2 != QUY_DINH_TAI || b[..start].ends_with(b"theo ");
            // Only the cue right before counts, past other provisions
            // (`hồ sơ … thực hiện hợp đồng căn cứ kết quả …, theo quy định
            // của Luật …`: `căn cứ` stands between, `theo quy định` governs).
            let mut e = start;
            while let Some(h) = best_cue(&b[..e]) {
                // (`thực hiện nhiệm vụ quy định tại Điều 17 Thông tư …`:
                // without `theo` the provisions define the object, and the
                // citation is only mentioned.)
                if h.2 == THUC_HIEN_THEO || (h.2 == THUC_HIEN && agent && !b[h.0..].starts_with(b",")) {
                    return Some(h);
                }
                if ACTING.contains(&h.2) {
                    return Some(if agent { (h.0, h.1, PASSIVE) } else { h });
                }
                // (`hướng dẫn thực hiện một số điều về … quy định tại Nghị
                // định số …`: the provisions guided are the decree's; not
                // when its object is named before, a law, or a clause
                // opens with `thì` between: `… quy định chi tiết thi hành
                // Luật Đất đai thì tiếp tục … quy định tại khoản 30 …`.)
                if GUIDING.contains(&h.2) && !agent && guided_there(&b[h.0..start]) {
                    return Some(h);
                }
                if !PROVISIONS.contains(&h.2) && h.2 != HIEU_LUC_THI_HANH {
                    break;
                }
                e = h.0 - h.1;
            }
        }
        // `Sửa đổi … Biểu mức thu ban hành kèm theo Thông tư số …`: what is
        // done to the annex is done to the document it came with.
        if counts && annex_cue(b, hit) {
            if let Some(h) = best_cue(&b[..start]).filter(|h| ACTING.contains(&h.2)) {
                return Some(h);
            }
        }
        // `bởi` after a verb names its agent (`… do Ủy ban nhân dân cấp xã
        // thực hiện bởi Khoản 1 Điều 10 Nghị định …`): the passive cue.
        // (At the window's end too: `… được đính chính bởi⏎Quyết định số …`,
        // its last space folded away.)
        let after = &b[hit.0..];
        if counts && hit.2 != PASSIVE && (after.starts_with(b" boi ") || after == b" boi") {
            return Some((hit.0, hit.1, PASSIVE));
        }
        // Coordinated verbs (`Sửa đổi, bổ sung và bãi bỏ một số điều của
        // Nghị định số …`): the first governs.
        if counts && ACTING.contains(&hit.2) {
            let mut first = hit;
            loop {
                let s = first.0 - first.1;
                let Some(before) = b[..s].strip_suffix(b" va ").or_else(|| b[..s].strip_suffix(b", ")) else {
                    break;
                };
                match best_cue(before) {
                    Some(h) if h.0 == before.len() && ACTING.contains(&h.2) => first = h,
                    _ => break,
                }
            }
            return Some(first);
        }
        if counts {
            return Some(hit);
        }
        // (`hết hiệu lực thi hành`: `hiệu lực` may end `hết hiệu lực`.)
        if hit.2 == HIEU_LUC_THI_HANH {
            end = hit.0 - " thi hanh".len();
            continue;
        }
        end = start;
    }
}

/// Between a guiding cue and a later `quy định tại` (folded): no law named
/// (`luật`), no clause opening with `thì` (`thi` not before `hanh`).
fn guided_there(between: &[u8]) -> bool {
    let mut words = between
        .split(|c| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .peekable();
    while let Some(w) = words.next() {
        if w == b"luat" || w == b"thi" && words.peek() != Some(&&b"hanh"[..]) {
            return false;
        }
    }
    true
}

/// Is `hit` (in the folded clause `b`) `ban hành kèm theo`, naming the
/// document an annex came with?
pub(super) fn annex_cue(b: &[u8], hit: (usize, usize, usize)) -> bool {
    hit.2 == BAN_HANH && b[hit.0..].starts_with(b" kem theo")
}

/// Only `kèm theo`, `theo`, `các` (folded) and spaces between a cue and the
/// citation?
fn adjacent(rest: &[u8]) -> bool {
    rest.split(|c| !c.is_ascii_alphabetic())
        .all(|w| matches!(w, b"" | b"kem" | b"theo" | b"cac" | b"duoc"))
}

/// Only bullets, numbering, markup and spaces (no letter) before a cue in
/// its folded clause?
fn clause_initial(before: &[u8]) -> bool {
    !before.iter().any(u8::is_ascii_alphabetic)
}

/// The verbs a passive cue's agent may do (folded), and the relation each
/// gives (see [`passive_relation`]).
const PASSIVE_VERBS: [(&[u8], Relation); 11] = [
    (b"sua doi", Relation::Amends),
    (b"bo sung", Relation::Amends),
    (b"dinh chinh", Relation::Amends),
    (b"dieu chinh", Relation::Amends),
    (b"trien khai", Relation::Implements),
    (b"thuc hien", Relation::Implements),
    (b"thay the", Relation::Replaces),
    (b"bai bo", Relation::Repeals),
    (b"het hieu luc", Relation::Repeals),
    (b"huong dan", Relation::Guides),
    (b"quy dinh chi tiet", Relation::Guides),
];

/// What the agent of a passive cue (`được sửa đổi, bổ sung bởi`, `bị thay
/// thế bởi`, `được hướng dẫn bởi`) does: read from the last verb of the
/// folded cue (`bị bãi bỏ, thay thế bởi`: replaces).
pub(super) fn passive_relation(cue: &[u8]) -> Relation {
    // The verb starting last wins: read from the end back, the first place
    // a verb starts at is the one. (No verb opens another, so at most one
    // starts at a place. Its first byte compared first: a slice comparison
    // at every place costs a call each.)
    (0..cue.len())
        .rev()
        .find_map(|k| {
            PASSIVE_VERBS
                .iter()
                .find(|(v, _)| v[0] == cue[k] && cue[k..].starts_with(v))
                .map(|&(_, r)| r)
        })
        .unwrap_or(Relation::Amends)
}

/// The winning cue in folded `b`: its end, length and index in
/// [`CUES`].
pub(super) fn best_cue(b: &[u8]) -> Option<(usize, usize, usize)> {
    // (end, length, cue)
    let mut best: Option<(usize, usize, usize)> = None;
    // From the end back: a cue starting before `e - CUE_MAX_LEN` cannot
    // end at `e` or later, so the search stops once one is found (at
    // `floor`).
    let mut floor = 0;
    let mut p = b.len();
    while p > floor {
        // The eight places before `p` (fewer at the start), read from the
        // bytes before them at once: a place after a word byte is no
        // word's start (most bytes are inside a word). Bit 7 of lane `k`
        // is set for place `base + k`.
        let (base, mut starts) = if p >= 9 {
            let w = u64::from_le_bytes(b[p - 9..p - 1].try_into().expect("eight bytes"));
            (p - 8, non_word_lanes(w))
        } else {
            let lanes = (0..p)
                .filter(|&q| q == 0 || !is_word_byte(b[q - 1]))
                .fold(0u64, |m, q| m | 0x80 << (8 * q));
            (0, lanes)
        };
        p = base;
        // Nearest first.
        while starts != 0 {
            let lane = (63 - starts.leading_zeros() as usize) / 8;
            starts &= !(0x80 << (8 * lane));
            let q = base + lane;
            if q < floor {
                break;
            }
            // (The four bytes' cues read at once, from the place's first
            // eight bytes read in one load, kept for the matcher: a byte
            // past the end read as NUL, which no cue holds among its first
            // three, and which ends `xet`, as the end of the text does.)
            let head = head_at(b, q);
            let byte = |n: u32| (head >> (8 * n)) as u8 as usize;
            let cues = CUES_BY_FIRST_BYTE[byte(0)]
                & CUES_BY_SECOND_BYTE[byte(1)]
                & CUES_BY_THIRD_BYTE[byte(2)]
                & CUES_BY_FOURTH_BYTE[byte(3)];
            if cues == 0 {
                continue;
            }
            cue_matches_at(b, q, head, cues, |k, end| {
                let key = (end, end - q);
                if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                    best = Some((key.0, key.1, k));
                    // (Only a new best moves the floor.)
                    floor = end.saturating_sub(CUE_MAX_LEN);
                }
            });
        }
    }
    best
}

/// For the eight bytes of `w` (the first in its low byte), the high bit of
/// each byte's lane set where the byte is no word byte ([`is_word_byte`]):
/// not an ASCII letter, digit or `_`.
fn non_word_lanes(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The low seven bits of each byte (a byte with its high bit set is no
    // word byte): adding `0x80 - lo` to a lane sets its high bit exactly
    // when it is `lo` or more, with no carry into the next lane.
    let x = w & !HIGH;
    let at_least = |v: u64, lo: u64| v + ONES * (0x80 - lo);
    let lower = x | (ONES * 0x20);
    let letter = at_least(lower, 0x61) & !at_least(lower, 0x7B);
    let digit = at_least(x, 0x30) & !at_least(x, 0x3A);
    let underscore = !((x ^ (ONES * 0x5F)) + ONES * 0x7F);
    let word = (letter | digit | underscore) & !w & HIGH;
    !word & HIGH
}

/// The word bytes of an ASCII `\b` (letters, digits, `_`).
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_';
        c += 1;
    }
    t
};

/// A word byte for an ASCII `\b`.
pub(super) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// An ASCII word boundary at `at` in `b`.
pub(super) fn word_boundary(b: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(b[at - 1]);
    let after = b.get(at).is_some_and(|&x| is_word_byte(x));
    before != after
}

/// `lit` at `at` in `b`: the end.
pub(super) fn lit_at(b: &[u8], at: usize, lit: &str) -> Option<usize> {
    // Byte by byte: most calls fail at the first or second byte, before a
    // comparison call would have been set up.
    let l = lit.as_bytes();
    let r = b.get(at..at + l.len())?;
    r.iter().zip(l).all(|(x, y)| x == y).then_some(at + l.len())
}

/// For each cue of [`CUES`] read as words, its first eight bytes (fewer
/// when shorter: the rest zero) as a little-endian number, and the mask of
/// those bytes; nothing for the passive cue.
const CUE_HEADS: [(u64, u64); 37] = {
    let mut t = [(0u64, 0u64); 37];
    let mut k = 0;
    while k < CUES.len() {
        if let Cue::Words(w) | Cue::WordsThen(w, _) = CUES[k].0 {
            t[k] = head_of(w);
        }
        k += 1;
    }
    t
};

/// The eight bytes of `b` from `p` as a little-endian number, those past
/// the end read as NUL (no cue holds one).
fn head_at(b: &[u8], p: usize) -> u64 {
    match b.get(p..p + 8) {
        Some(h) => u64::from_le_bytes(h.try_into().expect("eight bytes")),
        // Near the end of a text of eight bytes or more: its last eight,
        // shifted down past those before `p` (zeros shifted in above).
        None if p < b.len() && b.len() >= 8 => {
            let last = u64::from_le_bytes(b[b.len() - 8..].try_into().expect("eight bytes"));
            last >> (8 * (p + 8 - b.len()))
        }
        None => b[p.min(b.len())..].iter().rev().fold(0, |h, &c| h << 8 | u64::from(c)),
    }
}

/// [`head_at`] a byte at a time: the reference it is tested against.
#[cfg(test)]
fn head_at_bytewise(b: &[u8], p: usize) -> u64 {
    (0..8).fold(0, |h, n| h | u64::from(b.get(p + n).copied().unwrap_or(0)) << (8 * n))
}

/// `w` (eight bytes at most) as [`head_at`] reads it, and the mask of its
/// bytes.
const fn head_of(w: &str) -> (u64, u64) {
    let w = w.as_bytes();
    let (mut h, mut mask, mut n) = (0u64, 0u64, 0);
    while n < w.len() && n < 8 {
        h |= (w[n] as u64) << (8 * n);
        mask |= 0xFF << (8 * n);
        n += 1;
    }
    (h, mask)
}

/// The verbs of [`passive_cue`], each with the part it may take; the
/// first [`PASSIVE_BARE`] may go without `được`/`bị` before
/// `bởi`/`theo`/`tại`.
const PASSIVE_CUE_VERBS: [(&str, &[&str]); 7] = [
    ("sua doi", &[", bo sung"]),
    ("bo sung", &[]),
    ("thay the", &[]),
    ("bai bo", &[]),
    ("huong dan", &[" thi hanh"]),
    ("quy dinh chi tiet", &[" thi hanh"]),
    ("het hieu luc", &[]),
];

/// How many of [`PASSIVE_CUE_VERBS`], first, go without `được`/`bị`.
const PASSIVE_BARE: usize = 3;

/// How [`passive_cue`] may open (its first eight bytes at most): `được `,
/// `bị `, or a verb of [`PASSIVE_CUE_VERBS`] it reads with neither (`sửa đổi`,
/// `bổ sung`, `thay thế`), taken from that table. A place whose head opens
/// with none of them holds no passive cue.
const PASSIVE_HEADS: [(u64, u64); 2 + PASSIVE_BARE] = {
    let mut t = [head_of("duoc "), head_of("bi "), (0, 0), (0, 0), (0, 0)];
    let mut k = 0;
    while k < PASSIVE_BARE {
        t[2 + k] = head_of(PASSIVE_CUE_VERBS[k].0);
        k += 1;
    }
    t
};

/// Can [`passive_cue`] match at a place whose first eight bytes are `head`?
fn may_open_passive(head: u64) -> bool {
    PASSIVE_HEADS.iter().any(|&(h, mask)| head & mask == h)
}

/// Call `hit(cue, end)` for each cue of [`CUES`] in the set `cues` (bit `k`
/// for cue `k`) matching at the word start `p`, in the table's order;
/// `head`: the eight bytes from `p` ([`head_at`]).
fn cue_matches_at(b: &[u8], p: usize, head: u64, mut cues: u64, mut hit: impl FnMut(usize, usize)) {
    let whole = |at: usize, words: &str| lit_at(b, at, words).filter(|&e| word_boundary(b, e));
    // A cue's first eight bytes compared at once (most of those read here
    // share their first four with the text: `quy dinh`, `dieu nay` for
    // `dieu chinh`), the rest of a longer one then byte by byte: the words
    // there, whole.
    let words = |k: usize, w: &str| {
        let (h, mask) = CUE_HEADS[k];
        if head & mask != h {
            return None;
        }
        let e = match w.len() {
            n if n <= 8 => p + n,
            _ => lit_at(b, p + 8, &w[8..])?,
        };
        word_boundary(b, e).then_some(e)
    };
    while cues != 0 {
        let k = cues.trailing_zeros() as usize;
        cues &= cues - 1;
        let end = match CUES[k].0 {
            Cue::Words(w) => words(k, w),
            Cue::WordsThen(w, then) => words(k, w).map(|e| whole(e, then).unwrap_or(e)),
            // (Read only where it may open: most places its first bytes
            // let through open none of its forms, `tu theo`, `to chuc`.)
            Cue::Passive if may_open_passive(head) => passive_cue(b, p),
            Cue::Passive => None,
        };
        if let Some(e) = end {
            hit(k, e);
        }
    }
}

/// [`Cue::Passive`] at `p`: its end, read as the regular expression
/// would (alternatives in order, optional parts taken when there).
pub(super) fn passive_cue(b: &[u8], p: usize) -> Option<usize> {
    const VERBS: [(&str, &[&str]); 7] = PASSIVE_CUE_VERBS;
    const BARE: usize = PASSIVE_BARE;
    // The first of `alts` at `e`, if one is there: where it ends.
    let optional = |e: usize, alts: &[&str]| alts.iter().find_map(|a| lit_at(b, e, a)).unwrap_or(e);
    // One of the first `n` verbs at `at`, and more after `, `: the end.
    let verbs = |at: usize, n: usize| {
        let one = |at: usize| {
            VERBS[..n]
                .iter()
                .find_map(|(verb, more)| lit_at(b, at, verb).map(|e| optional(e, more)))
        };
        let mut e = one(at)?;
        while let Some(e2) = lit_at(b, e, ", ").and_then(one) {
            e = e2;
        }
        Some(e)
    };
    if let Some(e) = lit_at(b, p, "duoc ")
        .or_else(|| lit_at(b, p, "bi "))
        .and_then(|at| verbs(at, VERBS.len()))
    {
        let e = optional(e, &[" mot so dieu", " mot so noi dung"]);
        let e = optional(e, &[" boi", " theo", " tai"]);
        return Some(optional(e, &[":"]));
    }
    let e = optional(verbs(p, BARE)?, &[" mot so dieu", " mot so noi dung"]);
    let e = [" boi", " theo", " tai"].iter().find_map(|a| lit_at(b, e, a))?;
    word_boundary(b, e).then(|| optional(e, &[":"]))
}

/// The cues of [`CUES`] as regular expressions (the table in its doc), the
/// reference the hand matcher is tested against.
#[cfg(test)]
pub(super) fn cue_regexes() -> &'static [Regex] {
    const TABLE: [&str; 37] = [
        r"\bcan cu\b",
        r"\bthuc hien\b",
        r"\btrien khai\b",
        r"\btheo tinh than chi dao\b",
        r"\bdieu chinh\b",
        r"\bsua doi\b(, bo sung\b)?",
        r"\bthay the\b",
        r"\bbai bo\b",
        r"\bhet hieu luc\b",
        r"\bhuong dan thi hanh\b",
        r"\bhuong dan thuc hien\b",
        r"\bquy dinh chi tiet\b",
        r"\b(?:(?:duoc|bi) V(?:, V)*(?: (?:mot so dieu|mot so noi dung))?(?: (?:boi|theo|tai))?|B(?:, B)*(?: (?:mot so dieu|mot so noi dung))? (?:boi|theo|tai)\b):?",
        r"\bthay the cho nhau\b",
        r"\bchua het hieu luc\b",
        r"\bvb het hieu luc\b",
        r"\bquan triet\b",
        r"\bthi hanh\b",
        r"\bhieu luc thi hanh\b",
        r"\bquy dinh chi tiet thi hanh\b",
        r"\bgoi tat la\b",
        r"\bxet\b",
        r"\bde nghi\b",
        r"\bban hanh\b",
        r"\btheo quy dinh\b",
        r"\bquy dinh tai\b",
        r"\bthuc hien theo quy dinh\b( tai\b)?",
        r"\bpham vi dieu chinh\b",
        r"\bthuc hien theo\b",
        r"\bap dung\b",
        r"\bhuong dan\b",
        r"\bdinh chinh\b",
        r"\bgoi la\b",
        r"\bgoi chung la\b",
        r"\bbo sung\b",
        r"\bthe che hoa\b",
        r"\btong ket\b",
    ];
    static CUE_REGEXES: OnceLock<Vec<Regex>> = OnceLock::new();
    // An ASCII word boundary: the window is folded.
    CUE_REGEXES.get_or_init(|| {
        const V: &str = "(?:sua doi(?:, bo sung)?|bo sung|thay the|bai bo|huong dan(?: thi hanh)?|quy dinh chi tiet(?: thi hanh)?|het hieu luc)";
        const B: &str = "(?:sua doi(?:, bo sung)?|bo sung|thay the)";
        TABLE
            .iter()
            .map(|p| {
                let p = p.replace('V', V).replace('B', B).replace(r"\b", r"(?-u:\b)");
                Regex::new(&p).expect("cue regex")
            })
            .collect()
    })
}

/// [`best_cue`] by the regular expressions (the nearest end, then the
/// longest, then the first in the table).
#[cfg(test)]
pub(super) fn best_cue_by_regex(f: &str) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (k, re) in cue_regexes().iter().enumerate() {
        for m in re.find_iter(f) {
            let key = (m.end(), m.len());
            if !matches!(best, Some((e, l, _)) if key <= (e, l)) {
                best = Some((key.0, key.1, k));
            }
        }
    }
    best
}

#[cfg(test)]
#[path = "cues_tests.rs"]
mod tests;
