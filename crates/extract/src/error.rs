//! Errors of the extractor.

use std::path::PathBuf;

/// What can go wrong building an extractor or running an evaluation.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A dictionary or gold file could not be read.
    #[error("cannot read `{path}`")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A dictionary file is not valid TOML or has unknown keys.
    #[error("bad indicator dictionary `{path}` at line {line}, column {column}: {message}")]
    Dictionary {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A dictionary entry is valid TOML but makes no sense.
    #[error(
        "bad indicator `{id}` in `{path}`: {message}\nhint: measure is one of growth, level, share, rate, change"
    )]
    Indicator {
        path: PathBuf,
        id: String,
        message: String,
    },
    /// A gold file is not the expected JSON.
    #[error("bad gold file `{path}`: {message}")]
    Gold { path: PathBuf, message: String },
}
