//! Conversions between the model's records and Arrow record batches.

use std::path::Path;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, ListArray,
    ListBuilder, RecordBatch, StringArray, StringBuilder, TimestampMicrosecondArray,
};
use baogao_model::{
    Constraint, ConstraintSource, Document, EXTRACTOR_VERSION, ErrorKind, Level, Measure, Outcome,
    Page, PageKind, Qualifier, Report, Target,
};
use chrono::{DateTime, NaiveDate};

use crate::WriteError;
use crate::schema::Table;

/// A record that is stored as one row of a table.
pub trait Row: Sized + Send + 'static {
    /// The table the record belongs to.
    const TABLE: Table;

    /// The hive partition value of the row (`2023` for `target_year=2023`);
    /// `None` for unpartitioned tables.
    fn partition_value(&self) -> Option<String>;

    /// Bytes the row's large text fields hold (page bodies, document
    /// texts): the writer encodes its buffer once these add up to
    /// [`crate::BATCH_BYTES`], so a batch of big pages stays small.
    fn text_bytes(&self) -> usize {
        0
    }

    /// Encodes rows as one batch of the table's schema.
    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError>;

    /// Decodes a batch read from `path`, whose partition value is `partition`.
    fn from_batch(
        batch: &RecordBatch,
        partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError>;
}

fn batch(table: Table, columns: Vec<ArrayRef>) -> Result<RecordBatch, WriteError> {
    RecordBatch::try_new(table.schema(), columns).map_err(|source| WriteError::Arrow {
        table: table.name(),
        source,
    })
}

// The string columns are built at their exact size (one pass to measure):
// grown by doubling, a batch of bodies held up to twice its bytes.
pub(crate) fn strs<'a>(it: impl Iterator<Item = &'a str> + Clone) -> ArrayRef {
    // no null is appended, so the array gets no validity buffer
    opt_strs(it.map(Some))
}

pub(crate) fn opt_strs<'a>(it: impl Iterator<Item = Option<&'a str>> + Clone) -> ArrayRef {
    let (n, bytes) = it
        .clone()
        .fold((0, 0), |(n, b), s| (n + 1, b + s.map_or(0, str::len)));
    let mut b = StringBuilder::with_capacity(n, bytes);
    it.for_each(|s| b.append_option(s));
    Arc::new(b.finish())
}

fn constant(value: &str, n: usize) -> ArrayRef {
    strs(std::iter::repeat_n(value, n))
}

pub(crate) fn lists<'a>(it: impl Iterator<Item = &'a [String]>) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for items in it {
        for s in items {
            b.values().append_value(s);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

fn date32(d: Option<NaiveDate>) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
    d.map(|d| (d - epoch).num_days() as i32)
}

fn from_date32(days: Option<i32>) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
    days.and_then(|d| epoch.checked_add_signed(chrono::Duration::days(i64::from(d))))
}

/// Typed access to the columns of a batch read back from a file.
struct Cols<'a> {
    batch: &'a RecordBatch,
    path: &'a Path,
}

impl<'a> Cols<'a> {
    fn get<T: Array + 'static>(
        &self,
        column: &'static str,
        expected: &'static str,
    ) -> Result<&'a T, WriteError> {
        self.batch
            .column_by_name(column)
            .and_then(|c| c.as_any().downcast_ref::<T>())
            .ok_or_else(|| WriteError::Column {
                path: self.path.to_owned(),
                column,
                expected,
            })
    }
    fn s(&self, c: &'static str) -> Result<&'a StringArray, WriteError> {
        self.get(c, "utf8")
    }
    fn i32(&self, c: &'static str) -> Result<&'a Int32Array, WriteError> {
        self.get(c, "int32")
    }
    /// A column that files of an earlier schema version lack (`None` then).
    fn maybe_i32(&self, c: &'static str) -> Result<Option<&'a Int32Array>, WriteError> {
        if self.batch.column_by_name(c).is_none() {
            return Ok(None);
        }
        self.i32(c).map(Some)
    }
    /// A string column that files of an earlier schema version lack.
    fn maybe_s(&self, c: &'static str) -> Result<Option<&'a StringArray>, WriteError> {
        if self.batch.column_by_name(c).is_none() {
            return Ok(None);
        }
        self.s(c).map(Some)
    }
    /// A float column that files of an earlier schema version lack.
    fn maybe_f64(&self, c: &'static str) -> Result<Option<&'a Float64Array>, WriteError> {
        if self.batch.column_by_name(c).is_none() {
            return Ok(None);
        }
        self.f64(c).map(Some)
    }
    /// A boolean column that files of an earlier schema version lack.
    fn maybe_b(&self, c: &'static str) -> Result<Option<&'a BooleanArray>, WriteError> {
        if self.batch.column_by_name(c).is_none() {
            return Ok(None);
        }
        self.b(c).map(Some)
    }
    fn i64(&self, c: &'static str) -> Result<&'a Int64Array, WriteError> {
        self.get(c, "int64")
    }
    fn f64(&self, c: &'static str) -> Result<&'a Float64Array, WriteError> {
        self.get(c, "float64")
    }
    fn b(&self, c: &'static str) -> Result<&'a BooleanArray, WriteError> {
        self.get(c, "boolean")
    }
    fn date(&self, c: &'static str) -> Result<&'a Date32Array, WriteError> {
        self.get(c, "date32")
    }
    fn list(&self, c: &'static str) -> Result<&'a ListArray, WriteError> {
        self.get(c, "list<utf8>")
    }
}

fn opt(a: &StringArray, i: usize) -> Option<String> {
    a.is_valid(i).then(|| a.value(i).to_owned())
}

fn opt_i32(a: &Int32Array, i: usize) -> Option<i32> {
    a.is_valid(i).then(|| a.value(i))
}

fn opt_f64(a: &Float64Array, i: usize) -> Option<f64> {
    a.is_valid(i).then(|| a.value(i))
}

fn list_at(a: &ListArray, i: usize) -> Vec<String> {
    let values = a.value(i);
    values
        .as_any()
        .downcast_ref::<StringArray>()
        .map(|s| s.iter().flatten().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn bad_value(path: &Path, column: &'static str, expected: &'static str) -> WriteError {
    WriteError::Column {
        path: path.to_owned(),
        column,
        expected,
    }
}

/// The `series` written for a row: its indicator when the row has none (a
/// record made without the extractor's post-pass).
fn series_or<'a>(series: &'a str, indicator: &'a str) -> &'a str {
    if series.is_empty() { indicator } else { series }
}

fn year_partition(partition: Option<&str>) -> Option<i32> {
    partition.and_then(|p| p.parse().ok())
}

impl Row for Page {
    const TABLE: Table = Table::Pages;

    fn text_bytes(&self) -> usize {
        self.body.as_ref().map_or(0, String::len)
    }

    fn partition_value(&self) -> Option<String> {
        Some(self.fetched_at.format("%Y-%m-%d").to_string())
    }

    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError> {
        let n = rows.len();
        let kinds: Vec<Option<String>> = rows
            .iter()
            .map(|r| r.error_kind.map(ErrorKind::name))
            .collect();
        batch(
            Table::Pages,
            vec![
                strs(rows.iter().map(|r| r.url.as_str())),
                strs(rows.iter().map(|r| r.final_url.as_str())),
                strs(rows.iter().map(|r| r.host.as_str())),
                Arc::new(
                    TimestampMicrosecondArray::from_iter_values(
                        rows.iter().map(|r| r.fetched_at.timestamp_micros()),
                    )
                    .with_timezone("UTC"),
                ),
                strs(rows.iter().map(|r| r.kind.as_str())),
                Arc::new(Int32Array::from_iter(
                    rows.iter().map(|r| r.status.map(i32::from)),
                )),
                opt_strs(rows.iter().map(|r| r.content_type.as_deref())),
                opt_strs(rows.iter().map(|r| r.declared_charset.as_deref())),
                opt_strs(rows.iter().map(|r| r.detected_charset.as_deref())),
                Arc::new(Int32Array::from_iter(rows.iter().map(|r| {
                    r.decode_errors
                        .map(|n| i32::try_from(n).unwrap_or(i32::MAX))
                }))),
                opt_strs(rows.iter().map(|r| r.etag.as_deref())),
                opt_strs(rows.iter().map(|r| r.last_modified.as_deref())),
                opt_strs(rows.iter().map(|r| r.body.as_deref())),
                opt_strs(rows.iter().map(|r| r.body_sha256.as_deref())),
                lists(rows.iter().map(|r| r.page_urls.as_slice())),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.depth as i32),
                )),
                opt_strs(rows.iter().map(|r| r.referrer.as_deref())),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.attempts as i32),
                )),
                opt_strs(rows.iter().map(|r| r.error.as_deref())),
                opt_strs(kinds.iter().map(Option::as_deref)),
                constant(run_id, n),
            ],
        )
    }

    fn from_batch(
        batch: &RecordBatch,
        _partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError> {
        let c = Cols { batch, path };
        let (url, final_url, host, kind) =
            (c.s("url")?, c.s("final_url")?, c.s("host")?, c.s("kind")?);
        let fetched_at: &TimestampMicrosecondArray = c.get("fetched_at", "timestamp[us, UTC]")?;
        let status = c.i32("status")?;
        let (content_type, declared, detected) = (
            c.s("content_type")?,
            c.s("declared_charset")?,
            c.s("detected_charset")?,
        );
        // added in schema version 2: files written before lack it
        let decode_errors = c.maybe_i32("decode_errors")?;
        let (etag, last_modified, body, sha) = (
            c.s("etag")?,
            c.s("last_modified")?,
            c.s("body")?,
            c.s("body_sha256")?,
        );
        let page_urls = c.list("page_urls")?;
        let (depth, attempts) = (c.i32("depth")?, c.i32("attempts")?);
        let (referrer, error) = (c.s("referrer")?, c.s("error")?);
        // added in schema version 4
        let error_kind = c.maybe_s("error_kind")?;
        (0..batch.num_rows())
            .map(|i| {
                Ok(Page {
                    url: url.value(i).to_owned(),
                    final_url: final_url.value(i).to_owned(),
                    host: host.value(i).to_owned(),
                    fetched_at: DateTime::from_timestamp_micros(fetched_at.value(i))
                        .ok_or_else(|| bad_value(path, "fetched_at", "a valid timestamp"))?,
                    kind: PageKind::parse(kind.value(i))
                        .ok_or_else(|| bad_value(path, "kind", "a page kind"))?,
                    status: opt_i32(status, i).and_then(|s| u16::try_from(s).ok()),
                    content_type: opt(content_type, i),
                    declared_charset: opt(declared, i),
                    detected_charset: opt(detected, i),
                    decode_errors: decode_errors
                        .and_then(|a| opt_i32(a, i))
                        .and_then(|n| u32::try_from(n).ok()),
                    etag: opt(etag, i),
                    last_modified: opt(last_modified, i),
                    body: opt(body, i),
                    body_sha256: opt(sha, i),
                    page_urls: list_at(page_urls, i),
                    depth: depth.value(i) as u32,
                    referrer: opt(referrer, i),
                    attempts: attempts.value(i) as u32,
                    error: opt(error, i),
                    error_kind: error_kind
                        .and_then(|a| opt(a, i))
                        .and_then(|k| ErrorKind::parse(&k)),
                })
            })
            .collect()
    }
}

impl Row for Document {
    const TABLE: Table = Table::Documents;

    fn text_bytes(&self) -> usize {
        self.text.len()
    }

    fn partition_value(&self) -> Option<String> {
        None
    }

    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError> {
        let n = rows.len();
        batch(
            Table::Documents,
            vec![
                strs(rows.iter().map(|r| r.doc_id.as_str())),
                strs(rows.iter().map(|r| r.url.as_str())),
                opt_strs(rows.iter().map(|r| r.title.as_deref())),
                Arc::new(Date32Array::from_iter(
                    rows.iter().map(|r| date32(r.published)),
                )),
                opt_strs(rows.iter().map(|r| r.breadcrumb.as_deref())),
                strs(rows.iter().map(|r| r.text.as_str())),
                Arc::new(Int64Array::from_iter_values(
                    rows.iter().map(|r| r.chars_kept as i64),
                )),
                Arc::new(Int64Array::from_iter_values(
                    rows.iter().map(|r| r.chars_dropped as i64),
                )),
                Arc::new(BooleanArray::from_iter(
                    rows.iter().map(|r| Some(r.spam_removed)),
                )),
                lists(rows.iter().map(|r| r.flags.as_slice())),
                constant(run_id, n),
            ],
        )
    }

    fn from_batch(
        batch: &RecordBatch,
        _partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError> {
        let c = Cols { batch, path };
        let (doc_id, url, title, text) = (c.s("doc_id")?, c.s("url")?, c.s("title")?, c.s("text")?);
        let published = c.date("published")?;
        let breadcrumb = c.maybe_s("breadcrumb")?;
        let (kept, dropped) = (c.i64("chars_kept")?, c.i64("chars_dropped")?);
        let spam = c.b("spam_removed")?;
        let flags = c.list("flags")?;
        Ok((0..batch.num_rows())
            .map(|i| Document {
                doc_id: doc_id.value(i).to_owned(),
                url: url.value(i).to_owned(),
                title: opt(title, i),
                published: from_date32(published.is_valid(i).then(|| published.value(i))),
                breadcrumb: breadcrumb.and_then(|b| opt(b, i)),
                text: text.value(i).to_owned(),
                chars_kept: kept.value(i) as u64,
                chars_dropped: dropped.value(i) as u64,
                spam_removed: spam.value(i),
                flags: list_at(flags, i),
            })
            .collect())
    }
}

impl Row for Report {
    const TABLE: Table = Table::Reports;

    fn partition_value(&self) -> Option<String> {
        self.target_year.map(|y| y.to_string())
    }

    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError> {
        let n = rows.len();
        batch(
            Table::Reports,
            vec![
                strs(rows.iter().map(|r| r.doc_id.as_str())),
                strs(rows.iter().map(|r| r.url.as_str())),
                opt_strs(rows.iter().map(|r| r.title.as_deref())),
                opt_strs(rows.iter().map(|r| r.province.as_deref())),
                opt_strs(rows.iter().map(|r| r.prefecture.as_deref())),
                opt_strs(rows.iter().map(|r| r.region.as_deref())),
                opt_strs(rows.iter().map(|r| r.level.map(Level::as_str))),
                opt_strs(rows.iter().map(|r| r.region_code.as_deref())),
                opt_strs(rows.iter().map(|r| r.parent_code.as_deref())),
                opt_strs(rows.iter().map(|r| r.region_note.as_deref())),
                Arc::new(Date32Array::from_iter(
                    rows.iter().map(|r| date32(r.report_date)),
                )),
                opt_strs(rows.iter().map(|r| r.session.as_deref())),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.targets_found as i32),
                )),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.outcomes_found as i32),
                )),
                Arc::new(BooleanArray::from_iter(
                    rows.iter().map(|r| Some(r.gdp_absent)),
                )),
                // A report made without the extractor (by hand, in a test)
                // still names a version: the one of this build.
                strs(rows.iter().map(|r| {
                    if r.extractor_version.is_empty() {
                        EXTRACTOR_VERSION
                    } else {
                        r.extractor_version.as_str()
                    }
                })),
                constant(run_id, n),
            ],
        )
    }

    fn from_batch(
        batch: &RecordBatch,
        partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError> {
        let c = Cols { batch, path };
        let (doc_id, url, title) = (c.s("doc_id")?, c.s("url")?, c.s("title")?);
        let (province, prefecture, region, level) = (
            c.s("province")?,
            c.s("prefecture")?,
            c.s("region")?,
            c.s("level")?,
        );
        let (code, parent, session) = (c.s("region_code")?, c.s("parent_code")?, c.s("session")?);
        let note = c.s("region_note")?;
        let report_date = c.date("report_date")?;
        let (tf, of) = (c.i32("targets_found")?, c.i32("outcomes_found")?);
        let absent = c.b("gdp_absent")?;
        let version = c.s("extractor_version")?;
        Ok((0..batch.num_rows())
            .map(|i| Report {
                doc_id: doc_id.value(i).to_owned(),
                url: url.value(i).to_owned(),
                title: opt(title, i),
                province: opt(province, i),
                prefecture: opt(prefecture, i),
                region: opt(region, i),
                level: opt(level, i).and_then(|l| Level::parse(&l)),
                region_code: opt(code, i),
                parent_code: opt(parent, i),
                region_note: opt(note, i),
                report_date: from_date32(report_date.is_valid(i).then(|| report_date.value(i))),
                target_year: year_partition(partition),
                session: opt(session, i),
                targets_found: tf.value(i) as u32,
                outcomes_found: of.value(i) as u32,
                gdp_absent: absent.value(i),
                extractor_version: version.value(i).to_owned(),
            })
            .collect())
    }
}

impl Row for Target {
    const TABLE: Table = Table::Targets;

    fn partition_value(&self) -> Option<String> {
        self.target_year.map(|y| y.to_string())
    }

    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError> {
        let n = rows.len();
        batch(
            Table::Targets,
            vec![
                strs(rows.iter().map(|r| r.doc_id.as_str())),
                strs(rows.iter().map(|r| r.indicator.as_str())),
                strs(rows.iter().map(|r| series_or(&r.series, &r.indicator))),
                strs(rows.iter().map(|r| r.raw_name.as_str())),
                strs(rows.iter().map(|r| r.measure.as_str())),
                Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.value))),
                Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.value_max))),
                opt_strs(rows.iter().map(|r| r.unit.as_deref())),
                Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.value_std))),
                opt_strs(rows.iter().map(|r| r.unit_std.as_deref())),
                strs(rows.iter().map(|r| r.qualifier.as_str())),
                Arc::new(BooleanArray::from_iter(
                    rows.iter().map(|r| Some(r.inferred)),
                )),
                Arc::new(Float64Array::from_iter(
                    rows.iter().map(|r| r.stretch_value),
                )),
                opt_strs(rows.iter().map(|r| r.constraint.map(Constraint::as_str))),
                opt_strs(
                    rows.iter()
                        .map(|r| r.constraint_source.map(ConstraintSource::as_str)),
                ),
                strs(rows.iter().map(|r| r.text.as_str())),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.char_start as i32),
                )),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.char_end as i32),
                )),
                constant(EXTRACTOR_VERSION, n),
                constant(run_id, n),
            ],
        )
    }

    fn from_batch(
        batch: &RecordBatch,
        partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError> {
        let c = Cols { batch, path };
        let (doc_id, indicator, raw, measure) = (
            c.s("doc_id")?,
            c.s("indicator")?,
            c.s("raw_name")?,
            c.s("measure")?,
        );
        let (value, value_max, stretch) = (
            c.f64("value")?,
            c.f64("value_max")?,
            c.f64("stretch_value")?,
        );
        let (unit, qualifier, constraint, text) = (
            c.s("unit")?,
            c.s("qualifier")?,
            c.s("constraint")?,
            c.s("text")?,
        );
        let (start, end) = (c.i32("char_start")?, c.i32("char_end")?);
        // added in schema version 3: files written before lack them
        let (series, value_std, unit_std) = (
            c.maybe_s("series")?,
            c.maybe_f64("value_std")?,
            c.maybe_s("unit_std")?,
        );
        let (inferred, source) = (c.maybe_b("inferred")?, c.maybe_s("constraint_source")?);
        (0..batch.num_rows())
            .map(|i| {
                Ok(Target {
                    constraint_source: source
                        .and_then(|a| opt(a, i))
                        .and_then(|s| ConstraintSource::parse(&s)),
                    inferred: inferred.is_some_and(|a| a.is_valid(i) && a.value(i)),
                    series: series
                        .and_then(|a| opt(a, i))
                        .unwrap_or_else(|| indicator.value(i).to_owned()),
                    value_std: value_std.and_then(|a| opt_f64(a, i)),
                    unit_std: unit_std.and_then(|a| opt(a, i)),
                    doc_id: doc_id.value(i).to_owned(),
                    target_year: year_partition(partition),
                    indicator: indicator.value(i).to_owned(),
                    raw_name: raw.value(i).to_owned(),
                    measure: Measure::parse(measure.value(i))
                        .ok_or_else(|| bad_value(path, "measure", "a measure"))?,
                    value: opt_f64(value, i),
                    value_max: opt_f64(value_max, i),
                    unit: opt(unit, i),
                    qualifier: Qualifier::parse(qualifier.value(i))
                        .ok_or_else(|| bad_value(path, "qualifier", "a qualifier"))?,
                    stretch_value: opt_f64(stretch, i),
                    constraint: opt(constraint, i).and_then(|c| Constraint::parse(&c)),
                    text: text.value(i).to_owned(),
                    char_start: start.value(i) as u32,
                    char_end: end.value(i) as u32,
                })
            })
            .collect()
    }
}

impl Row for Outcome {
    const TABLE: Table = Table::Outcomes;

    fn partition_value(&self) -> Option<String> {
        self.year.map(|y| y.to_string())
    }

    fn to_batch(rows: &[Self], run_id: &str) -> Result<RecordBatch, WriteError> {
        let n = rows.len();
        batch(
            Table::Outcomes,
            vec![
                strs(rows.iter().map(|r| r.doc_id.as_str())),
                strs(rows.iter().map(|r| r.indicator.as_str())),
                strs(rows.iter().map(|r| series_or(&r.series, &r.indicator))),
                strs(rows.iter().map(|r| r.raw_name.as_str())),
                strs(rows.iter().map(|r| r.measure.as_str())),
                Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.value))),
                opt_strs(rows.iter().map(|r| r.unit.as_deref())),
                Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.value_std))),
                opt_strs(rows.iter().map(|r| r.unit_std.as_deref())),
                Arc::new(BooleanArray::from_iter(
                    rows.iter().map(|r| Some(r.estimated)),
                )),
                strs(rows.iter().map(|r| r.text.as_str())),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.char_start as i32),
                )),
                Arc::new(Int32Array::from_iter_values(
                    rows.iter().map(|r| r.char_end as i32),
                )),
                constant(EXTRACTOR_VERSION, n),
                constant(run_id, n),
            ],
        )
    }

    fn from_batch(
        batch: &RecordBatch,
        partition: Option<&str>,
        path: &Path,
    ) -> Result<Vec<Self>, WriteError> {
        let c = Cols { batch, path };
        let (doc_id, indicator, raw, measure) = (
            c.s("doc_id")?,
            c.s("indicator")?,
            c.s("raw_name")?,
            c.s("measure")?,
        );
        let (value, unit, estimated, text) = (
            c.f64("value")?,
            c.s("unit")?,
            c.b("estimated")?,
            c.s("text")?,
        );
        let (start, end) = (c.i32("char_start")?, c.i32("char_end")?);
        // added in schema version 3: files written before lack them
        let (series, value_std, unit_std) = (
            c.maybe_s("series")?,
            c.maybe_f64("value_std")?,
            c.maybe_s("unit_std")?,
        );
        (0..batch.num_rows())
            .map(|i| {
                Ok(Outcome {
                    series: series
                        .and_then(|a| opt(a, i))
                        .unwrap_or_else(|| indicator.value(i).to_owned()),
                    value_std: value_std.and_then(|a| opt_f64(a, i)),
                    unit_std: unit_std.and_then(|a| opt(a, i)),
                    doc_id: doc_id.value(i).to_owned(),
                    year: year_partition(partition),
                    indicator: indicator.value(i).to_owned(),
                    raw_name: raw.value(i).to_owned(),
                    measure: Measure::parse(measure.value(i))
                        .ok_or_else(|| bad_value(path, "measure", "a measure"))?,
                    value: opt_f64(value, i),
                    unit: opt(unit, i),
                    estimated: estimated.value(i),
                    text: text.value(i).to_owned(),
                    char_start: start.value(i) as u32,
                    char_end: end.value(i) as u32,
                })
            })
            .collect()
    }
}
