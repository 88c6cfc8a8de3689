//! How a news story retells the targets in the speaker's words, with no cue
//! line of the report's own: the figure named a target inside its clause
//! (生产总值增长的预期目标为9%), figures written as aims in Chinese numerals
//! (增长百分之八以上), and a municipality's story that calls it 全市. Written
//! for these tests (not taken from the fixtures).

use baogao_model::{Level, Qualifier};

use crate::Extraction;
use crate::variations::run;

/// A wire story's lead: the session opens, then what the speaker said.
fn story(said: &str) -> Extraction {
    run(&format!(
        "新华社上海1月13日电(记者某某)上海市第十三届人民代表大会第二次会议13日开幕。{said}\n去年，上海全市生产总值比上年增长9.7%。"
    ))
}

fn rows(out: &Extraction) -> Vec<(&str, Qualifier, Option<f64>)> {
    out.targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.qualifier, t.value))
        .collect()
}

/// A clause that calls its figure the target (增长的预期目标为9%, 预期目标为增长
/// 9%) states the year's target, whoever says it; the words are read past
/// to meet the figure, and still mark the sentence as one of aims.
#[test]
fn a_figure_called_the_target_in_its_clause_is_a_target() {
    for said in [
        "他说，生产总值增长的预期目标为9%、上海地方财政收入增长的预期目标为6%。",
        "市长韩正说，生产总值增长的预期目标为9%、上海地方财政收入增长的预期目标为6%。",
    ] {
        let out = story(said);
        assert_eq!(
            rows(&out),
            [
                ("gdp", Qualifier::Exact, Some(9.0)),
                ("general_budget_revenue", Qualifier::Exact, Some(6.0)),
            ],
            "{said}"
        );
        assert_eq!(out.report.target_year, Some(2009));
        // (nor are they last year's results)
        assert!(
            out.outcomes.iter().all(|o| o.value != Some(9.0)),
            "{:#?}",
            out.outcomes
        );
    }
    let out = story("他说，生产总值预期目标为增长9%。");
    assert_eq!(rows(&out), [("gdp", Qualifier::Exact, Some(9.0))]);
}

/// A result measured against last year's target (超出预期目标3.2个百分点)
/// names the target as its object: the sentence stays a review.
#[test]
fn a_result_over_the_target_is_no_target() {
    let out = run(
        "某某市2010年政府工作报告\n过去一年，全市实现生产总值1410亿元，增长13.2%，超出预期目标3.2个百分点；全社会固定资产投资759亿元，增长17.7%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

/// Figures written as aims in Chinese numerals (增长百分之八以上, 控制在百分之
/// 四点五左右) look ahead as the same in Arabic digits do.
#[test]
fn aims_in_chinese_numerals_look_ahead() {
    let out = story(
        "他说，全市生产总值增长百分之八以上，地方财政收入增长百分之八，城镇登记失业率控制在百分之四点五左右。",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::AtLeast, Some(8.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(8.0)),
            ("unemployment_rate", Qualifier::About, Some(4.5)),
        ]
    );
}

/// A municipality's own story calls it 全市: the region is the municipality
/// itself, at the level of a province (not a city with no name).
#[test]
fn a_municipality_that_calls_itself_the_city_is_itself() {
    let out = run(
        "新华社上海1月13日电 上海市第十三届人民代表大会第二次会议13日开幕。他说，全市生产总值增长9%左右，地方财政收入增长6%左右。",
    );
    assert_eq!(out.report.region.as_deref(), Some("上海市"));
    assert_eq!(out.report.level, Some(Level::Province));
    assert_eq!(out.targets.len(), 2, "{:#?}", out.targets);
}

/// A higher government's target told after who says it (报告同时提出，自治区
/// 今年确定全区…) is the higher government's, as after hearsay (据了解，).
#[test]
fn a_higher_governments_target_after_who_says_it_is_not_the_reports() {
    let out = run(
        "某某日报 2018年1月12日 第1版\n本报讯 1月11日，阿拉善盟第十三届人民代表大会第二次会议开幕。\n报告提出，2018年全盟经济社会发展的主要预期目标是：\n①地区生产总值增长6.5%左右\n②一般公共预算收入增长5%\n\n报告同时提出，自治区今年确定全区地区生产总值增长6.5%左右，全盟目标与全区保持一致。",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::About, Some(6.5)),
            ("general_budget_revenue", Qualifier::Exact, Some(5.0)),
        ]
    );
}

/// A county's head named with his title after his name (林文辉县长) names no
/// county 辉县: the congress the headline names is the place.
#[test]
fn a_heads_title_after_his_name_names_no_place() {
    let report = run(
        "安溪县第十五届人民代表大会第二次会议开幕　林文辉县长作政府工作报告\n1月15日上午，会议开幕。报告提出，今年全县地区生产总值增长15%。\n",
    )
    .report;
    assert_eq!(
        (report.region.as_deref(), report.prefecture.as_deref()),
        (Some("安溪县"), Some("泉州市"))
    );
}

/// A county-level city's own paper on the masthead line (义乌商报) names the
/// place, over the prefecture's report the story tells of later.
#[test]
fn a_papers_masthead_names_its_place() {
    let report = run(
        "义乌商报　2007年2月8日　A2版　要闻\n市十三届人大五次会议隆重开幕\n本报讯 昨天上午，市十三届人大五次会议开幕。报告提出，今年全市生产总值增长13%。\n金华市政府工作报告此前提出，今年全市生产总值增长12%。\n",
    )
    .report;
    assert_eq!(
        (report.region.as_deref(), report.level),
        (Some("义乌市"), Some(Level::County))
    );
}

/// A district head quoted in a city's story speaks of the district as 区里
/// (“区里今年的目标是…”): the district's target, not the city's; and the
/// work's aims a story tells after the list (报告还说，要抓住…，全力推进…，力争…)
/// are not more of it.
#[test]
fn a_district_heads_quote_and_the_work_after_the_list_are_not_the_citys() {
    let out = run(
        "大庆广播电视台 2013年1月25日\n今天上午，大庆市第八届人民代表大会第三次会议开幕。\n【解说】报告提出，今年全市全社会固定资产投资增长20%，公共财政预算收入增长10%，城镇登记失业率控制在4%以内。\n报告还说，要抓住国家扩大内需的机遇，全力推进石化项目前期工作，力争全社会固定资产投资突破400亿元。\n【同期声】市人大代表、让胡路区区长\n“区里今年的目标是地区生产总值增长12%，我们有信心完成。”\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("fixed_asset_investment", Qualifier::Exact, Some(20.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(10.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(4.0)),
        ]
    );
}

/// A city's post on its report: the target compared with the province's
/// (与全省“6.5%左右”的目标相比高出1个百分点) is no second target, and a
/// deputy from a district quoting its own (“今年我们区的目标是…”) or a firm's
/// (我们企业) is not the city's list.
#[test]
fn a_comparison_and_a_districts_quote_in_a_citys_post_are_no_targets() {
    let out = run(
        "划重点！绵阳今年GDP预期增长7.5%左右\n绵阳发布　2022-01-11　四川\n今天上午，绵阳市第八届人民代表大会第二次会议开幕，市长作政府工作报告。\n今年全市地区生产总值预期增长7.5%左右，这一目标比去年的“8%左右”低了0.5个百分点，与全省“6.5%左右”的目标相比高出1个百分点。\n其他指标是这样安排的——\n📈规上工业增加值增长9%左右\n📈一般公共预算收入增长8%\n⭐代表声音\n“今年我们区的目标是地区生产总值增长8%以上，要在全市当好排头兵。”市人大代表、涪城区某街道党工委书记说。\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::About, Some(7.5)),
            ("industrial_value_added", Qualifier::About, Some(9.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(8.0))
        ]
    );
}

/// A city's story tells its targets in the mayor's words and the report's
/// (我们把今年经济增长的预期目标设定为6%左右; 报告同时提出，…), then a
/// round-up's box of several cities' targets (各地…预期目标如下：) and a
/// town's deputy (我们镇今年的…目标是): neither is the city's list.
#[test]
fn a_round_ups_box_and_a_towns_quote_after_the_told_targets_are_no_list() {
    let out = run(
        "常州：今年经济增长目标设定为6%左右\n中国江苏网1月8日讯 1月7日，常州市十七届人大三次会议开幕，市长作政府工作报告。\n“综合考虑各方面因素，我们把今年经济增长的预期目标设定为6%左右。”市长在报告中说。\n报告同时提出，一般公共预算收入增长5%左右，固定资产投资增长6%。\n【链接：各地目标一览】\n记者梳理了近期召开的苏南五市人代会，各地2023年地区生产总值增长预期目标如下：\n南京　5.5%左右\n无锡　5.5%左右\n全省　5%以上\n【代表声音】\n市人大代表、溧阳市某镇党委书记说：“我们镇今年的工业开票销售目标是增长20%，溧阳市提出地区生产总值增长7%左右。”\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::About, Some(6.0)),
            ("general_budget_revenue", Qualifier::About, Some(5.0)),
            ("fixed_asset_investment", Qualifier::Exact, Some(6.0))
        ]
    );
}

/// A story tells the report's targets over several paragraphs under its own
/// heading, officials' words between them (报告提出…。据…介绍…。报告还提出…。
/// 在…方面，报告确定…。报告明确…): every told sentence is the list's, up to
/// the next heading; work told with its figures (报告还提出…力争…, 十大工程)
/// and a box of other places' targets are not.
#[test]
fn targets_told_over_several_paragraphs_are_one_list() {
    let out = run(
        "昆山：今年GDP力争突破1100亿元\n苏州日报讯 1月16日，昆山市第十四届人民代表大会第一次会议开幕。\n■ 今年目标：速度与效益同步提升\n对于今年的发展，报告提出，全市地区生产总值增长15%以上。据市发改委负责人介绍，这一增速目标比去年的实际增速低5个百分点左右。\n报告还提出，今年地方一般预算收入增长15%，实际利用外资25亿美元。\n在城乡居民生活方面，报告确定城镇登记失业率控制在3%以内。\n报告明确，今年单位地区生产总值能耗下降5%。“这是第一次把节能指标写进年度目标。”该负责人说。\n报告还提出，今年要加快转型升级，力争新增高新技术企业100家。\n■ 重点工作：十大工程\n围绕今年目标，报告提出实施十大工程：新增城镇就业2万人。\n【链接】苏州各县级市2007年主要预期目标\n·常熟：地区生产总值增长15%以上\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::AtLeast, Some(15.0)),
            ("general_budget_revenue", Qualifier::Exact, Some(15.0)),
            ("fdi", Qualifier::Exact, Some(25.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(3.0)),
            ("energy_intensity", Qualifier::Exact, Some(-5.0))
        ]
    );
}

/// A commentary tells the report's figures as what it arranges (报告还安排了
/// 一组支撑性指标：…, 报告初步安排…): they are the report's targets as what it
/// puts forward or fixes are.
#[test]
fn figures_the_report_arranges_are_its_targets() {
    let out = run(
        "以担当扛起9.5%增长的目标责任\n——二论学习贯彻市十七届人大四次会议精神\n报告把今年全市地区生产总值增长目标定为9.5%，比赣州市提出的9%左右高出0.5个百分点。去年，我们实现了地区生产总值增长9.8%。\n在9.5%的增长目标之外，报告还安排了一组支撑性指标：规模以上工业增加值增长9.5%，固定资产投资增长11%，社会消费品零售总额增长11.5%。\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::Exact, Some(9.5)),
            ("industrial_value_added", Qualifier::Exact, Some(9.5)),
            ("fixed_asset_investment", Qualifier::Exact, Some(11.0)),
            ("retail_sales", Qualifier::Exact, Some(11.5))
        ]
    );
}

/// A radio report tells the targets in turns (记者, 录音, 主持人): the
/// sentences after one the report sets go on telling in its paragraph (报告
/// 确定，…。就业方面，…。另外，…), and a turn that says the report requires
/// figures (报告要求今年…) is told too; the host's plan and work are not.
#[test]
fn a_radio_reports_turns_tell_the_targets_sentence_by_sentence() {
    let out = run(
        "株洲人民广播电台《早安株洲》节目文稿（2006年2月20日）\n【主持人 乙】昨天上午，市十二届人大五次会议胜利闭幕。会议批准了市长所作的政府工作报告。\n【记者】根据政府工作报告，今年全市经济社会发展的主要预期目标是：生产总值增长12%以上，财政总收入增长13%。\n【录音 市发改委主任】去年全市生产总值达到582亿元，增长12.6%。\n【记者】在老百姓关心的收入方面，报告确定，城镇居民人均可支配收入增长9%。就业方面，城镇登记失业率控制在4.5%以内。另外，人口自然增长率控制在6‰以内。\n【记者】节能降耗方面，报告要求今年单位生产总值能耗下降4%。\n【主持人 甲】按照“十一五”规划的初步安排，到2010年，全市生产总值要突破1000亿元。报告还提出，今年要重点抓好工业项目，力争规模工业增加值增长20%。\n",
    );
    assert_eq!(
        rows(&out),
        [
            ("gdp", Qualifier::AtLeast, Some(12.0)),
            ("other:财政总收入", Qualifier::Exact, Some(13.0)),
            ("urban_disposable_income", Qualifier::Exact, Some(9.0)),
            ("unemployment_rate", Qualifier::AtMost, Some(4.5)),
            ("population_growth", Qualifier::AtMost, Some(6.0)),
            ("energy_intensity", Qualifier::Exact, Some(-4.0))
        ]
    );
}
