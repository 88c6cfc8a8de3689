//! The output is read back by the tools users point at it: DuckDB with hive
//! partitioning, pyarrow datasets and `pandas.read_parquet`, with the row
//! counts the pipeline wrote and the column types the README documents.

use baogao_model::{Outcome, Page, Report, Target};

use crate::{out_dir, run_all};

const CHECK: &str = r#"
import json, sys
import duckdb, pyarrow as pa, pyarrow.dataset as ds, pandas as pd

root = sys.argv[1]
result = {}
con = duckdb.connect()
for table in ["pages", "documents", "reports", "targets", "outcomes"]:
    glob = f"{root}/{table}/**/*.parquet"
    n = con.execute(
        f"select count(*) from read_parquet('{glob}', hive_partitioning = true)"
    ).fetchone()[0]
    dataset = ds.dataset(f"{root}/{table}", format="parquet", partitioning="hive")
    t = dataset.to_table()
    df = pd.read_parquet(f"{root}/{table}")
    types = {f.name: str(f.type) for f in t.schema}
    result[table] = {"duckdb": n, "pyarrow": t.num_rows, "pandas": len(df), "types": types}

ts = con.execute(
    f"select typeof(fetched_at) from read_parquet('{root}/pages/**/*.parquet', hive_partitioning = true) limit 1"
).fetchone()[0]
result["pages_fetched_at_duckdb"] = ts
rows = con.execute(
    f"""select r.region, t.indicator, t.value, t.qualifier, t.text
        from read_parquet('{root}/targets/**/*.parquet', hive_partitioning = true) t
        join read_parquet('{root}/reports/**/*.parquet', hive_partitioning = true) r using (doc_id)
        where t.indicator = 'gdp' order by r.region"""
).fetchall()
result["gdp"] = [list(r) for r in rows]
print(json.dumps(result, ensure_ascii=False))
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duckdb_pyarrow_and_pandas_read_every_table() {
    let site = baogao_e2e::serve_sample().await.expect("serve");
    let dir = tempfile::tempdir().expect("tempdir");
    let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
    run_all(&config).await;
    let out = out_dir(&config);

    let counts = [
        (
            "pages",
            baogao_write::read_all::<Page>(&out).expect("pages").len(),
        ),
        (
            "documents",
            baogao_write::read_all::<baogao_model::Document>(&out)
                .expect("documents")
                .len(),
        ),
        (
            "reports",
            baogao_write::read_all::<Report>(&out)
                .expect("reports")
                .len(),
        ),
        (
            "targets",
            baogao_write::read_all::<Target>(&out)
                .expect("targets")
                .len(),
        ),
        (
            "outcomes",
            baogao_write::read_all::<Outcome>(&out)
                .expect("outcomes")
                .len(),
        ),
    ];
    let stdout = baogao_e2e::run_python(CHECK, &[out.to_str().expect("utf-8 path")]);
    let r: serde_json::Value = serde_json::from_str(&stdout).expect("json from python");

    for (table, n) in counts {
        assert!(n > 0, "{table} is empty");
        for reader in ["duckdb", "pyarrow", "pandas"] {
            assert_eq!(
                r[table][reader].as_u64(),
                Some(n as u64),
                "{reader} rows of {table}"
            );
        }
    }
    let types = |t: &str, c: &str| r[t]["types"][c].as_str().unwrap_or("missing").to_owned();
    assert_eq!(types("pages", "fetched_at"), "timestamp[us, tz=UTC]");
    assert_eq!(r["pages_fetched_at_duckdb"], "TIMESTAMP WITH TIME ZONE");
    for (t, c) in [
        ("pages", "url"),
        ("documents", "text"),
        ("reports", "region"),
        ("targets", "indicator"),
        ("targets", "text"),
        ("outcomes", "indicator"),
    ] {
        assert_eq!(types(t, c), "string", "{t}.{c} is plain UTF-8");
    }
    assert_eq!(types("targets", "value"), "double");
    // Partition columns come back from the folder names.
    assert!(
        r["targets"]["types"]["target_year"].is_string(),
        "target_year partition"
    );
    assert!(
        r["pages"]["types"]["crawl_date"].is_string(),
        "crawl_date partition"
    );

    // The gold GDP targets of the sample articles, by a DuckDB join.
    let gdp: Vec<(String, String)> = r["gdp"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| {
            (
                row[0].as_str().unwrap_or_default().to_owned(),
                row[4].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    for (region, clause) in [
        ("太谷区", "地区生产总值增长5%"),
        ("长治市", "地区生产总值增长7%以上"),
        ("新吴区", "地区生产总值增长5.3%以上"),
    ] {
        assert!(
            gdp.iter().any(|(r, t)| r == region && t.contains(clause)),
            "DuckDB finds {region}'s GDP target «{clause}» in {gdp:?}"
        );
    }
}
