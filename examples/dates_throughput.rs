//! Throughput of the dates extractor alone over the TempEval-3 texts
//! (segmentation excluded): `cargo run --release --example dates_throughput -- FILE [ROUNDS]`.
use lede::document::Document;
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("gold path");
    let rounds: usize = args.next().map_or(20, |r| r.parse().unwrap());
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut d = Document::verbatim(v["text"].as_str().unwrap().to_string());
        d.date = chrono::NaiveDate::parse_from_str(v["dct"].as_str().unwrap(), "%Y-%m-%d").ok();
        docs.push(d);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &docs {
            n += lede::extract::dates::extract(d).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} MB x {rounds} in {s:.3}s: {:.1} MB/s ({n} expressions)",
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / s
    );
}
