//! Unit and currency lexicons (`data/figures/*.tsv`), matched word by word.

use super::lexer::{Lex, LexKind, Shapes, lex, lower};
// Fx hashing: keys are short, trusted lexicon words looked up once per
// token, where SipHash showed up at ~6% of the whole pipeline profile.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// One lexicon entry.
#[derive(Debug)]
pub struct Entry {
    /// The surface, as lower-cased lexeme texts.
    pub words: Vec<String>,
    /// Canonical unit name or ISO 4217 code.
    pub canon: String,
    /// Third column: `dim`/`temp` for units, `pre`/`post`/`both` for currencies.
    pub class: String,
}

/// Entries keyed by their first lexeme, longest surface first.
pub struct Lexicon(HashMap<String, Vec<Entry>>, Keys);

/// What the first lexemes of a lexicon can be, so [`Lexicon::longest`]
/// rejects the lexemes that cannot start an entry (most numbers, words and
/// punctuation) without lower-casing and hashing them.
struct Keys {
    /// Some first lexeme is a number.
    digits: bool,
    /// Bit `c` set when the one-byte ASCII text `c` is a first lexeme.
    ascii: u128,
    /// The shapes of the first lexemes (those of words count).
    words: Shapes,
}

impl Keys {
    fn of<'a>(keys: impl Iterator<Item = &'a str>) -> Keys {
        let keys: Vec<&str> = keys.collect();
        let mut k = Keys { digits: false, ascii: 0, words: Shapes::of(keys.iter().copied()) };
        for w in keys {
            k.digits |= w.starts_with(|c: char| c.is_ascii_digit());
            if let [b] = w.as_bytes()
                && b.is_ascii()
            {
                k.ascii |= 1 << b;
            }
        }
        k
    }

    /// False when the lexeme `l` of `s` is no first lexeme of an entry. A
    /// word is looked up lower-cased or as written, and [`Shapes`] fold case
    /// the same way, so a word that is a key always passes.
    fn may_start(&self, s: &str, l: &Lex) -> bool {
        match l.kind {
            LexKind::Num => self.digits,
            LexKind::Sym(c) if c.is_ascii() => self.ascii & (1 << u32::from(c)) != 0,
            LexKind::Sym(_) => true,
            LexKind::Word => self.words.may_contain(l.text(s).as_bytes()),
        }
    }
}

impl Lexicon {
    fn parse(src: &str) -> Lexicon {
        let mut map: HashMap<String, Vec<Entry>> = HashMap::default();
        for line in src.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(surface), Some(canon), Some(class)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let words: Vec<String> = lex(surface).iter().map(|l| l.text(surface).to_lowercase()).collect();
            if words.is_empty() {
                continue;
            }
            map.entry(words[0].clone()).or_default().push(Entry {
                words,
                canon: canon.to_string(),
                class: class.to_string(),
            });
        }
        for v in map.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        let keys = Keys::of(map.keys().map(String::as_str));
        Lexicon(map, keys)
    }

    /// The longest entry matching the lexemes at `i` accepted by `ok`; returns it and its end.
    pub fn longest(&self, s: &str, lx: &[Lex], i: usize, ok: impl Fn(&Entry) -> bool) -> Option<(&Entry, usize)> {
        let l = lx.get(i)?;
        if !self.1.may_start(s, l) {
            return None;
        }
        let mut buf = [0u8; 32];
        let key: &str = match l.kind {
            LexKind::Word | LexKind::Num => lower(l.text(s), &mut buf).unwrap_or(l.text(s)),
            LexKind::Sym(_) => l.text(s),
        };
        let cands = self.0.get(key)?;
        'outer: for e in cands {
            if !ok(e) {
                continue;
            }
            for (k, w) in e.words.iter().enumerate().skip(1) {
                let Some(m) = lx.get(i + k) else { continue 'outer };
                if !m.text(s).eq_ignore_ascii_case(w) {
                    continue 'outer;
                }
                // Words of one surface are never split across a line break or a long gap.
                if m.start - lx[i + k - 1].end > 2 {
                    continue 'outer;
                }
            }
            return Some((e, i + e.words.len()));
        }
        None
    }

    /// True when some entry of class `class` has the canonical name `canon`.
    /// A scan of the whole lexicon: for rare checks, not per token.
    pub fn canon_in_class(&self, canon: &str, class: &str) -> bool {
        self.0.values().flatten().any(|e| e.class == class && e.canon == canon)
    }

    /// Every first word.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The entries whose first word is `key` (lower case), longest first.
    pub fn entries(&self, key: &str) -> &[Entry] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    /// True when `key` (lower case) is a known first word.
    pub fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }
}

/// Units of measure.
pub static UNITS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!("../../../data/figures/units.tsv")));
/// Currencies.
pub static CURRENCIES: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../../data/figures/currencies.tsv")));

/// ISO code of a currency code word ("usd" → USD), for "MUSD"-style millions.
pub fn currency_code(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 32];
    let w = lower(w, &mut buf)?;
    let e = CURRENCIES.0.get(w)?.iter().find(|e| e.words.len() == 1 && e.canon.eq_ignore_ascii_case(w))?;
    // Leak-free: codes are in a static table.
    CODES.iter().copied().find(|c| c.eq_ignore_ascii_case(&e.canon))
}

static CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "KRW", "ILS",
    "SEK", "NOK", "DKK", "PLN", "BRL", "MXN", "ZAR", "SAR", "AED", "BTC",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn longest_canon(lexicon: &Lexicon, text: &str) -> Option<(String, usize)> {
        let lx = lex(text);
        lexicon.longest(text, &lx, 0, |_| true).map(|(e, end)| (e.canon.clone(), end))
    }

    #[test]
    fn word_keys_match_in_any_case_and_other_words_do_not() {
        assert_eq!(longest_canon(&UNITS, "KILOMETRES away"), Some(("kilometre".to_string(), 1)));
        assert_eq!(longest_canon(&UNITS, "Km"), Some(("kilometre".to_string(), 1)));
        assert_eq!(longest_canon(&CURRENCIES, "New Zealand dollars"), Some(("NZD".to_string(), 3)));
        assert_eq!(longest_canon(&CURRENCIES, "US$"), Some(("USD".to_string(), 2)));
        // Same ends and length as a key, or no key at all: no entry.
        assert_eq!(longest_canon(&UNITS, "kilometers"), Some(("kilometre".to_string(), 1)));
        assert_eq!(longest_canon(&UNITS, "kilowaters"), None);
        assert_eq!(longest_canon(&CURRENCIES, "and"), None);
    }
}
