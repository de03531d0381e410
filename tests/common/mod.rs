//! Helpers shared by the CLI test files (each `tests/*.rs` is its own crate
//! and includes this module with `mod common;`).

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Parses JSON Lines output, one value per line, naming a bad line.
pub fn jsonl(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}
