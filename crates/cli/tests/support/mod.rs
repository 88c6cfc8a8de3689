//! Shared by the durability tests: a generated report site on loopback that
//! logs every request, pipeline configs for it, the `baogao` binary, and the
//! Python readers (pyarrow, DuckDB) that check what it wrote.

#![allow(dead_code, unreachable_pub)] // each test binary uses a part of it

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use baogao_write::Table;

/// A report site: `/baogao/` lists `listings` listing pages
/// (`/baogao/list/N/`), which together link `articles` articles
/// (`/baogao/art/NNNNN.html`). Every response waits `delay`, so a crawl
/// lasts a while. Requests are logged with the current tag (the run that
/// made them: the tests run one `baogao` at a time).
pub struct TestSite {
    port: u16,
    pub articles: usize,
    pub listings: usize,
    tag: Arc<AtomicU32>,
    log: Arc<Mutex<Vec<(u32, String)>>>,
}

impl TestSite {
    pub fn start(articles: usize, listings: usize, delay: Duration) -> TestSite {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("addr").port();
        let tag = Arc::new(AtomicU32::new(0));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (t, l) = (tag.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (t, l) = (t.clone(), l.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, articles, listings, delay, &t, &l);
                });
            }
        });
        TestSite {
            port,
            articles,
            listings,
            tag,
            log,
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Requests from now on are logged with `tag`.
    pub fn set_tag(&self, tag: u32) {
        self.tag.store(tag, Ordering::SeqCst);
    }

    /// Every request so far: (tag, path).
    pub fn log(&self) -> Vec<(u32, String)> {
        self.log.lock().expect("log").clone()
    }

    /// Article paths requested with `tag`, with their counts.
    pub fn article_requests(&self, tag: u32) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for (t, p) in self.log() {
            if t == tag && p.starts_with("/baogao/art/") {
                *m.entry(p).or_default() += 1;
            }
        }
        m
    }

    pub fn article_path(i: usize) -> String {
        format!("/baogao/art/{i:05}.html")
    }

    pub fn listing_path(n: usize) -> String {
        format!("/baogao/list/{n}/")
    }

    /// Every URL a complete crawl of the site gives a `pages` row for.
    pub fn all_urls(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        out.insert(format!("{}/baogao/", self.base()));
        for n in 1..=self.listings {
            out.insert(format!("{}{}", self.base(), Self::listing_path(n)));
        }
        for i in 0..self.articles {
            out.insert(format!("{}{}", self.base(), Self::article_path(i)));
        }
        out
    }
}

/// The path of the request on `stream` (its head read up to the blank line),
/// or `None` when the client closed the connection first.
pub fn request_path(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    Ok(Some(
        head.lines()
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("/")
            .to_owned(),
    ))
}

fn serve(
    mut stream: TcpStream,
    articles: usize,
    listings: usize,
    delay: Duration,
    tag: &AtomicU32,
    log: &Mutex<Vec<(u32, String)>>,
) -> std::io::Result<()> {
    let Some(path) = request_path(&mut stream)? else {
        return Ok(());
    };
    log.lock()
        .expect("log")
        .push((tag.load(Ordering::SeqCst), path.clone()));
    std::thread::sleep(delay);
    let (status, body) = match page(&path, articles, listings) {
        Some(b) => ("200 OK", b),
        None => (
            "404 Not Found",
            "<html><body>not found</body></html>".to_owned(),
        ),
    };
    let resp = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(resp.as_bytes())?;
    stream.flush()
}

fn page(path: &str, articles: usize, listings: usize) -> Option<String> {
    if path == "/baogao/" {
        let mut links = String::new();
        for n in 1..=listings {
            let _ = write!(links, "<li><a href=\"/baogao/list/{n}/\">第{n}页</a></li>");
        }
        return Some(format!(
            "<html><head><title>政府工作报告</title></head><body><ul>{links}</ul></body></html>"
        ));
    }
    if let Some(rest) = path.strip_prefix("/baogao/list/") {
        let n: usize = rest.trim_end_matches('/').parse().ok()?;
        if n == 0 || n > listings {
            return None;
        }
        let mut links = String::new();
        for i in (0..articles).filter(|i| i % listings == n - 1) {
            let _ = write!(
                links,
                "<li><a href=\"{}\">{i}号县政府工作报告</a><span>2024-01-{:02}</span></li>",
                TestSite::article_path(i),
                i % 28 + 1
            );
        }
        return Some(format!(
            "<html><head><title>报告列表 {n}</title></head><body><ul>{links}</ul></body></html>"
        ));
    }
    let rest = path.strip_prefix("/baogao/art/")?;
    let i: usize = rest.strip_suffix(".html")?.parse().ok()?;
    if i >= articles {
        return None;
    }
    let g = 4.0 + (i % 30) as f64 / 10.0;
    Some(format!(
        "<html><head><meta charset=\"utf-8\"><title>{i}号县2024年政府工作报告</title></head>\
         <body><h1>2024年政府工作报告</h1><div class=\"content\">\
         <p>2024年1月{d}日在{i}号县第十八届人民代表大会第三次会议上。</p>\
         <p>各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。过去一年，\
         全县上下坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，\
         民生保障持续加强，社会大局和谐稳定，各项事业取得新的进展。\
         我们坚持把发展作为第一要务，扎实推进重大项目建设，产业结构不断优化，\
         城乡面貌持续改善，改革开放不断深化，生态环境明显好转，人民群众的获得感、\
         幸福感、安全感不断增强，为今年的发展打下了坚实基础。</p>\
         <p>今年经济社会发展的主要预期目标是：地区生产总值增长{g:.1}%左右，\
         一般公共预算收入增长5%，城镇新增就业{j}人以上，居民消费价格涨幅3%左右，\
         粮食产量稳定在{k}万吨以上。实现这些目标，需要我们付出艰苦努力。</p>\
         </div></body></html>",
        d = i % 28 + 1,
        j = 1000 + i,
        k = 10 + i % 7,
    ))
}

/// Writes `dir/baogao.toml` for `site` (output `dir/out`); `pipeline` and
/// `fetch` are extra lines of those sections.
pub fn config(dir: &Path, site: &TestSite, pipeline: &str, fetch: &str) -> PathBuf {
    let text = format!(
        r#"[pipeline]
name = "durability"
output = "out"
channel_capacity = 4
{pipeline}

[fetch]
seeds = ["{base}/baogao/"]
follow = ["/baogao/"]
max_depth = 3
per_host_rate = 1000.0
burst = 50
concurrency = 4
user_agent = "baogao-durability-test (+mailto:test@example.org)"
respect_robots = false
retries = 1
backoff_base = "10ms"
{fetch}
"#,
        base = site.base()
    );
    let path = dir.join("baogao.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// Writes `dir/baogao.toml` for a polite crawl of `site` (output `dir/out`): `rate`
/// requests per second, one at a time above it, two in flight, and the default
/// checkpoint cadence.
pub fn polite_config(dir: &Path, site: &TestSite, rate: f64) -> PathBuf {
    let text = format!(
        r#"[pipeline]
name = "polite"
output = "out"

[fetch]
seeds = ["{base}/baogao/"]
follow = ["/baogao/"]
max_depth = 3
per_host_rate = {rate:?}
burst = 1
concurrency = 2
user_agent = "baogao-durability-test (+mailto:test@example.org)"
respect_robots = false
retries = 1
backoff_base = "10ms"
"#,
        base = site.base()
    );
    let path = dir.join("baogao.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// Requests per path (with every tag) of the paths `keep` keeps.
pub fn request_counts(site: &TestSite, keep: impl Fn(&str) -> bool) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for (_, p) in site.log() {
        if keep(&p) {
            *m.entry(p).or_default() += 1;
        }
    }
    m
}

pub fn baogao() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baogao"));
    c.env_remove("BAOGAO_LOG");
    c
}

/// `baogao run CONFIG --quiet`, started in the background.
pub fn spawn_run(config: &Path) -> Child {
    baogao()
        .args(["run", "--quiet"])
        .arg(config)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start baogao")
}

/// `baogao ARGS…` to the end.
pub fn run(args: &[&std::ffi::OsStr]) -> Output {
    baogao().args(args).output().expect("run baogao")
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Committed `url`s of `pages` under `root` with their kind, counting rows.
pub fn committed_pages(root: &Path) -> Vec<(String, String)> {
    baogao_write::read_strings(root, Table::Pages, &["url", "kind"])
        .expect("read pages")
        .into_iter()
        .map(|r| (r[0].clone().expect("url"), r[1].clone().expect("kind")))
        .collect()
}

/// Article URLs (`kind = html`) that are committed under `root`, or whose
/// commit is journaled (the next run's recovery finishes it): what the next
/// run must not fetch again.
pub fn committed_articles(root: &Path) -> BTreeSet<String> {
    dataset_roots(root)
        .iter()
        .flat_map(|r| committed_pages(r))
        .filter(|(_, kind)| kind == "html")
        .map(|(url, _)| url)
        .collect()
}

/// `root` and the staged commits under it whose journal is complete.
fn dataset_roots(root: &Path) -> Vec<std::path::PathBuf> {
    let mut roots = vec![root.to_owned()];
    if let Ok(entries) = std::fs::read_dir(root.join("_staging")) {
        for e in entries.flatten() {
            if e.path().join("_COMMIT").exists() {
                roots.push(e.path());
            }
        }
    }
    roots
}

/// [`committed_articles`] while a run may be committing: `None` when a file
/// went away while it was read (a checkpoint replaced it), to be asked again.
pub fn try_committed_articles(root: &Path) -> Option<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for r in &dataset_roots(root) {
        let rows = baogao_write::read_strings(r, Table::Pages, &["url", "kind"]).ok()?;
        out.extend(
            rows.into_iter()
                .filter(|r| r[1].as_deref() == Some("html"))
                .filter_map(|mut r| r[0].take()),
        );
    }
    Some(out)
}

/// The path part of a URL of the test site.
pub fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/')
        .map_or("/".to_owned(), |i| rest[i..].to_owned())
}

/// The Python with pyarrow and DuckDB: `$BAOGAO_PYTHON`, else `.venv`.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("BAOGAO_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    assert!(
        venv.exists(),
        "no Python with duckdb/pyarrow: set BAOGAO_PYTHON or run `scripts/test` (it makes `.venv`)"
    );
    venv
}

/// Opens every visible Parquet file under `root` with pyarrow and DuckDB
/// (failing on any that does not open), then returns, per table, the rows
/// each reader sees through the folder (pyarrow dataset, DuckDB hive glob)
/// and the `url` counts of `pages` as DuckDB sees them.
pub fn check_with_python(root: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, os, sys
import duckdb, pyarrow.parquet as pq
root = sys.argv[1]
files = []
for d, dirs, names in os.walk(root):
    dirs[:] = [x for x in dirs if not x.startswith(('_', '.'))]
    for n in names:
        if n.endswith('.parquet') and not n.startswith(('_', '.')):
            files.append(os.path.join(d, n))
con = duckdb.connect()
file_rows = 0
for f in files:
    t = pq.read_table(f)
    n = con.execute("select count(*) from read_parquet(?)", [f]).fetchone()[0]
    assert n == t.num_rows, (f, n, t.num_rows)
    file_rows += n
tables = {}
for table in ['pages', 'documents', 'reports', 'targets', 'outcomes']:
    d = os.path.join(root, table)
    if not any(f.startswith(d + os.sep) for f in files):
        continue
    glob = os.path.join(d, '**', '*.parquet')
    duck = con.execute(
        "select count(*) from read_parquet(?, hive_partitioning = true)", [glob]).fetchone()[0]
    arrow = pq.read_table(d).num_rows
    tables[table] = {'duckdb': duck, 'pyarrow': arrow}
urls = {}
glob = os.path.join(root, 'pages', '**', '*.parquet')
for url, n in con.execute(
        "select url, count(*) from read_parquet(?, hive_partitioning = true) group by url",
        [glob]).fetchall():
    urls[url] = n
print(json.dumps({'files': len(files), 'file_rows': file_rows, 'tables': tables, 'urls': urls}))
"#;
    let out = Command::new(python())
        .arg("-c")
        .arg(SCRIPT)
        .arg(root)
        .output()
        .expect("start python");
    assert!(
        out.status.success(),
        "python readers failed ({}):\n{}",
        out.status,
        text(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("python printed JSON")
}
