//! The fixture articles, for tests across modules.

use std::path::PathBuf;

/// The `.txt` files of `fixtures/` and of the given subfolders of it, in
/// path order.
pub fn texts(subfolders: &[&str]) -> Vec<PathBuf> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut files: Vec<PathBuf> = std::iter::once(root.to_string())
        .chain(subfolders.iter().map(|s| format!("{root}/{s}")))
        .flat_map(|d| std::fs::read_dir(d).expect("fixtures/ is readable"))
        .map(|e| e.expect("a fixture entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}
