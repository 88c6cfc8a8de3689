//! The forward-looking sentences that state the coming year's figures,
//! read when a text has no targets cue (a news item, a summary, a report
//! without a 主要预期目标 paragraph) and in the lead of a news item: which
//! sentences look ahead, which look back or beyond the year, and how a
//! sentence after ； goes on with the one before.

// Offsets into char slices (a, b, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

mod looks;
mod walk;

use super::list::{has_figure, is_plan_word, item_number};
use super::{LocatePatterns, NOW_WORDS, says_now};
use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::Norm;
use crate::sentence;
use baogao_model::Level;

/// The headlines of a news item on a report's session that state an aim
/// (市十四届人大三次会议开幕 政府工作报告勾勒发展蓝图 / 市区居民人均可支配
/// 收入增长10%以上): the paragraphs before the first sentence of the body,
/// each short, with a figure and a qualifier only an aim has
/// ([`AIM_BOUNDS`]), in a text whose headlines name the report or its session.
fn headline_aims(n: &Norm, paras: &[(usize, usize)], structured: bool) -> Vec<usize> {
    if structured {
        return Vec::new();
    }
    let body = paras
        .iter()
        .take(HEADLINES_MAX)
        .position(|&(s, e)| n.text(s, e).contains('。'))
        .unwrap_or(paras.len().min(HEADLINES_MAX));
    let heads = &paras[..body];
    let on_report = heads.iter().any(|&(s, e)| {
        ["政府工作报告", "人代会", "人大", "两会"]
            .iter()
            .any(|w| n.text(s, e).contains(w))
    });
    if !on_report {
        return Vec::new();
    }
    (0..body)
        .filter(|&i| {
            let t = n.text(paras[i].0, paras[i].1);
            t.chars().count() <= super::HEADING_MAX
                && has_figure(t)
                && AIM_BOUNDS.iter().any(|w| t.contains(w))
        })
        .collect()
}

/// Words of a bound or an effort only an aim has (以上, 不低于, 力争 …).
const AIM_BOUNDS: [&str; 8] = [
    "以上",
    "左右",
    "以内",
    "力争",
    "不低于",
    "不少于",
    "不超过",
    "控制在",
];

/// The paragraphs of a list of projects for the people (2018年市政府十件民生
/// 实事正式确定：1．新增城镇就业5.5万人…; 为民办实事, 民生工程): the numbered
/// paragraphs after a lead that announces one, and the lead itself. Their
/// figures are projects the congress votes on, not the year's targets.
fn project_lists(n: &Norm, paras: &[(usize, usize)]) -> rustc_hash::FxHashSet<usize> {
    let mut out = rustc_hash::FxHashSet::default();
    let mut listing = false;
    for (i, &(s, e)) in paras.iter().enumerate() {
        let t = n.text(s, e);
        // (a lead states no figure of its own: 实事求是 in a targets paragraph)
        if crate::sentence::PROJECT_WORDS.iter().any(|w| t.contains(w))
            && t.trim_end().ends_with(['：', ':'])
            && !has_figure(t)
        {
            listing = true;
            out.insert(i);
            continue;
        }
        listing = listing && item_number(t).is_some();
        if listing {
            out.insert(i);
        }
    }
    out
}

/// Whether a sentence proposes where a figure should be set (市人大代表建议，
/// 今年…增长目标可以设在8%以上; 另一位代表则认为，目标设在7%左右更为稳妥):
/// a deputy's or an expert's view, not the government's target (which may
/// say 我们认为，把…目标定在7%左右是合适的).
pub(super) fn proposes(t: &str) -> bool {
    // (the first char of each word asked first: a char search is cheap)
    ['议', '认'].iter().any(|&c| t.contains(c))
        && ['设', '定', '提', '调'].iter().any(|&c| t.contains(c))
        && ["设在", "定在", "定为", "提高到", "调整到", "调整为"]
            .iter()
            .any(|w| t.contains(w))
        && ["建议", "认为"].iter().any(|w| t.contains(w))
        && ["代表", "委员", "专家", "学者", "网友", "我建议"]
            .iter()
            .any(|w| t.contains(w))
}

/// Whether `t` gives someone's view of a target the report sets: deputies,
/// members, experts or people who think or say (代表们认为，…增长8%左右的目标
/// 积极稳妥), the figure inside a noun phrase (…的目标).
fn weighs_the_target(t: &str) -> bool {
    static VIEW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"^[^，。]{0,12}?(?:代表|委员|专家|学者|市民|群众|网友)们?[^，。]{0,6}?(?:认为|表示|说|称|觉得|指出)[，：]",
        )
    });
    // (目 asked first: a char search is cheap, and this is asked of every
    // sentence)
    t.contains('目') && t.contains("的目标") && VIEW.is_match(t)
}

/// Whether `t` counts the deputies at the session (实有代表557人，到会539人，
/// 符合法定人数), as news of a congress's opening does.
fn counts_the_deputies(t: &str) -> bool {
    t.contains("法定人数")
        || t.contains("代表")
            && ["到会", "实到", "应到", "出席"]
                .iter()
                .any(|w| t.contains(w))
            && t.contains('人')
}

/// Whether `t` opens with an estimate (预计全年…, 初步预计, 据预计) and names
/// neither a target nor the coming year: a report's estimate of the year
/// just ended (预计今年全省生产总值增长9%左右 is a news report's target).
fn estimates(t: &str) -> bool {
    let t = t
        .strip_prefix('据')
        .or_else(|| t.strip_prefix("初步"))
        .unwrap_or(t);
    t.starts_with("预计") && !t.contains("目标") && !super::says_now(t)
}

/// Whether a sentence guesses at a figure rather than sets it (今年GDP增长
/// 目标或定在7%左右, 增速可能在7%至7.5%之间, 投资有望增长15%以上): a preview or
/// a commentator's forecast, not the government's target; or wishes one
/// (网友：希望明年GDP目标能到15%).
pub(super) fn speculates(t: &str) -> bool {
    // (a char of each word asked first, the rarer of its two: a char search
    // is cheap)
    ['或', '望', '可'].iter().any(|&c| t.contains(c))
        && [
            "或将",
            "或定",
            "或为",
            "有望",
            "可能在",
            "可能达到",
            "可能为",
        ]
        .iter()
        .any(|w| t.contains(w))
        || wishes(t)
}

/// Whether a sentence wishes for a figure (网友：希望明年GDP目标能到15%).
pub(super) fn wishes(t: &str) -> bool {
    t.contains('希')
        && t.split_once("希望").is_some_and(|(_, rest)| {
            ["能到", "能达到", "能够达到", "能定在", "能实现"]
                .iter()
                .any(|w| rest.contains(w))
        })
}

/// Whether a sentence reports progress over part of the year (上半年…增长9%,
/// 一般公共预算收入完成全年目标任务的52%, 增长9.1%，高于年度目标0.6个百分点)
/// or results measured against the target set for it (完成年初确定的9%左右的
/// 预期目标, 高于预期目标1.5个百分点, 低于3%左右的调控目标, 均完成年度目标):
/// results, though it names the year's target.
pub(super) fn reports_progress(t: &str) -> bool {
    static PROGRESS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(concat!(
            r"完成(?:全年|年度)(?:目标|计划|任务)+的|完成(?:全年|年度)预算的|",
            r"(?:高于|低于|超过|超出|快于|慢于|好于)(?:年度|全年|年初)?(?:预期|计划|确定的|调控)?(?:目标|计划)|",
            r"与(?:年度|全年)(?:预期)?目标持平|",
            r"(?:高于|低于|超过|超出)[\d.]+%(?:左右)?的(?:预期|调控|年度)?目标|",
            r"完成年初确定的|均完成(?:年度|全年|年初)|比(?:年度|年初)?(?:预期)?目标(?:高|低|快|慢)"
        ))
    });
    // (every form but a period's names a target, a plan or a completion: a
    // char of each asked first, as a char search is cheap)
    opens_with_a_period(t)
        || (t.contains('目') || t.contains('完') || t.contains('计')) && PROGRESS.is_match(t)
}

/// Whether a sentence opens with a part of the year (上半年, 1-5月, 5月末):
/// what it tells is progress, and so is the rest of its paragraph.
pub(super) fn opens_with_a_period(t: &str) -> bool {
    static PERIOD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"^(?:今年)?(?:上半年|一季度|第一季度|前三季度|\d{1,2}[-—至]\d{1,2}月|\d{1,2}月(?:末|底|份))",
        )
    });
    // (each form opens with 今, 上, 一, 第, 前 or a digit: asked first, as this
    // is asked of every line a list may go on with)
    t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '今' | '上' | '一' | '第' | '前'))
        && PERIOD.is_match(t)
}

/// The most lines read as a news item's headlines (a title, a subtitle, a
/// dateline, and the page's lines above them: 免费邮箱 注册, 发布时间：…).
const HEADLINES_MAX: usize = 6;

/// The sentences that state the coming year's figures when no targets cue
/// is found: a sentence is taken when it names the coming year (今年, 全年,
/// the target year), a target or a plan (only the coming year itself when
/// the target year is unknown), names no past or other year and no
/// five-year goal, and reads at least one canonical indicator with a
/// figure; the sentences right after it continue it while they read figures
/// and look no further back. A figure stated twice (a lead, then the list)
/// is kept once, from the sentence that states the most.
pub(super) fn forward_sentences(
    n: &Norm,
    paras: &[(usize, usize)],
    speaker: super::Speaker,
    structured: bool,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> Vec<Item> {
    let year_word = speaker.year.map(|y| format!("{y}年"));
    let section_opens = section_opens(n, paras, year_word.as_deref());
    let text = walk::Text {
        n,
        looks: looks::Looks {
            lp: rules.2,
            target_year: speaker.year,
            year_word: year_word.as_deref(),
        },
        speaker,
        structured,
        rules,
        para_starts: paras.iter().map(|p| p.0).collect(),
        para_ends: paras.iter().map(|p| p.1).collect(),
        headline_aims: headline_aims(n, paras, structured),
        projects: project_lists(n, paras),
        places: super::region::Paragraphs::new(n, paras, speaker.place.filter(|_| !structured)),
        section_opens,
        sections_state_targets: false,
    };
    let mut walk = walk::Walk {
        text,
        run: walk::Run::default(),
    };
    // news prose joins last year's results and this year's aims with ；
    let clauses = crate::norm::clauses(n, paras);
    // (a page of headed sections, 【关键词一：增长】, whose sections state the
    // year's targets first: a walk that took a section's opening sentence
    // finds them, and the walk is made again reading every section's
    // opening as the year's)
    if walk.text.section_opens.len() >= SECTIONS_MIN {
        for &(pi, span) in &clauses {
            walk.step(pi, span, &mut Trace::off());
        }
        if !walk.run.section_taken {
            return one_row_per_figure(walk.run.groups);
        }
        walk.text.sections_state_targets = true;
        walk.run = walk::Run::default();
    }
    for (pi, span) in clauses {
        walk.step(pi, span, trace);
    }
    one_row_per_figure(walk.run.groups)
}

/// The fewest headed sections that make a page of them.
const SECTIONS_MIN: usize = 3;

/// The longest heading of a section (in chars).
const SECTION_HEADING_MAX: usize = 16;

/// Where the paragraphs open that follow a section's heading (【关键词一：
/// 增长】, 关键词三：开放, 【财政】): a short line in brackets or naming a
/// key word, with no sentence of its own. A heading that names another year
/// or the past (【数说2024】, 【回顾】) opens no section of the year's.
fn section_opens(
    n: &Norm,
    paras: &[(usize, usize)],
    year_word: Option<&str>,
) -> rustc_hash::FxHashSet<usize> {
    let mut out = rustc_hash::FxHashSet::default();
    for w in paras.windows(2) {
        let t = n.text(w[0].0, w[0].1).trim();
        // (the cheap tests first: this asks every paragraph)
        if !(t.starts_with('【') || t.starts_with("关键词"))
            || t.chars().count() > SECTION_HEADING_MAX
            || t.contains(['。', '，', '；'])
        {
            continue;
        }
        let bracketed = t.starts_with('【') && t.ends_with('】');
        // (read in Arabic digits, 二〇二四 as 2024: offsets into that reading)
        let digits = crate::year::with_digit_years(t);
        let other_year = digits
            .match_indices("20")
            .any(|(k, _)| year_word.is_none_or(|y| !digits[k..].starts_with(&y[..4])));
        let past = ["回顾", "成绩", "去年", "上年", "成就"]
            .iter()
            .any(|x| t.contains(x));
        if (bracketed || t.starts_with("关键词")) && !other_year && !past {
            out.insert(w[1].0);
        }
    }
    out
}

/// Notes the sentence `span` as not taken, and why, when it states figures
/// (a sentence without any is not worth a line of `--explain`).
fn reject(
    n: &Norm,
    trace: &mut Trace,
    span: (usize, usize),
    figures: bool,
    why: impl FnOnce() -> String,
) {
    if figures {
        trace.note(n, span, false, why);
    }
}

/// The item of a figure that turns to the coming year with no name of its
/// own (今年预期增长6.5%左右) after a clause about the past that names it
/// (去年全市地区生产总值增长6%，): the subject's item with the turned clause's
/// figures, read over `[from, b)` (`a`: where the turn starts). `None` when
/// the turned clause names its own indicator.
fn subject_of_turn(
    n: &Norm,
    (from, a, b): (usize, usize, usize),
    items: &[Item],
    rules: (&Dictionary, &Patterns, &LocatePatterns),
) -> Option<Item> {
    let first_end = (a..b)
        .find(|&k| matches!(n.chars[k], '，' | '；' | '。'))
        .unwrap_or(b);
    if items.iter().any(|it| it.start < first_end) {
        return None;
    }
    // (read with the clause before, the reader lends it the subject's name;
    // its evidence runs from the name, as labelling.md's shortest clause
    // holding the name and the figure does)
    let whole = aims_of(n, (from, b), rules);
    let mut it = whole
        .iter()
        .find(|it| {
            (a..first_end).contains(&it.start)
                && baogao_model::is_canonical(&it.indicator)
                && it.figs.iter().any(|f| f.value.is_some())
        })?
        .clone();
    if let Some(subject) = whole
        .iter()
        .rfind(|s| s.start < a && s.indicator == it.indicator)
    {
        it.start = subject.start;
    }
    Some(it)
}

/// The items of the sentence `[a, b)` read as aims: a plan's goal quoted
/// beside the year's aims is not one of them (a figure of the plan); a target
/// measured against the plan is (碳排放双控达到国家下达“十五五”目标任务的序时进度).
fn aims_of(
    n: &Norm,
    (a, b): (usize, usize),
    (dict, pat, lp): (&Dictionary, &Patterns, &LocatePatterns),
) -> Vec<Item> {
    let mut items = sentence::read_sentence(n, a, b, dict, pat, Mode::Targets);
    items.retain(|it| {
        it.figs.iter().all(|f| f.value.is_none())
            || !lp
                .not_this_year
                .find_iter(n.text(it.start, it.end))
                .any(|m| is_plan_word(m.as_str()))
    });
    items
}

/// Whether `t` aims with 力争, not inside 努力争取 (在实际工作中努力争取更好结果,
/// which since 2024 follows the growth target in the targets' own
/// sentence).
pub(super) fn says_lizheng(t: &str) -> bool {
    t.match_indices("力争")
        .any(|(k, _)| !t[..k].ends_with('努'))
}

/// Whether `t` names work to be done in clauses without a figure, then
/// aims at figures with 力争 or 争取: a work section's aim, not one of the
/// year's targets (which lead with their figures, a stretch after them).
pub(super) fn is_work_aim(t: &str) -> bool {
    let Some(k) = ["力争", "争取"].iter().filter_map(|w| t.find(w)).min() else {
        return false;
    };
    let before = &t[..k];
    // (the clause that holds 力争 names what it aims at, and a field heads a
    // run of targets: 财政方面，地方财政一般预算收入力争增长15%)
    let mut clauses: Vec<&str> = before.split(['，', '；']).collect();
    clauses.pop();
    let work_clauses = clauses
        .iter()
        .filter(|c| c.chars().count() >= WORK_CLAUSE_MIN && !c.ends_with("方面"))
        .count();
    work_clauses >= 2 && !has_figure(before) && has_figure(&t[k..])
}

/// The fewest chars of a clause that names work to be done (抓项目 is a
/// phrase, 集中精力抓项目 a clause).
const WORK_CLAUSE_MIN: usize = 4;

/// One row per figure among the groups of forward sentences: the group that
/// states the most wins, the later on a tie (a headline or a lead sums up
/// what the body then states: labelling.md takes the body's clause).
fn one_row_per_figure(groups: Vec<Vec<Item>>) -> Vec<Item> {
    let key = |it: &Item, f: &crate::item::Fig| {
        format!("{}|{:?}|{:?}|{:?}", it.indicator, f.measure, f.value, f.max)
    };
    let mut best: rustc_hash::FxHashMap<String, (usize, usize)> = rustc_hash::FxHashMap::default();
    for (gi, g) in groups.iter().enumerate() {
        for it in g {
            for f in &it.figs {
                let e = best.entry(key(it, f)).or_insert((gi, g.len()));
                if g.len() >= e.1 {
                    *e = (gi, g.len());
                }
            }
        }
    }
    let mut out = Vec::new();
    for (gi, g) in groups.into_iter().enumerate() {
        for it in g {
            if it
                .figs
                .iter()
                .any(|f| best.get(&key(&it, f)).is_some_and(|&(w, _)| w == gi))
            {
                out.push(it);
            }
        }
    }
    out
}

/// The byte offsets of the clauses of `t` that open with the coming year
/// (今年, 明年, 新的一年 or `year_word`, right after ，：； or a quote, or after
/// the place or government that has it: ，湖北省今年的主要预期目标…), last
/// first.
fn turns_to_now(t: &str, year_word: Option<&str>) -> Vec<usize> {
    // (every word of the coming year has 年: without it, no search)
    if !t.contains('年') {
        return Vec::new();
    }
    let mut turns: Vec<usize> = NOW_WORDS
        .iter()
        .copied()
        .chain(year_word)
        .flat_map(|w| t.match_indices(w).map(|(i, _)| i))
        .filter_map(|i| {
            let start = t[..i].rfind(['，', '：', '；', '”'])?;
            let start = start + t[start..].chars().next().map_or(0, char::len_utf8);
            let subject = &t[start..i];
            (subject.chars().count() <= TURN_SUBJECT_MAX
                && !subject.contains('年')
                && subject.chars().all(crate::norm::is_unified_han))
            .then_some(start)
        })
        .collect();
    turns.sort_unstable_by(|a, b| b.cmp(a));
    turns.dedup();
    turns
}

/// The longest place or government (湖北省, 我市, 内蒙古自治区) between a
/// clause's start and the coming year it turns to.
const TURN_SUBJECT_MAX: usize = 6;

/// The higher government whose report a sentence quotes as setting figures
/// (此前佛山市政府工作报告提出，今年佛山全市地区生产总值增长6%左右 in a story on
/// 南海区; 省政府工作报告提出 in a city's): its prefecture's or province's.
fn quotes_a_higher_report(
    t: &str,
    place: Option<&baogao_regions::Division>,
    level: Option<Level>,
) -> Option<String> {
    // (or a sentence the higher government opens, setting figures: 榆林市
    // 今年提出全市生产总值增长14% in a story on 神木县)
    if let Some(h) = higher_setting(t, place) {
        return Some(h.clone());
    }
    if let Some(unit) = a_higher_unit_sets(t, place) {
        return Some(unit.to_owned());
    }
    // (a char asked first: most sentences name no report)
    if !t.contains('报') || !t.contains("工作报告") {
        return None;
    }
    let mut higher: Vec<String> = Vec::new();
    if let Some(d) = place {
        higher.extend(d.prefecture.iter().filter(|p| **p != d.name).cloned());
        if d.province != d.name {
            higher.push(d.province.clone());
        }
    }
    if matches!(level, Some(Level::City | Level::County)) {
        higher.push("省".to_owned());
    }
    // (a county's story quoting its prefecture's report by its unit alone:
    // 州政府工作报告提出; a county-level city says 市 of itself)
    if let Some(d) = place.filter(|d| d.level == Level::County) {
        higher.extend(["州", "盟"].map(str::to_owned));
        if !d.name.ends_with('市') {
            higher.push("市".to_owned());
        }
    }
    // (what stands before each report the sentence names setting figures:
    // 州政府工作报告提出, 榆林市人民政府工作报告明确)
    let report = "政府工作报告";
    let befores: Vec<&str> = t
        .match_indices(report)
        .filter(|(i, _)| {
            ["提出", "确定", "明确", "指出"]
                .iter()
                .any(|v| t[i + report.len()..].starts_with(v))
        })
        .map(|(i, _)| &t[..i])
        .collect();
    if befores.is_empty() {
        return None;
    }
    higher.into_iter().find(|h| {
        befores.iter().any(|b| {
            b.ends_with(h.as_str())
                || b.strip_suffix("人民")
                    .is_some_and(|b| b.ends_with(h.as_str()))
        })
    })
}

/// Whether a local text's sentence quotes the State Council's report as
/// setting its figures (记者：国务院总理在政府工作报告中提出，今年全国国内生产
/// 总值增长8%左右，…): the nation's, not the speaker's. (A deputy to the
/// National People's Congress, 全国人大代表、省长, speaks of his own.)
pub(super) fn quotes_the_premiers_report(t: &str, level: Option<Level>) -> bool {
    static PREMIERS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"(?:总理|国务院)[^。，；]{0,12}报告[^。，；]{0,4}(?:提出|明确|确定|指出|安排)",
        )
    });
    matches!(level, Some(Level::Province | Level::City | Level::County))
        && (t.contains("总理") || t.contains("国务院"))
        && PREMIERS.is_match(t)
}

/// Whether the clause of `t` that states its first figure opens with the
/// whole area of a government above the speaker's (据悉，全市提出今年地区生产
/// 总值增长6%以上 in a district's story, 今年全州… in a county's, 全省 in a
/// city's): a county-level city says 全市 of itself.
pub(super) fn figures_of_a_higher_area(
    t: &str,
    place: Option<&baogao_regions::Division>,
    level: Option<Level>,
) -> bool {
    let areas: &[&str] = match place {
        Some(d) if d.level == Level::County && !d.name.ends_with('市') => {
            &["全市", "全州", "全盟", "全地区"]
        }
        Some(d) if d.level == Level::County => &["全州", "全盟", "全地区"],
        _ if level == Some(Level::City) => &["全省"],
        _ => return false,
    };
    // (asked of every sentence: the first digit's clause, found from it)
    let Some(first) = t.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let before = &t[..first];
    if !before.contains('全') {
        return false;
    }
    let start = before
        .rfind(['，', '；', '。'])
        .map_or(0, |k| k + '，'.len_utf8());
    let clause = t[start..]
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches('年')
        .trim_start_matches("今年")
        .trim_start_matches("明年");
    areas.iter().any(|a| clause.starts_with(a))
}

/// A government's bodies after its name (潍坊市委、市政府), longest first.
const HIGHER_BODIES: [&str; 12] = [
    "市委、市政府",
    "省委、省政府",
    "州委、州政府",
    "市委市政府",
    "省委省政府",
    "州委州政府",
    "市政府",
    "省政府",
    "州政府",
    "市委",
    "省委",
    "州委",
];

/// The verbs of a higher government that sets figures, after its name
/// opens a sentence (榆林市今年提出…).
const HIGHER_SETS: [&str; 4] = ["提出", "确定", "明确", "要求"];

/// Whether `t` opens with the higher government `h` (its name, or its name
/// short of 市 or 省) setting figures: 榆林市今年提出全市生产总值增长14% in a
/// story on 神木县.
fn higher_sets(t: &str, h: &str) -> bool {
    let short = h.trim_end_matches(['市', '省']);
    short.chars().count() >= 2
        && [h, short].iter().any(|name| {
            t.strip_prefix(name).is_some_and(|rest| {
                // (its party committee and government: 潍坊市委、市政府提出)
                let rest = HIGHER_BODIES
                    .iter()
                    .find_map(|b| rest.strip_prefix(b))
                    .unwrap_or(rest);
                let rest = rest.trim_start_matches("今年");
                HIGHER_SETS.iter().any(|v| rest.starts_with(v))
            })
        })
}

/// The prefecture or province above `place` that opens `t` setting
/// figures ([`higher_sets`]), if one does.
fn higher_setting<'p>(t: &str, place: Option<&'p baogao_regions::Division>) -> Option<&'p String> {
    place.and_then(|d| {
        d.prefecture
            .iter()
            .chain(std::iter::once(&d.province))
            .find(|h| **h != d.name && higher_sets(t, h))
    })
}

/// Whether `t` opens with the prefecture or province above `place` setting
/// figures ([`higher_sets`]).
pub(super) fn opens_with_a_higher_government(
    t: &str,
    place: Option<&baogao_regions::Division>,
) -> bool {
    higher_setting(t, place).is_some() || a_higher_unit_sets(t, place).is_some()
}

/// The unit of a government above `place` that `t` opens with, named by
/// its unit alone or its bodies, setting figures (自治区提出今年…, 州委、州
/// 政府提出, in a county's story); a county-level city says 市 of itself.
fn a_higher_unit_sets(t: &str, place: Option<&baogao_regions::Division>) -> Option<&'static str> {
    let d = place.filter(|d| d.level != Level::Province)?;
    let units: &[&'static str] = match d.level {
        Level::County if !d.name.ends_with('市') => &["自治区", "省", "地区", "州", "盟", "市"],
        Level::County => &["自治区", "省", "地区", "州", "盟"],
        _ => &["自治区", "省"],
    };
    // (or after a lead-in of hearsay or who says it: 据了解，自治区提出…, 报告
    // 同时提出，自治区今年确定…; the body's own words, 州委、州政府提出，, first)
    // (the cheap test first: most sentences open with none of them)
    let opens = |t: &str| units.iter().find(|u| t.starts_with(**u)).copied();
    let (t, unit) = opens(t).map(|u| (t, u)).or_else(|| {
        let after = crate::locate::list::without_attribution(t);
        opens(after).map(|u| (after, u))
    })?;
    let rest = HIGHER_BODIES
        .iter()
        .filter(|b| b.starts_with(unit))
        .find_map(|b| t.strip_prefix(b))
        .or_else(|| t.strip_prefix(unit))
        .unwrap_or(t)
        .trim_start_matches("今年");
    HIGHER_SETS
        .iter()
        .any(|v| rest.starts_with(v))
        .then_some(unit)
}

/// Whether a sentence quotes another government's targets before its cue
/// (国家确定的主要预期目标是：…, or 全省… in a lower report).
fn quotes_another_government(t: &str, lp: &LocatePatterns, level: Option<Level>) -> bool {
    lp.cue.find(t).is_some_and(|c| {
        let lead = &t[..c.start()];
        lp.another_government(lead, level).is_some()
            || LocatePatterns::quotes_the_province(lead, level)
            || LocatePatterns::speaks_for_a_lower_one(lead, level)
    })
}

/// Where the clause that names the speaker's own government (全市, 我省 …)
/// starts in a sentence that first quotes another government's targets,
/// when that clause states figures (a byte offset).
fn own_after_another(t: &str, lp: &LocatePatterns) -> Option<usize> {
    let cue = lp.cue.find(t)?;
    let mut at = cue.end();
    while let Some(k) = t[at..].find('，').map(|k| at + k + '，'.len_utf8()) {
        let clause = t[k..].split(['，', '。', '；']).next().unwrap_or_default();
        if super::OWN_WORDS.iter().any(|w| clause.contains(w)) && has_figure(&t[k..]) {
            return Some(k);
        }
        at = k;
    }
    None
}

/// Whether a clause of `t` opens on 实现 and ends on 目标 with no word of
/// an aim before it (…增长8.6%左右，实现“三个同步”“三个高于”目标): aims met,
/// as a review tells them (力争实现…目标, 确保实现…目标 aim).
fn reports_aims_met(t: &str) -> bool {
    t.split(['，', '；', '。', ','])
        .any(|clause| clause.starts_with("实现") && clause.ends_with("目标") || aims_done(clause))
}

/// Whether a clause ends by telling aims done (…确定的各项目标任务全面完成,
/// 主要指标均已完成): a review's, as the aim comes first in one that looks
/// ahead (确保全面完成全年目标任务).
fn aims_done(clause: &str) -> bool {
    let Some(before) = clause.strip_suffix("完成") else {
        return false;
    };
    let before = [
        "全面", "全部", "均已", "已经", "均", "已", "圆满", "顺利", "超额",
    ]
    .iter()
    .find_map(|w| before.strip_suffix(w))
    .unwrap_or(before);
    ["目标任务", "目标", "任务", "指标"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Where the clause of an estimate (，预计…) starts in a sentence whose
/// clauses before it name the coming year and state a figure.
fn estimate_after_aim(t: &str, year_word: Option<&str>) -> Option<usize> {
    let k = t.find("，预计")?;
    let aim = &t[..k];
    (names_the_coming_year(aim, year_word) && has_figure(aim)).then_some(k)
}

/// Whether `t` names the coming year: a word for it (今年, 明年 …) or its
/// number (`year_word`, 2026年).
pub(super) fn names_the_coming_year(t: &str, year_word: Option<&str>) -> bool {
    says_now(t) || year_word.is_some_and(|w| t.contains(w))
}

/// Whether a sentence tells what a report or a session set as aims
/// (报告提出…的目标, 会议确定…预期, 报告还提出…增长8%左右): its figures are
/// that report's targets whatever year it is for.
pub(super) fn sets_aims(t: &str) -> bool {
    // (most sentences name neither: no search for the verbs then)
    if !(t.contains("报告") || t.contains("会议")) {
        return false;
    }
    // (…与会议提出的9%和10%的目标也存在差距: last year's targets, measured)
    if GAP_WORDS.iter().any(|w| t.contains(w)) {
        return false;
    }
    // the verbs right after 报告 or 会议: (puts forward, fixes, arranges or
    // requires; says)
    let (mut sets, mut says) = (false, false);
    for w in ["报告", "会议"] {
        for (i, _) in t.match_indices(w) {
            let rest = &t[i + w.len()..];
            let reach = rest
                .char_indices()
                .nth(SAID_REACH)
                .map_or(rest.len(), |(k, _)| k);
            let after = &rest[..reach];
            sets |= ["提出", "确定", "明确", "安排", "要求"]
                .iter()
                .any(|v| after.contains(v))
                // (报告把规模以上工业增加值增长目标设定为9.5%: the verb after
                // what it sets, which the normaliser may have folded away)
                || after.contains('把');
            says |= ["指出", "说"].iter().any(|v| after.contains(v));
        }
    }
    // (a report or meeting that puts forward or fixes figures sets aims, 报告
    // 提出，地区生产总值增长6%; one that points out or says them may report
    // results, and needs an aim's word)
    sets && has_figure(t) || (sets || says) && AIM_WORDS.iter().any(|w| t.contains(w))
}

/// Whether `t` calls its figures the aims (主要预期目标是…, 预期增长): in a
/// text with no year, a sentence that does so needs no 今年 to open them.
fn names_its_aims(t: &str) -> bool {
    [
        "预期目标",
        "主要目标",
        "目标是",
        "目标为",
        "预期增长",
        "目标定为",
    ]
    .iter()
    .any(|w| t.contains(w))
        && !GAP_WORDS.iter().any(|w| t.contains(w))
}

/// Words that measure results against aims set before (存在差距, 未完成).
const GAP_WORDS: [&str; 6] = ["差距", "未完成", "未达到", "没有达到", "没有完成", "超额"];

/// How far after 报告 or 会议 its verb may stand (报告中提出, 报告还明确提出).
const SAID_REACH: usize = 4;

/// Words only an aim has: its name (目标, 预期) or its qualifiers.
const AIM_WORDS: [&str; 6] = ["目标", "预期", "左右", "以上", "以内", "力争"];

#[cfg(test)]
mod tests {
    use super::section_opens;
    use crate::norm::Norm;

    /// The paragraphs of `text`, one a line.
    fn paras(n: &Norm) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = 0;
        for (k, &c) in n.chars.iter().enumerate() {
            if c == '\n' {
                out.push((s, k));
                s = k + 1;
            }
        }
        out
    }

    #[test]
    fn a_heading_that_names_the_year_in_chinese_digits_opens_a_section() {
        // (the year read in Arabic digits is asked of that reading)
        for (heading, opens) in [
            ("【二〇二三年目标】", true),
            ("【数说二〇二二年】", false),
            ("【回顾】", false),
        ] {
            let text = format!("{heading}\n地区生产总值增长6%左右。\n");
            let n = Norm::new(&text);
            let opens_at = section_opens(&n, &paras(&n), Some("2023年"));
            assert_eq!(!opens_at.is_empty(), opens, "{heading}");
        }
    }
}
