//! Targets as reports word them, written for these tests (not taken from
//! the fixtures): qualitative predicates, names that speak of a state, two
//! names sharing one predicate, a completion with its object named,
//! bulleted items run together on one line, the evidence of an assured
//! target, and a 力争 figure of another measure.

use baogao_model::{Constraint, Measure, Qualifier};

use crate::variations::run;

/// Each qualitative target's indicator, in order.
fn qualitative_ids(text: &str) -> Vec<String> {
    run(text)
        .targets
        .iter()
        .filter(|t| t.qualifier == Qualifier::Qualitative)
        .map(|t| t.indicator.clone())
        .collect()
}

const LEAD: &str = "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；";

/// The indicators of a text's targets after the lead's own (LEAD's GDP).
fn ids_after_lead(text: &str) -> Vec<String> {
    run(text)
        .targets
        .iter()
        .skip(1)
        .map(|t| t.indicator.clone())
        .collect()
}

#[test]
fn balances_improvements_and_sharp_growth_are_qualitative_targets() {
    for (clause, id) in [
        ("国际收支基本平衡", "other:国际收支"),
        ("财政收支保持基本平衡", "other:财政收支"),
        ("生态环境质量总体改善", "other:生态环境质量"),
        ("空气质量持续好转", "other:空气质量"),
        ("工业投资大幅增长", "other:工业投资"),
        ("外贸出口稳中有升", "other:外贸出口"),
        ("耕地保有量不减少", "other:耕地保有量"),
        ("农村居民收入增长快于城镇居民", "rural_disposable_income"),
        ("城乡居民收入增长与全省同步", "disposable_income"),
        ("居民消费价格涨幅与全省大体相当", "cpi"),
        ("居民消费价格涨幅与市保持一致", "cpi"),
        ("万元生产总值能耗下降完成省上下达", "energy_intensity"),
        // the goals of 2020 for the end of poverty (labelling call 13)
        ("确保现行标准下农村贫困人口全部脱贫", "other:农村贫困人口"),
        ("贫困县全部摘帽", "other:贫困县"),
        ("地区生产总值增速基本接近全国平均水平", "gdp"),
        // the verb before the predicate is no part of the name
        (
            "城镇居民人均可支配收入增加与经济增长同步",
            "urban_disposable_income",
        ),
        ("城乡居民收入增加与经济增长基本同步", "disposable_income"),
        (
            "农村居民人均可支配收入提高快于城镇居民",
            "rural_disposable_income",
        ),
    ] {
        let text = format!("{LEAD}{clause}。");
        assert_eq!(qualitative_ids(&text), vec![id.to_owned()], "{clause}");
    }
}

#[test]
fn a_predicate_alone_is_no_target() {
    // no indicator named: a slogan, not a target
    for clause in [
        "各项事业基本平衡",
        "社会大局持续好转",
        "人民生活大幅改善",
        // how a task is done
        "高质量完成“十四五”规划目标任务",
        "高水平完成年度目标任务",
        // binding indicators as a whole
        "主要约束性指标控制在省市规定范围以内",
    ] {
        let text = format!("{LEAD}{clause}。");
        assert!(qualitative_ids(&text).is_empty(), "{clause}");
    }
}

#[test]
fn the_state_of_an_indicator_is_the_indicator() {
    for clause in ["国际收支状况得到改善", "国际收支不平衡的状况得到改善"] {
        let out = run(&format!("{LEAD}{clause}。"));
        let t = out.targets.last().expect("a target");
        assert_eq!(t.indicator, "other:国际收支", "{clause}");
        assert_eq!(t.raw_name, "国际收支", "{clause}");
        assert_eq!(t.qualifier, Qualifier::Qualitative);
    }
}

#[test]
fn two_indicators_sharing_a_predicate_are_two_targets() {
    let ids = qualitative_ids(&format!("{LEAD}空气质量和水环境质量持续改善。"));
    assert_eq!(ids, ["other:空气质量", "other:水环境质量"]);
    // the task named after 完成, each indicator with its verb
    let out = run(&format!("{LEAD}完成能耗强度降低和煤炭消费压减任务。"));
    let rows: Vec<(&str, &str, Measure)> = out
        .targets
        .iter()
        .filter(|t| t.qualifier == Qualifier::Qualitative)
        .map(|t| (t.indicator.as_str(), t.raw_name.as_str(), t.measure))
        .collect();
    assert_eq!(
        rows,
        [
            ("energy_intensity", "能耗强度", Measure::Change),
            ("other:煤炭消费", "煤炭消费", Measure::Change)
        ]
    );
    assert!(
        out.targets
            .iter()
            .all(|t| t.qualifier != Qualifier::Qualitative
                || t.text == "完成能耗强度降低和煤炭消费压减任务")
    );
}

#[test]
fn a_programme_or_a_list_of_goals_stays_one_target() {
    // 节能减排 is a programme of work, and a list of goals is named as a whole
    for (clause, id) in [
        (
            "节能减排和碳排放强度下降完成国家下达任务",
            "other:节能减排和碳排放强度",
        ),
        (
            "完成国家下达的节能减排和环境保护等任务",
            "other:节能减排和环境保护",
        ),
    ] {
        let ids = qualitative_ids(&format!("{LEAD}{clause}。"));
        assert_eq!(ids, vec![id.to_owned()], "{clause}");
    }
}

#[test]
fn bullets_run_together_on_one_line_are_a_list() {
    // a page that lost its line breaks between bulleted items
    let text = "2023年，山东怎样干？政府工作报告作出部署。建议全年经济社会发展预期目标\
                ●地区生产总值增长5%以上●一般公共预算收入增长5%以上●城镇新增就业110万人以上\
                ●居民消费价格涨幅3%左右●粮食产量稳定在1100亿斤以上";
    let out = run(text);
    assert_eq!(
        crate::tests::indicators(&out.targets),
        [
            "gdp",
            "general_budget_revenue",
            "new_urban_jobs",
            "cpi",
            "grain_output"
        ]
    );
    // one bullet in a line is no list of its own
    let single = "主要预期目标：●地区生产总值增长5%以上，一般公共预算收入增长5%以上。";
    assert_eq!(run(single).targets.len(), 2);
}

#[test]
fn the_evidence_leaves_out_a_word_of_assurance() {
    let out = run(
        "今年全市经济社会发展的主要预期目标是：确保地区生产总值增长7%，一般公共预算收入增长5%。",
    );
    assert_eq!(out.targets[0].text, "地区生产总值增长7%");
    // and 确保 still makes it a hard target
    assert_eq!(out.targets[0].constraint, Some(Constraint::Hard));
    assert_eq!(out.targets[1].constraint, Some(Constraint::Soft));
    // a completion keeps its verb: the target is the completion
    let out = run(
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长7%，完成国家下达的节能减排任务。",
    );
    assert_eq!(out.targets[1].text, "完成国家下达的节能减排任务");
}

/// A target's indicator, value, unit and stretch.
type Row<'a> = (&'a str, Option<f64>, Option<&'a str>, Option<f64>);

#[test]
fn a_stretch_in_another_unit_is_a_figure_of_its_own() {
    let out = run(&format!(
        "{LEAD}一般公共预算收入增长8%以上，力争达到500亿元；城镇新增就业3万人。"
    ));
    let rows: Vec<Row<'_>> = out
        .targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_str(),
                t.value,
                t.unit.as_deref(),
                t.stretch_value,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", Some(6.0), Some("%"), None),
            ("general_budget_revenue", Some(8.0), Some("%"), None),
            ("general_budget_revenue", Some(500.0), Some("亿元"), None),
            ("new_urban_jobs", Some(3.0), Some("万人"), None),
        ]
    );
    // in the same unit it is the stretch of the figure before
    let out = run(&format!("{LEAD}一般公共预算收入增长8%以上，力争10%。"));
    assert_eq!(out.targets[1].stretch_value, Some(10.0));
    assert_eq!(out.targets.len(), 2);
}

#[test]
fn the_last_name_of_a_list_keeps_its_measure_word() {
    // 总量 is no verb's word here: 能耗强度和总量 names two measures of energy
    let out = run(&format!("{LEAD}能耗强度和总量下降3.5%。"));
    assert_eq!(out.targets[1].indicator, "other:能耗强度和总量");
}

#[test]
fn a_headline_on_the_session_states_an_aim() {
    let text = "市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图\n市区居民人均可支配收入增长10%以上\n2013年02月22日 09:19\n昨天上午，宁波市第十四届人民代表大会第三次会议开幕。去年全年实现地区生产总值6524.7亿元，增长7.8%。";
    let out = run(text);
    let rows: Vec<(&str, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value))
        .collect();
    assert_eq!(rows, [("urban_disposable_income", Some(10.0))]);
    // a headline of last year's results, or one with no word of an aim, is none
    for head in [
        "去年市区居民人均可支配收入增长10%以上",
        "市区居民人均可支配收入增长10.3%",
    ] {
        let text = text.replace("市区居民人均可支配收入增长10%以上", head);
        assert!(run(&text).targets.is_empty(), "{head}");
    }
}

#[test]
fn a_qualitative_target_glued_after_a_figure_is_read() {
    // a page that lost the marks between items: the qualitative ones too
    for gap in ["", " "] {
        let out = run(&format!(
            "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右{gap}居民收入增长与经济增长同步{gap}城镇调查失业率5.5%以内{gap}单位地区生产总值能耗完成省下达任务。"
        ));
        assert_eq!(
            crate::tests::indicators(&out.targets),
            [
                "gdp",
                "disposable_income",
                "unemployment_rate",
                "energy_intensity"
            ],
            "gap {gap:?}"
        );
    }
    // …and a level kept, or a list sharing a predicate, after a figure
    let out = run(
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右地方一般公共预算收入与上年基本持平，城镇调查失业率5.5%以内固定资产投资、进出口总额保持正增长。",
    );
    assert_eq!(
        crate::tests::indicators(&out.targets),
        [
            "gdp",
            "general_budget_revenue",
            "unemployment_rate",
            "fixed_asset_investment",
            "foreign_trade"
        ]
    );
    // a figure's own words after it are no new item (增长6%以上的水平, 增长8%和9%)
    let out = run(&format!("{LEAD}一般公共预算收入增长8%以上的水平持续改善。"));
    assert_eq!(out.targets.len(), 2, "{:#?}", out.targets);
}

#[test]
fn a_news_items_lead_before_a_work_heading_is_read() {
    // 重点工作 opens no plan part of a report here: the lead states the targets
    let text = "市十五届人大三次会议开幕\n2019年1月8日，市十五届人大三次会议开幕。市长作政府工作报告时说，今年全市地区生产总值增长7%左右，一般公共预算收入增长6%。\n重点工作\n深化改革，扩大开放，建设美丽乡村。";
    let out = run(text);
    assert_eq!(
        crate::tests::indicators(&out.targets),
        ["gdp", "general_budget_revenue"]
    );
}

#[test]
fn a_heading_glued_to_its_list_is_a_cue() {
    // a page that lost its line breaks: the heading runs into the first item
    let text = "去年全市生产总值增长5.2%。2024年主要预期目标地区生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业3万人以上。";
    let out = run(text);
    assert_eq!(
        crate::tests::indicators(&out.targets),
        ["gdp", "general_budget_revenue", "new_urban_jobs"]
    );
    assert_eq!(out.targets[0].text, "地区生产总值增长6%左右");
    // …or a heading sentence that ends in 。 runs into it
    for text in [
        "去年全市生产总值增长5.2%。今年我市经济社会发展的主要目标。生产总值增长13%；地方财政收入增长15%。",
        "去年全市生产总值增长5.2%。2024年全市经济社会发展主要目标地区生产总值增长6%左右；地方财政收入增长15%。",
        // a heading set off by dashes on its own line
        "去年全市生产总值增长5.2%。\n— 主要目标 —\n地区生产总值增长6%以上；地方财政收入增长15%以上。",
        // a heading run into the line before it and into its bullets
        "2023年，年初预计城乡居民收入分别增长5.8%、7.9%，均居全国第二2024年预期目标●地区生产总值增长6%左右●地方财政收入增长15%。",
    ] {
        assert_eq!(
            crate::tests::indicators(&run(text).targets),
            ["gdp", "general_budget_revenue"],
            "{text}"
        );
    }
}

#[test]
fn an_example_word_opens_no_name() {
    let out = run(&format!("{LEAD}比如税收占比达75%左右。"));
    let t = out.targets.last().expect("a target");
    assert_eq!(t.raw_name, "税收占比");
    assert_eq!(t.text, "税收占比达75%左右");
}

#[test]
fn a_qualitative_share_takes_the_share_measure() {
    for (clause, measure) in [
        ("外贸出口额占全市份额保持稳定", Measure::Share),
        ("研发经费投入强度持续高于全国平均水平", Measure::Share),
        ("碳排放强度持续下降", Measure::Change),
    ] {
        let out = run(&format!("{LEAD}{clause}。"));
        let t = out.targets.last().expect("a target");
        assert_eq!(t.qualifier, Qualifier::Qualitative, "{clause}");
        assert_eq!(t.measure, measure, "{clause}");
    }
}

#[test]
fn a_name_with_a_news_scope_or_a_way_of_measuring_is_the_indicator() {
    for (name, id) in [
        ("该县地区生产总值", "gdp"),
        ("全县的地区生产总值", "gdp"),
        ("全地区固定资产投资", "fixed_asset_investment"),
        ("地区生产总值按可比价格计算", "gdp"),
        ("规模以上工业增加值年", "industrial_value_added"),
    ] {
        let out = run(&format!(
            "2012年全县经济社会发展的主要预期目标是：{name}增长8%。"
        ));
        let t = out.targets.first().expect("a target");
        assert_eq!(t.indicator, id, "{name}");
    }
}

#[test]
fn a_higher_figure_after_an_effort_word_is_the_stretch() {
    for (tail, stretch) in [
        ("增长8%以上，力争10%", 10.0),
        ("增长8%，争取9%", 9.0),
        ("增长8%以上，努力实现9%", 9.0),
        ("增长8%左右，努力达到9%", 9.0),
        ("计划增长8%、工作目标9%", 9.0),
    ] {
        let out = run(&format!(
            "今年全县经济社会发展的主要预期目标是：地区生产总值{tail}；一般公共预算收入增长6%。"
        ));
        let gdp: Vec<_> = out
            .targets
            .iter()
            .filter(|t| t.indicator == "gdp")
            .collect();
        assert_eq!(gdp.len(), 1, "{tail}");
        assert_eq!(gdp[0].value, Some(8.0), "{tail}");
        assert_eq!(gdp[0].stretch_value, Some(stretch), "{tail}");
    }
}

/// The (indicator, value) rows of a text's targets other than its lead's GDP.
fn rows_after_lead(text: &str) -> Vec<(String, Option<f64>)> {
    run(text)
        .targets
        .iter()
        .filter(|t| t.indicator != "gdp")
        .map(|t| (t.indicator.clone(), t.value))
        .collect()
}

#[test]
fn names_set_apart_by_commas_share_a_figure_with_jun() {
    let lead = "今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右；";
    assert_eq!(
        rows_after_lead(&format!("{lead}一般公共预算收入，固定资产投资均增长10%。")),
        [
            ("general_budget_revenue".to_owned(), Some(10.0)),
            ("fixed_asset_investment".to_owned(), Some(10.0)),
        ]
    );
    // names of no canonical indicator, one of them a 、 list written as one name
    assert_eq!(
        rows_after_lead(&format!(
            "{lead}其中交通投资，生态环保、水利设施投资，民间项目投资均增长12%以上。"
        )),
        [
            ("other:交通投资".to_owned(), Some(12.0)),
            ("other:生态环保、水利设施投资".to_owned(), Some(12.0)),
            ("other:民间项目投资".to_owned(), Some(12.0)),
        ]
    );
    // without 均 a name before a comma shares nothing
    assert_eq!(
        rows_after_lead(&format!("{lead}交通投资，民间项目投资增长12%。")),
        [("other:民间项目投资".to_owned(), Some(12.0))]
    );
}

#[test]
fn two_canonical_names_joined_by_yu_and_the_three_sectors_by_their_ordinals() {
    let lead = "今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右；";
    assert_eq!(
        rows_after_lead(&format!(
            "{lead}固定资产投资与社会消费品零售总额均增长10%。"
        )),
        [
            ("fixed_asset_investment".to_owned(), Some(10.0)),
            ("retail_sales".to_owned(), Some(10.0)),
        ]
    );
    assert_eq!(
        rows_after_lead(&format!(
            "{lead}第一、二、三产业增加值分别增长4%、10%、9%。"
        )),
        [
            ("other:第一产业增加值".to_owned(), Some(4.0)),
            ("other:第二产业增加值".to_owned(), Some(10.0)),
            ("other:第三产业增加值".to_owned(), Some(9.0)),
        ]
    );
}

#[test]
fn counts_of_homes_areas_places_and_visits_carry_their_units() {
    for (clause, unit) in [
        ("保障性住房新开工5000套", "套"),
        ("完成造林3000亩", "亩"),
        ("新建学校5所", "所"),
        ("接待游客5000人次", "人次"),
        ("发电量5000万千瓦时", "万千瓦时"),
    ] {
        let out = run(&format!("{LEAD}{clause}。"));
        let t = out.targets.last().expect("a target");
        assert_eq!(t.unit.as_deref(), Some(unit), "{clause}");
    }
}

#[test]
fn the_nations_grain_inflation_and_trade_as_its_news_words_them() {
    let out = run(&format!("{LEAD}粮食产量1.3万亿斤以上。"));
    let t = out.targets.last().expect("a target");
    assert_eq!(
        (t.indicator.as_str(), t.unit.as_deref()),
        ("grain_output", Some("万亿斤"))
    );
    assert_eq!(t.qualifier, Qualifier::AtLeast);
    let out = run(&format!("{LEAD}通膨水平控制在百分之四以内。"));
    assert_eq!(out.targets.last().expect("a target").indicator, "cpi");
    assert_eq!(
        qualitative_ids(&format!("{LEAD}进出口回稳向好。")),
        ["foreign_trade"]
    );
}

#[test]
fn an_assured_figure_after_one_striven_for_is_the_target() {
    let out = run(
        "今年全县经济社会发展的主要预期目标是：地区生产总值力争增长8%，确保7.5%；一般公共预算收入增长6%。",
    );
    let gdp = &out.targets[0];
    assert_eq!(gdp.indicator, "gdp");
    assert_eq!((gdp.value, gdp.stretch_value), (Some(7.5), Some(8.0)));
    assert_eq!(gdp.constraint, Some(Constraint::Hard));
    assert_eq!(out.targets.len(), 2);
}

#[test]
fn a_price_index_written_bare_is_its_level() {
    for (clause, q) in [
        ("居民消费价格指数约为103", Qualifier::About),
        ("居民消费价格总指数控制在103左右", Qualifier::About),
        ("居民消费价格指数为102.5", Qualifier::Exact),
    ] {
        let out = run(&format!("{LEAD}{clause}。"));
        let t = out.targets.last().expect("a target");
        assert_eq!(
            (t.indicator.as_str(), t.measure, t.unit.as_deref()),
            ("cpi", Measure::Level, None),
            "{clause}"
        );
        assert_eq!(t.qualifier, q, "{clause}");
    }
    // a number that is no index is no figure
    let out = run(&format!(
        "{LEAD}居民消费价格指数保持在合理区间，完成103个项目。"
    ));
    assert!(
        out.targets
            .iter()
            .all(|t| t.indicator != "cpi" || t.value.is_none())
    );
}

#[test]
fn per_head_alone_names_the_item_before_per_head() {
    let out = run(
        "今年全县经济社会发展的主要奋斗目标是，地区生产总值达到13.9亿元，增长16%，人均达到4382元；全社会固定资产投资增长20%。",
    );
    let rows: Vec<(&str, Option<f64>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value))
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", Some(13.9)),
            ("gdp", Some(16.0)),
            ("other:人均地区生产总值", Some(4382.0)),
            ("fixed_asset_investment", Some(20.0)),
        ]
    );
    assert_eq!(out.targets[2].raw_name, "人均");
}

#[test]
fn a_list_grouped_by_fields_before_colons_goes_on_past_each_field() {
    let out = run(
        "二、2024年工作安排\n今年政府工作的总体要求是：坚持稳中求进工作总基调。\n今年全县经济社会发展主要预期目标是：\n经济发展：\n地区生产总值增长6%左右；\n一般公共预算收入增长5%。\n民生改善：\n城镇新增就业1万人；\n居民人均可支配收入增长6%。\n绿色发展：\n单位地区生产总值能耗下降3%。\n三、扎实做好今年重点工作\n（一）加快项目建设。力争新开工项目100个，完成投资200亿元。\n",
    );
    let ids: Vec<&str> = out.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "new_urban_jobs",
            "disposable_income",
            "energy_intensity"
        ]
    );
}

#[test]
fn a_rates_change_on_last_year_is_its_target() {
    // 比上年提高1个百分点 after a rate is the rate's own change; after a
    // growth target it compares targets (比去年的目标下调0.5个百分点)
    for (clause, want) in [
        ("森林覆盖率比上年提高1个百分点", Some(1.0)),
        ("城镇化率较上年提高1.2个百分点", Some(1.2)),
        ("研发经费投入强度比上年提高0.1个百分点", Some(0.1)),
    ] {
        let text = format!("{LEAD}{clause}。");
        let got: Vec<Option<f64>> = run(&text)
            .targets
            .iter()
            .filter(|t| t.indicator != "gdp")
            .map(|t| t.value)
            .collect();
        assert_eq!(got, vec![want], "{clause}");
    }
    let text = "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，比去年的目标下调0.5个百分点。";
    let ids: Vec<String> = run(text)
        .targets
        .iter()
        .map(|t| t.indicator.clone())
        .collect();
    assert_eq!(ids, vec!["gdp".to_owned()]);
    // (…调低了1个百分点 after the list, 了 and all, names no indicator, and
    // leaves the list its own)
    let text = "二、2015年经济社会发展的总体要求和主要目标\n今年是全面完成“十二五”规划的收官之年。综合考虑国内外发展环境和我市发展基础，今年全市经济社会发展的主要预期目标为：地区生产总值增长8%左右；一般公共预算收入增长6%。\n需要说明的是，今年的增长目标比去年的9%调低了1个百分点，与无锡市提出的全市地区生产总值增长7.5%左右的目标相比仍保持了适度领先。\n\n三、2015年的主要工作";
    let ids: Vec<String> = run(text)
        .targets
        .iter()
        .map(|t| t.indicator.clone())
        .collect();
    assert_eq!(ids, ["gdp", "general_budget_revenue"]);
}

#[test]
fn a_report_that_sets_aims_in_a_text_with_no_year() {
    // no year anywhere: the targets a report or session sets are still its own
    for text in [
        "县人大会议昨日开幕。县长在报告中提出，全县地区生产总值增长10%左右，地方财政收入增长8%以上。",
        "会议确定的主要预期目标：全区地区生产总值增长10%左右，地方财政收入增长8%以上。",
        "政府工作报告还明确提出，全市地区生产总值增长10%左右，地方财政收入增长8%以上。",
    ] {
        let got: Vec<(String, Option<f64>)> = run(text)
            .targets
            .iter()
            .map(|t| (t.indicator.clone(), t.value))
            .collect();
        assert_eq!(got.first(), Some(&("gdp".to_owned(), Some(10.0))), "{text}");
        assert_eq!(got.len(), 2, "{text}");
    }
    // …but not the aims set before that the year's results fell short of,
    // even when the latest year named guesses the report's year
    let text = "2015年，农村居民人均可支配收入10568元，增长8%，这与市四届人大六次会议提出的9%和10%的目标也存在差距。";
    assert!(run(text).targets.is_empty(), "{:#?}", run(text).targets);
}

#[test]
fn names_reports_use_for_the_canonical_indicators() {
    for (name, pred, id) in [
        ("固定资产投资额", "增长10%", "fixed_asset_investment"),
        ("全社会投资", "增长10%", "fixed_asset_investment"),
        ("单位生产总值综合能耗", "下降3%", "energy_intensity"),
        ("万元国内生产总值能耗", "下降3%", "energy_intensity"),
        ("单位国内生产总值能源消耗", "下降3%", "energy_intensity"),
        ("农村人均纯收入", "增长10%", "rural_disposable_income"),
        ("农民纯收入", "增长10%", "rural_disposable_income"),
        ("进出口贸易总额", "增长10%", "foreign_trade"),
        ("对外贸易进出口总额", "增长10%", "foreign_trade"),
        ("社会零售总额", "增长10%", "retail_sales"),
        ("消费价格总水平", "涨幅3%左右", "cpi"),
        ("实际利用外资金额", "增长10%", "fdi"),
        ("实际使用外商直接投资额", "增长10%", "fdi"),
        // a remark inside the name is part of neither the name nor the clause's breaks
        ("固定资产投资（区属）", "增长3%", "fixed_asset_investment"),
        // (a scope in brackets is the scope before the name)
        ("工业增加值(规模以上)", "增长10%", "industrial_value_added"),
        // a kind of place is no other place (城市, 城镇地区)
        ("城市调查失业率", "5.5%左右", "unemployment_rate"),
        ("城镇地区调查失业率", "5.5%左右", "unemployment_rate"),
        // a size limit is part of the name, not a figure (nor an item of its own)
        (
            "500万元以上固定资产投资",
            "增长10%",
            "fixed_asset_investment",
        ),
        (
            "城镇500万元以上固定资产投资",
            "增长10%",
            "fixed_asset_investment",
        ),
    ] {
        let text = format!("{LEAD}{name}{pred}。");
        let got = ids_after_lead(&text);
        assert_eq!(got, vec![id.to_owned()], "{name}");
    }
    // …but a sum with 以上 after a name and its verb ends an item
    let text = format!("{LEAD}固定资产投资达到500亿元以上社会消费品零售总额增长10%。");
    let got: Vec<(String, Option<f64>)> = run(&text)
        .targets
        .iter()
        .skip(1)
        .map(|t| (t.indicator.clone(), t.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("fixed_asset_investment".to_owned(), Some(500.0)),
            ("retail_sales".to_owned(), Some(10.0))
        ]
    );
}

#[test]
fn a_name_after_its_verb_of_decline_or_after_its_count() {
    for (clause, want) in [
        // (labelling call 7: the poverty count is other:农村贫困人口, negative)
        (
            "减少农村贫困人口3万人",
            ("other:农村贫困人口", Some(-3.0), Some("万人")),
        ),
        (
            "65万以上贫困人口脱贫",
            ("other:贫困人口脱贫", Some(65.0), Some("万")),
        ),
        (
            "实现15万农村贫困人口脱贫",
            ("other:农村贫困人口脱贫", Some(15.0), Some("万")),
        ),
        (
            "200个贫困村出列",
            ("other:贫困村出列", Some(200.0), Some("个")),
        ),
    ] {
        let text = format!("{LEAD}{clause}；一般公共预算收入增长6%。");
        let out = run(&text);
        let got = crate::tests::value_units(&out.targets);
        assert_eq!(got.len(), 3, "{clause}: {got:?}");
        assert_eq!(got[1], want, "{clause}");
    }
}

#[test]
fn a_range_told_by_its_bounds_and_a_level_stepped_onto() {
    let text = format!("{LEAD}地区生产总值增长7.5%以上8%以下；地区生产总值迈上1200亿元台阶。");
    let got: Vec<(String, Qualifier, Option<f64>, Option<f64>)> = run(&text)
        .targets
        .iter()
        .skip(1)
        .map(|t| (t.indicator.clone(), t.qualifier, t.value, t.value_max))
        .collect();
    assert_eq!(
        got,
        vec![
            ("gdp".to_owned(), Qualifier::Range, Some(7.5), Some(8.0)),
            ("gdp".to_owned(), Qualifier::AtLeast, Some(1200.0), None),
        ]
    );
}

#[test]
fn modifiers_share_the_last_names_tail() {
    for (clause, want) in [
        (
            "农业、工业、服务业增加值分别增长3%、7%、9%",
            vec!["other:农业增加值", "other:工业增加值", "other:服务业增加值"],
        ),
        (
            "战略性新兴产业、高新技术产业增加值分别增长12%和10%",
            vec!["other:战略性新兴产业增加值", "other:高新技术产业增加值"],
        ),
        (
            "文化产业、旅游产业、健康产业增加值增速均高于GDP增速",
            vec![
                "other:文化产业增加值",
                "other:旅游产业增加值",
                "other:健康产业增加值",
            ],
        ),
        // a remark inside the list, and 和 before its last name
        (
            "文化产业、健康产业（含生物医药）和高端装备制造业增加值增速均高于GDP增速",
            vec![
                "other:文化产业增加值",
                "other:健康产业增加值",
                "other:高端装备制造业增加值",
            ],
        ),
        // names that share no word keep their own (a list of pollutants)
        (
            "二氧化硫、氨氮、氮氧化物减排完成国家下达任务",
            vec!["other:二氧化硫、氨氮、氮氧化物减排"],
        ),
    ] {
        let text = format!("{LEAD}{clause}。");
        let got = ids_after_lead(&text);
        assert_eq!(got, want, "{clause}");
    }
}

#[test]
fn a_count_of_indicators_is_no_value() {
    let text = format!(
        "{LEAD}地方一般公共预算收入、社会消费品零售总额等4项经济指标增速保持全市前列；城镇新增就业3万人。"
    );
    let out = run(&text);
    let got = crate::tests::value_units(&out.targets);
    assert!(got.iter().all(|&(_, _, u)| u != Some("项")), "{got:?}");
    assert_eq!(
        got.last(),
        Some(&("new_urban_jobs", Some(3.0), Some("万人")))
    );
}

#[test]
fn a_shared_tail_keeps_each_names_spelling() {
    // raw names as the page writes them: traditional characters and remarks kept
    let text = format!("{LEAD}文化產業、健康產業（含生物醫藥）和時尚產業增加值增速均高於GDP增速。");
    let raws: Vec<String> = run(&text)
        .targets
        .iter()
        .skip(1)
        .map(|t| t.raw_name.clone())
        .collect();
    assert_eq!(
        raws,
        [
            "文化產業增加值",
            "健康產業（含生物醫藥）增加值",
            "時尚產業增加值"
        ]
    );
    assert!(
        run(&text)
            .targets
            .iter()
            .skip(1)
            .all(|t| t.measure == Measure::Growth)
    );
}

#[test]
fn disposable_income_beside_the_farmers_net_income_is_the_urban_one() {
    // before the 2013 survey reform only urban residents had a disposable income
    let text = format!("{LEAD}人均可支配收入增长10%，农民人均纯收入增长9%。");
    assert_eq!(
        ids_after_lead(&text),
        ["urban_disposable_income", "rural_disposable_income"]
    );
    // since then it is every resident's
    let text = format!("{LEAD}居民人均可支配收入增长6%，农村居民人均可支配收入增长7%。");
    assert_eq!(
        ids_after_lead(&text),
        ["disposable_income", "rural_disposable_income"]
    );
}

#[test]
fn a_dash_between_name_and_figure_is_no_part_of_the_name() {
    let text = "今年全市经济社会发展的主要预期目标是：\n地区生产总值——增长8%左右；一般公共预算收入：增长6%。";
    assert_eq!(
        crate::tests::indicators(&run(text).targets),
        ["gdp", "general_budget_revenue"]
    );
}
