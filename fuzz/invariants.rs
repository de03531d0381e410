//! Span invariants shared by the fuzz targets (`fuzz/fuzz_targets/*`) and
//! the property tests (`tests/props.rs`, which includes this file with
//! `#[path]`), so both check exactly the same contract.
//!
//! The contract (see `src/document/mod.rs`): every span inside the library
//! is a byte range `start <= end <= text.len()` with both ends on `char`
//! boundaries; paragraphs, sentences and tokens are in reading order and
//! nested (a token inside its sentence, a sentence inside a paragraph); and
//! in the wire output each code-point range `[start, end)` of `text` is
//! exactly the span's `text`. A violation panics with a message naming the
//! span, which is what a fuzzer needs to report a crash.

#![allow(dead_code)]

use lede::document::{Document, Span};
use lede::extract::Extractions;
use lede::output::wire::DocOut;
use lede::pipeline::Analyzed;

/// Panics unless `span` is a valid byte range of `text`.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: start {} > end {}", span.start, span.end);
    assert!(span.end <= text.len(), "{what}: end {} past text length {}", span.end, text.len());
    assert!(text.is_char_boundary(span.start), "{what}: start {} not on a char boundary", span.start);
    assert!(text.is_char_boundary(span.end), "{what}: end {} not on a char boundary", span.end);
}

/// Panics unless the document's own segmentation is valid and nested.
pub fn check_document(doc: &Document) {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_span(text, p.span, &format!("paragraph {i}"));
        assert!(p.span.start >= prev_end, "paragraph {i} overlaps the previous one");
        prev_end = p.span.end;
    }
    let mut prev_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, *s, &format!("sentence {i}"));
        assert!(s.start >= prev_end, "sentence {i} overlaps the previous one");
        prev_end = s.end;
        if !s.is_empty() {
            let p = doc.paragraph_at(s.start).unwrap_or_else(|| panic!("sentence {i} outside every paragraph"));
            assert!(doc.paragraphs[p].span.contains(s), "sentence {i} crosses a paragraph boundary");
        }
    }
    let mut prev_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span, &format!("token {i}"));
        assert!(!t.span.is_empty(), "token {i} is empty");
        assert!(t.span.start >= prev_end, "token {i} overlaps the previous one");
        prev_end = t.span.end;
        let s = doc
            .sentences
            .get(t.sentence as usize)
            .unwrap_or_else(|| panic!("token {i} names sentence {} of {}", t.sentence, doc.sentences.len()));
        assert!(s.contains(&t.span), "token {i} lies outside its sentence");
    }
    for (n, (b, _)) in text.char_indices().enumerate() {
        assert_eq!(doc.char_offset(b), n, "code-point offset of byte {b}");
    }
    assert_eq!(doc.char_offset(text.len()), text.chars().count(), "code-point offset of the end");
}

/// Panics unless every extraction span is a valid byte range of the text.
pub fn check_extractions(doc: &Document, ex: &Extractions) {
    let text = doc.text.as_str();
    for (i, e) in ex.entities.iter().enumerate() {
        check_span(text, e.span, &format!("entity {i}"));
    }
    for (i, d) in ex.dates.iter().enumerate() {
        check_span(text, d.span, &format!("date {i}"));
    }
    for (i, q) in ex.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i}"));
        if let Some(s) = q.speaker_span {
            check_span(text, s, &format!("speaker of quote {i}"));
        }
    }
    for (i, f) in ex.figures.iter().enumerate() {
        check_span(text, f.span, &format!("figure {i}"));
    }
}

/// Panics unless the wire record's code-point offsets give back each span's text.
pub fn check_wire(a: &Analyzed) {
    let out = DocOut::new(a, true);
    let text = out.text.as_deref().expect("with_text was asked");
    let chars: Vec<char> = text.chars().collect();
    let check = |what: &str, i: usize, start: usize, end: usize, want: &str| {
        assert!(start <= end && end <= chars.len(), "wire {what} {i}: bad range {start}..{end} of {}", chars.len());
        let got: String = chars[start..end].iter().collect();
        assert_eq!(got, want, "wire {what} {i}: text[{start}..{end}] differs from the span text");
    };
    for (i, e) in out.entities.iter().enumerate() {
        check("entity", i, e.start, e.end, &e.text);
    }
    for (i, d) in out.dates.iter().enumerate() {
        check("date", i, d.start, d.end, &d.text);
    }
    for (i, q) in out.quotes.iter().enumerate() {
        check("quote", i, q.start, q.end, &q.text);
    }
    for (i, f) in out.figures.iter().enumerate() {
        check("figure", i, f.start, f.end, &f.text);
    }
    // The record must also serialize as JSON.
    serde_json::to_string(&out).expect("wire record serializes");
}

/// All of the above for one analyzed document.
pub fn check_analyzed(a: &Analyzed) {
    check_document(&a.doc);
    check_extractions(&a.doc, &a.ex);
    check_wire(a);
}

/// Panics when the pipeline turned a panic into an error record.
pub fn check_no_internal_error(out: &[lede::pipeline::Outcome]) {
    for o in out {
        if let lede::pipeline::Outcome::Error(e) = o {
            assert!(!e.message.contains("internal error"), "caught panic: {e}");
        }
    }
}

/// One fuzz input through the selected extractors: directly on a verbatim
/// document (so a panic surfaces with its backtrace), then through the
/// whole pipeline (decode, clean, segment, extract) as standard input.
/// The first byte picks whether the documents carry a reference date.
pub fn fuzz_extract(data: &[u8], select: lede::extract::Selection) {
    let (flag, body) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let date = (flag & 1 == 1).then(|| chrono_date(2022, 6, 30));
    let mut doc = Document::verbatim(String::from_utf8_lossy(body).into_owned());
    doc.date = date;
    let ex = lede::extract::extract(&doc, select);
    check_analyzed(&Analyzed { doc, ex });
    let cfg = lede::pipeline::Config { select, date, ..Default::default() };
    let out = lede::pipeline::process(lede::input::Item::Text { path: "-".into(), bytes: body.to_vec() }, &cfg);
    check_no_internal_error(&out);
    for o in &out {
        if let lede::pipeline::Outcome::Doc(a) = o {
            check_analyzed(a);
        }
    }
}

fn chrono_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}
