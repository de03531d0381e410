//! The lexicons the entity extractor consults, compiled into the binary.
//!
//! Everything comes from `data/entities/` at compile time, so the binary
//! needs no data files at run time: the word table that answers what the
//! lexicons say about a key is laid out by `build.rs` ([`word_table`]):
//! membership in the one-word lexicons (given names, titles, heads, the
//! deny list) is a flag of [`Lexicon::word`]. The few lexicons the
//! extractor also reads whole are loaded once ([`LEX`]) via
//! `include_str!`. Keys are lower case: the same lookup serves
//! mixed-case text and ALL-CAPS headlines.

use super::word_table::{self, BUCKET, BUCKET_SLOTS, set};
pub use super::word_table::{Entry, Place, PlaceKind, Word};
use crate::document::ascii;
/// The key of a word in the packed table: the same integer as
/// [`word_table::pack`], in a few loads.
pub use crate::document::ascii::pack;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/word_table.rs"));

/// All lexicons.
pub struct Lexicon {
    /// Longest place name in tokens (bounds the longest-match scan).
    pub place_max_tokens: usize,
    /// Lower-cased demonym or group word (plural forms included) → country.
    pub demonyms: HashMap<String, &'static str>,
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
    /// here, and so are, as flags, the never-a-name words, given names,
    /// titles, organization, event and place heads, common words, the deny
    /// list, and organization and product names.
    pub words: Keys,
}

impl Lexicon {
    /// The [`Word`] flags of lower-cased `w` (none for a word no lexicon
    /// holds).
    pub fn word(&self, w: &str) -> Word {
        self.words.get(w).map(Entry::word).unwrap_or_default()
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
        self.words.packed(k).map(Entry::word).unwrap_or_default()
    }

    /// The gazetteer entry of lower-cased place name `w`.
    pub fn place(&self, w: &str) -> Option<Place> {
        self.words.get(w).and_then(|e| e.place(&COUNTRIES))
    }
}

/// The word table as `build.rs` laid it out: two hash tables, probed
/// linearly, read in place from the binary. A key of at most fifteen bytes
/// (nearly every one) is kept [`pack`]ed: a look-up then hashes and compares
/// one integer, and a token needs no lower-cased copy to be looked up (see
/// [`Lexicon::word_lowered`]); longer keys are spelled out.
#[derive(Debug, Default)]
pub struct Keys;

/// Bytes aligned to a cache line, so that each bucket of the packed table
/// is one line (`include_bytes!` alone aligns to a byte).
#[repr(C, align(64))]
struct Lines<B: ?Sized>(B);

static PACKED: &Lines<[u8]> = &Lines(*include_bytes!(concat!(env!("OUT_DIR"), "/packed.bin")));
static SPELLED_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spelled_slots.bin"));
static SPELLED_TEXT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spelled_text.bin"));

/// The entry of [`pack`]ed key `k` in a packed table of `1 << bits`
/// buckets (see [`word_table::layout`]).
fn probe_packed(table: &[u8], bits: u32, k: u128) -> Option<Entry> {
    let mask = (1 << bits) - 1;
    let mut b = word_table::packed_home(k, bits);
    loop {
        let bucket = &table[BUCKET * b..BUCKET * (b + 1)];
        for s in 0..BUCKET_SLOTS {
            let slot = u128::from_le_bytes(bucket[16 * s..16 * s + 16].try_into().expect("16 bytes"));
            if slot == k {
                return Some(Entry(le32(&bucket[16 * BUCKET_SLOTS..], s)));
            }
            if slot == 0 {
                return None;
            }
        }
        b = (b + 1) & mask;
    }
}

/// The little-endian `u32` at word `i` of `b`.
fn le32(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

impl Keys {
    /// The entry of lower-cased `w`.
    fn get(&self, w: &str) -> Option<Entry> {
        match pack(w.as_bytes()) {
            Some(k) => self.packed(k),
            None => self.spelled(w.as_bytes()),
        }
    }

    /// The entry of a [`pack`]ed key; the probe ends at the key or at an
    /// empty slot (key zero: only the empty word packs to it, and no caller
    /// asks about that).
    fn packed(&self, k: u128) -> Option<Entry> {
        probe_packed(&PACKED.0, PACKED_BITS, k)
    }

    /// The entry of a key too long to pack; an empty slot has length zero.
    fn spelled(&self, w: &[u8]) -> Option<Entry> {
        let mask = (1 << SPELLED_BITS) - 1;
        let mut i = word_table::spelled_home(w, SPELLED_BITS);
        loop {
            let (at, len) = (le32(SPELLED_SLOTS, 3 * i) as usize, le32(SPELLED_SLOTS, 3 * i + 1) as usize);
            if len == 0 {
                return None;
            }
            if SPELLED_TEXT.get(at..at + len) == Some(w) {
                return Some(Entry(le32(SPELLED_SLOTS, 3 * i + 2)));
            }
            i = (i + 1) & mask;
        }
    }

    /// Every key, spelled out.
    #[cfg(test)]
    fn keys(&self) -> Vec<String> {
        let packed = PACKED
            .0
            .chunks_exact(BUCKET)
            .flat_map(|b| b[..16 * BUCKET_SLOTS].chunks_exact(16))
            .filter(|k| k.iter().any(|&b| b != 0))
            .map(|k| String::from_utf8(k[..usize::from(k[15])].to_vec()).expect("a packed key is text"));
        let spelled = SPELLED_SLOTS.chunks_exact(12).filter(|s| le32(s, 1) != 0).map(|s| {
            let (at, len) = (le32(s, 0) as usize, le32(s, 1) as usize);
            String::from_utf8(SPELLED_TEXT[at..at + len].to_vec()).expect("a spelled key is text")
        });
        packed.chain(spelled).collect()
    }
}

/// [`pack`] of ASCII `b` lower-cased; `None` for other text. Each byte is
/// lower-cased in place, all sixteen at once ([`ascii::lowercase128`]): the
/// length byte (at most 15) and the zero bytes are no letters.
#[inline]
pub fn pack_lower(b: &[u8]) -> Option<u128> {
    let k = pack(b)?;
    (k & ascii::lanes128(0x80) == 0).then(|| ascii::lowercase128(k))
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
    let mut demonyms = HashMap::default();
    for (name, cc, replace) in word_table::demonyms(include_str!("../../../data/entities/demonyms.tsv")) {
        if replace {
            demonyms.insert(name, cc);
        } else {
            demonyms.entry(name).or_insert(cc);
        }
    }
    let org_names: Vec<String> = set(include_str!("../../../data/entities/org_names.txt"));
    let misc_names: Vec<String> = set(include_str!("../../../data/entities/misc_names.txt"));
    Lexicon {
        place_max_tokens: PLACE_MAX_TOKENS,
        demonyms,
        stop: set(include_str!("../../../data/stopwords_en.txt")),
        of_names: org_names.iter().chain(&misc_names).flat_map(|n| of_prefixes(n)).collect(),
        people: word_table::people(include_str!("../../../data/entities/people.txt")).collect(),
        capitals: set(include_str!("../../../data/entities/capitals.txt")),
        country_names: COUNTRY_NAMES.into_iter().collect(),
        words: Keys,
    }
});

#[cfg(test)]
mod tests {
    use super::word_table::{lines, lower, split_at_byte, trim};
    use super::*;

    /// The one-word lexicons as sets, read from their files: what the word
    /// table's flags must say.
    struct Sets {
        given: HashSet<String>,
        titles: HashSet<String>,
        org_heads: HashSet<String>,
        misc_heads: HashSet<String>,
        deny: HashSet<String>,
    }

    fn sets() -> Sets {
        let mut given: HashSet<String> = set(include_str!("../../../data/entities/given_names.txt"));
        given.extend(set::<Vec<_>>(include_str!("../../../data/entities/given_names_extra.txt")));
        Sets {
            given,
            titles: set(include_str!("../../../data/entities/titles.txt")),
            org_heads: set(include_str!("../../../data/entities/org_heads.txt")),
            misc_heads: set(include_str!("../../../data/entities/misc_heads.txt")),
            deny: set(include_str!("../../../data/entities/denylist.txt")),
        }
    }

    #[test]
    fn lexicons_load() {
        assert_eq!(LEX.place("madrid").map(|p| p.country), Some("ES"));
        assert_eq!(LEX.place("united states").map(|p| p.kind), Some(PlaceKind::Country));
        assert!(LEX.word("vladimir").has(Word::GIVEN) && LEX.word("john").has(Word::GIVEN));
        assert_eq!(LEX.demonyms["russians"], "RU");
        assert!(LEX.word("ministry").has(Word::ORG_HEAD) && LEX.word("president").has(Word::TITLE));
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
        let sets = sets();
        let flags = [
            (Word::GIVEN, &sets.given),
            (Word::TITLE, &sets.titles),
            (Word::ORG_HEAD, &sets.org_heads),
            (Word::MISC_HEAD, &sets.misc_heads),
            (Word::ORG_NAME, &org_names),
            (Word::MISC_NAME, &misc_names),
            (Word::DENY, &sets.deny),
        ];
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
            assert_eq!(word.has(Word::DOTTED_TITLE), sets.titles.contains(&format!("{w}.")), "{w}");
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

    /// Tables of every small size are laid out and read back: each key
    /// found with its entry, other words not (one key once made a table of
    /// one bucket whose probe start shifted a 64-bit hash by 64).
    #[test]
    fn small_packed_tables_are_read_back() {
        let words = ["a", "kyiv", "new york", "abcdefghijklmno", "zürich", "x", "the", "of", "paris"];
        for n in 0..=words.len() {
            let keys: std::collections::HashMap<String, word_table::Facts> =
                words[..n].iter().enumerate().map(|(i, w)| (w.to_string(), (Word(1 << (i % 8)), None))).collect();
            let l = word_table::layout(&keys);
            assert_eq!(l.packed.len(), BUCKET << l.packed_bits, "{n} keys");
            for (w, facts) in &keys {
                let e = probe_packed(&l.packed, l.packed_bits, pack(w.as_bytes()).expect("packs"));
                assert_eq!(e.map(|e| e.word()), Some(facts.0), "{w} in a table of {n}");
            }
            for w in ["berlin", "b", "ne"] {
                assert!(probe_packed(&l.packed, l.packed_bits, pack(w.as_bytes()).expect("packs")).is_none(), "{w}");
            }
        }
    }

    /// Every gazetteer line is in the table with its kind and country, the
    /// first line of a name in `places.tsv` and the last in
    /// `places_extra.tsv` (which overrides it) winning; every member of a
    /// lexicon is there with its flag; the country names are those of
    /// `places.tsv`.
    #[test]
    fn the_table_holds_every_lexicon_entry() {
        let mut expected: HashMap<String, (String, &str)> = HashMap::default();
        let mut names: HashMap<&str, &str> = HashMap::default();
        let files = [
            (include_str!("../../../data/entities/places.tsv"), false),
            (include_str!("../../../data/entities/places_extra.tsv"), true),
        ];
        for (src, extra) in files {
            for l in lines(src) {
                let f: Vec<&str> = l.split('\t').map(str::trim).collect();
                let (kind, cc) = (f.get(1).copied().unwrap_or(""), f.get(2).copied().unwrap_or(""));
                let kind = if ["country", "continent", "region", "sea"].contains(&kind) { kind } else { "city" };
                if extra || !expected.contains_key(&lower(f[0])) {
                    expected.insert(lower(f[0]), (kind.to_string(), cc));
                }
                if kind == "country" && !cc.is_empty() && !extra {
                    names.insert(cc, f[0]);
                }
            }
        }
        assert!(expected.len() > 40_000, "{}", expected.len());
        for (name, (kind, cc)) in &expected {
            let p = LEX.place(name).unwrap_or_else(|| panic!("{name} is no place"));
            assert_eq!((format!("{:?}", p.kind).to_lowercase(), p.country), (kind.clone(), *cc), "{name}");
            assert!(LEX.word(name).has(Word::PLACE), "{name}");
        }
        assert_eq!(LEX.country_names, names);
        let sets = sets();
        for (flag, set) in [(Word::GIVEN, &sets.given), (Word::TITLE, &sets.titles), (Word::DENY, &sets.deny)] {
            assert!(set.iter().all(|w| LEX.word(w).has(flag)), "{flag:?}");
        }
        assert!(LEX.demonyms.keys().all(|w| LEX.word(w).has(Word::DEMONYM)));
        assert!(LEX.people.keys().all(|w| LEX.word(w).has(Word::SURNAME)));
        assert!(LEX.word("democratic republic of the congo").has(Word::PLACE), "a key too long to pack");
    }

    /// The fast [`pack`] gives the integer the table was laid out with.
    #[test]
    fn pack_matches_the_tables() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "kyiv",
            "zürich",
            "new york",
            "west yorkshire",
            "abcdefghijklmno",
            "ä".repeat(8).as_str(),
        ] {
            assert_eq!(pack(w.as_bytes()), word_table::pack(w.as_bytes()), "{w}");
        }
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
