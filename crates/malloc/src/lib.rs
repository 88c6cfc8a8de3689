//! Allocator settings for long crawls, applied once at the start of a binary.
//!
//! glibc's malloc raises its mmap threshold each time a large block is
//! freed (up to 32 MiB), after which page bodies, Arrow buffers and Parquet
//! pages come from the per-thread arenas instead of `mmap`. Freed, they stay
//! in the arenas, fragmented, and a crawl's RSS grew with its length
//! (`BENCHMARKS.md`: 90 → 150 MiB over 20,000 pages while the live heap
//! stayed near 30 MiB). A fixed threshold keeps blocks of 256 KiB and more
//! in `mmap`, returned to the system when freed; the same crawl stays near
//! 60 MiB and uses no more CPU.

/// Blocks of at least this many bytes are mapped (and unmapped when freed).
pub const MMAP_THRESHOLD: usize = 256 * 1024;

/// Applies [`MMAP_THRESHOLD`] unless `MALLOC_MMAP_THRESHOLD_` is set (the
/// user's own glibc tuning wins). Returns whether the setting was changed;
/// `false` on other platforms and allocators.
#[must_use = "tells whether the allocator was tuned"]
pub fn limit_fragmentation() -> bool {
    if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_some() {
        return false;
    }
    set_mmap_threshold(MMAP_THRESHOLD)
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn set_mmap_threshold(bytes: usize) -> bool {
    let Ok(value) = libc::c_int::try_from(bytes) else {
        return false;
    };
    // SAFETY: mallopt only changes glibc's allocator parameters; it takes no
    // pointers and is safe to call at any time, from any thread.
    unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, value) == 1 }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn set_mmap_threshold(_bytes: usize) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_accepts_the_threshold() {
        if std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none() {
            assert!(limit_fragmentation());
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
}
