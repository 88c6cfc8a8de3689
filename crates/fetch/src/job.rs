//! One URL taken from the frontier: robots check, fetch, classification (sitemap, listing,
//! article, binary), multi-page assembly, and the rows and links that come out of it.

use std::collections::BTreeMap;
use std::sync::Arc;

use baogao_model::{CrawledPage, ErrorKind, PAGE_BREAK, Page, PageKind};
use chrono::Utc;
use sha2::{Digest, Sha256};
use url::Url;

use crate::charset::{self, Decoded};
use crate::crawl::{Inner, RunCtx};
use crate::error::FetchError;
use crate::host::{Cancelled, Host};
use crate::html::{self, Analysis, Link};
use crate::http::{BodyPolicy, Fetched, Response};
use crate::options::Previous;
use crate::request::{self, Origin, robots_check};
use crate::urls::{
    has_binary_extension, has_origin, looks_like_document, normalize_url, origin_key, part_of,
};

/// Parts fetched for one article at most.
const MAX_PARTS: usize = 200;

/// A URL being fetched (the frontier keeps the smaller `crawl::Pending`).
#[derive(Debug, Clone)]
pub(crate) struct Job {
    /// Normalised URL.
    pub(crate) url: Url,
    /// `url` as a string (the dedup key).
    pub(crate) key: String,
    pub(crate) depth: u32,
    pub(crate) referrer: Option<String>,
    pub(crate) seed: bool,
    /// An entry of a sitemap (not held to `follow`, nor are its redirects).
    pub(crate) from_sitemap: bool,
    /// Committed by an earlier run.
    pub(crate) in_skip: bool,
    pub(crate) previous: Option<Previous>,
}

impl Job {
    /// The rules the job's redirects are held to.
    fn origin(&self) -> Origin {
        if self.seed {
            Origin::Seed
        } else if self.from_sitemap {
            Origin::Unfollowed
        } else {
            Origin::Link
        }
    }
}

/// A link found on a page (or a sitemap entry), not yet admitted.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub(crate) url: Url,
    pub(crate) depth: u32,
    /// The page it was found on (shared by all of that page's links).
    pub(crate) referrer: Arc<str>,
    pub(crate) from_sitemap: bool,
}

/// What a task hands back to the crawl loop.
#[derive(Debug, Default)]
pub(crate) struct TaskResult {
    pub(crate) pages: Vec<CrawledPage>,
    pub(crate) links: Vec<Found>,
    /// Rows not emitted because the URL was committed earlier.
    pub(crate) skipped: u64,
    /// Cancelled before its request went out: no row.
    pub(crate) cancelled: bool,
    /// URLs refused by robots.txt (their `Error` rows are in `pages`).
    pub(crate) robots_blocked: u64,
    /// The job was a seed and redirected to this other host.
    pub(crate) seed_redirected_to: Option<String>,
}

/// An `Error` row for `url`, with its kind: the status when it is an error status (400 and
/// above), else what `err` is.
pub(crate) fn error_page(
    url: &str,
    depth: u32,
    referrer: Option<String>,
    status: Option<u16>,
    attempts: u32,
    err: &FetchError,
) -> CrawledPage {
    let kind = match status {
        Some(s) if s >= 400 => ErrorKind::Http(s),
        _ => err.kind(),
    };
    let page = Page {
        url: url.to_owned(),
        final_url: url.to_owned(),
        host: host_of(url),
        fetched_at: Utc::now(),
        kind: PageKind::Error,
        status,
        page_urls: vec![url.to_owned()],
        depth,
        referrer,
        attempts,
        error: Some(err.to_string()),
        ..Page::default()
    };
    CrawledPage {
        page,
        error_kind: Some(kind),
    }
}

fn host_of(url: &str) -> String {
    Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

fn sha_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    hex::encode(h.finalize())
}

/// A row for a successful response (`body`, `page_urls` and charsets filled in by the caller).
fn ok_page(job: &Job, kind: PageKind, r: &Response) -> Page {
    Page {
        url: job.key.clone(),
        final_url: r.final_url.to_string(),
        host: job.url.host_str().unwrap_or_default().to_owned(),
        fetched_at: r.fetched_at,
        kind,
        status: Some(r.status),
        content_type: r.content_type.clone(),
        etag: r.etag.clone(),
        last_modified: r.last_modified.clone(),
        page_urls: vec![job.key.clone()],
        depth: job.depth,
        referrer: job.referrer.clone(),
        attempts: r.attempts,
        ..Page::default()
    }
}

/// What the body is, by `Content-Type` and by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    Sitemap,
    Html,
    Binary,
}

fn sniff(content_type: Option<&str>, body: &[u8], url: &Url) -> BodyKind {
    let mime = content_type
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if (mime.is_empty() || mime == "application/octet-stream") && has_binary_extension(url) {
        return BodyKind::Binary;
    }
    // a PDF or an executable served as text/html is still no page
    if crate::charset::looks_binary(body) {
        return BodyKind::Binary;
    }
    if html::is_sitemap(body)
        && (mime.is_empty()
            || mime.contains("xml")
            || mime.starts_with("text/")
            || mime == "application/octet-stream")
    {
        return BodyKind::Sitemap;
    }
    if mime.contains("html") {
        return BodyKind::Html;
    }
    if mime.is_empty() || mime == "text/plain" || mime == "application/octet-stream" {
        let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
        if [
            "<html",
            "<!doctype html",
            "<head",
            "<body",
            "<meta",
            "<p>",
            "<div",
        ]
        .iter()
        .any(|t| head.contains(t))
        {
            return BodyKind::Html;
        }
    }
    BodyKind::Binary
}

/// A sitemap served gzipped as a file (`sitemap.xml.gz`), not as `Content-Encoding`.
fn is_gz_sitemap(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    let Some(stem) = path.strip_suffix(".gz") else {
        return false;
    };
    std::path::Path::new(stem)
        .extension()
        .is_some_and(|e| e == "xml")
        || stem.contains("sitemap")
}

/// The inflated bytes of a gzip file, or `None` past `limit` bytes (a bomb). Bytes that are not
/// gzip after all come back as they are.
fn gunzip(bytes: &[u8], limit: u64) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit + 1);
    if reader.read_to_end(&mut out).is_err() {
        tracing::debug!("gzip sitemap does not inflate; read as it is");
        return Some(bytes.to_vec());
    }
    (out.len() as u64 <= limit).then_some(out)
}

/// Pages decoded and analysed at once on the blocking pool: one per core.
/// More only adds blocking-pool threads (each fetch in flight had its own,
/// and glibc gave each thread its own heap arena, so peak RSS grew with the
/// crawl's length), not throughput.
static DIGESTS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from))
});

/// Bodies up to this size are decoded and analysed on the async worker
/// that fetched them; larger ones on the blocking pool. Both passes run at
/// ~200–300 MB/s (`BENCHMARKS.md`, item 10), so this is at most ~0.1–0.15 ms
/// of a worker's time, while handing a page to the pool and back costs a
/// thread wake-up on each side: in `perf`, those hand-overs were a quarter
/// of a crawl's context switches, most of them for pages of 10–25 KB.
const INLINE_DIGEST_BYTES: usize = 32 * 1024;

/// Decodes and analyses a page: small ones in place, large ones off the
/// async workers.
async fn digest(
    bytes: Vec<u8>,
    content_type: Option<String>,
    url: Url,
) -> (Vec<u8>, Decoded, Analysis) {
    let inline = bytes.len() <= INLINE_DIGEST_BYTES;
    let work = move || {
        let decoded = charset::decode(&bytes, content_type.as_deref());
        let analysis = html::analyze(&decoded.text, &url);
        (bytes, decoded, analysis)
    };
    if inline {
        return work();
    }
    let _permit = DIGESTS
        .acquire()
        .await
        .expect("the digest semaphore is never closed");
    tokio::task::spawn_blocking(work)
        .await
        .expect("page analysis panicked")
}

/// Processes one URL.
pub(crate) async fn process(inner: Arc<Inner>, ctx: Arc<RunCtx>, job: Job) -> TaskResult {
    let mut out = TaskResult::default();
    let host = inner.host(&job.url);
    match robots_check(&inner, &host, &job.url, &ctx).await {
        Err(Cancelled) => {
            out.cancelled = true;
            return out;
        }
        Ok(Err(err)) => {
            out.robots_blocked += 1;
            out.pages.push(error_page(
                &job.key,
                job.depth,
                job.referrer.clone(),
                None,
                0,
                &err,
            ));
            return out;
        }
        Ok(Ok(())) => {}
    }
    let gz_sitemap = is_gz_sitemap(&job.url);
    let conditional = (!job.seed && looks_like_document(&job.url))
        .then_some(job.previous.as_ref())
        .flatten();
    let mut resp = match request::fetch(
        &inner,
        &ctx,
        Arc::clone(&host),
        &job.url,
        conditional,
        if gz_sitemap {
            BodyPolicy::Always
        } else {
            BodyPolicy::UnlessBinary
        },
        job.origin(),
    )
    .await
    {
        Fetched::Ok(r) => r,
        Fetched::Redirect(_) => unreachable!("`request::fetch` follows redirects"),
        Fetched::Failed(f) => {
            out.robots_blocked += u64::from(f.robots_blocked);
            out.pages.push(error_page(
                &job.key,
                job.depth,
                job.referrer.clone(),
                f.status,
                f.attempts,
                &f.error,
            ));
            return out;
        }
        Fetched::Cancelled => {
            out.cancelled = true;
            return out;
        }
    };
    if job.seed && resp.final_url.host_str() != job.url.host_str() {
        out.seed_redirected_to = resp.final_url.host_str().map(str::to_ascii_lowercase);
    }
    if resp.status == 304 {
        let mut page = ok_page(&job, PageKind::Unchanged, &resp);
        page.body_sha256 = job.previous.as_ref().and_then(|p| p.body_sha256.clone());
        push_document(&mut out, &job, page);
        return out;
    }
    let Some(mut body) = resp.body.take() else {
        push_document(&mut out, &job, ok_page(&job, PageKind::Binary, &resp));
        return out;
    };
    let mut content_type = resp.content_type.clone();
    if gz_sitemap && body.starts_with(&[0x1f, 0x8b]) {
        let limit = inner.opts.max_body_size;
        let inflated = tokio::task::spawn_blocking(move || gunzip(&body, limit))
            .await
            .expect("gunzip panicked");
        let Some(xml) = inflated else {
            let err = FetchError::BodyTooLarge {
                url: job.key.clone(),
                limit,
            };
            out.pages.push(error_page(
                &job.key,
                job.depth,
                job.referrer.clone(),
                Some(resp.status),
                resp.attempts,
                &err,
            ));
            return out;
        };
        body = xml;
        content_type = Some("application/xml".to_owned());
    }
    let kind = if gz_sitemap && html::is_sitemap(&body) {
        BodyKind::Sitemap
    } else {
        sniff(content_type.as_deref(), &body, &resp.final_url)
    };
    match kind {
        BodyKind::Binary => {
            let mut page = ok_page(&job, PageKind::Binary, &resp);
            page.body_sha256 = Some(sha_hex(&[&body]));
            push_document(&mut out, &job, page);
        }
        BodyKind::Sitemap => {
            let sitemap = html::parse_sitemap(&body);
            let referrer: Arc<str> = Arc::from(job.key.as_str());
            for loc in sitemap.locs {
                if let Ok(url) = resp.final_url.join(&loc) {
                    out.links.push(Found {
                        url,
                        depth: job.depth + 1,
                        referrer: Arc::clone(&referrer),
                        from_sitemap: true,
                    });
                }
            }
            let mut page = ok_page(&job, PageKind::Listing, &resp);
            page.body_sha256 = Some(sha_hex(&[&body]));
            out.pages.push(page.into());
        }
        BodyKind::Html => {
            let (bytes, decoded, analysis) =
                digest(body, resp.content_type.clone(), resp.final_url.clone()).await;
            push_links(&mut out, &analysis.links, &job);
            if analysis.is_article() {
                assemble(
                    &inner, &ctx, &host, &job, resp, bytes, decoded, &analysis, &mut out,
                )
                .await;
            } else {
                let mut page = ok_page(&job, PageKind::Listing, &resp);
                page.body_sha256 = Some(sha_hex(&[&bytes]));
                page.declared_charset = decoded.declared;
                page.detected_charset = Some(decoded.used);
                page.decode_errors = Some(count(decoded.errors));
                out.pages.push(page.into());
            }
        }
    }
    out
}

/// Adds a document row (article, binary, unchanged) unless the URL was committed earlier.
fn push_document(out: &mut TaskResult, job: &Job, page: Page) {
    if job.in_skip {
        out.skipped += 1;
    } else {
        out.pages.push(page.into());
    }
}

fn push_links(out: &mut TaskResult, links: &[Link], job: &Job) {
    let referrer: Arc<str> = Arc::from(job.key.as_str());
    out.links.extend(links.iter().map(|l| Found {
        url: l.url.clone(),
        depth: job.depth + 1,
        referrer: Arc::clone(&referrer),
        from_sitemap: false,
    }));
}

/// One fetched part of an article.
struct Part {
    key: String,
    bytes: Vec<u8>,
    text: String,
    /// Malformed byte sequences replaced while decoding it.
    errors: usize,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Other parts of the article whose part `cur_n` has `links`: URLs named like parts of `base`
/// (`base_N.html`, `?page=N`) linked from its page bar, `base` itself (part 0, when we started
/// further on), and "next page" links (下一页 …) into the same directory, which become part
/// `cur_n + 1`. "Next article" links (下一篇) are none of these.
fn candidates(
    links: &[Link],
    origin: &str,
    base: &str,
    cur_key: &str,
    cur_n: u32,
    known: &mut BTreeMap<u32, Url>,
) {
    for l in links {
        if !has_origin(&l.url, origin) {
            continue;
        }
        let mut url = l.url.clone();
        url.set_fragment(None);
        let norm = normalize_url(&url);
        let key = norm.as_str();
        if key == cur_key {
            continue;
        }
        let n = match part_of(&norm) {
            // named like a part, and linked from a page bar (number, 下一页, 第N页 …)
            Some((b, n)) if b == base && html::is_page_bar_text(&l.text) => n,
            None if key == base => 0,
            None if html::is_next_text(&l.text) && same_directory(&norm, cur_key) => cur_n + 1,
            Some(_) | None => continue,
        };
        known.entry(n).or_insert(url);
    }
}

/// The page (named like part `n` of `base`) really is a later part: it links to `base` or to
/// another part of `base` from its page bar. Without that, a name such as `show-12-345.html`
/// (PHPCMS: category 12, article 345) or `t20230329_123.html` (TRS: article 123) is the
/// article's own first page.
fn links_to_first_part(links: &[Link], origin: &str, base: &str, own: &str) -> bool {
    links.iter().any(|l| {
        if !has_origin(&l.url, origin) {
            return false;
        }
        let norm = normalize_url(&l.url);
        if norm.as_str() == own {
            return false;
        }
        norm.as_str() == base
            || (html::is_page_bar_text(&l.text) && part_of(&norm).is_some_and(|(b, _)| b == base))
    })
}

/// `a` and the URL `b` are in the same directory.
fn same_directory(a: &Url, b: &str) -> bool {
    let dir = |s: &str| s.rsplit_once('/').map(|(d, _)| d.to_owned());
    Url::parse(b).is_ok_and(|b| dir(a.path()) == dir(b.path()))
}

/// Fetches every other part of an article and adds one `Html` (or `Unchanged`) row for all.
#[allow(clippy::too_many_arguments)]
async fn assemble(
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
    let mut seen_content = std::collections::HashSet::from([analysis.fingerprint]);
    let mut tried: std::collections::BTreeSet<u32> = std::collections::BTreeSet::from([n0]);
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
        match robots_check(inner, host, &url, ctx).await {
            Err(Cancelled) => {
                out.cancelled = true;
                out.pages.clear();
                return;
            }
            Ok(Err(err)) => {
                out.robots_blocked += 1;
                out.pages.push(error_page(
                    &key,
                    job.depth,
                    Some(job.key.clone()),
                    None,
                    0,
                    &err,
                ));
                continue;
            }
            Ok(Ok(())) => {}
        }
        let resp = match request::fetch(
            inner,
            ctx,
            Arc::clone(host),
            &url,
            None,
            BodyPolicy::Always,
            Origin::Unfollowed,
        )
        .await
        {
            Fetched::Ok(r) => r,
            Fetched::Redirect(_) => unreachable!("`request::fetch` follows redirects"),
            Fetched::Failed(f) => {
                tracing::warn!(part = %key, err = %f.error, "article part failed");
                out.robots_blocked += u64::from(f.robots_blocked);
                out.pages.push(error_page(
                    &key,
                    job.depth,
                    Some(job.key.clone()),
                    f.status,
                    f.attempts,
                    &f.error,
                ));
                continue;
            }
            Fetched::Cancelled => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn link(u: &str, text: &str) -> Link {
        Link {
            url: Url::parse(u).unwrap(),
            text: text.into(),
        }
    }

    #[test]
    fn part_candidates_from_a_page_bar() {
        let links = [
            link("http://a/hb/5955_2.html", "2"),
            link("http://a/hb/5955_3.html", "3"),
            link("http://a/hb/5955_2.html", "下一页"),
            link("http://a/hb/6000_2.html", "相关"),
            link("http://b/hb/5955_4.html", "4"),
            link("http://a/hb/7861.html", "下一篇"),
        ];
        let mut known = BTreeMap::new();
        candidates(
            &links,
            "a",
            "http://a/hb/5955.html",
            "http://a/hb/5955.html",
            1,
            &mut known,
        );
        let got: Vec<(u32, &str)> = known.iter().map(|(n, u)| (*n, u.as_str())).collect();
        assert_eq!(
            got,
            [
                (2, "http://a/hb/5955_2.html"),
                (3, "http://a/hb/5955_3.html")
            ]
        );
    }

    #[test]
    fn part_named_links_outside_a_page_bar_are_not_parts() {
        // `2023_11.html` linked as a related article from `2023_12.html` (a stand-alone page)
        let links = [
            link("http://a/x/2023_11.html", "十一月的报告"),
            link("http://a/x/2023_13.html", "下一页"),
        ];
        let mut known = BTreeMap::new();
        candidates(
            &links,
            "a",
            "http://a/x/2023.html",
            "http://a/x/2023_12.html",
            12,
            &mut known,
        );
        assert_eq!(known.keys().copied().collect::<Vec<_>>(), [13]);
        // a free-form next link into another directory is not a part
        let links = [link("http://a/other/abc.html", "下一页")];
        let mut known = BTreeMap::new();
        candidates(
            &links,
            "a",
            "http://a/art/abc.html",
            "http://a/art/abc.html",
            1,
            &mut known,
        );
        assert!(known.is_empty());
    }

    #[test]
    fn part_candidates_from_a_later_part_and_next_links() {
        let links = [
            link("http://a/hb/5955.html", "1"),
            link("http://a/hb/5955_3.html", "下一页"),
        ];
        let mut known = BTreeMap::new();
        candidates(
            &links,
            "a",
            "http://a/hb/5955.html",
            "http://a/hb/5955_2.html",
            2,
            &mut known,
        );
        // the first page is part 0 (TRS numbers the second page `_1`)
        assert_eq!(known.keys().copied().collect::<Vec<_>>(), [0, 3]);
        // a next link with free-form naming becomes the following part
        let links = [link("http://a/art/abc.html?seg=b", "下一页")];
        let mut known = BTreeMap::new();
        candidates(
            &links,
            "a",
            "http://a/art/abc.html",
            "http://a/art/abc.html",
            1,
            &mut known,
        );
        assert_eq!(
            known.get(&2).map(Url::as_str),
            Some("http://a/art/abc.html?seg=b")
        );
    }

    #[test]
    fn gzip_sitemap_bomb_is_cut_at_the_cap() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..32 {
            enc.write_all(&zeros).unwrap();
        }
        let bomb = enc.finish().unwrap();
        assert_eq!(gunzip(&bomb, 1 << 20), None);
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(b"<urlset></urlset>").unwrap();
        assert_eq!(
            gunzip(&enc.finish().unwrap(), 1 << 20).as_deref(),
            Some(&b"<urlset></urlset>"[..])
        );
        assert!(is_gz_sitemap(
            &Url::parse("http://a/sitemap-1.XML.GZ").unwrap()
        ));
        assert!(is_gz_sitemap(
            &Url::parse("http://a/sitemap_2023.gz").unwrap()
        ));
        assert!(!is_gz_sitemap(
            &Url::parse("http://a/files/data.tar.gz").unwrap()
        ));
    }

    #[test]
    fn sniffing() {
        let page = Url::parse("http://a/x").unwrap();
        let pdf = Url::parse("http://a/x.pdf").unwrap();
        assert_eq!(sniff(Some("text/html"), b"<html>", &page), BodyKind::Html);
        assert_eq!(
            sniff(
                Some("application/xml"),
                b"<?xml version='1.0'?><urlset>",
                &page
            ),
            BodyKind::Sitemap
        );
        assert_eq!(sniff(None, b"<urlset xmlns='x'>", &page), BodyKind::Sitemap);
        assert_eq!(sniff(None, b"<!DOCTYPE html><html>", &page), BodyKind::Html);
        assert_eq!(
            sniff(Some("application/pdf"), b"%PDF-1.4", &page),
            BodyKind::Binary
        );
        assert_eq!(sniff(None, b"%PDF-1.4", &page), BodyKind::Binary);
        assert_eq!(
            sniff(Some("application/octet-stream"), b"<html>", &pdf),
            BodyKind::Binary
        );
        assert_eq!(
            sniff(Some("application/rss+xml"), b"<rss>", &page),
            BodyKind::Binary
        );
        // what a server calls html but is a file
        assert_eq!(
            sniff(Some("text/html"), b"%PDF-1.7\n%...", &page),
            BodyKind::Binary
        );
        assert_eq!(
            sniff(Some("text/html"), b"MZ\x90\x00\x03", &page),
            BodyKind::Binary
        );
        let nuls = [b"<html>".as_slice(), &[0u8; 200]].concat();
        assert_eq!(sniff(Some("text/html"), &nuls, &page), BodyKind::Binary);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(sniff(Some("text/html"), &utf16, &page), BodyKind::Html);
    }
}
