//! `baogao report` and `baogao export` on datasets crawled from loopback:
//! the report's charts plot the dataset's numbers and load nothing from the
//! network; the exports read back in pandas, DuckDB and openpyxl with the
//! rows, columns and types of the Parquet tables.

mod support;

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use baogao_model::Target;
use support::{TestSite, baogao, config, python, text};

/// The `<figure id="ID">…</figure>` of a page.
fn figure<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<figure id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no figure `{id}`"));
    let end = start + html[start..].find("</figure>").expect("figure closed");
    &html[start..end]
}

/// Values of attribute `name` of every `<tag …>` in `s`.
fn attrs(s: &str, tag: &str, name: &str) -> Vec<f64> {
    s.match_indices(&format!("<{tag} "))
        .map(|(i, _)| {
            let el = &s[i..i + s[i..].find('>').expect("tag closed")];
            let at = el
                .find(&format!(" {name}=\""))
                .unwrap_or_else(|| panic!("no {name} in {el}"));
            let v = &el[at + name.len() + 3..];
            v[..v.find('"').expect("quoted")].parse().expect("number")
        })
        .collect()
}

/// The cells of the rows of the first `<tbody>` in `s`.
fn table_rows(s: &str) -> Vec<Vec<String>> {
    let body = &s[s.find("<tbody>").expect("tbody")..s.find("</tbody>").expect("tbody end")];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            row.split(['<', '>'])
                .collect::<Vec<_>>()
                .chunks(4)
                .filter(|c| c.len() == 4 && (c[1] == "td" || c[1] == "th"))
                .map(|c| c[2].to_owned())
                .collect()
        })
        .collect()
}

/// Every `http(s)://` in `html` is a link to a report or page (`<a href>`)
/// or the SVG namespace: nothing is loaded from the network.
fn assert_self_contained(html: &str) {
    for bad in [
        "<script", "<link", "<img", "<iframe", "src=", "@import", "url(",
    ] {
        assert!(!html.contains(bad), "the report contains `{bad}`");
    }
    for (i, _) in html.match_indices("http") {
        let before = &html[i.saturating_sub(9)..i];
        let rest = &html[i..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        assert!(
            before.ends_with("<a href=\"") || rest.starts_with("http://www.w3.org/2000/svg\""),
            "external reference at {i}: {}",
            &html[i.saturating_sub(40)..(i + 60).min(html.len())]
        );
    }
}

#[test]
fn the_report_plots_every_gdp_target_and_loads_nothing_from_the_network() {
    let site = TestSite::start(12, 3, Duration::ZERO);
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = config(dir.path(), &site, "", "");
    let out = dir.path().join("out");

    // `--no-report`: the run writes no report
    let o = baogao()
        .args(["run", "--quiet", "--no-report"])
        .arg(&cfg)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(!out.join("report.html").exists());

    // a run writes `OUT/report.html` at its end
    let o = baogao()
        .args(["run", "--quiet"])
        .arg(&cfg)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("report.html"),
        "{}",
        text(&o.stdout)
    );
    let html = std::fs::read_to_string(out.join("report.html")).expect("report written by the run");
    assert_self_contained(&html);

    // `baogao report OUT --output FILE` writes the same page
    let file = dir.path().join("r.html");
    let o = baogao()
        .arg("report")
        .arg(&out)
        .arg("--output")
        .arg(&file)
        .output()
        .expect("report");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "no progress off a terminal: {}",
        text(&o.stderr)
    );
    let html = std::fs::read_to_string(&file).expect("report file");
    assert_self_contained(&html);

    // the dataset's GDP growth targets: one per report, 4.0 … 5.1
    let targets: Vec<Target> = baogao_write::read_all(&out).expect("targets");
    let mut gdp: BTreeMap<String, f64> = BTreeMap::new();
    for t in &targets {
        if t.indicator == "gdp" && t.measure.as_str() == "growth" {
            gdp.entry(t.doc_id.clone())
                .or_insert(t.value.expect("value"));
        }
    }
    assert_eq!(gdp.len(), 12, "every article states a GDP target");

    // one circle per report, at a height linear in its value
    let fig = figure(&html, "gdp");
    assert!(fig.contains("<svg"), "the chart is inline SVG");
    let cy = attrs(fig, "circle", "cy");
    assert_eq!(cy.len(), gdp.len(), "a point per report");
    let mut values: Vec<f64> = gdp.values().copied().collect();
    values.sort_by(f64::total_cmp);
    let mut ys = cy.clone();
    ys.sort_by(|a, b| b.total_cmp(a)); // lowest value = largest y
    let (v0, v1) = (values[0], values[values.len() - 1]);
    let (y0, y1) = (ys[0], ys[ys.len() - 1]);
    assert!(v1 > v0 && y1 < y0, "values spread upwards");
    for (v, y) in values.iter().zip(&ys) {
        let expected = y0 + (v - v0) / (v1 - v0) * (y1 - y0);
        assert!(
            (expected - y).abs() <= 1.5,
            "value {v} drawn at y {y}, expected {expected}"
        );
    }

    // the table beneath: the year, the count and the median of the same numbers
    let rows = table_rows(fig);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let median = f64::midpoint(values[5], values[6]);
    assert_eq!(rows[0][0], "2024");
    assert_eq!(rows[0][1], "12");
    let got: f64 = rows[0][3].parse().expect("median");
    assert!((got - median).abs() < 0.01, "median {got} vs {median}");

    // every chart has its SVG and its numbers
    for id in [
        "coverage-heatmap",
        "coverage-level",
        "gdp",
        "indicators",
        "pages-per-minute",
    ] {
        let f = figure(&html, id);
        assert!(f.contains("<svg") && f.contains("<table"), "figure `{id}`");
    }
    let heat = table_rows(figure(&html, "coverage-heatmap"));
    let total: u64 = heat
        .iter()
        .map(|r| r.last().unwrap().parse::<u64>().unwrap())
        .sum();
    let reports = baogao_write::read_all::<baogao_model::Report>(&out).expect("reports");
    assert_eq!(
        total as usize,
        reports.len(),
        "the heat map counts every report"
    );
    assert!(
        html.contains("<details id=\"no-region-code\""),
        "quality lists"
    );
}

#[test]
fn report_of_a_missing_dataset_names_it() {
    let o = baogao()
        .args(["report", "/nonexistent/baogao-out"])
        .output()
        .expect("report");
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("no dataset at `/nonexistent/baogao-out`") && err.contains("hint:"),
        "{err}"
    );
}

const READ_BACK: &str = r#"
import json, sys, math, datetime
import duckdb, pandas as pd, pyarrow as pa, pyarrow.dataset as ds, openpyxl

root, csv_dir, xlsx = sys.argv[1:4]
joined = ["province", "prefecture", "region", "level", "region_code"]
book = openpyxl.load_workbook(xlsx)
assert book.sheetnames == ["targets", "outcomes", "panel", "reports"], book.sheetnames
con = duckdb.connect()
out = {}
for name in book.sheetnames:
    table = ds.dataset(f"{root}/{name}", format="parquet", partitioning="hive").to_table()
    columns = table.column_names + (joined if name in ("targets", "outcomes") else [])
    path = f"{csv_dir}/{name}.csv"
    with open(path, "rb") as f:
        assert f.read(3) == b"\xef\xbb\xbf", "CSV starts with a BOM"
    # pandas
    df = pd.read_csv(path, encoding="utf-8-sig")
    text = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(df.columns) == columns, (name, list(df.columns), columns)
    assert len(df) == table.num_rows, (name, len(df), table.num_rows)
    # DuckDB
    rel = con.sql(f"select * from read_csv('{path}', header = true)")
    assert rel.columns == columns, (name, rel.columns)
    assert len(rel.fetchall()) == table.num_rows
    # openpyxl: header, frozen, typed cells, the same values
    ws = book[name]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == columns, (name, rows[0])
    assert ws.freeze_panes == "A2", ws.freeze_panes
    data = rows[1:]
    assert len(data) == table.num_rows, (name, len(data), table.num_rows)
    for j, field in enumerate(table.schema):
        cells = [r[j] for r in data]
        col = table.column(field.name).to_pylist()
        assert sum(c is None for c in cells) == sum(v is None for v in col), (name, field.name)
        t = field.type
        present = [c for c in cells if c is not None]
        if pa.types.is_floating(t) or pa.types.is_integer(t):
            assert all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in present), (name, field.name)
            assert math.isclose(sum(present), sum(v for v in col if v is not None), rel_tol=1e-9), (name, field.name)
            # pandas reads the CSV column as numbers with the same sum
            s = df[field.name].dropna()
            assert math.isclose(float(s.sum()), float(sum(present)), rel_tol=1e-9), (name, field.name)
        elif pa.types.is_boolean(t):
            assert all(isinstance(c, bool) for c in present), (name, field.name)
            assert sorted(present) == sorted(v for v in col if v is not None)
        elif pa.types.is_date(t):
            assert all(isinstance(c, datetime.datetime) for c in present), (name, field.name)
            assert sorted(c.date() for c in present) == sorted(v for v in col if v is not None)
        elif pa.types.is_string(t):
            assert sorted(present) == sorted(v for v in col if v is not None), (name, field.name)
            # CSV as text: the same strings, nulls empty
            assert sorted(text[field.name]) == sorted(v or "" for v in col), (name, field.name)
    if name in ("targets", "outcomes"):
        assert all(r[columns.index("region")] for r in data), "every row has its region"
    out[name] = {"rows": len(data), "columns": len(columns)}
# the harmonised columns, as DuckDB reads them from the Parquet files
types = {
    t: dict(con.sql(f"select column_name, column_type from (describe select * from read_parquet('{root}/{t}/**/*.parquet', hive_partitioning = true))").fetchall())
    for t in ("targets", "panel")
}
for t, c, ty in [
    ("targets", "series", "VARCHAR"), ("targets", "value_std", "DOUBLE"), ("targets", "unit_std", "VARCHAR"),
    ("targets", "inferred", "BOOLEAN"), ("targets", "constraint_source", "VARCHAR"),
    ("panel", "series", "VARCHAR"), ("panel", "target_value_std", "DOUBLE"), ("panel", "parent_value", "DOUBLE"),
    ("panel", "parent_qualifier", "VARCHAR"), ("panel", "achieved_value_std", "DOUBLE"),
]:
    assert types[t].get(c) == ty, (t, c, types[t].get(c))
# no target in a unit of the canonical kind is left without its harmonised value
bad = con.execute(f"select count(*) from read_parquet('{root}/targets/**/*.parquet', hive_partitioning = true) where value is not null and unit is not null and (value_std is null or unit_std is null)").fetchone()[0]
assert bad == 0, bad
print(json.dumps(out))
"#;

#[test]
fn exports_read_back_in_pandas_duckdb_and_openpyxl() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("demo-out");
    let o = baogao()
        .arg("demo")
        .arg("--output")
        .arg(&out)
        .output()
        .expect("demo");
    // 1: the sample site's links to missing pages make a partial run
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        text(&o.stderr)
    );

    let csv = dir.path().join("csv");
    let o = baogao()
        .arg("export")
        .arg(&out)
        .args(["--format", "csv", "--output"])
        .arg(&csv)
        .output()
        .expect("export csv");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(stdout.contains("targets: 36 rows, 26 columns"), "{stdout}");
    let o = baogao()
        .arg("export")
        .arg(&out)
        .args(["--format", "xlsx"])
        .output()
        .expect("export xlsx");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let xlsx = out.join("exports/baogao.xlsx");
    assert!(xlsx.exists(), "default output: {}", text(&o.stdout));

    // one table to one file
    let one = dir.path().join("panel.csv");
    let o = baogao()
        .arg("export")
        .arg(&out)
        .args(["--format", "csv", "--table", "panel", "--output"])
        .arg(&one)
        .output()
        .expect("export panel");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read(&one).expect("panel.csv"),
        std::fs::read(csv.join("panel.csv")).expect("csv/panel.csv")
    );

    let r = Command::new(python())
        .arg("-c")
        .arg(READ_BACK)
        .args([&out, &csv, &xlsx].map(|p| p.as_os_str()))
        .output()
        .expect("python");
    assert!(
        r.status.success(),
        "readers failed:\n{}\n{}",
        text(&r.stdout),
        text(&r.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&r.stdout).expect("json");
    assert_eq!(got["targets"]["rows"], 36);
    assert_eq!(got["reports"]["rows"], 5);
}

#[test]
fn export_of_an_unknown_format_is_refused() {
    let o = baogao()
        .args(["export", ".", "--format", "sav"])
        .output()
        .expect("export");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("sav"));
}
