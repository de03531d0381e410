//! `lede`: a news-corpus analyzer.
//!
//! Reads folders of raw news articles, strips HTML and boilerplate, and
//! extracts named entities, dates, direct quotes with their speakers, and
//! figures. The library is one pipeline, each stage a module:
//!
//! [`input`] (walk, read, decode) → [`clean`] (HTML, boilerplate, article
//! split) → [`document`] (paragraphs, sentences, tokens, offsets) →
//! [`extract`] (entities, dates, quotes, figures; pure functions of a
//! document) → [`report`] (corpus aggregates) → [`output`] (JSON, JSON
//! Lines, tables). [`pipeline`] runs the stages in parallel and in order;
//! [`eval`] scores the extractors against gold annotations.
//!
//! ```
//! use lede::document::{Document, ParagraphKind};
//! let doc = Document::from_paragraphs(&[
//!     ("Moscow and Beijing unite", ParagraphKind::Title),
//!     ("The talks ended on Thursday. Both sides spoke.", ParagraphKind::Body),
//! ]);
//! assert_eq!(doc.sentences.len(), 3);
//! let found = lede::extract::extract(&doc, lede::extract::Selection::ALL);
//! # let _ = found;
//! ```

#![deny(missing_docs)]

pub mod alloc;
pub mod clean;
pub mod document;
pub mod eval;
pub mod extract;
#[cfg(test)]
mod fixtures;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod resolve;
