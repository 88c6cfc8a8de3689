//! Crawls a loopback copy of fixtures/site (served as a plain static server would: GBK bytes,
//! `text/html` without charset) and checks every row that comes out.

mod support;

use std::collections::{HashMap, HashSet};

use baogao_fetch::Previous;
use baogao_model::PAGE_BREAK;
use baogao_model::PageKind;
use support::{crawl, crawl_with, fast_opts, find, serve, site_router};

const ARTICLES: [&str; 5] = [
    "/baogao/hb/5955.html",
    "/baogao/hb/6000.html",
    "/baogao/hb/6731.html",
    "/baogao/hb/7861.html",
    "/baogao/huadong/5905.html",
];

#[tokio::test]
async fn crawls_the_sample_site() {
    let server = serve(site_router).await;
    let u = |p: &str| server.url(p).to_string();
    let mut opts = fast_opts(
        vec![server.url("/index.html"), server.url("/sitemap.xml")],
        // /e/ and /search/ are followed on purpose: robots.txt must be what keeps them out
        &["/baogao/", "/e/", "/search/"],
    );
    opts.respect_robots = true;
    let (pages, stats) = crawl(opts).await;

    // exactly the 5 articles, by their first page
    let mut html: Vec<&str> = pages
        .iter()
        .filter(|p| p.kind == PageKind::Html)
        .map(|p| p.url.as_str())
        .collect();
    html.sort_unstable();
    let mut want: Vec<String> = ARTICLES.iter().map(|p| u(p)).collect();
    want.sort();
    assert_eq!(html, want);

    // multi-page articles: all parts, in order, joined with the page-break line
    let p = find(&pages, &u("/baogao/hb/5955.html"));
    assert_eq!(
        p.page_urls,
        [
            u("/baogao/hb/5955.html"),
            u("/baogao/hb/5955_2.html"),
            u("/baogao/hb/5955_3.html")
        ]
    );
    let body = p.body.as_deref().unwrap();
    assert_eq!(body.matches(PAGE_BREAK).count(), 2);
    // the GBK page (declared gb2312, no header charset) decodes to the right text
    assert_eq!(p.declared_charset.as_deref(), Some("gb2312"));
    assert_eq!(p.detected_charset.as_deref(), Some("gb18030"));
    assert!(
        body.contains("坚决扛牢稳粮保供责任"),
        "GBK text not decoded"
    );
    let split_end = body.find("增速与经济增长同步，农").expect("end of part 2");
    let split_rest = body
        .find("村居民人均可支配收入增速高于经济增长水平")
        .expect("start of part 3");
    assert!(split_end < split_rest);
    assert!(!body.contains('\u{FFFD}'));
    assert_eq!(p.body_sha256.as_deref().map(str::len), Some(64));

    let p = find(&pages, &u("/baogao/hb/6000.html"));
    assert_eq!(
        p.page_urls,
        [u("/baogao/hb/6000.html"), u("/baogao/hb/6000_2.html")]
    );
    let body = p.body.as_deref().unwrap();
    let a = body.find("主要预期目标是：地区生产总").unwrap();
    let b = body.find(PAGE_BREAK).unwrap();
    assert!(a < b && body[b..].contains("7%以上"));
    let p = find(&pages, &u("/baogao/hb/7861.html"));
    assert_eq!(p.page_urls.len(), 2);
    let p = find(&pages, &u("/baogao/hb/6731.html"));
    assert_eq!(p.page_urls, [u("/baogao/hb/6731.html")]);
    assert_eq!(p.detected_charset.as_deref(), Some("utf-8"));
    assert!(p.body.as_deref().unwrap().contains("太谷区"));

    // part pages never become rows of their own
    for part in ["5955_2", "5955_3", "6000_2", "7861_2"] {
        assert!(
            !pages
                .iter()
                .any(|p| p.url.ends_with(&format!("/{part}.html"))),
            "{part} has its own row"
        );
    }

    // listings
    for l in [
        "/",
        "/baogao/",
        "/baogao/hb/",
        "/baogao/huadong/",
        "/sitemap.xml",
    ] {
        let p = find(&pages, &u(l));
        assert_eq!(p.kind, PageKind::Listing, "{l}");
        assert!(p.body.is_none());
    }

    // dangling links: Error rows with status 404
    let dangling: Vec<_> = pages
        .iter()
        .filter(|p| p.url.contains("/baogao/hb/80"))
        .collect();
    assert!(dangling.len() >= 11, "{}", dangling.len());
    for p in &dangling {
        assert_eq!(
            (p.kind, p.status),
            (PageKind::Error, Some(404)),
            "{}",
            p.url
        );
        assert!(p.error.as_deref().unwrap().contains(&p.url));
        assert!(p.referrer.is_some());
    }

    // robots.txt: /e/ links are rows, never requests
    let log = server.log.paths();
    assert!(
        !log.iter()
            .any(|p| p.starts_with("/e/") || p.starts_with("/search/")),
        "{log:?}"
    );
    let blocked: Vec<_> = pages.iter().filter(|p| p.url.contains("/e/")).collect();
    assert!(!blocked.is_empty());
    for p in &blocked {
        assert_eq!(p.kind, PageKind::Error);
        assert!(
            p.error
                .as_deref()
                .unwrap()
                .contains("disallowed by robots.txt"),
            "{:?}",
            p.error
        );
    }
    assert_eq!(stats.robots_blocked, blocked.len() as u64);
    assert_eq!(log.iter().filter(|p| *p == "/robots.txt").count(), 1);

    // no URL requested twice, one row per URL
    let mut seen = HashSet::new();
    for p in &log {
        assert!(seen.insert(p), "{p} requested twice");
    }
    let mut rows = HashSet::new();
    for p in &pages {
        assert!(rows.insert(&p.url), "{} has two rows", p.url);
    }
    // links outside `follow` are not rows (and not requested)
    assert!(
        !pages
            .iter()
            .any(|p| p.url.contains("/about/") || p.url.contains("/plus/"))
    );
    assert!(!log.iter().any(|p| p.starts_with("/about/")));
    assert_eq!(stats.pages, pages.len() as u64);
    assert_eq!(stats.html, 5);
    assert_eq!(stats.requests, log.len() as u64);
}

#[tokio::test]
async fn depth_limits_link_hops() {
    let server = serve(site_router).await;
    let mut opts = fast_opts(vec![server.url("/baogao/")], &["/baogao/"]);
    opts.max_depth = 1;
    let (pages, _) = crawl(opts).await;
    // depth 1 reaches the section listings but not the articles on them
    assert!(
        pages
            .iter()
            .any(|p| p.url.ends_with("/baogao/hb/") && p.depth == 1)
    );
    assert!(
        !pages.iter().any(|p| p.kind == PageKind::Html),
        "{:?}",
        pages.iter().map(|p| &p.url).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn committed_articles_are_not_fetched_again() {
    let server = serve(site_router).await;
    let u = |p: &str| server.url(p).to_string();
    let skip: HashSet<String> = [u("/baogao/hb/6731.html"), u("/baogao/hb/5955.html")].into();
    let opts = fast_opts(vec![server.url("/baogao/hb/")], &["/baogao/hb/\\d+"]);
    let (pages, stats) = crawl_with(opts, &skip, &HashMap::new()).await;
    let log = server.log.paths();
    assert!(!log.contains(&"/baogao/hb/6731.html".to_owned()));
    assert!(
        !log.iter().any(|p| p.starts_with("/baogao/hb/5955")),
        "{log:?}"
    );
    assert!(
        !pages
            .iter()
            .any(|p| p.url.contains("6731") || p.url.contains("5955"))
    );
    assert!(
        pages
            .iter()
            .any(|p| p.url == u("/baogao/hb/6000.html") && p.kind == PageKind::Html)
    );
    assert_eq!(stats.skipped, 2);
}

#[tokio::test]
async fn same_body_hash_gives_an_unchanged_row() {
    let server = serve(site_router).await;
    let u = |p: &str| server.url(p).to_string();
    let opts = fast_opts(vec![server.url("/baogao/hb/7861.html")], &[]);
    let (pages, _) = crawl(opts.clone()).await;
    let first = find(&pages, &u("/baogao/hb/7861.html")).clone();
    assert_eq!(first.kind, PageKind::Html);
    let previous: HashMap<String, Previous> = [(
        first.url.clone(),
        Previous {
            body_sha256: first.body_sha256.clone(),
            ..Previous::default()
        },
    )]
    .into();
    let (pages, stats) = crawl_with(opts, &HashSet::new(), &previous).await;
    let again = find(&pages, &u("/baogao/hb/7861.html"));
    assert_eq!(again.kind, PageKind::Unchanged);
    assert!(again.body.is_none());
    assert_eq!(again.body_sha256, first.body_sha256);
    assert_eq!(stats.unchanged, 1);
}

#[tokio::test]
async fn starting_on_a_later_part_gives_the_whole_article() {
    let server = serve(site_router).await;
    let u = |p: &str| server.url(p).to_string();
    let (pages, _) = crawl(fast_opts(vec![server.url("/baogao/hb/5955_2.html")], &[])).await;
    let html: Vec<_> = pages.iter().filter(|p| p.kind == PageKind::Html).collect();
    assert_eq!(html.len(), 1);
    assert_eq!(html[0].url, u("/baogao/hb/5955.html"));
    assert_eq!(html[0].page_urls.len(), 3);
}
