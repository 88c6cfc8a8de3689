//! Reading a targets list from its cue on: the sentences of the cue's
//! paragraph, then the paragraphs that go on with it (bullets, numbered
//! items, a table copied one cell a line, group headings), and where and why
//! the list ends.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use super::is_table_header;
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
const MAX_LIST_LINES: usize = 4 * MAX_LIST_PARAGRAPHS;

/// The longest row number of a table copied one cell a line.
const ROW_NUMBER_MAX: usize = 3;

/// How many lines of notes (who leads, which office) may stand between two
/// numbered items of a targets list.
const ITEM_NOTE_LINES: usize = 3;

/// The number of a numbered list item (`2.地方一般公共预算收入…`, `3、…`).
pub(super) fn item_number(t: &str) -> Option<u32> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = &t[digits.len()..];
    // (or a row number on a line of its own: a table copied one cell a line)
    (!digits.is_empty() && (rest.starts_with(['.', '．', '、']) || rest.is_empty()))
        .then(|| digits.parse().ok())
        .flatten()
}

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
fn is_group_heading(t: &str) -> bool {
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
fn is_dash_heading(t: &str) -> bool {
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
    for (k, (a, b)) in sentences(n, from, e).into_iter().enumerate() {
        // a later sentence about the past, a deadline or a plan is not on
        // the list (…增长百分之十二。到二〇一二年地区生产总值要突破六千亿元)
        // (nor is a plan's deadline right after a cue that names the plan and
        // the year: 报告提出了“十二五”和今年的发展目标：到2015年，…。今年，…)
        let deadline_first = k == 0 && ["到20", "至20"].iter().any(|w| n.text(a, b).starts_with(w));
        if (k > 0 && !out.is_empty() || deadline_first) && foreign(n.text(a, b), false) {
            continue;
        }
        if k > 0 && turns_to_the_work(n.text(a, b)) {
            list_ends(
                trace,
                n,
                (a, b),
                "it turns to the work that meets the targets",
            );
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
    read_following(
        n,
        rest,
        (!any_in_first, one_sentence_lines),
        &mut out,
        (dict, pat),
        foreign,
        trace,
    );
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
    let next_point =
        |k: usize| own_sentence && is_point_number(n.chars[k]) && n.chars.get(k + 1) == Some(&'是');
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
    cs.next().is_some_and(is_point_number) && cs.next() == Some('是')
}

/// Whether `c` numbers a point in prose (the 一 of 一是).
fn is_point_number(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Whether a paragraph opens by explaining the targets set above it (提出
/// 这些目标，主要考虑是：; 上述目标，充分考虑了…; 上述目标均高于市下达的…的
/// 要求: another government's figures), not by turning to the work
/// that meets them (实现上述目标，要重点抓好以下工作).
fn explains_the_targets(t: &str) -> bool {
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
    // (after who says it: 他说，实现上述目标，要突出抓好…)
    let t = without_attribution(t);
    let opening = t.split(['，', '：', ',', ':']).next().unwrap_or(t);
    // (each has 目 or 任, asked first: a char search is cheap)
    let names_them = (opening.contains('目') || opening.contains('任'))
        && ["上述目标", "以上目标", "这些目标", "上述任务", "目标任务"]
            .iter()
            .any(|w| opening.contains(w));
    let lead = t.split(['：', ':']).next().unwrap_or(t);
    names_them && opening.chars().count() <= WORK_OPENING_MAX
        || lead.contains("以下") && lead.contains("工作") && !has_figure(lead)
}

/// `t` without a short opening clause that says who speaks (他说，, 市长表示，).
fn without_attribution(t: &str) -> &str {
    t.split_once('，')
        .filter(|(head, _)| {
            head.chars().count() <= ATTRIBUTION_MAX
                && ["说", "表示", "指出", "强调", "介绍"]
                    .iter()
                    .any(|w| head.ends_with(w))
        })
        .map_or(t, |(_, rest)| rest)
}

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
fn counts_in_prose(it: &Item, dict: &Dictionary) -> bool {
    !names_a_measure(it, dict)
        && it.figs.iter().all(|f| {
            f.unit
                .is_some_and(|u| ["个", "项", "件", "条", "家"].contains(&u))
        })
}

/// Whether `items` give a canonical indicator `listed` already holds
/// other figures (a headline repeated with the same figure is no other
/// aim).
fn restates_a_listed(items: &[Item], listed: &[Item]) -> bool {
    items.iter().any(|it| {
        !it.indicator.starts_with("other:")
            && listed.iter().any(|l| {
                l.indicator == it.indicator
                    && !it.figs.iter().all(|f| {
                        l.figs
                            .iter()
                            .any(|g| g.measure == f.measure && g.value == f.value)
                    })
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
    it.indicator
        .strip_prefix("other:")
        .is_none_or(|key| crate::names::looks_like_indicator(key, dict))
}

/// Why a paragraph that opens with `t` ends the list before it, if it does:
/// it explains the targets, gives a deputy's view of them, or turns to the
/// work that meets them.
fn ends_the_list(t: &str) -> Option<&'static str> {
    if explains_the_targets(t) {
        Some("it explains the targets")
    } else if voices_a_deputy(t) {
        Some("a deputy's or member's view")
    } else if turns_to_the_work(t) || lays_out_the_work(t) {
        Some("it turns to the work that meets the targets")
    } else {
        None
    }
}

/// Notes where a list ends and why (for `--explain`).
fn list_ends(trace: &mut Trace, n: &Norm, range: (usize, usize), why: &str) {
    trace.note(n, range, false, || format!("the list ends: {why}"));
}

/// The items of the paragraphs `rest` after a list's first paragraph, while
/// they go on with it (`lead_empty`: the first paragraph held no item, only
/// the cue; `one_sentence_lines`: the text is written one sentence a line),
/// added to `out`.
fn read_following(
    n: &Norm,
    rest: &[(usize, usize)],
    (lead_empty, one_sentence_lines): (bool, bool),
    out: &mut Vec<Item>,
    (dict, pat): (&Dictionary, &Patterns),
    foreign: &dyn Fn(&str, bool) -> bool,
    trace: &mut Trace,
) {
    let mut header_skipped = false;
    let mut prose_skipped = false;
    // the number of the last numbered item read (1.地区生产总值增长6%以上。)
    let mut last_item: Option<u32> = None;
    // whether the numbers stand on lines of their own (a table copied one
    // cell a line, whose name cells come before their targets)
    let mut table_rows = false;
    // the paragraphs that held targets
    let mut listed = 0;
    for (ri, &(s, e)) in rest.iter().enumerate().take(MAX_LIST_LINES) {
        if listed == MAX_LIST_PARAGRAPHS {
            list_ends(trace, n, (s, e), "it has run its most paragraphs");
            break;
        }
        let mut sents = sentences(n, s, e);
        let read =
            |(a, b): (usize, usize)| sentence::read_sentence(n, a, b, dict, pat, Mode::Targets);
        let Some(&opening) = sents.first() else {
            continue;
        };
        // why the targets are what they are (提出这些目标，主要考虑是：地区生产
        // 总值增长5.5%左右，与全国增长目标基本衔接…) restates them; the work
        // that meets them (围绕上述目标，重点抓好以下几项工作：一是…力争…) sets
        // its own aims
        if let Some(why) = ends_the_list(n.text(opening.0, opening.1)) {
            list_ends(trace, n, opening, why);
            break;
        }
        // the items of the paragraph's first sentence, read once
        let mut first = read(opening);
        // a heading that groups the items (——关于经济发展类目标(13个)。, 民生改善方面：)
        // opens its group: the items follow it, on its line or the next
        // (an item that ends like one, 单位生产总值能耗完成国家下达的控制指标, is read)
        // (so does a dash-led summary the figures after it in its paragraph
        // state: ——经济保持平稳增长。地区生产总值增长7%左右，…)
        let sums_up = first.is_empty()
            && is_dash_heading(n.text(opening.0, opening.1))
            && sents.len() > 1
            && has_figure(n.text(sents[1].0, e));
        if sums_up || first.is_empty() && is_group_heading(n.text(opening.0, opening.1)) {
            sents.remove(0);
            let Some(&next) = sents.first() else {
                continue;
            };
            first = read(next);
        }
        let (a, b) = sents[0];
        // a table copied one cell a line: its row numbers (1, 2, …) stand
        // between the items
        if n.text(a, b).chars().all(|c| c.is_ascii_digit()) && b - a <= ROW_NUMBER_MAX {
            last_item = n.text(a, b).parse().ok();
            table_rows = true;
            continue;
        }
        // a note under a numbered item (分管省领导：…, 部门分工：…) when the next
        // item follows within a few paragraphs; a row's name cell when its
        // target follows on the next line
        if let Some(k) = last_item
            && first.is_empty()
            && (rest[ri + 1..]
                .iter()
                .take(ITEM_NOTE_LINES)
                .any(|&(s2, e2)| item_number(n.text(s2, e2)) == Some(k + 1))
                || table_rows && rest.get(ri + 1).is_some_and(|&next| !read(next).is_empty()))
        {
            continue;
        }
        // the header row of a targets table (指标 | 2023年目标) under the cue
        if lead_empty && out.is_empty() && !header_skipped && is_table_header(n.text(a, b)) {
            header_skipped = true;
            continue;
        }
        // (the first line of a list under a cue that ends in ： may name a plan
        // inside an item: 碳排放双控达到国家下达“十五五”目标任务的序时进度)
        if foreign(n.text(a, b), true) {
            list_ends(
                trace,
                n,
                (a, b),
                "a line that looks back or beyond the year",
            );
            break;
        }
        // (…也是青岛实施“15个攻势”的开局之年: a count in the prose under the
        // heading names no measure)
        if lead_empty
            && out.is_empty()
            && !first.is_empty()
            && first.iter().all(|it| counts_in_prose(it, dict))
        {
            list_ends(
                trace,
                n,
                (a, b),
                "a count in prose, no measure, under the heading",
            );
            break;
        }
        // under a bare heading (主要预期目标), one sentence of prose may open the
        // list, on a line of its own or before the items (今年我市经济社会发展的
        // 主要目标。生产总值增长13%；…)
        if first.is_empty() && lead_empty && out.is_empty() && !prose_skipped {
            prose_skipped = true;
            let names_targets = ["目标", "指标"].iter().any(|w| n.text(a, b).contains(w));
            sents.remove(0);
            let Some(&(a2, b2)) = sents.first().filter(|_| names_targets) else {
                continue;
            };
            // (…开局之年，也是实现“十二五”规划目标的攻坚之年。“十二五”以来，…年均
            // 增长13.2%，到2015年…: the plan's, and the year's cue comes later)
            if foreign(n.text(a2, b2), true) {
                list_ends(
                    trace,
                    n,
                    (a2, b2),
                    "a line that looks back or beyond the year",
                );
                break;
            }
            first = read((a2, b2));
        }
        // a numbered or bulleted line with no target of its own (2.在持续大幅
        // 清费减负的同时；) does not end a list whose next marked line goes on
        let marked = |(s2, e2): (usize, usize)| crate::norm::list_marker_len(&n.chars, s2, e2) > 0;
        if first.is_empty()
            && marked((s, e))
            && rest.get(ri + 1).is_some_and(|&next| {
                marked(next)
                    && sentences(n, next.0, next.1)
                        .first()
                        .is_some_and(|&x| !read(x).is_empty())
            })
        {
            continue;
        }
        // a paragraph that names a listed indicator again with its own figure
        // (报告要求，…今年力争规上工业增加值增长10%…, under a list that set it at
        // 9%) is the work's aim, not more of the list
        if !one_sentence_lines && restates_a_listed(&first, out) {
            list_ends(trace, n, (a, b), "it names a listed indicator again");
            break;
        }
        let canonical = first.iter().any(|it| !it.indicator.starts_with("other:"));
        // (in a text written one sentence a line the next line is the list's
        // next sentence: a non-standard target goes on with it, as in a
        // paragraph — 常住和户籍人口城镇化率分别达到59%和49%。 — but not a work
        // section's aim, 提出要力争全年新增百亿企业10家)
        // (nor a task's count: 持续推进…等16个高速公路项目建设, 筛选40户企业)
        let next_sentence = one_sentence_lines
            && !["力争", "提出", "争取", "推动", "实施"]
                .iter()
                .any(|w| n.text(s, e).contains(w))
            && first.iter().all(|it| names_a_measure(it, dict));
        if first.is_empty() || (!lead_empty && !canonical && !next_sentence) {
            let why = if first.is_empty() {
                "a line with no target"
            } else {
                "a paragraph of non-standard targets after the cue's"
            };
            list_ends(trace, n, (a, b), why);
            break;
        }
        out.extend(first);
        listed += 1;
        // (a row number on a line of its own stays the last number read)
        if let Some(k) = item_number(n.text(s, e)) {
            last_item = Some(k);
        }
        let mut stop = false;
        for &next in &sents[1..] {
            // (a later sentence about the past is not on the list: 去年全市
            // 生产总值增长9%左右 after the year's figures)
            if foreign(n.text(next.0, next.1), false) {
                continue;
            }
            let items = read(next);
            if items.is_empty() {
                list_ends(trace, n, next, "a sentence with no target");
                stop = true;
                break;
            }
            out.extend(items);
        }
        if stop {
            break;
        }
    }
}
