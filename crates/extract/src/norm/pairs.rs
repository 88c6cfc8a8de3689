//! An infographic's text that writes each figure above its name (一图读懂,
//! 数说: `5.5%左右` / `地区生产总值增长`, `【8%左右】` / `今年全市地区生产总值增长
//! 预期目标。`): read as name then figure, the order prose has.

use super::chars::{fold, is_digit, is_han};

/// The longest figure line (in chars, brackets left out).
const FIGURE_LINE_MAX: usize = 16;

/// The longest name line (in chars).
const NAME_LINE_MAX: usize = 24;

/// The longest aim in words (与经济增长同步) read in a figure's place.
const WORDED_AIM_MAX: usize = 12;

/// The longest text (in chars) read as an infographic's page.
const PAGE_MAX: usize = 8000;

/// The fewest figure-then-name pairs that make a text written so.
const PAIRS_MIN: usize = 3;

/// The Han chars a figure line may hold besides its figure: qualifiers and
/// units.
const FIGURE_WORDS: &str =
    "左右以上内下多万亿千元人次斤吨个百分点户所家项亩平方公里倍美金微克立米/";

/// The words that join two figures on one figure line, for a name line
/// that shares them (9%和10% / 城镇、农村居民人均可支配收入分别增长) or a range
/// (6%至6.5%).
const FIGURE_JOINS: &str = "和至";

/// The marks a line of its own may hold between an infographic's pairs.
const MARKS: &str = "▲△●○■□◆◇★☆•·▼";

/// The longest label in brackets before a figure (【数说】6%以上).
const LABEL_MAX: usize = 6;

/// How a list's heading line ends (主要预期目标): the first figure after it
/// is no figure of its own.
const LIST_HEADINGS: [&str; 4] = ["预期目标", "主要目标", "主要指标", "目标任务"];

/// The words an aim in words opens with (稳中提质, 完成省下达任务, 保持稳定,
/// 持续改善), or ends with (与经济增长同步).
const AIM_OPENINGS: [&str; 4] = ["稳中", "完成", "保持", "持续"];

/// Whether the line `(a, b)` of `src` reads as an aim in words.
fn is_aim_in_words(src: &[char], (a, b): (usize, usize)) -> bool {
    let line: String = src[a..b].iter().collect();
    let line = line.trim();
    line.ends_with("同步") || AIM_OPENINGS.iter().any(|w| line.starts_with(w))
}

/// Whether the digit at `i` (in a line from `from`) is part of a code that
/// opens with a Latin letter (PM2.5, PM10, CO2), not a figure.
fn in_a_code(src: &[char], from: usize, i: usize) -> bool {
    let mut k = i;
    while k > from && (is_digit(src[k - 1]) || matches!(src[k - 1], '.' | '．')) {
        k -= 1;
    }
    k > from && src[k - 1].is_ascii_alphabetic()
}

/// The order in which the normaliser reads the chars of `src` when it is
/// written figure above name: each pair's name line, then its figure line
/// (without its brackets and the line break between them), then the name
/// line's break; `None` when it is not written so.
pub(super) fn figure_first_order(src: &[char]) -> Option<Vec<usize>> {
    // (most strings normalised are names and clauses of one line; an
    // infographic's page is short, a whole report is not one)
    if src.len() > PAGE_MAX || !src.contains(&'\n') {
        return None;
    }
    // (most texts have no line that opens with a figure and is short: asked
    // first, without collecting the lines)
    let mut figure_lines = 0;
    let mut line_start = 0;
    for (i, &c) in src.iter().enumerate() {
        if c == '\n' {
            let line = &src[line_start..i];
            let first = line.iter().position(|c| !c.is_whitespace() && *c != '【');
            // (or after a label: 【数说】6%以上)
            let labelled = || {
                line.iter()
                    .position(|&c| c == '】')
                    .filter(|&j| j <= LABEL_MAX + 1)
                    .is_some_and(|j| line.get(j + 1).is_some_and(|&c| is_digit(c)))
            };
            if line.len() <= FIGURE_LINE_MAX + LABEL_MAX + 4
                && (first.is_some_and(|k| is_digit(line[k])) || labelled())
            {
                figure_lines += 1;
            }
            line_start = i + 1;
        }
    }
    if figure_lines < PAIRS_MIN {
        return None;
    }
    let lines = super::wrap::line_ranges(src);
    let trimmed = |(a, b): (usize, usize)| {
        let mut a = a;
        let mut b = b;
        while a < b && src[a].is_whitespace() {
            a += 1;
        }
        while b > a && src[b - 1].is_whitespace() {
            b -= 1;
        }
        (a, b)
    };
    // (a label in brackets may open a figure's line: 【数说】6%以上,
    // 【数说】同步)
    let past_label = |(a, b): (usize, usize)| {
        let (a, b) = trimmed((a, b));
        let close = (a < b && src[a] == '【')
            .then(|| (a + 1..b.min(a + LABEL_MAX + 2)).find(|&j| src[j] == '】'))
            .flatten()
            .filter(|&j| j + 1 < b && src[a + 1..j].iter().all(|&c| is_han(c)));
        (close.map_or(a, |j| j + 1), b)
    };
    let is_figure = |(a, b): (usize, usize)| {
        let (a, b) = past_label((a, b));
        let (a, b) = (
            a + usize::from(a < b && src[a] == '【'),
            b - usize::from(b > a && src[b - 1] == '】'),
        );
        (1..=FIGURE_LINE_MAX).contains(&(b - a))
            && is_digit(src[a])
            // (a figure typed in full width, ５．５％, reads as in half)
            && src[a..b].iter().map(|&c| fold(c)).all(|c| {
                c.is_ascii_digit()
                    || ".%‰、~-—".contains(c)
                    || FIGURE_WORDS.contains(c)
                    || FIGURE_JOINS.contains(c)
            })
            && src[a..b]
                .iter()
                .map(|&c| fold(c))
                .any(|c| !c.is_ascii_digit() && c != '.')
    };
    let is_name = |(a, b): (usize, usize)| {
        let (a, b) = trimmed((a, b));
        (2..=NAME_LINE_MAX).contains(&(b - a))
            && !(a..b).any(|i| {
                let c = src[i];
                (is_digit(c) && !in_a_code(src, a, i)) || matches!(c, '：' | ':' | '【')
            })
            && src[a..b].iter().filter(|&&c| is_han(c)).count() >= 2
    };
    // a pair opens a run after a line that is no name, or right after a pair
    // (so a list written name above figure, whose names follow figures too,
    // is not read backwards)
    let mut pairs: Vec<usize> = Vec::new();
    let mut k = 0;
    while k + 1 < lines.len() {
        // (pairs parted by blank lines are one run)
        // (…or by a line of one mark, ▲)
        let after_pair = pairs.last().is_some_and(|&p| {
            p + 2 <= k
                && lines[p + 2..k].iter().all(|&l| {
                    let (a, b) = trimmed(l);
                    a == b || b == a + 1 && MARKS.contains(src[a])
                })
        });
        // (inside a run, an aim in words stands where a figure would: 与经济
        // 增长同步 / 居民人均可支配收入增长)
        let worded = after_pair
            && {
                let (a, b) = past_label(lines[k]);
                is_name((a, b)) && b - a <= WORDED_AIM_MAX
            }
            && lines.get(k + 2).is_none_or(|&l| {
                is_figure(l)
                    || !is_name(l)
                    // (or two aims in words in a row: 稳中提质 / 外贸进出口 /
                    // 与经济增长同步 / 城乡居民收入增长)
                    || is_aim_in_words(src, past_label(lines[k])) && is_aim_in_words(src, l)
            });
        // (a list's heading, 主要预期目标, is no name whose figure this is)
        let heading = |(a, b): (usize, usize)| {
            let (a, b) = trimmed((a, b));
            let line: String = src[a..b].iter().collect();
            LIST_HEADINGS.iter().any(|w| line.ends_with(w))
        };
        if (is_figure(lines[k]) || worded)
            && is_name(lines[k + 1])
            && (k == 0 || after_pair || !is_name(lines[k - 1]) || heading(lines[k - 1]))
        {
            pairs.push(k);
            k += 2;
        } else {
            k += 1;
        }
    }
    if pairs.len() < PAIRS_MIN {
        return None;
    }
    let mut order = Vec::with_capacity(src.len());
    let mut next = 0;
    for &p in &pairs {
        let (fs, fe) = lines[p];
        let (ns, ne) = lines[p + 1];
        order.extend(next..fs);
        // the name, less a full stop that would end it before its figure
        let (_, nt) = trimmed((ns, ne));
        let name_end = if nt > ns && src[nt - 1] == '。' {
            nt - 1
        } else {
            ne
        };
        order.extend(ns..name_end);
        let (fa, fb) = past_label((fs, fe));
        order.extend((fa..fb).filter(|&i| !matches!(src[i], '【' | '】')));
        // the name line's break
        next = ne;
    }
    order.extend(next..src.len());
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::figure_first_order;

    fn reordered(text: &str) -> Option<String> {
        let src: Vec<char> = text.chars().collect();
        figure_first_order(&src).map(|o| o.into_iter().map(|i| src[i]).collect())
    }

    #[test]
    fn figures_above_their_names_read_after_them() {
        assert_eq!(
            reordered("2024年 主要预期目标\n5.5%左右\n地区生产总值增长\n【6%】\n固定资产投资增长\n与经济增长同步\n居民人均可支配收入增长\n110万人以上\n城镇新增就业。\n2024年 重点工作").as_deref(),
            Some("2024年 主要预期目标\n地区生产总值增长5.5%左右\n固定资产投资增长6%\n居民人均可支配收入增长与经济增长同步\n城镇新增就业110万人以上\n2024年 重点工作")
        );
    }

    #[test]
    fn a_label_before_the_figure_is_left_out() {
        assert_eq!(
            reordered("【2021年主要预期目标】\n【数说】6%以上\n地区生产总值增长\n【数说】3.3万人\n城镇新增就业\n【数说】同步\n居民收入增长与经济增长同步\n【数说】1.5亿美元\n实际使用外资\n【“十四五”展望】").as_deref(),
            Some("【2021年主要预期目标】\n地区生产总值增长6%以上\n城镇新增就业3.3万人\n居民收入增长与经济增长同步同步\n实际使用外资1.5亿美元\n【“十四五”展望】")
        );
    }

    #[test]
    fn a_heading_on_its_own_line_is_no_name() {
        assert_eq!(
            reordered("2021年\n主要预期目标\n6.5%以上\n地区生产总值增长\n6%\n一般公共预算收入增长\n80万人\n城镇新增就业\n“十四五”").as_deref(),
            Some("2021年\n主要预期目标\n地区生产总值增长6.5%以上\n一般公共预算收入增长6%\n城镇新增就业80万人\n“十四五”")
        );
    }

    #[test]
    fn pairs_parted_by_a_line_of_one_mark_are_one_run() {
        assert_eq!(
            reordered("02 2019年主要预期目标\n▲\n6%—6.5%\n地区生产总值增长\n▲\n与经济增长同步\n居民人均可支配收入增长\n▲\n48微克/立方米左右\n细颗粒物（PM2.5）年均浓度\n▲\n3.5%以内\n城镇登记失业率\n03 目标从哪来").as_deref(),
            Some("02 2019年主要预期目标\n▲\n地区生产总值增长6%—6.5%\n▲\n居民人均可支配收入增长与经济增长同步\n▲\n细颗粒物（PM2.5）年均浓度48微克/立方米左右\n▲\n城镇登记失业率3.5%以内\n03 目标从哪来")
        );
    }

    #[test]
    fn two_aims_in_words_in_a_row_are_read_after_their_names() {
        assert_eq!(
            reordered("【2023年主要预期目标】\n6.5%左右\n地区生产总值增长\n稳中提质\n外贸进出口\n与经济增长同步\n城乡居民收入增长\n5.5%以内\n城镇调查失业率\n【今后五年奋斗目标】").as_deref(),
            Some("【2023年主要预期目标】\n地区生产总值增长6.5%左右\n外贸进出口稳中提质\n城乡居民收入增长与经济增长同步\n城镇调查失业率5.5%以内\n【今后五年奋斗目标】")
        );
    }

    #[test]
    fn two_figures_joined_on_one_line_pair_with_the_name_that_shares_them() {
        assert_eq!(
            reordered("2019年主要预期目标\n9.5%左右\n地区生产总值增长\n8%\n一般公共预算收入增长\n9%和10%\n城镇、农村常住居民人均可支配收入分别增长\n4.5%以内\n城镇登记失业率控制在\n2019年十件民生实事").as_deref(),
            Some("2019年主要预期目标\n地区生产总值增长9.5%左右\n一般公共预算收入增长8%\n城镇、农村常住居民人均可支配收入分别增长9%和10%\n城镇登记失业率控制在4.5%以内\n2019年十件民生实事")
        );
    }

    #[test]
    fn names_above_their_figures_stay() {
        assert_eq!(
            reordered(
                "主要预期目标\n地区生产总值\n8%以上\n固定资产投资\n10%\n城镇调查失业率\n5.5%以内\n阅读原文"
            ),
            None
        );
    }
}
