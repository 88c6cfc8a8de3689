//! Reports as copies of them print the same words, written for these tests
//! (not taken from the fixtures; each form was found by rewriting the
//! labelled texts with `scripts/robustness`): digits in full width with a
//! thousands separator, amounts in Chinese numerals, a mirror's glosses in
//! the names, the list set one item a line or parted by spaces, the
//! outlet a copy credits or files from, and markdown's emphasis and bullets.

use baogao_model::{Level, Qualifier};

use crate::variations::{qualified, row, run};

/// (indicator, value) of every target the text's list gives.
fn values(text: &str) -> Vec<(String, Option<f64>)> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.value))
        .collect()
}

fn value(id: &str, v: f64) -> (String, Option<f64>) {
    (id.to_owned(), Some(v))
}

#[test]
fn full_width_digits_keep_their_thousands_separator() {
    let got = values(
        "深圳市政府工作报告提出了今年的主要预期目标：全市GDP增长５．５％，并将创造２００,０００个新工作岗位。\n",
    );
    assert_eq!(
        got,
        [value("gdp", 5.5), value("other:新工作岗位", 200_000.0)]
    );
}

#[test]
fn an_item_glued_after_a_percentage_may_give_its_figure_in_chinese_numerals() {
    let got = values("西安市今年目标\n生产总值增长13%城镇居民人均可支配收入达三万元\n");
    assert_eq!(
        got,
        [value("gdp", 13.0), value("urban_disposable_income", 3.0)]
    );
}

#[test]
fn a_fraction_in_chinese_numerals_is_the_figure_as_written() {
    let got = values("今年全市的主要预期目标是：地区生产总值增长7%，城镇新增就业四点八六万人。\n");
    assert_eq!(got, [value("gdp", 7.0), value("new_urban_jobs", 4.86)]);
}

#[test]
fn a_set_of_projects_sized_in_chinese_numerals_is_no_target() {
    // (as 实施总投资1.6万亿元的452个省市级重点项目 is none)
    let got = values(
        "今年全省的主要预期目标是：地区生产总值增长5.5%。实施总投资一点六万亿元的452个省市级重点项目。\n",
    );
    assert_eq!(got, [value("gdp", 5.5)]);
}

#[test]
fn a_glossed_farmers_net_income_makes_the_bare_disposable_income_urban() {
    // a mirror's glosses in 农民人均纯收入 (農(nóng)民人均純(chún)收入)
    let got = values(
        "展望2010年發(fā)展目標(biāo)，確(què)保生產(chǎn)總(zǒng)值增長(zhǎng)12%，人均可支配收入增長(zhǎng)10%，農(nóng)民人均純(chún)收入增長(zhǎng)9%。\n",
    );
    assert_eq!(
        got,
        [
            value("gdp", 12.0),
            value("urban_disposable_income", 10.0),
            value("rural_disposable_income", 9.0)
        ]
    );
}

#[test]
fn a_lead_in_ending_with_a_colon_passes_the_look_ahead_to_its_list() {
    let got = values(
        "展望2010年发展目标，县长说，要正视困难；要借势发展，积极推进，确保：\n——生产总值增长12%，\n——工业增加值增长20%，\n——农民人均纯收入增长9%。\n",
    );
    assert_eq!(
        got,
        [
            value("gdp", 12.0),
            value("other:工业增加值", 20.0),
            value("rural_disposable_income", 9.0)
        ]
    );
}

#[test]
fn another_series_of_a_listed_indicator_is_more_of_the_list() {
    let got = values(
        "今年全市的主要预期目标是：\n——地区生产总值增长7.5%，\n——城镇登记失业率控制在4%以内，\n——城镇调查失业率控制在5.5%左右，\n——居民消费价格涨幅控制在3%左右。\n",
    );
    assert_eq!(
        got,
        [
            value("gdp", 7.5),
            value("unemployment_rate", 4.0),
            value("unemployment_rate", 5.5),
            value("cpi", 3.0)
        ]
    );
}

#[test]
fn spaces_part_items_after_an_amount_or_a_qualitative_target() {
    let got = values(
        "今年全市的主要预期目标是：地区生产总值增长7%左右 城镇新增就业18万人 城乡居民收入与经济增长同步 居民消费价格涨幅3%左右。\n",
    );
    let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["gdp", "new_urban_jobs", "disposable_income", "cpi"]);
    assert_eq!(got[1].1, Some(18.0));
    // (an aside of effort, a sub-target's pace or a fall with no figure end
    // their items too; a figure in Chinese numerals after a space, and a
    // name that opens with 一, go on as written)
    let got = values(
        "今年全省的主要预期目标是：地区生产总值增长5%左右 在实际工作中努力争取更好结果          地方一般公共预算收入增长1.5%左右 碳排放双控达到国家下达目标任务的序时进度          单位生产总值二氧化碳排放量进一步下降 城镇调查失业率控制在5.5%左右          规上工业产值实现翻番 一般公共预算收入增长 百分之三。\n",
    );
    let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "other:碳排放双控",
            "other:单位生产总值二氧化碳排放量",
            "unemployment_rate",
            "other:规上工业产值",
            "general_budget_revenue"
        ]
    );
    assert_eq!(got[1].1, Some(1.5));
    assert_eq!(got[6].1, Some(3.0));
}

#[test]
fn a_short_aside_between_semicolons_leaves_the_run_open() {
    let got = values(
        "市长说，今年要确保地区生产总值增长6%左右；在实际工作中努力争取更好结果；一般公共预算收入增长5%；居民消费价格涨幅3%左右。\n",
    );
    assert_eq!(
        got,
        [
            value("gdp", 6.0),
            value("general_budget_revenue", 5.0),
            value("cpi", 3.0)
        ]
    );
}

#[test]
fn a_listed_item_that_meets_the_plans_target_is_more_of_the_list() {
    let got = run(
        "报告提出2025年主要预期目标：\n1.经济增长6%左右，\n2.单位生产总值能耗完成“十四五”考核目标，\n3.居民消费价格涨幅2%左右。\n",
    );
    let ids: Vec<&str> = got.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(ids, ["gdp", "energy_intensity", "cpi"]);
}

#[test]
fn about_before_a_shared_figure_qualifies_each_name() {
    let got = qualified(
        "今年全市的主要预期目标是：地区生产总值增长6%，城镇居民人均可支配收入和农民人均纯收入均增长约10%，税收占比达约75%。\n",
    );
    assert_eq!(
        got,
        [
            row("gdp", Qualifier::Exact, Some(6.0)),
            row("urban_disposable_income", Qualifier::About, Some(10.0)),
            row("rural_disposable_income", Qualifier::About, Some(10.0)),
            row("other:税收占比", Qualifier::About, Some(75.0))
        ]
    );
}

#[test]
fn a_guess_in_a_cued_list_is_no_target() {
    let got = values(
        "报告提出，今年全市主要预期目标为：地区生产总值增长5.5%左右，预计GDP有望突破3500亿元。\n",
    );
    assert_eq!(got, [value("gdp", 5.5)]);
}

#[test]
fn gdp_written_as_news_writes_it_reads_as_the_report_does() {
    // (a figure straight after the acronym; 同步 with GDP's growth)
    let got = qualified(
        "今年全市的主要预期目标是：GDP970亿元，增长15%，CPI3%左右，居民人均可支配收入增长与GDP增长基本同步。\n",
    );
    assert_eq!(
        got,
        [
            row("gdp", Qualifier::Exact, Some(970.0)),
            row("gdp", Qualifier::Exact, Some(15.0)),
            row("cpi", Qualifier::About, Some(3.0)),
            row("disposable_income", Qualifier::Qualitative, None)
        ]
    );
}

#[test]
fn a_headline_aim_under_a_pages_header_lines_is_read() {
    let got = values(
        "免费邮箱 注册\n发布时间：2013-01-20 09:30:00 浏览次数：1024\n您当前的位置：宁波网 > 新闻中心 > 正文\n市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图\n市区居民人均可支配收入增长10%以上\n本报讯 昨天上午，市十四届人大三次会议开幕。\n",
    );
    assert_eq!(got, [value("urban_disposable_income", 10.0)]);
}

/// A city's report as its province's paper reposts it, the paper credited
/// at the end.
const CREDITED: &str = "今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n\
    全市上下要团结一心，推动绵阳高质量发展，把绵阳建设得更加美好。\n来源：四川日报　责任编辑：王芳\n";

#[test]
fn a_provinces_paper_credited_names_no_region() {
    let r = run(CREDITED).report;
    assert_eq!(
        (r.region.as_deref(), r.level, r.province.as_deref()),
        (Some("绵阳市"), Some(Level::City), Some("四川省"))
    );
}

#[test]
fn a_citys_paper_credited_still_names_the_city() {
    // (郑州日报 prints 郑州's report: the text names no place but 全市)
    let r = run("今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n全市上下要团结一心。\n来源：郑州日报\n").report;
    assert_eq!(
        (r.region.as_deref(), r.level),
        (Some("郑州市"), Some(Level::City))
    );
}

#[test]
fn a_citys_dateline_over_a_district_is_the_districts_city() {
    let text = "新华社十堰1月20日电（记者 李明）2020年，我区连年在全市综合考评中名列前茅。\n\
        今年全区经济社会发展的主要预期目标是：地区生产总值增长8%。\n全区上下要团结一心。\n";
    let r = run(text).report;
    assert_eq!(
        (
            r.region.as_deref(),
            r.level,
            r.prefecture.as_deref(),
            r.province.as_deref()
        ),
        (None, Some(Level::County), Some("十堰市"), Some("湖北省"))
    );
    // …and the district it names, when it names one
    let r = run(&text.replace("全区上下", "张湾区上下")).report;
    assert_eq!(
        (r.region.as_deref(), r.level, r.prefecture.as_deref()),
        (Some("张湾区"), Some(Level::County), Some("十堰市"))
    );
}

#[test]
fn a_page_that_lost_its_line_breaks_reads_as_its_lines() {
    // (two labelled pages, every line joined into one: each was read short
    // while the long line was one paragraph)
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/real/dev/reports"
    );
    for stem in ["1102", "3706"] {
        let text = std::fs::read_to_string(format!("{dir}/{stem}.txt")).unwrap();
        let flat: String = text.lines().map(str::trim).collect();
        assert_eq!(
            crate::variations::value_keys(&run(&flat).targets),
            crate::variations::value_keys(&run(&text).targets),
            "{stem}"
        );
    }
}

#[test]
fn a_page_that_lost_its_line_breaks_keeps_its_year_and_place() {
    // (its sentences are read as paragraphs, but none of them is its title:
    // 省长…作政府工作报告2013年全省生产总值… would date it 2013)
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/real/dev/reports"
    );
    let text = std::fs::read_to_string(format!("{dir}/510.txt")).unwrap();
    let flat: String = text.lines().map(str::trim).collect();
    let (a, b) = (run(&text).report, run(&flat).report);
    assert_eq!(
        (b.target_year, b.province.as_deref(), b.level),
        (a.target_year, a.province.as_deref(), a.level)
    );
    assert_eq!(b.target_year, Some(2014));
}

#[test]
fn a_copy_in_markdown_keeps_its_names() {
    // (a page converted to markdown: names in bold or italics, a bullet
    // that is an asterisk; a product's asterisk between digits stays)
    let text = "## 主要预期目标\n- **地区生产总值**增长6%左右\n* 一般公共预算收入增长5%；\n\
        * *城镇调查失业率*控制在5.5%以内\n";
    let out = run(text);
    let rows: Vec<_> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.raw_name.as_str(), t.value))
        .collect();
    assert_eq!(
        rows,
        [
            ("gdp", "地区生产总值", Some(6.0)),
            ("general_budget_revenue", "一般公共预算收入", Some(5.0)),
            ("unemployment_rate", "城镇调查失业率", Some(5.5)),
        ]
    );
    assert_eq!(crate::norm::normalise("3*4"), "3*4");
}

#[test]
fn a_copy_that_kept_html_tags_or_escaped_line_breaks() {
    // (a text taken from a database or a feed: the tags of its paragraphs
    // and lines break them, inline ones are none, and a line break escaped
    // as a JSON field writes it is a line break; a comparison's < stays)
    for (brk, name) in [
        ("<br>", "<span style=\"color:red\">一般公共预算收入</span>"),
        ("</p><p>", "<strong>一般公共预算收入</strong>"),
        ("\\n", "一般公共预算收入"),
        ("\\r\\n", "一般公共预算收入"),
    ] {
        let text = format!(
            "今年主要预期目标：{brk}地区生产总值增长6%左右{brk}{name}增长5%{brk}城镇调查失业率控制在5.5%以内{brk}"
        );
        let rows: Vec<_> = run(&text)
            .targets
            .into_iter()
            .map(|t| (t.indicator, t.raw_name, t.value))
            .collect();
        assert_eq!(
            rows,
            [
                ("gdp".to_owned(), "地区生产总值".to_owned(), Some(6.0)),
                (
                    "general_budget_revenue".to_owned(),
                    "一般公共预算收入".to_owned(),
                    Some(5.0)
                ),
                (
                    "unemployment_rate".to_owned(),
                    "城镇调查失业率".to_owned(),
                    Some(5.5)
                ),
            ],
            "{brk}"
        );
    }
    assert_eq!(crate::norm::normalise("3<5，x<y>"), "3<5，x<y>");
}

/// A paper's story that jumps to another page (（下转A2版）…（上接A1版）)
/// reads on as one: the list goes on after the other stories printed
/// between, whose figures are none of the report's.
#[test]
fn a_story_that_jumps_to_another_page_reads_on() {
    let got = values(
        "某某日报\n2013年1月7日\n第A1版 要闻\n本报讯 某某州第十三届人民代表大会第二次会议开幕。报告提出，2013年全州经济社会发展的主要预期目标是：地区生产总值增长15%；规模以上工业增加值增长20%；\n（下转A2版）\n某某日报\n第A2版 要闻\n全州春运工作有序开展\n本报讯 今年春运预计全州道路旅客运输量将达到620万人次，比去年增长8%。\n（上接A1版）\n城镇居民人均可支配收入增长14%；城镇化率提高到35%。\n",
    );
    assert_eq!(
        got,
        [
            value("gdp", 15.0),
            value("industrial_value_added", 20.0),
            value("urban_disposable_income", 14.0),
            value("other:城镇化率", 35.0),
        ]
    );
}

/// A page copied with its items' marks lost: a figure's clause that closes
/// with 的增长 ends before the next name, and a sentence's opening glued to
/// the last target (实现上述目标，…, 报告强调…) starts a sentence of its own,
/// so the work after it is not read as more of the list.
#[test]
fn a_flat_copy_parts_its_items_and_its_sentences() {
    let text = "2023年工作安排今年全市经济社会发展主要预期目标是地区生产总值增长7%左右社会消费品零售总额努力保持7%左右的增长地方一般公共预算收入增长6%单位地区生产总值能耗完成省下达目标实现上述目标，重点抓好以下工作（一）坚定不移推进工业强市，力争县域经济规上工业增加值增长9%，新增规模以上工业企业150家。";
    let out = run(text);
    let got: Vec<(&str, Option<f64>, &str)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("gdp", Some(7.0), "地区生产总值增长7%左右"),
            (
                "retail_sales",
                Some(7.0),
                "社会消费品零售总额努力保持7%左右的增长"
            ),
            (
                "general_budget_revenue",
                Some(6.0),
                "地方一般公共预算收入增长6%"
            ),
            (
                "energy_intensity",
                None,
                "单位地区生产总值能耗完成省下达目标"
            ),
        ]
    );
    let got = values(
        "报告指出2006年全省经济社会发展的主要预期目标是全省生产总值增长11%粮食总产量稳定在360亿斤以上报告强调实现今年的目标，要着力抓好八个方面的工作：一是坚持以工业化为核心，力争全年规模以上工业增加值增长20%以上；二是力争全省农民人均纯收入增加200元以上。",
    );
    assert_eq!(got, [value("gdp", 11.0), value("grain_output", 360.0)]);
}

/// Tobacco weighed in 担 and gold in 两, as county reports of the 2000s
/// write them (烤烟收购量稳定在56万担左右, 黄金产量稳定在50万两以上); 1万两千人
/// is a number going on, no tael.
#[test]
fn older_units_of_weight_are_units() {
    let out = run(
        "今年全县主要预期目标是：地区生产总值增长13%，烤烟收购量稳定在56万担左右，黄金产量稳定在50万两以上，新增城镇就业1万两千人。\n",
    );
    let units: Vec<(&str, Option<&str>)> = out
        .targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.unit.as_deref()))
        .collect();
    assert_eq!(
        units[..3],
        [
            ("gdp", Some("%")),
            ("other:烤烟收购量", Some("万担")),
            ("other:黄金产量", Some("万两")),
        ]
    );
    assert!(
        out.targets
            .iter()
            .all(|t| t.unit.as_deref() != Some("万两") || t.value == Some(50.0)),
        "{:#?}",
        out.targets
    );
}

/// A copy that lost its line breaks runs the review's 在全省各县市区GDP总量
/// 排名… into the heading of the year's targets: the round-up's words far
/// before the cue do not make it one.
#[test]
fn a_flat_copys_review_naming_every_county_is_no_round_up() {
    let got = values(
        "娄星区政府工作报告要点如下:一、2025年成就全区完成地区生产总值819.37亿元,在全省各县市区GDP总量排名第15位实施重点项目526个,完成总投资689.13亿元新建提质改造学校29所三、2026年主要预期目标地区生产总值增长5.8%左右地方一般公共预算收入增长3%四、2026年重点工作\n",
    );
    assert_eq!(
        got,
        [value("gdp", 5.8), value("general_budget_revenue", 3.0)]
    );
}
