//! CSV and XLSX exports of `targets`, `outcomes`, `panel` and `reports`.
//!
//! Columns are those of the table's Parquet files, in their order, then the
//! hive partition column (`target_year`, or `year` for outcomes) as DuckDB
//! and pyarrow add it, then, for `targets` and `outcomes`, the report's
//! `province`, `prefecture`, `region`, `level` and `region_code` (joined on
//! `doc_id`), so that each row stands alone in a spreadsheet.
//!
//! CSV is UTF-8 with a byte-order mark (Excel then reads Chinese correctly),
//! comma-separated, quoted where needed, nulls empty. XLSX has a sheet per
//! table, a bold frozen header with filters, numbers as numbers, booleans as
//! booleans and dates as dates.
//!
//! A CSV file is written under a temporary name, synced and renamed (through
//! [`crate::fsx`]: an error names the file).

use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, StringArray,
};
use arrow::datatypes::DataType;
use arrow::util::display::{ArrayFormatter, FormatOptions};
use baogao_write::Table;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook, Worksheet};

use crate::tables::{partition_year, scan};
use crate::{ReportError, fsx};

/// The report columns joined to `targets` and `outcomes` rows.
pub const JOINED: [&str; 5] = ["province", "prefecture", "region", "level", "region_code"];

/// Rows of a worksheet, header included (Excel's limit).
const SHEET_ROWS: usize = 1_048_576;
/// Characters of a cell (Excel's limit).
const CELL_CHARS: usize = 32_767;

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// UTF-8 CSV with a byte-order mark, a file per table.
    Csv,
    /// One workbook, a sheet per table.
    Xlsx,
}

impl Format {
    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// A table that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    Targets,
    Outcomes,
    Panel,
    Reports,
}

impl ExportTable {
    /// Every exportable table, in the order of a workbook's sheets.
    pub const ALL: [ExportTable; 4] = [
        ExportTable::Targets,
        ExportTable::Outcomes,
        ExportTable::Panel,
        ExportTable::Reports,
    ];

    /// The table's folder (and sheet) name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ExportTable::Targets => "targets",
            ExportTable::Outcomes => "outcomes",
            ExportTable::Panel => "panel",
            ExportTable::Reports => "reports",
        }
    }

    /// Parses a table name.
    #[must_use]
    pub fn parse(s: &str) -> Option<ExportTable> {
        ExportTable::ALL.into_iter().find(|t| t.name() == s)
    }

    fn base(self) -> Option<Table> {
        match self {
            ExportTable::Targets => Some(Table::Targets),
            ExportTable::Outcomes => Some(Table::Outcomes),
            ExportTable::Reports => Some(Table::Reports),
            ExportTable::Panel => None,
        }
    }

    fn joined(self) -> bool {
        matches!(self, ExportTable::Targets | ExportTable::Outcomes)
    }
}

/// One file (or sheet) written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub table: &'static str,
    pub path: PathBuf,
    pub rows: usize,
    /// The column names, in order.
    pub columns: Vec<String>,
}

/// Where `export` writes when no output is given: `ROOT/exports/`.
#[must_use]
pub fn default_output(root: &Path, format: Format, tables: &[ExportTable]) -> PathBuf {
    let dir = root.join("exports");
    match (format, tables) {
        (Format::Csv, [one]) => dir.join(format!("{}.csv", one.name())),
        (Format::Csv, _) => dir,
        (Format::Xlsx, [one]) => dir.join(format!("{}.xlsx", one.name())),
        (Format::Xlsx, _) => dir.join("baogao.xlsx"),
    }
}

/// Exports `tables` of the dataset at `root` to `output`: for CSV a file
/// when one table is asked for, else a folder of `<table>.csv`; for XLSX a
/// workbook. `step` hears which table is written.
pub fn export(
    root: &Path,
    format: Format,
    tables: &[ExportTable],
    output: &Path,
    step: &mut dyn FnMut(&str),
) -> Result<Vec<Exported>, ReportError> {
    if !root.is_dir() {
        return Err(ReportError::NoDataset(root.to_owned()));
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| ReportError::Io { path, source }
    };
    let join = if tables.iter().any(|t| t.joined()) {
        step("reading `reports` for the join");
        report_columns(root)?
    } else {
        HashMap::new()
    };
    let mut done = Vec::new();
    match format {
        Format::Csv => {
            let single = tables.len() == 1;
            if !single {
                fsx::create_dir_all(output)?;
            }
            for &t in tables {
                step(&format!("writing `{}`", t.name()));
                let path = if single {
                    output.to_owned()
                } else {
                    output.join(format!("{}.csv", t.name()))
                };
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    fsx::create_dir_all(parent)?;
                }
                let tmp = tmp_name(&path);
                let file = fsx::create(&tmp)?;
                let mut w = BufWriter::new(file);
                let (rows, columns) = write_csv(root, t, &join, &mut w).map_err(|e| match e {
                    ReportError::Io { source, .. } => ReportError::Io {
                        path: tmp.clone(),
                        source,
                    },
                    e => e,
                })?;
                w.into_inner()
                    .map_err(|e| ReportError::Io {
                        path: tmp.clone(),
                        source: e.into_error(),
                    })?
                    .sync_all()
                    .map_err(io(&tmp))?;
                fsx::rename(&tmp, &path)?;
                done.push(Exported {
                    table: t.name(),
                    path,
                    rows,
                    columns,
                });
            }
        }
        Format::Xlsx => {
            let mut book = Workbook::new();
            for &t in tables {
                step(&format!("writing the sheet `{}`", t.name()));
                let sheet = book.add_worksheet();
                let (rows, columns) = write_sheet(root, t, &join, sheet, output)?;
                done.push(Exported {
                    table: t.name(),
                    path: output.to_owned(),
                    rows,
                    columns,
                });
            }
            step("saving the workbook");
            let bytes = book.save_to_buffer().map_err(|source| ReportError::Xlsx {
                path: output.to_owned(),
                source,
            })?;
            baogao_write::write_atomic(output, &bytes)?;
        }
    }
    Ok(done)
}

fn tmp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}

type Joined = HashMap<String, [Option<String>; 5]>;

/// `doc_id` → the [`JOINED`] columns of its report.
fn report_columns(root: &Path) -> Result<Joined, ReportError> {
    let mut cols = vec!["doc_id"];
    cols.extend(JOINED);
    let rows = baogao_write::read_strings(root, Table::Reports, &cols)?;
    Ok(rows
        .into_iter()
        .filter_map(|mut r| {
            let id = r[0].take()?;
            let mut v: [Option<String>; 5] = Default::default();
            for (slot, x) in v.iter_mut().zip(r.into_iter().skip(1)) {
                *slot = x;
            }
            Some((id, v))
        })
        .collect())
}

/// The export's columns: the file's, the partition, the joined ones.
struct Header {
    names: Vec<String>,
    /// Columns taken from the files (the rest are added).
    from_file: usize,
    partition: Option<&'static str>,
}

impl Header {
    fn new(t: ExportTable, file_columns: Vec<String>) -> Header {
        let from_file = file_columns.len();
        let mut names = file_columns;
        let partition = t.base().and_then(Table::partition_key);
        names.extend(partition.map(str::to_owned));
        if t.joined() {
            names.extend(JOINED.iter().map(|s| (*s).to_owned()));
        }
        Header {
            names,
            from_file,
            partition,
        }
    }
}

/// Reads table `t` and calls `f` with the header and each batch's columns
/// in header order (a column a file lacks is all nulls). A table without
/// rows calls `f` once with no columns, so that its header is written.
fn each_batch(
    root: &Path,
    table: ExportTable,
    join: &Joined,
    mut on_batch: impl FnMut(&Header, &[ArrayRef]) -> Result<(), ReportError>,
) -> Result<Header, ReportError> {
    let mut header: Option<Header> = None;
    scan(root, table.name(), None, |batch, parts| {
        let h = header.get_or_insert_with(|| {
            let names = batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect();
            Header::new(table, names)
        });
        let len = batch.num_rows();
        let mut cols: Vec<ArrayRef> = h.names[..h.from_file]
            .iter()
            .map(|name| {
                batch
                    .column_by_name(name)
                    .cloned()
                    .unwrap_or_else(|| arrow::array::new_null_array(&DataType::Utf8, len))
            })
            .collect();
        if let Some(key) = h.partition {
            let y = partition_year(parts, key);
            cols.push(Arc::new(Int32Array::from(vec![y; len])));
        }
        if table.joined() {
            let ids = batch
                .column_by_name("doc_id")
                .and_then(|c| c.as_any().downcast_ref::<StringArray>());
            for k in 0..JOINED.len() {
                let v: StringArray = (0..len)
                    .map(|i| {
                        let id = ids.filter(|a| a.is_valid(i)).map(|a| a.value(i))?;
                        join.get(id)?[k].as_deref()
                    })
                    .collect();
                cols.push(Arc::new(v));
            }
        }
        on_batch(h, &cols)
    })?;
    if let Some(h) = header {
        return Ok(h);
    }
    let schema = table
        .base()
        .map(Table::schema)
        .ok_or(ReportError::MissingTable {
            table: table.name(),
            root: root.to_owned(),
        })?;
    let names = schema.fields().iter().map(|f| f.name().clone()).collect();
    let h = Header::new(table, names);
    on_batch(&h, &[])?;
    Ok(h)
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn write_csv(
    root: &Path,
    t: ExportTable,
    join: &Joined,
    w: &mut impl Write,
) -> Result<(usize, Vec<String>), ReportError> {
    let io = |source| ReportError::Io {
        path: PathBuf::new(),
        source,
    };
    w.write_all(b"\xEF\xBB\xBF").map_err(io)?;
    let mut rows = 0;
    let mut header_written = false;
    let options = FormatOptions::new().with_null("");
    let h = each_batch(root, t, join, |h, cols| {
        let mut line = String::new();
        if !header_written {
            for (i, name) in h.names.iter().enumerate() {
                if i > 0 {
                    line.push(',');
                }
                csv_field(&mut line, name);
            }
            line.push('\n');
            header_written = true;
        }
        let fmts = cols
            .iter()
            .zip(&h.names)
            .map(|(c, name)| {
                ArrayFormatter::try_new(c.as_ref(), &options).map_err(|source| {
                    ReportError::Format {
                        table: t.name(),
                        column: name.clone(),
                        source,
                    }
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let n = cols.first().map_or(0, Array::len);
        for i in 0..n {
            for (j, f) in fmts.iter().enumerate() {
                if j > 0 {
                    line.push(',');
                }
                csv_field(&mut line, &f.value(i).to_string());
            }
            line.push('\n');
            if line.len() > 1 << 16 {
                w.write_all(line.as_bytes()).map_err(io)?;
                line.clear();
            }
        }
        rows += n;
        w.write_all(line.as_bytes()).map_err(io)
    })?;
    Ok((rows, h.names))
}

fn xlsx_err(path: &Path) -> impl Fn(rust_xlsxwriter::XlsxError) -> ReportError {
    let path = path.to_owned();
    move |source| ReportError::Xlsx {
        path: path.clone(),
        source,
    }
}

/// A string no longer than a cell holds.
fn cell_text(s: &str) -> &str {
    match s.char_indices().nth(CELL_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn write_sheet(
    root: &Path,
    table: ExportTable,
    join: &Joined,
    sheet: &mut Worksheet,
    path: &Path,
) -> Result<(usize, Vec<String>), ReportError> {
    let err = xlsx_err(path);
    sheet.set_name(table.name()).map_err(&err)?;
    let bold = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd");
    let options = FormatOptions::new().with_null("");
    let mut row: u32 = 1;
    let mut widths: Vec<usize> = Vec::new();
    let h = each_batch(root, table, join, |h, cols| {
        if widths.is_empty() {
            for (j, name) in h.names.iter().enumerate() {
                sheet
                    .write_string_with_format(0, j as u16, name, &bold)
                    .map_err(&err)?;
            }
            widths = h.names.iter().map(|n| n.chars().count() + 2).collect();
        }
        let len = cols.first().map_or(0, Array::len);
        if row as usize + len > SHEET_ROWS {
            return Err(ReportError::TooManyRows {
                table: table.name(),
                rows: row as usize - 1 + len,
            });
        }
        for (j, (c, name)) in cols.iter().zip(&h.names).enumerate() {
            let col = j as u16;
            let any = c.as_any();
            let mut width = |chars: usize| widths[j] = widths[j].max(chars.min(60));
            for i in 0..len {
                if c.is_null(i) {
                    continue;
                }
                let at = row + i as u32;
                if let Some(a) = any.downcast_ref::<StringArray>() {
                    let s = cell_text(a.value(i));
                    width(s.chars().count() * 2);
                    sheet.write_string(at, col, s).map_err(&err)?;
                } else if let Some(a) = any.downcast_ref::<Float64Array>() {
                    sheet.write_number(at, col, a.value(i)).map_err(&err)?;
                } else if let Some(a) = any.downcast_ref::<Int32Array>() {
                    sheet.write_number(at, col, a.value(i)).map_err(&err)?;
                } else if let Some(a) = any.downcast_ref::<Int64Array>() {
                    sheet
                        .write_number(at, col, a.value(i) as f64)
                        .map_err(&err)?;
                } else if let Some(a) = any.downcast_ref::<BooleanArray>() {
                    sheet.write_boolean(at, col, a.value(i)).map_err(&err)?;
                } else if let Some(d) = any
                    .downcast_ref::<Date32Array>()
                    .and_then(|a| a.value_as_date(i))
                {
                    use chrono::Datelike;
                    let d =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(&err)?;
                    width(12);
                    sheet
                        .write_date_with_format(at, col, &d, &date)
                        .map_err(&err)?;
                } else {
                    let fmt = ArrayFormatter::try_new(c.as_ref(), &options).map_err(|source| {
                        ReportError::Format {
                            table: table.name(),
                            column: name.clone(),
                            source,
                        }
                    })?;
                    let s = fmt.value(i).to_string();
                    width(s.chars().count());
                    sheet.write_string(at, col, cell_text(&s)).map_err(&err)?;
                }
            }
        }
        row += len as u32;
        Ok(())
    })?;
    if widths.is_empty() {
        widths = h.names.iter().map(|n| n.chars().count() + 2).collect();
    }
    for (j, w) in widths.iter().enumerate() {
        sheet
            .set_column_width(j as u16, (*w).max(8) as f64)
            .map_err(&err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(&err)?;
    if !h.names.is_empty() {
        sheet
            .autofilter(0, 0, row - 1, (h.names.len() - 1) as u16)
            .map_err(&err)?;
    }
    Ok((row as usize - 1, h.names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        for f in ["a", "地区生产总值增长6%,左右", "say \"x\"", "a\nb", ""] {
            csv_field(&mut s, f);
            s.push('|');
        }
        assert_eq!(
            s,
            "a|\"地区生产总值增长6%,左右\"|\"say \"\"x\"\"\"|\"a\nb\"||"
        );
    }

    #[test]
    fn default_outputs_name_the_table_or_the_folder() {
        let root = Path::new("out");
        assert_eq!(
            default_output(root, Format::Csv, &[ExportTable::Panel]),
            Path::new("out/exports/panel.csv")
        );
        assert_eq!(
            default_output(root, Format::Csv, &ExportTable::ALL),
            Path::new("out/exports")
        );
        assert_eq!(
            default_output(root, Format::Xlsx, &ExportTable::ALL),
            Path::new("out/exports/baogao.xlsx")
        );
    }

    #[test]
    fn long_cells_are_cut_at_the_excel_limit() {
        let s = "字".repeat(CELL_CHARS + 5);
        assert_eq!(cell_text(&s).chars().count(), CELL_CHARS);
        assert_eq!(cell_text("短"), "短");
    }
}
