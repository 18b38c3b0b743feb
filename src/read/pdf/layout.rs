//! Words with their positions → lines in reading order.

use std::collections::HashMap;

use super::Run;

/// A line of a page: its runs (left to right), where it starts and ends,
/// its baseline and font size, and whether it was split off a wider row (a
/// cell).
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) text: String,
    runs: Vec<Run>,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    /// The line was one cell of a row split at a wide gap; the gap's middle.
    split_at: Option<f64>,
}

impl Line {
    fn new(r: Run, split_at: Option<f64>) -> Line {
        Line {
            text: String::new(),
            x0: r.x0,
            x1: r.x1,
            y: r.y,
            size: r.size,
            runs: vec![r],
            split_at,
        }
    }

    fn add(&mut self, r: Run) {
        self.x0 = self.x0.min(r.x0);
        self.x1 = self.x1.max(r.x1);
        if !r.text.trim().is_empty() {
            self.size = self.size.max(r.size);
        }
        self.runs.push(r);
    }

    /// Does a run drawn elsewhere (an annotation) belong on this line?
    fn takes(&self, r: &Run) -> bool {
        let size = self.size.max(r.size);
        (r.y - self.y).abs() <= 0.5 * size && r.x0 >= self.x0 - 2.0 * size && r.x0 <= self.x1 + 2.0 * size
    }

    /// The runs' text, left to right: a gap wider than an eighth of the font
    /// size is a space; spaces folded.
    fn finish(&mut self) {
        self.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut t = String::new();
        let mut end = f64::NEG_INFINITY;
        let mut field = false;
        for r in &self.runs {
            let gap = r.x0 - end;
            let size = self.size.max(r.size);
            let apart = gap > 0.12 * size || ((field || r.field) && gap > -0.1 * size);
            if apart && !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&r.text);
            end = end.max(r.x1);
            field = r.field;
        }
        self.text = t.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

/// Runs in drawing order → lines in reading order.
///
/// A run joins the line being drawn when it is on its baseline (within half
/// a font size) and does not jump back left; a gap wider than three font sizes
/// ends a cell. Lines drawn one below the other make a block; a block drawn
/// after another but printed well above it (a header block a generator
/// writes last, a page number it writes first) is moved before it, other
/// blocks keep their drawing order (the cells of a table row stay left to
/// right). Annotation runs (`extra`: form fields filled in by a signing
/// tool, stamps) join the line they are printed on, or make their own.
pub(super) fn lines_of(runs: Vec<Run>, extra: Vec<Run>) -> Vec<Line> {
    if std::env::var_os("VANBAN_DEBUG_PDF").is_some() {
        for r in runs.iter().chain(&extra) {
            eprintln!("{:8.2} {:8.2} {:8.2} {:5.1} {:?}", r.x0, r.x1, r.y, r.size, r.text);
        }
    }
    // Laid out in the frame of the page's main text direction (a landscape
    // table printed on a portrait page reads along its own lines); text
    // turned another way (a running head, a margin note) is laid out in its
    // own frame and follows.
    let mut turns = [0usize; 4];
    for r in &runs {
        turns[r.turn as usize & 3] += 1;
    }
    let main = (0..4u8)
        .max_by_key(|t| (turns[*t as usize], std::cmp::Reverse(*t)))
        .unwrap_or(0);
    let (runs, others): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(|r| r.turn == main);
    let mut lines = lay_out(runs, extra, main);
    for t in (0..4u8).filter(|t| *t != main) {
        let group: Vec<Run> = others.iter().filter(|r| r.turn == t).cloned().collect();
        if !group.is_empty() {
            lines.extend(lay_out(group, Vec::new(), t));
        }
    }
    lines
}

/// Lay out runs of one text direction (see [`lines_of`]).
fn lay_out(runs: Vec<Run>, extra: Vec<Run>, turn: u8) -> Vec<Line> {
    let runs: Vec<Run> = runs.into_iter().map(|r| in_frame(r, turn)).collect();
    let extra: Vec<Run> = extra.into_iter().map(|r| in_frame(r, turn)).collect();
    let runs: Vec<Run> = runs
        .into_iter()
        .map(|mut r| {
            r.text = r.text.chars().filter(|c| !c.is_control() || *c == '\t').collect();
            r
        })
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let geometric = rows(runs.clone());
    let drawn = reading_order(drawn_lines(runs));
    // A page drawn in no order (glyphs of a table scattered through the
    // stream) makes many more lines in drawing order than rows on the
    // page: read it by position instead.
    let mut lines = if drawn.len() > 2 * geometric.len() + 5 {
        geometric
    } else {
        drawn
    };
    for r in extra {
        if r.text.trim().is_empty() {
            continue;
        }
        match lines.iter_mut().find(|l| l.takes(&r)) {
            Some(l) => l.add(r),
            None => {
                let at = lines
                    .iter()
                    .position(|l| l.y < r.y - 0.5 * r.size)
                    .unwrap_or(lines.len());
                lines.insert(at, Line::new(r, None));
            }
        }
    }
    for l in &mut lines {
        l.finish();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// A run's coordinates in the frame of text turned `turn` quarter turns.
fn in_frame(mut r: Run, turn: u8) -> Run {
    let f = |(x, y): (f64, f64)| match turn {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    };
    let (x0, y) = f((r.x0, r.y));
    let (x1, _) = f(r.end);
    r.x0 = x0;
    r.x1 = x1.max(x0);
    r.y = y;
    r
}

/// Lines in drawing order: a run joins the line being drawn when it is on
/// its baseline and does not jump back left; a wide gap ends a cell.
fn drawn_lines(runs: Vec<Run>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for r in runs {
        if let Some(l) = lines.last_mut() {
            let size = l.size.max(r.size);
            let same_baseline = (r.y - l.y).abs() <= 0.5 * size;
            let gap = r.x0 - l.x1;
            if same_baseline && gap > -0.5 * size {
                if gap > 3.0 * size {
                    let split = (l.x1 + r.x0) / 2.0;
                    l.split_at = Some(split);
                    lines.push(Line::new(r, Some(split)));
                } else {
                    l.add(r);
                }
                continue;
            }
        }
        lines.push(Line::new(r, None));
    }
    lines
}

/// Lines by position alone: runs sorted top to bottom into rows (a run
/// within half a font size of a row's baseline joins it), each row left to
/// right, split into cells at wide gaps.
fn rows(mut runs: Vec<Run>) -> Vec<Line> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut rows: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        match rows.last_mut() {
            Some(row) if (row[0].y - r.y).abs() <= 0.5 * row[0].size.max(r.size) => row.push(r),
            _ => rows.push(vec![r]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        lines.extend(drawn_lines(row));
    }
    lines
}

/// Blocks (lines drawn one below the other) in reading order: each block is
/// placed before the first earlier block whose top is more than one and a
/// half font sizes below its own.
fn reading_order(lines: Vec<Line>) -> Vec<Line> {
    let mut blocks: Vec<(f64, Vec<Line>)> = Vec::new();
    for l in lines {
        match blocks.last_mut() {
            Some((_, b)) if b.last().is_some_and(|p| l.y <= p.y + 0.5 * p.size.max(l.size)) => b.push(l),
            _ => blocks.push((l.y, vec![l])),
        }
    }
    let mut ordered: Vec<(f64, Vec<Line>)> = Vec::with_capacity(blocks.len());
    for (top, b) in blocks {
        let size = b[0].size;
        let at = ordered
            .iter()
            .position(|(t, _)| *t < top - 1.5 * size)
            .unwrap_or(ordered.len());
        ordered.insert(at, (top, b));
    }
    ordered.into_iter().flat_map(|(_, b)| b).collect()
}

/// For each page, which lines are furniture: a number alone (a page
/// number), or a first or last line whose text, digits aside, is the first
/// or last line of another page too (a running head or foot).
pub(super) fn furniture(pages: &[Vec<Line>]) -> Vec<Vec<bool>> {
    let key = |l: &Line| -> String { l.text.chars().filter(|c| !c.is_ascii_digit()).collect() };
    let mut edge_count: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let mut seen = Vec::new();
        for l in lines.iter().take(2).chain(lines.iter().rev().take(2)) {
            let k = key(l);
            if !k.trim().is_empty() && !seen.contains(&k) {
                *edge_count.entry(k.clone()).or_default() += 1;
                seen.push(k);
            }
        }
    }
    pages
        .iter()
        .map(|lines| {
            let n = lines.len();
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let edge = i < 2 || i + 2 >= n;
                    let number = l.text.chars().all(|c| c.is_ascii_digit()) && l.text.len() <= 4;
                    edge && (number || edge_count.get(&key(l)).copied().unwrap_or(0) >= 2)
                })
                .collect()
        })
        .collect()
}

/// The order of the first page's lines: where the top of the page is a
/// two-column header whose rows were drawn across both columns, the left
/// column's lines first, then the right column's, then the rest as drawn.
/// The header block ends at the first line that crosses the column split
/// (a title centred on the page).
pub(super) fn header_order(lines: &[Line], furniture: &[bool]) -> Vec<usize> {
    let all: Vec<usize> = (0..lines.len()).collect();
    // The column split: the first split row among the first lines.
    let Some(split) = lines
        .iter()
        .take(24)
        .zip(furniture)
        .find_map(|(l, f)| (!f).then_some(l.split_at).flatten())
    else {
        return all;
    };
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut end = 0;
    for (i, l) in lines.iter().enumerate() {
        if furniture.get(i).copied().unwrap_or(false) {
            if left.is_empty() && right.is_empty() {
                left.push(i);
                end = i + 1;
                continue;
            }
            break;
        }
        let margin = l.size;
        if l.x0 < split - margin && l.x1 > split + margin {
            break;
        }
        if (l.x0 + l.x1) / 2.0 < split {
            left.push(i);
        } else {
            right.push(i);
        }
        end = i + 1;
    }
    // Only a block with both columns is reordered.
    if right.is_empty() || left.is_empty() {
        return all;
    }
    left.extend(right);
    left.extend(end..lines.len());
    left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pdf::font::parse_cmap;

    fn run(x0: f64, x1: f64, y: f64, text: &str) -> Run {
        Run {
            x0,
            x1,
            y,
            size: 13.0,
            text: text.to_string(),
            field: false,
            turn: 0,
            end: (x1, y),
        }
    }

    #[test]
    fn runs_make_lines_and_cells() {
        let lines = lines_of(
            vec![
                run(60.0, 200.0, 800.0, "HỘI ĐỒNG NHÂN DÂN"),
                run(300.0, 560.0, 800.0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                run(80.0, 180.0, 785.0, "TỈNH CAO BẰNG"),
                run(330.0, 530.0, 785.0, "Độc lập - Tự do - Hạnh phúc"),
                run(60.0, 190.0, 760.0, "Số: 33/2022/NQ-HĐND"),
                run(320.0, 420.0, 760.0, "Cao Bằng, ngày 15"),
                run(423.0, 540.0, 760.0, "tháng 7 năm 2022"),
                run(250.0, 340.0, 730.0, "NGHỊ QUYẾT"),
                run(60.0, 300.0, 700.0, "Căn cứ Luật"),
            ],
            vec![],
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[5], "Cao Bằng, ngày 15 tháng 7 năm 2022");
        let order = header_order(&lines, &vec![false; lines.len()]);
        let ordered: Vec<&str> = order.iter().map(|&i| texts[i]).collect();
        assert_eq!(
            ordered,
            [
                "HỘI ĐỒNG NHÂN DÂN",
                "TỈNH CAO BẰNG",
                "Số: 33/2022/NQ-HĐND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Cao Bằng, ngày 15 tháng 7 năm 2022",
                "NGHỊ QUYẾT",
                "Căn cứ Luật",
            ]
        );
    }

    #[test]
    fn cmap_entries() {
        let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0011> <1ED9> endbfchar\n\
            1 beginbfrange <0024> <0026> <0041> endbfrange\n\
            1 beginbfrange <0030> <0031> [<0110> <01B0>] endbfrange";
        let (map, len) = parse_cmap(cmap);
        assert_eq!(len, Some(2));
        assert_eq!(map[&0x11], "ộ");
        assert_eq!(map[&0x26], "C");
        assert_eq!(map[&0x31], "ư");
    }

    #[test]
    fn furniture_lines() {
        let line = |t: &str| {
            let mut l = Line::new(run(0.0, 1.0, 0.0, t), None);
            l.finish();
            l
        };
        let page = |head: &str, body: &str, n: &str| vec![line(head), line(body), line("more"), line(body), line(n)];
        let f = furniture(&[
            page("CÔNG BÁO/Số 1/Ngày 2", "Điều 1. Phạm vi", "70"),
            page("CÔNG BÁO/Số 1/Ngày 2", "Điều 2. Đối tượng", "71"),
        ]);
        assert_eq!(f[0], [true, false, false, false, true]);
    }

    #[test]
    fn blocks_drawn_late_are_read_first() {
        // A page number drawn first, the body, then the header block.
        let lines = lines_of(
            vec![
                run(540.0, 550.0, 20.0, "1"),
                run(60.0, 500.0, 700.0, "QUYẾT ĐỊNH"),
                run(60.0, 500.0, 680.0, "Căn cứ Luật"),
                run(60.0, 200.0, 780.0, "ỦY BAN NHÂN DÂN"),
                run(60.0, 85.0, 760.0, "Số:"),
                run(115.0, 200.0, 760.0, "/QĐ-UBND"),
            ],
            vec![Run {
                field: true,
                ..run(90.0, 110.0, 760.0, "142")
            }],
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["ỦY BAN NHÂN DÂN", "Số: 142 /QĐ-UBND", "QUYẾT ĐỊNH", "Căn cứ Luật", "1"]
        );
    }
}
