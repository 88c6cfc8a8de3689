//! The run manifest (`_runs/<run_id>.json`): how a run ended, what each
//! stage counted, the rows each table got. Also the manifests written for
//! runs that ended without one: a drain past its deadline, a run killed
//! while holding the output lock.

use std::collections::BTreeMap;
use std::time::Instant;

use baogao_write::{RunManifest, RunStatus, StageCounts};
use chrono::Utc;

use super::RunOptions;
use super::counters::Counters;
use crate::config::Config;
use crate::{PipelineError, Stage};

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
pub(super) fn chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// How a run that got to its end ended: interrupted (Ctrl-C, `max_duration`, or the page
/// budget spent, all resumable), partial (some pages failed) or ok; and the note saying why.
pub(super) fn ending(
    cancelled: bool,
    budget_spent: bool,
    failed: u64,
) -> (RunStatus, Option<String>) {
    let status = if cancelled || budget_spent {
        RunStatus::Interrupted
    } else if failed > 0 {
        RunStatus::Partial
    } else {
        RunStatus::Ok
    };
    let note = if cancelled {
        Some(
            "stopped before the crawl was done (Ctrl-C or max_duration); the next run resumes"
                .to_owned(),
        )
    } else if budget_spent {
        Some("max_pages reached; the next run resumes".to_owned())
    } else {
        None
    };
    (status, note)
}

/// What a manifest is made of, besides how the run ended.
pub(super) struct ManifestCtx<'a> {
    pub(super) run_id: &'a str,
    pub(super) started: Instant,
    pub(super) started_at: chrono::DateTime<Utc>,
    pub(super) opts: RunOptions,
    pub(super) config: &'a Config,
    pub(super) counters: &'a Counters,
}

impl ManifestCtx<'_> {
    pub(super) fn manifest(
        &self,
        status: RunStatus,
        crawl_stats: Option<&baogao_fetch::CrawlStats>,
        rows: BTreeMap<&'static str, u64>,
        note: Option<String>,
    ) -> RunManifest {
        let (opts, counters) = (self.opts, self.counters);
        let failed = Counters::load(&counters.fetch_errors);
        let mut counts = BTreeMap::new();
        let (load, secs) = (Counters::load, Counters::secs);
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
pub(super) fn drain_timed_out(
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

/// Writes the manifest of a run that died holding the lock (killed, or the
/// machine went down) when it left none, so that `baogao runs` and the
/// report show it: status `killed`, started when it took the lock, counts
/// unknown. What it committed at its checkpoints stays in the tables.
pub(super) fn killed_manifest(
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
