//! The document model: `Document::verbatim` on arbitrary text and
//! `Document::from_paragraphs` on arbitrary paragraphs (split at `\x1e`,
//! kind chosen by a byte) keep the segmentation invariants.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use lede::document::{Document, ParagraphKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_document(&Document::verbatim(text.to_string()));
    let paras: Vec<(&str, ParagraphKind)> = text
        .split('\x1e')
        .enumerate()
        .map(|(i, p)| {
            let kind = match (i, p.len() % 3) {
                (0, 0) => ParagraphKind::Title,
                (_, 1) => ParagraphKind::Heading,
                _ => ParagraphKind::Body,
            };
            (p, kind)
        })
        .collect();
    invariants::check_document(&Document::from_paragraphs(&paras));
});
