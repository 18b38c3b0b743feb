//! The owned, serde-ready model: what [`crate::parse`] returns.
//!
//! Every [`Span`] is a byte range into the **original** input (before
//! normalization). Line and column are computed only when rendering.

use serde::{Deserialize, Serialize};

use crate::date::IssueDate;
use crate::symbol::Symbol;

/// A byte range `start..end` into the original input. Serialized as
/// `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text under the span (empty if out of bounds or not on char
    /// boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// `true` when empty.
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: noted, nothing wrong with the reading.
    Info,
    /// Something is off but the document was read.
    Warning,
    /// A part could not be read.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A problem found in a document: data, not an `Err`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A stable kebab-case code (`missing-issuer`, `impossible-date`, ...).
    pub code: String,
    /// How serious.
    pub severity: Severity,
    /// Lowercase text saying what was expected and what was found.
    pub message: String,
    /// Where, when it has a place.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(code: &str, severity: Severity, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            code: code.to_string(),
            severity,
            message: message.into(),
            span,
        }
    }
}

/// The system a document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Communist Party of Vietnam documents (`ĐẢNG CỘNG SẢN VIỆT NAM`,
    /// symbols `698-CV/TU`).
    Party,
    /// State documents (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, symbols
    /// `3870/SNN-VP`, `30/2020/NĐ-CP`).
    State,
}

/// What the citing document (or, with [`Citation::by`], another cited
/// document) does with a cited one, read from the words that govern the
/// citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// `Thực hiện`, `triển khai thực hiện`, `theo tinh thần chỉ đạo ... tại`.
    Implements,
    /// `Căn cứ`: legal basis.
    Basis,
    /// `sửa đổi, bổ sung`.
    Amends,
    /// `thay thế` (not `thay thế cho nhau`).
    Replaces,
    /// `bãi bỏ`, `hết hiệu lực`.
    Repeals,
    /// `hướng dẫn thi hành`, `quy định chi tiết`.
    Guides,
    /// Anything else.
    #[default]
    Mentions,
    /// A consolidated text (Văn bản hợp nhất) toward its base document.
    Consolidates,
}

impl Relation {
    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::Implements => "implements",
            Relation::Basis => "basis",
            Relation::Amends => "amends",
            Relation::Replaces => "replaces",
            Relation::Repeals => "repeals",
            Relation::Guides => "guides",
            Relation::Mentions => "mentions",
            Relation::Consolidates => "consolidates",
        }
    }

    /// All relations.
    pub const ALL: [Relation; 8] = [
        Relation::Implements,
        Relation::Basis,
        Relation::Amends,
        Relation::Replaces,
        Relation::Repeals,
        Relation::Guides,
        Relation::Mentions,
        Relation::Consolidates,
    ];
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Relation {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Relation::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown relation: expected one of implements, basis, amends, replaces, repeals, guides, mentions, consolidates, found {s:?}"))
    }
}

/// What a cited document does to another, by the text's own statement
/// about it: the agent of a passive `X được sửa đổi, bổ sung bởi Y` (on Y),
/// or of a website's editorial note `[Điều này được bổ sung bởi … Luật Y]`.
/// Serialized as `{"relation": "amends", "target": 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Acts {
    /// What it does (`amends`, `replaces`, `repeals`, `guides`).
    pub relation: Relation,
    /// Index (in [`Document::citations`]) of the document it acts on;
    /// `None` (JSON `null`): the citing document itself.
    pub target: Option<usize>,
}

/// A document cited by the text.
///
/// Every key is always in its JSON, `null`, `false` or `[]` when unset.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Citation {
    /// The type name as a canonical word (`Công văn`, `Kế hoạch`, `Quy định`,
    /// `Luật`...), from the type word in the text.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// The số ký hiệu, canonical; `None` for number-only and name-only
    /// references.
    pub symbol: Option<Symbol>,
    /// The number, also for number-only references (`Kế hoạch số 189`).
    pub number: Option<u32>,
    /// The cited document's date, when given (or shared in a list).
    pub date: Option<IssueDate>,
    /// The issuer as printed after `của`, whitespace folded.
    pub issuer: Option<String>,
    /// The subject (`về ...`), when given.
    pub subject: Option<String>,
    /// The name of a law cited by name (`Luật Tổ chức chính quyền địa phương`).
    pub name: Option<String>,
    /// What the citing document does with it.
    pub relation: Relation,
    /// From the type word through the date or issuer, in the original text.
    pub span: Span,
    /// Span of the số ký hiệu (or the number) alone.
    pub symbol_span: Option<Span>,
    /// 1-based line of the span's start.
    pub line: usize,
    /// Inside a footnote.
    pub in_footnote: bool,
    /// Index (in [`Document::citations`]) of the first full citation of the
    /// same document, for a later short or number-only reference.
    pub refers_to: Option<usize>,
    /// Parts taken from a neighbour in a list (`date`, `issuer`, `type`).
    #[serde(default)]
    pub shared: Vec<String>,
    /// Index of the cited document that stands in `relation` to this one,
    /// when the text says so (`Chương trình số 53-CTr/TU … thực hiện Nghị
    /// quyết số 19-NQ/TW`: on 19-NQ/TW, `implements` by 53-CTr/TU); `None`:
    /// the relation is the citing document's own.
    #[serde(default)]
    pub by: Option<usize>,
    /// What this cited document does to another (or to the citing one), as
    /// the agent of a passive statement; its own `relation` stays `mentions`.
    #[serde(default)]
    pub acts: Option<Acts>,
    /// Inside a website's editorial note (square brackets of a TVPL copy,
    /// `(VB hết hiệu lực: …)`): not part of the official text.
    #[serde(default)]
    pub editorial: bool,
    /// An effective date printed with the citation (`có hiệu lực thi hành kể
    /// từ ngày …`); never the issue date.
    #[serde(default)]
    pub effective: Option<IssueDate>,
    /// A reference to the document's own identity (its `Số:` line, its own
    /// number in a title line, `Ban hành kèm theo Quyết định số …` of
    /// itself): never an edge, a cycle or a finding.
    #[serde(rename = "self", default)]
    pub is_self: bool,
    /// The relation is to a part of the cited document, a provision the
    /// clause names (`Bãi bỏ khoản 6 Điều 19 của Luật …`, `Thay thế cụm từ
    /// “…” tại khoản 22 Điều 79 của Luật …`): the document stands. Read for
    /// `repeals` and `replaces`.
    #[serde(default)]
    pub part: bool,
}

/// A reference to a document without a number (`Nghị quyết Đại hội XIII của
/// Đảng`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRef {
    /// The reference as printed, whitespace folded.
    pub text: String,
    /// Where.
    pub span: Span,
    /// 1-based line.
    pub line: usize,
    /// Inside a footnote.
    pub in_footnote: bool,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Signature {
    /// Authority lines, stacked (`T/M BAN THƯỜNG VỤ`, `KT. CHỦ TỊCH`).
    pub authority: Vec<String>,
    /// The signer's position (`BÍ THƯ`, `GIÁM ĐỐC`).
    pub position: Option<String>,
    /// The signer's name.
    pub signer: Option<String>,
    /// `(Đã ký)` was printed.
    pub signed_mark: bool,
    /// Where the block is.
    pub span: Option<Span>,
}

/// A footnote and its marker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The marker as a number string (`1` for `¹`, `⁽¹⁾` or `[1]`).
    pub marker: String,
    /// The footnote text, whitespace folded.
    pub text: String,
    /// Span of the footnote body.
    pub span: Span,
    /// Span of the marker in the running text, when found.
    pub reference: Option<Span>,
}

/// A numbered section of the body (`1.`, `2-`, `Điều 5.`, `Chương I`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The label as printed (`1.`, `Điều 5.`).
    pub label: String,
    /// From the label to the line before the next section.
    pub span: Span,
}

/// Spans of the document's parts, in the original text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartSpans {
    /// The issuing body line.
    pub issuer: Option<Span>,
    /// The parent body line.
    pub issuer_parent: Option<Span>,
    /// The national / Party header.
    pub family: Option<Span>,
    /// The số ký hiệu (without `Số:`).
    pub symbol: Option<Span>,
    /// The place.
    pub place: Option<Span>,
    /// The date.
    pub date: Option<Span>,
    /// The type name (`NGHỊ ĐỊNH`).
    pub doc_type: Option<Span>,
    /// The subject (all its lines).
    pub subject: Option<Span>,
    /// Each recipient.
    pub recipients: Vec<Span>,
    /// Each Nơi nhận entry.
    pub distribution: Vec<Span>,
    /// The body (after the header, before Nơi nhận / signature).
    pub body: Option<Span>,
}

/// One parsed document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Party or state, when it can be told.
    pub family: Option<Family>,
    /// The issuing body, its printed lines joined (`TỈNH ỦY BÌNH THUẬN`,
    /// `BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`); the unit when a parent body
    /// is printed over it (`CỤC ĐƯỜNG BỘ VIỆT NAM`); the first (lead) body of
    /// a joint document.
    pub issuer: Option<String>,
    /// Its parent body (`UBND TỈNH BÌNH THUẬN` above `SỞ ...`).
    pub issuer_parent: Option<String>,
    /// Every issuing body in printed order: one for most documents, all of
    /// them for a joint document (`BỘ TÀI CHÍNH`, `BỘ Y TẾ`...).
    pub issuers: Vec<String>,
    /// The số ký hiệu, canonical.
    pub symbol: Option<Symbol>,
    /// The number (from the symbol).
    pub number: Option<u32>,
    /// The year: from the date, else from the symbol.
    pub year: Option<u16>,
    /// The place of issue (`Bình Thuận`).
    pub place: Option<String>,
    /// The date of issue.
    pub date: Option<IssueDate>,
    /// The document type (`Công văn`, `Nghị định`...); `Văn bản hợp nhất`
    /// for a consolidated text, whose symbol, date, place, issuer and
    /// signature are those of its authentication block at the end.
    pub doc_type: Option<String>,
    /// The subject (`V/v ...` without `V/v`, or the title's subject lines).
    pub subject: Option<String>,
    /// Urgency mark (`HỎA TỐC`, `THƯỢNG KHẨN`, `KHẨN`).
    pub urgency: Option<String>,
    /// Secrecy mark (`TUYỆT MẬT`, `TỐI MẬT`, `MẬT`).
    pub secrecy: Option<String>,
    /// `Kính gửi:` addressees, bullets and trailing `,;.` removed.
    pub recipients: Vec<String>,
    /// `Nơi nhận:` entries, same cleaning.
    pub distribution: Vec<String>,
    /// Numbered body sections.
    pub sections: Vec<Section>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// The signature block.
    pub signature: Option<Signature>,
    /// Every document the text cites.
    pub citations: Vec<Citation>,
    /// References to documents without a number.
    pub named_refs: Vec<NamedRef>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// Spans of the parts.
    pub spans: PartSpans,
    /// Where the text came from, when it is not the input bytes verbatim
    /// (a PDF, a Word file, HTML, UTF-16 or a legacy encoding): then every
    /// span is a byte range into the text the read stage made (`vanban text
    /// FILE`), not into the file. Absent for UTF-8 text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::read::Source>,
}
