//! The grammar of a số ký hiệu field: one function per rule, and the
//! classification of what it read.

use std::borrow::Cow;

use super::*;

/// A repair made while reading a symbol, with a span relative to the text
/// given to the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub(crate) code: &'static str,
    pub(crate) severity: Severity,
    pub(crate) message: String,
    pub(crate) span: Span,
}

/// The code groups of a symbol as read: most have four at most, held
/// inline (no allocation for the many symbols read, then dropped or
/// classified).
pub(crate) type Codes<'a> = smallvec::SmallVec<[&'a str; 4]>;

/// A symbol as read: borrowed pieces, not yet classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawSymbol<'a> {
    pub(crate) number: Option<&'a str>,
    pub(crate) year: Option<&'a str>,
    /// Code groups after the number (and year), in order.
    pub(crate) codes: Codes<'a>,
    /// Index in `codes` after which a `/` (not `-`) joined the groups.
    pub(crate) slash_after: Option<usize>,
    pub(crate) style: SymbolStyle,
    pub(crate) year_last: bool,
    /// Separators written with spaces, en dashes, a missing slash...
    pub(crate) noise: Vec<(&'static str, &'a str)>,
}

pub(super) fn err<'a, T>(input: &'a str, expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(GrammarError { input, expected }))
}

pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t'
}

// Number ::= Digit{1,6} DottedNumber?
pub(super) fn number(i: &str) -> PResult<'_, &str> {
    let (r, n) = take_while_m_n(1, 6, |c: char| c.is_ascii_digit())(i)?;
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        return err(i, "a number of at most six digits");
    }
    if r.starts_with('.') {
        if let Some(dotted) = dotted_number(i, r) {
            return Ok(dotted);
        }
    }
    Ok((r, n))
}

// DottedNumber ::= Digit+ ("." Digit{1,4})+ &"/"        (`58.12/2026/NQ-CP`)
/// A number printed with dots (some 2026 resolutions), before a slash.
pub(super) fn dotted_number<'a>(i: &'a str, mut r: &'a str) -> Option<(&'a str, &'a str)> {
    while let Some(rest) = r.strip_prefix('.') {
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=4).contains(&d) {
            return None;
        }
        r = &rest[d..];
    }
    r.starts_with('/').then(|| (r, &i[..i.len() - r.len()]))
}

// BlankNumber ::= ("." | "…" | "_")+ Space* &("/" Year)
/// A number left blank with dots or an ellipsis before `/<year>/` (a
/// draft's `… /2016/QH14`): what follows the blank, else `i` as it is.
pub(super) fn blank_before_year(i: &str) -> &str {
    let r = i.trim_start_matches(['.', '…', '_']);
    if r.len() == i.len() {
        return i;
    }
    let r = r.trim_start_matches(is_space);
    match r.strip_prefix('/').map(year) {
        Some(Ok(_)) => r,
        _ => i,
    }
}

// Year ::= Digit{4}   (1945..=2100, not followed by a digit)
pub(super) fn year(i: &str) -> PResult<'_, &str> {
    let (r, y) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let v: u32 = y.parse().expect("digits");
    if r.starts_with(|c: char| c.is_ascii_digit()) || !(1945..=2100).contains(&v) {
        return err(i, "a year");
    }
    Ok((r, y))
}

/// A letter as codes are written: an ASCII letter, `Đ` (or its look-alike
/// `Ð`), or `Ư` (the OCR of `W` in `TƯ`). Codes never hold other letters
/// with diacritics, so one of those after a code is glued text
/// (`TWĐẢNG BỘ TỈNH`, a heading glued to a symbol).
pub(super) fn is_code_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'đ' | 'Ð' | 'ð' | 'Ư' | 'ư') || latin_of_cyrillic(c).is_some()
}

/// The Latin capital a Cyrillic capital looks like (`Т`, `С` in
/// `TT-BТС`, a PDF's text layer), if any.
pub(super) fn latin_of_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        _ => return None,
    })
}

// Code ::= Letter (Letter | Digit | "&")*        (Letter: see is_code_letter)
//   Codes are upper case, bar the official mixed-case tokens: a lower-case
//   run after two capitals ends the code (`TTngày` is `TT` and `ngày`,
//   `TTgngày` is `TTg` and `ngày`); a letter outside the code letters
//   glued on cuts the code back to the longest known code it starts with
//   (`TWĐẢNG` is `TW` and `ĐẢNG`). The caller sees the glued text after it.
pub(super) fn code(i: &str) -> PResult<'_, &str> {
    if !i.starts_with(is_code_letter) {
        return err(i, "a type or issuer code");
    }
    let (r, _) = take_while(|c: char| is_code_letter(c) || c.is_ascii_digit() || c == '&')(i)?;
    let run = &i[..i.len() - r.len()];
    let len = match lower_cut(run) {
        Some(k) => k,
        None if r.starts_with(char::is_alphabetic) => known_prefix(run).unwrap_or(run.len()),
        None => run.len(),
    };
    if len > 24 {
        return err(i, "a code of at most 24 characters");
    }
    Ok((&i[len..], &i[..len]))
}

/// Where a code ends when a lower-case run follows its capitals (see
/// [`code`]); `None` when it does not, or when the whole run is a code
/// (`Ctr`, `nđ`, `TTg`).
pub(super) fn lower_cut(run: &str) -> Option<usize> {
    let k = run.find(|c: char| c.is_lowercase())?;
    // A word glued on has two letters at least (`QHi3` is the OCR of
    // `QH13`, not `QH` and text).
    if !run[k..].chars().take(2).all(char::is_alphabetic) {
        return None;
    }
    if run[..k].chars().count() < 2 || canonical_type(run).is_some() || MIXED_CASE.iter().any(|m| eq_upper(m, run)) {
        return None;
    }
    if let Some(m) = MIXED_TOKENS.iter().find(|m| run.starts_with(**m)) {
        return Some(m.len());
    }
    // `TWBan`: the capital before the run starts a word, when what is
    // left is a known code.
    let last = run[..k].chars().next_back().map_or(0, char::len_utf8);
    if is_known_code(&run[..k - last]) && !is_known_code(&run[..k]) {
        return Some(k - last);
    }
    Some(k)
}

/// The longest known code (at least two characters) `run` starts with.
pub(super) fn known_prefix(run: &str) -> Option<usize> {
    run.char_indices()
        .map(|(k, _)| k)
        .chain([run.len()])
        .filter(|&k| k > 0 && run[..k].chars().count() >= 2)
        .rev()
        .find(|&k| is_known_code(&run[..k]))
}

/// A code that may follow a separator written with spaces (`NĐ- CP`): upper
/// case or a known code, so that `QH15 - Luật` is not read as one symbol.
pub(super) fn shouty_code(i: &str) -> PResult<'_, &str> {
    let (r, c) = code(i)?;
    // A word, not a code: `56/2026/TT-BTC - Sửa đổi`.
    if r.starts_with(char::is_alphabetic) {
        return err(i, "a code, not a word");
    }
    let known = canonical_type(c).is_some() || MIXED_CASE.iter().any(|m| eq_upper(m, c));
    let all_upper = c.chars().all(|ch| !ch.is_lowercase());
    if known || all_upper {
        Ok((r, c))
    } else {
        err(i, "an upper-case code")
    }
}

/// `sep` with optional spaces around it; returns whether spaces (or an en
/// dash) were seen.
pub(super) fn separator<'a>(sep: char, i: &'a str) -> PResult<'a, (&'a str, bool)> {
    // Most separators are printed bare (`-`, `/` between a letter or digit
    // and the next): settled on two bytes.
    let b = i.as_bytes();
    if sep.is_ascii() && b.first() == Some(&(sep as u8)) && !matches!(b.get(1), Some(b' ' | b'\t' | b'\n')) {
        return Ok((&i[1..], (&i[..1], false)));
    }
    let (r, pre) = take_while(is_space)(i)?;
    let (r, noisy_sep) = if sep == '-' && r.starts_with('–') {
        (&r['–'.len_utf8()..], true)
    } else {
        let (r, _) = ch(sep)(r)?;
        (r, false)
    };
    let (r, post) = take_while(is_space)(r)?;
    // A line broken at the hyphen or slash (`08/2021/NĐ-⏎CP`, `06/2024/
    // ⏎TT-BLĐTBXH` in a PDF's text): the break is layout, the code goes on
    // on the next line.
    if matches!(sep, '-' | '/') && pre.is_empty() && !noisy_sep {
        if let Some(next) = r.strip_prefix('\n') {
            let next = next.trim_start_matches(is_space);
            if next.starts_with(|c: char| c.is_uppercase()) {
                return Ok((next, (&i[..i.len() - next.len()], true)));
            }
        }
    }
    let whole = &i[..i.len() - r.len()];
    Ok((r, (whole, noisy_sep || !pre.is_empty() || !post.is_empty())))
}

// Codes ::= Code ((Sep("-") | ".") Code)*       (a dot between codes in historical symbols: `QĐ.UB`)
pub(super) fn codes<'a>(i: &'a str, noise: &mut Vec<(&'static str, &'a str)>) -> PResult<'a, Codes<'a>> {
    let (mut r, first) = code(i)?;
    let mut out = Codes::new();
    out.push(first);
    loop {
        if let Some(after) = r.strip_prefix('.') {
            // Only an upper-case code, not glued to more letters: a full
            // stop before the next sentence is not a separator.
            match shouty_code(after) {
                Ok((rest, c)) if !rest.starts_with(char::is_alphabetic) && c.chars().any(char::is_alphabetic) => {
                    noise.push(("symbol-separator", &r[..1]));
                    out.push(c);
                    r = rest;
                    if out.len() >= MAX_CODES {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
        }
        let Ok((after, (sep, spaced))) = separator('-', r) else {
            break;
        };
        let next = if spaced { shouty_code(after) } else { code(after) };
        // A spaced hyphen broken at the line after a type code with no
        // issuer yet (`473/TTr -⏎NN&PTNT`): the issuer's code, in capitals,
        // opens the next line.
        let (next, sep) = match next {
            Err(_) if spaced && out.len() == 1 && canonical_type(out[0]).is_some() => {
                let code_at = after
                    .strip_prefix('\n')
                    .map(|n| n.trim_start_matches(is_space))
                    .and_then(|n| {
                        shouty_code(n)
                            .ok()
                            .filter(|(_, c)| !c.chars().any(char::is_lowercase))
                            .map(|x| (n, x))
                    });
                match code_at {
                    Some((n, x)) => (Ok(x), &r[..r.len() - n.len()]),
                    None => (next, sep),
                }
            }
            _ => (next, sep),
        };
        match next {
            Ok((rest, c)) => {
                if spaced {
                    noise.push(("symbol-spacing", sep));
                }
                out.push(c);
                r = rest;
            }
            Err(_) => break,
        }
        if out.len() >= MAX_CODES {
            break;
        }
    }
    Ok((r, out))
}

/// A first code that is a type code and an issuer code glued together
/// (`NĐCP`, `QĐUBND`), split in two; `None` when it is not.
pub(super) fn split_glued(code: &str) -> Option<(&str, &str)> {
    if is_known_code(code) {
        return None;
    }
    code.char_indices().skip(2).find_map(|(k, _)| {
        let (t, rest) = code.split_at(k);
        // (The type first: one look-up, where the issuers are many.)
        let known_issuer = || {
            [PARTY_ISSUERS, STATE_ISSUERS]
                .iter()
                .any(|tb| tb.iter().any(|x| eq_upper(x, rest)))
        };
        (canonical_type(t).is_some() && known_issuer()).then_some((t, rest))
    })
}

/// The most codes a symbol has (a joint circular names five ministries).
pub(super) const MAX_CODES: usize = 13;

// PartySymbol ::= Number Sep("-") Code Sep("/") Codes
pub(super) fn party_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = number(i)?;
    let (r, (s1, sp1)) = separator('-', r)?;
    let (r, t) = if sp1 { shouty_code(r)? } else { code(r)? };
    let (r, (s2, sp2)) = separator('/', r)?;
    // Committed: a number, a hyphen, a code and a slash are a Party symbol.
    let (r, rest) = nom::combinator::cut(|x| codes(x, &mut noise))(r)?;
    if sp1 {
        noise.push(("symbol-spacing", s1));
    }
    if sp2 {
        noise.push(("symbol-spacing", s2));
    }
    let mut all = rest;
    all.insert(0, t);
    Ok((
        r,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: all,
            slash_after: Some(0),
            style: SymbolStyle::Dash,
            year_last: false,
            noise,
        },
    ))
}

// OldSymbol ::= Number "-" Code        (61-CP, 169-CP, 32-HĐBT; a historical Party
//                                       symbol with no issuer code: 21-NQ, 143-TB)
pub(super) fn old_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let (r, n) = number(i)?;
    let (r, _) = ch('-')(r)?;
    let (r, c) = shouty_code(r)?;
    if c.chars().count() < 2 {
        return err(i, "an issuer code after the hyphen");
    }
    // A type code: the Party shape with the issuer left out.
    let slash_after = canonical_type(c).is_some().then_some(0);
    Ok((
        r,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: smallvec::smallvec![c],
            slash_after,
            style: SymbolStyle::Dash,
            year_last: false,
            noise: Vec::new(),
        },
    ))
}

// StateSymbol ::= Number? Sep("/") (Year Sep("/"))? Codes (Sep("/") (Year | Codes))?
pub(super) fn state_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = nom::combinator::opt(number)(i)?;
    let r = if n.is_none() { blank_before_year(r) } else { r };
    let (r, (s1, sp1)) = separator('/', r)?;
    if sp1 {
        noise.push(("symbol-spacing", s1));
    }
    let (r, y) = match year(r) {
        Ok((r2, y)) => match separator('/', r2) {
            Ok((r3, (s, sp))) => {
                if sp {
                    noise.push(("symbol-spacing", s));
                }
                (r3, Some(y))
            }
            Err(_) => return err(r, "a slash after the year"),
        },
        Err(_) => (r, None),
    };
    let (mut r, mut all) = codes(r, &mut noise)?;
    if let Some((t, rest)) = split_glued(all[0]) {
        noise.push(("missing-hyphen", all[0]));
        all[0] = t;
        all.insert(1, rest);
    }
    let mut slash_after = None;
    let mut year_last = false;
    let mut y = y;
    if let Ok((r2, (s, sp))) = separator('/', r) {
        if sp {
            // A spaced trailing slash is more likely running text.
        } else if let (None, Ok((r3, y2))) = (y, year(r2)) {
            y = Some(y2);
            year_last = true;
            r = r3;
        } else if let Some((r3, more)) = codes(r2, &mut noise)
            .ok()
            .filter(|(_, more)| all.len() + more.len() <= MAX_CODES)
        {
            // (At most MAX_CODES in all, as one run of codes: else the
            // printed `A-B-...` would not read back.)
            slash_after = Some(all.len() - 1);
            all.extend(more);
            r = r3;
            let _ = s;
        }
    }
    Ok((
        r,
        RawSymbol {
            number: n,
            year: y,
            codes: all,
            slash_after,
            style: SymbolStyle::Slash,
            year_last,
            noise,
        },
    ))
}

// LooseSymbol ::= Number Space+ TypeCode Sep("-") Codes     (`1830 QĐ-UBND`)
//               | Number TypeCode "-" Codes                   (`48VBHN-VPQH`)
//               | Number Space+ TypeCode "/" Codes            (`298 KH/TWĐTN`: a Party symbol without its hyphen)
pub(super) fn loose_symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let mut noise = Vec::new();
    let (r, n) = number(i)?;
    let (r2, gap) = take_while(is_space)(r)?;
    let (r3, t) = code(r2)?;
    if canonical_type(t).is_none() || t.chars().count() < 2 || t.chars().any(char::is_numeric) {
        return err(r2, "a type code");
    }
    if let (Some(r4), false) = (r3.strip_prefix('/'), gap.is_empty()) {
        let (r5, issuers) = codes(r4, &mut noise)?;
        noise.push(("missing-hyphen", gap));
        let mut all: Codes<'_> = smallvec::smallvec![t];
        all.extend(issuers);
        return Ok((
            r5,
            RawSymbol {
                number: Some(n),
                year: None,
                codes: all,
                slash_after: Some(0),
                style: SymbolStyle::Dash,
                year_last: false,
                noise,
            },
        ));
    }
    if !r3.starts_with('-') {
        return err(r3, "a hyphen after the type code");
    }
    let (r4, more) = codes(&r3[1..], &mut noise)?;
    noise.push(("missing-slash", &r[..r.len() - r2.len()]));
    let _ = gap;
    let mut all: Codes<'_> = smallvec::smallvec![t];
    all.extend(more);
    Ok((
        r4,
        RawSymbol {
            number: Some(n),
            year: None,
            codes: all,
            slash_after: None,
            style: SymbolStyle::Slash,
            year_last: false,
            noise,
        },
    ))
}

// Symbol ::= (PartySymbol | OldSymbol | StateSymbol | LooseSymbol) GluedText?
//   GluedText: letters right after the last code (`TWngày`, `TWĐẢNG BỘ`),
//   left in the input and noted (`glued-text`).
/// Any số ký hiệu at the start of `i`.
pub(crate) fn symbol(i: &str) -> PResult<'_, RawSymbol<'_>> {
    let (r, mut raw) = symbol_body(i)?;
    let glued = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
    if glued > 0 {
        raw.noise.push(("glued-text", &r[..glued]));
    }
    Ok((r, raw))
}

/// [`symbol`] without the note on glued text.
pub(super) fn symbol_body(i: &str) -> PResult<'_, RawSymbol<'_>> {
    match party_symbol(i) {
        Ok(ok) => return Ok(ok),
        Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
        Err(_) => {}
    }
    if let Ok(ok) = state_symbol(i) {
        return Ok(ok);
    }
    if let Ok(ok) = old_symbol(i) {
        return Ok(ok);
    }
    match loose_symbol(i) {
        Ok(ok) => Ok(ok),
        Err(e) => {
            // Report the most helpful expectation.
            let _ = e;
            let (r, _) = nom::combinator::opt(number)(i)?;
            if r.len() == i.len() {
                err(i, "a number or \"/\"")
            } else {
                let r2 = r.trim_start_matches(is_space);
                if r2.starts_with(['-', '/']) {
                    err(r2[1..].trim_start_matches(is_space), "a type or issuer code")
                } else {
                    err(r, "\"-\" or \"/\" after the number")
                }
            }
        }
    }
}

/// Issuer codes that take a term number (`QH15`, `UBTVQH14`, `HĐNN7`,
/// the National Assembly's committees `UBKTTC16`): digits after them are
/// part of the code.
pub(super) fn takes_term_number(letters: &str) -> bool {
    ["QH", "UBTVQH", "HĐNN"].iter().any(|k| eq_upper(k, letters))
        || (letters.len() > 2 && letters[..2].eq_ignore_ascii_case("UB") && !eq_upper("UBND", letters))
}

impl<'a> RawSymbol<'a> {
    // FootnoteMark ::= Digit{1,2}     (glued to the last code: `66-NQ/TW1`, `09/2026/NĐ-CP4`)
    //   A PDF's superscript footnote reference printed as digits after the
    //   symbol: cut when the code without them is a known issuer code and the code
    //   with them is no numbered form (`QH15`, `UBTVQH15` stay).
    /// Cut a footnote marker off the last code: the marker, noted
    /// (`footnote-marker`), or `None` when the last code has none.
    pub(crate) fn cut_footnote_mark(&mut self) -> Option<&'a str> {
        let last = *self.codes.last()?;
        let digits = last.bytes().rev().take_while(u8::is_ascii_digit).count();
        let letters = &last[..last.len() - digits];
        if !(1..=2).contains(&digits)
            || letters.is_empty()
            || !is_known_code(letters)
            || canonical_type(letters).is_some()
            || is_known_code(last)
            || takes_term_number(letters)
        {
            return None;
        }
        let mark = &last[letters.len()..];
        *self.codes.last_mut()? = letters;
        self.noise.push(("footnote-marker", mark));
        Some(mark)
    }
}

pub(super) fn offset_in(base: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(base.as_ptr() as usize)
        .min(base.len())
}

impl<'a> RawSymbol<'a> {
    /// Classify the code groups and build the canonical [`Symbol`]. `base` is
    /// the string the grammar ran on (for note spans).
    pub(crate) fn into_symbol(self, base: &str) -> (Symbol, Vec<Note>) {
        let mut notes = Vec::new();
        let span_of = |s: &str| {
            let o = offset_in(base, s);
            Span::new(o, o + s.len())
        };
        for (code, at) in &self.noise {
            let message = match *code {
                "symbol-spacing" => format!("spaces inside a số ký hiệu: expected none, found {at:?}"),
                "missing-slash" => {
                    "missing slash: expected \"/\" between the number and the type code, found none".to_string()
                }
                "missing-hyphen" => format!("missing hyphen: expected \"-\" between the codes, found {at:?}"),
                "symbol-separator" => "dot between codes: expected \"-\", found \".\"".to_string(),
                "glued-text" => format!("text glued to the số ký hiệu: expected a space before {at:?}"),
                "footnote-marker" => format!("footnote marker glued to the số ký hiệu: expected a space before {at:?}"),
                _ => code.to_string(),
            };
            notes.push(Note {
                code,
                severity: Severity::Info,
                message,
                span: span_of(at),
            });
        }
        // The canonical codes: a type code's spelling is the table's,
        // borrowed (no string made for it); an issuer's is made once, and
        // moved into the symbol.
        let mut codes: smallvec::SmallVec<[Cow<'static, str>; 4]> = smallvec::SmallVec::with_capacity(self.codes.len());
        // The type the first canonical code spells, if any (read here, once).
        let mut first_type = None;
        for c in &self.codes {
            let latin: String;
            let c: &str = if c.chars().any(|x| latin_of_cyrillic(x).is_some()) {
                latin = c.chars().map(|x| latin_of_cyrillic(x).unwrap_or(x)).collect();
                notes.push(Note {
                    code: "lookalike-letter",
                    severity: Severity::Info,
                    message: format!("code written {c:?} with Cyrillic letters: expected {latin:?}"),
                    span: span_of(c),
                });
                &latin
            } else {
                c
            };
            let canon_type = canonical_type(c);
            let canon: Cow<'static, str> = match canon_type {
                Some(t) => Cow::Borrowed(t),
                None => Cow::Owned(canonical_issuer(c)),
            };
            if codes.is_empty() {
                // A type's canonical spelling is its own; a code kept as
                // printed is no type (`canon_type` says so); else read it.
                first_type = match canon_type {
                    Some(t) => Some(t),
                    None if *canon == *c => None,
                    None => canonical_type(&canon),
                };
            }
            if *canon != *c {
                notes.push(Note {
                    code: "symbol-case",
                    severity: Severity::Info,
                    message: format!("code written {c:?}: expected {canon:?}"),
                    span: span_of(c),
                });
            }
            codes.push(canon);
        }
        // Diacritics stripped from a decree or decision code.
        let style = self.style;
        let first_is_type = first_type.is_some() || codes.first().is_some_and(|c| c == "ND" || c == "QD");
        let party_type = style == SymbolStyle::Dash && self.slash_after == Some(0);
        let state_type = style == SymbolStyle::Slash
            && first_is_type
            && (codes.len() > 1 || first_type.is_some_and(|t| t.len() >= 2));
        // The codes are moved, not copied: the type code out if there is
        // one, the rest are the issuers (and unit).
        let mut codes = codes.into_iter();
        let mut type_code = if party_type || state_type { codes.next() } else { None };
        let mut issuers: Vec<String> = codes.map(Cow::into_owned).collect();
        if let Some(t) = &mut type_code {
            let fixed = match &**t {
                "ND" => Some("NĐ"),
                "QD" => Some("QĐ"),
                _ => None,
            };
            if let Some(f) = fixed {
                notes.push(Note {
                    code: "missing-diacritics",
                    severity: Severity::Info,
                    message: format!("type code written {t:?}: expected {f:?}"),
                    span: span_of(self.codes[0]),
                });
                *t = Cow::Borrowed(f);
            }
        }
        let mut unit = None;
        if type_code.is_none() && style == SymbolStyle::Slash && self.year.is_none() && issuers.len() >= 2 {
            // Công văn: issuer-unit (`3870/SNN-VP`; typed `3870/SNN/VP`, the
            // same symbol: it prints and reads back as `3870/SNN-VP`).
            // (Joined from where they stand, with no vector split off.)
            unit = Some(issuers[1..].join("-"));
            issuers.truncate(1);
        }
        // `TT` with text glued on after a type code is the Prime
        // Minister's `TTg` with its `g` and the space lost (`449/QĐ-TTngày`).
        let glued = self.noise.iter().any(|(code, _)| *code == "glued-text");
        if glued && type_code.is_some() && style == SymbolStyle::Slash && issuers.len() == 1 && issuers[0] == "TT" {
            notes.push(Note {
                code: "symbol-repair",
                severity: Severity::Info,
                message: "issuer code written \"TT\": expected \"TTg\"".to_string(),
                span: span_of(self.codes.last().copied().unwrap_or("")),
            });
            issuers[0] = "TTg".to_string();
        }
        for iss in issuers.iter_mut() {
            if iss == "TƯ" {
                notes.push(Note {
                    code: "ocr-issuer",
                    severity: Severity::Warning,
                    message: "issuer code written \"TƯ\": expected \"TW\" (OCR confusion)".to_string(),
                    span: span_of(self.codes.iter().find(|c| upper(c) == "TƯ").copied().unwrap_or("")),
                });
                *iss = "TW".to_string();
            }
        }
        if self.number.is_none() {
            notes.push(Note {
                code: "blank-number",
                severity: Severity::Info,
                message: "blank number: expected digits before \"/\", found none (an unsigned draft?)".to_string(),
                span: Span::new(0, 0),
            });
        }
        if issuers.is_empty() {
            notes.push(Note {
                code: "missing-issuer",
                severity: Severity::Info,
                message: "no issuer code: expected one after the type code".to_string(),
                span: span_of(self.codes.last().copied().unwrap_or("")),
            });
        }
        let mut type_slash = self.slash_after.is_some() && style == SymbolStyle::Slash && type_code.is_some();
        // A joint circular's issuers follow a hyphen (`95/2011/TTLT-BTC-BNN`);
        // a joint resolution with the Front keeps its slash
        // (`72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN`).
        if type_slash && type_code.as_deref() == Some("TTLT") {
            notes.push(Note {
                code: "symbol-separator",
                severity: Severity::Info,
                message: "slash after \"TTLT\": expected \"-\"".to_string(),
                span: span_of(self.codes.first().copied().unwrap_or("")),
            });
            type_slash = false;
        }
        let sym = Symbol {
            number: self.number.map(Digits::new),
            year: self.year.map(|y| y.parse().expect("digits")),
            type_code,
            issuers,
            unit,
            style,
            type_slash,
            year_last: self.year_last,
        };
        (sym, notes)
    }
}
