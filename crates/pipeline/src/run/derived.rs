//! The derived tables, `reports_dedup` and `panel`, rebuilt from the whole
//! committed `reports`, `targets` and `outcomes` tables at the end of a run
//! that extracted (and by `baogao rebuild`).

use std::collections::{HashMap, HashSet};

use baogao_model::{DedupRow, Outcome, Report, Target};

use crate::PipelineError;

/// [`rebuild_derived`] on a blocking thread.
pub(super) async fn rebuild_in_background(
    root: &std::path::Path,
    wopts: &baogao_write::WriteOptions,
) -> Result<(u64, u64), PipelineError> {
    let (root, wopts) = (root.to_owned(), wopts.clone());
    tokio::task::spawn_blocking(move || rebuild_derived(&root, &wopts))
        .await
        .map_err(|err| PipelineError::Stage {
            stage: "write",
            message: err.to_string(),
        })?
}

/// Rebuilds `reports_dedup` and `panel` from the whole committed `reports`,
/// `targets` and `outcomes` tables (see `baogao_extract::panel` for the
/// rules); returns their row counts. The reports are deduplicated a batch at
/// a time (holding each copy's `doc_id`, URL and rank, not the rows), and the
/// panel is built a run of region codes at a time ([`region_shards`]),
/// holding only those reports' targets and outcomes.
pub fn rebuild_derived(
    root: &std::path::Path,
    wopts: &baogao_write::WriteOptions,
) -> Result<(u64, u64), PipelineError> {
    let kept = {
        let mut dedup = baogao_extract::panel::Dedup::default();
        baogao_write::scan::<Report>(root, |reports| {
            for r in &reports {
                dedup.add(r);
            }
            Ok(())
        })?;
        // text lengths break ties between copies: only those of region-years
        // with several copies are kept (read a batch at a time)
        let contested: HashSet<&str> = dedup.contested().collect();
        let chars = if contested.is_empty() {
            HashMap::new()
        } else {
            baogao_write::document_lengths(root, |id| contested.contains(id))?
        };
        drop(contested);
        dedup.finish(&chars)
    };
    baogao_write::write_reports_dedup(root, &kept, wopts)?;
    let mut panel = baogao_write::PanelWriter::create(root, wopts)?;
    let mut panel_rows = 0;
    for shard in region_shards(&kept, shard_reports(kept.len())) {
        let docs: HashSet<&str> = shard.iter().map(|d| d.doc_id.as_str()).collect();
        let targets: Vec<Target> = rows_of(root, |t: &Target| docs.contains(t.doc_id.as_str()))?;
        let outcomes: Vec<Outcome> = rows_of(root, |o: &Outcome| docs.contains(o.doc_id.as_str()))?;
        let rows = baogao_extract::panel::panel(shard, &targets, &outcomes);
        panel_rows += rows.len() as u64;
        panel.write(&rows)?;
    }
    panel.commit()?;
    Ok((kept.len() as u64, panel_rows))
}

/// The committed rows of table `R` that `keep` keeps, read a batch at a time.
fn rows_of<R: baogao_write::Row>(
    root: &std::path::Path,
    keep: impl Fn(&R) -> bool,
) -> Result<Vec<R>, PipelineError> {
    let mut out = Vec::new();
    baogao_write::scan::<R>(root, |rows| {
        out.extend(rows.into_iter().filter(|r| keep(r)));
        Ok(())
    })?;
    Ok(out)
}

/// Kept reports whose targets and outcomes one part of the panel rebuild holds at once
/// (~4 kB each), up to [`PANEL_MAX_SCANS`] parts.
const PANEL_SHARD_REPORTS: usize = 2_000;
/// Most parts of the panel rebuild: each part reads the `targets` and `outcomes` tables once.
const PANEL_MAX_SCANS: usize = 16;

/// Reports per part of the panel rebuild for `kept` kept reports: [`PANEL_SHARD_REPORTS`],
/// or more when that would take more than [`PANEL_MAX_SCANS`] reads of the tables (memory
/// then grows as 1/16 of the reports, time stays linear).
fn shard_reports(kept: usize) -> usize {
    PANEL_SHARD_REPORTS.max(kept.div_ceil(PANEL_MAX_SCANS))
}

/// `kept` (sorted by region code and year) cut into runs of whole region codes of about
/// `size` reports: a region's years are in one part, as the panel pairs each year's targets
/// with the next year's outcomes. The parts come in order, so the panel file keeps the order
/// of one whole rebuild.
fn region_shards(kept: &[DedupRow], size: usize) -> impl Iterator<Item = &[DedupRow]> {
    let mut rest = kept;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while end < rest.len() && rest[end].region_code == rest[end - 1].region_code {
            end += 1;
        }
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(code: &str, year: i32) -> DedupRow {
        DedupRow {
            region_code: code.into(),
            target_year: year,
            doc_id: format!("{code}-{year}"),
            url: format!("http://a/{code}/{year}.html"),
            province: None,
            prefecture: None,
            region: None,
            level: None,
            parent_code: None,
            targets_found: 0,
            copies: Vec::new(),
            copy_urls: Vec::new(),
        }
    }

    #[test]
    fn panel_parts_hold_whole_regions_in_order() {
        let rows: Vec<DedupRow> = [("1", 3), ("2", 1), ("3", 4), ("4", 1), ("5", 1)]
            .iter()
            .flat_map(|&(code, years)| (0..years).map(move |y| kept(code, 2020 + y)))
            .collect();
        for size in [1, 2, 3, 5, 100] {
            let parts: Vec<&[DedupRow]> = region_shards(&rows, size).collect();
            let joined: Vec<&DedupRow> = parts.iter().flat_map(|p| p.iter()).collect();
            assert_eq!(joined.len(), rows.len(), "size {size}");
            assert!(joined.iter().zip(&rows).all(|(a, b)| a.doc_id == b.doc_id));
            for pair in parts.windows(2) {
                let (a, b) = (pair[0].last().unwrap(), pair[1].first().unwrap());
                assert_ne!(a.region_code, b.region_code, "size {size}: a region split");
            }
            for p in &parts {
                // a part is cut at `size` reports, then runs to the end of its last region
                let last = &p[p.len() - 1].region_code;
                let before_last = p.iter().filter(|d| &d.region_code != last).count();
                assert!(before_last < size, "size {size}: {}", p.len());
            }
        }
        // size 2: [1 1 1] (a region is never split), [2 3 3 3 3], [4 5]
        let sizes: Vec<usize> = region_shards(&rows, 2).map(<[DedupRow]>::len).collect();
        assert_eq!(sizes, [3, 5, 2]);
    }

    #[test]
    fn the_rebuild_reads_the_tables_a_bounded_number_of_times() {
        assert_eq!(shard_reports(10), PANEL_SHARD_REPORTS);
        assert_eq!(shard_reports(20_000), PANEL_SHARD_REPORTS);
        let n: usize = 1_000_000;
        assert!(n.div_ceil(shard_reports(n)) <= PANEL_MAX_SCANS);
    }
}
