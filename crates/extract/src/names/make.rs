//! Items from names: one per name a segment resolves, with the segment's
//! figures (or one qualitative figure), the evidence from where the name
//! starts, and the key of a non-standard target (`other:KEY`).

use baogao_model::{Measure, Qualifier};

use super::{
    DEMONSTRATIVES, LIST_TAILS, after_place_or_aim, after_speaker, as_written, catch_all,
    expand_list, joined_indicators, looks_like_indicator,
};
use crate::figure::{finish_fig, seg_figs};
use crate::indicator::Dictionary;
use crate::item::{Fig, Item, Seg};
use crate::norm::Norm;

pub(crate) fn make_items(
    n: &Norm,
    names: &[(usize, usize)],
    seg: &Seg,
    start: usize,
    end: usize,
    dict: &Dictionary,
) -> Vec<Item> {
    let (names, start) = evidence_names(n, names, start, dict);
    let predicate = n.text(seg.name_end.min(seg.end), seg.end);
    let mut maker = Maker {
        dict,
        qualitative: seg.qualitative,
        figs: item_figs(seg, &n.chars),
        grows: seg.qualitative
            // (与上年持平, 稳中有进, 稳中有升, 促稳提质: a growth held or raised)
            && [
                "增长", "提高", "提升", "增加", "同步", "增速", "增幅", "翻", "持平", "稳中有进",
                "稳中有升", "稳中有增", "提质",
            ]
                .iter()
                .any(|w| predicate.contains(w))
            && !["下降", "降低", "减少", "削减", "压减", "收窄"]
                .iter()
                .any(|w| predicate.contains(w)),
        span: (start, end),
        out: Vec::new(),
    };
    let norm_names: Vec<&str> = names.iter().map(|&(a, b)| n.text(a, b)).collect();
    // a sentence that comments on a figure (这是杭州市近年首次将这一数字下调至7%以下)
    // opens with a demonstrative, which no name of an indicator does
    // (nor does a comparison with last year's: 比去年的7.5%左右目标下调0.5个百分点)
    if norm_names.iter().any(|x| {
        x.starts_with(DEMONSTRATIVES)
            || COMPARISONS.iter().any(|w| x.starts_with(w))
            || ADJUSTMENTS.iter().any(|w| x.trim_end_matches('了') == *w)
            // (nor does a target's margin over another's: 渝北的目标高出1个百分点)
            // (or its lead-in read as the subject: 全县的目标高出)
            || MARGINS.iter().any(|w| x.ends_with(w)) && (x.contains("目标") || MARGINS.contains(x))
            // (nor is the goal word with the verb that sets it: 海南把目标定在
            // 6%左右 names no indicator)
            || x.strip_prefix("目标").is_some_and(|r| GOAL_SETTING.contains(&r))
    }) {
        return Vec::new();
    }
    let orig_names: Vec<String> = names.iter().map(|&(a, b)| n.orig_text(a, b)).collect();
    if names.len() == 1 {
        maker.one_name(&orig_names[0], norm_names[0]);
    } else {
        maker.list(n, &names, &norm_names, &orig_names);
    }
    maker.out
}

/// What follows 目标 in a name that is only the goal word and the verb
/// setting it (把目标定在6%左右): no indicator.
const GOAL_SETTING: [&str; 6] = ["定", "设定", "确定", "锁定", "设", "调"];

/// The figures a segment gives each of its items: its own (a stretch within
/// the segment folded in: 增长7%左右力争8%), or one qualitative figure.
fn item_figs(seg: &Seg, c: &[char]) -> Vec<Fig> {
    if seg.qualitative {
        return vec![Fig {
            value: None,
            max: None,
            unit: None,
            qual: Qualifier::Qualitative,
            measure: Measure::Change,
            stretch: None,
            hard_word: false,
            soft_word: false,
            milestone: false,
            margin: false,
        }];
    }
    let mut figs = seg_figs(seg, c);
    if figs.len() == 2 && seg.stretch_word && figs[0].unit == figs[1].unit && figs[1].soft_word {
        let s = figs[1].value;
        figs.truncate(1);
        figs[0].stretch = s;
    }
    figs
}

/// The names without a speaker, a place or an aim in front of them, and the
/// start of the evidence: at the name when it started at the lead-in (but
/// keeping a place in front of the name; an aim is left out).
fn evidence_names(
    n: &Norm,
    names: &[(usize, usize)],
    start: usize,
    dict: &Dictionary,
) -> (Vec<(usize, usize)>, usize) {
    let trimmed: Vec<(usize, usize)> = names.iter().map(|&r| after_speaker(n, r)).collect();
    let start = match (names.first(), trimmed.first()) {
        (Some(&(a, _)), Some(&(t, _))) if a == start => t,
        _ => start,
    };
    let (trimmed, evidence): (Vec<(usize, usize)>, Vec<Option<usize>>) = trimmed
        .into_iter()
        .map(|r| after_place_or_aim(n, r, dict))
        .unzip();
    let start = match (trimmed.first(), evidence.first()) {
        (Some(_), Some(&Some(e))) if names.len() == 1 && e > start => e,
        _ => start,
    };
    (trimmed, start)
}

/// The verbs by which a government or a report sets or states a figure:
/// a name ending in one is its subject, not a measure.
const SPEAKERS_VERBS: &[&str] = &[
    "提出", "确定", "明确", "要求", "安排", "表示", "指出", "强调", "提到", "定为", "设定",
];

/// Makes the items of one segment: one per name it resolves, each with the
/// segment's figures.
struct Maker<'a> {
    dict: &'a Dictionary,
    qualitative: bool,
    figs: Vec<Fig>,
    /// A qualitative target worded as growth (保持适度增长, 稳步提高, 与经济增长同步).
    grows: bool,
    /// The evidence.
    span: (usize, usize),
    out: Vec<Item>,
}

impl Maker<'_> {
    /// The item of one name: `raw` as written, `norm` as resolved.
    fn push(&mut self, raw: String, norm: &str) {
        if catch_all(norm) {
            return;
        }
        let r = self.dict.resolve(norm);
        // 全国确定增长5%左右, 上海提出增长6.5%左右: who set the figure and
        // their verb, no measure (another government's aim, quoted)
        if r.id.is_none() && SPEAKERS_VERBS.iter().any(|v| norm.ends_with(v)) {
            return;
        }
        let (indicator, default) = if let Some(id) = &r.id {
            (id.clone(), r.measure)
        } else {
            (
                baogao_model::other_id(&other_key(norm, self.qualitative)),
                None,
            )
        };
        // a qualitative target worded as growth is one of growth, unless its
        // indicator is a rate or a share
        let default = match default {
            Some(Measure::Rate | Measure::Share | Measure::Change) => default,
            _ if self.grows => Some(Measure::Growth),
            _ => default,
        };
        let figs: Vec<Fig> = self
            .figs
            .iter()
            .cloned()
            .map(|f| finish_fig(f, default, norm))
            .collect();
        self.out.push(Item {
            indicator,
            raw_name: raw,
            figs,
            start: self.span.0,
            end: self.span.1,
        });
    }

    /// The items of one name: one, or two when it joins urban and rural
    /// (城市和农村居民家庭人均可支配收入) or two indicators (城镇居民人均可支配收入
    /// 和农民人均纯收入).
    /// A qualitative target's list of modifiers that share the last name's
    /// tail (文化产业、旅游产业、健康产业（含生物医药）和时尚产业增加值): one item
    /// each, with the tail; only modifiers that end as the last name's own
    /// word does (产业 … 产业增加值: 氨氮、氮氧化物减排幅度 shares no tail).
    /// Whether it made them.
    fn modifiers_sharing_a_tail(&mut self, list: &str, orig: &str) -> bool {
        let split = |x: &str| -> Vec<String> {
            x.split(['、', '和', '及'])
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let plain = crate::indicator::without_remarks(list);
        let written = split(&plain);
        // each name as the original spells it (traditional characters and
        // remarks kept), when the original splits the same way
        let spelled = split(orig);
        let bare = |x: &str| crate::indicator::without_remarks(x);
        let same_shape = spelled.len() == written.len()
            && spelled
                .iter()
                .zip(&written)
                .all(|(o, w)| bare(o).chars().count() == w.chars().count());
        let Some((last, modifiers)) = written.split_last() else {
            return false;
        };
        let inner: Vec<char> = last.chars().skip(1).collect();
        let inner = &inner[..inner.len().saturating_sub(1)];
        let parts = expand_list(&plain, 2);
        let ok = !modifiers.is_empty()
            && parts.len() == written.len()
            && modifiers
                .iter()
                .all(|x| x.chars().last().is_some_and(|end| inner.contains(&end)))
            && parts.iter().zip(&written).any(|(p, x)| p != x);
        if ok {
            let last_spelled = spelled.last().map_or_else(String::new, |x| bare(x));
            for (k, p) in parts.iter().enumerate() {
                let raw = if same_shape {
                    let own = &spelled[k];
                    let tail_len = p.chars().count().saturating_sub(bare(own).chars().count());
                    let tail: String = last_spelled
                        .chars()
                        .skip(last_spelled.chars().count().saturating_sub(tail_len))
                        .collect();
                    if k + 1 == parts.len() {
                        own.clone()
                    } else {
                        format!("{own}{tail}")
                    }
                } else {
                    p.clone()
                };
                self.push(raw, p);
            }
        }
        ok
    }

    /// The items of a list of pollutants sharing an emission word and a
    /// figure, one each ([`pollutants_sharing_emission`]; a qualitative list
    /// stays one target, as dev2 413 labels it). Whether it made them.
    fn pollutants(&mut self, names: &str) -> bool {
        let Some(parts) = pollutants_sharing_emission(names).filter(|_| !self.qualitative) else {
            return false;
        };
        for p in &parts {
            self.push(p.clone(), p);
        }
        true
    }

    fn one_name(&mut self, orig: &str, norm: &str) {
        if self.qualitative && norm.contains('、') && self.modifiers_sharing_a_tail(norm, orig) {
            return;
        }
        // 城市和农村居民家庭人均可支配收入持续稳定增长: urban and rural both
        // spelled out are two rows (城乡居民… alone stays one)
        if ["城镇和农村", "城市和农村", "城镇及农村", "城市及农村"]
            .iter()
            .any(|w| norm.starts_with(w))
        {
            let parts = expand_list(norm, 2);
            if parts.len() == 2 && parts.iter().all(|p| self.dict.resolve(p).id.is_some()) {
                for p in &parts {
                    self.push(orig.to_owned(), p);
                }
                return;
            }
        }
        // 二氧化硫和化学需氧量排放总量削减2%: pollutants before a shared emission
        // word each take its figure (labelling call 20), and a name of its own
        // before them stays as it is (a qualitative list stays one target, as
        // dev2 413 labels it)
        if self.pollutants(norm) {
            return;
        }
        // 城镇居民人均可支配收入和农民人均纯收入12%: two indicators joined by 和
        if let Some(parts) = joined_indicators(norm, self.dict, self.qualitative) {
            let orig: Vec<char> = orig.chars().collect();
            for p in parts {
                // the original spelling of each part (the same length: one char
                // each; a part is a slice of `norm`, so its address gives its place)
                let at = norm[..p.as_ptr() as usize - norm.as_ptr() as usize]
                    .chars()
                    .count();
                let len = p.chars().count();
                let raw: String = orig
                    .get(at..at + len)
                    .map_or_else(|| p.to_owned(), |r| r.iter().collect());
                self.push(raw, p);
            }
            return;
        }
        self.push(orig.to_owned(), norm);
    }

    /// The items of a list of names sharing the segment's figures.
    fn list(
        &mut self,
        n: &Norm,
        names: &[(usize, usize)],
        norm_names: &[&str],
        orig_names: &[String],
    ) {
        let dict = self.dict;
        if self.pollutants(n.text(names[0].0, names[names.len() - 1].1)) {
            return;
        }
        let last = norm_names.last().copied().unwrap_or_default();
        let generic = LIST_TAILS.iter().find(|w| last.ends_with(*w));
        // 城镇登记失业率、单位GDP能耗等主要约束性指标…: a list that names a
        // canonical indicator is read item by item; without one it stands for
        // "everything else" (节能减排和大气、水环境质量等约束性指标)
        let names_indicator = generic.is_some_and(|g| {
            norm_names.iter().enumerate().any(|(k, x)| {
                let x = if k + 1 == norm_names.len() {
                    x.strip_suffix(*g).unwrap_or(x)
                } else {
                    x
                };
                dict.resolve(x).id.is_some()
            })
        });
        if !names_indicator && (catch_all(last) || norm_names.iter().any(|x| catch_all(x))) {
            return;
        }
        // (生态环境质量、能源、水资源等指标按国家要求落实: no canonical indicator,
        // one target named by the whole list)
        if generic.is_some() && !names_indicator {
            let (a, b) = (names[0].0, names[names.len() - 1].1);
            self.push(n.orig_text(a, b), n.text(a, b));
            return;
        }
        if let Some(g) = generic {
            for (k, nm) in norm_names.iter().enumerate() {
                if k + 1 == norm_names.len() {
                    let cut = nm.strip_suffix(*g).unwrap_or(nm);
                    let raw = orig_names[k]
                        .chars()
                        .take(cut.chars().count())
                        .collect::<String>();
                    self.push(raw, cut);
                } else {
                    self.push(orig_names[k].clone(), nm);
                }
            }
            return;
        }
        // a list with a canonical indicator in it is a list of indicators (财政总收入、
        // 地方财政收入; 地方一般公共预算收入、居民收入 …与经济增长同步)
        let all_known = norm_names.iter().all(|x| dict.is_known(x));
        let indicators = norm_names.iter().any(|x| dict.is_known(x))
            && norm_names.iter().all(|x| looks_like_indicator(x, dict));
        if (all_known && !self.qualitative) || indicators {
            for (k, nm) in norm_names.iter().enumerate() {
                self.push(orig_names[k].clone(), nm);
            }
            return;
        }
        // names of their own sharing one figure (化学需氧量、氨氮排放量均减少2%):
        // one row each, the last name's measure composed onto a pollutant
        // before it
        if !self.qualitative
            && norm_names
                .iter()
                .all(|x| looks_like_indicator(&expand_list(x, 1)[0], dict))
            && norm_names.iter().all(|x| x.chars().count() >= 2)
        {
            let (a, b) = (names[0].0, names[names.len() - 1].1);
            let parts = expand_list(n.text(a, b), norm_names.len());
            if parts.len() == norm_names.len() {
                for (k, p) in parts.iter().enumerate() {
                    self.push(orig_names[k].clone(), p);
                }
                return;
            }
        }
        // a clause before the names (保持全区社会局势全面稳定、生态环境总体良好) is no name
        let clause = |x: &str| {
            ["保持", "实现", "确保", "推动", "促进", "加快"]
                .iter()
                .any(|v| x.starts_with(v))
        };
        let first = norm_names.iter().position(|x| !clause(x)).unwrap_or(0);
        if first == norm_names.len() - 1 {
            self.push(orig_names[first].clone(), norm_names[first]);
            return;
        }
        // modifiers sharing the last name's tail (文化产业、旅游产业、健康产业增加值
        // 增速均高于GDP增速): one target each, with the tail
        let (a, b) = (names[first].0, names[names.len() - 1].1);
        if self.qualitative
            && first == 0
            && self.modifiers_sharing_a_tail(n.text(a, b), &n.orig_text(a, b))
        {
            return;
        }
        // one name written as a list: 碳排放强度、生态环境保护约束性指标
        self.push(n.orig_text(a, b), n.text(a, b));
    }
}

/// The key of a non-standard target (`other:KEY`): the clean simplified name,
/// what follows 等 when it names the list (…排放总量等主要污染物), without
/// the words that call a qualitative one a task (节能减排和环境保护等任务;
/// 完成灾后重建主要目标任务的72% names the task).
fn other_key(norm: &str, qualitative: bool) -> String {
    // (a remark inside the name is no part of the key: 工业增加值（规模以上）)
    let plain = crate::indicator::without_remarks(norm);
    let norm = plain.as_str();
    // (the task words go first, so that what is left before 等 names it)
    let norm = if qualitative {
        without_task_words(norm)
    } else {
        norm
    };
    // …水资源等指标 only calls the list indicators
    let short = norm.rsplit('等').next().unwrap_or(norm);
    let generic = ["指标", "主要指标", "各项指标", "约束性指标", "任务", ""];
    // (生态环境质量等指标: one name before a generic word is the name; a list
    // before it, 生态环境质量、能源、水资源等指标, stays whole)
    let before = norm.rsplit_once('等').map_or(norm, |(b, _)| b);
    let short = if !generic.contains(&short) {
        short
    } else if before.len() < norm.len()
        && !before.contains(['、', '和', '及', '与'])
        && before.chars().count() >= 2
    {
        before
    } else {
        norm
    };
    let key = if qualitative {
        without_task_words(short)
    } else {
        short
    };
    as_written(key)
}

/// A non-standard target's key name without what calls it a target or a
/// task (年度节能减排约束性指标, 节能减排目标任务, 节能减排和环境保护等任务 →
/// 节能减排, 节能减排和环境保护), so the same target keeps one key across
/// reports. A composite name that lists indicators and goals
/// (…约束性指标和环境质量改善目标) is kept whole.
pub(super) fn without_task_words(name: &str) -> &str {
    let mut s = name.strip_prefix("年度").unwrap_or(name);
    for tail in ["等任务", "目标任务", "任务"] {
        if let Some(r) = s.strip_suffix(tail) {
            s = r;
            break;
        }
    }
    let single = !s.contains(['和', '、', '及']);
    if single && let Some(r) = s.strip_suffix("约束性指标") {
        s = r;
    }
    if !s.contains("指标")
        && let Some(r) = s.strip_suffix("目标")
    {
        s = r;
    }
    let s = s.trim_end_matches('等');
    if s.chars().count() >= 2 { s } else { name }
}

/// The names of a list of pollutants before a shared emission word
/// (二氧化硫和化学需氧量排放总量 → 二氧化硫排放总量, 化学需氧量排放总量), when the
/// list's last name carries it.
fn pollutants_sharing_emission(norm: &str) -> Option<Vec<String>> {
    if !norm.contains(['、', '和', '及']) || !norm.contains("排放") {
        return None;
    }
    let written: Vec<&str> = norm
        .split(['、', '和', '及'])
        .filter(|p| !p.is_empty())
        .collect();
    let count = written.len();
    let last = written.last().copied().unwrap_or_default();
    // (节能减排和碳排放强度: a task before an intensity is no pollutant)
    if count < 2
        || !super::TAIL_WORDS.iter().any(|w| last.contains(w))
        || written[..count - 1]
            .iter()
            .any(|p| p.contains(['排', '减']))
    {
        return None;
    }
    let parts = expand_list(norm, count);
    (parts.len() == count && parts.iter().all(|p| p.chars().count() >= 2)).then_some(parts)
}

/// How a comparison with last year opens, where a name would stand (比去年的
/// 7.5%左右: the name's reading stops at 年).
const COMPARISONS: [&str; 4] = ["比去", "比上", "较去", "较上"];

/// The verbs of a margin over another figure (高出1个百分点).
const MARGINS: [&str; 5] = ["高出", "高于", "低于", "快于", "超出"];

/// A target's adjustment read where a name would stand (目标下调0.5个百分点).
const ADJUSTMENTS: [&str; 4] = ["下调", "上调", "调低", "调高"];
