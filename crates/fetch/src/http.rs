//! One request over HTTP: politeness waits, the global in-flight limit, retries with capped
//! exponential backoff and jitter, `Retry-After`, conditional headers, and a body read in
//! chunks that stops at the decompressed-size cap. Redirects are not followed here: a redirect
//! comes back as [`Fetched::Redirect`] and [`crate::request`] checks and follows each hop.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use rand::Rng;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::dns::DnsCache;
use crate::error::{FetchError, chain};
use crate::host::Host;
use crate::options::{FetchOptions, Previous};

/// Counters shared by every request of a run.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) requests: AtomicU64,
    pub(crate) retries: AtomicU64,
    pub(crate) bytes: AtomicU64,
}

/// Whether to read the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyPolicy {
    /// Always read it (robots.txt, article parts).
    Always,
    /// Skip it when the `Content-Type` says PDF, Word, image, archive….
    UnlessBinary,
}

/// A final answer with a usable status (2xx, or 304 to a conditional request).
#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) final_url: Url,
    pub(crate) content_type: Option<String>,
    pub(crate) etag: Option<String>,
    pub(crate) last_modified: Option<String>,
    /// `None` for 304 and for binaries whose body was not read.
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) attempts: u32,
    pub(crate) fetched_at: DateTime<Utc>,
}

/// A URL that failed for good.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: Option<u16>,
    pub(crate) attempts: u32,
    pub(crate) error: FetchError,
    /// A redirect was refused by robots.txt of the host it led to.
    pub(crate) robots_blocked: bool,
}

/// A redirect answer (301, 302, 303, 307, 308 with a usable `Location`).
#[derive(Debug)]
pub(crate) struct Redirect {
    pub(crate) status: u16,
    /// The `Location`, resolved against the request URL.
    pub(crate) to: Url,
    pub(crate) attempts: u32,
}

/// What [`Fetcher::fetch`] made of one request.
#[derive(Debug)]
pub(crate) enum Fetched {
    Ok(Response),
    /// The server redirects; nothing was read.
    Redirect(Redirect),
    Failed(Failure),
    /// Cancelled while waiting (for the host, a permit or a backoff): nothing to record.
    Cancelled,
}

/// Where redirects may lead when `same_host` is on: the seeds' hosts and the hosts seeds
/// redirected to. A seed's own redirects (`gov.cn` → `www.gov.cn`) and robots.txt redirects may
/// go anywhere (http/https); any other request that would leave these hosts is refused.
#[derive(Debug, Default)]
pub(crate) struct RedirectScope {
    same_host: bool,
    hosts: RwLock<HashSet<String>>,
}

impl RedirectScope {
    fn new(opts: &FetchOptions) -> RedirectScope {
        let hosts = opts
            .seeds
            .iter()
            .filter_map(|u| u.host_str().map(str::to_ascii_lowercase))
            .collect();
        RedirectScope {
            same_host: opts.same_host,
            hosts: RwLock::new(hosts),
        }
    }

    /// Links and redirects may go to `host` from now on.
    pub(crate) fn allow_host(&self, host: &str) {
        self.hosts
            .write()
            .expect("scope lock")
            .insert(host.to_ascii_lowercase());
    }

    /// `None` when a redirect may go to `to`, else why not. `free`: the chain started at a
    /// seed or at a robots.txt, whose redirects may go anywhere.
    pub(crate) fn refuse(&self, free: bool, to: &Url) -> Option<String> {
        if !self.same_host || free {
            return None;
        }
        let inside = to.host_str().is_some_and(|h| {
            self.hosts
                .read()
                .expect("scope lock")
                .contains(&h.to_ascii_lowercase())
        });
        (!inside).then(|| format!("redirect to `{to}` leaves the crawled hosts"))
    }
}

/// The HTTP side of a crawler.
pub(crate) struct Fetcher {
    client: reqwest::Client,
    pub(crate) scope: Arc<RedirectScope>,
    semaphore: Arc<Semaphore>,
    pub(crate) counters: Counters,
    retries: u32,
    backoff_base: Duration,
    backoff_max: Duration,
    max_retry_after: Duration,
    max_body_size: u64,
}

enum Step {
    Done(Response),
    Redirect(u16, Url),
    Fail(Option<u16>, FetchError),
    Retry {
        status: Option<u16>,
        delay: Option<Duration>,
        error: FetchError,
    },
}

impl Fetcher {
    pub(crate) fn new(opts: &FetchOptions) -> Result<Fetcher, FetchError> {
        let scope = Arc::new(RedirectScope::new(opts));
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            ),
        );
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("zh-CN,zh;q=0.9,en;q=0.5"),
        );
        let client = reqwest::Client::builder()
            .user_agent(opts.user_agent.clone())
            .default_headers(headers)
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            // every hop is checked (robots.txt of its host, deny, follow, hosts) and waits for
            // its host's rate limit: `crate::request` follows them, one request each
            .redirect(reqwest::redirect::Policy::none())
            // keep-alive per host, idle connections bounded: a polite host gets a request
            // every fraction of a second to a few seconds and reuses its connection; one not
            // asked for `POOL_IDLE` is closed, so a crawl of thousands of hosts keeps at most
            // `max_idle_per_host` × (hosts crawled in the last `POOL_IDLE`) sockets open
            .pool_max_idle_per_host(max_idle_per_host(opts))
            .pool_idle_timeout(POOL_IDLE)
            .tcp_nodelay(true)
            // each host name resolved once (the system resolver runs on the blocking pool)
            .dns_resolver(Arc::new(DnsCache::default()))
            .build()
            .map_err(FetchError::Client)?;
        Ok(Fetcher {
            client,
            scope,
            semaphore: Arc::new(Semaphore::new(opts.concurrency)),
            counters: Counters::default(),
            retries: opts.retries,
            backoff_base: opts.backoff_base,
            backoff_max: opts.backoff_max,
            max_retry_after: opts.max_retry_after,
            max_body_size: opts.max_body_size,
        })
    }

    /// GETs `url` from `host`, retrying what is worth retrying. A redirect is handed back as
    /// it is, unfollowed.
    pub(crate) async fn fetch(
        &self,
        host: &Host,
        url: &Url,
        previous: Option<&Previous>,
        policy: BodyPolicy,
        cancel: &CancellationToken,
    ) -> Fetched {
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let Ok((permit, sent)) = host.start(&self.semaphore, cancel).await else {
                return Fetched::Cancelled;
            };
            self.counters.requests.fetch_add(1, Ordering::Relaxed);
            let step = self.attempt(url, previous, policy, attempt).await;
            drop(permit);
            if !matches!(step, Step::Retry { .. }) {
                host.success();
            }
            match step {
                Step::Done(r) => return Fetched::Ok(r),
                Step::Redirect(status, to) => {
                    return Fetched::Redirect(Redirect {
                        status,
                        to,
                        attempts: attempt,
                    });
                }
                Step::Fail(status, error) => {
                    return Fetched::Failed(Failure {
                        status,
                        attempts: attempt,
                        error,
                        robots_blocked: false,
                    });
                }
                Step::Retry {
                    status,
                    delay,
                    error,
                } => {
                    // `Retry-After` holds the whole host (up to `max_retry_after`); 429 and
                    // 503 also slow it down (`crate::pace`)
                    let asked = delay.map(|d| {
                        if d > self.max_retry_after {
                            tracing::warn!(host = %host.key, %url, retry_after_s = d.as_secs_f64(), capped_s = self.max_retry_after.as_secs_f64(), "retry-after capped to max_retry_after");
                            host.count_capped_retry_after();
                            self.max_retry_after
                        } else {
                            d
                        }
                    });
                    match (status, asked) {
                        (Some(s @ (429 | 503)), _) => host.complain(s, sent, asked),
                        (_, Some(d)) => host.pause(d),
                        _ => {}
                    }
                    let wait = asked.unwrap_or_else(|| self.backoff(attempt));
                    if attempt > self.retries {
                        return Fetched::Failed(Failure {
                            status,
                            attempts: attempt,
                            error,
                            robots_blocked: false,
                        });
                    }
                    tracing::info!(%url, attempt, ?status, wait_ms = wait.as_millis() as u64, %error, "retrying");
                    self.counters.retries.fetch_add(1, Ordering::Relaxed);
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        () = cancel.cancelled() => return Fetched::Cancelled,
                    }
                }
            }
        }
    }

    /// Capped exponential backoff with jitter: half the delay fixed, half random.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .backoff_base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20));
        let capped = exp.min(self.backoff_max);
        let half = capped / 2;
        let jitter = rand::rng().random_range(0..=half.as_nanos().min(u128::from(u64::MAX)) as u64);
        half + Duration::from_nanos(jitter)
    }

    async fn attempt(
        &self,
        url: &Url,
        previous: Option<&Previous>,
        policy: BodyPolicy,
        attempt: u32,
    ) -> Step {
        let mut req = self.client.get(url.clone());
        if let Some(p) = previous {
            if let Some(etag) = &p.etag {
                req = req.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &p.last_modified {
                req = req.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let fetched_at = Utc::now();
        let mut resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return transport_error(url, &e, attempt),
        };
        let status = resp.status();
        let code = status.as_u16();
        let headers = resp.headers();
        let text = |name: header::HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.trim().to_owned())
        };
        let content_type = text(header::CONTENT_TYPE);
        let etag = text(header::ETAG);
        let last_modified = text(header::LAST_MODIFIED);
        let final_url = resp.url().clone();
        let done = |body| Response {
            status: code,
            final_url: final_url.clone(),
            content_type: content_type.clone(),
            etag: etag.clone(),
            last_modified: last_modified.clone(),
            body,
            attempts: attempt,
            fetched_at,
        };

        if status == StatusCode::NOT_MODIFIED && previous.is_some() {
            return Step::Done(done(None));
        }
        if status == StatusCode::REQUEST_TIMEOUT
            || status == StatusCode::TOO_MANY_REQUESTS
            || status.is_server_error()
        {
            let delay = retry_after(headers);
            let error = FetchError::Status {
                url: url.to_string(),
                status: code,
                attempts: attempt,
            };
            return Step::Retry {
                status: Some(code),
                delay,
                error,
            };
        }
        if is_redirect(status)
            && let Some(location) = text(header::LOCATION)
        {
            return match url.join(&location) {
                Ok(to) => Step::Redirect(code, to),
                Err(_) => Step::Fail(
                    Some(code),
                    FetchError::Redirect {
                        url: url.to_string(),
                        reason: format!("unusable redirect location `{location}`"),
                    },
                ),
            };
        }
        if !status.is_success() {
            let error = FetchError::Status {
                url: url.to_string(),
                status: code,
                attempts: attempt,
            };
            return Step::Fail(Some(code), error);
        }
        if policy == BodyPolicy::UnlessBinary && content_type.as_deref().is_some_and(is_binary_type)
        {
            return Step::Done(done(None));
        }
        if resp
            .content_length()
            .is_some_and(|n| n > self.max_body_size)
        {
            let error = FetchError::BodyTooLarge {
                url: url.to_string(),
                limit: self.max_body_size,
            };
            return Step::Fail(Some(code), error);
        }
        // sized once when the server says how much comes (a doubling Vec
        // holds up to twice a large body while it grows)
        let expected = resp
            .content_length()
            .map_or(0, |n| n.min(self.max_body_size));
        let mut body = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    self.counters
                        .bytes
                        .fetch_add(chunk.len() as u64, Ordering::Relaxed);
                    if (body.len() + chunk.len()) as u64 > self.max_body_size {
                        let error = FetchError::BodyTooLarge {
                            url: url.to_string(),
                            limit: self.max_body_size,
                        };
                        return Step::Fail(Some(code), error);
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return transport_error(url, &e, attempt),
            }
        }
        Step::Done(done(Some(body)))
    }
}

/// How long an idle keep-alive connection is kept.
const POOL_IDLE: Duration = Duration::from_secs(20);

/// Idle connections kept per host: as many as the host may get requests at once (its burst,
/// two at least: one in flight, one about to go), never more than the in-flight limit.
fn max_idle_per_host(opts: &FetchOptions) -> usize {
    let burst = opts
        .hosts
        .values()
        .filter_map(|o| o.burst)
        .fold(opts.burst, u32::max);
    (burst.max(2) as usize).min(opts.concurrency.max(2))
}

/// The statuses a browser follows (`Location` required); other 3xx are answers of their own.
fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

/// The connection itself failed (rather than what came over it): it could not be opened, the
/// body stopped coming, or somewhere down the error's sources the socket reported an error
/// (reset, refused, end of file) or the client saw it close before the answer was complete.
fn connection_failed(e: &reqwest::Error) -> bool {
    if e.is_connect() || e.is_body() {
        return true;
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if s.is::<std::io::Error>() {
            return true;
        }
        if let Some(h) = s.downcast_ref::<hyper::Error>()
            && (h.is_incomplete_message() || h.is_closed() || h.is_canceled())
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// A transport error (no usable response): a request that could not be built fails for good,
/// the rest is retried.
fn transport_error(url: &Url, e: &reqwest::Error, attempts: u32) -> Step {
    let url_s = url.to_string();
    if e.is_builder() {
        return Step::Fail(
            None,
            FetchError::Request {
                url: url_s,
                attempts,
                reason: chain(e),
            },
        );
    }
    let error = if e.is_timeout() {
        FetchError::Timeout {
            url: url_s,
            attempts,
        }
    } else if connection_failed(e) {
        FetchError::Connection {
            url: url_s,
            attempts,
            reason: chain(e),
        }
    } else {
        FetchError::Request {
            url: url_s,
            attempts,
            reason: chain(e),
        }
    };
    Step::Retry {
        status: None,
        delay: None,
        error,
    }
}

/// `Retry-After` as seconds or an HTTP date (a past date means now).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(v).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// A `Content-Type` for a file that is recorded, not parsed.
pub(crate) fn is_binary_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if mime.contains("html") || mime.contains("xml") || mime.starts_with("text/") || mime.is_empty()
    {
        return false;
    }
    mime.starts_with("image/")
        || mime.starts_with("audio/")
        || mime.starts_with("video/")
        || mime.starts_with("font/")
        || (mime.starts_with("application/") && mime != "application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = SystemTime::now() + Duration::from_secs(120);
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let d = retry_after(&h).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_secs(120),
            "{d:?}"
        );
        h.insert(
            header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(header::RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        let opts = FetchOptions {
            backoff_base: Duration::from_millis(100),
            backoff_max: Duration::from_secs(1),
            ..FetchOptions::default()
        };
        let f = Fetcher::new(&opts).unwrap();
        for _ in 0..50 {
            let d1 = f.backoff(1);
            assert!(
                d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100),
                "{d1:?}"
            );
            let d3 = f.backoff(3);
            assert!(
                d3 >= Duration::from_millis(200) && d3 <= Duration::from_millis(400),
                "{d3:?}"
            );
            let d30 = f.backoff(30);
            assert!(
                d30 >= Duration::from_millis(500) && d30 <= Duration::from_secs(1),
                "{d30:?}"
            );
        }
    }

    #[test]
    fn binary_types() {
        assert!(is_binary_type("application/pdf"));
        assert!(is_binary_type("application/msword"));
        assert!(is_binary_type("image/png"));
        assert!(!is_binary_type("text/html; charset=gbk"));
        assert!(!is_binary_type("application/xhtml+xml"));
        assert!(!is_binary_type("application/xml"));
        assert!(!is_binary_type("application/octet-stream"));
    }
}
