//! `lede check`: regression testing against stored expected output.
//!
//! Each document's JSON (as `lede analyze` prints it) is compared with
//! `DIR/<name>.json`, where the name is derived from the document id so
//! that it is a safe, unique file name. Differences are printed field by
//! field (`entities[3].canonical: "Putin" → "Vladimir Putin"`), so a
//! reviewer sees what changed without diffing JSON by hand.

use super::{InputArgs, Progress};
use anyhow::{Context, Result};
use lede::output::sanitize::for_terminal;
use lede::output::wire::{DocOut, ErrorOut};
use lede::pipeline::{self, Outcome};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  lede check fixtures/ --expected tests/expected            exit 1 on any change
  lede check fixtures/ --expected tests/expected --update   accept the current output";

/// Options of `lede check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder of expected files, one `<id>.json` per document.
    #[arg(long, value_name = "DIR", required = true)]
    pub expected: PathBuf,
    /// Rewrite the expected files from the current output (and remove
    /// those no document produces any more).
    #[arg(long)]
    pub update: bool,
}

/// Differences printed per document before the rest is summarized.
const MAX_DIFFS: usize = 20;

/// The expected-file name of a document id: unsafe characters become `_`,
/// and when anything was replaced a hash of the id is appended, so `a/b`
/// and `a_b` stay distinct.
pub fn file_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
        .take(120)
        .collect();
    if name.starts_with('.') {
        name.replace_range(0..1, "_");
    }
    if name != id || name.is_empty() {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in id.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        name.push_str(&format!("~{:08x}", h as u32));
    }
    name + ".json"
}

fn show(v: &Value) -> String {
    let s = for_terminal(&v.to_string());
    if s.chars().count() > 80 { s.chars().take(79).collect::<String>() + "…" } else { s }
}

/// Field-level differences between `expected` and `actual`, as lines
/// `path: old → new`.
pub fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match (a.get(k), b.get(k)) {
                    (Some(x), Some(y)) => diff(&p, x, y, out),
                    (Some(x), None) => out.push(format!("{p}: {} → (absent)", show(x))),
                    (None, Some(y)) => out.push(format!("{p}: (absent) → {}", show(y))),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for i in 0..a.len().max(b.len()) {
                let p = format!("{path}[{i}]");
                match (a.get(i), b.get(i)) {
                    (Some(x), Some(y)) => diff(&p, x, y, out),
                    (Some(x), None) => out.push(format!("{p}: {} → (removed)", show(x))),
                    (None, Some(y)) => out.push(format!("{p}: (added) → {}", show(y))),
                    (None, None) => {}
                }
            }
        }
        (a, b) if a != b => {
            out.push(format!("{}: {} → {}", if path.is_empty() { "." } else { path }, show(a), show(b)))
        }
        _ => {}
    }
}

fn is_expected_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "json")
        && std::fs::read_to_string(p)
            .ok()
            .and_then(|s| serde_json::from_str::<Value>(&s).ok())
            .is_some_and(|v| v.get("schema").and_then(Value::as_str) == Some(lede::output::wire::SCHEMA))
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let cfg = args.input.config();
    let walker = args.input.walker()?;
    let progress = Progress::new(args.input.quiet);
    let mut actual: BTreeMap<String, (String, Value)> = BTreeMap::new();
    let mut clashes = Vec::new();
    pipeline::run(&walker, &cfg, &mut |o: Outcome| {
        progress.tick();
        let (id, v) = match &o {
            Outcome::Doc(a) => (a.doc.id.clone(), serde_json::to_value(DocOut::new(a, false))?),
            Outcome::Error(e) => {
                let id = match e.line {
                    Some(l) => format!("{}#{l}", e.path),
                    None => e.path.clone(),
                };
                (id, serde_json::to_value(ErrorOut::from(e))?)
            }
        };
        if actual.insert(file_name(&id), (id.clone(), v)).is_some() {
            clashes.push(id);
        }
        Ok(())
    })?;
    progress.finish();
    if !clashes.is_empty() {
        anyhow::bail!("several documents share an id, so they cannot be checked apart: {}", clashes.join(", "));
    }
    let existing: BTreeSet<String> = match std::fs::read_dir(&args.expected) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| is_expected_file(p))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && args.update => BTreeSet::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", args.expected.display())),
    };

    if args.update {
        std::fs::create_dir_all(&args.expected)
            .with_context(|| format!("cannot create {}", args.expected.display()))?;
        let mut written = 0;
        for (name, (_, v)) in &actual {
            let path = args.expected.join(name);
            let text = serde_json::to_string_pretty(v)? + "\n";
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
                written += 1;
            }
        }
        let mut removed = 0;
        for name in existing.iter().filter(|n| !actual.contains_key(*n)) {
            let path = args.expected.join(name);
            std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            removed += 1;
        }
        eprintln!(
            "lede: {} expected files in {}: {written} written, {removed} removed",
            actual.len(),
            args.expected.display()
        );
        return Ok(ExitCode::SUCCESS);
    }

    let mut out = std::io::stdout().lock();
    let mut failing = 0usize;
    for (name, (id, v)) in &actual {
        let path = args.expected.join(name);
        if !existing.contains(name) {
            failing += 1;
            writeln!(out, "{}: new document, no expected file {}", for_terminal(id), path.display())?;
            continue;
        }
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let want: Value =
            serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))?;
        let mut lines = Vec::new();
        diff("", &want, v, &mut lines);
        if !lines.is_empty() {
            failing += 1;
            writeln!(out, "{}: {} differences (expected → actual)", for_terminal(id), lines.len())?;
            for l in lines.iter().take(MAX_DIFFS) {
                writeln!(out, "  {l}")?;
            }
            if lines.len() > MAX_DIFFS {
                writeln!(out, "  … {} more", lines.len() - MAX_DIFFS)?;
            }
        }
    }
    for name in existing.iter().filter(|n| !actual.contains_key(*n)) {
        failing += 1;
        writeln!(out, "{}: expected, but no input produced this document", args.expected.join(name).display())?;
    }
    if failing == 0 {
        writeln!(out, "ok: {} documents match {}", actual.len(), args.expected.display())?;
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(
            out,
            "FAILED: {failing} of {} documents differ (run with --update to accept)",
            actual.len().max(failing)
        )?;
        Ok(ExitCode::from(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn file_names_are_safe_and_distinct() {
        assert_eq!(file_name("a.txt"), "a.txt.json");
        let x = file_name("dir/a_b");
        let y = file_name("dir_a_b");
        assert_ne!(x, y);
        assert!(x.starts_with("dir_a_b~"));
        assert!(!file_name("../../etc/passwd").contains('/'));
        assert!(!file_name("..").starts_with('.'));
        assert!(file_name(&"x".repeat(1000)).len() < 140);
    }

    #[test]
    fn diff_names_paths() {
        let a = json!({"entities":[{"canonical":"Putin"},{"canonical":"Xi"}],"title":"T"});
        let b = json!({"entities":[{"canonical":"Vladimir Putin"}],"title":"T","new":1});
        let mut out = Vec::new();
        diff("", &a, &b, &mut out);
        assert_eq!(
            out,
            [
                "entities[0].canonical: \"Putin\" → \"Vladimir Putin\"",
                "entities[1]: {\"canonical\":\"Xi\"} → (removed)",
                "new: (absent) → 1",
            ]
        );
        out.clear();
        diff("", &a, &a, &mut out);
        assert!(out.is_empty());
    }
}
