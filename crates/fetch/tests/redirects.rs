//! Redirects are followed one hop at a time, and every hop is held to the rules a link is held
//! to: robots.txt of the hop's host (fetched first), `deny`, `follow`, the crawled hosts, and
//! the hop's host's rate limit.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use baogao_fetch::HostOverride;
use baogao_model::PageKind;
use support::{article, crawl, fast_opts, find, html, serve, status};

fn redirect(to: &str) -> Response {
    let mut r = status(StatusCode::FOUND);
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_str(to).unwrap());
    r
}

fn to(path: &'static str) -> impl Fn() -> std::future::Ready<Response> + Clone {
    move || std::future::ready(redirect(path))
}

fn page(links: &'static str) -> impl Fn() -> std::future::Ready<Response> + Clone {
    move || std::future::ready(html("text/html", article("p", links)))
}

/// Every request as `(host:port, path, when)`, in the order the server saw them.
#[derive(Clone, Default)]
struct HostLog(Arc<Mutex<Vec<(String, String, Instant)>>>);

impl HostLog {
    fn layer(&self, router: Router) -> Router {
        let log = self.clone();
        router.layer(axum::middleware::from_fn(
            move |req: Request, next: Next| {
                let log = log.clone();
                async move {
                    let host = req
                        .headers()
                        .get(header::HOST)
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    let path = req.uri().path().to_owned();
                    log.0.lock().unwrap().push((host, path, Instant::now()));
                    next.run(req).await
                }
            },
        ))
    }

    fn requests(&self) -> Vec<(String, String)> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|(h, p, _)| (h.clone(), p.clone()))
            .collect()
    }

    fn position(&self, host: &str, path: &str) -> Option<usize> {
        self.requests()
            .iter()
            .position(|(h, p)| h == host && p == path)
    }

    fn times(&self, host: &str) -> Vec<Instant> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(h, _, _)| h == host)
            .map(|(_, _, t)| *t)
            .collect()
    }
}

#[tokio::test]
async fn redirect_into_disallowed_path_is_not_fetched() {
    let server = serve(|_| {
        Router::new()
            .route(
                "/robots.txt",
                get(|| async { html("text/plain", "User-agent: *\nDisallow: /private/\n") }),
            )
            .route(
                "/p1",
                get(page(
                    r#"<a href="/go-private">a</a><a href="/go-denied">b</a><a href="/go-elsewhere">c</a><a href="/go-ok">d</a>"#,
                )),
            )
            .route("/go-private", get(to("/private/x")))
            .route("/go-denied", get(to("/denied/y")))
            .route("/go-elsewhere", get(to("/other/z")))
            .route("/go-ok", get(to("/p2")))
            .route("/p2", get(page("")))
            .route("/private/x", get(page("")))
            .route("/denied/y", get(page("")))
            .route("/other/z", get(page("")))
    })
    .await;
    // `follow` would take `/private/` and `/denied/` links: only robots.txt and `deny` stop them
    let mut opts = fast_opts(
        vec![server.url("/p1")],
        &["/go-", "/p[0-9]", "/private/", "/denied/"],
    );
    opts.deny = vec![regex::Regex::new("/denied/").unwrap()];
    opts.respect_robots = true;
    let (pages, stats) = crawl(opts).await;

    let paths = server.log.paths();
    for never in ["/private/x", "/denied/y", "/other/z"] {
        assert!(
            !paths.iter().any(|p| p == never),
            "{never} was fetched: {paths:?}"
        );
    }
    for (from, why) in [
        (
            "/go-private",
            format!(
                "redirect to `{}` is disallowed by robots.txt of `{}`",
                server.url("/private/x"),
                server.base.authority()
            ),
        ),
        (
            "/go-denied",
            format!(
                "redirect to `{}` matches deny pattern `/denied/`",
                server.url("/denied/y")
            ),
        ),
        (
            "/go-elsewhere",
            format!(
                "redirect to `{}` matches no follow pattern",
                server.url("/other/z")
            ),
        ),
    ] {
        let p = find(&pages, server.url(from).as_str());
        assert_eq!((p.kind, p.status), (PageKind::Error, Some(302)), "{from}");
        let e = p.error.as_deref().unwrap();
        assert!(
            e.starts_with(&format!("`{}`: redirect refused", server.url(from))) && e.contains(&why),
            "{from}: {e}"
        );
    }
    assert_eq!(stats.robots_blocked, 1);
    // an allowed hop is followed
    let ok = find(&pages, server.url("/go-ok").as_str());
    assert_eq!(ok.kind, PageKind::Html);
    assert_eq!(ok.final_url, server.url("/p2").as_str());
}

#[tokio::test]
async fn seed_redirect_to_other_host_reads_its_robots_first() {
    // `localhost` is another host for the same loopback server: robots.txt by `Host`
    let log = HostLog::default();
    let server = serve({
        let log = log.clone();
        move |base| {
            let away = base.replace("127.0.0.1", "localhost");
            let home = format!("{away}/home");
            let private = format!("{away}/private/b");
            let router = Router::new()
                .route(
                    "/robots.txt",
                    get(|req: Request| async move {
                        let host = req
                            .headers()
                            .get(header::HOST)
                            .and_then(|h| h.to_str().ok())
                            .unwrap_or_default();
                        if host.starts_with("localhost") {
                            html("text/plain", "User-agent: *\nDisallow: /private/\n")
                        } else {
                            html("text/plain", "User-agent: *\nAllow: /\n")
                        }
                    }),
                )
                .route("/start", get(move || std::future::ready(redirect(&home))))
                .route(
                    "/start-private",
                    get(move || std::future::ready(redirect(&private))),
                )
                .route(
                    "/home",
                    get(page(r#"<a href="/private/a">a</a><a href="/p3">3</a>"#)),
                )
                .route("/p3", get(page("")))
                .route("/private/a", get(page("")))
                .route("/private/b", get(page("")));
            log.layer(router)
        }
    })
    .await;
    let here = server.base.authority().to_owned();
    let away = here.replace("127.0.0.1", "localhost");
    let mut opts = fast_opts(
        vec![server.url("/start"), server.url("/start-private")],
        &[".*"],
    );
    opts.respect_robots = true;
    let (pages, stats) = crawl(opts).await;
    let requests = log.requests();

    // the other host's robots.txt comes before its first page
    let robots = log
        .position(&away, "/robots.txt")
        .expect("robots.txt of the other host");
    let home = log.position(&away, "/home").expect("the seed's target");
    assert!(robots < home, "{requests:?}");
    assert_eq!(
        requests
            .iter()
            .filter(|(h, p)| *h == away && p == "/robots.txt")
            .count(),
        1,
        "robots.txt is fetched once per host: {requests:?}"
    );
    let seed = find(&pages, server.url("/start").as_str());
    assert_eq!(seed.kind, PageKind::Html);
    assert_eq!(seed.final_url, format!("http://{away}/home"));
    // the links of the redirected seed are crawled under that host's robots.txt
    assert!(log.position(&away, "/p3").is_some(), "{requests:?}");
    assert!(
        !requests.iter().any(|(_, p)| p.starts_with("/private/")),
        "{requests:?}"
    );
    // a seed redirecting into a path the other host disallows is an error row
    let p = find(&pages, server.url("/start-private").as_str());
    assert_eq!(p.kind, PageKind::Error);
    let e = p.error.as_deref().unwrap();
    assert!(
        e.contains(&format!(
            "redirect to `http://{away}/private/b` is disallowed by robots.txt of `{away}`"
        )),
        "{e}"
    );
    // `/private/a` (a link) and `/private/b` (a redirect)
    assert_eq!(stats.robots_blocked, 2);
}

#[tokio::test]
async fn a_hop_to_another_host_waits_for_that_hosts_rate() {
    // two seeds on 127.0.0.1 redirect to two pages on `localhost`, which allows one request
    // per 500 ms: the two hops must not go out together
    let log = HostLog::default();
    let server = serve({
        let log = log.clone();
        move |base| {
            let away = base.replace("127.0.0.1", "localhost");
            let (a, b) = (format!("{away}/a"), format!("{away}/b"));
            let router = Router::new()
                .route("/ra", get(move || std::future::ready(redirect(&a))))
                .route("/rb", get(move || std::future::ready(redirect(&b))))
                .route("/a", get(page("")))
                .route("/b", get(page("")));
            log.layer(router)
        }
    })
    .await;
    let away = server.base.authority().replace("127.0.0.1", "localhost");
    let mut opts = fast_opts(vec![server.url("/ra"), server.url("/rb")], &[]);
    opts.hosts.insert(
        "localhost".into(),
        HostOverride {
            rate: Some(2.0),
            burst: Some(1),
        },
    );
    let (pages, _) = crawl(opts).await;
    assert!(pages.iter().all(|p| p.kind == PageKind::Html), "{pages:?}");
    let times = log.times(&away);
    assert_eq!(times.len(), 2, "{:?}", log.requests());
    let gap = times[1] - times[0];
    assert!(gap >= Duration::from_millis(450), "{gap:?}");
}
