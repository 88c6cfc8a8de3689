//! Targets, outcomes and metadata from the text of a government work report.
//!
//! In: a [`baogao_model::Document`] (its `text`, paragraphs separated by
//! `\n`, simplified or traditional, full-width or ASCII punctuation; its
//! `title` when the cleaner found one). Out: an [`Extraction`] with the
//! [`Report`] (region, level, date, target year …), the coming year's
//! [`Target`]s from the 主要预期目标 paragraph and the previous year's
//! [`Outcome`]s from the review. The pipeline's extract stage and the
//! `baogao extract` / `baogao eval` commands call it; [`eval`] scores it
//! against gold files.
//!
//! Indicator names come from a TOML dictionary (`config/indicators.toml` is
//! built in; replace or extend it). Every target keeps the clause it was read
//! from and its char offsets in the document text.
//!
//! ```
//! use baogao_extract::Extractor;
//! use baogao_model::Document;
//!
//! let ex = Extractor::builtin();
//! let doc = Document::from_text(
//!     "x.txt",
//!     "2024年某某省政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上。",
//! );
//! let out = ex.extract(&doc);
//! assert_eq!(out.targets.len(), 2);
//! assert_eq!(out.targets[0].indicator, "gdp");
//! assert_eq!(out.targets[0].value, Some(5.0));
//! assert_eq!(out.report.target_year, Some(2024));
//! ```
//!
//! How it reads a report (one module each):
//! - `norm`: a normalised view (full-width → ASCII, traditional → simplified,
//!   spaces dropped) whose every char maps back to the original offset;
//! - `meta`: title, congress line, region chain (省 → 市 → 县/区), level,
//!   delivery date and target year; for a text without a title, the level
//!   from how it names itself (全区, 我县) and the name from the body;
//! - `locate`: the review part (up to the five-year goals or the year's plan
//!   heading) and the targets block (the 主要预期目标 cue and the list after it,
//!   bullets and continued paragraphs included; when there is no cue, the
//!   `今年…增长X%` sentences of the plan part);
//! - `clause` / `names` / `number`: clauses, 、 lists, 分别 lists, figures,
//!   units, qualifiers, qualitative predicates;
//! - `indicator`: the dictionary; `outcomes`: the past year's figures.
//!
//! `constraint` rule: `None` for qualitative targets; `hard` when written with
//! 确保 or 不低于/突破/超过 before the figure; `soft` when written with 力争,
//! 争取 or 预期; otherwise `hard` for floors and ceilings (`>=`, `<=`: 以上,
//! 以内 …) and `soft` for everything else (左右, ranges, bare figures of the
//! 预期目标 paragraph).
//!
//! `region_code` / `parent_code` come from the bundled gazetteer
//! (`baogao-regions`): the region read from the text is resolved with the
//! province and prefecture around it, which also fills in a prefecture or
//! province the text never names and the level of a county-level city titled
//! only `某某市`. An unknown or ambiguous name keeps the codes `None`.

mod clause;
mod error;
pub mod eval;
mod explain;
mod figure;
pub mod harmonise;
mod indicator;
mod item;
pub mod learned;
mod locate;
mod meta;
mod names;
mod norm;
mod number;
mod outcomes;
pub mod panel;
mod plausible;
mod sentence;
mod table;
mod year;

use std::path::Path;

use baogao_model::{Constraint, Document, Outcome, Qualifier, Report, Target};

pub use error::ExtractError;
pub use explain::{Explanation, Note};

use crate::clause::Patterns;
use crate::explain::Trace;
use crate::indicator::Dictionary;
use crate::item::Item;
use crate::locate::LocatePatterns;
use crate::meta::MetaPatterns;
use crate::norm::Norm;

/// The built-in indicator dictionary (`config/indicators.toml`).
pub(crate) const BUILTIN_DICTIONARY: &str = include_str!("../../../config/indicators.toml");

/// The extractor: a compiled dictionary and patterns, built once and reused.
/// The most chars of a document the extractor reads: ten times the longest
/// government work report (about 60,000 chars), so a report is always read
/// whole, while a huge page (a 200 MB dump served as HTML) costs a bounded
/// amount of memory instead of several times its size. What lies beyond is
/// not read; its targets would be none of a report's.
pub const MAX_TEXT_CHARS: usize = 2_000_000;

/// `text` up to [`MAX_TEXT_CHARS`] chars (offsets into it are offsets into
/// the whole).
fn capped(text: &str) -> &str {
    // (no more bytes than the cap: no more chars, and no scan)
    if text.len() <= MAX_TEXT_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[derive(Debug)]
pub struct Extractor {
    dict: Dictionary,
    pat: Patterns,
    lp: LocatePatterns,
    mp: MetaPatterns,
    outcomes: bool,
}

/// A document as the extractor's readers see it ([`Extractor::layout`]).
pub(crate) struct Layout {
    pub(crate) n: Norm,
    pub(crate) m: meta::Meta,
    pub(crate) paras: Vec<(usize, usize)>,
    /// First paragraph of the plan part (`paras.len()` when there is none).
    pub(crate) review_end: usize,
}

/// Everything read from one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Extraction {
    pub report: Report,
    pub targets: Vec<Target>,
    pub outcomes: Vec<Outcome>,
}

impl Extractor {
    fn with_dictionary(dict: Dictionary) -> Extractor {
        Extractor {
            dict,
            pat: Patterns::new(),
            lp: LocatePatterns::new(),
            mp: MetaPatterns::new(),
            outcomes: true,
        }
    }

    /// The extractor with the built-in dictionary.
    #[must_use]
    pub fn builtin() -> Extractor {
        let dict = Dictionary::parse(BUILTIN_DICTIONARY, Path::new("config/indicators.toml"))
            .expect("the built-in dictionary parses (checked by a test)");
        Extractor::with_dictionary(dict)
    }

    /// An extractor whose dictionary is the file at `path` (replacing the built-in one).
    pub fn from_dictionary_file(path: &Path) -> Result<Extractor, ExtractError> {
        let src = read(path)?;
        Ok(Extractor::with_dictionary(Dictionary::parse(&src, path)?))
    }

    /// Adds the indicators and aliases of the file at `path` to this dictionary.
    pub fn with_extra_dictionary(mut self, path: &Path) -> Result<Extractor, ExtractError> {
        let src = read(path)?;
        self.dict.extend(&src, path)?;
        Ok(self)
    }

    /// Turns outcome extraction on or off (on by default).
    #[must_use]
    pub fn with_outcomes(mut self, on: bool) -> Extractor {
        self.outcomes = on;
        self
    }

    /// Reads the report metadata, targets and outcomes of one document.
    #[must_use]
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.extract_traced(doc, &mut Trace::off()).0
    }

    /// [`Extractor::extract`], with why: which clue gave the target year,
    /// how the targets were located, and every sentence the locator weighed
    /// with the rule that took or rejected it (`baogao extract --explain`).
    #[must_use]
    pub fn explain(&self, doc: &Document) -> Explanation {
        let mut trace = Trace::on();
        let (extraction, year_source, located_by) = self.extract_traced(doc, &mut trace);
        Explanation {
            extraction,
            year_source: year_source.to_owned(),
            located_by: located_by.to_owned(),
            notes: trace.notes,
        }
    }

    /// The past year's figures of the review part `review`, one row each;
    /// none from a clause read as a target (a headline before the targets).
    fn outcomes_of(
        &self,
        n: &Norm,
        (review, targets): (&[(usize, usize)], &[Item]),
        doc: &Document,
        target_year: Option<i32>,
    ) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        let read = outcomes::read(n, review, target_year, &self.dict, &self.pat);
        for f in read.into_iter().filter(|f| {
            !targets
                .iter()
                .any(|t| t.start < f.item.end && f.item.start < t.end)
        }) {
            let (s, e) = n.orig_range(f.item.start, f.item.end);
            let text = n.orig_text(f.item.start, f.item.end);
            for fig in &f.item.figs {
                outcomes.push(Outcome {
                    doc_id: doc.doc_id.clone(),
                    year: target_year.map(|y| y - 1),
                    indicator: f.item.indicator.clone(),
                    raw_name: one_line(&f.item.raw_name),
                    measure: fig.measure,
                    value: fig.value,
                    unit: fig.unit.map(str::to_owned),
                    estimated: f.estimated,
                    series: String::new(),
                    value_std: None,
                    unit_std: None,
                    text: text.clone(),
                    char_start: s as u32,
                    char_end: e as u32,
                });
            }
        }
        dedup_by(&mut outcomes, |o| {
            format!(
                "{}|{:?}|{}|{}",
                o.indicator, o.value, o.char_start, o.measure
            )
        });
        outcomes
    }

    /// What the readers of `doc` share: its normalised text, its metadata,
    /// its paragraphs and where its review of the past ends.
    pub(crate) fn layout(&self, doc: &Document) -> Layout {
        let n = Norm::new(capped(&doc.text));
        let page = meta::Page {
            title: doc.title.as_deref(),
            published: doc.published,
            url: &doc.url,
        };
        let m = meta::read(page, &n, &self.mp);
        let paras = norm::paragraphs(&n);
        let review_end = locate::review_end(&n, &paras, m.target_year, &self.lp);
        Layout {
            n,
            m,
            paras,
            review_end,
        }
    }

    fn extract_traced(
        &self,
        doc: &Document,
        trace: &mut Trace,
    ) -> (Extraction, &'static str, &'static str) {
        let Layout {
            n,
            m,
            paras,
            review_end: rev_end,
        } = self.layout(doc);
        // the locator weighs sentences against the government the report
        // names (its place found in the gazetteer, its level from its words)
        let mut m = m;
        let (division, region_note) = place_and_level(&mut m, &n, &doc.url);
        let (items, cue_para) = locate::targets(
            &n,
            &paras,
            rev_end,
            // (a guessed year opens no sentence to the coming year's reading)
            locate::Speaker::new(
                m.target_year
                    .filter(|_| m.year_source != meta::GUESSED_YEAR),
                m.level,
                division,
            ),
            (&self.dict, &self.pat, &self.lp),
            trace,
        );
        let located_by = match (cue_para, items.is_empty()) {
            (Some(_), _) => "cue",
            (None, false) => "forward sentences",
            (None, true) => "none",
        };
        let mut targets = Vec::new();
        for it in &items {
            to_targets(&n, it, doc, m.target_year, &mut targets);
        }
        targets.retain(|t| !plausible::implausible(t));
        urban_before_the_reform(&mut targets);
        // a figure stated twice (除了地区生产总值增长7.5%，…还包括：…) is one
        // target; qualitative targets, which have none, are told apart by
        // where they stand
        dedup_by(&mut targets, |t| {
            let at = if t.value.is_none() { t.char_start } else { 0 };
            format!(
                "{}|{:?}|{:?}|{}|{:?}|{}|{at}",
                t.indicator,
                t.value,
                t.value_max,
                t.measure,
                t.unit,
                t.qualifier.as_str()
            )
        });
        let outcomes = if self.outcomes {
            self.outcomes_of(
                &n,
                (
                    &paras[..rev_end.min(cue_para.unwrap_or(usize::MAX))],
                    &items,
                ),
                doc,
                m.target_year,
            )
        } else {
            Vec::new()
        };
        let year_source = m.year_source;
        let report = Report {
            doc_id: doc.doc_id.clone(),
            url: doc.url.clone(),
            title: m.title,
            province: m.province,
            prefecture: m.prefecture,
            region: m.region,
            level: m.level,
            region_code: division.map(|d| d.code.clone()),
            parent_code: division.and_then(|d| d.parent_code.clone()),
            region_note,
            report_date: m.report_date,
            target_year: m.target_year,
            session: m.session,
            targets_found: targets.len() as u32,
            outcomes_found: outcomes.len() as u32,
            gdp_absent: !targets.is_empty() && !targets.iter().any(|t| t.indicator == "gdp"),
            extractor_version: baogao_model::EXTRACTOR_VERSION.to_owned(),
        };
        let mut extraction = Extraction {
            report,
            targets,
            outcomes,
        };
        harmonise::finish(&self.dict, &n.src, &mut extraction);
        (extraction, year_source, located_by)
    }
}

/// The division of the report's region in the gazetteer (or why there is
/// none), with the level and province filled in from what else the text
/// says: the words it calls itself by (全县, 我省), a provincial document's
/// number (鄂政发〔2018〕1号).
fn place_and_level(
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
    if m.level == Some(baogao_model::Level::Province)
        && m.province.is_none()
        && m.region.is_none()
        && let Some(p) = meta::province_of_document_number(n.text(0, n.len()))
    {
        m.province = Some(p.to_owned());
        m.region = Some(p.to_owned());
    }
    // …and a province's news names its capital in the dateline
    if m.level == Some(baogao_model::Level::Province)
        && m.province.is_none()
        && m.region.is_none()
        && let Some(p) = meta::province_of_the_dateline(n.text(0, n.len().min(REGION_SCAN)))
    {
        m.province = Some(p.clone());
        m.region = Some(p);
    }
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
fn locate_division(
    m: &mut meta::Meta,
    n: &Norm,
    url: &str,
) -> Result<&'static baogao_regions::Division, String> {
    use baogao_regions::{Divisions, Resolution};
    let regions = Divisions::builtin();
    if let Some(r) = m
        .region
        .clone()
        .filter(|_| m.level != Some(baogao_model::Level::National))
    {
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
        Resolution::Found(d)
            if m.region.is_none()
                && d.level == baogao_model::Level::Province
                && matches!(
                    m.level,
                    Some(baogao_model::Level::City | baogao_model::Level::County)
                ) =>
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

/// A name as written, without the line breaks of a hard-wrapped page (地区生产
/// / 总值 is one word); the evidence `text` keeps them, as the page has it.
fn one_line(name: &str) -> String {
    name.replace(['\n', '\r'], "")
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

fn read(path: &Path) -> Result<String, ExtractError> {
    std::fs::read_to_string(path).map_err(|source| ExtractError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Drops records whose key was seen before (keeps the first).
fn dedup_by<T>(v: &mut Vec<T>, key: impl Fn(&T) -> String) {
    let mut seen = rustc_hash::FxHashSet::default();
    v.retain(|x| seen.insert(key(x)));
}

/// Before the 2013 household survey reform, disposable income was the urban
/// residents' statistic: beside the farmers' 纯收入, a bare 人均可支配收入 is
/// the urban one (…人均可支配收入增长10%，农民人均纯收入增长9%).
fn urban_before_the_reform(targets: &mut [Target]) {
    // (a name as the text writes it: in traditional characters, or with a
    // mirror's glosses, 農(nóng)民人均純(chún)收入)
    let net_rural = targets.iter().any(|t| {
        t.indicator == "rural_disposable_income" && norm::normalise(&t.raw_name).contains("纯收入")
    });
    if !net_rural {
        return;
    }
    for t in targets.iter_mut() {
        if t.indicator == "disposable_income"
            && ["人均可支配收入", "居民人均可支配收入"]
                .contains(&norm::normalise(&t.raw_name).as_str())
        {
            "urban_disposable_income".clone_into(&mut t.indicator);
        }
    }
}

fn to_targets(n: &Norm, it: &Item, doc: &Document, year: Option<i32>, out: &mut Vec<Target>) {
    let (s, e) = n.orig_range(it.start, it.end);
    let text = n.orig_text(it.start, it.end);
    for f in &it.figs {
        let constraint = match f.qual {
            Qualifier::Qualitative => None,
            _ if f.hard_word || text.contains("确保") => Some(Constraint::Hard),
            _ if f.soft_word => Some(Constraint::Soft),
            Qualifier::AtLeast | Qualifier::AtMost => Some(Constraint::Hard),
            _ => Some(Constraint::Soft),
        };
        out.push(Target {
            doc_id: doc.doc_id.clone(),
            target_year: year,
            indicator: it.indicator.clone(),
            raw_name: one_line(&it.raw_name),
            measure: f.measure,
            value: f.value,
            value_max: f.max,
            unit: f.unit.map(str::to_owned),
            qualifier: f.qual,
            stretch_value: f.stretch,
            constraint,
            constraint_source: None,
            inferred: false,
            series: String::new(),
            value_std: None,
            unit_std: None,
            text: text.clone(),
            char_start: s as u32,
            char_end: e as u32,
        });
    }
}

#[cfg(test)]
mod copy_forms;
#[cfg(test)]
mod lookalike_forms;
#[cfg(test)]
mod news_forms;
#[cfg(test)]
mod report_forms;
#[cfg(test)]
mod rewordings;
#[cfg(test)]
mod spelling_forms;
#[cfg(test)]
mod target_forms;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod variations;
#[cfg(test)]
mod word_forms;
