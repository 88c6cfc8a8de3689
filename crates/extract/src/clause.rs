//! One sentence → indicator items.
//!
//! A sentence is split into clauses on `，；。：` (full-width or ASCII), and a
//! clause into segments on `、` unless it holds a 分别 list. Each segment is
//! read as `[scope] NAME [verb] FIGURE [qualifier]` (or `NAME` + a qualitative
//! predicate such as 与经济增长同步). Segments without a name attach to the
//! item before them (`地区生产总值60199.45亿元、增长5%`), a clause that only
//! names an indicator lends it to the next clause's figure, and a nameless
//! clause with 力争 gives the previous item its stretch value.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::{Measure, Qualifier};
use regex::Regex;

use crate::figure::{Fig, fenbie_figs, finish_fig, seg_figs, with_quals};
use crate::indicator::Dictionary;
use crate::names::{
    alias_end, expand_list, has_han, looks_like_indicator, make_items, strip_tail_verbs,
};
use crate::norm::Norm;
use crate::number::{self, Num};

/// Compiled patterns used while reading clauses (built once per extractor).
#[derive(Debug)]
pub(crate) struct Patterns {
    fluff: Regex,
    qualitative: Regex,
    complete_lead: Regex,
    relative: Regex,
    completion: Regex,
}

impl Patterns {
    pub(crate) fn new() -> Patterns {
        let re = |s: &str| Regex::new(s).expect("built-in pattern");
        Patterns {
            fluff: re(concat!(
                r"^(?:[●■◆▲★•·◎□\-—>“”「『《①-⑳]+|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+[是、]|",
                r"20\d\d年(?:全年)?|今年|明年|全年|去年|上年|年末|年底|其中|全省|全市|全区|全县|全州|全盟|全旗|全自治区|",
                r"我省|我市|我区|我县|我州|我们|本省|本市|本区|本县|预期|除了|初步统计|初步核算|据初步核算|经初步核算|预计|确保|力争|争取|完成|实现|主要是|分别是|即|将|把|努力|力求|奋力|的?目标(?:是|为)?)+"
            )),
            qualitative: re(concat!(
                r"(?:增长|增速|增幅|提高)?(?:与|和|同)(?:经济增长|经济增速|经济发展|地区生产总值增长|经济社会发展|经济)[^，；。]{0,8}?(?:保持)?(?:基本)?(?:同步|协调|一致)(?:增长)?|",
                r"(?:增长|增速|增幅)?(?:高于|快于|略高于|不低于|超过|好于)(?:经济增长|经济增速|全国|全省|全市|全区|地区生产总值|GDP)|",
                // measured against last year or a wider average (涨幅低于上年实际涨幅,
                // 涨幅低于全国平均涨幅, 下降水平好于去年)
                r"(?:涨幅|增幅|增速|降幅|下降水平|水平)?(?:低于|不高于|高于|不低于|快于|好于|优于|略高于|略低于)(?:上年|去年|全国平均|全省平均)(?:实际)?(?:的)?(?:涨幅|增幅|增速|降幅|水平)?|",
                r"稳中(?:提质|有升|有增|向好|有进|提效)|(?:实现|保持)正增长|保持(?:在)?合理(?:水平|区间)|",
                r"(?:保持|基本|总体)稳定|只增不减|稳步(?:提高|提升|增长)|",
                r"(?:持续|进一步|明显|不断|有效|继续|稳定)(?:改善|下降|降低|提升|提高|优化|增长|减少)|",
                r"(?:增速|增幅|降幅)?由负转(?:正|平)|(?:降幅|跌幅)(?:继续|进一步)?收窄|总体良好|",
                r"促稳提质|稳量提质|提质增效|提质提效|按[^，；。]{0,6}要求落实|",
                // a water body's class (洱海水质稳定保持Ⅲ类, 达到Ⅱ类以上)
                r"(?:稳定)?(?:保持|达到)(?:在)?[ⅠⅡⅢⅣⅤ]+类(?:以上)?|",
                r"(?:持续|继续|保持)?(?:稳定|较快|平稳|快速|适度|合理)增长|",
                r"(?:下降|降低|减少)?(?:全面)?(?:完成|达到|实现)[^，；。]*?(?:任务|目标|要求|进度|控制指标|约束性指标)|",
                r"控制在[^，；。]*?(?:目标|范围|以内|内)|(?:继续)?保持[^，；。]{0,6}(?:优秀|良好|领先|一流|前列)(?:水平)?|同步(?:增长|提高)"
            )),
            complete_lead: re(
                r"^(?:全面)?(?:完成|实现|达到)(?:(?:国家|上级|省|市|自治区|中央)(?:下达|确定|分解)的?|省定|市定|县定|州定)(.+?)(?:(?:降低|下降|减少)(?:目标|任务))?$",
            ),
            completion: re(
                r"^(?:确保|全面|力争)?(?:完成|达到|实现)[^，；。]{0,16}?(?:下达|确定|分解)[^，；。]{0,6}(?:任务|目标|要求|控制指标)$",
            ),
            relative: re(concat!(
                r"(?:高于|低于|快于|慢于|好于|超出|比)(?:全国|全省|全市|全区|平均|经济增速|同期|国家)|",
                r"(?:比|较)(?:上年|去年|上年度)(?:的)?(?:预期目标|目标|预期)?(?:提高|回落|加快|放缓|下降|上升|增加|减少|下调|上调|调低|调高)[^，；。]*百分点"
            )),
        }
    }
}

/// What a clause item is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Targets,
    Outcomes,
}

/// One indicator named in a sentence with its figures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// Canonical id or `other:<name>`.
    pub(crate) indicator: String,
    /// Name as written (original text, or composed for 分别 lists).
    pub(crate) raw_name: String,
    pub(crate) figs: Vec<Fig>,
    /// Normalised char range of the evidence text.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Seg {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Normalised range of the name.
    pub(crate) name: Option<(usize, usize)>,
    pub(crate) nums: Vec<(Num, Qualifier, bool, bool)>,
    /// Position where the figures' verbs start (end of the name).
    pub(crate) name_end: usize,
    /// Qualitative predicate found (name ends where it starts).
    pub(crate) qualitative: bool,
    /// The segment is a 分别 list.
    pub(crate) fenbie: Option<Fenbie>,
    pub(crate) stretch_word: bool,
    /// 与上年持平.
    pub(crate) flat: bool,
    /// Ends with 后 (扣除…后): a condition for the next clause.
    pub(crate) condition: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Fenbie {
    /// The names the figures are resolved by (城乡… split into 城镇…, 农村…).
    pub(crate) names: Vec<String>,
    /// The name as written when one written name covers every figure
    /// (城乡居民人均可支配收入分别增长5%、6.5%): the rows' `raw_name`.
    pub(crate) written: Option<String>,
    /// Each name's own spelling in the original text, when the list wrote it
    /// out (traditional characters, 零 that the normalisation reads as 〇).
    pub(crate) spelled: Vec<Option<String>>,
}

const VERBS: &[&str] = &[
    "预期增长",
    "预计增长",
    "同口径增长",
    "同比增长",
    "实际增长",
    "名义增长",
    "比上年增长",
    "较上年增长",
    "比去年增长",
    "分别",
    "增长",
    "增速",
    "增幅",
    "涨幅",
    "上涨",
    "上升",
    "下降",
    "降低",
    "削减",
    "减少",
    "回落",
    "下滑",
    "提高",
    "提升",
    "控制在",
    "稳定在",
    "保持在",
    "达到",
    "突破",
    "超过",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "低于",
    "高于",
    "完成",
    "实现",
    "平均为",
    "均值",
    "均为",
    "年均",
    "累计",
    "首次",
    "比上年",
    "较上年",
    "增加到",
    "增加",
    "从",
    "由",
    "约",
    "力争",
    "确保",
    "稳中",
    "只增不减",
    "持平",
];

/// [`VERBS`] as chars, so the name scan compares slices instead of decoding
/// every verb at every position.
static VERB_CHARS: std::sync::LazyLock<Vec<(&str, Vec<char>)>> =
    std::sync::LazyLock::new(|| VERBS.iter().map(|v| (*v, v.chars().collect())).collect());

/// Longest clause (in chars) that is read.
const MAX_CLAUSE: usize = 400;

/// Words that open a clause and introduce its figure without being part of it.
const CONNECTIVES: &[&str] = &["其中", "即", "此外", "另外", "同时", "除了", "以及"];

/// `e` without a trailing 等 (进出口总额增长6%等): the list's "and so on" is
/// not part of the last clause.
fn without_etc(c: &[char], s: usize, e: usize) -> usize {
    let mut e = e;
    while e > s + 1 && c[e - 1] == '等' {
        e -= 1;
    }
    e
}

/// Names that only point back to the indicator before them.
const ANAPHORA: &[&str] = &[
    "总量",
    "总额",
    "规模",
    "增速",
    "增幅",
    "总计",
    "合计",
    "同比",
    "比上年",
    "较上年",
    "其中",
];

fn at(c: &[char], i: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(j, x)| c.get(i + j) == Some(&x))
}

fn is_sep(c: char) -> bool {
    matches!(c, '，' | '；' | '。' | '：' | '！' | '？' | '\n' | '…')
}

/// Reads every item of the normalised range `[s, e)` (one sentence).
pub(crate) fn read_sentence(
    n: &Norm,
    s: usize,
    e: usize,
    dict: &Dictionary,
    pat: &Patterns,
    mode: Mode,
) -> Vec<Item> {
    let c = &n.chars;
    let e = e.min(c.len());
    // clauses
    let mut clauses = Vec::new();
    let mut k = s;
    let mut cs = s;
    while k <= e {
        if k == e || is_sep(c[k]) {
            if k > cs {
                clauses.push((cs, k));
            }
            cs = k + 1;
        } else if c[k] == '（' {
            // a parenthetical remark (同口径增长2.5%以上) is not part of the clause
            if k > cs {
                clauses.push((cs, k));
            }
            let close = (k..e).find(|&j| c[j] == '）').unwrap_or(e);
            k = close;
            cs = close + 1;
        }
        k += 1;
    }
    let mut items: Vec<Item> = Vec::new();
    // index in `items` of the item nameless segments attach to
    let mut current: Option<usize> = None;
    let mut subject: Option<(usize, usize)> = None;
    // a clause of names only (人口自然增长率、万元GDP能耗和…等约束性指标，) whose
    // next clause completes them (确保完成省政府下达的任务)
    let mut listed: Vec<(usize, usize)> = Vec::new();
    let mut condition_start: Option<usize> = None;
    for &(cs, ce) in &clauses {
        // real clauses are short; a page of unpunctuated text is not read
        if ce - cs > MAX_CLAUSE {
            current = None;
            subject = None;
            continue;
        }
        // …等约束性指标，确保完成省政府下达的任务: the names of the clause before
        // get the completion, each a qualitative target
        let names_before = std::mem::take(&mut listed);
        if mode == Mode::Targets
            && names_before.len() > 1
            && pat.completion.is_match(n.text(cs, ce))
        {
            let seg = Seg {
                qualitative: true,
                ..read_segment(n, cs, ce, dict, pat, mode)
            };
            let new = make_items(n, &names_before, &seg, names_before[0].0, ce, dict);
            if !new.is_empty() {
                items.extend(new);
                current = None;
                subject = None;
                continue;
            }
        }
        // 在固定资产投资、社会消费品零售总额、进出口方面，分别保持增长20%、13%和14%以上:
        // one figure for each name of the clause before
        if mode == Mode::Targets && names_before.len() > 1 && at(c, cs, "分别") {
            let seg = read_segment(n, cs, ce, dict, pat, mode);
            if seg.nums.len() == names_before.len() {
                let figs = fenbie_figs(&seg, names_before.len(), c);
                for (&(a, b), fig) in names_before.iter().zip(figs) {
                    let a = if c[a] == '在' { a + 1 } else { a };
                    let b = if n.text(a, b).ends_with("方面") {
                        b - 2
                    } else {
                        b
                    };
                    items.push(one_figure_item(
                        dict,
                        n.text(a, b),
                        n.orig_text(a, b),
                        fig,
                        (names_before[0].0, ce),
                    ));
                }
                current = None;
                subject = None;
                continue;
            }
        }
        let segs = split_segments(c, cs, ce);
        let mut pending: Vec<(usize, usize)> = Vec::new();
        let mut same_clause_item: Option<usize> = None;
        let nseg = segs.len();
        for (si, &(ss, se)) in segs.iter().enumerate() {
            let seg = read_segment(n, ss, se, dict, pat, mode);
            let last_in_clause = si + 1 == nseg;
            let has_figs = !seg.nums.is_empty() || seg.fenbie.is_some() && !seg.nums.is_empty();
            let text_start = |name_start: usize| condition_start.unwrap_or(name_start.min(ss));
            if let Some(fb) = &seg.fenbie {
                if seg.nums.is_empty() {
                    continue;
                }
                let start = condition_start.take().unwrap_or(ss);
                let figs = fenbie_figs(&seg, fb.names.len(), c);
                for (k, (name, fig)) in fb.names.iter().zip(figs).enumerate() {
                    let raw = fb
                        .written
                        .clone()
                        .or_else(|| fb.spelled.get(k).cloned().flatten())
                        .unwrap_or_else(|| crate::names::as_written(name));
                    items.push(one_figure_item(dict, name, raw, fig, (start, se)));
                }
                current = None;
                subject = None;
                continue;
            }
            if let Some((ns, ne)) = seg.name {
                if has_figs || seg.qualitative || (seg.flat && mode == Mode::Outcomes) {
                    let mut names = std::mem::take(&mut pending);
                    names.push((ns, ne));
                    let start = text_start(names[0].0.min(ss));
                    let mut start = if names.len() > 1 {
                        condition_start.unwrap_or(segs_start_of(&segs, names[0].0))
                    } else {
                        start
                    };
                    // a clause-initial 其中, 即, 此外 … introduces the figure, it is
                    // not part of it
                    if start == cs
                        && condition_start.is_none()
                        && let Some(w) = CONNECTIVES.iter().find(|w| at(c, cs, w))
                    {
                        start += w.chars().count();
                    }
                    condition_start = None;
                    let new = make_items(n, &names, &seg, start, without_etc(c, start, se), dict);
                    if !new.is_empty() {
                        items.extend(new);
                        current = Some(items.len() - 1);
                        same_clause_item = current;
                    }
                    subject = None;
                } else if !last_in_clause {
                    pending.push((ns, ne));
                } else if !pending.is_empty() || dict.is_known(n.text(ns, ne)) {
                    // the subject of the next clause's figure (…收入交出了高分答卷，同比增长82.9%)
                    subject = Some((ns, ne));
                    listed = std::mem::take(&mut pending);
                    listed.push((ns, ne));
                    current = None;
                }
                continue;
            }
            // no name
            if seg.condition {
                condition_start = Some(ss);
                continue;
            }
            if seg.nums.is_empty() && !(seg.flat && mode == Mode::Outcomes) {
                let seg_text = n.text(ss, se);
                // a remark like 按可比价格计算 keeps the subject; other prose ends it
                let remark = seg_text.chars().count() <= 10
                    && ["计算", "可比", "口径", "因素", "同比", "初步"]
                        .iter()
                        .any(|w| seg_text.contains(w));
                if last_in_clause && same_clause_item.is_none() && pending.is_empty() && !remark {
                    current = None;
                }
                continue;
            }
            // …X元，…Y元，分别增长A%和B%: one figure for each of the items before
            let k = seg.nums.len();
            if k >= 2 && n.text(ss, se).starts_with("分别") && items.len() >= k {
                let figs = seg_figs(&seg, c);
                let first = items.len() - k;
                for (it, f) in items[first..].iter_mut().zip(figs) {
                    let f = finish_fig(
                        f,
                        resolved_of(dict, &it.indicator).measure,
                        &it.raw_name.clone(),
                    );
                    it.figs.push(f);
                    it.end = se;
                }
                current = None;
                continue;
            }
            if let Some((ns, ne)) = subject.take() {
                let seg2 = Seg {
                    name: Some((ns, ne)),
                    ..seg.clone()
                };
                let new = make_items(n, &[(ns, ne)], &seg2, ns, se, dict);
                if !new.is_empty() {
                    items.extend(new);
                    current = Some(items.len() - 1);
                    same_clause_item = current;
                }
                continue;
            }
            let Some(ci) = current else { continue };
            let figs = seg_figs(&seg, c);
            if seg.stretch_word
                && !items[ci].figs.is_empty()
                && figs.len() == 1
                && items[ci].figs.iter().all(|f| f.value.is_some())
            {
                let last = items[ci].figs.len() - 1;
                if items[ci].figs[last].unit == figs[0].unit {
                    items[ci].figs[last].stretch = figs[0].value;
                    items[ci].end = se;
                }
                continue;
            }
            let (indicator, raw) = (items[ci].indicator.clone(), items[ci].raw_name.clone());
            let r = resolved_of(dict, &indicator);
            let default = r.measure;
            let figs: Vec<Fig> = figs
                .into_iter()
                .map(|f| finish_fig(f, default, &raw))
                .collect();
            let seg_text = n.text(ss, se);
            let verb_led = si == 0
                && [
                    "增长",
                    "同比增长",
                    "同口径增长",
                    "可比价增长",
                    "按可比价格计算",
                    "比上年增长",
                    "下降",
                    "上涨",
                    "回落",
                    "增速",
                    "达到",
                    "突破",
                    "总量达",
                ]
                .iter()
                .any(|v| seg_text.starts_with(v));
            if same_clause_item == Some(ci) || verb_led {
                for f in figs {
                    if let Some(old) = items[ci]
                        .figs
                        .iter_mut()
                        .find(|o| o.measure == f.measure && o.value.is_some())
                    {
                        *old = f;
                    } else {
                        items[ci].figs.push(f);
                    }
                }
                items[ci].end = se;
            } else {
                items.push(Item {
                    indicator,
                    raw_name: raw,
                    figs,
                    start: ss,
                    end: se,
                });
                current = Some(items.len() - 1);
                same_clause_item = current;
            }
        }
        if !pending.is_empty() {
            current = None;
        }
    }
    items.retain(|it| !it.figs.is_empty());
    for it in &mut items {
        it.start = skip_bullet(c, it.start, it.end);
        it.end = without_goal_word(c, it.start, it.end);
    }
    items
}

/// Skips a list marker (●, ——, 1., 一是) or an open quotation mark at the
/// start of an evidence text.
fn skip_bullet(c: &[char], mut s: usize, e: usize) -> usize {
    while s < e && "●■◆▲★•·◎□-—>○◇".contains(c[s]) {
        s += 1;
    }
    // a quotation the clause does not close (“生产总值增长6%)
    while s < e && matches!(c[s], '“' | '「' | '『') && !c[s..e].contains(&closing(c[s])) {
        s += 1;
    }
    let mut k = s;
    while k < e && c[k].is_ascii_digit() {
        k += 1;
    }
    if k > s
        && k < e
        && matches!(c[k], '.' | '．' | '、')
        && !c.get(k + 1).is_some_and(char::is_ascii_digit)
    {
        return k + 1;
    }
    let mut k = s;
    while k < e && "一二三四五六七八九十".contains(c[k]) {
        k += 1;
    }
    if k > s && k < e && c[k] == '是' {
        return k + 1;
    }
    s
}

/// The end of an evidence text without a trailing 目标 after its figure
/// (围绕地区生产总值增长7%左右目标: the goal word names what the figure is).
fn without_goal_word(c: &[char], s: usize, e: usize) -> usize {
    for w in ["的目标", "目标"] {
        let k = w.chars().count();
        if e > s + k && at(c, e - k, w) {
            let before = c[e - k - 1];
            if before.is_ascii_digit() || matches!(before, '%' | '‰' | '右' | '上' | '内' | '下')
            {
                return e - k;
            }
        }
    }
    e
}

fn closing(open: char) -> char {
    match open {
        '「' => '」',
        '『' => '』',
        _ => '”',
    }
}

fn segs_start_of(segs: &[(usize, usize)], pos: usize) -> usize {
    segs.iter()
        .find(|&&(s, e)| s <= pos && pos < e)
        .map_or(pos, |&(s, _)| s)
}

fn resolved_of(dict: &Dictionary, indicator: &str) -> crate::indicator::Resolved {
    if indicator.starts_with("other:") {
        crate::indicator::Resolved {
            id: None,
            measure: None,
        }
    } else {
        crate::indicator::Resolved {
            id: Some(indicator.to_owned()),
            measure: dict.measure_of(indicator),
        }
    }
}

/// The item of one name of a 分别 list and its figure, evidenced by `span`.
fn one_figure_item(
    dict: &Dictionary,
    name: &str,
    raw_name: String,
    fig: Fig,
    (start, end): (usize, usize),
) -> Item {
    let (indicator, default) = indicator_of(&dict.resolve(name), name);
    Item {
        indicator,
        raw_name,
        figs: vec![finish_fig(fig, default, name)],
        start,
        end,
    }
}

fn indicator_of(r: &crate::indicator::Resolved, name: &str) -> (String, Option<Measure>) {
    match &r.id {
        Some(id) => (id.clone(), r.measure),
        None => (format!("other:{}", crate::names::as_written(name)), None),
    }
}

/// Splits a clause on 、 unless it is a 分别 list.
fn split_segments(c: &[char], cs: usize, ce: usize) -> Vec<(usize, usize)> {
    let clause: String = c[cs..ce].iter().collect();
    if clause.contains("分别") || shares_a_predicate(&c[cs..ce]) {
        return vec![(cs, ce)];
    }
    let mut out = Vec::new();
    let mut s = cs;
    for (k, &ch) in c.iter().enumerate().take(ce).skip(cs) {
        if ch == '、' && !joins_levels(c, k) {
            if k > s {
                out.push((s, k));
            }
            s = k + 1;
        }
    }
    if ce > s {
        out.push((s, ce));
    }
    out
}

/// A 、 between two levels of government (控制在省、市下达的目标以内): part of
/// a predicate, not a list of names.
fn joins_levels(c: &[char], k: usize) -> bool {
    k > 0
        && matches!(c[k - 1], '省' | '市' | '县')
        && c.get(k + 1)
            .is_some_and(|x| matches!(x, '市' | '县' | '区' | '乡' | '镇'))
}

/// `均`/`都` + a verb after a list of names (财政总收入、地方财政收入均增长7%):
/// every name gets the figure.
fn shares_a_predicate(c: &[char]) -> bool {
    (1..c.len()).any(|k| is_shared_marker(c, k)) && c.contains(&'、')
}

/// Whether `c[k]` is a 均/都 that hands one predicate to the names before it.
fn is_shared_marker(c: &[char], k: usize) -> bool {
    matches!(c[k], '均' | '都')
        && !matches!(c.get(k.wrapping_sub(1)), Some('人' | '平' | '年'))
        && [
            "增长", "为", "达", "提高", "控制", "保持", "在", "实现", "与", "和",
        ]
        .iter()
        .any(|v| at(c, k + 1, v))
}

fn strip_fluff(n: &Norm, s: usize, e: usize, pat: &Patterns) -> usize {
    let t = n.text(s, e);
    match pat.fluff.find(t) {
        Some(m) => {
            let mut end = m.end();
            // 全市生产总值 is a name (a municipality's GDP), not scope + name
            if t[end..].starts_with("生产总值") && t[..end].ends_with("全市") {
                end -= "全市".len();
            }
            s + t[..end].chars().count()
        }
        None => s,
    }
}

fn read_segment(
    n: &Norm,
    ss: usize,
    se: usize,
    dict: &Dictionary,
    pat: &Patterns,
    mode: Mode,
) -> Seg {
    let c = &n.chars;
    let text = n.text(ss, se);
    let mut seg = Seg {
        start: ss,
        end: se,
        name: None,
        nums: Vec::new(),
        name_end: ss,
        qualitative: false,
        fenbie: None,
        stretch_word: text.contains("力争") || text.contains("争取"),
        flat: false,
        condition: text.ends_with('后') && !text.contains('%'),
    };
    let ns = strip_fluff(n, ss, se, pat);
    let skip_figs = text.contains("年均") || text.contains("累计") || text.contains("平均每年");
    let mut nums = if skip_figs {
        Vec::new()
    } else {
        number::scan(c, ns, se)
    };
    // 从A增加到B / 由A降到B: only B counts
    if nums.len() >= 2 {
        let mut keep = Vec::new();
        for (i, x) in nums.iter().enumerate() {
            let before: String = c[if i == 0 { ns } else { nums[i - 1].end }..x.start]
                .iter()
                .collect();
            let to_next = nums
                .get(i + 1)
                .map(|y| c[x.end..y.start].iter().collect::<String>())
                .unwrap_or_default();
            let is_from = ((before.contains('从') || before.contains('由'))
                && (to_next.contains('到') || to_next.contains('至')))
                || before.contains("较") && before.contains("末的");
            if !is_from {
                keep.push(x.clone());
            }
        }
        nums = keep;
    }
    // figures relative to another region or an average are not the indicator's own
    if pat.relative.is_match(text) {
        nums.clear();
    }
    // a comparison base (较“十三五”末) makes the figures increments, not levels
    if text.contains("较") && text.contains('末') && mode == Mode::Outcomes {
        nums.clear();
    }
    // name end: first verb or first figure
    let first_num = nums.first().map_or(se, |x| x.start);
    let mut name_end = first_num;
    let mut k = ns;
    let protected = dict.spans(n.text(ns, first_num));
    'scan: while k < first_num {
        if protected.iter().any(|&(a, b)| ns + a < k && k < ns + b) {
            k += 1;
            continue;
        }
        for (v, vc) in VERB_CHARS.iter() {
            if vc.first() == Some(&c[k]) && c[k..].starts_with(vc) {
                if v.ends_with('长') && c.get(k + vc.len()) == Some(&'率') {
                    break;
                }
                if *v == "增加" && c.get(k + 2) == Some(&'值') {
                    break;
                }
                if (*v == "实现" || *v == "完成") && k == ns {
                    break;
                }
                // 发展力争实现地区生产总值增长: the aim's verb before the name
                // (names::after_place_or_aim drops the subject)
                if matches!(*v, "实现" | "完成" | "力争" | "确保") {
                    let mut after = k + vc.len();
                    if at(c, after, "实现") {
                        after += 2;
                    }
                    if protected.iter().any(|&(a, _)| ns + a == after) {
                        break;
                    }
                }
                name_end = k;
                break 'scan;
            }
        }
        // 为/是/达 directly before a figure
        if matches!(c[k], '为' | '是' | '达' | '在')
            && nums.first().is_some_and(|x| x.start == k + 1)
        {
            name_end = k;
            break;
        }
        k += 1;
    }
    if nums.is_empty() {
        // qualitative predicate or bare name
        let rest = n.text(ns, se);
        if let Some(cut) = find_flat(rest) {
            let p = ns + rest[..cut].chars().count();
            seg.name = name_range(n, ns, p);
            seg.name_end = p;
            // a result 与上年持平 is a growth of 0; a target so worded is
            // qualitative (一般公共预算收入与上年基本持平)
            if mode == Mode::Targets {
                seg.qualitative = seg
                    .name
                    .is_some_and(|(a, b)| looks_like_indicator(n.text(a, b), dict));
            } else {
                seg.flat = true;
            }
            return seg;
        }
        if mode == Mode::Targets {
            // (after a bullet: ——完成省下达的节能减排目标任务)
            let t = n.text(ss, se);
            let bullet = t
                .chars()
                .take_while(|c| "●■◆▲★•·◎□-—>“「『《".contains(*c) || ('①'..='⑳').contains(c))
                .count();
            // (or a number: 6.完成国家下达的…目标, 六是完成…)
            let digits = t
                .chars()
                .skip(bullet)
                .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .count();
            let bullet = if digits > 0
                && t.chars()
                    .nth(bullet + digits)
                    .is_some_and(|c| matches!(c, '.' | '．' | '、' | '是'))
            {
                bullet + digits + 1
            } else {
                bullet
            };
            let ss = ss + bullet;
            let whole = n.text(ss, se);
            let ends_like_goal =
                whole.ends_with("目标") || whole.ends_with("任务") || whole.ends_with("指标");
            if let Some(caps) = pat.complete_lead.captures(whole).filter(|_| ends_like_goal) {
                let g = caps.get(1).expect("group");
                let a = ss + whole[..g.start()].chars().count();
                let b = ss + whole[..g.end()].chars().count();
                if looks_like_indicator(n.text(a, b), dict) {
                    seg.name = Some((a, b));
                    seg.qualitative = true;
                    seg.name_end = b;
                    return seg;
                }
            }
            if let Some(m) = pat.qualitative.find(rest) {
                // …排放总量在前两年连续下降的基础上进一步下降: the condition between
                // the name and its predicate is not part of the name
                let before = &rest[..m.start()];
                let before = match before.rfind('在') {
                    Some(i) if before.ends_with("基础上") && i > 0 => &before[..i],
                    _ => before,
                };
                let p = ns + before.chars().count();
                if let Some((a, b)) = name_range(n, ns, p) {
                    seg.name = Some((a, b));
                    seg.qualitative = looks_like_indicator(n.text(a, b), dict);
                    if !seg.qualitative {
                        seg.name = None;
                    }
                    seg.name_end = p;
                    return seg;
                }
            }
        }
        // a bare name (list item, or the subject of the next clause)
        let name_text = n.text(ns, se);
        if name_text.chars().count() <= 30 && dict.is_known(name_text) {
            seg.name = Some((ns, se));
        } else if let Some(end) = alias_end(name_text, dict) {
            seg.name = Some((ns, ns + end));
        } else if mode == Mode::Targets
            && name_text.chars().count() <= 24
            && has_han(name_text)
            && !name_text.contains("目标")
        {
            // a list item of a shared predicate: 粮食总产量、生态环境、节能降碳等指标…
            seg.name = Some((ns, se));
        }
        seg.name_end = se;
        return seg;
    }
    // 分别
    // 分别 lists; 城乡居民收入均增长8% shares one figure between urban and rural
    let shared = find(&n.chars, ns, first_num, "分别").or_else(|| {
        (ns..first_num).find(|&k| {
            is_shared_marker(c, k) && {
                let names = n.text(ns, k);
                names.starts_with("城乡") || names.contains(['、', '和', '及'])
            }
        })
    });
    if let Some(p) = shared {
        let names_text = n.text(ns, p);
        let names_text = strip_tail_verbs(names_text);
        let mut names = expand_list(&names_text, nums.len().max(2));
        // 分别增长20%左右 / 均增长7% after several names: each name gets the figure
        if names.len() >= 2 && nums.len() == 1 {
            nums = vec![nums[0].clone(); names.len()];
        }
        // 对东盟、共建“一带一路”国家进出口总额: every item is a partner's trade
        if names.first().is_some_and(|x| x.starts_with('对')) {
            for x in &mut names {
                if !x.starts_with('对') {
                    x.insert(0, '对');
                }
            }
        }
        if names.len() == nums.len() && names.len() >= 2 {
            // one written name split into several (城乡 → 城镇, 农村) keeps its spelling
            // (as the original has it: traditional characters and glosses kept)
            // — and so does one joined by 和/及 whose names share a tail
            // (城镇和农村居民人均可支配收入); a 、 list names each part (城镇、农村…
            // gives 城镇居民…, 农村居民…)
            let composed = names_text.contains(['和', '及'])
                && names.iter().any(|x| !names_text.contains(x.as_str()));
            let written = (composed || !names_text.contains(['、', '和', '及']))
                .then(|| n.orig_text(ns, ns + names_text.chars().count()));
            let spelled = names
                .iter()
                .map(|x| {
                    let at = names_text.find(x.as_str())?;
                    let a = ns + names_text[..at].chars().count();
                    Some(n.orig_text(a, a + x.chars().count()))
                })
                .collect();
            seg.fenbie = Some(Fenbie {
                names,
                written,
                spelled,
            });
            seg.nums = with_quals(c, &nums, p);
            seg.name_end = p;
            return seg;
        }
    }
    seg.name = name_range(n, ns, name_end);
    seg.name_end = name_end;
    seg.nums = with_quals(c, &nums, name_end);
    seg
}

/// 居民消费价格与上年持平: the byte offset where the predicate starts.
fn find_flat(rest: &str) -> Option<usize> {
    let p = rest.find("持平")?;
    let mut cut = p;
    // 与上年基本持平: every such word before 持平 belongs to the predicate
    while let Some(w) = ["与上年", "同比", "与去年", "和上年", "基本"]
        .iter()
        .find(|w| rest[..cut].ends_with(*w))
    {
        cut -= w.len();
    }
    Some(cut)
}

fn find(c: &[char], s: usize, e: usize, w: &str) -> Option<usize> {
    (s..e).find(|&k| at(c, k, w))
}

fn name_range(n: &Norm, ns: usize, ne: usize) -> Option<(usize, usize)> {
    if ne <= ns {
        return None;
    }
    let t = n.text(ns, ne);
    let stripped = strip_tail_verbs(t);
    let len = stripped.chars().count();
    let wordy =
        has_han(&stripped) || stripped.chars().filter(char::is_ascii_alphabetic).count() >= 2;
    if len == 0 || !wordy || ANAPHORA.contains(&stripped.as_str()) {
        return None;
    }
    // 在全省地级市中率先(突破4000亿元): a standing among others, not a name;
    // the figure belongs to the name before
    if stripped.starts_with('在') && stripped.contains('中') {
        return None;
    }
    Some((ns, ns + len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn items(text: &str, mode: Mode) -> Vec<Item> {
        let dict = Dictionary::parse(crate::BUILTIN_DICTIONARY, Path::new("builtin")).unwrap();
        let n = Norm::new(text);
        read_sentence(&n, 0, n.len(), &dict, &Patterns::new(), mode)
    }

    #[test]
    fn nameless_segments_attach_to_the_item_before() {
        let it = items(
            "2025年全省地区生产总值60199.45亿元、增长5%，社会消费品零售总额增长4.4%。",
            Mode::Outcomes,
        );
        assert_eq!(it.len(), 2);
        assert_eq!(it[0].figs.len(), 2);
        let n = Norm::new("2025年全省地区生产总值60199.45亿元、增长5%，");
        assert_eq!(
            n.text(it[0].start, it[0].end),
            "2025年全省地区生产总值60199.45亿元、增长5%"
        );
    }

    #[test]
    fn a_subject_clause_lends_its_name() {
        let it = items(
            "全区一般公共预算收入交出了高分答卷，同比增长82.9%，总量完成31.65亿元，位列全市第3。",
            Mode::Outcomes,
        );
        assert_eq!(it.len(), 2);
        assert!(it.iter().all(|i| i.indicator == "general_budget_revenue"));
        assert_eq!(it[1].figs[0].measure, Measure::Level);
    }

    #[test]
    fn from_to_keeps_the_end_value() {
        let it = items("年末城镇调查失业率从上半年5.5%降到5.3%。", Mode::Outcomes);
        assert_eq!(it[0].figs.len(), 1);
        assert_eq!(it[0].figs[0].value, Some(5.3));
    }
}
