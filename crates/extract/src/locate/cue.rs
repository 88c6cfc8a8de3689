//! The targets cue of a paragraph (主要预期目标是：, 会议提出, 【今年目标】):
//! where it is, and why a match is not the coming year's own — a question,
//! a lead about the past or a plan, another government's targets, a year
//! other than the target year, results measured against the targets.

// Offsets into char slices (s, e, a) read best short in this module.
#![allow(clippy::many_single_char_names)]

use super::{
    GLUED_FIRST_NAMES, LocatePatterns, NOW_WORDS, OWN_WORDS, clause_names_now, forward,
    is_plan_word, sentence_start,
};
use crate::explain::Trace;
use crate::norm::Norm;
use baogao_model::Level;

/// How many chars before a cue the words of a round-up are looked for
/// (苏州各县级市2007年主要预期目标).
const ROUND_UP_REACH: usize = 16;

/// Words by which a lead sets several places' targets side by side.
const ROUND_UP_WORDS: [&str; 6] = ["各地", "各市", "各县", "各省", "各区县", "各县市"];

/// How far before a cue the target year may open its heading
/// (2023年全市经济社会发展预期目标).
const GLUED_HEADING_REACH: usize = 16;

/// How many chars after a `指标` cue its first item is read for a bound.
const FIRST_ITEM_REACH: usize = 30;

/// Words by which the clause of a cue names a firm or an institution as the
/// one whose goals follow (集团今年的主要目标是, 公司2020年工作目标是).
const FIRM_WORDS: [&str; 6] = ["集团", "公司", "银行", "学校", "医院", "本厂"];

/// How many chars before a department's 局, 厅 or 委 the place that owns it
/// (市商务局, 省财政厅, 市发改委) is looked for.
const DEPARTMENT_REACH: usize = 6;

/// The department a cue's clause names as the one whose goals follow
/// (市商务局, 县农业农村局, 省商务厅, 市经委): a place, then at most
/// `DEPARTMENT_REACH` chars, then 局, 厅 or 委 that is not the end of
/// another word (格局, 大局, 布局, 开局, 结局, 当局) nor a party committee
/// (市委).
fn department(clause: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = clause.char_indices().collect();
    chars.iter().enumerate().find_map(|(k, &(at, c))| {
        if !matches!(c, '局' | '厅' | '委') || k == 0 {
            return None;
        }
        // (a place's party committee, 市委, 县委, is no department: its
        // targets are the place's)
        if c == '委' && matches!(chars[k - 1].1, '省' | '市' | '县' | '区' | '州' | '党') {
            return None;
        }
        if matches!(
            chars[k - 1].1,
            '格' | '大' | '布' | '开' | '结' | '当' | '全'
        ) {
            return None;
        }
        let from = k.saturating_sub(DEPARTMENT_REACH + 1);
        let place =
            (from..k - 1).find(|&j| matches!(chars[j].1, '省' | '市' | '县' | '区' | '州'))?;
        Some(&clause[chars[place].0..at + c.len_utf8()])
    })
}

/// How many chars after a `指标` cue the words before its first figure are
/// read for an aim's word (力争), past a preamble (按照…的原则和…要求，).
const AIM_WORD_REACH: usize = 80;

/// The words of growth that make the clause before a cue a target of its
/// own (生产总值增长目标是…, 物价涨幅目标为…).
const GROWTH_BEFORE_CUE: [&str; 4] = ["增长", "增速", "增幅", "涨幅"];

/// End (normalised index) of a valid targets cue in paragraph `[s, e)`.
pub(super) fn cue_in(
    n: &Norm,
    (s, e): (usize, usize),
    (target_year, level): (Option<i32>, Option<Level>),
    lp: &LocatePatterns,
    trace: &mut Trace,
) -> Option<usize> {
    // (a heading with a pictograph after it, 🎯2025年主要预期目标👇: read
    // without it)
    let whole = n.text(s, e);
    let t = whole.trim_end_matches(is_pointer);
    // char offsets of the matches, counted incrementally (linear in the paragraph)
    let (mut byte, mut chars) = (0, 0);
    for m in lp.cue.find_iter(t) {
        chars += t[byte..m.start()].chars().count();
        let cue = Cue::at(n, (s, s + chars), m.as_str(), target_year);
        chars += m.as_str().chars().count();
        byte = m.end();
        let span = (cue.a, cue.end);
        if let Some(why) = cue
            .not_the_years(n, e, (target_year, level), lp)
            .or_else(|| cue.not_dated_now(n, e, target_year, lp))
        {
            trace.note(n, span, false, || {
                format!("targets cue `{}` rejected: {why}", cue.text)
            });
            continue;
        }
        trace.note(n, span, true, || format!("targets cue `{}`", cue.text));
        return Some(cue.list_start(n, lp));
    }
    None
}

/// Whether `c` may point at what follows a line (👇, ⬇️, ↓, ▶) or space it:
/// an arrow, a dingbat, an emoji, a variation selector.
fn is_pointer(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F300..=0x1FAFF | 0xFE0F)
        || c.is_whitespace()
}

/// A match of the cue pattern in its sentence.
struct Cue<'t> {
    /// Where its sentence (or its glued heading) starts.
    a: usize,
    /// Where the match starts and the cue ends (before a first item's name
    /// glued to it).
    start: usize,
    end: usize,
    /// The match as written.
    text: &'t str,
    /// The sentence up to the cue's end, `[a, end)`: what both checks read.
    lead: &'t str,
    /// The sentence up to the cue's end with a heading glued before its
    /// year (【链接】苏州各县级市2007年主要预期目标).
    sentence: &'t str,
}

impl<'t> Cue<'t> {
    /// The cue matched as `text` at `start` in the paragraph starting at `s`.
    fn at(
        n: &'t Norm,
        (s, start): (usize, usize),
        text: &'t str,
        target_year: Option<i32>,
    ) -> Self {
        // (a heading glued to the list under it, 主要预期目标地区生产总值增长…,
        // ends before the first item's name)
        let glued = GLUED_FIRST_NAMES
            .iter()
            .find(|w| text.ends_with(*w))
            .map(|w| w.chars().count())
            .or_else(|| text.ends_with(['●', '■', '◆', '▲', '★', '•']).then_some(1));
        let end = start + text.chars().count() - glued.unwrap_or(0);
        // the sentence up to the cue
        let mut a = sentence_start(n, s, start);
        let sentence = n.text(a, end);
        // (a heading that names the target year, glued to the text before it:
        // …均居全国第二2023年预期目标●… starts at its year)
        if let Some(y) = target_year {
            let year_word = format!("{y}年");
            let lead = n.text(a, start);
            if let Some(i) = lead.rfind(&year_word)
                && lead[i..].chars().count() <= GLUED_HEADING_REACH
                && !lead[i..].contains(['，', '：'])
            {
                a += lead[..i].chars().count();
            }
        }
        Cue {
            a,
            start,
            end,
            text,
            lead: n.text(a, end),
            sentence,
        }
    }

    /// Why the cue does not announce the coming year's targets of the
    /// reporting government, if it does not: it asks a question, its lead
    /// looks back or at a plan, it names another government or a lower one,
    /// it sums up results, or it shows no sign of the year's main targets.
    fn not_the_years(
        &self,
        n: &Norm,
        e: usize,
        (target_year, level): (Option<i32>, Option<Level>),
        lp: &LocatePatterns,
    ) -> Option<String> {
        let (end, cue, lead) = (self.end, self.text, self.lead);
        let names_year = |t: &str| target_year.is_some_and(|y| t.contains(&format!("{y}年")));
        // a question (今年荣成经济发展的目标是什么？) asks for the targets its
        // answer states
        let after = n.text(end, e.min(end + 3));
        if ["什么", "多少", "哪些", "怎样", "如何"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            return Some("a question".to_owned());
        }
        // a five-year plan named beside the coming year (今年是“十五五”开局之年，
        // 全省…主要预期目标是：) does not make the targets the plan's; the past does
        let plan_beside_now = lp
            .not_this_year
            .find_iter(lead)
            .all(|w| is_plan_word(w.as_str()))
            && (lead.contains("今年") || names_year(lead));
        // a lead that names the coming year first may look back in a condition
        // before the cue's clause (今年，我们将在巩固上年成果的基础上，努力实现以下
        // 目标：): only the cue's own clause must not look back
        let names_now_first = NOW_WORDS.iter().any(|w| lead.starts_with(w))
            || target_year.is_some_and(|y| lead.starts_with(&format!("{y}年")));
        // …or weighs a plan among its considerations (综合考虑“十四五”规划目标、
        // 经济恢复基础和发展潜力，全市…主要预期目标建议为：)
        let weighs_first = ["综合考虑", "统筹考虑", "考虑到"]
            .iter()
            .any(|w| lead.starts_with(w));
        let looked = if names_now_first || weighs_first {
            lead.rsplit('，').next().unwrap_or(lead)
        } else {
            lead
        };
        // (a table's header is read to its target column: the columns after
        // it, 2013年比上年增长（%）, “十二五”规划目标, are other columns, no look
        // back or ahead)
        let looked = target_column_start(cue, target_year)
            .and_then(|k| target_column_end(cue, k))
            .and_then(|k| looked.find(cue).map(|at| &looked[..at + k]))
            .unwrap_or(looked);
        // targets of the nation or of the province quoted in a lower report
        if let Some(w) = lp.not_this_year.find(looked).filter(|_| !plan_beside_now) {
            return Some(format!(
                "the lead names `{}` (past, another year or a plan)",
                w.as_str()
            ));
        }
        // 根据中央…确定的目标，…，我区…的预期目标是: the clause that carries the
        // cue names the reporting government itself
        let clause = lead.rsplit('，').next().unwrap_or(lead);
        let own = OWN_WORDS.iter().any(|w| clause.contains(w));
        // 全面建设社会主义现代化国家, 国家级: the nation as an aim or a rank,
        // not as the government whose targets follow
        if let Some(w) = lp.another_government(if own { clause } else { lead }, level) {
            return Some(format!("another government's targets (`{w}`)"));
        }
        // (记者梳理了苏南五市人代会，各地…预期目标如下: several places' targets
        // side by side, a round-up's table)
        // (near the cue: a page that lost its breaks runs a review's 全省各县
        // 市区…排名 into the heading)
        let reach = cue.chars().count() + ROUND_UP_REACH;
        let near = &self.sentence[self
            .sentence
            .char_indices()
            .rev()
            .nth(reach - 1)
            .map_or(0, |(i, _)| i)..];
        if let Some(w) = ROUND_UP_WORDS.iter().find(|w| near.contains(*w)) {
            return Some(format!("several places' targets side by side (`{w}`)"));
        }
        if LocatePatterns::quotes_the_province(lead, level) {
            return Some("the province's targets quoted in a lower report (`全省`)".to_owned());
        }
        // (集团今年的主要目标是…: a firm's, a bank's or a school's own goals)
        if let Some(w) = FIRM_WORDS.iter().find(|w| clause.contains(*w)) {
            return Some(format!("a firm's or an institution's own goals (`{w}`)"));
        }
        // (市商务局今年的工作目标是…: a department's own goals in a notice
        // that assigns the report's tasks)
        if let Some(w) = department(clause) {
            return Some(format!("a department's own goals (`{w}`)"));
        }
        if LocatePatterns::speaks_for_a_lower_one(lead, level) {
            return Some(
                "a lower government's targets quoted (我县 in a city's report)".to_owned(),
            );
        }
        // 主要经济指标：… sums up a year's results; only 预期指标 and 计划指标
        // announce targets
        // (…发展的主要指标是：地区生产总值增长5.5%左右，: a first item bounded
        // as only an aim is, 左右, 以上, 以内 or a range, announces them too)
        let names_the_year = lead.contains("今年") || names_year(lead);
        let first_item = n.text(end, e.min(end + FIRST_ITEM_REACH));
        let first_item = first_item
            .split(['，', '；', '。', '\n'])
            .next()
            .unwrap_or("");
        let bounded = ["左右", "以上", "以内", "%-", "%—", "%～", "%~", "%至"]
            .iter()
            .any(|w| first_item.contains(w))
            && !first_item.contains("预计");
        // (…的主要指标是：按照…要求，力争生产总值增长…: the words before the
        // first figure aim, as no result is written)
        let aimed = || {
            let reach = n.text(end, e.min(end + AIM_WORD_REACH));
            let before_figure = reach
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or("");
            ["力争", "确保", "努力实现"]
                .iter()
                .any(|w| before_figure.contains(w))
        };
        // (a plan's figures, 计划指标, are set ahead as 预期指标 are, and so are
        // those proposed, 主要指标建议; …主要指标中， may count results too:
        // 确定的27项主要指标中，19项完成全年目标)
        let ahead = ["预期", "计划", "建议"]
            .iter()
            .any(|w| lead.contains(w) || cue.contains(w));
        let counted = cue.starts_with("指标") || cue.contains("指标中");
        if counted && !ahead && !names_the_year && !bounded && !aimed() {
            return Some("`指标` without `预期`, `计划` or `建议` sums up results".to_owned());
        }
        let sign = ["预期", "主要", "发展", "全年"]
            .iter()
            .any(|w| lead.contains(w))
            || super::says_now(lead)
            || names_year(lead)
            || cue.starts_with("报告")
            || cue.starts_with("会议")
            || cue.starts_with(['【', '[']);
        (!sign).then(|| {
            "no sign of the year's main targets (预期, 主要, 发展, 全年, 今年 or 新的一年, the year)".to_owned()
        })
    }

    /// Why the cue's sentence is not about the target year, if it is not: it
    /// names another year, or it measures results against the targets.
    fn not_dated_now(
        &self,
        n: &Norm,
        e: usize,
        target_year: Option<i32>,
        lp: &LocatePatterns,
    ) -> Option<String> {
        let (a, end, cue, lead) = (self.a, self.end, self.text, self.lead);
        // (综合考虑…2020年低基数和发展条件，今年…主要预期目标建议为: a year
        // named among the reasons before the clause that names the coming
        // year is no year of the targets)
        let clause = lead.rsplit('，').next().unwrap_or(lead);
        // (a table's header names its other columns' years before the target
        // column's: 指标 | 2023年完成 | 2024年目标, 指标 | 2012年预计 | 2013年计划
        // | 2013年比上年增长（%）: read from the target column on)
        let header = target_column_start(cue, target_year);
        let dated = if let Some(k) = header {
            &cue[k..target_column_end(cue, k).unwrap_or(cue.len())]
        } else if clause_names_now(clause, target_year) {
            clause
        } else {
            lead
        };
        if let Some(y) = target_year
            && let Some(c) = lp
                .year
                .captures_iter(dated)
                .find(|c| c[1].parse::<i32>().ok() != Some(y))
        {
            return Some(format!("names {}, not the target year {y}", &c[1]));
        }
        // (市十四届人大二次会议确定的生产总值增长11%的预期目标，预计全年…增长9.5%，
        // 低于预期目标1.5个百分点: the targets measured by the results)
        // (a cue that opens a list, ending in ：, measures nothing)
        let sentence_end = (end..e).find(|&k| n.chars[k] == '。').unwrap_or(e);
        (!cue.ends_with(['：', ':']) && forward::reports_progress(n.text(a, sentence_end)))
            .then(|| "results measured against the targets (低于预期目标)".to_owned())
    }

    /// Where the list the cue announces starts: after the cue, or at the
    /// clause before it when that names a growth the cue's figure measures
    /// (国内生产总值增长目标是8%左右; …根据今年我市经济增长13%的预期目标，…,
    /// in either numerals).
    fn list_start(&self, n: &Norm, lp: &LocatePatterns) -> usize {
        let (a, start) = (self.a, self.start);
        // (a 数读 card's caption names the target: 6%左右——今年全市地区生产
        // 总值增长预期目标 is the list's first item)
        if crate::norm::card_line_end(&n.chars, a, n.chars.len()).is_some_and(|end| end >= self.end)
        {
            return a;
        }
        if self.text.starts_with("目标")
            && GROWTH_BEFORE_CUE
                .iter()
                .any(|w| n.text(a, start).ends_with(w))
            || lp.figure_before_cue.is_match(n.text(a, start))
        {
            let mut k = start;
            while k > a && !matches!(n.chars[k - 1], '，' | '：' | ',') {
                k -= 1;
            }
            return k;
        }
        self.end
    }
}

/// Where the target column's name (2014年计划, 2024年目标) starts in a
/// table's header cue, when the cue is one.
fn target_column_start(cue: &str, target_year: Option<i32>) -> Option<usize> {
    target_year
        .filter(|_| cue.starts_with(['指', '项', '序']))
        .and_then(|y| {
            ["目标", "计划", "预期"]
                .iter()
                .filter_map(|w| cue.rfind(&format!("{y}年{w}")))
                .max()
        })
}

/// Where the target column's name that starts at `start` (its year, from
/// [`target_column_start`]) ends in a table's header cue (after its 计划,
/// 目标 or 预期目标).
fn target_column_end(cue: &str, start: usize) -> Option<usize> {
    let rest = &cue[start + "2024年".len()..];
    let word = [
        "预期目标值",
        "预期目标",
        "计划目标",
        "目标值",
        "目标",
        "计划",
        "预期",
    ]
    .iter()
    .find(|w| rest.starts_with(**w))?;
    Some(start + "2024年".len() + word.len())
}
