//! The byte gates of [`super::tail`]: which rules may read at `r` (after
//! the number, the date or the issuer), by the first bytes they read; where one is false its
//! rule fails, and is not called (most citations go on with `ngày`, `của`
//! or a word the rules do not open with):
//! - [`date_part`](super::date_part) reads spaces, a line break or `<br>`, a comma perhaps,
//!   `cùng` perhaps, then a date opening with `ngày`, `tháng` or a digit:
//!   past the spaces, another ASCII byte than those that open them (not
//!   NUL, which the folded keyword match skips) fails it;
//! - [`issuer_part`](super::issuer_part) reads spaces, a line break or `<br>`, a comma
//!   perhaps, then `của` matched folded: past the spaces, another ASCII
//!   byte (not NUL) fails it;
//! - [`paren_date`](super::paren_date) and [`aside`](super::aside) read spaces, then `(`;
//! - [`year_after`](super::year_after) reads one space or more, then `năm`/`nam`: past the
//!   spaces an `n` or `N` ([`lex`](crate::cite::lex::lex) ends on another ASCII byte, and no
//!   character that is not ASCII lowers to one that starts with `n`);
//! - [`titled_date`](super::titled_date) reads one space or more, then a word opening with a
//!   capital, or `về`: past the spaces, an ASCII byte that is no capital,
//!   `v` or `V` opens neither (a word that opens with it is no capital's;
//!   [`lex`](crate::cite::lex::lex) ends on it);
//! - [`closing_date`](super::closing_date) ([`item_lead`](super::item_lead)) reads `**` perhaps, spaces, then a
//!   dash (`-`, or `—`, `–`: their UTF-8 opens with `E2`) or `:`;
//! - [`subject_part`](super::subject_part) reads spaces, a comma perhaps, spaces, then `về`,
//!   `ve` or `v/v` (in any case, [`lex`](crate::cite::lex::lex) and [`kw`](crate::cite::lex::kw) ending on another ASCII
//!   byte than `v`, `V` and NUL, which the folded match skips), or a verb
//!   of [`SUBJECT_VERBS`](super::SUBJECT_VERBS) (its first byte one of `bhpqst` in any case, see
//!   [`starts_verb`](super::starts_verb));
//! - [`wrapped_subject`](super::wrapped_subject) reads spaces, then a line
//!   break.

use crate::cite::lex::skip_sp;

/// The first byte of `r` past its spaces and tabs, and whether there were
/// any.
#[inline(always)]
fn first_past_sp(r: &str) -> (Option<u8>, bool) {
    let t = skip_sp(r);
    (t.as_bytes().first().copied(), t.len() < r.len())
}

/// May [`date_part`](super::date_part) read at `r`?
#[inline(always)]
pub(super) fn date_may(r: &str) -> bool {
    match first_past_sp(r).0 {
        Some(b) if b.is_ascii() && b != 0 => matches!(
            b.to_ascii_lowercase(),
            b'\n' | b'<' | b',' | b'n' | b't' | b'c' | b'0'..=b'9'
        ),
        _ => true,
    }
}

/// May [`issuer_part`](super::issuer_part) read at `r`?
#[inline(always)]
pub(super) fn issuer_may(r: &str) -> bool {
    match first_past_sp(r).0 {
        Some(b) if b.is_ascii() && b != 0 => matches!(b.to_ascii_lowercase(), b'\n' | b'<' | b',' | b'c'),
        _ => true,
    }
}

/// May [`paren_date`](super::paren_date) or [`aside`](super::aside) read at `r`?
#[inline(always)]
pub(super) fn paren_may(r: &str) -> bool {
    first_past_sp(r).0 == Some(b'(')
}

/// May [`year_after`](super::year_after) read at `r`?
#[inline(always)]
pub(super) fn year_may(r: &str) -> bool {
    let (b, spaced) = first_past_sp(r);
    spaced && matches!(b, Some(b'n' | b'N'))
}

/// May [`titled_date`](super::titled_date) read at `r`?
#[inline(always)]
pub(super) fn titled_may(r: &str) -> bool {
    let (b, spaced) = first_past_sp(r);
    spaced && b.is_none_or(|b| !b.is_ascii() || b.is_ascii_uppercase() || b == b'v')
}

/// May [`closing_date`](super::closing_date) read at `r`?
#[inline(always)]
pub(super) fn closing_may(r: &str) -> bool {
    // (`**`, then spaces, before the dash of an item's lead.)
    let lead = skip_sp(r.strip_prefix("**").unwrap_or(r)).as_bytes().first().copied();
    matches!(lead, Some(b'-' | b':' | 0xE2))
}

/// May [`subject_part`](super::subject_part) read at `r`?
#[inline(always)]
pub(super) fn subject_may(r: &str) -> bool {
    // (A comma, then spaces, before the opening of a subject.)
    let t = skip_sp(r);
    let s = t.strip_prefix(',').map_or(t, skip_sp);
    match s.as_bytes().first() {
        Some(&b) if b.is_ascii() && b != 0 => {
            matches!(b.to_ascii_lowercase(), b'v' | b'b' | b'h' | b'p' | b'q' | b's' | b't')
        }
        _ => true,
    }
}

/// May [`wrapped_subject`](super::wrapped_subject) read at `r`?
#[inline(always)]
pub(super) fn wrapped_may(r: &str) -> bool {
    first_past_sp(r).0 == Some(b'\n')
}
