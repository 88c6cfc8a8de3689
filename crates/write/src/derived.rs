//! The derived tables `reports_dedup` and `panel`: rebuilt whole from the
//! `reports`, `targets` and `outcomes` tables after every extraction, one
//! unpartitioned file each, replaced atomically (temporary name, fsync,
//! rename), with the same Parquet settings as every other table.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use arrow::array::{ArrayRef, BooleanArray, Float64Array, Int32Array, RecordBatch};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use baogao_model::{DedupRow, PanelRow};
use parquet::arrow::ArrowWriter;

use crate::WriteError;
use crate::dataset::{WriteOptions, properties, write_atomic};
use crate::rows::{lists, opt_strs, strs};
use crate::schema::{list_utf8, utf8};

static DEDUP: LazyLock<SchemaRef> = LazyLock::new(|| {
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

static PANEL: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("region_code", false),
        Field::new("target_year", DataType::Int32, false),
        utf8("indicator", false),
        utf8("province", true),
        utf8("region", true),
        utf8("level", true),
        utf8("parent_code", true),
        utf8("measure", false),
        Field::new("target_value", DataType::Float64, true),
        Field::new("target_value_max", DataType::Float64, true),
        utf8("unit", true),
        utf8("qualifier", false),
        Field::new("stretch_value", DataType::Float64, true),
        utf8("constraint", true),
        utf8("target_text", false),
        utf8("doc_id", false),
        Field::new("achieved_value", DataType::Float64, true),
        utf8("achieved_unit", true),
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

/// Replaces `ROOT/panel/part-00000.parquet` with `rows`.
pub fn write_panel(
    root: &Path,
    rows: &[PanelRow],
    opts: &WriteOptions,
) -> Result<PathBuf, WriteError> {
    let batch = RecordBatch::try_new(
        PANEL.clone(),
        vec![
            strs(rows.iter().map(|r| r.region_code.as_str())),
            i32s(rows.iter().map(|r| r.target_year)),
            strs(rows.iter().map(|r| r.indicator.as_str())),
            opt_strs(rows.iter().map(|r| r.province.as_deref())),
            opt_strs(rows.iter().map(|r| r.region.as_deref())),
            opt_strs(rows.iter().map(|r| r.level.as_deref())),
            opt_strs(rows.iter().map(|r| r.parent_code.as_deref())),
            strs(rows.iter().map(|r| r.measure.as_str())),
            f64s(rows.iter().map(|r| r.target_value)),
            f64s(rows.iter().map(|r| r.target_value_max)),
            opt_strs(rows.iter().map(|r| r.unit.as_deref())),
            strs(rows.iter().map(|r| r.qualifier.as_str())),
            f64s(rows.iter().map(|r| r.stretch_value)),
            opt_strs(rows.iter().map(|r| r.constraint.as_deref())),
            strs(rows.iter().map(|r| r.target_text.as_str())),
            strs(rows.iter().map(|r| r.doc_id.as_str())),
            f64s(rows.iter().map(|r| r.achieved_value)),
            opt_strs(rows.iter().map(|r| r.achieved_unit.as_deref())),
            Arc::new(BooleanArray::from_iter(
                rows.iter().map(|r| r.achieved_estimated),
            )),
            opt_strs(rows.iter().map(|r| r.achieved_text.as_deref())),
            opt_strs(rows.iter().map(|r| r.achieved_doc_id.as_deref())),
        ],
    )
    .map_err(arrow_err("panel"))?;
    replace_table(
        root,
        "panel",
        &[
            "indicator",
            "province",
            "region",
            "level",
            "parent_code",
            "measure",
            "unit",
            "qualifier",
            "constraint",
            "achieved_unit",
        ],
        &batch,
        opts,
    )
}
