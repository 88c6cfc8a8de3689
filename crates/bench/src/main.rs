//! `baogao-bench`: the end-to-end half of `just bench`.
//!
//! ```text
//! baogao-bench gen --pages 1000 --dir /tmp/site      write a generated site
//! baogao-bench serve --dir /tmp/site                 serve it on 127.0.0.1 (prints the base URL)
//! baogao-bench crawl --base URL --out DIR            crawl it with the pipeline, print figures (JSON)
//! baogao-bench speed --dir /tmp/site --pages 500     parse / clean (/ rs-trafilatura) per page, timed
//! baogao-bench quality --traf DIR                    cleaner (and trafilatura's outputs) vs the gold texts
//! baogao-bench many-hosts --hosts 300 --out DIR      N loopback sites crawled at once, politely
//! baogao-bench many-hosts --hosts 1 --articles 40 --rate 50 --shed 5 --out DIR
//!                                                    one host shedding 20% with 503 + Retry-After: 1
//! ```
//!
//! `many-hosts` starts `serve-hosts` (the sites, on 127.0.1.1, 127.0.1.2, …) as a child
//! process, so its peak RSS is the crawler's alone; it needs about two open files per host
//! (`ulimit -n`; it says so when the limit is too low).
//!
//! `scripts/bench/run` calls these; each prints one JSON object on stdout.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use baogao_bench::{corpus, hosts, procstat};
use baogao_clean::score::score;
use baogao_clean::{CleanRules, clean_html};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};
#[cfg(feature = "rs-trafilatura")]
use unicode_normalization::UnicodeNormalization as _;

#[derive(Parser)]
#[command(about = "baogao benchmarks: generated corpus, loopback server, end-to-end crawl")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write a generated site of at least PAGES article pages to DIR.
    Gen {
        #[arg(long)]
        pages: usize,
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Serve DIR on 127.0.0.1 until stdin closes; prints `{"base": URL}` first.
    Serve {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
    /// Crawl BASE with the full pipeline into OUT (rate limits off).
    Crawl {
        #[arg(long)]
        base: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 16)]
        concurrency: usize,
        /// Obey robots.txt (the generated site's is permissive for articles).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        respect_robots: bool,
    },
    /// Time html5ever alone, the cleaner (and rs-trafilatura) per page over
    /// the first PAGES article pages of a generated site.
    Speed {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value_t = 500)]
        pages: usize,
        #[arg(long, default_value_t = 3)]
        repeats: usize,
    },
    /// Crawl HOSTS loopback sites at once with the pipeline (a child process serves them)
    /// and report wall time / politeness schedule, requests/s and peak RSS.
    ManyHosts {
        #[arg(long)]
        hosts: usize,
        #[arg(long)]
        out: PathBuf,
        /// Articles per site (two parts each); a site is 2 + 8 + 2 × ARTICLES requests.
        #[arg(long, default_value_t = 10)]
        articles: usize,
        #[arg(long, default_value_t = 2.0)]
        rate: f64,
        #[arg(long, default_value_t = 1)]
        burst: u32,
        #[arg(long, default_value_t = 256)]
        concurrency: usize,
        /// Answer every SHED-th request of a host with 503 + `Retry-After: 1` (0: never).
        #[arg(long, default_value_t = 0)]
        shed: usize,
    },
    /// Serve HOSTS sites on 127.0.1.1 … (for `many-hosts`) until stdin closes.
    ServeHosts {
        #[arg(long)]
        hosts: usize,
        #[arg(long, default_value_t = 10)]
        articles: usize,
        #[arg(long, default_value_t = 0)]
        shed: usize,
    },
    /// Character precision/recall of the cleaner (and of the texts in TRAF,
    /// written by scripts/bench/trafilatura_compare.py) against the gold texts.
    Quality {
        #[arg(long)]
        traf: Option<PathBuf>,
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))]
        fixtures: PathBuf,
    },
}

fn main() -> Result<()> {
    // as the `baogao` binary does, so the figures are the product's
    let _tuned = baogao_malloc::limit_fragmentation();
    let cli = Cli::parse();
    let out = match cli.cmd {
        Cmd::Gen { pages, dir, seed } => {
            let t = Instant::now();
            let c = corpus::generate(pages, seed);
            c.write(&dir)
                .with_context(|| format!("writing `{}`", dir.display()))?;
            json!({
                "articles": c.articles.len(),
                "pages": c.pages(),
                "bytes": c.bytes(),
                "seconds": t.elapsed().as_secs_f64(),
            })
        }
        Cmd::Serve { dir, port } => return serve(&dir, port),
        Cmd::Crawl {
            base,
            out,
            concurrency,
            respect_robots,
        } => crawl(&base, &out, concurrency, respect_robots)?,
        Cmd::Speed {
            dir,
            pages,
            repeats,
        } => speed(&dir, pages, repeats)?,
        Cmd::Quality { traf, fixtures } => quality(traf.as_deref(), &fixtures)?,
        Cmd::ManyHosts {
            hosts,
            out,
            articles,
            rate,
            burst,
            concurrency,
            shed,
        } => {
            let plan = hosts::Plan {
                hosts,
                articles,
                rate,
                burst,
                concurrency,
                shed,
            };
            let _ = std::fs::remove_dir_all(&out);
            hosts::run(&plan, &out)?
        }
        Cmd::ServeHosts {
            hosts,
            articles,
            shed,
        } => return hosts::serve(hosts, articles, shed),
    };
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn serve(dir: &Path, port: u16) -> Result<()> {
    let rt = runtime()?;
    rt.block_on(async {
        let site = baogao_testsite::Site::serve(dir, port).await?;
        println!("{}", json!({ "base": site.base() }));
        // Until the driver closes our stdin (or kills us).
        let _ = tokio::task::spawn_blocking(|| {
            std::io::copy(&mut std::io::stdin(), &mut std::io::sink())
        })
        .await;
        drop(site);
        Ok(())
    })
}

fn crawl(base: &str, out: &Path, concurrency: usize, respect_robots: bool) -> Result<Value> {
    if !base.starts_with("http://127.0.0.1:") {
        bail!("the bench crawls loopback only, not `{base}`");
    }
    let output = out.display().to_string().replace('\\', "/");
    let toml = format!(
        r#"[pipeline]
name = "bench"
output = "{output}"

[fetch]
seeds = ["{base}/"]
follow = ["/baogao/"]
max_depth = 3
per_host_rate = 1000000.0
burst = 100000
concurrency = {concurrency}
user_agent = "baogao-bench"
respect_robots = {respect_robots}
retries = 1
backoff_base = "50ms"
timeout = "60s"
"#
    );
    let config = baogao_pipeline::Config::from_str(Path::new("bench.toml"), &toml)?;
    let cpu0 = procstat::cpu_seconds().unwrap_or(0.0);
    let t = Instant::now();
    let rt = runtime()?;
    let summary = rt.block_on(baogao_pipeline::run(
        &config,
        baogao_pipeline::RunOptions::default(),
        tokio_util::sync::CancellationToken::new(),
    ))?;
    let wall = t.elapsed().as_secs_f64();
    let cpu = procstat::cpu_seconds().unwrap_or(0.0) - cpu0;
    drop(rt);
    let m = &summary.manifest;
    Ok(json!({
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "peak_rss_bytes": procstat::peak_rss_bytes(),
        "status": format!("{:?}", m.status),
        "failed": summary.failed,
        "rows": m.rows,
        "errors": m.errors,
        "counts": m.counts,
    }))
}

/// Article pages of a written site, decoded, in corpus order.
fn site_pages(dir: &Path, limit: usize) -> Result<Vec<(String, String)>> {
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(dir.join("corpus.json")).context("reading corpus.json")?,
    )?;
    let mut out = Vec::new();
    let paths = manifest["article_paths"]
        .as_array()
        .context("article_paths")?;
    for (art, gbk) in paths.iter().zip(manifest["gbk"].as_array().context("gbk")?) {
        for p in art.as_array().context("paths")? {
            let p = p.as_str().context("path")?;
            let bytes = std::fs::read(dir.join(p.trim_start_matches('/')))?;
            let enc = if gbk.as_bool() == Some(true) {
                encoding_rs::GBK
            } else {
                encoding_rs::UTF_8
            };
            let text = enc.decode_without_bom_handling(&bytes).0.into_owned();
            out.push((format!("http://127.0.0.1:8000{p}"), text));
            if out.len() == limit {
                return Ok(out);
            }
        }
    }
    Ok(out)
}

/// Seconds of each repeat of `f` over all pages.
fn timed(repeats: usize, pages: &[(String, String)], mut f: impl FnMut(&str, &str)) -> Vec<f64> {
    (0..repeats)
        .map(|_| {
            let t = Instant::now();
            for (url, html) in pages {
                f(url, html);
            }
            t.elapsed().as_secs_f64()
        })
        .collect()
}

fn summary(secs: &[f64], pages: usize, bytes: usize) -> Value {
    let mut s = secs.to_vec();
    s.sort_by(f64::total_cmp);
    let median = s[s.len() / 2];
    json!({
        "seconds": s,
        "pages_per_s": { "min": pages as f64 / s[s.len() - 1], "median": pages as f64 / median, "max": pages as f64 / s[0] },
        "mb_per_s_median": bytes as f64 / 1e6 / median,
        "ms_per_page_median": median * 1e3 / pages as f64,
    })
}

fn speed(dir: &Path, limit: usize, repeats: usize) -> Result<Value> {
    let pages = site_pages(dir, limit)?;
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let rules = CleanRules::default();
    let parse = timed(repeats, &pages, |_, html| {
        std::hint::black_box(scraper::Html::parse_document(html));
    });
    let clean = timed(repeats, &pages, |url, html| {
        std::hint::black_box(clean_html(url, html, &rules));
    });
    let mut out = json!({
        "pages": pages.len(),
        "utf8_bytes": bytes,
        "html5ever_parse": summary(&parse, pages.len(), bytes),
        "baogao_clean": summary(&clean, pages.len(), bytes),
    });
    #[cfg(feature = "rs-trafilatura")]
    {
        let rst = timed(repeats, &pages, |_, html| {
            let _ = std::hint::black_box(rs_trafilatura::extract(html));
        });
        out["rs_trafilatura"] = summary(&rst, pages.len(), bytes);
    }
    #[cfg(not(feature = "rs-trafilatura"))]
    {
        out["rs_trafilatura"] = json!("not built (feature `rs-trafilatura` off)");
    }
    Ok(out)
}

/// The quality set: every sample-site article (parts joined) and every page of
/// `fixtures/pages`, with its gold text.
struct Item {
    name: String,
    url: String,
    parts: Vec<String>,
    gold: String,
}

fn read_html(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading `{}`", path.display()))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => encoding_rs::GB18030.decode(e.as_bytes()).0.into_owned(),
    })
}

fn quality_items(fixtures: &Path) -> Result<Vec<Item>> {
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(fixtures.join("site-gold/manifest.json"))?)?;
    let mut items = Vec::new();
    for (id, art) in manifest["articles"].as_object().context("articles")? {
        let paths: Vec<&str> = art["pages"]
            .as_array()
            .context("pages")?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let parts = paths
            .iter()
            .map(|p| read_html(&fixtures.join(format!("site{p}"))))
            .collect::<Result<_>>()?;
        items.push(Item {
            name: format!("site_{id}"),
            url: format!("http://127.0.0.1:8000{}", paths[0]),
            parts,
            gold: std::fs::read_to_string(fixtures.join(format!("site-gold/{id}.txt")))?,
        });
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(fixtures.join("pages"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    for p in pages {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        items.push(Item {
            name: format!("pages_{stem}"),
            url: format!("file://{}", p.display()),
            parts: vec![read_html(&p)?],
            gold: std::fs::read_to_string(p.with_extension("txt"))?,
        });
    }
    Ok(items)
}

fn score_json(text: &str, gold: &str) -> Value {
    let s = score(text, gold);
    json!({ "precision": s.precision, "recall": s.recall, "f1": s.f1, "chars": s.cleaned_chars, "gold_chars": s.gold_chars })
}

/// Totals over items: micro-averaged precision/recall from the LCS counts.
fn micro(scores: &[baogao_clean::score::Score]) -> Value {
    let lcs: usize = scores.iter().map(|s| s.lcs).sum();
    let cleaned: usize = scores.iter().map(|s| s.cleaned_chars).sum();
    let gold: usize = scores.iter().map(|s| s.gold_chars).sum();
    let p = lcs as f64 / cleaned.max(1) as f64;
    let r = lcs as f64 / gold.max(1) as f64;
    let macro_f1 = scores.iter().map(|s| s.f1).sum::<f64>() / scores.len().max(1) as f64;
    json!({ "precision": p, "recall": r, "f1": 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE), "macro_f1": macro_f1 })
}

fn quality(traf: Option<&Path>, fixtures: &Path) -> Result<Value> {
    let items = quality_items(fixtures)?;
    let rules = CleanRules::default();
    let mut rows = Vec::new();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    #[cfg(feature = "rs-trafilatura")]
    let mut rst_scores = Vec::new();
    for it in &items {
        let html = it.parts.join(baogao_model::PAGE_BREAK);
        let doc = clean_html(&it.url, &html, &rules);
        ours.push(score(&doc.text, &it.gold));
        let mut row = json!({ "name": it.name, "baogao": score_json(&doc.text, &it.gold) });
        if let Some(dir) = traf {
            let path = dir.join(format!("{}.txt", it.name));
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading `{}`", path.display()))?;
            theirs.push(score(&text, &it.gold));
            row["trafilatura"] = score_json(&text, &it.gold);
        }
        #[cfg(feature = "rs-trafilatura")]
        {
            let text: Vec<String> = it
                .parts
                .iter()
                .map(|p| {
                    rs_trafilatura::extract(p)
                        .map(|r| r.content_text)
                        .unwrap_or_default()
                })
                .collect();
            let text: String = text.join("\n").nfkc().collect();
            rst_scores.push(score(&text, &it.gold));
            row["rs_trafilatura"] = score_json(&text, &it.gold);
        }
        rows.push(row);
    }
    let mut out = json!({ "items": rows, "baogao": micro(&ours) });
    if traf.is_some() {
        out["trafilatura"] = micro(&theirs);
    }
    #[cfg(feature = "rs-trafilatura")]
    {
        out["rs_trafilatura"] = micro(&rst_scores);
    }
    Ok(out)
}
