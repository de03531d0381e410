//! Figures: scorecard on a gold file, dump of a text's figures, or throughput.
//!
//! `cargo run --release --example figures_eval -- eval ../shared/eval/recognizers/dev.jsonl`
//! `cargo run --release --example figures_eval -- dump fixtures/000_c98b3e06564cac78.txt`
//! `cargo run --release --example figures_eval -- bench fixtures/*.txt`
use lede::document::Document;
use lede::extract::figures;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("eval") => {
            let card = lede::eval::figures::score(std::path::Path::new(&args[1])).unwrap();
            print!("{}", card.render());
        }
        Some("dump") => {
            for p in &args[1..] {
                let t = std::fs::read_to_string(p).unwrap();
                let doc = Document::verbatim(t);
                for f in figures::extract(&doc, &[]) {
                    println!(
                        "{:?}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}",
                        doc.slice(f.span),
                        f.kind.as_str(),
                        f.value,
                        f.value_max,
                        f.unit,
                        f.object,
                        f.qualifier
                    );
                }
            }
        }
        Some("bench") => {
            let mut text = String::new();
            for p in &args[1..] {
                text.push_str(&std::fs::read_to_string(p).unwrap());
                text.push_str("\n\n");
            }
            let mut big = String::new();
            while big.len() < 20_000_000 {
                big.push_str(&text);
            }
            if std::env::var_os("FIG_BENCH_NOOP").is_some() {
                println!("built {:.1} MB", big.len() as f64 / 1e6);
                return;
            }
            let t0 = std::time::Instant::now();
            let n = figures::scan(&big).len();
            let dt = t0.elapsed().as_secs_f64();
            println!("{} figures in {:.1} MB: {:.1} MB/s", n, big.len() as f64 / 1e6, big.len() as f64 / 1e6 / dt);
        }
        _ => eprintln!("usage: figures_eval eval FILE | dump FILE... | bench FILE..."),
    }
}
