//! The number grammar: digits, words, scales, fractions and ordinals.
//!
//! Works on the figures lexer's lexemes, so "twenty-five", "3 hundred and
//! 21", "1,674.5 million", "10k", "two-thirds", "five and a half million"
//! and "½" are all one parse with one value. The caller decides what the
//! number measures; this module only reads it.

use super::lexer::{Lex, LexKind, Shapes, lower};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumParse {
    /// First lexeme.
    pub i0: usize,
    /// One past the last lexeme.
    pub i1: usize,
    /// The value.
    pub value: f64,
    /// Written only in words ("thirteen"), no digits.
    pub words: bool,
    /// An ordinal ("54th", "third").
    pub ordinal: bool,
    /// A scale word or suffix applied ("million", "bn", "k").
    pub scaled: bool,
    /// A bare fraction word without a whole number ("half", "a quarter").
    pub bare_fraction: bool,
    /// The scale multiplier applied (1 when none): lets "5 to 10 million"
    /// scale its low end too.
    pub scale: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    Small(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    OrdSmall(f64),
    OrdTens(f64),
    OrdHundred,
    OrdScale(f64),
}

/// Every word of the number grammar with its class, in one table so the
/// lookup ([`word_class`]) and the sets derived from it ([`is_number_word`],
/// the scanner's starter set) cannot drift apart.
const WORDS: &[(&str, W)] = &[
    ("zero", W::Small(0.0)),
    ("naught", W::Small(0.0)),
    ("nought", W::Small(0.0)),
    ("nil", W::Small(0.0)),
    ("one", W::Small(1.0)),
    ("two", W::Small(2.0)),
    ("three", W::Small(3.0)),
    ("four", W::Small(4.0)),
    ("five", W::Small(5.0)),
    ("six", W::Small(6.0)),
    ("seven", W::Small(7.0)),
    ("eight", W::Small(8.0)),
    ("nine", W::Small(9.0)),
    ("ten", W::Small(10.0)),
    ("eleven", W::Small(11.0)),
    ("twelve", W::Small(12.0)),
    ("thirteen", W::Small(13.0)),
    ("fourteen", W::Small(14.0)),
    ("fifteen", W::Small(15.0)),
    ("sixteen", W::Small(16.0)),
    ("seventeen", W::Small(17.0)),
    ("eighteen", W::Small(18.0)),
    ("nineteen", W::Small(19.0)),
    ("twenty", W::Tens(20.0)),
    ("thirty", W::Tens(30.0)),
    ("forty", W::Tens(40.0)),
    ("fourty", W::Tens(40.0)),
    ("fifty", W::Tens(50.0)),
    ("sixty", W::Tens(60.0)),
    ("seventy", W::Tens(70.0)),
    ("eighty", W::Tens(80.0)),
    ("ninety", W::Tens(90.0)),
    ("hundred", W::Hundred),
    ("hundreds", W::Hundred),
    ("thousand", W::Scale(1e3)),
    ("thousands", W::Scale(1e3)),
    ("million", W::Scale(1e6)),
    ("millions", W::Scale(1e6)),
    ("mn", W::Scale(1e6)),
    ("mln", W::Scale(1e6)),
    ("billion", W::Scale(1e9)),
    ("billions", W::Scale(1e9)),
    ("bn", W::Scale(1e9)),
    ("bln", W::Scale(1e9)),
    ("trillion", W::Scale(1e12)),
    ("trillions", W::Scale(1e12)),
    ("tn", W::Scale(1e12)),
    ("trn", W::Scale(1e12)),
    ("lakh", W::Scale(1e5)),
    ("lakhs", W::Scale(1e5)),
    ("lac", W::Scale(1e5)),
    ("crore", W::Scale(1e7)),
    ("crores", W::Scale(1e7)),
    ("dozen", W::Dozen),
    ("dozens", W::Dozen),
    ("dz", W::Dozen),
    ("dzs", W::Dozen),
    ("first", W::OrdSmall(1.0)),
    ("second", W::OrdSmall(2.0)),
    ("third", W::OrdSmall(3.0)),
    ("fourth", W::OrdSmall(4.0)),
    ("fifth", W::OrdSmall(5.0)),
    ("sixth", W::OrdSmall(6.0)),
    ("seventh", W::OrdSmall(7.0)),
    ("eighth", W::OrdSmall(8.0)),
    ("ninth", W::OrdSmall(9.0)),
    ("nineth", W::OrdSmall(9.0)),
    ("tenth", W::OrdSmall(10.0)),
    ("eleventh", W::OrdSmall(11.0)),
    ("twelfth", W::OrdSmall(12.0)),
    ("thirteenth", W::OrdSmall(13.0)),
    ("fourteenth", W::OrdSmall(14.0)),
    ("fifteenth", W::OrdSmall(15.0)),
    ("sixteenth", W::OrdSmall(16.0)),
    ("seventeenth", W::OrdSmall(17.0)),
    ("eighteenth", W::OrdSmall(18.0)),
    ("nineteenth", W::OrdSmall(19.0)),
    ("twentieth", W::OrdTens(20.0)),
    ("thirtieth", W::OrdTens(30.0)),
    ("fortieth", W::OrdTens(40.0)),
    ("fiftieth", W::OrdTens(50.0)),
    ("sixtieth", W::OrdTens(60.0)),
    ("seventieth", W::OrdTens(70.0)),
    ("eightieth", W::OrdTens(80.0)),
    ("ninetieth", W::OrdTens(90.0)),
    ("hundredth", W::OrdHundred),
    ("thousandth", W::OrdScale(1e3)),
    ("millionth", W::OrdScale(1e6)),
    ("billionth", W::OrdScale(1e9)),
    ("trillionth", W::OrdScale(1e12)),
];

/// [`WORDS`] keyed by word, built once.
static CLASSES: LazyLock<FxHashMap<&'static str, W>> = LazyLock::new(|| WORDS.iter().copied().collect());

/// The shapes of [`WORDS`]: most words after a number are rejected without
/// hashing.
static CLASS_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(WORDS.iter().map(|(w, _)| *w)));

fn word_class(w: &str) -> Option<W> {
    if !CLASS_SHAPES.may_contain(w.as_bytes()) {
        return None;
    }
    CLASSES.get(w).copied()
}

/// Fraction words outside [`WORDS`]: "half" and "quarter" are no ordinals.
const FRACTION_WORDS: [&str; 4] = ["half", "quarter", "halves", "quarters"];

/// Every word of the number grammar: [`WORDS`], the fraction words and the
/// plural denominators ("thirds", "hundredths"), built once so a word costs
/// one lookup.
static NUMBER_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut set: FxHashSet<String> = WORDS.iter().map(|(w, _)| w.to_string()).collect();
    set.extend(FRACTION_WORDS.iter().map(|w| w.to_string()));
    let plurals = WORDS.iter().map(|(w, _)| format!("{w}s")).filter(|w| denominator(w, true).is_some());
    set.extend(plurals.collect::<Vec<_>>());
    set
});

/// The shapes of [`NUMBER_WORDS`].
static NUMBER_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(NUMBER_WORDS.iter().map(String::as_str)));

/// True for any word of the number grammar ("two", "million", "third", "half").
pub fn is_number_word(w: &str) -> bool {
    NUMBER_SHAPES.may_contain(w.as_bytes()) && NUMBER_WORDS.contains(w)
}

/// Every word [`is_number_word`] accepts.
pub fn number_words() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS.iter().map(String::as_str)
}

/// An ordinal word and whether it is plural ("fifth", "fifths", "hundredths").
fn ordinal_form(w: &str) -> Option<(W, bool)> {
    let ord = |w: &str| {
        word_class(w).filter(|c| matches!(c, W::OrdSmall(_) | W::OrdTens(_) | W::OrdHundred | W::OrdScale(_)))
    };
    match ord(w) {
        Some(c) => Some((c, false)),
        None => Some((ord(w.strip_suffix('s')?)?, true)),
    }
}

/// Denominators of spoken fractions ("two-thirds", "three fifths", "a
/// hundredth"): plural after a numerator above one, singular after one.
/// "first" and "second" never are ("one second" is a time).
fn denominator(w: &str, plural: bool) -> Option<f64> {
    match (w, plural) {
        ("half", false) | ("halves", true) => return Some(2.0),
        ("quarter", false) | ("quarters", true) => return Some(4.0),
        _ => {}
    }
    // Every plural denominator ends in "-ths" or "-rds": a cheap test, as
    // this runs on every word the figures scanner looks at.
    let stem = if plural {
        if !(w.ends_with("ths") || w.ends_with("rds")) {
            return None;
        }
        &w[..w.len() - 1]
    } else {
        w
    };
    match word_class(stem)? {
        W::OrdSmall(v) | W::OrdTens(v) if v >= 3.0 => Some(v),
        W::OrdHundred => Some(100.0),
        W::OrdScale(v) => Some(v),
        _ => None,
    }
}

/// The denominator at `k`: one word ("fifths") or a tens word joined to a
/// unit ordinal ("twenty-fifths", "thirty fifths", "twenty-firsts").
/// Returns its value and end.
fn denominator_at(s: &str, lx: &[Lex], k: usize, plural: bool) -> Option<(f64, usize)> {
    let mut b = [0u8; 32];
    let w = word_at(s, lx, k, &mut b)?;
    if let Some(d) = denominator(w, plural) {
        return Some((d, k + 1));
    }
    let Some(W::Tens(t)) = word_class(w) else { return None };
    let hyphen = lx.get(k + 1).is_some_and(|l| l.is_sym('-') && !l.sp);
    let u = if hyphen { k + 2 } else { k + 1 };
    if hyphen && lx.get(u).is_none_or(|l| l.sp) {
        return None;
    }
    let mut b2 = [0u8; 32];
    match ordinal_form(word_at(s, lx, u, &mut b2)?)? {
        (W::OrdSmall(v), pl) if pl == plural && v < 10.0 => Some((t + v, u + 1)),
        _ => None,
    }
}

/// Unicode vulgar fractions.
pub fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// The lower-cased word at `i`, if it is a word.
#[inline]
pub fn word_at<'a>(s: &str, lx: &[Lex], i: usize, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let l = lx.get(i)?;
    if !l.is_word() {
        return None;
    }
    lower(l.text(s), buf)
}

/// True when the word at `i` is `w` (case-insensitive).
#[inline]
pub fn is_word(s: &str, lx: &[Lex], i: usize, w: &str) -> bool {
    lx.get(i).is_some_and(|l| l.is_word() && l.text(s).eq_ignore_ascii_case(w))
}

#[inline]
fn class_at(s: &str, lx: &[Lex], i: usize) -> Option<W> {
    let mut buf = [0u8; 32];
    word_at(s, lx, i, &mut buf).and_then(word_class)
}

/// Glued scale suffixes after digits ("10k", "$5m", "1MM", "$280bn").
fn glued_scale(w: &str, money: bool) -> Option<f64> {
    match w {
        "k" | "K" => Some(1e3),
        "MM" => Some(1e6),
        "m" | "M" | "mm" if money => Some(1e6),
        "b" | "B" if money => Some(1e9),
        "T" | "tr" if money => Some(1e12),
        _ => {
            let mut buf = [0u8; 32];
            match lower(w, &mut buf)? {
                "mn" | "mln" => Some(1e6),
                "bn" | "bln" => Some(1e9),
                "tn" | "trn" => Some(1e12),
                _ => None,
            }
        }
    }
}

/// Parses a number starting at lexeme `i`. `money` allows the ambiguous
/// scale suffixes "m" and "b" ("$5m" is five million, "5m" five metres).
pub fn parse(s: &str, lx: &[Lex], i: usize, money: bool) -> Option<NumParse> {
    let mut j = i;
    let mut sign = 1.0;
    // Signs: "-5" (glued, after space or an opening symbol), "minus five".
    if let Some(l) = lx.get(j) {
        let dash = (l.is_sym('-') || l.is_sym('−'))
            && lx.get(j + 1).is_some_and(|m| m.kind == LexKind::Num && !m.sp)
            && (l.sp || j == 0 || lx[j - 1].kind != LexKind::Num && !lx[j - 1].is_word());
        let word = (is_word(s, lx, j, "minus") || is_word(s, lx, j, "negative"))
            && (lx.get(j + 1).is_some_and(|m| m.kind == LexKind::Num) || class_at(s, lx, j + 1).is_some());
        if dash || word {
            sign = -1.0;
            j += 1;
        }
    }
    let start = j;
    let l = *lx.get(j)?;
    let mut p = NumParse {
        i0: i,
        i1: j,
        value: 0.0,
        words: false,
        ordinal: false,
        scaled: false,
        bare_fraction: false,
        scale: 1.0,
    };
    // Vulgar fraction alone.
    if let LexKind::Sym(c) = l.kind {
        let v = vulgar(c)?;
        p.value = sign * v;
        p.i1 = j + 1;
        return Some(p);
    }
    if l.kind == LexKind::Num {
        let mut v = l.value;
        j += 1;
        // Fraction "3/4" or mixed "2 1/4", "10 1/2".
        if let Some(f) = slash_fraction(lx, j - 1) {
            p.value = sign * f.0;
            p.i1 = f.1;
            return Some(p);
        }
        if let Some(nx) = lx.get(j) {
            if nx.kind == LexKind::Num
                && nx.sp
                && let Some(f) = slash_fraction(lx, j)
                && f.0 < 1.0
                && l.plain
            {
                p.value = sign * (v + f.0);
                p.i1 = f.1;
                return Some(p);
            }
            if let LexKind::Sym(c) = nx.kind
                && let Some(f) = vulgar(c)
                && l.plain
            {
                p.value = sign * (v + f);
                p.i1 = j + 1;
                return Some(p);
            }
        }
        // Glued suffix scale.
        if let Some(nx) = lx.get(j)
            && nx.is_word()
            && !nx.sp
        {
            if let Some(sc) = glued_scale(nx.text(s), money) {
                p.value = sign * v * sc;
                p.i1 = j + 1;
                p.scaled = true;
                p.scale = sc;
                return Some(p);
            }
            let t = nx.text(s);
            if matches!(t, "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH") {
                p.value = v;
                p.i1 = j + 1;
                p.ordinal = true;
                return Some(p);
            }
        }
        // Digits followed by words: "3 hundred and 21", "1.16 billion".
        let (val, end, scaled, sc, _) = accumulate(s, lx, start, Some((v, true)));
        p.scale = sc;
        v = val;
        j = end;
        p.value = sign * v;
        p.i1 = j;
        p.scaled = scaled;
        return Some(p);
    }
    // Words.
    let mut buf = [0u8; 32];
    let w0 = word_at(s, lx, j, &mut buf)?;
    // "half a million", "half million", "quarter million", "a half".
    let a = w0 == "a" || w0 == "an";
    let fj = if a { j + 1 } else { j };
    let mut fb = [0u8; 32];
    if let Some(fw) = if a { word_at(s, lx, fj, &mut fb) } else { Some(w0) }
        && (fw == "half" || fw == "quarter")
    {
        let frac = if fw == "half" { 0.5 } else { 0.25 };
        let mut k = fj + 1;
        if is_word(s, lx, k, "a") {
            k += 1;
        }
        if let Some(W::Scale(sc)) = class_at(s, lx, k) {
            p.value = sign * frac * sc;
            p.i1 = k + 1;
            p.scaled = true;
            p.scale = sc;
            p.words = true;
            return Some(p);
        }
        if fw == "half" {
            p.value = sign * frac;
            p.i1 = fj + 1;
            p.words = true;
            p.bare_fraction = true;
            return Some(p);
        }
    }
    if a {
        // "a hundred", "a dozen", "a million"; "a fifth" (fraction) when
        // nothing follows that it could be an ordinal of.
        match class_at(s, lx, j + 1) {
            Some(W::Hundred | W::Scale(_) | W::Dozen) => {
                let (v, end, scaled, sc, frac) = accumulate(s, lx, j + 1, Some((1.0, false)));
                p.scale = sc;
                p.value = sign * v;
                p.i1 = end;
                p.words = true;
                p.scaled = scaled;
                // "a hundred trillionth": an ordinal.
                p.ordinal = !frac && ends_on_ordinal(s, lx, end);
                return Some(p);
            }
            _ => {
                // "a fifth", "a trillionth", "a twenty-fifth".
                let (d, end) = denominator_at(s, lx, j + 1, false)?;
                if !fraction_context(s, lx, end) {
                    return None;
                }
                p.value = sign / d;
                p.i1 = end;
                p.words = true;
                p.bare_fraction = true;
                return Some(p);
            }
        }
    }
    word_class(w0)?;
    let (v, end, scaled, sc, frac) = accumulate(s, lx, j, None);
    p.scale = sc;
    if end == j {
        return None;
    }
    p.value = sign * v;
    p.i1 = end;
    p.words = true;
    p.scaled = scaled;
    // Ordinal words close the accumulation: "twenty-first".
    p.ordinal = !frac && ends_on_ordinal(s, lx, end);
    Some(p)
}

/// True when the word before `end` is an ordinal ("twenty-first", "hundredth").
fn ends_on_ordinal(s: &str, lx: &[Lex], end: usize) -> bool {
    end > 0 && matches!(class_at(s, lx, end - 1), Some(W::OrdSmall(_) | W::OrdTens(_) | W::OrdHundred | W::OrdScale(_)))
}

/// A fraction word stands for a fraction when "of" or nothing word-like follows
/// ("a third of", "a fifth."), not in "a third term".
fn fraction_context(s: &str, lx: &[Lex], k: usize) -> bool {
    match lx.get(k) {
        None => true,
        Some(l) if l.is_word() => is_word(s, lx, k, "of"),
        Some(_) => true,
    }
}

/// "3/4" at lexeme `i` (a number): value and end, when the denominator is a
/// plausible one and the numerator smaller (so "24/7" and dates stay out).
fn slash_fraction(lx: &[Lex], i: usize) -> Option<(f64, usize)> {
    let a = lx.get(i)?;
    let sl = lx.get(i + 1)?;
    let b = lx.get(i + 2)?;
    if a.kind != LexKind::Num || !sl.is_sym('/') || b.kind != LexKind::Num || !a.plain || !b.plain {
        return None;
    }
    if sl.sp != b.sp {
        return None;
    }
    if lx.get(i + 3).is_some_and(|c| c.is_sym('/') && !c.sp) {
        return None;
    }
    if b.value < 2.0 || b.value > 100.0 || a.value >= b.value {
        return None;
    }
    Some((a.value / b.value, i + 3))
}

#[derive(PartialEq, Clone, Copy)]
enum Last {
    None,
    Unit,
    Tens,
    Hundred,
    Scale,
}

/// Folds number words (and digits) into a value: returns (value, end,
/// scaled, last scale multiplier, fraction read). `first` is the value of a
/// digit lexeme at `i` already read, or of "a" before "hundred" (not consumed).
fn accumulate(s: &str, lx: &[Lex], i: usize, first: Option<(f64, bool)>) -> (f64, usize, bool, f64, bool) {
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut last = Last::None;
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut scaled = false;
    let mut mult = 1.0;
    let mut end = i;
    // An inner "and" ("two hundred and fifty-four"): the value before it and
    // what it followed, so a fraction after it can take only its own part.
    let mut split: Option<(f64, Last)> = None;
    if let Some((v, consumes)) = first {
        // A digit lexeme already read, or "a" standing for one before "hundred".
        cur = v;
        last = Last::Unit;
        if consumes {
            j = i + 1;
            end = j;
        }
    }
    while let Some(l) = lx.get(j) {
        // Hyphen inside "twenty-five", "sixty-one"; tokenised text spaces it
        // on both sides ("ninety - five").
        if l.is_sym('-') && last == Last::Tens {
            if let Some(W::Small(v) | W::OrdSmall(v)) = class_at(s, lx, j + 1)
                && lx[j + 1].sp == l.sp
                && v < 10.0
                && v > 0.0
            {
                j += 1;
                continue;
            }
            break;
        }
        if is_word(s, lx, j, "and") {
            // "one hundred and five", "two million and three fifths".
            if matches!(last, Last::Hundred | Last::Scale) {
                let nxt = lx.get(j + 1);
                let ok = match class_at(s, lx, j + 1) {
                    Some(W::Small(v)) => v > 0.0,
                    Some(W::Tens(_)) => true,
                    _ => nxt.is_some_and(|m| m.kind == LexKind::Num && m.value < 100.0 && m.value > 0.0 && m.plain),
                } && !(last == Last::Hundred && class_at(s, lx, j + 2) == Some(W::Hundred));
                if ok {
                    split = Some((total + cur, last));
                    j += 1;
                    continue;
                }
            }
            break;
        }
        let cls = if l.kind == LexKind::Num {
            if !l.plain || l.value >= 1000.0 || l.value.fract() != 0.0 {
                // Only small whole digits join word numbers ("3 hundred and 21").
                if last == Last::None { Some(W::Small(l.value)) } else { None }
            } else if last == Last::None || last == Last::Scale || last == Last::Hundred {
                Some(W::Small(l.value))
            } else {
                None
            }
        } else {
            class_at(s, lx, j)
        };
        let Some(c) = cls else { break };
        match c {
            W::Small(v) | W::OrdSmall(v) => {
                let ok = match last {
                    Last::None => true,
                    Last::Tens => v < 10.0 && v > 0.0,
                    Last::Hundred => v < 100.0 && (cur % 100.0) == 0.0,
                    Last::Scale => v < last_scale,
                    Last::Unit => false,
                };
                if !ok {
                    break;
                }
                cur += v;
                last = if v >= 20.0 && v % 10.0 == 0.0 { Last::Tens } else { Last::Unit };
                j += 1;
                end = j;
                if matches!(c, W::OrdSmall(_)) {
                    break;
                }
            }
            W::Tens(v) | W::OrdTens(v) => {
                if !matches!(last, Last::None | Last::Hundred | Last::Scale)
                    || (last == Last::Hundred && cur % 100.0 != 0.0)
                {
                    break;
                }
                cur += v;
                last = Last::Tens;
                j += 1;
                end = j;
                if matches!(c, W::OrdTens(_)) {
                    break;
                }
            }
            W::Hundred | W::OrdHundred | W::Dozen => {
                let m = if matches!(c, W::Dozen) { 12.0 } else { 100.0 };
                let ordinal_alone = last == Last::None && matches!(c, W::OrdHundred);
                let digits_times = last == Last::Unit && cur >= 100.0 && first.is_some_and(|f| f.1) && j == i + 1;
                if ordinal_alone {
                    // "hundredth": one hundred.
                    cur = 1.0;
                } else if c == W::Dozen
                    && matches!(last, Last::Unit | Last::Tens)
                    && matches!(split, Some((_, Last::Hundred)))
                {
                    // "three hundred and two dozen": the dozens after the "and".
                    let low = cur % 100.0;
                    cur = cur - low + low * m;
                    last = Last::Hundred;
                    j += 1;
                    end = j;
                    scaled = true;
                    continue;
                } else if (!matches!(last, Last::Unit | Last::Tens) || cur % 100.0 != cur) && !digits_times {
                    break;
                }
                cur *= m;
                mult = m;
                last = Last::Hundred;
                j += 1;
                end = j;
                scaled = true;
                if matches!(c, W::OrdHundred) {
                    break;
                }
            }
            W::Scale(sc) | W::OrdScale(sc) => {
                let ordinal_alone = last == Last::None && matches!(c, W::OrdScale(_));
                if !ordinal_alone && (last == Last::None || last == Last::Scale || sc >= last_scale) {
                    break;
                }
                // "trillionth" alone is one trillion.
                total += if ordinal_alone { sc } else { cur * sc };
                mult = sc;
                cur = 0.0;
                last_scale = sc;
                last = Last::Scale;
                j += 1;
                end = j;
                scaled = true;
                if matches!(c, W::OrdScale(_)) {
                    break;
                }
            }
        }
    }
    let value = total + cur;
    if end == i || ends_on_ordinal(s, lx, end) {
        return (value, end, scaled, mult, false);
    }
    let digits = first.is_some_and(|f| f.1);
    if let Some((v, e)) = fraction_after(s, lx, i, end, value, last, split, mult, digits) {
        return (v, e, scaled, mult, true);
    }
    let k = if lx.get(end).is_some_and(|l| l.is_sym('-') && !l.sp) { end + 1 } else { end };
    let mut buf = [0u8; 32];
    match word_at(s, lx, k, &mut buf) {
        Some("and") => and_fraction(s, lx, k, value, scaled, mult),
        Some("point") if mult < 1000.0 => point_decimals(s, lx, k).map(|(f, e)| (value + f, e, scaled, mult, true)),
        _ => None,
    }
    .unwrap_or((value, end, scaled, mult, false))
}

/// A whole number read as the numerator of a spoken fraction ending at
/// `end`: "three fifths", "twenty-three fifths", "one twenty-fifth", "one
/// hundred thirty-fifths" (a tens word joined to the ordinal belongs to the
/// denominator: 100/35), "two million and three fifths" (of the million) and
/// "two hundred and fifty-four hundredths" (200 + 54/100). A numerator in
/// digits takes only a one-word denominator up to thousandths ("3 fifths").
/// Returns the value and the end.
#[allow(clippy::too_many_arguments)]
fn fraction_after(
    s: &str,
    lx: &[Lex],
    i: usize,
    end: usize,
    value: f64,
    last: Last,
    split: Option<(f64, Last)>,
    mult: f64,
    digits: bool,
) -> Option<(f64, usize)> {
    if !digits
        && last == Last::Tens
        && end >= i + 2
        && let Some(W::Tens(t)) = class_at(s, lx, end - 1)
        && value - t >= 1.0
        && let Some((d, e)) = denominator_at(s, lx, end - 1, value - t > 1.0)
        && d > t
    {
        return Some(((value - t) / d, e));
    }
    let k = if lx.get(end).is_some_and(|l| l.is_sym('-') && !l.sp) { end + 1 } else { end };
    let (base, numerator) = match split {
        Some((before, _)) => (before, value - before),
        None => (0.0, value),
    };
    if numerator < 1.0 {
        return None;
    }
    let (d, e) = denominator_at(s, lx, k, numerator > 1.0)?;
    if digits && (e > k + 1 || d > 1000.0) || numerator == 1.0 && !fraction_context(s, lx, e) {
        return None;
    }
    let v = match split {
        Some((_, Last::Scale)) => base + numerator / d * mult,
        _ => base + numerator / d,
    };
    Some((v, e))
}

/// "five and a half (million)", "forty-two and a third", "one hundred and
/// thirty and two fifths": a whole number, "and", then a proper fraction.
fn and_fraction(
    s: &str,
    lx: &[Lex],
    k: usize,
    value: f64,
    scaled: bool,
    mult: f64,
) -> Option<(f64, usize, bool, f64, bool)> {
    let (n, nk) = if is_word(s, lx, k + 1, "a") || is_word(s, lx, k + 1, "an") {
        (1.0, k + 2)
    } else {
        small_number_at(s, lx, k + 1)?
    };
    let (d, mut e) = denominator_at(s, lx, nk, n > 1.0)?;
    if n >= d {
        return None;
    }
    let mut value = value + n / d;
    let (mut scaled, mut mult) = (scaled, mult);
    if !scaled && let Some(W::Scale(sc)) = class_at(s, lx, e) {
        value *= sc;
        mult = sc;
        e += 1;
        scaled = true;
    }
    Some((value, e, scaled, mult, true))
}

/// A number under a hundred in words ("two", "fifty-four"): the numerator
/// of a fraction after "and".
fn small_number_at(s: &str, lx: &[Lex], k: usize) -> Option<(f64, usize)> {
    match class_at(s, lx, k)? {
        W::Small(v) if v > 0.0 => Some((v, k + 1)),
        W::Tens(t) => {
            let hyphen = lx.get(k + 1).is_some_and(|l| l.is_sym('-') && !l.sp);
            let u = if hyphen { k + 2 } else { k + 1 };
            match class_at(s, lx, u) {
                Some(W::Small(v)) if v > 0.0 && v < 10.0 && !(hyphen && lx[u].sp) => Some((t + v, u + 1)),
                _ => Some((t, k + 1)),
            }
        }
        _ => None,
    }
}

/// Decimals spoken after "point" at `k`: "point zero three", "point
/// seventy-one". Returns the fraction and the end.
fn point_decimals(s: &str, lx: &[Lex], k: usize) -> Option<(f64, usize)> {
    let mut frac = String::new();
    let mut e = k + 1;
    if let Some(W::Tens(t)) = class_at(s, lx, e) {
        let mut v = t;
        e += 1;
        if lx.get(e).is_some_and(|h| h.is_sym('-') && !h.sp)
            && let Some(W::Small(u)) = class_at(s, lx, e + 1)
            && u < 10.0
        {
            v += u;
            e += 2;
        }
        frac.push_str(&(v as u32).to_string());
    }
    while frac.is_empty() || e > k + 1 && !frac.is_empty() {
        let Some(W::Small(d)) = class_at(s, lx, e) else { break };
        if d >= 10.0 {
            break;
        }
        frac.push(char::from(b'0' + d as u8));
        e += 1;
    }
    if frac.is_empty() {
        return None;
    }
    format!("0.{frac}").parse::<f64>().ok().map(|f| (f, e))
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn val(s: &str) -> (f64, String) {
        let lx = lex(s);
        let p = parse(s, &lx, 0, false).expect(s);
        (p.value, s[lx[p.i0].start..lx[p.i1 - 1].end].to_string())
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(val("one hundred and six"), (106.0, "one hundred and six".into()));
        assert_eq!(val("twenty-five"), (25.0, "twenty-five".into()));
        assert_eq!(val("a dozen eggs"), (12.0, "a dozen".into()));
        assert_eq!(val("half a million"), (500000.0, "half a million".into()));
        assert_eq!(val("1.16 billion euros").0, 1.16e9);
        assert_eq!(val("50,000 million cubic").0, 5e10);
        assert_eq!(val("3 hundred and 21 yuan").0, 321.0);
        assert_eq!(val("two hundred and two thousand").0, 202000.0);
        assert!((val("two-thirds").0 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(val("five and a half million").0, 5.5e6);
        assert_eq!(val("10k").0, 1e4);
        assert_eq!(val("3/4").0, 0.75);
        assert_eq!(val("10 1/2 miles").0, 10.5);
        assert_eq!(val("-9.5").0, -9.5);
        assert_eq!(val("a hundred and five").0, 105.0);
        assert_eq!(val("thirteen").0, 13.0);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn spoken_fractions() {
        // A tens word joined to the ordinal is part of the denominator.
        assert!(close(val("two hundred forty-sixths").0, 200.0 / 46.0));
        assert!(close(val("six hundred fifty sevenths").0, 600.0 / 57.0));
        assert!(close(val("one ninety-ninth of it").0, 1.0 / 99.0));
        assert!(close(val("four thirty-seconds").0, 4.0 / 32.0));
        // A tens word alone stays the numerator.
        assert!(close(val("forty eighths").0, 5.0));
        // Scaled numerators.
        assert!(close(val("three thousand four sevenths").0, 3004.0 / 7.0));
        assert!(close(val("seventy - two hundred ninths").0, 800.0));
        // After an inner "and": a mixed number below a hundred, a part of a larger scale.
        assert!(close(val("three hundred and seventy-five thousandths").0, 300.075));
        assert!(close(val("four million and one quarter").0, 4.25e6));
        // After the whole number: "and a …", "and two …".
        assert!(close(val("sixty and three tenths").0, 60.3));
        assert!(close(val("nineteen and a sixtieth").0, 19.0 + 1.0 / 60.0));
        assert!(close(val("six and a quarter billion").0, 6.25e9));
        // "a" + any ordinal is a fraction when nothing follows it; a bare scale ordinal is a rank.
        assert!(close(val("a millionth").0, 1e-6));
        assert!(close(val("a forty-fifth").0, 1.0 / 45.0));
        let lx = lex("thousandth");
        let p = parse("thousandth", &lx, 0, false).unwrap();
        assert!(p.ordinal && p.value == 1000.0);
        let lx = lex("a hundred billionth");
        let p = parse("a hundred billionth", &lx, 0, false).unwrap();
        assert!(p.ordinal && p.value == 1e11);
        // Not fractions: "second" (a time), an ordinal before a noun, digits before a long denominator.
        assert_eq!(val("one second"), (1.0, "one".into()));
        assert_eq!(val("one twenty-first century"), (1.0, "one".into()));
        assert_eq!(val("30 billionths"), (30.0, "30".into()));
        assert!(close(val("7 eighths").0, 0.875));
    }

    #[test]
    fn dozens_after_hundreds() {
        assert_eq!(val("four hundred and three dozen eggs").0, 436.0);
        assert_eq!(val("five dozens").0, 60.0);
        assert_eq!(val("150 dozen").0, 1800.0);
    }
}
