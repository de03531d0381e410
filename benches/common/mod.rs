//! Corpus loading shared by `benches/throughput.rs` and `examples/bench.rs`
//! (included by path; cargo does not take a folder's `mod.rs` for a bench).

use lede::document::Document;
use lede::pipeline::{self, Config};
use std::path::{Path, PathBuf};

/// Allocator settings of the `lede` binary, so stages are timed as it runs.
pub fn setup() {
    lede::alloc::keep_freed_memory();
}

/// Every `*.txt` file under `dir`, sorted.
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The first document cleaned out of `raw`, as a run builds it.
pub fn build(raw: &str) -> Document {
    pipeline::build_documents(raw, None, &Config::default()).into_iter().next().unwrap_or_default()
}
