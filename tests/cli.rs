//! End-to-end tests of `lede analyze`: formats, ordering, exit codes and
//! the classes of bad input, each with its error message.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

mod common;
use common::{jsonl, write};

fn lede() -> Command {
    Command::cargo_bin("lede").expect("binary built")
}

#[test]
fn fixtures_to_jsonl_one_record_per_article() {
    let out = lede().args(["analyze", "fixtures", "-f", "jsonl"]).assert().success().get_output().stdout.clone();
    let docs = jsonl(&out);
    // Five seed files (the listing page split into nine articles) and six
    // Wikinews articles.
    assert_eq!(docs.len(), 19);
    for d in &docs {
        assert_eq!(d["schema"], "lede/1");
        for key in ["id", "path", "title", "date", "date_source", "entities", "dates", "quotes", "figures", "warnings"]
        {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(d.get("text").is_none(), "text only with --text");
    }
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"fixtures/004_cfaf5ce1ad127c39.txt#9"), "{ids:?}");
    assert_eq!(docs[3]["title"], "china-Russia show unity");
    // Directories are walked in sorted order, files before subdirectories' files by name.
    assert!(ids[13].starts_with("fixtures/wikinews/2019-01-04-"), "{ids:?}");
    assert_eq!(docs[13]["date"], "2019-01-04");
    assert_eq!(docs[13]["date_source"], "dateline");
}

#[test]
fn same_output_for_any_number_of_jobs() {
    // Two spellings of one name in two documents: resolution renames the
    // second after a parallel worker has already printed it, so that
    // document must be printed again.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Kyiv talks\n\nVolodymyr Zelensky spoke in Kyiv on Monday.");
    write(dir.path(), "b.txt", b"Kyiv visit\n\nVolodymyr Zelenskyy spoke in Kyiv on Tuesday.");
    for format in ["jsonl", "json"] {
        let run = |j: &str| {
            lede()
                .args(["analyze", "fixtures", "-f", format, "--text", "-j", j])
                .arg(dir.path())
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let one = run("1");
        assert!(!one.is_empty());
        let two = run("2");
        assert_eq!(one, two, "{format}");
        assert_eq!(one, run("4"), "{format}");
        let text = String::from_utf8(two).unwrap();
        assert!(!text.contains("\"canonical\":\"Volodymyr Zelenskyy\""), "resolved in {format}");
        assert!(text.contains("\"text\":\"Volodymyr Zelenskyy\""), "{format}");
    }
}

#[test]
fn json_format_is_one_array() {
    let out = lede()
        .args(["analyze", "fixtures/000_c98b3e06564cac78.txt", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    // An empty run is still valid JSON.
    let dir = tempfile::tempdir().unwrap();
    let out = lede().args(["analyze", "-f", "json"]).arg(dir.path()).assert().success().get_output().stdout.clone();
    assert_eq!(serde_json::from_slice::<Value>(&out).unwrap(), Value::Array(vec![]));
}

#[test]
fn table_fits_100_columns() {
    let out = lede().args(["analyze", "fixtures", "-f", "table"]).assert().success().get_output().stdout.clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.contains("china-Russia show unity"));
    assert!(s.trim_end().ends_with("19 documents, 0 errors"), "{s}");
    for line in s.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
}

#[test]
fn offsets_are_code_points_into_text() {
    // With --text, every span's text equals text[start:end] counted in chars.
    let out =
        lede().args(["analyze", "fixtures", "-f", "jsonl", "--text"]).assert().success().get_output().stdout.clone();
    for d in jsonl(&out) {
        let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for list in ["entities", "dates", "quotes", "figures"] {
            for span in d[list].as_array().unwrap() {
                let (s, e) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
                let got: String = text[s..e].iter().collect();
                assert_eq!(got, span["text"].as_str().unwrap(), "{list} in {}", d["id"]);
            }
        }
    }
}

#[test]
fn no_clean_keeps_input_verbatim() {
    let dir = tempfile::tempdir().unwrap();
    let raw = "Head line\r\n\r\n<p>Body &amp; more</p>  \n";
    write(dir.path(), "a.txt", raw.as_bytes());
    let out = lede()
        .args(["analyze", "--no-clean", "--text", "-f", "jsonl"])
        .arg(dir.path().join("a.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let d = &jsonl(&out)[0];
    assert_eq!(d["text"], raw);
    assert_eq!(d["title"], "Head line");
}

#[test]
fn records_from_a_jsonl_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let recs = "{\"id\":\"r1\",\"text\":\"Talks ended on Thursday in Madrid.\",\"date\":\"2022-06-30\"}\n\n{\"text\":\"No id here, just text.\",\"title\":\"T\",\"url\":\"https://example.org/a\"}\n";
    write(dir.path(), "r.jsonl", recs.as_bytes());
    let out = lede()
        .args(["analyze", "-f", "jsonl"])
        .arg(dir.path().join("r.jsonl"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "r1");
    assert_eq!(docs[0]["date"], "2022-06-30");
    assert_eq!(docs[0]["date_source"], "record");
    assert!(docs[1]["id"].as_str().unwrap().ends_with("r.jsonl#3"), "line number of the record: {}", docs[1]["id"]);
    assert_eq!(docs[1]["title"], "T");
    assert_eq!(docs[1]["url"], "https://example.org/a");

    let out =
        lede().args(["analyze", "-", "-f", "jsonl"]).write_stdin(recs).assert().success().get_output().stdout.clone();
    let from_stdin = jsonl(&out);
    assert_eq!(from_stdin.len(), 2);
    assert_eq!(from_stdin[0]["id"], "r1");
    assert_eq!(from_stdin[1]["id"], "-#3");
}

#[test]
fn plain_text_on_stdin_is_one_document() {
    let out = lede()
        .args(["analyze", "-", "-f", "jsonl", "--date", "2022-06-30"])
        .write_stdin("A headline\n\nThe body of the article is here, and it is long enough.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "-");
    assert_eq!(docs[0]["title"], "A headline");
    assert_eq!(docs[0]["date_source"], "cli");
}

#[test]
fn bad_inputs_give_error_records_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.txt", b"Good title\n\nA good body paragraph for the article, with words.");
    write(d, "b_binary.txt", b"GIF89a\x00\x01\x02\x00binary");
    write(d, "c_latin1.txt", b"Caf\xe9 news\n\nThe caf\xe9 opened on Monday in the city centre.");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "UTF-16 title\n\nBody text of the sixteen-bit article.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(d, "d_utf16.txt", &utf16);
    write(d, "e_records.jsonl", b"{\"text\":\"fine record text here.\"}\n{not json\n{\"id\":\"x\"}\n[1,2]\n{\"text\":\"second fine record.\"}\n");
    write(d, "f_empty.txt", b"");
    write(d, "g_bom.txt", b"\xEF\xBB\xBFBOM title\n\nBody after a byte-order mark.");
    let assert = lede().args(["analyze", "-f", "jsonl", "-j", "2"]).arg(d).assert().code(1);
    let out = assert.get_output();
    let recs = jsonl(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let errors: Vec<&Value> = recs.iter().filter(|r| r.get("error").is_some()).collect();
    let docs: Vec<&Value> = recs.iter().filter(|r| r.get("error").is_none()).collect();
    // 7 inputs + 5 records: binary, 3 bad JSONL lines are errors; the rest documents.
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(docs.len(), 7, "{docs:?}");
    let err_of = |needle: &str| errors.iter().find(|e| e["path"].as_str().unwrap().contains(needle)).copied();
    assert!(err_of("b_binary").unwrap()["error"].as_str().unwrap().contains("binary"));
    let bad_lines: Vec<(u64, &str)> = errors
        .iter()
        .filter(|e| e.get("line").is_some())
        .map(|e| (e["line"].as_u64().unwrap(), e["error"].as_str().unwrap()))
        .collect();
    assert_eq!(bad_lines.len(), 3);
    assert_eq!(bad_lines[0].0, 2);
    assert!(bad_lines[0].1.starts_with("malformed JSON"));
    assert_eq!(bad_lines[1], (3, "record has no \"text\" field"));
    assert_eq!(bad_lines[2], (4, "a record must be a JSON object"));
    // Errors are also on stderr, naming the file (and line).
    assert!(stderr.contains("b_binary.txt: binary file"), "{stderr}");
    assert!(stderr.contains("e_records.jsonl:2: malformed JSON"), "{stderr}");
    // Lossy decoding warns, in the record and on stderr.
    let latin = docs.iter().find(|d| d["path"].as_str().unwrap().contains("c_latin1")).unwrap();
    assert!(latin["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    assert!(stderr.contains("warning:"), "{stderr}");
    let utf16_doc = docs.iter().find(|d| d["path"].as_str().unwrap().contains("d_utf16")).unwrap();
    assert_eq!(utf16_doc["title"], "UTF-16 title");
    let bom = docs.iter().find(|d| d["path"].as_str().unwrap().contains("g_bom")).unwrap();
    assert_eq!(bom["title"], "BOM title");
}

#[test]
fn missing_path_and_oversized_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", &vec![b'a'; 2000]);
    let assert = lede()
        .args(["analyze", "-f", "jsonl", "--max-bytes", "1000", "no/such/file.txt"])
        .arg(dir.path().join("big.txt"))
        .assert()
        .code(1);
    let recs = jsonl(&assert.get_output().stdout);
    assert_eq!(recs[0]["error"], "no such file or directory");
    assert!(recs[1]["error"].as_str().unwrap().contains("larger than --max-bytes (1000 bytes)"));
}

#[test]
fn usage_errors_exit_2() {
    lede().args(["analyze", "--format", "xml", "fixtures"]).assert().code(2);
    lede().args(["analyze", "--only", "colours", "fixtures"]).assert().code(2);
    lede().args(["analyze", "--date", "30/06/2022", "fixtures"]).assert().code(2);
    lede().args(["analyze", "-j", "0", "fixtures"]).assert().code(2);
    let out = lede().args(["analyze", "--include", "[", "fixtures"]).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8_lossy(&out).contains("invalid glob"));
}

#[test]
fn include_exclude_and_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["a.txt", "b.md", ".hidden.txt", "c.txt"] {
        write(d, name, b"Title here\n\nSome body text for the test article.");
    }
    let ids = |extra: &[&str]| -> Vec<String> {
        let out =
            lede().args(["analyze", "-f", "jsonl"]).args(extra).arg(d).assert().success().get_output().stdout.clone();
        jsonl(&out)
            .iter()
            .map(|r| Path::new(r["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(ids(&[]), ["a.txt", "c.txt"]);
    assert_eq!(ids(&["--include", "*.md"]), ["b.md"]);
    assert_eq!(ids(&["--exclude", "c.*"]), ["a.txt"]);
}

#[test]
fn only_selects_extractors_and_output_file_is_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    lede().args(["analyze", "fixtures", "--only", "none", "-o"]).arg(&target).assert().success();
    let text = std::fs::read(&target).unwrap();
    let docs = jsonl(&text);
    assert_eq!(docs.len(), 19);
    assert!(docs.iter().all(|d| d["entities"].as_array().unwrap().is_empty()));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// The progress spinner is drawn on a terminal only. `script` runs the
/// binary on a pseudo-terminal; with stderr piped, or with `--quiet`, stderr
/// stays empty. Skipped where util-linux `script` is missing.
#[test]
fn progress_only_on_a_terminal_and_never_with_quiet() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` not found (needed for a pseudo-terminal)");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("lede");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let on_tty = |extra: &str| {
        let cmd = format!("{} analyze fixtures -f jsonl -o {} {extra}", bin.display(), out.display());
        // A real terminal type: the spinner library draws nothing on "dumb".
        let o = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(on_tty("").contains("documents"), "no spinner on a terminal");
    assert!(!on_tty("--quiet").contains("documents"), "spinner despite --quiet");
    let piped = lede().args(["analyze", "fixtures", "-f", "jsonl"]).assert().success().get_output().stderr.clone();
    assert!(piped.is_empty(), "stderr not empty when piped: {}", String::from_utf8_lossy(&piped));
}
