//! The everyday workflow through the `baogao` binary, against a small report
//! site on loopback whose pages a test can add while it runs: a crawl; a
//! stage re-run after a rule changed (`--stage extract` with an added
//! dictionary, then without outcomes), which replaces what the stage wrote
//! and fetches nothing; error rows requested again by the next run; one
//! exit-code rule for `run`, `demo`, `runs` and `compact`; and
//! `baogao clean URL > f.txt; baogao extract f.txt` giving what the pipeline
//! gives for the page.

mod support;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};

use baogao_model::{Outcome, Report, Target};
use serde_json::Value;
use support::{baogao, text};

/// Pages by path (a missing path answers 404), and every request's path.
#[derive(Default)]
struct State {
    pages: BTreeMap<String, String>,
    log: Vec<String>,
}

struct Site {
    port: u16,
    state: Arc<Mutex<State>>,
}

impl Site {
    fn start() -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = answer(stream, &state);
                });
            }
        });
        Site { port, state }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn put(&self, path: &str, html: String) {
        self.state
            .lock()
            .expect("state")
            .pages
            .insert(path.to_owned(), html);
    }

    /// Paths requested so far, in order.
    fn requests(&self) -> Vec<String> {
        self.state.lock().expect("state").log.clone()
    }
}

fn answer(mut stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let Some(path) = support::request_path(&mut stream)? else {
        return Ok(());
    };
    let page = {
        let mut s = state.lock().expect("state");
        s.log.push(path.clone());
        s.pages.get(&path).cloned()
    };
    let (status, body) = match page {
        Some(b) => ("200 OK", b),
        None => (
            "404 Not Found",
            "<html><body>页面不存在</body></html>".to_owned(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}

/// An article page: `title` in `<title>` and `<h1>`, a publication date in
/// `<meta>`, a breadcrumb, and `paragraphs` as the body.
fn article(title: &str, date: &str, paragraphs: &[&str]) -> String {
    let body = paragraphs.iter().fold(String::new(), |mut body, p| {
        let _ = write!(body, "<p>{p}</p>");
        body
    });
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta name=\"PubDate\" content=\"{date}\"></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/about/\">关于我们</a></div>\
         <div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/baogao/\">政府工作报告</a></div>\
         <h1>{title}</h1><div class=\"content\">{body}</div>\
         <div class=\"footer\">版权所有 网站标识码</div></body></html>"
    )
}

/// The report of 长治市 for 2024: the city is named in the title alone,
/// outcomes of 2023, and a target (森林覆盖率) the built-in dictionary lacks.
fn changzhi() -> String {
    article(
        "长治市2024年政府工作报告",
        "2024-02-01",
        &[
            "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。",
            "一、2023年工作回顾。过去一年，全市地区生产总值增长5.5%，一般公共预算收入增长8.2%，\
             城镇新增就业2.1万人，经济运行总体平稳，民生保障持续加强，各项事业取得新的进展。",
            "二、2024年工作安排。今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，\
             一般公共预算收入增长5%，城镇新增就业2万人以上，居民消费价格涨幅3%左右，\
             森林覆盖率达到45%。实现这些目标，需要我们付出艰苦努力。",
        ],
    )
}

fn jinzhong() -> String {
    article(
        "晋中市2024年政府工作报告",
        "2024-01-20",
        &[
            "各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。",
            "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，\
             规模以上工业增加值增长6%，固定资产投资增长8%，森林覆盖率达到38%。",
        ],
    )
}

fn lvliang() -> String {
    article(
        "吕梁市2024年政府工作报告",
        "2024-02-20",
        &["今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长4%。"],
    )
}

fn listing() -> String {
    "<html><head><title>政府工作报告</title></head><body><ul>\
     <li><a href=\"/baogao/art/1001.html\">长治市2024年政府工作报告</a></li>\
     <li><a href=\"/baogao/art/1002.html\">晋中市2024年政府工作报告</a></li>\
     <li><a href=\"/baogao/art/1003.html\">吕梁市2024年政府工作报告</a></li>\
     </ul></body></html>"
        .to_owned()
}

/// The site with its listing and two of the three articles it links
/// (`/baogao/art/1003.html` answers 404 until a test puts it there).
/// Articles are named with a number, as on report sites: the crawler skips
/// those committed by an earlier run without asking for them again.
fn report_site() -> Site {
    let site = Site::start();
    site.put("/baogao/", listing());
    site.put("/baogao/art/1001.html", changzhi());
    site.put("/baogao/art/1002.html", jinzhong());
    site
}

/// `dir/baogao.toml` crawling `site` into `dir/out`; `extract` holds extra
/// lines of `[extract]`.
fn write_config(dir: &Path, site: &Site, extract: &str) -> PathBuf {
    let text = format!(
        r#"[pipeline]
output = "out"

[fetch]
seeds = ["{base}/baogao/"]
follow = ["/baogao/"]
max_depth = 2
per_host_rate = 1000.0
burst = 50
concurrency = 4
user_agent = "baogao-workflow-test (+mailto:test@example.org)"
respect_robots = false
retries = 0

[extract]
{extract}
"#,
        base = site.base()
    );
    let path = dir.join("baogao.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

fn run(args: &[&str]) -> Output {
    baogao().args(args).output().expect("run baogao")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `baogao run CONFIG ARGS…` with `--quiet --no-report`.
fn run_config(config: &Path, args: &[&str]) -> Output {
    let mut all = vec!["run", "--quiet", "--no-report", path_str(config)];
    all.extend_from_slice(args);
    run(&all)
}

fn indicators(targets: &[Target], doc_id: &str) -> Vec<String> {
    let mut v: Vec<String> = targets
        .iter()
        .filter(|t| t.doc_id == doc_id)
        .map(|t| t.indicator.clone())
        .collect();
    v.sort();
    v
}

fn doc_of(reports: &[Report], region: &str) -> String {
    reports
        .iter()
        .find(|r| r.region.as_deref() == Some(region))
        .unwrap_or_else(|| panic!("no report of {region}: {reports:#?}"))
        .doc_id
        .clone()
}

#[test]
fn stage_extract_after_a_dictionary_change_replaces_the_targets() {
    let site = report_site();
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write_config(dir.path(), &site, "");
    let out = dir.path().join("out");

    let first = run_config(&config, &[]);
    assert_eq!(
        first.status.code(),
        Some(1),
        "a 404 makes a partial run: {}",
        text(&first.stderr)
    );
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let reports: Vec<Report> = baogao_write::read_all(&out).expect("reports");
    let outcomes: Vec<Outcome> = baogao_write::read_all(&out).expect("outcomes");
    assert_eq!(reports.len(), 2, "{reports:#?}");
    let changzhi = doc_of(&reports, "长治市");
    let before = indicators(&targets, &changzhi);
    assert!(before.contains(&"gdp".to_owned()), "{before:?}");
    assert!(
        before
            .iter()
            .any(|i| i.starts_with("other:") && i.contains("森林覆盖率")),
        "the built-in dictionary lacks 森林覆盖率: {before:?}"
    );
    assert!(!outcomes.is_empty(), "the 2023 review has outcomes");
    let requests = site.requests().len();

    // a rule changes: an added dictionary names 森林覆盖率
    std::fs::write(
        dir.path().join("forest.toml"),
        "[[indicator]]\nid = \"forest_cover\"\nmeasure = \"share\"\naliases = [\"森林覆盖率\"]\nunits = { share = \"%\" }\n",
    )
    .expect("write dictionary");
    let config = write_config(dir.path(), &site, "extra_dictionaries = [\"forest.toml\"]");
    for round in 0..2 {
        let rerun = run_config(&config, &["--stage", "extract"]);
        assert_eq!(rerun.status.code(), Some(0), "{}", text(&rerun.stderr));
        assert_eq!(site.requests().len(), requests, "--stage extract fetched");
        let again: Vec<Target> = baogao_write::read_all(&out).expect("targets");
        assert_eq!(
            again.len(),
            targets.len(),
            "round {round}: the targets table is replaced, not added to"
        );
        let after = indicators(&again, &changzhi);
        let mut want: Vec<String> = before
            .iter()
            .map(|i| {
                if i.contains("森林覆盖率") {
                    "forest_cover".to_owned()
                } else {
                    i.clone()
                }
            })
            .collect();
        want.sort();
        assert_eq!(after, want, "round {round}");
        let forest: Vec<&Target> = again
            .iter()
            .filter(|t| t.indicator == "forest_cover")
            .collect();
        assert_eq!(forest.len(), 2, "both reports: {forest:#?}");
        let reports_again: Vec<Report> = baogao_write::read_all(&out).expect("reports");
        assert_eq!(reports_again.len(), reports.len(), "round {round}: reports");
        let outcomes_again: Vec<Outcome> = baogao_write::read_all(&out).expect("outcomes");
        assert_eq!(
            outcomes_again.len(),
            outcomes.len(),
            "round {round}: outcomes"
        );
    }

    // another: no outcomes
    let config = write_config(
        dir.path(),
        &site,
        "extra_dictionaries = [\"forest.toml\"]\noutcomes = false",
    );
    let rerun = run_config(&config, &["--stage", "extract"]);
    assert_eq!(rerun.status.code(), Some(0), "{}", text(&rerun.stderr));
    let outcomes_now: Vec<Outcome> = baogao_write::read_all(&out).expect("outcomes");
    assert!(
        outcomes_now.is_empty(),
        "outcomes = false: {outcomes_now:#?}"
    );
    let targets_now: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    assert_eq!(targets_now.len(), targets.len());
    assert_eq!(site.requests().len(), requests, "--stage extract fetched");
}

#[test]
fn error_rows_are_requested_again_by_the_next_run() {
    let site = report_site();
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write_config(dir.path(), &site, "");
    let out = dir.path().join("out");
    let missing = "/baogao/art/1003.html";

    let first = run_config(&config, &[]);
    assert_eq!(first.status.code(), Some(1), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).contains("http_404 1"),
        "{}",
        text(&first.stdout)
    );
    let asked = |from: usize, path: &str| {
        site.requests()[from..]
            .iter()
            .filter(|p| *p == path)
            .count()
    };
    assert_eq!(asked(0, missing), 1);

    // still missing: asked again, still a partial run
    let mark = site.requests().len();
    let second = run_config(&config, &[]);
    assert_eq!(second.status.code(), Some(1), "{}", text(&second.stderr));
    assert_eq!(asked(mark, missing), 1, "the error row was not retried");
    assert_eq!(
        asked(mark, "/baogao/art/1001.html"),
        0,
        "a committed article was fetched again"
    );

    // the page appears: the next run fetches it and is whole
    site.put(missing, lvliang());
    let mark = site.requests().len();
    let third = run_config(&config, &[]);
    assert_eq!(third.status.code(), Some(0), "{}", text(&third.stderr));
    assert_eq!(asked(mark, missing), 1);
    let reports: Vec<Report> = baogao_write::read_all(&out).expect("reports");
    assert_eq!(reports.len(), 3, "{reports:#?}");
    doc_of(&reports, "吕梁市");
}

#[test]
fn error_rows_of_links_on_committed_articles_are_requested_again() {
    // a dead link on an article page (a 相关文章 list), as on the sample site:
    // the next run does not fetch the committed article, so the link is not
    // found again; the docs promise the error row is retried all the same
    let site = report_site();
    let dead = "/baogao/art/1099.html";
    site.put(
        "/baogao/art/1002.html",
        jinzhong().replace(
            "</body>",
            &format!("<div class=\"related\"><a href=\"{dead}\">相关文章</a></div></body>"),
        ),
    );
    site.put("/baogao/art/1003.html", lvliang());
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write_config(dir.path(), &site, "");
    let asked = |from: usize| {
        site.requests()[from..]
            .iter()
            .filter(|p| *p == dead)
            .count()
    };

    let first = run_config(&config, &[]);
    assert_eq!(first.status.code(), Some(1), "{}", text(&first.stderr));
    assert_eq!(asked(0), 1, "{:?}", site.requests());
    let mark = site.requests().len();
    let second = run_config(&config, &[]);
    assert_eq!(
        asked(mark),
        1,
        "the error row was not retried: {:?}",
        &site.requests()[mark..]
    );
    assert_eq!(second.status.code(), Some(1), "{}", text(&second.stderr));
}

#[test]
fn run_and_demo_give_a_partial_result_the_same_exit_code() {
    // the sample site links to missing pages: a partial run from either
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("demo-out");
    let demo = run(&["demo", "--quiet", "--output", path_str(&out)]);
    let manifest = run(&["runs", "--json", path_str(&out)]);
    assert_eq!(
        manifest.status.code(),
        Some(0),
        "{}",
        text(&manifest.stderr)
    );
    let runs: Value = serde_json::from_slice(&manifest.stdout).expect("json");
    let status = runs[0]["status"]
        .as_str()
        .unwrap_or_default()
        .to_lowercase();
    assert_eq!(status, "partial", "{runs}");
    assert_eq!(demo.status.code(), Some(1), "{}", text(&demo.stderr));

    let site = report_site();
    let config = write_config(dir.path(), &site, "");
    let run = run_config(&config, &[]);
    assert_eq!(
        run.status.code(),
        demo.status.code(),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn a_dataset_that_is_not_there_exits_2_from_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nosuch = dir.path().join("nosuch");
    let nosuch = path_str(&nosuch);
    for args in [
        vec!["runs", nosuch],
        vec!["runs", "--json", nosuch],
        vec!["compact", nosuch],
        vec!["report", nosuch],
        vec!["export", nosuch, "--format", "csv"],
    ] {
        let o = run(&args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("no dataset at") && err.contains("nosuch"),
            "{args:?}: {err}"
        );
    }
    // and a usage error, as clap gives it
    let o = run(&["runs"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
}

#[test]
fn extract_of_several_files_exits_1_when_some_fail_and_2_when_all_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "长治市2024年政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let some = run(&["extract", path_str(&good), path_str(&missing)]);
    assert_eq!(some.status.code(), Some(1), "{}", text(&some.stderr));
    assert!(
        text(&some.stdout).contains("gdp"),
        "the good file is printed"
    );
    let all = run(&["extract", path_str(&missing)]);
    assert_eq!(all.status.code(), Some(2), "{}", text(&all.stderr));
}

/// The fields `extract --json` prints that say whose report it is.
fn who(report: &Value) -> Vec<(String, Value)> {
    [
        "province",
        "prefecture",
        "region",
        "level",
        "region_code",
        "target_year",
        "report_date",
        "title",
        "url",
        "doc_id",
    ]
    .iter()
    .map(|k| ((*k).to_owned(), report[*k].clone()))
    .collect()
}

/// (indicator, value, char_start, char_end) of each target, sorted.
fn target_keys(targets: &Value) -> Vec<String> {
    let mut v: Vec<String> = targets
        .as_array()
        .expect("targets")
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {}",
                t["indicator"], t["value"], t["char_start"], t["char_end"]
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn clean_then_extract_gives_what_the_pipeline_gives_for_the_page() {
    let site = report_site();
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write_config(dir.path(), &site, "");
    let out = dir.path().join("out");
    let _partial = run_config(&config, &[]);
    let reports: Vec<Report> = baogao_write::read_all(&out).expect("reports");
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let url = format!("{}/baogao/art/1001.html", site.base());
    let piped = reports
        .iter()
        .find(|r| r.url == url)
        .unwrap_or_else(|| panic!("no report of {url}: {reports:#?}"));
    let piped = serde_json::to_value(piped).expect("json");
    let piped_targets: Vec<&Target> = targets
        .iter()
        .filter(|t| t.doc_id == piped["doc_id"].as_str().unwrap_or_default())
        .collect();
    let piped_targets = serde_json::to_value(&piped_targets).expect("json");
    assert_eq!(
        piped["region"], "长治市",
        "the title names the city: {piped}"
    );

    // `baogao clean URL > f.txt; baogao extract f.txt`
    let cleaned = run(&["clean", &url]);
    assert_eq!(cleaned.status.code(), Some(0), "{}", text(&cleaned.stderr));
    let file = dir.path().join("changzhi.txt");
    std::fs::write(&file, &cleaned.stdout).expect("write");
    assert!(
        text(&cleaned.stdout).starts_with("---\nurl: "),
        "{}",
        text(&cleaned.stdout)
    );
    let extracted = run(&["extract", "--json", path_str(&file)]);
    assert_eq!(
        extracted.status.code(),
        Some(0),
        "{}",
        text(&extracted.stderr)
    );
    let got: Value = serde_json::from_slice(&extracted.stdout).expect("json");
    assert_eq!(who(&got["report"]), who(&piped));
    assert_eq!(
        target_keys(&got["targets"]),
        target_keys(&piped_targets),
        "targets and their offsets"
    );

    // the same file from a local copy of the page (no URL, no fetch)
    let html = dir.path().join("changzhi.html");
    std::fs::write(&html, changzhi()).expect("write");
    let local = run(&["clean", path_str(&html)]);
    assert_eq!(local.status.code(), Some(0), "{}", text(&local.stderr));
    let body = |o: &Output| {
        text(&o.stdout)
            .split_once("\n---\n")
            .map(|(_, b)| b.to_owned())
    };
    assert_eq!(body(&local), body(&cleaned), "the same text from a file");

    // without the front matter the text alone lacks what the title says
    let plain = run(&["clean", "--plain", &url]);
    let plain_file = dir.path().join("plain.txt");
    std::fs::write(&plain_file, &plain.stdout).expect("write");
    let bare = run(&["extract", "--json", path_str(&plain_file)]);
    let bare: Value = serde_json::from_slice(&bare.stdout).expect("json");
    assert_ne!(
        bare["report"]["region"], "长治市",
        "the fixture needs its title"
    );
}
