//! The terminal table: one row per document, fitting 100 columns.

use super::sanitize::for_terminal;
use crate::pipeline::{Analyzed, ErrorRecord};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

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

/// Shortens `s` to at most `max` terminal columns, marking the cut with
/// `…`. Long ids keep their end (the file name), titles their start.
fn fit(s: &str, max: usize, keep_end: bool) -> String {
    use unicode_width::UnicodeWidthChar;
    let width = |c: char| c.width().unwrap_or(0);
    if unicode_width::UnicodeWidthStr::width(s) <= max {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1; // the ellipsis
    let chars: Vec<char> = if keep_end { s.chars().rev().collect() } else { s.chars().collect() };
    for c in chars {
        if used + width(c) > max {
            break;
        }
        used += width(c);
        out.push(c);
    }
    if keep_end {
        out.reverse();
        format!("…{}", out.into_iter().collect::<String>())
    } else {
        format!("{}…", out.into_iter().collect::<String>())
    }
}

/// Renders the rows as a table no wider than [`WIDTH`]: the counts keep
/// their width, the id is cut from the left, the title takes the rest.
pub fn render(rows: &[Row]) -> String {
    const HEADER: [&str; 8] = ["id", "title", "date", "ent", "dates", "quotes", "figs", "words"];
    let cells: Vec<[String; 8]> = rows
        .iter()
        .map(|r| {
            let counts = r.counts.map_or([""; 5].map(String::from), |c| c.map(|n| n.to_string()));
            let [e, d, q, f, w] = counts;
            [for_terminal(&r.id), for_terminal(&r.title), r.date.clone(), e, d, q, f, w]
        })
        .collect();
    let col_width = |i: usize| {
        cells
            .iter()
            .map(|c| unicode_width::UnicodeWidthStr::width(c[i].as_str()))
            .chain([HEADER[i].len()])
            .max()
            .unwrap_or(0)
    };
    // Each column costs its width plus one space of padding on each side,
    // and the seven inner separators one column each.
    let fixed: usize = (2..8).map(col_width).sum::<usize>() + 8 * 2 + 7;
    let room = usize::from(WIDTH).saturating_sub(fixed);
    let id_w = col_width(0).min((room * 2 / 5).max(16));
    let title_w = room.saturating_sub(id_w).max(8);
    let mut t = Table::new();
    // No outer border and no lines between rows: a header rule and column
    // separators only (comfy-table's positional preset string).
    t.load_preset("     ═╪ ┆          ").set_content_arrangement(ContentArrangement::Disabled).set_header(HEADER);
    for c in cells {
        let mut row = vec![Cell::new(fit(&c[0], id_w, true)), Cell::new(fit(&c[1], title_w, false)), Cell::new(&c[2])];
        row.extend(c[3..].iter().map(|n| Cell::new(n).set_alignment(CellAlignment::Right)));
        t.add_row(row);
    }
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
        assert!(s.contains("name.txt#12"), "{s}");
        assert!(s.contains("ERROR:"), "{s}");
        assert!(s.ends_with("1 document, 1 error\n"));
        assert!(s.contains("A headline that goes on"), "title keeps its start: {s}");
        let wide =
            vec![Row { id: "x".into(), title: "中文标题".repeat(40), date: String::new(), counts: Some([0; 5]) }];
        for line in render(&wide).lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
        }
    }
}
