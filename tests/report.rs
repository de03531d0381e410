//! `lede report`: tables pinned on the seeds, shard reports merge into the
//! whole-corpus report, and the duplicate detector finds reposted stories.

use assert_cmd::Command;
use lede::report::Report;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn lede() -> Command {
    let mut c = Command::cargo_bin("lede").unwrap();
    c.current_dir(root());
    c
}

fn run_ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn report_table_on_the_seeds() {
    let table = run_ok(lede().args(["report", "fixtures", "--format", "table", "-q", "-j", "1"]));
    for l in table.lines() {
        assert!(l.chars().count() <= 100, "line too wide: {l}");
    }
    assert!(table.starts_with("Corpus: 19 documents"), "{table}");
    insta::assert_snapshot!("fixtures_table", table);
}

#[test]
fn report_json_on_the_seeds() {
    let json = run_ok(lede().args(["report", "fixtures", "--format", "json", "-q"]));
    let r = Report::from_json(&json).unwrap();
    assert_eq!(r.documents, 19, "fixture 004 is a page of nine articles; six Wikinews articles");
    assert!(r.fingerprints.len() >= 5, "seeds are long enough to fingerprint");
    assert!(r.duplicate_clusters().is_empty(), "the seeds are distinct stories");
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn merged_shard_reports_equal_one_run_over_both() {
    let dir = tempfile::tempdir().unwrap();
    let (s1, s2) = (dir.path().join("shard1"), dir.path().join("shard2"));
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for (i, p) in seeds.iter().enumerate() {
        let shard = if i % 2 == 0 { &s1 } else { &s2 };
        copy(p, &shard.join(p.file_name().unwrap()));
    }
    // A story reposted in the other shard: the duplicate spans shards.
    copy(&seeds[0], &s2.join("repost.txt"));
    // Records with dates, so the timeline has content.
    std::fs::write(
        s2.join("records.jsonl"),
        "{\"id\":\"r1\",\"date\":\"2019-01-04\",\"title\":\"One\",\"text\":\"A short record about nothing much at all.\"}\n\
         {\"id\":\"r2\",\"date\":\"2019-02-01\",\"title\":\"Two\",\"text\":\"Another short record.\"}\n",
    )
    .unwrap();
    let wiki = Path::new("/work/shared/corpora/wikinews");
    let wiki = if wiki.is_dir() {
        Some(wiki.to_path_buf())
    } else {
        root().join("../shared/corpora/wikinews").canonicalize().ok()
    };
    match wiki {
        Some(w) => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&w).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for (i, p) in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).take(20).enumerate() {
                copy(p, &(if i % 2 == 0 { &s1 } else { &s2 }).join(p.file_name().unwrap()));
            }
        }
        None => eprintln!("wikinews corpus absent: merging fixtures only"),
    }

    let part = |shard: &Path, name: &str| {
        let out = dir.path().join(name);
        let mut c = lede();
        c.args(["report", "-q", "-f", "json", "--json-out"]).arg(&out).arg(shard);
        let printed = run_ok(&mut c);
        assert_eq!(printed, std::fs::read_to_string(&out).unwrap(), "--json-out writes what json prints");
        out
    };
    let (p1, p2) = (part(&s1, "part1.json"), part(&s2, "part2.json"));
    let whole = run_ok(lede().args(["report", "-q", "-f", "json"]).arg(&s1).arg(&s2));
    let merged = run_ok(lede().args(["report", "--merge", "-f", "json"]).arg(&p1).arg(&p2));
    let swapped = run_ok(lede().args(["report", "--merge", "-f", "json"]).arg(&p2).arg(&p1));
    let whole_swapped = run_ok(lede().args(["report", "-q", "-f", "json"]).arg(&s2).arg(&s1));
    assert_eq!(merged, whole);
    assert_eq!(swapped, whole_swapped, "merging in argument order is one run in that order");
    let table_whole = run_ok(lede().args(["report", "-q", "-f", "table"]).arg(&s1).arg(&s2));
    let table_merged = run_ok(lede().args(["report", "--merge", "-f", "table"]).arg(&p1).arg(&p2));
    assert_eq!(table_merged, table_whole);

    let r = Report::from_json(&whole).unwrap();
    assert!(r.published.get("2019-02").is_some_and(|&n| n >= 1), "{:?}", r.published);
    let clusters = r.duplicate_clusters();
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    assert!(clusters[0][1].ends_with("repost.txt"), "{clusters:?}");
}

/// Spelling variants of one person in different documents (and shards) are
/// one row of the report, under the spelling seen first, and the shards
/// analyzed with the merged alias map equal one run, names included.
#[test]
fn variant_spellings_merge_across_documents_and_shards() {
    let dir = tempfile::tempdir().unwrap();
    let (s1, s2) = (dir.path().join("s1"), dir.path().join("s2"));
    std::fs::create_dir_all(&s1).unwrap();
    std::fs::create_dir_all(&s2).unwrap();
    std::fs::write(
        s1.join("a.txt"),
        "Zelenskyy visits Kyiv\n\nUkrainian President Volodymyr Zelenskyy met soldiers in Kyiv on Monday. \
         \"We will win this war together,\" Volodymyr Zelenskyy said. Zelenskyy thanked the troops.\n",
    )
    .unwrap();
    std::fs::write(
        s2.join("b.txt"),
        "Zelensky speaks to parliament\n\nPresident Volodymyr Zelensky addressed the parliament in London on \
         Tuesday. \"Britain has been a true friend to us all,\" Volodymyr Zelensky said. Rishi Sunak welcomed him.\n",
    )
    .unwrap();
    let p1 = dir.path().join("p1.json");
    let p2 = dir.path().join("p2.json");
    let names = dir.path().join("names.json");
    run_ok(lede().args(["report", "-q", "-f", "json", "--json-out"]).arg(&p1).arg(&s1));
    run_ok(lede().args(["report", "-q", "-f", "json", "--json-out"]).arg(&p2).arg(&s2));
    let merged = run_ok(lede().args(["report", "--merge", "-f", "json", "--names-out"]).arg(&names).arg(&p1).arg(&p2));
    let whole = run_ok(lede().args(["report", "-q", "-f", "json"]).arg(&s1).arg(&s2));
    assert_eq!(merged, whole);
    let r = Report::from_json(&whole).unwrap();
    let people = &r.entities["PERSON"];
    assert!(!people.contains_key("Volodymyr Zelensky"), "{:?}", people.keys());
    let z = &people["Volodymyr Zelenskyy"];
    assert_eq!(z.documents, 2);
    assert!(z.spellings.contains_key("Volodymyr Zelensky"), "{:?}", z.spellings);
    let top = r.top_speakers(1);
    assert_eq!((top[0].0, top[0].1.quotes, top[0].1.documents), ("Volodymyr Zelenskyy", 2, 2));

    let names_text = std::fs::read_to_string(&names).unwrap();
    assert!(names_text.contains("\"Volodymyr Zelensky\""), "{names_text}");
    let mut sharded = run_ok(lede().args(["analyze", "-q", "-f", "jsonl", "--names"]).arg(&names).arg(&s1));
    sharded += &run_ok(lede().args(["analyze", "-q", "-f", "jsonl", "--part", "1", "--names"]).arg(&names).arg(&s2));
    let one_run = run_ok(lede().args(["analyze", "-q", "-f", "jsonl"]).arg(&s1).arg(&s2));
    assert_eq!(sharded, one_run);
    assert!(!one_run.contains("\"canonical\":\"Volodymyr Zelensky\""), "{one_run}");
    let alone = run_ok(lede().args(["analyze", "-q", "-f", "jsonl"]).arg(&s2));
    assert!(alone.contains("\"canonical\":\"Volodymyr Zelensky\""), "without the map the shard keeps its own spelling");
}

#[test]
fn merge_rejects_files_that_are_not_reports() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.json");
    std::fs::write(&f, "{\"schema\":\"lede/1\"}").unwrap();
    let out = lede().args(["report", "--merge"]).arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a lede report"));
}

/// The BBC corpus holds 98 stories twice, byte for byte. On a sample made of
/// every duplicated file plus distinct stories, the detector must find
/// exactly the byte-identical pairs. (The articles are copyrighted: they
/// are read at test time and copied only into a temporary folder.)
#[test]
fn duplicate_detector_finds_the_bbc_reposts() {
    let bbc = root().join("../shared/corpora/bbc");
    if !bbc.is_dir() {
        eprintln!("skipping: {} is absent", bbc.display());
        return;
    }
    let mut files = Vec::new();
    for cat in std::fs::read_dir(&bbc).unwrap() {
        let cat = cat.unwrap().path();
        if cat.is_dir() {
            for f in std::fs::read_dir(&cat).unwrap() {
                files.push(f.unwrap().path());
            }
        }
    }
    files.sort();
    let mut by_content: HashMap<Vec<u8>, Vec<&PathBuf>> = HashMap::new();
    for f in &files {
        by_content.entry(std::fs::read(f).unwrap()).or_default().push(f);
    }
    let dup_groups: Vec<&Vec<&PathBuf>> = by_content.values().filter(|v| v.len() > 1).collect();
    assert_eq!(dup_groups.len(), 98, "the corpus README promises 98 duplicated stories");

    let dir = tempfile::tempdir().unwrap();
    let name = |p: &Path| {
        let cat = p.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        format!("{cat}-{}", p.file_name().unwrap().to_string_lossy())
    };
    let mut expected: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut sample: Vec<&PathBuf> = Vec::new();
    for g in &dup_groups {
        sample.extend(g.iter().copied());
        let mut ids: Vec<String> = g.iter().map(|p| dir.path().join(name(p)).display().to_string()).collect();
        ids.sort();
        expected.insert(ids);
    }
    // Distinct stories: every eighth file that has no copy.
    sample.extend(
        by_content
            .values()
            .filter(|v| v.len() == 1)
            .map(|v| v[0])
            .filter(|p| files.iter().position(|f| f == *p).unwrap() % 4 == 0),
    );
    for p in &sample {
        std::fs::copy(p, dir.path().join(name(p))).unwrap();
    }
    let json = run_ok(lede().args(["report", "-q", "-f", "json", "--only", "none"]).arg(dir.path()));
    let r = Report::from_json(&json).unwrap();
    assert_eq!(r.documents as usize, sample.len());
    let found: BTreeSet<Vec<String>> =
        r.duplicate_clusters().into_iter().map(|c| c.into_iter().map(str::to_string).collect()).collect();
    let missed: Vec<_> = expected.iter().filter(|g| !found.iter().any(|c| g.iter().all(|id| c.contains(id)))).collect();
    assert!(missed.is_empty(), "missed {} duplicate groups: {missed:?}", missed.len());
    // Beyond byte copies, the corpus has a few stories reposted with light
    // edits (a changed headline, one paragraph more). A cluster member that
    // is not a byte copy must be such a repost: most of its word 5-grams
    // shared with another member. Distinct stories share almost none.
    let mut near = 0;
    for c in &found {
        for pair in c.windows(2) {
            let (a, b) = (std::fs::read_to_string(&pair[0]).unwrap(), std::fs::read_to_string(&pair[1]).unwrap());
            if a != b {
                let j = jaccard(&a, &b);
                assert!(j >= 0.6, "false pair {pair:?}: shingle Jaccard {j:.2}");
                near += 1;
            }
        }
    }
    eprintln!("bbc sample: {} documents, {} clusters, {near} edited reposts", sample.len(), found.len());
}

/// Exact Jaccard similarity of the word 5-gram sets of two texts.
fn jaccard(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> BTreeSet<Vec<String>> {
        let w: Vec<String> =
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        w.windows(5).map(<[String]>::to_vec).collect()
    };
    let (x, y) = (grams(a), grams(b));
    x.intersection(&y).count() as f64 / x.union(&y).count().max(1) as f64
}
