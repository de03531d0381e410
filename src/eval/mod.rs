//! Scoring extractors against gold annotations.
//!
//! Every task shares this core: [`Prf`] counts true and false positives and
//! negatives, and a [`Scorecard`] is the table `lede eval` prints (or its
//! JSON). Each task module reads its own gold format, runs the pipeline's
//! extractor on the gold text, and fills a scorecard.

use serde::Serialize;

/// Precision/recall/F1 counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: f64,
    /// False positives.
    pub fp: f64,
    /// False negatives.
    pub fn_: f64,
}

impl Prf {
    /// Precision (1 when nothing was predicted and nothing was missed).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0.0 { if self.fn_ == 0.0 { 1.0 } else { 0.0 } } else { self.tp / (self.tp + self.fp) }
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0.0 { 1.0 } else { self.tp / (self.tp + self.fn_) }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    /// Adds another count.
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// A scoring result: a titled table plus notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scorecard {
    /// What was scored ("entities on ../shared/eval/ner/dev.jsonl").
    pub title: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// Free-form notes printed under the table.
    pub notes: Vec<String>,
}

impl Scorecard {
    /// A row of P/R/F1 with support counts: `name, P, R, F1, tp, fp, fn`.
    pub fn prf_row(name: &str, p: &Prf) -> Vec<String> {
        vec![
            name.to_string(),
            format!("{:.3}", p.precision()),
            format!("{:.3}", p.recall()),
            format!("{:.3}", p.f1()),
            format!("{}", p.tp),
            format!("{}", p.fp),
            format!("{}", p.fn_),
        ]
    }

    /// The standard P/R/F1 column headers.
    pub fn prf_columns(first: &str) -> Vec<String> {
        [first, "P", "R", "F1", "tp", "fp", "fn"].iter().map(|s| s.to_string()).collect()
    }

    /// Renders the scorecard as an aligned table.
    pub fn render(&self) -> String {
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED).set_header(&self.columns);
        for r in &self.rows {
            t.add_row(r);
        }
        let mut s = format!("{}\n{t}\n", self.title);
        for n in &self.notes {
            s.push_str(n);
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_math() {
        let p = Prf { tp: 8.0, fp: 2.0, fn_: 8.0 };
        assert!((p.precision() - 0.8).abs() < 1e-9);
        assert!((p.recall() - 0.5).abs() < 1e-9);
        assert!((p.f1() - 2.0 * 0.8 * 0.5 / 1.3).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 1.0);
    }
}
