//! The source of a run: the crawler (a run from `fetch`), or a scan of the
//! dataset the first stage reads (`pages` for `--from clean`, `documents`
//! for `--from extract`). Either sends [`Item`]s down the first channel and
//! stops early when `stop` fires.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use baogao_fetch::{CrawlStats, Crawler, Previous};
use baogao_model::{Document, ErrorKind, Page, PageKind};
use baogao_write::Table;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::Item;
use super::counters::Counters;
use crate::config::Config;
use crate::{PipelineError, Stage};

/// The source task: the crawl's statistics (a crawl) or `None` (a dataset scan).
pub(super) type SourceTask = JoinHandle<Result<Option<CrawlStats>, PipelineError>>;

/// Starts the source of a run beginning at `from`. Fails before starting when the input
/// dataset of a stage re-run is missing, or the crawler cannot be built.
pub(super) fn spawn(
    config: &Config,
    from: Stage,
    counters: &Arc<Counters>,
    stop: CancellationToken,
    tx: mpsc::Sender<Item>,
) -> Result<SourceTask, PipelineError> {
    let root = config.output.clone();
    match from {
        Stage::Fetch => crawl(config, counters.clone(), stop, tx),
        Stage::Clean => {
            let root = input(root, Table::Pages, "fetch")?;
            Ok(scan::<Page>(root, stop, tx, |page| {
                (page.kind == PageKind::Html).then(|| Item::page(page))
            }))
        }
        Stage::Extract => {
            let root = input(root, Table::Documents, "clean")?;
            Ok(scan::<Document>(root, stop, tx, |doc| {
                Some(Item::document(doc))
            }))
        }
    }
}

/// `root` when it holds the dataset of `table`, else the error naming the stage to run first.
fn input(root: PathBuf, table: Table, previous: &'static str) -> Result<PathBuf, PipelineError> {
    if root.join(table.name()).exists() {
        Ok(root)
    } else {
        Err(PipelineError::MissingInput {
            table: table.name(),
            root,
            previous,
        })
    }
}

/// Scans the committed rows of `R` on a blocking thread, sending on what `item` makes of each.
fn scan<R: baogao_write::Row + Send + 'static>(
    root: PathBuf,
    stop: CancellationToken,
    tx: mpsc::Sender<Item>,
    item: impl Fn(R) -> Option<Item> + Send + 'static,
) -> SourceTask {
    tokio::task::spawn_blocking(move || {
        baogao_write::scan::<R>(&root, |rows| {
            for row in rows {
                if stop.is_cancelled() {
                    break;
                }
                let Some(item) = item(row) else { continue };
                if tx.blocking_send(item).is_err() {
                    break;
                }
            }
            Ok(())
        })?;
        Ok(None)
    })
}

/// Starts the crawl. Articles committed by earlier runs are skipped (or re-requested
/// conditionally with `fetch.recheck`).
///
/// `fetch.max_pages` is also enforced here, on the rows that go down to be committed: the
/// crawler checks its budget before starting a batch of requests, so the requests in flight
/// when it runs out can bring a few rows more. Those are dropped (the next run fetches them)
/// and the crawl is stopped as soon as the budget is spent.
fn crawl(
    config: &Config,
    counters: Arc<Counters>,
    stop: CancellationToken,
    tx: mpsc::Sender<Item>,
) -> Result<SourceTask, PipelineError> {
    let Committed {
        skip,
        previous,
        failed,
    } = committed_pages(&config.output, config.recheck)?;
    // error rows of earlier runs are requested again, as seeds: a dead link on
    // a committed article would otherwise never be met again
    let mut fetch = config.fetch.clone();
    let seeded: HashSet<String> = fetch.seeds.iter().map(|u| u.as_str().to_owned()).collect();
    let before = fetch.seeds.len();
    fetch.seeds.extend(
        failed
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .filter(|u| !skip.contains(u.as_str()) && !seeded.contains(u.as_str())),
    );
    let retried = fetch.seeds.len() - before;
    if retried > 0 {
        tracing::info!(retried, "requesting the error rows of earlier runs again");
    }
    let crawler = Crawler::new(fetch)?;
    let budget = config.fetch.max_pages;
    Ok(tokio::spawn(async move {
        let stats = crawler
            .run(&skip, &previous, stop.clone(), |page: Page| {
                let tx = tx.clone();
                let counters = counters.clone();
                let stop = stop.clone();
                async move {
                    if page.kind == PageKind::Unchanged {
                        Counters::add(&counters.unchanged, 1);
                        return;
                    }
                    if budget.is_some_and(|m| Counters::load(&counters.fetched) >= m) {
                        Counters::add(&counters.over_budget, 1);
                        stop.cancel();
                        return;
                    }
                    if page.kind == PageKind::Error {
                        counters.error(page.error_kind.unwrap_or(ErrorKind::Other));
                    }
                    let fetched = counters
                        .fetched
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                        + 1;
                    if budget.is_some_and(|m| fetched >= m) {
                        stop.cancel();
                    }
                    let t = Instant::now();
                    if tx.send(Item::page(page)).await.is_err() {
                        // a later stage ended early (the writer failed): nothing more can be
                        // committed
                        stop.cancel();
                    }
                    Counters::add_time(&counters.fetch_blocked_us, t.elapsed());
                }
            })
            .await;
        tracing::debug!(?stats, "crawl finished");
        Ok(Some(stats))
    }))
}

/// What earlier runs left in `pages`.
struct Committed {
    /// Articles committed (not fetched again).
    skip: HashSet<String>,
    /// What is known of them for conditional requests when `recheck` is on.
    previous: HashMap<String, Previous>,
    /// URLs whose request failed for a reason a new request may cure (an
    /// error status, a timeout, a lost connection; not a rule of robots.txt or
    /// of the crawl), each once, in the order stored.
    failed: Vec<String>,
}

fn committed_pages(root: &Path, recheck: bool) -> Result<Committed, PipelineError> {
    let rows = baogao_write::read_strings(
        root,
        Table::Pages,
        &[
            "url",
            "kind",
            "etag",
            "last_modified",
            "body_sha256",
            "error",
            "error_kind",
        ],
    )?;
    let mut skip = HashSet::new();
    let mut previous = HashMap::new();
    let mut failed = Vec::new();
    let mut failed_seen = HashSet::new();
    for mut r in rows {
        let kind = r[1].as_deref().and_then(PageKind::parse);
        let Some(url) = r[0].take() else { continue };
        if kind == Some(PageKind::Error) {
            let why = ErrorKind::of_stored(r[6].as_deref(), None, r[5].as_deref());
            if !matches!(why, ErrorKind::Robots | ErrorKind::Redirect)
                && failed_seen.insert(url.clone())
            {
                failed.push(url);
            }
            continue;
        }
        if let Some(PageKind::Html | PageKind::Binary) = kind {
            if recheck {
                previous.insert(
                    url,
                    Previous {
                        etag: r[2].take(),
                        last_modified: r[3].take(),
                        body_sha256: r[4].take(),
                    },
                );
            } else {
                skip.insert(url);
            }
        }
    }
    Ok(Committed {
        skip,
        previous,
        failed,
    })
}
