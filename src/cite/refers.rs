//! Short references pointing back to the first full citation.

use rustc_hash::FxHashMap;

use super::Found;
use crate::symbol::Symbol;

/// number.
pub(super) fn refers_to(found: &[Found]) -> Vec<Option<usize>> {
    // Symbols compare as printed (`3870/SNN/VP` is `3870/SNN-VP`).
    let keys: Vec<Option<String>> = found.iter().map(|f| f.symbol.as_ref().map(Symbol::to_string)).collect();
    let mut first_full: FxHashMap<&str, usize> = FxHashMap::default();
    let mut first_any: FxHashMap<&str, usize> = FxHashMap::default();
    let mut by_type_number: FxHashMap<(&str, u32), usize> = FxHashMap::default();
    for (i, f) in found.iter().enumerate() {
        if let (Some(sym), Some(key)) = (&f.symbol, &keys[i]) {
            first_any.entry(key).or_insert(i);
            if f.date.is_some() || f.issuer.is_some() {
                first_full.entry(key).or_insert(i);
                if let (Some(t), Some(n)) = (f.doc_type, sym.number()) {
                    by_type_number.entry((t, n)).or_insert(i);
                }
            }
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if let Some(key) = keys[i].as_deref() {
                let j = first_full.get(key).or_else(|| first_any.get(key)).copied()?;
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
