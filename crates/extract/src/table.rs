//! Targets tables as the cleaner writes them, one row a line with cells
//! split by tabs: the edits that make a row read as a sentence of the list.
//! A unit column or a unit in brackets after the name goes after the
//! figure (地区生产总值增长 | % | 6左右 and 地区生产总值增长（%） | 6左右 read
//! 地区生产总值增长6%左右), and under a header that names the target column
//! (指标 | 2023年完成 | 2024年目标) the other columns' figures are left out.
//! A row's number in a column of its own (序号) goes too, and a target in
//! words (完成市下达任务) meets its name without the unit cell.

use std::ops::Range;

/// What the normaliser leaves out of a text's tables and adds to them, in
/// the order of the text (src offsets).
#[derive(Debug, Default)]
pub(crate) struct Edits {
    /// Ranges read as absent: unit cells, bracketed units, other columns.
    pub(crate) skip: Vec<Range<usize>>,
    /// Units read right before the char at the offset (right after a
    /// figure), normalised.
    pub(crate) insert: Vec<(usize, String)>,
}

/// The longest unit (个百分点, 亿千瓦时).
const UNIT_MAX: usize = 5;

/// The most digits of a row's number in a column of its own (序号).
const ROW_NUMBER_MAX: usize = 3;

/// Words of a header cell over the targets column.
const TARGET_COLUMN_WORDS: [&str; 3] = ["目标", "预期", "计划"];

/// The marks of a cell with no data (—, -, /).
const NO_DATA: &str = "—-－/／";

fn is_unit(cell: &[char]) -> bool {
    (1..=UNIT_MAX).contains(&cell.len())
        && cell
            .iter()
            .all(|&c| crate::norm::UNIT_CHARS.contains(c) || "%％‰美次".contains(c))
}

/// How many chars of `cell` are its opening figure's digits and point, in
/// half or full width (5.5, ５．５).
fn figure_len(cell: &[char]) -> usize {
    cell.iter()
        .take_while(|&&c| crate::norm::is_digit(c) || matches!(c, '.' | '．'))
        .count()
}

/// Whether a cell opens with a figure (6左右, 5.2), not a year (2024年目标).
fn opens_with_figure(cell: &[char]) -> bool {
    // (a decline's sign: -3.1)
    let cell = cell
        .strip_prefix(&['-'])
        .or_else(|| cell.strip_prefix(&['−']))
        .unwrap_or(cell);
    let digits = figure_len(cell);
    digits > 0 && cell.get(digits) != Some(&'年')
}

/// The edits of every table row of `src`; `spaced`: the text may set a
/// table's cells apart with spaces ([`may_space_a_table`]).
pub(crate) fn edits(src: &[char], spaced: bool) -> Edits {
    let mut out = Edits::default();
    if !spaced && !src.iter().any(|&c| is_cell_mark(c)) {
        return out;
    }
    // the target column of the header above the rows read, and its growth
    // column (2013年计划 | 2013年比上年增长（%）)
    let mut target_col: Option<usize> = None;
    let mut growth_col: Option<usize> = None;
    // (in a table set with spaces, the rows under its header)
    let mut in_spaced = false;
    let mut line_start = 0;
    for line_end in crate::norm::line_ends(src).chain(std::iter::once(src.len())) {
        if line_start > line_end {
            break;
        }
        let line = line_start..line_end;
        line_start = line_end + 1;
        let mut cells = cells_of(src, line.clone(), false);
        if cells.len() < 2 && spaced {
            let by_spaces = cells_of(src, line.clone(), true);
            let texts = || {
                by_spaces
                    .iter()
                    .map(|c| text_of(src, c))
                    .collect::<Vec<_>>()
            };
            if in_spaced && by_spaces.len() >= SPACED_CELLS_MIN {
                cells = by_spaces;
            } else if by_spaces.len() >= SPACED_CELLS_MIN
                && by_spaces.iter().any(|c| text_of(src, c).ends_with("单位"))
                && target_column(&texts()).is_some()
            {
                cells = by_spaces;
                in_spaced = true;
            } else {
                in_spaced = false;
            }
        }
        if cells.len() < 2 {
            // (a group's row with its other cells empty, 一、经济发展\t\t\t, is
            // still the table: its header holds)
            if cells.len() == 1 && src[line.clone()].iter().any(|&c| is_cell_mark(c)) {
                continue;
            }
            target_col = None;
            growth_col = None;
            continue;
        }
        // a text table's rule under its header (|---|---|) is no row
        if cells
            .iter()
            .all(|c| src[c.clone()].iter().all(|&x| matches!(x, '-' | ':' | '—')))
        {
            out.skip.push(line);
            continue;
        }
        // (a text table's bars are no part of what its cells say)
        let bars: Vec<Range<usize>> = line
            .clone()
            .filter(|&k| matches!(src[k], '|' | '｜'))
            .map(|k| k..k + 1)
            .collect();
        // (a row whose target is words has a unit cell: 单位地区生产总值能耗
        // 降低 | % | 完成省下达目标; a header has neither)
        if !cells
            .iter()
            .any(|c| opens_with_figure(&src[c.clone()]) || is_unit(&src[c.clone()]))
        {
            let header: Vec<String> = cells.iter().map(|c| text_of(src, c)).collect();
            target_col = target_column(&header);
            growth_col = target_col.and_then(|t| growth_column(&header, t));
            push_sorted(&mut out.skip, bars);
            continue;
        }
        let mut skip = row_edits(src, &cells, (target_col, growth_col), &mut out.insert);
        skip.extend(bars);
        push_sorted(&mut out.skip, skip);
    }
    out
}

/// The first cells a table's header copied one cell a line may open with.
const HEADER_OPENINGS: [&str; 4] = ["指标", "指标名称", "项目", "主要指标"];

/// Whether `text` may hold a table copied one cell a line: a line of its
/// own that opens a header (a byte search: most texts have none).
pub(crate) fn may_copy_cells_a_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    HEADER_OPENINGS.iter().any(|h| {
        memchr::memmem::find_iter(bytes, h.as_bytes()).any(|i| {
            (i == 0 || bytes[i - 1] == b'\n')
                && matches!(bytes.get(i + h.len()), None | Some(b'\n' | b'\r'))
        })
    })
}

/// The longest cell of a table copied one cell a line, past a row's name.
const CELL_LINE_MAX: usize = 12;

/// The longest header cell of a table copied one cell a line.
const HEADER_CELL_MAX: usize = 16;

/// The fewest rows under a header that make a table copied one cell a line.
const CELL_ROWS_MIN: usize = 2;

/// The line breaks of `src` inside the rows of a table copied one cell a
/// line (指标 / 单位 / 2012年预计 / 2013年计划 / 地区生产总值 / 亿元 / 17200 /
/// 18900 / …): read as cell marks, so that each row reads as the cleaner
/// writes one. The header is the cells under 指标 that name a column (单位, a
/// year's, a target's, a growth's); each row is as many lines, a name then
/// short cells (a figure, a unit, a mark of no data, words). Empty when there
/// is none.
pub(crate) fn cell_line_breaks(src: &[char]) -> Vec<usize> {
    let lines = crate::norm::line_ranges(src);
    let text = |(a, b): (usize, usize)| src[a..b].iter().collect::<String>();
    let mut breaks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let opening = text(lines[i]);
        if !HEADER_OPENINGS.contains(&opening.trim_end()) {
            i += 1;
            continue;
        }
        let header: Vec<String> = lines[i + 1..]
            .iter()
            .map(|&l| text(l).trim().to_owned())
            .take_while(|t| is_header_cell(t))
            .collect();
        let k = header.len() + 1;
        if header.len() < 2
            || !header
                .iter()
                .any(|t| TARGET_COLUMN_WORDS.iter().any(|w| t.contains(w)))
        {
            i += 1;
            continue;
        }
        let row_ok = |row: &[(usize, usize)]| {
            let name = text(row[0]);
            let name = name.trim();
            name.chars().any(crate::norm::is_unified_han)
                && !opens_with_figure(&name.chars().collect::<Vec<_>>())
                && !is_header_cell(name)
                && row[1..].iter().all(|&l| {
                    let cell: Vec<char> = text(l).trim().chars().collect();
                    !cell.is_empty() && cell.len() <= CELL_LINE_MAX
                })
        };
        let mut j = i + k;
        let mut rows = 0;
        while j + k <= lines.len() && row_ok(&lines[j..j + k]) {
            j += k;
            rows += 1;
        }
        if rows >= CELL_ROWS_MIN {
            // (the breaks after each cell but a row's last)
            for r in (i..j).step_by(k) {
                breaks.extend(lines[r..r + k - 1].iter().map(|&(_, b)| b));
            }
        }
        i = j.max(i + 1);
    }
    breaks
}

/// Whether a line names a column of a table's header (单位, 2012年预计,
/// 2013年比上年增长（%）, 预期目标).
fn is_header_cell(t: &str) -> bool {
    let starts_with_year =
        t.chars().take(4).all(crate::norm::is_digit) && t.chars().nth(4) == Some('年');
    t.chars().count() <= HEADER_CELL_MAX
        && (t == "单位"
            || starts_with_year
            || ["目标", "预期", "计划", "完成", "实际", "比上年", "增长"]
                .iter()
                .any(|w| t.contains(w)))
}

/// The fewest cells of a line read as a row of a table set with spaces
/// (name, unit, a figure).
const SPACED_CELLS_MIN: usize = 3;

/// Whether `text` may set a table's cells apart with spaces: a header's
/// unit column stands between spaces (指标名称 单位 2012年预计 2013年计划).
/// (A byte search: most texts have none.)
pub(crate) fn may_space_a_table(text: &str) -> bool {
    text.match_indices("单位").any(|(i, w)| {
        text[..i].ends_with([' ', '\u{3000}', '\u{a0}'])
            && text[i + w.len()..].starts_with([' ', '\u{3000}', '\u{a0}', '\t'])
    })
}

/// The text of a cell.
fn text_of(src: &[char], cell: &Range<usize>) -> String {
    src[cell.clone()].iter().collect()
}

/// The column after the targets' that gives their growth in per cent
/// (2013年比上年增长（%）, 增长%): each row's figure there is a growth of its
/// own beside the target's level.
fn growth_column(header: &[String], target: usize) -> Option<usize> {
    header
        .iter()
        .enumerate()
        .skip(target + 1)
        .find(|(_, t)| t.contains("增长") && t.contains(['%', '％']))
        .map(|(k, _)| k)
}

/// The targets column of a header row (its cells' text): a cell past the
/// first that names targets, the latest year's when several do (2020年计划
/// | 2020年完成 | 2021年预期目标: last year's plan is no target of the
/// year's).
fn target_column(header: &[String]) -> Option<usize> {
    let year = |t: &str| {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && t[4..].starts_with('年'))
            .then(|| digits.parse::<i32>().ok())
            .flatten()
    };
    header
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, t)| TARGET_COLUMN_WORDS.iter().any(|w| t.contains(w)))
        .max_by_key(|(k, t)| (year(t), std::cmp::Reverse(*k)))
        .map(|(k, _)| k)
}

/// A mark between two cells: a tab as the cleaner writes it, or the bar of
/// a table written as text (| 地区生产总值增长 | 6%左右 |).
fn is_cell_mark(c: char) -> bool {
    matches!(c, '\t' | '|' | '｜')
}

/// A space that parts two cells of a table set with spaces.
fn is_space_mark(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// Adds `ranges` (of one line) to `skip`, keeping it sorted.
fn push_sorted(skip: &mut Vec<Range<usize>>, mut ranges: Vec<Range<usize>>) {
    ranges.sort_by_key(|r| r.start);
    skip.extend(ranges);
}

/// The trimmed cells of the line `line`; `spaces`: parted by spaces too.
fn cells_of(src: &[char], line: Range<usize>, spaces: bool) -> Vec<Range<usize>> {
    let mut cells = Vec::new();
    let mut s = line.start;
    for (k, _) in src[line.clone()]
        .iter()
        .enumerate()
        .filter(|&(_, &c)| is_cell_mark(c) || spaces && is_space_mark(c))
    {
        cells.push(s..line.start + k);
        s = line.start + k + 1;
    }
    cells.push(s..line.end);
    cells
        .into_iter()
        .map(|r| {
            let (mut a, mut b) = (r.start, r.end);
            while a < b && src[a].is_whitespace() {
                a += 1;
            }
            while b > a && src[b - 1].is_whitespace() {
                b -= 1;
            }
            a..b
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The edits of one row: its name cell first, then a unit (a cell, or in
/// brackets after the name), the target figure's cell and other figures.
fn row_edits(
    src: &[char],
    cells: &[Range<usize>],
    (target_col, growth_col): (Option<usize>, Option<usize>),
    insert: &mut Vec<(usize, String)>,
) -> Vec<Range<usize>> {
    // (a row's number in a column of its own, 序号: no figure of the row)
    let numbered = cells.len() > 2
        && (1..=ROW_NUMBER_MAX).contains(&cells[0].len())
        && src[cells[0].clone()]
            .iter()
            .all(|&c| crate::norm::is_digit(c));
    let first = usize::from(numbered);
    // (the number cell is left out of every row that reads)
    let mut skip: Vec<Range<usize>> = cells[..first].to_vec();
    let name = &cells[first];
    if !src[name.clone()]
        .iter()
        .any(|&c| crate::norm::is_unified_han(c))
    {
        return Vec::new();
    }
    let cells_after = &cells[first + 1..];
    let mut unit: Option<(Range<usize>, Range<usize>)> = None; // (skipped, the unit)
    // 地区生产总值增长（%）
    if matches!(src[name.end - 1], '）' | ')')
        && let Some(open) = src[name.clone()]
            .iter()
            .rposition(|&c| matches!(c, '（' | '('))
    {
        let inner = name.start + open + 1..name.end - 1;
        if is_unit(&src[inner.clone()]) {
            unit = Some((name.start + open..name.end, inner));
        }
    }
    if unit.is_none()
        && let Some(u) = cells_after.iter().find(|c| is_unit(&src[(*c).clone()]))
    {
        unit = Some((u.clone(), u.clone()));
    }
    let figures: Vec<&Range<usize>> = cells_after
        .iter()
        .filter(|c| opens_with_figure(&src[(*c).clone()]))
        .collect();
    // (under a header that names the target column, the row's cell there;
    // when it holds words, 进出口总额增长 | % | 7.6 | 促稳提质, the other
    // columns' figures are no target)
    let value = match target_col.and_then(|k| cells.get(k)) {
        Some(c) => opens_with_figure(&src[c.clone()]).then_some(c),
        None => figures.first().copied(),
    };
    // (a row whose target is words, 单位地区生产总值能耗降低 | % | 完成市下达
    // 任务: its unit cell, its other figures and a cell of no data (—) go, so
    // the name meets its words)
    // (a target column of no data beside a growth column's figure,
    // 规模以上工业增加值 | 亿元 | — | — | 13: the growth is the row's target)
    let no_data = |c: &Range<usize>| src[c.clone()].iter().all(|&x| NO_DATA.contains(x));
    let growth_alone = value
        .is_none()
        .then(|| target_col.and_then(|k| cells.get(k)))
        .flatten()
        .filter(|c| no_data(c))
        .and(growth_col.and_then(|k| cells.get(k)))
        .filter(|c| opens_with_figure(&src[(*c).clone()]));
    if let Some(g) = growth_alone {
        skip.extend(unit.map(|(skipped, _)| skipped));
        skip.extend(figures.iter().filter(|c| **c != g).map(|c| (*c).clone()));
        skip.extend(cells_after.iter().filter(|c| no_data(c)).cloned());
        let digits = figure_len(&src[g.clone()]);
        insert.push((g.start, "增长".to_owned()));
        insert.push((g.start + digits, "%".to_owned()));
        return skip;
    }
    let Some(value) = value else {
        skip.extend(unit.map(|(skipped, _)| skipped));
        skip.extend(figures.iter().map(|c| (*c).clone()));
        skip.extend(cells_after.iter().filter(|c| no_data(c)).cloned());
        return skip;
    };
    if unit.is_none() && figures.len() < 2 {
        return Vec::new();
    }
    // (the growth column's figure, beside a target's level: 地区生产总值 亿元
    // 1015 1125 11 reads 地区生产总值1125亿元，增长11%)
    let growth = growth_col
        .and_then(|k| cells.get(k))
        .filter(|c| *c != value && opens_with_figure(&src[(*c).clone()]))
        .filter(|_| {
            unit.as_ref()
                .is_some_and(|(_, u)| !is_per_cent(&src[u.clone()]))
        });
    skip.extend(
        figures
            .iter()
            .filter(|c| **c != value && Some(**c) != growth)
            .map(|c| (*c).clone()),
    );
    let digits = |cell: &Range<usize>| figure_len(&src[cell.clone()]);
    if let Some((skipped, u)) = unit {
        skip.push(skipped);
        insert.push((
            value.start + digits(value),
            src[u].iter().map(|&c| crate::norm::fold(c)).collect(),
        ));
    }
    if let Some(g) = growth {
        insert.push((g.start, "，增长".to_owned()));
        insert.push((g.start + digits(g), "%".to_owned()));
    }
    // (and a cell of no data, 城镇登记失业率 % 3.5 4以内 —)
    skip.extend(cells_after.iter().filter(|c| no_data(c)).cloned());
    skip
}

/// Whether a unit cell is a per cent or a per mille (a rate's row has no
/// growth of its own).
fn is_per_cent(unit: &[char]) -> bool {
    unit.iter().all(|&c| "%％‰".contains(c))
}

#[cfg(test)]
mod tests {
    use crate::norm::Norm;

    fn read(text: &str) -> String {
        Norm::new(text).text(0, Norm::new(text).len()).to_owned()
    }

    #[test]
    fn a_row_reads_as_a_sentence_of_the_list() {
        assert_eq!(read("地区生产总值增长\t%\t6左右"), "地区生产总值增长6%左右");
        assert_eq!(
            read("地区生产总值增长（%）\t6左右"),
            "地区生产总值增长6%左右"
        );
        assert_eq!(read("城镇新增就业\t万人\t10以上"), "城镇新增就业10万人以上");
        assert_eq!(
            read("实际利用外资\t亿美元\t11.6\t12"),
            "实际利用外资11.6亿美元"
        );
        assert_eq!(read("接待游客\t万人次\t800"), "接待游客800万人次");
        // under a header naming the targets column, the other figures are left out
        assert_eq!(
            read("指标\t2023年完成\t2024年目标\n地区生产总值增长（%）\t5.2\t6左右"),
            "指标2023年完成2024年目标\n地区生产总值增长6%左右"
        );
        // a row with its unit already after the figure is left as it is
        assert_eq!(read("地区生产总值增长\t6%左右"), "地区生产总值增长6%左右");
        // a table written as text, bars and rule
        assert_eq!(
            read("| 指标 | 单位 | 2024年目标 |\n|---|---|---|\n| 地区生产总值增长 | % | 6左右 |"),
            "指标单位2024年目标\n\n地区生产总值增长6%左右"
        );
    }

    #[test]
    fn a_table_set_with_spaces_reads_its_target_and_growth_columns() {
        // (cells parted by spaces under a header with a unit column; the
        // growth column's figure follows the target's level as its growth;
        // a rate's row has no growth, and its cell of no data goes)
        assert_eq!(
            read(
                "指标名称 单位 2012年预计 2013年计划 2013年比上年增长（%）\n地区生产总值 亿元 1015 1125 11\n城镇登记失业率 % 3.5 4以内 —\n说明 见下"
            ),
            "指标名称单位2012年预计2013年计划2013年比上年增长（%）\n地区生产总值1125亿元，增长11%\n城镇登记失业率4%以内\n说明见下"
        );
        // (spaces in prose with no such header part no cells)
        assert_eq!(read("地区生产总值 增长 6% 左右"), "地区生产总值增长6%左右");
    }

    #[test]
    fn the_latest_years_target_column_is_read() {
        // (last year's plan and result come first; this year's target after)
        assert_eq!(
            read(
                "指标	单位	2020年计划	2020年完成	2021年预期目标
地区生产总值增长	%	6左右	3.9	6以上"
            ),
            "指标单位2020年计划2020年完成2021年预期目标
地区生产总值增长6%以上"
        );
        // (a result's decline is a figure of its own; 零 reads as 〇)
        assert_eq!(
            read("指标\t单位\t2020年完成\t2021年目标\n社会消费品零售总额增长\t%\t-3.1\t10左右"),
            "指标单位2020年完成2021年目标\n社会消费品〇售总额增长10%左右"
        );
    }

    #[test]
    fn a_rows_number_and_a_target_in_words_read_as_the_list() {
        // (序号 in a column of its own is no figure; a target in words meets
        // its name without the unit cell; 属性 stays after the figure, parted
        // by a comma)
        assert_eq!(
            read("序号\t指标\t单位\t2021年目标\t属性\n1\t地区生产总值增长\t%\t7.5左右\t预期性"),
            "序号指标单位2021年目标，属性\n地区生产总值增长7.5%左右，预期性"
        );
        assert_eq!(
            read("9\t单位地区生产总值能耗降低\t%\t完成市下达任务\t约束性"),
            "单位地区生产总值能耗降低完成市下达任务，约束性"
        );
    }

    #[test]
    fn a_target_in_words_under_the_target_column_leaves_other_figures_out() {
        // (last year's figure and a cell of no data are no target; the row is
        // no header, though it has no figure of its own)
        assert_eq!(
            read("指标\t单位\t2022年预计\t2023年目标\n进出口总额增长\t%\t7.6\t促稳提质"),
            "指标单位2022年预计2023年目标\n进出口总额增长，促稳提质"
        );
        assert_eq!(
            read("指标\t单位\t2022年预计\t2023年目标\n二氧化碳排放降低\t%\t—\t完成国家下达目标"),
            "指标单位2022年预计2023年目标\n二氧化碳排放降低完成国家下达目标"
        );
        assert_eq!(
            read("指标 | 单位 | 2021年目标\n能耗降低 | % | 完成省下达目标\n森林覆盖率 | % | 49"),
            "指标单位2021年目标\n能耗降低完成省下达目标\n森林覆盖率49%"
        );
    }
}
