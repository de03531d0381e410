//! Bytes to text: BOMs, UTF-16, invalid UTF-8, line ends, binary detection.

use encoding_rs::{UTF_16BE, UTF_16LE};

/// Text decoded from a file, with any warnings about how.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    /// The text, line ends normalized to `\n` unless asked to keep them.
    pub text: String,
    /// Non-fatal problems ("invalid UTF-8 replaced").
    pub warnings: Vec<String>,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file holds NUL bytes and is not UTF-16: a binary file.
    #[error("binary file (contains NUL bytes)")]
    Binary,
}

/// Decodes a file's bytes.
///
/// UTF-8 (a BOM is stripped), UTF-16 with a BOM, and BOM-less UTF-16 whose
/// every other byte is NUL are decoded exactly; invalid UTF-8 is decoded
/// lossily (U+FFFD) with a warning; any other NUL byte means binary.
/// `normalize_newlines` turns CRLF and lone CR into LF.
pub fn decode(bytes: &[u8], normalize_newlines: bool) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, &mut warnings)
    } else if bytes.starts_with(b"\xFF\xFE") {
        utf16(&bytes[2..], false, &mut warnings)
    } else if bytes.starts_with(b"\xFE\xFF") {
        utf16(&bytes[2..], true, &mut warnings)
    } else if let Some(big_endian) = bomless_utf16(bytes) {
        warnings.push(format!("no byte-order mark; decoded as UTF-16{}", if big_endian { "BE" } else { "LE" }));
        utf16(bytes, big_endian, &mut warnings)
    } else {
        utf8(bytes, &mut warnings)
    };
    let (nul, cr) = nul_and_cr(text.as_bytes());
    if nul {
        return Err(DecodeError::Binary);
    }
    let text = if normalize_newlines && cr { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    Ok(Decoded { text, warnings })
}

/// UTF-8, lossily where invalid. NUL bytes survive decoding and are caught
/// afterwards with the other encodings'.
fn utf8(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!("invalid UTF-8 at byte {}; undecodable bytes replaced with U+FFFD", e.valid_up_to()));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool, warnings: &mut Vec<String>) -> String {
    let enc = if big_endian { UTF_16BE } else { UTF_16LE };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push("invalid UTF-16; undecodable units replaced with U+FFFD".to_string());
    }
    text.into_owned()
}

/// Whether `bytes` hold a NUL and whether they hold a carriage return: one
/// pass without early exit, which the compiler turns into vector compares,
/// instead of one search per byte value.
fn nul_and_cr(bytes: &[u8]) -> (bool, bool) {
    let (mut nul, mut cr) = (false, false);
    for &b in bytes {
        nul |= b == 0;
        cr |= b == b'\r';
    }
    (nul, cr)
}

/// Recognizes BOM-less UTF-16 of mostly Latin text: NULs in nearly all of
/// one byte lane and almost none in the other. Returns `Some(big_endian)`.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for p in sample.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(false)
    } else if mostly(even) && rarely(odd) {
        Some(true)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }

    #[test]
    fn finds_nul_and_cr_at_any_position() {
        for len in [0, 1, 15, 16, 17, 100] {
            let clean = vec![b'a'; len];
            assert_eq!(nul_and_cr(&clean), (false, false));
            for at in 0..len {
                let mut v = clean.clone();
                v[at] = 0;
                assert_eq!(nul_and_cr(&v), (true, false), "NUL at {at} of {len}");
                v[at] = b'\r';
                assert_eq!(nul_and_cr(&v), (false, true), "CR at {at} of {len}");
            }
        }
    }

    #[test]
    fn strips_utf8_bom_and_normalizes_newlines() {
        let d = decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody\rmore", true).unwrap();
        assert_eq!(d.text, "Title\n\nBody\nmore");
        assert!(d.warnings.is_empty());
        let keep = decode(b"a\r\nb", false).unwrap();
        assert_eq!(keep.text, "a\r\nb");
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        assert_eq!(decode(&utf16le("Héllo “x”", true), true).unwrap().text, "Héllo “x”");
        let d = decode(&utf16le("Hello world, plain text", false), true).unwrap();
        assert_eq!(d.text, "Hello world, plain text");
        assert_eq!(d.warnings.len(), 1);
        let mut be = vec![0xFE, 0xFF];
        for u in "Hi".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be, true).unwrap().text, "Hi");
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(b"caf\xE9 ok", true).unwrap();
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert!(d.warnings[0].contains("invalid UTF-8 at byte 3"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", true), Err(DecodeError::Binary));
        assert_eq!(decode(b"ab\0cd", true), Err(DecodeError::Binary));
    }
}
