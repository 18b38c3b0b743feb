//! Is this Vietnamese? A syllable check, used to confirm a legacy decoding,
//! to find TCVN3 runs inside Unicode text, to tell an OCR-garbage text layer
//! and to see letters lost to `?`.

use crate::model::{Diagnostic, Severity};

/// A Vietnamese letter split into its base (a–z, đ, or a vowel with its
/// quality: ă â ê ô ơ ư) and whether it carries a tone mark; `None` for a
/// character that is not a Vietnamese letter.
fn split_letter(c: char) -> Option<(char, bool)> {
    const TONED: [(&str, char); 12] = [
        ("àáảãạ", 'a'),
        ("ằắẳẵặ", 'ă'),
        ("ầấẩẫậ", 'â'),
        ("èéẻẽẹ", 'e'),
        ("ềếểễệ", 'ê'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọ", 'o'),
        ("ồốổỗộ", 'ô'),
        ("ờớởỡợ", 'ơ'),
        ("ùúủũụ", 'u'),
        ("ừứửữự", 'ư'),
        ("ỳýỷỹỵ", 'y'),
    ];
    let c = lower(c);
    if c.is_ascii_lowercase() || matches!(c, 'đ' | 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư') {
        return Some((c, false));
    }
    TONED
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, base)| (base, true))
}

fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A vowel's letter without its quality mark.
fn vowel_base(c: char) -> char {
    match c {
        'ă' | 'â' => 'a',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        c => c,
    }
}

/// All lower case, all upper case, or a capital then lower case.
fn plain_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next();
    let rest: Vec<char> = chars.collect();
    rest.iter().all(|c| !c.is_uppercase()) || rest.iter().all(|c| !c.is_lowercase())
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y')
}

/// Is `word` (letters only) one Vietnamese syllable: an optional initial
/// consonant, one to three vowels, an optional final consonant, at most one
/// tone mark? (`nghiệp`, `đ`-words, `gì`, `quốc`; not `tlSnh`, `ngdy`.)
pub(crate) fn is_syllable(word: &str) -> bool {
    const ONSETS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
        "n", "p", "r", "s", "t", "v", "x",
    ];
    const CODAS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];
    let mut base = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.chars() {
        let Some((b, toned)) = split_letter(c) else {
            return false;
        };
        base.push(b);
        tones += toned as usize;
    }
    if tones > 1 || base.is_empty() || base.chars().count() > 7 || !plain_case(word) {
        return false;
    }
    let rest_after = |onset: &str| -> Option<&str> { base.strip_prefix(onset) };
    let mut candidates: Vec<&str> = ONSETS.iter().filter_map(|o| rest_after(o)).collect();
    candidates.push(&base);
    // `gi` alone before a consonant or nothing: the `i` is the vowel (`gì`, `gìn`).
    if let Some(r) = base.strip_prefix('g') {
        candidates.push(r);
    }
    candidates.into_iter().any(|rest| {
        let vowels = rest.chars().take_while(|c| is_vowel(*c)).count();
        if vowels == 0 || vowels > 3 {
            return false;
        }
        // No two vowels of one base letter (`aâ`, `oô`), but `oo` (`xoong`).
        let nucleus: Vec<char> = rest.chars().take(vowels).map(vowel_base).collect();
        if nucleus.windows(2).any(|p| p[0] == p[1]) && !rest.starts_with("oo") {
            return false;
        }
        let coda: String = rest.chars().skip(vowels).collect();
        coda.is_empty() || CODAS.contains(&coda.as_str())
    })
}

/// Has a Vietnamese letter outside ASCII (a tone mark, a vowel quality or đ)?
pub(crate) fn has_diacritic(word: &str) -> bool {
    word.chars().any(|c| !c.is_ascii() && split_letter(c).is_some())
}

/// The words of a text: maximal runs of letters, digits and the few signs
/// that live inside words (`/`, `-`, `.`, `?`, `'`), trimmed of sentence
/// punctuation.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '!' | '-' | '…' | '\'' | '*' | '[' | ']')))
        .filter(|w| !w.is_empty())
}

/// Counts of a text's words: (Vietnamese syllables, words that cannot be
/// one, syllables with a diacritic). Numbers, codes (`30/2020/NĐ-CP`) and
/// short all-capital abbreviations (`UBND`, `HĐND`) are neither.
pub(crate) fn word_counts(text: &str) -> (usize, usize, usize) {
    let (mut good, mut bad, mut marked) = (0, 0, 0);
    for w in words(text) {
        if !w.chars().any(char::is_alphabetic) || w.chars().any(|c| c.is_ascii_digit() || c == '/') {
            // A code or a number, unless letters and digits are mixed
            // inside one short word as OCR mixes them (`l$p`, `ngdyZS`).
            if w.chars()
                .any(|c| matches!(c, '$' | '@' | '#' | '%' | '&' | '+' | '=' | '|' | '\\'))
            {
                bad += 1;
            }
            continue;
        }
        let parts: Vec<&str> = w.split(['-', '.', '\'']).filter(|p| !p.is_empty()).collect();
        let upper_abbrev = |p: &str| p.chars().count() <= 6 && p.chars().all(|c| c.is_uppercase());
        if parts.iter().all(|p| is_syllable(p)) {
            good += 1;
            marked += has_diacritic(w) as usize;
        } else if !parts.iter().all(|p| upper_abbrev(p) || is_syllable(p)) {
            bad += 1;
        }
    }
    (good, bad, marked)
}

/// Is this text an OCR-garbage text layer rather than Vietnamese? Enough
/// words, and many that cannot be Vietnamese syllables, or almost no
/// diacritics among many non-words (a scan's layer made without a
/// Vietnamese model: `CQNG HOA XA HQI`, `tlSnh`, `ngdyZSthdng0/`).
pub(crate) fn is_garbage(text: &str) -> Option<(usize, usize)> {
    let (good, bad, marked) = word_counts(text);
    let all = good + bad;
    if all < 20 {
        return None;
    }
    let bad_share = bad as f64 / all as f64;
    let marked_share = marked as f64 / all as f64;
    (bad_share > 0.35 || (marked_share < 0.10 && bad_share > 0.15)).then_some((good, all))
}

/// A `lost-characters` diagnostic when Vietnamese letters were replaced by
/// `?` before the file reached us (`C?NG H?A X? H?I`): the loss cannot be
/// undone, and nothing is guessed.
pub(crate) fn lost_letters(text: &str) -> Option<Diagnostic> {
    let mut lost = 0;
    let mut example = None;
    let mut total = 0;
    for w in words(text) {
        total += 1;
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let q = w.matches('?').count();
        if q == 0 || letters == 0 {
            continue;
        }
        // `?` inside a word (`C?NG`), or an upper-case stem cut by it (`X?`
        // for `XÃ`); a question mark after a word (`sao?`) is punctuation.
        let inner = w.trim_end_matches('?').contains('?');
        let stub = letters <= 3 && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if inner || stub {
            lost += 1;
            example.get_or_insert_with(|| w.to_string());
        }
    }
    if lost < 3 || lost * 50 < total {
        return None;
    }
    Some(Diagnostic::new(
        "lost-characters",
        Severity::Error,
        format!(
            "lost letters: expected Vietnamese letters, found '?' in their place in {lost} words (e.g. {:?}); \
             the file was saved in a code page without them, and the loss cannot be undone (nothing was guessed)",
            example.unwrap_or_default()
        ),
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for w in [
            "nghiệp",
            "Quốc",
            "đường",
            "gì",
            "CỘNG",
            "hòa",
            "xã",
            "hội",
            "chủ",
            "nghĩa",
            "Việt",
            "khuyến",
            "ương",
            "a",
            "uy",
            "ngoài",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "tlSnh", "ngdy", "Chucrng", "phric", "hàà", "xyz", "strong", "lắmm", "SoẦ", "naấm", "NHẨn",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn garbage_and_text() {
        let real = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung \
                    một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11";
        assert_eq!(is_garbage(real), None);
        let ocr = "UY NUAN DAN THANH Ho Ho cui tvtrNu rUpnAp sri: E8+ VA Chuong ngdnh cho giai ilopn triiSn khai \
                   cria Chucrng ngdnh cho CQNG HOA XA HQI CHU NGHIA VIPT NAM DQc l$p - Tg do - tlSnh phric \
                   Thdnh phA ruA Chi Minh, ngdyZSthdng0/ ndm 2021 h6 trq ph6p lf li6n nghiQp nho vd wa";
        assert!(is_garbage(ocr).is_some());
        // English-free, diacritic-free but real Vietnamese is rare; a short
        // text is never judged.
        assert_eq!(is_garbage("CQNG HOA XA HQI"), None);
    }

    #[test]
    fn lost_question_marks() {
        let t = "C?NG H?A X? H?I CH? NGH?A VI?T NAM\n??c l?p - T? do - H?nh ph?c\nPhi?u x? l? v?n b?n";
        let d = lost_letters(t).expect("lost");
        assert_eq!(d.code, "lost-characters");
        assert!(d.message.contains("\"C?NG\""), "{}", d.message);
        assert!(lost_letters("Có gì không? Tại sao? Vì sao vậy? Xong.").is_none());
    }
}
