//! Multi-page articles and numbered listings on synthetic sites, plus conditional requests.

mod support;

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::routing::get;
use baogao_fetch::{PAGE_BREAK, Previous};
use baogao_model::PageKind;
use support::{article, crawl, crawl_with, fast_opts, find, html, serve, status};

/// Article `id` in `parts` parts named `id.html`, `id_2.html`…, each with a page bar.
fn part_page(id: &str, n: u32, parts: u32) -> String {
    let name = |k: u32| {
        if k == 1 {
            format!("{id}.html")
        } else {
            format!("{id}_{k}.html")
        }
    };
    let mut bar = String::from(r#"<div class="pages">"#);
    for k in 1..=parts {
        let _ = write!(bar, r#"<a href="{}">{k}</a>"#, name(k));
    }
    if n < parts {
        let _ = write!(bar, r#"<a href="{}">下一页</a>"#, name(n + 1));
    }
    bar.push_str("</div>");
    article(&format!("{id} part {n} marker-{id}-{n}"), &bar)
}

fn site() -> Router {
    Router::new()
        .route(
            "/list/",
            get(|| async {
                // the listing links to a later part before the article itself
                html(
                    "text/html",
                    r#"<html><body><ul><li><a href="/a/100_3.html">第3页</a></li><li><a href="/a/100.html">报告</a></li>
                    <li><a href="/a/200.html">报告二</a></li></ul><a href="/list/index_2.html">2</a><a href="/list/index_2.html">下一页</a></body></html>"#,
                )
            }),
        )
        .route(
            "/list/index_2.html",
            get(|| async { html("text/html", r#"<html><body><ul><li><a href="/a/300.html">报告三</a></li></ul></body></html>"#) }),
        )
        .route(
            "/a/{file}",
            get(|Path(file): Path<String>| async move {
                let stem = file.trim_end_matches(".html");
                let (id, n) = match stem.split_once('_') {
                    Some((id, n)) => (id.to_owned(), n.parse().unwrap()),
                    None => (stem.to_owned(), 1),
                };
                let parts = match id.as_str() {
                    "100" => 4,
                    "200" => 1,
                    "300" => 2,
                    _ => return status(StatusCode::NOT_FOUND),
                };
                if n > parts {
                    return status(StatusCode::NOT_FOUND);
                }
                html("text/html", part_page(&id, n, parts))
            }),
        )
}

#[tokio::test]
async fn parts_are_joined_and_numbered_listings_crawled() {
    let server = serve(|_| site()).await;
    let u = |p: &str| server.url(p).to_string();
    let (pages, _) = crawl(fast_opts(vec![server.url("/list/")], &["/a/", "/list/"])).await;
    let kinds: Vec<_> = pages.iter().map(|p| (p.url.as_str(), p.kind)).collect();

    let p = find(&pages, &u("/a/100.html"));
    assert_eq!(p.kind, PageKind::Html);
    assert_eq!(
        p.page_urls,
        [
            u("/a/100.html"),
            u("/a/100_2.html"),
            u("/a/100_3.html"),
            u("/a/100_4.html")
        ]
    );
    let body = p.body.as_deref().unwrap();
    let at: Vec<usize> = (1..=4)
        .map(|n| body.find(&format!("marker-100-{n}")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "parts out of order");
    assert_eq!(body.matches(PAGE_BREAK).count(), 3);

    let p = find(&pages, &u("/a/200.html"));
    assert_eq!(p.page_urls, [u("/a/200.html")]);
    // the numbered listing page is crawled as a listing, and its article found
    assert_eq!(
        find(&pages, &u("/list/index_2.html")).kind,
        PageKind::Listing
    );
    assert_eq!(find(&pages, &u("/a/300.html")).page_urls.len(), 2);

    assert_eq!(
        pages.iter().filter(|p| p.kind == PageKind::Html).count(),
        3,
        "{kinds:?}"
    );
    assert!(
        !pages
            .iter()
            .any(|p| p.url.contains("/a/") && p.url.contains('_')),
        "{kinds:?}"
    );
    let log = server.log.paths();
    let mut seen = HashSet::new();
    assert!(log.iter().all(|p| seen.insert(p)), "{log:?}");
}

#[tokio::test]
async fn failed_part_is_its_own_error_row() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/b/9.html",
                get(|| async { html("text/html", part_page("9", 1, 3)) }),
            )
            .route(
                "/b/9_2.html",
                get(|| async { status(StatusCode::NOT_FOUND) }),
            )
            .route(
                "/b/9_3.html",
                get(|| async { html("text/html", part_page("9", 3, 3)) }),
            )
    })
    .await;
    let u = |p: &str| server.url(p).to_string();
    let (pages, stats) = crawl(fast_opts(vec![server.url("/b/9.html")], &[])).await;
    let p = find(&pages, &u("/b/9.html"));
    assert_eq!(p.page_urls, [u("/b/9.html"), u("/b/9_3.html")]);
    let e = find(&pages, &u("/b/9_2.html"));
    assert_eq!((e.kind, e.status), (PageKind::Error, Some(404)));
    assert_eq!(stats.errors, 1);
}

#[tokio::test]
async fn not_modified_gives_an_unchanged_row() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/doc/1.html",
                get(|headers: HeaderMap| async move {
                    if headers
                        .get(header::IF_NONE_MATCH)
                        .is_some_and(|v| v == "\"v1\"")
                    {
                        return status(StatusCode::NOT_MODIFIED);
                    }
                    let mut r = html("text/html", article("doc", ""));
                    r.headers_mut()
                        .insert(header::ETAG, HeaderValue::from_static("\"v1\""));
                    r
                }),
            )
            .route(
                "/doc/",
                get(|| async { html("text/html", r#"<a href="/doc/1.html">1</a>"#) }),
            )
    })
    .await;
    let u = server.url("/doc/1.html").to_string();
    let opts = fast_opts(vec![server.url("/doc/")], &["/doc/"]);
    let (pages, _) = crawl(opts.clone()).await;
    let first = find(&pages, &u);
    assert_eq!(
        (first.kind, first.etag.as_deref()),
        (PageKind::Html, Some("\"v1\""))
    );
    let previous: HashMap<String, Previous> = [(
        u.clone(),
        Previous {
            etag: first.etag.clone(),
            ..Previous::default()
        },
    )]
    .into();
    let (pages, stats) = crawl_with(opts, &HashSet::new(), &previous).await;
    let again = find(&pages, &u);
    assert_eq!((again.kind, again.status), (PageKind::Unchanged, Some(304)));
    assert_eq!(stats.unchanged, 1);
}

#[tokio::test]
async fn seed_redirecting_to_another_host_keeps_its_links() {
    // `localhost` and `127.0.0.1` are two host names for one server
    let server = serve(|base| {
        let to = format!("{}/home/", base.replace("127.0.0.1", "localhost"));
        Router::new()
            .route(
                "/",
                get(move || {
                    let to = to.clone();
                    async move {
                        let mut r = status(StatusCode::MOVED_PERMANENTLY);
                        r.headers_mut()
                            .insert(header::LOCATION, HeaderValue::from_str(&to).unwrap());
                        r
                    }
                }),
            )
            .route(
                "/home/",
                get(|| async { html("text/html", r#"<a href="/home/1.html">1</a>"#) }),
            )
            .route(
                "/home/1.html",
                get(|| async { html("text/html", article("x", "")) }),
            )
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/")], &["/home/"])).await;
    assert!(
        pages
            .iter()
            .any(|p| p.kind == PageKind::Html && p.url.contains("localhost")),
        "{pages:#?}"
    );
}
