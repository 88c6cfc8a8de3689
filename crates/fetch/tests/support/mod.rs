//! Test support: loopback servers (axum, and a raw TCP one for broken responses), the sample
//! site served as files, and a helper that runs a crawl and collects its rows.
#![allow(dead_code, unreachable_pub)]

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use baogao_fetch::{CrawlStats, Crawler, FetchOptions, Previous};
use baogao_model::Page;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;
use url::Url;

pub const SITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/site");
pub const FIXTURE_BASE: &str = "http://127.0.0.1:8000";

/// Requests a server saw: path (with query) and when.
#[derive(Clone, Default)]
pub struct RequestLog(Arc<Mutex<Vec<(String, Instant)>>>);

impl RequestLog {
    pub fn paths(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }
    pub fn times_of(&self, path: &str) -> Vec<Instant> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, t)| *t)
            .collect()
    }
    pub fn all(&self) -> Vec<(String, Instant)> {
        self.0.lock().unwrap().clone()
    }
    pub fn count(&self, path: &str) -> usize {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .count()
    }
}

pub struct Server {
    pub base: Url,
    pub log: RequestLog,
}

impl Server {
    pub fn url(&self, path: &str) -> Url {
        self.base.join(path).unwrap()
    }
}

/// Serves the router `make(base)` on 127.0.0.1:0, logging every request.
pub async fn serve(make: impl FnOnce(&str) -> Router) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let log = RequestLog::default();
    let l2 = log.clone();
    let router = make(&base).layer(axum::middleware::from_fn(
        move |req: Request, next: Next| {
            let log = l2.clone();
            async move {
                let pq = req
                    .uri()
                    .path_and_query()
                    .map_or_else(|| req.uri().path().to_owned(), ToString::to_string);
                log.0.lock().unwrap().push((pq, Instant::now()));
                next.run(req).await
            }
        },
    ));
    tokio::spawn(async move {
        axum::serve(listener, router).await.unwrap();
    });
    Server {
        base: Url::parse(&format!("{base}/")).unwrap(),
        log,
    }
}

/// The sample site as a plain static server would serve it: `.html` as `text/html` with no
/// charset, directories as their `index.html`, absolute URLs in robots.txt and sitemap.xml
/// rewritten to `base`.
pub fn site_router(base: &str) -> Router {
    let base = base.to_owned();
    Router::new().fallback(move |req: Request| {
        let base = base.clone();
        async move { serve_file(req.uri().path(), &base) }
    })
}

pub fn serve_file(path: &str, base: &str) -> Response {
    let mut rel = path.trim_start_matches('/').to_owned();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    if rel.contains("..") {
        return status(StatusCode::BAD_REQUEST);
    }
    let file = std::path::Path::new(SITE).join(&rel);
    let Ok(mut bytes) = std::fs::read(&file) else {
        return status(StatusCode::NOT_FOUND);
    };
    let ct = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    };
    if ct != "text/html" {
        bytes = String::from_utf8(bytes)
            .unwrap()
            .replace(FIXTURE_BASE, base)
            .into_bytes();
    }
    let mut r = Response::new(Body::from(bytes));
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    r
}

pub fn status(s: StatusCode) -> Response {
    let mut r = Response::new(Body::from(format!("status {s}")));
    *r.status_mut() = s;
    r
}

pub fn html(ct: &'static str, body: impl Into<Body>) -> Response {
    let mut r = Response::new(body.into());
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    r
}

/// An article-like HTML page (long paragraph) with extra markup appended.
pub fn article(title: &str, extra: &str) -> String {
    let para = "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，粮食产量稳定在24亿斤以上。".repeat(3);
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><div class=\"content\"><p>{para}</p></div>{extra}</body></html>"
    )
}

/// A raw TCP server that answers every connection with `reply` (then closes it), for
/// responses axum will not send (truncated bodies, resets). Returns its base URL and a counter.
pub async fn raw_server(reply: &'static [u8]) -> (Url, Arc<Mutex<usize>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(Mutex::new(0usize));
    let h2 = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            *h2.lock().unwrap() += 1;
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let _ = sock.write_all(reply).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (Url::parse(&format!("http://{addr}/")).unwrap(), hits)
}

/// A raw TCP server that reads the request and resets the connection (RST, not FIN).
pub async fn reset_server() -> (Url, Arc<Mutex<usize>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(Mutex::new(0usize));
    let h2 = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            *h2.lock().unwrap() += 1;
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let _ = sock.set_zero_linger();
                drop(sock);
            });
        }
    });
    (Url::parse(&format!("http://{addr}/")).unwrap(), hits)
}

/// Fast, test-friendly options: high rate, short backoff.
pub fn fast_opts(seeds: Vec<Url>, follow: &[&str]) -> FetchOptions {
    FetchOptions {
        seeds,
        follow: follow
            .iter()
            .map(|f| regex::Regex::new(f).unwrap())
            .collect(),
        per_host_rate: 200.0,
        burst: 10,
        concurrency: 4,
        respect_robots: false,
        retries: 2,
        backoff_base: std::time::Duration::from_millis(20),
        backoff_max: std::time::Duration::from_secs(2),
        timeout: std::time::Duration::from_secs(5),
        user_agent: "baogao-test/0.1".into(),
        ..FetchOptions::default()
    }
}

/// Runs a crawl and collects its rows.
pub async fn crawl(opts: FetchOptions) -> (Vec<Page>, CrawlStats) {
    crawl_with(opts, &HashSet::new(), &HashMap::new()).await
}

pub async fn crawl_with(
    opts: FetchOptions,
    skip: &HashSet<String>,
    previous: &HashMap<String, Previous>,
) -> (Vec<Page>, CrawlStats) {
    let crawler = Crawler::new(opts).unwrap();
    let pages = Arc::new(Mutex::new(Vec::new()));
    let p2 = pages.clone();
    let stats = crawler
        .run(skip, previous, CancellationToken::new(), move |page| {
            check_error_kind(&page);
            p2.lock().unwrap().push(page);
            async {}
        })
        .await;
    let pages = pages.lock().unwrap().clone();
    (pages, stats)
}

/// Every row the suite's faults produce: an error row, and only one, has a kind, and it is
/// the kind a reader of a row of an older dataset (no `error_kind` column) would guess from
/// its status and message, so old and new datasets count errors alike.
fn check_error_kind(page: &Page) {
    assert_eq!(
        page.error_kind.is_some(),
        page.kind == baogao_model::PageKind::Error,
        "{page:?}"
    );
    if let Some(kind) = page.error_kind {
        assert_eq!(
            kind,
            baogao_model::ErrorKind::of_stored(None, page.status, page.error.as_deref()),
            "typed kind of {} ({:?})",
            page.url,
            page.error
        );
    }
}

pub fn find<'a>(pages: &'a [Page], url: &str) -> &'a Page {
    pages.iter().find(|p| p.url == url).unwrap_or_else(|| {
        panic!(
            "no row for {url}; rows: {:#?}",
            pages
                .iter()
                .map(|p| (&p.url, p.kind, &p.error))
                .collect::<Vec<_>>()
        )
    })
}
