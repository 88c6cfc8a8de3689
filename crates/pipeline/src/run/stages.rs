//! The CPU stages between the source and the writer: clean and extract,
//! each a loop on a blocking thread between two bounded channels.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Instant;

use baogao_clean::Cleaner;
use baogao_extract::Extractor;
use baogao_model::PageKind;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::Item;
use super::counters::Counters;
use crate::PipelineError;
use crate::config::{Config, Dictionary};

/// Builds the extractor the config asks for.
pub fn build_extractor(config: &Config) -> Result<Extractor, PipelineError> {
    let ex = &config.extract;
    let mut extractor = match &ex.dictionary {
        Dictionary::Builtin => Extractor::builtin(),
        Dictionary::File(p) => Extractor::from_dictionary_file(p)?,
    };
    for p in &ex.extra_dictionaries {
        extractor = extractor.with_extra_dictionary(p)?;
    }
    Ok(extractor.with_outcomes(ex.outcomes))
}

/// The clean stage: an HTML page gets its document (when `enabled`; otherwise
/// items pass through, as in a run that starts at extract).
pub(super) fn spawn_clean(
    cleaner: Cleaner,
    enabled: bool,
    counters: &Arc<Counters>,
    rx: mpsc::Receiver<Item>,
    tx: mpsc::Sender<Item>,
) -> JoinHandle<()> {
    let counters = counters.clone();
    tokio::task::spawn_blocking(move || {
        let c = &*counters;
        stage_loop(rx, &tx, &c.clean_busy_us, &c.clean_blocked_us, |item| {
            if enabled
                && let Some(page) = &item.page
                && page.kind == PageKind::Html
                && page.body.is_some()
            {
                item.doc = Some(cleaner.clean(page));
                Counters::add(&c.cleaned, 1);
            }
        });
    })
}

/// The extract stage: a document gets its report, targets and outcomes (when `enabled`).
pub(super) fn spawn_extract(
    extractor: Arc<Extractor>,
    enabled: bool,
    counters: &Arc<Counters>,
    rx: mpsc::Receiver<Item>,
    tx: mpsc::Sender<Item>,
) -> JoinHandle<()> {
    let counters = counters.clone();
    tokio::task::spawn_blocking(move || {
        let c = &*counters;
        stage_loop(rx, &tx, &c.extract_busy_us, &c.extract_blocked_us, |item| {
            if enabled && let Some(doc) = &item.doc {
                let ex = extractor.extract(doc);
                Counters::add(&c.extracted, 1);
                Counters::add(&c.targets, ex.targets.len() as u64);
                Counters::add(&c.outcomes, ex.outcomes.len() as u64);
                item.extraction = Some(ex);
            }
        });
    })
}

/// One CPU stage on a blocking thread: receive, `work` on the item, send
/// it on; time spent working and time blocked in `send` (the backpressure
/// signal) go to `busy` and `blocked`. Ends when either channel closes.
fn stage_loop(
    mut rx: mpsc::Receiver<Item>,
    tx: &mpsc::Sender<Item>,
    busy: &AtomicU64,
    blocked: &AtomicU64,
    mut work: impl FnMut(&mut Item),
) {
    while let Some(mut item) = rx.blocking_recv() {
        let t = Instant::now();
        work(&mut item);
        Counters::add_time(busy, t.elapsed());
        let t = Instant::now();
        if tx.blocking_send(item).is_err() {
            break;
        }
        Counters::add_time(blocked, t.elapsed());
    }
}
