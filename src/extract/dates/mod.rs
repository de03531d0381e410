//! Temporal expressions normalized to TIMEX3 values.
//!
//! A rule-based recognizer in the style of HeidelTime: a token scan tries a
//! small grammar of temporal phrases at each position ([`grammar`]), and
//! each phrase is normalized against the reference date `doc.date` and the
//! tense of its clause ([`resolve`]). Rules rather than a model because the
//! phrase classes are closed and the values need calendar arithmetic.

mod grammar;
mod lexicon;
mod resolve;

use crate::document::{Document, Span};
use serde::Serialize;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TimexType {
    /// A calendar date or period ("February 24", "2022", "last week").
    #[serde(rename = "DATE")]
    Date,
    /// A time of day ("6am", "Thursday night").
    #[serde(rename = "TIME")]
    Time,
    /// A length of time ("24 hours").
    #[serde(rename = "DURATION")]
    Duration,
    /// A recurrence ("every day").
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Where it is.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimexType,
    /// TIMEX3 value ("2022-06-30", "P24H", "PAST_REF", "XXXX-02-24").
    pub value: String,
    /// TIMEX3 `mod` ("APPROX", "START", …), when any.
    pub modifier: Option<String>,
}

/// Finds and normalizes temporal expressions against `doc.date`.
pub fn extract(doc: &Document) -> Vec<TimeExpr> {
    grammar::scan(doc)
}
