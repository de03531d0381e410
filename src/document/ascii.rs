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
pub const ONES: u64 = u64::from_le_bytes([1; 8]);
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

/// `byte` in each of the 16 bytes of a `u128`.
pub const fn lanes128(byte: u8) -> u128 {
    u128::from_le_bytes([byte; 16])
}

/// The bytes of `w` as a little-endian integer, zero-padded; `None` beyond
/// 16 bytes: a short word as one hash key that costs no string compare
/// (the lexicons of figures and entities key their words so). Two
/// overlapping loads cover every length without a byte loop (the bytes both
/// loads hold are the same, so OR-ing them is exact). Put together in 64-bit
/// halves: shifting a 128-bit integer by a variable amount costs several
/// instructions, and this runs on every capitalized word.
#[inline]
pub fn load_le(w: &[u8]) -> Option<u128> {
    let n = w.len();
    let le32 = |at: usize| u64::from(u32::from_le_bytes([w[at], w[at + 1], w[at + 2], w[at + 3]]));
    let le64 = |at: usize| u64::from_le_bytes(w[at..at + 8].try_into().expect("8 bytes"));
    let (low, high) = match n {
        0 => (0, 0),
        1..=3 => (u64::from(w[0]) | u64::from(w[n / 2]) << (8 * (n / 2)) | u64::from(w[n - 1]) << (8 * (n - 1)), 0),
        4..=7 => (le32(0) | le32(n - 4) << (8 * (n - 4)), 0),
        8..=16 => {
            // The second load's bytes belong 8 * (n - 8) bits up: part in
            // the low half, the rest (none for n = 8) in the high one.
            let (lo, hi, shift) = (le64(0), le64(n - 8), 8 * (n - 8) as u32);
            (lo | hi.checked_shl(shift).unwrap_or(0), hi.checked_shr(64 - shift).unwrap_or(0))
        }
        _ => return None,
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// The bytes of a word of at most fifteen bytes, little-endian
/// ([`load_le`]), and its length in the top byte: one integer per word,
/// which tells "a" from "a\0", and is never zero.
#[inline]
pub fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 15 {
        return None;
    }
    Some(load_le(b)? | (b.len() as u128) << 120)
}

/// [`u8::to_ascii_lowercase`] on each byte of `v`, all ASCII (no byte at
/// or above 0x80): 0x20 is added where a byte is in 'A'..='Z'. Bytes below
/// 0x80 plus less than 0x40 carry into no neighbour, so each byte's top bit
/// tells its own comparison.
#[inline]
pub fn lowercase128(v: u128) -> u128 {
    let at_least_a = v + lanes128(0x80 - b'A');
    let above_z = v + lanes128(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & lanes128(0x80);
    v | upper >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_le_puts_every_byte_in_place_up_to_sixteen() {
        let text = b"ABCDEFGHIJKLMNOPQ";
        for n in 0..=16 {
            let w = &text[..n];
            let bytewise = w.iter().enumerate().fold(0u128, |k, (i, &b)| k | u128::from(b) << (8 * i));
            assert_eq!(load_le(w), Some(bytewise), "{n} bytes");
            assert_eq!(
                load_le(w).map(lowercase128),
                Some(bytewise | lanes128(0x20).checked_shr(8 * (16 - n) as u32).unwrap_or(0)),
                "{n} bytes"
            );
        }
        assert_eq!(load_le(text), None);
    }

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
