//! The allocator of baogao's binaries, and glibc's settings for the C code
//! they link.
//!
//! **Rust's allocations go to jemalloc** (`tikv-jemallocator`, everywhere
//! but MSVC): linking this crate makes it the global allocator. A crawl
//! allocates and frees per page on half a dozen threads — the async
//! workers, the clean, extract and write stages, the decoding pool — and
//! frees much of it on another thread than the one that allocated it (a
//! body is read on a worker and dropped by the writer). glibc's arenas
//! serialise that on their locks: in `perf`, a third of the crawl's
//! context switches were threads waiting for an arena, and malloc and free
//! were 12 % of its CPU. jemalloc's thread caches take most of it without a
//! lock; the same 20,000-page crawl uses ~15 % less CPU (`BENCHMARKS.md`,
//! item 9). One setting differs from jemalloc's defaults, [`JEMALLOC_CONF`]:
//! two arenas instead of four per CPU, which kept peak RSS growing with the
//! crawl as little as glibc's (64 → 74 MiB from 1,000 to 20,000 pages,
//! against 67 → 83 with the default) at the same CPU. `_RJEM_MALLOC_CONF`
//! overrides it.
//!
//! **C code (zstd, inside the Parquet writer) still calls glibc's malloc**,
//! and [`limit_fragmentation`] tunes that. glibc raises its mmap threshold
//! each time a large block is freed (up to 32 MiB), after which large
//! blocks come from the arenas instead of `mmap` and stay there, fragmented
//! (`BENCHMARKS.md`: a crawl's RSS grew 90 → 150 MiB over 20,000 pages while
//! the live heap stayed near 30 MiB, before jemalloc). Fixed settings keep
//! it flat:
//!
//! - blocks of [`MMAP_THRESHOLD`] and more are mapped, and unmapped when
//!   freed;
//! - an arena keeps up to [`TRIM_THRESHOLD`] free at its top instead of
//!   128 KiB. The Parquet writer creates a zstd context (~1.3 MiB, zeroed on
//!   creation) for every page it compresses; with the old 256 KiB threshold
//!   each one was a fresh mapping, and faulting its pages in was ~11 % of a
//!   crawl's CPU;
//! - at most one arena per CPU ([`max_arenas`]) instead of eight, so the
//!   memory each arena keeps is bounded by the machine, not by how many
//!   threads have allocated.

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (before `main`): a C string its
/// own weak, empty definition yields to. The environment variable
/// `_RJEM_MALLOC_CONF` is read after it, so the user's own settings win.
#[cfg(not(target_env = "msvc"))]
#[allow(unsafe_code)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static JEMALLOC_CONF: &[u8; 10] = b"narenas:2\0";

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

    /// glibc's count of the bytes it has mapped for large blocks: a block
    /// Rust allocated from glibc would show in it.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    fn glibc_mapped() -> usize {
        // SAFETY: mallinfo2 takes nothing and returns glibc's counters.
        unsafe { libc::mallinfo2() }.hblkhd
    }

    #[test]
    #[cfg(not(target_env = "msvc"))]
    #[allow(unsafe_code)]
    fn jemalloc_takes_the_settings() {
        let mut narenas: u32 = 0;
        let mut len = std::mem::size_of::<u32>();
        // SAFETY: `opt.narenas` is an unsigned int; `narenas` and `len`
        // describe a buffer of that size, and nothing is written.
        let rc = unsafe {
            tikv_jemalloc_sys::mallctl(
                c"opt.narenas".as_ptr(),
                (&raw mut narenas).cast(),
                &raw mut len,
                std::ptr::null_mut(),
                0,
            )
        };
        assert_eq!(rc, 0);
        if std::env::var_os("_RJEM_MALLOC_CONF").is_none() {
            assert_eq!(narenas, 2);
        }
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn rust_allocations_go_to_jemalloc() {
        // far above glibc's mmap threshold, whatever it is set to
        let before = glibc_mapped();
        let big = vec![3u8; 256 << 20];
        let during = glibc_mapped();
        assert_eq!(
            big.iter()
                .step_by(4096)
                .map(|&b| usize::from(b))
                .sum::<usize>(),
            3 * 65_536
        );
        assert!(
            during < before + (128 << 20),
            "a 256 MiB Vec came from glibc ({before} → {during} bytes mapped)"
        );
    }
}
