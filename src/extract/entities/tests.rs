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

#[test]
fn acronym_and_expansion_are_one_entity() {
    let doc = Document::from_paragraphs(&[(
        "The International Monetary Fund (IMF) said on Monday it would lend more. The IMF also warned of risks.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    let imf: Vec<_> = e.iter().filter(|x| x.0 == "IMF").collect();
    assert_eq!(imf.len(), 2, "{e:?}");
    assert!(imf.iter().all(|x| x.1 == EntityKind::Org && x.2 == "International Monetary Fund"), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "International Monetary Fund" && x.1 == EntityKind::Org), "{e:?}");
}

#[test]
fn organization_and_title_before_a_person_are_cut_off() {
    let doc = Document::from_paragraphs(&[(
        "Russian Defense Ministry spokesman Igor Konashenkov said the strikes hit Kharkiv Oblast.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    assert!(e.iter().any(|x| x.0 == "Igor Konashenkov" && x.1 == EntityKind::Person), "{e:?}");
    assert!(!e.iter().any(|x| x.0.contains("spokesman")), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Kharkiv Oblast" && x.1 == EntityKind::Loc), "{e:?}");
}

#[test]
fn honorifics_and_possessives_are_excluded() {
    let doc = Document::from_paragraphs(&[(
        "President Volodymyr Zelensky’s office said Mr Zelensky was safe.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    assert!(e.iter().any(|x| x.0 == "Volodymyr Zelensky" && x.1 == EntityKind::Person), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Zelensky" && x.2 == "Volodymyr Zelensky"), "{e:?}");
    assert!(!e.iter().any(|x| x.0.contains("President") || x.0.contains("Mr") || x.0.contains('’')), "{e:?}");
}

#[test]
fn spelling_variants_share_one_canonical_across_documents() {
    let mut index = NameIndex::default();
    let mut seen = Vec::new();
    for text in [
        "Volodymyr Zelensky spoke in Kyiv.",
        "Volodymyr Zelenskyy spoke in Kyiv.",
        "Volodymyr Zelenski spoke in Kyiv.",
        "Volodimir Zelensky spoke in Kyiv.",
    ] {
        let doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
        let mut e = extract(&doc);
        index.resolve(&mut e, &mut []);
        seen.extend(e.into_iter().filter(|x| x.kind == EntityKind::Person).map(|x| x.canonical));
    }
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert!(seen.iter().all(|c| c == "Volodymyr Zelensky"), "{seen:?}");
}

#[test]
fn products_are_misc() {
    let doc = Document::from_paragraphs(&[("Britain supplied Storm Shadow missiles to Ukraine.", ParagraphKind::Body)]);
    let e = ents(&doc);
    assert!(e.iter().any(|x| x.0 == "Storm Shadow" && x.1 == EntityKind::Misc), "{e:?}");
}

#[test]
fn title_case_headline_words_are_not_names() {
    let doc = Document::from_paragraphs(&[
        ("Escalating Drone Attacks Hit Ukraine as Talks Stall", ParagraphKind::Body),
        ("Russian drones struck Kyiv overnight, officials in Ukraine said.", ParagraphKind::Body),
    ]);
    let e = ents(&doc);
    assert!(!e.iter().any(|x| x.0.contains("Escalating") || x.0.contains("Talks")), "{e:?}");
    assert!(e.iter().filter(|x| x.0 == "Ukraine" && x.1 == EntityKind::Loc).count() == 2, "{e:?}");
}

#[test]
fn boilerplate_lines_are_not_names() {
    let doc = Document::from_paragraphs(&[
        ("Advertisement", ParagraphKind::Body),
        ("Subscribe to our newsletter. Share this article. Read more.", ParagraphKind::Body),
    ]);
    let e = ents(&doc);
    assert!(e.is_empty(), "{e:?}");
}

fn body(text: &str) -> Vec<(String, EntityKind, String, Option<String>)> {
    ents(&Document::from_paragraphs(&[(text, ParagraphKind::Body)]))
}

fn kind_of(e: &[(String, EntityKind, String, Option<String>)], text: &str) -> Vec<EntityKind> {
    e.iter().filter(|x| x.0 == text).map(|x| x.1).collect()
}

#[test]
fn initials_and_abbreviations_with_periods_stay_in_the_name() {
    let e = body("Surrey made 372 with J. Ratcliffe scoring 91 and A. Smith 40, before rain in St. Petersburg.");
    assert_eq!(kind_of(&e, "J. Ratcliffe"), [EntityKind::Person], "{e:?}");
    assert_eq!(kind_of(&e, "A. Smith"), [EntityKind::Person], "{e:?}");
    assert_eq!(kind_of(&e, "St. Petersburg"), [EntityKind::Loc], "{e:?}");
}

#[test]
fn name_made_adjective_is_not_part_of_the_next_name() {
    let e = body("The deal with Ontario-based Corvexa Corp was signed by Kremlin-backed officials.");
    assert_eq!(kind_of(&e, "Corvexa Corp"), [EntityKind::Org], "{e:?}");
    assert!(e.iter().all(|x| !x.0.contains("-based") && !x.0.contains("-backed")), "{e:?}");
}

#[test]
fn an_unknown_name_takes_the_type_its_contexts_give_in_the_whole_document() {
    let e = body(
        "Troops took Zarvoda on Monday. Fighting went on near Zarvoda. Zarvoda is now empty, and the village of Qelmark fell too. The Dravetsk region is calm.",
    );
    assert_eq!(kind_of(&e, "Dravetsk"), [EntityKind::Loc], "{e:?}");
    assert_eq!(kind_of(&e, "Zarvoda"), [EntityKind::Loc; 3], "{e:?}");
    assert_eq!(kind_of(&e, "Qelmark"), [EntityKind::Loc], "{e:?}");
}

#[test]
fn a_town_name_that_decides_is_a_person_in_every_mention() {
    // "Dole" is a French town in the gazetteer.
    let e = body("The Dole campaign wrote on Friday. Dole decided on a running mate, and Dole 's team agreed.");
    assert_eq!(kind_of(&e, "Dole"), [EntityKind::Person; 3], "{e:?}");
}

#[test]
fn sentence_openers_and_contractions_are_not_names() {
    let e = body(
        "Christopher Cavoli spoke. Echoing Cavoli, officials agreed. They’re sure. Regarding Ukraine, nothing changed.",
    );
    assert_eq!(kind_of(&e, "Cavoli"), [EntityKind::Person], "{e:?}");
    assert_eq!(e.iter().find(|x| x.0 == "Cavoli").map(|x| x.2.as_str()), Some("Christopher Cavoli"), "{e:?}");
    assert_eq!(kind_of(&e, "Ukraine"), [EntityKind::Loc], "{e:?}");
    assert!(
        e.iter().all(|x| !x.0.starts_with("Echoing") && !x.0.starts_with("They") && !x.0.starts_with("Regarding")),
        "{e:?}"
    );
}

#[test]
fn a_name_with_a_year_is_an_event() {
    let e = body(
        "The drills, called Eagle Assault 2024, began in Brest. In 2024 the CEO resigned. A pipeline known as Siberian Force 2. Yun Sun noted it.",
    );
    assert_eq!(kind_of(&e, "Eagle Assault 2024"), [EntityKind::Misc], "{e:?}");
    assert_eq!(kind_of(&e, "Siberian Force 2"), [EntityKind::Misc], "{e:?}");
    assert_eq!(kind_of(&e, "Yun Sun"), [EntityKind::Person], "{e:?}");
    assert!(e.iter().all(|x| x.0 != "CEO"), "{e:?}");
}

#[test]
fn and_joins_a_name_ending_in_a_head_and_place_pairs_are_not_names() {
    let e = body("Progress since the expansion of China’s Belt and Road Initiative along the Russia-Ukraine border.");
    assert_eq!(kind_of(&e, "Belt and Road Initiative"), [EntityKind::Misc], "{e:?}");
    assert!(e.iter().all(|x| x.0 != "Russia-Ukraine"), "{e:?}");
}

#[test]
fn a_surname_resolves_to_a_full_name_without_a_known_given_name() {
    let e = body("Estonian official Jonatan Vseviov spoke. “This is a trap,” Vseviov warned.");
    let v: Vec<_> = e.iter().filter(|x| x.0 == "Vseviov").collect();
    assert_eq!(v.len(), 1, "{e:?}");
    assert_eq!((v[0].1, v[0].2.as_str()), (EntityKind::Person, "Jonatan Vseviov"), "{e:?}");
}

#[test]
fn a_sentence_opener_before_a_group_word_is_dropped_and_events_keep_their_type_without_the_year() {
    let e = body(
        "Additional Ukrainian drones were seen. The drills, Eagle Assault 2024, went on. Eagle Assault ended Friday.",
    );
    assert_eq!(kind_of(&e, "Ukrainian"), [EntityKind::Norp], "{e:?}");
    assert_eq!(kind_of(&e, "Eagle Assault"), [EntityKind::Misc], "{e:?}");
    assert_eq!(e.iter().find(|x| x.0 == "Eagle Assault").map(|x| x.2.as_str()), Some("Eagle Assault 2024"), "{e:?}");
}

#[test]
fn lexicon_names_with_of_possessive_places_and_world_figures() {
    let e = body(
        "The army left Serpents’ Island. In an interview with Voice of America, Pentagon Press Secretary Pat Ryder spoke of a second Trump presidency and the Power of Siberia 2 pipeline.",
    );
    assert_eq!(kind_of(&e, "Serpents’ Island"), [EntityKind::Loc], "{e:?}");
    assert_eq!(kind_of(&e, "Voice of America"), [EntityKind::Org], "{e:?}");
    assert_eq!(kind_of(&e, "Pentagon"), [EntityKind::Org], "{e:?}");
    assert_eq!(kind_of(&e, "Pat Ryder"), [EntityKind::Person], "{e:?}");
    assert_eq!(kind_of(&e, "Trump"), [EntityKind::Person], "{e:?}");
    // A world figure named by surname only gets the full name as canonical.
    assert_eq!(e.iter().find(|x| x.0 == "Trump").map(|x| x.2.as_str()), Some("Donald Trump"), "{e:?}");
    assert_eq!(kind_of(&e, "Power of Siberia"), [EntityKind::Misc], "{e:?}");
}

#[test]
fn a_lone_first_word_of_one_two_word_name_takes_it_as_canonical() {
    let e = body(
        "Chinese President Xi Jinping arrived. Xi said the talks went well. John Smith and John Doe met. John left.",
    );
    assert_eq!(e.iter().find(|x| x.0 == "Xi").map(|x| x.2.as_str()), Some("Xi Jinping"), "{e:?}");
    // Two names open with "John": no guess.
    assert_eq!(e.iter().find(|x| x.0 == "John").map(|x| x.2.as_str()), Some("John"), "{e:?}");
}

#[test]
fn a_capital_that_speaks_is_its_government_and_world_figures_beat_towns() {
    let e = body("Moscow said the talks failed. Kyiv insisted on more aid. Obama thanked them.");
    assert_eq!(kind_of(&e, "Moscow"), [EntityKind::Loc], "{e:?}");
    assert_eq!(kind_of(&e, "Kyiv"), [EntityKind::Loc], "{e:?}");
    assert_eq!(kind_of(&e, "Obama"), [EntityKind::Person], "{e:?}");
}

#[test]
fn country_aliases_share_one_canonical_and_a_headed_full_name_of_a_lone_person_is_a_person() {
    let e = body(
        "The U.S. and America agreed with Britain. US singer Doris Day died on Monday. Day said she was happy. Fans described Day as kind.",
    );
    let canon = |t: &str| e.iter().find(|x| x.0 == t).map(|x| x.2.clone());
    assert_eq!(canon("U.S."), Some("United States".into()), "{e:?}");
    assert_eq!(canon("America"), Some("United States".into()), "{e:?}");
    assert_eq!(canon("Britain"), Some("United Kingdom".into()), "{e:?}");
    assert_eq!(kind_of(&e, "Doris Day"), [EntityKind::Person], "{e:?}");
    assert_eq!(canon("Day"), Some("Doris Day".into()), "{e:?}");
}

/// An abbreviated title ("Mr.", its period a token of its own) makes a
/// town's name a surname, also where the capital is not evidence.
#[test]
fn abbreviated_title_before_a_town_name_is_a_person() {
    for text in ["“Go away,” Mr. Burton fumed.", "The meeting ended when Mr. Burton fumed."] {
        let doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
        let e = ents(&doc);
        assert!(e.iter().any(|x| x.0 == "Burton" && x.1 == EntityKind::Person), "{text}: {e:?}");
    }
    let doc = Document::from_paragraphs(&[("The plant in Burton closed.", ParagraphKind::Body)]);
    assert!(ents(&doc).iter().any(|x| x.0 == "Burton" && x.1 == EntityKind::Loc));
}

/// A name ending in a world figure's surname is a person whatever its
/// first word; an unknown word between "the" and a title names nothing.
#[test]
fn known_surname_ends_a_person_and_a_title_modifier_is_no_name() {
    let doc = Document::from_paragraphs(&[(
        "Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of mourning.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    assert!(e.iter().any(|x| x.0 == "Sayyid Ali Hosseini Khamenei" && x.1 == EntityKind::Person), "{e:?}");
    assert!(!e.iter().any(|x| x.0 == "Supreme"), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Iran" && x.1 == EntityKind::Loc), "{e:?}");
}

/// An editor's bracket inside a name: both parts refer to one person.
#[test]
fn a_bracket_inside_a_name_keeps_one_canonical() {
    let doc = Document::from_paragraphs(&[(
        "“By the choice of [Russian President Vladimir] Putin, we are entering a long war,” he said.",
        ParagraphKind::Body,
    )]);
    let e = ents(&doc);
    assert!(e.iter().any(|x| x.0 == "Vladimir" && x.1 == EntityKind::Person && x.2 == "Vladimir Putin"), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Putin" && x.2 == "Vladimir Putin"), "{e:?}");
}

#[test]
fn a_surname_in_a_headline_takes_the_full_name_given_below() {
    let doc = Document::from_paragraphs(&[
        ("Halvorsen Unveils Bold New Strategy for Aid", ParagraphKind::Title),
        ("Secretary-General Ingrid Halvorsen said on Monday that she would act.", ParagraphKind::Body),
        ("President Halvorsen is set to brief ministers.", ParagraphKind::Body),
    ]);
    let e = ents(&doc);
    assert!(e.iter().filter(|x| x.0 == "Halvorsen").all(|x| x.2 == "Ingrid Halvorsen"), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Halvorsen" && x.1 == EntityKind::Person && x.2 == "Ingrid Halvorsen"), "{e:?}");
}

#[test]
fn a_name_of_common_words_is_no_person() {
    let e = body("Several Member States have announced new deliveries, the ministers said.");
    assert!(e.iter().all(|x| x.1 != EntityKind::Person), "{e:?}");
}

#[test]
fn an_acronym_in_brackets_after_a_word_is_a_name() {
    let e = body("The pact signed with the United Kingdom (AUKUS) will equip it with submarines.");
    assert!(e.iter().any(|x| x.0 == "AUKUS" && x.1 == EntityKind::Org), "{e:?}");
    // An acronym spelled by the common words before it names no one.
    let e = body("Output shrank, the gross domestic product (GDP) figures showed.");
    assert!(!e.iter().any(|x| x.0 == "GDP"), "{e:?}");
}

#[test]
fn a_known_one_word_company_opening_a_quotation_is_named() {
    let e = body("Officials freed 95 “Azovstal defenders” and 12 “Naftogaz workers” on Friday.");
    assert!(e.iter().any(|x| x.0 == "Azovstal" && x.1 == EntityKind::Org), "{e:?}");
    assert!(e.iter().any(|x| x.0 == "Naftogaz" && x.1 == EntityKind::Org), "{e:?}");
}

/// The stack-built key and a mention's keys equal [`Ctx::key`] over every
/// token range, whatever the spacing, script or length (the last text
/// overflows the buffer).
#[test]
fn with_key_equals_key() {
    let long = "Word ".repeat(20);
    for text in ["St. Petersburg and  New\tYork", "Zürich ΟΔΥΣΣΕΥΣ Athens", long.as_str()] {
        let doc = Document::from_paragraphs(&[(text, ParagraphKind::Body)]);
        let cx = Ctx { doc: &doc, lower_seen: scan_words(&doc).0, sporty: false, cap: Vec::new(), facts: Vec::new() };
        let n = doc.tokens.len();
        assert!(n >= 3, "{text}");
        for a in 0..n {
            for b in a..=n {
                assert_eq!(cx.with_key(a, b, str::to_string), cx.key(a, b), "{text} [{a}, {b})");
                if a < b {
                    let mut keys = String::new();
                    let n = &cx.names([(a, b)], &mut keys)[0];
                    assert_eq!(n.key, cx.key(a, b), "{text} [{a}, {b})");
                    assert_eq!((n.first(), n.last()), (&*cx.key(a, a + 1), &*cx.key(b - 1, b)), "{text} [{a}, {b})");
                }
            }
        }
    }
}

/// Short and long words, words that differ only in length or in a byte,
/// and the empty word are told apart.
#[test]
fn word_set_holds_exactly_its_words() {
    let words = [
        "a",
        "a\0",
        "ab",
        "ba",
        "",
        "seven77",
        "eight888",
        "eight889",
        "fifteen15151515",
        "fifteen15151516",
        "sixteen161616161",
        "sixteen161616162",
        "zürich",
        "zürich-zürich",
    ];
    let mut set = WordSet::default();
    for w in words.iter().step_by(2) {
        set.insert(w);
    }
    for (i, w) in words.iter().enumerate() {
        assert_eq!(set.contains(w), i % 2 == 0, "{w:?}");
    }
    assert_ne!(pack(b"a"), pack(b"a\0"));
    // Added by span, the same words are held, and only they.
    let text = words.join(" ");
    let doc = Document::from_paragraphs(&[(text.as_str(), ParagraphKind::Body)]);
    let mut by_span = WordSet::default();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if i % 2 == 0 {
            by_span.insert_span(&doc, Span::new(start, start + w.len()));
        }
        start += w.len() + 1;
    }
    for (i, w) in words.iter().enumerate() {
        assert_eq!(by_span.contains(w), i % 2 == 0, "{w:?}");
    }
    assert_eq!(pack(b"sixteen161616161"), None);
}

/// The overlapping loads pack a word as reading it byte by byte does.
#[test]
fn pack_reads_every_byte_in_place() {
    let words =
        ["", "a", "ab", "abc", "abcd", "abcde", "zürich", "abcdefg", "\u{7f}\0x", "abcdefgh", "fifteen15151515"];
    for w in words {
        let bytewise = w.bytes().enumerate().fold((w.len() as u128) << 120, |k, (i, c)| k | u128::from(c) << (8 * i));
        assert_eq!(pack(w.as_bytes()), Some(bytewise), "{w:?}");
    }
}

proptest::proptest! {
    /// A word lower-cased in its packed key is the packed lower-cased word,
    /// for every ASCII character; other text is not packed lower-cased. And
    /// the look-ups that lower-case within the key answer as the look-ups
    /// of the lower-cased word.
    #[test]
    fn lower_casing_in_the_key_is_lower_casing_the_word(w in "([\\x00-\\x7f]{0,17}|[A-Za-z ]{0,17}|\\PC{0,6})") {
        let ascii = w.is_ascii();
        let lowered = w.to_lowercase();
        proptest::prop_assert_eq!(lexicon::pack_lower(w.as_bytes()), pack(lowered.as_bytes()).filter(|_| ascii));
        proptest::prop_assert_eq!(LEX.word_lowered(&w), LEX.word(&lowered));
    }

    /// [`Ctx::seen_lower`] answers for every token, capitalized or not and
    /// whether its filter holds it or not, whether a word token starting
    /// in lower case is the token lower-cased.
    #[test]
    fn seen_lower_is_a_lower_case_word_equal_to_the_token_lowered(
        text in "([A-Za-z]{1,3}|[Tt]he|[Aa]nd|[Oo]f|[Ll]a|[Mm]ay|[Zz]ürich|ZÜRICH|[Ll]ongwordlongword|[ .,\n]){0,40}"
    ) {
        let doc = Document::from_paragraphs(&[(text.as_str(), ParagraphKind::Body)]);
        let (lower_seen, _, facts) = scan_words(&doc);
        let cx = Ctx { doc: &doc, lower_seen, sporty: false, cap: Vec::new(), facts };
        for i in 0..doc.tokens.len() {
            let lowered = cx.word(i).to_lowercase();
            let seen = doc
                .tokens
                .iter()
                .any(|t| t.kind == TokenKind::Word && t.shape.has(Shape::LOWER_FIRST) && doc.slice(t.span) == lowered);
            proptest::prop_assert_eq!(cx.seen_lower(i), seen, "{:?}", cx.word(i));
        }
    }
}

/// Lexicon words are found from their capitalized and shouted spellings.
#[test]
fn capitalized_words_find_their_lexicon_entries() {
    for (w, flag) in
        [("Putin", Word::SURNAME), ("PRESIDENT", Word::TITLE), ("Kyiv", Word::PLACE), ("Zürich", Word::PLACE)]
    {
        assert!(LEX.word_lowered(w).has(flag), "{w}");
    }
}

proptest::proptest! {
    /// [`Ctx::names`] gives every range of tokens the key and surface text
    /// that [`Ctx::key`] and [`Ctx::surface`] define, whatever the spacing.
    #[test]
    fn names_are_the_key_and_surface(text in "([A-Za-z]{1,6}|[ .,'’&()\t\r\n-]|  |\u{a0}|\\PC){0,30}") {
        let doc = Document::from_paragraphs(&[(text.as_str(), ParagraphKind::Body)]);
        let cx = Ctx {
            doc: &doc,
            lower_seen: scan_words(&doc).0,
            sporty: false,
            cap: vec![Default::default(); doc.tokens.len()],
            facts: vec![Default::default(); doc.tokens.len()],
        };
        let n = doc.tokens.len();
        for a in 0..n {
            for b in a + 1..=n.min(a + 5) {
                let mut keys = String::new();
                let names = cx.names([(a, b)], &mut keys).remove(0);
                proptest::prop_assert_eq!(&names.key, &cx.key(a, b));
                proptest::prop_assert_eq!(names.first(), cx.key(a, a + 1));
                proptest::prop_assert_eq!(names.last(), cx.key(b - 1, b));
                proptest::prop_assert_eq!(names.surface.into_owned(), cx.surface(a, b));
            }
        }
    }
}

proptest::proptest! {
    /// [`hash_at`] is [`hash_of`] the span's bytes, whether the text runs
    /// on for eight bytes after its start or not, and so is [`hash_packed`]
    /// of the bytes packed: the filter of asked words and its questions
    /// agree on every word.
    #[test]
    fn every_asked_hash_is_the_hash_of_the_bytes(text in "[a-zA-Z ü]{0,24}", at in 0usize..26, n in 0usize..20) {
        let b = text.as_bytes();
        let start = at.min(b.len());
        let end = (start + n).min(b.len());
        let want = hash_of(&b[start..end]);
        proptest::prop_assert_eq!(hash_at(b, Span::new(start, end)), want);
        if let Some(k) = pack(&b[start..end]) {
            proptest::prop_assert_eq!(hash_packed(k), want);
        }
    }
}
