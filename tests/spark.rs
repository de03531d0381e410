//! The PySpark job (`examples/spark/lede_spark.py`) run for real on Spark in
//! local mode, checked against the single-machine run.
//!
//! What "equal" means: `lede` resolves entity canonical names across the
//! documents of one run, so a document's `canonical`/`speaker` fields may
//! depend on the documents before it in the same `lede` process. Hence:
//! 1. every Spark partition's output equals, byte for byte,
//!    `lede analyze - -f jsonl` over the same records in the same order;
//! 2. all partitions together, in order, equal the single-machine run over
//!    all records, byte for byte once the run-dependent name fields are
//!    set aside (all other fields are per-document).
//! 3. the merged report equals `lede report` over all records, when the
//!    binary has `lede report --merge`.
//!
//! Skips (with a message) when `../shared` is absent or pyspark/java are not
//! available. Python: `$LEDE_SPARK_PYTHON`, else the CI venv
//! `target/pyspark-venv`, else `python3`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn python() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("LEDE_SPARK_PYTHON").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyspark-venv/bin/python")),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .args(["-c", "import pyspark"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

fn lede(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "lede {args:?} failed: {:?}", out.status);
    out.stdout
}

/// A document line with the run-dependent name fields removed.
fn per_document(line: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
    for (list, field) in [("entities", "canonical"), ("quotes", "speaker")] {
        if let Some(items) = v.get_mut(list).and_then(|l| l.as_array_mut()) {
            for item in items {
                if let Some(o) = item.as_object_mut() {
                    o.remove(field);
                }
            }
        }
    }
    v
}

#[test]
fn spark_local_mode_equals_single_machine() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wikinews = root.join("../shared/corpora/wikinews");
    if !wikinews.is_dir() {
        eprintln!("skipping: {} is absent", wikinews.display());
        return;
    }
    let Some(py) = python() else {
        eprintln!("skipping: pyspark is not importable (see .ci/run for the venv)");
        return;
    };
    if !Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success()) {
        eprintln!("skipping: java is not installed");
        return;
    }
    let job = root.join("examples/spark/lede_spark.py");
    let fixtures = root.join("fixtures");
    let inputs = [fixtures.to_str().unwrap(), wikinews.to_str().unwrap()];

    let records = Command::new(&py).arg(&job).arg("--records-only").args(inputs).output().unwrap();
    assert!(records.status.success(), "{}", String::from_utf8_lossy(&records.stderr));
    let records: Vec<&[u8]> = records.stdout.split_inclusive(|&b| b == b'\n').collect();
    assert!(records.len() > 300, "only {} records", records.len());

    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("run");
    let run = Command::new(&py)
        .arg(&job)
        .args(["--lede", env!("CARGO_BIN_EXE_lede"), "--master", "local[2]", "--partitions", "3", "--out"])
        .arg(&out_dir)
        .args(inputs)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "spark job failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("spark job: {}", String::from_utf8_lossy(&run.stdout).trim());

    // 1. Each partition equals the single-machine run over its records.
    let docs = out_dir.join("documents");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("part-"))
        .collect();
    parts.sort();
    assert_eq!(parts.len(), 3);
    let mut next = 0usize;
    let mut spark_lines = Vec::new();
    for part in &parts {
        let text = std::fs::read_to_string(part).unwrap();
        let n = text.lines().count();
        assert!(n > 0, "{} is empty", part.display());
        let slice = records[next..next + n].concat();
        let reference = String::from_utf8(lede(&["analyze", "-", "--format", "jsonl", "--quiet"], &slice)).unwrap();
        assert_eq!(text, reference, "{} differs from the single-machine run over its records", part.display());
        spark_lines.extend(text.lines().map(str::to_string));
        next += n;
    }
    assert_eq!(next, records.len(), "one output line per record");

    // 2. Together, in order, they equal one run over all records.
    let all = records.concat();
    let whole = String::from_utf8(lede(&["analyze", "-", "--format", "jsonl", "--quiet"], &all)).unwrap();
    let whole: Vec<&str> = whole.lines().collect();
    assert_eq!(whole.len(), spark_lines.len());
    for (s, w) in spark_lines.iter().zip(&whole) {
        assert_eq!(per_document(s), per_document(w));
    }

    // 3. The merged report, when this binary can merge.
    let report = out_dir.join("report.json");
    if report.exists() {
        let merged: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        let single = lede(&["report", "-", "--quiet", "--format", "json"], &all);
        let single: serde_json::Value = serde_json::from_slice(&single).unwrap();
        assert_eq!(merged, single, "merged partial reports differ from the single-machine report");
    } else {
        eprintln!("note: no report.json (this lede has no `report --merge`); documents checked only");
    }
}
