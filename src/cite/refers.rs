//! Short references pointing back to the first full citation.

use rustc_hash::FxHashMap;

use super::Found;
use crate::symbol::Symbol;

/// `refers_to` of each citation: a later reference to a document already
/// cited points at its first full citation (with a date or issuer); a
/// number-only reference points at a full citation of the same type and
/// number.
pub(super) fn refers_to(found: &[Found]) -> Vec<Option<usize>> {
    #[cfg(test)]
    if super::post::plain() {
        return refers_to_plain(found);
    }
    // Symbols compare in canonical form, as printed (`3870/SNN/VP` is
    // `3870/SNN-VP`).
    // For each symbol: where it is first cited, and first cited in full.
    // (A symbol is hashed once a citation: each citation keeps the place of
    // its symbol's entry, read again when pointing back.)
    let mut slot_of: FxHashMap<Key<'_>, usize> = FxHashMap::default();
    slot_of.reserve(found.len());
    let mut first: Vec<(usize, Option<usize>)> = Vec::new();
    let mut slot: Vec<usize> = vec![usize::MAX; found.len()];
    let mut by_type_number: FxHashMap<(&str, u32), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let Some(sym) = &f.symbol {
            let g = *slot_of.entry(Key(sym)).or_insert_with(|| {
                first.push((i, None));
                first.len() - 1
            });
            slot[i] = g;
            if f.date.is_some() || f.issuer.is_some() {
                first[g].1.get_or_insert(i);
                if let (Some(t), Some(n)) = (f.doc_type, sym.number()) {
                    by_type_number.entry((t, n)).or_insert(i);
                }
            }
        }
    }
    point_back(
        found,
        |i, _| first.get(slot[i]).map(|&(any, full)| full.unwrap_or(any)),
        &by_type_number,
    )
}

/// A symbol as a key of [`refers_to`]'s map: hashed by its number and
/// year alone, compared whole. Equal symbols have equal numbers and years,
/// so they hash alike; those differing elsewhere (`01/2020/TT-BTC`,
/// `01/2020/TT-BYT`) are told apart by the comparison. (Hashing every
/// part, its codes' strings among them, costs more than the few
/// comparisons of the symbols of one text sharing a number and year.)
#[derive(PartialEq, Eq)]
struct Key<'a>(&'a Symbol);

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.number_text().hash(state);
        self.0.year().hash(state);
    }
}

/// Each citation's `refers_to`, from `first_of` (given a citation with a
/// symbol and the symbol: where it is first cited in full, else first
/// cited) and the full citations by type and number.
fn point_back<'a>(
    found: &'a [Found],
    first_of: impl Fn(usize, &Symbol) -> Option<usize>,
    by_type_number: &FxHashMap<(&'a str, u32), usize>,
) -> Vec<Option<usize>> {
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if let Some(key) = &f.symbol {
                let j = first_of(i, key)?;
                let compatible = match (f.date, found[j].date) {
                    (Some(a), Some(b)) => a.compatible(&b),
                    _ => true,
                };
                (j < i && compatible).then_some(j)
            } else if let (Some(t), Some(n)) = (f.doc_type, f.number) {
                by_type_number.get(&(t, n)).copied().filter(|&j| j != i)
            } else {
                None
            }
        })
        .collect()
}

/// [`refers_to`] read with a map for each first citation (the first, and
/// the first in full): the plain reading it is tested against.
#[cfg(test)]
fn refers_to_plain(found: &[Found]) -> Vec<Option<usize>> {
    let mut first_full: FxHashMap<&Symbol, usize> = FxHashMap::default();
    let mut first_any: FxHashMap<&Symbol, usize> = FxHashMap::default();
    let mut by_type_number: FxHashMap<(&str, u32), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let Some(sym) = &f.symbol {
            first_any.entry(sym).or_insert(i);
            if f.date.is_some() || f.issuer.is_some() {
                first_full.entry(sym).or_insert(i);
                if let (Some(t), Some(n)) = (f.doc_type, sym.number()) {
                    by_type_number.entry((t, n)).or_insert(i);
                }
            }
        }
    }
    point_back(
        found,
        |_, key| first_full.get(key).or_else(|| first_any.get(key)).copied(),
        &by_type_number,
    )
}
