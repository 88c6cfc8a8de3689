//! Where things are in a report (its paragraphs and sentences are
//! [`norm`](crate::norm)'s): the end of the review of the past year, the
//! paragraph of the year's main targets (and its continuation), and the
//! fallback when no such paragraph exists (`forward`: the sentences that
//! state the coming year's figures).

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::Level;

use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::Norm;

mod cue;
mod forward;
use forward::forward_sentences;

mod following;
mod list;
mod others;
use list::{is_plan_word, meets_the_plans_target, read_block, sentence_lines};
use others::OTHER_WORDS;

mod patterns;
use patterns::GLUED_FIRST_NAMES;
pub(crate) use patterns::LocatePatterns;

mod region;

mod whose;
use whose::{OWN_WORDS, no_governments_text, without_the_nations};

/// What the locator knows of the report before it reads its targets.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Speaker {
    /// The year the targets are for.
    pub(crate) year: Option<i32>,
    pub(crate) level: Option<Level>,
    /// The reporting government's division in the gazetteer, when the
    /// report's place resolves to one (朝阳区 of 北京市 as well as 杭州市).
    place: Option<&'static baogao_regions::Division>,
}

impl Speaker {
    /// The speaker of a report whose place is `place`.
    pub(crate) fn new(
        year: Option<i32>,
        level: Option<Level>,
        place: Option<&'static baogao_regions::Division>,
    ) -> Speaker {
        Speaker { year, level, place }
    }
}

/// The words that name the coming year in a report of it.
const NOW_WORDS: &[&str] = &["今年", "明年", "新的一年"];

/// Whether `t` names the coming year by a word of [`NOW_WORDS`] (each has
/// 年, asked first: a char search is cheap, and this is asked of every
/// sentence).
fn says_now(t: &str) -> bool {
    t.contains('年') && NOW_WORDS.iter().any(|w| t.contains(w))
}

/// The longest line read as a heading (a headline, 二、2026年工作安排): a
/// sentence-free line no longer than a title.
pub(crate) const HEADING_MAX: usize = 45;

/// The longest header row of a targets table.
const TABLE_HEADER_MAX: usize = 40;

fn is_heading(t: &str) -> bool {
    t.chars().count() <= HEADING_MAX && !t.contains('。')
}

/// 指标 名称 | 单位 | 2023年目标: a table's header row (cells are
/// tab-separated in the cleaner's output), short, with no figure of its own.
fn is_table_header(t: &str) -> bool {
    let words = ["指标", "项目", "目标", "单位", "预期", "名称"];
    t.chars().count() <= TABLE_HEADER_MAX
        && words.iter().filter(|w| t.contains(*w)).count() >= 2
        && !t.contains(['%', '：', '，', '。'])
}

/// Whether the span `(a, b)` is a table's header as written: the
/// normaliser reads cells parted by spaces as a comma (序号　目标任务　牵头单位
/// reads 序号目标任务，牵头单位), which [`is_table_header`] refuses.
fn heads_a_table_as_written(n: &Norm, (a, b): (usize, usize)) -> bool {
    is_table_header(&n.orig_text(a, b))
}

/// The least share of a text (numerator, denominator) a plan part that
/// opens with a plan lead (今年是…) holds: in a report the plan part is a
/// third of the text or more; the last lines of a news item are none.
const PLAN_PART_MIN_SHARE: (usize, usize) = (1, 5);

/// Index of the first paragraph after the review of past years.
pub(crate) fn review_end(
    n: &Norm,
    paras: &[(usize, usize)],
    target_year: Option<i32>,
    lp: &LocatePatterns,
) -> usize {
    for (i, &(s, e)) in paras.iter().enumerate() {
        let t = n.text(s, e);
        // (a plan part holds much of a report: a line near the end of a news
        // item written one sentence a line, 今年是“十二五”…, opens none)
        let rest = n.len() - s;
        if rest * PLAN_PART_MIN_SHARE.1 < n.len() * PLAN_PART_MIN_SHARE.0 {
            break;
        }
        if is_heading(t) && !t.contains("回顾") && !t.contains("总结") && !t.contains("报告")
        {
            if lp.numbered_heading.is_match(t) || lp.plan_heading.is_match(t) {
                return i;
            }
            // (2019年工作安排, or the targets' own heading: 【图二｜2019年 主要
            // 预期目标】 before 【图三｜2019年 重点工作】)
            if let Some(y) = target_year
                && t.contains(&format!("{y}年"))
                && ["工作", "预期目标", "主要目标"]
                    .iter()
                    .any(|w| t.contains(w))
                && !t.contains("完成")
            {
                return i;
            }
        }
        if lp.plan_lead.is_match(t) {
            if let Some(y) = target_year
                && t.starts_with(&format!("{}年是", y - 1))
            {
                continue;
            }
            return i;
        }
    }
    paras.len()
}

/// Whether the cue ending at `cue_end` in paragraph `at`, in a sentence that
/// names no year, goes on from a paragraph `before` on the years ahead
/// (今后五年，是全面建成小康社会的关键时期…\n主要奋斗目标是：…) and its own
/// paragraph speaks of the plan's years (年均增长10%以上，到2017年突破…): the
/// plan's targets, not the year's.
fn follows_the_plans_years(
    n: &Norm,
    (before, (s, e)): ((usize, usize), (usize, usize)),
    cue_end: usize,
    target_year: Option<i32>,
) -> bool {
    let a = sentence_start(n, s, cue_end);
    let names_a_year = |t: &str| {
        clause_names_now(t, target_year)
            || t.contains("全年")
            || t.contains('年') && t.chars().any(|c| c.is_ascii_digit())
    };
    let prior = n.text(before.0, before.1);
    let list = n.text(cue_end, e);
    let plans_years = crate::clause::averages_years(list)
        || target_year.is_some_and(|y| (1..=5).any(|k| list.contains(&format!("到{}年", y + k))));
    plans_years
        && !names_a_year(n.text(a, cue_end))
        && ["今后五年", "未来五年", "今后几年"]
            .iter()
            .any(|w| prior.contains(w))
        && !clause_names_now(prior, target_year)
}

/// Whether a paragraph writes at least two figures as aims (增长8%左右,
/// 以上, 控制在4%以内): a list of targets, not of results.
fn aims_written(t: &str) -> bool {
    aims_in(t) >= 2
}

/// How many figures `t` writes as aims: 左右, 以上, 以内, 以下 after a
/// figure and its unit (not 规模以上 or 以上目标), a range (7%-7.5%,
/// 7%至7.5%), a growth in step with another (与经济增长同步), or the words
/// that follow a target only (增长5%以上，在实际工作中努力争取更好结果):
/// results are written as one figure reached.
pub(super) fn aims_in(t: &str) -> usize {
    static AIM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"[\d%‰][^\d，。；、,;]{0,4}?(?:左右|以上|以内|以下)|\d%?[-—~～至]\d+(?:\.\d+)?%|同步|争取更好(?:的)?结果",
        )
    });
    // (a per cent in Chinese numerals too, 增长百分之八以上: asked only of a
    // sentence that writes one)
    static AIM_IN_WORDS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"百分之[零〇一二两三四五六七八九十点]{1,6}(?:左右|以上|以内|以下)",
        )
    });
    let ranges = t.contains('%') && t.contains(['-', '—', '~', '～', '至']);
    if !ranges
        && !["左右", "以上", "以内", "以下", "同步", "结果"]
            .iter()
            .any(|w| t.contains(w))
    {
        return 0;
    }
    AIM.find_iter(t).count()
        + if t.contains("百分之") {
            AIM_IN_WORDS.find_iter(t).count()
        } else {
            0
        }
}

/// The fewest figures written as aims that make a news text's sentence look
/// ahead with no word that says so (他说，地区生产总值增长6%左右，…). Two can
/// be last year's estimated results too (…投资增长23%左右，固定资产投资增长8%
/// 左右), but lists that short are more often targets.
pub(super) const AIMS_THAT_LOOK_AHEAD: usize = 2;

/// The fewest targets a list must state to be taken without its cue, for
/// the paragraph after it calling them 上述目标.
const LIST_ABOVE_MIN: usize = 3;

/// Whether a cue's clause names the coming year (今年…的主要预期目标, 2021年
/// 全市…).
fn clause_names_now(clause: &str, target_year: Option<i32>) -> bool {
    forward::names_the_coming_year(clause, target_year.map(|y| format!("{y}年")).as_deref())
}

/// Where the sentence holding `at` starts, within a paragraph that starts
/// at `s` (after the last 。！？； before `at`).
fn sentence_start(n: &Norm, s: usize, at: usize) -> usize {
    let mut a = at;
    while a > s && !is_sentence_end(n.chars[a - 1]) {
        a -= 1;
    }
    a
}

/// The end (after its mark) of the sentence of `[s, e)` that holds `at`,
/// by the marks [`sentence_start`] reads.
fn sentence_end(n: &Norm, e: usize, at: usize) -> usize {
    (at..e)
        .find(|&k| is_sentence_end(n.chars[k]))
        .map_or(e, |k| k + 1)
}

/// The marks that end a sentence for [`sentence_start`] and [`sentence_end`].
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；')
}

/// The year's targets: the cue paragraph(s) and their continuation, or the
/// fallback sentences of the plan part. In a text without headings (a news
/// report) the lead may state a target the list after the cue leaves out
/// (…透露，2024年，天津市地区生产总值预期目标增长4.5%左右。…预期目标：一般公共
/// 预算收入…): the lead's forward-looking sentences add the indicators the
/// list lacks.
pub(crate) fn targets(
    n: &Norm,
    paras: &[(usize, usize)],
    review_end: usize,
    speaker: Speaker,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> (Vec<Item>, Option<usize>) {
    if let Some(why) = no_governments_text(n) {
        if let Some(&(s, e)) = paras.first() {
            trace.note(n, (s, e), false, || why.to_owned());
        }
        return (Vec::new(), None);
    }
    let (items, at) = targets_read(n, paras, review_end, speaker, rules, trace);
    (without_the_nations(n, items, speaker, rules.2, trace), at)
}

/// The list read at the cue's paragraph `i` of a report with headings, with
/// the canonical targets the paragraph before it states in the year's
/// general requirements and the list leaves out (今年政府工作的总体要求是：…
/// 全力完成地区生产总值增长8%、力争9%，一般公共预算收入增长10%…的目标任务。
/// \n主要预期目标是：规模以上工业增加值增长8%左右；…).
fn with_the_general_requirements(
    n: &Norm,
    paras: &[(usize, usize)],
    i: usize,
    items: Vec<Item>,
    speaker: Speaker,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> Vec<Item> {
    let Some(&(s, e)) = i.checked_sub(1).and_then(|k| paras.get(k)) else {
        return items;
    };
    if !n.text(s, e).contains("总体要求") || !list::has_figure(n.text(s, e)) {
        return items;
    }
    let mut out: Vec<Item> = forward_sentences(n, &[(s, e)], speaker, false, rules, trace)
        .into_iter()
        .filter(|x| baogao_model::is_canonical(&x.indicator) && !lists(&items, x))
        .collect();
    out.extend(items);
    out
}

/// Whether `x` states `it`'s one figure again, with a qualifier `it` lacks
/// (地区生产总值增长6%左右 after GDP增长6%).
fn restates_qualified(it: &Item, x: &Item) -> bool {
    let (Some(a), Some(b)) = (it.figs.first(), x.figs.first()) else {
        return false;
    };
    it.indicator == x.indicator
        && it.figs.len() == 1
        && a.measure == b.measure
        && a.value == b.value
        && a.max == b.max
        && a.qual == baogao_model::Qualifier::Exact
        && !matches!(
            b.qual,
            baogao_model::Qualifier::Exact | baogao_model::Qualifier::Qualitative
        )
}

/// Whether `items` already state `x`'s indicator and measure.
fn lists(items: &[Item], x: &Item) -> bool {
    items.iter().any(|it| {
        it.indicator == x.indicator
            && it.figs.first().map(|f| f.measure) == x.figs.first().map(|f| f.measure)
    })
}

/// [`targets`] before the nation's targets quoted in a local text are left out.
fn targets_read(
    n: &Norm,
    paras: &[(usize, usize)],
    review_end: usize,
    speaker: Speaker,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> (Vec<Item>, Option<usize>) {
    // the plan part: from the end of the review, in a text with headings
    let plan = (review_end < paras.len()).then_some(review_end);
    let (items, at) = located(n, paras, plan, speaker, rules, trace);
    if plan.is_some()
        && let Some(i) = at
    {
        return (
            with_the_general_requirements(n, paras, i, items, speaker, rules, trace),
            at,
        );
    }
    let Some(i) = at else {
        return (items, at);
    };
    // the lead: the paragraphs before the cue's, headlines left out, and the
    // sentences of the cue's paragraph before the list (…县长在报告中提出，今年
    // 全县地区生产总值增长7%左右。报告提出，今年的其他主要预期目标是：…)
    let mut lead: Vec<(usize, usize)> = paras[..i]
        .iter()
        .copied()
        .filter(|&(s, e)| !is_heading(n.text(s, e)))
        .collect();
    if let Some(list_start) = items.iter().map(|it| it.start).min()
        && let Some(&(s, e)) = paras.get(i)
        && (s..e).contains(&list_start)
        && let Some(k) = (s..list_start).rev().find(|&k| n.chars[k] == '。')
    {
        lead.push((s, k + 1));
    }
    let listed = |x: &Item| lists(&items, x);
    let mut out: Vec<Item> = forward_sentences(n, &lead, speaker, false, rules, trace)
        .into_iter()
        .filter(|x| list::names_a_measure(x, rules.0) && !listed(x))
        .collect();
    // a lead that sums the targets up in one clause (…主要指标安排是生产总值增长
    // 百分之九以上。) before the paragraph that lists them all: the sentences
    // after it add what the short list leaves out
    let short = {
        let mut ids: Vec<&str> = items.iter().map(|it| it.indicator.as_str()).collect();
        ids.dedup();
        ids.len() <= SHORT_CUE_LIST
    };
    if short {
        let trail = &paras[(i + 1).min(paras.len())..];
        // (what the trail adds is named as a measure: a work section's
        // counts, 推进…等16个高速公路项目, 筛选40户企业, are tasks)
        let said: Vec<Item> = forward_sentences(n, trail, speaker, false, rules, trace);
        // (a headline writes a figure short, GDP增长6%, that the article
        // states with its qualifier, 地区生产总值增长6%左右: the article's)
        let mut items = items;
        let (hs, he) = paras[i];
        if is_heading(n.text(hs, he)) {
            for it in &mut items {
                if let Some(x) = said.iter().find(|x| restates_qualified(it, x)) {
                    *it = x.clone();
                }
            }
        }
        let more: Vec<Item> = said
            .into_iter()
            .filter(|x| !lists(&items, x) && list::names_a_measure(x, rules.0))
            .collect();
        out.extend(items);
        out.extend(more);
        return (out, at);
    }
    out.extend(items);
    (out, at)
}

/// A cue's list of at most this many indicators in a news text may be a
/// summary of a fuller list further down.
const SHORT_CUE_LIST: usize = 2;

/// The targets read at the first valid cue (in the plan part `plan` starts,
/// then before it) with the cue's paragraph, else the fallback's sentences.
fn located(
    n: &Norm,
    paras: &[(usize, usize)],
    plan: Option<usize>,
    speaker: Speaker,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> (Vec<Item>, Option<usize>) {
    let (dict, pat, lp) = rules;
    let (target_year, level) = (speaker.year, speaker.level);
    // a paragraph about the past, another year or five years does not continue the list
    // (years in Chinese digits too: 到二〇一二年地区生产总值要突破六千亿元;
    // a deadline of an unknown year is not this year's, 届时 looks to it)
    // (`plan_ok`: a plan named inside an item, after the line's first clause
    // or as the target an item meets, does not make it foreign: 碳排放双控
    // 达到国家下达“十五五”目标任务的序时进度, 单位生产总值能耗完成“十四五”考核
    // 目标; a line that opens with one does: “十五五”时期年均增长6%)
    // (in a news item, a paragraph on another place: a round-up of reports)
    let own = speaker.place.filter(|_| plan.is_none());
    let another_place = |t: &str| region::another_place(t, own);
    let foreign = |t: &str, plan_ok: bool| {
        if another_place(t).is_some()
            || lp.quotes_the_nations_set(t, level)
            || LocatePatterns::opens_with_the_province(t, level)
            || LocatePatterns::opens_with_the_city(t, speaker.place)
            || forward::opens_with_a_higher_government(t, speaker.place)
            // (a district's story: 此前…市政府工作报告提出，今年全市地区生产总值
            // 增长7%左右 after the district's list)
            || forward::figures_of_a_higher_area(t, speaker.place, level)
            // (今年1-2月，全省规模以上工业增加值增长8.5%: progress, not a target)
            || forward::opens_with_a_period(t)
        {
            return true;
        }
        // (a list's item measured against last year, 比上年提高1个百分点,
        // 与上年持平, names it without reporting it)
        let t = &*lp.without_comparisons(t);
        let t = if LocatePatterns::may_compare_growth(t) {
            lp.compared_growth.replace_all(t, "")
        } else {
            std::borrow::Cow::Borrowed(t)
        };
        let t = &*t;
        let digits = crate::year::with_digit_years(t);
        let opening = t.find(['，', '；', '：']).unwrap_or(t.len());
        lp.past.is_match(t)
            || lp.not_this_year.find_iter(t).any(|m| {
                !(plan_ok
                    && is_plan_word(m.as_str())
                    && (m.start() > opening || meets_the_plans_target(&t[..m.start()])))
            })
            || t.contains("届时")
            // (a plan's end is a deadline wherever it stands: 他表示，到“十二五”
            // 末，神木生产总值力争突破1500亿元)
            || PLAN_END_WORDS.iter().any(|w| t.contains(w))
            || lp
                .year
                .captures_iter(&digits)
                .any(|c| target_year.is_some_and(|y| c[1].parse::<i32>().ok() != Some(y)))
            || target_year.is_none() && lp.deadline.is_match(&digits)
    };
    // cues in the plan part first, then anywhere (a review may quote last
    // year's goals, a text without headings has no plan part)
    let review_end = plan.unwrap_or(paras.len());
    let order = (review_end..paras.len()).chain(0..review_end);
    // (the layout of the whole text, read once for every list read)
    let lines = sentence_lines(n, paras);
    // a headline (今年预期目标：地区生产总值增长7.5%-8%) sums up the targets
    // paragraph of the article under it: the paragraph wins when it states
    // as many
    let mut headline: Option<(Vec<Item>, usize)> = None;
    let on_another_place = |i: usize| {
        let (s, e) = paras[i];
        region::paragraph_place(n.text(s, e), own)
    };
    // a cue whose sentence opens with a higher government's whole area (全市
    // 提出生产总值增长6%—6.5%的预期目标 in a district's text)
    // (the list may start before the cue's end: a figure right before it,
    // 增长6%—6.5%的预期目标, is the list's first; the whole sentence is asked)
    let higher_area_cue = |i: usize, cue_end: usize| {
        let (s, e) = paras[i];
        let (a, b) = (sentence_start(n, s, cue_end), sentence_end(n, e, cue_end));
        forward::figures_of_a_higher_area(n.text(a, b), speaker.place, level)
    };
    // a later paragraph's own targets cue (not another place's): where it ends
    let own_cue = |j: usize| {
        cue::cue_in(n, paras[j], (target_year, level), lp, &mut Trace::off())
            .filter(|&c| on_another_place(j).is_none() && !higher_area_cue(j, c))
    };
    // the list read from the cue's end in paragraph i, without a clause that
    // guesses at a figure (…增长5.5%左右，预计GDP有望突破3500亿元)
    let read_at = |i: usize, cue_end: usize, trace: &mut Trace| {
        let mut items = read_block(
            n,
            (paras, lines),
            (i, cue_end),
            (dict, pat),
            &foreign,
            trace,
        );
        items.retain(|it| {
            let guess = forward::speculates(n.text(it.start, it.end));
            if guess {
                trace.note(n, (it.start, it.end), false, || {
                    "a guess at a figure (有望, 或将, 可能), not a target set".to_owned()
                });
            }
            !guess
        });
        items
    };
    for i in order {
        let (s, e) = paras[i];
        if let Some(cue_end) = cue::cue_in(n, (s, e), (target_year, level), lp, trace) {
            if let Some(place) = on_another_place(i) {
                trace.note(n, (s, e), false, || {
                    format!("another place's targets (a paragraph on `{place}`)")
                });
                continue;
            }
            if higher_area_cue(i, cue_end) {
                trace.note(n, (s, e), false, || {
                    "a higher government's area (全市 in a district's text)".to_owned()
                });
                continue;
            }
            if i > 0 && follows_the_plans_years(n, (paras[i - 1], (s, e)), cue_end, target_year) {
                trace.note(n, (s, e), false, || {
                    "the plan's targets (the paragraph before speaks of the years ahead)".to_owned()
                });
                continue;
            }
            let mut items = read_at(i, cue_end, trace);
            if items.is_empty() {
                continue;
            }
            // the first target set in a sentence of its own before a cue of the
            // others (…将今年全省地区生产总值增长预期目标设定为5.5%左右，在实际
            // 工作中争取更好结果。其他主要预期目标是：…)
            let first = others::first_before_the_others(
                n,
                paras,
                (i, cue_end),
                &items,
                (dict, pat),
                &foreign,
                trace,
            );
            items.splice(0..0, first);
            if let Some((first, at)) = headline.take() {
                if items.len() >= first.len() {
                    trace.note(n, (s, e), true, || {
                        "the article's targets paragraph, not its headline".to_owned()
                    });
                    return (items, Some(i));
                }
                return (first, Some(at));
            }
            let within = items.iter().all(|it| it.end <= e);
            if is_heading(n.text(s, e)) && within {
                headline = Some((items, i));
                continue;
            }
            // a lead that sums up a few targets (今年…主要预期目标，努力实现地区生产总值
            // 增长7%以上，…) before the paragraph that lists them all (今年，…预期奋斗目标
            // 是：…): the list wins when it states every indicator the lead does, and more
            if let Some((fuller, j)) = (i + 1..paras.len().min(i + 1 + FULLER_LIST_REACH))
                .filter_map(|j| {
                    let cue_end = own_cue(j)?;
                    Some((read_at(j, cue_end, &mut Trace::off()), j))
                })
                .find(|(more, _)| states_more(more, &items))
            {
                trace.note(n, paras[j], true, || {
                    "a fuller list of the targets the lead sums up".to_owned()
                });
                return (fuller, Some(j));
            }
            // the other targets under a cue of their own after the first
            // (…地区生产总值增长5.5%左右。\n关键词：同步\n…\n其他主要预期目标——\n◆…)
            if let Some(more) = (i + 1..paras.len().min(i + 1 + FULLER_LIST_REACH)).find_map(|j| {
                let (s2, e2) = paras[j];
                // (asked of most paragraphs after a list: the word first)
                if !OTHER_WORDS.iter().any(|w| n.text(s2, e2).contains(w)) {
                    return None;
                }
                let cue_end = own_cue(j)?;
                let lead = n.text(s2, cue_end);
                OTHER_WORDS
                    .iter()
                    .any(|w| lead.contains(w))
                    .then(|| read_at(j, cue_end, trace))
            }) {
                let new: Vec<Item> = more
                    .into_iter()
                    .filter(|m| !items.iter().any(|it| it.indicator == m.indicator))
                    .collect();
                items.extend(new);
            }
            let told = told_after(n, paras, i, &items, (dict, pat), &foreign);
            for (span, more) in told {
                trace.note(n, span, true, || {
                    "the report's other targets, told after the first (报告还提出)".to_owned()
                });
                items.extend(more);
            }
            return (items, Some(i));
        }
    }
    if let Some((items, at)) = headline {
        return (items, Some(at));
    }
    // a page that opens after the cue (a report split across pages: 长7.5%
    // 左右；全社会固定资产投资增长12%左右；…\n实现上述目标，…): the paragraphs the
    // text then calls 上述目标 are the list; and the page's first figures,
    // when the work or the plan's heading follows them (做好今年的工作，要把握
    // 好以下几点; 二、2021年重点工作) and they are written as aims (左右, 以上,
    // 以内)
    let first_figures = paras
        .iter()
        .position(|&(s, e)| list::has_figure(n.text(s, e)));
    if let Some(j) = (1..paras.len()).find(|&j| {
        let (s, e) = paras[j];
        let t = n.text(s, e);
        list::refers_to_targets_above(t)
            || Some(j - 1) == first_figures
                && (list::turns_to_the_work(t) || is_heading(t) && lp.plan_heading.is_match(t))
                && aims_written(n.text(paras[j - 1].0, paras[j - 1].1))
    }) {
        // (a paragraph that quotes the nation's targets, 中央经济工作会议提出，
        // 今年国内生产总值增长8%左右, is none of the list)
        let reads = |k: usize| {
            let (s, e) = paras[k];
            !is_heading(n.text(s, e))
                && !foreign(n.text(s, e), false)
                && !crate::norm::sentences(n, s, e)
                    .into_iter()
                    .any(|(a, b)| foreign(n.text(a, b), false) && list::has_figure(n.text(a, b)))
                && !crate::sentence::read_sentence(n, s, e, dict, pat, Mode::Targets).is_empty()
        };
        let mut k = j;
        while k > 0 && j - k < list::MAX_LIST_PARAGRAPHS && reads(k - 1) {
            k -= 1;
        }
        if k < j {
            let items = read_at(k, paras[k].0, &mut Trace::off());
            if items.len() >= LIST_ABOVE_MIN {
                trace.note(n, (paras[k].0, paras[j - 1].1), true, || {
                    "the list the text then calls its targets (上述目标), its cue on a page before"
                        .to_owned()
                });
                return (items, Some(k));
            }
        }
    }
    (fallback(n, paras, plan, speaker, rules, trace), None)
}

/// The targets of a text with no cue: the forward-looking sentences that
/// state figures, in the plan part of a report with headings, or anywhere
/// in a text without them (a news report, a summary) when its target year
/// is known (a text with no year at all is read too, from the sentences
/// that name 今年 or 明年 themselves).
fn fallback(
    n: &Norm,
    paras: &[(usize, usize)],
    plan: Option<usize>,
    speaker: Speaker,
    rules: (&Dictionary, &Patterns, &LocatePatterns),
    trace: &mut Trace,
) -> Vec<Item> {
    let from = plan.unwrap_or(0);
    // (a news item with headings of its own, 二、大会主要内容, reports what was
    // said, 他说，…: it is read as news, not as a report's plan part)
    let structured = plan.is_some() && !reports_speech(n.text(0, n.len()));
    let items = forward_sentences(n, &paras[from..], speaker, structured, rules, trace);
    // a heading that opened no plan part (a news item's 重点工作 after a lead
    // that states the targets): the text before it is read as news
    if items.is_empty() && plan.is_some() {
        let items = forward_sentences(n, &paras[..from], speaker, false, rules, trace);
        return without_headlines_restated(n, paras, items, trace);
    }
    without_headlines_restated(n, paras, items, trace)
}

/// `items` without a headline's figure the body states again with its
/// qualifier (东莞今年GDP目标增百分之十 over …地区生产总值预期增长百分之十左右):
/// the body's is the target.
fn without_headlines_restated(
    n: &Norm,
    paras: &[(usize, usize)],
    items: Vec<Item>,
    trace: &mut Trace,
) -> Vec<Item> {
    let headline_end = |it: &Item| {
        paras
            .iter()
            .find(|&&(s, e)| s <= it.start && it.start < e)
            .filter(|&&(s, e)| is_heading(n.text(s, e)))
            .map(|&(_, e)| e)
    };
    let restated: Vec<bool> = items
        .iter()
        .map(|it| {
            headline_end(it).is_some_and(|end| {
                items
                    .iter()
                    .any(|x| x.start >= end && restates_qualified(it, x))
            })
        })
        .collect();
    items
        .into_iter()
        .zip(restated)
        .filter_map(|(it, restated)| {
            if restated {
                trace.note(n, (it.start, it.end), false, || {
                    "a headline's figure the body states again with its qualifier".to_owned()
                });
            }
            (!restated).then_some(it)
        })
        .collect()
}

/// Whether a text reports what someone said or what a reporter learnt (他说，,
/// 她表示：, 市长在报告中指出，, 记者从会上获悉，): a news item's words, which no
/// report uses of itself.
fn reports_speech(t: &str) -> bool {
    static SAID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"(?:他|她|[省市县区州旗]长)(?:在报告中)?(?:说|表示|指出|强调|介绍)[，：,:“]|记者[^，。；
]{0,12}(?:获悉|了解到)",
        )
    });
    // (asked once of a text with no cue, not of every sentence: no cheaper
    // test before the pattern's own)
    SAID.is_match(t)
}

/// How many paragraphs after a cue's a fuller list of the same targets is
/// looked for.
const FULLER_LIST_REACH: usize = 30;

/// The words that close a five-year plan's years (“十二五”末, 十三五期末).
const PLAN_END_WORDS: [&str; 4] = ["五”末", "五末", "五”期末", "五期末"];

/// The later sentences of a story that tell more of the report's targets
/// after the list (报告还提出，今年…; 在…方面，报告确定…; 报告明确，…), up to
/// the next heading (■ 重点工作): each sentence that sets aims (or goes on
/// after one in its paragraph), is not foreign, tells no work and names a
/// canonical indicator the list has not given, with those indicators.
fn told_after(
    n: &Norm,
    paras: &[(usize, usize)],
    i: usize,
    items: &[Item],
    (dict, pat): (&Dictionary, &Patterns),
    foreign: &dyn Fn(&str, bool) -> bool,
) -> Vec<((usize, usize), Vec<Item>)> {
    let mut out: Vec<((usize, usize), Vec<Item>)> = Vec::new();
    let last = items.iter().map(|it| it.end).max().unwrap_or(0);
    for &(s, e) in paras.iter().skip(i + 1).take(TOLD_REACH) {
        if e <= last {
            continue;
        }
        let t = n.text(s, e);
        // (a question between the story's paragraphs is no heading: a host's
        // 【主持人】今年的目标是不是偏高了？)
        if is_heading(t) && !t.ends_with(['？', '?']) {
            break;
        }
        // (most paragraphs tell none: the words first)
        if !t.contains("报告") && !t.contains("会议") {
            continue;
        }
        // (the sentences after a told one in its paragraph go on telling:
        // …报告确定，城镇居民人均可支配收入增长9%。就业方面，城镇登记失业率
        // 控制在4.5%以内。)
        let mut telling = false;
        for (a, b) in crate::norm::sentences(n, s.max(last), e) {
            let t = n.text(a, b);
            // (work told with its aims is no target: 报告还提出，今年要加快…，力争
            // …; 十方面实事：…; 实施重大项目300项)
            if !(telling || forward::sets_aims(t) || cites_the_report(t) && says_now(t))
                || TOLD_WORK_WORDS.iter().any(|w| t.contains(w))
                || foreign(t, false)
            {
                telling = false;
                continue;
            }
            let more: Vec<Item> = crate::sentence::read_sentence(n, a, b, dict, pat, Mode::Targets)
                .into_iter()
                .filter(|m| {
                    !items
                        .iter()
                        .chain(out.iter().flat_map(|o| &o.1))
                        .any(|it| it.indicator == m.indicator)
                })
                .collect();
            // (a sentence of non-standard figures alone tells work)
            telling = more
                .iter()
                .any(|m| baogao_model::is_canonical(&m.indicator));
            if telling {
                out.push(((a, b), more));
            }
        }
    }
    out
}

/// Whether a sentence opens by citing the report (按照报告，今年…; 根据政府
/// 工作报告，…; 据报告，…): with the coming year named, what follows is
/// the report's.
fn cites_the_report(t: &str) -> bool {
    let Some(i) = t.find("报告") else {
        return false;
    };
    let before = &t[..i];
    let clause = before
        .rsplit(['，', '。', '；', '”'])
        .next()
        .unwrap_or(before);
    clause.chars().count() <= CITED_REPORT_MAX
        && ["按照", "根据", "依据", "据"]
            .iter()
            .any(|w| clause.starts_with(w))
}

/// The longest opening before 报告 that cites it (根据政府工作, 按照市政府工作).
const CITED_REPORT_MAX: usize = 8;

/// How many paragraphs after a list's are read for more targets told.
const TOLD_REACH: usize = 6;

/// Words of work to be done in a sentence that tells it with its figures.
const TOLD_WORK_WORDS: [&str; 5] = ["力争", "争取", "实事", "项目", "工程"];

/// Whether `more` states every indicator `items` does, and others.
fn states_more(more: &[Item], items: &[Item]) -> bool {
    more.len() > items.len()
        && items
            .iter()
            .all(|it| more.iter().any(|m| m.indicator == it.indicator))
}
