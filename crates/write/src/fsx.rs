//! The crate's file operations, each failing with a [`WriteError::Io`] that
//! names what it was doing and the path (cannot rename `PATH`).
//!
//! `crates/write/clippy.toml` bans the `std::fs` functions everywhere else in
//! the crate, so that no error leaves without its path. This is the one
//! module allowed to call them. Best-effort calls use these functions too and
//! drop the error (`let _ = fsx::remove_dir(…)`).
#![allow(clippy::disallowed_methods)] // the wrappers the ban points to

use std::fs::{self, DirEntry, File, Metadata, OpenOptions};
use std::io::ErrorKind;
use std::path::Path;

use crate::WriteError;

/// [`fs::create_dir_all`]; fails as "cannot create".
pub(crate) fn create_dir_all(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    fs::create_dir_all(path).map_err(WriteError::io("create", path))
}

/// [`File::create`]; fails as "cannot create".
pub(crate) fn create(path: impl AsRef<Path>) -> Result<File, WriteError> {
    let path = path.as_ref();
    File::create(path).map_err(WriteError::io("create", path))
}

/// Opens `path` to read and write, creating it if missing and keeping what it
/// holds (a lock file); fails as "cannot create".
pub(crate) fn open_or_create(path: impl AsRef<Path>) -> Result<File, WriteError> {
    let path = path.as_ref();
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(WriteError::io("create", path))
}

/// [`File::open`]; fails as "cannot open".
pub(crate) fn open(path: impl AsRef<Path>) -> Result<File, WriteError> {
    let path = path.as_ref();
    File::open(path).map_err(WriteError::io("open", path))
}

/// Flushes the file `path` to disk (opens it and `fsync`s it); fails as
/// "cannot sync".
pub(crate) fn sync(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(WriteError::io("sync", path))
}

/// [`fs::read`]; fails as "cannot read".
pub(crate) fn read(path: impl AsRef<Path>) -> Result<Vec<u8>, WriteError> {
    let path = path.as_ref();
    fs::read(path).map_err(WriteError::io("read", path))
}

/// [`fs::read_to_string`]; fails as "cannot read".
pub(crate) fn read_to_string(path: impl AsRef<Path>) -> Result<String, WriteError> {
    let path = path.as_ref();
    fs::read_to_string(path).map_err(WriteError::io("read", path))
}

/// [`fs::write`]; fails as "cannot write".
pub(crate) fn write(path: impl AsRef<Path>, bytes: &[u8]) -> Result<(), WriteError> {
    let path = path.as_ref();
    fs::write(path, bytes).map_err(WriteError::io("write", path))
}

/// [`fs::rename`]; fails as "cannot rename `from`".
pub(crate) fn rename(from: impl AsRef<Path>, to: impl AsRef<Path>) -> Result<(), WriteError> {
    let from = from.as_ref();
    fs::rename(from, to).map_err(WriteError::io("rename", from))
}

/// [`fs::remove_file`]; fails as "cannot remove".
pub(crate) fn remove_file(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    fs::remove_file(path).map_err(WriteError::io("remove", path))
}

/// [`remove_file`], done when the file is already gone (a step that is
/// repeated after a crash).
pub(crate) fn remove_file_if_exists(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(WriteError::io("remove", path)(e)),
        _ => Ok(()),
    }
}

/// [`fs::remove_dir`] (an empty folder); fails as "cannot remove".
pub(crate) fn remove_dir(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    fs::remove_dir(path).map_err(WriteError::io("remove", path))
}

/// [`fs::remove_dir_all`]; fails as "cannot remove".
pub(crate) fn remove_dir_all(path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    fs::remove_dir_all(path).map_err(WriteError::io("remove", path))
}

/// [`fs::metadata`]; fails as "cannot stat".
pub(crate) fn metadata(path: impl AsRef<Path>) -> Result<Metadata, WriteError> {
    let path = path.as_ref();
    fs::metadata(path).map_err(WriteError::io("stat", path))
}

/// [`fs::read_dir`]: the entries of the folder `path`; it and each entry fail
/// as "cannot read" the folder.
pub(crate) fn read_dir(
    path: impl AsRef<Path>,
) -> Result<impl Iterator<Item = Result<DirEntry, WriteError>>, WriteError> {
    let path = path.as_ref().to_owned();
    let entries = fs::read_dir(&path).map_err(WriteError::io("read", &path))?;
    Ok(entries.map(move |entry| {
        entry.map_err(|source| WriteError::Io {
            action: "read",
            path: path.clone(),
            source,
        })
    }))
}
