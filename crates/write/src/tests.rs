#![allow(clippy::disallowed_methods)] // tests may read and write files directly

use std::collections::{HashMap, HashSet};
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
        constraint_source: None,
        inferred: false,
        series: "gdp".into(),
        value_std: Some(value),
        unit_std: Some("%".into()),
        text: "地区生产总值增长5%以上".into(),
        char_start: 3,
        char_end: 15,
    }
}

fn doc_writer(root: &std::path::Path, run: &str) -> TableWriter<Document> {
    TableWriter::new(
        root,
        run,
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap()
}

/// Writes `rows` as run `run` (default options) and commits them to their table.
fn write_rows<R: Row>(root: &std::path::Path, run: &str, rows: Vec<R>, mode: CommitMode) {
    let mut w = TableWriter::<R>::new(
        root,
        run,
        WriteOptions::default(),
        Arc::new(AtomicU32::new(0)),
    )
    .unwrap();
    for r in rows {
        w.write(r).unwrap();
    }
    w.close().unwrap();
    commit(root, run, &[(R::TABLE, mode)]).unwrap();
}

#[test]
fn documents_round_trip_through_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc("http://x/1.html", "第一段\n第二段");
    d.title = Some("标题".into());
    d.published = chrono::NaiveDate::from_ymd_opt(2023, 4, 10);
    d.flags = vec!["spam".into()];
    write_rows(dir.path(), "r1", vec![d.clone()], CommitMode::Upsert);
    let back: Vec<Document> = read_all(dir.path()).unwrap();
    assert_eq!(back, vec![d]);
    assert!(
        !dir.path().join("_staging").exists(),
        "staging is removed after commit"
    );
}

#[test]
fn large_texts_are_encoded_in_small_batches_and_come_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = doc_writer(dir.path(), "r1");
    // 1.5 MiB per text: a row-count batch (1,024 rows) would hold 1.5 GiB
    let docs: Vec<Document> = (0..9)
        .map(|i| {
            doc(
                &format!("http://x/{i}.html"),
                &format!("{i}段落。").repeat(150_000),
            )
        })
        .collect();
    let mut most = 0;
    for d in docs.clone() {
        w.write(d).unwrap();
        most = most.max(w.buffered_bytes());
    }
    assert!(
        most > 0 && most < BATCH_BYTES,
        "buffered at most {most} bytes"
    );
    w.close().unwrap();
    commit(dir.path(), "r1", &[(Table::Documents, CommitMode::Upsert)]).unwrap();
    let mut back: Vec<Document> = read_all(dir.path()).unwrap();
    back.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(back, docs);
}

#[test]
fn document_lengths_reads_the_kept_length_of_the_chosen_documents() {
    let dir = tempfile::tempdir().unwrap();
    let docs = vec![
        doc("http://x/1.html", "一二三"),
        doc("http://x/2.html", "一二三四五"),
        doc("http://x/3.html", "一"),
    ];
    let wanted: HashSet<String> = [docs[1].doc_id.clone(), docs[2].doc_id.clone()].into();
    let expect: HashMap<String, u64> = docs[1..]
        .iter()
        .map(|d| (d.doc_id.clone(), d.chars_kept))
        .collect();
    assert!(expect.values().all(|&n| n > 0));
    write_rows(dir.path(), "r1", docs, CommitMode::Upsert);
    let got = document_lengths(dir.path(), |id| wanted.contains(id)).unwrap();
    assert_eq!(got, expect);
    let none = tempfile::tempdir().unwrap();
    assert!(document_lengths(none.path(), |_| true).unwrap().is_empty());
}

#[test]
fn upsert_replaces_rows_with_the_same_key_only() {
    let dir = tempfile::tempdir().unwrap();
    write_rows(
        dir.path(),
        "r1",
        vec![doc("a", "old a"), doc("b", "old b")],
        CommitMode::Upsert,
    );
    write_rows(
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
    write_rows(
        dir.path(),
        "r2",
        vec![doc("a", "new a")],
        CommitMode::Upsert,
    );
    assert_eq!(read_all::<Document>(dir.path()).unwrap().len(), 2);
}

#[test]
fn each_checkpoint_of_a_run_replaces_older_rows_and_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_rows(
        root,
        "r1",
        vec![doc("a", "old a"), doc("b", "old b"), doc("c", "old c")],
        CommitMode::Upsert,
    );
    let mut w = doc_writer(root, "r2");
    let texts = || {
        let mut t: Vec<String> = read_all::<Document>(root)
            .unwrap()
            .into_iter()
            .map(|d| d.text)
            .collect();
        t.sort();
        t
    };
    for (url, text) in [("a", "new a"), ("d", "new d"), ("b", "new b")] {
        w.write(doc(url, text)).unwrap();
        w.flush().unwrap();
        commit(root, "r2", &[(Table::Documents, CommitMode::Upsert)]).unwrap();
    }
    assert_eq!(texts(), ["new a", "new b", "new d", "old c"]);
    w.close().unwrap();
    commit(root, "r2", &[(Table::Documents, CommitMode::Upsert)]).unwrap();
    assert_eq!(texts(), ["new a", "new b", "new d", "old c"]);
}

#[test]
fn replace_swaps_the_whole_table() {
    let dir = tempfile::tempdir().unwrap();
    write_rows(
        dir.path(),
        "r1",
        vec![doc("a", "1"), doc("b", "2")],
        CommitMode::Upsert,
    );
    write_rows(dir.path(), "r2", vec![doc("c", "3")], CommitMode::Replace);
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
    let mut w = doc_writer(root, "r1");
    w.write(doc("a", "committed")).unwrap();
    w.close().unwrap();
    write_atomic(
        &root.join("_staging/r1/_COMMIT"),
        br#"{"tables":[["documents","upsert"]]}"#,
    )
    .unwrap();
    // Run r2: staged, never journaled.
    let mut w = doc_writer(root, "r2");
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
        detected_charset: Some("utf-8".into()),
        decode_errors: Some(2),
        page_urls: vec!["http://h/1.html".into(), "http://h/1_2.html".into()],
        attempts: 1,
        ..Page::default()
    };
    write_rows(dir.path(), "r1", vec![page.clone()], CommitMode::Upsert);
    assert!(dir.path().join("pages/crawl_date=2026-11-23").is_dir());
    assert_eq!(read_all::<Page>(dir.path()).unwrap(), vec![page]);
}

/// Each committed page's URL with one of its fields, by URL.
fn pages_by_url<T: Ord>(root: &std::path::Path, field: impl Fn(&Page) -> T) -> Vec<(String, T)> {
    let mut out: Vec<(String, T)> = read_all::<Page>(root)
        .unwrap()
        .into_iter()
        .map(|p| (p.url.clone(), field(&p)))
        .collect();
    out.sort();
    out
}

/// `rows` committed as a file of an earlier schema version that lacked
/// `column` (in the partition of the first row's date).
fn write_pages_without(root: &std::path::Path, rows: &[Page], column: &str) {
    let batch = <Page as Row>::to_batch(rows, "r0").unwrap();
    let without = batch.schema().index_of(column).unwrap();
    let columns: Vec<usize> = (0..batch.num_columns()).filter(|&i| i != without).collect();
    let old = batch.project(&columns).unwrap();
    let date = rows[0].fetched_at.format("%Y-%m-%d");
    let folder = root.join(format!("pages/crawl_date={date}"));
    std::fs::create_dir_all(&folder).unwrap();
    let file = std::fs::File::create(folder.join("part-r0-00000.parquet")).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, old.schema(), None).unwrap();
    w.write(&old).unwrap();
    w.close().unwrap();
}

#[test]
fn pages_of_schema_version_1_read_back_without_decode_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = |url: &str, decode_errors| Page {
        url: url.into(),
        final_url: url.into(),
        host: "h".into(),
        fetched_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap(),
        kind: PageKind::Html,
        body: Some("<p>正文</p>".into()),
        decode_errors,
        page_urls: vec![url.into()],
        attempts: 1,
        ..Page::default()
    };
    // a file as schema version 1 wrote it: no `decode_errors` column
    write_pages_without(
        dir.path(),
        &[
            page("http://h/old.html", None),
            page("http://h/kept.html", None),
        ],
        "decode_errors",
    );
    let back = read_all::<Page>(dir.path()).unwrap();
    assert_eq!(back.len(), 2);
    assert!(back.iter().all(|p| p.decode_errors.is_none()), "{back:?}");

    // a run of the new version replaces one of its rows and adds one; the old file keeps
    // its schema (rewritten without the replaced row) and both read back together
    let pages = vec![
        page("http://h/old.html", Some(0)),
        page("http://h/new.html", Some(3)),
    ];
    write_rows(dir.path(), "r1", pages, CommitMode::Upsert);
    assert_eq!(
        pages_by_url(dir.path(), |p| p.decode_errors),
        [
            ("http://h/kept.html".to_owned(), None),
            ("http://h/new.html".to_owned(), Some(3)),
            ("http://h/old.html".to_owned(), Some(0)),
        ]
    );
}

#[test]
fn the_kind_of_a_failure_is_stored_and_older_files_read_it_as_null() {
    use baogao_model::ErrorKind;
    let dir = tempfile::tempdir().unwrap();
    let failed = |url: &str, kind| Page {
        url: url.into(),
        final_url: url.into(),
        host: "h".into(),
        fetched_at: Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap(),
        kind: PageKind::Error,
        status: Some(503),
        page_urls: vec![url.into()],
        attempts: 3,
        error: Some("HTTP 503 from http://h/a.html".into()),
        error_kind: kind,
        ..Page::default()
    };
    // a file as schema version 3 wrote it: no `error_kind` column
    write_pages_without(
        dir.path(),
        &[failed("http://h/old.html", Some(ErrorKind::Http(503)))],
        "error_kind",
    );
    // and a new run's rows beside it
    let new = vec![
        failed("http://h/robots.html", Some(ErrorKind::Robots)),
        failed("http://h/slow.html", Some(ErrorKind::Timeout)),
    ];
    write_rows(dir.path(), "r1", new, CommitMode::Upsert);

    assert_eq!(
        pages_by_url(dir.path(), |p| p.error_kind),
        [
            ("http://h/old.html".to_owned(), None),
            ("http://h/robots.html".to_owned(), Some(ErrorKind::Robots)),
            ("http://h/slow.html".to_owned(), Some(ErrorKind::Timeout)),
        ]
    );
    // the string reader the next run's resume uses: the older file's cells are null
    let mut rows = read_strings(dir.path(), Table::Pages, &["url", "error_kind"]).unwrap();
    rows.sort();
    assert_eq!(
        rows,
        [
            vec![Some("http://h/old.html".to_owned()), None],
            vec![
                Some("http://h/robots.html".to_owned()),
                Some("robots".to_owned())
            ],
            vec![
                Some("http://h/slow.html".to_owned()),
                Some("timeout".to_owned())
            ],
        ]
    );
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
    // the dead run is named, with when it had taken the lock
    let (run, since) = lock.took_over().expect("a run was taken over");
    assert_eq!(run, "dead-run");
    assert!(since.is_some());
    drop(lock);
    // a lock of our own, released cleanly, leaves nothing to take over
    let lock = OutputLock::acquire(dir.path(), "me").unwrap();
    assert!(lock.took_over().is_none());
    drop(lock);
    assert!(!dir.path().join("_lock").exists());
}

// ---- Parquet properties, read back from the file metadata ----

use parquet::basic::{Compression as PqCompression, Encoding, LogicalType, TimeUnit as PqTimeUnit};
use parquet::file::metadata::ParquetMetaData;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::statistics::Statistics;

fn metadata(path: &std::path::Path) -> ParquetMetaData {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader.metadata().clone()
}

fn kv(meta: &ParquetMetaData, key: &str) -> Option<String> {
    meta.file_metadata()
        .key_value_metadata()?
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.clone())
}

fn column<'a>(
    meta: &'a ParquetMetaData,
    rg: usize,
    name: &str,
) -> &'a parquet::file::metadata::ColumnChunkMetaData {
    meta.row_group(rg)
        .columns()
        .iter()
        .find(|c| c.column_path().string() == name)
        .unwrap_or_else(|| panic!("no column `{name}`"))
}

fn is_dictionary(c: &parquet::file::metadata::ColumnChunkMetaData) -> bool {
    c.encodings()
        .any(|e| matches!(e, Encoding::RLE_DICTIONARY | Encoding::PLAIN_DICTIONARY))
}

/// One committed file of each table, written with `opts`.
fn write_every_table(root: &std::path::Path, opts: &WriteOptions, n: usize) {
    use baogao_model::{Level, Outcome, Report};
    let seq = Arc::new(AtomicU32::new(0));
    let mut pages = TableWriter::<Page>::new(root, "r1", opts.clone(), seq.clone()).unwrap();
    let mut docs = TableWriter::<Document>::new(root, "r1", opts.clone(), seq.clone()).unwrap();
    let mut reports = TableWriter::<Report>::new(root, "r1", opts.clone(), seq.clone()).unwrap();
    let mut targets = TableWriter::<Target>::new(root, "r1", opts.clone(), seq.clone()).unwrap();
    let mut outcomes = TableWriter::<Outcome>::new(root, "r1", opts.clone(), seq).unwrap();
    for i in 0..n {
        let url = format!("http://h/{i}.html");
        pages
            .write(Page {
                url: url.clone(),
                final_url: url.clone(),
                host: "h".into(),
                fetched_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap(),
                kind: PageKind::Html,
                status: Some(200),
                content_type: Some("text/html".into()),
                body: Some(format!("<p>正文 {i}</p>")),
                page_urls: vec![url.clone()],
                attempts: 1,
                ..Page::default()
            })
            .unwrap();
        let d = doc(&url, &format!("地区生产总值增长{i}%"));
        let id = d.doc_id.clone();
        docs.write(d).unwrap();
        reports
            .write(Report {
                doc_id: id.clone(),
                url: url.clone(),
                province: Some("山西省".into()),
                level: Some(Level::City),
                target_year: Some(2024),
                ..Report::default()
            })
            .unwrap();
        targets.write(target(&id, Some(2024), i as f64)).unwrap();
        outcomes
            .write(Outcome {
                doc_id: id,
                year: Some(2023),
                indicator: "gdp".into(),
                raw_name: "地区生产总值".into(),
                measure: Measure::Growth,
                value: Some(5.0),
                unit: Some("%".into()),
                estimated: false,
                series: "gdp".into(),
                value_std: Some(5.0),
                unit_std: Some("%".into()),
                text: "增长5%".into(),
                char_start: 0,
                char_end: 4,
            })
            .unwrap();
    }
    pages.close().unwrap();
    docs.close().unwrap();
    reports.close().unwrap();
    targets.close().unwrap();
    outcomes.close().unwrap();
    let all: Vec<_> = Table::ALL
        .into_iter()
        .map(|t| (t, CommitMode::Upsert))
        .collect();
    commit(root, "r1", &all).unwrap();
}

fn files_of(root: &std::path::Path, table: Table) -> Vec<std::path::PathBuf> {
    let files = list_files(&root.join(table.name())).unwrap();
    assert!(!files.is_empty(), "no files of `{}`", table.name());
    files
}

#[test]
fn every_file_names_the_schema_version_and_table_in_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 3);
    for table in Table::ALL {
        for f in files_of(dir.path(), table) {
            let meta = metadata(&f);
            assert_eq!(
                kv(&meta, "baogao.schema_version").as_deref(),
                Some(SCHEMA_VERSION)
            );
            assert_eq!(kv(&meta, "baogao.table").as_deref(), Some(table.name()));
            assert_eq!(kv(&meta, "baogao.run_id").as_deref(), Some("r1"));
        }
    }
}

#[test]
fn every_derived_row_and_file_carries_the_extractor_version() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 4);
    for table in [Table::Reports, Table::Targets, Table::Outcomes] {
        let rows = read_strings(dir.path(), table, &["extractor_version"]).unwrap();
        assert_eq!(rows.len(), 4, "{}", table.name());
        for r in rows {
            assert_eq!(
                r[0].as_deref(),
                Some(baogao_model::EXTRACTOR_VERSION),
                "{}",
                table.name()
            );
        }
        for f in files_of(dir.path(), table) {
            assert_eq!(
                kv(&metadata(&f), "baogao.extractor_version").as_deref(),
                Some(baogao_model::EXTRACTOR_VERSION)
            );
        }
    }
}

#[test]
fn every_column_chunk_is_zstd_compressed() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 3);
    for table in Table::ALL {
        for f in files_of(dir.path(), table) {
            let meta = metadata(&f);
            for rg in meta.row_groups() {
                for c in rg.columns() {
                    assert!(
                        matches!(c.compression(), PqCompression::ZSTD(_)),
                        "{}: {} is {:?}",
                        f.display(),
                        c.column_path(),
                        c.compression()
                    );
                }
            }
        }
    }
}

#[test]
fn row_groups_hold_at_most_row_group_rows() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriteOptions {
        row_group_rows: 4,
        ..WriteOptions::default()
    };
    write_every_table(dir.path(), &opts, 10);
    let f = &files_of(dir.path(), Table::Targets)[0];
    let meta = metadata(f);
    let sizes: Vec<i64> = meta
        .row_groups()
        .iter()
        .map(parquet::file::metadata::RowGroupMetaData::num_rows)
        .collect();
    assert_eq!(sizes, vec![4, 4, 2]);
}

#[test]
fn low_cardinality_string_columns_are_dictionary_encoded_and_texts_are_not() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 5);
    let cases: [(Table, &[&str], &[&str]); 4] = [
        (
            Table::Pages,
            &["host", "kind", "content_type", "run_id"],
            &["url", "body", "final_url"],
        ),
        (
            Table::Reports,
            &["province", "level", "extractor_version"],
            &["doc_id", "url"],
        ),
        (
            Table::Targets,
            &["indicator", "unit", "qualifier", "measure", "raw_name"],
            &["text", "doc_id"],
        ),
        (
            Table::Outcomes,
            &["indicator", "unit", "measure"],
            &["text"],
        ),
    ];
    for (table, dict, plain) in cases {
        let meta = metadata(&files_of(dir.path(), table)[0]);
        for name in dict {
            assert!(
                is_dictionary(column(&meta, 0, name)),
                "{}.{name}",
                table.name()
            );
        }
        for name in plain {
            assert!(
                !is_dictionary(column(&meta, 0, name)),
                "{}.{name}",
                table.name()
            );
        }
    }
    // Every listed column exists in its table.
    for table in Table::ALL {
        for name in dictionary_columns(table) {
            assert!(
                table.schema().field_with_name(name).is_ok(),
                "{}.{name}",
                table.name()
            );
        }
    }
}

#[test]
fn column_statistics_are_written() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 5);
    let meta = metadata(&files_of(dir.path(), Table::Targets)[0]);
    let value = column(&meta, 0, "value").statistics().expect("value stats");
    let Statistics::Double(v) = value else {
        panic!("{value:?}")
    };
    // (A zero minimum is written as -0.0, which equals 0.0.)
    assert_eq!(v.min_opt(), Some(&0.0));
    assert_eq!(v.max_opt(), Some(&4.0));
    assert_eq!(value.null_count_opt(), Some(0));
    for table in Table::ALL {
        let meta = metadata(&files_of(dir.path(), table)[0]);
        for c in meta.row_group(0).columns() {
            assert!(
                c.statistics().is_some(),
                "{}: {}",
                table.name(),
                c.column_path()
            );
        }
    }
}

#[test]
fn timestamps_are_microseconds_utc() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 1);
    let meta = metadata(&files_of(dir.path(), Table::Pages)[0]);
    let schema = meta.file_metadata().schema_descr();
    let col = (0..schema.num_columns())
        .map(|i| schema.column(i))
        .find(|c| c.name() == "fetched_at")
        .expect("fetched_at");
    assert_eq!(
        col.logical_type_ref(),
        Some(&LogicalType::Timestamp {
            is_adjusted_to_u_t_c: true,
            unit: PqTimeUnit::MICROS,
        })
    );
}

#[test]
fn files_roll_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let opts = WriteOptions {
        max_file_bytes: 4096,
        row_group_rows: 8,
        ..WriteOptions::default()
    };
    let mut w =
        TableWriter::<Document>::new(dir.path(), "r1", opts, Arc::new(AtomicU32::new(0))).unwrap();
    // ~2 KiB of hard-to-compress text per row.
    let mut x: u64 = 1;
    for i in 0..64 {
        let text: String = (0..700)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                char::from_u32(0x4e00 + ((x >> 33) % 2000) as u32).unwrap()
            })
            .collect();
        w.write(doc(&format!("u{i}"), &text)).unwrap();
    }
    w.close().unwrap();
    commit(dir.path(), "r1", &[(Table::Documents, CommitMode::Upsert)]).unwrap();
    let files = list_files(&dir.path().join("documents")).unwrap();
    assert!(files.len() >= 8, "{} files", files.len());
    for f in &files {
        // A file is closed at the first batch that takes it past the limit.
        let size = std::fs::metadata(f).unwrap().len();
        assert!(
            size < 4096 + 8 * 2 * 2100 + 4096,
            "{}: {size} bytes",
            f.display()
        );
    }
    assert_eq!(read_all::<Document>(dir.path()).unwrap().len(), 64);
}

#[test]
fn files_rewritten_by_an_upsert_keep_the_table_encoding() {
    let dir = tempfile::tempdir().unwrap();
    write_every_table(dir.path(), &WriteOptions::default(), 5);
    // r2 replaces target rows of one document: r1's target file is rewritten.
    let id = doc("http://h/0.html", "x").doc_id;
    write_rows(
        dir.path(),
        "r2",
        vec![target(&id, Some(2024), 9.0)],
        CommitMode::Upsert,
    );
    let files = files_of(dir.path(), Table::Targets);
    let old = files
        .iter()
        .find(|f| f.to_string_lossy().contains("part-r1-"))
        .expect("r1's file, rewritten");
    let meta = metadata(old);
    assert_eq!(meta.file_metadata().num_rows(), 4);
    assert_eq!(
        kv(&meta, "baogao.schema_version").as_deref(),
        Some(SCHEMA_VERSION)
    );
    assert_eq!(kv(&meta, "baogao.run_id").as_deref(), Some("r1"));
    let c = column(&meta, 0, "indicator");
    assert!(matches!(c.compression(), PqCompression::ZSTD(_)));
    assert!(is_dictionary(c));
    assert!(!is_dictionary(column(&meta, 0, "text")));
    assert_eq!(read_all::<Target>(dir.path()).unwrap().len(), 5);
}

// ---- compaction ----

/// Every row of every table, as sorted debug strings.
fn snapshot(root: &std::path::Path) -> Vec<String> {
    use baogao_model::{Outcome, Report};
    let mut out = Vec::new();
    out.extend(
        read_all::<Page>(root)
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}")),
    );
    out.extend(
        read_all::<Document>(root)
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}")),
    );
    out.extend(
        read_all::<Report>(root)
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}")),
    );
    out.extend(
        read_all::<Target>(root)
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}")),
    );
    out.extend(
        read_all::<Outcome>(root)
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}")),
    );
    out.sort();
    out
}

/// Five runs of documents and targets in two partitions: many small files.
fn many_small_files(root: &std::path::Path) {
    for run in 0..5 {
        let id = format!("r{run}");
        let seq = Arc::new(AtomicU32::new(0));
        let mut d =
            TableWriter::<Document>::new(root, &id, WriteOptions::default(), seq.clone()).unwrap();
        let mut t = TableWriter::<Target>::new(root, &id, WriteOptions::default(), seq).unwrap();
        for i in 0..7 {
            let doc = doc(
                &format!("http://h/{run}/{i}.html"),
                &format!("text {run} {i}"),
            );
            t.write(target(&doc.doc_id, Some(2023 + i % 2), f64::from(i)))
                .unwrap();
            d.write(doc).unwrap();
        }
        d.close().unwrap();
        t.close().unwrap();
        commit(
            root,
            &id,
            &[
                (Table::Documents, CommitMode::Upsert),
                (Table::Targets, CommitMode::Upsert),
            ],
        )
        .unwrap();
    }
}

#[test]
fn compact_merges_small_files_and_keeps_every_row_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    many_small_files(root);
    let before = snapshot(root);
    assert_eq!(list_files(&root.join("documents")).unwrap().len(), 5);
    assert_eq!(list_files(&root.join("targets")).unwrap().len(), 10);

    let done = compact(root, &WriteOptions::default()).unwrap();
    assert_eq!(done.len(), 3, "{done:?}");
    assert_eq!(done.iter().map(|c| c.rows).sum::<u64>(), 35 + 35);
    assert_eq!(list_files(&root.join("documents")).unwrap().len(), 1);
    assert_eq!(
        list_files(&root.join("targets/target_year=2023"))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        list_files(&root.join("targets/target_year=2024"))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(snapshot(root), before);
    assert!(!root.join("_staging").exists());
    assert!(!root.join("_lock").exists());
    // The merged file is encoded like any other.
    let meta = metadata(&list_files(&root.join("targets/target_year=2023")).unwrap()[0]);
    assert_eq!(
        kv(&meta, "baogao.schema_version").as_deref(),
        Some(SCHEMA_VERSION)
    );
    assert!(is_dictionary(column(&meta, 0, "indicator")));
    // Nothing left to do the second time; a later upsert still replaces rows.
    assert!(compact(root, &WriteOptions::default()).unwrap().is_empty());
    write_rows(
        root,
        "r9",
        vec![doc("http://h/0/0.html", "new")],
        CommitMode::Upsert,
    );
    let docs = read_all::<Document>(root).unwrap();
    assert_eq!(docs.len(), 35);
    assert_eq!(docs.iter().filter(|d| d.text == "new").count(), 1);
}

#[test]
fn compact_rolls_merged_files_at_the_row_limit() {
    let dir = tempfile::tempdir().unwrap();
    many_small_files(dir.path());
    let before = snapshot(dir.path());
    let opts = WriteOptions {
        max_file_rows: 16,
        ..WriteOptions::default()
    };
    compact(dir.path(), &opts).unwrap();
    // 35 documents in files of at most 16 rows.
    let files = list_files(&dir.path().join("documents")).unwrap();
    let rows: Vec<i64> = files
        .iter()
        .map(|f| metadata(f).file_metadata().num_rows())
        .collect();
    assert_eq!(rows, vec![16, 16, 3]);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_compaction_killed_before_its_journal_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    many_small_files(root);
    let before = snapshot(root);
    let files_before = list_files(&root.join("targets")).unwrap();
    compact::stage(root, "compact-x", &WriteOptions::default()).unwrap();
    // "Killed" while writing: the journal never appeared.
    std::fs::remove_file(root.join("_staging/compact-x").join(compact::JOURNAL)).unwrap();
    assert_eq!(snapshot(root), before, "staged files are invisible");
    assert!(recover(root).unwrap().is_empty());
    assert!(!root.join("_staging").exists());
    assert_eq!(list_files(&root.join("targets")).unwrap(), files_before);
    assert_eq!(snapshot(root), before);
}

#[test]
fn a_compaction_killed_after_its_journal_is_finished_by_recover() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    many_small_files(root);
    let before = snapshot(root);
    compact::stage(root, "compact-x", &WriteOptions::default()).unwrap();
    // "Killed" after moving one merged file into place.
    let staged = list_files(&root.join("_staging/compact-x/targets")).unwrap();
    let first = &staged[0];
    let rel = first.strip_prefix(root.join("_staging/compact-x")).unwrap();
    std::fs::rename(first, root.join(rel)).unwrap();
    assert_eq!(recover(root).unwrap(), vec!["compact-x".to_owned()]);
    assert_eq!(snapshot(root), before);
    assert_eq!(list_files(&root.join("targets")).unwrap().len(), 2);
    assert_eq!(list_files(&root.join("documents")).unwrap().len(), 1);
    assert!(!root.join("_staging").exists());
    // Finishing twice is harmless.
    assert!(recover(root).unwrap().is_empty());
    assert_eq!(snapshot(root), before);
}

#[test]
fn compact_refuses_a_root_locked_by_a_live_run() {
    let dir = tempfile::tempdir().unwrap();
    many_small_files(dir.path());
    std::fs::write(dir.path().join("_lock"), "1 busy-run\n").unwrap();
    let err = compact(dir.path(), &WriteOptions::default()).unwrap_err();
    assert!(matches!(err, WriteError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("busy-run"), "{err}");
    // the hint never invites removing the lock of a live run
    assert!(err.to_string().contains("do not remove `_lock`"), "{err}");
    assert_eq!(list_files(&dir.path().join("documents")).unwrap().len(), 5);
}

#[test]
fn of_runs_racing_for_a_stale_lock_exactly_one_wins() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_owned();
    for round in 0..20 {
        std::fs::write(root.join("_lock"), "4294967 dead-run\n").unwrap();
        let barrier = Arc::new(std::sync::Barrier::new(8));
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let (root, barrier) = (root.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    OutputLock::acquire(&root, &format!("run-{i}"))
                })
            })
            .collect();
        let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let won = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(won, 1, "round {round}: {results:?}");
        for r in &results {
            if let Err(e) = r {
                assert!(matches!(e, WriteError::Locked { .. }), "round {round}: {e}");
            }
        }
        drop(results);
        assert!(!root.join("_lock").exists(), "round {round}");
    }
}

#[test]
fn a_held_lock_names_its_run_and_is_free_again_once_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let lock = OutputLock::acquire(dir.path(), "first").unwrap();
    let err = OutputLock::acquire(dir.path(), "second").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains(&format!(
            "locked by run `first` (pid {})",
            std::process::id()
        )),
        "{msg}"
    );
    drop(lock);
    let again = OutputLock::acquire(dir.path(), "second").unwrap();
    let text = std::fs::read_to_string(dir.path().join("_lock")).unwrap();
    assert_eq!(text, format!("{} second\n", std::process::id()));
    drop(again);
}

#[test]
fn targets_of_schema_version_2_read_back_with_the_indicator_as_series() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = target("d1", Some(2023), 5.0);
    t.constraint_source = Some(baogao_model::ConstraintSource::Label);
    t.inferred = true;
    let batch = <Target as Row>::to_batch(std::slice::from_ref(&t), "r0").unwrap();
    // a file as schema version 2 wrote it: none of the harmonised columns
    let added = [
        "series",
        "value_std",
        "unit_std",
        "inferred",
        "constraint_source",
    ];
    let columns: Vec<usize> = (0..batch.num_columns())
        .filter(|&i| !added.contains(&batch.schema().field(i).name().as_str()))
        .collect();
    let old = batch.project(&columns).unwrap();
    let folder = dir.path().join("targets/target_year=2023");
    std::fs::create_dir_all(&folder).unwrap();
    let file = std::fs::File::create(folder.join("part-r0-00000.parquet")).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, old.schema(), None).unwrap();
    w.write(&old).unwrap();
    w.close().unwrap();
    let back = read_all::<Target>(dir.path()).unwrap();
    assert_eq!(back.len(), 1);
    let b = &back[0];
    assert_eq!(b.series, "gdp", "the indicator stands for the series");
    assert_eq!((b.value_std, b.unit_std.as_deref()), (None, None));
    assert_eq!((b.inferred, b.constraint_source), (false, None));
    assert_eq!(b.value, Some(5.0), "the raw value reads back");

    // a file of this version reads back whole
    let dir = tempfile::tempdir().unwrap();
    write_rows(dir.path(), "r1", vec![t.clone()], CommitMode::Upsert);
    assert_eq!(read_all::<Target>(dir.path()).unwrap(), vec![t]);
}
