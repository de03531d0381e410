//! Scores the entity extractor on a CoNLL-style gold file and, with
//! `--errors`, prints every false positive and false negative.
//!
//! `cargo run --release --example ner_eval -- ../shared/eval/ner/dev.jsonl [--errors]`

use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::Path::new(args.get(1).map_or("../shared/eval/ner/dev.jsonl", String::as_str));
    let t = std::time::Instant::now();
    match lede::eval::ner::score(path) {
        Ok(card) => print!("{}", card.render()),
        Err(e) => eprintln!("{e}"),
    }
    eprintln!("scored in {:?}", t.elapsed());
    if args.iter().any(|a| a == "--errors") {
        let raw = std::fs::read_to_string(path).unwrap();
        for line in raw.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = v["text"].as_str().unwrap();
            let chars: Vec<char> = text.chars().collect();
            let sl = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
            let gold: HashSet<(usize, usize, String)> = v["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["start"].as_u64().unwrap() as usize,
                        e["end"].as_u64().unwrap() as usize,
                        e["type"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            let pred: HashSet<(usize, usize, String)> =
                lede::eval::ner::predict(text).into_iter().map(|(s, e, t)| (s, e, t.to_string())).collect();
            for g in &gold {
                if !pred.contains(g) {
                    println!("FN\t{}\t{}", g.2, sl(g.0, g.1));
                }
            }
            for p in &pred {
                if !gold.contains(p) {
                    println!("FP\t{}\t{}", p.2, sl(p.0, p.1));
                }
            }
        }
    }
}
