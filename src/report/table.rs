//! The report as text tables for a terminal (`lede report --format table`).
//!
//! Every line fits in [`WIDTH`] columns: long cells are cut with `…`, and
//! all article text passes through [`for_terminal`] first, so a hostile
//! name cannot move the cursor or reorder the line.

use super::Report;
use crate::output::sanitize::for_terminal;

/// Widest line printed.
pub const WIDTH: usize = 100;

/// Rows shown per section.
pub const TOP: usize = 10;

/// Above this many months the timeline is shown per year.
const MAX_MONTH_ROWS: usize = 36;

fn cut(s: &str, max: usize) -> String {
    let s = for_terminal(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// A column: header, widest content allowed, right-aligned or not.
struct Col(&'static str, usize, bool);

fn grid(out: &mut String, cols: &[Col], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    let cells: Vec<Vec<String>> =
        rows.iter().map(|r| r.iter().zip(cols).map(|(c, col)| cut(c, col.1)).collect()).collect();
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| cells.iter().map(|r| r[i].chars().count()).chain([c.0.chars().count()]).max().unwrap_or(0))
        .collect();
    let line = |out: &mut String, r: &[String]| {
        let mut l = String::from(" ");
        for (i, (cell, col)) in r.iter().zip(cols).enumerate() {
            let pad = widths[i] - cell.chars().count();
            l.push(' ');
            if col.2 {
                l.extend(std::iter::repeat_n(' ', pad));
                l.push_str(cell);
            } else {
                l.push_str(cell);
                if i + 1 < r.len() {
                    l.extend(std::iter::repeat_n(' ', pad));
                }
            }
            if i + 1 < r.len() {
                l.push(' ');
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    let header: Vec<String> = cols.iter().map(|c| c.0.to_string()).collect();
    line(out, &header);
    for r in &cells {
        line(out, r);
    }
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
}

/// Formats a number with thousands separators and up to two decimals.
pub fn amount(v: f64) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let (int, frac) = (v.trunc(), ((v.fract() * 100.0).round() as u64).min(99));
    let digits = format!("{int:.0}");
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if neg { "-" } else { "" };
    if frac == 0 { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac:02}") }
}

fn spellings(s: &super::EntityStat, canonical: &str) -> String {
    let mut v: Vec<(&String, &u64)> = s.spellings.iter().filter(|(k, _)| k.as_str() != canonical).collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ")
}

/// Renders the report.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let dated: u64 = r.published.values().sum();
    let span = match (r.published.keys().next(), r.published.keys().next_back()) {
        (Some(a), Some(b)) if a != b => format!(", published {a} to {b}"),
        (Some(a), _) => format!(", published {a}"),
        _ => String::new(),
    };
    out.push_str(&format!("Corpus: {} documents ({} dated{}), {} failed inputs\n", r.documents, dated, span, r.errors));

    for (kind, title) in [
        ("PERSON", "People"),
        ("ORG", "Organizations"),
        ("LOC", "Places"),
        ("NORP", "Groups and nationalities"),
        ("MISC", "Other names"),
    ] {
        let total = r.entities.get(kind).map_or(0, |m| m.len());
        heading(&mut out, &format!("{title} ({total} distinct), by documents"));
        let rows: Vec<Vec<String>> = r
            .top_entities(kind, TOP)
            .into_iter()
            .map(|(n, s)| vec![n.to_string(), s.documents.to_string(), s.mentions.to_string(), spellings(s, n)])
            .collect();
        grid(
            &mut out,
            &[Col("Name", 36, false), Col("Docs", 7, true), Col("Mentions", 8, true), Col("Also written", 38, false)],
            &rows,
        );
    }

    heading(&mut out, "Mentioned together (same document)");
    let rows: Vec<Vec<String>> = r
        .top_pairs(TOP)
        .into_iter()
        .map(|(a, b, n)| {
            vec![format!("{} ({})", a.canonical, a.kind), format!("{} ({})", b.canonical, b.kind), n.to_string()]
        })
        .collect();
    grid(&mut out, &[Col("Entity", 42, false), Col("Entity", 42, false), Col("Docs", 7, true)], &rows);

    heading(&mut out, &format!("Most quoted ({} unattributed quotes)", r.unattributed_quotes));
    let rows: Vec<Vec<String>> = r
        .top_speakers(TOP)
        .into_iter()
        .map(|(n, s)| {
            let q = s.sample.as_ref().map(|q| format!("“{}”", q.text)).unwrap_or_default();
            vec![n.to_string(), s.quotes.to_string(), s.documents.to_string(), q]
        })
        .collect();
    grid(
        &mut out,
        &[Col("Speaker", 26, false), Col("Quotes", 6, true), Col("Docs", 6, true), Col("Sample", 55, false)],
        &rows,
    );

    timeline(&mut out, r);

    heading(&mut out, "Figures by unit and object");
    let rows: Vec<Vec<String>> = r
        .top_figures(TOP)
        .into_iter()
        .map(|(k, u, o, s)| {
            let total = if matches!(k, "money" | "quantity") { amount(s.total()) } else { String::new() };
            vec![k.to_string(), u.to_string(), o.to_string(), s.count.to_string(), s.documents.to_string(), total]
        })
        .collect();
    grid(
        &mut out,
        &[
            Col("Kind", 8, false),
            Col("Unit", 16, false),
            Col("Object", 24, false),
            Col("Count", 6, true),
            Col("Docs", 6, true),
            Col("Total", 26, true),
        ],
        &rows,
    );
    let money = r.money_totals();
    if !money.is_empty() {
        let parts: Vec<String> = money
            .iter()
            .map(|(u, t, n)| format!("{} {} ({n} figures)", cut(u, 8), amount(*t as f64 / 1000.0)))
            .collect();
        out.push_str(&wrap(&format!("Money mentioned: {}", parts.join("; ")), WIDTH));
    }

    let clusters = r.duplicate_clusters();
    let in_clusters: usize = clusters.iter().map(Vec::len).sum();
    heading(
        &mut out,
        &format!(
            "Near-duplicates: {} clusters, {} documents ({} fingerprinted)",
            clusters.len(),
            in_clusters,
            r.fingerprints.len()
        ),
    );
    let rows: Vec<Vec<String>> = clusters.iter().take(TOP).map(|c| vec![c.len().to_string(), c.join("  ")]).collect();
    grid(&mut out, &[Col("Size", 5, true), Col("Documents", 88, false)], &rows);
    if clusters.len() > TOP {
        out.push_str(&format!("  … and {} more clusters (see --format json)\n", clusters.len() - TOP));
    }
    out
}

/// Wraps a line at spaces; continuation lines are indented.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    let mut fresh = true;
    for w in s.split_whitespace() {
        let w = cut(w, width - 4);
        if !fresh && line.chars().count() + 1 + w.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from("    ");
            fresh = true;
        }
        if !fresh || line == " " {
            line.push(' ');
        }
        line.push_str(&w);
        fresh = false;
    }
    if !fresh {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn timeline(out: &mut String, r: &Report) {
    use std::collections::BTreeMap;
    let mut rows: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for (m, &n) in &r.published {
        rows.entry(m.clone()).or_default().0 += n;
    }
    for (m, &n) in &r.mentioned {
        rows.entry(m.clone()).or_default().1 += n;
    }
    let by_year = rows.len() > MAX_MONTH_ROWS;
    if by_year {
        let mut years: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        for (m, (p, d)) in rows {
            let e = years.entry(m[..4].to_string()).or_default();
            e.0 += p;
            e.1 += d;
        }
        rows = years;
    }
    heading(out, if by_year { "Timeline by year" } else { "Timeline by month" });
    let max = rows.values().map(|&(p, d)| p.max(d)).max().unwrap_or(1).max(1);
    let bar = |n: u64| "#".repeat(((n * 30).div_ceil(max)) as usize);
    let rows: Vec<Vec<String>> =
        rows.into_iter().map(|(m, (p, d))| vec![m, p.to_string(), bar(p), d.to_string(), bar(d)]).collect();
    grid(
        out,
        &[
            Col("Period", 7, false),
            Col("Published", 9, true),
            Col("", 30, false),
            Col("Mentioned", 9, true),
            Col("", 30, false),
        ],
        &rows,
    );
    if r.undated > 0 {
        out.push_str(&format!("  {} documents without a publication date\n", r.undated));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped() {
        assert_eq!(amount(5_002_000_000.0), "5,002,000,000");
        assert_eq!(amount(1234.5), "1,234.50");
        assert_eq!(amount(-12.0), "-12");
        assert_eq!(amount(0.0), "0");
    }

    #[test]
    fn cells_are_cut_and_sanitized() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("a\u{1b}[2J", 10), "a\u{FFFD}[2J");
    }

    #[test]
    fn lines_fit_the_width() {
        let mut r = Report::new();
        let long = "X".repeat(300);
        r.entities.entry("PERSON".into()).or_default().insert(
            long.clone(),
            super::super::EntityStat { documents: 1, mentions: 1, spellings: [(long.clone(), 1)].into() },
        );
        r.published.insert("2022-01".into(), 3);
        r.figures.entry("money".into()).or_default().entry("USD".into()).or_default().insert(
            long.clone(),
            super::super::FigureStat { count: 1, documents: 1, total_milli: 123_456_789_000_000_000 },
        );
        let t = render(&r);
        for l in t.lines() {
            assert!(l.chars().count() <= WIDTH, "{} chars: {l}", l.chars().count());
        }
        assert!(t.contains("XXX…"));
        assert!(t.contains("123,456,789,000,000"));
    }
}
