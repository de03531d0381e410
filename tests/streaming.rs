//! Streaming mode: `lede analyze -` as a filter in a pipe.
//!
//! A record written to stdin must come back as one output line before the
//! next record is written (no waiting for end of input), a bad record must
//! become an error line without ending the stream, and plain text on stdin
//! stays one document.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Long enough for a loaded CI machine, short enough that a stuck stream fails.
const WAIT: Duration = Duration::from_secs(60);

fn spawn(args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn lede");
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    (child, rx)
}

fn record(id: usize) -> String {
    format!(
        "{{\"id\":\"r{id}\",\"text\":\"Report {id}\\n\\nAlice Smith said the council spent $4 million on {id} roads in March 2020.\"}}\n"
    )
}

fn json(line: &str) -> serde_json::Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
}

#[test]
fn each_record_comes_back_before_the_next_is_written() {
    for jobs in ["1", "2"] {
        let (mut child, rx) = spawn(&["analyze", "-", "--format", "jsonl", "--jobs", jobs]);
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..5 {
            if i == 2 {
                // A malformed record: an error line, and the stream goes on.
                stdin.write_all(b"{\"id\":\"bad\",\"text\":\n").unwrap();
                stdin.flush().unwrap();
                let line = rx.recv_timeout(WAIT).expect("no error line for the malformed record");
                let v = json(&line);
                assert!(v.get("error").is_some(), "expected an error record, got {line}");
                assert_eq!(v["line"], 3, "{line}");
                continue;
            }
            stdin.write_all(record(i).as_bytes()).unwrap();
            stdin.flush().unwrap();
            let line = rx
                .recv_timeout(WAIT)
                .unwrap_or_else(|_| panic!("jobs={jobs}: record {i} was not answered while stdin stayed open"));
            let v = json(&line);
            assert_eq!(v["id"], format!("r{i}"), "{line}");
        }
        drop(stdin);
        assert!(rx.recv_timeout(WAIT).is_err(), "no extra output after the last record");
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "a failed record makes the exit code 1");
    }
}

#[test]
fn plain_text_on_stdin_is_one_document() {
    let (mut child, rx) = spawn(&["analyze", "-", "--format", "jsonl"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"A headline\n\nFirst paragraph of the story.\n\n{not a record}\n\nLast paragraph.\n").unwrap();
    drop(stdin);
    let first = rx.recv_timeout(WAIT).expect("one document");
    let v = json(&first);
    assert_eq!(v["id"], "-", "{first}");
    assert!(rx.recv_timeout(WAIT).is_err(), "plain text must not be split into records");
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
