//! The five record types, one per dataset table.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::vocab::{Constraint, ConstraintSource, Level, Measure, Qualifier};

/// Stable identifier of a document: the first 16 hex digits of the SHA-256 of
/// its canonical URL (or of its path, for local files).
#[must_use]
pub fn doc_id(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    hex::encode(&digest[..8])
}

/// What the fetcher made of a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// An HTML article (possibly joined from several pages); goes to `clean`.
    #[default]
    Html,
    /// A listing page or sitemap: links were taken from it, it is not cleaned.
    Listing,
    /// A PDF, Word file, image or archive: recorded, not cleaned.
    Binary,
    /// The server said 304 / the body hash is unchanged since an earlier run.
    Unchanged,
    /// The URL failed for good; `error` says why.
    Error,
}

impl PageKind {
    /// The string written to datasets.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Html => "html",
            PageKind::Listing => "listing",
            PageKind::Binary => "binary",
            PageKind::Unchanged => "unchanged",
            PageKind::Error => "error",
        }
    }

    /// Parses [`Self::as_str`].
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "html" => PageKind::Html,
            "listing" => PageKind::Listing,
            "binary" => PageKind::Binary,
            "unchanged" => PageKind::Unchanged,
            "error" => PageKind::Error,
            _ => return None,
        })
    }
}

/// One fetched URL (a multi-page article is one `Page` with every part's URL
/// in `page_urls` and the parts' bodies joined in order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Page {
    /// The URL as discovered (normalised).
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    /// Host of `url`.
    pub host: String,
    /// When the (first part of the) page was fetched.
    pub fetched_at: DateTime<Utc>,
    /// What the fetcher made of it.
    pub kind: PageKind,
    /// HTTP status of the last attempt, if a response came.
    pub status: Option<u16>,
    /// `Content-Type` header.
    pub content_type: Option<String>,
    /// Charset named by the HTTP header or the page's `<meta>`.
    pub declared_charset: Option<String>,
    /// Charset actually used to decode the body.
    pub detected_charset: Option<String>,
    /// Malformed byte sequences of the body (all parts) that were replaced with U+FFFD while
    /// decoding it with `detected_charset`: a declared charset that fits all but a few bytes
    /// (a stray byte, a character cut in half) is kept, and this says how many did not fit.
    /// `None` when no body was decoded (errors, binaries, sitemaps, 304 answers).
    pub decode_errors: Option<u32>,
    /// `ETag` header, for conditional re-fetches.
    pub etag: Option<String>,
    /// `Last-Modified` header, for conditional re-fetches.
    pub last_modified: Option<String>,
    /// Decoded UTF-8 HTML; parts of a multi-page article are joined in order.
    pub body: Option<String>,
    /// SHA-256 (hex) of the raw bytes of all parts.
    pub body_sha256: Option<String>,
    /// Every part of a multi-page article, in order (just `url` for one page).
    pub page_urls: Vec<String>,
    /// Link hops from the seed.
    pub depth: u32,
    /// The page the link was found on.
    pub referrer: Option<String>,
    /// Attempts made (1 when the first one succeeded).
    pub attempts: u32,
    /// Why the URL failed, for `kind = error`.
    pub error: Option<String>,
    /// The kind of the failure, for `kind = error` (`None` otherwise, and in
    /// rows of datasets written before schema version 4: see
    /// [`ErrorKind::of_stored`](crate::ErrorKind::of_stored)).
    pub error_kind: Option<crate::ErrorKind>,
}

/// The main text of one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// [`doc_id`] of `url`.
    pub doc_id: String,
    /// Canonical URL of the article (or the local path it came from).
    pub url: String,
    /// Title with site suffixes removed.
    pub title: Option<String>,
    /// Publication date stated on the page: a `<meta>` date (`PubDate`, `publishdate`,
    /// `article:published_time`, …), else a date line near the title.
    pub published: Option<NaiveDate>,
    /// The page's breadcrumb trail (当前位置：首页 > 政务公开 > 政府工作报告), its items
    /// joined with ` > `: the site's column names often say the region or the year that the
    /// text of an excerpt leaves out.
    #[serde(default)]
    pub breadcrumb: Option<String>,
    /// The report text: paragraphs separated by `\n`, NFKC-normalised.
    pub text: String,
    /// Characters of text kept.
    pub chars_kept: u64,
    /// Characters of visible page text dropped as boilerplate.
    pub chars_dropped: u64,
    /// Spam terms were removed from the text.
    pub spam_removed: bool,
    /// Other observations (`table_text`, `no_main_block`, …).
    pub flags: Vec<String>,
}

impl Document {
    /// A document made from a plain text file: the text is taken as it is.
    #[must_use]
    pub fn from_text(source: &str, text: &str) -> Self {
        Document {
            doc_id: doc_id(source),
            url: source.to_owned(),
            title: None,
            published: None,
            breadcrumb: None,
            chars_kept: text.chars().count() as u64,
            text: text.to_owned(),
            chars_dropped: 0,
            spam_removed: false,
            flags: Vec::new(),
        }
    }
}

/// Who reported, when, and for which year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Report {
    pub doc_id: String,
    pub url: String,
    pub title: Option<String>,
    /// 省 / 自治区 / 直辖市.
    pub province: Option<String>,
    /// 地级 region, for counties and districts (and for cities themselves).
    pub prefecture: Option<String>,
    /// The reporting region itself.
    pub region: Option<String>,
    pub level: Option<Level>,
    /// GB/T 2260 code of `region`, when it resolves.
    pub region_code: Option<String>,
    /// GB/T 2260 code of the parent region.
    pub parent_code: Option<String>,
    /// Why `region_code` is empty: `ambiguous: 320106 320302 …` (the name
    /// fits several divisions and the text does not say which), `unknown:
    /// 某某县` (no division of that name), or `no region named`.
    #[serde(default)]
    pub region_note: Option<String>,
    /// Date the report was delivered.
    pub report_date: Option<NaiveDate>,
    /// The year the targets are for.
    pub target_year: Option<i32>,
    /// Congress session line, when stated (在…第X届人民代表大会第X次会议上).
    pub session: Option<String>,
    pub targets_found: u32,
    pub outcomes_found: u32,
    /// Targets are stated but none is for GDP.
    pub gdp_absent: bool,
    pub extractor_version: String,
}

/// One target of the coming year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub doc_id: String,
    pub target_year: Option<i32>,
    /// Canonical id (`gdp`, …) or `other:<原文名称>`.
    pub indicator: String,
    /// The indicator as written.
    pub raw_name: String,
    pub measure: Measure,
    /// The figure (low end of a range); `None` for qualitative targets.
    pub value: Option<f64>,
    /// High end of a range.
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// 力争: the higher figure aimed for.
    pub stretch_value: Option<f64>,
    /// `hard` (a floor or ceiling committed to: 约束性, 确保, 以上 …) or `soft`
    /// (an expectation: 预期性, 左右, 力争 …); see `constraint_source`.
    pub constraint: Option<Constraint>,
    /// `label` when the report itself labels the target 约束性 or 预期性,
    /// `wording` when `constraint` was read from the wording; `None` when
    /// `constraint` is.
    #[serde(default)]
    pub constraint_source: Option<ConstraintSource>,
    /// `value` was read from words, not written as a figure (增长两位数 → 10
    /// with `>=`, 翻一番 → 100, 与上年持平 → 0).
    #[serde(default)]
    pub inferred: bool,
    /// The statistical series within the indicator (`unemployment_rate:registered`
    /// vs `unemployment_rate:surveyed`, `rural_income:net` vs
    /// `rural_income:disposable`), from the indicator dictionary; the
    /// indicator id itself when the dictionary names no series for it.
    #[serde(default)]
    pub series: String,
    /// `value` in `unit_std`, the canonical unit of its unit's kind (人 → 万人,
    /// 元/万元/万亿元 → 亿元, 万美元 → 亿美元, 吨/亿斤 → 万吨); the raw `value`
    /// and `unit` stay as written. `None` without a value or a unit.
    #[serde(default)]
    pub value_std: Option<f64>,
    #[serde(default)]
    pub unit_std: Option<String>,
    /// The clause the target was read from.
    pub text: String,
    /// Offset of `text` in the document text, in chars.
    pub char_start: u32,
    /// End offset (exclusive) of `text`, in chars.
    pub char_end: u32,
}

/// One figure achieved in the previous year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub doc_id: String,
    /// The year the figure is for.
    pub year: Option<i32>,
    pub indicator: String,
    pub raw_name: String,
    pub measure: Measure,
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// Stated as 预计 (an estimate made before the year's statistics).
    pub estimated: bool,
    /// As [`Target::series`].
    #[serde(default)]
    pub series: String,
    /// As [`Target::value_std`].
    #[serde(default)]
    pub value_std: Option<f64>,
    #[serde(default)]
    pub unit_std: Option<String>,
    pub text: String,
    pub char_start: u32,
    pub char_end: u32,
}

/// One report per (region_code, target_year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DedupRow {
    pub region_code: String,
    pub target_year: i32,
    /// The copy kept.
    pub doc_id: String,
    pub url: String,
    pub province: Option<String>,
    pub prefecture: Option<String>,
    pub region: Option<String>,
    pub level: Option<String>,
    pub parent_code: Option<String>,
    pub targets_found: u32,
    /// Every copy's `doc_id`, the kept one first.
    pub copies: Vec<String>,
    /// Every copy's URL, in the order of `copies`.
    pub copy_urls: Vec<String>,
}

/// One row per (region_code, target_year, indicator, measure, series).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelRow {
    pub region_code: String,
    pub target_year: i32,
    pub indicator: String,
    /// Part of the key: two series of one indicator (登记 / 调查失业率) are two rows.
    pub series: String,
    pub province: Option<String>,
    pub region: Option<String>,
    pub level: Option<String>,
    /// The parent region's code; for a province, the national code
    /// ([`NATIONAL_CODE`]).
    pub parent_code: Option<String>,
    pub measure: String,
    /// The indicator as the report wrote it.
    pub raw_name: String,
    pub target_value: Option<f64>,
    pub target_value_max: Option<f64>,
    pub unit: Option<String>,
    /// `target_value` in `unit_std`.
    pub target_value_std: Option<f64>,
    pub unit_std: Option<String>,
    pub qualifier: String,
    /// `target_value` was read from words (两位数 …).
    pub inferred: bool,
    pub stretch_value: Option<f64>,
    pub constraint: Option<String>,
    pub constraint_source: Option<String>,
    pub target_text: String,
    pub doc_id: String,
    /// The parent region's target of the same year, indicator, measure and
    /// series, in `unit_std` (its `target_value_std`): `target_value_std -
    /// parent_value` is how far the region sets its target above its parent's.
    pub parent_value: Option<f64>,
    pub parent_qualifier: Option<String>,
    /// What the next year's report says was achieved (same indicator, measure
    /// and series).
    pub achieved_value: Option<f64>,
    pub achieved_unit: Option<String>,
    /// `achieved_value` in `unit_std`.
    pub achieved_value_std: Option<f64>,
    /// The achieved figure was stated as 预计 (an estimate).
    pub achieved_estimated: Option<bool>,
    pub achieved_text: Option<String>,
    /// The report the achieved figure comes from.
    pub achieved_doc_id: Option<String>,
}

/// The targets of the regions that can be parents (every level but
/// county), to fill in `parent_value` and `parent_qualifier` of the panel
/// rows of their children: a row takes its parent region's row of the same
/// year, indicator, measure and series, when both are in the same `unit_std`.
///
/// [`ParentTargets::fill`] remembers the rows it is given before filling
/// them, so parents and children may come in one call in any order, or in
/// several calls parents first (a panel sorted by `region_code` is: a
/// parent's code sorts before its children's, and [`NATIONAL_CODE`] before
/// every province's).
#[derive(Debug, Default)]
pub struct ParentTargets {
    seen: std::collections::HashMap<ParentKey, (Option<f64>, String, Option<String>)>,
}

type ParentKey = (String, i32, String, String, String);

impl ParentTargets {
    /// Remembers the rows that can be parents, then fills in the parent's
    /// target of every row whose parent is known.
    pub fn fill(&mut self, rows: &mut [PanelRow]) {
        for r in rows.iter() {
            if r.level.as_deref() == Some("county") {
                continue;
            }
            let key = (
                r.region_code.clone(),
                r.target_year,
                r.indicator.clone(),
                r.measure.clone(),
                r.series.clone(),
            );
            self.seen
                .entry(key)
                .or_insert_with(|| (r.target_value_std, r.qualifier.clone(), r.unit_std.clone()));
        }
        for r in rows.iter_mut() {
            let Some(parent) = &r.parent_code else {
                continue;
            };
            let key = (
                parent.clone(),
                r.target_year,
                r.indicator.clone(),
                r.measure.clone(),
                r.series.clone(),
            );
            if let Some((value, qualifier, unit)) = self.seen.get(&key)
                && *unit == r.unit_std
            {
                r.parent_value = *value;
                r.parent_qualifier = Some(qualifier.clone());
            }
        }
    }
}

/// The region code of the State Council's report (the whole country), the
/// parent of every province. GB/T 2260 has no code for the country; this is
/// the one map data (DataV) uses, and it sorts before every province's code.
pub const NATIONAL_CODE: &str = "100000";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_id_is_stable_and_short() {
        assert_eq!(doc_id("a"), doc_id("a"));
        assert_ne!(doc_id("a"), doc_id("b"));
        assert_eq!(doc_id("a").len(), 16);
    }

    #[test]
    fn target_json_uses_the_design_field_names() {
        let t = Target {
            doc_id: "x".into(),
            target_year: Some(2023),
            indicator: "gdp".into(),
            raw_name: "地区生产总值".into(),
            measure: Measure::Growth,
            value: Some(5.0),
            value_max: None,
            unit: Some("%".into()),
            qualifier: Qualifier::AtLeast,
            stretch_value: None,
            constraint: Some(Constraint::Hard),
            constraint_source: Some(ConstraintSource::Wording),
            inferred: false,
            series: "gdp".into(),
            value_std: Some(5.0),
            unit_std: Some("%".into()),
            text: "地区生产总值增长5%以上".into(),
            char_start: 0,
            char_end: 12,
        };
        let v = serde_json::to_value(&t).unwrap();
        assert_eq!(v["qualifier"], ">=");
        assert_eq!(v["measure"], "growth");
        assert_eq!(v["constraint"], "hard");
        assert_eq!(v["constraint_source"], "wording");
        assert_eq!(v["unit_std"], "%");
    }
}
