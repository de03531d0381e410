//! Pairing quotation marks into quoted segments.
//!
//! One left-to-right pass over each paragraph with a tiny state machine, so
//! the cost is linear even for a million stray marks. Straight marks (`"`,
//! `''`) carry no direction, so their role comes from their neighbours: an
//! opening mark follows a space, a line start or an opening bracket; a
//! closing one follows a non-space (which also covers the glued
//! `"…a new era"declared` seen in translated wire copy). Single marks are
//! quotes only when they sit at word edges, so apostrophes ("NATO’s",
//! "don’t", "’90s") never open or close anything.

use crate::document::{Document, Span, trim_span};

/// One quoted segment found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The text between the marks, whitespace trimmed.
    pub inner: Span,
    /// Byte offset just past the closing mark.
    pub close_end: usize,
    /// Delimited by single marks (‘…’ or '…') rather than double ones.
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Always opens (“, «, ``).
    Open,
    /// Always closes (”, »), unless nothing is open and it sits like an opener.
    Close,
    /// Direction from context (", '').
    Either,
    /// Single opening ‘ or ' at a word start.
    SingleOpen,
    /// Single closing ’ or ' at a word end.
    SingleClose,
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | ':'),
    }
}

/// Recognizes a mark at byte `i` (char `c`); returns its kind and byte length.
fn mark_at(bytes: &[u8], i: usize, c: char, prev: Option<char>, next: Option<char>) -> Option<(Mark, usize)> {
    match c {
        '“' | '«' => Some((Mark::Open, c.len_utf8())),
        '”' | '»' => Some((Mark::Close, c.len_utf8())),
        '"' => Some((Mark::Either, 1)),
        '`' if bytes.get(i + 1) == Some(&b'`') => Some((Mark::Open, 2)),
        '\'' if bytes.get(i + 1) == Some(&b'\'') => Some((Mark::Either, 2)),
        '‘' | '\'' | '’' => {
            let opens = is_open_context(prev) && next.is_some_and(|n| n.is_alphabetic() || n == '“' || n == '"');
            let closes = prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(|n| n.is_alphanumeric());
            if c != '’' && opens {
                Some((Mark::SingleOpen, c.len_utf8()))
            } else if c != '‘' && closes {
                Some((Mark::SingleClose, c.len_utf8()))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// `6'3"`: a straight double mark after digits that follow a foot mark.
fn is_inch_mark(bytes: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 && bytes[j - 1].is_ascii_digit() {
        j -= 1;
    }
    if j == i {
        return false;
    }
    j > 1 && bytes[j - 1] == b'\'' && bytes[j - 2].is_ascii_digit()
}

/// Whether byte `b` can be the first byte of a quotation mark: `"`, `'`,
/// `` ` ``, or the lead byte of “ ” ‘ ’ (0xE2) and « » (0xC2).
///
/// Written as non-short-circuit comparisons (rather than `matches!`) so a
/// loop over a fixed block of bytes compiles to vector compares.
fn may_start_mark(b: u8) -> bool {
    (b == b'"') | (b == b'\'') | (b == b'`') | (b == 0xE2) | (b == 0xC2)
}

/// Offset of the first byte at or after `from` that may start a mark
/// ([`may_start_mark`]), or `bytes.len()` when none does.
///
/// Marks are rare, so nearly all of a paragraph is skipped here. The
/// branch-free test over whole 16-byte blocks compiles to a few vector
/// instructions per block instead of several per byte.
fn next_candidate(bytes: &[u8], from: usize) -> usize {
    let (blocks, _) = bytes[from..].as_chunks::<16>();
    let clean = blocks.iter().take_while(|block| !block.iter().fold(false, |any, &b| any | may_start_mark(b))).count();
    let start = from + clean * 16;
    bytes[start..].iter().position(|&b| may_start_mark(b)).map_or(bytes.len(), |p| start + p)
}

/// Whether a paragraph starts with a mark that can open a quotation.
fn starts_with_opener(s: &str) -> bool {
    s.starts_with(['“', '"', '«']) || s.starts_with("``") || s.starts_with("''")
}

/// Finds every quoted segment of the document, in text order.
pub fn segments(doc: &Document) -> Vec<Segment> {
    let text = doc.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Open double quotation: (mark offset, inner start).
    let mut open: Option<(usize, usize)> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let ptext = &text[para.span.start..para.span.end];
        // A transcript's next speaker (`"PENCE: Well, …`) ends the quote
        // carried over from the previous paragraph.
        if let Some((o, s)) = open
            && pi > 0
            && let Some(m) = ptext.chars().next().filter(|&m| matches!(m, '“' | '"'))
            && speaker_label_len(&ptext[m.len_utf8()..]).is_some()
        {
            let end = doc.paragraphs[pi - 1].span.end;
            push(text, &mut out, o, s, end, end, false);
            open = None;
        }
        // A quote carried over from the previous paragraph swallows this
        // paragraph's opening mark.
        let mut skip_first_open = open.is_some();
        let mut single: Option<(usize, usize)> = None;
        // A curly pair inside a straight-quoted passage (`"… “x” …"`) is a
        // nested quotation: it must not cut the outer one.
        let mut nested = false;
        let mut prev: Option<char> = None;
        let pb = ptext.as_bytes();
        let mut off = 0;
        while off < pb.len() {
            // Most of the text holds no mark: jump to the next byte that can
            // start one, with `prev` the character just before it.
            if !may_start_mark(pb[off]) {
                off = next_candidate(pb, off);
                if off == pb.len() {
                    break;
                }
                prev = ptext[..off].chars().next_back();
            }
            let Some(c) = ptext[off..].chars().next() else { break };
            let i = para.span.start + off;
            let next = next_after(ptext, off + c.len_utf8());
            let Some((mark, len)) =
                mark_at(bytes, i, c, prev, if len_is_two(bytes, i, c) { next_after(ptext, off + 2) } else { next })
            else {
                prev = Some(c);
                off += c.len_utf8();
                continue;
            };
            let at = off;
            off += len;
            let after = i + len;
            if skip_first_open {
                skip_first_open = false;
                if matches!(mark, Mark::Open | Mark::Either) && at == 0 {
                    prev = Some(c);
                    continue;
                }
            }
            match mark {
                Mark::Open => {
                    if open.is_some_and(|(o, _)| bytes[o] == b'"' || bytes[o] == b'\'') {
                        nested = true;
                    } else {
                        open = Some((i, after));
                        single = None;
                    }
                }
                Mark::Close if nested => nested = false,
                Mark::Close => match open.take() {
                    Some((o, s)) => push(text, &mut out, o, s, i, after, false),
                    None if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                        open = Some((i, after))
                    }
                    None => {}
                },
                Mark::Either => {
                    let glued_after = prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'));
                    let followed_by_space = next.is_none_or(|n| n.is_whitespace());
                    match open {
                        Some((o, s)) => {
                            if glued_after || followed_by_space {
                                if c == '"' && is_inch_mark(bytes, i) {
                                    prev = Some(c);
                                    continue;
                                }
                                open = None;
                                nested = false;
                                push(text, &mut out, o, s, i, after, false);
                            } else {
                                // A new opener: the earlier mark was unmatched.
                                open = Some((i, after));
                            }
                        }
                        None => {
                            if is_open_context(prev) && !followed_by_space {
                                open = Some((i, after));
                                single = None;
                            }
                        }
                    }
                }
                Mark::SingleOpen => {
                    if open.is_none() && single.is_none() {
                        single = Some((i, after));
                    }
                }
                Mark::SingleClose => {
                    if let Some((o, s)) = single.take() {
                        push(text, &mut out, o, s, i, after, true);
                    }
                }
            }
            prev = Some(text[i..after].chars().last().unwrap_or(c));
        }
        // An unclosed quotation continues only into a paragraph that opens
        // with a quotation mark (the news convention); otherwise drop it.
        if open.is_some() {
            let continues =
                doc.paragraphs.get(pi + 1).is_some_and(|n| starts_with_opener(&text[n.span.start..n.span.end]));
            if !continues {
                open = None;
            }
        }
    }
    out
}

/// Byte length of a transcript speaker label that opens `s` ("WALLACE",
/// "CHRIS MATTHEWS" before ": "): one to three words in capitals, at least
/// two letters, not a heading word ("UPDATE: …", "NOTE: …").
pub fn speaker_label_len(s: &str) -> Option<usize> {
    let (colon, _) = s.char_indices().take(40).find(|&(i, c)| c == ':' && s[i + 1..].starts_with(' '))?;
    let label = &s[..colon];
    let ok = label.split(' ').count() <= 3
        && label.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !matches!(
            label,
            "UPDATE"
                | "NOTE"
                | "EDITOR'S NOTE"
                | "EDITOR’S NOTE"
                | "BREAKING"
                | "WATCH"
                | "READ"
                | "RELATED"
                | "VIDEO"
                | "PHOTOS"
                | "CORRECTION"
                | "FULL TEXT"
                | "TRANSCRIPT"
                | "QUESTION"
                | "ANSWER"
                | "WARNING"
                | "P.S."
        );
    ok.then_some(colon)
}

fn len_is_two(bytes: &[u8], i: usize, c: char) -> bool {
    (c == '`' || c == '\'') && bytes.get(i + 1) == Some(&bytes[i])
}

fn next_after(s: &str, off: usize) -> Option<char> {
    s.get(off..).and_then(|t| t.chars().next())
}

fn push(text: &str, out: &mut Vec<Segment>, open: usize, start: usize, end: usize, close_end: usize, single: bool) {
    let inner = trim_span(text, Span::new(start, end));
    if !inner.is_empty() {
        out.push(Segment { open, inner, close_end, single });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<String> {
        let doc = Document::verbatim(text.to_string());
        segments(&doc).iter().map(|s| doc.slice(s.inner).to_string()).collect()
    }

    #[test]
    fn curly_straight_and_glued() {
        assert_eq!(inners("He said “we will win,” and left."), vec!["we will win,"]);
        assert_eq!(inners("\"A new era\"declared the president."), vec!["A new era"]);
        assert_eq!(inners("a \"b\" and \"c d\"."), vec!["b", "c d"]);
        assert_eq!(inners("«Bonjour» dit-il, ``fine'' and ''ok''."), vec!["Bonjour", "fine", "ok"]);
    }

    #[test]
    fn apostrophes_and_inches_are_not_quotes() {
        assert!(inners("NATO’s plan, don’t, the ’90s and Serpents’ Island.").is_empty());
        assert!(inners("He is 6'3\" tall.").is_empty());
        assert_eq!(inners("He said ‘no way’ twice."), vec!["no way"]);
        assert_eq!(
            inners("“NATO’s leading countries want […] more,” he said."),
            vec!["NATO’s leading countries want […] more,"]
        );
    }

    #[test]
    fn transcript_speaker_label_ends_a_multi_paragraph_quote() {
        let text =
            "T\n\n\"HOST: Will she come?\n\n\"GUEST: No. She will not.\n\n\"And that is final.\n\n\"UPDATE: none.\"";
        assert_eq!(
            inners(text),
            vec!["HOST: Will she come?", "GUEST: No. She will not.\n\n\"And that is final.\n\n\"UPDATE: none."]
        );
        assert_eq!(speaker_label_len("JOHN DOE: Hi"), Some(8));
        assert_eq!(speaker_label_len("NOTE: Hi"), None);
        assert_eq!(speaker_label_len("Doe: Hi"), None);
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let t = "“First part.\n\n“Second part,” he said.\n\n“Unclosed\n\nNo mark here.";
        assert_eq!(inners(t), vec!["First part.\n\n“Second part,"]);
    }

    #[test]
    fn curly_quote_nested_in_straight_quote_keeps_the_outer() {
        assert_eq!(
            inners("He stated: \"It isn’t about “Equal Justice” anymore. It is politics.\" Then he left."),
            vec!["It isn’t about “Equal Justice” anymore. It is politics."]
        );
        // An ordinary curly pair after a closed straight one is unaffected.
        assert_eq!(inners("\"a b\" and “c d”."), vec!["a b", "c d"]);
    }

    #[test]
    fn next_candidate_finds_the_first_mark_byte_in_and_after_whole_blocks() {
        let plain = "a".repeat(40);
        assert_eq!(next_candidate(plain.as_bytes(), 0), 40);
        for at in [0, 5, 15, 16, 17, 31, 32, 39] {
            for mark in ["\"", "'", "`", "“", "«"] {
                let t = format!("{}{mark}{}", &plain[..at], &plain[at..]);
                assert_eq!(next_candidate(t.as_bytes(), 0), at, "{mark} at {at}");
                assert_eq!(next_candidate(t.as_bytes(), at.min(3)), at, "{mark} at {at} from {}", at.min(3));
            }
        }
        // Searching starts at `from`: an earlier mark is passed over.
        assert_eq!(next_candidate(b"\"bcdefghijklmnopqrstuvwxyz'", 1), 26);
    }

    #[test]
    fn linear_on_many_marks() {
        let t = "\"".repeat(1_000_000) + " “" + &"a” “".repeat(200_000);
        let doc = Document::verbatim(t);
        let start = std::time::Instant::now();
        let segs = segments(&doc);
        assert!(segs.len() >= 200_000);
        // Generous bound for loaded CI machines; a quadratic pass would take hours.
        assert!(start.elapsed().as_secs() < 30);
    }
}
