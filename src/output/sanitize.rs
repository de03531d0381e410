//! Making article text safe to show on a terminal.
//!
//! Article text can hold control characters, bidi overrides and zero-width
//! characters; printed raw they can reorder or hide what a user sees. Only
//! the table printer needs this: JSON escapes control characters itself.

/// Replaces control, bidi-override and invisible characters with `�` or a
/// space, and newlines and tabs with a space.
pub fn for_terminal(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizes_escapes_and_bidi() {
        assert_eq!(for_terminal("a\u{1b}[31mb\u{202E}c\td"), "a\u{FFFD}[31mb\u{FFFD}c d");
        assert_eq!(for_terminal("Zürich “ok”"), "Zürich “ok”");
    }
}
