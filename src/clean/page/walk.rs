//! The DOM walk: cuts a subtree into text blocks (paragraphs, headings,
//! list items, cells) in reading order.
//!
//! The walk is iterative (`ego_tree`'s open/close edges), so a page of
//! 100,000 nested elements costs no stack. A block ends wherever a
//! block-level element opens or closes, or at `<br>`; inline elements
//! (`<a>`, `<em>`, `<span>`) join their text without breaking it.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;
use scraper::node::Element;

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// Whitespace-collapsed text.
    pub text: String,
    /// Characters of text.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Commas and other clause punctuation (a language-neutral sign of prose).
    pub commas: usize,
    /// Innermost block element holding the text.
    pub owner: NodeRef<'a, Node>,
    /// Heading level when inside `<h1>`…`<h6>`.
    pub heading: Option<u8>,
}

/// Elements whose content is never text for a reader.
pub fn is_void_of_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "head"
            | "title"
            | "meta"
            | "link"
    )
}

/// Block-level elements: their edges end a paragraph.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "center"
            | "hgroup"
            | "dialog"
            | "body"
            | "html"
            | "menu"
            | "legend"
    )
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
    commas: usize,
    space: bool,
}

impl Pending {
    fn new() -> Self {
        Pending { text: String::new(), chars: 0, link_chars: 0, commas: 0, space: false }
    }
    fn push(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
            if matches!(c, ',' | '，' | '、' | ';' | '،') {
                self.commas += 1;
            }
        }
    }
}

/// Cuts the subtree at `root` into blocks. `skip` decides which elements
/// (with their subtrees) are left out; elements void of text always are.
pub fn blocks<'a>(
    root: NodeRef<'a, Node>,
    mut skip: impl FnMut(NodeRef<'a, Node>, &Element) -> bool,
) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut pending = Pending::new();
    let mut owners: Vec<NodeRef<'a, Node>> = vec![root];
    let mut headings: Vec<u8> = Vec::new();
    let mut links = 0usize;
    let mut skipping: Option<NodeRef<'a, Node>> = None;
    let flush = |p: &mut Pending, owner: NodeRef<'a, Node>, heading: Option<u8>, out: &mut Vec<Block<'a>>| {
        if p.chars > 0 {
            let done = std::mem::replace(p, Pending::new());
            out.push(Block {
                text: done.text,
                chars: done.chars,
                link_chars: done.link_chars,
                commas: done.commas,
                owner,
                heading,
            });
        } else {
            p.space = false;
        }
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => pending.push(t, links > 0),
                    Node::Element(el) => {
                        let name = el.name();
                        if node != root && (is_void_of_text(name) || skip(node, el)) {
                            skipping = Some(node);
                            continue;
                        }
                        if name == "br" {
                            flush(&mut pending, *owners.last().unwrap(), headings.last().copied(), &mut out);
                        } else if name == "a" {
                            links += 1;
                        } else if name == "img" {
                            // An image between words separates them.
                            pending.space = true;
                        } else if is_block(name) {
                            flush(&mut pending, *owners.last().unwrap(), headings.last().copied(), &mut out);
                            owners.push(node);
                            if let Some(h) = heading_level(name) {
                                headings.push(h);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skipping {
                    if s == node {
                        skipping = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else { continue };
                let name = el.name();
                if name == "a" {
                    links = links.saturating_sub(1);
                } else if is_block(name) && owners.len() > 1 && *owners.last().unwrap() == node {
                    flush(&mut pending, node, headings.last().copied(), &mut out);
                    owners.pop();
                    if heading_level(name).is_some() {
                        headings.pop();
                    }
                }
            }
        }
    }
    flush(&mut pending, *owners.last().unwrap(), headings.last().copied(), &mut out);
    out
}
