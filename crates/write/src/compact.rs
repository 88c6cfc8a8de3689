//! Compaction: the small files that checkpoints leave in each partition,
//! merged into few large ones.
//!
//! Every checkpoint of a run commits one file per table and partition, so a
//! dataset grown by many runs holds many small files, which readers open one
//! by one. [`compact`] rewrites them, per partition, into files of up to
//! `max_file_rows` / `max_file_bytes`, crash-safe the way commits are:
//!
//! 1. the merged files are written under `_staging/<id>/…` (hidden from
//!    readers), each under a temporary name renamed when complete;
//! 2. the journal `_staging/<id>/_COMPACT` is written (atomically): the
//!    merged files with their destinations, and the files they replace;
//! 3. the merged files are renamed into place, then the replaced files are
//!    removed, then the journal and the staging folder.
//!
//! A crash before step 2 leaves the dataset as it was (recovery drops the
//! staging folder); from step 2 on, [`crate::recover`] finishes the
//! compaction, whose steps are idempotent. No row is lost or duplicated
//! once it is done; a reader listing the folder during step 3 (or after a
//! crash in it, until recovery) may see a partition's rows twice, never
//! fewer. Compaction holds the output lock, so no run writes meanwhile, and
//! recovers the root first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use parquet::file::metadata::KeyValue;
use parquet::file::reader::{FileReader, SerializedFileReader};
use serde::{Deserialize, Serialize};

use crate::dataset::{
    PartFile, WriteOptions, file_name, list_files, read_batches, recover, staging_dir,
    write_atomic, writer_properties,
};
use crate::{OutputLock, Table, WriteError, fsx};

/// Name of the compaction journal in the staging folder.
pub(crate) const JOURNAL: &str = "_COMPACT";

/// What compaction did to one partition (or unpartitioned table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compaction {
    /// The table.
    pub table: &'static str,
    /// The folder, relative to the dataset root (`targets/target_year=2024`).
    pub folder: String,
    /// Files merged…
    pub files_before: usize,
    /// …into this many.
    pub files_after: usize,
    /// Rows in the merged files (the same before and after).
    pub rows: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    /// (staged file, destination), relative to the dataset root.
    moves: Vec<(String, String)>,
    /// Replaced files, relative to the dataset root.
    removes: Vec<String>,
}

/// A new compaction id (also the prefix of the files it writes).
fn new_id() -> String {
    let now = chrono::Utc::now();
    let nanos = now.timestamp_subsec_nanos();
    format!(
        "compact-{}-{:04x}",
        now.format("%Y%m%dT%H%M%SZ"),
        (nanos ^ std::process::id()) & 0xffff
    )
}

/// Merges the small files of every table and partition under `root`.
///
/// A file is small when it holds less than half of `opts.max_file_rows` and
/// less than half of `opts.max_file_bytes`; a folder with two or more small
/// files has them merged (in path order, so rows keep their order) into
/// files rolled at the limits. Takes the output lock (fails with
/// [`WriteError::Locked`] while a run writes) and finishes any interrupted
/// commit first.
pub fn compact(root: &Path, opts: &WriteOptions) -> Result<Vec<Compaction>, WriteError> {
    let id = new_id();
    let _lock = OutputLock::acquire(root, &id)?;
    recover(root)?;
    let done = stage(root, &id, opts)?;
    if !done.is_empty() {
        apply(root, &id)?;
    }
    Ok(done)
}

/// [`compact`] for the run that holds the output lock (`lock` is the proof):
/// the pipeline merges the small files its checkpoints left, at the end of a
/// run and every few hundred checkpoints of a long one. It does not recover
/// the root first (the run did when it started, and its own commits leave
/// nothing staged between checkpoints); call it between checkpoints, never
/// with rows staged and not committed.
pub fn compact_held(
    root: &Path,
    opts: &WriteOptions,
    lock: &OutputLock,
) -> Result<Vec<Compaction>, WriteError> {
    let _ = lock;
    let id = new_id();
    let done = stage(root, &id, opts)?;
    if !done.is_empty() {
        apply(root, &id)?;
    }
    Ok(done)
}

/// Steps 1 and 2: writes the merged files and the journal. Returns what the
/// compaction will do (nothing staged when it is empty).
pub(crate) fn stage(
    root: &Path,
    id: &str,
    opts: &WriteOptions,
) -> Result<Vec<Compaction>, WriteError> {
    let stage_root = staging_dir(root, id);
    let mut journal = Journal::default();
    let mut done = Vec::new();
    let mut seq = 0u32;
    for table in Table::ALL {
        let table_dir = root.join(table.name());
        let mut folders: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
        for f in list_files(&table_dir)? {
            if is_small(&f, table, opts)? {
                let parent = f.parent().expect("a file has a folder").to_owned();
                folders.entry(parent).or_default().push(f);
            }
        }
        for (folder, files) in folders {
            if files.len() < 2 {
                continue;
            }
            let rel_folder = rel(root, &folder);
            let out_dir = stage_root.join(&rel_folder);
            let props = writer_properties(
                table,
                opts,
                vec![KeyValue::new("baogao.run_id".into(), id.to_owned())],
            );
            let (mut rows_in, mut rows_out) = (0u64, 0u64);
            let mut written = Vec::new();
            let mut part: Option<PartFile> = None;
            for f in &files {
                rows_in += file_rows(f)?;
                for batch in read_batches(f, None)? {
                    let batch = batch?;
                    let mut offset = 0;
                    // Batches are cut so that files end exactly at the row limit.
                    while offset < batch.num_rows() {
                        if part.is_none() {
                            let name = format!("part-{id}-{seq:05}.parquet");
                            seq += 1;
                            part = Some(PartFile::create(
                                &out_dir,
                                &name,
                                table.schema(),
                                props.clone(),
                            )?);
                        }
                        let p = part.as_mut().expect("just opened");
                        let room = opts.max_file_rows.saturating_sub(p.rows()).max(1);
                        let take = room.min(batch.num_rows() - offset);
                        let slice = batch.slice(offset, take);
                        offset += take;
                        rows_out += take as u64;
                        if p.write(&slice, opts)? {
                            written.push(part.take().expect("open").finish()?);
                        }
                    }
                }
            }
            if let Some(p) = part.take() {
                written.push(p.finish()?);
            }
            if rows_in != rows_out {
                return Err(WriteError::Io {
                    action: "compact",
                    path: folder,
                    source: std::io::Error::other(format!(
                        "read {rows_out} rows of {rows_in} (a file changed while compacting?)"
                    )),
                });
            }
            for w in &written {
                let staged = rel(root, w);
                let dest = format!("{rel_folder}/{}", file_name(w));
                journal.moves.push((staged, dest));
            }
            journal.removes.extend(files.iter().map(|f| rel(root, f)));
            done.push(Compaction {
                table: table.name(),
                folder: rel_folder,
                files_before: files.len(),
                files_after: written.len(),
                rows: rows_in,
            });
        }
    }
    if !done.is_empty() {
        let path = stage_root.join(JOURNAL);
        let body = serde_json::to_vec_pretty(&journal).map_err(|source| WriteError::Manifest {
            path: path.clone(),
            source,
        })?;
        write_atomic(&path, &body)?;
    }
    Ok(done)
}

/// Step 3, idempotent: moves the merged files into place, removes the files
/// they replace, then the journal. Run by [`compact`] and by
/// [`crate::recover`] after a crash.
pub(crate) fn apply(root: &Path, id: &str) -> Result<(), WriteError> {
    let stage_root = staging_dir(root, id);
    let path = stage_root.join(JOURNAL);
    let raw = fsx::read(&path)?;
    let journal: Journal = serde_json::from_slice(&raw).map_err(|source| WriteError::Manifest {
        path: path.clone(),
        source,
    })?;
    for (staged, dest) in &journal.moves {
        let (staged, dest) = (root.join(staged), root.join(dest));
        if staged.exists() {
            if let Some(parent) = dest.parent() {
                fsx::create_dir_all(parent)?;
            }
            fsx::rename(&staged, &dest)?;
        } else if !dest.exists() {
            // Neither staged nor in place: removing the old files would
            // lose rows. Leave everything for a person to look at.
            return Err(WriteError::Io {
                action: "finish compaction",
                path: staged,
                source: std::io::Error::other("a merged file is missing; the old files are kept"),
            });
        }
    }
    // Every merged file is in place and synced: the old ones can go.
    for old in &journal.removes {
        let old = root.join(old);
        fsx::remove_file_if_exists(&old)?;
    }
    fsx::remove_file(&path)?;
    fsx::remove_dir_all(&stage_root)?;
    let _ = fsx::remove_dir(root.join("_staging"));
    Ok(())
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn file_rows(path: &Path) -> Result<u64, WriteError> {
    let file = fsx::open(path)?;
    let reader = SerializedFileReader::new(file).map_err(WriteError::parquet(path))?;
    Ok(reader.metadata().file_metadata().num_rows() as u64)
}

/// Small, and of the table's current schema (files of another schema
/// version are left alone).
fn is_small(path: &Path, table: Table, opts: &WriteOptions) -> Result<bool, WriteError> {
    let size = fsx::metadata(path)?.len();
    if size >= opts.max_file_bytes / 2 || file_rows(path)? >= (opts.max_file_rows / 2) as u64 {
        return Ok(false);
    }
    let file = fsx::open(path)?;
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(WriteError::parquet(path))?;
    Ok(builder.schema().fields() == table.schema().fields())
}
