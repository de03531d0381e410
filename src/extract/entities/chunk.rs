//! Finding candidate name chunks in a sentence.

use super::classify::{Guess, classify, of_head};
use super::lexicon::{LEX, Word, lower_with};
use super::{Ctx, EntityKind, Mention, Span, starts_upper};
use crate::document::{Shape, TokenKind};
use rustc_hash::FxHashMap as HashMap;

/// Name particles that may sit inside a person's or place's name.
fn particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "y"
    )
}

/// The case and hyphen facts of token `i`, recorded by the tokenizer.
fn shape(cx: &Ctx, i: usize) -> Shape {
    cx.doc.tokens[i].shape
}

/// True when token `i` opens its sentence, a line, a quotation or a clause
/// after a colon or dash: places where any word is capitalized. Looks back
/// over a bounded number of punctuation tokens (linear time).
fn is_initial(cx: &Ctx, i: usize, sentence_start: usize) -> bool {
    let toks = &cx.doc.tokens;
    let mut j = i;
    for _ in 0..4 {
        if j <= sentence_start {
            return true;
        }
        if cx.line_break_before(j) {
            return true;
        }
        j -= 1;
        if toks[j].kind == TokenKind::Word || toks[j].kind == TokenKind::Number {
            return false;
        }
        if matches!(cx.word(j), "“" | "\"" | "‘" | "(" | ":" | "—" | "-" | "–" | "[") {
            return true;
        }
    }
    false
}

/// "Ontario-based", "Kremlin-backed", "French-owned": a name turned into an
/// adjective by a lower-case second part. It describes the name that
/// follows and is not part of it.
fn compound_adjective(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(head, tail)| {
        head.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && tail.len() >= 3
            && tail.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// True when the capitalized run from token `i` ends in an organization or
/// event head: "Belt and Road Initiative", "Test and County Cricket Board".
fn headed_run(cx: &Ctx, i: usize, s: usize, e: usize) -> bool {
    let mut j = i;
    while j < e && is_cap(cx, j, s) {
        j += 1;
    }
    j > i + 1 && cx.facts(j - 1).has(Word::ORG_HEAD | Word::MISC_HEAD)
}

/// True when tokens `[a, b)` (joined by "of") open a name in the
/// organization or product lexicons: "Voice of America", "Power of Siberia".
fn known_of_name(cx: &Ctx, a: usize, b: usize) -> bool {
    cx.with_key(a, b, |key| LEX.of_names.contains(key))
}

/// "Russia-Ukraine border", "US-China talks": places joined by a hyphen
/// describe a relation, not one name.
fn place_pair(w: &str) -> bool {
    w.contains('-')
        && !lower_with(w, |l| LEX.word(l).has(Word::PLACE))
        && w.split('-').all(|p| !p.is_empty() && lower_with(p, |l| LEX.word(l).has(Word::PLACE)))
}

/// "They’re", "Don't", "We’ll": a contraction is never a name.
fn contraction(w: &str) -> bool {
    // Each ending ends in 'e', 'l' or 't': the last byte lets most words go.
    matches!(w.as_bytes().last(), Some(b'e' | b'l' | b't'))
        && ["’re", "'re", "’ll", "'ll", "’ve", "'ve", "n’t", "n't"].iter().any(|c| w.ends_with(c))
}

/// "Echoing Cavoli, …", "Regarding Ukraine, …": a participle or adverb opening
/// the sentence before a name is not part of it.
fn opening_modifier(cx: &Ctx, i: usize, s: usize, e: usize) -> bool {
    let w = cx.word(i);
    let n = || w.chars().count();
    (w.ends_with("ing") && n() > 5 || w.ends_with("ly") && n() > 4)
        && i + 1 < e
        && is_initial(cx, i, s)
        && is_cap(cx, i + 1, s)
        && !cx.facts(i).has(Word::PLACE | Word::GIVEN)
}

/// True when token `i` can be part of a name on capital-letter evidence.
/// `sentence_start` is the first token of `i`'s sentence.
fn is_cap(cx: &Ctx, i: usize, sentence_start: usize) -> bool {
    if let Some(yes) = cx.cap[i].get() {
        return yes;
    }
    let yes = decide_cap(cx, i, sentence_start);
    cx.cap[i].set(Some(yes));
    yes
}

fn decide_cap(cx: &Ctx, i: usize, sentence_start: usize) -> bool {
    if !cx.is_word(i) {
        return false;
    }
    let w = cx.word(i);
    let shape = shape(cx, i);
    if !shape.has(Shape::UPPER_FIRST) || !shape.has(Shape::TWO_LETTERS) && !w.ends_with('.') {
        return false;
    }
    let hyphen = shape.has(Shape::HYPHEN);
    if w.starts_with('’') || w.starts_with('\'') || hyphen && (compound_adjective(w) || place_pair(w)) || contraction(w)
    {
        return false;
    }
    let facts = cx.facts(i);
    if facts.has(Word::NEVER_NAME) {
        return false;
    }
    // A capital opening a sentence is no evidence for a word the document
    // also writes in lower case, unless a lexicon names it (asked first: it
    // is known already, and then the opening need not be looked for).
    facts.has(Word::PLACE | Word::DEMONYM | Word::GIVEN) || !(is_initial(cx, i, sentence_start) && cx.seen_lower(i))
}

/// True when tokens `i, i+1` are an initial or a short abbreviation written
/// with its period ("J." in "J. Ratcliffe", "St." in "St. Petersburg") and a
/// capitalized name word follows on the same line.
#[inline]
fn dotted_prefix(cx: &Ctx, i: usize, s: usize, e: usize) -> bool {
    // Both kinds are at most four bytes (one character, or "Ste"): most
    // words are longer, and are let go here, where the chunker asks.
    let span = cx.doc.tokens[i].span;
    span.end - span.start <= 4 && short_dotted_prefix(cx, i, s, e)
}

/// [`dotted_prefix`] of a token of at most four bytes.
fn short_dotted_prefix(cx: &Ctx, i: usize, s: usize, e: usize) -> bool {
    if i + 2 >= e || !cx.is_word(i) || cx.word(i + 1) != "." {
        return false;
    }
    let w = cx.word(i);
    let mut cs = w.chars();
    let initial = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    if !(initial || matches!(w, "St" | "Ste" | "Mt" | "Ft")) {
        return false;
    }
    let toks = &cx.doc.tokens;
    toks[i].span.end == toks[i + 1].span.start && !cx.line_break_before(i + 2) && is_cap(cx, i + 2, s)
}

/// Chunks and types the names of one ordinary sentence, tokens `[s, e)`.
pub(super) fn sentence(cx: &Ctx, s: usize, e: usize, out: &mut Vec<Mention>) {
    let mut i = s;
    while i < e {
        let t = &cx.doc.tokens[i];
        // Only words are read below, and only a word holding a hyphen can
        // open with "pro-" or "anti-" (its text is sliced only then).
        if t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        // "pro-Russian", "anti-Western": a group word inside a lower-case token.
        if t.shape.has(Shape::HYPHEN)
            && let w = cx.word(i)
            && let Some(rest) = w.strip_prefix("pro-").or_else(|| w.strip_prefix("anti-"))
            && starts_upper(rest)
        {
            let l = rest.to_lowercase();
            if LEX.word(&l).has(Word::DEMONYM | Word::PLACE) {
                out.push(Mention {
                    a: i,
                    b: i + 1,
                    initial: false,
                    guess: Guess { kind: Some(EntityKind::Norp), strong: true, country: None, place: false },
                });
            }
            i += 1;
            continue;
        }
        // Most tokens are punctuation or lower-case words, which neither are
        // name words nor initials ("J."): passed over without asking. Both
        // [`dotted_prefix`] and [`is_cap`] want a first character that is
        // upper case, so a word without one is passed over too (its answer
        // from [`is_cap`] would be `false`).
        if !t.shape.has(Shape::UPPER_FIRST) {
            i += 1;
            continue;
        }
        let dotted = dotted_prefix(cx, i, s, e);
        if !dotted && (!is_cap(cx, i, s) || opening_modifier(cx, i, s, e)) {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = if dotted { i + 3 } else { i + 1 };
        while b < e {
            // A line break ends a name ("Advertisement\nSubscribe").
            if cx.line_break_before(b) {
                break;
            }
            if is_cap(cx, b, s) {
                b += 1;
                continue;
            }
            if dotted_prefix(cx, b, s, e) {
                b += 3;
                continue;
            }
            // "Serpents’ Island": a plural possessive inside a name.
            if b + 1 < e
                && matches!(cx.word(b), "’" | "'")
                && cx.word(b - 1).ends_with('s')
                && cx.doc.tokens[b - 1].span.end == cx.doc.tokens[b].span.start
                && is_cap(cx, b + 1, s)
                && cx.facts(b + 1).has(Word::LOC_HEAD)
            {
                b += 2;
                continue;
            }
            let w = cx.word(b);
            if b + 1 < e
                && is_cap(cx, b + 1, s)
                && (particle(w)
                    || w == "&"
                    || (w == "of" || w == "for")
                        && (lower_with(cx.word(b - 1), of_head) || lower_with(cx.word(a), of_head))
                    || w == "of" && known_of_name(cx, a, b + 2)
                    || w == "and"
                        && ((a..b).any(|k| matches!(cx.word(k), "of" | "for")) || headed_run(cx, b + 1, s, e)))
            {
                b += 2;
                continue;
            }
            break;
        }
        let n0 = out.len();
        if event_year(cx, a, b, e) {
            // "Eagle Assault 2024", "Paris 2024", "Euro 2020": an event.
            out.push(Mention {
                a,
                b: b + 1,
                initial: false,
                guess: Guess { kind: Some(EntityKind::Misc), strong: true, country: None, place: false },
            });
            i = b + 1;
            continue;
        }
        segment(cx, s, a, b, out);
        let initial = is_initial(cx, a, s);
        if initial && let Some(m) = out.get_mut(n0) {
            m.initial = m.a == a;
        }
        i = b;
    }
}

/// True when name tokens `[a, b)` are followed, on the same line and after
/// one space, by a year that ends the phrase: the name of an event or
/// exercise ("Eagle Assault 2024").
fn event_year(cx: &Ctx, a: usize, b: usize, e: usize) -> bool {
    let toks = &cx.doc.tokens;
    if b >= e || toks[b].kind != TokenKind::Number {
        return false;
    }
    let y = cx.word(b);
    let year = y.len() == 4 && (y.starts_with("19") || y.starts_with("20"));
    let gap = &cx.doc.text[toks[b - 1].span.end..toks[b].span.start];
    let next_plain = b + 1 >= e || !matches!(toks[b + 1].kind, TokenKind::Number) && cx.word(b + 1) != "-";
    // "Siberian Force 2", "Nord Stream 2": a numbered project or product,
    // outside sports copy (where "Leeds United 2" is a score).
    let sequel = !cx.sporty
        && b - a >= 2
        && y.len() == 1
        && y.bytes().all(|c| c.is_ascii_digit())
        && (b + 1 >= e || matches!(cx.word(b + 1), "," | "." | ";" | ")" | "”" | "\"" | "’"))
        && classify(cx, a, b, false).kind != Some(EntityKind::Person);
    (year || sequel) && gap == " " && next_plain && !(b - a == 1 && shape(cx, a).all_caps())
}

/// Splits a chunk at titles and types each part; `s` is the first token
/// of its sentence.
fn segment(cx: &Ctx, s: usize, mut a: usize, b: usize, out: &mut Vec<Mention>) {
    while a < b && matches!(cx.word(a), "The" | "A" | "An") && !(a + 1 < b && cx.word(a + 1) == ".") {
        a += 1;
    }
    if a >= b {
        return;
    }
    // "Additional Ukrainian drones", "Earlier Russian forces": a capitalized
    // sentence opener before a group word is not part of it.
    if b - a == 2 && opener_before_group(cx, s, a) {
        a += 1;
    }
    // "Mr. Burton": an abbreviated title ("mr." in the title list) with
    // its period, a token of its own; any other word before a period ends
    // a sentence ("… of Notre Dame. Image: …").
    let abbreviated = a >= 2
        && cx.word(a - 1) == "."
        && cx.doc.tokens[a - 2].span.end == cx.doc.tokens[a - 1].span.start
        && cx.facts(a - 2).has(Word::DOTTED_TITLE);
    let titled = abbreviated
        || a > 0
            && cx.facts(a - 1).has(Word::TITLE)
            && lower_with(cx.word(a - 1), |p| {
                !matches!(p, "state" | "foreign" | "defence" | "defense" | "finance" | "interior")
            });
    // Whole chunk first when a head word makes it an organization or event.
    let whole = classify(cx, a, b, titled);
    if whole.strong && matches!(whole.kind, Some(EntityKind::Org | EntityKind::Misc | EntityKind::Loc)) {
        out.push(Mention { a, b, initial: false, guess: whole });
        return;
    }
    // Title run: "Russian President Vladimir Putin", "NATO Secretary General Jens Stoltenberg".
    // "Press" is a title only in "Press Secretary" ("Associated Press" is a name).
    let title = |i: usize| {
        cx.facts(i).has(Word::TITLE)
            || cx.word(i) == "Press" && i + 1 < b && cx.word(i + 1).eq_ignore_ascii_case("secretary")
    };
    if let Some(t0) = (a..b).find(|&i| title(i)) {
        let mut t1 = t0;
        while t1 < b && title(t1) {
            t1 += 1;
        }
        if t0 > a && !title_modifier(cx, s, a, t0) {
            push_part(cx, a, t0, false, None, out);
        }
        if t1 < b {
            push_part(cx, t1, b, true, None, out);
        }
        return;
    }
    // A demonym or country before a name: "Russian Vladimir Putin" is rare,
    // but "German Chancellor" was handled above; keep the chunk whole.
    push_part(cx, a, b, titled, Some(whole), out);
}

/// True when token `a`, opening its sentence, is an ordinary word before
/// the group word `a + 1` ("Additional Ukrainian"), not a name of its own
/// nor part of one with it. The one-word lexicons are asked through
/// [`Ctx::facts`] (usually known already from [`is_cap`]), the group word
/// first: most two-word chunks end in none, and then nothing is lower-cased.
fn opener_before_group(cx: &Ctx, s: usize, a: usize) -> bool {
    cx.facts(a + 1).has(Word::DEMONYM)
        && is_initial(cx, a, s)
        && !cx.facts(a).has(Word::DEMONYM | Word::GIVEN | Word::TITLE | Word::PLACE)
        && lower_with(cx.word(a), |first| !of_head(first))
        && cx.with_key(a, a + 2, |whole| !LEX.word(whole).has(Word::DEMONYM | Word::PLACE))
}

/// "the Supreme Leader", "Supreme Leader Ali Khamenei" at the start of a
/// sentence: one word the lexicons do not know, after "the" or opening the
/// sentence and before a title, qualifies the title and names nothing.
fn title_modifier(cx: &Ctx, s: usize, a: usize, t0: usize) -> bool {
    t0 - a == 1
        && !shape(cx, a).all_caps()
        && (is_initial(cx, a, s) || a > 0 && cx.word(a - 1).eq_ignore_ascii_case("the"))
        && !classify(cx, a, t0, false).strong
}

/// Types tokens `[a, b)` and appends them, split when they open with a
/// group word; `whole` is their [`classify`] guess when the caller has it.
fn push_part(cx: &Ctx, a: usize, b: usize, titled: bool, whole: Option<Guess>, out: &mut Vec<Mention>) {
    // Leading demonym before a person: "Russian Vladimir Putin" → NORP + PERSON.
    if b - a >= 3 && cx.facts(a).has(Word::DEMONYM) {
        let rest = classify(cx, a + 1, b, titled);
        if rest.kind == Some(EntityKind::Person) && rest.strong {
            out.push(Mention { a, b: a + 1, initial: false, guess: classify(cx, a, a + 1, false) });
            out.push(Mention { a: a + 1, b, initial: false, guess: rest });
            return;
        }
    }
    // Only group words: "Iraqi Kurds" is two NORP mentions.
    if b - a >= 2 && (a..b).all(|i| cx.facts(i).has(Word::DEMONYM)) {
        for i in a..b {
            out.push(Mention { a: i, b: i + 1, initial: false, guess: classify(cx, i, i + 1, false) });
        }
        return;
    }
    let g = whole.unwrap_or_else(|| classify(cx, a, b, titled));
    out.push(Mention { a, b, initial: false, guess: g });
}

/// Matches known names in an ALL-CAPS or Title-Case sentence `[s, e)`,
/// longest first, and appends them to `out`.
pub(super) fn shouting(
    cx: &Ctx,
    s: usize,
    e: usize,
    known: &super::Known,
    surnames: &HashMap<&str, &str>,
    out: &mut Vec<(Span, EntityKind, String, Option<&'static str>)>,
) {
    let toks = &cx.doc.tokens;
    let max = LEX.place_max_tokens.max(4);
    let mut i = s;
    while i < e {
        if !cx.is_word(i) || shape(cx, i).has(Shape::LOWER_FIRST) {
            i += 1;
            continue;
        }
        let mut found = None;
        let lim = (i + max).min(e);
        for j in (i + 1..=lim).rev() {
            if !(i..j).all(|k| {
                cx.is_word(k) && !shape(cx, k).has(Shape::LOWER_FIRST)
                    || j - i > 1 && k > i && k + 1 < j && cx.word(k) == "of"
            }) {
                continue;
            }
            let key = cx.key(i, j);
            let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
            // A dateline ("NEW YORK 1996-08-22") names a place even when
            // the same name plays as a team elsewhere in the document.
            let dateline = j < e && toks[j].kind == TokenKind::Number && cx.word(j).contains('-');
            if dateline && let Some(p) = LEX.place(&key) {
                found = Some((j, span, EntityKind::Loc, cx.surface(i, j), Some(p.country)));
                break;
            }
            if let Some((k, c, cc)) = known.get(key.as_str()) {
                // A surname known as a person takes the full name the
                // document gives it ("Stoltenberg Unveils …" above "Jens
                // Stoltenberg").
                let full = (j - i == 1 && *k == EntityKind::Person).then(|| surnames.get(key.as_str())).flatten();
                found = Some((j, span, *k, full.unwrap_or(c).to_string(), *cc));
                break;
            }
            if let Some(p) = LEX.place(&key)
                && !(j - i == 1 && cx.facts(i).has(Word::DENY))
            {
                let kind = super::classify::sports_team(cx, i, j, EntityKind::Loc, true);
                found = Some((j, span, kind, cx.surface(i, j), Some(p.country)));
                break;
            }
            if LEX.demonyms.contains_key(&key) {
                found = Some((j, span, EntityKind::Norp, cx.surface(i, j), None));
                break;
            }
            if j - i == 1 {
                if let Some(full) = surnames.get(key.as_str()) {
                    found = Some((j, span, EntityKind::Person, full.to_string(), None));
                    break;
                }
                // A short acronym in a Title-Case headline is still an acronym.
                let w = cx.word(i);
                if shape(cx, i).all_caps() && !all_caps_sentence(cx, s, e) && w.len() <= 6 {
                    found = Some((j, span, EntityKind::Org, w.to_string(), None));
                    break;
                }
            }
        }
        match found {
            Some((j, span, kind, canon, cc)) => {
                out.push((span, kind, canon, if kind == EntityKind::Loc { cc } else { None }));
                i = j;
            }
            None => i += 1,
        }
    }
}

fn all_caps_sentence(cx: &Ctx, s: usize, e: usize) -> bool {
    let (mut w, mut c) = (0, 0);
    for i in s..e {
        if cx.is_word(i) && shape(cx, i).has(Shape::TWO_LETTERS) {
            w += 1;
            c += usize::from(shape(cx, i).all_caps());
        }
    }
    c * 10 >= w * 6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ParagraphKind};

    fn ctx(doc: &Document) -> Ctx<'_> {
        Ctx {
            doc,
            lower_seen: super::super::scan_words(doc).0,
            sporty: false,
            cap: vec![Default::default(); doc.tokens.len()],
            facts: vec![Default::default(); doc.tokens.len()],
        }
    }

    /// [`opener_before_group`] as first written: every word lower-cased
    /// and looked up in the lexicons themselves.
    fn opener_before_group_by_sets(cx: &Ctx, s: usize, a: usize) -> bool {
        is_initial(cx, a, s) && {
            let first = cx.word(a).to_lowercase();
            let second = cx.word(a + 1).to_lowercase();
            let whole = cx.key(a, a + 2);
            LEX.demonyms.contains_key(&second)
                && !LEX.demonyms.contains_key(&whole)
                && LEX.place(&whole).is_none()
                && LEX.place(&first).is_none()
                && !LEX.demonyms.contains_key(&first)
                && !LEX.word(&first).has(Word::GIVEN | Word::TITLE)
                && !of_head(&first)
        }
    }

    /// Sentence openers, group words and names the lexicons hold in
    /// several of the sets [`opener_before_group`] reads.
    const WORDS: &[&str] = &[
        "Additional",
        "Earlier",
        "Russian",
        "Ukrainian",
        "RUSSIAN",
        "russians",
        "British",
        "Iraqi",
        "Kurds",
        "John",
        "President",
        "Bank",
        "Georgia",
        "Georgian",
        "New",
        "Zealand",
        "Zealanders",
        "The",
        "the",
        "Zürich",
        "Ünited",
        "of",
        "Paris",
        "said",
        ".",
        ",",
        "\n",
        "“",
        "(",
        " ",
        "  ",
    ];

    /// Both answers occur, so the property below compares something.
    #[test]
    fn opener_before_group_examples() {
        for (text, want) in [("Additional Ukrainian drones fell.", true), ("British Iraqi forces left.", false)] {
            let doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
            let cx = ctx(&doc);
            assert_eq!(opener_before_group(&cx, 0, 0), want, "{text}");
            assert_eq!(opener_before_group_by_sets(&cx, 0, 0), want, "{text}");
        }
    }

    proptest::proptest! {
        /// [`opener_before_group`] agrees with its definition by the
        /// lexicon sets on any pair of tokens.
        #[test]
        fn opener_before_group_matches_the_sets(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..16)
        ) {
            let text = words.join(" ");
            let doc = Document::from_paragraphs(&[(text.as_str(), ParagraphKind::Body)]);
            let cx = ctx(&doc);
            let toks = &doc.tokens;
            for a in 0..toks.len().saturating_sub(1) {
                let s = toks.partition_point(|t| t.sentence < toks[a].sentence);
                proptest::prop_assert_eq!(
                    opener_before_group(&cx, s, a),
                    opener_before_group_by_sets(&cx, s, a),
                    "{:?} {:?}", cx.word(a), cx.word(a + 1)
                );
            }
        }

        /// [`sentence`] passes over any word whose shape lacks an upper-case
        /// first character: neither [`dotted_prefix`] nor [`is_cap`] could
        /// accept it. And [`Ctx::line_break_before`] reads the gap as the
        /// character search did.
        #[test]
        fn words_without_a_capital_start_no_name(
            text in "([A-Za-z]{1,6}|[ .,'’&()\n-]|St|Mt|J\\.|\\PC){0,40}"
        ) {
            let doc = Document::from_paragraphs(&[(text.as_str(), ParagraphKind::Body)]);
            let cx = ctx(&doc);
            let toks = &doc.tokens;
            for i in 0..toks.len() {
                let s = toks.partition_point(|t| t.sentence < toks[i].sentence);
                let e = toks.partition_point(|t| t.sentence <= toks[i].sentence);
                if !toks[i].shape.has(Shape::UPPER_FIRST) {
                    proptest::prop_assert!(!dotted_prefix(&cx, i, s, e) && !is_cap(&cx, i, s), "{:?}", cx.word(i));
                }
                if i > 0 {
                    let gap = &doc.text[toks[i - 1].span.end..toks[i].span.start];
                    proptest::prop_assert_eq!(cx.line_break_before(i), gap.contains('\n'));
                }
            }
        }
    }
}
