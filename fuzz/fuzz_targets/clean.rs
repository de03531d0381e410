//! The cleaner on arbitrary bytes (decoded lossily, as a garbled file
//! would be): no panic, and every document built from its articles keeps
//! the span invariants.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use lede::document::{Document, ParagraphKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (has_title, raw) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let raw = String::from_utf8_lossy(raw);
    for art in lede::clean::clean(&raw, has_title) {
        let mut paras: Vec<(String, ParagraphKind)> = Vec::new();
        if let Some(t) = &art.title {
            paras.push((t.clone(), ParagraphKind::Title));
        }
        paras.extend(art.paragraphs);
        invariants::check_document(&Document::from_paragraphs(&paras));
    }
});
