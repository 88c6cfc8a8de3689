//! Pacing under faults: a server that sheds one request in five with `503` and `Retry-After`.
//! Every page must arrive, the host's rate must never be exceeded, and no request may reach
//! the host before the instant its `Retry-After` named. (How long such a crawl takes, with
//! and without faults, is measured by `baogao-bench pacing`, not asserted here.)

// A test prints what it measured (`cargo test -- --nocapture`); the crate's ban on printing
// is for its library code.
#![allow(clippy::disallowed_macros)]

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use baogao_model::PageKind;
use support::{article, crawl, fast_opts, html, status};

const ARTICLES: usize = 40;
const RATE: f64 = 20.0;

/// One request as the server saw it: arrival (monotonic and wall clock), path, and for a
/// shed one the instant its `Retry-After` named (its arrival, for seconds).
type Entry = (Instant, SystemTime, String, Option<SystemTime>);

/// What the server saw.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<Entry>>>);

/// `Retry-After` in one of its two forms.
#[derive(Clone, Copy)]
enum RetryAfter {
    /// `Retry-After: N` (seconds).
    Seconds(u64),
    /// `Retry-After: <HTTP date N seconds from now>` (whole seconds, rounded down by the format).
    Date(u64),
}

/// A site of an index and [`ARTICLES`] articles; every fifth request answered 503 with
/// `Retry-After` (the last element of a log entry: the instant it named, for dates).
fn shedding_site(every: usize, retry_after: RetryAfter) -> (Router, Seen) {
    let seen = Seen::default();
    let hits = Arc::new(AtomicUsize::new(0));
    let s2 = seen.clone();
    let router = Router::new().fallback(move |req: Request| {
        let (seen, hits) = (s2.clone(), hits.clone());
        async move {
            let path = req.uri().path().to_owned();
            let now = (Instant::now(), SystemTime::now());
            let k = hits.fetch_add(1, Ordering::SeqCst);
            if every > 0 && k % every == every - 1 {
                let mut r: Response = status(StatusCode::SERVICE_UNAVAILABLE);
                let (value, until) = match retry_after {
                    RetryAfter::Seconds(n) => (n.to_string(), None),
                    RetryAfter::Date(n) => {
                        let date = httpdate::fmt_http_date(now.1 + Duration::from_secs(n));
                        let until = httpdate::parse_http_date(&date).unwrap();
                        (date, Some(until))
                    }
                };
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_str(&value).unwrap());
                seen.0
                    .lock()
                    .unwrap()
                    .push((now.0, now.1, path, Some(until.unwrap_or(now.1))));
                return r;
            }
            seen.0
                .lock()
                .unwrap()
                .push((now.0, now.1, path.clone(), None));
            if path == "/" {
                let links: Vec<String> = (0..ARTICLES)
                    .map(|i| format!("<li><a href=\"/art/{i}.html\">第{i}篇</a></li>"))
                    .collect();
                let links = links.concat();
                return html(
                    "text/html; charset=utf-8",
                    format!("<html><body><ul>{links}</ul></body></html>"),
                );
            }
            html("text/html; charset=utf-8", article(&path, ""))
        }
    });
    (router, seen)
}

/// The most requests seen in any window of `w`.
fn max_in_window(times: &[Instant], w: Duration) -> usize {
    (0..times.len())
        .map(|i| times[i..].iter().take_while(|t| **t - times[i] < w).count())
        .max()
        .unwrap_or(0)
}

async fn crawl_shedding(
    every: usize,
    retry_after: RetryAfter,
) -> (
    Vec<baogao_model::Page>,
    baogao_fetch::CrawlStats,
    Seen,
    Duration,
) {
    let (router, seen) = shedding_site(every, retry_after);
    let server = support::serve(move |_| router).await;
    let mut opts = fast_opts(vec![server.url("/")], &["/art/"]);
    opts.per_host_rate = RATE;
    opts.burst = 1;
    opts.concurrency = 4;
    opts.retries = 4;
    let t0 = Instant::now();
    let (pages, stats) = crawl(opts).await;
    (pages, stats, seen, t0.elapsed())
}

/// (a) every page arrives, (b) never above the rate, (c) nothing before a `Retry-After`.
fn check(pages: &[baogao_model::Page], seen: &Seen) {
    assert_eq!(pages.len(), ARTICLES + 1);
    for p in pages {
        assert!(
            matches!(p.kind, PageKind::Html | PageKind::Listing),
            "{} {:?} {:?}",
            p.url,
            p.kind,
            p.error
        );
    }
    assert_eq!(
        pages.iter().filter(|p| p.kind == PageKind::Html).count(),
        ARTICLES
    );
    let log = seen.0.lock().unwrap().clone();
    let times: Vec<Instant> = log.iter().map(|e| e.0).collect();
    // (b) 20/s, burst 1: 20 in any second, requests 50 ms apart (a few ms of slack for the
    // time between the crawler's send and the server's handler)
    let second = Duration::from_millis(995);
    assert!(
        max_in_window(&times, second) <= RATE as usize,
        "{} requests in one second",
        max_in_window(&times, second)
    );
    let period = Duration::from_millis(45); // 50 ms less the slack
    for w in times.windows(2) {
        assert!(w[1] - w[0] >= period, "{:?}", w[1] - w[0]);
    }
    // (c) after a 503 with Retry-After, the next request to the host comes at or after the
    // instant it named
    let shed = log.iter().filter(|e| e.3.is_some()).count();
    assert!(shed >= (ARTICLES + 1) / 5, "{shed}");
    for (k, e) in log.iter().enumerate() {
        let Some(until) = e.3 else { continue };
        if let Some(next) = log.get(k + 1) {
            let (after, when) = (next.0 - e.0, next.1);
            match until.duration_since(e.1) {
                // seconds: `until` is the arrival instant, the wait is counted from the answer
                Err(_) | Ok(Duration::ZERO) => {
                    assert!(
                        after >= Duration::from_secs(1),
                        "{} after {after:?}",
                        next.2
                    );
                }
                // a date: nothing before it, on the wall clock
                Ok(_) => assert!(when >= until, "{} at {when:?}, before {until:?}", next.2),
            }
        }
    }
}

#[tokio::test]
async fn a_host_shedding_one_request_in_five_is_crawled_whole_and_politely() {
    let (pages, stats, seen, took) = crawl_shedding(5, RetryAfter::Seconds(1)).await;
    check(&pages, &seen);
    assert_eq!(stats.errors, 0);
    assert!(stats.retries >= 8, "{stats:?}");
    // the run says how long the host was held and slowed, and why
    assert_eq!(stats.hosts.len(), 1);
    let host = stats.hosts.values().next().unwrap();
    assert_eq!(
        host.complaints_503,
        seen.0
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.3.is_some())
            .count() as u64
    );
    assert!(host.paused_ms >= 900 * host.complaints_503, "{host:?}");
    assert!(
        host.slowed_ms > 0 && host.longest_interval_ms >= 66,
        "{host:?}"
    );
    println!("{} requests in {took:?}, {host:?}", stats.requests);
}

#[tokio::test]
async fn retry_after_as_a_date_holds_the_host_until_that_date() {
    let (pages, stats, seen, took) = crawl_shedding(5, RetryAfter::Date(2)).await;
    check(&pages, &seen);
    assert_eq!(stats.errors, 0);
    println!("{} requests in {took:?}", stats.requests);
}
