//! Hostile input shapes, shared by the linear-time guard (`tests/scale.rs`)
//! and the hostile-shapes benchmark (`examples/hostile.rs`), so the test
//! guards exactly what the benchmark measures. Each builder takes the size
//! in the unit its name gives and repeats one short pattern: whatever is
//! quadratic in the count of capitals, marks, line length or paragraphs
//! shows as a time that grows faster than the size.

/// `n` capitalized words in one sentence-less run: every word can start a
/// name, so a chunker that looks back or ahead over the run goes quadratic.
pub fn capitalized_words(n: usize) -> String {
    "Alpha Beta Gamma Delta ".repeat(n / 4)
}

/// `n` quotation marks, straight and curly, none of them paired sensibly:
/// a quote finder that searches ahead for each opening mark goes quadratic.
pub fn quotation_marks(n: usize) -> String {
    "\"a\u{201c} ".repeat(n / 2)
}

/// One line of about `bytes` bytes, with no paragraph or line break.
pub fn one_long_line(bytes: usize) -> String {
    "the cat sat on 5 mats, said Bob ".repeat(bytes / 32)
}

/// About `bytes` bytes of short news paragraphs, each with a place, a
/// date, two figures, a quotation and a speaker. Every paragraph differs
/// (its amount counts up), since repeated paragraphs are dropped as
/// boilerplate and would leave the extractors nothing to do.
pub fn many_paragraphs(bytes: usize) -> String {
    use std::fmt::Write;
    const PLACES: [&str; 5] = ["Paris", "Lagos", "Osaka", "Lima", "Delhi"];
    const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    const NAMES: [&str; 5] = ["Maria Garcia", "John Smith", "Aiko Tanaka", "Omar Haddad", "Li Wei"];
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0usize;
    while s.len() < bytes {
        let _ = write!(
            s,
            "Officials in {} said on {} that ${}.5 million, or {}%, was spent. \u{201c}It is a record,\u{201d} said {}.\n\n",
            PLACES[i % 5],
            DAYS[i / 5 % 5],
            i,
            i % 100,
            NAMES[i / 25 % 5]
        );
        i += 1;
    }
    s
}

/// About `bytes` bytes of nested markup with entities.
pub fn html_soup(bytes: usize) -> String {
    const P: &str = "<div><p>Hello <b>World</b> &amp; \"Co\"</p></div>\n";
    P.repeat(bytes / P.len())
}
