//! Targets as 数读 cards and captions print them (the figure first, a dash,
//! then what it is: 6%左右——地区生产总值增长预期目标), a plan's table with
//! last year's columns first, a growth set as a margin over a wider
//! average, and rarer spellings of a figure (增长10%强, 8亿美金), written for
//! these tests (not taken from the fixtures).

use baogao_model::{Measure, Qualifier};

use crate::variations::run;

/// (indicator, qualifier, value, unit) of every target of `text`.
fn rows(text: &str) -> Vec<(String, Qualifier, Option<f64>, Option<String>)> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.qualifier, t.value, t.unit))
        .collect()
}

fn row(
    id: &str,
    q: Qualifier,
    v: f64,
    unit: &str,
) -> (String, Qualifier, Option<f64>, Option<String>) {
    (id.to_owned(), q, Some(v), Some(unit.to_owned()))
}

/// A city paper's card of the year's numbers: last year's results, the
/// year's targets one a line, the work's aims and the plan's goal.
const CARD: &str = "某某日报　2021年2月26日　第02版\n数读政府工作报告丨一组数字带你读懂今年目标\n2月25日，某某市第八届人民代表大会第五次会议开幕。\n【成绩单】\n3010.1亿元——2020年全市地区生产总值，增长4.1%\n11.2%——2020年全社会固定资产投资增速\n3.8万人——2020年城镇新增就业\n【今年目标】\n8%左右——地区生产总值增长预期目标\n8.5%——规模以上工业增加值增长\n10%左右——社会消费品零售总额增长\n8%和9%——城镇、农村居民人均可支配收入分别增长\n4.5万人——城镇新增就业\n5.5%以内——城镇调查失业率\n3%左右——居民消费价格涨幅\n【“十四五”目标】\n4500亿元——到2025年全市经济总量\n";

#[test]
fn a_card_reads_each_figure_with_the_caption_after_it() {
    assert_eq!(
        rows(CARD),
        [
            row("gdp", Qualifier::About, 8.0, "%"),
            row("industrial_value_added", Qualifier::Exact, 8.5, "%"),
            // (零 of 零售 is read as the numeral 〇: the caption is still words)
            row("retail_sales", Qualifier::About, 10.0, "%"),
            row("urban_disposable_income", Qualifier::Exact, 8.0, "%"),
            row("rural_disposable_income", Qualifier::Exact, 9.0, "%"),
            row("new_urban_jobs", Qualifier::Exact, 4.5, "万人"),
            row("unemployment_rate", Qualifier::AtMost, 5.5, "%"),
            row("cpi", Qualifier::About, 3.0, "%"),
        ]
    );
}

#[test]
fn a_cards_lines_are_not_one_wrapped_paragraph() {
    // (each caption ends on a word that wants a figure, 增长, and the next
    // line opens with one: still two cards, not 增长 / 10%)
    let out = run(CARD);
    let texts: Vec<&str> = out.targets.iter().map(|t| t.text.as_str()).collect();
    assert!(texts.contains(&"8.5%——规模以上工业增加值增长"), "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains('\n')), "{texts:?}");
}

#[test]
fn a_bracketed_heading_after_last_years_card_does_not_date_the_targets() {
    // (3.8万人——2020年城镇新增就业 / 【今年目标】 is no 2020年…目标)
    assert_eq!(run(CARD).report.target_year, Some(2021));
}

#[test]
fn a_caption_that_names_its_target_heads_the_list_under_it() {
    let text = "数读2024年某某市政府工作报告\n2024年1月10日\n6%左右——今年全市地区生产总值增长预期目标\n7%以上——规模以上工业增加值增长目标\n12万人：城镇新增就业目标\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::About, 6.0, "%"),
            row("industrial_value_added", Qualifier::AtLeast, 7.0, "%"),
            row("new_urban_jobs", Qualifier::Exact, 12.0, "万人"),
        ]
    );
}

#[test]
fn a_growth_set_above_the_provinces_average_is_its_margin() {
    let text = "2015年某某市政府工作报告\n今年全市经济社会发展的主要预期目标是：生产总值增速高于全省平均水平0.5个百分点以上；规模以上工业增加值增长10%。\n";
    let out = run(text);
    let gdp = &out.targets[0];
    assert_eq!(
        (
            gdp.indicator.as_str(),
            gdp.qualifier,
            gdp.value,
            gdp.unit.as_deref(),
            gdp.measure
        ),
        (
            "gdp",
            Qualifier::AtLeast,
            Some(0.5),
            Some("个百分点"),
            Measure::Growth
        )
    );
    assert_eq!(out.targets.len(), 2);
}

#[test]
fn a_figure_beside_a_comparison_is_no_margin() {
    // (a result above the nation's average, and a growth with its
    // comparison: neither is a margin target)
    let text = "2015年某某市政府工作报告\n去年全市生产总值增长8.1%，高于全国平均水平1个百分点。今年全市经济社会发展的主要预期目标是：生产总值增长8%，高于全国平均水平；规模以上工业增加值增长10%。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 8.0, "%"),
            row("industrial_value_added", Qualifier::Exact, 10.0, "%"),
        ]
    );
}

#[test]
fn a_little_more_than_is_a_floor() {
    let text = "2015年某某市政府工作报告\n今年全市经济社会发展的主要预期目标是：生产总值增长8%，规模以上工业增加值增长10%强，强化创新驱动。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 8.0, "%"),
            row("industrial_value_added", Qualifier::AtLeast, 10.0, "%"),
        ]
    );
}

#[test]
fn dollars_written_meijin_are_kept_as_written_and_counted_as_dollars() {
    let text = "2015年某某市政府工作报告\n今年全市经济社会发展的主要预期目标是：生产总值增长8%，实际利用外资8亿美金。\n";
    let out = run(text);
    let fdi = &out.targets[1];
    assert_eq!(
        (fdi.indicator.as_str(), fdi.value, fdi.unit.as_deref()),
        ("fdi", Some(8.0), Some("亿美金"))
    );
    assert_eq!(fdi.unit_std.as_deref(), Some("亿美元"));
}

#[test]
fn a_plans_table_reads_a_target_in_words_and_goes_on_after_it() {
    // (the target column holds words: last year's figure is no target, and
    // the row, with no figure of its own, is no header that ends the list)
    let text = "今年全州经济社会发展主要预期目标如下：\n指标 | 单位 | 2022年预计 | 2023年目标\n地区生产总值增长 | % | 4.7 | 6左右\n进出口总额增长 | % | 7.6 | 促稳提质\n单位地区生产总值能耗降低 | % | — | 完成省下达目标\n森林覆盖率 | % | 48.5 | 49\n";
    let got = run(text).targets;
    let read: Vec<(&str, Qualifier, Option<f64>)> = got
        .iter()
        .map(|t| (t.indicator.as_str(), t.qualifier, t.value))
        .collect();
    assert_eq!(
        read,
        [
            ("gdp", Qualifier::About, Some(6.0)),
            ("foreign_trade", Qualifier::Qualitative, None),
            ("energy_intensity", Qualifier::Qualitative, None),
            ("other:森林覆盖率", Qualifier::Exact, Some(49.0)),
        ]
    );
}

#[test]
fn a_plans_table_reads_this_years_column_and_both_measures_of_a_name() {
    // (last year's plan and result come first; 生产总值 in 亿元 then its
    // growth in % are two rows of one list, not a restatement)
    let text = "某某市2013年国民经济和社会发展主要预期目标\n发布日期：2013-02-05\n2013年全市国民经济和社会发展主要预期目标如下：\n序号\t指标\t单位\t2012年计划\t2012年实际\t2013年目标\n1\t生产总值\t亿元\t3600\t3654.0\t3950\n2\t生产总值增长\t%\t10\t9.1\t8.5左右\n3\t社会消费品零售总额增长\t%\t15\t-3.1\t13\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 3950.0, "亿元"),
            row("gdp", Qualifier::About, 8.5, "%"),
            row("retail_sales", Qualifier::Exact, 13.0, "%"),
        ]
    );
}
