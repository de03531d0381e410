//! What a number counts: the noun phrase after it, head noun singular.

use super::lexer::{Lex, lower};
use super::numbers::is_word;

/// Function words and frequent verbs that end a counted noun phrase.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "than"
            | "that"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "where"
            | "when"
            | "while"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "them"
            | "their"
            | "his"
            | "her"
            | "we"
            | "our"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "more"
            | "less"
            | "most"
            | "least"
            | "per"
            | "each"
            | "every"
            | "all"
            | "both"
            | "some"
            | "any"
            | "other"
            | "such"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "during"
            | "between"
            | "among"
            | "against"
            | "across"
            | "through"
            | "up"
            | "down"
            | "out"
            | "off"
            | "so"
            | "if"
            | "then"
            | "also"
            | "only"
            | "just"
            | "even"
            | "still"
            | "yet"
            | "already"
            | "said"
            | "says"
            | "say"
            | "reported"
            | "according"
            | "including"
            | "like"
            | "there"
            | "here"
            | "times"
            | "ago"
            | "later"
            | "earlier"
            | "apiece"
            | "respectively"
            | "again"
            | "too"
            | "very"
            | "away"
            | "back"
            | "via"
            | "per cent"
            | "percent"
            | "cent"
            | "or more"
            | "plus"
            | "ahead"
            | "behind"
            | "last"
            | "next"
            | "previous"
            | "versus"
            | "vs"
            | "s"
            | "t"
            | "re"
            | "ll"
            | "ve"
            | "d"
    )
}

/// Plural nouns that do not end in -s, and what one of them is called.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" => "person",
        "children" => "child",
        "men" => "man",
        "women" => "woman",
        "personnel" => "personnel",
        "staff" => "staff",
        "police" => "police",
        "cattle" => "cattle",
        "livestock" => "livestock",
        "aircraft" => "aircraft",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "sheep" => "sheep",
        "fish" => "fish",
        "crew" => "crew",
        "civilians" => "civilian",
        _ => return None,
    })
}

/// Plural-looking English noun (lower case).
pub fn is_plural(w: &str) -> bool {
    irregular(w).is_some()
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("ous")
            && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Singular of a plural noun (lower case).
pub fn singular(w: &str) -> String {
    if let Some(s) = irregular(w) {
        return s.to_string();
    }
    if matches!(w, "series" | "species" | "news") {
        return w.to_string();
    }
    for (pl, sg) in [("lives", "life"), ("wives", "wife"), ("knives", "knife"), ("thieves", "thief")] {
        if w == pl {
            return sg.to_string();
        }
    }
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    for suf in ["sses", "ches", "shes", "xes", "zes", "oes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

fn is_cap(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// A number glued by a hyphen to a singular noun that modifies another noun
/// counts that noun: "a 12-point plan", "a three-star general", "a 500-page
/// report" (k is the hyphen). Returns the object and the index after it.
/// Multipliers and approximations ("10-fold", "20-odd", "30-something") count
/// nothing, and so does "one-" ("one-off", "a one-sided game").
pub fn modifier_object(s: &str, lx: &[Lex], k: usize, value: f64) -> Option<(String, usize)> {
    // "a 5.3-magnitude quake" is a measure, not a count.
    if value == 1.0 || value.fract() != 0.0 {
        return None;
    }
    let (h, w, next) = (lx.get(k)?, lx.get(k + 1)?, lx.get(k + 2)?);
    if !h.is_sym('-') || h.sp || w.sp || !w.is_word() || !next.is_word() || !next.sp {
        return None;
    }
    let t = w.text(s);
    if t.len() < 2 || !t.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    // Adjectives ("four-legged", "two-handed", "three-dimensional") and
    // adverbs ("bi-monthly") are no counted noun.
    let adjective = t.ends_with("ed") || t.ends_with("ly") || t.ends_with("al");
    if is_stop(t) || super::numbers::is_number_word(t) || is_plural(t) || adjective {
        return None;
    }
    if matches!(t, "fold" | "odd" | "something" | "plus" | "ish" | "some" | "strong" | "way" | "time") {
        return None;
    }
    Some((t.to_string(), k + 2))
}

/// The counted noun phrase starting at lexeme `k`: the object (modifiers
/// plus singular head) and the lexeme index after it. Capitalized modifiers
/// (nationalities, names: "16 Russian aerial drones") are skipped; a
/// plural noun ends the phrase. Without a plural the phrase is accepted
/// only for a count of one ("one man").
pub fn object_at(s: &str, lx: &[Lex], k: usize, value: f64) -> Option<(String, usize)> {
    let mut mods: Vec<&str> = Vec::new();
    let mut j = k;
    let mut first_single: Option<(String, usize)> = None;
    for _ in 0..4 {
        let l = lx.get(j)?;
        if !l.is_word() || !l.sp {
            return first_single.filter(|_| value == 1.0);
        }
        let t = l.text(s);
        // Hyphenated compound ("multi-story").
        let mut end = j + 1;
        while lx.get(end).is_some_and(|h| h.is_sym('-') && !h.sp)
            && lx.get(end + 1).is_some_and(|w| w.is_word() && !w.sp)
        {
            end += 2;
        }
        let full = &s[l.start..lx[end - 1].end];
        let mut buf = [0u8; 32];
        let lw = lower(t, &mut buf)?;
        if is_stop(lw) || super::numbers::is_number_word(lw) {
            return first_single.filter(|_| value == 1.0);
        }
        let low_full = full.to_lowercase();
        let last_part = low_full.rsplit('-').next().unwrap_or(&low_full).to_string();
        if is_plural(&last_part) && end == j + 1 || end > j + 1 && is_plural(&last_part) {
            let head = if end > j + 1 {
                let sg = singular(&last_part);
                format!("{}{}", &low_full[..low_full.len() - last_part.len()], sg)
            } else {
                let sg = singular(&last_part);
                if is_cap(t) && (last_part.ends_with("ans") || last_part.ends_with("ians")) {
                    let mut c = sg.chars();
                    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or(sg)
                } else {
                    sg
                }
            };
            let mut obj = String::new();
            for m in &mods {
                obj.push_str(&m.to_lowercase());
                obj.push(' ');
            }
            obj.push_str(&head);
            return Some((obj, end));
        }
        if is_cap(t) {
            // A name or nationality modifier: skipped, the head comes later.
            if first_single.is_none() && mods.is_empty() && lx.get(end).is_none_or(|n| !n.is_word()) {
                return None;
            }
        } else {
            if first_single.is_none() {
                first_single = Some((low_full.clone(), end));
            }
            mods.push(&s[l.start..lx[end - 1].end]);
            if mods.len() > 2 {
                return first_single.filter(|_| value == 1.0);
            }
        }
        j = end;
    }
    first_single.filter(|_| value == 1.0)
}

/// What a quantity measures, named after "of" ("7,000 tonnes of Ukrainian
/// cereals" → cereal, "40 tonnes of corn" → corn). Name and nationality
/// modifiers are skipped; a plural within three words ends the phrase,
/// otherwise only the first word is taken (a mass noun: "of gas").
/// `k` is the lexeme after the unit.
pub fn of_object(s: &str, lx: &[Lex], k: usize) -> Option<String> {
    if !super::numbers::is_word(s, lx, k, "of") {
        return None;
    }
    let mut j = k + 1;
    while j < k + 3 && lx.get(j).is_some_and(|l| l.is_word() && l.sp && is_cap(l.text(s))) {
        j += 1;
    }
    let mut words: Vec<String> = Vec::new();
    // Modifiers ("fortified", "high-quality") join a plural head but are
    // never the head themselves.
    let mut head: Option<String> = None;
    let mut n = 0;
    while n < 3 {
        let Some(l) = lx.get(j).filter(|l| l.is_word() && (l.sp || n > 0 && lx[j - 1].is_sym('-'))) else { break };
        let mut buf = [0u8; 32];
        let Some(lw) = content_word(l.text(s), &mut buf) else { break };
        // Words in -s that are no plural nouns.
        let not_noun = matches!(
            lw,
            "towards"
                | "afterwards"
                | "besides"
                | "across"
                | "plus"
                | "unless"
                | "always"
                | "perhaps"
                | "whereas"
                | "thus"
        );
        if not_noun {
            break;
        }
        let compound = lx.get(j + 1).is_some_and(|h| h.is_sym('-') && !h.sp)
            && lx.get(j + 2).is_some_and(|w| w.is_word() && !w.sp);
        if compound {
            words.push(format!("{lw}-{}", lx[j + 2].text(s).to_lowercase()));
            j += 3;
            n += 1;
            continue;
        }
        if is_plural(lw) {
            words.push(singular(lw));
            return Some(words.join(" "));
        }
        if !lw.ends_with("ed") && head.is_none() {
            head = Some(lw.to_string());
        }
        words.push(lw.to_string());
        j += 1;
        n += 1;
    }
    head
}

/// `t` lower-cased when it can be part of a common noun phrase: not
/// capitalized (a name), not a stop word, number word or "-ly" adverb.
fn content_word<'b>(t: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if is_cap(t) {
        return None;
    }
    lower(t, buf).filter(|w| !(is_stop(w) || super::numbers::is_number_word(w) || w.ends_with("ly")))
}

/// The noun phrase after an ordinal or an age ("54th prisoner swap",
/// "70-year-old man"): up to three lower-case content words, last one singular.
pub fn phrase_at(s: &str, lx: &[Lex], k: usize) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let mut j = k;
    while words.len() < 3 {
        let Some(l) = lx.get(j) else { break };
        if !l.is_word() || !l.sp {
            break;
        }
        let mut buf = [0u8; 32];
        let Some(lw) = content_word(l.text(s), &mut buf).filter(|w| !w.ends_with("ed")) else { break };
        let plural = is_plural(lw);
        words.push(lw.to_string());
        j += 1;
        if plural {
            break;
        }
    }
    let last = words.pop()?;
    // Only a plural is made singular ("crisis" stays, "swaps" is "swap").
    words.push(if is_plural(&last) { singular(&last) } else { last });
    Some(words.join(" "))
}

/// True when the lexeme before `i` introduces a subset of a count just given:
/// "144 soldiers, including 95".
pub fn subset_cue(s: &str, lx: &[Lex], i: usize) -> bool {
    i >= 1 && (is_word(s, lx, i - 1, "including") || is_word(s, lx, i - 1, "whom") || is_word(s, lx, i - 1, "them"))
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    #[test]
    fn phrase_head_is_made_singular_only_when_plural() {
        let s = "financial crisis ended";
        assert_eq!(phrase_at(s, &lex(s), 0).as_deref(), Some("financial crisis"));
        let s = "prisoner swaps ended";
        assert_eq!(phrase_at(s, &lex(s), 0).as_deref(), Some("prisoner swap"));
    }
}
