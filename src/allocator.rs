//! How the process allocator (mimalloc, see the crate root) hands memory back.
//!
//! mimalloc's defaults suit the CLI: one command, then exit. The desktop app
//! stays open for hours, and a screen that reads the whole team (Workload's
//! figures, a planning run) frees tens of megabytes that mimalloc would keep
//! resident: at 5,000 reps the app process held ~220 MiB after every screen
//! had been opened once, ~140 MiB with the two options below (bench-ui).

use libmimalloc_sys::{mi_collect, mi_option_set, mi_option_t};

// Not exported by libmimalloc-sys 0.1.49; their place in mimalloc 3's
// `mi_option_e`. `option_numbers_are_mimalloc_3s` fails if an upgrade moves
// them, by reading their documented defaults.
const ARENA_EAGER_COMMIT: mi_option_t = 4;
const PURGE_DELAY: mi_option_t = 15;

/// Purge freed pages at once (not after mimalloc 3's default second) and
/// do not commit whole arenas eagerly, so freed memory leaves the process.
/// Called once, first thing, by the desktop app; costs a few more `madvise`
/// calls, which no screen's timing showed.
pub fn return_freed_memory_promptly() {
    // SAFETY: `mi_option_set` stores one integer in mimalloc's option table;
    // any thread may call it at any time, and both options are read afresh
    // each time mimalloc decides whether to purge or commit.
    unsafe {
        mi_option_set(PURGE_DELAY, 0);
        mi_option_set(ARENA_EAGER_COMMIT, 0);
    }
}

/// Returns the calling thread's freed pages to the OS now. For threads that
/// just ran something that read the whole team: mimalloc keeps a thread's
/// emptied pages for its next allocations, and the app's pool threads may
/// sit idle for a long time after one big read.
pub fn hand_back_freed_memory() {
    // SAFETY: `mi_collect` walks the calling thread's own heap; it is safe
    // to call from any thread at any time.
    unsafe { mi_collect(true) }
}

#[cfg(test)]
mod tests {
    use std::os::raw::c_long;

    use libmimalloc_sys::mi_option_get;

    use super::*;

    fn option(option: mi_option_t) -> c_long {
        // SAFETY: reads one integer from mimalloc's option table.
        unsafe { mi_option_get(option) }
    }

    #[test]
    fn option_numbers_are_mimalloc_3s() {
        // Defaults from mimalloc 3's options.c: purge_delay 1000 ms,
        // arena_eager_commit 2 ("only where the OS overcommits"). Read
        // before any test sets them (this binary never calls the setter).
        assert_eq!(
            option(PURGE_DELAY),
            1000,
            "PURGE_DELAY is not mimalloc's purge_delay"
        );
        assert_eq!(
            option(ARENA_EAGER_COMMIT),
            2,
            "ARENA_EAGER_COMMIT is not arena_eager_commit"
        );
    }
}
