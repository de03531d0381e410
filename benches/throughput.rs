//! Throughput of each stage and of the whole pipeline, with divan.
//!
//! ```text
//! cargo bench --bench throughput                 # every stage
//! cargo bench --bench throughput -- entities     # one stage (name filter)
//! LEDE_BENCH_CORPUS=/some/dir cargo bench --bench throughput
//! ```
//!
//! The corpus is `../shared/corpora/bbc` when it is there and the fixtures
//! otherwise (a fresh clone has no `../shared`; the run says which it used).
//! Every `*.txt` file is read into memory first, so disk speed does not
//! count, and each benchmark processes the whole corpus once per
//! iteration: divan's `bytes/s` column is corpus throughput and `item/s`
//! is documents per second. The pipeline rows run `-j1` and `-j2` over the
//! files on disk, output excluded; compare them within one run, because
//! these 2-core machines are shared and noisy.
//!
//! `examples/bench.rs` prints the same stages as one table with CPU time
//! (MB per CPU-second), which is the figure the README quotes.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use lede::document::Document;
use lede::extract::{self, Selection};
use lede::input::{Item, WalkOptions, Walker};
use lede::pipeline::{self, Config, Outcome};
use std::path::PathBuf;
use std::sync::LazyLock;

mod common;

/// The same allocator as the `lede` binary.
#[global_allocator]
static GLOBAL: lede::alloc::Mimalloc = lede::alloc::Mimalloc;

fn main() {
    common::setup();
    eprintln!("corpus: {} ({} files, {:.2} MB)", CORPUS.dir.display(), CORPUS.raw.len(), CORPUS.bytes as f64 / 1e6);
    divan::main();
}

struct Corpus {
    dir: PathBuf,
    files: Vec<PathBuf>,
    raw: Vec<String>,
    docs: Vec<Document>,
    bytes: usize,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("LEDE_BENCH_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => {
            let bbc = root.join("../shared/corpora/bbc");
            if bbc.is_dir() {
                bbc
            } else {
                eprintln!("../shared/corpora/bbc not found: benchmarking fixtures/ instead");
                root.join("fixtures")
            }
        }
    };
    let files = common::txt_files(&dir);
    assert!(!files.is_empty(), "no .txt files under {}", dir.display());
    let raw: Vec<String> = files
        .iter()
        .map(|f| String::from_utf8_lossy(&std::fs::read(f).expect("readable corpus file")).into_owned())
        .collect();
    let docs = raw.iter().map(|t| common::build(t)).collect();
    let bytes = raw.iter().map(String::len).sum();
    Corpus { dir, files, raw, docs, bytes }
});

/// Runs `f` over the corpus with byte and document counters attached.
fn corpus<O>(b: Bencher, f: impl Fn(&Corpus) -> O + Sync) {
    let c = &*CORPUS;
    b.counter(BytesCount::new(c.bytes)).counter(ItemsCount::new(c.raw.len())).bench(|| f(black_box(c)));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn clean_and_segment(b: Bencher) {
    corpus(b, |c| c.raw.iter().map(|t| common::build(t).tokens.len()).sum::<usize>());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn entities(b: Bencher) {
    corpus(b, |c| c.docs.iter().map(|d| extract::entities::extract(d).len()).sum::<usize>());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn dates(b: Bencher) {
    corpus(b, |c| c.docs.iter().map(|d| extract::dates::extract(d).len()).sum::<usize>());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn quotes(b: Bencher) {
    let ents: Vec<_> = CORPUS.docs.iter().map(extract::entities::extract).collect();
    corpus(b, |c| c.docs.iter().zip(&ents).map(|(d, e)| extract::quotes::extract(d, e).len()).sum::<usize>());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn figures(b: Bencher) {
    let dates: Vec<_> = CORPUS.docs.iter().map(extract::dates::extract).collect();
    corpus(b, |c| c.docs.iter().zip(&dates).map(|(d, t)| extract::figures::extract(d, t).len()).sum::<usize>());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn all_extractors(b: Bencher) {
    corpus(b, |c| c.docs.iter().map(|d| extract::extract(d, Selection::ALL).figures.len()).sum::<usize>());
}

/// The whole pipeline from files on disk, as `lede analyze -jN` runs it
/// (output excluded).
#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn pipeline_files(b: Bencher, jobs: usize) {
    let cfg = Config { jobs, ..Config::default() };
    let walker = Walker::new(
        CORPUS.files.iter().map(|f| f.display().to_string()).collect(),
        &WalkOptions { max_bytes: pipeline::DEFAULT_MAX_BYTES, ..Default::default() },
    )
    .expect("corpus paths");
    corpus(b, |_| {
        let mut n = 0usize;
        pipeline::run(&walker, &cfg, &mut |o: Outcome| {
            if let Outcome::Doc(a) = o {
                n += a.ex.entities.len();
            }
            Ok(())
        })
        .expect("pipeline run");
        n
    });
}

/// One document at a time through `pipeline::process`, in memory.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn pipeline_in_memory(b: Bencher) {
    let cfg = Config::default();
    corpus(b, |c| {
        c.raw
            .iter()
            .map(|t| pipeline::process(Item::Text { path: "-".into(), bytes: t.clone().into_bytes() }, &cfg).len())
            .sum::<usize>()
    });
}
