//! A linear guard before the HTML5 parser.
//!
//! Tree building in html5ever is quadratic in the nesting depth (scope
//! checks walk the stack of open elements): a page nested 100,000 `<div>`s
//! deep takes minutes. Real pages nest a few dozen levels, rarely a few
//! hundred, so a page that opens more than [`MAX_DEPTH`] elements without
//! closing them is not handed to the parser; [`super::super::clean`] takes
//! the markup path instead, which strips tags in one pass.

/// Deepest nesting handed to the HTML5 parser (10,000 levels parse in about
/// 0.6 s, 100,000 in minutes; real pages stay far below this).
pub const MAX_DEPTH: usize = 2_000;

/// Elements that never nest: void elements, and those a sibling of the same
/// kind closes implicitly (a run of unclosed `<p>` or `<li>` is flat).
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "colgroup",
    "caption",
];

/// Elements whose content is raw text: tags inside do not count.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];

/// Whether `raw` nests elements more than `limit` levels deep, by a single
/// scan of its tags (an estimate: end tags close the innermost level
/// whatever their name, comments and raw-text elements are skipped).
pub fn deeper_than(raw: &str, limit: usize) -> bool {
    let b = raw.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |j| j + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let end = start + b[start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[start..end];
        let gt = memchr(b'>', &b[end..]).map_or(b.len(), |j| end + j);
        let self_closing = gt > end && b[gt - 1] == b'/';
        i = gt.min(b.len());
        if FLAT.iter().any(|f| name.eq_ignore_ascii_case(f.as_bytes())) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
            continue;
        }
        if let Some(r) = RAW.iter().find(|r| name.eq_ignore_ascii_case(r.as_bytes())) {
            // Skip to the matching end tag (case-insensitive).
            let end_tag = format!("</{r}");
            i = find_ci(b, i, end_tag.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if !self_closing {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == c)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|j| from + j)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|j| from + j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_elements() {
        assert!(!deeper_than("<html><body><div><div>x</div></div></body></html>", 4));
        assert!(deeper_than("<html><body><div><div><div>x", 4));
        assert!(!deeper_than(&"<div>x</div>".repeat(10_000), 2));
    }

    #[test]
    fn flat_void_comment_and_raw_text_do_not_nest() {
        assert!(!deeper_than(&"<p>x<li>y<br><img src=a><td>".repeat(1000), 2));
        assert!(!deeper_than("<div/><div/><div/><div/>", 2));
        assert!(!deeper_than("<!-- <div><div><div> --><script>'<div><div><div>'</script>", 2));
        assert!(deeper_than(&"<DIV>".repeat(3), 2));
        assert!(!deeper_than("a < b and c <3 d", 0));
    }
}
