//! The derived tables `reports_dedup` and `panel`: rebuilt from the
//! `reports`, `targets` and `outcomes` tables after every extraction, one
//! unpartitioned file each, replaced atomically (temporary name, fsync,
//! rename), with the same Parquet settings as every other table. The panel
//! can be written a part at a time ([`PanelWriter`]), one row group per part.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use arrow::array::{ArrayRef, BooleanArray, Float64Array, Int32Array, RecordBatch};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use baogao_model::{DedupRow, PanelRow, ParentTargets};
use parquet::arrow::ArrowWriter;

use crate::WriteError;
use crate::dataset::{WriteOptions, properties, write_atomic};
use crate::fsx;
use crate::rows::{lists, opt_strs, strs};
use crate::schema::{list_utf8, utf8};

pub(crate) static DEDUP: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("region_code", false),
        Field::new("target_year", DataType::Int32, false),
        utf8("doc_id", false),
        utf8("url", false),
        utf8("province", true),
        utf8("prefecture", true),
        utf8("region", true),
        utf8("level", true),
        utf8("parent_code", true),
        Field::new("targets_found", DataType::Int32, false),
        list_utf8("copies"),
        list_utf8("copy_urls"),
    ]))
});

pub(crate) static PANEL: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("region_code", false),
        Field::new("target_year", DataType::Int32, false),
        utf8("indicator", false),
        utf8("series", false),
        utf8("province", true),
        utf8("region", true),
        utf8("level", true),
        utf8("parent_code", true),
        utf8("measure", false),
        utf8("raw_name", false),
        Field::new("target_value", DataType::Float64, true),
        Field::new("target_value_max", DataType::Float64, true),
        utf8("unit", true),
        Field::new("target_value_std", DataType::Float64, true),
        utf8("unit_std", true),
        utf8("qualifier", false),
        Field::new("inferred", DataType::Boolean, false),
        Field::new("stretch_value", DataType::Float64, true),
        utf8("constraint", true),
        utf8("constraint_source", true),
        utf8("target_text", false),
        utf8("doc_id", false),
        Field::new("parent_value", DataType::Float64, true),
        utf8("parent_qualifier", true),
        Field::new("achieved_value", DataType::Float64, true),
        utf8("achieved_unit", true),
        Field::new("achieved_value_std", DataType::Float64, true),
        Field::new("achieved_estimated", DataType::Boolean, true),
        utf8("achieved_text", true),
        utf8("achieved_doc_id", true),
    ]))
});

fn f64s(it: impl Iterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(Float64Array::from_iter(it))
}

fn i32s(it: impl Iterator<Item = i32>) -> ArrayRef {
    Arc::new(Int32Array::from_iter_values(it))
}

/// Writes `batch` as the single file of table `name`, replacing the old one.
fn replace_table(
    root: &Path,
    name: &'static str,
    dictionary: &[&str],
    batch: &RecordBatch,
    opts: &WriteOptions,
) -> Result<PathBuf, WriteError> {
    let path = root.join(name).join("part-00000.parquet");
    let props = properties(name, dictionary, true, opts, Vec::new());
    let mut bytes = Vec::new();
    let mut w = ArrowWriter::try_new(&mut bytes, batch.schema(), Some(props))
        .map_err(WriteError::parquet(&path))?;
    w.write(batch).map_err(WriteError::parquet(&path))?;
    w.close().map_err(WriteError::parquet(&path))?;
    write_atomic(&path, &bytes)?;
    Ok(path)
}

fn arrow_err(table: &'static str) -> impl FnOnce(arrow::error::ArrowError) -> WriteError {
    move |source| WriteError::Arrow { table, source }
}

/// Replaces `ROOT/reports_dedup/part-00000.parquet` with `rows`.
pub fn write_reports_dedup(
    root: &Path,
    rows: &[DedupRow],
    opts: &WriteOptions,
) -> Result<PathBuf, WriteError> {
    let batch = RecordBatch::try_new(
        DEDUP.clone(),
        vec![
            strs(rows.iter().map(|r| r.region_code.as_str())),
            i32s(rows.iter().map(|r| r.target_year)),
            strs(rows.iter().map(|r| r.doc_id.as_str())),
            strs(rows.iter().map(|r| r.url.as_str())),
            opt_strs(rows.iter().map(|r| r.province.as_deref())),
            opt_strs(rows.iter().map(|r| r.prefecture.as_deref())),
            opt_strs(rows.iter().map(|r| r.region.as_deref())),
            opt_strs(rows.iter().map(|r| r.level.as_deref())),
            opt_strs(rows.iter().map(|r| r.parent_code.as_deref())),
            i32s(rows.iter().map(|r| r.targets_found as i32)),
            lists(rows.iter().map(|r| r.copies.as_slice())),
            lists(rows.iter().map(|r| r.copy_urls.as_slice())),
        ],
    )
    .map_err(arrow_err("reports_dedup"))?;
    replace_table(
        root,
        "reports_dedup",
        &["province", "prefecture", "region", "level", "parent_code"],
        &batch,
        opts,
    )
}

/// Columns of `panel` stored dictionary-encoded.
const PANEL_DICTIONARY: &[&str] = &[
    "indicator",
    "series",
    "province",
    "region",
    "level",
    "parent_code",
    "measure",
    "unit",
    "unit_std",
    "qualifier",
    "constraint",
    "constraint_source",
    "parent_qualifier",
    "achieved_unit",
];

/// Replaces `ROOT/panel/part-00000.parquet` with `rows`.
pub fn write_panel(
    root: &Path,
    rows: &[PanelRow],
    opts: &WriteOptions,
) -> Result<PathBuf, WriteError> {
    let mut w = PanelWriter::create(root, opts)?;
    w.write(rows)?;
    w.commit()
}

fn panel_batch(rows: &[PanelRow]) -> Result<RecordBatch, WriteError> {
    RecordBatch::try_new(
        PANEL.clone(),
        vec![
            strs(rows.iter().map(|r| r.region_code.as_str())),
            i32s(rows.iter().map(|r| r.target_year)),
            strs(rows.iter().map(|r| r.indicator.as_str())),
            strs(rows.iter().map(|r| r.series.as_str())),
            opt_strs(rows.iter().map(|r| r.province.as_deref())),
            opt_strs(rows.iter().map(|r| r.region.as_deref())),
            opt_strs(rows.iter().map(|r| r.level.as_deref())),
            opt_strs(rows.iter().map(|r| r.parent_code.as_deref())),
            strs(rows.iter().map(|r| r.measure.as_str())),
            strs(rows.iter().map(|r| r.raw_name.as_str())),
            f64s(rows.iter().map(|r| r.target_value)),
            f64s(rows.iter().map(|r| r.target_value_max)),
            opt_strs(rows.iter().map(|r| r.unit.as_deref())),
            f64s(rows.iter().map(|r| r.target_value_std)),
            opt_strs(rows.iter().map(|r| r.unit_std.as_deref())),
            strs(rows.iter().map(|r| r.qualifier.as_str())),
            Arc::new(BooleanArray::from_iter(
                rows.iter().map(|r| Some(r.inferred)),
            )),
            f64s(rows.iter().map(|r| r.stretch_value)),
            opt_strs(rows.iter().map(|r| r.constraint.as_deref())),
            opt_strs(rows.iter().map(|r| r.constraint_source.as_deref())),
            strs(rows.iter().map(|r| r.target_text.as_str())),
            strs(rows.iter().map(|r| r.doc_id.as_str())),
            f64s(rows.iter().map(|r| r.parent_value)),
            opt_strs(rows.iter().map(|r| r.parent_qualifier.as_deref())),
            f64s(rows.iter().map(|r| r.achieved_value)),
            opt_strs(rows.iter().map(|r| r.achieved_unit.as_deref())),
            f64s(rows.iter().map(|r| r.achieved_value_std)),
            Arc::new(BooleanArray::from_iter(
                rows.iter().map(|r| r.achieved_estimated),
            )),
            opt_strs(rows.iter().map(|r| r.achieved_text.as_deref())),
            opt_strs(rows.iter().map(|r| r.achieved_doc_id.as_deref())),
        ],
    )
    .map_err(arrow_err("panel"))
}

/// The `panel` table written a part at a time: rows go to a temporary file next to
/// `ROOT/panel/part-00000.parquet`, which [`PanelWriter::commit`] syncs and renames over the
/// old file. Until then readers see the old panel; a writer dropped without a commit (an
/// error, a killed process) leaves the old panel and a dot-file that readers skip.
///
/// The writer fills in `parent_value` and `parent_qualifier` of a row whose parent region
/// was in an earlier part ([`ParentTargets`]): parts written in `region_code` order (as
/// the pipeline writes them) give every row its parent's target, however the panel is cut.
pub struct PanelWriter {
    path: PathBuf,
    tmp: PathBuf,
    writer: ArrowWriter<std::fs::File>,
    parents: ParentTargets,
}

impl PanelWriter {
    /// Starts a new panel under `root`.
    pub fn create(root: &Path, opts: &WriteOptions) -> Result<Self, WriteError> {
        let path = root.join("panel").join("part-00000.parquet");
        let dir = root.join("panel");
        fsx::create_dir_all(&dir)?;
        let tmp = dir.join(".part-00000.parquet.tmp");
        let file = fsx::create(&tmp)?;
        let props = properties("panel", PANEL_DICTIONARY, true, opts, Vec::new());
        let writer = ArrowWriter::try_new(file, PANEL.clone(), Some(props))
            .map_err(WriteError::parquet(&tmp))?;
        Ok(Self {
            path,
            tmp,
            writer,
            parents: ParentTargets::default(),
        })
    }

    /// Appends `rows` (nothing is visible before [`PanelWriter::commit`]).
    pub fn write(&mut self, rows: &[PanelRow]) -> Result<(), WriteError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut rows = rows.to_vec();
        self.parents.fill(&mut rows);
        let batch = panel_batch(&rows)?;
        self.writer
            .write(&batch)
            .map_err(WriteError::parquet(&self.tmp))?;
        // one row group per part, so that the buffered encoder never holds more than a part
        self.writer.flush().map_err(WriteError::parquet(&self.tmp))
    }

    /// Finishes the file and puts it in place of the old panel.
    pub fn commit(self) -> Result<PathBuf, WriteError> {
        let Self {
            path, tmp, writer, ..
        } = self;
        let file = writer.into_inner().map_err(WriteError::parquet(&tmp))?;
        file.sync_all().map_err(WriteError::io("sync", &tmp))?;
        drop(file);
        fsx::rename(&tmp, &path)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::disallowed_methods)] // tests may look at files directly

    use super::*;

    fn row(code: &str, year: i32) -> PanelRow {
        PanelRow {
            region_code: code.into(),
            target_year: year,
            indicator: "gdp".into(),
            series: "gdp".into(),
            province: Some("山西省".into()),
            region: None,
            level: Some("county".into()),
            parent_code: None,
            measure: "growth".into(),
            raw_name: "地区生产总值".into(),
            target_value: Some(6.0),
            target_value_max: None,
            unit: Some("%".into()),
            target_value_std: Some(6.0),
            unit_std: Some("%".into()),
            qualifier: "about".into(),
            inferred: false,
            stretch_value: None,
            constraint: None,
            constraint_source: None,
            target_text: "地区生产总值增长6%左右".into(),
            doc_id: format!("{code}-{year}"),
            parent_value: None,
            parent_qualifier: None,
            achieved_value: None,
            achieved_unit: None,
            achieved_value_std: None,
            achieved_estimated: None,
            achieved_text: None,
            achieved_doc_id: None,
        }
    }

    fn codes(path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for batch in crate::dataset::read_batches(path, Some(&["region_code"])).unwrap() {
            let batch = batch.unwrap();
            let a = batch
                .column(0)
                .as_any()
                .downcast_ref::<arrow::array::StringArray>()
                .unwrap();
            out.extend(a.iter().map(|s| s.unwrap().to_owned()));
        }
        out
    }

    #[test]
    fn the_panel_is_written_in_parts_and_replaces_the_old_one_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let opts = WriteOptions::default();
        let path = write_panel(dir.path(), &[row("110101", 2023)], &opts).unwrap();
        assert_eq!(codes(&path), ["110101"]);

        let mut w = PanelWriter::create(dir.path(), &opts).unwrap();
        w.write(&[row("140703", 2023), row("140703", 2024)])
            .unwrap();
        w.write(&[]).unwrap();
        drop(w); // an error or a kill before the commit
        assert_eq!(codes(&path), ["110101"], "the old panel stays");

        let mut w = PanelWriter::create(dir.path(), &opts).unwrap();
        w.write(&[row("140703", 2023), row("140703", 2024)])
            .unwrap();
        w.write(&[row("510100", 2024)]).unwrap();
        assert_eq!(w.commit().unwrap(), path);
        assert_eq!(codes(&path), ["140703", "140703", "510100"]);
        let left: Vec<_> = std::fs::read_dir(dir.path().join("panel"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["part-00000.parquet"]);
    }
}
