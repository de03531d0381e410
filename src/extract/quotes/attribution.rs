//! Finding who said a quotation: the speech verb and the speaker phrase
//! around it, before (`Putin castigated: “…”`) or after (`“…,” he said`,
//! `“…” said spokesman Igor Konashenkov`).
//!
//! Only short windows next to the quotation are read (bounded number of
//! words), so attribution costs O(1) per quote.

use super::lexicon::{
    is_capitalized_non_name, is_determiner, is_name_glue, is_role, is_speech_verb, is_time_word, is_verb_filler,
};
use crate::document::{Span, ascii};

/// A word or punctuation mark inside an attribution window.
#[derive(Debug, Clone, Copy)]
pub struct W<'a> {
    /// Byte span in the document.
    pub span: Span,
    /// Its text.
    pub s: &'a str,
}

impl W<'_> {
    /// Starts with a letter or digit.
    pub fn is_word(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_alphanumeric)
    }
    /// Starts with a capital letter.
    pub fn is_cap(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
    fn is_punct(&self, c: char) -> bool {
        self.s.len() == c.len_utf8() && self.s.starts_with(c)
    }
    fn ends_sentence(&self) -> bool {
        self.is_punct('.') || self.is_punct('!') || self.is_punct('?') || self.is_punct(';')
    }
}

const ABBREV: &[&str] = &[
    "Lt", "Gen", "Sen", "Rep", "Gov", "Dr", "Mr", "Mrs", "Ms", "Jr", "St", "Col", "Sgt", "Capt", "Adm", "Maj", "Prof",
    "Rev", "Cmdr", "Sr",
];

/// Splits `text[span]` into words (keeping "U.S.", "Lt.", "NATO’s",
/// "al-Assad" whole) and single punctuation marks, stopping after `max` items.
pub fn words(text: &str, span: Span, max: usize) -> Vec<W<'_>> {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(max.min(64));
    let mut i = 0;
    while out.len() < max
        && let Some(&b) = bytes.get(i)
    {
        // ASCII spaces and punctuation, most of what is no word, are told
        // apart by one table load, without decoding a char.
        let class = ascii::class(b);
        let end = if class == ascii::SPACE {
            i += 1;
            continue;
        } else if class & (ascii::LETTER | ascii::DIGIT) != 0 {
            word_end(s, i, char::from(b))
        } else if b.is_ascii() {
            i + 1
        } else {
            let c = char_at(s, i).unwrap_or_default();
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if c.is_alphanumeric() { word_end(s, i, c) } else { i + c.len_utf8() }
        };
        out.push(W { span: Span::new(span.start + i, span.start + end), s: &s[i..end] });
        i = end;
    }
    out
}

/// The end of the word that starts at byte `i` of `s` with the letter or
/// digit `c`: it runs over letters and digits, and over an inner `-`, `'`,
/// `’` or `.` when a letter or digit follows; a final period stays with an
/// abbreviation ("Lt.", "J.", "U.S.", "R-Fla.)").
fn word_end(s: &str, i: usize, c: char) -> usize {
    let bytes = s.as_bytes();
    let mut end = i + c.len_utf8();
    loop {
        // ASCII letters and digits, the bulk of a word, byte by byte.
        while bytes.get(end).is_some_and(|&b| ascii::class(b) & (ascii::LETTER | ascii::DIGIT) != 0) {
            end += 1;
        }
        let j = end;
        let Some(d) = char_at(s, j) else { break };
        // The run above took every ASCII letter and digit, so only a
        // non-ASCII char needs the (Unicode) test.
        if !d.is_ascii() && d.is_alphanumeric() {
            end = j + d.len_utf8();
        } else if matches!(d, '-' | '\'' | '’' | '.') {
            // Inner joiner only when a letter follows.
            let after = char_at(s, j + d.len_utf8());
            if after.is_some_and(char::is_alphanumeric) {
                end = j + d.len_utf8();
            } else {
                if d == '.'
                    && (ABBREV.contains(&&s[i..j])
                        || (j - i == 1 && c.is_uppercase())
                        || s[i..j].contains('.')
                        // "(R-Fla.)", "R-Ky., said": a period before a
                        // comma or a closing parenthesis abbreviates.
                        || matches!(after, Some(',' | ')')))
                {
                    end = j + 1;
                }
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// The char at byte `i` of `s` (a char boundary), read directly when it
/// is ASCII.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s[i..].chars().next(),
    }
}

/// How far [`last_words`] looks back, in bytes per word asked for.
const BYTES_PER_WORD: usize = 24;
/// How far it looks first: news text runs five to six bytes a word, so a
/// long window mostly holds the words asked for in a quarter of that.
const NEAR_BYTES_PER_WORD: usize = 6;

/// Same as [`words`] but reading backwards from the end of `span`: the
/// last `max` items, in text order.
pub fn last_words(text: &str, span: Span, max: usize) -> Vec<W<'_>> {
    last_words_from::<true>(text, span, max)
}

/// [`last_words`]. `NEAR` turns on the near look-back, tried before the
/// far one; the tests run both ways and compare.
///
/// A near look-back that reaches the start of `span` is the far one.
/// Otherwise: words never hold whitespace, so a split that starts at a
/// whitespace character splits what follows as any earlier start does;
/// when the near look-back starts at one and finds `max` words, they are
/// the last `max` of the far one too, and the bytes before are not read.
fn last_words_from<const NEAR: bool>(text: &str, span: Span, max: usize) -> Vec<W<'_>> {
    if NEAR {
        let (near, at_space) = look_back(text, span, max * NEAR_BYTES_PER_WORD);
        if near == span.start || at_space {
            let ws = words(text, Span::new(near, span.end), usize::MAX);
            if near == span.start || ws.len() >= max {
                return last_of(ws, max);
            }
        }
    }
    let (start, _) = look_back(text, span, max * BYTES_PER_WORD);
    last_of(words(text, Span::new(start, span.end), usize::MAX), max)
}

/// Where to start splitting the last `bytes` of `span`, and whether that
/// is at a whitespace character.
fn look_back(text: &str, span: Span, bytes: usize) -> (usize, bool) {
    // Look back a bounded number of bytes, then re-align on a char boundary.
    let mut start = span.end.saturating_sub(bytes).max(span.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    // Start at a word boundary so the first word is not a fragment.
    if start > span.start
        && let Some(p) = text[start..span.end].find(char::is_whitespace)
    {
        return (start + p, true);
    }
    (start, false)
}

/// Whether the far look-back of [`last_words`] covers all of `span`, so
/// that its words (whichever look-back finds them) are the last of
/// `words(text, span, usize::MAX)` (see [`last_of`]).
pub fn reads_whole(span: Span, max: usize) -> bool {
    span.len() <= max * BYTES_PER_WORD
}

/// The last `max` of `ws`: [`last_words`] of a span that it
/// [`reads_whole`], from the span's words already split.
pub fn last_of(mut ws: Vec<W<'_>>, max: usize) -> Vec<W<'_>> {
    if ws.len() > max {
        ws.drain(..ws.len() - max);
    }
    ws
}

/// Start of the sentence that holds byte `at` (looking back at most a few
/// hundred bytes): after the last `.`, `!` or `?` followed by a space that
/// does not close an abbreviation ("Sen.", "J."), or after a line break.
pub fn sentence_start(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let lo = at.saturating_sub(600);
    let mut i = at.min(b.len());
    while i > lo {
        i -= 1;
        match b[i] {
            b'\n' => return i + 1,
            // "… “unhinged.” Next": a closing quotation mark may follow.
            b'.' | b'!' | b'?'
                if b.get(i + 1) == Some(&b' ')
                    || text[i + 1..].starts_with("” ")
                    || text[i + 1..].starts_with("\" ") =>
            {
                let w = text[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let abbrev =
                    b[i] == b'.' && (ABBREV.contains(&w) || (w.len() == 1 && w.chars().all(char::is_uppercase)));
                if !abbrev {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    lo
}

/// What an attribution window yielded.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The speech verb as written ("said", "according to").
    pub verb: String,
    /// Byte span of the verb.
    pub verb_span: Span,
    /// The speaker phrase, if one was found.
    pub speaker: Option<Phrase>,
}

/// A speaker phrase split into name and role.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Whole phrase (role + name, or the nominal).
    pub span: Span,
    /// The name part ("Igor Konashenkov"), the pronoun, or the nominal.
    pub head: Span,
    /// Role words kept apart ("Russian Defense Ministry spokesman").
    pub role: Option<Span>,
    /// What the head is.
    pub kind: HeadKind,
}

/// What a speaker phrase's head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// A capitalized name (person, organization or place).
    Name,
    /// A pronoun to resolve.
    Pronoun,
    /// A common-noun description ("a campaign spokesman", "officials").
    Nominal,
}

fn span_of(ws: &[W]) -> Span {
    Span::new(ws[0].span.start, ws[ws.len() - 1].span.end)
}

/// Splits a run of name-ish words into role (up to the last title word)
/// and name (the capitalized words after it).
fn split_role(ws: &[W]) -> Phrase {
    let whole = span_of(ws);
    let mut k = None;
    for (i, w) in ws.iter().enumerate() {
        if is_role(w.s) && i + 1 < ws.len() {
            k = Some(i);
        }
    }
    let name_from = match k {
        Some(i) => {
            let mut j = i + 1;
            // "Secretary of State John Kerry": the "of X" belongs to the role.
            if j + 2 < ws.len() && is_name_glue(ws[j].s) {
                j += 2;
            }
            j
        }
        None => 0,
    };
    let mut name_from = name_from.min(ws.len() - 1);
    while name_from < ws.len() - 1 && (!ws[name_from].is_cap() || is_capitalized_non_name(ws[name_from].s)) {
        name_from += 1;
    }
    let mut role_from = 0;
    while role_from < name_from && is_determiner(ws[role_from].s) {
        role_from += 1;
    }
    let role = (role_from < name_from).then(|| span_of(&ws[role_from..name_from]));
    Phrase { span: whole, head: span_of(&ws[name_from..]), role, kind: HeadKind::Name }
}

fn is_pronoun_word(w: &W) -> bool {
    super::lexicon::pronoun(w.s).is_some()
}

/// End of the capitalized name starting at `ws[j]`, glue words included
/// only between capitals ("Abu al-Assad", "Bank of England").
fn name_end(ws: &[W], j: usize) -> usize {
    let mut k = j;
    while k < ws.len()
        && ws[k].is_word()
        && (ws[k].is_cap() || is_name_glue(ws[k].s) && k + 1 < ws.len() && ws[k + 1].is_cap())
    {
        k += 1;
    }
    k
}

/// The speech that `ws` (a sentence, its end mark left out) reports, when
/// its speaker is a name or a pronoun: "Smith said the plan was flawed".
pub fn reported_speech(ws: &[W]) -> Option<Found> {
    before_quote(ws).map(|(f, _)| f).filter(|f| f.speaker.as_ref().is_some_and(|p| p.kind != HeadKind::Nominal))
}

/// Parses the speaker phrase that starts at `ws[0]` ("said Russian Defense
/// Ministry spokesman Igor Konashenkov", "declared the Chinese president,
/// Xi Jinping, after …").
pub fn forward_phrase(ws: &[W]) -> Option<Phrase> {
    let mut i = 0;
    // "said Tuesday", "said on Thursday": skip time words before the speaker.
    while i < ws.len() && i < 3 && is_time_word(ws[i].s) {
        i += 1;
    }
    let first = ws.get(i)?;
    if is_pronoun_word(first) {
        return Some(Phrase { span: first.span, head: first.span, role: None, kind: HeadKind::Pronoun });
    }
    if first.is_word() && is_determiner(first.s) {
        // Nominal up to its role noun head, then "of the X region", then an
        // apposed name: "the governor of the Lugansk region, Serguiï Gaïdaï".
        let mut j = i + 1;
        let mut head = None;
        while j < ws.len() && j < i + 7 && ws[j].is_word() {
            if is_role(ws[j].s) || ws[j].s.ends_with("man") || ws[j].s.ends_with("woman") {
                head = Some(j);
            }
            if ws[j].is_cap() && head.is_none() && !is_role(ws[j].s) && j + 1 < ws.len() && !ws[j + 1].is_word() {
                break;
            }
            j += 1;
        }
        let head_found = head.is_some();
        let head = match head {
            Some(h) => h,
            // "added a South Carolina Democrat": up to the punctuation.
            None => {
                let mut h = i + 1;
                while h + 1 < ws.len() && h < i + 5 && ws[h + 1].is_word() && !is_speech_verb(ws[h + 1].s) {
                    h += 1;
                }
                if h >= ws.len() || !ws[h].is_word() {
                    return None;
                }
                h
            }
        };
        let mut end = head + 1;
        if end + 1 < ws.len() && ws[end].s == "of" {
            end += 1;
            while end < ws.len() && end < head + 7 && ws[end].is_word() && !is_speech_verb(ws[end].s) {
                end += 1;
            }
        }
        let nominal = &ws[i..end];
        // "said the Rev. Jane Roe", "the Chinese president Xi Jinping": a
        // name right after the role head.
        if head_found
            && end == head + 1
            && end < ws.len()
            && ws[end].is_cap()
            && !is_capitalized_non_name(ws[end].s)
            && !is_time_word(ws[end].s)
            && !is_role(ws[end].s)
        {
            let name = &ws[end..name_end(ws, end)];
            return Some(Phrase {
                span: Span::new(nominal[0].span.start, name[name.len() - 1].span.end),
                head: span_of(name),
                role: Some(span_of(&nominal[1..])),
                kind: HeadKind::Name,
            });
        }
        // Apposed name after a comma.
        if end + 1 < ws.len()
            && ws[end].is_punct(',')
            && ws[end + 1].is_cap()
            && !is_capitalized_non_name(ws[end + 1].s)
        {
            let name = &ws[end + 1..name_end(ws, end + 1)];
            let role_start = if is_determiner(nominal[0].s) { 1 } else { 0 };
            let role = (role_start < nominal.len()).then(|| span_of(&nominal[role_start..]));
            return Some(Phrase {
                span: Span::new(nominal[0].span.start, name[name.len() - 1].span.end),
                head: span_of(name),
                role,
                kind: HeadKind::Name,
            });
        }
        // A capitalized name inside the nominal? ("the Kremlin")
        let caps: Vec<W> =
            nominal.iter().copied().filter(|w| w.is_cap() && !is_role(w.s) && !is_capitalized_non_name(w.s)).collect();
        if caps.len() == nominal.len() - 1 && !caps.is_empty() {
            return Some(split_role(&nominal[1..]));
        }
        return Some(Phrase { span: span_of(nominal), head: span_of(nominal), role: None, kind: HeadKind::Nominal });
    }
    if first.is_cap() {
        // Run of capitalized words, glue words and role nouns.
        let mut j = i;
        while j < ws.len()
            && ws[j].is_word()
            && (ws[j].is_cap()
                || is_role(ws[j].s)
                || (j + 1 < ws.len() && ws[j + 1].is_cap() && (is_name_glue(ws[j].s) || person_noun(ws[j].s))))
        {
            j += 1;
        }
        // Trailing lowercase role words are not part of the name.
        while j > i + 1 && !ws[j - 1].is_cap() {
            j -= 1;
        }
        let run = &ws[i..j];
        if run.is_empty() || (run.len() == 1 && is_capitalized_non_name(run[0].s)) {
            return None;
        }
        // "Republican presidential front-runner Jane Roe".
        if j < ws.len()
            && !ws[j].is_cap()
            && let Some(p) = modified_role_name(&ws[i..])
        {
            return Some(p);
        }
        return Some(split_role(run));
    }
    // "said conservative activist Bob Klaus", "said 9/11 widow Terry
    // Strada": lower-case modifiers and a role noun before a name.
    if first.is_word() {
        let mut j = i;
        while j < ws.len() && j < i + 4 && ws[j].is_word() && !ws[j].is_cap() && !is_speech_verb(ws[j].s) {
            j += 1;
        }
        if j > i
            && j < ws.len()
            && ws[j].is_cap()
            && !is_capitalized_non_name(ws[j].s)
            && role_noun(ws[j - 1].s)
            && !ws[i..j].iter().any(|w| is_name_glue(w.s) || matches!(w.s, "from" | "to" | "in" | "at" | "for" | "by"))
        {
            let name = span_of(&ws[j..name_end(ws, j)]);
            return Some(Phrase {
                span: Span::new(ws[i].span.start, name.end),
                head: name,
                role: Some(span_of(&ws[i..j])),
                kind: HeadKind::Name,
            });
        }
    }
    if first.is_word()
        && let Some(p) = modified_role_name(&ws[i..])
    {
        return Some(p);
    }
    // Bare plural role noun: "said officials".
    if is_role(first.s) {
        return Some(Phrase { span: first.span, head: first.span, role: None, kind: HeadKind::Nominal });
    }
    None
}

/// Parses the subject that ends at the end of `ws` ("Russian President
/// Vladimir Putin", "he", "a campaign spokesman", "Flynn, a top Trump
/// surrogate,").
pub fn backward_phrase(ws: &[W]) -> Option<Phrase> {
    let mut end = ws.len();
    // "Putin also said", "Obama on Tuesday called", "O’Donnell loudly asked".
    while end > 0
        && ws[end - 1].is_word()
        && (is_verb_filler(ws[end - 1].s) || is_time_word(ws[end - 1].s) || adverb_before_verb(&ws[..end]))
    {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let mut ws = &ws[..end];
    // "Rep. Paul Ryan (R-WI) said": drop a short parenthetical.
    if ws[ws.len() - 1].is_punct(')')
        && let Some(o) = ws.iter().rposition(|w| w.is_punct('('))
        && ws.len() - o <= 6
        && o > 0
    {
        ws = &ws[..o];
    }
    // "Flynn, a top Trump surrogate, said": skip the apposition.
    let mut appos: Option<Span> = None;
    if ws[ws.len() - 1].is_punct(',') {
        let inner = &ws[..ws.len() - 1];
        if let Some(c) = inner.iter().rposition(|w| w.is_punct(',')) {
            let app = &inner[c + 1..];
            // An apposition follows a name ("Holger Schmieding of Berenberg,
            // Germany's largest private bank, warned").
            let name_before = c > 0 && inner[c - 1].is_cap();
            if !app.is_empty()
                && app.len() <= 36
                && (is_determiner(app[0].s) || app[0].s == "who" || !app[0].is_cap() || name_before)
                && c > 0
            {
                appos = Some(span_of(app));
                ws = &inner[..c];
            } else {
                ws = inner;
            }
        } else {
            return None;
        }
    }
    // "Cory James, 22, of Flint, Mich., said": an age and a home town
    // between commas follow the name.
    while let Some(c) = ws.iter().rposition(|w| w.is_punct(','))
        && c > 0
        && ws.len() - c <= 5
    {
        let tail = &ws[c + 1..];
        let age = tail.len() == 1 && tail[0].s.bytes().all(|b| b.is_ascii_digit());
        let home = tail.len() >= 2 && matches!(tail[0].s, "of" | "from") && tail[1..].iter().all(|w| w.is_cap());
        if !(age || home) {
            break;
        }
        ws = &ws[..c];
    }
    // "Russia, which said …": the antecedent before the comma.
    if ws.len() >= 2 && matches!(ws[ws.len() - 1].s, "who" | "which") {
        let cut = if ws[ws.len() - 2].is_punct(',') { ws.len() - 2 } else { ws.len() - 1 };
        return backward_phrase(&ws[..cut]);
    }
    // The subject is the tail of the window after the last boundary.
    let mut start = ws.len();
    while start > 0 {
        let w = &ws[start - 1];
        let ok = w.is_word()
            && !matches!(
                w.s,
                "that"
                    | "and"
                    | "but"
                    | "while"
                    | "when"
                    | "as"
                    | "because"
                    | "which"
                    | "where"
                    | "if"
                    | "than"
                    | "so"
                    | "after"
                    | "before"
                    | "said"
                    | "says"
            )
            && !(is_speech_verb(w.s) && start < ws.len());
        if !ok || ws.len() - start >= 10 {
            break;
        }
        start -= 1;
    }
    let sub = &ws[start..];
    if sub.is_empty() {
        return None;
    }
    let last = &sub[sub.len() - 1];
    if sub.len() == 1 && is_pronoun_word(last) {
        return Some(Phrase { span: last.span, head: last.span, role: None, kind: HeadKind::Pronoun });
    }
    if is_pronoun_word(last) {
        return Some(Phrase { span: last.span, head: last.span, role: None, kind: HeadKind::Pronoun });
    }
    // Last capitalized run (names may end in a possessive-free word).
    let mut e = sub.len();
    while e > 0 && (!sub[e - 1].is_cap() || is_capitalized_non_name(sub[e - 1].s)) {
        e -= 1;
    }
    if e > 0 && e == sub.len() {
        let mut s = e - 1;
        while s > 0
            && (sub[s - 1].is_cap()
                || is_role(sub[s - 1].s)
                || (is_name_glue(sub[s - 1].s) && s > 1 && sub[s - 2].is_cap()))
            && !is_capitalized_non_name(sub[s - 1].s)
        {
            s -= 1;
        }
        // "Supporters of former President Donald Trump", "critics of Acme":
        // a plural noun for people heads the phrase, the name after "of"
        // is its complement, and the whole group is the speaker.
        // "fans of the singer Jane Roe": "of" may stand a few lower-case
        // words before the name.
        let of = (s.saturating_sub(4)..s).rev().find(|&k| {
            sub[k].s == "of" && sub[k + 1..s].iter().all(|w| w.is_word() && !w.is_cap() && !is_speech_verb(w.s))
        });
        let g = of.map_or(s, |k| k.saturating_sub(1));
        if g + 2 < e && sub[g + 1].s == "of" && is_group_noun(sub[g].s) {
            // Its determiner, with up to two modifiers ("The remaining members").
            let modifier = |w: &W| w.is_word() && !w.is_cap() && !is_speech_verb(w.s) && !is_preposition(w.s);
            let opens = |w: &W| is_determiner(w.s) || is_quantity(w.s);
            let g = (1..=3.min(g))
                .find(|&k| opens(&sub[g - k]) && sub[g - k + 1..g].iter().all(modifier))
                .map_or(g, |k| g - k);
            let span = span_of(&sub[g..e]);
            return Some(Phrase { span, head: span, role: None, kind: HeadKind::Nominal });
        }
        let mut p = split_role(&sub[s..e]);
        if p.role.is_none() {
            p.role = appos;
        }
        return Some(p);
    }
    // "Sanders’ campaign", "Smith's family", "NATO’s strategic roadmap": a
    // possessive name and its noun, with up to two lower-case modifiers.
    let nouns = sub
        .iter()
        .rev()
        .take(3)
        .take_while(|w| {
            w.is_word()
                && !w.is_cap()
                && !is_pronoun_word(w)
                && !is_speech_verb(w.s)
                && !is_preposition(w.s)
                && !is_name_glue(w.s)
                && !is_quantity(w.s)
        })
        .count();
    if nouns >= 1 && sub.len() > nouns {
        let owner = &sub[sub.len() - 1 - nouns];
        if owner.is_cap()
            && !is_capitalized_non_name(owner.s)
            && (owner.s.ends_with("’s") || owner.s.ends_with("'s") || owner.s.ends_with('’'))
        {
            let mut s = sub.len() - 1 - nouns;
            while s > 0 && sub[s - 1].is_cap() && !is_capitalized_non_name(sub[s - 1].s) {
                s -= 1;
            }
            let span = span_of(&sub[s..]);
            // "Eric Abensur, Wanadoo's chief executive told", "Lord Condon,
            // head of the ICC's anti-corruption unit, …, said": a title
            // apposed to the name before its comma describes that person.
            let lead = &sub[..s];
            let lead = &lead[usize::from(lead.first().is_some_and(|w| is_determiner(w.s)))..];
            let title = if lead.is_empty() {
                names_person(last.s)
            } else {
                (2..=3).contains(&lead.len())
                    && (names_person(lead[0].s) || lead[0].s == "head")
                    && lead[1].s == "of"
                    && lead.get(2).is_none_or(|w| is_determiner(w.s))
            };
            if title
                && start >= 2
                && ws[start - 1].is_punct(',')
                && let Some(mut p) = backward_phrase(&ws[..start - 1]).filter(|p| p.kind == HeadKind::Name)
            {
                let span = span_of(sub);
                p.role = Some(span);
                p.span.end = span.end;
                return Some(p);
            }
            return Some(Phrase { span, head: span, role: None, kind: HeadKind::Nominal });
        }
    }
    // Nominal: "a campaign spokesman", "officials", "the Ukrainian army".
    let has_det = sub.iter().rev().take(6).any(|w| is_determiner(w.s));
    if last.is_word()
        && !is_determiner(last.s)
        && (is_role(last.s) || last.s.ends_with("man") || last.s.ends_with("woman") || has_det)
    {
        let mut s = sub.len() - 1;
        while s > 0 && sub.len() - s < 6 {
            s -= 1;
            if is_determiner(sub[s].s) {
                break;
            }
        }
        // "members of the crowd": the head before "of" is the subject.
        if s > 1 && sub[s - 1].s == "of" {
            s -= 2;
            while s > 0 && sub.len() - s < 9 && !is_determiner(sub[s].s) && sub[s - 1].is_word() {
                s -= 1;
                if is_determiner(sub[s].s) {
                    break;
                }
            }
        } else if s > 0 && is_preposition(sub[s - 1].s) {
            // "marching through the streets chanted": no subject here.
            return None;
        }
        return Some(Phrase {
            span: span_of(&sub[s..]),
            head: span_of(&sub[s..]),
            role: None,
            kind: HeadKind::Nominal,
        });
    }
    None
}

/// "undecided Republican voter Jane Roe", "Republican presidential
/// front-runner Jane Roe", "former Carter adviser Jane Roe": modifiers of
/// any case, a lower-case person noun, then the name (the last such noun
/// within eight words). A modifier shaped like a finite verb ("quotes",
/// "went") or a preposition ends the search.
fn modified_role_name(ws: &[W]) -> Option<Phrase> {
    let mut best = None;
    for k in 0..ws.len().min(8) {
        let w = &ws[k];
        if !w.is_word() || is_name_glue(w.s) || is_preposition(w.s) || is_speech_verb(w.s) {
            break;
        }
        if w.is_cap() {
            continue;
        }
        if k > 0 && person_noun(w.s) && ws.get(k + 1).is_some_and(|n| n.is_cap() && !is_capitalized_non_name(n.s)) {
            best = Some(k);
            continue;
        }
        let finite = (w.s.ends_with('s') && !w.s.ends_with("ss")) || matches!(w.s, "went" | "took" | "made" | "came");
        if finite || is_role(w.s) && !matches!(w.s, "former" | "retired" | "vice" | "deputy" | "chief" | "general") {
            break;
        }
    }
    let k = best?;
    let name = span_of(&ws[k + 1..name_end(ws, k + 1)]);
    Some(Phrase {
        span: Span::new(ws[0].span.start, name.end),
        head: name,
        role: Some(span_of(&ws[..=k])),
        kind: HeadKind::Name,
    })
}

/// A lower-case noun for a person ("voter", "front-runner", "activist"),
/// from the role lexicon or by its ending, leaving out look-alikes
/// ("after", "other", "government").
fn person_noun(w: &str) -> bool {
    (is_role(w) && !matches!(w, "former" | "retired" | "vice" | "deputy" | "chief" | "general"))
        || (w.len() > 4
            && ["ist", "er", "or", "man", "woman"].iter().any(|s| w.ends_with(s))
            && !matches!(
                w,
                "after"
                    | "other"
                    | "never"
                    | "however"
                    | "rather"
                    | "either"
                    | "neither"
                    | "whether"
                    | "together"
                    | "later"
                    | "power"
                    | "water"
                    | "order"
                    | "matter"
                    | "number"
                    | "letter"
                    | "paper"
                    | "center"
                    | "border"
                    | "answer"
                    | "dinner"
                    | "summer"
                    | "winter"
                    | "under"
                    | "over"
                    | "major"
                    | "minor"
                    | "error"
                    | "floor"
                    | "door"
                    | "honor"
                    | "favor"
                    | "labor"
                    | "sector"
                    | "factor"
                    | "corridor"
                    | "mirror"
                    | "terror"
                    | "horror"
            ))
}

/// A plural noun for a group of people ("supporters", "critics",
/// "members", "allies"), any case: the plural of a person noun
/// ([`names_person`]) or of a few nouns for people that have no person
/// ending.
pub fn is_group_noun(w: &str) -> bool {
    let w = w.to_lowercase();
    if w.len() < 4 || w.ends_with("ss") || !w.ends_with('s') {
        return false;
    }
    super::lexicon::singulars(&w).any(|singular| {
        names_person(&singular)
            || matches!(
                singular.as_str(),
                "critic"
                    | "ally"
                    | "friend"
                    | "fan"
                    | "advocate"
                    | "relative"
                    | "family"
                    | "aide"
                    | "employee"
                    | "colleague"
                    | "rival"
                    | "veteran"
                    | "parent"
                    | "citizen"
                    | "associate"
                    | "delegate"
                    | "loyalist"
                    | "partisan"
                    | "devotee"
                    | "adherent"
            )
    })
}

/// Whether a speaker phrase is a group of people named by what they are
/// to someone ("Supporters of former President Donald Trump", "some
/// critics of Acme"): the named person or organization after "of" is not
/// the speaker.
pub fn is_group_of(phrase: &str) -> bool {
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let Some(o) = ws.iter().take(5).position(|w| *w == "of").filter(|&o| o >= 1 && o + 1 < ws.len()) else {
        return false;
    };
    let lead = o >= 2 && (is_determiner(ws[0]) || is_quantity(&ws[0].to_lowercase()));
    // Before the noun: a determiner and lower-case modifiers only.
    let modifiers = || ws[1..o - 1].iter().all(|w| w.chars().all(|c| c.is_lowercase()));
    (o == 1 || lead && modifiers()) && is_group_noun(ws[o - 1])
}

/// A lower-case noun that names a person or people ("spokesman",
/// "minister", "activist", "voter"): the role list, "-man"/"-woman",
/// and the person endings of [`person_noun`] and [`role_noun`].
pub fn names_person(w: &str) -> bool {
    person_noun(w) || role_noun(w) || w.ends_with("man") || w.ends_with("woman") || is_role(w)
}

/// A numeral or quantifier ("six", "12", "many"): a counted noun after a
/// possessive ("Labour's six new pledges") is a plural noun phrase, not a
/// speaker with a verb.
fn is_quantity(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "many"
                | "several"
                | "some"
                | "all"
                | "more"
                | "most"
                | "few"
                | "both"
        )
}

/// Prepositions that put the noun phrase after them out of subject position.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "from"
            | "with"
            | "to"
            | "for"
            | "by"
            | "into"
            | "through"
            | "across"
            | "around"
            | "over"
            | "under"
            | "about"
            | "against"
            | "near"
            | "behind"
            | "toward"
            | "towards"
            | "outside"
            | "inside"
            | "during"
            | "between"
            | "among"
            | "amongst"
    )
}

/// Looks for `, VERB SPEAKER` or `, SPEAKER VERB` right after a quotation.
pub fn after_quote(ws: &[W]) -> Option<Found> {
    let mut i = 0;
    while i < ws.len() && !ws[i].is_word() {
        if ws[i].ends_sentence() && i > 0 {
            return None;
        }
        i += 1;
    }
    let ws = &ws[i..];
    // `“…,” as Jane Roe, a historian, put it.`
    if ws.first().is_some_and(|w| w.s == "as")
        && let Some(f) = as_put_it(&ws[1..])
    {
        return Some(f);
    }
    for (v, w) in ws.iter().enumerate().take(26) {
        if w.ends_sentence() || w.s.contains(['“', '"', '”']) {
            return None;
        }
        if w.s == "according" && ws.get(v + 1).is_some_and(|t| t.s == "to") {
            return Some(Found {
                verb: "according to".into(),
                verb_span: Span::new(w.span.start, ws[v + 1].span.end),
                speaker: forward_phrase(&ws[v + 2..]),
            });
        }
        if !is_speech_verb(w.s) || (v > 0 && is_noun_context(&ws[v - 1])) {
            continue;
        }
        // `“…,” saying the city …`: a participle after the quotation goes on
        // to report more speech of the sentence subject; what follows it is
        // not a speaker.
        if w.s.ends_with("ing") {
            return None;
        }
        let before = &ws[..v];
        // `“…,” while Smith refers to …`: a new clause, not an attribution
        // (unlike `“…” if she loses, Smith said`, where a comma ends it).
        if before.first().is_some_and(|b| {
            matches!(b.s, "while" | "whereas" | "and" | "but" | "because" | "although" | "though" | "when" | "if")
        }) && !before.iter().any(|b| b.is_punct(','))
        {
            return None;
        }
        let speaker = if before.iter().all(|b| is_verb_filler(b.s)) {
            forward_phrase(&ws[v + 1..])
        } else {
            // `“…” if she loses, said Jane Roe`: the quoted words run on in a
            // clause, then the attribution comes inverted after its comma.
            backward_phrase(before).or_else(|| {
                before
                    .last()
                    .is_some_and(|b| b.is_punct(','))
                    .then(|| forward_phrase(&ws[v + 1..]))
                    .flatten()
                    .filter(|p| p.kind == HeadKind::Name)
            })
        };
        speaker.as_ref()?;
        return Some(Found { verb: w.s.to_string(), verb_span: w.span, speaker });
    }
    None
}

/// `Accused by NATO of “…”`, `dubbed by Roe as “…”`, `called by the
/// Kremlin “…”`: a speech verb's past participle with a named agent right
/// before the quotation. The agent of the passive is the speaker. `v` is
/// the participle's position in `ws`, which ends at the opening mark; at
/// most "of", "as" or "a(n)"/"the" and a comma may stand between the agent
/// and the mark.
fn passive_agent(ws: &[W], v: usize) -> Option<Found> {
    let w = &ws[v];
    if ws.get(v + 1)?.s != "by" {
        return None;
    }
    let mut b = [0u8; 24];
    let verb = crate::document::ascii_lower(w.s, &mut b)?;
    // "first reported by The Associated Press": the outlet that published
    // the words, not their speaker.
    if !verb.ends_with("ed") || !is_speech_verb(verb) || verb == "reported" {
        return None;
    }
    let agent = forward_phrase(&ws[v + 2..]).filter(|p| p.kind == HeadKind::Name)?;
    let after = ws.iter().position(|t| t.span.start >= agent.span.end).unwrap_or(ws.len());
    let rest = &ws[after..];
    let linking =
        rest.len() <= 3 && rest.iter().all(|t| matches!(t.s, "of" | "as" | "for" | "a" | "an" | "the" | "," | ":"));
    linking.then(|| Found { verb: verb.to_string(), verb_span: w.span, speaker: Some(agent) })
}

/// Looks for `SPEAKER VERB: “…”`, `SPEAKER VERB (that) … “…”` or
/// `according to SPEAKER, “…”` before a quotation. `ws` ends at the
/// opening mark; returns the attribution and whether the verb introduces
/// the quotation directly (nothing but `:`/`,`/`that` in between).
pub fn before_quote(ws: &[W]) -> Option<(Found, bool)> {
    // Only the current sentence counts.
    let from = ws.iter().rposition(|w| w.ends_sentence()).map_or(0, |p| p + 1);
    let ws = &ws[from..];
    // "Said Jane Roe, who grew up there, “…”": a sentence opening with a
    // capitalized speech verb names its speaker right after it.
    if ws.len() > 2
        && matches!(ws[0].s, "Said" | "Says" | "Added" | "Adds" | "Asked" | "Wrote" | "Writes")
        && let Some(p) = forward_phrase(&ws[1..]).filter(|p| p.kind == HeadKind::Name)
    {
        return Some((Found { verb: ws[0].s.to_lowercase(), verb_span: ws[0].span, speaker: Some(p) }, true));
    }
    // A verb whose subject is not found ("… but was referring to “…”")
    // gives way to an earlier one in the sentence ("Carson said that …").
    let mut fallback: Option<(Found, bool)> = None;
    // "When Trump suggested that …, Rubio fired back: “…”": a verb inside
    // an opening subordinate clause is not the quotation's, unless the
    // quotation follows that clause directly ("As Trump said, “…”").
    // "As Jane Roe explained, …" is itself an attribution: not skipped.
    let sub = if ws.first().is_some_and(|w| is_subordinator(w.s) && w.s != "As") { clause_opener_len(ws) } else { 0 };
    let sub = if ws[sub.min(ws.len())..].iter().any(W::is_word) { sub } else { 0 };
    for v in (0..ws.len()).rev() {
        let w = &ws[v];
        // A passive names or characterizes ("described by Roe as “…”"):
        // it does not introduce an utterance directly.
        if let Some(f) = passive_agent(ws, v) {
            return Some((f, false));
        }
        if w.s.eq_ignore_ascii_case("according") && ws.get(v + 1).is_some_and(|t| t.s == "to") {
            let sp = forward_phrase(&ws[v + 2..]);
            let direct = ws.len() - v <= 8;
            return Some((
                Found {
                    verb: "according to".into(),
                    verb_span: Span::new(w.span.start, ws[v + 1].span.end),
                    speaker: sp,
                },
                direct,
            ));
        }
        // `As Jane Roe put it, “…”`.
        if matches!(w.s, "put" | "puts")
            && ws.get(v + 1).is_some_and(|t| t.s == "it")
            && let Some(a) = ws[..v].iter().rposition(|t| t.s == "as" || t.s == "As")
            && v - a <= 14
            && let Some(f) = as_put_it(&ws[a + 1..])
        {
            return Some((f, false));
        }
        // "Roe dismissed claims that …“…”": someone else's words.
        if v >= sub && super::lexicon::is_rejecting_verb(w.s) && content_clause_after(ws, v) {
            break;
        }
        if v < sub
            || !(is_speech_verb(w.s) || frames_as(ws, v) || puts_forward(ws, v))
            || (v > 0 && is_noun_context(&ws[v - 1]))
        {
            continue;
        }
        let rest = &ws[v + 1..];
        let direct = rest.iter().all(|r| !r.is_word() || r.s == "that")
            || (rest.len() <= 8 && rest.last().is_some_and(|r| r.is_punct(':')));
        // ", saying …": the participle's subject is the sentence subject.
        if w.s.ends_with("ing") && v > 0 {
            // "Ron Roe kept asking", "Jane Roe was saying": a progressive
            // verb's subject stands right before it.
            let mut a = v;
            while a > 0
                && a + 3 > v
                && matches!(
                    ws[a - 1].s,
                    "kept"
                        | "keeps"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "been"
                        | "be"
                        | "began"
                        | "started"
                        | "continued"
                )
            {
                a -= 1;
            }
            // "Moore said he felt they were saying": an unresolvable "they"
            // leaves the speech to the earlier verb's subject.
            let speaker = if a < v {
                backward_phrase(&ws[..a]).filter(|p| {
                    p.kind != HeadKind::Pronoun
                        || super::lexicon::pronoun(ws[a - 1].s) == Some(super::lexicon::Pronoun::Singular)
                })
            } else {
                sentence_subject(&ws[..v])
            };
            // "noting, “This is …”": a participle introduces a quotation
            // directly, as a finite verb does.
            let f = Found { verb: w.s.to_string(), verb_span: w.span, speaker };
            if f.speaker.is_some() {
                return Some(frame(fallback, f, direct));
            }
            fallback.get_or_insert((f, direct));
            continue;
        }
        // "Jane Roe went on to say", "was prompted to say", "interjected to
        // say": the infinitive's subject is the subject of the verb before it.
        if v > 1 && ws[v - 1].s == "to" {
            // Not a frame for a later verb ("wanted to admit").
            if fallback.is_some() {
                continue;
            }
            let mut j = v - 1;
            while j > 0 && v - j <= 5 && is_subject_control(ws[j - 1].s) {
                j -= 1;
            }
            let speaker = if j < v - 1 { backward_phrase(&ws[..j]) } else { object_of_control(&ws[..v - 1]) };
            let f = Found { verb: w.s.to_string(), verb_span: w.span, speaker };
            if f.speaker.is_some() {
                return Some(frame(fallback, f, direct));
            }
            fallback.get_or_insert((f, direct));
            continue;
        }
        let speaker = match backward_phrase(&ws[..v]) {
            Some(s) => Some(s),
            // "X criticized … and said …": the coordinated verb's subject.
            None if ws[..v]
                .iter()
                .rev()
                .find(|w| !is_verb_filler(w.s) && w.s != "now")
                .is_some_and(|w| matches!(w.s, "and" | "but")) =>
            {
                sentence_subject(&ws[..v])
            }
            // "said X: “…”" inverted; before a colon, X must reach it
            // ("predict the Democratic caucus - HuffPollster:" names no one).
            None if direct => forward_phrase(rest).filter(|p| {
                rest.len() < 2 || !rest[rest.len() - 1].is_punct(':') || p.span.end == rest[rest.len() - 2].span.end
            }),
            None => None,
        };
        // A verb without a subject still marks reported speech
        // ("… and denounces “the deep strategic partnership”").
        let f = Found { verb: w.s.to_string(), verb_span: w.span, speaker };
        if f.speaker.is_some() {
            return Some(frame(fallback, f, direct));
        }
        fallback.get_or_insert((f, direct));
    }
    fallback
}

/// The attribution of a quotation when the verb nearest to it (`later`)
/// found no subject and an earlier verb `f` of the same sentence did: the
/// earlier subject frames the later speech ("Carson said that he did not,
/// but was referring to “…”" → Carson, "referring").
fn frame(later: Option<(Found, bool)>, f: Found, direct: bool) -> (Found, bool) {
    match later {
        Some((mut l, d)) if f.speaker.is_some() => {
            l.speaker = f.speaker;
            (l, d)
        }
        Some(l) => l,
        None => (f, direct),
    }
}

/// Verbs that are not speech verbs but frame a quoted characterization of
/// their object ("presents Russia as “the most significant threat”",
/// "portrayed the deal as “a betrayal”"), in finite forms only: a
/// participle without a comma ("a roadmap presenting China as …") modifies
/// a noun, not the sentence subject.
pub fn is_framing_verb(w: &str) -> bool {
    matches!(w, "presents" | "presented" | "portrays" | "portrayed" | "depicts" | "depicted")
}

/// Whether `ws[v]` is a framing verb whose object runs straight into
/// "as" (and an article) right before the quotation that ends `ws`:
/// "presents Russia as “…”", not "was presented as" (passive) nor
/// "presented the plan, which …, as".
fn frames_as(ws: &[W], v: usize) -> bool {
    if !is_framing_verb(ws[v].s)
        || v == 0
        || matches!(ws[v - 1].s, "is" | "are" | "was" | "were" | "be" | "been" | "being")
    {
        return false;
    }
    let Some(a) = ws.iter().rposition(|w| w.s == "as") else { return false };
    let tail = &ws[a + 1..];
    let object = &ws[v + 1..a.max(v + 1)];
    a > v + 1
        && object.len() <= 6
        && object.iter().all(|w| w.is_word() && !is_speech_verb(w.s))
        && (tail.is_empty() || tail.len() == 1 && matches!(tail[0].s, "a" | "an" | "the"))
}

/// Whether `ws[v]` puts forward a proposition whose "that" clause holds
/// the quotation that ends `ws`: a verb of [`is_content_verb`], an
/// optional determiner (not another's possessive: "pushed Roe’s claim"
/// is Roe's), up to two modifiers, a content noun, then "that"
/// ("promoted the idea that “…”", "floated the baseless claim that it was
/// “…”", "spread rumors that …"). A bare noun must be plural.
fn puts_forward(ws: &[W], v: usize) -> bool {
    super::lexicon::is_content_verb(ws[v].s) && content_clause_after(ws, v)
}

/// Whether the words `ws` (ending at a quotation) reject the proposition
/// the quotation is part of: a rejecting verb, then a content noun and
/// "that" ("Roe rejected the idea that “…”").
pub fn rejects_content(ws: &[W]) -> bool {
    let from = ws.iter().rposition(|w| w.ends_sentence()).map_or(0, |p| p + 1);
    (from..ws.len()).any(|v| super::lexicon::is_rejecting_verb(ws[v].s) && content_clause_after(ws, v))
}

/// Whether a content noun and "that" follow the verb `ws[v]`: an optional
/// determiner (not another's possessive), up to two modifiers, the noun
/// (a bare noun must be plural), then "that".
fn content_clause_after(ws: &[W], v: usize) -> bool {
    let mut j = v + 1;
    let det = ws.get(j).is_some_and(|w| {
        matches!(
            w.s,
            "the" | "this" | "that" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "such" | "these" | "those"
        )
    });
    j += usize::from(det);
    for _ in 0..3 {
        let Some(w) = ws.get(j) else { return false };
        if let Some(plural) = super::lexicon::content_noun(w.s) {
            return (det || plural) && ws.get(j + 1).is_some_and(|t| t.s == "that");
        }
        // A modifier: a lower-case word that is no clause word or preposition.
        if !w.is_word() || w.is_cap() || w.s == "that" || is_preposition(w.s) || is_name_glue(w.s) {
            return false;
        }
        j += 1;
    }
    false
}

/// Words between a subject and "to VERB" that keep the subject as the
/// infinitive's ("went on to say", "was quick to add", "had this to
/// say"), unlike "urged voters to say" or "asked him to say".
fn is_subject_control(w: &str) -> bool {
    matches!(
        w,
        "went"
            | "goes"
            | "go"
            | "on"
            | "so"
            | "far"
            | "as"
            | "was"
            | "is"
            | "were"
            | "are"
            | "has"
            | "had"
            | "have"
            | "this"
            | "prompted"
            | "interjected"
            | "continued"
            | "decided"
            | "chose"
            | "seemed"
            | "appeared"
            | "wanted"
            | "tried"
            | "refused"
            | "declined"
            | "paused"
            | "stopped"
            | "rose"
            | "began"
            | "started"
            | "quick"
            | "careful"
            | "eager"
            | "also"
            | "later"
            | "then"
            | "only"
            | "felt"
            | "compelled"
            | "took"
            | "care"
            | "time"
    )
}

/// "leading US Secretary of State Jane Roe to warn", "prompting the
/// minister to say": the object of a verb of causing, urging or asking
/// (the words `ws` end just before "to") is the infinitive's subject. An
/// object pronoun ("prompting him to say") is not resolved.
fn object_of_control(ws: &[W]) -> Option<Phrase> {
    let p = backward_phrase(ws).filter(|p| p.kind != HeadKind::Pronoun)?;
    let before = ws.iter().rposition(|w| w.span.end <= p.span.start)?;
    is_object_control(ws[before].s).then_some(p)
}

/// Verbs whose object is the subject of the infinitive after it ("led X to
/// say"). Bare "get" and "have" are left out: "got Jane to say" is rare
/// and "have X to say" is no attribution.
fn is_object_control(w: &str) -> bool {
    matches!(
        w,
        "leading"
            | "led"
            | "lead"
            | "leads"
            | "prompting"
            | "prompted"
            | "prompt"
            | "prompts"
            | "causing"
            | "caused"
            | "forcing"
            | "forced"
            | "urging"
            | "urged"
            | "asking"
            | "asked"
            | "pushing"
            | "pushed"
            | "inviting"
            | "invited"
            | "allowing"
            | "allowed"
            | "compelling"
            | "compelled"
            | "moving"
            | "moved"
            | "spurring"
            | "spurred"
            | "inspiring"
            | "inspired"
            | "encouraging"
            | "encouraged"
    )
}

/// `Jane Roe, a historian, put it` (the words after "as"): the speaker
/// of "as X put it", the idiom that hands a quotation to X.
fn as_put_it(ws: &[W]) -> Option<Found> {
    let v = ws.iter().take(16).position(|w| matches!(w.s, "put" | "puts"))?;
    if v == 0 || ws.get(v + 1).is_none_or(|t| t.s != "it") || ws[..v].iter().any(|w| w.ends_sentence()) {
        return None;
    }
    let speaker = forward_phrase(&ws[..v]).filter(|p| p.kind != HeadKind::Pronoun || v == 1);
    Some(Found { verb: ws[v].s.to_string(), verb_span: ws[v].span, speaker })
}

/// A word before a verb-looking form that makes it a noun ("his remarks",
/// "Rubio’s claim", "a statement").
fn is_noun_context(prev: &W) -> bool {
    matches!(
        prev.s,
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "earlier"
            | "such"
    ) || prev.s.ends_with("’s")
        || prev.s.ends_with("'s")
}

/// The subject that opens a sentence ("Attorneys for Clinton appeared to
/// oppose the effort, saying …" → "Attorneys for Clinton").
pub fn sentence_subject(ws: &[W]) -> Option<Phrase> {
    let ws = &ws[opener_len(ws)..];
    let mut i = 0;
    while i < ws.len()
        && i < 2
        && ws[i].is_cap()
        && is_capitalized_non_name(ws[i].s)
        && !is_determiner(ws[i].s)
        && !is_pronoun_word(&ws[i])
    {
        i += 1;
    }
    let mut p = forward_phrase(&ws[i..])?;
    if p.kind == HeadKind::Name && p.head.end < p.span.end {
        p.span.end = p.head.end;
    }
    Some(p)
}

/// Length of an opening adverbial up to its comma ("In early October,",
/// "Sunday morning,", "At Sunday night’s debate,", "Separately,"): it
/// comes before the subject and is not part of it. 0 when there is none.
fn opener_len(ws: &[W]) -> usize {
    let d = dateline_len(ws);
    d + clause_opener_len(&ws[d..])
}

/// Length of a dateline before the first sentence of a story
/// ("WASHINGTON --", "Washington (AFP) –", "PHILADELPHIA, July 25 (UPI) —"):
/// capitalized words, a date or a news agency in parentheses, then a dash.
/// A capitalized word alone before a dash ("Sanders – the senator –") is
/// not one: it takes a word in capitals or a parenthesis.
fn dateline_len(ws: &[W]) -> usize {
    let dash = |w: &W| matches!(w.s, "–" | "—" | "-");
    let Some(d) = ws.iter().take(9).position(dash).filter(|&d| d > 0) else { return 0 };
    let head = &ws[..d];
    let tokens_ok = head
        .iter()
        .all(|w| w.is_cap() || w.s.bytes().all(|b| b.is_ascii_digit()) || matches!(w.s, "," | "(" | ")" | "."));
    let marked = head.iter().any(|w| {
        w.s == "(" || (w.s.chars().filter(|c| c.is_alphabetic()).count() > 2 && !w.s.chars().any(char::is_lowercase))
    });
    if !(tokens_ok && marked) {
        return 0;
    }
    let mut e = d;
    while e < ws.len() && dash(&ws[e]) {
        e += 1;
    }
    e
}

/// Subordinating words that open a clause before the subject ("When asked
/// about it, Smith said …"); a speech verb inside that clause is not the
/// sentence's.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "When" | "While" | "As" | "Although" | "Though" | "If" | "Because" | "Once" | "Whether" | "Until" | "By"
    )
}

fn clause_opener_len(ws: &[W]) -> usize {
    let sub = ws.first().is_some_and(|w| is_subordinator(w.s));
    let limit = if sub || ws.first().is_some_and(|w| w.s == "Asked") { 20 } else { 10 };
    let Some(c) = ws.iter().take(limit).position(|w| w.is_punct(',')) else { return 0 };
    let Some(first) = ws.first().filter(|_| c > 0) else { return 0 };
    // "Separately,", "Reached by phone,", "Facing criticism,".
    // A participle needs a lower-case word after it ("Manning, 25," is a name).
    let adverb = first.is_cap()
        && first.s.len() > 4
        && (first.s.ends_with("ly")
            || (first.s.ends_with("ed") || first.s.ends_with("ing")) && c >= 2 && !ws[1].is_cap());
    let opener = adverb
        || is_time_word(first.s)
        || matches!(
            first.s,
            "In" | "At"
                | "On"
                | "After"
                | "During"
                | "Before"
                | "Since"
                | "With"
                | "For"
                | "From"
                | "Under"
                | "Following"
                | "Despite"
                | "Amid"
                | "Earlier"
                | "Later"
                | "Last"
                | "Meanwhile"
                | "Instead"
                | "Now"
                | "Today"
                | "Yesterday"
                | "Asked"
                | "Speaking"
                | "Like"
                | "Unlike"
                | "Over"
                | "Throughout"
                | "Already"
                | "Indeed"
                | "Moreover"
                | "However"
                | "Still"
                | "Yet"
                | "Also"
                | "Again"
                | "Furthermore"
                | "Nevertheless"
                | "Nonetheless"
                | "Otherwise"
                | "Likewise"
                | "Overall"
                | "Thus"
                | "Here"
                | "There"
                | "Then"
                | "Back"
        );
    // A participle's clause may hold a speech verb ("Continuing to explain
    // his view, Carson …"); other openers may not ("Trump said, …").
    if !(sub || adverb || opener && !ws[..c].iter().any(|w| is_speech_verb(w.s))) {
        return 0;
    }
    // "In Salem, New Hampshire, Trump went …": a place's state or country
    // after the comma, then the capitalized subject.
    let mut end = c + 1;
    if ws[c - 1].is_cap()
        && let Some(k) = ws[end..].iter().take(4).position(|w| !w.is_cap())
        && k > 0
        && ws[end + k].is_punct(',')
        && ws.get(end + k + 1).is_some_and(|w| w.is_cap())
    {
        end += k + 1;
    }
    end
}

/// Whether the last word of `ws` is a manner adverb between a subject and
/// its verb ("Burton angrily said"): lower case, in -ly, and not a noun
/// after a determiner or possessive ("the family said").
fn adverb_before_verb(ws: &[W]) -> bool {
    let Some((w, before)) = ws.split_last() else { return false };
    w.s.len() > 4
        && w.s.ends_with("ly")
        && w.s.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(w.s, "family" | "assembly" | "supply" | "rally" | "reply" | "monopoly" | "anomaly")
        && before.last().is_some_and(|p| !is_determiner(p.s) && !p.s.ends_with("’s") && !p.s.ends_with("'s"))
}

/// A role noun from the lexicon, or a word shaped like one ("activist",
/// "organizer", "consultant", "resident"): the head of a description
/// before a name.
fn role_noun(w: &str) -> bool {
    person_noun(w)
        || (w.len() > 5
            && (w.ends_with("ant") || w.ends_with("ent"))
            && !matches!(
                w,
                "government"
                    | "statement"
                    | "comment"
                    | "moment"
                    | "event"
                    | "agreement"
                    | "department"
                    | "percent"
                    | "important"
                    | "significant"
                    | "recent"
                    | "current"
                    | "different"
                    | "president"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, max: usize) -> Vec<&str> {
        words(text, Span::new(0, text.len()), max).iter().map(|w| w.s).collect()
    }

    #[test]
    fn words_keep_joined_words_and_abbreviations_whole() {
        assert_eq!(
            split("Lt. Gen. al-Assad’s U.S. plan, (R-Fla.) said: “no”", 20),
            vec!["Lt.", "Gen.", "al-Assad’s", "U.S.", "plan", ",", "(", "R-Fla.", ")", "said", ":", "“", "no", "”"]
        );
        assert_eq!(
            split("J. Doe and end. 'Tis don't- x", 20),
            vec!["J.", "Doe", "and", "end", ".", "'", "Tis", "don't", "-", "x"]
        );
    }

    #[test]
    fn words_split_on_any_whitespace_and_stop_at_max() {
        // Tab, vertical tab, no-break space and ideographic space all separate.
        assert_eq!(split("a\tb\u{b}c\u{a0}d\u{3000}e\n", 10), vec!["a", "b", "c", "d", "e"]);
        assert_eq!(split("naïve Straße — 2022 №5", 10), vec!["naïve", "Straße", "—", "2022", "№", "5"]);
        assert_eq!(split("one two three", 2), vec!["one", "two"]);
        let text = "x  yz";
        let ws = words(text, Span::new(1, text.len()), 5);
        assert_eq!(ws.iter().map(|w| (w.span, w.s)).collect::<Vec<_>>(), vec![(Span::new(3, 5), "yz")]);
    }

    fn texts(ws: &[W]) -> Vec<(Span, String)> {
        ws.iter().map(|w| (w.span, w.s.to_string())).collect()
    }

    proptest::proptest! {
        /// A span's words split once in full serve as its first words
        /// (`words` with a limit) and, when `reads_whole` says so, as its
        /// last (`last_words`): what a quotation shares with the next.
        #[test]
        fn whole_split_gives_first_and_last_words(
            text in "(([a-z]{1,40}|[,.’“”]|U\\.S\\.|Lt\\.)( |  |\\n)?){0,30}",
            max in 1usize..8,
        ) {
            let span = Span::new(0, text.len());
            let all = words(&text, span, usize::MAX);
            let first = &all[..all.len().min(max)];
            proptest::prop_assert_eq!(texts(&words(&text, span, max)), texts(first));
            if reads_whole(span, max) {
                proptest::prop_assert_eq!(texts(&last_words(&text, span, max)), texts(&last_of(all, max)));
            }
        }

        /// The near look-back finds the words the far one alone finds.
        #[test]
        fn near_look_back_changes_no_last_words(
            head in "[a-z ]{0,3}",
            body in "(([a-z]{1,30}|[,.’“”]|U\\.S\\.|Lt\\.|é)( |  |\\n|\u{a0})?){0,40}",
            max in 1usize..8,
        ) {
            let text = format!("{head}{body}");
            let span = Span::new(head.len(), text.len());
            proptest::prop_assert_eq!(
                texts(&last_words_from::<true>(&text, span, max)),
                texts(&last_words_from::<false>(&text, span, max))
            );
        }
    }
}
