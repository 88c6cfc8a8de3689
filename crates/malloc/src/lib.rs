//! Allocator settings for long crawls, applied once at the start of a binary.
//!
//! glibc's malloc raises its mmap threshold each time a large block is
//! freed (up to 32 MiB), after which page bodies, Arrow buffers and Parquet
//! pages come from the per-thread arenas instead of `mmap`. Freed, they stay
//! in the arenas, fragmented, and a crawl's RSS grew with its length
//! (`BENCHMARKS.md`: 90 → 150 MiB over 20,000 pages while the live heap
//! stayed near 30 MiB). Fixed settings keep it flat:
//!
//! - blocks of [`MMAP_THRESHOLD`] and more are mapped, and unmapped when
//!   freed: the column buffers of a checkpoint (several MiB each);
//! - an arena keeps up to [`TRIM_THRESHOLD`] free at its top instead of
//!   128 KiB. The Parquet writer creates a zstd context (~1.3 MiB, zeroed on
//!   creation) for every page it compresses; with the old 256 KiB threshold
//!   each one was a fresh mapping, and faulting its pages in was ~11 % of a
//!   crawl's CPU;
//! - at most one arena per CPU ([`max_arenas`]) instead of eight, so the
//!   memory each arena keeps is bounded by the machine, not by how many
//!   threads have allocated.
//!
//! The same 20,000-page crawl stays near 70 MiB and uses 7–16 % less CPU
//! than with the 256 KiB threshold alone.

/// Blocks of at least this many bytes are mapped (and unmapped when freed).
pub const MMAP_THRESHOLD: usize = 4 * 1024 * 1024;

/// Free memory an arena keeps at its top before returning it to the system.
pub const TRIM_THRESHOLD: usize = 8 * 1024 * 1024;

/// The arena limit: one per CPU, at least two.
#[must_use]
pub fn max_arenas() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// Applies the settings above, each unless its glibc variable
/// (`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`, `MALLOC_ARENA_MAX`)
/// is set: the user's own tuning wins. Returns whether anything was
/// changed; `false` on other platforms and allocators.
#[must_use = "tells whether the allocator was tuned"]
pub fn limit_fragmentation() -> bool {
    let mut changed = false;
    for (var, param, value) in [
        (
            "MALLOC_MMAP_THRESHOLD_",
            Param::MmapThreshold,
            MMAP_THRESHOLD,
        ),
        (
            "MALLOC_TRIM_THRESHOLD_",
            Param::TrimThreshold,
            TRIM_THRESHOLD,
        ),
        ("MALLOC_ARENA_MAX", Param::ArenaMax, max_arenas()),
    ] {
        if std::env::var_os(var).is_none() {
            changed |= set(param, value);
        }
    }
    changed
}

#[derive(Clone, Copy)]
enum Param {
    MmapThreshold,
    TrimThreshold,
    ArenaMax,
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn set(param: Param, value: usize) -> bool {
    let Ok(value) = libc::c_int::try_from(value) else {
        return false;
    };
    let param = match param {
        Param::MmapThreshold => libc::M_MMAP_THRESHOLD,
        Param::TrimThreshold => libc::M_TRIM_THRESHOLD,
        Param::ArenaMax => libc::M_ARENA_MAX,
    };
    // SAFETY: mallopt only changes glibc's allocator parameters; it takes no
    // pointers and is safe to call at any time, from any thread.
    unsafe { libc::mallopt(param, value) == 1 }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn set(_param: Param, _value: usize) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_accepts_the_settings() {
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
            assert!(limit_fragmentation());
            for (param, value) in [
                (Param::MmapThreshold, MMAP_THRESHOLD),
                (Param::TrimThreshold, TRIM_THRESHOLD),
                (Param::ArenaMax, max_arenas()),
            ] {
                assert!(set(param, value));
            }
            // still a working allocator on both sides of the threshold
            let small = vec![1u8; MMAP_THRESHOLD / 2];
            let large = vec![2u8; MMAP_THRESHOLD * 4];
            assert_eq!(
                small.iter().map(|&b| usize::from(b)).sum::<usize>(),
                MMAP_THRESHOLD / 2
            );
            assert_eq!(
                large.iter().map(|&b| usize::from(b)).sum::<usize>(),
                MMAP_THRESHOLD * 8
            );
        }
    }

    #[test]
    fn at_least_two_arenas() {
        assert!(max_arenas() >= 2);
    }
}
