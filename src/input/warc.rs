//! Web archives: WARC and WET files (Common Crawl), plain or gzipped.
//!
//! Records are read one at a time from a buffered stream, so a multi-GB
//! file is never held in memory: only the current record's payload is (and
//! one larger than `--max-bytes` is skipped, not read). Common Crawl
//! gzips every record as its own member, hence [`MultiGzDecoder`].
//!
//! Each `response` record holding an HTTP HTML (or plain text) page and
//! each WET `conversion` record becomes one [`Item::Web`]; the rest
//! (`warcinfo`, `request`, `metadata`, images…) is skipped. A malformed
//! record becomes an [`Item::Error`] carrying its record number, and
//! reading resumes at the next `WARC/` version line.

use super::Item;
use super::walk::io_reason;
use chrono::NaiveDate;
use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// True when a path names a WARC/WET file (`.warc`, `.wet`, optionally `.gz`).
pub fn is_warc(path: &Path) -> bool {
    // Suffixes compared in place, without a lower-cased copy of the name:
    // the walk asks this of every file.
    let ends = |name: &[u8], suffix: &[u8]| {
        name.len() >= suffix.len() && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").as_bytes();
    let name = if ends(name, b".gz") { &name[..name.len() - 3] } else { name };
    ends(name, b".warc") || ends(name, b".wet")
}

/// Streams the records of the file at `path`, emitting one item per page.
/// Returns false when `emit` asked to stop.
pub fn read_file(path: &Path, display: &str, max_bytes: u64, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return emit(Item::Error { path: display.to_string(), line: None, message: io_reason(&e) }),
    };
    let gz = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if gz {
        read(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file)), display, max_bytes, emit)
    } else {
        read(BufReader::with_capacity(1 << 16, file), display, max_bytes, emit)
    }
}

/// Streams WARC records from `reader` (see [`read_file`]).
pub fn read(mut reader: impl BufRead, display: &str, max_bytes: u64, emit: &mut dyn FnMut(Item) -> bool) -> bool {
    let mut number = 0usize;
    let mut line = Vec::new();
    let error = |n: usize, message: String| Item::Error {
        path: display.to_string(),
        line: Some(n),
        message: format!("WARC record {n}: {message}"),
    };
    // Set when a malformed record was reported: skip to the next version line.
    let mut resync = false;
    loop {
        // Find the version line, skipping the blank lines between records.
        line.clear();
        match read_line(&mut reader, &mut line) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => return emit(error(number + 1, io_reason(&e))),
        }
        let l = trim_eol(&line);
        if l.is_empty() {
            continue;
        }
        if !l.starts_with(b"WARC/") {
            if resync {
                continue;
            }
            number += 1;
            resync = true;
            if !emit(error(number, "expected a WARC/1.x version line".into())) {
                return false;
            }
            continue;
        }
        resync = false;
        number += 1;
        let headers = match read_headers(&mut reader) {
            Ok(h) => h,
            Err(e) => return emit(error(number, io_reason(&e))),
        };
        let Some(length) = headers.get("content-length").and_then(|v| v.trim().parse::<u64>().ok()) else {
            resync = true;
            if !emit(error(number, "missing or invalid Content-Length".into())) {
                return false;
            }
            continue;
        };
        let kind = headers.get("warc-type").map(|t| t.trim().to_ascii_lowercase()).unwrap_or_default();
        let wanted = kind == "response" || kind == "conversion";
        if !wanted || length > max_bytes {
            match std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink()) {
                Ok(n) if n < length => return emit(error(number, "truncated record (end of file)".into())),
                Ok(_) => {}
                Err(e) => return emit(error(number, io_reason(&e))),
            }
            if wanted
                && !emit(error(
                    number,
                    format!("record larger than --max-bytes ({max_bytes} bytes); raise the limit to read it"),
                ))
            {
                return false;
            }
            continue;
        }
        let mut body = Vec::with_capacity(length as usize);
        match (&mut reader).take(length).read_to_end(&mut body) {
            Ok(n) if (n as u64) < length => return emit(error(number, "truncated record (end of file)".into())),
            Ok(_) => {}
            Err(e) => return emit(error(number, io_reason(&e))),
        }
        let url = headers.get("warc-target-uri").map(|u| u.trim().trim_matches(['<', '>']).to_string());
        let date =
            headers.get("warc-date").and_then(|d| NaiveDate::parse_from_str(d.trim().get(..10)?, "%Y-%m-%d").ok());
        let item = if kind == "conversion" { Some((false, body)) } else { http_page(body).map(|b| (true, b)) };
        if let Some((html, bytes)) = item {
            let item = Item::Web { path: display.to_string(), record: number, url, date, html, bytes };
            if !emit(item) {
                return false;
            }
        }
    }
}

/// The body of an HTTP response that is a web page; `None` for other
/// payloads (images, PDFs, redirects without a page).
fn http_page(mut payload: Vec<u8>) -> Option<Vec<u8>> {
    let end = find(&payload, b"\r\n\r\n").map(|i| i + 4).or_else(|| find(&payload, b"\n\n").map(|i| i + 2))?;
    let head = String::from_utf8_lossy(&payload[..end]).to_ascii_lowercase();
    let content_type = head.lines().find_map(|l| l.strip_prefix("content-type:")).map(str::trim);
    let page = content_type.is_none_or(|t| t.contains("html") || t.starts_with("text/"));
    if !page {
        return None;
    }
    payload.drain(..end);
    Some(payload)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads header lines up to the blank line; names are lower-cased.
fn read_headers(reader: &mut impl BufRead) -> std::io::Result<std::collections::HashMap<String, String>> {
    let mut headers = std::collections::HashMap::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read_line(reader, &mut line)? == 0 {
            return Ok(headers);
        }
        let l = trim_eol(&line);
        if l.is_empty() {
            return Ok(headers);
        }
        let l = String::from_utf8_lossy(l);
        if let Some((name, value)) = l.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
}

/// One header line, capped at 64 KiB so a corrupt file cannot make one
/// "line" of gigabytes.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let n = reader.take(1 << 16).read_until(b'\n', buf)?;
    Ok(n)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T05:06:07Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn collect(data: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        read(BufReader::new(data), "f.warc", 1 << 20, &mut |item| {
            out.push(match item {
                Item::Web { record, url, date, html, bytes, .. } => format!(
                    "{record} {} {} {html} {}",
                    url.unwrap_or_default(),
                    date.map(|d| d.to_string()).unwrap_or_default(),
                    String::from_utf8_lossy(&bytes)
                ),
                Item::Error { line, message, .. } => format!("ERR {line:?} {message}"),
                other => format!("{other:?}"),
            });
            true
        });
        out
    }

    #[test]
    fn pages_and_conversions_with_url_and_date() {
        let mut data = record("warcinfo", "", "software: x");
        data += &record("request", "http://a/", "GET / HTTP/1.1\r\n\r\n");
        data += &record("response", "http://a/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>");
        data += &record("response", "http://a/i.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG");
        data += &record("conversion", "http://b/", "Plain words.");
        assert_eq!(
            collect(data.as_bytes()),
            ["3 http://a/ 2021-03-04 true <p>Hi</p>", "5 http://b/ 2021-03-04 false Plain words."]
        );
    }

    #[test]
    fn malformed_records_are_reported_and_skipped() {
        let mut data = record("conversion", "http://a/", "One.");
        data += "WARC/1.0\r\nWARC-Type: conversion\r\n\r\nno length here\r\n\r\n";
        data += &record("conversion", "http://c/", "Three.");
        data += "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 500\r\n\r\nshort";
        let got = collect(data.as_bytes());
        assert_eq!(got[0], "1 http://a/ 2021-03-04 false One.");
        assert_eq!(got[1], "ERR Some(2) WARC record 2: missing or invalid Content-Length");
        assert_eq!(got[2], "3 http://c/ 2021-03-04 false Three.");
        assert_eq!(got[3], "ERR Some(4) WARC record 4: truncated record (end of file)");
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn recognizes_extensions() {
        for p in ["a.warc", "a.warc.gz", "a.WET.GZ", "x/y.wet", "a.Warc.Gz", "a.gz.warc", ".wet"] {
            assert!(is_warc(Path::new(p)), "{p}");
        }
        for p in ["a.txt", "a.gz", "warc.html", "warc", "a.warcx", "a.wet.gz.gz", ".gz", "", "a.warc/b.txt"] {
            assert!(!is_warc(Path::new(p)), "{p}");
        }
    }
}
