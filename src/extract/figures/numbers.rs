//! The number grammar: digits, words, scales, fractions and ordinals.
//!
//! Works on the figures lexer's lexemes, so "twenty-five", "3 hundred and
//! 21", "1,674.5 million", "10k", "two-thirds", "five and a half million"
//! and "½" are all one parse with one value. The caller decides what the
//! number measures; this module only reads it.

use super::lexer::{Lex, LexKind, lower};

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

fn word_class(w: &str) -> Option<W> {
    use W::*;
    Some(match w {
        "zero" | "naught" | "nought" | "nil" => Small(0.0),
        "one" => Small(1.0),
        "two" => Small(2.0),
        "three" => Small(3.0),
        "four" => Small(4.0),
        "five" => Small(5.0),
        "six" => Small(6.0),
        "seven" => Small(7.0),
        "eight" => Small(8.0),
        "nine" => Small(9.0),
        "ten" => Small(10.0),
        "eleven" => Small(11.0),
        "twelve" => Small(12.0),
        "thirteen" => Small(13.0),
        "fourteen" => Small(14.0),
        "fifteen" => Small(15.0),
        "sixteen" => Small(16.0),
        "seventeen" => Small(17.0),
        "eighteen" => Small(18.0),
        "nineteen" => Small(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" | "hundreds" => Hundred,
        "thousand" | "thousands" => Scale(1e3),
        "million" | "millions" | "mn" | "mln" => Scale(1e6),
        "billion" | "billions" | "bn" | "bln" => Scale(1e9),
        "trillion" | "trillions" | "tn" | "trn" => Scale(1e12),
        "lakh" | "lakhs" | "lac" => Scale(1e5),
        "crore" | "crores" => Scale(1e7),
        "dozen" | "dozens" | "dz" | "dzs" => Dozen,
        "first" => OrdSmall(1.0),
        "second" => OrdSmall(2.0),
        "third" => OrdSmall(3.0),
        "fourth" => OrdSmall(4.0),
        "fifth" => OrdSmall(5.0),
        "sixth" => OrdSmall(6.0),
        "seventh" => OrdSmall(7.0),
        "eighth" => OrdSmall(8.0),
        "ninth" | "nineth" => OrdSmall(9.0),
        "tenth" => OrdSmall(10.0),
        "eleventh" => OrdSmall(11.0),
        "twelfth" => OrdSmall(12.0),
        "thirteenth" => OrdSmall(13.0),
        "fourteenth" => OrdSmall(14.0),
        "fifteenth" => OrdSmall(15.0),
        "sixteenth" => OrdSmall(16.0),
        "seventeenth" => OrdSmall(17.0),
        "eighteenth" => OrdSmall(18.0),
        "nineteenth" => OrdSmall(19.0),
        "twentieth" => OrdTens(20.0),
        "thirtieth" => OrdTens(30.0),
        "fortieth" => OrdTens(40.0),
        "fiftieth" => OrdTens(50.0),
        "sixtieth" => OrdTens(60.0),
        "seventieth" => OrdTens(70.0),
        "eightieth" => OrdTens(80.0),
        "ninetieth" => OrdTens(90.0),
        "hundredth" => OrdHundred,
        "thousandth" => OrdScale(1e3),
        "millionth" => OrdScale(1e6),
        "billionth" => OrdScale(1e9),
        "trillionth" => OrdScale(1e12),
        _ => return None,
    })
}

/// True for any word of the number grammar ("two", "million", "third", "half").
pub fn is_number_word(w: &str) -> bool {
    word_class(w).is_some() || denominator(w, true).is_some() || matches!(w, "half" | "quarter")
}

/// Denominators of spoken fractions ("two-thirds", "three fifths").
fn denominator(w: &str, plural: bool) -> Option<f64> {
    let d = match w {
        "halves" if plural => 2.0,
        "thirds" if plural => 3.0,
        "quarters" | "fourths" if plural => 4.0,
        "fifths" if plural => 5.0,
        "sixths" if plural => 6.0,
        "sevenths" if plural => 7.0,
        "eighths" if plural => 8.0,
        "ninths" if plural => 9.0,
        "tenths" if plural => 10.0,
        "hundredths" if plural => 100.0,
        "thousandths" if plural => 1000.0,
        "half" if !plural => 2.0,
        "third" if !plural => 3.0,
        "quarter" if !plural => 4.0,
        "fifth" if !plural => 5.0,
        "sixth" if !plural => 6.0,
        "eighth" if !plural => 8.0,
        "tenth" if !plural => 10.0,
        _ => return None,
    };
    Some(d)
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
pub fn word_at<'a>(s: &str, lx: &[Lex], i: usize, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let l = lx.get(i)?;
    if !l.is_word() {
        return None;
    }
    lower(l.text(s), buf)
}

/// True when the word at `i` is `w` (case-insensitive).
pub fn is_word(s: &str, lx: &[Lex], i: usize, w: &str) -> bool {
    lx.get(i).is_some_and(|l| l.is_word() && l.text(s).eq_ignore_ascii_case(w))
}

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
    let w0 = word_at(s, lx, j, &mut buf)?.to_owned_small();
    let w0 = w0.as_str();
    // "half a million", "half million", "quarter million", "a half".
    let a = w0 == "a" || w0 == "an";
    let fj = if a { j + 1 } else { j };
    let mut fb = [0u8; 32];
    if let Some(fw) = word_at(s, lx, fj, &mut fb)
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
                let (v, end, scaled, sc, _) = accumulate(s, lx, j + 1, Some((1.0, false)));
                p.scale = sc;
                p.value = sign * v;
                p.i1 = end;
                p.words = true;
                p.scaled = scaled;
                return Some(p);
            }
            _ => {
                let mut b2 = [0u8; 32];
                let w = word_at(s, lx, j + 1, &mut b2)?;
                let d = denominator(w, false)?;
                if !fraction_context(s, lx, j + 2) {
                    return None;
                }
                p.value = sign / d;
                p.i1 = j + 2;
                p.words = true;
                p.bare_fraction = true;
                return Some(p);
            }
        }
    }
    class_at(s, lx, j)?;
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
    if !frac && let Some(W::OrdSmall(_) | W::OrdTens(_) | W::OrdHundred | W::OrdScale(_)) = class_at(s, lx, end - 1) {
        p.ordinal = true;
    }
    Some(p)
}

trait SmallOwned {
    fn to_owned_small(&self) -> SmallStr;
}
/// A tiny inline string so the first word can outlive its buffer.
struct SmallStr([u8; 32], usize);
impl SmallStr {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0[..self.1]).unwrap_or("")
    }
}
impl SmallOwned for str {
    fn to_owned_small(&self) -> SmallStr {
        let mut b = [0u8; 32];
        let n = self.len().min(32);
        b[..n].copy_from_slice(&self.as_bytes()[..n]);
        SmallStr(b, n)
    }
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

/// Folds number words (and digits) into a value: returns (value, end, scaled).
/// `first` is the value of a digit lexeme at `i` already read.
fn accumulate(s: &str, lx: &[Lex], i: usize, first: Option<(f64, bool)>) -> (f64, usize, bool, f64, bool) {
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut last = Last::None;
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut scaled = false;
    let mut mult = 1.0;
    let mut end = i;
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
        // Hyphen inside "twenty-five", "sixty-one".
        if l.is_sym('-') && !l.sp && last == Last::Tens {
            if let Some(W::Small(v) | W::OrdSmall(v)) = class_at(s, lx, j + 1)
                && !lx[j + 1].sp
                && v < 10.0
                && v > 0.0
            {
                j += 1;
                continue;
            }
            break;
        }
        if is_word(s, lx, j, "and") {
            // "one hundred and five", "two million and three fifths" (not handled).
            if matches!(last, Last::Hundred | Last::Scale) {
                let nxt = lx.get(j + 1);
                let ok = match class_at(s, lx, j + 1) {
                    Some(W::Small(v)) => v > 0.0,
                    Some(W::Tens(_)) => true,
                    _ => nxt.is_some_and(|m| m.kind == LexKind::Num && m.value < 100.0 && m.value > 0.0 && m.plain),
                } && !(last == Last::Hundred && class_at(s, lx, j + 2) == Some(W::Hundred));
                if ok {
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
                if (!matches!(last, Last::Unit | Last::Tens) || cur % 100.0 != cur)
                    && !(last == Last::Unit && cur >= 100.0 && first.is_some_and(|f| f.1) && j == i + 1)
                {
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
                if last == Last::None || last == Last::Scale || sc >= last_scale {
                    break;
                }
                total += cur * sc;
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
    let mut value = total + cur;
    // Fractions after a whole number: "two-thirds", "three fifths",
    // "one and a half", "five and a half million".
    let mut buf = [0u8; 32];
    if end > i {
        let k = if lx.get(end).is_some_and(|l| l.is_sym('-') && !l.sp) { end + 1 } else { end };
        if let Some(w) = word_at(s, lx, k, &mut buf) {
            if !scaled
                && value >= 1.0
                && let Some(d) = denominator(w, value > 1.0)
            {
                if value == 1.0 && !fraction_context(s, lx, k + 1) {
                    return (value, end, scaled, mult, false);
                }
                return (value / d, k + 1, scaled, mult, true);
            }
            // "six million and two thirds": a fraction of the last scale.
            if scaled
                && cur > 0.0
                && cur < 10.0
                && total > 0.0
                && end >= 2
                && is_word(s, lx, end - 2, "and")
                && let Some(d) = denominator(w, cur > 1.0)
            {
                return (total + cur / d * mult, k + 1, scaled, mult, true);
            }
            if w == "and" && is_word(s, lx, k + 1, "a") {
                let mut b2 = [0u8; 32];
                if let Some(d) = word_at(s, lx, k + 2, &mut b2).and_then(|w| denominator(w, false)) {
                    value += 1.0 / d;
                    let mut e = k + 3;
                    if !scaled && let Some(W::Scale(sc)) = class_at(s, lx, e) {
                        value *= sc;
                        mult = sc;
                        e += 1;
                        scaled = true;
                    }
                    return (value, e, scaled, mult, true);
                }
            }
            if w == "point" && mult < 1000.0 {
                // "two hundred point zero three", "point seventy-one"
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
                if !frac.is_empty() {
                    if let Ok(f) = format!("0.{frac}").parse::<f64>() {
                        value += f;
                    }
                    return (value, e, scaled, mult, true);
                }
            }
        }
    }
    (value, end, scaled, mult, false)
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
}
