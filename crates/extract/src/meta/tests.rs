//! Tests of the metadata reader.

use super::names::{PROVINCES, SELF_UNITS, self_reference_scores};
use super::*;

#[test]
fn province_named_counts_each_short_name_as_str_matches_does() {
    let naive = |body: &str| {
        PROVINCES
            .iter()
            .map(|(s, f)| (body.matches(s).count(), *f))
            .filter(|&(k, _)| k > 0)
            .max_by_key(|&(k, _)| k)
            .map(|(_, f)| f)
    };
    for body in [
        "",
        "全省经济",
        "山西太原，陕西西安，山西大同",
        "陕西西安，山西大同",
        "内蒙古自治区与黑龙江、吉林、黑龙江接壤",
        "广东广西广东广西",
        "湖南湖北湖南",
    ] {
        assert_eq!(province_named(body), naive(body), "{body}");
    }
}

fn page(title: Option<&str>) -> Page<'_> {
    Page {
        title,
        published: None,
        url: "t.txt",
    }
}

fn meta(text: &str) -> Meta {
    read(page(None), &Norm::new(text), &MetaPatterns::new())
}

#[test]
fn phrases_ending_in_a_region_suffix_are_no_names() {
    let mp = MetaPatterns::new();
    assert!(chain_of("政府较好地完成了省", &mp).is_empty());
    assert!(chain_of("备受瞩目的县", &mp).is_empty());
    assert_eq!(chain_of("参加天水市", &mp), vec!["天水市"]);
    // a verb before 市/区 makes a phrase, not a name the gazetteer lacks
    assert!(chain_of("较好完成市", &mp).is_empty());
    assert!(chain_of("出席市", &mp).is_empty());
    assert!(chain_of("打探区", &mp).is_empty());
    // the kind of a division without its name
    assert!(chain_of("自治区", &mp).is_empty());
    // a body's full form never starts with the 年 of a date (2022年温州市…)
    let m = meta(
        "一、2022年温州市国民经济和社会发展计划执行情况\n2022年，全市上下攻坚克难，我市经济稳中有进。\n表1 2022年温州市国民经济和社会发展计划完成情况\n",
    );
    assert_ne!(m.region.as_deref(), Some("年温州市"));
}

#[test]
fn chain_keeps_city_suffix() {
    let mp = MetaPatterns::new();
    assert_eq!(chain_of("广州市天河区", &mp), vec!["广州市", "天河区"]);
    assert_eq!(chain_of("吕梁市离石区", &mp), vec!["吕梁市", "离石区"]);
    assert_eq!(chain_of("新疆维吾尔自治区", &mp), vec!["新疆维吾尔自治区"]);
    // a congress right after the name: the known name is the one with 市
    assert_eq!(
        chain_of("泸州市第九届人大二次会议开幕", &mp),
        vec!["泸州市"]
    );
    // an autonomous prefecture written short is its full name
    assert_eq!(chain_of("甘孜州", &mp), vec!["甘孜藏族自治州"]);
    assert_eq!(
        chain_of("四川省甘孜州", &mp),
        vec!["四川省", "甘孜藏族自治州"]
    );
}

#[test]
fn title_with_province_in_parentheses() {
    let m = meta("导航\n(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)\n正文");
    assert_eq!(m.region.as_deref(), Some("太谷区"));
    assert_eq!(m.prefecture.as_deref(), Some("晋中市"));
    assert_eq!(m.province.as_deref(), Some("山西省"));
    assert_eq!(m.level, Some(Level::County));
    assert_eq!(m.report_date, NaiveDate::from_ymd_opt(2023, 4, 10));
    assert_eq!(m.target_year, Some(2023));
}

#[test]
fn congress_line_in_chinese_numerals() {
    let m = meta(
        "2026年政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n",
    );
    assert_eq!(m.region.as_deref(), Some("甘肃省"));
    assert_eq!(m.level, Some(Level::Province));
    assert_eq!(m.report_date, NaiveDate::from_ymd_opt(2026, 1, 27));
    assert!(m.session.as_deref().unwrap().starts_with("二〇二六年"));
}

/// A congress named by its unit alone after a verb (本表经旗十五届人大二次
/// 会议审议通过) names no place: the title's banner is the region.
#[test]
fn a_unit_alone_after_a_verb_names_no_place() {
    let text = "准格尔旗2013年国民经济和社会发展计划主要指标（草案）\n说明：本表经旗十五届人大二次会议审议通过。\n";
    assert_eq!(meta(text).region, None);
    let report = crate::variations::run(text).report;
    assert_eq!(
        (report.region.as_deref(), report.prefecture.as_deref()),
        (Some("准格尔旗"), Some("鄂尔多斯市"))
    );
}

#[test]
fn municipality_and_autonomous_region() {
    assert_eq!(
        meta("2026年上海市政府工作报告\n").level,
        Some(Level::Province)
    );
    let m = meta("2026年广西壮族自治区政府工作报告\n");
    assert_eq!(
        (m.region.as_deref(), m.province.as_deref()),
        (Some("广西壮族自治区"), Some("广西壮族自治区"))
    );
}

#[test]
fn prefecture_named_in_front_of_the_region() {
    assert_eq!(
        prefecture_before("我们在吕梁市离石区召开会议", "离石区").as_deref(),
        Some("吕梁市")
    );
    assert_eq!(
        prefecture_before("（晋中市太谷区）", "太谷区").as_deref(),
        Some("晋中市")
    );
    assert_eq!(prefecture_before("全市太谷区", "太谷区"), None);
    // a year before the name is no part of it, and a municipality's
    // district has no prefecture
    assert_eq!(
        prefecture_before("2011年吕梁市离石区人民政府工作报告", "离石区").as_deref(),
        Some("吕梁市")
    );
    assert_eq!(
        prefecture_before("2011年北京市西城区人民政府工作报告", "西城区"),
        None
    );
    assert_eq!(prefecture_before("太谷区", "太谷区"), None);
}

#[test]
fn title_with_a_site_suffix() {
    let m = read(
        page(Some("2024年政府工作报告_某某市人民政府")),
        &Norm::new("正文"),
        &MetaPatterns::new(),
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("某某市"), Some(Level::City))
    );
    assert_eq!(m.target_year, Some(2024));
}

#[test]
fn title_year_after_the_region_name() {
    for title in [
        "晋中市太谷区2023年政府工作报告",
        "（山西省）晋中市太谷区2023年政府工作报告",
        "2023年晋中市太谷区政府工作报告",
    ] {
        let m = read(page(Some(title)), &Norm::new("正文"), &MetaPatterns::new());
        assert_eq!(m.target_year, Some(2023), "{title}");
    }
    // a delivery date in the title is not the target year's position
    let m = read(
        page(Some("(山西省)长治市人民政府工作报告(2023年3月29日)")),
        &Norm::new("正文"),
        &MetaPatterns::new(),
    );
    assert_eq!(m.target_year, Some(2023));
    assert_eq!(
        m.report_date.map(|d| d.to_string()).as_deref(),
        Some("2023-03-29")
    );
}

#[test]
fn a_title_the_text_contradicts_yields_to_the_text() {
    let mp = MetaPatterns::new();
    let year = |title: &str, text: &str| read(page(Some(title)), &Norm::new(text), &mp).target_year;
    // a mirror's title over a report that reviews another year
    assert_eq!(
        year(
            "2017年奉节政府工作报告(3)",
            "各位代表：\n2009年工作回顾\n全县生产总值增长15%。"
        ),
        Some(2010)
    );
    // a title that names the year the text estimates
    assert_eq!(
        year(
            "清河区2007年政府工作报告",
            "2007年，全区地区生产总值预计达到33亿元，比2002年翻了一番。"
        ),
        Some(2008)
    );
    // a title the review agrees with stands
    assert_eq!(
        year(
            "2010年政府工作报告",
            "2009年工作回顾\n全县生产总值增长15%。"
        ),
        Some(2010)
    );
}

#[test]
fn title_year_in_chinese_digits() {
    let m = read(
        page(Some("二〇一八年政府工作报告")),
        &Norm::new("正文"),
        &MetaPatterns::new(),
    );
    assert_eq!(m.target_year, Some(2018));
    assert_eq!(cn_year_digits("二零二四年某某县"), "2024年某某县");
}

#[test]
fn district_name_ending_in_zhou_before_a_year() {
    // 潞州区: the lazy match stops at 州; the 区 before 2023年 belongs to the name
    for title in ["长治市潞州区2023年政府工作报告", "广州市2024年政府工作报告"]
    {
        let m = read(page(Some(title)), &Norm::new("正文"), &MetaPatterns::new());
        let want = if title.contains("潞州") {
            "潞州区"
        } else {
            "广州市"
        };
        assert_eq!(m.region.as_deref(), Some(want), "{title}");
    }
}

#[test]
fn traditional_title() {
    let m = meta("2024年福建省政府工作報告\n");
    assert_eq!(m.region.as_deref(), Some("福建省"));
    assert_eq!(m.target_year, Some(2024));
}

#[test]
fn titleless_county_text() {
    let m = meta(
        "全区上下团结奋斗，我区经济稳步增长。区委坚强领导。鄞州区实现高质量发展，鄞州发展成绩显著，鄞州人民。习近平总书记考察调研浙江。\n二、2024年工作安排\n",
    );
    assert_eq!(m.region.as_deref(), Some("鄞州区"));
    assert_eq!(m.level, Some(Level::County));
    assert_eq!(m.province.as_deref(), Some("浙江省"));
    assert_eq!(m.target_year, Some(2024));
    // a phrase shaped like a name (打探区) is not taken for one
    let m = meta("全区上下团结奋斗，我区经济稳步增长。区委坚强领导。打探区情，打探民意。\n");
    assert_eq!(m.region, None);
}

/// A text that names the coming year by its place in a five-year plan or
/// by an anniversary dates its targets; a dateline before 明年's targets is
/// the year before them.
#[test]
fn the_year_by_its_place_in_a_plan_or_an_anniversary() {
    let year = |text: &str| meta(text).target_year;
    for (text, want) in [
        (
            "本报讯 今年是“十二五”开局之年，全市主要预期目标是：地区生产总值增长12%。\n",
            2011,
        ),
        (
            "本报讯 今年是“十三五”规划的收官之年，主要预期目标是：地区生产总值增长6%。\n",
            2020,
        ),
        (
            "本报讯 今年是“十四五”规划的第二年，主要预期目标是：地区生产总值增长6%左右。\n",
            2022,
        ),
        (
            "本报讯 今年是实施“十一五”规划的第一年，主要预期目标是：地区生产总值增长11%。\n",
            2006,
        ),
        (
            "本报讯 今年是新中国成立70周年，主要预期目标是：地区生产总值增长7%左右。\n",
            2019,
        ),
        (
            "本报讯 明年是建党100周年，明年主要预期目标是：地区生产总值增长6%以上。\n",
            2021,
        ),
        (
            "2018年12月20日 本报讯 明年主要预期目标是：地区生产总值增长7%左右。\n",
            2019,
        ),
    ] {
        assert_eq!(year(text), Some(want), "{text}");
    }
}

/// A news report names the congress by its region's short name (大理两会);
/// a province named in passing (聚焦云南州市两会) says less.
#[test]
fn the_region_of_its_two_sessions() {
    let m = meta(
        "【聚焦云南州市两会】系列报道\n大理两会刚刚过，苍山洱海之畔，大理又启动了新一轮发展。\n",
    );
    assert_eq!(m.region.as_deref(), Some("大理白族自治州"));
    assert_eq!(m.province.as_deref(), Some("云南省"));
    assert_eq!(m.level, Some(Level::City));
    // the nation's sessions name no region
    assert_eq!(meta("全国两会召开在即。\n").region, None);
    // …and a text names the report by its place (哈尔滨政府工作报告), over the
    // province it names first in passing
    let m = meta(
        "引言\n哈尔滨，作为黑龙江省的省会，是东北地区的中心。哈尔滨政府工作报告是每年两会的重要文件。\n",
    );
    assert_eq!(m.region.as_deref(), Some("哈尔滨市"));
    assert_eq!(m.level, Some(Level::City));
}

/// Clues that a text looks back on a year: its estimates (预计), a plan's
/// 执行情况, a 主要工作 review; and the clues of a year the page names
/// about itself behind a breadcrumb or across a line break.
#[test]
fn the_year_after_the_one_a_text_looks_back_on() {
    let year = |text: &str| meta(text).target_year;
    // a report estimates the year just ended
    assert_eq!(
        year("中评社北京1月8日电/深圳市长许勤表示，2011年，深圳生产总值预计突破1.1万亿元。\n"),
        Some(2012)
    );
    assert_eq!(
        year(
            "1月15日，合肥市人代会开幕。2024年合肥主要指标增幅高于全国。预计地区生产总值增长5.8%左右。\n"
        ),
        Some(2025)
    );
    // the plan carried out is last year's; the draft is for the coming year
    assert_eq!(
        year(
            "关于区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划(草案)的报告\n一、2021年国民经济和社会发展计划执行情况\n2021年是“十四五”开局之年。\n"
        ),
        Some(2022)
    );
    // …计划完成情况, a table of 计划目标 against 实绩: the year is reviewed
    assert_eq!(
        year(
            "2022年温州市国民经济和社会发展计划完成情况\n2022年计划目标|2022年实绩\n增长7%左右|增长3.7%\n"
        ),
        Some(2023)
    );
    assert_eq!(
        year("一、2019年主要预期目标完成情况\n地区生产总值增长6.5%。\n"),
        Some(2020)
    );
    // two headings in a row (an e-paper's list of the report's parts): the
    // review's year is not the one the requirements name
    assert_eq!(
        year("2006年工作回顾\n2007年工作总体要求\n加快建设经济强市\n"),
        Some(2007)
    );
    // 主要工作安排 plans the year it names; 主要工作 alone reviews it
    assert_eq!(
        year("今年经济社会发展主要预期目标是：地区生产总值增长8%左右。\n三、2024年主要工作安排\n"),
        Some(2024)
    );
    assert_eq!(
        year("一、2023年主要工作\n去年，全县经济稳中向好。\n"),
        Some(2024)
    );
    // …but with its first numbered task under it, it heads the year's work
    assert_eq!(
        year("四、2016年主要工作\n（一）着力推进工业转型升级。力争规模以上工业增加值增长10%。\n"),
        Some(2016)
    );
    // …unless the year's targets open it
    assert_eq!(
        year(
            "今后五年的重点目标\n地区生产总值突破3000亿元;\n2017年主要工作\n全市经济社会发展主要预期目标:\n地区生产总值增长7.5%以上;\n"
        ),
        Some(2017)
    );
    // a review of 2016年的工作 is no plan heading; an estimate far in its sentence counts
    assert_eq!(
        year(
            "中新网长沙1月5日电 代市长在政府工作报告中透露，2016年，长沙以供给侧结构性改革为主线，落实各项措施，经济保持中高速增长，地区生产总值达9250亿元，增长9.4%(预计数)。\n当日，他首先回顾了本届政府及2016年的工作。\n"
        ),
        Some(2017)
    );
    // …nor one whose clause goes on to say it is reviewed (完成情况, 总结)
    assert_ne!(
        year(
            "市长代表市人民政府作政府工作报告，报告对2005年政府工作及“十五”计划完成情况作了详细总结。\n"
        ),
        Some(2005)
    );
    // an estimate worded as an aim is no estimate of the year before
    assert_ne!(
        year("记者获悉，2026年全省预计GDP增长5%左右的目标将通过扩大内需实现。\n"),
        Some(2027)
    );
    // a breadcrumb is not the title; the delivery line may break before 会议
    let m = meta(
        "当前位置: 首页>>政务公开>>规划计划>>政府工作报告\n\n2019年政府工作报告\n\n——2019年1月8日在朝阳区第十六届人民代表大会\n\n第五次会议上\n\n一、2018年工作回顾\n",
    );
    assert_eq!(m.target_year, Some(2019));
    assert_eq!(m.report_date, chrono::NaiveDate::from_ymd_opt(2019, 1, 8));
}

#[test]
fn a_text_that_names_no_region_is_its_papers_place() {
    let m = meta(
        "政府工作报告（摘编）\n日期: 2008-04-26  来源: 郑州日报\n今年是全面贯彻落实党的十七大精神的第一年。\n",
    );
    assert_eq!(m.region.as_deref(), Some("郑州市"));
    // a national paper names no place
    let m =
        meta("政府工作报告（摘编）\n来源: 人民日报\n今年是全面贯彻落实党的十七大精神的第一年。\n");
    assert_eq!(m.region, None);
}

#[test]
fn a_news_report_on_the_premiers_report_is_the_nations() {
    let m = meta(
        "中新社北京三月五日电 十届全国人大五次会议今天上午在北京人民大会堂开幕。温家宝总理代表国务院向大会作政府工作报告。\n",
    );
    assert_eq!(m.region.as_deref(), Some("全国"));
    assert_eq!(m.level, Some(Level::National));
    // a province's news on its delegates is the province's
    let m = meta(
        "河南代表团审议政府工作报告。十三届全国人大一次会议期间，省长陈润儿说，我省今年地区生产总值增长7.5%。\n",
    );
    assert_ne!(m.level, Some(Level::National));
}

/// A notice its government signs on a line of its own names the region
/// (no title, no congress, no place's report named).
#[test]
fn the_government_that_signs_a_notice_is_the_region() {
    let m = meta(
        "各县(市)区人民政府，市政府各部门：\n《2025年市〈政府工作报告〉任务分解方案》已经市政府常务会议审议通过，现印发给你们。\n一、地区生产总值增长5.5%左右。\n锦州市人民政府\n2025年1月25日\n",
    );
    assert_eq!(m.region.as_deref(), Some("锦州市"));
    assert_eq!(m.province.as_deref(), Some("辽宁省"));
    assert_eq!(m.level, Some(Level::City));
    // (a line that names a government among other words signs nothing)
    let m = meta("发布部门：市人民政府办公室\n一、地区生产总值增长5.5%左右。\n");
    assert_eq!(m.region, None);
}

/// A phrase ending in 省 that names no province (现就省十三届人大…) is no
/// region; the congress's province is read elsewhere.
#[test]
fn a_phrase_ending_in_sheng_is_no_province() {
    let m = meta(
        "各市州人民政府，省政府各厅委、各直属机构：\n为认真做好政府工作，现就省十三届人大一次会议通过的《政府工作报告》提出的重点工作提出分工意见。湖南省人民政府\n",
    );
    assert_ne!(m.region.as_deref(), Some("现就省"));
    assert_ne!(m.province.as_deref(), Some("现就省"));
}

/// A place's name at the head of a firm's (北京…有限公司) in a county's
/// report names no province of the report.
#[test]
fn a_firms_name_names_no_province() {
    let m = meta(
        "全县经济社会发展的主要预期目标是：地区生产总值增长6.5%以上。加强与北京睿文商道农业科技有限公司合作，推进玉米深加工项目。全县上下要狠抓落实，县委县政府……全县",
    );
    assert_eq!(m.province, None);
    let named = meta("全县要加强与北京的合作，承接北京产业转移。全县上下，县委县政府");
    assert_eq!(named.province.as_deref(), Some("北京市"));
}

/// A mirror's title year that the delivery date contradicts (2008年政府工作报告
/// over ——2009年1月11日在…会议上) yields to the date.
#[test]
fn a_title_year_yields_to_the_delivery_date() {
    let m = meta(
        "2008年政府工作报告\n政 府 工 作 报 告\n——2009年1月11日在双流县第十六届人民代表大会第四次会议上\n各位代表：\n",
    );
    assert_eq!(m.target_year, Some(2009));
    let agreeing =
        meta("2009年政府工作报告\n——2009年1月11日在双流县第十六届人民代表大会第四次会议上\n");
    assert_eq!(agreeing.target_year, Some(2009));
}

/// An older text that writes a district's former name (上虞市, a district
/// since 2013) keeps it as the region.
#[test]
fn a_districts_former_name_as_written_is_the_region() {
    let m = meta(
        "点击上虞日报\n\n今日上虞\n\n本报讯 昨日上午，出席市十五届人大一次会议的代表们继续分组审议《政府工作报告》，审议《关于上虞市2006年国民经济和社会发展计划执行情况的报告》。\n",
    );
    assert_eq!(m.region.as_deref(), Some("上虞市"));
    let now = meta(
        "点击上虞日报\n\n今日上虞\n\n本报讯 昨日上午，区人大代表继续分组审议《政府工作报告》。\n",
    );
    assert_eq!(now.region.as_deref(), Some("上虞区"));
}

/// An autonomous region's own text may name it only by its capital.
#[test]
fn an_autonomous_region_named_by_its_capital() {
    let m = meta(
        "1月22日至29日，自治区两会在呼和浩特召开。会上，自治区主席代表自治区政府向大会作了政府工作报告。“十二五”时期是我区发展进程中具有里程碑意义的时期，全区上下团结奋进，我区经济实力显著增强。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("内蒙古自治区"), Some(Level::Province))
    );
}

/// The one-pass count of how a text names itself agrees with counting each
/// phrase (全市, 市委, 市政府 …) as `str::matches` does.
#[test]
fn self_reference_scores_count_as_str_matches_does() {
    let naive = |body: &str| {
        SELF_UNITS.map(|ch| {
            let count = |w: String| body.matches(w.as_str()).count();
            ["全", "我", "本"]
                .iter()
                .map(|p| count(format!("{p}{ch}")))
                .sum::<usize>()
                + count(format!("{ch}委"))
                + count(format!("{ch}政府"))
                + count(format!("{ch}人大"))
        })
    };
    for body in [
        "",
        "全市委员会，我市政府，本市人大常委会。市委市政府",
        "全县县委县政府我县本县县人大",
        "全区区委、全州州政府、全旗旗人大、全省省委",
        "市市市委委全全市政政府人",
    ] {
        assert_eq!(self_reference_scores(body), naive(body), "{body}");
    }
}

#[test]
fn a_december_page_that_speaks_of_next_year_dates_its_targets_a_year_on() {
    let dated = |text: &str, (y, mo, d): (i32, u32, u32)| {
        let page = Page {
            title: None,
            published: chrono::NaiveDate::from_ymd_opt(y, mo, d),
            url: "t.txt",
        };
        read(page, &Norm::new(text), &MetaPatterns::new()).target_year
    };
    let next = "明年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%以上。";
    let this = "全市经济社会发展的主要预期目标是：地区生产总值增长6.5%以上。";
    assert_eq!(dated(next, (2020, 12, 28)), Some(2021));
    // a repost late in the report's own year, and a page of spring, keep it
    assert_eq!(dated(this, (2020, 12, 28)), Some(2020));
    assert_eq!(dated(next, (2020, 3, 2)), Some(2020));
}

#[test]
fn a_plan_reports_title_is_dated_by_its_draft() {
    let titled = |title: &str| {
        let text = "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。";
        read(page(Some(title)), &Norm::new(text), &MetaPatterns::new()).target_year
    };
    assert_eq!(
        titled("关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告"),
        Some(2024)
    );
    assert_eq!(
        titled("关于某某市2019年国民经济和社会发展计划执行情况及2020年计划草案的报告"),
        Some(2020)
    );
    // one year in the title is that year
    assert_eq!(titled("2024年某某市政府工作报告"), Some(2024));
}

#[test]
fn a_sites_name_after_the_headline_yields_to_the_place_the_text_names() {
    let text =
        "涉县第十七届人民代表大会第三次会议开幕。政府工作报告提出，今年全县地区生产总值增长6.5%。";
    let m = read(
        page(Some("县区动态_邯郸市人民政府")),
        &Norm::new(text),
        &MetaPatterns::new(),
    );
    assert_eq!(m.region.as_deref(), Some("涉县"));
    assert_eq!(m.level, Some(Level::County));
    // …and is the place when the text names none
    let m = read(
        page(Some("政府工作报告_邯郸市人民政府")),
        &Norm::new("今年全市地区生产总值增长6.5%。"),
        &MetaPatterns::new(),
    );
    assert_eq!(m.region.as_deref(), Some("邯郸市"));
    // a one-char name and its unit is read from a congress only as the
    // gazetteer has it
    let m = meta("昨日上午，距市九届人大二次会议开幕还有半个小时。今年全市地区生产总值增长6.5%。");
    assert_ne!(m.region.as_deref(), Some("距市"));
}

#[test]
fn a_day_in_chinese_digits_before_the_congress_is_no_part_of_its_place() {
    let m = meta(
        "重庆晨报\n重庆市长黄奇帆十六日在重庆市三届人大四次会议上作政府工作报告。今年全市生产总值增长12%。\n",
    );
    assert_eq!(m.region.as_deref(), Some("重庆市"));
    assert_eq!(m.level, Some(Level::Province));
}

#[test]
fn a_prefecture_with_a_stop_char_in_its_name_is_read_whole() {
    let m = meta(
        "新城区十届人大四次会议开幕\n2019-01-10　来源：呼和浩特日报\n本报讯 1月9日，呼和浩特市新城区第十届人民代表大会第四次会议开幕。区长作政府工作报告。\n",
    );
    assert_eq!(m.region.as_deref(), Some("新城区"));
    assert_eq!(m.prefecture.as_deref(), Some("呼和浩特市"));
}

/// The place in the report's own slogan (中国式现代化建设荥阳实践) is the
/// speaker's: a county-level city says 全市 as a city does, and may name its
/// city more often than itself. An echo of the province's slogan (湖北篇章)
/// in a city's text names no city.
#[test]
fn the_reports_own_slogan_names_its_place() {
    let own = "全市上下要认真落实市委全会精神，全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n奋力开创中国式现代化建设荥阳实践新局面。全市人民团结奋斗。\n";
    let m = meta(own);
    assert_eq!(
        (
            m.region.as_deref(),
            m.prefecture.as_deref(),
            m.province.as_deref(),
            m.level
        ),
        (
            Some("荥阳市"),
            Some("郑州市"),
            Some("河南省"),
            Some(Level::County)
        )
    );
    // (its city named twice, the county-level city in the slogan only)
    let below = "在郑州市高质量发展大局中，郑州市都市圈加快建设，全市上下团结奋斗，全市经济稳中向好。\n奋力开创中国式现代化建设荥阳实践新局面。\n";
    let m = meta(below);
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("荥阳市"), Some(Level::County))
    );
    // (a city's report named by its title may hold up a county's slogan)
    let titled = read(
        page(Some("2024年郑州市政府工作报告")),
        &Norm::new(below),
        &MetaPatterns::new(),
    );
    assert_eq!(
        (titled.region.as_deref(), titled.level),
        (Some("郑州市"), Some(Level::City))
    );
    let echo = "全市上下要认真落实市委全会精神，全市经济社会发展稳中向好。\n为奋力谱写中国式现代化湖北篇章作出更大贡献。全市人民团结奋斗。\n";
    let m = meta(echo);
    assert_eq!((m.region.as_deref(), m.level), (None, Some(Level::City)));
    // (nor does a text whose words sound like a province's: a province
    // names itself elsewhere, and a slogan is echoed from above)
    let provincial = "全省上下要认真落实省委全会精神，全省经济社会发展稳中向好。\n为奋力谱写中国式现代化湖北篇章作出更大贡献。全省人民团结奋斗。\n";
    assert_eq!(meta(provincial).region, None);
}

/// A province's paper names its congress by the unit alone (省十四届人大三次
/// 会议, 自治区十三届人大四次会议): the city it meets in gives the province,
/// and the session then the year.
#[test]
fn a_provincial_congress_named_by_its_unit_meets_in_its_province() {
    let tail = "今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右。全省上下团结奋斗。\n";
    for (lead, want, year) in [
        (
            "本报讯 1月15日，省十四届人大三次会议在石家庄开幕。",
            "河北省",
            2025,
        ),
        (
            "1月20日，自治区十三届人大四次会议在呼和浩特隆重开幕。全区各族人民，",
            "内蒙古自治区",
            2021,
        ),
    ] {
        let m = meta(&format!("政府工作报告\n{lead}{tail}"));
        assert_eq!(
            (
                m.region.as_deref(),
                m.province.as_deref(),
                m.level,
                m.target_year
            ),
            (Some(want), Some(want), Some(Level::Province), Some(year)),
            "{lead}"
        );
    }
    // (a hall, no city: nothing is guessed)
    let m = meta(&format!(
        "政府工作报告\n1月15日，省十四届人大三次会议在省人民会堂开幕。{tail}"
    ));
    assert_eq!(m.region, None);
}

/// The head of the reporting government named with its place (吴中区区长)
/// says whose report it is, over the city's paper and the city's own report
/// the story quotes later.
#[test]
fn the_speaker_names_the_reporting_government() {
    let m = meta(
        "苏州日报　2020年01月09日　A05版：区县新闻\n“今年经济增长6%左右”\n本报讯 “今年，我们要努力实现地区生产总值增长6%左右。”昨天，吴中区区长在区十八届人大五次会议上作政府工作报告时表示。\n苏州市政府工作报告提出，今年全市地区生产总值预期增长6%左右。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("吴中区"), Some(Level::County))
    );
}

/// A league's paper on its own meeting (全盟, 盟行署) names a banner in
/// passing: the league's text, not the banner's.
#[test]
fn a_leagues_paper_on_its_own_meeting_is_the_leagues() {
    let m = meta(
        "阿拉善日报　2022年2月23日　第1版\n盟行署召开常务会议　研究部署全年目标任务分解落实\n本报讯 2月22日，阿拉善盟行政公署召开常务会议，研究部署今年全盟经济社会发展主要目标任务分解落实工作。\n会议确定，今年全盟经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n会议要求，各旗区要将目标任务逐项分解。阿拉善左旗提出今年地区生产总值增长7%。自治区政府工作报告提出，全区经济增长6%左右。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("阿拉善盟"), Some(Level::City))
    );
}

/// A prefecture's paper rounding up its counties' reports names the one it
/// tells first in the headline (凯里等县市); a place named with 等 in the
/// body (销往西安、宝鸡等地) names none.
#[test]
fn a_round_up_is_the_first_place_its_headline_names() {
    let m = meta(
        "黔东南日报　2024年1月26日\n凯里等县市晒出2024年发展“目标单”\n近日，黔东南州各县市相继召开人代会。\n凯里市提出，GDP增长6.5%左右。镇远县提出，GDP增长6%左右。\n",
    );
    assert_eq!(m.region.as_deref(), Some("凯里市"));
    let m = meta(
        "2010年政府工作报告\n2010年2月24日在杨陵区第七届人民代表大会第四次会议上\n产品销往北京、上海和西安、宝鸡等地。\n",
    );
    assert_eq!(m.region.as_deref(), Some("杨陵区"));
}

/// A province's paper on its deputies' talk names the province's session
/// and head first (省十一届人大三次会议, 秦光荣省长): a mayor quoted later is a
/// deputy, not the one who reports; a vice governor named first does not
/// make a city's story the province's.
#[test]
fn a_mayor_quoted_after_the_provinces_session_is_a_deputy() {
    let m = meta(
        "云南日报　2010年1月28日　第1版\n“10%以上”凝聚发展共识\n——省十一届人大三次会议代表热议政府工作报告\n本报记者 李明\n1月27日，出席省十一届人大三次会议的代表们分组审议政府工作报告。\n秦光荣省长在政府工作报告中提出，今年全省生产总值增长10%以上。\n在曲靖代表团，省人大代表、曲靖市市长说，曲靖今年提出生产总值增长13%。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("云南省"), Some(Level::Province))
    );
    let m = meta(
        "常务副省长到我市调研\n曲靖市市长在市五届人大三次会议上作政府工作报告，今年全市生产总值增长13%。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("曲靖市"), Some(Level::City))
    );
}

/// A commentary's greeting before the congress named by its unit alone
/// (热烈祝贺州十二届人大三次会议胜利闭幕) names no 贺州: the prefecture's paper
/// does.
#[test]
fn a_greeting_before_the_unit_alone_names_no_place() {
    let m = meta(
        "坚定信心 奋力实现11%的增长目标\n——热烈祝贺州十二届人大三次会议胜利闭幕\n大理日报评论员\n州十二届人大三次会议胜利闭幕了。会议审议批准的州人民政府工作报告，明确提出了今年全州生产总值增长11%。\n",
    );
    assert_eq!(
        (m.region.as_deref(), m.level),
        (Some("大理白族自治州"), Some(Level::City))
    );
}

#[test]
fn a_countys_text_quoting_its_citys_report_is_the_countys() {
    // a district's TV script: its congress by the unit alone, its station by
    // the short name, and its city's report quoted as a look-alike
    let m = meta(
        "温江电视台《温江新闻》播出稿\n【导语】今天上午，区第十五届人民代表大会第五次会议开幕。区委书记、区人大常委会主任出席。区长代表区人民政府作政府工作报告。\n报告提出，全区经济社会发展的主要预期目标是：地区生产总值增长15%以上。\n另据了解，成都市政府工作报告提出，今年全市地区生产总值增长13%左右。我区的目标高于全市。\n（温江台记者报道）",
    );
    assert_eq!(m.region.as_deref(), Some("温江区"), "{m:?}");
    assert_eq!(m.level, Some(Level::County));
    assert_eq!(m.prefecture.as_deref(), Some("成都市"));
    // a county's annals by the full name, the city's report one line of it
    let m = meta(
        "长阳土家族自治县志\n县第六届人民代表大会第四次会议召开。县委书记出席。县长作政府工作报告。报告确定全县生产总值增长百分之十二。全县财政收入增长百分之十五。\n是年，宜昌市政府工作报告提出全市生产总值增长百分之十三。",
    );
    assert_eq!(m.region.as_deref(), Some("长阳土家族自治县"), "{m:?}");
    // the city's own text quoting its report names the city
    let m = meta(
        "成都市政府工作报告提出，今年全市地区生产总值增长13%左右。全市上下要努力。温江区等地代表参加会议。",
    );
    assert_eq!(m.region.as_deref(), Some("成都市"), "{m:?}");
}

#[test]
fn a_countys_annals_telling_of_its_citys_congress_are_the_countys() {
    let text = "准格尔旗年鉴（2012）\n【旗第十四届人民代表大会第五次会议】2011年1月在旗政府礼堂召开。会议审查批准了2010年国民经济和社会发展计划执行情况与2011年计划、2010年财政预算执行情况与2011年财政预算。\n报告确定2011年全旗经济社会发展的主要预期目标是：地区生产总值增长15%。\n【鄂尔多斯市第二届人民代表大会第五次会议】市政府工作报告提出全市地区生产总值增长15%。\n【2011年经济运行】2011年，全旗完成地区生产总值1008.2亿元。旗政府将建议交有关部门办理。";
    let m = meta(text);
    assert_eq!(m.region.as_deref(), Some("准格尔旗"), "{m:?}");
    assert_eq!(m.prefecture.as_deref(), Some("鄂尔多斯市"));
    // 2011年计划 is the year planned: the 执行情况 after the 、 is the next
    // item's (2010年财政预算执行情况)
    assert_eq!(m.target_year, Some(2011), "{m:?}");
}
