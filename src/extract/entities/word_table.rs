//! The word table: every key of the entity lexicons with what they say
//! about it, laid out as an open-addressing hash table at compile time.
//!
//! Built into the binary by `build.rs`, which includes this file, and read
//! in place by `lexicon.rs`. Built at run time, the table cost every run
//! some 26 million instructions (most of a small input's run, and a wait
//! for all cores at the start of a parallel one): 56,000 keys, 43,000 of
//! them from the gazetteer, each parsed, lower-cased and inserted.
//!
//! This file is plain Rust with no `crate::` paths, so that the build
//! script can use it; the library's tests check the flags against the
//! lexicon files they come from.

#![allow(dead_code)] // Each of build.rs and the library uses part of it.

use std::collections::{HashMap, HashSet};

/// What the lexicons say about a lower-cased word or name, as flags: the
/// chunker and typing ask several of them about each capitalized token and
/// each chunk, which one look-up in the table answers; a lexicon whose flag
/// is clear need not be asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Word(pub u16);

impl Word {
    /// Capitalized words that are never names: weekdays, months, numbers
    /// (`not_names.txt`) and the function words that name no place.
    pub const NEVER_NAME: Word = Word(1);
    /// A given name (`given_names.txt`, `given_names_extra.txt`).
    pub const GIVEN: Word = Word(1 << 1);
    /// A title or role word (`titles.txt`).
    pub const TITLE: Word = Word(1 << 2);
    /// Head of organization names (`org_heads.txt`).
    pub const ORG_HEAD: Word = Word(1 << 3);
    /// Head of event and other names (`misc_heads.txt`).
    pub const MISC_HEAD: Word = Word(1 << 4);
    /// Heads of place and facility names ("Square", "County").
    pub const LOC_HEAD: Word = Word(1 << 5);
    /// A key of `Lexicon::demonyms`.
    pub const DEMONYM: Word = Word(1 << 6);
    /// A key of `Lexicon::people`.
    pub const SURNAME: Word = Word(1 << 7);
    /// Words news writes in lower case far more often than capitalized
    /// ("member", "several"): no unknown given name.
    pub const COMMON: Word = Word(1 << 8);
    /// In the organization names ("Reuters", "Voice of America").
    pub const ORG_NAME: Word = Word(1 << 9);
    /// A gazetteer entry.
    pub const PLACE: Word = Word(1 << 10);
    /// In the names of products, weapons and programmes ("Storm Shadow").
    pub const MISC_NAME: Word = Word(1 << 11);
    /// Never a place on its own (`denylist.txt`).
    pub const DENY: Word = Word(1 << 12);
    /// A title when a period follows: "mr" of "mr." in `titles.txt`.
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

/// What kind of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Continent,
    Region,
    City,
    Sea,
}

impl PlaceKind {
    const ALL: [PlaceKind; 5] =
        [PlaceKind::Country, PlaceKind::Continent, PlaceKind::Region, PlaceKind::City, PlaceKind::Sea];

    fn of(kind: &str) -> PlaceKind {
        match kind {
            "country" => PlaceKind::Country,
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            "sea" => PlaceKind::Sea,
            _ => PlaceKind::City,
        }
    }
}

/// A gazetteer entry.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, empty when the place spans countries.
    pub country: &'static str,
}

/// What the lexicons hold under one lower-cased key, as the table stores
/// it in 32 bits: the [`Word`] flags, then the place kind (0 for none, else
/// its index in [`PlaceKind::ALL`] plus one), then the index of its country
/// in the table's list of countries. A look-up reads the part it is asked
/// for; most ask only for the flags.
#[derive(Debug, Clone, Copy)]
pub struct Entry(pub u32);

impl Entry {
    fn new(word: Word, place: Option<(PlaceKind, usize)>) -> Entry {
        let (kind, country) = place.map_or((0, 0), |(k, c)| {
            (PlaceKind::ALL.iter().position(|&x| x == k).expect("a kind") as u32 + 1, c as u32)
        });
        assert!(country < 1 << 13, "{country} countries outgrow their 13 bits");
        Entry(u32::from(word.0) | kind << 16 | country << 19)
    }

    /// The lexicons that hold the key.
    pub fn word(self) -> Word {
        Word(self.0 as u16)
    }

    /// The gazetteer entry, when the key is a place name ([`Word::PLACE`]),
    /// with `countries` the table's list.
    pub fn place(self, countries: &[&'static str]) -> Option<Place> {
        let kind = (self.0 >> 16) & 7;
        (kind != 0).then(|| Place {
            kind: PlaceKind::ALL[kind as usize - 1],
            country: countries.get((self.0 >> 19) as usize).copied().unwrap_or(""),
        })
    }
}

/// The bytes of a word of at most fifteen bytes, little-endian, and its
/// length in the top byte: one integer per word (the length tells "a" from
/// "a\0"), never zero, which marks an empty slot. The library computes the
/// same integer faster (`lexicon::pack`); a test holds the two together.
pub fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..b.len()].copy_from_slice(b);
    bytes[15] = b.len() as u8;
    Some(u128::from_le_bytes(bytes))
}

/// Where the probe for packed key `k` starts in a table of `1 << bits`
/// buckets: both halves multiplied by odd constants, top bits kept.
#[inline]
pub fn packed_home(k: u128, bits: u32) -> usize {
    let h = (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ ((k >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h.wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> (64 - bits)) as usize
}

/// Where the probe for a spelled-out key starts (FNV-1a, top bits kept).
pub fn spelled_home(b: &[u8], bits: u32) -> usize {
    let h = b.iter().fold(0xCBF2_9CE4_8422_2325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01B3));
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The lexicon files the table is made of, as text.
pub struct Sources<'a> {
    pub places: &'a str,
    pub places_extra: &'a str,
    pub given: &'a str,
    pub given_extra: &'a str,
    pub demonyms: &'a str,
    pub org_names: &'a str,
    pub misc_names: &'a str,
    pub stopwords: &'a str,
    pub not_names: &'a str,
    pub titles: &'a str,
    pub org_heads: &'a str,
    pub misc_heads: &'a str,
    pub loc_heads: &'a str,
    pub common: &'a str,
    pub deny: &'a str,
    pub people: &'a str,
}

/// A key's flags and gazetteer entry (kind, index in the countries).
pub type Facts = (Word, Option<(PlaceKind, usize)>);

/// The table's contents before layout.
pub struct Assembled<'a> {
    /// Every lower-cased key with its flags and gazetteer entry (kind and
    /// index in `countries`).
    pub keys: HashMap<String, Facts>,
    /// The country codes the entries name; the first is "".
    pub countries: Vec<&'a str>,
    /// ISO code → the country's gazetteer name.
    pub country_names: Vec<(&'a str, &'a str)>,
    /// Longest place name in words.
    pub place_max_tokens: usize,
}

/// Every key of every lexicon with its flags: gazetteer lines (the extra
/// file overriding the main one), the one-word lexicons, the keys of the
/// name lexicons. The library loads the lexicons it also needs whole with
/// the same readers ([`lines`], [`set`]).
pub fn assemble<'a>(s: &Sources<'a>) -> Assembled<'a> {
    let mut a = Assembled { keys: HashMap::new(), countries: vec![""], country_names: Vec::new(), place_max_tokens: 1 };
    let mut codes: HashMap<&str, usize> = HashMap::from([("", 0)]);
    let mut names: HashMap<&str, &str> = HashMap::new();
    for (src, overwrite) in [(s.places, false), (s.places_extra, true)] {
        for l in lines(src) {
            let Some((name, rest)) = split_at_byte(l, b'\t') else { continue };
            let (kind, rest) = split_at_byte(rest, b'\t').unwrap_or((rest, ""));
            let country = trim(split_at_byte(rest, b'\t').map_or(rest, |(c, _)| c));
            let kind = PlaceKind::of(kind);
            if kind == PlaceKind::Country && !country.is_empty() && !overwrite {
                names.insert(country, name);
            }
            let next = a.countries.len();
            let code = *codes.entry(country).or_insert(next);
            if code == next {
                a.countries.push(country);
            }
            let e = a.keys.entry(lower(name)).or_default();
            if overwrite || e.1.is_none() {
                e.1 = Some((kind, code));
            }
            e.0 = e.0 | Word::PLACE;
            a.place_max_tokens = a.place_max_tokens.max(name.bytes().filter(|&b| b == b' ').count() + 1);
        }
    }
    a.country_names = names.into_iter().collect();
    a.country_names.sort_unstable();
    let set = |src: &str| -> HashSet<String> { set(src) };
    let stop = set(s.stopwords);
    let never: Vec<String> =
        set(s.not_names).into_iter().chain(stop.into_iter().filter(|w| !a.keys.contains_key(w))).collect();
    let titles = set(s.titles);
    let dotted: Vec<String> = titles.iter().filter_map(|t| Some(t.strip_suffix('.')?.to_string())).collect();
    let mut add = |flag: Word, words: &mut dyn Iterator<Item = String>| {
        for w in words {
            let e = a.keys.entry(w).or_default();
            e.0 = e.0 | flag;
        }
    };
    add(Word::NEVER_NAME, &mut never.into_iter());
    add(Word::GIVEN, &mut set(s.given).into_iter().chain(set(s.given_extra)));
    add(Word::TITLE, &mut titles.into_iter());
    add(Word::DOTTED_TITLE, &mut dotted.into_iter());
    add(Word::ORG_HEAD, &mut set(s.org_heads).into_iter());
    add(Word::MISC_HEAD, &mut set(s.misc_heads).into_iter());
    add(Word::LOC_HEAD, &mut set(s.loc_heads).into_iter());
    add(Word::DEMONYM, &mut demonyms(s.demonyms).map(|(name, _, _)| name));
    add(Word::SURNAME, &mut people(s.people).map(|(surname, _)| surname));
    add(Word::COMMON, &mut set(s.common).into_iter());
    add(Word::ORG_NAME, &mut set(s.org_names).into_iter());
    add(Word::MISC_NAME, &mut set(s.misc_names).into_iter());
    add(Word::DENY, &mut set(s.deny).into_iter());
    a
}

/// The demonyms of `src` (`name<TAB>country`), lower-cased, each with its
/// country and whether it replaces an earlier entry of the same key: a
/// name does, the plural in -s derived from it does not.
pub fn demonyms(src: &str) -> impl Iterator<Item = (String, &str, bool)> {
    lines(src).flat_map(|l| {
        let mut f = l.split('\t');
        let name = f.next().unwrap_or("").to_lowercase();
        let cc = f.next().unwrap_or("").trim();
        let plural = !name.is_empty()
            && !name.ends_with('s')
            && !name.ends_with("ese")
            && !name.ends_with("ish")
            && !name.ends_with("ch");
        let plural = plural.then(|| (format!("{name}s"), cc, false));
        plural.into_iter().chain((!name.is_empty()).then_some((name, cc, true)))
    })
}

/// The people of `src` (`surname<TAB>full name`): lower-cased surname,
/// full name.
pub fn people(src: &str) -> impl Iterator<Item = (String, &str)> {
    lines(src).map(|l| {
        let (surname, full) = l.split_once('\t').unwrap_or((l, ""));
        (surname.trim().to_lowercase(), full.trim())
    })
}

/// The two hash tables of [`assemble`]'s keys, as bytes: keys of at most
/// fifteen bytes [`pack`]ed, the others spelled out.
pub struct Layout {
    /// `bits` of the packed table: `1 << bits` buckets of [`BUCKET`] bytes.
    pub packed_bits: u32,
    /// Per bucket, [`BUCKET_SLOTS`] packed keys (16 bytes each,
    /// little-endian; zero when empty), then their encoded entries (4 bytes
    /// each, little-endian), then padding.
    pub packed: Vec<u8>,
    /// `bits` of the spelled table.
    pub spelled_bits: u32,
    /// Per slot: the key's offset in `spelled_text`, its length (zero when
    /// empty) and the encoded entry, 4 bytes each, little-endian.
    pub spelled_slots: Vec<u8>,
    /// The spelled keys, one after another.
    pub spelled_text: Vec<u8>,
}

/// Bytes in a bucket of the packed table: one cache line, holding
/// [`BUCKET_SLOTS`] keys and their entries, so that a look-up that finds its
/// key reads one line where a key and its entry in separate arrays took two.
pub const BUCKET: usize = 64;

/// Keys in a bucket of the packed table.
pub const BUCKET_SLOTS: usize = 3;

/// Lays `keys` out in tables probed linearly: the packed one in buckets at
/// most two-thirds full, filled slot by slot, the spelled one in slots at
/// most half full. A miss, the usual outcome for a capitalized word, ends at
/// an empty slot within a probe or two.
pub fn layout(keys: &HashMap<String, Facts>) -> Layout {
    let mut sorted: Vec<_> = keys.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let (packed, spelled): (Vec<_>, Vec<_>) = sorted.into_iter().partition(|(k, _)| pack(k.as_bytes()).is_some());
    let bits = |n: usize| (2 * n).next_power_of_two().max(2).trailing_zeros();
    // Buckets for at least 1.5 slots per key.
    let pb = (packed.len() / 2 + 1).next_power_of_two().trailing_zeros().max(1);
    let sb = bits(spelled.len());
    let mut t = Layout {
        packed_bits: pb,
        packed: vec![0; BUCKET << pb],
        spelled_bits: sb,
        spelled_slots: vec![0; 12 << sb],
        spelled_text: Vec::new(),
    };
    let mask = |bits: u32| (1usize << bits) - 1;
    for (k, &(word, place)) in packed {
        let key = pack(k.as_bytes()).expect("packable");
        let mut b = packed_home(key, pb);
        let slot = loop {
            let bucket = &t.packed[BUCKET * b..BUCKET * (b + 1)];
            if let Some(s) = (0..BUCKET_SLOTS).find(|s| bucket[16 * s..16 * s + 16] == [0; 16]) {
                break BUCKET * b + 16 * s;
            }
            b = (b + 1) & mask(pb);
        };
        t.packed[slot..slot + 16].copy_from_slice(&key.to_le_bytes());
        let entry = BUCKET * b + 16 * BUCKET_SLOTS + 4 * (slot % BUCKET / 16);
        t.packed[entry..entry + 4].copy_from_slice(&Entry::new(word, place).0.to_le_bytes());
    }
    for (k, &(word, place)) in spelled {
        let mut i = spelled_home(k.as_bytes(), sb);
        while t.spelled_slots[12 * i + 4..12 * i + 8] != [0; 4] {
            i = (i + 1) & mask(sb);
        }
        let slot = [t.spelled_text.len() as u32, k.len() as u32, Entry::new(word, place).0];
        for (j, v) in slot.iter().enumerate() {
            t.spelled_slots[12 * i + 4 * j..12 * i + 4 * j + 4].copy_from_slice(&v.to_le_bytes());
        }
        t.spelled_text.extend_from_slice(k.as_bytes());
    }
    t
}

/// The entries of a lexicon file: its lines, trimmed, without blank lines
/// and `#` comments. The lines are short, so a plain byte scan finds each
/// line feed sooner than the vectorized search `str::lines` sets up per line
/// (the trim drops the `\r` of a CRLF ending as `str::lines` would).
pub fn lines(s: &str) -> impl Iterator<Item = &str> {
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
pub fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((&s[..i], &s[i + 1..]))
}

/// `str::trim`, without decoding when `l` starts and ends with a visible
/// ASCII character (as nearly every lexicon line and field does): then it
/// has no whitespace to trim.
pub fn trim(l: &str) -> &str {
    match (l.as_bytes().first(), l.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => l,
        _ => l.trim(),
    }
}

/// The lower-cased entries of a one-word-per-line lexicon.
pub fn set<C: FromIterator<String>>(s: &str) -> C {
    lines(s).map(lower).collect()
}

/// `s` lower-cased; most lexicon entries are ASCII, which is lower-cased
/// byte by byte.
pub fn lower(s: &str) -> String {
    if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() }
}
