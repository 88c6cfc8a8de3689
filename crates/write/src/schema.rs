//! One Arrow schema per table, defined once.
//!
//! Partition columns (`crawl_date`, `target_year`, `year`) are not stored in
//! the files: they live in the hive folder names (`target_year=2023/`), which
//! DuckDB (`hive_partitioning = true`), pyarrow and pandas turn back into
//! columns.

use std::sync::{Arc, LazyLock};

use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};

/// Version of the dataset layout; stored in every file's key-value metadata.
///
/// - `1`: the first layout.
/// - `2`: `pages` gains the nullable `decode_errors` column. Files of version 1 stay as they
///   are (compaction leaves files of another schema alone) and read back with the column null;
///   DuckDB reads a table mixing both with `union_by_name = true`.
pub const SCHEMA_VERSION: &str = "2";

/// The tables of a dataset root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Pages,
    Documents,
    Reports,
    Targets,
    Outcomes,
}

impl Table {
    /// Every table, in pipeline order.
    pub const ALL: [Table; 5] = [
        Table::Pages,
        Table::Documents,
        Table::Reports,
        Table::Targets,
        Table::Outcomes,
    ];

    /// Folder name under the dataset root.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Table::Pages => "pages",
            Table::Documents => "documents",
            Table::Reports => "reports",
            Table::Targets => "targets",
            Table::Outcomes => "outcomes",
        }
    }

    /// The hive partition key of the table, if it is partitioned.
    #[must_use]
    pub fn partition_key(self) -> Option<&'static str> {
        match self {
            Table::Pages => Some("crawl_date"),
            Table::Documents => None,
            Table::Reports | Table::Targets => Some("target_year"),
            Table::Outcomes => Some("year"),
        }
    }

    /// The Arrow schema of the table's files.
    #[must_use]
    pub fn schema(self) -> SchemaRef {
        match self {
            Table::Pages => PAGES.clone(),
            Table::Documents => DOCUMENTS.clone(),
            Table::Reports => REPORTS.clone(),
            Table::Targets => TARGETS.clone(),
            Table::Outcomes => OUTCOMES.clone(),
        }
    }
}

pub(crate) fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

pub(crate) fn list_utf8(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        false,
    )
}

pub(crate) fn timestamp_utc() -> DataType {
    DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
}

static PAGES: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("url", false),
        utf8("final_url", false),
        utf8("host", false),
        Field::new("fetched_at", timestamp_utc(), false),
        utf8("kind", false),
        Field::new("status", DataType::Int32, true),
        utf8("content_type", true),
        utf8("declared_charset", true),
        utf8("detected_charset", true),
        Field::new("decode_errors", DataType::Int32, true),
        utf8("etag", true),
        utf8("last_modified", true),
        utf8("body", true),
        utf8("body_sha256", true),
        list_utf8("page_urls"),
        Field::new("depth", DataType::Int32, false),
        utf8("referrer", true),
        Field::new("attempts", DataType::Int32, false),
        utf8("error", true),
        utf8("run_id", false),
    ]))
});

static DOCUMENTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("url", false),
        utf8("title", true),
        Field::new("published", DataType::Date32, true),
        utf8("text", false),
        Field::new("chars_kept", DataType::Int64, false),
        Field::new("chars_dropped", DataType::Int64, false),
        Field::new("spam_removed", DataType::Boolean, false),
        list_utf8("flags"),
        utf8("run_id", false),
    ]))
});

static REPORTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("url", false),
        utf8("title", true),
        utf8("province", true),
        utf8("prefecture", true),
        utf8("region", true),
        utf8("level", true),
        utf8("region_code", true),
        utf8("parent_code", true),
        utf8("region_note", true),
        Field::new("report_date", DataType::Date32, true),
        utf8("session", true),
        Field::new("targets_found", DataType::Int32, false),
        Field::new("outcomes_found", DataType::Int32, false),
        Field::new("gdp_absent", DataType::Boolean, false),
        utf8("extractor_version", false),
        utf8("run_id", false),
    ]))
});

static TARGETS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("indicator", false),
        utf8("raw_name", false),
        utf8("measure", false),
        Field::new("value", DataType::Float64, true),
        Field::new("value_max", DataType::Float64, true),
        utf8("unit", true),
        utf8("qualifier", false),
        Field::new("stretch_value", DataType::Float64, true),
        utf8("constraint", true),
        utf8("text", false),
        Field::new("char_start", DataType::Int32, false),
        Field::new("char_end", DataType::Int32, false),
        utf8("extractor_version", false),
        utf8("run_id", false),
    ]))
});

static OUTCOMES: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("indicator", false),
        utf8("raw_name", false),
        utf8("measure", false),
        Field::new("value", DataType::Float64, true),
        utf8("unit", true),
        Field::new("estimated", DataType::Boolean, false),
        utf8("text", false),
        Field::new("char_start", DataType::Int32, false),
        Field::new("char_end", DataType::Int32, false),
        utf8("extractor_version", false),
        utf8("run_id", false),
    ]))
});
