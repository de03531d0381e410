//! Typing a chunk of capitalized tokens from lexicon evidence.

use super::lexicon::{LEX, PlaceKind, Word, lower_in};
use super::{Ctx, EntityKind, all_caps, starts_upper};
use crate::document::TokenKind;

/// A type guess for a token range.
#[derive(Debug, Clone, Default)]
pub(super) struct Guess {
    /// The type, when any evidence points to one.
    pub kind: Option<EntityKind>,
    /// True when the evidence is lexical or structural (not a default).
    pub strong: bool,
    /// Country of a place.
    pub country: Option<&'static str>,
    /// True when the name is in the gazetteer (even if retyped).
    pub place: bool,
}

impl Guess {
    fn new(kind: EntityKind, strong: bool) -> Guess {
        Guess { kind: Some(kind), strong, country: None, place: false }
    }
}

/// Words after which "of" continues a name ("Bank of England", "Gulf of
/// Mexico", "Republic of Ireland").
pub(super) fn of_head(lower: &str) -> bool {
    LEX.word(lower).has(Word::ORG_HEAD | Word::MISC_HEAD)
        || matches!(
            lower,
            "republic"
                | "kingdom"
                | "gulf"
                | "sea"
                | "bay"
                | "strait"
                | "straits"
                | "isle"
                | "islands"
                | "state"
                | "states"
                | "cape"
                | "lake"
                | "mount"
                | "duke"
                | "duchess"
                | "house"
                | "chamber"
                | "province"
                | "port"
                | "people's"
                | "sultan"
                | "emir"
                | "prince"
                | "king"
                | "queen"
                | "city"
                | "battle"
                | "siege"
                | "museum"
                | "palace"
                | "cathedral"
                | "bishop"
        )
}

/// Types tokens `[a, b)` of a chunk (titles already removed).
pub(super) fn classify(cx: &Ctx, a: usize, b: usize, titled: bool) -> Guess {
    // A lone token's lexicon flags are known already ([`Ctx::facts`]): its
    // key is built only for a lexicon that holds it.
    if b - a == 1 {
        return by_key(cx, a, b, titled, None);
    }
    cx.with_key(a, b, |key| by_key(cx, a, b, titled, Some(key)))
}

/// [`classify`], given the chunk's [`Ctx::key`] (or, for one token, not
/// yet: see [`read_key`]).
fn by_key(cx: &Ctx, a: usize, b: usize, titled: bool, key: Option<&str>) -> Guess {
    let n = b - a;
    // Which name lexicons hold the whole key, in one look-up (a lone
    // token's is known already): most chunks are in none, and then none is
    // asked. A token lower-cased alone and within a key differ at most in a
    // final sigma, which no lexicon holds.
    let whole = key.map_or_else(|| cx.facts(a), |k| LEX.word(k));
    // "Obama" is also a town in Japan.
    if n == 1 && whole.has(Word::SURNAME) {
        return Guess::new(EntityKind::Person, true);
    }
    if whole.has(Word::PLACE)
        && let Some(p) = read_key(cx, a, b, key, |k| LEX.place(k))
        && !(n == 1 && whole.has(Word::DENY))
    {
        // "Mr. Burton", "Senator Warren": a title before a town's name makes
        // it a surname (regions, countries and continents stay places).
        let kind = if titled && matches!(p.kind, PlaceKind::City) { EntityKind::Person } else { EntityKind::Loc };
        if kind == EntityKind::Loc {
            return Guess { kind: Some(kind), strong: true, country: Some(p.country), place: true };
        }
    }
    if whole.has(Word::MISC_NAME) {
        return Guess::new(EntityKind::Misc, true);
    }
    if n >= 2 && whole.has(Word::ORG_NAME) {
        return Guess::new(EntityKind::Org, true);
    }
    if whole.has(Word::DEMONYM)
        && let Some(cc) = read_key(cx, a, b, key, |k| LEX.demonyms.get(k).copied())
    {
        return Guess { kind: Some(EntityKind::Norp), strong: true, country: Some(cc), place: false };
    }
    let (first_facts, last_facts) = (cx.facts(a), cx.facts(b - 1));
    if n >= 2 {
        // The first word lower-cased: several tests below read it. A lone
        // word needs it only when it is a given name (below).
        let (mut first_buf, mut first_spill) = ([0u8; 48], String::new());
        let first = lower_in(cx.word(a), &mut first_buf, &mut first_spill);
        if last_facts.has(Word::ORG_HEAD) && !titled {
            return Guess::new(EntityKind::Org, true);
        }
        if last_facts.has(Word::MISC_HEAD) && !titled {
            return Guess::new(EntityKind::Misc, true);
        }
        // "Bank of England", "Treaty of Versailles", "Gulf of Mexico".
        if let Some(of) = (a + 1..b).find(|&i| cx.word(i) == "of") {
            for h in [cx.facts(of - 1), first_facts] {
                if h.has(Word::ORG_HEAD) {
                    return Guess::new(EntityKind::Org, true);
                }
                if h.has(Word::MISC_HEAD) {
                    return Guess::new(EntityKind::Misc, true);
                }
            }
            return Guess { kind: Some(EntityKind::Loc), strong: true, country: None, place: true };
        }
        if last_facts.has(Word::LOC_HEAD) && !titled {
            return if cx.sporty { Guess::new(EntityKind::Org, false) } else { Guess::new(EntityKind::Loc, true) };
        }
        if first == "operation" || first == "project" {
            return Guess::new(EntityKind::Misc, true);
        }
        if first == "university" || first == "bank" {
            return Guess::new(EntityKind::Org, true);
        }
        // A given name, or an initial, then more capitalized words.
        let w0 = cx.word(a);
        let initial = (w0.ends_with('.') || cx.word(a + 1) == ".")
            && w0.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && !matches!(w0, "St" | "Mt" | "Ft");
        let rest_plain = (a + 1..b).all(|i| {
            let w = cx.word(i);
            starts_upper(w) && !cx.facts(i).has(Word::ORG_HEAD)
                || matches!(w, "bin" | "de" | "van" | "von" | "al" | "der" | "den" | "." | "du" | "da")
        });
        // "Sayyid Ali Hosseini Khamenei": a name ending in a world figure's
        // surname is a person whatever its first word.
        let known_surname = n <= 5 && last_facts.has(Word::SURNAME);
        if (first_facts.has(Word::GIVEN) || initial || titled || known_surname) && rest_plain {
            return Guess::new(EntityKind::Person, true);
        }
        // Demonym + name: "British Airways" falls through to ORG default,
        // "American Express" too.
        if first_facts.has(Word::DEMONYM) {
            return Guess::new(EntityKind::Org, false);
        }
        if matches!(first, "st" | "st.") {
            return Guess::new(if cx.sporty { EntityKind::Org } else { EntityKind::Loc }, false);
        }
        let has_place = (a..b).any(|i| cx.facts(i).has(Word::PLACE));
        // "Member States": a first word the document also writes in lower
        // case, or news in general does, is an ordinary word, not a given name.
        let ordinary_first = || cx.seen_lower(a) || first_facts.has(Word::COMMON);
        if rest_plain
            && n <= 3
            && !ordinary_first()
            && !(cx.sporty && paired_score(cx, a, b))
            && !has_place
            && (a..b).all(|i| !all_caps(cx.word(i)))
        {
            return Guess::new(EntityKind::Person, false);
        }
        return Guess::new(EntityKind::Org, false);
    }
    // One token.
    let w = cx.word(a);
    if titled {
        return Guess::new(EntityKind::Person, true);
    }
    if first_facts.has(Word::GIVEN) && !cx.seen_lower(a) {
        // A lone given name is most likely a person referred to informally.
        return Guess::new(EntityKind::Person, false);
    }
    if first_facts.has(Word::ORG_NAME) {
        return Guess::new(EntityKind::Org, true);
    }
    if all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() <= 6 {
        return Guess::new(EntityKind::Org, false);
    }
    Guess::default()
}

/// Calls `f` with the [`Ctx::key`] of tokens `[a, b)`: `key`, or one built
/// now.
fn read_key<R>(cx: &Ctx, a: usize, b: usize, key: Option<&str>, f: impl FnOnce(&str) -> R) -> R {
    match key {
        Some(k) => f(k),
        None => cx.with_key(a, b, f),
    }
}

/// Type for a mention nothing in the document or lexicons explains, read
/// from its neighbours; `None` when they say nothing either.
pub(super) fn context_cue(cx: &Ctx, a: usize, b: usize) -> Option<EntityKind> {
    let toks = &cx.doc.tokens;
    let next = (b < toks.len()).then(|| cx.word(b));
    if let Some(n) = next
        && matches!(
            n,
            "said"
                | "says"
                | "told"
                | "added"
                | "who"
                | "has"
                | "had"
                | "was"
                | "warned"
                | "noted"
                | "stressed"
                | "explained"
                | "insisted"
                | "argued"
                | "wrote"
                | "tweeted"
                | "declared"
                | "emphasized"
                | "emphasised"
                | "asked"
                | "replied"
        )
    {
        return Some(EntityKind::Person);
    }
    if cx.sporty && paired_score(cx, a, b) {
        return Some(EntityKind::Org);
    }
    // Bowling or match figures ("Gough 4-38") belong to players.
    if cx.sporty && b < toks.len() && toks[b].kind == TokenKind::Number && cx.word(b).contains('-') {
        return Some(EntityKind::Person);
    }
    let prev = (a > 0).then(|| cx.word(a - 1));
    if prev.is_some_and(locative) {
        return Some(EntityKind::Loc);
    }
    // "the Lugansk region", "the Asia-Pacific region".
    if b < toks.len()
        && matches!(cx.word(b), "region" | "province" | "oblast" | "district" | "peninsula" | "valley" | "river")
    {
        return Some(EntityKind::Loc);
    }
    // "the village of Mahala", "east of Tavildara".
    if prev == Some("of")
        && a >= 2
        && matches!(
            cx.word(a - 2),
            "town"
                | "village"
                | "city"
                | "province"
                | "region"
                | "district"
                | "capital"
                | "port"
                | "island"
                | "outskirts"
                | "suburb"
                | "east"
                | "west"
                | "north"
                | "south"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
        )
    {
        return Some(EntityKind::Loc);
    }
    // "Agassi ( U.S. )": a sportsman with his country.
    if b + 2 < toks.len() && cx.word(b) == "(" && cx.with_key(b + 1, b + 2, |k| LEX.word(k).has(Word::PLACE)) {
        return Some(EntityKind::Person);
    }
    None
}

/// A preposition that puts the next name on the map ("in", "near").
pub(super) fn locative(w: &str) -> bool {
    matches!(w, "in" | "at" | "near" | "from" | "to")
}

/// Type for a name no lexicon, document knowledge or context explains.
pub(super) fn default_kind(a: usize, b: usize) -> EntityKind {
    if b - a == 1 { EntityKind::Org } else { EntityKind::Person }
}

/// A town that speaks or decides is a person: "Clinton said", "Dole
/// decided" (small towns share their names with politicians); a capital
/// that speaks is its government ("Moscow said").
pub(super) fn speaking_town(cx: &Ctx, a: usize, b: usize) -> bool {
    let verb = b - a == 1
        && b < cx.doc.tokens.len()
        && matches!(
            cx.word(b),
            "said"
                | "says"
                | "told"
                | "added"
                | "urged"
                | "signed"
                | "vetoed"
                | "decided"
                | "claims"
                | "claimed"
                | "promised"
                | "vowed"
                | "insisted"
                | "argued"
                | "denied"
                | "wants"
                | "wanted"
        );
    verb && cx
        .with_key(a, b, |key| LEX.place(key).is_some_and(|p| p.kind == PlaceKind::City) && !LEX.capitals.contains(key))
}

/// A place that plays a match is a team (ORG): "Essex 372", "beat Kent",
/// "Barcelona v Real Madrid".
pub(super) fn sports_team(cx: &Ctx, a: usize, b: usize, kind: EntityKind, place: bool) -> EntityKind {
    let toks = &cx.doc.tokens;
    if !(kind == EntityKind::Loc && place || kind == EntityKind::Person && cx.sporty && b - a == 1) {
        return kind;
    }
    if kind == EntityKind::Loc
        && b < toks.len()
        && toks[b].kind == TokenKind::Number
        && toks[b].sentence == toks[b - 1].sentence
    {
        let n = cx.word(b);
        let year = n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
        if !year && !n.contains('-') && !n.contains('/') {
            return EntityKind::Org;
        }
    }
    let prev = (a > 0).then(|| cx.word(a - 1));
    let next = (b < toks.len()).then(|| cx.word(b));
    if prev.is_some_and(|p| matches!(p, "beat" | "v" | "vs" | "vs." | "beating" | "drew" | "against")) && cx.sporty {
        return EntityKind::Org;
    }
    if next.is_some_and(|n| matches!(n, "beat" | "v" | "vs" | "vs." | "drew" | "lost" | "won")) && cx.sporty {
        return EntityKind::Org;
    }
    kind
}

/// A results line: "Leeds 2 Chelsea 0" — the name is followed by a score
/// and another name, or preceded by one.
fn paired_score(cx: &Ctx, a: usize, b: usize) -> bool {
    let toks = &cx.doc.tokens;
    let num = |i: usize| toks[i].kind == TokenKind::Number && !cx.word(i).contains('-');
    let after = b + 1 < toks.len() && num(b) && toks[b + 1].kind == TokenKind::Word && starts_upper(cx.word(b + 1));
    let before = a >= 2 && num(a - 1) && toks[a - 2].kind == TokenKind::Word && starts_upper(cx.word(a - 2));
    after || before
}

/// Sports copy: score-like tokens ("2-1", "6-4") are frequent.
pub(super) fn is_sporty(doc: &crate::document::Document) -> bool {
    let scores = doc
        .tokens
        .iter()
        .take(3000)
        .filter(|t| t.kind == TokenKind::Number && t.span.end - t.span.start <= 5)
        .filter(|t| {
            let w = doc.slice(t.span);
            w.split_once('-').is_some_and(|(x, y)| !x.is_empty() && !y.is_empty() && y.len() <= 2)
        })
        .count();
    scores >= 2
}
