//! Table writers, the journaled commit, and readers.
//!
//! Layout of a dataset root:
//!
//! ```text
//! <root>/<table>/[<key>=<value>/]part-<run_id>-<seq>.parquet   committed files
//! <root>/_staging/<run_id>/<table>/…                           written, not yet committed
//! <root>/_staging/<run_id>/_COMMIT                             journal: commit in progress
//! ```
//!
//! Writers only ever write under `_staging`, to hidden `.tmp` names renamed
//! when complete. A commit moves the staged files of every table into place
//! and, for each table, removes the older rows it replaces: rows with the same
//! key (`url` for pages, `doc_id` for the rest) in [`CommitMode::Upsert`], or
//! the whole table in [`CommitMode::Replace`]. The commit is journaled by the
//! `_COMMIT` file and idempotent, so [`recover`] finishes a commit that a
//! killed process left half done and discards staged files that were never
//! committed. Readers (DuckDB, pyarrow) never see a partial file: staged and
//! temporary names are hidden from their globs (`_` / `.` prefixes).
//! Files are made, renamed and removed through [`crate::fsx`], whose errors
//! name the action and the path.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::BooleanArray;
use arrow::array::{Array, Int64Array, RecordBatch, StringArray};
use arrow::compute::filter_record_batch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterPropertiesBuilder};
use parquet::schema::types::ColumnPath;
use serde::{Deserialize, Serialize};

use crate::WriteError;
use crate::fsx;
use crate::rows::Row;
use crate::schema::{SCHEMA_VERSION, Table};

/// How files are encoded.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// zstd level (1–22).
    pub zstd_level: i32,
    /// Rows per row group.
    pub row_group_rows: usize,
    /// A file is closed and a new one started past this many rows…
    pub max_file_rows: usize,
    /// …or past this many encoded bytes.
    pub max_file_bytes: u64,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            zstd_level: 3,
            row_group_rows: 8192,
            max_file_rows: 1_000_000,
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// What a commit does to the rows already in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitMode {
    /// Older rows with a key (`url` / `doc_id`) that the run wrote are removed.
    Upsert,
    /// The table is replaced by what the run wrote.
    Replace,
}

/// The key column by which rows of a table replace older rows.
#[must_use]
pub fn key_column(table: Table) -> &'static str {
    match table {
        Table::Pages => "url",
        _ => "doc_id",
    }
}

pub(crate) fn staging_dir(root: &Path, run_id: &str) -> PathBuf {
    root.join("_staging").join(run_id)
}

/// Columns of few distinct values, dictionary-encoded (every other column is
/// plain: dictionaries of bodies, texts and URLs only cost memory).
#[must_use]
pub fn dictionary_columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Pages => &[
            "host",
            "kind",
            "content_type",
            "declared_charset",
            "detected_charset",
            "referrer",
            "run_id",
        ],
        Table::Documents => &["run_id"],
        Table::Reports => &[
            "province",
            "prefecture",
            "region",
            "level",
            "region_code",
            "parent_code",
            "session",
            "extractor_version",
            "run_id",
        ],
        Table::Targets => &[
            "indicator",
            "raw_name",
            "measure",
            "unit",
            "qualifier",
            "constraint",
            "extractor_version",
            "run_id",
        ],
        Table::Outcomes => &[
            "indicator",
            "raw_name",
            "measure",
            "unit",
            "extractor_version",
            "run_id",
        ],
    }
}

/// How every file of `table` is encoded: zstd at the configured level, an
/// explicit row-group size, dictionaries for the low-cardinality columns
/// only, page statistics, and key-value metadata naming the schema version,
/// the table (and, for derived tables, the extractor version) plus `extra`.
pub(crate) fn writer_properties(
    table: Table,
    opts: &WriteOptions,
    extra: Vec<KeyValue>,
) -> WriterProperties {
    let b = builder(
        table.name(),
        dictionary_columns(table),
        matches!(table, Table::Reports | Table::Targets | Table::Outcomes),
        opts,
        extra,
    );
    match table {
        Table::Pages | Table::Documents => b.set_write_batch_size(TEXT_WRITE_BATCH),
        _ => b,
    }
    .build()
}

/// Rows handed to Parquet's column writers at a time in the tables that hold
/// bodies and texts. Parquet checks the data-page size only between such
/// mini-batches, so at its default (1024) one batch of bodies became a single
/// ~4 MiB page, buffered, copied and compressed at once (heaptrack: ~25 MiB
/// at the peak of a 20,000-page crawl); 16 rows of ~20 kB keep pages near the
/// 1 MiB limit.
const TEXT_WRITE_BATCH: usize = 16;

/// [`writer_properties`] of any table by name (the derived tables too).
pub(crate) fn properties(
    table: &str,
    dictionary: &[&str],
    derived: bool,
    opts: &WriteOptions,
    extra: Vec<KeyValue>,
) -> WriterProperties {
    builder(table, dictionary, derived, opts, extra).build()
}

fn builder(
    table: &str,
    dictionary: &[&str],
    derived: bool,
    opts: &WriteOptions,
    extra: Vec<KeyValue>,
) -> WriterPropertiesBuilder {
    let level = ZstdLevel::try_new(opts.zstd_level).unwrap_or_default();
    let mut kv = vec![
        KeyValue::new("baogao.schema_version".into(), SCHEMA_VERSION.to_owned()),
        KeyValue::new("baogao.table".into(), table.to_owned()),
    ];
    if derived {
        kv.push(KeyValue::new(
            "baogao.extractor_version".into(),
            baogao_model::EXTRACTOR_VERSION.to_owned(),
        ));
    }
    kv.extend(extra);
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_max_row_group_size(opts.row_group_rows.max(1))
        .set_dictionary_enabled(false)
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_created_by(format!("baogao {}", env!("CARGO_PKG_VERSION")))
        .set_key_value_metadata(Some(kv));
    for col in dictionary {
        b = b.set_column_dictionary_enabled(ColumnPath::from(*col), true);
    }
    b
}

/// Text bytes (bodies, document texts) buffered per partition before they are
/// encoded: the rows and their Arrow copy stay a few MiB however large the
/// checkpoint interval (500 pages of bodies were ~80 MiB at each flush).
pub const BATCH_BYTES: usize = 4 << 20;

/// Writes rows of one table into the run's staging area, one open file per
/// partition, rolling files at the size limits.
pub struct TableWriter<R: Row> {
    dir: PathBuf,
    run_id: String,
    opts: WriteOptions,
    props: WriterProperties,
    parts: BTreeMap<Option<String>, PartFile>,
    /// Rows not yet encoded, per partition, with their [`Row::text_bytes`].
    buffers: BTreeMap<Option<String>, (Vec<R>, usize)>,
    seq: Arc<std::sync::atomic::AtomicU32>,
    rows: u64,
    _row: PhantomData<R>,
}

/// One Parquet file being written under a hidden temporary name, renamed
/// to its real name by [`PartFile::finish`].
pub(crate) struct PartFile {
    writer: ArrowWriter<File>,
    tmp: PathBuf,
    dest: PathBuf,
    rows: usize,
}

impl PartFile {
    /// Starts `dir/name` (written as `dir/.name.tmp` until finished).
    pub(crate) fn create(
        dir: &Path,
        name: &str,
        schema: arrow::datatypes::SchemaRef,
        props: WriterProperties,
    ) -> Result<PartFile, WriteError> {
        fsx::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{name}.tmp"));
        let dest = dir.join(name);
        let file = fsx::create(&tmp)?;
        let writer =
            ArrowWriter::try_new(file, schema, Some(props)).map_err(WriteError::parquet(&tmp))?;
        Ok(PartFile {
            writer,
            tmp,
            dest,
            rows: 0,
        })
    }

    /// Rows written so far.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// Appends a batch; true when the file reached a size limit of `opts`
    /// and should be finished.
    pub(crate) fn write(
        &mut self,
        batch: &RecordBatch,
        opts: &WriteOptions,
    ) -> Result<bool, WriteError> {
        self.writer
            .write(batch)
            .map_err(WriteError::parquet(&self.tmp))?;
        self.rows += batch.num_rows();
        // Large bodies: do not hold more than ~64 MiB of a row group in memory.
        if self.writer.in_progress_size() > 64 * 1024 * 1024 {
            self.writer
                .flush()
                .map_err(WriteError::parquet(&self.tmp))?;
        }
        Ok(self.rows >= opts.max_file_rows
            || self.writer.bytes_written() as u64 + self.writer.in_progress_size() as u64
                >= opts.max_file_bytes)
    }

    /// Closes the file, syncs it and renames it to its real name.
    pub(crate) fn finish(self) -> Result<PathBuf, WriteError> {
        let PartFile {
            writer, tmp, dest, ..
        } = self;
        let file = writer.into_inner().map_err(WriteError::parquet(&tmp))?;
        file.sync_all().map_err(WriteError::io("sync", &tmp))?;
        fsx::rename(&tmp, &dest)?;
        Ok(dest)
    }
}

impl<R: Row> TableWriter<R> {
    /// A writer for table `R::TABLE` of run `run_id` under `root`. `seq`
    /// numbers files across all writers of the run so names never clash.
    pub fn new(
        root: &Path,
        run_id: &str,
        opts: WriteOptions,
        seq: Arc<std::sync::atomic::AtomicU32>,
    ) -> Result<Self, WriteError> {
        let dir = staging_dir(root, run_id).join(R::TABLE.name());
        fsx::create_dir_all(&dir)?;
        let props = writer_properties(
            R::TABLE,
            &opts,
            vec![KeyValue::new("baogao.run_id".into(), run_id.to_owned())],
        );
        Ok(TableWriter {
            dir,
            run_id: run_id.to_owned(),
            opts,
            props,
            parts: BTreeMap::new(),
            buffers: BTreeMap::new(),
            seq,
            rows: 0,
            _row: PhantomData,
        })
    }

    /// Rows written so far.
    #[must_use]
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Text bytes ([`Row::text_bytes`]) buffered and not yet encoded.
    #[must_use]
    pub fn buffered_bytes(&self) -> usize {
        self.buffers.values().map(|(_, b)| b).sum()
    }

    /// Buffers one row; encodes a batch when the buffer is full (by rows,
    /// or by [`BATCH_BYTES`] of text).
    pub fn write(&mut self, row: R) -> Result<(), WriteError> {
        let key = row.partition_value();
        let (buf, bytes) = self.buffers.entry(key.clone()).or_default();
        *bytes += row.text_bytes();
        buf.push(row);
        self.rows += 1;
        if buf.len() >= self.opts.row_group_rows.clamp(1, 1024) || *bytes >= BATCH_BYTES {
            self.encode(&key)?;
        }
        Ok(())
    }

    #[allow(clippy::ref_option)] // the key type of the partition maps
    fn encode(&mut self, key: &Option<String>) -> Result<(), WriteError> {
        let Some((rows, bytes)) = self.buffers.get_mut(key) else {
            return Ok(());
        };
        if rows.is_empty() {
            return Ok(());
        }
        *bytes = 0;
        let rows = std::mem::take(rows);
        let batch = R::to_batch(&rows, &self.run_id)?;
        drop(rows);
        if !self.parts.contains_key(key) {
            let part = self.open(key)?;
            self.parts.insert(key.clone(), part);
        }
        let part = self.parts.get_mut(key).expect("just inserted");
        if part.write(&batch, &self.opts)? {
            let part = self.parts.remove(key).expect("present");
            part.finish()?;
        }
        Ok(())
    }

    #[allow(clippy::ref_option)]
    fn open(&self, key: &Option<String>) -> Result<PartFile, WriteError> {
        let mut dir = self.dir.clone();
        if let (Some(k), Some(v)) = (R::TABLE.partition_key(), key) {
            dir.push(format!("{k}={v}"));
        }
        let n = self.seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("part-{}-{n:05}.parquet", self.run_id);
        PartFile::create(&dir, &name, R::TABLE.schema(), self.props.clone())
    }

    /// Closes every open file so that all rows written so far are in complete
    /// files of the staging area, ready for [`commit`].
    pub fn flush(&mut self) -> Result<(), WriteError> {
        let keys: Vec<_> = self.buffers.keys().cloned().collect();
        for key in keys {
            self.encode(&key)?;
        }
        for (_, part) in std::mem::take(&mut self.parts) {
            part.finish()?;
        }
        Ok(())
    }

    /// Flushes and ends the writer; returns the rows written.
    pub fn close(mut self) -> Result<u64, WriteError> {
        self.flush()?;
        Ok(self.rows)
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    tables: Vec<(String, CommitMode)>,
}

fn table_by_name(name: &str) -> Option<Table> {
    Table::ALL.into_iter().find(|t| t.name() == name)
}

/// Commits everything staged by run `run_id`: the given tables with their
/// modes. Idempotent; journaled so that [`recover`] can finish it.
pub fn commit(root: &Path, run_id: &str, tables: &[(Table, CommitMode)]) -> Result<(), WriteError> {
    let stage = staging_dir(root, run_id);
    fsx::create_dir_all(&stage)?;
    let journal = stage.join("_COMMIT");
    let body = serde_json::to_vec(&Journal {
        tables: tables
            .iter()
            .map(|(t, m)| (t.name().to_owned(), *m))
            .collect(),
    })
    .map_err(|source| WriteError::Manifest {
        path: journal.clone(),
        source,
    })?;
    write_atomic(&journal, &body)?;
    apply(root, run_id)
}

fn apply(root: &Path, run_id: &str) -> Result<(), WriteError> {
    let stage = staging_dir(root, run_id);
    let journal_path = stage.join("_COMMIT");
    let raw = fsx::read(&journal_path)?;
    let journal: Journal = serde_json::from_slice(&raw).map_err(|source| WriteError::Manifest {
        path: journal_path.clone(),
        source,
    })?;
    for (name, mode) in &journal.tables {
        let Some(table) = table_by_name(name) else {
            continue;
        };
        let staged = stage.join(name);
        let dest = root.join(name);
        match mode {
            CommitMode::Replace => {
                // While the staged folder exists, `dest` is the old table.
                if staged.exists() {
                    if dest.exists() {
                        let trash = root.join("_trash").join(run_id);
                        fsx::create_dir_all(&trash)?;
                        let old = trash.join(name);
                        if old.exists() {
                            fsx::remove_dir_all(&old)?;
                        }
                        fsx::rename(&dest, &old)?;
                    }
                    fsx::rename(&staged, &dest)?;
                } else if !dest.exists() {
                    fsx::create_dir_all(&dest)?;
                }
            }
            CommitMode::Upsert => upsert(table, &staged, &dest, run_id)?,
        }
    }
    fsx::remove_file(&journal_path)?;
    fsx::remove_dir_all(&stage)?;
    let trash = root.join("_trash").join(run_id);
    if trash.exists() {
        fsx::remove_dir_all(&trash)?;
    }
    // Leave no empty bookkeeping folders behind (fails harmlessly when in use).
    let _ = fsx::remove_dir(root.join("_trash"));
    let _ = fsx::remove_dir(root.join("_staging"));
    Ok(())
}

fn upsert(table: Table, staged: &Path, dest: &Path, run_id: &str) -> Result<(), WriteError> {
    let key = key_column(table);
    let own_prefix = format!("part-{run_id}-");
    let staged_files = list_files(staged)?;
    let dest_files = list_files(dest)?;
    let older: Vec<_> = dest_files
        .into_iter()
        .filter(|p| !file_name(p).starts_with(&own_prefix))
        .collect();
    // Only the staged rows can replace older ones: the run's own files, from
    // its earlier checkpoints, had their keys dropped when they were committed
    // (every drop happens before the first rename). Reading their keys too
    // made each checkpoint hold every key of the run so far.
    if !older.is_empty() {
        let mut keys = HashSet::new();
        for f in &staged_files {
            read_keys(f, key, &mut keys)?;
        }
        if !keys.is_empty() {
            for f in &older {
                drop_keys(table, f, key, &keys)?;
            }
        }
    }
    for f in &staged_files {
        let rel = f.strip_prefix(staged).expect("listed under staged");
        let target = dest.join(rel);
        if let Some(parent) = target.parent() {
            fsx::create_dir_all(parent)?;
        }
        fsx::rename(f, &target)?;
    }
    fsx::create_dir_all(dest)?;
    if staged.exists() {
        fsx::remove_dir_all(staged)?;
    }
    Ok(())
}

pub(crate) fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

fn read_keys(
    path: &Path,
    column: &'static str,
    out: &mut HashSet<String>,
) -> Result<(), WriteError> {
    for batch in read_batches(path, Some(&[column]))? {
        let batch = batch?;
        let keys = key_array(&batch, column, path)?;
        out.extend(keys.iter().flatten().map(str::to_owned));
    }
    Ok(())
}

fn key_array<'a>(
    batch: &'a RecordBatch,
    column: &'static str,
    path: &Path,
) -> Result<&'a StringArray, WriteError> {
    batch
        .column_by_name(column)
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .ok_or_else(|| WriteError::Column {
            path: path.to_owned(),
            column,
            expected: "utf8",
        })
}

/// Rewrites `path` without the rows whose key is in `keys` (removes the file
/// when no row is left). The rewrite is atomic: temporary name, then rename.
fn drop_keys(
    table: Table,
    path: &Path,
    column: &'static str,
    keys: &HashSet<String>,
) -> Result<(), WriteError> {
    let mut hit = HashSet::new();
    read_keys(path, column, &mut hit)?;
    if hit.is_disjoint(keys) {
        return Ok(());
    }
    let file = fsx::open(path)?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(WriteError::parquet(path))?;
    let schema = builder.schema().clone();
    // The file's own metadata (its run id) is kept; the encoding is the
    // table's, with the default level and row-group size.
    let extra = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .into_iter()
        .flatten()
        .filter(|kv| kv.key == "baogao.run_id")
        .cloned()
        .collect();
    let props = writer_properties(table, &WriteOptions::default(), extra);
    let reader = builder.build().map_err(WriteError::parquet(path))?;
    let tmp = path.with_file_name(format!(".{}.rewrite.tmp", file_name(path)));
    let out = fsx::create(&tmp)?;
    let mut writer =
        ArrowWriter::try_new(out, schema, Some(props)).map_err(WriteError::parquet(&tmp))?;
    let mut kept = 0;
    for batch in reader {
        let batch = batch.map_err(|e| WriteError::Parquet {
            path: path.to_owned(),
            cause: e.into(),
        })?;
        let k = key_array(&batch, column, path)?;
        let mask: BooleanArray = k
            .iter()
            .map(|v| Some(!v.is_some_and(|v| keys.contains(v))))
            .collect();
        let batch = filter_record_batch(&batch, &mask).map_err(|source| WriteError::Arrow {
            table: "rewrite",
            source,
        })?;
        kept += batch.num_rows();
        writer.write(&batch).map_err(WriteError::parquet(&tmp))?;
    }
    let file = writer.into_inner().map_err(WriteError::parquet(&tmp))?;
    file.sync_all().map_err(WriteError::io("sync", &tmp))?;
    if kept == 0 {
        fsx::remove_file(&tmp)?;
        fsx::remove_file(path)?;
    } else {
        fsx::rename(&tmp, path)?;
    }
    Ok(())
}

/// Brings a dataset root to a consistent state after a crash: finishes
/// journaled commits (and compactions), discards staged files of runs that never committed and
/// temporary files. Returns the run ids whose commit was finished.
pub fn recover(root: &Path) -> Result<Vec<String>, WriteError> {
    let mut finished = Vec::new();
    let staging = root.join("_staging");
    if staging.exists() {
        let entries = fsx::read_dir(&staging)?;
        for entry in entries {
            let entry = entry?;
            let run_id = entry.file_name().to_string_lossy().into_owned();
            if entry.path().join("_COMMIT").exists() {
                apply(root, &run_id)?;
                finished.push(run_id);
            } else if entry.path().join(crate::compact::JOURNAL).exists() {
                crate::compact::apply(root, &run_id)?;
                finished.push(run_id);
            } else {
                fsx::remove_dir_all(entry.path())?;
            }
        }
        let _ = fsx::remove_dir(&staging);
    }
    for table in Table::ALL {
        remove_tmp(&root.join(table.name()))?;
    }
    Ok(finished)
}

/// Drops what run `run_id` staged but did not commit.
pub fn discard(root: &Path, run_id: &str) -> Result<(), WriteError> {
    let stage = staging_dir(root, run_id);
    if stage.exists() && !stage.join("_COMMIT").exists() {
        fsx::remove_dir_all(&stage)?;
        let _ = fsx::remove_dir(root.join("_staging"));
    }
    Ok(())
}

fn remove_tmp(dir: &Path) -> Result<(), WriteError> {
    if !dir.exists() {
        return Ok(());
    }
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fsx::read_dir(&d)? {
            let entry = entry?;
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "tmp") {
                fsx::remove_file(&p)?;
            }
        }
    }
    Ok(())
}

/// Committed data files of a folder, recursively, sorted by path.
pub fn list_files(dir: &Path) -> Result<Vec<PathBuf>, WriteError> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fsx::read_dir(&d)? {
            let entry = entry?;
            let p = entry.path();
            let name = file_name(&p);
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if name.ends_with(".parquet") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Record batches of one Parquet file, as [`read_batches`] reads them.
pub type BatchIter = Box<dyn Iterator<Item = Result<RecordBatch, WriteError>>>;

/// The record batches of the Parquet file `path` (1,024 rows each), with
/// only `columns` when given (the others are not decoded).
pub fn read_batches(path: &Path, columns: Option<&[&str]>) -> Result<BatchIter, WriteError> {
    let file = fsx::open(path)?;
    let mut builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(WriteError::parquet(path))?;
    if let Some(columns) = columns {
        let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
        builder = builder.with_projection(mask);
    }
    let reader = builder
        .with_batch_size(1024)
        .build()
        .map_err(WriteError::parquet(path))?;
    let path = path.to_owned();
    Ok(Box::new(reader.map(move |b| {
        b.map_err(|e| WriteError::Parquet {
            path: path.clone(),
            cause: e.into(),
        })
    })))
}

fn partition_of(table: Table, table_dir: &Path, file: &Path) -> Option<String> {
    let key = table.partition_key()?;
    let rel = file.strip_prefix(table_dir).ok()?;
    rel.components().find_map(|c| {
        let s = c.as_os_str().to_str()?;
        s.strip_prefix(key)?.strip_prefix('=').map(str::to_owned)
    })
}

/// Reads every committed row of table `R::TABLE` under `root`, a batch of
/// rows at a time, in file order.
pub fn scan<R: Row>(
    root: &Path,
    mut f: impl FnMut(Vec<R>) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let dir = root.join(R::TABLE.name());
    for file in list_files(&dir)? {
        let partition = partition_of(R::TABLE, &dir, &file);
        for batch in read_batches(&file, None)? {
            f(R::from_batch(&batch?, partition.as_deref(), &file)?)?;
        }
    }
    Ok(())
}

/// Reads every committed row of table `R::TABLE` under `root`.
pub fn read_all<R: Row>(root: &Path) -> Result<Vec<R>, WriteError> {
    let mut out = Vec::new();
    scan::<R>(root, |rows| {
        out.extend(rows);
        Ok(())
    })?;
    Ok(out)
}

/// `chars_kept` of the committed documents whose `doc_id` `keep` keeps,
/// reading only those two columns (not the texts).
pub fn document_lengths(
    root: &Path,
    keep: impl Fn(&str) -> bool,
) -> Result<HashMap<String, u64>, WriteError> {
    let dir = root.join(Table::Documents.name());
    let mut out = HashMap::new();
    for file in list_files(&dir)? {
        for batch in read_batches(&file, Some(&["doc_id", "chars_kept"]))? {
            let batch = batch?;
            let ids = key_array(&batch, "doc_id", &file)?;
            let chars = batch
                .column_by_name("chars_kept")
                .and_then(|c| c.as_any().downcast_ref::<Int64Array>())
                .ok_or_else(|| WriteError::Column {
                    path: file.clone(),
                    column: "chars_kept",
                    expected: "int64",
                })?;
            for i in 0..batch.num_rows() {
                if ids.is_valid(i) && keep(ids.value(i)) {
                    out.insert(ids.value(i).to_owned(), chars.value(i).max(0) as u64);
                }
            }
        }
    }
    Ok(out)
}

/// Reads the given string columns of every committed row of `table`; a
/// column a file of an earlier schema version lacks reads as nulls.
pub fn read_strings(
    root: &Path,
    table: Table,
    columns: &[&'static str],
) -> Result<Vec<Vec<Option<String>>>, WriteError> {
    let dir = root.join(table.name());
    let mut out = Vec::new();
    for file in list_files(&dir)? {
        for batch in read_batches(&file, Some(columns))? {
            let batch = batch?;
            let arrays = columns
                .iter()
                .map(|c| {
                    batch
                        .column_by_name(c)
                        .map(|_| key_array(&batch, c, &file))
                        .transpose()
                })
                .collect::<Result<Vec<_>, _>>()?;
            for i in 0..batch.num_rows() {
                out.push(
                    arrays
                        .iter()
                        .map(|a| a.filter(|a| a.is_valid(i)).map(|a| a.value(i).to_owned()))
                        .collect(),
                );
            }
        }
    }
    Ok(out)
}

/// Checks that files can be written in the dataset root `root` (created if missing): writes,
/// syncs and removes a probe file, so that a read-only, full or misplaced output is found
/// before a run fetches anything, not at its first commit.
pub fn check_writable(root: &Path) -> Result<(), WriteError> {
    use std::io::Write;
    // the reason is what the system said: the message names `root` already
    let fail = |e: WriteError| WriteError::NotWritable {
        path: root.to_owned(),
        reason: match e {
            WriteError::Io { source, .. } => source.to_string(),
            e => e.to_string(),
        },
    };
    fsx::create_dir_all(root).map_err(fail)?;
    // hidden from readers and unique to this process
    let probe = root.join(format!(".probe-{}.tmp", std::process::id()));
    let written = fsx::create(&probe).and_then(|mut f| {
        // a block's worth, synced: a full disk fails here, not in the page cache
        f.write_all(&[0u8; 4096])
            .and_then(|()| f.sync_all())
            .map_err(WriteError::io("write", &probe))
    });
    let removed = fsx::remove_file(&probe);
    written.and(removed).map_err(fail)
}

/// Writes `bytes` to `path` atomically (temporary name, fsync, rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if let Some(parent) = path.parent() {
        fsx::create_dir_all(parent)?;
    }
    let tmp = path.with_file_name(format!(".{}.tmp", file_name(path)));
    fsx::write(&tmp, bytes)?;
    fsx::sync(&tmp)?;
    fsx::rename(&tmp, path)?;
    Ok(())
}
