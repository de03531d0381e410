//! Relative ordinals: "the last but one", "the next one", "penultimate",
//! "the previous version". They count from the end of a series or from the
//! current item rather than from its start, so the figure's `value` is an
//! offset and `relative_to` names the reference: "the last but one" is -1
//! from the end, "the next item" +1 from the current one.
//!
//! "last", "next" and "previous" are frequent in news in other uses, so only
//! ordinal uses are read:
//! - fixed phrases: "penultimate" (end-1), "antepenultimate" (end-2), "last
//!   but one", "second to last", "second last", "third from the end", "next
//!   to last", "the one before the last", "the next but one" and "the one
//!   after next" (current+2), "the one before/after the current one";
//!   "penultimate" not before a time word ("the penultimate day");
//! - before the pronoun "one": "the next one", "the current one";
//! - "the last"/"the next" as a noun phrase: "the last of the troops", "was
//!   the last to leave", "he was the next." (not "fought to the last");
//! - "last", "next", "previous" before a noun phrase ("the next item", "last
//!   two books", "previous version"), unless a word of it is a time word
//!   ("last week", "next year", "the last few months" are dates), the word is
//!   a verb or an adverb ("will last", "was last seen", "last rose"), part of
//!   an idiom ("last resort", "next door") or glued to a hyphen
//!   ("last-minute", "next-generation");
//! - "current" only as "current one": "the current government" is the present
//!   one, not a rank.

use super::lexer::{Lex, LexKind, lower};
use super::numbers::{self, is_word, word_at};
use super::object::phrase_at;
use super::{Figure, FigureKind};
use crate::document::Span;

/// What a relative ordinal counts from.
const END: &str = "end";
const CURRENT: &str = "current";

/// A relative ordinal found at lexeme `i`: the figure and the lexeme after it.
pub fn ordinal_at(s: &str, lx: &[Lex], i: usize) -> Option<(Figure, usize)> {
    let l = lx.get(i)?;
    if l.kind != LexKind::Word {
        return None;
    }
    // Most words the scanner stops at ("a", "about", "million") are none of
    // the keywords below (3, 4, 7, 8, 11 or 15 letters) and not before "(to)
    // last": rejected before lower-casing, as this runs on each of them.
    if !matches!(l.end - l.start, 3 | 4 | 7 | 8 | 11 | 15) && from_end(s, lx, i + 1).is_none() {
        return None;
    }
    let mut b = [0u8; 32];
    let w = lower(l.text(s), &mut b)?;
    // (offset, reference, end, "the" belongs to it, object)
    let (offset, rel, end, with_the, object) = match w {
        "penultimate" => (-1.0, END, i + 1, false, not_time(phrase_at(s, lx, i + 1))?),
        "antepenultimate" => (-2.0, END, i + 1, false, not_time(phrase_at(s, lx, i + 1))?),
        "last" if is_word(s, lx, i + 1, "but") => {
            // "the last but one", "the last but two".
            let np = numbers::parse(s, lx, i + 2, false).filter(|n| n.i0 == i + 2 && !n.ordinal && n.words)?;
            (-np.value, END, np.i1, true, None)
        }
        // "the last of the hostages".
        "last" if is_word(s, lx, i + 1, "of") && i >= 1 && is_word(s, lx, i - 1, "the") => {
            (0.0, END, i + 1, false, None)
        }
        "last" => adjective(s, lx, i, true).map(|(e, o)| (0.0, END, e, false, o))?,
        "next" if is_word(s, lx, i + 1, "but") => {
            // "the next but one": two on.
            let np = numbers::parse(s, lx, i + 2, false).filter(|n| n.i0 == i + 2 && !n.ordinal && n.words)?;
            (1.0 + np.value, CURRENT, np.i1, true, None)
        }
        "next" => match to_last(s, lx, i + 1) {
            Some(e) => (-1.0, END, e, true, None),
            None => adjective(s, lx, i, true).map(|(e, o)| (1.0, CURRENT, e, false, o))?,
        },
        "previous" => adjective(s, lx, i, false).map(|(e, o)| (-1.0, CURRENT, e, false, o))?,
        "current" => (0.0, CURRENT, pronoun_one(s, lx, i + 1)?, false, None),
        "one" => one_before_or_after(s, lx, i).map(|(v, r, e)| (v, r, e, true, None))?,
        _ => {
            // "second to last", "third-last", "second from the end": counted
            // back from the end ("last" is checked first: it is rare, the
            // parse is not cheap).
            let end = from_end(s, lx, i + 1)?;
            let np = numbers::parse(s, lx, i, false).filter(|n| n.ordinal && n.words && n.i1 == i + 1)?;
            (1.0 - np.value, END, end, true, None)
        }
    };
    let start = if with_the && i >= 1 && is_word(s, lx, i - 1, "the") { lx[i - 1].start } else { l.start };
    let figure = Figure {
        span: Span::new(start, lx[end - 1].end),
        kind: FigureKind::Ordinal,
        value: offset,
        value_max: None,
        unit: None,
        object,
        qualifier: None,
        relative_to: Some(rel),
        converted_to: None,
    };
    Some((figure, end))
}

/// "to last" after an ordinal or "next" at `k` (hyphens allowed:
/// "second-to-last"): the end of the phrase.
fn to_last(s: &str, lx: &[Lex], k: usize) -> Option<usize> {
    let hy = |j: usize| lx.get(j).is_some_and(|l| l.is_sym('-') && !l.sp);
    let k = if hy(k) { k + 1 } else { k };
    if !is_word(s, lx, k, "to") {
        return None;
    }
    let k = if hy(k + 1) { k + 2 } else { k + 1 };
    is_word(s, lx, k, "last").then_some(k + 1)
}

/// The pronoun "one(s)" at `k` ("the next one"), not the start of a number
/// ("the next one hundred days"): the end.
fn pronoun_one(s: &str, lx: &[Lex], k: usize) -> Option<usize> {
    if !(is_word(s, lx, k, "one") || is_word(s, lx, k, "ones")) {
        return None;
    }
    let mut b = [0u8; 32];
    let number_goes_on = word_at(s, lx, k + 1, &mut b).is_some_and(numbers::is_number_word)
        || lx.get(k + 1).is_some_and(|l| l.kind == LexKind::Num);
    (!number_goes_on).then_some(k + 1)
}

/// After an ordinal at `k - 1`, the words that count it from the end:
/// "to last", "last" ("second last", "third-last"), "from last", "from the
/// end". Returns the end of the phrase.
fn from_end(s: &str, lx: &[Lex], k: usize) -> Option<usize> {
    if let Some(e) = to_last(s, lx, k) {
        return Some(e);
    }
    let hyphen = lx.get(k).is_some_and(|l| l.is_sym('-') && !l.sp);
    let j = if hyphen { k + 1 } else { k };
    // "second last" but not "his second last-minute goal".
    if is_word(s, lx, j, "last") && lx.get(j + 1).is_none_or(|l| !l.is_sym('-') || l.sp) {
        return Some(j + 1);
    }
    if !hyphen && is_word(s, lx, k, "from") {
        let j = if is_word(s, lx, k + 1, "the") { k + 2 } else { k + 1 };
        if is_word(s, lx, j, "last") || j == k + 2 && is_word(s, lx, j, "end") {
            return Some(j + 1);
        }
    }
    None
}

/// "(the) one before the last (one)" (end-1), "the one after next" (two
/// on), "the one before/after the current one": offset, reference, end.
fn one_before_or_after(s: &str, lx: &[Lex], i: usize) -> Option<(f64, &'static str, usize)> {
    let after = is_word(s, lx, i + 1, "after");
    if !(after || is_word(s, lx, i + 1, "before")) {
        return None;
    }
    let k = if is_word(s, lx, i + 2, "the") { i + 3 } else { i + 2 };
    let mut b = [0u8; 32];
    let (offset, rel) = match (word_at(s, lx, k, &mut b)?, after) {
        ("last", false) => (-1.0, END),
        ("next", true) => (2.0, CURRENT),
        ("current", false) => (-1.0, CURRENT),
        ("current", true) => (1.0, CURRENT),
        _ => return None,
    };
    Some((offset, rel, pronoun_one(s, lx, k + 1).unwrap_or(k + 1)))
}

/// "last"/"next"/"previous" at `i` used as an ordinal adjective: before the
/// pronoun "one" or a noun phrase that is not about time. `verb_sense` words
/// ("last", "next") are also checked for verb and adverb uses. Returns the
/// end of the figure (the word, or "one") and the noun phrase's object.
fn adjective(s: &str, lx: &[Lex], i: usize, verb_sense: bool) -> Option<(usize, Option<String>)> {
    if let Some(e) = pronoun_one(s, lx, i + 1) {
        return Some((e, None));
    }
    if standing_alone(s, lx, i) {
        return Some((i + 1, None));
    }
    let next = lx.get(i + 1)?;
    // "last-minute", "next-generation": compounds; "last." ends the phrase.
    if !(next.is_word() || next.kind == LexKind::Num) || !next.sp {
        return None;
    }
    if verb_sense && i >= 1 && verb_or_adverb_before(s, lx, i - 1) {
        return None;
    }
    // Skip a count: "the last two books", "next 3 books", "the next few weeks".
    let mut k = i + 1;
    if let Some(np) = numbers::parse(s, lx, k, false).filter(|n| n.i0 == k && !n.ordinal) {
        k = np.i1;
    } else if is_word(s, lx, k, "few") || is_word(s, lx, k, "several") || is_word(s, lx, k, "couple") {
        k += if is_word(s, lx, k + 1, "of") { 2 } else { 1 };
    }
    let phrase = phrase_at(s, lx, k)?;
    if is_idiom_or_verb(phrase.split(' ').next().unwrap_or("")) {
        return None;
    }
    Some((i + 1, not_time(Some(phrase))?))
}

/// The noun phrase after a relative ordinal, or `None` when it is about
/// time ("the penultimate day" is a date): `Some(None)` when there is none.
fn not_time(phrase: Option<String>) -> Option<Option<String>> {
    match phrase {
        Some(p) if p.split(' ').any(is_time_word) => None,
        p => Some(p),
    }
}

/// "the last" used as a noun phrase: "He was the last.", "the next to
/// fall", not "fought to the last" (an idiom) nor "the next to last".
fn standing_alone(s: &str, lx: &[Lex], i: usize) -> bool {
    if !(i >= 1 && is_word(s, lx, i - 1, "the")) || i >= 2 && is_word(s, lx, i - 2, "to") {
        return false;
    }
    match lx.get(i + 1) {
        None => true,
        Some(l) if l.kind == LexKind::Word => {
            let mut b = [0u8; 32];
            is_word(s, lx, i + 1, "to") && word_at(s, lx, i + 2, &mut b).is_some_and(|w| w != "last" && w != "the")
        }
        Some(l) => [',', '.', ';', '!', '?', ':'].iter().any(|c| l.is_sym(*c)),
    }
}

/// Words before "last"/"next" that make it a verb ("will last", "to last")
/// or an adverb ("was last seen", "he last visited").
fn verb_or_adverb_before(s: &str, lx: &[Lex], p: usize) -> bool {
    let mut b = [0u8; 32];
    word_at(s, lx, p, &mut b).is_some_and(|w| {
        matches!(
            w,
            "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "must"
                | "shall"
                | "should"
                | "to"
                | "not"
                | "t"
                | "did"
                | "does"
                | "do"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "who"
                | "which"
                | "what"
                | "comes"
                | "come"
                | "came"
        )
    })
}

/// Time words (singular, lower case): a relative ordinal before one is a
/// date ("last week", "next Monday" is caught by its capital).
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "week"
            | "weekend"
            | "fortnight"
            | "month"
            | "quarter"
            | "year"
            | "decade"
            | "century"
            | "millennium"
            | "season"
            | "semester"
            | "term"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "time"
            | "while"
            | "moment"
            | "period"
            | "era"
            | "weekday"
            | "holiday"
            | "tonight"
    ) || crate::document::calendar::month_number(w).is_some()
        || matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Idioms ("last resort", "next door") and verbs an adverb "last" stands
/// before ("prices last rose", "they last met"): checked on the word right
/// after "last"/"next".
fn is_idiom_or_verb(w: &str) -> bool {
    matches!(
        w,
        "resort"
            | "straw"
            | "rite"
            | "laugh"
            | "ditch"
            | "gasp"
            | "door"
            | "rose"
            | "fell"
            | "grew"
            | "met"
            | "saw"
            | "seen"
            | "won"
            | "lost"
            | "spoke"
            | "spoken"
            | "came"
            | "went"
            | "took"
            | "made"
            | "held"
            | "hit"
            | "left"
            | "paid"
            | "told"
            | "gave"
            | "ran"
            | "sold"
            | "bought"
            | "heard"
            | "wrote"
            | "flew"
            | "led"
            | "stood"
            | "traded"
            | "played"
    )
}

#[cfg(test)]
mod tests {
    use super::super::scan;
    use super::*;

    /// (surface, value, reference, object) of every relative ordinal.
    fn rel(text: &str) -> Vec<(String, f64, &'static str, Option<String>)> {
        scan(text)
            .into_iter()
            .filter_map(|f| Some((text[f.span.start..f.span.end].to_string(), f.value, f.relative_to?, f.object)))
            .collect()
    }

    #[test]
    fn fixed_phrases_count_from_the_end() {
        assert_eq!(rel("He was the penultimate speaker.")[0].1, -1.0);
        let r = rel("The antepenultimate chapter.");
        assert_eq!((r[0].1, r[0].3.as_deref()), (-2.0, Some("chapter")));
        assert!(rel("on the penultimate day of the talks").is_empty());
        let r = rel("It was the last but two and then the third-to-last one.");
        assert_eq!((r[0].0.as_str(), r[0].1, r[0].2), ("the last but two", -2.0, END));
        assert_eq!((r[1].0.as_str(), r[1].1), ("the third-to-last", -2.0));
        let r = rel("Take the one before the last, not next to last.");
        assert_eq!((r[0].0.as_str(), r[0].1), ("the one before the last", -1.0));
        assert_eq!((r[1].0.as_str(), r[1].1), ("next to last", -1.0));
        let r = rel("The fourth last, the second-last and the third from the end; the last of the crew.");
        let got: Vec<_> = r.iter().map(|(t, v, _, _)| (t.as_str(), *v)).collect();
        assert_eq!(
            got,
            vec![("The fourth last", -3.0), ("the second-last", -1.0), ("the third from the end", -2.0), ("last", 0.0)]
        );
        // "last-minute" after an ordinal is a compound, not "second last".
        assert!(rel("his second last-minute goal").is_empty());
    }

    #[test]
    fn the_last_as_a_noun_phrase() {
        let r = rel("She was the last to leave; he was the next. They fought to the last.");
        let got: Vec<_> = r.iter().map(|(t, v, rt, _)| (t.as_str(), *v, *rt)).collect();
        assert_eq!(got, vec![("last", 0.0, END), ("next", 1.0, CURRENT)]);
        assert!(rel("He went to the next town and then to the last.").len() == 1);
    }

    #[test]
    fn counted_on_from_the_current_one() {
        let r = rel("Not this one, the one after next, or the next but one, or the one after the current one.");
        let got: Vec<_> = r.iter().map(|(t, v, rt, _)| (t.as_str(), *v, *rt)).collect();
        assert_eq!(
            got,
            vec![
                ("the one after next", 2.0, CURRENT),
                ("the next but one", 2.0, CURRENT),
                ("the one after the current one", 1.0, CURRENT)
            ]
        );
    }

    #[test]
    fn the_pronoun_one_after_next_current_previous() {
        let r = rel("Not this plan but the next one; keep the current one.");
        assert_eq!((r[0].0.as_str(), r[0].1, r[0].2), ("next one", 1.0, CURRENT));
        assert_eq!((r[1].0.as_str(), r[1].1, r[1].2), ("current one", 0.0, CURRENT));
        // "one" that starts a number is no pronoun: a duration, not a rank.
        assert!(rel("over the next one hundred days").is_empty());
    }

    #[test]
    fn adjectives_before_a_noun_phrase() {
        let r = rel(
            "The previous government resigned; the next president and the last three convoys wait for next 2 ships.",
        );
        let got: Vec<_> = r.iter().map(|(t, v, rt, o)| (t.as_str(), *v, *rt, o.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("previous", -1.0, CURRENT, Some("government")),
                ("next", 1.0, CURRENT, Some("president")),
                ("last", 0.0, END, Some("convoy")),
                ("next", 1.0, CURRENT, Some("ship")),
            ]
        );
    }

    #[test]
    fn time_words_verbs_adverbs_and_idioms_are_not_ranks() {
        for text in [
            "It happened last week and again last night.",
            "Talks resume next month; the next few days matter, as did the last 24 hours.",
            "The truce will last two days and may not last long.",
            "He was last seen in Kyiv; prices last rose in May.",
            "A last-minute deal, a next-generation jet, the last resort, the house next door.",
            "At last, the winner came next.",
            "The current government and current account.",
            "Last Tuesday and next January.",
        ] {
            assert!(rel(text).is_empty(), "{text}: {:?}", rel(text));
        }
    }
}
