//! Where a sentence breaks: its clauses (on `，；。：`, and between items a
//! page ran together with no mark) and a clause's segments (on `、`, unless a
//! 分别 or 均 list holds them together).

// Offsets into char slices (c, s, e, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use crate::clause::{at, is_shared_marker, joins_levels};

/// The longest name read with what follows its colon.
const NAME_BEFORE_COLON_MAX: usize = 16;

/// Longest clause (in chars) that is read.
pub(super) const MAX_CLAUSE: usize = 400;

/// Whether a char ends a clause.
fn is_sep(c: char) -> bool {
    matches!(c, '，' | '；' | '。' | '：' | '！' | '？' | '\n' | '…')
}

/// How a field that heads the names after its colon ends (生态环境方面：,
/// 资源环境：, 社会发展：).
const FIELD_ENDS: [&str; 4] = ["方面", "环境", "发展", "民生"];

/// The clauses of `[s, e)`: split on the separators, a parenthetical remark
/// (同口径增长2.5%以上) left out; `qualitative_item` tells a clause that
/// states a qualitative target (居民收入增长与经济增长同步), `names` a text
/// that names an indicator: a name before a colon stays with what follows
/// it (城乡居民收入：与经济增长同步, a list written name by name).
pub(super) fn clauses(
    c: &[char],
    s: usize,
    e: usize,
    qualitative_item: &dyn Fn(&str) -> bool,
    names: &dyn Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    let name_before_colon = |cs: usize, k: usize| {
        c[k] == '：' && k > cs && k - cs <= NAME_BEFORE_COLON_MAX && {
            let t: String = c[cs..k].iter().collect();
            // (a field, 生态环境方面：, 资源环境：, heads the names after it)
            !t.contains("目标")
                && !t.contains("指标")
                && !FIELD_ENDS.iter().any(|w| t.ends_with(w))
                && names(&t)
        }
    };
    let mut clauses = Vec::new();
    let mut k = s;
    let mut cs = s;
    while k <= e {
        // (a mirror's doubled mark, 增长7%，、8%: the 、 is the list's)
        if k < e && is_sep(c[k]) && c.get(k + 1) == Some(&'、') {
            k += 1;
            continue;
        }
        // a name, then the base its figure grows from, then the figure (地区
        // 生产总值在去年增长7.9%的基础上增长7.5%—8%): the base is a clause of its
        // own between the name and its verb
        if k < e
            && k > cs
            && c[k] == '在'
            && let Some(end) = base_phrase_end(c, k, e)
        {
            clauses.push((cs, k));
            clauses.push((k, end));
            cs = end;
            k = end;
            continue;
        }
        // a 数读 card's line (6%左右——今年地区生产总值增长预期目标) is one
        // clause: its dash or colon parts the figure from its caption
        if k == cs
            && let Some(end) = crate::norm::card_line_end(c, cs, e)
        {
            clauses.push((cs, end));
            cs = end + 1;
            k = end + 1;
            continue;
        }
        // a dash that opens the next item on the same line (…增长13%——全社会
        // 固定资产投资增长30%——…: a list set with dashes, its lines joined)
        if k + 2 < e
            && k > cs
            && c[k] == '—'
            && c[k + 1] == '—'
            && crate::norm::item_follows_figure(c, k, c[k + 2])
        {
            clauses.push((cs, k));
            cs = k + 2;
            k += 2;
            continue;
        }
        if k < e
            && k > cs
            && next_item_glued(c, k, e, qualitative_item)
            && !opens_with_size_limit(c, cs, k)
        {
            clauses.push((cs, k));
            cs = k;
        } else if k == e || is_sep(c[k]) && !name_before_colon(cs, k) {
            if k > cs {
                clauses.push((cs, k));
            }
            cs = k + 1;
        } else if c[k] == '（' && !names_a_scope(c, k, e) {
            if k > cs {
                clauses.push((cs, k));
            }
            let close = (k..e).find(|&j| c[j] == '）').unwrap_or(e);
            // …增长12%（其中工业投资增长15%）, …增长8%左右（力争9%）: a sub-item
            // or a stretch in brackets is read as a clause of its own
            if OWN_CLAUSE_IN_BRACKETS.iter().any(|w| at(c, k + 1, w)) {
                clauses.push((k + 1, close));
            }
            k = close;
            cs = close + 1;
        }
        k += 1;
    }
    clauses
}

/// Whether the item at `k` follows the figure before it with no mark between
/// (a page that set its items apart with spaces, or lost the marks:
/// 地区生产总值增长8%左右 一般公共预算收入增长6%): a per cent or per mille,
/// maybe its qualifier, then a Han char that goes on with none of them
/// (至, 和, 的 …), and a figure of its own before the next mark, or a
/// qualitative target's predicate (…增长6%居民收入增长与经济增长同步).
fn next_item_glued(
    c: &[char],
    k: usize,
    e: usize,
    qualitative_item: &dyn Fn(&str) -> bool,
) -> bool {
    // (a clause longer than MAX_CLAUSE is not read: no need to look further)
    let rest = || {
        c[k..e]
            .iter()
            .take(MAX_CLAUSE)
            .take_while(|&&x| !is_sep(x) && x != '、')
    };
    let figure = || rest().any(|&x| x.is_ascii_digit() || x == '百') || cn_figure_near(c, k, e);
    if !crate::norm::item_follows_figure(c, k, c[k]) {
        // …与经济增长同步城镇调查失业率5.5%以内: an item with a figure after
        // a qualitative one (the cheap tests first: this runs on every char)
        // (or after a figure and the words that close its clause: 努力保持7%
        // 左右的增长地方一般公共预算收入增长6%)
        return k >= 3
            && (QUALITY_ENDS.contains(&[c[k - 2], c[k - 1]])
                || matches!(c[k - 1], '长' | '速' | '幅' | '标')
                    && FIGURE_TAILS.contains(&[c[k - 3], c[k - 2], c[k - 1]])
                    && crate::norm::figure_ends_at(c, k - 3))
            && crate::norm::is_unified_han(c[k])
            && !matches!(
                c[k],
                '在' | '于' | '的' | '了' | '和' | '及' | '与' | '为' | '是' | '并' | '且'
            )
            && figure();
    }
    // (a qualitative target may name a list: 一般公共预算收入、固定资产投资保持正增长)
    let to_sep = || -> String {
        c[k..e]
            .iter()
            .take(MAX_CLAUSE)
            .take_while(|&&x| !is_sep(x))
            .collect()
    };
    figure() || qualitative_item(&to_sep())
}

/// The words that close a figure's clause after it (保持7%左右的增长).
const FIGURE_TAILS: [[char; 3]; 4] = [
    ['的', '增', '长'],
    ['的', '增', '速'],
    ['的', '增', '幅'],
    ['的', '目', '标'],
];

/// Whether a figure in Chinese numerals stands before its unit within a
/// name's and a verb's reach of `k` (城镇居民人均可支配收入达三万元,
/// 一千二百亿元), before the clause's next mark.
#[inline(never)]
fn cn_figure_near(c: &[char], k: usize, e: usize) -> bool {
    let near = &c[k..e.min(k + CN_FIGURE_REACH)];
    let end = near
        .iter()
        .position(|&x| is_sep(x) || x == '、')
        .unwrap_or(near.len());
    near[..end].windows(2).any(|w| {
        matches!(w[1], '十' | '千' | '万' | '亿' | '点') && crate::number::is_cn_digit(w[0])
    })
}

/// How far after a figure a glued item's figure in Chinese numerals is
/// looked for (a name, a verb and the numeral).
const CN_FIGURE_REACH: usize = 28;

/// Whether `c[cs..k]` is a size limit that opens its clause's name (城镇
/// 500万元以上 | 固定资产投资增长10%): a sum of money with 以上, after at most
/// [`SIZE_LIMIT_LEAD`] chars of scope, so no item of its own.
fn opens_with_size_limit(c: &[char], cs: usize, k: usize) -> bool {
    if !c[cs..k].ends_with(&['以', '上']) {
        return false;
    }
    // (after the item's marker, ——, 八是, (8), the year, words of effort
    // and the level it covers: 今年努力实现全县引进省外2000万元以上项目资金)
    let mut cs = cs + crate::norm::list_marker_len(c, cs, k);
    for words in [
        ["今年", "全年"].as_slice(),
        &["努力", "奋力"],
        &["确保", "力争", "争取", "实现"],
    ] {
        if k > cs + 2 && words.iter().any(|w| at(c, cs, w)) {
            cs += 2;
        }
    }
    if k > cs + 2
        && c[cs] == '全'
        && matches!(c[cs + 1], '省' | '市' | '县' | '区' | '州' | '盟' | '旗')
    {
        cs += 2;
    }
    let mut j = k - 2;
    let mut money = false;
    while j > cs && matches!(c[j - 1], '万' | '亿' | '千' | '元') {
        money |= c[j - 1] == '元';
        j -= 1;
    }
    let digits_end = j;
    while j > cs && (c[j - 1].is_ascii_digit() || c[j - 1] == '.') {
        j -= 1;
    }
    money
        && j < digits_end
        && j - cs <= SIZE_LIMIT_LEAD
        && c[cs..j].iter().all(|&x| crate::norm::is_unified_han(x))
}

/// How many chars of scope (城镇, 全市) may stand before a size limit.
const SIZE_LIMIT_LEAD: usize = 4;

/// How a qualitative target's predicate ends (与经济增长同步, 持续改善,
/// 完成省下达任务, 国际收支基本平衡, 与全市保持一致).
const QUALITY_ENDS: [[char; 2]; 9] = [
    ['同', '步'],
    ['一', '致'],
    ['改', '善'],
    ['好', '转'],
    ['稳', '定'],
    ['平', '衡'],
    ['任', '务'],
    ['提', '质'],
    ['持', '平'],
];

/// Words that open a bracketed remark that is a clause of the list (a
/// sub-item, a stretch), not an aside (同口径, 按可比价格计算).
const OWN_CLAUSE_IN_BRACKETS: &[&str] = &["其中", "力争", "争取"];

/// Whether the 、 at `k` joins a floor to its ceiling (增长6.5%以上、7%以内):
/// one range, read by [`crate::number::number_at`].
fn joins_bounds(c: &[char], k: usize) -> bool {
    if k < 2 || c[k - 2..k] != ['以', '上'] {
        return false;
    }
    let digits = c[k + 1..]
        .iter()
        .take_while(|x| x.is_ascii_digit() || **x == '.')
        .count();
    let at = k + 1 + digits;
    digits > 0
        && matches!(c.get(at), Some('%' | '‰'))
        && matches!(c.get(at + 1..at + 3), Some(['以', '内' | '下']))
}

/// Splits a clause on 、 unless it is a 分别 list.
pub(super) fn split_segments(c: &[char], cs: usize, ce: usize) -> Vec<(usize, usize)> {
    // (a 数读 card's caption is one: 8%和9%——城镇、农村居民人均可支配收入分别增长)
    if crate::norm::card_line_end(c, cs, ce).is_some() {
        return vec![(cs, ce)];
    }
    let mut out = Vec::new();
    let mut s = cs;
    for (k, &ch) in c.iter().enumerate().take(ce).skip(cs) {
        if ch == '、' && !joins_levels(c, k) && !joins_bounds(c, k) {
            if k > s {
                out.push((s, k));
            }
            s = k + 1;
        }
    }
    if ce > s {
        out.push((s, ce));
    }
    // a 分别 list or names sharing a predicate (城镇、农村居民人均可支配收入分别增长
    // 7%、8%; 财政总收入、地方财政收入均增长7%) is one segment, with the names
    // before it that state no figure of their own; items before those stay
    // apart (生产总值增长8%、城乡居民收入分别增长8%和9%)
    let shared = |&(a, b): &(usize, usize)| {
        c[a..b].windows(2).any(|w| w == ['分', '别'])
            || (a..b).any(|k| k > cs && is_shared_marker(c, k))
    };
    let Some(j) = out.iter().position(shared) else {
        return out;
    };
    let states = |&(a, b): &(usize, usize)| {
        c[a..b]
            .iter()
            .any(|&x| x.is_ascii_digit() || matches!(x, '%' | '‰'))
    };
    let mut first = j;
    while first > 0 && !states(&out[first - 1]) {
        first -= 1;
    }
    let last = shared_list_end(c, &out, j);
    let rest = out.split_off(last + 1);
    let merged = (out[first].0, out[last].1);
    out.truncate(first);
    out.push(merged);
    out.extend(rest);
    out
}

/// The last of the segments `out` that the shared list at `j` holds: the
/// list's figures after it, 8%、9%, are its own; what follows them stays
/// apart when its first part opens with a name, not a predicate
/// (、城镇调查失业率控制在5.5%以内, not 、达到3.5万元和1.8万元 or 、与经济增长同步).
fn shared_list_end(c: &[char], out: &[(usize, usize)], j: usize) -> usize {
    // (in Chinese numerals too: 分别增长百分之五、百分之六点五左右)
    let opens_with_figure = |&(a, _): &(usize, usize)| {
        c.get(a).is_some_and(|&x| {
            x.is_ascii_digit()
                || matches!(x, '-' | '.')
                || crate::number::is_cn_digit(x)
                || matches!(x, '零' | '十' | '百' | '千')
        })
    };
    let opens_with_a_name = |&(a, b): &(usize, usize)| {
        b > a + 1
            && c[a..a + 2].iter().all(|&x| crate::norm::is_unified_han(x))
            && !super::VERB_LEADS
                .iter()
                .chain(&crate::norm::PREDICATE_OPENINGS)
                .chain(&SHARED_LIST_GOES_ON)
                .any(|w| at(c, a, w))
    };
    let mut last = j;
    while last + 1 < out.len() && opens_with_figure(&out[last + 1]) {
        last += 1;
    }
    if out.get(last + 1).is_none_or(opens_with_a_name) {
        last
    } else {
        out.len() - 1
    }
}

/// Words that open a part after a 分别 list's figures that goes on with the
/// list, besides its verbs: a stretch, a comparison (与经济增长同步, 高于全省),
/// a figure's own word (约8%, 近9%, 超10%).
const SHARED_LIST_GOES_ON: [&str; 18] = [
    "分别", "均", "其中", "力争", "争取", "与", "同", "和", "高于", "低于", "略", "快于", "不",
    "约", "近", "超", "达", "大约",
];

/// Whether the bracket at `k` is a remark inside a name, which its item goes
/// on after (工业增加值（规模以上）增长10%, 固定资产投资（区属）增长3%,
/// 细颗粒物（PM2.5）平均浓度): no figure inside but a code's, right after a Han
/// char, and no mark after it but a 、.
fn names_a_scope(c: &[char], k: usize, e: usize) -> bool {
    let Some(close) = (k..e.min(k + SCOPE_REMARK_MAX)).find(|&j| c[j] == '）') else {
        return false;
    };
    let inside = &c[k + 1..close];
    // (a code with its digits is a name too: 细颗粒物（PM2.5）平均浓度)
    let code = inside.first().is_some_and(char::is_ascii_uppercase)
        && inside
            .iter()
            .all(|x| x.is_ascii_alphanumeric() || *x == '.');
    k > 0
        && crate::norm::is_unified_han(c[k - 1])
        && (code
            || !inside
                .iter()
                .any(|x| x.is_ascii_digit() || matches!(x, '%' | '‰')))
        && c.get(close + 1).is_some_and(|&x| {
            // (or the list the name is in goes on: 健康产业（含生物医药）、…)
            (crate::norm::is_unified_han(x) || x == '、')
                && !OWN_CLAUSE_IN_BRACKETS.iter().any(|w| at(c, k + 1, w))
        })
}

/// The longest remark inside a name, brackets included.
const SCOPE_REMARK_MAX: usize = 12;

/// The end of a base phrase with a figure opening at `k` (在去年增长7.9%的
/// 基础上) that runs straight on into the verb of its clause, within a few
/// chars.
fn base_phrase_end(c: &[char], k: usize, e: usize) -> Option<usize> {
    const BASE_MAX: usize = 24;
    let stop = e.min(k + BASE_MAX);
    let end = (k + 1..stop.saturating_sub(2))
        .take_while(|&j| !is_sep(c[j]))
        .find(|&j| c[j..].starts_with(&['基', '础', '上']))?
        + 3;
    // (a base with a figure of its own: 在前两年连续下降的基础上进一步下降 is a
    // qualitative predicate, read whole)
    let figure = c[k..end].iter().any(|&x| x.is_ascii_digit() || x == '%');
    (figure && end < e && !is_sep(c[end])).then_some(end)
}
