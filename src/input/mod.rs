//! Input: walk paths, read bytes, decode text, split JSON Lines records.
//!
//! The reader produces a stream of [`Item`]s in a deterministic order (paths
//! as given, directories walked in sorted order). Reading and decoding a
//! file happens in the worker that processes it, so I/O runs in parallel;
//! JSON Lines files and standard input are read line by line here so that a
//! record stream of any length is never held in memory.

pub mod decode;
pub mod records;
pub mod walk;
pub mod warc;

pub use decode::{DecodeError, Decoded, decode};
pub use records::Record;
pub use walk::{WalkOptions, Walker};

use std::path::PathBuf;

/// One unit of work for the pipeline.
#[derive(Debug)]
pub enum Item {
    /// A text or HTML file to read, decode and clean.
    File {
        /// Path on disk.
        path: PathBuf,
        /// How the path is shown in output.
        display: String,
    },
    /// A file already read whole: the pipeline's reader thread reads small
    /// files itself (see `pipeline::run`); the walker never makes these.
    Loaded {
        /// How the path is shown in output.
        display: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// One line of a JSON Lines stream, not yet parsed.
    RecordLine {
        /// The stream's path (`-` for standard input).
        path: String,
        /// 1-based line number.
        line: usize,
        /// The raw line.
        text: String,
    },
    /// Plain text read from standard input.
    Text {
        /// `-`.
        path: String,
        /// The raw bytes.
        bytes: Vec<u8>,
    },
    /// One page of a WARC/WET web archive (see [`warc`]).
    Web {
        /// The archive's path as shown in output.
        path: String,
        /// 1-based record number in the archive (the document id is `path#record`).
        record: usize,
        /// `WARC-Target-URI`.
        url: Option<String>,
        /// The day of `WARC-Date` (when the page was crawled).
        date: Option<chrono::NaiveDate>,
        /// HTML from a `response` record (true) or WET plain text (false).
        html: bool,
        /// The page: the HTTP body, or the converted text.
        bytes: Vec<u8>,
    },
    /// Something that failed before it could be processed.
    Error {
        /// The input that failed.
        path: String,
        /// Line number, for JSON Lines streams.
        line: Option<usize>,
        /// Why.
        message: String,
    },
}

impl Item {
    /// True for input read from standard input, whose next item may be
    /// long in coming: its results should not wait in a buffer for it.
    pub fn from_stdin(&self) -> bool {
        match self {
            Item::RecordLine { path, .. } | Item::Error { path, .. } => path == "-",
            Item::Text { .. } => true,
            Item::File { .. } | Item::Loaded { .. } | Item::Web { .. } => false,
        }
    }
}

/// True when a path names a JSON Lines record stream.
pub fn is_jsonl(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

#[cfg(test)]
mod tests {
    use super::is_jsonl;
    use std::path::Path;

    #[test]
    fn recognizes_json_lines_extensions() {
        for p in ["a.jsonl", "a.JSONL", "x/y.NdJson", "b.c.ndjson"] {
            assert!(is_jsonl(Path::new(p)), "{p}");
        }
        for p in ["a.json", "jsonl", "a.jsonl.gz", "a.ndjsonl", ".jsonl", ""] {
            assert!(!is_jsonl(Path::new(p)), "{p}");
        }
    }
}
