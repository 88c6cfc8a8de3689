//! The HTML report and the CSV/XLSX exports of a baogao dataset.
//!
//! In goes a dataset root (`[pipeline] output`: the tables `reports`,
//! `targets`, `outcomes`, `documents`, `pages`, `panel` and the run manifests
//! in `_runs/`), read with `baogao-write`'s readers; out come
//!
//! - [`write_report`]: one self-contained HTML file (inline style, inline
//!   SVG charts drawn by `plotters`, no script, nothing fetched) with the
//!   coverage by province, year and level, the GDP growth targets and the
//!   indicators, the reports that need a look, and the runs (pages per
//!   minute, errors by kind and host, retries); each chart has its numbers
//!   in a table beneath it;
//! - [`export`]: `targets`, `outcomes`, `panel` and `reports` as UTF-8 CSV
//!   (with a byte-order mark) or as one XLSX workbook, targets and outcomes
//!   joined with their report's region, level and code.
//!
//! The `baogao` binary calls both (`baogao report`, `baogao export`, and
//! the end of `baogao run`). Nothing here prints: `step` callbacks say what
//! is being read, for a progress line. Files are created, renamed and
//! their folders made through the private `fsx` module, whose errors name the
//! file ([`ReportError::Io`]); the crate's `clippy.toml` bans plain `std::fs`
//! calls elsewhere.
//!
//! ```no_run
//! use std::path::Path;
//! let root = Path::new("demo-out");
//! baogao_report::write_report(root, &root.join("report.html"), &mut |_| {})?;
//! let tables = baogao_report::ExportTable::ALL;
//! let out = baogao_report::default_output(root, baogao_report::Format::Xlsx, &tables);
//! baogao_report::export(root, baogao_report::Format::Xlsx, &tables, &out, &mut |_| {})?;
//! # Ok::<(), baogao_report::ReportError>(())
//! ```

mod charts;
mod data;
mod error;
mod export;
mod fsx;
mod html;
mod tables;

use std::path::{Path, PathBuf};

pub use charts::FONT_STACK;
pub use error::ReportError;
pub use export::{ExportTable, Exported, Format, JOINED, default_output, export};

/// What [`write_report`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSummary {
    pub path: PathBuf,
    pub bytes: usize,
    pub reports: usize,
    pub targets: usize,
    pub runs: usize,
}

/// The report page of the dataset at `root`, as HTML, and what it counted.
pub fn render(
    root: &Path,
    step: &mut dyn FnMut(&str),
) -> Result<(String, ReportSummary), ReportError> {
    if !root.is_dir() {
        return Err(ReportError::NoDataset(root.to_owned()));
    }
    let d = data::load(root, step)?;
    step("drawing the charts");
    let generated = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let page = html::page(&d, &root.display().to_string(), &generated)?;
    let summary = ReportSummary {
        path: PathBuf::new(),
        bytes: page.len(),
        reports: d.reports.len(),
        targets: d.targets.len(),
        runs: d.runs.len(),
    };
    Ok((page, summary))
}

/// Writes the report of the dataset at `root` to `output` (atomically: a
/// temporary name, then a rename).
pub fn write_report(
    root: &Path,
    output: &Path,
    step: &mut dyn FnMut(&str),
) -> Result<ReportSummary, ReportError> {
    let (page, summary) = render(root, step)?;
    baogao_write::write_atomic(output, page.as_bytes())?;
    Ok(ReportSummary {
        path: output.to_owned(),
        ..summary
    })
}
