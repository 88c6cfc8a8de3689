//! Names and figures as news pages spell them, written for these tests (not
//! taken from the fixtures): the resident population's incomes (城乡常住居民
//! 收入), jobs without 城镇 (新增就业人数), a floor written 至少, a variant
//! char of 值 (値) on converted pages, a code in brackets inside a name
//! (细颗粒物（PM2.5）平均浓度), pollutants sharing the emission's tail,
//! visits counted (接待游客人次), a level recovered (恢复到), a growth on a
//! comparable basis (按同口径增长), a grown quality after 增长 (增长促稳提质),
//! a margin over a prefecture's average (高于全州平均水平) or over another
//! target (目标高出), Taiwan's 成長, a cover's degree (盖度) and livestock
//! counted in 万头只.

use baogao_model::{Measure, Qualifier};

use crate::variations::run;

/// (indicator, qualifier, value) of every target of the year's list `items`.
fn rows(items: &str) -> Vec<(String, Qualifier, Option<f64>)> {
    let text = format!(
        "2016年XX市政府工作报告\n今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右，{items}。\n"
    );
    run(&text)
        .targets
        .into_iter()
        .skip(1)
        .map(|t| (t.indicator, t.qualifier, t.value))
        .collect()
}

fn row(id: &str, q: Qualifier, v: f64) -> (String, Qualifier, Option<f64>) {
    (id.to_owned(), q, Some(v))
}

#[test]
fn the_resident_populations_incomes_are_urban_and_rural() {
    assert_eq!(
        rows("城乡常住居民收入分别增长8%和8.5%"),
        [
            row("urban_disposable_income", Qualifier::Exact, 8.0),
            row("rural_disposable_income", Qualifier::Exact, 8.5)
        ]
    );
}

#[test]
fn the_herders_resident_income_is_rural() {
    assert_eq!(
        rows("农村牧区常住居民人均可支配收入增长8%"),
        [row("rural_disposable_income", Qualifier::Exact, 8.0)]
    );
}

#[test]
fn new_jobs_without_the_towns_word_are_the_towns_new_jobs() {
    assert_eq!(
        rows("新增就业人数4万人"),
        [row("new_urban_jobs", Qualifier::Exact, 4.0)]
    );
}

#[test]
fn at_least_is_a_floor_before_the_verb_or_the_figure() {
    assert_eq!(
        rows("规模以上工业增加值至少增长14%，固定资产投资增长至少20%"),
        [
            row("industrial_value_added", Qualifier::AtLeast, 14.0),
            row("fixed_asset_investment", Qualifier::AtLeast, 20.0)
        ]
    );
}

#[test]
fn a_variant_char_of_value_reads_as_value() {
    assert_eq!(
        rows("規模以上工業增加値增長10%"),
        [row("industrial_value_added", Qualifier::Exact, 10.0)]
    );
}

#[test]
fn a_code_in_brackets_inside_a_name_is_part_of_it() {
    assert_eq!(
        rows("细颗粒物（PM2.5）平均浓度下降5%以上"),
        [row("other:细颗粒物平均浓度", Qualifier::AtLeast, -5.0)]
    );
}

#[test]
fn pollutants_share_the_emissions_tail() {
    let ids: Vec<String> = rows("化学需氧量、二氧化硫排放量分别下降2.5%、4%")
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(ids, ["other:化学需氧量排放量", "other:二氧化硫排放量"]);
}

#[test]
fn a_level_reached_and_a_growth_on_its_own_base_end_the_name() {
    assert_eq!(
        rows("城镇登记失业率降至4.2%以内，常住人口城镇化率升至52%，粮食总产增至22万吨"),
        [
            row("unemployment_rate", Qualifier::AtMost, 4.2),
            row("other:常住人口城镇化率", Qualifier::Exact, 52.0),
            row("grain_output", Qualifier::Exact, 22.0),
        ]
    );
    assert_eq!(
        rows(
            "一般公共预算收入可比增长3%，规模以上工业增加值剔除价格因素后增长6%，居民人均可支配收入扣除价格因素实际增长5.5%"
        ),
        [
            row("general_budget_revenue", Qualifier::Exact, 3.0),
            row("industrial_value_added", Qualifier::Exact, 6.0),
            row("disposable_income", Qualifier::Exact, 5.5),
        ]
    );
    // a rate of rise that falls back to a figure is that figure, not a fall
    assert_eq!(
        rows("居民消费价格涨幅回落到4%左右"),
        [row("cpi", Qualifier::About, 4.0)]
    );
}

#[test]
fn short_names_and_symbols_of_units() {
    assert_eq!(
        rows("固投增长8%，社零增长9%，FDI实现70亿美元，国民经济保持12%左右的增长"),
        [
            row("fixed_asset_investment", Qualifier::Exact, 8.0),
            row("retail_sales", Qualifier::Exact, 9.0),
            row("fdi", Qualifier::Exact, 70.0),
            row("gdp", Qualifier::About, 12.0),
        ]
    );
    // contracted investment and services trade are not their totals
    assert_eq!(
        rows("协议外资60亿美元，服务贸易进出口总额增长20%"),
        [
            row("other:协议外资", Qualifier::Exact, 60.0),
            row("other:服务贸易进出口总额", Qualifier::Exact, 20.0),
        ]
    );
    let out = run(
        "2016年XX市政府工作报告\n今年全市经济社会发展的主要预期目标是：PM2.5年均浓度控制在30μg/m³以内，万元生产总值综合能耗降至1.6吨标准煤。\n",
    );
    let units: Vec<Option<&str>> = out.targets.iter().map(|t| t.unit.as_deref()).collect();
    assert_eq!(units, [Some("微克/立方米"), Some("吨标准煤")]);
}

#[test]
fn pollutants_joined_by_he_share_the_emission_and_its_figure() {
    assert_eq!(
        rows("二氧化硫和化学需氧量排放总量削减2%"),
        [
            row("other:二氧化硫排放总量", Qualifier::Exact, -2.0),
            row("other:化学需氧量排放总量", Qualifier::Exact, -2.0),
        ]
    );
    assert_eq!(
        rows("二氧化硫、化学需氧量排放总量均削减2%"),
        [
            row("other:二氧化硫排放总量", Qualifier::Exact, -2.0),
            row("other:化学需氧量排放总量", Qualifier::Exact, -2.0),
        ]
    );
}

#[test]
fn chao_before_a_figure_is_a_floor_and_bu_chao_a_ceiling() {
    assert_eq!(
        rows("规模以上工业增加值增长超8%，新增城镇就业超5万人，城镇登记失业率不超4.5%"),
        [
            row("industrial_value_added", Qualifier::AtLeast, 8.0),
            row("new_urban_jobs", Qualifier::AtLeast, 5.0),
            row("unemployment_rate", Qualifier::AtMost, 4.5),
        ]
    );
}

#[test]
fn taiwans_words_for_growth_and_gdp() {
    assert_eq!(
        rows("國內生產毛額成長8%，固定資產投資成長9%"),
        [
            row("gdp", Qualifier::Exact, 8.0),
            row("fixed_asset_investment", Qualifier::Exact, 9.0),
        ]
    );
}

#[test]
fn a_concentration_is_a_measure() {
    let got = rows("细颗粒物（PM2.5）年均浓度继续下降");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "other:细颗粒物年均浓度");
    assert_eq!(got[0].1, Qualifier::Qualitative);
}

#[test]
fn ge_hands_one_figure_to_each_name() {
    assert_eq!(
        rows(
            "城镇居民人均可支配收入和农民人均纯收入各增长7%，化学需氧量和二氧化硫排放总量各削减2%"
        ),
        [
            row("urban_disposable_income", Qualifier::Exact, 7.0),
            row("rural_disposable_income", Qualifier::Exact, 7.0),
            row("other:化学需氧量排放总量", Qualifier::Exact, -2.0),
            row("other:二氧化硫排放总量", Qualifier::Exact, -2.0),
        ]
    );
}

#[test]
fn hong_kong_and_taiwan_words_read_as_the_mainlands() {
    // (兆 is 万亿 before money or grain; 升幅 is 涨幅; 消费者物价指数 is CPI)
    let got = rows("消費者物價指數升幅2%左右，糧食產量1.3兆斤以上");
    assert_eq!(
        got,
        [
            row("cpi", Qualifier::About, 2.0),
            row("grain_output", Qualifier::AtLeast, 1.3),
        ]
    );
    let units: Vec<_> = run(
        "2016年XX市政府工作报告\n今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右，粮食产量1.3兆斤以上。\n",
    )
    .targets
    .into_iter()
    .map(|t| t.unit)
    .collect();
    assert_eq!(units, [Some("%".to_owned()), Some("万亿斤".to_owned())]);
}

#[test]
fn a_scope_in_brackets_is_the_scope_before_the_name() {
    assert_eq!(
        rows("工业增加值（规模以上）增长8%"),
        [row("industrial_value_added", Qualifier::Exact, 8.0)]
    );
}

#[test]
fn close_to_a_figure_is_about_it() {
    assert_eq!(
        rows("社会消费品零售总额增长近6%，一般公共预算收入增长接近5%"),
        [
            row("retail_sales", Qualifier::About, 6.0),
            row("general_budget_revenue", Qualifier::About, 5.0),
        ]
    );
}

#[test]
fn a_contrast_after_the_name_is_no_part_of_it() {
    // (2026年全市GDP则预期增长5%左右)
    assert_eq!(
        rows("一般公共预算收入则预期增长3%"),
        [row("general_budget_revenue", Qualifier::Exact, 3.0)]
    );
}

#[test]
fn a_comparable_basis_and_a_cut_revenue_name_read_as_the_revenue() {
    // (可比口径 says how the growth is measured; 收入 cut by the writer)
    assert_eq!(
        rows("一般公共预算收入可比口径增长8%，一般公共财政预算增长6%"),
        [
            row("general_budget_revenue", Qualifier::Exact, 8.0),
            row("general_budget_revenue", Qualifier::Exact, 6.0),
        ]
    );
}

#[test]
fn level_with_a_wider_average_is_the_indicators_qualitative_target() {
    // (与全省持平 compares with the province, not with last year's level)
    let got = rows("城镇居民人均可支配收入增速与全省持平");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "urban_disposable_income");
    assert_eq!(got[0].1, Qualifier::Qualitative);
}

#[test]
fn a_set_of_indicators_left_unnamed_is_no_target() {
    assert_eq!(
        rows("一批反映高质量发展成效的结构性、内涵性指标进一步优化提升"),
        []
    );
}

#[test]
fn one_name_before_a_generic_word_is_the_name() {
    // (生态环境质量等指标: the name is what stands before 等)
    let got = rows("生态环境质量等指标完成市下达任务");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "other:生态环境质量");
}

#[test]
fn visits_counted_are_a_measure_and_a_level_recovered_ends_the_name() {
    assert_eq!(
        rows("接待游客人次稳中有升，接待海内外游客恢复到4000万人次"),
        [
            (
                "other:接待游客人次".to_owned(),
                Qualifier::Qualitative,
                None
            ),
            row("other:接待海内外游客", Qualifier::Exact, 4000.0),
        ]
    );
}

#[test]
fn a_growth_on_a_comparable_basis_and_a_grown_quality_leave_the_name() {
    // (按同口径 measures the growth; 增长 before 促稳提质 is the predicate's)
    assert_eq!(
        rows("一般公共预算收入按同口径增长3%，进出口总额增长促稳提质，实际使用外资增速稳中有进"),
        [
            row("general_budget_revenue", Qualifier::Exact, 3.0),
            ("foreign_trade".to_owned(), Qualifier::Qualitative, None),
            ("fdi".to_owned(), Qualifier::Qualitative, None),
        ]
    );
}

#[test]
fn a_margin_over_a_prefectures_average_is_a_growth_and_a_margin_over_a_target_none() {
    let got = run(
        "2016年XX县政府工作报告\n今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右，规上工业增加值增速高于全州平均水平1个百分点以上，全县的目标高出1个百分点。\n",
    );
    let rows: Vec<(&str, Measure, Option<f64>, Option<&str>)> = got
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.measure, t.value, t.unit.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", Measure::Growth, Some(7.0), Some("%")),
            (
                "industrial_value_added",
                Measure::Growth,
                Some(1.0),
                Some("个百分点")
            ),
        ]
    );
}

#[test]
fn taiwans_word_for_growth_a_cover_and_head_of_livestock() {
    let got = run(
        "2016年XX盟行政公署工作报告\n今年全盟经济社会发展的主要预期目标是：地区生产总值增长7%左右，居民人均可支配收入成長與經濟成長同步，牧业年度牲畜总头数稳定在1500万头只左右，草原综合植被盖度稳定在45%。\n",
    );
    let rows: Vec<(&str, Measure, Option<&str>)> = got
        .targets
        .iter()
        .skip(1)
        .map(|t| (t.indicator.as_str(), t.measure, t.unit.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("disposable_income", Measure::Growth, None),
            ("other:牧业年度牲畜总头数", Measure::Level, Some("万头只")),
            ("other:草原综合植被盖度", Measure::Share, Some("%")),
        ]
    );
}
