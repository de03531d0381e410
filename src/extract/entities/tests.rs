use super::*;
use crate::document::{Document, ParagraphKind};

fn ents(doc: &Document) -> Vec<(String, EntityKind, String, Option<String>)> {
    extract(doc).into_iter().map(|e| (doc.slice(e.span).to_string(), e.kind, e.canonical, e.country)).collect()
}

#[test]
fn persons_titles_and_canonicals() {
    let doc = Document::from_paragraphs(&[(
        "Russian President Vladimir Putin spoke in Madrid. Mr Putin’s aides said NATO was wrong.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    assert!(
        e.contains(&("Russian".into(), EntityKind::Norp, "Russian".into(), Some("RU".into())))
            || e.iter().any(|x| x.0 == "Russian" && x.1 == EntityKind::Norp),
        "{e:?}"
    );
    assert!(e.iter().any(|x| x.0 == "Vladimir Putin" && x.1 == EntityKind::Person), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Putin" && x.2 == "Vladimir Putin" && x.1 == EntityKind::Person), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Madrid" && x.1 == EntityKind::Loc && x.3.as_deref() == Some("ES")), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "NATO" && x.1 == EntityKind::Org), "{e:?}");
}
