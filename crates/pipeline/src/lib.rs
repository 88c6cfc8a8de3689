//! The baogao pipeline: one TOML config, four stages, bounded channels.
//!
//! In goes a [`Config`] (from `baogao.toml`); out comes a dataset root with
//! the tables `pages`, `documents`, `reports`, `targets` and `outcomes` and
//! a run manifest. This is the only crate that knows every stage: it owns
//! the tasks, the channels between them, checkpoints, the output lock and
//! shutdown. The `baogao` binary calls [`run`]; tests call it too.
//!
//! ```no_run
//! # async fn demo() -> Result<(), baogao_pipeline::PipelineError> {
//! use baogao_pipeline::{Config, RunOptions, run};
//! let config = Config::load(std::path::Path::new("config/example.toml"))?;
//! let summary = run(&config, RunOptions::default(), Default::default()).await?;
//! println!("{} targets", summary.manifest.rows.get("targets").copied().unwrap_or(0));
//! # Ok(()) }
//! ```

mod config;
mod error;
mod progress;
mod run;

pub use config::{Config, Dictionary, ExtractOptions, RawConfig, describe, parse_size};
pub use error::PipelineError;
pub use run::{RunOptions, RunSummary, build_extractor, new_run_id, rebuild_derived, run};

/// A stage of the pipeline, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Crawl: URLs → `pages`.
    Fetch,
    /// HTML → text: `pages` → `documents`.
    Clean,
    /// Text → targets: `documents` → `reports`, `targets`, `outcomes`.
    Extract,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 3] = [Stage::Fetch, Stage::Clean, Stage::Extract];

    /// The stage's name on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Fetch => "fetch",
            Stage::Clean => "clean",
            Stage::Extract => "extract",
        }
    }

    /// Parses a stage name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.as_str() == s)
    }
}
