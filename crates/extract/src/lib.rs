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
mod patterns;
mod place;
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
            (
                o.indicator.clone(),
                o.value.map(f64::to_bits),
                o.char_start,
                o.measure,
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
        let (division, region_note) = place::place_and_level(&mut m, &n, &doc.url);
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
            (
                t.indicator.clone(),
                t.value.map(f64::to_bits),
                t.value_max.map(f64::to_bits),
                t.measure,
                t.unit.clone(),
                t.qualifier,
                at,
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

/// A name as written, without the line breaks of a hard-wrapped page (地区生产
/// / 总值 is one word); the evidence `text` keeps them, as the page has it.
fn one_line(name: &str) -> String {
    name.replace(['\n', '\r'], "")
}

fn read(path: &Path) -> Result<String, ExtractError> {
    std::fs::read_to_string(path).map_err(|source| ExtractError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Drops records whose key was seen before (keeps the first).
fn dedup_by<T, K: std::hash::Hash + Eq>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
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
mod card_forms;
#[cfg(test)]
mod copy_forms;
#[cfg(test)]
mod lead_forms;
#[cfg(test)]
mod list_forms;
#[cfg(test)]
mod lookalike_forms;
#[cfg(test)]
mod news_forms;
#[cfg(test)]
mod post_forms;
#[cfg(test)]
mod report_forms;
#[cfg(test)]
mod retold_forms;
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
