//! Errors of the report and the exports.

use std::path::PathBuf;

/// Everything that can go wrong writing a report or an export.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The dataset root does not exist.
    #[error("no dataset at `{0}`\nhint: give the `[pipeline] output` folder of a run")]
    NoDataset(PathBuf),
    /// A table could not be read.
    #[error(transparent)]
    Read(#[from] baogao_write::WriteError),
    /// A table to export has no files (and no known schema).
    #[error(
        "no `{table}` table under `{root}`\nhint: `baogao run` writes it at the end of an extraction"
    )]
    MissingTable { table: &'static str, root: PathBuf },
    /// A chart could not be drawn.
    #[error("cannot draw the chart `{chart}`: {message}")]
    Chart {
        chart: &'static str,
        message: String,
    },
    /// A value could not be formatted for an export.
    #[error("cannot format column `{column}` of `{table}`")]
    Format {
        table: &'static str,
        column: String,
        #[source]
        source: arrow::error::ArrowError,
    },
    /// An output file could not be written.
    #[error("cannot write `{path}`")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The XLSX workbook could not be built or saved.
    #[error("cannot write the workbook `{path}`")]
    Xlsx {
        path: PathBuf,
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// A table has more rows than a worksheet holds.
    #[error(
        "table `{table}` has {rows} rows, more than an Excel sheet holds (1,048,575)\nhint: export it with `--format csv`"
    )]
    TooManyRows { table: &'static str, rows: usize },
}
