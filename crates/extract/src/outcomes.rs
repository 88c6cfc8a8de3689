//! The previous year's achieved figures, read from the review part of the
//! report (before the five-year goals and the year's plan).

use crate::clause::Patterns;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::{Norm, sentences};
use crate::sentence;
use baogao_model::{Measure, Qualifier};

/// 连续5年, 连续三年: a statement about a run of years.
fn has_run_of_years(s: &str) -> bool {
    s.match_indices("连续")
        .any(|(i, w)| s[i + w.len()..].chars().take(4).any(|c| c == '年'))
}

/// Words of a sentence about the year's plans, not its results: a target
/// stated (目标是, 目标为), a headline's aim before the body states it again
/// (地区生产总值预期增长5%: 预期 alone is also a result's measure, 好于预期),
/// the coming year (今年).
const PLAN_WORDS: [&str; 4] = ["目标是", "目标为", "预期增长", "今年"];

/// An outcome item with its estimate flag.
pub(crate) struct Found {
    pub(crate) item: Item,
    pub(crate) estimated: bool,
}

/// Reads outcomes from paragraphs `paras` (the review part).
pub(crate) fn read(
    n: &Norm,
    paras: &[(usize, usize)],
    target_year: Option<i32>,
    dict: &Dictionary,
    pat: &Patterns,
) -> Vec<Found> {
    let this_year = target_year.map(|y| format!("{y}年"));
    let mut out = Vec::new();
    let mut five_year = false;
    for &(s, e) in paras {
        let sents = sentences(n, s, e);
        if sents.is_empty() {
            continue;
        }
        // five-year review paragraphs: only the levels reached (end-of-period
        // figures); the state carries over to following paragraphs until the
        // text turns to the past year or a new heading
        let head = n.text(s, e.min(s + 120));
        let heading = e - s <= crate::locate::HEADING_MAX && !head.contains('。');
        if heading {
            five_year = false;
        } else if ["五年", "十四五”时期", "十四五”以来", "十三五"]
            .iter()
            .any(|w| head.contains(w))
        {
            five_year = true;
        } else if ["一年来", "过去一年", "刚刚过去", "初步统计", "初步核算"]
            .iter()
            .any(|w| head.contains(w))
        {
            five_year = false;
        }
        for (a, b) in sents {
            let st = n.text(a, b);
            // no figure, no outcome: most of a review is prose (and reading
            // every sentence's clauses was half the extractor's time)
            if !st.contains(|c: char| {
                c.is_ascii_digit() || matches!(c, '%' | '‰' | '亿' | '万' | '倍')
            }) && !st.contains("百分之")
            {
                continue;
            }
            // nor without the name of an indicator recorded as an outcome
            if !dict.may_name_an_outcome(st) {
                continue;
            }
            // sentences about this year's plans are not results
            if PLAN_WORDS.iter().any(|w| st.contains(w))
                || this_year.as_deref().is_some_and(|y| st.contains(y))
            {
                continue;
            }
            let period = five_year
                || ["年均", "每年", "累计", "五年"]
                    .iter()
                    .any(|w| st.contains(w))
                || has_run_of_years(st);
            for mut item in sentence::read_sentence(n, a, b, dict, pat, Mode::Outcomes) {
                if !dict.is_outcome(&item.indicator) {
                    continue;
                }
                if period {
                    // over a period only end-of-period levels count: 达到…, 增加到…, 由…到…
                    let t = n.text(item.start, item.end);
                    let endpoint = ["达到", "达", "增加到", "提高到", "提升到", "增至", "到"]
                        .iter()
                        .any(|w| t.contains(w));
                    item.figs.retain(|f| {
                        f.measure == Measure::Level
                            && endpoint
                            && item.indicator != "new_urban_jobs"
                    });
                }
                for f in &mut item.figs {
                    // declines of a growth indicator are negative growth
                    if f.measure == Measure::Change
                        && f.unit == Some("%")
                        && dict.measure_of(&item.indicator) == Some(Measure::Growth)
                    {
                        f.measure = Measure::Growth;
                    }
                }
                // stable above a floor is not a figure achieved
                let stable = n.text(item.start, item.end).contains("稳定在");
                item.figs.retain(|f| match f.qual {
                    Qualifier::About | Qualifier::AtMost => false,
                    Qualifier::AtLeast => !stable,
                    _ => true,
                });
                item.figs.retain(|f| f.value.is_some() && !f.milestone);
                if item.figs.is_empty() {
                    continue;
                }
                let estimated = n.text(a, item.end).contains("预计");
                out.push(Found { item, estimated });
            }
        }
    }
    out
}
