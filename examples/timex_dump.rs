//! Dumps extractor output vs gold (dev helper; prints to stdout).
use lede::document::Document;
fn main() {
    let path = std::env::args().nth(1).expect("gold path");
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap().to_string();
        let mut doc = Document::verbatim(text.clone());
        doc.date = chrono::NaiveDate::parse_from_str(v["dct"].as_str().unwrap(), "%Y-%m-%d").ok();
        let sys = lede::extract::dates::extract(&doc);
        for t in &sys {
            println!(
                "S\t{}\t{}\t{}\t{}\t{}\t{:?}",
                v["dct"],
                t.span.start,
                t.span.end,
                doc.slice(t.span).replace('\n', " "),
                t.value,
                t.kind
            );
        }
        for g in v["timexes"].as_array().unwrap() {
            println!(
                "G\t{}\t{}\t{}\t{}\t{}\t{}",
                v["dct"],
                g["start"],
                g["end"],
                g["text"].as_str().unwrap().replace('\n', " "),
                g["value"].as_str().unwrap(),
                g["type"]
            );
        }
    }
}
