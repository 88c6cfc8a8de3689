//! baogao-fetch: a polite, rate-limited crawler for report sites.
//!
//! In: [`FetchOptions`] (seeds, follow/deny regexes, rates, timeouts, caps — the pipeline
//! builds them from the `[fetch]` TOML section). Out: one [`baogao_model::Page`] per seed and per
//! followed link, handed to an async `emit` callback that the crawl awaits (the backpressure).
//! Called by `baogao-pipeline`, which sends the pages down a bounded channel to `clean`.
//!
//! What it does:
//! - politeness: a rate limit per host (`host:port`, with [`HostOverride`]s; GCRA: `per_host_rate`
//!   requests/second, `burst` at once) on tokio's clock, whose cell is claimed only once a
//!   slot of the global in-flight limit (semaphore) is held, right before the request goes out
//!   — so requests that queued behind the in-flight limit never reach a host bunched up.
//!   robots.txt (Disallow/Allow/Crawl-delay, capped by `max_crawl_delay`, the clamp logged) is
//!   fetched once per host — a 4xx robots.txt allows all, a 5xx or unreachable one (after
//!   retries) makes the host disallowed for the run (rows say "robots.txt unavailable"); a
//!   Crawl-delay longer than the rate's period becomes the host's rate, without burst;
//! - scheduling: one queue per host and a heap of hosts ordered by the instant each may next
//!   be sent a request; a host gets a task when its turn comes (at most `max(burst, 2)` at
//!   once, none while one of its tasks waits for its turn), so no host waits behind another's
//!   rate limit and a crawl of hundreds of hosts runs at the sum of their rates. A host's
//!   queue holds at most `max_queued_per_host` URLs; links past it are dropped, counted in
//!   [`CrawlStats::frontier_dropped`] and [`HostStats::frontier_dropped`], logged once per
//!   host, and found again by a later run. Connections are kept alive per host (idle ones
//!   closed after 20 s, at most `max(burst, 2)` per host) and host names resolved once;
//! - pacing that follows what the server says (AIMD, as TCP and AutoThrottle do):
//!   - `Retry-After` (seconds or HTTP date) is honoured exactly, for the whole host: nothing is
//!     sent to it before the instant the server named (counted from when its answer
//!     arrived), the retry of that URL included. It is honoured up to `max_retry_after`
//!     (default 5 minutes); a longer one is waited for that long, with a warning naming the
//!     host and the asked and capped seconds (`retry-after capped to max_retry_after`);
//!   - a 429 halves the host's rate; a 503 takes a quarter off when it is isolated (the first
//!     complaint, or at least four good answers since the last one) and half when it follows
//!     another closely. One decrease per round: answers to requests sent before the last
//!     decrease do not decrease it again. Never below 1/64 of the configured rate (nor below
//!     one request a minute, unless configured slower). While slowed, no burst;
//!   - every other answer adds back a tenth of the configured rate, never above
//!     `per_host_rate` (or the Crawl-delay's rate) and `burst`;
//!   - without `Retry-After`, the URL is retried after capped exponential backoff with jitter
//!     (`backoff_base` doubling up to `backoff_max`), for connection errors, timeouts, 408,
//!     429 and 5xx; other 4xx are final at once;
//!   - per host, [`CrawlStats::hosts`] says how long it was slowed and held by `Retry-After`,
//!     and why (429s, 503s, capped `Retry-After`s, the widest spacing); the run's log has a
//!     line when a host is slowed, when it is back to its rate, and a summary per host;
//! - bodies streamed and cut at `max_body_size` decompressed bytes (gzip bombs included);
//! - redirects followed one hop at a time, every hop held to the rules a link is held to:
//!   robots.txt of the hop's host (fetched and cached before the hop, like any host's),
//!   `deny`, `follow` (for links; a seed's, a sitemap entry's and an article part's hops are
//!   not held to it, as they are not), and with `same_host` the crawled hosts (a seed's own
//!   redirects and robots.txt's may go anywhere); each hop waits for its own host's rate
//!   limit; more than `max_redirects`, loops and non-http(s) targets are refused. A refused
//!   hop ends the chain with an `Error` row naming the rule (``redirect to `URL` is
//!   disallowed by robots.txt of `HOST` ``, ``… matches deny pattern `RE` ``);
//! - charset: BOM, HTTP header, `<meta>`, then `chardetng` ([`charset`]); GB2312/GBK read as
//!   GB18030; a declared charset that fits all but a few bytes (a stray byte, a character cut
//!   in half) is kept, those bytes replaced with U+FFFD and counted in `Page::decode_errors`;
//!   one that does not fit (a single-byte `ISO-8859-1` header on a GBK page, a `gb2312` meta
//!   on UTF-8 bytes) gives way to one that does;
//! - URL normalisation ([`normalize_url`]): a URL is fetched as discovered (fragment dropped)
//!   but deduplicated by its normalised spelling, which is also the row's `url`, so no page is
//!   requested twice in a run; `skip` and `previous` keys must be normalised
//!   ([`normalize_str`]).
//!
//! Row kinds:
//! - an XML sitemap (`<urlset>`/`<sitemapindex>`, by content; `sitemap.xml.gz` files are
//!   inflated, capped like any body) → `Listing`; its `<loc>`s are followed whatever `follow`
//!   says (same-host, `deny` and depth still apply);
//! - an HTML page is an **article** (`Html`, body = decoded HTML) when its content reads like
//!   one, however short and however many links surround it: its main run of non-link text is
//!   prose (Chinese sentence punctuation) of 150 characters or more, or of 50 or more backed by
//!   another signal — an article-shaped URL (`5955.html`, `t20130125_7950194.htm`,
//!   `content_81929.htm`, `art_123_456.html`), a page bar to its own later parts (or back to
//!   its first part), an `<h1>`–`<h3>` that the `<title>` holds, a date line — two such
//!   signals on a listing-shaped URL (`/list/`, `index_2.html`, `?page=2`); the older size
//!   rules (a block of 120 characters, or 1000 characters and twice the link text) still make
//!   an article if the page writes a sentence at all (not a column of dates, not a footer of
//!   addresses). In doubt a page is an article. Otherwise
//!   it is a `Listing` (body `None`, to save space; `body_sha256` is kept). Links are taken
//!   from both — an article's links are followed too — including the pages a TRS/WCM
//!   `createPageHTML(count, current, "name", "ext")` script bar writes;
//! - a multi-page article is fetched part by part, in order, and emitted once. Its parts are
//!   the links of its page bar (anchor text a number, 第N页, 下一页/上一页/尾页 …) whose URL is
//!   named like a part of it — DedeCMS `5955_2.html`, PHPCMS `show-12-345-2.html`, TRS
//!   `t20230329_123_1.html` (TRS counts the second page `_1`), `index_2.html`, `?page=2`,
//!   `&p=2` — plus 下一页/下页/后页 links into the same directory with any name; "next
//!   article" links (下一篇) are never parts. A name that only looks like a part
//!   (`show-12-345.html`) is the article's first page unless its page bar links to the first
//!   part. A part whose content repeats an earlier part (`?page=99` answering the last page)
//!   ends the pagination, and at most 200 parts are fetched. The row has `url` = first part,
//!   `page_urls` = all parts in order, `body` = the parts' HTML joined with
//!   [`PAGE_BREAK`](baogao_model::PAGE_BREAK),
//!   `body_sha256` over all parts' raw bytes. Part URLs found as ordinary links are held back
//!   until every article that could claim them is done, so they never become articles of their
//!   own; a part that fails gives its own `Error` row and the article keeps the other parts.
//!   All of this (part names, script page bars, page-bar words, assembly) is the crate's
//!   `pagination` module, whose doc lists the schemes it knows and how to add one;
//! - PDF/Word/images/archives → `Binary` (url + content type, body not downloaded), and so is
//!   a body that is a file whatever its `Content-Type` says ([`charset::looks_binary`]);
//! - 304, or a body whose hash equals `Previous::body_sha256` → `Unchanged`;
//! - anything that failed for good → `Error` with status, attempts and a reason naming the URL;
//!   [`Crawler::crawl`] hands it on with its typed [`ErrorKind`](baogao_model::ErrorKind).
//!
//! ```no_run
//! # async fn demo() -> Result<(), baogao_fetch::FetchError> {
//! use std::collections::{HashMap, HashSet};
//! use baogao_fetch::{Crawler, FetchOptions};
//! let opts = FetchOptions {
//!     seeds: vec!["http://127.0.0.1:8000/baogao/".parse().unwrap()],
//!     follow: vec![regex::Regex::new("/baogao/").unwrap()],
//!     ..FetchOptions::default()
//! };
//! let crawler = Crawler::new(opts)?;
//! let cancel = tokio_util::sync::CancellationToken::new();
//! let (tx, mut rx) = tokio::sync::mpsc::channel(16);
//! tokio::spawn(async move { while let Some(page) = rx.recv().await { let _: baogao_model::Page = page; } });
//! let stats = crawler
//!     .run(&HashSet::new(), &HashMap::new(), cancel, |page| {
//!         let tx = tx.clone();
//!         async move { let _ = tx.send(page).await; }
//!     })
//!     .await;
//! assert!(stats.requests >= 1);
//! # Ok(()) }
//! ```

pub mod charset;
mod crawl;
mod dns;
mod error;
mod host;
mod html;
mod http;
mod job;
mod options;
mod pace;
mod pagination;
mod request;
mod urls;

pub use crawl::Crawler;
pub use error::FetchError;
pub use options::{CrawlStats, FetchOptions, HostOverride, HostStats, Previous};
pub use urls::{normalize_str, normalize_url};
