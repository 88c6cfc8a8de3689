//! What the report shows, read from a dataset root: the reports and the
//! target columns it plots, counts of `outcomes`, aggregates of `pages`
//! (never their bodies), and the run manifests.

use std::collections::BTreeMap;
use std::path::Path;

use baogao_write::RunManifest;

use crate::ReportError;
use crate::tables::{Cols, partition_year, scan};

/// Retried pages listed by URL at most.
const RETRIED_LISTED: usize = 200;

/// One row of `reports`.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReportRow {
    pub(crate) url: String,
    pub(crate) title: Option<String>,
    pub(crate) province: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) level: Option<String>,
    pub(crate) region_code: Option<String>,
    pub(crate) region_note: Option<String>,
    pub(crate) target_year: Option<i32>,
    pub(crate) targets_found: i64,
    pub(crate) gdp_absent: bool,
}

/// The columns of a `targets` row the report uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct TargetRow {
    pub(crate) doc_id: String,
    pub(crate) target_year: Option<i32>,
    pub(crate) indicator: String,
    pub(crate) measure: String,
    pub(crate) value: Option<f64>,
    pub(crate) qualifier: String,
    pub(crate) constraint: Option<String>,
}

/// A page fetched more than once.
#[derive(Debug, Clone)]
pub(crate) struct Retried {
    pub(crate) url: String,
    pub(crate) attempts: i64,
    pub(crate) outcome: String,
}

/// Per host: pages, error rows and retries.
#[derive(Debug, Clone, Default)]
pub(crate) struct HostStats {
    pub(crate) pages: u64,
    pub(crate) errors: u64,
    pub(crate) retried: u64,
    /// Requests past the first, over all pages.
    pub(crate) extra_attempts: u64,
}

/// Aggregates of the `pages` table.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageStats {
    pub(crate) pages: u64,
    pub(crate) hosts: BTreeMap<String, HostStats>,
    /// Error rows by (kind, host).
    pub(crate) errors: BTreeMap<(String, String), u64>,
    /// The most retried pages (at most [`RETRIED_LISTED`]).
    pub(crate) retried: Vec<Retried>,
    pub(crate) retried_total: u64,
    /// Pages by run and by minute (minutes since the epoch, UTC).
    pub(crate) per_minute: BTreeMap<String, BTreeMap<i64, u64>>,
}

/// Everything the report is made of.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dataset {
    pub(crate) reports: Vec<ReportRow>,
    pub(crate) targets: Vec<TargetRow>,
    pub(crate) outcomes: u64,
    pub(crate) documents: u64,
    pub(crate) pages: PageStats,
    pub(crate) runs: Vec<RunManifest>,
}

/// Reads what the report needs from `root`; `step` hears which table is read.
pub(crate) fn load(root: &Path, step: &mut dyn FnMut(&str)) -> Result<Dataset, ReportError> {
    let mut d = Dataset::default();
    step("reading `reports`");
    scan(root, "reports", None, |b, parts| {
        let c = Cols(b);
        for i in 0..b.num_rows() {
            d.reports.push(ReportRow {
                url: c.string("url", i).unwrap_or_default(),
                title: c.string("title", i),
                province: c.string("province", i),
                region: c.string("region", i),
                level: c.string("level", i),
                region_code: c.string("region_code", i),
                region_note: c.string("region_note", i),
                target_year: partition_year(parts, "target_year"),
                targets_found: c.int("targets_found", i).unwrap_or(0),
                gdp_absent: c.bool("gdp_absent", i).unwrap_or(false),
            });
        }
        Ok(())
    })?;
    step("reading `targets`");
    let cols = [
        "doc_id",
        "indicator",
        "measure",
        "value",
        "qualifier",
        "constraint",
    ];
    scan(root, "targets", Some(&cols), |b, parts| {
        let c = Cols(b);
        for i in 0..b.num_rows() {
            d.targets.push(TargetRow {
                doc_id: c.string("doc_id", i).unwrap_or_default(),
                target_year: partition_year(parts, "target_year"),
                indicator: c.string("indicator", i).unwrap_or_default(),
                measure: c.string("measure", i).unwrap_or_default(),
                value: c.f64("value", i),
                qualifier: c.string("qualifier", i).unwrap_or_default(),
                constraint: c.string("constraint", i),
            });
        }
        Ok(())
    })?;
    step("counting `outcomes` and `documents`");
    scan(root, "outcomes", Some(&["doc_id"]), |b, _| {
        d.outcomes += b.num_rows() as u64;
        Ok(())
    })?;
    scan(root, "documents", Some(&["doc_id"]), |b, _| {
        d.documents += b.num_rows() as u64;
        Ok(())
    })?;
    step("reading `pages` (without bodies)");
    let cols = [
        "url",
        "host",
        "fetched_at",
        "kind",
        "status",
        "attempts",
        "error",
        "error_kind",
        "run_id",
    ];
    let p = &mut d.pages;
    scan(root, "pages", Some(&cols), |b, _| {
        let c = Cols(b);
        for i in 0..b.num_rows() {
            p.pages += 1;
            let host = c.string("host", i).unwrap_or_default();
            let h = p.hosts.entry(host.clone()).or_default();
            h.pages += 1;
            let is_error = c.str("kind", i) == Some("error");
            let status = c.int("status", i);
            let kind = if is_error {
                h.errors += 1;
                let kind = baogao_model::ErrorKind::of_stored(
                    c.str("error_kind", i),
                    status.and_then(|s| u16::try_from(s).ok()),
                    c.str("error", i),
                )
                .name();
                *p.errors.entry((kind.clone(), host)).or_default() += 1;
                kind
            } else {
                status.map_or_else(|| "ok".to_owned(), |s| s.to_string())
            };
            let attempts = c.int("attempts", i).unwrap_or(1);
            if attempts > 1 {
                h.retried += 1;
                h.extra_attempts += (attempts - 1) as u64;
                p.retried_total += 1;
                p.retried.push(Retried {
                    url: c.string("url", i).unwrap_or_default(),
                    attempts,
                    outcome: kind,
                });
                if p.retried.len() > RETRIED_LISTED * 2 {
                    keep_most_retried(&mut p.retried);
                }
            }
            if let (Some(t), Some(run)) = (c.micros("fetched_at", i), c.str("run_id", i)) {
                let minute = t.div_euclid(60_000_000);
                *p.per_minute
                    .entry(run.to_owned())
                    .or_default()
                    .entry(minute)
                    .or_default() += 1;
            }
        }
        Ok(())
    })?;
    keep_most_retried(&mut d.pages.retried);
    step("reading the run manifests");
    // a corrupt manifest is left out of the report, not a reason to write none
    d.runs = baogao_write::read_runs(root)?.0;
    Ok(d)
}

fn keep_most_retried(v: &mut Vec<Retried>) {
    v.sort_by(|a, b| b.attempts.cmp(&a.attempts).then_with(|| a.url.cmp(&b.url)));
    v.truncate(RETRIED_LISTED);
}
