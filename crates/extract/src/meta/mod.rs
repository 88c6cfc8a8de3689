//! Report metadata: title, region chain (province → prefecture → region),
//! level, delivery date, target year and the congress session line.

// Offsets into char slices (c, s, e, i, k) read best short in this module.
#![allow(clippy::many_single_char_names)]

use std::sync::LazyLock;

use baogao_model::Level;
use chrono::NaiveDate;
use regex::Regex;

use crate::norm::{Norm, is_unified_han};
use crate::number::parse_cn;
use crate::year::{self, NEXT_YEAR_FROM_MONTH, YearPatterns, cn_year_digits};

mod clues;
mod names;
#[cfg(test)]
mod tests;

pub(crate) use clues::{
    higher_session_relayed, level_of_the_speaker, province_of_document_number,
    province_of_the_dateline, province_of_the_venue, slogan_places,
};
pub(crate) use names::{MUNICIPALITIES, former_name_written, province_prefix, without_firms};
use names::{
    body_region, chain_of, is_known_region, is_province, level_of, prefecture_before,
    province_full, province_named,
};

/// How far into a text (in chars) the congress a news report names is looked for.
const CONGRESS_SCAN: usize = 1500;

/// How many opening lines (paragraphs) hold the title, the session line and
/// the dateline.
const OPENING_LINES: usize = 40;

/// The longest line read as the report's title.
const TITLE_MAX: usize = 60;

/// The longest line read as the congress session line (——2024年1月8日在…
/// 人民代表大会第二次会议上).
const SESSION_LINE_MAX: usize = 80;

/// How far into a text (in chars) the nation's premier is looked for.
const PREMIER_SCAN: usize = 300;

/// How many opening lines a news dateline is looked for in.
const DATELINE_LINES: usize = 12;

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
    estimate_year: Regex,
    people: Regex,
    /// The National People's Congress named with its session.
    national_congress: Regex,
    full_form: Regex,
    /// The head of a government named with its place (吴中区区长, 神木县县长).
    speaker: Regex,
    year: YearPatterns,
}

impl MetaPatterns {
    pub(crate) fn new() -> MetaPatterns {
        let re = |s: &str| crate::patterns::built_in(s);
        MetaPatterns {
            date: re(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"),
            date_cn: re(
                // (the year in Arabic digits too: the text's view reads a
                // year written in Chinese as numbers, 2026年一月二十七日)
                r"((?:19|20)\d\d|[〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日",
            ),
            chain: re(
                r"\p{Han}+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)",
            ),
            paren_province: re(r"^[（(](\p{Han}{2,8}?(?:省|自治区|市))[)）]"),
            congress_named: re(
                // (no place has 在 in its name: 市长…十六日在重庆市三届人大 names 重庆市)
                r"([\p{Han}--在]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|县|区|旗))第?(?:[一二三四五六七八九十]+|\d+)届(?:人民代表大会|人大)",
            ),
            congress_region: re(
                r"在(\p{Han}{2,30}?)(?:第?[一二三四五六七八九十]+届|\d+届)人民代表大会",
            ),
            title_year: re(r"^(?:[（(]\p{Han}+[)）])?\p{Han}{0,24}?((?:19|20)\d\d)年(?:\p{Han})"),
            plan_year: re(
                r"((?:19|20)\d\d)年(?:工作安排|主要工作安排|主要任务|重点工作|工作任务|工作部署|政府工作|的工作|工作总体要求|经济社会发展|主要工作\n[^\n]{0,20}预期目标)",
            ),
            // 2024年主要工作 reviews, 2024年主要工作安排 plans (and so does a
            // 2017年主要工作 heading over the year's targets)
            review_year: re(r"((?:19|20)\d\d)年(?:工作回顾|工作总结|主要工作(?:[^安]|$)|工作及)"),
            // 2011年，深圳生产总值预计突破1.1万亿元: a report estimates the year
            // just ended (its figures are not final yet)
            estimate_year: re(r"((?:19|20)\d\d)年(?:[^！？；\n]{0,40}?|[^！？；。\n]{0,80}?)预计"),
            people: re(r"\d+万(\p{Han}{2,3}?)人民"),
            national_congress: re(
                r"届全国人大[一二三四五六七八九十\d]*次会议|全国人民代表大会第?[一二三四五六七八九十\d]+次会议",
            ),
            full_form: re(r"(\p{Han}{2,3}?)(区|县|旗|市)"),
            speaker: re(r"(\p{Han}{1,8}?(?:区|县|旗|市|州|盟))(区长|县长|旗长|市长|州长|盟长)"),
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

impl Meta {
    /// A province's text that names no place takes the province `find`
    /// gives (asked only then): by its document number, a dateline, the
    /// city its congress meets in.
    pub(crate) fn name_the_province(&mut self, find: impl FnOnce() -> Option<String>) {
        if self.level == Some(Level::Province)
            && self.province.is_none()
            && self.region.is_none()
            && let Some(p) = find()
        {
            self.province = Some(p.clone());
            self.region = Some(p);
        }
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
    let mut m = Meta::default();
    let lines: Vec<(usize, usize)> = crate::norm::lines(n)
        .into_iter()
        .take(OPENING_LINES)
        .collect();
    let (tnorm, session) = read_title_and_session(&mut m, page.title, n, &lines, mp);
    read_region(&mut m, tnorm.as_deref(), session, n, &lines, mp);
    let (source, year) = target_year(&m, tnorm.as_deref(), page, n, &lines, mp);
    m.target_year = year;
    m.year_source = source;
    m
}

/// The title (the page's, else a short 政府工作报告 line of the opening), the
/// congress session line (——2024年1月8日在…人民代表大会第二次会议上) and the
/// date of delivery; gives the title normalised and the session line.
fn read_title_and_session(
    m: &mut Meta,
    title: Option<&str>,
    n: &Norm,
    lines: &[(usize, usize)],
    mp: &MetaPatterns,
) -> (Option<String>, Option<(usize, usize)>) {
    let text_of = |&(s, e): &(usize, usize)| n.text(s, e);
    // title
    let title_norm = title.map(crate::norm::normalise).filter(|t| !t.is_empty());
    let title_line = lines
        .iter()
        .find(|l| {
            let t = text_of(l);
            t.contains("政府工作报告")
                && t.chars().count() <= TITLE_MAX
                && !is_breadcrumb(t)
                && !is_prose(t)
        })
        .copied();
    m.title = title
        .map(str::to_owned)
        .or_else(|| title_line.map(|(s, e)| n.orig_text(s, e).trim().to_owned()));
    let tnorm = title_norm.or_else(|| title_line.map(|l| text_of(&l).to_owned()));
    // session line
    // (its 会议 may be on the next line: ——2019年1月8日在朝阳区第十六届人民代表大会 / 第五次会议上)
    let session = lines
        .iter()
        .enumerate()
        .find(|&(i, l)| {
            let t = text_of(l);
            t.contains("人民代表大会")
                && t.chars().count() <= SESSION_LINE_MAX
                && (t.contains("会议")
                    || lines.get(i + 1).is_some_and(|n| {
                        text_of(n).starts_with("第") && text_of(n).contains("会议")
                    }))
        })
        .map(|(_, l)| *l);
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
    (tnorm, session)
}

/// Whether a line is a sentence of prose, not a title: it ends one
/// sentence and starts another (…会议开幕。县长作政府工作报告。), or ends with a
/// full stop after a clause (1月21日，…开幕。).
fn is_prose(t: &str) -> bool {
    let t = t.trim_end();
    t.trim_end_matches('。').contains('。') || t.ends_with('。') && t.contains('，')
}

/// The reporting region, its level, prefecture and province: from the title,
/// the congress line, the congress a news report names (or its 两会), the
/// body's own words (全市, 我县 …), and the gazetteer's province.
fn read_region(
    m: &mut Meta,
    tnorm: Option<&str>,
    session: Option<(usize, usize)>,
    n: &Norm,
    lines: &[(usize, usize)],
    mp: &MetaPatterns,
) {
    let chain = region_chain(m, tnorm, session, n, mp);
    let national = reports_the_national_congress(n, mp);
    let chain = if national { Vec::new() } else { chain };
    if national || chain.is_empty() && is_the_nations(tnorm, session, n) {
        m.region = Some("全国".to_owned());
        m.level = Some(Level::National);
    }
    take_chain(m, &chain);
    let body = n.text(0, n.len());
    if m.region.is_none() {
        body_region(body, mp, m);
    }
    place_of_the_slogan(body, m, chain.is_empty(), tnorm);
    // a province's story that names its province nowhere (省十四届人大三次会议
    // 在石家庄开幕): the city its congress meets in
    m.name_the_province(|| province_of_the_venue(n.text(0, n.len().min(CONGRESS_SCAN))));
    if m.level == Some(Level::County)
        && m.prefecture.is_none()
        && let Some(r) = &m.region
    {
        m.prefecture = prefecture_before(body, r);
    }
    read_province(m, n, lines, mp);
}

/// The place the report's own slogan names (中国式现代化建设荥阳实践), when
/// no region was read or it lies below the one read from the body (a
/// county-level city says 全市 as its city does, and names the city more);
/// never below the place a title names (a city's report may hold up one of
/// its counties' slogans).
fn place_of_the_slogan(body: &str, m: &mut Meta, from_the_body: bool, title: Option<&str>) {
    let regions = baogao_regions::Divisions::builtin();
    let context = m.region.as_deref().filter(|_| m.level == Some(Level::City));
    let Some(d) = slogan_places(body).find_map(|p| {
        regions
            .resolve(p, m.province.as_deref(), context)
            .division()
    }) else {
        return;
    };
    let below = match (&m.region, m.level) {
        // (a city's text echoing its province's 湖北篇章 names no city, nor
        // the province: a province names itself elsewhere; a county-level
        // city says 全市 as a city does)
        (None, level) => {
            from_the_body
                && d.level != Level::Province
                && level.is_none_or(|l| {
                    l == d.level
                        || l == Level::City && d.level == Level::County && d.name.ends_with('市')
                })
        }
        (Some(r), Some(level)) => {
            let short = r.trim_end_matches(['省', '市', '县', '区']);
            level_rank(d.level) > level_rank(level)
                && (d.prefecture.as_ref() == Some(r) || d.province == *r)
                && !title.is_some_and(|t| t.contains(short))
        }
        (Some(_), None) => false,
    };
    if below {
        m.region = Some(d.name.clone());
        m.level = Some(d.level);
        m.province = Some(d.province.clone());
        m.prefecture.clone_from(&d.prefecture);
    }
}

/// The region chain (省 → 市 → 县) of the title, else of the congress line,
/// else of the congress or the two sessions a news report names; a province
/// the title names in brackets goes to `m`.
fn region_chain(
    m: &mut Meta,
    tnorm: Option<&str>,
    session: Option<(usize, usize)>,
    n: &Norm,
    mp: &MetaPatterns,
) -> Vec<String> {
    let mut chain: Vec<String> = Vec::new();
    // a site's name after the headline (县区动态_邯郸市人民政府) names who
    // publishes: the place of last resort, after what the text names
    let (tnorm, site) = match tnorm.map(split_site_name) {
        Some((headline, site)) => (Some(headline), site),
        None => (None, None),
    };
    if let Some(t) = tnorm {
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
            let after = after.trim_start_matches(|c: char| !is_unified_han(c));
            chain = chain_of(after.split("人民政府").next().unwrap_or(after), mp);
            // (…政府工作报告提出全市…: words after it, no place the gazetteer knows)
            if !chain.last().is_some_and(|r| is_known_region(r)) {
                chain.clear();
            }
        }
        if let Some(c) = mp.paren_province.captures(t) {
            m.province = province_full(&c[1])
                .map(str::to_owned)
                .or_else(|| Some(c[1].to_owned()));
        }
    }
    if chain.is_empty()
        && let Some((s, e)) = session
        && let Some(c) = mp.congress_region.captures(n.text(s, e))
    {
        chain = chain_of(&c[1], mp);
    }
    let head = n.text(0, n.len().min(CONGRESS_SCAN));
    // a news report names the congress the report was delivered to
    // (果洛藏族自治州第十五届人民代表大会, 福建省十二届人大二次会议)
    if chain.is_empty() {
        chain = mp
            .congress_named
            .captures_iter(head)
            // (a name of one char and its unit, 涉县, only as the gazetteer
            // has it: 距市九届人大 is no place's)
            .filter(|c| c[1].chars().count() > 2 || is_known_region(&c[1]))
            // (nor a unit alone after a verb, 本表经旗十五届人大二次会议审议通过,
            // 由县十八届人大: 经 and 由 open no place's name's last char)
            .filter(|c| {
                let mut back = c[1].chars().rev();
                back.next();
                !back.next().is_some_and(|k| "经由".contains(k)) || is_known_region(&c[1])
            })
            // (热烈祝贺州十二届人大三次会议胜利闭幕: a greeting before the unit
            // alone, no 贺州)
            .filter(|c| !["祝贺", "庆贺", "恭贺"].iter().any(|w| c[1].contains(w)))
            // (浙江在线杭州讯 省十二届人大: an outlet's dateline before a congress
            // named by its unit alone is no place's name)
            .filter(|c| !c[1].contains(['讯', '电', '网', '报']))
            .map(|c| chain_of(&c[1], mp))
            .find(|c| !c.is_empty())
            .unwrap_or_default();
        // (省两会精神在我县引起强烈反响: a county's story on the province's
        // session is the county's)
        if let Some(lower) = lower_place_relaying(&chain, head, n.text(0, n.len())) {
            chain = lower;
        }
        // (准格尔旗年鉴 … 旗第十四届人大 … 【鄂尔多斯市第二届人民代表大会】: a
        // county's annals that tell of its city's congress too)
        if own_session_by_a_county_unit(head)
            && let Some(county) = county_of_the_city(&chain, head, n.text(0, n.len()))
        {
            chain = county;
        }
    }
    // a news report names the region's congress by its short name (大理两会),
    // which says more than a province named alone (聚焦云南州市两会 … 大理两会)
    if chain.len() <= 1
        && let Some(c) = two_sessions_region(head)
        && (chain.is_empty() || c.len() > 1 && c[0] == chain[0])
    {
        chain = c;
    }
    // a round-up of several places' reports names the one it tells first
    // before 等 (凯里等县市晒出2024年发展“目标单”), below the prefecture
    // whose paper prints it
    let opening_end = (0..=ROUND_UP_HEAD.min(head.len()))
        .rev()
        .find(|&k| head.is_char_boundary(k))
        .unwrap_or(0);
    let opening = &head[..opening_end];
    if let Some(c) = ROUND_UP_MARKERS
        .iter()
        .find_map(|w| region_named_before(opening, w))
        && (chain.is_empty() || c.len() > chain.len() && c.starts_with(&chain))
    {
        chain = c;
    }
    // …or names its speaker, the head of the reporting government (吴中区区长
    // 在区十八届人大五次会议上作政府工作报告 in 苏州日报)
    if chain.is_empty()
        && ["区长", "县长", "旗长", "市长", "州长", "盟长"]
            .iter()
            .any(|w| head.contains(w))
        && let Some(c) = mp
            .speaker
            .captures_iter(head)
            .filter(|c| c[1].chars().last() == c[2].chars().next())
            // (a province's story names its own head or congress first: a
            // mayor quoted after 秦光荣省长 … or 省十一届人大 is a deputy)
            .take_while(|c| !provinces_own_session(&head[..c.get(0).map_or(0, |m| m.start())]))
            .map(|c| chain_of(&c[1], mp))
            .find(|c| !c.is_empty())
    {
        chain = c;
    }
    // …or names the report by its place (哈尔滨政府工作报告), unless that
    // place is above the one whose paper's masthead opens the text (义乌商报
    // 　2007年2月8日 … 金华市政府工作报告此前提出…: the paper's place, below)
    if chain.is_empty()
        && let Some(c) = region_named_before(head, "政府工作报告")
        && !head
            .lines()
            .next()
            .and_then(papers_place)
            .is_some_and(|paper| paper.len() > c.len() && paper.starts_with(&c))
    {
        chain = own_session_by_a_county_unit(head)
            .then(|| county_of_the_city(&c, head, n.text(0, n.len())))
            .flatten()
            .unwrap_or(c);
    }
    // …or is printed by the place's own paper (郑州日报 prints 郑州's report);
    // a province's paper (四川日报) prints its cities' and counties' reports
    // as often as its own, so it names no region unless the story names the
    // province's own session or head (省十一届人大, 秦光荣省长)
    if chain.is_empty()
        && let Some(c) = papers_place(head)
        && (c.len() > 1 || provinces_own_session(head))
    {
        chain = county_of_the_city(&c, head, n.text(0, n.len())).unwrap_or(c);
    }
    // …or is a notice its government signs, on a line of its own
    // (锦州市人民政府 over 2025年1月25日)
    if chain.is_empty() {
        chain = signed_by(n.text(0, n.len()), mp).unwrap_or_default();
    }
    if chain.is_empty()
        && let Some(site) = site
    {
        chain = chain_of(site.split("人民政府").next().unwrap_or(site), mp);
    }
    chain
}

/// Whether `head` names a province's own session or head by the unit alone
/// (省十一届人大三次会议, 省人大, 秦光荣省长, 自治区主席), as the province's own
/// paper tells its report.
fn provinces_own_session(head: &str) -> bool {
    static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
        crate::patterns::built_in(r"(?:省|自治区)第?[一二三四五六七八九十]+届(?:人大|人民代表大会)")
    });
    // (a vice governor, 副省长, is not the one who reports)
    let head_of_it = ["省长", "自治区主席"].iter().any(|w| {
        head.match_indices(w).any(|(i, _)| {
            head[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c != '副' && is_unified_han(c))
        })
    });
    head_of_it || CONGRESS.is_match(head)
}

/// The region chain of the government that signs `body` (a line that is
/// only its name, 锦州市人民政府 or 湖南省人民政府办公厅), the first such line.
fn signed_by(body: &str, mp: &MetaPatterns) -> Option<Vec<String>> {
    body.split('\n').find_map(|line| {
        let line = line.trim();
        let place = line
            .strip_suffix("办公室")
            .or_else(|| line.strip_suffix("办公厅"))
            .unwrap_or(line)
            .strip_suffix("人民政府")?;
        if !(2..=12).contains(&place.chars().count()) || !place.chars().all(is_unified_han) {
            return None;
        }
        let chain = chain_of(place, mp);
        (!chain.is_empty()).then_some(chain)
    })
}

/// A city's paper on one of its counties (宿迁日报 over 沭阳县委全会…全县),
/// or a county's text that quotes its city's report (温江电视台 … 区第十五届
/// 人大 … 成都市政府工作报告提出): the chain of the county the opening `head`
/// names (in full, or by a short name the city has a county of: 温江), when
/// the text calls itself by a county's unit (全县, 县委, 我区) more than by
/// the city's.
fn county_of_the_city(paper: &[String], head: &str, body: &str) -> Option<Vec<String>> {
    let regions = baogao_regions::Divisions::builtin();
    // (a city named alone, 鄂尔多斯市第二届人民代表大会: the gazetteer's province)
    let owned;
    let (province, city) = match paper {
        [province, city] => (province, city),
        [city] => match regions.resolve(city, None, None) {
            baogao_regions::Resolution::Found(d) if d.level == Level::City => {
                owned = d.province.clone();
                (&owned, city)
            }
            _ => return None,
        },
        _ => return None,
    };
    let scores = names::self_reference_scores(body);
    let unit = |u: char| names::score_of(&scores, u);
    // (the city names itself by its own unit: 全州, and a league 全盟, 盟委,
    // 盟行署, which no county's text says)
    let own = match city.chars().last() {
        Some('州') => unit('州').max(unit('市')),
        Some('盟') => ["全盟", "我盟", "盟委", "盟行署", "盟行政公署"]
            .iter()
            .map(|w| body.matches(w).count())
            .sum(),
        _ => unit('市'),
    };
    // (twice at least: one 区委 in a city's story is a district's party)
    let county = unit('县').max(unit('区')).max(unit('旗'));
    if county <= own || county < 2 {
        return None;
    }
    head.char_indices().find_map(|(i, _)| {
        let len = regions.name_at_start(&head[i..])?;
        let name = &head[i..i + len];
        // (a short name only as a word's start: no 江 of 温江 read on)
        let short = !name.ends_with(['县', '区', '市', '旗']);
        if short && head[..i].chars().next_back().is_some_and(is_unified_han) {
            return None;
        }
        match regions.resolve(name, Some(province), Some(city)) {
            baogao_regions::Resolution::Found(d)
                if d.level == Level::County && d.prefecture.as_deref() == Some(city.as_str()) =>
            {
                Some(vec![province.clone(), city.clone(), d.name.clone()])
            }
            _ => None,
        }
    })
}

/// Whether `head` names a congress by a county's unit alone (区第十五届人民
/// 代表大会, 【旗第十四届…】, 县六届人大): a county's own session, as its
/// texts name it.
fn own_session_by_a_county_unit(head: &str) -> bool {
    head.match_indices('届').any(|(i, _)| {
        let mut back = head[..i]
            .chars()
            .rev()
            .skip_while(|&c| c == '第' || c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        back.next().is_some_and(|u| matches!(u, '县' | '区' | '旗'))
            && !back.next().is_some_and(is_unified_han)
    })
}

/// A lower government's story on a higher one's session (省两会精神在我县引起
/// 强烈反响, 通山县掀起学习贯彻省两会精神热潮, 坪山区热议市政府工作报告): the
/// chain of the lower place the opening `head` names, when `chain` is the
/// congress the story tells of and the text calls itself by a lower unit
/// (我县, 县委, 全区).
fn lower_place_relaying(chain: &[String], head: &str, body: &str) -> Option<Vec<String>> {
    let top = chain.last()?;
    let top_level = level_of(top);
    let scores = names::self_reference_scores(body);
    let unit = |u: char| names::score_of(&scores, u);
    let own = match top_level {
        Level::Province if top.ends_with('市') => '市',
        Level::Province => '省',
        Level::City => '市',
        _ => return None,
    };
    if higher_session_relayed(head) != Some(own) {
        return None;
    }
    let lower = ['县', '区', '旗', '市']
        .into_iter()
        .filter(|&u| u != own)
        .map(unit)
        .max()
        .unwrap_or(0);
    // the story calls itself by a lower unit at least once (no majority: it
    // names the higher government too, 全省, 省政府工作报告)
    if lower == 0 {
        return None;
    }
    let province = chain.first().filter(|p| is_province(p))?;
    let city = chain.get(1).filter(|_| top_level == Level::City);
    let regions = baogao_regions::Divisions::builtin();
    head.char_indices().find_map(|(i, _)| {
        let len = regions.name_at_start(&head[i..])?;
        let name = &head[i..i + len];
        if !name.ends_with(['县', '区', '市', '旗']) || name == top {
            return None;
        }
        match regions.resolve(name, Some(province), city.map(String::as_str)) {
            baogao_regions::Resolution::Found(d)
                if level_rank(d.level) > level_rank(top_level)
                    && (city.is_none() || d.prefecture.as_ref() == city) =>
            {
                let mut out = vec![province.clone()];
                if let Some(p) = d.prefecture.as_ref().filter(|p| *p != province) {
                    out.push(p.clone());
                }
                out.push(d.name.clone());
                Some(out)
            }
            _ => None,
        }
    })
}

/// How far below the nation a level lies.
fn level_rank(l: Level) -> u8 {
    match l {
        Level::National => 0,
        Level::Province => 1,
        Level::City => 2,
        Level::County => 3,
    }
}

/// A title split into its headline and the name of the government's site
/// after a separator (`县区动态_邯郸市人民政府`, `… - 某某县人民政府门户网站`),
/// if it ends in one. A news site's name (`…_四川在线`) is cut off and not
/// given: its place is the outlet's.
pub(crate) fn split_site_name(title: &str) -> (&str, Option<&str>) {
    if let Some(at) = crate::norm::news_site_suffix(title) {
        return (title[..at].trim(), None);
    }
    let cut = crate::norm::site_separator(title).or_else(|| title.rfind('-').map(|i| (i, 1)));
    match cut {
        Some((i, sep)) if i > 0 => {
            let site = title[i + sep..].trim();
            let names_a_site = site.contains("人民政府") || site.ends_with("政府网");
            if names_a_site && !title[..i].trim().is_empty() {
                (title[..i].trim(), Some(site))
            } else {
                (title, None)
            }
        }
        _ => (title, None),
    }
}

/// Whether a news report tells of the premier's report to the National
/// People's Congress (十三届全国人大一次会议, 国务院总理) and of no lower
/// government (全省, 市长 …): the place of its dateline (北京) is no region.
fn reports_the_national_congress(n: &Norm, mp: &MetaPatterns) -> bool {
    let head = n.text(0, n.len().min(PREMIER_SCAN));
    // (the premier named, or the nation's own measure in the report's
    // words: 十四届全国人大二次会议…政府工作报告提出…国内生产总值增长5%左右)
    mp.national_congress.is_match(head)
        && (head.contains("国务院")
            || head.contains("总理")
            || head.contains("政府工作报告") && head.contains("国内生产总值"))
        && !names_a_local_government(head)
}

/// Whether `head` names a local government by its own words (我省, 全市,
/// 省长 …): a story that tells the premier's report beside them is that
/// government's.
fn names_a_local_government(head: &str) -> bool {
    [
        "我省", "我市", "我县", "我区", "全省", "全市", "全县", "省长", "市长", "县长", "区长",
    ]
    .iter()
    .any(|w| head.contains(w))
}

/// Whether the text is the State Council's report to the National People's
/// Congress (or a news item on it: 国务院总理…在政府工作报告中, with the
/// nation's 国内生产总值): the whole country's.
fn is_the_nations(tnorm: Option<&str>, session: Option<(usize, usize)>, n: &Norm) -> bool {
    let head = n.text(0, n.len().min(PREMIER_SCAN));
    tnorm.is_some_and(|t| t.contains("国务院"))
        || (session.is_some_and(|(s, e)| n.text(s, e).contains("全国人民代表大会"))
            && head.contains("国务院总理"))
        || (head.contains("国务院总理")
            && head.contains("政府工作报告")
            && head.contains("国内生产总值")
            // (an interview of a province's governor at the national session,
            // 记者：国务院总理在政府工作报告中提出，… 省长：…全省生产总值增长…)
            && !names_a_local_government(head))
}

/// The region, level, province and prefecture a region chain gives.
fn take_chain(m: &mut Meta, chain: &[String]) {
    let Some(last) = chain.last() else {
        return;
    };
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

/// The province: the gazetteer's for a region it knows, else one the
/// opening lines name in brackets, else the one the text names most.
fn read_province(m: &mut Meta, n: &Norm, lines: &[(usize, usize)], mp: &MetaPatterns) {
    let body = n.text(0, n.len());
    // a region the gazetteer knows (one reading) is in its province, whatever
    // the dateline names (中评社北京1月8日电/深圳市长…)
    let gazetteer_province = m.region.as_deref().and_then(|r| {
        baogao_regions::Divisions::builtin()
            .resolve(r, None, None)
            .division()
            .map(|d| d.province.clone())
    });
    if gazetteer_province.is_some() && m.level != Some(Level::Province) {
        m.province = gazetteer_province;
    }
    if m.province.is_none() && m.level != Some(Level::Province) {
        // (山西省) anywhere in the opening lines, else the province the text names most
        m.province = lines
            .iter()
            .find_map(|&(s, e)| {
                mp.paren_province
                    .captures(n.text(s, e))
                    .map(|c| c[1].to_owned())
            })
            .or_else(|| province_named(body).map(str::to_owned));
    }
    if m.level == Some(Level::Province) {
        m.province.clone_from(&m.region);
    }
}

/// The clue of a target year that is only a guess (the latest year the text
/// names): the locator reads the text as if no year were known.
pub(crate) const GUESSED_YEAR: &str = "the latest year the text names (a guess)";

/// The year the targets are for and which clue gave it: the first clue that
/// gives one, in the order a reader trusts them.
fn target_year(
    m: &Meta,
    tnorm: Option<&str>,
    page: Page<'_>,
    n: &Norm,
    lines: &[(usize, usize)],
    mp: &MetaPatterns,
) -> (&'static str, Option<i32>) {
    let Page { published, url, .. } = page;
    let text_of = |&(s, e): &(usize, usize)| n.text(s, e);
    let body = n.text(0, n.len());
    let reviewed = || most_common_year(body, &mp.review_year, 1);
    let estimated = || {
        // (an estimate worded as an aim, 2026年预计GDP增长5%左右的目标, is
        // the coming year's: only a sentence with no word of a target counts)
        mp.estimate_year
            .captures_iter(body)
            .filter(|c| {
                let m = c.get(0).expect("match");
                let after: String = body[m.end()..]
                    .chars()
                    .take(ESTIMATE_CONTEXT)
                    .take_while(|&c| !matches!(c, '。' | '；' | '\n'))
                    .collect();
                let words = format!("{}{after}", m.as_str());
                !["目标", "力争", "今年", "计划", "预期"]
                    .iter()
                    .any(|w| words.contains(w))
            })
            .filter_map(|c| c[1].parse::<i32>().ok())
            .max()
            .map(|y| y + 1)
    };
    // target year: the first clue that gives one, in the order a reader trusts them
    // a report delivered in November or December sets next year's targets
    let delivered = || {
        m.report_date.map(|d| {
            chrono::Datelike::year(&d)
                + i32::from(chrono::Datelike::month(&d) >= NEXT_YEAR_FROM_MONTH)
        })
    };
    // (二〇一〇年 read as 2010年, once, and only if a clue that needs it is
    // asked: most texts are dated by an earlier one)
    let body_digits = std::cell::LazyCell::new(|| year::with_digit_years(body));
    let clues: [(&'static str, &dyn Fn() -> Option<i32>); 16] = [
        ("the title", &|| {
            let titled: i32 = tnorm
                .map(cn_year_digits)
                .and_then(|t| {
                    // 关于2023年…计划执行情况与2024年…计划草案的报告: the draft's year
                    plan_draft_year(&t).map(|y| (y, false)).or_else(|| {
                        mp.title_year.captures(&t).map(|c| {
                            // 浏阳市政府工作报告回顾2007年发展: the year reviewed
                            let reviewed = t[..c.get(1).map_or(0, |m| m.start())].ends_with("回顾");
                            (c[1].to_owned(), reviewed)
                        })
                    })
                })
                .and_then(|(y, reviewed)| Some(y.parse::<i32>().ok()? + i32::from(reviewed)))?;
            // a mirror's title (2017年奉节政府工作报告, 清河区2007年政府工作报告)
            // that the text's own review (2009年工作回顾) or estimates
            // (预计2007年…) or the date it was delivered on (2008年政府工作报告
            // over ——2009年1月11日在双流县…) contradict yields to the text
            match delivered().or_else(reviewed).or_else(estimated) {
                Some(y) if y != titled => None,
                _ => Some(titled),
            }
        }),
        ("the delivery date", &delivered),
        ("the coming year named beside its targets", &|| {
            year::from_cues(&body_digits, &year::beside_glue(n, &mp.year), &mp.year)
        }),
        (
            "the year's place in a five-year plan or an anniversary",
            &|| year::from_period(&body_digits, &mp.year),
        ),
        ("the five-year plan the session adopts", &|| {
            year::from_plan_adopted(body, &mp.year)
        }),
        ("a plan heading", &|| {
            most_common_year(body, &mp.plan_year, 0)
        }),
        ("a review heading (the year after)", &reviewed),
        (
            "the year the text gives estimates for (the year after)",
            &estimated,
        ),
        // a news report: the dateline of the article
        // (a repost dated years later, 更新时间：2016 over a province's 十二届人大
        // 一次会议: the province's own session says when)
        ("the dateline", &|| {
            let dated = year::dateline(lines.iter().take(DATELINE_LINES).map(text_of), &mp.year)
                .map(|(y, month)| y + i32::from(month >= NEXT_YEAR_FROM_MONTH))?;
            let session = m
                .province
                .as_deref()
                .filter(|_| m.level == Some(Level::Province))
                .and_then(|p| year::from_session(body, p, &mp.year));
            Some(session.filter(|&s| s < dated).unwrap_or(dated))
        }),
        // a congress may hold two sessions in one year: the session's year is
        // a last resort
        ("the congress session", &|| {
            if m.level == Some(Level::National) {
                return year::from_national_session(body, &mp.year);
            }
            // (a province's paper that names the province only in its own
            // name, 每日甘肃网讯 省十一届人大三次会议: the province it names)
            m.province
                .as_deref()
                .or_else(|| {
                    (m.level == Some(Level::Province))
                        .then(|| province_named(body))
                        .flatten()
                })
                .and_then(|p| year::from_session(body, p, &mp.year))
        }),
        ("the five-year plan the text reviews as done", &|| {
            year::from_plan_completed(body, &mp.year)
        }),
        ("the date in the page's address", &|| {
            year::from_url(url, &mp.year)
                .map(|(y, month)| y + i32::from(month >= NEXT_YEAR_FROM_MONTH))
        }),
        // (a page of December that speaks of 明年 is dated the year before its
        // targets; a repost of a report late in its own year says 今年)
        ("the page's publication date", &|| {
            published.map(|d| {
                chrono::Datelike::year(&d)
                    + i32::from(
                        chrono::Datelike::month(&d) >= NEXT_YEAR_FROM_MONTH
                            && body.contains("明年"),
                    )
            })
        }),
        ("the report the text names with its year", &|| {
            year::from_named_report(&body_digits, &mp.year)
        }),
        (GUESSED_YEAR, &|| year::latest_named(&body_digits, &mp.year)),
        ("nothing", &|| None),
    ];
    let (source, year) = clues
        .iter()
        .find_map(|(source, clue)| clue().map(|y| (*source, y)))
        .map_or(("nothing", None), |(s, y)| (s, Some(y)));
    (source, year)
}

/// The year of the plan a title reports after the last year's execution
/// (…2023年…计划执行情况与2024年…计划草案的报告): the year whose words
/// name the draft, after 执行情况.
fn plan_draft_year(title: &str) -> Option<String> {
    let (_, draft) = title.split_once("执行情况")?;
    let at = draft.find("年")?;
    let year = draft[..at].rsplit(|c: char| !c.is_ascii_digit()).next()?;
    (year.len() == 4 && draft[at..].contains("草案")).then(|| year.to_owned())
}

/// A site's path to the page (当前位置: 首页>>政务公开>>政府工作报告), not its title.
fn is_breadcrumb(line: &str) -> bool {
    ["当前位置", "首页", ">>", "»", " > "]
        .iter()
        .any(|w| line.contains(w))
}

/// What follows the first place a round-up of several places names
/// (凯里等县市).
const ROUND_UP_MARKERS: [&str; 4] = ["等县市", "等市县", "等县区", "等区县"];

/// How far into the text (bytes) a round-up's headline is looked for.
const ROUND_UP_HEAD: usize = 300;

/// The region of `X两会` (大理两会, 郑州两会): the chain province, prefecture,
/// region of the one division whose name (full or short) ends right before
/// 两会; the nation's and unnamed sessions (全国两会, 省两会) name none.
fn two_sessions_region(head: &str) -> Option<Vec<String>> {
    region_named_before(head, "两会")
}

/// What a place's own paper is called after its name (郑州日报, 义乌商报).
const PAPER_NAMES: [&str; 4] = ["日报", "晚报", "商报", "时报"];

/// The place a paper named in `text` belongs to (郑州日报, 义乌商报).
fn papers_place(text: &str) -> Option<Vec<String>> {
    PAPER_NAMES
        .iter()
        .find_map(|w| region_named_before(text, w))
}

/// The region chain of the place named right before `marker` in `head`
/// (大理两会, 哈尔滨政府工作报告): the longest name that ends there.
fn region_named_before(head: &str, marker: &str) -> Option<Vec<String>> {
    let regions = baogao_regions::Divisions::builtin();
    for (at, _) in head.match_indices(marker) {
        let before: Vec<char> = head[..at].chars().rev().take(8).collect();
        let before: String = before.into_iter().rev().collect();
        let chars: Vec<(usize, char)> = before.char_indices().collect();
        // the longest name that ends at 两会
        for &(b, _) in &chars {
            let name = &before[b..];
            if name.chars().count() < 2 || !name.chars().all(is_unified_han) {
                continue;
            }
            let found = match regions.resolve(name, None, None) {
                baogao_regions::Resolution::Found(d) => Some(d),
                // 大理: the prefecture, over the city of its name inside it
                baogao_regions::Resolution::Ambiguous { candidates, .. } => {
                    let ds: Vec<_> = candidates
                        .iter()
                        .filter_map(|c| regions.by_code(c))
                        .collect();
                    ds.iter()
                        .find(|d| {
                            d.level == Level::City
                                && ds.iter().all(|o| {
                                    o.code == d.code || o.prefecture.as_deref() == Some(&d.name)
                                })
                        })
                        .copied()
                }
                baogao_regions::Resolution::NotFound { .. } => None,
            };
            // the name as written, not a reading of it (云南州市 is no 云南省)
            if let Some(d) = found.filter(|d| d.name.starts_with(name)) {
                let mut chain = vec![d.province.clone()];
                if let Some(p) = d.prefecture.as_ref().filter(|p| **p != d.name) {
                    chain.push(p.clone());
                }
                if d.name != d.province {
                    chain
                        .push(former_name_written(&d.name, head).unwrap_or_else(|| d.name.clone()));
                }
                return Some(chain);
            }
        }
    }
    None
}

/// How far (in chars) after an estimate (预计) the rest of its sentence is
/// read for a word of a target.
const ESTIMATE_CONTEXT: usize = 30;

/// How far (in chars) before a year a word that reviews it (回顾, 总结) is
/// looked for.
const REVIEW_WORD_REACH: usize = 12;

fn most_common_year(body: &str, re: &Regex, add: i32) -> Option<i32> {
    // (回顾了本届政府及2016年的工作: a review names the year it looks back on
    // as a plan heading would)
    // (or after it, in its clause: 报告对2005年政府工作及“十五”计划完成情况作了总结)
    let reviewed = |(at, end): (usize, usize)| {
        let before = &body[..at];
        let from = before
            .char_indices()
            .rev()
            .nth(REVIEW_WORD_REACH - 1)
            .map_or(0, |(i, _)| i);
        let after: String = body[end..]
            .chars()
            .take(REVIEW_WORD_REACH)
            .take_while(|c| !matches!(c, '，' | '。' | '；' | '\n'))
            .collect();
        ["回顾", "总结"].iter().any(|w| before[from..].contains(w))
            || ["完成情况", "总结", "回顾"]
                .iter()
                .any(|w| after.contains(w))
    };
    // (a heading of the year's work alone, 四、2016年主要工作, with its first
    // numbered task under it, （一）着力推进…, plans that year: no review of it)
    let plans_the_work = |(at, end): (usize, usize)| {
        add == 1 && body[at..end].ends_with("主要工作\n") && body[end..].starts_with("（一）")
    };
    let named = re
        .captures_iter(body)
        .filter(|c| {
            let span = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
            !reviewed(span) && !plans_the_work(span)
        })
        .filter_map(|c| c[1].parse::<i32>().ok());
    year::most_voted(named).map(|y| y + add)
}

fn date_in(s: &str, mp: &MetaPatterns) -> Option<NaiveDate> {
    if let Some(c) = mp.date.captures(s) {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = mp.date_cn.captures(s)?;
    let year: String = c[1]
        .chars()
        .map(|ch| {
            let d = ch
                .to_digit(10)
                .unwrap_or_else(|| parse_cn(&[ch]).unwrap_or(0.0) as u32);
            char::from_digit(d, 10).unwrap_or('0')
        })
        .collect();
    let month = parse_cn(&c[2].chars().collect::<Vec<_>>())? as u32;
    let day = parse_cn(&c[3].chars().collect::<Vec<_>>())? as u32;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}
