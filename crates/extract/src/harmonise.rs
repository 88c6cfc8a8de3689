//! The post-pass over what the extractor read: the columns an economist
//! compares across reports, computed beside the raw ones and never in their
//! place.
//!
//! In: an [`Extraction`] (its targets, outcomes and report), the document
//! text its offsets point into and the indicator dictionary. Out: the same
//! extraction with, on every target,
//! - `series`: the statistical series of the indicator the name as written
//!   belongs to (城镇登记失业率 → `unemployment_rate:registered`), from the
//!   dictionary's `[[indicator.series]]`;
//! - `value_std` / `unit_std`: the value in the canonical unit of the
//!   indicator and measure (3000人 → 0.3 万人); units of another kind are
//!   never converted into it (亿美元 stays apart from 亿元: no exchange rate
//!   is guessed);
//! - `constraint` / `constraint_source`: the report's own 约束性 / 预期性
//!   label when the clause carries one (（约束性）, 预期性指标), which wins over
//!   the wording rule of [`crate`];
//! - `inferred`: the value was read from words (增长两位数 → 10);
//!
//! on every outcome `series`, `value_std` and `unit_std`; and on the report of
//! the State Council (level `national`) the national region code. The
//! extractor calls [`finish`] last; nothing here changes the fields `eval`
//! scores.
//!
//! ```
//! use baogao_extract::Extractor;
//! use baogao_model::Document;
//!
//! let doc = Document::from_text(
//!     "x.txt",
//!     "2024年某某市政府工作报告\n今年主要预期目标是：城镇新增就业3000人，城镇登记失业率控制在4%以内（预期性）。",
//! );
//! let t = Extractor::builtin().extract(&doc).targets;
//! assert_eq!((t[0].value_std, t[0].unit_std.as_deref()), (Some(0.3), Some("万人")));
//! assert_eq!(t[1].series, "unemployment_rate:registered");
//! assert_eq!(t[1].constraint.map(|c| c.as_str()), Some("soft"));
//! ```

use baogao_model::{Constraint, ConstraintSource, Level, Measure, NATIONAL_CODE, Qualifier};

use crate::Extraction;
use crate::indicator::Dictionary;
use crate::norm::normalise;

pub use crate::indicator::{IndicatorInfo, Series};

/// Units of one kind and the factor that takes each to the kind's base unit
/// (the first of the list): `(unit as recorded, factor)`. A unit in no list
/// is a kind of its own.
pub const UNIT_KINDS: &[&[(&str, f64)]] = &[
    // yuan
    &[
        ("亿元", 1.0),
        ("元", 1e-8),
        ("万元", 1e-4),
        ("万亿元", 1e4),
        ("万亿", 1e4),
        ("亿", 1.0),
    ],
    // US dollars: kept apart from yuan, never converted at a guessed rate
    &[
        ("亿美元", 1.0),
        ("美元", 1e-8),
        ("万美元", 1e-4),
        ("万亿美元", 1e4),
        ("亿美金", 1.0),
        ("美金", 1e-8),
        ("万美金", 1e-4),
    ],
    // people
    &[("万人", 1.0), ("人", 1e-4), ("万名", 1.0), ("名", 1e-4)],
    // person-times (visits, trips)
    &[("万人次", 1.0), ("亿人次", 1e4)],
    // mass: 1 斤 = 0.5 kg, 1 公斤 = 1 kg
    &[
        ("万吨", 1.0),
        ("吨", 1e-4),
        ("亿吨", 1e4),
        ("亿斤", 5.0),
        ("万斤", 5e-4),
        ("亿公斤", 10.0),
    ],
    &[("%", 1.0)],
    &[("‰", 1.0)],
    &[("个百分点", 1.0)],
];

/// Words that give a value no figure wrote, with the value they give: a
/// target with one of these in its clause and this value is `inferred`.
pub const INFERRED_WORDS: &[(&str, f64, &str)] = &[
    ("两位数", 10.0, "增长两位数: at least 10% (`>=`)"),
    ("翻一番", 100.0, "翻一番: doubles, a growth of 100%"),
    ("翻番", 100.0, "翻番: doubles, a growth of 100%"),
    ("翻两番", 300.0, "翻两番: quadruples, a growth of 300%"),
    ("持平", 0.0, "与上年持平: no change, 0"),
];

/// The two labels reports give targets, and the constraint each means.
pub const LABELS: &[(&str, Constraint)] =
    &[("约束性", Constraint::Hard), ("预期性", Constraint::Soft)];

/// Chars that end the stretch of text around a clause searched for a label.
const STOPS: &[char] = &['，', ',', '。', '；', ';', '\n', '：', ':'];
/// Longest stretch (in chars) before and after a clause searched for a label.
const LABEL_REACH: usize = 30;

impl crate::Extractor {
    /// Every canonical indicator of the dictionary, in dictionary order, with
    /// its names, canonical units and series (for the codebook).
    #[must_use]
    pub fn indicators(&self) -> Vec<IndicatorInfo> {
        self.dict.indicators()
    }
}

/// Fills in the harmonised columns of `ex` (see the module docs); `chars`
/// are the document text the targets' offsets point into.
pub(crate) fn finish(dict: &Dictionary, chars: &[char], ex: &mut Extraction) {
    for t in &mut ex.targets {
        t.series = dict.series_of(&t.indicator, &t.raw_name);
        (t.value_std, t.unit_std) =
            standard(dict, &t.indicator, t.measure, t.value, t.unit.as_deref());
        if let Some(c) = label(chars, t.char_start as usize, t.char_end as usize) {
            t.constraint = Some(c);
            t.constraint_source = Some(ConstraintSource::Label);
        } else {
            t.constraint_source = t.constraint.map(|_| ConstraintSource::Wording);
        }
        t.inferred = inferred(&t.text, t.value, t.qualifier);
    }
    for o in &mut ex.outcomes {
        o.series = dict.series_of(&o.indicator, &o.raw_name);
        (o.value_std, o.unit_std) =
            standard(dict, &o.indicator, o.measure, o.value, o.unit.as_deref());
    }
    let r = &mut ex.report;
    if r.level == Some(Level::National) {
        r.region_code = Some(NATIONAL_CODE.to_owned());
        r.parent_code = None;
        r.region_note = None;
        r.region = Some("全国".to_owned());
        r.province = None;
        r.prefecture = None;
    }
}

/// The base unit of `unit`'s kind and the factor to it.
fn kind_of(unit: &str) -> (&str, f64) {
    UNIT_KINDS
        .iter()
        .find_map(|kind| {
            kind.iter()
                .find(|(u, _)| *u == unit)
                .map(|(_, f)| (kind[0].0, *f))
        })
        .unwrap_or((unit, 1.0))
}

/// `value` in the canonical unit of `indicator` and `measure` when `unit` is
/// of that unit's kind, else in the base unit of `unit`'s own kind; `None`s
/// without a unit.
pub(crate) fn standard(
    dict: &Dictionary,
    indicator: &str,
    measure: Measure,
    value: Option<f64>,
    unit: Option<&str>,
) -> (Option<f64>, Option<String>) {
    let Some(unit) = unit else {
        return (None, None);
    };
    let (base, factor) = kind_of(unit);
    let (to, to_factor) = dict
        .unit_of(indicator, measure)
        .map(kind_of_named)
        .filter(|(_, b, _)| *b == base)
        .map_or((base, 1.0), |(u, _, f)| (u, f));
    // (most figures are in their canonical unit already: nothing to convert
    // or tidy)
    #[allow(clippy::float_cmp)]
    let same = factor == to_factor;
    let value = value.map(|v| {
        if same {
            v
        } else {
            tidy(v * factor / to_factor)
        }
    });
    (value, Some(to.to_owned()))
}

/// `(unit, base of its kind, factor to the base)`.
fn kind_of_named(unit: &str) -> (&str, &str, f64) {
    let (base, f) = kind_of(unit);
    (unit, base, f)
}

/// Rounds away the binary noise of a conversion (3000 × 0.0001 is
/// 0.30000000000000004): twelve significant digits.
fn tidy(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{x:.11e}").parse().unwrap_or(x)
}

/// The value was read from words: the clause has one of [`INFERRED_WORDS`]
/// and the value is the one that word gives.
fn inferred(clause: &str, value: Option<f64>, qualifier: Qualifier) -> bool {
    let Some(v) = value else {
        return false;
    };
    // (every word holds one of these chars, in either script: most clauses
    // hold none and are not normalised again)
    if qualifier == Qualifier::Qualitative || !clause.contains(['位', '番', '持']) {
        return false;
    }
    let clause = normalise(clause);
    INFERRED_WORDS
        .iter()
        .any(|(w, implied, _)| clause.contains(w) && (v - implied).abs() < 1e-9)
}

/// The constraint the report's own label gives the clause at
/// `start..end` (chars of `text`): the label written right after it (up to
/// the next comma, parentheses included, or after a comma as 为约束性指标),
/// inside it, or right before it as a heading (约束性指标：…). A stretch with
/// both labels says nothing.
fn label(text: &[char], start: usize, end: usize) -> Option<Constraint> {
    if text.is_empty() || start > end || end > text.len() {
        return None;
    }
    // (both labels end in 性, in either script: a stretch without it holds
    // none, and most do)
    let reach = start.saturating_sub(LABEL_REACH)..text.len().min(end + LABEL_REACH + 13);
    if !text[reach].contains(&'性') {
        return None;
    }
    let after = after_clause(text, end);
    let inside: String = text[start..end].iter().collect();
    let before = before_clause(text, start);
    [after, normalise(&inside), before]
        .iter()
        .find_map(|s| one_label(s))
}

fn one_label(s: &str) -> Option<Constraint> {
    let mut found = LABELS.iter().filter(|(w, _)| s.contains(w));
    let first = found.next()?;
    found.next().is_none().then_some(first.1)
}

/// The text right after a clause: to the next stop outside parentheses, and
/// the start of the next segment when it is a label (，为约束性指标).
fn after_clause(text: &[char], end: usize) -> String {
    let mut out = String::new();
    let mut depth = 0_i32;
    let mut i = end;
    while i < text.len() && i < end + LABEL_REACH {
        let c = text[i];
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth -= 1,
            _ if depth <= 0 && STOPS.contains(&c) => break,
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    let mut s = normalise(&out);
    if i < text.len() && matches!(text[i], '，' | ',') {
        let next: String = text[i + 1..text.len().min(i + 1 + 12)].iter().collect();
        let next = normalise(&next);
        for lead in ["为", "属", "是", "均为", "属于", "均属"] {
            if let Some(rest) = next.strip_prefix(lead)
                && LABELS.iter().any(|(w, _)| rest.starts_with(w))
            {
                s.push_str(&next);
                break;
            }
        }
    }
    s
}

/// A heading label right before a clause: `约束性指标：`, `（约束性）`, as the
/// last thing before it in its segment.
fn before_clause(text: &[char], start: usize) -> String {
    let from = start.saturating_sub(LABEL_REACH);
    // the segment before the clause, with the colon that ends a heading
    let mut i = start;
    while i > from {
        let c = text[i - 1];
        if matches!(c, '，' | ',' | '。' | '；' | ';' | '\n') {
            break;
        }
        i -= 1;
    }
    let seg = normalise(&text[i..start].iter().collect::<String>());
    let seg = seg.trim_end_matches([':', '：', ')', '）', ']', '】']);
    let seg = seg.trim_end_matches("指标").trim_end_matches("目标");
    LABELS
        .iter()
        .find(|(w, _)| seg.ends_with(w))
        .map(|(w, _)| (*w).to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use baogao_model::{Constraint, ConstraintSource, Document};

    use crate::Extractor;

    fn targets(body: &str) -> Vec<baogao_model::Target> {
        let doc = Document::from_text(
            "t.txt",
            &format!("2024年某某市政府工作报告\n今年主要预期目标是：{body}"),
        );
        Extractor::builtin().extract(&doc).targets
    }

    fn find<'a>(ts: &'a [baogao_model::Target], indicator: &str) -> &'a baogao_model::Target {
        ts.iter()
            .find(|t| t.indicator == indicator)
            .unwrap_or_else(|| panic!("no {indicator} in {ts:#?}"))
    }

    #[test]
    fn jobs_in_people_and_in_ten_thousands_get_one_unit() {
        let a = targets("城镇新增就业3000人。");
        let b = targets("城镇新增就业4.3万人以上。");
        let (a, b) = (find(&a, "new_urban_jobs"), find(&b, "new_urban_jobs"));
        assert_eq!((a.value, a.unit.as_deref()), (Some(3000.0), Some("人")));
        assert_eq!(a.unit_std, b.unit_std);
        assert_eq!(a.unit_std.as_deref(), Some("万人"));
        assert_eq!(a.value_std, Some(0.3));
        assert_eq!(b.value_std, Some(4.3));
    }

    #[test]
    fn money_converts_to_the_indicators_unit_and_dollars_stay_apart() {
        let ts = targets(
            "地区生产总值达到1.2万亿元，一般公共预算收入800000万元，实际使用外资5亿美元，进出口总额300亿元。",
        );
        let gdp = find(&ts, "gdp");
        assert_eq!(
            (gdp.value_std, gdp.unit_std.as_deref()),
            (Some(12000.0), Some("亿元"))
        );
        assert_eq!(gdp.value, Some(1.2), "the raw value stays");
        let rev = find(&ts, "general_budget_revenue");
        assert_eq!(
            (rev.value_std, rev.unit_std.as_deref()),
            (Some(80.0), Some("亿元"))
        );
        let fdi = find(&ts, "fdi");
        assert_eq!(
            (fdi.value_std, fdi.unit_std.as_deref()),
            (Some(5.0), Some("亿美元"))
        );
        // foreign trade's canonical unit is 亿美元: a figure in 亿元 keeps 亿元
        let trade = find(&ts, "foreign_trade");
        assert_eq!(
            (trade.value_std, trade.unit_std.as_deref()),
            (Some(300.0), Some("亿元"))
        );
    }

    #[test]
    fn registered_and_surveyed_unemployment_are_two_series() {
        let ts = targets("城镇登记失业率控制在4%以内，城镇调查失业率5.5%左右。");
        let series: Vec<&str> = ts
            .iter()
            .filter(|t| t.indicator == "unemployment_rate")
            .map(|t| t.series.as_str())
            .collect();
        assert_eq!(
            series,
            ["unemployment_rate:registered", "unemployment_rate:surveyed"]
        );
        let ts = targets("农民人均纯收入增长8%，地区生产总值增长6%。");
        assert_eq!(
            find(&ts, "rural_disposable_income").series,
            "rural_income:net"
        );
        assert_eq!(find(&ts, "gdp").series, "gdp");
        let ts = targets("农村居民人均可支配收入增长8%。");
        assert_eq!(
            find(&ts, "rural_disposable_income").series,
            "rural_income:disposable"
        );
    }

    #[test]
    fn a_label_wins_over_the_wording() {
        // 以内 reads as a hard ceiling; the report says it is an expectation
        let ts = targets(
            "城镇调查失业率控制在5.5%以内（预期性），单位地区生产总值能耗下降3%（约束性指标）。",
        );
        let u = find(&ts, "unemployment_rate");
        assert_eq!(u.constraint, Some(Constraint::Soft));
        assert_eq!(u.constraint_source, Some(ConstraintSource::Label));
        let e = find(&ts, "energy_intensity");
        assert_eq!(e.constraint, Some(Constraint::Hard));
        assert_eq!(e.constraint_source, Some(ConstraintSource::Label));
        // without a label: the wording, and says so
        let ts = targets("城镇调查失业率控制在5.5%以内。");
        let u = find(&ts, "unemployment_rate");
        assert_eq!(u.constraint, Some(Constraint::Hard));
        assert_eq!(u.constraint_source, Some(ConstraintSource::Wording));
    }

    #[test]
    fn a_label_after_a_comma_or_as_a_heading_counts_and_a_neighbours_does_not() {
        let chars: Vec<char> = "城镇登记失业率控制在4.5%以内，为预期性指标。"
            .chars()
            .collect();
        assert_eq!(super::label(&chars, 0, 15), Some(Constraint::Soft));
        let chars: Vec<char> = "约束性指标：单位GDP能耗下降3%。".chars().collect();
        assert_eq!(super::label(&chars, 6, 17), Some(Constraint::Hard));
        // the label of the clause before belongs to that clause
        let s = "失业率4%以内（预期性），能耗下降3%。";
        let chars: Vec<char> = s.chars().collect();
        let start = s.chars().position(|c| c == '能').unwrap();
        assert_eq!(super::label(&chars, start, start + 6), None);
    }

    #[test]
    fn a_value_read_from_words_is_inferred() {
        let ts = targets("固定资产投资增长两位数，地区生产总值增长7%。");
        let fai = find(&ts, "fixed_asset_investment");
        assert_eq!(fai.value, Some(10.0));
        assert!(fai.inferred);
        assert!(!find(&ts, "gdp").inferred);
    }

    #[test]
    fn the_state_councils_report_is_the_national_level() {
        let doc = Document::from_text(
            "gov.txt",
            "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：\n             今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。",
        );
        let out = Extractor::builtin().extract(&doc);
        let r = &out.report;
        assert_eq!(r.level, Some(baogao_model::Level::National));
        assert_eq!(r.region_code.as_deref(), Some(baogao_model::NATIONAL_CODE));
        assert_eq!(
            (r.region.as_deref(), r.province.as_deref()),
            (Some("全国"), None)
        );
        assert_eq!(r.target_year, Some(2024));
        assert_eq!(find(&out.targets, "gdp").value, Some(5.0));
        assert_eq!(find(&out.targets, "new_urban_jobs").value_std, Some(1200.0));
        // a province's report is not
        let doc = Document::from_text(
            "p.txt",
            "山西省政府工作报告\n——2024年1月20日在山西省第十四届人民代表大会第二次会议上\n今年主要预期目标是：地区生产总值增长5%左右。",
        );
        let r = Extractor::builtin().extract(&doc).report;
        assert_eq!(r.level, Some(baogao_model::Level::Province));
    }

    #[test]
    fn conversions_are_tidy() {
        assert!((super::tidy(3000.0 * 1e-4) - 0.3).abs() < f64::EPSILON);
        assert_eq!(super::kind_of("亿斤"), ("万吨", 5.0));
        assert_eq!(super::kind_of("万吨标准煤"), ("万吨标准煤", 1.0));
    }
}
