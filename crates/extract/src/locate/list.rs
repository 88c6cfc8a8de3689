//! Reading a targets list from its cue on: the sentences of the cue's
//! paragraph, then the paragraphs that go on with it (bullets, numbered
//! items, a table copied one cell a line, group headings), and where and why
//! the list ends.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use super::following::Following;
use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::{Norm, sentences};
use crate::sentence;

/// How many paragraphs of targets a list after the cue's may hold (a
/// province lists up to about twenty indicators, one per line; every line
/// must read as targets for the list to go on).
pub(super) const MAX_LIST_PARAGRAPHS: usize = 24;

/// How many paragraphs of any kind a list may run over: a table copied one
/// cell a line spends four lines on a row (number, name, target, office).
pub(super) const MAX_LIST_LINES: usize = 4 * MAX_LIST_PARAGRAPHS;

/// The longest row number of a table copied one cell a line.
pub(super) const ROW_NUMBER_MAX: usize = 3;

/// How many lines of notes (who leads, which office) may stand between two
/// numbered items of a targets list.
pub(super) const ITEM_NOTE_LINES: usize = 3;

/// The longest part of a sentence without figures (to its ；, or a whole
/// sentence) that a run of the year's figures reads past
/// (在实际工作中努力争取更好结果；).
pub(crate) const ASIDE_MAX: usize = 20;

/// Whether `t` is short and has no figure: an aside a list may go on after.
pub(super) fn is_short_aside(t: &str) -> bool {
    !has_figure(t) && t.chars().count() <= ASIDE_MAX
}

/// Whether `t` is a short aside of effort with no figure (在实际工作中努力
/// 争取更好结果), which a list goes on after.
pub(super) fn is_effort_aside(t: &str) -> bool {
    is_short_aside(t) && ["争取", "努力", "更好"].iter().any(|w| t.contains(w))
}

/// Whether `t` is a news photo's caption on a line of its own (（图：省长作报告。
/// 大河网记者 李晨 摄）, 图为会议现场, …新华社发), which a list set out in the
/// story goes on after.
pub(super) fn is_photo_caption(t: &str) -> bool {
    let t = t.trim();
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
        .unwrap_or(t);
    t.chars().count() <= CAPTION_MAX
        && (["图：", "图:", "图为", "上图", "下图", "▲图"]
            .iter()
            .any(|w| inner.starts_with(w))
            || ["摄", "摄影", "供图", "社发"]
                .iter()
                .any(|w| inner.ends_with(w)))
}

/// The longest photo caption read as one.
const CAPTION_MAX: usize = 80;

/// Whether `t` is a short aim with no figure (金融财政风险有效防控,
/// 生态环境进一步改善) that a list cut by full stops may hold among its
/// targets: not the story going on (会议还听取了其他报告).
fn is_short_aim(t: &str) -> bool {
    is_short_aside(t) && !STORY_WORDS.iter().any(|w| t.contains(w))
}

/// Words of a story told around the targets, not of an aim: the meeting,
/// the report and who speaks.
const STORY_WORDS: [&str; 8] = [
    "会议", "会上", "报告", "听取", "审议", "代表", "表示", "指出",
];

/// The number of a numbered list item (`2.地方一般公共预算收入…`, `3、…`).
pub(super) fn item_number(t: &str) -> Option<u32> {
    // (in brackets too: （1）地区生产总值增长6%, 1）…)
    let opened = t.strip_prefix(['（', '(']);
    let t = opened.unwrap_or(t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    let closed = rest.starts_with(['）', ')']);
    // (or a row number on a line of its own: a table copied one cell a line)
    let marked = if opened.is_some() {
        closed
    } else {
        closed || rest.starts_with(['.', '．', '、']) || rest.is_empty()
    };
    (!digits.is_empty() && marked)
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether `before` (a line up to a plan it names) ends on a verb that meets
/// the plan's target (完成“十四五”…, 达到国家下达的“十四五”…).
pub(super) fn meets_the_plans_target(before: &str) -> bool {
    let from = before
        .char_indices()
        .rev()
        .nth(PLAN_VERB_REACH - 1)
        .map_or(0, |(i, _)| i);
    ["完成", "达到", "实现", "下达"]
        .iter()
        .any(|w| before[from..].contains(w))
}

/// How many chars before a plan's name its verb is looked for.
const PLAN_VERB_REACH: usize = 8;

/// A word of [`super::LocatePatterns::not_this_year`] that names a plan
/// (十五五, 五年, 三年, 行动计划, 规划纲要) rather than the past or a later year.
pub(super) fn is_plan_word(w: &str) -> bool {
    w.starts_with('十') || matches!(w, "五年" | "三年" | "行动计划" | "规划纲要")
}

/// The longest field named before a colon that groups the items of a
/// targets list (民生改善：).
const FIELD_HEADING_MAX: usize = 8;

/// The longest heading that groups the items of a targets list.
const GROUP_HEADING_MAX: usize = 24;

/// A heading that groups the items of a targets list under it
/// (`——关于经济发展类目标（13个）。`, `（二）民生改善方面：`, `社会发展指标`): short,
/// with no figure of its own, naming a kind of targets or a field.
pub(super) fn is_group_heading(t: &str) -> bool {
    // a field named before a colon (民生改善：, 绿色发展:)
    let field = t.ends_with(['：', ':']) && {
        let name = t.trim_end_matches(['：', ':']);
        (2..=FIELD_HEADING_MAX).contains(&name.chars().count())
            && name.chars().all(crate::norm::is_unified_han)
    };
    let t = t.trim_end_matches(['。', '：', ':', '；', ' ']);
    // a numbered kind of targets (（二）对外开放目标。)
    let numbered_kind = t.ends_with("目标")
        && t.chars().count() <= FIELD_HEADING_MAX + 4
        && (t.starts_with(['（', '(']) || t.chars().nth(1) == Some('、'));
    field
        || numbered_kind
        || (t.chars().count() <= GROUP_HEADING_MAX
            && !t.contains(['%', '‰'])
            && !t.contains("百分之")
            && ["类目标", "类指标", "方面", "领域", "指标"]
                .iter()
                .any(|w| {
                    t.ends_with(w) || t.contains(&format!("{w}（")) || t.contains(&format!("{w}("))
                }))
}

/// A dash-led sentence short enough to head a group of targets
/// (——人民生活持续改善。), with no figure of its own.
pub(super) fn is_dash_heading(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('—').or_else(|| t.strip_prefix("--")) else {
        return false;
    };
    let rest = rest.trim_start_matches(['—', '-']);
    rest.chars().count() <= GROUP_HEADING_MAX && !has_figure(rest)
}

/// Whether `t` states a figure: a digit that is not part of a date
/// (2010年, 1月22日), a per cent sign, or 百分之.
pub(super) fn has_figure(t: &str) -> bool {
    if t.contains(['%', '‰']) || t.contains("百分之") {
        return true;
    }
    let mut run = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            run = true;
        } else {
            if run && !matches!(c, '年' | '月' | '日' | '届' | '次') {
                return true;
            }
            run = false;
        }
    }
    run
}

/// Whether a text is written one sentence a line (a page that puts every
/// sentence in a `<p>` of its own): nearly all of its lines that end a
/// sentence hold just one.
pub(super) fn sentence_lines(n: &Norm, paras: &[(usize, usize)]) -> bool {
    let (mut ending, mut single) = (0usize, 0usize);
    for &(s, e) in paras {
        let t = n.text(s, e);
        if t.ends_with('。') {
            ending += 1;
            single += usize::from(t.matches('。').count() == 1);
        }
    }
    ending >= SENTENCE_LINES_MIN && single * 10 >= ending * 9
}

/// The fewest sentence lines that make a layout of one sentence a line.
const SENTENCE_LINES_MIN: usize = 5;

/// Items from `from` to the end of paragraph `pi`, then following paragraphs
/// while they continue the list (where and why the list ends is traced).
pub(super) fn read_block(
    n: &Norm,
    (paras, one_sentence_lines): (&[(usize, usize)], bool),
    (pi, from): (usize, usize),
    (dict, pat): (&Dictionary, &Patterns),
    foreign: &dyn Fn(&str, bool) -> bool,
    trace: &mut Trace,
) -> Vec<Item> {
    let mut out = Vec::new();
    let (_, e) = paras[pi];
    let mut ended = false;
    let mut any_in_first = false;
    let sents = sentences(n, from, e);
    for (k, &(a, b)) in sents.iter().enumerate() {
        // a later sentence about the past, a deadline or a plan is not on
        // the list (…增长百分之十二。到二〇一二年地区生产总值要突破六千亿元)
        // (nor is a plan's deadline right after a cue that names the plan and
        // the year: 报告提出了“十二五”和今年的发展目标：到2015年，…。今年，…)
        let deadline_first = k == 0 && ["到20", "至20"].iter().any(|w| n.text(a, b).starts_with(w));
        if (k > 0 && !out.is_empty() || deadline_first) && foreign(n.text(a, b), false) {
            continue;
        }
        // (…以内。上述目标与全市8%的预期目标相衔接，…力争新引进世界500强企业
        // 3家: a sentence on the targets, then the work's aims)
        // (a table's header under the cue, 序号 目标任务 牵头单位 责任单位, names
        // its columns, not the work)
        let why = if turns_to_the_work(n.text(a, b)) {
            Some("it turns to the work that meets the targets")
        } else if explains_the_targets(n.text(a, b)) {
            Some("it explains the targets")
        } else {
            None
        }
        .filter(|_| !super::heads_a_table_as_written(n, (a, b)));
        if k > 0
            && let Some(why) = why
        {
            list_ends(trace, n, (a, b), why);
            ended = true;
            break;
        }
        let items = sentence::read_sentence(n, a, b, dict, pat, Mode::Targets);
        if items.is_empty() {
            // one opening sentence of prose (经济保持平稳健康发展。) may precede the figures
            if k == 0 && out.is_empty() {
                continue;
            }
            // (nor does a point's summary with its figures after it: …。二是结构
            // 调整取得新进展。非煤产业增加值增长18%…)
            if opens_a_point(n.text(a, b)) && b < e && has_figure(n.text(b, e)) {
                continue;
            }
            // (nor a short aside of effort with the list going on after it:
            // …增长5%左右。在实际工作中努力争取更好结果。一般公共预算收入增长5%。)
            // (or a short aim of no figure among the list's sentences:
            // …增长7%。金融财政风险有效防控。农村贫困人口减少60万以上。)
            if (is_effort_aside(n.text(a, b)) || !out.is_empty() && is_short_aim(n.text(a, b)))
                && sents.get(k + 1).is_some_and(|&(a2, b2)| {
                    !foreign(n.text(a2, b2), false)
                        && !sentence::read_sentence(n, a2, b2, dict, pat, Mode::Targets).is_empty()
                })
            {
                trace.note(n, (a, b), false, || {
                    "a short aside; the list goes on after it".to_owned()
                });
                continue;
            }
            list_ends(trace, n, (a, b), "a sentence with no target");
            ended = true;
            break;
        }
        any_in_first = true;
        out.extend(items);
    }
    if ended {
        return out;
    }
    // the list continues in the next paragraphs (bullets, or a cue ending in ：)
    let rest = &paras[(pi + 1).min(paras.len())..];
    Following::new(
        n,
        rest,
        (!any_in_first, one_sentence_lines),
        (dict, pat),
        foreign,
    )
    .read_into(&mut out, trace);
    let summaries: Vec<bool> = out
        .iter()
        .map(|it| sums_up_its_point(n, it, &out))
        .collect();
    out.into_iter()
        .zip(summaries)
        .filter_map(|(it, summary)| (!summary).then_some(it))
        .collect()
}

/// Whether a target without a figure only sums up the point it opens, whose
/// figure for the same indicator follows it (一是经济保持平稳较快增长，地区生产总值
/// 增长10%以上，…；): a target stated twice, kept at its figure.
fn sums_up_its_point(n: &Norm, it: &Item, all: &[Item]) -> bool {
    if it.figs.iter().any(|f| f.value.is_some()) {
        return false;
    }
    let before: String = n.chars[it.start.saturating_sub(2)..it.start]
        .iter()
        .collect();
    let dash = before.ends_with("——");
    if !dash && !opens_a_point(&before) {
        return false;
    }
    // (a dash-led point runs to its line's end: ——经济保持平稳增长。地区生产总值
    // 增长7%左右，…)
    // (so does a point whose summary is a sentence of its own: 一是经济保持平稳
    // 较快增长。地区生产总值增长12%左右，…。二是…)
    let own_sentence = n.chars.get(it.end) == Some(&'。');
    let next_point = |k: usize| {
        own_sentence && crate::norm::is_cn_numeral(n.chars[k]) && n.chars.get(k + 1) == Some(&'是')
    };
    let point_end = (it.end + 1..n.chars.len())
        .find(|&k| {
            n.chars[k] == '\n'
                || next_point(k)
                || !dash && !own_sentence && matches!(n.chars[k], '；' | '。')
        })
        .unwrap_or(n.chars.len());
    all.iter().any(|o| {
        o.indicator == it.indicator
            && o.start >= it.end
            && o.start < point_end
            && o.figs.iter().any(|f| f.value.is_some())
    })
}

/// Whether `t` opens a numbered point of a list in prose (一是, 二是, …).
fn opens_a_point(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next().is_some_and(crate::norm::is_cn_numeral) && cs.next() == Some('是')
}

/// Whether a paragraph opens by explaining the targets set above it (提出
/// 这些目标，主要考虑是：; 上述目标，充分考虑了…; 上述目标均高于市下达的…的
/// 要求: another government's figures), not by turning to the work
/// that meets them (实现上述目标，要重点抓好以下工作).
fn explains_the_targets(t: &str) -> bool {
    // (asked of every sentence after a list's first: the char first)
    if !t.contains('标') {
        return false;
    }
    let head: String = t.chars().take(RATIONALE_REACH).collect();
    ["这些目标", "上述目标", "以上目标", "这些指标", "上述指标"]
        .iter()
        .any(|w| head.contains(w))
        && t.split('。').next().is_some_and(|s| {
            ["考虑", "高于", "低于", "衔接", "体现", "相比"]
                .iter()
                .any(|w| s.contains(w))
        })
}

/// Whether a sentence opens by turning from the targets to the work that
/// meets them (围绕上述目标，重点抓好以下几项工作：; 为实现上述目标，要…).
/// Whether a paragraph opens by naming the targets stated above it (实现上述
/// 目标，…; 提出这些目标，主要考虑是…).
pub(super) fn refers_to_targets_above(t: &str) -> bool {
    if !t.contains("目标") && !t.contains("指标") {
        return false;
    }
    let opening = t.split(['，', '：', ',', ':']).next().unwrap_or(t);
    opening.chars().count() <= WORK_OPENING_MAX
        && [
            "上述目标",
            "以上目标",
            "这些目标",
            "上述预期目标",
            "上述指标",
        ]
        .iter()
        .any(|w| opening.contains(w))
        || explains_the_targets(t)
}

pub(super) fn turns_to_the_work(t: &str) -> bool {
    if opens_with_a_work_heading(t) {
        return true;
    }
    // (after who says it: 他说，实现上述目标，要突出抓好…; a live report's
    // [09:28] 赵建新：今年要重点做好以下工作：…)
    let t = without_attribution(without_speaker(t));
    let opening = t.split(['，', '：', ',', ':']).next().unwrap_or(t);
    // (each has 目 or 任, asked first: a char search is cheap)
    let names_them = (opening.contains('目') || opening.contains('任'))
        && ["上述目标", "以上目标", "这些目标", "上述任务", "目标任务"]
            .iter()
            .any(|w| opening.contains(w))
        && !heads_the_years_targets(opening);
    let lead = t.split(['：', ':']).next().unwrap_or(t);
    // (重点做好以下工作：, 今年要重点抓好八个方面工作：, 实现今年的目标，要
    // 着力抓好八个方面的工作：, 报告对2009年工作作了部署：)
    // (not a cue that names the targets: 做好今年工作，主要预期目标是：)
    let heads_the_work = lead.contains("工作")
        && (lead.contains("以下")
            || lead.len() < t.len()
                && (["方面", "抓好", "做好"].iter().any(|w| lead.contains(w))
                    // (its work laid out, not a deployment that goes on to
                    // state figures: …进行安排部署,并提出:)
                    || lead.ends_with("部署"))
                && !["目标是", "目标为", "目标如下"]
                    .iter()
                    .any(|w| lead.contains(w)));
    names_them && opening.chars().count() <= WORK_OPENING_MAX || heads_the_work && !has_figure(lead)
}

/// Words of a heading over the year's work, not its targets (重点工作,
/// 📍今年重点干好这些事, 民生实事, 为民办实事, 十件惠民实事).
pub(super) const WORK_HEADS: [&str; 5] = ["重点工作", "重点干好", "这些事", "实事", "重点任务"];

/// Whether `t` opens with a bracketed heading of the work (【2022年重点任务】,
/// 【民生实事】): what follows it is the work's, not the targets.
pub(super) fn opens_with_a_work_heading(t: &str) -> bool {
    let bracketed = t.strip_prefix('【').and_then(|h| h.split_once('】'));
    // (or a line framed by one mark, ━━━ 2024年 重点工作 ━━━)
    let heading = bracketed
        .map(|(h, _)| h)
        .or_else(|| is_framed(t.trim()).then_some(t));
    heading.is_some_and(|h| WORK_HEADS.iter().any(|w| h.contains(w)))
}

/// Whether a line is a heading framed by one mark on both sides (◆划重点◆,
/// ━━━ 2024年 重点工作 ━━━).
pub(super) fn is_framed(t: &str) -> bool {
    let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else {
        return false;
    };
    t.chars().count() > 2
        && first == last
        && !crate::norm::is_unified_han(first)
        && !first.is_alphanumeric()
}

/// Whether an opening clause only heads the year's targets (2013年目标任务,
/// 今年主要目标任务): the year and the words, no verb of the work that meets
/// them (完成全年目标任务).
fn heads_the_years_targets(opening: &str) -> bool {
    let Some(head) = opening.strip_suffix("目标任务") else {
        return false;
    };
    let head = head.strip_suffix("主要").unwrap_or(head);
    let head = head.strip_suffix("年度").unwrap_or(head);
    let year = head
        .strip_suffix('年')
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    head.is_empty() || year || ["今年", "全年", "明年"].contains(&head)
}

/// `t` without a short opening clause that says who speaks (他说，, 市长表示，,
/// 报告同时提出，) or whence it is heard (据了解，).
pub(super) fn without_attribution(t: &str) -> &str {
    t.split_once('，')
        .filter(|(head, _)| {
            head.chars().count() <= ATTRIBUTION_MAX
                && (["说", "表示", "指出", "强调", "介绍", "提出"]
                    .iter()
                    .any(|w| head.ends_with(w))
                    // (hearsay: 据了解，据悉，)
                    || head.starts_with('据'))
        })
        .map_or(t, |(_, rest)| rest)
}

/// `t` without a live report's or an interview's opening that says when or
/// who speaks: a time ([09:28]，9:28 ) and a short name before a colon
/// (赵建新：, 市长：) that names no targets or work.
fn without_speaker(t: &str) -> &str {
    let t = &t[crate::norm::leading_clock_len(t).unwrap_or(0)..];
    t.split_once('：')
        .filter(|(head, _)| {
            (2..=SPEAKER_NAME_MAX).contains(&head.chars().count())
                && head.chars().all(crate::norm::is_unified_han)
                && !["目标", "指标", "工作", "任务", "今年", "明年", "要求", "是"]
                    .iter()
                    .any(|w| head.contains(w))
        })
        .map_or(t, |(_, rest)| rest)
}

/// The longest name before a colon read as a speaker's (欧阳建新：).
const SPEAKER_NAME_MAX: usize = 4;

/// The longest clause that says who speaks (市长李柳身说).
const ATTRIBUTION_MAX: usize = 8;

/// Whether a paragraph after the list lays out the year's work point by
/// point (报告对2015年的重点工作作了部署：一是…力争…): a news report's turn
/// from the targets to the work, whose 力争 aims are no targets.
fn lays_out_the_work(t: &str) -> bool {
    let Some((lead, rest)) = t.split_once(['：', ':']) else {
        return false;
    };
    let work = [
        "重点工作",
        "主要工作",
        "工作重点",
        "重点任务",
        "主要任务",
        "部署",
    ]
    .iter()
    .any(|w| lead.contains(w));
    let points = ["一是", "一、", "（一）", "(一)", "1."]
        .iter()
        .any(|w| rest.starts_with(w));
    work && points && !has_figure(lead) && !lead.contains("目标") && !lead.contains("指标")
}

/// Whether a paragraph opens with a deputy's or a member's view (代表们认为，…;
/// 来自神木县的代表李某说：“…我县今年…目标是增长25%。”): a news report's
/// commentary on the targets, not more of them (代表市政府作报告 is the
/// speaker, acting for the government).
fn voices_a_deputy(t: &str) -> bool {
    let opening = t.split(['，', '：', ',', ':']).next().unwrap_or(t);
    names_a_deputy(opening)
        && ["认为", "说", "表示", "建议", "谈到"]
            .iter()
            .any(|w| opening.contains(w))
}

/// Whether `t` names a deputy or a member of a congress (代表, 委员), not
/// a speaker acting for the government (代表市政府).
pub(super) fn names_a_deputy(t: &str) -> bool {
    ["代表", "委员"].iter().any(|w| {
        t.match_indices(w).any(|(i, _)| {
            let after: String = t[i + w.len()..].chars().take(GOVERNMENT_REACH).collect();
            !after.contains("政府")
        })
    })
}

/// How far after 代表 the government it acts for is named (代表市人民政府).
const GOVERNMENT_REACH: usize = 6;

/// Whether an item is a count in prose (实施“15个攻势”): a figure of things
/// counted, under no name of a measure.
pub(super) fn counts_in_prose(it: &Item, dict: &Dictionary) -> bool {
    !names_a_measure(it, dict)
        && it.figs.iter().all(|f| {
            f.unit
                .is_some_and(|u| ["个", "项", "件", "条", "家"].contains(&u))
        })
}

/// Whether `items` give a canonical indicator's series (by `dict`) that
/// `listed` already holds with other figures (a headline repeated with the
/// same figure is no other aim).
pub(super) fn restates_a_listed(
    items: &[Item],
    listed: &[Item],
    dict: &Dictionary,
    rows: bool,
) -> bool {
    items.iter().any(|it| {
        baogao_model::is_canonical(&it.indicator)
            && listed.iter().any(|l| {
                l.indicator == it.indicator
                    && !it.figs.iter().all(|f| {
                        l.figs
                            .iter()
                            .any(|g| g.measure == f.measure && g.value == f.value)
                    })
                    // (in a table, of one measure: 生产总值 | 亿元 | 3950 then
                    // 生产总值增长 | % | 8.5左右, two rows, are one list)
                    && (!rows
                        || it
                            .figs
                            .iter()
                            .any(|f| l.figs.iter().any(|g| g.measure == f.measure)))
                    // (another series of it is more of the list: 城镇登记失业率
                    // 控制在4%以内, 城镇调查失业率控制在5.5%左右)
                    && dict.series_of(&l.indicator, &l.raw_name)
                        == dict.series_of(&it.indicator, &it.raw_name)
            })
    })
}

/// The longest opening clause that turns to the work (围绕上述目标, 为实现
/// 上述目标): longer, it says more than that.
const WORK_OPENING_MAX: usize = 12;

/// How far into a paragraph (chars) the words that explain the targets are
/// looked for.
const RATIONALE_REACH: usize = 12;

/// Whether an item is named as a measure: a canonical indicator, or a
/// non-standard name that reads as one (not a task: 推进…等16个项目).
pub(super) fn names_a_measure(it: &Item, dict: &Dictionary) -> bool {
    baogao_model::other_name(&it.indicator)
        .is_none_or(|key| crate::names::looks_like_indicator(key, dict))
}

/// Why a paragraph that opens with `t` ends the list before it, if it does:
/// it explains the targets, gives a deputy's view of them or someone's
/// proposal or wish for a figure (网友：我建议把…目标定在8%以上), or turns to the
/// work that meets them.
pub(super) fn ends_the_list(t: &str) -> Option<&'static str> {
    if explains_the_targets(t) {
        Some("it explains the targets")
    } else if voices_a_deputy(t) {
        Some("a deputy's or member's view")
    } else if super::forward::proposes(t) {
        Some("someone's proposal for a figure")
    } else if super::forward::wishes(t) {
        // (a live report's reader: 网友留言：希望今年GDP目标能到8%)
        Some("someone's wish for a figure")
    } else if turns_to_the_work(t) || lays_out_the_work(t) {
        Some("it turns to the work that meets the targets")
    } else if super::forward::is_work_aim(t) {
        // (报告还说，要抓住…机遇，全力推进…，力争…突破400亿元)
        Some("work to do, then what it aims at (力争)")
    } else {
        None
    }
}

/// Notes where a list ends and why (for `--explain`).
pub(super) fn list_ends(trace: &mut Trace, n: &Norm, range: (usize, usize), why: &str) {
    trace.note(n, range, false, || format!("the list ends: {why}"));
}
