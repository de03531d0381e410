//! Guards against quadratic blow-ups on hostile input shapes: a 4x larger
//! input must not take more than 8x as long (linear code takes ~4x; a
//! quadratic scan takes ~16x). Sizes are small so the suite stays fast;
//! timings are the best of five, small and big runs interleaved, to dampen
//! noise on a shared machine.
//! The bound is only enforced in release builds, where timings mean
//! something; debug builds still run the shapes (catching panics).

use lede::pipeline::{self, Config};
use std::time::{Duration, Instant};

/// One timed run of the whole pipeline over `text`.
fn once(text: &str, cfg: &Config) -> Duration {
    let t = Instant::now();
    let out = pipeline::process(lede::input::Item::Text { path: "-".into(), bytes: text.as_bytes().to_vec() }, cfg);
    std::hint::black_box(out.len());
    t.elapsed()
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
    check_linear("capitalized words", |n| "Alpha Beta Gamma Delta ".repeat(n / 4), unit());
}

#[test]
fn quotation_marks() {
    check_linear("quotation marks", |n| "\"a\u{201c} ".repeat(n), unit());
}

#[test]
fn one_long_line() {
    check_linear("one long line", |n| "the cat sat on 5 mats, said Bob ".repeat(n / 4), unit());
}

#[test]
fn many_paragraphs() {
    check_linear(
        "many paragraphs",
        |n| "Officials said on Monday that $4.5 million, or 12%, was spent.\n\n".repeat(n / 8),
        unit(),
    );
}

#[test]
fn html_soup() {
    check_linear("html", |n| "<div><p>Hello <b>World</b> &amp; \"Co\"</p></div>\n".repeat(n / 8), unit());
}
