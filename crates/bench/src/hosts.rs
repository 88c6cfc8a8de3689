//! The many-host benchmark: N small report sites, one per loopback address (`127.0.1.1`,
//! `127.0.1.2`, …; Linux routes all of `127/8` to `lo`), served by a keep-alive HTTP/1.1
//! server in a process of its own, crawled at once by one pipeline run.
//!
//! Each site is `robots.txt`, an index linking to 8 listing pages, and `articles` articles of
//! two parts each (`a3.html`, `a3_2.html`, joined by the crawler): `2 + 8 + 2 × articles`
//! requests per host (30 at the default 10 articles). With `shed = k`, every k-th request a
//! host receives is answered `503` with `Retry-After: 1` (the pacing benchmark).
//!
//! The server remembers when each host was asked for what, and answers, when its input
//! closes, with the most requests any host saw in any one-second window and how many it shed.

use std::collections::HashMap;
use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// Listing pages per site.
const LISTS: usize = 8;

/// The loopback address of host `i` (0-based): 127.0.1.1 … 127.0.1.250, 127.0.2.1 …
#[must_use]
pub fn host_addr(i: usize) -> Ipv4Addr {
    let third = u8::try_from(1 + i / 250).expect("at most 63,750 hosts");
    let fourth = u8::try_from(1 + i % 250).expect("below 251");
    Ipv4Addr::new(127, 0, third, fourth)
}

/// Requests a crawl makes to one site of `articles` articles.
#[must_use]
pub fn requests_per_host(articles: usize) -> usize {
    2 + LISTS + 2 * articles
}

/// The paths and bodies of one site.
#[must_use]
pub fn site(articles: usize) -> HashMap<String, Vec<u8>> {
    let mut pages = HashMap::new();
    pages.insert(
        "/robots.txt".to_owned(),
        b"User-agent: *\nDisallow: /admin/\n".to_vec(),
    );
    let lists = (1..=LISTS)
        .map(|k| format!("<li><a href=\"/baogao/list{k}.html\">栏目{k}</a></li>"))
        .collect::<Vec<_>>()
        .concat();
    pages.insert(
        "/".to_owned(),
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某县人民政府</title></head><body><h1>某县人民政府</h1><ul>{lists}</ul></body></html>").into_bytes(),
    );
    for k in 1..=LISTS {
        let items = (0..articles)
            .filter(|j| j % LISTS == k - 1)
            .map(|j| format!("<li><a href=\"/baogao/a{j}.html\">{}年政府工作报告</a><span>2024-01-{:02}</span></li>", 2000 + j, 1 + j % 28))
            .collect::<Vec<_>>()
            .concat();
        pages.insert(
            format!("/baogao/list{k}.html"),
            format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府工作报告 第{k}页</title></head><body><ul>{items}</ul><a href=\"/\">首页</a></body></html>").into_bytes(),
        );
    }
    let para = |year: usize, part: usize| {
        format!(
            "<p>{year}年全县经济社会发展的主要预期目标是：地区生产总值增长{}%左右，规模以上工业增加值增长8%，固定资产投资增长10%，社会消费品零售总额增长9%，城镇新增就业4000人以上，城镇登记失业率控制在4%以内，居民消费价格涨幅控制在3%左右。</p>",
            5 + part
        )
        .repeat(6)
    };
    for j in 0..articles {
        let year = 2000 + j;
        pages.insert(
            format!("/baogao/a{j}.html"),
            format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{year}年政府工作报告</title></head><body><h1>{year}年政府工作报告</h1><div class=\"date\">{year}-01-15</div><div class=\"content\">{}</div><div class=\"page\"><a href=\"a{j}_2.html\">2</a> <a href=\"a{j}_2.html\">下一页</a></div><a href=\"/\">首页</a></body></html>", para(year, 1)).into_bytes(),
        );
        pages.insert(
            format!("/baogao/a{j}_2.html"),
            format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{year}年政府工作报告</title></head><body><h1>{year}年政府工作报告</h1><div class=\"content\">{}</div><div class=\"page\"><a href=\"a{j}.html\">1</a> <a href=\"a{j}.html\">上一页</a></div></body></html>", para(year, 2)).into_bytes(),
        );
    }
    pages
}

/// What the server saw of one host.
#[derive(Default)]
struct HostLog {
    times: Vec<Instant>,
    shed: usize,
}

struct Shared {
    pages: HashMap<String, Vec<u8>>,
    /// Index of the host by its address.
    hosts: HashMap<IpAddr, usize>,
    logs: Vec<Mutex<HostLog>>,
    shed: usize,
    connections: AtomicUsize,
}

/// Serves `hosts` sites of `articles` articles on one port of `127.0.x.y`; prints
/// `{"port": P, "hosts": N}` when listening, and the per-host figures when stdin closes.
pub fn serve(hosts: usize, articles: usize, shed: usize) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let shared = Arc::new(Shared {
            pages: site(articles),
            hosts: (0..hosts).map(|i| (IpAddr::V4(host_addr(i)), i)).collect(),
            logs: (0..hosts).map(|_| Mutex::new(HostLog::default())).collect(),
            shed,
            connections: AtomicUsize::new(0),
        });
        let listeners = bind_all(hosts).await?;
        let port = listeners[0].local_addr()?.port();
        for l in listeners {
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                while let Ok((sock, _)) = l.accept().await {
                    shared.connections.fetch_add(1, Ordering::Relaxed);
                    tokio::spawn(connection(sock, Arc::clone(&shared)));
                }
            });
        }
        println!("{}", json!({ "port": port, "hosts": hosts }));
        std::io::stdout().flush()?;
        tokio::task::spawn_blocking(|| std::io::copy(&mut std::io::stdin(), &mut std::io::sink()))
            .await??;
        println!("{}", figures(&shared));
        Ok(())
    })
}

/// One listener per host address, all on the same port.
async fn bind_all(hosts: usize) -> Result<Vec<TcpListener>> {
    'port: for _ in 0..20 {
        let first = TcpListener::bind((host_addr(0), 0))
            .await
            .context("binding 127.0.1.1 (is this Linux, with 127/8 on lo?)")?;
        let port = first.local_addr()?.port();
        let mut out = vec![first];
        for i in 1..hosts {
            match TcpListener::bind((host_addr(i), port)).await {
                Ok(l) => out.push(l),
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue 'port,
                Err(e) => {
                    return Err(e).with_context(|| {
                        format!(
                            "binding {}:{port} (host {} of {hosts}); hint: raise the open-files limit (`ulimit -n 8192`)",
                            host_addr(i),
                            i + 1
                        )
                    });
                }
            }
        }
        return Ok(out);
    }
    bail!("no port free on every loopback address")
}

async fn connection(mut sock: TcpStream, shared: Arc<Shared>) {
    let Ok(local) = sock.local_addr() else { return };
    let Some(&host) = shared.hosts.get(&local.ip()) else {
        return;
    };
    let _ = sock.set_nodelay(true);
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    loop {
        // one request head at a time (GET, no body)
        let end = loop {
            if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break p + 4;
            }
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end);
        let path = head
            .split_whitespace()
            .nth(1)
            .unwrap_or("/")
            .split('?')
            .next()
            .unwrap_or("/")
            .to_owned();
        let shed = {
            let mut log = shared.logs[host].lock().expect("host log");
            log.times.push(Instant::now());
            let k = log.times.len();
            let shed = shared.shed > 0 && k.is_multiple_of(shared.shed);
            log.shed += usize::from(shed);
            shed
        };
        let reply = if shed {
            b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"
                .to_vec()
        } else if let Some(body) = shared.pages.get(&path) {
            let ct = if path == "/robots.txt" {
                "text/plain"
            } else {
                "text/html; charset=utf-8"
            };
            let mut r = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            r.extend_from_slice(body);
            r
        } else {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec()
        };
        if sock.write_all(&reply).await.is_err() {
            return;
        }
    }
}

/// The most requests in any window of `w` starting at a request.
fn max_in_window(times: &[Instant], w: Duration) -> usize {
    let mut best = 0;
    let mut j = 0;
    for i in 0..times.len() {
        while j < times.len() && times[j] - times[i] < w {
            j += 1;
        }
        best = best.max(j - i);
    }
    best
}

fn figures(shared: &Shared) -> Value {
    let mut max_window = 0;
    let mut requests = 0;
    let mut shed = 0;
    let mut min_gap = Duration::MAX;
    let (mut first, mut last) = (None::<Instant>, None::<Instant>);
    for log in &shared.logs {
        let mut log = log.lock().expect("host log");
        log.times.sort();
        requests += log.times.len();
        shed += log.shed;
        max_window = max_window.max(max_in_window(&log.times, Duration::from_secs(1)));
        for w in log.times.windows(2) {
            min_gap = min_gap.min(w[1] - w[0]);
        }
        first = first
            .min(log.times.first().copied())
            .or(log.times.first().copied());
        last = last.max(log.times.last().copied());
    }
    json!({
        "requests": requests,
        "shed": shed,
        "connections": shared.connections.load(Ordering::Relaxed),
        "max_requests_in_any_1s_window_of_a_host": max_window,
        "min_gap_ms_of_a_host": if min_gap == Duration::MAX { 0.0 } else { min_gap.as_secs_f64() * 1e3 },
        "server_span_s": match (first, last) { (Some(a), Some(b)) => (b - a).as_secs_f64(), _ => 0.0 },
    })
}

/// The crawl's side of the benchmark.
pub struct Plan {
    pub hosts: usize,
    pub articles: usize,
    pub rate: f64,
    pub burst: u32,
    pub concurrency: usize,
    pub shed: usize,
}

/// The soft limit on open files, from `/proc/self/limits`.
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Starts the server (this binary's `serve-hosts`), crawls every host with the pipeline,
/// and reports wall time against the politeness schedule, requests/s and peak RSS.
pub fn run(plan: &Plan, out: &std::path::Path) -> Result<Value> {
    // the crawler keeps up to two connections per host, the server a listener and a
    // connection per host, plus files of the run
    let need = 2 * plan.hosts as u64 + 256;
    if let Some(limit) = open_files_limit()
        && limit < need
    {
        bail!(
            "{} hosts need about {need} open files in this process, the limit is {limit}\nhint: raise it first (`ulimit -n {}`)",
            plan.hosts,
            need.max(8192)
        );
    }
    let exe = std::env::current_exe()?;
    let mut server = std::process::Command::new(exe)
        .args([
            "serve-hosts",
            "--hosts",
            &plan.hosts.to_string(),
            "--articles",
            &plan.articles.to_string(),
            "--shed",
            &plan.shed.to_string(),
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("starting the server")?;
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(
        server.stdout.take().context("server stdout")?,
    ));
    let ready: Value = serde_json::from_str(&lines.next().context("server ended")??)?;
    let port = ready["port"].as_u64().context("port")?;
    let seeds: Vec<String> = (0..plan.hosts)
        .map(|i| format!("\"http://{}:{port}/\"", host_addr(i)))
        .collect();
    let output = out.display().to_string().replace('\\', "/");
    let toml = format!(
        r#"[pipeline]
name = "many-hosts"
output = "{output}"

[fetch]
seeds = [{seeds}]
follow = ["/baogao/"]
max_depth = 3
per_host_rate = {rate:?}
burst = {burst}
concurrency = {concurrency}
user_agent = "baogao-bench"
respect_robots = true
retries = 3
backoff_base = "200ms"
timeout = "30s"
"#,
        seeds = seeds.join(", "),
        rate = plan.rate,
        burst = plan.burst,
        concurrency = plan.concurrency,
    );
    let config = baogao_pipeline::Config::from_str(std::path::Path::new("many-hosts.toml"), &toml)?;
    let cpu0 = crate::procstat::cpu_seconds().unwrap_or(0.0);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let t = Instant::now();
    let summary = rt.block_on(baogao_pipeline::run(
        &config,
        baogao_pipeline::RunOptions::default(),
        tokio_util::sync::CancellationToken::new(),
    ))?;
    let wall = t.elapsed().as_secs_f64();
    let cpu = crate::procstat::cpu_seconds().unwrap_or(0.0) - cpu0;
    drop(rt);
    drop(server.stdin.take());
    let seen: Value = serde_json::from_str(&lines.next().context("server figures")??)?;
    server.wait()?;
    let per_host = requests_per_host(plan.articles);
    let schedule = (per_host - 1) as f64 / plan.rate;
    let requests = summary.manifest.counts.get("fetch").map_or(0, |c| c.input);
    let shed = seen["shed"].as_u64().unwrap_or(0);
    Ok(json!({
        "hosts": plan.hosts,
        "per_host_rate": plan.rate,
        "burst": plan.burst,
        "concurrency": plan.concurrency,
        "shed_every": plan.shed,
        "requests_per_host": per_host,
        "schedule_s": schedule,
        "wall_s": wall,
        "wall_over_schedule": wall / schedule,
        "requests": requests,
        "requests_per_s": requests as f64 / wall,
        "retry_after_waits_s": shed as f64,
        "cpu_s": cpu,
        "peak_rss_mib": crate::procstat::peak_rss_bytes().map(|b| b as f64 / f64::from(1 << 20)),
        "status": format!("{:?}", summary.manifest.status),
        "failed": summary.failed,
        "rows": summary.manifest.rows,
        "server": seen,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_site_shape() {
        assert_eq!(host_addr(0), Ipv4Addr::new(127, 0, 1, 1));
        assert_eq!(host_addr(249), Ipv4Addr::new(127, 0, 1, 250));
        assert_eq!(host_addr(250), Ipv4Addr::new(127, 0, 2, 1));
        let s = site(10);
        assert_eq!(s.len(), requests_per_host(10));
        assert_eq!(requests_per_host(10), 30);
        assert!(s.contains_key("/baogao/a9_2.html"));
    }

    #[test]
    fn windows() {
        let t = Instant::now();
        let times: Vec<Instant> = [0, 400, 900, 1000, 1500]
            .iter()
            .map(|ms| t + Duration::from_millis(*ms))
            .collect();
        assert_eq!(max_in_window(&times, Duration::from_secs(1)), 3);
    }
}
