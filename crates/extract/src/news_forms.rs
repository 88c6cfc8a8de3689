//! How news reports, reposts and summaries state a year's targets, written
//! for these tests (not taken from the fixtures): prose with no targets
//! paragraph, comparisons with last year, lists that stand for their items.

use baogao_model::{Document, Qualifier, Target};

use crate::variations::values_of;
use crate::{Extraction, Extractor};

fn ex() -> &'static Extractor {
    static EX: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::builtin);
    &EX
}

/// A news item: a headline, a dateline (when given) and the body.
fn news(dateline: &str, body: &str) -> Extraction {
    crate::variations::run(&format!("某某新闻\n{dateline}\n{body}"))
}

fn rows(ts: &[Target]) -> Vec<(&str, Option<f64>, Qualifier)> {
    ts.iter()
        .map(|t| (t.indicator.as_str(), t.value, t.qualifier))
        .collect()
}

const DATELINE: &str = "2012年01月10日 10:20 来源：新华网";

#[test]
fn a_comparison_with_last_year_is_a_target_not_a_look_back() {
    let out = news(
        DATELINE,
        "今年预计GDP保持百分之十的增长速度，居民消费价格总水平涨幅低于上年实际涨幅，城镇登记失业率控制在百分之五以内。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(10.0), Qualifier::Exact),
            ("cpi", None, Qualifier::Qualitative),
            ("unemployment_rate", Some(5.0), Qualifier::AtMost),
        ]
    );
    // …比上年增长 after the coming year is named is a target; a result otherwise
    let out = news(DATELINE, "今年全市生产总值比上年增长9%左右。");
    assert_eq!(rows(&out.targets), [("gdp", Some(9.0), Qualifier::About)]);
    let out = news(DATELINE, "全市生产总值比上年增长9.5%，财政收入增长12%。");
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

/// Introductions that say the report set the figures without naming the
/// year or a target: 报告明确, a plan's 指标…安排为, and a heading of the year's
/// 目标任务 (which, after 上述, would turn to the work instead).
#[test]
fn a_report_that_makes_clear_or_arranges_its_figures_sets_targets() {
    for intro in ["报告明确，", "主要经济指标初步安排为：", "2013年目标任务："]
    {
        let out = news(
            "2013年1月12日 来源：某某日报",
            &format!(
                "某县第十六届人民代表大会第三次会议12日开幕。县长作政府工作报告。{intro}地区生产总值增长10%，地方财政一般预算收入增长12%，全社会固定资产投资增长20%。"
            ),
        );
        assert_eq!(
            rows(&out.targets),
            [
                ("gdp", Some(10.0), Qualifier::Exact),
                ("general_budget_revenue", Some(12.0), Qualifier::Exact),
                ("fixed_asset_investment", Some(20.0), Qualifier::Exact),
            ],
            "{intro}"
        );
    }
    // …but the work that meets the targets sets its own aims
    let out = news(
        "2013年1月12日 来源：某某日报",
        "为完成全年目标任务，全县将力争固定资产投资增长25%。",
    );
    assert!(out.targets.is_empty(), "{:?}", out.targets);
}

/// An interview's list under a heading of the new year's aims (【新年愿景】),
/// in a text that names no year near it: the coming year's targets.
#[test]
fn a_list_under_the_new_years_vision_is_the_years_targets() {
    let out = crate::variations::run(
        "两会新闻会客厅丨区长：在高质量发展中展示作为\n“作为中心城区，我区必须在高质量发展中展现担当。”区长在接受记者专访时表示。\n【新年愿景】\n地区生产总值增长8%；固定资产投资增长8%左右；社会消费品零售总额增长10%左右。\n【发展思路】\n2020年，我区将聚焦建设奋斗目标，确保“十三五”规划圆满收官。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::Exact),
            ("fixed_asset_investment", Some(8.0), Qualifier::About),
            ("retail_sales", Some(10.0), Qualifier::About),
        ]
    );
}

/// A summary's list under a heading that names the coming year's aims: a
/// figure in it compared with last year's (赤字规模比上年增加) is the coming
/// year's, as it is after 今年.
#[test]
fn a_comparison_under_a_heading_of_the_coming_years_aims_is_no_look_back() {
    let out = news(
        DATELINE,
        "要点如下：\n2011年工作回顾：生产总值增长9.2%，城镇新增就业1100万人。\n2012年经济社会发展总体要求和政策取向：\n经济增长7.5%、城镇新增就业900万人以上、居民消费价格涨幅4%左右、财政赤字比上年减少500亿元。",
    );
    let got = rows(&out.targets);
    assert_eq!(
        got[..3],
        [
            ("gdp", Some(7.5), Qualifier::Exact),
            ("new_urban_jobs", Some(900.0), Qualifier::AtLeast),
            ("cpi", Some(4.0), Qualifier::About),
        ],
        "{got:?}"
    );
}

#[test]
fn a_sentence_that_turns_from_the_review_to_the_coming_year() {
    let out = news(
        DATELINE,
        "去年全省生产总值突破一万亿元，增长百分之十四，今年预计GDP增长百分之十左右。",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(10.0), Qualifier::About)]);
    assert!(out.targets[0].text.starts_with("今年") || out.targets[0].text.starts_with("GDP"));
}

#[test]
fn the_year_before_a_target_phrase_names_the_target_year() {
    // 2008年是…一年 describes the past year; 2009年…的预期目标为 names the year
    let out = news(
        "",
        "市长在政府工作报告中说，2008年是近年来经济发展十分困难的一年。\n市长透露：2009年上海市生产总值增长的预期目标为9%、地方财政收入增长的预期目标为6%。",
    );
    assert_eq!(out.report.target_year, Some(2009));
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(9.0), Qualifier::Exact),
            ("general_budget_revenue", Some(6.0), Qualifier::Exact),
        ]
    );
}

#[test]
fn stray_punctuation_does_not_break_a_list() {
    // a mirror's 以?xún) leaves a ？ before the ；
    let out = news(
        DATELINE,
        "今年地区生产总值增长7%以上；城镇登记失业率控制在4.5%以内?；物价涨幅控制在3%以内?；",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "unemployment_rate", "cpi"]);
}

#[test]
fn a_list_of_binding_indicators_is_read_item_by_item() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长6.5%以上；城镇登记失业率、单位GDP能耗等主要约束性指标控制在省、市下达的目标以内。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(6.5), Qualifier::AtLeast),
            ("unemployment_rate", None, Qualifier::Qualitative),
            ("energy_intensity", None, Qualifier::Qualitative),
        ]
    );
    // without a canonical indicator the list stands for "everything else"
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长6.5%以上，节能减排和大气、水环境质量等约束性指标完成省下达的任务。",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(6.5), Qualifier::AtLeast)]);
}

#[test]
fn a_condition_between_name_and_predicate_is_not_the_name() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长9%，万元生产总值综合能耗和主要污染物排放总量在前两年连续下降的基础上进一步下降。",
    );
    let got = crate::tests::indicator_names(&out.targets);
    assert_eq!(
        got,
        [
            ("gdp", "地区生产总值"),
            ("energy_intensity", "万元生产总值综合能耗"),
            ("other:主要污染物排放总量", "主要污染物排放总量"),
        ]
    );
}

#[test]
fn the_nation_as_an_aim_does_not_make_the_targets_national() {
    let out = news(
        "2024年02月01日 来源：某县融媒体中心",
        "展望2024年，我们将紧紧围绕全面建设社会主义现代化国家这个总目标，努力实现以下目标：\n经济高质量发展，确保GDP增长7%，财政收入增长6%。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "other:财政收入"]);
    // the nation's own targets quoted in a report stay out
    let out = news(
        "2024年02月01日",
        "国家确定的主要预期目标是：国内生产总值增长5%左右。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

#[test]
fn a_text_with_no_year_is_read_from_its_sentences_about_this_year() {
    let out = news(
        "",
        "省长在报告中提出，今年GDP预期增长9.5%，城镇居民人均可支配收入增长8%。",
    );
    assert_eq!(out.report.target_year, None);
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(9.5), Qualifier::Exact),
            ("urban_disposable_income", Some(8.0), Qualifier::Exact),
        ]
    );
    // without 今年 a figure of an unknown year is not taken, unless a report
    // puts it forward (a report proposes only aims: its year is the report's)
    let out = news("", "据介绍，全市生产总值增长9%。");
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
    let out = news("", "报告提出，全市生产总值增长9%。");
    assert_eq!(rows(&out.targets), [("gdp", Some(9.0), Qualifier::Exact)]);
}

#[test]
fn news_wordings_of_a_growth_target() {
    for (body, id, value) in [
        ("预计今年全省生产总值增长9%左右。", "gdp", 9.0),
        (
            "政府工作报告将今年GDP增长目标设定为7.5%，比去年下调0.5个百分点。",
            "gdp",
            7.5,
        ),
        ("今年全市把GDP增速确定为8%。", "gdp", 8.0),
    ] {
        let out = news(DATELINE, body);
        let got = crate::variations::ids_and_values(&out.targets);
        assert_eq!(got, [(id, Some(value))], "{body}");
        assert!(!out.targets[0].raw_name.starts_with('把'), "{body}");
    }
}

#[test]
fn urban_and_rural_spelled_out_are_two_rows() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长9%，城市和农村居民家庭人均可支配收入持续稳定增长。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        ["gdp", "urban_disposable_income", "rural_disposable_income"]
    );
    // 城乡 alone is one name (the report gives no separate figures)
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长9%，城乡居民收入持续稳定增长。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "disposable_income"]);
}

#[test]
fn a_deadline_after_the_targets_is_not_one_of_them() {
    // no year anywhere: 今年 gives the targets, 到二〇一二年 and 届时 look further
    let out = news(
        "",
        "报告指出，今年全市生产总值增长的目标定为百分之十二。到二0一二年地区生产总值要突破六千亿元，一五年要突破一万亿元。届时，城市居民人均可支配收入将达到五万元。",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(12.0), Qualifier::Exact)]);
}

#[test]
fn a_plan_quoted_beside_the_years_aims_is_left_out() {
    let out = news(
        "2010年01月25日",
        "市长说，今年全市生产总值增长百分之八以上。此外，市长表示，二0一0年目标万元生产总值综合能耗进一步下降、完成“十一五”期间下降百分之二十左右的目标，城市和农村居民家庭人均可支配收入持续稳定增长。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        [
            "gdp",
            "energy_intensity",
            "urban_disposable_income",
            "rural_disposable_income"
        ]
    );
    assert!(out.targets[1..].iter().all(|t| t.value.is_none()));
}

#[test]
fn list_items_keep_their_own_names() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：\n——地区生产总值增长7%以上；\n——二氧化硫和化学需氧量排放量分别削减2%和3%；\n——完成省下达的节能减排目标任务。",
    );
    let got = crate::variations::ids_and_values(&out.targets);
    assert_eq!(
        got,
        [
            ("gdp", Some(7.0)),
            ("other:二氧化硫排放量", Some(-2.0)),
            ("other:化学需氧量排放量", Some(-3.0)),
            ("other:节能减排", None),
        ]
    );
    // a 、 list written out keeps each name's spelling (零, not the numeral 〇)
    let out = news(
        DATELINE,
        "今年主要预期目标是：固定资产投资、社会消费品零售总额分别增长20%、13%。",
    );
    let raw: Vec<&str> = out.targets.iter().map(|t| t.raw_name.as_str()).collect();
    assert_eq!(raw, ["固定资产投资", "社会消费品零售总额"]);
}

#[test]
fn a_page_that_lost_its_per_cent_signs_keeps_its_figures() {
    let out = news(
        DATELINE,
        "今年我区经济社会发展的主要预期目标是：生产总值增长15，城镇居民人均可支配收入实际增长12，城镇登记失业率控制在4.2以内，新增城镇就业20万人。",
    );
    let got = crate::variations::value_unit_rows(&out.targets);
    assert_eq!(
        got,
        [
            ("gdp", Some(15.0), None, Qualifier::Exact),
            (
                "urban_disposable_income",
                Some(12.0),
                None,
                Qualifier::Exact
            ),
            ("unemployment_rate", Some(4.2), None, Qualifier::AtMost),
            ("new_urban_jobs", Some(20.0), Some("万人"), Qualifier::Exact),
        ]
    );
    assert_eq!(out.targets[0].measure, baogao_model::Measure::Growth);
    // a number that is not a figure of its verb stays out (增长15个 has a unit,
    // a year or a count after 增长 is no per cent)
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长7%，增长2012家企业。",
    );
    assert_eq!(out.targets.len(), 1, "{:#?}", out.targets);
}

#[test]
fn notes_between_numbered_items_do_not_end_the_list() {
    // a task-division notice: each target, then who leads it
    let out = news(
        "2021年03月01日",
        "一、2021年经济社会发展主要预期目标\n1.地区生产总值增长6%以上。\n分管省领导：某某\n部门分工：省发展改革委牵头，各地、各部门配合。\n2.地方一般公共预算收入增长5%左右。\n分管省领导：某某\n二、重点工作\n（一）加快产业升级。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(6.0), Qualifier::AtLeast),
            ("general_budget_revenue", Some(5.0), Qualifier::About),
        ]
    );
}

#[test]
fn older_spellings_of_shared_and_ranged_targets() {
    let out = news(
        "2010年01月10日",
        "今年主要预期目标是：城、乡居民人均可支配收入分别增长8%、9%，地区生产总值增长7%至於7.5%。",
    );
    let got: Vec<(&str, Option<f64>, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.value_max))
        .collect();
    assert_eq!(
        got,
        [
            ("urban_disposable_income", Some(8.0), None),
            ("rural_disposable_income", Some(9.0), None),
            ("gdp", Some(7.0), Some(7.5)),
        ]
    );
}

#[test]
fn a_list_without_a_canonical_indicator_is_one_target() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长6%，生态环境质量、能源、水资源等指标按国家要求落实，完成国家下达的节能减排和环境保护等任务。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        [
            "gdp",
            "other:生态环境质量、能源、水资源等指标",
            "other:节能减排和环境保护"
        ]
    );
}

#[test]
fn a_one_clause_summary_before_the_full_list() {
    let out = news(
        "2007年01月28日",
        "市长在做政府报告时表示，今年经济社会发展的主要指标安排是生产总值增长百分之九以上。\n此前，全市已经连续十五年保持两位数增长。\n市长指出，今年全市生产总值增长百分之九以上，地方财政收入增长百分之八，城镇登记失业率控制在百分之四点五以内。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(9.0), Qualifier::AtLeast),
            ("general_budget_revenue", Some(8.0), Qualifier::Exact),
            ("unemployment_rate", Some(4.5), Qualifier::AtMost),
        ]
    );
    // 主要指标分别为 with 今年 announces the year's targets
    let out = news(
        "2018年02月26日",
        "通知明确，2018年全省生产总值增长6%左右。\n通知指出，今年全省经济社会发展主要指标分别为：生产总值增长6%左右；固定资产投资增长7%；一般公共预算收入增长7%（同口径）。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        ["gdp", "fixed_asset_investment", "general_budget_revenue"]
    );
}

#[test]
fn trade_and_investment_side_by_side_and_a_water_class() {
    let out = news(
        "2024年01月20日",
        "今年主要预期目标是：地区生产总值增长5%左右，外贸外资促稳提质，洱海水质稳定保持Ⅲ类。",
    );
    let ids: Vec<(&str, Qualifier)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.qualifier))
        .collect();
    assert_eq!(
        ids,
        [
            ("gdp", Qualifier::About),
            ("foreign_trade", Qualifier::Qualitative),
            ("fdi", Qualifier::Qualitative),
            ("other:洱海水质", Qualifier::Qualitative),
        ]
    );
}

#[test]
fn a_long_list_one_target_a_line() {
    let lines = [
        "地区生产总值增长5.5%左右",
        "一产增加值增长6%左右",
        "二产增加值增长6%左右",
        "三产增加值增长5.5%左右",
        "规模以上工业增加值增长8%左右",
        "固定资产投资增长4.5%左右",
        "社会消费品零售总额增长4%左右",
        "外贸进出口总值增长10%以上",
        "一般公共预算收入增长5.5%左右",
        "城镇调查失业率5.5%左右",
        "城镇新增就业30万人",
        "居民消费价格涨幅2%左右",
        "粮食产量稳定在1300万吨以上",
        "居民人均可支配收入增长与经济增长同步",
        "单位地区生产总值能耗降低完成国家下达任务",
    ];
    let body = format!("今年主要预期目标是：\n——{}。", lines.join("；\n——"));
    let out = news("2026年01月20日", &body);
    assert_eq!(out.targets.len(), lines.len(), "{:#?}", out.targets);
}

#[test]
fn a_plan_named_inside_a_list_line_does_not_end_the_list() {
    let out = news(
        "2026年01月20日",
        "今年主要预期目标是：\n地区生产总值增长5%-5.5%，居民消费价格涨幅2%左右，碳排放双控达到国家下达“十五五”目标任务的序时进度；\n城镇调查失业率控制在5.5%左右。\n“十五五”时期，全省地区生产总值年均增长6%左右。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        ["gdp", "cpi", "other:碳排放双控", "unemployment_rate"],
        "{:#?}",
        out.targets
    );
}

#[test]
fn items_numbered_with_circled_digits_or_ordinals() {
    for body in [
        "今年主要预期目标是：①地区生产总值增长5%左右；②城乡居民人均可支配收入分别增长5%、6.5%；③完成国家下达的节能减排目标。",
        "今年主要预期目标是：一是地区生产总值增长5%左右；二是城乡居民人均可支配收入分别增长5%、6.5%；三是完成国家下达的节能减排目标。",
    ] {
        let out = news("2026年01月20日", body);
        let ids = crate::tests::indicators(&out.targets);
        assert_eq!(
            ids,
            [
                "gdp",
                "urban_disposable_income",
                "rural_disposable_income",
                "other:节能减排"
            ],
            "{body}"
        );
    }
}

/// `5.5` → 五点五, `12` → 十二 (the figures of a targets paragraph).
fn chinese_numeral(s: &str) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if let Some((int, frac)) = s.split_once('.') {
        let f: String = frac
            .chars()
            .map(|c| D[c.to_digit(10).unwrap_or(0) as usize])
            .collect();
        return format!("{}点{f}", chinese_numeral(int));
    }
    let n: usize = s.parse().unwrap_or(0);
    let ones = if n.is_multiple_of(10) { "" } else { D[n % 10] };
    match n {
        0..=9 => D[n].to_owned(),
        10..=19 => format!("十{ones}"),
        20..=99 => format!("{}十{ones}", D[n / 10]),
        _ => s.to_owned(),
    }
}

/// `text` as a traditional-character mirror serves it: the common chars of a
/// targets paragraph in traditional form, with the pinyin gloss such mirrors
/// inject after them (地區(qū)生產(chǎn)總值).
fn glossed_traditional(text: &str) -> String {
    const GLOSSED: &[(char, &str)] = &[
        ('区', "區(qū)"),
        ('产', "產(chǎn)"),
        ('发', "發(fā)"),
        ('经', "經(jīng)"),
        ('济', "濟(jì)"),
        ('标', "標(biāo)"),
        ('预', "預(yù)"),
        ('长', "長(zhǎng)"),
        ('业', "業(yè)"),
        ('镇', "鎮(zhèn)"),
        ('进', "進(jìn)"),
        ('规', "規(guī)"),
        ('稳', "穩(wěn)"),
        ('内', "內(nèi)"),
        ('实', "實(shí)"),
        ('乡', "鄉(xiāng)"),
        ('农', "農(nóng)"),
        ('总', "總(zǒng)"),
        ('价', "價(jià)"),
        ('费', "費(fèi)"),
        ('调', "調(diào)"),
        ('万', "萬(wàn)"),
    ];
    // (and without a gloss)
    const SIMPLIFIED: &str = "资额单粮亿吨涨与环质达财税织动员劳务";
    const TRADITIONAL: &str = "資額單糧億噸漲與環質達財稅織動員勞務";
    text.chars()
        .map(|c| {
            GLOSSED
                .iter()
                .find(|(s, _)| *s == c)
                .map(|(_, g)| (*g).to_owned())
                .or_else(|| {
                    let k = SIMPLIFIED.chars().position(|s| s == c)?;
                    TRADITIONAL.chars().nth(k).map(String::from)
                })
                .unwrap_or_else(|| c.to_string())
        })
        .collect()
}

/// `text` broken into lines of `width` chars, as e-papers and PDFs print it.
fn hard_wrapped(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width)
        .map(|line| line.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The targets paragraph (its 主要预期目标…： cue line) of every report of
/// `fixtures/dev`, with the report's path, by file name.
fn dev_targets_paragraphs() -> Vec<(std::path::PathBuf, String)> {
    let cue = regex::Regex::new(r"[^\n。]*主要预期目标[^\n]{0,12}：[^\n]*").expect("pattern");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/dev/reports");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/dev/reports")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let out: Vec<_> = files
        .into_iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(&f).expect("report");
            let p = cue.find(&text)?.as_str().to_owned();
            Some((f, p))
        })
        .collect();
    assert_eq!(
        out.len(),
        10,
        "every report of fixtures/dev has a targets paragraph"
    );
    out
}

/// The same targets paragraph written the ways reports and reposts write
/// lists — one line per item, bullets, numbers, circled numbers, 一是…,
/// commas for semicolons, 百分之 for %, full-width ％, lines hard-wrapped at
/// one width, traditional characters with a mirror's pinyin glosses, a news
/// sentence with no cue — reads to the same targets, for
/// every report of `fixtures/dev`.
#[test]
fn a_targets_paragraph_reads_the_same_however_its_list_is_written() {
    let percent = regex::Regex::new(r"(\d+(?:\.\d+)?)%").expect("pattern");
    let key = |text: &str| {
        // a full report's plan part, or (no 工作报告 title) a news item
        let doc = Document::from_text(
            "m.txt",
            &if text.starts_with("省长") || text.starts_with("报告显示") {
                format!(
                    "某某省政府工作报告提出今年发展目标\n2026年01月21日 来源：某某日报\n{text}\n"
                )
            } else {
                format!("2026年某某省人民政府工作报告\n二、2026年工作安排\n{text}\n")
            },
        );
        crate::variations::value_keys(&ex().extract(&doc).targets)
    };
    for (f, p) in dev_targets_paragraphs() {
        let p = p.as_str();
        let (head, list) = p.split_at(p.find('：').expect("cue") + '：'.len_utf8());
        let items: Vec<&str> = list.split('；').filter(|x| !x.is_empty()).collect();
        let ordinal = |i: usize| chinese_numeral(&(i + 1).to_string());
        let circled = |i: usize| char::from_u32('①' as u32 + i as u32).unwrap_or('⑳');
        let variants = [
            p.replace('；', "，"),
            format!("{head}\n{}", items.join("；\n")),
            format!("{head}\n——{}", items.join("；\n——")),
            format!(
                "{head}\n{}",
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("{}.{x}", i + 1))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            items.iter().enumerate().fold(head.to_owned(), |s, (i, x)| {
                format!("{s}{}{x}；", circled(i))
            }),
            items.iter().enumerate().fold(head.to_owned(), |s, (i, x)| {
                format!("{s}{}是{x}；", ordinal(i))
            }),
            percent
                .replace_all(p, |c: &regex::Captures<'_>| {
                    format!("百分之{}", chinese_numeral(&c[1]))
                })
                .into_owned(),
            p.replace('%', "％"),
            // an e-paper's or a PDF's lines of one width, broken mid-word
            hard_wrapped(p, 23),
            hard_wrapped(p, 31),
            // a traditional-character mirror with pinyin glosses inside words
            glossed_traditional(p),
            // a news report's sentence with no cue at all, and one that
            // first gives last year's result
            format!("省长在政府工作报告中说，今年{list}"),
            format!("报告显示，2025年全省地区生产总值增长5.4%；2026年{list}"),
        ];
        let want = key(p);
        assert!(!want.is_empty(), "{}", f.display());
        for v in &variants {
            assert_eq!(key(v), want, "{}:\n{v}", f.display());
        }
    }
}

#[test]
fn a_mirror_gloss_inside_the_words_between_name_and_figure() {
    // the phrase news prose puts between a name and its figure, glossed
    let out = news(
        DATELINE,
        "河南今年的生產(chǎn)總值目標(biāo)為增長(zhǎng)10%左右，2009年上海市生產(chǎn)總值增長(zhǎng)的預(yù)期目標(biāo)為9%。",
    );
    let got = crate::variations::ids_and_values(&out.targets);
    assert_eq!(
        got,
        [("gdp", Some(10.0)), ("gdp", Some(9.0))],
        "{:#?}",
        out.targets
    );
}

#[test]
fn a_news_item_one_sentence_a_line_cut_short_is_no_report_with_a_plan_part() {
    // its last line, cut mid-sentence, reads like a heading that names the
    // five-year plan: it does not open a plan part that would hide the lead
    let out = news(
        DATELINE,
        "生产总值增长10%，城镇居民人均可支配收入增长12%，居民消费价格涨幅控制在4%左右，这是政府工作报告提出的今年目标。\n去年，我省生产总值首次突破1万亿元。\n今年，政府工作报告确定的主要预期目标，与去年持平。\n稳中求进\n今年是“十二五”规划承上启下的第二",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(10.0), Qualifier::Exact),
            ("urban_disposable_income", Some(12.0), Qualifier::Exact),
            ("cpi", Some(4.0), Qualifier::About),
        ],
        "{:#?}",
        out.targets
    );
}

#[test]
fn a_target_stated_again_is_one_row() {
    let out = news(
        DATELINE,
        "省长在政府工作报告中提到，今年的主要预期目标是：地区生产总值增长7.5%。除了地区生产总值增长7.5%，今年的主要预期目标还包括：城镇新增就业70万人。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(7.5), Qualifier::Exact),
            ("new_urban_jobs", Some(70.0), Qualifier::Exact),
        ],
        "{:#?}",
        out.targets
    );
}

/// The list of every `fixtures/dev` report, introduced the ways news items,
/// summaries and reports introduce targets (会议提出, 报告确定, 【今年目标】,
/// 新的一年, no cue at all …), in a news item with and without a lead that
/// first gives last year's results, reads to the targets the report's own
/// paragraph gives.
#[test]
fn every_way_a_text_introduces_its_targets_reads_its_list() {
    let heads = [
        "会议提出，今年全省经济社会发展的主要预期目标是：",
        "报告提出，今年全省经济社会发展的主要目标是：",
        "报告确定，今年全省",
        "报告提出今年的主要预期目标：",
        "今年的目标是：",
        "综合考虑各方面因素，建议今年全省经济社会发展的主要预期目标为：",
        "今年经济社会发展的总体要求是稳中求进。主要预期目标是：",
        "今年全省主要预期指标安排如下：",
        "2026年主要预期指标：",
        "今年主要目标任务是：",
        "政府工作报告提出，2026年，全省",
        "根据省委经济工作会议精神，今年全省经济社会发展的主要预期目标是：",
        "省长在报告中说，今年全省经济社会发展的主要预期目标是，",
        "报告指出，今年",
        "今年，全省将努力实现",
        "主要预期目标：\n",
        "【今年目标】",
        "记者从会上获悉，今年我省",
        "新的一年，",
        "今年是“十五五”开局之年，全省经济社会发展的主要预期目标是：",
    ];
    let leads = [
        "",
        "本报讯（记者 某某）1月20日，某某省第十四届人民代表大会第五次会议开幕。省长某某作政府工作报告。\n报告回顾，2025年全省地区生产总值增长5.4%，一般公共预算收入增长3%，城镇新增就业50万人。\n",
    ];
    let key = |text: &str| {
        crate::variations::value_keys(&ex().extract(&Document::from_text("m.txt", text)).targets)
    };
    let mut checked = 0;
    for (f, p) in dev_targets_paragraphs() {
        let list = &p[p.find('：').expect("cue") + '：'.len_utf8()..];
        let want = key(&format!(
            "2026年某某省人民政府工作报告\n二、2026年工作安排\n{p}\n"
        ));
        for head in heads {
            for lead in leads {
                let body = format!(
                    "某某省政府工作报告发布\n2026年01月21日 来源：某某日报\n{lead}{head}{list}\n"
                );
                assert_eq!(key(&body), want, "{}:\n{body}", f.display());
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 10 * 20 * 2);
}

#[test]
fn a_target_held_level_with_a_named_year_is_no_look_back() {
    let out = crate::variations::run(
        "某某市政府工作报告发布\n2007年01月21日 来源：某某日报\n报告确定，今年全市生产总值增长16%；合同利用外资20亿美元，与2006年持平，实际利用外资10亿美元，增长7%；全社会固定资产投资增长30.8%；城镇居民人均可支配收入增长10%。\n",
    );
    let ids: Vec<&str> = out.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert!(
        ids.contains(&"fixed_asset_investment") && ids.contains(&"urban_disposable_income"),
        "{:#?}",
        out.targets
    );
}

#[test]
fn year_on_year_growth_after_the_coming_year_is_an_aim_and_since_the_new_year_a_result() {
    let out = news(
        DATELINE,
        "新的一年，地区生产总值同比增长6%，社会消费品零售总额同比增长8%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(6.0), Qualifier::Exact),
            ("retail_sales", Some(8.0), Qualifier::Exact),
        ],
        "{:#?}",
        out.targets
    );
    // 今年以来 reports the months gone by
    let out = news(
        DATELINE,
        "今年以来，全市地区生产总值同比增长6.2%，社会消费品零售总额同比增长7%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

#[test]
fn the_scope_word_that_opens_the_targets_gives_the_level() {
    use baogao_model::Level;
    let level = |body: &str| crate::variations::run(body).report.level;
    assert_eq!(
        level("全县经济社会发展的主要预期目标是：地区生产总值增长7%以上，固定资产投资增长8%。"),
        Some(Level::County)
    );
    assert_eq!(
        level("今年经济社会发展主要预期目标是：全省地区生产总值增长6%左右。"),
        Some(Level::Province)
    );
    // a scope word elsewhere, once, says nothing
    assert_eq!(
        level("今年的主要预期目标是：地区生产总值增长6%左右。全县人民要团结奋斗。"),
        None
    );
}

#[test]
fn a_place_named_in_the_opening_lines_outweighs_the_level_of_its_words() {
    use baogao_model::Level;
    // a prefecture's report that speaks of the province (全省…) twice
    let out = crate::variations::run(
        "各位代表：\n现在，我代表州人民政府向大会报告工作，请予审议。\n一、2019年工作回顾\n过去一年，是海西蒙古族藏族自治州经济社会发展极不平凡的一年，全省经济下行压力加大，全省投资增速回落。\n",
    );
    let r = &out.report;
    assert_eq!(r.region.as_deref(), Some("海西蒙古族藏族自治州"));
    assert_eq!(r.level, Some(Level::City));
}

#[test]
fn a_province_named_first_by_an_outlet_yields_to_a_place_of_the_texts_level() {
    use baogao_model::Level;
    // a provincial portal carries a city's news: the city calls itself 全市
    let out = crate::variations::run(
        "湖南省人民政府门户网站 > 市州动态\n今年株洲GDP预期增长6%\n今年全市地区生产总值增长6%左右，一般公共预算收入增长5%，全市固定资产投资增长8%。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("株洲市"));
    assert_eq!(out.report.level, Some(Level::City));
    assert_eq!(out.report.province.as_deref(), Some("湖南省"));
    // …and the province's own news on it stays the province's
    let out = crate::variations::run(
        "湖南省人民政府门户网站 > 要闻动态\n今年全省地区生产总值增长6%左右，全省一般公共预算收入增长5%。株洲、湘潭两市代表参加审议。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("湖南省"));
    assert_eq!(out.report.level, Some(Level::Province));
}

#[test]
fn a_district_name_several_cities_share_is_told_by_the_titles_site() {
    use baogao_model::Document;
    let titled = |title: &str| {
        let mut doc = Document::from_text(
            "t.txt",
            "今年全区主要预期目标：地区生产总值增长5%，一般公共预算收入增长3%。",
        );
        doc.title = Some(title.to_owned());
        crate::variations::ex().extract(&doc).report
    };
    let r = titled("鼓楼区政府工作报告_福州市人民政府");
    assert_eq!(r.region.as_deref(), Some("鼓楼区"));
    assert_eq!(r.prefecture.as_deref(), Some("福州市"));
    assert_eq!(r.province.as_deref(), Some("福建省"));
    let r = titled("和平区2024年政府工作报告_天津市和平区人民政府");
    assert_eq!(r.province.as_deref(), Some("天津市"));
    assert_eq!(r.prefecture, None);
}

#[test]
fn a_news_items_opening_is_no_place() {
    // 本报讯 市十六届人大…: the paper's words before an unnamed 市
    for (text, unit) in [
        (
            "本报讯 市十六届人大一次会议昨天开幕。政府工作报告提出，今年全市地区生产总值增长6%。\n",
            "市",
        ),
        (
            "本报讯（记者 王平）县十七届人大三次会议开幕。今年全县地区生产总值增长6%。\n",
            "县",
        ),
    ] {
        let out = crate::variations::run(text);
        assert_eq!(out.report.region, None, "{unit}");
        assert_eq!(out.targets.len(), 1, "{unit}");
    }
}

#[test]
fn a_provincial_document_number_names_its_province() {
    let out = crate::variations::run(
        "省政府批转省发展改革委关于2018年全省国民经济和社会发展计划报告的通知\n文件编号:鄂政发〔2018〕1号\n各市、州、县人民政府，省政府各部门：\n全省经济社会发展的主要预期目标是：地区生产总值增长7.5%以上。\n",
    );
    assert_eq!(out.report.province.as_deref(), Some("湖北省"));
    assert_eq!(out.report.region.as_deref(), Some("湖北省"));
    assert_eq!(
        crate::meta::province_of_document_number("浙政办发〔2020〕3号"),
        Some("浙江省")
    );
    // a city's document (徐政发) names no province
    assert_eq!(
        crate::meta::province_of_document_number("徐政发〔2010〕29号"),
        None
    );
}

#[test]
fn a_news_item_on_the_premiers_report_is_the_nations() {
    use baogao_model::Level;
    let out = crate::variations::run(
        "【中新社北京3月5日电】中国国务院总理今天在此间表示，2007年国内生产总值增长目标是百分之8左右。\n他在政府工作报告中还提出，城镇新增就业人数不低于900万人。\n",
    );
    let r = &out.report;
    assert_eq!(
        (r.region.as_deref(), r.level),
        (Some("全国"), Some(Level::National))
    );
    assert_eq!(r.province, None);
}

#[test]
fn the_target_word_before_a_name_is_not_the_name() {
    let out = news(DATELINE, "市长表示，今年的目标是经济增长达到6%至6.5%。");
    let got: Vec<(&str, Option<f64>, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.value_max))
        .collect();
    assert_eq!(got, [("gdp", Some(6.0), Some(6.5))]);
}

#[test]
fn names_of_one_clause_completed_by_the_next() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值增长10%，人口自然增长率、万元GDP能耗等约束性指标，确保完成省政府下达的任务。",
    );
    let got: Vec<(&str, Qualifier)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.qualifier))
        .collect();
    assert_eq!(
        got,
        [
            ("gdp", Qualifier::Exact),
            ("population_growth", Qualifier::Qualitative),
            ("energy_intensity", Qualifier::Qualitative),
        ]
    );
    // one name alone is the subject of whatever follows, as before
    let out = news(
        DATELINE,
        "今年主要预期目标是：地区生产总值，确保完成省政府下达的任务。",
    );
    assert!(out.targets.len() <= 1, "{:#?}", out.targets);
}

#[test]
fn fenbie_figures_for_the_names_of_the_clause_before() {
    let out = news(
        DATELINE,
        "今年主要预期目标是：在固定资产投资、社会消费品零售总额、进出口方面，分别保持增长20%、13%和14%以上。",
    );
    let got: Vec<(&str, &str, Option<f64>, Qualifier)> = out
        .targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_str(),
                t.raw_name.as_str(),
                t.value,
                t.qualifier,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "fixed_asset_investment",
                "固定资产投资",
                Some(20.0),
                Qualifier::AtLeast
            ),
            (
                "retail_sales",
                "社会消费品零售总额",
                Some(13.0),
                Qualifier::AtLeast
            ),
            ("foreign_trade", "进出口", Some(14.0), Qualifier::AtLeast),
        ]
    );
}

/// A plan notice groups its targets under headings (——关于经济发展类目标（13个）。,
/// 民生改善方面：), on the items' line or a line of their own.
#[test]
fn headings_that_group_the_targets_do_not_end_the_list() {
    let out = news(
        DATELINE,
        "2012年我市国民经济和社会发展主要目标是：\n——关于经济发展类目标（3个）。地区生产总值增长8%；货物出口总额保持适度增长；一般公共预算收入增长7.5%。\n民生改善方面：\n城镇登记失业率控制在4%以内；居民消费价格涨幅控制在3%左右。\n——关于生态文明类目标（1个）。单位生产总值能耗下降3%。\n",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::Exact),
            ("other:货物出口总额", None, Qualifier::Qualitative),
            ("general_budget_revenue", Some(7.5), Qualifier::Exact),
            ("unemployment_rate", Some(4.0), Qualifier::AtMost),
            ("cpi", Some(3.0), Qualifier::About),
            ("energy_intensity", Some(-3.0), Qualifier::Exact),
        ]
    );
    // prose under a heading ends the list as before
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：\n地区生产总值增长8%。\n民生改善方面：\n要办好十件实事。\n城镇新增就业5万人。\n",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(8.0), Qualifier::Exact)]);
}

/// A lead sums up a few targets; a paragraph further down lists them all.
#[test]
fn a_fuller_list_after_the_lead_wins() {
    let out = news(
        DATELINE,
        "记者从大会上了解到，今年，全区经济社会发展主要预期目标，努力实现地区生产总值增长7%以上，固定资产投资增长8%以上，着力做好八个方面工作。\n2011年，全区经济社会保持稳中向好的发展态势。\n今年，全区预期奋斗目标是：地区生产总值增长7%以上，固定资产投资增长8%以上，规模以上工业增加值增长9.5%以上，城乡居民收入增长与经济增长基本同步。\n",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        [
            "gdp",
            "fixed_asset_investment",
            "industrial_value_added",
            "disposable_income"
        ]
    );
    // a later list that leaves out one of the lead's indicators does not win
    let out = news(
        DATELINE,
        "今年全区主要预期目标，地区生产总值增长7%以上，固定资产投资增长8%以上，城镇登记失业率控制在4%以内。\n2011年，全区经济社会保持稳中向好的发展态势。\n今年，全区预期奋斗目标是：地区生产总值增长7%以上，规模以上工业增加值增长9.5%以上，社会消费品零售总额增长8%，城镇登记失业率控制在4%以内。\n",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "fixed_asset_investment", "unemployment_rate"]);
}

/// The words before a congress's term (…计划已经市四届人大五次会议审议) are
/// prose, not a region's name: the region is read elsewhere.
#[test]
fn prose_before_a_congress_is_no_region() {
    let out = news(
        "",
        "丽水市人民政府关于下达2020年丽水市国民经济和社会发展计划的通知\n2020年丽水市国民经济和社会发展计划已经市四届人大五次会议审议批准，现印发给你们。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("丽水市"));
    assert_eq!(out.report.province.as_deref(), Some("浙江省"));
}

/// A district of a municipality has no prefecture: the city above it is a
/// province.
#[test]
fn a_municipalitys_district_has_no_prefecture() {
    let out = news(
        "",
        "北京市朝阳区2019年政府工作报告\n——2019年1月8日在朝阳区第十六届人民代表大会第五次会议上\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("朝阳区"));
    assert_eq!(out.report.province.as_deref(), Some("北京市"));
    assert_eq!(out.report.prefecture, None);
}

/// A target with no figure worded as growth (保持适度增长, 稳步提高, 稳定增长) is
/// one of growth, whatever the indicator's usual measure; a decline stays a
/// change, a rate stays a rate.
#[test]
fn a_qualitative_target_worded_as_growth_is_one_of_growth() {
    use baogao_model::Measure::{Change, Growth, Rate};
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：货物出口总额保持适度增长；全员劳动生产率稳步提高；实际利用外资稳定增长；单位生产总值能耗持续下降；城镇登记失业率稳中有降。",
    );
    let got: Vec<(&str, baogao_model::Measure)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.measure))
        .collect();
    assert_eq!(
        got,
        [
            ("other:货物出口总额", Growth),
            ("other:全员劳动生产率", Growth),
            ("fdi", Growth),
            ("energy_intensity", Change),
            ("unemployment_rate", Rate),
        ]
    );
}

/// Under a bare heading, a sentence that names the targets may open the
/// paragraph of items (今年我市经济社会发展的主要目标。生产总值增长13%；…).
#[test]
fn a_sentence_naming_the_targets_opens_their_paragraph() {
    let out = news(
        DATELINE,
        "一、今年我市经济和社会发展的主要目标\n今年我市经济社会发展的主要目标。生产总值增长13%；地方财政收入增长15%；城镇登记失业率控制在4%以内。\n由市人民政府各相关部门负责落实。\n",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(13.0), Qualifier::Exact),
            ("general_budget_revenue", Some(15.0), Qualifier::Exact),
            ("unemployment_rate", Some(4.0), Qualifier::AtMost),
        ]
    );
}

/// A lead that names the coming year first may look back in a condition
/// before the cue's clause; a lead about last year may not.
#[test]
fn a_condition_about_last_year_before_the_cue_is_no_look_back() {
    let out = news(
        DATELINE,
        "今年，我们将在巩固上年成果的基础上，努力实现以下目标：地区生产总值增长8%，固定资产投资增长12%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::Exact),
            ("fixed_asset_investment", Some(12.0), Qualifier::Exact),
        ]
    );
    let out = news(
        DATELINE,
        "去年，全市在巩固成果的基础上，实现了以下目标：地区生产总值增长8%，固定资产投资增长12%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

/// A sub-item or a stretch in brackets is part of the list; an aside in
/// brackets (同口径) is not.
#[test]
fn a_sub_item_or_a_stretch_in_brackets_is_read() {
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长8%左右（力争9%）；固定资产投资增长12%（其中工业投资增长15%）；一般公共预算收入增长6%（同口径增长2.5%以上）。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::About),
            ("fixed_asset_investment", Some(12.0), Qualifier::Exact),
            ("other:工业投资", Some(15.0), Qualifier::Exact),
            ("general_budget_revenue", Some(6.0), Qualifier::Exact),
        ]
    );
    assert_eq!(out.targets[0].stretch_value, Some(9.0));
}

/// Counts and measures of later lists (家, 万个, 天, 微克/立方米, 万元/人) are
/// figures; a figure followed by what it counts (65万以上贫困人口脱贫) is not
/// more of the item before it but an item of its own.
#[test]
fn counters_and_measures_of_later_lists_are_units() {
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：新增国家高新技术企业80家；城镇新增就业岗位10万个以上；PM2.5平均浓度控制在35微克/立方米以内；空气质量优良天数300天以上；全员劳动生产率达到10.9万元/人；单位生产总值能耗完成省下达目标；65万以上贫困人口脱贫。",
    );
    assert_eq!(
        crate::tests::value_units(&out.targets),
        [
            ("other:新增国家高新技术企业", Some(80.0), Some("家")),
            ("other:城镇新增就业岗位", Some(10.0), Some("万个")),
            ("other:PM2.5平均浓度", Some(35.0), Some("微克/立方米")),
            ("other:空气质量优良天数", Some(300.0), Some("天")),
            ("other:全员劳动生产率", Some(10.9), Some("万元/人")),
            ("energy_intensity", None, None),
            ("other:贫困人口脱贫", Some(65.0), Some("万")),
        ]
    );
}

/// Items joined by 、 before a 分别 list stay items of their own; the word
/// that calls a figure a target (生产总值目标增长8%) is not part of its name.
#[test]
fn items_before_a_shared_list_and_target_words_after_a_name() {
    let out = news(
        DATELINE,
        "今年全市预期：生产总值增长8%、财政收入增长9%、城乡居民收入分别增长8%和9%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::Exact),
            ("other:财政收入", Some(9.0), Qualifier::Exact),
            ("urban_disposable_income", Some(8.0), Qualifier::Exact),
            ("rural_disposable_income", Some(9.0), Qualifier::Exact),
        ]
    );
    let out = news(
        DATELINE,
        "今年全市生产总值目标增长8%，规模以上工业增加值预期增长10%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::Exact),
            ("industrial_value_added", Some(10.0), Qualifier::Exact),
        ]
    );
    assert_eq!(out.targets[0].raw_name, "全市生产总值");
}

/// A text that never names its place: its government's site names it
/// (wzfgw.wenzhou.gov.cn), and its own words say its level (全县, 县委).
#[test]
fn a_place_never_named_is_read_from_its_site_and_its_words() {
    let text = "各位代表：过去一年，全县上下在县委的坚强领导下，全县经济稳中向好。\n今年全县经济社会发展的主要预期目标是：地区生产总值增长8%左右。\n";
    let city = text.replace('县', "市");
    let out = ex().extract(&Document::from_text(
        "https://wzfgw.wenzhou.gov.cn/art/2023/3/24/art_1.html",
        &city,
    ));
    assert_eq!(out.report.region.as_deref(), Some("温州市"));
    assert_eq!(out.report.province.as_deref(), Some("浙江省"));
    let out = ex().extract(&Document::from_text("https://www.example.com/a.html", text));
    assert_eq!(out.report.region, None);
    assert_eq!(out.report.level, Some(baogao_model::Level::County));
}

/// A result that beat its target (超额完成全年目标任务) names a target but
/// reports the past.
#[test]
fn a_result_that_beat_its_target_is_no_target() {
    let out = news(
        DATELINE,
        "城镇新增就业47.5万人，超额完成全年目标任务。城乡居民人均可支配收入分别增长6.5%和9.9%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

/// An excerpt cut inside 左右 at its very end keeps what is legible (call 5).
#[test]
fn a_qualifier_cut_at_the_end_of_an_excerpt() {
    let out = news(
        DATELINE,
        "今年全区主要预期目标是：地区生产总值增长5.5%左右，城乡居民人均可支配收入分别增长7%左右、8%左",
    );
    let q: Vec<Qualifier> = out.targets.iter().map(|t| t.qualifier).collect();
    assert_eq!(q, [Qualifier::About; 3]);
}

/// A CPI written as an index with its base (103%) is its level (call 6).
#[test]
fn an_index_with_its_base_is_a_level() {
    let out = news(
        DATELINE,
        "今年全市主要预期目标是：地区生产总值增长9%，居民消费价格指数控制在103%以内。",
    );
    let cpi = out
        .targets
        .iter()
        .find(|t| t.indicator == "cpi")
        .expect("cpi");
    assert_eq!(
        (cpi.measure, cpi.value),
        (baogao_model::Measure::Level, Some(103.0))
    );
}

/// A mirror that doubled a mark (增长7%，、8%) keeps the list whole.
#[test]
fn a_doubled_mark_keeps_a_list_whole() {
    let out = news(
        DATELINE,
        "今年全省主要预期目标是：城镇居民、农村居民人均可支配收入分别增长7%，、8%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("urban_disposable_income", Some(7.0), Qualifier::Exact),
            ("rural_disposable_income", Some(8.0), Qualifier::Exact),
        ]
    );
}

/// A targets table copied one cell a line (row number, name, target,
/// responsible offices) reads row by row.
#[test]
fn a_table_copied_one_cell_a_line() {
    let out = news(
        DATELINE,
        "经济社会发展主要预期目标分解(3项)\n1\n地区生产总值\n地区生产总值增长12%\n市发改委、统计局\n2\n财政收入\n地方财政一般预算收入增长12%以上\n市财政局、国税局、地税局\n3\n投资\n全社会固定资产投资增长18%\n市发改委\n",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(12.0), Qualifier::Exact),
            ("general_budget_revenue", Some(12.0), Qualifier::AtLeast),
            ("fixed_asset_investment", Some(18.0), Qualifier::Exact),
        ]
    );
}

/// A long table copied one cell a line is read to its last row: the limit
/// on a list's length counts its targets, not the lines of its cells.
#[test]
fn a_long_table_copied_one_cell_a_line_is_read_to_the_end() {
    use std::fmt::Write as _;
    let rows_in: [(&str, &str); 10] = [
        ("地区生产总值", "地区生产总值增长8%"),
        ("财政收入", "地方一般公共预算收入增长6%"),
        ("投资", "全社会固定资产投资增长10%"),
        ("消费", "社会消费品零售总额增长9%"),
        ("外贸", "进出口总额增长5%"),
        ("城镇收入", "城镇居民人均可支配收入增长8%左右"),
        ("农村收入", "农村居民人均可支配收入增长9%左右"),
        ("物价", "居民消费价格涨幅控制在3%以内"),
        ("就业", "城镇登记失业率控制在4%以内"),
        ("工业", "规模以上工业增加值增长7%"),
    ];
    let mut body = String::from("经济社会发展主要预期目标分解(10项)\n");
    for (i, (cell, target)) in rows_in.iter().enumerate() {
        let _ = writeln!(body, "{}\n{cell}\n{target}\n市发改委、统计局", i + 1);
    }
    let out = news(DATELINE, &body);
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids.len(), 10, "{:#?}", out.targets);
    assert_eq!(ids.last().copied(), Some("industrial_value_added"));
}

/// With no targets cue, a numbered list whose first item looks ahead goes
/// on item by item past the notes after each (who leads it).
#[test]
fn a_numbered_list_with_notes_and_no_cue_goes_on_item_by_item() {
    let out = news(
        "2010年03月23日",
        "2010年政府工作报告任务分解\n1.地区生产总值增长13.5%。主办单位：市发展和改革委员会。\n2.财政一般预算收入增长18%。主办单位：市财政局。\n3.全社会固定资产投资增长26%。主办单位：市统计局。\n",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(13.5), Qualifier::Exact),
            ("general_budget_revenue", Some(18.0), Qualifier::Exact),
            ("fixed_asset_investment", Some(26.0), Qualifier::Exact),
        ]
    );
    // a numbered list of last year's results does not go on with it
    let out = news(
        "2010年03月23日",
        "2009年完成情况\n1.地区生产总值增长12%。主办单位：市发改委。\n2.财政一般预算收入增长15%。主办单位：市财政局。\n",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

/// A growth named before the cue (国内生产总值增长目标是8%左右) is the first
/// target, and the nation's own report quotes no other government.
#[test]
fn a_growth_named_before_the_cue_is_a_target() {
    let out = news(
        "2007年03月05日",
        "国务院总理在政府工作报告中说，2007年国内生产总值增长目标是8%左右，城镇登记失业率控制在4.6%以内。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::About),
            ("unemployment_rate", Some(4.6), Qualifier::AtMost),
        ]
    );
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要目标是：居民消费价格涨幅目标为3%左右，地区生产总值增长8%。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["cpi", "gdp"], "{:#?}", out.targets);
}

/// 目标 glued in front of a name in news prose is not part of it.
#[test]
fn a_target_word_glued_before_a_name_is_not_part_of_it() {
    let out = news(
        "2010年01月26日",
        "市长今日表示，2010年上海经济社会发展的主要目标包括，全市生产总值增长8%以上。此外，市长表示，2010年上海目标万元生产总值综合能耗进一步下降。",
    );
    let t = out
        .targets
        .iter()
        .find(|t| t.indicator == "energy_intensity")
        .expect("the energy target");
    assert_eq!(t.raw_name, "万元生产总值综合能耗");
}

/// A figure a headline states and the body states again is one row, at the
/// body's clause.
#[test]
fn a_headline_figure_stated_again_is_read_where_the_body_states_it() {
    let out = news(
        "2024年02月01日",
        "2024年某市政府工作报告出炉\n地区生产总值预期增长5%\n本报讯 1月31日，某市人大会议开幕。报告提出，2024年，某市目标明确，地区生产总值预期目标增长5%。",
    );
    assert_eq!(out.targets.len(), 1, "{:#?}", out.targets);
    assert_eq!(out.targets[0].text, "地区生产总值预期目标增长5%");
    // (the headline, read as a target, is no result of the past year either)
    assert!(out.outcomes.is_empty(), "{:#?}", out.outcomes);
    // a clause read as a target is never also an outcome
    let out = news(
        "2024年02月01日",
        "2024年某市政府工作报告出炉\n地区生产总值增长5%\n本报讯 1月31日，某市人大会议开幕。",
    );
    assert_eq!(out.targets.len(), 1, "{:#?}", out.targets);
    assert!(out.outcomes.is_empty(), "{:#?}", out.outcomes);
}

/// After the year's targets, a sentence that names work and then aims at a
/// figure with 力争 is a work section's aim; a stretch after a target's own
/// figure is not.
#[test]
fn a_work_aim_after_the_targets_is_not_a_target() {
    let out = news(
        DATELINE,
        "市长在政府工作报告中提出，今年全市地区生产总值增长8%以上，力争9%。市长表示，今年将大力培育市场主体，持续优化营商环境，力争新增市场主体5万户以上；扩大有效投资，狠抓项目建设，争取重点项目完成投资600亿元。",
    );
    assert_eq!(out.targets.len(), 1, "{:#?}", out.targets);
    assert_eq!(out.targets[0].indicator, "gdp");
    assert_eq!(out.targets[0].stretch_value, Some(9.0));
}

/// Items set apart by spaces, or by nothing at all, are read one by one;
/// a figure's own words after it (左右, 至, 降到) stay with it.
#[test]
fn items_with_no_mark_between_them_are_read_one_by_one() {
    let want = [
        ("gdp", Some(8.0), Qualifier::About),
        ("general_budget_revenue", Some(6.0), Qualifier::Exact),
        ("unemployment_rate", Some(4.5), Qualifier::AtMost),
        ("grain_output", Some(1300.0), Qualifier::AtLeast),
        ("cpi", Some(3.0), Qualifier::About),
    ];
    for gap in [" ", "\u{3000}", ""] {
        let out = news(
            DATELINE,
            &format!(
                "今年全市经济社会发展的主要预期目标是：地区生产总值增长8%左右{gap}一般公共预算收入增长6%{gap}城镇登记失业率控制在4.5%以内{gap}粮食产量1300万吨以上{gap}居民消费价格涨幅3%左右。"
            ),
        );
        assert_eq!(rows(&out.targets), want, "gap {gap:?}");
    }
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长7% 至 7.5%，城镇调查失业率由5.5% 降到5%，居民消费价格涨幅3% 左右。",
    );
    let got: Vec<(&str, Option<f64>, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.value_max))
        .collect();
    assert_eq!(
        got,
        [
            ("gdp", Some(7.0), Some(7.5)),
            ("unemployment_rate", Some(5.0), None),
            ("cpi", Some(3.0), None),
        ]
    );
}

/// A round-up of several places' reports: the lead place's targets are the
/// report's; a paragraph on another place states that place's, and a
/// comment on a figure (这是…) is none.
#[test]
fn a_round_up_of_several_reports_keeps_the_lead_places_targets() {
    let out = news(
        "2020年04月27日",
        "各地相继公布今年经济增长目标：
据报道，4月26日，杭州市第十三届人民代表大会第五次会议开幕，杭州市代市长作政府工作报告时介绍，建议2020年GDP增长目标为增长6.5%左右，这是杭州市近年首次将这一数字下调至7%以下。
其中，在4月11日召开的通辽市人大五届三次会议上，报告提出，2020年主要预期目标为地区生产总值增长5%左右。
4月18日上午，临汾市四届人大七次会议开幕。临汾市2020年主要预期目标：全市地区生产总值增长6.1%左右，一般公共预算收入增长2%，全社会固定资产投资增长7%。
",
    );
    assert_eq!(out.report.region.as_deref(), Some("杭州市"));
    assert_eq!(
        rows(&out.targets),
        [("gdp", Some(6.5), Qualifier::About)],
        "{:#?}",
        out.targets
    );
    // another place's paragraph whose own words cue its targets (湖北：湖北今年
    // 的目标是…): that place's, not a cue of the lead place's
    let out = news(
        "2017-02-08",
        "多地公布2017年经济增长目标 河南定为8%左右
随着地方两会陆续召开，各地相继公布了2017年经济增长目标。
河南：河南省省长在省十二届人大七次会议上作政府工作报告时提出，2017年全省生产总值增长8%左右，固定资产投资增长12%。
湖北：湖北今年的目标是地区生产总值增长7.5%—8%，固定资产投资增长13%左右。
",
    );
    assert_eq!(out.report.region.as_deref(), Some("河南省"));
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::About),
            ("fixed_asset_investment", Some(12.0), Qualifier::Exact)
        ],
        "{:#?}",
        out.targets
    );
    // the other places' paragraph opens with a province named short (四川提出…)
    let out = news(
        "2015-01-28",
        "各地公布今年增长目标 重庆定在10%左右
随着地方两会相继召开，各地今年的经济增长目标陆续出炉。
重庆市政府工作报告提出，今年全市地区生产总值增长10%左右，固定资产投资增长17%。
四川提出今年地区生产总值增长7.5%，湖北则定在9%左右。
分析人士认为，多地下调目标体现了对经济新常态的适应。
",
    );
    assert_eq!(out.report.region.as_deref(), Some("重庆市"));
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(10.0), Qualifier::About),
            ("fixed_asset_investment", Some(17.0), Qualifier::Exact)
        ],
        "{:#?}",
        out.targets
    );
}

/// Last year's result, then the coming year's figure with no name of its
/// own: the figure is the target of the indicator the result named.
#[test]
fn a_nameless_aim_after_last_years_result_takes_its_name() {
    for (text, value) in [
        (
            "报告显示，2023年全省地区生产总值增长5.2%，2024年预期增长5%左右。",
            5.0,
        ),
        (
            "报告显示，2023年全省地区生产总值预计增长4.7%左右；2024年预期目标增长5%左右。",
            5.0,
        ),
        (
            "报告显示，去年全市地区生产总值增长6%，今年预期增长6.5%左右，一般公共预算收入增长5%。",
            6.5,
        ),
    ] {
        let out = news("2024年01月20日", text);
        let gdp: Vec<_> = out
            .targets
            .iter()
            .filter(|t| t.indicator == "gdp")
            .collect();
        assert_eq!(gdp.len(), 1, "{text}: {:#?}", out.targets);
        assert_eq!(
            (gdp[0].value, gdp[0].qualifier),
            (Some(value), Qualifier::About),
            "{text}"
        );
        assert!(gdp[0].text.contains("地区生产总值"), "{}", gdp[0].text);
    }
}

/// A nameless figure followed by a word of its size (大关, 规模) is more of
/// the item before; one followed by what it counts is not.
#[test]
fn a_figure_followed_by_a_word_of_its_size_goes_on_with_its_item() {
    let out = news(
        DATELINE,
        "今年全市主要预期目标是：地区生产总值增长8%左右，总量突破3000亿元大关；65万以上贫困人口脱贫。",
    );
    let gdp = values_of(&out.targets, "gdp");
    assert_eq!(gdp, [Some(8.0), Some(3000.0)], "{:#?}", out.targets);
    assert_eq!(out.targets.len(), 3, "{:#?}", out.targets);
    assert_eq!(out.targets[2].indicator, "other:贫困人口脱贫");
}

/// An item one a line that ends like a group heading (…完成国家下达的控制指标)
/// is an item.
#[test]
fn an_item_that_ends_like_a_heading_is_read() {
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：\n地区生产总值增长8%；\n单位生产总值能耗完成省下达的控制指标；\n城镇登记失业率控制在4%以内。\n",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "energy_intensity", "unemployment_rate"]);
}

/// A completion names its goal as 指标 as often as 控制指标 or 任务.
#[test]
fn a_completion_of_the_indicators_handed_down() {
    let out = news(
        DATELINE,
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长8%，单位生产总值能耗完成省下达指标。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "energy_intensity"]);
}

/// A county news report whose dateline gives no year: a review sentence of
/// last year's figures, then the targets under each of the ways a report or
/// its news states them.
#[test]
fn every_way_of_introducing_the_years_targets_in_a_news_report() {
    let head = "安远县十六届人大二次会议开幕\n本报讯（记者 李明）1月8日，安远县第十六届人民代表大会第二次会议在县会议中心开幕。县长王强作政府工作报告。\n报告回顾了过去一年的工作。2012年，全县地区生产总值增长7.2%，一般公共预算收入增长5.1%，固定资产投资增长15.3%，城镇居民人均可支配收入增长9.1%。\n";
    let list = "地区生产总值增长8%左右，一般公共预算收入增长6%，固定资产投资增长10%，城乡居民人均可支配收入分别增长8%和9%。\n报告还提出，要坚持项目带动战略。\n";
    for intro in [
        "报告提出，今年全县经济社会发展的主要预期目标是：",
        "报告提出，2013年全县经济社会发展的主要预期目标是：",
        "今年，我县将努力实现以下目标：",
        "今年的目标是：",
        "新的一年，全县经济社会发展的主要目标为：",
        "今年发展的主要预期目标：",
        "会议确定，今年全县经济社会发展主要预期目标为",
        "报告确定，今年全县",
        "王强在报告中说，今年将力争实现",
        "今年，全县",
        "报告把今年全县发展目标确定为：",
        "【2013年目标】",
        "展望2013年：",
        "综合考虑各方面因素，今年全县经济社会发展的主要预期目标建议为：",
        "今年全县经济社会发展的奋斗目标是：",
        "今年我们的工作目标是：",
        "今年主要经济指标安排如下：",
        "根据县委经济工作会议精神，今年全县主要预期目标是：",
        "报告指出，今年全县经济工作的主要目标为：",
        "按照县委全会的要求，今年全县经济社会发展的主要预期指标是：",
        "全县今年的发展目标定为：",
        "今年经济社会发展的主要目标任务是：",
        "今年县域经济发展主要预期目标是：",
        "今年要确保实现以下目标：",
        "王强说，今年全县经济社会发展的主要预期目标是",
        "对于今年，报告提出的主要预期目标是：",
        "报告明确，今年",
        "今年全县经济社会发展的总体目标是：经济保持平稳较快发展，",
        "今年全县经济社会发展的主要预期目标是，",
        "王强表示，2013年，全县",
        "今年全县力争",
        "今年政府工作的主要目标是：",
        "2013年全县国民经济和社会发展计划的主要指标是：",
        "据悉，今年安远县",
        "今年的预期目标为",
    ] {
        let out = crate::variations::run(&format!("{head}{intro}{list}"));
        let mut got = rows(&out.targets);
        got.sort_by(|a, b| a.0.cmp(b.0).then(a.1.partial_cmp(&b.1).expect("figures")));
        assert_eq!(
            got,
            [
                ("fixed_asset_investment", Some(10.0), Qualifier::Exact),
                ("gdp", Some(8.0), Qualifier::About),
                ("general_budget_revenue", Some(6.0), Qualifier::Exact),
                ("rural_disposable_income", Some(9.0), Qualifier::Exact),
                ("urban_disposable_income", Some(8.0), Qualifier::Exact),
            ],
            "{intro}"
        );
    }
}

/// A county's news report that states no target of its own: last year's
/// results, a five-year plan, the province's or the nation's targets, last
/// year's targets and how they were met, an estimate, a half-year's figures.
#[test]
fn look_alikes_of_the_years_targets_give_none() {
    let head = "安远县十六届人大二次会议开幕\n本报讯（记者 李明）2013年1月8日，安远县第十六届人民代表大会第二次会议在县会议中心开幕。县长王强作政府工作报告。\n";
    for body in [
        "报告回顾了过去一年的工作。2012年，全县地区生产总值增长12.5%，一般公共预算收入增长15.1%，固定资产投资增长25.3%。",
        "报告指出，“十二五”期间，全县地区生产总值年均增长10%以上，到2015年，全县地区生产总值达到100亿元，一般公共预算收入达到10亿元。",
        "报告指出，全省今年的主要预期目标是：生产总值增长8%，一般公共预算收入增长9%。全县要围绕全省目标，奋力争先。",
        "报告指出，去年确定的主要预期目标全面完成：地区生产总值增长8%，一般公共预算收入增长9%，固定资产投资增长20%。",
        "预计2012年全县地区生产总值增长10%左右，一般公共预算收入增长12%左右。",
        "过去五年，全县地区生产总值年均增长11.2%，一般公共预算收入年均增长18%。",
        "去年，全县经济社会发展的主要预期目标是：地区生产总值增长10%，一般公共预算收入增长12%。实际完成情况是：地区生产总值增长11%。",
        "今年上半年，全县地区生产总值增长7.5%，完成全年目标的50%，一般公共预算收入增长9%。",
        "国家今年的预期目标是国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右。",
        "报告提出，到2020年，全县地区生产总值力争达到200亿元，城乡居民人均可支配收入比2010年翻一番。",
        "过去一年，圆满完成县十六届人大三次会议确定的目标任务。全年完成生产总值237.2亿元，增长9.4%，总量和增幅均列全市第三。",
    ] {
        let out =
            crate::variations::run(&format!("{head}{body}\n报告还提出，要坚持项目带动战略。\n"));
        assert!(out.targets.is_empty(), "{body}: {:?}", rows(&out.targets));
    }
}

#[test]
fn a_growth_named_before_the_word_for_targets_is_one() {
    let out = news(
        DATELINE,
        "本报讯 从昨日召开的全市财政工作会议上获悉，根据今年我市经济增长13%的预期目标，我市财政一般预算收入预计将增长14%，争取达到20%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(13.0), Qualifier::Exact),
            ("general_budget_revenue", Some(14.0), Qualifier::Exact),
        ]
    );
    assert_eq!(out.targets[0].text, "经济增长13%");
    assert_eq!(out.targets[1].stretch_value, Some(20.0));
}

#[test]
fn a_target_stated_before_the_list_in_the_same_paragraph_is_kept() {
    let out = news(
        DATELINE,
        "1月9日，某县十八届人大三次会议开幕。县长在报告中提出，今年全县地区生产总值增长7%左右。报告提出，今年的其他主要预期目标是：一般公共预算收入增长5%，城乡居民人均可支配收入分别增长6%和7%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(7.0), Qualifier::About),
            ("general_budget_revenue", Some(5.0), Qualifier::Exact),
            ("urban_disposable_income", Some(6.0), Qualifier::Exact),
            ("rural_disposable_income", Some(7.0), Qualifier::Exact),
        ]
    );
}

#[test]
fn a_field_heads_its_target_and_an_estimate_goes_on_with_the_run() {
    // 财政方面， names a field, not work done before a 力争 aim
    let out = news(
        DATELINE,
        "今年，我区将确保地区生产总值增长13%。工业方面，规模以上工业增加值增长16%。财政方面，地方财政一般预算收入力争增长12%。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(13.0), Qualifier::Exact),
            ("industrial_value_added", Some(16.0), Qualifier::Exact),
            ("general_budget_revenue", Some(12.0), Qualifier::Exact),
        ]
    );
    // in the run, 预计 and a figure whose name is not read do not end it
    let out = news(
        DATELINE,
        "今年我市力争GDP增长11%。在投资方面，全社会固定资产投资计划增长20%。在消费方面，预计增长14%。同时，城镇居民人均可支配收入和农民人均纯收入将分别增长9%和10%。",
    );
    let got = rows(&out.targets);
    assert!(
        got.contains(&("urban_disposable_income", Some(9.0), Qualifier::Exact)),
        "{got:?}"
    );
    assert!(
        got.contains(&("rural_disposable_income", Some(10.0), Qualifier::Exact)),
        "{got:?}"
    );
    // …and the held run takes only a canonical indicator after it
    let out = news(
        DATELINE,
        "今年我市GDP预期增长8.5%左右，固定资产投资增长15%。市长表示，这一增速与全省8.5%左右的预期增速一致。今年我市将着力推进改革，力争全年新增高新技术企业100家。",
    );
    assert_eq!(out.targets.len(), 2, "{:#?}", out.targets);
    // …but a past year's estimate after them is no target
    let out = news(
        DATELINE,
        "今年我市力争GDP增长11%。2011年全市财政收入预计增长15%。",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(11.0), Qualifier::Exact)]);
}

#[test]
fn a_deputys_view_after_the_list_is_not_on_it() {
    let out = news(
        DATELINE,
        "报告提出，今年全市主要预期目标是：生产总值增长12%，地方财政收入增长15%，全社会固定资产投资增长25%。\n代表们认为，报告提出生产总值增长12%的目标，是积极稳妥的。\n来自某县的代表王某说：“地方财政收入增长15%的目标完全可以实现，我县今年地方财政收入目标是增长22%。”",
    );
    let got = rows(&out.targets);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(!got.iter().any(|r| r.1 == Some(22.0)), "{got:?}");
    // 我县 in a city's report is a county speaking
    let out = news(
        DATELINE,
        "榆林市三届人大二次会议开幕。来自神木县的代表说，我县今年主要预期目标是：生产总值增长14%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
    // (我们镇 in a district's report is a town speaking)
    let out = news(
        DATELINE,
        "柯桥区八届人大一次会议开幕。区长说，今年全区地区生产总值增长7%左右。\n来自钱清镇的代表说：“我们镇今年的目标是规上工业产值增长8%。”",
    );
    assert_eq!(rows(&out.targets), [("gdp", Some(7.0), Qualifier::About)]);
}

#[test]
fn the_work_after_who_says_it_ends_the_list() {
    let out = news(
        DATELINE,
        "区长说：“今年全区经济社会发展的主要预期目标是：地区生产总值增长12%，固定资产投资增长20%。”他说，实现上述目标，要突出抓好招商引资，力争全年引进内外资项目60个以上。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(12.0), Qualifier::Exact),
            ("fixed_asset_investment", Some(20.0), Qualifier::Exact),
        ]
    );
}

#[test]
fn projects_a_clause_says_are_done_are_no_targets() {
    let out = news(
        DATELINE,
        "2015年全区发展目标为：地区生产总值增长8%左右；全社会固定资产投资增长5%。\n报告还提出，今年将继续办好重要民生实事，新增城镇就业1.2万人，完成老旧小区综合整治20万平方米。",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(8.0), Qualifier::About),
            ("fixed_asset_investment", Some(5.0), Qualifier::Exact),
        ]
    );
}

/// A story that tells the report's other targets after a quote, citing the
/// report (按照报告，今年…): the report's, as 报告提出 would be.
#[test]
fn targets_told_after_citing_the_report_are_the_reports() {
    let out = news(
        "2018-01-20",
        "“今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。”19日上午，市长在市十五届人大三次会议上作政府工作报告时说。\n报告提出，今年全市固定资产投资增长8%，一般公共预算收入增长5%。\n“发展的成果要由人民共享。”市长说。按照报告，今年城乡居民收入增长与经济增长同步，城镇登记失业率控制在4%以内。\n编辑：王芳",
    );
    assert_eq!(
        rows(&out.targets),
        [
            ("gdp", Some(7.0), Qualifier::About),
            ("fixed_asset_investment", Some(8.0), Qualifier::Exact),
            ("general_budget_revenue", Some(5.0), Qualifier::Exact),
            ("disposable_income", None, Qualifier::Qualitative),
            ("unemployment_rate", Some(4.0), Qualifier::AtMost),
        ],
        "{:#?}",
        out.targets
    );
}
