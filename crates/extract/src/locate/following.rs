//! The paragraphs after a targets list's first, read while they go on with
//! it: group headings, numbered items with notes between them, a table copied
//! one cell a line, a sentence of prose under a bare heading — and where the
//! list ends, and why.

// Offsets into char slices (s, e, a, b) read best short in this module.
#![allow(clippy::many_single_char_names)]

use super::is_table_header;
use super::list::{
    ITEM_NOTE_LINES, MAX_LIST_LINES, MAX_LIST_PARAGRAPHS, ROW_NUMBER_MAX, counts_in_prose,
    ends_the_list, has_figure, is_dash_heading, is_group_heading, item_number, list_ends,
    names_a_measure, restates_a_listed,
};
use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::{Item, Mode};
use crate::norm::{Norm, sentences};
use crate::sentence;

/// A sentence's span, `[a, b)`.
type Span = (usize, usize);

/// The longest name of a table's row of a group (一、经济发展).
const GROUP_ROW_MAX: usize = 8;

/// The longest line of a list set one item a line (地方一般公共预算收入增长
/// 4%左右; 农村贫困人口减少60万以上), in chars.
const ITEM_LINE_MAX: usize = 40;

/// The words of a heading of the year's work (重点工作, 干好这些事, 民生实事):
/// a marked line so worded after a list heads what follows, not the list's.
use super::list::WORK_HEADS;

/// The bullet a line opens with: a symbol, not a number, a letter, a Han
/// char or an opening bracket (the marks of numbered items differ by their
/// numbers).
fn bullet(t: &str) -> Option<char> {
    t.chars()
        .next()
        .filter(|&c| !c.is_alphanumeric() && !c.is_whitespace() && !"（(【[「『“‘《〈".contains(c))
}

/// The kind of mark a marked line opens with: its first char, a number
/// standing for its kind (1., 一、), and after an opening bracket the kind of
/// what it brackets (（一）, (1)).
fn mark_kind(t: &str) -> (char, char) {
    let class = |c: char| {
        if c.is_ascii_digit() {
            '0'
        } else if "一二三四五六七八九十".contains(c) {
            '一'
        } else {
            c
        }
    };
    let mut chars = t.chars();
    let first = chars.next().map_or(' ', class);
    let second = if matches!(first, '（' | '(') {
        chars.next().map_or(' ', class)
    } else {
        ' '
    };
    (first, second)
}

/// The verbs a heading of the work opens with (扎实推进乡村振兴, 加快建设
/// 现代化产业体系): a bare line so opened after a list heads the work that
/// follows, where a qualitative target opens with what it measures
/// (金融财政风险有效防控).
const WORK_VERBS: &[&str] = &[
    "推进",
    "推动",
    "加快",
    "深化",
    "扎实",
    "全力",
    "坚持",
    "持续",
    "着力",
    "大力",
    "抓好",
    "实施",
    "打造",
    "建设",
    "做好",
    "加强",
    "强化",
    "促进",
    "统筹",
    "聚焦",
    "优化",
    "提升",
    "培育",
    "发展",
    "保障",
    "巩固",
    "扩大",
    "坚决",
    "全面",
    "切实",
    "奋力",
    "围绕",
    "突出",
    "落实",
    "狠抓",
    "千方百计",
    "积极",
    "不断",
    "更加",
    "用心",
    "着眼",
    "以",
];

/// What a step of the reading says of a paragraph.
enum Flow<T> {
    /// Not on the list, and not its end: read on.
    Skip,
    /// The list ended before it (the reason is noted).
    End,
    /// Go on with it.
    Go(T),
}

/// The reading of the paragraphs after a list's first.
pub(super) struct Following<'a> {
    n: &'a Norm,
    /// The paragraphs after the list's first.
    rest: &'a [Span],
    /// The first paragraph held no item, only the cue.
    lead_empty: bool,
    /// The text is written one sentence a line.
    one_sentence_lines: bool,
    rules: (&'a Dictionary, &'a Patterns),
    /// Whether a sentence looks back or beyond the year (its second
    /// argument: the sentence opens a paragraph).
    foreign: &'a dyn Fn(&str, bool) -> bool,
    header_skipped: bool,
    prose_skipped: bool,
    /// The number of the last numbered item read (1.地区生产总值增长6%以上。).
    last_item: Option<u32>,
    /// Whether the numbers stand on lines of their own (a table copied one
    /// cell a line, whose name cells come before their targets).
    table_rows: bool,
}

impl<'a> Following<'a> {
    /// A reading of `rest`, the paragraphs after a list's first
    /// (`lead_empty`: the first paragraph held no item, only the cue;
    /// `one_sentence_lines`: the text is written one sentence a line).
    pub(super) fn new(
        n: &'a Norm,
        rest: &'a [Span],
        (lead_empty, one_sentence_lines): (bool, bool),
        rules: (&'a Dictionary, &'a Patterns),
        foreign: &'a dyn Fn(&str, bool) -> bool,
    ) -> Self {
        Following {
            n,
            rest,
            lead_empty,
            one_sentence_lines,
            rules,
            foreign,
            header_skipped: false,
            prose_skipped: false,
            last_item: None,
            table_rows: false,
        }
    }

    /// Adds to `out` the items of the paragraphs while they go on with the
    /// list.
    pub(super) fn read_into(&mut self, out: &mut Vec<Item>, trace: &mut Trace) {
        let (n, rest) = (self.n, self.rest);
        // the paragraphs that held targets
        let mut listed = 0;
        for (ri, &(s, e)) in rest.iter().enumerate().take(MAX_LIST_LINES) {
            if listed == MAX_LIST_PARAGRAPHS {
                list_ends(trace, n, (s, e), "it has run its most paragraphs");
                break;
            }
            let (sents, first) = match self.paragraph(ri, out, trace) {
                Flow::Skip => continue,
                Flow::End => break,
                Flow::Go(read) => read,
            };
            out.extend(first);
            listed += 1;
            // (a row number on a line of its own stays the last number read)
            if let Some(k) = item_number(n.text(s, e)) {
                self.last_item = Some(k);
            }
            if !self.rest_of_paragraph(ri, &sents[1..], out, trace) {
                break;
            }
        }
    }

    /// The items of a sentence.
    fn read(&self, (a, b): Span) -> Vec<Item> {
        let (dict, pat) = self.rules;
        sentence::read_sentence(self.n, a, b, dict, pat, Mode::Targets)
    }

    /// Paragraph `ri`: its sentences from the first on the list, and that
    /// one's items, when the list goes on with it.
    fn paragraph(
        &mut self,
        ri: usize,
        out: &[Item],
        trace: &mut Trace,
    ) -> Flow<(Vec<Span>, Vec<Item>)> {
        let (mut sents, mut first) = match self.opening(ri, trace) {
            Flow::Go(read) => read,
            Flow::Skip => return Flow::Skip,
            Flow::End => return Flow::End,
        };
        // (the line the list is weighed at, a prose opening's too)
        let line = sents[0];
        if self.between_items(ri, line, &first, out) {
            return Flow::Skip;
        }
        if self.ends_before(line, &first, out, trace) {
            return Flow::End;
        }
        if first.is_empty() && self.lead_empty && out.is_empty() && !self.prose_skipped {
            match self.prose_opening(&mut sents, trace) {
                Flow::Go(items) => first = items,
                Flow::Skip => return Flow::Skip,
                Flow::End => return Flow::End,
            }
        }
        if self.a_marked_gap(ri, &first) {
            return Flow::Skip;
        }
        if self.an_aside_line(ri, &first, out) {
            trace.note(self.n, line, false, || {
                "a short aside on a line of its own; the list goes on after it".to_owned()
            });
            return Flow::Skip;
        }
        if self.not_more_of_the_list(ri, line, &first, out, trace) {
            return Flow::End;
        }
        Flow::Go((sents, first))
    }

    /// The sentences of paragraph `ri` and the items of the first that may
    /// hold some: a heading that groups the items (——关于经济发展类目标(13个)。,
    /// 民生改善方面：) opens its group, and the items follow it, on its line
    /// or the next.
    fn opening(&self, ri: usize, trace: &mut Trace) -> Flow<(Vec<Span>, Vec<Item>)> {
        let n = self.n;
        let (s, e) = self.rest[ri];
        let mut sents = sentences(n, s, e);
        let Some(&opening) = sents.first() else {
            return Flow::Skip;
        };
        // why the targets are what they are (提出这些目标，主要考虑是：地区生产
        // 总值增长5.5%左右，与全国增长目标基本衔接…) restates them; the work
        // that meets them (围绕上述目标，重点抓好以下几项工作：一是…力争…) sets
        // its own aims
        // (a table's header under the cue, 序号 目标任务 牵头单位 责任单位, names
        // its columns, not the work)
        if let Some(why) = ends_the_list(n.text(opening.0, opening.1))
            .filter(|_| !super::heads_a_table_as_written(n, opening))
        {
            list_ends(trace, n, opening, why);
            return Flow::End;
        }
        // the items of the paragraph's first sentence, read once
        let first = self.read(opening);
        // (an item that ends like a heading, 单位生产总值能耗完成国家下达的控制指标,
        // is read) (so does a dash-led summary the figures after it in its
        // paragraph state: ——经济保持平稳增长。地区生产总值增长7%左右，…)
        let heading = n.text(opening.0, opening.1);
        let sums_up = first.is_empty()
            && is_dash_heading(heading)
            && sents.len() > 1
            && has_figure(n.text(sents[1].0, e));
        // (a table's row of a group, 一、经济发展 with its cells empty, heads
        // the rows under it)
        let group_row = || {
            // (its empty cells' marks after it, to the line's end)
            let (a, b) = n.orig_range(opening.0, opening.1);
            n.src[a..]
                .iter()
                .take(b - a + GROUP_ROW_MAX)
                .take_while(|&&c| c != '\n')
                .any(|&c| matches!(c, '\t' | '|' | '｜'))
                && heading.split_once('、').is_some_and(|(k, name)| {
                    !k.is_empty()
                        && k.chars().all(|c| "一二三四五六七八九十".contains(c))
                        && (2..=GROUP_ROW_MAX).contains(&name.chars().count())
                        && name.chars().all(crate::norm::is_unified_han)
                })
        };
        if sums_up || first.is_empty() && (is_group_heading(heading) || group_row()) {
            sents.remove(0);
            let Some(&next) = sents.first() else {
                return Flow::Skip;
            };
            let first = self.read(next);
            return Flow::Go((sents, first));
        }
        Flow::Go((sents, first))
    }

    /// Whether the line `(a, b)` of paragraph `ri` stands between the items:
    /// a row number of a table copied one cell a line, a note under a
    /// numbered item (分管省领导：…, 部门分工：…) when the next item follows
    /// within a few paragraphs, a row's name cell when its target follows on
    /// the next line, the header row of a targets table under the cue.
    fn between_items(&mut self, ri: usize, (a, b): Span, first: &[Item], out: &[Item]) -> bool {
        let n = self.n;
        let line = n.text(a, b);
        if line.chars().all(|c| c.is_ascii_digit()) && b - a <= ROW_NUMBER_MAX {
            self.last_item = line.parse().ok();
            self.table_rows = true;
            return true;
        }
        if let Some(k) = self.last_item
            && first.is_empty()
            && (self.rest[ri + 1..]
                .iter()
                .take(ITEM_NOTE_LINES)
                .any(|&(s2, e2)| item_number(n.text(s2, e2)) == Some(k + 1))
                || self.table_rows
                    && self
                        .rest
                        .get(ri + 1)
                        .is_some_and(|&next| !self.read(next).is_empty()))
        {
            return true;
        }
        // (指标 | 2023年目标)
        if self.lead_empty && out.is_empty() && !self.header_skipped && is_table_header(line) {
            self.header_skipped = true;
            return true;
        }
        false
    }

    /// Whether the list ends before the line `(a, b)`: it looks back or
    /// beyond the year, or it counts in the prose under a heading.
    fn ends_before(&self, (a, b): Span, first: &[Item], out: &[Item], trace: &mut Trace) -> bool {
        let n = self.n;
        // (the first line of a list under a cue that ends in ： may name a plan
        // inside an item: 碳排放双控达到国家下达“十五五”目标任务的序时进度)
        if (self.foreign)(n.text(a, b), true) {
            list_ends(
                trace,
                n,
                (a, b),
                "a line that looks back or beyond the year",
            );
            return true;
        }
        // (…也是青岛实施“15个攻势”的开局之年: a count in the prose under the
        // heading names no measure)
        if self.lead_empty
            && out.is_empty()
            && !first.is_empty()
            && first.iter().all(|it| counts_in_prose(it, self.rules.0))
        {
            list_ends(
                trace,
                n,
                (a, b),
                "a count in prose, no measure, under the heading",
            );
            return true;
        }
        false
    }

    /// Under a bare heading (主要预期目标), one sentence of prose may open the
    /// list, on a line of its own or before the items (今年我市经济社会发展的
    /// 主要目标。生产总值增长13%；…): the items of the sentence after it, when
    /// it names the targets.
    fn prose_opening(&mut self, sents: &mut Vec<Span>, trace: &mut Trace) -> Flow<Vec<Item>> {
        let n = self.n;
        self.prose_skipped = true;
        let (a, b) = sents[0];
        let names_targets = ["目标", "指标"].iter().any(|w| n.text(a, b).contains(w));
        sents.remove(0);
        let Some(&(a2, b2)) = sents.first().filter(|_| names_targets) else {
            return Flow::Skip;
        };
        // (…开局之年，也是实现“十二五”规划目标的攻坚之年。“十二五”以来，…年均
        // 增长13.2%，到2015年…: the plan's, and the year's cue comes later)
        if (self.foreign)(n.text(a2, b2), true) {
            list_ends(
                trace,
                n,
                (a2, b2),
                "a line that looks back or beyond the year",
            );
            return Flow::End;
        }
        Flow::Go(self.read((a2, b2)))
    }

    /// Whether paragraph `ri` is a numbered or bulleted line with no target
    /// of its own (2.在持续大幅清费减负的同时；) in a list whose next marked
    /// line goes on: it does not end the list, unless it heads the year's
    /// work (📍今年重点干好这些事, ●重点工作).
    fn a_marked_gap(&self, ri: usize, first: &[Item]) -> bool {
        let (s, e) = self.rest[ri];
        let t = self.n.text(s, e);
        // (a heading set between two of one mark, ◆划重点◆, heads a part of
        // its own)
        first.is_empty()
            && !super::list::is_framed(t.trim())
            && !WORK_HEADS.iter().any(|w| t.contains(w))
            && !self.rest.get(ri + 1).is_some_and(|&(s2, e2)| {
                // (a line under a mark of its own, 🔴 今年重点干这些 between
                // ▶ items and ✔ items, heads another part)
                matches!((bullet(t), bullet(self.n.text(s2, e2))), (Some(x), Some(y)) if x != y)
            })
            && self.next_marked_item_goes_on(ri)
            && !self.marks_change_across(ri)
    }

    /// Whether the marked items on both sides of paragraph `ri` are marked
    /// differently (——地区生产总值增长7.5%左右 … 三、2016年计划的主要任务 …
    /// （一）…力争…): the line between them heads another part.
    fn marks_change_across(&self, ri: usize) -> bool {
        let n = self.n;
        let kind = |(s, e): Span| {
            (crate::norm::list_marker_len(&n.chars, s, e) > 0).then(|| mark_kind(n.text(s, e)))
        };
        let before = ri.checked_sub(1).and_then(|k| kind(self.rest[k]));
        let after = self.rest.get(ri + 1).and_then(|&x| kind(x));
        matches!((before, after), (Some(x), Some(y)) if x != y)
    }

    /// Whether paragraph `ri` is a short aside with no target between items
    /// set one a line, the line after it reading targets: an aside of effort
    /// (在实际工作中努力争取更好结果；) or a condition its comma leaves open (在持续
    /// 大幅清费减负的同时，\n一般公共预算收入降幅继续收窄；).
    fn an_aside_line(&self, ri: usize, first: &[Item], out: &[Item]) -> bool {
        if !first.is_empty() || out.is_empty() {
            return false;
        }
        let n = self.n;
        let (s, e) = self.rest[ri];
        let t = n.text(s, e).trim_end();
        let open = t.ends_with(['，', ',', '；', ';']) && super::list::is_short_aside(t);
        let item = |(s2, e2): Span| e2 - s2 <= ITEM_LINE_MAX;
        // (金融财政风险有效防控 between 地方一般公共预算收入增长4%左右 and 农村
        // 贫困人口减少60万以上: an item of a list set one a line, no target
        // of its own; not a heading, which is marked, ends in ： or opens
        // with a verb of the work)
        let bare = super::list::is_short_aside(t)
            && !t.contains(|c: char| "。，；：:;,".contains(c))
            && !WORK_VERBS.iter().any(|v| t.starts_with(v))
            // (nor a heading of the work: 2019年十件民生实事)
            && !WORK_HEADS.iter().any(|w| t.contains(w))
            && crate::norm::list_marker_len(&n.chars, s, e) == 0
            && ri > 0
            && item(self.rest[ri - 1])
            && self.rest.get(ri + 1).is_some_and(|&x| item(x));
        // (an infographic's mark on a line of its own, ▲, over each item)
        let mark_alone = t.chars().count() == 1 && crate::norm::list_marker_len(&n.chars, s, e) > 0;
        // (a photo's caption between two lines of the list: （图：…记者 李晨 摄）)
        let caption = super::list::is_photo_caption(t);
        (open || bare || mark_alone || caption || super::list::is_effort_aside(t))
            && self.rest.get(ri + 1).is_some_and(|&(s2, e2)| {
                !(self.foreign)(n.text(s2, e2), false) && self.opens_with_targets((s2, e2))
            })
    }

    /// Whether paragraph `ri`, whose first line `(a, b)` reads `first`, is no
    /// more of the list: it names a listed indicator again with its own
    /// figure, it reads no target, or (after a cue with items of its own) only
    /// non-standard ones.
    fn not_more_of_the_list(
        &self,
        ri: usize,
        (a, b): Span,
        first: &[Item],
        out: &[Item],
        trace: &mut Trace,
    ) -> bool {
        let (n, dict) = (self.n, self.rules.0);
        // (报告要求，…今年力争规上工业增加值增长10%…, under a list that set it at
        // 9%: the work's aim)
        // (a table's row: its cells' marks are in the text as written)
        let row = || n.orig_text(a, b).contains(['\t', '|', '｜']);
        if !self.one_sentence_lines && restates_a_listed(first, out, dict, row()) {
            list_ends(trace, n, (a, b), "it names a listed indicator again");
            return true;
        }
        let canonical = first
            .iter()
            .any(|it| baogao_model::is_canonical(&it.indicator));
        // (in a text written one sentence a line the next line is the list's
        // next sentence: a non-standard target goes on with it, as in a
        // paragraph — 常住和户籍人口城镇化率分别达到59%和49%。 — but not a work
        // section's aim, 提出要力争全年新增百亿企业10家)
        // (nor a task's count: 持续推进…等16个高速公路项目建设, 筛选40户企业)
        let (s, e) = self.rest[ri];
        let next_sentence = self.one_sentence_lines
            && !["力争", "提出", "争取", "推动", "实施"]
                .iter()
                .any(|w| n.text(s, e).contains(w))
            && first.iter().all(|it| names_a_measure(it, dict));
        if first.is_empty()
            || (!self.lead_empty
                && !canonical
                && !next_sentence
                && !self.between_short_items(ri, first))
        {
            let why = if first.is_empty() {
                "a line with no target"
            } else {
                "a paragraph of non-standard targets after the cue's"
            };
            list_ends(trace, n, (a, b), why);
            return true;
        }
        false
    }

    /// Adds the items of paragraph `ri`'s later sentences; `false` when a
    /// sentence with no target ends the list there. (Under a marked item
    /// whose next marked line goes on with the list, such a sentence explains
    /// the item — ——地区生产总值增长5%左右。这一目标与全国目标相衔接。 — and
    /// ends only the paragraph.)
    fn rest_of_paragraph(
        &self,
        ri: usize,
        sents: &[Span],
        out: &mut Vec<Item>,
        trace: &mut Trace,
    ) -> bool {
        for &next in sents {
            // (a later sentence about the past is not on the list: 去年全市
            // 生产总值增长9%左右 after the year's figures)
            if (self.foreign)(self.n.text(next.0, next.1), false) {
                continue;
            }
            let items = self.read(next);
            if items.is_empty() {
                if self.next_marked_item_goes_on(ri) {
                    trace.note(self.n, next, false, || {
                        "explains the marked item before it; the list goes on".to_owned()
                    });
                    return true;
                }
                list_ends(trace, self.n, next, "a sentence with no target");
                return false;
            }
            out.extend(items);
        }
        true
    }

    /// Whether paragraph `ri` is a marked item (——, 1., （一）…) and the next
    /// paragraph one too whose first sentence reads targets.
    fn next_marked_item_goes_on(&self, ri: usize) -> bool {
        let n = self.n;
        let marked = |(s2, e2): Span| crate::norm::list_marker_len(&n.chars, s2, e2) > 0;
        marked(self.rest[ri])
            && self
                .rest
                .get(ri + 1)
                .is_some_and(|&next| marked(next) && self.opens_with_targets(next))
    }

    /// Whether the first sentence of the paragraph `(s, e)` reads targets.
    /// Whether paragraph `ri`, reading only non-standard `first`, is an item
    /// of a list set one short item a paragraph whose next item reads a
    /// canonical target (an infographic's 研发经费投入强度\n达到1.3%, then
    /// 城镇新增就业\n45万人以上): the list goes on through it.
    fn between_short_items(&self, ri: usize, first: &[Item]) -> bool {
        let (n, dict) = (self.n, self.rules.0);
        let short = |(s, e): Span| e - s <= ITEM_LINE_MAX;
        let (s, e) = self.rest[ri];
        short((s, e))
            && !["力争", "提出", "争取", "推动", "实施"]
                .iter()
                .any(|w| n.text(s, e).contains(w))
            && first.iter().all(|it| names_a_measure(it, dict))
            && self.rest.get(ri + 1).is_some_and(|&(s2, e2)| {
                short((s2, e2))
                    && !(self.foreign)(n.text(s2, e2), false)
                    && sentences(n, s2, e2).first().is_some_and(|&x| {
                        self.read(x)
                            .iter()
                            .any(|it| baogao_model::is_canonical(&it.indicator))
                    })
            })
    }

    fn opens_with_targets(&self, (s, e): Span) -> bool {
        sentences(self.n, s, e)
            .first()
            .is_some_and(|&x| !self.read(x).is_empty())
    }
}
