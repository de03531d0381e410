//! The document model: cleaned text with paragraphs, sentences and tokens.
//!
//! Everything downstream of cleaning works on a [`Document`]. Offsets inside
//! the library are **byte offsets** into [`Document::text`] (so `&text[s..e]`
//! works and regexes can be run directly); the output layer converts them to
//! Unicode code-point offsets once, with [`Document::char_offset`], because
//! that is what `text[start:end]` means in Python and jq.
//!
//! Invariant for every span in this crate: `start <= end <= text.len()` and
//! both ends fall on `char` boundaries. Extractors never move offsets of the
//! text; they only point into it.

pub mod ascii;
pub mod calendar;
mod sentences;
mod tokens;

pub use sentences::split_sentences;
pub use tokens::{Shape, Token, TokenKind, tokenize};

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no text.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a paragraph is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// The document's headline (always the first paragraph when present).
    Title,
    /// A section subheading inside the article ("Grain export").
    Heading,
    /// Running text.
    Body,
}

/// One paragraph of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Byte range of the paragraph in the document text (no trailing newline).
    pub span: Span,
    /// Title, heading or body.
    pub kind: ParagraphKind,
}

/// Where a document's reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The `date` field of a JSONL record.
    Record,
    /// A dateline paragraph under the headline ("Friday, January 4, 2019").
    Dateline,
    /// A "Published: …" line in the page furniture.
    Published,
    /// Page metadata (`article:published_time`, JSON-LD, `<time>`).
    Meta,
    /// The `--date` command-line option.
    Cli,
}

/// A cleaned article, ready for the extractors.
///
/// `text` is the headline (if any) followed by the body paragraphs, joined by
/// blank lines (`"\n\n"`), so `paragraphs` tile the text with two-byte gaps.
/// With `--no-clean` the text is the input verbatim and paragraphs are the
/// blank-line separated blocks.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Stable identifier: the path, `path#N` for the N-th article of a
    /// multi-article file or the N-th line of a JSONL file, or a record's `id`.
    pub id: String,
    /// The input the document came from (`-` for standard input).
    pub path: String,
    /// The headline, when one was found.
    pub title: Option<String>,
    /// Reference date (publication date) for resolving relative dates.
    pub date: Option<chrono::NaiveDate>,
    /// Where `date` came from.
    pub date_source: Option<DateSource>,
    /// Canonical URL, when the input carried one.
    pub url: Option<String>,
    /// Author (byline), when known.
    pub author: Option<String>,
    /// Language code (`en`, `de`, …) when the input declared one.
    pub language: Option<String>,
    /// The cleaned text.
    pub text: String,
    /// Paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in reading order; never cross a paragraph boundary.
    pub sentences: Vec<Span>,
    /// Tokens in reading order.
    pub tokens: Vec<Token>,
    /// Non-fatal problems met while reading or cleaning this document.
    pub warnings: Vec<String>,
    /// `char_index[b]` = code-point index of byte `b`; empty when text is ASCII.
    char_index: Vec<u32>,
}

impl Document {
    /// Builds a document from already-cleaned paragraphs.
    ///
    /// Paragraphs are joined with a blank line; sentences and tokens are
    /// computed here so every extractor sees the same segmentation.
    pub fn from_paragraphs<S: AsRef<str>>(paras: &[(S, ParagraphKind)]) -> Document {
        // Sized once: grown a paragraph at a time, the text was copied
        // into a new block at every doubling, each copy a write to memory
        // not yet in the cache.
        let len = paras.iter().map(|(p, _)| p.as_ref().len() + 2).sum::<usize>();
        let mut text = String::with_capacity(len);
        let mut paragraphs = Vec::with_capacity(paras.len());
        for (p, kind) in paras {
            let p = p.as_ref();
            if p.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(p);
            paragraphs.push(Paragraph { span: Span::new(start, text.len()), kind: *kind });
        }
        let title = paragraphs
            .first()
            .filter(|p| p.kind == ParagraphKind::Title)
            .map(|p| text[p.span.start..p.span.end].to_string());
        let mut doc = Document { text, paragraphs, title, ..Document::default() };
        doc.segment();
        doc
    }

    /// Builds a document over `text` exactly as given (`--no-clean`).
    ///
    /// Paragraphs are the blank-line separated blocks (a lone newline stays
    /// inside a paragraph); the first non-empty line is taken as the title
    /// but stays part of the text, so offsets index the input exactly.
    pub fn verbatim(text: String) -> Document {
        let mut paragraphs = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Skip blank lines.
            while i < bytes.len() && (bytes[i] == b'\n' || bytes[i] == b'\r') {
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            let start = i;
            let mut end;
            loop {
                let line_end = memchr_newline(bytes, i);
                end = line_end;
                i = line_end;
                if i >= bytes.len() {
                    break;
                }
                // Past the newline; a following blank line ends the paragraph.
                i += 1;
                let next_end = memchr_newline(bytes, i);
                if text[i..next_end].trim().is_empty() {
                    break;
                }
            }
            let span = trim_span(&text, Span::new(start, end));
            if !span.is_empty() {
                paragraphs.push(Paragraph { span, kind: ParagraphKind::Body });
            }
        }
        let title = text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
        let mut doc = Document { text, paragraphs, title, ..Document::default() };
        doc.segment();
        doc
    }

    fn segment(&mut self) {
        self.sentences = split_sentences(&self.text, &self.paragraphs);
        self.tokens = tokenize(&self.text, &self.sentences);
        self.char_index = if self.text.is_ascii() {
            Vec::new()
        } else {
            // Byte by byte: every byte but a UTF-8 continuation byte
            // (10xxxxxx) starts a character, and each byte maps to the
            // index of the character it belongs to. Extended from an
            // iterator of known length, so no byte pays a capacity check
            // and the table is not zeroed first.
            let bytes = self.text.as_bytes();
            let mut idx = Vec::with_capacity(bytes.len() + 1);
            let mut starts = 0u32;
            idx.extend(bytes.iter().map(|&b| {
                starts += u32::from(b & 0xC0 != 0x80);
                starts - 1
            }));
            idx.push(starts);
            idx
        };
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Converts a byte offset into a Unicode code-point offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.char_index.is_empty() { byte } else { self.char_index[byte] as usize }
    }

    /// Number of word tokens (what the table's "words" column shows).
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.kind == TokenKind::Word || t.kind == TokenKind::Number).count()
    }

    /// Index range of the tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let lo = self.tokens.partition_point(|t| t.span.start < span.start);
        let hi = self.tokens.partition_point(|t| t.span.end <= span.end);
        lo..hi.max(lo)
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// Index of the paragraph containing byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= pos).then_some(i)
    }
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| from + p)
}

/// Shrinks a span so it neither starts nor ends with whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    if start >= end { Span::new(span.start, span.start) } else { Span::new(start, end) }
}

/// `w` lower-cased into `buf` when it is ASCII and fits, else `None`.
///
/// The extractors look up most words in lower-cased lexicons; this spares
/// them an allocation per word (and the UTF-8 re-validation a safe
/// conversion of the buffer would cost on every lookup).
#[inline]
pub fn ascii_lower<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    let out = &mut buf[..b.len()];
    for (d, c) in out.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    // SAFETY: every byte was checked to be ASCII, and lower-casing ASCII
    // yields ASCII, which is always valid UTF-8.
    Some(unsafe { std::str::from_utf8_unchecked(out) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lower_only_for_ascii_that_fits() {
        let mut buf = [0u8; 8];
        assert_eq!(ascii_lower("NATO-Led", &mut buf), Some("nato-led"));
        assert_eq!(ascii_lower("Zürich", &mut buf), None);
        assert_eq!(ascii_lower("Headquarters", &mut buf), None);
        assert_eq!(ascii_lower("", &mut buf), Some(""));
    }

    #[test]
    fn paragraphs_tile_the_text() {
        let doc = Document::from_paragraphs(&[
            ("Title here", ParagraphKind::Title),
            ("First para. Second sentence.", ParagraphKind::Body),
        ]);
        assert_eq!(doc.text, "Title here\n\nFirst para. Second sentence.");
        assert_eq!(doc.title.as_deref(), Some("Title here"));
        assert_eq!(doc.slice(doc.paragraphs[1].span), "First para. Second sentence.");
        assert_eq!(doc.sentences.len(), 3);
    }

    #[test]
    fn char_offsets_count_code_points() {
        let doc = Document::from_paragraphs(&[("“Ça” va", ParagraphKind::Body)]);
        let b = doc.text.find("va").unwrap();
        assert_eq!(doc.char_offset(b), 5);
        assert_eq!(doc.char_offset(doc.text.len()), 7);
        // Every character boundary, with one- to four-byte characters.
        let doc = Document::from_paragraphs(&[("a£b€c😀d “e” ñ", ParagraphKind::Body)]);
        for (n, (b, _)) in doc.text.char_indices().enumerate() {
            assert_eq!(doc.char_offset(b), n, "byte {b}");
        }
        assert_eq!(doc.char_offset(doc.text.len()), doc.text.chars().count());
        // A byte inside a character maps to that character.
        for b in 0..doc.text.len() {
            let holder = doc.text.char_indices().filter(|&(i, _)| i <= b).count() - 1;
            assert_eq!(doc.char_offset(b), holder, "byte {b}");
        }
    }

    #[test]
    fn verbatim_keeps_text_exactly() {
        let raw = "Head line\r\n\r\nBody one\nstill one.\n\n\nBody two.  ";
        let doc = Document::verbatim(raw.to_string());
        assert_eq!(doc.text, raw);
        let paras: Vec<&str> = doc.paragraphs.iter().map(|p| doc.slice(p.span)).collect();
        assert_eq!(paras, ["Head line", "Body one\nstill one.", "Body two."]);
        assert_eq!(doc.title.as_deref(), Some("Head line"));
    }

    #[test]
    fn lookups_by_position() {
        let doc = Document::from_paragraphs(&[("A b. C d.", ParagraphKind::Body), ("E f.", ParagraphKind::Body)]);
        let e = doc.text.find('E').unwrap();
        assert_eq!(doc.paragraph_at(e), Some(1));
        assert_eq!(doc.sentence_at(e), Some(2));
        assert_eq!(doc.sentence_at(doc.text.find('C').unwrap()), Some(1));
        let r = doc.tokens_in(doc.sentences[1]);
        let words: Vec<&str> = doc.tokens[r].iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(words, ["C", "d", "."]);
    }
}
