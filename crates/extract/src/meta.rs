//! Report metadata: title, region chain (province → prefecture → region),
//! level, delivery date, target year and the congress session line.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use baogao_model::Level;
use chrono::NaiveDate;
use regex::Regex;

use crate::norm::Norm;
use crate::number::parse_cn;
use crate::year::{self, YearPatterns};

/// Provincial-level units: (short name, full name).
const PROVINCES: &[(&str, &str)] = &[
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

const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

/// Full forms that end like a region name but are not one.
const NOT_REGIONS: &[&str] = &[
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
];

/// How far into a text (in chars) the congress a news report names is looked for.
const CONGRESS_SCAN: usize = 1500;

/// Words a region's name never holds: a title's speaker or verb glued in
/// front of 省/市 (苏树林向大会作省政府工作报告).
const NOT_IN_NAMES: &[&str] = &[
    "向", "作", "代表", "大会", "会议", "报告", "省长", "市长", "县长", "区长", "州长", "主席",
    "听取", "审议", "今天", "上午", "下午", "召开", "开幕",
];

/// Function words no region's name holds (和 and 将 do: 和平区, 将乐县).
const FUNCTION_CHARS: &str = "了的得在是与把被对从向今日";

#[derive(Debug)]
pub(crate) struct MetaPatterns {
    date: Regex,
    date_cn: Regex,
    chain: Regex,
    paren_province: Regex,
    congress_region: Regex,
    congress_named: Regex,
    title_year: Regex,
    plan_year: Regex,
    review_year: Regex,
    people: Regex,
    full_form: Regex,
    year: YearPatterns,
}

impl MetaPatterns {
    pub(crate) fn new() -> MetaPatterns {
        let re = |s: &str| Regex::new(s).expect("built-in pattern");
        MetaPatterns {
            date: re(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"),
            date_cn: re(
                r"([〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日",
            ),
            chain: re(
                r"\p{Han}+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)",
            ),
            paren_province: re(r"^[（(](\p{Han}{2,8}?(?:省|自治区|市))[)）]"),
            congress_named: re(
                r"(\p{Han}{2,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗))第?(?:[一二三四五六七八九十]+|\d+)届(?:人民代表大会|人大)",
            ),
            congress_region: re(
                r"在(\p{Han}{2,30}?)(?:第?[一二三四五六七八九十]+届|\d+届)人民代表大会",
            ),
            title_year: re(r"^(?:[（(]\p{Han}+[)）])?\p{Han}{0,24}?((?:19|20)\d\d)年(?:\p{Han})"),
            plan_year: re(
                r"((?:19|20)\d\d)年(?:工作安排|主要任务|重点工作|工作任务|工作部署|政府工作|的工作|工作总体要求|经济社会发展)",
            ),
            review_year: re(r"((?:19|20)\d\d)年(?:工作回顾|工作总结|主要工作|工作及)"),
            people: re(r"\d+万(\p{Han}{2,3}?)人民"),
            full_form: re(r"(\p{Han}{2,3}?)(区|县|旗|市)"),
            year: YearPatterns::new(),
        }
    }
}

/// What the metadata reader found.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) province: Option<String>,
    pub(crate) prefecture: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) level: Option<Level>,
    pub(crate) report_date: Option<NaiveDate>,
    pub(crate) target_year: Option<i32>,
    pub(crate) session: Option<String>,
    /// Which clue gave the target year (for `--explain`).
    pub(crate) year_source: &'static str,
}

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

fn province_full(short_or_full: &str) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(s, f)| short_or_full == *f || short_or_full == *s)
        .map(|(_, f)| *f)
}

fn is_province(name: &str) -> bool {
    name.ends_with('省')
        || name.ends_with("自治区")
        || name.ends_with("特别行政区")
        || MUNICIPALITIES.contains(&name)
}

fn level_of(name: &str) -> Level {
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

/// What the page says of itself beside its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'a> {
    pub(crate) title: Option<&'a str>,
    pub(crate) published: Option<NaiveDate>,
    /// The page's address (a date in its path dates an article), or a path.
    pub(crate) url: &'a str,
}

/// Reads the metadata of a document from its title and its opening lines.
pub(crate) fn read(page: Page<'_>, n: &Norm, mp: &MetaPatterns) -> Meta {
    let Page {
        title,
        published,
        url,
    } = page;
    let mut m = Meta::default();
    let lines: Vec<(usize, usize)> = crate::locate::paragraphs(n).into_iter().take(40).collect();
    let text_of = |&(s, e): &(usize, usize)| n.text(s, e);
    // title
    let title_norm = title.map(crate::norm::normalise).filter(|t| !t.is_empty());
    let title_line = lines
        .iter()
        .find(|l| {
            let t = text_of(l);
            t.contains("政府工作报告") && t.chars().count() <= 60
        })
        .copied();
    m.title = title
        .map(str::to_owned)
        .or_else(|| title_line.map(|(s, e)| n.orig_text(s, e).trim().to_owned()));
    let tnorm = title_norm.or_else(|| title_line.map(|l| text_of(&l).to_owned()));
    // session line
    let session = lines
        .iter()
        .find(|l| {
            let t = text_of(l);
            t.contains("人民代表大会") && t.contains("会议") && t.chars().count() <= 80
        })
        .copied();
    if let Some((s, e)) = session {
        let t = n.orig_text(s, e);
        m.session = Some(
            t.trim()
                .trim_start_matches(['—', '-', ' '])
                .trim()
                .to_owned(),
        );
    }
    // date: the session line, then the title
    for src in [session.map(|l| text_of(&l).to_owned()), tnorm.clone()]
        .into_iter()
        .flatten()
    {
        if let Some(d) = date_in(&src, mp) {
            m.report_date = Some(d);
            break;
        }
    }
    // region chain: the title, then the congress line
    let mut chain: Vec<String> = Vec::new();
    if let Some(t) = &tnorm {
        let core = t
            .split("人民政府")
            .next()
            .unwrap_or(t)
            .split("政府工作报告")
            .next()
            .unwrap_or(t);
        let core = mp.paren_province.replace(core, "");
        let core = core
            .trim_start_matches("关于")
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
        chain = chain_of(core, mp);
        // 2024年政府工作报告-某某市人民政府: the region after a separator
        if chain.is_empty()
            && let Some(after) = t.split("政府工作报告").nth(1)
        {
            let after = after.trim_start_matches(|c: char| !('\u{4e00}'..='\u{9fff}').contains(&c));
            chain = chain_of(after.split("人民政府").next().unwrap_or(after), mp);
        }
        if let Some(c) = mp.paren_province.captures(t) {
            m.province = province_full(&c[1])
                .map(str::to_owned)
                .or_else(|| Some(c[1].to_owned()));
        }
    }
    if chain.is_empty()
        && let Some(l) = session
        && let Some(c) = mp.congress_region.captures(text_of(&l))
    {
        chain = chain_of(&c[1], mp);
    }
    // a news report names the congress the report was delivered to
    // (果洛藏族自治州第十五届人民代表大会, 福建省十二届人大二次会议)
    if chain.is_empty() {
        let head = n.text(0, n.len().min(CONGRESS_SCAN));
        chain = mp
            .congress_named
            .captures_iter(head)
            .map(|c| chain_of(&c[1], mp))
            .find(|c| !c.is_empty())
            .unwrap_or_default();
    }
    if let Some(last) = chain.last() {
        m.region = Some(last.clone());
        let lvl = level_of(last);
        m.level = Some(
            if lvl == Level::City && chain.len() >= 2 && chain[chain.len() - 2].ends_with('市') {
                Level::County // a county-level city under its prefecture
            } else {
                lvl
            },
        );
        if let Some(p) = chain.iter().find(|x| is_province(x)) {
            m.province = Some(p.clone());
        }
        match m.level {
            Some(Level::City) => m.prefecture = Some(last.clone()),
            Some(Level::County) => {
                m.prefecture = chain[..chain.len() - 1]
                    .iter()
                    .rev()
                    .find(|x| !is_province(x))
                    .cloned();
            }
            _ => {}
        }
    }
    let body = n.text(0, n.len());
    if m.region.is_none() {
        body_region(body, mp, &mut m);
    }
    if m.level == Some(Level::County)
        && m.prefecture.is_none()
        && let Some(r) = &m.region
    {
        m.prefecture = prefecture_before(body, r);
    }
    if m.province.is_none() && m.level != Some(Level::Province) {
        // (山西省) anywhere in the opening lines, else the province the text names most
        m.province = lines
            .iter()
            .find_map(|l| {
                mp.paren_province
                    .captures(text_of(l))
                    .map(|c| c[1].to_owned())
            })
            .or_else(|| province_named(body).map(str::to_owned));
    }
    if m.level == Some(Level::Province) {
        m.province.clone_from(&m.region);
    }
    // target year: the first clue that gives one, in the order a reader trusts them
    let clues: [(&'static str, &dyn Fn() -> Option<i32>); 10] = [
        ("the title", &|| {
            tnorm
                .as_deref()
                .map(cn_year_digits)
                .and_then(|t| mp.title_year.captures(&t).map(|c| c[1].to_owned()))
                .and_then(|y| y.parse().ok())
        }),
        // a report delivered in November or December sets next year's targets
        ("the delivery date", &|| {
            m.report_date
                .map(|d| chrono::Datelike::year(&d) + i32::from(chrono::Datelike::month(&d) >= 11))
        }),
        ("the coming year named beside its targets", &|| {
            year::from_cues(&cn_year_digits(body), &mp.year)
        }),
        ("a plan heading", &|| {
            most_common_year(body, &mp.plan_year, 0)
        }),
        ("a review heading (the year after)", &|| {
            most_common_year(body, &mp.review_year, 1)
        }),
        // a news report: the dateline of the article
        ("the dateline", &|| {
            year::dateline(lines.iter().take(12).map(text_of), &mp.year)
                .map(|(y, month)| y + i32::from(month >= 11))
        }),
        // a congress may hold two sessions in one year: the session's year is
        // a last resort
        ("the congress session", &|| {
            m.province
                .as_deref()
                .and_then(|p| year::from_session(body, p, &mp.year))
        }),
        ("the date in the page's address", &|| {
            year::from_url(url, &mp.year).map(|(y, month)| y + i32::from(month >= 11))
        }),
        ("the page's publication date", &|| {
            published.map(|d| chrono::Datelike::year(&d))
        }),
        ("nothing", &|| None),
    ];
    let (source, year) = clues
        .iter()
        .find_map(|(source, clue)| clue().map(|y| (*source, y)))
        .map_or(("nothing", None), |(s, y)| (s, Some(y)));
    m.target_year = year;
    m.year_source = source;
    m
}

/// 二〇一八年 → 2018年 (years written in Chinese digits, as some titles do).
fn cn_year_digits(s: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let chars: Vec<char> = s.chars().collect();
    // 二00七年, 二0一0年: a zero may be typed as a digit or a letter
    let digit = |c: char| {
        if matches!(c, '零' | '0' | 'O' | 'Ｏ' | '○') {
            Some(0)
        } else {
            DIGITS.chars().position(|d| d == c)
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 4 < chars.len()
            && chars[i + 4] == '年'
            && chars[i..i + 4].iter().all(|&c| digit(c).is_some())
            && chars[i..i + 4]
                .iter()
                .any(|&c| DIGITS.contains(c) && c != '〇')
        {
            for &c in &chars[i..i + 4] {
                out.push(char::from(b'0' + digit(c).unwrap_or(0) as u8));
            }
            i += 4;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn most_common_year(body: &str, re: &Regex, add: i32) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for c in re.captures_iter(body) {
        if let Ok(y) = c[1].parse::<i32>() {
            match counts.iter_mut().find(|(x, _)| *x == y) {
                Some(e) => e.1 += 1,
                None => counts.push((y, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, k)| (k, y))
        .map(|(y, _)| y + add)
}

fn chain_of(core: &str, mp: &MetaPatterns) -> Vec<String> {
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
                    .is_some_and(|c| !('\u{4e00}'..='\u{9fff}').contains(&c))
                || mp
                    .chain
                    .find_at(core, after)
                    .is_some_and(|x| x.start() == after);
            if rest_ok {
                end = after;
            }
        }
        let mut name = &core[pos..end];
        if !is_known_region(name) {
            // the first name may carry the words before it (参加天水市,
            // 日在湖南省): the longest known tail is the name
            if out.is_empty() {
                name = known_tail(name).unwrap_or(name);
            }
            // a phrase that ends in 省/市/县 (圆满完成了省, 备受瞩目的县) is no name
            if name.contains(|c: char| FUNCTION_CHARS.contains(c)) {
                break;
            }
        }
        if NOT_REGIONS.contains(&name) || NOT_IN_NAMES.iter().any(|w| name.contains(w)) {
            break;
        }
        out.push(name.to_owned());
        pos = end;
    }
    out
}

/// A province's name, or a division's name as the gazetteer has it (not a
/// longer text it finds a name in).
fn is_known_region(name: &str) -> bool {
    use baogao_regions::{Divisions, Resolution};
    province_full(name).is_some()
        || match Divisions::builtin().resolve(name, None, None) {
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
fn known_tail(name: &str) -> Option<&str> {
    name.char_indices()
        .skip(1)
        .map(|(i, _)| &name[i..])
        .take_while(|t| t.chars().count() >= 2)
        .find(|t| is_known_region(t))
}

fn date_in(s: &str, mp: &MetaPatterns) -> Option<NaiveDate> {
    if let Some(c) = mp.date.captures(s) {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = mp.date_cn.captures(s)?;
    let year: String = c[1]
        .chars()
        .map(|ch| {
            let d = parse_cn(&[ch]).unwrap_or(0.0) as u32;
            char::from_digit(d, 10).unwrap_or('0')
        })
        .collect();
    let month = parse_cn(&c[2].chars().collect::<Vec<_>>())? as u32;
    let day = parse_cn(&c[3].chars().collect::<Vec<_>>())? as u32;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}

/// 某某市离石区 written in the body: the prefecture in front of the region.
fn prefecture_before(body: &str, region: &str) -> Option<String> {
    const STOP: &str = "在和与及的对向为是了全我本各该从到等、，。：；“”（）《》 \n";
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
                    let han = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    if han
                        && before.is_none_or(|b| {
                            STOP.contains(b) || !('\u{4e00}'..='\u{9fff}').contains(&b)
                        })
                    {
                        if !name.chars().any(|c| STOP.contains(c))
                            && !NOT_REGIONS.contains(&name.as_str())
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
fn province_named(body: &str) -> Option<&'static str> {
    let mut counts = vec![0usize; PROVINCES.len()];
    // no short name overlaps itself, so overlapping matches count as
    // `str::matches` does
    for m in PROVINCE_SEARCHER.find_overlapping_iter(body) {
        counts[m.pattern().as_usize()] += 1;
    }
    counts
        .iter()
        .zip(PROVINCES)
        .filter(|&(&k, _)| k > 0)
        .max_by_key(|&(&k, _)| k)
        .map(|(_, (_, f))| *f)
}

/// Region of a text without a title: the level from how the text names
/// itself (全区, 我县 …) and the name from a full form in the body
/// (潞州区) or the idiom `72万新吴人民`.
fn body_region(body: &str, mp: &MetaPatterns, m: &mut Meta) {
    let count = |w: &str| body.matches(w).count();
    let score = |ch: char| {
        ["全", "我", "本"]
            .iter()
            .map(|p| count(&format!("{p}{ch}")))
            .sum::<usize>()
            + count(&format!("{ch}委"))
            + count(&format!("{ch}政府"))
            + count(&format!("{ch}人大"))
    };
    let mut best = ('区', 0);
    for ch in ['省', '市', '区', '县', '旗', '州'] {
        let s = score(ch);
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
    m.level = Some(match ch {
        '省' => Level::Province,
        '市' | '州' => Level::City,
        _ => Level::County,
    });
    if ch == '省' {
        return;
    }
    let mut cands: Vec<(String, usize)> = Vec::new();
    let mut tried = std::collections::HashSet::new();
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
            || "把将被从到入出进个一两三四五六七八九十多每其这那此".contains(first)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn province_named_counts_each_short_name_as_str_matches_does() {
        let naive = |body: &str| {
            PROVINCES
                .iter()
                .map(|(s, f)| (body.matches(s).count(), *f))
                .filter(|&(k, _)| k > 0)
                .max_by_key(|&(k, _)| k)
                .map(|(_, f)| f)
        };
        for body in [
            "",
            "全省经济",
            "山西太原，陕西西安，山西大同",
            "陕西西安，山西大同",
            "内蒙古自治区与黑龙江、吉林、黑龙江接壤",
            "广东广西广东广西",
            "湖南湖北湖南",
        ] {
            assert_eq!(province_named(body), naive(body), "{body}");
        }
    }

    fn page(title: Option<&str>) -> Page<'_> {
        Page {
            title,
            published: None,
            url: "t.txt",
        }
    }

    fn meta(text: &str) -> Meta {
        read(page(None), &Norm::new(text), &MetaPatterns::new())
    }

    #[test]
    fn phrases_ending_in_a_region_suffix_are_no_names() {
        let mp = MetaPatterns::new();
        assert!(chain_of("政府较好地完成了省", &mp).is_empty());
        assert!(chain_of("备受瞩目的县", &mp).is_empty());
        assert_eq!(chain_of("参加天水市", &mp), vec!["天水市"]);
    }

    #[test]
    fn chain_keeps_city_suffix() {
        let mp = MetaPatterns::new();
        assert_eq!(chain_of("广州市天河区", &mp), vec!["广州市", "天河区"]);
        assert_eq!(chain_of("吕梁市离石区", &mp), vec!["吕梁市", "离石区"]);
        assert_eq!(chain_of("新疆维吾尔自治区", &mp), vec!["新疆维吾尔自治区"]);
    }

    #[test]
    fn title_with_province_in_parentheses() {
        let m = meta("导航\n(山西省)晋中市太谷区人民政府工作报告(2023年4月10日)\n正文");
        assert_eq!(m.region.as_deref(), Some("太谷区"));
        assert_eq!(m.prefecture.as_deref(), Some("晋中市"));
        assert_eq!(m.province.as_deref(), Some("山西省"));
        assert_eq!(m.level, Some(Level::County));
        assert_eq!(m.report_date, NaiveDate::from_ymd_opt(2023, 4, 10));
        assert_eq!(m.target_year, Some(2023));
    }

    #[test]
    fn congress_line_in_chinese_numerals() {
        let m = meta(
            "2026年政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n",
        );
        assert_eq!(m.region.as_deref(), Some("甘肃省"));
        assert_eq!(m.level, Some(Level::Province));
        assert_eq!(m.report_date, NaiveDate::from_ymd_opt(2026, 1, 27));
        assert!(m.session.as_deref().unwrap().starts_with("二〇二六年"));
    }

    #[test]
    fn municipality_and_autonomous_region() {
        assert_eq!(
            meta("2026年上海市政府工作报告\n").level,
            Some(Level::Province)
        );
        let m = meta("2026年广西壮族自治区政府工作报告\n");
        assert_eq!(
            (m.region.as_deref(), m.province.as_deref()),
            (Some("广西壮族自治区"), Some("广西壮族自治区"))
        );
    }

    #[test]
    fn prefecture_named_in_front_of_the_region() {
        assert_eq!(
            prefecture_before("我们在吕梁市离石区召开会议", "离石区").as_deref(),
            Some("吕梁市")
        );
        assert_eq!(
            prefecture_before("（晋中市太谷区）", "太谷区").as_deref(),
            Some("晋中市")
        );
        assert_eq!(prefecture_before("全市太谷区", "太谷区"), None);
        assert_eq!(prefecture_before("太谷区", "太谷区"), None);
    }

    #[test]
    fn title_with_a_site_suffix() {
        let m = read(
            page(Some("2024年政府工作报告_某某市人民政府")),
            &Norm::new("正文"),
            &MetaPatterns::new(),
        );
        assert_eq!(
            (m.region.as_deref(), m.level),
            (Some("某某市"), Some(Level::City))
        );
        assert_eq!(m.target_year, Some(2024));
    }

    #[test]
    fn title_year_after_the_region_name() {
        for title in [
            "晋中市太谷区2023年政府工作报告",
            "（山西省）晋中市太谷区2023年政府工作报告",
            "2023年晋中市太谷区政府工作报告",
        ] {
            let m = read(page(Some(title)), &Norm::new("正文"), &MetaPatterns::new());
            assert_eq!(m.target_year, Some(2023), "{title}");
        }
        // a delivery date in the title is not the target year's position
        let m = read(
            page(Some("(山西省)长治市人民政府工作报告(2023年3月29日)")),
            &Norm::new("正文"),
            &MetaPatterns::new(),
        );
        assert_eq!(m.target_year, Some(2023));
        assert_eq!(
            m.report_date.map(|d| d.to_string()).as_deref(),
            Some("2023-03-29")
        );
    }

    #[test]
    fn title_year_in_chinese_digits() {
        let m = read(
            page(Some("二〇一八年政府工作报告")),
            &Norm::new("正文"),
            &MetaPatterns::new(),
        );
        assert_eq!(m.target_year, Some(2018));
        assert_eq!(cn_year_digits("二零二四年某某县"), "2024年某某县");
    }

    #[test]
    fn district_name_ending_in_zhou_before_a_year() {
        // 潞州区: the lazy match stops at 州; the 区 before 2023年 belongs to the name
        for title in ["长治市潞州区2023年政府工作报告", "广州市2024年政府工作报告"]
        {
            let m = read(page(Some(title)), &Norm::new("正文"), &MetaPatterns::new());
            let want = if title.contains("潞州") {
                "潞州区"
            } else {
                "广州市"
            };
            assert_eq!(m.region.as_deref(), Some(want), "{title}");
        }
    }

    #[test]
    fn traditional_title() {
        let m = meta("2024年福建省政府工作報告\n");
        assert_eq!(m.region.as_deref(), Some("福建省"));
        assert_eq!(m.target_year, Some(2024));
    }

    #[test]
    fn titleless_county_text() {
        let m = meta(
            "全区上下团结奋斗，我区经济稳步增长。区委坚强领导。梅山区实现高质量发展，梅山发展成绩显著，梅山人民。习近平总书记考察调研浙江。\n二、2024年工作安排\n",
        );
        assert_eq!(m.region.as_deref(), Some("梅山区"));
        assert_eq!(m.level, Some(Level::County));
        assert_eq!(m.province.as_deref(), Some("浙江省"));
        assert_eq!(m.target_year, Some(2024));
    }
}
