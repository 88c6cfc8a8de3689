//! Figures and names as reports word them without digits or in older
//! phrasing, written for these tests (not taken from the fixtures): growth
//! in tenths and multiples (增长两成, 增长一倍), a milestone of one
//! ten-thousand (突破万元), a doubling within the year (实现翻番), a
//! target pegged to the wider government's (与全市目标保持一致), sector
//! lists (一、二、三产业), a headline's 今年目标 heading, 把…目标定在; the
//! look ahead an announcement lends, which a sentence about the past ends;
//! aim verbs in a row before a name (确保完成…); figures listed after
//! several names without 分别 (…和…增长8%和9%); 主要指标 set ahead (a
//! heading of those proposed, 包括：, 中，, 力争 before the first figure); a
//! headline's 增 before a figure (地区生产总值增7.5%); an effort's verb before a
//! name (推动…增长8.5%); a floor and a ceiling parted by 、 (6.5%以上、7%以内).

use baogao_model::{Measure, Qualifier};

use crate::variations::run;

const LEAD: &str = "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；";

/// (indicator, measure, qualifier, value, unit) of a target.
type Row = (String, Measure, Qualifier, Option<f64>, Option<String>);

/// The row of every target.
fn rows(text: &str) -> Vec<Row> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.measure, t.qualifier, t.value, t.unit))
        .collect()
}

/// (indicator, value) of every target.
fn ids_and_values(text: &str) -> Vec<(String, Option<f64>)> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.value))
        .collect()
}

fn row(id: &str, m: Measure, q: Qualifier, v: Option<f64>, unit: Option<&str>) -> Row {
    (id.to_owned(), m, q, v, unit.map(str::to_owned))
}

#[test]
fn growth_in_tenths_and_multiples_is_a_per_cent() {
    let got = rows(&format!(
        "{LEAD}全社会固定资产投资增长两成；外贸出口增长一倍；社会消费品零售总额增长3成以上。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "fixed_asset_investment",
                Measure::Growth,
                Qualifier::Exact,
                Some(20.0),
                Some("%")
            ),
            row(
                "other:外贸出口",
                Measure::Growth,
                Qualifier::Exact,
                Some(100.0),
                Some("%")
            ),
            row(
                "retail_sales",
                Measure::Growth,
                Qualifier::AtLeast,
                Some(30.0),
                Some("%")
            ),
        ]
    );
    // a share of a whole (八成以上) after no verb of growth is no growth
    let share = rows(&format!("{LEAD}八成以上的村达到美丽乡村标准。"));
    assert_eq!(share.len(), 1);
}

#[test]
fn a_milestone_of_one_ten_thousand_is_one_in_its_unit() {
    let got = rows(&format!(
        "{LEAD}农村居民人均纯收入突破万元；人均生产总值超过万美元。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "rural_disposable_income",
                Measure::Level,
                Qualifier::AtLeast,
                Some(1.0),
                Some("万元")
            ),
            row(
                "other:人均生产总值",
                Measure::Level,
                Qualifier::AtLeast,
                Some(1.0),
                Some("万美元")
            ),
        ]
    );
}

#[test]
fn dollars_and_energy_per_output_are_units() {
    let got = rows(&format!(
        "{LEAD}人均生产总值达到5000美元；单位生产总值能耗0.5吨标准煤/万元。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "other:人均生产总值",
                Measure::Level,
                Qualifier::Exact,
                Some(5000.0),
                Some("美元")
            ),
            row(
                "energy_intensity",
                Measure::Level,
                Qualifier::Exact,
                Some(0.5),
                Some("吨标准煤/万元")
            ),
        ]
    );
}

#[test]
fn a_doubling_within_the_year_is_a_qualitative_growth() {
    let got = rows(&format!("{LEAD}规上工业产值再次实现翻番。"));
    assert_eq!(
        got[1..],
        [row(
            "other:规上工业产值",
            Measure::Growth,
            Qualifier::Qualitative,
            None,
            None
        )]
    );
}

#[test]
fn a_growth_held_or_raised_in_quality_is_a_qualitative_growth() {
    // (与上年持平, 稳中有进, 稳中有升, 促稳提质 speak of the flow's growth,
    // even of an indicator counted as an amount, 实际利用外资; 保持稳定 does
    // not say)
    let got = rows(&format!(
        "{LEAD}实际利用外资与上年持平，出口总额促稳提质，进出口总额稳中有进，粮食产量保持稳定，实际使用外资稳中有升。"
    ));
    let measures: Vec<(&str, Measure)> = got[1..].iter().map(|r| (r.0.as_str(), r.1)).collect();
    assert_eq!(
        measures,
        [
            ("fdi", Measure::Growth),
            ("other:出口总额", Measure::Growth),
            ("foreign_trade", Measure::Growth),
            ("grain_output", Measure::Level),
            ("fdi", Measure::Growth),
        ]
    );
}

#[test]
fn a_growth_pegged_to_the_wider_governments_target_is_qualitative() {
    let got = rows(&format!(
        "{LEAD}规上工业增加值、社会消费品零售总额增长率与全市目标保持一致；固定资产投资增长率高于全市目标。"
    ));
    let q = Qualifier::Qualitative;
    assert_eq!(
        got[1..],
        [
            row("industrial_value_added", Measure::Growth, q, None, None),
            row("retail_sales", Measure::Growth, q, None, None),
            row("fixed_asset_investment", Measure::Growth, q, None, None),
        ]
    );
    // 人口自然增长率 keeps its 增长率: it is the name
    let kept = rows(&format!("{LEAD}人口自然增长率保持稳定。"));
    assert_eq!(kept[1].0, "population_growth");
}

#[test]
fn sectors_listed_by_their_ordinals_share_a_figure_each() {
    let out = run(&format!("{LEAD}一、二、三产业分别增长5%、13%、10%。"));
    let got: Vec<(&str, Option<f64>, &str)> = out.targets[1..]
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.text.as_str()))
        .collect();
    let text = "一、二、三产业分别增长5%、13%、10%";
    assert_eq!(
        got,
        [
            ("other:第一产业", Some(5.0), text),
            ("other:第二产业", Some(13.0), text),
            ("other:第三产业", Some(10.0), text),
        ]
    );
    // a numbered item (一、…) still loses its number
    let numbered = run("今年主要预期目标：一、生产总值增长8%；二、财政收入增长9%。");
    assert_eq!(numbered.targets[0].text, "生产总值增长8%");
}

#[test]
fn a_headlines_heading_of_this_years_aims_opens_them() {
    let text = "西安市十五届人大一次会议昨开幕\n\n今年目标\n\n生产总值增长13%\n\n农村居民人均纯收入突破万元\n\n本报讯 昨日上午，西安市第十五届人民代表大会第一次会议开幕。五年来，城镇居民人均可支配收入从10905元增加到25981元。\n";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(ids, ["gdp", "rural_disposable_income"]);
}

#[test]
fn a_target_set_with_ba_and_a_comparison_with_last_year() {
    let got = ids_and_values(
        "今年，我省将继续把经济增长目标定在8%左右，城镇新增就业50万人。\n政府工作报告提出，今年全区固定资产投资增长目标为10.5%，比去年实际增速低1个百分点。",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(8.0)),
            ("new_urban_jobs".to_owned(), Some(50.0)),
            ("fixed_asset_investment".to_owned(), Some(10.5)),
        ]
    );
}

#[test]
fn the_goal_word_set_with_ba_names_no_indicator() {
    // (a journalist's question restates the goal by 目标 alone: no row of
    // its own beside the report's figures)
    let got = ids_and_values(
        "海南省省长答记者问\n2025-03-07 14:20:05　来源：新华网\n全国两会期间，全国人大代表、海南省省长接受记者专访。\n记者：国家今年提出国内生产总值增长5%左右，海南把目标定在6%左右，主要有哪些考虑？\n省长：省人代会通过的政府工作报告提出，今年全省地区生产总值增长6%左右，固定资产投资增长5%。",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(6.0)),
            ("fixed_asset_investment".to_owned(), Some(5.0)),
        ]
    );
}

/// A county's report that names its place only in a firm's name (北京…有限公司)
/// gets no place from it.
#[test]
fn a_firms_name_is_no_place_of_the_report() {
    let out = run(
        "全县经济社会发展的主要预期目标是：地区生产总值增长6.5%以上。加强与北京睿文商道农业科技有限公司合作，推进玉米深加工项目。全县上下要狠抓落实。",
    );
    assert_eq!(out.report.region, None);
    assert_eq!(out.report.province, None);
}

/// A sentence that announces the plan (…各项具体计划，由省发改委组织下达)
/// lends its look ahead to the next sentence only: when that one reviews
/// the past, the results after it are no targets.
#[test]
fn an_announcements_look_ahead_stops_at_a_sentence_about_the_past() {
    let got = ids_and_values(
        "2006年国民经济和社会发展的各项具体计划，由省发改委和有关部门组织下达。\n\n2005年，全省上下较好地完成了全年的各项目标任务。全年生产总值6473.61亿元，增长11.6%。\n\n2006年经济社会发展的主要预期目标是：经济增长率10%，万元生产总值能耗降低4%。\n",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(10.0)),
            ("energy_intensity".to_owned(), Some(-4.0))
        ]
    );
}

/// In a text that never says its year, a sentence that calls its figure
/// the aim (预期增长) opens the targets with no 今年 beside it; a result
/// measured against an aim (未完成预期目标) does not.
#[test]
fn a_sentence_that_calls_its_figures_aims_needs_no_year() {
    let got = ids_and_values(
        "全县上下团结一心。\n全县地区生产总值预期增长9%，一般公共预算收入增长8%。\n",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(9.0)),
            ("general_budget_revenue".to_owned(), Some(8.0))
        ]
    );
    let measured = ids_and_values("全县上下团结一心。\n全县地区生产总值增长6%，未完成预期目标。\n");
    assert!(measured.is_empty(), "{measured:?}");
}

/// 今年是“十四五”开局之年 frames the coming year by its plan: the sentence
/// still states the year's aims.
#[test]
fn the_coming_year_framed_by_its_plan_is_no_five_year_goal() {
    let got = ids_and_values(
        "中新网扬州1月20日电 在19日开幕的扬州市第八届人民代表大会第五次会议上，扬州市市长向大会作政府工作报告。\n今年是“十四五”开局之年，扬州提出了今年经济社会发展的预期性指标，其中，地区生产总值增长6%以上，一般公共预算收入增长4.5%左右。\n",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(6.0)),
            ("general_budget_revenue".to_owned(), Some(4.5))
        ]
    );
    // a five-year goal stays one
    let goal = ids_and_values("今年，扬州提出“十四五”期间地区生产总值年均增长6%以上。\n");
    assert!(goal.is_empty(), "{goal:?}");
}

/// An estimate of the year ending after the coming year's aim
/// (…增长目标为5.5%左右，预计GDP有望突破3500亿元) leaves the aim standing.
#[test]
fn an_estimate_after_the_aim_is_a_statement_of_its_own() {
    let got = ids_and_values(
        "2022年1月10日，茂名市十四届人大一次会议开幕。\n报告提出，2022年茂名地区生产总值增长目标为5.5%左右，预计GDP有望突破3500亿元。\n",
    );
    assert_eq!(got, [("gdp".to_owned(), Some(5.5))]);
}

/// Counts that are no targets: of places that aim higher (…的有23个), of
/// work areas (九项重点工作), and a set of projects sized and counted
/// (总投资1.6万亿元的452个重点项目); 冲破 is a milestone's verb, no name.
#[test]
fn counts_of_places_work_areas_and_projects_are_no_targets() {
    let got = ids_and_values(&format!(
        "{LEAD}预期今年GDP增长率高于去年的有23个；抓好疫情防控、乡村振兴等九项重点工作；实施总投资1.6万亿元的452个重点项目；规模以上工业总产值冲破千亿元。"
    ));
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(6.0)),
            ("other:规模以上工业总产值".to_owned(), Some(1000.0))
        ]
    );
}

/// Qualitative targets in more wordings: a steady or some increase (稳步增加,
/// 有所增长, 增加较多, 逐年提高), a price rise kept in check (得到有效控制), a
/// task named with its completion (节能减排任务全面完成), a state kept on
/// the whole (总体保持稳定), a level kept at the province's mark (稳定在省定
/// 目标以上).
#[test]
fn more_wordings_of_qualitative_targets() {
    let got = rows(&format!(
        "{LEAD}城乡居民收入稳步增加；节能减排任务全面完成；环境质量总体保持稳定；粮食总产量稳定在省定目标以上；外贸出口有所增长；农民收入增加较多；物价涨幅得到有效控制；城乡居民收入水平逐年提高。"
    ));
    let q = Qualifier::Qualitative;
    assert_eq!(
        got[1..],
        [
            row("disposable_income", Measure::Growth, q, None, None),
            row("other:节能减排", Measure::Change, q, None, None),
            row("other:环境质量", Measure::Change, q, None, None),
            row("grain_output", Measure::Level, q, None, None),
            row("other:外贸出口", Measure::Growth, q, None, None),
            row("rural_disposable_income", Measure::Growth, q, None, None),
            row("cpi", Measure::Change, q, None, None),
            row("disposable_income", Measure::Growth, q, None, None),
        ]
    );
}

/// 新增 right before a figure is the name's verb (…人数新增2万人); a name may
/// open with it (新增城镇就业).
#[test]
fn xinzeng_before_a_figure_is_a_verb() {
    let got = ids_and_values(&format!(
        "{LEAD}城镇新增就业人数新增2万人；新增市场主体1万户。"
    ));
    assert_eq!(
        got[1..],
        [
            ("new_urban_jobs".to_owned(), Some(2.0)),
            ("other:新增市场主体".to_owned(), Some(1.0))
        ]
    );
}

/// A review tells the year's aims as met (…增长8.6%左右，实现“三个同步”目标):
/// the sentence is a result, not a target, unless it names the coming year.
#[test]
fn aims_told_as_met_are_results() {
    let got = ids_and_values(
        "2020-01-10\n河南省十三届人大三次会议昨日开幕。省长在报告中透露，初步预计，2019年，全省生产总值突破5万亿元，比去年增长7%以上。财政总收入突破6000亿元；居民人均可支配收入增长8.6%左右，实现“三个同步”“三个高于”目标。\n",
    );
    assert!(got.is_empty(), "{got:?}");
    let aimed = ids_and_values("2020年，全省生产总值增长7%左右，力争实现“三个同步”目标。\n");
    assert_eq!(aimed, [("gdp".to_owned(), Some(7.0))]);
}

#[test]
fn aim_verbs_in_a_row_stand_before_the_name() {
    // 确保完成, 力争完成: two aim verbs, then the name they aim at
    for lead in ["确保完成", "力争完成", "确保实现", "力争实现"] {
        let got = ids_and_values(&format!(
            "报告提出，今年要{lead}地区生产总值增长12%、财政收入增长15%、农民人均纯收入增长10%的目标任务。"
        ));
        assert_eq!(
            got,
            [
                ("gdp".to_owned(), Some(12.0)),
                ("other:财政收入".to_owned(), Some(15.0)),
                ("rural_disposable_income".to_owned(), Some(10.0)),
            ],
            "{lead}"
        );
    }
}

#[test]
fn figures_listed_after_several_names_go_to_them_in_order() {
    // no 分别, yet two names and two figures listed: one figure each
    for names in [
        "城镇居民人均可支配收入和农民人均纯收入",
        "城镇居民人均可支配收入和农民人均纯收入实际",
        "城乡居民人均可支配收入",
    ] {
        let got = ids_and_values(&format!("{LEAD}{names}增长8%和9%。"));
        assert_eq!(
            got[1..],
            [
                ("urban_disposable_income".to_owned(), Some(8.0)),
                ("rural_disposable_income".to_owned(), Some(9.0)),
            ],
            "{names}"
        );
    }
    // one figure for both stays shared
    let got = ids_and_values(&format!(
        "{LEAD}城镇居民人均可支配收入和农民人均纯收入均增长8%。"
    ));
    assert_eq!(
        got[1..],
        [
            ("urban_disposable_income".to_owned(), Some(8.0)),
            ("rural_disposable_income".to_owned(), Some(8.0)),
        ]
    );
}

#[test]
fn a_negated_floor_word_is_a_ceiling() {
    let got = rows(&format!(
        "{LEAD}居民消费价格涨幅不超过3%；城镇登记失业率不高于4.5%；人口自然增长率不超过6‰；一般公共预算收入增长不低于5%。"
    ));
    let quals: Vec<Qualifier> = got[1..].iter().map(|r| r.2).collect();
    assert_eq!(
        quals,
        [
            Qualifier::AtMost,
            Qualifier::AtMost,
            Qualifier::AtMost,
            Qualifier::AtLeast
        ]
    );
    // (及 or 或 before the bound word: 6%或以上 is a floor, 5%或以下 a ceiling)
    let got = rows(&format!(
        "{LEAD}一般公共预算收入增长5%或以上；城镇调查失业率控制在5.5%或以下；居民消费价格涨幅3%及以下。"
    ));
    let quals: Vec<Qualifier> = got[1..].iter().map(|r| r.2).collect();
    assert_eq!(
        quals,
        [Qualifier::AtLeast, Qualifier::AtMost, Qualifier::AtMost]
    );
}

#[test]
fn the_base_or_setting_of_a_figure_is_no_target() {
    // 在上年基础上 between the name and its verb is read past
    let got = ids_and_values(&format!(
        "{LEAD}一般公共预算收入在上年基础上增长5%；城乡居民人均可支配收入在上年的基础上分别增长6%和7%。"
    ));
    assert_eq!(
        got[1..],
        [
            ("general_budget_revenue".to_owned(), Some(5.0)),
            ("urban_disposable_income".to_owned(), Some(6.0)),
            ("rural_disposable_income".to_owned(), Some(7.0)),
        ]
    );
    // a clause 在…的基础上 / 在…的背景下 carries last year's or another's figure
    for setting in ["在去年增长5.2%的基础上", "在全国预期增长5%左右的背景下"]
    {
        let got = ids_and_values(&format!(
            "今年的主要预期目标是：{setting}，全县地区生产总值增长6%左右，一般公共预算收入增长5%。"
        ));
        assert_eq!(
            got,
            [
                ("gdp".to_owned(), Some(6.0)),
                ("general_budget_revenue".to_owned(), Some(5.0)),
            ],
            "{setting}"
        );
    }
}

#[test]
fn ten_thousands_and_more_and_counts_of_livestock() {
    let got = rows(&format!(
        "{LEAD}城镇新增就业1万多人；粮食总产量达到60万余吨；生猪出栏100万头。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "new_urban_jobs",
                Measure::Level,
                Qualifier::AtLeast,
                Some(1.0),
                Some("万人")
            ),
            row(
                "grain_output",
                Measure::Level,
                Qualifier::AtLeast,
                Some(60.0),
                Some("万吨")
            ),
            row(
                "other:生猪出栏",
                Measure::Level,
                Qualifier::Exact,
                Some(100.0),
                Some("万头")
            ),
        ]
    );
    // a 分别 list whose second figure is in a unit of its own keeps it
    let got = rows(&format!(
        "{LEAD}粮食产量、生猪出栏量分别达到50万吨和100万头。"
    ));
    assert_eq!(got[2].3, Some(100.0));
    assert_eq!(got[2].4.as_deref(), Some("万头"));
}

#[test]
fn names_of_their_own_in_a_list_are_not_composed() {
    // 就业 and 出口 end whole names: no tail of the last name is added
    let got = ids_and_values(&format!(
        "{LEAD}城镇新增就业、农村劳动力转移就业分别达到1万人、2万人；外贸出口、规模以上工业增加值分别增长10%和5%。"
    ));
    assert_eq!(
        got[1..],
        [
            ("new_urban_jobs".to_owned(), Some(1.0)),
            ("other:农村劳动力转移就业".to_owned(), Some(2.0)),
            ("other:外贸出口".to_owned(), Some(10.0)),
            ("industrial_value_added".to_owned(), Some(5.0)),
        ]
    );
}

#[test]
fn another_governments_figure_quoted_by_its_verb_is_no_target() {
    let got = ids_and_values(
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。主要考虑是：全国确定增长5%左右，全省确定增长6%左右，我市保持与全省同步。",
    );
    assert_eq!(got, [("gdp".to_owned(), Some(6.0))]);
    let got = ids_and_values(
        "北京市政府工作报告提出，今年地区生产总值增长6.5%左右。上海提出增长6.5%左右。天津提出增长5%左右。",
    );
    assert_eq!(got, [("gdp".to_owned(), Some(6.5))]);
}

#[test]
fn a_sentence_that_sets_out_from_last_years_figure_still_looks_ahead() {
    // 在去年…的基础上 names last year as the base, not as the news
    let got = ids_and_values(
        "在去年地区生产总值增长4.5%的基础上，报告提出今年全市地区生产总值增长6.5%，一般公共预算收入增长5%。",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(6.5)),
            ("general_budget_revenue".to_owned(), Some(5.0)),
        ]
    );
}

#[test]
fn a_net_increase_is_the_named_indicators_level() {
    // labelling call 18: 净增 is the verb, the increase the value
    let got = rows(&format!(
        "{LEAD}地区生产总值净增100亿元以上；固定资产投资净增50亿元。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "gdp",
                Measure::Level,
                Qualifier::AtLeast,
                Some(100.0),
                Some("亿元")
            ),
            row(
                "fixed_asset_investment",
                Measure::Level,
                Qualifier::Exact,
                Some(50.0),
                Some("亿元")
            ),
        ]
    );
}

#[test]
fn a_clause_beyond_the_year_after_its_aims_is_cut_off_not_the_sentence() {
    // the five-year clause told after the year's figures goes; they stay
    let got = ids_and_values(
        "2016年是“十三五”开局之年。今年全省生产总值增长8%左右，一般公共预算收入增长7%，“十三五”期间生产总值年均增长8%左右。",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(8.0)),
            ("general_budget_revenue".to_owned(), Some(7.0)),
        ]
    );
    // a sentence that looks back from its start is still a look back
    let got = ids_and_values("去年全省生产总值增长7.5%，一般公共预算收入增长6%。");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn by_the_years_end_is_no_part_of_a_name() {
    let got = ids_and_values(&format!("{LEAD}到年底常住人口城镇化率达到55%。"));
    assert_eq!(got[1], ("other:常住人口城镇化率".to_owned(), Some(55.0)));
}

#[test]
fn a_growth_in_chinese_numerals_named_before_the_cue_is_read() {
    // 根据今年…增长13%的预期目标: the growth before the cue is a target, in
    // whichever numerals it is written
    for figure in ["13%", "百分之十三"] {
        let got = ids_and_values(&format!(
            "从全市财政工作会议上获悉，根据今年我市经济增长{figure}的预期目标，我市财政一般预算收入预计将增长百分之十四。"
        ));
        assert_eq!(
            got,
            [
                ("gdp".to_owned(), Some(13.0)),
                ("general_budget_revenue".to_owned(), Some(14.0)),
            ],
            "{figure}"
        );
    }
}

#[test]
fn a_tasks_count_does_not_go_on_with_a_list_written_a_sentence_a_line() {
    // one sentence a line: a line naming a measure goes on with the list, a
    // work task's count (推进…等16个项目, 筛选40户企业) does not
    let text = "今年任务\n\n●今年总目标是地区生产总值增长8.5%以上。\n\n●常住人口城镇化率达到60%。\n\n●持续推进甲乙等16个高速公路项目建设。\n\n●筛选40户成长型中小企业，给予专项资金扶持。\n\n●确保地铁3号线上半年投入运行。\n\n●全年新开工项目200个。";
    let got = ids_and_values(text);
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(8.5)),
            ("other:常住人口城镇化率".to_owned(), Some(60.0)),
        ]
    );
}

#[test]
fn a_figure_written_before_what_it_measures_names_it_after() {
    // 完成500亿元固定资产投资: a canonical indicator after its figure;
    // 创造2万个就业岗位: jobs counted after the verb that creates them
    let got = rows(&format!(
        "{LEAD}完成500亿元固定资产投资；实现300亿元社会消费品零售总额；并将创造1.5万个新工作岗位。"
    ));
    assert_eq!(
        got[1..],
        [
            row(
                "fixed_asset_investment",
                Measure::Level,
                Qualifier::Exact,
                Some(500.0),
                Some("亿元")
            ),
            row(
                "retail_sales",
                Measure::Level,
                Qualifier::Exact,
                Some(300.0),
                Some("亿元")
            ),
            row(
                "other:新工作岗位",
                Measure::Level,
                Qualifier::Exact,
                Some(1.5),
                Some("万个")
            ),
        ]
    );
}

#[test]
fn a_list_written_name_colon_figure_reads_every_line() {
    // one item a line, its name before a colon, qualitative lines too: no
    // line is taken for a wrapped paragraph's
    let got = rows(
        "2019年全市主要预期目标\n地区生产总值：增长7%左右\n城镇登记失业率：4%以内\n居民消费价格：涨幅3%左右\n城乡居民收入：与经济增长同步\n单位GDP能耗：完成省下达任务\n",
    );
    let ids: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "unemployment_rate",
            "cpi",
            "disposable_income",
            "energy_intensity"
        ]
    );
    assert_eq!(got[3].2, Qualifier::Qualitative);
}

#[test]
fn why_the_targets_were_set_is_no_part_of_their_list() {
    // the rationale after the list restates a target and its stretch
    let got = ids_and_values(
        "二、2026年工作安排\n2026年全省经济社会发展的主要预期目标是：\n地区生产总值增长5.5%左右，力争6%；\n一般公共预算收入增长3%。\n提出这些目标，主要考虑是：地区生产总值增长5.5%左右，与全国增长目标基本衔接，同时力争6%，体现了后发赶超的要求。\n重点抓好以下工作：",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(5.5)),
            ("general_budget_revenue".to_owned(), Some(3.0)),
        ]
    );
}

#[test]
fn pollutants_sharing_a_measure_are_one_row_each() {
    let got = ids_and_values(&format!(
        "{LEAD}化学需氧量、氨氮排放量均减少2%；二氧化硫、氨氮、氮氧化物排放量分别下降3%、2.5%和4%。"
    ));
    assert_eq!(
        got[1..],
        [
            ("other:化学需氧量".to_owned(), Some(-2.0)),
            ("other:氨氮排放量".to_owned(), Some(-2.0)),
            ("other:二氧化硫排放量".to_owned(), Some(-3.0)),
            ("other:氨氮排放量".to_owned(), Some(-2.5)),
            ("other:氮氧化物排放量".to_owned(), Some(-4.0)),
        ]
    );
}

#[test]
fn the_year_between_a_name_and_its_verb_is_no_part_of_the_name() {
    let got = ids_and_values(
        "今年和“十二五”时期经济社会发展的主要目标是：今年全市生产总值增长11%，“十二五”期间年均增长10%；今年财政一般预算收入增长12%，到2015年突破150亿元；全社会固定资产投资今年增长25%，五年累计完成8000亿元；城镇居民人均可支配收入和农民人均纯收入今年分别增长11%、12%。",
    );
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(11.0)),
            ("general_budget_revenue".to_owned(), Some(12.0)),
            ("fixed_asset_investment".to_owned(), Some(25.0)),
            ("urban_disposable_income".to_owned(), Some(11.0)),
            ("rural_disposable_income".to_owned(), Some(12.0)),
        ]
    );
}

#[test]
fn a_steady_pace_is_no_flat_year() {
    // the 持平 inside 保持平稳 is no 与上年持平
    let got = rows(&format!(
        "{LEAD}经济保持平稳增长；财政收入实现平稳较快增长；生态环境质量只能更好、不能变坏；实际利用外资与上年持平。"
    ));
    let ids: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        ids,
        ["gdp", "gdp", "other:财政收入", "other:生态环境质量", "fdi"]
    );
    assert!(got[1..].iter().all(|r| r.2 == Qualifier::Qualitative));
}

#[test]
fn a_lead_adds_a_named_measure_the_list_leaves_out() {
    let got = ids_and_values(
        "固始新闻网讯 2月25日上午，固始县第十四届人民代表大会第三次会议开幕。\n报告提出，今年全县生产总值要增长13%，财政总收入突破5亿元。全年经济社会发展的其他主要预期目标是：全社会固定资产投资增长30%；社会消费品零售总额增长16%。",
    );
    assert!(
        got.contains(&("other:财政总收入".to_owned(), Some(5.0))),
        "{got:?}"
    );
    assert!(got.contains(&("gdp".to_owned(), Some(13.0))), "{got:?}");
}

#[test]
fn older_words_for_growth_and_news_shorthand_name_their_indicator() {
    let out = run(&format!(
        "{LEAD}固定资产投资递增10%；社消零总额增长8%左右。"
    ));
    let rows: Vec<(&str, Option<f64>, Measure)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.measure))
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", Some(6.0), Measure::Growth),
            ("fixed_asset_investment", Some(10.0), Measure::Growth),
            ("retail_sales", Some(8.0), Measure::Growth),
        ]
    );
}

#[test]
fn the_main_indicators_announce_the_aims_as_the_main_targets_do() {
    // (主要指标 sums up results unless the text sets them ahead: a heading of
    // the proposed ones, 包括： after the year, 中， after 今年, or the aim's
    // words before the first figure; 主要计划指标, 预期性指标, 工作目标 and
    // 奋斗目标 head or open a list as the main targets do)
    let forms = [
        "某市政府工作报告\n【经济社会发展主要指标建议】\n地区生产总值增长6%，一般公共预算收入增长3%。\n",
        "某省设定今年目标\n某省第十四届人大四次会议今日开幕。省长作报告显示，2024年某省的主要指标包括：地区生产总值增长6%，一般公共预算收入增长3%。\n",
        "今年某旗经济社会发展主要指标中，地区生产总值增长6%，一般公共预算收入增长3%，必须把抓落实的导向鲜明树起来。\n",
        "某市政府工作报告\n二、2024年工作安排\n经济社会发展工作目标分解（15项）\n地区生产总值增长6%\n一般公共预算收入增长3%\n",
        "今年某旗经济社会发展主要预期性指标中，地区生产总值增长6%，一般公共预算收入增长3%，必须狠抓落实。\n",
        "某市政府工作报告\n二、2024年工作安排\n经济社会发展的主要指标是：按照“质量第一、效益优先”的原则和“目标不变、任务不减”要求，力争地区生产总值增长6%，一般公共预算收入增长3%。\n",
    ];
    for text in forms {
        assert_eq!(
            ids_and_values(text),
            [
                ("gdp".to_owned(), Some(6.0)),
                ("general_budget_revenue".to_owned(), Some(3.0)),
            ],
            "{text}"
        );
    }
    // (the year named beside them dates the text, before a session that a
    // province's extra sessions put a year later)
    let out = run(forms[1]);
    assert_eq!(out.report.target_year, Some(2024));
    // (results under the same words, with no aim's word, stay results)
    let past = "一、2023年工作回顾\n经济社会发展的主要指标是：地区生产总值增长6.1%，一般公共预算收入增长3.2%。\n";
    assert!(run(past).targets.is_empty(), "{past}");
    let counted = "主要指标完成情况如下：确定的27项主要指标中，19项完成全年目标，地区生产总值增长4.8%，一般公共预算收入下降4.6%。\n";
    assert!(run(counted).targets.is_empty(), "{counted}");
}

#[test]
fn a_headlines_zeng_before_a_figure_is_its_verb() {
    // (地区生产总值增7.5%-8%: a headline's one-char verb, not part of the name)
    let text =
        "今年预期目标：地区生产总值增7.5%-8%，地方一般公共预算收入增8.5%，城镇新增就业110万人。\n";
    assert_eq!(
        ids_and_values(text),
        [
            ("gdp".to_owned(), Some(7.5)),
            ("general_budget_revenue".to_owned(), Some(8.5)),
            ("new_urban_jobs".to_owned(), Some(110.0)),
        ]
    );
}

#[test]
fn an_efforts_verb_before_a_figures_name_is_no_part_of_it() {
    // (推动…增长, 努力使…增长: the effort's verb, then the name; 促进 before
    // a clause with no figure is the work's own aim, no target)
    let text = format!(
        "{LEAD}推动规上工业总产值增长8.5%；加快数字经济核心产业增加值增长15%；保持耕地保有量不低于300万亩；努力使文旅综合收入增长20%。通过稳固第一产业，促进经济稳中有进。\n"
    );
    assert_eq!(
        ids_and_values(&text),
        [
            ("gdp".to_owned(), Some(6.0)),
            ("other:规上工业总产值".to_owned(), Some(8.5)),
            ("other:数字经济核心产业增加值".to_owned(), Some(15.0)),
            ("other:耕地保有量".to_owned(), Some(300.0)),
            ("other:文旅综合收入".to_owned(), Some(20.0)),
        ]
    );
    // (and the evidence starts at the name)
    assert_eq!(run(&text).targets[1].text, "规上工业总产值增长8.5%");
    // (使用 is a word of its own, no 使)
    assert_eq!(
        ids_and_values(&format!("{LEAD}使用清洁能源比例达到60%。\n"))[1],
        ("other:使用清洁能源比例".to_owned(), Some(60.0))
    );
}

#[test]
fn a_floor_and_a_ceiling_parted_by_a_comma_are_one_range() {
    // (6.5%以上、7%以内: the 、 joins the bounds; before a name it parts items)
    let got = rows(
        "今年预期目标：地区生产总值增长6.5%以上、7%以内，一般公共预算收入增长5%以上、城镇调查失业率5.5%以内。\n",
    );
    let range = &got[0];
    assert_eq!(
        (range.0.as_str(), range.2, range.3),
        ("gdp", Qualifier::Range, Some(6.5))
    );
    assert_eq!(
        got[1..]
            .iter()
            .map(|r| (r.0.as_str(), r.2))
            .collect::<Vec<_>>(),
        [
            ("general_budget_revenue", Qualifier::AtLeast),
            ("unemployment_rate", Qualifier::AtMost)
        ]
    );
}

/// A field that heads its items after a colon (——资源环境：, ——生态环境：)
/// is no part of the first item's name, as 经济发展： is not.
#[test]
fn a_field_before_a_colon_is_no_part_of_the_name() {
    for field in ["资源环境", "生态环境", "社会民生"] {
        let out = run(&format!(
            "今年主要预期目标：\n——经济发展：生产总值增长9%。\n——{field}：单位生产总值能耗下降4%。\n"
        ));
        let names: Vec<&str> = out.targets.iter().map(|t| t.raw_name.as_str()).collect();
        assert_eq!(names, ["生产总值", "单位生产总值能耗"], "{field}");
    }
}

/// What a report arranges between a name and its verb (拟安排, 初步安排) is
/// no part of the name, as 计划 is not.
#[test]
fn arranged_between_the_name_and_its_verb_is_no_part_of_the_name() {
    let got = ids_and_values(
        "区发改委主任答记者问：今年地方财政收入增长10%。全社会固定资产投资拟安排增长8%左右，社会消费品零售总额初步安排增长10%左右。\n",
    );
    assert_eq!(
        got,
        [
            ("general_budget_revenue".to_owned(), Some(10.0)),
            ("fixed_asset_investment".to_owned(), Some(8.0)),
            ("retail_sales".to_owned(), Some(10.0))
        ]
    );
}
