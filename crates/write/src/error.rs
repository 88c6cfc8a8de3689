//! Errors of the dataset writer and reader.

use std::path::PathBuf;

/// Everything that can go wrong reading or writing a dataset.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A file or folder could not be created, renamed or read.
    #[error("cannot {action} `{path}`")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Parquet encoding or decoding failed.
    #[error("parquet error in `{path}`")]
    Parquet {
        path: PathBuf,
        #[source]
        source: parquet::errors::ParquetError,
    },
    /// Building an Arrow batch failed (a schema mismatch: a bug).
    #[error("arrow error for table `{table}`")]
    Arrow {
        table: &'static str,
        #[source]
        source: arrow::error::ArrowError,
    },
    /// A file of the dataset lacks a column or has another type.
    #[error("`{path}`: column `{column}` is missing or is not {expected}")]
    Column {
        path: PathBuf,
        column: &'static str,
        expected: &'static str,
    },
    /// The run manifest could not be written or read.
    #[error("run manifest `{path}`")]
    Manifest {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    /// Files cannot be created in the dataset root (read-only, full, not a folder…).
    #[error(
        "output `{path}` is not writable: {reason}\nhint: check the folder's permissions and free space, or set `pipeline.output` to another folder"
    )]
    NotWritable { path: PathBuf, reason: String },
    /// Another run holds the output folder.
    #[error(
        "output `{path}` is locked by run `{run_id}` (pid {pid})\nhint: that process is still running (`ps -p {pid}` shows it); wait for it to finish or stop it with Ctrl-C or `kill {pid}` — do not remove `_lock`: the lock goes with the process, and a lock left by a killed run is taken over by the next run"
    )]
    Locked {
        path: PathBuf,
        run_id: String,
        pid: u32,
    },
}

impl WriteError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Self {
        let path = path.into();
        move |source| WriteError::Io {
            action,
            path,
            source,
        }
    }

    pub(crate) fn parquet(
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(parquet::errors::ParquetError) -> Self {
        let path = path.into();
        move |source| WriteError::Parquet { path, source }
    }
}
