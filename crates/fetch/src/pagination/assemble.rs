//! Assembly: an article's other parts fetched in order, and the one row made of them all.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use baogao_model::{PAGE_BREAK, PageKind};
use url::Url;

use super::bar::{candidates, links_to_first_part};
use super::{MAX_PARTS, part_of};
use crate::charset::Decoded;
use crate::crawl::{Inner, RunCtx};
use crate::host::{Cancelled, Host};
use crate::html::Analysis;
use crate::http::{BodyPolicy, Fetched, Response};
use crate::job::{
    Job, TaskResult, count, digest, error_page, ok_page, push_document, push_links, sha_hex,
};
use crate::request::{self, Origin, robots_check};
use crate::urls::{normalize_url, origin_key};

/// One fetched part of an article.
struct Part {
    key: String,
    bytes: Vec<u8>,
    text: String,
    /// Malformed byte sequences replaced while decoding it.
    errors: usize,
}

/// Fetches every other part of the article that `job` fetched first (`first`, its `bytes`,
/// `decoded` and `analysis`) and adds one `Html` (or `Unchanged`) row for all to `out`.
///
/// Parts are taken in the order of their numbers as they become known: the first part's page
/// bar names some, each later part's bar may name more ([`candidates`]). A part already
/// claimed in this run is skipped; one whose content repeats an earlier part's (`?page=99`
/// answering the last page) is dropped and its bar not read; at most [`MAX_PARTS`] are
/// fetched. A part that fails gives its own `Error` row; the article keeps the others.
/// Cancelled midway, `out` is left with no rows.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn assemble(
    inner: &Inner,
    ctx: &RunCtx,
    host: &Arc<Host>,
    job: &Job,
    first: Response,
    bytes: Vec<u8>,
    decoded: Decoded,
    analysis: &Analysis,
    out: &mut TaskResult,
) {
    let origin = origin_key(&job.url);
    let (base, n0) = match part_of(&job.url) {
        Some((b, n)) if links_to_first_part(&analysis.links, &origin, &b, &job.key) => (b, n),
        _ => (job.key.clone(), 0),
    };
    let mut parts: BTreeMap<u32, Part> = BTreeMap::new();
    parts.insert(
        n0,
        Part {
            key: job.key.clone(),
            bytes,
            text: decoded.text,
            errors: decoded.errors,
        },
    );
    let mut known: BTreeMap<u32, Url> = BTreeMap::new();
    candidates(&analysis.links, &origin, &base, &job.key, n0, &mut known);
    let mut attempts = first.attempts;
    let mut seen_content = HashSet::from([analysis.fingerprint]);
    let mut tried: BTreeSet<u32> = BTreeSet::from([n0]);
    while let Some((&n, url)) = known.iter().find(|(n, _)| !tried.contains(*n)) {
        let url = url.clone();
        tried.insert(n);
        if parts.len() >= MAX_PARTS {
            tracing::warn!(url = %job.key, "article has more than {MAX_PARTS} parts; the rest is not fetched");
            break;
        }
        let key = normalize_url(&url).to_string();
        if !ctx.claim(&key) {
            tracing::debug!(part = %key, "part already fetched in this run");
            continue;
        }
        let part_job = Job {
            url: url.clone(),
            key: key.clone(),
            referrer: Some(job.key.clone()),
            seed: false,
            from_sitemap: false,
            in_skip: false,
            previous: None,
            depth: job.depth,
        };
        let resp = match fetch_part(inner, ctx, host, job, &url, &key, out).await {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(Cancelled) => {
                out.cancelled = true;
                out.pages.clear();
                return;
            }
        };
        attempts = attempts.max(resp.attempts);
        let body = resp.body.unwrap_or_default();
        let (bytes, decoded, analysis) =
            digest(body, resp.content_type.clone(), resp.final_url.clone()).await;
        if !seen_content.insert(analysis.fingerprint) {
            // `?page=99` answered with a page we have: the end of a loop, not a new part
            tracing::debug!(part = %key, "part repeats an earlier part; pagination ends here");
            continue;
        }
        push_links(out, &analysis.links, &part_job);
        candidates(&analysis.links, &origin, &base, &key, n, &mut known);
        parts.insert(
            n,
            Part {
                key,
                bytes,
                text: decoded.text,
                errors: decoded.errors,
            },
        );
    }

    let raw: Vec<&[u8]> = parts.values().map(|p| p.bytes.as_slice()).collect();
    let sha = sha_hex(&raw);
    let mut page = ok_page(job, PageKind::Html, &first);
    page.url
        .clone_from(&parts.values().next().expect("first part").key);
    page.page_urls = parts.values().map(|p| p.key.clone()).collect();
    page.attempts = attempts;
    page.declared_charset = decoded.declared;
    page.detected_charset = Some(decoded.used);
    page.decode_errors = Some(count(parts.values().map(|p| p.errors).sum()));
    let unchanged =
        job.previous.as_ref().and_then(|p| p.body_sha256.as_deref()) == Some(sha.as_str());
    if unchanged {
        page.kind = PageKind::Unchanged;
    } else {
        let texts: Vec<&str> = parts.values().map(|p| p.text.as_str()).collect();
        page.body = Some(texts.join(PAGE_BREAK));
    }
    page.body_sha256 = Some(sha);
    push_document(out, job, page);
}

/// Part `url` (normalised: `key`) of `job`'s article, held to robots.txt and fetched with the
/// body whatever its type. A part refused or failed for good adds its own `Error` row to `out`
/// and gives `None`.
async fn fetch_part(
    inner: &Inner,
    ctx: &RunCtx,
    host: &Arc<Host>,
    job: &Job,
    url: &Url,
    key: &str,
    out: &mut TaskResult,
) -> Result<Option<Response>, Cancelled> {
    if let Err(err) = robots_check(inner, host, url, ctx).await? {
        out.robots_blocked += 1;
        out.pages.push(error_page(
            key,
            job.depth,
            Some(job.key.clone()),
            None,
            0,
            &err,
        ));
        return Ok(None);
    }
    match request::fetch(
        inner,
        ctx,
        Arc::clone(host),
        url,
        None,
        BodyPolicy::Always,
        Origin::Unfollowed,
    )
    .await
    {
        Fetched::Ok(r) => Ok(Some(r)),
        Fetched::Redirect(_) => unreachable!("`request::fetch` follows redirects"),
        Fetched::Failed(f) => {
            tracing::warn!(part = %key, err = %f.error, "article part failed");
            out.robots_blocked += u64::from(f.robots_blocked);
            out.pages.push(error_page(
                key,
                job.depth,
                Some(job.key.clone()),
                f.status,
                f.attempts,
                &f.error,
            ));
            Ok(None)
        }
        Fetched::Cancelled => Err(Cancelled),
    }
}
