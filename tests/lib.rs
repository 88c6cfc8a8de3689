//! Support for baogao's end-to-end tests: the bundled fixtures, a loopback
//! copy of the sample site, pipeline configs written into a temporary folder,
//! and the Python readers (DuckDB, pyarrow, pandas) that check the output.
//!
//! The tests themselves are in `e2e/`; each one works in its own temporary
//! directory and serves what it fetches from `127.0.0.1`.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let site = baogao_e2e::serve_sample().await?;
//! let dir = tempfile::tempdir()?;
//! let config = baogao_e2e::sample_config(dir.path(), &site.base(), "");
//! # Ok(()) }
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

pub use baogao_testsite::Site;

/// The repository's `fixtures/` folder.
#[must_use]
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// Serves the bundled sample site (`fixtures/site`) on a free loopback port.
pub async fn serve_sample() -> std::io::Result<Site> {
    Site::serve(&fixtures().join("site"), 0).await
}

/// Writes a pipeline config for the sample site at `base` into `dir`
/// (`dir/baogao.toml`, output `dir/out`); `extra` is appended verbatim
/// (whole sections, e.g. `"[write]\nmax_file_size = \"1MiB\"\n"`).
#[must_use]
pub fn sample_config(dir: &Path, base: &str, extra: &str) -> PathBuf {
    let text = format!(
        r#"[pipeline]
name = "e2e"
output = "out"
channel_capacity = 2

[fetch]
seeds = ["{base}/"]
follow = ["/baogao/"]
max_depth = 3
per_host_rate = 200.0
burst = 10
concurrency = 4
user_agent = "baogao-e2e (+mailto:test@example.org)"
respect_robots = true
retries = 1
backoff_base = "10ms"
{extra}"#
    );
    let path = dir.join("baogao.toml");
    std::fs::write(&path, text).expect("write config");
    path
}

/// The Python interpreter that has `duckdb`, `pyarrow` and `pandas`:
/// `$BAOGAO_PYTHON`, else the repository's `.venv` (made by `scripts/test`).
///
/// # Panics
/// When neither exists: the readers are part of the contract, so their test
/// fails instead of being skipped.
#[must_use]
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("BAOGAO_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/python");
    assert!(
        venv.exists(),
        "no Python with duckdb/pyarrow/pandas: set BAOGAO_PYTHON or run `scripts/test` \
         (it makes `.venv`)"
    );
    venv
}

/// Runs `script` with [`python`] and the given arguments; returns stdout.
///
/// # Panics
/// When the script fails: its stderr is in the message.
#[must_use]
pub fn run_python(script: &str, args: &[&str]) -> String {
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("start python");
    assert!(
        out.status.success(),
        "python failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// One gold file of `fixtures/gold` or `fixtures/dev/gold`.
#[must_use]
pub fn gold(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read gold");
    serde_json::from_str(&text).expect("gold is JSON")
}
