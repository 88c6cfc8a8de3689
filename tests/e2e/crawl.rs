//! A full crawl of the sample site: every gold target of every article comes
//! out of the `targets` table, with its clause, from text the cleaner made
//! of GBK and UTF-8, one-page and paginated articles.

use std::collections::BTreeMap;

use baogao_model::{Document, Page, PageKind, Report, Target};
use serde_json::Value;

use crate::{out_dir, run_all, site_articles};

/// The fields of a target that do not depend on where the text came from
/// (offsets differ between the seed text and the cleaned page).
fn comparable(v: &Value) -> String {
    let keys = [
        "indicator",
        "raw_name",
        "measure",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "stretch_value",
        "text",
    ];
    let norm = |x: &Value| match x {
        Value::Number(n) => Value::from(n.as_f64().expect("number")),
        other => other.clone(),
    };
    keys.iter()
        .map(|k| format!("{k}={}", norm(&v[*k])))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dangling URLs of the sample site's gold manifest that a page of the
/// site links to (the manifest also lists some that no page links to).
fn linked_dangling_urls() -> Vec<String> {
    let fixtures = baogao_e2e::fixtures();
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures.join("site-gold/manifest.json")).expect("manifest"),
    )
    .expect("manifest JSON");
    let mut pages = Vec::new();
    let mut dirs = vec![fixtures.join("site")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("site folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                pages.push(std::fs::read(&path).expect("page"));
            }
        }
    }
    manifest["dangling_urls"]
        .as_array()
        .expect("dangling_urls")
        .iter()
        .map(|u| u.as_str().expect("a path").to_owned())
        .filter(|path| {
            let name = path.rsplit('/').next().unwrap_or(path).as_bytes();
            pages
                .iter()
                .any(|p| p.windows(name.len()).any(|w| w == name))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_finds_every_gold_target_of_the_sample_site() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    let summary = run_all(&config).await;
    let out = out_dir(&config);

    // The sample links to missing articles on purpose: error rows, not
    // silence. The gold manifest lists them (`dangling_urls`); those some
    // page of the site links to are crawled.
    let dead = linked_dangling_urls();
    assert!(!dead.is_empty());
    assert_eq!(
        summary.failed,
        dead.len() as u64,
        "404 links become error rows: {summary:?}"
    );

    let pages: Vec<Page> = baogao_write::read_all(&out).expect("pages");
    let docs: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    let reports: Vec<Report> = baogao_write::read_all(&out).expect("reports");
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");

    for path in &dead {
        let url = format!("{}{path}", site.base());
        let row = pages
            .iter()
            .find(|p| p.url == url)
            .unwrap_or_else(|| panic!("no row for the dead link {url}"));
        assert_eq!(row.kind, PageKind::Error, "{url}");
        assert_eq!(row.status, Some(404), "{url}");
    }
    // robots.txt disallows /e/ and /search/: never requested.
    let requested = site.requests();
    assert!(
        !requested
            .iter()
            .any(|p| p.starts_with("/e/") || p.starts_with("/search/")),
        "robots-disallowed paths were fetched: {requested:?}"
    );

    let articles = site_articles();
    for (id, (stem, parts)) in &articles {
        let first = format!("{}{}", site.base(), parts[0]);
        let page = pages
            .iter()
            .find(|p| p.url == first && p.kind == PageKind::Html)
            .unwrap_or_else(|| panic!("article {id} was not fetched"));
        let expected_parts: Vec<String> = parts
            .iter()
            .map(|p| format!("{}{p}", site.base()))
            .collect();
        assert_eq!(
            page.page_urls, expected_parts,
            "pages of article {id}, in order"
        );

        let doc = docs
            .iter()
            .find(|d| d.url == first)
            .unwrap_or_else(|| panic!("no document for article {id}"));
        let gold_text =
            std::fs::read_to_string(baogao_e2e::fixtures().join(format!("site-gold/{id}.txt")))
                .expect("gold text");
        for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                doc.text.contains(line.trim()),
                "article {id}: the cleaned text lacks the gold paragraph «{line}»"
            );
        }

        let report = reports
            .iter()
            .find(|r| r.doc_id == doc.doc_id)
            .unwrap_or_else(|| panic!("no report for article {id}"));
        let gold = baogao_e2e::gold(&baogao_e2e::fixtures().join(format!("gold/{stem}.json")));
        assert_eq!(
            report.region.as_deref(),
            gold["region"].as_str(),
            "region of {id}"
        );
        assert_eq!(
            report.province.as_deref(),
            gold["province"].as_str(),
            "province of {id}"
        );
        assert_eq!(
            report.prefecture.as_deref(),
            gold["prefecture"].as_str(),
            "prefecture of {id}"
        );
        assert_eq!(
            report.level.map(baogao_model::Level::as_str),
            gold["level"].as_str(),
            "level of {id}"
        );
        let code = report.region_code.as_deref().unwrap_or_default();
        assert!(
            code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()),
            "GB/T 2260 code of {id}: {code:?}"
        );
        assert_eq!(
            report.target_year.map(i64::from),
            gold["target_year"].as_i64(),
            "target year of {id}"
        );

        let mut want: BTreeMap<String, usize> = BTreeMap::new();
        for t in gold["targets"].as_array().expect("targets") {
            *want.entry(comparable(t)).or_default() += 1;
        }
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        let chars: Vec<char> = doc.text.chars().collect();
        for t in targets.iter().filter(|t| t.doc_id == doc.doc_id) {
            // The evidence offsets point at the clause in the document text.
            let span: String = chars[t.char_start as usize..t.char_end as usize]
                .iter()
                .collect();
            assert_eq!(span, t.text, "offsets of «{}» in article {id}", t.text);
            let v = serde_json::to_value(t).expect("target as JSON");
            *got.entry(comparable(&v)).or_default() += 1;
        }
        assert_eq!(got, want, "targets of article {id} ({stem})");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gbk_pages_decode_to_chinese_text() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let pages: Vec<Page> = baogao_write::read_all(&out_dir(&config)).expect("pages");
    let gbk = pages
        .iter()
        .find(|p| p.url.ends_with("/baogao/hb/5955.html"))
        .expect("the GBK article");
    let body = gbk.body.as_deref().expect("body");
    assert!(body.contains("长治市"), "GBK body decoded");
    assert!(!body.contains('\u{fffd}'), "no replacement characters");
    assert_eq!(gbk.declared_charset.as_deref(), Some("gb2312"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_fetches_nothing_committed_and_duplicates_nothing() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let out = out_dir(&config);
    let before: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let html_fetched = |paths: &[String]| {
        paths
            .iter()
            .filter(|p| p.starts_with("/baogao/hb/5955"))
            .count()
    };
    let first = site.requests();
    assert_eq!(html_fetched(&first), 3, "three parts of 5955, once each");

    run_all(&config).await;
    let second: Vec<String> = site.requests()[first.len()..].to_vec();
    assert_eq!(
        html_fetched(&second),
        0,
        "committed articles are not fetched again: {second:?}"
    );
    let after: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    assert_eq!(after.len(), before.len(), "no duplicated targets");
    let pages: Vec<Page> = baogao_write::read_all(&out).expect("pages");
    let mut urls: Vec<&str> = pages.iter().map(|p| p.url.as_str()).collect();
    let n = urls.len();
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), n, "each URL once in `pages`");
}
