//! Fuzz the số ký hiệu grammar (`Symbol::from_str`): never panic; a symbol
//! read is canonical (its text reads back to itself).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::Symbol;

fuzz_target!(|text: &str| {
    if text.len() > 256 {
        return;
    }
    match Symbol::parse_with_diagnostics(text) {
        Ok((sym, diags)) => {
            for d in &diags {
                if let Some(s) = d.span {
                    assert!(
                        s.start <= s.end && s.end <= text.len(),
                        "diagnostic span {s:?} outside the input"
                    );
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
            let canon = sym.to_string();
            let again: Symbol = canon
                .parse()
                .unwrap_or_else(|e| panic!("{canon:?} does not read back: {e}"));
            assert_eq!(again, sym, "{text:?} -> {canon:?} -> {again}");
            assert_eq!(again.to_string(), canon);
        }
        Err(e) => {
            assert!(e.offset <= text.len(), "error offset {} outside the input", e.offset);
            let _ = e.to_string();
        }
    }
});
