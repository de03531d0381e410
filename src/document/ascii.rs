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

/// Eight bytes read as one little-endian word, for the scans that test
/// eight bytes at once and look at single bytes only where a word fails
/// the test (most text is long runs of bytes no scan stops at).
#[inline]
pub fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

/// `0x01` in every byte of a word.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// `0x80` in every byte of a word.
pub const HIGHS: u64 = ONES * 0x80;

/// Whether some byte of `x` is zero: subtracting one borrows into the high
/// bit only from a zero byte or one with its high bit already set, and
/// `!x` masks the latter off. (Bytes above the first zero may be flagged
/// by the borrow too, so only "any" is exact, which is all we ask.)
#[inline]
pub fn has_zero(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// Whether some byte of `x` equals `b`.
#[inline]
pub fn has_byte(x: u64, b: u8) -> bool {
    has_zero(x ^ (ONES * u64::from(b)))
}

/// Whether some byte of `x` is below `n` (`n <= 0x80`), as [`has_zero`]:
/// subtracting `n` borrows into a byte's high bit exactly when the byte
/// is below `n` or already has it set.
#[inline]
pub fn has_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0
}

/// The high bit of every byte of `x` that equals `b`, and no other bit:
/// exact per byte (no borrow crosses bytes, unlike [`has_zero`]), for
/// tests that ask where the bytes are, not only whether there is one.
#[inline]
pub fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    // Bit 7 of a byte of `(y & 0x7F) + 0x7F` is set when its low seven
    // bits are not all zero (no carry leaves the byte); or-ing `y` adds its
    // own bit 7. What stays clear is a zero byte of `y`.
    !(((y & !HIGHS) + !HIGHS) | y) & HIGHS
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

    /// The eight-byte tests agree with the byte-by-byte definitions.
    #[test]
    fn word_tests_agree_with_bytes() {
        let samples: [&[u8; 8]; 6] =
            [b"abcdefgh", b"ab  cd.e", b"\x00bcdefgh", b"abcdefg\x7f", b"\xe2\x80\x99abc d", b"\x1fabc\"xyz"];
        for bytes in samples {
            let x = word_at(bytes, 0).expect("eight bytes");
            for b in [0u8, b' ', b'.', b'"', 0x7F, 0x80, 0x99, b'a'] {
                assert_eq!(has_byte(x, b), bytes.contains(&b), "{bytes:?} {b}");
                let mask = bytes_equal(x, b);
                for (k, &c) in bytes.iter().enumerate() {
                    assert_eq!(mask >> (8 * k + 7) & 1 == 1, c == b, "{bytes:?} {b} {k}");
                }
                assert_eq!(mask & !HIGHS, 0);
            }
            for n in [1u8, 0x20, 0x21, 0x41, 0x80] {
                assert_eq!(has_below(x, n), bytes.iter().any(|&c| c < n), "{bytes:?} {n}");
            }
        }
        assert_eq!(word_at(b"1234567", 0), None);
        assert_eq!(word_at(b"123456789", 1), Some(u64::from_le_bytes(*b"23456789")));
    }

    proptest::proptest! {
        #[test]
        fn word_tests_agree_with_bytes_anywhere(bytes in proptest::array::uniform8(proptest::prelude::any::<u8>()), b in proptest::prelude::any::<u8>(), n in 0u8..=0x80) {
            let x = u64::from_le_bytes(bytes);
            proptest::prop_assert_eq!(has_byte(x, b), bytes.contains(&b));
            proptest::prop_assert_eq!(has_below(x, n), bytes.iter().any(|&c| c < n));
            let want = bytes.iter().enumerate().fold(0u64, |m, (k, &c)| m | (u64::from(c == b) << (8 * k + 7)));
            proptest::prop_assert_eq!(bytes_equal(x, b), want);
        }
    }
}
