//! The write stage: one writer per table, checkpoints, and the final commit.
//!
//! Adding a table written from the stream of [`Item`]s takes a [`Sink`] for its writer (what
//! it takes from an item) and a line in [`open`] and in [`plan`].

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use baogao_model::{Document, Outcome, Page, Report, Target};
use baogao_write::{CommitMode, OutputLock, Table, TableWriter, WriteError, WriteOptions};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::counters::Counters;
use super::{Item, RunOptions};
use crate::{PipelineError, Stage};

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

/// The tables a run writes, and how each is committed: a crawl upserts (a re-run of a URL
/// replaces its rows), a stage re-run replaces the tables it rebuilds.
pub(super) fn plan(opts: RunOptions) -> Vec<(Table, CommitMode)> {
    let mode = if opts.from == Stage::Fetch {
        CommitMode::Upsert
    } else {
        CommitMode::Replace
    };
    let mut tables = Vec::new();
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
    tables
}

/// A table's writer as the write loop sees it: it takes its rows out of an item.
trait Sink: Send {
    /// Writes this table's rows of `item` (taking them out of it).
    fn take(&mut self, item: &mut Item) -> Result<(), WriteError>;
    fn flush(&mut self) -> Result<(), WriteError>;
    fn rows(&self) -> u64;
}

macro_rules! sink {
    ($row:ty, |$item:ident| $rows:expr) => {
        impl Sink for TableWriter<$row> {
            fn take(&mut self, $item: &mut Item) -> Result<(), WriteError> {
                $rows.into_iter().try_for_each(|row| self.write(row))
            }
            fn flush(&mut self) -> Result<(), WriteError> {
                TableWriter::flush(self)
            }
            fn rows(&self) -> u64 {
                TableWriter::rows(self)
            }
        }
    };
}

sink!(Page, |item| item.page.take());
sink!(Document, |item| item.doc.take());
sink!(Report, |item| item
    .extraction
    .as_mut()
    .map(|ex| std::mem::take(&mut ex.report)));
sink!(Target, |item| item
    .extraction
    .as_mut()
    .map(|ex| std::mem::take(&mut ex.targets))
    .unwrap_or_default());
sink!(Outcome, |item| item
    .extraction
    .as_mut()
    .map(|ex| std::mem::take(&mut ex.outcomes))
    .unwrap_or_default());

/// The writer of `table`.
fn open(
    table: Table,
    root: &Path,
    run_id: &str,
    opts: &WriteOptions,
    seq: &Arc<AtomicU32>,
) -> Result<Box<dyn Sink>, WriteError> {
    let (opts, seq) = (opts.clone(), seq.clone());
    Ok(match table {
        Table::Pages => Box::new(TableWriter::<Page>::new(root, run_id, opts, seq)?),
        Table::Documents => Box::new(TableWriter::<Document>::new(root, run_id, opts, seq)?),
        Table::Reports => Box::new(TableWriter::<Report>::new(root, run_id, opts, seq)?),
        Table::Targets => Box::new(TableWriter::<Target>::new(root, run_id, opts, seq)?),
        Table::Outcomes => Box::new(TableWriter::<Outcome>::new(root, run_id, opts, seq)?),
    })
}

/// The writers of a run, one per table it writes, in table order.
struct Writers(Vec<(Table, Box<dyn Sink>)>);

impl Writers {
    fn open(
        tables: &[(Table, CommitMode)],
        root: &Path,
        run_id: &str,
        opts: &WriteOptions,
    ) -> Result<Writers, WriteError> {
        let seq = Arc::new(AtomicU32::new(0));
        let writers = tables
            .iter()
            .map(|&(t, _)| Ok((t, open(t, root, run_id, opts, &seq)?)))
            .collect::<Result<_, WriteError>>()?;
        Ok(Writers(writers))
    }

    /// Writes every table's rows of `item`; rows of tables this run does not write are dropped.
    fn write(&mut self, mut item: Item) -> Result<(), WriteError> {
        for (_, w) in &mut self.0 {
            w.take(&mut item)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), WriteError> {
        for (_, w) in &mut self.0 {
            w.flush()?;
        }
        Ok(())
    }

    /// Rows written, by table name.
    fn rows(&self) -> std::collections::BTreeMap<&'static str, u64> {
        self.0.iter().map(|(t, w)| (t.name(), w.rows())).collect()
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

/// What the write task needs.
pub(super) struct WriteTask {
    pub(super) root: PathBuf,
    pub(super) run_id: String,
    pub(super) tables: Vec<(Table, CommitMode)>,
    pub(super) opts: WriteOptions,
    pub(super) every: u64,
    pub(super) interval: Duration,
    /// Commit at checkpoints (a crawl).
    pub(super) checkpoints: bool,
    pub(super) lock: Arc<OutputLock>,
    /// Cancelled when writing fails: the source stops at once.
    pub(super) stop_source: CancellationToken,
}

/// The rows each table got, by table name.
pub(super) type Rows = std::collections::BTreeMap<&'static str, u64>;

impl WriteTask {
    /// Starts writing what comes down `rx` on a blocking thread.
    pub(super) fn spawn(
        self,
        rx: mpsc::Receiver<Item>,
        counters: &Arc<Counters>,
    ) -> JoinHandle<Result<Rows, WriteError>> {
        let counters = counters.clone();
        let handle = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || {
            let cadence = Cadence {
                every: self.every,
                interval: self.interval,
                checkpoints: self.checkpoints,
                handle,
            };
            let written = write_loop(&self, rx, &counters, &cadence);
            if let Err(err) = &written {
                // stop fetching at once: what comes now could not be committed
                tracing::info!(err = %err, "writing the output failed; stopping the run");
                self.stop_source.cancel();
            }
            written
        })
    }
}

/// Writes every record it receives and commits at checkpoints: when
/// `cadence.every` records are waiting, or when the oldest waiting record has
/// waited `cadence.interval` (or ten times as long as the last commit took,
/// if that is longer) — whether or not another record comes. A slow, polite
/// crawl thus commits every second or so of fetched work, not only every 500
/// pages, and a killed run fetches again at most that much. A long run
/// compacts the small files of its checkpoints every
/// [`COMPACT_AFTER_CHECKPOINTS`] (and the pipeline once more at its end).
fn write_loop(
    task: &WriteTask,
    mut rx: mpsc::Receiver<Item>,
    counters: &Counters,
    cadence: &Cadence,
) -> Result<Rows, WriteError> {
    let (root, run_id, tables) = (task.root.as_path(), task.run_id.as_str(), &task.tables);
    let mut w = Writers::open(tables, root, run_id, &task.opts)?;
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
            let merged = baogao_write::compact_held(root, &task.opts, &task.lock)?;
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
                    Counters::add_time(&counters.write_busy_us, took);
                    continue;
                };
                item
            }
            _ => rx.blocking_recv(),
        };
        let Some(item) = item else { break };
        let t = Instant::now();
        waiting.get_or_insert(t);
        w.write(item)?;
        Counters::add(&counters.written, 1);
        since += 1;
        if cadence.checkpoints
            && (since >= cadence.every || waiting.is_some_and(|f| f.elapsed() >= wait))
        {
            let took = checkpoint(&mut w, &mut since, &mut waiting)?;
            wait = cadence.interval.max(took * COMMIT_COST_FACTOR);
        }
        Counters::add_time(&counters.write_busy_us, t.elapsed());
    }
    w.flush()?;
    Ok(w.rows())
}

/// The final commit of a run, then for a crawl (`compact`) the compaction of its checkpoint
/// files when the tables hold more than [`AUTO_COMPACT_FILES`].
pub(super) async fn commit_and_compact(
    task_root: &Path,
    run_id: &str,
    tables: &[(Table, CommitMode)],
    compact: bool,
    opts: &WriteOptions,
    lock: &Arc<OutputLock>,
) -> Result<(), PipelineError> {
    baogao_write::commit(task_root, run_id, tables)?;
    if !compact {
        return Ok(());
    }
    let (root, opts, lock) = (task_root.to_owned(), opts.clone(), lock.clone());
    let merged = tokio::task::spawn_blocking(move || {
        let mut files = 0;
        for t in Table::ALL {
            files += baogao_write::list_files(&root.join(t.name()))?.len();
        }
        if files <= AUTO_COMPACT_FILES {
            return Ok(Vec::new());
        }
        baogao_write::compact_held(&root, &opts, &lock)
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
    Ok(())
}
