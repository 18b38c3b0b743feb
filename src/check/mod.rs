//! Stage 6: **check**: broken citations in a document repository, for CI.
//!
//! [`check`] reads a [`Corpus`] and its [`CitationGraph`] and returns a
//! [`Report`] of [`Finding`]s: data, each with a stable [`Code`], a
//! [`Severity`](crate::Severity), the file, the line and column of the citation (computed only
//! here, when the report is made, by reading the files that have findings
//! again), the cited text, what was expected and what was found, and a
//! suggestion where there is one.
//!
//! [`Checker`] gives the same report without keeping the corpus: pass 1
//! reads every file for an index of identities and corpus facts, pass 2
//! reads each file again, checks it against the index and drops it, and its
//! findings go out (through a [`ReportWriter`], in any [`Format`]) as soon
//! as their chunk of files is done. Memory follows the number of documents,
//! not the size of their text; `vanban check` runs this way, with each
//! finding rendered ([`RenderedFinding`]) by the thread that found it
//! ([`Checker::findings_with`]), so that the one writing thread only copies
//! bytes.
//!
//! | code | finding | default |
//! |---|---|---|
//! | `unresolved` | an in-scope citation whose document is not in the corpus | warning (error with `strict`) |
//! | `date-mismatch` | the cited date differs from the cited document's own date, or is a full date of another year than the one in its số ký hiệu | error |
//! | `type-mismatch` | the type word disagrees with the symbol's type code or the cited document's type | error |
//! | `issuer-mismatch` | the issuer phrase contradicts the symbol (`của Thủ tướng Chính phủ` on a `/QĐ-UBND`) | error |
//! | `anachronism` | a document cites one dated after itself (a `certain` target only; not in a website's editorial note; the text taken as of its latest stated amendment) | error |
//! | `malformed` | a symbol or date that does not parse or is impossible (`31/02/2023`) | error |
//! | `ambiguous` | a reference that fits several documents | warning |
//! | `superseded` | a `Căn cứ` (basis) citation of a document the corpus shows replaced or repealed before the citing date (stated, `certain`, and allowed by the type hierarchy: a decree replaces no law) | warning |
//! | `duplicate` | two documents of the corpus with the same identity | error |
//! | `unreadable` | a file that is not text (invalid UTF-8, binary) or cannot be read | error |
//!
//! A citation is *in scope* when the cited document's numbering lives where
//! the corpus's documents live (by default: the jurisdictions of the corpus's
//! own documents, so a provincial archive is not asked to keep national laws),
//! or where [`Scope`] says.
//!
//! ```
//! use vanban::check::{check, CheckConfig, Code};
//! let mut corpus = vanban::Corpus::new();
//! corpus.push("a.txt", vanban::parse("TỈNH ỦY BÌNH THUẬN\nSố 698-CV/TU\nBình Thuận, ngày 28 tháng 02 năm 2023\n\
//!     Thực hiện Công văn số 308-CV/TU, ngày 26/11/2021 của Ban Thường vụ Tỉnh ủy.\n"));
//! let graph = corpus.graph();
//! let report = check(&corpus, &graph, &CheckConfig::default());
//! assert_eq!(report.findings[0].code, Code::Unresolved);
//! assert!(!report.has_errors());
//! ```
//!
//! One file per concern: `codes.rs` (the codes), `config.rs` (`vanban.toml`),
//! `finding.rs` (findings, the report, its summary, fingerprints),
//! `rules.rs` (what a document is checked for), `locate.rs` (lines and
//! columns), `stream.rs` (the two-pass [`Checker`]), `baseline.rs`,
//! `cache.rs`, and `render/` (`human`, `json`, `sarif`, `github`).

mod baseline;
mod cache;
mod codes;
mod config;
mod finding;
mod hierarchy;
mod locate;
mod render;
mod rules;
mod stream;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

pub use baseline::{Baseline, BaselineBuilder, BaselineEntry, BaselineFilter};
pub use cache::{Cache, CacheOptions};
pub use codes::Code;
pub use config::{config_error, find_config, CheckConfig, Level, Scope, CONFIG_FILE};
pub use finding::{fnv128, Finding, Report, Summary, FNV128_BASIS, STRICT_NOTE};
pub use locate::Snippet;
pub use render::{
    render, render_github, render_human, render_json, render_sarif, render_with, Format, RenderOptions,
    RenderedFinding, ReportWriter, Repository,
};
pub use stream::{check_files, CheckIndex, Checker, Pass, Progress};

use crate::corpus::Corpus;
use crate::graph::CitationGraph;
use crate::model::Document;
use finding::{finish_finding, with_severity};
use locate::locate;
use rules::{duplicate_finding, unreadable_finding, Ctx, EdgeMaps, Facts};

/// Check a corpus: every finding, with line and column filled in (the files
/// with findings are read again for that), sorted by path and position.
///
/// This keeps the whole corpus and its graph in memory; [`Checker`] gives
/// the same report while reading the files twice and keeping neither.
pub fn check(corpus: &Corpus, graph: &CitationGraph, config: &CheckConfig) -> Report {
    let docs = corpus.documents();
    let facts = Facts::new(graph, docs.len(), config);
    let ctx = Ctx { graph, facts: &facts };
    let edges = EdgeMaps::new(graph);
    let mut findings: Vec<Finding> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| {
            let path = d.path.as_path();
            ctx.document_findings(graph.document_node(i), path, &d.document, |ci| edges.looked(path, ci))
        })
        .collect();
    // Duplicates.
    let by_path: HashMap<&Path, &Document> = docs.iter().map(|d| (d.path.as_path(), &d.document)).collect();
    for dup in graph.duplicates() {
        for (k, p) in dup.paths.iter().enumerate() {
            let span = by_path.get(p.as_path()).and_then(|d| d.spans.symbol);
            findings.push(duplicate_finding(dup, k, span));
        }
    }
    // Files that could not be read.
    for e in corpus.errors() {
        findings.push(unreadable_finding(&e.path, &e.error));
    }
    let mut findings: Vec<Finding> = findings.into_iter().filter_map(|f| with_severity(f, config)).collect();
    locate(&mut findings);
    for f in &mut findings {
        finish_finding(f, config);
    }
    findings.sort_by(|a, b| {
        (&a.path, a.span.map(|s| s.start), a.code, &a.message).cmp(&(
            &b.path,
            b.span.map(|s| s.start),
            b.code,
            &b.message,
        ))
    });
    Report {
        files: docs.len() + corpus.errors().len(),
        findings,
        baselined: 0,
    }
}
