//! Crash safety of the real binary: `baogao run` on a loopback site is killed
//! with SIGKILL at random points, each after the run's first commit, restarted
//! each time, and finally left to finish. The dataset must then open in pyarrow
//! and DuckDB, hold every URL of the site exactly once, and no article
//! committed by a run may have been fetched again by a later one. A second
//! test kills a polite crawl early five times and counts, on the server, how
//! often each article page was fetched.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use baogao_write::{RunStatus, Table};
use rand::{Rng, SeedableRng, rngs::StdRng};
use support::{TestSite, check_with_python, committed_articles, committed_pages, path_of};

/// Enough that the killed runs, which commit some 20–40 articles each, leave
/// work for the last one.
const ARTICLES: usize = 480;
const LISTINGS: usize = 12;
const KILLS: u32 = 15;
/// The seed of [`sigkill_at_random_points_loses_and_duplicates_nothing`] unless
/// `BAOGAO_CRASH_SEED` names another.
const CRASH_SEED: u64 = 25;
/// A kill lands at a random point up to this long after the run's first commit.
const MAX_KILL_DELAY_MS: u64 = 400;

/// `$name` as a seed, else `default`; a value that is no `u64` is an error, not
/// a silent fallback.
fn seed_from_env(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}=`{v}` is not a u64 seed")),
        Err(_) => default,
    }
}

/// The run ids of the rows committed in `pages` under `root`, or journaled
/// there (the next run's recovery finishes the commit): a run's id appears
/// with its first commit. `None` when a file went away while it was read (a
/// commit replaced it), to be asked again.
fn try_committed_run_ids(root: &Path) -> Option<BTreeSet<String>> {
    let mut roots = vec![root.to_owned()];
    if let Ok(entries) = std::fs::read_dir(root.join("_staging")) {
        roots.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("_COMMIT").exists()),
        );
    }
    let mut ids = BTreeSet::new();
    for r in &roots {
        let rows = baogao_write::read_strings(r, Table::Pages, &["run_id"]).ok()?;
        ids.extend(rows.into_iter().filter_map(|mut r| r[0].take()));
    }
    Some(ids)
}

/// Waits until `child`, a run started when `before` were the committed run ids,
/// has committed once, and returns its run id, which is then in the committed
/// rows; `None` when the run ended first. It polls the dataset: what it waits
/// for is a state, however long that takes.
fn first_commit(child: &mut Child, root: &Path, before: &BTreeSet<String>) -> Option<String> {
    loop {
        if let Some(new) =
            try_committed_run_ids(root).and_then(|ids| ids.difference(before).next().cloned())
        {
            return Some(new);
        }
        if child.try_wait().expect("try_wait").is_some() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn sigkill_at_random_points_loses_and_duplicates_nothing() {
    let seed = seed_from_env("BAOGAO_CRASH_SEED", CRASH_SEED);
    println!("crash test seed {seed} (set BAOGAO_CRASH_SEED={seed} to repeat, or another to vary)");
    let mut rng = StdRng::seed_from_u64(seed);
    let started = Instant::now();

    let site = TestSite::start(ARTICLES, LISTINGS, Duration::from_millis(40));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::config(
        dir.path(),
        &site,
        "checkpoint_pages = 10\ncheckpoint_interval = \"300ms\"",
        "",
    );
    let out = dir.path().join("out");

    // committed[k]: articles committed (or journaled) when run k ended.
    let mut committed: Vec<BTreeSet<String>> = Vec::new();
    // The run ids of the killed runs, each seen in the committed rows before its kill.
    let mut killed: BTreeSet<String> = BTreeSet::new();
    let mut finished_early = 0;
    for run in 0..KILLS {
        site.set_tag(run);
        let before = try_committed_run_ids(&out).expect("no run is writing");
        let mut child = support::spawn_run(&config);
        // The kill lands after the run's first commit, at a random point past it.
        let run_id = first_commit(&mut child, &out, &before);
        let delay = Duration::from_millis(rng.random_range(0..MAX_KILL_DELAY_MS));
        if run_id.is_some() {
            std::thread::sleep(delay);
        }
        let was_killed = run_id.is_some() && child.try_wait().expect("try_wait").is_none();
        if was_killed {
            child.kill().expect("SIGKILL baogao");
        } else {
            finished_early += 1;
        }
        child.wait().expect("reap baogao");
        // Whatever a reader can see now is complete Parquet…
        for table in Table::ALL {
            baogao_write::read_strings(&out, table, &["run_id"])
                .unwrap_or_else(|e| panic!("run {run}: `{}` unreadable: {e:#}", table.name()));
        }
        // …and holds what the run committed before its kill.
        if was_killed {
            let run_id = run_id.expect("a killed run committed");
            let ids = try_committed_run_ids(&out).expect("no run is writing");
            assert!(
                ids.contains(&run_id),
                "seed {seed}: run {run} (`{run_id}`) committed before its kill, and its rows are gone"
            );
            assert!(
                killed.insert(run_id),
                "seed {seed}: run {run}: a run id seen twice"
            );
        }
        let now = committed_articles(&out);
        let how = if was_killed {
            format!("killed {delay:?} after its first commit")
        } else {
            "ended before its kill".to_owned()
        };
        println!(
            "run {run}: {how}; {} articles committed, {} requested",
            now.len(),
            site.article_requests(run).len()
        );
        committed.push(now);
    }
    let kills = killed.len();
    let before_last = committed.last().map_or(0, BTreeSet::len);

    // The last run finishes.
    let last = KILLS;
    site.set_tag(last);
    let output = support::spawn_run(&config)
        .wait_with_output()
        .expect("last run");
    assert!(
        output.status.success(),
        "last run failed ({}):\n{}{}",
        output.status,
        support::text(&output.stdout),
        support::text(&output.stderr)
    );
    committed.push(committed_articles(&out));

    // The runs that found a killed run's stale lock wrote it a manifest: one
    // for each kill, none for a run that was not killed.
    let marked_killed: BTreeSet<String> = baogao_write::list_runs(&out)
        .expect("run manifests")
        .into_iter()
        .filter(|m| m.status == RunStatus::Killed)
        .map(|m| m.run_id)
        .collect();
    assert_eq!(
        marked_killed, killed,
        "seed {seed}: manifests marked `killed` differ from the runs killed after a commit"
    );

    // Every URL exactly once in `pages`, as we read it…
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (url, _) in committed_pages(&out) {
        *counts.entry(url).or_default() += 1;
    }
    let dups: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        dups.is_empty(),
        "seed {seed}: duplicated pages rows: {dups:?}"
    );
    let urls: BTreeSet<String> = counts.keys().cloned().collect();
    let expected = site.all_urls();
    assert_eq!(
        urls.symmetric_difference(&expected).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "seed {seed}: pages rows differ from the site's URLs"
    );

    // …and as DuckDB and pyarrow read it (every file opens in both).
    let py = check_with_python(&out);
    let duck_urls = py["urls"].as_object().expect("urls");
    assert_eq!(duck_urls.len(), expected.len(), "seed {seed}: {py}");
    for (url, n) in duck_urls {
        assert_eq!(
            n.as_u64(),
            Some(1),
            "seed {seed}: DuckDB sees `{url}` {n} times"
        );
        assert!(
            expected.contains(url),
            "seed {seed}: unexpected url `{url}`"
        );
    }
    for (table, n) in py["tables"].as_object().expect("tables") {
        assert_eq!(n["duckdb"], n["pyarrow"], "seed {seed}: `{table}`: {n}");
    }
    let docs = py["tables"]["documents"]["duckdb"].as_u64();
    assert_eq!(
        docs,
        Some(ARTICLES as u64),
        "seed {seed}: one document per article"
    );
    let reports = py["tables"]["reports"]["duckdb"].as_u64();
    assert_eq!(
        reports,
        Some(ARTICLES as u64),
        "seed {seed}: one report per article"
    );

    // Nothing committed was fetched again: an article requested by run j
    // was not committed when any earlier run i < j ended.
    for j in 0..=last {
        let requested = site.article_requests(j);
        for (path, n) in &requested {
            assert_eq!(*n, 1, "seed {seed}: run {j} requested `{path}` {n} times");
        }
        for (i, done) in committed.iter().enumerate().take(j as usize) {
            let again: Vec<_> = done
                .iter()
                .map(|u| path_of(u))
                .filter(|p| requested.contains_key(p))
                .collect();
            assert!(
                again.is_empty(),
                "seed {seed}: run {j} fetched again what run {i} had committed: {again:?}"
            );
        }
    }
    // Every article was fetched at least once, and the last run fetched
    // only what the killed runs had not committed.
    let last_fetched = site.article_requests(last).len();
    assert_eq!(last_fetched, ARTICLES - before_last, "seed {seed}");

    let total: usize = (0..=last).map(|j| site.article_requests(j).len()).sum();
    println!(
        "seed {seed}: {kills} kills ({finished_early} runs ended before their kill), \
         {total} article requests for {ARTICLES} articles, {} files, {:.1}s",
        py["files"],
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills >= KILLS as usize / 2,
        "seed {seed}: only {kills} of {KILLS} runs were killed mid-way"
    );
}

/// Articles of the polite crawl of [`sigkills_early_in_a_polite_crawl_refetch_little`].
const POLITE_ARTICLES: usize = 120;
const POLITE_LISTINGS: usize = 5;
const POLITE_KILLS: u32 = 5;
/// Requests per second of that crawl.
const POLITE_RATE: f64 = 4.0;

/// A polite crawl (4 requests/s, the default checkpoint cadence) killed with SIGKILL 5 times
/// in its first seconds, each time after its first commit plus a random delay, then left to
/// finish: the server counts how often each article page was fetched in all. A commit comes
/// as soon as a fetched page has waited `checkpoint_interval` (1 s), so a kill costs about a
/// second of fetched work, not everything since the start (every 500 pages or 30 s before).
/// The seed is fixed and printed; `BAOGAO_REFETCH_SEED` overrides it.
#[test]
fn sigkills_early_in_a_polite_crawl_refetch_little() {
    let seed = seed_from_env("BAOGAO_REFETCH_SEED", 22);
    println!("refetch test seed {seed} (set BAOGAO_REFETCH_SEED={seed} to repeat)");
    let mut rng = StdRng::seed_from_u64(seed);
    let site = TestSite::start(POLITE_ARTICLES, POLITE_LISTINGS, Duration::from_millis(5));
    let dir = tempfile::tempdir().expect("tempdir");
    let config = support::polite_config(dir.path(), &site, POLITE_RATE);
    let out = dir.path().join("out");

    let mut committed = BTreeSet::new();
    for run in 0..POLITE_KILLS {
        site.set_tag(run);
        let mut child = support::spawn_run(&config);
        // Wait for this run's first commit (polling the folder), so that the kill lands
        // after at least one.
        let before = committed.len();
        let ended_early = loop {
            if support::try_committed_articles(&out).is_some_and(|c| c.len() > before) {
                break false;
            }
            if child.try_wait().expect("try_wait").is_some() {
                break true;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(
            !ended_early,
            "seed {seed}: run {run} ended before its first commit"
        );
        // (the run is still writing: a read that meets a checkpoint replacing
        // a file is asked again)
        let first_commit = loop {
            if let Some(c) = support::try_committed_articles(&out) {
                break c.len();
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let delay = Duration::from_millis(rng.random_range(0..1500));
        std::thread::sleep(delay);
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "seed {seed}: run {run} finished before its kill"
        );
        child.kill().expect("SIGKILL baogao");
        child.wait().expect("reap baogao");
        committed = committed_articles(&out);
        assert!(committed.len() >= first_commit, "seed {seed}: run {run}");
        println!(
            "run {run}: killed {delay:?} after its first commit; {} articles committed, {} requested by it",
            committed.len(),
            site.article_requests(run).values().sum::<usize>()
        );
    }
    site.set_tag(POLITE_KILLS);
    let output = support::spawn_run(&config)
        .wait_with_output()
        .expect("last run");
    assert!(
        output.status.success(),
        "last run failed ({}):\n{}{}",
        output.status,
        support::text(&output.stdout),
        support::text(&output.stderr)
    );

    // Every article exactly once in `pages` and in `documents`.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (url, _) in committed_pages(&out) {
        *counts.entry(url).or_default() += 1;
    }
    assert!(
        counts.values().all(|n| *n == 1),
        "seed {seed}: duplicated rows"
    );
    assert_eq!(
        committed_articles(&out).len(),
        POLITE_ARTICLES,
        "seed {seed}: every article committed"
    );
    let docs = baogao_write::read_strings(&out, Table::Documents, &["url"]).expect("documents");
    assert_eq!(
        docs.len(),
        POLITE_ARTICLES,
        "seed {seed}: one document per article"
    );

    // Fetches per article page, counted by the server over all six runs.
    let fetches = support::request_counts(&site, |p| p.starts_with("/baogao/art/"));
    assert_eq!(
        fetches.len(),
        POLITE_ARTICLES,
        "seed {seed}: every article fetched"
    );
    let total: usize = fetches.values().sum();
    let per_page = total as f64 / POLITE_ARTICLES as f64;
    let most = fetches.values().copied().max().unwrap_or(0);
    println!(
        "seed {seed}: {total} article fetches for {POLITE_ARTICLES} article pages over \
         {POLITE_KILLS} SIGKILLs and a final run: {per_page:.3} fetches per article page \
         (at most {most} for one page)"
    );
    assert!(
        per_page <= 1.2,
        "seed {seed}: {per_page:.3} fetches per article page (want at most 1.2)"
    );
}
