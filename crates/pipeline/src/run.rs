//! The stage runner: tasks, bounded channels, checkpoints, shutdown.
//!
//! ```text
//! source ──▶ clean ──▶ extract ──▶ write
//! ```
//!
//! The source is the crawler (a full run) or a dataset scan (a stage
//! re-run). Every hop is a bounded channel carrying one [`Item`]: a page and
//! what later stages made of it, so that a checkpoint commits a page together
//! with its document, report, targets and outcomes, and a slow writer slows
//! the crawler instead of growing memory. CPU stages run on blocking threads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use baogao_extract::{Extraction, Extractor};
use baogao_fetch::{Crawler, Previous};
use baogao_model::{DedupRow, Document, Outcome, Page, PageKind, Report, Target};
use baogao_write::{
    CommitMode, OutputLock, RunManifest, RunStatus, StageCounts, Table, TableWriter, WriteError,
};
use chrono::Utc;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::config::{Config, Dictionary};
use crate::{PipelineError, Stage};

/// What `baogao run` was asked to do.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// First stage to run; earlier stages' datasets are read instead.
    pub from: Stage,
    /// Last stage to run.
    pub to: Stage,
    /// Draw a progress line on the terminal.
    pub progress: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            from: Stage::Fetch,
            to: Stage::Extract,
            progress: false,
        }
    }
}

/// The outcome of a run: its manifest and how many records failed.
#[derive(Debug, Clone)]
pub struct RunSummary {
    pub manifest: RunManifest,
    /// Records that failed (error pages, …): exit code 1 when non-zero.
    pub failed: u64,
}

/// One record on its way through the stages.
struct Item {
    page: Option<Page>,
    doc: Option<Document>,
    extraction: Option<Extraction>,
}

#[derive(Default)]
struct Counters {
    fetched: AtomicU64,
    /// Rows the crawler gave past `fetch.max_pages` (dropped, fetched next run).
    over_budget: AtomicU64,
    fetch_errors: AtomicU64,
    unchanged: AtomicU64,
    cleaned: AtomicU64,
    extracted: AtomicU64,
    targets: AtomicU64,
    outcomes: AtomicU64,
    written: AtomicU64,
    fetch_blocked_us: AtomicU64,
    clean_busy_us: AtomicU64,
    clean_blocked_us: AtomicU64,
    extract_busy_us: AtomicU64,
    extract_blocked_us: AtomicU64,
    write_busy_us: AtomicU64,
    errors: std::sync::Mutex<BTreeMap<String, u64>>,
}

fn micros(d: Duration) -> u64 {
    d.as_micros() as u64
}

fn secs(us: &AtomicU64) -> f64 {
    us.load(Ordering::Relaxed) as f64 / 1e6
}

/// A new run id: UTC time plus a few random hex digits.
#[must_use]
pub fn new_run_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{}-{:04x}",
        Utc::now().format("%Y%m%dT%H%M%SZ"),
        (nanos ^ std::process::id()) & 0xffff
    )
}

/// The error chain of `err` on one line (`outer: inner`).
fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Builds the extractor the config asks for.
pub fn build_extractor(config: &Config) -> Result<Extractor, PipelineError> {
    let mut ex = match &config.dictionary {
        Dictionary::Builtin => Extractor::builtin(),
        Dictionary::File(p) => Extractor::from_dictionary_file(p)?,
    };
    for p in &config.extra_dictionaries {
        ex = ex.with_extra_dictionary(p)?;
    }
    Ok(ex.with_outcomes(config.outcomes))
}

/// Runs the pipeline described by `config` from `opts.from` to `opts.to`.
///
/// Before anything else a crawl is refused without seeds
/// ([`Config::check_for`]) and the output is probed for writability
/// (`baogao_write::check_writable`). Ctrl-C (or `cancel`) stops the source;
/// what is in flight drains through the stages and is committed, bounded by
/// `pipeline.drain_deadline`. A write that fails (a full disk) stops the
/// source at once: what earlier checkpoints committed stays, the rest is
/// dropped, a `failed` manifest is written if it can be, and the error is
/// [`PipelineError::WriteFailed`].
pub async fn run(
    config: &Config,
    opts: RunOptions,
    cancel: CancellationToken,
) -> Result<RunSummary, PipelineError> {
    let started = Instant::now();
    let started_at = Utc::now();
    let run_id = new_run_id();
    let root = config.output.clone();
    config.check_for(opts.from)?;
    // A read-only or full output is found now, not at the first commit after a crawl.
    baogao_write::check_writable(&root)?;
    // Held by this function and by the write task: when the drain deadline
    // passes, the writer may still be committing a checkpoint, and no other
    // run may take the output before it stops.
    let lock = Arc::new(OutputLock::acquire(&root, &run_id)?);
    let recovered = baogao_write::recover(&root)?;
    if !recovered.is_empty() {
        tracing::info!(runs = ?recovered, "finished commits of interrupted runs");
    }
    if let Some((killed, since)) = lock.took_over() {
        killed_manifest(&root, killed, since, &run_id)?;
    }

    let extractor = Arc::new(build_extractor(config)?);
    let counters = Arc::new(Counters::default());
    let cap = config.channel_capacity;
    let (src_tx, src_rx) = mpsc::channel::<Item>(cap);
    let (clean_tx, clean_rx) = mpsc::channel::<Item>(cap);
    let (ext_tx, ext_rx) = mpsc::channel::<Item>(cap);

    if let Some(limit) = config.max_duration {
        let c = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(limit).await;
            tracing::info!("max_duration reached; stopping");
            c.cancel();
        });
    }

    // Tables written and how they are committed.
    let mut tables: Vec<(Table, CommitMode)> = Vec::new();
    let upsert = opts.from == Stage::Fetch;
    let mode = if upsert {
        CommitMode::Upsert
    } else {
        CommitMode::Replace
    };
    if opts.from == Stage::Fetch {
        tables.push((Table::Pages, CommitMode::Upsert));
    }
    if opts.from <= Stage::Clean && opts.to >= Stage::Clean {
        tables.push((Table::Documents, mode));
    }
    if opts.to >= Stage::Extract {
        tables.push((Table::Reports, mode));
        tables.push((Table::Targets, mode));
        tables.push((Table::Outcomes, mode));
    }

    let progress = {
        let c = counters.clone();
        crate::progress::Progress::start(opts.progress, move || {
            let l = |a: &AtomicU64| a.load(Ordering::Relaxed);
            format!(
                "pages fetched {} · cleaned {} · targets {} · written {} · errors {}",
                l(&c.fetched),
                l(&c.cleaned),
                l(&c.targets),
                l(&c.written),
                l(&c.fetch_errors)
            )
        })
    };

    // Stops the source (the crawl, or a dataset scan) without cancelling the run: the page
    // budget is spent, or the writer failed (a full disk) and nothing more can be committed.
    let stop_source = cancel.child_token();

    // Source.
    let source = {
        let counters = counters.clone();
        let root = root.clone();
        let config = config.clone();
        let stop_source = stop_source.clone();
        match opts.from {
            Stage::Fetch => {
                let (skip, previous) = committed_pages(&root, config.recheck)?;
                let crawler = Crawler::new(config.fetch.clone())?;
                // `fetch.max_pages` is also enforced here, on the rows that
                // go down to be committed: the crawler checks its budget
                // before starting a batch of requests, so the requests in
                // flight when it runs out can bring a few rows more. Those
                // are dropped (the next run fetches them) and the crawl is
                // stopped as soon as the budget is spent.
                let budget = config.fetch.max_pages;
                let crawl_cancel = stop_source;
                tokio::spawn(async move {
                    let tx = src_tx;
                    let stats = crawler
                        .run(&skip, &previous, crawl_cancel.clone(), |page: Page| {
                            let tx = tx.clone();
                            let counters = counters.clone();
                            let crawl_cancel = crawl_cancel.clone();
                            async move {
                                if page.kind == PageKind::Unchanged {
                                    counters.unchanged.fetch_add(1, Ordering::Relaxed);
                                    return;
                                }
                                if budget
                                    .is_some_and(|m| counters.fetched.load(Ordering::Relaxed) >= m)
                                {
                                    counters.over_budget.fetch_add(1, Ordering::Relaxed);
                                    crawl_cancel.cancel();
                                    return;
                                }
                                if page.kind == PageKind::Error {
                                    counters.fetch_errors.fetch_add(1, Ordering::Relaxed);
                                    *counters
                                        .errors
                                        .lock()
                                        .expect("errors")
                                        .entry(baogao_model::error_kind(
                                            page.status,
                                            page.error.as_deref(),
                                        ))
                                        .or_default() += 1;
                                }
                                let fetched = counters.fetched.fetch_add(1, Ordering::Relaxed) + 1;
                                if budget.is_some_and(|m| fetched >= m) {
                                    crawl_cancel.cancel();
                                }
                                let t = Instant::now();
                                let sent = tx
                                    .send(Item {
                                        page: Some(page),
                                        doc: None,
                                        extraction: None,
                                    })
                                    .await;
                                if sent.is_err() {
                                    // a later stage ended early (the writer failed):
                                    // nothing more can be committed
                                    crawl_cancel.cancel();
                                }
                                counters
                                    .fetch_blocked_us
                                    .fetch_add(micros(t.elapsed()), Ordering::Relaxed);
                            }
                        })
                        .await;
                    tracing::debug!(?stats, "crawl finished");
                    Ok::<_, PipelineError>(Some(stats))
                })
            }
            Stage::Clean => {
                if !root.join("pages").exists() {
                    return Err(PipelineError::MissingInput {
                        table: "pages",
                        root,
                        previous: "fetch",
                    });
                }
                tokio::task::spawn_blocking(move || {
                    baogao_write::scan::<Page>(&root, |pages| {
                        for page in pages {
                            if stop_source.is_cancelled() {
                                break;
                            }
                            if page.kind != PageKind::Html {
                                continue;
                            }
                            if src_tx
                                .blocking_send(Item {
                                    page: Some(page),
                                    doc: None,
                                    extraction: None,
                                })
                                .is_err()
                            {
                                break;
                            }
                        }
                        Ok(())
                    })?;
                    Ok(None)
                })
            }
            Stage::Extract => {
                if !root.join("documents").exists() {
                    return Err(PipelineError::MissingInput {
                        table: "documents",
                        root,
                        previous: "clean",
                    });
                }
                tokio::task::spawn_blocking(move || {
                    baogao_write::scan::<Document>(&root, |docs| {
                        for doc in docs {
                            if stop_source.is_cancelled() {
                                break;
                            }
                            if src_tx
                                .blocking_send(Item {
                                    page: None,
                                    doc: Some(doc),
                                    extraction: None,
                                })
                                .is_err()
                            {
                                break;
                            }
                        }
                        Ok(())
                    })?;
                    Ok(None)
                })
            }
        }
    };

    // Clean.
    let clean_task = {
        let counters = counters.clone();
        let rules = config.clean.clone();
        let enabled = opts.from <= Stage::Clean && opts.to >= Stage::Clean;
        tokio::task::spawn_blocking(move || {
            let c = &*counters;
            stage_loop(
                src_rx,
                &clean_tx,
                &c.clean_busy_us,
                &c.clean_blocked_us,
                |item| {
                    if enabled
                        && let Some(page) = &item.page
                        && page.kind == PageKind::Html
                        && page.body.is_some()
                    {
                        item.doc = Some(baogao_clean::clean(page, &rules));
                        c.cleaned.fetch_add(1, Ordering::Relaxed);
                    }
                },
            );
        })
    };

    // Extract.
    let extract_task = {
        let counters = counters.clone();
        let extractor = extractor.clone();
        let enabled = opts.to >= Stage::Extract;
        tokio::task::spawn_blocking(move || {
            let c = &*counters;
            stage_loop(
                clean_rx,
                &ext_tx,
                &c.extract_busy_us,
                &c.extract_blocked_us,
                |item| {
                    if enabled && let Some(doc) = &item.doc {
                        let ex = extractor.extract(doc);
                        c.extracted.fetch_add(1, Ordering::Relaxed);
                        c.targets
                            .fetch_add(ex.targets.len() as u64, Ordering::Relaxed);
                        c.outcomes
                            .fetch_add(ex.outcomes.len() as u64, Ordering::Relaxed);
                        item.extraction = Some(ex);
                    }
                },
            );
        })
    };

    // Write.
    let write_task = {
        let counters = counters.clone();
        let root = root.clone();
        let run_id = run_id.clone();
        let tables = tables.clone();
        let wopts = config.write.clone();
        let every = config.checkpoint_pages;
        let interval = config.checkpoint_interval;
        let checkpoints = upsert;
        let lock = lock.clone();
        let stop_source = stop_source.clone();
        let handle = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || {
            let cadence = Cadence {
                every,
                interval,
                checkpoints,
                handle,
            };
            let written = write_loop(
                &root, &run_id, &tables, &wopts, ext_rx, &counters, &cadence, &lock,
            );
            if let Err(err) = &written {
                // stop fetching at once: what comes now could not be committed
                tracing::info!(err = %err, "writing the output failed; stopping the run");
                stop_source.cancel();
            }
            written
        })
    };

    // Wait for the source, then for the drain. Once cancelled (Ctrl-C,
    // max_duration), both together are bounded by `drain_deadline`.
    let ctx = ManifestCtx {
        run_id: &run_id,
        started,
        started_at,
        opts,
        config,
        counters: &counters,
    };
    let mut source = source;
    let mut deadline = None;
    let source_result = tokio::select! {
        r = &mut source => r,
        () = cancel.cancelled() => {
            let d = tokio::time::Instant::now() + config.drain_deadline;
            deadline = Some(d);
            if let Ok(r) = tokio::time::timeout_at(d, &mut source).await {
                r
            } else {
                source.abort();
                progress.finish();
                return Err(drain_timed_out(&ctx, &root)?);
            }
        }
    }
    .map_err(|e| PipelineError::Stage {
        stage: "source",
        message: e.to_string(),
    })?;
    let drain = async {
        let c = clean_task.await;
        let e = extract_task.await;
        let w = write_task.await;
        (c, e, w)
    };
    tokio::pin!(drain);
    let (c, e, w) = tokio::select! {
        r = &mut drain => r,
        () = cancel.cancelled() => {
            let d = deadline
                .unwrap_or_else(|| tokio::time::Instant::now() + config.drain_deadline);
            if let Ok(r) = tokio::time::timeout_at(d, &mut drain).await {
                r
            } else {
                progress.finish();
                return Err(drain_timed_out(&ctx, &root)?);
            }
        }
    };
    progress.finish();
    for (stage, r) in [("clean", c), ("extract", e)] {
        r.map_err(|err| PipelineError::Stage {
            stage,
            message: err.to_string(),
        })?;
    }
    let rows = match w {
        Ok(Ok(rows)) => rows,
        Ok(Err(err)) => {
            // What earlier checkpoints committed stays; what was staged since is dropped
            // (the next run fetches it again). The manifest says so if it can be written.
            let _ = baogao_write::discard(&root, &run_id);
            let note = format!("stopped: cannot write the output: {}", chain(&err));
            let manifest = ctx.manifest(RunStatus::Failed, None, BTreeMap::new(), Some(note));
            if let Err(e) = manifest.write(&root) {
                tracing::warn!(err = %e, "the manifest of the failed run could not be written");
            }
            return Err(PipelineError::WriteFailed { source: err });
        }
        Err(err) => {
            return Err(PipelineError::Stage {
                stage: "write",
                message: err.to_string(),
            });
        }
    };
    let crawl_stats = source_result?;

    // Final commit, the compaction of a crawl's checkpoint files, the derived
    // tables, then the manifest.
    baogao_write::commit(&root, &run_id, &tables)?;
    if upsert {
        let (root, wopts, lock) = (root.clone(), config.write.clone(), lock.clone());
        let merged = tokio::task::spawn_blocking(move || {
            let mut files = 0;
            for t in Table::ALL {
                files += baogao_write::list_files(&root.join(t.name()))?.len();
            }
            if files <= AUTO_COMPACT_FILES {
                return Ok(Vec::new());
            }
            baogao_write::compact_held(&root, &wopts, &lock)
        })
        .await
        .map_err(|err| PipelineError::Stage {
            stage: "write",
            message: err.to_string(),
        })?;
        match merged {
            Ok(done) => {
                let before: usize = done.iter().map(|c| c.files_before).sum();
                let after: usize = done.iter().map(|c| c.files_after).sum();
                tracing::debug!(before, after, "compacted the checkpoint files");
            }
            // Everything is committed already; `baogao compact` can merge the files later.
            Err(err) => tracing::warn!(err = %err, "compacting the run's files failed"),
        }
    }
    let mut rows = rows;
    if opts.to >= Stage::Extract {
        let (root, wopts) = (root.clone(), config.write.clone());
        let (dedup, panel) = tokio::task::spawn_blocking(move || rebuild_derived(&root, &wopts))
            .await
            .map_err(|err| PipelineError::Stage {
                stage: "write",
                message: err.to_string(),
            })??;
        rows.insert("reports_dedup", dedup);
        rows.insert("panel", panel);
    }

    let failed = counters.fetch_errors.load(Ordering::Relaxed);
    let budget_spent = counters.over_budget.load(Ordering::Relaxed) > 0
        || crawl_stats.as_ref().is_some_and(|s| s.left_unfetched > 0);
    let interrupted = cancel.is_cancelled() || budget_spent;
    let status = if interrupted {
        RunStatus::Interrupted
    } else if failed > 0 {
        RunStatus::Partial
    } else {
        RunStatus::Ok
    };
    let note = if cancel.is_cancelled() {
        Some(
            "stopped before the crawl was done (Ctrl-C or max_duration); the next run resumes"
                .to_owned(),
        )
    } else if budget_spent {
        Some("max_pages reached; the next run resumes".to_owned())
    } else {
        None
    };
    let manifest = ctx.manifest(status, crawl_stats.as_ref(), rows, note);
    manifest.write(&root)?;
    Ok(RunSummary { manifest, failed })
}

/// One CPU stage on a blocking thread: receive, `work` on the item, send
/// it on; time spent working and time blocked in `send` (the backpressure
/// signal) go to `busy` and `blocked`. Ends when either channel closes.
fn stage_loop(
    mut rx: mpsc::Receiver<Item>,
    tx: &mpsc::Sender<Item>,
    busy: &AtomicU64,
    blocked: &AtomicU64,
    mut work: impl FnMut(&mut Item),
) {
    while let Some(mut item) = rx.blocking_recv() {
        let t = Instant::now();
        work(&mut item);
        busy.fetch_add(micros(t.elapsed()), Ordering::Relaxed);
        let t = Instant::now();
        if tx.blocking_send(item).is_err() {
            break;
        }
        blocked.fetch_add(micros(t.elapsed()), Ordering::Relaxed);
    }
}

/// Rebuilds `reports_dedup` and `panel` from the whole committed `reports`,
/// `targets` and `outcomes` tables (see `baogao_extract::panel` for the
/// rules); returns their row counts. The reports are deduplicated a batch at
/// a time (holding each copy's `doc_id`, URL and rank, not the rows), and the
/// panel is built a run of region codes at a time ([`region_shards`]),
/// holding only those reports' targets and outcomes.
pub fn rebuild_derived(
    root: &std::path::Path,
    wopts: &baogao_write::WriteOptions,
) -> Result<(u64, u64), PipelineError> {
    let kept = {
        let mut dedup = baogao_extract::panel::Dedup::default();
        baogao_write::scan::<Report>(root, |reports| {
            for r in &reports {
                dedup.add(r);
            }
            Ok(())
        })?;
        // text lengths break ties between copies: only those of region-years
        // with several copies are kept (read a batch at a time)
        let contested: HashSet<&str> = dedup.contested().collect();
        let chars = if contested.is_empty() {
            HashMap::new()
        } else {
            baogao_write::document_lengths(root, |id| contested.contains(id))?
        };
        drop(contested);
        dedup.finish(&chars)
    };
    baogao_write::write_reports_dedup(root, &kept, wopts)?;
    let mut panel = baogao_write::PanelWriter::create(root, wopts)?;
    let mut panel_rows = 0;
    for shard in region_shards(&kept, shard_reports(kept.len())) {
        let docs: HashSet<&str> = shard.iter().map(|d| d.doc_id.as_str()).collect();
        let targets: Vec<Target> = rows_of(root, |t: &Target| docs.contains(t.doc_id.as_str()))?;
        let outcomes: Vec<Outcome> = rows_of(root, |o: &Outcome| docs.contains(o.doc_id.as_str()))?;
        let rows = baogao_extract::panel::panel(shard, &targets, &outcomes);
        panel_rows += rows.len() as u64;
        panel.write(&rows)?;
    }
    panel.commit()?;
    Ok((kept.len() as u64, panel_rows))
}

/// The committed rows of table `R` that `keep` keeps, read a batch at a time.
fn rows_of<R: baogao_write::Row>(
    root: &std::path::Path,
    keep: impl Fn(&R) -> bool,
) -> Result<Vec<R>, PipelineError> {
    let mut out = Vec::new();
    baogao_write::scan::<R>(root, |rows| {
        out.extend(rows.into_iter().filter(|r| keep(r)));
        Ok(())
    })?;
    Ok(out)
}

/// Kept reports whose targets and outcomes one part of the panel rebuild holds at once
/// (~4 kB each), up to [`PANEL_MAX_SCANS`] parts.
const PANEL_SHARD_REPORTS: usize = 2_000;
/// Most parts of the panel rebuild: each part reads the `targets` and `outcomes` tables once.
const PANEL_MAX_SCANS: usize = 16;

/// Reports per part of the panel rebuild for `kept` kept reports: [`PANEL_SHARD_REPORTS`],
/// or more when that would take more than [`PANEL_MAX_SCANS`] reads of the tables (memory
/// then grows as 1/16 of the reports, time stays linear).
fn shard_reports(kept: usize) -> usize {
    PANEL_SHARD_REPORTS.max(kept.div_ceil(PANEL_MAX_SCANS))
}

/// `kept` (sorted by region code and year) cut into runs of whole region codes of about
/// `size` reports: a region's years are in one part, as the panel pairs each year's targets
/// with the next year's outcomes. The parts come in order, so the panel file keeps the order
/// of one whole rebuild.
fn region_shards(kept: &[DedupRow], size: usize) -> impl Iterator<Item = &[DedupRow]> {
    let mut rest = kept;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while end < rest.len() && rest[end].region_code == rest[end - 1].region_code {
            end += 1;
        }
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some(part)
    })
}

/// What a manifest is made of, besides how the run ended.
struct ManifestCtx<'a> {
    run_id: &'a str,
    started: Instant,
    started_at: chrono::DateTime<Utc>,
    opts: RunOptions,
    config: &'a Config,
    counters: &'a Counters,
}

impl ManifestCtx<'_> {
    fn manifest(
        &self,
        status: RunStatus,
        crawl_stats: Option<&baogao_fetch::CrawlStats>,
        rows: BTreeMap<&'static str, u64>,
        note: Option<String>,
    ) -> RunManifest {
        let (opts, counters) = (self.opts, self.counters);
        let failed = counters.fetch_errors.load(Ordering::Relaxed);
        let mut counts = BTreeMap::new();
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        if opts.from == Stage::Fetch {
            counts.insert(
                "fetch".to_owned(),
                StageCounts {
                    input: crawl_stats.map_or(0, |s| s.requests),
                    output: load(&counters.fetched),
                    errors: failed,
                    busy_seconds: 0.0,
                    blocked_seconds: secs(&counters.fetch_blocked_us),
                },
            );
        }
        if opts.from <= Stage::Clean && opts.to >= Stage::Clean {
            counts.insert(
                "clean".to_owned(),
                StageCounts {
                    input: load(&counters.cleaned),
                    output: load(&counters.cleaned),
                    errors: 0,
                    busy_seconds: secs(&counters.clean_busy_us),
                    blocked_seconds: secs(&counters.clean_blocked_us),
                },
            );
        }
        if opts.to >= Stage::Extract {
            counts.insert(
                "extract".to_owned(),
                StageCounts {
                    input: load(&counters.extracted),
                    output: load(&counters.targets),
                    errors: 0,
                    busy_seconds: secs(&counters.extract_busy_us),
                    blocked_seconds: secs(&counters.extract_blocked_us),
                },
            );
        }
        counts.insert(
            "write".to_owned(),
            StageCounts {
                input: load(&counters.written),
                output: rows.values().sum(),
                errors: 0,
                busy_seconds: secs(&counters.write_busy_us),
                blocked_seconds: 0.0,
            },
        );
        let mut versions = BTreeMap::new();
        versions.insert("baogao".to_owned(), env!("CARGO_PKG_VERSION").to_owned());
        versions.insert("schema".to_owned(), baogao_write::SCHEMA_VERSION.to_owned());
        versions.insert(
            "extractor".to_owned(),
            baogao_model::EXTRACTOR_VERSION.to_owned(),
        );
        let mut errors = counters.errors.lock().expect("errors").clone();
        if let Some(s) = crawl_stats
            && s.robots_blocked > 0
        {
            errors.entry("robots".into()).or_insert(s.robots_blocked);
        }
        RunManifest {
            run_id: self.run_id.to_owned(),
            status,
            started_at: self.started_at,
            finished_at: Utc::now(),
            stages: Stage::ALL
                .into_iter()
                .filter(|s| *s >= opts.from && *s <= opts.to)
                .map(|s| s.as_str().to_owned())
                .collect(),
            config_hash: self.config.hash.clone(),
            config_path: self.config.path.display().to_string(),
            versions,
            counts,
            rows: rows.into_iter().map(|(t, n)| (t.to_owned(), n)).collect(),
            errors,
            elapsed_seconds: self.started.elapsed().as_secs_f64(),
            note,
        }
    }
}

/// The drain outlived `drain_deadline`: records an interrupted run and
/// gives up on what is in flight. What the last checkpoint committed stays;
/// what is staged is left for the next run's recovery to drop (removing it
/// here could race a checkpoint the writer is still committing), and the
/// pages in flight are fetched again by the next run.
fn drain_timed_out(
    ctx: &ManifestCtx<'_>,
    root: &std::path::Path,
) -> Result<PipelineError, PipelineError> {
    let message = format!(
        "in-flight pages did not drain within {}; what the last checkpoint committed is kept and the next run fetches the rest",
        humantime::format_duration(ctx.config.drain_deadline)
    );
    let manifest = ctx.manifest(
        RunStatus::Interrupted,
        None,
        BTreeMap::new(),
        Some(message.clone()),
    );
    manifest.write(root)?;
    Ok(PipelineError::Stage {
        stage: "drain",
        message,
    })
}

/// URLs of articles committed by earlier runs (not fetched again), and what
/// is known of them for conditional requests when `recheck` is on.
fn committed_pages(
    root: &std::path::Path,
    recheck: bool,
) -> Result<(HashSet<String>, HashMap<String, Previous>), PipelineError> {
    let rows = baogao_write::read_strings(
        root,
        Table::Pages,
        &["url", "kind", "etag", "last_modified", "body_sha256"],
    )?;
    let mut skip = HashSet::new();
    let mut previous = HashMap::new();
    for mut r in rows {
        let kind = r[1].as_deref().and_then(PageKind::parse);
        let Some(url) = r[0].take() else { continue };
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
    Ok((skip, previous))
}

struct Writers {
    pages: Option<TableWriter<Page>>,
    documents: Option<TableWriter<Document>>,
    reports: Option<TableWriter<Report>>,
    targets: Option<TableWriter<Target>>,
    outcomes: Option<TableWriter<Outcome>>,
}

impl Writers {
    fn flush(&mut self) -> Result<(), WriteError> {
        if let Some(w) = &mut self.pages {
            w.flush()?;
        }
        if let Some(w) = &mut self.documents {
            w.flush()?;
        }
        if let Some(w) = &mut self.reports {
            w.flush()?;
        }
        if let Some(w) = &mut self.targets {
            w.flush()?;
        }
        if let Some(w) = &mut self.outcomes {
            w.flush()?;
        }
        Ok(())
    }

    fn rows(&self) -> BTreeMap<&'static str, u64> {
        let mut m = BTreeMap::new();
        if let Some(w) = &self.pages {
            m.insert("pages", w.rows());
        }
        if let Some(w) = &self.documents {
            m.insert("documents", w.rows());
        }
        if let Some(w) = &self.reports {
            m.insert("reports", w.rows());
        }
        if let Some(w) = &self.targets {
            m.insert("targets", w.rows());
        }
        if let Some(w) = &self.outcomes {
            m.insert("outcomes", w.rows());
        }
        m
    }
}

/// When the writer commits (see [`write_loop`]).
struct Cadence {
    /// Commit once this many records are waiting (`pipeline.checkpoint_pages`)…
    every: u64,
    /// …or once the oldest of them has waited this long (`pipeline.checkpoint_interval`).
    interval: Duration,
    /// Commit at checkpoints at all (a crawl); stage re-runs commit once, at the end.
    checkpoints: bool,
    /// The runtime, to wait for the next record with a deadline from the blocking thread.
    handle: tokio::runtime::Handle,
}

/// A crawl compacts the dataset at its end when its tables hold more files
/// than this (checkpoints leave one per table and partition each): the small
/// files of frequent checkpoints do not pile up over scheduled runs.
const AUTO_COMPACT_FILES: usize = 256;

/// Checkpoints between two compactions of a long run: the files of this many
/// checkpoints (one per table and partition each) are merged, so a run of any
/// length leaves a few thousand small files at most (a commit every 30 s left
/// as many in ten hours, and nothing merged them).
const COMPACT_AFTER_CHECKPOINTS: u64 = 1024;

/// A checkpoint waits at least this many times as long as the last one took:
/// committing never takes more than a tenth of the writer's time, however
/// large the dataset whose older rows each commit replaces.
const COMMIT_COST_FACTOR: u32 = 10;

/// Writes every record it receives and commits at checkpoints: when
/// `cadence.every` records are waiting, or when the oldest waiting record has
/// waited `cadence.interval` (or ten times as long as the last commit took,
/// if that is longer) — whether or not another record comes. A slow, polite
/// crawl thus commits every second or so of fetched work, not only every 500
/// pages, and a killed run fetches again at most that much. A long run
/// compacts the small files of its checkpoints every
/// [`COMPACT_AFTER_CHECKPOINTS`] (and the pipeline once more at its end).
#[allow(clippy::too_many_arguments)]
fn write_loop(
    root: &std::path::Path,
    run_id: &str,
    tables: &[(Table, CommitMode)],
    opts: &baogao_write::WriteOptions,
    mut rx: mpsc::Receiver<Item>,
    counters: &Counters,
    cadence: &Cadence,
    lock: &OutputLock,
) -> Result<BTreeMap<&'static str, u64>, WriteError> {
    let seq = Arc::new(AtomicU32::new(0));
    let has = |t: Table| tables.iter().any(|(x, _)| *x == t);
    let mut w = Writers {
        pages: has(Table::Pages)
            .then(|| TableWriter::new(root, run_id, opts.clone(), seq.clone()))
            .transpose()?,
        documents: has(Table::Documents)
            .then(|| TableWriter::new(root, run_id, opts.clone(), seq.clone()))
            .transpose()?,
        reports: has(Table::Reports)
            .then(|| TableWriter::new(root, run_id, opts.clone(), seq.clone()))
            .transpose()?,
        targets: has(Table::Targets)
            .then(|| TableWriter::new(root, run_id, opts.clone(), seq.clone()))
            .transpose()?,
        outcomes: has(Table::Outcomes)
            .then(|| TableWriter::new(root, run_id, opts.clone(), seq.clone()))
            .transpose()?,
    };
    let mut since = 0u64;
    // When the oldest record not yet committed arrived.
    let mut waiting: Option<Instant> = None;
    let mut checkpoints = 0u64;
    // How long the oldest waiting record may wait (see [`COMMIT_COST_FACTOR`]).
    let mut wait = cadence.interval;
    let mut checkpoint = |w: &mut Writers, since: &mut u64, waiting: &mut Option<Instant>| {
        let t = Instant::now();
        w.flush()?;
        baogao_write::commit(root, run_id, tables)?;
        tracing::debug!(items = *since, "checkpoint committed");
        *since = 0;
        *waiting = None;
        checkpoints += 1;
        if checkpoints.is_multiple_of(COMPACT_AFTER_CHECKPOINTS) {
            let merged = baogao_write::compact_held(root, opts, lock)?;
            tracing::debug!(
                folders = merged.len(),
                checkpoints,
                "compacted the run's files"
            );
        }
        Ok::<Duration, WriteError>(t.elapsed())
    };
    loop {
        let item = match waiting {
            Some(first) if cadence.checkpoints => {
                let due = first + wait;
                let left = due.saturating_duration_since(Instant::now());
                let next = if left.is_zero() {
                    None
                } else {
                    cadence
                        .handle
                        .block_on(tokio::time::timeout(left, rx.recv()))
                        .ok()
                };
                let Some(item) = next else {
                    // the oldest record waited long enough: commit what is there
                    let took = checkpoint(&mut w, &mut since, &mut waiting)?;
                    wait = cadence.interval.max(took * COMMIT_COST_FACTOR);
                    counters
                        .write_busy_us
                        .fetch_add(micros(took), Ordering::Relaxed);
                    continue;
                };
                item
            }
            _ => rx.blocking_recv(),
        };
        let Some(item) = item else { break };
        let t = Instant::now();
        waiting.get_or_insert(t);
        if let (Some(page), Some(pw)) = (item.page, &mut w.pages) {
            pw.write(page)?;
        }
        if let (Some(doc), Some(dw)) = (item.doc, &mut w.documents) {
            dw.write(doc)?;
        }
        if let Some(ex) = item.extraction {
            if let Some(rw) = &mut w.reports {
                rw.write(ex.report)?;
            }
            if let Some(tw) = &mut w.targets {
                for target in ex.targets {
                    tw.write(target)?;
                }
            }
            if let Some(ow) = &mut w.outcomes {
                for o in ex.outcomes {
                    ow.write(o)?;
                }
            }
        }
        counters.written.fetch_add(1, Ordering::Relaxed);
        since += 1;
        if cadence.checkpoints
            && (since >= cadence.every || waiting.is_some_and(|f| f.elapsed() >= wait))
        {
            let took = checkpoint(&mut w, &mut since, &mut waiting)?;
            wait = cadence.interval.max(took * COMMIT_COST_FACTOR);
        }
        counters
            .write_busy_us
            .fetch_add(micros(t.elapsed()), Ordering::Relaxed);
    }
    w.flush()?;
    Ok(w.rows())
}

/// Writes the manifest of a run that died holding the lock (killed, or the
/// machine went down) when it left none, so that `baogao runs` and the
/// report show it: status `killed`, started when it took the lock, counts
/// unknown. What it committed at its checkpoints stays in the tables.
fn killed_manifest(
    root: &std::path::Path,
    killed: &str,
    since: Option<std::time::SystemTime>,
    found_by: &str,
) -> Result<(), PipelineError> {
    if root.join("_runs").join(format!("{killed}.json")).exists() {
        return Ok(());
    }
    let now = Utc::now();
    let started_at = since.map_or(now, chrono::DateTime::<Utc>::from);
    let manifest = RunManifest {
        run_id: killed.to_owned(),
        status: RunStatus::Killed,
        started_at,
        finished_at: now,
        stages: Vec::new(),
        config_hash: String::new(),
        config_path: String::new(),
        versions: BTreeMap::new(),
        counts: BTreeMap::new(),
        rows: BTreeMap::new(),
        errors: BTreeMap::new(),
        elapsed_seconds: 0.0,
        note: Some(format!(
            "killed before it wrote a manifest; found by run {found_by} (its stale lock); \
             what it committed at its checkpoints is kept, its counts are unknown"
        )),
    };
    tracing::warn!(run = %killed, "a run was killed before its manifest; wrote one marked killed");
    manifest.write(root)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(code: &str, year: i32) -> DedupRow {
        DedupRow {
            region_code: code.into(),
            target_year: year,
            doc_id: format!("{code}-{year}"),
            url: format!("http://a/{code}/{year}.html"),
            province: None,
            prefecture: None,
            region: None,
            level: None,
            parent_code: None,
            targets_found: 0,
            copies: Vec::new(),
            copy_urls: Vec::new(),
        }
    }

    #[test]
    fn panel_parts_hold_whole_regions_in_order() {
        let rows: Vec<DedupRow> = [("1", 3), ("2", 1), ("3", 4), ("4", 1), ("5", 1)]
            .iter()
            .flat_map(|&(code, years)| (0..years).map(move |y| kept(code, 2020 + y)))
            .collect();
        for size in [1, 2, 3, 5, 100] {
            let parts: Vec<&[DedupRow]> = region_shards(&rows, size).collect();
            let joined: Vec<&DedupRow> = parts.iter().flat_map(|p| p.iter()).collect();
            assert_eq!(joined.len(), rows.len(), "size {size}");
            assert!(joined.iter().zip(&rows).all(|(a, b)| a.doc_id == b.doc_id));
            for pair in parts.windows(2) {
                let (a, b) = (pair[0].last().unwrap(), pair[1].first().unwrap());
                assert_ne!(a.region_code, b.region_code, "size {size}: a region split");
            }
            for p in &parts {
                // a part is cut at `size` reports, then runs to the end of its last region
                let last = &p[p.len() - 1].region_code;
                let before_last = p.iter().filter(|d| &d.region_code != last).count();
                assert!(before_last < size, "size {size}: {}", p.len());
            }
        }
        // size 2: [1 1 1] (a region is never split), [2 3 3 3 3], [4 5]
        let sizes: Vec<usize> = region_shards(&rows, 2).map(<[DedupRow]>::len).collect();
        assert_eq!(sizes, [3, 5, 2]);
    }

    #[test]
    fn the_rebuild_reads_the_tables_a_bounded_number_of_times() {
        assert_eq!(shard_reports(10), PANEL_SHARD_REPORTS);
        assert_eq!(shard_reports(20_000), PANEL_SHARD_REPORTS);
        let n: usize = 1_000_000;
        assert!(n.div_ceil(shard_reports(n)) <= PANEL_MAX_SCANS);
    }
}
