//! Stage 2: **parse** the document's structure (header, recipients, body,
//! footnotes, Nơi nhận, signature).

use std::ops::Range;

use crate::model::Document;
use crate::text::Ctx;

/// Fill the structural fields of `doc`; return the footnote regions
/// (normalized offsets) for the citation stage.
pub(crate) fn parse_structure(ctx: &Ctx<'_>, doc: &mut Document) -> Vec<Range<usize>> {
    let _ = (ctx, doc);
    Vec::new()
}
