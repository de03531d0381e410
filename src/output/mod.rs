//! Output: printers for JSON, JSON Lines and terminal tables.
//!
//! Printers are sinks for the pipeline's ordered outcomes. They only
//! format. [`wire`] defines what a record holds; document records are
//! written by [`json`] straight from the analyzed document, byte-identical
//! to serializing the `wire` type (a test holds them together).

pub mod json;
pub mod sanitize;
pub mod table;
pub mod wire;

use crate::pipeline::{Analyzed, Outcome, Render, Rendered, Sink};
use std::io::Write;
use std::sync::Arc;

/// Output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON array of documents.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// An aligned table, one row per document.
    Table,
}

/// Prints outcomes in one format.
pub struct Printer<W: Write> {
    out: W,
    format: Format,
    with_text: bool,
    count: usize,
    rows: Vec<table::Row>,
    /// A record's JSON, reused from one record to the next.
    buf: Vec<u8>,
}

impl<W: Write> Printer<W> {
    /// A printer writing to `out`.
    pub fn new(out: W, format: Format, with_text: bool) -> Printer<W> {
        Printer { out, format, with_text, count: 0, rows: Vec::new(), buf: Vec::new() }
    }

    /// Finishes the output (closes the JSON array, prints the table) and
    /// returns the writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        match self.format {
            Format::Json => {
                if self.count == 0 {
                    self.out.write_all(b"[")?;
                }
                self.out.write_all(b"\n]\n")?;
            }
            Format::Jsonl => {}
            Format::Table => {
                let t = table::render(&self.rows);
                self.out.write_all(t.as_bytes())?;
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }

    fn write_json<T: serde::Serialize>(&mut self, value: &T) -> std::io::Result<()> {
        self.separate()?;
        serde_json::to_writer(&mut self.out, value)?;
        self.terminate()
    }

    /// Writes one record rendered elsewhere by [`JsonRender`].
    fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.separate()?;
        self.out.write_all(bytes)?;
        self.terminate()
    }

    /// Writes one record that `fill` makes in the printer's reused buffer.
    fn write_made(&mut self, fill: impl FnOnce(&mut Vec<u8>)) -> std::io::Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        fill(&mut buf);
        let written = self.write_bytes(&buf);
        self.buf = buf;
        written
    }

    /// What goes before a record: the array's opening or comma in JSON.
    fn separate(&mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        }
        Ok(())
    }

    /// What goes after a record: the newline in JSON Lines.
    fn terminate(&mut self) -> std::io::Result<()> {
        if self.format != Format::Json {
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }
}

/// Renders a document's JSON object, as [`Printer`] writes it, in the
/// workers of a parallel run (see [`Render`]).
struct JsonRender {
    with_text: bool,
}

impl Render for JsonRender {
    fn render(&self, a: &Analyzed) -> Rendered {
        // A record runs to about twice the length of the article's text
        // (plus the text itself with `--text`): reserving that spares the
        // buffer most of its doublings and copies.
        let text = a.doc.text.len();
        let guess = 512 + 2 * text + if self.with_text { text } else { 0 };
        let mut r = Rendered { bytes: Vec::with_capacity(guess), ..Rendered::default() };
        json::write_doc(&mut r.bytes, a, self.with_text, Some(&mut r.names));
        r
    }
}

impl<W: Write> Sink for Printer<W> {
    fn outcome(&mut self, outcome: Outcome) -> std::io::Result<()> {
        match (&outcome, self.format) {
            (Outcome::Doc(a), Format::Table) => self.rows.push(table::Row::doc(a)),
            (Outcome::Error(e), Format::Table) => self.rows.push(table::Row::error(e)),
            (Outcome::Doc(a), _) => {
                let with_text = self.with_text;
                self.write_made(|buf| json::write_doc(buf, a, with_text, None))?;
            }
            (Outcome::Error(e), _) => self.write_json(&wire::ErrorOut::from(e))?,
        }
        Ok(())
    }

    fn idle(&mut self) -> std::io::Result<()> {
        if self.format == Format::Jsonl { self.out.flush() } else { Ok(()) }
    }

    fn renderer(&self) -> Option<Arc<dyn Render>> {
        match self.format {
            Format::Json | Format::Jsonl => Some(Arc::new(JsonRender { with_text: self.with_text })),
            Format::Table => None,
        }
    }

    fn rendered(&mut self, a: &Analyzed, r: &Rendered) -> std::io::Result<()> {
        // Only JSON formats render (see `renderer`).
        if r.renamed {
            let with_text = self.with_text;
            self.write_made(|buf| json::rewrite_names(buf, &r.bytes, &r.names, a, with_text))
        } else {
            self.write_bytes(&r.bytes)
        }
    }
}
