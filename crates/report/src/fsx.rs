//! The crate's file operations, each failing with a [`ReportError::Io`] that
//! names the file being written (cannot write `PATH`).
//!
//! `crates/report/clippy.toml` bans the `std::fs` functions everywhere else in
//! the crate, so that no error leaves without its path. This is the one
//! module allowed to call them.
#![allow(clippy::disallowed_methods)] // the wrappers the ban points to

use std::fs::{self, File};
use std::path::Path;

use crate::ReportError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ReportError {
    let path = path.to_owned();
    move |source| ReportError::Io { path, source }
}

/// [`fs::create_dir_all`].
pub(crate) fn create_dir_all(path: &Path) -> Result<(), ReportError> {
    fs::create_dir_all(path).map_err(io(path))
}

/// [`File::create`].
pub(crate) fn create(path: &Path) -> Result<File, ReportError> {
    File::create(path).map_err(io(path))
}

/// [`fs::rename`]; the error names `to`, the file the caller asked for.
pub(crate) fn rename(from: &Path, to: &Path) -> Result<(), ReportError> {
    fs::rename(from, to).map_err(io(to))
}
