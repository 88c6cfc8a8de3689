//! The pipeline's TOML config: raw serde structs, then validated options.
//!
//! Parse, then validate: [`Config::load`] deserialises the file (unknown keys
//! and wrong types are errors with file, line, column and a caret snippet),
//! then checks every value (URLs, regexes, durations, sizes, ranges),
//! collecting all problems before it returns.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use baogao_clean::{CleanRules, Cleaner};
use baogao_fetch::{FetchOptions, HostOverride};
use baogao_write::WriteOptions;
use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use url::Url;

use crate::{PipelineError, Stage};

/// The whole config file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Run-wide settings.
    #[serde(default)]
    pub pipeline: RawPipeline,
    /// The crawler.
    #[serde(default)]
    pub fetch: RawFetch,
    /// The cleaner (HTML → text).
    #[serde(default)]
    pub clean: RawClean,
    /// The extractor.
    #[serde(default)]
    pub extract: RawExtract,
    /// The Parquet writer.
    #[serde(default)]
    pub write: RawWrite,
}

/// `[pipeline]`
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPipeline {
    /// A name for the job, shown in the run manifest.
    #[serde(default = "default_name")]
    pub name: String,
    /// Dataset root (a local folder); relative paths are relative to the config file.
    #[serde(default = "default_output")]
    pub output: Spanned<String>,
    /// Capacity of each channel between stages (records in flight per hop).
    #[serde(default = "default_channel_capacity")]
    pub channel_capacity: usize,
    /// Commit what is written every this many pages…
    #[serde(default = "default_checkpoint_pages")]
    pub checkpoint_pages: u64,
    /// …or once the oldest page not yet committed has waited this long (whether or not
    /// more pages come; longer when a commit takes more than a tenth of it): a killed run
    /// fetches again at most this much of its work.
    #[serde(default = "default_checkpoint_interval")]
    pub checkpoint_interval: Spanned<String>,
    /// Stop taking new work after this long (the run ends cleanly, resumable).
    #[serde(default)]
    pub max_duration: Option<Spanned<String>>,
    /// How long Ctrl-C may take to drain in-flight pages before the run gives up on them.
    #[serde(default = "default_drain_deadline")]
    pub drain_deadline: Spanned<String>,
}

/// `[fetch]`
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFetch {
    /// Start URLs: listing pages, sitemaps or articles. A crawl needs at least one (here or
    /// in `seed_files`); stage re-runs (`--stage clean`, `--stage extract`) need none.
    #[serde(default)]
    pub seeds: Vec<Spanned<String>>,
    /// Files with one start URL per line (`#` comments), relative to the config file.
    #[serde(default)]
    pub seed_files: Vec<Spanned<String>>,
    /// Regexes searched in the absolute URL: a link matching any is followed.
    #[serde(default)]
    pub follow: Vec<Spanned<String>>,
    /// Regexes: a link matching any is never followed.
    #[serde(default)]
    pub deny: Vec<Spanned<String>>,
    /// Link hops from a seed.
    #[serde(default = "default_max_depth")]
    pub max_depth: u32,
    /// Follow links to the seeds' hosts only.
    #[serde(default = "yes")]
    pub same_host: bool,
    /// Requests per second, per host.
    #[serde(default = "default_rate")]
    pub per_host_rate: f64,
    /// Requests allowed at once above the rate.
    #[serde(default = "default_burst")]
    pub burst: u32,
    /// Requests in flight, all hosts together.
    #[serde(default = "default_concurrency")]
    pub concurrency: usize,
    /// Sent with every request; say who you are.
    #[serde(default = "default_user_agent")]
    pub user_agent: Spanned<String>,
    /// Obey robots.txt (Disallow, Allow, Crawl-delay).
    #[serde(default = "yes")]
    pub respect_robots: bool,
    /// Longest robots.txt Crawl-delay honoured.
    #[serde(default = "default_max_crawl_delay")]
    pub max_crawl_delay: Spanned<String>,
    /// Time to connect.
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout: Spanned<String>,
    /// Time for a whole request, body included.
    #[serde(default = "default_timeout")]
    pub timeout: Spanned<String>,
    /// Largest body accepted, after decompression (`"16MiB"`).
    #[serde(default = "default_max_body")]
    pub max_body_size: Spanned<String>,
    /// Redirects followed per request.
    #[serde(default = "default_max_redirects")]
    pub max_redirects: usize,
    /// Retries after the first attempt (connection errors, timeouts, 408, 429, 5xx).
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// First backoff delay; doubles each retry, with jitter.
    #[serde(default = "default_backoff_base")]
    pub backoff_base: Spanned<String>,
    /// Longest backoff delay.
    #[serde(default = "default_backoff_max")]
    pub backoff_max: Spanned<String>,
    /// Longest `Retry-After` honoured; a longer one is waited for this long, with a warning.
    #[serde(default = "default_max_retry_after")]
    pub max_retry_after: Spanned<String>,
    /// URLs waiting per host at most; further links of the host are dropped (and logged).
    #[serde(default = "default_max_queued_per_host")]
    pub max_queued_per_host: usize,
    /// Stop after this many pages (a budget; the next run resumes).
    #[serde(default)]
    pub max_pages: Option<u64>,
    /// Re-request articles committed by earlier runs (conditional requests); off: they are skipped.
    #[serde(default)]
    pub recheck: bool,
    /// Per-host overrides: `[fetch.hosts."www.example.gov.cn"] per_host_rate = 0.5`.
    #[serde(default)]
    pub hosts: BTreeMap<String, RawHost>,
}

/// `[fetch.hosts."host"]`
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawHost {
    /// Requests per second for this host.
    pub per_host_rate: Option<f64>,
    /// Burst for this host.
    pub burst: Option<u32>,
}

/// `[clean]`: every key has the default of [`CleanRules::default`], so an
/// empty table gives the built-in behaviour (the fields are documented on
/// [`CleanRules`], whose names they are).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawClean {
    pub drop_selectors: Vec<String>,
    pub content_selectors: Vec<String>,
    pub spam_terms: Vec<String>,
    pub extra_spam_terms: Vec<String>,
    pub min_paragraph_chars: usize,
    pub max_link_density: f64,
    pub join_split_paragraphs: bool,
}

impl Default for RawClean {
    fn default() -> Self {
        RawClean::from(&CleanRules::default())
    }
}

impl From<&CleanRules> for RawClean {
    fn from(r: &CleanRules) -> Self {
        RawClean {
            drop_selectors: r.drop_selectors.clone(),
            content_selectors: r.content_selectors.clone(),
            spam_terms: r.spam_terms.clone(),
            extra_spam_terms: r.extra_spam_terms.clone(),
            min_paragraph_chars: r.min_paragraph_chars,
            max_link_density: r.max_link_density,
            join_split_paragraphs: r.join_split_paragraphs,
        }
    }
}

impl From<RawClean> for CleanRules {
    fn from(r: RawClean) -> Self {
        CleanRules {
            drop_selectors: r.drop_selectors,
            content_selectors: r.content_selectors,
            spam_terms: r.spam_terms,
            extra_spam_terms: r.extra_spam_terms,
            min_paragraph_chars: r.min_paragraph_chars,
            max_link_density: r.max_link_density,
            join_split_paragraphs: r.join_split_paragraphs,
        }
    }
}

/// `[extract]`
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtract {
    /// `"builtin"` or the path of an indicator dictionary TOML that replaces it.
    #[serde(default = "default_dictionary")]
    pub dictionary: Spanned<String>,
    /// Paths of dictionaries whose entries are added to the one above.
    #[serde(default)]
    pub extra_dictionaries: Vec<Spanned<String>>,
    /// Extract the previous year's outcomes too.
    #[serde(default = "yes")]
    pub outcomes: bool,
}

/// `[write]`
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawWrite {
    /// zstd level, 1–22.
    #[serde(default = "default_zstd")]
    pub zstd_level: i32,
    /// Rows per Parquet row group.
    #[serde(default = "default_row_group")]
    pub row_group_rows: usize,
    /// A file is closed past this many rows.
    #[serde(default = "default_file_rows")]
    pub max_file_rows: usize,
    /// A file is closed past this size (`"256MiB"`).
    #[serde(default = "default_file_size")]
    pub max_file_size: Spanned<String>,
}

fn default_name() -> String {
    "baogao".into()
}
fn default_output() -> Spanned<String> {
    Spanned::new(0..0, "out".into())
}
fn default_channel_capacity() -> usize {
    64
}
fn default_checkpoint_pages() -> u64 {
    500
}
fn s(v: &str) -> Spanned<String> {
    Spanned::new(0..0, v.into())
}
fn default_checkpoint_interval() -> Spanned<String> {
    s("1s")
}
fn default_drain_deadline() -> Spanned<String> {
    s("30s")
}
fn default_max_depth() -> u32 {
    3
}
fn yes() -> bool {
    true
}
fn default_rate() -> f64 {
    1.0
}
fn default_burst() -> u32 {
    1
}
fn default_concurrency() -> usize {
    8
}
fn default_user_agent() -> Spanned<String> {
    Spanned::new(
        0..0,
        concat!(
            "baogao/",
            env!("CARGO_PKG_VERSION"),
            " (+https://example.org/baogao)"
        )
        .into(),
    )
}
fn default_max_crawl_delay() -> Spanned<String> {
    s("10s")
}
fn default_connect_timeout() -> Spanned<String> {
    s("10s")
}
fn default_timeout() -> Spanned<String> {
    s("30s")
}
fn default_max_body() -> Spanned<String> {
    s("16MiB")
}
fn default_max_redirects() -> usize {
    10
}
fn default_retries() -> u32 {
    3
}
fn default_backoff_base() -> Spanned<String> {
    s("500ms")
}
fn default_backoff_max() -> Spanned<String> {
    s("30s")
}
fn default_max_retry_after() -> Spanned<String> {
    s("5m")
}
fn default_max_queued_per_host() -> usize {
    100_000
}
fn default_dictionary() -> Spanned<String> {
    s("builtin")
}
fn default_zstd() -> i32 {
    3
}
fn default_row_group() -> usize {
    8192
}
fn default_file_rows() -> usize {
    1_000_000
}
fn default_file_size() -> Spanned<String> {
    s("256MiB")
}

impl Default for RawPipeline {
    fn default() -> Self {
        toml::from_str("").expect("defaults")
    }
}
impl Default for RawFetch {
    fn default() -> Self {
        toml::from_str("").expect("defaults")
    }
}
impl Default for RawExtract {
    fn default() -> Self {
        toml::from_str("").expect("defaults")
    }
}
impl Default for RawWrite {
    fn default() -> Self {
        toml::from_str("").expect("defaults")
    }
}

/// Where the extractor's dictionary comes from.
#[derive(Debug, Clone, Serialize)]
pub enum Dictionary {
    /// `config/indicators.toml`, built in.
    Builtin,
    /// A file replacing it.
    File(PathBuf),
}

/// The validated config.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from.
    pub path: PathBuf,
    /// SHA-256 of the file's bytes.
    pub hash: String,
    pub name: String,
    /// Dataset root.
    pub output: PathBuf,
    pub channel_capacity: usize,
    pub checkpoint_pages: u64,
    pub checkpoint_interval: Duration,
    pub max_duration: Option<Duration>,
    pub drain_deadline: Duration,
    pub fetch: FetchOptions,
    /// Re-request committed articles.
    pub recheck: bool,
    /// The `[clean]` rules, compiled once for the run.
    pub clean: Cleaner,
    pub extract: ExtractOptions,
    pub write: WriteOptions,
}

/// The validated `[extract]` table: what the extractor is built from
/// ([`build_extractor`](crate::build_extractor)).
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// `extract.dictionary`.
    pub dictionary: Dictionary,
    /// `extract.extra_dictionaries`, resolved against the config file's folder.
    pub extra_dictionaries: Vec<PathBuf>,
    /// `extract.outcomes`.
    pub outcomes: bool,
}

impl Config {
    /// Reads, parses and validates a config file.
    pub fn load(path: &Path) -> Result<Config, PipelineError> {
        let source = std::fs::read_to_string(path).map_err(|source| PipelineError::ReadConfig {
            path: path.to_owned(),
            source,
        })?;
        Self::from_str(path, &source)
    }

    /// Checks what a run starting at stage `from` needs beyond a valid file: a crawl needs
    /// start URLs (`fetch.seeds` or `fetch.seed_files`); stage re-runs read the dataset and
    /// need none. [`run`](crate::run) calls it; `baogao check` calls it for a crawl.
    pub fn check_for(&self, from: Stage) -> Result<(), PipelineError> {
        if from == Stage::Fetch && self.fetch.seeds.is_empty() {
            return Err(PipelineError::InvalidConfig {
                path: self.path.clone(),
                problems: vec![format!(
                    "{}: `fetch.seeds`: no start URLs, nothing to crawl (`fetch.seeds` and `fetch.seed_files` give none)\n\
                     hint: list them under `[fetch]`: `seeds = [\"https://www.example.gov.cn/zwgk/gzbg/\"]` \
                     or `seed_files = [\"seeds.txt\"]`; a stage re-run (`--stage clean`, `--stage extract`) needs none",
                    self.path.display()
                )],
            });
        }
        Ok(())
    }

    /// Parses and validates `source`, reporting errors against `path`.
    pub fn from_str(path: &Path, source: &str) -> Result<Config, PipelineError> {
        let raw: RawConfig = toml::from_str(source).map_err(|e| PipelineError::ParseConfig {
            path: path.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        let mut v = Validator {
            path,
            source,
            problems: Vec::new(),
        };
        let base = path.parent().unwrap_or(Path::new(".")).to_owned();
        let config = v.build(raw, &base);
        if v.problems.is_empty() {
            let mut config = config;
            config.hash = {
                use sha2::{Digest, Sha256};
                hex::encode(Sha256::digest(source.as_bytes()))
            };
            Ok(config)
        } else {
            Err(PipelineError::InvalidConfig {
                path: path.to_owned(),
                problems: v.problems,
            })
        }
    }
}

/// Where `source` sets the dotted `key` (`fetch.per_host_rate`: the
/// `per_host_rate =` line under `[fetch]`, or `fetch.per_host_rate =` at the
/// top), as 1-based line and column.
fn key_position(source: &str, key: &str) -> Option<(usize, usize)> {
    let (section, leaf) = key.rsplit_once('.').unwrap_or(("", key));
    let mut current = String::new();
    for (i, line) in source.lines().enumerate() {
        let t = line.trim_start();
        if let Some(h) = t.strip_prefix('[') {
            h.split(']')
                .next()
                .unwrap_or_default()
                .trim()
                .clone_into(&mut current);
            continue;
        }
        let col = line.len() - t.len() + 1;
        let sets = |name: &str| {
            t.strip_prefix(name)
                .is_some_and(|r| r.trim_start().starts_with('='))
        };
        if current == section && sets(leaf) || current.is_empty() && sets(key) {
            return Some((i + 1, col));
        }
    }
    None
}

struct Validator<'a> {
    path: &'a Path,
    source: &'a str,
    problems: Vec<String>,
}

impl Validator<'_> {
    fn at(&self, span: &std::ops::Range<usize>) -> String {
        if span.start == 0 && span.end == 0 {
            return format!("{} (default)", self.path.display());
        }
        let before = &self.source[..span.start.min(self.source.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{}:{line}:{col}", self.path.display())
    }

    /// A problem with the value of `key` (dotted, `fetch.per_host_rate`),
    /// placed at the line and column where the file sets it (the file's
    /// name alone when the default is at fault).
    fn problem_key(&mut self, key: &str, msg: impl std::fmt::Display) {
        let at = match key_position(self.source, key) {
            Some((line, col)) => format!("{}:{line}:{col}", self.path.display()),
            None => format!("{} (default)", self.path.display()),
        };
        self.problems.push(format!("{at}: `{key}`: {msg}"));
    }

    fn problem(&mut self, key: &str, span: &std::ops::Range<usize>, msg: impl std::fmt::Display) {
        let at = self.at(span);
        self.problems.push(format!("{at}: `{key}`: {msg}"));
    }

    fn duration(&mut self, key: &str, v: &Spanned<String>) -> Duration {
        match humantime::parse_duration(v.get_ref()) {
            Ok(d) => d,
            Err(e) => {
                self.problem(
                    key,
                    &v.span(),
                    format_args!(
                        "`{}` is not a duration ({e})\nhint: write e.g. \"500ms\", \"30s\", \"2h\"",
                        v.get_ref()
                    ),
                );
                Duration::ZERO
            }
        }
    }

    /// A duration that must be more than zero (a zero timeout fails every request).
    fn positive_duration(&mut self, key: &str, v: &Spanned<String>) -> Duration {
        let d = self.duration(key, v);
        if d.is_zero() && humantime::parse_duration(v.get_ref()).is_ok() {
            self.problem(
                key,
                &v.span(),
                format_args!(
                    "`{}` is zero\nhint: write a duration above zero, e.g. \"30s\"",
                    v.get_ref()
                ),
            );
        }
        d
    }

    /// A size that must be more than zero (a zero cap refuses every body).
    fn positive_size(&mut self, key: &str, v: &Spanned<String>) -> u64 {
        let n = self.size(key, v);
        if n == 0 && parse_size(v.get_ref()).is_some() {
            self.problem(
                key,
                &v.span(),
                format_args!(
                    "`{}` is zero\nhint: write a size above zero, e.g. \"16MiB\"",
                    v.get_ref()
                ),
            );
        }
        n
    }

    /// The user agent as a header can carry it: printable, on one line.
    fn user_agent(&mut self, v: &Spanned<String>) -> String {
        let ua = v.get_ref();
        if ua.trim().is_empty() || ua.chars().any(char::is_control) {
            self.problem(
                "fetch.user_agent",
                &v.span(),
                format_args!("{ua:?} cannot be sent as a User-Agent header (empty, or a control character such as a newline)\nhint: write one line, e.g. \"baogao (+mailto:you@example.org)\""),
            );
        }
        ua.clone()
    }

    fn size(&mut self, key: &str, v: &Spanned<String>) -> u64 {
        if let Some(n) = parse_size(v.get_ref()) {
            n
        } else {
            self.problem(
                key,
                &v.span(),
                format_args!(
                    "`{}` is not a size\nhint: write e.g. \"512KiB\", \"16MiB\", \"1GB\"",
                    v.get_ref()
                ),
            );
            0
        }
    }

    fn regexes(&mut self, key: &str, v: &[Spanned<String>]) -> Vec<Regex> {
        v.iter()
            .filter_map(|r| match Regex::new(r.get_ref()) {
                Ok(re) => Some(re),
                Err(e) => {
                    self.problem(key, &r.span(), format_args!("bad regex: {e}"));
                    None
                }
            })
            .collect()
    }

    fn url(&mut self, key: &str, span: &std::ops::Range<usize>, s: &str) -> Option<Url> {
        match Url::parse(s.trim()) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => Some(u),
            Ok(u) => {
                self.problem(
                    key,
                    span,
                    format_args!("`{s}`: scheme `{}` is not http or https", u.scheme()),
                );
                None
            }
            Err(e) => {
                self.problem(key, span, format_args!("`{s}` is not a URL ({e})"));
                None
            }
        }
    }

    fn build(&mut self, raw: RawConfig, base: &Path) -> Config {
        let RawConfig {
            pipeline,
            fetch,
            clean,
            extract,
            write,
        } = raw;
        let resolve = |p: &str| {
            let p = PathBuf::from(p);
            if p.is_absolute() { p } else { base.join(p) }
        };
        if pipeline.channel_capacity == 0 {
            self.problem_key("pipeline.channel_capacity", "must be at least 1");
        }
        if pipeline.output.get_ref().trim().is_empty() {
            // "" would write the tables into the config's own folder
            self.problem(
                "pipeline.output",
                &pipeline.output.span(),
                format_args!("is empty\nhint: name the dataset's folder, e.g. \"out\""),
            );
        }
        let output = resolve(pipeline.output.get_ref());
        let checkpoint_interval = self.duration(
            "pipeline.checkpoint_interval",
            &pipeline.checkpoint_interval,
        );
        let drain_deadline = self.duration("pipeline.drain_deadline", &pipeline.drain_deadline);
        let max_duration = pipeline
            .max_duration
            .as_ref()
            .map(|d| self.duration("pipeline.max_duration", d));

        let fetch_opts = self.fetch(&fetch, &resolve);
        let clean = self.clean(clean);
        let extract_opts = self.extract(&extract, &resolve);
        let write_opts = self.write(&write);

        Config {
            path: self.path.to_owned(),
            hash: String::new(),
            name: pipeline.name,
            output,
            channel_capacity: pipeline.channel_capacity.max(1),
            checkpoint_pages: pipeline.checkpoint_pages.max(1),
            checkpoint_interval,
            max_duration,
            drain_deadline,
            fetch: fetch_opts,
            recheck: fetch.recheck,
            clean: Cleaner::new(clean),
            extract: extract_opts,
            write: write_opts,
        }
    }

    /// `[fetch]` as the crawler's options; the seeds of `seeds` and `seed_files`.
    fn fetch(&mut self, fetch: &RawFetch, resolve: &impl Fn(&str) -> PathBuf) -> FetchOptions {
        let seeds = self.seeds(fetch, resolve);
        let follow = self.regexes("fetch.follow", &fetch.follow);
        let deny = self.regexes("fetch.deny", &fetch.deny);
        if !(fetch.per_host_rate.is_finite() && fetch.per_host_rate > 0.0) {
            self.problem_key(
                "fetch.per_host_rate",
                format_args!(
                    "must be a positive number of requests per second, not {}",
                    fetch.per_host_rate
                ),
            );
        }
        if fetch.burst == 0 {
            self.problem_key("fetch.burst", "must be at least 1");
        }
        if fetch.concurrency == 0 {
            self.problem_key("fetch.concurrency", "must be at least 1");
        }
        let mut hosts = HashMap::new();
        for (host, h) in &fetch.hosts {
            if let Some(r) = h.per_host_rate
                && !(r.is_finite() && r > 0.0)
            {
                self.problem_key(
                    &format!("fetch.hosts.\"{host}\".per_host_rate"),
                    format_args!("must be positive, not {r}"),
                );
            }
            hosts.insert(
                host.to_ascii_lowercase(),
                HostOverride {
                    rate: h.per_host_rate,
                    burst: h.burst,
                },
            );
        }
        FetchOptions {
            seeds,
            follow,
            deny,
            max_depth: fetch.max_depth,
            same_host: fetch.same_host,
            per_host_rate: fetch.per_host_rate,
            burst: fetch.burst.max(1),
            concurrency: fetch.concurrency.max(1),
            hosts,
            user_agent: self.user_agent(&fetch.user_agent),
            respect_robots: fetch.respect_robots,
            max_crawl_delay: self.duration("fetch.max_crawl_delay", &fetch.max_crawl_delay),
            connect_timeout: self
                .positive_duration("fetch.connect_timeout", &fetch.connect_timeout),
            timeout: self.positive_duration("fetch.timeout", &fetch.timeout),
            max_body_size: self.positive_size("fetch.max_body_size", &fetch.max_body_size),
            max_redirects: fetch.max_redirects,
            retries: fetch.retries,
            backoff_base: self.duration("fetch.backoff_base", &fetch.backoff_base),
            backoff_max: self.duration("fetch.backoff_max", &fetch.backoff_max),
            max_retry_after: self.duration("fetch.max_retry_after", &fetch.max_retry_after),
            max_queued_per_host: fetch.max_queued_per_host.max(1),
            max_pages: fetch.max_pages,
        }
    }

    /// The URLs of `fetch.seeds` and of the files of `fetch.seed_files`.
    fn seeds(&mut self, fetch: &RawFetch, resolve: &impl Fn(&str) -> PathBuf) -> Vec<Url> {
        let mut seeds = Vec::new();
        for s in &fetch.seeds {
            if let Some(u) = self.url("fetch.seeds", &s.span(), s.get_ref()) {
                seeds.push(u);
            }
        }
        for f in &fetch.seed_files {
            let p = resolve(f.get_ref());
            match std::fs::read_to_string(&p) {
                Ok(text) => {
                    for (i, line) in text.lines().enumerate() {
                        let line = line.trim();
                        if line.is_empty() || line.starts_with('#') {
                            continue;
                        }
                        match Url::parse(line) {
                            Ok(u) if matches!(u.scheme(), "http" | "https") => seeds.push(u),
                            _ => self.problems.push(format!(
                                "{}:{}: `{line}` is not an http(s) URL (from `fetch.seed_files`)",
                                p.display(),
                                i + 1
                            )),
                        }
                    }
                }
                Err(e) => self.problem(
                    "fetch.seed_files",
                    &f.span(),
                    format_args!("cannot read `{}`: {e}", p.display()),
                ),
            }
        }
        seeds
    }

    /// `[clean]` as the cleaner's rules, selectors checked.
    fn clean(&mut self, clean: RawClean) -> CleanRules {
        let clean = CleanRules::from(clean);
        if let Err(e) = clean.validate() {
            let key = match &e {
                baogao_clean::CleanError::BadSelector { key, .. } => format!("clean.{key}"),
                _ => "clean".to_owned(),
            };
            self.problem_key(&key, e);
        }
        clean
    }

    /// `[extract]` as the extract stage's options, dictionary files checked.
    fn extract(
        &mut self,
        extract: &RawExtract,
        resolve: &impl Fn(&str) -> PathBuf,
    ) -> ExtractOptions {
        let dictionary = if extract.dictionary.get_ref() == "builtin" {
            Dictionary::Builtin
        } else {
            let p = resolve(extract.dictionary.get_ref());
            if !p.exists() {
                self.problem(
                    "extract.dictionary",
                    &extract.dictionary.span(),
                    format_args!("`{}` does not exist\nhint: use \"builtin\" or a path to an indicators TOML", p.display()),
                );
            }
            Dictionary::File(p)
        };
        let extra_dictionaries = extract
            .extra_dictionaries
            .iter()
            .map(|d| {
                let p = resolve(d.get_ref());
                if !p.exists() {
                    self.problem(
                        "extract.extra_dictionaries",
                        &d.span(),
                        format_args!("`{}` does not exist", p.display()),
                    );
                }
                p
            })
            .collect();

        ExtractOptions {
            dictionary,
            extra_dictionaries,
            outcomes: extract.outcomes,
        }
    }

    /// `[write]` as the writer's options.
    fn write(&mut self, write: &RawWrite) -> WriteOptions {
        if !(1..=22).contains(&write.zstd_level) {
            self.problem_key(
                "write.zstd_level",
                format_args!("must be 1 to 22, not {}", write.zstd_level),
            );
        }
        if write.row_group_rows == 0 || write.max_file_rows == 0 {
            self.problems.push(format!(
                "{}: `write.row_group_rows` and `write.max_file_rows` must be at least 1",
                self.path.display()
            ));
        }
        WriteOptions {
            zstd_level: write.zstd_level,
            row_group_rows: write.row_group_rows.max(1),
            max_file_rows: write.max_file_rows.max(1),
            max_file_bytes: self.size("write.max_file_size", &write.max_file_size),
        }
    }
}

/// Parses `"16MiB"`, `"512KiB"`, `"1GB"`, `"1000"` into bytes.
#[must_use]
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let num: f64 = num.parse().ok()?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "kib" => 1024.0,
        "m" | "mb" => 1e6,
        "mib" => 1024.0 * 1024.0,
        "g" | "gb" => 1e9,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let n = num * mult;
    (n.is_finite() && n >= 0.0).then_some(n as u64)
}

/// The resolved config as TOML, for `baogao check`: one dotted key a line
/// (`fetch.per_host_rate = 2.0`), every key with the value the run will use
/// (defaults filled in, paths resolved, seed files read into `fetch.seeds`,
/// durations and sizes normalised), keys not set as comments. The text
/// parses back as the same config.
#[must_use]
pub fn describe(c: &Config) -> String {
    use toml::Value;
    let f = &c.fetch;
    let mut out = String::new();
    let mut line = |k: &str, v: Option<Value>| {
        use std::fmt::Write as _;
        let _ = match v {
            Some(v) => writeln!(out, "{k} = {v}"),
            None => writeln!(out, "# {k} is not set"),
        };
    };
    let text = |s: &str| Some(Value::String(s.to_owned()));
    let path = |p: &Path| text(&p.display().to_string());
    let duration = |d: Duration| text(&humantime::format_duration(d).to_string());
    let int = |n: u64| {
        Some(i64::try_from(n).map_or_else(|_| Value::String(n.to_string()), Value::Integer))
    };
    let size = |n: u64| text(&n.to_string());
    let list =
        |items: Vec<String>| Some(Value::Array(items.into_iter().map(Value::String).collect()));

    line("pipeline.name", text(&c.name));
    line("pipeline.output", path(&c.output));
    line("pipeline.channel_capacity", int(c.channel_capacity as u64));
    line("pipeline.checkpoint_pages", int(c.checkpoint_pages));
    line(
        "pipeline.checkpoint_interval",
        duration(c.checkpoint_interval),
    );
    line("pipeline.max_duration", c.max_duration.and_then(duration));
    line("pipeline.drain_deadline", duration(c.drain_deadline));

    line(
        "fetch.seeds",
        list(f.seeds.iter().map(Url::to_string).collect()),
    );
    line(
        "fetch.follow",
        list(f.follow.iter().map(|r| r.as_str().to_owned()).collect()),
    );
    line(
        "fetch.deny",
        list(f.deny.iter().map(|r| r.as_str().to_owned()).collect()),
    );
    line("fetch.max_depth", int(u64::from(f.max_depth)));
    line("fetch.same_host", Some(Value::Boolean(f.same_host)));
    line("fetch.per_host_rate", Some(Value::Float(f.per_host_rate)));
    line("fetch.burst", int(u64::from(f.burst)));
    line("fetch.concurrency", int(f.concurrency as u64));
    line("fetch.user_agent", text(&f.user_agent));
    line(
        "fetch.respect_robots",
        Some(Value::Boolean(f.respect_robots)),
    );
    line("fetch.max_crawl_delay", duration(f.max_crawl_delay));
    line("fetch.connect_timeout", duration(f.connect_timeout));
    line("fetch.timeout", duration(f.timeout));
    line("fetch.max_body_size", size(f.max_body_size));
    line("fetch.max_redirects", int(f.max_redirects as u64));
    line("fetch.retries", int(u64::from(f.retries)));
    line("fetch.backoff_base", duration(f.backoff_base));
    line("fetch.backoff_max", duration(f.backoff_max));
    line("fetch.max_retry_after", duration(f.max_retry_after));
    line(
        "fetch.max_queued_per_host",
        int(f.max_queued_per_host as u64),
    );
    line("fetch.max_pages", f.max_pages.and_then(int));
    line("fetch.recheck", Some(Value::Boolean(c.recheck)));
    let mut hosts: Vec<_> = f.hosts.iter().collect();
    hosts.sort_by(|a, b| a.0.cmp(b.0));
    for (h, o) in hosts {
        let key = format!("fetch.hosts.{}", Value::String(h.clone()));
        line(&format!("{key}.per_host_rate"), o.rate.map(Value::Float));
        line(
            &format!("{key}.burst"),
            o.burst.and_then(|b| int(u64::from(b))),
        );
    }

    let clean = Value::try_from(RawClean::from(c.clean.rules())).expect("clean rules are TOML");
    if let Value::Table(t) = clean {
        for (k, v) in t {
            line(&format!("clean.{k}"), Some(v));
        }
    }

    let ex = &c.extract;
    line(
        "extract.dictionary",
        match &ex.dictionary {
            Dictionary::Builtin => text("builtin"),
            Dictionary::File(p) => path(p),
        },
    );
    line(
        "extract.extra_dictionaries",
        list(
            ex.extra_dictionaries
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
        ),
    );
    line("extract.outcomes", Some(Value::Boolean(ex.outcomes)));

    line(
        "write.zstd_level",
        Some(Value::Integer(i64::from(c.write.zstd_level))),
    );
    line("write.row_group_rows", int(c.write.row_group_rows as u64));
    line("write.max_file_rows", int(c.write.max_file_rows as u64));
    line("write.max_file_size", size(c.write.max_file_bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(src: &str) -> Result<Config, PipelineError> {
        Config::from_str(Path::new("/tmp/job.toml"), src)
    }

    #[test]
    fn the_example_config_parses() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../config/example.toml");
        let c = Config::load(Path::new(path)).unwrap();
        assert!(!c.fetch.seeds.is_empty());
        // the file's values are read, not the defaults (the cli's tests check the file
        // key by key)
        let raw: RawConfig = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!((c.fetch.per_host_rate - raw.fetch.per_host_rate).abs() < f64::EPSILON);
    }

    #[test]
    fn an_unknown_key_names_file_line_and_column() {
        let err = load("[fetch]\nseeds = []\nper_host_rat = 2.0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("/tmp/job.toml"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("per_host_rat"), "{err}");
    }

    #[test]
    fn bad_values_are_all_reported_with_their_position() {
        let err = load(
            "[fetch]\nseeds = [\"ftp://x/\"]\nfollow = [\"(\"]\ntimeout = \"soon\"\nper_host_rate = -1.0\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("/tmp/job.toml:2:10: `fetch.seeds`"), "{err}");
        assert!(
            err.contains("/tmp/job.toml:3:11: `fetch.follow`: bad regex"),
            "{err}"
        );
        assert!(err.contains("/tmp/job.toml:4:11: `fetch.timeout`"), "{err}");
        assert!(
            err.contains("/tmp/job.toml:5:1: `fetch.per_host_rate`"),
            "{err}"
        );
    }

    #[test]
    fn numbers_out_of_range_and_bad_selectors_name_their_line() {
        let err = load(
            "[pipeline]
channel_capacity = 0
[fetch]
  concurrency = 0
[fetch.hosts.\"a.example.cn\"]
per_host_rate = 0.0
[clean]
drop_selectors = [\"div[[\"]\n",
        )
        .unwrap_err()
        .to_string();
        for want in [
            "/tmp/job.toml:2:1: `pipeline.channel_capacity`",
            "/tmp/job.toml:4:3: `fetch.concurrency`",
            "/tmp/job.toml:6:1: `fetch.hosts.\"a.example.cn\".per_host_rate`",
            "/tmp/job.toml:8:1: `clean.drop_selectors`: invalid CSS selector",
        ] {
            assert!(err.contains(want), "{want} in {err}");
        }
        // a default at fault has no line to name
        assert_eq!(
            key_position(
                "[fetch]
seeds = []
",
                "fetch.burst"
            ),
            None
        );
        assert_eq!(
            key_position(
                "fetch.burst = 0
",
                "fetch.burst"
            ),
            Some((1, 1))
        );
    }

    #[test]
    fn sizes_and_durations_are_human_strings() {
        assert_eq!(parse_size("16MiB"), Some(16 * 1024 * 1024));
        assert_eq!(parse_size("1 GB"), Some(1_000_000_000));
        assert_eq!(parse_size("12 parsecs"), None);
        let c = load("[fetch]\ntimeout = \"1m 30s\"\nmax_body_size = \"1KiB\"\n").unwrap();
        assert_eq!(c.fetch.timeout, Duration::from_secs(90));
        assert_eq!(c.fetch.max_body_size, 1024);
    }

    #[test]
    fn what_run_would_refuse_check_refuses_with_its_line() {
        let err =
            load("[fetch]\nmax_body_size = \"0B\"\ntimeout = \"0s\"\nuser_agent = \"a\\nb\"\n")
                .unwrap_err()
                .to_string();
        for want in [
            "/tmp/job.toml:2:17: `fetch.max_body_size`: `0B` is zero",
            "/tmp/job.toml:3:11: `fetch.timeout`: `0s` is zero",
            "/tmp/job.toml:4:14: `fetch.user_agent`",
        ] {
            assert!(err.contains(want), "{want}\n{err}");
        }
        let err = load("[pipeline]\noutput = \"\"\n").unwrap_err().to_string();
        for want in ["/tmp/job.toml:2:10: `pipeline.output`: is empty", "hint: "] {
            assert!(err.contains(want), "{want}\n{err}");
        }
    }

    #[test]
    fn empty_seeds_is_a_config_error() {
        for src in [
            "[fetch]\nseeds = []\n",
            "[fetch]\nfollow = [\"/baogao/\"]\n",
            "[pipeline]\noutput = \"data\"\n",
        ] {
            let c = load(src).unwrap();
            let err = c.check_for(Stage::Fetch).unwrap_err().to_string();
            assert!(
                err.contains("/tmp/job.toml: `fetch.seeds`: no start URLs"),
                "{err}"
            );
            assert!(err.contains("\nhint: "), "{err}");
            // stage re-runs read the dataset: no seeds needed
            c.check_for(Stage::Clean).unwrap();
            c.check_for(Stage::Extract).unwrap();
        }
        load("[fetch]\nseeds = [\"http://127.0.0.1/\"]\n")
            .unwrap()
            .check_for(Stage::Fetch)
            .unwrap();
        // a seed file with only comments gives no seeds either
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("seeds.txt"), "# none yet\n").unwrap();
        let c = Config::from_str(
            &dir.path().join("job.toml"),
            "[fetch]\nseed_files = [\"seeds.txt\"]\n",
        )
        .unwrap();
        assert!(c.check_for(Stage::Fetch).is_err());
        // a mis-named section is an unknown key
        let err = load("[fecth]\nseeds = [\"http://127.0.0.1/\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `fecth`"), "{err}");
    }

    #[test]
    fn check_prints_toml_that_parses_back_as_the_same_config() {
        let src = "[pipeline]\nmax_duration = \"1h\"\n[fetch]\nseeds = [\"http://127.0.0.1/a b\"]\n\
                   follow = [\"/baogao/\\\\d+\"]\ntimeout = \"90s\"\n\
                   [fetch.hosts.\"www.x.gov.cn\"]\nper_host_rate = 0.5\n\
                   [clean]\ndrop_selectors = [\"div.share\"]\n";
        let c = load(src).unwrap();
        let text = describe(&c);
        assert!(text.contains("fetch.per_host_rate = 1.0"), "{text}");
        assert!(text.contains("# fetch.max_pages is not set"), "{text}");
        assert!(!text.contains("Some("), "{text}");
        let back = load(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(describe(&back), text);
    }

    #[test]
    fn relative_output_is_relative_to_the_config_file() {
        let c = load("[pipeline]\noutput = \"data\"\n").unwrap();
        assert_eq!(c.output, PathBuf::from("/tmp/data"));
    }

    /// `[clean]` is read into the pipeline's own table and handed to the
    /// cleaner as its typed rules: an empty table is the cleaner's defaults,
    /// and every key the user wrote arrives.
    #[test]
    fn the_clean_table_becomes_the_cleaners_rules() {
        let c = load("[fetch]\nseeds = [\"http://127.0.0.1:1/\"]\n").unwrap();
        assert_eq!(c.clean.rules(), &CleanRules::default());
        let c = load(
            "[fetch]\nseeds = [\"http://127.0.0.1:1/\"]\n[clean]\ndrop_selectors = [\"div.share\"]\nmax_link_density = 0.3\njoin_split_paragraphs = false\n",
        )
        .unwrap();
        let r = c.clean.rules();
        assert_eq!(r.drop_selectors, ["div.share"]);
        assert!((r.max_link_density - 0.3).abs() < 1e-9);
        assert!(!r.join_split_paragraphs);
        assert_eq!(
            r.min_paragraph_chars,
            CleanRules::default().min_paragraph_chars
        );
        assert_eq!(CleanRules::from(RawClean::from(r)), *r);
    }
}
