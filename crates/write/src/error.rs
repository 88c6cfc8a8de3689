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
    /// Parquet encoding or decoding failed. (The cause is part of the
    /// message, so that the repair hint comes last.)
    #[error("parquet error in `{path}`: {cause}{}", repair_hint(path))]
    Parquet {
        path: PathBuf,
        cause: parquet::errors::ParquetError,
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
        move |cause| WriteError::Parquet { path, cause }
    }
}

/// What to do about a damaged file of a dataset (a crash mid-copy, a
/// truncated sync): set it aside and rebuild what it held, by the table its
/// folder names.
fn repair_hint(path: &std::path::Path) -> String {
    let table = path.components().rev().find_map(|c| {
        let name = c.as_os_str().to_str()?;
        [
            "pages",
            "documents",
            "reports",
            "targets",
            "outcomes",
            "panel",
            "reports_dedup",
        ]
        .contains(&name)
        .then_some(name)
    });
    let rebuild = match table {
        Some("pages") => "the next `baogao run CONFIG` fetches its pages again",
        Some("documents") => {
            "`baogao run CONFIG --stage clean` rebuilds the documents (and what follows) from `pages`"
        }
        Some("reports" | "targets" | "outcomes") => {
            "`baogao run CONFIG --stage extract` rebuilds it from `documents`"
        }
        Some(_) => "the next `baogao run CONFIG` (any stage) rebuilds it",
        None => return String::new(),
    };
    format!(
        "\nhint: if the file is damaged, move it out of the dataset (keep it for a bug report); {rebuild}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_file_says_how_to_rebuild_its_table() {
        let err = |p: &str| {
            WriteError::Parquet {
                path: PathBuf::from(p),
                cause: parquet::errors::ParquetError::General("Corrupt footer".into()),
            }
            .to_string()
        };
        let targets = err("out/targets/target_year=2023/part-1.parquet");
        assert!(targets.contains("Corrupt footer"), "{targets}");
        assert!(
            targets.ends_with("`baogao run CONFIG --stage extract` rebuilds it from `documents`"),
            "{targets}"
        );
        assert!(err("out/documents/part-1.parquet").contains("--stage clean"));
        assert!(err("out/pages/part-1.parquet").contains("fetches its pages again"));
        // a file outside any table gets no advice
        assert!(!err("/tmp/x.parquet").contains("hint"));
    }
}
