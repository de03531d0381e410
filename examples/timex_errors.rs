//! Lists timex errors against a gold file, one per line, for error analysis:
//! `V` wrong value on a relaxed match, `M` missed gold, `F` false positive.
//! Each line carries the gold and system text/type/value and a little
//! context; pipe through `sort | uniq -c` to bucket.
//!
//! With `--all`, correct matches are listed too (`C`), to measure how
//! often a class is right, not only how often it is wrong.
//!
//! `cargo run --release --example timex_errors -- [--all] GOLD.jsonl`
use lede::document::Document;

fn context(text: &str, s: usize, e: usize) -> String {
    let lo = text[..s].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let hi = text[e..].char_indices().nth(40).map_or(text.len(), |(i, _)| e + i);
    format!("{}[{}]{}", &text[lo..s], &text[s..e], &text[e..hi]).replace('\n', " ")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "--help" || a == "-h") {
        eprintln!(
            "usage: timex_errors [--all] GOLD.jsonl\n  V wrong value/type, M missed, F false positive, S right value on an overlapping span, C correct (--all)"
        );
        return;
    }
    let all = args.iter().any(|a| a == "--all");
    let path = args.iter().find(|a| !a.starts_with("--")).expect("gold path");
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap().to_string();
        let dct = v["dct"].as_str().unwrap();
        let mut doc = Document::verbatim(text.clone());
        doc.date = chrono::NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        let sys = lede::extract::dates::extract(&doc);
        let mut used = vec![false; sys.len()];
        for g in v["timexes"].as_array().unwrap() {
            let (gs, ge) = (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
            let (gv, gt) = (g["value"].as_str().unwrap(), g["type"].as_str().unwrap());
            let hit = sys.iter().enumerate().find(|(k, t)| !used[*k] && t.span.start < ge && gs < t.span.end);
            match hit {
                Some((k, t)) => {
                    used[k] = true;
                    let span = if (t.span.start, t.span.end) == (gs, ge) { "=" } else { "~" };
                    if t.value != gv || t.kind.as_str() != gt {
                        println!(
                            "V\t{dct}\t{}\t{gt}\t{gv}\t{}\t{}\t{}{span}\t{}",
                            &text[gs..ge],
                            doc.slice(t.span),
                            t.kind.as_str(),
                            t.value,
                            context(&text, gs, ge)
                        );
                    } else if span == "=" && all {
                        println!("C\t{dct}\t{}\t{gt}\t{gv}\t{}", &text[gs..ge], context(&text, gs, ge));
                    } else if span == "~" {
                        println!(
                            "S\t{dct}\t{}\t{gt}\t{gv}\t{}\t{}",
                            &text[gs..ge],
                            doc.slice(t.span),
                            context(&text, gs, ge)
                        );
                    }
                }
                None => println!("M\t{dct}\t{}\t{gt}\t{gv}\t{}", &text[gs..ge], context(&text, gs, ge)),
            }
        }
        for (k, t) in sys.iter().enumerate().filter(|(k, _)| !used[*k]) {
            let _ = k;
            println!(
                "F\t{dct}\t{}\t{}\t{}\t{}",
                doc.slice(t.span),
                t.kind.as_str(),
                t.value,
                context(&text, t.span.start, t.span.end)
            );
        }
    }
}
