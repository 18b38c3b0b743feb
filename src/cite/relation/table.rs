//! Markdown tables whose columns name the relation (`Căn cứ …`).

use crate::model::Relation;
use crate::normalize::{fold, starts_with_folded};
use crate::text::LineIndex;

/// The columns of a Markdown table headed `Căn cứ …` (`Căn cứ bổ sung`,
/// `Căn cứ pháp lý`, `Căn cứ ban hành`): the documents in them are the
/// basis. Each table is read once, when its first citation asks.
#[derive(Default)]
pub(super) struct BasisColumns {
    /// The table last read: its first and last lines, and the indices of
    /// its `Căn cứ` columns (0 the cell after the opening `|`).
    pub(super) table: Option<(usize, usize, Vec<usize>)>,
}

impl BasisColumns {
    /// Is the citation at `at`, on line `line`, in a `Căn cứ` column?
    pub(super) fn in_basis_column(&mut self, norm: &str, lines: &LineIndex, line: usize, at: usize) -> bool {
        let row = |l: usize| {
            let (a, b) = lines.line_range(norm, l);
            norm[a..b].trim_start_matches([' ', '\t'])
        };
        let (ls, _) = lines.line_range(norm, line);
        if !row(line).starts_with('|') {
            return false;
        }
        if !self
            .table
            .as_ref()
            .is_some_and(|&(first, last, _)| first <= line && line <= last)
        {
            let mut first = line;
            while first > 1 && row(first - 1).starts_with('|') {
                first -= 1;
            }
            let mut last = line;
            while last < lines.starts().len() && row(last + 1).starts_with('|') {
                last += 1;
            }
            // The header: the rows before the `|---|` line (the first row
            // when there is none).
            let header_end = (first..=last).find(|&l| is_separator_row(row(l))).unwrap_or(first + 1);
            let mut columns = Vec::new();
            for l in first..header_end.max(first + 1) {
                for (k, cell) in row(l).split('|').skip(1).enumerate() {
                    if starts_with_folded(cell.trim_start(), "can cu").is_some() && !columns.contains(&k) {
                        columns.push(k);
                    }
                }
            }
            self.table = Some((first, last, columns));
        }
        let Some((_, _, columns)) = &self.table else {
            return false;
        };
        let column = norm[ls..at].matches('|').count().saturating_sub(1);
        columns.contains(&column)
    }
}

// RowRelation ::= "|" … Cell … "|"   where one Cell is only a relation word
//   ("Căn cứ" | "Sửa đổi" ["," "bổ sung"] | "Được sửa đổi" … | "Bãi bỏ"
//    | "Thay thế" | "Hướng dẫn" | "Thực hiện" | "Tham chiếu" | "Liên quan")
/// The relation a Markdown table row gives its citations when one of its
/// cells holds only a relation word (a `Ghi chú`/`Quan hệ` column: `|
/// 57/2014/QH13 | Luật Tổ chức Quốc hội | Căn cứ |`), if `row` (from its
/// line's start) is one.
pub(super) fn row_relation(row: &str) -> Option<Relation> {
    let row = &row[..row.find('\n').unwrap_or(row.len())];
    if !row.trim_start().starts_with('|') {
        return None;
    }
    row.split('|').find_map(|cell| {
        let cell = cell.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '.'));
        if cell.is_empty() || cell.len() > 40 {
            return None;
        }
        Some(match fold(cell).as_str() {
            "can cu" => Relation::Basis,
            "sua doi" | "sua doi, bo sung" | "duoc sua doi" | "duoc sua doi, bo sung" | "bi sua doi" => {
                Relation::Amends
            }
            "bai bo" | "bi bai bo" | "duoc bai bo" => Relation::Repeals,
            "thay the" | "bi thay the" | "duoc thay the" => Relation::Replaces,
            "huong dan" | "huong dan thi hanh" => Relation::Guides,
            "thuc hien" => Relation::Implements,
            "tham chieu" | "lien quan" => Relation::Mentions,
            // A web copy's metadata of an amending document (`| **Văn bản
            // gốc** | 24/2023/QĐ-TTg … |` under `Loại văn bản: … sửa đổi`):
            // the original it amends.
            "van ban goc" => Relation::Amends,
            _ => return None,
        })
    })
}

/// A Markdown table's `|---|:---:|` line.
pub(super) fn is_separator_row(row: &str) -> bool {
    row.contains('-')
        && row
            .trim_end()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}
