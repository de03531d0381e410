//! From classified lines to articles: listing-page splits, headline,
//! dateline, headings, and the body between the page furniture.

use super::boilerplate::{Class, Stats, classify, stats, title_like};
use super::dateline;
use super::markup::Line;
use crate::document::{DateSource, ParagraphKind};
use chrono::NaiveDate;
use std::hash::{Hash, Hasher};

/// One article found in an input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// Publication date found in the text.
    pub date: Option<NaiveDate>,
    /// Where the date came from (dateline or "Published" line).
    pub date_source: Option<DateSource>,
    /// Byline author ("By Jane Doe").
    pub author: Option<String>,
    /// Canonical URL (full HTML pages).
    pub url: Option<String>,
    /// Language tag (full HTML pages: `<html lang>`).
    pub language: Option<String>,
    /// Body paragraphs and headings, in order (the title is not among them).
    pub paragraphs: Vec<(String, ParagraphKind)>,
}

struct Classified<'a> {
    line: &'a Line,
    class: Class,
    /// Word statistics, computed once.
    st: Stats,
    /// Alone in its blank-line block.
    alone: bool,
    /// Blank lines after it.
    gap_after: usize,
}

/// Splits lines into articles. `has_title` is false when the headline is
/// known from elsewhere (a record's `title`), so no line is taken as it.
pub fn articles(lines: &[Line], has_title: bool) -> Vec<Article> {
    let classified: Vec<Classified> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let gap_after = lines.get(i + 1).map_or(1, |n| n.gap_before);
            let st = stats(&l.text);
            Classified {
                line: l,
                class: classify(&l.text, &st),
                st,
                alone: l.gap_before > 0 && gap_after > 0,
                gap_after,
            }
        })
        .collect();
    let segments = split_listing(&classified);
    let mut seen_bodies = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for seg in segments {
        let art = article(seg, has_title);
        if art.paragraphs.is_empty() && art.title.is_none() {
            continue;
        }
        // An article repeated within one file is kept once.
        if !art.paragraphs.is_empty() && !seen_bodies.insert(body_hash(&art.paragraphs)) {
            continue;
        }
        out.push(art);
    }
    // A page whose segments held no text at all still yields one document.
    if out.is_empty() {
        out.push(article(&classified, has_title));
    }
    out
}

/// A 64-bit fingerprint of an article body, for spotting repeats.
fn body_hash(paragraphs: &[(String, ParagraphKind)]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for (p, _) in paragraphs {
        p.hash(&mut h);
    }
    h.finish()
}

/// Cuts a listing page into articles: after a "Continue Reading"-style
/// separator, or before a headline set off by two or more blank lines once
/// body text has been seen, but only where what follows starts with a new
/// headline and body; a lone "Continue reading" inside one article does not
/// split it. A short label just above a headline ("Russia-Ukraine War")
/// goes with the new article, where it is dropped as pre-headline furniture.
fn split_listing<'a, 'b>(lines: &'b [Classified<'a>]) -> Vec<&'b [Classified<'a>]> {
    let mut cuts = vec![0];
    let mut good_since_cut = false;
    for (i, c) in lines.iter().enumerate() {
        if c.class == Class::Separator && starts_new_article(&lines[i + 1..]) {
            cuts.push(i + 1);
            good_since_cut = false;
            continue;
        }
        let set_off = c.class == Class::Short
            && c.gap_after >= 2
            && c.st.words >= 4
            && title_like(&c.line.text, &c.st)
            && title_case(&c.line.text);
        if good_since_cut && set_off && starts_new_article(&lines[i..]) {
            let label = i > 0
                && lines[i - 1].class == Class::Short
                && lines[i - 1].st.words <= 4
                && *cuts.last().unwrap_or(&0) < i - 1;
            cuts.push(if label { i - 1 } else { i });
            good_since_cut = false;
        }
        good_since_cut |= c.class == Class::Good;
    }
    cuts.push(lines.len());
    cuts.dedup();
    cuts.windows(2).map(|w| &lines[w[0]..w[1]]).filter(|s| !s.is_empty()).collect()
}

/// True when most longer words are capitalized, as in listing-page
/// headlines ("Zelenskyy to Address British Cabinet"), unlike a sentence
/// that merely stands alone ("The government had claimed tobacco firms").
fn title_case(line: &str) -> bool {
    let long: Vec<&str> =
        line.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let caps = long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    !long.is_empty() && caps * 3 >= long.len() * 2
}

fn starts_new_article(rest: &[Classified]) -> bool {
    let mut seen_good = 0;
    let mut headline = false;
    for c in rest.iter().take(40) {
        match c.class {
            Class::Good => {
                seen_good += 1;
                if !headline {
                    return false;
                }
                if seen_good >= 2 {
                    return true;
                }
            }
            Class::Short if title_like(&c.line.text, &c.st) && c.st.words >= 3 => headline = true,
            Class::Separator => return false,
            _ => {}
        }
    }
    headline && seen_good >= 1
}

fn article(seg: &[Classified], has_title: bool) -> Article {
    let mut art = Article::default();
    let title_at = if has_title { None } else { find_title(seg) };
    if let Some(t) = title_at {
        art.title = Some(seg[t].line.text.clone());
    }
    let body = &seg[title_at.map_or(0, |t| t + 1)..];
    // Metadata lines just under the headline (and before it, on pages
    // whose header shows "Published: …").
    let meta_zone = seg[..title_at.unwrap_or(0)].iter().chain(body.iter().take(6));
    for c in meta_zone {
        if art.date.is_none()
            && let Some((d, src)) = dateline::parse_line(&c.line.text)
        {
            art.date = Some(d);
            art.date_source = Some(src);
            continue;
        }
        if art.author.is_none() {
            art.author = dateline::byline(&c.line.text);
        }
    }
    let title_norm = art.title.as_deref().map(super::boilerplate::normalize);
    let first_good = body.iter().position(|c| c.class == Class::Good);
    let Some(first_good) = first_good else {
        return art;
    };
    let last_good = body.iter().rposition(|c| c.class == Class::Good).unwrap_or(first_good);
    let mut seen_tail = false;
    for (i, c) in body.iter().enumerate() {
        let text = c.line.text.as_str();
        if matches!(c.class, Class::Tail | Class::Separator) && i > first_good {
            seen_tail = true;
        }
        if seen_tail {
            break;
        }
        if dateline::is_meta_line(text) || dateline::byline(text).is_some() && i < first_good {
            continue;
        }
        let kind = match c.class {
            Class::Good => ParagraphKind::Body,
            Class::Short if i < first_good => {
                // Between headline and body: a standfirst or subheading.
                if c.line.heading || c.st.words >= 3 { ParagraphKind::Heading } else { continue }
            }
            Class::Short if i > last_good => {
                // After the body (and before any tail marker): keep sentences
                // and list items ("Best actress - Clare Higgins for Hecuba"),
                // drop one- and two-word captions and widgets.
                let st = c.st;
                let list_item = text.starts_with(['-', '•', '*', '–']);
                if st.words >= 3 || (st.terminal || list_item) && st.words >= 2 {
                    ParagraphKind::Body
                } else {
                    continue;
                }
            }
            Class::Short => {
                if c.st.terminal && !c.line.heading {
                    ParagraphKind::Body
                } else {
                    ParagraphKind::Heading
                }
            }
            _ => continue,
        };
        // A headline repeated as the first heading, or a repeated paragraph.
        if kind == ParagraphKind::Heading && title_norm.as_deref() == Some(super::boilerplate::normalize(text).as_str())
        {
            continue;
        }
        if art.paragraphs.last().is_some_and(|(p, _)| p == text) {
            continue;
        }
        art.paragraphs.push((text.to_string(), kind));
    }
    art
}

/// Picks the headline: a title-like line standing alone in its block,
/// preferring one set off by two or more blank lines (listing pages).
fn find_title(seg: &[Classified]) -> Option<usize> {
    let candidates: Vec<usize> = seg
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.class, Class::Short | Class::Good) && !dateline::is_meta_line(&c.line.text))
        .map(|(i, _)| i)
        .take(4)
        .collect();
    let before_body = |i: usize| seg[..i].iter().all(|c| c.class != Class::Good);
    if let Some(&i) = candidates.iter().find(|&&i| {
        seg[i].gap_after >= 2
            && seg[i].class == Class::Short
            && title_like(&seg[i].line.text, &seg[i].st)
            && before_body(i)
    }) {
        return Some(i);
    }
    if let Some(&i) = candidates.iter().find(|&&i| seg[i].line.heading && before_body(i)) {
        return Some(i);
    }
    // The first line standing alone in its block, if short, is the headline
    // ("Newcastle 2-1 Bolton"), even when sentence-like lines follow.
    if let Some(&first) = candidates.first() {
        let c = &seg[first];
        let question_or_long = c.class == Class::Good && !c.line.text.trim_end().ends_with(['.', '…', ',']);
        if c.alone && (c.class == Class::Short || question_or_long) && title_like(&c.line.text, &c.st) {
            return Some(first);
        }
    }
    if let Some(&i) = candidates.iter().find(|&&i| {
        let c = &seg[i];
        c.alone && c.class == Class::Short && title_like(&c.line.text, &c.st) && c.st.words >= 3 && before_body(i)
    }) {
        return Some(i);
    }
    let &first = candidates.first()?;
    (title_like(&seg[first].line.text, &seg[first].st) && seg[first].class == Class::Short).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::markup::to_lines;

    fn run(raw: &str) -> Vec<Article> {
        articles(&to_lines(raw), false)
    }

    #[test]
    fn title_body_and_furniture() {
        let raw = "17.8 C\nNew York\n\nchina-Russia show unity\n\nPublished:\n\n- Advertisement -\n\nChinese President Xi Jinping visited Russia this week for talks.\n\nGrain export\n\nThe two leaders agreed to deepen their partnership.\n\n- Advertisement -\n\nRelated articles\n\nSome other headline here\n\nspot_img";
        let a = run(raw);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title.as_deref(), Some("china-Russia show unity"));
        assert_eq!(
            a[0].paragraphs,
            [
                ("Chinese President Xi Jinping visited Russia this week for talks.".to_string(), ParagraphKind::Body),
                ("Grain export".to_string(), ParagraphKind::Heading),
                ("The two leaders agreed to deepen their partnership.".to_string(), ParagraphKind::Body),
            ]
        );
    }

    #[test]
    fn dateline_sets_date_and_leaves_body() {
        let a = run(
            "Pelosi elected Speaker\n\nFriday, January 4, 2019\n\nNancy Pelosi yesterday resumed the office of Speaker of the House.",
        );
        assert_eq!(a[0].date, NaiveDate::from_ymd_opt(2019, 1, 4));
        assert_eq!(a[0].date_source, Some(DateSource::Dateline));
        assert_eq!(a[0].paragraphs.len(), 1);
    }

    #[test]
    fn listing_page_splits_and_dedupes() {
        let one = "Blaze Continues at Russian Oil Depot\n\n\n\nA Russian oil depot burns for a second day after a drone attack on Sunday.\n\nFirefighters are battling a relentless blaze at the depot in the town.\n\nContinue Reading\n\n";
        let two = "Russia-Ukraine War\n\nZelenskyy to Address British Cabinet\n\n\n\nZelenskyy to Address British Cabinet\n\nUkrainian President Volodymyr Zelenskyy will address the British Cabinet on Friday.\n\nHe will appeal for more support for the war effort against Russia.\n\nContinue Reading\n\n";
        let no_sep = "Russia-Ukraine War\n\nEurope Security Concerns Beyond the War\n\n\n\nEnding the conflict will not remove the broader threats, officials warn.\n\nThe annual forum served as a stark reminder of the enduring tensions.\n\n";
        let raw = format!(
            "Connect with us\n\nRussia-Ukraine War\n\n{}{no_sep}{two}{one}Most Viewed\n\nYou cannot copy content of this page",
            one.replace("Continue Reading\n\n", "")
        );
        let a = run(&raw);
        let titles: Vec<_> = a.iter().map(|a| a.title.clone().unwrap()).collect();
        assert_eq!(
            titles,
            [
                "Blaze Continues at Russian Oil Depot",
                "Europe Security Concerns Beyond the War",
                "Zelenskyy to Address British Cabinet"
            ]
        );
        assert!(a.iter().all(|a| a.paragraphs.iter().all(|(p, _)| p != "Russia-Ukraine War")));
        assert_eq!(a[2].paragraphs.len(), 2, "repeated headline dropped: {:?}", a[1].paragraphs);
    }

    #[test]
    fn short_first_line_is_the_headline() {
        let a = run(
            "Newcastle 2-1 Bolton\n\nKieron Dyer smashed home the winner to end a 10-game run.\n\nLee Bowyer put Newcastle ahead when he fed Stephen Carr on the right.",
        );
        assert_eq!(a[0].title.as_deref(), Some("Newcastle 2-1 Bolton"));
        assert_eq!(a[0].paragraphs.len(), 2);
    }

    #[test]
    fn trailing_lists_stay_captions_go() {
        let a = run(
            "Awards announced\n\nThe winners of this year's awards were announced in London on Monday night.\n\nBest actress - Clare Higgins for Hecuba\n\nBest new play - Harvest\n\nXbox booth",
        );
        let paras: Vec<&str> = a[0].paragraphs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paras[1..], ["Best actress - Clare Higgins for Hecuba", "Best new play - Harvest"]);
    }

    #[test]
    fn question_headlines() {
        let a = run(
            "What now for British tennis?\n\nThe departure of the coach leaves the sport without a plan for the future.",
        );
        assert_eq!(a[0].title.as_deref(), Some("What now for British tennis?"));
    }

    #[test]
    fn sentence_before_a_list_does_not_start_an_article() {
        let a = run(
            "Tobacco giants hail ruling\n\nUS tobacco companies have welcomed an appeal court's decision on the case.\n\nThe government had claimed tobacco firms\n\n\n - manipulated nicotine levels to increase addiction\n - lied about the dangers of smoking and ignored research to the contrary.\n\nProsecutors wanted the firms to disgorge their profits from the past years.",
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].paragraphs.len(), 5);
    }

    #[test]
    fn continue_reading_inside_one_article_does_not_split() {
        let a = run(
            "Headline of the story\n\nFirst paragraph of the story is here and it is long.\n\nContinue reading\n\nThe story goes on with more details about the event.",
        );
        assert_eq!(a.len(), 1);
    }
}
