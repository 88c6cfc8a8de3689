//! Per-stage throughput over a generated corpus (see `baogao_bench::corpus`):
//! charset decode, html5ever parse alone (the baseline of clean), clean,
//! extract, Parquet encode of `documents` and of `pages`.
//!
//! `cargo bench -p baogao-bench --bench stages`; `BAOGAO_BENCH_PAGES` sets the
//! corpus size (default 200 article pages), `BAOGAO_BENCH_QUICK=1` shortens
//! the measurement, and `BAOGAO_BENCH_META=FILE` writes the pages and bytes of
//! one iteration of each bench there, so that the driver can turn criterion's
//! times into pages/s and MB/s.

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;

use baogao_bench::corpus;
use baogao_clean::{CleanRules, clean_html};
use baogao_extract::Extractor;
use baogao_model::{Document, Page, PageKind};
use baogao_write::{TableWriter, WriteOptions};
use criterion::{BatchSize, Criterion, Throughput};
use serde_json::json;

struct Input {
    /// Raw bytes of every article page (GBK or UTF-8).
    raw: Vec<Vec<u8>>,
    /// The same pages decoded.
    html: Vec<(String, String)>,
    /// Each article's parts joined, as the fetcher hands them on.
    pages: Vec<Page>,
    /// Each article cleaned.
    docs: Vec<Document>,
}

fn input(n: usize) -> Input {
    let site = corpus::generate(n, 7);
    let mut raw = Vec::new();
    let mut html = Vec::new();
    let mut pages = Vec::new();
    for a in &site.articles {
        for p in &a.parts {
            raw.push(p.bytes.clone());
            html.push((
                format!("http://127.0.0.1:8000{}", p.path),
                a.decode(&p.bytes),
            ));
        }
        let url = format!("http://127.0.0.1:8000{}", a.parts[0].path);
        pages.push(Page {
            url: url.clone(),
            final_url: url,
            host: "127.0.0.1:8000".to_owned(),
            kind: PageKind::Html,
            status: Some(200),
            content_type: Some("text/html".to_owned()),
            detected_charset: Some(if a.gbk { "gb18030" } else { "utf-8" }.to_owned()),
            body: Some(a.joined_html()),
            body_sha256: Some("0".repeat(64)),
            page_urls: a.parts.iter().map(|p| p.path.clone()).collect(),
            attempts: 1,
            ..Page::default()
        });
    }
    let rules = CleanRules::default();
    let docs = pages
        .iter()
        .map(|p| baogao_clean::clean(p, &rules))
        .collect();
    Input {
        raw,
        html,
        pages,
        docs,
    }
}

fn main() {
    let n: usize = std::env::var("BAOGAO_BENCH_PAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let quick = std::env::var_os("BAOGAO_BENCH_QUICK").is_some();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(if quick { 1 } else { 2 }))
        .measurement_time(Duration::from_secs(if quick { 2 } else { 8 }))
        .configure_from_args();
    let inp = input(n);
    let raw_bytes: usize = inp.raw.iter().map(Vec::len).sum();
    let html_bytes: usize = inp.html.iter().map(|(_, h)| h.len()).sum();
    let body_bytes: usize = inp
        .pages
        .iter()
        .map(|p| p.body.as_ref().map_or(0, String::len))
        .sum();
    let text_bytes: usize = inp.docs.iter().map(|d| d.text.len()).sum();
    let meta = json!({
        "decode": { "pages": inp.raw.len(), "bytes": raw_bytes },
        "html5ever_parse": { "pages": inp.html.len(), "bytes": html_bytes },
        "clean": { "pages": inp.html.len(), "bytes": html_bytes },
        "rs_trafilatura": { "pages": inp.html.len(), "bytes": html_bytes },
        "extract": { "pages": inp.docs.len(), "bytes": text_bytes, "unit": "articles" },
        "parquet_documents": { "pages": inp.docs.len(), "bytes": text_bytes, "unit": "articles" },
        "parquet_pages": { "pages": inp.pages.len(), "bytes": body_bytes, "unit": "articles" },
    });
    if let Some(path) = std::env::var_os("BAOGAO_BENCH_META") {
        std::fs::write(path, serde_json::to_vec_pretty(&meta).expect("json")).expect("meta file");
    }

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(raw_bytes as u64));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for bytes in &inp.raw {
                black_box(baogao_fetch::charset::decode(bytes, Some("text/html")));
            }
        });
    });
    g.throughput(Throughput::Bytes(html_bytes as u64));
    g.bench_function("html5ever_parse", |b| {
        b.iter(|| {
            for (_, html) in &inp.html {
                black_box(scraper::Html::parse_document(html));
            }
        });
    });
    let rules = CleanRules::default();
    g.bench_function("clean", |b| {
        b.iter(|| {
            for (url, html) in &inp.html {
                black_box(clean_html(url, html, &rules));
            }
        });
    });
    #[cfg(feature = "rs-trafilatura")]
    g.bench_function("rs_trafilatura", |b| {
        b.iter(|| {
            for (_, html) in &inp.html {
                let _ = black_box(rs_trafilatura::extract(html));
            }
        });
    });
    g.throughput(Throughput::Bytes(text_bytes as u64));
    let ex = Extractor::builtin();
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &inp.docs {
                black_box(ex.extract(d));
            }
        });
    });
    // a huge page (3,000 targets paragraphs, then filler): the extractor's
    // work stays linear in the text (crates/extract's large_inputs_finish
    // checks the rows)
    let mut large = String::new();
    for i in 0..3000 {
        let _ = write!(
            large,
            "今年主要预期目标是：地区生产总值增长6.{i:04}%左右，城乡居民人均可支配收入分别增长7%、8%。"
        );
    }
    large += &"增长5%以上".repeat(20_000);
    large += &"地".repeat(100_000);
    let large = Document::from_text("large.txt", &large);
    g.throughput(Throughput::Bytes(large.text.len() as u64));
    g.bench_function("extract_large", |b| {
        b.iter(|| black_box(ex.extract(&large)));
    });
    g.throughput(Throughput::Bytes(text_bytes as u64));
    let tmp = tempfile::tempdir().expect("tempdir");
    let opts = WriteOptions::default();
    g.bench_function("parquet_documents", |b| {
        b.iter_batched(
            || inp.docs.clone(),
            |docs| {
                let seq = Arc::new(AtomicU32::new(0));
                let mut w = TableWriter::<Document>::new(tmp.path(), "bench", opts.clone(), seq)
                    .expect("writer");
                for d in docs {
                    w.write(d).expect("write");
                }
                black_box(w.close().expect("close"));
            },
            BatchSize::LargeInput,
        );
    });
    g.throughput(Throughput::Bytes(body_bytes as u64));
    g.bench_function("parquet_pages", |b| {
        b.iter_batched(
            || inp.pages.clone(),
            |pages| {
                let seq = Arc::new(AtomicU32::new(0));
                let mut w = TableWriter::<Page>::new(tmp.path(), "bench", opts.clone(), seq)
                    .expect("writer");
                for p in pages {
                    w.write(p).expect("write");
                }
                black_box(w.close().expect("close"));
            },
            BatchSize::LargeInput,
        );
    });
    g.finish();
    c.final_summary();
}
