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

/// Asserts the (indicator, qualifier, value) of every target of `text`.
fn reads(text: &str, want: &[(&str, Qualifier, Option<f64>)]) {
    let got = run(text).targets;
    let got: Vec<(&str, Qualifier, Option<f64>)> = got
        .iter()
        .map(|t| (t.indicator.as_str(), t.qualifier, t.value))
        .collect();
    assert_eq!(got, want, "{text}");
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
    reads(
        text,
        &[
            ("gdp", Qualifier::About, Some(6.0)),
            ("foreign_trade", Qualifier::Qualitative, None),
            ("energy_intensity", Qualifier::Qualitative, None),
            ("other:森林覆盖率", Qualifier::Exact, Some(49.0)),
        ],
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

/// A plan's table copied with spaces between its cells (a PDF's or a page's
/// copy), under a header whose target column is 2013年计划 and whose last
/// column is the growth over last year: each row gives the target's level
/// and its growth; a rate's row has no growth (—); a note under the table
/// ends it, and a higher government's targets printed after it are not the
/// report's.
#[test]
fn a_plans_table_set_with_spaces_reads_each_level_and_its_growth() {
    let text = "某某旗2013年国民经济和社会发展计划主要指标（草案）\n发布日期：2013-01-22\n\n指标名称 单位 2012年预计 2013年计划 2013年比上年增长（%）\n地区生产总值 亿元 1015 1125 11\n全社会固定资产投资 亿元 560 600 7\n城镇登记失业率 % 3.5 4以内 —\n\n主要指标说明：\n1.地区生产总值增长速度按可比价格计算。\n\n附：某某市2013年主要预期目标：地区生产总值增长10%，公共财政预算收入增长8%。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 1125.0, "亿元"),
            row("gdp", Qualifier::Exact, 11.0, "%"),
            row("fixed_asset_investment", Qualifier::Exact, 600.0, "亿元"),
            row("fixed_asset_investment", Qualifier::Exact, 7.0, "%"),
            row("unemployment_rate", Qualifier::AtMost, 4.0, "%"),
        ]
    );
}

/// A plan's table whose target column holds no data (—) where the row's
/// target is its growth: the growth column's figure is the target.
#[test]
fn a_plans_row_with_no_target_level_reads_its_growth() {
    let text = "某省2013年国民经济和社会发展计划草案\n发布日期：2013-01-27\n建议2013年全省经济社会发展的主要预期目标安排如下：\n指标\t单位\t2012年预计\t2013年计划\t2013年比上年增长（%）\n地区生产总值\t亿元\t17200\t18900\t10\n规模以上工业增加值\t亿元\t—\t—\t13\n城镇居民人均可支配收入\t元\t21000\t—\t10\n城镇登记失业率\t%\t3.7\t4.5以内\t—\n注：地区生产总值增长速度按可比价格计算。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 18900.0, "亿元"),
            row("gdp", Qualifier::Exact, 10.0, "%"),
            row("industrial_value_added", Qualifier::Exact, 13.0, "%"),
            row("urban_disposable_income", Qualifier::Exact, 10.0, "%"),
            row("unemployment_rate", Qualifier::AtMost, 4.5, "%"),
        ]
    );
}

/// A plan's table copied one cell a line (a page's table pasted as text):
/// the header's cells under 指标 give the row's length; each row reads as
/// a row of cells, and its evidence is the text as written.
#[test]
fn a_plans_table_copied_one_cell_a_line_reads_row_by_row() {
    let text = "某省2013年计划草案的报告\n——2013年1月27日在某省第十二届人民代表大会第一次会议上\n建议2013年全省经济社会发展的主要预期目标安排如下（见附表）。\n附表：2013年主要指标\n指标\n单位\n2012年预计\n2013年计划\n2013年比上年增长（%）\n地区生产总值\n亿元\n17200\n18900\n10\n规模以上工业增加值\n亿元\n—\n—\n13\n城镇登记失业率\n%\n3.7\n4.5以内\n—\n注：地区生产总值增长速度按可比价格计算。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", Qualifier::Exact, 18900.0, "亿元"),
            row("gdp", Qualifier::Exact, 10.0, "%"),
            row("industrial_value_added", Qualifier::Exact, 13.0, "%"),
            row("unemployment_rate", Qualifier::AtMost, 4.5, "%"),
        ]
    );
    let first = &run(text).targets[0];
    assert_eq!(first.text, "地区生产总值\n亿元\n17200\n18900\n10");
}

/// An infographic's targets one name a line and its figure the line under
/// it: a figure line may open with 稳定在 or 提高到, or state a target in
/// words (增长与经济增长基本同步); a non-standard target between canonical
/// ones goes on with the list; a bracketed heading of the work
/// (【2022年重点任务】) ends it, and its 力争 aims are the work's.
#[test]
fn an_infographics_lines_read_to_the_heading_of_the_work() {
    let text = "图解：2022年某某省政府工作报告\n\n【2021年主要成绩】\n地区生产总值\n2.26万亿元\n增长9.1%\n\n【2022年主要预期目标】\n地区生产总值\n增长6.5%以上\n研发经费投入强度\n达到1.3%\n城镇新增就业\n45万人以上\n居民人均可支配收入\n增长与经济增长基本同步\n粮食产量\n稳定在280亿斤以上\n森林覆盖率\n提高到24%\n\n【2022年重点任务】\n力争规上工业增加值增长8%以上\n力争新增市场主体50万户\n";
    reads(
        text,
        &[
            ("gdp", Qualifier::AtLeast, Some(6.5)),
            ("other:研发经费投入强度", Qualifier::Exact, Some(1.3)),
            ("new_urban_jobs", Qualifier::AtLeast, Some(45.0)),
            ("disposable_income", Qualifier::Qualitative, None),
            ("grain_output", Qualifier::AtLeast, Some(280.0)),
            ("other:森林覆盖率", Qualifier::Exact, Some(24.0)),
        ],
    );
}

/// A post's card list of the targets, then a heading set between two marks
/// (◆划重点◆) over bullets of the work's aims: the heading ends the list.
#[test]
fn a_framed_heading_after_the_cards_ends_the_list() {
    let text = "一图读懂2014年县政府工作报告\n发布日期：2014-02-21\n\n◆展望2014◆\n2014年是全面深化改革的开局之年。政府工作的总体要求是：坚持稳中求进。\n\n2014年主要预期目标\n8.5%左右\n——地区生产总值增长\n15%\n——固定资产投资增长\n3.5%以内\n——城镇登记失业率\n\n◆划重点◆\n👉 美丽乡村：创建省级美丽乡村精品村5个，力争全县美丽乡村覆盖率达到90%\n👉 美丽产业：力争新引进亿元以上产业项目20个，规模以上工业增加值增长9%以上\n";
    reads(
        text,
        &[
            ("gdp", Qualifier::About, Some(8.5)),
            ("fixed_asset_investment", Qualifier::Exact, Some(15.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(3.5)),
        ],
    );
}

/// An infographic's cards written figure above name and parted by blank
/// lines, under a heading framed by rules (━━━ 2024年 主要预期目标 ━━━): an
/// aim in words (与经济增长同步) stands where a figure would, and the next
/// framed heading of the work (━━━ 2024年 重点工作 ━━━) ends the list.
#[test]
fn cards_parted_by_blank_lines_under_framed_headings() {
    let text = "一图读懂｜2024年某某市政府工作报告\n2024-01-31\n\n━━━ 2024年 主要预期目标 ━━━\n\n6%以上\n地区生产总值增长\n\n5%\n一般公共预算收入增长\n\n与经济增长同步\n居民人均可支配收入增长\n\n6万人以上\n城镇新增就业\n\n━━━ 2024年 重点工作 ━━━\n\n◆ 力争新开工亿元以上项目400个以上，完成投资1200亿元\n◆ 力争规上工业增加值增长8%，新增规上工业企业200家\n";
    reads(
        text,
        &[
            ("gdp", Qualifier::AtLeast, Some(6.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(5.0)),
            ("disposable_income", Qualifier::Qualitative, None),
            ("new_urban_jobs", Qualifier::AtLeast, Some(6.0)),
        ],
    );
}

/// An infographic's cards under their own heading of the year's targets
/// (【图二｜2019年 主要预期目标】), last year's cards above and the work's
/// below, then the editor's notes with a cue of their own (今年GDP增速目标
/// 是…): the cards under the targets' heading are the list.
#[test]
fn cards_under_the_targets_heading_win_over_a_note_after_the_work() {
    reads(
        "一图读懂｜2019年福建省政府工作报告\n福建发布　2019-01-15\n【图一｜2018年 成绩亮眼】\n\n8.3%\n地区生产总值增长\n\n3.7%\n城镇登记失业率\n\n【图二｜2019年 主要预期目标】\n\n8%—8.5%\n地区生产总值增长\n\n10%左右\n固定资产投资增长\n\n4%以内\n城镇登记失业率\n\n【图三｜2019年 重点工作】\n\n新增城镇就业6万人\n\n【小编划重点】\n📌今年GDP增速目标是一个区间：8%—8.5%，上限与去年的“8.5%左右”持平。省发改委相关负责人表示，“区间目标”既体现了稳中求进。\n",
        &[
            ("gdp", Qualifier::Range, Some(8.0)),
            ("fixed_asset_investment", Qualifier::About, Some(10.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(4.0)),
        ],
    );
}

#[test]
fn an_infographics_pairs_under_a_mark_each_are_one_list() {
    // (each figure above its name, a ▲ on a line of its own over each pair,
    // a name with a code's digits, PM2.5)
    let text = "图解：2019年朝阳区政府工作报告\n02 2019年主要预期目标\n▲\n6%—6.5%\n地区生产总值增长\n▲\n5%\n一般公共预算收入增长\n▲\n与经济增长同步\n居民人均可支配收入增长\n▲\n3.5%以内\n城镇登记失业率\n▲\n48微克/立方米左右\n细颗粒物（PM2.5）年均浓度\n▲\n3.5%\n万元地区生产总值能耗下降\n03 目标从哪来\n全市地区生产总值增长6%—6.5%，朝阳区目标与全市保持一致。";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "disposable_income",
            "unemployment_rate",
            "other:细颗粒物年均浓度",
            "energy_intensity"
        ]
    );
}

#[test]
fn an_infographics_heading_of_the_years_projects_ends_its_targets() {
    // figures above their names, two joined on one line, then the heading
    // of the projects for the people: their lines are no targets
    let text = "一图读懂2019年某市政府工作报告\n发布时间：2019-01-22\n2019年主要预期目标\n9.5%左右\n地区生产总值增长\n10%\n固定资产投资增长\n8%\n一般公共预算收入增长\n9%和10%\n城镇、农村常住居民人均可支配收入分别增长\n4.5%以内\n城镇登记失业率控制在\n2019年十件民生实事\n新增城镇就业6万人\n新建改扩建幼儿园60所\n";
    reads(
        text,
        &[
            ("gdp", Qualifier::About, Some(9.5)),
            ("fixed_asset_investment", Qualifier::Exact, Some(10.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(8.0)),
            ("urban_disposable_income", Qualifier::Exact, Some(9.0)),
            ("rural_disposable_income", Qualifier::Exact, Some(10.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(4.5)),
        ],
    );
}

#[test]
fn an_infographics_lines_read_name_first_are_not_unwrapped() {
    // short lines throughout, as a wrapped text's are: each pair stays an
    // item of its own line
    let text = "数读｜一图速览2025年某区政府工作报告\n某区发布  2025-01-09 20:15  广东\n\n01  2024年 答卷\n4.5%\n地区生产总值增长\n6800亿元\n经济总量\n连续18年\n保持全市首位\n2.1万人\n城镇新增就业\n\n02  2025年 主要预期目标\n5%左右\n地区生产总值增长\n6%\n规上工业增加值增长\n3%\n固定资产投资增长\n与经济增长同步\n居民人均可支配收入增长\n2.2万人\n城镇新增就业\n5.5%左右\n城镇调查失业率\n\n03  2025年 重点任务\n力争\n500家\n新增规上企业\n力争\n1000亿元\n金融业增加值\n新建\n15个\n口袋公园\n";
    reads(
        text,
        &[
            ("gdp", Qualifier::About, Some(5.0)),
            ("industrial_value_added", Qualifier::Exact, Some(6.0)),
            ("fixed_asset_investment", Qualifier::Exact, Some(3.0)),
            ("disposable_income", Qualifier::Qualitative, None),
            ("new_urban_jobs", Qualifier::Exact, Some(2.2)),
            ("unemployment_rate", Qualifier::About, Some(5.5)),
        ],
    );
}

#[test]
fn infographics_and_tables_typed_in_full_width_read_as_in_half() {
    // figures above their names, names above their figures and a table's
    // cells, each with its digits, points and per cents in full width
    let figure_first = "一图读懂２０２５年某区政府工作报告\n发布  ２０２５-０１-０９\n０２  ２０２５年 主要预期目标\n５％左右\n地区生产总值增长\n６％\n规上工业增加值增长\n５．５％左右\n城镇调查失业率\n０３  ２０２５年 重点任务\n";
    let name_first = "一图读懂｜２０２４年某市政府工作报告\n发布  ２０２４-０１-２８\n２０２４年\n主要预期目标\n地区生产总值增长\n６．５％左右\n规上工业增加值增长\n８％\n固定资产投资增长\n６％\n民生实事\n";
    let table = "某省２０１３年计划草案\n发布日期：２０１３-０１-２７\n建议２０１３年全省经济社会发展的主要预期目标安排如下：\n指标\t单位\t２０１２年预计\t２０１３年计划\t２０１３年比上年增长（％）\n地区生产总值\t亿元\t１７２００\t１８９００\t１０\n城镇登记失业率\t％\t３．７\t４．５以内\t—\n";
    let ids = |text: &str| -> Vec<(String, Option<f64>)> {
        run(text)
            .targets
            .into_iter()
            .map(|t| (t.indicator, t.value))
            .collect()
    };
    let want = |rows: &[(&str, f64)]| -> Vec<(String, Option<f64>)> {
        rows.iter()
            .map(|(i, v)| ((*i).to_owned(), Some(*v)))
            .collect()
    };
    assert_eq!(
        ids(figure_first),
        want(&[
            ("gdp", 5.0),
            ("industrial_value_added", 6.0),
            ("unemployment_rate", 5.5)
        ])
    );
    assert_eq!(
        ids(name_first),
        want(&[
            ("gdp", 6.5),
            ("industrial_value_added", 8.0),
            ("fixed_asset_investment", 6.0)
        ])
    );
    assert_eq!(
        ids(table),
        want(&[("gdp", 18900.0), ("gdp", 10.0), ("unemployment_rate", 4.5)])
    );
}
