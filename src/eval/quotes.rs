//! Scoring against the `quotes` gold format (PolNeAR-derived, see
//! `../shared/eval/quotes/README.md`).
//!
//! Detection: a prediction matches a gold quote when the spans overlap by
//! at least half of the shorter one. Predictions that match nothing but
//! overlap a `quoted_other` span, or that use single quotation marks (which
//! the gold converter never looked at), are left out of precision; the
//! strict row counts them as false positives. Speaker accuracy is measured
//! on matched gold quotes whose speaker is a name.

use super::{Prf, Scorecard};
use crate::document::{Document, Span};
use crate::extract::{QuoteKind, entities, quotes};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    #[serde(default)]
    speaker_is_pronoun: bool,
}

#[derive(Deserialize)]
struct Other {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct Record {
    text: String,
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    quoted_other: Vec<Other>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn matches(a: (usize, usize), b: (usize, usize)) -> bool {
    let shorter = (a.1 - a.0).min(b.1 - b.0).max(1);
    2 * overlap(a, b) >= shorter
}

/// Capitalized function words and pronouns that do not make a gold speaker
/// a name. The scorer's own list, frozen: the extractor's word lists change
/// as it improves, and the set of scored quotes (the denominator of speaker
/// accuracy) must not change with them.
const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "So",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Your",
    "He",
    "She",
    "They",
    "We",
    "It",
    "I",
    "Yet",
    "Still",
    "Meanwhile",
    "Asked",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "If",
    "Then",
    "Now",
    "Some",
    "Many",
    "Other",
    "Both",
    "According",
    "For",
    "With",
    "From",
    "Speaking",
    "Earlier",
    "Later",
    "Also",
];

/// A gold speaker counts as a name when it holds a capitalized word that is
/// not a function word or pronoun ("Retired Lt. Gen. Michael Flynn" yes,
/// "The spokesman" and "officials" no).
pub fn is_name(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !NOT_NAME_WORDS.contains(&w))
}

#[derive(Default)]
struct Tally {
    all: Prf,
    full: Prf,
    partial: Prf,
    strict_fp: f64,
    ignored_other: usize,
    ignored_single: usize,
    // confusion[gold][pred]: gold full/partial × pred full/partial/scare.
    confusion: [[usize; 3]; 2],
    speaker_total: usize,
    speaker_right: usize,
    speaker_none: usize,
    pronoun_matched: usize,
    null_matched: usize,
    pred_scare_unmatched: usize,
}

fn kind_ix(k: QuoteKind) -> usize {
    match k {
        QuoteKind::Full => 0,
        QuoteKind::Partial => 1,
        QuoteKind::Scare => 2,
    }
}

fn score_record(r: &Record, t: &mut Tally) {
    let doc = Document::verbatim(r.text.clone());
    let ents = entities::extract(&doc);
    let preds = quotes::extract(&doc, &ents);
    let cp = |s: Span| (doc.char_offset(s.start), doc.char_offset(s.end));
    let pspans: Vec<(usize, usize)> = preds.iter().map(|q| cp(q.span)).collect();
    let mut used = vec![false; preds.len()];
    for g in &r.quotes {
        let gs = (g.start, g.end);
        let hit = (0..preds.len()).find(|&i| !used[i] && matches(pspans[i], gs));
        let row = if g.kind == "full" { &mut t.full } else { &mut t.partial };
        let Some(i) = hit else {
            row.fn_ += 1.0;
            t.all.fn_ += 1.0;
            continue;
        };
        used[i] = true;
        row.tp += 1.0;
        t.all.tp += 1.0;
        t.confusion[usize::from(g.kind != "full")][kind_ix(preds[i].kind)] += 1;
        if g.speaker_is_pronoun {
            t.pronoun_matched += 1;
            continue;
        }
        let (Some(gsp), Some(a), Some(b)) = (&g.speaker, g.speaker_start, g.speaker_end) else {
            t.null_matched += 1;
            continue;
        };
        if !is_name(gsp) {
            continue;
        }
        t.speaker_total += 1;
        let q = &preds[i];
        let right = match (&q.speaker, q.speaker_span) {
            (Some(name), span) => {
                let lname = name.to_lowercase();
                let lgold = gsp.to_lowercase();
                span.is_some_and(|s| overlap(cp(s), (a, b)) > 0)
                    || lgold.contains(&lname)
                    || lname.split_whitespace().last().is_some_and(|l| lgold.contains(l))
            }
            (None, _) => {
                t.speaker_none += 1;
                false
            }
        };
        if right {
            t.speaker_right += 1;
        } else if std::env::var_os("LEDE_EVAL_QUOTES_MISSES").is_some() {
            // Development aid: show what was credited instead of the gold speaker.
            let ctx_end = doc.text.len().min(q.span.end + 120);
            let mut ce = ctx_end;
            while !doc.text.is_char_boundary(ce) {
                ce -= 1;
            }
            let mut cs = q.span.start.saturating_sub(120);
            while !doc.text.is_char_boundary(cs) {
                cs += 1;
            }
            eprintln!(
                "MISS gold={gsp:?} pred={:?} verb={:?} | {}",
                q.speaker,
                q.verb,
                doc.text[cs..ce].replace('\n', " ")
            );
        }
    }
    for (i, q) in preds.iter().enumerate() {
        if used[i] {
            continue;
        }
        t.strict_fp += 1.0;
        let ps = pspans[i];
        if r.quoted_other.iter().any(|o| overlap(ps, (o.start, o.end)) > 0) {
            t.ignored_other += 1;
            continue;
        }
        // Single-mark quotations were never annotated in this gold.
        let before = doc.text[..q.span.start].trim_end();
        if before.ends_with(['‘', '\'']) && !before.ends_with("''") {
            t.ignored_single += 1;
            continue;
        }
        t.all.fp += 1.0;
        match q.kind {
            QuoteKind::Full => t.full.fp += 1.0,
            QuoteKind::Partial => t.partial.fp += 1.0,
            QuoteKind::Scare => t.pred_scare_unmatched += 1,
        }
    }
}

/// Scores the extractor against the gold file at `path`.
pub fn score(path: &Path) -> Result<Scorecard, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut t = Tally::default();
    let mut n = 0;
    for (ln, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), ln + 1))?;
        score_record(&r, &mut t);
        n += 1;
    }
    let strict = Prf { tp: t.all.tp, fp: t.strict_fp, fn_: t.all.fn_ };
    let mut rows = vec![
        Scorecard::prf_row("all quotes", &t.all),
        Scorecard::prf_row("gold full", &t.full),
        Scorecard::prf_row("gold partial", &t.partial),
        Scorecard::prf_row("all (strict)", &strict),
    ];
    let acc = if t.speaker_total == 0 { 0.0 } else { t.speaker_right as f64 / t.speaker_total as f64 };
    rows.push(vec![
        "speaker (named gold)".into(),
        format!("{acc:.3}"),
        String::new(),
        String::new(),
        format!("{}", t.speaker_right),
        format!("{}", t.speaker_total - t.speaker_right),
        String::new(),
    ]);
    let c = &t.confusion;
    let notes = vec![
        format!(
            "{n} articles. Full/partial rows: recall by gold kind, false positives by predicted kind (unmatched scare predictions: {} counted in 'all' only).",
            t.pred_scare_unmatched
        ),
        format!(
            "Left out of precision: {} unmatched predictions overlapping quoted_other, {} single-mark quotations (not annotated in this gold).",
            t.ignored_other, t.ignored_single
        ),
        format!(
            "Kind of matched predictions — gold full: full {} / partial {} / scare {}; gold partial: full {} / partial {} / scare {}.",
            c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2]
        ),
        format!(
            "Speaker: {} named gold speakers scored ({} with no predicted speaker); {} pronoun and {} null gold speakers scored for detection only.",
            t.speaker_total, t.speaker_none, t.pronoun_matched, t.null_matched
        ),
    ];
    Ok(Scorecard {
        title: format!("quotes on {}", path.display()),
        columns: Scorecard::prf_columns("quotes"),
        rows,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_rule_and_names() {
        assert!(matches((0, 10), (5, 30)));
        assert!(!matches((0, 10), (6, 30)));
        assert!(is_name("Retired Lt. Gen. Michael Flynn"));
        assert!(!is_name("The spokesman"));
        assert!(!is_name("officials"));
    }

    #[test]
    fn dev_gold_scores() {
        let p = Path::new("../shared/eval/quotes/dev.jsonl");
        if !p.exists() {
            eprintln!("skipping: {} not present", p.display());
            return;
        }
        if std::env::var("LEDE_EVAL_QUOTES").is_err() {
            eprintln!("skipping: set LEDE_EVAL_QUOTES=1 to score the dev gold");
            return;
        }
        let card = score(p).unwrap();
        println!("{}", card.render());
    }
}
