//! The report page: sections of figures (an SVG chart and the table of its
//! numbers), lists and tables, in one HTML file with its style inline and
//! no script.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use crate::ReportError;
use crate::charts::{self, FONT_STACK};
use crate::data::{Dataset, ReportRow};

/// Rows listed at most in a quality list or a long table.
const LIST_MAX: usize = 500;
/// Indicators drawn at most in the indicator chart.
const INDICATORS_DRAWN: usize = 25;
/// The row that gathers every non-standard (`other:`) indicator.
const OTHER_GROUP: &str = "other:…";

/// The qualifiers, in the order of the charts and tables.
const QUALIFIERS: [&str; 6] = [">=", "~", "<=", "=", "range", "qualitative"];
/// The levels, in the order of the charts and tables.
const LEVELS: [&str; 4] = ["national", "province", "city", "county"];

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link to a report's URL (only http(s) URLs become links).
fn link(url: &str, text: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        format!("<a href=\"{}\">{}</a>", esc(url), esc(text))
    } else {
        esc(text)
    }
}

fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').to_owned()
    }
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        f64::midpoint(v[n / 2 - 1], v[n / 2])
    })
}

/// A data table: header cells and rows of cells (already HTML).
fn table(out: &mut String, class: &str, head: &[String], rows: &[Vec<String>]) {
    let _ = write!(out, "<table class=\"{class}\"><thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            let tag = if i == 0 { "th" } else { "td" };
            let _ = write!(out, "<{tag}>{c}</{tag}>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}

fn heads(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| esc(s)).collect()
}

/// A figure: caption, chart, and the table of its numbers.
fn figure(
    out: &mut String,
    id: &str,
    caption: &str,
    svg: &str,
    head: &[String],
    rows: &[Vec<String>],
) {
    let _ = write!(
        out,
        "<figure id=\"{id}\"><figcaption>{caption}</figcaption>\n<div class=\"chart\">{svg}</div>\n"
    );
    table(out, "data", head, rows);
    out.push_str("</figure>\n");
}

fn empty(out: &mut String, id: &str, what: &str) {
    let _ = writeln!(out, "<p class=\"empty\" id=\"{id}\">{}</p>", esc(what));
}

const STYLE: &str = r#"
:root { --cjk: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; }
body { font-family: system-ui, -apple-system, "Segoe UI", var(--cjk); margin: 0 auto; max-width: 1000px; padding: 1em 1.5em 4em; color: #222; }
svg text { font-family: var(--cjk); }
h1 { margin-bottom: .2em; } h2 { border-bottom: 2px solid #4e79a7; padding-bottom: .2em; margin-top: 2em; }
nav a { margin-right: 1em; }
.summary { color: #555; }
figure { margin: 1.5em 0; } figcaption { font-weight: 600; margin-bottom: .4em; }
.chart svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; font-size: 13px; margin: .6em 0; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: right; }
thead th { background: #f3f5f8; } tbody th { text-align: left; font-weight: normal; }
td.text, td.url { text-align: left; } td.url { word-break: break-all; }
.data { max-width: 100%; display: block; overflow-x: auto; }
.empty { color: #777; font-style: italic; }
details { margin: .8em 0; } summary { cursor: pointer; font-weight: 600; }
"#;

/// The whole page for the dataset at `root_label`.
pub(crate) fn page(d: &Dataset, root_label: &str, generated: &str) -> Result<String, ReportError> {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"baogao {}\">\n<title>baogao report: {}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(root_label)
    );
    let _ = write!(
        out,
        "<header><h1>baogao report</h1>\n<p class=\"summary\">dataset <code>{}</code> · \
         written {generated} · {} reports · {} targets · {} outcomes · {} documents · \
         {} pages · {} runs</p>\n<nav><a href=\"#coverage\">coverage</a><a href=\"#targets\">targets</a>\
         <a href=\"#quality\">quality</a><a href=\"#runs\">runs</a></nav></header>\n",
        esc(root_label),
        d.reports.len(),
        d.targets.len(),
        d.outcomes,
        d.documents,
        d.pages.pages,
        d.runs.len()
    );
    coverage(&mut out, d)?;
    targets(&mut out, d)?;
    quality(&mut out, d);
    runs(&mut out, d)?;
    let _ = write!(
        out,
        "<footer><p class=\"summary\">Charts drawn by plotters; fonts: {}.</p></footer>\n</body>\n</html>\n",
        esc(FONT_STACK)
    );
    Ok(out)
}

/// Province order: by the GB/T 2260 province prefix of their reports' codes, then name.
fn province_order(reports: &[ReportRow]) -> Vec<String> {
    let mut key: BTreeMap<String, String> = BTreeMap::new();
    for r in reports.iter().filter(|r| r.target_year.is_some()) {
        let name = r.province.clone().unwrap_or_else(|| "(no province)".into());
        let code = r
            .region_code
            .as_deref()
            .and_then(|c| c.get(..2))
            .unwrap_or("99")
            .to_owned();
        let k = key.entry(name).or_insert_with(|| code.clone());
        if code < *k {
            *k = code;
        }
    }
    let mut v: Vec<(String, String)> = key.into_iter().map(|(n, c)| (c, n)).collect();
    v.sort();
    v.into_iter().map(|(_, n)| n).collect()
}

fn years_of(reports: &[ReportRow]) -> Vec<i32> {
    let set: BTreeSet<i32> = reports.iter().filter_map(|r| r.target_year).collect();
    match (set.first(), set.last()) {
        // every year between the first and the last: a missing year is a gap
        (Some(&a), Some(&b)) if b - a < 80 => (a..=b).collect(),
        _ => set.into_iter().collect(),
    }
}

fn coverage(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    out.push_str("<section id=\"coverage\"><h2>Coverage</h2>\n");
    let provinces = province_order(&d.reports);
    let years = years_of(&d.reports);
    if years.is_empty() {
        empty(out, "coverage-heatmap", "no report with a target year yet");
        out.push_str("</section>\n");
        return Ok(());
    }
    let pidx: HashMap<&str, usize> = provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut grid = vec![vec![0u64; years.len()]; provinces.len()];
    let mut by_level: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for r in &d.reports {
        let Some(y) = r.target_year else { continue };
        let Some(c) = years.iter().position(|&x| x == y) else {
            continue;
        };
        let p = r.province.as_deref().unwrap_or("(no province)");
        grid[pidx[p]][c] += 1;
        let level = r.level.clone().unwrap_or_else(|| "unknown".into());
        by_level
            .entry(level)
            .or_insert_with(|| vec![0; years.len()])[c] += 1;
    }
    let cols: Vec<String> = years.iter().map(ToString::to_string).collect();
    let svg = charts::heatmap(&provinces, &cols, |r, c| grid[r][c])?;
    let mut head = vec![esc("province")];
    head.extend(cols.iter().map(|c| esc(c)));
    head.push("total".into());
    let rows: Vec<Vec<String>> = provinces
        .iter()
        .zip(&grid)
        .map(|(p, counts)| {
            let mut row = vec![esc(p)];
            row.extend(counts.iter().map(|n| {
                if *n == 0 {
                    String::new()
                } else {
                    n.to_string()
                }
            }));
            row.push(counts.iter().sum::<u64>().to_string());
            row
        })
        .collect();
    figure(
        out,
        "coverage-heatmap",
        "Reports per province and target year (every level; grey: none found)",
        &svg,
        &head,
        &rows,
    );

    let mut levels: Vec<String> = LEVELS
        .iter()
        .filter(|l| by_level.contains_key(**l))
        .map(|l| (*l).to_owned())
        .collect();
    levels.extend(
        by_level
            .keys()
            .filter(|k| !LEVELS.contains(&k.as_str()))
            .cloned(),
    );
    let series: Vec<(String, Vec<f64>)> = levels
        .iter()
        .map(|l| (l.clone(), by_level[l].iter().map(|&n| n as f64).collect()))
        .collect();
    let svg = charts::stacked_bars("levels", &cols, &series, false, "reports")?;
    let mut head = vec![esc("level")];
    head.extend(cols.iter().map(|c| esc(c)));
    head.push("total".into());
    let rows: Vec<Vec<String>> = levels
        .iter()
        .map(|l| {
            let counts = &by_level[l];
            let mut row = vec![esc(l)];
            row.extend(counts.iter().map(ToString::to_string));
            row.push(counts.iter().sum::<u64>().to_string());
            row
        })
        .collect();
    figure(
        out,
        "coverage-level",
        "Reports per target year, by level",
        &svg,
        &head,
        &rows,
    );
    out.push_str("</section>\n");
    Ok(())
}

/// FNV-1a: a stable spread of each report's point around its year.
fn spread(doc_id: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((h % 1000) as f64 / 1000.0 - 0.5) * 0.5
}

/// The GDP growth target of each report (its first `gdp` / `growth` target
/// with a value): (doc_id, target year, value).
pub(crate) fn gdp_points(d: &Dataset) -> Vec<(String, i32, f64)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for t in &d.targets {
        if t.indicator != "gdp" || t.measure != "growth" {
            continue;
        }
        let (Some(y), Some(v)) = (t.target_year, t.value) else {
            continue;
        };
        if seen.insert(t.doc_id.as_str()) {
            out.push((t.doc_id.clone(), y, v));
        }
    }
    out
}

fn targets(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    out.push_str("<section id=\"targets\"><h2>Targets</h2>\n");
    let points = gdp_points(d);
    if points.is_empty() {
        empty(out, "gdp", "no GDP growth target with a value yet");
    } else {
        let mut by_year: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
        for (_, y, v) in &points {
            by_year.entry(*y).or_default().push(*v);
        }
        let mut medians = BTreeMap::new();
        let mut rows = Vec::new();
        for (y, vals) in &mut by_year {
            let m = median(vals).unwrap_or_default();
            medians.insert(*y, m);
            let mean = vals.iter().sum::<f64>() / vals.len() as f64;
            rows.push(vec![
                y.to_string(),
                vals.len().to_string(),
                num(vals[0]),
                num(m),
                num(mean),
                num(vals[vals.len() - 1]),
            ]);
        }
        let xy: Vec<(f64, f64)> = points
            .iter()
            .map(|(id, y, v)| (f64::from(*y) + spread(id), *v))
            .collect();
        let svg = charts::points_and_median(&xy, &medians, "GDP growth target (%)")?;
        figure(
            out,
            "gdp",
            "GDP growth targets by target year: every report a point (the low end of a range), the median a line",
            &svg,
            &heads(&["target year", "reports", "min", "median", "mean", "max"]),
            &rows,
        );
    }
    indicators(out, d)?;
    out.push_str("</section>\n");
    Ok(())
}

#[derive(Default)]
struct IndicatorStats {
    reports: HashSet<String>,
    targets: u64,
    /// Reports by the qualifier of their first target of the indicator.
    first_qualifier: BTreeMap<String, u64>,
    qualifiers: BTreeMap<String, u64>,
    constraints: BTreeMap<String, u64>,
    values: BTreeMap<String, Vec<f64>>,
    distinct: BTreeSet<String>,
}

fn indicators(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    if d.targets.is_empty() {
        empty(out, "indicators", "no targets yet");
        return Ok(());
    }
    let mut stats: BTreeMap<String, IndicatorStats> = BTreeMap::new();
    for t in &d.targets {
        let key = if baogao_model::is_canonical(&t.indicator) {
            t.indicator.clone()
        } else {
            OTHER_GROUP.to_owned()
        };
        let s = stats.entry(key).or_default();
        s.distinct.insert(t.indicator.clone());
        s.targets += 1;
        if s.reports.insert(t.doc_id.clone()) {
            *s.first_qualifier.entry(t.qualifier.clone()).or_default() += 1;
        }
        *s.qualifiers.entry(t.qualifier.clone()).or_default() += 1;
        let c = t.constraint.clone().unwrap_or_else(|| "unlabelled".into());
        *s.constraints.entry(c).or_default() += 1;
        if let Some(v) = t.value {
            s.values.entry(t.measure.clone()).or_default().push(v);
        }
    }
    let mut order: Vec<(&String, &IndicatorStats)> = stats.iter().collect();
    order.sort_by(|a, b| {
        b.1.reports
            .len()
            .cmp(&a.1.reports.len())
            .then_with(|| a.0.cmp(b.0))
    });
    let drawn: Vec<&(&String, &IndicatorStats)> = order.iter().take(INDICATORS_DRAWN).collect();
    let cats: Vec<String> = drawn.iter().map(|(k, _)| (*k).clone()).collect();
    let mut quals: Vec<String> = QUALIFIERS.iter().map(|q| (*q).to_owned()).collect();
    for (_, s) in &order {
        for q in s.first_qualifier.keys() {
            if !quals.contains(q) {
                quals.push(q.clone());
            }
        }
    }
    let series: Vec<(String, Vec<f64>)> = quals
        .iter()
        .map(|q| {
            let v = drawn
                .iter()
                .map(|(_, s)| s.first_qualifier.get(q).copied().unwrap_or(0) as f64)
                .collect();
            (q.clone(), v)
        })
        .filter(|(_, v): &(String, Vec<f64>)| v.iter().any(|x| *x > 0.0))
        .collect();
    let svg = charts::stacked_bars("indicators", &cats, &series, true, "reports stating it")?;
    let mut head = heads(&["indicator", "reports", "targets"]);
    head.extend(QUALIFIERS.iter().map(|q| esc(q)));
    head.extend(heads(&[
        "hard",
        "soft",
        "unlabelled",
        "median value (measure)",
    ]));
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|(k, s)| {
            let name = if k.as_str() == OTHER_GROUP {
                format!("{OTHER_GROUP} ({} names)", s.distinct.len())
            } else {
                (*k).clone()
            };
            let mut row = vec![
                esc(&name),
                s.reports.len().to_string(),
                s.targets.to_string(),
            ];
            row.extend(QUALIFIERS.iter().map(|q| {
                s.qualifiers
                    .get(*q)
                    .map_or(String::new(), ToString::to_string)
            }));
            row.extend(["hard", "soft", "unlabelled"].iter().map(|c| {
                s.constraints
                    .get(*c)
                    .map_or(String::new(), ToString::to_string)
            }));
            let common = s
                .values
                .iter()
                .max_by_key(|(m, v)| (v.len(), std::cmp::Reverse(*m)));
            row.push(common.map_or(String::new(), |(m, v)| {
                let mut v = v.clone();
                format!(
                    "{} ({})",
                    median(&mut v).map(num).unwrap_or_default(),
                    esc(m)
                )
            }));
            row
        })
        .collect();
    figure(
        out,
        "indicators",
        "Reports stating each indicator, by the qualifier of its (first) target; the table counts every target, with its constraint",
        &svg,
        &head,
        &rows,
    );
    Ok(())
}

fn report_list(out: &mut String, id: &str, title: &str, rows: &[&ReportRow], note: bool) {
    let _ = writeln!(
        out,
        "<details id=\"{id}\" open><summary>{} ({})</summary>",
        esc(title),
        rows.len()
    );
    if rows.is_empty() {
        out.push_str("<p class=\"empty\">none</p>");
    } else {
        let mut head = heads(&["region", "province", "level", "target year", "report"]);
        if note {
            head.push("why".into());
        }
        let body: Vec<Vec<String>> = rows
            .iter()
            .take(LIST_MAX)
            .map(|r| {
                let mut row = vec![
                    esc(r.region.as_deref().unwrap_or("?")),
                    esc(r.province.as_deref().unwrap_or("")),
                    esc(r.level.as_deref().unwrap_or("")),
                    r.target_year.map_or_else(String::new, |y| y.to_string()),
                    link(&r.url, r.title.as_deref().unwrap_or(&r.url)),
                ];
                if note {
                    row.push(esc(r.region_note.as_deref().unwrap_or("")));
                }
                row
            })
            .collect();
        table(out, "list", &head, &body);
        if rows.len() > LIST_MAX {
            let _ = write!(
                out,
                "<p class=\"empty\">and {} more (query the `reports` table for all)</p>",
                rows.len() - LIST_MAX
            );
        }
    }
    out.push_str("</details>\n");
}

fn quality(out: &mut String, d: &Dataset) {
    out.push_str("<section id=\"quality\"><h2>Quality</h2>\n");
    let mut sorted: Vec<&ReportRow> = d.reports.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.province, &a.region, a.target_year, &a.url).cmp(&(
            &b.province,
            &b.region,
            b.target_year,
            &b.url,
        ))
    });
    let pick = |f: &dyn Fn(&ReportRow) -> bool| -> Vec<&ReportRow> {
        sorted.iter().copied().filter(|r| f(r)).collect()
    };
    report_list(
        out,
        "no-targets",
        "Reports with no targets found",
        &pick(&|r| r.targets_found == 0),
        false,
    );
    report_list(
        out,
        "gdp-absent",
        "Reports whose targets name no GDP figure (gdp_absent)",
        &pick(&|r| r.gdp_absent),
        false,
    );
    report_list(
        out,
        "no-region-code",
        "Reports whose region did not resolve to a code",
        &pick(&|r| r.region_code.is_none()),
        true,
    );
    report_list(
        out,
        "no-year",
        "Reports without a target year",
        &pick(&|r| r.target_year.is_none()),
        false,
    );
    out.push_str("</section>\n");
}

fn runs(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    out.push_str("<section id=\"runs\"><h2>Runs</h2>\n");
    if d.runs.is_empty() {
        empty(out, "runs-table", "no run manifests under `_runs`");
    } else {
        let head = heads(&[
            "run",
            "status",
            "started (UTC)",
            "seconds",
            "stages",
            "pages fetched",
            "pages / minute",
            "documents",
            "reports",
            "targets",
            "errors",
            "note",
        ]);
        let rows: Vec<Vec<String>> = d
            .runs
            .iter()
            .rev()
            .take(LIST_MAX)
            .map(|m| {
                let fetched = m.counts.get("fetch").map(|c| c.output);
                let rate = fetched
                    .filter(|_| m.elapsed_seconds > 0.0)
                    .map(|f| num(f as f64 / m.elapsed_seconds * 60.0));
                let rows = |t: &str| m.rows.get(t).copied().unwrap_or(0).to_string();
                vec![
                    esc(&m.run_id),
                    format!("{:?}", m.status).to_lowercase(),
                    m.started_at.format("%Y-%m-%d %H:%M:%S").to_string(),
                    num(m.elapsed_seconds),
                    esc(&m.stages.join(",")),
                    fetched.map_or_else(String::new, |f| f.to_string()),
                    rate.unwrap_or_default(),
                    rows("documents"),
                    rows("reports"),
                    rows("targets"),
                    m.errors.values().sum::<u64>().to_string(),
                    esc(m.note.as_deref().unwrap_or("")),
                ]
            })
            .collect();
        let _ = write!(out, "<div id=\"runs-table\"><h3>Runs, latest first</h3>");
        table(out, "data", &head, &rows);
        out.push_str("</div>\n");
    }
    per_minute(out, d)?;
    errors(out, d)?;
    retries(out, d);
    stages(out, d);
    out.push_str("</section>\n");
    Ok(())
}

fn per_minute(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    // the latest run (by manifest, else by id) that fetched pages still in the table
    let latest = d
        .runs
        .iter()
        .rev()
        .map(|m| m.run_id.as_str())
        .find(|id| d.pages.per_minute.contains_key(*id))
        .or_else(|| d.pages.per_minute.keys().next_back().map(String::as_str));
    let Some(run) = latest else {
        empty(
            out,
            "pages-per-minute",
            "no fetched pages: pages per minute cannot be derived",
        );
        return Ok(());
    };
    let minutes = &d.pages.per_minute[run];
    let (Some(&first), Some(&last)) = (minutes.keys().next(), minutes.keys().next_back()) else {
        return Ok(());
    };
    let cats: Vec<String> = (0..=(last - first).min(600))
        .map(|m| format!("+{m}"))
        .collect();
    let values: Vec<f64> = (0..cats.len() as i64)
        .map(|m| minutes.get(&(first + m)).copied().unwrap_or(0) as f64)
        .collect();
    let svg = charts::stacked_bars(
        "pages per minute",
        &cats,
        &[("pages".into(), values.clone())],
        false,
        "pages",
    )?;
    let start = chrono::DateTime::from_timestamp(first * 60, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    let rows: Vec<Vec<String>> = cats
        .iter()
        .zip(&values)
        .map(|(c, v)| vec![esc(c), num(*v)])
        .collect();
    figure(
        out,
        "pages-per-minute",
        &format!(
            "Pages fetched per minute by run <code>{}</code> (minutes from {start}; pages later replaced by another run are not counted)",
            esc(run)
        ),
        &svg,
        &heads(&["minute", "pages"]),
        &rows,
    );
    Ok(())
}

fn errors(out: &mut String, d: &Dataset) -> Result<(), ReportError> {
    let mut by_kind: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let latest = d.runs.last().map(|m| m.run_id.as_str());
    for m in &d.runs {
        for (k, n) in &m.errors {
            let e = by_kind.entry(k.as_str()).or_default();
            e.0 += n;
            if Some(m.run_id.as_str()) == latest {
                e.1 += n;
            }
        }
    }
    if by_kind.is_empty() {
        empty(out, "errors-by-kind", "no errors in any run");
    } else {
        let mut kinds: Vec<(&str, (u64, u64))> = by_kind.into_iter().collect();
        kinds.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        let cats: Vec<String> = kinds.iter().map(|(k, _)| (*k).to_owned()).collect();
        let values = kinds.iter().map(|(_, (n, _))| *n as f64).collect();
        let svg = charts::stacked_bars(
            "errors by kind",
            &cats,
            &[("errors".into(), values)],
            true,
            "errors, all runs",
        )?;
        let rows: Vec<Vec<String>> = kinds
            .iter()
            .map(|(k, (all, last))| vec![esc(k), all.to_string(), last.to_string()])
            .collect();
        figure(
            out,
            "errors-by-kind",
            "Errors by kind, summed over the run manifests (a page that fails in two runs counts twice)",
            &svg,
            &heads(&["kind", "all runs", "latest run"]),
            &rows,
        );
    }
    let hosts: Vec<(&String, u64)> = {
        let mut v: Vec<(&String, u64)> = d
            .pages
            .hosts
            .iter()
            .filter(|(_, h)| h.errors > 0)
            .map(|(k, h)| (k, h.errors))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(INDICATORS_DRAWN);
        v
    };
    if hosts.is_empty() {
        empty(out, "errors-by-host", "no error rows in `pages`");
    } else {
        let kinds: BTreeSet<&str> = d.pages.errors.keys().map(|(k, _)| k.as_str()).collect();
        let cats: Vec<String> = hosts.iter().map(|(h, _)| (*h).clone()).collect();
        let series: Vec<(String, Vec<f64>)> = kinds
            .iter()
            .map(|k| {
                let v = cats
                    .iter()
                    .map(|h| {
                        d.pages
                            .errors
                            .get(&((*k).to_owned(), h.clone()))
                            .copied()
                            .unwrap_or(0) as f64
                    })
                    .collect();
                ((*k).to_owned(), v)
            })
            .collect();
        let svg = charts::stacked_bars(
            "errors by host",
            &cats,
            &series,
            true,
            "error rows in `pages`",
        )?;
        let mut head = heads(&[
            "host",
            "pages",
            "error rows",
            "retried pages",
            "extra requests",
        ]);
        head.extend(kinds.iter().map(|k| esc(k)));
        let rows: Vec<Vec<String>> = d
            .pages
            .hosts
            .iter()
            .take(LIST_MAX)
            .map(|(host, h)| {
                let mut row = vec![
                    esc(host),
                    h.pages.to_string(),
                    h.errors.to_string(),
                    h.retried.to_string(),
                    h.extra_attempts.to_string(),
                ];
                row.extend(kinds.iter().map(|k| {
                    d.pages
                        .errors
                        .get(&((*k).to_owned(), host.clone()))
                        .map_or(String::new(), ToString::to_string)
                }));
                row
            })
            .collect();
        figure(
            out,
            "errors-by-host",
            "Pages that are error rows now, by host and kind (the next run retries them)",
            &svg,
            &head,
            &rows,
        );
    }
    Ok(())
}

fn retries(out: &mut String, d: &Dataset) {
    let p = &d.pages;
    let _ = writeln!(
        out,
        "<details id=\"retries\" open><summary>Pages that took more than one request ({})</summary>",
        p.retried_total
    );
    if p.retried.is_empty() {
        out.push_str("<p class=\"empty\">none: every page answered at the first request</p>");
    } else {
        let rows: Vec<Vec<String>> = p
            .retried
            .iter()
            .map(|r| {
                vec![
                    link(&r.url, &r.url),
                    r.attempts.to_string(),
                    esc(&r.outcome),
                ]
            })
            .collect();
        table(
            out,
            "list",
            &heads(&["page", "requests", "last outcome"]),
            &rows,
        );
    }
    out.push_str("</details>\n");
}

fn stages(out: &mut String, d: &Dataset) {
    let Some(m) = d.runs.last() else { return };
    let rows: Vec<Vec<String>> = m
        .counts
        .iter()
        .map(|(stage, c)| {
            vec![
                esc(stage),
                c.input.to_string(),
                c.output.to_string(),
                c.errors.to_string(),
                num(c.busy_seconds),
                num(c.blocked_seconds),
            ]
        })
        .collect();
    let _ = write!(
        out,
        "<div id=\"stages\"><h3>Stages of the latest run <code>{}</code></h3>\
         <p class=\"summary\">blocked: seconds a stage waited for the next one (backpressure); \
         time spent waiting on per-host rate limits is not recorded in the manifest</p>",
        esc(&m.run_id)
    );
    table(
        out,
        "data",
        &heads(&[
            "stage",
            "in",
            "out",
            "errors",
            "busy seconds",
            "blocked seconds",
        ]),
        &rows,
    );
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_only_http_urls_become_links() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(link("javascript:alert(1)", "x"), "x");
        assert_eq!(
            link("http://a.gov.cn/?a=1&b=2", "报告"),
            "<a href=\"http://a.gov.cn/?a=1&amp;b=2\">报告</a>"
        );
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&mut [7.0, 5.0, 6.0]), Some(6.0));
        assert_eq!(median(&mut [7.0, 5.0, 6.0, 8.0]), Some(6.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(num(6.5), "6.5");
        assert_eq!(num(7.0), "7");
    }
}
