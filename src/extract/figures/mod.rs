//! Figures: money, percentages, quantities, counts, ages and ordinals.
//!
//! A figure is a number ([`numbers`]) plus what it measures, read from the
//! words around it: a currency before or after it ("$15.6 billion", "one
//! billion pounds"), a percent sign or word, a unit ([`lexicon`]), an age
//! phrase ("70-year-old"), an ordinal suffix, or else the noun it counts
//! ([`object`]). Numbers that belong to names and codes ("G7", "F-16",
//! "Power of Siberia 2"), times of day and years are not figures; years and
//! durations ("15 years") belong to the dates extractor.
//!
//! Decisions worth knowing:
//! - Spans include a leading qualifier ("more than 300,000 soldiers") and,
//!   for counts, the counted noun phrase; ages and ordinals span only the
//!   number phrase ("70-year-old", "54th"), their noun goes to `object`.
//! - A number of time units ("24 hours", "two-year conflict") is a
//!   duration and is left to the dates extractor; "X years old" is an age.
//! - Years: a plain 4-digit 1800–2100 integer counting nothing is a year;
//!   1000–2100 after a date preposition ("in 1620"), and year ranges
//!   ("from 2015 to 2017"), too. Days next to month names are dates.
//! - A hyphen pair whose second number is not larger ("2-1", "1995-01")
//!   is a score or a date, not a range, and is dropped.
//! - "11th-hour" (an ordinal glued to a hyphenated word) is an idiom, not a rank.
//! - Relative ordinals ("the last but one", "the next item") are ordinals
//!   whose `value` is an offset from `relative_to` ("end" or "current");
//!   see `relative.rs` for when "last" and "next" are read as ranks.
//! - "pounds" is sterling after a scale word or before "sterling"
//!   ("one billion pounds"), otherwise a weight ("two pounds").
//! - Cents and pence are hundredths of USD/GBP ("34 cents" = 0.34 USD).
//! - A temperature unit named without a number right after a temperature in
//!   another unit ("convert 10 celsius to fahrenheit") is what that figure is
//!   converted to: its `converted_to`, not a figure of its own.

pub mod lexer;
pub mod lexicon;
pub mod numbers;
mod object;
mod relative;
mod scan;

pub use scan::{is_temperature, numbers as number_spans, scan};

use crate::document::{Document, Span};
use serde::Serialize;

use super::TimeExpr;
use super::by_span::BySpan;

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
    /// For a relative ordinal, what `value` counts from: "end" ("the last
    /// but one" is -1) or "current" ("the next one" is +1). `None` for every
    /// other figure; ordinals without it count from the start ("54th").
    pub relative_to: Option<&'static str>,
    /// The unit this figure is converted to when the text names one without
    /// a number ("convert 10 celsius to *fahrenheit*"). `None` otherwise.
    pub converted_to: Option<Conversion>,
}

/// A unit named, without a number, as what a figure is converted to. It is
/// not a figure of its own: it has no value, and it means nothing apart from
/// the figure it converts.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The unit as written ("fahrenheit", "degrees celsius").
    pub span: Span,
    /// Its canonical name ("degree Fahrenheit").
    pub unit: String,
}

/// Finds figures; `dates` are excluded (a year is a date, not a count).
pub fn extract(doc: &Document, dates: &[TimeExpr]) -> Vec<Figure> {
    let mut out = scan(&doc.text);
    if !dates.is_empty() {
        let dates = BySpan::new(dates, |d| d.span);
        out.retain(|f| !dates.any_overlaps(f.span));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(text: &str) -> Vec<(String, Figure)> {
        let doc = Document::verbatim(text.to_string());
        extract(&doc, &[]).into_iter().map(|f| (doc.slice(f.span).to_string(), f)).collect()
    }

    fn find<'a>(fs: &'a [(String, Figure)], surface: &str) -> &'a Figure {
        &fs.iter().find(|(s, _)| s == surface).unwrap_or_else(|| panic!("{surface:?} not in {fs:?}")).1
    }

    fn has(fs: &[(String, Figure)], needle: &str) -> bool {
        fs.iter().any(|(s, _)| s.contains(needle))
    }

    #[test]
    fn seed_000() {
        let fs = figs(include_str!("../../../fixtures/000_c98b3e06564cac78.txt"));
        let f = find(&fs, "7,000 tonnes");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Quantity, 7000.0, Some("tonne")));
        let f = find(&fs, "more than 300,000 soldiers");
        assert_eq!((f.kind, f.value), (FigureKind::Count, 300000.0));
        assert_eq!((f.object.as_deref(), f.qualifier.as_deref()), (Some("soldier"), Some("more than")));
        let f = find(&fs, "one billion pounds");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Money, 1e9, Some("GBP")));
        let f = find(&fs, "1.16 billion euros");
        assert_eq!((f.kind, f.unit.as_deref()), (FigureKind::Money, Some("EUR")));
        assert!((f.value - 1.16e9).abs() < 1.0);
        assert_eq!(find(&fs, "15,000 civilians").object.as_deref(), Some("civilian"));
        assert_eq!(find(&fs, "40 tonnes").unit.as_deref(), Some("tonne"));
        assert_eq!(find(&fs, "144 soldiers").object.as_deref(), Some("soldier"));
        let f = find(&fs, "95");
        assert_eq!((f.kind, f.object.as_deref()), (FigureKind::Count, Some("soldier")));
        assert!(!has(&fs, "2010"), "a year is not a figure: {fs:?}");
        assert!(!has(&fs, "47"), "site-47 is a name: {fs:?}");
    }

    #[test]
    fn seed_001() {
        let fs = figs(include_str!("../../../fixtures/001_fbe121efbb17706c.txt"));
        let f = find(&fs, "$15.6 billion");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Money, 15.6e9, Some("USD")));
        let f = find(&fs, "50,000 million cubic meters");
        assert_eq!((f.kind, f.value, f.unit.as_deref()), (FigureKind::Quantity, 5e10, Some("cubic metre")));
        assert!(!has(&fs, "G7") && !has(&fs, "7"), "{fs:?}");
    }

    #[test]
    fn seed_003_004() {
        let fs = figs(include_str!("../../../fixtures/003_7000b0b140722ccd.txt"));
        assert_eq!(find(&fs, "17.8 C").unit.as_deref(), Some("degree Celsius"));
        assert!(!fs.iter().any(|(s, f)| s.ends_with('2') && f.value == 2.0), "Power of Siberia 2: {fs:?}");
        let fs = figs(include_str!("../../../fixtures/004_cfaf5ce1ad127c39.txt"));
        let f = find(&fs, "70-year-old");
        assert_eq!((f.kind, f.value, f.object.as_deref()), (FigureKind::Age, 70.0, Some("man")));
        assert_eq!(find(&fs, "22 oil reservoirs").object.as_deref(), Some("oil reservoir"));
        assert_eq!(find(&fs, "16 Russian aerial drones").object.as_deref(), Some("aerial drone"));
        let f = find(&fs, "54th");
        assert_eq!((f.kind, f.value, f.object.as_deref()), (FigureKind::Ordinal, 54.0, Some("prisoner swap")));
        let f = find(&fs, "over 6,600 criminal cases");
        assert_eq!((f.value, f.object.as_deref()), (6600.0, Some("criminal case")));
        assert_eq!(find(&fs, "$4.5 billion").unit.as_deref(), Some("USD"));
        let f = find(&fs, "200,000 to 300,000 troops");
        assert_eq!((f.value, f.value_max), (200000.0, Some(300000.0)));
        assert!(!has(&fs, "F-16") && !has(&fs, "1997") && !has(&fs, "16s"), "{fs:?}");
    }

    #[test]
    fn grammar_classes() {
        let fs = figs("They paid $280bn, 76% more, 3 per cent and 2 percentage points; 6am and 10:30 are times.");
        assert_eq!(find(&fs, "$280bn").value, 2.8e11);
        assert_eq!(find(&fs, "76%").unit.as_deref(), Some("percent"));
        assert_eq!(find(&fs, "3 per cent").kind, FigureKind::Percent);
        assert_eq!(find(&fs, "2 percentage points").unit.as_deref(), Some("percentage point"));
        assert!(!has(&fs, "6am") && !has(&fs, "10"), "{fs:?}");
        let fs = figs("Half the town left. The score was 2-1. Between 5 and 10 people died.");
        assert!(!has(&fs, "Half") && !has(&fs, "2-1"), "{fs:?}");
        let f = find(&fs, "Between 5 and 10 people");
        assert_eq!((f.value, f.value_max, f.object.as_deref()), (5.0, Some(10.0), Some("person")));
    }

    #[test]
    fn a_bare_fraction_is_not_read_again_as_a_rank() {
        let fs = figs("It weighs a millionth of that.");
        assert!(fs.iter().all(|(_, f)| f.kind != FigureKind::Ordinal), "{fs:?}");
        let fs = figs("The millionth visitor arrived.");
        let f = find(&fs, "millionth");
        assert_eq!((f.kind, f.value, f.object.as_deref()), (FigureKind::Ordinal, 1e6, Some("visitor")));
    }

    #[test]
    fn long_qualifiers_start_figures() {
        let fs = figs("Approximately 40 trucks left.");
        let f = find(&fs, "Approximately 40 trucks");
        assert_eq!((f.value, f.qualifier.as_deref()), (40.0, Some("approximately")));
    }

    #[test]
    fn ranges_with_the_unit_on_both_ends() {
        let fs = figs("Growth of between 2% and 3.5% and cores of 10 cm to 15 cm; it rose 1% to 4%, from 5% to 6%.");
        let f = find(&fs, "between 2% and 3.5%");
        assert_eq!((f.kind, f.value, f.value_max), (FigureKind::Percent, 2.0, Some(3.5)));
        let f = find(&fs, "10 cm to 15 cm");
        assert_eq!((f.value, f.value_max, f.unit.as_deref()), (10.0, Some(15.0), Some("centimetre")));
        // A change and a level, a move from one level to another, different units: no range.
        assert!(has(&fs, "1%") && has(&fs, "4%") && has(&fs, "6%"), "{fs:?}");
        assert!(fs.iter().all(|(_, f)| f.value_max.is_none() || f.value == 2.0 || f.value == 10.0), "{fs:?}");
        let fs = figs("It weighs 5 kg to 8 lb.");
        assert!(fs.iter().all(|(_, f)| f.value_max.is_none()), "{fs:?}");
    }

    #[test]
    fn squared_and_cubed_units() {
        let fs = figs("A 4 km² lake, 12 m^3 of water and 3 metres squared of floor.");
        assert_eq!(find(&fs, "4 km²").unit.as_deref(), Some("square kilometre"));
        assert_eq!(find(&fs, "12 m^3").unit.as_deref(), Some("cubic metre"));
        assert_eq!(find(&fs, "3 metres squared").unit.as_deref(), Some("square metre"));
    }

    #[test]
    fn a_number_glued_to_a_modifying_noun_counts_it() {
        let fs = figs("Beijing issued a 12-point plan; a three-star general and a 500-page report followed.");
        assert_eq!(
            (find(&fs, "12-point").kind, find(&fs, "12-point").object.as_deref()),
            (FigureKind::Count, Some("point"))
        );
        assert_eq!(find(&fs, "three-star").object.as_deref(), Some("star"));
        assert_eq!(find(&fs, "500-page").value, 500.0);
        // A currency in the compound is money.
        let fs = figs("It hid a 4bn-euro hole behind a 100-dollar bill after a six-try win.");
        assert_eq!(find(&fs, "six-try").kind, FigureKind::Count);
        assert_eq!((find(&fs, "4bn-euro").kind, find(&fs, "4bn-euro").value), (FigureKind::Money, 4e9));
        assert_eq!(find(&fs, "100-dollar").unit.as_deref(), Some("USD"));
        // Multipliers, one-offs and approximations count nothing.
        let fs = figs(
            "A 10-fold rise, a one-off payment, 20-odd players, a four-legged robot, a 5.3-magnitude quake and a 1,000-strong force.",
        );
        assert!(fs.iter().all(|(_, f)| f.kind != FigureKind::Count), "{fs:?}");
    }

    #[test]
    fn a_figure_quoted_alone_counts_what_follows_the_quote() {
        let fs = figs("Moscow said it held “more than 6,000” Ukrainian prisoners of war.");
        let f = find(&fs, "more than 6,000");
        assert_eq!((f.kind, f.object.as_deref()), (FigureKind::Count, Some("prisoner")));
        // A quotation that only ends with the figure is not the figure's own.
        let fs = figs("He said “it was 6,000” soldiers and left.");
        assert_eq!(find(&fs, "6,000").kind, FigureKind::Number);
    }

    #[test]
    fn an_ordinal_before_a_superlative_is_a_rank() {
        let fs = figs(
            "China is the world's second largest economy, Lagos the third-biggest city and Texas the fifth most populous state.",
        );
        let f = find(&fs, "second largest");
        assert_eq!((f.kind, f.value, f.object.as_deref()), (FigureKind::Ordinal, 2.0, Some("economy")));
        assert_eq!(find(&fs, "third-biggest").object.as_deref(), Some("city"));
        assert_eq!(find(&fs, "fifth most populous").value, 5.0);
        // An idiom stays out; a noun in -est is no superlative.
        let fs = figs("An 11th-hour deal preceded the second interest payment.");
        assert!(!has(&fs, "11th"), "{fs:?}");
        assert_eq!(find(&fs, "second").object.as_deref(), Some("interest payment"));
    }

    #[test]
    fn a_quantity_of_something_measures_it() {
        let fs = figs(
            "A ship left with 7,000 tonnes of Ukrainian cereals; 40 tonnes of corn burned and 5 litres of the water spilled.",
        );
        assert_eq!(find(&fs, "7,000 tonnes").object.as_deref(), Some("cereal"));
        assert_eq!(find(&fs, "40 tonnes").object.as_deref(), Some("corn"));
        assert_eq!(find(&fs, "5 litres").object, None);
        // A mass noun is one word: the next words are no part of it.
        let fs = figs(
            "It sends 50 cubic metres of gas towards Asia, 9 tonnes of fortified food and 5GB of high-quality data.",
        );
        assert_eq!(find(&fs, "50 cubic metres").object.as_deref(), Some("gas"));
        assert_eq!(find(&fs, "9 tonnes").object.as_deref(), Some("food"));
        assert_eq!(find(&fs, "5GB").object.as_deref(), Some("data"));
        let fs = figs("She carried 3 kg of dried apples.");
        assert_eq!(find(&fs, "3 kg").object.as_deref(), Some("dried apple"));
    }

    #[test]
    fn a_conversion_target_belongs_to_the_figure_it_converts() {
        let fs = figs("Convert 25 degrees celsius into fahrenheit, or 300 kelvin to degrees celsius.");
        let conv = |t: &str| {
            let f = find(&fs, t);
            f.converted_to.as_ref().map(|c| c.unit.clone())
        };
        assert_eq!(conv("25 degrees celsius").as_deref(), Some("degree Fahrenheit"));
        assert_eq!(conv("300 kelvin").as_deref(), Some("degree Celsius"));
        // The target is no figure of its own.
        assert_eq!(fs.len(), 2, "{fs:?}");
        // A unit alone, the same unit again, or a unit that starts a new figure is no target.
        for text in [
            "Readings in fahrenheit were high.",
            "It rose 3 degrees celsius to 40 degrees celsius.",
            "From 10 celsius to celsius records.",
            "It went from 50 fahrenheit to 10 C below zero.",
            "It fell 5 miles to Fahrenheit Street.",
        ] {
            assert!(figs(text).iter().all(|(_, f)| f.converted_to.is_none()), "{text}: {:?}", figs(text));
        }
    }

    #[test]
    fn degrees_before_an_angle_noun_are_an_angle() {
        let fs = figs("Turn a 45 degrees angle, then a 180-degree turn; it was 30 degrees outside.");
        assert_eq!(find(&fs, "45 degrees").unit.as_deref(), Some("degree of arc"));
        let turn = fs.iter().find(|(t, _)| t.starts_with("180")).map(|(_, f)| f.unit.as_deref());
        assert_eq!(turn, Some(Some("degree of arc")), "{fs:?}");
        assert_eq!(find(&fs, "30 degrees").unit.as_deref(), Some("degree"));
    }

    #[test]
    fn hostile_input_stays_linear() {
        let mut t = String::new();
        for _ in 0..3_000 {
            t.push_str("1,2,3 more than $ one and a ");
        }
        let t0 = std::time::Instant::now();
        let _ = scan(&t);
        let _ = number_spans(&t);
        assert!(t0.elapsed().as_secs_f64() < 10.0, "took {:?}", t0.elapsed());
    }

    #[test]
    fn dates_are_excluded() {
        let doc = Document::verbatim("It rose 5% in 2010.".to_string());
        let d =
            TimeExpr { span: Span::new(8, 10), kind: super::super::TimexType::Date, value: "X".into(), modifier: None };
        assert_eq!(extract(&doc, &[]).len(), 1);
        assert!(extract(&doc, &[d]).is_empty());
    }
}
