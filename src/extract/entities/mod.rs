//! Named entities: people, organizations, places, groups and other names.
//!
//! (Stub: filled in by the entities work.)

use crate::document::{Document, Span};
use serde::Serialize;

use super::Quote;

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// An organization (companies, ministries, armies, parties, teams).
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, city, region, sea, island, facility.
    #[serde(rename = "LOC")]
    Loc,
    /// A nationality, religious or political group ("Russian", "pro-Russian").
    #[serde(rename = "NORP")]
    Norp,
    /// Other names: events, treaties, operations, products.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
            EntityKind::Misc => "MISC",
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Where the mention is (titles, honorifics and possessives excluded).
    pub span: Span,
    /// Its type.
    pub kind: EntityKind,
    /// The canonical name of the entity this mention refers to.
    pub canonical: String,
    /// ISO 3166-1 alpha-2 country of a place, when known.
    pub country: Option<String>,
}

/// Finds entity mentions in a document.
pub fn extract(_doc: &Document) -> Vec<Entity> {
    Vec::new()
}

/// Corpus-wide index of canonical names (see [`super::Corpus`]).
#[derive(Debug, Default)]
pub struct NameIndex {}

impl NameIndex {
    /// Maps canonicals to the corpus-wide spelling seen first.
    pub fn resolve(&mut self, _entities: &mut [Entity], _quotes: &mut [Quote]) {}
}
