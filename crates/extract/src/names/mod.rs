//! Indicator names as reports write them: lists (城镇、农村居民…), catch-all
//! lists of binding indicators, names versus slogans.

use crate::indicator::Dictionary;
use crate::norm::Norm;

mod make;
pub(crate) use make::make_items;

/// Trailing words that belong to the verb, not the name.
pub(crate) const NAME_TAIL: &[&str] = &[
    // (…和农民人均纯收入的增长目标分别锁定在9%和8%: what the figure sets)
    "增长目标",
    "同口径",
    // how the growth is measured (地区生产总值按可比价格计算增长8%,
    // 一般公共预算收入可比口径增长8%)
    "可比口径",
    "按可比价格计算",
    "按可比价计算",
    "按可比口径计算",
    "按可比价",
    "可比价",
    // annual (地区生产总值年增长8%)
    "年",
    "同比",
    "实际",
    "名义",
    "分别",
    "均",
    "各",
    "总量",
    "全年",
    "稳定",
    "保持",
    "预计",
    // 地区生产总值计划增长8%、工作目标8.5%
    "计划",
    // (全社会固定资产投资拟安排增长8%左右, 初步安排增长20%)
    "安排",
    "拟",
    "初步",
    "初步核算",
    "的",
    "将",
    "要",
    "也",
    "还",
    "仍",
    // (2026年全市GDP则预期增长5%左右: the contrast after the name)
    "则",
    // the modal and aspect words between a name and its predicate (出生率应
    // 控制在11‰以内, 粮食产量继续稳定在…, 物价基本稳定)
    "应",
    "须",
    "必须",
    "力争",
    "争取",
    "确保",
    // (规模以上工业增加值至少增长14%: a floor, read by the figure)
    "至少",
    "努力",
    "力求",
    "继续",
    "进一步",
    "持续",
    "基本",
    "有望",
    "可望",
    // a measure word before a predicate without a figure (居民消费价格涨幅与
    // 上年持平): the name is what it measures
    "涨幅",
    "升幅",
    "增幅",
    "增速",
    // (社会消费品零售总额增长率与全市目标保持一致; not 人口自然增长率)
    "增长率",
];

pub(crate) fn has_han(s: &str) -> bool {
    s.chars().any(crate::norm::is_unified_han)
}

/// A normalised name as a reader writes it: the normalisation reads 零
/// as the numeral 〇 (二〇二四年), which no indicator's name holds.
pub(crate) fn as_written(s: &str) -> String {
    s.replace('〇', "零")
}

pub(crate) fn strip_tail_verbs(s: &str) -> String {
    // 城乡居民收入水平逐年提高: the level of an income is the income
    let mut t = s
        .strip_suffix("收入水平")
        .map_or_else(|| s.to_owned(), |x| format!("{x}收入"));
    loop {
        let before = t.len();
        for w in NAME_TAIL {
            // 排放总量 names a measure (主要污染物排放总量)
            if *w == "总量" && t.ends_with("排放总量") {
                continue;
            }
            if *w == "增长率" && t.ends_with("自然增长率") {
                continue;
            }
            // 供应, 响应, 效应 are nouns (电力供应)
            if *w == "应"
                && ["供应", "响应", "效应", "适应", "反应", "对应"]
                    .iter()
                    .any(|n| t.ends_with(n))
            {
                continue;
            }
            // (能耗强度和总量: the last part of a list is a name of its own)
            if let Some(x) = t
                .strip_suffix(w)
                .filter(|x| !x.ends_with(['和', '及', '与', '、']))
            {
                t = x.to_owned();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// 城镇、农村居民人均可支配收入 → [城镇居民人均可支配收入, 农村居民人均可支配收入];
/// 城乡居民人均可支配收入 with two figures → the urban and rural names.
pub(crate) fn expand_list(names: &str, count: usize) -> Vec<String> {
    // (a remark inside a name is no part of it: 健康产业（含生物医药）)
    let plain = crate::indicator::without_remarks(names);
    let names = plain.as_str();
    let parts: Vec<&str> = names
        .split(['、', '和', '及'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() <= 1 {
        if count == 2
            && let Some(rest) = names.strip_prefix("城乡")
        {
            return vec![format!("城镇{rest}"), format!("农村{rest}")];
        }
        return vec![names.to_owned()];
    }
    // 城、乡居民人均可支配收入: the one-character 城 and 乡 are urban and rural
    if parts.len() == 2
        && parts[0] == "城"
        && let Some(rest) = parts[1].strip_prefix('乡')
    {
        return vec![format!("城镇{rest}"), format!("农村{rest}")];
    }
    if let Some(sectors) = sector_list(&parts) {
        return sectors;
    }
    let last = parts[parts.len() - 1];
    let last_chars: Vec<char> = last.chars().collect();
    let mut out = Vec::new();
    for p in &parts[..parts.len() - 1] {
        let len = p.chars().count();
        // a modifier (城镇, 一产, 城镇居民) takes the last name's tail; a
        // name of its own (进出口总额, 实际利用外资) does not
        // (or a sector, however long: 战略性新兴产业、高新技术产业增加值)
        // (就业 and 出口 end names of their own: 城镇新增就业、农村劳动力转移就业,
        // 外贸出口、规模以上工业增加值)
        // (化学需氧量、二氧化硫排放量: a pollutant, whose name ends in 量
        // too, takes the emission's tail)
        let pollutant = p.ends_with("需氧量") && last.contains("排放");
        let modifier = (len <= 4 || p.ends_with('业'))
            && !p.ends_with(|c: char| "额资入值率量金数价格出口".contains(c))
            && !p.ends_with("就业")
            || pollutant;
        if modifier && len < last_chars.len() {
            // the tail follows the last name's own word that ends as the
            // modifier does (农业、服务业增加值: 增加值 after 服务业); else
            // it follows as many chars as the modifier has, and never opens
            // with the end of a name (二氧化硫和化学需氧量排放量: 排放量)
            let shared_end = p.chars().last().and_then(|end| {
                last_chars[1..last_chars.len() - 1]
                    .iter()
                    .rposition(|&x| x == end)
                    .map(|i| i + 2)
            });
            // (or at the measure the last name ends in: 氨氮、氮氧化物排放量 →
            // 氨氮排放量)
            let measured = || {
                let last: String = last_chars.iter().collect();
                TAIL_WORDS
                    .iter()
                    .filter_map(|w| last.find(w).map(|b| last[..b].chars().count()))
                    .filter(|&k| k > 0)
                    .min()
            };
            let mut from = shared_end.or_else(measured).unwrap_or(len);
            while shared_end.is_none()
                && from + 1 < last_chars.len()
                && "量额值率物".contains(last_chars[from])
            {
                from += 1;
            }
            let tail: String = last_chars[from..].iter().collect();
            if p.ends_with(&tail) || tail.is_empty() {
                out.push((*p).to_owned());
            } else {
                out.push(format!("{p}{tail}"));
            }
        } else {
            out.push((*p).to_owned());
        }
    }
    out.push(last.to_owned());
    out
}

/// The measures of pollutants a list's last name may end in, which the
/// pollutants before it share (氨氮、氮氧化物排放量).
pub(super) const TAIL_WORDS: [&str; 3] = ["排放总量", "排放量", "排放强度"];

/// A list of the three sectors by their ordinals (第一、二、三产业增加值,
/// 一、二、三产业增加值, 一、二、三产增加值): each sector's full name
/// (第一产业增加值 …; the short 一产 form stays short, as 一产、二产、三产 is
/// written).
fn sector_list(parts: &[&str]) -> Option<Vec<String>> {
    let ordinal = |p: &str| {
        let mut cs = p.trim_start_matches('第').chars();
        let o = cs.next().filter(|c| "一二三".contains(*c))?;
        Some((o, cs.as_str().to_owned()))
    };
    let (last_o, last_rest) = ordinal(parts[parts.len() - 1])?;
    let (long, rest) = if let Some(r) = last_rest.strip_prefix("产业") {
        (true, r)
    } else {
        (false, last_rest.strip_prefix('产')?)
    };
    let mut ords = Vec::new();
    for p in &parts[..parts.len() - 1] {
        match ordinal(p) {
            Some((o, r)) if r.is_empty() => ords.push(o),
            _ => return None,
        }
    }
    ords.push(last_o);
    Some(
        ords.into_iter()
            .map(|o| {
                if long {
                    format!("第{o}产业{rest}")
                } else {
                    format!("{o}产{rest}")
                }
            })
            .collect(),
    )
}

/// The longest prefix of a name tried as an alias of a canonical indicator.
const ALIAS_PREFIX_MAX: usize = 24;

/// The longest run of text read as an indicator's name.
const INDICATOR_NAME_MAX: usize = 40;

pub(crate) fn alias_end(name: &str, dict: &Dictionary) -> Option<usize> {
    // the shortest prefix of `name` that resolves to a canonical indicator, in
    // chars (prefixes are slices of `name`): (chars, resolves) for 2..=ALIAS_PREFIX_MAX
    let known: Vec<(usize, bool)> = name
        .char_indices()
        .map(|(b, c)| b + c.len_utf8())
        .enumerate()
        .skip(1)
        .take(ALIAS_PREFIX_MAX - 1)
        .map(|(i, end)| (i + 1, dict.is_known(&name[..end])))
        .collect();
    let next_char = |k: usize| name.chars().nth(k);
    let first = known
        .iter()
        .find(|&&(k, ok)| ok && !matches!(next_char(k), Some('占' | '比')))?
        .0;
    // extend to the longest resolving prefix (城镇居民 + 人均可支配收入)
    known
        .iter()
        .filter(|&&(k, ok)| ok && k >= first)
        .map(|&(k, _)| k)
        .max()
}

/// Indicator-like names (qualitative targets must name one, slogans do not).
pub(crate) fn looks_like_indicator(name: &str, dict: &Dictionary) -> bool {
    let n = name.chars().count();
    // (an acronym the dictionary knows is a name: CPI涨幅与全市保持一致)
    if n == 0 || n > INDICATOR_NAME_MAX || !has_han(name) && !dict.is_known(name) {
        return false;
    }
    if catch_all(name) {
        return false;
    }
    dict.is_known(name) || INDICATOR_WORDS.is_match(name)
}

/// The words of [`INDICATOR_WORD_LIST`] in one automaton (asked of many names).
static INDICATOR_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(INDICATOR_WORD_LIST).expect("fixed word list")
    });

/// Words that make a name a measure ([`looks_like_indicator`]).
const INDICATOR_WORD_LIST: &[&str] = &[
    "率",
    "强度",
    "排放",
    "能耗",
    "总量",
    "产量",
    "指标",
    "环境",
    "质量",
    "收入",
    "投资",
    "增加值",
    "消费",
    "价格",
    "减排",
    "降碳",
    "碳",
    "污染",
    "耗",
    "用水",
    "总值",
    "空气",
    "水质",
    // (细颗粒物（PM2.5）年均浓度继续下降)
    "浓度",
    "节能",
    "进出口",
    "外资",
    "就业",
    "总额",
    "产值",
    "物价",
    // the poor and their places (农村贫困人口全部脱贫, 贫困县全部摘帽)
    "贫困",
    "营业",
    "出口",
    "收支",
    // measures by their kind: a quantity, an area, a count, a ratio
    // (耕地保有量, 基本农田保护面积, 死亡人数, 优良天数, 比例, 指数)
    "量",
    "面积",
    "人数",
    // (visits counted: 接待游客人次稳中有升)
    "人次",
    "起数",
    "天数",
    "比例",
    "比重",
    "指数",
];

/// How a list of names ends when it stands for its items (A、B等指标).
const LIST_TAILS: &[&str] = &[
    "等主要约束性指标",
    "等约束性指标",
    "等预期性指标",
    "等主要指标",
    "等各项指标",
    "等指标",
];

/// 各项约束性指标, 其他指标, 一批…指标, 节能减排和大气、水环境质量等约束性指标: lists
/// of "everything else", not targets; nor is how a task is done (高质量…).
pub(crate) fn catch_all(name: &str) -> bool {
    // (高质量完成…任务, 高水平建设: how a task is done, not what is measured)
    name.starts_with("高质量")
        || name.starts_with("高水平")
        || name.starts_with("高标准")
        || name.starts_with("各项")
        || name.starts_with("其他")
        || name.starts_with("其它")
        || name.starts_with("各类")
        // (一批反映高质量发展成效的结构性、内涵性指标: a set left unnamed)
        || name.starts_with("一批")
        || name.starts_with("一系列")
        || name.contains("等约束性指标")
        || name.starts_with("约束性指标")
        || name.starts_with("主要约束性指标")
}

/// Builds the item(s) of a segment with a name (or a 、 list of names).
/// `A和B` (or 及, 与) where both sides are canonical indicators, or one is
/// and the other reads as an indicator (万元生产总值综合能耗和主要污染物排放总量):
/// the two names, in order.
/// A qualitative target may join two names of its own (空气质量和水环境质量
/// 持续改善) and give each its task (完成能耗强度降低和煤炭消费压减任务): the
/// parts, without the task's verb, are two when both read as indicators.
fn joined_indicators<'a>(
    name: &'a str,
    dict: &Dictionary,
    qualitative: bool,
) -> Option<Vec<&'a str>> {
    let both = |a: &str, b: &str| a.chars().count() >= 2 && dict.is_known(a) && dict.is_known(b);
    if let Some((i, c)) = name.char_indices().find(|&(_, c)| matches!(c, '和' | '及')) {
        let (a, b) = (&name[..i], &name[i + c.len_utf8()..]);
        let one_and_a_name = |x: &str, y: &str| {
            x.chars().count() >= 4
                && y.chars().count() >= 4
                && dict.is_known(x)
                && !dict.is_known(y)
                && looks_like_indicator(y, dict)
        };
        if both(a, b) || one_and_a_name(a, b) || one_and_a_name(b, a) {
            return Some(vec![a, b]);
        }
        let (a, b) = (without_task_verb(a), without_task_verb(b));
        // (节能减排 and 环境保护 are programmes, not indicators: 节能减排和碳排放
        // 强度下降完成国家下达任务 stays one target, as a list of goals does)
        let own = |x: &str| {
            x.chars().count() >= 2
                && looks_like_indicator(x, dict)
                && !["指标", "目标", "任务", "等"].iter().any(|w| x.contains(w))
                && !PROGRAMMES.iter().any(|w| x.ends_with(w))
        };
        return (qualitative && own(a) && own(b)).then(|| vec![a, b]);
    }
    // 固定资产投资与社会消费品零售总额均增长10%: 与 joins two names only when
    // both are canonical (与 also opens predicates: 与经济增长同步)
    if let Some(i) = name.find('与')
        && both(&name[..i], &name[i + '与'.len_utf8()..])
    {
        return Some(vec![&name[..i], &name[i + '与'.len_utf8()..]]);
    }
    // 外贸外资促稳提质: two short names of two indicators written side by side
    // (外贸进出口 is one name: both halves name the same indicator)
    if name.chars().count() > 6 {
        return None;
    }
    let id = |x: &str| dict.resolve(x).id;
    name.char_indices()
        .skip(2)
        .map(|(i, _)| (&name[..i], &name[i..]))
        .find(|&(a, b)| b.chars().count() >= 2 && both(a, b) && id(a) != id(b))
        .map(|(a, b)| vec![a, b])
}

/// A qualitative part without its task and the task's verb (煤炭消费压减任务
/// → 煤炭消费, 能耗强度降低 → 能耗强度).
fn without_task_verb(x: &str) -> &str {
    let x = ["任务", "目标"]
        .iter()
        .find_map(|w| x.strip_suffix(w))
        .unwrap_or(x);
    ["降低", "下降", "压减", "削减", "减少", "控制"]
        .iter()
        .find_map(|v| x.strip_suffix(v).filter(|r| r.chars().count() >= 2))
        .unwrap_or(x)
}

/// How the name of a programme of work ends (节能减排, 节能降碳, 环境保护,
/// 污染治理): a programme is no indicator of its own.
const PROGRAMMES: [&str; 5] = ["减排", "降碳", "保护", "治理", "建设"];

/// The demonstrative a comment on a figure opens with (这是, 这一; not 此,
/// which opens 此外).
const DEMONSTRATIVES: [char; 1] = ['这'];

/// Words that end a speaker's or a time's lead-in glued to a name in news
/// prose (`福建省…开幕提出今年生产总值`, `云南省在固定资产投资`,
/// `2018年全省生产总值`, `今年确定的地区生产总值`): the name starts after the
/// last of them.
const LEAD_IN_ENDS: &[&str] = &[
    "提出",
    "确定",
    "表示",
    "指出",
    "透露",
    "介绍",
    "强调",
    "开幕",
    "会议",
    "报告",
    "今年",
    "明年",
    "年",
    "在",
    "计划",
    "预计",
    "要求",
    "标准下",
    // (报告安排财政收入增长12%, 报告把全社会固定资产投资增长目标确定为30%)
    "安排",
    "把",
];

/// The lead-ins that end in 的, read after [`LEAD_IN_ENDS`] (重庆今年确定的地区
/// 生产总值增长目标是6%左右): a name with 的 is asked for them only (占地区
/// 生产总值的比重 is a name of its own).
const SET_BY: [&str; 5] = ["确定的", "提出的", "制定的", "设定的", "明确的"];

/// Whether `t` ends in a year's number, written in digits (2018), in
/// Chinese numerals (二〇一八) or both (二0一0), or in a word that makes 年 a
/// year (去年, 上年), not in a figure or a word of a name (PM2.5年均浓度,
/// 细颗粒物年均浓度).
fn names_a_year_before(t: &str) -> bool {
    // (去年, 上年, 当年 … name a year too)
    if t.ends_with(['去', '今', '明', '上', '前', '当', '全', '每']) {
        return true;
    }
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
    let run: Vec<char> = t.chars().rev().take_while(|&c| numeral(c)).collect();
    // (a year written in both: 二0一0年)
    run.len() >= 2 && !t[..t.len() - run.iter().map(|c| c.len_utf8()).sum::<usize>()].ends_with('.')
}

/// The name range `(a, b)` without a lead-in glued in front of it, and
/// without the scope word (全省 …) that may then open it; unchanged when
/// what would remain resolves to nothing shorter than the whole.
pub(crate) fn after_speaker(n: &Norm, (a, b): (usize, usize)) -> (usize, usize) {
    let t = n.text(a, b);
    // the last chars of the lead-in words and the first of the provinces:
    // most names hold none of them past their first char
    let may_trim = t
        .chars()
        .skip(1)
        .any(|c| "出示露绍调幕议告年在划计求标把".contains(c))
        // (排 of 安排 alone: most names with 排 are of emissions, 排放)
        || t.contains("安排")
        || crate::meta::province_prefix(t).is_some()
        || t.contains('的') && SET_BY.iter().any(|w| t.contains(w));
    if !may_trim {
        return (a, b);
    }
    let mut cut = 0;
    for w in LEAD_IN_ENDS.iter().chain(&SET_BY) {
        if let Some(p) = t.rfind(w) {
            // (年 ends a time's lead-in, 2018年全省生产总值, not a name's own
            // word: 细颗粒物年均浓度)
            if *w == "年" && !names_a_year_before(&t[..p]) {
                continue;
            }
            let end = p + w.len();
            // a lead-in leaves a name of at least two chars behind it
            let leaves_a_name = t[end..].chars().count() >= 2;
            if end > cut && leaves_a_name && (!t[..p].is_empty() || ["今年", "把"].contains(w)) {
                cut = end;
            }
        }
    }
    // a province named in front of its figure (湖北地区生产总值, 上海地方财政收入)
    if let Some(k) = crate::meta::province_prefix(&t[cut..])
        && t[cut + k..].chars().count() >= 4
    {
        cut += k;
    }
    // 目标 glued in front of a name (上海目标万元生产总值综合能耗进一步下降,
    // 主要预期目标为地区生产总值增长5%左右)
    if let Some(after) = t[cut..].strip_prefix("目标") {
        let name = ["定为", "为", "是"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        if name.chars().count() >= 4 {
            cut = t.len() - name.len();
        }
    }
    if cut == 0 {
        return (a, b);
    }
    // (and the particle after its verb: 报告提出了全市GDP增长5.5%)
    let rest = without_scope(t[cut..].strip_prefix('了').unwrap_or(&t[cut..]));
    let dropped = t.chars().count() - rest.chars().count();
    (a + dropped, b)
}

/// `s` without a leading 的 and scope word (全省, 本市, 我县 …), when a name
/// of two chars or more remains.
fn without_scope(s: &str) -> &str {
    let rest = s.trim_start_matches('的');
    for scope in [
        "全省",
        "全市",
        "全区",
        "全县",
        "全州",
        "全地区",
        "该省",
        "该市",
        "该区",
        "该县",
        "该州",
        "该旗",
        "本省",
        "本市",
        "本区",
        "本县",
        "我省",
        "我市",
        "我区",
        "我县",
    ] {
        if let Some(r) = rest.strip_prefix(scope)
            && r.chars().count() >= 2
        {
            // (全县的地区生产总值)
            let r2 = r.trim_start_matches('的');
            return if r2.chars().count() >= 2 { r2 } else { r };
        }
    }
    rest
}

/// Words of aim between a subject and the indicator it aims at
/// (全市经济社会发展力争实现地区生产总值增长6.5%); their first chars are
/// asked first in [`after_place_or_aim`]: keep the two lists together.
const AIM_WORDS: &[&str] = &["力争", "确保", "争取", "实现", "预期", "预计", "围绕"];

/// The name range `(a, b)` without what a news report puts in front of a
/// canonical indicator's name: a place (珠海市地区生产总值, 临沂GDP) or a
/// subject and its aim (经济社会发展力争实现地区生产总值). Only trimmed when
/// what remains resolves (the dictionary may resolve the whole by its tail).
/// Also returns where the evidence starts when an aim was dropped (after the
/// aim word: 围绕郑州市地区生产总值增长7% is evidenced from 郑州市).
fn after_place_or_aim(
    n: &Norm,
    (a, b): (usize, usize),
    dict: &Dictionary,
) -> ((usize, usize), Option<usize>) {
    let t = n.text(a, b);
    if t.chars().count() < 4 {
        return ((a, b), None);
    }
    let known = |r: &str| r.chars().count() >= 2 && dict.is_known(r);
    // what follows an aim word, or the whole; then without a place in front
    // (the words' first chars asked first: most names hold none)
    let aimed = t.contains(['力', '确', '争', '实', '预', '围']);
    let heads = std::iter::once(t).chain(
        AIM_WORDS
            .iter()
            .filter(|_| aimed)
            .filter_map(|w| t.rfind(w).map(|p| without_scope(&t[p + w.len()..]))),
    );
    let Some((head, rest)) = heads
        .flat_map(|h| {
            let placed = baogao_regions::Divisions::builtin()
                .name_at_start(h)
                .map(|place| (h, without_scope(&h[place..])));
            [Some((h, h)), placed]
        })
        .flatten()
        .filter(|(_, r)| r.len() < t.len() && known(r))
        .min_by_key(|(_, r)| r.len())
    else {
        return ((a, b), None);
    };
    let chars = t.chars().count();
    let evidence = (head.len() < t.len()).then(|| a + chars - head.chars().count());
    ((a + chars - rest.chars().count(), b), evidence)
}

#[cfg(test)]
mod tests {
    use super::make::without_task_words;
    use super::*;

    #[test]
    fn task_words_leave_the_target() {
        for (name, key) in [
            ("年度节能减排约束性指标", "节能减排"),
            ("节能减排目标任务", "节能减排"),
            ("节能减排和环境保护等任务", "节能减排和环境保护"),
            ("节能减排降碳目标", "节能减排降碳"),
            (
                "节能减排降碳约束性指标和环境质量改善目标",
                "节能减排降碳约束性指标和环境质量改善目标",
            ),
            ("目标任务", "目标任务"),
        ] {
            assert_eq!(without_task_words(name), key, "{name}");
        }
    }

    #[test]
    fn list_expansion() {
        assert_eq!(
            expand_list("城镇、农村居民人均可支配收入", 2),
            vec!["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert_eq!(
            expand_list("城镇居民、农村居民人均可支配收入", 2),
            vec!["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert_eq!(
            expand_list("一产、二产、三产增加值", 3),
            vec!["一产增加值", "二产增加值", "三产增加值"]
        );
        assert_eq!(
            expand_list("城乡居民人均可支配收入", 2),
            vec!["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert_eq!(
            expand_list("城镇和农村居民收入", 2),
            vec!["城镇居民收入", "农村居民收入"]
        );
        assert_eq!(
            expand_list("进出口总额、实际利用外资、引进外省到位资金", 3),
            vec!["进出口总额", "实际利用外资", "引进外省到位资金"]
        );
    }
}
