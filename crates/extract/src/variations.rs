//! Phrasing variations written for these tests (not taken from the fixtures):
//! each pattern reports use for targets and outcomes, and the negatives.

use baogao_model::{Constraint, Document, Level, Measure, Outcome, Qualifier, Target};
use proptest::prelude::*;

use crate::{Extraction, Extractor};

pub(crate) fn ex() -> &'static Extractor {
    static EX: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::builtin);
    &EX
}

/// The extraction of `text`, every row's offsets checked against its evidence.
pub(crate) fn run(text: &str) -> Extraction {
    let doc = Document::from_text("t.txt", text);
    let out = ex().extract(&doc);
    for t in &out.targets {
        let span: String = doc
            .text
            .chars()
            .skip(t.char_start as usize)
            .take((t.char_end - t.char_start) as usize)
            .collect();
        assert_eq!(span, t.text, "offsets of {t:?}");
    }
    for o in &out.outcomes {
        let span: String = doc
            .text
            .chars()
            .skip(o.char_start as usize)
            .take((o.char_end - o.char_start) as usize)
            .collect();
        assert_eq!(span, o.text, "offsets of {o:?}");
    }
    out
}

/// (indicator, qualifier, value) of every target a text gives.
pub(crate) fn qualified(text: &str) -> Vec<(String, Qualifier, Option<f64>)> {
    run(text)
        .targets
        .into_iter()
        .map(|t| (t.indicator, t.qualifier, t.value))
        .collect()
}

/// One row of [`qualified`].
pub(crate) fn row(id: &str, q: Qualifier, v: Option<f64>) -> (String, Qualifier, Option<f64>) {
    (id.to_owned(), q, v)
}

/// Each target's indicator and value, in order.
pub(crate) fn ids_and_values(targets: &[Target]) -> Vec<(&str, Option<f64>)> {
    targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value))
        .collect()
}

/// The values of the targets of one indicator, in order.
pub(crate) fn values_of(targets: &[Target], id: &str) -> Vec<Option<f64>> {
    targets
        .iter()
        .filter(|t| t.indicator == id)
        .map(|t| t.value)
        .collect()
}

/// Each target's indicator, value and unit, in order.
fn id_value_unit(targets: &[Target]) -> Vec<(&str, Option<f64>, Option<&str>)> {
    targets
        .iter()
        .map(|t| (t.indicator.as_str(), t.value, t.unit.as_deref()))
        .collect()
}

/// Each target's indicator, value, unit and qualifier, in order.
pub(crate) fn value_unit_rows(
    targets: &[Target],
) -> Vec<(&str, Option<f64>, Option<&str>, Qualifier)> {
    targets
        .iter()
        .map(|t| {
            (
                t.indicator.as_str(),
                t.value,
                t.unit.as_deref(),
                t.qualifier,
            )
        })
        .collect()
}

/// Each target's values (indicator, measure, value, range, unit,
/// qualifier), sorted: what two readings of one text must agree on.
pub(crate) fn value_keys<'a>(targets: impl IntoIterator<Item = &'a Target>) -> Vec<String> {
    let mut k: Vec<String> = targets
        .into_iter()
        .map(|t| {
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                t.indicator, t.measure, t.value, t.value_max, t.unit, t.qualifier
            )
        })
        .collect();
    k.sort();
    k
}

/// Targets of a report whose plan part is `body`.
fn targets(body: &str) -> Vec<Target> {
    run(&format!("2024年某某市人民政府工作报告\n一、2023年工作回顾\n过去一年成绩显著。\n二、2024年工作安排\n{body}")).targets
}

fn one(body: &str) -> Target {
    let t = targets(body);
    assert_eq!(t.len(), 1, "{body}: {t:#?}");
    t.into_iter().next().unwrap()
}

fn find<'a>(ts: &'a [Target], id: &str) -> &'a Target {
    ts.iter()
        .find(|t| t.indicator == id)
        .unwrap_or_else(|| panic!("no {id} in {ts:#?}"))
}

#[test]
fn every_way_of_introducing_the_targets() {
    for cue in [
        "今年全市经济社会发展的主要预期目标是：",
        "今年经济社会发展的主要预期目标为：",
        "今年的主要目标是：",
        "综合考虑各方面因素，今年经济社会发展的预期目标是：",
        "今年全市经济社会发展的目标是：",
        "建议今年经济社会发展主要预期目标为:",
        "主要预期目标：",
    ] {
        let t = targets(&format!(
            "{cue}地区生产总值增长6.5%左右，一般公共预算收入增长6%。\n围绕上述目标，重点做好以下工作。"
        ));
        assert_eq!(t.len(), 2, "{cue}: {t:#?}");
        assert_eq!(
            (t[0].indicator.as_str(), t[0].value, t[0].qualifier),
            ("gdp", Some(6.5), Qualifier::About)
        );
        assert_eq!(t[0].text, "地区生产总值增长6.5%左右");
        assert_eq!(
            (t[1].indicator.as_str(), t[1].value, t[1].qualifier),
            ("general_budget_revenue", Some(6.0), Qualifier::Exact)
        );
        assert_eq!(t[0].target_year, Some(2024));
    }
}

#[test]
fn bullet_lists_in_following_paragraphs() {
    for bullet in ["●", "■", "——", "1.", "一是"] {
        let t = targets(&format!(
            "今年全县经济社会发展主要预期目标：\n{bullet}地区生产总值增长7%；\n{bullet}规模以上工业增加值增长8%以上；\n{bullet}城镇新增就业3000人。\n围绕上述目标，我们要抓好以下工作。\n（一）力争工业投资增长20%。"
        ));
        assert_eq!(t.len(), 3, "{bullet}: {t:#?}");
        assert_eq!(
            find(&t, "industrial_value_added").qualifier,
            Qualifier::AtLeast
        );
        let jobs = find(&t, "new_urban_jobs");
        assert_eq!(
            (jobs.value, jobs.unit.as_deref(), jobs.measure),
            (Some(3000.0), Some("人"), Measure::Level)
        );
        assert!(!t[0].text.starts_with(bullet), "{bullet}: {}", t[0].text);
    }
}

#[test]
fn list_continued_in_the_next_paragraph() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长6%左右，规模以上工业增加值增长7%。\n固定资产投资增长8%，社会消费品零售总额增长7%。\n为实现上述目标，要突出抓好六个方面。",
    );
    assert_eq!(
        t.iter().map(|t| t.indicator.as_str()).collect::<Vec<_>>(),
        [
            "gdp",
            "industrial_value_added",
            "fixed_asset_investment",
            "retail_sales"
        ]
    );
}

#[test]
fn ranges_in_every_notation() {
    for r in [
        "6%-6.5%",
        "6%—6.5%",
        "6%~6.5%",
        "6至6.5%",
        "6%到6.5%",
        "6%～6.5%",
        "6－6.5％",
    ] {
        let t = one(&format!("今年主要预期目标是：地区生产总值增长{r}。"));
        assert_eq!(
            (t.value, t.value_max, t.qualifier),
            (Some(6.0), Some(6.5), Qualifier::Range),
            "{r}"
        );
        assert_eq!(t.constraint, Some(Constraint::Soft));
    }
}

#[test]
fn fenbie_lists_and_shared_qualifiers() {
    let t = targets("今年主要预期目标是：城乡居民人均可支配收入分别增长8%、9%左右。");
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].indicator.as_str(), t[0].value, t[0].qualifier),
        ("urban_disposable_income", Some(8.0), Qualifier::About)
    );
    assert_eq!(
        (t[1].indicator.as_str(), t[1].value, t[1].qualifier),
        ("rural_disposable_income", Some(9.0), Qualifier::About)
    );
    assert_eq!(t[0].text, t[1].text);
    let t = targets("今年主要预期目标是：城镇和农村居民人均可支配收入分别增长6%以上和7%以上。");
    assert_eq!(t.len(), 2, "{t:#?}");
    assert!(t.iter().all(|x| x.qualifier == Qualifier::AtLeast));
    let t = targets("今年主要预期目标是：一产、二产、三产增加值分别增长4%、6%左右、5%以上。");
    assert_eq!(
        t.iter().map(|x| x.qualifier).collect::<Vec<_>>(),
        [Qualifier::Exact, Qualifier::About, Qualifier::AtLeast]
    );
    assert_eq!(t[2].indicator, "other:三产增加值");
}

#[test]
fn stretch_values() {
    let t = targets("今年主要预期目标是：地区生产总值增长7%左右，力争8%，固定资产投资增长10%。");
    let g = find(&t, "gdp");
    assert_eq!(
        (g.value, g.stretch_value, g.qualifier),
        (Some(7.0), Some(8.0), Qualifier::About)
    );
    assert_eq!(t.len(), 2);
    let t = one("今年主要预期目标是：地区生产总值力争增长8%。");
    assert_eq!(
        (t.value, t.stretch_value, t.constraint),
        (Some(8.0), None, Some(Constraint::Soft))
    );
}

#[test]
fn declines_points_and_per_mille() {
    let t = targets(
        "今年主要预期目标是：单位地区生产总值能耗下降3%，常住人口城镇化率提高1.2个百分点，人口自然增长率控制在6‰以内。",
    );
    let e = find(&t, "energy_intensity");
    assert_eq!((e.value, e.measure), (Some(-3.0), Measure::Change));
    let u = find(&t, "other:常住人口城镇化率");
    assert_eq!(
        (u.value, u.unit.as_deref(), u.measure),
        (Some(1.2), Some("个百分点"), Measure::Change)
    );
    let p = find(&t, "population_growth");
    assert_eq!(
        (p.value, p.unit.as_deref(), p.qualifier, p.measure),
        (Some(6.0), Some("‰"), Qualifier::AtMost, Measure::Rate)
    );
}

#[test]
fn chinese_numerals() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长百分之七，规模以上工业增加值增长百分之六点五，一般公共预算收入达到两千零一十亿元，社会消费品零售总额达到四百六十多亿元，固定资产投资增长两位数。",
    );
    assert_eq!(find(&t, "gdp").value, Some(7.0));
    assert_eq!(find(&t, "industrial_value_added").value, Some(6.5));
    let r = find(&t, "general_budget_revenue");
    assert_eq!(
        (r.value, r.unit.as_deref(), r.measure),
        (Some(2010.0), Some("亿元"), Measure::Level)
    );
    let s = find(&t, "retail_sales");
    assert_eq!((s.value, s.qualifier), (Some(460.0), Qualifier::AtLeast));
    let f = find(&t, "fixed_asset_investment");
    assert_eq!(
        (f.value, f.qualifier, f.measure),
        (Some(10.0), Qualifier::AtLeast, Measure::Growth)
    );
}

#[test]
fn traditional_full_width_and_spaces() {
    let t = run("2024年某某省政府工作報告\n今年經濟社會發展的主要預期目標是：地區生產總值增長５．５％左右，城鎮新增就業50萬人以上，規模以上工業增加值增長 6.5 %。").targets;
    assert_eq!(t.len(), 3, "{t:#?}");
    assert_eq!(
        (t[0].indicator.as_str(), t[0].value, t[0].qualifier),
        ("gdp", Some(5.5), Qualifier::About)
    );
    assert_eq!(t[0].text, "地區生產總值增長５．５％左右");
    assert_eq!(t[0].raw_name, "地區生產總值");
    assert_eq!(
        (t[1].indicator.as_str(), t[1].unit.as_deref()),
        ("new_urban_jobs", Some("万人"))
    );
    assert_eq!(
        (t[2].value, t[2].text.as_str()),
        (Some(6.5), "規模以上工業增加值增長 6.5 %")
    );
}

#[test]
fn qualitative_targets_name_an_indicator() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长6%，居民收入增长与经济增长同步，城镇居民人均可支配收入增速高于全国平均水平，进出口总额稳中提质，固定资产投资实现正增长，经济发展稳中向好，推动经济实现质的有效提升和量的合理增长。",
    );
    let ids = crate::tests::indicators(&t);
    assert_eq!(
        ids,
        [
            "gdp",
            "disposable_income",
            "urban_disposable_income",
            "foreign_trade",
            "fixed_asset_investment"
        ]
    );
    assert!(
        t[1..].iter().all(|x| x.qualifier == Qualifier::Qualitative
            && x.value.is_none()
            && x.unit.is_none())
    );
    assert_eq!(t[1].measure, Measure::Growth);
}

#[test]
fn modal_and_aspect_words_are_not_part_of_a_name() {
    let t = targets(
        "今年主要预期目标是：人口出生率应控制在11‰以内，森林覆盖率力争达到45%，粮食产量继续稳定在500万吨以上，物价总水平基本稳定。",
    );
    let names: Vec<&str> = t.iter().map(|x| x.raw_name.as_str()).collect();
    assert_eq!(
        names,
        ["人口出生率", "森林覆盖率", "粮食产量", "物价总水平"],
        "{t:#?}"
    );
    assert_eq!(t[0].indicator, "other:人口出生率");
    assert_eq!(
        (t[0].value, t[0].qualifier),
        (Some(11.0), Qualifier::AtMost)
    );
    assert_eq!(t[2].indicator, "grain_output");
    // 供应 is a noun, not a name with a modal 应
    assert_eq!(crate::names::strip_tail_verbs("电力供应"), "电力供应");
    assert_eq!(crate::names::strip_tail_verbs("出生率应"), "出生率");
}

#[test]
fn a_list_under_its_heading_may_measure_an_item_against_last_year() {
    let t = targets(
        "今年经济社会发展的主要预期目标：\n地区生产总值比上年增长6%左右，常住人口城镇化率提高1个百分点，居民消费价格涨幅与上年持平。",
    );
    let ids = crate::tests::indicators(&t);
    assert_eq!(ids, ["gdp", "other:常住人口城镇化率", "cpi"], "{t:#?}");
    // (the measure word before a predicate without a figure is not the name's)
    assert_eq!(t[2].raw_name, "居民消费价格");
}

#[test]
fn a_numbered_line_without_a_target_does_not_end_the_list() {
    let t = targets(
        "今年经济社会发展的主要预期目标是：\n1.地区生产总值增长6%左右；\n2.在持续大幅减税降费的同时；\n3.一般公共预算收入增长5%；\n——经济结构持续优化；\n——城镇调查失业率控制在5.5%以内。\n这些目标，综合考虑了各方面因素。",
    );
    let ids = crate::tests::indicators(&t);
    assert_eq!(
        ids,
        ["gdp", "general_budget_revenue", "unemployment_rate"],
        "{t:#?}"
    );
}

#[test]
fn catch_all_binding_indicators_are_not_targets() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长6%，各项约束性指标完成上级下达任务，节能减排和大气、水环境质量等约束性指标完成市下达的目标任务。",
    );
    assert_eq!(t.len(), 1, "{t:#?}");
    let t = targets(
        "今年主要预期目标是：地区生产总值增长6%，粮食产量、生态环境、节能降碳等指标全面完成任务。",
    );
    assert_eq!(t.len(), 4, "{t:#?}");
    assert_eq!(t[1].indicator, "grain_output");
    assert_eq!(t[3].indicator, "other:节能降碳");
}

#[test]
fn past_results_are_outcomes_not_targets() {
    let out = run(
        "某某区人民政府工作报告\n一、2023年工作回顾\n2023年全区地区生产总值完成250.2亿元、增长5%，规模以上工业增加值增长6.4%，居民消费价格与上年持平，城镇调查失业率5.1%。\n“十四五”以来，地区生产总值年均增长6%，累计新增就业10万人。\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右。",
    );
    assert_eq!(out.targets.len(), 1);
    assert_eq!(out.targets[0].value, Some(5.5));
    let o: Vec<(&str, Measure, Option<f64>)> = out
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.measure, o.value))
        .collect();
    assert_eq!(
        o,
        [
            ("gdp", Measure::Level, Some(250.2)),
            ("gdp", Measure::Growth, Some(5.0)),
            ("industrial_value_added", Measure::Growth, Some(6.4)),
            ("cpi", Measure::Change, Some(0.0)),
            ("unemployment_rate", Measure::Rate, Some(5.1)),
        ]
    );
    assert!(
        out.outcomes
            .iter()
            .all(|x| x.year == Some(2023) && !x.estimated)
    );
}

#[test]
fn estimated_outcomes_and_declines() {
    let out = run(
        "2024年某某县政府工作报告\n一、2023年工作回顾\n预计全年地区生产总值增长5.5%，固定资产投资下降3.2%，实际使用外资2.1亿美元。\n二、2024年工作安排\n",
    );
    let g: &Outcome = out.outcomes.iter().find(|o| o.indicator == "gdp").unwrap();
    assert!(g.estimated);
    let f = out
        .outcomes
        .iter()
        .find(|o| o.indicator == "fixed_asset_investment")
        .unwrap();
    assert_eq!((f.value, f.measure), (Some(-3.2), Measure::Growth));
    let d = out.outcomes.iter().find(|o| o.indicator == "fdi").unwrap();
    assert_eq!(
        (d.value, d.unit.as_deref(), d.measure),
        (Some(2.1), Some("亿美元"), Measure::Level)
    );
    assert_eq!(out.report.level, Some(Level::County));
}

#[test]
fn five_year_goals_and_work_section_aims_are_not_targets() {
    let t = targets(
        "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长6%左右。\n今年主要预期目标是：地区生产总值增长5%左右。\n（一）推动工业发展。力争规模以上工业增加值增长10%，全国经济增长预期目标为5%左右。",
    );
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].value, Some(5.0));
}

#[test]
fn fallback_without_a_targets_paragraph() {
    let t = targets(
        "今年全区地区生产总值增长6%，固定资产投资增长10%。\n（一）加快产业发展。力争工业投资增长20%。",
    );
    assert_eq!(
        t.iter().map(|t| t.indicator.as_str()).collect::<Vec<_>>(),
        ["gdp", "fixed_asset_investment"]
    );
    let out = run(
        "某某县人民政府工作报告\n一、2023年工作回顾\n2023年全县地区生产总值增长6%，固定资产投资增长10%。\n",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
}

#[test]
fn report_fields() {
    let out = run(
        "2024年某某县政府工作报告\n今年主要预期目标是：规模以上工业增加值增长7%，城镇调查失业率控制在5.5%以内。",
    );
    assert!(out.report.gdp_absent);
    assert_eq!(out.report.targets_found, 2);
    assert_eq!(out.targets[1].constraint, Some(Constraint::Hard));
    assert_eq!(
        out.report.extractor_version,
        baogao_model::EXTRACTOR_VERSION
    );
    let out = ex().extract(&Document::from_text(
        "x",
        "今年主要预期目标是：地区生产总值增长7%。",
    ));
    assert_eq!(out.outcomes.len(), 0);
    let off = Extractor::builtin().with_outcomes(false);
    let out = off.extract(&Document::from_text(
        "x",
        "一、2023年工作回顾\n2023年地区生产总值增长6%。",
    ));
    assert!(out.outcomes.is_empty());
}

#[test]
fn dictionary_files() {
    let dir = std::env::temp_dir().join(format!("baogao-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let extra = dir.join("extra.toml");
    std::fs::write(&extra, "[[indicator]]\nid = \"tourism_revenue\"\nmeasure = \"growth\"\naliases = [\"旅游总收入\"]\n").unwrap();
    let ex2 = Extractor::builtin().with_extra_dictionary(&extra).unwrap();
    let out = ex2.extract(&Document::from_text(
        "x",
        "今年主要预期目标是：地区生产总值增长7%，旅游总收入增长15%。",
    ));
    assert_eq!(out.targets[1].indicator, "tourism_revenue");
    let only = Extractor::from_dictionary_file(&extra).unwrap();
    let out = only.extract(&Document::from_text(
        "x",
        "今年主要预期目标是：地区生产总值增长7%，旅游总收入增长15%。",
    ));
    assert_eq!(out.targets[0].indicator, "other:地区生产总值");
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "[[indicator]]\nid = \"x\"\nmeasure = \"growth\"\nalias = []\n",
    )
    .unwrap();
    let err = Extractor::from_dictionary_file(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.toml") && err.contains("line 4"), "{err}");
    let err = Extractor::from_dictionary_file(&dir.join("missing.toml"))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("cannot read"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn extract_never_panics_on_random_text(s in "\\PC{0,300}") {
        let out = run(&s);
        prop_assert!(out.targets.len() <= s.chars().count());
    }

    #[test]
    fn extract_never_panics_on_report_like_text(parts in proptest::collection::vec(prop_oneof![
        Just("今年主要预期目标是："), Just("地区生产总值"), Just("增长"), Just("6.5"), Just("%"), Just("左右"),
        Just("，"), Just("、"), Just("分别"), Just("。"), Just("\n"), Just("力争"), Just("百分之"), Just("七"),
        Just("（"), Just("）"), Just("城乡居民人均可支配收入"), Just("下降"), Just("万人"), Just("—"), Just("以上"),
        Just("2023年"), Just("持平"), Just("从"), Just("到"), Just("其中"), Just("突破"), Just("等指标"),
    ], 0..60)) {
        let text: String = parts.concat();
        let out = run(&text);
        for t in &out.targets {
            prop_assert!(t.char_start <= t.char_end);
        }
    }
}

#[test]
fn an_older_city_report() {
    let t = targets(
        "今年全市经济社会发展的主要预期目标是：全市生产总值增长8.5%；地方财政一般预算收入增长10%；全社会固定资产投资增长20%；社会消费品零售总额增长15%；城镇居民人均可支配收入和农民人均纯收入分别增长9%和8%；城镇登记失业率控制在4.5%以内；人口自然增长率控制在6‰以内；万元GDP能耗下降4%。\n实现上述目标，必须做好以下工作。",
    );
    let ids = crate::tests::indicators(&t);
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "fixed_asset_investment",
            "retail_sales",
            "urban_disposable_income",
            "rural_disposable_income",
            "unemployment_rate",
            "population_growth",
            "energy_intensity"
        ]
    );
    assert_eq!(find(&t, "rural_disposable_income").value, Some(8.0));
    assert_eq!(
        find(&t, "rural_disposable_income").raw_name,
        "农民人均纯收入"
    );
    assert_eq!(find(&t, "energy_intensity").value, Some(-4.0));
}

#[test]
fn a_bullet_summary_under_a_heading() {
    let t = targets(
        "2024年主要预期目标\n■ 地区生产总值增长5%左右\n■ 城镇新增就业1.5万人以上\n■ GDP能耗强度完成省下达任务\n重点工作\n",
    );
    assert_eq!(t.len(), 3, "{t:#?}");
    assert_eq!(t[0].text, "地区生产总值增长5%左右");
    assert_eq!(t[1].indicator, "new_urban_jobs");
    assert_eq!(
        (t[2].indicator.as_str(), t[2].qualifier),
        ("energy_intensity", Qualifier::Qualitative)
    );
}

#[test]
fn a_traditional_character_mirror() {
    let out = run(
        "2023年某某縣政府工作報告\n一、2022年工作回顧\n2022年全縣地區生產總值完成120.5億元、增長4.2%，城鄉居民人均可支配收入分別增長5.1%、6.3%，居民消費價格上漲1.9%。\n二、2023年工作安排\n今年經濟社會發展的主要預期目標是：地區生產總值增長6%左右，一般公共預算收入增長5%，城鄉居民人均可支配收入分別增長6.5%和7%，城鎮調查失業率控制在5.5%以內，糧食產量穩定在30萬噸以上。",
    );
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "urban_disposable_income",
            "rural_disposable_income",
            "unemployment_rate",
            "grain_output"
        ]
    );
    let g = &out.targets[5];
    assert_eq!(
        (g.value, g.unit.as_deref(), g.qualifier),
        (Some(30.0), Some("万吨"), Qualifier::AtLeast)
    );
    let o: Vec<(&str, Option<f64>)> = out
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.value))
        .collect();
    assert_eq!(
        o,
        [
            ("gdp", Some(120.5)),
            ("gdp", Some(4.2)),
            ("urban_disposable_income", Some(5.1)),
            ("rural_disposable_income", Some(6.3)),
            ("cpi", Some(1.9))
        ]
    );
    assert_eq!(out.report.level, Some(Level::County));
    assert_eq!(out.report.target_year, Some(2023));
}

#[test]
fn review_figures_with_a_verb_led_second_clause() {
    let out = run(
        "2024年某某市政府工作报告\n一、2023年工作回顾\n全市实现地区生产总值1234.5亿元，同比增长7.2%；完成固定资产投资456亿元，增长10%；外贸进出口总额12.3亿美元，粮食总产量达到52.3万吨。\n二、2024年工作安排\n",
    );
    let o: Vec<(&str, Measure, Option<f64>, &str)> = out
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.measure, o.value, o.text.as_str()))
        .collect();
    assert_eq!(
        o,
        [
            (
                "gdp",
                Measure::Level,
                Some(1234.5),
                "全市实现地区生产总值1234.5亿元，同比增长7.2%"
            ),
            (
                "gdp",
                Measure::Growth,
                Some(7.2),
                "全市实现地区生产总值1234.5亿元，同比增长7.2%"
            ),
            (
                "fixed_asset_investment",
                Measure::Level,
                Some(456.0),
                "完成固定资产投资456亿元，增长10%"
            ),
            (
                "fixed_asset_investment",
                Measure::Growth,
                Some(10.0),
                "完成固定资产投资456亿元，增长10%"
            ),
            (
                "foreign_trade",
                Measure::Level,
                Some(12.3),
                "外贸进出口总额12.3亿美元"
            ),
            (
                "grain_output",
                Measure::Level,
                Some(52.3),
                "粮食总产量达到52.3万吨"
            ),
        ]
    );
}

#[test]
fn targets_of_other_governments_are_not_targets() {
    let t = targets(
        "全国经济社会发展主要预期目标是：国内生产总值增长5%左右。省里确定全省主要预期目标是：地区生产总值增长6%。\n今年全市主要预期目标是：地区生产总值增长6.5%左右。",
    );
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].value, Some(6.5));
}

/// A list that ends in targets without figures reads each of them: a
/// completion, a steady or improving predicate, a quantity, an area or a
/// count named by its kind.
#[test]
fn a_list_ends_in_qualitative_targets_of_every_kind() {
    let t = targets(
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长12%，节能减排完成市下达任务，耕地保有量和基本农田保护面积完成省下达任务，城乡居民收入稳步增长，环境质量进一步改善，安全生产事故死亡人数控制在省下达指标以内，森林覆盖率稳步提高，粮食总产量保持稳定。",
    );
    let ids: Vec<&str> = t.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "other:节能减排",
            // two indicators sharing one predicate are two targets (call 1)
            "other:耕地保有量",
            "other:基本农田保护面积",
            "disposable_income",
            "other:环境质量",
            "other:安全生产事故死亡人数",
            "other:森林覆盖率",
            "grain_output",
        ]
    );
    assert!(t[1..].iter().all(|t| t.qualifier == Qualifier::Qualitative));
}

/// A targets table with a unit column (as the cleaner writes a table: cells
/// split by tabs) reads each row's figure with the unit of its row, and its
/// evidence is the row as written.
#[test]
fn a_table_with_a_unit_column() {
    let out = run(
        "2024年全市经济社会发展主要预期目标\n指标名称\t单位\t2024年目标\n地区生产总值增长\t%\t6左右\n一般公共预算收入增长\t%\t5\n城镇新增就业\t万人\t10以上\n城镇调查失业率\t%\t5.5以内\n",
    );
    let got = value_unit_rows(&out.targets);
    assert_eq!(
        got,
        [
            ("gdp", Some(6.0), Some("%"), Qualifier::About),
            (
                "general_budget_revenue",
                Some(5.0),
                Some("%"),
                Qualifier::Exact
            ),
            (
                "new_urban_jobs",
                Some(10.0),
                Some("万人"),
                Qualifier::AtLeast
            ),
            ("unemployment_rate", Some(5.5), Some("%"), Qualifier::AtMost),
        ]
    );
    assert_eq!(out.targets[0].text, "地区生产总值增长\t%\t6左右");
    // the unit in brackets after the name, and last year's column beside the target's
    let out = run(
        "2024年主要预期目标\n指标\t2023年完成\t2024年目标\n地区生产总值增长（%）\t5.2\t6左右\n城镇新增就业（万人）\t11.2\t10以上\n",
    );
    assert_eq!(
        id_value_unit(&out.targets),
        [
            ("gdp", Some(6.0), Some("%")),
            ("new_urban_jobs", Some(10.0), Some("万人")),
        ]
    );
    // (a header over the target column is the cue: a table under a title
    // that calls it a plan of indicators, with last year's column first)
    let out = run(
        "某县2024年主要经济指标计划表\n指标名称\t单位\t2023年完成\t2024年目标\n\
         地区生产总值增速\t%\t5.2\t6左右\n一般公共预算收入\t亿元\t12.3\t13\n",
    );
    assert_eq!(
        id_value_unit(&out.targets),
        [
            ("gdp", Some(6.0), Some("%")),
            ("general_budget_revenue", Some(13.0), Some("亿元")),
        ]
    );
    assert!(out.outcomes.is_empty(), "{:?}", out.outcomes);
}

/// The rate of an indicator's decline names the indicator, and a name
/// joined to it by 和 is a target of its own.
#[test]
fn the_rate_of_a_decline_names_its_indicator() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长8%；单位国内生产总值能耗下降率和主要污染物减排达到省控目标；万元生产总值能耗降低率3.5%。",
    );
    let got: Vec<(&str, Option<f64>)> = t.iter().map(|t| (t.indicator.as_str(), t.value)).collect();
    assert_eq!(
        got,
        [
            ("gdp", Some(8.0)),
            ("energy_intensity", None),
            ("other:主要污染物减排", None),
            ("energy_intensity", Some(-3.5)),
        ]
    );
}

#[test]
fn gdp_written_many_ways() {
    for (body, raw) in [
        ("GDP增长6%左右", "GDP"),
        ("经济增长6%左右", "经济"),
        // dev2 convention 7: a leading 全省/全县 is scope, not name (全市 before
        // 生产总值 stays: the gold files of city reports keep it)
        ("全县生产总值增长6%左右", "生产总值"),
        ("全市生产总值增长6%左右", "全市生产总值"),
        ("实现地区生产总值增长6%左右", "地区生产总值"),
        ("经济增速保持在6%左右", "经济"),
        ("地区生产总值增长不低于6%", "地区生产总值"),
    ] {
        let t = one(&format!("今年主要预期目标是：{body}。"));
        assert_eq!(
            (t.indicator.as_str(), t.value, t.raw_name.as_str()),
            ("gdp", Some(6.0), raw),
            "{body}"
        );
    }
    let t = one("今年主要预期目标是：R&D经费支出占地区生产总值比重达到2.5%。");
    assert_eq!(
        (t.indicator.as_str(), t.measure),
        ("other:R&D经费支出占地区生产总值比重", Measure::Share)
    );
}

#[test]
fn large_inputs_finish() {
    // (each sentence's figures its own: a figure stated twice is one target)
    use std::fmt::Write as _;
    let mut sentences = String::new();
    for i in 0..3000 {
        let _ = write!(
            sentences,
            "今年主要预期目标是：地区生产总值增长6.{i:04}%左右，城乡居民人均可支配收入分别增长7.{i:04}%、8.{i:04}%，粮食产量、生态环境等指标完成任务。"
        );
    }
    let text = sentences + &"增长5%以上".repeat(20_000) + &"地".repeat(100_000);
    let doc = Document::from_text("big.txt", &text);
    let out = ex().extract(&doc);
    // in linear time (`stages/extract_large` in the benchmarks measures it; a
    // quadratic step would not finish here); the line is read a sentence a
    // paragraph, and the list from the first cue reads the first sentences
    // (at most list::MAX_LIST_PARAGRAPHS of them)
    let firsts: Vec<Option<f64>> = out.targets.iter().take(5).map(|t| t.value).collect();
    assert_eq!(firsts, [Some(6.0), Some(7.0), Some(8.0), None, None]);
    assert!(
        out.targets.len() > 5 && out.targets.len() < 3000,
        "{}",
        out.targets.len()
    );
}

#[test]
fn deltas_against_last_year_are_not_targets() {
    let t = targets(
        "今年主要预期目标是：地区生产总值增长6.5%左右，比去年提高0.5个百分点，总量达到1200亿元；城镇新增就业5万人、城镇登记失业率控制在4.2%以内；节能减排完成省下达任务。",
    );
    let g: Vec<(Measure, Option<f64>)> = t
        .iter()
        .filter(|x| x.indicator == "gdp")
        .map(|x| (x.measure, x.value))
        .collect();
    assert_eq!(
        g,
        [(Measure::Growth, Some(6.5)), (Measure::Level, Some(1200.0))],
        "{t:#?}"
    );
    assert_eq!(
        find(&t, "unemployment_rate").text,
        "城镇登记失业率控制在4.2%以内"
    );
    assert_eq!(find(&t, "other:节能减排").qualifier, Qualifier::Qualitative);
}

#[test]
fn titles_and_congress_lines() {
    let out = run(
        "2023年太原市政府工作报告_太原市人民政府\n——2023年1月10日在太原市第十六届人民代表大会第三次会议上\n",
    );
    assert_eq!(
        (out.report.region.as_deref(), out.report.level),
        (Some("太原市"), Some(Level::City))
    );
    assert_eq!(out.report.prefecture.as_deref(), Some("太原市"));
    assert!(out.report.session.as_deref().unwrap().contains("第十六届"));
    let out = run("某某自治州某某县2022年政府工作报告\n");
    assert_eq!(
        (
            out.report.region.as_deref(),
            out.report.prefecture.as_deref()
        ),
        (Some("某某县"), Some("某某自治州"))
    );
    assert_eq!(out.report.target_year, Some(2022));
    let out = run("政府工作报告\n——2021年12月28日在某某区第二届人民代表大会第一次会议上\n");
    assert_eq!(out.report.target_year, Some(2022));
    assert_eq!(out.report.level, Some(Level::County));
}

#[test]
fn a_news_report_without_headings() {
    let out = run(
        "政府工作报告提出今年发展目标\n2024年01月20日 来源：某某日报\n1月18日，某某市第十七届人民代表大会第四次会议开幕。\n报告提出，2024年全市地区生产总值增长5.5%左右，城镇新增就业5万人以上。\n报告回顾，2023年全市地区生产总值增长5.2%。",
    );
    assert_eq!(out.report.target_year, Some(2024));
    let ids = crate::tests::indicators(&out.targets);
    assert_eq!(ids, ["gdp", "new_urban_jobs"]);
}

#[test]
fn an_opening_sentence_of_prose_before_the_figures() {
    let t = targets(
        "今年主要预期目标是：经济保持平稳健康发展。地区生产总值增长6%左右，城镇新增就业2万人。\n这些目标，经过努力是可以实现的。",
    );
    assert_eq!(t.len(), 2, "{t:#?}");
}

#[test]
fn urban_and_rural_share_one_figure() {
    for body in [
        "城乡居民人均可支配收入分别增长8%",
        "城乡居民人均可支配收入均增长8%左右",
    ] {
        let t = targets(&format!("今年主要预期目标是：地区生产总值增长6%，{body}。"));
        let ids = ids_and_values(&t);
        assert_eq!(
            ids,
            [
                ("gdp", Some(6.0)),
                ("urban_disposable_income", Some(8.0)),
                ("rural_disposable_income", Some(8.0))
            ],
            "{body}"
        );
    }
}

#[test]
fn plan_sentences_are_not_outcomes() {
    let out = run(
        "政府工作报告提出今年发展目标\n2024年01月20日 来源：某某日报\n报告提出，2024年全市地区生产总值增长5.5%左右，城镇新增就业5万人以上。\n报告回顾，2023年全市地区生产总值增长5.2%，一般公共预算收入完成100亿元，同口径增长3%。",
    );
    let o: Vec<(&str, Option<f64>, &str)> = out
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.value, o.text.as_str()))
        .collect();
    assert_eq!(
        o,
        [
            ("gdp", Some(5.2), "2023年全市地区生产总值增长5.2%"),
            (
                "general_budget_revenue",
                Some(100.0),
                "一般公共预算收入完成100亿元，同口径增长3%"
            ),
            (
                "general_budget_revenue",
                Some(3.0),
                "一般公共预算收入完成100亿元，同口径增长3%"
            ),
        ]
    );
}

#[test]
fn last_years_goals_quoted_in_the_review_are_not_targets() {
    let out = run(
        "2024年某某县政府工作报告\n一、2023年工作回顾\n年初确定的主要预期目标为：地区生产总值增长6%，实际增长6.5%。\n县人代会确定的主要预期目标是：一般公共预算收入增长8%。\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右。",
    );
    assert_eq!(out.targets.len(), 1, "{:#?}", out.targets);
    assert_eq!(out.targets[0].value, Some(5.5));
}

#[test]
fn fallback_skips_work_section_aims() {
    let t = targets(
        "（一）壮大工业。今年，全市规模以上工业增加值力争增长10%。\n今年全市地区生产总值增长6%左右。",
    );
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0].indicator, "gdp");
    let t = targets("今年主要预期目标是：地区生产总值增长≥6%，城镇新增就业一万五千人。");
    assert_eq!(
        (t[0].qualifier, t[1].value),
        (Qualifier::AtLeast, Some(15000.0))
    );
}

#[test]
fn a_summary_of_last_years_indicators_is_not_a_cue() {
    let out = run(
        "2024年某某县政府工作报告\n一、2023年工作回顾\n全年主要经济指标：地区生产总值增长6.1%，一般公共预算收入增长5%。\n二、2024年工作安排\n（一）壮大工业。力争规模以上工业增加值增长10%。",
    );
    assert!(out.targets.is_empty(), "{:#?}", out.targets);
    assert_eq!(out.outcomes.len(), 2);
}

#[test]
fn remarks_and_trailing_fenbie_figures_in_the_review() {
    let out = run(
        "2024年某某市政府工作报告\n一、2023年工作回顾\n全市地区生产总值达到500亿元，按可比价格计算，增长6%。城镇居民人均可支配收入40000元，农村居民人均可支配收入20000元，分别增长5%和7%。\n二、2024年工作安排\n",
    );
    let o: Vec<(&str, Measure, Option<f64>)> = out
        .outcomes
        .iter()
        .map(|o| (o.indicator.as_str(), o.measure, o.value))
        .collect();
    assert_eq!(
        o,
        [
            ("gdp", Measure::Level, Some(500.0)),
            ("gdp", Measure::Growth, Some(6.0)),
            ("urban_disposable_income", Measure::Level, Some(40000.0)),
            ("urban_disposable_income", Measure::Growth, Some(5.0)),
            ("rural_disposable_income", Measure::Level, Some(20000.0)),
            ("rural_disposable_income", Measure::Growth, Some(7.0)),
        ]
    );
}

#[test]
fn targets_in_a_table_under_the_cue() {
    // the cleaner writes table rows as tab-separated cells
    for header in ["指标\t2024年目标\n", "指标名称\t单位\t预期目标\n", ""] {
        let t = targets(&format!(
            "2024年主要预期目标\n{header}地区生产总值增长\t6.5%左右\n固定资产投资增长\t10%\n城镇调查失业率\t5.5%以内\n"
        ));
        assert_eq!(t.len(), 3, "{header:?}: {t:#?}");
        assert_eq!(find(&t, "gdp").qualifier, Qualifier::About);
        assert_eq!(find(&t, "unemployment_rate").qualifier, Qualifier::AtMost);
    }
}

#[test]
fn lead_words_before_the_name_are_not_the_name() {
    for lead in [
        "全县将努力实现",
        "我们将力争实现",
        "全年努力实现",
        "力求实现",
    ] {
        let t = one(&format!("今年主要预期目标是：{lead}地区生产总值增长7.5%。"));
        assert_eq!(t.indicator, "gdp", "{lead}");
        assert_eq!(t.raw_name, "地区生产总值", "{lead}");
    }
}

#[test]
fn title_year_in_chinese_digits_sets_the_target_year() {
    let out = run(
        "二〇一八年政府工作报告\n今年经济社会发展的主要预期目标是：生产总值增长百分之七左右；城镇登记失业率控制在百分之四以内。",
    );
    assert_eq!(out.report.target_year, Some(2018));
    assert_eq!(out.targets.len(), 2);
    assert_eq!(out.targets[0].value, Some(7.0));
    assert_eq!(out.targets[1].value, Some(4.0));
}

#[test]
fn a_2012_city_target_list_with_permille_and_old_names() {
    let t = targets(
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长11%左右；全社会固定资产投资增长18%；地方财政一般预算收入增长12%；城镇居民人均可支配收入和农民人均纯收入分别增长12%和13%；城镇登记失业率控制在4.5%以内；人口自然增长率控制在6‰以内；单位生产总值能耗下降3.5%。",
    );
    assert_eq!(t.len(), 8, "{t:#?}");
    assert_eq!(find(&t, "general_budget_revenue").value, Some(12.0));
    assert_eq!(find(&t, "rural_disposable_income").value, Some(13.0));
    let pop = find(&t, "population_growth");
    assert_eq!(
        (pop.unit.as_deref(), pop.qualifier),
        (Some("‰"), Qualifier::AtMost)
    );
    assert_eq!(find(&t, "energy_intensity").value, Some(-3.5));
}

#[test]
fn estimated_outcome_with_yuji_between_name_and_verb() {
    let out = run(
        "某某县2021年政府工作报告\n一、2020年工作回顾\n2020年，全县地区生产总值预计完成320亿元，增长3.5%。\n二、2021年工作安排\n今年全县经济社会发展的主要预期目标是：地区生产总值增长8%以上。",
    );
    let gdp: Vec<&Outcome> = out
        .outcomes
        .iter()
        .filter(|o| o.indicator == "gdp")
        .collect();
    assert_eq!(gdp.len(), 2, "{:#?}", out.outcomes);
    assert!(
        gdp.iter()
            .all(|o| o.estimated && o.year == Some(2020) && o.raw_name == "地区生产总值")
    );
    assert_eq!(out.targets.len(), 1);
}
