//! Lays out the entity lexicons' word table at compile time (see
//! `src/extract/entities/word_table.rs`, which this includes): the binary
//! then carries the table ready to read, instead of every run building it.

use std::{env, fs, path::Path};

#[path = "src/extract/entities/word_table.rs"]
mod word_table;

fn main() {
    let root = env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = Path::new(&root).join("data");
    let read = |name: &str| {
        let path = data.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    println!("cargo::rerun-if-changed=src/extract/entities/word_table.rs");
    let texts: Vec<String> = [
        "entities/places.tsv",
        "entities/places_extra.tsv",
        "entities/given_names.txt",
        "entities/given_names_extra.txt",
        "entities/demonyms.tsv",
        "entities/org_names.txt",
        "entities/misc_names.txt",
        "stopwords_en.txt",
        "entities/not_names.txt",
        "entities/titles.txt",
        "entities/org_heads.txt",
        "entities/misc_heads.txt",
        "entities/loc_heads.txt",
        "entities/common_words.txt",
        "entities/denylist.txt",
        "entities/people.txt",
    ]
    .into_iter()
    .map(read)
    .collect();
    let t = |i: usize| texts[i].as_str();
    let sources = word_table::Sources {
        places: t(0),
        places_extra: t(1),
        given: t(2),
        given_extra: t(3),
        demonyms: t(4),
        org_names: t(5),
        misc_names: t(6),
        stopwords: t(7),
        not_names: t(8),
        titles: t(9),
        org_heads: t(10),
        misc_heads: t(11),
        loc_heads: t(12),
        common: t(13),
        deny: t(14),
        people: t(15),
    };
    let a = word_table::assemble(&sources);
    let l = word_table::layout(&a.keys);
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for (name, bytes) in
        [("packed.bin", &l.packed), ("spelled_slots.bin", &l.spelled_slots), ("spelled_text.bin", &l.spelled_text)]
    {
        fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    }
    let mut rs = String::new();
    rs += &format!("/// `bits` of the packed table (buckets).\nconst PACKED_BITS: u32 = {};\n", l.packed_bits);
    rs += &format!("/// `bits` of the spelled table.\nconst SPELLED_BITS: u32 = {};\n", l.spelled_bits);
    rs += &format!("/// Longest place name in words.\nconst PLACE_MAX_TOKENS: usize = {};\n", a.place_max_tokens);
    rs += &format!(
        "/// The country codes entries name, by index.\nstatic COUNTRIES: [&str; {}] = {:?};\n",
        a.countries.len(),
        a.countries
    );
    rs += &format!(
        "/// ISO code → the country's gazetteer name.\nstatic COUNTRY_NAMES: [(&str, &str); {}] = {:?};\n",
        a.country_names.len(),
        a.country_names
    );
    fs::write(out.join("word_table.rs"), rs).expect("OUT_DIR is writable");
}
