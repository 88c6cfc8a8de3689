//! Errors of the pipeline: config problems and fatal run errors.

use std::path::PathBuf;

/// A fatal pipeline error (exit code 2).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// The config file could not be read.
    #[error("cannot read config `{path}`")]
    ReadConfig {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The config file is not valid TOML or has unknown keys / wrong types.
    #[error("invalid config `{path}`:\n{message}")]
    ParseConfig { path: PathBuf, message: String },
    /// The config parsed but some values are wrong; every problem is listed.
    #[error("invalid config `{path}`:\n{}", problems.join("\n"))]
    InvalidConfig {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// A stage's dataset could not be read or written.
    #[error(transparent)]
    Write(#[from] baogao_write::WriteError),
    /// Writing failed during a run (a full disk, a folder turned read-only): the run stopped
    /// fetching there.
    #[error(
        "cannot write the output, the run was stopped (what earlier checkpoints committed is kept, the next run fetches the rest)"
    )]
    WriteFailed {
        #[source]
        source: baogao_write::WriteError,
    },
    /// The fetcher could not start.
    #[error(transparent)]
    Fetch(#[from] baogao_fetch::FetchError),
    /// The extractor's dictionary could not be loaded.
    #[error(transparent)]
    Extract(#[from] baogao_extract::ExtractError),
    /// A stage re-run found no input dataset.
    #[error(
        "no `{table}` dataset under `{root}`\nhint: run the stage before it first (`baogao run CONFIG --to {previous}`)"
    )]
    MissingInput {
        table: &'static str,
        root: PathBuf,
        previous: &'static str,
    },
    /// A stage task panicked (a bug).
    #[error("stage `{stage}` stopped unexpectedly: {message}")]
    Stage {
        stage: &'static str,
        message: String,
    },
}
