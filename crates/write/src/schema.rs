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
/// - `3`: `targets` gains `series`, `value_std`, `unit_std`, `inferred` and
///   `constraint_source`; `outcomes` gains `series`, `value_std` and `unit_std`;
///   `panel` is keyed by series too and gains `series`, `raw_name`,
///   `target_value_std`, `unit_std`, `inferred`, `constraint_source`,
///   `parent_value`, `parent_qualifier` and `achieved_value_std`. Files of
///   version 2 read back with the new columns null (`series` the indicator);
///   `baogao run --stage extract` rewrites them. `documents` gains the nullable
///   `breadcrumb` (null in files of version 2; `--stage clean` rewrites them).
/// - `4`: `pages` gains the nullable `error_kind` (the typed kind of a failure,
///   which readers guessed from the status and message before). Files of
///   version 3 read back with it null; readers then fall back to that guess
///   (`baogao_model::ErrorKind::of_stored`).
pub const SCHEMA_VERSION: &str = "4";

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
        utf8("error_kind", true),
        utf8("run_id", false),
    ]))
});

static DOCUMENTS: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("doc_id", false),
        utf8("url", false),
        utf8("title", true),
        Field::new("published", DataType::Date32, true),
        utf8("breadcrumb", true),
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
        utf8("series", false),
        utf8("raw_name", false),
        utf8("measure", false),
        Field::new("value", DataType::Float64, true),
        Field::new("value_max", DataType::Float64, true),
        utf8("unit", true),
        Field::new("value_std", DataType::Float64, true),
        utf8("unit_std", true),
        utf8("qualifier", false),
        Field::new("inferred", DataType::Boolean, false),
        Field::new("stretch_value", DataType::Float64, true),
        utf8("constraint", true),
        utf8("constraint_source", true),
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
        utf8("series", false),
        utf8("raw_name", false),
        utf8("measure", false),
        Field::new("value", DataType::Float64, true),
        utf8("unit", true),
        Field::new("value_std", DataType::Float64, true),
        utf8("unit_std", true),
        Field::new("estimated", DataType::Boolean, false),
        utf8("text", false),
        Field::new("char_start", DataType::Int32, false),
        Field::new("char_end", DataType::Int32, false),
        utf8("extractor_version", false),
        utf8("run_id", false),
    ]))
});

/// One table of a dataset root, derived ones included: what the codebook
/// (`baogao codebook`) says of it.
#[derive(Debug, Clone)]
pub struct TableDoc {
    /// Folder name under the dataset root.
    pub name: &'static str,
    /// What one row is.
    pub row: &'static str,
    /// The columns a row is unique by.
    pub key: &'static str,
    /// The hive partition column (in folder names, not in the files).
    pub partition: Option<&'static str>,
    pub schema: SchemaRef,
}

impl TableDoc {
    /// `(name, type, nullable)` of every column stored in the files, in order;
    /// the type as readers call it (`string`, `double`, `list<string>` …).
    #[must_use]
    pub fn columns(&self) -> Vec<(String, String, bool)> {
        self.schema
            .fields()
            .iter()
            .map(|f| (f.name().clone(), type_name(f.data_type()), f.is_nullable()))
            .collect()
    }
}

fn type_name(t: &DataType) -> String {
    match t {
        DataType::Utf8 => "string".into(),
        DataType::Float64 => "double".into(),
        DataType::Int32 => "int32".into(),
        DataType::Int64 => "int64".into(),
        DataType::Boolean => "boolean".into(),
        DataType::Date32 => "date".into(),
        DataType::Timestamp(_, Some(tz)) => format!("timestamp (µs, {tz})"),
        DataType::List(f) => format!("list<{}>", type_name(f.data_type())),
        other => format!("{other}"),
    }
}

/// Every table a dataset root holds, in pipeline order, derived ones last.
#[must_use]
pub fn tables() -> Vec<TableDoc> {
    let base = |t: Table, row, key| TableDoc {
        name: t.name(),
        row,
        key,
        partition: t.partition_key(),
        schema: t.schema(),
    };
    vec![
        base(
            Table::Pages,
            "one fetched URL (an article with all its pages joined), or the reason it failed",
            "url",
        ),
        base(Table::Documents, "the report text of one article", "doc_id"),
        base(Table::Reports, "one report", "doc_id"),
        base(
            Table::Targets,
            "one target of the coming year",
            "doc_id, indicator, measure, value, char_start",
        ),
        base(
            Table::Outcomes,
            "one figure achieved in the previous year",
            "doc_id, indicator, measure, value, char_start",
        ),
        TableDoc {
            name: "reports_dedup",
            row: "the kept copy of one region's report of one year (derived)",
            key: "region_code, target_year",
            partition: None,
            schema: crate::derived::DEDUP.clone(),
        },
        TableDoc {
            name: "panel",
            row: "the headline target of one indicator, measure and series of one region and year, \
                  beside its parent region's target and what the next year's report says was achieved (derived)",
            key: "region_code, target_year, indicator, measure, series",
            partition: None,
            schema: crate::derived::PANEL.clone(),
        },
    ]
}

/// What column `column` of table `table` holds (partition columns included).
#[must_use]
pub fn column_doc(table: &str, column: &str) -> Option<&'static str> {
    COLUMN_DOCS
        .iter()
        .find(|(t, c, _)| *t == table && *c == column)
        .or_else(|| {
            COLUMN_DOCS
                .iter()
                .find(|(t, c, _)| *t == "*" && *c == column)
        })
        .map(|(_, _, d)| *d)
}

/// `(table, column, meaning)`; table `*` is the meaning in every table that
/// has no entry of its own.
const COLUMN_DOCS: &[(&str, &str, &str)] = &[
    // shared
    (
        "*",
        "doc_id",
        "the document: first 16 hex digits of the SHA-256 of its canonical URL",
    ),
    (
        "*",
        "url",
        "the article's canonical URL (or the local path it came from)",
    ),
    ("*", "run_id", "the run that wrote the row"),
    (
        "*",
        "extractor_version",
        "the version of the extraction rules that produced the row",
    ),
    (
        "*",
        "text",
        "the clause the figure was read from, as written",
    ),
    (
        "*",
        "char_start",
        "offset of `text` in the document's `text`, in characters (not bytes)",
    ),
    (
        "*",
        "char_end",
        "end offset (exclusive) of `text`, in characters",
    ),
    (
        "*",
        "indicator",
        "canonical indicator id (see Indicators), or `other:<name as written>`",
    ),
    (
        "*",
        "series",
        "statistical series within the indicator (see Indicators); the indicator id when the dictionary defines no series for it",
    ),
    (
        "*",
        "raw_name",
        "the indicator's name as the report wrote it",
    ),
    (
        "*",
        "measure",
        "what the figure measures: `growth`, `level`, `share`, `rate` or `change` (see Measures)",
    ),
    (
        "*",
        "value",
        "the figure as written (low end of a range); null for qualitative targets",
    ),
    (
        "*",
        "value_max",
        "high end of a range (`qualifier = range`)",
    ),
    (
        "*",
        "unit",
        "the unit as written, simplified (`%`, `亿元`, `万人` …)",
    ),
    (
        "*",
        "value_std",
        "`value` in `unit_std` (see Units); null without a value or a unit",
    ),
    (
        "*",
        "unit_std",
        "the canonical unit of the indicator and measure when `unit` is of its kind, else the base unit of `unit`'s own kind (see Units)",
    ),
    (
        "*",
        "qualifier",
        "how the figure bounds the target (see Qualifiers)",
    ),
    (
        "*",
        "inferred",
        "the value was read from words, not written as a figure (see Inferred values)",
    ),
    (
        "*",
        "stretch_value",
        "力争: the higher figure aimed for beside the target",
    ),
    (
        "*",
        "constraint",
        "`hard` (a commitment) or `soft` (an expectation); null for qualitative targets without a label (see Constraints)",
    ),
    (
        "*",
        "constraint_source",
        "`label` when the report labels the target 约束性/预期性, `wording` when `constraint` was read from the wording; null when `constraint` is",
    ),
    (
        "*",
        "province",
        "the province (省, 自治区, 直辖市) of the reporting region; null for the national report",
    ),
    (
        "*",
        "prefecture",
        "the prefecture-level region (地级) of a county or district, and of a city itself",
    ),
    (
        "*",
        "region",
        "the reporting region (`全国` for the State Council's report)",
    ),
    ("*", "level", "`national`, `province`, `city` or `county`"),
    (
        "*",
        "region_code",
        "GB/T 2260 code of the region (`100000` for the national report)",
    ),
    ("*", "parent_code", "GB/T 2260 code of the parent region"),
    (
        "*",
        "target_year",
        "the year the targets are for (hive partition in `reports` and `targets`)",
    ),
    ("*", "targets_found", "targets read from the report"),
    // pages
    ("pages", "url", "the URL as discovered (normalised)"),
    (
        "pages",
        "crawl_date",
        "the day the page was fetched, UTC (hive partition)",
    ),
    ("pages", "final_url", "the URL after redirects"),
    ("pages", "host", "host of `url`"),
    (
        "pages",
        "fetched_at",
        "when the (first part of the) page was fetched (timestamp, microseconds, UTC)",
    ),
    (
        "pages",
        "kind",
        "`html`, `listing`, `binary`, `unchanged` or `error`",
    ),
    ("pages", "status", "HTTP status of the last attempt"),
    ("pages", "content_type", "`Content-Type` header"),
    (
        "pages",
        "declared_charset",
        "charset named by the HTTP header or the page's `<meta>`",
    ),
    (
        "pages",
        "detected_charset",
        "charset the body was decoded with",
    ),
    (
        "pages",
        "decode_errors",
        "byte sequences that did not fit `detected_charset` and became U+FFFD; null when no body was decoded and in files of schema version 1",
    ),
    ("pages", "etag", "`ETag` header, for conditional re-fetches"),
    (
        "pages",
        "last_modified",
        "`Last-Modified` header, for conditional re-fetches",
    ),
    (
        "pages",
        "body",
        "decoded HTML; the parts of a multi-page article joined in order",
    ),
    (
        "pages",
        "body_sha256",
        "SHA-256 (hex) of the raw bytes of all parts",
    ),
    (
        "pages",
        "page_urls",
        "every part of a multi-page article, in order",
    ),
    ("pages", "depth", "link hops from the seed"),
    ("pages", "referrer", "the page the link was found on"),
    (
        "pages",
        "attempts",
        "requests made (1 when the first succeeded)",
    ),
    ("pages", "error", "why the URL failed, for `kind = error`"),
    (
        "pages",
        "error_kind",
        "the kind of the failure, for `kind = error`: `http_<status>`, `robots`, `timeout`, `too_large`, `redirect`, `connection` or `other` (the names the run manifests count errors by; null in files of schema version 3 and before)",
    ),
    // documents
    ("documents", "title", "title with site suffixes removed"),
    (
        "documents",
        "published",
        "publication date stated on the page (a `<meta>` date, else a date line)",
    ),
    (
        "documents",
        "breadcrumb",
        "the page's breadcrumb trail (首页 > 政务公开 > …), items joined with ` > `",
    ),
    (
        "documents",
        "text",
        "the report text: paragraphs separated by `\\n`, NFKC-normalised",
    ),
    ("documents", "chars_kept", "characters of text kept"),
    (
        "documents",
        "chars_dropped",
        "characters of visible page text dropped as boilerplate",
    ),
    (
        "documents",
        "spam_removed",
        "spam terms were removed from the text",
    ),
    (
        "documents",
        "flags",
        "other observations (`table_text`, `no_main_block` …)",
    ),
    // reports
    ("reports", "title", "the report's title"),
    (
        "reports",
        "region_note",
        "why `region_code` is null: `ambiguous: <codes>`, `unknown: <name>` or `no region named`",
    ),
    (
        "reports",
        "report_date",
        "the date the report was delivered",
    ),
    (
        "reports",
        "session",
        "the congress session line (在…第X届人民代表大会第X次会议上)",
    ),
    ("reports", "outcomes_found", "outcomes read from the report"),
    (
        "reports",
        "gdp_absent",
        "targets are stated but none is for GDP",
    ),
    // outcomes
    (
        "outcomes",
        "year",
        "the year the figure is for (hive partition)",
    ),
    (
        "outcomes",
        "estimated",
        "stated as 预计 (an estimate made before the year's statistics)",
    ),
    ("outcomes", "value", "the figure achieved"),
    // reports_dedup
    ("reports_dedup", "doc_id", "the copy kept"),
    ("reports_dedup", "url", "URL of the copy kept"),
    (
        "reports_dedup",
        "copies",
        "every copy's `doc_id`, the kept one first",
    ),
    (
        "reports_dedup",
        "copy_urls",
        "every copy's URL, in the order of `copies`",
    ),
    // panel
    (
        "panel",
        "parent_code",
        "GB/T 2260 code of the parent region; `100000` (the State Council) for a province",
    ),
    ("panel", "doc_id", "the kept report the target comes from"),
    (
        "panel",
        "target_value",
        "the headline figure: the first target of this indicator, measure and series in the report's text order",
    ),
    ("panel", "target_value_max", "high end of a range"),
    ("panel", "target_value_std", "`target_value` in `unit_std`"),
    ("panel", "target_text", "the clause of the target"),
    (
        "panel",
        "parent_value",
        "the parent region's target of the same year, indicator, measure and series, in `unit_std` (its `target_value_std`): `target_value_std - parent_value` is how far the region's target is above its parent's; null when the parent's report is not in the dataset or does not state it in the same unit",
    ),
    (
        "panel",
        "parent_qualifier",
        "the qualifier of the parent region's target",
    ),
    (
        "panel",
        "achieved_value",
        "what the next year's report says was achieved (same indicator, measure and series)",
    ),
    (
        "panel",
        "achieved_unit",
        "unit of `achieved_value` as written",
    ),
    (
        "panel",
        "achieved_value_std",
        "`achieved_value` in `unit_std`; null when it is of another unit kind",
    ),
    (
        "panel",
        "achieved_estimated",
        "the achieved figure was stated as 预计 (an estimate)",
    ),
    (
        "panel",
        "achieved_text",
        "the clause of the achieved figure",
    ),
    (
        "panel",
        "achieved_doc_id",
        "the report the achieved figure comes from",
    ),
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_column_of_every_table_is_documented() {
        for t in super::tables() {
            for f in t.schema.fields() {
                assert!(
                    super::column_doc(t.name, f.name()).is_some(),
                    "{}.{} has no entry in COLUMN_DOCS",
                    t.name,
                    f.name()
                );
            }
            if let Some(p) = t.partition {
                assert!(super::column_doc(t.name, p).is_some(), "{}.{p}", t.name);
            }
        }
        // and no entry names a column no table has
        for (table, column, _) in super::COLUMN_DOCS {
            let known = super::tables().iter().any(|t| {
                (*table == "*" || t.name == *table)
                    && (t.schema.field_with_name(column).is_ok() || t.partition == Some(*column))
            });
            assert!(
                known,
                "COLUMN_DOCS names {table}.{column}, which no table has"
            );
        }
    }
}
