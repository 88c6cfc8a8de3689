//! Stage re-runs read the previous stage's dataset, replace what that stage
//! produced, fetch nothing and duplicate nothing.

use baogao_model::{Document, Outcome, Report, Target};
use baogao_pipeline::Stage;

use crate::{out_dir, run_all, run_stages};

fn sorted_json<T: serde::Serialize>(rows: &[T]) -> Vec<String> {
    let mut v: Vec<String> = rows
        .iter()
        .map(|r| {
            let mut j = serde_json::to_value(r).expect("json");
            // When a row was written is not part of what it says.
            if let Some(o) = j.as_object_mut() {
                o.remove("extracted_at");
                o.remove("cleaned_at");
                o.remove("run_id");
            }
            j.to_string()
        })
        .collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stage_extract_rebuilds_the_same_tables_without_fetching() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let out = out_dir(&config);
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let reports: Vec<Report> = baogao_write::read_all(&out).expect("reports");
    let outcomes: Vec<Outcome> = baogao_write::read_all(&out).expect("outcomes");
    assert!(!targets.is_empty());
    let requests = site.requests().len();

    for _ in 0..2 {
        let summary = run_stages(&config, Stage::Extract, Stage::Extract).await;
        assert_eq!(summary.failed, 0);
        assert_eq!(site.requests().len(), requests, "--stage extract fetched");
        let again: Vec<Target> = baogao_write::read_all(&out).expect("targets");
        assert_eq!(
            sorted_json(&again),
            sorted_json(&targets),
            "targets after --stage extract"
        );
        let again: Vec<Report> = baogao_write::read_all(&out).expect("reports");
        assert_eq!(
            sorted_json(&again),
            sorted_json(&reports),
            "reports after --stage extract"
        );
        let again: Vec<Outcome> = baogao_write::read_all(&out).expect("outcomes");
        assert_eq!(
            sorted_json(&again),
            sorted_json(&outcomes),
            "outcomes after --stage extract"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stage_clean_then_from_clean_leave_one_row_per_document() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let out = out_dir(&config);
    let docs: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let requests = site.requests().len();

    // Only documents is rebuilt; targets stays as it was.
    run_stages(&config, Stage::Clean, Stage::Clean).await;
    let again: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    assert_eq!(sorted_json(&again), sorted_json(&docs));
    let t: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    assert_eq!(t.len(), targets.len());

    // --from clean: documents and everything after it.
    run_stages(&config, Stage::Clean, Stage::Extract).await;
    run_all(&config).await;
    let again: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    assert_eq!(again.len(), docs.len(), "no duplicated documents");
    let t: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    assert_eq!(
        sorted_json(&t),
        sorted_json(&targets),
        "no duplicated targets"
    );
    assert!(
        site.requests()[requests..]
            .iter()
            .all(|p| !p.starts_with("/baogao/hb/5955")),
        "committed articles were fetched again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stage_extract_on_an_empty_root_names_the_missing_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), "http://127.0.0.1:9", "");
    let config = baogao_pipeline::Config::load(&config).expect("config");
    let opts = baogao_pipeline::RunOptions {
        from: Stage::Extract,
        to: Stage::Extract,
        progress: false,
    };
    let err = baogao_pipeline::run(&config, opts, tokio_util::sync::CancellationToken::new())
        .await
        .expect_err("nothing to read");
    let msg = format!("{err:#}");
    assert!(msg.contains("documents"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stage_reruns_need_no_seeds_and_a_crawl_does() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let out = out_dir(&config);
    let docs: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    let requests = site.requests().len();

    // the same output, no `[fetch]` at all: re-runs read the dataset
    let seedless = dir.path().join("rerun.toml");
    std::fs::write(&seedless, "[pipeline]\noutput = \"out\"\n").expect("write config");
    run_stages(&seedless, Stage::Clean, Stage::Extract).await;
    run_stages(&seedless, Stage::Extract, Stage::Extract).await;
    let again: Vec<Document> = baogao_write::read_all(&out).expect("documents");
    assert_eq!(sorted_json(&again), sorted_json(&docs));

    // a crawl is refused before it starts, naming the key
    let config = baogao_pipeline::Config::load(&seedless).expect("config");
    let err = baogao_pipeline::run(
        &config,
        baogao_pipeline::RunOptions::default(),
        tokio_util::sync::CancellationToken::new(),
    )
    .await
    .expect_err("nothing to crawl");
    let msg = format!("{err:#}");
    assert!(msg.contains("`fetch.seeds`: no start URLs"), "{msg}");
    assert!(msg.contains("hint:"), "{msg}");
    assert_eq!(site.requests().len(), requests, "nothing was fetched");
    let runs = baogao_write::list_runs(&out).expect("runs");
    assert_eq!(
        runs.len(),
        3,
        "the refused crawl left no manifest: {runs:?}"
    );
}
