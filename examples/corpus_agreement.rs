//! Print how often the parsed số ký hiệu and date of the corpus documents
//! agree with `shared/corpus/meta.jsonl` (also among the documents whose
//! text prints its number: a number printed only in a copy's metadata is
//! not the document's own), and list the disagreements.
//!
//! ```text
//! cargo run --release --example corpus_agreement
//! ```

#[path = "../tests/common_corpus/mod.rs"]
mod common_corpus;

fn main() {
    let Some(dir) = common_corpus::corpus_dir() else {
        eprintln!("no corpus at ../shared/corpus: nothing to measure");
        return;
    };
    let (rows, parsed) = common_corpus::compare(&dir);
    let ok = rows.iter().filter(|r| r.ok()).count();
    let sym = rows.iter().filter(|r| r.symbol_ok).count();
    let date = rows.iter().filter(|r| r.date_ok).count();
    println!(
        "parsed {parsed} documents; {} have a number and a date in meta.jsonl",
        rows.len()
    );
    println!(
        "agreement: {ok}/{} = {:.1}% (symbol {sym}, date {date})",
        rows.len(),
        100.0 * ok as f64 / rows.len().max(1) as f64
    );
    let usable: Vec<_> = rows.iter().filter(|r| r.meta_is_symbol).collect();
    let usable_ok = usable.iter().filter(|r| r.ok()).count();
    println!(
        "agreement where meta.jsonl's number is a số ký hiệu: {usable_ok}/{} = {:.1}% ({} rows hold a docid or \"Chưa xác minh\" instead)",
        usable.len(),
        100.0 * usable_ok as f64 / usable.len().max(1) as f64,
        rows.len() - usable.len()
    );
    let printed: Vec<_> = usable.iter().filter(|r| r.parsed_symbol.is_some()).collect();
    let printed_ok = printed.iter().filter(|r| r.ok()).count();
    println!(
        "of those, where the text prints its number: {printed_ok}/{} = {:.1}%",
        printed.len(),
        100.0 * printed_ok as f64 / printed.len().max(1) as f64
    );
    let metadata: Vec<_> = usable.iter().filter(|r| r.parsed_symbol.is_none()).collect();
    let metadata_ok = metadata
        .iter()
        .filter(|r| {
            r.metadata_symbol.is_some()
                && r.metadata_symbol == r.meta_number.parse::<vanban::Symbol>().ok().map(|s| s.to_string())
        })
        .count();
    println!(
        "where the text prints no number ({}): the copy's metadata gives it and a symbol-in-metadata diagnostic says so in {metadata_ok}",
        metadata.len()
    );
    for r in rows.iter().filter(|r| !r.ok()) {
        println!(
            "  {}: meta {} {} | parsed {} {}",
            r.file,
            r.meta_number,
            r.meta_date,
            r.parsed_symbol.as_deref().unwrap_or("-"),
            r.parsed_date.as_deref().unwrap_or("-"),
        );
    }
}
