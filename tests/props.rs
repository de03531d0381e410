//! Property tests: random news-like text (capitalized words, every kind of
//! quotation mark, digits, currency and percent signs, HTML tags and
//! entities, newlines, multi-byte characters) through the cleaner, the
//! document model, the extractors and the whole pipeline. No panic, every
//! span valid (the checks shared with the fuzz targets), the same output for
//! any number of threads, and the cleaning properties that hold.
//!
//! Case counts are kept small so the suite stays fast in CI; the fuzz
//! targets under `fuzz/` explore the same contract for much longer.

#[path = "../fuzz/invariants.rs"]
mod invariants;

use lede::clean::{self, markup};
use lede::document::{Document, ParagraphKind};
use lede::extract::{self, Selection};
use lede::input::{Item, WalkOptions, Walker};
use lede::output::wire::{DocOut, ErrorOut};
use lede::pipeline::{self, Analyzed, Config, Outcome};
use proptest::prelude::*;

/// Pieces of news text and of the markup around it.
const PIECES: &[&str] = &[
    "The",
    "President",
    "Vladimir",
    "Putin",
    "Zelensky",
    "United Nations",
    "New York",
    "U.S.",
    "EU",
    "Kyiv",
    "Ministry of Defence",
    "Dr.",
    "Mr",
    "said",
    "told",
    "reporters",
    "according to",
    "added",
    "on",
    "in",
    "the",
    "of",
    "and",
    "a",
    "million",
    "billion",
    "tonnes",
    "per cent",
    "percent",
    "km",
    "people",
    "Monday",
    "Friday",
    "January",
    "June 30",
    "2022",
    "last week",
    "next year",
    "yesterday",
    "1990s",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "$",
    "€",
    "£",
    "¥",
    "%",
    "US$",
    "0",
    "7",
    "42",
    "1,000",
    "7,000",
    "3.5",
    "1.16",
    "12.5%",
    "$4.5bn",
    "€20",
    "½",
    "No. 1",
    "1st",
    "-",
    "–",
    "—",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "...",
    "…",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div class=\"ad\">",
    "</div>",
    "<b>",
    "</b>",
    "<a href=\"x\">",
    "</a>",
    "<h2>",
    "</h2>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<html>",
    "<body>",
    "</body>",
    "<title>",
    "</title>",
    "<",
    ">",
    "&amp;",
    "&nbsp;",
    "&quot;",
    "&#8220;",
    "&#x201D;",
    "&mdash;",
    "&bogus;",
    "&",
    "&#0;",
    "&#xD800;",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "é",
    "ü",
    "ß",
    "中国",
    "Київ",
    "🙂",
    "\u{200B}",
    "\u{00AD}",
    "\u{FEFF}",
    "\u{0301}",
    "Published:",
    "Advertisement",
    "Share this",
    "By",
    "Reuters",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,9}",
        1 => "[0-9]{1,7}",
    ]
}

/// A random article: pieces glued with spaces (or nothing).
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.8)), 0..160).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// Text with no markup at all (no `<` or `&`), for the cleaning properties.
fn plain_text() -> impl Strategy<Value = String> {
    news_text().prop_map(|s| s.replace(['<', '&', '\u{E000}'], " "))
}

fn analyzed_outcomes(out: &[Outcome]) -> impl Iterator<Item = &Analyzed> {
    out.iter().filter_map(|o| match o {
        Outcome::Doc(a) => Some(&**a),
        Outcome::Error(_) => None,
    })
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    /// Decode, clean, segment and extract: never a panic (which the
    /// pipeline would turn into an "internal error" record), every span valid.
    #[test]
    fn pipeline_spans_are_valid(text in news_text(), clean in any::<bool>(), dated in any::<bool>()) {
        let date = dated.then(|| chrono::NaiveDate::from_ymd_opt(2022, 6, 30).unwrap());
        let cfg = Config { clean, date, ..Config::default() };
        let out = pipeline::process(Item::Text { path: "-".into(), bytes: text.into_bytes() }, &cfg);
        prop_assert!(!out.is_empty());
        invariants::check_no_internal_error(&out);
        for a in analyzed_outcomes(&out) {
            invariants::check_analyzed(a);
        }
    }

    /// Each extractor alone, on a verbatim document: its spans are valid.
    #[test]
    fn each_extractor_alone(text in news_text(), which in 0usize..4) {
        let sel = [
            Selection { entities: true, ..Selection::NONE },
            Selection { dates: true, ..Selection::NONE },
            Selection { quotes: true, ..Selection::NONE },
            Selection { figures: true, ..Selection::NONE },
        ][which];
        let mut doc = Document::verbatim(text);
        doc.date = chrono::NaiveDate::from_ymd_opt(2022, 6, 30);
        let ex = extract::extract(&doc, sel);
        invariants::check_analyzed(&Analyzed { doc, ex });
    }

    /// A JSON Lines record with random text and title parses back and
    /// yields a document with valid spans.
    #[test]
    fn records_round_trip(text in news_text(), title in prop::option::of(news_text()), line in 1usize..100_000) {
        let rec = serde_json::json!({"id": "r", "text": text, "title": title, "date": "2022-06-30"}).to_string();
        let parsed = lede::input::Record::parse(&rec).unwrap();
        prop_assert_eq!(&parsed.text, &text);
        let out = pipeline::process(Item::RecordLine { path: "r.jsonl".into(), line, text: rec }, &Config::default());
        prop_assert_eq!(out.len(), 1);
        invariants::check_no_internal_error(&out);
        for a in analyzed_outcomes(&out) {
            prop_assert_eq!(a.doc.id.as_str(), "r");
            invariants::check_analyzed(a);
        }
    }

    /// `--no-clean` keeps the text byte for byte.
    #[test]
    fn verbatim_keeps_the_text(text in news_text()) {
        let doc = Document::verbatim(text.clone());
        prop_assert_eq!(&doc.text, &text);
        invariants::check_document(&doc);
    }

    /// Cleaned articles: paragraphs non-empty and trimmed, no markup
    /// control characters left, and the document built from them valid.
    #[test]
    fn cleaned_paragraphs_are_trimmed(text in news_text(), has_title in any::<bool>()) {
        let arts = clean::clean(&text, has_title);
        prop_assert!(!arts.is_empty(), "at least one article");
        for art in arts {
            let mut paras: Vec<(String, ParagraphKind)> = Vec::new();
            if let Some(t) = art.title {
                paras.push((t, ParagraphKind::Title));
            }
            paras.extend(art.paragraphs);
            for (p, _) in &paras {
                prop_assert!(!p.is_empty());
                prop_assert_eq!(p.trim(), p.as_str());
                prop_assert!(!p.contains('\r') && !p.contains('\0'), "{:?}", p);
            }
            invariants::check_document(&Document::from_paragraphs(&paras));
        }
    }

    /// Whitespace collapsing is idempotent.
    #[test]
    fn collapse_ws_is_idempotent(text in news_text()) {
        let once = markup::collapse_ws(&text);
        prop_assert_eq!(markup::collapse_ws(&once), once);
    }

    /// On text without markup, cleaning lines twice changes nothing: the
    /// lines (and the blank-line gaps the splitter relies on) are a fixpoint.
    #[test]
    fn plain_lines_are_a_fixpoint(text in plain_text()) {
        let lines = markup::to_lines(&text);
        let mut again = String::new();
        for (i, l) in lines.iter().enumerate() {
            let newlines = if i == 0 { l.gap_before.saturating_sub(1) } else { l.gap_before + 1 };
            again.push_str(&"\n".repeat(newlines));
            again.push_str(&l.text);
        }
        let twice = markup::to_lines(&again);
        let key = |v: &[markup::Line]| v.iter().map(|l| (l.text.clone(), l.gap_before)).collect::<Vec<_>>();
        prop_assert_eq!(key(&twice), key(&lines));
    }

    /// Entity decoding leaves text without `&` alone.
    #[test]
    fn decoding_without_ampersand_is_identity(text in plain_text()) {
        prop_assert_eq!(markup::decode_entities(&text), text);
    }
}

/// The whole run's output as JSON lines, as the CLI would print it.
fn run_lines(walker: &Walker, jobs: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let cfg = Config { jobs, ..Config::default() };
    pipeline::run(walker, &cfg, &mut |o: Outcome| {
        lines.push(match &o {
            Outcome::Doc(a) => serde_json::to_string(&DocOut::new(a, true)).unwrap(),
            Outcome::Error(e) => serde_json::to_string(&ErrorOut::from(e)).unwrap(),
        });
        Ok(())
    })
    .unwrap();
    lines
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..config() })]

    /// One thread or three: identical output, in input order, including the
    /// corpus-wide name resolution that depends on that order.
    #[test]
    fn threads_do_not_change_output(texts in prop::collection::vec(news_text(), 1..10), jsonl in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i:02}.txt")), t).unwrap();
        }
        if jsonl {
            let recs: String =
                texts.iter().map(|t| format!("{}\n", serde_json::json!({ "text": t }))).collect();
            std::fs::write(dir.path().join("zz.jsonl"), recs + "{broken\n").unwrap();
        }
        let walker = Walker::new(
            vec![dir.path().display().to_string()],
            &WalkOptions { max_bytes: 1 << 20, ..Default::default() },
        )
        .unwrap();
        let one = run_lines(&walker, 1);
        prop_assert!(one.len() >= texts.len());
        prop_assert_eq!(&one, &run_lines(&walker, 3));
    }
}
