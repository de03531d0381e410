//! Corpus reports: aggregates over the documents of a run.
//!
//! (Stub: filled in by the reports work.)
