//! The rules: what one document's citations are checked for, against the
//! facts of the corpus and the citation graph.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{CheckConfig, Code, Finding};
use crate::date::IssueDate;
use crate::error::ErrorKind;
use crate::graph::{issue_date, CitationGraph, Confidence, Duplicate, Edge, Node, Resolution};
use crate::model::{Citation, Document, Relation, Span};
use crate::normalize::fold;
use crate::resolve;
use crate::symbol::Symbol;

/// The finding of one copy (the `k`-th) of a shared identity.
pub(super) fn duplicate_finding(dup: &Duplicate, k: usize, span: Option<Span>) -> Finding {
    let others = dup
        .paths
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != k)
        .map(|(_, q)| q.display().to_string());
    let mut f = Finding::new(
        Code::Duplicate,
        &dup.paths[k],
        span,
        format!(
            "duplicate document: {} is also {}",
            dup.identity,
            some_of(others, dup.paths.len() - 1)
        ),
    );
    f.note = Some("two files with one identity make every citation of it ambiguous; keep one".to_string());
    f
}

/// Items of a list shown in a message: all of them up to [`SHOWN`], else
/// the first [`SHOWN_CUT`] and how many more. A message names a few: listing
/// them all would make the report grow as the square of the copies (each of
/// N copies naming the N - 1 others).
fn some_of(items: impl Iterator<Item = String>, total: usize) -> String {
    let shown: Vec<String> = items.take(if total > SHOWN { SHOWN_CUT } else { SHOWN }).collect();
    match total.saturating_sub(shown.len()) {
        0 => shown.join(", "),
        rest => format!("{} and {rest} more", shown.join(", ")),
    }
}

/// Items a message lists whole, at most (see [`some_of`]).
const SHOWN: usize = 8;
/// Items a message lists of a longer list.
const SHOWN_CUT: usize = 5;

/// The finding of a file that could not be read.
pub(super) fn unreadable_finding(path: &Path, error: &crate::Error) -> Finding {
    let span = match error.kind() {
        ErrorKind::InvalidUtf8 { offset, .. } | ErrorKind::Binary { offset, .. } => {
            Some(Span::new(*offset, *offset + 1))
        }
        _ => None,
    };
    let mut f = Finding::new(
        Code::Unreadable,
        path,
        span,
        format!("unreadable file: {}", error.kind()),
    );
    f.expected = Some("UTF-8 text".to_string());
    f.note = Some("the other files were still checked".to_string());
    f
}

/// Facts about the whole corpus that one document's findings read: built
/// once, from the documents' nodes (so from an index-only graph as well).
#[derive(Debug)]
pub(super) struct Facts {
    /// Jurisdictions in scope.
    jurisdictions: HashSet<String>,
    /// Issuer codes in scope (upper case).
    issuers: HashSet<String>,
    /// Corpus documents (their index) by (jurisdiction, number), for "did
    /// you mean".
    by_number: HashMap<(String, u32), Vec<usize>>,
}

impl Facts {
    pub(super) fn new(graph: &CitationGraph, documents: usize, config: &CheckConfig) -> Facts {
        let doc_nodes = || (0..documents).filter_map(|i| graph.document_node(i).map(|n| (i, n)));
        let given = config.scope.jurisdictions.is_some() || config.scope.issuers.is_some();
        let jurisdictions = match &config.scope.jurisdictions {
            Some(j) => j.iter().cloned().collect(),
            None if given => HashSet::new(),
            None => doc_nodes().filter_map(|(_, n)| n.jurisdiction.clone()).collect(),
        };
        let issuers = config
            .scope
            .issuers
            .iter()
            .flatten()
            .map(|s| s.chars().flat_map(char::to_uppercase).collect())
            .collect();
        let mut by_number: HashMap<(String, u32), Vec<usize>> = HashMap::new();
        for (i, n) in doc_nodes() {
            if let (Some(j), Some(num)) = (&n.jurisdiction, n.symbol.as_ref().and_then(Symbol::number)) {
                by_number.entry((j.clone(), num)).or_default().push(i);
            }
        }
        Facts {
            jurisdictions,
            issuers,
            by_number,
        }
    }
}

/// What the graph says about one citation.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Looked<'r> {
    /// The node it is attached to, and how sure that is.
    target: Option<(&'r Node, Confidence)>,
    /// Why it is not attached, and the candidates.
    unresolved: Option<(&'r str, &'r [String])>,
}

impl<'r> Looked<'r> {
    pub(super) fn of(r: &'r Resolution<'r>) -> Looked<'r> {
        match r {
            Resolution::Node { node, confidence, .. } => Looked {
                target: Some((node, *confidence)),
                unresolved: None,
            },
            Resolution::Unresolved { reason, candidates } => Looked {
                target: None,
                unresolved: Some((reason.as_str(), candidates.as_slice())),
            },
            _ => Looked::default(),
        }
    }
}

/// The built graph's answers for every citation of the corpus, by (citing
/// path, citation index).
pub(super) struct EdgeMaps<'a> {
    edges: HashMap<(&'a Path, usize), (&'a Node, &'a Edge)>,
    unresolved: HashMap<(&'a Path, usize), (&'a str, &'a [String])>,
}

impl<'a> EdgeMaps<'a> {
    pub(super) fn new(graph: &'a CitationGraph) -> EdgeMaps<'a> {
        let mut edges = HashMap::new();
        // A reported edge (`by`, `acts`) is not what its citation resolves to.
        for (_, to, e) in graph.edges().filter(|(_, _, e)| !e.reported) {
            for ev in std::iter::once(&e.evidence).chain(&e.more) {
                let p: &Path = ev.path.as_ref();
                edges.insert((p, ev.citation as usize), (to, e));
            }
        }
        let unresolved = graph
            .unresolved()
            .iter()
            .map(|u| {
                let p: &Path = u.evidence.path.as_ref();
                (
                    (p, u.evidence.citation as usize),
                    (u.reason.as_str(), u.candidates.as_slice()),
                )
            })
            .collect();
        EdgeMaps { edges, unresolved }
    }

    pub(super) fn looked(&self, path: &'a Path, ci: usize) -> Looked<'a> {
        Looked {
            target: self.edges.get(&(path, ci)).map(|&(to, e)| (to, e.confidence)),
            unresolved: self.unresolved.get(&(path, ci)).copied(),
        }
    }
}

/// What the check looks things up in.
pub(super) struct Ctx<'a> {
    pub(super) graph: &'a CitationGraph,
    pub(super) facts: &'a Facts,
}

impl<'a> Ctx<'a> {
    fn in_scope(&self, jurisdiction: Option<&str>, symbol: Option<&Symbol>) -> bool {
        jurisdiction.is_some_and(|j| self.facts.jurisdictions.contains(j))
            || symbol.and_then(|s| s.issuers().first()).is_some_and(|i| {
                self.facts
                    .issuers
                    .contains(&i.chars().flat_map(char::to_uppercase).collect::<String>())
            })
    }

    /// The findings of one document (`citing` is its node), each citation
    /// looked up with `look` (by its index).
    pub(super) fn document_findings<'r>(
        &self,
        citing: Option<&'r Node>,
        path: &Path,
        doc: &Document,
        look: impl Fn(usize) -> Looked<'r>,
    ) -> Vec<Finding>
    where
        'a: 'r,
    {
        let mut out = Vec::new();
        for d in &doc.diagnostics {
            let malformed = ["malformed-", "impossible-", "unreadable-"]
                .iter()
                .any(|p| d.code.starts_with(p));
            if malformed {
                out.push(Finding::new(
                    Code::Malformed,
                    path,
                    d.span,
                    format!("malformed: {} [{}]", d.message, d.code),
                ));
            }
        }
        let home = citing.and_then(|n| n.jurisdiction.clone());
        let text_date = citing.and_then(|n| n.date).map(|own| text_as_of(doc, own));
        let selves = crate::graph::self_references(doc);
        for (ci, c) in doc.citations.iter().enumerate() {
            // The document's own identity (its number, its title line) is no
            // citation to check.
            if selves[ci] {
                continue;
            }
            let what = describe(c);
            let looked = look(ci);
            let target = looked.target;
            // Type word against the symbol's type code.
            // A later short form is of the date of its first full citation.
            let date = c.date.or_else(|| c.refers_to.and_then(|j| doc.citations.get(j)?.date));
            let type_finding = type_against_symbol(c, date).map(|(expected, found)| {
                Finding::new(
                    Code::TypeMismatch,
                    path,
                    Some(c.span),
                    format!(
                        "type mismatch: the type word \"{found}\" does not fit the type code {} of {}, which is a {}",
                        c.symbol.as_ref().and_then(Symbol::type_code).unwrap_or(""),
                        sym(c),
                        expected.to_lowercase()
                    ),
                )
                .expect(expected.clone(), found)
                .suggest(Some(format!(
                    "write \"{expected} số {}\", or correct the số ký hiệu",
                    sym(c)
                )))
            });
            let type_finding = type_finding.or_else(|| {
                let (to, _) = target?;
                if to.external || to.path.as_deref() == Some(path) {
                    return None;
                }
                let word = c.doc_type.as_deref()?;
                let theirs = to.doc_type.as_deref()?;
                (!type_words_agree(word, theirs)).then(|| {
                    Finding::new(
                        Code::TypeMismatch,
                        path,
                        Some(c.span),
                        format!(
                            "type mismatch: {} is cited as a {}, but {} is a {}",
                            sym(c),
                            word.to_lowercase(),
                            show_path(to),
                            theirs.to_lowercase()
                        ),
                    )
                    .expect(theirs, word)
                    .suggest(Some(format!("write \"{theirs} số {}\"", sym(c))))
                })
            });
            out.extend(type_finding);
            if let Some(f) = issuer_finding(path, c).filter(|_| !c.shared.iter().any(|s| s == "issuer")) {
                out.push(f);
            }
            out.extend(year_against_symbol(path, c, &what));
            if let Some((reason, candidates)) = looked.unresolved {
                if candidates.len() >= 2 {
                    out.push(self.ambiguous(path, c, &what, candidates.iter().map(String::as_str).collect(), reason));
                } else if candidates.is_empty() && self.in_scope(home.as_deref(), None) {
                    out.push(Finding::new(
                        Code::Unresolved,
                        path,
                        Some(c.span),
                        format!("unresolved citation: {what} is not in the corpus ({reason})"),
                    ));
                }
                continue;
            }
            let Some((to, confidence)) = target else { continue };
            let unknown = confidence == Confidence::Unknown;
            if to.path.as_deref() == Some(path) {
                // The document naming itself (a title line): nothing to check.
                continue;
            }
            if to.external {
                let jur = to.jurisdiction.as_deref();
                if !self.in_scope(jur, c.symbol.as_ref()) {
                    // Out of scope, or the jurisdiction is unknown.
                } else if unknown || to.year.is_none() {
                    // Year unknown: look for documents of any year.
                    let fits = self.same_number(to, |_| true);
                    if fits.is_empty() {
                        out.push(self.unresolved(path, c, to, &what));
                    } else {
                        let ids = fits.iter().map(|n| n.id.as_str()).collect();
                        out.push(self.ambiguous(path, c, &what, ids, "the citation gives no year"));
                    }
                } else {
                    out.push(self.unresolved(path, c, to, &what));
                }
            } else if let (Some(cited), Some(own)) = (issue_date(c), to.date) {
                if !c.shared.iter().any(|s| s == "date") && !cited.compatible(&own) {
                    out.push(
                        Finding::new(
                            Code::DateMismatch,
                            path,
                            Some(c.span),
                            format!(
                                "date mismatch: {what} is cited as of {cited}, but {} is dated {own}",
                                show_path(to)
                            ),
                        )
                        .expect(own.to_string(), cited.to_string())
                        .suggest(Some(format!("write \"ngày {}\"", vi_date(own)))),
                    );
                }
            }
            // A citation of a later document.
            let cited_date = if to.external {
                issue_date(c).or(to.date)
            } else {
                to.date.or(issue_date(c))
            };
            // Only where the target is certain (a target bound by inference,
            // a number alone or a symbol without its year, may be another
            // document than the one meant), and never from a website's
            // editorial note (it names the later documents that acted on the
            // text).
            let own_date = text_date.filter(|_| confidence == Confidence::Certain && !c.editorial);
            if let (Some(own), Some(cited)) = (own_date, cited_date) {
                if later(cited, own) {
                    out.push(
                        Finding::new(
                            Code::Anachronism,
                            path,
                            Some(c.span),
                            format!("anachronism: this document, dated {own}, cites {what} of {cited}, a later date"),
                        )
                        .expect(format!("a document dated on or before {own}"), cited.to_string()),
                    );
                }
            }
            if c.relation == Relation::Basis {
                out.extend(self.superseded(path, c, citing, to, &what));
            }
        }
        out
    }

    /// Corpus documents with the target's jurisdiction, number, issuer and
    /// type, passing `keep`.
    fn same_number(&self, to: &Node, keep: impl Fn(&Node) -> bool) -> Vec<&'a Node> {
        let (Some(j), Some(s)) = (&to.jurisdiction, &to.symbol) else {
            return Vec::new();
        };
        let Some(num) = s.number() else { return Vec::new() };
        let (issuer, ty) = issuer_type(s, to.doc_type.as_deref());
        self.documents_numbered(j, num)
            .filter(|n| {
                n.symbol
                    .as_ref()
                    .is_some_and(|ns| issuer_type(ns, n.doc_type.as_deref()) == (issuer.clone(), ty.clone()))
            })
            .filter(|n| keep(n))
            .collect()
    }

    /// Corpus documents of jurisdiction `j` numbered `num`, in corpus order.
    fn documents_numbered(&self, j: &str, num: u32) -> impl Iterator<Item = &'a Node> + '_ {
        let graph = self.graph;
        self.facts
            .by_number
            .get(&(j.to_string(), num))
            .into_iter()
            .flatten()
            .filter_map(move |&i| graph.document_node(i))
    }

    fn unresolved(&self, path: &Path, c: &Citation, to: &Node, what: &str) -> Finding {
        let place = match (&to.jurisdiction, to.year) {
            (Some(j), Some(y)) => format!(" ({j}, {y})"),
            (Some(j), None) => format!(" ({j}, year unknown)"),
            _ => String::new(),
        };
        let mut f = Finding::new(
            Code::Unresolved,
            path,
            Some(c.span),
            format!("unresolved citation: {what}{place} is not in the corpus"),
        );
        // Did you mean: same number, other year; same number, issuer and year, other type.
        let mut near: Vec<String> = Vec::new();
        if to.year.is_some() {
            for n in self.same_number(to, |n| n.year != to.year) {
                near.push(format!(
                    "{} of {} ({}): same number, other year",
                    label(n),
                    opt_date(n),
                    show_path(n)
                ));
            }
        }
        if let (Some(j), Some(s)) = (&to.jurisdiction, &to.symbol) {
            if let Some(num) = s.number() {
                let (issuer, ty) = issuer_type(s, to.doc_type.as_deref());
                for n in self.documents_numbered(j, num) {
                    let Some(ns) = &n.symbol else { continue };
                    let (ni, nt) = issuer_type(ns, n.doc_type.as_deref());
                    if ni == issuer && nt != ty && (to.year.is_none() || n.year == to.year) {
                        near.push(format!(
                            "{} of {} ({}): same number, other type",
                            label(n),
                            opt_date(n),
                            show_path(n)
                        ));
                    }
                }
            }
        }
        if !near.is_empty() {
            f.suggestion = Some(format!("did you mean {}?", near.join("; or ")));
        }
        f
    }

    fn ambiguous(&self, path: &Path, c: &Citation, what: &str, ids: Vec<&str>, reason: &str) -> Finding {
        // When the list is cut, the corpus's documents first: they are what
        // the reader can open.
        let mut order = ids.clone();
        if ids.len() > SHOWN {
            order.sort_by_key(|id| self.graph.node(id).is_none_or(|n| n.path.is_none()));
        }
        let mut shown: Vec<String> = Vec::with_capacity(ids.len().min(SHOWN));
        for id in order.iter().take(SHOWN) {
            shown.push(match self.graph.node(id) {
                Some(n) if n.path.is_some() => format!("{id} ({})", show_path(n)),
                _ => id.to_string(),
            });
        }
        let mut f = Finding::new(
            Code::Ambiguous,
            path,
            Some(c.span),
            format!(
                "ambiguous reference: {what} fits {} documents: {}",
                ids.len(),
                some_of(shown.into_iter(), ids.len())
            ),
        );
        f.note = Some(reason.to_string());
        f.suggestion = Some("give the full số ký hiệu and date, so one document fits".to_string());
        f
    }

    fn superseded(&self, path: &Path, c: &Citation, citing: Option<&Node>, to: &Node, what: &str) -> Option<Finding> {
        let own = citing?.date?;
        let citing_id = citing.map(|n| n.id.as_str());
        let (by, edge) = self
            .graph
            .cited_by(&to.id)
            .into_iter()
            .filter(|(n, e)| {
                matches!(e.relation, Relation::Replaces | Relation::Repeals)
                    // Stated of this very document (not bound by inference),
                    // and possible: a lower type replaces or repeals no higher one.
                    && e.confidence == Confidence::Certain
                    && !e.reported
                    // Of the whole document, not of a provision it names.
                    && !e.part
                    && super::hierarchy::can_supersede(n, to)
                    && !n.external
                    // A consolidated text (văn bản hợp nhất) replaces nothing.
                    && n.symbol.as_ref().is_none_or(|s| s.type_code() != Some("VBHN"))
                    && Some(n.id.as_str()) != citing_id
                    && n.date.is_some_and(|d| later(own, d))
            })
            .min_by_key(|(n, _)| n.date)?;
        let verb = if edge.relation == Relation::Replaces {
            "replaced"
        } else {
            "repealed"
        };
        let date = by.date.map(|d| d.to_string()).unwrap_or_default();
        let mut f = Finding::new(
            Code::Superseded,
            path,
            Some(c.span),
            format!(
                "superseded: {what} is cited as legal basis, but {} ({}, {date}) {verb} it before this document's date {own}",
                label(by),
                show_path(by)
            ),
        );
        f.suggestion = Some(format!("cite {} instead, if it is the basis meant", label(by)));
        Some(f)
    }
}

/// The date a document's text is as of: its own date `own`, or the date of
/// the latest document that the text says changed it, when later. A
/// consolidated text lists the documents that amended its base (`được sửa
/// đổi, bổ sung bởi: …`), and a website's copy of a law notes the documents
/// that amended it since (`[Khoản này được sửa đổi bởi … Nghị định
/// 167/2025/NĐ-CP]`) and prints their wording: a clause may then cite what
/// those documents could cite. The changing documents are the agents
/// ([`crate::model::Acts`]) that amend, replace or repeal this document or
/// the base it consolidates; each is dated by its date, else its effective
/// date, else the year of its symbol.
fn text_as_of(doc: &Document, own: IssueDate) -> IssueDate {
    let base = |k: usize| {
        doc.citations
            .get(k)
            .is_some_and(|b| b.relation == Relation::Consolidates)
    };
    doc.citations
        .iter()
        .filter(|c| {
            c.acts.is_some_and(|a| {
                matches!(a.relation, Relation::Amends | Relation::Replaces | Relation::Repeals)
                    && a.target.is_none_or(base)
            })
        })
        .filter_map(|c| {
            let referent = c.refers_to.and_then(|j| doc.citations.get(j));
            c.date
                .or_else(|| referent.and_then(|r| r.date))
                .or(c.effective)
                .or_else(|| c.symbol.as_ref()?.year().and_then(IssueDate::year_only))
        })
        .fold(own, |latest, d| if later(d, latest) { d } else { latest })
}

/// `Công văn 698-CV/TU` / `Kế hoạch số 189`.
fn describe(c: &Citation) -> String {
    let ty = c.doc_type.as_deref().unwrap_or("văn bản");
    match (&c.symbol, c.number, &c.name) {
        (Some(s), _, _) => format!("{ty} {s}"),
        (None, Some(n), _) => format!("{ty} số {n}"),
        (None, None, Some(name)) => name.clone(),
        _ => ty.to_string(),
    }
}

fn sym(c: &Citation) -> String {
    c.symbol.as_ref().map(|s| s.to_string()).unwrap_or_default()
}

fn label(n: &Node) -> String {
    match (&n.doc_type, &n.symbol) {
        (Some(t), Some(s)) => format!("{t} {s}"),
        _ => n.label(),
    }
}

fn show_path(n: &Node) -> String {
    n.path
        .as_ref()
        .map_or_else(|| n.id.clone(), |p| p.display().to_string())
}

fn opt_date(n: &Node) -> String {
    n.date.map_or_else(|| "an unknown date".to_string(), |d| d.to_string())
}

fn issuer_type(s: &Symbol, type_name: Option<&str>) -> (String, String) {
    (resolve::slug(&s.issuers().join("-")), resolve::type_slug(s, type_name))
}

/// `28/02/2023`, `02/2023`, `2023`.
fn vi_date(d: IssueDate) -> String {
    match (d.day(), d.month()) {
        (Some(day), Some(m)) => format!("{day:02}/{m:02}/{}", d.year()),
        (None, Some(m)) => format!("{m:02}/{}", d.year()),
        _ => d.year().to_string(),
    }
}

/// Is `a` strictly later than `b`, comparing only what both dates know?
fn later(a: IssueDate, b: IssueDate) -> bool {
    if a.year() != b.year() {
        return a.year() > b.year();
    }
    match (a.month(), b.month()) {
        (Some(x), Some(y)) if x != y => x > y,
        (Some(_), Some(_)) => matches!((a.day(), b.day()), (Some(x), Some(y)) if x > y),
        _ => false,
    }
}

/// Do two type names name the same kind of document? `Văn bản` fits every
/// type; the Party's `QĐ` was used for both Quyết định and Quy định, `TT` is
/// Thông tư (state) or Thông tri (Party), `Chương trình hành động` is a
/// `Chương trình`.
fn type_words_agree(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a == b || a == "van ban" || b == "van ban" {
        return true;
    }
    let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
    pair("quyet dinh", "quy dinh")
        || pair("thong tu", "thong tri")
        || a.starts_with("chuong trinh") && b.starts_with("chuong trinh")
        || a.starts_with("thong tu") && b.starts_with("thong tu")
        // The joint form is of its type: a Nghị quyết liên tịch is a Nghị quyết.
        || a.strip_suffix(" lien tich") == Some(b.as_str())
        || b.strip_suffix(" lien tich") == Some(a.as_str())
        || a.ends_with("luat") && b.ends_with("luat")
}

/// The first year whose symbols put the type code first: the abbreviation
/// tables of Nghị định 110/2004/NĐ-CP and Thông tư liên tịch
/// 55/2005/TTLT-BNV-VPCP. Before them, a symbol without a year often began
/// with the issuer's code (`Thông tư số 60/TC-TCT ngày 16 tháng 7 năm 1993
/// của Bộ Tài chính`: `TC` is Bộ Tài chính, `TCT` its Tổng cục Thuế; the
/// type could stand after it, as in `1141-TC/QĐ/CĐKT`).
const TYPE_CODE_FIRST_FROM: u16 = 2005;

/// `(expected type name, found type word)` when the type word of a citation
/// (of the date `date`) contradicts the type code of its symbol. A symbol
/// without a year cited with a date before [`TYPE_CODE_FIRST_FROM`] has the
/// historical form, whose first code is not a type: no contradiction.
fn type_against_symbol(c: &Citation, date: Option<IssueDate>) -> Option<(String, String)> {
    if c.shared.iter().any(|s| s == "type") {
        return None;
    }
    let s = c.symbol.as_ref()?;
    s.type_code()?;
    if s.year().is_none() && date.is_some_and(|d| d.year() < TYPE_CODE_FIRST_FROM) {
        return None;
    }
    let expected = s.type_name()?;
    let word = c.doc_type.as_deref()?;
    if type_words_agree(word, expected) {
        return None;
    }
    // Only a type word we know: an unknown one is not a contradiction.
    crate::graph::type_slug_of_name(word)?;
    Some((expected.to_string(), word.to_string()))
}

/// A date of issue printed in full with a số ký hiệu that prints another
/// year (`Nghị định số 91/2024/NĐ-CP ngày 18 tháng 7 năm 2025`): numbering
/// restarts each year, so a document numbered in 2024 was issued in 2024.
/// Only a full date (`ngày … tháng … năm …`): a month or year in the clause
/// may be another date the text speaks of.
fn year_against_symbol(path: &Path, c: &Citation, what: &str) -> Option<Finding> {
    if c.shared.iter().any(|s| s == "date") {
        return None;
    }
    let year = c.symbol.as_ref()?.year()?;
    let date = c.date.filter(|d| d.day().is_some() && d.year() != year)?;
    Some(
        Finding::new(
            Code::DateMismatch,
            path,
            Some(c.span),
            format!("date mismatch: {what} is numbered in {year}, but is cited as of {date}"),
        )
        .expect(format!("a date in {year}"), date.to_string())
        .suggest(Some("correct the year of the date or of the số ký hiệu".to_string())),
    )
}

/// Issuer phrases (folded, at the start of the `của ...` phrase, longest
/// first) and the issuer codes they go with: a symbol issuer passing the
/// test agrees.
/// An issuer phrase, the code it goes with, and the test of a symbol's issuer code.
type IssuerRule = (&'static str, &'static str, fn(&str) -> bool);

const ISSUER_PHRASES: &[IssuerRule] = &[
    ("thu tuong", "TTg", |i| i == "TTG"),
    ("chu tich nuoc", "CTN", |i| i == "CTN"),
    // `TVQH`: the committee's code in older numbers (Nghị quyết số
    // 200/NQ-TVQH ngày 18 tháng 01 năm 1966).
    ("uy ban thuong vu quoc hoi", "UBTVQH", |i| {
        i.starts_with("UBTVQH") || i.starts_with("TVQH")
    }),
    ("quoc hoi", "QH", |i| i.starts_with("QH")),
    ("chinh phu", "CP", |i| i.ends_with("CP")),
    ("bo chinh tri", "TW", |i| i.ends_with("TW")),
    ("ban bi thu", "TW", |i| i.ends_with("TW")),
    ("ban chap hanh trung uong", "TW", |i| i.ends_with("TW")),
    ("ban thuong vu tinh uy", "TU", |i| i.ends_with("TU")),
    ("thuong truc tinh uy", "TU", |i| i.ends_with("TU")),
    ("ban chap hanh dang bo tinh", "TU", |i| i.ends_with("TU")),
    ("tinh uy", "TU", |i| i.ends_with("TU")),
    ("ban thuong vu huyen uy", "HU", |i| i.ends_with("HU")),
    ("huyen uy", "HU", |i| i.ends_with("HU")),
    ("uy ban nhan dan", "UBND", |i| i.contains("UB")),
    ("ubnd", "UBND", |i| i.contains("UB")),
    ("hoi dong nhan dan", "HĐND", |i| {
        i.contains("HĐND") || i.contains("HDND")
    }),
    ("hdnd", "HĐND", |i| i.contains("HĐND") || i.contains("HDND")),
];

/// An issuer phrase that contradicts the symbol's issuer codes.
fn issuer_finding(path: &Path, c: &Citation) -> Option<Finding> {
    let s = c.symbol.as_ref()?;
    let phrase = c.issuer.as_deref()?;
    let mut folded = fold(phrase);
    if let Some(rest) = folded.strip_prefix("chu tich ").filter(|r| !r.starts_with("nuoc")) {
        folded = rest.to_string();
    }
    let (_, code, agrees) = ISSUER_PHRASES.iter().find(|(p, _, _)| {
        folded.starts_with(p) && folded[p.len()..].chars().next().is_none_or(|ch| !ch.is_alphanumeric())
    })?;
    let issuers: Vec<String> = s
        .issuers()
        .iter()
        .map(|i| i.chars().flat_map(char::to_uppercase).collect())
        .collect();
    if issuers.is_empty() || issuers.iter().any(|i| agrees(i)) {
        return None;
    }
    let found = s.issuers().join("-");
    Some(
        Finding::new(
            Code::IssuerMismatch,
            path,
            Some(c.span),
            format!("issuer mismatch: \"{phrase}\" issues documents coded {code}, but the symbol {s} names {found}"),
        )
        .expect(format!("a symbol with the issuer code {code}"), found)
        .suggest(Some("correct the issuer phrase or the số ký hiệu".to_string())),
    )
}

/// Is the citation inside an open `[...]` note? (Publishers such as TVPL
/// annotate laws with bracketed notes naming the later documents that
/// amended or guide them: not part of the official text.)
pub(super) fn in_editorial_note(before: &str) -> bool {
    match (before.rfind('['), before.rfind(']')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Does the text before a citation end with an agent phrase (`được sửa đổi
/// bởi Khoản 7 Điều 1`, `hết hiệu lực bởi Điểm c Khoản 4 Điều 21`)? Then the
/// cited document acts on the citing one, and is naturally later (TVPL
/// editorial notes, consolidated texts).
pub(super) fn acted_on_by(before: &str) -> bool {
    let f = fold(before);
    let Some(i) = f.rfind("boi") else { return false };
    let bounded = f[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        && f[i + 3..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    bounded
        && f[i + 3..].split(|c: char| c.is_whitespace() || c == ',').all(|t| {
            t.is_empty()
                || matches!(
                    t,
                    "diem" | "khoan" | "dieu" | "muc" | "chuong" | "phan" | "tiet" | "va" | "cac" | "tai"
                )
                || t.chars().all(|c| c.is_ascii_digit())
                || (t.len() <= 2 && t.chars().all(|c| c.is_ascii_alphanumeric()))
                || t.chars().all(|c| "ivxlc".contains(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_some_of() {
        let items = |n: usize| (0..n).map(|i| format!("{i}.txt"));
        assert_eq!(some_of(items(2), 2), "0.txt, 1.txt");
        assert_eq!(some_of(items(8), 8).matches(".txt").count(), 8);
        assert_eq!(
            some_of(items(20_000), 20_000),
            "0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 19995 more"
        );
    }

    #[test]
    fn ok_acted_on_by() {
        assert!(acted_on_by("[Khoản này được sửa đổi bởi Khoản 7 Điều 1 "));
        assert!(acted_on_by("[Điểm này hết hiệu lực bởi Điểm c Khoản 4 Điều 21 "));
        assert!(acted_on_by("được hướng dẫn bởi Điều 27, 28, 29, 30 "));
        assert!(acted_on_by("bị thay thế bởi "));
        assert!(!acted_on_by("Thực hiện "));
        assert!(!acted_on_by("bởi vì đã quá hạn, thực hiện theo "));
        assert!(!acted_on_by("quy định bởi các cơ quan. Căn cứ "));
        assert!(in_editorial_note("[Điều này được hướng dẫn tại Điều 47 "));
        assert!(!in_editorial_note("[Điều này được hướng dẫn] theo "));
        assert!(!in_editorial_note("Căn cứ "));
    }
}
