//! A small lexer for figures: numbers with their separators, words, symbols.
//!
//! The document tokenizer keeps "F-16" or "US$" whole, which is right for
//! entities but hides the parts figures need (a glued unit in "1.8m", a
//! currency prefix in "US$", the hyphen in "70-year-old"). This lexer splits
//! letters, digits and punctuation apart and records for every lexeme
//! whether whitespace preceded it, so the grammar can still tell "F-16"
//! (glued: a code) from "36 - 40" (spaced: a range).

/// What a lexeme is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LexKind {
    /// Digits with group and decimal separators already folded into `value`.
    Num,
    /// A run of letters.
    Word,
    /// Any other single character (punctuation, currency sign, `%`).
    Sym(char),
}

/// One lexeme: a byte range, its class and, for numbers, the value.
#[derive(Debug, Clone, Copy)]
pub struct Lex {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Number, word or symbol.
    pub kind: LexKind,
    /// Whitespace separates this lexeme from the previous one.
    pub sp: bool,
    /// Numeric value (numbers only).
    pub value: f64,
    /// A number written without separators or decimals ("2010", not "2,010").
    pub plain: bool,
}

impl Lex {
    /// The text of the lexeme.
    #[inline]
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    /// True for the symbol `c`.
    #[inline]
    pub fn is_sym(&self, c: char) -> bool {
        self.kind == LexKind::Sym(c)
    }
    /// True for a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == LexKind::Word
    }
}

fn is_group_space(c: char) -> bool {
    c == ' ' || c == '\u{202f}' || c == '\u{a0}' || c == '\u{2009}'
}

/// Length of the ASCII digit run at the start of `b`.
fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// True when a separator and a digit follow at `k` (the number goes on).
fn continues(b: &[u8], k: usize) -> bool {
    matches!(b.get(k), Some(b',' | b'.')) && b.get(k + 1).is_some_and(u8::is_ascii_digit)
}

/// Scans a number at `i` (an ASCII digit): returns its end and value.
///
/// Groups: commas with 3-digit groups ("7,000"), Indian 2-digit groups ending
/// in a 3-digit one ("12,34,567"), and space / no-break space groups of 3
/// digits after a 1–3 digit head ("6 600", "1 234 567"). A lone 1–2 digit
/// comma part is a decimal comma ("1,3"), and dot groups before one are
/// continental thousands ("1.111,11"). Anything else ends the number
/// ("22,24,26" is three numbers, "423 0000" two).
fn scan_number(s: &str, i: usize) -> (usize, f64, bool) {
    let b = s.as_bytes();
    let head = digits(&b[i..]);
    let mut end = i + head;
    // The integer part is folded digit by digit (no allocation per number).
    let fold = |v: f64, ds: &[u8]| ds.iter().fold(v, |a, d| a * 10.0 + f64::from(d - b'0'));
    let mut value = fold(0.0, &b[i..end]);
    let mut plain = true;
    if head <= 3
        && let Some((e, v)) = dot_grouped(b, end, value)
    {
        let (e, v, _) = power(b, e, v);
        return (e, v, false);
    }
    // Comma groups.
    let mut groups = Vec::new();
    let mut k = end;
    // At most 8 groups (10^27): keeps a hostile "1,2,3,…" run linear.
    while k < b.len() && b[k] == b',' && groups.len() < 8 {
        let g = digits(&b[k + 1..]);
        if g == 0 || g > 3 {
            break;
        }
        groups.push((k + 1, g));
        k += 1 + g;
    }
    let take = if groups.is_empty() {
        0
    } else if groups.iter().all(|&(_, g)| g == 3) {
        groups.len()
    } else if let [(p, g @ 1..=2)] = groups[..]
        && head <= 3
        && !(i >= 2 && b[i - 1] == b',' && b[i - 2].is_ascii_digit())
        && !continues(b, p + g)
    {
        // A decimal comma ("1,3", "12,75"): one 1–2 digit part after a
        // short head, not inside a list ("22,24,26" stops at the first
        // comma and the next number starts after one).
        let frac = fold(0.0, &b[p..p + g]) / 10f64.powi(g as i32);
        let (e, v, _) = power(b, p + g, value + frac);
        return (e, v, false);
    } else {
        // Indian style: 2-digit groups then one 3-digit group.
        let n = groups.len();
        if head <= 2 && n >= 2 && groups[n - 1].1 == 3 && groups[..n - 1].iter().all(|&(_, g)| g == 2) { n } else { 0 }
    };
    if take > 0 {
        for &(p, g) in &groups[..take] {
            value = fold(value, &b[p..p + g]);
            end = p + g;
        }
        plain = false;
    } else if head <= 3 {
        // Space groups ("6 600", "1 234 567.89").
        let mut e = end;
        let mut ok = false;
        loop {
            let rest = &s[e..];
            let Some(c) = rest.chars().next() else { break };
            if !is_group_space(c) {
                break;
            }
            let p = e + c.len_utf8();
            let g = digits(&b[p..]);
            if g != 3 {
                break;
            }
            value = fold(value, &b[p..p + g]);
            e = p + g;
            ok = true;
        }
        if ok {
            end = e;
            plain = false;
        }
    }
    // Dotted chains ("192.168.1.2", "24.02.2022") are sequences of numbers,
    // not decimals: no decimal part at the head of a chain (two or more
    // dots) nor inside one (a digit and a dot right before).
    let in_chain = i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_digit();
    let chain_head = take == 0 && {
        let mut k = end;
        let mut dots = 0;
        while k + 1 < b.len() && b[k] == b'.' && b[k + 1].is_ascii_digit() && dots < 3 {
            dots += 1;
            k += 1 + digits(&b[k + 1..]);
        }
        dots >= 2
    };
    // Decimal part.
    if !in_chain && !chain_head && end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        let d = digits(&b[end + 1..]);
        let frac: f64 = s[end..end + 1 + d].parse().unwrap_or(0.0);
        value += frac;
        end += 1 + d;
        plain = false;
    }
    let (end, value, p) = power(b, end, value);
    (end, value, plain && p)
}

/// "1.234,5", "12.345.678,9": dots group thousands and a comma starts the
/// decimals (continental style). Read only when the comma part (1–2 digits)
/// ends it, since "1.234" alone is an English decimal and "1.234,567" a list.
fn dot_grouped(b: &[u8], head_end: usize, head: f64) -> Option<(usize, f64)> {
    let mut k = head_end;
    let mut value = head;
    let mut groups = 0;
    while k < b.len() && b[k] == b'.' && digits(&b[k + 1..]) == 3 && groups < 8 {
        value = b[k + 1..k + 4].iter().fold(value, |a, d| a * 10.0 + f64::from(d - b'0'));
        k += 4;
        groups += 1;
    }
    if groups == 0 || b.get(k) != Some(&b',') {
        return None;
    }
    let g = digits(&b[k + 1..]);
    if !(1..=2).contains(&g) || continues(b, k + 1 + g) {
        return None;
    }
    let frac = b[k + 1..k + 1 + g].iter().fold(0.0, |a, d| a * 10.0 + f64::from(d - b'0'));
    Some((k + 1 + g, value + frac / 10f64.powi(g as i32)))
}

/// Exponents after a number: "1e10", "-127.32e13", "-12e-1" and powers
/// "10^3", "2.5^-1". Returns the end, the value and whether nothing was read.
fn power(b: &[u8], end: usize, value: f64) -> (usize, f64, bool) {
    let (mut end, mut value, mut plain) = (end, value, true);
    if end + 1 < b.len() && b[end] == b'^' {
        let mut p = end + 1;
        if b[p] == b'-' || b[p] == b'+' {
            p += 1;
        }
        let d = digits(&b[p..]);
        if (1..=3).contains(&d)
            && let Some(x) =
                std::str::from_utf8(&b[end + 1..p + d]).ok().and_then(|t| t.trim_start_matches('+').parse::<i32>().ok())
        {
            return (p + d, value.powi(x), false);
        }
    }
    if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
        let mut p = end + 1;
        if p < b.len() && (b[p] == b'-' || b[p] == b'+') {
            p += 1;
        }
        let d = digits(&b[p..]);
        if d > 0
            && d <= 3
            && b.get(p + d).is_none_or(|c| !c.is_ascii_alphanumeric())
            && let Some(x) = std::str::from_utf8(&b[end + 1..p + d]).ok().and_then(|t| t.parse::<i32>().ok())
        {
            value *= 10f64.powi(x);
            end = p + d;
            plain = false;
        }
    }
    (end, value, plain)
}

/// What a byte starts; `NonAscii` bytes are decoded as characters.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Byte {
    Space,
    Digit,
    Letter,
    Other,
    NonAscii,
}

/// The class of byte `b` read from the shared ASCII table (whose whitespace
/// and letters are exactly those of `char::is_whitespace` and
/// `char::is_alphabetic`): the definition [`BYTE`] is checked against.
#[cfg(test)]
fn byte_by_class(b: u8) -> Byte {
    use crate::document::ascii;
    let class = ascii::class(b);
    if class & ascii::LETTER != 0 {
        Byte::Letter
    } else if class & ascii::SPACE != 0 {
        Byte::Space
    } else if class & ascii::DIGIT != 0 {
        Byte::Digit
    } else if b.is_ascii() {
        Byte::Other
    } else {
        Byte::NonAscii
    }
}

/// [`Byte`] of every byte, built with the definitions of the shared ASCII
/// table (letters, digits, space and tab to CR), so classifying a byte is
/// one load instead of a chain of tests on its class bits. A test checks it
/// against that table for all 256 bytes.
static BYTE: [Byte; 256] = {
    let mut t = [Byte::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            Byte::Letter
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            Byte::Space
        } else if c.is_ascii_digit() {
            Byte::Digit
        } else {
            Byte::Other
        };
        b += 1;
    }
    t
};

/// The class of byte `b`.
#[inline]
fn byte(b: u8) -> Byte {
    BYTE[usize::from(b)]
}

/// `byte` in each of the 8 bytes of a `u64`.
const fn lanes8(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

/// How many of the 8 bytes of `chunk` (little-endian, first byte lowest)
/// are ASCII letters before the first byte that is not. A byte is a letter
/// when it has no top bit and, with bit 0x20 set, lies in 'a'..='z' (that
/// maps 'A'..='Z' there and nothing else). Each byte's top bit carries the
/// answer: the low 7 bits plus less than 0x20 cannot carry into the next byte.
#[inline]
fn letter_run(chunk: u64) -> usize {
    let x = (chunk | lanes8(0x20)) & lanes8(0x7f);
    let at_least_a = x + lanes8(0x80 - b'a');
    let above_z = x + lanes8(0x80 - b'z' - 1);
    let letters = at_least_a & !above_z & !chunk & lanes8(0x80);
    (!letters & lanes8(0x80)).trailing_zeros() as usize / 8
}

/// Splits `s` into lexemes.
///
/// News text is nearly all ASCII: ASCII bytes are classified by a table, and
/// only other characters are decoded (with the same Unicode classes).
pub fn lex(s: &str) -> Vec<Lex> {
    lex_marking::<false, true>(s, &NO_WORDS, &mut Vec::new())
}

/// Splits `s` into lexemes as [`lex`] does, and lists the lexemes a figure
/// may start at: every number, '-', '$', non-ASCII symbol and word, and the
/// ASCII words whose shape is in `starters`. That is the first, cheap test
/// of the scanner, made here while each lexeme's bytes are at hand, so the
/// scanner's loop visits those lexemes only instead of all of them (most
/// lexemes are words of no starter's shape).
pub fn lex_with_starts(s: &str, starters: &Shapes) -> (Vec<Lex>, Vec<usize>) {
    // About one lexeme in twenty is listed in news text.
    let mut starts = Vec::with_capacity(s.len() / 64);
    let lx = lex_marking::<true, true>(s, starters, &mut starts);
    (lx, starts)
}

/// [`lex`], and with `MARK` the indices of the lexemes that may start a
/// figure (see [`lex_with_starts`]) pushed to `starts`. `FAST` turns on the
/// two shortcuts (letters skipped 8 bytes at a time, the space after a
/// lexeme stepped over in place); the tests run both ways and compare.
#[inline(always)]
fn lex_marking<const MARK: bool, const FAST: bool>(s: &str, starters: &Shapes, starts: &mut Vec<usize>) -> Vec<Lex> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 4);
    let mut i = 0;
    let mut sp = true;
    while i < b.len() {
        let (end, kind) = match byte(b[i]) {
            Byte::Space => {
                sp = true;
                i += 1;
                continue;
            }
            Byte::Digit => {
                let (end, value, plain) = scan_number(s, i);
                if MARK {
                    starts.push(out.len());
                }
                out.push(Lex { start: i, end, kind: LexKind::Num, sp, value, plain });
                i = end;
                sp = false;
                continue;
            }
            Byte::Letter => {
                let end = word_end::<FAST>(s, i);
                if MARK && starters.may_contain_letter_run(&b[i..end]) {
                    starts.push(out.len());
                }
                (end, LexKind::Word)
            }
            Byte::Other => {
                if MARK && matches!(b[i], b'-' | b'$') {
                    starts.push(out.len());
                }
                (i + 1, LexKind::Sym(char::from(b[i])))
            }
            Byte::NonAscii => {
                let c = s[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    sp = true;
                    i += c.len_utf8();
                    continue;
                }
                if MARK {
                    starts.push(out.len());
                }
                if c.is_alphabetic() {
                    (word_end::<FAST>(s, i), LexKind::Word)
                } else {
                    (i + c.len_utf8(), LexKind::Sym(c))
                }
            }
        };
        out.push(Lex { start: i, end, kind, sp, value: 0.0, plain: false });
        // Most words are followed by one plain space: stepping over it here
        // does what the `Space` arm would, without a round through the loop.
        (i, sp) = if FAST && b.get(end) == Some(&b' ') { (end + 1, true) } else { (end, false) };
    }
    out
}

/// End of the run of letters starting at `i`: ASCII letters byte by byte,
/// other characters decoded.
///
/// With `SKIP`, ASCII letters are first skipped 8 bytes at a time
/// ([`letter_run`]): the byte loop then starts on the first byte that is no
/// ASCII letter (or within the last 8 bytes), where it would have arrived
/// anyway. Inlined: called once per word, a call costs about as much as the
/// word.
#[inline(always)]
fn word_end<const SKIP: bool>(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    while SKIP && let Some(chunk) = b.get(end..end + 8) {
        let n = letter_run(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        end += n;
        if n < 8 {
            // The run stopped on a byte that is no ASCII letter: an ASCII
            // one ends the word, only a non-ASCII character needs the loop.
            if chunk[n] < 0x80 {
                return end;
            }
            break;
        }
    }
    while end < b.len() {
        match byte(b[end]) {
            Byte::Letter => end += 1,
            Byte::NonAscii => match s[end..].chars().next() {
                Some(ch) if ch.is_alphabetic() => end += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    end
}

/// The shapes of a set of words: the lengths of its words by (first letter,
/// last letter) and by (first letter, second letter), case folded. A cheap
/// and exact rejection before lower-casing and hashing a word: a word whose
/// shape is not in the set is not in it either. The second table rejects the
/// frequent words that share a member's ends and length but not its opening
/// ("and" against the currency "aud").
///
/// The tables have 32 rows and columns (rows and columns 1–26 used: a
/// letter's byte masked to 5 bits, either case) so that an index masked to
/// 5 bits needs no bounds check.
pub struct Shapes {
    /// Length bits by first and last letter.
    ends: [[u32; 32]; 32],
    /// Length bits by first and second letter.
    opening: [[u32; 32]; 32],
}

/// The shapes of no word, for [`lex`], which lists no starts.
static NO_WORDS: Shapes = Shapes { ends: [[0; 32]; 32], opening: [[0; 32]; 32] };

/// The [`LETTER_INDEX`] of a byte that is no ASCII letter: a bit that no
/// letter index (1–26) has, so one test on the three indices of a word
/// finds any of them missing.
const NO_LETTER: u8 = 32;

/// The letter index (1–26, case folded: the byte masked to 5 bits) of every
/// byte, [`NO_LETTER`] for other bytes: one load per letter instead of a
/// case fold and range test.
static LETTER_INDEX: [u8; 256] = {
    let mut t = [NO_LETTER; 256];
    let mut b = 0;
    while b < 26 {
        t[b'a' as usize + b] = b as u8 + 1;
        t[b'A' as usize + b] = b as u8 + 1;
        b += 1;
    }
    t
};

impl Shapes {
    /// The shapes of `words`.
    pub fn of<'a>(words: impl Iterator<Item = &'a str>) -> Shapes {
        let mut t = Shapes { ends: [[0; 32]; 32], opening: [[0; 32]; 32] };
        for w in words {
            if let Some(sh) = shape(w.as_bytes()) {
                t.ends[sh.first][sh.last] |= sh.len_bit;
                t.opening[sh.first][sh.second] |= sh.len_bit;
            }
        }
        t
    }

    /// False when no word of the set has the shape of `w`; true too when
    /// `w` has no shape (a first, second or last byte that is no ASCII
    /// letter, a length over 31). The same answer as [`shape`] gives, read
    /// with table loads and a single test for "no shape".
    #[inline]
    pub fn may_contain(&self, w: &[u8]) -> bool {
        let (Some(&b0), Some(&bl)) = (w.first(), w.last()) else { return true };
        let at = |b: u8| LETTER_INDEX[usize::from(b)];
        let (first, second, last) = (at(b0), at(*w.get(1).unwrap_or(&b0)), at(bl));
        if (first | second | last) & NO_LETTER != 0 || w.len() > 31 {
            return true;
        }
        // Letter indices are below 32: the mask changes none of them.
        let ix = |x: u8| usize::from(x & 31);
        self.ends[ix(first)][ix(last)] & self.opening[ix(first)][ix(second)] & (1 << (w.len() & 31)) != 0
    }

    /// [`Shapes::may_contain`] for a word the lexer has just read: its first
    /// byte is an ASCII letter and each other byte an ASCII letter or part
    /// of a non-ASCII character. A byte of such a word is a letter exactly
    /// when its top bit is clear, and its letter index is then the byte
    /// masked to 5 bits: no [`LETTER_INDEX`] loads. Run on every word.
    #[inline]
    fn may_contain_letter_run(&self, w: &[u8]) -> bool {
        let n = w.len();
        let (b0, b1, bl) = (w[0], w[1.min(n - 1)], w[n - 1]);
        if (b1 | bl) & 0x80 != 0 || n > 31 {
            return true;
        }
        let ix = |x: u8| usize::from(x & 31);
        self.ends[ix(b0)][ix(bl)] & self.opening[ix(b0)][ix(b1)] & (1 << (n & 31)) != 0
    }
}

/// A word's shape: its first, second and last letters, lower-cased, as
/// indices 1–26 (a one-letter word is its own second letter), and its
/// length as a bit.
struct Shape {
    first: usize,
    second: usize,
    last: usize,
    len_bit: u32,
}

/// The shape of `b`: `None` when the first, second or last byte is no ASCII
/// letter or the word is too long for a bit.
#[inline]
fn shape(b: &[u8]) -> Option<Shape> {
    let letter = |c: u8| (c | 0x20).is_ascii_lowercase().then(|| usize::from((c | 0x20) - b'a' + 1));
    let first = letter(*b.first()?)?;
    Some(Shape {
        first,
        second: b.get(1).map_or(Some(first), |&c| letter(c))?,
        last: letter(*b.last()?)?,
        len_bit: 1u32.checked_shl(u32::try_from(b.len()).ok()?)?,
    })
}

/// Lower-cases an ASCII word into `buf`; `None` when it does not fit or is
/// not ASCII (no allocation on the hot path).
#[inline]
pub fn lower<'a>(w: &str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    crate::document::ascii_lower(w, buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(s: &str) -> Vec<f64> {
        lex(s).into_iter().filter(|l| l.kind == LexKind::Num).map(|l| l.value).collect()
    }

    #[test]
    fn groups_and_decimals() {
        assert_eq!(nums("7,000 tonnes"), vec![7000.0]);
        assert_eq!(nums("1.16 billion"), vec![1.16]);
        assert_eq!(nums("6 600 cases"), vec![6600.0]);
        assert_eq!(nums("1\u{202f}234\u{202f}567.89"), vec![1234567.89]);
        assert_eq!(nums("423 0000"), vec![423.0, 0.0]);
        assert_eq!(nums("22,24,26"), vec![22.0, 24.0, 26.0]);
        assert_eq!(nums("12,34,567.89"), vec![1234567.89]);
        assert_eq!(nums("192.168.1.2"), vec![192.0, 168.0, 1.0, 2.0]);
        assert_eq!(nums("rose 1.5 points"), vec![1.5]);
    }

    #[test]
    fn decimal_commas_and_continental_groups() {
        assert_eq!(nums("grew 2,5 percent"), vec![2.5]);
        assert_eq!(nums("a 12,75 rate."), vec![12.75]);
        assert_eq!(nums("3.250,5 and 17.000.000,25"), vec![3250.5, 17000000.25]);
        // A list, three-digit groups and English decimals keep their reading.
        assert_eq!(nums("rows 4,8,15"), vec![4.0, 8.0, 15.0]);
        assert_eq!(nums("9,500 and 4.375"), vec![9500.0, 4.375]);
        assert_eq!(nums("1.234,567"), vec![1.234, 567.0]);
    }

    #[test]
    fn powers() {
        assert_eq!(nums("10^3"), vec![1000.0]);
        assert_eq!(nums("4^-2 and 3^+2"), vec![0.0625, 9.0]);
        assert_eq!(nums("2.5e2"), vec![250.0]);
        // A caret without an exponent is not a power.
        assert_eq!(nums("7^ x"), vec![7.0]);
    }

    #[test]
    fn byte_table_agrees_with_the_class_bits() {
        for b in 0..=255u8 {
            assert_eq!(byte(b), byte_by_class(b), "byte {b}");
        }
    }

    /// [`lex`] without its shortcuts: letters one byte at a time, every
    /// space through the loop's `Space` arm.
    fn lex_bytewise(s: &str) -> Vec<Lex> {
        lex_marking::<false, false>(s, &NO_WORDS, &mut Vec::new())
    }

    proptest::proptest! {
        #[test]
        fn lex_matches_the_bytewise_lexer(
            s in "([a-zA-Z]{0,12}|[0-9]{1,4}|[ ,.$%^e-]|  |\t|\u{a0}|\u{202f}|\u{e9}|\u{2014}){0,16}",
        ) {
            proptest::prop_assert_eq!(format!("{:?}", lex(&s)), format!("{:?}", lex_bytewise(&s)), "{:?}", s);
        }
    }

    #[test]
    fn letter_runs_stop_at_the_first_non_letter() {
        for (bytes, want) in [
            (*b"abcdefgh", 8),
            (*b"ABCDEFGH", 8),
            (*b"abc defg", 3),
            (*b"@abcdefg", 0),
            (*b"Zz[`{aaa", 2),
            (*b"abcdefg\xc3", 7),
        ] {
            assert_eq!(letter_run(u64::from_le_bytes(bytes)), want, "{bytes:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_end_matches_the_bytewise_loop(
            s in "([a-zA-Z]{0,20}|[0-9 .,@\\[`{-]|\u{e9}|\u{df}|\u{202f}|\u{2014}|\u{439}){0,12}",
        ) {
            for (i, _) in s.char_indices() {
                proptest::prop_assert_eq!(word_end::<true>(&s, i), word_end::<false>(&s, i), "{:?} at {}", s, i);
            }
        }

        #[test]
        fn word_end_on_arbitrary_text_matches_the_bytewise_loop(s in "\\PC{0,40}") {
            for (i, _) in s.char_indices() {
                proptest::prop_assert_eq!(word_end::<true>(&s, i), word_end::<false>(&s, i), "{:?} at {}", s, i);
            }
        }
    }

    /// `Shapes::may_contain` as first written, from [`shape`] and the set's
    /// words themselves.
    fn may_contain_by_shape(words: &[String], w: &[u8]) -> bool {
        shape(w).is_none_or(|sh| {
            let has = |f: &dyn Fn(&Shape) -> bool| words.iter().filter_map(|m| shape(m.as_bytes())).any(|m| f(&m));
            has(&|m| m.first == sh.first && m.last == sh.last && m.len_bit == sh.len_bit)
                && has(&|m| m.first == sh.first && m.second == sh.second && m.len_bit == sh.len_bit)
        })
    }

    proptest::proptest! {
        #[test]
        fn may_contain_matches_the_shape_definition(
            words in proptest::collection::vec("[a-cA-C]{1,4}|[a-c0-9\u{e9}]{0,3}|[a-z]{30,34}", 0..8),
            probes in proptest::collection::vec("[a-cA-C]{0,4}|[a-c0-9\u{e9} -]{0,3}|[a-c]{30,70}", 1..16),
        ) {
            let set = Shapes::of(words.iter().map(String::as_str));
            for w in &probes {
                proptest::prop_assert_eq!(set.may_contain(w.as_bytes()), may_contain_by_shape(&words, w.as_bytes()), "{:?} in {:?}", w, words);
                // What the lexer reads as a word: a letter, then letters.
                let b = w.as_bytes();
                if b.first().is_some_and(u8::is_ascii_alphabetic) && b.iter().all(|c| c.is_ascii_alphabetic() || !c.is_ascii()) {
                    proptest::prop_assert_eq!(set.may_contain_letter_run(b), may_contain_by_shape(&words, b), "{:?} in {:?}", w, words);
                }
            }
        }
    }

    #[test]
    fn shapes_keep_members_and_reject_other_shapes() {
        let set = Shapes::of(["aud", "Ten", "x"].into_iter());
        for w in ["aud", "AUD", "ten", "x", "X"] {
            assert!(set.may_contain(w.as_bytes()), "{w}");
            assert!(set.may_contain_letter_run(w.as_bytes()), "{w}");
        }
        // Same ends and length but another opening; other ends; other lengths.
        for w in ["and", "tan", "tin", "audi", "xx", "y", "Zz", "za"] {
            assert!(!set.may_contain(w.as_bytes()), "{w}");
            assert!(!set.may_contain_letter_run(w.as_bytes()), "{w}");
        }
        // A letter run ending or going on in a non-ASCII letter: kept.
        for w in ["t\u{e9}", "t\u{e9}n", "a\u{e9}d"] {
            assert!(set.may_contain_letter_run(w.as_bytes()), "{w:?}");
        }
        // No shape (a non-letter end or second byte, no bytes at all): kept.
        for w in ["a1d", "3", "", "t\u{e9}n"] {
            assert!(set.may_contain(w.as_bytes()), "{w:?}");
        }
    }
}
