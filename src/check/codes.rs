//! The stable codes of findings.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::Severity;

/// The stable code of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// An in-scope citation whose document is not in the corpus.
    Unresolved,
    /// The cited date differs from the cited document's own date.
    DateMismatch,
    /// The type word disagrees with the symbol's type code or the cited document's type.
    TypeMismatch,
    /// The issuer phrase contradicts the symbol.
    IssuerMismatch,
    /// A document cites one dated after itself.
    Anachronism,
    /// A symbol or date that does not parse or is impossible.
    Malformed,
    /// A reference that fits several documents.
    Ambiguous,
    /// A legal-basis citation of a document replaced or repealed before the citing date.
    Superseded,
    /// Two documents of the corpus with the same identity.
    Duplicate,
    /// A file that is not text or cannot be read.
    Unreadable,
}

impl Code {
    /// Every code, in report order.
    pub const ALL: [Code; 10] = [
        Code::Unresolved,
        Code::DateMismatch,
        Code::TypeMismatch,
        Code::IssuerMismatch,
        Code::Anachronism,
        Code::Malformed,
        Code::Ambiguous,
        Code::Superseded,
        Code::Duplicate,
        Code::Unreadable,
    ];

    /// The kebab-case name (`date-mismatch`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Code::Unresolved => "unresolved",
            Code::DateMismatch => "date-mismatch",
            Code::TypeMismatch => "type-mismatch",
            Code::IssuerMismatch => "issuer-mismatch",
            Code::Anachronism => "anachronism",
            Code::Malformed => "malformed",
            Code::Ambiguous => "ambiguous",
            Code::Superseded => "superseded",
            Code::Duplicate => "duplicate",
            Code::Unreadable => "unreadable",
        }
    }

    /// The severity when the configuration says nothing.
    pub fn default_severity(&self) -> Severity {
        match self {
            Code::Unresolved | Code::Ambiguous | Code::Superseded => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// One line saying what the code means (SARIF rule description).
    pub fn description(&self) -> &'static str {
        match self {
            Code::Unresolved => "an in-scope citation whose document is not in the corpus",
            Code::DateMismatch => "the cited date differs from the cited document's own date",
            Code::TypeMismatch => {
                "the type word disagrees with the symbol's type code or with the cited document's type"
            }
            Code::IssuerMismatch => "the issuer phrase contradicts the issuer code of the symbol",
            Code::Anachronism => "a document cites one dated after itself",
            Code::Malformed => "a symbol or date that does not parse or is impossible",
            Code::Ambiguous => "a reference that fits several documents",
            Code::Superseded => {
                "a legal-basis citation of a document that the corpus shows replaced or repealed before the citing date"
            }
            Code::Duplicate => "two documents of the corpus with the same identity",
            Code::Unreadable => "a file that is not text (invalid UTF-8, binary) or cannot be read",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s).ok_or_else(|| {
            let names: Vec<&str> = Code::ALL.iter().map(Code::as_str).collect();
            format!(
                "unknown finding code: expected one of {}, found {s:?}",
                names.join(", ")
            )
        })
    }
}
