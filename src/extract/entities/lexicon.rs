//! The lexicons the entity extractor consults, compiled into the binary.
//!
//! Everything is loaded once ([`LEX`]) from `data/entities/` via
//! `include_str!`, so the binary needs no data files at run time. Keys are
//! lower case: the same lookup serves mixed-case text and ALL-CAPS headlines.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Continent,
    Region,
    City,
    Sea,
}

/// A gazetteer entry.
#[derive(Debug, Clone)]
pub struct Place {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, empty when the place spans countries.
    pub country: &'static str,
}

/// What the one-word lexicons say about a lower-cased word, as flags: the
/// chunker and typing ask several of them about each capitalized token,
/// which one look-up in [`Lexicon::words`] answers (see `Ctx::facts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Word(u16);

impl Word {
    /// Capitalized words that are never names: weekdays, months, numbers
    /// (`not_names.txt`) and the function words that name no place.
    pub const NEVER_NAME: Word = Word(1);
    /// In [`Lexicon::given`].
    pub const GIVEN: Word = Word(1 << 1);
    /// In [`Lexicon::titles`].
    pub const TITLE: Word = Word(1 << 2);
    /// In [`Lexicon::org_heads`].
    pub const ORG_HEAD: Word = Word(1 << 3);
    /// In [`Lexicon::misc_heads`].
    pub const MISC_HEAD: Word = Word(1 << 4);
    /// Heads of place and facility names ("Square", "County").
    pub const LOC_HEAD: Word = Word(1 << 5);
    /// A key of [`Lexicon::demonyms`].
    pub const DEMONYM: Word = Word(1 << 6);
    /// A key of [`Lexicon::people`].
    pub const SURNAME: Word = Word(1 << 7);
    /// Words news writes in lower case far more often than capitalized
    /// ("member", "several"): no unknown given name.
    pub const COMMON: Word = Word(1 << 8);
    /// In [`Lexicon::org_names`].
    pub const ORG_NAME: Word = Word(1 << 9);

    /// True when any of the flags in `f` is set.
    pub fn has(self, f: Word) -> bool {
        self.0 & f.0 != 0
    }
}

impl std::ops::BitOr for Word {
    type Output = Word;
    fn bitor(self, o: Word) -> Word {
        Word(self.0 | o.0)
    }
}

/// All lexicons.
pub struct Lexicon {
    /// Lower-cased place name → entry.
    pub places: HashMap<String, Place>,
    /// Longest place name in tokens (bounds the longest-match scan).
    pub place_max_tokens: usize,
    /// Lower-cased given names.
    pub given: HashSet<String>,
    /// Lower-cased titles and honorifics.
    pub titles: HashSet<String>,
    /// Lower-cased organization heads and company suffixes.
    pub org_heads: HashSet<String>,
    /// Lower-cased event/treaty heads.
    pub misc_heads: HashSet<String>,
    /// Lower-cased demonym or group word (plural forms included) → country.
    pub demonyms: HashMap<String, &'static str>,
    /// Lower-cased place names that are usually ordinary words.
    pub deny: HashSet<String>,
    /// English function words.
    pub stop: HashSet<String>,
    /// Organizations usually named by one word ("Reuters").
    pub org_names: HashSet<String>,
    /// Lower-cased names of products, weapons and programmes ("Storm Shadow").
    pub misc_names: HashSet<String>,
    /// Every "X of Y" prefix of an organization or product name in the
    /// lexicons ("voice of america", "power of siberia"), so the chunker
    /// joins "of" there in one look-up.
    pub of_names: HashSet<String>,
    /// World figures named by surname alone ("putin" → "Vladimir Putin";
    /// empty when the surname alone does not say who).
    pub people: HashMap<String, &'static str>,
    /// National capitals ("Moscow"): a capital that speaks is its government.
    pub capitals: HashSet<String>,
    /// ISO code → the country's GeoNames name, the canonical of every
    /// alias ("U.S.", "USA", "America" → "United States").
    pub country_names: HashMap<&'static str, &'static str>,
    /// Every word of the one-word lexicons with its [`Word`] flags (the
    /// never-a-name words, place heads and common words are kept only here).
    pub words: HashMap<String, Word>,
}

impl Lexicon {
    /// The [`Word`] flags of lower-cased `w` (none for a word no one-word
    /// lexicon holds).
    pub fn word(&self, w: &str) -> Word {
        self.words.get(w).copied().unwrap_or_default()
    }
}

/// Adds the words of one one-word lexicon to [`Lexicon::words`] with `flag`
/// (a word several lexicons hold gets all their flags).
fn add_words<'a>(words: &mut HashMap<String, Word>, flag: Word, lexicon: impl IntoIterator<Item = &'a String>) {
    for w in lexicon {
        let e = words.entry(w.clone()).or_default();
        *e = *e | flag;
    }
}

/// Calls `f` with the lower-cased form of `w`, without allocating for the
/// usual short ASCII word (the lookups on capitalized words are the hot path).
pub fn lower_with<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    match crate::document::ascii_lower(w, &mut buf) {
        Some(l) => f(l),
        None => f(&w.to_lowercase()),
    }
}

/// The lower-cased form of `w`: in `buf` for the usual short ASCII word,
/// else in `spill`. For a word the caller asks about several times.
pub fn lower_in<'b>(w: &str, buf: &'b mut [u8; 48], spill: &'b mut String) -> &'b str {
    match crate::document::ascii_lower(w, buf) {
        Some(l) => l,
        None => {
            *spill = w.to_lowercase();
            spill
        }
    }
}

/// The entries of a lexicon file: its lines, trimmed, without blank lines
/// and `#` comments. The lines are short, so a plain byte scan finds each
/// line feed sooner than the vectorized search `str::lines` sets up per line
/// (the trim drops the `\r` of a CRLF ending as `str::lines` would).
fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let text = rest?;
        let (line, tail) = split_at_byte(text, b'\n').map_or((text, None), |(l, t)| (l, Some(t)));
        rest = tail;
        Some(line)
    })
    .map(trim)
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `s` split around its first `byte`, an ASCII byte (so both sides are
/// whole characters), found by a plain scan.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((&s[..i], &s[i + 1..]))
}

/// `str::trim`, without decoding when `l` starts and ends with a visible
/// ASCII character (as nearly every lexicon line and field does): then it
/// has no whitespace to trim.
fn trim(l: &str) -> &str {
    match (l.as_bytes().first(), l.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => l,
        _ => l.trim(),
    }
}

fn set(s: &'static str) -> HashSet<String> {
    lines(s).map(lower).collect()
}

/// `s` lower-cased; most lexicon entries are ASCII, which is lower-cased
/// byte by byte (the lexicons hold tens of thousands of entries, loaded by
/// every run).
fn lower(s: &str) -> String {
    if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() }
}

/// Loads gazetteer lines into `map` (keeping entries already there unless
/// `overwrite`), and the name of each country with a code into `countries`
/// when given: one pass over the 40,000 lines.
fn load_places(
    map: &mut HashMap<String, Place>,
    src: &'static str,
    overwrite: bool,
    mut countries: Option<&mut HashMap<&'static str, &'static str>>,
) {
    for l in lines(src) {
        // Fields as `split('\t')` gives them, by plain scans: the fields are
        // short, and a tab is one byte.
        let Some((name, rest)) = split_at_byte(l, b'\t') else { continue };
        let (kind, rest) = split_at_byte(rest, b'\t').unwrap_or((rest, ""));
        let country = trim(split_at_byte(rest, b'\t').map_or(rest, |(c, _)| c));
        let kind = match kind {
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            "sea" => PlaceKind::Sea,
            _ => PlaceKind::City,
        };
        if kind == PlaceKind::Country
            && !country.is_empty()
            && let Some(names) = countries.as_deref_mut()
        {
            names.insert(country, name);
        }
        let place = Place { kind, country };
        if overwrite {
            map.insert(lower(name), place);
        } else {
            map.entry(lower(name)).or_insert(place);
        }
    }
}

/// The prefixes of `name` that run past an " of " and end at a word:
/// "power of siberia 2" → "power of siberia", "power of siberia 2".
fn of_prefixes(name: &str) -> Vec<String> {
    let Some(of) = name.find(" of ") else { return Vec::new() };
    let words_from = of + " of ".len();
    let mut out: Vec<String> =
        name[words_from..].match_indices(' ').map(|(i, _)| name[..words_from + i].to_string()).collect();
    out.push(name.to_string());
    out
}

/// The lexicons, loaded on first use.
pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut places = HashMap::with_capacity_and_hasher(50_000, Default::default());
    let mut country_names = HashMap::default();
    load_places(&mut places, include_str!("../../../data/entities/places.tsv"), false, Some(&mut country_names));
    load_places(&mut places, include_str!("../../../data/entities/places_extra.tsv"), true, None);
    let place_max_tokens = places.keys().map(|k| k.bytes().filter(|&b| b == b' ').count() + 1).max().unwrap_or(1);
    let mut given = set(include_str!("../../../data/entities/given_names.txt"));
    given.extend(set(include_str!("../../../data/entities/given_names_extra.txt")));
    let mut demonyms = HashMap::default();
    for l in lines(include_str!("../../../data/entities/demonyms.tsv")) {
        let mut f = l.split('\t');
        let name = f.next().unwrap_or("").to_lowercase();
        let cc = f.next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        if !name.ends_with('s') && !name.ends_with("ese") && !name.ends_with("ish") && !name.ends_with("ch") {
            demonyms.entry(format!("{name}s")).or_insert(cc);
        }
        demonyms.insert(name, cc);
    }
    let org_names = set(include_str!("../../../data/entities/org_names.txt"));
    let misc_names = set(include_str!("../../../data/entities/misc_names.txt"));
    let of_names = org_names.iter().chain(&misc_names).flat_map(|n| of_prefixes(n)).collect();
    let stop = set(include_str!("../../../data/stopwords_en.txt"));
    let mut never_names = set(include_str!("../../../data/entities/not_names.txt"));
    never_names.extend(stop.iter().filter(|w| !places.contains_key(*w)).cloned());
    let titles = set(include_str!("../../../data/entities/titles.txt"));
    let org_heads = set(include_str!("../../../data/entities/org_heads.txt"));
    let misc_heads = set(include_str!("../../../data/entities/misc_heads.txt"));
    let loc_heads = set(include_str!("../../../data/entities/loc_heads.txt"));
    let common = set(include_str!("../../../data/entities/common_words.txt"));
    let people: HashMap<String, &'static str> = lines(include_str!("../../../data/entities/people.txt"))
        .map(|l| {
            let (surname, full) = l.split_once('\t').unwrap_or((l, ""));
            (surname.trim().to_lowercase(), full.trim())
        })
        .collect();
    // Sized for the sum of the lexicons (an upper bound), so it never rehashes.
    let lexicon_words = [&never_names, &given, &titles, &org_heads, &misc_heads, &loc_heads, &common, &org_names]
        .map(HashSet::len)
        .into_iter()
        .sum::<usize>();
    let mut words =
        HashMap::with_capacity_and_hasher(lexicon_words + demonyms.len() + people.len(), Default::default());
    add_words(&mut words, Word::NEVER_NAME, &never_names);
    add_words(&mut words, Word::GIVEN, &given);
    add_words(&mut words, Word::TITLE, &titles);
    add_words(&mut words, Word::ORG_HEAD, &org_heads);
    add_words(&mut words, Word::MISC_HEAD, &misc_heads);
    add_words(&mut words, Word::LOC_HEAD, &loc_heads);
    add_words(&mut words, Word::DEMONYM, demonyms.keys());
    add_words(&mut words, Word::SURNAME, people.keys());
    add_words(&mut words, Word::COMMON, &common);
    add_words(&mut words, Word::ORG_NAME, &org_names);
    Lexicon {
        places,
        place_max_tokens,
        given,
        titles,
        org_heads,
        misc_heads,
        demonyms,
        deny: set(include_str!("../../../data/entities/denylist.txt")),
        stop,
        org_names,
        misc_names,
        of_names,
        people,
        capitals: set(include_str!("../../../data/entities/capitals.txt")),
        country_names,
        words,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert_eq!(LEX.places["madrid"].country, "ES");
        assert_eq!(LEX.places["united states"].kind, PlaceKind::Country);
        assert!(LEX.given.contains("vladimir") && LEX.given.contains("john"));
        assert_eq!(LEX.demonyms["russians"], "RU");
        assert!(LEX.org_heads.contains("ministry") && LEX.titles.contains("president"));
        assert!(LEX.misc_names.contains("storm shadow"));
        assert_eq!(LEX.people.get("putin"), Some(&"Vladimir Putin"));
        assert!(LEX.org_names.contains("voice of america"));
        assert!(LEX.of_names.contains("voice of america") && LEX.of_names.contains("power of siberia"));
        assert_eq!(of_prefixes("power of siberia 2"), ["power of siberia", "power of siberia 2"]);
        assert_eq!((LEX.country_names["US"], LEX.country_names["GB"]), ("United States", "United Kingdom"));
    }

    /// A word's flags are exactly the one-word lexicons that hold it.
    #[test]
    fn word_flags_match_the_lexicons() {
        let flags = [
            (Word::GIVEN, &LEX.given),
            (Word::TITLE, &LEX.titles),
            (Word::ORG_HEAD, &LEX.org_heads),
            (Word::MISC_HEAD, &LEX.misc_heads),
            (Word::ORG_NAME, &LEX.org_names),
        ];
        let mut probes: Vec<&str> = LEX.words.keys().map(String::as_str).collect();
        probes.extend(["putin", "russians", "no such word"]);
        for w in probes {
            let word = LEX.word(w);
            for (flag, set) in flags {
                assert_eq!(word.has(flag), set.contains(w), "{w} {flag:?}");
            }
            assert_eq!(word.has(Word::DEMONYM), LEX.demonyms.contains_key(w), "{w}");
            assert_eq!(word.has(Word::SURNAME), LEX.people.contains_key(w), "{w}");
        }
        assert!(LEX.word("putin").has(Word::SURNAME) && LEX.word("president").has(Word::TITLE));
        assert!(LEX.word("monday").has(Word::NEVER_NAME) && LEX.word("the").has(Word::NEVER_NAME));
        assert!(LEX.word("square").has(Word::LOC_HEAD) && LEX.word("several").has(Word::COMMON));
        assert!(!LEX.word("putin").has(Word::NEVER_NAME | Word::LOC_HEAD | Word::COMMON));
        assert_eq!(LEX.word("no such word"), Word::default());
    }

    /// The byte-scanning readers give what `str::lines`, `str::trim` and
    /// `split('\t')` give.
    #[test]
    fn readers_match_the_std_ones() {
        let text =
            "# header\n  Zürich\tcity\tCH \r\n\n\u{a0}Köln\u{2003}\r\nBern\tcity\r\n\t\n  # indented comment\nlast";
        let std: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert_eq!(lines(text).collect::<Vec<_>>(), std);
        assert_eq!(std, ["Zürich\tcity\tCH", "Köln", "Bern\tcity", "last"]);
        for l in ["", " ", "a", " a", "a\t", "\u{a0}ö\u{a0}", "Zürich", "ab\u{2003}", "A Coruña"] {
            assert_eq!(trim(l), l.trim(), "{l:?}");
        }
        assert_eq!(split_at_byte("Köln\tcity\tDE", b'\t'), Some(("Köln", "city\tDE")));
        assert_eq!(split_at_byte("\tcity", b'\t'), Some(("", "city")));
        assert_eq!(split_at_byte("Köln", b'\t'), None);
    }

    #[test]
    fn lower_with_matches_to_lowercase() {
        for w in ["Putin", "NATO", "Zürich", "ÖSTERREICH", "a-B", &"X".repeat(60)] {
            assert_eq!(lower_with(w, str::to_string), w.to_lowercase());
            assert_eq!(lower_in(w, &mut [0; 48], &mut String::new()), w.to_lowercase());
        }
    }
}
