//! One URL as the crawl requests it: robots.txt (fetched once per host), then the request,
//! then its redirects, followed one hop at a time. Each hop is held to the rules a link is
//! held to — `same_host`, `deny`, `follow` (for links) and the robots.txt of the hop's host,
//! fetched first if the crawl has not met that host yet — and waits for its own host's rate
//! limit; a hop that breaks a rule ends the chain with an `Error` row naming the rule.

use std::sync::Arc;

use url::Url;

use crate::crawl::{Inner, RunCtx};
use crate::error::FetchError;
use crate::host::{Cancelled, Host, Robots, agent_token};
use crate::http::{BodyPolicy, Failure, Fetched};
use crate::options::Previous;
use crate::urls::{is_http, normalize_url};

/// Where the first URL of a chain of redirects came from, which decides the rules its hops
/// are held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A robots.txt: only the limits (http/https, loops, `max_redirects`); it may go anywhere.
    Robots,
    /// A seed: may leave the crawled hosts (`gov.cn` → `www.gov.cn`); `deny` and robots.txt
    /// apply.
    Seed,
    /// A sitemap entry or a part of an article: `same_host`, `deny` and robots.txt apply,
    /// `follow` does not (as for the URL itself).
    Unfollowed,
    /// A link found on a page: `same_host`, `deny`, `follow` and robots.txt, as for the link.
    Link,
}

/// Checks robots.txt of `host` for `url` (fetching it once per host).
pub(crate) async fn robots_check(
    inner: &Inner,
    host: &Host,
    url: &Url,
    ctx: &RunCtx,
) -> Result<Result<(), FetchError>, Cancelled> {
    if !inner.opts.respect_robots {
        return Ok(Ok(()));
    }
    // boxed: fetching robots.txt follows its redirects, which is what calls this
    let robots = host
        .robots
        .get_or_try_init(|| Box::pin(fetch_robots(inner, host, url, ctx)))
        .await?;
    Ok(robots.check(url))
}

async fn fetch_robots(
    inner: &Inner,
    host: &Host,
    url: &Url,
    ctx: &RunCtx,
) -> Result<Robots, Cancelled> {
    let Ok(robots_url) = url.join("/robots.txt") else {
        return Ok(Robots::AllowAll);
    };
    let host_arc = inner.host(&robots_url);
    let robots = match fetch(
        inner,
        ctx,
        host_arc,
        &robots_url,
        None,
        BodyPolicy::Always,
        Origin::Robots,
    )
    .await
    {
        Fetched::Cancelled => return Err(Cancelled),
        Fetched::Ok(r) => Robots::parse(
            agent_token(&inner.opts.user_agent),
            r.body.as_deref().unwrap_or_default(),
        ),
        Fetched::Failed(f) => match f.status {
            Some(s) if (400..500).contains(&s) => Robots::AllowAll,
            Some(s) if s >= 500 => Robots::Unavailable(format!("status {s}")),
            // no answer, or a redirect refused (a loop, too many, not http)
            _ => Robots::Unavailable(f.error.to_string()),
        },
        Fetched::Redirect(_) => unreachable!("`fetch` follows redirects"),
    };
    if let Robots::Unavailable(reason) = &robots {
        tracing::warn!(host = %host.key, %reason, "robots.txt unavailable, host treated as disallowed");
    }
    if let Some(delay) = robots.crawl_delay() {
        let capped = delay.min(inner.opts.max_crawl_delay);
        if capped < delay {
            tracing::warn!(host = %host.key, crawl_delay_s = delay.as_secs_f64(), cap_s = capped.as_secs_f64(), "robots.txt crawl-delay clamped to max_crawl_delay");
        }
        host.set_crawl_delay(capped);
    }
    Ok(robots)
}

/// GETs `url` (whose host is `host`; its robots.txt already checked by the caller) and follows
/// its redirects, each hop checked by [`check_hop`] and sent when its own host allows.
/// Never returns [`Fetched::Redirect`]. The response's `final_url` is the last hop, its
/// `attempts` the most any hop took.
pub(crate) async fn fetch(
    inner: &Inner,
    ctx: &RunCtx,
    mut host: Arc<Host>,
    url: &Url,
    previous: Option<&Previous>,
    policy: BodyPolicy,
    origin: Origin,
) -> Fetched {
    let mut chain: Vec<Url> = vec![url.clone()];
    let mut attempts = 0;
    loop {
        let current = chain.last().expect("the chain starts with `url`");
        match inner
            .fetcher
            .fetch(&host, current, previous, policy, &ctx.cancel)
            .await
        {
            Fetched::Ok(mut r) => {
                r.attempts = r.attempts.max(attempts);
                return Fetched::Ok(r);
            }
            Fetched::Failed(mut f) => {
                f.attempts = f.attempts.max(attempts);
                return Fetched::Failed(f);
            }
            Fetched::Cancelled => return Fetched::Cancelled,
            Fetched::Redirect(r) => {
                attempts = attempts.max(r.attempts);
                let mut to = r.to;
                to.set_fragment(None);
                match check_hop(inner, ctx, &chain, &to, origin).await {
                    Err(Cancelled) => return Fetched::Cancelled,
                    Ok(Err(refused)) => {
                        tracing::info!(%url, %to, reason = %refused.reason, "redirect refused");
                        let error = if refused.robots {
                            FetchError::RedirectDisallowed {
                                url: url.to_string(),
                                reason: refused.reason,
                            }
                        } else {
                            FetchError::Redirect {
                                url: url.to_string(),
                                reason: refused.reason,
                            }
                        };
                        return Fetched::Failed(Failure {
                            status: Some(r.status),
                            attempts,
                            error,
                            robots_blocked: refused.robots,
                        });
                    }
                    Ok(Ok(next)) => {
                        host = next;
                        chain.push(to);
                    }
                }
            }
        }
    }
}

/// Why a hop is not followed.
struct Refused {
    reason: String,
    /// By robots.txt (counted with the URLs robots.txt refuses).
    robots: bool,
}

impl Refused {
    fn rule(reason: String) -> Refused {
        Refused {
            reason,
            robots: false,
        }
    }
}

/// Whether the chain `chain` may go on to `to`; if so, the state of `to`'s host (whose
/// robots.txt was fetched, when it is respected and was not yet).
async fn check_hop(
    inner: &Inner,
    ctx: &RunCtx,
    chain: &[Url],
    to: &Url,
    origin: Origin,
) -> Result<Result<Arc<Host>, Refused>, Cancelled> {
    let opts = &inner.opts;
    if !is_http(to) {
        return Ok(Err(Refused::rule(format!(
            "redirect to a `{}` url (`{to}`) is not followed",
            to.scheme()
        ))));
    }
    if chain.contains(to) {
        return Ok(Err(Refused::rule(format!("redirect loop at `{to}`"))));
    }
    if chain.len() > opts.max_redirects {
        return Ok(Err(Refused::rule(format!(
            "more than {} redirects",
            opts.max_redirects
        ))));
    }
    if origin != Origin::Robots {
        if let Some(why) = inner.fetcher.scope.refuse(origin == Origin::Seed, to) {
            return Ok(Err(Refused::rule(why)));
        }
        let key = normalize_url(to);
        if let Some(re) = opts.deny.iter().find(|r| r.is_match(key.as_str())) {
            return Ok(Err(Refused::rule(format!(
                "redirect to `{to}` matches deny pattern `{re}`"
            ))));
        }
        if origin == Origin::Link && !opts.follow.iter().any(|r| r.is_match(key.as_str())) {
            return Ok(Err(Refused::rule(format!(
                "redirect to `{to}` matches no follow pattern"
            ))));
        }
    }
    let host = inner.host(to);
    if origin != Origin::Robots {
        match robots_check(inner, &host, to, ctx).await? {
            Ok(()) => {}
            Err(FetchError::RobotsUnavailable { reason, .. }) => {
                return Ok(Err(Refused {
                    reason: format!(
                        "redirect to `{to}`: robots.txt of `{}` unavailable ({reason}), the host is treated as disallowed",
                        host.key
                    ),
                    robots: true,
                }));
            }
            Err(_) => {
                return Ok(Err(Refused {
                    reason: format!(
                        "redirect to `{to}` is disallowed by robots.txt of `{}`",
                        host.key
                    ),
                    robots: true,
                }));
            }
        }
    }
    Ok(Ok(host))
}
