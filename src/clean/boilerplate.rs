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

use regex::Regex;
use std::collections::HashSet;
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
    separators: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex =
        Lexicon { exact: HashSet::new(), prefixes: Vec::new(), tail: HashSet::new(), separators: HashSet::new() };
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
            ("tail", _) => {
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

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/stopwords_en.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Widget and credit lines recognized by shape rather than wording.
static FURNITURE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            -?\d{1,3}(?:[.,]\d)?\s*°?\s*[CF]                      # weather: 17.8 C
          | \d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?                      # a bare clock time
          | \d+\s+(?:comments?|shares?|views?|likes?|replies)      # counters
          | (?:photo|image|picture|photograph|illustration|video|credit)s?\s*(?::|by\b|credit\b).{0,80}
          | (?:©|\(c\)|copyright\b).{0,120}
          | source:?\s+\S+                                         # source site-47
          | (?:share|follow|like)\s+(?:on|us\s+on)\s+\w+.{0,40}
          | [\W_]+                                                 # punctuation only
        )$",
    )
    .expect("valid regex")
});

/// Lower-cases, folds curly apostrophes and strips surrounding punctuation.
pub fn normalize(s: &str) -> String {
    let s: String = s.chars().map(|c| if c == '’' || c == '‘' { '\'' } else { c }).collect();
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '•' | '·' | '»' | '«' | '>' | '<' | '*' | ':' | '.')
    })
    .to_lowercase()
}

/// Word statistics of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// Alphabetic words.
    pub words: usize,
    /// Share of words that are English stop words.
    pub stop_density: f32,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, possibly inside a closing quote).
    pub terminal: bool,
}

/// Computes [`Stats`] for one line.
pub fn stats(line: &str) -> Stats {
    let mut words = 0usize;
    let mut stops = 0usize;
    for w in line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        let lower = w.to_lowercase().replace('’', "'");
        if STOPWORDS.contains(lower.as_str()) {
            stops += 1;
        }
    }
    let trimmed = line.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»', ' ']);
    let terminal = trimmed.ends_with(['.', '!', '?', '…', ':', ';']);
    let stop_density = if words == 0 { 0.0 } else { stops as f32 / words as f32 };
    Stats { words, stop_density, terminal }
}

/// Classifies one line on its own.
pub fn classify(line: &str) -> Class {
    let norm = normalize(line);
    let lex = &*LEXICON;
    if lex.separators.contains(&norm) {
        return Class::Separator;
    }
    if lex.tail.contains(&norm) {
        return Class::Tail;
    }
    if lex.exact.contains(&norm) || lex.prefixes.iter().any(|p| norm.starts_with(p.as_str())) {
        return Class::Bad;
    }
    let st = stats(line);
    if st.words <= 12 && FURNITURE_SHAPE.is_match(line.trim()) {
        return Class::Bad;
    }
    if st.words == 0 {
        return Class::Bad;
    }
    if (st.terminal && st.words >= 5 && (st.stop_density >= 0.1 || st.words >= 8)) || st.words >= 20 {
        Class::Good
    } else {
        Class::Short
    }
}

/// True when a line looks like a headline: a few words, not a sentence
/// fragment ending in a comma, not furniture.
pub fn title_like(line: &str) -> bool {
    let st = stats(line);
    let t = line.trim_end();
    (1..=30).contains(&st.words) && !t.ends_with([',', ';', ':']) && !(t.ends_with('.') && st.words > 20)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn text_and_headings() {
        assert_eq!(classify("Ukraine has been accusing Russia for weeks of stealing its wheat crops."), Class::Good);
        assert_eq!(classify("So far, shipments left, according to media and kyiv, by road and trains."), Class::Good);
        assert_eq!(classify("Grain export"), Class::Short);
        assert_eq!(classify("“As long as it takes”"), Class::Short);
        assert_eq!(classify("New York"), Class::Short);
    }

    #[test]
    fn stats_count_words_and_stops() {
        let s = stats("The war in Ukraine, one of the world’s top grain exporters.");
        assert_eq!(s.words, 11);
        assert!(s.terminal);
        assert!(s.stop_density > 0.3);
    }
}
