//! The allocator of the `lede` binary: mimalloc, and its settings.
//!
//! The library does not choose an allocator; the binary and the benchmarks
//! do, by declaring [`Mimalloc`] the global allocator, and call
//! [`keep_freed_memory`] first so they run the same way.
//!
//! The bindings build mimalloc's version 2 (the `v2` feature), not their
//! default version 3. On the bbc corpus version 3 committed almost twice
//! the memory (peak RSS 42 against 23 MB at -j1, 78 against 47 MB at -j2)
//! for the same instructions, and the kernel clears every fresh page it
//! hands out: at -j2 that cost about 4% of the wall time (21 alternating
//! rounds; see the README).

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc as the global allocator.
///
/// The pipeline makes about 330 allocations per document. mimalloc's plain
/// `mi_malloc` returns blocks aligned to 16 bytes (its `MI_MAX_ALIGN_SIZE`:
/// every size class above 8 bytes is a whole number of 16-byte units,
/// `MI_ALIGN2W` on 64-bit targets and `MI_ALIGN4W` on 32-bit ones, and
/// pages start their blocks 16-aligned), and smaller blocks aligned to 8.
/// Its `_aligned` entry points, which the `mimalloc` crate calls for every
/// allocation, first test whether the next free block happens to be
/// aligned. So, as the standard library does with the system `malloc`,
/// only alignments above 16, or above the size, take the aligned calls.
pub struct Mimalloc;

/// The alignment of every `mi_malloc` block of more than 8 bytes.
const MIN_ALIGN: usize = 16;

/// Whether `mi_malloc(size)` already gives alignment `align`.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

/// A fresh block for `layout` from `plain_fn(size)` when that gives its
/// alignment, else from `aligned_fn(size, align)`: mimalloc's allocating
/// and zeroing pairs have these shapes.
///
/// # Safety
/// The two functions must be such a mimalloc pair, and `layout` nonzero in size.
#[inline]
unsafe fn allocate(
    layout: Layout,
    plain_fn: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned_fn: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    // SAFETY: the caller's contract.
    unsafe {
        if plain(layout.align(), layout.size()) {
            plain_fn(layout.size()).cast()
        } else {
            aligned_fn(layout.size(), layout.align()).cast()
        }
    }
}

// SAFETY: every call forwards to mimalloc's own allocation functions, which
// return null on failure, blocks of at least the size asked for, aligned as
// asked (see `plain`), and free or resize only blocks they returned.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: an allocating pair; the trait's contract gives a nonzero size.
        unsafe { allocate(layout, mi_malloc, mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: a zeroing pair; the trait's contract gives a nonzero size.
        unsafe { allocate(layout, mi_zalloc, mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the trait's contract).
        unsafe { mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (the trait's contract).
        unsafe {
            if plain(layout.align(), new_size) {
                mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

/// `mi_option_purge_delay`: its position in mimalloc's `mi_option_e` (the
/// same in versions 2 and 3),
/// which the Rust bindings do not name. A unit test checks it still holds
/// that option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Never hand freed memory back to the OS during a run. Each document
/// frees what the previous one allocated; with mimalloc's default purge delay
/// those pages went back to the kernel and came back zeroed,
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

    /// Blocks of every size up to 2 KiB and a few large ones up to 20 MiB,
    /// past the largest size class (also sizes below the alignment, which a
    /// layout allows), for every alignment up to a page, come back aligned,
    /// also when zeroed and after growing.
    #[test]
    fn blocks_are_aligned_as_asked() {
        let a = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=2048).chain([4095, 65_537, (1 << 20) + 3, (20 << 20) + 5]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size, freed with the layout it was allocated with.
                unsafe {
                    let keep: Vec<*mut u8> = (0..3).map(|_| a.alloc(layout)).collect();
                    for &p in &keep {
                        assert!(!p.is_null() && (p as usize).is_multiple_of(align), "size {size} align {align}: {p:?}");
                    }
                    let z = a.alloc_zeroed(layout);
                    assert!((z as usize).is_multiple_of(align) && *z == 0, "zeroed size {size} align {align}");
                    let grown = a.realloc(z, layout, size * 3);
                    assert!((grown as usize).is_multiple_of(align), "grown size {size} align {align}");
                    a.dealloc(grown, Layout::from_size_align(size * 3, align).unwrap());
                    for p in keep {
                        a.dealloc(p, layout);
                    }
                }
            }
        }
        assert!(plain(16, 48) && !plain(32, 64) && !plain(8, 4));
    }

    /// The option number still names the purge delay: it holds that
    /// option's default (10 ms in version 2's options table, 1,000 ms in
    /// version 3's), and setting it reads back.
    #[test]
    fn purge_delay_option_number() {
        // SAFETY: reads and sets a process-wide integer option.
        unsafe {
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 10);
            keep_freed_memory();
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), -1);
        }
    }
}
