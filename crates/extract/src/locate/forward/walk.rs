//! The walk over a text's sentences that takes the coming year's figures:
//! what each sentence is read as ([`Sentence`]), whose figures it states
//! ([`Walk::not_the_speakers`]), and what the sentence before leaves open for
//! it ([`Run`]).

// Offsets into char slices (a, b) read best short in this module.
#![allow(clippy::many_single_char_names)]

use super::looks::Looks;
use super::{
    aims_of, estimates, figures_of_a_higher_area, is_work_aim, names_its_aims, opens_with_a_period,
    own_after_another, proposes, quotes_a_higher_report, quotes_another_government, reject,
    reports_progress, sets_aims, speculates, subject_of_turn, weighs_the_target,
};
use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::Item;
use crate::locate::list::{ASIDE_MAX, has_figure, item_number, turns_to_the_work};
use crate::locate::region::Paragraphs;
use crate::locate::{LocatePatterns, Speaker, says_now};
use crate::norm::Norm;
use baogao_model::Level;
use rustc_hash::FxHashSet as HashSet;

/// What the text is, read before the walk: its paragraphs' bounds, the
/// headlines that state aims, the lists of projects, and who speaks.
pub(super) struct Text<'a> {
    pub(super) n: &'a Norm,
    pub(super) looks: Looks<'a>,
    pub(super) speaker: Speaker,
    /// A full report (with a plan's part or a targets cue), not news prose.
    pub(super) structured: bool,
    pub(super) rules: (&'a Dictionary, &'a Patterns, &'a LocatePatterns),
    pub(super) para_starts: HashSet<usize>,
    pub(super) para_ends: HashSet<usize>,
    /// The paragraphs that are headlines stating an aim.
    pub(super) headline_aims: Vec<usize>,
    /// The paragraphs of a list of projects for the people.
    pub(super) projects: HashSet<usize>,
    /// In a news item that rounds up several places' reports, the place a
    /// paragraph opens with, when it is another than the reporting one.
    pub(super) places: Paragraphs<'a>,
    /// Where the paragraphs open that follow a section's heading (【关键词
    /// 一：增长】).
    pub(super) section_opens: HashSet<usize>,
    /// The sections state the year's targets first: each section's opening
    /// sentence is read as the year's.
    pub(super) sections_state_targets: bool,
}

impl Text<'_> {
    /// Whether the sentence, in a text that is not a full report, writes
    /// its figures as aims ([`super::super::aims_in`]: 左右, 以上, a range,
    /// 与经济增长同步) often enough to look ahead with no word that says so.
    fn writes_aims(&self, s: &Sentence<'_>) -> bool {
        s.figures
            && !self.structured
            && super::super::aims_in(s.t) >= super::super::AIMS_THAT_LOOK_AHEAD
    }
}

/// What the sentences read so far leave open for the next one.
#[derive(Default)]
pub(super) struct Run {
    /// The groups of figures taken, one per run of sentences.
    pub(super) groups: Vec<Vec<Item>>,
    /// The sentence before was taken: this one may go on with it.
    continuing: bool,
    /// A sentence of the run whose figure's name is not read (在财政收入方面，
    /// 预计增长15%。) holds it open for the next, if that one states a
    /// canonical indicator (同时，城镇居民…将分别增长9%和10%。).
    held: bool,
    /// The paragraph whose first sentence looks back.
    past_para: Option<usize>,
    /// A sentence that announces the aims without a figure (展望2010年发展目标，
    /// …; 我们把准方向，明确目标，再出发！) lends its look ahead to the next one.
    announced: bool,
    /// The announcement named the coming year itself (今年的目标是：,
    /// 【新年愿景】), which the sentence it lends to need not name again.
    announced_now: bool,
    /// A sentence about the past goes on past its ；: what follows it in the
    /// same sentence looks back too unless it names the coming year.
    past_sentence: bool,
    /// A sentence that turns to the work goes on past its ；.
    in_work: bool,
    /// The number the next item of a numbered list taken here would have: it
    /// goes on with the list past a note without figures (1.地区生产总值增长
    /// 13.5%。主办单位：市发改委。2.财政一般预算收入增长18%。).
    next_item: Option<u32>,
    /// The start of the sentence before when it looked back and went on past
    /// its ； (2023年…地区生产总值预计增长4.7%左右；2024年预期目标增长5%左右):
    /// the subject of a nameless figure that turns to the coming year.
    back_before: Option<usize>,
    /// The paragraph a part of the year opens (1-5月，全市经济运行总体平稳。规模
    /// 以上工业增加值增长9.1%；…): its sentences tell progress.
    progress_para: Option<usize>,
    /// A section's opening sentence was taken.
    pub(super) section_taken: bool,
}

/// One sentence as the walk reads it: the part about the coming year and
/// what that part names.
struct Sentence<'t> {
    /// The paragraph.
    pi: usize,
    /// Where the whole sentence starts.
    whole: usize,
    /// The part read, `[a, b)`, and its text.
    a: usize,
    b: usize,
    t: &'t str,
    /// Why the part still looks back, if it does.
    back: Option<String>,
    /// The number of the list item the sentence opens, when it opens its
    /// paragraph with one.
    item: Option<u32>,
    figures: bool,
    year_named: bool,
    /// It names the coming year (今年, 全年, the target year).
    names_now: bool,
    /// Words naming its figures as targets stood in it before the
    /// normalisation dropped them (生产总值增长的预期目标为9%).
    glued_aim: bool,
    /// It ends with 。！？ or its paragraph (not ；).
    ends: bool,
    /// It quotes another government's target before the speaker's own.
    quotes: bool,
    /// It turns to the work that meets the targets (or goes on with one that
    /// did).
    work: bool,
    /// It goes on past ； from a sentence about the past.
    carried: bool,
}

/// The walk: the text, and the run of sentences read so far.
pub(super) struct Walk<'a> {
    pub(super) text: Text<'a>,
    pub(super) run: Run,
}

impl<'a> Walk<'a> {
    /// Reads the sentence `[whole, b)` of paragraph `pi`, taking its figures
    /// or noting why not.
    pub(super) fn step(&mut self, pi: usize, (whole, b): (usize, usize), trace: &mut Trace) {
        let subject_from = std::mem::take(&mut self.run.back_before);
        let held_open = std::mem::take(&mut self.run.held);
        // (a section that states the year's targets first opens a run of them)
        if self.text.sections_state_targets && self.text.section_opens.contains(&whole) {
            self.run.continuing = true;
        }
        let Some(s) = self.read(pi, (whole, b)) else {
            return;
        };
        self.run.past_sentence = !s.ends && ((s.carried && !s.names_now) || s.back.is_some());
        self.run.in_work = s.work && !s.ends;
        // (a paragraph that turns to the coming year is about it from there:
        // 2023年，…称号。2024年，该县将…。力争实现地区生产总值增长10%以上，…)
        if s.names_now && self.run.past_para == Some(pi) {
            self.run.past_para = None;
        }
        if let Some(why) = self.not_the_speakers(&s) {
            reject(self.text.n, trace, (s.a, s.b), s.figures, || why);
            self.run.continuing = false;
            return;
        }
        self.weigh(&s, (subject_from, held_open), trace);
        // (a paragraph about the past that turns to the aims a report sets,
        // …全面回顾了2025年工作。报告提出，全市生产总值增长5%以上；一般公共预算
        // 收入增长2%, is about them from there)
        if self.run.continuing && self.run.past_para == Some(pi) {
            self.run.past_para = None;
        }
    }

    /// The sentence `[whole, b)` as read for the coming year; `None` for
    /// punctuation alone (以内?; split into ？ and ；), which neither states nor
    /// breaks.
    fn read(&mut self, pi: usize, (whole, b): (usize, usize)) -> Option<Sentence<'a>> {
        let text = &self.text;
        let n: &'a Norm = text.n;
        let sentence = n.text(whole, b);
        if !sentence.chars().any(char::is_alphanumeric) {
            return None;
        }
        let (lp, year_word) = (text.looks.lp, text.looks.year_word);
        let carried = self.run.past_sentence;
        // (in a run of the year's figures, a figure compared with last year's
        // is the coming year's: 1. 生产总值同比增长6%左右。2. 固定资产投资同比增长7%。,
        // the next item of a numbered list taken too)
        let next_item = self.run.next_item.is_some()
            && text.para_starts.contains(&whole)
            && item_number(sentence) == self.run.next_item;
        // (and a headline that states an aim: 市区居民人均可支配收入同比增长10%以上)
        let ahead = self.run.announced
            || self.run.continuing
            || next_item
            || text.headline_aims.contains(&pi);
        let (part, back) = text.looks.part_about_now(sentence, ahead);
        // (in a run of the coming year's figures, an estimate goes on with
        // them: 在财政收入方面，预计增长15%)
        let back = back.filter(|_| {
            !(self.run.continuing && text.looks.only_an_estimate(&sentence[part.clone()]))
        });
        let a = whole + sentence[..part.start].chars().count();
        let b = whole + sentence[..part.end].chars().count();
        let t = &sentence[part];
        let item = text
            .para_starts
            .contains(&whole)
            .then(|| item_number(t))
            .flatten();
        if back.is_none() && item.is_some() && item == self.run.next_item {
            self.run.continuing = true;
        }
        // (二〇一〇年 as written in Chinese digits too)
        let year_named = year_word
            .is_some_and(|w| t.contains(w) || crate::year::with_digit_years(t).contains(w));
        let figures = has_figure(t);
        let names_now = says_now(t) || year_named;
        let ends = matches!(n.chars[b - 1], '。' | '！' | '？') || text.para_ends.contains(&b);
        // another government's target, then the speaker's own in one sentence
        // (全国今年GDP增长目标是7.5%，我们综合考虑…，提出今年全市地区生产总值增长
        // 12%，…): the clauses from the speaker's own on
        let quotes = quotes_another_government(t, lp, text.speaker.level);
        let (a, t, quotes) = match quotes.then(|| own_after_another(t, lp)).flatten() {
            Some(k) => (a + t[..k].chars().count(), &t[k..], false),
            None => (a, t, quotes),
        };
        // (the work that meets the targets, 围绕上述目标，重点抓好以下几项工作：
        // 一是…力争…；二是…, sets aims of its own to the sentence's end)
        let work = self.run.in_work || turns_to_the_work(t);
        Some(Sentence {
            pi,
            whole,
            a,
            b,
            t,
            back,
            item,
            figures,
            year_named,
            names_now,
            glued_aim: n.aim_glued_in(a, b),
            ends,
            quotes,
            work,
            carried,
        })
    }

    /// Why the sentence's figures are not the speaker's coming-year targets,
    /// if they are not: it goes on about the past, it turns to the work, it
    /// quotes another government or someone's proposal or guess, it reports
    /// progress over part of the year, it lists projects, or its paragraph is
    /// about another place.
    fn not_the_speakers(&mut self, s: &Sentence<'_>) -> Option<String> {
        let (t, pi, run) = (s.t, s.pi, &mut self.run);
        let text = &mut self.text;
        let opens_para = text.para_starts.contains(&s.whole);
        if s.carried && !s.names_now {
            return Some("goes on with a sentence about the past (after ；)".to_owned());
        }
        // (…全面总结了2021年工作，并对2022年的工作进行了部署。他说，地区生产总值增长
        // 8%以上，固定资产投资增长8%以上: figures written as aims turn to them)
        if run.past_para == Some(pi)
            && !s.names_now
            && !text.writes_aims(s)
            && !names_its_aims(t)
            && !sets_aims(t)
        {
            return Some("goes on with a paragraph about the past".to_owned());
        }
        if s.work {
            return Some("the work that meets the targets, with aims of its own".to_owned());
        }
        if s.quotes {
            return Some("another government's targets (before the cue)".to_owned());
        }
        if let Some(w) = quotes_a_higher_report(t, text.speaker.place, text.speaker.level) {
            return Some(format!("a higher government's report quoted (`{w}`)"));
        }
        // (a sentence without figures quotes none: asked first, as it is cheap)
        if s.figures && super::quotes_the_premiers_report(t, text.speaker.level) {
            return Some("the State Council's report quoted (总理…报告提出)".to_owned());
        }
        // (国家确定的今年经济增长预期目标为5%左右: the nation's beside the speaker's;
        // 全省今年地区生产总值增长目标为5%左右 in a city's or county's text)
        if text.rules.2.quotes_the_nations_set(t, text.speaker.level) {
            return Some("the nation's targets quoted (国家确定…)".to_owned());
        }
        if LocatePatterns::opens_with_the_province(t, text.speaker.level) {
            return Some("the province's targets in a lower government's text (全省…)".to_owned());
        }
        if figures_of_a_higher_area(t, text.speaker.place, text.speaker.level) {
            return Some("a higher government's area (全市 in a district's text)".to_owned());
        }
        if proposes(t) {
            return Some("someone's proposal for a figure (建议…设在), not the target".to_owned());
        }
        // (在红花岗区代表团，代表们说，全区今年提出地区生产总值增长13%: a
        // deputy's own district in a city's story)
        if deputy_for_a_lower_one(t, text.speaker.level) {
            return Some("a deputy's own lower government (代表…全区 in a city's text)".to_owned());
        }
        if speculates(t) {
            return Some("a guess at a figure (或将, 有望, 可能), not a target set".to_owned());
        }
        if super::counts_the_deputies(t) {
            return Some("the deputies counted (到会…人, 符合法定人数), not a target".to_owned());
        }
        // (代表们认为，今年全省地区生产总值增长8%左右的目标积极稳妥: a view of
        // the target the report sets)
        if weighs_the_target(t) {
            return Some("an opinion on the target (代表们认为…的目标)".to_owned());
        }
        // (预计全年地区生产总值增长6%左右: the year just ended, estimated)
        if estimates(t) {
            return Some("an estimate (预计…), not a target set".to_owned());
        }
        let progress = run.progress_para == Some(pi) && !names_its_aims(t)
            // (a sentence without a figure measures nothing against a target)
            || if s.figures {
                reports_progress(t)
            } else {
                opens_with_a_period(t)
            };
        if progress {
            if run.progress_para != Some(pi) && opens_para && opens_with_a_period(t) {
                run.progress_para = Some(pi);
            }
            // (a paragraph that opens with results measured against the targets
            // is a review)
            if opens_para {
                run.past_para = Some(pi);
            }
            return Some("progress over part of the year (上半年, 完成全年目标的52%)".to_owned());
        }
        if text.projects.contains(&pi) {
            return Some("a list of projects for the people (民生实事), not targets".to_owned());
        }
        text.places
            .another(pi)
            .map(|place| format!("another place's targets (a paragraph on `{place}`)"))
    }

    /// Takes the figures of a sentence that is the speaker's own, when it
    /// looks ahead (or goes on with a run that does) and reads a canonical
    /// indicator with a figure; `subject_from`: where the sentence before
    /// started when it looked back past its ；, `held_open`: whether the run
    /// was held open for this one.
    fn weigh(
        &mut self,
        s: &Sentence<'_>,
        (subject_from, held_open): (Option<usize>, bool),
        trace: &mut Trace,
    ) {
        let (text, run) = (&self.text, &mut self.run);
        let (n, (_, _, lp)) = (text.n, text.rules);
        let (a, b, t) = (s.a, s.b, s.t);
        // (in a news text, figures written as aims, 增长6%左右，…控制在3%以内,
        // look ahead whatever words lead into them: 他说，地区生产总值增长6%左右，…)
        let names_ahead = s.glued_aim
            || lp.forward.is_match(t)
            || s.year_named
            || text.headline_aims.contains(&s.pi)
            || text.writes_aims(s);
        // (an announcement lends its look ahead to the next sentence only: a
        // sentence about the past after it takes it too)
        let lent = std::mem::take(&mut run.announced);
        let lent_now = std::mem::take(&mut run.announced_now) && lent;
        // with no target year known, only a sentence that names the coming
        // year itself opens a group (报告 or 目标 alone may be any year's)
        // (or states what a report or session set as aims: 报告提出…目标)
        // (or follows an announcement that named it)
        let forward = (names_ahead || lent)
            && (text.looks.target_year.is_some()
                || s.names_now
                || lent_now
                || sets_aims(t)
                || s.glued_aim
                || names_its_aims(t));
        if let Some(why) = &s.back {
            reject(n, trace, (a, b), s.figures, || why.clone());
            if n.chars[b - 1] == '；' {
                run.back_before = Some(s.whole);
            }
            // (a paragraph that opens looking back, 全市地区生产总值3065.5亿元，增长
            // 10%，完成年初确定的…, goes on about the past until it names the
            // coming year: …单位生产总值能耗下降5.1%，完成省下达的目标任务。)
            if text.para_starts.contains(&s.whole) {
                run.past_para = Some(s.pi);
            }
            run.continuing = false;
            return;
        }
        // (a lead-in without figures that ends with a colon passes the look
        // ahead it was lent on to the list it opens: 展望2010年发展目标，…；要借势
        // 发展，确保：\n——生产总值增长12%，)
        let passes_on = lent && !s.figures && t.trim_end().ends_with('：');
        if names_ahead && !s.figures || passes_on {
            run.announced = true;
            run.announced_now =
                names_ahead && (s.names_now || t.contains("新年")) || passes_on && lent_now;
        }
        // after the year's targets, a sentence that names work to do and then
        // what it aims at (今年云南将集中精力抓项目，千方百计增投资，力争规模以上
        // 固定资产投资7100亿元以上) states a work section's aim
        if !run.groups.is_empty() && is_work_aim(t) {
            trace.note(n, (a, b), false, || {
                "a work aim after the year's targets (work, then 力争)".to_owned()
            });
            run.continuing = false;
            return;
        }
        // 力争 marks the aims of a work section in a full report
        if !(run.continuing || held_open) && (!forward || text.structured && super::says_lizheng(t))
        {
            reject(n, trace, (a, b), s.figures, || {
                if forward {
                    "a work section's aim (力争) in a full report".to_owned()
                } else {
                    "names neither the coming year nor a target or plan".to_owned()
                }
            });
            run.continuing = false;
            return;
        }
        let mut items = aims_of(n, (a, b), text.rules);
        // 去年…地区生产总值增长6%，今年预期增长6.5%左右: the coming year's figure
        // whose name is the past clause's subject
        let subject_at = if a > s.whole {
            Some(s.whole)
        } else {
            subject_from
        };
        if let Some(from) = subject_at
            && let Some(it) = subject_of_turn(n, (from, a, b), &items, text.rules)
        {
            items.insert(0, it);
        }
        let states = items.iter().any(|it| {
            baogao_model::is_canonical(&it.indicator) && it.figs.iter().any(|f| f.value.is_some())
        });
        // (a run reads on past no count of projects for the people, 今年还将
        // 实施民生实事项目20项, nor past a section's opening that names no
        // canonical indicator after words of the work, 要深入实施乡村振兴战略，
        // 建成特色田园乡村5个)
        let canonical = items
            .iter()
            .any(|it| baogao_model::is_canonical(&it.indicator));
        let opens_section = text.section_opens.contains(&s.whole);
        if !canonical
            && (opens_section && text.sections_state_targets && work_before_the_figures(t)
                // (every word of projects has 实 or 工: asked first)
                || t.contains(['实', '工'])
                    && crate::sentence::PROJECT_WORDS.iter().any(|w| t.contains(w)))
        {
            reject(n, trace, (a, b), s.figures, || {
                "no canonical indicator: projects or a section's work".to_owned()
            });
            run.continuing = false;
            return;
        }
        // (a short aside without figures inside a sentence the run is reading,
        // 确保地区生产总值增长6%左右；在实际工作中努力争取更好结果；一般公共预算
        // 收入增长5%, leaves the run open, as a clause between commas would; a
        // passage on the work, …积极探索；打造粤澳特别合作区；, ends it)
        if items.is_empty()
            && run.continuing
            && !s.figures
            && !s.ends
            && t.chars().count() <= ASIDE_MAX
        {
            return;
        }
        if items.is_empty() || !run.continuing && !states {
            reject(n, trace, (a, b), s.figures, || {
                "reads no canonical indicator with a figure".to_owned()
            });
            run.held = run.continuing && s.figures;
            run.continuing = false;
            return;
        }
        let goes_on = run.continuing || held_open;
        trace.note(n, (a, b), true, || {
            if goes_on {
                "continues the sentence before it".to_owned()
            } else {
                "a forward-looking sentence with figures (no targets cue in the text)".to_owned()
            }
        });
        run.section_taken |= opens_section;
        match run.groups.last_mut() {
            Some(g) if goes_on => g.extend(items),
            _ if goes_on && !(text.sections_state_targets && opens_section) => {}
            _ => run.groups.push(items),
        }
        run.continuing = true;
        if let Some(k) = s.item {
            run.next_item = Some(k + 1);
        }
    }
}

/// Whether a deputy speaks in `t` of a government below the speaker's by
/// its 全 word (全区, 全县 in a city's text; 全镇, 全乡 in a county's).
fn deputy_for_a_lower_one(t: &str, level: Option<Level>) -> bool {
    // (asked of every sentence weighed: the deputy first, named in few)
    if !t.contains("代表") {
        return false;
    }
    let (lower, units): (&[&str], &[char]) = match level {
        Some(Level::City) => (&["全区", "全县"], &['区', '县']),
        Some(Level::County) => (&["全镇", "全乡"], &['镇', '乡']),
        _ => return false,
    };
    // (or of its deputation: 汇川区的代表则表示，汇川今年力争…)
    let deputation = || {
        t.match_indices("代表").any(|(i, _)| {
            let before = t[..i].strip_suffix('的').unwrap_or(&t[..i]);
            before.ends_with(units)
        })
    };
    (lower.iter().any(|w| t.contains(w)) || deputation()) && crate::locate::list::names_a_deputy(t)
}

/// Whether a clause with no figure that is no lead-in (报告提出, 他说) comes
/// before the first figure of `t`: the work the figures count
/// (要深入实施乡村振兴战略，建成特色田园乡村5个).
fn work_before_the_figures(t: &str) -> bool {
    t.split(['，', '：'])
        .take_while(|c| !has_figure(c))
        .any(|c| !LEAD_IN_ENDS.iter().any(|w| c.ends_with(w)))
}

/// How a clause that attributes what follows ends (报告提出, 市长表示).
const LEAD_IN_ENDS: [&str; 9] = [
    "提出", "指出", "表示", "明确", "介绍", "获悉", "说", "强调", "据悉",
];
