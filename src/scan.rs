//! The type-word scan: every match of a set of patterns in a text, exactly
//! as [`regex`]'s `find_iter` gives them (leftmost-first, one after the
//! other), found two lines of search at a time.
//!
//! A DFA reads one byte per state transition, and each transition waits for
//! the one before it: on one core the search runs at the speed of that chain
//! of loads, whatever the size of the DFA. The patterns here never match
//! across a line break, so the text is cut in two at a newline near its
//! middle and both halves are searched at once, one transition of each per
//! step: the two chains overlap, and the scan runs about twice as fast. The
//! matches of the two halves are the matches of the whole text, in order.
//!
//! The patterns are phrases: words matched in any case, separated by runs
//! of spaces and tabs. The DFA is dense (built once, ahead of any search)
//! and gives a match's end and phrase; its start is found by reading the
//! phrase back from the end: each letter of a word matches one character,
//! and the run of spaces between two words is all taken. This is where
//! `regex_automata::dfa::regex::Regex` runs a reverse DFA, at several times
//! the cost; so only the forward DFA is built.

use std::sync::OnceLock;

use regex_automata::dfa::{dense, Automaton};
use regex_automata::util::primitives::StateID;
use regex_automata::Input;

/// The forward DFA.
type Dfa = dense::DFA<Vec<u32>>;

/// A compiled set of phrases (see the module docs).
pub(crate) struct Scanner {
    dfa: Dfa,
    /// Each phrase's words, as numbers of characters.
    words: Vec<Vec<usize>>,
    /// The patterns, for the plain search.
    patterns: Vec<String>,
    /// The plain search, built only when asked for (tests; a quit state,
    /// which this DFA has none of).
    plain: OnceLock<regex_automata::meta::Regex>,
}

/// One match: start, end, pattern index.
pub(crate) type Hit = (usize, usize, usize);

impl Scanner {
    /// Compile `phrases`: words separated by one space, each word matched
    /// in any case, each space matching any run of spaces and tabs. The
    /// first phrase that matches at a position wins, as in an alternation.
    pub(crate) fn new(phrases: &[String]) -> Result<Scanner, String> {
        let mut patterns = Vec::with_capacity(phrases.len());
        let mut words = Vec::with_capacity(phrases.len());
        for phrase in phrases {
            let ws: Vec<&str> = phrase.split(' ').collect();
            if ws.iter().any(|w| w.is_empty() || w.contains(char::is_whitespace)) {
                return Err(format!("expected words separated by one space, found {phrase:?}"));
            }
            let escaped: Vec<String> = ws.iter().map(|w| regex::escape(w)).collect();
            patterns.push(format!("(?i){}", escaped.join(r"[ \t]+")));
            words.push(ws.iter().map(|w| w.chars().count()).collect());
        }
        let dfa = dense::Builder::new()
            .configure(dense::Config::new().minimize(false).accelerate(false))
            .build_many(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(Scanner {
            dfa,
            words,
            patterns,
            plain: OnceLock::new(),
        })
    }

    /// Every match in `hay`, in order, as `find_iter` gives them.
    pub(crate) fn find_all(&self, hay: &str) -> Vec<Hit> {
        let bytes = hay.as_bytes();
        let mid = bytes.len() / 2;
        // Cut just after a newline near the middle (none: one search).
        let cut = memchr::memchr(b'\n', &bytes[mid..])
            .map(|k| mid + k + 1)
            .or_else(|| memchr::memrchr(b'\n', &bytes[..mid]).map(|k| k + 1))
            .unwrap_or(bytes.len());
        let mut first = Vec::new();
        let mut second = Vec::new();
        let done = {
            let mut a = Cursor::new(self, bytes, 0, cut, &mut first);
            let mut b = Cursor::new(self, bytes, cut, bytes.len(), &mut second);
            interleave(&mut a, &mut b).and_then(|()| a.run()).and_then(|()| b.run())
        };
        if done.is_err() {
            // A quit state (none is configured, so never): search again the
            // plain way.
            return self.find_all_plain(hay);
        }
        first.extend(second);
        first
    }

    /// One search after the other, by the library's own iterator (the
    /// reference the fast path is tested against).
    pub(crate) fn find_all_plain(&self, hay: &str) -> Vec<Hit> {
        self.plain
            .get_or_init(|| regex_automata::meta::Regex::new_many(&self.patterns).expect("compiled once already"))
            .find_iter(hay.as_bytes())
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }
}

/// Step both cursors one byte at a time, side by side, until one is done.
fn interleave(a: &mut Cursor<'_, '_>, b: &mut Cursor<'_, '_>) -> Result<(), ()> {
    let dfa = a.dfa;
    while a.at < a.end && b.at < b.end {
        // The common case, in registers: neither state special, neither
        // cursor at the last byte of its range (whose step ends the
        // search). Keeping each state in a register, not in its cursor,
        // keeps a store and a load out of each chain of transitions.
        let (mut sa, mut ia, la) = (a.sid, a.at, a.end - 1);
        let (mut sb, mut ib, lb) = (b.sid, b.at, b.end - 1);
        // Cut to the ranges, so that indexing them needs no bounds check.
        let (ha, hb) = (&a.hay[..la], &b.hay[..lb]);
        while ia < ha.len() && ib < hb.len() {
            // SAFETY: `sa` and `sb` are states of this DFA: its start state
            // or a state it went to (`Automaton::next_state_unchecked` asks
            // for no more).
            let (na, nb) = unsafe {
                (
                    dfa.next_state_unchecked(sa, ha[ia]),
                    dfa.next_state_unchecked(sb, hb[ib]),
                )
            };
            if dfa.is_special_state(na) || dfa.is_special_state(nb) {
                // Taken again below, one cursor at a time.
                break;
            }
            (sa, ia, sb, ib) = (na, ia + 1, nb, ib + 1);
        }
        (a.sid, a.at, b.sid, b.at) = (sa, ia, sb, ib);
        // One step the general way.
        // The two loads are independent: the CPU runs them side by side.
        a.sid = dfa.next_state(a.sid, a.hay[a.at]);
        b.sid = dfa.next_state(b.sid, b.hay[b.at]);
        if dfa.is_special_state(a.sid) {
            a.special()?;
        } else {
            a.at += 1;
            if a.at == a.end {
                a.eoi();
            }
        }
        if dfa.is_special_state(b.sid) {
            b.special()?;
        } else {
            b.at += 1;
            if b.at == b.end {
                b.eoi();
            }
        }
    }
    Ok(())
}

/// One leftmost-first search over `start..end`, restarted after each match.
struct Cursor<'r, 'h> {
    dfa: &'r Dfa,
    words: &'r [Vec<usize>],
    hay: &'h [u8],
    /// The next byte to read.
    at: usize,
    end: usize,
    sid: StateID,
    /// Where the current search started (the reverse search stops there).
    from: usize,
    /// The best match so far of the current search: pattern and end.
    best: Option<(usize, usize)>,
    out: &'r mut Vec<Hit>,
}

impl<'r, 'h> Cursor<'r, 'h> {
    fn new(scanner: &'r Scanner, hay: &'h [u8], start: usize, end: usize, out: &'r mut Vec<Hit>) -> Cursor<'r, 'h> {
        let mut c = Cursor {
            dfa: &scanner.dfa,
            words: &scanner.words,
            hay,
            at: start,
            end,
            sid: StateID::ZERO,
            from: start,
            best: None,
            out,
        };
        c.restart(start);
        c
    }

    /// Start a new search at `at`.
    fn restart(&mut self, at: usize) {
        self.at = at;
        self.from = at;
        self.best = None;
        let input = Input::new(self.hay).range(at..self.end);
        match self.dfa.start_state_forward(&input) {
            Ok(sid) => self.sid = sid,
            // No start state (a look-behind the DFA cannot handle; none is
            // used): nothing more to find here.
            Err(_) => self.at = self.end,
        }
        if self.at == self.end {
            self.eoi();
        }
    }

    /// Run alone to the end.
    fn run(&mut self) -> Result<(), ()> {
        let dfa = self.dfa;
        while self.at < self.end {
            // As in `interleave`: the common case in registers.
            let (mut sid, mut at) = (self.sid, self.at);
            let hay = &self.hay[..self.end - 1];
            while at < hay.len() {
                // SAFETY: `sid` is a state of this DFA (see `interleave`).
                let next = unsafe { dfa.next_state_unchecked(sid, hay[at]) };
                if dfa.is_special_state(next) {
                    break;
                }
                (sid, at) = (next, at + 1);
            }
            (self.sid, self.at) = (sid, at);
            // One step the general way.
            self.sid = dfa.next_state(self.sid, self.hay[self.at]);
            if dfa.is_special_state(self.sid) {
                self.special()?;
            } else {
                self.at += 1;
                if self.at == self.end {
                    self.eoi();
                }
            }
        }
        Ok(())
    }

    /// The state just entered (reading the byte at `at`) is special.
    fn special(&mut self) -> Result<(), ()> {
        let dfa = self.dfa;
        if dfa.is_match_state(self.sid) {
            // Matches are reported one byte late: this one ends at `at`.
            self.best = Some((dfa.match_pattern(self.sid, 0).as_usize(), self.at));
        } else if dfa.is_dead_state(self.sid) {
            self.finish();
            return Ok(());
        } else if dfa.is_quit_state(self.sid) {
            return Err(());
        }
        // A match (or start) state: read on.
        self.at += 1;
        if self.at == self.end {
            self.eoi();
        }
        Ok(())
    }

    /// At the end of the range: the transition on the byte after it (or on
    /// the end of the text), then finish the search.
    fn eoi(&mut self) {
        let dfa = self.dfa;
        self.sid = match self.hay.get(self.end) {
            Some(&b) => dfa.next_state(self.sid, b),
            None => dfa.next_eoi_state(self.sid),
        };
        if dfa.is_match_state(self.sid) {
            self.best = Some((dfa.match_pattern(self.sid, 0).as_usize(), self.end));
        }
        self.finish();
    }

    /// The search is over: report its match, if any, and search again after
    /// it; otherwise this cursor is done.
    fn finish(&mut self) {
        let Some((pattern, end)) = self.best.take() else {
            self.at = self.end;
            return;
        };
        let start = phrase_start(self.hay, end, &self.words[pattern]).max(self.from);
        self.out.push((start, end, pattern));
        if end < self.end {
            self.restart(end.max(start + 1).min(self.end));
        } else {
            self.at = self.end;
        }
    }
}

/// Where a match of a phrase with these `words` (numbers of characters)
/// that ends at `end` starts: each word read back one character per
/// letter, the run of spaces and tabs before it skipped.
fn phrase_start(hay: &[u8], end: usize, words: &[usize]) -> usize {
    let mut at = end;
    for (k, &chars) in words.iter().enumerate().rev() {
        for _ in 0..chars {
            at = at.saturating_sub(1);
            while at > 0 && hay[at] & 0xC0 == 0x80 {
                at -= 1;
            }
        }
        if k > 0 {
            while at > 0 && matches!(hay[at - 1], b' ' | b'\t') {
                at -= 1;
            }
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> Scanner {
        let pats: Vec<String> = ["quyết định", "quy định", "luật", "bộ luật", "thong tu", "kế hoạch"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        Scanner::new(&pats).unwrap()
    }

    #[test]
    fn ok_same_as_find_iter() {
        let s = scanner();
        let texts = [
            "",
            "luật",
            "Bộ luật Dân sự\nQuyết định số 5 và quy  định\n",
            "xx\nLUẬT\n\nquyết\tđịnh\nbộ luật\nBỘ LUẬT\nluậtluật luật\n",
            "không có gì\n",
            // Letters whose other case is longer or shorter in UTF-8 (the
            // Kelvin sign for `k`): the start is read back by characters.
            "xem \u{212A}Ế  HOẠCH số 5 và Thong\t\tTu 7\n  kế hoạch\n",
        ];
        for t in texts {
            assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
        }
        // One long line (no newline: one cursor reads it all), every suffix.
        let line = "Căn cứ Bộ luật Lao động; Quyết định số 12; quy định tại luật, luậtluật ".repeat(4);
        for k in 0..line.len() {
            if line.is_char_boundary(k) {
                let t = &line[k..];
                assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
            }
        }
        // Every cut position of a longer text.
        let long = "Căn cứ Bộ luật Lao động;\nQuyết định số 12; quy định tại luật\nLuật đất đai\n".repeat(3);
        for k in 0..long.len() {
            if long.is_char_boundary(k) {
                let t = &long[k..];
                assert_eq!(s.find_all(t), s.find_all_plain(t), "{t:?}");
            }
        }
    }

    #[test]
    fn ok_matches_read() {
        let s = scanner();
        let t = "Bộ luật Dân sự\nQuyết định số 5 và quy  định\nluật\n";
        let got: Vec<&str> = s.find_all(t).iter().map(|&(a, b, _)| &t[a..b]).collect();
        assert_eq!(got, ["Bộ luật", "Quyết định", "quy  định", "luật"]);
        let t = "xem \u{212A}Ế  HOẠCH số 5 và Thong\t\tTu 7";
        let got: Vec<&str> = s.find_all(t).iter().map(|&(a, b, _)| &t[a..b]).collect();
        assert_eq!(got, ["\u{212A}Ế  HOẠCH", "Thong\t\tTu"]);
    }
}
