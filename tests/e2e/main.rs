//! End-to-end tests: the whole pipeline against a loopback copy of the
//! sample site, stage re-runs, and the output read back by DuckDB and
//! pyarrow/pandas. One test binary, a module per area.

mod crawl;
mod panel;
mod readers;
mod rerun;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baogao_pipeline::{Config, RunOptions, RunSummary, Stage};
use tokio_util::sync::CancellationToken;

/// Loads `config` and runs the stages `from..=to`.
async fn run_stages(config: &Path, from: Stage, to: Stage) -> RunSummary {
    let config = Config::load(config).expect("config loads");
    let opts = RunOptions {
        from,
        to,
        progress: false,
    };
    baogao_pipeline::run(&config, opts, CancellationToken::new())
        .await
        .expect("run succeeds")
}

/// A full run (fetch → extract).
async fn run_all(config: &Path) -> RunSummary {
    run_stages(config, Stage::Fetch, Stage::Extract).await
}

/// The sample site's articles: id → (gold stem, pages), from the manifest.
fn site_articles() -> BTreeMap<String, (String, Vec<String>)> {
    let manifest = baogao_e2e::gold(&baogao_e2e::fixtures().join("site-gold/manifest.json"));
    manifest["articles"]
        .as_object()
        .expect("articles")
        .iter()
        .map(|(id, a)| {
            let stem = a["stem"].as_str().expect("stem").to_owned();
            let pages = a["pages"]
                .as_array()
                .expect("pages")
                .iter()
                .map(|p| p.as_str().expect("page").to_owned())
                .collect();
            (id.clone(), (stem, pages))
        })
        .collect()
}

fn out_dir(config: &Path) -> PathBuf {
    config.parent().expect("config dir").join("out")
}
