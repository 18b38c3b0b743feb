//! Stage 3: **cite**: find every document the text cites.

use std::ops::Range;

use crate::model::Document;
use crate::text::Ctx;

/// Fill `doc.citations` and `doc.named_refs`.
pub(crate) fn find_citations(ctx: &Ctx<'_>, footnotes: &[Range<usize>], doc: &mut Document) {
    let _ = (ctx, footnotes, doc);
}
