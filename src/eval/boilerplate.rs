//! Scoring main-text extraction against the article-extraction-benchmark
//! gold (`../shared/eval/boilerplate/dev`: `<id>.html` pages with gold
//! `<id>.txt` bodies).
//!
//! The measure re-implements the benchmark's: each text is cut into words
//! with the Unicode regex `\w+` (case kept, as the benchmark does), and
//! becomes the multiset of its overlapping 4-word shingles (a text of fewer
//! than four words is one shingle of all its words; no words, no shingle).
//! Per page, tp = shingles in both (with multiplicity), fp = extra
//! predicted, fn = missing gold; the three are divided by their sum so each
//! page weighs the same. Precision tp/(tp+fp) is averaged over pages with
//! tp+fp > 0, recall tp/(tp+fn) over pages with tp+fn > 0, and F1 is the
//! harmonic mean of the two averages (not a mean of per-page F1s).
//! "exact" is the share of pages whose predicted word sequence equals the
//! gold's. The prediction is `clean::clean(html, false)`'s body paragraphs
//! of the first article; the headline is left out, as the gold leaves it
//! out. Throughput (pages/s, MB/s of HTML) covers cleaning only.

use super::Scorecard;
use crate::clean;
use regex::Regex;
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());

fn shingles(text: &str) -> HashMap<String, usize> {
    let words: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    let n = words.len().saturating_sub(3).max(1);
    for i in 0..n {
        let end = (i + 4).min(words.len());
        *out.entry(words[i..end].join(" ")).or_insert(0) += 1;
    }
    out
}

/// Per-page (tp, fp, fn), normalized by their sum.
pub fn page_counts(gold: &str, pred: &str) -> (f64, f64, f64) {
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc);
        fn_ += gc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(g.get(k).copied().unwrap_or(0));
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 { (0.0, 0.0, 0.0) } else { (tp as f64 / s, fp as f64 / s, fn_ as f64 / s) }
}

fn same_words(a: &str, b: &str) -> bool {
    WORD.find_iter(a).map(|m| m.as_str()).eq(WORD.find_iter(b).map(|m| m.as_str()))
}

/// Scores the extractor against the gold folder at `path`.
pub fn score(path: &Path) -> Result<Scorecard, String> {
    let mut ids: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    ids.sort();
    if ids.is_empty() {
        return Err(format!("{}: no .html pages", path.display()));
    }
    let (mut p_sum, mut p_n, mut r_sum, mut r_n, mut exact, mut bytes, mut secs) = (0.0, 0, 0.0, 0, 0, 0usize, 0.0);
    let mut worst: Vec<(f64, String)> = Vec::new();
    for html_path in &ids {
        let html = std::fs::read_to_string(html_path).map_err(|e| format!("{}: {e}", html_path.display()))?;
        let gold = std::fs::read_to_string(html_path.with_extension("txt")).unwrap_or_default();
        let t = Instant::now();
        let arts = clean::clean(&html, false);
        secs += t.elapsed().as_secs_f64();
        bytes += html.len();
        let pred = arts
            .first()
            .map(|a| a.paragraphs.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join("\n\n"))
            .unwrap_or_default();
        let (tp, fp, fn_) = page_counts(&gold, &pred);
        if tp + fp > 0.0 {
            p_sum += tp / (tp + fp);
            p_n += 1;
        }
        if tp + fn_ > 0.0 {
            r_sum += tp / (tp + fn_);
            r_n += 1;
        }
        if same_words(&gold, &pred) {
            exact += 1;
        }
        let name =
            html_path.file_stem().map(|s| s.to_string_lossy().chars().take(12).collect::<String>()).unwrap_or_default();
        worst.push((tp, format!("{name} tp={tp:.2} fp={fp:.2} fn={fn_:.2}")));
    }
    let n = ids.len();
    let p = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let r = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let mut card = Scorecard {
        title: format!("main text (word 4-shingles) on {}", path.display()),
        columns: ["pages", "P", "R", "F1", "exact"].iter().map(|s| s.to_string()).collect(),
        rows: vec![vec![
            n.to_string(),
            format!("{p:.3}"),
            format!("{r:.3}"),
            format!("{f1:.3}"),
            format!("{:.3}", exact as f64 / n as f64),
        ]],
        notes: Vec::new(),
    };
    card.notes.push(format!(
        "throughput: {:.1} pages/s, {:.1} MB/s ({:.1} MB in {:.2} s, one thread)",
        n as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9),
        bytes as f64 / 1e6,
        secs
    ));
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (_, w) in worst.iter().take(8) {
        card.notes.push(format!("weakest: {w}"));
    }
    Ok(card)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_counts() {
        assert_eq!(page_counts("a b c d e", "a b c d e"), (1.0, 0.0, 0.0));
        let (tp, fp, fn_) = page_counts("a b c d e", "a b c d x");
        assert!((tp - 1.0 / 3.0).abs() < 1e-9 && (fp - 1.0 / 3.0).abs() < 1e-9 && (fn_ - 1.0 / 3.0).abs() < 1e-9);
        // Short texts are one shingle.
        assert_eq!(page_counts("hello world", "hello, world!"), (1.0, 0.0, 0.0));
        assert_eq!(page_counts("", ""), (0.0, 0.0, 0.0));
    }

    #[test]
    #[ignore = "runs the dev benchmark; use --ignored --nocapture"]
    fn dev_benchmark() {
        let p = Path::new("../shared/eval/boilerplate/dev");
        if !p.exists() {
            eprintln!("skipping: {} absent", p.display());
            return;
        }
        println!("{}", score(p).unwrap().render());
    }
}
