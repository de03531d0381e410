//! Month names, shared by every stage that reads dates (datelines, the
//! dates extractor, and the figures extractor, which must not take the day
//! in "February 24" for a count).

/// Full English month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) of a lower-case full name or abbreviation
/// ("february", "feb", "sept").
pub fn month_number(word: &str) -> Option<u32> {
    if word == "sept" {
        return Some(9);
    }
    MONTH_NAMES.iter().position(|m| *m == word || (word.len() == 3 && m.starts_with(word))).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(month_number("february"), Some(2));
        assert_eq!(month_number("feb"), Some(2));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("fe"), None);
        assert_eq!(month_number("marching"), None);
    }
}
