//! Whole HTML pages: main-content extraction.
//!
//! (Interim: the fragment stripper with page metadata. The DOM-based
//! extractor replaces this.)

use super::{Article, articles, markup};

/// Extracts the main article of a full HTML page.
pub fn extract(raw: &str, has_title: bool) -> Vec<Article> {
    articles::articles(&markup::to_lines(raw), has_title)
}
