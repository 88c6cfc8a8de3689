//! One run at a time per output folder.

use std::fs::{File, TryLockError};
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{WriteError, fsx};

/// Holds `<root>/_lock` while a run writes to `root`; removed on drop.
///
/// The lock is an OS file lock (`flock`) on `_lock`, which the kernel
/// releases when the process ends however it ends, and the file names the
/// run and its process id for the message of the run that is refused. A
/// `_lock` file left by a killed run is stale: nobody holds its OS lock and
/// its process is gone, so the next run takes it over. Taking it over is
/// atomic: of several runs starting at once, exactly one gets it. A file
/// naming a live process that is not ours is respected even without the OS
/// lock (written by hand, or by a baogao that did not lock it).
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    file: File,
    /// The run whose stale lock this one took over, and when it took its lock.
    took_over: Option<(String, Option<std::time::SystemTime>)>,
}

impl OutputLock {
    /// Takes the lock of `root` for `run_id`, or says which run holds it.
    pub fn acquire(root: &Path, run_id: &str) -> Result<Self, WriteError> {
        fsx::create_dir_all(root)?;
        let path = root.join("_lock");
        for _ in 0..10 {
            let mut file = fsx::open_or_create(&path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(held(root, &path)),
                Err(TryLockError::Error(e)) => return Err(WriteError::io("lock", &path)(e)),
            }
            // The holder before us may have removed the file between our
            // open and our lock: then we locked a file nobody sees. Retry.
            if !same_file(&file, &path) {
                continue;
            }
            let previous = fsx::read_to_string(&path).unwrap_or_default();
            let (pid, holder) = parse(&previous);
            if pid != 0 && pid != std::process::id() && process_alive(pid) {
                return Err(WriteError::Locked {
                    path: root.to_owned(),
                    run_id: holder,
                    pid,
                });
            }
            let mut took_over = None;
            if !previous.trim().is_empty() {
                tracing::warn!(path = %path.display(), pid, run = %holder, "taking over a stale lock");
                // the holder wrote the file when it started
                let since = file.metadata().and_then(|m| m.modified()).ok();
                took_over = Some((holder.clone(), since));
            }
            let line = format!("{} {}\n", std::process::id(), run_id);
            file.set_len(0)
                .and_then(|()| file.rewind())
                .and_then(|()| file.write_all(line.as_bytes()))
                .and_then(|()| file.sync_all())
                .map_err(WriteError::io("write", &path))?;
            return Ok(OutputLock {
                path,
                file,
                took_over,
            });
        }
        Err(WriteError::io("lock", &path)(std::io::Error::other(
            "lock file keeps being replaced",
        )))
    }
}

/// The error for a lock another process holds, naming its run (read from
/// the file, which its holder may be writing this very moment).
fn held(root: &Path, path: &Path) -> WriteError {
    let start = Instant::now();
    let (pid, run_id) = loop {
        let text = fsx::read_to_string(path).unwrap_or_default();
        let (pid, run) = parse(&text);
        if pid != 0 || start.elapsed() > Duration::from_millis(200) {
            break (pid, run);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    WriteError::Locked {
        path: root.to_owned(),
        run_id,
        pid,
    }
}

/// `PID RUN_ID` of a lock file.
fn parse(text: &str) -> (u32, String) {
    let mut parts = text.split_whitespace();
    let pid = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let holder = parts.next().unwrap_or("unknown").to_owned();
    (pid, holder)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fsx::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

fn process_alive(pid: u32) -> bool {
    // Linux: a live process has /proc/<pid>. Elsewhere assume alive (safe side).
    let proc_root = Path::new("/proc");
    if proc_root.join("self").exists() {
        let stat = fsx::read_to_string(proc_root.join(pid.to_string()).join("stat"));
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

impl OutputLock {
    /// The run whose stale lock was taken over (it died holding it: killed,
    /// or the machine went down) and when it had taken it, if known.
    #[must_use]
    pub fn took_over(&self) -> Option<(&str, Option<std::time::SystemTime>)> {
        self.took_over
            .as_ref()
            .filter(|(run, _)| !run.is_empty() && run != "unknown")
            .map(|(run, since)| (run.as_str(), *since))
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked, so that nobody takes a lock on a file
        // that is about to go; the OS lock goes with the file handle.
        let _ = fsx::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}
