//! Texts that look like a report's targets and are not, written for these
//! tests (not taken from the fixtures): the nation's, the province's or the
//! city's targets told in a lower place's story, a result measured against last year's target, a review a headline
//! names, a list of projects for the people, a deputy's proposal, a reader's
//! proposal after the list, the nation's figure named so (全国经济增长8%左右)
//! before a province's list, the city's figure in a district's report (全市今年…);
//! and the
//! place of local news (words before a unit that name none, a city's paper
//! on one of its counties).

use crate::variations::{ids_and_values, run};

/// The indicators of every target.
fn ids(text: &str) -> Vec<String> {
    run(text).targets.into_iter().map(|t| t.indicator).collect()
}

#[test]
fn the_nations_targets_in_a_local_story_are_not_the_places() {
    let text = "全国两会精神在我市引起热烈反响\n2014-03-07  来源：温州日报\n3月5日，十二届全国人大二次会议在北京开幕。国务院总理所作的政府工作报告，在我市干部群众中引起热烈反响。\n报告提出，今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业1000万人以上。\n市发改委负责人表示，我市将认真贯彻落实。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("温州市"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
    // the place's own targets beside the nation's stay
    let text = "全国两会精神在我市引起热烈反响\n2014-03-07  来源：温州日报\n国务院总理所作的政府工作报告提出，今年国内生产总值增长7.5%左右。\n今年我市地区生产总值预期增长8%左右。";
    assert_eq!(ids(text), ["gdp"]);
    let out = run(text);
    assert_eq!(out.targets[0].value, Some(8.0));
    // a city's own session beside the nation's: the city's report
    let text = "温州市十二届人大四次会议开幕\n2014-02-10  来源：温州日报\n全国两会召开在即。市长在政府工作报告中提出，今年主要预期目标是：地区生产总值增长8%左右。";
    assert_eq!(ids(text), ["gdp"]);
}

#[test]
fn a_higher_governments_targets_in_a_lower_story_are_not_the_places() {
    // a county's story on the province's session: the county's, no row
    let text = "省两会精神在我县引起强烈反响\n2019-01-31  来源：大竹县人民政府网\n1月29日，四川省十三届人大二次会议开幕，省长作政府工作报告。报告提出，今年全省地区生产总值增长7.5%左右，全社会固定资产投资增长10%左右。\n报告在我县干部群众中引起强烈反响。县委书记表示，全县要认真学习贯彻省两会精神。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("大竹县"));
    assert_eq!(out.report.prefecture.as_deref(), Some("达州市"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
    // (the county named only in its headline, its words few)
    let text = "通山县掀起学习贯彻省两会精神热潮\n2016-02-02  来源：咸宁新闻网\n1月31日，湖北省十二届人大四次会议胜利闭幕。省政府工作报告提出，今年全省地区生产总值增长8.5%左右，地方一般公共预算收入增长8%。\n县委中心组专题学习会上，大家表示要把省两会精神落实到具体工作中。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("通山县"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
    // a district's story on its city's report (全市 is the city's)
    let text = "坪山区干部群众热议市政府工作报告\n2023-02-20  来源：坪山区融媒体中心\n深圳市七届人大四次会议日前召开。市政府工作报告提出，2023年全市地区生产总值增长6%以上，社会消费品零售总额增长7%左右。\n报告在坪山区引发热烈反响，全区上下将紧扣全市目标。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("坪山区"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
    // a district whose name other cities share (朝阳区 of 北京市 and of 长春市):
    // the speaker is the place the metadata settled on, not a name looked up
    // alone
    let text = "朝阳区干部群众热议市政府工作报告\n2020-01-14 来源：北京朝阳\n1月12日，北京市十五届人大三次会议开幕，市长作政府工作报告。报告提出，今年全市地区生产总值增长6%左右，一般公共预算收入增长0.5%。\n报告在朝阳区干部群众中引起热烈反响。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("朝阳区"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
    // the county's own target beside the province's stays
    let text = "省两会精神在我县引起强烈反响\n2019-01-31  来源：大竹县人民政府网\n报告提出，今年全省地区生产总值增长7.5%左右。\n今年全县地区生产总值预期增长8%左右。";
    let out = run(text);
    assert_eq!(out.targets.len(), 1, "{:?}", out.targets);
    assert_eq!(out.targets[0].value, Some(8.0));
    // a city's own people on the city's own report: the city's targets
    let text = "我市干部群众热议市政府工作报告\n2023-02-20  来源：深圳特区报\n深圳市七届人大四次会议日前召开。市政府工作报告提出，2023年全市地区生产总值增长6%以上。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("深圳市"));
    assert_eq!(ids(text), ["gdp"]);
    // an autonomous region's session in its county's story (自治区, a
    // province's unit; 全区 is the region's)
    let text = "自治区两会精神在我县引起热烈反响\n2021-01-29  来源：融水苗族自治县融媒体中心\n广西壮族自治区十三届人大四次会议闭幕以来，自治区两会精神在我县干部群众中引起热烈反响。\n自治区政府工作报告提出，今年全区地区生产总值增长7%以上，一般公共预算收入增长4%。\n县发展和改革局负责人表示，全县将对标自治区目标，抓好项目建设。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("融水苗族自治县"));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
}

#[test]
fn a_result_within_last_years_target_figure_is_no_target() {
    let text = "某市2012年国民经济和社会发展计划执行情况\n2012年，全市国民经济和社会发展计划执行情况总体良好。\n居民消费价格总水平上涨2.4%，控制在4%左右的调控目标以内；人口自然增长率为4.9‰，控制在6‰的计划目标以内。";
    assert!(ids(text).is_empty());
}

#[test]
fn a_headline_naming_the_year_reviewed_dates_the_year_after() {
    let out = run(
        "浏阳市政府工作报告回顾2007年发展\n2008-01-15  长沙晚报\n市长在政府工作报告中回顾了过去一年的工作。\n2007年，全市实现生产总值360.2亿元，增长16.5%。",
    );
    assert_eq!(out.report.target_year, Some(2008));
    assert!(out.targets.is_empty(), "{:?}", out.targets);
}

#[test]
fn projects_for_the_people_are_no_targets() {
    let text = "2018年市政府十件民生实事公布\n2018-02-06  来源：芜湖日报\n经市人大代表票决，2018年市政府十件民生实事正式确定：\n1．新增城镇就业5.5万人，城镇零就业家庭动态清零；\n2．新建改扩建公办幼儿园30所；\n3．改造棚户区住房1.2万套。";
    assert!(ids(text).is_empty());
    // the year's targets before such a list stay, and the list is left out
    let text = "芜湖市政府工作报告提出，今年全市地区生产总值增长8.5%左右。\n今年市政府十件民生实事：\n1．新增城镇就业5.5万人；\n2．新建改扩建公办幼儿园30所。";
    assert_eq!(ids(text), ["gdp"]);
    // a bracketed heading of them after a list of figures set above their
    // names (为民办实事, not only 民生实事) ends the list
    let text = "一图速览2024年钦州市政府工作报告\n2024-01-12  来源：钦州发布\n【2024年主要预期目标】\n6.5%左右\n地区生产总值增长\n5%\n一般公共预算收入增长\n7%\n固定资产投资增长\n3.5%以内\n城镇调查失业率\n【2024年为民办实事】\n新建城市停车泊位\n2000个\n改造老旧小区\n30个";
    assert_eq!(
        ids(text),
        [
            "gdp",
            "general_budget_revenue",
            "fixed_asset_investment",
            "unemployment_rate"
        ]
    );
}

#[test]
fn a_deputys_proposal_is_no_target() {
    let text = "人大代表热议：今年增长目标要“跳一跳够得着”\n2021-01-28  来源：株洲日报\n市人大代表李女士建议，今年全市地区生产总值增长目标可以设在8%以上。另一位代表则认为，目标设在7%左右更为稳妥。";
    assert!(ids(text).is_empty());
    // the government setting its own figure is no one's proposal
    let text = "综合考虑各方面因素，我们认为，把今年全市地区生产总值增长目标定在7%左右是合适的。";
    assert_eq!(ids(text), ["gdp"]);
}

#[test]
fn words_before_a_unit_that_name_no_place_are_no_region() {
    for (text, region) in [
        (
            "北碚区传达学习市两会精神\n会议指出，市政府工作报告提出今年全市地区生产总值增长6%以上。\n传达学习市五届人大四次会议精神。",
            "北碚区",
        ),
        (
            "坪山区干部群众热议市政府工作报告\n深圳市七届人大四次会议日前召开。",
            "坪山区",
        ),
        (
            "中牟县人民政府2005年工作总结\n人口自然增长率控制在6‰以内。年初县十二届人大三次会议确定的目标全面完成。",
            "中牟县",
        ),
    ] {
        assert_eq!(run(text).report.region.as_deref(), Some(region), "{text}");
    }
}

#[test]
fn a_citys_paper_on_one_of_its_counties_reports_the_county() {
    let out = run(
        "沭阳县委十二届五次全会提出：五年再造一个新沭阳\n2012-07-20  宿迁日报\n会议提出，今后五年，全县要确保实现“三个翻番”。\n会议要求，全县上下要抢抓机遇。",
    );
    assert_eq!(out.report.region.as_deref(), Some("沭阳县"));
    assert_eq!(out.report.prefecture.as_deref(), Some("宿迁市"));
    // the city's own news in its paper stays the city's
    let out = run(
        "宿迁市委全会召开\n2012-07-20  宿迁日报\n会议提出，全市要确保实现“三个翻番”。沭阳县等地代表参加会议。",
    );
    assert_eq!(out.report.region.as_deref(), Some("宿迁市"));
}

#[test]
fn the_work_that_meets_the_targets_sets_aims_of_its_own() {
    // after a list under its cue, and after targets read from prose
    for text in [
        "2006年全县经济和社会发展的主要预期目标是：生产总值增长12%；财政总收入增长15%。\n围绕上述目标，重点抓好以下几项工作：一是突出抓好工业经济，力争新增规模以上工业企业15家；二是扎实办好民生实事，力争新增城镇就业7000人。",
        "荣成新闻网  2016年2月3日\n【代表访谈】市长：今年GDP增长8%左右\n记者：今年荣成经济发展的目标是什么？\n市长：政府工作报告提出，今年地区生产总值增长8%左右，一般公共预算收入增长7%。去年全市生产总值增长9%左右。\n围绕上述目标，重点抓好以下几项工作：一是突出抓好工业经济，力争新增规模以上工业企业57家；二是扎实办好民生实事，力争新增城镇就业6000人。",
    ] {
        let got = ids(text);
        assert_eq!(got.len(), 2, "{got:?}: {text}");
        assert!(
            got.iter().all(|id| id == "gdp"
                || id == "general_budget_revenue"
                || id == "other:财政总收入"),
            "{got:?}"
        );
    }
}

#[test]
fn another_governments_figures_the_targets_are_measured_against_are_not_theirs() {
    let got = ids(
        "报告指出，今年全县经济社会发展的主要预期目标是：地区生产总值确保增长14%，力争16%；一般预算收入确保增长20%。\n报告说，上述目标均高于宿迁市下达的全市生产总值增长13%、一般预算收入增长18%的要求。",
    );
    assert_eq!(got, ["gdp", "general_budget_revenue"]);
}

#[test]
fn a_later_repost_date_yields_to_the_provinces_own_session() {
    let out = run(
        "四川省政府工作报告（全文）\n更新时间：2016-05-10  来源：某某网\n在四川省第十二届人民代表大会第一次会议上，省长作政府工作报告。今年全省地区生产总值增长12%。",
    );
    assert_eq!(out.report.target_year, Some(2013));
}

#[test]
fn a_former_name_is_the_place_as_written_not_a_name_inside_it() {
    // 宜宾县 (now 叙州区) is no 宾县 of Heilongjiang, 密云县 no 云县 of Yunnan
    for (text, province, region) in [
        (
            "宜宾县政府工作报告\n今年全县地区生产总值增长10%。\n",
            "四川省",
            "宜宾县",
        ),
        (
            "密云县政府工作报告\n今年全县地区生产总值增长10%。\n",
            "北京市",
            "密云县",
        ),
        (
            "漠河县人民政府工作报告\n今年全县地区生产总值增长15%。\n",
            "黑龙江省",
            "漠河县",
        ),
    ] {
        let out = run(text);
        assert_eq!(out.report.region.as_deref(), Some(region), "{text}");
        assert_eq!(out.report.province.as_deref(), Some(province), "{text}");
    }
    // a county since made a city that the renamed table lacks, named after
    // the words before it in the congress a story tells (县长在邹平县第十六届…),
    // is no place inside a phrase (复杂多变: 杂多县)
    let out = run(
        "邹平县政府网  2009年2月10日\n过去的一年，面对复杂多变的形势，全县上下齐心协力，圆满完成了县人大批准的各项目标任务。\n县长在邹平县第十六届人民代表大会第三次会议上作政府工作报告。面对国际金融危机的严峻形势，今年全县经济社会发展的主要预期目标是：生产总值增长12%，地方财政一般预算收入增长12%。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("邹平县"));
    assert_eq!(out.report.prefecture.as_deref(), Some("滨州市"));
    // a prefecture under its name of the time (毕节地区, a city since 2011),
    // though the text names it short first
    let out = run(
        "行署工作报告（摘要）\n毕节日报　2010年2月26日\n毕节地区2010年全区经济社会发展的主要预期目标是：生产总值增长13%。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("毕节地区"));
    // an autonomous county written short is written in full
    let out = run(
        "长阳自治县今年预期目标出炉\n2018-01-17　来源：三峡日报\n长阳自治县十七届人大二次会议开幕。报告提出，今年全县地区生产总值增长7%。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("长阳土家族自治县"));
    // …and so is a banner's news form
    let out = run(
        "科左中旗今年预期目标出炉\n2018-01-17　来源：通辽日报\n1月16日，科左中旗十七届人大二次会议开幕。报告提出，今年全旗地区生产总值增长7%。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("科尔沁左翼中旗"));
    // a name read short in a news account's headline is written in full
    let out = run(
        "赣州发布｜市政府工作报告提出今年全市生产总值增长6%左右\n1月17日，赣州市六届人大四次会议开幕。\n",
    );
    assert_eq!(out.report.region.as_deref(), Some("赣州市"));
}

#[test]
fn a_provinces_news_that_never_names_it_is_its_datelines() {
    // 省十三届人大 names no province; the agency dates the story at the capital
    let out = run(
        "今年地区生产总值预期增长6.5%左右\n2018-01-26　来源：新华网\n新华社石家庄1月25日电 省十三届人大一次会议25日开幕。代省长在作政府工作报告时说，今年全省经济社会发展的主要预期目标是：生产总值增长6.5%左右。",
    );
    assert_eq!(out.report.province.as_deref(), Some("河北省"));
    assert_eq!(out.report.region.as_deref(), Some("河北省"));
}

#[test]
fn the_nations_report_under_a_beijing_dateline_is_the_nations() {
    // no premier named: the session and the nation's own measure say whose
    let out = run(
        "政府工作报告：今年GDP增长预期目标5%左右\n2024-03-05 来源：新华网\n新华社北京3月5日电 十四届全国人大二次会议5日上午在人民大会堂开幕。政府工作报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。",
    );
    assert_eq!(out.report.level, Some(baogao_model::Level::National));
    assert_eq!(out.report.region.as_deref(), Some("全国"));
    assert_eq!(out.targets.len(), 2);
    // Beijing's own session under the same dateline stays Beijing's
    let out = run(
        "新华社北京1月14日电 北京市十六届人大二次会议14日开幕。市长在政府工作报告中提出，今年全市地区生产总值增长5%左右。",
    );
    assert_eq!(out.report.region.as_deref(), Some("北京市"));
}

#[test]
fn a_preview_guesses_at_the_figures_it_does_not_set() {
    let text = "广东两会明日开幕\n2016-01-24　南方网\n记者从多方了解到，今年广东经济增长目标或将调整至7%左右。\n专家预计，今年广东经济增速可能在7%至7.5%之间。也有专家认为，今年全省固定资产投资有望增长15%以上。";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
}

#[test]
fn a_readers_wish_is_no_target() {
    let text = "市长在线访谈\n2012-02-08 来源：襄阳网\n【市长】今年市政府工作报告提出，全市生产总值增长14%，规模以上工业增加值增长20%。\n【网友“古隆中”】城镇新增就业目标是多少？\n【市长】今年我们要确保城镇新增就业5万人以上。\n【网友“米公祠”】希望明年GDP目标能到15%。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [
            ("gdp", Some(14.0)),
            ("industrial_value_added", Some(20.0)),
            ("new_urban_jobs", Some(5.0))
        ]
    );
}

#[test]
fn a_readers_or_a_delegates_proposal_is_no_target() {
    let text = "“两会”网络访谈：县长与网友在线交流\n发布时间：2014-02-20\n县长：今年我们的地区生产总值预期增长8.5%，固定资产投资增长20%。\n网友“固始老乡”：我建议把目标定在10%以上，县里发展潜力很大！\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(8.5)), ("fixed_asset_investment", Some(20.0))]
    );
    let text = "代表热议政府工作报告\n2017-01-17 辽宁日报\n大连代表团的陈明代表建议，今年可将一般公共预算收入增长目标提高到8%，进一步增强财政实力。";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
}

#[test]
fn progress_over_part_of_the_year_is_no_target() {
    let text = "南昌市召开上半年经济运行情况新闻发布会\n2018-07-20　来源：南昌市统计局\n上半年，全市实现地区生产总值2535.6亿元，同比增长9%。\n一般公共预算收入完成全年目标任务的52%，城镇居民人均可支配收入增长8.1%。\n下半年，全市将继续围绕年度目标任务，确保全年目标顺利实现。";
    assert!(ids(text).is_empty(), "{:?}", ids(text)); // a paragraph a part of the year opens tells progress to its end, and
    // figures measured against the year's target are results
    let text = "1-5月全市经济运行情况\n发布日期：2016-06-20 来源：合肥市统计局\n1-5月，全市经济运行总体平稳。规模以上工业增加值增长9.1%，高于年度目标0.6个百分点；社会消费品零售总额增长12.8%，与年度目标持平；财政收入完成全年预算的52%，增长11.6%。\n5月末，全市金融机构人民币存款余额13265亿元，增长15.7%。居民消费价格上涨1.9%，控制在年度调控目标以内。";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
    // (the year's targets restated in such a paragraph stay: labelling call 13)
    let text = "一季度全市经济运行情况\n2016-04-20 来源：市统计局\n一季度，全市经济运行总体平稳。今年全市经济预期增长目标为14%以上，工业增加值增长24%以上。";
    assert_eq!(ids(text), ["gdp", "other:工业增加值"]);
}

#[test]
fn a_place_is_no_measure() {
    // (去年全省增长6.3%, 今年辽宁实现6.5%的增长目标: the place's economy as a
    // whole, named by the place; the year's targets read from the cue stay)
    let text = "答记者问\n2019-01-28 甘肃日报\n答：《政府工作报告》提出，今年全省生产总值增长6%左右，这个目标与去年全省增长6.3%的实际相衔接。";
    assert_eq!(ids(text), ["gdp"]);
}

#[test]
fn the_nations_figure_before_the_places_own_in_one_sentence() {
    let text = "访合肥市市长\n合肥晚报 2013-01-15\n市长：全国今年GDP增长目标是7.5%，我们综合考虑各方面因素，提出今年全市地区生产总值增长12%，财政收入增长15%，城乡居民收入增长与经济增长同步。";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [
            ("gdp", Some(12.0)),
            ("other:财政收入", Some(15.0)),
            ("disposable_income", None)
        ]
    );
}

#[test]
fn a_firms_a_schools_a_bulletins_or_a_foreign_parliaments_goals_are_no_targets() {
    for text in [
        "华东重工集团召开2020年工作会议\n2020-01-16　来源：集团党委宣传部\n会议提出，2020年集团经营工作的主要目标是：营业收入增长10%以上，利润总额增长8%。",
        "兰州大学2022年工作要点\n发布时间：2022-02-28\n主要目标是：全年科研经费突破20亿元；本科毕业生就业率保持在95%以上。",
        "常州市统计局 > 统计数据 > 统计公报\n2018年常州市国民经济和社会发展统计公报\n全年一般公共预算收入560.2亿元，增长7.5%，完成年度预算目标。城镇登记失业率1.82%，控制在3%以内的年度目标之内。",
        "越南国会通过2019年经济社会发展计划\n2018-11-09　来源：人民日报\n根据计划，越南2019年国内生产总值增长6.6%至6.8%，居民消费价格指数涨幅控制在4%以下。",
        // (a deputy who runs a firm, on the firm's goals, in a city's story)
        "市人大代表：建议把规上工业增速目标定得更高\n2019-01-15 来源：株洲日报\n在市十五届人大四次会议分组审议政府工作报告时，市人大代表、某轨道交通集团总经理发言。\n他说，去年全市规模以上工业增加值增长8.1%。谈到企业自身，他介绍，集团今年的主要目标是营业收入增长12%，出口增长15%以上。",
    ] {
        assert!(ids(text).is_empty(), "{text}: {:?}", ids(text));
    }
    // a government's report that names a firm in its headline is still one
    let text = "市政府工作报告：今年新建学校10所\n2020-01-16\n市长在政府工作报告中提出，今年全市地区生产总值增长7%左右。";
    assert_eq!(ids(text), ["gdp"]);
}

#[test]
fn an_outlets_lead_or_dateline_names_no_place_of_the_report() {
    // a lead sentence that tells of the report is no title (its outlet,
    // 四川在线, named 四川省); a former name as written (郫县, now 郫都区) is a
    // place
    let text = "四川在线 > 区域 > 成都\n郫县：今年地区生产总值预期增长9%\n2015-01-23 10:12:05　来源：四川日报\n四川在线消息（记者 张守帅）1月21日，郫县第十七届人民代表大会第五次会议开幕。县长作政府工作报告。\n报告提出，今年全县地区生产总值增长9%。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("郫县"));
    assert_eq!(out.report.level, Some(baogao_model::Level::County));
    // an outlet's dateline before a congress named by its unit alone (杭州讯
    // 省十二届人大) is no city's report: the province's targets stay
    let text = "省十二届人大五次会议开幕 车俊作政府工作报告\n来源：浙江日报\n浙江在线杭州讯 省十二届人大五次会议昨天上午开幕。代省长代表省政府作政府工作报告。报告提出，今年全省生产总值增长7%以上，一般公共预算收入增长6%。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("浙江省"));
    assert_eq!(ids(text), ["gdp", "general_budget_revenue"]);
}

#[test]
fn a_provinces_paper_dates_its_session_by_the_province_it_names() {
    // (the province named only in the paper's own name, and the region read
    // after the year: the session still dates the report)
    let text = "每日甘肃网 > 甘肃新闻 > 时政\n省十一届人大三次会议开幕\n来源：每日甘肃网　作者：记者 王占东\n每日甘肃网讯 省十一届人大三次会议今天上午在兰州开幕。省长作政府工作报告。\n报告回顾了过去一年全省经济社会发展情况：生产总值增长10.1%，大口径财政收入增长13.6%。\n报告提出，今年全省经济社会发展的主要预期目标是：生产总值增长10%，全社会固定资产投资增长20%。\n";
    let out = run(text);
    assert_eq!(out.report.target_year, Some(2010));
    assert_eq!(out.report.region.as_deref(), Some("甘肃省"));
}

#[test]
fn results_measured_against_the_years_targets_are_no_targets() {
    // a plan report's execution part: the cue names last session's targets,
    // the sentence measures the results by them
    let text = "关于某市2013年计划执行情况与2014年计划草案的报告\n——2014年2月20日在洛阳市第十四届人民代表大会第三次会议上\n一、2013年计划执行情况\n市十四届人大二次会议确定的生产总值增长11%的预期目标，预计全年完成3140亿元，增长9.5%，低于预期目标1.5个百分点；规模以上工业增加值增长12%，低于年初确定的14%的目标。\n（二）主要工作进展";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
    // a statistics bureau's year-end news, figure by figure
    let text = "2014年全市主要目标任务全面完成\n2015-01-23 扬州市统计局\n全年全市地区生产总值按可比价计算增长11%，比年度预期目标高0.5个百分点。居民消费价格上涨2.2%，低于3%左右的调控目标。城镇居民人均可支配收入和农村居民人均可支配收入分别增长9.1%和10.6%，均完成年度目标。";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
    // a target above a higher government's stays one
    let text = "扬州市政府工作报告\n2015-01-20 扬州日报\n今年全市主要预期目标是：地区生产总值增长9.5%，高于全省预期目标1个百分点。";
    assert_eq!(ids(text), ["gdp"]);
}

#[test]
fn a_comparison_with_last_years_target_is_no_target() {
    let got = ids(
        "新闻\n2015年03月06日 来源：某报\n今年全省地区生产总值增长7%左右，比去年的7.5%左右目标下调0.5个百分点。",
    );
    assert_eq!(got, ["gdp"]);
}

#[test]
fn a_paragraph_that_opens_looking_back_goes_on_about_the_past() {
    // the review's last sentence names no year, yet reports it
    let text = "政府工作报告\n——2018年1月9日在芜湖市第十六届人民代表大会第三次会议上\n一、2017年工作回顾\n全市地区生产总值3065.5亿元，增长10%，完成年初确定的9%左右的预期目标；固定资产投资增长13.5%。城镇新增就业7.5万人，城镇登记失业率控制在3.5%以内。单位生产总值能耗下降5.1%，完成省下达的目标任务。\n";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
    // …until it turns to the coming year
    let text = "某县新闻\n2024-01-20 来源：某某日报\n2023年，该县先后获评全国重点产茶县域等称号。2024年，该县将主动服务和融入新发展格局。力争实现地区生产总值增长10%以上，固定资产投资增长13%以上。\n";
    assert_eq!(ids(text), ["gdp", "fixed_asset_investment"]);
}

#[test]
fn a_higher_governments_report_quoted_in_a_lower_story_is_not_the_places() {
    let text = "南海区今年GDP增长7%左右\n2019-01-22 来源：珠江时报\n南海区第十七届人民代表大会第四次会议开幕。今年南海区地区生产总值增长7%左右。此前佛山市政府工作报告提出，今年佛山全市地区生产总值增长6%左右，固定资产投资增长12%。\n";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("南海区"));
    assert_eq!(ids(text), ["gdp"]);
    assert_eq!(out.targets[0].value, Some(7.0));
}

/// A banner's report that names its province first (习近平总书记对内蒙古的重要
/// 指示精神) and itself only late (奋力开创现代化新巴尔虎左旗建设崭新局面): the
/// banner's; with no place of its own level named, no place, not the province.
#[test]
fn a_county_that_names_its_province_first_is_the_countys() {
    let opening = "2024年是实现“十四五”规划目标任务的关键一年，是全面落实国务院推动内蒙古高质量发展《意见》的奋进之年。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平总书记对内蒙古的重要指示精神，认真落实自治区党委全会、市委全会、旗委全会暨全旗经济工作会议部署要求，坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，统筹发展和安全，持续推动经济实现质的有效提升和量的合理增长，全力稳中游、进上游，";
    let targets = "综合研判我旗经济社会发展面临的新形势，建议2024年全旗经济社会发展主要预期目标确定为：地区生产总值增长6.5%左右。";
    let out = run(&format!(
        "{opening}奋力开创现代化新巴尔虎左旗建设崭新局面。\n{targets}\n"
    ));
    assert_eq!(out.report.region.as_deref(), Some("新巴尔虎左旗"));
    assert_eq!(out.report.level, Some(baogao_model::Level::County));
    let out = run(&format!(
        "{opening}奋力开创现代化建设崭新局面。\n{targets}\n"
    ));
    assert_eq!(out.report.region, None);
    assert_eq!(out.report.level, Some(baogao_model::Level::County));
    assert_eq!(out.report.province.as_deref(), Some("内蒙古自治区"));
}

#[test]
fn the_nations_or_provinces_targets_or_last_years_results_after_the_places_list_are_not_its() {
    // after a list under a cue, the nation's targets quoted in a paragraph
    // of their own end it
    let text = "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业5万人。\n国家确定的今年经济增长预期目标为5%左右，城镇调查失业率5.5%左右。";
    assert_eq!(ids(text), ["gdp", "new_urban_jobs"]);
    // after a numbered list found without a cue: the nation's targets, and
    // last year's results (初步核算), are neither continued
    for after in [
        "国家确定的今年经济增长预期目标为8%左右，城镇登记失业率4.6%左右。",
        "初步核算，全年地区生产总值增长12.3%，城镇登记失业率3.9%，居民消费价格上涨2.1%。",
        // (and the province's, in a city's text)
        "全省今年地区生产总值增长目标为11%左右。",
    ] {
        let text = format!(
            "徐州市人民政府关于印发2010年政府工作报告主要目标任务分解方案的通知\n1.地区生产总值增长13.5%。\n2.财政一般预算收入增长18%。\n{after}"
        );
        let got = run(&text);
        assert_eq!(
            ids_and_values(&got.targets),
            [("gdp", Some(13.5)), ("general_budget_revenue", Some(18.0))],
            "{after}"
        );
    }
}

#[test]
fn a_box_of_links_under_the_text_names_no_place_or_year_of_it() {
    let text = "南京市政府工作报告摘要\n今年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长3%。\n相关新闻：\n·广东省2026年政府工作报告全文\n·武汉市第十五届人民代表大会第五次会议开幕\n·2024年郑州市国民经济和社会发展统计公报";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("南京市"));
    assert_eq!(out.report.province.as_deref(), Some("江苏省"));
    assert_eq!(
        ids_and_values(&out.targets),
        [("gdp", Some(5.5)), ("general_budget_revenue", Some(3.0))]
    );
    // the same text without the box reads alike
    let bare = run(text.split("相关新闻").next().unwrap());
    assert_eq!(bare.report.target_year, out.report.target_year);
}

#[test]
fn a_view_of_the_target_or_an_estimate_of_last_year_is_no_target() {
    // a deputy's view of the target opens no run of targets before the
    // report's own sentence
    let text = "石棉县十八届人大六次会议开幕\n2021年03月18日 来源：雅安日报\n代表们认为，今年全县地区生产总值增长8%左右的目标积极稳妥。\n2021年，石棉将重点抓好常态化疫情防控、统筹经济建设、深入推进乡村振兴，力争实现地区生产总值增长10%以上，地方一般公共预算收入增长15%以上。";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(10.0)), ("general_budget_revenue", Some(15.0))]
    );
    // an estimate of the year just ended does not go on with the targets
    let text = "厦门市两会召开\n今年，全市地区生产总值增长6.5%左右，一般公共预算收入增长5%左右，固定资产投资增长6%左右。\n预计全年地区生产总值增长6%左右，一般公共预算收入增长5%。";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [
            ("gdp", Some(6.5)),
            ("general_budget_revenue", Some(5.0)),
            ("fixed_asset_investment", Some(6.0))
        ]
    );
}

#[test]
fn a_news_sites_name_after_the_title_is_not_the_place() {
    // (鄂政发: a Hubei document, copied by a Sichuan outlet)
    let text = "省政府关于2018年全省国民经济和社会发展计划的通知_四川在线\n文件编号:鄂政发〔2018〕1号\n各市、州、县人民政府:\n2018年全省经济社会发展的主要预期目标是:全省生产总值增长7.5%左右。";
    let out = run(text);
    assert_eq!(out.report.province.as_deref(), Some("湖北省"));
    assert_eq!(ids_and_values(&out.targets), [("gdp", Some(7.5))]);
}

#[test]
fn a_readers_proposal_after_the_list_ends_it() {
    // (an interview: the mayor's list, then a reader's proposal for the
    // same indicator on a paragraph of its own)
    let text = "记者：今年的政府工作报告提出了一系列预期目标，请您介绍一下。\n\
        市长：今年我们提出的主要预期目标是：地区生产总值增长7%—7.5%，固定资产投资增长10%以上，\
        一般公共预算收入增长6%。\n\
        网友“三江口”：我建议把今年的地区生产总值增长目标定在8%以上，更能体现担当。\n\
        市长：感谢这位网友的建议。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [
            ("gdp", Some(7.0)),
            ("fixed_asset_investment", Some(10.0)),
            ("general_budget_revenue", Some(6.0)),
        ]
    );
}

#[test]
fn the_nations_figure_named_so_before_a_provinces_list_is_not_its() {
    // (中央提出的全国经济增长8%左右的目标 in the sentence that opens the
    // province's list)
    let text = "二、2009年经济社会发展的主要目标\n\
        综合考虑国际国内形势和中央提出的全国经济增长8%左右的目标，建议2009年全省经济社会发展的主要预期目标为：\
        生产总值增长9%；全社会固定资产投资增长13%。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(9.0)), ("fixed_asset_investment", Some(13.0))]
    );
}

#[test]
fn the_citys_figure_in_a_districts_report_is_not_the_districts() {
    // (a district says 全区 of itself; 全市 opens the city's figure)
    let text = "2019年北京市朝阳区政府工作报告\n\
        今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长3%。\n\
        全市今年提出地区生产总值增长6%—6.5%。\n";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("朝阳区"));
    assert_eq!(
        ids_and_values(&out.targets),
        [("gdp", Some(6.0)), ("general_budget_revenue", Some(3.0))]
    );
}

/// An interview of a province's governor at the national session: the
/// journalist quotes the premier's report (国务院总理在政府工作报告中提出，…),
/// the governor answers with the province's targets. The story is the
/// province's, and the nation's figures are not its targets.
#[test]
fn the_premiers_targets_quoted_to_a_governor_are_not_the_provinces() {
    let text = "专访全国人大代表、甘肃省省长：今年增长目标积极稳妥\n2012-03-08 来源：每日甘肃网 记者 发自北京\n记者：国务院总理在政府工作报告中提出，今年国内生产总值增长7.5%，居民消费价格涨幅控制在4%左右。甘肃今年的目标是怎样的？\n省长：今年1月召开的省十一届人大五次会议确定，2012年全省生产总值增长12.5%以上，全社会固定资产投资增长30%以上。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("甘肃省"));
    assert_eq!(ids(text), ["gdp", "fixed_asset_investment"]);
    // (and in a longer interview whose place is read from its page)
    let text = "青海新闻网 > 全国两会 > 青海代表团\n专访全国人大代表、青海省省长：青海今年实现12%的增长目标有底气\n2011-03-08 来源：青海新闻网\n3月7日，全国人大代表、青海省省长在驻地接受了本网记者专访。他说，今年是“十二五”开局之年，也是玉树灾后重建的攻坚之年，青海面临的机遇前所未有。代表们一致认为，报告实事求是、符合实际，提出的目标任务和政策措施切实可行，青海代表团认真审议了政府工作报告和“十二五”规划纲要草案，大家表示要认真贯彻落实。\n记者：国务院总理在政府工作报告中提出，今年全国国内生产总值增长8%左右，城镇登记失业率控制在4.6%以内。青海今年的目标是怎样的？\n省长：今年1月召开的省十一届人大四次会议确定，2011年全省生产总值增长12%以上，全社会固定资产投资增长25%。";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("青海省"));
    assert_eq!(ids(text), ["gdp", "fixed_asset_investment"]);
}

/// A district's report that names its municipality's target before its own
/// list, with a cue (全市提出生产总值增长6%—6.5%的预期目标，我区要…): the
/// municipality's, not a fuller list of the district's.
#[test]
fn a_higher_areas_target_with_a_cue_in_a_districts_text_is_not_its_list() {
    let text = "嘉定区政府工作报告（摘要）\n2019-01-10 来源：嘉定报\n二、2019年国民经济和社会发展的主要预期目标\n2019年是新中国成立70周年。全市提出生产总值增长6%—6.5%的预期目标，我区要在全市发展大局中更好地发挥作用。\n2019年全区经济社会发展的主要预期目标是：区级一般公共预算收入增长4%；全社会固定资产投资增长6%左右；城镇登记失业人数控制在市下达指标以内。\n三、2019年重点工作";
    assert_eq!(run(text).report.region.as_deref(), Some("嘉定区"));
    assert_eq!(
        ids(text),
        [
            "general_budget_revenue",
            "fixed_asset_investment",
            "other:城镇登记失业人数"
        ]
    );
}

#[test]
fn a_departments_goals_in_a_notice_are_not_the_reports_list() {
    // a notice that assigns the report's tasks: the list under its heading
    // is the report's; a bureau's own goals further down are not
    let text = "某市人民政府关于印发2018年《政府工作报告》重点工作分工方案的通知\n发文日期：2018-02-08\n一、主要预期目标\n1.地区生产总值增长8.5%左右。（牵头单位：市发改委）\n2.固定资产投资增长12%。（牵头单位：市发改委）\n3.城镇登记失业率控制在4%以内。（牵头单位：市人社局）\n二、重点工作任务\n（一）加快开放型经济发展。市商务局今年的工作目标是：外贸出口增长10%，实际利用外资增长8%以上。（牵头单位：市商务局）\n";
    assert_eq!(
        ids(text),
        ["gdp", "fixed_asset_investment", "unemployment_rate"]
    );
}

#[test]
fn a_local_session_named_after_the_nations_figures_tells_no_local_report() {
    // a city's reaction story quotes the premier's report, then closes on
    // the targets its own congress set: the figures are the nation's
    let text = "全国两会精神在我市引起热烈反响\n2019-03-07 09:12　来源：某市日报\n本报讯 3月5日，十三届全国人大二次会议在北京开幕，国务院总理作政府工作报告。我市广大干部群众认真学习领会报告精神。\n政府工作报告提出，今年发展的主要预期目标是：国内生产总值增长6%—6.5%；城镇新增就业1100万人以上；居民消费价格涨幅3%左右。\n市发改委负责人表示，确保完成市五届人大四次会议确定的今年各项目标任务。\n";
    assert!(ids(text).is_empty(), "{:?}", ids(text));
}

#[test]
fn the_citys_figure_in_the_paragraph_after_a_districts_cue_list_is_not_on_it() {
    // the district's cue list, then a paragraph that quotes the city's
    // target: the list does not go on into it
    let text = "区七届人大五次会议开幕\n2019-01-11 09:05　来源：南山日报\n本报讯 1月10日上午，南山区第七届人民代表大会第五次会议开幕。区长作政府工作报告。\n报告提出，2019年南山区经济社会发展主要预期目标是：地区生产总值增长7%以上，固定资产投资增长15%。\n此前召开的深圳市人代会上，市政府工作报告提出，今年全市地区生产总值增长7%左右。南山的目标高于全市。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(7.0)), ("fixed_asset_investment", Some(15.0))]
    );
}

#[test]
fn a_headlines_figure_the_body_states_with_its_qualifier_is_the_bodys() {
    // the headline rounds the target off (增 for 增长, no 左右); the lead
    // states it whole: one row, the lead's
    let text = "東莞今年GDP目標增百分之十\n2011-02-23　　來源：大公報\n【大公報訊】東莞市十四屆人大七次會議昨日開幕，市長在政府工作報告中提出，今年東莞地區生產總值預期增長百分之十左右；社會消費品零售總額增長百分之十五。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(10.0)), ("retail_sales", Some(15.0))]
    );
    let gdp = &run(text).targets[0];
    assert_eq!(gdp.qualifier, baogao_model::Qualifier::About);
}

#[test]
fn a_commissions_own_goals_in_a_notice_are_not_the_reports_list() {
    // 市经委 is a department as 市商务局 is; 市委 is the place's party
    // committee
    let text = "某市人民政府关于分解落实2008年《政府工作报告》目标任务的通知\n发文日期：2008-02-25\n一、经济发展主要指标\n（一）经济增长\n1.全市生产总值增长13%。\n牵头单位：市发改委　配合单位：市统计局\n2.全社会固定资产投资增长30%。\n牵头单位：市发改委\n二、重点工作任务\n12.市经委今年的工作目标是：规模工业增加值增长22%，新增规模工业企业100家。\n";
    assert_eq!(
        ids_and_values(&run(text).targets),
        [("gdp", Some(13.0)), ("fixed_asset_investment", Some(30.0))]
    );
}
