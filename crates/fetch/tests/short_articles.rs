//! Short two-part articles wrapped in boilerplate (issue 22): every article is crawled as one
//! `Html` row holding both parts, whichever part the crawl meets first, and the listing pages
//! around them stay listings whose links are followed. The sites come from the generator in
//! `support/short_sites.rs` (four layouts: aggregator, government portal, old GBK table layout,
//! news portal with spam and comment forms).

#[path = "support/short_sites.rs"]
mod short_sites;
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use baogao_model::PAGE_BREAK;
use baogao_model::{Page, PageKind};
use short_sites::{Layout, ShortSite};
use support::{Server, crawl, fast_opts, serve, status};

/// 31 articles, as in the report of issue 22.
const PER_LAYOUT: [usize; 4] = [8, 8, 8, 7];

fn router(site: Arc<ShortSite>) -> Router {
    Router::new().fallback(move |req: Request| {
        let site = site.clone();
        async move {
            let pq = req
                .uri()
                .path_and_query()
                .map_or_else(|| req.uri().path().to_owned(), ToString::to_string);
            let Some((ct, bytes)) = site.get(&pq) else {
                return status(StatusCode::NOT_FOUND);
            };
            let mut r = Response::new(axum::body::Body::from(bytes.to_vec()));
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            r
        }
    })
}

async fn serve_site(seed: u64) -> (Arc<ShortSite>, Server) {
    let site = Arc::new(ShortSite::generate(seed, PER_LAYOUT));
    let s = site.clone();
    let server = serve(move |_| router(s)).await;
    (site, server)
}

/// The paragraphs of `gold` appear in `body` (HTML of the joined parts) in order, each part's
/// before the page break that ends it.
fn assert_holds_parts(body: &str, article: &short_sites::Article, url: &str) {
    let parts: Vec<&str> = body.split(PAGE_BREAK).collect();
    assert_eq!(parts.len(), 2, "{url}: {} parts", parts.len());
    for (k, (html, gold)) in parts.iter().zip(&article.gold).enumerate() {
        // keyword links inside the text: compare the text with tags dropped
        let text = strip_tags(html);
        let mut from = 0;
        for para in gold {
            let at = text[from..]
                .find(para.as_str())
                .unwrap_or_else(|| panic!("{url}: part {} lacks {para:?}", k + 1));
            from += at + para.len();
        }
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every article is exactly one `Html` row with both parts in order; no part is a row of its
/// own or a part of two rows.
fn assert_one_row_per_article(site: &ShortSite, server: &Server, pages: &[Page]) {
    let u = |p: &str| server.url(p).to_string();
    let html: Vec<&Page> = pages.iter().filter(|p| p.kind == PageKind::Html).collect();
    let mut in_rows: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &html {
        for part in &p.page_urls {
            *in_rows.entry(part.as_str()).or_default() += 1;
        }
    }
    for a in &site.articles {
        let want = [u(&a.paths[0]), u(&a.paths[1])];
        let rows: Vec<&&Page> = html.iter().filter(|p| p.url == want[0]).collect();
        assert_eq!(
            rows.len(),
            1,
            "{:?} `{}`: {} rows; rows of the site: {:#?}",
            a.layout,
            a.paths[0],
            rows.len(),
            pages
                .iter()
                .map(|p| (&p.url, p.kind, &p.page_urls))
                .collect::<Vec<_>>()
        );
        assert_eq!(rows[0].page_urls, want, "{:?}", a.layout);
        for w in &want {
            assert_eq!(in_rows.get(w.as_str()), Some(&1), "{w} in rows");
        }
        assert_holds_parts(rows[0].body.as_deref().expect("body"), a, &want[0]);
    }
    assert_eq!(html.len(), site.articles.len(), "one row per article");
}

#[tokio::test]
async fn every_short_two_part_article_is_one_row_with_both_parts() {
    for seed in [1, 22, 2015] {
        let (site, server) = serve_site(seed).await;
        let seeds = ShortSite::seeds()
            .into_iter()
            .map(|p| server.url(p))
            .collect();
        let mut opts = fast_opts(seeds, &ShortSite::FOLLOW);
        opts.max_depth = 4;
        let (pages, stats) = crawl(opts).await;
        let errors: Vec<&str> = pages
            .iter()
            .filter(|p| p.kind == PageKind::Error)
            .map(|p| p.url.as_str())
            .collect();
        assert!(errors.is_empty(), "seed {seed}: {stats:?} {errors:#?}");
        assert_one_row_per_article(&site, &server, &pages);

        // the listings are listings, and their links were followed (both pages of each)
        for layout in Layout::ALL {
            for path in layout.listings() {
                let url = baogao_fetch::normalize_str(server.url(path).as_str()).unwrap();
                let row = support::find(&pages, &url);
                assert_eq!(row.kind, PageKind::Listing, "seed {seed}: {path}");
            }
        }
        // the second listing page is reached only through the first one's page bar, and its
        // articles through it: all were found
        let requested: BTreeSet<String> = server.log.paths().into_iter().collect();
        for a in &site.articles {
            assert!(
                requested.contains(&a.paths[0]),
                "seed {seed}: {}",
                a.paths[0]
            );
        }
        // no page was requested twice
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for p in server.log.paths() {
            *counts.entry(p).or_default() += 1;
        }
        let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "seed {seed}: requested twice: {twice:?}");
    }
}

#[tokio::test]
async fn an_article_met_by_its_second_part_first_is_joined_to_its_first_part() {
    let (site, server) = serve_site(7).await;
    // The crawl starts from every article's second part (a related-article list or a search
    // engine can lead there): each becomes one row that starts with the first part.
    let seeds = site
        .articles
        .iter()
        .map(|a| server.url(&a.paths[1]))
        .collect();
    let mut opts = fast_opts(seeds, &["/nothing-else/"]);
    opts.max_depth = 0;
    let (pages, _) = crawl(opts).await;
    assert_one_row_per_article(&site, &server, &pages);
}
