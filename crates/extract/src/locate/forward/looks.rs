//! How a sentence may look away from the coming year: back at the past,
//! at another year, or beyond it to a plan; and where it turns to the
//! coming year after looking back.

use super::{estimate_after_aim, names_the_coming_year, reports_aims_met, turns_to_now};
use crate::locate::list::{has_figure, is_plan_word};
use crate::locate::{LocatePatterns, NOW_WORDS, says_now};

/// How a sentence may look away from the coming year: back at the past, at
/// another year, or beyond it to a plan.
pub(super) struct Looks<'a> {
    pub(super) lp: &'a LocatePatterns,
    pub(super) target_year: Option<i32>,
    /// `2026年` for the target year 2026.
    pub(super) year_word: Option<&'a str>,
}

impl Looks<'_> {
    /// Whether `t` names a year other than the target year (二〇〇九年 as
    /// written in Chinese digits too).
    fn other_year(&self, t: &str) -> bool {
        self.target_year.is_some_and(|y| {
            self.lp
                .year
                .captures_iter(&crate::year::with_digit_years(t))
                .any(|c| c[1].parse::<i32>().ok() != Some(y))
        })
    }

    /// Whether `t` reports the past (今年预计 and 预计今年 look ahead; 预计
    /// alone reports an estimate of the past year).
    fn past(&self, t: &str) -> bool {
        self.lp.past.find_iter(t).any(|m| {
            !(m.as_str() == "预计"
                && (t[..m.start()].ends_with("今年")
                    || ["今年", "明年", "全年"]
                        .iter()
                        .any(|w| t[m.end()..].starts_with(w))))
        })
    }

    /// Whether `t` looks back only by an estimate (预计), naming no past
    /// year or other word of the past.
    pub(super) fn only_an_estimate(&self, t: &str) -> bool {
        self.lp.past.find_iter(t).all(|m| m.as_str() == "预计")
            && t.contains("预计")
            && self.backward(&t.replace("预计", "")).is_none()
    }

    /// Where a sentence that looks back turns to the coming year at a clause
    /// of its own, to be read from there (去年…，今年预计GDP增长10%左右;
    /// “一年来…”…透露，2024年，…预期目标增长4.5%左右).
    fn turn(&self, t: &str) -> Option<usize> {
        // (the latest turn with a figure after it: a later year with none,
        // …这也为全国2026年经济增长目标释出讯息, turns to nothing)
        turns_to_now(t, self.year_word)
            .into_iter()
            .find(|&k| has_figure(&t[k..]))
            .filter(|&k| self.backward(&t[k..]).is_none())
    }

    /// The part of a sentence read for the coming year (a byte range) and
    /// why it looks back, if it still does: from the clause where it turns
    /// to the coming year (去年…，今年预计…), and up to an estimate of the
    /// year ending told after the coming year's aim (2022年…增长目标为5.5%左右，
    /// 预计GDP有望突破3500亿元), which is a statement of its own. `ahead`:
    /// the sentence before announced the coming year's aims (2026年经济社会
    /// 发展总体要求和政策取向：), so a figure compared with last year's
    /// (赤字规模比上年增加2300亿元) is the coming year's, as after 今年.
    pub(super) fn part_about_now(
        &self,
        t: &str,
        ahead: bool,
    ) -> (std::ops::Range<usize>, Option<String>) {
        let mut part = 0..t.len();
        let mut back = self.backward_after(t, ahead);
        if back.is_some()
            && let Some(k) = self.turn(t)
        {
            part.start = k;
            back = None;
        }
        if back.is_some()
            && let Some(k) = estimate_after_aim(&t[part.clone()], self.year_word)
        {
            part.end = part.start + k;
            back = self.backward(&t[part.clone()]);
        }
        if back.is_some()
            && let Some(k) = self.aside_after_aims(&t[part.clone()])
        {
            part.end = part.start + k;
            back = None;
        }
        (part, back)
    }

    /// Where a sentence that names the coming year and its figures first goes
    /// on, after a comma, to a clause that looks back or beyond (今年全省生产总值
    /// 增长8%左右，一般公共预算收入增长7%，“十三五”期间生产总值年均增长8%左右):
    /// the end of the clauses about the coming year (a byte offset).
    fn aside_after_aims(&self, t: &str) -> Option<usize> {
        // (a part names the coming year and holds a figure only if the whole
        // does: most sentences that look back do neither, and each part asked
        // below is asked the whole of `backward`)
        if !(names_the_coming_year(t, self.year_word) && has_figure(t)) {
            return None;
        }
        t.match_indices(['，', '；'])
            .map(|(i, _)| i)
            .take_while(|&i| self.backward(&t[..i]).is_none())
            .last()
            .filter(|&i| names_the_coming_year(&t[..i], self.year_word) && has_figure(&t[..i]))
    }

    /// Why a sentence looks back (or at another year), if it does.
    fn backward(&self, t: &str) -> Option<String> {
        self.backward_after(t, false)
    }

    /// Why a sentence looks back, if it does, when the coming year was named
    /// before it (`ahead`) or not.
    fn backward_after(&self, t: &str, ahead: bool) -> Option<String> {
        let (lp, year_word) = (self.lp, self.year_word);
        let t = &*lp.without_comparisons(t);
        // (the frame names a plan and a year: without 五 and 年 in the
        // sentence, no regex)
        let t = if t.contains('五') && t.contains('年') {
            lp.plan_frame.replace_all(t, "今年")
        } else {
            std::borrow::Cow::Borrowed(t)
        };
        let t = &*t;
        // (where the coming year is first named: asked only of a sentence that
        // may compare a growth, and once)
        let now_first = std::cell::OnceCell::new();
        let now_first = || {
            *now_first.get_or_init(|| {
                NOW_WORDS
                    .iter()
                    .copied()
                    .chain(year_word)
                    .filter_map(|w| t.find(w))
                    .min()
            })
        };
        let compared = LocatePatterns::may_compare_growth(t).then(|| {
            lp.compared_growth
                .replace_all(t, |c: &regex::Captures<'_>| {
                    let at = c.get(0).map_or(0, |m| m.start());
                    // (or after a word that sets an aim, or with one in its clause:
                    // 并提出：地区生产总值同比增长10%左右, 全年GDP同比增长6%的目标)
                    let clause_end = t[at..].find(['，', '；', '。']).map_or(t.len(), |k| at + k);
                    let aimed = lp.forward.is_match(&t[..clause_end]);
                    let later = ahead || aimed || now_first().is_some_and(|f| f < at);
                    let same_period = t[at..].chars().nth(3) == Some('同');
                    if later && !same_period {
                        String::new()
                    } else {
                        c[0].to_owned()
                    }
                })
        });
        let t = compared.as_deref().unwrap_or(t);
        // 力争GDP首次突破一万亿元, 确保全年实现…: an aim before a word of
        // results makes it the aim's
        let aimed = |m: &regex::Match<'_>| {
            let clause = t[..m.start()]
                .rsplit(['，', '；', '：'])
                .next()
                .unwrap_or("");
            ["力争", "确保", "争取", "预计", "预期", "计划"]
                .iter()
                .any(|w| clause.contains(w))
        };
        // (a part of the year stays a part: 力争三季度全县GDP增长10.8%)
        let reported = lp
            .reported
            .find_iter(t)
            .find(|m| m.as_str().contains("季度") || m.as_str() == "上半年" || !aimed(m));
        // 二〇一〇年上海目标…进一步下降、完成“十一五”期间…的目标: a plan named
        // after the target year itself is an aside (its figures are dropped below)
        // (or after 今年 or 新的一年: 今年地区生产总值增长5%…，碳排放双控达到国家下达“十五五”
        // 目标任务的序时进度)
        // (or after a clause that a report's or meeting's aims open: 报告提出，
        // 经济增长6%左右，…，单位生产总值能耗完成“十四五”目标任务)
        let plan_aside = |m: &regex::Match<'_>| {
            let before = &t[..m.start()];
            is_plan_word(m.as_str())
                && (year_word.is_some_and(|w| crate::year::with_digit_years(before).contains(w))
                    || (says_now(before) || ahead || super::sets_aims(before))
                        && before.contains(['，', '；', '、']))
        };
        let not_now = lp.not_this_year.find_iter(t).find(|m| !plan_aside(m));
        if let Some(w) = not_now.or(reported) {
            return Some(format!("looks back or beyond the year (`{}`)", w.as_str()));
        }
        if self.past(t) {
            return Some("reports the past year (去年, 过去, 完成了 …)".to_owned());
        }
        if reports_aims_met(t) && !names_the_coming_year(t, year_word) {
            return Some(
                "reports aims met (，实现…目标) without naming the coming year".to_owned(),
            );
        }
        self.other_year(t)
            .then(|| "names another year than the target year".to_owned())
    }
}
