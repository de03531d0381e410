//! Publication dates and bylines printed in the text.
//!
//! A dateline is a paragraph that is nothing but a date ("Friday, January
//! 4, 2019"); a "Published: …" / "Updated …" line carries one after its
//! label. Both give a document its reference date.

use crate::document::DateSource;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Word boundaries here are ASCII ones (`(?-u)`): a date is ASCII digits
/// and month names, and a Unicode `\b` stops the regex's fast automaton at
/// the first non-ASCII byte (a "£" or curly quote on the line), leaving the
/// slow one to scan the whole line.
static DATE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<iso>(?-u:\b)(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?-u:\b))
      | (?P<mdy>(?-u:\b)(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)(?-u:\b))
      | (?P<dmy>(?-u:\b)(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?P<y2>(?:19|20)\d\d)(?-u:\b))",
    )
    .expect("valid regex")
});
static WEEKDAY_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b(?:[ap]\.?m\.?|gmt|utc|bst|cet|cest|est|edt|pst|pdt|[A-Z]{3})\b|[,|•·/()\s-]+|\bat\b|\bon\b",
    )
    .expect("valid regex")
});
static META_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|posted|updated|last updated|first published|date)(?:\s+on)?\s*:?\s*")
        .expect("valid regex")
});

/// Builds this module's regexes now, the last-used first (see
/// [`crate::clean::warm_up`]).
pub fn warm_up() {
    for re in [&META_LABEL, &WEEKDAY_TIME, &DATE_ANY] {
        LazyLock::force(re);
    }
}

/// Finds the first calendar date anywhere in `s`.
pub fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    // Every form has a year: a line without a digit is settled without
    // running the capturing regex, the slow part of cleaning short lines.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for c in DATE_ANY.captures_iter(s) {
        let whole = c.get(0)?;
        let ymd = if c.name("iso").is_some() {
            (c["iy"].parse().ok()?, c["im"].parse().ok()?, c["id"].parse().ok()?)
        } else if c.name("mdy").is_some() {
            (c["y1"].parse().ok()?, month(&c["m1"])?, c["d1"].parse().ok()?)
        } else {
            (c["y2"].parse().ok()?, month(&c["m2"])?, c["d2"].parse().ok()?)
        };
        if let Some(d) = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2) {
            return Some((d, whole.range()));
        }
    }
    None
}

fn month(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    crate::document::calendar::month_number(&l)
}

/// Longest line read as a dateline or "Published" line: a longer one is
/// prose that happens to hold a date.
const MAX_META_LINE: usize = 120;

/// A dateline or "Published" line: its date and which kind of line it is.
pub fn parse_line(line: &str) -> Option<(NaiveDate, DateSource)> {
    if line.len() > MAX_META_LINE {
        return None;
    }
    parse_after_label(line, meta_label_end(line))
}

/// [`parse_line`] of a line of at most [`MAX_META_LINE`] bytes whose label, if any,
/// ends at `label`.
fn parse_after_label(line: &str, label: Option<usize>) -> Option<(NaiveDate, DateSource)> {
    if let Some(end) = label {
        return find_date(&line[end..]).map(|(d, _)| (d, DateSource::Published));
    }
    let (d, range) = find_date(line)?;
    // Everything else on the line must be weekday, time, zone or punctuation.
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    WEEKDAY_TIME.replace_all(&rest, "").trim().is_empty().then_some((d, DateSource::Dateline))
}

/// True for a line that is only page metadata: a dateline, or a
/// "Published:"/"Updated" label with or without its date.
pub fn is_meta_line(line: &str) -> bool {
    let label = meta_label_end(line);
    if line.len() <= MAX_META_LINE && parse_after_label(line, label).is_some() {
        return true;
    }
    label.is_some_and(|end| end == line.len() || line.len() < 60 && find_date(line).is_some())
}

/// Where a "Published"/"Updated" label ([`META_LABEL`]) opening `line`
/// ends. Every label starts with one of ten letters (p, u, l, f, d in
/// either case; no other character folds to them), so the regex, asked
/// about every line of every document, sees only lines that do.
fn meta_label_end(line: &str) -> Option<usize> {
    let first = *line.as_bytes().first()?;
    if !b"pufldPUFLD".contains(&first) {
        return None;
    }
    META_LABEL.find(line).map(|m| m.end())
}

/// What may open a byline.
const BYLINE_OPENERS: [&str; 4] = ["By", "BY", "Written by", "Words by"];

/// Lower-case words a byline's names may have after the first one.
const NAME_PARTICLES: [&str; 7] = ["de", "van", "von", "da", "bin", "al", "and"];

/// The author of a byline such as "By Jane Doe": an opener, white space,
/// and names, each word a capitalized name or, after the first, a particle.
///
/// Read word by word rather than by a regex: the Unicode classes such a
/// regex needs cost a third of the start-up of a run on one small file to
/// compile. A name's first character is upper case and the rest letters
/// or `.'’-`, by the standard library's Unicode properties; these differ
/// from the general categories (`\p{Lu}`, `\p{L}`) only on rare symbols
/// and marks (circled letters, Roman numerals, some vowel signs).
pub fn byline(line: &str) -> Option<String> {
    if line.len() > 80 {
        return None;
    }
    let line = line.trim();
    let after = BYLINE_OPENERS.iter().find_map(|o| line.strip_prefix(o))?;
    let names = after.trim_start();
    if names.len() == after.len() {
        return None;
    }
    let is_name = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && !cs.as_str().is_empty()
            && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    let mut words = names.split_whitespace();
    let first = words.next().is_some_and(is_name);
    (first && words.all(|w| is_name(w) || NAME_PARTICLES.contains(&w))).then(|| names.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn datelines() {
        assert_eq!(parse_line("Friday, January 4, 2019"), Some((ymd(2019, 1, 4), DateSource::Dateline)));
        assert_eq!(parse_line("4 January 2019"), Some((ymd(2019, 1, 4), DateSource::Dateline)));
        assert_eq!(parse_line("2023-03-22 10:30 GMT"), Some((ymd(2023, 3, 22), DateSource::Dateline)));
        assert_eq!(parse_line("Published: March 22, 2023"), Some((ymd(2023, 3, 22), DateSource::Published)));
        assert_eq!(
            parse_line("Updated 3:07 PM EST, Thu March 23, 2023"),
            Some((ymd(2023, 3, 23), DateSource::Published))
        );
        assert_eq!(parse_line("The war began on February 24, 2022 with an invasion."), None);
        assert_eq!(parse_line("February 30, 2022"), None);
    }

    #[test]
    fn meta_lines_and_bylines() {
        assert!(is_meta_line("Published:"));
        assert!(is_meta_line("Friday, January 4, 2019"));
        assert!(!is_meta_line("Published reports say the talks failed."));
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(byline("By the end of the year, prices rose."), None);
        assert_eq!(byline("  Written by Ana de la Cruz ").as_deref(), None, "la is no particle");
        assert_eq!(byline("Written by Ana de Cruz\u{a0}").as_deref(), Some("Ana de Cruz"));
        assert_eq!(byline("BY JOHN O’NEIL-SMITH").as_deref(), Some("JOHN O’NEIL-SMITH"));
        assert_eq!(byline("Byron Smith"), None);
        assert_eq!(byline("By de Gaulle"), None, "a particle does not open the names");
        assert_eq!(byline("By J Smith"), None, "a one-letter name");
    }

    /// The regex the byline reader replaced, as the reference.
    fn byline_by_regex(line: &str) -> Option<String> {
        static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:By|BY|Written by|Words by)\s+(\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|de|van|von|da|bin|al|and))*)\s*$")
                .expect("valid regex")
        });
        if line.len() > 80 {
            return None;
        }
        BYLINE.captures(line.trim()).map(|c| c[1].to_string())
    }

    proptest::proptest! {
        /// The first-letter test turns away only lines the label regex
        /// would.
        #[test]
        fn meta_label_end_is_the_regex_s(line in "[pufldPUFLDxXſK ]?(ublished|osted|pdated|ast updated|irst published|ate|ATE|UBLISHED)?( on)?[: ]{0,2}.{0,8}") {
            proptest::prop_assert_eq!(meta_label_end(&line), META_LABEL.find(&line).map(|m| m.end()));
        }

        /// Letters of several scripts, particles, white space of several
        /// kinds and the name punctuation (not the rare symbols on which
        /// the Unicode properties and categories differ).
        #[test]
        fn byline_reads_as_the_regex_did(
            line in "[ \t]{0,2}(By|BY|Written by|Words by|by|Byron|Words)?([ \t\u{a0}\u{2003}]{0,2}([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ.'’-]{0,6}|de|van|al|and|la|[a-z]{1,4}|O’Neil|[0-9]|Ж[а-я]{1,3}|Σ[α-ω]{1,3}|[,;]|ǅ[a-z]{1,2})){0,5}[ \t]{0,2}"
        ) {
            proptest::prop_assert_eq!(byline(&line), byline_by_regex(&line));
        }
    }
}
