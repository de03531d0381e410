//! Classes of ASCII bytes, for the loops that read text a byte at a time
//! and decode only the non-ASCII characters (the tokenizer, the cleaner's
//! line statistics, the figures lexer): one table load per byte instead of
//! several tests.

/// An ASCII letter.
pub const LETTER: u8 = 1;
/// An ASCII digit.
pub const DIGIT: u8 = 2;
/// The straight apostrophe.
pub const APOSTROPHE: u8 = 4;
/// ASCII whitespace, as `char::is_whitespace` has it (space, tab to CR).
pub const SPACE: u8 = 8;
/// An ASCII upper-case letter (also a [`LETTER`]).
pub const UPPER: u8 = 16;
/// An ASCII lower-case letter (also a [`LETTER`]).
pub const LOWER: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            LETTER | LOWER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'\'' {
            APOSTROPHE
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class bits of byte `b`: 0 for every other byte, non-ASCII included.
#[inline]
pub fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_char_tests() {
        for b in 0..=255u8 {
            let c = b as char;
            let want = if !b.is_ascii() {
                0
            } else if c.is_uppercase() {
                LETTER | UPPER
            } else if c.is_lowercase() {
                LETTER | LOWER
            } else if c.is_numeric() {
                DIGIT
            } else if c == '\'' {
                APOSTROPHE
            } else if c.is_whitespace() {
                SPACE
            } else {
                0
            };
            assert_eq!(class(b), want, "byte {b}");
        }
    }
}
