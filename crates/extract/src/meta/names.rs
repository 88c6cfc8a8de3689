//! Region names: the provinces, the words that end like a region's name but
//! are none, the region chain of a title or a congress line, and the region
//! of a text that names itself only in its body.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::Level;

use super::{Meta, MetaPatterns};
use crate::norm::is_unified_han;

/// Provincial-level units: (short name, full name).
pub(super) const PROVINCES: &[(&str, &str)] = &[
    ("北京", "北京市"),
    ("天津", "天津市"),
    ("上海", "上海市"),
    ("重庆", "重庆市"),
    ("河北", "河北省"),
    ("山西", "山西省"),
    ("辽宁", "辽宁省"),
    ("吉林", "吉林省"),
    ("黑龙江", "黑龙江省"),
    ("江苏", "江苏省"),
    ("浙江", "浙江省"),
    ("安徽", "安徽省"),
    ("福建", "福建省"),
    ("江西", "江西省"),
    ("山东", "山东省"),
    ("河南", "河南省"),
    ("湖北", "湖北省"),
    ("湖南", "湖南省"),
    ("广东", "广东省"),
    ("海南", "海南省"),
    ("四川", "四川省"),
    ("贵州", "贵州省"),
    ("云南", "云南省"),
    ("陕西", "陕西省"),
    ("甘肃", "甘肃省"),
    ("青海", "青海省"),
    ("台湾", "台湾省"),
    ("内蒙古", "内蒙古自治区"),
    ("广西", "广西壮族自治区"),
    ("西藏", "西藏自治区"),
    ("宁夏", "宁夏回族自治区"),
    ("新疆", "新疆维吾尔自治区"),
    ("香港", "香港特别行政区"),
    ("澳门", "澳门特别行政区"),
];

/// The cities ranked as provinces.
pub(crate) const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// Full forms that end like a region name but are not one.
pub(super) const NOT_REGIONS: &[&str] = &[
    "园区",
    "城区",
    "示范区",
    "开发区",
    "新区",
    "景区",
    "社区",
    "片区",
    "街区",
    "功能区",
    "保护区",
    "中心区",
    "试验区",
    "先行区",
    "集聚区",
    "承载区",
    "核心区",
    "主城区",
    "辖区",
    "山区",
    "矿区",
    "库区",
    "牧区",
    "老区",
    "灾区",
    "校区",
    "小区",
    "服务区",
    "全区",
    "我区",
    "本区",
    "各区",
    "该区",
    "地区",
    "市区",
    "县区",
    "城市",
    "全市",
    "我市",
    "本市",
    "各市",
    "全县",
    "我县",
    "各县",
    "郊县",
    "县市",
    "城乡",
    "县城",
    "区县",
    "农区",
    "旗县",
    "全旗",
    "我旗",
    "实验区",
    "合作区",
    "自贸区",
    "综合区",
    "保税区",
    "生态区",
    "排头",
    "港区",
    "城市区",
    "经济区",
    "产业区",
    "聚集区",
    "规划区",
    "代市",
    "代县",
    "代区",
    // the kind of a division without its name (自治区人民政府主席…)
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
];

/// Words a region's name never holds: a title's speaker or verb glued in
/// front of 省/市 (苏树林向大会作省政府工作报告).
const NOT_IN_NAMES: &[&str] = &[
    "向", "作", "代表", "大会", "会议", "报告", "省长", "市长", "县长", "区长", "州长", "主席",
    "听取", "审议", "今天", "上午", "下午", "召开", "开幕",
    // verbs a sentence puts before 市/区 (出席市人代会, 较好完成市…下达的任务)
    "出席", "列席", "参加", "举行", "完成", "实现", "落实", "部署", "推进", "贯彻", "带领", "率领",
    "决策", "打探",
    // a time before 县/市 (年初县十二届人大三次会议确定的目标)
    "年初", "年底", "年末", "年内",
    // a government's news account before 市 (赣州发布｜市政府工作报告…)
    "发布",
];

/// Function words no region's name holds (和 and 将 do: 和平区, 将乐县).
const FUNCTION_CHARS: &str = "了的得在是与把被对从向今日";

/// The length in bytes of a province's name (full or short) that `s` starts with.
pub(crate) fn province_prefix(s: &str) -> Option<usize> {
    PROVINCES.iter().find_map(|(short, full)| {
        if s.starts_with(full) {
            Some(full.len())
        } else {
            s.starts_with(short).then_some(short.len())
        }
    })
}

pub(super) fn province_full(short_or_full: &str) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(s, f)| short_or_full == *f || short_or_full == *s)
        .map(|(_, f)| *f)
}

pub(super) fn is_province(name: &str) -> bool {
    name.ends_with('省')
        || name.ends_with("自治区")
        || name.ends_with("特别行政区")
        || MUNICIPALITIES.contains(&name)
}

pub(super) fn level_of(name: &str) -> Level {
    if is_province(name) {
        Level::Province
    } else if name.ends_with('县')
        || name.ends_with('旗')
        || (name.ends_with('区') && !name.ends_with("地区"))
    {
        Level::County
    } else {
        Level::City
    }
}

/// The longest name, with its unit, of a place the gazetteer does not have
/// (a former county, 巢湖市).
const UNKNOWN_NAME_MAX: usize = 4;

pub(super) fn chain_of(core: &str, mp: &MetaPatterns) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(m) = mp.chain.find_at(core, pos) {
        if m.start() != pos {
            break;
        }
        let mut end = m.end();
        // 广州市: the lazy match stops at 州; take the 市 when it ends the name
        if let Some(next) = core[end..].chars().next()
            && "市县区省旗".contains(next)
        {
            let after = end + next.len_utf8();
            // …and when what follows is no further name (a year, a dash)
            let rest_ok = after == core.len()
                || core[after..]
                    .chars()
                    .next()
                    .is_some_and(|c| !is_unified_han(c))
                || mp
                    .chain
                    .find_at(core, after)
                    .is_some_and(|x| x.start() == after)
                // (泸州市第九届人大: the name with its 市 is the known one)
                || (is_known_region(&core[pos..after]) && !is_known_region(&core[pos..end]));
            if rest_ok {
                end = after;
            }
        }
        let mut name = &core[pos..end];
        // (a unit with 长 after it is a head's title, 林文辉县长: the name
        // before it is a person's)
        if core[end..].starts_with('长') {
            break;
        }
        if !is_known_region(name) && !is_former_name(name) {
            // the first name may carry the words before it (参加天水市,
            // 日在湖南省), and a name after a session's number its words
            // (房县第十六届房县): the longest known tail is the name
            let tail = (out.is_empty() || name.contains('届'))
                .then(|| known_tail(name))
                .flatten();
            name = tail.unwrap_or(name);
            // a phrase that ends in 省/市/县 (圆满完成了省, 备受瞩目的县) is no name
            if name.contains(|c: char| FUNCTION_CHARS.contains(c)) {
                break;
            }
            // nor are the words before a unit that name none (坪山区干部群众
            // 热议市政府工作报告, 北碚区传达学习市两会精神): a place the gazetteer
            // lacks has a short name (a known tail is a known name)
            if tail.is_none() && name.chars().count() > UNKNOWN_NAME_MAX && !name.contains("自治")
            {
                break;
            }
        }
        if NOT_REGIONS.contains(&name) || NOT_IN_NAMES.iter().any(|w| name.contains(w)) {
            break;
        }
        // the provinces are all known: a phrase ending in 省 that is none of
        // them (现就省十三届人大…) names no place
        let province_word = name
            .strip_suffix('省')
            .or_else(|| name.strip_suffix("自治区"));
        if province_word.is_some_and(|w| province_full(name).or(province_full(w)).is_none()) {
            break;
        }
        let name = full_name(name).unwrap_or_else(|| name.to_owned());
        // (a name written twice is one place)
        if out.last() != Some(&name) {
            out.push(name);
        }
        pos = end;
    }
    out
}

/// The gazetteer's full name of an autonomous prefecture written short with
/// its unit (甘孜州 → 甘孜藏族自治州, 延边州 → 延边朝鲜族自治州), when the
/// short form names one division.
fn full_name(name: &str) -> Option<String> {
    use baogao_regions::{Divisions, Resolution};
    if !name.ends_with('州') {
        return None;
    }
    // (one reading, not the name as written: a known name stays as it is)
    match Divisions::builtin().resolve(name, None, None) {
        Resolution::Found(d) if d.name != name && d.name.ends_with("自治州") => {
            Some(d.name.clone())
        }
        _ => None,
    }
}

/// A province's name, or a division's name as the gazetteer has it (not a
/// longer text it finds a name in).
pub(super) fn is_known_region(name: &str) -> bool {
    use baogao_regions::{Divisions, Resolution};
    // (a name no division is written as resolves, if at all, by a scan
    // inside it, to a division of another name: asked first, as this runs
    // on every name of a chain)
    // (a former name as written, 郫县 of 郫都区, is a place too)
    province_full(name).is_some()
        || Divisions::builtin().is_historical_name(name)
        || Divisions::builtin().is_written_name(name)
            && match Divisions::builtin().resolve(name, None, None) {
                Resolution::Found(d) => d.name == name,
                Resolution::Ambiguous { candidates, .. } => candidates
                    .iter()
                    .filter_map(|c| Divisions::builtin().by_code(c))
                    .any(|d| d.name == name),
                Resolution::NotFound { .. } => false,
            }
}

/// The longest tail of `name` (two chars or more, dropping whole chars from
/// the front) that is a known region.
/// Whether `name` is a division's former name as the gazetteer records it
/// (宜宾县, now 叙州区; 密云县, now 密云区): the name as the text writes it,
/// not the current division named inside it (宾县, 云县).
fn is_former_name(name: &str) -> bool {
    use baogao_regions::{Divisions, Resolution};
    let regions = Divisions::builtin();
    match regions.resolve(name, None, None) {
        Resolution::Found(d) if d.name != name => {
            regions.is_written_name(name)
                // (邹平县, a city since 2018, that the renamed table lacks: the
                // county-level division of its stem under another unit)
                || d.level == Level::County
                    && name.ends_with(['县', '市'])
                    && d.name.ends_with(['县', '市', '区'])
                    && name.chars().count() == d.name.chars().count()
                    && name.chars().rev().skip(1).eq(d.name.chars().rev().skip(1))
        }
        _ => false,
    }
}

fn known_tail(name: &str) -> Option<&str> {
    name.char_indices()
        .skip(1)
        .map(|(i, _)| &name[i..])
        .take_while(|t| t.chars().count() >= 2)
        .find(|t| is_known_region(t) || is_former_name(t))
}

/// The longest prefecture name, unit left out, looked for before a stop
/// (呼和浩特 of 呼和浩特市).
const LONG_PREFECTURE_MAX: usize = 6;

/// 某某市离石区 written in the body: the prefecture in front of the region.
pub(super) fn prefecture_before(body: &str, region: &str) -> Option<String> {
    const STOP: &str = "在和与及的对向为是了全我本各该从到等年月日届、，。：；“”（）《》 \n";
    let chars: Vec<char> = body.chars().collect();
    let r: Vec<char> = region.chars().collect();
    if r.is_empty() {
        return None;
    }
    let mut k = 0;
    while k + r.len() <= chars.len() {
        if chars[k..k + r.len()] == r[..] && k >= 3 {
            let suffix = chars[k - 1];
            if matches!(suffix, '市' | '州' | '盟') {
                for len in 2..=4 {
                    if k < len + 1 {
                        break;
                    }
                    let start = k - 1 - len;
                    let name: String = chars[start..k].iter().collect();
                    let before = if start == 0 {
                        None
                    } else {
                        Some(chars[start - 1])
                    };
                    let han = name.chars().all(is_unified_han);
                    if han && before.is_none_or(|b| STOP.contains(b) || !is_unified_han(b)) {
                        // (a known name longer than the stop before it: 呼和浩特市,
                        // whose 和 is no stop)
                        if let Some(longer) = (len + 1..=LONG_PREFECTURE_MAX)
                            .take_while(|&l| k > l)
                            .map(|l| chars[k - 1 - l..k].iter().collect::<String>())
                            .find(|x| x.chars().all(is_unified_han) && is_known_region(x))
                        {
                            return Some(longer);
                        }
                        // (a municipality's district has no prefecture)
                        if !name.chars().any(|c| STOP.contains(c))
                            && !NOT_REGIONS.contains(&name.as_str())
                            && !is_province(&name)
                        {
                            return Some(name);
                        }
                        break;
                    }
                }
            }
        }
        k += 1;
    }
    None
}

/// One automaton over the provinces' short names (a scan of the body per
/// province was 2% of a crawl's CPU).
static PROVINCE_SEARCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(PROVINCES.iter().map(|(s, _)| *s))
            .expect("the province names are valid patterns")
    });

/// The province the text names most often (by short name), if any (the
/// later one in [`PROVINCES`] on a tie).
pub(super) fn province_named(body: &str) -> Option<&'static str> {
    let mut counts = vec![0usize; PROVINCES.len()];
    // no short name overlaps itself, so overlapping matches count as
    // `str::matches` does
    for m in PROVINCE_SEARCHER.find_overlapping_iter(body) {
        // (北京睿文商道农业科技有限公司 names a firm, not the report's place)
        if names_a_firm(&body[m.end()..]) {
            continue;
        }
        counts[m.pattern().as_usize()] += 1;
    }
    counts
        .iter()
        .zip(PROVINCES)
        .filter(|&(&k, _)| k > 0)
        .max_by_key(|&(&k, _)| k)
        .map(|(_, (_, f))| *f)
}

/// The name a division had before it was renamed (上虞区 was 上虞市 until
/// 2013, 毕节市 was 毕节地区 until 2011), when `head` writes it so: an older
/// report's region as it then was. The renamed table's names first, then a
/// district's stem with a county's or a city's unit.
pub(crate) fn former_name_written(current: &str, head: &str) -> Option<String> {
    use baogao_regions::{Divisions, Resolution};
    let regions = Divisions::builtin();
    if let Resolution::Found(d) = regions.resolve(current, None, None)
        && let Some(name) = regions
            .former_names(&d.code)
            .iter()
            .find(|name| head.contains(**name))
    {
        return Some((*name).to_owned());
    }
    let stem = current.strip_suffix('区')?;
    if stem.chars().count() < 2 {
        return None;
    }
    ["市", "县"]
        .iter()
        .map(|unit| format!("{stem}{unit}"))
        .find(|former| head.contains(former.as_str()))
}

/// `text` without the names of firms (加强与北京睿文商道农业科技有限公司合作):
/// the place a firm is named after is not the report's.
pub(crate) fn without_firms(text: &str) -> std::borrow::Cow<'_, str> {
    static FIRM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::patterns::built_in(
            r"(?:^|[与和同由向对是、，。：；\s])\p{Han}{2,20}?(?:有限责任公司|有限公司|股份公司|集团|银行)",
        )
    });
    if !FIRM_WORDS.iter().any(|w| text.contains(w)) {
        return std::borrow::Cow::Borrowed(text);
    }
    FIRM.replace_all(text, "")
}

/// The words a firm's name ends in.
const FIRM_WORDS: [&str; 3] = ["公司", "集团", "银行"];

/// Whether the name of a firm goes on in `rest` (a place's name ended just
/// before it): a run of Han characters up to one of [`FIRM_WORDS`].
fn names_a_firm(rest: &str) -> bool {
    let run: String = rest
        .chars()
        .take(FIRM_NAME_MAX)
        .take_while(|&c| crate::norm::is_unified_han(c))
        .collect();
    FIRM_WORDS.iter().any(|w| run.contains(w))
}

/// The longest firm's name read after a place's name, in chars.
const FIRM_NAME_MAX: usize = 20;

/// The capitals of the autonomous regions, whose own texts may name them
/// by their capital alone (自治区两会在呼和浩特召开).
const AUTONOMOUS_CAPITALS: [(&str, &str); 5] = [
    ("呼和浩特", "内蒙古自治区"),
    ("南宁", "广西壮族自治区"),
    ("拉萨", "西藏自治区"),
    ("银川", "宁夏回族自治区"),
    ("乌鲁木齐", "新疆维吾尔自治区"),
];

/// The units a text names itself by (全市, 我县, 区委 …).
pub(super) const SELF_UNITS: [char; 6] = ['省', '市', '区', '县', '旗', '州'];

/// How often the text names itself by each of [`SELF_UNITS`]: 全X, 我X, 本X,
/// X委, X政府, X人大 — in one pass over the text.
pub(super) fn self_reference_scores(body: &str) -> [usize; 6] {
    let mut scores = [0; 6];
    let mut prev = ' ';
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if let Some(u) = SELF_UNITS.iter().position(|&x| x == c) {
            let mut s = usize::from(matches!(prev, '全' | '我' | '本'));
            let mut ahead = chars.clone();
            match (ahead.next(), ahead.next()) {
                (Some('委'), _) | (Some('政'), Some('府')) | (Some('人'), Some('大')) => {
                    s += 1;
                }
                _ => {}
            }
            scores[u] += s;
        }
        prev = c;
    }
    scores
}

/// The score of `unit` (县, 市 …) among [`self_reference_scores`].
pub(super) fn score_of(scores: &[usize; 6], unit: char) -> usize {
    SELF_UNITS
        .iter()
        .position(|&x| x == unit)
        .map_or(0, |i| scores[i])
}

/// Region of a text without a title: the level from how the text names
/// itself (全区, 我县 …) and the name from a full form in the body
/// (潞州区) or the idiom `72万新吴人民`.
pub(super) fn body_region(body: &str, mp: &MetaPatterns, m: &mut Meta) {
    let scores = self_reference_scores(body);
    let mut best = ('区', 0);
    for (ch, s) in SELF_UNITS.into_iter().zip(scores) {
        if s > best.1 {
            best = (ch, s);
        }
    }
    if best.1 < 2 {
        return;
    }
    let ch = best.0;
    // 全区 in an autonomous region's text is the province-level region
    if ch == '区'
        && let Some(full) = province_named(body).filter(|f| f.ends_with("自治区"))
        && body.contains(full.trim_end_matches("自治区"))
    {
        m.level = Some(Level::Province);
        m.region = Some(full.to_owned());
        m.province = Some(full.to_owned());
        return;
    }
    // 我区 … 自治区党委 with no region named: an autonomous region, named by
    // its short name (新宁夏) or its capital (自治区两会在呼和浩特召开), if at all
    if ch == '区'
        && [
            "自治区党委",
            "自治区政府",
            "自治区人民政府",
            "全自治区",
            "自治区人大",
            "自治区两会",
            "自治区主席",
            // (自治区十三届人大四次会议: its congress by the unit alone)
            "自治区十",
            "自治区第十",
        ]
        .iter()
        .any(|w| body.contains(w))
    {
        m.level = Some(Level::Province);
        let named = PROVINCES
            .iter()
            .find(|(short, full)| full.ends_with("自治区") && body.contains(short))
            .map(|(_, full)| *full)
            .or_else(|| {
                AUTONOMOUS_CAPITALS
                    .iter()
                    .find(|(capital, _)| body.contains(capital))
                    .map(|(_, full)| *full)
            });
        if let Some(full) = named {
            m.region = Some(full.to_owned());
            m.province = Some(full.to_owned());
        }
        return;
    }
    m.level = Some(match ch {
        '省' => Level::Province,
        '市' | '州' => Level::City,
        _ => Level::County,
    });
    if ch == '省' {
        return;
    }
    let mut cands: Vec<(String, usize)> = Vec::new();
    let mut tried = rustc_hash::FxHashSet::default();
    for c in mp.full_form.captures_iter(body) {
        // bounded work on long or odd texts
        if tried.len() > 200 {
            break;
        }
        if !c[2].starts_with(ch) {
            continue;
        }
        let full = format!("{}{}", &c[1], &c[2]);
        let first = c[1].chars().next().unwrap_or('全');
        if NOT_REGIONS
            .iter()
            .any(|x| full == *x || (x.chars().count() >= 3 && full.ends_with(x)))
            || c[1]
                .chars()
                .any(|x| "全我本各该市县区省驻辖郊的和与及在对向为是了等".contains(x))
            || "把将被从到入出进个一两三四五六七八九十多每其这那此年月日".contains(first)
            || body[c.get(0).map_or(0, |m| m.end())..]
                .chars()
                .next()
                .is_some_and(|x| "级委政人域内外属直长划位属情".contains(x))
        {
            continue;
        }
        if !tried.insert(full.clone()) {
            continue;
        }
        // a name the gazetteer does not know (打探区, 落实县) is a phrase
        if matches!(
            baogao_regions::Divisions::builtin().resolve(&full, None, None),
            baogao_regions::Resolution::NotFound { .. }
        ) {
            continue;
        }
        let k = body.matches(&c[1]).count();
        if k >= 2 {
            cands.push((full, k));
        }
    }
    let from_people = mp.people.captures(body).map(|c| format!("{}{ch}", &c[1]));
    let name = from_people.or_else(|| cands.into_iter().max_by_key(|(_, k)| *k).map(|(f, _)| f));
    if let Some(name) = name {
        if ch == '市' {
            m.prefecture = Some(name.clone());
        }
        m.region = Some(name);
    }
}
