//! `lede schema` describes what `lede analyze` and `lede report` print;
//! `lede completions` and `lede man` work.

use assert_cmd::Command;
use serde_json::Value;

fn lede() -> Command {
    let mut c = Command::cargo_bin("lede").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn validator(kind: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&stdout(lede().args(["schema", kind]))).unwrap();
    jsonschema::validator_for(&schema).expect("lede schema prints a valid JSON Schema")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn analyze_output_validates_against_the_schema() {
    let v = validator("output");
    let out = stdout(lede().args(["analyze", "fixtures", "-f", "jsonl", "-q", "--text"]));
    let mut n = 0;
    for line in out.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        assert_eq!(errors(&v, &doc), Vec::<String>::new(), "{line}");
        n += 1;
    }
    assert!(n >= 5, "only {n} documents");

    // Failed inputs are records too.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"\0\x01\x02\x03").unwrap();
    let out = lede().args(["analyze", "-f", "jsonl", "-q"]).arg(dir.path()).output().unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let rec: Value = serde_json::from_str(line.trim()).unwrap();
    assert!(rec.get("error").is_some(), "{line}");
    assert!(v.is_valid(&rec));
}

#[test]
fn schema_rejects_what_the_format_does_not_allow() {
    let v = validator("output");
    let out = stdout(lede().args(["analyze", "fixtures/000_c98b3e06564cac78.txt", "-f", "jsonl", "-q"]));
    let mut doc: Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v.is_valid(&doc));
    doc["surprise"] = Value::from(1);
    assert!(!v.is_valid(&doc), "unknown fields must be rejected");
    doc.as_object_mut().unwrap().remove("surprise");
    doc["entities"] = serde_json::json!([{"text": "X", "type": "PERSON", "start": 0, "end": 1}]);
    assert!(!v.is_valid(&doc), "an entity without canonical must be rejected");
    doc["entities"] = serde_json::json!([]);
    doc["date_source"] = Value::from("guess");
    assert!(!v.is_valid(&doc), "date_source is an enum");
}

#[test]
fn report_output_validates_against_the_report_schema() {
    let v = validator("report");
    let out = stdout(lede().args(["report", "fixtures", "-f", "json", "-q"]));
    let rep: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(errors(&v, &rep), Vec::<String>::new());
    let mut bad = rep.clone();
    bad["documents"] = Value::from("five");
    assert!(!v.is_valid(&bad));
}

#[test]
fn completions_and_man_page_generate() {
    for shell in ["bash", "zsh", "fish"] {
        let s = stdout(lede().args(["completions", shell]));
        assert!(s.contains("report") && s.contains("expected"), "{shell} completion lacks subcommands");
    }
    let man = stdout(lede().arg("man"));
    assert!(man.starts_with(".ie") || man.contains(".TH"), "not roff");
    assert!(man.contains("lede"));
}
