//! Reading Common Crawl style web archives end to end: a small WARC and a
//! WET file built here, every record gzipped as its own member.

use flate2::{Compression, write::GzEncoder};
use std::io::Write;
use std::process::Command;

fn record(kind: &str, uri: &str, block: &str) -> Vec<u8> {
    let rec = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-04-16T08:00:00Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    );
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(rec.as_bytes()).unwrap();
    gz.finish().unwrap()
}

fn run(dir: &std::path::Path) -> (Vec<serde_json::Value>, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "--format", "jsonl", "--quiet"])
        .arg(dir)
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout).unwrap();
    (lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect(), out.status.code())
}

#[test]
fn warc_and_wet_records_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Fire at the cathedral</title></head><body><article><h1>Fire at the cathedral</h1><p>Firefighters in Paris fought a fire at Notre-Dame on Monday, officials said.</p><p>The spire collapsed shortly before 8 p.m. local time.</p></article></body></html>";
    let mut warc = Vec::new();
    warc.extend(record("warcinfo", "", "software: test"));
    warc.extend(record("request", "https://news.example/fire", "GET /fire HTTP/1.1\r\n\r\n"));
    warc.extend(record("response", "https://news.example/fire", page));
    // A malformed record (no Content-Length), then a good one after it.
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nbroken\r\n\r\n").unwrap();
    warc.extend(gz.finish().unwrap());
    warc.extend(record("response", "https://news.example/two", page));
    std::fs::write(dir.path().join("crawl.warc.gz"), warc).unwrap();

    let mut wet = Vec::new();
    wet.extend(record("conversion", "https://other.example/a", "Markets rose 2% on Tuesday.\n\nTraders said so."));
    std::fs::write(dir.path().join("crawl.wet.gz"), wet).unwrap();

    let (docs, code) = run(dir.path());
    assert_eq!(code, Some(1), "one malformed record makes the exit code 1");
    let ids: Vec<String> = docs
        .iter()
        .map(|d| match d.get("error") {
            Some(e) => format!("ERR {} {}", d["line"], e.as_str().unwrap()),
            None => d["id"].as_str().unwrap().rsplit('/').next().unwrap().to_string(),
        })
        .collect();
    assert_eq!(
        ids,
        [
            "crawl.warc.gz#3",
            "ERR 4 WARC record 4: missing or invalid Content-Length",
            "crawl.warc.gz#5",
            "crawl.wet.gz#1"
        ]
    );
    let fire = &docs[0];
    assert_eq!(fire["url"], "https://news.example/fire");
    assert_eq!(fire["date"], "2019-04-16");
    assert_eq!(fire["date_source"], "meta");
    assert_eq!(fire["title"], "Fire at the cathedral");
    let wet = &docs[3];
    assert_eq!(wet["url"], "https://other.example/a");
    assert_eq!(wet["date"], "2019-04-16");
}
