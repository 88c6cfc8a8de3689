//! Validation: every raw value checked and turned into a stage's typed
//! option, all problems collected with the file, line and key.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use baogao_clean::{CleanRules, Cleaner};
use baogao_fetch::{FetchOptions, HostOverride};
use baogao_write::WriteOptions;
use regex::Regex;
use toml::Spanned;
use url::Url;

use super::{
    Config, Dictionary, ExtractOptions, RawClean, RawConfig, RawExtract, RawFetch, RawWrite,
    parse_size,
};

/// Checks a raw config, collecting every problem (with the file, line and
/// key) instead of stopping at the first.
pub(super) struct Validator<'a> {
    pub(super) path: &'a Path,
    pub(super) source: &'a str,
    pub(super) problems: Vec<String>,
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

    pub(super) fn build(&mut self, raw: RawConfig, base: &Path) -> Config {
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

/// Where `source` sets the dotted `key` (`fetch.per_host_rate`: the
/// `per_host_rate =` line under `[fetch]`, or `fetch.per_host_rate =` at the
/// top), as 1-based line and column.
pub(super) fn key_position(source: &str, key: &str) -> Option<(usize, usize)> {
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
