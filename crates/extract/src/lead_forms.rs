//! How a news story leads into the targets in its own words, written for
//! these tests (not taken from the fixtures; each form was found by
//! rewriting the labelled texts with `scripts/robustness`, kinds `lead-*`):
//! 他说， or 记者从会上获悉， before figures written as aims, 报告提出， before
//! figures with no aim's word, a plan named in a later item of such a
//! sentence, a paragraph that turns from a review to the aims a report
//! sets, ranges and growth in step (与经济增长同步) counted as aims,
//! 主要预期目标中， before some of the aims, a story with headings of its own
//! that reports 他说， or 记者从会上获悉， (read as news, not as a report's plan
//! part), and the
//! words said of a target only (在实际工作中努力争取更好结果).

use baogao_model::Qualifier;

use crate::variations::{qualified, row, run};

/// A news story dated in the targets' year: its headline, its page date and
/// `body`.
fn story(body: &str) -> String {
    format!("某市召开人代会\n2024-01-20 09:30 来源：某某日报\n{body}\n")
}

#[test]
fn figures_written_as_aims_look_ahead_whatever_leads_into_them() {
    // (no 今年, no 目标, no 预期: the qualifiers are what only aims have)
    for lead in ["他说，", "记者从会上获悉，"] {
        let text = story(&format!(
            "某市第十六届人民代表大会第三次会议昨日开幕。市长作政府工作报告。\n\
             {lead}地区生产总值增长6%左右，固定资产投资增长8%以上，城镇调查失业率控制在5.5%以内。"
        ));
        assert_eq!(
            qualified(&text),
            [
                row("gdp", Qualifier::About, Some(6.0)),
                row("fixed_asset_investment", Qualifier::AtLeast, Some(8.0)),
                row("unemployment_rate", Qualifier::AtMost, Some(5.5)),
            ],
            "{lead}"
        );
    }
    // (one figure written as an aim among results is no list of aims)
    let text =
        story("他说，地区生产总值增长6.1%，固定资产投资增长8%以上，一般公共预算收入增长3.2%。");
    assert!(run(&text).targets.is_empty(), "{text}");
}

#[test]
fn a_range_and_a_growth_in_step_are_aims_too() {
    // (a range and 与经济增长同步 are written only of aims, as 左右 is; and a
    // paragraph that opens with a review turns to them)
    let text = story(
        "市长作政府工作报告，全面总结了去年工作，并对今年工作作出部署。\
         他说，地区生产总值增长5.5%-6%，居民人均可支配收入增长与经济增长同步，一般公共预算收入增长3%。",
    );
    assert_eq!(
        qualified(&text),
        [
            row("gdp", Qualifier::Range, Some(5.5)),
            row("disposable_income", Qualifier::Qualitative, None),
            row("general_budget_revenue", Qualifier::Exact, Some(3.0)),
        ]
    );
    let text = story("他说，全市GDP增长5.5%，居民收入增长与经济增长同步，居民消费价格涨幅2%左右。");
    assert_eq!(
        qualified(&text),
        [
            row("gdp", Qualifier::Exact, Some(5.5)),
            row("disposable_income", Qualifier::Qualitative, None),
            row("cpi", Qualifier::About, Some(2.0)),
        ]
    );
}

#[test]
fn a_news_item_with_headings_of_its_own_is_read_as_news() {
    // (二、大会主要内容 would open a report's plan part, where figures written
    // as aims are a work section's; a story that reports 他说， or what its
    // reporter learnt is no report)
    for lead in ["他说，", "记者从会上获悉，"] {
        let text = story(&format!(
            "某市召开2024年工作动员大会。\n一、大会背景\n会议旨在凝聚共识，明确目标。\n\
             二、大会主要内容\n1. 工作报告\n市长在大会上作工作报告，全面总结了2023年全市经济社会\
             发展情况，并对2024年的工作进行了部署。{lead}地区生产总值增长6%以上，固定资产投资增长\
             8%以上，社会消费品零售总额增长7%左右。\n2. 主题发言\n各区县负责人作了发言。"
        ));
        assert_eq!(
            qualified(&text),
            [
                row("gdp", Qualifier::AtLeast, Some(6.0)),
                row("fixed_asset_investment", Qualifier::AtLeast, Some(8.0)),
                row("retail_sales", Qualifier::About, Some(7.0)),
            ],
            "{lead}"
        );
        // (the same lines with no one reported as saying them stay a plan
        // part: figures written as aims with no cue are not taken there)
        let report = text.replace(lead, "");
        assert!(run(&report).targets.is_empty(), "{report}");
    }
}

#[test]
fn the_words_that_follow_a_target_only_mark_it_as_one() {
    // (在实际工作中努力争取更好结果 is said of a target and nothing else: with
    // 以上 it makes two aims, which turn a paragraph about the past)
    let text = story(
        "政府工作报告全面回顾了2023年工作，明确了今后五年的发展目标。\
         他说，全市生产总值增长5%以上，在实际工作中努力争取更好结果；\
         一般公共预算收入增长3%。",
    );
    assert_eq!(
        qualified(&text),
        [
            row("gdp", Qualifier::AtLeast, Some(5.0)),
            row("general_budget_revenue", Qualifier::Exact, Some(3.0)),
        ]
    );
}

#[test]
fn the_aims_named_as_a_whole_then_some_of_them() {
    // (…主要预期目标中，: some of the aims follow, here each against the
    // city's, in a speech with no year)
    let text = "今年某旗经济社会发展主要预期目标中，规上工业增加值、社会消费品零售总额增长率与全市目标保持一致，\
        固定资产投资和地区生产总值增长率高于全市目标，必须把抓落实的导向鲜明树起来。\n";
    assert_eq!(
        qualified(text),
        [
            row("industrial_value_added", Qualifier::Qualitative, None),
            row("retail_sales", Qualifier::Qualitative, None),
            row("fixed_asset_investment", Qualifier::Qualitative, None),
            row("gdp", Qualifier::Qualitative, None),
        ]
    );
}

#[test]
fn a_report_that_puts_forward_figures_sets_them_as_aims() {
    // (报告提出 with figures and no 左右 or 目标, in a copy with no date: a
    // report proposes only aims; the same figures a story gives as known,
    // 据介绍, stay unread)
    let text = "区长表示，过去一年，全区经济运行保持在合理区间。\n\
        报告提出，地区生产总值增长6%，居民人均可支配收入增长与经济增长基本同步。\n";
    assert_eq!(
        qualified(text),
        [
            row("gdp", Qualifier::Exact, Some(6.0)),
            row("disposable_income", Qualifier::Qualitative, None),
        ]
    );
    let text = "据介绍，地区生产总值增长6%，一般公共预算收入增长3%。\n";
    assert!(run(text).targets.is_empty(), "{text}");
}

#[test]
fn a_plan_named_in_a_later_item_of_a_reports_aims_is_an_aside() {
    let text = story(
        "报告提出，经济增长6%左右，规上工业增加值增长7%左右，\
         单位生产总值能耗完成“十四五”目标任务，一般公共预算收入增长4%左右。",
    );
    let ids: Vec<_> = run(&text)
        .targets
        .into_iter()
        .map(|t| t.indicator)
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("gdp"), "{ids:?}");
    assert!(ids.iter().any(|i| i == "general_budget_revenue"), "{ids:?}");
    assert!(ids.iter().any(|i| i == "industrial_value_added"), "{ids:?}");
}

#[test]
fn a_review_that_turns_to_the_reports_aims_is_about_them_from_there() {
    // (the paragraph opens looking back; after 报告提出 its items separated
    // by ； go on with the aims)
    let text = story(
        "政府工作报告全面回顾了2023年工作，全市生产总值增长5.2%。报告提出，\
         全市生产总值增长5%以上，在实际工作中努力争取更好结果；一般公共预算收入增长2%，\
         居民收入增长与经济增长同步；城镇调查失业率5.5%以内。",
    );
    assert_eq!(
        qualified(&text),
        [
            row("gdp", Qualifier::AtLeast, Some(5.0)),
            row("general_budget_revenue", Qualifier::Exact, Some(2.0)),
            row("disposable_income", Qualifier::Qualitative, None),
            row("unemployment_rate", Qualifier::AtMost, Some(5.5)),
        ]
    );
}

#[test]
fn targets_named_then_called_the_main_targets() {
    // (报告提出了…、…等主要预期目标: 了 is no part of the first name, the 分别
    // list keeps its own figures and the item after it is one of its own,
    // a plan named in a later item is an aside)
    let text = story(
        "报告提出了全市地区生产总值增长5.5%、城镇和农村居民人均可支配收入分别增长8%左右和8.5%左右、\
         城镇调查失业率控制在5.5%以内、单位地区生产总值能耗完成“十四五”目标任务等主要预期目标。",
    );
    let out = run(&text);
    let rows: Vec<_> = out
        .targets
        .iter()
        .filter(|t| t.value.is_some())
        .map(|t| (t.indicator.as_str(), t.raw_name.as_str(), t.value))
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", "地区生产总值", Some(5.5)),
            (
                "urban_disposable_income",
                "城镇和农村居民人均可支配收入",
                Some(8.0)
            ),
            (
                "rural_disposable_income",
                "城镇和农村居民人均可支配收入",
                Some(8.5)
            ),
            ("unemployment_rate", "城镇调查失业率", Some(5.5)),
        ]
    );
    // (a part after the list's figures that opens with a name ends it, even
    // when a later one opens with a verb; a qualitative last item does not
    // take the words that sum the list up)
    let text = story(
        "报告提出了城乡居民人均可支配收入分别增长7.5%和8%左右、城镇登记失业率控制在4.5%以内、\
         完成省下达的节能减排目标等主要预期目标。",
    );
    let rows: Vec<_> = run(&text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.value, t.text))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "urban_disposable_income".to_owned(),
                Some(7.5),
                "城乡居民人均可支配收入分别增长7.5%和8%左右".to_owned()
            ),
            (
                "rural_disposable_income".to_owned(),
                Some(8.0),
                "城乡居民人均可支配收入分别增长7.5%和8%左右".to_owned()
            ),
            (
                "unemployment_rate".to_owned(),
                Some(4.5),
                "城镇登记失业率控制在4.5%以内".to_owned()
            ),
            (
                "other:节能减排".to_owned(),
                None,
                "完成省下达的节能减排目标".to_owned()
            ),
        ]
    );
}

#[test]
fn the_deputies_counted_at_the_opening_are_no_target() {
    // (news of a congress's opening counts the deputies after its lead)
    let text = story(
        "省十二届人大二次会议开幕，提出今年生产总值增长10.5%。\
         省十二届人大实有代表557人，到会539人，符合法定人数。",
    );
    assert_eq!(qualified(&text), [row("gdp", Qualifier::Exact, Some(10.5))]);
}

#[test]
fn a_plans_figures_announce_the_years_targets() {
    // (主要计划指标 sets figures ahead, as 主要预期指标 does, in a copy with no
    // date; 主要指标 alone may sum up results: there they are outcomes)
    let text = "某市政府工作报告\n\
        经济社会发展的主要计划指标是：地区生产总值增长6.5%，一般公共预算收入增长5%。\n";
    assert_eq!(
        qualified(text),
        [
            row("gdp", Qualifier::Exact, Some(6.5)),
            row("general_budget_revenue", Qualifier::Exact, Some(5.0)),
        ]
    );
}
