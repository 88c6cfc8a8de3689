//! The pace of one host: a GCRA rate limit (rate and burst, as configured or as robots.txt's
//! Crawl-delay says) whose rate follows what the server says, AIMD-style, and the "not before"
//! instant of its `Retry-After`s. Pure state on tokio's clock, every instant passed in, so the
//! rules are unit-tested without waiting; [`crate::host::Host`] wraps it in a lock and waits.
//!
//! The rules (also in the crate docs):
//! - a request goes out only when the rate limit has a cell for it and no `Retry-After` of the
//!   host is pending: `Retry-After` (seconds or HTTP date, up to `max_retry_after`) holds the
//!   whole host until the instant the server named, counted from when its answer arrived;
//! - a 429 halves the host's rate; a 503 takes off a quarter when it is isolated (the host's
//!   first complaint, or at least [`ISOLATED_AFTER`] good answers since the last one) and half
//!   when it follows another complaint closely. One decrease per round: a complaint about a
//!   request sent before the last decrease (it was sent at the old rate) does not decrease
//!   again. The rate never goes below 1/64 of the configured one (nor below one request a
//!   minute, unless configured lower);
//! - while slowed, the host gets no burst: requests are spaced by the slowed interval;
//! - every other answer adds back a tenth of the configured rate, up to the configured rate
//!   (and burst) and never above it.

use std::time::Duration;

use tokio::time::Instant;

use crate::options::HostStats;

/// The slowest a host is paced, as a fraction of its configured rate.
const MIN_FRACTION: f64 = 1.0 / 64.0;
/// Nor slower than one request a minute, unless it is configured slower.
const MIN_RATE: f64 = 1.0 / 60.0;
/// Multiplicative decrease on a 429, and on a 503 that closely follows another complaint.
const DECREASE: f64 = 0.5;
/// Multiplicative decrease on an isolated 503 (the server is busy, not necessarily with us).
const DECREASE_ISOLATED: f64 = 0.75;
/// A 503 is isolated after this many good answers since the host's last complaint.
pub(crate) const ISOLATED_AFTER: u32 = 4;
/// Additive increase per good answer, as a fraction of the configured rate.
const INCREASE: f64 = 0.1;

/// Why the server asked us to slow down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Complaint {
    /// 429 Too Many Requests: about us.
    TooManyRequests,
    /// 503 Service Unavailable: the server is overloaded (by us or others) or down.
    Unavailable,
}

/// What a complaint did to the host's pace.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Slowed {
    /// The host's rate after the complaint (requests/second).
    pub(crate) rate: f64,
    /// The rate was decreased (not a second complaint about the same round).
    pub(crate) decreased: bool,
}

/// One host's pace: see the module docs.
#[derive(Debug)]
pub(crate) struct Pace {
    /// The configured rate (or robots.txt's Crawl-delay), the ceiling of `rate`.
    rate_max: f64,
    burst: u32,
    /// The rate now.
    rate: f64,
    /// GCRA's theoretical arrival time of the next request.
    tat: Option<Instant>,
    last_sent: Option<Instant>,
    /// `Retry-After`: nothing goes out before this.
    not_before: Option<Instant>,
    /// Good answers since the last complaint.
    successes: u32,
    complained: bool,
    last_decrease: Option<Instant>,
    /// Since when the rate has been below `rate_max`.
    slowed_since: Option<Instant>,
    stats: HostStats,
}

impl Pace {
    pub(crate) fn new(rate: f64, burst: u32) -> Pace {
        Pace {
            rate_max: rate,
            burst: burst.max(1),
            rate,
            tat: None,
            last_sent: None,
            not_before: None,
            successes: 0,
            complained: false,
            last_decrease: None,
            slowed_since: None,
            stats: HostStats::default(),
        }
    }

    fn rate_min(&self) -> f64 {
        (self.rate_max * MIN_FRACTION).max(MIN_RATE.min(self.rate_max))
    }

    fn slowed(&self) -> bool {
        self.rate < self.rate_max
    }

    /// The spacing of requests at the current rate.
    pub(crate) fn interval(&self) -> Duration {
        Duration::from_secs_f64(1.0 / self.rate)
    }

    /// The configured burst (the most requests the host may get at once).
    pub(crate) fn burst(&self) -> u32 {
        self.burst
    }

    /// The earliest instant a request may go out (`None`: any time).
    pub(crate) fn ready_at(&self) -> Option<Instant> {
        let interval = self.interval();
        let gcra = if self.slowed() {
            // no burst while slowed: spaced by the slowed interval from the last request
            self.last_sent.map(|t| t + interval).max(self.tat)
        } else {
            let tolerance = interval.saturating_mul(self.burst - 1);
            self.tat.map(|t| t.checked_sub(tolerance).unwrap_or(t))
        };
        gcra.max(self.not_before)
    }

    /// Claims the right to send one request at `now`, or says when to ask again.
    pub(crate) fn try_claim(&mut self, now: Instant) -> Result<(), Instant> {
        if let Some(t) = self.ready_at()
            && t > now
        {
            return Err(t);
        }
        let from = self.tat.map_or(now, |t| t.max(now));
        self.tat = Some(from + self.interval());
        self.last_sent = Some(now);
        Ok(())
    }

    /// robots.txt asks for `delay` between requests: the configured rate becomes one request
    /// per `delay` (when that is slower), without burst. The robots.txt request itself counts.
    pub(crate) fn set_crawl_delay(&mut self, delay: Duration, now: Instant) {
        if delay.as_secs_f64() <= 1.0 / self.rate_max {
            return;
        }
        self.rate_max = 1.0 / delay.as_secs_f64();
        self.rate = self.rate.min(self.rate_max);
        self.burst = 1;
        self.tat = Some(self.last_sent.unwrap_or(now) + delay);
    }

    /// Holds the host until `until` (a `Retry-After`).
    pub(crate) fn pause_until(&mut self, until: Instant, now: Instant) {
        let from = self.not_before.map_or(now, |t| t.max(now));
        if until > from {
            self.stats.paused_ms += (until - from).as_millis() as u64;
            self.not_before = Some(until);
        }
    }

    /// The server complained (429/503) about a request sent at `sent`.
    pub(crate) fn complain(&mut self, what: Complaint, sent: Instant, now: Instant) -> Slowed {
        match what {
            Complaint::TooManyRequests => self.stats.complaints_429 += 1,
            Complaint::Unavailable => self.stats.complaints_503 += 1,
        }
        let isolated = !self.complained || self.successes >= ISOLATED_AFTER;
        self.complained = true;
        self.successes = 0;
        if self.last_decrease.is_some_and(|d| sent < d) {
            // sent at the old rate: the decrease it asks for was made
            return Slowed {
                rate: self.rate,
                decreased: false,
            };
        }
        let factor = match what {
            Complaint::Unavailable if isolated => DECREASE_ISOLATED,
            _ => DECREASE,
        };
        self.rate = (self.rate * factor).max(self.rate_min());
        self.last_decrease = Some(now);
        if self.slowed_since.is_none() && self.slowed() {
            self.slowed_since = Some(now);
        }
        // the next request is spaced by the new interval from the last one
        self.tat = self.last_sent.map(|t| t + self.interval());
        let interval_ms = self.interval().as_millis() as u64;
        self.stats.longest_interval_ms = self.stats.longest_interval_ms.max(interval_ms);
        Slowed {
            rate: self.rate,
            decreased: true,
        }
    }

    /// A good answer (anything but a complaint). Returns how long
    /// the host was slowed when this brings it back to its configured rate.
    pub(crate) fn success(&mut self, now: Instant) -> Option<Duration> {
        self.successes = self.successes.saturating_add(1);
        if !self.slowed() {
            return None;
        }
        self.rate = (self.rate + self.rate_max * INCREASE).min(self.rate_max);
        if let Some(last) = self.last_sent {
            // the next request is spaced by the faster interval from the last one
            let tat = last + self.interval();
            if self.tat.is_none_or(|t| t > tat) {
                self.tat = Some(tat);
            }
        }
        if self.slowed() {
            return None;
        }
        let since = self.slowed_since.take()?;
        let slowed = now.saturating_duration_since(since);
        self.stats.slowed_ms += slowed.as_millis() as u64;
        Some(slowed)
    }

    /// A `Retry-After` longer than the cap was cut to it.
    pub(crate) fn count_capped(&mut self) {
        self.stats.retry_after_capped += 1;
    }

    /// The host's figures since the last call (a slowdown still going on counts up to `now`).
    pub(crate) fn take_stats(&mut self, now: Instant) -> HostStats {
        if let Some(since) = self.slowed_since.as_mut() {
            self.stats.slowed_ms += now.saturating_duration_since(*since).as_millis() as u64;
            *since = now;
        }
        std::mem::take(&mut self.stats)
    }

    /// The rate now (requests/second).
    #[cfg(test)]
    pub(crate) fn rate(&self) -> f64 {
        self.rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    /// Claims `n` requests as early as allowed from `t`; returns their instants.
    fn claims(p: &mut Pace, mut t: Instant, n: usize) -> Vec<Instant> {
        let mut out = Vec::new();
        while out.len() < n {
            match p.try_claim(t) {
                Ok(()) => out.push(t),
                Err(at) => t = at,
            }
        }
        out
    }

    #[test]
    fn burst_then_rate() {
        let t0 = Instant::now();
        let mut p = Pace::new(5.0, 3);
        let ts = claims(&mut p, t0, 6);
        let off: Vec<u64> = ts.iter().map(|t| (*t - t0).as_millis() as u64).collect();
        assert_eq!(off, [0, 0, 0, 200, 400, 600]);
    }

    #[test]
    fn too_many_requests_halves_and_successes_bring_it_back_step_by_step() {
        let t0 = Instant::now();
        let mut p = Pace::new(10.0, 4);
        let ts = claims(&mut p, t0, 1);
        let s = p.complain(Complaint::TooManyRequests, ts[0], t0 + MS);
        assert_eq!(
            s,
            Slowed {
                rate: 5.0,
                decreased: true
            }
        );
        // no burst while slowed: one every 200 ms from the last request
        let ts = claims(&mut p, t0 + MS, 3);
        assert_eq!(ts[0], t0 + 200 * MS);
        assert_eq!(ts[1] - ts[0], 200 * MS);
        // recovery: +1/s per good answer, up to 10/s, never above
        let mut rates = Vec::new();
        let mut t = ts[2];
        for _ in 0..7 {
            t += 300 * MS;
            p.success(t);
            rates.push(p.rate());
        }
        assert_eq!(rates, [6.0, 7.0, 8.0, 9.0, 10.0, 10.0, 10.0]);
        let stats = p.take_stats(t);
        assert_eq!(stats.complaints_429, 1);
        assert_eq!(stats.longest_interval_ms, 200);
        assert!(stats.slowed_ms >= 1000, "{stats:?}");
        // back to the configured burst
        let later = t + Duration::from_secs(5);
        let ts = claims(&mut p, later, 4);
        assert!(ts.iter().all(|x| *x == later), "{ts:?}");
    }

    #[test]
    fn an_isolated_unavailable_is_gentler_than_a_repeated_one() {
        let t0 = Instant::now();
        let mut p = Pace::new(8.0, 1);
        p.complain(Complaint::Unavailable, t0, t0);
        assert!((p.rate() - 6.0).abs() < 1e-9, "{}", p.rate());
        // one good answer adds a tenth of 8/s; again before ISOLATED_AFTER good answers: halved
        p.success(t0 + MS);
        assert!((p.rate() - 6.8).abs() < 1e-9, "{}", p.rate());
        p.complain(Complaint::Unavailable, t0 + 2 * MS, t0 + 2 * MS);
        assert!((p.rate() - 3.4).abs() < 1e-9, "{}", p.rate());
        // after enough good answers, a quarter off again
        for k in 0..ISOLATED_AFTER {
            let t = t0 + (10 + k) * MS;
            p.success(t);
        }
        let rate = p.rate();
        p.complain(Complaint::Unavailable, t0 + 20 * MS, t0 + 20 * MS);
        assert!((p.rate() - rate * 0.75).abs() < 1e-9);
    }

    #[test]
    fn one_decrease_per_round_and_a_floor() {
        let t0 = Instant::now();
        let mut p = Pace::new(64.0, 1);
        // three requests in flight, all answered 429: one decrease
        for _ in 0..3 {
            p.complain(Complaint::TooManyRequests, t0, t0 + MS);
        }
        assert!((p.rate() - 32.0).abs() < 1e-9);
        for k in 0..20u32 {
            let t = t0 + (k + 2) * MS;
            p.complain(Complaint::TooManyRequests, t, t);
        }
        assert!((p.rate() - 1.0).abs() < 1e-9, "{}", p.rate());
        // a slow host is not taken below one request a minute
        let mut p = Pace::new(0.1, 1);
        for k in 0..20u32 {
            let t = t0 + k * MS;
            p.complain(Complaint::TooManyRequests, t, t);
        }
        assert!((p.rate() - 1.0 / 60.0).abs() < 1e-9, "{}", p.rate());
        let mut p = Pace::new(0.01, 1);
        p.complain(Complaint::TooManyRequests, t0, t0);
        assert!((p.rate() - 0.01).abs() < 1e-9);
    }

    #[test]
    fn retry_after_holds_the_host_and_counts_once() {
        let t0 = Instant::now();
        let mut p = Pace::new(100.0, 10);
        p.pause_until(t0 + Duration::from_secs(2), t0);
        p.pause_until(t0 + Duration::from_secs(1), t0); // inside the first: nothing new
        assert_eq!(p.try_claim(t0 + MS), Err(t0 + Duration::from_secs(2)));
        assert!(p.try_claim(t0 + Duration::from_secs(2)).is_ok());
        p.pause_until(t0 + Duration::from_secs(3), t0 + Duration::from_secs(2));
        assert_eq!(p.take_stats(t0).paused_ms, 3000);
    }

    #[test]
    fn crawl_delay_becomes_the_ceiling() {
        let t0 = Instant::now();
        let mut p = Pace::new(100.0, 5);
        p.try_claim(t0).unwrap(); // robots.txt
        p.set_crawl_delay(Duration::from_secs(2), t0);
        let ts = claims(&mut p, t0, 3);
        assert_eq!(
            ts.iter().map(|t| (*t - t0).as_secs()).collect::<Vec<_>>(),
            [2, 4, 6]
        );
        // recovery after a complaint stops at the Crawl-delay's rate
        let last = ts[2];
        p.complain(Complaint::TooManyRequests, last, last);
        for k in 1..=30u32 {
            p.success(last + k * MS);
        }
        assert!((p.rate() - 0.5).abs() < 1e-9);
        // a delay shorter than the period changes nothing
        let mut p = Pace::new(1.0, 1);
        p.set_crawl_delay(Duration::from_millis(10), t0);
        let ts = claims(&mut p, t0, 3);
        assert_eq!(ts[2] - ts[0], Duration::from_secs(2));
    }
}
