//! Fault injection against loopback servers: retries, Retry-After and host slow-down (the
//! pacing under many faults is in `pacing.rs`),
//! timeouts, broken connections, redirects, size caps, gzip bombs, charsets, robots.txt,
//! sitemaps, binaries, cancellation, backpressure and budgets.

mod support;

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use baogao_fetch::{Crawler, FetchOptions};
use baogao_model::PageKind;
use support::{
    article, crawl, crawl_with, fast_opts, find, html, raw_server, reset_server, serve, status,
};
use tokio_util::sync::CancellationToken;

/// A handler that fails with `first` (and `Retry-After: 1`) `n` times, then serves an article.
fn flaky(
    first: StatusCode,
    n: usize,
    extra: &'static str,
) -> impl Fn() -> std::future::Ready<Response> + Clone {
    let hits = Arc::new(AtomicUsize::new(0));
    move || {
        let k = hits.fetch_add(1, Ordering::SeqCst);
        let r = if k < n {
            let mut r = status(first);
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            r
        } else {
            html("text/html; charset=utf-8", article("flaky", extra))
        };
        std::future::ready(r)
    }
}

#[tokio::test]
async fn service_unavailable_with_retry_after_then_ok() {
    let server = serve(|_| {
        Router::new().route("/flaky", get(flaky(StatusCode::SERVICE_UNAVAILABLE, 1, "")))
    })
    .await;
    let (pages, stats) = crawl(fast_opts(vec![server.url("/flaky")], &[])).await;
    let p = find(&pages, server.url("/flaky").as_str());
    assert_eq!(
        (p.kind, p.status, p.attempts),
        (PageKind::Html, Some(200), 2)
    );
    let t = server.log.times_of("/flaky");
    assert_eq!(t.len(), 2);
    assert!(
        t[1] - t[0] >= Duration::from_millis(950),
        "Retry-After ignored: {:?}",
        t[1] - t[0]
    );
    assert_eq!(stats.retries, 1);
}

#[tokio::test]
async fn too_many_requests_holds_the_whole_host_then_slows_it() {
    let page = || std::future::ready(html("text/html", article("p", "")));
    let server = serve(|_| {
        Router::new()
            .route("/a", get(flaky(StatusCode::TOO_MANY_REQUESTS, 1, "")))
            .route("/b", get(page))
            .route("/c", get(page))
            .route("/d", get(page))
    })
    .await;
    let seeds = ["/a", "/b", "/c", "/d"].map(|p| server.url(p)).to_vec();
    let mut opts = fast_opts(seeds, &[]);
    opts.concurrency = 1;
    let (pages, stats) = crawl(opts).await;
    assert_eq!(pages.iter().filter(|p| p.kind == PageKind::Html).count(), 4);
    let log = server.log.all();
    assert_eq!(log[0].0, "/a");
    // `Retry-After: 1` holds the whole host, not only `/a`: nothing for a second
    assert!(
        log[1].1 - log[0].1 >= Duration::from_millis(950),
        "{} {:?} after the 429",
        log[1].0,
        log[1].1 - log[0].1
    );
    // then the host's rate is halved (200/s → 100/s) and recovers by 20/s per good answer
    // (gaps of 8.3, 7.1, 6.25 ms), without burst (10 at 200/s would send the rest at once)
    for w in log[1..].windows(2) {
        let gap = w[1].1 - w[0].1;
        assert!(
            gap >= Duration::from_millis(6),
            "{} → {} after {gap:?}",
            w[0].0,
            w[1].0
        );
    }
    let host = &stats.hosts[&format!("127.0.0.1:{}", server.base.port().unwrap())];
    assert_eq!((host.complaints_429, host.complaints_503), (1, 0));
    assert!(host.paused_ms >= 950, "{host:?}");
    assert_eq!(host.longest_interval_ms, 10);
}

#[tokio::test]
async fn client_errors_are_not_retried_server_errors_are() {
    let server = serve(|_| {
        Router::new().route(
            "/always500",
            get(|| async { status(StatusCode::INTERNAL_SERVER_ERROR) }),
        )
    })
    .await;
    let (pages, stats) = crawl(fast_opts(
        vec![server.url("/missing"), server.url("/always500")],
        &[],
    ))
    .await;
    let p = find(&pages, server.url("/missing").as_str());
    assert_eq!(
        (p.kind, p.status, p.attempts),
        (PageKind::Error, Some(404), 1)
    );
    assert!(p.error.as_deref().unwrap().contains("http status 404"));
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains(server.url("/missing").as_str())
    );
    assert_eq!(server.log.count("/missing"), 1);
    let p = find(&pages, server.url("/always500").as_str());
    assert_eq!(
        (p.kind, p.status, p.attempts),
        (PageKind::Error, Some(500), 3)
    );
    assert_eq!(server.log.count("/always500"), 3);
    assert_eq!(stats.errors, 2);
    assert_eq!(stats.retries, 2);
}

#[tokio::test]
async fn slow_body_beyond_the_timeout() {
    let server = serve(|_| {
        Router::new().route(
            "/slow",
            get(|| async {
                let stream = futures::stream::unfold(0u32, |i| async move {
                    if i >= 20 {
                        return None;
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    Some((
                        Ok::<_, std::io::Error>(bytes::Bytes::from_static(
                            b"<p>slow slow slow</p>",
                        )),
                        i + 1,
                    ))
                });
                html("text/html", Body::from_stream(stream))
            }),
        )
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/slow")], &[]);
    opts.timeout = Duration::from_millis(500);
    opts.retries = 1;
    let (pages, _) = crawl(opts).await;
    let p = find(&pages, server.url("/slow").as_str());
    assert_eq!((p.kind, p.attempts), (PageKind::Error, 2));
    assert!(
        p.error.as_deref().unwrap().contains("timed out"),
        "{:?}",
        p.error
    );
    assert_eq!(server.log.count("/slow"), 2);
}

#[tokio::test]
async fn truncated_body_is_retried_then_an_error_row() {
    let (base, hits) =
        raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n<html>short").await;
    let url = base.join("/cut.html").unwrap();
    let (pages, stats) = crawl(fast_opts(vec![url.clone()], &[])).await;
    let p = find(&pages, url.as_str());
    assert_eq!((p.kind, p.attempts), (PageKind::Error, 3));
    assert!(
        p.error.as_deref().unwrap().contains("request failed"),
        "{:?}",
        p.error
    );
    assert_eq!(*hits.lock().unwrap(), 3);
    assert_eq!(stats.retries, 2);
}

#[tokio::test]
async fn connection_closed_without_answer_is_retried() {
    let (base, hits) = raw_server(b"").await;
    let url = base.join("/reset").unwrap();
    let (pages, _) = crawl(fast_opts(vec![url.clone()], &[])).await;
    let p = find(&pages, url.as_str());
    assert_eq!((p.kind, p.status, p.attempts), (PageKind::Error, None, 3));
    assert_eq!(*hits.lock().unwrap(), 3);
}

fn redirect(to: &'static str) -> impl Fn() -> std::future::Ready<Response> + Clone {
    move || {
        let mut r = status(StatusCode::FOUND);
        r.headers_mut()
            .insert(header::LOCATION, HeaderValue::from_static(to));
        std::future::ready(r)
    }
}

#[tokio::test]
async fn redirect_loops_chains_and_other_schemes_are_refused() {
    let server = serve(|_| {
        Router::new()
            .route("/loop-a", get(redirect("/loop-b")))
            .route("/loop-b", get(redirect("/loop-a")))
            .route("/to-ftp", get(redirect("ftp://127.0.0.1/x")))
            .route("/to-file", get(redirect("file:///etc/passwd")))
            .route("/r1", get(redirect("/r2")))
            .route("/r2", get(redirect("/r3")))
            .route("/r3", get(redirect("/r4")))
            .route(
                "/r4",
                get(|| async { html("text/html", article("end", "")) }),
            )
            .route("/ok-redirect", get(redirect("/r4")))
    })
    .await;
    let mut opts = fast_opts(
        ["/loop-a", "/to-ftp", "/to-file", "/r1", "/ok-redirect"]
            .iter()
            .map(|p| server.url(p))
            .collect(),
        &[],
    );
    opts.max_redirects = 2;
    let (pages, _) = crawl(opts).await;
    for (path, why) in [
        ("/loop-a", "redirect loop"),
        ("/to-ftp", "`ftp` url"),
        ("/to-file", "`file` url"),
        ("/r1", "more than 2 redirects"),
    ] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!((p.kind, p.attempts), (PageKind::Error, 1), "{path}");
        let e = p.error.as_deref().unwrap();
        assert!(
            e.contains("redirect refused") && e.contains(why),
            "{path}: {e}"
        );
    }
    let p = find(&pages, server.url("/ok-redirect").as_str());
    assert_eq!(p.kind, PageKind::Html);
    assert_eq!(p.final_url, server.url("/r4").as_str());
    assert_eq!(server.log.count("/loop-a"), 1);
}

#[tokio::test]
async fn fifty_megabyte_body_is_cut_at_the_cap() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/big",
                get(|| async {
                    // 50 MB in 64 KiB chunks, no Content-Length
                    let stream =
                        futures::stream::iter((0..800).map(|_| {
                            Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b'a'; 65_536]))
                        }));
                    html("text/html", Body::from_stream(stream))
                }),
            )
            .route(
                "/big-declared",
                get(|| async { html("text/html", vec![b'a'; 3 << 20]) }),
            )
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/big"), server.url("/big-declared")], &[]);
    opts.max_body_size = 1 << 20;
    let (pages, stats) = crawl(opts).await;
    for path in ["/big", "/big-declared"] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(
            (p.kind, p.status, p.attempts),
            (PageKind::Error, Some(200), 1)
        );
        assert!(
            p.error
                .as_deref()
                .unwrap()
                .contains("body exceeds 1048576 bytes"),
            "{:?}",
            p.error
        );
        assert_eq!(server.log.count(path), 1);
    }
    assert!(stats.bytes < 2 << 20, "read {} bytes", stats.bytes);
}

#[tokio::test]
async fn gzip_bomb_stops_at_the_decompressed_cap() {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        enc.write_all(&zeros).unwrap();
    }
    let bomb = enc.finish().unwrap();
    assert!(bomb.len() < 200_000, "bomb is {} bytes", bomb.len());
    let bomb = Arc::new(bomb);
    let server = serve(move |_| {
        Router::new().route(
            "/bomb",
            get(move || {
                let bomb = bomb.clone();
                async move {
                    let mut r = html("text/html", (*bomb).clone());
                    r.headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    r
                }
            }),
        )
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/bomb")], &[]);
    opts.max_body_size = 4 << 20;
    let (pages, stats) = crawl(opts).await;
    let p = find(&pages, server.url("/bomb").as_str());
    assert_eq!(p.kind, PageKind::Error);
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("body exceeds 4194304 bytes"),
        "{:?}",
        p.error
    );
    assert!(
        stats.bytes <= (4 << 20) + (1 << 20),
        "inflated {} bytes",
        stats.bytes
    );
}

#[tokio::test]
async fn charsets_with_and_without_declarations() {
    let text =
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。";
    let body = |meta: &str, enc: &'static encoding_rs::Encoding, extra: &str| {
        let mut b = format!("<html><head>{meta}<title>t</title></head><body><p>").into_bytes();
        for _ in 0..4 {
            b.extend(enc.encode(text).0.iter());
        }
        b.extend(enc.encode(extra).0.iter());
        b.extend(b"</p></body></html>");
        b
    };
    let gbk_meta = body(
        r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
        encoding_rs::GBK,
        "",
    );
    let gbk_bare = body("", encoding_rs::GBK, "");
    let wrong = body(r#"<meta charset="utf-8">"#, encoding_rs::GBK, "");
    let gb18030 = body("<meta charset=gb2312>", encoding_rs::GB18030, "僻字㐀𠀀。");
    let server = serve(move |_| {
        Router::new()
            .route(
                "/gbk-meta",
                get(move || std::future::ready(html("text/html", gbk_meta.clone()))),
            )
            .route(
                "/gbk-header",
                get(move || std::future::ready(html("text/html; charset=GBK", gbk_bare.clone()))),
            )
            .route(
                "/wrong",
                get(move || std::future::ready(html("text/html", wrong.clone()))),
            )
            .route(
                "/gb18030",
                get(move || std::future::ready(html("text/html", gb18030.clone()))),
            )
    })
    .await;
    let seeds = ["/gbk-meta", "/gbk-header", "/wrong", "/gb18030"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let (pages, _) = crawl(fast_opts(seeds, &[])).await;
    for (path, declared) in [
        ("/gbk-meta", "gb2312"),
        ("/gbk-header", "gbk"),
        ("/wrong", "utf-8"),
        ("/gb18030", "gb2312"),
    ] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(p.kind, PageKind::Html, "{path}");
        assert_eq!(p.declared_charset.as_deref(), Some(declared), "{path}");
        assert_eq!(p.detected_charset.as_deref(), Some("gb18030"), "{path}");
        let b = p.body.as_deref().unwrap();
        assert!(b.contains(text), "{path}: {b}");
        assert!(!b.contains('\u{FFFD}'), "{path}");
    }
    assert!(
        find(&pages, server.url("/gb18030").as_str())
            .body
            .as_deref()
            .unwrap()
            .contains("僻字㐀𠀀")
    );
}

#[tokio::test]
async fn utf8_page_with_one_stray_byte_keeps_its_charset() {
    // `charset=utf-8` in the header and the meta, one stray byte and one character cut in
    // half: the page stays UTF-8 (it went to windows-1252 whole), and says how many bytes
    // did not fit. The same for a GBK page with two bad bytes, and for a two-part article.
    let text =
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。";
    let body = |enc: &'static encoding_rs::Encoding, meta: &str, links: &str| {
        let mut b = format!("<html><head>{meta}<title>").into_bytes();
        let text = if links.contains("multi.html") {
            // the second part of the article says something else
            text.replace("6%", "7%")
        } else {
            text.to_owned()
        };
        b.extend(enc.encode("长治市政府工作报告").0.iter());
        b.extend(b"</title></head><body><div><p>");
        for i in 0..6 {
            b.extend(enc.encode(&text).0.iter());
            if i == 2 {
                b.push(0xFF);
            }
            if i == 4 {
                // the first byte of a two- or three-byte character, then a line break
                b.push(enc.encode("报").0[0]);
                b.push(b'\n');
            }
        }
        b.extend(b"</p></div>");
        b.extend(links.as_bytes());
        b.extend(b"</body></html>");
        b
    };
    let utf8 = body(encoding_rs::UTF_8, r#"<meta charset="utf-8">"#, "");
    let gbk = body(
        encoding_rs::GBK,
        r#"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#,
        "",
    );
    let part1 = body(
        encoding_rs::UTF_8,
        r#"<meta charset="utf-8">"#,
        r#"<div class="page"><a href="/multi_2.html">2</a></div>"#,
    );
    let part2 = body(
        encoding_rs::UTF_8,
        r#"<meta charset="utf-8">"#,
        r#"<div class="page"><a href="/multi.html">1</a></div>"#,
    );
    let server = serve(move |_| {
        let page = |ct: &'static str, b: Vec<u8>| move || std::future::ready(html(ct, b.clone()));
        Router::new()
            .route("/utf8.html", get(page("text/html; charset=utf-8", utf8)))
            .route("/gbk.html", get(page("text/html; charset=GBK", gbk)))
            .route("/multi.html", get(page("text/html; charset=utf-8", part1)))
            .route(
                "/multi_2.html",
                get(page("text/html; charset=utf-8", part2)),
            )
    })
    .await;
    let seeds = ["/utf8.html", "/gbk.html", "/multi.html"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let (pages, _) = crawl(fast_opts(seeds, &[])).await;
    for (path, used, errors) in [
        ("/utf8.html", "utf-8", 2),
        ("/gbk.html", "gb18030", 2),
        ("/multi.html", "utf-8", 4),
    ] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(p.kind, PageKind::Html, "{path}");
        assert_eq!(p.detected_charset.as_deref(), Some(used), "{path}");
        assert_eq!(p.decode_errors, Some(errors), "{path}");
        let b = p.body.as_deref().unwrap();
        assert!(
            b.contains("<title>长治市政府工作报告</title>"),
            "{path}: {b}"
        );
        assert_eq!(b.matches(text).count(), 6, "{path}: {b}");
    }
    assert_eq!(
        find(&pages, server.url("/multi.html").as_str())
            .page_urls
            .len(),
        2
    );
}

#[tokio::test]
async fn binary_bodies_served_as_html_are_not_pages() {
    // a PDF, an executable and a file of NULs, each served as text/html: recorded as
    // `binary` rows (no body to clean), while the real page beside them stays html
    let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".repeat(50);
    let exe = [b"MZ\x90\x00\x03\x00\x00\x00".as_slice(), &[0u8; 4000]].concat();
    let nuls = vec![0u8; 8000];
    let server = serve(move |_| {
        let page =
            |b: Vec<u8>| move || std::future::ready(html("text/html; charset=utf-8", b.clone()));
        Router::new()
            .route("/report.pdf.html", get(page(pdf)))
            .route("/setup.html", get(page(exe)))
            .route("/nuls.html", get(page(nuls)))
            .route(
                "/article.html",
                get(page(article("政府工作报告", "").into_bytes())),
            )
    })
    .await;
    let paths = [
        "/report.pdf.html",
        "/setup.html",
        "/nuls.html",
        "/article.html",
    ];
    let seeds = paths.iter().map(|p| server.url(p)).collect();
    let (pages, _) = crawl(fast_opts(seeds, &[])).await;
    for path in &paths[..3] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(p.kind, PageKind::Binary, "{path}");
        assert!(p.body.is_none(), "{path}: a binary row keeps no body");
    }
    assert_eq!(
        find(&pages, server.url("/article.html").as_str()).kind,
        PageKind::Html
    );
}

fn robots_site(robots: &'static str, robots_status: StatusCode) -> impl FnOnce(&str) -> Router {
    move |_| {
        let page = |links: &'static str| {
            move || std::future::ready(html("text/html", article("p", links)))
        };
        Router::new()
            .route(
                "/robots.txt",
                get(move || {
                    std::future::ready({
                        let mut r = html("text/plain", robots);
                        *r.status_mut() = robots_status;
                        r
                    })
                }),
            )
            .route(
                "/p1",
                get(page(r#"<a href="/p2">2</a><a href="/private/x">x</a>"#)),
            )
            .route("/p2", get(page(r#"<a href="/p3">3</a>"#)))
            .route("/p3", get(page("")))
            .route("/private/x", get(page("")))
    }
}

#[tokio::test]
async fn robots_disallow_and_crawl_delay() {
    let server = serve(robots_site(
        "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n",
        StatusCode::OK,
    ))
    .await;
    let mut opts = fast_opts(vec![server.url("/p1")], &[".*"]);
    opts.respect_robots = true;
    let (pages, stats) = crawl(opts).await;
    let p = find(&pages, server.url("/private/x").as_str());
    assert_eq!((p.kind, p.status, p.attempts), (PageKind::Error, None, 0));
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("disallowed by robots.txt")
    );
    assert_eq!(stats.robots_blocked, 1);
    let log = server.log.all();
    let paths: Vec<&str> = log.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["/robots.txt", "/p1", "/p2", "/p3"]);
    for w in log.windows(2) {
        let gap = w[1].1 - w[0].1;
        assert!(
            gap >= Duration::from_millis(950),
            "crawl-delay ignored: {} → {} after {gap:?}",
            w[0].0,
            w[1].0
        );
    }
}

#[tokio::test]
async fn crawl_delay_is_capped() {
    let server = serve(robots_site(
        "User-agent: *\nCrawl-delay: 30\n",
        StatusCode::OK,
    ))
    .await;
    let mut opts = fast_opts(vec![server.url("/p1")], &[".*"]);
    opts.respect_robots = true;
    opts.max_crawl_delay = Duration::from_millis(300);
    let (pages, _) = crawl(opts).await;
    assert_eq!(pages.iter().filter(|p| p.kind == PageKind::Html).count(), 4);
    let log = server.log.all();
    for w in log.windows(2) {
        let gap = w[1].1 - w[0].1;
        // spaced by the capped delay, and never by the 30 s robots.txt asked for
        assert!(gap >= Duration::from_millis(280), "{gap:?}");
        assert!(
            gap < Duration::from_secs(30),
            "the delay was not capped: {gap:?}"
        );
    }
}

#[tokio::test]
async fn robots_not_found_allows_all_and_server_error_disallows() {
    let server = serve(robots_site("", StatusCode::NOT_FOUND)).await;
    let mut opts = fast_opts(vec![server.url("/p1")], &[".*"]);
    opts.respect_robots = true;
    let (pages, _) = crawl(opts.clone()).await;
    assert_eq!(pages.iter().filter(|p| p.kind == PageKind::Html).count(), 4);

    let server = serve(robots_site("", StatusCode::SERVICE_UNAVAILABLE)).await;
    opts.seeds = vec![server.url("/p1")];
    opts.retries = 0;
    let (pages, stats) = crawl(opts).await;
    let p = find(&pages, server.url("/p1").as_str());
    assert_eq!(p.kind, PageKind::Error);
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("robots.txt unavailable (status 503)"),
        "{:?}",
        p.error
    );
    assert_eq!(server.log.paths(), ["/robots.txt"]);
    assert_eq!(stats.robots_blocked, 1);
}

#[tokio::test]
async fn sitemap_index_to_sitemap_to_articles() {
    let server = serve(|base| {
        let index = format!(r#"<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/maps/reports.xml</loc></sitemap></sitemapindex>"#);
        let set = format!(r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/art/1.html</loc></url><url><loc>{base}/art/2.html#top</loc></url><url><loc>http://elsewhere.example/x.html</loc></url></urlset>"#);
        Router::new()
            .route("/sitemap_index.xml", get(move || std::future::ready(html("application/xml", index.clone()))))
            .route("/maps/reports.xml", get(move || std::future::ready(html("text/xml", set.clone()))))
            .route("/art/{id}", get(|| async { html("text/html", article("a", "")) }))
    })
    .await;
    // no follow rule: sitemap entries are followed anyway (same host only)
    let (pages, _) = crawl(fast_opts(vec![server.url("/sitemap_index.xml")], &[])).await;
    let kinds: Vec<(String, PageKind)> = pages.iter().map(|p| (p.url.clone(), p.kind)).collect();
    assert_eq!(pages.len(), 4, "{kinds:?}");
    assert_eq!(
        find(&pages, server.url("/sitemap_index.xml").as_str()).kind,
        PageKind::Listing
    );
    let map = find(&pages, server.url("/maps/reports.xml").as_str());
    assert_eq!((map.kind, map.depth), (PageKind::Listing, 1));
    for a in ["/art/1.html", "/art/2.html"] {
        let p = find(&pages, server.url(a).as_str());
        assert_eq!((p.kind, p.depth), (PageKind::Html, 2));
    }
}

#[tokio::test]
async fn pdf_link_gives_a_binary_row() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/report.html",
                get(|| async {
                    html(
                        "text/html",
                        article("r", r#"<a href="/files/report.pdf">附件</a>"#),
                    )
                }),
            )
            .route(
                "/files/report.pdf",
                get(|| async { html("application/pdf", b"%PDF-1.4 fake".to_vec()) }),
            )
    })
    .await;
    let (pages, stats) = crawl(fast_opts(vec![server.url("/report.html")], &[r"\.pdf$"])).await;
    let p = find(&pages, server.url("/files/report.pdf").as_str());
    assert_eq!((p.kind, p.status), (PageKind::Binary, Some(200)));
    assert_eq!(p.content_type.as_deref(), Some("application/pdf"));
    assert!(p.body.is_none());
    assert_eq!(
        p.referrer.as_deref(),
        Some(server.url("/report.html").as_str())
    );
    assert_eq!(stats.binaries, 1);
}

fn many_pages(n: usize) -> impl FnOnce(&str) -> Router {
    move |_| {
        let _ = n;
        Router::new().route(
            "/n/{id}",
            get(|| async { html("text/html", article("n", "")) }),
        )
    }
}

#[tokio::test]
async fn cancellation_stops_taking_urls() {
    let server = serve(many_pages(50)).await;
    let mut opts = fast_opts(
        (0..50).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.per_host_rate = 5.0;
    opts.burst = 1;
    let crawler = Crawler::new(opts).unwrap();
    let cancel = CancellationToken::new();
    let c2 = cancel.clone();
    let count = Arc::new(AtomicUsize::new(0));
    let c3 = count.clone();
    // cancelled by the consumer once five rows came: no timer to race
    let stats = crawler
        .run(
            &std::collections::HashSet::new(),
            &std::collections::HashMap::new(),
            cancel,
            move |_| {
                if c3.fetch_add(1, Ordering::SeqCst) + 1 == 5 {
                    c2.cancel();
                }
                async {}
            },
        )
        .await;
    assert!(stats.cancelled);
    let emitted = count.load(Ordering::SeqCst);
    // the five, and at most the requests already sent when the cancel came
    assert!((5..=10).contains(&emitted), "{emitted}");
    assert_eq!(stats.pages as usize, emitted);
    assert_eq!(stats.left_unfetched as usize, 50 - emitted);
    assert_eq!(server.log.paths().len(), emitted);
}

#[tokio::test]
async fn slow_consumer_slows_the_crawl() {
    let server = serve(many_pages(30)).await;
    let mut opts = fast_opts(
        (0..30).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.concurrency = 1;
    let crawler = Crawler::new(opts).unwrap();
    let log = server.log.clone();
    let seen_at_emit = Arc::new(Mutex::new(Vec::new()));
    let s2 = seen_at_emit.clone();
    crawler
        .run(
            &std::collections::HashSet::new(),
            &std::collections::HashMap::new(),
            CancellationToken::new(),
            move |_| {
                let requested = log.paths().len();
                s2.lock().unwrap().push(requested);
                async { tokio::time::sleep(Duration::from_millis(30)).await }
            },
        )
        .await;
    let seen = seen_at_emit.lock().unwrap();
    assert_eq!(seen.len(), 30);
    // while the consumer is busy, at most a few tasks' worth of requests run ahead of it
    for (i, requested) in seen.iter().enumerate() {
        assert!(
            *requested <= i + 1 + 4,
            "row {i}: {requested} requests already made"
        );
    }
}

#[tokio::test]
async fn page_budget_stops_the_crawl() {
    let server = serve(many_pages(20)).await;
    let mut opts = fast_opts(
        (0..20).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.concurrency = 1;
    opts.max_pages = Some(3);
    let (pages, stats) = crawl(opts).await;
    assert!(pages.len() >= 3 && pages.len() <= 3 + 4, "{}", pages.len());
    assert_eq!(stats.left_unfetched as usize, 20 - pages.len());
}

#[tokio::test]
async fn per_host_rate_is_kept() {
    let server = serve(many_pages(11)).await;
    let mut opts = fast_opts(
        (0..11).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.per_host_rate = 10.0;
    opts.burst = 1;
    let (pages, _) = crawl(opts).await;
    assert_eq!(pages.len(), 11);
    let times: Vec<Instant> = server.log.all().iter().map(|(_, t)| *t).collect();
    let span = *times.last().unwrap() - times[0];
    assert!(
        span >= Duration::from_millis(900),
        "11 requests at 10/s took {span:?}"
    );
    for w in times.windows(2) {
        assert!(
            w[1] - w[0] >= Duration::from_millis(60),
            "{:?}",
            w[1] - w[0]
        );
    }
}

#[tokio::test]
async fn host_override_changes_the_rate() {
    let server = serve(many_pages(6)).await;
    let mut opts = fast_opts(
        (0..6).map(|i| server.url(&format!("/n/{i}"))).collect(),
        &[],
    );
    opts.hosts.insert(
        "127.0.0.1".into(),
        baogao_fetch::HostOverride {
            rate: Some(5.0),
            burst: Some(1),
        },
    );
    let (pages, _) = crawl(opts).await;
    assert_eq!(pages.len(), 6);
    let times: Vec<Instant> = server.log.all().iter().map(|(_, t)| *t).collect();
    assert!(*times.last().unwrap() - times[0] >= Duration::from_millis(900));
}

#[tokio::test]
async fn bad_options_are_refused() {
    let err = Crawler::new(FetchOptions {
        concurrency: 0,
        ..FetchOptions::default()
    })
    .err()
    .unwrap();
    assert!(err.to_string().contains("`concurrency`"));
    let opts = FetchOptions {
        seeds: vec!["ftp://127.0.0.1/x".parse().unwrap()],
        ..FetchOptions::default()
    };
    let (pages, _) = crawl(opts).await;
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].kind, PageKind::Error);
    assert!(
        pages[0]
            .error
            .as_deref()
            .unwrap()
            .contains("unsupported url scheme `ftp`")
    );
}

#[tokio::test]
async fn connection_reset_is_retried_then_an_error_row() {
    let (base, hits) = reset_server().await;
    let url = base.join("/rst.html").unwrap();
    let (pages, stats) = crawl(fast_opts(vec![url.clone()], &[])).await;
    let p = find(&pages, url.as_str());
    assert_eq!((p.kind, p.status, p.attempts), (PageKind::Error, None, 3));
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("request failed after 3 attempt(s)"),
        "{:?}",
        p.error
    );
    assert_eq!(*hits.lock().unwrap(), 3);
    assert_eq!(stats.retries, 2);
}

#[tokio::test]
async fn request_timeout_status_is_retried_other_client_errors_are_not() {
    let server = serve(|_| {
        Router::new()
            .route("/408", get(flaky(StatusCode::REQUEST_TIMEOUT, 1, "")))
            .route("/403", get(|| async { status(StatusCode::FORBIDDEN) }))
            .route("/410", get(|| async { status(StatusCode::GONE) }))
    })
    .await;
    let seeds = ["/408", "/403", "/410"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let (pages, _) = crawl(fast_opts(seeds, &[])).await;
    let p = find(&pages, server.url("/408").as_str());
    assert_eq!((p.kind, p.attempts), (PageKind::Html, 2));
    for (path, code) in [("/403", 403), ("/410", 410)] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(
            (p.kind, p.status, p.attempts),
            (PageKind::Error, Some(code), 1)
        );
        assert_eq!(server.log.count(path), 1, "{path} retried");
    }
}

#[tokio::test]
async fn retry_after_as_http_date_is_honoured() {
    let hits = Arc::new(AtomicUsize::new(0));
    let server = serve(move |_| {
        Router::new().route(
            "/date",
            get(move || {
                let k = hits.fetch_add(1, Ordering::SeqCst);
                std::future::ready(if k == 0 {
                    let mut r = status(StatusCode::SERVICE_UNAVAILABLE);
                    let when = std::time::SystemTime::now() + Duration::from_secs(2);
                    r.headers_mut().insert(
                        header::RETRY_AFTER,
                        HeaderValue::from_str(&httpdate::fmt_http_date(when)).unwrap(),
                    );
                    r
                } else {
                    html("text/html", article("d", ""))
                })
            }),
        )
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/date")], &[])).await;
    let p = find(&pages, server.url("/date").as_str());
    assert_eq!((p.kind, p.attempts), (PageKind::Html, 2));
    let t = server.log.times_of("/date");
    // the date has a 1-second resolution: between 1 and 2 s from the first answer
    assert!(
        t[1] - t[0] >= Duration::from_millis(950),
        "{:?}",
        t[1] - t[0]
    );
}

#[tokio::test(flavor = "current_thread")]
async fn retry_after_above_the_cap_is_capped_and_logged() {
    let logs = Logs::default();
    let _guard = tracing::subscriber::set_default(logs.clone());
    let server = serve(|_| {
        Router::new().route(
            "/long",
            get({
                let hits = Arc::new(AtomicUsize::new(0));
                move || {
                    let k = hits.fetch_add(1, Ordering::SeqCst);
                    std::future::ready(if k == 0 {
                        let mut r = status(StatusCode::TOO_MANY_REQUESTS);
                        r.headers_mut()
                            .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
                        r
                    } else {
                        html("text/html", article("l", ""))
                    })
                }
            }),
        )
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/long")], &[]);
    opts.max_retry_after = Duration::from_millis(300);
    let (pages, stats) = crawl(opts).await;
    assert_eq!(
        find(&pages, server.url("/long").as_str()).kind,
        PageKind::Html
    );
    let t = server.log.times_of("/long");
    assert!(
        t[1] - t[0] >= Duration::from_millis(290),
        "{:?}",
        t[1] - t[0]
    );
    let key = format!("127.0.0.1:{}", server.base.port().unwrap());
    assert_eq!(stats.hosts[&key].retry_after_capped, 1);
    let lines = logs.0.lock().unwrap().clone();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("retry-after capped to max_retry_after")
                && l.contains(&format!("host={key}"))
                && l.contains("retry_after_s=3600")
                && l.contains("capped_s=0.3")),
        "{lines:#?}"
    );
}

#[tokio::test]
async fn retry_after_below_the_cap_is_honoured_whatever_backoff_max_says() {
    let server = serve(|_| {
        Router::new().route("/flaky", get(flaky(StatusCode::SERVICE_UNAVAILABLE, 1, "")))
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/flaky")], &[]);
    // backoff_max used to cap Retry-After too; it caps only our own backoff now
    opts.backoff_max = Duration::from_millis(100);
    let (pages, _) = crawl(opts).await;
    assert_eq!(find(&pages, server.url("/flaky").as_str()).attempts, 2);
    let t = server.log.times_of("/flaky");
    assert!(
        t[1] - t[0] >= Duration::from_millis(950),
        "{:?}",
        t[1] - t[0]
    );
}

#[tokio::test]
async fn redirect_off_the_crawled_hosts_is_refused() {
    // `localhost` is another host name for the same loopback server
    let server = serve(|base| {
        let away = format!("{}/away.html", base.replace("127.0.0.1", "localhost"));
        let links =
            r#"<a href="/out">out</a><a href="file:///etc/passwd">passwd</a><a href="/in">in</a>"#;
        Router::new()
            .route(
                "/start.html",
                get(move || std::future::ready(html("text/html", article("s", links)))),
            )
            .route(
                "/out",
                get(move || {
                    let away = away.clone();
                    async move {
                        let mut r = status(StatusCode::FOUND);
                        r.headers_mut()
                            .insert(header::LOCATION, HeaderValue::from_str(&away).unwrap());
                        r
                    }
                }),
            )
            .route("/in", get(redirect("/start2.html")))
            .route(
                "/start2.html",
                get(|| async { html("text/html", article("s2", "")) }),
            )
            .route(
                "/away.html",
                get(|| async { html("text/html", article("a", "")) }),
            )
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/start.html")], &[".*"])).await;
    let p = find(&pages, server.url("/out").as_str());
    assert_eq!(p.kind, PageKind::Error);
    let e = p.error.as_deref().unwrap();
    assert!(
        e.contains("redirect refused") && e.contains("leaves the crawled hosts"),
        "{e}"
    );
    assert_eq!(
        server.log.count("/away.html"),
        0,
        "{:?}",
        server.log.paths()
    );
    // a redirect on the same host is followed
    assert_eq!(
        find(&pages, server.url("/in").as_str()).kind,
        PageKind::Html
    );
    // a file: link is no row and nothing is read
    assert!(!pages.iter().any(|p| p.url.starts_with("file:")));
    assert_eq!(
        pages.len(),
        3,
        "{:?}",
        pages.iter().map(|p| &p.url).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn robots_ignored_when_respect_robots_is_off() {
    let server = serve(robots_site(
        "User-agent: *\nDisallow: /\nCrawl-delay: 10\n",
        StatusCode::OK,
    ))
    .await;
    let opts = fast_opts(vec![server.url("/p1")], &[".*"]);
    assert!(!opts.respect_robots);
    let (pages, stats) = crawl(opts).await;
    assert_eq!(pages.iter().filter(|p| p.kind == PageKind::Html).count(), 4);
    assert_eq!(server.log.count("/robots.txt"), 0);
    assert_eq!(stats.robots_blocked, 0);
}

#[tokio::test]
async fn robots_allow_overrides_a_broader_disallow() {
    let server = serve(robots_site(
        "User-agent: baogao-test\nDisallow: /p\nAllow: /p1\nAllow: /private/\n\nUser-agent: *\nDisallow:\n",
        StatusCode::OK,
    ))
    .await;
    let mut opts = fast_opts(vec![server.url("/p1")], &[".*"]);
    opts.respect_robots = true;
    let (pages, _) = crawl(opts).await;
    assert_eq!(
        find(&pages, server.url("/p1").as_str()).kind,
        PageKind::Html
    );
    let p = find(&pages, server.url("/p2").as_str());
    assert!(
        p.error
            .as_deref()
            .unwrap()
            .contains("disallowed by robots.txt")
    );
    assert_eq!(server.log.paths(), ["/robots.txt", "/p1", "/private/x"]);
}

#[tokio::test]
async fn user_agent_is_sent() {
    let agents = Arc::new(Mutex::new(Vec::new()));
    let a2 = agents.clone();
    let server = serve(move |_| {
        Router::new().route(
            "/ua",
            get(move |headers: axum::http::HeaderMap| {
                a2.lock().unwrap().push(
                    headers
                        .get(header::USER_AGENT)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned(),
                );
                std::future::ready(html("text/html", article("ua", "")))
            }),
        )
    })
    .await;
    let mut opts = fast_opts(vec![server.url("/ua")], &[]);
    opts.user_agent = "baogao-test/0.1 (+mailto:ops@example.org)".into();
    crawl(opts).await;
    assert_eq!(
        *agents.lock().unwrap(),
        ["baogao-test/0.1 (+mailto:ops@example.org)"]
    );
}

#[tokio::test]
async fn in_flight_limit_holds_across_hosts() {
    let now = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let mut servers = Vec::new();
    for _ in 0..3 {
        let (now, peak) = (now.clone(), peak.clone());
        servers.push(
            serve(move |_| {
                Router::new().route(
                    "/n/{id}",
                    get(move || {
                        let (now, peak) = (now.clone(), peak.clone());
                        async move {
                            let k = now.fetch_add(1, Ordering::SeqCst) + 1;
                            peak.fetch_max(k, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(60)).await;
                            now.fetch_sub(1, Ordering::SeqCst);
                            html("text/html", article("n", ""))
                        }
                    }),
                )
            })
            .await,
        );
    }
    // three hosts (ports), five pages each, two requests in flight at most
    let seeds = servers
        .iter()
        .flat_map(|s| (0..5).map(|i| s.url(&format!("/n/{i}"))))
        .collect();
    let mut opts = fast_opts(seeds, &[]);
    opts.concurrency = 2;
    let (pages, _) = crawl(opts).await;
    assert_eq!(pages.len(), 15);
    assert_eq!(peak.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn images_and_archives_are_binary_rows() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/a.html",
                get(|| async {
                    html(
                        "text/html",
                        article(
                            "a",
                            r#"<a href="/f/chart.png">图</a><a href="/f/data.zip">附件</a><a href="/f/report.rar">附件2</a><a href="/f/scan.jpg">扫描件</a>"#,
                        ),
                    )
                }),
            )
            .route("/f/chart.png", get(|| async { html("image/png", vec![0x89, b'P', b'N', b'G']) }))
            .route("/f/data.zip", get(|| async { html("application/zip", b"PK\x03\x04".to_vec()) }))
            // served as octet-stream: the extension decides
            .route(
                "/f/report.rar",
                get(|| async { html("application/octet-stream", b"Rar!\x1a\x07".to_vec()) }),
            )
            .route("/f/scan.jpg", get(|| async { html("image/jpeg", vec![0xff, 0xd8, 0xff]) }))
    })
    .await;
    let (pages, stats) = crawl(fast_opts(vec![server.url("/a.html")], &["/f/"])).await;
    for (path, ct) in [
        ("/f/chart.png", "image/png"),
        ("/f/data.zip", "application/zip"),
        ("/f/report.rar", "application/octet-stream"),
        ("/f/scan.jpg", "image/jpeg"),
    ] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!((p.kind, p.status), (PageKind::Binary, Some(200)), "{path}");
        assert_eq!(p.content_type.as_deref(), Some(ct), "{path}");
        assert!(p.body.is_none(), "{path}");
    }
    assert_eq!(stats.binaries, 4);
}

#[tokio::test]
async fn gzip_sitemap_file_is_read() {
    let server = serve(|base| {
        let set = format!(r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/art/1.html</loc></url><url><loc>{base}/art/2.html</loc></url></urlset>"#);
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(set.as_bytes()).unwrap();
        let gz = enc.finish().unwrap();
        let index = format!(r#"<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sitemap-1.xml.gz</loc></sitemap></sitemapindex>"#);
        Router::new()
            .route("/sitemap.xml", get(move || std::future::ready(html("application/xml", index.clone()))))
            .route("/sitemap-1.xml.gz", get(move || std::future::ready(html("application/x-gzip", gz.clone()))))
            .route("/art/{id}", get(|| async { html("text/html", article("a", "")) }))
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/sitemap.xml")], &[])).await;
    assert_eq!(
        find(&pages, server.url("/sitemap-1.xml.gz").as_str()).kind,
        PageKind::Listing
    );
    for a in ["/art/1.html", "/art/2.html"] {
        assert_eq!(find(&pages, server.url(a).as_str()).kind, PageKind::Html);
    }
}

#[tokio::test]
async fn gbk_page_without_any_declaration() {
    let mut body = b"<html><head><title>t</title></head><body><p>".to_vec();
    for _ in 0..4 {
        body.extend(encoding_rs::GBK.encode("今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业4万人以上。").0.iter());
    }
    body.extend(b"</p></body></html>");
    let mut latin1 = b"<html><head><meta charset=gb2312></head><body><p>".to_vec();
    latin1.extend(&body[b"<html><head><title>t</title></head><body><p>".len()..]);
    let server = serve(move |_| {
        Router::new()
            .route(
                "/bare",
                get(move || std::future::ready(html("text/html", body.clone()))),
            )
            .route(
                "/latin1",
                get(move || {
                    std::future::ready(html("text/html; charset=ISO-8859-1", latin1.clone()))
                }),
            )
    })
    .await;
    let (pages, _) = crawl(fast_opts(
        vec![server.url("/bare"), server.url("/latin1")],
        &[],
    ))
    .await;
    for (path, declared) in [("/bare", None), ("/latin1", Some("iso-8859-1"))] {
        let p = find(&pages, server.url(path).as_str());
        assert_eq!(p.declared_charset.as_deref(), declared, "{path}");
        assert_eq!(p.detected_charset.as_deref(), Some("gb18030"), "{path}");
        let b = p.body.as_deref().unwrap();
        assert!(b.contains("城镇新增就业4万人以上"), "{path}: {b}");
    }
}

#[tokio::test]
async fn every_seed_gives_exactly_one_row() {
    let (reset, _) = reset_server().await;
    let server = serve(robots_site(
        "User-agent: *\nDisallow: /private/\n",
        StatusCode::OK,
    ))
    .await;
    let mut seeds: Vec<url::Url> = ["/p3", "/missing", "/private/x", "/p3#again"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    seeds.push(reset.join("/x.html").unwrap());
    seeds.push("ftp://127.0.0.1/y".parse().unwrap());
    seeds.push("file:///etc/passwd".parse().unwrap());
    let mut opts = fast_opts(seeds, &[]);
    opts.respect_robots = true;
    opts.retries = 0;
    let (pages, stats) = crawl(opts).await;
    let rows: Vec<(&str, PageKind)> = pages.iter().map(|p| (p.url.as_str(), p.kind)).collect();
    // `/p3#again` is `/p3`: one row
    assert_eq!(pages.len(), 6, "{rows:?}");
    assert_eq!(stats.errors, 5, "{rows:?}");
    for p in pages.iter().filter(|p| p.kind == PageKind::Error) {
        assert!(
            p.error.as_deref().is_some_and(|e| e.contains(&p.url)),
            "{:?}",
            p.error
        );
    }
    let _ = crawl_with;
}

#[tokio::test]
async fn connect_timeout_on_a_listener_that_never_accepts() {
    // a backlog of 0 that is already full: the kernel drops further SYNs, so connecting hangs
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let addr = socket.local_addr().unwrap();
    let _listener = socket.listen(0).unwrap();
    let mut fillers = Vec::new();
    for _ in 0..4 {
        let s = tokio::net::TcpSocket::new_v4().unwrap();
        if let Ok(Ok(c)) = tokio::time::timeout(Duration::from_millis(200), s.connect(addr)).await {
            fillers.push(c);
        }
    }
    let url: url::Url = format!("http://{addr}/x.html").parse().unwrap();
    let mut opts = fast_opts(vec![url.clone()], &[]);
    opts.connect_timeout = Duration::from_millis(300);
    // far longer than any wait of a loaded machine: the crawl ending before it is the connect
    // timeout at work, not the request timeout
    let request_timeout = Duration::from_secs(120);
    opts.timeout = request_timeout;
    opts.retries = 0;
    let t0 = Instant::now();
    let (pages, _) = crawl(opts).await;
    let took = t0.elapsed();
    let p = find(&pages, url.as_str());
    assert_eq!(p.kind, PageKind::Error);
    assert!(took < request_timeout, "connect timeout ignored: {took:?}");
    assert!(
        p.error.as_deref().unwrap().contains("timed out"),
        "{:?}",
        p.error
    );
}

/// A tracing subscriber that keeps every event as `message field=value …` lines.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<String>>>);

struct Line<'a>(&'a mut String);

impl tracing::field::Visit for Line<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        use std::fmt::Write as _;
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl tracing::Subscriber for Logs {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut line = String::new();
        event.record(&mut Line(&mut line));
        self.0.lock().unwrap().push(line);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test(flavor = "current_thread")]
async fn crawl_delay_clamp_is_logged() {
    let logs = Logs::default();
    let _guard = tracing::subscriber::set_default(logs.clone());
    let server = serve(robots_site(
        "User-agent: *\nCrawl-delay: 30\n",
        StatusCode::OK,
    ))
    .await;
    let mut opts = fast_opts(vec![server.url("/p3")], &[]);
    opts.respect_robots = true;
    opts.max_crawl_delay = Duration::from_millis(100);
    crawl(opts).await;
    let lines = logs.0.lock().unwrap().clone();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("crawl-delay clamped to max_crawl_delay")
                && l.contains("crawl_delay_s=30")),
        "{lines:#?}"
    );
}
