//! The derived tables: `reports_dedup` keeps one copy of a report reprinted
//! at several URLs, and `panel` puts next year's achieved figure beside each
//! target — read back by DuckDB.

use std::path::Path;

use crate::{out_dir, run_all};

/// An article page; the opening paragraph makes it long enough to read as
/// an article, not a listing.
fn page(title: &str, paragraphs: &[&str]) -> String {
    let opening = "各位代表：现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和其他列席人员提出意见。\
                   今年是全面贯彻落实党的二十大精神的开局之年，做好政府工作意义重大，我们要坚持稳中求进工作总基调，\
                   完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。";
    let mut body = String::new();
    for p in std::iter::once(opening).chain(paragraphs.iter().copied()) {
        body.push_str("<p>");
        body.push_str(p);
        body.push_str("</p>\n");
    }
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}_某某网</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/r/\">报告</a></div>\
         <h1>{title}</h1><div class=\"content\">{body}</div>\
         <div class=\"foot\">版权所有 某某网 ICP备12345678号</div></body></html>"
    )
}

fn write_site(dir: &Path) {
    let r2023 = page(
        "晋中市太谷区2023年政府工作报告",
        &[
            "一、2022年工作回顾",
            "过去一年，全区地区生产总值完成190亿元，增长4.5%。",
            "二、2023年工作安排",
            "今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。",
        ],
    );
    // the same report, reprinted with the review cut: fewer outcomes found
    let reprint = page(
        "晋中市太谷区2023年政府工作报告",
        &[
            "今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。",
        ],
    );
    let r2024 = page(
        "晋中市太谷区2024年政府工作报告",
        &[
            "一、2023年工作回顾",
            "过去一年，全区地区生产总值完成201亿元，增长5.2%；一般公共预算收入完成12亿元，增长4.1%。",
            "二、2024年工作安排",
            "今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长5%。",
        ],
    );
    let listing = "<html><head><meta charset=\"utf-8\"><title>报告</title></head><body><ul>\
        <li><a href=\"/r/2023.html\">太谷区2023年政府工作报告</a></li>\
        <li><a href=\"/r/copy-2023.html\">太谷区2023年政府工作报告(转载)</a></li>\
        <li><a href=\"/r/2024.html\">太谷区2024年政府工作报告</a></li></ul></body></html>";
    std::fs::create_dir_all(dir.join("r")).expect("mkdir");
    std::fs::write(dir.join("index.html"), listing).expect("write");
    std::fs::write(dir.join("r/2023.html"), r2023).expect("write");
    std::fs::write(dir.join("r/copy-2023.html"), reprint).expect("write");
    std::fs::write(dir.join("r/2024.html"), r2024).expect("write");
}

const QUERY: &str = r#"
import json, sys, duckdb
root = sys.argv[1]
dedup = duckdb.sql(f"select region_code, target_year, url, len(copies) from read_parquet('{root}/reports_dedup/*.parquet') order by target_year").fetchall()
panel = duckdb.sql(f"select target_year, indicator, target_value, qualifier, achieved_value from read_parquet('{root}/panel/*.parquet') order by target_year, indicator").fetchall()
print(json.dumps({"dedup": dedup, "panel": panel}, ensure_ascii=False))
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reprints_collapse_and_next_years_outcomes_join_the_targets() {
    let site_dir = tempfile::tempdir().expect("tempdir");
    write_site(site_dir.path());
    let site = baogao_e2e::Site::serve(site_dir.path(), 0)
        .await
        .expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    let config_text = std::fs::read_to_string(&config)
        .expect("config")
        .replace("follow = [\"/baogao/\"]", "follow = [\"/r/\"]");
    std::fs::write(&config, config_text).expect("config");
    let summary = run_all(&config).await;
    assert_eq!(
        summary.manifest.rows.get("reports"),
        Some(&3),
        "{summary:?} {:?}",
        site.requests()
    );
    assert_eq!(summary.manifest.rows.get("reports_dedup"), Some(&2));

    let out = out_dir(&config);
    let stdout = baogao_e2e::run_python(QUERY, &[out.to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let dedup = v["dedup"].as_array().expect("dedup");
    assert_eq!(dedup.len(), 2, "{dedup:?}");
    assert_eq!(dedup[0][0], "140703", "太谷区's code");
    assert!(
        dedup[0][2].as_str().expect("url").ends_with("/r/2023.html"),
        "the complete copy is kept: {dedup:?}"
    );
    assert_eq!(dedup[0][3], 2, "both copies linked");

    let row = |year: i64, ind: &str| {
        v["panel"]
            .as_array()
            .expect("panel")
            .iter()
            .find(|r| r[0] == year && r[1] == ind)
            .cloned()
            .unwrap_or_else(|| panic!("no {year} {ind} in {}", v["panel"]))
    };
    let gdp = row(2023, "gdp");
    assert_eq!((gdp[2].as_f64(), gdp[3].as_str()), (Some(6.0), Some("~")));
    assert_eq!(gdp[4].as_f64(), Some(5.2), "achieved, from the 2024 report");
    assert_eq!(row(2023, "general_budget_revenue")[4].as_f64(), Some(4.1));
    assert!(
        row(2023, "unemployment_rate")[4].is_null(),
        "not stated in 2024"
    );
    assert!(row(2024, "gdp")[4].is_null(), "no 2025 report");

    // a stage re-run rebuilds the same derived tables
    crate::run_stages(
        &config,
        baogao_pipeline::Stage::Extract,
        baogao_pipeline::Stage::Extract,
    )
    .await;
    let again = baogao_e2e::run_python(QUERY, &[out.to_str().expect("path")]);
    assert_eq!(again, stdout);
}
