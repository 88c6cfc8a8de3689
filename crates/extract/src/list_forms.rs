//! The targets' list as other reports and pages word and set it, written
//! for these tests (not taken from the fixtures; each form was found by
//! rewriting the labelled texts with `scripts/robustness`): growth compared
//! with last year's (同比增长, 比上年增长) in every item, an acronym as a
//! qualitative target's name (CPI涨幅与全市保持一致), items numbered in
//! brackets ((1), （2）), items parted by 。 with an aside of effort among
//! them, and a size limit inside a name after the item's marker, a word of
//! effort or the level it covers (八是确保全县引进省外2000万元以上项目资金).

use baogao_model::Qualifier;

use crate::variations::{qualified, row, run};

#[test]
fn a_numbered_list_of_growth_compared_with_last_year_is_the_years() {
    // (no targets cue: the list is found by its look ahead, and 同比 in the
    // items after the first is the coming year's growth, not a result; a
    // note of the office in charge stands between the items)
    let text = "市政府办公室关于落实《政府工作报告》重点工作分工的意见\n\
        一、2025年年度目标\n\
        1. 生产总值同比增长6%左右。(市发展改革委负责)\n\
        2. 固定资产投资同比增长7%左右。(市发展改革委负责)\n\
        3. 一般公共预算收入比上年增长3.5%。(市财政局负责)\n\
        4. 粮食产量32万吨以上。(市农业农村局负责)\n";
    assert_eq!(
        qualified(text),
        [
            row("gdp", Qualifier::About, Some(6.0)),
            row("fixed_asset_investment", Qualifier::About, Some(7.0)),
            row("general_budget_revenue", Qualifier::Exact, Some(3.5)),
            row("grain_output", Qualifier::AtLeast, Some(32.0)),
        ]
    );
}

#[test]
fn growth_compared_with_last_year_after_a_word_that_sets_the_aim() {
    let got = qualified(
        "三亚市八届人大四次会议开幕\n发布时间：2022-01-08 09:30\n\
         1月7日，在三亚市八届人大四次会议上，政府工作报告对全年重点工作进行安排部署，\
         并提出：地区生产总值同比增长10%左右，这是一个底气十足的数字。\n",
    );
    assert_eq!(got, [row("gdp", Qualifier::About, Some(10.0))]);
    // (a result so worded stays a result)
    let past = qualified("去年，全市地区生产总值同比增长6.8%，固定资产投资同比增长5%。\n");
    assert!(past.is_empty(), "{past:?}");
}

#[test]
fn an_acronym_names_a_qualitative_target() {
    for (clause, id) in [
        ("CPI涨幅与全市保持一致", "cpi"),
        ("CPI与上年持平", "cpi"),
        ("GDP增速与全省同步", "gdp"),
    ] {
        let got = qualified(&format!(
            "今年全市的主要预期目标是：一般公共预算收入增长5%；{clause}；粮食产量14万吨以上。\n"
        ));
        assert_eq!(
            got,
            [
                row("general_budget_revenue", Qualifier::Exact, Some(5.0)),
                row(id, Qualifier::Qualitative, None),
                row("grain_output", Qualifier::AtLeast, Some(14.0)),
            ],
            "{clause}"
        );
    }
}

#[test]
fn items_numbered_in_brackets_go_on_past_an_aside() {
    for (one, two, three) in [
        ("（1）", "（2）", "（3）"),
        ("(1)", "(2)", "(3)"),
        ("1）", "2）", "3）"),
    ] {
        let text = format!(
            "今年经济社会发展的主要预期目标是：\n\
             {one}全省地区生产总值增长5%左右，\n\
             {two}在实际工作中努力争取更好结果；\n\
             {three}城镇调查失业率控制在5.5%左右。\n"
        );
        assert_eq!(
            qualified(&text),
            [
                row("gdp", Qualifier::About, Some(5.0)),
                row("unemployment_rate", Qualifier::About, Some(5.5)),
            ],
            "{one}"
        );
    }
}

#[test]
fn a_size_limit_in_a_name_after_a_marker_or_a_level() {
    for item in [
        "八是引进省外2000万元以上项目资金增长8%左右",
        "——引进省外2000万元以上项目资金增长8%左右",
        "全县引进省外2000万元以上项目资金增长8%左右",
        "确保全县引进省外2000万元以上项目资金增长8%左右",
    ] {
        let got = run(&format!(
            "全县经济社会发展的主要预期目标是：地区生产总值增长6%；{item}；粮食产量14万吨。\n"
        ));
        let names: Vec<&str> = got.targets.iter().map(|t| t.indicator.as_str()).collect();
        assert_eq!(
            names,
            ["gdp", "other:引进省外2000万元以上项目资金", "grain_output"],
            "{item}"
        );
        assert_eq!(got.targets[1].value, Some(8.0), "{item}");
    }
}

#[test]
fn items_parted_by_full_stops_go_on_past_an_aside_of_effort() {
    let text = "今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。\
        在实际工作中努力争取更好结果。一般公共预算收入增长5%。城镇新增就业50万人。\
        这是全省上下共同奋斗的方向。\n";
    assert_eq!(
        qualified(text),
        [
            row("gdp", Qualifier::About, Some(5.0)),
            row("general_budget_revenue", Qualifier::Exact, Some(5.0)),
            row("new_urban_jobs", Qualifier::Exact, Some(50.0)),
        ]
    );
    // (a short sentence that is no aside of effort still ends the list)
    let ended = qualified(
        "今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右。\
         会议还听取了其他报告。一般公共预算收入增长5%。\n",
    );
    assert_eq!(ended, [row("gdp", Qualifier::About, Some(5.0))]);
}
