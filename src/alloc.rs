//! Allocator settings for the `lede` binary, which runs on mimalloc.
//!
//! The library does not choose an allocator; the binary and the benchmarks
//! do, and call [`keep_freed_memory`] first so they run the same way.

/// `mi_option_purge_delay`: its position in mimalloc's `mi_option_e` (v3),
/// which the Rust bindings do not name. A unit test checks it still holds
/// that option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Never hand freed memory back to the OS during a run. Each document
/// frees what the previous one allocated; with mimalloc's default purge delay
/// (1 s) those pages went back to the kernel and came back zeroed,
/// about a fifth of the CPU time on the bbc corpus. Memory stays bounded
/// by the streaming pipeline, not by purging.
pub fn keep_freed_memory() {
    // SAFETY: sets a process-wide integer option; mimalloc documents
    // `mi_option_set` as callable at any time, and -1 as "no purging".
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option number still names the purge delay: it holds that
    /// option's default (1,000 ms in mimalloc's options table), and setting
    /// it reads back.
    #[test]
    fn purge_delay_option_number() {
        // SAFETY: reads and sets a process-wide integer option.
        unsafe {
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 1000);
            keep_freed_memory();
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), -1);
        }
    }
}
