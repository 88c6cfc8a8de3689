//! Multi-page articles and numbered listings on synthetic sites, plus conditional requests.

mod support;

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use axum::Router;
use axum::extract::{Path, RawQuery};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::routing::get;
use baogao_fetch::Previous;
use baogao_model::PAGE_BREAK;
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

/// A part of article `id` with `bar` as its page bar (and a "next article" link that must stay
/// an article of its own).
fn cms_part(id: &str, n: u32, bar: &str) -> String {
    article(
        &format!("{id} part {n} marker-{id}-{n}"),
        &format!(
            r#"<div class="pages">{bar}</div><p class="next">下一篇：<a href="/other/9.html">另一篇报告</a> <a href="/other/9.html">下一篇</a></p>"#
        ),
    )
}

fn other_article() -> Router {
    Router::new().route(
        "/other/9.html",
        get(|| async { html("text/html", article("other marker-other", "")) }),
    )
}

/// The body of `pages` joined, with each part's marker in order.
fn assert_parts_in_order(body: &str, id: &str, parts: u32) {
    let at: Vec<usize> = (1..=parts)
        .map(|n| {
            body.find(&format!("marker-{id}-{n}"))
                .unwrap_or_else(|| panic!("part {n} of {id} missing"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "parts of {id} out of order"
    );
    assert_eq!(body.matches(PAGE_BREAK).count() as u32, parts - 1);
}

#[tokio::test]
async fn trs_create_page_html_articles_and_listings() {
    let server = serve(|_| {
        other_article()
            .route(
                "/c/",
                get(|| async {
                    html("text/html", r#"<html><body><ul><li><a href="./202303/t20230329_123.html">报告</a></li></ul>
                        <div id="pages"><script>createPageHTML(2, 0, "index", "html");</script></div></body></html>"#)
                }),
            )
            .route(
                "/c/index_1.html",
                get(|| async {
                    html("text/html", r#"<html><body><ul><li><a href="./202303/t20230330_4567890.html">报告二</a></li></ul>
                        <script>var countPage = 2; var currentPage = 1; createPageHTML(countPage, currentPage, "index", "html");</script></body></html>"#)
                }),
            )
            .route(
                "/c/202303/{file}",
                get(|Path(file): Path<String>| async move {
                    let (id, n) = match file.as_str() {
                        "t20230329_123.html" => ("123", 0),
                        "t20230329_123_1.html" => ("123", 1),
                        "t20230329_123_2.html" => ("123", 2),
                        "t20230330_4567890.html" => {
                            return html("text/html", cms_part("4567890", 1, ""));
                        }
                        _ => return status(StatusCode::NOT_FOUND),
                    };
                    let bar = format!(r#"<script language="JavaScript">createPageHTML(3, {n}, "t20230329_123", "html");</script>"#);
                    html("text/html", cms_part(id, n + 1, &bar))
                }),
            )
    })
    .await;
    let u = |p: &str| server.url(p).to_string();
    let (pages, _) = crawl(fast_opts(vec![server.url("/c/")], &["/c/", "/other/"])).await;
    let rows: Vec<_> = pages.iter().map(|p| (p.url.as_str(), p.kind)).collect();
    let p = find(&pages, &u("/c/202303/t20230329_123.html"));
    assert_eq!(p.kind, PageKind::Html);
    assert_eq!(
        p.page_urls,
        [
            u("/c/202303/t20230329_123.html"),
            u("/c/202303/t20230329_123_1.html"),
            u("/c/202303/t20230329_123_2.html")
        ]
    );
    assert_parts_in_order(p.body.as_deref().unwrap(), "123", 3);
    // the listing's second page (written by the script) is crawled, and its article found
    assert_eq!(find(&pages, &u("/c/index_1.html")).kind, PageKind::Listing);
    let single = find(&pages, &u("/c/202303/t20230330_4567890.html"));
    assert_eq!(single.page_urls, [u("/c/202303/t20230330_4567890.html")]);
    // "next article" is an article of its own, not a part
    assert_eq!(find(&pages, &u("/other/9.html")).kind, PageKind::Html);
    assert_eq!(
        pages.iter().filter(|p| p.kind == PageKind::Html).count(),
        3,
        "{rows:?}"
    );
    assert!(!pages.iter().any(|p| p.url.contains("_123_")), "{rows:?}");
}

#[tokio::test]
async fn phpcms_dash_parts_and_ids() {
    let server = serve(|_| {
        other_article().route(
            "/html/{file}",
            get(|Path(file): Path<String>| async move {
                let n: u32 = match file.as_str() {
                    "show-12-345.html" => 1,
                    "show-12-345-2.html" => 2,
                    "show-12-345-3.html" => 3,
                    _ => return status(StatusCode::NOT_FOUND),
                };
                let name = |k: u32| {
                    if k == 1 {
                        "show-12-345.html".to_owned()
                    } else {
                        format!("show-12-345-{k}.html")
                    }
                };
                let mut bar = String::new();
                if n > 1 {
                    let _ = write!(bar, r#"<a href="{}">上一页</a>"#, name(n - 1));
                }
                for k in 1..=3 {
                    let _ = write!(bar, r#"<a href="{}">{k}</a>"#, name(k));
                }
                if n < 3 {
                    let _ = write!(bar, r#"<a href="{}">下一页</a>"#, name(n + 1));
                }
                html("text/html", cms_part("345", n, &bar))
            }),
        )
    })
    .await;
    let u = |p: &str| server.url(p).to_string();
    let (pages, _) = crawl(fast_opts(
        vec![server.url("/html/show-12-345.html")],
        &["/other/"],
    ))
    .await;
    let p = find(&pages, &u("/html/show-12-345.html"));
    assert_eq!(
        p.page_urls,
        [
            u("/html/show-12-345.html"),
            u("/html/show-12-345-2.html"),
            u("/html/show-12-345-3.html")
        ]
    );
    assert_parts_in_order(p.body.as_deref().unwrap(), "345", 3);
    assert_eq!(find(&pages, &u("/other/9.html")).kind, PageKind::Html);
    assert_eq!(pages.len(), 2);
}

#[tokio::test]
async fn query_string_parts_page_and_p() {
    let server = serve(|_| {
        other_article().route(
            "/{script}",
            get(
                |Path(script): Path<String>, RawQuery(q): RawQuery| async move {
                    let q = q.unwrap_or_default();
                    let (key, id) = match script.as_str() {
                        "view.php" => ("page", "id=7"),
                        "art.jsp" => ("p", "aid=5"),
                        _ => return status(StatusCode::NOT_FOUND),
                    };
                    let n: u32 = q
                        .split('&')
                        .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
                        .map_or(1, |v| v.parse().unwrap());
                    let name = |k: u32| format!("{script}?{id}&amp;{key}={k}");
                    let mut bar = String::new();
                    for k in 1..=3 {
                        let _ = write!(bar, r#"<a href="{}">[{k}]</a>"#, name(k));
                    }
                    if n < 3 {
                        let _ = write!(bar, r#"<a href="{}">下页</a>"#, name(n + 1));
                    }
                    html("text/html", cms_part(&script, n, &bar))
                },
            ),
        )
    })
    .await;
    let u = |p: &str| server.url(p).to_string();
    let seeds = vec![server.url("/view.php?id=7"), server.url("/art.jsp?aid=5")];
    let (pages, _) = crawl(fast_opts(seeds, &["/other/"])).await;
    let p = find(&pages, &u("/view.php?id=7"));
    assert_eq!(
        p.page_urls,
        [
            u("/view.php?id=7"),
            u("/view.php?id=7&page=2"),
            u("/view.php?id=7&page=3")
        ]
    );
    assert_parts_in_order(p.body.as_deref().unwrap(), "view.php", 3);
    let p = find(&pages, &u("/art.jsp?aid=5"));
    assert_eq!(
        p.page_urls,
        [
            u("/art.jsp?aid=5"),
            u("/art.jsp?aid=5&p=2"),
            u("/art.jsp?aid=5&p=3")
        ]
    );
    // `page=1` is the first page itself: never requested
    assert_eq!(
        server.log.count("/view.php?id=7&page=1"),
        0,
        "{:?}",
        server.log.paths()
    );
    assert_eq!(pages.len(), 3);
}

#[tokio::test]
async fn pagination_loop_ends_on_a_repeated_page() {
    // `?page=N` past the end answers the last page again, whose 下一页 still points on
    let server = serve(|_| {
        Router::new()
            .route(
                "/loop/doc.php",
                get(|RawQuery(q): RawQuery| async move {
                    let n: u32 = q
                        .unwrap_or_default()
                        .split('&')
                        .find_map(|kv| kv.strip_prefix("page="))
                        .map_or(1, |v| v.parse().unwrap());
                    let shown = n.min(3);
                    let bar = format!(r#"<a href="doc.php?id=1&page={}">下一页</a>"#, n + 1);
                    html(
                        "text/html",
                        article(&format!("loop marker-loop-{shown}"), &bar),
                    )
                }),
            )
            .route(
                "/ring/{file}",
                get(|Path(file): Path<String>| async move {
                    // a free-form 下一页 ring: a → b → a
                    let (n, next) = if file == "a.html" {
                        (1, "b.html")
                    } else {
                        (2, "a.html")
                    };
                    let bar = format!(r#"<a href="{next}">下一页</a>"#);
                    html("text/html", article(&format!("ring marker-ring-{n}"), &bar))
                }),
            )
    })
    .await;
    let u = |p: &str| server.url(p).to_string();
    let seeds = vec![server.url("/loop/doc.php?id=1"), server.url("/ring/a.html")];
    let (pages, _) = crawl(fast_opts(seeds, &[])).await;
    let p = find(&pages, &u("/loop/doc.php?id=1"));
    assert_eq!(
        p.page_urls,
        [
            u("/loop/doc.php?id=1"),
            u("/loop/doc.php?id=1&page=2"),
            u("/loop/doc.php?id=1&page=3")
        ]
    );
    assert_parts_in_order(p.body.as_deref().unwrap(), "loop", 3);
    // page 4 repeats page 3: the crawl stops there
    assert_eq!(
        server.log.count("/loop/doc.php?id=1&page=5"),
        0,
        "{:?}",
        server.log.paths()
    );
    let p = find(&pages, &u("/ring/a.html"));
    assert_eq!(p.page_urls, [u("/ring/a.html"), u("/ring/b.html")]);
    assert_eq!(server.log.count("/ring/a.html"), 1);
    assert_eq!(pages.len(), 2);
}

#[tokio::test]
async fn if_modified_since_gives_an_unchanged_row() {
    const LM: &str = "Wed, 29 Mar 2023 08:00:00 GMT";
    let server = serve(|_| {
        Router::new()
            .route(
                "/doc/2.html",
                get(|headers: HeaderMap| async move {
                    if headers
                        .get(header::IF_MODIFIED_SINCE)
                        .is_some_and(|v| v == LM)
                    {
                        return status(StatusCode::NOT_MODIFIED);
                    }
                    let mut r = html("text/html", article("doc", ""));
                    r.headers_mut()
                        .insert(header::LAST_MODIFIED, HeaderValue::from_static(LM));
                    r
                }),
            )
            .route(
                "/doc/",
                get(|| async { html("text/html", r#"<a href="/doc/2.html">2</a>"#) }),
            )
    })
    .await;
    let u = server.url("/doc/2.html").to_string();
    let opts = fast_opts(vec![server.url("/doc/")], &["/doc/"]);
    let (pages, _) = crawl(opts.clone()).await;
    let first = find(&pages, &u);
    assert_eq!(first.last_modified.as_deref(), Some(LM));
    let previous: HashMap<String, Previous> = [(
        u.clone(),
        Previous {
            last_modified: first.last_modified.clone(),
            ..Previous::default()
        },
    )]
    .into();
    let (pages, stats) = crawl_with(opts, &HashSet::new(), &previous).await;
    let again = find(&pages, &u);
    assert_eq!((again.kind, again.status), (PageKind::Unchanged, Some(304)));
    assert!(again.body.is_none());
    // one row per URL: the unchanged article is not also an Html row
    assert_eq!(pages.iter().filter(|p| p.url == u).count(), 1);
    assert_eq!(stats.unchanged, 1);
    assert_eq!(stats.html, 0);
}

#[tokio::test]
async fn link_spellings_of_one_page_are_fetched_once() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/s/",
                get(|| async {
                    html(
                        "text/html",
                        r#"<a href="/s/a.html">1</a><a href="/s//a.html">2</a><a href="/s/a.html#top">3</a>
                        <a href="/s/index.html">4</a><a href="/s/list.php?b=2&amp;a=1">5</a><a href="/s/list.php?a=1&amp;b=2">6</a>
                        <a href="./a.html?">7</a>"#,
                    )
                }),
            )
            .route("/s/index.html", get(|| async { html("text/html", "<p>same</p>") }))
            .route("/s/a.html", get(|| async { html("text/html", article("a", "")) }))
            .route("/s/list.php", get(|| async { html("text/html", "<p>list</p>") }))
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/s/")], &["/s/"])).await;
    let log = server.log.paths();
    let mut seen = HashSet::new();
    assert!(
        log.iter()
            .all(|p| seen.insert(p.split('?').next().unwrap().to_owned())),
        "{log:?}"
    );
    assert_eq!(
        pages.len(),
        3,
        "{:?}",
        pages.iter().map(|p| &p.url).collect::<Vec<_>>()
    );
}

/// A GBK article of about `kib` KiB in two parts, linking on to `next`.
fn gbk_part(id: &str, n: u32, kib: usize, next: &str) -> Vec<u8> {
    let para =
        "今年全省地区生产总值增长5.5%左右，一般公共预算收入增长3%。".repeat(kib * 1024 / 90 + 1);
    let bar = if n == 1 {
        format!(
            r#"<div class="page"><a href="{id}_2.html">2</a><a href="{id}_2.html">下一页</a></div>"#
        )
    } else {
        String::new()
    };
    let page = format!(
        r#"<html><head><meta charset="gbk"><title>报告{id}</title></head><body><div class="content"><p>marker-{id}-{n}</p><p>{para}</p></div>{bar}<a href="{next}">下一篇</a></body></html>"#
    );
    encoding_rs::GBK.encode(&page).0.into_owned()
}

#[tokio::test]
async fn small_and_large_pages_are_decoded_and_followed_alike() {
    // pages well below and well above the size at which decoding and link
    // analysis move off the async workers
    let server = serve(|_| {
        Router::new().route(
            "/a/{file}",
            get(|Path(file): Path<String>| async move {
                let (kib, next) = match file.split('_').next().unwrap().trim_end_matches(".html") {
                    "1" => (2, "/a/2.html"),
                    "2" => (300, "/a/3.html"),
                    "3" => (2, "/a/1.html"),
                    _ => return status(StatusCode::NOT_FOUND),
                };
                let id = file.split(['_', '.']).next().unwrap().to_owned();
                let n = if file.contains('_') { 2 } else { 1 };
                let mut r =
                    axum::response::IntoResponse::into_response(gbk_part(&id, n, kib, next));
                r.headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
                r
            }),
        )
    })
    .await;
    let (pages, _) = crawl(fast_opts(vec![server.url("/a/1.html")], &["/a/"])).await;
    for (id, kib) in [("1", 2), ("2", 300), ("3", 2)] {
        let p = find(&pages, server.url(&format!("/a/{id}.html")).as_ref());
        assert_eq!(p.kind, PageKind::Html, "{id}");
        assert_eq!(p.page_urls.len(), 2, "{id}: {:?}", p.page_urls);
        let body = p.body.as_deref().unwrap();
        assert!(body.contains(&format!("marker-{id}-1")), "{id}");
        assert!(body.contains(&format!("marker-{id}-2")), "{id}");
        assert!(body.len() > kib * 1024, "{id}: {} bytes", body.len());
        assert!(
            body.contains("一般公共预算收入增长3%"),
            "{id}: not decoded from GBK"
        );
    }
}
