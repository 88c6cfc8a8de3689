//! The crawl loop: frontier, dedup, link admission, backpressure through `emit`, cancellation.

use std::collections::{HashMap, HashSet, VecDeque};
use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use baogao_model::{Page, PageKind};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::error::FetchError;
use crate::host::Host;
use crate::http::Fetcher;
use crate::job::{self, Found, Job, TaskResult};
use crate::options::{CrawlStats, FetchOptions, Previous};
use crate::request::Origin;
use crate::urls::{is_http, looks_like_document, normalize_url, origin_key, part_of};

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

/// Tasks alive at once: more than `concurrency` so that tasks waiting on one slow host's rate
/// limit do not starve other hosts (the semaphore still caps requests in flight).
fn max_tasks(concurrency: usize) -> usize {
    concurrency.saturating_mul(4).max(4)
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
            hosts: opts
                .seeds
                .iter()
                .filter_map(|u| u.host_str().map(str::to_ascii_lowercase))
                .collect(),
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
                frontier.queue.push_back(Pending::new(
                    &url,
                    key,
                    0,
                    None,
                    Origin::Seed,
                    in_skip,
                    prev,
                ));
            }
        }

        let limit = max_tasks(opts.concurrency);
        let mut tasks: JoinSet<TaskResult> = JoinSet::new();
        let mut running: HashMap<tokio::task::Id, (Job, bool)> = HashMap::new();
        let mut normal_running = 0usize;
        loop {
            let budget_left = opts.max_pages.is_none_or(|m| stats.pages < m);
            while !cancel.is_cancelled() && budget_left && tasks.len() < limit {
                let (pending, deferred) = if let Some(j) = frontier.queue.pop_front() {
                    (j, false)
                } else if normal_running == 0 {
                    // part-shaped URLs wait until every article that could claim them is done
                    match frontier.deferred.pop_front() {
                        Some(j) => (j, true),
                        None => break,
                    }
                } else {
                    break;
                };
                let job = pending.into_job();
                if job.in_skip && !job.seed && looks_like_document(&job.url) {
                    stats.skipped += 1;
                    continue;
                }
                if !ctx.claim(&job.key) {
                    continue; // fetched as a part of an article
                }
                if !deferred {
                    normal_running += 1;
                }
                let handle = tasks.spawn(job::process(
                    Arc::clone(inner),
                    Arc::clone(&ctx),
                    job.clone(),
                ));
                running.insert(handle.id(), (job, deferred));
            }
            let Some(joined) = tasks.join_next_with_id().await else {
                break;
            };
            let (id, result) = match joined {
                Ok((id, r)) => (id, Ok(r)),
                Err(e) => (e.id(), Err(e)),
            };
            let Some((job, deferred)) = running.remove(&id) else {
                continue;
            };
            if !deferred {
                normal_running -= 1;
            }
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
                frontier.hosts.insert(h);
            }
            for found in result.links {
                frontier.admit(inner, found, skip, previous);
            }
            for page in result.pages {
                record(&mut stats, &page);
                emit(page).await;
            }
        }

        stats.left_unfetched += (frontier.queue.len() + frontier.deferred.len()) as u64;
        stats.cancelled = cancel.is_cancelled();
        stats.requests = counters.requests.load(Ordering::Relaxed) - start.0;
        stats.retries = counters.retries.load(Ordering::Relaxed) - start.1;
        stats.bytes = counters.bytes.load(Ordering::Relaxed) - start.2;
        tracing::info!(
            pages = stats.pages,
            errors = stats.errors,
            requests = stats.requests,
            "crawl finished"
        );
        stats
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

/// URLs waiting to be fetched, and every URL ever admitted (the dedup set).
#[derive(Default)]
struct Frontier {
    /// Hosts links may go to when `same_host` is on: the seeds' hosts and where seeds redirect.
    hosts: HashSet<String>,
    /// Every admitted URL, by [`url_hash`].
    seen: HashSet<u64>,
    queue: VecDeque<Pending>,
    /// Part-shaped URLs (`x_2.html`, `?page=2`): fetched on their own only if no article
    /// claimed them by the time everything else is done (listing pages numbered this way).
    deferred: VecDeque<Pending>,
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
                .is_some_and(|h| self.hosts.contains(&h.to_ascii_lowercase()))
        {
            return;
        }
        if opts.deny.iter().any(|r| r.is_match(&key)) {
            return;
        }
        if !found.from_sitemap && !opts.follow.iter().any(|r| r.is_match(&key)) {
            return;
        }
        self.seen.insert(hash);
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
        if part {
            self.deferred.push_back(pending);
        } else {
            self.queue.push_back(pending);
        }
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
            hosts: ["a.gov.cn".to_owned()].into(),
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
        let queued: Vec<&str> = f.queue.iter().map(Pending::key).collect();
        assert_eq!(
            queued,
            [
                "http://a.gov.cn/baogao/1.html",
                "http://a.gov.cn/news/4.html"
            ]
        );
        let deferred: Vec<&str> = f.deferred.iter().map(Pending::key).collect();
        assert_eq!(deferred, ["http://a.gov.cn/baogao/1_2.html"]);
    }
}
