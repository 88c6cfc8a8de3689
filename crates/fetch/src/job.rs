//! One URL taken from the frontier: robots check, fetch, classification (sitemap, listing,
//! article, binary), and the rows and links that come out of it. An article's other parts are
//! fetched and joined by [`crate::pagination`].

use std::sync::Arc;

use baogao_model::{ErrorKind, Page, PageKind};
use chrono::Utc;
use sha2::{Digest, Sha256};
use url::Url;

use crate::charset::{self, Decoded};
use crate::crawl::{Inner, RunCtx};
use crate::error::FetchError;
use crate::host::Cancelled;
use crate::html::{self, Analysis, Link};
use crate::http::{BodyPolicy, Fetched, Response};
use crate::options::Previous;
use crate::pagination;
use crate::request::{self, Origin, robots_check};
use crate::urls::{has_binary_extension, looks_like_document};

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
    pub(crate) pages: Vec<Page>,
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
) -> Page {
    let kind = match status {
        Some(s) if s >= 400 => ErrorKind::Http(s),
        _ => err.kind(),
    };
    Page {
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
        error_kind: Some(kind),
        ..Page::default()
    }
}

fn host_of(url: &str) -> String {
    Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(crate) fn sha_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    hex::encode(h.finalize())
}

/// A row for a successful response (`body`, `page_urls` and charsets filled in by the caller).
pub(crate) fn ok_page(job: &Job, kind: PageKind, r: &Response) -> Page {
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
pub(crate) async fn digest(
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
            out.pages.push(page);
        }
        BodyKind::Html => {
            let (bytes, decoded, analysis) =
                digest(body, resp.content_type.clone(), resp.final_url.clone()).await;
            push_links(&mut out, &analysis.links, &job);
            if analysis.is_article() {
                pagination::assemble(
                    &inner, &ctx, &host, &job, resp, bytes, decoded, &analysis, &mut out,
                )
                .await;
            } else {
                let mut page = ok_page(&job, PageKind::Listing, &resp);
                page.body_sha256 = Some(sha_hex(&[&bytes]));
                page.declared_charset = decoded.declared;
                page.detected_charset = Some(decoded.used);
                page.decode_errors = Some(count(decoded.errors));
                out.pages.push(page);
            }
        }
    }
    out
}

/// Adds a document row (article, binary, unchanged) unless the URL was committed earlier.
pub(crate) fn push_document(out: &mut TaskResult, job: &Job, page: Page) {
    if job.in_skip {
        out.skipped += 1;
    } else {
        out.pages.push(page);
    }
}

pub(crate) fn push_links(out: &mut TaskResult, links: &[Link], job: &Job) {
    let referrer: Arc<str> = Arc::from(job.key.as_str());
    out.links.extend(links.iter().map(|l| Found {
        url: l.url.clone(),
        depth: job.depth + 1,
        referrer: Arc::clone(&referrer),
        from_sitemap: false,
    }));
}

/// `n` as a row's `u32` count, saturating.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

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
