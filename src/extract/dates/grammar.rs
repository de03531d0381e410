//! The recognizer: a left-to-right scan over tokens trying, at each token,
//! a small grammar of temporal phrases (modifier? "the"? core), longest
//! core first. Matching works on a lower-cased copy of the text (ASCII
//! lower-casing keeps byte offsets) so there is no per-token allocation,
//! and what the grammar asks of a token (its word class, tense cue,
//! capital) is looked up once per document ([`Tok`]), not at every try.

use super::lexicon::{self, HOLIDAYS, Lex, Unit, lex, number, ordinal};
use super::resolve::{self, Tense};
use super::{TimeExpr, TimexType};
use crate::document::{Document, Shape, Span, TokenKind, ascii};
use chrono::{Datelike, Duration, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// One matched phrase: token range `start..end` and its normalization.
struct Hit {
    start: usize,
    end: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    /// "that year", "the following day": `k` units from the date last
    /// mentioned, resolved in document order by the scan.
    anaphor: Option<(Unit, i64)>,
    /// A clock time with no day of its own ("at 10 p.m."): on the day
    /// last mentioned, when that is a full date, else the reference day.
    bare_clock: bool,
}

impl Hit {
    fn new(start: usize, end: usize, kind: TimexType, value: String) -> Hit {
        Hit { start, end, kind, value, modifier: None, anaphor: None, bare_clock: false }
    }
}

/// `EARLY` switches on [`Scan::idle_count`], the early rejection in
/// [`Scan::plain`]; only the tests that prove it changes nothing switch
/// it off.
struct Scan<'a, const EARLY: bool = true> {
    doc: &'a Document,
    /// One entry per token of `doc`.
    toks: Vec<Tok<'a>>,
    r: Option<NaiveDate>,
    /// The document reports by quarter (earnings news): there "a year ago"
    /// means the same quarter a year back, as TimeBank annotates it.
    quarterly: bool,
}

/// Words after which a four-digit number reads as a year.
const YEAR_PREP: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "fiscal",
    "year",
    "between",
    "around",
    "circa",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "end",
    "beginning",
    "and",
    "or",
    "for",
    "on",
    "the",
];

/// Words after which a bare month name (in particular "May", "March") is a month.
const MONTH_PREP: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "this",
    "next",
    "end",
    "beginning",
    "middle",
    "between",
    "to",
    "on",
];

/// Time-zone abbreviations that may sit between a clock time and its day
/// ("9 a.m. EST Tuesday"); matched on the original case.
const ZONES: &[&str] =
    &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "EET", "MSK"];

/// What a word says about the tense of its clause.
#[derive(Clone, Copy)]
enum Cue {
    /// Future by itself: "will", "tomorrow", "payable". Only strong
    /// markers: news is mostly in the past. ("next" is none: "next to" is
    /// a place.) Reported "would" counts too, unless "have" follows (see
    /// `marker`).
    Future,
    /// Future when "to" follows and no perfect precedes: "plans to meet",
    /// "is set to resume", "is to vote" (but "had been set to").
    BeforeTo,
    /// Future unless a perfect precedes: "scheduled for Monday".
    Scheduled,
    /// Future right before the expression: "until Tuesday", "effective June 1".
    Adjacent,
    /// Future between two "as": "as soon as Tuesday", "as early as May".
    AsAs,
    /// Past: auxiliaries and the irregular past tenses common in news
    /// (regular "-ed" forms are recognized by their ending).
    Past,
}

/// The tense cue words, by cue.
const CUES: &[(Cue, &[&str])] = &[
    (Cue::Future, &["will", "'ll", "\u{2019}ll", "shall", "upcoming", "tomorrow", "wo", "payable"]),
    (
        Cue::BeforeTo,
        &[
            "plan", "plans", "planned", "planning", "set", "due", "expected", "expects", "going", "is", "are",
            "intends", "hopes", "aims",
        ],
    ),
    (Cue::Scheduled, &["scheduled"]),
    (Cue::Adjacent, &["until", "till", "effective", "through"]),
    (Cue::AsAs, &["soon", "early"]),
    (
        Cue::Past,
        &[
            "said",
            "was",
            "were",
            "had",
            "has",
            "have",
            "did",
            "ago",
            "last",
            "yesterday",
            "told",
            "came",
            "went",
            "began",
            "brought",
            "took",
            "made",
            "gave",
            "got",
            "rose",
            "fell",
            "won",
            "lost",
            "left",
            "met",
            "saw",
            "found",
            "held",
            "sold",
            "bought",
            "paid",
            "led",
            "struck",
            "became",
            "spoke",
            "wrote",
            "broke",
            "fled",
            "flew",
            "drove",
            "ran",
            "sent",
            "spent",
            "kept",
            "felt",
            "thought",
            "knew",
            "grew",
            "shot",
            "stood",
            "chose",
            "arose",
            "fought",
        ],
    ),
];

/// Words besides numbers, lexicon words, hyphenated words and holiday
/// names that begin a phrase of their own ("last week", "every day", "a
/// year ago", "noon"): [`Scan::plain`] tries them.
const STARTERS: &[&str] = &[
    "a",
    "an",
    "per",
    "last",
    "this",
    "next",
    "coming",
    "past",
    "previous",
    "current",
    "recent",
    "these",
    "that",
    "every",
    "each",
    "fiscal",
    "tonight",
    "overnight",
    "noon",
    "midday",
    "midnight",
];

/// Words that begin a phrase only before another one: "the" and the
/// modifiers of [`Scan::prefix`] ("early", "about", "more than").
const MODIFIERS: &[&str] = &[
    "the",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "more",
    "longer",
    "less",
    "fewer",
    "at",
    "up",
    "no",
    "over",
    "end",
    "close",
];

/// Words that begin a phrase after "the" though not alone ("the near
/// future", "the same period last year"): every word that
/// [`Scan::core_the`] matches by its spelling and that is neither in the
/// lexicon nor one of [`STARTERS`] or [`MODIFIERS`].
const AFTER_THE: &[&str] =
    &["future", "following", "near", "short", "corresponding", "comparable", "same", "latest", "full"];

/// Words of an added length between a count and its unit in
/// [`Scan::duration`] ("two more weeks").
const MORE: [&str; 4] = ["more", "additional", "extra", "further"];

/// Kinds of day between a count and "days" in [`Scan::duration`] ("ten
/// business days").
const DAY_KINDS: [&str; 4] = ["trading", "business", "working", "calendar"];

/// What the grammar asks of a lower-cased word, answered by one lookup.
#[derive(Clone, Copy)]
struct Facts {
    lex: Lex,
    /// The tense it may mark.
    cue: Option<Cue>,
    /// Begins a phrase whatever its spelling or capital: one of
    /// [`STARTERS`] or [`MODIFIERS`], or a word of the lexicon.
    begins: bool,
    /// One of [`MODIFIERS`].
    modifier: bool,
    /// The first word of a holiday name.
    holiday: bool,
    /// One of [`AFTER_THE`].
    after_the: bool,
    /// May carry on a phrase led by a number word: a unit, a number word,
    /// a vague amount or one of [`MORE`] or [`DAY_KINDS`].
    after_count: bool,
}

impl Facts {
    const NONE: Facts = Facts {
        lex: Lex::Other,
        cue: None,
        begins: false,
        modifier: false,
        holiday: false,
        after_the: false,
        after_count: false,
    };
}

/// Every word with a fact, in an open-addressing table. Most words have no
/// fact, and this runs on every word of every document, so a miss costs as
/// little as it can: the home slot is a hash of the word's length and its
/// first and last bytes (no loop, no bounds check past the two ends), and
/// an empty slot turns the word away. Only a word that lands on entries is
/// packed into an integer ([`ascii::pack`]) and told from them by one
/// integer compare, not a string compare (a library call).
struct Words {
    /// Per slot, 1 + the index of its entry; 0 when empty. (An array, not
    /// a `Vec`: its length known, the probe needs no bounds check.)
    slots: Box<[u16; 1 << SLOT_BITS]>,
    entries: Vec<Entry>,
}

/// One word of [`Words`].
struct Entry {
    /// The word packed ([`ascii::pack`]).
    key: u128,
    word: &'static str,
    facts: Facts,
}

/// log2 of the slot count: 4096 slots for some 250 words, so most misses
/// land on an empty slot.
const SLOT_BITS: u32 = 12;

/// The home slot of a word: a multiplicative hash of its length and its
/// first and last bytes; `None` for the empty word.
#[inline]
fn slot(w: &[u8]) -> Option<usize> {
    let (first, last) = (*w.first()?, *w.last()?);
    let x = w.len() as u64 | u64::from(first) << 8 | u64::from(last) << 16;
    Some((x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize)
}

impl Words {
    #[inline]
    fn get(&self, w: &str) -> &Facts {
        let w = w.as_bytes();
        let Some(mut s) = slot(w) else { return &Facts::NONE };
        if self.slots[s] == 0 {
            return &Facts::NONE;
        }
        // Longer than any word in the table.
        let Some(key) = ascii::pack(w) else { return &Facts::NONE };
        let mask = self.slots.len() - 1;
        loop {
            let e = self.slots[s];
            if e == 0 {
                return &Facts::NONE;
            }
            let entry = &self.entries[usize::from(e) - 1];
            if entry.key == key {
                return &entry.facts;
            }
            s = (s + 1) & mask;
        }
    }
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut facts: HashMap<&'static str, Facts> = HashMap::default();
    for (w, lex) in lexicon::words() {
        facts.entry(w).or_insert(Facts::NONE).lex = lex;
    }
    for &(cue, words) in CUES {
        for w in words {
            facts.entry(w).or_insert(Facts::NONE).cue = Some(cue);
        }
    }
    for w in STARTERS {
        facts.entry(w).or_insert(Facts::NONE).begins = true;
    }
    for w in MODIFIERS {
        let f = facts.entry(w).or_insert(Facts::NONE);
        (f.begins, f.modifier) = (true, true);
    }
    for f in facts.values_mut() {
        f.begins |= !matches!(f.lex, Lex::Other);
        f.after_count |= matches!(f.lex, Lex::Unit(..) | Lex::Num(_) | Lex::Vague);
    }
    for (name, _) in HOLIDAYS {
        facts.entry(name[0]).or_insert(Facts::NONE).holiday = true;
    }
    for w in AFTER_THE {
        facts.entry(w).or_insert(Facts::NONE).after_the = true;
    }
    for w in MORE.iter().chain(&DAY_KINDS) {
        facts.entry(w).or_insert(Facts::NONE).after_count = true;
    }
    let entries: Vec<Entry> = facts
        .into_iter()
        .map(|(word, facts)| {
            let key = ascii::pack(word.as_bytes()).expect("table words fit fifteen bytes");
            Entry { key, word, facts }
        })
        .collect();
    let mut slots = Box::new([0u16; 1 << SLOT_BITS]);
    for (e, entry) in entries.iter().enumerate() {
        let mut s = slot(entry.word.as_bytes()).expect("no empty word");
        while slots[s] != 0 {
            s = (s + 1) & (slots.len() - 1);
        }
        slots[s] = e as u16 + 1;
    }
    Words { slots, entries }
});

/// One token as the grammar sees it, looked up once per document.
#[derive(Clone, Copy)]
struct Tok<'a> {
    /// The lower-cased word.
    word: &'a str,
    facts: &'static Facts,
    sentence: u32,
    kind: TokenKind,
    /// May begin a phrase: a number, a word of the lexicon, a starter or
    /// modifier, a capitalized holiday, a hyphenated word.
    start: bool,
}

/// The grammar's view of every token of `doc`, `lower` its lower-cased
/// text. Every token passes through here, so it does the least it can:
/// one table probe per word; its capital and hyphen are in its shape.
fn toks<'a>(doc: &Document, lower: &'a str) -> Vec<Tok<'a>> {
    let words: &'static Words = &WORDS;
    doc.tokens
        .iter()
        .map(|t| {
            let word = &lower[t.span.start..t.span.end];
            let (facts, start) = match t.kind {
                TokenKind::Word => {
                    let facts = words.get(word);
                    let start = facts.begins
                        || word.as_bytes()[0].is_ascii_digit()
                        || (facts.holiday && t.shape.has(Shape::UPPER_FIRST))
                        || t.shape.has(Shape::HYPHEN);
                    (facts, start)
                }
                TokenKind::Number => (&Facts::NONE, true),
                _ => (&Facts::NONE, false),
            };
            Tok { word, facts, sentence: t.sentence, kind: t.kind, start }
        })
        .collect()
}

impl<'a, const EARLY: bool> Scan<'a, EARLY> {
    fn n(&self) -> usize {
        self.toks.len()
    }
    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.word)
    }
    /// The word class of token `i` (`Other` past the end).
    fn lex_at(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::Other, |t| t.facts.lex)
    }
    /// The word class of token `i` when in the sentence of `anchor`.
    fn lex_in(&self, i: usize, anchor: usize) -> Lex {
        if self.same(anchor, i) { self.toks[i].facts.lex } else { Lex::Other }
    }
    /// [`number`] of token `i` when in the sentence of `anchor`, its word
    /// class already known.
    fn number_in(&self, i: usize, anchor: usize) -> Option<u32> {
        if !self.same(anchor, i) {
            return None;
        }
        lexicon::number_of(self.toks[i].word, self.toks[i].facts.lex)
    }
    fn raw(&self, i: usize) -> &str {
        match self.doc.tokens.get(i) {
            Some(t) => &self.doc.text[t.span.start..t.span.end],
            None => "",
        }
    }
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn capitalized(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.shape.has(Shape::UPPER_FIRST))
    }
    /// Whether tokens `a` and `b` are in one sentence (phrases never cross).
    fn same(&self, a: usize, b: usize) -> bool {
        b < self.n() && self.toks[a].sentence == self.toks[b].sentence
    }
    fn w_in(&self, i: usize, anchor: usize) -> &'a str {
        if self.same(anchor, i) { self.w(i) } else { "" }
    }
    fn prev(&self, i: usize) -> &'a str {
        if i == 0 || !self.same(i - 1, i) { "" } else { self.w(i - 1) }
    }

    /// Past or future from the nearest tense marker within the sentence;
    /// past when there is none (news reports what happened).
    fn tense(&self, i: usize, j: usize) -> Tense {
        self.cue(i, j).unwrap_or(Tense::Past)
    }

    /// The tense of the nearest marker around tokens `i..j` in the sentence.
    fn cue(&self, i: usize, j: usize) -> Option<Tense> {
        let s = self.toks[i].sentence;
        let mut best: Option<(usize, Tense)> = None;
        let lo = i.saturating_sub(12);
        let hi = (j + 12).min(self.n());
        for k in lo..hi {
            if (i..j).contains(&k) || self.toks[k].sentence != s {
                continue;
            }
            let Some(t) = self.marker(k, k + 1 == i) else { continue };
            let d = if k < i { i - k } else { 2 * (k - j + 1) };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
        if best.is_none() {
            // A modal heading a long clause: "will be named commander of
            // the ... for a mission in December".
            let far = (i.saturating_sub(30)..lo).rev().take_while(|&k| self.toks[k].sentence == s);
            for k in far {
                if self.marker(k, false).is_some() {
                    if matches!(self.w(k), "will" | "shall" | "'ll" | "\u{2019}ll") {
                        return Some(Tense::Future);
                    }
                    break;
                }
            }
            // A fronted phrase whose main verb comes late: "In January, a
            // week after the anniversary of ..., a bomb ... killed".
            for k in hi..(j + 30).min(self.n()) {
                if self.toks[k].sentence != s {
                    break;
                }
                if let Some(t) = self.marker(k, false) {
                    return Some(t);
                }
            }
        }
        best.map(|b| b.1)
    }

    /// The tense token `k` marks, if any; `adjacent` when it directly
    /// precedes the expression.
    fn marker(&self, k: usize, adjacent: bool) -> Option<Tense> {
        let w = self.w(k);
        let before = || if k > 0 { self.w_in(k - 1, k) } else { "" };
        let after = || self.w_in(k + 1, k);
        // "had been scheduled to" looks back from a past vantage point.
        let perfect = || matches!(before(), "had" | "been");
        let future = match self.toks[k].facts.cue {
            Some(Cue::Future) => true,
            // "said he would travel Thursday": a future seen from the
            // report; "would have" looks back.
            None if w == "would" => !matches!(after(), "have" | "'ve" | "\u{2019}ve"),
            Some(Cue::BeforeTo) => after() == "to" && !perfect(),
            Some(Cue::Scheduled) => !perfect(),
            // "Until Thursday, they had not called him a suspect": a past
            // perfect after it looks back; "Monday through Wednesday" is a
            // range, its end as far back as its start.
            Some(Cue::Adjacent) => {
                let b = before();
                let lb = if k > 0 { self.lex_in(k - 1, k) } else { Lex::Other };
                let range = matches!(lb, Lex::Weekday(_) | Lex::Month(..))
                    || (!b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()));
                adjacent && !range && !(k + 1..k + 12).any(|h| self.w_in(h, k) == "had")
            }
            Some(Cue::AsAs) => before() == "as" && after() == "as",
            // "will be named", "to be left": a passive participle, no tense.
            Some(Cue::Past) if matches!(before(), "be" | "being") => return None,
            Some(Cue::Past) => return Some(Tense::Past),
            None => false,
        };
        if future {
            Some(Tense::Future)
        } else if regular_past(w) && !self.capitalized(k) && !matches!(before(), "be" | "being") {
            Some(Tense::Past)
        } else {
            None
        }
    }

    fn year_at(&self, j: usize) -> Option<i32> {
        if self.kind(j) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.w(j);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        (1000..=2100).contains(&y).then_some(y)
    }

    /// A four-digit number that reads as a year in context, not a count.
    fn standalone_year(&self, j: usize) -> Option<i32> {
        let y = self.year_at(j)?;
        let prev = self.prev(j);
        if matches!(prev, "$" | "\u{20ac}" | "\u{a3}" | "#" | "no" | "no." | "nearly" | "about" | "some" | "over") {
            return None;
        }
        let next = self.w_in(j + 1, j);
        // "1984-85" is a range or compound; "in 1984 -- part of" a year
        // before a dash set off by spaces.
        let spaced = self.same(j, j + 1) && self.doc.tokens[j + 1].span.start > self.doc.tokens[j].span.end;
        if matches!(next, "%" | "percent" | "per") || (next == "-" && !spaced) {
            return None;
        }
        let next_is_word = self.same(j, j + 1) && self.kind(j + 1) == Some(TokenKind::Word);
        if next_is_word && !self.capitalized(j + 1) {
            let noun_like = (next.ends_with('s')
                && !matches!(
                    next,
                    "was" | "is" | "has" | "as" | "levels" | "figures" | "results" | "elections" | "this"
                ))
                || matches!(
                    next,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "staff"
                        | "feet"
                        | "metres"
                        | "meters"
                        | "tons"
                        | "tonnes"
                        | "miles"
                        | "km"
                        | "kilometers"
                        | "kilometres"
                );
            if noun_like {
                return None;
            }
        }
        if YEAR_PREP.contains(&prev) || !(1800..=2100).contains(&y) {
            return (1500..=2100).contains(&y).then_some(y);
        }
        Some(y)
    }

    /// Day of month in digits ("24", "24th").
    fn dom_at(&self, j: usize) -> Option<u32> {
        let w = self.w(j);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn scan(&self) -> Vec<TimeExpr> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut last_end = 0usize;
        // The last absolute date mentioned, anchor of "that year".
        let mut anchor: Option<String> = None;
        let n = self.n();
        while i < n {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some(h) if self.title(h.start, h.end) => i += 1,
                Some(h) if h.start >= last_end && h.end > h.start => {
                    let t = &self.doc.tokens;
                    let value = match h.anaphor {
                        Some((unit, k)) => {
                            let v = resolve::from_anchor(anchor.as_deref(), unit, k);
                            // "that day" with no day mentioned before is
                            // generic ("trades made that day"): no expression.
                            if v.starts_with('X') {
                                i += 1;
                                continue;
                            }
                            v
                        }
                        None if h.bare_clock => {
                            let day = anchor.as_deref().filter(|a| a.len() >= 10 && a.as_bytes()[7] == b'-');
                            match day {
                                Some(a) => format!("{}{}", &a[..10], &h.value[10..]),
                                None => h.value,
                            }
                        }
                        None => {
                            // An anaphor keeps the anchor: "later that year"
                            // must not blur the month it came from.
                            if h.value.len() >= 4 && h.value.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                                anchor = Some(h.value.clone());
                            }
                            h.value
                        }
                    };
                    out.push(TimeExpr {
                        span: Span::new(t[h.start].span.start, t[h.end - 1].span.end),
                        kind: h.kind,
                        value,
                        modifier: h.modifier.map(str::to_string),
                    });
                    last_end = h.end;
                    i = h.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Whether tokens `a..b` read as a title ("ABC's This Week", "CBS's 60
    /// Minutes", "USA Today", "High Noon"): a word that is lower case in a
    /// temporal phrase (a unit, "today", "now", "noon") written capitalized
    /// after a word of the same sentence that is no punctuation. Holiday
    /// names ("Labor Day") are capitalized by right.
    fn title(&self, a: usize, b: usize) -> bool {
        if (a..b).any(|k| self.toks[k].facts.holiday) {
            return false;
        }
        (a..b).any(|k| {
            let common = matches!(self.lex_at(k), Lex::Unit(..) | Lex::DayRef(_) | Lex::Ref(_))
                || matches!(self.w(k), "noon" | "tonight");
            common
                && self.capitalized(k)
                && k > 0
                && self.same(k - 1, k)
                && self.kind(k - 1) != Some(TokenKind::Punct)
                && (k > a || self.capitalized(k - 1))
        })
    }

    /// Cheap filter: most tokens cannot begin a temporal phrase, and skipping
    /// them avoids running the whole grammar at every position.
    fn may_start(&self, i: usize) -> bool {
        self.toks[i].start
    }

    /// Modifier words before a core: returns (core start, mod, only for durations).
    fn prefix(&self, i: usize) -> Option<(usize, &'static str, bool)> {
        let w = |k: usize| self.w_in(i + k, i);
        // The first word decides which of the next ones are looked at.
        let (skip, m, dur) = match w(0) {
            "the" => match (w(1), w(2)) {
                ("end" | "close", "of") => (3, "END", false),
                ("beginning" | "start", "of") => (3, "START", false),
                ("middle", "of") => (3, "MID", false),
                ("early", _) => (2, "START", false),
                ("late", _) => (2, "END", false),
                ("mid", _) => (2, "MID", false),
                _ => return None,
            },
            "end" | "close" if w(1) == "of" => (2, "END", false),
            "early" => (1, "START", false),
            "late" => (1, "END", false),
            "mid" => (1, "MID", false),
            "earlier" if matches!(w(1), "this" | "last" | "next" | "in" | "today" | "that") => (1, "START", false),
            "later" if matches!(w(1), "this" | "last" | "next" | "today" | "that") => (1, "END", false),
            "about" | "around" | "approximately" | "roughly" | "some" => (1, "APPROX", true),
            "nearly" => (1, "APPROX", true),
            "almost" => (1, "LESS_THAN", true),
            "more" | "longer" if w(1) == "than" => (2, "MORE_THAN", true),
            "less" | "fewer" if w(1) == "than" => (2, "LESS_THAN", true),
            "at" if w(1) == "least" => (2, "EQUAL_OR_MORE", true),
            "up" if w(1) == "to" => (2, "EQUAL_OR_LESS", true),
            "no" if w(1) == "more" && w(2) == "than" => (3, "EQUAL_OR_LESS", true),
            "at" if w(1) == "most" => (2, "EQUAL_OR_LESS", true),
            "over" if self.number_in(i + 1, i).is_some() => (1, "MORE_THAN", true),
            _ => return None,
        };
        // "excited about the next few months": a preposition before a
        // definite phrase, no approximation.
        if matches!(w(0), "about" | "around") && w(1) == "the" {
            return None;
        }
        Some((i + skip, m, dur))
    }

    fn at(&self, i: usize) -> Option<Hit> {
        if let Some((j, m, dur)) = self.prefix(i)
            && let Some(mut h) = self.core(j, m == "END" || m == "START" || m == "MID")
        {
            let ok = if dur {
                h.kind == TimexType::Duration
                    || (h.kind == TimexType::Date && self.w(h.end - 1) == "ago")
                    || h.kind == TimexType::Time
            } else {
                h.kind != TimexType::Duration && h.kind != TimexType::Set
            };
            if ok {
                h.start = i;
                h.modifier = Some(m);
                return Some(h);
            }
        }
        self.core(i, false)
    }

    /// A core phrase at `j`, with a leading "the" when the phrase takes one.
    fn core(&self, j: usize, after_of: bool) -> Option<Hit> {
        if self.w(j) == "the" {
            let mut h = self.core_the(j + 1, after_of)?;
            h.start = j;
            return Some(h);
        }
        self.plain(j)
    }

    fn core_the(&self, k: usize, after_of: bool) -> Option<Hit> {
        // Most words after "the" begin nothing, and the arms below would
        // each be tried on them in vain: only words that may begin a phrase
        // (the last resort is `plain`), spoken decades and the words named
        // in [`AFTER_THE`] go on.
        let tok = self.toks.get(k)?;
        if !(tok.start || tok.facts.after_the || decade(tok.word).is_some()) {
            return None;
        }
        let w = |d: usize| self.w_in(k + d, k);
        let t = || self.tense(k, k + 1);
        match (w(0), self.lex_in(k, k)) {
            // "the week of March 6": the ISO week of that day.
            ("week", _) if w(1) == "of" && self.same(k, k + 2) && self.calendar_date(k + 2).is_some() => {
                let (end, v) = self.calendar_date(k + 2)?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
                let v = d.map_or("XXXX-WXX".into(), resolve::week);
                return Some(Hit::new(k, end, TimexType::Date, v));
            }
            // "the last half of 1989" is its second half.
            ("last", _) if w(1) == "half" => {
                let (end, y) = self.of_year(k + 2);
                let y = y?;
                return Some(Hit::new(k, end, TimexType::Date, format!("{y:04}-H2")));
            }
            ("past" | "last" | "previous" | "next" | "coming", _) => {
                if let Some(h) = self.relative(k) {
                    return Some(h);
                }
                match w(0) {
                    "past" => return Some(Hit::new(k, k + 1, TimexType::Date, "PAST_REF".into())),
                    _ => return None,
                }
            }
            ("future", _) => return Some(Hit::new(k, k + 1, TimexType::Date, "FUTURE_REF".into())),
            ("following", _) => return self.anaphor(k, k + 1, 1),
            // "in the near future", "over the short term"
            ("near" | "short", _) if matches!(w(1), "future" | "term") => {
                return Some(Hit::new(k, k + 2, TimexType::Date, "FUTURE_REF".into()));
            }
            ("first" | "second", _) if w(1) == "half" => {
                let h = if w(0) == "first" { 1 } else { 2 };
                let (end, y) = self.of_year(k + 2);
                let y = y.or_else(|| self.r.map(|r| r.year()));
                let v = y.map_or(format!("XXXX-H{h}"), |y| format!("{y:04}-H{h}"));
                return Some(Hit::new(k, end, TimexType::Date, v));
            }
            _ if w(1) == "quarter" && ordinal(w(0)).is_some() => {
                let q = ordinal(w(0))?;
                return Some(self.quarter_phrase(k, k + 2, q, t()));
            }
            // "for the quarter a year ago": the year-ago quarter.
            ("quarter", _) if w(1) == "a" && w(2) == "year" && matches!(w(3), "ago" | "earlier") => {
                return Some(Hit::new(k, k + 4, TimexType::Date, resolve::reported_quarter(self.r, Tense::Past, 1)));
            }
            ("quarter", _) => {
                return Some(Hit::new(k, k + 1, TimexType::Date, resolve::reported_quarter(self.r, t(), 0)));
            }
            // "the corresponding period last year", "the comparable
            // year-ago quarter": the reported period a year back (a whole
            // year when the sentence speaks of more than a quarter).
            ("corresponding" | "comparable" | "same", _) => {
                let adj = matches!(w(1), "year-ago" | "year-earlier");
                let p = if adj { 2 } else { 1 };
                if !matches!(w(p), "period" | "quarter") {
                    return None;
                }
                let end = match (w(p + 1), w(p + 2), w(p + 3)) {
                    _ if adj => k + p + 1,
                    ("last", "year", _) => k + p + 3,
                    ("a", "year", "ago" | "earlier") => k + p + 4,
                    _ => return None,
                };
                let v = if self.quarterly && !self.year_to_date(k) {
                    resolve::reported_quarter(self.r, Tense::Past, 1)
                } else {
                    resolve::shifted(self.r, Unit::Year, -1)
                };
                return Some(Hit::new(k, end, TimexType::Date, v));
            }
            // "sales in the latest fiscal year": the last one completed.
            ("latest", _) if w(1) == "fiscal" && w(2) == "year" => {
                return Some(Hit::new(k, k + 3, TimexType::Date, resolve::shifted(self.r, Unit::Year, -1)));
            }
            ("latest" | "current" | "year-ago" | "year-earlier", _) if matches!(w(1), "quarter" | "period") => {
                let (k_back, tense) = match w(0) {
                    "latest" => (0, Tense::Past),
                    "current" => (0, Tense::Future),
                    _ => (1, Tense::Past),
                };
                let v = resolve::reported_quarter(self.r, tense, k_back);
                return Some(Hit::new(k, k + 2, TimexType::Date, v));
            }
            // "the current year"; "the current market" leaves "the" out.
            ("current", _) => return self.relative(k),
            (_, Lex::Ordinal(_)) | ("first", _) => {
                // "the first nine months"
                if let Some(h) = self.duration(k + 1) {
                    return Some(Hit { start: k, ..h });
                }
                return None;
            }
            (_, Lex::Weekday(_)) => return None,
            // "the weeks ahead", "the years to come": as "the next few weeks".
            // ("the days ahead of the vote" is another phrase.)
            (_, Lex::Unit(u, true)) if (w(1) == "ahead" && w(2) != "of") || (w(1) == "to" && w(2) == "come") => {
                let end = if w(1) == "ahead" { k + 2 } else { k + 3 };
                let (p, d) = u.designator();
                return Some(Hit::new(k, end, TimexType::Duration, format!("{p}X{d}")));
            }
            (_, Lex::Unit(Unit::Weekend, false)) => {
                let v = match (self.r, t()) {
                    (Some(r), Tense::Past) if r.weekday().number_from_monday() < 6 => {
                        format!("{}-WE", resolve::week(r - Duration::days(7)))
                    }
                    (r, _) => resolve::shifted(r, Unit::Weekend, 0),
                };
                return Some(Hit::new(k, k + 1, TimexType::Date, v));
            }
            (_, Lex::Unit(u, false)) if after_of => {
                return Some(Hit::new(k, k + 1, TimexType::Date, resolve::shifted(self.r, u, 0)));
            }
            // "the fiscal first quarter"
            ("fiscal", _) if w(2) == "quarter" && ordinal(w(1)).is_some() => {
                let q = ordinal(w(1))?;
                return Some(self.quarter_phrase(k, k + 3, q, t()));
            }
            ("year" | "full" | "fiscal", _) => return self.the_year(k),
            (_, Lex::Num(_)) | (_, Lex::Vague) => {
                if let Some(h) = self.duration(k) {
                    return Some(h);
                }
            }
            _ => {}
        }
        // Decades, seasons, quarters and numeric durations also take "the".
        let h = self.plain(k)?;
        let decade = h.kind == TimexType::Date && h.value.len() <= 3;
        let season = resolve::SEASON_CODES.iter().any(|c| h.value.ends_with(c));
        // A hyphenated adjective ("the two-year conflict") leaves "the" to its noun.
        let duration = h.kind == TimexType::Duration && !self.w(h.start).contains('-');
        // ("The year-ago results", "the third-quarter loss": the adjective
        // leaves "the" to its noun.)
        let adjective = h.end == h.start + 1 && self.w(h.start).contains('-');
        let quarter = h.value.contains("-Q") && !adjective;
        let period = self.w(h.end - 1) == "period";
        (decade || season || quarter || period || duration || after_of).then_some(h)
    }

    /// "the year" after "the" (at `k`): a named year ("the year 2000", "the
    /// year two thousand"), an accounting year ("for the fiscal year ended
    /// March 31", a duration), or the year in progress ("for the year",
    /// "of the full year"). Not "the year before": that needs an anchor.
    fn the_year(&self, k: usize) -> Option<Hit> {
        let y = if self.w(k) == "year" { k } else { k + 1 };
        if self.w_in(y, k) != "year" {
            return None;
        }
        if let Some((end, year)) = self.year_words(y + 1).filter(|_| self.same(k, y + 1)) {
            return Some(Hit::new(k, end, TimexType::Date, format!("{year:04}")));
        }
        if self.same(k, y + 1) && self.kind(y + 1) == Some(TokenKind::Number) {
            return None;
        }
        if matches!(self.w_in(y + 1, k), "ended" | "ending") {
            return Some(Hit::new(k, y + 1, TimexType::Duration, "P1Y".into()));
        }
        let the = k.checked_sub(1)?;
        let framed = matches!(self.prev(the), "for" | "of" | "during" | "throughout" | "in");
        let open = !matches!(self.w_in(y + 1, k), "before" | "after" | "earlier" | "later" | "ago" | "'s" | "when");
        (framed && open).then(|| Hit::new(k, y + 1, TimexType::Date, resolve::shifted(self.r, Unit::Year, 0)))
    }

    /// A year at `k` in digits ("1996") or spoken ("nineteen ninety-six",
    /// "two thousand" — the latter only after "year", where it cannot be a
    /// count): its end token and value.
    fn year_words(&self, k: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, y));
        }
        let next = self.w_in(k + 1, k);
        let century = match spoken_century(self.w(k)) {
            Some(c) => c,
            None if self.w(k) == "two" && next == "thousand" && self.prev(k) == "year" => return Some((k + 2, 2000)),
            None => return None,
        };
        let n = number(next).filter(|n| (10..=99).contains(n) && self.kind(k + 1) == Some(TokenKind::Word))?;
        Some((k + 2, century + n as i32))
    }

    /// Whether the sentence before token `j` speaks of a period longer than
    /// a quarter ("for the nine months", "the first half", "for the year"),
    /// the nearest period word deciding: there "a year earlier" and "the
    /// 1988 period" are the previous year, not the year-ago quarter.
    fn year_to_date(&self, j: usize) -> bool {
        let lo = j.saturating_sub(40);
        for k in (lo..j).rev() {
            if !self.same(k, j) {
                return false;
            }
            match self.w(k) {
                "quarter" | "quarters" | "quarterly" => return false,
                "months" => return number(self.w_in(k.wrapping_sub(1), k)).is_some_and(|n| n >= 6),
                "half" | "year-to-date" => return true,
                "year" => return matches!(self.w_in(k.wrapping_sub(1), k), "the" | "this" | "fiscal" | "full"),
                w if w.ends_with("-quarter") => return false,
                _ => {}
            }
        }
        false
    }

    /// "that year", "that same day", "the following month" (`k` = 1; `j`
    /// after "the"): a year, month or day counted from the date last
    /// mentioned, which only the scan knows.
    fn anaphor(&self, start: usize, j: usize, k: i64) -> Option<Hit> {
        let j = if self.w_in(j, start) == "same" { j + 1 } else { j };
        let unit = match self.lex_in(j, start) {
            Lex::Unit(u @ (Unit::Year | Unit::Month | Unit::Day), false) => u,
            _ => return None,
        };
        Some(Hit { anaphor: Some((unit, k)), ..Hit::new(start, j + 1, TimexType::Date, String::new()) })
    }

    /// "last year" / "this year" / "next year" at `k`: its end and year.
    fn relative_year(&self, k: usize) -> Option<(usize, Option<i32>)> {
        let off = match self.w_in(k, k.saturating_sub(1)) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        (self.same(k, k + 1) && self.w(k + 1) == "year").then(|| (k + 2, self.r.map(|r| r.year() + off)))
    }

    /// A quarter of year `y` named after it: "1988 third quarter", "this
    /// year's third quarter", and in earnings news "the 1988 period" (the
    /// quarter being reported, that year). `k` is the token after the year.
    fn quarter_of(&self, start: usize, k: usize, y: Option<i32>) -> Option<Hit> {
        let k = if self.w_in(k, start) == "'s" || self.w_in(k, start) == "\u{2019}s" { k + 1 } else { k };
        let q = match (ordinal(self.w_in(k, start)), self.w_in(k + 1, start)) {
            (Some(q), "quarter") => Some((k + 2, q)),
            // "in the first nine months ... the 1988 period" is that year.
            _ if self.w_in(k, start) == "period" && self.year_to_date(start) => None,
            _ if matches!(self.w_in(k, start), "quarter" | "period") && self.quarterly => {
                let reported = resolve::reported_quarter(self.r, Tense::Past, 0);
                reported.rsplit_once('Q').and_then(|(_, q)| q.parse().ok()).map(|q| (k + 1, q))
            }
            _ => None,
        };
        let Some((end, q)) = q else {
            return (self.w_in(k, start) == "period" && self.year_to_date(start))
                .then(|| Hit::new(start, k + 1, TimexType::Date, y.map_or("XXXX".into(), |y| format!("{y:04}"))));
        };
        let v = y.map_or(format!("XXXX-Q{q}"), |y| format!("{y:04}-Q{q}"));
        Some(Hit::new(start, end, TimexType::Date, v))
    }

    /// A holiday named at `k` ("Thanksgiving Day", "Christmas Eve"), its
    /// words capitalized; `start` is where the hit begins ("last" before
    /// it) and `dir` the direction that word gives.
    fn holiday(&self, start: usize, k: usize, dir: i64) -> Option<Hit> {
        // Most words begin no name: the first word is compared first,
        // fetched once.
        let first = self.w(k);
        let (name, h) = HOLIDAYS.iter().filter(|(name, _)| name[0] == first).find(|(name, _)| {
            name.iter().enumerate().all(|(d, part)| {
                let i = k + d;
                self.w_in(i, k) == *part && (part.starts_with('\'') || self.capitalized(i))
            })
        })?;
        let end = k + name.len();
        // "Christmas Island", "the Great Orchestra of Christmas Charity": a name.
        if self.same(k, end) && self.kind(end) == Some(TokenKind::Word) && self.capitalized(end) {
            return None;
        }
        // "Easter week", "Christmas week": the week of the nearest one
        // ("as Easter week began" is this year's, whatever the verb).
        if self.w_in(end, k) == "week" {
            let v = match self.r {
                Some(r) => resolve::week(resolve::holiday_date(r, *h, dir, None)?),
                None => "XXXX-WXX".into(),
            };
            return Some(Hit::new(start, end + 1, TimexType::Date, v));
        }
        let cue = if dir == 0 { self.cue(k, end) } else { None };
        Some(Hit::new(start, end, TimexType::Date, resolve::holiday(self.r, *h, dir, cue)?))
    }

    /// "of 2022" / "2022" after a period name.
    fn of_year(&self, k: usize) -> (usize, Option<i32>) {
        if self.w_in(k, k.saturating_sub(1)) == "of"
            && self.same(k, k + 1)
            && let Some((end, y)) = self.year_words(k + 1)
        {
            return (end, Some(y));
        }
        if self.same(k.saturating_sub(1), k)
            && let Some((end, y)) = self.year_words(k)
        {
            return (end, Some(y));
        }
        (k, None)
    }

    fn quarter_phrase(&self, start: usize, end: usize, q: u32, t: Tense) -> Hit {
        let (end, y) = self.of_year(end);
        let v = match y {
            Some(y) => format!("{y:04}-Q{q}"),
            None => resolve::quarter(self.r, q, t),
        };
        Hit::new(start, end, TimexType::Date, v)
    }

    /// "N units" / "several units" (with optional "ago"/"earlier"/"later").
    fn duration(&self, j: usize) -> Option<Hit> {
        let w = |d: usize| self.w_in(j + d, j);
        let mut k = j;
        let mut n: Option<u32>;
        let mut raw_num: Option<&str> = None;
        if matches!(w(0), "a" | "an") && matches!(w(1), "few" | "couple") {
            // "a couple of years" is two of them.
            n = (w(1) == "couple").then_some(2);
            k += 2;
            if w(2) == "of" {
                k += 1;
            }
        } else if w(0) == "couple" && w(1) == "of" && matches!(self.prev(j), "next" | "past" | "last") {
            // "the next couple of years" (after "a" the branch above).
            n = Some(2);
            k += 2;
        } else if matches!(self.lex_in(j, j), Lex::Vague) && w(0) != "some" {
            n = None;
            k += 1;
        } else if let Some(v) = self.number_in(j, j) {
            n = Some(v);
            k += 1;
            // "twenty four", "one hundred"
            if v >= 20
                && v % 10 == 0
                && let Some(v2) = self.number_in(k, j).filter(|&v2| v2 < 10)
            {
                n = Some(v + v2);
                k += 1;
            }
        } else if self.kind(j) == Some(TokenKind::Number) && w(0).contains('.') {
            raw_num = Some(w(0));
            n = Some(0);
            k += 1;
        } else {
            return None;
        }
        // "two more weeks", "an additional year": the added length.
        if n.is_some() && MORE.contains(&self.w_in(k, j)) {
            k += 1;
        }
        // "eight trading days", "ten business days": days all the same.
        if DAY_KINDS.contains(&self.w_in(k, j)) && matches!(self.w_in(k + 1, j), "day" | "days") {
            k += 1;
        }
        // "5 1/2 hours"
        let mut half =
            n.is_some() && self.w_in(k, j) == "1" && self.w_in(k + 1, j) == "/" && self.w_in(k + 2, j) == "2";
        if half {
            k += 3;
        }
        let Lex::Unit(u, plural) = self.lex_in(k, j) else { return None };
        // "the 1988 second quarter", "a second group": "second" there is an
        // ordinal; "the 1988 quarter" is a quarter of 1988.
        if u == Unit::Weekend
            || (u == Unit::Second && !plural && w(0) != "one")
            || (!plural && self.year_at(j).is_some())
        {
            return None;
        }
        // "a months" is not a phrase; "two year" happens in compounds.
        if n == Some(1) && plural && raw_num.is_none() {
            return None;
        }
        if n.is_none() && !plural {
            return None;
        }
        k += 1;
        // "52 years old" is an age, not a period.
        if self.w_in(k, j) == "old" {
            return None;
        }
        // "an hour and a half"
        if n.is_some() && self.w_in(k, j) == "and" && self.w_in(k + 1, j) == "a" && self.w_in(k + 2, j) == "half" {
            half = true;
            k += 3;
        }
        // Offsets resolve whole units only ("2 1/2 years ago" stays vague).
        let n_whole = n.filter(|_| raw_num.is_none() && !half);
        // "a week or so ago" is a week ago, roughly.
        if (self.w_in(k, j), self.w_in(k + 1, j)) == ("or", "so") && matches!(self.w_in(k + 2, j), "ago" | "earlier") {
            k += 2;
        }
        match self.w_in(k, j) {
            "ago" | "earlier" | "before"
                if !(self.w_in(k, j) == "before"
                    && self.same(j, k + 1)
                    && self.kind(k + 1) != Some(TokenKind::Punct)) =>
            {
                let v = if u == Unit::Year && n_whole == Some(1) && self.year_to_date(j) {
                    resolve::shifted(self.r, Unit::Year, -1)
                } else if self.quarterly && u == Unit::Year && n_whole == Some(1) {
                    resolve::reported_quarter(self.r, Tense::Past, 1)
                } else {
                    resolve::offset(self.r, u, n_whole, -1)
                };
                return Some(Hit::new(j, k + 1, TimexType::Date, v));
            }
            // "three days later": TIMEX3 takes "later" for a signal and
            // the length alone for the expression (unlike "ago").
            "hence" => {
                let v = resolve::offset(self.r, u, n_whole, 1);
                return Some(Hit::new(j, k + 1, TimexType::Date, v));
            }
            _ => {}
        }
        let (p, d) = u.designator();
        let v = match (raw_num, n) {
            (Some(r), _) => format!("{p}{r}{d}"),
            (None, Some(n)) if half => resolve::length_and_half(u, n),
            (None, Some(n)) => resolve::length(u, n),
            (None, None) => format!("{p}X{d}"),
        };
        Some(Hit::new(j, k, TimexType::Duration, v))
    }

    /// last/this/next/past/coming + unit, weekday, month, season, part of day.
    fn relative(&self, j: usize) -> Option<Hit> {
        let w0 = self.w(j);
        let off: i64 = match w0 {
            "last" | "previous" | "past" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            "recent" => -1,
            _ => return None,
        };
        // "this past spring" is the last one.
        let (off, j1) = if w0 == "this" && self.w_in(j + 1, j) == "past" { (-1, j + 1) } else { (off, j) };
        // "last fiscal year" is last year for this purpose.
        let fiscal = self.w_in(j1 + 1, j) == "fiscal" && matches!(self.lex_in(j1 + 2, j), Lex::Unit(..));
        let k = if fiscal { j1 + 2 } else { j1 + 1 };
        // Only weekdays and seasons need the tense.
        let t = || self.tense(j, k + 1);
        // "the past three years", "the next few weeks": durations.
        if matches!(w0, "past" | "last" | "next" | "coming" | "previous")
            && let Some(h) = self.duration(k)
            && h.kind == TimexType::Duration
        {
            return Some(Hit { start: j, ..h });
        }
        // "last Thanksgiving", "next Christmas"
        if matches!(w0, "last" | "this" | "next")
            && let Some(h) = self.holiday(j, k, off)
        {
            return Some(h);
        }
        match self.lex_in(k, j) {
            Lex::Unit(u, true) => {
                let v = match (w0, off) {
                    // "recent weeks" is "the past few weeks", "coming
                    // years" "the next few years": vague lengths.
                    ("past" | "last" | "recent" | "coming", _) => {
                        let (p, d) = u.designator();
                        return Some(Hit::new(j, k + 1, TimexType::Duration, format!("{p}X{d}")));
                    }
                    (_, -1) => "PAST_REF",
                    (_, 1) => "FUTURE_REF",
                    _ => return None,
                };
                Some(Hit::new(j, k + 1, TimexType::Date, v.into()))
            }
            Lex::Unit(u, false) if w0 != "recent" => {
                if w0 == "past" {
                    return Some(Hit::new(j, k + 1, TimexType::Duration, resolve::length(u, 1)));
                }
                if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                    return None;
                }
                if u == Unit::Year
                    && let Some(h) = self.quarter_of(j, k + 1, self.r.map(|r| r.year() + off as i32))
                {
                    return Some(h);
                }
                Some(Hit::new(j, k + 1, TimexType::Date, resolve::shifted(self.r, u, off)))
            }
            Lex::Weekday(wd) if w0 != "recent" && w0 != "past" => {
                let v = match (off, self.r) {
                    (-1, Some(r)) => resolve::weekday(Some(r - Duration::days(1)), wd, Tense::Past),
                    (1, Some(r)) => resolve::weekday(Some(r + Duration::days(1)), wd, Tense::Future),
                    _ => resolve::weekday(self.r, wd, t()),
                };
                self.with_part_of_day(j, k + 1, v)
            }
            Lex::Month(m, false) if w0 != "recent" && w0 != "past" => {
                let y = self.r.map(|r| match off {
                    -1 if m >= r.month() => r.year() - 1,
                    1 if m <= r.month() => r.year() + 1,
                    _ => r.year(),
                });
                let v = resolve::month_day(y, m, None)?;
                Some(Hit::new(j, k + 1, TimexType::Date, v))
            }
            Lex::Season(s) if w0 != "recent" && w0 != "past" => {
                let t = (w0 != "this").then(t);
                Some(Hit::new(j, k + 1, TimexType::Date, resolve::season(self.r, s, off, t)))
            }
            Lex::PartOfDay(code) if matches!(w0, "this" | "last") => {
                let d = match (w0, self.r) {
                    ("last", Some(r)) => resolve::day(r - Duration::days(1)),
                    (_, Some(r)) => resolve::day(r),
                    _ => "XXXX-XX-XX".into(),
                };
                Some(Hit::new(j, k + 1, TimexType::Time, format!("{d}T{code}")))
            }
            _ => None,
        }
    }

    /// "Thursday night": a day value widened to a time of day when one follows.
    fn with_part_of_day(&self, start: usize, end: usize, day: String) -> Option<Hit> {
        if let Lex::PartOfDay(code) = self.lex_in(end, start) {
            return Some(Hit::new(start, end + 1, TimexType::Time, format!("{day}T{code}")));
        }
        Some(Hit::new(start, end, TimexType::Date, day))
    }

    /// "by year-end", "since year end": the last day of the year in progress
    /// (of the previous one after "since").
    fn year_end_at(&self, j: usize) -> Option<Hit> {
        let end = match self.w(j) {
            "year-end" => j + 1,
            "year" if self.w_in(j + 1, j) == "end" => j + 2,
            _ => return None,
        };
        let back = match self.prev(j) {
            "since" | "after" => -1,
            "by" | "at" | "around" | "before" | "until" | "till" | "through" | "near" => 0,
            _ => return None,
        };
        let v = match self.r {
            Some(r) => format!("{:04}-12-31", r.year() + back),
            None => "XXXX-12-31".into(),
        };
        Some(Hit::new(j, end, TimexType::Date, v))
    }

    /// Whether the word before `j` is a count or amount that "a year" /
    /// "per day" turns into a rate.
    /// Not when an anchor word follows: "$2 million a year ago".
    fn rate_before(&self, j: usize) -> bool {
        let p = self.prev(j);
        let amount = matches!(p, "once" | "twice" | "times" | "million" | "billion" | "thousand" | "percent" | "%")
            || (!p.is_empty() && self.kind(j - 1) == Some(TokenKind::Number));
        amount && !matches!(self.w_in(j + 2, j), "ago" | "earlier" | "later" | "before" | "after" | "hence")
    }

    /// Month-led dates: "February 24", "Feb. 24, 2022", "May 2022", "in May".
    fn month(&self, j: usize, m: u32, abbr: bool) -> Option<Hit> {
        if !self.capitalized(j) {
            return None;
        }
        let mut k = j + 1;
        if abbr && self.w_in(k, j) == "." {
            k += 1;
        }
        if self.same(j, k)
            && let Some(d) = self.dom_at(k)
        {
            let mut end = k + 1;
            let mut year = None;
            if self.w_in(end, j) == ","
                && let Some(y) = self.year_at(end + 1).filter(|_| self.same(j, end + 1))
            {
                year = Some(y);
                end += 2;
            } else if let Some(y) = self.year_at(end).filter(|_| self.same(j, end)) {
                year = Some(y);
                end += 1;
            }
            let year = year.or_else(|| resolve::year_for(self.r, m, self.cue(j, end)));
            let v = resolve::month_day(year, m, Some(d))?;
            return Some(Hit::new(j, end, TimexType::Date, v));
        }
        let (end, y) = self.of_year(k);
        if let Some(y) = y {
            return Some(Hit::new(j, end, TimexType::Date, format!("{y:04}-{m:02}")));
        }
        // "July last year", "February this year"
        if let Some((end, y)) = self.relative_year(k) {
            return Some(Hit::new(j, end, TimexType::Date, resolve::month_day(y, m, None)?));
        }
        if abbr {
            return None;
        }
        let prev = self.prev(j);
        let ambiguous = m == 5 || m == 3;
        if ambiguous && !MONTH_PREP.contains(&prev) {
            return None;
        }
        // "April Ryan" is a name.
        if self.same(j, j + 1) && self.kind(j + 1) == Some(TokenKind::Word) && self.capitalized(j + 1) {
            return None;
        }
        let y = resolve::year_for(self.r, m, self.cue(j, j + 1));
        Some(Hit::new(j, j + 1, TimexType::Date, resolve::month_day(y, m, None)?))
    }

    /// Clock times: "6am", "6 a.m.", "10:30 p.m.", "noon".
    fn clock(&self, j: usize) -> Option<Hit> {
        let w = |d: usize| self.w_in(j + d, j);
        let split_suffix = |s: &str| -> Option<(u32, Option<bool>)> {
            let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            let suf = &s[digits.len()..];
            let pm = match suf {
                "am" | "a.m." => Some(false),
                "pm" | "p.m." => Some(true),
                "" => None,
                _ => return None,
            };
            if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some((digits.parse().ok()?, pm))
        };
        // A clock time begins with a digit: spare other words the parse.
        if !w(0).as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (h, mut pm) = split_suffix(w(0))?;
        let mut k = j + 1;
        let mut min = 0;
        let mut has_min = false;
        if w(1) == ":" && pm.is_none() {
            let (mm, p2) = split_suffix(w(2))?;
            if self.w(j + 2).len() < 2 || mm > 59 {
                return None;
            }
            min = mm;
            has_min = true;
            pm = p2;
            k = j + 3;
        }
        if pm.is_none() {
            match self.w_in(k, j) {
                "am" | "a.m." | "a.m" => {
                    pm = Some(false);
                    k += 1
                }
                "pm" | "p.m." | "p.m" => {
                    pm = Some(true);
                    k += 1
                }
                "o'clock" => k += 1,
                // "4 in the morning", "9 in the evening"
                "in" if self.w_in(k + 1, j) == "the"
                    && matches!(self.w_in(k + 2, j), "morning" | "afternoon" | "evening")
                    && (1..=12).contains(&h) =>
                {
                    pm = Some(self.w_in(k + 2, j) != "morning");
                    k += 3;
                }
                _ if has_min => {}
                _ => return None,
            }
        }
        if h > 24 || (pm.is_some() && !(1..=12).contains(&h)) {
            return None;
        }
        let hh = match pm {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        Some(self.time_on_day(j, k, &format!("{hh:02}:{min:02}")))
    }

    /// A clock time (tokens `j..k`, `hhmm` its TIMEX3 form) with the day
    /// that may follow it: "6 a.m. Thursday", "5 p.m. EST, Nov. 6",
    /// "noon yesterday". Without one, the reference day.
    fn time_on_day(&self, j: usize, mut k: usize, hhmm: &str) -> Hit {
        if ZONES.contains(&self.raw(k)) && self.same(j, k) {
            k += 1;
        }
        let (day, bare) = match self.day_after(k, j) {
            Some((end, day)) => {
                k = end;
                (day, false)
            }
            None => (self.r.map_or("XXXX-XX-XX".to_string(), resolve::day), true),
        };
        Hit { bare_clock: bare, ..Hit::new(j, k, TimexType::Time, format!("{day}T{hhmm}")) }
    }

    /// A day named at `k` (after an optional comma) that pins down a time or
    /// weekday before it: a weekday, "yesterday"/"today"/"tomorrow", or a
    /// calendar date. Returns the end token and the day's value.
    fn day_after(&self, k: usize, anchor: usize) -> Option<(usize, String)> {
        let k = if self.w_in(k, anchor) == "," { k + 1 } else { k };
        if !self.same(anchor, k) {
            return None;
        }
        match self.lex_at(k) {
            Lex::Weekday(wd) => {
                if let Some(d) = self.calendar_date(k + 1) {
                    return Some(d);
                }
                Some((k + 1, resolve::weekday(self.r, wd, self.tense(anchor, k + 1))))
            }
            Lex::DayRef(d) => {
                Some((k + 1, self.r.map_or("XXXX-XX-XX".to_string(), |r| resolve::day(r + Duration::days(d)))))
            }
            _ => self.calendar_date(k),
        }
    }

    /// A full calendar date at `k` (after an optional comma): "Oct. 23",
    /// "April 25, 1998", "25 April". Returns the end token and its value.
    fn calendar_date(&self, k: usize) -> Option<(usize, String)> {
        let k = if self.w_in(k, k.saturating_sub(1)) == "," { k + 1 } else { k };
        if !matches!(self.lex_at(k), Lex::Month(..)) && self.kind(k) != Some(TokenKind::Number) {
            return None;
        }
        let h = self.plain(k)?;
        let full = h.kind == TimexType::Date && h.value.len() == 10 && h.value.as_bytes()[7] == b'-';
        full.then_some((h.end, h.value))
    }

    /// Whether token `j` is a number word ("a", "one", "twenty") that the
    /// next token of its sentence leaves with nothing to begin, so that
    /// [`Scan::plain`] would find nothing there. "a" and "an" are among
    /// the commonest words and most tries at a number word fail, each
    /// running the whole of `plain` in vain. A number word (no digit, no
    /// hyphen, no decade, no holiday) reaches no arm of `plain` but the
    /// spoken years ("nineteen ninety-six"), the rate ("twice a week") and
    /// [`Scan::duration`]: the rate needs a unit next; a duration needs
    /// next a unit, a number ("twenty four hours", "5 1/2 hours"), a vague
    /// amount ("a few days") or a word of [`MORE`] or [`DAY_KINDS`].
    fn idle_count(&self, j: usize) -> bool {
        let tok = &self.toks[j];
        if !matches!(tok.facts.lex, Lex::Num(_)) || tok.facts.holiday || spoken_century(tok.word).is_some() {
            return false;
        }
        if !self.same(j, j + 1) {
            return true;
        }
        let next = &self.toks[j + 1];
        let number = next.kind == TokenKind::Number || next.word.as_bytes().first().is_some_and(u8::is_ascii_digit);
        !(number || next.facts.after_count)
    }

    /// Phrases that need no leading "the".
    fn plain(&self, j: usize) -> Option<Hit> {
        let w0 = self.w(j);
        // Only words that may begin a phrase of their own (no modifier
        // does), and spoken decades after "the", begin one here.
        if w0.is_empty() {
            return None;
        }
        let tok = &self.toks[j];
        if !((tok.start && !tok.facts.modifier) || decade(w0).is_some()) {
            return None;
        }
        if EARLY && self.idle_count(j) {
            return None;
        }
        let w1 = self.w_in(j + 1, j);
        match self.lex_at(j) {
            Lex::Weekday(wd) => {
                // "Friday, Oct. 23": the date says which Friday.
                if let Some((end, v)) = self.calendar_date(j + 1) {
                    return Some(Hit::new(j, end, TimexType::Date, v));
                }
                // "Tuesday nights": every Tuesday night; "Monday and
                // Tuesday nights" too for Monday.
                let coordinated = matches!(w1, "and" | "or") && matches!(self.lex_in(j + 2, j), Lex::Weekday(_));
                let plural = if coordinated { self.w_in(j + 3, j) } else { w1 };
                let code = plural.strip_suffix('s').and_then(|one| match lex(one) {
                    Lex::PartOfDay(code) => Some(code),
                    _ => None,
                });
                if let Some(code) = code {
                    let v = format!("{}T{code}", resolve::weekday_set(wd));
                    let end = if coordinated { j + 1 } else { j + 2 };
                    return Some(Hit::new(j, end, TimexType::Set, v));
                }
                let v = resolve::weekday(self.r, wd, self.tense(j, j + 1));
                return self.with_part_of_day(j, j + 1, v);
            }
            Lex::Month(m, abbr) => return self.month(j, m, abbr),
            // "by mid afternoon", "in the early evening": that part of the
            // reference day.
            Lex::PartOfDay(code) if matches!(self.prev(j), "early" | "mid" | "late") => {
                let d = self.r.map_or("XXXX-XX-XX".to_string(), resolve::day);
                return Some(Hit::new(j, j + 1, TimexType::Time, format!("{d}T{code}")));
            }
            Lex::DayRef(d) => {
                let v = self.r.map_or("XXXX-XX-XX".to_string(), |r| resolve::day(r + Duration::days(d)));
                return self.with_part_of_day(j, j + 1, v);
            }
            Lex::Ref(v) => return Some(Hit::new(j, j + 1, TimexType::Date, v.into())),
            // "quarterly report", "annual meeting": a kind of report or
            // meeting, not a recurrence.
            Lex::SetWord(v)
                if !(matches!(w0, "quarterly" | "annual")
                    && self.same(j, j + 1)
                    && self.kind(j + 1) == Some(TokenKind::Word)) =>
            {
                return Some(Hit::new(j, j + 1, TimexType::Set, v.into()));
            }
            Lex::Season(s) => {
                // "summer 2021", "the winter of nineteen ninety-four"
                if let (end, Some(y)) = self.of_year(j + 1) {
                    let code = resolve::SEASON_CODES[s as usize];
                    return Some(Hit::new(j, end, TimexType::Date, format!("{y:04}-{code}")));
                }
                if matches!(self.prev(j), "the" | "in" | "early" | "late" | "mid") {
                    let v = resolve::season(self.r, s, 0, Some(self.tense(j, j + 1)));
                    return Some(Hit::new(j, j + 1, TimexType::Date, v));
                }
                return None;
            }
            _ if w1 == "quarter" && ordinal(w0).is_some() => {
                let q = ordinal(w0)?;
                return Some(self.quarter_phrase(j, j + 2, q, self.tense(j, j + 2)));
            }
            Lex::Unit(u, true) if matches!(self.prev(j), "for" | "within" | "after" | "than" | "over") => {
                if u == Unit::Weekend {
                    return None;
                }
                let (p, d) = u.designator();
                return Some(Hit::new(j, j + 1, TimexType::Duration, format!("{p}X{d}")));
            }
            _ => {}
        }
        match w0 {
            "tonight" => {
                let d = self.r.map_or("XXXX-XX-XX".to_string(), resolve::day);
                return Some(Hit::new(j, j + 1, TimexType::Time, format!("{d}TNI")));
            }
            "overnight" => {
                let d = self.r.map_or("XXXX-XX-XX".to_string(), resolve::day);
                return Some(Hit::new(j, j + 1, TimexType::Time, format!("{d}TNI")));
            }
            "noon" | "midday" | "midnight" => {
                let t = if w0 == "midnight" { "24:00" } else { "12:00" };
                return Some(self.time_on_day(j, j + 1, t));
            }
            "last" | "this" | "next" | "coming" | "past" | "previous" | "recent" => {
                return self.relative(j);
            }
            // "current realities": the present, unless a period follows.
            "current" => {
                return self.relative(j).or_else(|| {
                    let noun = self.same(j, j + 1) && self.kind(j + 1) == Some(TokenKind::Word);
                    noun.then(|| Hit::new(j, j + 1, TimexType::Date, "PRESENT_REF".into()))
                });
            }
            // "year-earlier results": the same period a year back.
            "year-earlier" | "year-ago" if self.same(j, j + 1) && self.kind(j + 1) == Some(TokenKind::Word) => {
                if let (Some(q), "quarter") = (ordinal(w1), self.w_in(j + 2, j)) {
                    let v = self.r.map_or(format!("XXXX-Q{q}"), |r| format!("{:04}-Q{q}", r.year() - 1));
                    return Some(Hit::new(j, j + 3, TimexType::Date, v));
                }
                let v = if self.quarterly && !self.year_to_date(j) {
                    resolve::reported_quarter(self.r, Tense::Past, 1)
                } else {
                    resolve::shifted(self.r, Unit::Year, -1)
                };
                return Some(Hit::new(j, j + 1, TimexType::Date, v));
            }
            "year-end" | "year" => {
                if let Some(h) = self.year_end_at(j) {
                    return Some(h);
                }
            }
            "that" => return self.anaphor(j, j + 1, 0),
            "these" if w1 == "days" => return Some(Hit::new(j, j + 2, TimexType::Date, "PRESENT_REF".into())),
            w if spoken_century(w).is_some() => {
                if let Some((end, y)) = self.year_words(j) {
                    return Some(Hit::new(j, end, TimexType::Date, format!("{y:04}")));
                }
            }
            "fiscal" => {
                let y = self.year_at(j + 1).filter(|_| self.same(j, j + 1))?;
                return Some(Hit::new(j, j + 2, TimexType::Date, format!("{y:04}")));
            }
            "every" | "each" => {
                let mut k = j + 1;
                if self.w_in(k, j) == "other" {
                    k += 1;
                }
                match self.lex_in(k, j) {
                    Lex::Unit(u, false) => {
                        let (p, d) = u.designator();
                        let n = if k > j + 1 { 2 } else { 1 };
                        return Some(Hit::new(j, k + 1, TimexType::Set, format!("{p}{n}{d}")));
                    }
                    Lex::Weekday(wd) => return Some(Hit::new(j, k + 1, TimexType::Set, resolve::weekday_set(wd))),
                    // "each July", "every spring": that month or season of every year.
                    Lex::Month(m, _) if self.capitalized(k) && k == j + 1 => {
                        return Some(Hit::new(j, k + 1, TimexType::Set, format!("XXXX-{m:02}")));
                    }
                    Lex::Season(s) if k == j + 1 => {
                        let code = resolve::SEASON_CODES[s as usize];
                        return Some(Hit::new(j, k + 1, TimexType::Set, format!("XXXX-{code}")));
                    }
                    _ => {
                        let h = self.duration(k)?;
                        return Some(Hit { start: j, kind: TimexType::Set, ..h });
                    }
                }
            }
            // "twice a week", "$2 million a year": a rate, so a recurrence.
            "a" | "an" | "per" if self.rate_before(j) => {
                if let Lex::Unit(u, false) = self.lex_in(j + 1, j) {
                    let (p, d) = u.designator();
                    return Some(Hit::new(j, j + 2, TimexType::Set, format!("{p}1{d}")));
                }
            }
            _ => {}
        }
        if self.toks[j].facts.holiday
            && self.capitalized(j)
            && let Some(h) = self.holiday(j, j, 0)
        {
            return Some(h);
        }
        // Hyphenated words: "mid-2022", "third-quarter", "two-year".
        if let Some((a, b)) = lexicon::split_hyphen(w0)
            && self.kind(j) == Some(TokenKind::Word)
        {
            if let Some(m) = match a {
                "early" => Some("START"),
                "mid" => Some("MID"),
                "late" => Some("END"),
                _ => None,
            } {
                let v = if let Some(y) = b.parse::<i32>().ok().filter(|y| (1000..=2100).contains(y)) {
                    format!("{y:04}")
                } else if let Lex::Month(m, false) = lex(b) {
                    resolve::month_day(resolve::year_for(self.r, m, self.cue(j, j + 1)), m, None)?
                } else {
                    decade(b)?
                };
                return Some(Hit { modifier: Some(m), ..Hit::new(j, j + 1, TimexType::Date, v) });
            }
            if b == "quarter"
                && let Some(q) = ordinal(a)
            {
                return Some(self.quarter_phrase(j, j + 1, q, self.tense(j, j + 1)));
            }
            if b == "half"
                && let Some(h @ 1..=2) = ordinal(a)
            {
                let v = self.r.map_or(format!("XXXX-H{h}"), |r| format!("{:04}-H{h}", r.year()));
                return Some(Hit::new(j, j + 1, TimexType::Date, v));
            }
            let (lex_a, lex_b) = (lex(a), lex(b));
            if let (Some(n), Lex::Unit(u, false)) = (lexicon::number_of(a, lex_a), lex_b)
                && u != Unit::Weekend
            {
                return Some(Hit::new(j, j + 1, TimexType::Duration, resolve::length(u, n)));
            }
            // "a year-long inquiry", "a several-year tenure"
            match (lex_a, lex_b) {
                (Lex::Unit(u, false), _) if b == "long" && u != Unit::Weekend => {
                    return Some(Hit::new(j, j + 1, TimexType::Duration, resolve::length(u, 1)));
                }
                (Lex::Vague, Lex::Unit(u, false)) if u != Unit::Weekend => {
                    let (p, d) = u.designator();
                    return Some(Hit::new(j, j + 1, TimexType::Duration, format!("{p}X{d}")));
                }
                _ => {}
            }
        }
        // "the 20th century" is the 1900s: TIMEX3 "19".
        if w1 == "century" {
            let digits = w0.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if matches!(&w0[digits.len()..], "st" | "nd" | "rd" | "th")
                && let Ok(n) = digits.parse::<u32>()
                && (2..=21).contains(&n)
            {
                return Some(Hit::new(j, j + 2, TimexType::Date, format!("{:02}", n - 1)));
            }
        }
        // Decades: "1990s", "'90s", "the nineties"; "in his 30s" is an age.
        if let Some(v) = decade(w0)
            && !matches!(self.prev(j), "his" | "her" | "their" | "my" | "your" | "our")
        {
            let start = if matches!(self.prev(j), "'" | "\u{2019}") && w0.len() == 3 { j - 1 } else { j };
            return Some(Hit::new(start, j + 1, TimexType::Date, v));
        }
        if let Some(h) = self.clock(j) {
            return Some(h);
        }
        if let Some(h) = self.duration(j) {
            return Some(h);
        }
        if self.kind(j) == Some(TokenKind::Number) {
            // ISO dates: "2022-02-24", "2022-02".
            let p: Vec<&str> = if w0.contains('-') { w0.split('-').collect() } else { Vec::new() };
            if p.len() >= 2 && p[0].len() == 4 && p.iter().skip(1).all(|x| x.len() == 2) {
                let y = p[0].parse::<i32>().ok()?;
                let m = p[1].parse::<u32>().ok()?;
                let d = p.get(2).and_then(|x| x.parse::<u32>().ok());
                if p.len() > 3 || !(1..=12).contains(&m) {
                    return None;
                }
                return Some(Hit::new(j, j + 1, TimexType::Date, resolve::month_day(Some(y), m, d)?));
            }
            // "April 24 and 25": the second day of the same month.
            if let Some(d) = self.dom_at(j)
                && let Some(v) = self.second_day(j)
            {
                let v = format!("{}-{d:02}", &v[..7]);
                let ok = v.starts_with('X') || NaiveDate::parse_from_str(&v, "%Y-%m-%d").is_ok();
                return ok.then(|| Hit::new(j, j + 1, TimexType::Date, v));
            }
            // Day-led: "24 February 2022".
            if let Some(d) = self.dom_at(j)
                && let Lex::Month(m, abbr) = self.lex_in(j + 1, j)
                && self.capitalized(j + 1)
            {
                let mut end = j + 2;
                if abbr && self.w_in(end, j) == "." {
                    end += 1;
                }
                let year = match self.year_at(end).filter(|_| self.same(j, end)) {
                    Some(y) => {
                        end += 1;
                        Some(y)
                    }
                    None => resolve::year_for(self.r, m, self.cue(j, end)),
                };
                return Some(Hit::new(j, end, TimexType::Date, resolve::month_day(year, m, Some(d))?));
            }
            if let Some(y) = self.year_at(j)
                && let Some(h) = self.quarter_of(j, j + 1, Some(y))
            {
                return Some(h);
            }
            if let Some(y) = self.standalone_year(j) {
                return Some(Hit::new(j, j + 1, TimexType::Date, format!("{y:04}")));
            }
        }
        None
    }
}

impl<const EARLY: bool> Scan<'_, EARLY> {
    /// For a day number at `j` after "and"/"or" ("April 24 and 25"), the
    /// value of the month-led date before the conjunction.
    fn second_day(&self, j: usize) -> Option<String> {
        if !matches!(self.prev(j), "and" | "or") || j < 3 || !self.same(j - 3, j) {
            return None;
        }
        let m = if self.w(j - 3) == "." { j.checked_sub(4)? } else { j - 3 };
        let Lex::Month(mo, abbr) = self.lex_at(m) else { return None };
        let h = self.month(m, mo, abbr)?;
        let full = h.end == j - 1 && h.value.len() == 10 && h.value.as_bytes()[7] == b'-';
        full.then_some(h.value)
    }
}

/// Whether a lower-cased word looks like a regular past form ("reported"):
/// an "-ed" ending, but not "-eed" verbs and nouns ("succeed", "need",
/// "speed", while "agreed" and "freed" are past), "hundred", "indeed", nor
/// hyphenated adjectives ("state-owned", "Seattle-based"). Capitalized
/// words ("United", "Ahmed") are ruled out by the caller.
fn regular_past(w: &str) -> bool {
    if w.len() <= 4 || !w.ends_with("ed") || w.contains('-') {
        return false;
    }
    if w.ends_with("eed") {
        return matches!(w, "agreed" | "disagreed" | "freed" | "guaranteed" | "decreed");
    }
    !matches!(w, "hundred" | "indeed" | "sacred" | "naked" | "wicked" | "kindred" | "hatred")
}

/// "1990s" → "199", "90s" → "199", "2000s" → "200", "the sixties" →
/// "196" (spoken decades before the thirties could be either century).
fn decade(w: &str) -> Option<String> {
    const SPOKEN: [&str; 7] = ["thirtie", "fortie", "fiftie", "sixtie", "seventie", "eightie", "ninetie"];
    let d = w.strip_suffix('s')?;
    if let Some(i) = SPOKEN.iter().position(|&s| s == d) {
        return Some(format!("19{}", i + 3));
    }
    if !d.bytes().all(|b| b.is_ascii_digit()) || !d.ends_with('0') {
        return None;
    }
    match d.len() {
        4 => Some(d[..3].to_string()),
        2 => Some(if d.as_bytes()[0] >= b'2' { format!("19{}", &d[..1]) } else { format!("20{}", &d[..1]) }),
        _ => None,
    }
}

/// The century a spoken year starts with ("nineteen ninety-six").
fn spoken_century(w: &str) -> Option<i32> {
    match w {
        "nineteen" => Some(1900),
        "eighteen" => Some(1800),
        _ => None,
    }
}

/// Whether a (lower-cased) text reports by fiscal quarter: it names one
/// ("the third quarter", "first-quarter", "quarterly") — a bare "quarter"
/// ("a quarter of the vote", "the old quarter") does not count. One pass
/// over the occurrences of "quarter" (found by its rare first letter), each
/// judged by its neighbours. `memchr` passes over the text many bytes at a
/// time between the few `q`s.
fn reports_by_quarter(lower: &str) -> bool {
    const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
    memchr::memchr_iter(b'q', lower.as_bytes()).any(|at| {
        let Some(rest) = lower[at..].strip_prefix("quarter") else { return false };
        rest.starts_with("ly")
            || lower[..at].strip_suffix([' ', '-']).is_some_and(|b| ORDINALS.iter().any(|o| b.ends_with(o)))
    })
}

/// Runs the scan over a document. (Out of line: one call per document,
/// and profiles then show the extractor's cost under its own name.)
#[inline(never)]
pub fn scan(doc: &Document) -> Vec<TimeExpr> {
    scan_with::<true>(doc)
}

/// [`scan`], with the early rejection of [`Scan::idle_count`] on or off.
fn scan_with<const EARLY: bool>(doc: &Document) -> Vec<TimeExpr> {
    let lower = doc.text.to_ascii_lowercase();
    let quarterly = reports_by_quarter(&lower);
    let toks = toks(doc, &lower);
    let s = Scan::<EARLY> { doc, toks, r: doc.date, quarterly };
    s.scan()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The open-addressing table finds every entry at its own facts, and
    /// turns away words it does not hold, however they hash.
    #[test]
    fn word_table_finds_every_entry_and_nothing_else() {
        let words = &*WORDS;
        assert!(words.entries.len() > 100 && words.entries.len() < words.slots.len() / 2);
        for e in &words.entries {
            assert!(std::ptr::eq(words.get(e.word), &e.facts), "{}", e.word);
        }
        for w in ["", "x", "qqqq", "tuesdayy", "mondays-x", "a\0", "the\0\0", &"a".repeat(300)] {
            if !words.entries.iter().any(|e| e.word == w) {
                let f = words.get(w);
                let none = matches!(f.lex, Lex::Other)
                    && f.cue.is_none()
                    && !f.begins
                    && !f.modifier
                    && !f.holiday
                    && !f.after_the
                    && !f.after_count;
                assert!(none, "{w}");
            }
        }
        assert!(words.get("tuesday").begins, "a weekday begins a phrase");
    }

    #[test]
    fn reports_by_quarter_needs_a_named_quarter() {
        for yes in
            ["quarterly", "profits in the third quarter rose", "its first-quarter sales", "q q the fourth quarter"]
        {
            assert!(reports_by_quarter(yes), "{yes}");
        }
        for no in ["", "a quarter of the vote", "the old quarter", "quartet", "the quarter-final"] {
            assert!(!reports_by_quarter(no), "{no}");
        }
    }

    /// A document of `text` (paragraphs apart by blank lines), written on
    /// the day the byte-identity checks use.
    fn document(text: &str) -> Document {
        use crate::document::ParagraphKind;
        let paras: Vec<(&str, ParagraphKind)> =
            text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| (p, ParagraphKind::Body)).collect();
        let mut doc = Document::from_paragraphs(&paras);
        doc.date = NaiveDate::from_ymd_opt(2022, 6, 30);
        doc
    }

    /// How many tries the early rejection turns away in `doc`: tests
    /// that compare the scans with it on and off must exercise it.
    fn idle_counts(doc: &Document) -> usize {
        let lower = doc.text.to_ascii_lowercase();
        let s = Scan::<true> { doc, toks: toks(doc, &lower), r: doc.date, quarterly: false };
        (0..s.n()).filter(|&j| s.idle_count(j)).count()
    }

    /// The early rejection changes nothing on the fixture articles.
    #[test]
    fn early_rejection_keeps_the_fixture_expressions() {
        let files = crate::fixtures::texts(&["wikinews"]);
        assert!(files.len() >= 10, "{} files", files.len());
        let (mut found, mut idle) = (0, 0);
        for path in files {
            let doc = document(&std::fs::read_to_string(&path).unwrap());
            let want = scan_with::<false>(&doc);
            assert_eq!(scan_with::<true>(&doc), want, "{}", path.display());
            found += want.len();
            idle += idle_counts(&doc);
        }
        assert!(found > 50 && idle > 50, "{found} expressions, {idle} rejections");
    }

    /// Words of the date vocabulary, number words and the words that may
    /// follow them foremost, with some that begin nothing.
    const VOCABULARY: &[&str] = &[
        "a",
        "an",
        "A",
        "An",
        "one",
        "two",
        "twenty",
        "four",
        "single",
        "dozen",
        "hundred",
        "nineteen",
        "eighteen",
        "ninety-six",
        "the",
        "The",
        "1",
        "/",
        "2",
        "5",
        "30",
        "2022",
        "1990s",
        "20th",
        "10:30",
        "p.m.",
        "am",
        "o'clock",
        "few",
        "couple",
        "several",
        "some",
        "of",
        "more",
        "additional",
        "extra",
        "further",
        "trading",
        "business",
        "working",
        "calendar",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "quarter",
        "second",
        "weekend",
        "century",
        "ago",
        "earlier",
        "later",
        "before",
        "hence",
        "old",
        "or",
        "so",
        "and",
        "half",
        "last",
        "next",
        "this",
        "that",
        "past",
        "January",
        "May",
        "Monday",
        "Christmas",
        "morning",
        "-",
        "year-ago",
        "two-year",
        "early",
        "mid",
        "per",
        "twice",
        "million",
        "in",
        "for",
        "said",
        "will",
        "man",
        ",",
        ".",
    ];

    proptest::proptest! {
        /// The early rejection changes nothing on sentences made of the
        /// date vocabulary.
        #[test]
        fn early_rejection_keeps_generated_expressions(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 1..24)
        ) {
            let doc = document(&words.join(" "));
            proptest::prop_assert_eq!(scan_with::<true>(&doc), scan_with::<false>(&doc));
        }
    }

    /// Each word of [`AFTER_THE`] leads a phrase after "the" that the
    /// shortcut in [`Scan::core_the`] would lose without it.
    #[test]
    fn words_after_the_lead_their_phrases() {
        use crate::document::ParagraphKind;
        let text = "He left in June 2016. The following month he spoke. Prices may rise in the future and in \
            the near future, or over the short term. Sales matched the corresponding period last year and \
            the same period last year. Net beat the comparable year-ago quarter. Sales in the latest fiscal \
            year fell. It lost money for the full year.";
        let mut doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
        doc.date = NaiveDate::from_ymd_opt(2021, 10, 26);
        let found: Vec<&str> = scan(&doc).iter().map(|t| doc.slice(t.span)).collect();
        for (word, phrase) in [
            ("following", "The following month"),
            ("future", "the future"),
            ("near", "the near future"),
            ("short", "the short term"),
            ("corresponding", "the corresponding period last year"),
            ("same", "the same period last year"),
            ("comparable", "the comparable year-ago quarter"),
            ("latest", "the latest fiscal year"),
            ("full", "the full year"),
        ] {
            assert!(AFTER_THE.contains(&word) && !WORDS.get(word).begins, "{word}");
            assert!(found.contains(&phrase), "{phrase:?} not in {found:?}");
        }
    }
}
