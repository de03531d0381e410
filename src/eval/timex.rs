//! Scoring against the `timex` gold format (TempEval-3 Task A).
//!
//! Each gold document is run through the extractor exactly as `--no-clean`
//! would (verbatim text, the document creation time as reference date), so
//! gold offsets index our text. Extraction is scored strict (identical span)
//! and relaxed (overlapping span); over the relaxed matches the type and
//! value are checked, and value F1 counts a relaxed match with the right
//! value as the only true positive.

use super::{Prf, Scorecard};
use crate::document::Document;
use crate::extract::dates;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct GoldDoc {
    dct: String,
    text: String,
    timexes: Vec<GoldTimex>,
}

#[derive(Deserialize)]
struct GoldTimex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// Scores the extractor against the gold file at `path`.
pub fn score(path: &Path) -> Result<Scorecard, String> {
    let body = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut strict, mut relaxed, mut value) = (Prf::default(), Prf::default(), Prf::default());
    let (mut type_ok, mut value_ok, mut matched) = (0usize, 0usize, 0usize);
    let mut docs = 0;
    for (ln, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let g: GoldDoc = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), ln + 1))?;
        docs += 1;
        let mut doc = Document::verbatim(g.text.clone());
        doc.date = chrono::NaiveDate::parse_from_str(&g.dct, "%Y-%m-%d").ok();
        let sys = dates::extract(&doc);
        // Gold spans are code points; convert ours.
        let sys: Vec<(usize, usize, &dates::TimeExpr)> =
            sys.iter().map(|t| (doc.char_offset(t.span.start), doc.char_offset(t.span.end), t)).collect();
        let mut used = vec![false; sys.len()];
        for gt in &g.timexes {
            let hit = sys.iter().enumerate().find(|(k, (s, e, _))| !used[*k] && *s < gt.end && gt.start < *e);
            match hit {
                Some((k, (s, e, t))) => {
                    used[k] = true;
                    relaxed.tp += 1.0;
                    matched += 1;
                    if *s == gt.start && *e == gt.end {
                        strict.tp += 1.0;
                    } else {
                        strict.fp += 1.0;
                        strict.fn_ += 1.0;
                    }
                    if t.kind.as_str() == gt.kind {
                        type_ok += 1;
                    }
                    if t.value == gt.value {
                        value_ok += 1;
                        value.tp += 1.0;
                    } else {
                        value.fp += 1.0;
                        value.fn_ += 1.0;
                    }
                }
                None => {
                    relaxed.fn_ += 1.0;
                    strict.fn_ += 1.0;
                    value.fn_ += 1.0;
                }
            }
        }
        let extra = used.iter().filter(|u| !**u).count() as f64;
        relaxed.fp += extra;
        strict.fp += extra;
        value.fp += extra;
    }
    let acc = |n: usize| if matched == 0 { 0.0 } else { n as f64 / matched as f64 };
    Ok(Scorecard {
        title: format!("temporal expressions on {} ({docs} documents)", path.display()),
        columns: Scorecard::prf_columns("measure"),
        rows: vec![
            Scorecard::prf_row("strict span", &strict),
            Scorecard::prf_row("relaxed span", &relaxed),
            Scorecard::prf_row("value (relaxed match)", &value),
        ],
        notes: vec![
            format!("type accuracy over relaxed matches: {:.3} ({type_ok}/{matched})", acc(type_ok)),
            format!("value accuracy over relaxed matches: {:.3} ({value_ok}/{matched})", acc(value_ok)),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[ignore = "runs the full TempEval-3 dev set; use --release"]
    fn timex_dev() {
        let p = Path::new("../shared/eval/timex/dev.jsonl");
        if !p.exists() {
            eprintln!("skipping: {} absent", p.display());
            return;
        }
        println!("{}", score(p).unwrap().render());
    }
}
