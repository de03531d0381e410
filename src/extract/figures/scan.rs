//! The figure grammar: qualifier, currency, number, range, then what it measures.

use super::lexer::{Lex, LexKind, Shapes, lex, lex_with_starts, lower};
use super::lexicon::{CURRENCIES, Entry, UNITS, currency_code};
use super::numbers::{self, NumParse, is_word, word_at};
use super::object::{modifier_object, object_at, of_object, phrase_at, subset_cue};
use super::relative;
use super::{Conversion, Figure, FigureKind};
use crate::document::{Span, ascii};

/// Qualifier phrases, longest first within a first word.
const QUALIFIERS: &[&str] = &[
    "no more than",
    "no less than",
    "not more than",
    "not less than",
    "no fewer than",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "larger than",
    "bigger than",
    "smaller than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "upwards of",
    "in excess of",
    "close to",
    "just over",
    "just under",
    "well over",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "above",
    "below",
    "exceeding",
    "an estimated",
    "estimated",
];

/// A qualifier and its words after the first ("more than" → ["than"]).
type Phrase = (&'static str, Vec<&'static str>);

/// Qualifiers keyed by their first word, each with its other words, in
/// [`QUALIFIERS`] order (longest first), built once.
static QUALIFIER_PHRASES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Vec<Phrase>>> =
    std::sync::LazyLock::new(|| {
        let mut map: rustc_hash::FxHashMap<&'static str, Vec<_>> = rustc_hash::FxHashMap::default();
        for q in QUALIFIERS {
            let mut words = q.split(' ');
            let first = words.next().unwrap_or(q);
            map.entry(first).or_default().push((*q, words.collect()));
        }
        map
    });

/// The qualifier at `i` ("more than", "about"): the phrase and the index after it.
fn qualifier(s: &str, lx: &[Lex], i: usize) -> Option<(&'static str, usize)> {
    let l = lx.get(i).filter(|l| l.is_word())?;
    qualifier_of(s, lx, i, starter(l.text(s))?.qualifiers)
}

/// The first of `phrases` (the qualifiers of the word at `i`) whose other
/// words follow it: the phrase and the index after it.
fn qualifier_of(s: &str, lx: &[Lex], i: usize, phrases: &[Phrase]) -> Option<(&'static str, usize)> {
    'q: for (q, rest) in phrases {
        for (k, w) in rest.iter().enumerate() {
            if !is_word(s, lx, i + 1 + k, w) {
                continue 'q;
            }
        }
        return Some((q, i + 1 + rest.len()));
    }
    None
}

fn is_month(s: &str, lx: &[Lex], i: usize) -> bool {
    let mut b = [0u8; 32];
    word_at(s, lx, i, &mut b).is_some_and(|w| crate::document::calendar::month_number(w).is_some())
}

/// Time units: a number of them is a duration, which the dates extractor owns.
fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "second"
            | "seconds"
            | "sec"
            | "secs"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "millennium"
            | "millennia"
            | "fortnight"
            | "fortnights"
            | "night"
            | "nights"
            | "weekend"
            | "weekends"
            | "quarter"
            | "quarters"
    )
}

/// Words that may stand capitalized right before a number without making it
/// part of a name ("In 2010", "About 300", "Over 40").
fn is_function_cap(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "in",
        "about",
        "some",
        "over",
        "nearly",
        "almost",
        "more",
        "only",
        "just",
        "at",
        "by",
        "of",
        "since",
        "from",
        "with",
        "to",
        "for",
        "and",
        "but",
        "the",
        "all",
        "around",
        "up",
        "under",
        "roughly",
        "approximately",
        "between",
        "after",
        "before",
        "until",
        "during",
        "on",
        "than",
        "these",
        "those",
        "another",
        "each",
        "least",
        "less",
        "fewer",
        "top",
        "a",
        "an",
        "are",
        "were",
        "was",
        "is",
        "has",
        "have",
        "had",
        "killed",
        "kills",
        "killing",
        "says",
        "said",
        "reports",
        "launches",
        "launched",
        "downs",
        "shoots",
        "hits",
        "as",
        "if",
        "when",
        "while",
        "every",
        "lost",
        "loses",
        "wins",
        "won",
        "takes",
        "took",
        "gets",
        "got",
        "gives",
        "gave",
        "sends",
        "sent",
        "adds",
        "added",
        "plus",
    ];
    WORDS.contains(&w)
}

/// What comes after the number.
enum Tail {
    Money(&'static str, f64),
    Percent(&'static str),
    Unit(String),
    Age(&'static str),
}

/// Step result of the scanner at one position.
enum Step {
    Fig(Box<Figure>, usize),
    Skip(usize),
    No,
}

/// Finds every figure in `text`, in text order, non-overlapping.
pub fn scan(text: &str) -> Vec<Figure> {
    // Read once here rather than behind the lazy lock at every word.
    let shapes = &*SHAPES;
    // Only the lexemes listed in `starts` can pass `could_start`: the others
    // are stepped over unread.
    let (lx, starts) = lex_with_starts(text, shapes);
    let mut out: Vec<Figure> = Vec::new();
    // The next lexeme to read; those before it are inside a figure read.
    let mut i = 0;
    for &c in &starts {
        if c < i {
            continue;
        }
        i = c;
        if !could_start::<true>(text, &lx, i, shapes) {
            continue;
        }
        if let Some((f, next)) = relative::ordinal_at(text, &lx, i) {
            out.push(f);
            i = next;
            continue;
        }
        match figure_at(text, &lx, i, &out) {
            Step::Fig(mut f, next) => {
                i = next.max(i + 1);
                if let Some((conv, end)) = conversion_target(text, &lx, next, &f) {
                    f.converted_to = Some(conv);
                    i = end;
                }
                out.push(*f);
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::No => i += 1,
        }
    }
    out
}

/// Every number the grammar reads, with its span (no qualifier, no unit):
/// what "NumberModel"-style evaluations measure. Ordinals, codes, times and
/// years are left out, as in [`scan`].
pub fn numbers(text: &str) -> Vec<(Span, f64)> {
    let lx = lex(text);
    let shapes = &*SHAPES;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lx.len() {
        if !could_start::<false>(text, &lx, i, shapes) {
            i += 1;
            continue;
        }
        let money =
            i > 0 && lx[i - 1].kind != LexKind::Word && CURRENCIES.longest(text, &lx, i - 1, |_| true).is_some();
        let Some(np) = numbers::parse(text, &lx, i, money) else {
            i += 1;
            continue;
        };
        let first = np.i0;
        // Ratios read as fractions: "1 over three", "one out of three".
        let k = np.i1;
        // "out of" and "in" need a part smaller than the whole ("12 out of 10" is two numbers).
        let (den_at, proper) = if is_word(text, &lx, k, "over") {
            (Some(k + 1), false)
        } else if is_word(text, &lx, k, "out") && is_word(text, &lx, k + 1, "of") {
            (Some(k + 2), true)
        } else if is_word(text, &lx, k, "in") && np.value.fract() == 0.0 && np.value <= 10.0 {
            (Some(k + 1), true)
        } else {
            (None, false)
        };
        if !np.ordinal
            && let Some(d) = den_at
            && let Some(den) = numbers::parse(text, &lx, d, false).filter(|n| {
                n.i0 == d && !n.ordinal && n.value != 0.0 && (!proper || np.value < n.value && n.value <= 1000.0)
            })
        {
            out.push((Span::new(lx[first].start, lx[den.i1 - 1].end), np.value / den.value));
            i = den.i1;
            continue;
        }
        let glued_unit = lx.get(np.i1).is_some_and(|n| n.is_word() && !n.sp)
            || np.i0 >= 1
                && lx[np.i0].kind == LexKind::Num
                && !lx[np.i0].sp
                && lx[np.i0 - 1].is_sym('.')
                && (np.i0 < 2 || lx[np.i0 - 1].sp || lx[np.i0 - 2].kind != LexKind::Num);
        if np.ordinal
            || glued_unit
            || is_code(text, &lx, &np)
            || is_time(text, &lx, np.i1)
            || pronoun_one(text, &lx, &np)
        {
            i = np.i1.max(i + 1);
            continue;
        }
        out.push((Span::new(lx[first].start, lx[np.i1 - 1].end), np.value));
        i = np.i1.max(i + 1);
    }
    out
}

/// Why a word is in [`STARTERS`]. Qualifiers ("in excess of", "at least"),
/// articles ("a hundred") and currencies ("s" of "S$", "us" of "US$", "new"
/// of "New Zealand dollars") start with very common words: those are
/// checked further before the grammar runs; any other role starts it.
const QUALIFIER: u8 = 1;
const ARTICLE: u8 = 2;
const OTHER: u8 = 4;
const CURRENCY: u8 = 8;

/// Every lower-case ASCII word a figure can start with and its roles, in one
/// map so each word costs one lookup: number words, qualifiers, currencies,
/// "M" plus a currency code ("musd"), articles, and the words that open
/// ranges, ages, negatives, percentages and relative ordinals.
static STARTERS: std::sync::LazyLock<rustc_hash::FxHashMap<String, u8>> = std::sync::LazyLock::new(|| {
    let mut map: rustc_hash::FxHashMap<String, u8> = rustc_hash::FxHashMap::default();
    let mut add = |w: &str, role: u8| *map.entry(w.to_string()).or_default() |= role;
    QUALIFIER_PHRASES.keys().for_each(|w| add(w, QUALIFIER));
    numbers::number_words().for_each(|w| add(w, OTHER));
    CURRENCIES.keys().for_each(|w| add(w, CURRENCY));
    // "MUSD"-style millions: `currency_code` reads only lexicon keys.
    for k in CURRENCIES.keys().filter(|k| k.len() == 3 && currency_code(k).is_some()) {
        add(&format!("m{k}"), OTHER);
    }
    ["a", "an"].into_iter().for_each(|w| add(w, ARTICLE));
    for w in ["minus", "negative", "between", "from", "aged", "half", "percent", "per"] {
        add(w, OTHER);
    }
    // Relative ordinals ("the last but one", "the next item").
    for w in ["last", "next", "previous", "current", "penultimate", "antepenultimate"] {
        add(w, OTHER);
    }
    map
});

/// A word of up to 16 ASCII bytes, lower-cased and packed into an integer:
/// a hash key that costs no string compare (words hold no NUL byte, so the
/// zero padding keeps keys distinct). Loaded and lower-cased as one integer,
/// with no loop over the bytes: this runs on every word that passes
/// [`Shapes::may_contain`].
fn packed(w: &[u8]) -> Option<u128> {
    let v = ascii::load_le(w)?;
    (v & ascii::lanes128(0x80) == 0).then(|| ascii::lowercase128(v))
}

/// A starter word's roles (bits of [`QUALIFIER`], [`ARTICLE`], [`OTHER`],
/// [`CURRENCY`]) and the qualifiers it opens, so checking a qualifier costs
/// no second lookup.
struct Starter {
    roles: u8,
    qualifiers: &'static [Phrase],
    /// The second words (lower case) of the currencies written before the
    /// number that this word opens ("$" for "s" of "S$"), or `None` when
    /// one of them is this word alone. Without one of them next, no such
    /// currency matches here: [`currency_pre`] is not run ("’s", "US"
    /// without a dollar sign).
    currency_next: Option<Vec<String>>,
}

/// [`STARTERS`] keyed by [`packed`] words, for the lookup run on every
/// word that passes [`Shapes::may_contain`].
static PACKED_STARTERS: std::sync::LazyLock<rustc_hash::FxHashMap<u128, Starter>> = std::sync::LazyLock::new(|| {
    // Non-ASCII starters (currencies such as "ரூ") are matched by
    // `starts_with_word` itself; every ASCII one must pack, or it would be
    // lost without a word.
    STARTERS
        .iter()
        .filter(|(w, _)| w.is_ascii())
        .map(|(w, &roles)| {
            let qualifiers = QUALIFIER_PHRASES.get(w.as_str()).map_or(&[][..], Vec::as_slice);
            let pre: Vec<&Entry> = CURRENCIES.entries(w).iter().filter(|e| e.class != "post").collect();
            let currency_next =
                pre.iter().all(|e| e.words.len() > 1).then(|| pre.iter().map(|e| e.words[1].clone()).collect());
            (
                packed(w.as_bytes()).expect("ASCII starters fit in 16 bytes"),
                Starter { roles, qualifiers, currency_next },
            )
        })
        .collect()
});

/// The starter `w` (any case), if it is one; `None` for non-ASCII words.
fn starter(w: &str) -> Option<&'static Starter> {
    PACKED_STARTERS.get(&packed(w.as_bytes())?)
}

/// Length of the longest starter ("approximately", "antepenultimate",
/// "seventeenths"): longer words are rejected unread.
static LONGEST_STARTER: std::sync::LazyLock<usize> =
    std::sync::LazyLock::new(|| STARTERS.keys().map(String::len).max().unwrap_or(0));

/// The shapes of the starters and currency words: most words are rejected
/// by one load and a mask, before lower-casing and hashing.
static SHAPES: std::sync::LazyLock<Shapes> =
    std::sync::LazyLock::new(|| Shapes::of(STARTERS.keys().map(String::as_str).chain(CURRENCIES.keys())));

/// Cheap test run on every lexeme: can a figure start at `i`? Keeps the
/// grammar off the vast majority of words. Inlined into the scanning loops:
/// numbers, ASCII symbols and words of no starter's shape are decided here,
/// the rest by [`starts_with_word`] and [`starts_with_symbol`]. With
/// `SHAPE_TESTED` the word's shape is known to pass (a lexeme listed by
/// [`lex_with_starts`]) and is not tested again.
#[inline(always)]
fn could_start<const SHAPE_TESTED: bool>(s: &str, lx: &[Lex], i: usize, shapes: &Shapes) -> bool {
    let l = &lx[i];
    match l.kind {
        LexKind::Num => true,
        LexKind::Sym(c) if c.is_ascii() => c == '-' || c == '$',
        LexKind::Sym(c) => starts_with_symbol(c),
        // No starter has the shape of a word rejected here (a cheap, exact rejection).
        LexKind::Word => {
            (SHAPE_TESTED || shapes.may_contain(&s.as_bytes()[l.start..l.end])) && starts_with_word(s, lx, i)
        }
    }
}

/// A non-ASCII symbol that starts a figure: a minus sign, a vulgar fraction
/// or a currency sign.
fn starts_with_symbol(c: char) -> bool {
    let mut b = [0u8; 4];
    c == '−' || numbers::vulgar(c).is_some() || CURRENCIES.has(c.encode_utf8(&mut b))
}

/// The word at `i` is a starter. A word that is only a qualifier's first
/// word starts a figure only with the whole qualifier, an article ("a",
/// "an") only before a number word ("a hundred", "a fifth"), and a
/// currency's first word only where [`figure_at`] reads a currency before
/// the number (none of those words is a number word, so without the
/// currency no number can start there).
#[inline(never)]
fn starts_with_word(s: &str, lx: &[Lex], i: usize) -> bool {
    let t = lx[i].text(s);
    if t.len() > *LONGEST_STARTER {
        return false;
    }
    // Starters are ASCII: another word can only be a currency ("ரூ").
    let Some(key) = packed(t.as_bytes()) else { return CURRENCIES.has(t) };
    let Some(st) = PACKED_STARTERS.get(&key) else { return false };
    st.roles & OTHER != 0
        || st.roles & QUALIFIER != 0 && qualifier_of(s, lx, i, st.qualifiers).is_some()
        || st.roles & ARTICLE != 0 && {
            let mut b2 = [0u8; 32];
            word_at(s, lx, i + 1, &mut b2).is_some_and(numbers::is_number_word)
        }
        || st.roles & CURRENCY != 0
            && st.currency_next.as_ref().is_none_or(|next| {
                lx.get(i + 1).is_some_and(|m| next.iter().any(|w| m.text(s).eq_ignore_ascii_case(w)))
            })
            && currency_pre(s, lx, i).is_some()
}

/// "The one you mentioned", "that one": a pronoun, not a number.
fn pronoun_one(s: &str, lx: &[Lex], np: &NumParse) -> bool {
    if !(np.words && np.value == 1.0 && np.i1 == np.i0 + 1) {
        return false;
    }
    let mut b = [0u8; 32];
    np.i0 == 0
        || word_at(s, lx, np.i0 - 1, &mut b).is_some_and(|w| {
            matches!(
                w,
                "the"
                    | "that"
                    | "this"
                    | "which"
                    | "each"
                    | "every"
                    | "any"
                    | "no"
                    | "current"
                    | "next"
                    | "last"
                    | "another"
                    | "only"
                    | "one"
                    | "someone"
                    | "anyone"
                    | "everyone"
                    | "no-one"
                    | "little"
            )
        })
}

/// A number glued to letters is part of a name or code: "G7", "F-16",
/// "COVID-19", "site-47", "scp-173m", "777F", "11a".
fn is_code(s: &str, lx: &[Lex], np: &NumParse) -> bool {
    let f = &lx[np.i0];
    if f.kind != LexKind::Num {
        return false;
    }
    if np.i0 >= 1 && !f.sp {
        let p = &lx[np.i0 - 1];
        if p.is_word() {
            return true;
        }
        if (p.is_sym('-') || p.is_sym('_') || p.is_sym('#')) && np.i0 >= 2 && !p.sp {
            let pp = &lx[np.i0 - 2];
            if pp.is_word() || pp.kind == LexKind::Num && pp.end == p.start {
                return true;
            }
        }
    }
    // Trailing letters that no figure reading consumed ("11a", "1990s").
    let _ = s;
    false
}

/// A time of day: "10:30", "6am", "6 p.m.".
fn is_time(s: &str, lx: &[Lex], k: usize) -> bool {
    if lx.get(k).is_some_and(|l| l.is_sym(':') && !l.sp)
        && lx.get(k + 1).is_some_and(|l| l.kind == LexKind::Num && !l.sp)
    {
        return true;
    }
    let mut b = [0u8; 32];
    match word_at(s, lx, k, &mut b) {
        Some("am" | "pm") => true,
        Some("a" | "p") => lx.get(k + 1).is_some_and(|l| l.is_sym('.')) && is_word(s, lx, k + 2, "m"),
        _ => false,
    }
}

fn currency_pre(s: &str, lx: &[Lex], i: usize) -> Option<(&'static str, f64, usize)> {
    let l = lx.get(i)?;
    if l.is_word() {
        let t = l.text(s);
        if t.len() == 4
            && (t.starts_with('M') || t.starts_with('m'))
            && let Some(c) = currency_code(&t[1..])
        {
            return Some((c, 1e6, i + 1));
        }
    }
    let (e, end) = CURRENCIES.longest(s, lx, i, |e| e.class != "post")?;
    // "S$" and "R$" only glued: a spaced "s $" is a possessive before a dollar sign.
    if e.words.len() > 1 && e.words[0].len() == 1 && e.words[0] != "c" && lx[i + 1].sp {
        return None;
    }
    // Codes written as words must be followed by a number.
    let code = static_code(&e.canon)?;
    // A spaced symbol must be followed by a number: checked by the caller.
    Some((code, 1.0, end))
}

fn static_code(c: &str) -> Option<&'static str> {
    const ALL: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW", "ILS",
        "SEK", "NOK", "DKK", "PLN", "BRL", "MXN", "ZAR", "SAR", "AED", "BTC", "TRY", "TWD", "NLG", "NGN", "PHP", "VND",
        "LAK", "GEL", "LKR",
    ];
    ALL.iter().copied().find(|x| *x == c)
}

fn currency_post<'a>(s: &str, lx: &[Lex], k: usize) -> Option<(&'a Entry, usize)>
where
    'static: 'a,
{
    let (e, end) = CURRENCIES.longest(s, lx, k, |e| e.class != "pre")?;
    // "1 $10": the sign belongs to the number after it.
    if lx[k].kind != LexKind::Word && lx.get(end).is_some_and(|n| n.kind == LexKind::Num && !n.sp) {
        return None;
    }
    Some((e, end))
}

fn unit_at(s: &str, lx: &[Lex], k: usize) -> Option<(&'static Entry, usize)> {
    let l = lx.get(k)?;
    let (e, end) = UNITS.longest(s, lx, k, |_| true)?;
    let t = l.text(s);
    // A double quote is an inch mark only spaced and before a word
    // ('10 " long'); glued it closes a quotation ("English 101").
    if e.words[0] == "\"" && !(l.sp && lx.get(end).is_some_and(|n| n.is_word())) {
        return None;
    }
    if e.words.len() == 1 && e.words[0].chars().count() == 1 && e.words[0] != "°" && e.words[0] != "\"" {
        // Single letters: glued ("1.8m", "5g"), or spaced with nothing
        // word-like after; "C"/"F" only in capitals.
        if matches!(e.words[0].as_str(), "c" | "f") && !t.chars().all(char::is_uppercase) {
            return None;
        }
        if l.sp && lx.get(end).is_some_and(|n| n.is_word() && n.sp && !s[lx[end - 1].end..n.start].contains('\n')) {
            return None;
        }
        // Glued on: "m212", "L-202", "C.P.I.": a code or an abbreviation.
        if let Some(n) = lx.get(end)
            && !n.sp
        {
            let word_like = n.is_word() || n.kind == LexKind::Num || n.is_sym('-');
            let abbrev = n.is_sym('.') && lx.get(end + 1).is_some_and(|m| !m.sp && m.is_word());
            if word_like || abbrev {
                return None;
            }
        }
        // "777F", "13F": a capital C or F reads as a temperature only spaced.
        if matches!(e.words[0].as_str(), "c" | "f") && !l.sp {
            return None;
        }
    }
    Some((e, end))
}

/// "convert 10 celsius to fahrenheit": a temperature unit named without a
/// number after "to"/"into"/"in", right after a temperature in another
/// unit, is what that temperature is converted to. Returns it and its end.
fn conversion_target(s: &str, lx: &[Lex], k: usize, from: &Figure) -> Option<(Conversion, usize)> {
    if from.kind != FigureKind::Quantity {
        return None;
    }
    let from_unit = from.unit.as_deref()?;
    if !["to", "into", "in"].iter().any(|w| is_word(s, lx, k, w)) {
        return None;
    }
    let (e, end) = unit_at(s, lx, k + 1)?;
    // A bare "30 degrees" is a temperature too when converted.
    let from_temp = from_unit == "degree" || is_temperature(from_unit);
    if e.class != "temp" || !from_temp || e.canon == from_unit {
        return None;
    }
    // "to 10 C": a number after it makes a figure of its own.
    if lx.get(end).is_some_and(|l| l.kind == LexKind::Num) {
        return None;
    }
    Some((Conversion { span: Span::new(lx[k + 1].start, lx[end - 1].end), unit: e.canon.clone() }, end))
}

/// A closing quotation mark glued to the figure before it at `k`, with an
/// opening mark glued to the figure's start: the figure is quoted alone.
/// `i` is the figure's first lexeme, `k` the one after its number.
fn quoted_alone(s: &str, lx: &[Lex], i: usize, k: usize) -> bool {
    let is = |l: &Lex, marks: &[&str]| marks.contains(&l.text(s));
    i >= 1
        && !lx[i].sp
        && is(&lx[i - 1], &["“", "\"", "‘", "«"])
        && lx.get(k).is_some_and(|l| !l.sp && is(l, &["”", "\"", "’", "»"]))
}

/// A superlative right after an ordinal at `k` ("largest", "-biggest",
/// "most populous"): the index after it.
fn superlative_at(s: &str, lx: &[Lex], k: usize) -> Option<usize> {
    let glued = lx.get(k).is_some_and(|l| l.is_sym('-') && !l.sp);
    let w = if glued { k + 1 } else { k };
    let l = lx.get(w).filter(|l| l.is_word() && l.sp != glued)?;
    let mut b = [0u8; 32];
    let t = lower(l.text(s), &mut b)?;
    if matches!(t, "most" | "least") {
        let n = lx.get(w + 1).filter(|n| n.is_word() && n.sp)?;
        return n.text(s).chars().all(|c| c.is_ascii_lowercase()).then_some(w + 2);
    }
    // Words in -est that are no superlatives.
    const NOT: &[&str] = &[
        "arrest",
        "attest",
        "behest",
        "chest",
        "conquest",
        "contest",
        "crest",
        "detest",
        "digest",
        "earnest",
        "forest",
        "guest",
        "harvest",
        "honest",
        "inquest",
        "interest",
        "invest",
        "manifest",
        "midwest",
        "modest",
        "nest",
        "northwest",
        "pest",
        "priest",
        "protest",
        "quest",
        "request",
        "rest",
        "southwest",
        "suggest",
        "test",
        "unrest",
        "vest",
        "west",
        "zest",
    ];
    (t.len() > 4 && t.ends_with("est") && !NOT.contains(&t) || t == "best").then_some(w + 1)
}

/// Canonical temperature units: those of the `temp` rows of
/// `data/figures/units.tsv`, so a unit added there needs no code change.
pub fn is_temperature(canon: &str) -> bool {
    super::lexicon::UNITS.canon_in_class(canon, "temp")
}

/// A percent sign or word at `k` ("%", "per cent", "percentage points"):
/// the unit and the end.
fn percent_at(s: &str, lx: &[Lex], k: usize) -> Option<(&'static str, usize)> {
    if lx.get(k).is_some_and(|l| l.is_sym('%') || l.is_sym('٪')) {
        return Some(("percent", k + 1));
    }
    let mut b = [0u8; 32];
    match word_at(s, lx, k, &mut b)? {
        "percent" | "percents" | "pct" | "pc" => Some(("percent", k + 1)),
        "per" if is_word(s, lx, k + 1, "cent") => Some(("percent", k + 2)),
        "percentage" if is_word(s, lx, k + 1, "point") || is_word(s, lx, k + 1, "points") => {
            Some(("percentage point", k + 2))
        }
        _ => None,
    }
}

/// The second half of a range whose unit is written on both ends, at `k`
/// right after the first unit: "to 50 mg", "- 10%", "and 10%" (after
/// "between"). Returns the high value and the end.
fn repeated_unit_range(s: &str, lx: &[Lex], k: usize, tail: Option<&Tail>, between: bool) -> Option<(f64, usize)> {
    let dash =
        lx.get(k).is_some_and(|l| (l.is_sym('-') || l.is_sym('–')) && lx.get(k + 1).is_some_and(|m| m.sp == l.sp));
    if !(dash || is_word(s, lx, k, "to") || between && is_word(s, lx, k, "and")) {
        return None;
    }
    let np = numbers::parse(s, lx, k + 1, false).filter(|n| n.i0 == k + 1 && !n.ordinal && !n.bare_fraction)?;
    let end = match tail? {
        Tail::Percent(u) => percent_at(s, lx, np.i1).filter(|(u2, _)| u2 == u)?.1,
        Tail::Unit(u) => unit_at(s, lx, np.i1).filter(|(e, _)| e.canon == *u)?.1,
        _ => return None,
    };
    Some((np.value, end))
}

/// A verb of change before a figure: "rose 0.3% to 2.1%" is a change and a
/// level, not a range.
fn change_cue(s: &str, lx: &[Lex], p: usize) -> bool {
    let mut b = [0u8; 32];
    word_at(s, lx, p, &mut b).is_some_and(|w| {
        matches!(
            w,
            "rose"
                | "rise"
                | "rises"
                | "rising"
                | "fell"
                | "fall"
                | "falls"
                | "falling"
                | "grew"
                | "grow"
                | "grows"
                | "increased"
                | "increases"
                | "decreased"
                | "decreases"
                | "dropped"
                | "drops"
                | "climbed"
                | "climbs"
                | "jumped"
                | "jumps"
                | "slipped"
                | "gained"
                | "gains"
                | "lost"
                | "declined"
                | "surged"
                | "slumped"
                | "up"
                | "down"
                | "by"
        )
    })
}

/// Nouns after "N degree(s)" that make it an angle ("45 degrees angle",
/// "a 180-degree turn"), so the bare "degree" is not read as a temperature.
fn angle_noun(s: &str, lx: &[Lex], k: usize) -> bool {
    let k = if lx.get(k).is_some_and(|l| l.is_sym('-')) { k + 1 } else { k };
    let mut b = [0u8; 32];
    matches!(
        word_at(s, lx, k, &mut b),
        Some(
            "angle"
                | "angles"
                | "turn"
                | "turns"
                | "rotation"
                | "rotations"
                | "arc"
                | "bend"
                | "slope"
                | "incline"
                | "tilt"
                | "pitch"
                | "bank"
                | "heading"
                | "bearing"
                | "view"
                | "swing"
                | "shift"
        )
    )
}

/// "percent of 10", "per cent of twenty-two": a percentage named first.
fn percent_first(s: &str, lx: &[Lex], i: usize) -> Step {
    let k = if is_word(s, lx, i, "percent") {
        i + 1
    } else if is_word(s, lx, i, "per") && is_word(s, lx, i + 1, "cent") {
        i + 2
    } else {
        return Step::No;
    };
    if !is_word(s, lx, k, "of") {
        return Step::No;
    }
    match numbers::parse(s, lx, k + 1, false) {
        Some(np) if np.i0 == k + 1 && !np.ordinal && !np.bare_fraction => Step::Fig(
            Box::new(Figure {
                span: Span::new(lx[i].start, lx[np.i1 - 1].end),
                kind: FigureKind::Percent,
                value: np.value,
                value_max: None,
                unit: Some("percent".into()),
                object: None,
                qualifier: None,
                relative_to: None,
                converted_to: None,
            }),
            np.i1,
        ),
        _ => Step::No,
    }
}

fn figure_at(s: &str, lx: &[Lex], i: usize, prev: &[Figure]) -> Step {
    if (i == 0 || lx[i - 1].kind != LexKind::Num && !is_word(s, lx, i - 1, "a"))
        && let Step::Fig(f, e) = percent_first(s, lx, i)
    {
        return Step::Fig(f, e);
    }
    let mut j = i;
    let mut qual: Option<&'static str> = None;
    if let Some((q, e)) = qualifier(s, lx, j) {
        qual = Some(q);
        j = e;
    }
    let mut between = false;
    if qual.is_none() && (is_word(s, lx, j, "between") || is_word(s, lx, j, "from")) {
        between = is_word(s, lx, j, "between");
        j += 1;
    }
    let aged = is_word(s, lx, j, "aged");
    if aged {
        j += 1;
    }
    // Currency before the number.
    let mut cur: Option<(&'static str, f64)> = None;
    if let Some((code, mult, e)) = currency_pre(s, lx, j)
        && lx.get(e).is_some_and(|n| {
            n.kind == LexKind::Num || n.is_word() && numbers::is_number_word(&n.text(s).to_ascii_lowercase())
        })
    {
        cur = Some((code, mult));
        j = e;
    }
    let Some(np) = numbers::parse(s, lx, j, cur.is_some()) else {
        return Step::No;
    };
    if j != i && (between || qual.is_some() || aged) && np.i0 != j {
        return Step::No;
    }
    let mut start = lx[i].start;
    let mut k = np.i1;
    if cur.is_none() && is_code(s, lx, &np) {
        // Skip the whole code (and a glued tail: "F-16s").
        let mut e = k;
        while lx.get(e).is_some_and(|l| !l.sp && (l.is_word() || l.kind == LexKind::Num)) {
            e += 1;
        }
        return Step::Skip(e);
    }
    if is_time(s, lx, k) {
        return Step::Skip(k + 1);
    }
    let first = &lx[np.i0];
    let plain_int = first.kind == LexKind::Num && first.plain && np.i1 == np.i0 + 1 && !np.ordinal;
    // A day of the month after or before a month name.
    if cur.is_none() && first.kind == LexKind::Num && first.plain && first.value <= 31.0 {
        let before = np.i0 >= 1
            && (is_month(s, lx, np.i0 - 1) || np.i0 >= 2 && lx[np.i0 - 1].is_sym('.') && is_month(s, lx, np.i0 - 2));
        let after = is_month(s, lx, np.i1) || (np.ordinal && is_word(s, lx, np.i1, "of") && is_month(s, lx, np.i1 + 1));
        if before || after {
            return Step::Skip(np.i1);
        }
    }
    let mult = cur.map_or(1.0, |c| c.1);
    let mut value = np.value * mult;
    let mut vmax: Option<f64> = None;
    let mut last_end = lx[np.i1 - 1].end;

    // Ordinals.
    if np.ordinal {
        if qual.is_some() || cur.is_some() {
            return Step::No;
        }
        // A rank among superlatives: "the second largest economy", "the
        // third-biggest bank", "the fifth most populous state".
        let sup = superlative_at(s, lx, k);
        let mut k = k;
        if let Some(e) = sup {
            k = e;
            last_end = lx[e - 1].end;
        }
        // "11th-hour": an idiom, not a rank.
        if sup.is_none() && lx.get(k).is_some_and(|l| l.is_sym('-') && !l.sp) {
            return Step::Skip(k + 2);
        }
        // Bare "second" is a time unit unless a determiner precedes.
        let mut b = [0u8; 32];
        if np.words && np.i1 == np.i0 + 1 {
            let w = word_at(s, lx, np.i0, &mut b).unwrap_or("");
            if w == "second" {
                let mut b2 = [0u8; 32];
                let p = if np.i0 > 0 { word_at(s, lx, np.i0 - 1, &mut b2).unwrap_or("") } else { "" };
                // "the world's second": a possessive determines it too.
                let possessive = p == "s" && np.i0 >= 2 && matches!(lx[np.i0 - 2].text(s), "'" | "’");
                let det = matches!(p, "the" | "a" | "its" | "his" | "her" | "their" | "our" | "my" | "for");
                if !det && !possessive && sup.is_none() {
                    return Step::No;
                }
            }
        }
        let object = phrase_at(s, lx, k);
        return Step::Fig(
            Box::new(Figure {
                span: Span::new(lx[np.i0].start, last_end),
                kind: FigureKind::Ordinal,
                value: np.value,
                value_max: None,
                unit: None,
                object,
                qualifier: None,
                relative_to: None,
                converted_to: None,
            }),
            k,
        );
    }

    // Ranges: "200,000 to 300,000", "36-40", "between 5 and 10", "$5-$10 million".
    {
        let sep = lx.get(k).is_some_and(|l| {
            (l.is_sym('-') || l.is_sym('–') || l.is_sym('—')) && lx.get(k + 1).is_some_and(|m| m.sp == l.sp)
        }) || is_word(s, lx, k, "to")
            || is_word(s, lx, k, "through")
            || (between && is_word(s, lx, k, "and"));
        if sep {
            let mut k2 = k + 1;
            if cur.is_some()
                && let Some((_, _, e)) = currency_pre(s, lx, k2)
            {
                k2 = e;
            }
            let glued = lx[k].is_sym('-') && !lx[k].sp && lx.get(k + 1).is_some_and(|l| !l.sp);
            if let Some(np2) = numbers::parse(s, lx, k2, cur.is_some())
                && !np2.ordinal
                && np2.i0 == k2
                && !np2.bare_fraction
            {
                let hi = np2.value * mult;
                let mut lo = value;
                if np2.scaled && !np.scaled && np2.scale > 1.0 && lo * np2.scale <= hi {
                    lo *= np2.scale;
                }
                if hi > lo {
                    value = lo;
                    vmax = Some(hi);
                    k = np2.i1;
                    last_end = lx[k - 1].end;
                } else if glued && plain_int && lx[k2].plain && cur.is_none() {
                    // "2-1", "1995-01": a score or a date, not a range.
                    return Step::Skip(np2.i1);
                }
            }
        }
    }

    // Trailing qualifiers: "500 or more", "50 or fewer people".
    if qual.is_none() && vmax.is_none() && (is_word(s, lx, k, "or") || is_word(s, lx, k, "and")) {
        let mut bq = [0u8; 32];
        if let Some(w) = word_at(s, lx, k + 1, &mut bq) {
            let q = match (is_word(s, lx, k, "or"), w) {
                (_, "more") => Some("or more"),
                (true, "less") => Some("or less"),
                (true, "fewer") => Some("or fewer"),
                (true, "above") => Some("or more"),
                _ => None,
            };
            if let Some(q) = q
                && !is_word(s, lx, k + 2, "than")
            {
                qual = Some(q);
                k += 2;
                last_end = lx[k - 1].end;
            }
        }
    }
    if vmax.is_none() && (between || is_word(s, lx, i, "from")) && qual.is_none() {
        // "between"/"from" belong to a range only.
        start = lx[i + 1].start;
    }

    // What the number measures.
    let mut tail: Option<Tail> = None;
    if let Some((code, _)) = cur {
        tail = Some(Tail::Money(code, 1.0));
        // A redundant currency word after ("$10 dollars") is not consumed; a
        // scale after a code is ("US$ 75 million" is parsed by numbers).
    } else if let Some((u, e)) = percent_at(s, lx, k) {
        tail = Some(Tail::Percent(u));
        k = e;
    }
    if tail.is_none() {
        // Money after the number: "one billion pounds", "450,000 yen", "115USD", "30 MUSD".
        let t = lx.get(k).map(|l| l.text(s)).unwrap_or("");
        if lx.get(k).is_some_and(|l| l.is_word())
            && t.len() == 4
            && (t.starts_with('M') || t.starts_with('m'))
            && t[1..].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_lowercase())
            && let Some(c) = currency_code(&t[1..])
            && (t[1..].chars().all(|c| c.is_ascii_uppercase()) || t.chars().all(|c| c.is_ascii_lowercase()))
        {
            tail = Some(Tail::Money(c, 1e6));
            k += 1;
        }
        if tail.is_none() {
            let mut bb = [0u8; 32];
            let w = word_at(s, lx, k, &mut bb).unwrap_or("");
            if (w == "pound" || w == "pounds") && !np.scaled && !is_word(s, lx, k + 1, "sterling") {
                // A weight, not sterling: "two pounds", "200 pounds".
            } else if w == "pound" || w == "pounds" {
                tail = Some(Tail::Money("GBP", 1.0));
                k += if is_word(s, lx, k + 1, "sterling") { 2 } else { 1 };
            } else if let Some((e, end)) = currency_post(s, lx, k).or_else(|| {
                // A compound modifier: "a 4bn-euro hole", "a 100-dollar bill".
                let glued = lx.get(k).is_some_and(|h| h.is_sym('-') && !h.sp)
                    && lx.get(k + 1).is_some_and(|w| w.is_word() && !w.sp);
                // A lower-case code is a word there ("a six-try win").
                let code_like = |e: &Entry| {
                    e.words.len() == 1 && e.words[0].len() == 3 && e.canon.eq_ignore_ascii_case(&e.words[0])
                };
                if glued { currency_post(s, lx, k + 1).filter(|(e, _)| !code_like(e)) } else { None }
            }) && let Some(code) = static_code(&e.canon)
            {
                let div = if matches!(e.words[0].as_str(), "cent" | "cents" | "pence" | "penny") { 0.01 } else { 1.0 };
                let mut m = div;
                let mut end = end;
                // "75 USD million"
                let mut b3 = [0u8; 32];
                if let Some(sw) = word_at(s, lx, end, &mut b3) {
                    let sc = match sw {
                        "million" | "mn" => 1e6,
                        "billion" | "bn" => 1e9,
                        "trillion" => 1e12,
                        _ => 1.0,
                    };
                    if sc > 1.0 {
                        m *= sc;
                        end += 1;
                    }
                }
                tail = Some(Tail::Money(code, m));
                k = end;
            }
        }
    }
    if tail.is_none() {
        // Ages: "70-year-old", "29 years old", "6 weeks of age", "87 yo", "aged 45".
        let hy = lx.get(k).is_some_and(|l| l.is_sym('-') && !l.sp);
        let u = if hy { k + 1 } else { k };
        let mut bb = [0u8; 32];
        let unit = match word_at(s, lx, u, &mut bb) {
            Some("year" | "years") => Some("year"),
            Some("month" | "months") => Some("month"),
            Some("week" | "weeks") => Some("week"),
            Some("day" | "days") => Some("day"),
            _ => None,
        };
        if let Some(unit) = unit {
            let mut e = u + 1;
            if lx.get(e).is_some_and(|l| l.is_sym('-')) {
                e += 1;
            }
            if is_word(s, lx, e, "old") {
                tail = Some(Tail::Age(unit));
                k = e + 1;
            } else if is_word(s, lx, e, "of") && is_word(s, lx, e + 1, "age") {
                tail = Some(Tail::Age(unit));
                k = e + 2;
            }
        } else if is_word(s, lx, k, "yo")
            || is_word(s, lx, k, "y") && lx.get(k + 1).is_some_and(|l| l.is_sym('/')) && is_word(s, lx, k + 2, "o")
        {
            let yo = is_word(s, lx, k, "yo");
            tail = Some(Tail::Age("year"));
            k += if yo { 1 } else { 3 };
        }
        if tail.is_none() && aged {
            tail = Some(Tail::Age("year"));
        }
    }
    if tail.is_none() {
        // Units: "7,000 tonnes", "3-inch", "1.8m", "20 (kg)", "188 miles an hour".
        let hy = lx.get(k).is_some_and(|l| l.is_sym('-') && !l.sp) && lx.get(k + 1).is_some_and(|l| !l.sp);
        let br = lx.get(k).is_some_and(|l| l.is_sym('(') || l.is_sym('['));
        let u = if hy || br { k + 1 } else { k };
        let mut bb = [0u8; 32];
        let w = word_at(s, lx, u, &mut bb).unwrap_or("");
        if is_time_unit(w) {
            // A duration ("15 years", "two-year conflict"): the dates extractor's.
            return Step::Skip(u + 1);
        }
        if let Some((e, end)) = unit_at(s, lx, u) {
            let single_after_hyphen = hy && e.words[0].chars().count() <= 2 && e.words.len() == 1;
            let mut end = end;
            let ok_br = if br {
                let close = lx.get(end).is_some_and(|l| l.is_sym(')') || l.is_sym(']'));
                if close {
                    end += 1;
                }
                close
            } else {
                true
            };
            if !single_after_hyphen && ok_br && (w != "in" || hy) {
                // "a 45 degrees angle", "a 180-degree turn": an angle, not a
                // temperature, when the next word names a turn or an angle.
                let canon = if e.canon == "degree" && angle_noun(s, lx, end) {
                    "degree of arc".to_string()
                } else {
                    e.canon.clone()
                };
                tail = Some(Tail::Unit(canon));
                k = end;
                // "5 ft 2 in", "5 feet and 2 inches".
                if e.canon == "foot" && vmax.is_none() {
                    let a = if is_word(s, lx, k, "and") { k + 1 } else { k };
                    if let Some(n2) = lx.get(a).filter(|n| n.kind == LexKind::Num && n.value < 12.0) {
                        let mut bb = [0u8; 32];
                        if matches!(word_at(s, lx, a + 1, &mut bb), Some("in" | "inch" | "inches")) {
                            value += n2.value / 12.0;
                            k = a + 2;
                        }
                    }
                }
            }
        }
    }
    // "44 mg to 50 mg", "between 5% and 10%": a range with its unit written twice.
    if vmax.is_none()
        && qual.is_none()
        && !is_word(s, lx, i, "from")
        && let Some((hi, end)) = repeated_unit_range(s, lx, k, tail.as_ref(), between)
        && hi > value
        // Checked last: the verb test costs more than the rare range.
        && !(i >= 1 && change_cue(s, lx, i - 1))
    {
        vmax = Some(hi);
        k = end;
        start = lx[i].start;
    }
    if tail.is_none() && cur.is_none() {
        // Glued letters nobody read: a code ("11a", "1990s", "13F").
        if lx.get(k).is_some_and(|l| l.is_word() && !l.sp) && first.kind == LexKind::Num {
            let mut e = k;
            while lx.get(e).is_some_and(|l| !l.sp && (l.is_word() || l.kind == LexKind::Num)) {
                e += 1;
            }
            return Step::Skip(e);
        }
    }
    if k > np.i1 {
        last_end = lx[k - 1].end;
    }
    let (kind, unit, object, end, next) = match tail {
        Some(Tail::Money(code, m)) => {
            value *= m;
            vmax = vmax.map(|v| v * m);
            // Cents after the units: "3 dollars 50 cents", "15 dollars and 50".
            if k > np.i1 && vmax.is_none() && value.fract() == 0.0 && m == 1.0 {
                let a = if is_word(s, lx, k, "and") { k + 1 } else { k };
                if let Some(c) = numbers::parse(s, lx, a, false)
                    .filter(|c| c.i0 == a && !c.ordinal && c.value < 100.0 && c.value.fract() == 0.0 && c.value >= 1.0)
                {
                    let mut bb = [0u8; 32];
                    let after = word_at(s, lx, c.i1, &mut bb).map(str::to_string);
                    let cents = matches!(after.as_deref(), Some("cent" | "cents"));
                    let bare = lx.get(c.i1).is_none_or(|n| !n.is_word() && n.kind != LexKind::Num);
                    if cents || bare {
                        value += c.value / 100.0;
                        k = if cents { c.i1 + 1 } else { c.i1 };
                        last_end = lx[k - 1].end;
                    }
                }
            }
            (FigureKind::Money, Some(code.to_string()), None, last_end, k)
        }
        Some(Tail::Percent(u)) => (FigureKind::Percent, Some(u.to_string()), None, last_end, k),
        Some(Tail::Unit(u)) => (FigureKind::Quantity, Some(u), of_object(s, lx, k), last_end, k),
        Some(Tail::Age(u)) => {
            let object = phrase_at(s, lx, k);
            (FigureKind::Age, Some(u.to_string()), object, last_end, k)
        }
        None => {
            // A count, or a bare number.
            if pronoun_one(s, lx, &np) {
                return Step::No;
            }
            // "a trillionth", "half": a fraction of nothing named; its words
            // are not read again ("trillionth" is no rank here).
            if np.bare_fraction {
                return Step::Skip(np.i1);
            }
            let obj = object_at(s, lx, k, value).or_else(|| modifier_object(s, lx, k, value));
            // Years: a plain 1800–2100 integer counting nothing.
            // Earlier years need a date preposition ("in 1620"); a range of
            // years ("from 2015 to 2017") is a date range.
            let four = plain_int && first.end - first.start == 4 && obj.is_none();
            // Read only for a four-digit number outside 1800–2100.
            let date_prep = || {
                np.i0 >= 1
                    && ["in", "since", "by", "from", "until", "of", "before", "after", "during", "between", "circa"]
                        .iter()
                        .any(|w| is_word(s, lx, np.i0 - 1, w))
            };
            let yearish = |v: f64| (1800.0..=2100.0).contains(&v) || (1000.0..=2100.0).contains(&v) && date_prep();
            if four && yearish(first.value) && vmax.is_none_or(|m| m.fract() == 0.0 && (1000.0..=2100.0).contains(&m)) {
                return Step::Skip(k);
            }
            // "0030": a clock time or a code, not an amount.
            if plain_int && first.end - first.start >= 2 && s.as_bytes()[first.start] == b'0' {
                return Step::Skip(k);
            }
            // Names: "Power of Siberia 2", "Section 230", "Apollo 11".
            if plain_int && first.value < 1000.0 && np.i0 >= 1 && lx[np.i0].sp && qual.is_none() && obj.is_none() {
                let p = &lx[np.i0 - 1];
                if p.is_word() && p.text(s).chars().next().is_some_and(char::is_uppercase) {
                    let mut b4 = [0u8; 32];
                    let pw = lower(p.text(s), &mut b4).unwrap_or("");
                    if !is_function_cap(pw) && !is_month(s, lx, np.i0 - 1) {
                        return Step::Skip(k);
                    }
                }
            }
            // A figure quoted on its own counts what follows the closing
            // mark (held “more than 6,000” prisoners); the span stays inside it.
            let quoted = if obj.is_none() && quoted_alone(s, lx, i, k) {
                object_at(s, lx, k + 1, value).map(|(o, e)| (o, e, last_end))
            } else {
                None
            };
            if let Some((o, oend, end)) = quoted {
                return Step::Fig(
                    Box::new(Figure {
                        span: Span::new(start, end),
                        kind: FigureKind::Count,
                        value,
                        value_max: vmax,
                        unit: None,
                        object: Some(o),
                        qualifier: qual.map(str::to_string),
                        relative_to: None,
                        converted_to: None,
                    }),
                    oend,
                );
            }
            match obj {
                Some((o, oend)) => (FigureKind::Count, None, Some(o), lx[oend - 1].end, oend),
                None => {
                    if np.words && value == 1.0 && vmax.is_none() {
                        return Step::No;
                    }
                    // "144 soldiers, including 95": the subset counts the same thing.
                    let inherited = if subset_cue(s, lx, i) {
                        prev.last()
                            .filter(|f| {
                                f.kind == FigureKind::Count
                                    && f.span.end <= start
                                    && start - f.span.end < 40
                                    && !s[f.span.end..start].contains(['.', '\n'])
                            })
                            .and_then(|f| f.object.clone())
                    } else {
                        None
                    };
                    match inherited {
                        Some(o) => (FigureKind::Count, None, Some(o), last_end, k),
                        None => (FigureKind::Number, None, None, last_end, k),
                    }
                }
            }
        }
    };
    Step::Fig(
        Box::new(Figure {
            span: Span::new(start, end),
            kind,
            value,
            value_max: vmax,
            unit,
            object,
            qualifier: qual.map(str::to_string),
            relative_to: None,
            converted_to: None,
        }),
        next,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The scanner reads only the listed lexemes: every lexeme that can
        /// start a figure must be listed, and the lexemes must be [`lex`]'s.
        #[test]
        fn every_lexeme_that_can_start_a_figure_is_listed(
            s in "([a-zA-Z]{1,6}|a|an|two|some|more than|in excess of|us|s|m[a-z]{3}|[0-9]{1,4}|[ ,.$%'’-]|\u{20ac}|\u{2212}|\u{bd}|\u{e9}t\u{e9}|\u{a0}){0,24}",
        ) {
            let shapes = &*SHAPES;
            let (lx, starts) = lex_with_starts(&s, shapes);
            proptest::prop_assert_eq!(format!("{lx:?}"), format!("{:?}", lex(&s)));
            for i in 0..lx.len() {
                if could_start::<false>(&s, &lx, i, shapes) {
                    proptest::prop_assert!(starts.contains(&i), "{:?}: lexeme {} ({:?}) not listed", s, i, lx[i].text(&s));
                }
            }
        }
    }

    #[test]
    fn currency_words_start_figures_only_before_their_second_word() {
        // "s" and "us" open "S$" and "US$"; after "’s" or a plain "US" they start nothing.
        let figs = scan("Singapore’s S$5m and the US plan cost US$3 each.");
        let got: Vec<_> = figs.iter().map(|f| (f.value, f.unit.as_deref())).collect();
        assert_eq!(got, vec![(5e6, Some("SGD")), (3.0, Some("USD"))], "{figs:?}");
    }

    #[test]
    fn packed_words_are_the_lower_cased_bytes() {
        let reference = |w: &str| {
            let mut b = [0u8; 16];
            b[..w.len()].copy_from_slice(w.to_ascii_lowercase().as_bytes());
            u128::from_le_bytes(b)
        };
        // Every length, every case, and the bytes around 'A'..='Z' and 'a'..='z'.
        let text = "@AbCdEfGhIjKlMnOp[Z`az{";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 16) {
                let w = &text[start..end];
                assert_eq!(packed(w.as_bytes()), Some(reference(w)), "{w:?}");
            }
        }
        assert_eq!(packed(b"Approximately"), packed(b"APPROXIMATELY"));
        assert_ne!(packed(b"a"), packed(b"an"));
        // Too long or not ASCII: no key.
        assert_eq!(packed(b"antepenultimately"), None);
        assert_eq!(packed("r\u{e9}al".as_bytes()), None);
    }
}
