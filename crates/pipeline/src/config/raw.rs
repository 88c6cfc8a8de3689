//! The config file as serde reads it: one struct per table, every field
//! with its default and its user documentation.

use std::collections::BTreeMap;

use baogao_clean::CleanRules;
use serde::{Deserialize, Serialize};
use toml::Spanned;

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
