//! Whole HTML pages: main-content extraction.
//!
//! The page is parsed with a real HTML5 parser (`scraper`, on html5ever),
//! so malformed markup is repaired the way browsers repair it. Then:
//!
//! 1. [`walk`] cuts the body into text blocks in reading order.
//! 2. Every block of prose (25+ characters) scores its container and, less,
//!    the container's ancestors: one point plus one per comma plus one per
//!    100 characters (at most three). Container scores get a bonus or
//!    malus from tag and class/id words (`article`, `content`, `post-body`
//!    vs `nav`, `sidebar`, `comment`, `share`, `related`, …) and are scaled
//!    down by link density. No stop-word lists: text length, punctuation
//!    and link density work the same in Russian or Korean.
//! 3. The best container is widened when its parent holds several other
//!    strong candidates (articles split over sibling `<div>`s) and joined
//!    by siblings that score well on their own.
//! 4. The chosen subtrees are walked again, leaving out furniture inside
//!    them (navigation, figures and captions, share bars, comment threads,
//!    related-link lists, bylines, hidden elements), and blocks that are
//!    mostly links or known furniture lines are dropped.
//!
//! Metadata (headline, date, author, canonical URL, language) comes from
//! [`meta`]. The headline is not part of the body paragraphs.

pub mod depth;
pub mod meta;
pub mod walk;

use super::Article;
use super::boilerplate::{Class, classify, normalize, stats};
use crate::document::{DateSource, ParagraphKind};
use ego_tree::NodeRef;
use rustc_hash::FxHashMap as HashMap;
use scraper::node::Element;
use scraper::{Html, Node};
use walk::Block;

type NodeId = ego_tree::NodeId;

/// Extracts the main article of a full HTML page.
pub fn extract(raw: &str, _has_title: bool) -> Vec<Article> {
    let doc = Html::parse_document(raw);
    let m = meta::read(&doc);
    let paragraphs = main_text(&doc, m.title.as_deref());
    vec![Article {
        title: m.title,
        date: m.date,
        date_source: m.date.map(|_| DateSource::Meta),
        author: m.author,
        url: m.url,
        language: m.language,
        paragraphs,
    }]
}

/// Words in class/id names that mark furniture.
const JUNK_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "advertorial",
    "adslot",
    "dfp",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "shares",
    "sharebar",
    "social",
    "related",
    "recommended",
    "recommendations",
    "promo",
    "promotion",
    "promoted",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "sidebar",
    "widget",
    "widgets",
    "comment",
    "comments",
    "disqus",
    "outbrain",
    "taboola",
    "sponsored",
    "sponsor",
    "caption",
    "credit",
    "credits",
    "byline",
    "popup",
    "modal",
    "footer",
    "tags",
    "tag",
    "toolbar",
    "tools",
    "print",
    "hidden",
    "hide",
    "meta",
    "author",
    "authors",
    "bio",
    "trending",
    "popular",
    "pager",
    "pagination",
    "paywall",
    "login",
    "skip",
    "timestamp",
    "masthead",
    "banner",
    "overlay",
    "follow",
    "rating",
    "newsletters",
    "more",
    "readmore",
    "also",
    "disclaimer",
    "copyright",
    "dateline",
    "date",
    "topics",
    "keywords",
    "categories",
    "category",
    "embed",
    "video",
    "gallery",
    "slideshow",
    "sr",
    "visually",
    "offscreen",
    "screen",
    "lightbox",
    "tooltip",
    "alert",
    "donate",
    "cta",
    "teaser",
    "teasers",
    "nocontent",
    "noprint",
    "header",
    "jump",
    "toc",
];
/// Words in class/id names that mark the main text.
const GOOD_WORDS: &[&str] = &[
    "article",
    "articles",
    "body",
    "content",
    "contents",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "hentry",
    "prose",
    "rte",
    "richtext",
    "paragraph",
    "copy",
];

/// Splits class/id values into lowercase words at non-letters and camelCase.
fn words(v: &str, out: &mut Vec<String>) {
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in v.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

/// (junk, good) hints from class, id, itemprop and role.
fn hints(el: &Element) -> (bool, bool) {
    let mut w = Vec::new();
    if let Some(c) = el.attr("class") {
        words(c, &mut w);
    }
    if let Some(i) = el.id() {
        words(i, &mut w);
    }
    let itemprop = el.attr("itemprop").unwrap_or("");
    let good_prop = itemprop.eq_ignore_ascii_case("articleBody") || itemprop.eq_ignore_ascii_case("text");
    let junk = w.iter().any(|x| JUNK_WORDS.contains(&x.as_str()));
    let good = good_prop || w.iter().any(|x| GOOD_WORDS.contains(&x.as_str()));
    (junk, good)
}

/// Elements hidden from readers or marked as page furniture by their role.
fn hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    if let Some(st) = el.attr("style") {
        let st: String = st.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    matches!(
        el.attr("role").unwrap_or(""),
        "navigation" | "complementary" | "contentinfo" | "banner" | "dialog" | "alertdialog" | "menu" | "search"
    )
}

/// Text and link characters of each element, from the blocks under it.
#[derive(Default, Clone, Copy)]
struct Size {
    chars: usize,
    link_chars: usize,
}

impl Size {
    fn link_density(self) -> f64 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f64 / self.chars as f64 }
    }
}

fn element(n: NodeRef<'_, Node>) -> Option<&Element> {
    n.value().as_element()
}

/// The base score of a candidate container from its tag and names.
fn base_score(el: &Element) -> f64 {
    let tag = match el.name() {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" | "nav" | "aside" | "footer" | "header" => -5.0,
        _ => 0.0,
    };
    let (junk, good) = hints(el);
    let itemprop_body = el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
    tag + if good { 10.0 } else { 0.0 } - if junk { 25.0 } else { 0.0 } + if itemprop_body { 25.0 } else { 0.0 }
}

fn main_text(doc: &Html, title: Option<&str>) -> Vec<(String, ParagraphKind)> {
    let root = doc.tree.root();
    let body = doc
        .root_element()
        .children()
        .find(|c| element(*c).is_some_and(|e| e.name() == "body"))
        .unwrap_or_else(|| *doc.root_element());
    // Pass 1: blocks of the whole body, furniture tags excluded only when
    // hidden, so that scores see the page as it is.
    let all = walk::blocks(body, |_, el| hidden(el));
    let mut size: HashMap<NodeId, Size> = HashMap::default();
    let mut has_block_child: HashMap<NodeId, bool> = HashMap::default();
    for b in &all {
        let s = size.entry(b.owner.id()).or_default();
        s.chars += b.chars;
        s.link_chars += b.link_chars;
    }
    // Sums flow up in post-order: linear, whatever the depth.
    for edge in body.traverse() {
        if let ego_tree::iter::Edge::Close(n) = edge
            && let Some(s) = size.get(&n.id()).copied()
            && let Some(p) = n.parent()
        {
            let ps = size.entry(p.id()).or_default();
            ps.chars += s.chars;
            ps.link_chars += s.link_chars;
        }
    }
    // Owners that hold text beside other blocks ("mixed" divs).
    for b in &all {
        if b.owner.children().any(|c| element(c).is_some_and(|e| walk::is_block(e.name()))) {
            has_block_child.insert(b.owner.id(), true);
        }
    }
    let mut score: HashMap<NodeId, f64> = HashMap::default();
    for b in &all {
        if b.chars < 25 || b.heading.is_some() {
            continue;
        }
        let s = 1.0 + b.commas as f64 + (b.chars / 100).min(3) as f64;
        let start = if has_block_child.contains_key(&b.owner.id()) || b.owner.parent().is_none() {
            b.owner
        } else {
            b.owner.parent().unwrap()
        };
        for (level, a) in std::iter::once(start).chain(start.ancestors()).take(3).enumerate() {
            if element(a).is_none() {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 6.0,
            };
            *score.entry(a.id()).or_insert(0.0) += s / div;
        }
    }
    let fin = |id: NodeId| -> f64 {
        let n = doc.tree.get(id).unwrap();
        let el = element(n).unwrap();
        let raw = score.get(&id).copied().unwrap_or(0.0);
        (raw + base_score(el)) * (1.0 - size.get(&id).copied().unwrap_or_default().link_density())
    };
    let mut cands: Vec<(NodeId, f64)> = score.keys().map(|&id| (id, fin(id))).collect();
    cands.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let Some(&(mut top, top_score)) = cands.first() else {
        return finish(walk::blocks(body, |n, el| junk(n, el, &size, 0)), title);
    };
    // Several strong candidates under one ancestor: the article is split.
    let strong: Vec<NodeId> = cands.iter().skip(1).take(5).filter(|c| c.1 >= 0.75 * top_score).map(|c| c.0).collect();
    if strong.len() >= 2 {
        let mut anc = doc.tree.get(top).unwrap().parent();
        let mut steps = 0;
        while let Some(a) = anc {
            steps += 1;
            if steps > 8 {
                break;
            }
            if element(a).is_none_or(|e| e.name() == "body") {
                break;
            }
            let inside = strong
                .iter()
                .filter(|s| doc.tree.get(**s).unwrap().ancestors().take(12).any(|x| x.id() == a.id()))
                .count();
            if inside >= 2 {
                top = a.id();
                break;
            }
            anc = a.parent();
        }
    }
    // Climb while the parent scores higher (the text is spread wider).
    let mut last = fin(top);
    let threshold = last / 3.0;
    let mut p = doc.tree.get(top).unwrap().parent();
    while let Some(pn) = p {
        if element(pn).is_none_or(|e| e.name() == "body") {
            break;
        }
        if score.contains_key(&pn.id()) {
            let ps = fin(pn.id());
            if ps < threshold {
                break;
            }
            if ps > last {
                top = pn.id();
                break;
            }
            last = ps;
        }
        p = pn.parent();
    }
    // A lone child is the same container as its parent.
    let mut topn = doc.tree.get(top).unwrap();
    while let Some(pn) = topn.parent() {
        if element(pn).is_none_or(|e| e.name() == "body")
            || pn.children().filter(|c| element(*c).is_some()).count() != 1
        {
            break;
        }
        topn = pn;
    }
    let top_final = fin(topn.id());
    let total = size.get(&topn.id()).copied().unwrap_or_default().chars;
    // Siblings that score well on their own join the article.
    let sib_threshold = (top_final.max(top_score) * 0.2).max(10.0);
    let mut roots = Vec::new();
    match topn.parent() {
        Some(parent) if element(parent).is_some() => {
            for sib in parent.children() {
                let Some(el) = element(sib) else { continue };
                if sib == topn {
                    roots.push(sib);
                    continue;
                }
                if walk::is_void_of_text(el.name()) || hidden(el) {
                    continue;
                }
                let sz = size.get(&sib.id()).copied().unwrap_or_default();
                // A sibling counts by its best container: an article cut
                // into sections puts each section's text a level deeper.
                let best = sib
                    .descendants()
                    .filter(|d| score.contains_key(&d.id()))
                    .map(|d| fin(d.id()))
                    .fold(f64::MIN, f64::max);
                let ok = if best > f64::MIN {
                    best >= sib_threshold && !hints(el).0 && sz.link_density() < 0.3
                } else {
                    el.name() == "p" && sz.chars > 80 && sz.link_density() < 0.25
                };
                if ok {
                    roots.push(sib);
                }
            }
        }
        _ => roots.push(topn),
    }
    let _ = root;
    let mut blocks = Vec::new();
    for r in roots {
        blocks.extend(walk::blocks(r, |n, el| junk(n, el, &size, total)));
    }
    finish(blocks, title)
}

/// Furniture inside the chosen container: left out with its subtree unless
/// it holds most of the container's text (a wrapper `<form>` on ASP.NET
/// sites, a `content has-sidebar` class on the article itself).
fn junk(n: NodeRef<'_, Node>, el: &Element, size: &HashMap<NodeId, Size>, total: usize) -> bool {
    if hidden(el) {
        return true;
    }
    let sz = size.get(&n.id()).copied().unwrap_or_default();
    let big = total > 0 && sz.chars * 2 > total;
    match el.name() {
        "nav" | "aside" | "figure" | "figcaption" | "footer" | "menu" | "dialog" => return !big,
        "header" | "form" | "address" => return !big,
        _ => {}
    }
    let (j, _) = hints(el);
    // Comment threads go even when long; other furniture words on a
    // wrapper that holds most of the text are a theme's naming, not junk.
    j && (!big || comment_thread(el))
}

/// Class or id naming a comment thread.
fn comment_thread(el: &Element) -> bool {
    let mut w = Vec::new();
    words(el.attr("class").unwrap_or(""), &mut w);
    words(el.id().unwrap_or(""), &mut w);
    w.iter().any(|x| matches!(x.as_str(), "comment" | "comments" | "disqus" | "respond"))
}

/// Drops link lists, furniture lines and the headline; sets kinds.
fn finish(blocks: Vec<Block<'_>>, title: Option<&str>) -> Vec<(String, ParagraphKind)> {
    let title_norm = title.map(normalize);
    let mut out = Vec::new();
    for b in blocks {
        let ld = b.link_chars as f64 / b.chars.max(1) as f64;
        if ld > 0.5 {
            continue;
        }
        if b.heading == Some(1) || (b.heading.is_some() && title_norm.as_deref() == Some(normalize(&b.text).as_str())) {
            continue;
        }
        if b.chars < 80 && matches!(classify(&b.text, &stats(&b.text)), Class::Bad) {
            continue;
        }
        let kind = if b.heading.is_some() { ParagraphKind::Heading } else { ParagraphKind::Body };
        out.push((b.text, kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Vec<String> {
        extract(html, false).remove(0).paragraphs.into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn keeps_article_drops_furniture() {
        let p = "The council voted on Tuesday to expand the bus network, adding three routes, longer hours and a new depot near the river.";
        let html = format!(
            r##"<!DOCTYPE html><html lang="en"><head><title>Buses expand | City News</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/p">Politics</a></li></ul></nav>
            <div class="sidebar"><p>Popular now, and trending today, read this other thing, and that one.</p></div>
            <article class="post-body"><h1>Buses expand</h1><p>{p}</p><h2>What changes</h2><p>{p}</p>
            <figure><img src="x.jpg"><figcaption>Photo: a bus, taken by someone, at the depot.</figcaption></figure>
            <p>{p}</p><div class="share-tools"><a href="#">Share on Facebook</a></div></article>
            <section id="comments"><p>Great article, thanks, really, I agree with all of it.</p></section>
            <footer>Copyright 2024, City News, all rights reserved.</footer></body></html>"##
        );
        let b = body(&html);
        assert_eq!(b.len(), 4, "{b:?}");
        assert_eq!(b[1], "What changes");
        assert!(b.iter().all(|t| !t.contains("Photo") && !t.contains("Great article") && !t.contains("Home")));
    }

    #[test]
    fn deep_nesting_and_garbage_do_not_panic() {
        let mut html = String::from("<html><body>");
        for _ in 0..3_000 {
            html.push_str("<div>");
        }
        html.push_str("text, deep inside, with commas, and more words here");
        let _ = extract(&html, false);
        let _ = extract("<html><body><p>unclosed <b><i>tags</b> & < > </p></table></td>", false);
        let _ = extract("<html>", false);
    }

    #[test]
    fn non_english_page() {
        let p = "Совет города во вторник проголосовал за расширение автобусной сети, добавив три маршрута, более долгие часы работы и новое депо.";
        let html = format!(
            r#"<html lang="ru"><body><ul class="menu"><li><a href="/">Главная</a></li></ul><div class="content"><p>{p}</p><p>{p}</p></div></body></html>"#
        );
        let a = extract(&html, false).remove(0);
        assert_eq!(a.language.as_deref(), Some("ru"));
        assert_eq!(a.paragraphs.len(), 2);
    }
}
