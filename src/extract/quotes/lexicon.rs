//! Word lists for attribution, loaded once from `data/quotes/`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

fn load(src: &'static str) -> HashSet<&'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

static VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| load(include_str!("../../../data/quotes/speech_verbs.txt")));
static ROLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| load(include_str!("../../../data/quotes/role_nouns.txt")));

static CONTENT_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| load(include_str!("../../../data/quotes/content_verbs.txt")));
static CONTENT_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| load(include_str!("../../../data/quotes/content_nouns.txt")));

/// A verb that puts a proposition forward ("promoted", "floated", "made")
/// without being a speech verb by itself: it reports speech only with a
/// content noun and its "that" clause ("promoted the idea that …").
/// Lowercase surface forms only.
pub fn is_content_verb(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && CONTENT_VERBS.contains(w)
}

static REJECTING_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| load(include_str!("../../../data/quotes/rejecting_verbs.txt")));

/// A verb that rejects a proposition ("rejected", "denies"): with a
/// content noun and "that" after it, the quoted words in the clause are
/// someone else's, not the subject's. Lowercase surface forms only.
pub fn is_rejecting_verb(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && REJECTING_VERBS.contains(w)
}

/// A noun whose "that" clause is what someone said or holds ("idea",
/// "claim", "narrative"), in the singular or the plural; the plural is
/// returned as `Some(true)`. Lowercase only.
pub fn content_noun(w: &str) -> Option<bool> {
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if CONTENT_NOUNS.contains(w) {
        return Some(false);
    }
    singulars(w).any(|s| CONTENT_NOUNS.contains(s.as_str())).then_some(true)
}

/// The singulars a regular English plural may have: "claims" → "claim";
/// "theories" → "theory" and "theorie" (the caller's lexicon decides).
/// Nothing for a word without a final "s".
pub fn singulars(w: &str) -> impl Iterator<Item = String> + '_ {
    let y = w.strip_suffix("ies").map(|stem| format!("{stem}y"));
    y.into_iter().chain(w.strip_suffix('s').map(str::to_string))
}

/// A reporting verb ("said", "castigated"); only lowercase surface forms
/// count, so "the State Department" or "Post" never read as verbs.
pub fn is_speech_verb(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && VERBS.contains(w)
}

/// A role or title word ("spokesman", "President", "Gen."), any case.
pub fn is_role(w: &str) -> bool {
    if w.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    std::str::from_utf8(b).is_ok_and(|s| ROLES.contains(s))
}

/// Personal pronouns that can stand for a speaker.
pub fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "He" | "she" | "She" => Some(Pronoun::Singular),
        "they" | "They" | "we" | "We" | "I" | "it" | "It" => Some(Pronoun::Other),
        _ => None,
    }
}

/// Which antecedents a pronoun can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he/she: the most recent person.
    Singular,
    /// they/we/I/it: left unresolved (no safe antecedent rule).
    Other,
}

/// Adverbs and auxiliaries that sit between a speaker and the verb
/// ("Putin also said", "she has repeatedly argued").
pub fn is_verb_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "would"
            | "will"
            | "once"
            | "previously"
            | "recently"
            | "repeatedly"
            | "quickly"
            | "simply"
            | "just"
            | "again"
            | "further"
            | "publicly"
            | "privately"
            | "reportedly"
            | "flatly"
            | "bluntly"
            | "often"
            | "frequently"
            | "even"
            | "only"
            | "immediately"
            | "initially"
            | "subsequently"
            | "finally"
            | "long"
            | "already"
            | "never"
            | "still"
            | "additionally"
            | "likewise"
            | "similarly"
            | "explicitly"
            | "strongly"
            | "openly"
            | "herself"
            | "himself"
    )
}

/// Capitalized words that start sentences but are never part of a name.
pub fn is_capitalized_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "However"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "Your"
            | "He"
            | "She"
            | "They"
            | "We"
            | "It"
            | "I"
            | "Yet"
            | "Still"
            | "Meanwhile"
            | "Asked"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "If"
            | "Then"
            | "Now"
            | "Some"
            | "Many"
            | "Other"
            | "Both"
            | "According"
            | "For"
            | "With"
            | "From"
            | "Speaking"
            | "Earlier"
            | "Later"
            | "Also"
    )
}

/// Capitalized words that open sentences and never start a speaker's name:
/// the function words above plus sentence adverbs and contractions
/// ("Even", "There", "I'm").
pub fn is_capitalized_non_name(w: &str) -> bool {
    is_capitalized_function_word(w)
        || matches!(
            w,
            "Even"
                | "There"
                | "Here"
                | "Only"
                | "Not"
                | "I'm"
                | "I’m"
                | "I've"
                | "I’ve"
                | "I'd"
                | "I’d"
                | "I'll"
                | "I’ll"
                | "It's"
                | "It’s"
                | "There's"
                | "There’s"
        )
}

/// Lowercase words allowed inside a name ("Secretary of State", "Abu al-…").
pub fn is_name_glue(w: &str) -> bool {
    matches!(w, "of" | "de" | "del" | "da" | "von" | "van" | "der" | "al" | "bin" | "la" | "le" | "du")
}

/// Determiners that open a nominal speaker ("a campaign spokesman").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "A"
            | "An"
            | "The"
            | "one"
            | "One"
            | "another"
            | "Another"
            | "two"
            | "Two"
            | "several"
            | "Several"
            | "some"
            | "Some"
    )
}

/// Days and time words that follow a verb before the speaker or the end
/// ("said Tuesday", "said on Thursday morning").
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "evening"
            | "afternoon"
            | "night"
            | "on"
            | "last"
            | "this"
            | "week"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_speech_verb("castigated") && is_speech_verb("said") && is_speech_verb("tweeted"));
        assert!(!is_speech_verb("State") && !is_speech_verb("table"));
        // "calls"/"notes" report speech; the bare nouns "call"/"chant" do not.
        assert!(is_speech_verb("calls") && is_speech_verb("notes") && is_speech_verb("chanted"));
        assert!(!is_speech_verb("call") && !is_speech_verb("chant"));
        assert!(is_content_verb("promoted") && is_content_verb("floating") && is_content_verb("made"));
        assert!(!is_content_verb("Promoted") && !is_content_verb("rejected") && !is_content_verb("idea"));
        assert!(is_rejecting_verb("dismissed") && is_rejecting_verb("denies") && !is_rejecting_verb("promoted"));
        assert_eq!(content_noun("idea"), Some(false));
        assert_eq!(content_noun("claims"), Some(true));
        assert_eq!(content_noun("theories"), Some(true));
        assert_eq!(content_noun("ideas"), Some(true));
        assert_eq!(content_noun("table"), None);
        assert_eq!(content_noun("Idea"), None);
        assert!(is_role("spokesman") && is_role("President") && is_role("Gen."));
        assert!(!is_role("Putin"));
    }
}
