//! What every stage counts while the run goes: records, time busy and time
//! blocked on the next stage (the backpressure signal), errors by kind.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use baogao_model::ErrorKind;

use crate::progress::Progress;

#[derive(Default)]
pub(super) struct Counters {
    pub(super) fetched: AtomicU64,
    /// Rows the crawler gave past `fetch.max_pages` (dropped, fetched next run).
    pub(super) over_budget: AtomicU64,
    pub(super) fetch_errors: AtomicU64,
    pub(super) unchanged: AtomicU64,
    pub(super) cleaned: AtomicU64,
    pub(super) extracted: AtomicU64,
    pub(super) targets: AtomicU64,
    pub(super) outcomes: AtomicU64,
    pub(super) written: AtomicU64,
    pub(super) fetch_blocked_us: AtomicU64,
    pub(super) clean_busy_us: AtomicU64,
    pub(super) clean_blocked_us: AtomicU64,
    pub(super) extract_busy_us: AtomicU64,
    pub(super) extract_blocked_us: AtomicU64,
    pub(super) write_busy_us: AtomicU64,
    /// Failed pages by the manifest name of their kind.
    pub(super) errors: Mutex<BTreeMap<String, u64>>,
}

impl Counters {
    pub(super) fn load(a: &AtomicU64) -> u64 {
        a.load(Ordering::Relaxed)
    }

    pub(super) fn add(a: &AtomicU64, n: u64) {
        a.fetch_add(n, Ordering::Relaxed);
    }

    /// Adds `d` to a time counter, in microseconds.
    pub(super) fn add_time(a: &AtomicU64, d: Duration) {
        Self::add(a, micros(d));
    }

    /// A time counter in seconds.
    pub(super) fn secs(a: &AtomicU64) -> f64 {
        Self::load(a) as f64 / 1e6
    }

    /// Counts one failed page of kind `kind`.
    pub(super) fn error(&self, kind: ErrorKind) {
        Self::add(&self.fetch_errors, 1);
        *self
            .errors
            .lock()
            .expect("errors")
            .entry(kind.name())
            .or_default() += 1;
    }

    /// The progress line on the terminal, redrawn from these counters (when `enabled`).
    pub(super) fn progress(self: &std::sync::Arc<Self>, enabled: bool) -> Progress {
        let c = self.clone();
        Progress::start(enabled, move || {
            let l = Self::load;
            format!(
                "pages fetched {} · cleaned {} · targets {} · written {} · errors {}",
                l(&c.fetched),
                l(&c.cleaned),
                l(&c.targets),
                l(&c.written),
                l(&c.fetch_errors)
            )
        })
    }
}

fn micros(d: Duration) -> u64 {
    d.as_micros() as u64
}
