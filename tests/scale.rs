//! Guards against quadratic blow-ups on hostile input shapes: a 4x larger
//! input must not take more than 8x as long (linear code takes ~4x; a
//! quadratic scan takes ~16x). Sizes are small so the suite stays fast;
//! timings are the best of five, small and big runs interleaved, to dampen
//! noise on a shared machine, and count this thread's CPU time, not wall
//! time, so that waiting for a core while other tests run does not count.
//! The bound is only enforced in release builds, where timings mean
//! something; debug builds still run the shapes (catching panics).

use lede::pipeline::{self, Config};
use std::time::Duration;

#[path = "../benches/common/shapes.rs"]
mod shapes;

/// CPU time used so far by the calling thread.
#[cfg(unix)]
fn thread_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere, wall time since the first call.
#[cfg(not(unix))]
fn thread_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// One timed run of the whole pipeline over `text` (on this thread:
/// `process` does not spawn).
fn once(text: &str, cfg: &Config) -> Duration {
    let t = thread_time();
    let out = pipeline::process(lede::input::Item::Text { path: "-".into(), bytes: text.as_bytes().to_vec() }, cfg);
    std::hint::black_box(out.len());
    thread_time() - t
}

fn check_linear(name: &str, make: impl Fn(usize) -> String, unit: usize) {
    let small = make(unit);
    let big = make(unit * 4);
    // Small and big runs alternate, so a burst of load from other tests
    // or processes hits both sizes alike; each keeps its best time.
    let cfg = Config::default();
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t1 = t1.min(once(&small, &cfg));
        t4 = t4.min(once(&big, &cfg));
    }
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("{name}: {} B in {t1:?}, {} B in {t4:?}, ratio {ratio:.1}", small.len(), big.len());
    if cfg!(debug_assertions) {
        return;
    }
    // Too fast to time reliably: nothing quadratic can hide there.
    if t4 < Duration::from_millis(5) {
        return;
    }
    assert!(ratio < 8.0, "{name}: 4x input took {ratio:.1}x as long (quadratic?)");
}

fn unit() -> usize {
    if cfg!(debug_assertions) { 2_000 } else { 50_000 }
}

#[test]
fn capitalized_words() {
    check_linear("capitalized words", shapes::capitalized_words, unit());
}

#[test]
fn quotation_marks() {
    check_linear("quotation marks", shapes::quotation_marks, 2 * unit());
}

#[test]
fn one_long_line() {
    check_linear("one long line", shapes::one_long_line, 8 * unit());
}

#[test]
fn many_paragraphs() {
    check_linear("many paragraphs", shapes::many_paragraphs, 16 * unit());
}

#[test]
fn html_soup() {
    check_linear("html", shapes::html_soup, 6 * unit());
}
