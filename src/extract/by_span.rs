//! Items looked up by where they sit in the text.
//!
//! Extractors ask of earlier results "which mention overlaps this phrase?",
//! "which starts at this word?" once per candidate. Scanning the whole list
//! for each is fine on a news article and quadratic on a long document (a
//! transcript with ten thousand quotations and twice as many names); this
//! index answers each question in logarithmic time plus the answers.

use crate::document::Span;

/// Items sorted by the start of their spans (ties kept in the given order),
/// with the running maximum of the span ends, so every query yields its
/// answers in that order: the same first answer as a scan of the items
/// sorted the same way.
#[derive(Debug, Clone)]
pub struct BySpan<T> {
    items: Vec<T>,
    spans: Vec<Span>,
    /// `max_end[i]` is the largest end among `spans[..=i]`: it never
    /// decreases, so the first item that can reach past a position is found
    /// by binary search even when spans nest or overlap.
    max_end: Vec<usize>,
}

impl<T> BySpan<T> {
    /// Indexes `items` under the spans `span_of` gives them.
    pub fn new(items: impl IntoIterator<Item = T>, span_of: impl Fn(&T) -> Span) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        items.sort_by_key(|t| span_of(t).start);
        let spans: Vec<Span> = items.iter().map(span_of).collect();
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = s.end.max(*m);
                Some(*m)
            })
            .collect();
        BySpan { items, spans, max_end }
    }

    /// The items, sorted by span start.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// Items from the first one whose span ends after `pos` (or at it, with
    /// `inclusive`), as long as their spans start before `until`.
    fn reaching_past(&self, pos: usize, inclusive: bool, until: usize) -> impl Iterator<Item = (&T, Span)> {
        let lo = self.max_end.partition_point(|&m| if inclusive { m < pos } else { m <= pos });
        let n = lo + self.spans[lo..].partition_point(|s| s.start < until);
        self.items[lo..n].iter().zip(self.spans[lo..n].iter().copied())
    }

    /// Items whose spans overlap `span` (share at least one byte).
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &T> {
        self.reaching_past(span.start, false, span.end).filter(move |(_, s)| s.overlaps(&span)).map(|(t, _)| t)
    }

    /// Items whose spans start at byte `pos`.
    pub fn starting_at(&self, pos: usize) -> impl Iterator<Item = &T> {
        let lo = self.spans.partition_point(|s| s.start < pos);
        let n = lo + self.spans[lo..].partition_point(|s| s.start == pos);
        self.items[lo..n].iter()
    }

    /// Items whose spans end at byte `pos`.
    pub fn ending_at(&self, pos: usize) -> impl Iterator<Item = &T> {
        self.reaching_past(pos, true, pos + 1).filter(move |(_, s)| s.end == pos).map(|(t, _)| t)
    }

    /// Whether any item's span overlaps `span`.
    pub fn any_overlaps(&self, span: Span) -> bool {
        self.overlapping(span).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn spans() -> impl Strategy<Value = Vec<Span>> {
        proptest::collection::vec((0usize..60, 0usize..8), 0..30)
            .prop_map(|v| v.into_iter().map(|(a, len)| Span::new(a, a + len)).collect())
    }

    proptest! {
        /// Every query gives what a scan of the stably sorted items gives,
        /// in the same order, whatever the spans (nested, overlapping,
        /// empty, repeated).
        #[test]
        fn queries_match_a_scan(items in spans(), a in 0usize..70, len in 0usize..10) {
            let index = BySpan::new(items.iter().copied().enumerate(), |(_, s)| *s);
            let mut sorted: Vec<(usize, Span)> = items.iter().copied().enumerate().collect();
            sorted.sort_by_key(|(_, s)| s.start);
            prop_assert_eq!(index.as_slice(), &sorted[..]);
            let q = Span::new(a, a + len);
            let scan = |f: &dyn Fn(&Span) -> bool| sorted.iter().filter(|(_, s)| f(s)).copied().collect::<Vec<_>>();
            prop_assert_eq!(index.overlapping(q).copied().collect::<Vec<_>>(), scan(&|s| s.overlaps(&q)));
            prop_assert_eq!(index.starting_at(a).copied().collect::<Vec<_>>(), scan(&|s| s.start == a));
            prop_assert_eq!(index.ending_at(a).copied().collect::<Vec<_>>(), scan(&|s| s.end == a));
            prop_assert_eq!(index.any_overlaps(q), sorted.iter().any(|(_, s)| s.overlaps(&q)));
        }
    }

    #[test]
    fn a_long_span_early_is_still_found() {
        let index = BySpan::new([Span::new(0, 100), Span::new(10, 12), Span::new(50, 52)], |s| *s);
        assert_eq!(index.overlapping(Span::new(60, 61)).collect::<Vec<_>>(), [&Span::new(0, 100)]);
        assert_eq!(index.overlapping(Span::new(11, 51)).count(), 3);
        assert_eq!(index.ending_at(12).collect::<Vec<_>>(), [&Span::new(10, 12)]);
        assert!(!index.any_overlaps(Span::new(100, 200)));
    }
}
