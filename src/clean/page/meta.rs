//! Page metadata: headline, publication date, author, canonical URL and
//! language, read from `<meta>`, `<link>`, JSON-LD and microdata.
//!
//! Sites disagree on where they put these, so each field has an ordered list
//! of sources, most specific first (an explicit `article:published_time`
//! beats a `<time>` element that may date a comment or a related story).

use chrono::NaiveDate;
use regex::Regex;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// Headline without the " | Site Name" suffix.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Author name.
    pub author: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// `<html lang>` value.
    pub language: Option<String>,
}

static LD_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{8,40})""#).unwrap());
static LD_AUTHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""author"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*"([^"]{2,80})"|"([^"]{2,80})")"#).unwrap()
});
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").unwrap());

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `YYYY-MM-DD` in a machine-readable date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let c = ISO_DATE.captures(s)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// Candidate sources gathered in one pass over the tree.
#[derive(Default)]
struct Sources {
    og_title: Option<String>,
    title_tag: Option<String>,
    h1: Vec<String>,
    meta_date: Option<String>,
    itemprop_date: Option<String>,
    time_date: Option<String>,
    ld: String,
    meta_author: Option<String>,
    rel_author: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

fn set(slot: &mut Option<String>, v: Option<&str>) {
    if slot.is_none()
        && let Some(v) = v.map(collapse).filter(|v| !v.is_empty())
    {
        *slot = Some(v);
    }
}

/// Reads the metadata of a parsed page.
pub fn read(doc: &Html) -> Meta {
    let mut s = Sources::default();
    let root = doc.root_element();
    let language = root.value().attr("lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let text =
            || collapse(&node.descendants().filter_map(|d| d.value().as_text().map(|t| &**t)).collect::<String>());
        match el.name() {
            "meta" => {
                let key = el.attr("property").or(el.attr("name")).or(el.attr("itemprop")).unwrap_or("");
                let content = el.attr("content");
                match key.to_ascii_lowercase().as_str() {
                    "og:title" | "twitter:title" => set(&mut s.og_title, content),
                    "article:published_time"
                    | "og:article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "date"
                    | "dc.date.issued"
                    | "dc.date"
                    | "sailthru.date"
                    | "parsely-pub-date" => set(&mut s.meta_date, content),
                    "author" | "article:author" | "dc.creator" | "sailthru.author" | "parsely-author"
                        if !content.unwrap_or("").starts_with("http") =>
                    {
                        set(&mut s.meta_author, content)
                    }
                    "og:url" => set(&mut s.og_url, content),
                    _ => {}
                }
            }
            "title" if s.title_tag.is_none() => s.title_tag = Some(text()).filter(|t| !t.is_empty()),
            "h1" if s.h1.len() < 4 => {
                let t = text();
                if !t.is_empty() {
                    s.h1.push(t);
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    set(&mut s.canonical, el.attr("href"));
                }
            }
            "a" if el.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("author"))) => {
                set(&mut s.rel_author, Some(&text()))
            }
            "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) && s.ld.len() < 200_000 => {
                s.ld.push_str(&text());
                s.ld.push('\n');
            }
            "time" => set(&mut s.time_date, el.attr("datetime")),
            _ => {}
        }
        if el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
            set(&mut s.itemprop_date, el.attr("datetime").or(el.attr("content")));
        }
    }
    let date = [
        s.meta_date.as_deref(),
        LD_DATE.captures(&s.ld).map(|c| c.get(1).unwrap().as_str()),
        s.itemprop_date.as_deref(),
        s.time_date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(parse_date);
    let ld_author = LD_AUTHOR.captures(&s.ld).and_then(|c| c.get(1).or(c.get(2))).map(|m| m.as_str().to_string());
    let title = pick_title(&s);
    let author = s.meta_author.or(ld_author).or(s.rel_author).filter(|a| a.chars().count() <= 80);
    Meta { title, date, author, url: s.canonical.or(s.og_url).filter(|u| u.starts_with("http")), language }
}

/// The headline: an `<h1>` that the `<title>`/`og:title` confirms, else
/// `og:title` or `<title>` with a trailing " | Site Name" cut off.
fn pick_title(s: &Sources) -> Option<String> {
    let refs: Vec<&str> = [s.og_title.as_deref(), s.title_tag.as_deref()].into_iter().flatten().collect();
    for h in &s.h1 {
        let hl = h.to_lowercase();
        if hl.chars().count() >= 8 && refs.iter().any(|r| r.to_lowercase().contains(&hl)) {
            return Some(h.clone());
        }
    }
    let t = s.og_title.as_deref().or(s.title_tag.as_deref())?;
    Some(strip_site(t).to_string())
}

/// Cuts " | Site", " - Site", " — Site" when the remainder is the longer part.
fn strip_site(t: &str) -> &str {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " « ", " » "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if head.chars().count() > tail.chars().count() {
                return head.trim();
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_meta_sources() {
        let html = r#"<html lang="de"><head><title>Big storm hits coast | Daily Site</title>
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            <link rel="canonical" href="https://example.org/a/1">
            <script type="application/ld+json">{"author":{"@type":"Person","name":"Jane Roe"}}</script>
            </head><body><h1>Big storm hits coast</h1></body></html>"#;
        let m = read(&Html::parse_document(html));
        assert_eq!(m.title.as_deref(), Some("Big storm hits coast"));
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(m.author.as_deref(), Some("Jane Roe"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(m.language.as_deref(), Some("de"));
    }

    #[test]
    fn strips_site_suffix_without_h1() {
        let html = "<html><head><title>Storm hits the coast - Site</title></head><body></body></html>";
        assert_eq!(read(&Html::parse_document(html)).title.as_deref(), Some("Storm hits the coast"));
    }
}
