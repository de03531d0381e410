//! Turning command-line paths into a deterministic stream of [`Item`]s.
//!
//! Directories are walked with the `ignore` crate (ripgrep's walker):
//! hidden files and `.gitignore`d paths are skipped whether or not the
//! folder is a git repository, entries are visited in file-name order, and
//! symbolic links are not followed (so a link loop cannot trap the walk).
//! A file named explicitly on the command line is always read.

use super::{Item, is_jsonl, warc};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// File extensions read by default inside directories.
/// (`.warc.gz` and `.wet.gz` web archives are read too, see [`warc::is_warc`].)
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "text", "html", "htm", "jsonl", "ndjson", "warc", "wet"];

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Globs a file inside a directory must match (default: the known extensions).
    pub include: Vec<String>,
    /// Globs that exclude files inside directories.
    pub exclude: Vec<String>,
    /// Largest input (file or record line) accepted, in bytes.
    pub max_bytes: u64,
}

/// Produces work items from paths.
pub struct Walker {
    paths: Vec<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    max_bytes: u64,
}

/// Whether a file's name says it is of a kind read by default: a web
/// archive or one of [`DEFAULT_EXTENSIONS`].
fn default_kind(path: &Path) -> bool {
    warc::is_warc(path)
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DEFAULT_EXTENSIONS.iter().any(|d| d.eq_ignore_ascii_case(e)))
}

fn globset(globs: &[String]) -> Result<Option<GlobSet>, String> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| format!("invalid glob {g:?}: {e}"))?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

impl Walker {
    /// A walker over `paths` (`-` is standard input). Fails on a bad glob.
    pub fn new(paths: Vec<String>, opts: &WalkOptions) -> Result<Walker, String> {
        Ok(Walker {
            paths,
            include: globset(&opts.include)?,
            exclude: globset(&opts.exclude)?,
            max_bytes: opts.max_bytes,
        })
    }

    /// Emits every item in order; stops early when `emit` returns false.
    pub fn run(&self, emit: &mut dyn FnMut(Item) -> bool) {
        for p in &self.paths {
            let keep_going = if p == "-" { self.stdin(emit) } else { self.path(p, emit) };
            if !keep_going {
                return;
            }
        }
    }

    /// Whether the file at `path` inside the folder `root` is read: the
    /// globs match its path relative to `root` or its name; without globs,
    /// its name decides (taking the relative path apart cost more than the
    /// rest of this test).
    fn wanted(&self, path: &Path, root: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return default_kind(path);
        }
        let rel = path.strip_prefix(root).unwrap_or(path);
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        let matches = |set: &GlobSet| set.is_match(rel) || set.is_match(name);
        if let Some(ex) = &self.exclude
            && matches(ex)
        {
            return false;
        }
        match &self.include {
            Some(inc) => matches(inc),
            None => default_kind(rel),
        }
    }

    fn path(&self, p: &str, emit: &mut dyn FnMut(Item) -> bool) -> bool {
        let path = PathBuf::from(p);
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return emit(Item::Error { path: p.to_string(), line: None, message: io_reason(&e) }),
        };
        if !meta.is_dir() {
            return self.file(path, p.to_string(), emit);
        }
        let walk = ignore::WalkBuilder::new(&path)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            .ignore(true)
            .parents(true)
            .require_git(false)
            .follow_links(false)
            // Entries of one folder are compared, so their paths differ only
            // in the name: comparing the paths' bytes orders them by name
            // bytes, as comparing names would, without taking each path
            // apart to find its name (10 M instructions on bbc).
            .sort_by_file_path(|a, b| a.as_os_str().as_encoded_bytes().cmp(b.as_os_str().as_encoded_bytes()))
            .build();
        for entry in walk {
            let keep = match entry {
                Ok(e) => {
                    if !e.file_type().is_some_and(|t| t.is_file()) {
                        continue;
                    }
                    if !self.wanted(e.path(), &path) {
                        continue;
                    }
                    let display = e.path().display().to_string();
                    self.file(e.path().to_path_buf(), display, emit)
                }
                Err(err) => emit(walk_error(&path, err)),
            };
            if !keep {
                return false;
            }
        }
        true
    }

    fn file(&self, path: PathBuf, display: String, emit: &mut dyn FnMut(Item) -> bool) -> bool {
        if warc::is_warc(&path) {
            warc::read_file(&path, &display, self.max_bytes, emit)
        } else if is_jsonl(&path) {
            match std::fs::File::open(&path) {
                Ok(f) => self.lines(BufReader::new(f), &display, emit),
                Err(e) => emit(Item::Error { path: display, line: None, message: io_reason(&e) }),
            }
        } else {
            emit(Item::File { path, display })
        }
    }

    /// Standard input: JSON Lines when the first non-blank byte is `{`,
    /// otherwise one plain-text document.
    fn stdin(&self, emit: &mut dyn FnMut(Item) -> bool) -> bool {
        let stdin = std::io::stdin();
        let mut reader = BufReader::with_capacity(1 << 16, stdin.lock());
        let first = loop {
            match reader.fill_buf() {
                Ok([]) => break None,
                Ok(buf) => {
                    let skip = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
                    if skip < buf.len() {
                        break Some(buf[skip]);
                    }
                    let n = buf.len();
                    reader.consume(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return emit(Item::Error { path: "-".into(), line: None, message: io_reason(&e) }),
            }
        };
        match first {
            Some(b'{') => self.lines(reader, "-", emit),
            _ => {
                let mut bytes = Vec::new();
                let limit = self.max_bytes.saturating_add(1);
                match (&mut reader).take(limit).read_to_end(&mut bytes) {
                    Ok(_) if bytes.len() as u64 > self.max_bytes => emit(too_large("-", None, self.max_bytes)),
                    Ok(_) => emit(Item::Text { path: "-".into(), bytes }),
                    Err(e) => emit(Item::Error { path: "-".into(), line: None, message: io_reason(&e) }),
                }
            }
        }
    }

    fn lines(&self, mut reader: impl BufRead, display: &str, emit: &mut dyn FnMut(Item) -> bool) -> bool {
        let mut line_no = 0usize;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            line_no += 1;
            match read_line_capped(&mut reader, &mut buf, self.max_bytes) {
                Ok(LineRead::Eof) => return true,
                Ok(LineRead::TooLong) => {
                    if !emit(too_large(display, Some(line_no), self.max_bytes)) {
                        return false;
                    }
                }
                Ok(LineRead::Line) => {
                    let mut bytes: &[u8] = &buf;
                    if line_no == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    let text = String::from_utf8_lossy(bytes);
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let item = Item::RecordLine { path: display.to_string(), line: line_no, text: text.to_string() };
                    if !emit(item) {
                        return false;
                    }
                }
                Err(e) => {
                    emit(Item::Error { path: display.to_string(), line: Some(line_no), message: io_reason(&e) });
                    return true;
                }
            }
        }
    }
}

enum LineRead {
    Line,
    TooLong,
    Eof,
}

/// Reads one line into `buf` without ever holding more than `max` bytes of
/// it; an over-long line is consumed and reported.
fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: u64) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(if !any {
                LineRead::Eof
            } else if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
        any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        if !too_long {
            if (buf.len() + part.len()) as u64 > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let newline = done > part.len();
        reader.consume(done);
        if newline {
            return Ok(if too_long { LineRead::TooLong } else { LineRead::Line });
        }
    }
}

/// The error item for an input over `--max-bytes`.
pub fn too_large(path: &str, line: Option<usize>, max: u64) -> Item {
    let what = if line.is_some() { "record line" } else { "input" };
    Item::Error {
        path: path.to_string(),
        line,
        message: format!("{what} larger than --max-bytes ({max} bytes); raise the limit to read it"),
    }
}

/// A short, plain reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".to_string(),
        PermissionDenied => "permission denied".to_string(),
        IsADirectory => "is a directory".to_string(),
        _ => {
            let s = e.to_string();
            // Drop the " (os error N)" suffix: it means nothing to a reader.
            s.find(" (os error").map_or(s.clone(), |i| s[..i].to_string())
        }
    }
}

fn walk_error(root: &Path, err: ignore::Error) -> Item {
    fn unwrap_path(err: &ignore::Error) -> Option<(String, String)> {
        match err {
            ignore::Error::WithPath { path, err } => Some((path.display().to_string(), inner_reason(err))),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => unwrap_path(err),
            ignore::Error::Loop { child, ancestor } => Some((
                child.display().to_string(),
                format!("symbolic link loop (points back to {})", ancestor.display()),
            )),
            _ => None,
        }
    }
    fn inner_reason(err: &ignore::Error) -> String {
        match err {
            ignore::Error::Io(e) => io_reason(e),
            ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => inner_reason(err),
            other => other.to_string(),
        }
    }
    let (path, message) = unwrap_path(&err).unwrap_or_else(|| (root.display().to_string(), inner_reason(&err)));
    Item::Error { path, line: None, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(paths: &[&str], opts: &WalkOptions) -> Vec<String> {
        let w = Walker::new(paths.iter().map(|s| s.to_string()).collect(), opts).unwrap();
        let mut out = Vec::new();
        w.run(&mut |item| {
            out.push(match item {
                Item::File { display, .. } | Item::Loaded { display, .. } => display,
                Item::RecordLine { path, line, .. } => format!("{path}:{line}"),
                Item::Text { .. } => "stdin".into(),
                Item::Web { path, record, .. } => format!("{path}#{record}"),
                Item::Error { path, message, .. } => format!("ERR {path}: {message}"),
            });
            true
        });
        out
    }

    fn opts() -> WalkOptions {
        WalkOptions { max_bytes: 1 << 20, ..WalkOptions::default() }
    }

    /// A temporary folder holding `files` (folders made as needed): a JSON
    /// Lines file holds two records, any other file "x".
    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let text = if f.ends_with("jsonl") { "{\"text\":\"x\"}\n\n{\"text\":\"y\"}\n" } else { "x" };
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn walks_sorted_skipping_hidden_ignored_and_unknown() {
        let dir = tree(&["b.txt", "a.html", "sub/c.txt", ".hidden.txt", "skip.txt", "notes.md", "r.jsonl"]);
        let d = dir.path();
        std::fs::write(d.join(".gitignore"), "skip.txt\n").unwrap();
        let root = d.display().to_string();
        let got = collect(&[&root], &opts());
        let rel: Vec<String> = got.iter().map(|s| s.replace(&root, "")).collect();
        assert_eq!(rel, ["/a.html", "/b.txt", "/r.jsonl:1", "/r.jsonl:3", "/sub/c.txt"]);
    }

    /// Siblings come in the byte order of their names, whatever the
    /// punctuation, case or script, and a folder's files come where the
    /// folder's name sorts.
    #[test]
    fn walks_in_byte_order_of_names() {
        let dir = tree(&["é.txt", "ab.txt", "a.txt", "a/x.txt", "a.b.txt", "a-b.txt", "B.txt"]);
        let root = format!("{}/", dir.path().display());
        let got: Vec<String> = collect(&[&root], &opts()).iter().map(|s| s.replace(&root, "")).collect();
        assert_eq!(got, ["B.txt", "a/x.txt", "a-b.txt", "a.b.txt", "a.txt", "ab.txt", "é.txt"]);
    }

    #[test]
    fn include_exclude_and_explicit_files() {
        let dir = tree(&["a.txt", "b.txt", "c.md"]);
        let d = dir.path();
        let root = d.display().to_string();
        let o = WalkOptions { include: vec!["*.md".into(), "*.txt".into()], exclude: vec!["b.*".into()], ..opts() };
        let got: Vec<String> = collect(&[&root], &o).iter().map(|s| s.replace(&root, "")).collect();
        assert_eq!(got, ["/a.txt", "/c.md"]);
        // Named explicitly: read whatever its extension.
        let md = d.join("c.md").display().to_string();
        assert_eq!(collect(&[&md], &opts()), vec![md]);
    }

    #[test]
    fn missing_path_is_an_error_item() {
        let got = collect(&["/definitely/not/here.txt"], &opts());
        assert_eq!(got, ["ERR /definitely/not/here.txt: no such file or directory"]);
    }

    #[test]
    fn capped_lines_report_overflow_and_continue() {
        let data = b"short\n0123456789abcdef\nok\nlast-no-newline";
        let mut r = BufReader::new(&data[..]);
        let mut buf = Vec::new();
        let mut kinds = Vec::new();
        loop {
            buf.clear();
            match read_line_capped(&mut r, &mut buf, 8).unwrap() {
                LineRead::Eof => break,
                LineRead::TooLong => kinds.push("LONG".to_string()),
                LineRead::Line => kinds.push(String::from_utf8(buf.clone()).unwrap()),
            }
        }
        assert_eq!(kinds, ["short", "LONG", "ok", "LONG"]);
    }
}
