//! Per-host politeness: the host's [`Pace`] (rate limit, AIMD slow-down, `Retry-After`) behind
//! a lock, the waits for it, and the host's robots.txt rules.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::error::FetchError;
use crate::options::HostStats;
use crate::pace::{Complaint, Pace};

/// The wait was cut short by cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cancelled;

/// State shared by every request to one host (`host:port`).
pub(crate) struct Host {
    pub(crate) key: String,
    pace: Mutex<Pace>,
    /// Tasks waiting in [`Host::start`] for the host's next turn (the scheduler gives a host
    /// no new task while one waits).
    waiting: AtomicUsize,
    pub(crate) robots: tokio::sync::OnceCell<Robots>,
}

/// Decrements a counter when dropped.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Host {
    /// A host limited to `rate` requests/second with `burst`.
    pub(crate) fn new(key: String, rate: f64, burst: u32) -> Host {
        Host {
            key,
            pace: Mutex::new(Pace::new(rate, burst)),
            waiting: AtomicUsize::new(0),
            robots: tokio::sync::OnceCell::new(),
        }
    }

    fn pace(&self) -> std::sync::MutexGuard<'_, Pace> {
        self.pace.lock().expect("pace lock")
    }

    /// Takes the right to send one request now, or says how long to wait before asking again
    /// (a `Retry-After`, then the rate limit). The cell is claimed only here, right before the
    /// request goes out, so requests queued behind the in-flight limit cannot bunch up past
    /// the rate once they get through.
    pub(crate) fn try_start(&self) -> Result<(), Duration> {
        let now = Instant::now();
        self.pace()
            .try_claim(now)
            .map_err(|t| (t - now).max(Duration::from_micros(1)))
    }

    /// Waits until a request to this host may start and a slot of the global in-flight limit
    /// is free; the permit is held for the request. A task never holds a permit while it waits
    /// for the host. Returns the permit and the instant the request was allowed out, or
    /// [`Cancelled`] when `cancel` fires first.
    pub(crate) async fn start(
        &self,
        in_flight: &Arc<Semaphore>,
        cancel: &CancellationToken,
    ) -> Result<(OwnedSemaphorePermit, Instant), Cancelled> {
        loop {
            // wait for the host first, without a permit
            if let Some(wait) = self.ready_in() {
                self.waiting.fetch_add(1, Ordering::Relaxed);
                let _waiting = Waiting(&self.waiting);
                let mut wait = wait;
                loop {
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        () = cancel.cancelled() => return Err(Cancelled),
                    }
                    match self.ready_in() {
                        Some(w) => wait = w,
                        None => break,
                    }
                }
            }
            let permit = tokio::select! {
                p = Arc::clone(in_flight).acquire_owned() => p.expect("semaphore never closed"),
                () = cancel.cancelled() => return Err(Cancelled),
            };
            if self.try_start().is_ok() {
                return Ok((permit, Instant::now()));
            }
            // another task took the cell while this one waited for a permit
            drop(permit);
        }
    }

    /// How long until a request could start (`None`: now), claiming nothing.
    pub(crate) fn ready_in(&self) -> Option<Duration> {
        let now = Instant::now();
        self.ready_at().filter(|t| *t > now).map(|t| t - now)
    }

    /// The earliest instant a request could start (`None`: any time), claiming nothing.
    pub(crate) fn ready_at(&self) -> Option<Instant> {
        self.pace().ready_at()
    }

    /// Tasks waiting for the host's next turn.
    pub(crate) fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// The spacing of the host's requests at its current rate.
    pub(crate) fn interval(&self) -> Duration {
        self.pace().interval()
    }

    /// The host's configured burst.
    pub(crate) fn burst(&self) -> u32 {
        self.pace().burst()
    }

    /// Waits until a request to this host may start (no in-flight limit).
    #[cfg(test)]
    pub(crate) async fn acquire(&self, cancel: &CancellationToken) -> Result<(), Cancelled> {
        loop {
            match self.try_start() {
                Ok(()) => return Ok(()),
                Err(wait) => tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = cancel.cancelled() => return Err(Cancelled),
                },
            }
        }
    }

    /// The server answered 429 or 503 to a request sent at `sent`: the host's rate is
    /// decreased (see [`crate::pace`]), and with a `Retry-After` nothing goes to the host
    /// before `retry_after` from now.
    pub(crate) fn complain(&self, status: u16, sent: Instant, retry_after: Option<Duration>) {
        let what = if status == 429 {
            Complaint::TooManyRequests
        } else {
            Complaint::Unavailable
        };
        let now = Instant::now();
        let mut pace = self.pace();
        if let Some(d) = retry_after {
            pace.pause_until(now + d, now);
        }
        let slowed = pace.complain(what, sent, now);
        let interval_ms = pace.interval().as_millis() as u64;
        drop(pace);
        if slowed.decreased {
            tracing::info!(
                host = %self.key,
                status,
                rate = slowed.rate,
                interval_ms,
                retry_after_ms = retry_after.map(|d| d.as_millis() as u64),
                "host slowed down"
            );
        }
    }

    /// A `Retry-After` that came with another status (500, 502 …): the host is held, its rate
    /// unchanged.
    pub(crate) fn pause(&self, retry_after: Duration) {
        let now = Instant::now();
        self.pace().pause_until(now + retry_after, now);
    }

    /// A good answer: the host's rate recovers a step, if it was slowed.
    pub(crate) fn success(&self) {
        let recovered = self.pace().success(Instant::now());
        if let Some(slowed) = recovered {
            tracing::info!(host = %self.key, slowed_ms = slowed.as_millis() as u64, "host back to its configured rate");
        }
    }

    /// A `Retry-After` was capped at `max_retry_after`.
    pub(crate) fn count_capped_retry_after(&self) {
        self.pace().count_capped();
    }

    /// The host's pacing figures since the last call.
    pub(crate) fn take_stats(&self) -> HostStats {
        self.pace().take_stats(Instant::now())
    }

    /// robots.txt asks for `delay` between requests: the host's rate becomes one request per
    /// `max(delay, period)` with no burst. The robots.txt request itself counts as one.
    pub(crate) fn set_crawl_delay(&self, delay: Duration) {
        self.pace().set_crawl_delay(delay, Instant::now());
    }
}

/// A host's robots.txt, as far as this run is concerned.
#[derive(Debug)]
pub(crate) enum Robots {
    /// No robots.txt (4xx), or robots are not respected.
    AllowAll,
    /// Parsed rules for our agent token.
    Rules(Box<texting_robots::Robot>),
    /// robots.txt answered 5xx or could not be fetched: every URL of the host is refused.
    Unavailable(String),
}

impl Robots {
    /// Parses a robots.txt body for `agent`; unparsable files allow everything.
    pub(crate) fn parse(agent: &str, body: &[u8]) -> Robots {
        match texting_robots::Robot::new(agent, body) {
            Ok(r) => Robots::Rules(Box::new(r)),
            Err(err) => {
                tracing::warn!(%err, "robots.txt unparsable, allowing all");
                Robots::AllowAll
            }
        }
    }

    /// Crawl-delay for our agent.
    pub(crate) fn crawl_delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules(r) => r
                .delay
                .filter(|d| d.is_finite() && *d > 0.0)
                .map(Duration::from_secs_f32),
            _ => None,
        }
    }

    /// `Ok` when `url` may be fetched.
    pub(crate) fn check(&self, url: &Url) -> Result<(), FetchError> {
        match self {
            Robots::AllowAll => Ok(()),
            Robots::Rules(r) => {
                if r.allowed(url.as_str()) {
                    Ok(())
                } else {
                    Err(FetchError::RobotsDisallowed {
                        url: url.to_string(),
                    })
                }
            }
            Robots::Unavailable(reason) => Err(FetchError::RobotsUnavailable {
                url: url.to_string(),
                reason: reason.clone(),
            }),
        }
    }
}

/// The robots.txt agent token of a `User-Agent` value: its first word, without version.
pub(crate) fn agent_token(user_agent: &str) -> &str {
    user_agent
        .split(|c: char| c == '/' || c.is_whitespace() || c == '(')
        .find(|s| !s.is_empty())
        .unwrap_or("*")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_tokens() {
        assert_eq!(agent_token("baogao/0.1 (+mailto:x@y)"), "baogao");
        assert_eq!(agent_token("baogao (+mailto:x@y)"), "baogao");
        assert_eq!(agent_token("  "), "*");
    }

    #[test]
    fn robots_rules_and_crawl_delay() {
        let txt = b"User-agent: *\nDisallow: /e/\nDisallow: /search/\nAllow: /e/public/\nCrawl-delay: 2\n";
        let r = Robots::parse("baogao", txt);
        let u = |p: &str| Url::parse(&format!("http://a{p}")).unwrap();
        assert!(r.check(&u("/baogao/hb/1.html")).is_ok());
        let err = r.check(&u("/e/member/login.php")).unwrap_err();
        assert!(err.to_string().contains("disallowed by robots.txt"));
        assert!(r.check(&u("/search/?q=1")).is_err());
        assert!(r.check(&u("/e/public/x.html")).is_ok());
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(2)));
        let down = Robots::Unavailable("status 503".into());
        assert!(
            down.check(&u("/"))
                .unwrap_err()
                .to_string()
                .contains("robots.txt unavailable")
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_complaint_holds_the_host_then_spaces_requests() {
        let host = Host::new("h".into(), 100.0, 100);
        let cancel = CancellationToken::new();
        let t0 = Instant::now();
        host.acquire(&cancel).await.unwrap();
        // 429 with `Retry-After: 5`: nothing for 5 s, then half the rate, no burst
        host.complain(429, t0, Some(Duration::from_secs(5)));
        host.acquire(&cancel).await.unwrap();
        let first = t0.elapsed();
        assert_eq!(first, Duration::from_secs(5));
        host.acquire(&cancel).await.unwrap();
        assert_eq!(
            t0.elapsed().saturating_sub(first),
            Duration::from_millis(20)
        );
        // good answers bring it back to 100/s, burst 100
        for _ in 0..5 {
            host.success();
        }
        let stats = host.take_stats();
        assert_eq!((stats.complaints_429, stats.paused_ms), (1, 5000));
        assert_eq!(stats.slowed_ms, 5020);
        tokio::time::sleep(Duration::from_secs(2)).await;
        let t1 = Instant::now();
        for _ in 0..50 {
            host.acquire(&cancel).await.unwrap();
        }
        assert!(t1.elapsed() < Duration::from_millis(5));
    }

    /// Times (since the start) of `n` back-to-back acquisitions on the paused clock.
    async fn acquire_times(host: &Host, n: usize) -> Vec<Duration> {
        let cancel = CancellationToken::new();
        let t0 = Instant::now();
        let mut out = Vec::new();
        for _ in 0..n {
            host.acquire(&cancel).await.unwrap();
            out.push(t0.elapsed());
        }
        out
    }

    /// The most requests in any window of `w` starting at a request.
    fn max_in_window(times: &[Duration], w: Duration) -> usize {
        (0..times.len())
            .map(|i| {
                times[i..]
                    .iter()
                    .take_while(|t| Duration::saturating_sub(**t, times[i]) < w)
                    .count()
            })
            .max()
            .unwrap_or(0)
    }

    #[tokio::test(start_paused = true)]
    async fn rate_and_burst_on_the_paused_clock() {
        let host = Host::new("h".into(), 5.0, 3);
        let times = acquire_times(&host, 53).await;
        // the burst goes at once, then one every 200 ms
        assert!(
            times[..3].iter().all(|t| *t < Duration::from_millis(1)),
            "{times:?}"
        );
        for (k, t) in times.iter().enumerate().skip(3) {
            let want = Duration::from_millis(200 * (k as u64 - 2));
            assert!(
                t.abs_diff(want) < Duration::from_millis(2),
                "request {k} at {t:?}"
            );
        }
        // 50 requests after the burst in 10 s: 5/s
        let rate = 50.0 / Duration::saturating_sub(times[52], times[2]).as_secs_f64();
        assert!((rate - 5.0).abs() < 0.01, "{rate}");
        // any 1-s window: at most rate + burst - 1 (the burst, then 4 more before the second is out)
        assert_eq!(max_in_window(&times, Duration::from_secs(1)), 7);
        assert_eq!(max_in_window(&times[3..], Duration::from_secs(1)), 5);
    }

    #[tokio::test(start_paused = true)]
    async fn burst_one_never_bunches_across_tasks() {
        let host = Arc::new(Host::new("h".into(), 5.0, 1));
        let in_flight = Arc::new(Semaphore::new(8));
        let times = Arc::new(Mutex::new(Vec::new()));
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..10 {
            let (host, in_flight, times) = (host.clone(), in_flight.clone(), times.clone());
            tasks.push(tokio::spawn(async move {
                let cancel = CancellationToken::new();
                for _ in 0..3 {
                    let (permit, _) = host.start(&in_flight, &cancel).await.unwrap();
                    times.lock().unwrap().push(t0.elapsed());
                    tokio::time::sleep(Duration::from_millis(30)).await; // the request
                    drop(permit);
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let mut times = times.lock().unwrap().clone();
        times.sort();
        assert_eq!(times.len(), 30);
        for w in times.windows(2) {
            assert!(
                Duration::saturating_sub(w[1], w[0]) >= Duration::from_millis(199),
                "{times:?}"
            );
        }
        assert_eq!(max_in_window(&times, Duration::from_secs(1)), 5);
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_in_flight_limit_does_not_bunch_a_host() {
        // two permits, both held for 1 s by other work: the host's requests queue behind
        // them, then still go out one per period, not all at once
        let host = Arc::new(Host::new("h".into(), 10.0, 1));
        let in_flight = Arc::new(Semaphore::new(2));
        let blockers: Vec<_> = (0..2)
            .map(|_| in_flight.clone().try_acquire_owned().unwrap())
            .collect();
        let times = Arc::new(Mutex::new(Vec::new()));
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..6 {
            let (host, in_flight, times) = (host.clone(), in_flight.clone(), times.clone());
            tasks.push(tokio::spawn(async move {
                let (permit, _) = host
                    .start(&in_flight, &CancellationToken::new())
                    .await
                    .unwrap();
                times.lock().unwrap().push(t0.elapsed());
                drop(permit);
            }));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        drop(blockers);
        for t in tasks {
            t.await.unwrap();
        }
        let mut times = times.lock().unwrap().clone();
        times.sort();
        assert!(times[0] >= Duration::from_secs(1));
        for w in times.windows(2) {
            assert!(
                Duration::saturating_sub(w[1], w[0]) >= Duration::from_millis(99),
                "{times:?}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn crawl_delay_spaces_requests() {
        let host = Host::new("h".into(), 100.0, 5);
        host.set_crawl_delay(Duration::from_secs(2));
        let times = acquire_times(&host, 4).await;
        // one cell went to robots.txt itself
        assert_eq!(times, [2, 4, 6, 8].map(Duration::from_secs),);
        // a delay shorter than the period changes nothing
        let host = Host::new("h".into(), 1.0, 1);
        host.set_crawl_delay(Duration::from_millis(10));
        let times = acquire_times(&host, 3).await;
        assert_eq!(times, [0, 1, 2].map(Duration::from_secs));
    }

    #[tokio::test(start_paused = true)]
    async fn cancellation_cuts_a_wait_short() {
        let host = Host::new("h".into(), 1000.0, 1);
        let cancel = CancellationToken::new();
        host.pause(Duration::from_secs(3600));
        let c = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            c.cancel();
        });
        assert_eq!(host.acquire(&cancel).await, Err(Cancelled));
    }
}
