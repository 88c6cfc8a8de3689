//! The `baogao` command.
//!
//! Exit codes, the same for every command (`exit.rs`): 0 done; 1 done, but
//! some records failed (pages, files, manifests); 2 fatal or usage error.

mod codebook;
mod commands;
mod exit;
mod front_matter;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Crawl Chinese government work reports (政府工作报告) into analysis-ready Parquet.
#[derive(Debug, Parser)]
#[command(name = "baogao", version, about, long_about = None)]
struct Cli {
    /// More log output (-v info, -vv debug, -vvv trace); logs go to stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// No progress line, and only baogao's own warnings in the log (none from
    /// the libraries it uses); errors always.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the pipeline of a config file (all stages, or some of them).
    Run {
        /// The pipeline config.
        #[arg(default_value = "baogao.toml")]
        config: PathBuf,
        /// Run this one stage only, reading the previous stage's dataset.
        #[arg(long, value_parser = ["fetch", "clean", "extract"], conflicts_with_all = ["from", "to"])]
        stage: Option<String>,
        /// First stage to run (earlier stages' datasets are read).
        #[arg(long, value_parser = ["fetch", "clean", "extract"])]
        from: Option<String>,
        /// Last stage to run.
        #[arg(long, value_parser = ["fetch", "clean", "extract"])]
        to: Option<String>,
        /// Do not write `OUTPUT/report.html` at the end of the run.
        #[arg(long)]
        no_report: bool,
    },
    /// Validate a config file and print the resolved config.
    Check {
        /// The pipeline config.
        config: PathBuf,
    },
    /// Print the cleaned text of one page (a local HTML file or a URL).
    ///
    /// The text comes after a front matter (title, date, url, breadcrumb
    /// between `---` lines) that `baogao extract` reads back, so that
    /// `baogao clean URL > f.txt; baogao extract f.txt` gives what the
    /// pipeline gives for the page.
    Clean {
        /// A local .html file (its charset is detected) or an http(s) URL.
        input: String,
        /// Print the document record as JSON instead of the text.
        #[arg(long, conflicts_with = "plain")]
        json: bool,
        /// Print the text alone, without the front matter.
        #[arg(long)]
        plain: bool,
    },
    /// Print the targets of local report files (.txt or .html).
    ///
    /// A .txt file may open with the front matter `baogao clean` writes; its
    /// title, date, url and breadcrumb are read as the pipeline reads them
    /// from the page.
    Extract {
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per file: {"source", "report", "targets", "outcomes"}
        /// (with --explain: {"source", "extraction", "year_source", "located_by", "notes"}).
        #[arg(long)]
        json: bool,
        /// Say why: which clue gave the target year, how the targets were
        /// located, and every sentence weighed as the year's targets with the
        /// rule that took or rejected it.
        #[arg(long)]
        explain: bool,
    },
    /// Precision, recall and F1 of extraction against gold files.
    Eval {
        /// Folder of gold JSON files.
        gold_dir: PathBuf,
        /// Folder of report texts named like the gold files (NAME.json ↔ NAME.txt).
        text_dir: PathBuf,
        /// Print the evaluation as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Train the learned sentence locator on gold sets and score it against
    /// the rules on others, sentence by sentence (an experiment: the
    /// extractor uses the rules; docs/locating.md).
    LocatorCompare {
        /// A training set, `GOLD_DIR:TEXT_DIR` (repeat for more).
        #[arg(long, required = true, value_name = "GOLD_DIR:TEXT_DIR")]
        train: Vec<String>,
        /// A set to score on, `GOLD_DIR:TEXT_DIR` (repeat for more).
        #[arg(long, required = true, value_name = "GOLD_DIR:TEXT_DIR")]
        test: Vec<String>,
        /// The least probability at which the model takes a sentence.
        #[arg(long, default_value_t = 0.5)]
        threshold: f64,
    },
    /// List the runs of a dataset root with their manifests.
    Runs {
        /// The dataset root (`[pipeline] output`).
        output: PathBuf,
        /// Print the manifests as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge the small Parquet files of each table and partition into larger ones.
    ///
    /// Crash-safe (journaled like a commit) and holds the output lock, so it
    /// refuses to start while a run writes to the folder.
    Compact {
        /// The dataset root (`[pipeline] output`).
        output: PathBuf,
        /// Take the file size limits (`[write]`) from this config.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Print what was merged as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the HTML report of a dataset: coverage, targets, quality lists and runs, with charts.
    ///
    /// One self-contained file (inline SVG charts, no script, nothing fetched),
    /// each chart with its numbers in a table beneath it.
    Report {
        /// The dataset root (`[pipeline] output`).
        dataset: PathBuf,
        /// Where to write the report [default: DATASET/report.html].
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Export tables as CSV (UTF-8 with a BOM) or XLSX, for Stata, R and Excel.
    ///
    /// Targets and outcomes come with their report's province, prefecture,
    /// region, level and region_code.
    Export {
        /// The dataset root (`[pipeline] output`).
        dataset: PathBuf,
        /// File format.
        #[arg(long, value_parser = ["csv", "xlsx"])]
        format: String,
        /// Export this table only [default: targets, outcomes, panel and reports].
        #[arg(long, value_parser = ["targets", "outcomes", "panel", "reports"])]
        table: Option<String>,
        /// Output file (a folder for CSV of several tables) [default: DATASET/exports/…].
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Serve a folder of pages on 127.0.0.1 (to try a config against a local copy of a site).
    Serve {
        /// The folder.
        dir: PathBuf,
        /// Port (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Print the codebook: every table and column, every indicator id with its
    /// names, series and canonical units, every qualifier and measure (Markdown;
    /// `docs/codebook.md` is this output).
    Codebook,
    /// Crawl the bundled sample site on loopback and write its dataset (no internet needed).
    Demo {
        /// Where to write the dataset.
        #[arg(long, default_value = "demo-out")]
        output: PathBuf,
        /// Serve this folder instead of the sample site built into the binary.
        #[arg(long)]
        site: Option<PathBuf>,
    },
}

/// `baogao eval … | head`: a reader that closed the pipe ends the program
/// quietly, as `cat` would, instead of with a panic message.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// The error is a write to a pipe whose reader has gone.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let tuned = baogao_malloc::limit_fragmentation();
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    // The HTML parser's warnings (`foster parenting not implemented`) are
    // about a page's markup and nothing a user can act on: -v shows them.
    // `--quiet` keeps baogao's own warnings (a stale lock taken over, a
    // Retry-After capped): a scheduler's log needs those.
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => "error,baogao=warn",
        (false, 0) => "warn,html5ever=error",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("BAOGAO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    // colours only on a terminal, and never when NO_COLOR is set (no-color.org):
    // a log file or cron mail gets plain text
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colour)
        .init();
    tracing::debug!(tuned, "malloc thresholds and arena limit fixed");
    match commands::dispatch(cli.command, cli.quiet) {
        Ok(code) => code,
        // `baogao clean … | head`: the reader has what it wanted
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            exit::fatal()
        }
    }
}
