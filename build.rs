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
    // Each file read into the field it fills, by name.
    let places = read("entities/places.tsv");
    let places_extra = read("entities/places_extra.tsv");
    let given = read("entities/given_names.txt");
    let given_extra = read("entities/given_names_extra.txt");
    let demonyms = read("entities/demonyms.tsv");
    let org_names = read("entities/org_names.txt");
    let misc_names = read("entities/misc_names.txt");
    let stopwords = read("stopwords_en.txt");
    let not_names = read("entities/not_names.txt");
    let titles = read("entities/titles.txt");
    let org_heads = read("entities/org_heads.txt");
    let misc_heads = read("entities/misc_heads.txt");
    let loc_heads = read("entities/loc_heads.txt");
    let common = read("entities/common_words.txt");
    let deny = read("entities/denylist.txt");
    let people = read("entities/people.txt");
    let sources = word_table::Sources {
        places: &places,
        places_extra: &places_extra,
        given: &given,
        given_extra: &given_extra,
        demonyms: &demonyms,
        org_names: &org_names,
        misc_names: &misc_names,
        stopwords: &stopwords,
        not_names: &not_names,
        titles: &titles,
        org_heads: &org_heads,
        misc_heads: &misc_heads,
        loc_heads: &loc_heads,
        common: &common,
        deny: &deny,
        people: &people,
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
