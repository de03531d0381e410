//! Tokenization into words, numbers and punctuation.
//!
//! Tokens follow news-corpus conventions close to the Penn Treebank: a
//! possessive or contracted `’s` is its own token ("Putin’s" → "Putin",
//! "’s"), hyphenated words stay whole ("pro-Russian", "F-16"), dotted
//! acronyms keep their periods ("U.S."), and numbers keep their group and
//! decimal separators ("7,000", "1.16"). Each token records the sentence it
//! belongs to, so extractors can tell a sentence-initial capital from a name.

use super::Span;
use super::ascii::{self, DIGIT, LETTER, LOWER, SPACE, UPPER};
use serde::Serialize;

/// The coarse class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TokenKind {
    /// Contains at least one letter ("Putin", "F-16", "’s", "U.S.").
    Word,
    /// Digits with optional separators ("7,000", "1.16", "2022").
    Number,
    /// A single punctuation character.
    Punct,
    /// A currency sign or other symbol ("$", "€", "%", "°").
    Symbol,
}

/// One token: where it is and what kind it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Byte range in the document text.
    pub span: Span,
    /// Word, number, punctuation or symbol.
    pub kind: TokenKind,
    /// Index of the sentence holding this token.
    pub sentence: u32,
    /// The case and hyphen facts the extractors test on every word,
    /// recorded while the tokenizer reads the characters anyway. Derived
    /// from the text under `span`, so not serialized.
    #[serde(skip)]
    pub shape: Shape,
}

/// What the extractors ask of a token's spelling, as a small bit set: each
/// bit is defined by exactly the `char` predicate the extractors used to
/// test, so reading the bit changes no answer. [`Shape::of`] is that
/// definition; the tokenizer reaches the same bits faster (see
/// [`Shape::of_ascii_run`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape(u8);

impl Shape {
    /// The first character is upper case (`char::is_uppercase`): "Putin", "É".
    pub const UPPER_FIRST: Shape = Shape(1);
    /// The first character is lower case (`char::is_lowercase`): "plan".
    pub const LOWER_FIRST: Shape = Shape(2);
    /// Some character is lower case.
    pub const HAS_LOWER: Shape = Shape(4);
    /// Two or more alphabetic characters (`char::is_alphabetic`).
    pub const TWO_LETTERS: Shape = Shape(8);
    /// Holds a hyphen-minus ('-'; not the non-breaking '‑').
    pub const HYPHEN: Shape = Shape(16);

    /// The shape of `w`, character by character: the definition of every bit.
    pub fn of(w: &str) -> Shape {
        let mut bits = 0;
        if let Some(c) = w.chars().next() {
            bits |=
                (u8::from(c.is_uppercase()) * Self::UPPER_FIRST.0) | (u8::from(c.is_lowercase()) * Self::LOWER_FIRST.0);
        }
        let mut letters = 0;
        for c in w.chars() {
            letters += usize::from(c.is_alphabetic());
            bits |= (u8::from(c.is_lowercase()) * Self::HAS_LOWER.0) | (u8::from(c == '-') * Self::HYPHEN.0);
        }
        bits |= u8::from(letters >= 2) * Self::TWO_LETTERS.0;
        Shape(bits)
    }

    /// The shape of an all-ASCII token of `len` letters and digits with
    /// [`ascii::class`] bits `first` on its first byte and `all` over every
    /// byte; `None` when it mixes letters and digits ("F16"), whose letters
    /// cannot be counted from the bits. Without a count, the tokenizer's
    /// loop over a word's bytes costs no more than it did without shapes,
    /// and the case bits are the class bits shifted into place.
    #[inline]
    fn of_ascii_run(first: u8, all: u8, len: usize) -> Option<Shape> {
        const _: () = assert!(UPPER >> 4 == Shape::UPPER_FIRST.0 && LOWER >> 4 == Shape::LOWER_FIRST.0);
        const _: () = assert!(LOWER >> 3 == Shape::HAS_LOWER.0);
        if all & (LETTER | DIGIT) == LETTER | DIGIT {
            return None;
        }
        let two_letters = if all & LETTER != 0 && len >= 2 { Self::TWO_LETTERS.0 } else { 0 };
        Some(Shape((first & (UPPER | LOWER)) >> 4 | (all & LOWER) >> 3 | two_letters))
    }

    /// The shape of a token of one character that is neither a letter nor
    /// a digit. Such a character has no case (Unicode counts every upper-
    /// and lower-case character as alphabetic), so only the hyphen is left.
    #[inline]
    fn of_symbol(c: char) -> Shape {
        if c == '-' { Self::HYPHEN } else { Shape(0) }
    }

    /// Whether every bit of `flags` is set.
    #[inline]
    pub fn has(self, flags: Shape) -> bool {
        self.0 & flags.0 == flags.0
    }

    /// Two or more letters and none lower case ("NATO", "AT&T", "U.S."):
    /// what the entity extractor calls all caps.
    #[inline]
    pub fn all_caps(self) -> bool {
        self.has(Self::TWO_LETTERS) && !self.has(Self::HAS_LOWER)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes every sentence of `text`.
pub fn tokenize(text: &str, sentences: &[Span]) -> Vec<Token> {
    // News text runs about one token per five or six bytes; a little more
    // room saves growing the vector for dense text (numbers, punctuation).
    let mut out = Vec::with_capacity(text.len() / 4);
    for (si, s) in sentences.iter().enumerate() {
        tokenize_into::<true>(text, *s, si as u32, &mut out);
    }
    out
}

/// The character at byte `i` (ASCII without decoding).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

/// The length of the run of ASCII letters and digits starting `bytes`, and
/// the [`ascii::class`] bits of its bytes or-ed together: the bulk of
/// English words, read without decoding characters.
#[inline]
fn alnum_run(bytes: &[u8]) -> (usize, u8) {
    let mut seen = 0;
    let mut len = 0;
    for &b in bytes {
        let class = ascii::class(b);
        if class & (LETTER | DIGIT) == 0 {
            break;
        }
        seen |= class;
        len += 1;
    }
    (len, seen)
}

/// Appends the tokens of `text[span]`. `SHORTCUT` turns on the fast path
/// for the commonest token, a run of ASCII letters and digits that ends at
/// a space; the tests run both ways and compare.
fn tokenize_into<const SHORTCUT: bool>(text: &str, span: Span, sentence: u32, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let push = |out: &mut Vec<Token>, a: usize, b: usize, kind, shape| {
        out.push(Token { span: Span::new(span.start + a, span.start + b), kind, sentence, shape });
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII spaces, the byte most often read here, without decoding.
        let first = ascii::class(b);
        if first & SPACE != 0 {
            i += 1;
            continue;
        }
        // An ASCII character's class bits answer the tests below (ASCII
        // whitespace was skipped above; an ASCII character is alphabetic
        // or alphanumeric exactly when its class says letter or digit),
        // so only other characters are decoded and asked.
        let ascii = b < 0x80;
        // The common token: a run of ASCII letters and digits ending at an
        // ASCII space or the sentence's end. The general path below would
        // find no joiner (it stops at a space or the end), no acronym (that
        // needs a period after the word) and one run, so its token is this
        // one; the space after it is skipped here as the next pass would.
        let mut end = i + 1;
        let mut run = (0, 0);
        if SHORTCUT && first & (LETTER | DIGIT) != 0 {
            run = alnum_run(&bytes[end..]);
            end += run.0;
            if bytes.get(end).is_none_or(|&n| ascii::class(n) & SPACE != 0) {
                let classes = first | run.1;
                let kind = if classes & LETTER != 0 { TokenKind::Word } else { TokenKind::Number };
                let shape = Shape::of_ascii_run(first, classes, end - i).unwrap_or_else(|| Shape::of(&s[i..end]));
                push(out, i, end, kind, shape);
                i = end + 1;
                continue;
            }
        }
        let c = if ascii { char::from(b) } else { char_at(s, i).expect("i is on a char boundary") };
        let clen = c.len_utf8();
        if !ascii && c.is_whitespace() {
            i += clen;
            continue;
        }
        if if ascii { first & (LETTER | DIGIT) != 0 } else { c.is_alphanumeric() } {
            // Extend over alphanumerics and internal joiners. The shortcut
            // above has read an ASCII first character's run already.
            if !(SHORTCUT && ascii) {
                end = i + clen;
                run = alnum_run(&bytes[end..]);
                end += run.0;
            }
            let mut has_letter = if ascii { first & LETTER != 0 } else { c.is_alphabetic() };
            // Only an ASCII byte has the digit bit.
            let mut all_digits = first & DIGIT != 0;
            // The class bits of every byte, and whether the word is one run
            // of ASCII letters and digits, whose shape they tell.
            let mut classes = first;
            let mut one_run = ascii;
            // Each pass takes the run of ASCII letters and digits read last
            // (`run`), then what may continue the word after it.
            loop {
                let seen = run.1;
                classes |= seen;
                has_letter |= seen & LETTER != 0;
                all_digits &= seen & LETTER == 0;
                // Most words end at a space: neither alphanumeric nor a joiner.
                let Some(&next) = bytes.get(end) else { break };
                if ascii::class(next) & SPACE != 0 {
                    break;
                }
                let Some(d) = char_at(s, end) else { break };
                // The run above stopped at `next`, so an ASCII `d` is no
                // letter or digit: only a non-ASCII one can continue the word.
                if next >= 0x80 && d.is_alphanumeric() {
                    one_run = false;
                    has_letter |= d.is_alphabetic();
                    all_digits &= d.is_ascii_digit();
                    end += d.len_utf8();
                    run = alnum_run(&bytes[end..]);
                    end += run.0;
                    continue;
                }
                // What follows the joiner is read only for a joiner: most
                // words end at a space.
                let after = || char_at(s, end + d.len_utf8());
                let joins = match d {
                    '-' | '‑' => after().is_some_and(is_alnum),
                    '.' | ',' => all_digits && after().is_some_and(|a| a.is_ascii_digit()),
                    '&' => after().is_some_and(char::is_uppercase) && s[i..end].chars().all(char::is_uppercase),
                    '\'' | '’' => {
                        let after = after();
                        // Keep contractions ("don’t", "O’Brien") whole but split
                        // a final possessive ’s.
                        let after2 = after.and_then(|a| char_at(s, end + d.len_utf8() + a.len_utf8()));
                        let possessive = matches!(after, Some('s' | 'S')) && after2.is_none_or(|n| !is_alnum(n));
                        !possessive && after.is_some_and(char::is_alphabetic)
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                one_run = false;
                end += d.len_utf8();
                run = alnum_run(&bytes[end..]);
                end += run.0;
            }
            // Dotted acronym: "U.S." / "J.D." — single letters joined by periods.
            // (A one-character word has a letter exactly when `c` is one,
            // and every acronym goes on with a period.)
            if end == i + clen && has_letter && bytes.get(end) == Some(&b'.') {
                let mut k = end;
                let mut dotted = false;
                loop {
                    let r = &s[k..];
                    let mut rc = r.chars();
                    match (rc.next(), rc.next(), rc.next()) {
                        (Some('.'), Some(l), Some(n)) if l.is_alphabetic() && !n.is_alphanumeric() => {
                            k += 1 + l.len_utf8();
                            dotted = true;
                        }
                        (Some('.'), Some(l), None) if l.is_alphabetic() => {
                            k += 1 + l.len_utf8();
                            dotted = true;
                        }
                        _ => break,
                    }
                }
                if dotted && s[k..].starts_with('.') {
                    k += 1;
                }
                if dotted {
                    end = k;
                    one_run = false;
                }
            }
            let kind = if has_letter { TokenKind::Word } else { TokenKind::Number };
            let shape = one_run.then(|| Shape::of_ascii_run(first, classes, end - i)).flatten();
            push(out, i, end, kind, shape.unwrap_or_else(|| Shape::of(&s[i..end])));
            i = end;
            continue;
        }
        if is_apostrophe(c) {
            // Possessive suffix after a word: ’s.
            let prev_alnum = s[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            if prev_alnum
                && matches!(char_at(s, i + clen), Some('s' | 'S'))
                && char_at(s, i + clen + 1).is_none_or(|n| !is_alnum(n))
            {
                push(out, i, i + clen + 1, TokenKind::Word, Shape::of(&s[i..i + clen + 1]));
                i += clen + 1;
                continue;
            }
        }
        let kind = if matches!(
            c,
            '$' | '€' | '£' | '¥' | '₽' | '₴' | '₹' | '%' | '°' | '+' | '=' | '§' | '#' | '@' | '©' | '®'
        ) {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        push(out, i, i + clen, kind, Shape::of_symbol(c));
        i += clen;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s, &[Span::new(0, s.len())]).into_iter().map(|t| (&s[t.span.start..t.span.end], t.kind)).collect()
    }

    fn words(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn splits_possessives_keeps_contractions() {
        assert_eq!(
            words("Putin’s plan, NATO's role; don’t O’Brien"),
            ["Putin", "’s", "plan", ",", "NATO", "'s", "role", ";", "don’t", "O’Brien"]
        );
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            toks("7,000 tonnes, 1.16 billion, 2022."),
            [
                ("7,000", TokenKind::Number),
                ("tonnes", TokenKind::Word),
                (",", TokenKind::Punct),
                ("1.16", TokenKind::Number),
                ("billion", TokenKind::Word),
                (",", TokenKind::Punct),
                ("2022", TokenKind::Number),
                (".", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn hyphens_acronyms_symbols() {
        assert_eq!(
            words("pro-Russian F-16 U.S. officials paid $15.6 (76%) AT&T"),
            ["pro-Russian", "F-16", "U.S.", "officials", "paid", "$", "15.6", "(", "76", "%", ")", "AT&T"]
        );
        assert_eq!(toks("$5")[0].1, TokenKind::Symbol);
        assert_eq!(words("J.D. Vance"), ["J.D.", "Vance"]);
    }

    #[test]
    fn sentence_index_is_recorded() {
        let s = "A b. C d.";
        let t = tokenize(s, &[Span::new(0, 4), Span::new(5, 9)]);
        assert_eq!(t.iter().map(|t| t.sentence).collect::<Vec<_>>(), [0, 0, 0, 1, 1, 1]);
    }

    #[test]
    fn shapes_follow_the_char_predicates() {
        let shape = |w: &str| tokenize(w, &[Span::new(0, w.len())])[0].shape;
        assert_eq!(shape("Putin"), Shape(Shape::UPPER_FIRST.0 | Shape::HAS_LOWER.0 | Shape::TWO_LETTERS.0));
        assert_eq!(shape("plan"), Shape(Shape::LOWER_FIRST.0 | Shape::HAS_LOWER.0 | Shape::TWO_LETTERS.0));
        assert!(shape("NATO").all_caps() && shape("U.S.").all_caps() && shape("AT&T").all_caps());
        assert!(!shape("F16").has(Shape::TWO_LETTERS) && shape("F16").has(Shape::UPPER_FIRST));
        assert!(shape("pro-Russian").has(Shape::HYPHEN) && !shape("pro‑Russian").has(Shape::HYPHEN));
        assert!(shape("Édouard").has(Shape::UPPER_FIRST) && shape("ñandú").has(Shape::LOWER_FIRST));
        assert_eq!(shape("2022"), Shape::default());
        assert!(shape("-").has(Shape::HYPHEN));
        assert!(!shape("A").has(Shape::TWO_LETTERS) && !shape("A").all_caps());
    }

    /// The tokenizer without its shortcut for a word that ends at a space
    /// or the sentence's end: the definition the shortcut must agree with.
    fn without_shortcut(text: &str, sentences: &[Span]) -> Vec<Token> {
        let mut out = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            tokenize_into::<false>(text, *s, si as u32, &mut out);
        }
        out
    }

    #[test]
    fn shortcut_agrees_on_every_path() {
        // The fast path (a word ending at a space or the end), the general
        // path (joiners, acronyms, possessives) and non-ASCII words.
        let text = "Putin’s plan costs $7,000 U.S. F-16 don't ñandú AT&T 2022";
        let spans = [Span::new(0, 20), Span::new(20, text.len())];
        assert_eq!(tokenize(text, &spans), without_shortcut(text, &spans));
        assert_eq!(tokenize(text, &spans).len(), 12);
    }

    proptest::proptest! {
        /// The tokenizer's shortcut agrees with [`Shape::of`] on any text,
        /// and [`Shape::of`] with the predicates it stands for.
        #[test]
        fn token_shapes_match_their_text(text in "([a-zA-Z0-9 .,'’&-]|\\PC){0,40}") {
            for t in tokenize(&text, &[Span::new(0, text.len())]) {
                let w = &text[t.span.start..t.span.end];
                proptest::prop_assert_eq!(t.shape, Shape::of(w), "{:?}", w);
                let first = w.chars().next();
                proptest::prop_assert_eq!(t.shape.has(Shape::UPPER_FIRST), first.is_some_and(char::is_uppercase));
                proptest::prop_assert_eq!(t.shape.has(Shape::LOWER_FIRST), first.is_some_and(char::is_lowercase));
                proptest::prop_assert_eq!(t.shape.has(Shape::HYPHEN), w.contains('-'));
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                proptest::prop_assert_eq!(t.shape.has(Shape::TWO_LETTERS), letters >= 2);
                proptest::prop_assert_eq!(t.shape.all_caps(), letters >= 2 && !w.chars().any(char::is_lowercase));
            }
        }

        /// The fast path changes no token: same spans, kinds, sentences
        /// and shapes as the general loop it short-cuts, on any text and
        /// any split into sentences.
        #[test]
        fn shortcut_agrees_with_the_general_path(text in "([a-zA-Z0-9 .,'’&$-]|\\PC|\\s){0,60}", cut in 0usize..64) {
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let spans = [Span::new(0, cut), Span::new(cut, text.len())];
            proptest::prop_assert_eq!(tokenize(&text, &spans), without_shortcut(&text, &spans));
        }
    }
}
