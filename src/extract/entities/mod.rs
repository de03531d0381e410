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

use crate::document::{Document, ParagraphKind, Span, TokenKind};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

pub use names::NameIndex;

use classify::Guess;
use lexicon::{LEX, PlaceKind};

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

/// Per-document view of the tokens that the passes share.
struct Ctx<'d> {
    doc: &'d Document,
    /// Lower-cased words that occur in lower case somewhere in the document.
    lower_seen: HashSet<&'d str>,
    /// Sports copy (score-like numbers): places that play are teams.
    sporty: bool,
}

impl<'d> Ctx<'d> {
    fn word(&self, i: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[i].span)
    }
    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }
    /// Lower-cased text of tokens `[a, b)`, with a single space where the
    /// text has any ("St. Petersburg" → "st. petersburg").
    fn key(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        let toks = &self.doc.tokens;
        for i in a..b {
            if i > a && toks[i - 1].span.end != toks[i].span.start {
                s.push(' ');
            }
            for c in self.word(i).chars() {
                s.extend(c.to_lowercase());
            }
        }
        s
    }
    /// Text of tokens `[a, b)` with whitespace collapsed.
    fn surface(&self, a: usize, b: usize) -> String {
        let t = &self.doc.tokens;
        let raw = &self.doc.text[t[a].span.start..t[b - 1].span.end];
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

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
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

/// A typed mention before overlaps are removed: span, type, canonical,
/// country, and its token range.
type Typed = (Span, EntityKind, String, Option<&'static str>, usize, usize);

/// Finds entity mentions in a document.
pub fn extract(doc: &Document) -> Vec<Entity> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut lower_seen = HashSet::new();
    for t in &doc.tokens {
        let w = doc.slice(t.span);
        if t.kind == TokenKind::Word && starts_lower(w) {
            lower_seen.insert(w);
        }
    }
    let cx = Ctx { doc, lower_seen, sporty: classify::is_sporty(doc) };
    let shouting = shouting_sentences(&cx);

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

    // Document knowledge from confident mentions.
    let mut known: HashMap<String, (EntityKind, String, Option<&'static str>)> = HashMap::new();
    let mut surnames: HashMap<String, String> = HashMap::new();
    for m in &mentions {
        if let Some(k) = m.guess.kind.filter(|_| m.guess.strong) {
            let key = cx.key(m.a, m.b);
            let surf = cx.surface(m.a, m.b);
            if k == EntityKind::Person && m.b - m.a >= 2 {
                // Longest full name wins for a surname.
                let last = cx.key(m.b - 1, m.b);
                let e = surnames.entry(last).or_default();
                if surf.len() > e.len() {
                    *e = surf.clone();
                }
            }
            // "Eagle Assault 2024" is also "Eagle Assault" later on.
            if k == EntityKind::Misc && m.b - m.a >= 2 && toks[m.b - 1].kind == TokenKind::Number {
                known.entry(cx.key(m.a, m.b - 1)).or_insert((k, cx.surface(m.a, m.b), None));
            }
            match known.entry(key) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((k, surf, m.guess.country));
                }
                // A name once used for a person stays a person ("President Clinton").
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    if k == EntityKind::Person && o.get().0 == EntityKind::Loc {
                        o.insert((k, surf, None));
                    }
                }
            }
        }
    }
    // Names read as people only by default ("Jonatan Vseviov": no known
    // given name) still lend their surname when no confident name does.
    for m in mentions.iter().filter(|m| m.b - m.a >= 2 && m.b - m.a <= 3 && !m.initial) {
        if m.guess.kind == Some(EntityKind::Person) && !m.guess.strong {
            surnames.entry(cx.key(m.b - 1, m.b)).or_insert_with(|| cx.surface(m.a, m.b));
        }
    }
    // Family name first ("Xi Jinping" … "Xi", "Wang Yi" … "Wang") or a
    // first name used alone: a lone word that opens exactly one two-word
    // person name of the document, and ends none, takes it as canonical.
    // Only mentions the document reads as people are completed.
    let mut family_first: HashMap<String, Option<String>> = HashMap::new();
    for m in mentions.iter().filter(|m| m.b - m.a == 2) {
        if m.guess.kind == Some(EntityKind::Person) {
            let first = cx.key(m.a, m.a + 1);
            if !LEX.titles.contains(&first) && !surnames.contains_key(&first) {
                let full = cx.surface(m.a, m.b);
                family_first
                    .entry(first)
                    .and_modify(|f| {
                        if f.as_deref() != Some(full.as_str()) {
                            *f = None;
                        }
                    })
                    .or_insert(Some(full));
            }
        }
    }
    // A surname beats a same-named town ("Clinton", "Washington").
    known.retain(|k, v| !(v.0 == EntityKind::Loc && surnames.contains_key(k)));
    // Acronyms defined in the text: "International Monetary Fund (IMF)".
    let acronyms = acronyms::find(&cx, &mentions);
    for (acr, (kind, canon)) in &acronyms {
        known.insert(acr.to_lowercase(), (*kind, canon.clone(), None));
    }

    // Words written with a capital in mid-sentence somewhere in the document.
    let mut cap_mid: HashSet<String> = HashSet::new();
    for m in mentions.iter().filter(|m| !m.initial) {
        cap_mid.insert(cx.key(m.a, m.b));
    }

    // Pass 2: resolve weak and unknown mentions with document knowledge.
    let mut out = Vec::with_capacity(mentions.len());
    for m in &mentions {
        let key = cx.key(m.a, m.b);
        let surf = cx.surface(m.a, m.b);
        let span = Span::new(toks[m.a].span.start, toks[m.b - 1].span.end);
        let g = &m.guess;
        let mut kind = g.kind;
        let mut canonical = surf.clone();
        let mut country = g.country;
        if let Some((k, c, cc)) = known.get(&key) {
            if !g.strong || *k == EntityKind::Org && acronyms.contains_key(&surf) || g.place && *k == EntityKind::Person
            {
                kind = Some(*k);
                country = *cc;
            }
            if Some(*k) == kind {
                canonical = c.clone();
            }
        }
        if m.initial
            && !g.strong
            && !known.contains_key(&key)
            && !surnames.contains_key(&key)
            && !cap_mid.contains(&key)
            && !LEX.given.contains(&key)
            && m.b - m.a == 1
        {
            continue;
        }
        if (kind.is_none()
            || kind == Some(EntityKind::Person)
            || !g.strong
            || g.place && country.is_some_and(|_| m.b - m.a == 1))
            && let Some(full) = surnames.get(&key)
            && m.b - m.a == 1
        {
            kind = Some(EntityKind::Person);
            canonical = full.clone();
        } else if kind == Some(EntityKind::Person)
            && m.b - m.a >= 2
            && let Some(full) = surnames.get(&cx.key(m.b - 1, m.b))
            && full.ends_with(&surf)
        {
            canonical = full.clone();
        }
        out.push((span, kind, canonical, country, m.a, m.b, g.place));
    }
    // One sense per document: an unexplained name takes the type its
    // contexts point to most often ("fighting near Tavildara" types every
    // "Tavildara"), else a default.
    let own_cue: Vec<Option<EntityKind>> =
        out.iter().map(|o| if o.1.is_none() { classify::context_cue(&cx, o.4, o.5) } else { None }).collect();
    let mut cues: HashMap<String, [u32; 3]> = HashMap::new();
    for (o, cue) in out.iter().zip(&own_cue) {
        if let Some(k) = *cue {
            let slot = match k {
                EntityKind::Person => 0,
                EntityKind::Loc => 1,
                _ => 2,
            };
            cues.entry(cx.key(o.4, o.5)).or_default()[slot] += 1;
        }
    }
    // A town name that speaks anywhere in the document is a person in all
    // its mentions ("Dole decided … Dole 's team").
    // Not when the document also puts someone in or at it ("in Moscow …
    // Moscow said" is the government speaking).
    let mut speakers: HashSet<String> =
        out.iter().filter(|o| classify::speaking_town(&cx, o.4, o.5)).map(|o| cx.key(o.4, o.5)).collect();
    if !speakers.is_empty() {
        for o in &out {
            if o.5 - o.4 == 1 && o.4 > 0 && (classify::locative(cx.word(o.4 - 1)) || cx.word(o.4 - 1) == "of") {
                speakers.remove(&cx.key(o.4, o.5));
            }
        }
    }
    let typed: Vec<Typed> = out
        .into_iter()
        .zip(own_cue)
        .map(|((span, kind, mut canonical, mut country, a, b, place), cue)| {
            let kind = kind.or(cue).unwrap_or_else(|| match cues.get(&cx.key(a, b)) {
                Some(v) => [EntityKind::Person, EntityKind::Loc, EntityKind::Org]
                    [(0..3).max_by_key(|&i| (v[i], std::cmp::Reverse(i))).unwrap_or(2)],
                None => classify::default_kind(a, b),
            });
            let mut kind = classify::sports_team(&cx, a, b, kind, country.is_some() || place);
            if kind == EntityKind::Loc && b - a == 1 && speakers.contains(&cx.key(a, b)) {
                kind = EntityKind::Person;
            }
            if kind != EntityKind::Loc {
                country = None;
            }
            if kind == EntityKind::Person && b - a == 1 && canonical == cx.surface(a, b) {
                let key = cx.key(a, b);
                if let Some(Some(full)) = family_first.get(&key) {
                    canonical = full.clone();
                } else if let Some(full) = LEX.people.get(&key).filter(|f| !f.is_empty()) {
                    // A world figure the document names by surname only.
                    canonical = (*full).to_string();
                }
            }
            (span, kind, canonical, country, a, b)
        })
        .collect();
    // "Doris Day" read as an event by its head word, while "Day said"
    // shows a person: a given name and a word the document uses alone for
    // a person is that person's full name, and the lone word refers to it.
    let lone_people: HashSet<String> =
        typed.iter().filter(|t| t.1 == EntityKind::Person && t.5 - t.4 == 1).map(|t| cx.key(t.4, t.5)).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut typed = typed;
    for t in typed.iter_mut() {
        let (a, b) = (t.4, t.5);
        if b - a == 2
            && matches!(t.1, EntityKind::Misc | EntityKind::Org)
            && LEX.given.contains(&cx.key(a, a + 1))
            && lone_people.contains(&cx.key(b - 1, b))
        {
            t.1 = EntityKind::Person;
            renamed.entry(cx.key(b - 1, b)).or_insert_with(|| t.2.clone());
        }
    }
    let mut out: Vec<(Span, EntityKind, String, Option<&'static str>)> = typed
        .into_iter()
        .map(|(span, kind, canonical, country, a, b)| {
            let canonical = match renamed.get(&cx.key(a, b)) {
                Some(full) if kind == EntityKind::Person && b - a == 1 && canonical == cx.surface(a, b) => full.clone(),
                _ => canonical,
            };
            (span, kind, canonical, country)
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
            && lexicon::lower_with(doc.slice(span), |l| LEX.places.get(l).is_some_and(|p| p.kind == PlaceKind::Country))
        {
            canonical = (*name).to_string();
        }
        ents.push(Entity { span, kind, canonical, country: cc.filter(|c| !c.is_empty()).map(str::to_string) });
    }
    ents
}

/// Marks sentences whose capitals carry no information: mostly ALL-CAPS
/// words, or a headline in Title Case (function words capitalized too).
fn shouting_sentences(cx: &Ctx) -> Vec<bool> {
    let doc = cx.doc;
    let mut out = vec![false; doc.sentences.len()];
    // words, caps, stop, stop capitalized, content words, content capitalized
    let mut counts = vec![[0u32; 6]; doc.sentences.len()];
    for t in &doc.tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.slice(t.span);
        let c = &mut counts[t.sentence as usize];
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        c[0] += 1;
        if all_caps(w) {
            c[1] += 1;
        }
        if w.len() <= 4 && lexicon::lower_with(w, |l| LEX.stop.contains(l)) {
            c[2] += 1;
            if starts_upper(w) {
                c[3] += 1;
            }
        } else {
            c[4] += 1;
            if starts_upper(w) {
                c[5] += 1;
            }
        }
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        let [w, caps, stop, stop_up, content, content_up] = counts[si];
        let para = doc.paragraph_at(s.start).map(|p| &doc.paragraphs[p]);
        let title = para.is_some_and(|p| p.kind == ParagraphKind::Title);
        // An untagged headline: a line of its own, no closing punctuation,
        // every content word capitalized ("Zelenskyy to Address British
        // Cabinet in Historic Appeal for Support").
        let headline_line = content >= 3
            && content_up == content
            && para.is_some_and(|p| p.span.start == s.start && p.span.end <= s.end)
            && !doc.text[s.start..s.end].trim_end().ends_with(['.', '!', '?', '"', '”', ':', ','])
            && doc.text[s.start..s.end].split_whitespace().count() <= 20;
        out[si] = (w > 0 && caps * 10 >= w * 6) || (title && stop >= 1 && stop_up * 2 > stop) || headline_line;
    }
    out
}

mod acronyms {
    //! Acronyms introduced right after their expansion.
    use super::{Ctx, EntityKind, Mention};
    use std::collections::HashMap;

    /// Maps each acronym written as "Expansion (ACR)" to the expansion's
    /// type and text.
    pub(super) fn find(cx: &Ctx, mentions: &[Mention]) -> HashMap<String, (EntityKind, String)> {
        let mut out = HashMap::new();
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
