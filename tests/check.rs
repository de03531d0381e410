//! `lede check` catches a changed field with a readable diff and passes
//! after `--update`; `lede eval` fails cleanly on unreadable gold.

use assert_cmd::Command;
use std::path::Path;

fn lede() -> Command {
    let mut c = Command::cargo_bin("lede").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn check(expected: &Path, update: bool) -> (i32, String) {
    let mut c = lede();
    c.args(["check", "fixtures", "-q", "--expected"]).arg(expected);
    if update {
        c.arg("--update");
    }
    let out = c.output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn check_fails_on_a_changed_field_and_passes_after_update() {
    let dir = tempfile::tempdir().unwrap();
    let exp = dir.path().join("expected");
    assert_eq!(check(&exp, true).0, 0);
    let files: Vec<_> = std::fs::read_dir(&exp).unwrap().map(|e| e.unwrap().path()).collect();
    let n = files.len();
    assert!(n >= 5, "at least one expected file per fixture");
    let (code, out) = check(&exp, false);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("ok: {n} documents")), "{out}");

    // Change one field of one expected file.
    let target = exp.join("fixtures_000_c98b3e06564cac78.txt~");
    let file = files.iter().find(|p| p.to_string_lossy().starts_with(&*target.to_string_lossy())).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let title = v["title"].clone();
    assert!(title.is_string(), "fixture 000 has a title");
    v["title"] = "Edited headline".into();
    std::fs::write(file, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    let (code, out) = check(&exp, false);
    assert_eq!(code, 1, "{out}");
    let expected_line = format!("  title: \"Edited headline\" → {title}");
    assert!(out.contains("fixtures/000_c98b3e06564cac78.txt: 1 differences"), "{out}");
    assert!(out.lines().any(|l| l == expected_line), "no line {expected_line:?} in\n{out}");
    assert!(out.contains(&format!("FAILED: 1 of {n}")), "{out}");

    assert_eq!(check(&exp, true).0, 0);
    let (code, out) = check(&exp, false);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn check_reports_missing_and_extra_documents() {
    let dir = tempfile::tempdir().unwrap();
    let exp = dir.path().join("expected");
    assert_eq!(check(&exp, true).0, 0);
    let first = std::fs::read_dir(&exp).unwrap().map(|e| e.unwrap().path()).min().unwrap();
    let stale = exp.join("gone.txt.json");
    std::fs::copy(&first, &stale).unwrap();
    std::fs::remove_file(&first).unwrap();
    let (code, out) = check(&exp, false);
    assert_eq!(code, 1);
    assert!(out.contains("new document, no expected file"), "{out}");
    assert!(out.contains("gone.txt.json: expected, but no input produced this document"), "{out}");
    assert_eq!(check(&exp, true).0, 0);
    assert!(!stale.exists(), "--update removes stale expected files");
    assert_eq!(check(&exp, false).0, 0);
}

#[test]
fn check_without_expected_dir_is_an_error() {
    let out = lede().args(["check", "fixtures", "-q", "--expected", "/nonexistent/lede-expected"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn eval_exits_2_on_unreadable_gold() {
    let out = lede().args(["eval", "--gold", "/nonexistent/gold.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read gold"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("g.jsonl");
    std::fs::write(&f, "{\"nothing\": 1}\n").unwrap();
    let out = lede().args(["eval", "--gold"]).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--task"));
}
