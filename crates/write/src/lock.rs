//! One run at a time per output folder.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::WriteError;

/// Holds `<root>/_lock` while a run writes to `root`; removed on drop.
///
/// The lock file names the run and its process id. A lock whose process is
/// gone (a killed run) is stale and is taken over.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `root` for `run_id`, or says which run holds it.
    pub fn acquire(root: &Path, run_id: &str) -> Result<Self, WriteError> {
        fs::create_dir_all(root).map_err(WriteError::io("create", root))?;
        let path = root.join("_lock");
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let line = format!("{} {}\n", std::process::id(), run_id);
                    f.write_all(line.as_bytes())
                        .and_then(|()| f.sync_all())
                        .map_err(WriteError::io("write", &path))?;
                    return Ok(OutputLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let held = fs::read_to_string(&path).unwrap_or_default();
                    let mut parts = held.split_whitespace();
                    let pid: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
                    let holder = parts.next().unwrap_or("unknown").to_owned();
                    if pid != 0 && process_alive(pid) && pid != std::process::id() {
                        return Err(WriteError::Locked {
                            path: root.to_owned(),
                            run_id: holder,
                            pid,
                        });
                    }
                    tracing::warn!(path = %path.display(), pid, run = %holder, "taking over a stale lock");
                    fs::remove_file(&path).map_err(WriteError::io("remove", &path))?;
                }
                Err(e) => return Err(WriteError::io("create", &path)(e)),
            }
        }
        Err(WriteError::io("create", &path)(std::io::Error::other(
            "lock file keeps reappearing",
        )))
    }
}

fn process_alive(pid: u32) -> bool {
    // Linux: a live process has /proc/<pid>. Elsewhere assume alive (safe side).
    let proc_root = Path::new("/proc");
    if proc_root.join("self").exists() {
        let stat = fs::read_to_string(proc_root.join(pid.to_string()).join("stat"));
        // A zombie (state Z) is as good as gone.
        return stat.is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        });
    }
    true
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}
