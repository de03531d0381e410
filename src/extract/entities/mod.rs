//! Named entities: people, organizations, places, groups and other names.
//!
//! A fast, offline, rule-based recognizer. It works in three steps:
//!
//! 1. **Chunking** ([`chunk`]): runs of capitalized tokens in ordinary
//!    sentences, joined across name particles ("bin", "de") and across "of"
//!    after an organization or place head ("Bank of England"). A capital at
//!    the start of a sentence is not evidence: such a word is dropped when it
//!    is a function word or appears in lower case elsewhere in the document.
//! 2. **Typing** ([`classify`]): lexicon evidence (gazetteer, demonyms, given
//!    names, titles, organization and event heads), then document-level
//!    consistency: a surname seen in a full PERSON name keeps that type and
//!    canonical ("Putin" → "Vladimir Putin"); an acronym introduced after
//!    its expansion ("International Monetary Fund (IMF)") is the same entity.
//! 3. **Shouting lines** (ALL-CAPS or Title-Case headlines, datelines): the
//!    capital letters say nothing there, so only names already known from the
//!    document body or from the lexicons are matched, longest first.
//!
//! Corpus-wide spelling variants are unified afterwards by [`NameIndex`].

mod classify;
mod lexicon;
mod names;
mod word_table;

use crate::document::{Document, ParagraphKind, Shape, Span, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell};

pub use names::NameIndex;

use classify::Guess;
use lexicon::{LEX, PlaceKind, Word, pack};

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// An organization (companies, ministries, armies, parties, teams).
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, city, region, sea, island, facility.
    #[serde(rename = "LOC")]
    Loc,
    /// A nationality, religious or political group ("Russian", "pro-Russian").
    #[serde(rename = "NORP")]
    Norp,
    /// Other names: events, treaties, operations, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
            EntityKind::Misc => "MISC",
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Where the mention is (titles, honorifics and possessives excluded).
    pub span: Span,
    /// Its type.
    pub kind: EntityKind,
    /// The canonical name of the entity this mention refers to.
    pub canonical: String,
    /// ISO 3166-1 alpha-2 country of a place, when known.
    pub country: Option<String>,
}

/// A mention before document-level resolution: a token range plus a guess.
#[derive(Debug, Clone)]
struct Mention {
    /// Token range `[a, b)`.
    a: usize,
    b: usize,
    /// The chunk starts its sentence (its capital is not evidence).
    initial: bool,
    guess: Guess,
}

/// Each token's one-word lexicon flags, once looked up (see [`Ctx::facts`]).
type Facts = Vec<Cell<Option<Word>>>;

/// Per-document view of the tokens that the passes share.
struct Ctx<'d> {
    doc: &'d Document,
    /// Words written in lower case somewhere in the document.
    lower_seen: LowerSeen<'d>,
    /// Sports copy (score-like numbers): places that play are teams.
    sporty: bool,
    /// [`chunk`]'s verdict on each token as a name word, once decided. A
    /// token is asked about several times as chunks grow and are split,
    /// always with its own sentence's start.
    cap: Vec<Cell<Option<bool>>>,
    /// Each token's one-word lexicon flags, once looked up (see
    /// [`Ctx::facts`]).
    facts: Facts,
}

impl<'d> Ctx<'d> {
    fn word(&self, i: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[i].span)
    }
    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }
    /// True when a line feed separates token `i` from token `i - 1`. Read
    /// as bytes: '\n' is ASCII, so no byte of another character equals it,
    /// and the short gap between two tokens needs no character search. Most
    /// gaps are empty or one space, read without calling a search at all.
    #[inline]
    fn line_break_before(&self, i: usize) -> bool {
        let toks = &self.doc.tokens;
        match &self.doc.text.as_bytes()[toks[i - 1].span.end..toks[i].span.start] {
            [] => false,
            [b] => *b == b'\n',
            gap => gap.contains(&b'\n'),
        }
    }
    /// What the one-word lexicons say about token `i` lower-cased: one
    /// look-up per token, however often the chunker and typing ask. Asked
    /// half a million times, mostly of a token already looked up, so that
    /// answer is inlined where it is asked.
    #[inline]
    fn facts(&self, i: usize) -> Word {
        match self.facts[i].get() {
            Some(f) => f,
            None => self.look_up_facts(i),
        }
    }
    /// [`Ctx::facts`] of a token not looked up yet.
    fn look_up_facts(&self, i: usize) -> Word {
        // A number or punctuation has no letter, nor has it lower-cased,
        // and every lexicon key has one: no look-up can find it.
        if !self.is_word(i) {
            return Word::default();
        }
        let f = LEX.word_lowered(self.word(i));
        self.facts[i].set(Some(f));
        f
    }
    /// True when token `i` lower-cased is written in lower case somewhere
    /// in the document ([`Ctx::lower_seen`]).
    fn seen_lower(&self, i: usize) -> bool {
        self.lower_seen.holds_lowered(self.word(i))
    }
    /// Lower-cased text of tokens `[a, b)`, with a single space where the
    /// text has any ("St. Petersburg" → "st. petersburg").
    fn key(&self, a: usize, b: usize) -> String {
        let mut s = String::with_capacity(32);
        self.push_words_lowered(a, b, &mut s);
        s
    }
    /// Appends [`Ctx::key`] of tokens `[a, b)` to `keys` word by word.
    /// Returns where its first word ends and its last word starts in `keys`.
    fn push_words_lowered(&self, a: usize, b: usize, keys: &mut String) -> (usize, usize) {
        let toks = &self.doc.tokens;
        let (mut first_end, mut last_start) = (0, 0);
        for i in a..b {
            if i > a && toks[i - 1].span.end != toks[i].span.start {
                keys.push(' ');
            }
            last_start = keys.len();
            push_lower(keys, self.word(i));
            if i == a {
                first_end = keys.len();
            }
        }
        (first_end, last_start)
    }
    /// Calls `f` with [`Ctx::key`] of tokens `[a, b)`, built on the stack
    /// when it is the span's text lower-cased: ASCII tokens with nothing or
    /// one space between them (nearly every chunk). Typing looks a chunk's
    /// key up a dozen times and keeps none of it, so it need not allocate.
    fn with_key<R>(&self, a: usize, b: usize, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = [0u8; KEY_BUF];
        match self.plain_text(a, b).and_then(|text| crate::document::ascii_lower(text, &mut buf)) {
            Some(key) => f(key),
            None => f(&self.key(a, b)),
        }
    }
    /// The text of tokens `[a, b)` when nothing or one space separates them
    /// (and `a < b`): then [`Ctx::key`] is that text lower-cased, with every
    /// word where the text has it.
    fn plain_text(&self, a: usize, b: usize) -> Option<&'d str> {
        let toks = &self.doc.tokens;
        let bytes = self.doc.text.as_bytes();
        let plain = a < b
            && (a + 1..b).all(|i| {
                let (end, start) = (toks[i - 1].span.end, toks[i].span.start);
                start == end || start == end + 1 && bytes[end] == b' '
            });
        plain.then(|| &self.doc.text[toks[a].span.start..toks[b - 1].span.end])
    }
    /// The [`Names`] of each token range `[a, b)` of `ranges`, built once
    /// per mention: the document-level passes look a mention up by its
    /// whole key, first word and last word many times. The keys are
    /// lower-cased into the one buffer `keys` (emptied first): one copy for
    /// all of a document's mentions, not an allocation and a free each.
    fn names<'k>(&self, ranges: impl IntoIterator<Item = (usize, usize)>, keys: &'k mut String) -> Vec<Names<'k>>
    where
        'd: 'k,
    {
        keys.clear();
        let marks: Vec<_> = ranges
            .into_iter()
            .map(|(a, b)| {
                let start = keys.len();
                let (first_end, last_start, surface) = self.push_key(a, b, keys);
                (start, keys.len(), first_end, last_start, surface)
            })
            .collect();
        let keys: &'k str = keys;
        marks
            .into_iter()
            .map(|(start, end, first_end, last_start, surface)| Names {
                key: &keys[start..end],
                first_end: first_end - start,
                last_start: last_start - start,
                surface,
            })
            .collect()
    }
    /// Appends [`Ctx::key`] of tokens `[a, b)` to `keys`. Returns where its
    /// first word ends and its last word starts in `keys`, and the text of
    /// the tokens as [`Ctx::surface`] gives it.
    fn push_key(&self, a: usize, b: usize, keys: &mut String) -> (usize, usize, Cow<'d, str>) {
        let toks = &self.doc.tokens;
        let start = keys.len();
        // Plain ASCII text (nearly every name) is lower-cased in one copy,
        // its words where the text has them. It is also its own surface:
        // tokens hold no whitespace (the tokenizer skips it) and plain text
        // has at most one space between them, which [`Ctx::surface`] keeps.
        if let Some(text) = self.plain_text(a, b).filter(|t| t.is_ascii()) {
            keys.push_str(text);
            keys[start..].make_ascii_lowercase();
            let at = |offset: usize| start + offset - toks[a].span.start;
            return (at(toks[a].span.end), at(toks[b - 1].span.start), Cow::Borrowed(text));
        }
        let (first_end, last_start) = self.push_words_lowered(a, b, keys);
        (first_end, last_start, Cow::Owned(self.surface(a, b)))
    }
    /// Text of tokens `[a, b)` with whitespace collapsed.
    fn surface(&self, a: usize, b: usize) -> String {
        let t = &self.doc.tokens;
        let raw = &self.doc.text[t[a].span.start..t[b - 1].span.end];
        if single_spaced(raw) {
            return raw.to_string();
        }
        let mut s = String::with_capacity(raw.len());
        let mut space = false;
        for c in raw.chars() {
            if c.is_whitespace() {
                space = true;
            } else {
                if space && !s.is_empty() {
                    s.push(' ');
                }
                space = false;
                s.push(c);
            }
        }
        s
    }
}

/// ASCII text whose only whitespace is single spaces, which
/// [`Ctx::surface`] leaves as it is (nearly every name).
fn single_spaced(s: &str) -> bool {
    let mut space = false;
    s.bytes().all(|b| {
        let ok = b.is_ascii() && !matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') && !(space && b == b' ');
        space = b == b' ';
        ok
    })
}

/// Longest key [`Ctx::with_key`] builds on the stack (longer ones are rare).
const KEY_BUF: usize = 64;

/// A document's confident names: key → type, canonical and country.
type Known<'n> = HashMap<Cow<'n, str>, (EntityKind, &'n str, Option<&'static str>)>;

/// The keys and surface text of one mention (see [`Ctx::names`]). The
/// surface is the document's own text when that needs no collapsing of
/// whitespace (nearly always): most mentions never need a copy of it.
struct Names<'k> {
    key: &'k str,
    first_end: usize,
    last_start: usize,
    surface: Cow<'k, str>,
}

impl Names<'_> {
    /// Lower-cased first word.
    fn first(&self) -> &str {
        &self.key[..self.first_end]
    }
    /// Lower-cased last word.
    fn last(&self) -> &str {
        &self.key[self.last_start..]
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Appends `w` lower-cased character by character (ASCII words, nearly all
/// of them, in one copy).
fn push_lower(s: &mut String, w: &str) {
    if w.is_ascii() {
        let from = s.len();
        s.push_str(w);
        s[from..].make_ascii_lowercase();
    } else {
        for c in w.chars() {
            s.extend(c.to_lowercase());
        }
    }
}

fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A typed mention before overlaps are removed: span, type, canonical (when
/// it differs from the surface text), country, and the mention's index. The
/// canonical is borrowed from the document knowledge it was found in, and
/// copied only for the entities output: most mentions repeat a name, and
/// most canonicals are dropped as equal to the surface text.
type Typed<'k> = (Span, EntityKind, Option<&'k str>, Option<&'static str>, usize);

/// Finds entity mentions in a document.
pub fn extract(doc: &Document) -> Vec<Entity> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let (lower_seen, case_counts, facts) = scan_words(doc);
    let cx = Ctx {
        doc,
        lower_seen,
        sporty: classify::is_sporty(doc),
        cap: vec![Default::default(); doc.tokens.len()],
        facts,
    };
    let shouting = shouting_sentences(&cx, &case_counts);

    // Pass 1: ordinary sentences.
    let mut mentions = Vec::new();
    let toks = &doc.tokens;
    let mut i = 0;
    while i < toks.len() {
        let s = toks[i].sentence as usize;
        let end = toks[i..].iter().position(|t| t.sentence as usize != s).map_or(toks.len(), |p| i + p);
        if !shouting[s] {
            chunk::sentence(&cx, i, end, &mut mentions);
        }
        i = end;
    }

    // Keys and surfaces, once per mention.
    let mut keys = String::with_capacity(16 * mentions.len());
    let names = cx.names(mentions.iter().map(|m| (m.a, m.b)), &mut keys);

    // Document knowledge from confident mentions. The maps keyed by
    // mentions are sized for one key per mention, so they rarely grow while
    // filled (`known` may also take a shortened Misc key and acronyms).
    fn room<K, V>(n: usize) -> HashMap<K, V> {
        HashMap::with_capacity_and_hasher(n, Default::default())
    }
    // Keys and names are borrowed from the mentions' names where they can
    // be: a copy for every confident mention was a fifth of the
    // allocations of a document.
    let mut known: Known = room(mentions.len());
    let mut surnames: HashMap<&str, &str> = room(mentions.len());
    for (m, n) in mentions.iter().zip(&names) {
        if let Some(k) = m.guess.kind.filter(|_| m.guess.strong) {
            if k == EntityKind::Person && m.b - m.a >= 2 {
                // Longest full name wins for a surname.
                let e = surnames.entry(n.last()).or_default();
                if n.surface.len() > e.len() {
                    *e = &n.surface;
                }
            }
            // "Eagle Assault 2024" is also "Eagle Assault" later on.
            if k == EntityKind::Misc && m.b - m.a >= 2 && toks[m.b - 1].kind == TokenKind::Number {
                known.entry(Cow::Owned(cx.key(m.a, m.b - 1))).or_insert((k, &n.surface, None));
            }
            match known.get_mut(n.key) {
                None => {
                    known.insert(Cow::Borrowed(n.key), (k, &n.surface, m.guess.country));
                }
                // A name once used for a person stays a person ("President Clinton").
                Some(o) => {
                    if k == EntityKind::Person && o.0 == EntityKind::Loc {
                        *o = (k, &n.surface, None);
                    }
                }
            }
        }
    }
    // Names read as people only by default ("Jonatan Vseviov": no known
    // given name) still lend their surname when no confident name does.
    for (m, n) in mentions.iter().zip(&names).filter(|(m, _)| m.b - m.a >= 2 && m.b - m.a <= 3 && !m.initial) {
        if m.guess.kind == Some(EntityKind::Person) && !m.guess.strong && !surnames.contains_key(n.last()) {
            surnames.insert(n.last(), &n.surface);
        }
    }
    // Family name first ("Xi Jinping" … "Xi", "Wang Yi" … "Wang") or a
    // first name used alone: a lone word that opens exactly one two-word
    // person name of the document, and ends none, takes it as canonical.
    // Only mentions the document reads as people are completed.
    let mut family_first: HashMap<&str, Option<&str>> = room(mentions.len());
    for (m, n) in mentions.iter().zip(&names).filter(|(m, _)| m.b - m.a == 2) {
        if m.guess.kind == Some(EntityKind::Person) {
            let first = n.first();
            if !LEX.word(first).has(Word::TITLE) && !surnames.contains_key(first) {
                let full = &*n.surface;
                family_first
                    .entry(first)
                    .and_modify(|f| {
                        if *f != Some(full) {
                            *f = None;
                        }
                    })
                    .or_insert(Some(full));
            }
        }
    }
    // A surname beats a same-named town ("Clinton", "Washington").
    known.retain(|k, v| !(v.0 == EntityKind::Loc && surnames.contains_key(&**k)));
    // Acronyms defined in the text: "International Monetary Fund (IMF)".
    let acronyms = acronyms::find(&cx, &mentions);
    for (acr, (kind, canon)) in &acronyms {
        known.insert(Cow::Owned(acr.to_lowercase()), (*kind, canon, None));
    }

    let cap_mid = capitalized_mid_sentence(&mentions, &names);

    // Pass 2: resolve weak and unknown mentions with document knowledge.
    // Each entry: span, type, canonical, country, place evidence, mention.
    let mut out = Vec::with_capacity(mentions.len());
    for (mi, (m, n)) in mentions.iter().zip(&names).enumerate() {
        let key = n.key;
        let surf = &*n.surface;
        let span = Span::new(toks[m.a].span.start, toks[m.b - 1].span.end);
        let g = &m.guess;
        let mut kind = g.kind;
        let mut canonical = None;
        let mut country = g.country;
        if let Some((k, c, cc)) = known.get(key) {
            if !g.strong || *k == EntityKind::Org && acronyms.contains_key(surf) || g.place && *k == EntityKind::Person
            {
                kind = Some(*k);
                country = *cc;
            }
            if Some(*k) == kind {
                canonical = Some(*c);
            }
        }
        if m.initial
            && !g.strong
            && m.b - m.a == 1
            && !known.contains_key(key)
            && !surnames.contains_key(key)
            && !cap_mid.contains(key)
            && !bracketed_acronym(&cx, m.a, surf)
            && !LEX.word(key).has(Word::GIVEN)
        {
            continue;
        }
        if (kind.is_none()
            || kind == Some(EntityKind::Person)
            || !g.strong
            || g.place && country.is_some_and(|_| m.b - m.a == 1))
            && m.b - m.a == 1
            && let Some(full) = surnames.get(key)
        {
            kind = Some(EntityKind::Person);
            canonical = Some(*full);
        } else if kind == Some(EntityKind::Person)
            && m.b - m.a >= 2
            && let Some(full) = surnames.get(n.last())
            && full.ends_with(surf)
        {
            canonical = Some(*full);
        }
        out.push((span, kind, canonical, country, g.place, mi));
    }
    // One sense per document: an unexplained name takes the type its
    // contexts point to most often ("fighting near Tavildara" types every
    // "Tavildara"), else a default.
    let own_cue: Vec<Option<EntityKind>> = out
        .iter()
        .map(|o| if o.1.is_none() { classify::context_cue(&cx, mentions[o.5].a, mentions[o.5].b) } else { None })
        .collect();
    let mut cues: HashMap<&str, [u32; 3]> = room(mentions.len());
    for (o, cue) in out.iter().zip(&own_cue) {
        if let Some(k) = *cue {
            let slot = match k {
                EntityKind::Person => 0,
                EntityKind::Loc => 1,
                _ => 2,
            };
            cues.entry(names[o.5].key).or_default()[slot] += 1;
        }
    }
    // A town name that speaks anywhere in the document is a person in all
    // its mentions ("Dole decided … Dole 's team").
    // Not when the document also puts someone in or at it ("in Moscow …
    // Moscow said" is the government speaking).
    let mut speakers: HashSet<&str> = out
        .iter()
        .filter(|o| classify::speaking_town(&cx, mentions[o.5].a, mentions[o.5].b))
        .map(|o| names[o.5].key)
        .collect();
    if !speakers.is_empty() {
        for o in &out {
            let a = mentions[o.5].a;
            if mentions[o.5].b - a == 1 && a > 0 && (classify::locative(cx.word(a - 1)) || cx.word(a - 1) == "of") {
                speakers.remove(names[o.5].key);
            }
        }
    }
    let mut typed: Vec<Typed> = out
        .into_iter()
        .zip(own_cue)
        .map(|((span, kind, canonical, mut country, place, mi), cue)| {
            let (a, b, n) = (mentions[mi].a, mentions[mi].b, &names[mi]);
            let kind = kind.or(cue).unwrap_or_else(|| match cues.get(n.key) {
                Some(v) => [EntityKind::Person, EntityKind::Loc, EntityKind::Org]
                    [(0..3).max_by_key(|&i| (v[i], std::cmp::Reverse(i))).unwrap_or(2)],
                None => classify::default_kind(a, b),
            });
            let mut kind = classify::sports_team(&cx, a, b, kind, country.is_some() || place);
            if kind == EntityKind::Loc && b - a == 1 && speakers.contains(n.key) {
                kind = EntityKind::Person;
            }
            if kind != EntityKind::Loc {
                country = None;
            }
            let mut canonical = canonical.filter(|c| *c != n.surface);
            if kind == EntityKind::Person && b - a == 1 && canonical.is_none() {
                if let Some(Some(full)) = family_first.get(n.key) {
                    canonical = Some(*full);
                } else if let Some(full) = LEX.people.get(n.key).filter(|f| !f.is_empty()) {
                    // A world figure the document names by surname only.
                    canonical = Some(*full);
                }
            }
            (span, kind, canonical, country, mi)
        })
        .collect();
    // "Doris Day" read as an event by its head word, while "Day said"
    // shows a person: a given name and a word the document uses alone for
    // a person is that person's full name, and the lone word refers to it.
    let lone_people: HashSet<&str> = typed
        .iter()
        .filter(|t| t.1 == EntityKind::Person && mentions[t.4].b - mentions[t.4].a == 1)
        .map(|t| names[t.4].key)
        .collect();
    let mut renamed: HashMap<&str, &str> = HashMap::default();
    for t in typed.iter_mut() {
        let (m, n) = (&mentions[t.4], &names[t.4]);
        if m.b - m.a == 2
            && matches!(t.1, EntityKind::Misc | EntityKind::Org)
            && LEX.word(n.first()).has(Word::GIVEN)
            && lone_people.contains(n.last())
        {
            t.1 = EntityKind::Person;
            renamed.entry(n.last()).or_insert_with(|| t.2.unwrap_or(&n.surface));
        }
    }
    let mut out: Vec<(Span, EntityKind, String, Option<&'static str>)> = typed
        .into_iter()
        .map(|(span, kind, canonical, country, mi)| {
            let (m, n) = (&mentions[mi], &names[mi]);
            let canonical = match (canonical, renamed.get(n.key)) {
                (Some(c), _) => c,
                (None, Some(full)) if kind == EntityKind::Person && m.b - m.a == 1 => full,
                (None, _) => &n.surface,
            };
            (span, kind, canonical.to_string(), country)
        })
        .collect();

    // Pass 3: shouting sentences, known names only.
    let mut i = 0;
    while i < toks.len() {
        let s = toks[i].sentence as usize;
        let end = toks[i..].iter().position(|t| t.sentence as usize != s).map_or(toks.len(), |p| i + p);
        if shouting[s] {
            chunk::shouting(&cx, i, end, &known, &surnames, &mut out);
        }
        i = end;
    }

    out.sort_by_key(|e| (e.0.start, std::cmp::Reverse(e.0.end)));
    let mut ents: Vec<Entity> = Vec::with_capacity(out.len());
    for (span, kind, mut canonical, cc) in out {
        if ents.last().is_some_and(|l| l.span.end > span.start) {
            continue;
        }
        // "U.S.", "US", "America": one country, one canonical (headlines too).
        if kind == EntityKind::Loc
            && let Some(name) = cc.and_then(|c| LEX.country_names.get(c))
            && lexicon::lower_with(doc.slice(span), |l| LEX.place(l).is_some_and(|p| p.kind == PlaceKind::Country))
        {
            canonical = (*name).to_string();
        }
        ents.push(Entity { span, kind, canonical, country: cc.filter(|c| !c.is_empty()).map(str::to_string) });
    }
    // "[Russian President Vladimir] Putin": an editor's bracket splits one
    // name in two; the part before it refers to the person after it.
    for i in 1..ents.len() {
        let (before, after) = ents.split_at_mut(i);
        let (a, b) = (&mut before[i - 1], &after[0]);
        if a.kind == EntityKind::Person
            && b.kind == EntityKind::Person
            && doc.text[a.span.end..b.span.start].trim_end() == "]"
        {
            a.canonical.clone_from(&b.canonical);
        }
    }
    ents
}

/// The keys of the one-word mentions opening a sentence (the only ones
/// pass 2 asks about) that a mention in mid-sentence also has: words the
/// document writes with a capital where the capital is evidence. Most
/// documents ask about few words or none, so only the mid-sentence
/// mentions with such a key are gathered, not every one.
fn capitalized_mid_sentence<'n>(mentions: &[Mention], names: &'n [Names]) -> HashSet<&'n str> {
    let asked: HashSet<&str> = mentions
        .iter()
        .zip(names)
        .filter(|(m, _)| m.initial && !m.guess.strong && m.b - m.a == 1)
        .map(|(_, n)| n.key)
        .collect();
    if asked.is_empty() {
        return asked;
    }
    mentions.iter().zip(names).filter(|(m, n)| !m.initial && asked.contains(n.key)).map(|(_, n)| n.key).collect()
}

/// The per-document facts read before chunking: the words written in lower
/// case (see [`Ctx::lower_seen`]); per sentence, the words of two letters or
/// more and the ALL-CAPS ones among them (see [`shouting_sentences`]); and
/// the lexicon flags of every capitalized word ([`Ctx::facts`]), which say
/// which lower-case words the chunker may ask about.
fn scan_words(doc: &Document) -> (LowerSeen<'_>, Vec<[u32; 2]>, Facts) {
    let mut facts = vec![Cell::new(None); doc.tokens.len()];
    let mut asked = Asked::default();
    let mut counts = vec![[0u32; 2]; doc.sentences.len()];
    for (t, f) in doc.tokens.iter().zip(&mut facts).filter(|(t, _)| t.kind == TokenKind::Word) {
        if t.shape.has(Shape::UPPER_FIRST) {
            let (word, hash) = lowered_facts(doc.slice(t.span));
            f.set(Some(word));
            if !word.has(Word::NEVER_NAME) {
                asked.add(hash);
            }
        }
        if t.shape.has(Shape::TWO_LETTERS) {
            let c = &mut counts[t.sentence as usize];
            c[0] += 1;
            c[1] += u32::from(t.shape.all_caps());
        }
    }
    // Sized for the usual share of distinct lower-case words that may be
    // asked about, so the set rarely grows while it is filled.
    let mut likely = WordSet::with_capacity(doc.tokens.len() / 8);
    for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word && t.shape.has(Shape::LOWER_FIRST)) {
        if asked.may_hold(hash_at(doc.text.as_bytes(), t.span)) {
            likely.insert_span(doc, t.span);
        }
    }
    (LowerSeen { doc, asked, likely, all: OnceCell::new() }, counts, facts)
}

/// The words a document writes in lower case, as [`Ctx::seen_lower`] asks
/// about them: nearly always about a capitalized word of the document that
/// may be a name (one the lexicons do not call a word that never is). Only
/// the lower-case words that such a word, lower-cased, may equal are
/// gathered up front: a filter of those words' hashes ([`Asked`]) lets the
/// rest (function words and most others) go without a set insertion. A
/// question outside the filter gathers every lower-case word, once.
struct LowerSeen<'d> {
    doc: &'d Document,
    asked: Asked,
    /// The lower-case words whose hashes [`LowerSeen::asked`] holds.
    likely: WordSet<'d>,
    /// Every lower-case word, gathered on the first question outside
    /// [`LowerSeen::asked`].
    all: OnceCell<WordSet<'d>>,
}

impl LowerSeen<'_> {
    /// True when `w` lower-cased is written in lower case in the document.
    /// A word the filter may hold is asked of the words it let in: a
    /// lower-case word equal to it has the same hash, so it was let in.
    fn holds_lowered(&self, w: &str) -> bool {
        let set = |h: u64| if self.asked.may_hold(h) { &self.likely } else { self.all() };
        match lexicon::pack_lower(w.as_bytes()) {
            Some(k) => set(hash_packed(k)).short.contains(&k),
            None => lexicon::lower_with(w, |l| set(hash_of(l.as_bytes())).contains(l)),
        }
    }

    fn all(&self) -> &WordSet<'_> {
        self.all.get_or_init(|| {
            let mut all = WordSet::with_capacity(self.doc.tokens.len() / 2);
            for t in self.doc.tokens.iter().filter(|t| t.kind == TokenKind::Word && t.shape.has(Shape::LOWER_FIRST)) {
                all.insert_span(self.doc, t.span);
            }
            all
        })
    }
}

/// A filter of word hashes (one bit of 4,096 per hash): it may hold a hash
/// it was not given, never misses one it was.
#[derive(Debug)]
struct Asked([u64; 64]);

impl Default for Asked {
    fn default() -> Self {
        Asked([0; 64])
    }
}

impl Asked {
    fn add(&mut self, h: u64) {
        self.0[(h >> 58) as usize] |= 1 << ((h >> 52) & 63);
    }

    fn may_hold(&self, h: u64) -> bool {
        self.0[(h >> 58) as usize] & 1 << ((h >> 52) & 63) != 0
    }
}

/// The hash for [`Asked`] of a word of `len` bytes whose first eight bytes
/// (zero-padded) are `first8`, little-endian. Only the length and the first
/// bytes are read: enough to tell nearly all words apart, and cheap to take
/// from every lower-case word of a document, most of which the filter lets
/// go on it.
fn hash_prefix(first8: u64, len: usize) -> u64 {
    (first8 ^ (len as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The hash for [`Asked`] of the word with bytes `b`.
fn hash_of(b: &[u8]) -> u64 {
    let first8 = crate::document::ascii::load_le(&b[..b.len().min(8)]).expect("at most eight bytes");
    hash_prefix(first8 as u64, b.len())
}

/// [`hash_of`] a [`pack`]ed word: its low eight bytes are the word's first
/// ones, zero-padded, and its top byte is its length.
fn hash_packed(k: u128) -> u64 {
    hash_prefix(k as u64, (k >> 120) as usize)
}

/// [`hash_of`] the text of `span` in `text`, read with one eight-byte load
/// (the bytes past a shorter word masked off) where the text runs on that
/// far, as it does after nearly every word.
fn hash_at(text: &[u8], span: Span) -> u64 {
    let len = span.end - span.start;
    match crate::document::ascii::word_at(text, span.start) {
        Some(x) if len >= 8 => hash_prefix(x, len),
        Some(x) => hash_prefix(x & ((1 << (8 * len)) - 1), len),
        None => hash_of(&text[span.start..span.end]),
    }
}

/// The one-word lexicon flags of capitalized `w` lower-cased, and the hash
/// for [`Asked`] of `w` lower-cased: an ASCII word of up to fifteen bytes
/// (nearly every one) is lower-cased once, within its packed key, for both.
fn lowered_facts(w: &str) -> (Word, u64) {
    match lexicon::pack_lower(w.as_bytes()) {
        Some(k) => (LEX.word_packed(k), hash_packed(k)),
        None => lexicon::lower_with(w, |l| (LEX.word(l), hash_of(l.as_bytes()))),
    }
}

/// Marks sentences whose capitals carry no information: mostly ALL-CAPS
/// words, or a headline in Title Case (function words capitalized too).
/// `counts` holds each sentence's words and ALL-CAPS words ([`scan_words`]).
fn shouting_sentences(cx: &Ctx, counts: &[[u32; 2]]) -> Vec<bool> {
    let doc = cx.doc;
    let mut out = vec![false; doc.sentences.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        let [w, caps] = counts[si];
        if w > 0 && caps * 10 >= w * 6 {
            out[si] = true;
            continue;
        }
        let para = doc.paragraph_at(s.start).map(|p| &doc.paragraphs[p]);
        let title = para.is_some_and(|p| p.kind == ParagraphKind::Title);
        // An untagged headline: a line of its own, no closing punctuation,
        // every content word capitalized ("Zelenskyy to Address British
        // Cabinet in Historic Appeal for Support").
        let own_line = para.is_some_and(|p| p.span.start == s.start && p.span.end <= s.end)
            && !doc.text[s.start..s.end].trim_end().ends_with(['.', '!', '?', '"', '”', ':', ',']);
        if !(title || own_line) {
            continue;
        }
        // Only titles and lines of their own (few) need their function
        // words told apart.
        let [stop, stop_up, content, content_up] = function_words(doc, si);
        out[si] = (title && stop >= 1 && stop_up * 2 > stop)
            || own_line
                && content >= 3
                && content_up == content
                && doc.text[s.start..s.end].split_whitespace().count() <= 20;
    }
    out
}

/// Function words, capitalized function words, other words and capitalized
/// other words (of two letters or more) in sentence `si`.
fn function_words(doc: &Document, si: usize) -> [u32; 4] {
    let toks = &doc.tokens;
    let start = toks.partition_point(|t| (t.sentence as usize) < si);
    let mut c = [0u32; 4];
    for t in toks[start..].iter().take_while(|t| t.sentence as usize == si).filter(|t| t.kind == TokenKind::Word) {
        let w = doc.slice(t.span);
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let k = if w.len() <= 4 && lexicon::lower_with(w, |l| LEX.stop.contains(l)) { 0 } else { 2 };
        c[k] += 1;
        c[k + 1] += u32::from(starts_upper(w));
    }
    c
}

/// An acronym in brackets after a word (token `a`, written `surf`) names
/// something even though the bracket makes it look sentence-initial ("… the
/// United Kingdom (AUKUS)"); a bracketed label opening a line does not, nor
/// an acronym the common words before it spell.
fn bracketed_acronym(cx: &Ctx, a: usize, surf: &str) -> bool {
    let toks = &cx.doc.tokens;
    a >= 2
        && a + 1 < toks.len()
        && all_caps(surf)
        && surf.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && cx.word(a - 1) == "("
        && cx.word(a + 1) == ")"
        && toks[a - 2].kind == TokenKind::Word
        && !cx.doc.text[toks[a - 2].span.end..toks[a - 1].span.start].contains('\n')
        && !common_noun_expansion(cx, a - 1, surf)
}

/// True when the lower-case words before the bracket at `open` spell the
/// acronym `acr`: "gross domestic product (GDP)" names no one.
fn common_noun_expansion(cx: &Ctx, open: usize, acr: &str) -> bool {
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    let mut want = letters.iter().rev();
    let mut next = want.next();
    let mut j = open;
    while let Some(&c) = next {
        if j == 0 || open - j > letters.len() + 4 {
            return false;
        }
        j -= 1;
        let w = cx.word(j);
        if !w.starts_with(|ch: char| ch.is_lowercase()) {
            return false;
        }
        if w.starts_with(c) {
            next = want.next();
        } else if !matches!(w, "of" | "and" | "for" | "the" | "on" | "in" | "to") {
            return false;
        }
    }
    true
}

/// A set of words, nearly all of them short. A word of up to fifteen bytes
/// is kept [`pack`]ed with its length in one integer, so adding it (done for
/// every lower-case word of every document) hashes and compares one integer
/// instead of hashing bytes and comparing them with a call to `memcmp`.
#[derive(Debug, Default)]
struct WordSet<'d> {
    short: HashSet<u128>,
    long: HashSet<&'d str>,
}

impl<'d> WordSet<'d> {
    fn with_capacity(n: usize) -> Self {
        WordSet { short: HashSet::with_capacity_and_hasher(n, Default::default()), long: HashSet::default() }
    }

    /// Adds `w` (the extractor adds words by span, see
    /// [`WordSet::insert_span`]).
    #[cfg(test)]
    fn insert(&mut self, w: &'d str) {
        match pack(w.as_bytes()) {
            Some(k) => self.short.insert(k),
            None => self.long.insert(w),
        };
    }

    /// [`WordSet::insert`] of the text of `span` in `doc`. A short word is
    /// packed from the bytes under the span, which need no check that the
    /// span falls on character boundaries; only a long word's text is
    /// sliced as a `str`.
    fn insert_span(&mut self, doc: &'d Document, span: Span) {
        match pack(&doc.text.as_bytes()[span.start..span.end]) {
            Some(k) => self.short.insert(k),
            None => self.long.insert(doc.slice(span)),
        };
    }

    fn contains(&self, w: &str) -> bool {
        match pack(w.as_bytes()) {
            Some(k) => self.short.contains(&k),
            None => self.long.contains(w),
        }
    }
}

mod acronyms {
    //! Acronyms introduced right after their expansion.
    use super::{Ctx, EntityKind, Mention};
    use rustc_hash::FxHashMap as HashMap;

    /// Maps each acronym written as "Expansion (ACR)" to the expansion's
    /// type and text.
    pub(super) fn find(cx: &Ctx, mentions: &[Mention]) -> HashMap<String, (EntityKind, String)> {
        let mut out = HashMap::default();
        let toks = &cx.doc.tokens;
        for m in mentions {
            if m.b - m.a < 2 || m.b + 2 >= toks.len() {
                continue;
            }
            if cx.word(m.b) != "(" || cx.word(m.b + 2) != ")" {
                continue;
            }
            let acr = cx.word(m.b + 1);
            if !super::all_caps(acr) {
                continue;
            }
            let initials: String = (m.a..m.b)
                .map(|i| cx.word(i))
                .filter(|w| super::starts_upper(w))
                .filter_map(|w| w.chars().next())
                .collect();
            let letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
            if initials.eq_ignore_ascii_case(&letters) || initials.starts_with(&letters) && letters.len() >= 2 {
                let kind = m.guess.kind.unwrap_or(EntityKind::Org);
                out.insert(acr.to_string(), (kind, cx.surface(m.a, m.b)));
            }
        }
        out
    }
}

mod chunk;

#[cfg(test)]
mod tests;
