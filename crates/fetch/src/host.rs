//! Per-host politeness: a `governor` rate limiter, a "not before" instant that a 429/503 pushes
//! back (with a spacing that stays for a while after), and the host's robots.txt rules.

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use governor::clock::{Clock, Reference};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::error::FetchError;

/// How long a host stays slowed after its last 429/503.
pub(crate) const SLOW_WINDOW: Duration = Duration::from_secs(60);

/// The wait was cut short by cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cancelled;

#[derive(Debug, Default)]
struct Gate {
    /// No request to the host starts before this instant.
    not_before: Option<Instant>,
    /// Until then, consecutive requests are spaced by `gap`.
    slow_until: Option<Instant>,
    gap: Duration,
    /// When the limiter said it would have a cell again (a hint for waiting without a permit).
    limiter_ready: Option<Instant>,
}

/// State shared by every request to one host (`host:port`).
pub(crate) struct Host {
    pub(crate) key: String,
    period: Duration,
    limiter: RwLock<Arc<Limiter>>,
    gate: Mutex<Gate>,
    pub(crate) robots: tokio::sync::OnceCell<Robots>,
}

/// An instant of tokio's clock, so that the limiter follows `tokio::time::pause` in tests and
/// its waits are tokio sleeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TokioInstant(Instant);

impl std::ops::Add<Nanos> for TokioInstant {
    type Output = Self;
    fn add(self, other: Nanos) -> Self {
        TokioInstant(self.0 + Duration::from(other))
    }
}

impl Reference for TokioInstant {
    fn duration_since(&self, earlier: Self) -> Nanos {
        self.0.saturating_duration_since(earlier.0).into()
    }
    fn saturating_sub(&self, duration: Nanos) -> Self {
        TokioInstant(
            self.0
                .checked_sub(Duration::from(duration))
                .unwrap_or(self.0),
        )
    }
}

/// governor's clock backed by [`tokio::time::Instant`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokioClock;

impl Clock for TokioClock {
    type Instant = TokioInstant;
    fn now(&self) -> TokioInstant {
        TokioInstant(Instant::now())
    }
}

/// One host's GCRA limiter (governor) on tokio's clock.
type Limiter = RateLimiter<NotKeyed, InMemoryState, TokioClock, NoOpMiddleware<TokioInstant>>;

fn limiter(period: Duration, burst: u32) -> Limiter {
    let quota = Quota::with_period(period.max(Duration::from_nanos(1)))
        .expect("period is positive")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("burst is at least 1"));
    RateLimiter::direct_with_clock(quota, TokioClock)
}

impl Host {
    /// A host limited to `rate` requests/second with `burst`.
    pub(crate) fn new(key: String, rate: f64, burst: u32) -> Host {
        let period = Duration::from_secs_f64(1.0 / rate);
        Host {
            key,
            period,
            limiter: RwLock::new(Arc::new(limiter(period, burst))),
            gate: Mutex::new(Gate::default()),
            robots: tokio::sync::OnceCell::new(),
        }
    }

    /// Takes the right to send one request now, or says how long to wait before asking again:
    /// the "not before" instant of a slow-down, then a rate-limiter cell. The cell is claimed
    /// only here, right before the request goes out, so requests queued behind the in-flight
    /// limit cannot bunch up past the rate once they get through.
    pub(crate) fn try_start(&self) -> Result<(), Duration> {
        let mut gate = self.gate.lock().expect("gate lock");
        let now = Instant::now();
        if let Some(t) = gate.not_before
            && t > now
        {
            return Err(t - now);
        }
        let lim = Arc::clone(&self.limiter.read().expect("limiter lock"));
        if let Err(not_until) = lim.check() {
            let wait = not_until.wait_time_from(TokioClock.now());
            let wait = wait.max(Duration::from_micros(1));
            gate.limiter_ready = Some(now + wait);
            return Err(wait);
        }
        if gate.slow_until.is_some_and(|t| t > now) {
            gate.not_before = Some(now + gate.gap);
        }
        Ok(())
    }

    /// Waits until a request to this host may start and a slot of the global in-flight limit
    /// is free; the permit is held for the request. A task never holds a permit while it waits
    /// for the host. Returns early with [`Cancelled`] when `cancel` fires.
    pub(crate) async fn start(
        &self,
        in_flight: &Arc<Semaphore>,
        cancel: &CancellationToken,
    ) -> Result<OwnedSemaphorePermit, Cancelled> {
        loop {
            // wait for the host first, without a permit
            while let Err(wait) = self.peek() {
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = cancel.cancelled() => return Err(Cancelled),
                }
            }
            let permit = tokio::select! {
                p = Arc::clone(in_flight).acquire_owned() => p.expect("semaphore never closed"),
                () = cancel.cancelled() => return Err(Cancelled),
            };
            match self.try_start() {
                Ok(()) => return Ok(permit),
                Err(wait) => {
                    drop(permit);
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        () = cancel.cancelled() => return Err(Cancelled),
                    }
                }
            }
        }
    }

    /// Like [`Host::try_start`] but claims nothing: how long until a request could start, as
    /// far as the slow-down and the last refused limiter check tell.
    fn peek(&self) -> Result<(), Duration> {
        let gate = self.gate.lock().expect("gate lock");
        let now = Instant::now();
        match [gate.not_before, gate.limiter_ready]
            .into_iter()
            .flatten()
            .max()
        {
            Some(t) if t > now => Err(t - now),
            _ => Ok(()),
        }
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

    /// The server said 429/503: nothing goes to the host for `delay`, and for [`SLOW_WINDOW`]
    /// after that requests are spaced by a gap that doubles with each new complaint (at least
    /// `delay` and twice the normal period, at most `cap`).
    pub(crate) fn slow_down(&self, delay: Duration, cap: Duration) {
        let mut gate = self.gate.lock().expect("gate lock");
        let now = Instant::now();
        let until = now + delay;
        if gate.not_before.is_none_or(|t| t < until) {
            gate.not_before = Some(until);
        }
        let doubled = if gate.slow_until.is_some_and(|t| t > now) {
            gate.gap * 2
        } else {
            Duration::ZERO
        };
        gate.gap = doubled
            .max(delay)
            .max(self.period * 2)
            .min(cap.max(self.period));
        gate.slow_until = Some(until + SLOW_WINDOW);
        tracing::info!(host = %self.key, delay_ms = delay.as_millis() as u64, gap_ms = gate.gap.as_millis() as u64, "host slowed down");
    }

    /// robots.txt asks for `delay` between requests: the limiter becomes one request per
    /// `max(delay, period)` with no burst. One cell is taken for the robots.txt request itself.
    pub(crate) fn set_crawl_delay(&self, delay: Duration) {
        if delay <= self.period {
            return;
        }
        let lim = limiter(delay, 1);
        let _ = lim.check();
        *self.limiter.write().expect("limiter lock") = Arc::new(lim);
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
    async fn slow_down_holds_the_host_then_spaces_requests() {
        let host = Host::new("h".into(), 1000.0, 1000);
        let cancel = CancellationToken::new();
        let t0 = Instant::now();
        host.acquire(&cancel).await.unwrap();
        assert!(t0.elapsed() < Duration::from_millis(5));
        host.slow_down(Duration::from_secs(5), Duration::from_secs(60));
        host.acquire(&cancel).await.unwrap();
        let first = t0.elapsed();
        assert!(first >= Duration::from_secs(5), "{first:?}");
        host.acquire(&cancel).await.unwrap();
        let second = t0.elapsed();
        assert!(
            second.saturating_sub(first) >= Duration::from_secs(5),
            "{second:?}"
        );
        // a second complaint doubles the gap
        host.slow_down(Duration::from_secs(1), Duration::from_secs(60));
        host.acquire(&cancel).await.unwrap();
        let third = t0.elapsed();
        host.acquire(&cancel).await.unwrap();
        let gap = t0.elapsed().saturating_sub(third);
        assert!(gap >= Duration::from_secs(10), "{gap:?}");
        // after the window the host is back to its normal rate
        tokio::time::sleep(SLOW_WINDOW * 2).await;
        let t1 = Instant::now();
        host.acquire(&cancel).await.unwrap();
        host.acquire(&cancel).await.unwrap();
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
                    let permit = host.start(&in_flight, &cancel).await.unwrap();
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
                let permit = host
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
        host.slow_down(Duration::from_secs(3600), Duration::from_secs(3600));
        let c = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            c.cancel();
        });
        assert_eq!(host.acquire(&cancel).await, Err(Cancelled));
    }
}
