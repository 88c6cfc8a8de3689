//! How whole reports arrange their targets section, written for these tests
//! (not taken from the fixtures): the five-year plan's list before the
//! year's, reasons that name an earlier year in the cue's lead, kinds of
//! targets numbered as sub-headings, and item numbers typed with a point;
//! and how pages carry them (a summary's box, a fold or an ad inside the
//! list, a page that opens after the cue).

use baogao_model::Measure;

use crate::variations::run;

/// Every target as `indicator value`.
fn rows(text: &str) -> Vec<String> {
    run(text)
        .targets
        .iter()
        .map(|t| format!("{} {}", t.indicator, t.value.unwrap_or(f64::NAN)))
        .collect()
}

/// A report of 2013: the plan's list, then the year's.
fn plan_then_year(plan_intro: &str) -> String {
    format!(
        "安徽省政府工作报告\n——2013年1月26日在安徽省第十二届人民代表大会第一次会议上\n二、今后五年的目标任务\n{plan_intro}\n主要奋斗目标是：经济总量和人均水平大幅提升，全省生产总值年均增长10%以上，到2017年突破2.6万亿元；城乡居民收入比2010年翻一番。\n三、2013年工作安排\n综合考虑发展需要和现实可能，我们把今年全省经济社会发展的目标确定为：全省生产总值增长10%左右，财政收入增长12%。\n"
    )
}

#[test]
fn the_plans_list_after_a_paragraph_on_the_years_ahead_is_not_the_years() {
    let text = plan_then_year(
        "今后五年，是全面建成小康社会的关键时期。今后五年政府工作的总体要求是：加快发展。",
    );
    assert_eq!(rows(&text), ["gdp 10", "other:财政收入 12"]);
}

#[test]
fn the_years_list_after_a_paragraph_on_the_years_ahead_stays() {
    // the paragraph before speaks of the years ahead, but the list is the
    // year's own (no 年均, no later year)
    let text = "今后五年，是全面建成小康社会的关键时期。\n主要预期目标是：全市生产总值增长10%左右，财政收入增长12%。\n";
    assert_eq!(rows(text), ["gdp 10", "other:财政收入 12"]);
}

#[test]
fn an_earlier_year_among_the_reasons_before_the_cue_is_no_year_of_the_targets() {
    let text = "绵阳市政府工作报告\n——2021年1月19日在绵阳市第七届人民代表大会第六次会议上\n综合考虑“十四五”规划衔接、2020年低基数和发展条件，今年经济社会发展的主要预期目标建议为：地区生产总值增长8%以上，一般公共预算收入增长6%。\n";
    assert_eq!(rows(text), ["gdp 8", "general_budget_revenue 6"]);
    // read from the cue, not from forward sentences (which in a whole report
    // take the look-alikes of the work sections as well)
    let doc = baogao_model::Document::from_text("t.txt", text);
    assert_eq!(crate::variations::ex().explain(&doc).located_by, "cue");
}

#[test]
fn numbered_kinds_of_targets_go_on_with_the_list() {
    let text = "我们把今年全省经济社会发展的目标确定为：\n（一）经济增长目标。\n1. 全省生产总值增长10%左右；\n2. 全社会固定资产投资增长20%。\n（二）对外开放目标。\n1. 进出口总额增长12%。\n（三）人民生活目标。\n1. 城镇新增就业60万人。\n实现上述目标，要重点做好以下工作。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 10",
            "fixed_asset_investment 20",
            "foreign_trade 12",
            "new_urban_jobs 60"
        ]
    );
}

#[test]
fn an_item_number_typed_with_a_point_is_no_figure_of_a_shared_list() {
    let text = "今年主要预期目标是：\n1. 单位生产总值能耗下降3.5%；\n2. 化学需氧量、氨氮排放量分别下降2%、1.5%。\n";
    let out = run(text);
    let got: Vec<(String, Measure, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.clone(), t.measure, t.value))
        .collect();
    assert_eq!(
        got,
        [
            ("energy_intensity".to_owned(), Measure::Change, Some(-3.5)),
            ("other:化学需氧量".to_owned(), Measure::Change, Some(-2.0)),
            ("other:氨氮排放量".to_owned(), Measure::Change, Some(-1.5)),
        ]
    );
}

#[test]
fn a_page_that_opens_after_the_cue_gives_the_list_it_then_calls_its_targets() {
    // page 2 of a report: the cue and the first item's name on page 1
    let text = "您当前的位置：首页 > 政府工作报告 > 2016年四川省政府工作报告\n长7.5%左右；全社会固定资产投资增长12%左右；社会消费品零售总额增长11%；城镇登记失业率控制在4.2%以内。\n实现上述目标，必须坚持发展第一要务。\n（一）着力推动产业转型升级。力争规模以上工业增加值增长8%以上。\n上一页 1 2 3 下一页\n";
    assert_eq!(
        rows(text),
        [
            "fixed_asset_investment 12",
            "retail_sales 11",
            "unemployment_rate 4.2"
        ]
    );
    // …or the plan's heading after it, when its figures are written as aims
    let text = "首页 > 政务 > 政府工作报告\n外贸进出口总额增长5%左右；城镇调查失业率控制在5.5%以内，城镇新增就业35万人以上；居民消费价格涨幅3%左右。\n二、2021年重点工作\n（一）强化创新驱动。力争全社会研发经费投入增长15%以上。\n";
    assert_eq!(
        rows(text),
        [
            "foreign_trade 5",
            "unemployment_rate 5.5",
            "new_urban_jobs 35",
            "cpi 3"
        ]
    );
}

#[test]
fn a_reviews_last_results_before_the_plans_heading_are_no_targets() {
    let text = "首页 > 政务 > 政府工作报告\n全年地区生产总值增长8.5%，一般公共预算收入增长10%，固定资产投资增长12%，城镇新增就业5万人。\n二、2021年重点工作\n（一）强化创新驱动。力争全社会研发经费投入增长15%以上。\n";
    assert!(
        !rows(text).iter().any(|r| r.starts_with("gdp")),
        "{:?}",
        rows(text)
    );
}

/// A review that ends by telling the last session's aims done (…人口自然增长率
/// 控制在5.8‰以内，县十六届人大三次会议确定的各项目标任务全面完成): results, though a
/// session set them, on a page of a split report that holds no targets.
#[test]
fn a_reviews_aims_done_are_no_targets() {
    let text = "2010年通渭县人民政府工作报告\n发布时间：2010-02-03　信息来源：县政府办公室\n——2010年1月26日在通渭县第十六届人民代表大会第四次会议上\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2009年工作回顾\n2009年，全县经济社会保持了平稳较快发展的良好态势。全县生产总值完成20.1亿元，增长12.5%；农民人均纯收入2650元，增长13%；城镇登记失业率控制在3.5%以内；人口自然增长率控制在5.8‰以内，县十六届人大三次会议确定的各项目标任务全面完成。\n“十一五”以来，全县生产总值年均增长10.2%，“十一五”规划确定的主要指标有望提前完成。\n（第1页 共3页）　下一页\n";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
}

#[test]
fn a_summarys_target_box_is_a_cue() {
    let text = "昆山市政府工作报告要点速览\n2023-01-12 昆山日报\n【回顾】2022年，全市实现地区生产总值5006.7亿元，增长2.3%。\n【目标】地区生产总值增长5.5%左右；一般公共预算收入增长5%左右；城镇调查失业率控制在5%以内。\n【亮点】今年将实施重大项目230个，总投资超过2000亿元。\n";
    assert_eq!(
        rows(text),
        ["gdp 5.5", "general_budget_revenue 5", "unemployment_rate 5"]
    );
}

#[test]
fn a_pages_fold_or_ad_inside_the_list_is_no_end_of_it() {
    let text = "福建：今年GDP预期增长5.5%左右\n2024-01-23 来源：东南网\n报告提出，2024年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长3%左右；\n阅读全文\n城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n【广告】年化收益8.5%，理财就选某某宝\n相关新闻\n";
    assert_eq!(
        rows(text),
        [
            "gdp 5.5",
            "general_budget_revenue 3",
            "unemployment_rate 5.5",
            "cpi 3"
        ]
    );
}

#[test]
fn a_break_inside_a_name_of_a_long_line_is_no_end_of_it() {
    // (a PDF's text: one line cut inside a name, the rest of the clause and
    // its figure on the next)
    let text = "2016年全县经济社会发展的主要预期目标为：地区生产总值增长9.5%，一般公共预算收入增长8%，固定资产投资增长18%，城镇常住居民人均可支\n配收入增长9%，城镇登记失业率控制在3%以内。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 9.5",
            "general_budget_revenue 8",
            "fixed_asset_investment 18",
            "urban_disposable_income 9",
            "unemployment_rate 3"
        ]
    );
    // (a paper's full-width digits after the cut)
    let text = "２０２０年全区经济社会发展主要预期目标为：地区生产总值增长６％左右；一般公共预算收入增长３％；规上工业增\n加值增长５．５％；固定资产投资增长１０％。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 6",
            "general_budget_revenue 3",
            "industrial_value_added 5.5",
            "fixed_asset_investment 10"
        ]
    );
    // a heading's line break is kept (short, no clauses of its own)
    let text = "二、2016年主要预期目标\n地区生产总值增长9.5%，一般公共预算收入增长8%。\n";
    assert_eq!(rows(text), ["gdp 9.5", "general_budget_revenue 8"]);
}

#[test]
fn a_yearly_means_name_is_no_average_over_years() {
    let text = "今年主要预期目标是：地区生产总值增长7%左右，细颗粒物年均浓度下降5%左右，PM2.5年均浓度控制在35微克/立方米以下。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 7",
            "other:细颗粒物年均浓度 -5",
            "other:PM2.5年均浓度 35"
        ]
    );
    // a year's lead-in glued to a name is still cut (二0一0年上海目标…)
    let text = "今年主要预期目标是：2010年全市地区生产总值增长8%。\n";
    assert_eq!(rows(text), ["gdp 8"]);
}

#[test]
fn a_base_between_a_name_and_its_verb_is_no_part_of_the_name() {
    let text = "今年全市经济社会发展的预期目标：地区生产总值在去年增长7.9%的基础上增长7.5%—8%，力争完成“十三五”规划确定的翻番目标；一般公共预算收入增长6%。\n";
    let out = run(text);
    let got: Vec<(String, Option<f64>, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.clone(), t.value, t.value_max))
        .collect();
    assert_eq!(
        got,
        [
            ("gdp".to_owned(), Some(7.5), Some(8.0)),
            ("general_budget_revenue".to_owned(), Some(6.0), None)
        ]
    );
}

#[test]
fn a_plan_among_the_considerations_before_the_cue_is_no_plans_cue() {
    let text = "九江市政府工作报告\n——2021年1月19日在九江市第十六届人民代表大会第六次会议上\n三、2021年工作安排\n综合考虑“十四五”规划目标、经济恢复基础和发展潜力，全市经济社会发展主要预期目标建议为：\n1.地区生产总值增长9%左右；\n2.一般公共预算收入增长7%。\n";
    assert_eq!(rows(text), ["gdp 9", "general_budget_revenue 7"]);
}

#[test]
fn the_general_requirements_add_what_the_list_leaves_out() {
    let text = "政府工作报告——2018年1月18日在正定县第十六届人民代表大会第三次会议上\n二、2018年工作安排\n今年政府工作的总体要求是：坚持稳中求进工作总基调，全力完成地区生产总值增长8%、力争9%，一般公共预算收入增长10%的目标任务。\n主要预期目标是：规模以上工业增加值增长8%左右；社会消费品零售总额增长11%。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 8",
            "general_budget_revenue 10",
            "industrial_value_added 8",
            "retail_sales 11"
        ]
    );
    // a list that states them already takes nothing twice
    let text = "政府工作报告——2018年1月18日在正定县第十六届人民代表大会第三次会议上\n二、2018年工作安排\n今年政府工作的总体要求是：坚持稳中求进，全力完成地区生产总值增长8%的目标任务。\n主要预期目标是：地区生产总值增长8%左右；社会消费品零售总额增长11%。\n";
    assert_eq!(rows(text), ["gdp 8", "retail_sales 11"]);
}

#[test]
fn an_infographics_names_and_figures_one_a_line_are_read_in_pairs() {
    let text = "图解丨一图读懂2018年江西省政府工作报告\n2018-01-26　来源：中国江西网\n【2018年主要预期目标】\nGDP\n增长8.5%左右\n固定资产投资\n增长11%左右\n城镇新增就业\n45万人以上\n城镇登记失业率\n4.5%以内\n【2017年成绩单】\nGDP\n增长8.9%\n";
    assert_eq!(
        rows(text),
        [
            "gdp 8.5",
            "fixed_asset_investment 11",
            "new_urban_jobs 45",
            "unemployment_rate 4.5"
        ]
    );
    // (each name numbered, 1.地区生产总值 / 增长6%左右, or ending in a colon)
    for [a, b, c] in [
        ["1.地区生产总值", "2、一般公共预算收入", "3)城镇调查失业率"],
        ["地区生产总值：", "一般公共预算收入：", "城镇调查失业率："],
    ] {
        let text = format!(
            "某市两会速递\n2024-01-20 来源：某某发布\n今年主要预期目标是：\n{a}\n增长6%左右\n\
             {b}\n增长5%\n{c}\n5.5%以内\n"
        );
        assert_eq!(
            rows(&text),
            ["gdp 6", "general_budget_revenue 5", "unemployment_rate 5.5"],
            "{a}"
        );
    }
    // (two pairs are enough right under a heading of the aims)
    let text = "某市两会速递\n2024-01-20 来源：某某发布\n今年主要预期目标：\nGDP\n增长6%左右\n财政收入\n增长5%\n";
    assert_eq!(rows(text), ["gdp 6", "other:财政收入 5"]);
}

#[test]
fn a_headlines_short_figure_yields_to_the_articles_qualified_one() {
    let text = "长沙定下今年发展目标：GDP增长6% 居民收入与经济增长同步\n2024-01-23　来源：长沙晚报\n市长在政府工作报告中提出，今年全市地区生产总值增长6%左右，规模以上工业增加值增长7%。\n";
    let out = run(text);
    let gdp = out
        .targets
        .iter()
        .find(|t| t.indicator == "gdp")
        .expect("gdp");
    assert_eq!(gdp.qualifier, baogao_model::Qualifier::About);
    assert_eq!(
        out.targets.iter().filter(|t| t.indicator == "gdp").count(),
        1
    );
    assert!(
        out.targets
            .iter()
            .any(|t| t.indicator == "industrial_value_added")
    );
}

/// The targets [`session_news`] lists.
const SESSION_NEWS_TARGETS: [&str; 4] = [
    "gdp 9.5",
    "industrial_value_added 11",
    "fixed_asset_investment 18",
    "other:节能减排 NaN",
];

/// A county's session in a local paper: the targets, then a paragraph that
/// goes on after them (`after`).
fn session_news(after: &str) -> String {
    format!(
        "平安县十六届人大五次会议开幕\n本报讯 1月20日上午，平安县第十六届人民代表大会第五次会议开幕。县长代表县人民政府作政府工作报告。\n报告明确，今年全县经济社会发展的主要预期目标是：地区生产总值增长9.5%；规模以上工业增加值增长11%；全社会固定资产投资增长18%；节能减排完成市下达任务。\n{after}\n会议还听取和审议了县人大常委会工作报告。\n"
    )
}

#[test]
fn the_years_work_laid_out_point_by_point_after_the_list_sets_no_targets() {
    let text = session_news(
        "报告对2015年的重点工作作了部署：一是坚持工业强县不动摇，力争规模以上工业企业新增12家，主营业务收入增长15%以上；二是持续改善民生，新增城镇就业4000人，完成农村危旧土坯房改造3000户。",
    );
    assert_eq!(rows(&text), SESSION_NEWS_TARGETS);
}

#[test]
fn a_paragraph_that_sets_a_listed_indicator_again_is_the_works_aim() {
    let text = session_news(
        "报告要求，聚焦“制造强县”，今年力争规模以上工业增加值增长13%、工业投资增长15%，新培育专精特新企业10家；实现旅游总收入增长18%。",
    );
    assert_eq!(rows(&text), SESSION_NEWS_TARGETS);
}

#[test]
fn a_task_set_by_a_named_higher_government_is_named_without_it() {
    let text = "今年全市经济社会发展的主要预期目标是：地区生产总值增长12%左右；完成泉州市下达的节能减排任务。\n";
    assert_eq!(rows(text), ["gdp 12", "other:节能减排 NaN"]);
}

#[test]
fn what_a_government_set_is_named_without_its_verb() {
    let text = "“重庆今年确定的地区生产总值增长目标是6%左右。”市长在接受记者采访时说，重庆今年的主要预期目标还包括：规模以上工业增加值增长7%左右。\n";
    assert_eq!(rows(text), ["gdp 6", "industrial_value_added 7"]);
}

#[test]
fn the_plans_progress_under_the_years_heading_is_not_its_list() {
    let text = "二、2014年工作的总体要求和主要预期目标\n2014年是全面深化改革的开局之年，也是实现“十二五”规划目标的攻坚之年。“十二五”以来，我县地区生产总值年均增长13.2%，到2015年全县地区生产总值要比2010年翻一番，财政收入达到25亿元，任务十分艰巨。\n今年政府工作的总体要求是：坚持稳中求进，推动全县经济社会持续健康发展。\n今年全县经济社会发展的主要预期目标是：地区生产总值增长12%—13%；财政收入增长10%；人口自然增长率控制在7.5‰以内。\n三、2014年重点工作\n";
    assert_eq!(
        rows(text),
        ["gdp 12", "other:财政收入 10", "population_growth 7.5"]
    );
}

#[test]
fn a_live_reports_times_are_no_figures_and_its_projects_no_targets() {
    let text = "市第十九届人民代表大会第四次会议开幕 文字直播\n2024-01-10 08:50 来源：滕州发布\n9:03 市长作政府工作报告。\n9:10 2023年，全市地区生产总值完成1316亿元，增长6.1%。\n9:28 2024年全市经济社会发展主要预期目标：地区生产总值增长6%左右\n9:28 一般公共预算收入增长5%\n10:26 【预期目标】城乡居民人均可支配收入分别增长7%和8.5%\n9:40 今年将继续办好20件民生实事：新增城镇就业1.2万人，新建幼儿园5所……\n10:15 大会结束。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 6",
            "general_budget_revenue 5",
            "urban_disposable_income 7",
            "rural_disposable_income 8.5"
        ]
    );
}

/// A live report whose times are in brackets ([09:24]) and whose speaker is
/// named before a colon (赵建新：): the time opens no name, and a reader's wish
/// and the speaker's turn to the work end the list.
#[test]
fn a_live_reports_bracketed_times_wish_and_work_are_no_targets() {
    let text = "【文字直播】山西省十二届人大四次会议开幕\n2016-01-24 08:30 来源：山西新闻网\n[09:02] 省长代表省人民政府作政府工作报告。\n[09:05] 李小鹏：2015年，全省地区生产总值增长3.1%。\n[09:22] 李小鹏：今年全省经济社会发展的主要预期目标是：\n[09:22] 地区生产总值增长6%左右；\n[09:23] 一般公共预算收入增长3%；\n[09:24] 城镇和农村居民人均可支配收入分别增长6.5%和7%；\n[09:27] 网友“晋阳老李”留言：希望今年GDP目标能到7%！\n[09:28] 李小鹏：今年要重点做好以下工作：一是稳增长，力争全年引进项目500个以上；二是去产能，压减煤炭产能2000万吨。\n[10:30] 报告作完。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 6",
            "general_budget_revenue 3",
            "urban_disposable_income 6.5",
            "rural_disposable_income 7"
        ]
    );
    // (without the wish, the speaker's turn to the work ends it)
    let text = text.replace("[09:27] 网友“晋阳老李”留言：希望今年GDP目标能到7%！\n", "");
    assert_eq!(rows(&text).len(), 4, "{:?}", rows(&text));
}

#[test]
fn the_titles_under_a_box_of_links_are_other_pages() {
    let text = "浙江：今年地区生产总值增长目标定为6.5%左右\n2019-01-28 来源：浙江在线\n今天上午，浙江省十三届人大二次会议在杭州开幕。省长作政府工作报告。\n分享到：\n相关新闻：\n江苏：今年GDP增长预期目标为6.5%以上\n广东：2019年GDP增长目标为6%-6.5%\n";
    let out = run(text);
    assert_eq!(rows(text), ["gdp 6.5"]);
    assert_eq!(out.targets[0].qualifier, baogao_model::Qualifier::About);
}

#[test]
fn a_phone_pages_bulleted_names_and_their_figures_below_are_pairs() {
    let text = "划重点！\n2021年市政府工作报告\n2021年\n主要预期目标\n▪地区生产总值\n增长8%以上\n▪规模以上工业增加值\n增长10%\n▪城乡居民人均可支配收入\n分别增长7.5%、9%\n▪城镇调查失业率\n5.5%以内\n▪居民消费价格\n涨幅3%左右\n阅读原文\n";
    assert_eq!(
        rows(text),
        [
            "gdp 8",
            "industrial_value_added 10",
            "urban_disposable_income 7.5",
            "rural_disposable_income 9",
            "unemployment_rate 5.5",
            "cpi 3"
        ]
    );
}

#[test]
fn a_pdfs_short_lines_cut_before_a_figure_or_inside_a_name() {
    let text = "2013年郧西县政府工作报告.pdf\n- 6 -\n二、2013 年工作安排\n今年全县经济社会发展的总体要求是：坚持稳中求进，突出“生态立县、\n旅游兴县、工业强县”，推动县域经济跨越发展。主要预期目标是：全县生产总值增\n长13%以上，规模以上工业增加值增长20%，全社会固定资产投资增长\n30%，地方公共财政预算收入增长18%，社会消费品零售总额增长15%，\n城镇居民人均可支配收入和农民人均纯收入分别增长12%和\n14%，人口自然增长率控制在6‰以内。\n- 7 -\n实现上述目标，必须着力抓好以下工作：\n";
    assert_eq!(
        rows(text),
        [
            "gdp 13",
            "industrial_value_added 20",
            "fixed_asset_investment 30",
            "general_budget_revenue 18",
            "retail_sales 15",
            "urban_disposable_income 12",
            "rural_disposable_income 14",
            "population_growth 6"
        ]
    );
}

#[test]
fn an_infographic_that_writes_each_figure_above_its_name() {
    let text = "一图读懂丨2024年省政府工作报告\n2024-01-24 08:30 来源：省人民政府门户网站\n2023年 成绩单\n4.1%\n地区生产总值增长\n3.9%\n一般公共预算收入增长\n2024年 主要预期目标\n5.5%左右\n地区生产总值增长\n6%左右\n规模以上工业增加值增长\n与经济增长同步\n居民人均可支配收入增长\n110万人以上\n城镇新增就业\n2024年 重点工作\n";
    assert_eq!(
        rows(text),
        [
            "gdp 5.5",
            "industrial_value_added 6",
            "disposable_income NaN",
            "new_urban_jobs 110"
        ]
    );
    // the evidence spans the figure and its name as the page has them
    assert_eq!(run(text).targets[0].text, "5.5%左右\n地区生产总值增长");
    // a news page's bracketed figures, each above the sentence that names it
    let text = "数说政府工作报告\n2019-01-16 来源：株洲日报\n1月15日，市十五届人大四次会议开幕，市长作政府工作报告。\n【8%】\n去年全市地区生产总值增长8%，总量达到2840亿元左右。\n【8%左右】\n今年全市地区生产总值增长预期目标。\n【10%】\n今年固定资产投资增长目标。\n【3万人】\n今年城镇新增就业目标。\n分享到：微信\n";
    assert_eq!(
        rows(text),
        ["gdp 8", "fixed_asset_investment 10", "new_urban_jobs 3"]
    );
}

#[test]
fn a_count_in_the_prose_under_the_years_heading_is_no_list() {
    let text = "二、2019年总体要求和主要目标\n今年是中华人民共和国成立70周年，也是青岛实施“15个攻势”的开局之年。从国际看，外部环境复杂严峻。\n今年政府工作的总体要求是：坚持稳中求进。\n今年全市经济社会发展的主要预期目标建议为：\n1.地区生产总值增长7%左右；\n2.一般公共预算收入增长6%。\n三、2019年重点工作\n";
    assert_eq!(rows(text), ["gdp 7", "general_budget_revenue 6"]);
}

#[test]
fn dash_led_points_head_their_figures() {
    // a point that reads no target heads its line's figures; the list goes on
    let text = "某市人民政府工作报告\n——2019年1月在柳州市第十四届人民代表大会第四次会议上\n2019年全市经济社会发展主要预期目标是：\n——经济保持平稳增长。地区生产总值增长7%左右，固定资产投资增长10%。\n——人民生活持续改善。城镇居民人均可支配收入增长7%，城镇新增就业3.5万人。\n今年重点抓好以下工作：\n";
    let got = rows(text);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(
        got.iter().any(|r| r.starts_with("new_urban_jobs")),
        "{got:?}"
    );
    // a point's summary restated by its figure is one target, at the figure
    assert!(!got.iter().any(|r| r.contains("NaN")), "{got:?}");
    let text = "某市人民政府工作报告\n——2012年1月在包头市第十四届人民代表大会第一次会议上\n今年全市经济社会发展的主要预期目标是：一是经济保持平稳较快增长，地区生产总值增长10%以上，固定资产投资增长18%；二是人民生活持续改善，城镇登记失业率控制在4%以内；三是节能减排完成自治区下达任务。\n";
    let got = rows(text);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(
        got.iter().filter(|r| r.starts_with("gdp")).count(),
        1,
        "{got:?}"
    );
}

#[test]
fn a_field_before_a_colon_heads_the_names_after_it() {
    let text = "某县政府工作报告\n今年全县主要预期目标是：\n——经济发展方面：地区生产总值增长8%。\n——生态环境方面：森林覆盖率达到62%以上。\n";
    assert_eq!(rows(text), ["gdp 8", "other:森林覆盖率 62"]);
}

#[test]
fn a_plans_deadline_right_after_a_cue_naming_plan_and_year_is_the_plans() {
    let text = "某县新闻\n2011年1月10日 来源：某某日报\n报告提出了“十二五”和今年的发展目标：到2015年，全县地区生产总值达到400亿元、年均增长15%；一般预算收入突破30亿元。今年，地区生产总值增长15%，一般预算收入增长25%。\n";
    assert_eq!(rows(text), ["gdp 15", "general_budget_revenue 25"]);
}

#[test]
fn points_whose_summaries_are_sentences_of_their_own() {
    let text = "某自治区政府工作报告\n——2012年1月在内蒙古自治区第十一届人民代表大会第五次会议上\n今年全区经济社会发展的主要预期目标是：一是经济保持平稳较快增长。地区生产总值增长12%左右，固定资产投资增长20%。二是结构调整取得新进展。服务业增加值增长12%。三是人民生活持续改善。城镇登记失业率控制在4.2%以内。\n";
    let got = rows(text);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(
        got.iter().any(|r| r.starts_with("unemployment_rate")),
        "{got:?}"
    );
    assert!(!got.iter().any(|r| r.contains("NaN")), "{got:?}");
}

/// A dash-led list whose items each carry a sentence explaining them
/// (——地区生产总值增长5%左右。这一目标与全国目标相衔接。): the list goes on at
/// the next item; an explanation after the last item ends it.
#[test]
fn an_explanation_under_a_marked_item_does_not_end_the_list() {
    let text = "二、2026年主要目标\n建议今年全省经济社会发展主要预期目标安排如下：\n——地区生产总值增长5%左右。这一目标与全国目标相衔接，兼顾了需要与可能。\n——一般公共预算收入增长2%。\n——城镇新增就业50万人以上。这是稳就业的底线要求。\n三、重点工作\n力争固定资产投资增长6%以上。\n";
    assert_eq!(
        rows(text),
        ["gdp 5", "general_budget_revenue 2", "new_urban_jobs 50"]
    );
}

#[test]
fn a_year_written_in_chinese_digits_is_the_year_not_five_years() {
    // (二〇二五年 holds 五年, which names a five-year span: read as 2025年 it
    // is the coming year)
    for year in ["二〇二五年", "二零二五年", "二0二五年"] {
        let text = format!(
            "二、{year}目标任务和重点工作\n建议{year}全县经济社会发展的努力目标为：全县生产总值增长7%；固定资产投资增长10%以上。"
        );
        assert_eq!(
            rows(&text),
            ["gdp 7", "fixed_asset_investment 10"],
            "{year}"
        );
        let out = run(&text);
        assert_eq!(out.report.target_year, Some(2025));
        // the evidence is the text as written
        assert!(text.contains(&out.targets[0].text));
    }
}

/// A gazette's page break inside an item: the page's number, then the
/// gazette's name and issue on lines of their own (— 9 —\n贵州省人民政府公报
/// \n2016年第2期) are read as absent, so the item goes on.
#[test]
fn a_gazettes_page_head_inside_an_item_is_read_past() {
    let text = "贵州省人民政府公报\n2016年第2期\n今年全省经济社会发展的主要预期目标是：地区生产总值增长10%左右；城镇登记失业率控制\n— 9 —\n贵州省人民政府公报\n2016年第2期\n在4.2%以内；居民消费价格涨幅控制在3%左右。\n";
    assert_eq!(rows(text), ["gdp 10", "unemployment_rate 4.2", "cpi 3"]);
}

/// The first target set in a sentence of its own before the cue of the
/// others (…将今年全省地区生产总值增长预期目标设定为5.5%左右，在实际工作中
/// 争取更好结果。其他主要预期目标是：…), as the State Council's report and
/// provinces after it write it; a completion led by 确保 is a target, one
/// that names no indicator (确保完成国家下达的指标) none.
#[test]
fn the_first_target_before_the_cue_of_the_others_is_read() {
    let text = "海南省十七届人大五次会议开幕\n2025年是“十四五”规划收官之年，也是全岛封关运作之年。综合考虑发展基础和各方面因素，报告将今年全省地区生产总值增长预期目标设定为5.5%左右，在实际工作中争取更好结果。其他主要预期目标是：一般公共预算收入增长3%；城镇登记失业率控制在4%以内；确保完成省下达的节能减排任务；单位生产总值能耗下降，确保完成国家下达的指标。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 5.5",
            "general_budget_revenue 3",
            "unemployment_rate 4",
            "other:节能减排 NaN",
        ]
    );
}

/// A plan report's table in an appendix, under a header whose target column
/// is followed by the plan's (2014年计划 | “十二五”规划目标) and whose rows
/// are grouped (一、经济发展 with its other cells empty): the year's column
/// is read through the groups.
#[test]
fn a_plan_tables_groups_and_later_columns_are_read_past() {
    let text = "关于某某省2013年计划执行情况与2014年计划草案的报告\n——2014年1月16日在某某省第十二届人民代表大会第二次会议上\n附表\n指标名称\t单位\t2013年预计完成\t2014年计划\t“十二五”规划目标\n一、经济发展\t\t\t\t\n地区生产总值增长\t%\t12.5\t12.5左右\t[12]\n全社会固定资产投资增长\t%\t28\t20以上\t[25]\n二、人民生活\t\t\t\t\n城镇登记失业率\t%\t3.3\t4.2以内\t<4.5\n注：[ ]内为五年年均增速。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 12.5",
            "fixed_asset_investment 20",
            "unemployment_rate 4.2"
        ]
    );
}

/// A gazette's page head on one line (四川省人民政府公报    2012年第3期) with
/// a rule under it, and a figure's qualifier carried to the next line
/// (…增长12% / 左右；, …控制在4%左 / 右；): the item reads on.
#[test]
fn a_gazettes_one_line_head_and_a_qualifier_carried_over_are_read_past() {
    let text = "2012年经济社会发展的主要预期目标是：地区生产总值增长12%\n左右；全社会固定资产投资增长15%；居民消费价格总水平涨幅控制在4%左\n右；人口自然增长率控制在6‰以内；城镇登记失业率控制在4.5%以\n                         · 14 ·\n四川省人民政府公报                2012年第3期\n──────────────────\n内；单位地区生产总值能耗下降3.5%。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 12",
            "fixed_asset_investment 15",
            "cpi 4",
            "population_growth 6",
            "unemployment_rate 4.5",
            "energy_intensity -3.5"
        ]
    );
    let quals: Vec<_> = run(text).targets.iter().map(|t| t.qualifier).collect();
    assert_eq!(
        quals,
        [
            baogao_model::Qualifier::About,
            baogao_model::Qualifier::Exact,
            baogao_model::Qualifier::About,
            baogao_model::Qualifier::AtMost,
            baogao_model::Qualifier::AtMost,
            baogao_model::Qualifier::Exact
        ]
    );
}

/// A PDF's narrow lines (about 25 chars) cut inside a name, before a long
/// clause (…城镇居 / 民人均可支配收入和农民人均纯收入分别增长…) or before a
/// page's head (…能耗 / · 14 · / 公报 / 下降3.5%): the name reads whole. A
/// line that ends on a figure's qualifier ends its item: the next line's
/// name is its own.
#[test]
fn a_narrow_pdfs_line_cut_inside_a_name_before_a_long_clause() {
    let text = "2011年，全省生产总值增长15%；城镇居民人均可支配收入和\n农民人均纯收入分别增长14.5%和20.6%。\n\n今年主要预期目标是：进出口总额增长20%；城镇居\n民人均可支配收入和农民人均纯收入分别增长11%和12%；城镇登\n记失业率控制在4.5%以内；人口自然增长率控制在6‰以内；单位地区生产总值能耗\n                         · 14 ·\n四川省人民政府公报                2012年第3期\n──────────────────\n下降3.5%（约束性指标）。\n";
    assert_eq!(
        rows(text),
        [
            "foreign_trade 20",
            "urban_disposable_income 11",
            "rural_disposable_income 12",
            "unemployment_rate 4.5",
            "population_growth 6",
            "energy_intensity -3.5"
        ]
    );
    let text = "今年主要预期目标：生产总值增长8%以上，城镇调查失业率5.5%左右\n去年城镇新增就业41.2万人，城镇调查失业率5.4%。\n";
    assert_eq!(rows(text), ["gdp 8", "unemployment_rate 5.5"]);
}

/// A report that sets its targets inside its general requirements (…着力
/// 改善民生，全省生产总值增长8.5%，…) and then calls them 上述目标, after a
/// paragraph quoting the nation's (中央经济工作会议提出，今年国内生产总值增长
/// 8%左右): the requirements' figures are the list, the nation's are not.
#[test]
fn targets_in_the_general_requirements_after_the_nations_quoted() {
    let text = "二、2009年工作总体要求和主要任务\n当前，国际金融危机仍在蔓延。中央经济工作会议提出，今年国内生产总值增长8%左右，城镇新增就业900万人以上，城镇登记失业率控制在4.6%左右，居民消费价格总水平涨幅4%左右。我们既要看到困难，更要坚定信心。\n今年政府工作的总体要求是：深入贯彻落实科学发展观，着力扩大内需，着力改善民生，全省生产总值增长8.5%，全社会固定资产投资增长18%，城镇登记失业率控制在4.5%以内。\n围绕上述目标，重点做好以下几个方面的工作：\n（一）千方百计扩大内需。力争全社会固定资产投资突破1万亿元。\n";
    assert_eq!(
        rows(text),
        [
            "gdp 8.5",
            "fixed_asset_investment 18",
            "unemployment_rate 4.5"
        ]
    );
}

/// 跨越 a threshold (地区生产总值跨越千亿元大关) is a floor as 突破 is, and the
/// name ends before it; a count of steps crossed (跨越3个千亿元台阶) is no
/// figure, the level reached after it is.
#[test]
fn crossing_a_threshold_is_a_floor_and_a_count_of_steps_no_figure() {
    let text = "今年经济社会发展的主要预期目标是：地区生产总值跨越千亿元大关、增长15%，地方财政收入增长12%。\n";
    let got: Vec<_> = run(text)
        .targets
        .iter()
        .map(|t| (t.indicator.clone(), t.qualifier, t.value))
        .collect();
    assert_eq!(
        got,
        [
            (
                "gdp".to_owned(),
                baogao_model::Qualifier::AtLeast,
                Some(1000.0)
            ),
            ("gdp".to_owned(), baogao_model::Qualifier::Exact, Some(15.0)),
            (
                "general_budget_revenue".to_owned(),
                baogao_model::Qualifier::Exact,
                Some(12.0)
            )
        ]
    );
    let out = run("2025年，全省地区生产总值跨越3个千亿元台阶,达到1.5万亿元。\n");
    let levels: Vec<_> = out
        .outcomes
        .iter()
        .map(|o| (o.value, o.unit.clone()))
        .collect();
    assert_eq!(levels, [(Some(1.5), Some("万亿元".to_owned()))]);
}
