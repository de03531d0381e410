//! Snapshot tests over `fixtures/`: the full `lede/1` output of every
//! fixture document (cleaned text included) is pinned in
//! `tests/snapshots/`. A change in cleaning or in any extractor shows up
//! here as a reviewable diff; accept intended changes with
//! `INSTA_UPDATE=always cargo test --test fixtures` (or `cargo insta review`).

use lede::input::{WalkOptions, Walker};
use lede::output::wire::DocOut;
use lede::pipeline::{self, Config, Outcome};

fn analyze_fixtures() -> Vec<DocOut> {
    let walker =
        Walker::new(vec!["fixtures".into()], &WalkOptions { max_bytes: 1 << 24, ..Default::default() }).unwrap();
    let mut docs = Vec::new();
    pipeline::run(&walker, &Config::default(), &mut |o: Outcome| {
        match o {
            Outcome::Doc(a) => docs.push(DocOut::new(&a, true)),
            Outcome::Error(e) => panic!("fixture failed: {e}"),
        }
        Ok(())
    })
    .unwrap();
    docs
}

#[test]
fn every_fixture_document_matches_its_snapshot() {
    let docs = analyze_fixtures();
    assert_eq!(docs.len(), 19);
    for doc in docs {
        // Snapshot names from ids: `fixtures/004_x.txt#2` → `004_x.txt-2`.
        let name = doc.id.trim_start_matches("fixtures/").replace(['/', '#'], "-");
        insta::assert_json_snapshot!(name, doc);
    }
}

#[test]
fn seed_cleaning_keeps_headings_and_drops_furniture() {
    let docs = analyze_fixtures();
    let text = |id: &str| docs.iter().find(|d| d.id.ends_with(id)).unwrap().text.clone().unwrap();
    let t000 = text("000_c98b3e06564cac78.txt");
    for heading in ["\n\nGrain export\n\n", "\n\n“As long as it takes”\n\n", "\n\n“Uninterrupted bombardment”\n\n"]
    {
        assert!(t000.contains(heading), "heading {heading:?} kept");
    }
    let t001 = text("001_fbe121efbb17706c.txt");
    assert!(t001.contains("\n\nenergy agreement\n\n"));
    assert!(t001.ends_with("counter US influence on the international scene."));
    let t002 = text("002_64544a1b1c316c0f.txt");
    assert!(t002.contains("Mr Wang held talks with Russian foreign minister Sergei Lavrov"));
    assert!(!t002.contains("smokes a cigarette"), "figure caption dropped");
    let t003 = text("003_7000b0b140722ccd.txt");
    assert!(t003.starts_with("china-Russia show unity\n\nChinese President Xi Jinping"));
    let all: String = docs.iter().filter_map(|d| d.text.clone()).collect::<Vec<_>>().join("\n");
    for furniture in [
        "Advertisement",
        "Related News",
        "Related articles",
        "Recent articles",
        "Leave A Reply",
        "Please enter",
        "Continue Reading",
        "Most Viewed",
        "You cannot copy",
        "Exit mobile version",
        "Subscribe to get",
        "Discover more",
        "spot_img",
        "Connect with us",
        "17.8 C",
        "Published:",
        "Editor's Pick",
        "&Tab;",
        "&comma;",
        "<p>",
        "</",
        "getAdSnippetCallback",
        "wpcnt",
        "New York\n",
    ] {
        assert!(!all.contains(furniture), "furniture {furniture:?} left in the text");
    }
}
