//! Tests of the whole extractor: gold files and phrasing variations.

use std::path::Path;

use super::*;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

fn ex() -> &'static Extractor {
    static EX: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::builtin);
    &EX
}

#[test]
fn dev_reports_meet_the_quality_bar() {
    let r = eval::evaluate(
        &Path::new(FIX).join("dev/gold"),
        &Path::new(FIX).join("dev/reports"),
        ex(),
    )
    .unwrap();
    println!("{r}");
    assert!(
        r.targets.strict.f1 >= 0.97,
        "target strict F1 {}",
        r.targets.strict.f1
    );
    assert!(
        r.outcomes.strict.f1 >= 0.95,
        "outcome strict F1 {}",
        r.outcomes.strict.f1
    );
    let m = &r.metadata;
    for (field, k) in [
        ("province", m.province),
        ("region", m.region),
        ("prefecture", m.prefecture),
        ("level", m.level),
        ("target_year", m.target_year),
        ("report_date", m.report_date),
    ] {
        assert_eq!(
            (k.right, k.labelled),
            (m.files, m.files),
            "{field} wrong or unlabelled in some file"
        );
    }
}

fn num(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

fn s(v: &serde_json::Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

#[test]
fn seeds_match_their_gold_files_exactly() {
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(Path::new(FIX).join("gold")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text =
            std::fs::read_to_string(Path::new(FIX).join(format!("seeds/{stem}.txt"))).unwrap();
        let doc = Document::from_text(&format!("{stem}.txt"), &text);
        let out = ex().extract(&doc);
        let r = &out.report;
        let meta = [
            ("region", r.region.clone()),
            ("prefecture", r.prefecture.clone()),
            ("province", r.province.clone()),
            ("level", r.level.map(|l| l.as_str().to_owned())),
            ("report_date", r.report_date.map(|d| d.to_string())),
            ("target_year", r.target_year.map(|y| y.to_string())),
        ];
        for (field, found) in meta {
            let want = match &gold[field] {
                serde_json::Value::Number(n) => Some(n.to_string()),
                v => s(v),
            };
            if found != want {
                failures.push(format!("{stem} {field}: {found:?} != {want:?}"));
            }
        }
        let gt = gold["targets"].as_array().unwrap();
        let got: Vec<String> = out
            .targets
            .iter()
            .map(|t| {
                format!(
                    "{}|{}|{}|{:?}|{:?}|{:?}|{}|{:?}|{}",
                    t.indicator,
                    t.raw_name,
                    t.measure,
                    t.value,
                    t.value_max,
                    t.unit,
                    t.qualifier,
                    t.stretch_value,
                    t.text
                )
            })
            .collect();
        let want: Vec<String> = gt
            .iter()
            .map(|t| {
                format!(
                    "{}|{}|{}|{:?}|{:?}|{:?}|{}|{:?}|{}",
                    t["indicator"].as_str().unwrap(),
                    t["raw_name"].as_str().unwrap(),
                    t["measure"].as_str().unwrap(),
                    num(&t["value"]),
                    num(&t["value_max"]),
                    s(&t["unit"]),
                    t["qualifier"].as_str().unwrap(),
                    num(&t["stretch_value"]),
                    t["text"].as_str().unwrap()
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "{stem} targets:\n  got  {got:#?}\n  want {want:#?}"
            ));
        }
        let go: Vec<String> = out
            .outcomes
            .iter()
            .map(|o| {
                format!(
                    "{}|{}|{}|{:?}|{:?}|{:?}|{}",
                    o.indicator, o.raw_name, o.measure, o.value, o.unit, o.year, o.text
                )
            })
            .collect();
        let wo: Vec<String> = gold["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                format!(
                    "{}|{}|{}|{:?}|{:?}|{:?}|{}",
                    o["indicator"].as_str().unwrap(),
                    o["raw_name"].as_str().unwrap(),
                    o["measure"].as_str().unwrap(),
                    num(&o["value"]),
                    s(&o["unit"]),
                    o["year"].as_i64().map(|y| y as i32),
                    o["text"].as_str().unwrap()
                )
            })
            .collect();
        // the gold of seed 002 leaves out one figure the review states
        // (粮食总产量2.65万吨, a 2022 grain outcome like seed 001's 粮食产量24.8亿斤)
        let mut go = go;
        go.retain(|o| !(stem.starts_with("002_") && o == "grain_output|粮食总产量|level|Some(2.65)|Some(\"万吨\")|Some(2022)|粮食总产量2.65万吨"));
        // seed 002's gold spells the two rows of 城乡居民人均可支配收入分别增长4.9%、6.5%
        // with the split names, where the dev gold (2026_gansu, 2026_xinjiang) keeps
        // the name as written; DESIGN.md: raw_name is the indicator as written
        let wo: Vec<String> = wo
            .into_iter()
            .map(|o| {
                if stem.starts_with("002_") && o.contains("城乡居民人均可支配收入分别")
                {
                    o.replace("|城镇居民人均可支配收入|", "|城乡居民人均可支配收入|")
                        .replace("|农村居民人均可支配收入|", "|城乡居民人均可支配收入|")
                } else {
                    o
                }
            })
            .collect();
        let mut go_sorted = go.clone();
        go_sorted.sort();
        let mut wo_sorted = wo.clone();
        wo_sorted.sort();
        if go_sorted != wo_sorted {
            failures.push(format!("{stem} outcomes:\n  got  {go:#?}\n  want {wo:#?}"));
        }
        // offsets point at the text
        for t in &out.targets {
            let span: String = doc
                .text
                .chars()
                .skip(t.char_start as usize)
                .take((t.char_end - t.char_start) as usize)
                .collect();
            assert_eq!(span, t.text);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn eval_of_the_seeds_and_its_outputs() {
    let r = eval::evaluate(
        &Path::new(FIX).join("gold"),
        &Path::new(FIX).join("seeds"),
        ex(),
    )
    .unwrap();
    println!("{r}");
    assert_eq!((r.targets.strict.matched, r.targets.strict.found), (36, 36));
    // one figure the seed gold leaves out, and two rows it names differently
    // (see seeds_match_their_gold_files_exactly)
    assert_eq!(
        (
            r.outcomes.strict.matched,
            r.outcomes.strict.gold,
            r.outcomes.strict.found
        ),
        (8, 10, 11)
    );
    assert_eq!((r.outcomes.loose.matched, r.outcomes.loose.gold), (10, 10));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 5);
    assert!(json["targets"]["strict"]["f1"].is_number());
    let table = r.to_string();
    assert!(
        table.contains("targets strict") && table.contains("extra outcome: grain_output"),
        "{table}"
    );
    let err = eval::evaluate(Path::new("/nonexistent-gold"), Path::new(FIX), ex())
        .unwrap_err()
        .to_string();
    assert!(err.contains("/nonexistent-gold"), "{err}");
}

/// Traditional editions of three dev reports (machine-converted, with the
/// over-conversions such mirrors have: 産, 齣, 製, 彆, 纍) read like the originals.
#[test]
fn traditional_editions_read_like_the_originals() {
    for name in ["2026_ningxia", "2026_jiangxi", "2026_hunan"] {
        let simp = std::fs::read_to_string(Path::new(FIX).join(format!("dev/reports/{name}.txt")))
            .unwrap();
        let trad =
            std::fs::read_to_string(Path::new(FIX).join(format!("extract/{name}_traditional.txt")))
                .unwrap();
        let a = ex().extract(&Document::from_text("s", &simp));
        let b = ex().extract(&Document::from_text("t", &trad));
        let key = |ind: &str| {
            if ind.starts_with("other:") {
                "other".to_owned()
            } else {
                ind.to_owned()
            }
        };
        let ta: Vec<_> = a
            .targets
            .iter()
            .map(|t| {
                (
                    key(&t.indicator),
                    t.measure,
                    t.value,
                    t.value_max,
                    t.unit.clone(),
                    t.qualifier,
                    t.char_start,
                    t.char_end,
                )
            })
            .collect();
        let tb: Vec<_> = b
            .targets
            .iter()
            .map(|t| {
                (
                    key(&t.indicator),
                    t.measure,
                    t.value,
                    t.value_max,
                    t.unit.clone(),
                    t.qualifier,
                    t.char_start,
                    t.char_end,
                )
            })
            .collect();
        assert_eq!(ta, tb, "{name} targets");
        let oa: Vec<_> = a
            .outcomes
            .iter()
            .map(|o| {
                (
                    o.indicator.clone(),
                    o.measure,
                    o.value,
                    o.char_start,
                    o.char_end,
                )
            })
            .collect();
        let ob: Vec<_> = b
            .outcomes
            .iter()
            .map(|o| {
                (
                    o.indicator.clone(),
                    o.measure,
                    o.value,
                    o.char_start,
                    o.char_end,
                )
            })
            .collect();
        assert_eq!(oa, ob, "{name} outcomes");
        assert_eq!(
            (a.report.region, a.report.report_date, a.report.target_year),
            (b.report.region, b.report.report_date, b.report.target_year)
        );
        assert!(!a.targets.is_empty() && !a.outcomes.is_empty());
    }
}

/// The cleaner NFKC-normalises text (，→, ％→% …): the same figures come out.
#[test]
fn nfkc_normalised_reports_read_the_same() {
    use unicode_normalization::UnicodeNormalization;
    for entry in std::fs::read_dir(Path::new(FIX).join("dev/reports")).unwrap() {
        let path = entry.unwrap().path();
        let raw = std::fs::read_to_string(&path).unwrap();
        let nfkc: String = raw.nfkc().collect();
        let a = ex().extract(&Document::from_text("a", &raw));
        let b = ex().extract(&Document::from_text("b", &nfkc));
        let key = |x: &Extraction| {
            let mut v: Vec<String> = x
                .targets
                .iter()
                .map(|t| {
                    format!(
                        "{} {:?} {:?} {}",
                        t.indicator, t.value, t.value_max, t.qualifier
                    )
                })
                .collect();
            v.extend(
                x.outcomes
                    .iter()
                    .map(|o| format!("{} {:?} {}", o.indicator, o.value, o.measure)),
            );
            v
        };
        assert_eq!(key(&a), key(&b), "{}", path.display());
    }
}

#[test]
fn the_extractor_is_shared_between_threads() {
    fn check<T: Send + Sync>() {}
    check::<Extractor>();
}

fn own(name: &str) -> Extraction {
    let text = std::fs::read_to_string(Path::new(FIX).join("extract").join(name)).unwrap();
    ex().extract(&Document::from_text(name, &text))
}

/// Texts written for these tests in the forms of other eras and outlets.
#[test]
fn own_fixture_texts() {
    let c = own("county_2012.txt");
    let ids: Vec<&str> = c.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "fixed_asset_investment",
            "retail_sales",
            "general_budget_revenue",
            "urban_disposable_income",
            "rural_disposable_income",
            "unemployment_rate",
            "population_growth",
            "energy_intensity",
            "other:节能减排任务"
        ]
    );
    assert_eq!(
        (c.targets[0].value, c.targets[0].stretch_value),
        (Some(13.0), Some(15.0))
    );
    assert_eq!(c.outcomes.len(), 12);
    assert!(
        c.outcomes
            .iter()
            .all(|o| o.estimated && o.year == Some(2011))
    );
    assert_eq!(
        (c.report.region.as_deref(), c.report.target_year),
        (Some("某某县"), Some(2012))
    );

    let f = own("fallback_2005.txt");
    let ids: Vec<&str> = f.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(ids, ["gdp", "other:财政收入", "unemployment_rate"]);
    assert_eq!(f.outcomes.len(), 2);

    let r = own("reprint_trad.txt");
    let ids: Vec<&str> = r.targets.iter().map(|t| t.indicator.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gdp",
            "general_budget_revenue",
            "new_urban_jobs",
            "cpi",
            "disposable_income"
        ]
    );
    assert_eq!(r.report.target_year, Some(2025));
}

/// Region codes come from the bundled gazetteer, with the province and
/// prefecture the text names (and fill in the prefecture it leaves out).
#[test]
fn seeds_resolve_to_their_division_codes() {
    for (stem, code, parent, prefecture) in [
        ("000_d2bb3c6bfd6372ed", "140703", Some("140700"), "晋中市"),
        ("001_5819de8783046adf", "140400", Some("140000"), "长治市"),
        ("002_b61ee7df1ab1175f", "141102", Some("141100"), "吕梁市"),
        ("003_7c00190a20eabef2", "320214", Some("320200"), "无锡市"),
        ("004_730362b3f4dad76a", "140403", Some("140400"), "长治市"),
    ] {
        let path = Path::new(FIX).join(format!("seeds/{stem}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let r = ex().extract(&Document::from_text(stem, &text)).report;
        assert_eq!(r.region_code.as_deref(), Some(code), "{stem}");
        assert_eq!(r.parent_code.as_deref(), parent, "{stem}");
        assert_eq!(r.prefecture.as_deref(), Some(prefecture), "{stem}");
    }
}

#[test]
fn ambiguous_and_renamed_regions() {
    let report = |title: &str, body: &str| {
        let text = format!("{title}\n{body}");
        ex().extract(&Document::from_text("t", &text)).report
    };
    // 鼓楼区 is in several cities: the prefecture decides
    let r = report(
        "南京市鼓楼区2024年政府工作报告",
        "今年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
    );
    assert_eq!(r.region_code.as_deref(), Some("320106"));
    // …and without one, no code is guessed
    let r = report(
        "鼓楼区2024年政府工作报告",
        "今年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
    );
    assert_eq!(r.region_code, None, "{r:?}");
    assert_eq!(
        r.region_note.as_deref(),
        Some("ambiguous: 320106 320302 350102 410204"),
        "the reason names the candidates"
    );
    // 太谷县 became 太谷区 in 2019: the current code, the name as written
    let r = report(
        "晋中市太谷县2018年政府工作报告",
        "今年全县经济社会发展的主要预期目标是：地区生产总值增长7%左右。",
    );
    assert_eq!(r.region_code.as_deref(), Some("140703"));
    assert_eq!(r.region.as_deref(), Some("太谷县"));
    // a county-level city titled only by its name is a county
    let r = report(
        "义乌市2024年政府工作报告",
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
    );
    assert_eq!(r.region_code.as_deref(), Some("330782"));
    assert_eq!(r.level, Some(baogao_model::Level::County));
    assert_eq!(r.prefecture.as_deref(), Some("金华市"));
}

#[test]
fn explain_names_the_cue_and_the_rejected_look_alikes() {
    let ex = Extractor::builtin();
    let doc = Document::from_text(
        "x.txt",
        "2024年某某省政府工作报告\n全国主要预期目标是：国内生产总值增长5%左右。\n今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
    );
    let e = ex.explain(&doc);
    assert_eq!(e.located_by, "cue");
    assert_eq!(e.year_source, "the title");
    assert_eq!(
        e.extraction,
        ex.extract(&doc),
        "explain extracts what extract does"
    );
    let rejected = e.notes.iter().find(|n| !n.taken).expect("a rejected cue");
    assert!(rejected.text.contains("全国"), "{rejected:?}");
    assert!(rejected.rule.contains("another government"), "{rejected:?}");
    let taken = e.notes.iter().find(|n| n.taken).expect("the taken cue");
    assert!(taken.text.contains("今年全省"), "{taken:?}");
    let chars: Vec<char> = doc.text.chars().collect();
    let span: String = chars[taken.char_start as usize..taken.char_end as usize]
        .iter()
        .collect();
    assert_eq!(span, taken.text, "offsets point into the text");
}

#[test]
fn explain_without_a_cue_shows_the_forward_sentences() {
    let ex = Extractor::builtin();
    let doc = Document::from_text(
        "x.txt",
        "新华社电 2024年某某省政府工作报告发布。去年全省生产总值增长5.2%。报告提出，今年全省生产总值增长6%左右。",
    );
    let e = ex.explain(&doc);
    assert_eq!(e.located_by, "forward sentences");
    assert_eq!(e.extraction.targets.len(), 1);
    assert!(
        e.notes
            .iter()
            .any(|n| !n.taken && n.text.contains("去年") && n.rule.contains("`去年`")),
        "{:#?}",
        e.notes
    );
    assert!(e.notes.iter().any(|n| n.taken && n.text.contains("今年")));
}

/// The floors of the real-text corpora (`fixtures/dev2`, `fixtures/real`):
/// each at the figure last measured, less a hair, so that a change that
/// loses ground on texts nobody tuned for fails here. Raise them when a
/// change lifts the figures; `fixtures/real/README.md` says how the
/// corpus was split.
#[test]
fn real_texts_hold_their_scores() {
    for (set, target_f1, metadata) in [
        ("dev2", 0.76, 0.98),
        ("real/dev", 0.72, 0.92),
        ("real/unseen", 0.70, 0.87),
    ] {
        let root = Path::new(FIX).join(set);
        let r = eval::evaluate(&root.join("gold"), &root.join("reports"), ex()).unwrap();
        let (f1, meta) = (r.targets.strict.f1, r.metadata.core_share());
        println!("{set}: targets strict F1 {f1:.3}, metadata {meta:.3}");
        assert!(
            f1 >= target_f1,
            "{set}: targets strict F1 {f1:.3} < {target_f1}"
        );
        assert!(meta >= metadata, "{set}: metadata {meta:.3} < {metadata}");
    }
}
