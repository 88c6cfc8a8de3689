//! Typed crawl options, what an earlier run knew about a URL, and the run's counters.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use regex::Regex;
use url::Url;

use crate::error::FetchError;

/// Rate overrides for one host (keyed by host name, or `host:port`, in [`FetchOptions::hosts`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HostOverride {
    /// Requests per second for this host (instead of `per_host_rate`).
    pub rate: Option<f64>,
    /// Burst for this host (instead of `burst`).
    pub burst: Option<u32>,
}

/// Everything the crawler needs to know; the pipeline builds it from the `[fetch]` TOML section.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Start URLs: listing pages, sitemaps or articles. Always fetched (robots permitting),
    /// whatever `follow` says.
    pub seeds: Vec<Url>,
    /// A discovered link is followed when any of these matches the absolute, normalised URL.
    /// Empty: no HTML link is followed (seeds and sitemap entries still are).
    pub follow: Vec<Regex>,
    /// A link matching any of these is never followed (sitemap entries included).
    pub deny: Vec<Regex>,
    /// Link hops from a seed; links found on a page at this depth are not followed.
    pub max_depth: u32,
    /// Only follow links (and sitemap entries) whose host is the host of one of the seeds.
    pub same_host: bool,
    /// Requests per second, per host.
    pub per_host_rate: f64,
    /// Requests a host may get at once above the rate.
    pub burst: u32,
    /// Requests in flight, all hosts together.
    pub concurrency: usize,
    /// Per-host rate/burst overrides, keyed by host (`www.gov.cn`) or `host:port`.
    pub hosts: HashMap<String, HostOverride>,
    /// `User-Agent` header; its first word is the robots.txt agent token.
    pub user_agent: String,
    /// Fetch and obey robots.txt (Disallow, Allow, Crawl-delay).
    pub respect_robots: bool,
    /// Cap on a robots.txt Crawl-delay (larger ones are clamped, with a log line).
    pub max_crawl_delay: Duration,
    /// TCP connect timeout.
    pub connect_timeout: Duration,
    /// Whole-request timeout (headers and body).
    pub timeout: Duration,
    /// Cap on the decompressed body, in bytes: the body is streamed and reading stops past it.
    pub max_body_size: u64,
    /// Redirects followed per request.
    pub max_redirects: usize,
    /// Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx.
    pub retries: u32,
    /// First backoff delay; doubled each retry, with jitter.
    pub backoff_base: Duration,
    /// Cap on a backoff delay (without `Retry-After`).
    pub backoff_max: Duration,
    /// Cap on an honoured `Retry-After` (seconds or HTTP date). A longer one is waited for
    /// this long only, with a warning naming the host and both durations.
    pub max_retry_after: Duration,
    /// URLs waiting in the frontier per host at most; links past it are dropped (counted in
    /// [`HostStats::frontier_dropped`], logged once per host) and found again by a later run.
    pub max_queued_per_host: usize,
    /// Stop taking new URLs once this many pages (rows) were emitted.
    pub max_pages: Option<u64>,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            seeds: Vec::new(),
            follow: Vec::new(),
            deny: Vec::new(),
            max_depth: 3,
            same_host: true,
            per_host_rate: 1.0,
            burst: 1,
            concurrency: 8,
            hosts: HashMap::new(),
            user_agent: concat!("baogao/", env!("CARGO_PKG_VERSION")).to_owned(),
            respect_robots: true,
            max_crawl_delay: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_size: 16 * 1024 * 1024,
            max_redirects: 10,
            retries: 3,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(60),
            max_retry_after: Duration::from_secs(300),
            max_queued_per_host: 100_000,
            max_pages: None,
        }
    }
}

fn invalid(key: &'static str, reason: impl Into<String>) -> FetchError {
    FetchError::InvalidOption {
        key,
        reason: reason.into(),
    }
}

fn check_rate(key: &'static str, rate: f64) -> Result<(), FetchError> {
    if rate.is_finite() && rate > 0.0 && rate <= 1e6 {
        Ok(())
    } else {
        Err(invalid(
            key,
            format!("must be a positive number of requests per second, got {rate}"),
        ))
    }
}

impl FetchOptions {
    /// Checks ranges that types do not express.
    pub(crate) fn validate(&self) -> Result<(), FetchError> {
        check_rate("per_host_rate", self.per_host_rate)?;
        if self.burst == 0 {
            return Err(invalid("burst", "must be at least 1"));
        }
        if self.concurrency == 0 {
            return Err(invalid("concurrency", "must be at least 1"));
        }
        if self.max_body_size == 0 {
            return Err(invalid("max_body_size", "must be at least 1 byte"));
        }
        if self.timeout.is_zero() {
            return Err(invalid("timeout", "must be longer than 0"));
        }
        if self.max_queued_per_host == 0 {
            return Err(invalid("max_queued_per_host", "must be at least 1"));
        }
        if self.user_agent.trim().is_empty() {
            return Err(invalid("user_agent", "must not be empty"));
        }
        for (host, o) in &self.hosts {
            if let Some(rate) = o.rate {
                check_rate("hosts.rate", rate)
                    .map_err(|_| invalid("hosts", format!("rate of `{host}` must be positive")))?;
            }
            if o.burst == Some(0) {
                return Err(invalid(
                    "hosts",
                    format!("burst of `{host}` must be at least 1"),
                ));
            }
        }
        Ok(())
    }
}

/// What an earlier run stored about a URL, for conditional requests and change detection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Previous {
    /// `ETag` of the earlier response (sent as `If-None-Match`).
    pub etag: Option<String>,
    /// `Last-Modified` of the earlier response (sent as `If-Modified-Since`).
    pub last_modified: Option<String>,
    /// SHA-256 of the earlier body (all parts); an equal body gives an `Unchanged` row.
    pub body_sha256: Option<String>,
}

/// Counters of one [`Crawler::run`](crate::Crawler::run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CrawlStats {
    /// HTTP requests sent (retries, robots.txt and article parts included).
    pub requests: u64,
    /// Rows passed to `emit`.
    pub pages: u64,
    /// Rows of kind `Error`.
    pub errors: u64,
    /// Retries (requests after a failed attempt).
    pub retries: u64,
    /// URLs not fetched because robots.txt disallows them (or is unavailable).
    pub robots_blocked: u64,
    /// Decompressed body bytes read.
    pub bytes: u64,
    /// Rows of kind `Html` (articles).
    pub html: u64,
    /// Rows of kind `Listing` (listing pages and sitemaps).
    pub listings: u64,
    /// Rows of kind `Binary`.
    pub binaries: u64,
    /// Rows of kind `Unchanged`.
    pub unchanged: u64,
    /// URLs in `skip` that were not fetched or not emitted again.
    pub skipped: u64,
    /// Discovered URLs left unfetched because the run was cancelled or hit `max_pages`.
    pub left_unfetched: u64,
    /// The run stopped early because its cancellation token fired.
    pub cancelled: bool,
    /// Links dropped because their host's frontier queue was full (`max_queued_per_host`).
    pub frontier_dropped: u64,
    /// Hosts that were slowed, paused by `Retry-After` or had links dropped in this run, by
    /// `host:port` (hosts that ran at their configured pace throughout are not listed).
    pub hosts: BTreeMap<String, HostStats>,
}

/// What happened to one host's pace in a run: how long it was slowed and why. The pacing
/// rules are in the crate docs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostStats {
    /// Milliseconds during which the host's rate was below its configured rate (after 429/503
    /// answers, until good answers brought it back).
    pub slowed_ms: u64,
    /// Milliseconds during which nothing was sent to the host because of a `Retry-After`
    /// (overlapping waits counted once).
    pub paused_ms: u64,
    /// 429 answers.
    pub complaints_429: u64,
    /// 503 answers.
    pub complaints_503: u64,
    /// `Retry-After`s longer than `max_retry_after`, waited for that long only.
    pub retry_after_capped: u64,
    /// The widest spacing of requests the host was slowed to, in milliseconds.
    pub longest_interval_ms: u64,
    /// Links dropped because the host's frontier queue was full.
    pub frontier_dropped: u64,
}

impl HostStats {
    /// Nothing happened to the host's pace.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == HostStats::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_polite() {
        let o = FetchOptions::default();
        o.validate().unwrap();
        assert!((o.per_host_rate - 1.0).abs() < f64::EPSILON);
        assert_eq!(
            (o.burst, o.concurrency, o.max_depth, o.retries),
            (1, 8, 3, 3)
        );
        assert_eq!(o.max_body_size, 16 * 1024 * 1024);
        assert!(o.same_host && o.respect_robots);
    }

    #[test]
    fn bad_values_name_the_option() {
        let o = FetchOptions {
            per_host_rate: 0.0,
            ..FetchOptions::default()
        };
        assert!(
            o.validate()
                .unwrap_err()
                .to_string()
                .contains("`per_host_rate`")
        );
        let o = FetchOptions {
            burst: 0,
            ..FetchOptions::default()
        };
        assert!(o.validate().unwrap_err().to_string().contains("`burst`"));
        let mut o = FetchOptions::default();
        o.hosts.insert(
            "a.gov.cn".into(),
            HostOverride {
                rate: Some(f64::NAN),
                burst: None,
            },
        );
        assert!(o.validate().unwrap_err().to_string().contains("a.gov.cn"));
    }
}
