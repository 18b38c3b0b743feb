//! Fuzz the date grammar (`IssueDate::parse_text`) and the ISO form
//! (`IssueDate::from_str`): never panic; a date read round-trips through its
//! ISO text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanban::IssueDate;

fuzz_target!(|text: &str| {
    if text.len() > 256 {
        return;
    }
    for parsed in [IssueDate::parse_text(text), text.parse::<IssueDate>()] {
        match parsed {
            Ok(d) => {
                let iso = d.to_string();
                let again: IssueDate = iso
                    .parse()
                    .unwrap_or_else(|e| panic!("{iso:?} does not read back: {e}"));
                assert_eq!(again, d);
            }
            Err(e) => {
                assert!(e.offset <= text.len(), "error offset {} outside the input", e.offset);
                let _ = e.to_string();
            }
        }
    }
});
