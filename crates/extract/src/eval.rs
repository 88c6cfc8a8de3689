//! Precision, recall and F1 of the extractor against gold files.
//!
//! A gold file `GOLD_DIR/NAME.json` (fields `region`, `prefecture`,
//! `province`, `level`, `report_date`, `target_year`, `targets`, `outcomes`)
//! is scored against the text `TEXT_DIR/NAME.txt`.
//!
//! - strict: a target matches when indicator, raw_name, measure, value,
//!   value_max, unit, qualifier, stretch_value and text are all equal
//!   (outcomes: indicator, raw_name, measure, value, unit, year and text);
//! - values: indicator, qualifier, value, value_max and unit are equal (the
//!   measure two human labellers agree on at 0.985: where the clause starts
//!   and how a non-standard target is named do not count);
//! - loose: indicator and value are equal.
//!
//! Offsets are not scored: gold files name the clause, and the clause text
//! is compared.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use baogao_model::{Document, Outcome, Target};
use serde::{Deserialize, Serialize};

use crate::{ExtractError, Extractor};

/// A metadata field of a gold file: `None` when the file does not label it
/// (it is then not scored), `Some(None)` when it is labelled null.
type Labelled<T> = Option<Option<T>>;

fn labelled<'de, D, T>(d: D) -> Result<Labelled<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
struct Gold {
    /// Where the text comes from: `page: URL` for a web page.
    #[serde(default)]
    source: Option<String>,
    #[serde(default, deserialize_with = "labelled")]
    region: Labelled<String>,
    #[serde(default, deserialize_with = "labelled")]
    prefecture: Labelled<String>,
    #[serde(default, deserialize_with = "labelled")]
    province: Labelled<String>,
    #[serde(default, deserialize_with = "labelled")]
    level: Labelled<String>,
    #[serde(default, deserialize_with = "labelled")]
    report_date: Labelled<String>,
    #[serde(default, deserialize_with = "labelled")]
    target_year: Labelled<i32>,
    #[serde(default)]
    targets: Vec<GoldTarget>,
    #[serde(default)]
    outcomes: Vec<GoldOutcome>,
}

#[derive(Debug, Deserialize)]
struct GoldTarget {
    indicator: String,
    raw_name: String,
    measure: String,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: Option<String>,
    qualifier: String,
    stretch_value: Option<f64>,
    text: String,
}

#[derive(Debug, Deserialize)]
struct GoldOutcome {
    indicator: String,
    raw_name: String,
    measure: String,
    value: Option<f64>,
    unit: Option<String>,
    year: Option<i32>,
    text: String,
}

impl From<&Target> for GoldTarget {
    fn from(t: &Target) -> Self {
        GoldTarget {
            indicator: t.indicator.clone(),
            raw_name: t.raw_name.clone(),
            measure: t.measure.as_str().to_owned(),
            value: t.value,
            value_max: t.value_max,
            unit: t.unit.clone(),
            qualifier: t.qualifier.as_str().to_owned(),
            stretch_value: t.stretch_value,
            text: t.text.clone(),
        }
    }
}

impl GoldTarget {
    fn strict_key(&self) -> String {
        format!(
            "{} ({}) {} {}..{} {} {} stretch={} «{}»",
            self.indicator,
            self.raw_name,
            self.measure,
            num(self.value),
            num(self.value_max),
            opt(self.unit.as_deref()),
            self.qualifier,
            num(self.stretch_value),
            self.text
        )
    }

    fn values_key(&self) -> String {
        format!(
            "{} {} {}..{} {}",
            self.indicator,
            self.qualifier,
            num(self.value),
            num(self.value_max),
            opt(self.unit.as_deref())
        )
    }

    fn loose_key(&self) -> String {
        format!("{} {}", self.indicator, num(self.value))
    }
}

impl From<&Outcome> for GoldOutcome {
    fn from(o: &Outcome) -> Self {
        GoldOutcome {
            indicator: o.indicator.clone(),
            raw_name: o.raw_name.clone(),
            measure: o.measure.as_str().to_owned(),
            value: o.value,
            unit: o.unit.clone(),
            year: o.year,
            text: o.text.clone(),
        }
    }
}

impl GoldOutcome {
    fn strict_key(&self) -> String {
        format!(
            "{} ({}) {} {} {} {} «{}»",
            self.indicator,
            self.raw_name,
            self.measure,
            num(self.value),
            opt(self.unit.as_deref()),
            self.year.unwrap_or(0),
            self.text
        )
    }

    fn loose_key(&self) -> String {
        format!("{} {}", self.indicator, num(self.value))
    }
}

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn new(gold: usize, found: usize, matched: usize) -> Prf {
        let precision = if found == 0 {
            1.0
        } else {
            matched as f64 / found as f64
        };
        let recall = if gold == 0 {
            1.0
        } else {
            matched as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            gold,
            found,
            matched,
            precision,
            recall,
            f1,
        }
    }
}

impl Prf {
    /// The counts of `self` and `other` together, rates recomputed.
    fn plus(self, other: Prf) -> Prf {
        Prf::new(
            self.gold + other.gold,
            self.found + other.found,
            self.matched + other.matched,
        )
    }
}

impl Scores {
    fn add(&mut self, file: &Scores) {
        self.strict = self.strict.plus(file.strict);
        self.values = self.values.plus(file.values);
        self.loose = self.loose.plus(file.loose);
    }
}

/// Strict, values and loose scores of one record kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    pub strict: Prf,
    /// Indicator, qualifier, value, value_max and unit (targets only; for
    /// outcomes the same as `strict`).
    pub values: Prf,
    pub loose: Prf,
}

/// How many files label a metadata field, and in how many the extractor's
/// value is the gold one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct FieldScore {
    pub right: usize,
    pub labelled: usize,
}

impl fmt::Display for FieldScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.right, self.labelled)
    }
}

/// Metadata accuracy: per field, over the files whose gold labels it. A
/// city's prefecture is the city itself, which a gold file may write as null.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MetaAccuracy {
    pub files: usize,
    pub province: FieldScore,
    pub region: FieldScore,
    pub prefecture: FieldScore,
    pub level: FieldScore,
    pub target_year: FieldScore,
    pub report_date: FieldScore,
}

impl MetaAccuracy {
    /// Share right of the fields a panel is keyed by: province, region,
    /// level and target year (1.0 when none is labelled).
    #[must_use]
    pub fn core_share(&self) -> f64 {
        let fields = [self.province, self.region, self.level, self.target_year];
        let right: usize = fields.iter().map(|f| f.right).sum();
        let labelled: usize = fields.iter().map(|f| f.labelled).sum();
        if labelled == 0 {
            1.0
        } else {
            right as f64 / labelled as f64
        }
    }
}

/// The score of one file, with every strict miss and false positive.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FileEval {
    pub file: String,
    pub targets: Scores,
    pub outcomes: Scores,
    pub target_misses: Vec<String>,
    pub target_false_positives: Vec<String>,
    pub outcome_misses: Vec<String>,
    pub outcome_false_positives: Vec<String>,
    /// `field: found (gold …)` for each wrong metadata field.
    pub metadata_errors: Vec<String>,
}

/// Where the targets missed under the values measure went wrong, without
/// reading a text: a gold row whose clause no found row touches was not
/// located; one whose clause a found row shares was located but misread
/// (another indicator, qualifier, value or unit); likewise for found rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MissKinds {
    /// Gold rows no found row's clause touches.
    pub not_located: usize,
    /// Gold rows whose clause a found row shares, with other values.
    pub misread: usize,
    /// Found rows no gold row's clause touches.
    pub extra_outside: usize,
    /// Found rows inside a gold row's clause, with other values.
    pub extra_misread: usize,
    /// Texts with gold targets of which none was found.
    pub texts_without_any: usize,
    /// Which fields the misread rows got wrong.
    pub fields: MisreadFields,
}

/// The fields a misread gold row got wrong, against the found row of its
/// clause that agrees with it on most fields (a row can count in several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MisreadFields {
    /// Two non-standard names (`other:`) that differ: a name cut or glued.
    pub other_name: usize,
    /// A standard indicator read as a non-standard one.
    pub standard_as_other: usize,
    /// A non-standard target read as a standard indicator.
    pub other_as_standard: usize,
    /// One standard indicator read as another.
    pub standard_as_standard: usize,
    pub qualifier: usize,
    pub value: usize,
    pub value_max: usize,
    pub unit: usize,
}

impl MisreadFields {
    fn add(&mut self, o: MisreadFields) {
        self.other_name += o.other_name;
        self.standard_as_other += o.standard_as_other;
        self.other_as_standard += o.other_as_standard;
        self.standard_as_standard += o.standard_as_standard;
        self.qualifier += o.qualifier;
        self.value += o.value;
        self.value_max += o.value_max;
        self.unit += o.unit;
    }

    /// Counts the fields `found` got wrong of `gold`.
    fn count(&mut self, gold: &GoldTarget, found: &GoldTarget) {
        let [indicator, qualifier, value, value_max, unit] = fields_differ(gold, found);
        if indicator {
            let other = |t: &GoldTarget| !baogao_model::is_canonical(&t.indicator);
            match (other(gold), other(found)) {
                (true, true) => self.other_name += 1,
                (false, true) => self.standard_as_other += 1,
                (true, false) => self.other_as_standard += 1,
                (false, false) => self.standard_as_standard += 1,
            }
        }
        self.qualifier += usize::from(qualifier);
        self.value += usize::from(value);
        self.value_max += usize::from(value_max);
        self.unit += usize::from(unit);
    }
}

/// Which of the values measure's fields two rows disagree on: indicator,
/// qualifier, value, value_max and unit.
fn fields_differ(a: &GoldTarget, b: &GoldTarget) -> [bool; 5] {
    [
        a.indicator != b.indicator,
        a.qualifier != b.qualifier,
        num(a.value) != num(b.value),
        num(a.value_max) != num(b.value_max),
        a.unit != b.unit,
    ]
}

/// How many of the values measure's fields two rows disagree on.
fn fields_apart(a: &GoldTarget, b: &GoldTarget) -> usize {
    fields_differ(a, b).iter().filter(|&&d| d).count()
}

impl MissKinds {
    fn add(&mut self, o: MissKinds) {
        self.not_located += o.not_located;
        self.misread += o.misread;
        self.extra_outside += o.extra_outside;
        self.extra_misread += o.extra_misread;
        self.texts_without_any += o.texts_without_any;
        self.fields.add(o.fields);
    }
}

/// How many chars two clauses must share to be the same place of a text.
const SHARED_CLAUSE_CHARS: usize = 4;

/// Whether two evidence clauses are the same place of a text: one holds
/// the other, or they share a run of [`SHARED_CLAUSE_CHARS`] chars.
fn same_place(a: &str, b: &str) -> bool {
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let chars: Vec<char> = a.chars().collect();
    chars
        .windows(SHARED_CLAUSE_CHARS)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

/// Of `rows`, the one at `g`'s place that agrees with it on most fields.
fn closest<'a>(
    g: &GoldTarget,
    rows: impl Iterator<Item = &'a GoldTarget>,
) -> Option<&'a GoldTarget> {
    rows.filter(|f| same_place(&f.text, &g.text))
        .min_by_key(|f| fields_apart(g, f))
}

/// The miss kinds of one file (values measure).
fn miss_kinds(gold: &[GoldTarget], found: &[GoldTarget]) -> MissKinds {
    let keys = |ts: &[GoldTarget]| ts.iter().map(GoldTarget::values_key).collect::<Vec<_>>();
    let (_, misses, extras) = compare(&keys(gold), &keys(found));
    let mut k = MissKinds {
        texts_without_any: usize::from(!gold.is_empty() && found.is_empty()),
        ..MissKinds::default()
    };
    // (each missed key once per row it stands for, with that row's clause)
    let place = |key: &str, rows: &[GoldTarget], taken: &mut Vec<usize>| -> Option<usize> {
        let i = rows
            .iter()
            .enumerate()
            .position(|(i, t)| !taken.contains(&i) && t.values_key() == key)?;
        taken.push(i);
        Some(i)
    };
    // (a misread row is set against the excess rows of its clause first:
    // a found row of the clause that matched another gold row is not it)
    let mut excess = Vec::new();
    for e in &extras {
        // (`place` keeps the index it finds in `excess`)
        let _ = place(e, found, &mut excess);
    }
    let mut taken = Vec::new();
    for m in &misses {
        let Some(g) = place(m, gold, &mut taken).map(|i| &gold[i]) else {
            continue;
        };
        let nearest =
            closest(g, excess.iter().map(|&i| &found[i])).or_else(|| closest(g, found.iter()));
        if let Some(f) = nearest {
            k.misread += 1;
            k.fields.count(g, f);
        } else {
            k.not_located += 1;
        }
    }
    let mut taken = Vec::new();
    for e in &extras {
        let Some(text) = place(e, found, &mut taken).map(|i| found[i].text.clone()) else {
            continue;
        };
        if gold.iter().any(|g| same_place(&g.text, &text)) {
            k.extra_misread += 1;
        } else {
            k.extra_outside += 1;
        }
    }
    k
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvalReport {
    pub targets: Scores,
    pub outcomes: Scores,
    pub metadata: MetaAccuracy,
    /// Where the values misses and extras of every file are.
    pub misses: MissKinds,
    pub files: Vec<FileEval>,
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(
        || "null".to_owned(),
        |x| format!("{}", (x * 1e6).round() / 1e6),
    )
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("null")
}

/// Counts matches between two multisets of keys; returns (matched, misses, extras).
fn compare(gold: &[String], found: &[String]) -> (usize, Vec<String>, Vec<String>) {
    let mut pool: HashMap<&str, usize> = HashMap::new();
    for f in found {
        *pool.entry(f.as_str()).or_default() += 1;
    }
    let mut matched = 0;
    let mut misses = Vec::new();
    for g in gold {
        match pool.get_mut(g.as_str()) {
            Some(k) if *k > 0 => {
                *k -= 1;
                matched += 1;
            }
            _ => misses.push(g.clone()),
        }
    }
    let mut gpool: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *gpool.entry(g.as_str()).or_default() += 1;
    }
    let mut extras = Vec::new();
    for f in found {
        match gpool.get_mut(f.as_str()) {
            Some(k) if *k > 0 => *k -= 1,
            _ => extras.push(f.clone()),
        }
    }
    (matched, misses, extras)
}

/// The keys of one file's records under each measure: strict, values, loose.
struct Keys {
    strict: Vec<String>,
    values: Vec<String>,
    loose: Vec<String>,
}

fn scores(gold: &Keys, found: &Keys) -> (Scores, Vec<String>, Vec<String>) {
    let (m, miss, extra) = compare(&gold.strict, &found.strict);
    let (mv, _, _) = compare(&gold.values, &found.values);
    let (ml, _, _) = compare(&gold.loose, &found.loose);
    (
        Scores {
            strict: Prf::new(gold.strict.len(), found.strict.len(), m),
            values: Prf::new(gold.values.len(), found.values.len(), mv),
            loose: Prf::new(gold.loose.len(), found.loose.len(), ml),
        },
        miss,
        extra,
    )
}

/// Scores `ex` on every `GOLD_DIR/*.json` against `TEXT_DIR/<same name>.txt`.
/// The documents of a gold set with the clauses of their gold targets, in
/// file-name order (the sentence model's training data).
pub(crate) fn read_gold_set(
    gold_dir: &Path,
    text_dir: &Path,
) -> Result<Vec<(Document, Vec<String>)>, ExtractError> {
    let mut out = Vec::new();
    for (_, gold, doc) in gold_files(gold_dir, text_dir)? {
        out.push((doc, gold.targets.into_iter().map(|t| t.text).collect()));
    }
    Ok(out)
}

/// Each gold file of `gold_dir` (its name, its gold) with the document of its text in `text_dir`.
fn gold_files(
    gold_dir: &Path,
    text_dir: &Path,
) -> Result<Vec<(String, Gold, Document)>, ExtractError> {
    fn read_err(path: &Path) -> impl Fn(std::io::Error) -> ExtractError + '_ {
        move |source| ExtractError::Read {
            path: path.to_owned(),
            source,
        }
    }
    let mut names: Vec<_> = std::fs::read_dir(gold_dir)
        .map_err(read_err(gold_dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for gp in names {
        let src = std::fs::read_to_string(&gp).map_err(read_err(&gp))?;
        let gold: Gold = serde_json::from_str(&src).map_err(|e| ExtractError::Gold {
            path: gp.clone(),
            message: e.to_string(),
        })?;
        let stem = gp
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tp = text_dir.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&tp).map_err(read_err(&tp))?;
        // the page's address, when the gold file names it (`page: URL`), is
        // what the pipeline's document carries
        let url = gold
            .source
            .as_deref()
            .and_then(|s| s.strip_prefix("page: "))
            .map_or_else(|| tp.to_string_lossy().into_owned(), str::to_owned);
        let doc = Document::from_text(&url, &text);
        out.push((stem, gold, doc));
    }
    Ok(out)
}

pub fn evaluate(
    gold_dir: &Path,
    text_dir: &Path,
    ex: &Extractor,
) -> Result<EvalReport, ExtractError> {
    let mut report = EvalReport::default();
    for (stem, gold, doc) in gold_files(gold_dir, text_dir)? {
        let out = ex.extract(&doc);

        let found_t: Vec<GoldTarget> = out.targets.iter().map(GoldTarget::from).collect();
        let found_o: Vec<GoldOutcome> = out.outcomes.iter().map(GoldOutcome::from).collect();
        let keys = |ts: &[GoldTarget]| Keys {
            strict: ts.iter().map(GoldTarget::strict_key).collect(),
            values: ts.iter().map(GoldTarget::values_key).collect(),
            loose: ts.iter().map(GoldTarget::loose_key).collect(),
        };
        let (ts, tmiss, textra) = scores(&keys(&gold.targets), &keys(&found_t));
        let okeys = |os: &[GoldOutcome]| Keys {
            strict: os.iter().map(GoldOutcome::strict_key).collect(),
            values: os.iter().map(GoldOutcome::strict_key).collect(),
            loose: os.iter().map(GoldOutcome::loose_key).collect(),
        };
        let (os, omiss, oextra) = scores(&okeys(&gold.outcomes), &okeys(&found_o));

        report.targets.add(&ts);
        report.outcomes.add(&os);
        report.misses.add(miss_kinds(&gold.targets, &found_t));

        let r = &out.report;
        let mut errors = Vec::new();
        let md = &mut report.metadata;
        md.files += 1;
        let mut check =
            |field: &str, found: Option<String>, want: Labelled<String>, score: &mut FieldScore| {
                let Some(want) = want else {
                    return;
                };
                score.labelled += 1;
                if found == want {
                    score.right += 1;
                } else {
                    errors.push(format!(
                        "{field}: {} (gold {})",
                        opt(found.as_deref()),
                        opt(want.as_deref())
                    ));
                }
            };
        check(
            "province",
            r.province.clone(),
            gold.province.clone(),
            &mut md.province,
        );
        check(
            "region",
            r.region.clone(),
            gold.region.clone(),
            &mut md.region,
        );
        let own_prefecture = r.level == Some(baogao_model::Level::City) && r.prefecture == r.region;
        check(
            "prefecture",
            r.prefecture
                .clone()
                .filter(|_| !(own_prefecture && gold.prefecture == Some(None))),
            gold.prefecture.clone(),
            &mut md.prefecture,
        );
        check(
            "level",
            r.level.map(|l| l.as_str().to_owned()),
            gold.level.clone(),
            &mut md.level,
        );
        check(
            "target_year",
            r.target_year.map(|y| y.to_string()),
            gold.target_year.map(|y| y.map(|y| y.to_string())),
            &mut md.target_year,
        );
        check(
            "report_date",
            r.report_date.map(|d| d.to_string()),
            gold.report_date.clone(),
            &mut md.report_date,
        );

        report.files.push(FileEval {
            file: stem,
            targets: ts,
            outcomes: os,
            target_misses: tmiss,
            target_false_positives: textra,
            outcome_misses: omiss,
            outcome_false_positives: oextra,
            metadata_errors: errors,
        });
    }
    Ok(report)
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<34} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
            "", "gold", "found", "match", "P", "R", "F1"
        )?;
        for (name, p) in [
            ("targets strict", self.targets.strict),
            ("targets values", self.targets.values),
            ("targets loose", self.targets.loose),
            ("outcomes strict", self.outcomes.strict),
            ("outcomes loose", self.outcomes.loose),
        ] {
            writeln!(
                f,
                "{:<34} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
                name, p.gold, p.found, p.matched, p.precision, p.recall, p.f1
            )?;
        }
        let m = &self.metadata;
        writeln!(
            f,
            "metadata ({} files, {:.3} of province/region/level/year right): province {} region {} prefecture {} level {} target_year {} report_date {}",
            m.files,
            m.core_share(),
            m.province,
            m.region,
            m.prefecture,
            m.level,
            m.target_year,
            m.report_date
        )?;
        let k = &self.misses;
        writeln!(
            f,
            "targets values missed: {} not located, {} located but misread; found in excess: {} outside every gold clause, {} misread inside one; {} texts with targets gave none",
            k.not_located, k.misread, k.extra_outside, k.extra_misread, k.texts_without_any
        )?;
        let w = &k.fields;
        writeln!(
            f,
            "misread fields: indicator (other: name {}, standard as other: {}, other: as standard {}, standard as another {}), qualifier {}, value {}, value_max {}, unit {}",
            w.other_name,
            w.standard_as_other,
            w.other_as_standard,
            w.standard_as_standard,
            w.qualifier,
            w.value,
            w.value_max,
            w.unit
        )?;
        for file in &self.files {
            writeln!(
                f,
                "\n{}: targets F1 {:.3} (values {:.3}, loose {:.3}), outcomes F1 {:.3} (loose {:.3})",
                file.file,
                file.targets.strict.f1,
                file.targets.values.f1,
                file.targets.loose.f1,
                file.outcomes.strict.f1,
                file.outcomes.loose.f1
            )?;
            for (label, list) in [
                ("missed target", &file.target_misses),
                ("extra target", &file.target_false_positives),
                ("missed outcome", &file.outcome_misses),
                ("extra outcome", &file.outcome_false_positives),
                ("metadata", &file.metadata_errors),
            ] {
                for x in list {
                    writeln!(f, "  {label}: {x}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(indicator: &str, value: f64, text: &str) -> GoldTarget {
        GoldTarget {
            indicator: indicator.to_owned(),
            raw_name: String::new(),
            measure: "growth".to_owned(),
            value: Some(value),
            value_max: None,
            unit: Some("%".to_owned()),
            qualifier: "=".to_owned(),
            stretch_value: None,
            text: text.to_owned(),
        }
    }

    /// A missed row is misread when a found row shares its clause, not
    /// located when none does; an excess row likewise.
    #[test]
    fn misses_are_told_apart_by_their_clause() {
        let gold = [
            row("gdp", 7.0, "地区生产总值增长7%"),
            row("cpi", 3.0, "居民消费价格涨幅3%"),
            row("other:财政收入", 8.0, "财政收入增长8%"),
        ];
        let found = [
            row("gdp", 7.0, "地区生产总值增长7%"),
            row("general_budget_revenue", 8.0, "财政收入增长8%"),
            row("fdi", 5.0, "实际利用外资增长5%"),
        ];
        let k = miss_kinds(&gold, &found);
        assert_eq!(
            (
                k.not_located,
                k.misread,
                k.extra_outside,
                k.extra_misread,
                k.texts_without_any
            ),
            (1, 1, 1, 1, 0)
        );
        assert_eq!(miss_kinds(&gold, &[]).texts_without_any, 1);
        // (the misread row named a standard indicator for a non-standard one)
        assert_eq!(
            k.fields,
            MisreadFields {
                other_as_standard: 1,
                ..MisreadFields::default()
            }
        );
    }

    /// A misread row is set against the excess row of its clause that
    /// agrees with it on most fields, and each field it got wrong counts.
    #[test]
    fn misread_fields_are_counted_against_the_closest_row() {
        let gold = [
            row("other:节能减排", 2.0, "节能减排指标下降2%"),
            row("gdp", 7.0, "地区生产总值增长7%左右"),
        ];
        let mut rate = row("other:节能减排指标", 2.0, "节能减排指标下降2%");
        rate.unit = Some("个百分点".to_owned());
        let mut about = row("gdp", 7.0, "地区生产总值增长7%左右");
        about.qualifier = "~".to_owned();
        let found = [
            rate,
            row("other:节能减排指标", 2.0, "节能减排指标下降2%"),
            about,
        ];
        let k = miss_kinds(&gold, &found);
        assert_eq!((k.misread, k.extra_misread), (2, 3));
        assert_eq!(
            k.fields,
            MisreadFields {
                other_name: 1,
                qualifier: 1,
                ..MisreadFields::default()
            }
        );
    }
}
