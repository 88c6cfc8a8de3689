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
//!
//! One module per role: [`source`] (the crawl or the dataset scan),
//! [`stages`] (clean and extract), [`writers`] (a writer per table,
//! checkpoints, the final commit), [`manifest`] (how the run ended),
//! [`derived`] (`reports_dedup` and `panel`), [`counters`] (what the stages
//! count). [`run`] below wires them.

mod counters;
mod derived;
mod manifest;
mod source;
mod stages;
mod writers;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use baogao_extract::Extraction;
use baogao_fetch::CrawlStats;
use baogao_model::{Document, Page};
use baogao_write::{OutputLock, RunManifest, RunStatus};
use chrono::Utc;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::{PipelineError, Stage};
use counters::Counters;
use manifest::{ManifestCtx, chain, drain_timed_out, killed_manifest};
use writers::{Rows, WriteTask};

pub use derived::rebuild_derived;
pub use manifest::new_run_id;
pub use stages::build_extractor;

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

impl RunOptions {
    /// The run includes `stage`.
    fn runs(self, stage: Stage) -> bool {
        self.from <= stage && self.to >= stage
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

impl Item {
    fn page(page: Page) -> Item {
        Item {
            page: Some(page),
            doc: None,
            extraction: None,
        }
    }

    fn document(doc: Document) -> Item {
        Item {
            page: None,
            doc: Some(doc),
            extraction: None,
        }
    }
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
    let (started, started_at, run_id) = (Instant::now(), Utc::now(), new_run_id());
    let root = config.output.clone();
    config.check_for(opts.from)?;
    // A read-only or full output is found now, not at the first commit after a crawl.
    baogao_write::check_writable(&root)?;
    let lock = take_output(&root, &run_id)?;
    let extractor = Arc::new(build_extractor(config)?);
    let counters = Arc::new(Counters::default());
    let cap = config.channel_capacity;
    let (src_tx, src_rx) = mpsc::channel::<Item>(cap);
    let (clean_tx, clean_rx) = mpsc::channel::<Item>(cap);
    let (ext_tx, ext_rx) = mpsc::channel::<Item>(cap);
    if let Some(limit) = config.max_duration {
        cancel_after(limit, cancel.clone());
    }
    let tables = writers::plan(opts);
    let crawl = opts.from == Stage::Fetch;
    let progress = counters.progress(opts.progress);
    // Stops the source (the crawl, or a dataset scan) without cancelling the run: the page
    // budget is spent, or the writer failed (a full disk) and nothing more can be committed.
    let stop_source = cancel.child_token();

    let tasks = Tasks {
        source: source::spawn(config, opts.from, &counters, stop_source.clone(), src_tx)?,
        clean: stages::spawn_clean(
            config.clean.clone(),
            opts.runs(Stage::Clean),
            &counters,
            src_rx,
            clean_tx,
        ),
        extract: stages::spawn_extract(
            extractor,
            opts.to >= Stage::Extract,
            &counters,
            clean_rx,
            ext_tx,
        ),
        write: WriteTask {
            root: root.clone(),
            run_id: run_id.clone(),
            tables: tables.clone(),
            opts: config.write.clone(),
            every: config.checkpoint_pages,
            interval: config.checkpoint_interval,
            checkpoints: crawl,
            lock: lock.clone(),
            stop_source,
        }
        .spawn(ext_rx, &counters),
    };

    let ctx = ManifestCtx {
        run_id: &run_id,
        started,
        started_at,
        opts,
        config,
        counters: &counters,
    };
    let joined = tasks.join(&cancel, config.drain_deadline).await;
    progress.finish();
    let Some((source, write)) = joined? else {
        return Err(drain_timed_out(&ctx, &root)?);
    };
    let mut rows = match write {
        Ok(rows) => rows,
        Err(err) => {
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
    };
    let crawl_stats = source?;

    // Final commit, the compaction of a crawl's checkpoint files, the derived
    // tables, then the manifest.
    writers::commit_and_compact(&root, &run_id, &tables, crawl, &config.write, &lock).await?;
    if opts.to >= Stage::Extract {
        let (dedup, panel) = derived::rebuild_in_background(&root, &config.write).await?;
        rows.insert("reports_dedup", dedup);
        rows.insert("panel", panel);
    }
    let failed = Counters::load(&counters.fetch_errors);
    let budget_spent = Counters::load(&counters.over_budget) > 0
        || crawl_stats.as_ref().is_some_and(|s| s.left_unfetched > 0);
    let (status, note) = manifest::ending(cancel.is_cancelled(), budget_spent, failed);
    let manifest = ctx.manifest(status, crawl_stats.as_ref(), rows, note);
    manifest.write(&root)?;
    Ok(RunSummary { manifest, failed })
}

/// Takes the output lock, finishes the commits of interrupted runs, and writes the manifest
/// of a run killed while holding the lock. The lock is held by [`run`] and by the write task:
/// when the drain deadline passes, the writer may still be committing a checkpoint, and no
/// other run may take the output before it stops.
fn take_output(root: &Path, run_id: &str) -> Result<Arc<OutputLock>, PipelineError> {
    let lock = Arc::new(OutputLock::acquire(root, run_id)?);
    let recovered = baogao_write::recover(root)?;
    if !recovered.is_empty() {
        tracing::info!(runs = ?recovered, "finished commits of interrupted runs");
    }
    if let Some((killed, since)) = lock.took_over() {
        killed_manifest(root, killed, since, run_id)?;
    }
    Ok(lock)
}

/// Cancels the run after `limit` (`pipeline.max_duration`).
fn cancel_after(limit: std::time::Duration, cancel: CancellationToken) {
    tokio::spawn(async move {
        tokio::time::sleep(limit).await;
        tracing::info!("max_duration reached; stopping");
        cancel.cancel();
    });
}

/// The tasks of a run, one per stage.
struct Tasks {
    source: source::SourceTask,
    clean: JoinHandle<()>,
    extract: JoinHandle<()>,
    write: JoinHandle<Result<Rows, baogao_write::WriteError>>,
}

/// What the source and the writer ended with.
type Joined = (
    Result<Option<CrawlStats>, PipelineError>,
    Result<Rows, baogao_write::WriteError>,
);

impl Tasks {
    /// Waits for the source, then for the drain. Once `cancel` fires (Ctrl-C,
    /// `max_duration`), both together are bounded by `drain_deadline`: `None` when it passed.
    /// A task that panicked is a [`PipelineError::Stage`].
    async fn join(
        self,
        cancel: &CancellationToken,
        drain_deadline: std::time::Duration,
    ) -> Result<Option<Joined>, PipelineError> {
        let Tasks {
            mut source,
            clean,
            extract,
            write,
        } = self;
        let mut deadline = None;
        let source_result = tokio::select! {
            r = &mut source => r,
            () = cancel.cancelled() => {
                let d = tokio::time::Instant::now() + drain_deadline;
                deadline = Some(d);
                if let Ok(r) = tokio::time::timeout_at(d, &mut source).await {
                    r
                } else {
                    source.abort();
                    return Ok(None);
                }
            }
        }
        .map_err(|e| PipelineError::Stage {
            stage: "source",
            message: e.to_string(),
        })?;
        let drain = async { (clean.await, extract.await, write.await) };
        tokio::pin!(drain);
        let (c, e, w) = tokio::select! {
            r = &mut drain => r,
            () = cancel.cancelled() => {
                let d = deadline
                    .unwrap_or_else(|| tokio::time::Instant::now() + drain_deadline);
                if let Ok(r) = tokio::time::timeout_at(d, &mut drain).await {
                    r
                } else {
                    return Ok(None);
                }
            }
        };
        for (stage, r) in [("clean", c), ("extract", e)] {
            r.map_err(|err| PipelineError::Stage {
                stage,
                message: err.to_string(),
            })?;
        }
        let write = w.map_err(|err| PipelineError::Stage {
            stage: "write",
            message: err.to_string(),
        })?;
        Ok(Some((source_result, write)))
    }
}
