//! Acceptance over the real corpora in `../shared/corpora` (Wikinews and
//! BBC plain-text articles): every file is one document with the right
//! title and reference date, and no body paragraph is lost.
//!
//! These corpora are not part of the repository; without `../shared` the
//! test says so and passes.

use lede::input::{WalkOptions, Walker};
use lede::pipeline::{self, Analyzed, Config, Outcome};
use std::path::Path;

fn corpus(dir: &str) -> Option<Vec<std::path::PathBuf>> {
    let p = Path::new("../shared/corpora").join(dir);
    if !p.is_dir() {
        eprintln!("skipping: {} not found (the shared corpora sit beside the checkout in CI)", p.display());
        return None;
    }
    let mut files: Vec<_> = std::fs::read_dir(&p)
        .unwrap()
        .flat_map(|e| {
            let e = e.unwrap().path();
            if e.is_dir() { std::fs::read_dir(e).unwrap().map(|f| f.unwrap().path()).collect() } else { vec![e] }
        })
        .filter(|f| f.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Some(files)
}

fn analyze(files: &[std::path::PathBuf]) -> Vec<Analyzed> {
    let paths = files.iter().map(|f| f.display().to_string()).collect();
    let walker = Walker::new(paths, &WalkOptions { max_bytes: 1 << 24, ..Default::default() }).unwrap();
    let mut out = Vec::new();
    let cfg = Config { jobs: 2, select: lede::extract::Selection::NONE, ..Config::default() };
    pipeline::run(&walker, &cfg, &mut |o: Outcome| {
        match o {
            Outcome::Doc(a) => out.push(*a),
            Outcome::Error(e) => panic!("{e}"),
        }
        Ok(())
    })
    .unwrap();
    out
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks one corpus; returns (documents, paragraphs checked, paragraphs lost).
fn check(files: &[std::path::PathBuf]) -> (usize, usize, Vec<String>) {
    let docs = analyze(files);
    assert_eq!(docs.len(), files.len(), "every file yields exactly one document");
    let (mut checked, mut lost) = (0, Vec::new());
    for (a, f) in docs.iter().zip(files) {
        let raw = std::fs::read_to_string(f).unwrap();
        let raw = lede::clean::markup::decode_entities(&raw);
        let mut lines = raw.lines().map(normalize).filter(|l| !l.is_empty());
        let title = lines.next().unwrap();
        assert_eq!(a.doc.title.as_deref(), Some(title.as_str()), "title of {}", f.display());
        let mut dateline = None;
        for (i, l) in lines.enumerate() {
            if i < 4
                && dateline.is_none()
                && let Some((d, lede::document::DateSource::Dateline)) = lede::clean::dateline::parse_line(&l)
            {
                dateline = Some(d);
                continue;
            }
            // A body paragraph: a sentence of at least three words.
            if l.split(' ').count() >= 3 && l.ends_with(['.', '"', '”', '?', '!']) {
                checked += 1;
                if !a.doc.text.contains(&l) {
                    lost.push(format!("{}: {l}", f.display()));
                }
            }
        }
        assert_eq!(a.doc.date, dateline, "reference date of {}", f.display());
    }
    (docs.len(), checked, lost)
}

#[test]
fn wikinews_titles_dates_and_paragraphs() {
    let Some(files) = corpus("wikinews") else { return };
    let (docs, checked, lost) = check(&files);
    assert!(docs >= 290, "{docs}");
    assert!(checked > 2000, "{checked}");
    assert!(lost.is_empty(), "lost paragraphs:\n{}", lost.join("\n"));
}

#[test]
fn bbc_sample_titles_and_paragraphs() {
    let Some(files) = corpus("bbc") else { return };
    let sample: Vec<_> = files.into_iter().step_by(5).collect();
    let (docs, checked, lost) = check(&sample);
    assert_eq!(docs, 445);
    assert!(checked > 1500, "{checked}");
    assert!(lost.is_empty(), "lost paragraphs:\n{}", lost.join("\n"));
}
