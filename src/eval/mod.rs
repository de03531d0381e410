//! Scoring extractors against gold annotations.
//!
//! Every task shares this core: [`Prf`] counts true and false positives and
//! negatives, and a [`Scorecard`] is the table `lede eval` prints (or its
//! JSON). Each task module reads its own gold format, runs the pipeline's
//! extractor on the gold text, and fills a scorecard.

pub mod boilerplate;
pub mod figures;
pub mod ner;
pub mod quotes;
pub mod timex;

use serde::Serialize;
use std::path::Path;

/// The gold formats `lede eval` knows, one per extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Task {
    /// Named entities, CoNLL-2003 style (`../shared/eval/ner`).
    Ner,
    /// Temporal expressions, TempEval-3 style (`../shared/eval/timex`).
    Timex,
    /// Quotes with speakers, PolNeAR-derived (`../shared/eval/quotes`).
    Quotes,
    /// Numbers, money, units (`../shared/eval/recognizers`, `../shared/eval/quantities`).
    Figures,
    /// Main-text extraction from HTML pages (`../shared/eval/boilerplate/dev`).
    Boilerplate,
}

impl Task {
    /// Guesses the task from a gold file or folder: a folder of `.html`
    /// pages is boilerplate; otherwise the first JSON line's keys decide.
    pub fn detect(path: &Path) -> Option<Task> {
        if path.is_dir() {
            return Some(Task::Boilerplate);
        }
        let f = std::fs::File::open(path).ok()?;
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(f), &mut line).ok()?;
        let v: serde_json::Value = serde_json::from_str(&line).ok()?;
        if v.get("timexes").is_some() {
            Some(Task::Timex)
        } else if v.get("quotes").is_some() {
            Some(Task::Quotes)
        } else if v.get("entities").is_some() {
            Some(Task::Ner)
        } else if v.get("expected").is_some() {
            Some(Task::Figures)
        } else {
            None
        }
    }

    /// Scores the extractor for this task against the gold at `path`.
    pub fn score(self, path: &Path) -> Result<Scorecard, String> {
        match self {
            Task::Ner => ner::score(path),
            Task::Timex => timex::score(path),
            Task::Quotes => quotes::score(path),
            Task::Figures => figures::score(path),
            Task::Boilerplate => boilerplate::score(path),
        }
    }
}

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
