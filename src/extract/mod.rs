//! Extractors: entities, dates, quotes and figures.
//!
//! Each extractor is a pure function of a [`Document`] (plus, where one
//! builds on another, that extractor's output): it never re-reads files or
//! re-cleans text, and it returns spans as byte ranges into `doc.text`.
//! [`extract`] runs the selected ones in dependency order: quotes need
//! entities (speakers are entity canonical names) and figures need dates
//! (a year is a date, not a figure).

pub mod by_span;
pub mod dates;
pub mod entities;
pub mod figures;
pub mod quotes;

pub use dates::{TimeExpr, TimexType};
pub use entities::{Entity, EntityKind};
pub use figures::{Figure, FigureKind};
pub use quotes::{Quote, QuoteKind};

use crate::document::Document;

/// Everything the extractors found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extractions {
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Temporal expressions in text order.
    pub dates: Vec<TimeExpr>,
    /// Direct quotations in text order.
    pub quotes: Vec<Quote>,
    /// Figures in text order.
    pub figures: Vec<Figure>,
}

/// Which extractors to run (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Named entities.
    pub entities: bool,
    /// Temporal expressions.
    pub dates: bool,
    /// Quotes with speakers.
    pub quotes: bool,
    /// Money, percentages, quantities, counts.
    pub figures: bool,
}

impl Selection {
    /// Every extractor.
    pub const ALL: Selection = Selection { entities: true, dates: true, quotes: true, figures: true };
    /// No extractor (cleaning only).
    pub const NONE: Selection = Selection { entities: false, dates: false, quotes: false, figures: false };

    /// Parses a comma-separated list such as `entities,dates`.
    pub fn parse(list: &str) -> Result<Selection, String> {
        let mut sel = Selection::NONE;
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name {
                "entities" => sel.entities = true,
                "dates" => sel.dates = true,
                "quotes" => sel.quotes = true,
                "figures" => sel.figures = true,
                "none" => {}
                other => {
                    return Err(format!(
                        "unknown extractor '{other}' (expected entities, dates, quotes, figures or none)"
                    ));
                }
            }
        }
        Ok(sel)
    }
}

/// Runs the selected extractors over one document.
pub fn extract(doc: &Document, sel: Selection) -> Extractions {
    let mut entities = if sel.entities || sel.quotes { entities::extract(doc) } else { Vec::new() };
    let dates = if sel.dates || sel.figures { dates::extract(doc) } else { Vec::new() };
    let quotes = if sel.quotes { quotes::extract(doc, &entities) } else { Vec::new() };
    let figures = if sel.figures { figures::extract(doc, &dates) } else { Vec::new() };
    if !sel.entities {
        entities.clear();
    }
    let dates = if sel.dates { dates } else { Vec::new() };
    Extractions { entities, dates, quotes, figures }
}

/// Builds the lexicons of the selected extractors, in the reverse of the
/// order [`extract`] reaches them.
///
/// Lexicons are built on first use, and a thread that needs one being built
/// waits for it. At the start of a parallel run every worker needs the same
/// lexicons in the same order, so they would be built one after another
/// while the other cores wait; the calling thread, before it takes a batch
/// of its own, calls this to build the last-needed ones at the same time as
/// a worker builds the first. Each lexicon is still built exactly once.
pub fn warm_up(sel: Selection) {
    let doc = Document::verbatim(
        "LONDON, March 5, 2021 — The U.S. company said on Tuesday it would spend $5 billion, up 12% from \
         last year. “We will act,” said its chief executive, John Smith."
            .to_string(),
    );
    if sel.figures {
        figures::extract(&doc, &[]);
    }
    if sel.quotes {
        quotes::extract(&doc, &[]);
    }
    if sel.dates || sel.figures {
        dates::extract(&doc);
    }
    if sel.entities || sel.quotes {
        entities::extract(&doc);
    }
}

/// State shared across the documents of one run, applied in input order.
///
/// This is where spelling variants of one name seen in different documents
/// ("Zelensky", "Zelenskyy", "Zelenski") are resolved to one canonical. It
/// runs on the ordered output stream, so the result does not depend on the
/// number of threads.
#[derive(Debug, Default)]
pub struct Corpus {
    names: entities::NameIndex,
}

impl Corpus {
    /// Rewrites entity canonicals (and quote speakers) of one document to the
    /// corpus-wide canonical names seen so far; true when any changed.
    pub fn resolve(&mut self, ex: &mut Extractions) -> bool {
        self.names.resolve(&mut ex.entities, &mut ex.quotes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_parses_lists() {
        let s = Selection::parse("entities, quotes").unwrap();
        assert!(s.entities && s.quotes && !s.dates && !s.figures);
        assert_eq!(Selection::parse("none").unwrap(), Selection::NONE);
        assert!(Selection::parse("entities,colours").unwrap_err().contains("colours"));
    }
}
