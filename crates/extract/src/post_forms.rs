//! Targets as news posts, interviews and phone pages retell them, written
//! for these tests (not taken from the fixtures): an aim's verb before each
//! item, the rest of the targets under a cue of their own, emoji bullets, a
//! heading of the year's work between marked lines, the higher government's
//! figure after the place's, a plan's end named after the list, a
//! sentence on the targets after the list in its paragraph, a place that
//! aims before what it aims at (吴中还将确保…), a page of headed sections
//! (【关键词二：工业】) each opening with the year's target.

use crate::variations::{run, values_of};

/// (indicator, value, evidence) of every target of `text`.
fn rows(text: &str) -> Vec<(String, Option<f64>, String)> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.value, t.text))
        .collect()
}

/// The indicator of every target of `text`.
fn ids(text: &str) -> Vec<String> {
    rows(text).into_iter().map(|r| r.0).collect()
}

fn row(id: &str, v: f64, text: &str) -> (String, Option<f64>, String) {
    (id.to_owned(), Some(v), text.to_owned())
}

#[test]
fn an_aims_verb_before_the_name_is_no_part_of_the_evidence() {
    let text = "2019年某某市政府工作报告\n今年全市经济社会发展的主要预期目标是：努力实现地区生产总值增长8%左右，力争规模以上工业增加值增长9%，努力使社会消费品零售总额增长9.5%，确保城镇新增就业3.2万人，确保城乡居民人均可支配收入分别增长8.5%和9%。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", 8.0, "地区生产总值增长8%左右"),
            row("industrial_value_added", 9.0, "规模以上工业增加值增长9%"),
            row("retail_sales", 9.5, "社会消费品零售总额增长9.5%"),
            row("new_urban_jobs", 3.2, "城镇新增就业3.2万人"),
            row(
                "urban_disposable_income",
                8.5,
                "城乡居民人均可支配收入分别增长8.5%和9%"
            ),
            row(
                "rural_disposable_income",
                9.0,
                "城乡居民人均可支配收入分别增长8.5%和9%"
            ),
        ]
    );
    // (确保 left out still makes a 分别 list's targets hard)
    let out = run(text);
    assert_eq!(
        out.targets[5].constraint,
        Some(baogao_model::Constraint::Hard)
    );
}

#[test]
fn the_other_targets_under_a_later_cue_join_the_first() {
    let text = "关键词读懂2025年某某市政府工作报告\n2025年1月8日\n关键词：5.5%\n今年全市经济社会发展的主要预期目标中，地区生产总值增长5.5%左右。\n关键词：同步\n居民收入增长与经济增长同步。\n其他主要预期目标——\n◆规上工业增加值增长7%\n◆固定资产投资增长5%\n关键词：项目\n力争全年新签约亿元以上项目300个。\n";
    assert_eq!(
        ids(text),
        ["gdp", "industrial_value_added", "fixed_asset_investment"]
    );
}

#[test]
fn an_emoji_bullets_variation_selector_is_no_part_of_the_name() {
    let text = "2023年某某市政府工作报告出炉\n🎯2023年主要预期目标\n📈地区生产总值增长6.5%以上\n🏗️固定资产投资增长10%\n📍今年重点干好这些事\n✅力争新增规模工业企业100家\n";
    let out = run(text);
    let names: Vec<&str> = out.targets.iter().map(|t| t.raw_name.as_str()).collect();
    // (and the heading of the year's work ends the list)
    assert_eq!(names, ["地区生产总值", "固定资产投资"]);
}

#[test]
fn a_year_called_an_important_one_of_the_plan_is_the_coming_year() {
    // (an interview's answer: 今年是实施“十三五”规划的重要一年 frames the year,
    // it does not look back)
    let text = "某某日报　2017年2月16日\n记者：今年行署工作报告提出的主要预期目标是什么？\n答：今年是实施“十三五”规划的重要一年。行署综合考虑国内外形势，提出地区生产总值增长7.5%左右。\n";
    assert_eq!(ids(text), ["gdp"]);
}

/// A county paper's story: the mayor's words on the GDP, then the other
/// targets under a cue of their own.
const SHENMU: &str = "本报神木2月22日电（记者 高宏伟）“今年，我们要确保生产总值增长15%，力争达到18%。”在今天开幕的神木县第十七届人民代表大会第五次会议上，县长在政府工作报告中说。\n他说，今年其他主要预期目标是：地方财政收入增长20%以上，社会消费品零售总额增长18%。\n";

#[test]
fn the_higher_governments_figure_after_the_places_is_not_the_places() {
    let text = format!("{SHENMU}榆林市今年提出全市生产总值增长14%。\n");
    let out = run(&text);
    let gdp: Vec<(Option<f64>, Option<f64>)> = out
        .targets
        .iter()
        .filter(|t| t.indicator == "gdp")
        .map(|t| (t.value, t.stretch_value))
        .collect();
    assert_eq!(gdp, [(Some(15.0), Some(18.0))]);
    assert_eq!(out.targets.len(), 3);
}

#[test]
fn the_higher_governments_figures_by_its_bodies_report_or_area_are_not_the_places() {
    // (its party committee and government, its report named by its unit,
    // its whole area after a lead-in)
    let own = "本报讯 在宾川县第十八届人民代表大会第五次会议上，县长作政府工作报告。\n县长表示，今年全县生产总值增长6.5%，一般公共预算收入增长5%。\n";
    for higher in [
        "大理州委、州政府提出，今年全州生产总值增长5.5%。",
        "据了解，州政府工作报告提出，今年全州生产总值增长5.5%。",
        "据悉，全州提出今年生产总值增长5.5%以上。",
        "据了解，省提出今年生产总值增长5.5%以上。",
        "州委、州政府提出，今年生产总值增长5.5%。",
    ] {
        let out = run(&format!("{own}{higher}\n"));
        assert_eq!(values_of(&out.targets, "gdp"), [Some(6.5)], "{higher}");
    }
}

#[test]
fn a_goal_for_the_plans_end_after_the_list_is_no_target() {
    let text = format!(
        "{SHENMU}他表示，到“十二五”末，神木生产总值力争突破1500亿元，县域经济综合实力继续保持西部百强县前列。\n"
    );
    assert_eq!(
        ids(&text),
        ["gdp", "general_budget_revenue", "retail_sales"]
    );
}

#[test]
fn a_sentence_on_the_targets_after_the_list_ends_it() {
    // (in the list's own paragraph: the city's figure it is measured by and
    // the work's aims after it are no targets)
    let text = "2018年某某区政府工作报告\n全区经济社会发展的主要预期目标是：地区生产总值增长9%左右；一般公共预算收入增长8%。上述目标与全市8%的预期目标相衔接，体现了加快发展的决心，我们将力争新引进世界500强企业3家。\n";
    assert_eq!(ids(text), ["gdp", "general_budget_revenue"]);
}

#[test]
fn a_place_before_its_aim_is_no_part_of_the_name() {
    let text = "2020年某某区政府工作报告\n今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右。今年，吴中还将确保全社会固定资产投资增长5%，社会消费品零售总额增长7%。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", 6.0, "地区生产总值增长6%左右"),
            row("fixed_asset_investment", 5.0, "全社会固定资产投资增长5%"),
            row("retail_sales", 7.0, "社会消费品零售总额增长7%"),
        ]
    );
}

#[test]
fn the_speakers_own_word_is_no_part_of_the_evidence() {
    // (我市…, 今年我省…: who sets the target; 今年 alone and 全市 stay)
    let text = "某某日报　2012年1月6日\n报告提出，我市财政一般预算收入增长14%，今年我市城镇新增就业5万人，今年全市固定资产投资增长20%。\n";
    let texts: Vec<String> = rows(text).into_iter().map(|r| r.2).collect();
    assert_eq!(
        texts,
        [
            "财政一般预算收入增长14%",
            "城镇新增就业5万人",
            "今年全市固定资产投资增长20%"
        ]
    );
}

/// A paper's page of key words: each headed section opens with the year's
/// target, then tells last year's figure; a section of last year's cards
/// and a section of the work close it.
const KEY_WORDS: &str = "某某日报　2023年1月12日\n五个关键词读懂2023年市政府工作报告\n昨日，市十七届人大二次会议开幕，市长作政府工作报告。\n【关键词一：增长】\n报告提出，今年全市地区生产总值增长6.5%左右。去年全市地区生产总值增长5.8%。\n【关键词二：工业】\n规模以上工业增加值增长8%。去年增长9.2%，新材料产业加快集聚。\n【关键词三：民生】\n居民人均可支配收入增长与经济增长同步；城镇新增就业3万人以上。\n【关键词四：创新】\n全社会研发经费投入强度达到2.6%。\n【关键词五：乡村】\n报告提出，要全面推进乡村振兴，建成美丽乡村示范村20个。\n【数说2022】\n5.8%——地区生产总值增速\n9.2%——规模以上工业增加值增速\n";

#[test]
fn a_page_of_headed_sections_opens_each_with_the_years_target() {
    assert_eq!(
        ids(KEY_WORDS),
        [
            "gdp",
            "industrial_value_added",
            "disposable_income",
            "new_urban_jobs",
            "other:全社会研发经费投入强度",
        ]
    );
    // (sections that open with last year's figures state no target)
    let review = KEY_WORDS
        .replace("报告提出，今年全市地区生产总值增长6.5%左右。", "")
        .replace("规模以上工业增加值增长8%。去年", "去年规模以上工业")
        .replace(
            "居民人均可支配收入增长与经济增长同步；城镇新增就业3万人以上。",
            "去年城镇新增就业3.2万人。",
        )
        .replace(
            "全社会研发经费投入强度达到2.6%。",
            "去年全社会研发经费投入强度达到2.5%。",
        );
    assert_eq!(rows(&review), []);
}

#[test]
fn a_heading_of_the_works_points_turns_to_the_work() {
    let text = "某某日报　2023年1月12日\n本报讯 昨日，市十八届人大二次会议开幕。\n市长表示，确保地区生产总值增长6.5%，力争7%；固定资产投资增长8%。\n他说，今年要重点抓好八个方面工作：一是稳住经济大盘，工业投资增长12%；二是深化改革开放，力争外贸进出口增长5%；三是保障和改善民生，新增城镇就业7万人。\n";
    assert_eq!(ids(text), ["gdp", "fixed_asset_investment"]);
    // (a cue that names the targets after the work's words is no heading of it)
    let cue = "某某日报　2023年1月12日\n市长说，做好今年工作，全市主要预期目标是：地区生产总值增长6.5%，固定资产投资增长8%。\n";
    assert_eq!(ids(cue), ["gdp", "fixed_asset_investment"]);
}

#[test]
fn a_round_ups_heading_names_the_place_of_the_paragraph_under_it() {
    // (the first place told is the text's; 南阳： heads a paragraph that
    // names its place no more)
    let text = "某某日报　2015年1月22日\n省内多地两会相继召开\n郑州：生产总值目标9.5%左右\n郑州市政府工作报告提出，今年全市生产总值增长9.5%左右，规模以上工业增加值增长11%。\n南阳：地区生产总值增长8.5%以上\n在1月20日开幕的市五届人大五次会议上，市长提出今年全市地区生产总值增长8.5%以上，地方公共财政预算收入增长11%。\n";
    let out = run(text);
    assert_eq!(out.report.region.as_deref(), Some("郑州市"));
    assert_eq!(values_of(&out.targets, "gdp"), [Some(9.5)]);
    assert_eq!(out.targets.len(), 2, "{:#?}", out.targets);
}

#[test]
fn a_photos_caption_between_two_lines_of_the_list_does_not_end_it() {
    // (a live blog of the session: the list goes on after a caption, 接上条)
    let text = "【图文直播】某省人大会议开幕\n某网 2014-01-20 08:30\n09:34　【今年目标】省长说，今年全省经济社会发展的主要预期目标是：生产总值增长9%，固定资产投资增长18%。\n（图：省长作报告。某网记者 王某 摄）\n09:36　接上条：社会消费品零售总额增长13%，城镇新增就业60万人。\n09:46　【重点工作】报告提出，力争新增保障性住房20万套。\n";
    assert_eq!(
        ids(text),
        [
            "gdp",
            "fixed_asset_investment",
            "retail_sales",
            "new_urban_jobs"
        ]
    );
    // (a caption under the photo, 图为…, likewise)
    let under = text.replace("（图：省长作报告。某网记者 王某 摄）", "图为会议现场。");
    assert_eq!(ids(&under).len(), 4);
}

#[test]
fn the_report_that_arranges_a_figure_is_no_part_of_its_name() {
    // (报告安排…, 报告拟安排…, 报告把…: the report is the subject)
    let text = "某某日报　2012年1月10日\n本报讯 市十四届人大一次会议开幕。今年全市主要预期目标是：地区生产总值增长11%，报告安排财政收入增长12%，报告拟安排一般公共预算收入同口径增长10%，报告把全社会固定资产投资增长目标确定为25%。\n";
    let raw: Vec<String> = run(text).targets.into_iter().map(|t| t.raw_name).collect();
    assert_eq!(
        raw,
        [
            "地区生产总值",
            "财政收入",
            "一般公共预算收入",
            "全社会固定资产投资"
        ]
    );
}

#[test]
fn a_posts_heading_with_a_pointing_emoji_is_a_cue() {
    // (🎯…主要预期目标👇 over ▶️ items; the post's comments after them)
    let text = "某某日报\n2025-1-14 10:26 来自 微博\n#两会# 【划重点！今年GDP预期增长5.5%左右】1月14日上午，自治区人大会议开幕。\n📊2024成绩单：地区生产总值增长5.8%左右，规模以上工业增加值增长8%左右。\n🎯2025年主要预期目标👇\n▶️地区生产总值增长5.5%左右\n▶️规模以上工业增加值增长7%\n▶️固定资产投资增长5%以上\n💡小编说：目标和“十四五”规划提出的年均增长6%左右相比略有调整。\n评论区：\n@某旗人大代表：我们旗今年的目标是地区生产总值增长6.5%，煤炭产量稳定在3亿吨左右。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", 5.5, "地区生产总值增长5.5%左右"),
            row("industrial_value_added", 7.0, "规模以上工业增加值增长7%"),
            row("fixed_asset_investment", 5.0, "固定资产投资增长5%以上"),
        ]
    );
}

#[test]
fn the_first_target_told_paragraphs_before_the_cue_of_the_others_is_one() {
    // (the GDP target in a paragraph of its own, a remark on it, then 其他
    // 主要预期目标 over ▶ items; the work under a heading of another mark)
    let text = "速览！某市今年GDP目标增长8%左右\n🔴 2021年，目标这样定\n今年是“十四五”开局之年。报告把全市地区生产总值增长目标锁定在8%左右。\n划重点：这个目标比去年实际增速高出4.3个百分点。\n其他主要预期目标👇\n▶规模以上工业增加值增长8.5%\n▶固定资产投资增长8%\n▶城镇登记失业率控制在3.5%以内\n🔴 今年重点干这些\n✔ 推动制造业高质量发展，力争鞋服产业集群产值超千亿元，新增规上工业企业120家；\n✔ 实施重点项目300个，年度计划投资600亿元以上。\n";
    assert_eq!(
        ids(text),
        [
            "gdp",
            "industrial_value_added",
            "fixed_asset_investment",
            "unemployment_rate"
        ]
    );
}

#[test]
fn a_hosts_question_between_the_storys_paragraphs_does_not_stop_the_telling() {
    // (a radio script: the list, a host's question, then more targets told)
    let text = "某区人民广播电台文字稿\n播出日期：2009年1月14日\n【记者】报告提出，今年全区经济社会发展的主要预期目标是：地区生产总值增长16%，工业总产值增长25%。\n【记者】报告同时提出，社会消费品零售总额增长大约20%；地方财政收入增长15%。\n【主持人】今年的目标是不是偏高了？\n【记者】代表们普遍认为目标积极稳妥，与“十一五”规划提出的年均增长18%的目标相衔接。\n【记者】在民生方面，报告提出，城镇居民人均可支配收入和农民人均纯收入分别增长10%、12%；新增城镇就业2万人。\n";
    assert_eq!(
        ids(text),
        [
            "gdp",
            "other:工业总产值",
            "retail_sales",
            "general_budget_revenue",
            "urban_disposable_income",
            "rural_disposable_income",
            "new_urban_jobs"
        ]
    );
}

#[test]
fn a_report_that_puts_a_figure_at_its_target_tells_a_target() {
    // (代表们注意到，报告把…增长目标设定为9.5%: told after the list, in a
    // deputies' story)
    let text = "“9.5%左右”：目标鼓舞人心\n——市人大代表热议政府工作报告\n某某日报　2018年2月8日\n\n2月7日，代表们分组审议市长所作的政府工作报告。\n\n报告提出，今年全市经济社会发展的主要预期目标是：地区生产总值增长9.5%左右，财政总收入增长9%，一般公共预算收入增长8%。\n\n“9.5%左右的目标，比全省9%左右的目标高出0.5个百分点。”一位代表说。\n\n代表们注意到，报告把规模以上工业增加值增长目标设定为9.5%，把固定资产投资增长目标设定为13%。\n";
    let out = run(text);
    let raw: Vec<&str> = out.targets.iter().map(|t| t.raw_name.as_str()).collect();
    assert_eq!(
        raw,
        [
            "地区生产总值",
            "财政总收入",
            "一般公共预算收入",
            "规模以上工业增加值",
            "固定资产投资"
        ]
    );
}

#[test]
fn a_deputys_township_or_district_speaks_for_its_own_government() {
    // (a TV script of a city's congress: the report's figures told without a
    // cue; a township secretary's 我们茅台镇今年的目标是…, a district's
    // deputies' 全区今年提出…, 汇川区的代表…)
    let text = "遵义新闻联播  2017年2月16日\n主持人：今天上午，遵义市第五届人民代表大会第三次会议开幕，市长作政府工作报告。\n解说：报告指出，2016年，全市地区生产总值增长12.1%。\n解说：对于今年，报告提出了明确的目标。全市地区生产总值增长12%左右，固定资产投资增长20%。\n解说：民生方面，城镇常住居民人均可支配收入增长9%，城镇登记失业率控制在4.2%以内。\n（同期声）市人大代表、某镇党委书记：我们茅台镇今年的目标是地区生产总值增长14%，农民人均可支配收入增长12%以上。\n记者（现场）：在红花岗区代表团，代表们说，全区今年提出地区生产总值增长13%。汇川区的代表则表示，汇川今年力争规模以上工业增加值增长15%以上。\n";
    assert_eq!(
        rows(text),
        [
            row("gdp", 12.0, "全市地区生产总值增长12%左右"),
            row("fixed_asset_investment", 20.0, "固定资产投资增长20%"),
            row(
                "urban_disposable_income",
                9.0,
                "城镇常住居民人均可支配收入增长9%"
            ),
            row("unemployment_rate", 4.2, "城镇登记失业率控制在4.2%以内"),
        ]
    );
}

#[test]
fn the_growth_target_a_figure_sets_is_no_part_of_the_name() {
    // (把…和农民人均纯收入的增长目标分别锁定在9%和8%)
    let text = "某某日报　2008年1月20日\n报告把今年全省生产总值增长目标确定为12%，把城镇居民人均可支配收入和农民人均纯收入的增长目标分别锁定在9%和8%。\n";
    assert_eq!(
        ids(text),
        ["gdp", "urban_disposable_income", "rural_disposable_income"]
    );
}
