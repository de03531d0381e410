//! Word classes of temporal language: month and weekday names, units,
//! number words, modifiers. Small closed classes, so they live in code
//! (one hash lookup per token) rather than in data files.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// A time unit as it appears in durations and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The ISO-8601 duration designator ("P2Y", "PT3H").
    pub fn designator(self) -> (&'static str, &'static str) {
        match self {
            Unit::Second => ("PT", "S"),
            Unit::Minute => ("PT", "M"),
            Unit::Hour => ("PT", "H"),
            Unit::Day => ("P", "D"),
            Unit::Week | Unit::Weekend => ("P", "W"),
            Unit::Month => ("P", "M"),
            Unit::Quarter => ("P", "Q"),
            Unit::Year => ("P", "Y"),
            Unit::Decade => ("P", "DE"),
            Unit::Century => ("P", "CE"),
        }
    }
}

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The `n`th ISO weekday `wd` of a month: (month, wd, n).
    Nth(u32, u32, u32),
    /// The last ISO weekday `wd` of a month.
    Last(u32, u32),
    /// Days from (Western) Easter Sunday.
    Easter(i64),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
}

/// Holiday names as lower-cased token sequences, longer names before the
/// shorter ones they begin with. US federal holidays plus the Christian
/// feasts that news dates events by.
pub const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["new", "year", "'s", "eve"], Holiday::Fixed(12, 31)),
    (&["new", "year", "'s", "day"], Holiday::Fixed(1, 1)),
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["boxing", "day"], Holiday::Fixed(12, 26)),
    (&["valentine", "'s", "day"], Holiday::Fixed(2, 14)),
    (&["halloween"], Holiday::Fixed(10, 31)),
    (&["independence", "day"], Holiday::Fixed(7, 4)),
    (&["thanksgiving", "day"], Holiday::Nth(11, 4, 4)),
    (&["thanksgiving"], Holiday::Nth(11, 4, 4)),
    (&["labor", "day"], Holiday::Nth(9, 1, 1)),
    (&["memorial", "day"], Holiday::Last(5, 1)),
    (&["election", "day"], Holiday::Election),
    (&["good", "friday"], Holiday::Easter(-2)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
];

/// The class of one lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// Month 1..=12; `abbr` when written short ("Feb", "Sept").
    Month(u32, bool),
    /// ISO weekday 1 (Monday) ..= 7.
    Weekday(u32),
    /// Unit; `plural` when written plural.
    Unit(Unit, bool),
    /// A cardinal number word.
    Num(u32),
    /// An ordinal 1..=4 (for quarters and halves).
    Ordinal(u32),
    /// Season: 0 spring, 1 summer, 2 fall, 3 winter.
    Season(u32),
    /// Part of day code ("MO", "AF", "EV", "NI").
    PartOfDay(&'static str),
    /// Day offset from the reference date (yesterday = -1).
    DayRef(i64),
    /// A fixed reference value ("now" → PRESENT_REF).
    Ref(&'static str),
    /// Recurrence adverb/adjective ("daily" → P1D).
    SetWord(&'static str),
    /// Vague amount ("several", "few").
    Vague,
    /// Other word.
    Other,
}

static LEX: LazyLock<HashMap<&'static str, Lex>> = LazyLock::new(|| {
    use Lex::*;
    let mut m = HashMap::default();
    for (i, name) in crate::document::calendar::MONTH_NAMES.iter().enumerate() {
        m.insert(*name, Month(i as u32 + 1, false));
    }
    for (name, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        m.insert(name, Month(n, true));
    }
    for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].iter().enumerate() {
        m.insert(*name, Weekday(i as u32 + 1));
    }
    for (s, p, u) in [
        ("second", "seconds", self::Unit::Second),
        ("minute", "minutes", self::Unit::Minute),
        ("hour", "hours", self::Unit::Hour),
        ("day", "days", self::Unit::Day),
        ("week", "weeks", self::Unit::Week),
        ("weekend", "weekends", self::Unit::Weekend),
        ("month", "months", self::Unit::Month),
        ("quarter", "quarters", self::Unit::Quarter),
        ("year", "years", self::Unit::Year),
        ("decade", "decades", self::Unit::Decade),
        ("century", "centuries", self::Unit::Century),
    ] {
        m.insert(s, Unit(u, false));
        m.insert(p, Unit(u, true));
    }
    m.insert("hrs", Unit(self::Unit::Hour, true));
    m.insert("mins", Unit(self::Unit::Minute, true));
    for (w, n) in [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("a", 1),
        ("an", 1),
        ("single", 1),
        ("dozen", 12),
    ] {
        m.insert(w, Num(n));
    }
    for (w, n) in [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)] {
        if w != "second" {
            m.insert(w, Ordinal(n));
        }
    }
    for (w, n) in [("spring", 0), ("summer", 1), ("fall", 2), ("autumn", 2), ("winter", 3)] {
        m.insert(w, Season(n));
    }
    for (w, c) in [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI")] {
        m.insert(w, PartOfDay(c));
    }
    m.insert("yesterday", DayRef(-1));
    m.insert("today", DayRef(0));
    m.insert("tomorrow", DayRef(1));
    for (w, v) in
        [("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("nowadays", "PRESENT_REF"), ("recently", "PAST_REF")]
    {
        m.insert(w, Ref(v));
    }
    for (w, v) in [
        ("daily", "P1D"),
        ("hourly", "PT1H"),
        ("weekly", "P1W"),
        ("monthly", "P1M"),
        ("yearly", "P1Y"),
        ("annually", "P1Y"),
        ("annual", "P1Y"),
        ("quarterly", "P1Q"),
        ("nightly", "P1D"),
    ] {
        m.insert(w, SetWord(v));
    }
    for w in ["several", "few", "many", "some", "couple"] {
        m.insert(w, Vague);
    }
    m
});

/// Every word the lexicon classifies, with its class.
pub fn words() -> impl Iterator<Item = (&'static str, Lex)> {
    LEX.iter().map(|(w, l)| (*w, *l))
}

/// Classifies a lower-cased word.
pub fn lex(w: &str) -> Lex {
    LEX.get(w).copied().unwrap_or(Lex::Other)
}

/// The ordinal 1..=4 of a word ("third" → 3), "second" included, which
/// the lexicon files as a unit.
pub fn ordinal(w: &str) -> Option<u32> {
    match lex(w) {
        Lex::Ordinal(q) => Some(q),
        _ if w == "second" => Some(2),
        _ => None,
    }
}

/// Parses a cardinal written in digits or words, including hyphenated tens
/// ("twenty-five"). `None` when the word is not a number.
pub fn number(w: &str) -> Option<u32> {
    number_of(w, lex(w))
}

/// [`number`] of a word whose class `lex` is already known.
pub fn number_of(w: &str, lex_w: Lex) -> Option<u32> {
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok().filter(|&n| n < 100_000);
    }
    if let Lex::Num(n) = lex_w {
        return Some(n);
    }
    let (a, b) = split_hyphen(w)?;
    match (lex(a), lex(b)) {
        (Lex::Num(t), Lex::Num(u)) if (20..=90).contains(&t) && u < 10 => Some(t + u),
        _ => None,
    }
}

/// `w.split_once('-')` by a plain byte loop: the general char search
/// behind `split_once` costs a library call, and the grammar asks this of
/// many short words that hold no hyphen at all.
pub fn split_hyphen(w: &str) -> Option<(&str, &str)> {
    let at = w.bytes().position(|b| b == b'-')?;
    Some((&w[..at], &w[at + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_hyphen_splits_at_the_first_hyphen() {
        assert_eq!(split_hyphen("twenty-five"), Some(("twenty", "five")));
        assert_eq!(split_hyphen("mid-to-late"), Some(("mid", "to-late")));
        assert_eq!(split_hyphen("-year"), Some(("", "year")));
        assert_eq!(split_hyphen("year-"), Some(("year", "")));
        assert_eq!(split_hyphen("année"), None);
        assert_eq!(split_hyphen(""), None);
    }
}
