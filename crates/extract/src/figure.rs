//! Figures of an item: value, range, unit, qualifier, measure, stretch.

use baogao_model::{Measure, Qualifier};

use crate::clause::STRETCH_WORDS;
use crate::item::{Fig, Seg};
use crate::number::{self, Num};

pub(crate) fn one_significant_digit(v: f64) -> bool {
    if v <= 0.0 || v.fract() != 0.0 {
        return false;
    }
    let mut x = v;
    while x >= 10.0 && x % 10.0 == 0.0 {
        x /= 10.0;
    }
    x < 10.0
}

/// Qualifiers of each figure: (figure, qualifier, hard word, soft word).
pub(crate) fn with_quals(
    c: &[char],
    nums: &[Num],
    name_end: usize,
) -> Vec<(Num, Qualifier, bool, bool)> {
    let mut out = Vec::new();
    let mut prev_end = name_end;
    for (i, x) in nums.iter().enumerate() {
        let from = if i == 0 { name_end } else { prev_end };
        let before: String = c[from.min(x.start)..x.start].iter().collect();
        let after = number::qual_after(c, x.end);
        let q = match (x.qual, after) {
            (Some(Qualifier::Range), _) => Qualifier::Range,
            (_, Some((q, _))) | (Some(q), None) => q,
            // (规模以上工业增加值至少增长14%: the floor's word read with the name)
            (None, None) if i == 0 && c[..name_end.min(c.len())].ends_with(&['至', '少']) => {
                Qualifier::AtLeast
            }
            (None, None) => {
                number::qual_before(c, from.min(x.start), x.start).unwrap_or(Qualifier::Exact)
            }
        };
        let hard = before.contains("确保")
            || before.contains("不低于")
            || before.contains("突破")
            || before.contains("超过");
        let soft = before.contains("预期") || STRETCH_WORDS.iter().any(|w| before.contains(w));
        prev_end = after.map_or(x.end, |(_, e)| e);
        out.push((x.clone(), q, hard, soft));
    }
    out
}

pub(crate) fn raw_fig(c: &[char], seg: &Seg, k: usize) -> Fig {
    let (x, q, hard, soft) = &seg.nums[k];
    let from = if k == 0 {
        seg.name_end
    } else {
        seg.nums[k - 1].0.end
    };
    let before: String = c[from.min(x.start)..x.start].iter().collect();
    let decline = ["下降", "降低", "减少", "回落", "下滑", "压减", "削减"]
        .iter()
        .any(|w| before.contains(w))
        && ![
            "降到",
            "降至",
            "降低到",
            "下降到",
            "下降至",
            "减少到",
            "减少至",
            "回落到",
            "回落至",
        ]
        .iter()
        .any(|w| before.contains(w));
    let growth_word = ["增长", "增速", "增幅", "增", "涨", "成长"]
        .iter()
        .any(|w| before.contains(w))
        || (k > 0 && seg.fenbie.is_some());
    let sign = if decline { -1.0 } else { 1.0 };
    // milestones: 首次突破1900亿元, 突破8000亿元大关, 突破5000亿元
    let after: String = c[x.end..seg.end].iter().collect();
    let milestone = (before.ends_with("突破") || before.ends_with("冲破"))
        && (c[seg.start..x.start]
            .iter()
            .collect::<String>()
            .contains("首次")
            || after.starts_with("大关")
            || one_significant_digit(x.value));
    Fig {
        value: Some(x.value * sign),
        max: x.max.map(|m| m * sign),
        unit: (!x.unit.is_empty()).then_some(x.unit),
        qual: *q,
        measure: if decline {
            Measure::Change
        } else if growth_word {
            Measure::Growth
        } else {
            Measure::Level
        },
        stretch: None,
        hard_word: *hard,
        soft_word: *soft,
        milestone,
        margin: growth_word && x.unit == "个百分点" && compares_with_a_wider_area(&before),
    }
}

/// Whether `before` compares with a wider area's average, which makes a
/// growth's points its margin (增速高于全省平均水平0.5个百分点, 快于全州).
fn compares_with_a_wider_area(before: &str) -> bool {
    WIDER_AREAS.iter().any(|area| {
        before.match_indices(area).any(|(k, _)| {
            ["高于", "快于", "超过", "超出", "比"]
                .iter()
                .any(|w| before[..k].ends_with(w))
        })
    })
}

/// The wider areas a growth is compared with (全国, 全省 …).
const WIDER_AREAS: [&str; 6] = ["全国", "全省", "全市", "全区", "全州", "全盟"];

pub(crate) fn seg_figs(seg: &Seg, c: &[char]) -> Vec<Fig> {
    if seg.flat && seg.nums.is_empty() {
        return vec![flat_fig()];
    }
    (0..seg.nums.len()).map(|k| raw_fig(c, seg, k)).collect()
}

pub(crate) fn flat_fig() -> Fig {
    Fig {
        value: Some(0.0),
        max: None,
        unit: Some("%"),
        qual: Qualifier::Exact,
        measure: Measure::Growth,
        stretch: None,
        hard_word: false,
        soft_word: false,
        milestone: false,
        margin: false,
    }
}

/// The figures of a 分别 list, one per name; a qualifier written only after the
/// last figure applies to every figure.
pub(crate) fn fenbie_figs(seg: &Seg, count: usize, c: &[char]) -> Vec<Fig> {
    let mut figs: Vec<Fig> = (0..seg.nums.len()).map(|k| raw_fig(c, seg, k)).collect();
    let growth = figs.first().is_some_and(|f| f.measure == Measure::Growth);
    let decline = figs
        .first()
        .is_some_and(|f| f.value.is_some_and(|v| v < 0.0));
    let last_q = figs.last().map(|f| f.qual);
    // 8%和8%以上: a qualifier after a repeated figure marks a difference, so
    // it stays with the figure it follows
    let repeated = figs.len() >= 2
        && figs[..figs.len() - 1]
            .iter()
            .any(|f| f.value.is_some() && f.value == figs[figs.len() - 1].value);
    let all_exact_but_last = figs.len() >= 2
        && !repeated
        && figs[..figs.len() - 1]
            .iter()
            .all(|f| f.qual == Qualifier::Exact);
    for f in &mut figs {
        if growth {
            f.measure = Measure::Growth;
        }
        if decline && f.value.is_some_and(|v| v > 0.0) {
            f.value = f.value.map(|v| -v);
            f.measure = Measure::Change;
        }
        if all_exact_but_last
            && f.qual == Qualifier::Exact
            && let Some(q) = last_q
        {
            f.qual = q;
        }
    }
    figs.truncate(count);
    figs
}

/// Fixes the measure from the indicator, unit and name.
pub(crate) fn finish_fig(mut f: Fig, default: Option<Measure>, name: &str) -> Fig {
    let unit = f.unit.unwrap_or("");
    let decline = f.value.is_some_and(|v| v < 0.0) && f.measure == Measure::Change;
    // an index written with its base (居民消费价格指数103%左右): the level of
    // the index, as written (labelling call 6)
    let index_level = name.contains("指数")
        && (unit == "%" && f.value.is_some_and(|v| v >= 100.0) || f.unit.is_none());
    f.measure = if f.value.is_none() {
        // a qualitative target takes its indicator's measure: a share's
        // (外贸出口额占全市份额保持稳定, 研发经费投入强度高于全国平均水平: a
        // share of GDP), else a change
        default.unwrap_or(
            if ["比重", "占比", "份额", "比例", "投入强度"]
                .iter()
                .any(|w| name.contains(w))
            {
                Measure::Share
            } else {
                Measure::Change
            },
        )
    } else if index_level {
        Measure::Level
    } else if unit == "个百分点" && f.margin {
        Measure::Growth
    } else if unit == "个百分点" || decline {
        Measure::Change
    } else if unit != "%" && unit != "‰" && f.unit.is_some() {
        Measure::Level
    } else {
        match default {
            Some(m @ (Measure::Rate | Measure::Change | Measure::Share)) => m,
            _ if f.measure == Measure::Growth => Measure::Growth,
            // (a cover's degree, 草原综合植被盖度, is a share too)
            _ if ["率", "比重", "占比", "比例", "强度", "占", "盖度"]
                .iter()
                .any(|w| name.contains(w)) =>
            {
                Measure::Share
            }
            _ => Measure::Growth,
        }
    };
    f
}
