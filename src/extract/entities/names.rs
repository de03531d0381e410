//! Corpus-wide unification of spelling variants of person names.

use super::{Entity, EntityKind};
use crate::extract::Quote;
use rustc_hash::FxHashMap as HashMap;

/// Corpus-wide index of canonical names (see [`crate::extract::Corpus`]).
///
/// Person names are keyed by a transliteration-tolerant form of their first
/// and last words (see [`fold`]); a new canonical whose first-name key
/// matches a known one and whose surname key is within a small edit distance
/// is rewritten to the spelling seen first. Because `resolve` runs on the
/// ordered output stream, the first-seen spelling wins deterministically.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Folded surname → how many known full names have it, and the first
    /// one's position in `known` (a lone surname takes a unique one).
    by_surname: HashMap<String, (usize, u32)>,
    /// Known full names in the order first seen: (surname key, folded first
    /// name, canonical). An entry's position is its seniority: among several
    /// near spellings, the earliest wins.
    known: Vec<(String, String, String)>,
    /// Hash of every string reachable from a short surname key (at most
    /// [`SHORT_KEY`] letters) by deleting up to two letters after its
    /// [`block`] → the latest name under it, and the link to the names
    /// before that in [`NameIndex::links`] or [`NO_LINK`]. Two keys with the
    /// same block within edit distance `d ≤ 2` share such a string (see
    /// [`deletions`]), so a lookup touches only the few names near the new
    /// one, however many the corpus holds: this runs on the serial step of a
    /// parallel run, where a scan over all names with the same initials grew
    /// with the corpus.
    /// Most strings belong to one name only, which the table holds itself:
    /// a lookup then reads no chain.
    near: HashMap<u32, (u32, u32)>,
    /// The older positions in `known` under each hash of
    /// [`NameIndex::near`], as chains through one vector, newest first:
    /// (position, the link before it or [`NO_LINK`]). A name adds a few
    /// dozen hashes, most of them new, and a chain costs no allocation of
    /// its own.
    links: Vec<(u32, u32)>,
    /// Positions in `known` of the rare longer keys, scanned linearly (their
    /// deletion sets would be large).
    long: Vec<u32>,
    /// Canonical already decided → the position in `known` of its corpus
    /// canonical, or `None` when it keeps its own spelling (as nearly every
    /// name does): the decision is shared, not copied, per name.
    memo: HashMap<String, Option<u32>>,
    /// For each position in `known`, the last [`NameIndex::nearest`] search
    /// that met it among its candidates (a name reached through several
    /// deletion strings is checked once, with no sort of the candidates),
    /// and the [`Brief`] of its keys.
    seen: Vec<(u32, Brief)>,
    /// The number of searches so far (the stamp of the current one in
    /// `seen`).
    searches: u32,
}

/// What a candidate must share with a searched name before its keys are
/// read: its [`block`] (two letters, zero-padded; keys hold no zero byte)
/// and the lengths of its surname and first-name keys, saturated at 255.
/// The checks in [`NameIndex::nearest`] imply these (keys within distance
/// `d` have lengths within `d`), so testing them first changes no answer;
/// it spares the serial step the strings of most candidates, each read a
/// cache miss on a corpus-sized heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Brief {
    block: [u8; BLOCK],
    last_len: u8,
    first_len: u8,
}

impl Brief {
    fn new(last: &str, first: &str) -> Brief {
        let mut block = [0; BLOCK];
        block[..self::block(last).len()].copy_from_slice(self::block(last));
        let len = |s: &str| u8::try_from(s.len()).unwrap_or(u8::MAX);
        Brief { block, last_len: len(last), first_len: len(first) }
    }

    /// Whether a name with this brief may match a searched name with brief
    /// `asked`: the same block, a surname key within `bound` in length, and
    /// a first-name key of the same length, or within one when the searched
    /// one has four letters or more.
    /// (Saturated lengths only narrow a gap, so they never reject a match.)
    fn may_match(self, asked: Brief, bound: usize) -> bool {
        let near = |a: u8, b: u8, d: usize| usize::from(a.abs_diff(b)) <= d;
        self.block == asked.block
            && near(self.last_len, asked.last_len, bound)
            && near(self.first_len, asked.first_len, usize::from(asked.first_len >= 4))
    }
}

/// The end of a chain of [`NameIndex::links`].
const NO_LINK: u32 = u32::MAX;

/// Longest surname key indexed by deletions (see [`NameIndex::near`]).
const SHORT_KEY: usize = 20;

/// How many leading letters of two surname keys must agree for the names to
/// be compared at all (a differing initial is another name).
const BLOCK: usize = 2;

/// The leading letters of a key that must match (see [`BLOCK`]). Keys are
/// folded ASCII, so bytes are letters.
fn block(key: &str) -> &[u8] {
    &key.as_bytes()[..key.len().min(BLOCK)]
}

/// The hash of one string of a key's deletion set (see [`deletions`]).
///
/// 32 bits: [`NameIndex::near`] holds a few dozen of these per name and is
/// read at random on the serial step, where a table half the size misses
/// the cache less (−15% time in resolution on bbc). A collision only adds a
/// candidate, which is checked against the real keys.
fn hash(b: &[u8]) -> u32 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(b);
    h.write_usize(b.len());
    // The low half: `FxHasher` keeps a `usize`, so on a 32-bit target the
    // high half of `finish` is zero.
    h.finish() as u32
}

/// Calls `f` with the hash of `key` and of every string made from it by
/// deleting one letter or (when `max` is 2) two, never within its [`block`].
///
/// Only keys with the same block are ever compared, and the Levenshtein
/// distance is unchanged by stripping a common prefix: two such keys within
/// distance `d` have tails within `d`, which share a string reachable by at
/// most `d` deletions from each (an edit costs at most one deletion on each
/// side). Keeping the block out of the deletions thus loses no match, and
/// both shortens the list of strings and keeps names of other blocks out of
/// the candidates. Repeats are not removed and hashes may collide: both only
/// add candidates, which the caller checks with the real distance. Hashing
/// from stack buffers updated a letter at a time keeps this free of
/// allocation and copying; keys are folded ASCII of at most `SHORT_KEY + 2`
/// letters.
fn deletions(key: &str, max: usize, mut f: impl FnMut(u32)) {
    let k = key.as_bytes();
    f(hash(k));
    let Some(n) = k.len().checked_sub(1) else { return };
    let mut one = [0u8; SHORT_KEY + 2];
    one[..k.len()].copy_from_slice(k);
    // Deleting from the last position down, each next string differs from
    // the one before in a single letter: `one[i]` becomes `k[i + 1]`.
    for i in (block(key).len()..k.len()).rev() {
        if i < n {
            one[i] = k[i + 1];
        }
        f(hash(&one[..n]));
        if max < 2 {
            continue;
        }
        // Likewise for a second deletion, at `j ≥ i`, from `one`.
        let mut two = one;
        for j in (i..n).rev() {
            if j + 1 < n {
                two[j] = one[j + 1];
            }
            f(hash(&two[..n - 1]));
        }
    }
}

/// Transliteration-tolerant key: lower case, accents stripped, ASCII letters
/// only, `y`→`i`, `w`→`v`, `ck`→`c`, doubled letters collapsed (so
/// "Zelenskyy", "Zelensky", "Zelenski" share a key).
pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' => 'n',
            'ł' => 'l',
            c => c,
        };
        let c = c.to_ascii_lowercase();
        if !c.is_ascii_alphabetic() {
            continue;
        }
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            'k' if out.ends_with('c') => continue,
            c => c,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether the Levenshtein distance of `a` and `b` is at most `bound`.
///
/// Runs on the serial step of a parallel run (corpus-wide resolution), so
/// it answers from the length difference when it can and otherwise fills
/// only the diagonal band of width `2 × bound + 1` (a path leaving the band
/// already costs more than `bound`), in two stack rows, stopping as soon as
/// a whole row exceeds the bound. Keys are folded names; longer ones are
/// never close. The cells hold at most `bound + 1` and the row positions are
/// below `MAX`, so they are bytes: setting up the rows is then a few stores.
fn within(a: &str, b: &str, bound: usize) -> bool {
    const MAX: usize = 48;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > bound {
        return false;
    }
    if a.len() >= MAX || b.len() >= MAX || bound == 0 {
        return a == b;
    }
    let (a, b) = trim_common(a, b);
    // The distance is at most the longer length, below `MAX`: a larger
    // bound says no more, and a smaller one keeps every cell a byte.
    let bound = bound.min(MAX);
    let over = bound as u8 + 1;
    // Two rows, swapped by reference: swapping the arrays would copy them.
    let (mut prev_row, mut cur_row) = ([over; MAX], [over; MAX]);
    let (mut prev, mut cur) = (&mut prev_row, &mut cur_row);
    for (j, p) in prev.iter_mut().enumerate().take(b.len().min(bound) + 1) {
        *p = j as u8;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(bound).max(1);
        let hi = (i + bound).min(b.len());
        cur[lo - 1] = if lo == 1 && i <= bound { i as u8 } else { over };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let sub = prev[j - 1] + u8::from(a[i - 1] != b[j - 1]);
            let v = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(over);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < b.len() {
            cur[hi + 1] = over;
        }
        if usize::from(row_min) > bound {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()]) <= bound
}

/// `a` and `b` without their longest common prefix, then suffix. Matching
/// those letters is always part of some optimal alignment, so the Levenshtein
/// distance is unchanged, and near spellings shrink to the few letters that
/// differ (compared keys share at least their [`block`]).
fn trim_common<'s>(a: &'s [u8], b: &'s [u8]) -> (&'s [u8], &'s [u8]) {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    (&a[..a.len() - end], &b[..b.len() - end])
}

impl NameIndex {
    /// Maps canonicals to the corpus-wide spelling seen first. Returns
    /// whether any canonical or speaker changed (most documents keep every
    /// name, and a printer may then reuse what it made of them before).
    pub fn resolve(&mut self, entities: &mut [Entity], quotes: &mut [Quote]) -> bool {
        let mut changed = false;
        for e in entities.iter_mut() {
            if e.kind != EntityKind::Person {
                continue;
            }
            if let Some(at) = self.canonical_for(&e.canonical) {
                e.canonical = self.known[at as usize].2.clone();
                changed = true;
            }
        }
        // Every name decided above (and in earlier documents) is in `memo`.
        for q in quotes.iter_mut() {
            if let Some(n) = q.speaker.as_deref().and_then(|s| self.renamed(s)) {
                q.speaker = Some(n.to_string());
                changed = true;
            }
        }
        changed
    }

    /// The corpus canonical of an already decided `name` when it differs.
    fn renamed(&self, name: &str) -> Option<&str> {
        let at = (*self.memo.get(name)?)?;
        Some(&self.known[at as usize].2)
    }

    /// The position in `known` of the corpus canonical of a document-level
    /// canonical, or `None` when the name keeps its spelling: decided once,
    /// from the names known before it, and remembered (most mentions repeat
    /// a name already decided).
    fn canonical_for(&mut self, name: &str) -> Option<u32> {
        if let Some(&at) = self.memo.get(name) {
            return at;
        }
        let mut words = name.split_whitespace();
        let result = match (words.next(), words.next_back()) {
            (Some(first), Some(last)) => {
                let (first, last) = (fold(first), fold(last));
                let at = self.nearest(&first, &last);
                if at.is_none() {
                    self.add(first, last, name);
                }
                at
            }
            // A lone surname: the unique known full name with that surname key.
            (Some(last), None) => match self.by_surname.get(&fold(last)) {
                Some(&(1, at)) => Some(at),
                _ => None,
            },
            (None, _) => None,
        };
        // A name that maps to its own spelling keeps it.
        let result = result.filter(|&at| self.known[at as usize].2 != name);
        self.memo.insert(name.to_string(), result);
        result
    }

    /// Position of the earliest known full name with the same first name (or
    /// a near one) and the same surname key (or a near one, ending variants
    /// being folded), given the folded first and last words of a name.
    ///
    /// Most names are new, so every candidate is checked anyway: they are
    /// taken as they come, each once (see [`NameIndex::seen`]), keeping the
    /// earliest that matches, and skipped when a match before them is found.
    fn nearest(&mut self, first: &str, last: &str) -> Option<u32> {
        let bound = if last.len() >= 6 { 2 } else { 1 };
        self.searches = self.searches.checked_add(1).expect("fewer than 2^32 searches");
        let NameIndex { known, near, links, long, seen, searches, .. } = self;
        let mut best: Option<u32> = None;
        let asked = Brief::new(last, first);
        let mut check = |at: u32| {
            let (stamp, brief) = &mut seen[at as usize];
            if *stamp == *searches || best.is_some_and(|b| b < at) || !brief.may_match(asked, bound) {
                return;
            }
            *stamp = *searches;
            // The brief held the block: only names with the same one count
            // (the long keys, and hash collisions, may differ).
            let (k, f, _) = &known[at as usize];
            if (k == last || within(k, last, bound)) && (f == first || first.len() >= 4 && within(f, first, 1)) {
                best = Some(at);
            }
        };
        // Candidates: names whose surname key shares a deletion string with
        // this one, plus the long keys.
        long.iter().for_each(|&at| check(at));
        if last.len() <= SHORT_KEY + bound {
            deletions(last, bound, |d| {
                let Some(&(latest, mut link)) = near.get(&d) else { return };
                check(latest);
                while let Some(&(at, before)) = links.get(link as usize) {
                    check(at);
                    link = before;
                }
            });
        }
        best
    }

    /// Makes a full name known under its folded first and last words.
    fn add(&mut self, first: String, last: String, name: &str) {
        let at = u32::try_from(self.known.len()).expect("fewer than 2^32 distinct names");
        if last.len() <= SHORT_KEY {
            let links = &mut self.links;
            deletions(&last, 2, |d| {
                let head = self.near.entry(d).or_insert((at, NO_LINK));
                if head.0 != at {
                    links.push(*head);
                    *head = (at, u32::try_from(links.len() - 1).expect("fewer than 2^32 links"));
                }
            });
        } else {
            self.long.push(at);
        }
        self.by_surname.entry(last.clone()).or_insert((0, at)).0 += 1;
        self.seen.push((0, Brief::new(&last, &first)));
        self.known.push((last, first, name.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::{NameIndex, block, deletions, fold, hash, trim_common, within};
    use proptest::prelude::*;

    /// The corpus canonical the index decides for `name`.
    fn decide(index: &mut NameIndex, name: &str) -> String {
        index.canonical_for(name);
        index.renamed(name).unwrap_or(name).to_string()
    }

    /// The rule the index implements, as a scan over every name seen before
    /// (what the index did before it had a deletion index).
    fn by_scan(known: &mut Vec<(String, String, String)>, name: &str) -> String {
        let words: Vec<&str> = name.split_whitespace().collect();
        let (first, last) = (fold(words[0]), fold(words[words.len() - 1]));
        let bound = if last.len() >= 6 { 2 } else { 1 };
        let block: String = last.chars().take(2).collect();
        for (k, f, canon) in known.iter() {
            if k.chars().take(2).collect::<String>() == block
                && within(k, &last, bound)
                && (*f == first || first.len() >= 4 && within(f, &first, 1))
            {
                return canon.clone();
            }
        }
        known.push((last, first, name.to_string()));
        name.to_string()
    }

    proptest! {
        /// Over names from a tiny alphabet (so near spellings abound), with
        /// surnames short and longer than the deletion-indexed length, the
        /// index decides every name as the full scan does.
        #[test]
        fn the_deletion_index_equals_a_full_scan(
            names in proptest::collection::vec(("[ab]{1,5}", "[abc]{1,24}"), 1..60)
        ) {
            let mut index = NameIndex::default();
            let mut known = Vec::new();
            for (first, last) in names {
                let name = format!("{first} {last}");
                let expected = by_scan(&mut known, &name);
                prop_assert_eq!(decide(&mut index, &name), expected, "{}", name);
            }
        }
    }

    #[test]
    fn a_near_spelling_joins_the_earliest_of_many_names() {
        let mut index = NameIndex::default();
        for i in 0..2000u32 {
            // Distinct surnames: "Zaab", "Zaac", … (the number in base 26).
            let tail: String = (0..3).map(|d| char::from(b'a' + (i / 26u32.pow(d) % 26) as u8)).collect();
            decide(&mut index, &format!("Anna Z{tail}"));
        }
        assert_eq!(decide(&mut index, "Volodymyr Zelensky"), "Volodymyr Zelensky");
        assert_eq!(decide(&mut index, "Volodymyr Zelenskyy"), "Volodymyr Zelensky");
        assert_eq!(decide(&mut index, "Volodimir Zelenski"), "Volodymyr Zelensky");
        assert_eq!(decide(&mut index, "Volodymyr Zelinsky"), "Volodymyr Zelensky");
        assert_eq!(decide(&mut index, "Olena Zelenska"), "Olena Zelenska", "another first name");
        assert_eq!(decide(&mut index, "Volodymyr Kelensky"), "Volodymyr Kelensky", "another initial");
    }

    /// Surname keys too long for the deletion index are scanned, so there
    /// only the block keeps a name with another initial, or another second
    /// letter, apart.
    #[test]
    fn a_long_surname_with_another_block_stays_apart() {
        let mut index = NameIndex::default();
        let long = "Anna Abcdefghijklmnopqrstuv";
        assert_eq!(decide(&mut index, long), long);
        assert_eq!(decide(&mut index, "Anna Abcdefghijklmnopqrstuw"), long, "a near spelling");
        assert_eq!(decide(&mut index, "Anna Bbcdefghijklmnopqrstuv"), "Anna Bbcdefghijklmnopqrstuv", "another initial");
        assert_eq!(
            decide(&mut index, "Anna Accdefghijklmnopqrstuv"),
            "Anna Accdefghijklmnopqrstuv",
            "another second letter"
        );
    }

    #[test]
    fn deletions_hash_each_string_made_by_deleting_after_the_block() {
        fn by_removal(key: &str, max: usize) -> Vec<u32> {
            let k = key.as_bytes();
            let mut out = vec![hash(k)];
            for i in k.len().min(2)..k.len() {
                let mut one = k.to_vec();
                one.remove(i);
                out.push(hash(&one));
                for j in (i..one.len()).filter(|_| max == 2) {
                    let mut two = one.clone();
                    two.remove(j);
                    out.push(hash(&two));
                }
            }
            out.sort_unstable();
            out
        }
        for key in ["", "a", "ab", "abc", "zelenski", "abcdefghijklmnopqrstuv"] {
            for max in [1, 2] {
                let mut got = Vec::new();
                deletions(key, max, |h| got.push(h));
                got.sort_unstable();
                assert_eq!(got, by_removal(key, max), "{key} / {max}");
            }
        }
    }

    #[test]
    fn trim_common_keeps_only_the_differing_middle() {
        let trim = |a: &'static str, b: &'static str| {
            let (a, b) = trim_common(a.as_bytes(), b.as_bytes());
            (std::str::from_utf8(a).unwrap(), std::str::from_utf8(b).unwrap())
        };
        assert_eq!(trim("zelenski", "zelinski"), ("e", "i"));
        assert_eq!(trim("zelenski", "zelenschi"), ("k", "ch"));
        assert_eq!(trim("abc", "abc"), ("", ""));
        assert_eq!(trim("ab", "abab"), ("", "ab"), "the prefix is taken first");
        assert_eq!(trim("putin", "trump"), ("putin", "trump"));
    }

    #[test]
    fn block_is_the_first_two_letters_or_the_whole_short_key() {
        assert_eq!(block("zelenski"), b"ze");
        assert_eq!(block("z"), b"z");
        assert_eq!(block(""), b"");
    }

    #[test]
    fn within_bounds_the_levenshtein_distance() {
        assert!(within("zelenski", "zelenski", 0));
        assert!(within("zelenski", "zelenschi", 2));
        assert!(!within("zelenski", "zelenschi", 1));
        assert!(within("volodimir", "vladimir", 2));
        assert!(!within("putin", "trump", 2));
        assert!(!within("ab", "abcd", 1), "length difference alone decides");
        assert!(within("", "a", 1));
        let long = "a".repeat(60);
        assert!(within(&long, &long, 0) && !within(&long, &"b".repeat(60), 2));
    }

    /// The banded version agrees with the full dynamic programme.
    #[test]
    fn within_agrees_with_the_full_table() {
        fn full(a: &str, b: &str) -> usize {
            let (a, b) = (a.as_bytes(), b.as_bytes());
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for i in 1..=a.len() {
                let mut cur = vec![i; b.len() + 1];
                for j in 1..=b.len() {
                    cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1])).min(prev[j] + 1).min(cur[j - 1] + 1);
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "zelenski",
            "zelenschi",
            "zelinski",
            "vladimir",
            "volodimir",
            "kiev",
            "kiiv",
            "putin",
            "trump",
            "abcdef",
            "fedcba",
        ];
        for a in words {
            for b in words {
                for bound in 0..4 {
                    assert_eq!(within(a, b, bound), full(a, b) <= bound, "{a} / {b} / {bound}");
                }
            }
        }
    }
}
