//! Direct quotations with speaker, verb and kind.
//!
//! (Stub: filled in by the quotes work.)

use crate::document::{Document, Span};
use serde::Serialize;

use super::Entity;

/// What kind of quotation a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A clause or sentence someone said.
    Full,
    /// A quoted fragment inside reported speech.
    Partial,
    /// A quoted word, name or title; never has a speaker.
    Scare,
}

impl QuoteKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words inside the quotation marks (marks excluded).
    pub span: Span,
    /// Full, partial or scare.
    pub kind: QuoteKind,
    /// Canonical name of the speaker, when the text attributes the quote.
    pub speaker: Option<String>,
    /// Where the speaker is named (the mention the attribution points at).
    pub speaker_span: Option<Span>,
    /// A role phrase kept apart from the name ("Russian Defense Ministry spokesman").
    pub speaker_role: Option<String>,
    /// The speech verb ("said", "insisted").
    pub verb: Option<String>,
}

/// Finds quotations and attributes them, using the document's entities.
pub fn extract(_doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
