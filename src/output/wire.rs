//! The `lede/1` wire format: what one document looks like in JSON.
//!
//! ```json
//! {"schema":"lede/1","id":"a.txt","path":"a.txt","title":"…","date":"2022-06-30",
//!  "date_source":"dateline","text":"…",
//!  "entities":[{"text":"Vladimir Putin","type":"PERSON","canonical":"Vladimir Putin","start":10,"end":24}],
//!  "dates":[{"text":"Thursday","type":"DATE","value":"2022-06-30","start":40,"end":48}],
//!  "quotes":[{"text":"…","speaker":"Vladimir Putin","speaker_role":null,"verb":"insisted","kind":"full","start":60,"end":90}],
//!  "figures":[{"text":"7,000 tonnes","kind":"quantity","value":7000.0,"unit":"tonne","object":"cereal","qualifier":null,"start":95,"end":107}],
//!  "warnings":[]}
//! ```
//!
//! * `start`/`end` are **Unicode code-point offsets** into `text`, end
//!   exclusive, so `text[start:end]` in Python or jq gives the span's
//!   `text`. `text` itself is only printed with `--text`, but offsets always
//!   refer to it.
//! * `title`, `date`, `date_source` are `null` when unknown; `url`, `author`,
//!   `language` appear only when known. `date_source` is one of `record`,
//!   `dateline`, `published`, `meta`, `cli`.
//! * Figures carry `relative_to` only as relative ordinals and
//!   `converted_to` only when the text names a unit to convert them to.
//! * A failed input is `{"schema":"lede/1","path":…,"line":…,"error":…}`
//!   (`line` only for JSON Lines streams).
//! * New fields may be added within `lede/1`; none is removed or changes
//!   meaning without a new schema version.

use crate::document::{DateSource, Document, Span};
use crate::pipeline::{Analyzed, ErrorRecord};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The schema identifier written into every record.
pub const SCHEMA: &str = "lede/1";

/// One document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocOut {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Document id.
    pub id: String,
    /// Input path.
    pub path: String,
    /// Headline.
    pub title: Option<String>,
    /// Reference date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: Option<DateSource>,
    /// Canonical URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The cleaned text (with `--text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Entity mentions.
    pub entities: Vec<EntityOut>,
    /// Temporal expressions.
    pub dates: Vec<DateOut>,
    /// Quotations.
    pub quotes: Vec<QuoteOut>,
    /// Figures.
    pub figures: Vec<FigureOut>,
    /// Non-fatal problems.
    pub warnings: Vec<String>,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityOut {
    /// The mention as written.
    pub text: String,
    /// PERSON, ORG, LOC, NORP or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub canonical: String,
    /// ISO 3166-1 alpha-2 country code of a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateOut {
    /// The expression as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 modifier.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteOut {
    /// The words inside the quotation marks.
    pub text: String,
    /// Canonical speaker name, or null. Names that speak together are
    /// joined as written ("Russia and China"); a group or document that is
    /// no entity is kept as written ("NATO’s strategic roadmap").
    pub speaker: Option<String>,
    /// Role phrase of the speaker, or null.
    pub speaker_role: Option<String>,
    /// Speech verb, or null.
    pub verb: Option<String>,
    /// full, partial or scare.
    pub kind: String,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
}

/// One figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureOut {
    /// The figure as written.
    pub text: String,
    /// money, percent, quantity, count, age, ordinal or number.
    pub kind: String,
    /// Value (low end of a range).
    pub value: f64,
    /// High end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// Unit: currency code, unit name, "percent".
    pub unit: Option<String>,
    /// What is counted, or what a quantity measures ("tonnes of corn").
    pub object: Option<String>,
    /// "more than", "about", …
    pub qualifier: Option<String>,
    /// Relative ordinals only: what `value` counts from, "end" ("the last
    /// but one": -1) or "current" ("the next one": +1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative_to: Option<String>,
    /// The unit the figure is converted to, when the text names one without
    /// a number ("convert 10 celsius to fahrenheit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_to: Option<ConversionOut>,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
}

/// A unit named without a number as what a figure is converted to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversionOut {
    /// The unit as written.
    pub text: String,
    /// Canonical unit name.
    pub unit: String,
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
}

/// A failed input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorOut {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The input.
    pub path: String,
    /// Line of a JSON Lines stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Why it failed.
    pub error: String,
}

/// The values [`DateSource`] serializes to, for the schema (a test checks
/// they match the enum).
const DATE_SOURCES: [&str; 5] = ["record", "dateline", "published", "meta", "cli"];

impl JsonSchema for DateSource {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateSource".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Where the reference date came from.",
            "type": "string",
            "enum": DATE_SOURCES,
        })
    }
}

impl From<&ErrorRecord> for ErrorOut {
    fn from(e: &ErrorRecord) -> Self {
        ErrorOut { schema: SCHEMA.into(), path: e.path.clone(), line: e.line, error: e.message.clone() }
    }
}

fn offsets(doc: &Document, span: Span) -> (String, usize, usize) {
    (doc.slice(span).to_string(), doc.char_offset(span.start), doc.char_offset(span.end))
}

impl DocOut {
    /// Converts an analyzed document, turning byte spans into code-point offsets.
    pub fn new(a: &Analyzed, with_text: bool) -> DocOut {
        let doc = &a.doc;
        DocOut {
            schema: SCHEMA.into(),
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            date: doc.date.map(crate::extract::dates::resolve::day),
            date_source: doc.date_source,
            url: doc.url.clone(),
            author: doc.author.clone(),
            language: doc.language.clone(),
            text: with_text.then(|| doc.text.clone()),
            entities: a
                .ex
                .entities
                .iter()
                .map(|e| {
                    let (text, start, end) = offsets(doc, e.span);
                    EntityOut {
                        text,
                        kind: e.kind.as_str().into(),
                        canonical: e.canonical.clone(),
                        country: e.country.clone(),
                        start,
                        end,
                    }
                })
                .collect(),
            dates: a
                .ex
                .dates
                .iter()
                .map(|d| {
                    let (text, start, end) = offsets(doc, d.span);
                    DateOut {
                        text,
                        kind: d.kind.as_str().into(),
                        value: d.value.clone(),
                        modifier: d.modifier.clone(),
                        start,
                        end,
                    }
                })
                .collect(),
            quotes: a
                .ex
                .quotes
                .iter()
                .map(|q| {
                    let (text, start, end) = offsets(doc, q.span);
                    QuoteOut {
                        text,
                        speaker: q.speaker.clone(),
                        speaker_role: q.speaker_role.clone(),
                        verb: q.verb.clone(),
                        kind: q.kind.as_str().into(),
                        start,
                        end,
                    }
                })
                .collect(),
            figures: a
                .ex
                .figures
                .iter()
                .map(|f| {
                    let (text, start, end) = offsets(doc, f.span);
                    FigureOut {
                        text,
                        kind: f.kind.as_str().into(),
                        value: f.value,
                        value_max: f.value_max,
                        unit: f.unit.clone(),
                        object: f.object.clone(),
                        qualifier: f.qualifier.clone(),
                        relative_to: f.relative_to.map(str::to_string),
                        converted_to: f.converted_to.as_ref().map(|c| {
                            let (text, start, end) = offsets(doc, c.span);
                            ConversionOut { text, unit: c.unit.clone(), start, end }
                        }),
                        start,
                        end,
                    }
                })
                .collect(),
            warnings: doc.warnings.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_source_schema_lists_every_variant() {
        use DateSource::*;
        let all = [Record, Dateline, Published, Meta, Cli];
        let names: Vec<String> =
            all.iter().map(|d| serde_json::to_value(d).unwrap().as_str().unwrap().to_string()).collect();
        assert_eq!(names, DATE_SOURCES);
    }
}
