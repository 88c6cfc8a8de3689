//! The year clues, each on the forms it reads.

use super::*;

#[test]
fn a_dateline_written_day_first() {
    let yp = YearPatterns::new();
    // (as the normaliser leaves it: no space before the time)
    assert_eq!(dateline(["23.01.201716:40"], &yp), Some((2017, 1)));
    assert_eq!(dateline(["12.06.2015"], &yp), Some((2015, 6)));
    assert_eq!(dateline(["增长3.01.2017亿元"], &yp), None);
}

#[test]
fn a_session_of_the_national_congress_dates_the_report() {
    let yp = YearPatterns::new();
    for (text, want) in [
        ("十四届全国人大二次会议", Some(2024)),
        ("第十届全国人民代表大会第五次会议", Some(2007)),
        ("十三届全国人大一次会议", Some(2018)),
        ("十三届全国人大常委会第五次会议", None),
        ("省十三届人大一次会议", None),
    ] {
        assert_eq!(from_national_session(text, &yp), want, "{text}");
    }
}

#[test]
fn a_session_that_adopts_a_plan_sits_in_its_first_year() {
    let yp = YearPatterns::new();
    for (text, want) in [
        (
            "代表们将认真总结“十五”成就，仔细审定“十一五”规划。",
            Some(2006),
        ),
        ("大会审议并批准了十二五规划纲要和今年计划。", Some(2011)),
        ("会议审查“十四五”规划纲要草案。", Some(2021)),
        // drafted or proposed: the year before's business
        ("科学编制“十五五”规划。", None),
        ("全会审议通过了十三五规划建议。", None),
    ] {
        assert_eq!(from_plan_adopted(text, &yp), want, "{text}");
    }
}

#[test]
fn the_coming_year_beside_its_targets() {
    let yp = YearPatterns::new();
    for (text, want) in [
        (
            "2006年是我省十一五规划的开局之年，明确了2006年全省经济社会发展的预期目标",
            Some(2006),
        ),
        (
            "刚刚过去的2023年是极不平凡的一年。今年（2024年）全省生产总值增长5%",
            Some(2024),
        ),
        ("去年（2020年）实现生产总值增长3.7%", Some(2021)),
        ("到2020年，全省生产总值目标为5万亿元", None),
        ("2015年，贵州省计划地区生产总值突破1万亿元", Some(2015)),
        ("2022年，果洛州实现地区生产总值53.62亿元", Some(2023)),
        (
            "2011年是实施十二五规划的第一年，省政府较好地完成了年度目标任务",
            Some(2012),
        ),
        (
            "2009年是新世纪以来最为困难的一年，也是全市人民战胜严峻考验的一年",
            Some(2010),
        ),
        ("报告对2005年政府工作及“十五”计划完成情况作了总结", None),
        // 预期 as the public's expectations is no aim of the year
        (
            "2022年，受需求收缩、供给冲击、预期转弱三重压力和超预期因素影响，经济在逆境中奋起",
            None,
        ),
        ("2023年伊始，三亚再次按下了拼经济“快进键”", Some(2023)),
        ("展望2013年：地区生产总值增长8%左右", Some(2013)),
        (
            "为今年的发展制定目标。2013预期目标：地区生产总值增长14%以上",
            Some(2013),
        ),
        (
            "2019年是黔东南州扶贫力度最大、脱贫措施最实、减贫成效最好的一年。",
            Some(2020),
        ),
        ("【2013年目标】地区生产总值增长8%左右", Some(2013)),
        ("王强表示，2013年，全县地区生产总值增长8%左右", Some(2013)),
        (
            "王强表示，2013年，全县地区生产总值增长百分之八以上",
            Some(2013),
        ),
        // a result to the decimal, or an estimate, is no aim
        ("2012年，全县地区生产总值增长7.2%", None),
        ("2012年，预计全县地区生产总值增长7%左右", None),
        // a goal several years off is no coming year; the year's is
        (
            "并确定2012年地区生产总值达到1800亿元，年均增长15%，人均地区生产总值翻两番。",
            None,
        ),
        (
            "会议确定2012年地区生产总值达到1800亿元，年均增长15%。本次会议确定2008年全市生产总值增长15%；固定资产投资增长18%。",
            Some(2008),
        ),
        // a year whose next sentence opens the review is the year reviewed
        (
            "2018年，是全面贯彻党的十九大精神的开局之年。在市委、市政府和县委的正确领导下，全县上下圆满完成目标任务。",
            Some(2019),
        ),
        (
            "2025年是仙桃顶压奋进、排难而进的一年。仙桃市政府在省委、省政府和市委坚强领导下，聚力项目提质。",
            Some(2026),
        ),
        (
            "2015年是“十二五”的收官之年。一年来，全区坚持以科学发展观为指导。",
            Some(2016),
        ),
        // …but not one that looks ahead under the same leadership
        (
            "2025年是“十四五”收官之年。干好今年政府工作，我们要在县委的坚强领导下，继续突出实干导向。",
            Some(2025),
        ),
        ("2008年是近年来上海经济发展十分困难的一年。", Some(2009)),
        ("何党生首先回顾了2018年县人民政府工作。", Some(2019)),
        (
            "2019年，在市委的坚强领导下，在市人大、市政协的监督支持下",
            Some(2020),
        ),
        (
            "对2012年工作的总结注重用数据说话，对2013年工作的安排部署符合我县实际",
            Some(2013),
        ),
        ("【关注2016各市两会】定州：锁定“双百”打基础", Some(2016)),
        (
            "2024年是实施“十四五”规划的关键一年，霞山区坚定不移建设产业强区。\n2025年霞山区政府工作的总体要求是：",
            Some(2025),
        ),
        ("到2020年，实现地区生产总值比2010年翻一番", None),
        // the aims named in other words (奋斗目标, 工作目标, …目标包括)
        (
            "政府工作报告显示，2026年广东的奋斗目标包括：地区生产总值增长5%",
            Some(2026),
        ),
        ("2019年全县工作目标：生产总值增长7%", Some(2019)),
    ] {
        assert_eq!(from_cues(text, &[], &yp), want, "{text}");
    }
}

#[test]
fn a_plan_reviewed_as_done_dates_the_next_plans_first_year() {
    let yp = YearPatterns::new();
    for (text, want) in [
        (
            "县长向大会作政府工作报告，回顾“十一五”工作，展望“十二五”。",
            Some(2011),
        ),
        ("我市圆满完成“十二五”规划确定的主要目标。", Some(2016)),
        ("“十三五”规划胜利收官，全面建成小康社会。", Some(2021)),
        // a plan still to be completed is no review
        ("确保“十二五”规划圆满收官。", None),
        ("努力实现“十二五”圆满收官。", None),
    ] {
        assert_eq!(from_plan_completed(text, &yp), want, "{text}");
    }
}

#[test]
fn the_latest_year_named_is_the_last_guess() {
    let yp = YearPatterns::new();
    for (text, want) in [
        // results of the latest year: the report is the next year's
        (
            "县长说，2012年全县实现生产总值120亿元，增长11.2%。今年要再上台阶。",
            Some(2013),
        ),
        ("2012年全县生产总值增长11.2%。", Some(2013)),
        // aims of it: that year's
        (
            "2007年宁波百姓生活又将发生怎样的变化？今年我市的主要目标是…",
            Some(2007),
        ),
        // a deadline is no year of the report; a late date is the next year's
        ("到2020年全县生产总值翻一番。", None),
        (
            "本报讯 2012年12月26日，县政府召开座谈会征求意见。",
            Some(2013),
        ),
        ("没有年份。", None),
    ] {
        assert_eq!(latest_named(text, &yp), want, "{text}");
    }
}

#[test]
fn a_year_before_a_dropped_target_phrase_votes() {
    let yp = YearPatterns::new();
    // the normalisation drops 的预期目标为: the year beside it still counts,
    // and outvotes a past year described (2008年是…困难的一年)
    let text = "2008年是近年来十分困难的一年。市长透露：2009年上海市生产总值增长的预期目标为9%、地方财政收入增长的预期目标为6%。";
    let n = Norm::new(text);
    let glued = beside_glue(&n, &yp);
    assert_eq!(glued, vec![2009]);
    assert_eq!(from_cues(n.text(0, n.len()), &glued, &yp), Some(2009));
    // a deadline is a five-year goal's year
    let n = Norm::new("到2030年全省生产总值的目标为10万亿元");
    assert!(beside_glue(&n, &yp).is_empty());
}

#[test]
fn provincial_session_gives_the_year() {
    let yp = YearPatterns::new();
    assert_eq!(
        from_session("河南省十二届人大一次会议21日在郑州开幕", "河南省", &yp),
        Some(2013)
    );
    assert_eq!(
        from_session(
            "1月28日上午9时,甘肃省第十二届人民代表大会第三次会议在兰州开幕",
            "甘肃省",
            &yp
        ),
        Some(2015)
    );
    assert_eq!(
        from_session("天津市第十七届人民代表大会第二次会议开幕", "天津市", &yp),
        Some(2019)
    );
    assert_eq!(
        from_session("在河北省人大十一届三次会议上", "河北省", &yp),
        Some(2010)
    );
    // a city's congress follows no provincial calendar
    assert_eq!(
        from_session("广州市第十五届人民代表大会第三次会议", "广东省", &yp),
        None
    );
    // the session the report is delivered at, not one it cites
    assert_eq!(
        from_session(
            "某省2018年生产总值增长8%，超过年初在某省第十三届人民代表大会第一次会议上提出的目标。\
             某省第十三届人民代表大会第二次会议今天开幕",
            "某省",
            &yp
        ),
        Some(2019)
    );
}

#[test]
fn date_in_a_page_address() {
    let yp = YearPatterns::new();
    for (url, want) in [
        (
            "http://hkcd.com/content_p/2015-01/29/content_20210.html",
            Some((2015, 1)),
        ),
        ("http://www.71.cn/2015/0226/803337_4.shtml", Some((2015, 2))),
        (
            "http://news.cctv.com/china/20090115/106781.shtml",
            Some((2009, 1)),
        ),
        // a portal's /art/YYYY/M/D/ with a one-digit month
        ("http://x.gov.cn/art/2016/2/2/art_1_2.html", Some((2016, 2))),
        ("http://x.gov.cn/art/2024/1/22/art_1.html", Some((2024, 1))),
        ("http://x.gov.cn/col/col2016/22/1/index.html", None),
        ("http://a.cn/t20130125_7950194.htm", Some((2013, 1))),
        ("http://a.cn/news/5955.html", None),
        (
            "http://a.cn/news/gg/2011010917013725930.html",
            Some((2011, 1)),
        ),
        ("http://a.cn/news/20110199887766.html", None),
        ("fixtures/real/dev/reports/2015_01.txt", None),
    ] {
        assert_eq!(from_url(url, &yp), want, "{url}");
    }
}

#[test]
fn dateline_in_any_common_form() {
    let yp = YearPatterns::new();
    assert_eq!(
        dateline(["发布时间:2016-01-25 21:42:00"], &yp),
        Some((2016, 1))
    );
    assert_eq!(dateline(["澎湃新闻 2019/01/14"], &yp), Some((2019, 1)));
    assert_eq!(
        dateline(["无日期", "2025年12月20日"], &yp),
        Some((2025, 12))
    );
    assert_eq!(dateline(["电话 2016-13-45"], &yp), None);
}

#[test]
fn the_years_place_in_a_plan_shared_with_the_next_plan() {
    let yp = YearPatterns::new();
    for (text, want) in [
        ("今年是“十四五”规划收官、谋划“十五五”规划之年。", Some(2025)),
        ("今年是“十五五”开局、全面建设现代化的起步之年。", Some(2026)),
        ("今年是“十四五”规划收官之年。", Some(2025)),
        ("今年要确保“十四五”规划收官。", None),
    ] {
        assert_eq!(from_period(text, &yp), want, "{text}");
    }
}

#[test]
fn a_report_named_with_its_year_dates_the_targets() {
    let yp = YearPatterns::new();
    for (text, want) in [
        (
            "记者从2025年阳江市政府工作报告获悉，今年地区生产总值预期增长5%左右。",
            Some(2025),
        ),
        ("《2016年政府工作报告》全文", Some(2016)),
        // (a review of last year's report's aims)
        ("2024年政府工作报告确定的目标任务全面完成。", None),
    ] {
        assert_eq!(from_named_report(text, &yp), want, "{text}");
    }
}

#[test]
fn a_long_range_goals_year_and_a_plans_draft() {
    let yp = YearPatterns::new();
    // (the draft of a plan's outline printed at the session: its first year)
    assert_eq!(
        from_plan_adopted(
            "会议印发了《仙桃市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要（草案）》。",
            &yp
        ),
        Some(2021)
    );
    // (a long-range goal's year is no report's)
    assert_eq!(
        latest_named(
            "2020年全市生产总值增长3.2%。展望2035年远景目标，全面建成现代化。",
            &yp
        ),
        Some(2021)
    );
}

#[test]
fn a_report_where_two_plans_meet_is_for_the_later_ones_first_year() {
    let yp = YearPatterns::new();
    for (text, want) in [
        (
            "在“十四五”与“十五五”两个五年的交汇点上，市六届人大五次会议开幕。",
            Some(2026),
        ),
        ("站在“十三五”和“十四五”交汇的新起点上。", Some(2021)),
        ("“十四五”规划实施以来，全市经济稳步增长。", None),
    ] {
        assert_eq!(from_period(text, &yp), want, "{text}");
    }
}

#[test]
fn the_year_after_a_party_congress_and_the_republics_anniversary() {
    let yp = YearPatterns::new();
    for (text, want) in [
        ("今年是全面贯彻党的十九大精神的开局之年。", Some(2018)),
        ("今年是全面贯彻落实党的二十大精神的开局之年。", Some(2023)),
        ("今年是学习贯彻党的十八大精神的开局之年。", Some(2013)),
        ("今年是中华人民共和国成立60周年。", Some(2009)),
        ("今年是建国六十周年。", Some(2009)),
        // (a plan's year said to link its halves is not told apart: 2012's
        // report and 2013's both say it of 十二五)
        ("今年是实施“十二五”规划承上启下的重要一年。", None),
    ] {
        assert_eq!(from_period(text, &yp), want, "{text}");
    }
}

#[test]
fn years_in_chinese_digits_are_written_in_arabic_ones_and_others_borrowed() {
    use std::borrow::Cow;
    // (an Arabic year ending in 0 is no year in Chinese digits: borrowed)
    assert!(matches!(
        with_digit_years("2010年，全市生产总值增长12%"),
        Cow::Borrowed(_)
    ));
    assert!(matches!(with_digit_years("〇〇〇〇年"), Cow::Borrowed(_)));
    assert_eq!(with_digit_years("二〇一〇年上海目标"), "2010年上海目标");
    assert_eq!(with_digit_years("二0一0年和2011年"), "2010年和2011年");
    assert_eq!(with_digit_years("二零零七年"), "2007年");
    // (fewer than four digits before 年 is no year)
    assert_eq!(with_digit_years("一年来"), "一年来");
}
