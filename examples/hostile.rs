//! Hostile-shapes benchmark: the full pipeline (clean, segment, all four
//! extractors) on one thread over each hostile shape the performance issue
//! names, at three sizes, so a reader can see that time grows in
//! proportion to size and how much memory one huge document takes.
//!
//! ```text
//! cargo run --release --example hostile [-- --scale F]
//! ```
//!
//! The largest size of each shape is the issue's: 100,000 capitalized words,
//! 100,000 quotation marks, one 10 MB line, a 50 MB file (of short
//! distinct paragraphs); the other two are a half and a quarter of it. `--scale`
//! multiplies every size (0.1 for a quick look). Each run is its own child
//! process, so its peak memory (VmHWM) is its own; times are the child's
//! CPU seconds for the pipeline alone, not for building the input. A time
//! ratio near the size ratio (2× and 4×) is linear; a quadratic step would
//! show 4× and 16×. `tests/scale.rs` guards the same shapes in CI.

use lede::input::Item;
use lede::pipeline::{self, Config};

#[path = "../benches/common/shapes.rs"]
mod shapes;

/// The same allocator as the `lede` binary.
#[global_allocator]
static GLOBAL: lede::alloc::Mimalloc = lede::alloc::Mimalloc;

/// A shape's name, its builder, and its size at 4× (in the builder's unit).
type Shape = (&'static str, fn(usize) -> String, usize);

const SHAPES: [Shape; 5] = [
    ("capitalized words", shapes::capitalized_words, 100_000),
    ("quotation marks", shapes::quotation_marks, 100_000),
    ("one long line", shapes::one_long_line, 10_000_000),
    ("many paragraphs", shapes::many_paragraphs, 50_000_000),
    ("html soup", shapes::html_soup, 10_000_000),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, name, size] = &args[..]
        && flag == "--one"
    {
        return one(name, size.parse().expect("size"));
    }
    let scale: f64 = match &args[..] {
        [] => 1.0,
        [flag, f] if flag == "--scale" => f.parse().expect("--scale F"),
        _ => {
            eprintln!("usage: hostile [--scale F]");
            std::process::exit(2);
        }
    };
    let exe = std::env::current_exe().expect("own path");
    println!(
        "{:<18} {:>11} {:>8} {:>8} {:>8} {:>9} {:>10}",
        "shape", "size", "MB", "CPU s", "s/MB", "time ×", "peak MB"
    );
    for (name, _, full) in SHAPES {
        let mut base = None;
        for quarter in [1, 2, 4] {
            let size = ((full / 4 * quarter) as f64 * scale) as usize;
            let out =
                std::process::Command::new(&exe).args(["--one", name, &size.to_string()]).output().expect("run child");
            assert!(out.status.success(), "{name} at {size}: {}", String::from_utf8_lossy(&out.stderr));
            let line = String::from_utf8_lossy(&out.stdout);
            let f: Vec<f64> = line.split_whitespace().map(|v| v.parse().expect("number")).collect();
            let [bytes, cpu, peak_kb] = f[..] else { panic!("child printed {line:?}") };
            let base_cpu = *base.get_or_insert(cpu);
            println!(
                "{name:<18} {size:>11} {:>8.2} {cpu:>8.3} {:>8.3} {:>9.2} {:>10.1}",
                bytes / 1e6,
                cpu / (bytes / 1e6),
                cpu / base_cpu.max(1e-9),
                peak_kb / 1024.0
            );
        }
    }
}

/// Child: builds one input, runs the pipeline over it once, and prints its
/// size in bytes, the CPU seconds of the run and the peak RSS in KB.
fn one(name: &str, size: usize) {
    lede::alloc::keep_freed_memory();
    let (_, build, _) = SHAPES.iter().find(|s| s.0 == name).expect("known shape");
    let text = build(size);
    // A first, small document loads the lexicons, a fixed start-up cost
    // that is not the shape's.
    let warm = pipeline::process(
        Item::Text { path: "-".into(), bytes: build(size.min(1000)).into_bytes() },
        &Config::default(),
    );
    std::hint::black_box(warm.len());
    let bytes = text.len();
    let t = cpu_secs();
    let out = pipeline::process(Item::Text { path: "-".into(), bytes: text.into_bytes() }, &Config::default());
    let cpu = cpu_secs() - t;
    std::hint::black_box(out.len());
    println!("{bytes} {cpu} {}", peak_rss_kb());
}

/// CPU seconds of this process so far, to the nanosecond.
fn cpu_secs() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// Peak resident set size of this process in KB (Linux `/proc/self/status`).
fn peak_rss_kb() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()).unwrap_or(0)
}
