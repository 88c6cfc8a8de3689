//! Arrow/Parquet datasets for baogao's tables.
//!
//! In go the model's records ([`baogao_model::Page`], `Document`, `Report`,
//! `Target`, `Outcome`); out come zstd-compressed Parquet files in hive-style
//! folders under a dataset root, which DuckDB, pyarrow, pandas, Polars and
//! Spark read directly. The pipeline creates one [`TableWriter`] per table
//! and run, [`commit`]s what they staged at checkpoints and at the end, and
//! writes a [`RunManifest`] last. [`recover`] repairs a root after a crash;
//! [`compact`] merges the small files checkpoints leave (the pipeline calls
//! [`compact_held`] at the end of a run); [`scan`] reads a
//! table back, for stage re-runs.
//!
//! Every file operation goes through the private `fsx` module, so that each
//! error names its action and its path ([`WriteError::Io`]); the crate's
//! `clippy.toml` bans plain `std::fs` calls everywhere else but in tests.
//!
//! ```no_run
//! use std::path::Path;
//! use std::sync::{Arc, atomic::AtomicU32};
//! use baogao_model::Document;
//! use baogao_write::{CommitMode, Table, TableWriter, WriteOptions, commit};
//!
//! let root = Path::new("out");
//! let seq = Arc::new(AtomicU32::new(0));
//! let mut w = TableWriter::<Document>::new(root, "run1", WriteOptions::default(), seq)?;
//! w.write(Document::from_text("a.txt", "地区生产总值增长5%"))?;
//! w.close()?;
//! commit(root, "run1", &[(Table::Documents, CommitMode::Upsert)])?;
//! # Ok::<(), baogao_write::WriteError>(())
//! ```

mod compact;
mod dataset;
mod derived;
mod error;
mod fsx;
mod lock;
mod manifest;
mod rows;
mod schema;

pub use compact::{Compaction, compact, compact_held};
pub use dataset::{
    BATCH_BYTES, BatchIter, CommitMode, TableWriter, WriteOptions, check_writable, commit,
    dictionary_columns, discard, document_lengths, key_column, list_files, read_all, read_batches,
    read_strings, recover, scan, write_atomic,
};
pub use derived::{PanelWriter, write_panel, write_reports_dedup};
pub use error::WriteError;
pub use lock::OutputLock;
pub use manifest::{RunManifest, RunStatus, StageCounts, list_runs, read_runs};
pub use rows::Row;
pub use schema::{SCHEMA_VERSION, Table, TableDoc, column_doc, tables};

#[cfg(test)]
mod tests;
