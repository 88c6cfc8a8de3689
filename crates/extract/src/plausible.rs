//! Figures no government sets as a year's target: a growth of 75% for the
//! economy or a consumer price rise of 35% is a figure whose decimal point a
//! copier dropped (地区生产总值增长75% on a page whose clean copy reads 7.5%),
//! not a target; such rows are dropped, as the labelling rules do
//! (docs/labelling.md, call 11).
//!
//! The bounds are far above every target the labelled corpus holds (its
//! highest: GDP growth 16%, consumer prices 5%, investment growth 35%,
//! unemployment 6%), so a real target, however bold, stays. Revenue growth
//! has no bound: a county's revenue may grow 89% in a year of a new plant.

use baogao_model::{Measure, Target};

/// The highest percentage a target of an indicator with a measure can state.
const MAX_PERCENT: &[(&str, Measure, f64)] = &[
    ("gdp", Measure::Growth, 40.0),
    ("industrial_value_added", Measure::Growth, 60.0),
    ("fixed_asset_investment", Measure::Growth, 100.0),
    ("retail_sales", Measure::Growth, 60.0),
    ("disposable_income", Measure::Growth, 40.0),
    ("urban_disposable_income", Measure::Growth, 40.0),
    ("rural_disposable_income", Measure::Growth, 40.0),
    ("cpi", Measure::Change, 15.0),
    ("unemployment_rate", Measure::Rate, 15.0),
];

/// Whether `t` states a figure its indicator never has as a target.
pub(crate) fn implausible(t: &Target) -> bool {
    if t.unit.as_deref() != Some("%") {
        return false;
    }
    let Some(v) = t.value_max.or(t.value) else {
        return false;
    };
    MAX_PERCENT
        .iter()
        .any(|&(id, measure, max)| t.indicator == id && t.measure == measure && v > max)
}

#[cfg(test)]
mod tests {
    use crate::variations::{ids_and_values, run};

    #[test]
    fn a_figure_whose_decimal_point_was_dropped_is_no_target() {
        let out = run(
            "今年主要预期目标是：地区生产总值增长75%，规模以上工业增加值增长75%左右，固定资产投资增长105%左右，居民消费价格涨幅35%左右，一般公共预算收入增长89.2%，城镇调查失业率控制在5.5%以内。",
        );
        assert_eq!(
            ids_and_values(&out.targets),
            [
                ("general_budget_revenue", Some(89.2)),
                ("unemployment_rate", Some(5.5))
            ]
        );
    }
}
