//! Figures: money, percentages, quantities, counts, ages and ordinals.
//!
//! (Stub: filled in by the figures work.)

use crate::document::{Document, Span};
use serde::Serialize;

use super::TimeExpr;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// An amount of money (`unit` is an ISO 4217 code).
    Money,
    /// A percentage (`unit` is "percent" or "percentage point").
    Percent,
    /// A physical quantity with a unit (`unit` is the canonical unit name).
    Quantity,
    /// A number of things (`object` is what is counted, singular).
    Count,
    /// An age in years (`object` is who has it).
    Age,
    /// An ordinal ("54th").
    Ordinal,
    /// A bare number with nothing counted.
    Number,
}

impl FigureKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Quantity => "quantity",
            FigureKind::Count => "count",
            FigureKind::Age => "age",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Number => "number",
        }
    }
}

/// One figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Where it is (qualifier included: "more than 300,000 soldiers" spans the number and unit).
    pub span: Span,
    /// Money, percent, quantity, count, age, ordinal or number.
    pub kind: FigureKind,
    /// The value (for ranges, the low end).
    pub value: f64,
    /// The high end of a range.
    pub value_max: Option<f64>,
    /// Currency code, unit name, "percent".
    pub unit: Option<String>,
    /// What is counted or measured, singular ("soldier").
    pub object: Option<String>,
    /// "more than", "about", "at least", "up to", …
    pub qualifier: Option<String>,
}

/// Finds figures; `dates` are excluded (a year is a date, not a count).
pub fn extract(_doc: &Document, _dates: &[TimeExpr]) -> Vec<Figure> {
    Vec::new()
}
