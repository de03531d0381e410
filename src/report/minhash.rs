//! Near-duplicate detection: MinHash signatures over word shingles, and
//! clustering by locality-sensitive hashing.
//!
//! A signature is computed once per document (linear in its length) and
//! kept in the report, so duplicates are found across merged shards too:
//! two reports merge by concatenating signatures. Clustering hashes bands
//! of each signature into buckets, so it stays near-linear in the number of
//! documents instead of comparing every pair.

use rustc_hash::FxHashMap as HashMap;

/// Words per shingle: long enough that two distinct stories on the same
/// topic share few shingles, short enough that a light edit keeps most.
const SHINGLE: usize = 5;
/// Hash functions per signature.
pub const HASHES: usize = 64;
/// LSH bands (`HASHES / BANDS` rows each): with 16 bands of 4 rows, pairs
/// with Jaccard similarity above ~0.5 become candidates with high probability.
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Documents with fewer words carry too little text to call them copies
/// (a headline alone would match every repost of that headline).
pub const MIN_WORDS: usize = 20;
/// Estimated Jaccard similarity at or above which two documents are the
/// same story reposted.
pub const THRESHOLD: f64 = 0.8;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Per-hash multipliers (odd) and offsets, fixed so signatures stored in a
/// report stay comparable across runs and versions.
static PARAMS: std::sync::LazyLock<[(u64, u64); HASHES]> = std::sync::LazyLock::new(|| {
    let mut p = [(0u64, 0u64); HASHES];
    for (i, slot) in p.iter_mut().enumerate() {
        *slot = (splitmix(2 * i as u64) | 1, splitmix(2 * i as u64 + 1));
    }
    p
});

/// The MinHash signature of a text, or `None` when it is too short.
///
/// Words are runs of alphanumeric characters, compared case-insensitively,
/// so reflowed whitespace or changed punctuation do not hide a copy.
pub fn signature(text: &str) -> Option<[u32; HASHES]> {
    let mut window = [0u64; SHINGLE];
    let mut words = 0usize;
    let mut sig = [u32::MAX; HASHES];
    let params = &*PARAMS;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    let mut push = |h: u64, words: &mut usize, sig: &mut [u32; HASHES]| {
        window[*words % SHINGLE] = h;
        *words += 1;
        if *words >= SHINGLE {
            let mut s = 0u64;
            for k in 0..SHINGLE {
                // Order matters in a shingle: rotate each word by its position.
                s ^= window[(*words - SHINGLE + k) % SHINGLE].rotate_left(13 * k as u32);
            }
            let s = splitmix(s);
            for (slot, &(a, b)) in sig.iter_mut().zip(params.iter()) {
                let v = (s.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &byte in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
                }
            }
            in_word = true;
        } else if in_word {
            push(h, &mut words, &mut sig);
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        push(h, &mut words, &mut sig);
    }
    (words >= MIN_WORDS).then_some(sig)
}

/// Hex form of a signature (8 digits per hash), as stored in a report.
pub fn to_hex(sig: &[u32; HASHES]) -> String {
    let mut s = String::with_capacity(HASHES * 8);
    for v in sig {
        s.push_str(&format!("{v:08x}"));
    }
    s
}

/// Parses [`to_hex`] output.
pub fn from_hex(s: &str) -> Option<[u32; HASHES]> {
    if s.len() != HASHES * 8 || !s.is_ascii() {
        return None;
    }
    let mut sig = [0u32; HASHES];
    for (i, slot) in sig.iter_mut().enumerate() {
        *slot = u32::from_str_radix(&s[i * 8..i * 8 + 8], 16).ok()?;
    }
    Some(sig)
}

/// Estimated Jaccard similarity of the shingle sets behind two signatures.
pub fn similarity(a: &[u32; HASHES], b: &[u32; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups signatures into clusters of near-duplicates (indices into
/// `sigs`, each cluster sorted, clusters of two or more only, sorted by
/// their first member).
///
/// Within a bucket each member is compared with the bucket's first member
/// only, so a bucket of many copies costs linear time; copies still join
/// one cluster because they all match that first member.
pub fn clusters(sigs: &[[u32; HASHES]]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..sigs.len()).collect();
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u32], usize> = HashMap::with_capacity_and_hasher(sigs.len(), Default::default());
        for (i, sig) in sigs.iter().enumerate() {
            let key = &sig[band * ROWS..(band + 1) * ROWS];
            match buckets.get(key) {
                None => {
                    buckets.insert(key, i);
                }
                Some(&first) => {
                    if similarity(&sigs[first], sig) >= THRESHOLD {
                        let (a, b) = (find(&mut parent, first), find(&mut parent, i));
                        if a != b {
                            parent[a.max(b)] = a.min(b);
                        }
                    }
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..sigs.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The finance minister said on Tuesday that the budget would be balanced by next year, \
        despite warnings from economists that growth is slowing across the region and exports are falling.";
    const B: &str = "Heavy rain flooded dozens of homes in the north of the country overnight, and rescue teams \
        used boats to reach families trapped on upper floors while the river kept rising.";

    #[test]
    fn copies_match_and_distinct_stories_do_not() {
        let a = signature(A).unwrap();
        let a2 = signature(&A.to_uppercase().replace(' ', "\n ")).unwrap();
        let b = signature(B).unwrap();
        assert_eq!(similarity(&a, &a2), 1.0);
        assert!(similarity(&a, &b) < 0.2, "{}", similarity(&a, &b));
        let edited = A.replace("Tuesday", "Wednesday");
        assert!(similarity(&a, &signature(&edited).unwrap()) > 0.5);
        assert_eq!(clusters(&[a, b, a2]), vec![vec![0, 2]]);
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(signature("Only a headline here").is_none());
    }

    #[test]
    fn hex_round_trips() {
        let a = signature(A).unwrap();
        assert_eq!(from_hex(&to_hex(&a)), Some(a));
        assert_eq!(from_hex("zz"), None);
    }

    #[test]
    fn many_copies_cluster_together() {
        let a = signature(A).unwrap();
        let sigs = vec![a; 500];
        let c = clusters(&sigs);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].len(), 500);
    }
}
