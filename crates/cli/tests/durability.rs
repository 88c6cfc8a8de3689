//! The output lock, Ctrl-C, run budgets and `baogao compact`, through the
//! real binary against a generated site on loopback.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{TestSite, check_with_python, committed_articles, committed_pages, path_of};

fn wait_for(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn manifests(out: &Path) -> Vec<Value> {
    let mut paths: Vec<_> = std::fs::read_dir(out.join("_runs"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("manifest")).expect("JSON"))
        .collect()
}

fn manifest_of(out: &Path, run_id: &str) -> Value {
    manifests(out)
        .into_iter()
        .find(|m| m["run_id"] == run_id)
        .unwrap_or_else(|| panic!("no manifest for run `{run_id}`"))
}

/// The run id of `baogao run`'s summary line (`run ID Status in …`).
fn run_id_of(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("run "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no summary line in {stdout:?}"))
        .to_owned()
}

/// Every URL of the site is in `pages` exactly once.
fn assert_pages_complete(out: &Path, site: &TestSite) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (url, _) in committed_pages(out) {
        *counts.entry(url).or_default() += 1;
    }
    let dups: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(dups.is_empty(), "duplicated pages rows: {dups:?}");
    let urls: BTreeSet<String> = counts.into_keys().collect();
    assert_eq!(urls, site.all_urls());
}

/// No article requested under `tag` was in `committed` (committed before).
fn assert_not_fetched_again(site: &TestSite, tag: u32, committed: &BTreeSet<String>) {
    let requested = site.article_requests(tag);
    let again: Vec<_> = committed
        .iter()
        .map(|u| path_of(u))
        .filter(|p| requested.contains_key(p))
        .collect();
    assert!(again.is_empty(), "fetched again: {again:?}");
    for (p, n) in requested {
        assert_eq!(n, 1, "`{p}` requested {n} times in one run");
    }
}

#[test]
fn a_second_run_is_refused_while_one_runs_and_a_dead_runs_lock_is_taken_over() {
    let site = TestSite::start(150, 6, Duration::from_millis(40));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(dir.path(), &site, "checkpoint_pages = 10", "");
    let out = dir.path().join("out");
    let lock = out.join("_lock");

    let mut first = support::spawn_run(&config);
    wait_for("the first run's lock", Duration::from_secs(20), || {
        std::fs::read_to_string(&lock).is_ok_and(|s| s.ends_with('\n'))
    });
    let held = std::fs::read_to_string(&lock).expect("lock");
    let (pid, holder) = held.trim().split_once(' ').expect("`PID RUN_ID`");
    assert_eq!(pid, first.id().to_string());

    let second = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    let err = support::text(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("locked by run `{holder}` (pid {pid})")),
        "the message names the run holding the lock: {err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(
        first.try_wait().expect("try_wait").is_none(),
        "the first run went on"
    );

    // Killed: its lock stays behind, stale.
    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    assert_eq!(std::fs::read_to_string(&lock).expect("stale lock"), held);
    let committed = committed_articles(&out);
    site.set_tag(1);
    let third = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    let err = support::text(&third.stderr);
    assert!(third.status.success(), "{err}");
    assert!(err.contains("taking over a stale lock"), "{err}");
    assert!(!lock.exists(), "the lock is released at the end");
    assert_pages_complete(&out, &site);
    assert_not_fetched_again(&site, 1, &committed);
    // the killed run left no manifest; the run that found its lock wrote one
    let killed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join("_runs").join(format!("{holder}.json")))
            .expect("a manifest for the killed run"),
    )
    .expect("json");
    assert_eq!(killed["status"], "killed", "{killed}");
    assert!(
        killed["note"]
            .as_str()
            .unwrap_or("")
            .contains("killed before"),
        "{killed}"
    );
}

#[test]
fn ctrl_c_drains_within_the_deadline_and_records_an_interrupted_run() {
    let site = TestSite::start(200, 8, Duration::from_millis(50));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(
        dir.path(),
        &site,
        "checkpoint_pages = 10\ndrain_deadline = \"5s\"",
        "",
    );
    let out = dir.path().join("out");
    let child = support::spawn_run(&config);
    // Well into the crawl: some checkpoints are committed.
    wait_for("a first checkpoint", Duration::from_secs(20), || {
        out.join("pages").is_dir() && !committed_pages(&out).is_empty()
    });
    let first = committed_pages(&out).len();
    wait_for("a second checkpoint", Duration::from_secs(20), || {
        committed_pages(&out).len() > first
    });
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let output = child.wait_with_output().expect("wait");
    let stdout = support::text(&output.stdout);
    let stderr = support::text(&output.stderr);
    // drained within `drain_deadline`: a drain past it exits 2 and records "did not drain"
    assert!(
        output.status.success(),
        "{}\n{stdout}{stderr}",
        output.status
    );
    assert!(stderr.contains("stopping"), "{stderr}");

    let run_id = run_id_of(&stdout);
    let m = manifest_of(&out, &run_id);
    assert_eq!(m["status"], "interrupted", "{m}");
    assert!(
        m["note"].as_str().is_some_and(|n| n.contains("resumes")),
        "{m}"
    );
    assert!(!out.join("_lock").exists());
    assert!(
        !out.join("_staging").exists(),
        "nothing left half-committed"
    );

    // What it committed is readable, once per URL, and a part of the site.
    let py = check_with_python(&out);
    let urls = py["urls"].as_object().expect("urls");
    assert!(urls.values().all(|n| n == 1), "{py}");
    let committed = committed_articles(&out);
    assert!(
        !committed.is_empty() && committed.len() < site.articles,
        "{} of {} articles committed",
        committed.len(),
        site.articles
    );
    // Everything fetched before the SIGINT was drained and committed.
    let fetched: BTreeSet<String> = site.article_requests(0).into_keys().collect();
    let committed_paths: BTreeSet<String> = committed.iter().map(|u| path_of(u)).collect();
    assert_eq!(
        fetched, committed_paths,
        "every fetched article was committed"
    );

    // The next run resumes.
    site.set_tag(1);
    let next = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(next.status.success(), "{}", support::text(&next.stderr));
    assert_pages_complete(&out, &site);
    assert_not_fetched_again(&site, 1, &committed);
}

#[test]
fn max_pages_runs_commit_at_most_n_pages_and_the_next_runs_continue() {
    const N: u64 = 40;
    let site = TestSite::start(100, 5, Duration::from_millis(2));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(dir.path(), &site, "", &format!("max_pages = {N}"));
    let out = dir.path().join("out");
    let mut runs = 0;
    loop {
        assert!(runs < 10, "the crawl never finished");
        let committed = committed_articles(&out);
        site.set_tag(runs);
        let o = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
        assert!(o.status.success(), "{}", support::text(&o.stderr));
        let run_id = run_id_of(&support::text(&o.stdout));
        let m = manifest_of(&out, &run_id);
        let written = baogao_write::read_strings(&out, baogao_write::Table::Pages, &["run_id"])
            .expect("pages")
            .into_iter()
            .filter(|r| r[0].as_deref() == Some(run_id.as_str()))
            .count() as u64;
        assert!(
            written <= N,
            "run {runs} committed {written} pages (max_pages {N})"
        );
        assert_eq!(m["rows"]["pages"], written, "{m}");
        assert_not_fetched_again(&site, runs, &committed);
        runs += 1;
        if m["status"] == "ok" {
            break;
        }
        assert_eq!(m["status"], "interrupted", "{m}");
        assert_eq!(m["note"], "max_pages reached; the next run resumes", "{m}");
        assert_eq!(written, N, "a budget-stopped run used its whole budget");
    }
    assert!(
        runs >= 3,
        "100 articles in runs of {N} pages took {runs} runs"
    );
    assert_pages_complete(&out, &site);
    let py = check_with_python(&out);
    assert_eq!(py["tables"]["documents"]["duckdb"], 100, "{py}");
}

#[test]
fn max_duration_ends_the_run_cleanly_and_the_next_run_resumes() {
    let site = TestSite::start(200, 8, Duration::from_millis(50));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(
        dir.path(),
        &site,
        "checkpoint_pages = 10\nmax_duration = \"1500ms\"",
        "",
    );
    let out = dir.path().join("out");
    let o = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    let m = manifest_of(&out, &run_id_of(&support::text(&o.stdout)));
    assert_eq!(m["status"], "interrupted", "{m}");
    let committed = committed_articles(&out);
    assert!(
        !committed.is_empty() && committed.len() < 200,
        "{} articles in 1.5s",
        committed.len()
    );
    let fetched: BTreeSet<String> = site.article_requests(0).into_keys().collect();
    let committed_paths: BTreeSet<String> = committed.iter().map(|u| path_of(u)).collect();
    assert_eq!(fetched, committed_paths, "the run drained what it fetched");

    // Without the budget, the next run finishes the crawl.
    let config = support::config(dir.path(), &site, "checkpoint_pages = 10", "");
    site.set_tag(1);
    let o = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    let m = manifest_of(&out, &run_id_of(&support::text(&o.stdout)));
    assert_eq!(m["status"], "ok", "{m}");
    assert_pages_complete(&out, &site);
    assert_not_fetched_again(&site, 1, &committed);
}

/// Per table: rows and a SHA-256 over the sorted rows, as pyarrow reads the
/// folder; and DuckDB's row count of the same folder.
fn content(out: &Path) -> Value {
    const SCRIPT: &str = r#"
import hashlib, json, os, sys
import duckdb, pyarrow.parquet as pq
root = sys.argv[1]
res = {}
con = duckdb.connect()
for table in ['pages', 'documents', 'reports', 'targets', 'outcomes']:
    d = os.path.join(root, table)
    if not any(n.endswith('.parquet') for _, _, ns in os.walk(d) for n in ns):
        continue
    rows = sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)
                  for r in pq.read_table(d).to_pylist())
    h = hashlib.sha256('\n'.join(rows).encode()).hexdigest()
    duck = con.execute("select count(*) from read_parquet(?, hive_partitioning = true)",
                       [os.path.join(d, '**', '*.parquet')]).fetchone()[0]
    res[table] = {'rows': len(rows), 'sha256': h, 'duckdb': duck}
print(json.dumps(res))
"#;
    let o = std::process::Command::new(support::python())
        .arg("-c")
        .arg(SCRIPT)
        .arg(out)
        .output()
        .expect("python");
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn parquet_files(dir: &Path) -> usize {
    baogao_write::list_files(dir).expect("list").len()
}

#[test]
fn compact_merges_small_files_and_readers_see_the_same_rows() {
    let site = TestSite::start(120, 6, Duration::from_millis(1));
    let dir = tempfile::tempdir().expect("tempdir");
    // Tiny checkpoints: many small files.
    let config = support::config(dir.path(), &site, "checkpoint_pages = 5", "");
    let out = dir.path().join("out");
    let o = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    let before = content(&out);
    let files_before = parquet_files(&out);
    assert!(files_before > 40, "{files_before} files");

    // Refused while another process holds the lock.
    std::fs::write(
        out.join("_lock"),
        format!("{} some-run\n", std::process::id()),
    )
    .expect("lock");
    let o = support::run(&["compact".as_ref(), out.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(support::text(&o.stderr).contains("locked by run `some-run`"));
    assert_eq!(parquet_files(&out), files_before);
    std::fs::remove_file(out.join("_lock")).expect("unlock");

    let o = support::run(&["compact".as_ref(), out.as_os_str(), "--json".as_ref()]);
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    let done: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(!done.as_array().expect("list").is_empty());
    // One file per table and partition left.
    let files = baogao_write::list_files(&out).expect("list");
    let folders: BTreeSet<_> = files.iter().map(|f| f.parent().expect("folder")).collect();
    assert_eq!(files.len(), folders.len(), "{files:?}");
    assert!(files.len() < files_before / 10, "{} files", files.len());
    assert_eq!(content(&out), before, "the same rows before and after");
    for (table, c) in before.as_object().expect("tables") {
        assert_eq!(c["rows"], c["duckdb"], "{table}");
    }
    assert!(!out.join("_staging").exists() && !out.join("_lock").exists());

    let o = support::run(&["compact".as_ref(), out.as_os_str()]);
    assert!(support::text(&o.stdout).contains("nothing to compact"));

    // A run after the compaction still resumes and duplicates nothing.
    let committed = committed_articles(&out);
    site.set_tag(1);
    let o = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    assert!(o.status.success(), "{}", support::text(&o.stderr));
    assert_pages_complete(&out, &site);
    assert_not_fetched_again(&site, 1, &committed);
}

#[test]
fn a_drain_past_its_deadline_gives_up_and_records_why() {
    // Every response takes 20 s: the seed is still in flight at Ctrl-C.
    let site = TestSite::start(10, 1, Duration::from_secs(20));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(dir.path(), &site, "drain_deadline = \"1s\"", "");
    let out = dir.path().join("out");
    let child = support::spawn_run(&config);
    wait_for("the seed request", Duration::from_secs(20), || {
        !site.log().is_empty()
    });
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let output = child.wait_with_output().expect("wait");
    let stderr = support::text(&output.stderr);
    // gave up at the deadline (exit 2, the note below) rather than waiting out the 20 s answer
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did not drain within 1s"), "{stderr}");
    let runs = manifests(&out);
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!(runs[0]["status"], "interrupted");
    assert!(
        runs[0]["note"]
            .as_str()
            .is_some_and(|n| n.contains("did not drain")),
        "{}",
        runs[0]
    );
}

/// `config` with its output moved to `output` (relative to the config's folder).
fn with_output(config: &Path, output: &str) {
    let text = std::fs::read_to_string(config).expect("config");
    let text = text.replacen("output = \"out\"", &format!("output = \"{output}\""), 1);
    std::fs::write(config, text).expect("config");
}

#[test]
fn unwritable_output_fails_at_start() {
    let site = TestSite::start(40, 2, Duration::ZERO);
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(dir.path(), &site, "", "");

    // under a regular file: unwritable for root too
    std::fs::write(dir.path().join("blocker"), "").expect("file");
    with_output(&config, "blocker/out");
    let run = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    let err = support::text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    let want = format!(
        "output `{}` is not writable",
        dir.path().join("blocker/out").display()
    );
    assert!(err.contains(&want), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(site.log().is_empty(), "fetched: {:?}", site.log());

    // a read-only folder that still holds the `_lock` of a killed run: the lock could be
    // taken, and every page was fetched before the first write failed. Root ignores
    // permission bits, so this part only runs where they hold.
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).expect("dir");
    std::fs::write(ro.join("_lock"), "").expect("lock");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let bits_hold = std::fs::write(ro.join("probe"), "").is_err();
    if bits_hold {
        with_output(&config, "ro");
        let run = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
        let err = support::text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{err}");
        assert!(err.contains("is not writable"), "{err}");
        assert!(site.log().is_empty(), "fetched: {:?}", site.log());
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn failed_write_stops_fetching() {
    let site = TestSite::start(300, 3, Duration::from_millis(2));
    let dir = tempfile::tempdir().expect("tempdir");
    // every page is a checkpoint: the first one fails
    let config = support::config(dir.path(), &site, "checkpoint_pages = 1", "");
    let out = dir.path().join("out");
    // the crawl day's partition of `pages` is a file, so no page can be committed (a full
    // disk, for root too); UTC days around now, for a run that crosses midnight
    let pages = out.join("pages");
    std::fs::create_dir_all(&pages).expect("pages");
    let now = chrono::Utc::now();
    for day in [
        now - chrono::Duration::days(1),
        now,
        now + chrono::Duration::days(1),
    ] {
        let name = format!("crawl_date={}", day.format("%Y-%m-%d"));
        std::fs::write(pages.join(name), "").expect("blocker");
    }

    let run = support::run(&["run".as_ref(), "--quiet".as_ref(), config.as_os_str()]);
    let err = support::text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot write the output, the run was stopped"),
        "{err}"
    );
    assert!(
        err.contains("crawl_date="),
        "the error names the path: {err}"
    );
    // stopped at the first failed write: only what was in flight then was fetched
    let fetched = site.article_requests(0).len();
    assert!(
        fetched < site.articles / 3,
        "the crawl went on after the write failed: {fetched} of {} articles fetched",
        site.articles
    );
    let m = manifests(&out);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0]["status"], "failed", "{}", m[0]);
    assert!(
        m[0]["note"]
            .as_str()
            .is_some_and(|n| n.contains("cannot write the output")),
        "{}",
        m[0]
    );
    assert!(!out.join("_lock").exists());
}
