//! From reports to a panel: one report per region and year when several
//! sites reprint the same report, and one row per (region, year, indicator,
//! measure, series) with the target, the parent region's target and what the
//! next year's report says was achieved (地区生产总值达到500亿元、增长6%左右
//! gives a level row and a growth row; 城镇登记失业率 and 城镇调查失业率 are two
//! series, two rows: a panel never splices two series into one).
//!
//! In go the `reports`, `targets`, `outcomes` and `documents` rows of a
//! dataset; out come [`DedupRow`]s (the `reports_dedup` table) and
//! [`PanelRow`]s (the `panel` table), both records of `baogao-model`. Pure
//! functions, and [`Dedup`] to deduplicate a `reports` table read a batch at
//! a time: the caller reads and writes the tables.
//!
//! Which copy of a report is kept, in order:
//! 1. the copy on an official domain (`.gov.cn`, `.gov.hk`, `.gov.mo`) over
//!    portals, aggregators and news reprints;
//! 2. the copy with more targets found, then more outcomes found (the most
//!    complete text: a news summary or an excerpt states fewer);
//! 3. the longer text;
//! 4. the smaller `doc_id` (so that the choice does not depend on the order
//!    rows are read in).
//!
//! Reports without a `region_code` or `target_year` cannot be placed in a
//! panel; they are left out of both tables.
//!
//! The parent region is the report's `parent_code` (GB/T 2260), and for a
//! province the State Council ([`NATIONAL_CODE`]); its target is taken when
//! its kept report states the same indicator, measure and series in the
//! same `unit_std` ([`ParentTargets`]).

use std::collections::{BTreeMap, HashMap};

use baogao_model::{
    DedupRow, Level, NATIONAL_CODE, Outcome, PanelRow, ParentTargets, Report, Target,
};

/// The series of a target or outcome: its indicator when it has none (rows
/// written before series existed).
fn series_or<'a>(series: &'a str, indicator: &'a str) -> &'a str {
    if series.is_empty() { indicator } else { series }
}

fn official(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', ':', '?'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    [".gov.cn", ".gov.hk", ".gov.mo"]
        .iter()
        .any(|s| host.ends_with(s) || host == s[1..])
}

/// The kept copy of each (region_code, target_year); `text_chars` gives the
/// length of each document's text (by `doc_id`), when known. The same as
/// feeding `reports` to a [`Dedup`] in order.
#[must_use]
pub fn dedup_reports<S: std::hash::BuildHasher>(
    reports: &[Report],
    text_chars: &HashMap<String, u64, S>,
) -> Vec<DedupRow> {
    let mut dedup = Dedup::default();
    for r in reports {
        dedup.add(r);
    }
    dedup.finish(text_chars)
}

/// [`dedup_reports`] a report at a time, for a `reports` table read in
/// batches: per (region_code, target_year) it holds each copy's `doc_id`,
/// URL and rank, and the other [`DedupRow`] fields only of the copies that
/// can still be kept, never whole [`Report`]s. The output does not depend on
/// how the reports are split into batches, only on their order (and on that
/// only between copies with the same `doc_id`).
#[derive(Debug, Default)]
pub struct Dedup {
    groups: BTreeMap<(String, i32), Group>,
}

/// The copies of one region-year, in the order they were added.
#[derive(Debug, Default)]
struct Group {
    copies: Vec<ReportCopy>,
    /// The highest rank among `copies`: the copies of that rank hold their
    /// fields.
    top: Rank,
}

/// official(url), targets_found, outcomes_found: the order of copies before
/// text length and `doc_id`, highest first.
type Rank = (bool, u32, u32);

/// One copy of a report: what orders the copies and what the row lists.
#[derive(Debug)]
struct ReportCopy {
    doc_id: String,
    url: String,
    rank: Rank,
    /// The row's fields from this copy; kept only while no copy of the group
    /// ranks higher (only such a copy can be the one kept).
    fields: Option<Box<Fields>>,
}

/// The fields a [`DedupRow`] takes from the kept copy, besides its `doc_id`,
/// URL and `targets_found`.
#[derive(Debug)]
struct Fields {
    province: Option<String>,
    prefecture: Option<String>,
    region: Option<String>,
    level: Option<Level>,
    parent_code: Option<String>,
}

impl Dedup {
    /// Adds one copy; reports without a `region_code` or `target_year` are
    /// left out.
    pub fn add(&mut self, r: &Report) {
        let (Some(code), Some(year)) = (&r.region_code, r.target_year) else {
            return;
        };
        let rank = (official(&r.url), r.targets_found, r.outcomes_found);
        let group = self.groups.entry((code.clone(), year)).or_default();
        if rank > group.top {
            for c in &mut group.copies {
                c.fields = None;
            }
            group.top = rank;
        }
        group.copies.push(ReportCopy {
            doc_id: r.doc_id.clone(),
            url: r.url.clone(),
            rank,
            fields: (rank == group.top).then(|| {
                Box::new(Fields {
                    province: r.province.clone(),
                    prefecture: r.prefecture.clone(),
                    region: r.region.clone(),
                    level: r.level,
                    parent_code: r.parent_code.clone(),
                })
            }),
        });
    }

    /// The `doc_id`s whose text length [`Dedup::finish`] can need: those of
    /// the region-years with more than one copy.
    pub fn contested(&self) -> impl Iterator<Item = &str> {
        self.groups
            .values()
            .filter(|g| g.copies.len() > 1)
            .flat_map(|g| &g.copies)
            .map(|c| c.doc_id.as_str())
    }

    /// The kept copy of each (region_code, target_year), in that order;
    /// `text_chars` as for [`dedup_reports`] (only [`Dedup::contested`]
    /// documents are looked up).
    #[must_use]
    pub fn finish<S: std::hash::BuildHasher>(
        self,
        text_chars: &HashMap<String, u64, S>,
    ) -> Vec<DedupRow> {
        self.groups
            .into_iter()
            .map(|((region_code, target_year), group)| {
                let mut copies = group.copies;
                if copies.len() > 1 {
                    let chars = |c: &ReportCopy| text_chars.get(&c.doc_id).copied().unwrap_or(0);
                    copies.sort_by(|a, b| {
                        b.rank
                            .cmp(&a.rank)
                            .then(chars(b).cmp(&chars(a)))
                            .then(a.doc_id.cmp(&b.doc_id))
                    });
                }
                let kept = &mut copies[0];
                let fields = kept
                    .fields
                    .take()
                    .expect("the first copy ranks highest, so its fields are kept");
                DedupRow {
                    region_code,
                    target_year,
                    doc_id: kept.doc_id.clone(),
                    url: kept.url.clone(),
                    province: fields.province,
                    prefecture: fields.prefecture,
                    region: fields.region,
                    level: fields.level.map(|l| l.as_str().to_owned()),
                    parent_code: fields.parent_code,
                    targets_found: kept.rank.1,
                    copy_urls: copies.iter().map(|c| c.url.clone()).collect(),
                    copies: copies.into_iter().map(|c| c.doc_id).collect(),
                }
            })
            .collect()
    }
}

/// The panel of the kept reports: the first target of each indicator,
/// measure and series in the report's text order (the headline figure), with
/// the parent region's target (when its report is among `kept`) and the
/// figure achieved for that indicator, measure and series in the kept report
/// of the following year.
#[must_use]
pub fn panel(kept: &[DedupRow], targets: &[Target], outcomes: &[Outcome]) -> Vec<PanelRow> {
    let mut targets_of: HashMap<&str, Vec<&Target>> = HashMap::new();
    for t in targets {
        targets_of.entry(t.doc_id.as_str()).or_default().push(t);
    }
    let mut outcomes_of: HashMap<&str, Vec<&Outcome>> = HashMap::new();
    for o in outcomes {
        outcomes_of.entry(o.doc_id.as_str()).or_default().push(o);
    }
    let by_key: HashMap<(&str, i32), &DedupRow> = kept
        .iter()
        .map(|d| ((d.region_code.as_str(), d.target_year), d))
        .collect();

    let mut rows = Vec::new();
    for d in kept {
        let mut ts = targets_of
            .get(d.doc_id.as_str())
            .cloned()
            .unwrap_or_default();
        ts.sort_by_key(|t| t.char_start);
        let next = by_key.get(&(d.region_code.as_str(), d.target_year + 1));
        let mut seen: Vec<(&str, baogao_model::Measure, &str)> = Vec::new();
        let parent_code = d.parent_code.clone().or_else(|| {
            (d.level.as_deref() == Some(Level::Province.as_str())).then(|| NATIONAL_CODE.to_owned())
        });
        for t in ts {
            let series = series_or(&t.series, &t.indicator);
            if seen.contains(&(t.indicator.as_str(), t.measure, series)) {
                continue;
            }
            seen.push((&t.indicator, t.measure, series));
            let achieved = next.and_then(|n| {
                outcomes_of.get(n.doc_id.as_str()).and_then(|os| {
                    os.iter()
                        .filter(|o| {
                            o.indicator == t.indicator
                                && o.measure == t.measure
                                && series_or(&o.series, &o.indicator) == series
                                && o.year.is_none_or(|y| y == d.target_year)
                        })
                        .min_by_key(|o| o.char_start)
                        .map(|o| (*o, n.doc_id.clone()))
                })
            });
            rows.push(PanelRow {
                region_code: d.region_code.clone(),
                target_year: d.target_year,
                indicator: t.indicator.clone(),
                series: series.to_owned(),
                province: d.province.clone(),
                region: d.region.clone(),
                level: d.level.clone(),
                parent_code: parent_code.clone(),
                measure: t.measure.as_str().to_owned(),
                raw_name: t.raw_name.clone(),
                target_value: t.value,
                target_value_max: t.value_max,
                unit: t.unit.clone(),
                target_value_std: t.value_std,
                unit_std: t.unit_std.clone(),
                qualifier: t.qualifier.as_str().to_owned(),
                inferred: t.inferred,
                stretch_value: t.stretch_value,
                constraint: t.constraint.map(|c| c.as_str().to_owned()),
                constraint_source: t.constraint_source.map(|c| c.as_str().to_owned()),
                target_text: t.text.clone(),
                doc_id: d.doc_id.clone(),
                parent_value: None,
                parent_qualifier: None,
                achieved_value: achieved.as_ref().and_then(|(o, _)| o.value),
                achieved_unit: achieved.as_ref().and_then(|(o, _)| o.unit.clone()),
                achieved_value_std: achieved
                    .as_ref()
                    .and_then(|(o, _)| o.value_std.filter(|_| o.unit_std == t.unit_std)),
                achieved_estimated: achieved.as_ref().map(|(o, _)| o.estimated),
                achieved_text: achieved.as_ref().map(|(o, _)| o.text.clone()),
                achieved_doc_id: achieved.map(|(_, id)| id),
            });
        }
    }
    ParentTargets::default().fill(&mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use baogao_model::{Document, Level, Measure, Qualifier};

    use super::*;

    fn report(doc_id: &str, url: &str, code: &str, year: i32, targets: u32) -> Report {
        let mut r = crate::Extractor::builtin()
            .extract(&Document::from_text(url, "正文"))
            .report;
        r.doc_id = doc_id.into();
        r.url = url.into();
        r.region_code = Some(code.into());
        r.region = Some("太谷区".into());
        r.level = Some(Level::County);
        r.target_year = Some(year);
        r.targets_found = targets;
        r
    }

    fn target(doc_id: &str, indicator: &str, value: f64, at: u32) -> Target {
        Target {
            doc_id: doc_id.into(),
            target_year: None,
            indicator: indicator.into(),
            raw_name: indicator.into(),
            measure: Measure::Growth,
            value: Some(value),
            value_max: None,
            unit: Some("%".into()),
            qualifier: Qualifier::About,
            stretch_value: None,
            constraint: None,
            constraint_source: None,
            inferred: false,
            series: indicator.into(),
            value_std: Some(value),
            unit_std: Some("%".into()),
            text: format!("{indicator}增长{value}%左右"),
            char_start: at,
            char_end: at + 8,
        }
    }

    fn outcome(doc_id: &str, indicator: &str, value: f64, year: i32) -> Outcome {
        Outcome {
            doc_id: doc_id.into(),
            year: Some(year),
            indicator: indicator.into(),
            raw_name: indicator.into(),
            measure: Measure::Growth,
            value: Some(value),
            unit: Some("%".into()),
            estimated: false,
            series: indicator.into(),
            value_std: Some(value),
            unit_std: Some("%".into()),
            text: format!("{indicator}增长{value}%"),
            char_start: 0,
            char_end: 6,
        }
    }

    #[test]
    fn official_copy_wins_then_the_most_complete() {
        let reports = vec![
            report("a", "http://news.example.com/1.html", "140703", 2023, 12),
            report(
                "b",
                "http://www.taigu.gov.cn/zfgzbg/1.html",
                "140703",
                2023,
                9,
            ),
            report("c", "http://agg.example.org/5955.html", "140703", 2023, 10),
            report("d", "http://agg.example.org/6000.html", "140403", 2023, 3),
            report("e", "http://agg.example.org/x.html", "140403", 2023, 7),
        ];
        let rows = dedup_reports(&reports, &HashMap::new());
        assert_eq!(rows.len(), 2);
        let taigu = rows.iter().find(|r| r.region_code == "140703").unwrap();
        assert_eq!(taigu.doc_id, "b", "official domain first");
        assert_eq!(taigu.copies, ["b", "a", "c"]);
        let luzhou = rows.iter().find(|r| r.region_code == "140403").unwrap();
        assert_eq!(luzhou.doc_id, "e", "more targets found");
    }

    /// `dedup_reports` as it was before [`Dedup`]: every copy held, sorted
    /// once. The reference the accumulator is held to.
    fn dedup_by_sorting(reports: &[Report], text_chars: &HashMap<String, u64>) -> Vec<DedupRow> {
        let mut groups: BTreeMap<(String, i32), Vec<&Report>> = BTreeMap::new();
        for r in reports {
            if let (Some(code), Some(year)) = (&r.region_code, r.target_year) {
                groups.entry((code.clone(), year)).or_default().push(r);
            }
        }
        groups
            .into_iter()
            .map(|((region_code, target_year), mut copies)| {
                copies.sort_by(|a, b| {
                    let chars = |r: &Report| text_chars.get(&r.doc_id).copied().unwrap_or(0);
                    official(&b.url)
                        .cmp(&official(&a.url))
                        .then(b.targets_found.cmp(&a.targets_found))
                        .then(b.outcomes_found.cmp(&a.outcomes_found))
                        .then(chars(b).cmp(&chars(a)))
                        .then(a.doc_id.cmp(&b.doc_id))
                });
                let kept = copies[0];
                DedupRow {
                    region_code,
                    target_year,
                    doc_id: kept.doc_id.clone(),
                    url: kept.url.clone(),
                    province: kept.province.clone(),
                    prefecture: kept.prefecture.clone(),
                    region: kept.region.clone(),
                    level: kept.level.map(|l| l.as_str().to_owned()),
                    parent_code: kept.parent_code.clone(),
                    targets_found: kept.targets_found,
                    copies: copies.iter().map(|r| r.doc_id.clone()).collect(),
                    copy_urls: copies.iter().map(|r| r.url.clone()).collect(),
                }
            })
            .collect()
    }

    /// `reports` in several orders, each with what a [`Dedup`] makes of it
    /// fed in batches of every size from 1 to all of them.
    fn orders_and_splits(
        reports: &[Report],
        text_chars: &HashMap<String, u64>,
    ) -> Vec<(Vec<Report>, Vec<Vec<DedupRow>>)> {
        let n = reports.len();
        let orders = [
            reports.to_vec(),
            reports.iter().rev().cloned().collect(),
            // every 5th report, wrapping (5 is coprime with the sizes used here)
            (0..n).map(|i| reports[i * 5 % n].clone()).collect(),
        ];
        orders
            .into_iter()
            .map(|order| {
                let rows = (1..=n)
                    .map(|size| {
                        let mut dedup = Dedup::default();
                        for batch in order.chunks(size) {
                            for r in batch {
                                dedup.add(r);
                            }
                        }
                        dedup.finish(text_chars)
                    })
                    .collect();
                (order, rows)
            })
            .collect()
    }

    fn chars_of_fixture() -> HashMap<String, u64> {
        [
            ("a1", 100),
            ("a2", 100),
            ("a3", 300),
            ("a5", 900),
            ("c1", 50),
        ]
        .into_iter()
        .map(|(id, n)| (id.to_owned(), n))
        .collect()
    }

    /// Copies tied on every key but text length, and on text length too, in
    /// groups whose best copy comes first, last or in between; `z` has no
    /// target year.
    fn tied_copies() -> Vec<Report> {
        const COPIES: &str = "
            doc_id  host              region_code  target_year  targets  outcomes
            a1      x.gov.cn          140703       2023         9        2
            a4      news.example.com  140703       2023         12       5
            a2      y.gov.cn          140703       2023         9        2
            b1      agg.example.org   140403       2024         3        0
            a5      x.gov.cn          140703       2023         9        1
            c1      agg.example.org   140403       2023         1        0
            z       x.gov.cn          140703       -            99       99
            a3      z.gov.cn          140703       2023         9        2
            b2      agg.example.org   140403       2024         7        0
            c2      agg.example.org   140403       2023         5        0
            a6      w.gov.cn          140703       2023         9        2
            c3      c.gov.cn          140403       2023         0        0
            d1      agg.example.org   110000       2023         4        4";
        COPIES
            .lines()
            .skip(2)
            .map(|line| {
                let f: Vec<&str> = line.split_whitespace().collect();
                let (id, host, code) = (f[0], f[1], f[2]);
                let n = |i: usize| f[i].parse::<u32>().unwrap();
                let url = format!("http://{host}/{id}.html");
                let mut r = report(id, &url, code, 0, n(4));
                r.target_year = f[3].parse().ok();
                r.outcomes_found = n(5);
                r.prefecture = Some(format!("fields of {id}"));
                r
            })
            .collect()
    }

    #[test]
    fn dedup_in_batches_matches_the_whole_slice() {
        let reports = tied_copies();
        let chars = chars_of_fixture();
        let whole = dedup_reports(&reports, &chars);
        assert_eq!(whole, dedup_by_sorting(&reports, &chars));
        let a = whole.iter().find(|d| d.region_code == "140703").unwrap();
        assert_eq!(a.copies, ["a3", "a1", "a2", "a6", "a5", "a4"]);
        assert_eq!(a.prefecture.as_deref(), Some("fields of a3"));
        let c = whole
            .iter()
            .find(|d| d.target_year == 2023 && d.region_code == "140403");
        assert_eq!(
            c.unwrap().copies,
            ["c3", "c2", "c1"],
            "official, though added last"
        );

        for (order, rows) in orders_and_splits(&reports, &chars) {
            // the doc_ids differ, so the order of the reports does not matter
            assert_eq!(dedup_reports(&order, &chars), whole);
            for (size, r) in rows.iter().enumerate() {
                assert_eq!(*r, whole, "batches of {}", size + 1);
            }
        }

        // only the contested documents' lengths are needed
        let mut dedup = Dedup::default();
        for r in &reports {
            dedup.add(r);
        }
        let contested: Vec<String> = dedup.contested().map(str::to_owned).collect();
        assert!(!contested.iter().any(|id| id == "d1"), "{contested:?}");
        let some = chars
            .iter()
            .filter(|(id, _)| contested.contains(id))
            .map(|(id, n)| (id.clone(), *n))
            .collect::<HashMap<_, _>>();
        assert_eq!(dedup.finish(&some), whole);
    }

    #[test]
    fn dedup_in_batches_keeps_the_first_of_copies_with_one_doc_id() {
        // the same document read twice (at two URLs): nothing tells the copies
        // apart but the order they come in, which the accumulator keeps
        let mut reports = tied_copies();
        let mut again = reports.iter().find(|r| r.doc_id == "a3").unwrap().clone();
        again.url = "http://mirror.gov.cn/a3.html".into();
        again.prefecture = Some("fields of the second a3".into());
        reports.insert(2, again);
        let chars = chars_of_fixture();
        let mut kept_urls = Vec::new();
        for (order, rows) in orders_and_splits(&reports, &chars) {
            let whole = dedup_by_sorting(&order, &chars);
            assert_eq!(dedup_reports(&order, &chars), whole);
            for (size, r) in rows.iter().enumerate() {
                assert_eq!(*r, whole, "batches of {}", size + 1);
            }
            let a = whole.iter().find(|d| d.region_code == "140703").unwrap();
            kept_urls.push(a.url.clone());
        }
        kept_urls.sort();
        kept_urls.dedup();
        assert_eq!(kept_urls.len(), 2, "the order decides: {kept_urls:?}");
    }

    #[test]
    fn panel_keeps_a_level_and_a_growth_target_of_one_indicator() {
        // 地区生产总值达到500亿元、增长6%左右: two targets, two panel rows
        let reports = vec![report(
            "y23",
            "http://x.gov.cn/2023.html",
            "140703",
            2023,
            2,
        )];
        let kept = dedup_reports(&reports, &HashMap::new());
        let mut level = target("y23", "gdp", 500.0, 10);
        level.measure = Measure::Level;
        level.unit = Some("亿元".into());
        let growth = target("y23", "gdp", 6.0, 10);
        let rows = panel(&kept, &[level, growth], &[]);
        let mut got: Vec<(&str, Option<f64>)> = rows
            .iter()
            .map(|r| (r.measure.as_str(), r.target_value))
            .collect();
        got.sort_by(|a, b| a.0.cmp(b.0));
        assert_eq!(got, vec![("growth", Some(6.0)), ("level", Some(500.0))]);
    }

    #[test]
    fn panel_joins_next_years_outcome() {
        let reports = vec![
            report("y23", "http://x.gov.cn/2023.html", "140703", 2023, 2),
            report("y24", "http://x.gov.cn/2024.html", "140703", 2024, 1),
        ];
        let kept = dedup_reports(&reports, &HashMap::new());
        let targets = vec![
            target("y23", "gdp", 5.0, 10),
            target("y23", "gdp", 6.0, 90), // a later gdp figure: not the headline
            target("y23", "cpi", 3.0, 30),
            target("y24", "gdp", 5.5, 10),
        ];
        let outcomes = vec![
            outcome("y24", "gdp", 4.8, 2023),
            outcome("y24", "gdp", 9.9, 2022),
        ];
        let rows = panel(&kept, &targets, &outcomes);
        assert_eq!(rows.len(), 3);
        let gdp23 = rows
            .iter()
            .find(|r| r.target_year == 2023 && r.indicator == "gdp")
            .unwrap();
        assert_eq!(gdp23.target_value, Some(5.0));
        assert_eq!(gdp23.achieved_value, Some(4.8));
        assert_eq!(gdp23.achieved_doc_id.as_deref(), Some("y24"));
        let cpi23 = rows.iter().find(|r| r.indicator == "cpi").unwrap();
        assert_eq!(cpi23.achieved_value, None);
        let gdp24 = rows.iter().find(|r| r.target_year == 2024).unwrap();
        assert_eq!(gdp24.achieved_value, None, "no 2025 report");
    }

    #[test]
    fn a_citys_row_carries_its_provinces_target_and_a_province_the_nations() {
        let mut province = report("p", "http://www.shanxi.gov.cn/1.html", "140000", 2023, 1);
        province.level = Some(Level::Province);
        province.parent_code = None;
        let mut city = report("c", "http://www.changzhi.gov.cn/1.html", "140400", 2023, 1);
        city.level = Some(Level::City);
        city.parent_code = Some("140000".into());
        let mut county = report("k", "http://www.luzhou.gov.cn/1.html", "140403", 2023, 1);
        county.parent_code = Some("140400".into());
        let mut nation = report("n", "http://www.gov.cn/1.html", NATIONAL_CODE, 2023, 1);
        nation.level = Some(Level::National);
        nation.parent_code = None;
        // the county and the city come before their parents: the order does not matter
        let kept = dedup_reports(&[county, city, province, nation], &HashMap::new());
        let mut p_gdp = target("p", "gdp", 6.0, 10);
        p_gdp.qualifier = Qualifier::AtLeast;
        let targets = vec![
            target("n", "gdp", 5.0, 10),
            p_gdp,
            target("c", "gdp", 7.0, 10),
            target("k", "gdp", 8.0, 10),
            target("c", "cpi", 3.0, 20),
        ];
        let rows = panel(&kept, &targets, &[]);
        let row = |code: &str, ind: &str| {
            rows.iter()
                .find(|r| r.region_code == code && r.indicator == ind)
                .unwrap()
        };
        let city = row("140400", "gdp");
        assert_eq!(city.parent_code.as_deref(), Some("140000"));
        assert_eq!(city.parent_value, Some(6.0));
        assert_eq!(city.parent_qualifier.as_deref(), Some(">="));
        assert_eq!(row("140403", "gdp").parent_value, Some(7.0));
        let province = row("140000", "gdp");
        assert_eq!(province.parent_code.as_deref(), Some(NATIONAL_CODE));
        assert_eq!(province.parent_value, Some(5.0));
        assert_eq!(row(NATIONAL_CODE, "gdp").parent_value, None);
        // the province states no CPI target
        let cpi = row("140400", "cpi");
        assert_eq!(
            (cpi.parent_value, cpi.parent_qualifier.as_deref()),
            (None, None)
        );

        // parts written parents first (as the pipeline writes a sorted panel in parts)
        let mut parents = ParentTargets::default();
        let (mut first, mut second): (Vec<PanelRow>, Vec<PanelRow>) = rows
            .iter()
            .cloned()
            .map(|mut r| {
                r.parent_value = None;
                r.parent_qualifier = None;
                r
            })
            .partition(|r| r.region_code.as_str() < "140400");
        parents.fill(&mut first);
        parents.fill(&mut second);
        let city = second
            .iter()
            .find(|r| r.indicator == "gdp" && r.region_code == "140400");
        assert_eq!(city.unwrap().parent_value, Some(6.0));
    }

    #[test]
    fn two_series_of_one_indicator_are_two_rows_and_never_spliced() {
        let reports = vec![
            report("y23", "http://x.gov.cn/2023.html", "140703", 2023, 2),
            report("y24", "http://x.gov.cn/2024.html", "140703", 2024, 1),
        ];
        let kept = dedup_reports(&reports, &HashMap::new());
        let mut registered = target("y23", "unemployment_rate", 4.5, 10);
        registered.series = "unemployment_rate:registered".into();
        registered.measure = Measure::Rate;
        let mut surveyed = target("y23", "unemployment_rate", 5.5, 20);
        surveyed.series = "unemployment_rate:surveyed".into();
        surveyed.measure = Measure::Rate;
        let mut achieved = outcome("y24", "unemployment_rate", 5.2, 2023);
        achieved.series = "unemployment_rate:surveyed".into();
        achieved.measure = Measure::Rate;
        let rows = panel(&kept, &[registered, surveyed], &[achieved]);
        let got: Vec<(&str, Option<f64>, Option<f64>)> = rows
            .iter()
            .map(|r| (r.series.as_str(), r.target_value, r.achieved_value))
            .collect();
        assert_eq!(
            got,
            [
                ("unemployment_rate:registered", Some(4.5), None),
                ("unemployment_rate:surveyed", Some(5.5), Some(5.2)),
            ]
        );
    }

    #[test]
    fn reports_without_code_or_year_are_left_out() {
        let mut r = report("a", "http://x/1.html", "140703", 2023, 1);
        r.region_code = None;
        assert!(dedup_reports(&[r], &HashMap::new()).is_empty());
    }
}
