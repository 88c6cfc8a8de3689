//! The run manifest: `<root>/_runs/<run_id>.json`, written last.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::WriteError;
use crate::dataset::write_atomic;
use crate::fsx;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Every record went through.
    Ok,
    /// The run finished; some records failed (error rows were written).
    Partial,
    /// Stopped by Ctrl-C or a budget before the work was done; resumable.
    Interrupted,
    /// A fatal error; nothing of the run past its last checkpoint committed.
    Failed,
    /// Killed (SIGKILL, power loss) before it could write a manifest; the next
    /// run found its stale lock and wrote this one. What it committed at its
    /// checkpoints is kept; its counts are unknown.
    Killed,
}

/// Counts of one stage.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StageCounts {
    /// Records that came in.
    pub input: u64,
    /// Records written.
    pub output: u64,
    /// Records that failed.
    pub errors: u64,
    /// Seconds the stage spent working (not waiting for input).
    pub busy_seconds: f64,
    /// Seconds the stage spent blocked sending to the next stage (backpressure).
    pub blocked_seconds: f64,
}

/// What a run did; the last file a run writes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunManifest {
    pub run_id: String,
    pub status: RunStatus,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// The stages that ran (`fetch`, `clean`, `extract`).
    pub stages: Vec<String>,
    /// SHA-256 of the config file's bytes.
    pub config_hash: String,
    pub config_path: String,
    /// Versions of baogao, the dataset schema and the extractor.
    pub versions: BTreeMap<String, String>,
    /// Counts per stage.
    pub counts: BTreeMap<String, StageCounts>,
    /// Rows written per table.
    pub rows: BTreeMap<String, u64>,
    /// Errors by kind (`http_404`, `timeout`, `robots`, …).
    pub errors: BTreeMap<String, u64>,
    pub elapsed_seconds: f64,
    /// Why the run stopped early, if it did.
    pub note: Option<String>,
}

impl RunManifest {
    /// Writes the manifest to `<root>/_runs/<run_id>.json`, atomically.
    pub fn write(&self, root: &Path) -> Result<(), WriteError> {
        let path = root.join("_runs").join(format!("{}.json", self.run_id));
        let body = serde_json::to_vec_pretty(self).map_err(|source| WriteError::Manifest {
            path: path.clone(),
            source,
        })?;
        write_atomic(&path, &body)
    }
}

/// Every manifest under `<root>/_runs`, oldest first.
pub fn list_runs(root: &Path) -> Result<Vec<RunManifest>, WriteError> {
    let (runs, mut unreadable) = read_runs(root)?;
    match unreadable.pop() {
        Some(e) => Err(e),
        None => Ok(runs),
    }
}

/// The run manifests of a dataset root that can be read, oldest first, and
/// an error (naming the file) for each that cannot: one corrupt manifest
/// does not hide the others.
pub fn read_runs(root: &Path) -> Result<(Vec<RunManifest>, Vec<WriteError>), WriteError> {
    let dir = root.join("_runs");
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    if !dir.exists() {
        return Ok((out, unreadable));
    }
    let mut paths: Vec<_> = fsx::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let raw = match fsx::read(&p) {
            Ok(raw) => raw,
            Err(e) => {
                unreadable.push(e);
                continue;
            }
        };
        match serde_json::from_slice::<RunManifest>(&raw) {
            Ok(m) => out.push(m),
            Err(source) => unreadable.push(WriteError::Manifest {
                path: p.clone(),
                source,
            }),
        }
    }
    out.sort_by_key(|m| m.started_at);
    Ok((out, unreadable))
}
