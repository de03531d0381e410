//! Cross-document name resolution, online or offline, with one result.
//!
//! [`NameIndex`] decides the corpus canonical of a person name from the
//! names decided before it only, and remembers each decision; a repeated
//! name changes nothing. So the alias of every name is a function of one
//! sequence: the distinct document-level person canonicals of the corpus in
//! the order they are first seen (documents in input order, entities in
//! document order). That is what lets the resolution run two ways:
//!
//! - online ([`Resolver::Online`]): `lede analyze` feeds documents to the
//!   index in output order, as they stream by;
//! - offline: shards are analyzed with document-level canonicals, their
//!   reports carry their names in first-seen order, merging concatenates
//!   them in shard order and [`Aliases::from_parts`] runs the index once
//!   over the whole sequence; the alias map is then applied to each shard's
//!   documents ([`Resolver::Given`]) and report tables.
//!
//! One detail makes the two agree on quotes as well: the streaming index
//! rewrites a quote's speaker only when the speaker's name was already seen
//! as a person entity (in this document or an earlier one). The offline
//! map therefore records, for each alias, the shard it was first seen in,
//! and a shard's applier tracks which names it has seen so far.

use crate::extract::{Corpus, Entity, EntityKind, Extractions, entities::NameIndex};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The schema identifier of a names file (`lede report --names-out`).
pub const NAMES_SCHEMA: &str = "lede-names/1";

/// Where a name resolves to, and the shard it was first seen in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The corpus canonical.
    pub canonical: String,
    /// Index of the shard (merge argument, Spark partition) that saw the
    /// name first.
    pub part: u64,
}

/// Corpus alias map: document-level person canonical → corpus canonical,
/// for the names that change (every other name maps to itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    map: HashMap<String, Alias>,
}

/// One entry of a names file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameEntry {
    name: String,
    canonical: String,
    part: u64,
}

/// A names file: the aliases in first-seen order.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    schema: String,
    aliases: Vec<NameEntry>,
}

impl Aliases {
    /// Runs the name index over the names of each shard, shards in order,
    /// names in first-seen order within each (repeats are skipped: they
    /// change nothing).
    pub fn from_parts<I, P, S>(parts: I) -> Aliases
    where
        I: IntoIterator<Item = P>,
        P: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut index = NameIndex::default();
        let mut done: HashSet<String> = HashSet::default();
        let mut map = HashMap::default();
        let mut one = vec![Entity {
            span: Default::default(),
            kind: EntityKind::Person,
            canonical: String::new(),
            country: None,
        }];
        for (part, names) in parts.into_iter().enumerate() {
            for name in names {
                let name = name.as_ref();
                if !done.insert(name.to_string()) {
                    continue;
                }
                one[0].canonical.clear();
                one[0].canonical.push_str(name);
                index.resolve(&mut one, &mut []);
                if one[0].canonical != name {
                    map.insert(name.to_string(), Alias { canonical: one[0].canonical.clone(), part: part as u64 });
                }
            }
        }
        Aliases { map }
    }

    /// Runs the name index over one sequence of names (one shard).
    pub fn from_names<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Aliases {
        Aliases::from_parts([names])
    }

    /// The corpus canonical of a document-level person canonical.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.map.get(name).map_or(name, |a| a.canonical.as_str())
    }

    /// The alias of a name, if it changes.
    pub fn get(&self, name: &str) -> Option<&Alias> {
        self.map.get(name)
    }

    /// Number of names that change.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no name changes.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The names file (JSON), entries sorted by shard then name.
    pub fn to_json(&self) -> String {
        let mut aliases: Vec<NameEntry> = self
            .map
            .iter()
            .map(|(n, a)| NameEntry { name: n.clone(), canonical: a.canonical.clone(), part: a.part })
            .collect();
        aliases.sort_by(|a, b| (a.part, &a.name).cmp(&(b.part, &b.name)));
        let file = NamesFile { schema: NAMES_SCHEMA.into(), aliases };
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }

    /// Reads a names file.
    pub fn from_json(s: &str) -> Result<Aliases, String> {
        let f: NamesFile = serde_json::from_str(s).map_err(|e| format!("not a lede names file: {e}"))?;
        if f.schema != NAMES_SCHEMA {
            return Err(format!("unsupported names schema {:?} (expected {NAMES_SCHEMA:?})", f.schema));
        }
        let map = f.aliases.into_iter().map(|e| (e.name, Alias { canonical: e.canonical, part: e.part })).collect();
        Ok(Aliases { map })
    }
}

/// A given alias map and the shard being rewritten with it.
#[derive(Debug, Clone)]
pub struct GivenNames {
    /// The corpus alias map.
    pub aliases: Aliases,
    /// Which shard this run is (its index among the merged reports).
    pub part: u64,
}

/// Cross-document resolution as a pipeline applies it, document by
/// document in output order.
#[derive(Debug)]
pub enum Resolver {
    /// Document-level canonicals are kept.
    Off,
    /// First-seen resolution over the documents of this run.
    Online(Corpus),
    /// A corpus alias map computed elsewhere, applied to one shard.
    Given {
        /// The map and shard.
        names: Arc<GivenNames>,
        /// Names of this shard seen so far as person entities.
        seen: HashSet<String>,
    },
}

impl Resolver {
    /// The resolver a run needs.
    pub fn new(resolve: bool, given: Option<&Arc<GivenNames>>) -> Resolver {
        match given {
            Some(g) => Resolver::Given { names: Arc::clone(g), seen: HashSet::default() },
            None if resolve => Resolver::Online(Corpus::default()),
            None => Resolver::Off,
        }
    }

    /// Rewrites one document's person canonicals and quote speakers.
    /// Returns whether any of them changed.
    pub fn resolve(&mut self, ex: &mut Extractions) -> bool {
        match self {
            Resolver::Off => false,
            Resolver::Online(c) => c.resolve(ex),
            Resolver::Given { names, seen } => {
                let mut changed = false;
                for e in ex.entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
                    if let Some(a) = names.aliases.get(&e.canonical) {
                        if a.part >= names.part && !seen.contains(&e.canonical) {
                            seen.insert(e.canonical.clone());
                        }
                        e.canonical = a.canonical.clone();
                        changed = true;
                    }
                }
                for q in &mut ex.quotes {
                    if let Some(s) = &q.speaker
                        && let Some(a) = names.aliases.get(s)
                        && (a.part < names.part || seen.contains(s))
                    {
                        q.speaker = Some(a.canonical.clone());
                        changed = true;
                    }
                }
                changed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Quote, QuoteKind};
    use proptest::prelude::*;

    /// Person names with spelling variants, lone surnames and an ambiguous
    /// surname (two Smiths), so that order decides.
    const POOL: &[&str] = &[
        "Volodymyr Zelensky",
        "Volodymyr Zelenskyy",
        "Volodymyr Zelenski",
        "Zelensky",
        "Vladimir Putin",
        "Wladimir Putin",
        "Putin",
        "John Smith",
        "Jane Smith",
        "Smith",
        "Olaf Scholz",
        "Olaf Scholtz",
        "Scholz",
    ];

    fn ent(name: &str, kind: EntityKind) -> Entity {
        Entity { span: Default::default(), kind, canonical: name.into(), country: None }
    }

    fn quote(speaker: &str) -> Quote {
        Quote {
            span: Default::default(),
            kind: QuoteKind::Full,
            speaker: Some(speaker.into()),
            speaker_span: None,
            speaker_role: None,
            verb: None,
        }
    }

    /// A document: person entities, one ORG named like a person (never
    /// rewritten), and quotes whose speakers may not be entities of it.
    fn doc(names: &[usize], speakers: &[usize]) -> Extractions {
        let mut entities: Vec<Entity> = names.iter().map(|&i| ent(POOL[i], EntityKind::Person)).collect();
        entities.push(ent(POOL[0], EntityKind::Org));
        Extractions { entities, quotes: speakers.iter().map(|&i| quote(POOL[i])).collect(), ..Default::default() }
    }

    fn person_names(docs: &[Extractions]) -> Vec<String> {
        docs.iter()
            .flat_map(|d| d.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.canonical.clone()))
            .collect()
    }

    fn names_of(ex: &Extractions) -> (Vec<String>, Vec<Option<String>>) {
        (
            ex.entities.iter().map(|e| e.canonical.clone()).collect(),
            ex.quotes.iter().map(|q| q.speaker.clone()).collect(),
        )
    }

    #[test]
    fn variants_in_different_documents_resolve_to_the_first_seen() {
        let a = Aliases::from_names(["Volodymyr Zelenskyy", "Vladimir Putin", "Volodymyr Zelensky", "Zelenski"]);
        assert_eq!(a.canonical("Volodymyr Zelensky"), "Volodymyr Zelenskyy");
        assert_eq!(a.canonical("Zelenski"), "Volodymyr Zelenskyy");
        assert_eq!(a.canonical("Vladimir Putin"), "Vladimir Putin");
        assert_eq!(a.len(), 2);
        assert_eq!(Aliases::from_json(&a.to_json()).unwrap(), a);
        assert!(Aliases::from_json("{}").is_err());
        let parts =
            Aliases::from_parts([vec!["Volodymyr Zelenskyy"], vec!["Volodymyr Zelensky", "Volodymyr Zelenskyy"]]);
        assert_eq!(parts.get("Volodymyr Zelensky").map(|a| a.part), Some(1));
    }

    proptest! {
        /// The streaming resolution equals the offline one: shards (in
        /// order) → names per shard → one alias map → each shard rewritten
        /// with it, for any corpus and any contiguous split.
        #[test]
        fn online_equals_offline(
            docs in prop::collection::vec(
                (prop::collection::vec(0..POOL.len(), 0..4), prop::collection::vec(0..POOL.len(), 0..3)),
                1..30,
            ),
            cuts in prop::collection::vec(0usize..30, 0..4),
        ) {
            let docs: Vec<Extractions> = docs.iter().map(|(n, s)| doc(n, s)).collect();
            let mut online = docs.clone();
            let mut r = Resolver::new(true, None);
            for d in &mut online {
                r.resolve(d);
            }
            let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c.min(docs.len())).collect();
            bounds.push(0);
            bounds.push(docs.len());
            bounds.sort_unstable();
            let shards: Vec<&[Extractions]> = bounds.windows(2).map(|w| &docs[w[0]..w[1]]).collect();
            let aliases = Aliases::from_parts(shards.iter().map(|s| person_names(s)));
            let mut offline = Vec::new();
            for (k, shard) in shards.iter().enumerate() {
                let given = Arc::new(GivenNames { aliases: aliases.clone(), part: k as u64 });
                let mut r = Resolver::new(false, Some(&given));
                for d in shard.iter() {
                    let mut d = d.clone();
                    r.resolve(&mut d);
                    offline.push(d);
                }
            }
            prop_assert_eq!(online.len(), offline.len());
            for (a, b) in online.iter().zip(&offline) {
                prop_assert_eq!(names_of(a), names_of(b));
            }
        }
    }
}
