//! The terminal table: one row per document, fitting 100 columns.

use super::sanitize::for_terminal;
use crate::pipeline::{Analyzed, ErrorRecord};
use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

/// Width the table is laid out for.
pub const WIDTH: u16 = 100;

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    id: String,
    title: String,
    date: String,
    counts: Option<[usize; 5]>,
}

impl Row {
    /// The row for a document.
    pub fn doc(a: &Analyzed) -> Row {
        Row {
            id: a.doc.id.clone(),
            title: a.doc.title.clone().unwrap_or_default(),
            date: a.doc.date.map(|d| d.to_string()).unwrap_or_default(),
            counts: Some([
                a.ex.entities.len(),
                a.ex.dates.len(),
                a.ex.quotes.len(),
                a.ex.figures.len(),
                a.doc.word_count(),
            ]),
        }
    }

    /// The row for a failed input.
    pub fn error(e: &ErrorRecord) -> Row {
        let id = match e.line {
            Some(l) => format!("{}:{l}", e.path),
            None => e.path.clone(),
        };
        Row { id, title: format!("ERROR: {}", e.message), date: String::new(), counts: None }
    }
}

/// Shortens `s` to at most `max` characters, marking the cut with `…`.
/// Long ids keep their end (the file name), titles their start.
fn fit(s: &str, max: usize, keep_end: bool) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    if keep_end {
        let tail: String = s.chars().skip(n - (max - 1)).collect();
        format!("…{tail}")
    } else {
        let head: String = s.chars().take(max - 1).collect();
        format!("{head}…")
    }
}

/// Renders the rows as a table no wider than [`WIDTH`].
pub fn render(rows: &[Row]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .set_header(["id", "title", "date", "ent", "dates", "quotes", "figs", "words"]);
    for r in rows {
        let mut cells = vec![
            Cell::new(fit(&for_terminal(&r.id), 28, true)),
            Cell::new(fit(&for_terminal(&r.title), 60, false)),
            Cell::new(&r.date),
        ];
        match r.counts {
            Some(c) => cells.extend(c.iter().map(|n| Cell::new(n).set_alignment(CellAlignment::Right))),
            None => cells.extend((0..5).map(|_| Cell::new(""))),
        }
        t.add_row(cells);
    }
    t.set_constraints([
        ColumnConstraint::UpperBoundary(Width::Fixed(30)),
        ColumnConstraint::LowerBoundary(Width::Fixed(12)),
        ColumnConstraint::Absolute(Width::Fixed(12)),
    ]);
    let docs = rows.iter().filter(|r| r.counts.is_some()).count();
    let errors = rows.len() - docs;
    let mut s = t.to_string();
    s.push('\n');
    s.push_str(&format!("{docs} document{}, {errors} error{}\n", plural(docs), plural(errors)));
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_fits_100_columns() {
        let rows = vec![
            Row {
                id: "/a/very/long/path/to/some/folder/of/articles/file-name.txt#12".into(),
                title: "A headline that goes on and on and on well past what the column can show in one line".into(),
                date: "2022-06-30".into(),
                counts: Some([12, 3, 4, 5, 678]),
            },
            Row::error(&ErrorRecord {
                path: "bad.bin".into(),
                line: None,
                message: "binary file (contains NUL bytes)".into(),
            }),
        ];
        let s = render(&rows);
        for line in s.lines() {
            assert!(line.chars().count() <= 100, "{} wide: {line}", line.chars().count());
        }
        assert!(s.contains("file-name.txt#12"));
        assert!(s.contains("ERROR:"), "{s}");
        assert!(s.ends_with("1 document, 1 error\n"));
    }
}
