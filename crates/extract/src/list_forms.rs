//! The targets' list as other reports and pages word and set it, written
//! for these tests (not taken from the fixtures; each form was found by
//! rewriting the labelled texts with `scripts/robustness`): growth compared
//! with last year's (同比增长, 比上年增长) in every item, an acronym as a
//! qualitative target's name (CPI涨幅与全市保持一致), items numbered in
//! brackets ((1), （2）), items parted by 。 with an aside of effort among
//! them, a size limit inside a name after the item's marker, a word of
//! effort or the level it covers (八是确保全县引进省外2000万元以上项目资金),
//! a sentence that turns to the coming year after the place that has it
//! (…同比增长7.5%，湖北省今年的主要预期目标还包括：…), and items parted by
//! spaces after a qualitative target (…稳中有进 城镇调查失业率…) or by dashes
//! on one line (…增长13% ——全社会固定资产投资…), 今年 before an item,
//! 人民币 after a unit, and items marked by any symbol (→, ※, 👉) or numbered
//! in any form (⑴, ㈠, 一), Ⅱ.), a name in brackets (【地区生产总值】增长…),
//! a connective before a name (同时, 此外), and a short line with no target
//! between items set one a line with no mark.

use baogao_model::Qualifier;

use crate::variations::{qualified, row, run};

/// The name as written of every target the text gives.
fn raw_names(text: &str) -> Vec<String> {
    run(text).targets.into_iter().map(|t| t.raw_name).collect()
}

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
        "努力实现引进省外2000万元以上项目资金增长8%左右",
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
    // (nor does a short aim of no figure among the items)
    let aims = qualified(
        "主要预期目标：经济增长7.5%—8%。规模工业增加值增长7%。金融风险有效防控。\
         农村贫困人口减少60万以上。生态环境进一步改善。万元GDP能耗下降2.5%。\n",
    );
    assert_eq!(aims.len(), 5, "{aims:?}");
    assert_eq!(
        aims[4],
        row("energy_intensity", Qualifier::Exact, Some(-2.5))
    );
}

#[test]
fn a_sentence_turns_to_the_coming_year_after_the_place_that_has_it() {
    // (the clause before, compared with last year's, is read from the turn
    // on: the place between the comma and 今年 opens the turn's clause; a
    // later mention of the year with no figure after it is no turn)
    let got = qualified(
        "湖北省第十三届人大一次会议开幕。除了地区生产总值同比增长7.5%，\
         湖北省今年的主要预期目标还包括：城镇新增就业70万人；\
         城乡居民收入增长与经济增长基本同步。\n",
    );
    assert_eq!(
        got,
        [
            row("new_urban_jobs", Qualifier::Exact, Some(70.0)),
            row("disposable_income", Qualifier::Qualitative, None),
        ]
    );
    let later = qualified(
        "北京市长25日作政府工作报告，公布2025年全市地区生产总值增长5.4%，\
         2026年全市GDP则预期增长5%左右，这也为全国2026年经济增长目标释出讯息。\n",
    );
    assert_eq!(later, [row("gdp", Qualifier::About, Some(5.0))]);
}

#[test]
fn items_parted_by_spaces_after_a_qualitative_target_or_by_dashes() {
    for (between, id) in [
        ("地方财政收入增长略高于经济增长", "general_budget_revenue"),
        ("全社会固定资产投资稳中有进", "fixed_asset_investment"),
        ("居民消费价格涨幅与全市保持一致", "cpi"),
        ("城乡居民收入与经济增长基本同步", "disposable_income"),
    ] {
        for next in ["城镇调查失业率5.5%左右", "CPI涨幅3%左右"] {
            let got = qualified(&format!(
                "今年全市经济社会发展的主要预期目标是：地区生产总值增长6% {between} {next}。\n"
            ));
            let ids: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
            let want = if next.starts_with("CPI") {
                "cpi"
            } else {
                "unemployment_rate"
            };
            assert_eq!(ids, ["gdp", id, want], "{between} {next}");
            assert_eq!(got[1].1, Qualifier::Qualitative, "{between}");
        }
    }
    let dashed = qualified(
        "今年主要预期目标是：国内生产总值增长13% ——全社会固定资产投资增长30% ——社会消费品零售总额增长12%。\n",
    );
    assert_eq!(
        dashed,
        [
            row("gdp", Qualifier::Exact, Some(13.0)),
            row("fixed_asset_investment", Qualifier::Exact, Some(30.0)),
            row("retail_sales", Qualifier::Exact, Some(12.0)),
        ]
    );
}

#[test]
fn the_year_before_an_item_and_the_currency_after_its_unit() {
    // (今年 before a completion or a size limit, 人民币 between a unit and
    // its qualifier)
    let got = run(
        "今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右；\
         今年完成国家下达的单位地区生产总值二氧化碳排放降低目标；\
         今年引进省外2000万元以上项目资金增长8%左右；\
         第三产业增加值达到7000亿元人民币左右。\n",
    );
    let rows: Vec<(&str, Qualifier, Option<f64>, Option<&str>)> = got
        .targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_str(),
                t.qualifier,
                t.value,
                t.unit.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", Qualifier::About, Some(6.0), Some("%")),
            (
                "other:单位地区生产总值二氧化碳排放",
                Qualifier::Qualitative,
                None,
                None
            ),
            (
                "other:引进省外2000万元以上项目资金",
                Qualifier::About,
                Some(8.0),
                Some("%")
            ),
            (
                "other:第三产业增加值",
                Qualifier::About,
                Some(7000.0),
                Some("亿元")
            ),
        ]
    );
}

#[test]
fn items_marked_by_any_symbol_go_on_past_an_aside() {
    // (a symbol, the same before every item, or a number written as one
    // char, or with a closing bracket or a point only: ⑴, ㈠, 一), Ⅱ., B.)
    // (○ and √ of older portals, a phone post's keycap digits 1️⃣)
    let symbols = ["→", "⚫", "※", "👉", "⭐", "○", "◯", "√"].map(|m| [m; 3]);
    let numbers = [
        [
            "1\u{fe0f}\u{20e3}",
            "2\u{fe0f}\u{20e3}",
            "3\u{fe0f}\u{20e3}",
        ],
        ["1\u{20e3}", "2\u{20e3}", "3\u{20e3}"],
        ["⑴", "⑵", "⑶"],
        ["㈠", "㈡", "㈢"],
        ["一)", "二)", "三)"],
        ["Ⅰ.", "Ⅱ.", "Ⅲ."],
        ["A.", "B.", "C."],
    ];
    for [a, b, c] in symbols.into_iter().chain(numbers) {
        let text = format!(
            "今年经济社会发展的主要预期目标是：\n{a}地区生产总值增长5%左右；\n\
             {b}在实际工作中努力争取更好结果；\n{c}城镇调查失业率控制在5.5%左右。\n"
        );
        assert_eq!(raw_names(&text), ["地区生产总值", "城镇调查失业率"], "{a}");
    }
    // (○ before a year's digits at a line's start is the year's zero: ○八年)
    assert_eq!(crate::norm::normalise("○八年"), "〇八年");
    assert_eq!(crate::norm::normalise("○地区生产总值"), "•地区生产总值");
    assert_eq!(
        crate::norm::normalise("○一般公共预算收入"),
        "•一般公共预算收入"
    );
}

#[test]
fn a_name_in_brackets_and_a_connective_before_a_name() {
    // (【…】 holding the name before its predicate is the name, not a
    // heading; 同时, 此外 before a name are no part of it)
    let names = raw_names(
        "今年经济社会发展的主要预期目标是：\n【地区生产总值】增长5%左右\n\
         【城镇调查失业率】控制在5.5%左右\n",
    );
    assert_eq!(names, ["地区生产总值", "城镇调查失业率"]);
    let names = raw_names(
        "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；同时一般公共预算收入增长5%；\
         此外，城镇调查失业率控制在5.5%左右。\n",
    );
    assert_eq!(
        names,
        ["地区生产总值", "一般公共预算收入", "城镇调查失业率"]
    );
}

#[test]
fn a_name_in_brackets_before_its_figure_or_a_shared_predicate() {
    // (an infographic brackets every name: its figure may follow at once,
    // and names that share a predicate are bracketed one by one)
    let text = "会议确定2008年全市实现【地区生产总值】970亿元，增长15%；\
        【城乡居民人均可支配收入】分别增长8%和9%；\
        【城镇调查失业率】、【城镇登记失业率】分别控制在5.5%和4.5%以内。\n";
    assert_eq!(
        qualified(text),
        [
            row("gdp", Qualifier::Exact, Some(970.0)),
            row("gdp", Qualifier::Exact, Some(15.0)),
            row("urban_disposable_income", Qualifier::Exact, Some(8.0)),
            row("rural_disposable_income", Qualifier::Exact, Some(9.0)),
            row("unemployment_rate", Qualifier::AtMost, Some(5.5)),
            row("unemployment_rate", Qualifier::AtMost, Some(4.5)),
        ]
    );
    // (brackets holding a heading stay: the name after them is the target's)
    let names = raw_names(
        "【2024年目标】\n【经济增长】地区生产总值增长5.5%左右；一般公共预算收入增长8%左右。\n",
    );
    assert_eq!(names, ["地区生产总值", "一般公共预算收入"]);
}

#[test]
fn a_short_line_between_items_set_one_a_line_does_not_end_the_list() {
    // (items one a line with no mark, as a portal sets them: an aside of
    // effort, a qualitative line the dictionary does not read, or a
    // condition its comma leaves open stands between them)
    for gap in [
        "在实际工作中努力争取更好结果；",
        "金融财政风险有效防控；",
        "在持续大幅清费减负的同时，",
    ] {
        let text = format!(
            "今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右；\n{gap}\n\
             一般公共预算收入增长3%；\n城镇调查失业率控制在5.5%左右。\n"
        );
        assert_eq!(
            raw_names(&text),
            ["地区生产总值", "一般公共预算收入", "城镇调查失业率"],
            "{gap}"
        );
    }
    // (and with no mark at the lines' ends either: a qualitative line the
    // dictionary does not read, between items as short)
    let text = "今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右\n\
        金融财政风险有效防控\n城镇调查失业率控制在5.5%左右\n";
    assert_eq!(raw_names(text), ["地区生产总值", "城镇调查失业率"]);
    // (a bare heading of the work after such a list, opened by its verb,
    // ends it, though short lines with figures follow)
    let text = "今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右\n\
        城镇调查失业率控制在5.5%左右\n扎实推进乡村振兴\n新建高标准农田5万亩\n\
        改造农村公路100公里\n";
    assert_eq!(raw_names(text), ["地区生产总值", "城镇调查失业率"]);
    // (a line of the work after the list, with the year's next paragraph
    // reading no target, still ends it)
    let text = "今年经济社会发展的主要预期目标是：\n地区生产总值增长5%左右；\n\
        城镇调查失业率控制在5.5%左右。\n做好今年工作，要把握好以下几点：\n\
        坚持稳中求进；\n力争引进项目100个。\n";
    assert_eq!(raw_names(text), ["地区生产总值", "城镇调查失业率"]);
}

#[test]
fn a_lists_headings_numbered_over_slides_are_one_list() {
    // (a lecture's slides: the heading numbered （一）（二）, each slide
    // headed ——第6页——, is the list's cue, not the speaker's notes after
    // it; the work's 力争 figures after the list are not its)
    let text = "二、2020年目标任务\n总体要求：\n稳中求进\n高质量发展\n——第5页——\n主要预期目标（一）\n• 地区生产总值　增长8%左右\n• 固定资产投资　增长9.5%\n——第6页——\n主要预期目标（二）\n• 城镇调查失业率　5.5%左右\n• 居民消费价格涨幅　3%左右\n——第7页——\n三、重点工作\n• 主攻工业：力争规上工业营业收入突破5000亿元\n• 开放合作：力争实际利用外资增长8%以上\n——第8页——\n讲解要点（备注栏）\n本页讲稿：今年的目标是在深入分析国内外形势的基础上确定的。地区生产总值增长目标定为8%左右，高于全省平均水平。";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(
        ids,
        ["gdp", "fixed_asset_investment", "unemployment_rate", "cpi"]
    );
}

#[test]
fn a_numbered_heading_between_dash_items_and_bracketed_ones_ends_the_list() {
    // a plan report: the targets as dash items, then the next part's
    // heading and its tasks numbered another way, with a sector's 力争
    let text = "关于某省2015年计划执行情况及2016年计划草案的报告（摘要）\n2016-01-28　来源：某省日报\n二、2016年经济社会发展的主要目标\n建议2016年全省经济社会发展的主要预期目标为：\n——地区生产总值增长7.5%左右；\n——社会消费品零售总额增长11%；\n——城镇登记失业率控制在4.5%以内。\n三、2016年计划的主要任务\n（一）……力争规模以上工业增加值增长8%以上……\n（二）……全年减少农村贫困人口100万以上……\n";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(ids, ["gdp", "retail_sales", "unemployment_rate"]);
}

#[test]
fn a_sentence_that_lays_out_the_years_work_ends_the_list() {
    // an annals entry: the targets, then the work the report laid out, with
    // a sector's 力争 in it
    let text = "某县年鉴（2010）\n【县十五届人大三次会议】2009年2月16日至19日，某县第十五届人民代表大会第三次会议举行。报告提出2009年全县经济社会发展主要预期目标：地区生产总值增长14%，财政总收入增长15%，单位生产总值能耗下降5%。报告对2009年工作作了部署：一是应对金融危机，力争规模工业增加值增长20%；二是加快新区建设。\n";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(ids, ["gdp", "other:财政总收入", "energy_intensity"]);
}

#[test]
fn a_tables_header_under_the_cue_is_no_turn_to_the_work() {
    // a notice's table set with spaces: its header names 目标任务 as a
    // column, and the rows under it are the list
    let text = "某市人民政府\n2011-03-08\n一、主要目标任务\n序号　目标任务　牵头单位　责任单位\n1　地区生产总值增长11%　市发改局　市统计局、各镇街\n2　全社会固定资产投资增长15%　市发改局　市统计局\n二、重点工作任务\n";
    let ids: Vec<String> = run(text).targets.into_iter().map(|t| t.indicator).collect();
    assert_eq!(ids, ["gdp", "fixed_asset_investment"]);
}
