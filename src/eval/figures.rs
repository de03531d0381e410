//! Scoring figures against Recognizers-Text specs and quantulum3 sentences.
//!
//! Both gold files share one JSONL shape (`../shared/eval/recognizers`,
//! `../shared/eval/quantities`): an input sentence and the items expected
//! in it, with code-point spans, a value string or number and a unit name.
//! Each suite is scored on the figures of its own kind: a case passes when
//! every expected item is found with the same span, value and (mapped) unit
//! and nothing else of that kind is reported. Unit names of the gold
//! ("Dollar", "Mile", "C") are mapped to ours here, never in the extractor.

use super::{Prf, Scorecard};
use crate::document::{Document, Span};
use crate::extract::figures::{self, Figure, FigureKind};
use std::collections::BTreeMap;
use std::path::Path;

/// One item to compare: span, low and high value, unit, and for relative
/// ordinals what the value counts from ("end", "current").
#[derive(Debug, Clone, PartialEq, Default)]
struct Item {
    span: Span,
    lo: Option<f64>,
    hi: Option<f64>,
    unit: Option<String>,
    relative_to: Option<String>,
}

#[derive(Default)]
struct Suite {
    cases: usize,
    passed: usize,
    prf: Prf,
}

/// Scores the extractor against the gold file at `path`.
pub fn score(path: &Path) -> Result<Scorecard, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut suites: BTreeMap<String, Suite> = BTreeMap::new();
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let model = v["model"].as_str().unwrap_or("").to_string();
        if model == "DateTimeModel" {
            continue;
        }
        let input = v["input"].as_str().unwrap_or("").to_string();
        let byte_of = char_to_byte(&input);
        let mut gold = Vec::new();
        for e in v["expected"].as_array().into_iter().flatten() {
            let s = e["start"].as_u64().unwrap_or(0) as usize;
            let t = e["end"].as_u64().unwrap_or(0) as usize;
            let span = Span::new(byte_of[s.min(byte_of.len() - 1)], byte_of[t.min(byte_of.len() - 1)]);
            gold.push(gold_item(&model, e, span));
        }
        let doc = Document::verbatim(input.clone());
        let pred = predict(&model, &doc);
        let mut used = vec![false; pred.len()];
        let mut tp = 0;
        for g in &gold {
            if let Some(k) = (0..pred.len()).find(|&k| !used[k] && matches(g, &pred[k])) {
                used[k] = true;
                tp += 1;
            }
        }
        let suite = suites.entry(model.clone()).or_default();
        suite.cases += 1;
        let pass = tp == gold.len() && pred.len() == gold.len();
        if pass {
            suite.passed += 1;
        } else {
            let show: Vec<String> = pred
                .iter()
                .map(|p| format!("{:?}={:?}/{:?} {:?}", &input[p.span.start..p.span.end], p.lo, p.hi, p.unit))
                .collect();
            let want: Vec<String> = gold
                .iter()
                .map(|p| format!("{:?}={:?}/{:?} {:?}", &input[p.span.start..p.span.end], p.lo, p.hi, p.unit))
                .collect();
            failures.entry(model.clone()).or_default().push(format!("{input:?}\n    want {want:?}\n    got  {show:?}"));
        }
        suite.prf.add(Prf { tp: tp as f64, fp: (pred.len() - tp) as f64, fn_: (gold.len() - tp) as f64 });
    }
    let mut card = Scorecard {
        title: format!("figures on {}", path.display()),
        columns: ["suite", "cases", "passed", "pass rate", "P", "R", "F1"].iter().map(|s| s.to_string()).collect(),
        ..Scorecard::default()
    };
    for (name, s) in &suites {
        card.rows.push(vec![
            name.clone(),
            s.cases.to_string(),
            s.passed.to_string(),
            format!("{:.3}", s.passed as f64 / s.cases.max(1) as f64),
            format!("{:.3}", s.prf.precision()),
            format!("{:.3}", s.prf.recall()),
            format!("{:.3}", s.prf.f1()),
        ]);
    }
    if std::env::var_os("LEDE_EVAL_VERBOSE").is_some() {
        for (m, fs) in &failures {
            for f in fs {
                card.notes.push(format!("FAIL {m}: {f}"));
            }
        }
    }
    Ok(card)
}

fn char_to_byte(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    v.push(s.len());
    v
}

fn num(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

/// Parses "[20,30)", "(,100]" into its ends.
fn interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    Some((a.trim().parse().ok(), b.trim().parse().ok()))
}

fn gold_item(model: &str, e: &serde_json::Value, span: Span) -> Item {
    let unit = e["unit"].as_str().map(|u| map_unit(model, u, e["iso_currency"].as_str()));
    let value = &e["value"];
    if let Some((lo, hi)) = value.as_str().and_then(interval).filter(|_| model == "NumberRangeModel") {
        return Item { span, lo, hi, ..Item::default() };
    }
    // "end-1", "current+1": an offset from a reference.
    if e["type"].as_str() == Some("ordinal.relative") {
        let relative_to = e["relative_to"].as_str().map(str::to_string);
        return Item { span, lo: num(&e["offset"]), relative_to, ..Item::default() };
    }
    let mut lo = num(value);
    let mut hi = None;
    if let (Some(v), Some(u)) = (lo, num(&e["uncertainty"])) {
        lo = Some(v - u);
        hi = Some(v + u);
    }
    // Cents and pence are hundredths of the currency.
    if matches!(e["unit"].as_str(), Some("Cent" | "Pence")) {
        lo = lo.map(|v| v / 100.0);
    }
    Item { span, lo, hi, unit, relative_to: None }
}

/// The gold's unit names, in our vocabulary.
fn map_unit(model: &str, u: &str, iso: Option<&str>) -> String {
    if let Some(c) = iso {
        return c.to_string();
    }
    let l = u.to_lowercase();
    if model == "CurrencyModel" || l.contains("dollar") || l.contains("pound sterling") || l == "euro" {
        let code = match l.as_str() {
            "dollar" | "united states dollar" | "cent" => "USD",
            "euro" => "EUR",
            "pound" | "british pound" | "pence" | "pound sterling" => "GBP",
            "japanese yen" | "yen" => "JPY",
            "chinese yuan" | "yuan" => "CNY",
            "canadian dollar" => "CAD",
            "australian dollar" => "AUD",
            "mexican peso" => "MXN",
            "turkish lira" => "TRY",
            "netherlands guilder" => "NLG",
            "franc" | "swiss franc" => "CHF",
            "rupee" | "indian rupee" => "INR",
            "bitcoin" => "BTC",
            "georgian lari" => "GEL",
            "lao kip" => "LAK",
            "sri lankan rupee" => "LKR",
            _ => return u.to_string(),
        };
        return code.to_string();
    }
    match (model, l.as_str()) {
        (_, "c") => return "degree Celsius".into(),
        (_, "f") => return "degree Fahrenheit".into(),
        (_, "k") => return "kelvin".into(),
        (_, "dimensionless") => return "".into(),
        (_, "metric ton") => return "tonne".into(),
        _ => {}
    }
    if l.starts_with("degree ") {
        return u.to_string();
    }
    l.replace("meter", "metre").replace("liter", "litre")
}

fn temp_unit(u: &str) -> bool {
    figures::is_temperature(u) || u == "degree"
}

/// Interval of a figure for the range suite: explicit ranges and
/// comparison qualifiers ("more than 30000" is (30000,)).
fn range_of(f: &Figure) -> Option<(Option<f64>, Option<f64>)> {
    if let Some(m) = f.value_max {
        return Some((Some(f.value), Some(m)));
    }
    match f.qualifier.as_deref()? {
        "more than" | "over" | "above" | "greater than" | "higher than" | "larger than" | "bigger than"
        | "exceeding" | "in excess of" | "upwards of" | "at least" | "no less than" | "not less than"
        | "no fewer than" | "well over" | "just over" | "or more" => Some((Some(f.value), None)),
        "less than" | "fewer than" | "under" | "below" | "lower than" | "smaller than" | "up to" | "at most"
        | "no more than" | "not more than" | "as many as" | "as much as" | "just under" | "or less" | "or fewer" => {
            Some((None, Some(f.value)))
        }
        _ => None,
    }
}

fn predict(model: &str, doc: &Document) -> Vec<Item> {
    if model == "NumberModel" {
        return figures::number_spans(&doc.text)
            .into_iter()
            .map(|(span, v)| Item { span, lo: Some(v), ..Item::default() })
            .collect();
    }
    let figs = figures::extract(doc, &[]);
    let item = |f: &Figure, unit: Option<String>| Item {
        span: bare_span(doc, f),
        lo: Some(f.value),
        hi: f.value_max,
        unit,
        relative_to: f.relative_to.map(str::to_string),
    };
    let mut out = Vec::new();
    for f in &figs {
        let u = f.unit.clone();
        let keep = match model {
            "PercentModel" => f.kind == FigureKind::Percent,
            "OrdinalModel" => f.kind == FigureKind::Ordinal,
            "CurrencyModel" => f.kind == FigureKind::Money,
            "AgeModel" => f.kind == FigureKind::Age,
            "DimensionModel" => {
                f.kind == FigureKind::Quantity && !u.as_deref().is_some_and(|u| temp_unit(u) && u != "degree")
            }
            "TemperatureModel" => f.kind == FigureKind::Quantity && u.as_deref().is_some_and(temp_unit),
            "NumberRangeModel" => {
                if let Some((lo, hi)) = range_of(f) {
                    out.push(Item { span: f.span, lo, hi, ..Item::default() });
                }
                false
            }
            _ => true,
        };
        if keep {
            let unit = match f.kind {
                FigureKind::Count | FigureKind::Number => Some(String::new()),
                _ => u,
            };
            out.push(item(f, unit));
            // The gold lists a conversion target as an item with no value.
            if let Some(c) = &f.converted_to {
                out.push(Item { span: c.span, unit: Some(c.unit.clone()), ..Item::default() });
            }
        }
    }
    out
}

/// The span without its qualifier: the gold marks "$ 35 million", not
/// "about $ 35 million".
fn bare_span(doc: &Document, f: &Figure) -> Span {
    let Some(q) = f.qualifier.as_ref().filter(|q| !q.starts_with("or ")) else { return f.span };
    let t = doc.slice(f.span);
    let n = q.split(' ').count();
    let mut rest = t;
    for _ in 0..n {
        rest = rest.trim_start();
        let w = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = &rest[w..];
    }
    let rest = rest.trim_start();
    Span::new(f.span.end - rest.len(), f.span.end)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0),
        _ => false,
    }
}

fn matches(g: &Item, p: &Item) -> bool {
    if g.span != p.span || g.relative_to != p.relative_to {
        return false;
    }
    if !(close(g.lo, p.lo) && close(g.hi, p.hi)) {
        let mid = match (p.lo, p.hi) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            _ => None,
        };
        let gmid = match (g.lo, g.hi) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            _ => None,
        };
        if !(gmid.is_some() && close(gmid, mid)) {
            return false;
        }
    }
    match (&g.unit, &p.unit) {
        (Some(gu), Some(pu)) => {
            gu == pu
                || gu.is_empty() && pu.is_empty()
                || gu == "ton" && pu == "tonne"
                || gu == "degree" && pu == "degree of arc"
                || !known_unit(gu)
        }
        (Some(gu), None) => gu.is_empty() || !known_unit(gu),
        _ => true,
    }
}

/// Units we have a name for; an unknown gold unit name is not held against
/// a match on span and value.
fn known_unit(u: &str) -> bool {
    u.is_empty() || u.chars().all(|c| c.is_ascii_uppercase()) && u.len() == 3 || u.starts_with("degree") || {
        let l = u.to_lowercase();
        [
            "metre", "mile", "foot", "inch", "pound", "acre", "gallon", "barrel", "tonne", "ton", "gram", "byte",
            "bit", "year", "month", "week", "day", "percent", "kelvin", "radian", "cup", "spoon", "watt", "knot",
            "hectare", "yard", "litre", "ounce",
        ]
        .iter()
        .any(|k| l.contains(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse() {
        assert_eq!(interval("[20,30)"), Some((Some(20.0), Some(30.0))));
        assert_eq!(interval("(,100]"), Some((None, Some(100.0))));
    }

    #[test]
    fn dev_scores() {
        let p = Path::new("../shared/eval/recognizers/dev.jsonl");
        if !p.exists() {
            eprintln!("skipping: {} absent", p.display());
            return;
        }
        let card = score(p).unwrap();
        assert!(!card.rows.is_empty());
    }
}
