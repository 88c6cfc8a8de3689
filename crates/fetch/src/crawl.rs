//! The crawl loop: frontier, dedup, link admission, the many-host scheduler, backpressure
//! through `emit`, cancellation.
//!
//! The frontier keeps one queue per host (`host:port`) and a heap of hosts ordered by the
//! instant each may next be sent a request. The loop takes the host at the top of the heap
//! when its instant has come, starts a task for its next URL, and puts the host back at the
//! instant of its next turn; it sleeps until the top's instant or until a task ends. So a host
//! gets a task only when it can be sent a request (or one is about to finish), no task waits
//! behind another host's rate limit, and adding hosts adds throughput until `concurrency` (or
//! the CPU) is the limit. A host has at most `max(burst, 2)` tasks at once and gets no new one
//! while one of its tasks waits for its next turn.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use baogao_model::{Page, PageKind};
use tokio::task::JoinSet;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::error::FetchError;
use crate::host::Host;
use crate::http::Fetcher;
use crate::job::{self, Found, Job, TaskResult};
use crate::options::HostStats;
use crate::options::{CrawlStats, FetchOptions, Previous};
use crate::pagination::part_of;
use crate::request::Origin;
use crate::urls::{is_http, looks_like_document, normalize_url, origin_key};

/// A configured crawler; [`Crawler::run`] crawls from the seeds. Cheap to keep around: one HTTP
/// client and connection pool, per-host state (rate limiter, robots.txt) kept across runs.
pub struct Crawler {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) opts: FetchOptions,
    pub(crate) fetcher: Fetcher,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// State of one run shared with its tasks.
pub(crate) struct RunCtx {
    /// Normalised URLs whose fetch has started in this run (never fetched twice), by
    /// [`url_hash`].
    pub(crate) fetched: Mutex<HashSet<u64>>,
    pub(crate) cancel: CancellationToken,
}

impl RunCtx {
    /// Claims `key` for fetching; `false` when it was fetched (or claimed) before.
    pub(crate) fn claim(&self, key: &str) -> bool {
        self.fetched
            .lock()
            .expect("fetched lock")
            .insert(url_hash(key))
    }
}

/// A 64-bit hash of a normalised URL: what the crawl's dedup sets keep instead of the URL
/// (8 bytes instead of ~100 for each page of a bulk crawl). Two URLs of a crawl share a hash
/// with probability n²/2⁶⁵ (3 in 100 million at a million URLs), which would skip one page.
pub(crate) fn url_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

impl Inner {
    /// The state of `url`'s host, created on first use with its rate (and overrides).
    pub(crate) fn host(&self, url: &Url) -> Arc<Host> {
        let key = origin_key(url);
        let mut hosts = self.hosts.lock().expect("hosts lock");
        Arc::clone(hosts.entry(key.clone()).or_insert_with(|| {
            let name = url.host_str().unwrap_or_default().to_ascii_lowercase();
            let o = self
                .opts
                .hosts
                .get(&key)
                .or_else(|| self.opts.hosts.get(&name));
            let rate = o.and_then(|o| o.rate).unwrap_or(self.opts.per_host_rate);
            let burst = o.and_then(|o| o.burst).unwrap_or(self.opts.burst);
            Arc::new(Host::new(key, rate, burst))
        }))
    }
}

/// Tasks alive at once: more than `concurrency`, so that tasks digesting pages or waiting for
/// an article's next part do not leave request slots idle, and two per host with work, so
/// that every host can have a request in flight and the next one ready (the semaphore still
/// caps requests in flight, the per-host limits what each host gets). It also bounds the rows
/// done but not yet emitted while `emit` is slow.
fn max_tasks(concurrency: usize, hosts: usize) -> usize {
    concurrency
        .saturating_mul(4)
        .max(4)
        .max(hosts.saturating_mul(2))
}

/// Tasks one host may have at once: its burst, and two at least (one request in flight, the
/// next about to go, so that a slow server does not halve the host's rate).
fn tasks_per_host(burst: u32) -> usize {
    burst.max(2) as usize
}

impl Crawler {
    /// Checks the options and builds the HTTP client.
    pub fn new(opts: FetchOptions) -> Result<Crawler, FetchError> {
        opts.validate()?;
        let fetcher = Fetcher::new(&opts)?;
        Ok(Crawler {
            inner: Arc::new(Inner {
                opts,
                fetcher,
                hosts: Mutex::new(HashMap::new()),
            }),
        })
    }

    /// Crawls from the seeds and passes every row to `emit`, awaiting it before taking more
    /// work (a slow consumer slows the crawl). `emit` is `FnMut`: it is only ever called from
    /// the task running this future, one row at a time.
    ///
    /// - Every seed and every followed link gives exactly one row (a multi-page article is one
    ///   row for all its parts); links that `follow`/`same_host`/`deny`/`max_depth` reject give
    ///   none. No URL (normalised) is requested twice in a run.
    /// - `skip`: normalised URLs committed by an earlier run. Those that look like a document
    ///   (`5955.html`, `x.pdf`) are not fetched at all; others (directories, listings, sitemaps,
    ///   seeds) are fetched for their links, and if they turn out to be an article or binary no
    ///   row is emitted for them.
    /// - `previous`: etag/last_modified/body hash of earlier fetches, keyed by normalised URL;
    ///   document-like URLs are requested conditionally and give `Unchanged` rows on 304 or an
    ///   equal body hash.
    /// - When `cancel` fires, no new URL is taken, requests already sent are finished and their
    ///   rows emitted; URLs still waiting for their host or a backoff are dropped (no row, so a
    ///   later run fetches them).
    /// - An `Error` row carries the typed kind of its failure
    ///   ([`Page::error_kind`]), decided from the error itself.
    pub async fn run<F, Fut>(
        &self,
        skip: &HashSet<String>,
        previous: &HashMap<String, Previous>,
        cancel: CancellationToken,
        mut emit: F,
    ) -> CrawlStats
    where
        F: FnMut(Page) -> Fut,
        Fut: Future<Output = ()>,
    {
        let inner = &self.inner;
        let opts = &inner.opts;
        let counters = &inner.fetcher.counters;
        let start = (
            counters.requests.load(Ordering::Relaxed),
            counters.retries.load(Ordering::Relaxed),
            counters.bytes.load(Ordering::Relaxed),
        );
        let ctx = Arc::new(RunCtx {
            fetched: Mutex::new(HashSet::new()),
            cancel: cancel.clone(),
        });
        let mut stats = CrawlStats::default();
        let mut frontier = Frontier {
            allowed: opts
                .seeds
                .iter()
                .filter_map(|u| u.host_str().map(str::to_ascii_lowercase))
                .collect(),
            max_per_host: opts.max_queued_per_host,
            ..Frontier::default()
        };

        for seed in &opts.seeds {
            if !is_http(seed) {
                let err = FetchError::UnsupportedScheme {
                    url: seed.to_string(),
                    scheme: seed.scheme().to_owned(),
                };
                let page = job::error_page(seed.as_str(), 0, None, None, 0, &err);
                record(&mut stats, &page);
                emit(page).await;
                continue;
            }
            let mut url = seed.clone();
            url.set_fragment(None);
            let key = normalize_url(&url).to_string();
            if frontier.seen.insert(url_hash(&key)) {
                let in_skip = skip.contains(&key);
                let prev = previous.get(&key).cloned();
                let pending = Pending::new(&url, key, 0, None, Origin::Seed, in_skip, prev);
                frontier.push(inner, &url, pending, Lane::Seed);
            }
        }

        let mut tasks: JoinSet<TaskResult> = JoinSet::new();
        let mut running: HashMap<tokio::task::Id, Running> = HashMap::new();
        loop {
            let stop = cancel.is_cancelled() || opts.max_pages.is_some_and(|m| stats.pages >= m);
            let now = Instant::now();
            let limit = max_tasks(opts.concurrency, frontier.hosts.len());
            while !stop && tasks.len() < limit {
                let Some(i) = frontier.due(now) else { break };
                let Some((pending, deferred)) = frontier.take(i, now) else {
                    continue;
                };
                let job = pending.into_job();
                if job.in_skip && !job.seed && looks_like_document(&job.url) {
                    stats.skipped += 1;
                    frontier.wake(i, now);
                    continue;
                }
                if !ctx.claim(&job.key) {
                    frontier.wake(i, now); // fetched as a part of an article
                    continue;
                }
                frontier.started(i, deferred, now);
                let handle = tasks.spawn(job::process(
                    Arc::clone(inner),
                    Arc::clone(&ctx),
                    job.clone(),
                ));
                running.insert(
                    handle.id(),
                    Running {
                        job,
                        deferred,
                        host: i,
                    },
                );
            }
            // at the task limit, only a task's end can let another start
            let next = (!stop && tasks.len() < limit)
                .then(|| frontier.next_due())
                .flatten();
            if tasks.is_empty() && next.is_none() {
                break;
            }
            let joined = tokio::select! {
                biased;
                j = tasks.join_next_with_id(), if !tasks.is_empty() => j,
                () = sleep_until(next), if next.is_some() => None,
                () = cancel.cancelled(), if !stop => None,
            };
            let Some(joined) = joined else { continue };
            let (id, result) = match joined {
                Ok((id, r)) => (id, Ok(r)),
                Err(e) => (e.id(), Err(e)),
            };
            let Some(Running {
                job,
                deferred,
                host,
            }) = running.remove(&id)
            else {
                continue;
            };
            frontier.finished(host, deferred, Instant::now());
            let result = match result {
                Ok(r) => r,
                Err(e) => {
                    tracing::error!(url = %job.key, err = %e, "fetch task failed");
                    let err = FetchError::Request {
                        url: job.key.clone(),
                        attempts: 0,
                        reason: format!("internal error: {e}"),
                    };
                    let page =
                        job::error_page(&job.key, job.depth, job.referrer.clone(), None, 0, &err);
                    TaskResult {
                        pages: vec![page],
                        ..TaskResult::default()
                    }
                }
            };
            if result.cancelled {
                stats.left_unfetched += 1;
            }
            stats.skipped += result.skipped;
            stats.robots_blocked += result.robots_blocked;
            if let Some(h) = result.seed_redirected_to {
                // a seed that redirects (`gov.cn` → `www.gov.cn`) brings its new host along
                inner.fetcher.scope.allow_host(&h);
                frontier.allowed.insert(h);
            }
            for found in result.links {
                frontier.admit(inner, found, skip, previous);
            }
            for page in result.pages {
                record(&mut stats, &page);
                emit(page).await;
            }
        }

        stats.left_unfetched += frontier.queued as u64;
        stats.frontier_dropped = frontier.dropped;
        stats.hosts = inner.host_stats(&frontier);
        stats.cancelled = cancel.is_cancelled();
        stats.requests = counters.requests.load(Ordering::Relaxed) - start.0;
        stats.retries = counters.retries.load(Ordering::Relaxed) - start.1;
        stats.bytes = counters.bytes.load(Ordering::Relaxed) - start.2;
        tracing::info!(
            pages = stats.pages,
            errors = stats.errors,
            requests = stats.requests,
            hosts_slowed = stats.hosts.len(),
            "crawl finished"
        );
        stats
    }
}

/// Sleeps until `at` (forever when `None`; the caller's `select!` guards that branch).
async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(t) => tokio::time::sleep_until(t).await,
        None => std::future::pending().await,
    }
}

/// A task of the crawl loop: its job, whether it came from a deferred queue, and its host's
/// index in the frontier.
struct Running {
    job: Job,
    deferred: bool,
    host: usize,
}

impl Inner {
    /// The pacing figures of every host this run touched that was slowed, paused or had links
    /// dropped (and a log line for each); resets the hosts' counters for the next run.
    fn host_stats(&self, frontier: &Frontier) -> BTreeMap<String, HostStats> {
        let dropped: HashMap<&str, u64> = frontier
            .hosts
            .iter()
            .filter(|h| h.dropped > 0)
            .map(|h| (h.host.key.as_str(), h.dropped))
            .collect();
        let hosts: Vec<Arc<Host>> = self
            .hosts
            .lock()
            .expect("hosts lock")
            .values()
            .cloned()
            .collect();
        let mut out = BTreeMap::new();
        for host in hosts {
            let mut s = host.take_stats();
            s.frontier_dropped = dropped.get(host.key.as_str()).copied().unwrap_or(0);
            if s.is_empty() {
                continue;
            }
            tracing::info!(
                host = %host.key,
                slowed_ms = s.slowed_ms,
                paused_ms = s.paused_ms,
                complaints_429 = s.complaints_429,
                complaints_503 = s.complaints_503,
                retry_after_capped = s.retry_after_capped,
                longest_interval_ms = s.longest_interval_ms,
                frontier_dropped = s.frontier_dropped,
                "host pacing in this run"
            );
            out.insert(host.key.clone(), s);
        }
        out
    }
}

fn record(stats: &mut CrawlStats, page: &Page) {
    stats.pages += 1;
    match page.kind {
        PageKind::Html => stats.html += 1,
        PageKind::Listing => stats.listings += 1,
        PageKind::Binary => stats.binaries += 1,
        PageKind::Unchanged => stats.unchanged += 1,
        PageKind::Error => stats.errors += 1,
    }
}

/// URLs waiting to be fetched, by host, the hosts ordered by when each may next be sent a
/// request, and every URL ever admitted (the dedup set).
#[derive(Default)]
struct Frontier {
    /// Hosts links may go to when `same_host` is on: the seeds' hosts and where seeds redirect.
    allowed: HashSet<String>,
    /// Every admitted URL, by [`url_hash`].
    seen: HashSet<u64>,
    /// Index in `hosts` by `host:port`.
    index: HashMap<String, usize>,
    hosts: Vec<HostQueue>,
    /// Hosts with work, by the instant to look at them again (min-heap). An entry whose
    /// instant is not its host's `scheduled` is stale and skipped.
    heap: BinaryHeap<Reverse<(Instant, usize)>>,
    /// URLs in all queues.
    queued: usize,
    /// `max_queued_per_host`.
    max_per_host: usize,
    /// Links dropped because their host's queue was full.
    dropped: u64,
}

/// One host's part of the frontier.
struct HostQueue {
    host: Arc<Host>,
    queue: VecDeque<Pending>,
    /// Part-shaped URLs (`x_2.html`, `?page=2`): fetched on their own only if no article of
    /// the host claimed them by the time the host's other work is done (listing pages
    /// numbered this way).
    deferred: VecDeque<Pending>,
    /// Tasks of this host alive, and those of them not from `deferred`.
    running: usize,
    normal_running: usize,
    /// Tasks of this host at once at most.
    max_running: usize,
    /// Its entry in the heap.
    scheduled: Option<Instant>,
    dropped: u64,
}

impl HostQueue {
    fn has_work(&self) -> bool {
        !self.queue.is_empty() || (self.normal_running == 0 && !self.deferred.is_empty())
    }
}

/// Which queue of its host a URL goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    /// A seed: queued whatever the cap.
    Seed,
    Normal,
    Deferred,
}

/// A URL waiting in the frontier. A site's listing pages put every article in the queue
/// long before it is fetched, so an entry is kept small: 64 bytes and the URL's text (a
/// [`Job`] with its parsed `Url` was ~220 bytes and three strings), and the referrer is
/// shared by all the links of its page. The `Url` is parsed again when the entry is taken.
struct Pending {
    /// The URL as found, without its fragment (`Url`'s serialisation).
    url: Box<str>,
    /// The normalised spelling (the dedup key), when it differs from `url`.
    key: Option<Box<str>>,
    referrer: Option<Arc<str>>,
    previous: Option<Box<Previous>>,
    depth: u32,
    /// A seed, a sitemap entry or a link.
    origin: Origin,
    in_skip: bool,
}

impl Pending {
    fn new(
        url: &Url,
        key: String,
        depth: u32,
        referrer: Option<Arc<str>>,
        origin: Origin,
        in_skip: bool,
        previous: Option<Previous>,
    ) -> Pending {
        let key = (key != url.as_str()).then(|| key.into_boxed_str());
        Pending {
            url: url.as_str().into(),
            key,
            referrer,
            previous: previous.map(Box::new),
            depth,
            origin,
            in_skip,
        }
    }

    #[cfg(test)]
    fn key(&self) -> &str {
        self.key.as_deref().unwrap_or(&self.url)
    }

    fn into_job(self) -> Job {
        // a `Url`'s own serialisation always parses back to the same `Url`
        let url = Url::parse(&self.url).expect("a serialised Url parses");
        Job {
            key: self
                .key
                .map_or_else(|| self.url.into_string(), str::into_string),
            url,
            depth: self.depth,
            referrer: self.referrer.map(|r| r.to_string()),
            seed: self.origin == Origin::Seed,
            from_sitemap: self.origin == Origin::Unfollowed,
            in_skip: self.in_skip,
            previous: self.previous.map(|p| *p),
        }
    }
}

impl Frontier {
    fn admit(
        &mut self,
        inner: &Inner,
        found: Found,
        skip: &HashSet<String>,
        previous: &HashMap<String, Previous>,
    ) {
        let opts = &inner.opts;
        if !is_http(&found.url) || found.depth > opts.max_depth {
            return;
        }
        // fetched as discovered (a server may not answer `/x/` for `/x/index.html`), deduplicated
        // by the normalised spelling
        let mut url = found.url;
        url.set_fragment(None);
        let key = normalize_url(&url).to_string();
        let hash = url_hash(&key);
        if self.seen.contains(&hash) {
            return;
        }
        if opts.same_host
            && !url
                .host_str()
                .is_some_and(|h| self.allowed.contains(&h.to_ascii_lowercase()))
        {
            return;
        }
        if opts.deny.iter().any(|r| r.is_match(&key)) {
            return;
        }
        if !found.from_sitemap && !opts.follow.iter().any(|r| r.is_match(&key)) {
            return;
        }
        let in_skip = skip.contains(&key);
        let prev = previous.get(&key).cloned();
        let part = part_of(&url).is_some();
        let pending = Pending::new(
            &url,
            key,
            found.depth,
            Some(found.referrer),
            if found.from_sitemap {
                Origin::Unfollowed
            } else {
                Origin::Link
            },
            in_skip,
            prev,
        );
        let lane = if part { Lane::Deferred } else { Lane::Normal };
        if self.push(inner, &url, pending, lane) {
            self.seen.insert(hash);
        }
    }

    /// Queues `pending` (whose URL is `url`) on its host; `false` when the host's queue is
    /// full and it was dropped (not marked seen: a later link may bring it back).
    fn push(&mut self, inner: &Inner, url: &Url, pending: Pending, lane: Lane) -> bool {
        let i = self.host_index(inner, url);
        let max = self.max_per_host;
        let hq = &mut self.hosts[i];
        if lane != Lane::Seed && hq.queue.len() + hq.deferred.len() >= max {
            hq.dropped += 1;
            self.dropped += 1;
            if hq.dropped == 1 {
                tracing::warn!(host = %hq.host.key, max_queued_per_host = max, "host's frontier queue is full; further links of the host are dropped (a later run finds them again)");
            }
            return false;
        }
        match lane {
            Lane::Deferred => hq.deferred.push_back(pending),
            Lane::Seed | Lane::Normal => hq.queue.push_back(pending),
        }
        self.queued += 1;
        self.wake(i, Instant::now());
        true
    }

    /// The index of `url`'s host, added on first sight.
    fn host_index(&mut self, inner: &Inner, url: &Url) -> usize {
        let key = origin_key(url);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let host = inner.host(url);
        let max_running = tasks_per_host(host.burst());
        self.hosts.push(HostQueue {
            host,
            queue: VecDeque::new(),
            deferred: VecDeque::new(),
            running: 0,
            normal_running: 0,
            max_running,
            scheduled: None,
            dropped: 0,
        });
        self.index.insert(key, self.hosts.len() - 1);
        self.hosts.len() - 1
    }

    /// Puts host `i` on the heap at `at` (or earlier than it is), if it has work.
    fn schedule(&mut self, i: usize, at: Instant) {
        let hq = &mut self.hosts[i];
        if !hq.has_work() || hq.running >= hq.max_running {
            return;
        }
        if hq.scheduled.is_none_or(|t| at < t) {
            hq.scheduled = Some(at);
            self.heap.push(Reverse((at, i)));
        }
    }

    /// Host `i` may have something to do from `now`: on the heap at its next turn.
    fn wake(&mut self, i: usize, now: Instant) {
        let at = self.hosts[i].host.ready_at().map_or(now, |t| t.max(now));
        self.schedule(i, at);
    }

    /// The instant of the next host to look at, stale entries dropped.
    fn next_due(&mut self) -> Option<Instant> {
        while let Some(&Reverse((at, i))) = self.heap.peek() {
            if self.hosts[i].scheduled == Some(at) {
                return Some(at);
            }
            self.heap.pop();
        }
        None
    }

    /// The next host whose instant has come by `now`, off the heap.
    fn due(&mut self, now: Instant) -> Option<usize> {
        let at = self.next_due()?;
        if at > now {
            return None;
        }
        let Reverse((_, i)) = self.heap.pop().expect("peeked");
        self.hosts[i].scheduled = None;
        Some(i)
    }

    /// The next URL of host `i` if a request to it could go out now, with whether it was a
    /// deferred one; otherwise the host is put back on the heap at its next turn (or left off
    /// it until one of its tasks ends).
    fn take(&mut self, i: usize, now: Instant) -> Option<(Pending, bool)> {
        let hq = &mut self.hosts[i];
        if hq.running >= hq.max_running {
            return None; // woken when a task ends
        }
        if hq.running > 0 && hq.host.waiting() > 0 {
            // a task of the host waits for its next turn: look again after it
            let at = now + hq.host.interval();
            self.schedule(i, at);
            return None;
        }
        if let Some(t) = hq.host.ready_at()
            && t > now
        {
            self.schedule(i, t);
            return None;
        }
        let (p, deferred) = if let Some(p) = hq.queue.pop_front() {
            (p, false)
        } else if hq.normal_running == 0
            && let Some(p) = hq.deferred.pop_front()
        {
            (p, true)
        } else {
            return None;
        };
        self.queued -= 1;
        Some((p, deferred))
    }

    /// A task of host `i` started: the host is looked at again at once (it may take more
    /// tasks: burst) — `take` holds it back while its tasks wait.
    fn started(&mut self, i: usize, deferred: bool, now: Instant) {
        let hq = &mut self.hosts[i];
        hq.running += 1;
        if !deferred {
            hq.normal_running += 1;
        }
        self.wake(i, now);
    }

    /// A task of host `i` ended.
    fn finished(&mut self, i: usize, deferred: bool, now: Instant) {
        let hq = &mut self.hosts[i];
        hq.running -= 1;
        if !deferred {
            hq.normal_running -= 1;
        }
        self.wake(i, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_future_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let c = Crawler::new(FetchOptions::default()).unwrap();
        let skip = HashSet::new();
        let prev = HashMap::new();
        let fut = c.run(&skip, &prev, CancellationToken::new(), |_p| async {});
        assert_send(&fut);
    }

    #[test]
    fn a_pending_entry_is_small_and_gives_back_the_job_it_was_made_from() {
        assert!(std::mem::size_of::<Pending>() <= 64);
        let referrer: Arc<str> = Arc::from("http://a.gov.cn/list.html");
        let prev = Previous {
            etag: Some("\"e1\"".into()),
            last_modified: None,
            body_sha256: Some("ab".into()),
        };
        for (raw, key) in [
            // found spelling kept for the request, the normalised one for dedup
            (
                "http://a.gov.cn//x//index.html?b=2&a=1",
                "http://a.gov.cn/x/?a=1&b=2",
            ),
            ("http://a.gov.cn/x/5955.html", "http://a.gov.cn/x/5955.html"),
        ] {
            let url = Url::parse(raw).unwrap();
            let p = Pending::new(
                &url,
                key.to_owned(),
                2,
                Some(Arc::clone(&referrer)),
                Origin::Link,
                true,
                Some(prev.clone()),
            );
            assert_eq!(p.key(), key);
            let job = p.into_job();
            assert_eq!(job.url, url);
            assert_eq!(job.key, key);
            assert_eq!(job.referrer.as_deref(), Some("http://a.gov.cn/list.html"));
            assert_eq!(job.previous.as_ref(), Some(&prev));
            assert_eq!((job.depth, job.seed, job.in_skip), (2, false, true));
        }
    }

    #[test]
    fn admission_rules() {
        let opts = FetchOptions {
            seeds: vec![Url::parse("http://a.gov.cn/").unwrap()],
            follow: vec![regex::Regex::new("/baogao/").unwrap()],
            deny: vec![regex::Regex::new(r"\?print=").unwrap()],
            max_depth: 2,
            ..FetchOptions::default()
        };
        let c = Crawler::new(opts).unwrap();
        let mut f = Frontier {
            allowed: ["a.gov.cn".to_owned()].into(),
            max_per_host: 100,
            ..Frontier::default()
        };
        let none = HashSet::new();
        let prev = HashMap::new();
        let found = |u: &str, depth, from_sitemap| Found {
            url: Url::parse(u).unwrap(),
            depth,
            referrer: "http://a.gov.cn/".into(),
            from_sitemap,
        };
        for (u, d, s) in [
            ("http://a.gov.cn/baogao/1.html", 1, false),
            ("http://a.gov.cn/baogao/1.html#x", 1, false), // duplicate after normalisation
            ("http://b.gov.cn/baogao/2.html", 1, false),   // other host
            ("http://a.gov.cn/news/3.html", 1, false),     // not followed
            ("http://a.gov.cn/news/4.html", 1, true),      // sitemap entries bypass follow
            ("http://a.gov.cn/baogao/5.html?print=1", 1, false), // denied
            ("http://a.gov.cn/baogao/6.html", 3, false),   // too deep
            ("ftp://a.gov.cn/baogao/7.html", 1, false),    // scheme
            ("http://a.gov.cn/baogao/1_2.html", 1, false), // part: deferred
        ] {
            f.admit(&c.inner, found(u, d, s), &none, &prev);
        }
        let hq = &f.hosts[0];
        assert_eq!(f.hosts.len(), 1);
        let queued: Vec<&str> = hq.queue.iter().map(Pending::key).collect();
        assert_eq!(
            queued,
            [
                "http://a.gov.cn/baogao/1.html",
                "http://a.gov.cn/news/4.html"
            ]
        );
        let deferred: Vec<&str> = hq.deferred.iter().map(Pending::key).collect();
        assert_eq!(deferred, ["http://a.gov.cn/baogao/1_2.html"]);
    }
}
