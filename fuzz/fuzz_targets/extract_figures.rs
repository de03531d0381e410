//! The figures extractor alone (`extract::extract` with a one-extractor
//! `Selection`) on arbitrary text, both verbatim and cleaned: no panic,
//! every span valid, and the wire offsets give back each span's text.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use lede::extract::Selection;
use libfuzzer_sys::fuzz_target;

const ONLY: Selection = Selection { figures: true, ..Selection::NONE };

fuzz_target!(|data: &[u8]| {
    invariants::fuzz_extract(data, ONLY);
});
