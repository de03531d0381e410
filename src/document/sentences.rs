//! English sentence segmentation.
//!
//! A rule-based splitter tuned for news prose: a sentence ends at `.`, `!`,
//! `?` or `…` (plus any closing quotes or brackets) when whitespace and a
//! plausible sentence start follow, unless the word before the period is an
//! abbreviation ("Mr.", "Gen.", "No. 10", "Jan. 5"), an initial ("J.D.
//! Vance", "George W. Bush") or a dotted acronym followed by a name ("U.S.
//! officials"). It never splits inside a quotation, and a paragraph boundary
//! always ends a sentence.

use super::{Paragraph, Span, ascii, trim_span};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Abbreviations that never end a sentence (titles, name parts, "et al.").
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Sgt", "Cpl",
    "Pvt", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Supt", "Insp", "Det", "St", "Ste", "Mt", "Ft",
    "Rev", "Hon", "Messrs", "Mme", "Mlle", "Fr", "Sr", "Jr", "Gov", "Atty", "Amb", "Rt", "Cllr", "Sec", "Lieut", "Cpt",
    "Sgt", "Spc", "Pfc", "Mgr", "Msgr", "al", "vs", "v", "cf", "approx", "ca", "Ave", "Blvd", "Rd", "Hwy", "Fig",
    "Figs", "Dept", "Univ", "Assn", "Inst", "Bros", "Calif", "Mass", "Conn", "Penn", "Wash", "Ariz", "Colo", "Fla",
    "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo", "Ala", "Ark", "Del",
];
/// Abbreviations that only continue the sentence before a number ("No. 10").
const BEFORE_NUMBER: &[&str] = &[
    "No", "Nos", "no", "Art", "art", "Vol", "vol", "p", "pp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Ch", "ch", "Sec", "sec", "Para", "para", "Nr", "Op", "op",
];
/// Corporate suffixes: a sentence may end after them, but only before a
/// word that usually opens a sentence.
const CORPORATE: &[&str] =
    &["Inc", "Corp", "Ltd", "Co", "Plc", "plc", "LLC", "Bhd", "AG", "SA", "NV", "etc", "e.g", "i.e"];
/// Words that usually open a sentence; used to decide after "U.S." or "Inc.".
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "However",
    "Meanwhile",
    "So",
    "Yet",
    "Still",
    "Now",
    "Then",
    "For",
    "With",
    "By",
    "From",
    "Some",
    "Many",
    "Most",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Officials",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// A word list as a set: every period in the text asks about the word
/// before it, and a scan of [`TITLES`] alone is a hundred comparisons.
fn set(words: &'static [&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

static TITLE_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(TITLES));
static BEFORE_NUMBER_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(BEFORE_NUMBER));
static CORPORATE_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(CORPORATE));
static STARTER_SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| set(STARTERS));

/// Splits every paragraph into sentences (byte spans, trimmed).
pub fn split_sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    for p in paragraphs {
        split_paragraph(text, p.span, &mut out);
    }
    out
}

/// Bytes the splitter must look at: terminators, straight quotes, and the
/// UTF-8 lead bytes of `…“”` (0xE2) and `«»` (0xC2). Everything else is
/// skipped without decoding.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The first byte at or after `from` that [`INTERESTING`] marks.
///
/// Eight bytes at a time: a word none of whose bytes is a terminator, a
/// straight quote or non-ASCII (every marked byte is one of these) is
/// passed over whole, which is most of running text; only the other
/// words are looked at byte by byte.
fn next_interesting(bytes: &[u8], from: usize) -> Option<usize> {
    let marked = |b: &u8| INTERESTING[usize::from(*b)];
    let mut i = from;
    while let Some(x) = ascii::word_at(bytes, i) {
        let maybe = x & ascii::HIGHS != 0
            || ascii::has_byte(x, b'.')
            || ascii::has_byte(x, b'!')
            || ascii::has_byte(x, b'?')
            || ascii::has_byte(x, b'"');
        if maybe && let Some(p) = bytes[i..i + 8].iter().position(marked) {
            return Some(i + p);
        }
        i += 8;
    }
    bytes[i..].iter().position(marked).map(|p| i + p)
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let s = &text[para.start..para.end];
    let bytes = s.as_bytes();
    let mut start = 0usize;
    let mut depth_curly = 0i32; // “ … ”
    let mut in_straight = false; // " … "
    let mut i = 0usize;
    while let Some(at) = next_interesting(bytes, i) {
        i = at;
        let Some(c) = s[i..].chars().next() else { break };
        let clen = c.len_utf8();
        match c {
            '“' | '«' => depth_curly += 1,
            '”' | '»' => depth_curly = (depth_curly - 1).max(0),
            '"' => in_straight = !in_straight,
            _ => {}
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += clen;
            continue;
        }
        // Swallow a run of terminators and closing marks: `?!`, `...`, `.”`, `.)`.
        let lone_period = c == '.';
        let mut end = i + clen;
        while let Some(d) = s[end..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…') {
                end += d.len_utf8();
            } else if matches!(d, '”' | '’' | '"' | '\'' | ')' | ']' | '»') {
                match d {
                    '”' | '»' => depth_curly = (depth_curly - 1).max(0),
                    '"' => in_straight = !in_straight,
                    _ => {}
                }
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let term_end = end;
        let lone_period = lone_period && term_end == i + 1;
        i = end;
        // Need whitespace after the terminator run.
        let rest = &s[end..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 || end + ws >= bytes.len() {
            continue;
        }
        if depth_curly > 0 || in_straight {
            continue;
        }
        let next = &rest[ws..];
        if !starts_sentence(next) {
            continue;
        }
        if lone_period && !period_ends_sentence(&s[start..term_end - 1], next) {
            continue;
        }
        push(text, para.start + start, para.start + term_end, out);
        start = term_end + ws;
    }
    push(text, para.start + start, para.end, out);
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let span = trim_span(text, Span::new(start, end));
    if !span.is_empty() {
        out.push(span);
    }
}

fn starts_sentence(next: &str) -> bool {
    match next.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '-' | '–' | '—')
        }
        None => false,
    }
}

/// Decides whether a period directly after `before` ends the sentence, given
/// the text that follows.
fn period_ends_sentence(before: &str, next: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '&'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let next_word: &str = next.split(|c: char| !(c.is_alphanumeric() || c == '\'')).next().unwrap_or("");
    let next_is_number = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    if TITLE_SET.contains(word) {
        return false;
    }
    if BEFORE_NUMBER_SET.contains(word) {
        return !next_is_number;
    }
    // A single capital letter is an initial ("W." in "George W. Bush").
    let mut cs = word.chars();
    if let (Some(first), None) = (cs.next(), cs.next())
        && first.is_uppercase()
    {
        return false;
    }
    // Dotted acronyms ("U.S", "J.D") and corporate suffixes end a sentence
    // only before a typical sentence opener.
    if word.contains('.') || CORPORATE_SET.contains(word) {
        return STARTER_SET.contains(next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParagraphKind;

    fn split(s: &str) -> Vec<&str> {
        let p = Paragraph { span: Span::new(0, s.len()), kind: ParagraphKind::Body };
        split_sentences(s, &[p]).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(split("One two. Three four! Five? Six"), ["One two.", "Three four!", "Five?", "Six"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met Gen. Milley in the U.S. Capitol. Then he left."),
            ["Mr. Smith met Gen. Milley in the U.S. Capitol.", "Then he left."]
        );
        assert_eq!(
            split("J.D. Vance spoke. George W. Bush did not."),
            ["J.D. Vance spoke.", "George W. Bush did not."]
        );
        assert_eq!(
            split("He lives at No. 10 Downing Street. It rained."),
            ["He lives at No. 10 Downing Street.", "It rained."]
        );
        assert_eq!(split("It grew 1.5 per cent. Prices fell."), ["It grew 1.5 per cent.", "Prices fell."]);
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_an_opener() {
        assert_eq!(split("He moved to the U.S. The move was hard."), ["He moved to the U.S.", "The move was hard."]);
    }

    #[test]
    fn never_splits_inside_quotes() {
        assert_eq!(
            split("“We need it. They target us,” he said. Then silence."),
            ["“We need it. They target us,” he said.", "Then silence."]
        );
        assert_eq!(split("\"Go home. Now.\" She left."), ["\"Go home. Now.\"", "She left."]);
    }

    proptest::proptest! {
        /// The word-at-a-time search finds what a byte-by-byte one finds.
        #[test]
        fn next_interesting_is_the_first_marked_byte(s in "([a-z .!?\"é£’…]|\\PC){0,40}", from in 0usize..48) {
            let bytes = s.as_bytes();
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(|&b| INTERESTING[usize::from(b)]).map(|p| from + p);
            proptest::prop_assert_eq!(next_interesting(bytes, from), want);
        }
    }

    #[test]
    fn lowercase_continuation_does_not_split() {
        assert_eq!(split("Prices rose (approx. 5 percent) this year."), ["Prices rose (approx. 5 percent) this year."]);
    }
}
