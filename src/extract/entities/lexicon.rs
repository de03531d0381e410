//! The lexicons the entity extractor consults, compiled into the binary.
//!
//! Everything is loaded once ([`LEX`]) from `data/entities/` via
//! `include_str!`, so the binary needs no data files at run time. Keys are
//! lower case: the same lookup serves mixed-case text and ALL-CAPS headlines.

use crate::document::ascii;
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
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, empty when the place spans countries.
    pub country: &'static str,
}

/// What the lexicons say about a lower-cased word or name, as flags: the
/// chunker and typing ask several of them about each capitalized token and
/// each chunk, which one look-up in [`Lexicon::words`] answers (see
/// `Ctx::facts`); a lexicon whose flag is clear need not be asked.
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
    /// In the organization names ("Reuters", "Voice of America").
    pub const ORG_NAME: Word = Word(1 << 9);
    /// A key of [`Lexicon::places`].
    pub const PLACE: Word = Word(1 << 10);
    /// In the names of products, weapons and programmes ("Storm Shadow").
    pub const MISC_NAME: Word = Word(1 << 11);
    /// In [`Lexicon::deny`].
    pub const DENY: Word = Word(1 << 12);
    /// A title when a period follows: "mr" of "mr." in [`Lexicon::titles`].
    pub const DOTTED_TITLE: Word = Word(1 << 13);

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

/// What the lexicons hold under one lower-cased key (see [`Lexicon::words`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    /// The lexicons that hold the key.
    pub word: Word,
    /// The gazetteer entry, when the key is a place name ([`Word::PLACE`]).
    pub place: Option<Place>,
}

/// All lexicons.
pub struct Lexicon {
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
    /// Every word of the one-word lexicons and every key of the name
    /// lexicons (the gazetteer, people, demonyms, organization and product
    /// names, the deny list) with its [`Entry`]: the gazetteer is kept only
    /// here, and so are the never-a-name words, place heads, common words
    /// and organization and product names, as flags.
    pub words: Keys,
}

impl Lexicon {
    /// The [`Word`] flags of lower-cased `w` (none for a word no lexicon
    /// holds).
    pub fn word(&self, w: &str) -> Word {
        self.words.get(w).map(|e| e.word).unwrap_or_default()
    }

    /// [`Lexicon::word`] of `w` lower-cased. An ASCII word of up to fifteen
    /// bytes (nearly every token) is lower-cased within its packed key, with
    /// no copy.
    pub fn word_lowered(&self, w: &str) -> Word {
        match pack_lower(w.as_bytes()) {
            Some(k) => self.word_packed(k),
            None => lower_with(w, |l| self.word(l)),
        }
    }

    /// [`Lexicon::word`] of a lower-cased word given [`pack`]ed.
    pub fn word_packed(&self, k: u128) -> Word {
        self.words.packed.get(&k).map(|e| e.word).unwrap_or_default()
    }

    /// The gazetteer entry of lower-cased place name `w`.
    pub fn place(&self, w: &str) -> Option<Place> {
        self.words.get(w).and_then(|e| e.place)
    }
}

/// The keys of [`Lexicon::words`]. A key of at most fifteen bytes (nearly
/// every one) is kept [`pack`]ed: a look-up then hashes and compares one
/// integer, where a string key is hashed byte by byte and compared with a
/// call to `memcmp`, and a token needs no lower-cased copy to be looked up
/// (see [`Lexicon::word_lowered`]).
#[derive(Debug, Default)]
pub struct Keys {
    packed: HashMap<u128, Entry>,
    spelled: HashMap<String, Entry>,
}

impl Keys {
    fn with_capacity(n: usize) -> Keys {
        Keys { packed: HashMap::with_capacity_and_hasher(n, Default::default()), spelled: HashMap::default() }
    }

    fn get(&self, w: &str) -> Option<&Entry> {
        match pack(w.as_bytes()) {
            Some(k) => self.packed.get(&k),
            None => self.spelled.get(w),
        }
    }

    /// The entry of lower-cased `key`, added when missing.
    fn entry(&mut self, key: String) -> &mut Entry {
        match pack(key.as_bytes()) {
            Some(k) => self.packed.entry(k).or_default(),
            None => self.spelled.entry(key).or_default(),
        }
    }

    /// [`Keys::entry`] of `name` lower-cased (an ASCII name within its
    /// packed key, with no copy).
    fn entry_lowered(&mut self, name: &str) -> &mut Entry {
        match pack_lower(name.as_bytes()) {
            Some(k) => self.packed.entry(k).or_default(),
            None => self.entry(lower(name)),
        }
    }

    /// How many keys there are.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.packed.len() + self.spelled.len()
    }

    /// Every key, spelled out.
    #[cfg(test)]
    fn keys(&self) -> Vec<String> {
        let unpack = |k: &u128| {
            let bytes = k.to_le_bytes();
            String::from_utf8(bytes[..usize::from(bytes[15])].to_vec()).expect("a packed key is text")
        };
        self.packed.keys().map(unpack).chain(self.spelled.keys().cloned()).collect()
    }
}

/// The bytes of a word of at most fifteen bytes, little-endian
/// ([`ascii::load_le`]), and its length in the top byte: one integer per
/// word (the length tells "a" from "a\0").
#[inline]
pub fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 15 {
        return None;
    }
    Some(ascii::load_le(b)? | (b.len() as u128) << 120)
}

/// [`pack`] of ASCII `b` lower-cased; `None` for other text. Each byte is
/// lower-cased in place, all sixteen at once ([`ascii::lowercase128`]): the
/// length byte (at most 15) and the zero bytes are no letters.
#[inline]
pub fn pack_lower(b: &[u8]) -> Option<u128> {
    let k = pack(b)?;
    (k & ascii::lanes128(0x80) == 0).then(|| ascii::lowercase128(k))
}

/// Adds the words of one lexicon to [`Lexicon::words`] with `flag` (a word
/// several lexicons hold gets all their flags).
fn add_words(words: &mut Keys, flag: Word, lexicon: impl IntoIterator<Item = String>) {
    for w in lexicon {
        let e = words.entry(w);
        e.word = e.word | flag;
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

/// Loads gazetteer lines into `map` (keeping places already there unless
/// `overwrite`), and the name of each country with a code into `countries`
/// when given: one pass over the 40,000 lines. Returns the most words a
/// name has (lower-casing keeps every space).
fn load_places(
    map: &mut Keys,
    src: &'static str,
    overwrite: bool,
    mut countries: Option<&mut HashMap<&'static str, &'static str>>,
) -> usize {
    let mut max_tokens = 1;
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
        let e = map.entry_lowered(name);
        if overwrite || e.place.is_none() {
            e.place = Some(Place { kind, country });
        }
        e.word = e.word | Word::PLACE;
        max_tokens = max_tokens.max(name.bytes().filter(|&b| b == b' ').count() + 1);
    }
    max_tokens
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

/// Room for the keys of all lexicons in [`Lexicon::words`] (about 50,000:
/// the gazetteer and the given names are most of them).
const WORDS: usize = 56_000;

/// The lexicons, loaded on first use.
pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    // Sized for every key of every lexicon, so it never rehashes.
    let mut words = Keys::with_capacity(WORDS);
    let mut country_names = HashMap::default();
    let place_max_tokens =
        load_places(&mut words, include_str!("../../../data/entities/places.tsv"), false, Some(&mut country_names))
            .max(load_places(&mut words, include_str!("../../../data/entities/places_extra.tsv"), true, None));

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
    // Only places are in `words` yet.
    never_names.extend(stop.iter().filter(|w| words.get(w).is_none()).cloned());
    let titles = set(include_str!("../../../data/entities/titles.txt"));
    let org_heads = set(include_str!("../../../data/entities/org_heads.txt"));
    let misc_heads = set(include_str!("../../../data/entities/misc_heads.txt"));
    let loc_heads = set(include_str!("../../../data/entities/loc_heads.txt"));
    let common = set(include_str!("../../../data/entities/common_words.txt"));
    let deny = set(include_str!("../../../data/entities/denylist.txt"));
    let people: HashMap<String, &'static str> = lines(include_str!("../../../data/entities/people.txt"))
        .map(|l| {
            let (surname, full) = l.split_once('\t').unwrap_or((l, ""));
            (surname.trim().to_lowercase(), full.trim())
        })
        .collect();
    add_words(&mut words, Word::NEVER_NAME, never_names);
    add_words(&mut words, Word::GIVEN, given.iter().cloned());
    add_words(&mut words, Word::TITLE, titles.iter().cloned());
    add_words(&mut words, Word::DOTTED_TITLE, titles.iter().filter_map(|t| Some(t.strip_suffix('.')?.to_string())));
    add_words(&mut words, Word::ORG_HEAD, org_heads.iter().cloned());
    add_words(&mut words, Word::MISC_HEAD, misc_heads.iter().cloned());
    add_words(&mut words, Word::LOC_HEAD, loc_heads);
    add_words(&mut words, Word::DEMONYM, demonyms.keys().cloned());
    add_words(&mut words, Word::SURNAME, people.keys().cloned());
    add_words(&mut words, Word::COMMON, common);
    add_words(&mut words, Word::ORG_NAME, org_names);
    add_words(&mut words, Word::MISC_NAME, misc_names);
    add_words(&mut words, Word::DENY, deny.iter().cloned());
    Lexicon {
        place_max_tokens,
        given,
        titles,
        org_heads,
        misc_heads,
        demonyms,
        deny,
        stop,
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
        assert_eq!(LEX.place("madrid").map(|p| p.country), Some("ES"));
        assert_eq!(LEX.place("united states").map(|p| p.kind), Some(PlaceKind::Country));
        assert!(LEX.given.contains("vladimir") && LEX.given.contains("john"));
        assert_eq!(LEX.demonyms["russians"], "RU");
        assert!(LEX.org_heads.contains("ministry") && LEX.titles.contains("president"));
        assert!(LEX.word("storm shadow").has(Word::MISC_NAME));
        assert_eq!(LEX.people.get("putin"), Some(&"Vladimir Putin"));
        assert!(LEX.word("voice of america").has(Word::ORG_NAME));
        assert!(LEX.of_names.contains("voice of america") && LEX.of_names.contains("power of siberia"));
        assert_eq!(of_prefixes("power of siberia 2"), ["power of siberia", "power of siberia 2"]);
        assert_eq!((LEX.country_names["US"], LEX.country_names["GB"]), ("United States", "United Kingdom"));
    }

    /// A key's flags are exactly the lexicons that hold it, and a place's
    /// entry is there for every gazetteer line.
    #[test]
    fn word_flags_match_the_lexicons() {
        let org_names = set(include_str!("../../../data/entities/org_names.txt"));
        let misc_names = set(include_str!("../../../data/entities/misc_names.txt"));
        let flags = [
            (Word::GIVEN, &LEX.given),
            (Word::TITLE, &LEX.titles),
            (Word::ORG_HEAD, &LEX.org_heads),
            (Word::MISC_HEAD, &LEX.misc_heads),
            (Word::ORG_NAME, &org_names),
            (Word::MISC_NAME, &misc_names),
            (Word::DENY, &LEX.deny),
        ];
        assert!(LEX.words.len() <= WORDS, "{} keys outgrow the room made for them", LEX.words.len());
        let gazetteer = [
            include_str!("../../../data/entities/places.tsv"),
            include_str!("../../../data/entities/places_extra.tsv"),
        ];
        let places: HashSet<String> =
            gazetteer.into_iter().flat_map(lines).filter_map(|l| Some(lower(l.split_once('\t')?.0))).collect();
        let keys = LEX.words.keys();
        let mut probes: Vec<&str> = keys.iter().map(String::as_str).collect();
        probes.extend(["putin", "russians", "no such word", "new york", "kyiv"]);
        for w in probes {
            let word = LEX.word(w);
            for (flag, set) in flags {
                assert_eq!(word.has(flag), set.contains(w), "{w} {flag:?}");
            }
            assert_eq!(word.has(Word::DEMONYM), LEX.demonyms.contains_key(w), "{w}");
            assert_eq!(word.has(Word::SURNAME), LEX.people.contains_key(w), "{w}");
            assert_eq!(word.has(Word::PLACE), places.contains(w), "{w}");
            assert_eq!(LEX.place(w).is_some(), places.contains(w), "{w}");
            assert_eq!(word.has(Word::DOTTED_TITLE), LEX.titles.contains(&format!("{w}.")), "{w}");
            // A token lower-cased alone (`str::to_lowercase`) and within a
            // key (character by character) differ only in a final sigma,
            // so the flags of either answer for both.
            assert!(!w.contains(['σ', 'ς']), "{w}");
            // Tokens without a letter are never looked up (`Ctx::facts`).
            assert!(w.chars().any(char::is_alphabetic), "{w:?}");
        }
        assert!(LEX.word("putin").has(Word::SURNAME) && LEX.word("president").has(Word::TITLE));
        assert!(LEX.word("mr").has(Word::DOTTED_TITLE) && !LEX.word("president").has(Word::DOTTED_TITLE));
        assert!(LEX.word("monday").has(Word::NEVER_NAME) && LEX.word("the").has(Word::NEVER_NAME));
        assert!(LEX.word("square").has(Word::LOC_HEAD) && LEX.word("several").has(Word::COMMON));
        assert!(!LEX.word("putin").has(Word::NEVER_NAME | Word::LOC_HEAD | Word::COMMON));
        assert_eq!(LEX.word("no such word"), Word::default());
    }

    /// Lower-casing a character that is no letter gives no letter: a token
    /// without one (a number, punctuation) has none lower-cased either.
    #[test]
    fn lower_casing_makes_no_letters() {
        for c in (char::MIN..=char::MAX).filter(|c| !c.is_alphabetic()) {
            assert!(!c.to_lowercase().any(char::is_alphabetic), "{c:?}");
        }
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
