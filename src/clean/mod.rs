//! Cleaning: from raw article text (or HTML) to articles with a headline,
//! a date and body paragraphs, free of markup and site furniture.
//!
//! Raw text files go through [`markup`] (entities decoded, tags stripped,
//! lines with their blank-line gaps), [`boilerplate`] (each line judged on
//! its own) and [`articles`] (listing pages split, headline and dateline
//! found, headings kept, furniture dropped by position). Whole HTML pages go
//! through [`page`], a DOM-based main-content extractor.

pub mod articles;
pub mod boilerplate;
pub mod dateline;
pub mod markup;
pub mod page;

pub use articles::Article;

/// Builds the cleaner's lexicons and regexes now, in about the reverse of
/// the order a first document reaches them: the calling thread of a
/// parallel run calls this before it takes a batch of its own, while the
/// first worker cleans its first document, so that the two build
/// different ones at the same time (see
/// [`crate::extract::warm_up`]).
pub fn warm_up() {
    dateline::warm_up();
    boilerplate::warm_up();
}

/// Cleans one input into its articles (at least one).
///
/// `has_title` says the headline is already known (a record's `title`), so
/// the first line is body text, not the headline.
pub fn clean(raw: &str, has_title: bool) -> Vec<Article> {
    // Pages nested too deep for the HTML5 parser (quadratic in depth) are
    // cleaned as markup instead: tags stripped in one linear pass.
    if markup::is_full_page(raw) && !page::depth::deeper_than(raw, page::depth::MAX_DEPTH) {
        return page::extract(raw, has_title);
    }
    articles::articles(&markup::to_lines(raw), has_title)
}
