//! Direct quotations with speaker, verb and kind.
//!
//! Three steps: [`marks`] pairs quotation marks into segments (one linear
//! pass), [`attribution`] reads a few words on each side of a segment for a
//! speech verb and its speaker phrase, and this module decides the kind and
//! ties speaker phrases to entity mentions (or, when the entity list has
//! nothing there, to the phrase's own name, nominal or pronoun antecedent).

pub mod attribution;
pub mod lexicon;
pub mod marks;

use crate::document::{Document, Span};
use serde::Serialize;

use super::by_span::BySpan;
use super::{Entity, EntityKind};
use attribution::{Found, HeadKind, Phrase};
use lexicon::Pronoun;

/// What kind of quotation a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A clause or sentence someone said.
    Full,
    /// A quoted fragment inside reported speech.
    Partial,
    /// A quoted word, name or title; never has a speaker.
    Scare,
}

impl QuoteKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words inside the quotation marks (marks excluded).
    pub span: Span,
    /// Full, partial or scare.
    pub kind: QuoteKind,
    /// Canonical name of the speaker, when the text attributes the quote.
    pub speaker: Option<String>,
    /// Where the speaker is named (the mention the attribution points at).
    pub speaker_span: Option<Span>,
    /// A role phrase kept apart from the name ("Russian Defense Ministry spokesman").
    pub speaker_role: Option<String>,
    /// The speech verb ("said", "insisted").
    pub verb: Option<String>,
}

/// A person or organization entity that starts exactly at word `w`.
fn entity_at<'e>(ents: &BySpan<&'e Entity>, w: &attribution::W) -> Option<&'e Entity> {
    ents.starting_at(w.span.start).copied().find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org))
}

/// A speaker phrase that is exactly an entity mention.
fn named(e: &Entity) -> Phrase {
    Phrase { span: e.span, head: e.span, role: None, kind: HeadKind::Name }
}

/// A lower-case word that reads as a finite verb ("barked", "gushed",
/// "sings", "went").
fn verb_like(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_lowercase())
        && (w.ends_with("ed")
            || w.ends_with('s')
            || matches!(w, "went" | "sang" | "spoke" | "wrote" | "shot" | "began"))
}

/// `“…,” Trump barked`, `“…!” beamed Donald Hartley`: right after a quote
/// that does not end its sentence, a named person or organization next to a
/// verb is the speaker, whatever the verb.
fn name_verb_after(ents: &BySpan<&Entity>, post: &[attribution::W]) -> Option<Found> {
    let i = post.iter().position(|w| w.s.chars().next().is_some_and(char::is_alphanumeric))?;
    if post[..i].iter().any(|w| matches!(w.s, "." | "!" | "?" | ";")) {
        return None;
    }
    let ws = &post[i..];
    let first = ws.first()?;
    if let Some(e) = entity_at(ents, first) {
        let v = ws.iter().find(|w| w.span.start >= e.span.end)?;
        if !verb_like(v.s) {
            return None;
        }
        return Some(Found { verb: v.s.to_string(), verb_span: v.span, speaker: Some(named(e)) });
    }
    let second = ws.get(1)?;
    let e = entity_at(ents, second)?;
    (first.s.ends_with("ed") && verb_like(first.s)).then(|| Found {
        verb: first.s.to_string(),
        verb_span: first.span,
        speaker: Some(named(e)),
    })
}

/// `“…” Steve Grubbs said.`: a comma missing after the quotation, but a
/// capitalized name and a speech verb follow it directly.
fn name_then_speech_verb(post: &[attribution::W]) -> bool {
    post.iter()
        .take(5)
        .position(|w| lexicon::is_speech_verb(w.s))
        .is_some_and(|v| v > 0 && post[..v].iter().all(attribution::W::is_cap))
}

/// `Michael P. McDonald: “…”`, `More from Jones: “…”`: a person or
/// organization entity ending right before the colon that opens a quote.
fn name_before_colon(ents: &BySpan<&Entity>, before: &[attribution::W]) -> Option<Found> {
    let last = before.last()?;
    let e = ents.ending_at(last.span.end).copied().find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org))?;
    Some(Found { verb: ":".into(), verb_span: last.span, speaker: Some(named(e)) })
}

/// The named subject that opens the words of a sentence before a quoted
/// fragment, with the verb that follows it ("Bush referred to Rubio as" →
/// Bush, "referred"). Only a person or organization entity counts, and only
/// when a lower-case verb follows it directly (or after one adverb).
fn subject_of_sentence(doc: &Document, ents: &BySpan<&Entity>, intro: &[attribution::W]) -> Option<Found> {
    if intro.len() < 2 || intro.len() > 30 {
        return None;
    }
    let p = attribution::sentence_subject(intro)?;
    if p.kind != HeadKind::Name {
        return None;
    }
    let named = ents.overlapping(p.head).any(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org));
    if !named || doc.slice(p.head).contains(['’', '\'']) {
        return None;
    }
    let mut after = intro.iter().position(|w| w.span.start >= p.span.end)?;
    // "Sen. Bernie Sanders (I-Vt.) called": skip a parenthesis after the name.
    if intro[after].s == "(" {
        after += intro[after..].iter().position(|w| w.s == ")")? + 1;
    }
    let mut v = intro.get(after)?;
    // "is choosing", "has railed", "also bemoaned": one auxiliary or adverb.
    if matches!(
        v.s,
        "also" | "then" | "later" | "again" | "repeatedly" | "has" | "had" | "have" | "is" | "was" | "would" | "will"
    ) {
        v = intro.get(after + 1)?;
    }
    // "is choosing": a participle after the auxiliary counts too.
    let participle = v.s.len() > 4 && v.s.ends_with("ing") && v.s.chars().all(|c| c.is_lowercase());
    (verb_like(v.s) || participle).then(|| Found { verb: v.s.to_string(), verb_span: v.span, speaker: Some(p) })
}

/// How many words before a quotation attribution reads.
const PRE_WORDS: usize = 60;
/// How many words after a quotation attribution reads.
const POST_WORDS: usize = 40;

/// Finds quotations and attributes them, using the document's entities.
pub fn extract(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let segs = marks::segments(doc);
    let text = doc.text.as_str();
    let ents = BySpan::new(entities, |e| e.span);
    let persons: Vec<&Entity> = ents.as_slice().iter().copied().filter(|e| e.kind == EntityKind::Person).collect();
    let mut out: Vec<Quote> = Vec::with_capacity(segs.len());
    // Last named person credited with a quote, for pronoun resolution.
    let mut last_person: Option<(String, Span)> = None;
    // Attributed quotes are referred to by their index in `out` (which only
    // grows), not copied: most of them are never looked at again.
    // Paragraph of the previous attributed quote, for `“A,” he said. “B.”`.
    let mut prev_attr: Option<(usize, usize)> = None;
    // The last attributed quote, and whether its speaker is no person
    // (an organization, a country, a document), for "It also said".
    let mut last_attr: Option<(usize, bool)> = None;
    // The words after a quotation, when they run up to the next one in the
    // paragraph, are also the words before that next one: they are split
    // once, in full, and kept here with their span for it. Only a span that
    // `last_words` reads whole is kept, so its last words are the same.
    let mut gap: Option<(Span, Vec<attribution::W>)> = None;
    for (k, seg) in segs.iter().enumerate() {
        let para_open = doc.paragraph_at(seg.open).map_or(Span::new(0, seg.open), |p| doc.paragraphs[p].span);
        let close_para_idx = doc.paragraph_at(seg.close_end.saturating_sub(1));
        let para_close = close_para_idx.map_or(Span::new(seg.close_end, text.len()), |p| doc.paragraphs[p].span);
        let pre_start = match k.checked_sub(1).map(|j| segs[j].close_end) {
            Some(e) if e > para_open.start && e <= seg.open => e,
            _ => para_open.start,
        };
        let post_end = match segs.get(k + 1) {
            Some(n) if n.open < para_close.end => n.open,
            _ => para_close.end,
        }
        .max(seg.close_end);
        let pre_span = Span::new(pre_start, seg.open);
        let mut pre = match gap.take() {
            Some((span, ws)) if span == pre_span => attribution::last_of(ws, PRE_WORDS),
            _ => attribution::last_words(text, pre_span, PRE_WORDS),
        };
        // `Breitbart News responded:` ending the previous paragraph
        // introduces a quotation that opens this one.
        let mut colon_intro = false;
        if pre.is_empty()
            && let Some(pi) = doc.paragraph_at(seg.open)
            && pi > 0
            && doc.slice(doc.paragraphs[pi - 1].span).ends_with(':')
        {
            pre = attribution::last_words(text, doc.paragraphs[pi - 1].span, 40);
            colon_intro = true;
        }
        let post_span = Span::new(seg.close_end, post_end);
        // A prefix of the full split is what a split with a limit gives.
        let post_words;
        let post: &[attribution::W] =
            if segs.get(k + 1).is_some_and(|n| n.open == post_end) && attribution::reads_whole(post_span, PRE_WORDS) {
                let (_, all) = gap.insert((post_span, attribution::words(text, post_span, usize::MAX)));
                &all[..all.len().min(POST_WORDS)]
            } else {
                post_words = attribution::words(text, post_span, POST_WORDS);
                &post_words
            };
        let inner = doc.slice(seg.inner);
        let n_words = inner.split_whitespace().take(6).count();
        // A nested quotation closing with the outer one (`…those people,’”`)
        // leaves the outer quote's own punctuation just before it.
        // An editor's bracketed stop (`…federal level[.]`) is a stop too.
        let last_char = inner.trim_end_matches(['’', '\'', '”', '"', ']']).chars().last().unwrap_or(' ');
        let ends_punct = matches!(last_char, '.' | ',' | '!' | '?' | '…' | ':' | ';');

        // Does the quotation open its sentence?
        let term = pre.iter().rposition(|w| matches!(w.s, "." | "!" | "?" | ";"));
        let words_in_sentence =
            pre[term.map_or(0, |t| t + 1)..].iter().any(|w| w.s.chars().next().is_some_and(char::is_alphanumeric));
        let after_colon = colon_intro || pre.last().is_some_and(|w| w.s == ":" || w.s == "—");
        let bounded_by_prev_quote = pre_start > para_open.start;
        let prev_inner_ended = k > 0 && doc.slice(segs[k - 1].inner).ends_with(['.', '!', '?']);
        let starts_sentence =
            after_colon || (!words_in_sentence && (term.is_some() || !bounded_by_prev_quote || prev_inner_ended));

        // Attribution right after: `,” he said`, `” said X`, `,” X said`.
        let glued = text[seg.close_end..].chars().next().is_some_and(char::is_alphabetic);
        let post_ok = glued
            || matches!(last_char, ',' | '!' | '?' | '—')
            || post.first().is_some_and(|w| w.s == "," || w.s == "—" || lexicon::is_speech_verb(w.s))
            || (last_char != '.' && post.first().is_some_and(|w| w.s.chars().next().is_some_and(char::is_lowercase)))
            || (!matches!(last_char, '.' | '!' | '?') && name_then_speech_verb(post));
        let post_found =
            if post_ok { attribution::after_quote(post).or_else(|| name_verb_after(&ents, post)) } else { None };
        // `“WALLACE: Let’s start …”`: a transcript's speaker label.
        let para_start = doc.paragraph_at(seg.open).is_some_and(|p| doc.paragraphs[p].span.start == seg.open);
        let label = if para_start { transcript_label(text, &ents, seg.inner) } else { None };
        let labelled = label.is_some();
        let (mut found, direct) = match (label, post_found) {
            (Some(f), _) | (None, Some(f)) => (Some(f), true),
            (None, None) => match attribution::before_quote(&pre) {
                Some((f, d)) => (Some(f), d),
                None => (None, false),
            },
        };
        // A framing verb is no speech verb: one quoted word after "presents
        // X as" is a term in scare quotes, not someone's words.
        if n_words < 2 && found.as_ref().is_some_and(|f| attribution::is_framing_verb(&f.verb)) {
            found = None;
        }
        // `The Daily News focuses on …: “…”`: a colon hands the quotation to
        // the sentence subject even without a speech verb.
        if found.is_none() && after_colon && pre.len() > 1 {
            let from = pre[..pre.len() - 1].iter().rposition(|w| matches!(w.s, "." | "!" | "?")).map_or(0, |p| p + 1);
            // Only short introductions, and never an all-caps headline.
            let intro = &pre[from..pre.len() - 1];
            if intro.len() <= 15
                && let Some(p) = attribution::sentence_subject(intro)
                && doc.slice(p.head).chars().any(char::is_lowercase)
            {
                let at = pre[pre.len() - 1].span;
                found = Some(Found { verb: ":".into(), verb_span: at, speaker: Some(p) });
            }
        }
        // `Michael P. McDonald: “…”`: a name right before the colon.
        if found.is_none() && after_colon && pre.len() > 1 {
            found = name_before_colon(&ents, &pre[..pre.len() - 1]);
        }
        // `Smith said the plan was flawed. “It will never work.”`: a
        // quotation opening the sentence after one that reports someone's
        // speech, in the same paragraph, continues it.
        let sentence_like = n_words >= 3 && inner.chars().next().is_some_and(char::is_uppercase);
        if found.is_none()
            && starts_sentence
            && sentence_like
            && !after_colon
            && let Some(t) = term
            && !pre[..t].iter().any(|w| w.s.contains(['“', '”', '"']))
            && let Some(f) = attribution::reported_speech(&pre[..t])
        {
            found = Some(f);
        }
        // `Ms. Dong said she was not concerned.¶“The United States …”`: a
        // paragraph that is only a quotation continues the speech reported
        // by the last sentence of the paragraph before, if that quotes nobody.
        if found.is_none()
            && pre.is_empty()
            && sentence_like
            && let Some(pi) = doc.paragraph_at(seg.open).filter(|&pi| pi > 0)
            && continues_previous(doc, seg, post, Some(pi))
            && !doc.slice(doc.paragraphs[pi - 1].span).contains(['“', '”', '"'])
        {
            let prev = attribution::last_words(text, doc.paragraphs[pi - 1].span, 40);
            if let Some((last, rest)) = prev.split_last()
                && matches!(last.s, "." | "!")
                && let Some(f) = attribution::reported_speech(rest)
            {
                found = Some(f);
            }
        }
        // A second fragment in the same sentence as an attributed one
        // (`called it “awful” and “a disaster”`) shares its attribution.
        let same_sentence_as_prev = bounded_by_prev_quote && term.is_none() && !prev_inner_ended;
        let continues_fragment = found.is_none()
            && same_sentence_as_prev
            && out.last().is_some_and(|p: &Quote| p.kind != QuoteKind::Scare && p.verb.is_some());
        let starts_sentence =
            starts_sentence || (direct && found.is_some() && post_found_is_none_and_pre(&found, seg.open));

        // `hailed “the liberation of …”`: a verb running straight into a
        // lowercase quotation quotes a fragment, not a sentence.
        let fragment_after_verb = !after_colon
            && pre.last().is_none_or(|w| w.s != ",")
            && post_found_is_none_and_pre(&found, seg.open)
            && inner.chars().next().is_some_and(char::is_lowercase);
        let kind = if starts_sentence && !fragment_after_verb && (n_words >= 3 || ends_punct || found.is_some()) {
            QuoteKind::Full
        } else if found.is_some() || n_words >= 5 || continues_fragment {
            QuoteKind::Partial
        } else {
            QuoteKind::Scare
        };
        // `Cruz blamed the law on “knuckleheaded Democratic politicians.”`:
        // a fragment quoted inside a sentence whose subject is a named
        // person or organization belongs to that subject, with its verb.
        // A quoted phrase of three words or more is then partial, not scare.
        let mut kind = kind;
        // `defended his remarks as being “sarcastic”`, `dismissed the claim
        // as a “hoax”`: a quoted word given as someone's characterization.
        let n = pre.len();
        let as_characterization = n > 0
            && (pre[n - 1].s == "as"
                || n > 1 && pre[n - 2].s == "as" && matches!(pre[n - 1].s, "a" | "an" | "the" | "being"));
        let fragment = kind == QuoteKind::Partial || kind == QuoteKind::Scare && (n_words >= 3 || as_characterization);
        if found.as_ref().is_none_or(|f| f.speaker.is_none()) && fragment && !starts_sentence {
            // `Roe dismissed claims that his plan was “…”`: the words of a
            // rejected claim are quoted speech, but not the subject's.
            if attribution::rejects_content(&pre[term.map_or(0, |t| t + 1)..]) {
                kind = QuoteKind::Partial;
            } else {
                let verb = found.take();
                found = subject_of_sentence(doc, &ents, &pre[term.map_or(0, |t| t + 1)..]).or(verb);
                if found.as_ref().is_some_and(|f| f.speaker.is_some()) {
                    kind = QuoteKind::Partial;
                }
            }
        }
        let mut q = Quote { span: seg.inner, kind, speaker: None, speaker_span: None, speaker_role: None, verb: None };
        if kind != QuoteKind::Scare {
            if let Some(f) = &found {
                q.verb = Some(f.verb.clone());
                if let Some(p) = &f.speaker {
                    resolve(doc, ents.as_slice(), &persons, p, &last_person, &mut q);
                }
                if let Some(sp) = q.speaker.as_deref()
                    && labelled
                    && !sp.chars().any(char::is_lowercase)
                    && sp.chars().filter(|c| c.is_alphabetic()).count() >= 2
                {
                    q.speaker = Some(label_name(&persons, sp));
                }
            }
            // "it" as the subject of its speech verb. Inside its sentence
            // (`…ties with Russia — a relationship it says has “no limits”`)
            // it stands for a non-person noun phrase earlier in that
            // sentence ([`it_antecedent`]). Failing that, or opening its
            // sentence (`The statement stresses “…”.¶It also denounces
            // “…”`), it stands for the non-person speaker of the last
            // attributed quote, if that ends in the same or the previous
            // sentence.
            if q.speaker.is_none()
                && let Some(Found { speaker: Some(p), verb_span, .. }) = &found
                && p.kind == HeadKind::Pronoun
            {
                let inner = inner_it_subject(text, p.head, *verb_span);
                let opening = !inner && it_subject(text, p.head, *verb_span);
                if inner && let Some((name, span)) = it_antecedent(doc, ents.as_slice(), &segs, p.head) {
                    q.speaker = Some(name);
                    q.speaker_span = Some(span);
                } else if (inner || opening)
                    && let Some((prev, true)) = last_attr.map(|(i, non_person)| (&out[i], non_person))
                    && recent_sentence(text, prev.span, p.head.start)
                {
                    inherit_speaker(&mut q, prev);
                }
            }
            let para = doc.paragraph_at(seg.open);
            if q.speaker.is_none()
                && let Some((pp, prev)) = prev_attr.map(|(pp, i)| (pp, &out[i]))
                && (Some(pp) == para || (continues_previous(doc, seg, post, para) && para == Some(pp + 1)))
                && found.as_ref().is_none_or(|f| f.speaker.is_none())
            {
                inherit_speaker(&mut q, prev);
                if q.verb.is_none() {
                    q.verb.clone_from(&prev.verb);
                }
            }
            if q.speaker.is_some() {
                if let (Some(sp), Some(span)) = (&q.speaker, q.speaker_span)
                    && is_personal(doc, &ents, span, sp)
                {
                    last_person = Some((sp.clone(), span));
                }
                if let Some(p) = close_para_idx {
                    prev_attr = Some((p, out.len()));
                }
                last_attr = Some((out.len(), q.speaker_span.is_some_and(|s| non_person(doc, &ents, s))));
            }
        }
        out.push(q);
    }
    out
}

/// `“WALLACE: Let’s start with …”`, `“Chris Matthews: Seriously …”`: a
/// quoted transcript line (a paragraph of its own) opens with its
/// speaker's name and a colon, the name in capitals
/// ([`marks::speaker_label_len`]) or a person entity.
fn transcript_label(text: &str, ents: &BySpan<&Entity>, inner: Span) -> Option<Found> {
    let s = &text[inner.start..inner.end];
    let len = marks::speaker_label_len(s).or_else(|| {
        let (colon, _) = s.char_indices().take(40).find(|&(i, c)| c == ':' && s[i + 1..].starts_with(' '))?;
        let span = Span::new(inner.start, inner.start + colon);
        ents.starting_at(span.start).any(|e| e.span.end == span.end && e.kind == EntityKind::Person).then_some(colon)
    })?;
    let span = Span::new(inner.start, inner.start + len);
    Some(Found {
        verb: ":".into(),
        verb_span: Span::new(span.end, span.end + 1),
        speaker: Some(Phrase { span, head: span, role: None, kind: HeadKind::Name }),
    })
}

/// A speaker label written in capitals ("PENCE") as the canonical name of
/// the person it stands for ("Mike Pence"), or in title case ("Pence").
fn label_name(persons: &[&Entity], label: &str) -> String {
    let last = label.rsplit(' ').next().unwrap_or(label);
    if let Some(e) = persons.iter().rev().find(|e| {
        e.canonical.chars().any(char::is_lowercase)
            && e.canonical.rsplit(' ').next().is_some_and(|l| l.eq_ignore_ascii_case(last))
    }) {
        return e.canonical.clone();
    }
    label
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| f.to_string() + &cs.as_str().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph that is nothing but a quotation, right after a paragraph
/// whose quotation was attributed, continues that speaker's words (the
/// news convention for a quote running over several paragraphs).
fn continues_previous(doc: &Document, seg: &marks::Segment, post: &[attribution::W], para: Option<usize>) -> bool {
    let Some(p) = para else { return false };
    // A quoted subheading (“As long as it takes”) is a heading, not the
    // next paragraph of someone's speech.
    doc.paragraphs[p].kind == crate::document::ParagraphKind::Body
        && doc.paragraphs[p].span.start == seg.open
        && !post.iter().any(|w| w.s.chars().next().is_some_and(char::is_alphanumeric))
}

/// A verb found before the quotation that introduces it directly
/// (`Putin castigated: “…”`) makes the quotation start a clause.
fn post_found_is_none_and_pre(found: &Option<Found>, open: usize) -> bool {
    found.as_ref().is_some_and(|f| f.verb_span.end <= open)
}

/// Whether a credited speaker is a person (a PERSON entity, or a
/// multi-word capitalized name when no entity covers it).
fn is_personal(doc: &Document, ents: &BySpan<&Entity>, span: Span, name: &str) -> bool {
    if let Some(e) = ents.overlapping(span).next() {
        return e.kind == EntityKind::Person;
    }
    let _ = doc;
    // Without entities: a capitalized name that is not an acronym ("NATO").
    name.chars().next().is_some_and(char::is_uppercase) && name.chars().any(char::is_lowercase)
}

/// "Sanders’ campaign", "NATO’s strategic roadmap": a capitalized
/// possessive followed by lower-case words only (one to three).
fn possessive_nominal(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let lower = ws.iter().rev().take_while(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    (1..=3).contains(&lower)
        && ws.len() > lower
        && ws[ws.len() - 1 - lower].chars().next().is_some_and(char::is_uppercase)
        && ["’s", "'s", "’"].iter().any(|e| ws[ws.len() - 1 - lower].ends_with(e))
}

/// Whether the speaker named at `span` is an organization, a country or a
/// thing ("The Moscow statement", "the ministry", "NATO"), which "it" can
/// stand for: an ORG or LOC mention, an acronym, or a nominal whose last
/// word is a singular noun that names no person.
fn non_person(doc: &Document, ents: &BySpan<&Entity>, span: Span) -> bool {
    if let Some(e) = ents.overlapping(span).next() {
        return matches!(e.kind, EntityKind::Org | EntityKind::Loc);
    }
    let s = doc.slice(span);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !s.contains(' ') && !s.chars().any(char::is_lowercase) {
        return true;
    }
    let Some(last) = s.split_whitespace().last() else { return false };
    s.contains(' ')
        && last.chars().all(|c| c.is_ascii_lowercase())
        && (!last.ends_with('s') || last.ends_with("ss"))
        && !attribution::names_person(last)
}

/// "It also denounces", "“…,” it added": `it` opens its sentence (or
/// follows the quotation, or one opening adverb and its comma) and only
/// adverbs or a perfect or future auxiliary stand between it and the
/// verb, so neither a passive ("it was reported") nor an expletive
/// ("it is said") reads as a speaker.
fn it_subject(text: &str, it: Span, verb: Span) -> bool {
    if !matches!(&text[it.start..it.end], "it" | "It") || !it_then_verb(text, it, verb) {
        return false;
    }
    let from = attribution::sentence_start(text, it.start);
    let before = text[from..it.start].trim().trim_end_matches(',').trim_end();
    let opener = !before.contains(' ')
        && text[from..it.start].trim_end().ends_with(',')
        && before.chars().next().is_some_and(char::is_uppercase)
        && before.chars().all(char::is_alphabetic);
    before.is_empty() || before.ends_with(['”', '"']) || opener
}

/// Whether only adverbs or a perfect or future auxiliary stand between the
/// pronoun at `it` and the verb at `verb` (never a form of "be", so a
/// passive "it was reported" or an expletive "it is said" does not count).
fn it_then_verb(text: &str, it: Span, verb: Span) -> bool {
    verb.start >= it.end
        && text[it.end..verb.start]
            .split_whitespace()
            .all(|w| lexicon::is_verb_filler(w) && !matches!(w, "was" | "were" | "is" | "have" | "herself" | "himself"))
}

/// "a relationship it says has …", "the ministry said it had warned": a
/// lower-case "it" inside its sentence (not one [`it_subject`] takes) as
/// the subject of the speech verb at `verb`. "It says a lot", "it says
/// much about …" judge a fact rather than quote anyone: no subject.
fn inner_it_subject(text: &str, it: Span, verb: Span) -> bool {
    if &text[it.start..it.end] != "it" || !it_then_verb(text, it, verb) || it_subject(text, it, verb) {
        return false;
    }
    let mut next = text[verb.end..].split_whitespace();
    let idiom = match next.next() {
        Some("a") => next.next().is_some_and(|w| matches!(w, "lot" | "great" | "good")),
        Some(w) => matches!(w, "much" | "little" | "something" | "nothing" | "everything" | "volumes" | "more"),
        None => false,
    };
    !idiom
}

/// Prepositions of place and time, any case: a place after one ("talks
/// in Moscow") is a setting, never what "it" stands for.
fn is_setting_preposition(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "at" | "near" | "from" | "during" | "across" | "inside" | "outside" | "through" | "around"
    )
}

/// What an inner "it" (at `it`) stands for, searched in its own sentence
/// before it in the order of Hobbs' algorithm: the sentence subject first,
/// then organizations and places from left to right, those in subject,
/// object or possessor position ("underlining Beijing’s focus") before
/// objects of prepositions ("ties with Russia"). "It" never stands for a
/// person; words inside quotation marks, a place that is only the setting
/// ("in Paris") and a name modifying a person noun ("the US ambassador")
/// are left out. Returns the speaker's name (an entity's canonical name,
/// or a non-person nominal subject as written) and where it is.
fn it_antecedent(doc: &Document, ents: &[&Entity], segs: &[marks::Segment], it: Span) -> Option<(String, Span)> {
    let text = doc.text.as_str();
    let from = attribution::sentence_start(text, it.start);
    let ws = attribution::words(text, Span::new(from, it.start), 80);
    // A closing mark left from the sentence before (`…poverty." The new …`).
    let ws = &ws[ws.iter().position(|w| !matches!(w.s, "\"" | "”" | "’" | "'")).unwrap_or(ws.len())..];
    // Segments and entities are sorted: only those of this sentence are
    // looked at, so the search stays bounded per quote.
    let quoted = |s: Span| {
        let k = segs.partition_point(|g| g.open <= s.start);
        k > 0 && s.end <= segs[k - 1].close_end
    };
    let ents = &ents[ents.partition_point(|e| e.span.start < from)..ents.partition_point(|e| e.span.start < it.start)];
    // Names before the subject sit in a dateline or an opening adverbial.
    let mut names_from = from;
    if let Some(p) = attribution::sentence_subject(ws).filter(|p| p.kind != HeadKind::Pronoun && !quoted(p.span)) {
        names_from = p.span.end;
        match ents.iter().find(|e| e.kind != EntityKind::Norp && e.span.overlaps(&p.head)) {
            Some(e) if matches!(e.kind, EntityKind::Org | EntityKind::Loc) => {
                return Some((e.canonical.clone(), e.span));
            }
            Some(_) => {}
            None if p.kind == HeadKind::Nominal => {
                if let Some(np) = nominal_antecedent(doc, ents, ws, p.span) {
                    return Some((doc.slice(np).to_string(), np));
                }
            }
            None => {}
        }
    }
    let mut after_preposition = None;
    for e in ents.iter().filter(|e| e.span.start >= names_from && e.span.end <= it.start) {
        if !matches!(e.kind, EntityKind::Org | EntityKind::Loc) || quoted(e.span) {
            continue;
        }
        // The word governing the name, across determiners and a coordination
        // ("in Ireland and the UK": the UK is in a setting too).
        let mut start = e.span.start;
        let before = loop {
            let mut b = ws.partition_point(|w| w.span.start < start);
            while b > 0 && matches!(ws[b - 1].s, "the" | "The" | "a" | "an") {
                b -= 1;
            }
            let Some(w) = b.checked_sub(1).map(|b| ws[b]) else { break None };
            match ents.iter().find(|c| c.span.end <= w.span.start && c.span.end + 2 >= w.span.start) {
                Some(c) if matches!(w.s, "and" | "or" | ",") && c.span.start >= names_from => start = c.span.start,
                _ => break Some(w.s),
            }
        };
        let after = ws.iter().find(|w| w.span.start >= e.span.end).map(|w| w.s);
        if after.is_some_and(attribution::names_person)
            || (e.kind == EntityKind::Loc && before.is_some_and(is_setting_preposition))
        {
            continue;
        }
        if before.is_some_and(|w| w == "of" || attribution::is_preposition(w)) {
            after_preposition.get_or_insert(*e);
            continue;
        }
        return Some((e.canonical.clone(), e.span));
    }
    after_preposition.map(|e| (e.canonical.clone(), e.span))
}

/// A subject name with more names coordinated before it: "Russia and
/// China", "Jane Roe and John Smith", "Britain, France and Germany". The
/// subject phrase ends at "and", so it holds only the last name; this looks
/// back from it. Returns the canonical names joined as written, and the span
/// from the first name to the last. The names must all be people, or all
/// organizations and places ("Jane Roe and Acme" is no joint speaker), and
/// the first must not follow a preposition ("talks between Britain and
/// France said": the talks speak).
fn coordinated_names(doc: &Document, ents: &[&Entity], phrase: Span) -> Option<(String, Span)> {
    let text = doc.text.as_str();
    let lo = ents.partition_point(|e| e.span.end <= phrase.start);
    let mut inside = ents[lo..].iter().take_while(|e| e.span.start < phrase.end).filter(|e| e.kind != EntityKind::Norp);
    let last = *inside.next()?;
    if last.span.start < phrase.start || last.span.end > phrase.end {
        return None;
    }
    let before = text[phrase.start..last.span.start].trim();
    if inside.next().is_some()
        || !matches!(before, "" | "the" | "The")
        || !text[last.span.end..phrase.end].trim().is_empty()
    {
        return None;
    }
    let people = last.kind == EntityKind::Person;
    if !people && !matches!(last.kind, EntityKind::Org | EntityKind::Loc) {
        return None;
    }
    let mut names = vec![last];
    let mut start = phrase.start;
    loop {
        let k = ents.partition_point(|e| e.span.end <= start);
        let Some(prev) = k.checked_sub(1).map(|k| ents[k]).filter(|e| e.span.end <= start) else { break };
        let gap = &text[prev.span.end..start];
        let joined = if names.len() == 1 { matches!(gap, " and " | ", and ") } else { gap == ", " };
        let kind_ok = if people {
            prev.kind == EntityKind::Person
        } else {
            matches!(prev.kind, EntityKind::Org | EntityKind::Loc)
        };
        if !joined || !kind_ok {
            break;
        }
        names.push(prev);
        start = prev.span.start;
    }
    if names.len() < 2 {
        return None;
    }
    let first = names[names.len() - 1].span;
    let lead = text[..first.start].trim_end();
    let lead = lead.strip_suffix("the").or_else(|| lead.strip_suffix("The")).map_or(lead, str::trim_end);
    let word_before = lead.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if word_before == "of" || attribution::is_preposition(word_before) {
        return None;
    }
    names.reverse();
    let mut joined = names[0].canonical.clone();
    for (k, n) in names.iter().enumerate().skip(1) {
        joined.push_str(if k + 1 == names.len() { " and " } else { ", " });
        joined.push_str(&n.canonical);
    }
    Some((joined, Span::new(first.start, last.span.end)))
}

/// Common irregular past tenses, which end a subject noun phrase ("The
/// club’s shares fell after …") as the regular "-ed" forms do.
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "fell"
            | "rose"
            | "grew"
            | "won"
            | "lost"
            | "made"
            | "took"
            | "came"
            | "went"
            | "saw"
            | "got"
            | "gave"
            | "became"
            | "left"
            | "ran"
            | "held"
            | "kept"
            | "told"
            | "sold"
            | "bought"
            | "brought"
            | "found"
            | "paid"
            | "met"
            | "led"
            | "sent"
            | "spent"
            | "built"
            | "stood"
            | "began"
            | "wrote"
            | "spoke"
            | "hit"
            | "cut"
            | "put"
            | "set"
            | "shut"
    )
}

/// The noun phrase of a common-noun sentence subject (`span`) that "it"
/// can stand for: the phrase up to its verb or a clause word ("The company’s
/// shares tumbled after" → "The company’s shares") when it names a singular
/// non-person, else its possessor ("The company"), else nothing.
fn nominal_antecedent(doc: &Document, ents: &[&Entity], ws: &[attribution::W], span: Span) -> Option<Span> {
    let np: Vec<_> = ws.iter().filter(|w| w.span.start >= span.start && w.span.end <= span.end).collect();
    let cut = np
        .iter()
        .skip(1)
        .position(|w| {
            let s = w.s;
            !w.is_word()
                || lexicon::is_speech_verb(s)
                || attribution::is_preposition(s)
                || matches!(
                    s,
                    "of" | "after" | "before" | "when" | "as" | "because" | "that" | "which" | "who" | "while"
                )
                || (s.len() > 3 && s.ends_with("ed") && s.chars().all(|c| c.is_ascii_lowercase()))
                || is_irregular_past(s)
        })
        .map_or(np.len(), |k| k + 1);
    // "The club’s new shares": a possessive's noun is at most two words on.
    let cut = np.iter().position(|w| w.s.ends_with("’s") || w.s.ends_with("'s")).map_or(cut, |k| cut.min(k + 3));
    let np = &np[..cut];
    // A nationality modifies the noun ("The new Indian government"); the
    // mentions passed in are the sentence's own, a bounded few.
    let ents = BySpan::new(ents.iter().copied().filter(|e| e.kind != EntityKind::Norp), |e| e.span);
    let ents = &ents;
    let whole = Span::new(np.first()?.span.start, np.last()?.span.end);
    if non_person(doc, ents, whole) {
        return Some(whole);
    }
    let k = np.iter().position(|w| w.s.ends_with("’s") || w.s.ends_with("'s"))?;
    let suffix = if np[k].s.ends_with("’s") { "’s".len() } else { "'s".len() };
    let owner = Span::new(np[0].span.start, np[k].span.end - suffix);
    non_person(doc, ents, owner).then_some(owner)
}

/// Credits `q` to the speaker of an earlier quote `prev`, with its role.
fn inherit_speaker(q: &mut Quote, prev: &Quote) {
    q.speaker.clone_from(&prev.speaker);
    q.speaker_span = prev.speaker_span;
    q.speaker_role.clone_from(&prev.speaker_role);
}

/// Whether the quotation `prev` ends in the sentence holding byte `at` or
/// in the sentence right before it (possibly the last of the previous
/// paragraph).
fn recent_sentence(text: &str, prev: Span, at: usize) -> bool {
    let from = attribution::sentence_start(text, at);
    if prev.end >= from {
        return prev.end <= at;
    }
    let end = text[..from].trim_end().trim_end_matches(['.', '!', '?', ';', '”', '"', '’']).len();
    end > 0 && prev.end >= attribution::sentence_start(text, end)
}

/// Strips a possessive ending ("Putin’s" → "Putin").
fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s").or_else(|| s.strip_suffix("'s")).unwrap_or(s).trim_end_matches([',', '.', ':'])
}

/// The last person mentioned before byte `at`, leaving out mentions inside
/// the quotation itself (`“… Justice Ginsburg …,” he wrote`: the quoted
/// words are not the speaker's antecedent).
fn person_before<'e>(persons: &[&'e Entity], at: usize, quote: Span) -> Option<&'e Entity> {
    let i = persons.partition_point(|e| e.span.end <= at);
    persons[..i].iter().rev().find(|e| !(e.span.start >= quote.start && e.span.end <= quote.end)).copied()
}

/// The person a definite title ("the Texas senator said") stands for: the
/// first person named in the sentence of the last person mention before it,
/// the subject being the likeliest antecedent ("Smith accused Jones of …
/// “…” the governor said" → Smith).
fn title_antecedent<'e>(
    doc: &Document,
    persons: &[&'e Entity],
    title: &str,
    at: usize,
    quote: Span,
) -> Option<&'e Entity> {
    let last = person_before(persons, at, quote)?;
    let from = attribution::sentence_start(&doc.text, last.span.start);
    let i = persons.partition_point(|e| e.span.start < from);
    let outside = |e: &&&Entity| !(e.span.start >= quote.start && e.span.end <= quote.end);
    let j = persons.partition_point(|e| e.span.start <= last.span.start);
    let candidates = || persons[i..j.max(i)].iter().filter(outside);
    // A capitalized word of the title ("the Russian president") written
    // just before a mention ("his Russian counterpart, Vladimir Putin")
    // picks that mention.
    let marks: Vec<&str> = title
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !lexicon::is_role(w) && *w != "The")
        .collect();
    let described = candidates().rev().find(|e| {
        let mut lo = e.span.start.saturating_sub(48);
        while !doc.text.is_char_boundary(lo) {
            lo += 1;
        }
        // Only the words of the mention's own description count: walk back
        // over capitalized and role words ("New Jersey Gov. Chris Christie
        // accused Cruz": "accused" stops the walk before Cruz).
        let before = &doc.text[lo..e.span.start];
        before
            .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .filter(|w| !w.is_empty())
            .rev()
            .take(5)
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || lexicon::is_role(w)
                    || matches!(*w, "his" | "her" | "their" | "its" | "the")
            })
            .any(|w| marks.contains(&w.trim_end_matches('.')))
    });
    described.or_else(|| candidates().next()).copied()
}

/// Fills `speaker`, `speaker_span` and `speaker_role` from a speaker phrase.
fn resolve(
    doc: &Document,
    ents: &[&Entity],
    persons: &[&Entity],
    p: &Phrase,
    last_person: &Option<(String, Span)>,
    q: &mut Quote,
) {
    // An honorific alone ("Mr", "Mrs.") is a form of address, not a role.
    let role_text = |sp: Span| {
        let r = doc.slice(sp).trim().trim_end_matches(',').trim();
        let honorific = matches!(
            r.trim_end_matches('.'),
            "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Sir" | "Dame" | "Madam" | "Mme" | "M"
        );
        (!r.is_empty() && !honorific).then(|| r.to_string())
    };
    match p.kind {
        HeadKind::Pronoun => {
            let w = doc.slice(p.head);
            if lexicon::pronoun(w) != Some(Pronoun::Singular) {
                return;
            }
            // Most recent person: a PERSON mention before the pronoun, or
            // the last person credited with a quote, whichever is later.
            // "Clinton, whom he called …": the antecedent of a relative
            // pronoun is not the pronoun subject inside its clause.
            let mut ent = person_before(persons, p.head.start, q.span);
            if let Some(e) = ent {
                let between = doc.text[e.span.end..p.head.start].trim_start_matches([',', ' ']);
                if ["whom ", "who ", "which "].iter().any(|r| between.starts_with(r) && between.len() < r.len() + 2) {
                    ent = person_before(persons, e.span.start, q.span);
                }
            }
            let pick = match (ent, last_person) {
                (Some(e), Some((n, s))) if s.start > e.span.start => Some((n.clone(), *s)),
                (Some(e), _) => Some((e.canonical.clone(), e.span)),
                (None, Some((n, s))) => Some((n.clone(), *s)),
                (None, None) => None,
            };
            if let Some((n, s)) = pick {
                q.speaker = Some(n);
                q.speaker_span = Some(s);
            }
        }
        HeadKind::Name | HeadKind::Nominal => {
            // "Sanders’ campaign said", "NATO’s strategic roadmap presents":
            // the campaign or the roadmap speaks, not Sanders or NATO.
            let text = doc.slice(p.span);
            // "Supporters of Donald Trump said": the group speaks, as written.
            if (p.kind == HeadKind::Nominal && possessive_nominal(text)) || attribution::is_group_of(text) {
                q.speaker = Some(text.to_string());
                q.speaker_span = Some(p.span);
                return;
            }
            // "Russia and China proclaimed": both speak.
            if let Some((names, span)) = coordinated_names(doc, ents, p.span) {
                q.speaker = Some(names);
                q.speaker_span = Some(span);
                return;
            }
            // Prefer an entity mention inside the phrase: a person first.
            let lo = ents.partition_point(|e| e.span.end <= p.span.start);
            let inside = ents[lo..].iter().take_while(|e| e.span.start < p.span.end);
            let mut best: Option<&Entity> = None;
            for e in inside {
                // "the influential US daily": a place inside a description
                // is a modifier, not the speaker.
                if e.kind == EntityKind::Norp || (p.kind == HeadKind::Nominal && e.kind == EntityKind::Loc) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some(b) => {
                        (e.kind == EntityKind::Person && b.kind != EntityKind::Person)
                            || (e.kind == b.kind && e.span.overlaps(&p.head))
                    }
                };
                if better {
                    best = Some(e);
                }
            }
            if let Some(e) = best {
                q.speaker = Some(e.canonical.clone());
                q.speaker_span = Some(e.span);
                q.speaker_role = if e.span.start > p.span.start {
                    let r = attribution::words(&doc.text, Span::new(p.span.start, e.span.start), 20);
                    let r: Vec<_> = r.into_iter().skip_while(|w| lexicon::is_determiner(w.s) || w.s == "of").collect();
                    r.first().and_then(|f| role_text(Span::new(f.span.start, e.span.start)))
                } else {
                    p.role.and_then(role_text)
                };
                return;
            }
            // "declared the Russian president": a definite title refers back
            // to the most recent person mention (only with real entities).
            let nominal = doc.slice(p.span);
            if p.kind == HeadKind::Nominal
                && (nominal.starts_with("the ") || nominal.starts_with("The "))
                && nominal.split_whitespace().last().is_some_and(lexicon::is_role)
                && let Some(e) = title_antecedent(doc, persons, nominal, p.span.start, q.span)
            {
                q.speaker = Some(e.canonical.clone());
                q.speaker_span = Some(e.span);
                q.speaker_role = Some(nominal[4..].to_string());
                return;
            }
            let name = strip_possessive(doc.slice(p.head));
            if name.is_empty() {
                return;
            }
            q.speaker = Some(name.to_string());
            q.speaker_span = Some(Span::new(p.head.start, p.head.start + name.len()));
            q.speaker_role = p.role.and_then(role_text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, entities: &[Entity]) -> (Document, Vec<Quote>) {
        let doc = Document::verbatim(text.to_string());
        let q = extract(&doc, entities);
        (doc, q)
    }

    /// Hand-built PERSON mentions for a seed (entities are not merged yet).
    fn persons(doc: &Document, names: &[(&str, &str)]) -> Vec<Entity> {
        let mut out = Vec::new();
        for &(surface, canonical) in names {
            for (i, _) in doc.text.match_indices(surface) {
                out.push(Entity {
                    span: Span::new(i, i + surface.len()),
                    kind: EntityKind::Person,
                    canonical: canonical.to_string(),
                    country: None,
                });
            }
        }
        out.sort_by_key(|e| e.span.start);
        out
    }

    fn find<'a>(doc: &Document, qs: &'a [Quote], starts: &str) -> &'a Quote {
        qs.iter().find(|q| doc.slice(q.span).starts_with(starts)).unwrap_or_else(|| panic!("no quote {starts:?}"))
    }

    /// Each text (after a title line), with the real entity extractor: the
    /// quote starting with the given words has the given speaker.
    fn assert_speakers(cases: &[(&str, &str, Option<&str>)]) {
        for (text, quote, speaker) in cases {
            let doc = Document::verbatim(format!("Title\n\n{text}"));
            let ents = crate::extract::entities::extract(&doc);
            let qs = extract(&doc, &ents);
            assert_eq!(find(&doc, &qs, quote).speaker.as_deref(), *speaker, "{text}");
        }
    }

    #[test]
    fn seed_000_putin_and_scare_quotes() {
        let text = std::fs::read_to_string("fixtures/000_c98b3e06564cac78.txt").unwrap();
        for with_entities in [false, true] {
            let doc = Document::verbatim(text.clone());
            let ents = if with_entities {
                persons(&doc, &[("Vladimir Putin", "Vladimir Putin"), ("Zhao Lijian", "Zhao Lijian")])
            } else {
                vec![]
            };
            let qs = extract(&doc, &ents);
            let q = find(&doc, &qs, "NATO’s leading countries want […]");
            assert_eq!(q.kind, QuoteKind::Full);
            assert_eq!(q.speaker.as_deref(), Some("Vladimir Putin"));
            assert_eq!(q.speaker_role.as_deref(), Some("Russian President"));
            assert_eq!(q.verb.as_deref(), Some("castigated"));
            let q = find(&doc, &qs, "The call for Ukraine");
            assert_eq!(
                (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
                (QuoteKind::Full, Some("Vladimir Putin"), Some("insisted"))
            );
            for w in ["challenge", "interests"] {
                let q = find(&doc, &qs, w);
                assert_eq!((q.kind, &q.speaker, &q.verb), (QuoteKind::Scare, &None, &None), "{w}");
            }
            let q = find(&doc, &qs, "this decision will no longer");
            assert_eq!(q.speaker.as_deref(), Some("Igor Konashenkov"));
            assert_eq!(q.speaker_role.as_deref(), Some("Russian Defense Ministry spokesman"));
            let q = find(&doc, &qs, "Ukraine can count on us");
            assert_eq!(q.speaker.as_deref(), Some("Jens Stoltenberg"));
            assert_eq!(q.speaker_role.as_deref(), Some("NATO Secretary General"));
            // A possessive subject behind a relative clause, the framing verb
            // "presents … as", then a coordinated verb and its second object.
            for (w, verb) in [
                ("the most significant", "presents"),
                ("the deep strategic", "denounces"),
                ("and their mutual attempts", "denounces"),
            ] {
                let q = find(&doc, &qs, w);
                assert_eq!(
                    (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
                    (QuoteKind::Partial, Some("NATO’s strategic roadmap"), Some(verb)),
                    "{w}"
                );
            }
            let q = find(&doc, &qs, "lives under an uninterrupted");
            assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Serguiï Gaïdaï"), Some("lamented")));
        }
    }

    #[test]
    fn participles_auxiliary_adverbs_and_honorifics() {
        let doc = Document::verbatim(
            "Xi Jinping visited Serbia, pledging to build a “community with a shared future” there. \
             China had already denounced last week the “wrong and dangerous way” of the pact. \
             Mr Lavrov said the ties had “continued to develop dynamically”."
                .to_string(),
        );
        let ents = persons(&doc, &[("Xi Jinping", "Xi Jinping"), ("Lavrov", "Sergei Lavrov")]);
        let qs = extract(&doc, &ents);
        let q = find(&doc, &qs, "community with");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Xi Jinping"), Some("pledging")));
        let q = find(&doc, &qs, "wrong and dangerous");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("China"), Some("denounced")));
        let q = find(&doc, &qs, "continued to develop");
        assert_eq!((q.speaker.as_deref(), q.speaker_role.as_deref()), (Some("Sergei Lavrov"), None));
        // A sentence with its own reporting verb is no continuation of the
        // reported speech before it.
        let doc = Document::verbatim(
            "The roadmap denounces “the deep partnership” between them. \
             The Moscow statement stresses that both “are very concerned about the ties”."
                .to_string(),
        );
        let qs = extract(&doc, &[]);
        let q = find(&doc, &qs, "are very concerned");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("The Moscow statement"), Some("stresses")));
    }

    #[test]
    fn a_quoted_heading_inherits_no_speaker() {
        let doc = Document::from_paragraphs(&[
            ("Title", crate::document::ParagraphKind::Title),
            (
                "The Ukrainian army immediately hailed “the liberation of a strategic territory”.",
                crate::document::ParagraphKind::Body,
            ),
            ("“As long as it takes”", crate::document::ParagraphKind::Heading),
            ("In Madrid, NATO countries validated an increase in personnel.", crate::document::ParagraphKind::Body),
        ]);
        let qs = extract(&doc, &[]);
        let q = find(&doc, &qs, "As long as it takes");
        assert_eq!((&q.speaker, &q.verb), (&None, &None));
        // The same quotation as a body paragraph does continue the speech.
        let body = Document::from_paragraphs(&[
            ("“We will stay,” the minister said.", crate::document::ParagraphKind::Body),
            ("“As long as it takes.”", crate::document::ParagraphKind::Body),
        ]);
        let qs = extract(&body, &[]);
        assert_eq!(find(&body, &qs, "As long as it takes").speaker.as_deref(), Some("the minister"));
    }

    #[test]
    fn seed_001_glued_quotes_and_roles() {
        let text = std::fs::read_to_string("fixtures/001_fbe121efbb17706c.txt").unwrap();
        let doc = Document::verbatim(text);
        let ents = persons(
            &doc,
            &[("Xi Jinping", "Xi Jinping"), ("Vladimir Putin", "Vladimir Putin"), ("John Kirby", "John Kirby")],
        );
        let qs = extract(&doc, &ents);
        let q = find(&doc, &qs, "We have signed a declaration");
        assert!(doc.slice(q.span).ends_with("a new era"));
        assert_eq!(
            (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
            (QuoteKind::Full, Some("Xi Jinping"), Some("declared"))
        );
        let q = find(&doc, &qs, "Many points of the peace plan");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Vladimir Putin"), Some("declared")));
        let q = find(&doc, &qs, "I don’t think China");
        assert_eq!(q.speaker.as_deref(), Some("John Kirby"));
        assert_eq!(q.speaker_role.as_deref(), Some("White House National Security Council spokesman"));
        assert_eq!(find(&doc, &qs, "impartial").kind, QuoteKind::Scare);
        // "It also denounces" after the statement's quotes.
        let q = find(&doc, &qs, "the negative influence");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("The Moscow statement"), Some("denounces")));
    }

    #[test]
    fn nested_quote_at_the_end_keeps_the_attribution_after() {
        let (_, qs) =
            run("Title\n\n“You say you ‘accept responsibility for those people,’” Merkley said. “That is wrong.”", &[]);
        assert_eq!(qs[0].kind, QuoteKind::Full);
        assert_eq!((qs[0].speaker.as_deref(), qs[0].verb.as_deref()), (Some("Merkley"), Some("said")));
    }

    #[test]
    fn unattributed_quote_has_no_speaker() {
        let (_, qs) = run("Title\n\nThe sign read “Keep out of the building at all times”.", &[]);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker, None);
    }

    #[test]
    fn linear_with_many_quotes() {
        let text = "Title\n\n".to_string() + &"“a b,” he said. ".repeat(100_000);
        let start = std::time::Instant::now();
        let (_, qs) = run(&text, &[]);
        assert_eq!(qs.len(), 100_000);
        // Generous bound for loaded CI machines; a quadratic pass would take hours.
        assert!(start.elapsed().as_secs() < 60);
    }

    /// Throughput of the quote extractor alone on the dev gold texts:
    /// `cargo test --release --lib quotes::tests::throughput -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn throughput() {
        let p = std::path::Path::new("../shared/eval/quotes/dev.jsonl");
        let Ok(data) = std::fs::read_to_string(p) else {
            eprintln!("skipping: {} not present", p.display());
            return;
        };
        let docs: Vec<Document> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(|t| Document::verbatim(t.to_string())))
            .collect();
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let rounds = 5;
        let start = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for d in &docs {
                n += extract(d, &[]).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{} quotes, {:.1} MB x {rounds} in {secs:.3}s: {:.1} MB/s",
            n / rounds,
            bytes as f64 / 1e6,
            (bytes * rounds) as f64 / 1e6 / secs
        );
    }

    #[test]
    #[ignore]
    fn print_seeds() {
        for p in crate::fixtures::texts(&[]) {
            let (doc, qs) = run(&std::fs::read_to_string(&p).unwrap(), &[]);
            println!("== {}", p.display());
            for q in qs {
                println!(
                    "{:?} {:?} | {:?} | role {:?} | verb {:?}",
                    q.kind,
                    doc.slice(q.span),
                    q.speaker,
                    q.speaker_role,
                    q.verb
                );
            }
        }
    }

    #[test]
    fn named_subjects_and_names_next_to_any_verb_attribute_quotes() {
        let text = "Cruz blamed the law on “knuckleheaded Democratic politicians” at a rally.\n\n\
                    “Go back to Univision,” Trump barked at the reporter.\n\n\
                    “This is fantastic!” beamed Donald Hartley, a delegate.\n\n\
                    Later came analysis from Jeffrey Jones: “The state population is changing.”\n\n\
                    Democratic candidate Bernie Sanders is choosing not to answer claims of “profane and sexist attacks” today.";
        let doc = Document::verbatim(text.to_string());
        let ents = persons(
            &doc,
            &[
                ("Cruz", "Ted Cruz"),
                ("Trump", "Donald Trump"),
                ("Donald Hartley", "Donald Hartley"),
                ("Jeffrey Jones", "Jeffrey Jones"),
                ("Bernie Sanders", "Bernie Sanders"),
            ],
        );
        let qs = extract(&doc, &ents);
        let q = find(&doc, &qs, "knuckleheaded");
        assert_eq!(
            (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
            (QuoteKind::Partial, Some("Ted Cruz"), Some("blamed"))
        );
        let q = find(&doc, &qs, "Go back");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Donald Trump"), Some("barked")));
        let q = find(&doc, &qs, "This is fantastic");
        assert_eq!((q.speaker.as_deref(), q.verb.as_deref()), (Some("Donald Hartley"), Some("beamed")));
        let q = find(&doc, &qs, "The state population");
        assert_eq!(q.speaker.as_deref(), Some("Jeffrey Jones"));
        let q = find(&doc, &qs, "profane");
        assert_eq!(
            (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
            (QuoteKind::Partial, Some("Bernie Sanders"), Some("choosing"))
        );
        // Without entities nothing is guessed.
        let qs = extract(&doc, &[]);
        assert!(qs.iter().all(|q| q.speaker.is_none()), "{qs:?}");
    }

    /// Speakers written the American way: a state in parentheses or after
    /// a comma, an age and home town, a manner adverb, an opening
    /// adverbial before the subject of a participle.
    #[test]
    fn speakers_behind_abbreviations_ages_adverbs_and_openers() {
        let cases = [
            ("“It matters,” Sen. Jane Roe (R-Fla.) said Saturday.", "It matters", "Jane Roe"),
            ("“It matters,” Senate Leader Jon Doe, R-Ky., said Tuesday.", "It matters", "Jon Doe"),
            ("Ann Lee, 22, of Flint, Mich., said she would vote for a “surprise” candidate.", "surprise", "Ann Lee"),
            ("Co-anchor Ann Lee, who was off-screen, then loudly asked, “Really?”", "Really", "Ann Lee"),
            ("In early October, Ann Lee wrote to the group, saying: “We want this now.”", "We want", "Ann Lee"),
            ("Reached by phone, Ann Lee denied it, explaining that she was “taking a day off.”", "taking", "Ann Lee"),
        ];
        assert_speakers(&cases.map(|(t, q, sp)| (t, q, Some(sp))));
        // "the family said": a noun in -ly after a determiner is the subject.
        let (doc, qs) = run("Title\n\n“We grieve,” the family said.", &[]);
        assert_eq!(find(&doc, &qs, "We grieve").speaker.as_deref(), Some("the family"), "{qs:?}");
    }

    /// Attributions without the usual comma, behind lower-case modifiers,
    /// or in the sentence or paragraph before the quotation.
    #[test]
    fn speakers_named_around_the_quotation() {
        let cases = [
            ("“The caucus is a battle of niches” Steve Grubbs said.", "The caucus", Some("Steve Grubbs")),
            ("“Great,” said conservative activist Bob Klaus, who backs nobody.", "Great", Some("Bob Klaus")),
            ("Jane Miller said the plan was flawed. “It will never work.”", "It will", Some("Jane Miller")),
            ("Jane Miller said the plan was flawed.\n\n“It will never work.”", "It will", Some("Jane Miller")),
            // A sentence ending inside the quotation stops the look-ahead.
            ("“It is over.” Jane Miller said nothing else.", "It is over", None),
            // A participle after a quotation reports more of the subject's words.
            (
                "Jane Miller defended “New York values,” saying the city was “the heart of America.”",
                "New York",
                Some("Jane Miller"),
            ),
            (
                "Jane Miller defended “New York values,” saying the city was “the heart of America.”",
                "the heart",
                Some("Jane Miller"),
            ),
            // Only reported speech hands its speaker on.
            ("Jane Miller visited the plant.\n\n“It will never work.”", "It will", None),
        ];
        assert_speakers(&cases);
    }

    /// Attribution idioms: "as X put it", an inverted "said X" after a
    /// clause that continues the quotation, "went on to say", "led X to
    /// warn", and a later verb without subject framed by an earlier one.
    #[test]
    fn idioms_inversions_and_framing_verbs() {
        let cases = [
            ("As Jane Miller put it, the plan is “a road to nowhere.”", "a road", Some("Jane Miller")),
            ("The plan is “a road to nowhere,” as Jane Miller, a planner, put it.", "a road", Some("Jane Miller")),
            ("“It will fail” unless the vote moves, said Jane Miller, a planner.", "It will fail", Some("Jane Miller")),
            ("“It will fail” unless the vote moves, said the report.", "It will fail", None),
            ("Jane Miller went on to say: “We are not done.”", "We are not", Some("Jane Miller")),
            // The object of a verb of causing or urging speaks the infinitive.
            ("The vote led Jane Miller to warn of “a road to nowhere.”", "a road", Some("Jane Miller")),
            ("The vote prompted him to warn of “a road to nowhere.”", "a road", None),
            ("The vote made Jane Miller want to warn of “a road to nowhere.”", "a road", None),
            (
                "Jane Miller said she had no doubt, but was referring to “the old rules.”",
                "the old rules",
                Some("Jane Miller"),
            ),
            ("Marchers walking through the streets chanted “No more wars!” all night.", "No more", None),
            ("Jane Miller calls the plan “a road to nowhere.”", "a road", Some("Jane Miller")),
            ("Said Jane Miller, who grew up nearby, “We were proud of him.”", "We were", Some("Jane Miller")),
            ("Jane Miller condemned the “senseless attack on our city.”", "senseless", Some("Jane Miller")),
            // An editor's bracketed stop ends the sentence inside the quote.
            ("Jane Miller said the plan “led to nothing[.]” Tom Ford cited other work.", "led to", Some("Jane Miller")),
            ("“We won,” while Jane Miller notes that the count goes on.", "We won", None),
        ];
        assert_speakers(&cases);
    }

    /// Transcript lines quoted paragraph by paragraph carry their speaker
    /// label; a label mid-paragraph or a heading word is not one.
    #[test]
    fn transcript_labels_name_the_speaker() {
        let text = "Title\n\nJane Roe spoke to Tom Ford on Sunday. Partial transcript:\n\n\
                    \"FORD: Will you run?\n\n\"ROE: No. I will not.\n\n\"That is final.\"\n\n\
                    She said: \"Ford: a good host.\"\n\n\"UPDATE: The show ended.\"";
        let doc = Document::verbatim(text.to_string());
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        let q = find(&doc, &qs, "FORD: Will");
        assert_eq!((q.kind, q.speaker.as_deref(), q.verb.as_deref()), (QuoteKind::Full, Some("Tom Ford"), Some(":")));
        let q = find(&doc, &qs, "ROE: No");
        assert!(doc.slice(q.span).ends_with("That is final."), "{:?}", doc.slice(q.span));
        assert_eq!(q.speaker.as_deref(), Some("Jane Roe"));
        assert_ne!(find(&doc, &qs, "Ford: a good").speaker.as_deref(), Some("Tom Ford"));
        assert_ne!(find(&doc, &qs, "UPDATE").verb.as_deref(), Some(":"));
        // Without a person to match, the label in title case.
        let (doc, qs) = run("Title\n\n\"HOST: Welcome back.\"", &[]);
        assert_eq!(find(&doc, &qs, "HOST").speaker.as_deref(), Some("Host"));
    }

    /// A dateline, a subordinate clause or a town and its state before the
    /// subject are not the subject.
    #[test]
    fn datelines_and_opening_clauses_before_the_subject() {
        let cases = [
            ("Springfield (AP) – Jane Roe took a swipe at rivals, saying “they are weak.”", "they are"),
            ("SPRINGFIELD, July 5 (AP) — Jane Roe took a swipe at rivals, saying “they are weak.”", "they are"),
            ("When asked about her plans, Jane Roe smiled and said, “Wait and see.”", "Wait"),
            ("Continuing to explain her view, Jane Roe rejected the idea, saying it was “a trap.”", "a trap"),
            ("Speaking at a diner in Salem, New Hampshire, Jane Roe went after rivals, calling them “weak.”", "weak"),
        ];
        for (text, quote) in cases {
            let doc = Document::verbatim(format!("Title\n\n{text}"));
            let ents = crate::extract::entities::extract(&doc);
            let qs = extract(&doc, &ents);
            assert_eq!(find(&doc, &qs, quote).speaker.as_deref(), Some("Jane Roe"), "{text}");
        }
    }

    /// Descriptions before a name, a quoted characterization after "as",
    /// and definite titles resolved to the subject of the last sentence
    /// naming a person, never to a name inside the quotation itself.
    #[test]
    fn descriptions_characterizations_and_titles() {
        let cases = [
            ("“I do not know,” said undecided Republican voter Jane Roe of Salem.", "I do not", Some("Jane Roe")),
            (
                "Republican presidential front-runner Jane Roe defended her aide as a “decent man.”",
                "decent",
                Some("Jane Roe"),
            ),
            ("Jane Roe later dismissed the report as “fiction.”", "fiction", Some("Jane Roe")),
            ("The band played its old hit “Fiction” at the end.", "Fiction", None),
            ("“It is over,” said the Rev. Tom Ford of Salem.", "It is over", Some("Tom Ford")),
            ("“We are ready,” the Texas senator said.", "We are ready", Some("the Texas senator")),
            (
                "Jane Roe accused Tom Ford of lying. “He made it up,” the governor said.",
                "He made it up",
                Some("Jane Roe"),
            ),
            ("Tom Ford spoke first. “Jane Roe is wrong,” the senator said.", "Jane Roe is", Some("Tom Ford")),
            ("In other words, explained moderator Jane Roe: “Why does it matter?”", "Why does", Some("Jane Roe")),
            ("Polls did predict the Iowa caucus - Jane Roe: “Late deciders broke for Smith.”", "Late", None),
        ];
        for (text, quote, speaker) in cases {
            let doc = Document::verbatim(format!("Title\n\n{text}"));
            let ents = crate::extract::entities::extract(&doc);
            let qs = extract(&doc, &ents);
            let q = find(&doc, &qs, quote);
            if speaker.is_none() && text.contains("Polls") {
                // The name before the colon may own it; "Iowa" may not.
                assert_ne!(q.speaker.as_deref(), Some("Iowa"), "{text}");
            } else {
                assert_eq!(q.speaker.as_deref(), speaker, "{text}");
            }
        }
    }

    /// A possessive subject speaks for itself, a long apposition is
    /// skipped, and a progressive verb's subject stands before it.
    #[test]
    fn possessives_long_appositions_and_progressives() {
        let cases = [
            ("Jane Roe’s campaign called the report a “rush to judgment.”", "rush", Some("Jane Roe’s campaign")),
            (
                "Jane Roe, a lawyer who worked for two governors, ran the state party for a decade and now advises \
                 three campaigns in the region on their early-vote efforts, said the plan is a “critical part of our strategy.”",
                "critical",
                Some("Jane Roe"),
            ),
            (
                "On Saturday, Tom Ford testified, and Jane Roe kept asking him about “spontaneous” protests.",
                "spontaneous",
                Some("Jane Roe"),
            ),
        ];
        assert_speakers(&cases);
    }

    /// "It" opening a sentence right before its speech verb stands for the
    /// organization or document quoted in the same or the previous
    /// sentence; never for a person, an older quote, a passive or an
    /// expletive "it".
    #[test]
    fn it_stands_for_the_last_non_person_speaker() {
        let cases = [
            (
                "The ministry said the talks had “failed completely”.\n\nIt also denounced “the reckless conduct of the other side”.",
                "the reckless",
                Some("The ministry"),
            ),
            ("“We will appeal,” the company said. “The ruling is wrong,” it added.", "The ruling", Some("the company")),
            (
                "The ministry said the talks had “failed completely”. However, it later warned of “a long winter”.",
                "a long winter",
                Some("The ministry"),
            ),
            (
                "Jane Roe said the plan “would never work”. It also denounced “the reckless conduct of the board”.",
                "the reckless",
                None,
            ),
            (
                "The ministry said the talks had “failed completely”. The talks resume on Monday. \
                 It also denounced “the reckless conduct of the other side”.",
                "the reckless",
                None,
            ),
            (
                "The ministry said the talks had “failed completely”. It was reported that delegates “walked out in anger”.",
                "walked out",
                None,
            ),
            (
                "The ministry said the talks had “failed completely”. It is said that delegates “walked out in anger”.",
                "walked out",
                None,
            ),
        ];
        assert_speakers(&cases);
    }

    /// "it" inside a sentence, right before its speech verb, stands for a
    /// non-person noun phrase of that sentence (the subject, then names in
    /// subject, object or possessor position before objects of
    /// prepositions), then for the last non-person speaker; never for a
    /// person, a place that is only the setting, or a name in a quotation.
    #[test]
    fn inner_it_stands_for_a_non_person_of_its_sentence() {
        let cases = [
            (
                "Jane Roe praised Norway’s push for closer ties with Sweden, a bond it says is “stronger than ever”.",
                "stronger",
                Some("Norway"),
            ),
            (
                "Jane Roe praised the push for closer ties with Sweden, a bond it says is “stronger than ever”.",
                "stronger",
                Some("Sweden"),
            ),
            (
                "The ministry, which moved to a new building last year, said it had warned of “a deep crisis” for months.",
                "a deep",
                Some("The ministry"),
            ),
            // A place after "in" is the setting, and a person is never "it".
            ("Jane Roe found an old book in Oslo, and it says that “love wins”.", "love wins", None),
            ("Jane Roe, the author of a report, says it warns of “a deep crisis”.", "a deep", None),
            // A name inside an earlier quotation of the sentence is not one.
            ("“Norway will pay,” Jane Roe said of a deal it says is “unfair”.", "unfair", None),
            // Nothing in the sentence: the non-person speaker just before.
            (
                "The ministry said the talks had “failed”. Jane Roe agreed, and it also says the deal is “dead”.",
                "dead",
                Some("The ministry"),
            ),
            // A closing mark before the sentence, a verb after the subject.
            ("“We lost.” The club’s shares fell after it said it faced “a grave crisis”.", "a grave", Some("The club")),
            (
                "Jane Roe said “we lost”. The new Swedish club, run by Norway, grew after it vowed “to win”.",
                "to win",
                Some("The new Swedish club"),
            ),
            // A coordinated place shares the setting.
            ("Sales were up in Ireland and the UK, it said, on “compact” editions.", "compact", None),
            // An expletive "it is said" has no antecedent.
            ("Jane Roe left Norway last year, and it is said that she “never looked back”.", "never", None),
        ];
        assert_speakers(&cases);
        // A dateline names no antecedent.
        let text = "OSLO - Jane Roe wrote a book, and it also says that “love wins”.";
        let doc = Document::verbatim(format!("Title\n\n{text}"));
        assert!(crate::extract::entities::extract(&doc).iter().any(|e| doc.slice(e.span) == "OSLO"));
        assert_speakers(&[(text, "love wins", None)]);
        // "It says a lot": a judgement, not a speech act of a subject.
        let text = "Norway won, and it says a lot about them.";
        let it = text.find("it says").unwrap();
        let verb = Span::new(it + 3, it + 7);
        assert!(!inner_it_subject(text, Span::new(it, it + 2), verb));
        let text = "Norway won, and it says the team “earned it”.";
        let it = text.find("it says").unwrap();
        assert!(inner_it_subject(text, Span::new(it, it + 2), Span::new(it + 3, it + 7)));
    }

    /// A verb putting forward a content noun's "that" clause ("promoted the
    /// idea that “…”") hands the quotation to its subject; a verb that
    /// rejects the proposition, or one without the content noun, does not.
    #[test]
    fn content_noun_clauses_belong_to_the_subject() {
        let cases = [
            ("Jane Roe made the argument that “taxes must fall” in her speech.", "taxes", Some("Jane Roe")),
            ("Jane Roe floated the rather bold claim that the tax was “a disgrace”.", "a disgrace", Some("Jane Roe")),
            (
                "Protesters marched through the city, spreading rumors that “the mayor had fled”.",
                "the mayor",
                Some("Protesters"),
            ),
            ("Jane Roe rejected the idea that “taxes must fall”.", "taxes", None),
            ("Jane Roe has long dismissed claims that the vote was “rigged”.", "rigged", None),
            ("Jane Roe dismissed the vote as “rigged”.", "rigged", Some("Jane Roe")),
            ("Jane Roe promoted the film “Summer Rain” across Europe.", "Summer Rain", None),
            ("Jane Roe made it clear that “taxes must fall”.", "taxes", None),
        ];
        assert_speakers(&cases);
        let (doc, qs) = run("Title\n\nJane Roe has dismissed claims that her plan was “a tax grab” at all.", &[]);
        let q = find(&doc, &qs, "a tax grab");
        assert_eq!((q.kind, q.speaker.as_deref()), (QuoteKind::Partial, None));
        let (doc, qs) =
            run("Title\n\nThe union promoted the idea that “The plant will close,” with a strike looming.", &[]);
        let q = find(&doc, &qs, "The plant");
        assert_eq!(
            (q.kind, q.speaker.as_deref(), q.verb.as_deref()),
            (QuoteKind::Partial, Some("The union"), Some("promoted"))
        );
    }

    /// A participle with only a comma or colon before the quotation
    /// introduces it as a finite verb does: a whole sentence is full, a
    /// lower-case fragment run into the verb stays partial.
    #[test]
    fn participles_introduce_full_quotations() {
        let (doc, qs) = run("Title\n\nJane Roe praised the plan, noting, “This is a good day for all of us.”", &[]);
        let q = find(&doc, &qs, "This is a good day");
        assert_eq!((q.kind, q.verb.as_deref()), (QuoteKind::Full, Some("noting")));
        let (doc, qs) = run("Title\n\nJane Roe praised the plan, saying “a deal is close” now.", &[]);
        assert_eq!(find(&doc, &qs, "a deal is close").kind, QuoteKind::Partial);
    }

    /// A speech verb's passive with a named agent before the quotation:
    /// the agent speaks. An unnamed agent, or an outlet that "reported"
    /// the words, does not.
    #[test]
    fn passive_agents_speak() {
        let cases = [
            ("Accused by Norway of “stealing the fish”, Sweden left the talks.", "stealing", Some("Norway")),
            ("The plan, described by Jane Roe as “a disaster”, was dropped.", "a disaster", Some("Jane Roe")),
            ("He was called by Acme “a liar” last year.", "a liar", Some("Acme")),
            ("Dubbed by critics as “the worst law”, the bill passed.", "the worst law", None),
        ];
        assert_speakers(&cases);
        let (doc, qs) = run("Title\n\nThe plan, described by Jane Roe as “a disaster”, was dropped.", &[]);
        assert_eq!(find(&doc, &qs, "a disaster").verb.as_deref(), Some("described"));
        let text = "Jane Roe wrote in a letter, as first reported by Acme: “We will not pay.”";
        let doc = Document::verbatim(format!("Title\n\n{text}"));
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        assert_ne!(find(&doc, &qs, "We will not pay").speaker.as_deref(), Some("Acme"));
    }

    /// Names joined by "and" speak together; a title or mixed kinds
    /// leave the usual choice.
    #[test]
    fn coordinated_names_speak_together() {
        let cases = [
            (
                "Norway and Sweden proclaimed that they opened “a new era” in ties.",
                "a new era",
                Some("Norway and Sweden"),
            ),
            ("Jane Roe and John Smith said the deal was “a disaster”.", "a disaster", Some("Jane Roe and John Smith")),
            (
                "Norway, Sweden and Denmark said the plan was “unworkable”.",
                "unworkable",
                Some("Norway, Sweden and Denmark"),
            ),
            ("Jane Roe said the deal was “a disaster”.", "a disaster", Some("Jane Roe")),
        ];
        assert_speakers(&cases);
        // Not one kind: a person and a country.
        let doc = Document::verbatim("Title\n\nJane Roe and Norway said the deal was “a disaster”.".into());
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        let sp = find(&doc, &qs, "a disaster").speaker.clone();
        assert!(sp.as_deref().is_some_and(|s| !s.contains(" and ")), "{sp:?}");
        // After a preposition the names are not the subject.
        let doc = Document::verbatim("Title\n\nTalks between Norway and Sweden said “nothing new”.".into());
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        let sp = find(&doc, &qs, "nothing new").speaker.clone();
        assert!(sp.as_deref().is_none_or(|s| !s.contains(" and ")), "{sp:?}");
    }

    /// A plural noun for people with "of" and a name ("Supporters of Jane
    /// Roe") is the speaker as written, not the person after "of".
    #[test]
    fn groups_of_people_speak_for_themselves() {
        let cases = [
            ("Supporters of Jane Roe said “she will win”.", "she will", Some("Supporters of Jane Roe")),
            ("Some critics of Jane Roe said the plan was “a trap”.", "a trap", Some("Some critics of Jane Roe")),
            (
                "The remaining fans of the singer Jane Roe said they “miss her”.",
                "miss her",
                Some("The remaining fans of the singer Jane Roe"),
            ),
            (
                "Critics of former Governor Jane Roe promoted the idea that “Roe will run again,” with a poll due.",
                "Roe will",
                Some("Critics of former Governor Jane Roe"),
            ),
            // A title with "of" is no group.
            ("Secretary of State Jane Roe said “we will win”.", "we will", Some("Jane Roe")),
        ];
        assert_speakers(&cases);
        assert!(attribution::is_group_of("Supporters of Jane Roe"));
        assert!(attribution::is_group_of("The remaining members of Acme"));
        assert!(!attribution::is_group_of("Bank of England"));
        assert!(!attribution::is_group_of("Secretary of State Jane Roe"));
        assert!(!attribution::is_group_of("of Jane Roe") && !attribution::is_group_of("The of"));
    }

    /// "presents X as “…”" frames a quoted characterization like "describes
    /// X as", but only in a finite active form and never for one word; a
    /// possessive subject with modifiers is kept as written, even behind a
    /// relative clause, and a coordinated verb shares it.
    #[test]
    fn framing_verbs_and_possessive_subjects() {
        let cases = [
            ("The report presents the dam as “a danger to the whole valley”.", "a danger", Some("The report")),
            (
                "Acme’s annual report, which was published on Monday, also portrays the merger as “a clear success for \
                 all sides” and denounces “the hostile press”.",
                "a clear",
                Some("Acme’s annual report"),
            ),
            (
                "Acme’s annual report, which was published on Monday, also portrays the merger as “a clear success for \
                 all sides” and denounces “the hostile press”.",
                "the hostile",
                Some("Acme’s annual report"),
            ),
            ("The dam was presented as “a danger to the whole valley”.", "a danger", None),
            ("“Sales are up,” Jane Roe, Acme’s chief executive said.", "Sales are up", Some("Jane Roe")),
            (
                "Jane Roe, head of the Acme Group’s audit unit, who wrote the rules, said they were “too weak”.",
                "too weak",
                Some("Jane Roe"),
            ),
        ];
        assert_speakers(&cases);
        let (doc, qs) = run("Title\n\nThe report presents the dam as a “danger” to the valley.", &[]);
        let q = find(&doc, &qs, "danger");
        assert_eq!((q.kind, &q.speaker, &q.verb), (QuoteKind::Scare, &None, &None));
        let (doc, qs) = run("Title\n\nThe report presents the dam as “a danger to the whole valley”.", &[]);
        assert_eq!(find(&doc, &qs, "a danger").verb.as_deref(), Some("presents"));
        // A numeral makes the speech-verb form a counted noun, not a verb
        // after a possessive subject.
        let (doc, qs) =
            run("Title\n\nThe party chairman attacked Labour’s six new pledges as “vacuous and empty”.", &[]);
        assert_ne!(find(&doc, &qs, "vacuous").speaker.as_deref(), Some("Labour’s six new"));
    }

    /// "X, whom he called …": the pronoun is not X; a contraction such as
    /// "I'm" opening a sentence is not a name.
    #[test]
    fn relative_clause_antecedents_and_contractions() {
        let doc = Document::verbatim(
            "Title\n\nTom Ford said he would vote for Jane Roe, whom he called “the best of the lot.”".into(),
        );
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        assert_eq!(find(&doc, &qs, "the best").speaker.as_deref(), Some("Tom Ford"));
        let doc = Document::verbatim(
            "Title\n\nI'm old enough to remember Jane Roe going on TV, declaring a “moral equivalent of war.”".into(),
        );
        let ents = crate::extract::entities::extract(&doc);
        let qs = extract(&doc, &ents);
        assert_ne!(find(&doc, &qs, "moral").speaker.as_deref(), Some("I'm"));
    }
}
