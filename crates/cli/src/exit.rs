//! The exit codes of every command, defined once (README, "Exit codes").
//!
//! - `0`: done. A run that stopped cleanly at its budget or on Ctrl-C is
//!   done too: its manifest says `interrupted` and the next run resumes.
//! - `1`: done, but some records failed: pages that could not be fetched
//!   (their error rows are written and the next run requests them again),
//!   input files that could not be read while others were, run manifests
//!   that cannot be read. What could be done was done and printed.
//! - `2`: fatal or usage error, nothing (more) was done: a bad command line
//!   (clap exits 2 for those), a bad config, unreadable input, a dataset
//!   that is not there, an output that cannot be written or is locked by
//!   another run, a drain past its deadline.
//!
//! (A second Ctrl-C exits 130 at once, as shells do.)

use std::process::ExitCode;

/// Some records failed, the rest is done.
const PARTIAL: u8 = 1;
/// Fatal or usage error.
const FATAL: u8 = 2;

/// `0`, or `1` when `failed` records failed.
pub(crate) fn done(failed: u64) -> ExitCode {
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(PARTIAL)
    }
}

/// For a command given several inputs: `0` when none failed, `1` when some
/// did, `2` when all of them did (nothing was done).
pub(crate) fn of_inputs(total: usize, failed: usize) -> ExitCode {
    if total > 0 && failed == total {
        fatal()
    } else {
        done(failed as u64)
    }
}

/// A fatal error (`main` prints it).
pub(crate) fn fatal() -> ExitCode {
    ExitCode::from(FATAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_inputs_failing_is_fatal_some_is_partial() {
        assert_eq!(of_inputs(3, 0), ExitCode::SUCCESS);
        assert_eq!(of_inputs(3, 1), ExitCode::from(PARTIAL));
        assert_eq!(of_inputs(3, 3), ExitCode::from(FATAL));
        assert_eq!(done(0), ExitCode::SUCCESS);
        assert_eq!(done(11), ExitCode::from(PARTIAL));
    }
}
