//! Scoring against the `ner` gold format (CoNLL-2003 style JSONL).
//!
//! Each line is `{"id","text","entities":[{start,end,text,type}]}` with
//! code-point offsets. The extractor runs on `Document::verbatim(text)` so
//! offsets line up; our types map to CoNLL's four (NORP and MISC → MISC) and
//! mentions are scored by exact (start, end, type), micro-averaged.

use super::{Prf, Scorecard};
use crate::document::Document;
use crate::extract::{EntityKind, entities};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;

/// CoNLL types in scorecard order.
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

#[derive(serde::Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(serde::Deserialize)]
struct GoldDoc {
    text: String,
    entities: Vec<GoldEntity>,
}

/// Our type as a CoNLL label.
pub fn conll_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Org => "ORG",
        EntityKind::Loc => "LOC",
        EntityKind::Norp | EntityKind::Misc => "MISC",
    }
}

/// Predicted `(start, end, label)` triples in code points for one text.
pub fn predict(text: &str) -> Vec<(usize, usize, &'static str)> {
    let doc = Document::verbatim(text.to_string());
    entities::extract(&doc)
        .into_iter()
        .map(|e| (doc.char_offset(e.span.start), doc.char_offset(e.span.end), conll_label(e.kind)))
        .collect()
}

/// Per-type counts for one document.
fn score_doc(g: &GoldDoc) -> [Prf; 4] {
    let gold: HashSet<(usize, usize, &str)> = g.entities.iter().map(|e| (e.start, e.end, e.kind.as_str())).collect();
    let pred: HashSet<(usize, usize, &str)> = predict(&g.text).into_iter().collect();
    let mut out = [Prf::default(); 4];
    for (ti, t) in TYPES.iter().enumerate() {
        let p = &mut out[ti];
        p.tp = pred.iter().filter(|x| x.2 == *t && gold.contains(x)).count() as f64;
        p.fp = pred.iter().filter(|x| x.2 == *t && !gold.contains(x)).count() as f64;
        p.fn_ = gold.iter().filter(|x| x.2 == *t && !pred.contains(x)).count() as f64;
    }
    out
}

/// Scores the extractor against the gold file at `path`.
pub fn score(path: &Path) -> Result<Scorecard, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs: Vec<GoldDoc> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1)))
        .collect::<Result<_, _>>()?;
    let per_doc: Vec<[Prf; 4]> = docs.par_iter().map(score_doc).collect();
    let mut by_type = [Prf::default(); 4];
    for d in &per_doc {
        for (acc, p) in by_type.iter_mut().zip(d) {
            acc.add(*p);
        }
    }
    let mut rows: Vec<Vec<String>> = TYPES.iter().zip(&by_type).map(|(t, p)| Scorecard::prf_row(t, p)).collect();
    let mut core = Prf::default();
    for p in &by_type[..3] {
        core.add(*p);
    }
    let mut all = core;
    all.add(by_type[3]);
    rows.push(Scorecard::prf_row("PER+ORG+LOC", &core));
    rows.push(Scorecard::prf_row("all", &all));
    Ok(Scorecard {
        title: format!("entities on {} ({} documents, exact span and type)", path.display(), docs.len()),
        columns: Scorecard::prf_columns("type"),
        rows,
        notes: vec!["types mapped PERSON→PER, ORG→ORG, LOC→LOC, NORP and MISC→MISC".to_string()],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_to_conll() {
        assert_eq!(conll_label(EntityKind::Norp), "MISC");
        assert_eq!(conll_label(EntityKind::Person), "PER");
    }

    #[test]
    fn scores_dev_set_when_present() {
        let p = Path::new("../shared/eval/ner/dev.jsonl");
        if !p.exists() {
            eprintln!("skipping: {} not found (fresh clone)", p.display());
            return;
        }
        let card = score(p).unwrap();
        assert_eq!(card.rows.len(), 6);
        assert_eq!(card.rows[4][0], "PER+ORG+LOC");
    }
}
