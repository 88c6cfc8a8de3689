//! The pipeline's TOML config: raw serde structs, then validated options.
//!
//! Parse, then validate: [`Config::load`] deserialises the file (unknown keys
//! and wrong types are errors with file, line, column and a caret snippet),
//! then checks every value (URLs, regexes, durations, sizes, ranges),
//! collecting all problems before it returns.

use std::path::{Path, PathBuf};
use std::time::Duration;

use baogao_clean::Cleaner;
use baogao_fetch::FetchOptions;
use baogao_write::WriteOptions;
use serde::Serialize;
use url::Url;

use crate::{PipelineError, Stage};

mod raw;
#[cfg(test)]
mod tests;
mod validate;

pub use raw::*;
use validate::Validator;

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
