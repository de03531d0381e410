//! Corpus reports: aggregates over the documents of a run.
//!
//! A [`Report`] is a *mergeable summary*: it keeps full counts (every
//! canonical name, every month, every figure group), one MinHash signature
//! per document and, per document, its names ([`NameState`]), never just a
//! top-k, so that reports of shards merge into exactly the report of the
//! whole corpus: `merge(run(A), run(B)) == run(A then B)`, and merging is
//! associative. What `lede report` prints (top entities, clusters, …) is
//! derived from it by the methods below.
//!
//! Person names are resolved across documents the way `lede analyze` does
//! it (spelling variants merged under the spelling seen first, see
//! [`crate::resolve`]). That decision depends on the order names are first
//! seen in, which a shard cannot know, so a report keeps the
//! document-level names of each document in input order; merging
//! concatenates them (argument order is input order) and the tables that
//! depend on names — person entities, co-mentions, speakers — are
//! recomputed from them over the resolved names. The price is one short
//! row per document with entities or quotes (its entity names with mention
//! counts, its speakers with quote counts), about the size of its
//! fingerprint.

pub mod minhash;
pub mod table;

use crate::pipeline::{Analyzed, ErrorRecord};
use crate::resolve::Aliases;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// The schema identifier of a report.
pub const REPORT_SCHEMA: &str = "lede-report/2";

/// Entities of one document that enter co-occurrence pairs: the most
/// mentioned ones. Pairs grow with the square of this, so a document with
/// thousands of names (a list, a hostile input) stays cheap.
pub const MAX_PAIR_ENTITIES: usize = 25;

/// Quote length (code points) a sample quote is preferred to be near: long
/// enough to say something, short enough to fit a table row.
const SAMPLE_LEN: usize = 100;

/// Largest figure total kept exact, in thousandths (sums saturate there).
const TOTAL_LIMIT: i128 = i128::MAX / 4;

/// A corpus summary (the JSON of `lede report --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Always [`REPORT_SCHEMA`].
    pub schema: String,
    /// Documents aggregated.
    pub documents: u64,
    /// Inputs that failed.
    pub errors: u64,
    /// Entity type → canonical name (person names resolved across
    /// documents) → counts.
    pub entities: BTreeMap<String, BTreeMap<String, EntityStat>>,
    /// Entity pairs mentioned in the same document, with the number of
    /// such documents (each document contributes its [`MAX_PAIR_ENTITIES`]
    /// most mentioned entities).
    #[serde(serialize_with = "ser_pairs", deserialize_with = "de_pairs")]
    #[schemars(with = "Vec<PairStat>")]
    pub pairs: BTreeMap<(EntityRef, EntityRef), u64>,
    /// Speaker canonical name → quotes.
    pub speakers: BTreeMap<String, SpeakerStat>,
    /// Full and partial quotes without a speaker.
    pub unattributed_quotes: u64,
    /// Publication month (`YYYY-MM`) → documents.
    pub published: BTreeMap<String, u64>,
    /// Documents without a publication date.
    pub undated: u64,
    /// Month (`YYYY-MM`) a date expression points into → mentions.
    pub mentioned: BTreeMap<String, u64>,
    /// Figure kind → unit (`""` when none) → object (`""` when none) → counts.
    pub figures: BTreeMap<String, BTreeMap<String, BTreeMap<String, FigureStat>>>,
    /// One MinHash signature per document long enough to have one, sorted
    /// by id: the state near-duplicate detection needs.
    pub fingerprints: Vec<Fingerprint>,
    /// Document-level names, the state name resolution needs.
    pub names: NameState,
    /// Person names seen so far (derived from `names.docs`).
    #[serde(skip)]
    #[schemars(skip)]
    seen: SeenNames,
}

/// What name resolution needs: document-level names in input order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NameState {
    /// One row per document with entities or attributed quotes, in input order.
    pub docs: Vec<DocNames>,
    /// Document-level person canonical → spelling as written → mentions.
    pub spellings: BTreeMap<String, BTreeMap<String, u64>>,
    /// Speaker (document-level) → best sample quotes, split at the first
    /// document where the name is a person entity: only quotes from there on
    /// take the corpus canonical (as in `lede analyze`).
    pub samples: BTreeMap<String, SampleSplit>,
}

/// What one document contributes to the name-dependent tables.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocNames {
    /// Entities as (type, document-level canonical, mentions), in order of
    /// first mention.
    pub entities: Vec<(String, String, u64)>,
    /// Speakers as (document-level canonical, quotes), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<(String, u64)>,
}

/// Best sample quotes of a speaker before and after the name is first seen
/// as a person entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleSplit {
    /// From documents before the name is a person entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Sample>,
    /// From the first such document on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Sample>,
}

/// Person names of `names.docs[..covered]`: a cache, so equality ignores it.
#[derive(Debug, Clone, Default)]
struct SeenNames {
    names: HashSet<String>,
    covered: usize,
}

impl PartialEq for SeenNames {
    fn eq(&self, _: &SeenNames) -> bool {
        true
    }
}

impl SeenNames {
    fn update(&mut self, docs: &[DocNames]) {
        for d in docs.get(self.covered..).unwrap_or(&[]) {
            for (kind, name, _) in &d.entities {
                if kind == PERSON && !self.names.contains(name) {
                    self.names.insert(name.clone());
                }
            }
        }
        self.covered = docs.len();
    }
}

/// The entity type whose names are resolved across documents.
const PERSON: &str = "PERSON";

/// Counts of one canonical entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityStat {
    /// Documents mentioning it.
    pub documents: u64,
    /// Mentions.
    pub mentions: u64,
    /// Spelling as written → mentions (the variants merged under the canonical).
    pub spellings: BTreeMap<String, u64>,
}

/// An entity: type and canonical name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityRef {
    /// PERSON, ORG, LOC, NORP or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub canonical: String,
}

/// Two entities seen in the same documents (`a` < `b`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PairStat {
    /// The first entity.
    pub a: EntityRef,
    /// The second entity.
    pub b: EntityRef,
    /// Documents mentioning both.
    pub documents: u64,
}

/// Quotes of one speaker.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpeakerStat {
    /// Quotes attributed to them.
    pub quotes: u64,
    /// Documents quoting them.
    pub documents: u64,
    /// One of their quotes, chosen the same way whatever the input order.
    pub sample: Option<Sample>,
}

/// A sample quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// The quoted words.
    pub text: String,
    /// full or partial.
    pub kind: String,
    /// The document it is from.
    pub id: String,
}

/// Counts of one figure group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureStat {
    /// Figures.
    pub count: u64,
    /// Documents with at least one.
    pub documents: u64,
    /// Sum of the values (low ends of ranges), in thousandths: an integer so
    /// that sums are exact and merging is associative.
    pub total_milli: i128,
}

impl FigureStat {
    /// The sum of the values.
    pub fn total(&self) -> f64 {
        self.total_milli as f64 / 1000.0
    }
}

/// One document's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    /// Document id.
    pub id: String,
    /// The signature: 64 hashes, 8 hex digits each.
    pub minhash: String,
}

fn ser_pairs<S: Serializer>(m: &BTreeMap<(EntityRef, EntityRef), u64>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(m.iter().map(|((a, b), &n)| PairStat { a: a.clone(), b: b.clone(), documents: n }))
}

fn de_pairs<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<(EntityRef, EntityRef), u64>, D::Error> {
    let v = Vec::<PairStat>::deserialize(d)?;
    let mut m = BTreeMap::new();
    for p in v {
        let key = if p.a <= p.b { (p.a, p.b) } else { (p.b, p.a) };
        *m.entry(key).or_insert(0) += p.documents;
    }
    Ok(m)
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema: REPORT_SCHEMA.into(),
            documents: 0,
            errors: 0,
            entities: BTreeMap::new(),
            pairs: BTreeMap::new(),
            speakers: BTreeMap::new(),
            unattributed_quotes: 0,
            published: BTreeMap::new(),
            undated: 0,
            mentioned: BTreeMap::new(),
            figures: BTreeMap::new(),
            fingerprints: Vec::new(),
            names: NameState::default(),
            seen: SeenNames::default(),
        }
    }
}

/// Orders sample quotes: full before partial, then nearest to
/// [`SAMPLE_LEN`], then text, then id (a total order, so the choice does
/// not depend on the order documents arrive in).
fn sample_rank(s: &Sample) -> (bool, usize, &str, &str) {
    (s.kind != "full", s.text.chars().count().abs_diff(SAMPLE_LEN), &s.text, &s.id)
}

fn better_sample(a: Option<Sample>, b: Option<Sample>) -> Option<Sample> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if sample_rank(&b) < sample_rank(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn to_milli(v: f64) -> i128 {
    if v.is_nan() {
        return 0;
    }
    let m = (v * 1000.0).round();
    if m >= TOTAL_LIMIT as f64 {
        TOTAL_LIMIT
    } else if m <= -(TOTAL_LIMIT as f64) {
        -TOTAL_LIMIT
    } else {
        m as i128
    }
}

fn add_total(a: i128, b: i128) -> i128 {
    a.saturating_add(b).clamp(-TOTAL_LIMIT, TOTAL_LIMIT)
}

/// `YYYY-MM` of a TIMEX3 value that names a month or a day in it.
fn month_of(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    let ok = b.len() >= 7
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && matches!(&value[5..7], "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12")
        && (b.len() == 7 || b[7] == b'-' || b[7] == b'T');
    ok.then(|| &value[..7])
}

impl Report {
    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Adds one analyzed document.
    pub fn add(&mut self, a: &Analyzed) {
        let doc = &a.doc;
        self.documents += 1;

        // Entities: mentions and spellings now; per-document presence,
        // co-mentions and person tables from the row in `finish`.
        let mut row = DocNames::default();
        let mut slot: HashMap<(&str, &str), usize> = HashMap::default();
        for e in &a.ex.entities {
            let kind = e.kind.as_str();
            let spelling = doc.slice(e.span);
            let i = *slot.entry((kind, e.canonical.as_str())).or_insert_with(|| {
                row.entities.push((kind.to_string(), e.canonical.clone(), 0));
                row.entities.len() - 1
            });
            row.entities[i].2 += 1;
            let spellings = if kind == PERSON {
                self.names.spellings.entry(e.canonical.clone()).or_default()
            } else {
                let stat = self.entities.entry(kind.to_string()).or_default().entry(e.canonical.clone()).or_default();
                stat.mentions += 1;
                &mut stat.spellings
            };
            *spellings.entry(spelling.to_string()).or_insert(0) += 1;
        }
        for (kind, name, _) in &row.entities {
            if kind != PERSON
                && let Some(s) = self.entities.get_mut(kind).and_then(|m| m.get_mut(name))
            {
                s.documents += 1;
            }
        }

        // Quotes: per-document speaker counts, and sample quotes split at
        // the first document naming the speaker as a person entity.
        self.seen.update(&self.names.docs);
        for (kind, name, _) in &row.entities {
            if kind == PERSON && !self.seen.names.contains(name) {
                self.seen.names.insert(name.clone());
            }
        }
        let mut speakers: BTreeMap<&str, u64> = BTreeMap::new();
        for q in &a.ex.quotes {
            match &q.speaker {
                Some(sp) => {
                    *speakers.entry(sp).or_insert(0) += 1;
                    let cand = Sample {
                        text: doc.slice(q.span).to_string(),
                        kind: q.kind.as_str().into(),
                        id: doc.id.clone(),
                    };
                    let split = self.names.samples.entry(sp.clone()).or_default();
                    let side = if self.seen.names.contains(sp) { &mut split.after } else { &mut split.before };
                    *side = better_sample(side.take(), Some(cand));
                }
                None if q.kind != crate::extract::QuoteKind::Scare => self.unattributed_quotes += 1,
                None => {}
            }
        }
        row.speakers = speakers.into_iter().map(|(s, n)| (s.to_string(), n)).collect();
        if !row.entities.is_empty() || !row.speakers.is_empty() {
            self.names.docs.push(row);
        }
        self.seen.covered = self.names.docs.len();

        // Timelines.
        match doc.date {
            Some(d) => *self.published.entry(d.format("%Y-%m").to_string()).or_insert(0) += 1,
            None => self.undated += 1,
        }
        for d in &a.ex.dates {
            if matches!(d.kind, crate::extract::TimexType::Date | crate::extract::TimexType::Time)
                && let Some(m) = month_of(&d.value)
            {
                *self.mentioned.entry(m.to_string()).or_insert(0) += 1;
            }
        }

        // Figures.
        let mut groups_here: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
        for f in &a.ex.figures {
            let (unit, object) = (f.unit.as_deref().unwrap_or(""), f.object.as_deref().unwrap_or(""));
            let stat = self
                .figures
                .entry(f.kind.as_str().into())
                .or_default()
                .entry(unit.into())
                .or_default()
                .entry(object.into())
                .or_default();
            stat.count += 1;
            stat.total_milli = add_total(stat.total_milli, to_milli(f.value));
            groups_here.insert((f.kind.as_str(), unit, object));
        }
        for (k, u, o) in groups_here {
            if let Some(s) = self.figures.get_mut(k).and_then(|m| m.get_mut(u)).and_then(|m| m.get_mut(o)) {
                s.documents += 1;
            }
        }

        if let Some(sig) = minhash::signature(&doc.text) {
            self.fingerprints.push(Fingerprint { id: doc.id.clone(), minhash: minhash::to_hex(&sig) });
        }
    }

    /// Counts a failed input.
    pub fn add_error(&mut self, _e: &ErrorRecord) {
        self.errors += 1;
    }

    /// Puts the report in its canonical form: fingerprints sorted, and the
    /// name-dependent tables (person entities, co-mentions, speakers)
    /// computed over names resolved across documents. Call it once all
    /// documents are added; [`Report::merge`] calls it itself.
    pub fn finish(&mut self) {
        self.fingerprints.sort();
        let aliases = Aliases::from_names(self.person_names());
        let mut persons: BTreeMap<String, EntityStat> = BTreeMap::new();
        for (name, spellings) in &self.names.spellings {
            let stat = persons.entry(aliases.canonical(name).to_string()).or_default();
            for (sp, n) in spellings {
                *stat.spellings.entry(sp.clone()).or_insert(0) += n;
            }
        }
        self.pairs.clear();
        self.speakers.clear();
        let mut seen: HashSet<&str> = HashSet::default();
        for row in &self.names.docs {
            // The document's entities under resolved names: mentions summed,
            // first mention the earliest of the merged names.
            let mut here: Vec<(EntityRef, u64, usize)> = Vec::with_capacity(row.entities.len());
            let mut slot: HashMap<EntityRef, usize> = HashMap::default();
            for (i, (kind, name, n)) in row.entities.iter().enumerate() {
                let canonical = if kind == PERSON {
                    seen.insert(name);
                    aliases.canonical(name)
                } else {
                    name
                };
                let key = EntityRef { kind: kind.clone(), canonical: canonical.to_string() };
                match slot.get(&key) {
                    Some(&j) => here[j].1 += n,
                    None => {
                        slot.insert(key.clone(), here.len());
                        here.push((key, *n, i));
                    }
                }
            }
            for (key, n, _) in &here {
                if key.kind == PERSON {
                    let stat = persons.entry(key.canonical.clone()).or_default();
                    stat.mentions += n;
                    stat.documents += 1;
                }
            }
            // Co-mentions among the most mentioned entities (then first mentioned).
            here.sort_by(|x, y| y.1.cmp(&x.1).then(x.2.cmp(&y.2)));
            here.truncate(MAX_PAIR_ENTITIES);
            for (i, x) in here.iter().enumerate() {
                for y in &here[i + 1..] {
                    let key = if x.0 <= y.0 { (x.0.clone(), y.0.clone()) } else { (y.0.clone(), x.0.clone()) };
                    *self.pairs.entry(key).or_insert(0) += 1;
                }
            }
            // Speakers take the corpus name once it was seen as an entity.
            let mut speakers_here: BTreeSet<&str> = BTreeSet::new();
            for (name, n) in &row.speakers {
                let canonical = if seen.contains(name.as_str()) { aliases.canonical(name) } else { name };
                self.speakers.entry(canonical.to_string()).or_default().quotes += n;
                speakers_here.insert(canonical);
            }
            for sp in speakers_here {
                if let Some(s) = self.speakers.get_mut(sp) {
                    s.documents += 1;
                }
            }
        }
        for (name, split) in &self.names.samples {
            for (sample, canonical) in [(&split.before, name.as_str()), (&split.after, aliases.canonical(name))] {
                if let (Some(sample), Some(stat)) = (sample, self.speakers.get_mut(canonical)) {
                    stat.sample = better_sample(stat.sample.take(), Some(sample.clone()));
                }
            }
        }
        if persons.is_empty() {
            self.entities.remove(PERSON);
        } else {
            self.entities.insert(PERSON.to_string(), persons);
        }
    }

    /// The document-level person names, in the order first seen.
    pub fn person_names(&self) -> Vec<&str> {
        let mut done: HashSet<&str> = HashSet::default();
        let mut out = Vec::new();
        for row in &self.names.docs {
            for (kind, name, _) in &row.entities {
                if kind == PERSON && done.insert(name) {
                    out.push(name.as_str());
                }
            }
        }
        out
    }

    /// Adds another report, of the documents that follow this one's, into
    /// this one. Order matters for person names (the spelling seen first
    /// wins), as it does for one run over both.
    pub fn merge(&mut self, other: Report) {
        self.absorb(other);
        self.finish();
    }

    /// Merges reports in order (as [`Report::merge`], with the tables
    /// computed once at the end).
    pub fn merge_all(parts: impl IntoIterator<Item = Report>) -> Report {
        let mut out = Report::new();
        for p in parts {
            out.absorb(p);
        }
        out.finish();
        out
    }

    fn absorb(&mut self, other: Report) {
        self.documents += other.documents;
        self.errors += other.errors;
        for (kind, names) in other.entities {
            if kind == PERSON {
                continue;
            }
            let mine = self.entities.entry(kind).or_default();
            for (name, s) in names {
                let m = mine.entry(name).or_default();
                m.documents += s.documents;
                m.mentions += s.mentions;
                for (sp, n) in s.spellings {
                    *m.spellings.entry(sp).or_insert(0) += n;
                }
            }
        }
        self.seen.update(&self.names.docs);
        for (name, s) in other.names.samples {
            let m = self.names.samples.entry(name.clone()).or_default();
            if self.seen.names.contains(&name) {
                m.after = better_sample(m.after.take(), better_sample(s.before, s.after));
            } else {
                m.before = better_sample(m.before.take(), s.before);
                m.after = better_sample(m.after.take(), s.after);
            }
        }
        for (name, spellings) in other.names.spellings {
            let m = self.names.spellings.entry(name).or_default();
            for (sp, n) in spellings {
                *m.entry(sp).or_insert(0) += n;
            }
        }
        self.names.docs.extend(other.names.docs);
        self.unattributed_quotes += other.unattributed_quotes;
        for (k, n) in other.published {
            *self.published.entry(k).or_insert(0) += n;
        }
        self.undated += other.undated;
        for (k, n) in other.mentioned {
            *self.mentioned.entry(k).or_insert(0) += n;
        }
        for (kind, units) in other.figures {
            let mk = self.figures.entry(kind).or_default();
            for (unit, objects) in units {
                let mu = mk.entry(unit).or_default();
                for (object, s) in objects {
                    let m = mu.entry(object).or_default();
                    m.count += s.count;
                    m.documents += s.documents;
                    m.total_milli = add_total(m.total_milli, s.total_milli);
                }
            }
        }
        self.fingerprints.extend(other.fingerprints);
    }

    /// Reads a report written by `lede report --json-out`.
    pub fn from_json(s: &str) -> Result<Report, String> {
        let r: Report = serde_json::from_str(s).map_err(|e| format!("not a lede report: {e}"))?;
        if r.schema != REPORT_SCHEMA {
            return Err(format!("unsupported report schema {:?} (expected {REPORT_SCHEMA:?})", r.schema));
        }
        if let Some(f) = r.fingerprints.iter().find(|f| minhash::from_hex(&f.minhash).is_none()) {
            return Err(format!("malformed fingerprint for {:?}", f.id));
        }
        Ok(r)
    }

    /// The `k` entities of one type found in most documents (then most
    /// mentions, then name).
    pub fn top_entities(&self, kind: &str, k: usize) -> Vec<(&str, &EntityStat)> {
        let mut v: Vec<(&str, &EntityStat)> =
            self.entities.get(kind).map(|m| m.iter().map(|(n, s)| (n.as_str(), s)).collect()).unwrap_or_default();
        v.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(b.1.mentions.cmp(&a.1.mentions)).then(a.0.cmp(b.0)));
        v.truncate(k);
        v
    }

    /// The `k` pairs seen together in most documents.
    pub fn top_pairs(&self, k: usize) -> Vec<(&EntityRef, &EntityRef, u64)> {
        let mut v: Vec<(&EntityRef, &EntityRef, u64)> = self.pairs.iter().map(|((a, b), &n)| (a, b, n)).collect();
        v.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| (x.0, x.1).cmp(&(y.0, y.1))));
        v.truncate(k);
        v
    }

    /// The `k` most quoted speakers.
    pub fn top_speakers(&self, k: usize) -> Vec<(&str, &SpeakerStat)> {
        let mut v: Vec<(&str, &SpeakerStat)> = self.speakers.iter().map(|(n, s)| (n.as_str(), s)).collect();
        v.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then(b.1.documents.cmp(&a.1.documents)).then(a.0.cmp(b.0)));
        v.truncate(k);
        v
    }

    /// The `k` figure groups with most figures: `(kind, unit, object, stat)`.
    pub fn top_figures(&self, k: usize) -> Vec<(&str, &str, &str, &FigureStat)> {
        let mut v: Vec<(&str, &str, &str, &FigureStat)> = self
            .figures
            .iter()
            .flat_map(|(kind, units)| {
                units.iter().flat_map(move |(unit, objects)| {
                    objects.iter().map(move |(o, s)| (kind.as_str(), unit.as_str(), o.as_str(), s))
                })
            })
            .collect();
        v.sort_by(|a, b| b.3.count.cmp(&a.3.count).then_with(|| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2))));
        v.truncate(k);
        v
    }

    /// Total of all money figures per currency, largest first.
    pub fn money_totals(&self) -> Vec<(&str, i128, u64)> {
        let mut v: Vec<(&str, i128, u64)> = self
            .figures
            .get("money")
            .map(|units| {
                units
                    .iter()
                    .filter(|(u, _)| !u.is_empty())
                    .map(|(u, objs)| {
                        let t = objs.values().fold(0i128, |acc, s| add_total(acc, s.total_milli));
                        (u.as_str(), t, objs.values().map(|s| s.count).sum())
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        v
    }

    /// Clusters of near-duplicate documents (ids, each cluster sorted;
    /// largest clusters first, then by first id).
    pub fn duplicate_clusters(&self) -> Vec<Vec<&str>> {
        let sigs: Vec<[u32; minhash::HASHES]> =
            self.fingerprints.iter().map(|f| minhash::from_hex(&f.minhash).unwrap_or([0; minhash::HASHES])).collect();
        let mut out: Vec<Vec<&str>> = minhash::clusters(&sigs)
            .into_iter()
            .map(|c| {
                let mut ids: Vec<&str> = c.into_iter().map(|i| self.fingerprints[i].id.as_str()).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ParagraphKind, Span};
    use crate::extract::{Entity, EntityKind, Extractions, Figure, FigureKind, Quote, QuoteKind, TimeExpr, TimexType};

    /// Span of the `n`th occurrence (0-based) of `needle` in the document.
    fn span(doc: &Document, needle: &str, n: usize) -> Span {
        let start = doc.text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("{needle}")).0;
        Span { start, end: start + needle.len() }
    }

    fn ent(doc: &Document, text: &str, kind: EntityKind, canonical: &str) -> Entity {
        Entity { span: span(doc, text, 0), kind, canonical: canonical.into(), country: None }
    }

    fn analyzed(
        id: &str,
        date: Option<(i32, u32, u32)>,
        body: &str,
        build: impl Fn(&Document) -> Extractions,
    ) -> Analyzed {
        let mut doc = Document::from_paragraphs(&[(id, ParagraphKind::Title), (body, ParagraphKind::Body)]);
        doc.id = id.into();
        doc.date = date.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d));
        let ex = build(&doc);
        Analyzed { doc, ex }
    }

    fn sample_docs() -> Vec<Analyzed> {
        vec![
            analyzed(
                "a",
                Some((2022, 6, 30)),
                "Vladimir Putin met Xi Jinping in Moscow. Putin said \"we are friends for ever and ever\" on June 30, 2022.",
                |d| Extractions {
                    entities: vec![
                        ent(d, "Vladimir Putin", EntityKind::Person, "Vladimir Putin"),
                        ent(d, "Xi Jinping", EntityKind::Person, "Xi Jinping"),
                        ent(d, "Moscow", EntityKind::Loc, "Moscow"),
                        Entity {
                            span: span(d, "Putin", 1),
                            kind: EntityKind::Person,
                            canonical: "Vladimir Putin".into(),
                            country: None,
                        },
                    ],
                    dates: vec![TimeExpr {
                        span: span(d, "June 30, 2022", 0),
                        kind: TimexType::Date,
                        value: "2022-06-30".into(),
                        modifier: None,
                    }],
                    quotes: vec![Quote {
                        span: span(d, "we are friends for ever and ever", 0),
                        kind: QuoteKind::Full,
                        speaker: Some("Vladimir Putin".into()),
                        speaker_span: None,
                        speaker_role: None,
                        verb: Some("said".into()),
                    }],
                    figures: vec![],
                },
            ),
            analyzed(
                "b",
                Some((2022, 7, 2)),
                "Xi Jinping and Vladimir Putin signed a $5 billion deal and a $2 million side deal. \"Good\", someone said.",
                |d| Extractions {
                    entities: vec![
                        ent(d, "Xi Jinping", EntityKind::Person, "Xi Jinping"),
                        ent(d, "Vladimir Putin", EntityKind::Person, "Vladimir Putin"),
                    ],
                    dates: vec![],
                    quotes: vec![Quote {
                        span: span(d, "Good", 0),
                        kind: QuoteKind::Full,
                        speaker: None,
                        speaker_span: None,
                        speaker_role: None,
                        verb: None,
                    }],
                    figures: vec![
                        Figure {
                            span: span(d, "$5 billion", 0),
                            kind: FigureKind::Money,
                            value: 5e9,
                            value_max: None,
                            unit: Some("USD".into()),
                            object: None,
                            qualifier: None,
                            relative_to: None,
                            converted_to: None,
                        },
                        Figure {
                            span: span(d, "$2 million", 0),
                            kind: FigureKind::Money,
                            value: 2e6,
                            value_max: None,
                            unit: Some("USD".into()),
                            object: None,
                            qualifier: None,
                            relative_to: None,
                            converted_to: None,
                        },
                    ],
                },
            ),
            analyzed("c", None, "Nothing much here.", |_| Extractions::default()),
        ]
    }

    fn run(docs: &[Analyzed]) -> Report {
        let mut r = Report::new();
        for d in docs {
            r.add(d);
        }
        r.finish();
        r
    }

    #[test]
    fn counts_entities_pairs_quotes_timelines_figures() {
        let r = run(&sample_docs());
        assert_eq!(r.documents, 3);
        let putin = &r.entities["PERSON"]["Vladimir Putin"];
        assert_eq!((putin.documents, putin.mentions), (2, 3));
        assert_eq!(putin.spellings["Putin"], 1);
        assert_eq!(putin.spellings["Vladimir Putin"], 2);
        let top = r.top_entities("PERSON", 10);
        assert_eq!(top.iter().map(|x| x.0).collect::<Vec<_>>(), ["Vladimir Putin", "Xi Jinping"]);
        let pairs = r.top_pairs(1);
        assert_eq!(
            (pairs[0].0.canonical.as_str(), pairs[0].1.canonical.as_str(), pairs[0].2),
            ("Vladimir Putin", "Xi Jinping", 2)
        );
        assert_eq!(r.pairs.len(), 3);
        assert_eq!(r.speakers["Vladimir Putin"].quotes, 1);
        assert_eq!(r.speakers["Vladimir Putin"].sample.as_ref().unwrap().text, "we are friends for ever and ever");
        assert_eq!(r.unattributed_quotes, 1);
        assert_eq!(r.published, BTreeMap::from([("2022-06".into(), 1), ("2022-07".into(), 1)]));
        assert_eq!(r.undated, 1);
        assert_eq!(r.mentioned, BTreeMap::from([("2022-06".into(), 1)]));
        let usd = &r.figures["money"]["USD"][""];
        assert_eq!((usd.count, usd.documents, usd.total()), (2, 1, 5_002_000_000.0));
        assert_eq!(r.money_totals(), vec![("USD", 5_002_000_000_000, 2)]);
    }

    #[test]
    fn merge_equals_one_run() {
        let docs = sample_docs();
        let whole = run(&docs);
        for split in 0..=docs.len() {
            let (x, y) = docs.split_at(split);
            let mut ab = run(x);
            ab.merge(run(y));
            assert_eq!(ab, whole, "split {split}");
            let (x1, x2) = x.split_at(split / 2);
            assert_eq!(Report::merge_all([run(x1), run(x2), run(y)]), whole, "split {split}");
        }
        let json = serde_json::to_string(&whole).unwrap();
        assert_eq!(Report::from_json(&json).unwrap(), whole);
    }

    /// The table layout with content in every section (the CLI snapshot on
    /// the seeds is mostly empty until the extractors land).
    #[test]
    fn table_with_content() {
        let t = table::render(&run(&sample_docs()));
        for l in t.lines() {
            assert!(l.chars().count() <= table::WIDTH, "{l}");
        }
        insta::assert_snapshot!("synthetic_table", t);
    }

    #[test]
    fn month_of_accepts_only_calendar_months() {
        assert_eq!(month_of("2022-06-30"), Some("2022-06"));
        assert_eq!(month_of("2022-06"), Some("2022-06"));
        assert_eq!(month_of("2022-06-30T10:00"), Some("2022-06"));
        assert_eq!(month_of("2022-W26"), None);
        assert_eq!(month_of("2022-13"), None);
        assert_eq!(month_of("XXXX-02-24"), None);
        assert_eq!(month_of("2022"), None);
    }

    #[test]
    fn pairs_are_capped_per_document() {
        let names: Vec<String> = (0..200).map(|i| format!("Name{i:03}")).collect();
        let body = names.join(" ");
        let a = analyzed("big", None, &body, |d| Extractions {
            entities: names.iter().map(|n| ent(d, n, EntityKind::Org, n)).collect(),
            ..Default::default()
        });
        let r = run(&[a]);
        assert_eq!(r.pairs.len(), MAX_PAIR_ENTITIES * (MAX_PAIR_ENTITIES - 1) / 2);
        assert_eq!(r.entities["ORG"].len(), 200);
    }

    #[test]
    fn sample_choice_ignores_order() {
        let s = |t: &str, id: &str| Some(Sample { text: t.into(), kind: "full".into(), id: id.into() });
        let a = better_sample(s("short", "1"), s(&"long ".repeat(20), "2"));
        let b = better_sample(s(&"long ".repeat(20), "2"), s("short", "1"));
        assert_eq!(a, b);
        assert_eq!(a.unwrap().id, "2");
    }

    #[test]
    fn rejects_foreign_json() {
        assert!(Report::from_json("{}").is_err());
        let mut r = Report::new();
        r.schema = "other/9".into();
        assert!(Report::from_json(&serde_json::to_string(&r).unwrap()).unwrap_err().contains("schema"));
    }
}
