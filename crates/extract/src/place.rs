//! The report's place: the division of the gazetteer its region names,
//! with the level and province filled in from what else the text says (the
//! words it calls itself by, a provincial document's number, a dateline, the
//! page's host).

use crate::meta;
use crate::norm::Norm;

/// The division of the report's region in the gazetteer (or why there is
/// none), with the level and province filled in from what else the text
/// says: the words it calls itself by (全县, 我省), a provincial document's
/// number (鄂政发〔2018〕1号).
pub(crate) fn place_and_level(
    m: &mut meta::Meta,
    n: &Norm,
    url: &str,
) -> (Option<&'static baogao_regions::Division>, Option<String>) {
    let (division, region_note) = match locate_division(m, n, url) {
        Ok(d) => (Some(d), None),
        Err(note) => (None, Some(note)),
    };
    // a report whose place is never named still says which level it
    // speaks for (全县, 我省)
    if m.level.is_none() {
        m.level = meta::level_of_the_speaker(n.text(0, n.len()));
    }
    // a province's own document names it by its abbreviation in its
    // number (鄂政发〔2018〕1号 is 湖北省人民政府's)
    m.name_the_province(|| {
        meta::province_of_document_number(n.text(0, n.len())).map(str::to_owned)
    });
    // …and a province's news names its capital in the dateline
    m.name_the_province(|| meta::province_of_the_dateline(n.text(0, n.len().min(REGION_SCAN))));
    // a province has no prefecture, nor has a district of a municipality
    // (北京市朝阳区: the city above it is a province)
    if m.level == Some(baogao_model::Level::Province) || m.prefecture == m.province {
        m.prefecture = None;
    }
    (division, region_note)
}

/// The division of the reporting region in the bundled gazetteer
/// (`baogao-regions`), resolved with the province and prefecture the text
/// names; fills in what the text left out (the prefecture of a county that
/// names only itself, the province) and the level when the name is the
/// division's current one. Otherwise why no code can be given.
pub(crate) fn locate_division(
    m: &mut meta::Meta,
    n: &Norm,
    url: &str,
) -> Result<&'static baogao_regions::Division, String> {
    use baogao_regions::{Divisions, Resolution};
    let regions = Divisions::builtin();
    mend_region_name(m, regions);
    // the text's opening, where a place the metadata missed is looked for
    let head = n.text(0, n.len().min(REGION_SCAN));
    let resolution = if let Some(r) = m.region.as_deref() {
        regions.resolve(r, m.province.as_deref(), m.prefecture.as_deref())
    } else {
        // (the title without the site's name after it: the site's place is
        // asked of the host below)
        let text = format!(
            "{}\n{}",
            m.title
                .as_deref()
                .map_or("", |t| meta::split_site_name(t).0),
            meta::without_firms(head)
        );
        // a text that never names its place may sit on its government's
        // site (wzfgw.wenzhou.gov.cn)
        regions
            .find_in_text(&text)
            .or_else(|| {
                regions
                    .from_host(host_of(url), m.province.as_deref())
                    .map(Resolution::Found)
            })
            .ok_or_else(|| "no region named".to_owned())?
    };
    let d = match resolution {
        // a text that calls itself 全市 or 全县 is no province's, though it
        // names one first (a provincial portal's or paper's name, 对内蒙古的
        // 重要指示): the first place of its own level in that province it names
        // anywhere (奋力开创现代化新巴尔虎左旗建设新局面 late in a long opening),
        // else no place (the province stays the province)
        // (a municipality's own text calls it 全市: 上海市 speaking as 全市
        // is itself)
        Resolution::Found(d)
            if m.region.is_none()
                && d.level == baogao_model::Level::Province
                && match m.level {
                    Some(baogao_model::Level::City) => {
                        !meta::MUNICIPALITIES.contains(&d.name.as_str())
                    }
                    Some(baogao_model::Level::County) => true,
                    _ => false,
                } =>
        {
            first_of_level(regions, n.text(0, n.len()), d, m.level).ok_or_else(|| {
                format!(
                    "only its province ({}) named by a text that speaks for a lower government",
                    d.name
                )
            })?
        }
        // …and a text that calls itself 全县 or 我区 and names only a city (a
        // dateline's 新华社十堰电 or 本报十堰讯 over a district's report) is
        // one of that city's counties: the first it names, else an unnamed one
        Resolution::Found(d)
            if m.region.is_none()
                && d.level == baogao_model::Level::City
                && m.level == Some(baogao_model::Level::County) =>
        {
            let Some(x) = first_of_level(regions, n.text(0, n.len()), d, m.level) else {
                m.province = Some(d.province.clone());
                m.prefecture = Some(d.name.clone());
                return Err(format!(
                    "only its city ({}) named by a text that speaks for a county",
                    d.name
                ));
            };
            x
        }
        Resolution::Found(d) => d,
        Resolution::Ambiguous { candidates, .. } => {
            // (the title's site names the city: 鼓楼区…_福州市人民政府)
            let around = format!("{}\n{head}", m.title.as_deref().unwrap_or_default());
            match the_one_named_around(regions, &candidates, &around) {
                Some(d) => d,
                None => return Err(format!("ambiguous: {}", candidates.join(" "))),
            }
        }
        Resolution::NotFound { name } => return Err(format!("unknown: {name}")),
    };
    // a name read short (赣州 for 赣州市) is written in full, and so is a
    // short form that keeps its unit (长阳自治县, 延边州, 科左中旗); a former
    // name written with its unit (赣县, now 赣县区) stays as written
    if let Some(r) = m.region.clone()
        && d.name.len() > r.len()
        && (d.name.starts_with(r.as_str()) && !r.ends_with(['省', '市', '县', '区', '旗', '盟'])
            || regions.is_abbreviation(&r))
    {
        for field in [&mut m.region, &mut m.prefecture] {
            if field.as_deref() == Some(r.as_str()) {
                *field = Some(d.name.clone());
            }
        }
    }
    let current = m.region.as_deref() == Some(d.name.as_str());
    // (a place found in the opening lines of a text that never named one
    // outweighs the level its words suggest: 海西蒙古族藏族自治州 is no province)
    let found_here = m.region.is_none();
    if m.region.is_none() {
        m.region = Some(meta::former_name_written(&d.name, head).unwrap_or_else(|| d.name.clone()));
        // the region found in the opening lines is in its own province,
        // whatever province the text names most (a dateline's 北京)
        if d.level != baogao_model::Level::Province {
            m.province = Some(d.province.clone());
        }
    }
    if m.level.is_none() || current || found_here {
        if m.level == Some(baogao_model::Level::City) && d.level == baogao_model::Level::County {
            // a county-level city titled only 某某市: its prefecture is the one above
            m.prefecture = None;
        }
        m.level = Some(d.level);
    }
    // a former name as written (吴江市 in 2011, then a county-level city of
    // 苏州市, now 吴江区; 襄樊市, then a prefecture of 湖北省): the level and the
    // prefecture it had, from the parent the renamed table gives it
    if !current
        && let Some(r) = m.region.clone()
        && let Some(parent) = regions.former_parent(&r)
    {
        let municipality = meta::MUNICIPALITIES.contains(&parent);
        if parent.ends_with('省') || parent.ends_with("自治区") {
            m.level = Some(baogao_model::Level::City);
            m.prefecture = Some(r);
        } else {
            m.level = Some(baogao_model::Level::County);
            m.prefecture = (!municipality).then(|| parent.to_owned());
        }
    }
    if m.province.is_none() {
        m.province = Some(d.province.clone());
    }
    if m.prefecture.is_none() && m.level != Some(baogao_model::Level::Province) {
        m.prefecture.clone_from(&d.prefecture);
    }
    Ok(d)
}

/// The region's name as the gazetteer may know it: without a suffix a page
/// doubled (广东省省), and none when it is a misreading of the words around
/// a name (于上海市 → 上海市; 按照中央和全省 → none), with the fields that
/// held it.
fn mend_region_name(m: &mut meta::Meta, regions: &baogao_regions::Divisions) {
    use baogao_regions::Resolution;
    let Some(r) = m
        .region
        .clone()
        .filter(|_| m.level != Some(baogao_model::Level::National))
    else {
        return;
    };
    let fixed = without_doubled_suffix(&r);
    // a name the gazetteer does not know as written that opens with a
    // word no place name opens with is a misreading of the text around a
    // name (于上海市, 按照中央和全省, 全省, 代省): the place inside it, else none
    let (known, inner) = match regions.resolve(&fixed, None, None) {
        Resolution::Found(d) if d.name != fixed && fixed.contains(d.name.as_str()) => {
            (false, Some(d.name.clone()))
        }
        Resolution::NotFound { .. } => (false, None),
        _ => (true, None),
    };
    let misread = !known
        && (fixed.starts_with(NOT_A_NAME_START)
            || NOT_A_NAME_WORDS.iter().any(|w| fixed.contains(w)));
    let region = if misread { inner } else { Some(fixed) };
    if region.as_deref() != Some(r.as_str()) {
        for field in [&mut m.province, &mut m.prefecture] {
            if field.as_deref() == Some(r.as_str()) {
                field.clone_from(&region);
            }
        }
        if misread {
            m.level = None;
            if m.province == region {
                m.province = None;
            }
        }
        m.region = region;
    }
}

/// The first division of `level` under `above` (a province, or a city) that
/// `head` names (in full or short: 平顶山), read at each char of `head`.
fn first_of_level(
    regions: &baogao_regions::Divisions,
    head: &str,
    above: &'static baogao_regions::Division,
    level: Option<baogao_model::Level>,
) -> Option<&'static baogao_regions::Division> {
    let city = (above.level == baogao_model::Level::City).then_some(above.name.as_str());
    head.char_indices().find_map(|(i, _)| {
        let len = regions.name_at_start(&head[i..])?;
        match regions.resolve(&head[i..i + len], Some(&above.province), city) {
            baogao_regions::Resolution::Found(x)
                if Some(x.level) == level
                    && (city.is_none() || x.prefecture.as_deref() == city) =>
            {
                Some(x)
            }
            _ => None,
        }
    })
}

/// Of the divisions `candidates` one name fits (鼓楼区), the one whose city,
/// else whose province, the opening of the text `head` names (…南京市委常委出席会议),
/// when only one is.
fn the_one_named_around(
    regions: &baogao_regions::Divisions,
    candidates: &[String],
    head: &str,
) -> Option<&'static baogao_regions::Division> {
    let named = |name: &str| {
        let short = name.trim_end_matches(['市', '省']);
        head.contains(name) || short.chars().count() >= 2 && head.contains(short)
    };
    let ds: Vec<&'static baogao_regions::Division> = candidates
        .iter()
        .filter_map(|c| regions.by_code(c))
        .collect();
    let only = |fits: Vec<&'static baogao_regions::Division>| (fits.len() == 1).then(|| fits[0]);
    only(
        ds.iter()
            .copied()
            .filter(|d| d.prefecture.as_deref().is_some_and(named))
            .collect(),
    )
    .or_else(|| only(ds.iter().copied().filter(|d| named(&d.province)).collect()))
}

/// The host of a page's address (`https://a.b.gov.cn:8080/x` → `a.b.gov.cn`),
/// or nothing for a path.
fn host_of(url: &str) -> &str {
    let Some((_, rest)) = url.split_once("://") else {
        return "";
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("")
}

/// How far into a text (in chars) a region is looked for when no line names it.
const REGION_SCAN: usize = 400;

/// Chars no region name opens with when the gazetteer does not know it
/// either (于, 按照, 根据, 全省, 代省 …: the words around a name).
const NOT_A_NAME_START: &[char] = &[
    '于', '按', '根', '和', '与', '及', '备', '全', '代', '在', '对', '由', '为', '把', '据', '第',
];

/// Words of prose no region's name holds (2020年丽水市国民经济和社会发展计划已经
/// 市四届人大五次会议审议 reads `民经济和社会发展计划已经市` before 四届人大).
const NOT_A_NAME_WORDS: &[&str] = &[
    // a news item's opening (本报讯 市十六届人大…, 新华网讯 县…)
    "本报",
    "讯",
    "记者",
    "经济",
    "社会",
    "发展",
    "计划",
    "已经",
    "工作",
    "政府",
    "会议",
    "报告",
    "审议",
    "党代会",
    "部署",
    "决策",
];

/// 广东省省 → 广东省, 灞桥区区 → 灞桥区: a suffix a page doubled.
fn without_doubled_suffix(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        [.., a, b] if a == b && matches!(a, '省' | '市' | '区' | '县' | '州' | '旗') => {
            chars[..chars.len() - 1].iter().collect()
        }
        _ => name.to_owned(),
    }
}
