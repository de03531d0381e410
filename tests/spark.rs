//! The PySpark job (`examples/spark/lede_spark.py`) run for real on Spark in
//! local mode, checked against the single-machine run.
//!
//! What "equal" means: every field. The job resolves person names across
//! partitions the way one run does (map: partial reports; reduce: merged
//! report and alias map; map: documents analyzed with the map), so:
//! 1. all partitions together, in order, equal `lede analyze` over all
//!    records, byte for byte (entity canonicals and speakers included);
//! 2. the merged report equals `lede report` over all records.
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

/// Reference date for undated documents, passed through the job to lede.
const REFERENCE_DATE: &str = "2022-06-30";

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
        // Analysis options after `--` reach both passes (report and analyze).
        .args(["--", "--date", REFERENCE_DATE])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "spark job failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("spark job: {}", String::from_utf8_lossy(&run.stdout).trim());

    // 1. All partitions, in order, equal one run over all records.
    let docs = out_dir.join("documents");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("part-"))
        .collect();
    parts.sort();
    assert_eq!(parts.len(), 3);
    let mut spark = String::new();
    for part in &parts {
        let text = std::fs::read_to_string(part).unwrap();
        assert!(!text.is_empty(), "{} is empty", part.display());
        spark.push_str(&text);
    }
    let all = records.concat();
    let whole =
        String::from_utf8(lede(&["analyze", "-", "--format", "jsonl", "--quiet", "--date", REFERENCE_DATE], &all))
            .unwrap();
    assert_eq!(spark.lines().count(), records.len(), "one output line per record");
    for (i, (s, w)) in spark.lines().zip(whole.lines()).enumerate() {
        assert_eq!(s, w, "record {i} differs from the single-machine run");
    }
    assert_eq!(spark, whole);
    let names = std::fs::read_to_string(out_dir.join("names.json")).unwrap();
    assert!(names.contains("lede-names/1"), "the alias map is written beside the report: {names}");

    // 2. The merged report equals the single-machine report.
    let report = out_dir.join("report.json");
    let merged: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let single = lede(&["report", "-", "--quiet", "--format", "json", "--date", REFERENCE_DATE], &all);
    let single: serde_json::Value = serde_json::from_slice(&single).unwrap();
    assert_eq!(merged, single, "merged partial reports differ from the single-machine report");
}
