use std::sync::Arc;
use std::sync::atomic::AtomicU32;

use baogao_model::{Document, Measure, Page, PageKind, Qualifier, Target};
use chrono::{TimeZone, Utc};

use super::*;

fn doc(url: &str, text: &str) -> Document {
    Document::from_text(url, text)
}

fn target(doc_id: &str, year: Option<i32>, value: f64) -> Target {
    Target {
        doc_id: doc_id.into(),
        target_year: year,
        indicator: "gdp".into(),
        raw_name: "地区生产总值".into(),
        measure: Measure::Growth,
        value: Some(value),
        value_max: None,
        unit: Some("%".into()),
        qualifier: Qualifier::AtLeast,
        stretch_value: None,
        constraint: None,
        text: "地区生产总值增长5%以上".into(),
        char_start: 3,
        char_end: 15,
    }
}

fn write_docs(root: &std::path::Path, run: &str, docs: Vec<Document>, mode: CommitMode) {
    let mut w = TableWriter::<Document>::new(
        root,
        run,
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    for d in docs {
        w.write(d).unwrap();
    }
    w.close().unwrap();
    commit(root, run, &[(Table::Documents, mode)]).unwrap();
}

#[test]
fn documents_round_trip_through_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc("http://x/1.html", "第一段\n第二段");
    d.title = Some("标题".into());
    d.published = chrono::NaiveDate::from_ymd_opt(2023, 4, 10);
    d.flags = vec!["spam".into()];
    write_docs(dir.path(), "r1", vec![d.clone()], CommitMode::Upsert);
    let back: Vec<Document> = read_all(dir.path()).unwrap();
    assert_eq!(back, vec![d]);
    assert!(
        !dir.path().join("_staging").exists(),
        "staging is removed after commit"
    );
}

#[test]
fn upsert_replaces_rows_with_the_same_key_only() {
    let dir = tempfile::tempdir().unwrap();
    write_docs(
        dir.path(),
        "r1",
        vec![doc("a", "old a"), doc("b", "old b")],
        CommitMode::Upsert,
    );
    write_docs(
        dir.path(),
        "r2",
        vec![doc("a", "new a")],
        CommitMode::Upsert,
    );
    let mut texts: Vec<String> = read_all::<Document>(dir.path())
        .unwrap()
        .into_iter()
        .map(|d| d.text)
        .collect();
    texts.sort();
    assert_eq!(texts, vec!["new a", "old b"]);
    // Re-running the same run id again changes nothing.
    write_docs(
        dir.path(),
        "r2",
        vec![doc("a", "new a")],
        CommitMode::Upsert,
    );
    assert_eq!(read_all::<Document>(dir.path()).unwrap().len(), 2);
}

#[test]
fn replace_swaps_the_whole_table() {
    let dir = tempfile::tempdir().unwrap();
    write_docs(
        dir.path(),
        "r1",
        vec![doc("a", "1"), doc("b", "2")],
        CommitMode::Upsert,
    );
    write_docs(dir.path(), "r2", vec![doc("c", "3")], CommitMode::Replace);
    let back = read_all::<Document>(dir.path()).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].text, "3");
}

#[test]
fn targets_are_partitioned_by_year_and_keep_it_on_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = TableWriter::<Target>::new(
        dir.path(),
        "r1",
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    w.write(target("d1", Some(2023), 5.0)).unwrap();
    w.write(target("d2", Some(2024), 6.0)).unwrap();
    w.write(target("d3", None, 7.0)).unwrap();
    w.close().unwrap();
    commit(dir.path(), "r1", &[(Table::Targets, CommitMode::Upsert)]).unwrap();
    assert!(dir.path().join("targets/target_year=2023").is_dir());
    assert!(dir.path().join("targets/target_year=2024").is_dir());
    let mut back = read_all::<Target>(dir.path()).unwrap();
    back.sort_by(|a, b| a.doc_id.cmp(&b.doc_id));
    assert_eq!(back[0].target_year, Some(2023));
    assert_eq!(back[1].target_year, Some(2024));
    assert_eq!(back[2].target_year, None);
    assert_eq!(back[0], target("d1", Some(2023), 5.0));
}

#[test]
fn recover_finishes_a_journaled_commit_and_drops_uncommitted_runs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Run r1: staged and journaled, but the process "died" before applying.
    let mut w = TableWriter::<Document>::new(
        root,
        "r1",
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    w.write(doc("a", "committed")).unwrap();
    w.close().unwrap();
    write_atomic(
        &root.join("_staging/r1/_COMMIT"),
        br#"{"tables":[["documents","upsert"]]}"#,
    )
    .unwrap();
    // Run r2: staged, never journaled.
    let mut w = TableWriter::<Document>::new(
        root,
        "r2",
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    w.write(doc("b", "lost")).unwrap();
    w.close().unwrap();
    // A half-written file of a killed writer.
    std::fs::create_dir_all(root.join("documents")).unwrap();
    std::fs::write(
        root.join("documents/.part-r3-00000.parquet.tmp"),
        b"PAR1garbage",
    )
    .unwrap();

    let finished = recover(root).unwrap();
    assert_eq!(finished, vec!["r1".to_owned()]);
    let back = read_all::<Document>(root).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].text, "committed");
    assert!(!root.join("_staging").join("r2").exists());
    assert!(!root.join("documents/.part-r3-00000.parquet.tmp").exists());
}

#[test]
fn pages_round_trip_with_lists_and_timestamps() {
    let dir = tempfile::tempdir().unwrap();
    let page = Page {
        url: "http://h/1.html".into(),
        final_url: "http://h/1.html".into(),
        host: "h".into(),
        fetched_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap(),
        kind: PageKind::Html,
        status: Some(200),
        body: Some("<p>正文</p>".into()),
        page_urls: vec!["http://h/1.html".into(), "http://h/1_2.html".into()],
        attempts: 1,
        ..Page::default()
    };
    let mut w = TableWriter::<Page>::new(
        dir.path(),
        "r1",
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    w.write(page.clone()).unwrap();
    w.close().unwrap();
    commit(dir.path(), "r1", &[(Table::Pages, CommitMode::Upsert)]).unwrap();
    assert!(dir.path().join("pages/crawl_date=2026-11-23").is_dir());
    assert_eq!(read_all::<Page>(dir.path()).unwrap(), vec![page]);
}

#[test]
fn files_roll_at_the_row_limit() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriteOptions {
        max_file_rows: 10,
        row_group_rows: 5,
        ..WriteOptions::default()
    };
    let mut w =
        TableWriter::<Document>::new(dir.path(), "r1", opts, Arc::new(AtomicU32::new(0))).unwrap();
    for i in 0..35 {
        w.write(doc(&format!("u{i}"), "t")).unwrap();
    }
    w.close().unwrap();
    commit(dir.path(), "r1", &[(Table::Documents, CommitMode::Upsert)]).unwrap();
    let files = list_files(&dir.path().join("documents")).unwrap();
    assert_eq!(files.len(), 4, "{files:?}");
    assert_eq!(read_all::<Document>(dir.path()).unwrap().len(), 35);
}

#[test]
fn a_live_lock_is_refused_and_a_stale_one_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    // pid 1 is alive (init); pretend it holds the lock.
    std::fs::write(dir.path().join("_lock"), "1 other-run\n").unwrap();
    let err = OutputLock::acquire(dir.path(), "me").unwrap_err();
    assert!(err.to_string().contains("other-run"), "{err}");
    // A pid that cannot exist.
    std::fs::write(dir.path().join("_lock"), "4294967 dead-run\n").unwrap();
    let lock = OutputLock::acquire(dir.path(), "me").unwrap();
    drop(lock);
    assert!(!dir.path().join("_lock").exists());
}
