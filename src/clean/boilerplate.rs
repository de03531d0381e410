//! Paragraph classification: article text, possible heading, or furniture.
//!
//! In the spirit of jusText: each line is judged on its own features
//! (length in words, density of English stop words, whether it ends like a
//! sentence, whether it is a widget such as "17.8 C"), plus a small phrase
//! lexicon of site furniture ("Related News", "Leave A Reply", "Continue
//! Reading"). The article splitter then decides by position and neighbours
//! what a short line is: a section heading between body paragraphs is kept,
//! a short line before the headline or after the last body paragraph is not.
//!
//! The lexicon lives in `data/boilerplate.txt` (one normalized phrase per
//! line, `*` marks a prefix) so it can be reviewed and extended without code.

use crate::document::ascii;
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// What a line is, judged on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Running text: long, or sentence-like with function words.
    Good,
    /// Too short to tell: a heading, a label, a link.
    Short,
    /// Site furniture: drop it.
    Bad,
    /// Furniture that ends an article's body ("Related News", "Leave A Reply").
    Tail,
    /// Ends one article of a listing page ("Continue Reading").
    Separator,
}

struct Lexicon {
    exact: HashSet<String>,
    prefixes: Vec<String>,
    tail: HashSet<String>,
    tail_prefixes: Vec<String>,
    separators: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        exact: HashSet::default(),
        prefixes: Vec::new(),
        tail: HashSet::default(),
        tail_prefixes: Vec::new(),
        separators: HashSet::default(),
    };
    let mut section = "";
    for line in include_str!("../../data/boilerplate.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match s {
                "furniture" => "furniture",
                "tail" => "tail",
                "separator" => "separator",
                _ => "",
            };
            continue;
        }
        let norm = normalize(line.trim_end_matches('*'));
        match (section, line.ends_with('*')) {
            ("furniture", true) => lex.prefixes.push(norm),
            ("furniture", false) => {
                lex.exact.insert(norm);
            }
            ("tail", true) => lex.tail_prefixes.push(norm),
            ("tail", false) => {
                lex.tail.insert(norm);
            }
            ("separator", _) => {
                lex.separators.insert(norm);
            }
            _ => {}
        }
    }
    lex
});

/// Stop words keyed by [`packed`] bytes: one is looked up for each of the
/// first words of every line, and an integer hashes and compares in a few
/// instructions where a byte string needs a loop and a `memcmp`.
static STOPWORDS: LazyLock<rustc_hash::FxHashSet<u128>> = LazyLock::new(|| {
    include_str!("../../data/stopwords_en.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|w| {
            assert!(w.len() <= STOPWORD_MAX && !w.contains('\0'), "stop word {w:?} does not pack");
            packed(w.as_bytes())
        })
        .collect()
});

/// Longest stop word, in bytes; longer words are never looked up.
const STOPWORD_MAX: usize = 16;

/// Up to [`STOPWORD_MAX`] bytes as one integer, zero-padded: distinct for
/// distinct words, since no word holds a NUL byte.
fn packed(w: &[u8]) -> u128 {
    let mut buf = [0u8; STOPWORD_MAX];
    buf[..w.len()].copy_from_slice(w);
    u128::from_le_bytes(buf)
}

/// True when `w` is an English stop word, compared case-insensitively
/// without allocating (curly apostrophes fold to straight ones).
///
/// Byte by byte: the one non-ASCII character that can be part of a stop
/// word is `’`, matched by its UTF-8 bytes; any other lead byte ends the
/// test, so no character is decoded.
fn is_stopword(w: &str) -> bool {
    let mut buf = [0u8; STOPWORD_MAX];
    let mut rest = w.as_bytes();
    let mut n = 0;
    while let Some((&b, tail)) = rest.split_first() {
        let (b, tail) = match rest.strip_prefix("’".as_bytes()) {
            Some(tail) => (b'\'', tail),
            None if b.is_ascii() && b != 0 => (b, tail),
            None => return false,
        };
        if n == STOPWORD_MAX {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
        rest = tail;
    }
    STOPWORDS.contains(&u128::from_le_bytes(buf))
}

/// Widget lines recognized by their whole shape rather than wording:
/// weather, a clock time, counters, a source tag. (Punctuation alone is
/// [`no_word`].)
static FURNITURE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            -?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]                      # weather: 17.8 C
          | \d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?                      # a bare clock time
          | \d+\s+(?:comments?|shares?|views?|likes?|replies)      # counters
          | source:?\s+\S+                                         # source site-47
        )$",
    )
    .expect("valid regex")
});

/// Whether `c` is a word character as the regex crate's Unicode `\w` has
/// it. Asked in code: a `\w` or `\W` class compiles to an automaton of
/// about 2.4 million instructions, at every start-up.
fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// A non-empty line of nothing but non-word characters and underscores
/// (what `[\W_]+` matched): punctuation alone.
fn no_word(line: &str) -> bool {
    !line.is_empty() && line.chars().all(|c| c == '_' || !is_word(c))
}

/// The heads of credit and share lines, which [`furniture_shape`] allows a
/// short tail each. The tails are counted in code, not written as bounded
/// repeats (`.{0,120}`): each `.` of those compiled to its own copy of the
/// Unicode `.` automaton, 10 million instructions at every start-up. A
/// share head ends in a word (`\w+`), which [`furniture_shape`] reads with
/// [`is_word`].
static CREDIT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?P<copyright> © | \(c\) | copyright\b )
          | (?P<credit> (?:photo|image|picture|photograph|illustration|video|credit)s?\s*(?::|by\b|credit\b) )
          | (?:share|follow|like)\s+(?:on|us\s+on)\s+
        )",
    )
    .expect("valid regex")
});

/// Whether trimmed `line` is widget furniture by shape: one of
/// [`FURNITURE_SHAPE`], or a credit or share head ([`CREDIT_HEAD`]) and at
/// most 120 more characters after a copyright sign, 80 after a photo
/// credit, 40 after a share button, on one line.
fn furniture_shape(line: &str) -> bool {
    if no_word(line) || FURNITURE_SHAPE.is_match(line) {
        return true;
    }
    let Some(c) = CREDIT_HEAD.captures(line) else { return false };
    let mut rest = &line[c.get(0).map_or(0, |m| m.end())..];
    let limit = if c.name("copyright").is_some() {
        120
    } else if c.name("credit").is_some() {
        80
    } else {
        // The share head's closing word: one or more word characters, all
        // of them (`\s+` before it took every space, so the word must
        // follow at once).
        let word = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        if word == 0 {
            return false;
        }
        rest = &rest[word..];
        40
    };
    !rest.contains('\n') && rest.chars().nth(limit).is_none()
}

/// Builds this module's lexicons and regex now (see
/// [`crate::clean::warm_up`]).
pub fn warm_up() {
    LazyLock::force(&FURNITURE_SHAPE);
    LazyLock::force(&CREDIT_HEAD);
    LazyLock::force(&STOPWORDS);
    LazyLock::force(&LEXICON);
}

/// Lower-cases, folds curly apostrophes and strips surrounding punctuation.
pub fn normalize(s: &str) -> String {
    // Trimming first and folding apostrophes last gives the same string as
    // the other way round (no apostrophe is trimmed, and both apostrophes
    // are case-ignorable for lower-casing), with one allocation in the
    // usual case instead of two.
    let out = s
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '-' | '–' | '—' | '|' | '•' | '·' | '»' | '«' | '>' | '<' | '*' | ':' | '.')
        })
        .to_lowercase();
    // Both apostrophes are encoded from the lead byte 0xE2, which a byte
    // search finds fast: most lines lack it and are not read again one
    // character at a time.
    if out.as_bytes().contains(&0xE2) && out.contains(['’', '‘']) { out.replace(['’', '‘'], "'") } else { out }
}

/// Word statistics of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// Alphabetic words, counted up to [`WORDS_COUNTED`]: every rule
    /// compares the count with smaller numbers, and a long paragraph need
    /// not be read to its end to know it is long.
    pub words: usize,
    /// Share of words that are English stop words.
    pub stop_density: f32,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, possibly inside a closing quote).
    pub terminal: bool,
}

/// Words after which a line counts as running text whatever its stop
/// words; stop-word density is measured over the first this many words.
const LONG_LINE_WORDS: usize = 20;

/// Where [`Stats::words`] stops counting: above every threshold used (the
/// largest is [`title_like`]'s 30), so a paragraph is read no further than
/// its first sentences.
pub const WORDS_COUNTED: usize = 32;

/// Computes [`Stats`] for one line in a single pass, which stops once
/// [`WORDS_COUNTED`] words are seen.
pub fn stats(line: &str) -> Stats {
    stats_with::<true>(line)
}

/// [`stats`]; `BYTES` reads a word's ASCII bytes by their class bits
/// alone instead of asking [`char_class`] for each character. The tests run
/// both ways and compare.
#[inline(always)]
fn stats_with<const BYTES: bool>(line: &str) -> Stats {
    let bytes = line.as_bytes();
    let (mut words, mut stops, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() && words < WORDS_COUNTED {
        let (in_word, _, len) = char_class(line, i);
        if !in_word {
            i += len;
            continue;
        }
        let from = i;
        let mut has_letter = false;
        loop {
            if BYTES {
                // ASCII word bytes, the bulk of a word, by their class bits
                // alone; a non-ASCII byte goes to `char_class`, whose answer
                // for ASCII these bits are.
                while let Some(&b) = bytes.get(i) {
                    let class = ascii::class(b);
                    if class & (ascii::LETTER | ascii::DIGIT | ascii::APOSTROPHE) == 0 {
                        break;
                    }
                    has_letter |= class & ascii::LETTER != 0;
                    i += 1;
                }
                if bytes.get(i).is_none_or(|b| b.is_ascii()) {
                    break;
                }
            } else if i >= bytes.len() {
                break;
            }
            let (in_word, letter, len) = char_class(line, i);
            if !in_word {
                break;
            }
            has_letter |= letter;
            i += len;
        }
        if has_letter {
            words += 1;
            if words <= LONG_LINE_WORDS {
                stops += usize::from(i - from <= STOPWORD_MAX + 2 && is_stopword(&line[from..i]));
            }
        }
    }
    let trimmed = line.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»', ' ']);
    let terminal = trimmed.ends_with(['.', '!', '?', '…', ':', ';']);
    let stop_density = if words == 0 { 0.0 } else { stops as f32 / words.min(LONG_LINE_WORDS) as f32 };
    Stats { words, stop_density, terminal }
}

/// Whether the character at byte `i` of `line` is part of a word (letters,
/// digits, apostrophes), whether it is a letter, and its length in bytes.
#[inline(always)]
fn char_class(line: &str, i: usize) -> (bool, bool, usize) {
    match line.as_bytes()[i] {
        b if b < 0x80 => {
            // Letters, digits and the apostrophe make words.
            let class = ascii::class(b);
            (class & (ascii::LETTER | ascii::DIGIT | ascii::APOSTROPHE) != 0, class & ascii::LETTER != 0, 1)
        }
        _ => {
            let c = line[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric() || c == '’', c.is_alphabetic(), c.len_utf8())
        }
    }
}

/// Lines longer than this are never a lexicon phrase (only a prefix entry
/// can match them), so they are not normalized whole.
const PHRASE_MAX: usize = 120;

/// Classifies one line on its own, given its [`Stats`].
pub fn classify(line: &str, st: &Stats) -> Class {
    let lex = &*LEXICON;
    let head = if line.len() <= PHRASE_MAX { line } else { &line[..line.floor_char_boundary(PHRASE_MAX)] };
    let norm = normalize(head);
    if line.len() <= PHRASE_MAX {
        if lex.separators.contains(&norm) {
            return Class::Separator;
        }
        if lex.tail.contains(&norm) {
            return Class::Tail;
        }
        if lex.exact.contains(&norm) {
            return Class::Bad;
        }
    }
    if lex.tail_prefixes.iter().any(|p| norm.starts_with(p.as_str())) {
        return Class::Tail;
    }
    if lex.prefixes.iter().any(|p| norm.starts_with(p.as_str())) {
        return Class::Bad;
    }
    let st = *st;
    if st.words <= 12 && furniture_shape(line.trim()) {
        return Class::Bad;
    }
    if st.words == 0 {
        return Class::Bad;
    }
    if (st.terminal && st.words >= 5 && (st.stop_density >= 0.1 || st.words >= 8)) || st.words >= LONG_LINE_WORDS {
        Class::Good
    } else {
        Class::Short
    }
}

/// True when a line looks like a headline: a few words, not a sentence
/// fragment ending in a comma, not furniture.
pub fn title_like(line: &str, st: &Stats) -> bool {
    let t = line.trim_end();
    (1..=30).contains(&st.words) && !t.ends_with([',', ';', ':']) && !(t.ends_with('.') && st.words > 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_stopword`] as it was first written, one character at a time.
    fn is_stopword_by_chars(w: &str) -> bool {
        let mut buf = [0u8; STOPWORD_MAX];
        for (n, c) in w.chars().enumerate() {
            let c = if c == '’' { '\'' } else { c };
            if !c.is_ascii() || c == '\0' || n == STOPWORD_MAX {
                return false;
            }
            buf[n] = c.to_ascii_lowercase() as u8;
        }
        STOPWORDS.contains(&u128::from_le_bytes(buf))
    }

    proptest::proptest! {
        #[test]
        fn stopwords_by_bytes_as_by_chars(w in "([tThHeE’'sS\\x00é]|\\PC){0,18}") {
            proptest::prop_assert_eq!(is_stopword(&w), is_stopword_by_chars(&w));
        }

        #[test]
        fn stats_by_bytes_as_by_chars(line in "(the|The|it’s|Zürich|café|[a-z]{1,5}|’|'|2022|[ ,.“”—]|\\PC){0,40}") {
            proptest::prop_assert_eq!(stats(&line), stats_with::<false>(&line));
        }
    }

    #[test]
    fn stop_words_match_whole_words_in_any_case() {
        for w in ["the", "The", "THE", "it's", "It’s", "he's"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["", "th", "thee", "theory", "its’s", "thé", "the\0", "abcdefghijklmnopq"] {
            assert!(!is_stopword(w), "{w}");
        }
    }

    fn classify(line: &str) -> Class {
        super::classify(line, &stats(line))
    }

    #[test]
    fn furniture_from_the_lexicon() {
        for l in [
            "Related News",
            "Leave A Reply",
            "- Advertisement -",
            "Advertisements",
            "Please enter your comment!",
            "Please enter your name here",
            "Most Viewed",
            "You cannot copy content of this page",
            "Exit mobile version",
            "Subscribe to get the latest posts sent to your email.",
            "Discover more from London Glossy Post",
            "spot_img",
            "Connect with us",
            "To see in video",
            "Recent articles",
            "Related articles",
        ] {
            assert!(matches!(classify(l), Class::Bad | Class::Tail), "{l}");
        }
        assert_eq!(classify("Continue Reading"), Class::Separator);
        assert_eq!(classify("Related News"), Class::Tail);
    }

    #[test]
    fn furniture_by_shape() {
        for l in
            ["17.8 C", "-3 °F", "12:45 pm", "source site-47", "Photo: Reuters", "© 2024 Example Media", "42 Comments"]
        {
            assert_eq!(classify(l), Class::Bad, "{l}");
        }
    }

    /// Each head keeps its own tail length in the nested regex: 120
    /// characters after a copyright sign, 80 after a credit, 40 after a
    /// share button, one more is too many, and a line break ends the tail.
    #[test]
    fn furniture_tails_keep_their_lengths() {
        for (head, max) in [("(c)", 120), ("Copyright", 120), ("Photo:", 80), ("image by", 80), ("Follow us on X", 40)]
        {
            // A two-byte filler that is no word character: the bounds count
            // characters, and a word character would extend the head's `\w+`.
            let line = |n: usize| format!("{head}{}", "·".repeat(n));
            assert!(furniture_shape(&line(max)), "{head} {max}");
            assert!(!furniture_shape(&line(max + 1)), "{head} {}", max + 1);
            assert!(!furniture_shape(&format!("{head}a\nb")), "{head} line break");
        }
        assert!(!furniture_shape("copyrighted work"), "a word boundary ends the head");
    }

    /// The one regex [`furniture_shape`] replaced, as the reference.
    fn furniture_by_regex(line: &str) -> bool {
        static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?ix)^(?:
                    -?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]
                  | \d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?
                  | \d+\s+(?:comments?|shares?|views?|likes?|replies)
                  | source:?\s+\S+
                  | [\W_]+
                  | (?:(?:(?:©|\(c\)|copyright\b).{0,40}
                          | (?:photo|image|picture|photograph|illustration|video|credit)s?\s*(?::|by\b|credit\b)
                        ).{0,40}
                      | (?:share|follow|like)\s+(?:on|us\s+on)\s+\w+
                    ).{0,40}
                )$",
            )
            .expect("valid regex")
        });
        SHAPE.is_match(line)
    }

    /// Every character, alone and after a hyphen, reads as a line of
    /// punctuation exactly when `[\W_]+` matched it.
    #[test]
    fn no_word_is_the_class_it_replaced() {
        let class = Regex::new(r"(?i)^[\W_]+$").expect("valid regex");
        for c in char::MIN..=char::MAX {
            let alone = c.to_string();
            assert_eq!(no_word(&alone), class.is_match(&alone), "{c:?}");
            let after = format!("-{c}");
            assert_eq!(no_word(&after), class.is_match(&after), "{c:?}");
        }
        assert!(!no_word(""));
    }

    proptest::proptest! {
        /// Heads, fillers of word and other characters around each tail
        /// length, line breaks, and the whole-line shapes.
        #[test]
        fn furniture_shape_reads_as_the_regex_did(
            head in "(©|\\(c\\)|\\(C\\)|Copyright|copyrighted|Photo|photos|Photograph|image|Credit|credits|video|Share|follow|Like|17|12:45|3|source|[.·—]|)",
            mid in "( ?: ?| by| credit| on | us on | us  on |s|)",
            tail in "([a-z]{0,3}|·{0,3}| |é|_|\n|-){0,3}",
            filler in proptest::sample::select(vec![0usize, 38, 39, 40, 41, 78, 79, 80, 81, 118, 119, 120, 121]),
            word in proptest::bool::ANY,
        ) {
            let line = format!("{head}{mid}{tail}{}", if word { "x" } else { "·" }.repeat(filler));
            proptest::prop_assert_eq!(furniture_shape(&line), furniture_by_regex(&line), "{:?}", line);
        }
    }

    #[test]
    fn text_and_headings() {
        assert_eq!(classify("Ukraine has been accusing Russia for weeks of stealing its wheat crops."), Class::Good);
        assert_eq!(classify("So far, shipments left, according to media and kyiv, by road and trains."), Class::Good);
        assert_eq!(classify("Grain export"), Class::Short);
        assert_eq!(classify("“As long as it takes”"), Class::Short);
        assert_eq!(classify("New York"), Class::Short);
    }

    #[test]
    fn long_lines_still_match_prefix_entries() {
        let long = format!("Discover more from {}", "x ".repeat(100));
        assert_eq!(classify(&long), Class::Tail);
        assert!(is_stopword("The") && is_stopword("it’s") && !is_stopword("Ukraine"));
    }

    #[test]
    fn normalize_trims_furniture_folds_apostrophes_and_lower_cases() {
        assert_eq!(normalize("  — Don’t Miss: "), "don't miss");
        assert_eq!(normalize("» ‘READ’ MORE «"), "'read' more");
        assert_eq!(normalize("ΟΔΟΣ."), "οδος", "final sigma as str::to_lowercase");
        assert_eq!(normalize(" -- "), "");
        assert_eq!(normalize("Kyiv – ‘live’ “updates”"), "kyiv – 'live' “updates”", "other 0xE2 characters stay");
        assert_eq!("’‘".as_bytes()[..4], [0xE2, 0x80, 0x99, 0xE2], "the lead byte searched for");
    }

    #[test]
    fn stats_read_non_ascii_words() {
        let s = stats("Zürich’s café — naïve “élan” 2022.");
        assert_eq!(s.words, 4, "the year has no letter");
        assert!(s.terminal);
    }

    #[test]
    fn stats_count_words_and_stops() {
        let s = stats("The war in Ukraine, one of the world’s top grain exporters.");
        assert_eq!(s.words, 11);
        assert!(s.terminal);
        assert!(s.stop_density > 0.3);
        let long = format!("{} end.", "the word ".repeat(100));
        let s = stats(&long);
        assert_eq!(s.words, WORDS_COUNTED, "counting stops");
        assert!(s.terminal && s.stop_density > 0.4, "the end and the density are still read");
        assert_eq!(stats(&"word ".repeat(WORDS_COUNTED - 1)).words, WORDS_COUNTED - 1);
    }
}
