//! One segment of a clause → its name and figures.
//!
//! [`sentence`](crate::sentence) splits a sentence into clauses and a clause
//! into segments (on `、`, unless it holds a 分别 list); a segment is read
//! here as `[scope] NAME [verb] FIGURE [qualifier]`, as `NAME` + a
//! qualitative predicate (与经济增长同步, 完成省下达的目标任务), as a bare name,
//! or as a 分别/均 list whose names share its figures.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use regex::Regex;

use crate::figure::with_quals;
use crate::indicator::Dictionary;
use crate::item::{Fenbie, Mode, Seg};
use crate::names::{alias_end, expand_list, has_han, looks_like_indicator, strip_tail_verbs};
use crate::norm::{Norm, is_unified_han};
use crate::number::{self, Num};

/// Compiled patterns used while reading clauses (built once per extractor).
#[derive(Debug)]
pub(crate) struct Patterns {
    fluff: Regex,
    qualitative: Regex,
    complete_lead: Regex,
    relative: Regex,
    margin: Regex,
    /// 森林覆盖率比上年提高1个百分点: a rate's own change, not a comparison.
    rate_change: Regex,
    pub(crate) completion: Regex,
}

impl Patterns {
    pub(crate) fn new() -> Patterns {
        let re = |s: &str| crate::patterns::built_in(s);
        Patterns {
            fluff: re(concat!(
                r"^(?:[●■◆▲★•·◎□\-—>“”「『《①-⑳]+|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+[是、]|",
                r"20\d\d年(?:全年)?|今年|明年|全年|去年|上年|到?年末|到?年底|其中|全省|全市|全区|全县|全州|全盟|全旗|全自治区|全地区|该省|该市|该区|该县|该州|该旗|该盟|",
                r"我省|我市|我区|我县|我州|我们|本省|本市|本区|本县|继续|预期|除了|比如|例如|譬如|初步统计|初步核算|据初步核算|经初步核算|预计|确保|力争|争取|完成|实现|主要是|分别是|即|将|把|努力|力求|奋力|工作目标|的?目标(?:是|为)?|的|同时|此外|另外|以及)+"
            )),
            qualitative: re(concat!(
                // (成长, Taiwan's word for growth: 居民收入成長與經濟成長同步)
                r"(?:增长|成长|增速|增幅|提高|增加|提升)?(?:与|和|同)(?:经济增长|经济成长|经济增速|经济发展|地区生产总值增长|生产总值增长|GDP增长|GDP增速|经济社会发展|经济|全国|全省|全市)[^，；。]{0,8}?(?:保持)?(?:基本)?(?:同步|协调|一致)(?:增长)?|",
                // level with a wider average (涨幅与全省大体相当, 与全国持平)
                // (涨幅与市保持一致: the wider government named short)
                r"(?:与|和|同)(?:全国|全省|全市|省|市)(?:平均水平|目标)?(?:保持)?(?:大体|基本)?(?:相当|持平|一致)|(?:基本)?接近(?:全国|全省|全市)(?:平均水平)?|",
                // a poverty goal met in full (农村贫困人口全部脱贫, 贫困县全部摘帽)
                r"全部(?:脱贫|摘帽|退出|出列)|",
                // a doubling within the year (规上工业产值再次实现翻番; beside a
                // later year or 年均 the locator leaves it to the plan)
                r"(?:再次)?(?:实现)?翻(?:一)?番$|",
                r"(?:增长|增速|增幅|提高|增加|提升)?(?:高于|快于|略高于|不低于|超过|好于)(?:经济增长|经济增速|全国|全省|全市|全区|地区生产总值|GDP|城镇居民)|",
                // measured against last year or a wider average (涨幅低于上年实际涨幅,
                // 涨幅低于全国平均涨幅, 下降水平好于去年)
                r"(?:涨幅|增幅|增速|降幅|下降水平|水平)?(?:低于|不高于|高于|不低于|快于|好于|优于|略高于|略低于)(?:上年|去年|全国平均|全省平均)(?:实际)?(?:的)?(?:涨幅|增幅|增速|降幅|水平)?|",
                r"稳中(?:提质|有升|有增|有降|向好|有进|提效)|回稳向好|(?:实现|保持)正增长|保持(?:在)?合理(?:水平|区间)|",
                r"(?:总体|基本)?(?:保持|基本|总体)稳定|只增不减|不减少|不降低|(?:实现)?双下降|稳步(?:提高|提升|增长|增加)|",
                // a balance kept or an improvement made (国际收支基本平衡, 得到改善)
                r"(?:保持)?(?:基本|总体)平衡|得到(?:改善|提升|提高|加强)|",
                r"(?:大幅|较大幅度)(?:增长|提高|提升|下降|降低|减少)|",
                r"(?:持续|进一步|明显|不断|有效|继续|稳定|总体|逐步)(?:改善|好转|下降|降低|提升|提高|优化|增长|减少|增加)|",
                // (外贸出口有所增长, 城乡居民收入普遍增加, 农民收入增加较多,
                // 物价涨幅得到有效控制)
                r"(?:有所|逐年|显著|普遍)(?:增长|提高|增加|提升|下降|降低|减少)|(?:增长|增加|提高)较(?:多|快|大)|得到(?:有效)?控制|",
                // (a fall turned: 固定资产投资由降转升, 止跌回稳, 企稳回升)
                r"(?:增速|增幅|降幅)?由负转(?:正|平)|由降转(?:升|增)|止跌(?:回稳|回升)|企稳回升|(?:降幅|跌幅)(?:继续|进一步)?收窄|总体良好|",
                r"促稳提质|稳量提质|提质增效|提质提效|按[^，；。]{0,6}要求落实|",
                // a water body's class (洱海水质稳定保持Ⅲ类, 达到Ⅱ类以上)
                r"(?:稳定)?(?:保持|达到)(?:在)?[ⅠⅡⅢⅣⅤ]+类(?:以上)?|",
                // (平稳较快增长: two words of the pace)
                r"(?:持续|继续|保持|实现)?(?:平稳|稳定)?(?:稳定|较快|平稳|快速|适度|合理|健康)增长|",
                // 生态环境质量只能更好、不能变坏
                r"只能(?:更好|变好)|",
                r"(?:下降|降低|减少)?(?:全面)?(?:完成|达到|实现)[^，；。]*?(?:任务|目标|要求|进度|指标)|",
                // 削减完成省上下达: the completion with its object left out
                r"(?:下降|降低|减少|削减)?完成(?:国家|省上|省|市|上级)下达$|",
                r"控制在[^，；。]*?(?:目标|范围|以内|内)|(?:稳定|保持)在[^，；。]*?(?:目标|任务)(?:以上)?$|",
                // a task named with its completion (节能减排任务全面完成)
                r"(?:任务|目标)(?:全面|圆满|如期)?(?:完成|实现)$|(?:继续)?保持[^，；。]{0,6}(?:优秀|良好|领先|一流|前列)(?:水平)?|同步(?:增长|提高)"
            )),
            complete_lead: re(
                // (确保完成省下达的节能减排任务: its aim's word before it)
                r"^(?:今年|全年)?(?:确保|力争)?(?:全面)?(?:完成|实现|达到)(?:(?:国家|上级|中央|\p{Han}{0,6}?(?:省|市|自治区|州|盟|地区))(?:政府)?(?:下达|确定|分解)的?|省定|市定|县定|州定)?(.+?)(?:(?:降低|下降|减少)(?:目标|任务))?$",
            ),
            completion: re(
                r"^(?:今年|全年)?(?:确保|全面|力争)?(?:完成|达到|实现)[^，；。]{0,16}?(?:下达|确定|分解)[^，；。]{0,6}(?:任务|目标|要求|控制指标)$",
            ),
            rate_change: re(
                r"(?:率|比重|占比|比例|强度)(?:比|较)(?:上年|去年|上年度)末?(?:提高|增加|上升|提升|下降|降低|减少)[\d.]+个?百分点",
            ),
            // (增速高于全省平均水平, 比全国平均水平高)
            margin: re(
                r"(?:高于|快于|超过|超出)(?:全国|全省|全市|全区|全州|全盟)(?:的)?(?:平均水平|平均增速|平均)?|比(?:全国|全省|全市|全区|全州|全盟)(?:的)?(?:平均水平|平均增速|平均)?(?:高|快)",
            ),
            relative: re(concat!(
                r"(?:高于|低于|快于|慢于|好于|超出|比)(?:全国|全省|全市|全区|全州|全盟|平均|经济增速|同期|国家)|",
                r"(?:比|较)(?:上年|去年|上年度)(?:的)?(?:实际|预期目标|目标|预期)?(?:增速|增幅|增长)?(?:提高|回落|加快|放缓|下降|上升|增加|减少|下调|上调|调低|调高|低|高)[^，；。]*百分点"
            )),
        }
    }

    /// Whether `t` (a clause) states a qualitative target: an indicator's
    /// name, then a qualitative predicate (居民收入增长与经济增长同步, 与上年持平).
    pub(crate) fn states_quality(&self, t: &str, dict: &Dictionary) -> bool {
        let named = |end: usize| {
            end > 0 && looks_like_indicator(strip_tail_verbs(&t[..end]).as_str(), dict)
        };
        // (or a level kept: 一般公共预算收入与上年基本持平)
        self.qualitative.find(t).is_some_and(|m| named(m.start()))
            || find_flat(t).is_some_and(named)
    }
}

const VERBS: &[&str] = &[
    "预期增长",
    "预计增长",
    "按同口径增长",
    "同口径增长",
    // a growth measured on a base of its own (可比增长, 按可比口径增长, 剔除减税降费
    // 因素后增长5%, 扣除价格因素实际增长)
    "可比增长",
    "按可比口径",
    "自然口径",
    "现价增长",
    "剔除",
    "扣除",
    "同比增长",
    "实际增长",
    "名义增长",
    "比上年增长",
    "较上年增长",
    "比去年增长",
    "分别",
    "增长",
    // (an older word for it: 固定资产投资递增10%)
    "递增",
    // (Taiwan's word for it: 成長)
    "成长",
    "增速",
    "增幅",
    "涨幅",
    // (Hong Kong's and Taiwan's word for it: 物價指數升幅2%左右)
    "升幅",
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
    "冲破",
    "迈上",
    "跨上",
    "跨越",
    "站上",
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
    // a level reached (失业率降至4.2%以内, 城镇化率升至52%, 收入增至2.6万元)
    "降至",
    "降到",
    "增至",
    "升至",
    "升到",
    // (a level recovered: 接待游客恢复到4000万人次)
    "恢复到",
    "恢复至",
    // a net increase (地区生产总值净增100亿元以上: labelling call 18)
    "净增",
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
/// The first chars of the [`VERBS`], sorted: a char that opens none is
/// passed over without comparing every verb.
static VERB_FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<char> = VERBS.iter().filter_map(|w| w.chars().next()).collect();
    v.sort_unstable();
    v.dedup();
    v
});

static VERB_CHARS: std::sync::LazyLock<Vec<(&str, Vec<char>)>> =
    std::sync::LazyLock::new(|| VERBS.iter().map(|v| (*v, v.chars().collect())).collect());

/// The words that make a second figure a stretch of the first (增长8%以上，
/// 力争10%; 争取9%; 努力实现9%; 计划增长8%、工作目标8.5%).
pub(crate) const STRETCH_WORDS: [&str; 5] = ["力争", "争取", "努力实现", "努力达到", "工作目标"];

/// Whether `t` has a word of [`STRETCH_WORDS`] (their first chars asked
/// first: a char search is cheap, and this is asked of every segment).
fn says_stretch(t: &str) -> bool {
    ['力', '争', '努', '工'].iter().any(|&c| t.contains(c))
        && STRETCH_WORDS.iter().any(|w| t.contains(w))
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

pub(crate) fn at(c: &[char], i: usize, w: &str) -> bool {
    w.chars().enumerate().all(|(j, x)| c.get(i + j) == Some(&x))
}

/// A 、 between two levels of government (控制在省、市下达的目标以内): part of
/// a predicate, not a list of names.
pub(crate) fn joins_levels(c: &[char], k: usize) -> bool {
    k > 0
        && matches!(c[k - 1], '省' | '市' | '县')
        && c.get(k + 1)
            .is_some_and(|x| matches!(x, '市' | '县' | '区' | '乡' | '镇'))
}

/// Whether `c[k]` is a 均/都/各 that hands one predicate to the names before
/// it (城镇居民人均可支配收入和农民人均纯收入各增长7%, 化学需氧量和二氧化硫排放总量
/// 各削减2%).
pub(crate) fn is_shared_marker(c: &[char], k: usize) -> bool {
    matches!(c[k], '均' | '都' | '各')
        && !matches!(c.get(k.wrapping_sub(1)), Some('人' | '平' | '年'))
        && [
            "增长", "为", "达", "提高", "控制", "保持", "在", "实现", "与", "和", "削减", "下降",
            "降低", "减少",
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
            // 一、二、三产业 lists sectors: its 一、二、 are no list numbers
            if let Some(k) = t[..end].rfind("一、")
                && ["一、二、三产", "一、二产", "一、二、三次产", "一、二次产"]
                    .iter()
                    .any(|w| t[k..].starts_with(w))
            {
                end = k;
            }
            // a list number is no decimal's integer part (确保7.5%)
            if t[..end].ends_with('.') && t[end..].starts_with(|c: char| c.is_ascii_digit()) {
                end = t[..end - 1]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
            }
            s + t[..end].chars().count()
        }
        None => s,
    }
}

/// Reads one segment: its figures, where its name ends (the first verb or
/// figure), and then what kind of segment it is — one with no figure (a
/// qualitative target, a bare name), a 分别/均 list sharing its figures, or
/// a name with its figures.
pub(crate) fn read_segment(
    n: &Norm,
    ss: usize,
    se: usize,
    dict: &Dictionary,
    pat: &Patterns,
    mode: Mode,
) -> Seg {
    let c = &n.chars;
    // (…、完成省下达的节能减排目标等主要预期目标: the words that sum the list up
    // are no part of its last item)
    let se = if mode == Mode::Targets {
        SUMMING_UP
            .iter()
            .find(|w| n.text(ss, se).ends_with(*w))
            .map_or(se, |w| se - w.chars().count())
    } else {
        se
    };
    let text = n.text(ss, se);
    let mut seg = Seg {
        start: ss,
        end: se,
        name: None,
        nums: Vec::new(),
        name_end: ss,
        qualitative: false,
        fenbie: None,
        stretch_word: says_stretch(text),
        flat: false,
        condition: text.ends_with('后') && !text.contains('%'),
    };
    let ns = strip_fluff(n, ss, se, pat);
    let nums = segment_figures(c, text, ns, se, pat, mode);
    if nums.is_empty() {
        return read_figureless(n, seg, (ss, ns, se), dict, pat, mode);
    }
    // (the effort's verb is no part of the evidence either: 推动规上工业总产值
    // 增长8.5% is evidenced from the name, as real/dev 4802 labels it)
    let past_effort = past_effort_verbs(c, ns, nums[0].start);
    if past_effort > ns && ns == ss {
        seg.start = past_effort;
    }
    let ns = past_effort;
    // (a subject before the aim's verb is no part of the name: 吴中还将确保
    // 全社会固定资产投资增长5%)
    let ns = past_subject(n, (ns, nums[0].start), dict).unwrap_or(ns);
    // 6%左右——今年地区生产总值增长预期目标 (a 数读 card): the name after
    // its figure and a dash
    if let Some(card) = card(n, &seg, (ns, se), &nums, pat) {
        return card;
    }
    // name end: first verb or first figure
    let first_num = nums[0].start;
    let name_end = name_end_of(n, ns, first_num, &nums, dict);
    if let Some(shared) = shared_figures(n, &seg, (ns, name_end, first_num), &nums) {
        return shared;
    }
    // 减少农村贫困人口3万人, 65万以上贫困人口脱贫: the name after its verb
    // or its figure (the figures' verbs then start at the segment's start)
    if let Some(name) = verb_first_name(c, (ns, se), &nums, dict) {
        seg.name = Some(name);
        seg.name_end = ns;
        seg.nums = with_quals(c, &nums, ns);
        return seg;
    }
    seg.name = name_range(n, ns, name_end, mode);
    seg.name_end = name_end;
    seg.nums = with_quals(c, &nums, name_end);
    seg
}

/// The verbs of an effort a figure's name may follow (推动规上工业总产值增长
/// 8.5%, 努力使文旅收入增长20%): no part of the name. Only before a figure:
/// without one the clause is the effort's own (促进经济稳中有进), no target.
const EFFORT_VERBS: [&str; 7] = ["推动", "推进", "加快", "促进", "力促", "保持", "使"];

/// `ns` past the [`EFFORT_VERBS`] that open a segment's name, when a name
/// of two chars or more is left before its first figure at `first_num`.
fn past_effort_verbs(c: &[char], mut ns: usize, first_num: usize) -> usize {
    while let Some(v) = EFFORT_VERBS.iter().find(|v| at(c, ns, v)) {
        let after = ns + v.chars().count();
        // (使用 is a word of its own: 使用清洁能源比例)
        if *v == "使" && c.get(after) == Some(&'用') {
            break;
        }
        if after + 2 > first_num {
            break;
        }
        ns = after;
    }
    ns
}

/// The words a 数读 card's caption may end with after its name
/// (…增长预期目标, …涨幅控制目标, …新增就业目标).
const CARD_TAILS: [&str; 15] = [
    "目标", "指标", "预期", "控制", "调控", "计划", "增长", "增速", "增幅", "涨幅", "降幅", "下降",
    "年度", "性", "的",
];

/// A 数读 card (6%左右——今年全市地区生产总值增长预期目标, 4.5万人——城镇新增
/// 就业, 8%和9%——城镇、农村居民人均可支配收入分别增长): its figures open the
/// segment, a dash or a colon follows them, and a caption in words names
/// them ([`crate::norm::card_line_end`]). Its segment reads the caption's
/// name with the figures before it; the caption's scope and year (今年全市)
/// and its tail (增长预期目标) are no part of the name, and a figure read
/// inside the caption is none (零 of 零售). `None` when the segment is no
/// card.
fn card(
    n: &Norm,
    seg: &Seg,
    (ns, se): (usize, usize),
    nums: &[Num],
    pat: &Patterns,
) -> Option<Seg> {
    let c = &n.chars;
    if nums[0].start != ns {
        return None;
    }
    let line = crate::norm::card_line(c, ns, se)?;
    // the figures listed before the dash (8%和9%)
    let figures = &nums[..line.figures.min(nums.len())];
    let start = strip_fluff(n, line.caption, se, pat);
    if figures.len() > 1 {
        return shared_figures(n, seg, (start, start, se), figures);
    }
    let mut name = n.text(start, se);
    while let Some(w) = CARD_TAILS.iter().find(|w| name.ends_with(*w)) {
        name = &name[..name.len() - w.len()];
    }
    let end = start + name.chars().count();
    (end >= start + 2).then(|| Seg {
        name: Some((start, end)),
        name_end: ns,
        nums: with_quals(c, figures, ns),
        ..seg.clone()
    })
}

/// The verbs of an aim a subject may stand before (吴中还将确保…).
const SUBJECT_AIMS: [&str; 3] = ["确保", "力争", "争取"];

/// The longest subject before an aim's verb (a place, 我们).
const SUBJECT_MAX: usize = 6;

/// Where a segment's name starts past a short subject and an aim's verb
/// (吴中还将确保全社会固定资产投资增长5%: the place that aims, then what
/// it aims at): when the words before the verb name no indicator and the
/// words after it, to the first figure at `first_num`, do.
fn past_subject(n: &Norm, (ns, first_num): (usize, usize), dict: &Dictionary) -> Option<usize> {
    let text = n.text(ns, first_num);
    let (i, w) = SUBJECT_AIMS
        .iter()
        .filter_map(|w| text.find(w).map(|i| (i, *w)))
        .min()?;
    let subject = text[..i].trim_end_matches(['将', '要', '还', '也']);
    let after = ns + text[..i + w.len()].chars().count();
    let named = |t: &str| looks_like_indicator(strip_tail_verbs(t).as_str(), dict);
    let rest = n.text(after, first_num);
    let rest = VERBS
        .iter()
        .filter_map(|v| rest.find(v))
        .min()
        .map_or(rest, |k| &rest[..k]);
    ((1..=SUBJECT_MAX).contains(&subject.chars().count()) && !named(subject) && named(rest))
        .then_some(after)
}

/// Verbs of a decline written before what declines (减少农村贫困人口3万人).
const DECLINE_FIRST: [&str; 4] = ["减少", "降低", "削减", "压减"];

/// Words that may open a figure that comes before what it counts
/// (实现15万农村贫困人口脱贫).
const COUNT_LEADS: [&str; 5] = ["", "实现", "完成", "确保", "帮助"];

/// How a count written before its name ends: people or places lifted out of
/// poverty (65万以上贫困人口脱贫, 200个贫困村出列).
const COUNTED_ENDS: [&str; 5] = ["脱贫", "摘帽", "出列", "退出", "搬迁"];

/// The longest name read after its verb or its figure.
const NAME_AFTER_MAX: usize = 12;

/// The name of a segment that writes it after its verb of decline
/// (减少农村贫困人口3万人 → 农村贫困人口) or after its one figure (65万以上
/// 贫困人口脱贫 → 贫困人口脱贫; 完成500亿元固定资产投资 → 固定资产投资;
/// 创造2万个新就业岗位 → 新就业岗位).
fn verb_first_name(
    c: &[char],
    (ns, se): (usize, usize),
    nums: &[Num],
    dict: &Dictionary,
) -> Option<(usize, usize)> {
    let first = nums.first()?;
    // (零 of 零售 is read as the numeral 〇)
    let han = |a: usize, b: usize| {
        (2..=NAME_AFTER_MAX).contains(&(b - a))
            && c[a..b].iter().all(|&x| is_unified_han(x) || x == '〇')
    };
    if let Some(v) = DECLINE_FIRST.iter().find(|v| at(c, ns, v)) {
        let a = ns + v.chars().count();
        return (a < first.start && han(a, first.start)).then_some((a, first.start));
    }
    let lead: String = c[ns..first.start].iter().collect();
    // (after a connective: 并将创造20万个新工作岗位)
    let creates = CREATE_LEADS.contains(&lead.trim_start_matches(['并', '将', '还', '要']));
    if nums.len() != 1 || !(COUNT_LEADS.contains(&lead.as_str()) || creates) {
        return None;
    }
    let after = number::qual_after(c, first.end).map_or(first.end, |(_, e)| e);
    let name: String = c[after.min(se)..se].iter().collect();
    let named = if creates {
        name.ends_with("岗位")
    } else {
        COUNTED_ENDS.iter().any(|w| name.ends_with(w)) || dict.is_known(&name)
    };
    (after < se && han(after, se) && named).then_some((after, se))
}

/// Verbs that create what their figure counts, written before it
/// (创造2万个就业岗位, 新增1万个工作岗位).
const CREATE_LEADS: [&str; 4] = ["创造", "新增", "提供", "新创造"];

/// The figures of a segment that are the indicator's own: none in a
/// multi-year average (年均, 累计) or a comparison with another region; the
/// end of a 从A增加到B.
fn segment_figures(
    c: &[char],
    text: &str,
    ns: usize,
    se: usize,
    pat: &Patterns,
    mode: Mode,
) -> Vec<Num> {
    // (or a deadline of years ahead opening the segment, in a list that
    // gives the year's figures and the plan's: 今年财政一般预算收入增长12%，
    // 到2015年突破150亿元)
    let deadline = mode == Mode::Targets && {
        let t = text.trim_start_matches(['到', '至']);
        t.len() < text.len()
            && t.chars().take(4).all(|c| c.is_ascii_digit())
            && t.chars().nth(4) == Some('年')
    };
    let skip_figs = averages_years(text)
        || text.contains('累') && text.contains("累计")
        || text.contains('平') && text.contains("平均每年")
        || deadline;
    // figures relative to another region or an average are not the indicator's own;
    // a comparison base (较“十三五”末) makes the figures increments, not levels
    if skip_figs || (mode == Mode::Outcomes && text.contains('较') && text.contains('末')) {
        return Vec::new();
    }
    if pat.relative.is_match(text) && !pat.rate_change.is_match(text) {
        return if mode == Mode::Targets {
            margin_over_average(c, text, (ns, se), &pat.margin)
        } else {
            Vec::new()
        };
    }
    // 在去年增长5.2%的基础上, 在全国预期增长5%左右的背景下: the base or the
    // setting of the year's figures, no figure of the year's own
    let clause = text.trim_end_matches(['，', '。', '；', '：']);
    if text.starts_with('在') && SETTING_ENDS.iter().any(|w| clause.ends_with(w)) {
        return Vec::new();
    }
    let mut nums = number::scan(c, ns, se);
    // 500万元以上固定资产投资: a size that names what is counted, not a figure
    nums.retain(|x| !is_size_limit(c, x, se) && !is_a_count(c, x, se));
    if nums.is_empty() && text.contains("指数") {
        return number::bare_index(c, ns, se).into_iter().collect();
    }
    if nums.len() < 2 {
        return nums;
    }
    // 从A增加到B / 由A降到B: only B counts
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
            || before.contains('较') && before.contains("末的");
        if !is_from {
            keep.push(x.clone());
        }
    }
    keep
}

/// A target set as a margin over a wider average (生产总值增速高于全省平均水平
/// 0.5个百分点以上): its points are the target's figure, as labelling call 8
/// codes it. Any other figure beside a comparison is not the indicator's own
/// (增长8%，高于全国平均水平), nor is a margin of a result.
fn margin_over_average(
    c: &[char],
    text: &str,
    (ns, se): (usize, usize),
    margin: &Regex,
) -> Vec<Num> {
    let Some(m) = margin.find(text) else {
        return Vec::new();
    };
    // (only after its own name: 增长9.5%，高于全省预期目标1个百分点 measures
    // the figure before it against the province's)
    let named = text[..m.start()]
        .trim_end_matches("增速")
        .trim_end_matches("增幅")
        .trim_end_matches("增长")
        .chars()
        .count()
        >= 2;
    if !named {
        return Vec::new();
    }
    let after = se - text[m.end()..].chars().count();
    let nums = number::scan(c, ns, se);
    let margin = nums
        .iter()
        .all(|x| x.start >= after && x.unit == "个百分点");
    if margin { nums } else { Vec::new() }
}

/// Whether a figure is a size limit inside a name (500万元以上固定资产投资,
/// 亿元以上项目): a sum of money with 以上, right before the noun it limits.
fn is_size_limit(c: &[char], x: &Num, se: usize) -> bool {
    // (the figure's end may or may not take its 以上 in yet)
    let end = if c[x.start..x.end].ends_with(&['以', '上']) {
        x.end
    } else if at(c, x.end, "以上") {
        x.end + 2
    } else {
        return false;
    };
    let next = (end < se).then(|| c[end]);
    x.unit.ends_with('元')
        && next.is_some_and(|ch| {
            is_unified_han(ch) && !matches!(ch, '力' | '争' | '确' | '并' | '且' | '的' | '和')
        })
}

/// Whether a figure counts things, not an indicator's value: indicators
/// (…等4项经济指标增速排名全市第一), work areas (九项重点工作), places that
/// do something (…的有23个), a sized set of projects (总投资N亿元的M个项目).
fn is_a_count(c: &[char], x: &Num, se: usize) -> bool {
    let after: String = c[x.end.min(se)..se].iter().take(6).collect();
    let counted = match x.unit {
        // (…等4项经济指标; 抓好…九项重点工作)
        "项" => &[
            "指标",
            "经济指标",
            "主要指标",
            "主要经济指标",
            "重点工作",
            "工作",
            "任务",
        ][..],
        "个" => &["方面"][..],
        _ => &[][..],
    };
    counted.iter().any(|w| after.starts_with(w))
        // 预期GDP增长率高于去年的有23个: how many places do so
        || c[..x.start].ends_with(&['的', '有'])
        // 实施总投资1.6万亿元的452个重点项目: the size and count of a set of
        // projects, said of them, not aimed at
        || figure_of_figure(c, x, se)
}

/// Whether `x` is followed by 的 and another figure (总投资50亿元的20个项目),
/// or follows a figure and 的: a noun phrase that sizes and counts, no target.
fn figure_of_figure(c: &[char], x: &Num, se: usize) -> bool {
    // (in digits or in Chinese numerals: 总投资一点六万亿元的452个)
    let digit = |ch: &char| ch.is_ascii_digit() || crate::number::is_cn_digit(*ch);
    let digit_at = |k: usize| c.get(k).is_some_and(digit);
    let after_figure = x.start >= 2 && c[x.start - 1] == '的' && {
        // (a unit, then its figure, right before 的: 1.6万亿元的)
        let before = &c[x.start.saturating_sub(8)..x.start - 1];
        before.last().is_some_and(|&u| "元个项人吨亩%".contains(u)) && before.iter().any(digit)
    };
    (x.end < se && c[x.end] == '的' && digit_at(x.end + 1)) || after_figure
}

/// How a clause that sets the scene of the year's figures ends (在…的基础上).
const SETTING_ENDS: [&str; 4] = ["基础上", "背景下", "前提下", "情况下"];

/// The verbs of an aim that may stand, one or several, before the name they
/// aim at (all of two chars).
const AIM_VERBS: [&str; 4] = ["实现", "完成", "力争", "确保"];

/// Where the name of a segment with figures ends: at its first verb (a
/// verb inside a dictionary name does not count) or right before its first
/// figure.
fn name_end_of(n: &Norm, ns: usize, first_num: usize, nums: &[Num], dict: &Dictionary) -> usize {
    let c = &n.chars;
    let protected = dict.spans(n.text(ns, first_num));
    let mut k = ns;
    while k < first_num {
        if protected.iter().any(|&(a, b)| ns + a < k && k < ns + b) {
            k += 1;
            continue;
        }
        let opens_a_verb = VERB_FIRSTS.binary_search(&c[k]).is_ok();
        for (v, vc) in VERB_CHARS.iter().filter(|_| opens_a_verb) {
            if vc.first() == Some(&c[k]) && c[k..].starts_with(vc) {
                if v.ends_with('长') && c.get(k + vc.len()) == Some(&'率') {
                    break;
                }
                if *v == "增加" && c.get(k + 2) == Some(&'值') {
                    break;
                }
                // (a yearly mean's name: 细颗粒物年均浓度)
                if *v == "年均" && matches!(c.get(k + 2), Some('浓' | '值')) {
                    break;
                }
                if (*v == "实现" || *v == "完成") && k == ns {
                    break;
                }
                // 发展力争实现地区生产总值增长, 要确保完成地区生产总值增长: the
                // aim's verbs before the name (names::after_place_or_aim drops
                // the subject)
                if AIM_VERBS.contains(v) {
                    let mut after = k + vc.len();
                    while AIM_VERBS.iter().any(|w| at(c, after, w)) {
                        after += 2;
                    }
                    if protected.iter().any(|&(a, _)| ns + a == after) {
                        break;
                    }
                }
                return k;
            }
        }
        // 为/是/达/超 directly before a figure, or before 约 and the figure
        // (新增城镇就业超5万人; 不超 too; 税收占比达约75%; and a headline's 增:
        // 地区生产总值增7.5%)
        if matches!(c[k], '为' | '是' | '达' | '在' | '超' | '增')
            && nums
                .first()
                .is_some_and(|x| x.start == k + 1 || x.start == k + 2 && c[k + 1] == '约')
        {
            return if c[k] == '超' && k > ns && c[k - 1] == '不' {
                k - 1
            } else {
                k
            };
        }
        // …人数新增2万人: 新增 right before the figure is its verb (a name
        // may open with it: 新增城镇就业)
        if k > ns && at(c, k, "新增") && nums.first().is_some_and(|x| x.start == k + 2) {
            return k;
        }
        k += 1;
    }
    first_num
}

/// A segment with no figure: a qualitative target (与上年持平, a completion
/// such as 完成省下达的节能减排目标任务, a predicate such as 持续改善), or a
/// bare name (a list item, or the subject of the next clause's figure).
/// `(ss, ns, se)`: the segment's start, its start past the lead-in words,
/// its end.
fn read_figureless(
    n: &Norm,
    mut seg: Seg,
    (ss, ns, se): (usize, usize, usize),
    dict: &Dictionary,
    pat: &Patterns,
    mode: Mode,
) -> Seg {
    let rest = n.text(ns, se);
    if let Some(cut) = find_flat(rest) {
        let p = ns + rest[..cut].chars().count();
        seg.name = name_range(n, ns, p, mode);
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
    if mode == Mode::Targets
        && let Some(q) = qualitative_segment(n, &seg, (ss, ns, se), dict, pat)
    {
        return q;
    }
    // a bare name (list item, or the subject of the next clause)
    let name_text = n.text(ns, se);
    if name_text.chars().count() <= BARE_NAME_MAX && dict.is_known(name_text) {
        seg.name = Some((ns, se));
    } else if let Some(end) = alias_end(name_text, dict) {
        seg.name = Some((ns, ns + end));
    } else if mode == Mode::Targets
        && name_text.chars().count() <= LIST_ITEM_NAME_MAX
        && has_han(name_text)
        && !name_text.contains("目标")
    {
        // a list item of a shared predicate: 粮食总产量、生态环境、节能降碳等指标…
        seg.name = Some((ns, se));
    }
    seg.name_end = se;
    seg
}

/// The longest bare name (a segment with no figure) read as the dictionary's.
const BARE_NAME_MAX: usize = 30;

/// The longest list item of a shared predicate read as a name of its own
/// (粮食总产量、生态环境、节能降碳等指标…); longer runs are prose.
const LIST_ITEM_NAME_MAX: usize = 24;

/// A target with no figure: a completion (完成省下达的节能减排目标任务) or a
/// name with a qualitative predicate (持续改善, 与经济增长同步), when the name
/// reads as an indicator.
fn qualitative_segment(
    n: &Norm,
    seg: &Seg,
    (ss, ns, se): (usize, usize, usize),
    dict: &Dictionary,
    pat: &Patterns,
) -> Option<Seg> {
    let rest = n.text(ns, se);
    let ss = ss + crate::norm::list_marker_len(&n.chars, ss, se);
    let whole = n.text(ss, se);
    let ends_like_goal =
        whole.ends_with("目标") || whole.ends_with("任务") || whole.ends_with("指标");
    if let Some(caps) = pat.complete_lead.captures(whole).filter(|_| ends_like_goal) {
        let g = caps.get(1).expect("group");
        let a = ss + whole[..g.start()].chars().count();
        let b = ss + whole[..g.end()].chars().count();
        // (确保完成国家下达的指标: the goal itself, no indicator named)
        let name = n.text(a, b);
        if !["指标", "任务", "目标", "目标任务", "要求"].contains(&name)
            && looks_like_indicator(name, dict)
        {
            return Some(Seg {
                name: Some((a, b)),
                qualitative: true,
                name_end: b,
                ..seg.clone()
            });
        }
    }
    let m = pat.qualitative.find(rest)?;
    // (…增长率高于去年的有23个: a count after the predicate, not its state)
    if rest[m.end()..].chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // …排放总量在前两年连续下降的基础上进一步下降: the condition between
    // the name and its predicate is not part of the name
    let before = &rest[..m.start()];
    let before = match before.rfind('在') {
        Some(i) if before.ends_with("基础上") && i > 0 => &before[..i],
        _ => before,
    };
    // 国际收支状况得到改善, 国际收支不平衡的状况: the state of an indicator
    // is the indicator
    let before = STATE_WORDS
        .iter()
        .find_map(|w| before.strip_suffix(w).filter(|r| !r.is_empty()))
        .unwrap_or(before);
    // (a growth held or raised in quality after the verb, as a table's name
    // cell holds it: 进出口总额增长 | 促稳提质, 实际使用外资增速稳中有进)
    let before = if m.as_str().starts_with(['稳', '促']) {
        before
            .strip_suffix("增长")
            .or_else(|| before.strip_suffix("增速"))
            .unwrap_or(before)
    } else {
        before
    };
    let p = ns + before.chars().count();
    let (a, b) = name_range(n, ns, p, Mode::Targets)?;
    let qualitative = looks_like_indicator(n.text(a, b), dict);
    Some(Seg {
        name: qualitative.then_some((a, b)),
        qualitative,
        name_end: p,
        ..seg.clone()
    })
}

/// What a name may end with when a qualitative target speaks of its state
/// (国际收支状况, 国际收支不平衡的状况), longest first.
const STATE_WORDS: [&str; 4] = ["不平衡的状况", "的状况", "状况", "状态"];

/// A 分别 list (城镇、农村居民人均可支配收入分别增长7%、8%) or names sharing one
/// figure (城乡居民收入均增长8%): the segment with one name per figure.
fn shared_figures(
    n: &Norm,
    seg: &Seg,
    (ns, name_end, first_num): (usize, usize, usize),
    nums: &[Num],
) -> Option<Seg> {
    let c = &n.chars;
    let several_names = |k: usize| {
        let names = n.text(ns, k);
        names.starts_with("城乡") || names.contains(['、', '和', '及'])
    };
    let p = find(c, ns, first_num, "分别")
        .or_else(|| (ns..first_num).find(|&k| is_shared_marker(c, k) && several_names(k)))
        // 城镇居民人均可支配收入和农民人均纯收入增长8%和9%: figures listed as
        // the names are read in their order, as with 分别
        .or_else(|| {
            (name_end > ns && figures_listed(c, nums) && several_names(name_end))
                .then_some(name_end)
        })?;
    // (a lead-in glued in front of the names: 报告提出了城乡居民人均可支配收入分别增长)
    let (lead_in, ns) = (ns, crate::names::after_speaker(n, (ns, p)).0);
    // (the year between the names and 分别: …和农民人均纯收入今年分别增长)
    let names_text = n.text(ns, before_the_year(c, ns, p));
    let names_text = strip_tail_verbs(names_text);
    let mut names = expand_list(&names_text, nums.len().max(2));
    // 分别增长20%左右 / 均增长7% after several names: each name gets the figure,
    // read once with its qualifier (均增长约10%: each is about 10%)
    let shared = names.len() >= 2 && nums.len() == 1;
    let nums = if shared {
        vec![nums[0].clone(); names.len()]
    } else {
        nums.to_vec()
    };
    // 对东盟、共建“一带一路”国家进出口总额: every item is a partner's trade
    if names.first().is_some_and(|x| x.starts_with('对')) {
        for x in &mut names {
            if !x.starts_with('对') {
                x.insert(0, '对');
            }
        }
    }
    if names.len() != nums.len() || names.len() < 2 {
        return None;
    }
    // one written name split into several (城乡 → 城镇, 农村) keeps its spelling
    // (as the original has it: traditional characters and glosses kept)
    // — and so does one joined by 和/及 whose names share a tail
    // (城镇和农村居民人均可支配收入); a 、 list names each part (城镇、农村…
    // gives 城镇居民…, 农村居民…)
    let composed =
        names_text.contains(['和', '及']) && names.iter().any(|x| !names_text.contains(x.as_str()));
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
    Some(Seg {
        fenbie: Some(Fenbie {
            names,
            written,
            spelled,
        }),
        nums: if shared {
            vec![with_quals(c, &nums[..1], p).remove(0); nums.len()]
        } else {
            with_quals(c, &nums, p)
        },
        name_end: p,
        // (the evidence starts at the names, past a lead-in)
        start: if ns > lead_in { ns } else { seg.start },
        ..seg.clone()
    })
}

/// Whether `nums` (two or more) are one list of figures: nothing between
/// two of them but 和, 与, 及 or 、 (8%和9%, 7%、8%、9%).
fn figures_listed(c: &[char], nums: &[Num]) -> bool {
    nums.len() >= 2
        && nums
            .windows(2)
            .all(|w| w[1].start == w[0].end + 1 && matches!(c[w[0].end], '和' | '与' | '及' | '、'))
}

/// 居民消费价格与上年持平: the byte offset where the predicate starts.
fn find_flat(rest: &str) -> Option<usize> {
    // (the 持平 of 保持平稳增长 is no 持平)
    let p = rest
        .match_indices("持平")
        .map(|(i, _)| i)
        .find(|&i| !rest[..i].ends_with('保'))?;
    let mut cut = p;
    // 与上年基本持平: every such word before 持平 belongs to the predicate
    while let Some(w) = ["与上年", "同比", "与去年", "和上年", "基本"]
        .iter()
        .find(|w| rest[..cut].ends_with(*w))
    {
        cut -= w.len();
    }
    // (增速与全省持平, 与全国平均水平持平: level with a wider average, a
    // qualitative target the pattern reads, not a level kept from last year)
    let before = rest[..cut].trim_end_matches("平均水平");
    let wider = ["全国", "全省", "全市", "全区", "省", "市"]
        .iter()
        .any(|p| {
            before
                .strip_suffix(p)
                .is_some_and(|b| b.ends_with(['与', '和', '同']))
        });
    (!wider).then_some(cut)
}

/// The end of a name `[s, e)` without the year written between it and its
/// verb (全社会固定资产投资今年增长25%, …农民人均纯收入今年分别增长), when a name
/// of two chars at least is left.
fn before_the_year(c: &[char], s: usize, e: usize) -> usize {
    if e >= s + 4 && ["今年", "明年", "全年"].iter().any(|w| at(c, e - 2, w)) {
        e - 2
    } else {
        e
    }
}

fn find(c: &[char], s: usize, e: usize, w: &str) -> Option<usize> {
    (s..e).find(|&k| at(c, k, w))
}

/// What sums up a list of the year's aims after its last item (…、完成节能减排
/// 目标等主要预期目标).
pub(crate) const SUMMING_UP: [&str; 3] = ["等主要预期目标", "等预期目标", "等主要目标"];

/// Words after a name that call its figure a target (生产总值目标增长8%).
const TARGET_WORDS: &[&str] = &["的预期目标", "预期目标", "的目标", "目标", "预期"];

fn name_range(n: &Norm, ns: usize, ne: usize, mode: Mode) -> Option<(usize, usize)> {
    if ne <= ns {
        return None;
    }
    // 【今年目标】经济增长5%左右: a bracketed heading before the first item is
    // not part of its name; 【地区生产总值】增长5%左右: with nothing after it,
    // what the brackets hold is the name
    let (ns, ne) = match n.text(ns, ne).rfind(['】', ']']) {
        Some(i) => {
            let close = ns + n.text(ns, ne)[..i].chars().count();
            let open = n.text(ns, close).rfind(['【', '[']);
            match open {
                Some(o) if close + 1 >= ne => {
                    (ns + n.text(ns, close)[..o].chars().count() + 1, close)
                }
                _ => (close + 1, ne),
            }
        }
        None => (ns, ne),
    };
    if ne <= ns {
        return None;
    }
    // (the year between a name and its verb: 全社会固定资产投资今年增长25%)
    let ne = before_the_year(&n.chars, ns, ne);
    let t = n.text(ns, ne);
    let stripped = strip_tail_verbs(t);
    // 生产总值目标增长8%, 经济增长的预期目标为: the words that call the
    // figure a target are not the name's (a result so worded is no result)
    let stripped = TARGET_WORDS
        .iter()
        .filter(|_| mode == Mode::Targets)
        .find_map(|w| {
            stripped
                .strip_suffix(w)
                .filter(|rest| rest.chars().count() >= 2)
        })
        .map_or(stripped.clone(), str::to_owned);
    // (a dash or a colon between the name and its figure: 地区生产总值——增长8%)
    let stripped = stripped
        .trim_end_matches(['—', '－', '-', '：', ':', '～', '~', '·'])
        .to_owned();
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
    // 与全省“6.5%左右”的目标相比, 比全国高: a comparison with another
    // government's figure, no name
    if let Some(rest) = stripped.strip_prefix(['与', '比', '同', '较'])
        && ["全省", "全国", "全市", "全区", "全州", "省", "国家", "中央"]
            .iter()
            .any(|w| rest.starts_with(w))
    {
        return None;
    }
    Some((ns, ns + len))
}

/// Whether `t` averages over years (年均增长8%): a plan's goal, not the
/// year's. A yearly mean's name (细颗粒物年均浓度, 年均值) is not.
pub(crate) fn averages_years(t: &str) -> bool {
    // (均 asked first: a char search is cheap, and this is asked of every
    // segment)
    t.contains('均')
        && t.match_indices("年均").any(|(i, w)| {
            let rest = &t[i + w.len()..];
            !(rest.starts_with("浓度") || rest.starts_with('值'))
        })
}
