//! Temporal expressions normalized to TIMEX3 values.
//!
//! A rule-based recognizer in the style of HeidelTime: a token scan tries a
//! small grammar of temporal phrases at each position ([`grammar`]), and
//! each phrase is normalized against the reference date `doc.date` and the
//! tense of its clause ([`resolve`]). Rules rather than a model because the
//! phrase classes are closed and the values need calendar arithmetic.

mod grammar;
mod lexicon;
pub(crate) mod resolve;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParagraphKind;

    fn run(text: &str, date: Option<&str>) -> Vec<(String, TimexType, String, Option<String>)> {
        let mut doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
        doc.date = date.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        extract(&doc).into_iter().map(|t| (doc.slice(t.span).to_string(), t.kind, t.value, t.modifier)).collect()
    }

    fn find(out: &[(String, TimexType, String, Option<String>)], text: &str) -> (TimexType, String) {
        let t = out.iter().find(|t| t.0 == text).unwrap_or_else(|| panic!("{text:?} not found in {out:?}"));
        (t.1, t.2.clone())
    }

    /// Sentences from seed `fixtures/000_*.txt`, reference date 2022-06-30.
    #[test]
    fn seed_000_resolves_against_reference_date() {
        let text = "Moscow and Beijing have joined forces against the Atlantic Alliance, whose summit ends Thursday in Madrid. \
            Russian President Vladimir Putin castigated Wednesday evening during a trip to Ashkhabad. \
            NATO's strategic roadmap, which had not been revised since 2010, also presents Russia as a threat. \
            Calls have grown in recent weeks for Moscow to allow exports from Ukraine. \
            Ukraine has been accusing Russia for weeks of stealing its wheat crops. \
            The island had been conquered from the start of the offensive in Ukraine, launched on February 24. \
            The authorities announced on Thursday the departure of a first ship loaded with 7,000 tonnes of cereals.";
        let out = run(text, Some("2022-06-30"));
        assert_eq!(find(&out, "Thursday"), (TimexType::Date, "2022-06-30".into()));
        assert_eq!(find(&out, "Wednesday evening"), (TimexType::Time, "2022-06-29TEV".into()));
        assert_eq!(find(&out, "2010"), (TimexType::Date, "2010".into()));
        assert_eq!(find(&out, "recent weeks"), (TimexType::Duration, "PXW".into()));
        assert_eq!(find(&out, "weeks"), (TimexType::Duration, "PXW".into()));
        assert_eq!(find(&out, "February 24"), (TimexType::Date, "2022-02-24".into()));
        assert!(!out.iter().any(|t| t.0.contains("7,000")), "{out:?}");
    }

    #[test]
    fn relative_durations_sets_and_modifiers() {
        let out = run(
            "He arrived yesterday. Sales rose last year and three days ago. The two-year conflict lasted 24 hours \
             and thirteen months. Shipments go out every day. Prices fell in the 1990s and by mid-2022. \
             They met at 6 a.m. Thursday. Results came in the third quarter. It took more than four hours.",
            Some("2019-01-04"),
        );
        assert_eq!(find(&out, "yesterday"), (TimexType::Date, "2019-01-03".into()));
        assert_eq!(find(&out, "last year"), (TimexType::Date, "2018".into()));
        assert_eq!(find(&out, "three days ago"), (TimexType::Date, "2019-01-01".into()));
        assert_eq!(find(&out, "two-year"), (TimexType::Duration, "P2Y".into()));
        assert_eq!(find(&out, "24 hours"), (TimexType::Duration, "PT24H".into()));
        assert_eq!(find(&out, "thirteen months"), (TimexType::Duration, "P13M".into()));
        assert_eq!(find(&out, "every day"), (TimexType::Set, "P1D".into()));
        assert_eq!(find(&out, "the 1990s"), (TimexType::Date, "199".into()));
        assert_eq!(find(&out, "mid-2022"), (TimexType::Date, "2022".into()));
        assert_eq!(find(&out, "6 a.m. Thursday"), (TimexType::Time, "2019-01-03T06:00".into()));
        assert_eq!(find(&out, "the third quarter"), (TimexType::Date, "2018-Q3".into()));
        let m = out.iter().find(|t| t.0 == "more than four hours").expect("modifier phrase");
        assert_eq!((m.2.as_str(), m.3.as_deref()), ("PT4H", Some("MORE_THAN")));
    }

    /// Earnings news compares with the same quarter a year back.
    #[test]
    fn year_ago_in_quarterly_report_is_a_quarter() {
        let out = run("Net income rose 5% in the third quarter from a year earlier.", Some("1989-10-26"));
        assert_eq!(find(&out, "a year earlier").1, "1988-Q3");
        let out = run("He left the company a year ago.", Some("1989-10-26"));
        assert_eq!(find(&out, "a year ago").1, "1988", "a year back is a year, not a month or quarter");
        let out = run("A quarter of the staff left a year ago.", Some("1989-10-26"));
        assert_ne!(find(&out, "a year ago").1, "1988-Q3", "a bare 'quarter' is no earnings report");
    }

    #[test]
    fn without_reference_date_unknown_parts_stay_x() {
        let out = run("They met on February 24 and again yesterday, then last month and on Tuesday.", None);
        assert_eq!(find(&out, "Tuesday").1, "XXXX-WXX-2");
        assert_eq!(find(&out, "February 24").1, "XXXX-02-24");
        assert_eq!(find(&out, "yesterday").1, "XXXX-XX-XX");
        assert_eq!(find(&out, "last month").1, "XXXX-XX");
    }

    #[test]
    fn counts_are_not_years() {
        let out =
            run("Some 2000 soldiers died in 300 cases; $1999 was paid and 1998 percent rose.", Some("2020-01-01"));
        assert!(out.is_empty(), "{out:?}");
        let out = run("The war began in 1998 and ended in 2001.", Some("2020-01-01"));
        assert_eq!(out.len(), 2, "{out:?}");
    }

    #[test]
    fn future_clause_picks_next_weekday() {
        let out = run("The ministers will meet on Monday.", Some("2022-06-30"));
        assert_eq!(find(&out, "Monday").1, "2022-07-04");
        let out = run("The ministers met on Monday.", Some("2022-06-30"));
        assert_eq!(find(&out, "Monday").1, "2022-06-27");
    }

    /// Intention verbs followed by "to" and "as soon as" look ahead; a
    /// past perfect in front of them does not.
    #[test]
    fn future_cues_before_to() {
        // 2022-06-29 is a Wednesday.
        let out = run("The team planned to leave the capital on Thursday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Thursday").1, "2022-06-30");
        let out = run("The team left the capital on Thursday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Thursday").1, "2022-06-23");
        let out = run("Talks are set to resume Monday in Geneva.", Some("2022-06-29"));
        assert_eq!(find(&out, "Monday").1, "2022-07-04");
        let out = run("The envoy could arrive as soon as Friday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Friday").1, "2022-07-01");
        let out = run("The offer had been scheduled to expire on Friday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Friday").1, "2022-06-24");
        let out = run("The court postponed the hearing until Tuesday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Tuesday").1, "2022-07-05");
    }

    /// A "will" heading a long clause still marks it future when nothing
    /// nearer the expression marks its tense.
    #[test]
    fn distant_modal_marks_future() {
        let text = "The veteran pilot will be named commander of the new orbital laboratory crew for a long mission in December.";
        let out = run(text, Some("2022-03-04"));
        assert_eq!(find(&out, "December").1, "2022-12");
        let text = "The veteran pilot will say that the new orbital laboratory crew lost its way on a long mission in December.";
        let out = run(text, Some("2022-03-04"));
        assert_eq!(find(&out, "December").1, "2021-12");
    }

    /// A fronted phrase takes the tense of the main verb, however late it
    /// comes in the sentence.
    #[test]
    fn fronted_phrase_takes_late_verb() {
        let text = "In January, a week after the anniversary of the landmark ruling on the issue, a bomb at a clinic in the southern city killed a guard.";
        let out = run(text, Some("2022-10-25"));
        assert_eq!(find(&out, "January").1, "2022-01");
    }

    /// "the next couple of months" is two months, as "a couple of months";
    /// "the weeks ahead" a vague span like "the next few weeks"; "about"
    /// before "the" is a preposition, not an approximation.
    #[test]
    fn couples_and_spans_ahead() {
        let out = run("The club hopes to sign two players over the next couple of months.", Some("2022-06-30"));
        assert_eq!(find(&out, "the next couple of months"), (TimexType::Duration, "P2M".into()));
        let out = run("Sales fell in the last couple of weeks.", Some("2022-06-30"));
        assert_eq!(find(&out, "the last couple of weeks"), (TimexType::Duration, "P2W".into()));
        let out = run("Funds may have to sell bonds in the weeks ahead.", Some("2022-06-30"));
        assert_eq!(find(&out, "the weeks ahead"), (TimexType::Duration, "PXW".into()));
        let out = run("The ruling will shape the market for the years to come.", Some("2022-06-30"));
        assert_eq!(find(&out, "the years to come"), (TimexType::Duration, "PXY".into()));
        let out = run("Police were busy in the days ahead of the vote.", Some("2022-06-30"));
        assert!(out.is_empty(), "{out:?}");
        let out = run("The coach is excited about the next two months.", Some("2022-06-30"));
        assert_eq!(find(&out, "the next two months"), (TimexType::Duration, "P2M".into()));
        assert_eq!(out[0].3, None);
    }

    /// Reported "would" looks ahead from the report; "would have" back.
    #[test]
    fn reported_would_looks_ahead() {
        // 2022-06-29 is a Wednesday.
        let out = run("The minister said he would travel to Paris on Thursday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Thursday").1, "2022-06-30");
        let out = run("The singer would have turned 90 on Monday.", Some("2022-06-29"));
        assert_eq!(find(&out, "Monday").1, "2022-06-27");
    }

    /// "Easter week" is the week of the nearest Easter, whatever the verb.
    #[test]
    fn holiday_week() {
        let out = run("Pilgrims gathered in the old city as Easter week began.", Some("2000-04-17"));
        assert_eq!(find(&out, "Easter week"), (TimexType::Date, "2000-W16".into()));
    }

    /// "recent weeks" and "the coming years" are vague lengths, as "the
    /// past few weeks" and "the next few years" are.
    #[test]
    fn recent_and_coming_units_are_vague_lengths() {
        let out = run("Prices have risen sharply in recent months.", Some("2022-06-30"));
        assert_eq!(find(&out, "recent months"), (TimexType::Duration, "PXM".into()));
        let out = run("Demand should recover in the coming years.", Some("2022-06-30"));
        assert_eq!(find(&out, "the coming years"), (TimexType::Duration, "PXY".into()));
    }

    /// "each July", "every spring": recurrences of a month or season.
    #[test]
    fn every_month_or_season() {
        let out = run("Marchers parade through the town each July.", Some("2022-06-30"));
        assert_eq!(find(&out, "each July"), (TimexType::Set, "XXXX-07".into()));
        let out = run("The storks come back every spring.", Some("2022-06-30"));
        assert_eq!(find(&out, "every spring"), (TimexType::Set, "XXXX-SP".into()));
    }

    /// "Tuesday nights" recurs: every Tuesday night.
    #[test]
    fn weekday_with_plural_part_of_day_recurs() {
        let out = run("The new service will fly on Tuesday nights from March.", Some("2022-06-30"));
        assert_eq!(find(&out, "Tuesday nights"), (TimexType::Set, "XXXX-WXX-2TNI".into()));
        let out = run("Two flights will leave on Monday and Tuesday nights.", Some("2022-06-30"));
        assert_eq!(find(&out, "Monday"), (TimexType::Set, "XXXX-WXX-1TNI".into()));
        assert_eq!(find(&out, "Tuesday nights"), (TimexType::Set, "XXXX-WXX-2TNI".into()));
    }

    /// "next to" is a place, not a future clause.
    #[test]
    fn next_to_is_no_future_marker() {
        let out = run("Two cars exploded next to the embassy on Friday.", Some("2022-07-02"));
        assert_eq!(find(&out, "Friday").1, "2022-07-01");
    }

    /// Irregular past forms count as past; a month with no cue at all is
    /// its nearest occurrence.
    #[test]
    fn month_year_from_cue_or_nearest() {
        let out = run("In January, the board brought in a new chief.", Some("2021-10-27"));
        assert_eq!(find(&out, "January").1, "2021-01");
        let out = run("The reduced dividend is payable Jan. 2 to holders of record.", Some("2021-11-02"));
        assert_eq!(find(&out, "Jan. 2").1, "2022-01-02");
        let out = run("Apart from a revision to December figures, payrolls look firm.", Some("2022-02-06"));
        assert_eq!(find(&out, "December").1, "2021-12");
        let out = run("The bridge loan must be repaid by February.", Some("2021-10-30"));
        assert_eq!(find(&out, "February").1, "2022-02");
    }

    /// A weekday followed by its date is one expression, valued by the date.
    #[test]
    fn weekday_with_its_date_is_one_date() {
        let out = run("The paper said in an editorial on Monday, Oct. 26: the verdict stands.", Some("2020-11-21"));
        assert_eq!(find(&out, "Monday, Oct. 26"), (TimexType::Date, "2020-10-26".into()));
        let out = run("Funds flowed out on Friday 13 October alone.", Some("2020-11-21"));
        assert_eq!(find(&out, "Friday 13 October"), (TimexType::Date, "2020-10-13".into()));
    }

    /// A clock time takes the time zone and the day after it.
    #[test]
    fn clock_time_with_zone_and_day() {
        // 2021-03-01 is a Monday.
        let out = run("The deadline was extended until 9 a.m. EST Tuesday.", Some("2021-03-01"));
        assert_eq!(find(&out, "9 a.m. EST Tuesday"), (TimexType::Time, "2021-03-02T09:00".into()));
        let out = run("Holders may tender until 5 p.m. EST, Nov. 6.", Some("2021-10-30"));
        assert_eq!(find(&out, "5 p.m. EST, Nov. 6").1, "2021-11-06T17:00");
        let out = run("Talks broke off at noon Saturday.", Some("2021-03-01"));
        assert_eq!(find(&out, "noon Saturday").1, "2021-02-27T12:00");
    }

    /// Accounting years: "the year ended ..." is a length, "for the year"
    /// the year in progress; "the year before" needs an anchor we lack.
    #[test]
    fn the_year_in_reports() {
        let out =
            run("Revenue for the fiscal year ended March 31 rose. Sales for the full year fell.", Some("2021-10-30"));
        assert_eq!(find(&out, "the fiscal year"), (TimexType::Duration, "P1Y".into()));
        assert_eq!(find(&out, "the full year"), (TimexType::Date, "2021".into()));
        let out = run("Profit doubled from the year before.", Some("2021-10-30"));
        assert!(!out.iter().any(|t| t.0.contains("year")), "{out:?}");
        let out = run("Sales next fiscal year should rise.", Some("2021-10-30"));
        assert_eq!(find(&out, "next fiscal year").1, "2022");
    }

    /// Years read out in broadcast transcripts.
    #[test]
    fn spoken_years() {
        let out = run(
            "In nineteen ninety-one he was convicted. The prices of the winter of nineteen eighty \
             returned by the year two thousand. Nineteen people died.",
            Some("1998-01-15"),
        );
        assert_eq!(find(&out, "nineteen ninety-one").1, "1991");
        assert_eq!(find(&out, "the winter of nineteen eighty").1, "1980-WI");
        assert_eq!(find(&out, "the year two thousand").1, "2000");
        assert!(!out.iter().any(|t| t.0.starts_with("Nineteen")), "{out:?}");
    }

    /// Year-end after a preposition, and "year-earlier" as an adjective.
    #[test]
    fn year_end_and_year_earlier() {
        let out = run("The deal should close by year-end. Shares rose 5% since year end.", Some("2021-10-30"));
        assert_eq!(find(&out, "year-end").1, "2021-12-31");
        assert_eq!(find(&out, "year end").1, "2020-12-31");
        let out = run("Net rose from year-earlier profit of $3 million.", Some("2021-10-30"));
        assert_eq!(find(&out, "year-earlier").1, "2020");
        let out = run("Net rose in the third quarter from year-ago profit of $3 million.", Some("2021-10-30"));
        assert_eq!(find(&out, "year-ago").1, "2020-Q3");
        let out = run("Net rose in the year-ago third quarter.", Some("2021-10-30"));
        assert_eq!(find(&out, "the year-ago third quarter").1, "2020-Q3");
    }

    /// "current" before a noun is the present; before a unit, that period.
    #[test]
    fn current_as_present() {
        let out = run("Current market conditions are weak; the current year looks better.", Some("2021-10-30"));
        assert_eq!(find(&out, "Current"), (TimexType::Date, "PRESENT_REF".into()));
        assert_eq!(find(&out, "the current year").1, "2021");
    }

    /// "$2 million a year" is a rate; "$2 million a year ago" a date; ages
    /// are no durations; decades count in years.
    #[test]
    fn rates_ages_and_decades() {
        let out = run("It saves $2 million a year, up from $1 million a year ago.", Some("2021-10-30"));
        assert_eq!(find(&out, "a year"), (TimexType::Set, "P1Y".into()));
        assert_eq!(find(&out, "a year ago").0, TimexType::Date);
        let out = run("Mr. Smith, 52 years old, has led it for two decades.", Some("2021-10-30"));
        assert!(!out.iter().any(|t| t.0.contains("52")), "{out:?}");
        assert_eq!(find(&out, "two decades").1, "P20Y");
    }

    /// A month with "last year" / "this year" takes that year.
    #[test]
    fn month_with_relative_year() {
        let out = run("In July last year the leader was arrested; in April next year they join.", Some("2021-02-19"));
        assert_eq!(find(&out, "July last year").1, "2020-07");
        assert_eq!(find(&out, "April next year").1, "2022-04");
    }

    /// Quarters named by their year, and in earnings news "the 1988 period".
    #[test]
    fn quarters_of_named_years() {
        let out = run(
            "Net sales for this year's third quarter rose; next year's first quarter looks weak. \
             In the 2019 second quarter it lost money.",
            Some("2021-11-01"),
        );
        assert_eq!(find(&out, "this year's third quarter").1, "2021-Q3");
        assert_eq!(find(&out, "next year's first quarter").1, "2022-Q1");
        assert_eq!(find(&out, "the 2019 second quarter").1, "2019-Q2");
        let out = run("Third-quarter profit rose from $3 million in the 2020 period.", Some("2021-11-01"));
        assert_eq!(find(&out, "the 2020 period").1, "2020-Q3");
        let out = run("Revenue rose from the 2020 quarter.", Some("2021-11-01"));
        assert!(!out.iter().any(|t| t.2.starts_with("P2020")), "{out:?}");
    }

    /// Vague present and future phrases, spoken decades, centuries.
    #[test]
    fn vague_references_decades_and_centuries() {
        let out = run(
            "These days prices fall; in the near future they may rise. Over the short term, little \
             changes. Membership fell through the nineties. It was the worst crash of the 20th century.",
            Some("1998-03-03"),
        );
        assert_eq!(find(&out, "These days").1, "PRESENT_REF");
        assert_eq!(find(&out, "the near future").1, "FUTURE_REF");
        assert_eq!(find(&out, "the short term").1, "FUTURE_REF");
        assert_eq!(find(&out, "the nineties").1, "199");
        assert_eq!(find(&out, "the 20th century").1, "19");
    }

    /// "a second group" is an ordinal; "in his 30s" an age; "late-November"
    /// a month with a modifier.
    #[test]
    fn ordinals_ages_and_hyphenated_modifiers() {
        let out = run("A second group joined when he was in his 30s, on a late-November trip.", Some("2000-01-28"));
        assert!(!out.iter().any(|t| t.0.contains("second") || t.0.contains("30s")), "{out:?}");
        let t = out.iter().find(|t| t.0 == "late-November").expect("late-November");
        assert_eq!((t.2.as_str(), t.3.as_deref()), ("1999-11", Some("END")));
    }

    /// Holidays: computed dates, the occurrence chosen by tense or by
    /// "last"/"next"; a lower-case "easter" is no holiday.
    #[test]
    fn holidays() {
        let out = run("The boy was found on Thanksgiving Day, clinging to an inner tube.", Some("2021-01-06"));
        assert_eq!(find(&out, "Thanksgiving Day").1, "2020-11-26");
        let out = run("Talks will resume after Easter.", Some("2022-03-01"));
        assert_eq!(find(&out, "Easter").1, "2022-04-17");
        let out = run("Shops were crowded last Christmas. Turnout will matter on Election Day.", Some("2022-03-01"));
        assert_eq!(find(&out, "last Christmas").1, "2021-12-25");
        assert_eq!(find(&out, "Election Day").1, "2022-11-08");
        let out = run("He ran on stage at the Great Orchestra of Christmas Charity.", Some("2022-03-01"));
        assert!(out.is_empty(), "{out:?}");
        let out = run("Prices in the easter region rose.", Some("2022-03-01"));
        assert!(out.is_empty(), "{out:?}");
    }

    /// Halves go to the next smaller unit; "a couple" is two.
    #[test]
    fn fractional_and_couple_durations() {
        let out = run(
            "They lived in camps for 2 1/2 years, then waited an hour and a half, \
             and will stay a couple of weeks.",
            Some("2021-03-01"),
        );
        assert_eq!(find(&out, "2 1/2 years").1, "P2Y6M");
        assert_eq!(find(&out, "an hour and a half").1, "PT1H30M");
        assert_eq!(find(&out, "a couple of weeks").1, "P2W");
    }

    /// "effective June 1" announces a change to come.
    #[test]
    fn effective_date_looks_ahead() {
        let out = run("The new labor pact, effective June 1, raised wages.", Some("2021-10-26"));
        assert_eq!(find(&out, "June 1").1, "2022-06-01");
    }

    /// "that year", "the following month", "that same day" count from the
    /// date mentioned last, not from the reference date; with none to
    /// count from they are generic.
    #[test]
    fn anaphoric_dates_follow_the_last_mention() {
        let out = run(
            "He fled to Florida in June 2016 and returned later that year. The following month he \
             was jailed. On March 3, 2017 he spoke; that same day he left.",
            Some("2021-03-01"),
        );
        assert_eq!(find(&out, "later that year").1, "2016");
        assert_eq!(find(&out, "The following month").1, "2016-07");
        assert_eq!(find(&out, "that same day").1, "2017-03-03");
        let out = run("Trades made that day lost money.", Some("2021-03-01"));
        assert!(out.is_empty(), "{out:?}");
    }

    /// "later" is a signal: the length alone is the expression ("ago"
    /// and "hence" stay in it).
    #[test]
    fn later_leaves_the_length() {
        let out = run("Three days later the talks resumed; a few days later they failed.", Some("2021-03-01"));
        assert_eq!(find(&out, "Three days"), (TimexType::Duration, "P3D".into()));
        assert_eq!(find(&out, "a few days"), (TimexType::Duration, "PXD".into()));
        assert!(!out.iter().any(|t| t.0.contains("later")), "{out:?}");
        let out = run("Just over an hour later he was dead.", Some("2021-03-01"));
        assert_eq!(find(&out, "over an hour"), (TimexType::Duration, "PT1H".into()));
    }

    /// Compared over nine months (or a half, or a year), "a year earlier"
    /// and "the 1988 period" are the previous year, not its quarter.
    #[test]
    fn year_to_date_comparisons_take_the_year() {
        let text = "Third-quarter net rose. For the nine months, net was $5 million, up from $4 million a year \
            earlier. In the first nine months, sales fell from the 2020 period. In the quarter, net rose from \
            $3 million a year earlier. For the nine months, net fell from year-earlier profit of $9 million.";
        let out = run(text, Some("2021-10-26"));
        let years: Vec<&str> = out.iter().filter(|t| t.0 == "a year earlier").map(|t| t.2.as_str()).collect();
        assert_eq!(years, ["2020", "2020-Q3"]);
        assert_eq!(find(&out, "the 2020 period").1, "2020");
        assert_eq!(find(&out, "year-earlier").1, "2020");
    }

    /// The year-ago period named with its quarter or a comparison word.
    #[test]
    fn year_ago_periods_as_one_expression() {
        let text = "Third-quarter net fell. For the quarter a year ago, it earned $3 million. Sales matched \
            those of the corresponding period last year.";
        let out = run(text, Some("2021-10-26"));
        assert_eq!(find(&out, "the quarter a year ago").1, "2020-Q3");
        assert_eq!(find(&out, "the corresponding period last year").1, "2020-Q3");
        let out = run("Visitors matched the same period last year.", Some("2021-10-26"));
        assert_eq!(find(&out, "the same period last year").1, "2020");
        let out = run("Visitors came in the same period.", Some("2021-10-26"));
        assert!(out.is_empty(), "{out:?}");
    }

    /// "annual" qualifies its noun ("annual meeting"); "annually" recurs.
    #[test]
    fn annual_is_an_adjective() {
        let out = run("At the annual meeting, holders approved the plan. Dividends are paid annually.", None);
        assert!(!out.iter().any(|t| t.0 == "annual"), "{out:?}");
        assert_eq!(find(&out, "annually"), (TimexType::Set, "P1Y".into()));
    }

    /// Programme titles are no dates: a lower-case temporal word written
    /// capitalized after a word of the sentence.
    #[test]
    fn titles_are_not_dates() {
        let out = run(
            "He said on ABC's This Week that it was over. She told CBS's 60 Minutes and USA Today about \
             it, like Cooper in High Noon. Today the talks resume at noon. Labor Day falls early.",
            Some("2021-03-01"),
        );
        let texts: Vec<&str> = out.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(texts, ["Today", "noon", "Labor Day"]);
    }

    /// Small phrase shapes: added lengths, "or so ago", seasons after a
    /// modifier, "this past", bare parts of the day after a modifier,
    /// spoken clock times, the week of a date, the last half of a year.
    #[test]
    fn assorted_phrase_shapes() {
        // 2021-03-03 is a Wednesday of ISO week 9.
        let out = run(
            "The base stays for at least 20 more years and an additional year after that. A week or so \
             ago he resigned. Demand recovered from the early summer and this past spring. By mid afternoon \
             the talks ended. He will leave at 4 in the morning. A hearing is set for the week of March 15. \
             Earnings for the last half of 2020 fell.",
            Some("2021-03-03"),
        );
        assert_eq!(find(&out, "at least 20 more years").1, "P20Y");
        assert_eq!(find(&out, "an additional year").1, "P1Y");
        assert_eq!(find(&out, "A week or so ago").1, "2021-W08");
        assert_eq!(find(&out, "the early summer").1, "2020-SU");
        assert_eq!(find(&out, "this past spring").1, "2020-SP");
        assert_eq!(find(&out, "mid afternoon"), (TimexType::Time, "2021-03-03TAF".into()));
        assert_eq!(find(&out, "4 in the morning"), (TimexType::Time, "2021-03-03T04:00".into()));
        assert_eq!(find(&out, "the week of March 15").1, "2021-W11");
        assert_eq!(find(&out, "the last half of 2020").1, "2020-H2");
    }

    /// A year before a spaced dash; trading days; "-long" and vague
    /// hyphenated lengths; the latest fiscal year; a second day after
    /// "and" in the month named before it.
    #[test]
    fn more_phrase_shapes() {
        let out = run(
            "It sold its stake in 1984 -- part of a plan -- and the 1984-85 season was poor. Eight trading \
             days later prices rose after a year-long inquiry and a several-year tenure. Sales in the latest \
             fiscal year fell. The summit is on April 24 and 25.",
            Some("2021-03-03"),
        );
        assert_eq!(find(&out, "1984").1, "1984");
        assert!(!out.iter().any(|t| t.0.starts_with("1984-")), "{out:?}");
        assert_eq!(find(&out, "Eight trading days").1, "P8D");
        assert_eq!(find(&out, "year-long"), (TimexType::Duration, "P1Y".into()));
        assert_eq!(find(&out, "several-year"), (TimexType::Duration, "PXY".into()));
        assert_eq!(find(&out, "the latest fiscal year").1, "2020");
        assert_eq!(find(&out, "April 24").1, "2021-04-24");
        assert_eq!(find(&out, "25").1, "2021-04-25");
        let out = run("Shares rose 24 and 25 points.", Some("2021-03-03"));
        assert!(out.is_empty(), "{out:?}");
    }

    /// The verb that governs a date mostly comes before it: a tense marker
    /// after the expression counts at twice its distance, so a participle
    /// further on ("markets untouched by") does not outweigh "will".
    #[test]
    fn markers_before_the_expression_weigh_more() {
        let out = run(
            "Qantas will double its flights between the two countries by August in search of markets \
             untouched by the crisis.",
            Some("2022-02-13"),
        );
        assert_eq!(find(&out, "August").1, "2022-08");
        let out = run("On Monday, the ministers met in Brussels.", Some("2022-06-30"));
        assert_eq!(find(&out, "Monday").1, "2022-06-27");
    }

    /// "this summer" is the summer of the current season-year whatever the
    /// verb; a bare "summer" still follows the tense.
    #[test]
    fn this_season_ignores_tense() {
        let out = run("Residents were told they would be left alone this summer.", Some("2022-03-22"));
        assert_eq!(find(&out, "this summer").1, "2022-SU");
        let out = run("Sales rose this fall.", Some("2022-12-10"));
        assert_eq!(find(&out, "this fall").1, "2022-FA");
        let out = run("Floods hit the region in the summer.", Some("2022-03-22"));
        assert_eq!(find(&out, "the summer").1, "2021-SU");
    }

    /// "the fiscal first quarter" is one expression; a hyphenated
    /// adjective leaves "the" to its noun.
    #[test]
    fn fiscal_quarters_and_hyphenated_adjectives() {
        let out = run("Net rose in the fiscal first quarter. The third-quarter loss widened.", Some("2021-10-26"));
        assert_eq!(find(&out, "the fiscal first quarter").1, "2021-Q1");
        assert_eq!(find(&out, "third-quarter").1, "2021-Q3");
        assert!(!out.iter().any(|t| t.0 == "The third-quarter"), "{out:?}");
    }

    /// "-eed" verbs ("succeed"), "hundred" and capitalized names ("United")
    /// are no regular past forms.
    #[test]
    fn false_past_forms() {
        let out = run("The envoy will succeed the minister Feb. 1.", Some("2021-10-26"));
        assert_eq!(find(&out, "Feb. 1").1, "2022-02-01");
        let out = run("Delegates of the United Nations meet again in January.", Some("2021-10-26"));
        assert_eq!(find(&out, "January").1, "2022-01");
        let out = run("Two hundred delegates meet again in January.", Some("2021-10-26"));
        assert_eq!(find(&out, "January").1, "2022-01");
        let out = run("The delegates agreed in January.", Some("2021-10-26"));
        assert_eq!(find(&out, "January").1, "2021-01");
    }

    /// "through" marks an end point to come, like "until"; not when a past
    /// perfect follows, nor as the end of a range.
    #[test]
    fn until_and_through() {
        let out = run("Lenders extended loans through January.", Some("2021-10-30"));
        assert_eq!(find(&out, "January").1, "2022-01");
        // 2022-05-06 is a Friday.
        let out = run("Until Thursday, investigators had not called him a suspect.", Some("2022-05-06"));
        assert_eq!(find(&out, "Thursday").1, "2022-05-05");
        let out = run("Trading was halted Monday through Wednesday.", Some("2022-05-06"));
        assert_eq!(find(&out, "Wednesday").1, "2022-05-04");
        let out = run("The offer was extended until Tuesday.", Some("2022-05-06"));
        assert_eq!(find(&out, "Tuesday").1, "2022-05-10");
    }

    /// A participle after "be" is passive, no past tense.
    #[test]
    fn passive_participles_are_no_past() {
        let out = run("Collins will be named commander of the shuttle for a mission in December.", Some("2022-03-04"));
        assert_eq!(find(&out, "December").1, "2022-12");
        let out = run("They are not going to be left alone in May.", Some("2022-10-04"));
        assert_eq!(find(&out, "May").1, "2023-05");
    }

    /// A clock time with no day of its own falls on the day last
    /// mentioned (the reference day when none was).
    #[test]
    fn bare_clock_times_take_the_last_day() {
        let out = run("At 9 a.m. the market opened.", Some("1998-08-08"));
        assert_eq!(find(&out, "9 a.m.").1, "1998-08-08T09:00");
        let out = run("The embassy was bombed on Aug. 7. The blast struck at 10:35 a.m.", Some("1998-08-08"));
        assert_eq!(find(&out, "10:35 a.m.").1, "1998-08-07T10:35");
        let out = run("The talks began in 1997. They resumed at noon.", Some("1998-08-08"));
        assert_eq!(find(&out, "noon").1, "1998-08-08T12:00");
    }

    #[test]
    fn hostile_input_stays_linear() {
        let text = "Thursday 2022 May ".repeat(50_000);
        let t = std::time::Instant::now();
        let out = run(&text, Some("2022-06-30"));
        assert!(!out.is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }
}
