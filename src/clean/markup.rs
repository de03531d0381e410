//! HTML fragments in raw text: entity decoding and tag stripping.
//!
//! Raw article files often carry pieces of the page's markup, sometimes
//! itself entity-encoded (`<div class&equals;"wpcnt">`, `&NewLine;`). We
//! decode every HTML5 named and numeric entity first, then strip tags in
//! one linear pass: the content of script, style, noscript, template,
//! iframe, svg and figcaption elements and of ad, share and comment
//! containers is dropped; block elements become paragraph breaks; `<h1>`…
//! `<h6>` mark headings. The result is a list of [`Line`]s that remember how
//! many blank lines preceded them, which the article splitter uses to find
//! titles.

use crate::document::ascii;
use regex::Regex;
use std::sync::LazyLock;

/// One non-empty line of cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, whitespace collapsed and trimmed.
    pub text: String,
    /// Blank lines between this line and the previous non-empty one (the
    /// first line counts as preceded by one).
    pub gap_before: usize,
    /// Marked as a heading by an `<h1>`…`<h6>` tag.
    pub heading: bool,
}

/// Marks the start of a heading line in the intermediate text.
const HEADING_MARK: char = '\u{E000}';

/// Elements whose content is never article text.
const SKIP_CONTENT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "figcaption",
    "head",
    "title",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "amp-ad",
    "ins",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "map",
];
/// Elements that break paragraphs.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "tr",
    "table",
    "figure",
    "hr",
    "pre",
    "dd",
    "dt",
    "dl",
    "main",
    "center",
    "address",
    "details",
    "summary",
    "body",
    "html",
    "td",
    "th",
    "caption",
    "tbody",
    "thead",
];
/// Elements inside which a raw newline is just whitespace.
const TEXT_BLOCK: &[&str] = &["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "dd", "dt"];

static AD_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:ads?|advert\w*|adsbygoogle|wpa|wpcnt|wordads\w*|sponsor\w*|promo\w*|dfp|taboola|outbrain|newsletter|share|sharing|social|related|comments?|cookie\w*|popup|modal|subscribe|paywall|breadcrumbs?|sidebar|widget)(?:[\s_-]|$)",
    )
    .expect("valid regex")
});
static CLASS_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).expect("valid regex"));
static HAS_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?[a-z][a-z0-9-]*(?:\s[^<>]*)?/?>|<!--").expect("valid regex"));

/// Decodes entities and strips markup, returning the text's lines.
pub fn to_lines(raw: &str) -> Vec<Line> {
    let decoded = if raw.contains('&') { decode_entities(raw) } else { raw.to_string() };
    let text = if HAS_TAG.is_match(&decoded) { strip_tags(&decoded) } else { decoded };
    lines(&text)
}

/// True when the input is a whole HTML page rather than text with fragments.
pub fn is_full_page(raw: &str) -> bool {
    let head = raw.trim_start_matches('\u{FEFF}').trim_start();
    // Cut on a char boundary: a multi-byte character may straddle byte 512.
    let head = &head[..head.floor_char_boundary(head.len().min(512))];
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
}

/// Decodes HTML5 named and numeric character references.
pub fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

struct Tag<'a> {
    name: String,
    end: bool,
    self_closing: bool,
    attrs: &'a str,
    /// Byte index just past the `>`.
    next: usize,
}

/// Parses a tag starting at `i` (which holds `<`). `None` if it is not one.
fn parse_tag(s: &str, i: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let mut j = i + 1;
    let end = b.get(j) == Some(&b'/');
    if end {
        j += 1;
    }
    let name_start = j;
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':') {
        j += 1;
    }
    let name = s[name_start..j].to_ascii_lowercase();
    if !matches!(b.get(j), Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) {
        return None;
    }
    let attrs_start = j;
    let mut quote: Option<u8> = None;
    while j < b.len() {
        let c = b[j];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // Quotes only open inside attribute values (after `=`).
                let prev = s[attrs_start..j].trim_end();
                if prev.ends_with('=') {
                    quote = Some(c);
                }
            }
            None if c == b'>' => {
                let attrs = &s[attrs_start..j];
                let self_closing = attrs.trim_end().ends_with('/');
                return Some(Tag { name, end, self_closing, attrs, next: j + 1 });
            }
            None if c == b'<' => return None,
            None => {}
        }
        j += 1;
    }
    None
}

fn is_ad_container(tag: &Tag) -> bool {
    if tag.name == "amp-ad" || tag.name == "ins" {
        return true;
    }
    CLASS_ATTR.captures_iter(tag.attrs).any(|c| {
        let v = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).map_or("", |m| m.as_str());
        AD_CLASS.is_match(v)
    })
}

/// Finds the end of the element opened by `tag` (just past its closing
/// tag), counting nested elements of the same name. `None` when unclosed.
fn element_end(s: &str, tag: &Tag) -> Option<usize> {
    let lower_name = tag.name.as_str();
    let raw_text = matches!(lower_name, "script" | "style" | "textarea" | "title" | "noscript" | "template");
    if raw_text {
        // Raw-text elements end at the first matching close tag.
        let close = format!("</{lower_name}");
        let rest = &s[tag.next..];
        let pos = find_ascii_ci(rest, &close)?;
        let after = tag.next + pos;
        return Some(s[after..].find('>').map_or(s.len(), |k| after + k + 1));
    }
    let mut depth = 1usize;
    let mut i = tag.next;
    while let Some(k) = s[i..].find('<') {
        let at = i + k;
        if s[at..].starts_with("<!--") {
            i = s[at..].find("-->").map_or(s.len(), |e| at + e + 3);
            continue;
        }
        match parse_tag(s, at) {
            Some(t) if t.name == lower_name => {
                if t.end {
                    depth -= 1;
                    if depth == 0 {
                        return Some(t.next);
                    }
                } else if !t.self_closing {
                    depth += 1;
                }
                i = t.next;
            }
            Some(t) => i = t.next,
            None => i = at + 1,
        }
    }
    None
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Strips tags, keeping text and turning structure into line breaks.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut text_depth = 0usize;
    // Each failed search for a closing tag scans the rest of the input; after
    // a few failures stop searching, so unclosed markup stays linear.
    let mut failed_searches = 0usize;
    let mut i = 0;
    while i < s.len() {
        let Some(k) = s[i..].find(['<', '\n']) else {
            out.push_str(&s[i..]);
            break;
        };
        out.push_str(&s[i..i + k]);
        i += k;
        if s.as_bytes()[i] == b'\n' {
            out.push(if text_depth > 0 { ' ' } else { '\n' });
            i += 1;
            continue;
        }
        if s[i..].starts_with("<!--") {
            i = s[i..].find("-->").map_or(s.len(), |e| i + e + 3);
            continue;
        }
        if s[i..].starts_with("<!") || s[i..].starts_with("<?") {
            i = s[i..].find('>').map_or(s.len(), |e| i + e + 1);
            continue;
        }
        let Some(tag) = parse_tag(s, i) else {
            out.push('<');
            i += 1;
            continue;
        };
        let name = tag.name.as_str();
        if !tag.end
            && !tag.self_closing
            && failed_searches < 32
            && (SKIP_CONTENT.contains(&name) || is_ad_container(&tag))
        {
            match element_end(s, &tag) {
                Some(e) => {
                    out.push_str("\n\n");
                    i = e;
                    continue;
                }
                None if SKIP_CONTENT.contains(&name) && matches!(name, "script" | "style") => {
                    // An unclosed script swallows the rest, as in a browser.
                    break;
                }
                None => failed_searches += 1,
            }
        }
        let heading = name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit();
        if TEXT_BLOCK.contains(&name) && !tag.self_closing {
            text_depth = if tag.end { text_depth.saturating_sub(1) } else { text_depth + 1 };
        }
        if heading {
            out.push_str("\n\n");
            if !tag.end {
                out.push(HEADING_MARK);
            }
        } else if name == "br" {
            out.push('\n');
        } else if BLOCK.contains(&name) {
            out.push_str("\n\n");
        } else if !out.ends_with(' ') && !tag.end && matches!(name, "img" | "td" | "th") {
            out.push(' ');
        }
        i = tag.next;
    }
    out
}

/// Splits text into trimmed, whitespace-collapsed lines with their gaps.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut gap = 1usize;
    for raw in text.split('\n') {
        let heading = raw.contains(HEADING_MARK);
        let collapsed = collapse_ws(raw);
        if collapsed.is_empty() {
            gap += 1;
            continue;
        }
        out.push(Line { text: collapsed, gap_before: gap, heading });
        gap = 0;
    }
    out
}

/// Whether the eight bytes of `x`, read right after a visible ASCII byte,
/// would all be copied by [`collapse_ws`]'s byte-by-byte run: each visible
/// ASCII (`0x21..0x7F`) or a single space with a visible byte after it.
/// So: every byte in `0x20..0x7F`, no two spaces in a row, and no space
/// last (what follows the word is not looked at). A space first is
/// preceded by the visible byte before the word.
#[inline]
fn plain_word(x: u64) -> bool {
    let spaces = ascii::bytes_equal(x, b' ');
    let space_pairs = spaces & (spaces >> 8);
    let last_space = spaces >> 63;
    x & ascii::HIGHS == 0 && !ascii::has_below(x, 0x20) && !ascii::has_byte(x, 0x7F) && space_pairs | last_space == 0
}

/// Collapses runs of whitespace to one space, drops invisible characters
/// (zero-width space, word joiner, soft hyphen, BOM, our heading mark), and trims.
///
/// Visible ASCII, with single spaces inside it, is copied a run at a time;
/// only other bytes are looked at one character at a time.
pub fn collapse_ws(s: &str) -> String {
    let visible = |b: u8| (0x21..0x7F).contains(&b);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len());
    let mut pending_space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let from = i;
        if visible(b) {
            i += 1;
            loop {
                // Eight bytes at a time while they are plain prose: the
                // byte-by-byte steps below would take every one of them.
                if ascii::word_at(bytes, i).is_some_and(plain_word) {
                    i += 8;
                    continue;
                }
                let Some(&b) = bytes.get(i) else { break };
                if visible(b) {
                    i += 1;
                } else if b == b' ' && bytes.get(i + 1).is_some_and(|&n| visible(n)) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else {
            let c = s[i..].chars().next().expect("i is on a char boundary");
            i += c.len_utf8();
            // Zero-width joiners (U+200C, U+200D) stay: Indic scripts and emoji need them.
            if matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | HEADING_MARK) {
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                pending_space = !out.is_empty();
                continue;
            }
        }
        if std::mem::take(&mut pending_space) {
            out.push(b' ');
        }
        out.extend_from_slice(&bytes[from..i]);
    }
    String::from_utf8(out).expect("whole characters of a str were copied")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule of [`collapse_ws`] stated one character at a time.
    fn collapse_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            if matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | HEADING_MARK) {
                continue;
            }
            if c.is_whitespace() || c.is_control() {
                pending_space = !out.is_empty();
                continue;
            }
            if std::mem::take(&mut pending_space) {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn collapses_whitespace_and_drops_invisibles() {
        assert_eq!(collapse_ws("  a  b\t\u{a0}c \u{200B}d\u{ad}e  "), "a b c de");
        assert_eq!(collapse_ws("£5 \u{7f} x\u{200D}y"), "£5 x\u{200D}y");
        assert_eq!(collapse_ws(" \u{2003} "), "");
    }

    proptest! {
        #[test]
        fn collapse_ws_is_the_character_rule(s in "[ a-c.\\t\\x7f\u{a0}\u{200b}\u{ad}\u{2003}é£\u{E000}]{0,40}") {
            prop_assert_eq!(collapse_ws(&s), collapse_by_chars(&s));
        }

        /// Long runs of prose, where whole words of eight bytes are copied.
        #[test]
        fn collapse_ws_is_the_character_rule_on_prose(s in "([a-z.]{1,9}( |  |\\t|\\x7f|\\x1f|é|\u{a0}|\u{200b})?){0,12}") {
            prop_assert_eq!(collapse_ws(&s), collapse_by_chars(&s));
        }

        #[test]
        fn collapse_ws_is_the_character_rule_on_any_text(s in any::<String>()) {
            prop_assert_eq!(collapse_ws(&s), collapse_by_chars(&s));
        }
    }

    #[test]
    fn full_page_check_cuts_on_a_char_boundary() {
        // Found by tests/bad_inputs.rs: byte 512 fell inside a “ (3 bytes).
        let raw = format!("Quotes\n\nThe minister said: {}", "“".repeat(400));
        assert!(!is_full_page(&raw));
        assert!(is_full_page(&format!("<html>{}", "é".repeat(600))));
    }

    fn texts(raw: &str) -> Vec<String> {
        to_lines(raw).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn decodes_entity_encoded_markup() {
        let raw = "Title\n\n&Tab;<div class&equals;\"wpcnt\">&NewLine;<span class&equals;\"wpa-about\">Advertisements<&sol;span><&sol;div><p>Russia&comma; he said&period;<&sol;p>&NewLine;<p>Next&nbsp;one.</p>";
        assert_eq!(texts(raw), ["Title", "Russia, he said.", "Next one."]);
    }

    #[test]
    fn drops_scripts_captions_and_ads() {
        let raw = "<p>AT&amp;T said &#8220;hi&#8221;</p><script>if (a<b) x=\"</p>\";</script><figure><img src=x><figcaption>A photo (</figcaption></figure><div class=\"wordads-tag\"><div>ad <b>x</b></div></div><p>Next</p>";
        assert_eq!(texts(raw), ["AT&T said “hi”", "Next"]);
    }

    #[test]
    fn headings_and_gaps() {
        let l = to_lines("<p>Body text.</p><h2>Grain export</h2><p>More\ntext</p>");
        assert_eq!(
            l.iter().map(|l| (l.text.as_str(), l.heading)).collect::<Vec<_>>(),
            [("Body text.", false), ("Grain export", true), ("More text", false)]
        );
        let plain = to_lines("Title\n\n\n\nLead\nNext");
        assert_eq!(plain.iter().map(|l| l.gap_before).collect::<Vec<_>>(), [1, 3, 0]);
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(texts("if a < b and c > d then"), ["if a < b and c > d then"]);
        assert_eq!(texts("<p>x</p> 3 <5 and <div unclosed"), ["x", "3 <5 and <div unclosed"]);
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let raw = format!("{}text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(texts(&raw), ["text"]);
        let unclosed = format!("<div class=\"ad\">{}x", "<div>".repeat(1000));
        assert_eq!(texts(&unclosed), ["x"]);
        // Many unclosed ad containers: no closing tag is searched for forever.
        let many = "<div class=\"ad\">y ".repeat(50_000);
        let got = texts(&many);
        assert_eq!(got.len(), 50_000);
        assert!(got.iter().all(|l| l == "y"));
    }

    #[test]
    fn recognizes_full_pages() {
        assert!(is_full_page("  <!DOCTYPE html><html>"));
        assert!(is_full_page("<html lang=en>"));
        assert!(!is_full_page("Title\n\n<p>x</p>"));
    }
}
