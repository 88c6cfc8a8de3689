//! Real-time measurement of the per-host rate limit.

// A test prints what it measured (`cargo test -- --nocapture`); the crate's ban on printing
// is for its library code.
#![allow(clippy::disallowed_macros)]

mod support;

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use baogao_fetch::Crawler;
use support::{article, fast_opts, html, serve};
use tokio_util::sync::CancellationToken;

/// Crawls a loopback server at `per_host_rate = 5` (burst 1, concurrency 8) for 30 s and prints
/// the measured requests/second and the most requests seen in any 1-second window.
///
/// Ignored by default because it takes 30 s; run it with
/// `cargo test -p baogao-fetch --release --test rate -- --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "takes 30 s; run with --ignored --nocapture"]
async fn rate_limit_measurement() {
    let server = serve(|_| {
        Router::new().route(
            "/n/{id}",
            get(|| async { html("text/html", article("n", "")) }),
        )
    })
    .await;
    let mut opts = fast_opts(
        (0..1000).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.per_host_rate = 5.0;
    opts.burst = 1;
    opts.concurrency = 8;
    let crawler = Crawler::new(opts).unwrap();
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(30)).await;
        c2.cancel();
    });
    let stats = crawler
        .run(
            &std::collections::HashSet::new(),
            &std::collections::HashMap::new(),
            cancel,
            |_| async {},
        )
        .await;
    let times: Vec<Instant> = server.log.all().iter().map(|(_, t)| *t).collect();
    let span = (*times.last().unwrap() - times[0]).as_secs_f64();
    let rate = (times.len() - 1) as f64 / span;
    let mut max_window = 0;
    for (i, t) in times.iter().enumerate() {
        let n = times[i..]
            .iter()
            .take_while(|u| **u - *t < Duration::from_secs(1))
            .count();
        max_window = max_window.max(n);
    }
    let deviation = (rate - 5.0) / 5.0 * 100.0;
    let min_gap = times
        .windows(2)
        .map(|w| w[1] - w[0])
        .min()
        .unwrap_or_default();
    println!(
        "requests: {}, span: {span:.2} s, measured rate: {rate:.3} req/s ({deviation:+.2}% from 5/s), max in any 1-s window: {max_window}, smallest gap: {min_gap:?}",
        times.len()
    );
    assert_eq!(stats.requests as usize, times.len());
    assert!(rate <= 5.05, "{rate}");
    assert!(rate >= 4.5, "{rate}");
    // the requirement: within 3% of the configured rate
    assert!(
        deviation.abs() <= 3.0,
        "{rate} is {deviation:+.2}% from 5/s"
    );
    assert!(max_window <= 5 + 1, "{max_window}");
}
