//! One function per subcommand.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use baogao_clean::CleanRules;
use baogao_extract::Extractor;
use baogao_model::{Document, Page, PageKind};
use baogao_pipeline::{Config, RunOptions, RunSummary, Stage};
use tokio_util::sync::CancellationToken;

use crate::Command;

/// Runs `command`; `quiet`: no progress line or spinner (`--quiet`).
pub(crate) fn dispatch(command: Command, quiet: bool) -> Result<ExitCode> {
    match command {
        Command::Run {
            config,
            stage,
            from,
            to,
            no_report,
        } => run(
            &config,
            stage.as_deref(),
            from.as_deref(),
            to.as_deref(),
            quiet,
            no_report,
        ),
        Command::Check { config } => check(&config),
        Command::Clean { input, json, plain } => clean(&input, json, plain),
        Command::Extract {
            files,
            json,
            explain,
        } => extract(&files, json, explain),
        Command::Eval {
            gold_dir,
            text_dir,
            json,
        } => eval(&gold_dir, &text_dir, json),
        Command::LocatorCompare {
            train,
            test,
            threshold,
        } => locator_compare(&train, &test, threshold),
        Command::Runs { output, json } => runs(&output, json),
        Command::Compact {
            output,
            config,
            json,
        } => compact(&output, config.as_deref(), json, quiet),
        Command::Report { dataset, output } => report(&dataset, output.as_deref(), quiet),
        Command::Export {
            dataset,
            format,
            table,
            output,
        } => export(
            &dataset,
            &format,
            table.as_deref(),
            output.as_deref(),
            quiet,
        ),
        Command::Serve { dir, port } => serve(&dir, port),
        Command::Demo { output, site } => demo(&output, site.as_deref(), quiet),
        Command::Codebook => {
            print!("{}", crate::codebook::markdown());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

fn stage(name: Option<&str>, default: Stage) -> Stage {
    name.and_then(Stage::parse).unwrap_or(default)
}

/// Cancels `token` on the first Ctrl-C; a second Ctrl-C exits at once.
fn cancel_on_ctrl_c(token: &CancellationToken) {
    let token = token.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("stopping: finishing pages in flight (Ctrl-C again to abort)");
            token.cancel();
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    });
}

fn run(
    config: &Path,
    stage_name: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    quiet: bool,
    no_report: bool,
) -> Result<ExitCode> {
    let config = Config::load(config)?;
    let (from, to) = match stage_name {
        Some(s) => {
            let s = stage(Some(s), Stage::Fetch);
            (s, s)
        }
        None => (stage(from, Stage::Fetch), stage(to, Stage::Extract)),
    };
    if from > to {
        bail!(
            "`--from {}` comes after `--to {}`",
            from.as_str(),
            to.as_str()
        );
    }
    let opts = RunOptions {
        from,
        to,
        progress: !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
    };
    let rt = runtime()?;
    let result = rt.block_on(async {
        let token = CancellationToken::new();
        cancel_on_ctrl_c(&token);
        baogao_pipeline::run(&config, opts, token).await
    });
    // A run that gave up draining may leave stage threads behind: do not
    // wait for them (what they staged is dropped by the next run).
    rt.shutdown_timeout(std::time::Duration::from_millis(500));
    let summary = result?;
    print_summary(&config, &summary);
    if !no_report {
        run_report(&config.output, opts.progress);
    }
    Ok(crate::exit::done(summary.failed))
}

fn print_summary(config: &Config, s: &RunSummary) {
    let m = &s.manifest;
    let rows = |t: &str| m.rows.get(t).copied().unwrap_or(0);
    println!(
        "run {} {:?} in {:.1}s → {}",
        m.run_id,
        m.status,
        m.elapsed_seconds,
        config.output.display()
    );
    println!(
        "  pages {} · documents {} · reports {} · targets {} · outcomes {}",
        rows("pages"),
        rows("documents"),
        rows("reports"),
        rows("targets"),
        rows("outcomes")
    );
    if !m.errors.is_empty() {
        let errs: Vec<String> = m.errors.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!("  errors: {}", errs.join(", "));
    }
    if let Some(note) = &m.note {
        println!("  note: {note}");
    }
}

fn check(path: &Path) -> Result<ExitCode> {
    let config = Config::load(path)?;
    // what a crawl needs beyond a valid file (seeds); stage re-runs need less
    config.check_for(Stage::Fetch)?;
    print!("{}", baogao_pipeline::describe(&config));
    eprintln!("`{}` is valid", path.display());
    Ok(ExitCode::SUCCESS)
}

/// A local file as a document: `.txt` as it is (after its front matter, when
/// `baogao clean` wrote one), anything else as HTML.
fn load_document(path: &Path, rules: &CleanRules) -> Result<Document> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if baogao_fetch::charset::looks_binary(&bytes) {
        bail!(
            "`{}` is a binary file (PDF, Word, an image or an executable), not a report's text or HTML\nhint: save the report's text as .txt or its page as .html",
            path.display()
        );
    }
    let source = path.display().to_string();
    let is_text = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let decoded = baogao_fetch::charset::decode(&bytes, is_text.then_some("text/plain"));
    if is_text {
        Ok(crate::front_matter::read(&source, &decoded.text)?
            .unwrap_or_else(|| Document::from_text(&source, &decoded.text)))
    } else {
        Ok(baogao_clean::clean_html(&source, &decoded.text, rules))
    }
}

fn clean(input: &str, json: bool, plain: bool) -> Result<ExitCode> {
    let rules = CleanRules::default();
    let doc = if input.starts_with("http://") || input.starts_with("https://") {
        let page = fetch_one(input)?;
        baogao_clean::clean(&page, &rules)
    } else {
        load_document(Path::new(input), &rules)?
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else if plain {
        writeln!(out, "{}", doc.text)?;
    } else {
        crate::front_matter::write(&mut out, &doc)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Fetches one article (all of its pages) politely, as the crawler would.
fn fetch_one(url: &str) -> Result<Page> {
    let parsed = url::Url::parse(url).with_context(|| format!("`{url}` is not a URL"))?;
    let opts = baogao_fetch::FetchOptions {
        seeds: vec![parsed],
        max_depth: 0,
        ..baogao_fetch::FetchOptions::default()
    };
    let crawler = baogao_fetch::Crawler::new(opts)?;
    let rt = runtime()?;
    let mut pages = Vec::new();
    rt.block_on(crawler.run(
        &std::collections::HashSet::default(),
        &std::collections::HashMap::default(),
        CancellationToken::new(),
        |p| {
            pages.push(p);
            async {}
        },
    ));
    let page = pages
        .into_iter()
        .next()
        .with_context(|| format!("`{url}` gave no page"))?;
    match page.kind {
        PageKind::Html | PageKind::Listing if page.body.is_some() => Ok(page),
        PageKind::Error => bail!(
            "cannot fetch `{url}`: {}",
            page.error.as_deref().unwrap_or("unknown error")
        ),
        kind => bail!(
            "`{url}` is not an HTML page ({}, {})",
            kind.as_str(),
            page.content_type.as_deref().unwrap_or("no content type")
        ),
    }
}

fn extract(files: &[PathBuf], json: bool, explain: bool) -> Result<ExitCode> {
    let rules = CleanRules::default();
    let extractor = Extractor::builtin();
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for path in files {
        let doc = match load_document(path, &rules) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e:#}");
                failed += 1;
                continue;
            }
        };
        let source = path.display().to_string();
        match (json, explain) {
            (true, true) => {
                let e = extractor.explain(&doc);
                let obj = serde_json::json!({
                    "source": source,
                    "extraction": e.extraction,
                    "year_source": e.year_source,
                    "located_by": e.located_by,
                    "notes": e.notes,
                });
                writeln!(out, "{obj}")?;
            }
            (true, false) => {
                let ex = extractor.extract(&doc);
                let obj = serde_json::json!({
                    "source": source,
                    "report": ex.report,
                    "targets": ex.targets,
                    "outcomes": ex.outcomes,
                });
                writeln!(out, "{obj}")?;
            }
            (false, true) => {
                let e = extractor.explain(&doc);
                print_extraction(&mut out, path, &e.extraction)?;
                print_explanation(&mut out, &e)?;
            }
            (false, false) => print_extraction(&mut out, path, &extractor.extract(&doc))?,
        }
    }
    Ok(crate::exit::of_inputs(files.len(), failed))
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// Why `print_extraction` printed what it did: the year's clue, how the
/// targets were located, and each sentence weighed (`+` taken, `-` rejected).
fn print_explanation(out: &mut impl Write, e: &baogao_extract::Explanation) -> Result<()> {
    writeln!(out, "  why:")?;
    writeln!(out, "    target year from {}", e.year_source)?;
    writeln!(out, "    targets located by {}", e.located_by)?;
    for n in &e.notes {
        let text: String = n.text.chars().take(60).collect();
        let more = if n.text.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        writeln!(
            out,
            "    {} [{}..{}] {}: 「{text}{more}」",
            if n.taken { "+" } else { "-" },
            n.char_start,
            n.char_end,
            n.rule
        )?;
    }
    Ok(())
}

fn print_extraction(
    out: &mut impl Write,
    path: &Path,
    ex: &baogao_extract::Extraction,
) -> Result<()> {
    let r = &ex.report;
    writeln!(
        out,
        "{}: {} {} {} · level {} · target year {} · report date {}",
        path.display(),
        opt(r.province.as_deref()),
        opt(r.prefecture.as_deref()),
        opt(r.region.as_deref()),
        opt(r.level),
        opt(r.target_year),
        opt(r.report_date),
    )?;
    for t in &ex.targets {
        let value = match (t.value, t.value_max) {
            (Some(v), Some(m)) => format!("{v}–{m}"),
            (Some(v), None) => v.to_string(),
            _ => "-".into(),
        };
        let stretch = t
            .stretch_value
            .map(|s| format!(" (力争 {s})"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<28} {:<7} {:>2} {:>10} {:<6}{stretch}  「{}」",
            t.indicator,
            t.measure.as_str(),
            t.qualifier.as_str(),
            value,
            t.unit.as_deref().unwrap_or(""),
            t.text
        )?;
    }
    if !ex.outcomes.is_empty() {
        writeln!(out, "  outcomes:")?;
        for o in &ex.outcomes {
            writeln!(
                out,
                "  {:<28} {:<7} {:>10} {:<6} {}{}  「{}」",
                o.indicator,
                o.measure.as_str(),
                opt(o.value),
                o.unit.as_deref().unwrap_or(""),
                opt(o.year),
                if o.estimated { " (预计)" } else { "" },
                o.text
            )?;
        }
    }
    Ok(())
}

fn eval(gold: &Path, texts: &Path, json: bool) -> Result<ExitCode> {
    let extractor = Extractor::builtin();
    let report = baogao_extract::eval::evaluate(gold, texts, &extractor)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `GOLD_DIR:TEXT_DIR` as two paths.
fn gold_set(arg: &str) -> Result<(PathBuf, PathBuf)> {
    let (g, t) = arg.split_once(':').ok_or_else(|| {
        anyhow::anyhow!("`{arg}` is not GOLD_DIR:TEXT_DIR (two folders joined by `:`)")
    })?;
    Ok((PathBuf::from(g), PathBuf::from(t)))
}

fn locator_compare(train: &[String], test: &[String], threshold: f64) -> Result<ExitCode> {
    if !(0.0..=1.0).contains(&threshold) {
        bail!("--threshold {threshold} is not a probability (0 to 1)");
    }
    let extractor = Extractor::builtin();
    let train: Vec<(PathBuf, PathBuf)> =
        train.iter().map(|a| gold_set(a)).collect::<Result<_>>()?;
    let sets: Vec<(&Path, &Path)> = train
        .iter()
        .map(|(g, t)| (g.as_path(), t.as_path()))
        .collect();
    let (model, sum) = baogao_extract::learned::train(&extractor, &sets)?;
    println!(
        "trained on {} texts: {} sentences with figures, {} of them targets",
        sum.texts, sum.sentences, sum.target_sentences
    );
    if sum.unmatched_clauses > 0 {
        eprintln!(
            "warning: {} gold clauses were not found in their texts (left unlabelled)",
            sum.unmatched_clauses
        );
    }
    for arg in test {
        let (g, t) = gold_set(arg)?;
        let c = baogao_extract::learned::compare(&extractor, &model, (&g, &t), threshold)?;
        println!("{arg} (threshold {threshold}):\n{c}");
    }
    Ok(ExitCode::SUCCESS)
}

fn runs(output: &Path, json: bool) -> Result<ExitCode> {
    require_dataset(output)?;
    let (runs, unreadable) = baogao_write::read_runs(output)?;
    // a corrupt manifest is named, and the others are still listed
    for e in &unreadable {
        eprintln!("warning: {e}\nhint: the file can be deleted; the run's tables are not affected");
    }
    let code = crate::exit::done(unreadable.len() as u64);
    if json {
        println!("{}", serde_json::to_string_pretty(&runs)?);
        return Ok(code);
    }
    if runs.is_empty() {
        println!("no runs under `{}`", output.display());
    }
    for m in runs {
        let rows: Vec<String> = m.rows.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!(
            "{}  {:<11} {:>7.1}s  stages {}  {}",
            m.run_id,
            format!("{:?}", m.status).to_lowercase(),
            m.elapsed_seconds,
            m.stages.join(","),
            rows.join(" · ")
        );
    }
    Ok(code)
}

/// A dataset root that is not there is a fatal error (exit 2) for every
/// command that reads one, rather than an empty listing.
fn require_dataset(root: &Path) -> Result<()> {
    if !root.is_dir() {
        bail!(
            "no dataset at `{}`\nhint: give the folder a run wrote (`[pipeline] output` of its config)",
            root.display()
        );
    }
    Ok(())
}

fn compact(output: &Path, config: Option<&Path>, json: bool, quiet: bool) -> Result<ExitCode> {
    let opts = match config {
        Some(c) => Config::load(c)?.write,
        None => baogao_write::WriteOptions::default(),
    };
    require_dataset(output)?;
    let bar = crate::progress::spinner(!quiet);
    bar.set_message(format!("compacting `{}`", output.display()));
    let done = baogao_write::compact(output, &opts);
    bar.finish_and_clear();
    let done = done?;
    if json {
        println!("{}", serde_json::to_string_pretty(&done)?);
        return Ok(ExitCode::SUCCESS);
    }
    if done.is_empty() {
        println!("nothing to compact under `{}`", output.display());
    }
    for c in &done {
        println!(
            "{}: {} files → {} ({} rows)",
            c.folder, c.files_before, c.files_after, c.rows
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `OUT/report.html` at the end of a run; a failure is a warning
/// (the run's data is committed either way).
fn run_report(root: &Path, progress: bool) {
    let path = root.join("report.html");
    let bar = crate::progress::spinner(progress);
    let done = baogao_report::write_report(root, &path, &mut |m| bar.set_message(m.to_owned()));
    bar.finish_and_clear();
    match done {
        Ok(r) => println!("  report: {}", r.path.display()),
        Err(e) => eprintln!(
            "warning: cannot write the report `{}`: {e:#}\nhint: `baogao report {}` tries again; `--no-report` skips it",
            path.display(),
            root.display()
        ),
    }
}

fn report(dataset: &Path, output: Option<&Path>, quiet: bool) -> Result<ExitCode> {
    require_dataset(dataset)?;
    let path = output.map_or_else(|| dataset.join("report.html"), Path::to_owned);
    let bar = crate::progress::spinner(!quiet);
    let done = baogao_report::write_report(dataset, &path, &mut |m| bar.set_message(m.to_owned()));
    bar.finish_and_clear();
    let r = done?;
    println!(
        "wrote `{}` ({} reports, {} targets, {} runs; {} KiB)",
        r.path.display(),
        r.reports,
        r.targets,
        r.runs,
        r.bytes.div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

fn export(
    dataset: &Path,
    format: &str,
    table: Option<&str>,
    output: Option<&Path>,
    quiet: bool,
) -> Result<ExitCode> {
    require_dataset(dataset)?;
    let format = match format {
        "xlsx" => baogao_report::Format::Xlsx,
        _ => baogao_report::Format::Csv,
    };
    let tables: Vec<baogao_report::ExportTable> = match table {
        Some(t) => {
            vec![baogao_report::ExportTable::parse(t).with_context(|| format!("no table `{t}`"))?]
        }
        None => baogao_report::ExportTable::ALL.to_vec(),
    };
    let path = output.map_or_else(
        || baogao_report::default_output(dataset, format, &tables),
        Path::to_owned,
    );
    let bar = crate::progress::spinner(!quiet);
    let done = baogao_report::export(dataset, format, &tables, &path, &mut |m| {
        bar.set_message(m.to_owned());
    });
    bar.finish_and_clear();
    for e in done? {
        println!(
            "{}: {} rows, {} columns → `{}`",
            e.table,
            e.rows,
            e.columns.len(),
            e.path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(dir: &Path, port: u16) -> Result<ExitCode> {
    let rt = runtime()?;
    rt.block_on(async {
        let site = baogao_testsite::Site::serve(dir, port).await?;
        eprintln!(
            "serving `{}` on {} (Ctrl-C to stop)",
            dir.display(),
            site.base()
        );
        tokio::signal::ctrl_c().await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The bundled sample's pipeline: `config/sample.toml` with the site's address.
const SAMPLE_CONFIG: &str = include_str!("../../../config/sample.toml");

/// The sample site (`fixtures/site`), built into the binary so that an
/// installed `baogao demo` needs no checkout.
static SAMPLE_SITE: include_dir::Dir<'_> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/../../fixtures/site");

fn demo(output: &Path, site_dir: Option<&Path>, quiet: bool) -> Result<ExitCode> {
    let builtin = site_dir.is_none();
    // the built-in site is written to a temporary folder for the server
    let unpacked;
    let site_dir = if let Some(d) = site_dir {
        d
    } else {
        unpacked =
            tempfile::tempdir().context("cannot make a temporary folder for the sample site")?;
        SAMPLE_SITE.extract(unpacked.path()).with_context(|| {
            format!(
                "cannot write the sample site to `{}`",
                unpacked.path().display()
            )
        })?;
        unpacked.path()
    };
    let rt = runtime()?;
    let output = std::path::absolute(output)
        .with_context(|| format!("bad output path `{}`", output.display()))?;
    let (summary, config) = rt.block_on(async {
        let site = baogao_testsite::Site::serve(site_dir, 0)
            .await
            .with_context(|| format!("cannot serve `{}`", site_dir.display()))?;
        eprintln!(
            "serving the sample site `{}` on {}",
            site_dir.display(),
            site.base()
        );
        let text = SAMPLE_CONFIG.replace(baogao_testsite::SAMPLE_BASE, &site.base());
        let mut config = Config::from_str(Path::new("config/sample.toml"), &text)?;
        config.output = output.clone();
        let token = CancellationToken::new();
        cancel_on_ctrl_c(&token);
        let opts = RunOptions {
            progress: !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
            ..RunOptions::default()
        };
        let summary = baogao_pipeline::run(&config, opts, token).await?;
        Ok::<_, anyhow::Error>((summary, config))
    })?;
    print_summary(&config, &summary);
    run_report(
        &output,
        !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
    );
    let targets: Vec<baogao_model::Target> = baogao_write::read_all(&output)?;
    let reports: Vec<baogao_model::Report> = baogao_write::read_all(&output)?;
    println!("\n  targets by report:");
    for r in &reports {
        let n = targets.iter().filter(|t| t.doc_id == r.doc_id).count();
        let gdp = targets
            .iter()
            .find(|t| t.doc_id == r.doc_id && t.indicator == "gdp")
            .map_or_else(|| "-".into(), |t| t.text.clone());
        println!(
            "  {:<10} {:<6} {} targets  gdp: {gdp}",
            r.region.as_deref().unwrap_or("?"),
            opt(r.target_year),
            n
        );
    }
    println!(
        "\nquery it: duckdb -c \"select * from read_parquet('{}/targets/**/*.parquet', hive_partitioning = true)\"",
        output.display()
    );
    // The same rule as `baogao run`: the sample site links to missing pages
    // on purpose, and a run with error rows exits 1 whoever starts it.
    if summary.failed > 0 && builtin {
        println!(
            "\n{} pages failed (the sample site's links to missing pages, on purpose): exit code 1, as `baogao run` gives",
            summary.failed
        );
    }
    Ok(crate::exit::done(summary.failed))
}
