//! The JSON Lines record reader: `Record::parse` on an arbitrary line, then
//! the whole pipeline on it as an `Item::RecordLine`. A bad line must give
//! exactly one error record carrying its line number; a good one, documents
//! that keep every invariant. A panic caught by the pipeline ("internal
//! error") counts as a crash too.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use lede::input::{Item, Record};
use lede::pipeline::{self, Config, Outcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data).into_owned();
    let parsed = Record::parse(&line);
    if let Ok(rec) = &parsed {
        let _ = rec.parsed_date();
        let _ = rec.id_string();
    }
    for clean in [true, false] {
        let cfg = Config { clean, ..Config::default() };
        let out = pipeline::process(Item::RecordLine { path: "f.jsonl".into(), line: 7, text: line.clone() }, &cfg);
        match (&parsed, &out[..]) {
            (Err(msg), [Outcome::Error(e)]) => {
                assert_eq!(e.line, Some(7));
                assert_eq!(&e.message, msg);
            }
            (Ok(_), outs) => {
                assert!(!outs.is_empty(), "a good record gives a document");
                for o in outs {
                    match o {
                        Outcome::Doc(a) => invariants::check_analyzed(a),
                        Outcome::Error(e) => panic!("good record gave an error: {e}"),
                    }
                }
            }
            (Err(_), other) => panic!("bad record gave {other:?}"),
        }
    }
});
