//! The year a report's targets are for, from the clues a reader uses when
//! the title does not say it: the coming year named beside the targets
//! (`2015年是…之年`, `今年（2024年）`, `确定2012年…目标`), the session of the
//! provincial people's congress (`十二届人大三次会议` → 2015), the year's place
//! in a five-year plan or an anniversary (`今年是“十三五”开局之年` → 2016) and the
//! article's dateline (`2016-01-25 21:42`, `2019年1月14日`).
//!
//! [`meta`](crate::meta) asks the cues first, after the title and the
//! congress line, then the dateline, then the session (a congress may hold
//! two sessions in one year), and last the page's own publication date.

use regex::Regex;

use crate::norm::Norm;

/// The term of most provincial people's congresses that began in 2018
/// (their terms began in 1998, 2003, 2008, 2013, 2018, 2023).
const TERM_OF_2018: u32 = 13;

/// Provinces whose congress terms are numbered otherwise: the number of
/// the term that began in 2018 (北京市第十五届人民代表大会第一次会议, January 2018).
const TERM_OF_2018_EXCEPTIONS: &[(&str, u32)] = &[
    ("北京", 15),
    ("上海", 15),
    ("天津", 17),
    ("重庆", 5),
    ("海南", 6),
    ("西藏", 11),
    ("宁夏", 12),
];

/// A report delivered (or an article dated) from this month on sets the
/// next year's targets (city and county congresses meet in late autumn too).
pub(crate) const NEXT_YEAR_FROM_MONTH: u32 = 11;

/// Years a report can be for: what a session or a dateline may give.
const PLAUSIBLE: std::ops::RangeInclusive<i32> = 1990..=2040;

/// Compiled patterns (built once per extractor).
#[derive(Debug)]
pub(crate) struct YearPatterns {
    cue: Regex,
    session: Regex,
    national_session: Regex,
    dateline: Regex,
    dateline_day_first: Regex,
    url_date: Regex,
    /// A date in a path with a one-digit month (/art/2024/1/22/art_1.html).
    url_date_short_month: Regex,
    year_word: Regex,
    named_report: Regex,
    /// 今年是“十三五”开局之年, 今年是新中国成立70周年: the year by its place
    /// in a five-year plan or by an anniversary.
    period: Regex,
    plans_meet: Regex,
    plan_adopted: Regex,
    plan_completed: Regex,
}

impl YearPatterns {
    pub(crate) fn new() -> YearPatterns {
        let re = |s: &str| crate::patterns::built_in(s);
        YearPatterns {
            // each alternative names the coming year beside what only the
            // coming year has: its targets, its plan, 今年, 是…之年
            cue: re(concat!(
                r"(?:今年|明年)[（(](?P<now>20\d\d)年?[)）]|",
                r"(?:去年|上年)[（(](?P<last>20\d\d)年?[)）]|",
                r"(?P<past>过去的|过去|去年的|回顾|刚刚过去的)?(?P<is>20\d\d)年，?是|",
                r"(?:确定|明确|提出|安排|部署|锁定)了?[，：]?(?P<set>20\d\d)年|",
                // (no other year between: 2006年工作回顾\n2007年工作总体要求 are two headings)
                // (nor a bracketed heading: 3.8万人——2020年城镇新增就业\n【今年目标】)
                r"(?P<by>到|至|截至|至到)?(?P<aim>20\d\d)年，?[^。；，：\d【]{0,12}?(?:主要预期目标|预期目标|主要目标|发展目标|奋斗目标|工作目标|目标任务|总体要求|计划|目标是|目标为|目标定为|目标包括|目标：|目标\n|目标[】\]]|主要指标(?:是|为|包括|：)|预期)|",
                // 2022年，果洛州实现地区生产总值…: last year's result
                r"(?P<done>20\d\d)年，?[^。；，：]{0,10}?(?:实现|完成)了?(?:全[省市区县州])?(?:地区)?生产总值|",
                // 对2012年工作的总结, 对2013年工作的安排部署: the year reviewed,
                // the year planned
                r"对(?P<summed>20\d\d)年[^。；，]{0,6}?的?(?:总结|回顾)|",
                r"对(?P<planned>20\d\d)年[^。；，]{0,6}?的?(?:安排|部署|谋划)|",
                // 【关注2016各市两会】: the sessions sit in the year of the targets
                r"(?P<sessions>20\d\d)年?[^。；，\n]{0,4}?两会|",
                // 2023年伊始，三亚再次按下了拼经济“快进键”: the year has begun
                r"(?P<begun>20\d\d)年(?:伊始|开年之际|开年)|",
                // 展望2013年: the year ahead
                r"展望(?P<ahead>20\d\d)年|",
                // 2013年，全县地区生产总值增长8%左右 (or 百分之八左右): a growth with the
                // qualifier of an aim (a result is written to the decimal)
                r"(?P<growth>20\d\d)年，?[^。；：]{0,12}?生产总值(?:预期|计划)?增长(?:[\d.]+%|百分之[零〇一二两三四五六七八九十点]+)(?:左右|以上)|",
                // 2013预期目标: a heading that dropped its 年
                r"(?:^|[^\d])(?P<heading>20\d\d)(?:主要预期目标|预期目标|主要目标)|",
                // 回顾了2018年县人民政府工作, 2019年，在市委的坚强领导下: the
                // year reviewed, the year before the targets'
                r"回顾了?(?P<reviewed>20\d\d)年|",
                r"(?P<led>20\d\d)年，?(?:一年来，?)?(?:全[省市区县州旗]上下|我们)?在[^。；]{0,40}?领导下",
            )),
            session: re(concat!(
                r"(?:第?([一二三四五六七八九十]{1,3}|\d{1,2})届(?:人民代表大会|人大)(?:常委会)?第?([一二三四五六七八九十]|\d)次(?:全体)?会议)|",
                r"(?:人大([一二三四五六七八九十]{1,3})届([一二三四五六七八九十])次)",
            )),
            national_session: re(
                r"第?([一二三四五六七八九十]{1,3}|\d{1,2})届全国(?:人民代表大会|人大)第?([一二三四五六七八九十]|\d)次(?:全体)?会议",
            ),
            year_word: re(r"(20\d\d)年"),
            // (2025年阳江市政府工作报告, 2016年政府工作报告)
            named_report: re(r"(20\d\d)年[\p{Han}]{0,10}?政府工作报告"),
            period: re(concat!(
                r"(?:今年|明年)(?:也)?是[^。；，]{0,24}?(?:",
                r"“?十([一二三四五])五”?[^。；，]{0,8}?(开局之年|开局年|起步之年|第一年|首年|第二年|第三年|第四年|第五年|收官之年|最后一年|收官[、和及]|开局[、和及])|",
                r"(新中国成立|中华人民共和国成立|建国|建党|中国共产党成立|改革开放)([0-9]{2,3}|[一二三四五六七八九十百]{1,4})周年|",
                // (全面贯彻党的十九大精神的开局之年: the year after the congress)
                r"党的(十[六七八九]|二十)大精神的?开局之年)",
            )),
            // 在“十四五”与“十五五”两个五年的交汇点上: a report between two
            // plans is for the later one's first year
            plans_meet: re(
                r"十[一二三四]五”?(?:规划)?(?:与|和|、)“?十([二三四五])五”?[^。；，]{0,8}?交汇",
            ),
            // a session that reviews a five-year plan's outline (审定“十一五”规划)
            // sits in the plan's first year; a plan drafted (编制) or proposed
            // (规划建议, a party plenum's) is the year before's
            // (or prints its draft: 印发了《…第十四个五年规划和二〇三五年远景目标纲要
            // (草案)》)
            plan_adopted: re(concat!(
                r"(?:审议|审定|审查|批准)[^。；，]{0,12}?“?十([一二三四五])五”?(?:规划|计划)(?:纲要)?(?:[^建]|$)|",
                r"第十([一二三四五])个五年(?:规划|计划)[^。；]{0,20}?纲要[（(]草案"
            )),
            // 回顾“十一五”, 圆满完成“十二五”规划, “十三五”圆满收官: a review of a
            // whole plan, told in the first year of the next one
            plan_completed: re(concat!(
                r"(?:回顾|圆满完成了?|胜利完成了?)“?十([一二三四])五”?|",
                r"“?十([一二三四])五”?(?:规划|计划)?(?:圆满|胜利|顺利)收官",
            )),
            dateline: re(r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"),
            // 23.01.2017 16:40: a site that writes the day first, at the
            // line's start or after a label (日期:)
            // (the normalised line has lost the space before the time)
            dateline_day_first: re(
                r"(?:^|[:：|])(\d{1,2})\.(\d{1,2})\.(20\d\d)(?:[^\d.]|$|\d{1,2}[:：])",
            ),
            // /2015-01/29/, /201501/, /20150126, t20150126_, /2015/0126/, /2017/01/14/,
            // and a file named by its time of publication (/2011010917013725930.html)
            url_date_short_month: re(r"/(20[0-3]\d)/([1-9])/(?:[1-9]|[12]\d|3[01])/"),
            url_date: re(concat!(
                r"[/_t](20[0-3]\d)[-/_]?(0[1-9]|1[0-2])(?:(?:[-/_]?(?:0[1-9]|[12]\d|3[01]))?(?:[/_.\-]|$)",
                r"|(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d)",
            )),
        }
    }
}

/// The first year of the five-year plan 十一五 (十二五 began in 2011, …).
const ELEVENTH_PLAN_START: i32 = 2006;

/// The year of the party's 16th national congress (十六大).
const SIXTEENTH_CONGRESS: i32 = 2002;

/// The year of the coming year's place in a five-year plan or of an
/// anniversary the text names it by (今年是“十三五”开局之年 → 2016, 今年是
/// 新中国成立70周年 → 2019, 今年是全面贯彻党的二十大精神的开局之年 → 2023;
/// 明年是… in a report for the year after).
pub(crate) fn from_period(body: &str, yp: &YearPatterns) -> Option<i32> {
    let Some(c) = yp.period.captures(body) else {
        let c = yp.plans_meet.captures(body)?;
        let k = "一二三四五".find(&c[1])? / '一'.len_utf8();
        return Some(ELEVENTH_PLAN_START + 5 * i32::try_from(k).ok()?);
    };
    if let Some(plan) = c.get(1) {
        // (十一五 is the first of them: 一 → 0)
        let k = "一二三四五".find(plan.as_str())? / '一'.len_utf8();
        let start = ELEVENTH_PLAN_START + 5 * i32::try_from(k).ok()?;
        let offset = match &c[2] {
            "第二年" => 1,
            "第三年" => 2,
            "第四年" => 3,
            "第五年" | "收官之年" | "最后一年" => 4,
            // (今年是“十四五”规划收官、谋划“十五五”规划之年)
            s if s.starts_with("收官") => 4,
            _ => 0,
        };
        return Some(start + offset);
    }
    // (the party's congresses sit every five years: the 16th in 2002)
    if let Some(congress) = c.get(5) {
        let k = ["十六", "十七", "十八", "十九", "二十"]
            .iter()
            .position(|x| *x == congress.as_str())?;
        return Some(SIXTEENTH_CONGRESS + 5 * i32::try_from(k).ok()? + 1);
    }
    let founded = match &c[3] {
        "新中国成立" | "中华人民共和国成立" | "建国" => 1949,
        "建党" | "中国共产党成立" => 1921,
        _ => 1978,
    };
    let years = i32::try_from(number(&c[4])?).ok()?;
    Some(founded + years).filter(|y| PLAUSIBLE.contains(y))
}

/// The first year of the five-year plan whose outline the session reviews
/// (审定“十一五”规划 → 2006).
pub(crate) fn from_plan_adopted(body: &str, yp: &YearPatterns) -> Option<i32> {
    let c = yp.plan_adopted.captures(body)?;
    let k = c.get(1).or_else(|| c.get(2))?.as_str();
    let k = "一二三四五".find(k)? / '一'.len_utf8();
    Some(ELEVENTH_PLAN_START + 5 * i32::try_from(k).ok()?)
}

/// The first year of the plan after the one the text reviews as done
/// (回顾“十一五”工作 → 2011), unless the words before look ahead
/// (确保“十二五”圆满收官).
pub(crate) fn from_plan_completed(body: &str, yp: &YearPatterns) -> Option<i32> {
    yp.plan_completed.captures_iter(body).find_map(|c| {
        let start = c.get(0)?.start();
        let before: String = body[..start].chars().rev().take(PLAN_AHEAD_REACH).collect();
        if ["保", "将", "要", "争", "现"]
            .iter()
            .any(|w| before.contains(w))
        {
            return None;
        }
        let k = c.get(1).or_else(|| c.get(2))?.as_str();
        let k = "一二三四".find(k)? / '一'.len_utf8();
        Some(ELEVENTH_PLAN_START + 5 * (i32::try_from(k).ok()? + 1))
    })
}

/// How many chars before a plan's completion a word that looks ahead
/// (确保, 将, 要, 力争, 实现) is looked for.
const PLAN_AHEAD_REACH: usize = 6;

/// The year of the report the text names with its year (记者从2025年阳江市
/// 政府工作报告获悉), when no other clue dates it: a report is named by the
/// year it is for. Not a report whose aims the text reviews (2024年政府工作
/// 报告确定的目标任务全面完成: last year's).
pub(crate) fn from_named_report(body: &str, yp: &YearPatterns) -> Option<i32> {
    yp.named_report.captures_iter(body).find_map(|c| {
        let after: String = body[c.get(0)?.end()..]
            .chars()
            .take(REVIEWED_REACH)
            .collect();
        if ["确定", "提出", "部署", "完成", "实现"]
            .iter()
            .any(|w| after.contains(w))
        {
            return None;
        }
        c[1].parse().ok()
    })
}

/// How many chars after a named report a word of its aims met is looked for.
const REVIEWED_REACH: usize = 8;

/// A last guess when no clue dates the targets: the latest year the text
/// names (not a deadline, 到2025年), the year after it when the text tells
/// more results of that year (2012年全县实现生产总值…, 预计) than aims
/// (目标, 力争, 将), and by its month when it is a date (2012年12月26日 → 2013).
pub(crate) fn latest_named(body: &str, yp: &YearPatterns) -> Option<i32> {
    let named = || {
        yp.year_word.captures_iter(body).filter_map(|c| {
            let m = c.get(0)?;
            let y: i32 = c[1].parse().ok()?;
            let deadline = body[..m.start()].ends_with(['到', '至']);
            // (二〇三五年远景目标: a long-range goal's year, no report's)
            let long_range = body[m.end()..].starts_with("远景");
            (!deadline && !long_range && PLAUSIBLE.contains(&y)).then_some((y, m.start(), m.end()))
        })
    };
    let latest = named().map(|(y, _, _)| y).max()?;
    let (mut past, mut ahead) = (0, 0);
    for (_, start, end) in named().filter(|&(y, _, _)| y == latest) {
        let after = sentence_after(body, end);
        // 2012年12月26日: a date in the year's last months is the next year's report
        if let Some(c) = yp.dateline.captures(&body[start..])
            && c.get(0).is_some_and(|m| m.start() == 0)
            && let Ok(month) = c[2].parse::<u32>()
        {
            return Some(latest + i32::from(month >= NEXT_YEAR_FROM_MONTH));
        }
        let after: String = after.chars().take(LATEST_CONTEXT).collect();
        // (a growth to the decimal is a result: 增长7.2%)
        let decimal_growth = after.match_indices("增长").any(|(i, w)| {
            let rest = &after[i + w.len()..];
            let int = rest.trim_start_matches(|c: char| c.is_ascii_digit());
            int.len() < rest.len() && int.starts_with('.')
        });
        // (an aim's own word outweighs a word of results: 2026年全省预计GDP
        // 增长5%左右的目标)
        // (…and a review's outweighs an aim's: 2005年政府工作及“十五”计划完成情况)
        if REVIEW_WORDS.iter().any(|w| after.contains(w)) {
            past += 1;
        } else if AIM_WORDS.iter().any(|w| after.contains(w)) {
            ahead += 1;
        } else if decimal_growth || RESULT_WORDS.iter().any(|w| after.contains(w)) {
            past += 1;
        } else if LOOSE_AIM_WORDS.iter().any(|w| after.contains(w)) {
            ahead += 1;
        }
    }
    Some(latest + i32::from(past > ahead))
}

/// How many chars after a year its sentence is read for results or aims.
const LATEST_CONTEXT: usize = 40;

/// Words that review a year.
const REVIEW_WORDS: [&str; 5] = ["完成情况", "执行情况", "总结", "回顾", "实绩"];

/// Words that tell a year's results (预计 is an estimate of them).
const RESULT_WORDS: [&str; 7] = ["预计", "实现", "完成", "达到", "同比", "比上年", "取得"];

/// Words that tell a year's aims.
const AIM_WORDS: [&str; 4] = ["目标", "预期", "计划", "力争"];

/// Words that tell a year's aims when no word of results does.
const LOOSE_AIM_WORDS: [&str; 3] = ["要", "将", "是"];

/// The longest sentence (in chars) a year cue is read with.
const SENTENCE_MAX: usize = 120;

/// The rest of the sentence from byte `at` (to its 。, at most 120 chars).
fn sentence_after(body: &str, at: usize) -> &str {
    let rest = &body[at..];
    let end = rest
        .char_indices()
        .take(SENTENCE_MAX)
        .find(|&(_, c)| matches!(c, '。' | '\n'))
        .map_or_else(
            || {
                rest.char_indices()
                    .nth(SENTENCE_MAX)
                    .map_or(rest.len(), |(i, _)| i)
            },
            |(i, _)| i,
        );
    &rest[..end]
}

/// Whether a sentence about a year tells what was done in it (完成了, 取得,
/// 战胜, 极不平凡的一年): a review, not a plan.
fn reviews(sentence: &str) -> bool {
    [
        "完成了",
        "取得了",
        "实现了",
        "战胜",
        "经受",
        "极不平凡",
        "不平凡的一年",
        "极不寻常",
        "不寻常",
        "困难的一年",
        "圆满完成",
        "顺利完成",
        "较好地完成",
        "一年来",
        // 2012年，是我县…基础条件显著改善、民生问题得到较好解决的一年
        "显著改善",
        "得到较好",
        "取得显著",
    ]
    .iter()
    .any(|w| sentence.contains(w))
        // 2019年是…扶贫力度最大、减贫成效最好的一年: a year told by its records
        || sentence.contains('最') && sentence.contains("的一年")
}

/// Words that make a year's goal one of several years (年均增长, 翻两番).
const MULTI_YEAR_WORDS: [&str; 2] = ["年均", "翻"];

/// The year the text names most often as the coming year (the later one on
/// a tie); `body` has its Chinese-digit years as digits.
pub(crate) fn from_cues(body: &str, glued: &[i32], yp: &YearPatterns) -> Option<i32> {
    let cued = yp
        .cue
        .captures_iter(body)
        .filter(|c| !expectations(c, body))
        .filter_map(|c| cue_year(&c, body));
    most_voted(glued.iter().copied().chain(cued))
}

/// The year named most often (the later one on a tie).
pub(crate) fn most_voted(years: impl IntoIterator<Item = i32>) -> Option<i32> {
    let mut votes: Vec<(i32, usize)> = Vec::new();
    for y in years {
        match votes.iter_mut().find(|(x, _)| *x == y) {
            Some(v) => v.1 += 1,
            None => votes.push((y, 1)),
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(y, k)| (k, y))
        .map(|(y, _)| y)
}

/// Whether a cue that ends in 预期 uses the word for the public's
/// expectations, not the year's aims (2022年，受需求收缩、供给冲击、预期转弱
/// 三重压力…, 超预期因素, 稳预期).
fn expectations(c: &regex::Captures<'_>, body: &str) -> bool {
    let Some(m) = c.get(0).filter(|m| m.as_str().ends_with("预期")) else {
        return false;
    };
    let before = &body[..m.end() - "预期".len()];
    let after = &body[m.end()..];
    [
        "转弱", "减弱", "偏弱", "不稳", "走弱", "下降", "管理", "引导", "改善", "好转",
    ]
    .iter()
    .any(|w| after.starts_with(w))
        || ["超", "稳", "社会", "市场", "弱"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// How far into the text (bytes) `2016两会` dates the report: its title
/// and opening lines.
const SESSIONS_HEAD: usize = 300;

/// The coming year one match of [`YearPatterns::cue`] names, if it names one.
fn cue_year(c: &regex::Captures<'_>, body: &str) -> Option<i32> {
    let year = |name: &str| c.name(name).and_then(|y| y.as_str().parse::<i32>().ok());
    let end = c.get(0).map_or(0, |m| m.end());
    let start = c.get(0).map_or(0, |m| m.start());
    if let Some(y) = year("now")
        .or_else(|| year("begun"))
        .or_else(|| year("ahead"))
        .or_else(|| year("planned"))
    {
        Some(y)
    } else if let Some(y) = year("sessions") {
        // (in the opening lines only: a later 2025年全国两会 is a past event)
        (start < SESSIONS_HEAD).then_some(y)
    } else if let Some(y) = year("last")
        .or_else(|| year("reviewed"))
        .or_else(|| year("led"))
        .or_else(|| year("summed"))
    {
        Some(y + 1)
    } else if let Some(y) = year("is") {
        // 过去的2023年是… looks back: the report is for the year after;
        // so does a sentence that reviews the year it names
        // (2011年是实施“十二五”规划的第一年，省政府较好地完成了…), or whose
        // next sentence opens the review (…的一年。在市委的坚强领导下，…)
        let past = c.name("past").is_some() || looks_back(body, end);
        Some(y + i32::from(past))
    } else if let Some(y) = year("set") {
        // 确定2012年地区生产总值达到1800亿元，年均增长15%: a goal some years
        // off, not the coming year's targets
        let clause = sentence_after(body, end)
            .split('；')
            .next()
            .unwrap_or_default();
        (!MULTI_YEAR_WORDS.iter().any(|w| clause.contains(w))).then_some(y)
    } else if let Some(y) = year("aim") {
        // 到2020年…目标 is a five-year goal; 2005年政府工作及“十五”计划
        // reviews a five-year plan; 2021年…计划执行情况, …计划完成情况,
        // 2022年计划目标|2022年实绩 review the year
        let carried_out = reports_on(&body[end..]);
        // (a dateline before the next year's targets: 2018年12月20日 …
        // 明年主要预期目标 is 2019's)
        let next_year = c[0].contains("明年");
        (c.name("by").is_none() && !c[0].contains('五'))
            .then_some(y + i32::from(carried_out || next_year))
    } else if let Some(y) = year("growth") {
        (!c[0].contains("预计")).then_some(y)
    } else if let Some(y) = year("heading") {
        Some(y)
    } else if let Some(y) = year("done") {
        // …力争实现地区生产总值增长6.5%: an aim, not a result; 到2020年，实现
        // 地区生产总值…: a deadline
        let aim = ["力争", "确保", "预期", "目标", "计划", "要", "将"]
            .iter()
            .any(|w| c[0].contains(w));
        let deadline = body[..start].ends_with(['到', '至']);
        (!aim && !deadline).then_some(y + 1)
    } else {
        None
    }
}

/// Whether the sentence after a `YYYY年是` cue, or the one after it, tells
/// what was done in that year: the review, so the targets are the next year's.
fn looks_back(body: &str, end: usize) -> bool {
    let this = sentence_after(body, end);
    let rest = &body[end + this.len()..];
    let next_start = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, '。' | '\n' | ' '))
        .map_or(rest.len(), |(i, _)| i);
    reviews(this) || opens_review(sentence_after(rest, next_start))
}

/// Words that open a year's review when no clause of theirs looks ahead:
/// 一年来, 在市委的坚强领导下 (not 我们要在县委的坚强领导下).
const REVIEW_OPENINGS: [&str; 2] = ["一年来", "领导下"];

/// Words that make a clause look ahead (要 but not 重要, 主要, 需要).
fn looks_ahead(clause: &str) -> bool {
    let plain = clause
        .replace("重要", "")
        .replace("主要", "")
        .replace("需要", "")
        .replace("要求", "");
    ["要", "将", "让我们", "必须", "力争", "确保", "争取", "继续"]
        .iter()
        .any(|w| plain.contains(w))
}

/// Whether a sentence opens a review of the year named before it.
fn opens_review(sentence: &str) -> bool {
    sentence.split(['，', '；']).any(|clause| {
        !looks_ahead(clause)
            && (reviews(clause) || REVIEW_OPENINGS.iter().any(|w| clause.contains(w)))
    })
}

/// How many chars after a year's plan or targets a word that reports on
/// them (执行情况, 完成情况, 实绩) is looked for.
const REPORTED_REACH: usize = 12;

/// Whether the words right after a year's plan or targets report how they
/// were carried out (…计划执行情况, …目标完成情况, 计划目标|实绩): the text
/// reviews that year. Not the words of the next item, another year's
/// (…2011年计划、2010年财政预算执行情况).
fn reports_on(after: &str) -> bool {
    let near: String = after
        .chars()
        .take(REPORTED_REACH)
        .take_while(|&c| !matches!(c, '。' | '\n' | '；' | '、'))
        .collect();
    [
        "执行",
        "完成情况",
        "实绩",
        "实现情况",
        "落实情况",
        "完成进度",
    ]
    .iter()
    .any(|w| near.contains(w))
}

/// The years named right before a target phrase the normalisation dropped
/// (`2009年上海市生产总值增长的预期目标为9%` reads as `…增长9%`): in the
/// same clause, at most [`GLUED_YEAR_REACH`] chars before it, and not a
/// deadline (`到2030年`).
pub(crate) fn beside_glue(n: &Norm, yp: &YearPatterns) -> Vec<i32> {
    n.glued
        .iter()
        .filter_map(|&p| {
            let before = n.text(p.saturating_sub(GLUED_YEAR_REACH), p);
            let clause = before
                .rsplit(['，', '。', '；', '：', '\n'])
                .next()
                .unwrap_or(before);
            let c = yp.year_word.captures_iter(clause).last()?;
            let deadline = clause[..c.get(0)?.start()].ends_with(['到', '至']);
            (!deadline).then(|| c[1].parse().ok()).flatten()
        })
        .collect()
}

/// How far before a dropped target phrase its year may stand (a region's
/// name and an indicator's: `2009年上海市生产总值增长`).
const GLUED_YEAR_REACH: usize = 16;

/// The year of a session of the National People's Congress named in the
/// text (十四届全国人大二次会议, 第十届全国人民代表大会第五次会议): its
/// terms follow the provinces' calendar.
pub(crate) fn from_national_session(body: &str, yp: &YearPatterns) -> Option<i32> {
    yp.national_session.captures_iter(body).find_map(|c| {
        let (term, session) = (number(&c[1])?, number(&c[2])?);
        let year = 2018 + 5 * (i64::from(term) - i64::from(TERM_OF_2018)) + i64::from(session) - 1;
        let year = i32::try_from(year).ok()?;
        (PLAUSIBLE.contains(&year) && (1..=5).contains(&session)).then_some(year)
    })
}

/// The year of a provincial congress session named in the text
/// (`河南省十二届人大一次会议` → 2013): the term's first year plus the
/// session number less one. Only for a province's own congress, whose terms
/// follow one calendar; a city's or county's do not. Of several sessions
/// named, the latest: the report is delivered at it, and cites the ones
/// before (…2018年年初在云南省第十三届人民代表大会第一次会议上提出的…目标; 第十三届
/// 人民代表大会第二次会议今天在昆明召开).
pub(crate) fn from_session(body: &str, province: &str, yp: &YearPatterns) -> Option<i32> {
    let short: String = province
        .trim_end_matches("维吾尔自治区")
        .trim_end_matches("壮族自治区")
        .trim_end_matches("回族自治区")
        .trim_end_matches("自治区")
        .trim_end_matches(['省', '市'])
        .to_owned();
    if short.is_empty() {
        return None;
    }
    let base = TERM_OF_2018_EXCEPTIONS
        .iter()
        .find(|(p, _)| *p == short)
        .map_or(TERM_OF_2018, |&(_, t)| t);
    let mut latest = None;
    for c in yp.session.captures_iter(body) {
        let (term, session) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(t), Some(s), _, _) | (_, _, Some(t), Some(s)) => (t.as_str(), s.as_str()),
            _ => continue,
        };
        // the congress must be the province's own: its name just before
        let start = c.get(0).map_or(0, |m| m.start());
        let before: String = body[..start]
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // (or by its kind alone: 在自治区十二届人大三次会议上, 省十三届人大一次会议)
        let own_kind = before.ends_with("自治区") && province.ends_with("自治区")
            || before.ends_with('省') && province.ends_with('省');
        if !(before.contains(short.as_str()) || own_kind)
            || before.ends_with('市') && !province.ends_with('市')
        {
            continue;
        }
        let (Some(term), Some(session)) = (number(term), number(session)) else {
            continue;
        };
        let year = 2018 + 5 * (i64::from(term) - i64::from(base)) + i64::from(session) - 1;
        let year = i32::try_from(year).ok()?;
        if PLAUSIBLE.contains(&year) && (1..=5).contains(&session) {
            latest = latest.max(Some(year));
        }
    }
    latest
}

/// The first date in `lines` (an article's dateline or publication line)
/// as (year, month).
pub(crate) fn dateline<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    yp: &YearPatterns,
) -> Option<(i32, u32)> {
    let valid = |y: i32, m: u32, d: u32| {
        ((1..=12).contains(&m) && (1..=31).contains(&d) && PLAUSIBLE.contains(&y)).then_some((y, m))
    };
    lines.into_iter().find_map(|l| {
        yp.dateline
            .captures_iter(l)
            .find_map(|c| valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
            .or_else(|| {
                yp.dateline_day_first
                    .captures_iter(l)
                    .find_map(|c| valid(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?))
            })
    })
}

/// The last date in the path of a page's address (`…/2015-01/29/content_…`,
/// `…/t20150126_…`) as (year, month); nothing for a local path.
pub(crate) fn from_url(url: &str, yp: &YearPatterns) -> Option<(i32, u32)> {
    let rest = url.split_once("://")?.1;
    let path = &rest[rest.find('/')?..];
    yp.url_date
        .captures_iter(path)
        .last()
        .or_else(|| yp.url_date_short_month.captures_iter(path).last())
        .and_then(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)))
}

/// `十二` → 12, `5` → 5.
fn number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let chars: Vec<char> = s.chars().collect();
    crate::number::parse_cn(&chars).map(|v| v as u32)
}

/// 二〇一八年 → 2018年 (years written in Chinese digits, as some titles do).
/// [`cn_year_digits`] that borrows `s` when it writes no year in Chinese
/// digits (most sentences), so a per-sentence check costs no allocation.
pub(crate) fn with_digit_years(s: &str) -> std::borrow::Cow<'_, str> {
    // (二〇一〇年, and 二0一0年 with a typed zero: the four chars before 年
    // as [`cn_year_digits`] reads them, one a Chinese digit past 〇; 年
    // found by a byte search, the chars before asked only then, and an
    // Arabic year, 2010年, is none)
    let cn_year = s.match_indices('年').any(|(i, _)| {
        let (mut count, mut chinese) = (0, false);
        for c in s[..i].chars().rev().take(4) {
            let cn = "一二三四五六七八九".contains(c);
            if !cn && !"〇零○0OＯ".contains(c) {
                return false;
            }
            chinese |= cn;
            count += 1;
        }
        count == 4 && chinese
    });
    if cn_year {
        std::borrow::Cow::Owned(cn_year_digits(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

pub(crate) fn cn_year_digits(s: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let chars: Vec<char> = s.chars().collect();
    // 二00七年, 二0一0年: a zero may be typed as a digit or a letter
    let digit = |c: char| {
        if matches!(c, '零' | '0' | 'O' | 'Ｏ' | '○') {
            Some(0)
        } else {
            DIGITS.chars().position(|d| d == c)
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 4 < chars.len()
            && chars[i + 4] == '年'
            && chars[i..i + 4].iter().all(|&c| digit(c).is_some())
            && chars[i..i + 4]
                .iter()
                .any(|&c| DIGITS.contains(c) && c != '〇')
        {
            for &c in &chars[i..i + 4] {
                out.push(char::from(b'0' + digit(c).unwrap_or(0) as u8));
            }
            i += 4;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
