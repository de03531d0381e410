//! The pipeline: items in, analyzed documents (or error records) out, in
//! input order, on as many threads as asked.
//!
//! A reader thread walks the inputs, reads the small files among them, and
//! feeds work items to a pool of workers; each worker reads the larger
//! files, decodes, cleans, segments and extracts. The calling thread is
//! one of the workers, and between its own batches puts results back in
//! input order and hands them to the sink. The number of items in flight
//! is bounded, so memory depends on the number of threads, not on the size
//! of the corpus, and the first document is printed long before the last
//! one is read.

use crate::clean;
use crate::document::{DateSource, Document, ParagraphKind};
use crate::extract::{self, Extractions, Selection};
use crate::input::{self, Item, Record, Walker};
use crate::resolve::{GivenNames, Resolver};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Default `--max-bytes`: inputs larger than this are refused, not read.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Resolved settings for a run (built from the command line by the CLI).
#[derive(Debug, Clone)]
pub struct Config {
    /// Clean the text (strip markup and furniture); false keeps it verbatim.
    pub clean: bool,
    /// Reference date for documents that carry none (`--date`).
    pub date: Option<NaiveDate>,
    /// Which extractors run.
    pub select: Selection,
    /// Largest input accepted, in bytes.
    pub max_bytes: u64,
    /// Worker threads (1 runs everything on the calling thread).
    pub jobs: usize,
    /// Resolve spelling variants of names across the documents of the run
    /// (first spelling seen wins). Reports turn this off: their state must
    /// not depend on which other documents a shard held, so that merged
    /// shard reports equal one run over the whole corpus.
    pub resolve_names: bool,
    /// A corpus alias map computed offline (`lede analyze --names`), used
    /// instead of resolving over this run: see [`crate::resolve`].
    pub names: Option<Arc<GivenNames>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            clean: true,
            date: None,
            select: Selection::ALL,
            max_bytes: DEFAULT_MAX_BYTES,
            jobs: 1,
            resolve_names: true,
            names: None,
        }
    }
}

/// A document with what the extractors found in it.
#[derive(Debug, Clone)]
pub struct Analyzed {
    /// The cleaned document.
    pub doc: Document,
    /// Its entities, dates, quotes and figures.
    pub ex: Extractions,
}

/// An input that produced no document, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRecord {
    /// The input.
    pub path: String,
    /// The line, for JSON Lines streams.
    pub line: Option<usize>,
    /// The reason, in plain words.
    pub message: String,
}

impl std::fmt::Display for ErrorRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// One result of the pipeline.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A document.
    Doc(Box<Analyzed>),
    /// A failed input.
    Error(ErrorRecord),
}

/// Counts for the end of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents produced.
    pub documents: usize,
    /// Error records produced.
    pub errors: usize,
}

/// Processes one work item into its documents or an error record.
///
/// Never panics outward: a panic inside cleaning or extraction becomes an
/// error record for that input, so one bad file cannot take down a run.
pub fn process(item: Item, cfg: &Config) -> Vec<Outcome> {
    let (path, line) = label(&item);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process_inner(item, cfg))) {
        Ok(v) => v,
        Err(panic) => vec![Outcome::Error(internal_error(path, line, "", &*panic))],
    }
}

/// The path (and line, for a JSON Lines record) an error record of `item`
/// names.
fn label(item: &Item) -> (String, Option<usize>) {
    match item {
        Item::File { display, .. } | Item::Loaded { display, .. } => (display.clone(), None),
        Item::RecordLine { path, line, .. } => (path.clone(), Some(*line)),
        Item::Text { path, .. } | Item::Error { path, .. } => (path.clone(), None),
        Item::Web { path, record, .. } => (format!("{path}#{record}"), None),
    }
}

/// The error record of an input whose processing panicked; `during` says
/// in what, when not in processing the input as a whole.
fn internal_error(path: String, line: Option<usize>, during: &str, panic: &(dyn std::any::Any + Send)) -> ErrorRecord {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".into());
    ErrorRecord { path, line, message: format!("internal error (please report){during}: {what}") }
}

fn process_inner(item: Item, cfg: &Config) -> Vec<Outcome> {
    let err =
        |path: String, line: Option<usize>, message: String| vec![Outcome::Error(ErrorRecord { path, line, message })];
    match item {
        Item::Error { path, line, message } => err(path, line, message),
        Item::File { path, display } => match read_file(&path, cfg.max_bytes) {
            Ok(bytes) => from_bytes(&bytes, &display, cfg),
            Err(message) => err(display, None, message),
        },
        Item::Loaded { display, bytes } => from_bytes(&bytes, &display, cfg),
        Item::Text { path, bytes } => from_bytes(&bytes, &path, cfg),
        Item::Web { path, record, url, date, html: _, bytes } => from_web(&bytes, &path, record, url, date, cfg),
        Item::RecordLine { path, line, text } => match Record::parse(&text) {
            Ok(rec) => vec![Outcome::Doc(Box::new(from_record(rec, &path, line, cfg)))],
            Err(message) => err(path, Some(line), message),
        },
    }
}

/// What [`read_file`] reads before it asks a file's size: most articles
/// are smaller, and for them the size would cost a system call per file
/// for nothing.
const FIRST_READ: u64 = 16 * 1024;

/// The bytes of the file at `path`, at most `max` of them.
fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let reason = |e: std::io::Error| input::walk::io_reason(&e);
    let too_big = || format!("input larger than --max-bytes ({max} bytes); raise the limit to read it");
    let mut f = std::fs::File::open(path).map_err(reason)?;
    // Reading at most max + 1 bytes catches a file over the limit, even
    // one that grew after its size was taken.
    let limit = max.saturating_add(1);
    let first = limit.min(FIRST_READ);
    let mut bytes = Vec::with_capacity(first as usize);
    (&mut f).take(first).read_to_end(&mut bytes).map_err(reason)?;
    if bytes.len() as u64 == first && first < limit {
        // More to come: the size makes room for it, and turns a file over
        // the limit away before it is read.
        let size = f.metadata().map_err(reason)?.len();
        if size > max {
            return Err(too_big());
        }
        bytes.reserve(usize::try_from(size).unwrap_or(0).saturating_sub(bytes.len()));
        (&mut f).take(limit - first).read_to_end(&mut bytes).map_err(reason)?;
    }
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

fn from_bytes(bytes: &[u8], path: &str, cfg: &Config) -> Vec<Outcome> {
    let decoded = match input::decode(bytes, cfg.clean) {
        Ok(d) => d,
        Err(e) => return vec![Outcome::Error(ErrorRecord { path: path.into(), line: None, message: e.to_string() })],
    };
    let docs = build_documents(&decoded.text, None, cfg);
    let many = docs.len() > 1;
    docs.into_iter()
        .enumerate()
        .map(|(i, mut doc)| {
            doc.id = if many { format!("{path}#{}", i + 1) } else { path.to_string() };
            doc.path = path.to_string();
            doc.warnings.splice(0..0, decoded.warnings.iter().cloned());
            Outcome::Doc(Box::new(analyze(doc, cfg)))
        })
        .collect()
}

/// One page of a web archive: one document `path#record`, cleaned like a
/// file (HTML or plain text), with the record's URL. The crawl date is the
/// fallback reference date when the page states none: a page is never
/// published after it was crawled, and is usually fetched soon after.
fn from_web(
    bytes: &[u8],
    path: &str,
    record: usize,
    url: Option<String>,
    date: Option<NaiveDate>,
    cfg: &Config,
) -> Vec<Outcome> {
    let id = format!("{path}#{record}");
    let decoded = match input::decode(bytes, cfg.clean) {
        Ok(d) => d,
        Err(e) => return vec![Outcome::Error(ErrorRecord { path: id, line: None, message: e.to_string() })],
    };
    let mut docs = build_documents(&decoded.text, None, cfg);
    docs.truncate(1);
    let mut doc = docs.pop().unwrap_or_default();
    doc.id = id;
    doc.path = path.to_string();
    doc.url = url;
    if doc.date.is_none()
        && let Some(d) = date
    {
        doc.date = Some(d);
        doc.date_source = Some(DateSource::Meta);
    }
    doc.warnings.splice(0..0, decoded.warnings);
    vec![Outcome::Doc(Box::new(analyze(doc, cfg)))]
}

fn from_record(rec: Record, path: &str, line: usize, cfg: &Config) -> Analyzed {
    let mut warnings = Vec::new();
    let date = rec.parsed_date().unwrap_or_else(|w| {
        warnings.push(w);
        None
    });
    let text = if cfg.clean { rec.text.replace("\r\n", "\n") } else { rec.text.clone() };
    let mut docs = build_documents(&text, rec.title.as_deref(), cfg);
    // A record is one article: take the first (the splitter may not split
    // records, but keep the contract explicit).
    docs.truncate(1);
    let mut doc = docs.pop().unwrap_or_default();
    doc.id = rec.id_string().unwrap_or_else(|| format!("{path}#{line}"));
    doc.path = path.to_string();
    if rec.url.is_some() {
        doc.url = rec.url.clone();
    }
    if let Some(d) = date {
        doc.date = Some(d);
        doc.date_source = Some(DateSource::Record);
    }
    doc.warnings.extend(warnings);
    analyze(doc, cfg)
}

/// Cleans text into documents (or keeps it verbatim with `--no-clean`):
/// the stage before extraction, public so benchmarks time exactly what a
/// run does.
pub fn build_documents(text: &str, given_title: Option<&str>, cfg: &Config) -> Vec<Document> {
    if !cfg.clean {
        let mut doc = Document::verbatim(text.to_string());
        if let Some(t) = given_title {
            doc.title = Some(t.to_string());
        }
        return vec![doc];
    }
    clean::clean(text, given_title.is_some())
        .into_iter()
        .map(|art| {
            let mut paras: Vec<(String, ParagraphKind)> = Vec::with_capacity(art.paragraphs.len() + 1);
            let title = given_title.map(str::to_string).or(art.title);
            if let Some(t) = &title {
                paras.push((t.clone(), ParagraphKind::Title));
            }
            paras.extend(art.paragraphs);
            let mut doc = Document::from_paragraphs(&paras);
            doc.title = title;
            doc.date = art.date;
            doc.date_source = art.date_source;
            doc.author = art.author;
            doc.url = art.url;
            doc.language = art.language;
            doc
        })
        .collect()
}

fn analyze(mut doc: Document, cfg: &Config) -> Analyzed {
    if doc.date.is_none()
        && let Some(d) = cfg.date
    {
        doc.date = Some(d);
        doc.date_source = Some(DateSource::Cli);
    }
    let ex = extract::extract(&doc, cfg.select);
    Analyzed { doc, ex }
}

/// Where results go, in input order.
pub trait Sink {
    /// Receives one outcome.
    fn outcome(&mut self, outcome: Outcome) -> std::io::Result<()>;
    /// Called when no further result is ready right now: a good moment to
    /// flush buffered output so a downstream reader is not kept waiting.
    fn idle(&mut self) -> std::io::Result<()> {
        Ok(())
    }
    /// What the workers of a parallel run may make of each document ahead
    /// of delivery (see [`Render`]); `None` (the default) when nothing.
    fn renderer(&self) -> Option<Arc<dyn Render>> {
        None
    }
    /// Receives a document together with what [`Sink::renderer`] made of
    /// it in a worker; [`Rendered::renamed`] says whether cross-document
    /// name resolution has changed a name in the document since. Only a sink
    /// with a renderer is called here, and it must override this.
    ///
    /// Both are lent, not given: once the sink is done with them the
    /// pipeline hands them back to the worker that made them, to be freed
    /// there (see [`run`]). Error records are never rendered: they come to
    /// [`Sink::outcome`].
    fn rendered(&mut self, _doc: &Analyzed, _rendered: &Rendered) -> std::io::Result<()> {
        Err(std::io::Error::other("this sink has a renderer but does not receive rendered documents"))
    }
}

/// Formatting done in the workers of a parallel run.
///
/// Results are delivered one by one on the calling thread, because names
/// are resolved across documents in input order; whatever that thread does
/// per document bounds how well a run scales with cores. Serializing a
/// document is the largest part of it, and it depends on the resolution
/// only through the names: a worker renders each document with the
/// document-level names and notes where they went, and the sink rewrites
/// just those in the documents whose names resolution then changes.
pub trait Render: Send + Sync {
    /// What the sink would write for this document.
    fn render(&self, doc: &Analyzed) -> Rendered;
}

/// Where a renderer wrote a name that cross-document resolution may
/// change, and whose name it is: a sink rewriting it reads the value from
/// the document by index, whatever order the renderer wrote names in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpot {
    /// The value's bytes in [`Rendered::bytes`].
    pub range: Range<usize>,
    /// Whose name it is.
    pub of: NameOf,
}

/// Whose name a [`NameSpot`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    /// The canonical of entity `i` (a person).
    Canonical(usize),
    /// The speaker of quote `i`.
    Speaker(usize),
}

/// A document rendered in a worker (see [`Render`]).
#[derive(Debug, Default)]
pub struct Rendered {
    /// The bytes, with the names as the document itself resolved them.
    pub bytes: Vec<u8>,
    /// Where the names sit in `bytes`, in byte order, noted by the renderer
    /// for its own sink (the pipeline does not read them).
    pub names: Vec<NameSpot>,
    /// Set on delivery when cross-document name resolution changed a name
    /// in the document: the sink must rewrite `names` before writing.
    pub renamed: bool,
}

impl<F: FnMut(Outcome) -> std::io::Result<()>> Sink for F {
    fn outcome(&mut self, outcome: Outcome) -> std::io::Result<()> {
        self(outcome)
    }
}

/// How long a one-thread run holds results in the sink's buffer at most
/// (see [`Sink::idle`]): short enough that output visibly streams.
const FLUSH_EVERY: Duration = Duration::from_millis(50);

/// Runs the pipeline over everything `walker` yields.
///
/// Results reach `sink` in input order whatever `cfg.jobs` is, after
/// corpus-wide name resolution. A sink error (say, a closed pipe) stops the
/// run and is returned.
pub fn run(walker: &Walker, cfg: &Config, sink: &mut dyn Sink) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut names = Resolver::new(cfg.resolve_names, cfg.names.as_ref());
    if cfg.jobs <= 1 {
        // One thread is never idle between documents: it flushes after a
        // document from standard input, whose next one may be long in
        // coming, and otherwise every FLUSH_EVERY. Flushing after every
        // document cost a run over small files a write call each.
        let mut result = Ok(());
        let mut flushed = Instant::now();
        walker.run(&mut |item| {
            let stdin = item.from_stdin();
            let outcomes = process(item, cfg).into_iter().map(|o| (o, None)).collect();
            result = deliver(outcomes, &mut summary, &mut names, sink).and_then(|_| {
                if stdin || flushed.elapsed() >= FLUSH_EVERY {
                    flushed = Instant::now();
                    sink.idle()?;
                }
                Ok(())
            });
            result.is_ok()
        });
        result?;
        sink.idle()?;
        return Ok(summary);
    }
    let in_flight = cfg.jobs * 4;
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(usize, Vec<Item>)>(cfg.jobs * 2);
    let (done_tx, done_rx) = crossbeam_channel::unbounded::<(usize, Done)>();
    // The calling thread is one of the `jobs` workers: it delivers results
    // between batches of its own. With a delivering thread beside `jobs`
    // workers, a run on as many cores as workers had one thread more than
    // cores, woken for every batch to preempt a worker, and one more heap
    // of the allocator's own (see the README).
    let helpers = cfg.jobs - 1;
    let own = helpers;
    // What the calling thread has delivered goes back to the worker that
    // allocated it, to be freed there: memory freed by another thread than
    // the one that allocated it costs the allocator atomic operations on
    // memory the other core holds, per allocation, and a document's results
    // are hundreds of small strings. Freeing them where they were delivered
    // cost a two-thread run about 2% more CPU time (21 alternating runs, when
    // a separate thread delivered; see docs/performance-history.md).
    let (spent_tx, spent_rx): (Vec<_>, Vec<_>) =
        (0..helpers).map(|_| crossbeam_channel::unbounded::<Vec<Delivery>>()).unzip();
    let render = sink.renderer();
    let (permit_tx, permit_rx) = crossbeam_channel::bounded::<()>(in_flight);
    let mut result = Ok(());
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0usize;
            let mut batch = Batch::new(cfg.max_bytes);
            let mut send = |items: Vec<Item>| {
                let ok = permit_tx.send(()).is_ok() && work_tx.send((seq, items)).is_ok();
                seq += 1;
                ok
            };
            walker.run(&mut |item| match batch.push(item) {
                Some(full) => send(full),
                None => true,
            });
            if !batch.items.is_empty() {
                send(batch.items);
            }
        });
        for (worker, spent) in spent_rx.into_iter().enumerate() {
            let rx = work_rx.clone();
            let tx = done_tx.clone();
            let render = render.as_deref();
            scope.spawn(move || {
                for (seq, items) in rx {
                    spent.try_iter().for_each(drop);
                    if tx.send((seq, Done::of(worker, items, cfg, render))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        crate::extract::warm_up(cfg.select);
        if cfg.clean {
            crate::clean::warm_up();
        }
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0usize;
        // Delivered since the last flush: flushed before this thread takes
        // on a batch of its own or waits, so that no result waits behind
        // work (a record from standard input comes back before the next).
        let mut unflushed = false;
        // A channel that has closed is waited on as one that never delivers.
        let (mut work_open, mut helpers_open) = (true, helpers > 0);
        let (no_work, no_done) = (crossbeam_channel::never(), crossbeam_channel::never());
        'outer: loop {
            while let Some(Done { worker, outcomes }) = pending.remove(&next) {
                next += 1;
                let _ = permit_rx.try_recv();
                match deliver(outcomes, &mut summary, &mut names, sink) {
                    // A worker that has stopped drops its channel; then the
                    // failed send hands the rest back to be freed here.
                    Ok(spent) if spent.is_empty() || worker == own => {}
                    Ok(spent) => drop(spent_tx[worker].send(spent)),
                    Err(e) => {
                        result = Err(e);
                        break 'outer;
                    }
                }
                unflushed = true;
            }
            // Results first: what is ready is delivered, and the reader
            // gets its permits back, before this thread takes on a batch.
            if let Ok((seq, done)) = done_rx.try_recv() {
                pending.insert(seq, done);
                continue;
            }
            if work_open {
                match work_rx.try_recv() {
                    Ok((seq, items)) => {
                        if std::mem::take(&mut unflushed)
                            && let Err(e) = sink.idle()
                        {
                            result = Err(e);
                            break;
                        }
                        pending.insert(seq, Done::of(own, items, cfg, render.as_deref()));
                        continue;
                    }
                    Err(crossbeam_channel::TryRecvError::Disconnected) => work_open = false,
                    Err(crossbeam_channel::TryRecvError::Empty) => {}
                }
            }
            if !work_open && !helpers_open {
                break;
            }
            // Nothing to do until a result or a batch comes.
            unflushed = false;
            if let Err(e) = sink.idle() {
                result = Err(e);
                break;
            }
            crossbeam_channel::select! {
                recv(if helpers_open { &done_rx } else { &no_done }) -> msg => match msg {
                    Ok((seq, done)) => {
                        pending.insert(seq, done);
                    }
                    Err(_) => helpers_open = false,
                },
                recv(if work_open { &work_rx } else { &no_work }) -> msg => match msg {
                    Ok((seq, items)) => {
                        pending.insert(seq, Done::of(own, items, cfg, render.as_deref()));
                    }
                    Err(_) => work_open = false,
                },
            }
        }
        // Unblock and stop the reader and workers if we ended early.
        drop(permit_rx);
        drop(work_rx);
        drop(done_rx);
    });
    if result.is_ok() {
        sink.idle()?;
    }
    result.map(|_| summary)
}

/// A batch's results on their way to delivery.
struct Done {
    /// The worker that made them, to be freed there (see [`run`]).
    worker: usize,
    outcomes: Vec<Delivery>,
}

impl Done {
    /// Processes a batch of work items on worker `worker`, and renders each
    /// document when the sink has a renderer. A renderer that panics turns
    /// its document into an error record, as [`process`] does for the rest:
    /// a batch that never came back would stop delivery for good.
    fn of(worker: usize, items: Vec<Item>, cfg: &Config, render: Option<&dyn Render>) -> Done {
        let mut outcomes = Vec::with_capacity(items.len());
        for o in items.into_iter().flat_map(|item| process(item, cfg)) {
            outcomes.push(match (o, render) {
                (Outcome::Doc(a), Some(r)) => {
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| r.render(&a))) {
                        Ok(bytes) => (Outcome::Doc(a), Some(bytes)),
                        // Under the input's path, as any other failure of
                        // it; the message names the document.
                        Err(panic) => {
                            let during = format!(" rendering {}", a.doc.id);
                            (Outcome::Error(internal_error(a.doc.path.clone(), None, &during, &*panic)), None)
                        }
                    }
                }
                (o, _) => (o, None),
            });
        }
        Done { worker, outcomes }
    }
}

/// Work items travel to the workers in batches, so that a corpus of small
/// files costs a few thread wake-ups per batch instead of per file: on two
/// cores the reader and the workers share the CPUs, and every wake-up
/// preempts a worker.
///
/// A batch closes at [`Batch::MAX_ITEMS`] items or [`Batch::MAX_BYTES`] of
/// input, which keeps the work in flight bounded in bytes and the tail of a
/// run (one worker finishing the last batch alone) short. Input from
/// standard input is never held back: it may arrive slowly, and its results
/// should stream as it does.
///
/// A file no larger than a batch is read here, on the reader thread, and
/// travels as its bytes: that is how the batch learns its size. Asking
/// each file's size instead cost a system call and a path look-up per
/// file beside the worker's own open and reads, and on a corpus of small
/// files the reads done in one place cost less system time than in the
/// workers (see the README). A larger file, or one that cannot be read
/// here, goes to a worker as its path and counts as a whole batch; the
/// worker reads it, or reports why it cannot.
struct Batch {
    items: Vec<Item>,
    bytes: u64,
    /// Files up to this size are read here: the smaller of a batch's size
    /// and `--max-bytes` (a larger file is the worker's to turn away).
    load: u64,
}

impl Batch {
    const MAX_ITEMS: usize = 32;
    const MAX_BYTES: u64 = 64 * 1024;

    /// An empty batch of a run whose inputs may have up to `max_bytes`.
    fn new(max_bytes: u64) -> Batch {
        Batch { items: Vec::new(), bytes: 0, load: max_bytes.min(Self::MAX_BYTES) }
    }

    /// Adds `item`; returns the batch to send when it is complete.
    fn push(&mut self, item: Item) -> Option<Vec<Item>> {
        let stdin = item.from_stdin();
        let item = match item {
            // Over the limit or unreadable here: the worker reads it again
            // and reports why.
            Item::File { path, display } => match read_file(&path, self.load) {
                Ok(bytes) => Item::Loaded { display, bytes },
                Err(_) => Item::File { path, display },
            },
            other => other,
        };
        let bytes = match &item {
            Item::File { .. } => Self::MAX_BYTES,
            Item::Loaded { bytes, .. } => bytes.len() as u64,
            Item::RecordLine { text, .. } => text.len() as u64,
            Item::Text { bytes, .. } => bytes.len() as u64,
            Item::Web { bytes, .. } => bytes.len() as u64,
            Item::Error { .. } => 0,
        };
        self.items.push(item);
        self.bytes += bytes;
        if stdin || self.items.len() >= Self::MAX_ITEMS || self.bytes >= Self::MAX_BYTES {
            self.bytes = 0;
            Some(std::mem::take(&mut self.items))
        } else {
            None
        }
    }
}

/// An outcome and, in a parallel run whose sink renders, its rendering.
type Delivery = (Outcome, Option<Rendered>);

/// Hands `outcomes` to `sink` after name resolution; returns the rendered
/// ones, which the sink only borrows, for their worker to free.
fn deliver(
    outcomes: Vec<Delivery>,
    summary: &mut Summary,
    names: &mut Resolver,
    sink: &mut dyn Sink,
) -> std::io::Result<Vec<Delivery>> {
    let mut spent = Vec::new();
    for (mut o, mut rendered) in outcomes {
        match &mut o {
            Outcome::Doc(a) => {
                summary.documents += 1;
                if names.resolve(&mut a.ex)
                    && let Some(r) = &mut rendered
                {
                    r.renamed = true;
                }
            }
            Outcome::Error(_) => summary.errors += 1,
        }
        match (&o, rendered) {
            (Outcome::Doc(a), Some(r)) => {
                sink.rendered(a, &r)?;
                spent.push((o, Some(r)));
            }
            _ => sink.outcome(o)?,
        }
    }
    Ok(spent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;

    fn cfg(jobs: usize) -> Config {
        Config { jobs, ..Config::default() }
    }

    /// Every size around the first read and the limit comes back whole or
    /// turned away, and a directory is named as one.
    #[test]
    fn read_file_reads_every_size_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let first = FIRST_READ as usize;
        for n in [0, 1, 10, 11, first - 1, first, first + 1, 3 * first + 5] {
            let path = dir.path().join(format!("{n}.txt"));
            let data: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            assert_eq!(read_file(&path, 1 << 20).as_deref(), Ok(&data[..]), "{n} bytes");
            for max in [10, first as u64, first as u64 + 1] {
                let got = read_file(&path, max);
                if n as u64 <= max {
                    assert_eq!(got.as_deref(), Ok(&data[..]), "{n} bytes, max {max}");
                } else {
                    assert!(got.is_err_and(|e| e.contains("larger than --max-bytes")), "{n} bytes, max {max}");
                }
            }
        }
        assert_eq!(read_file(dir.path(), 1 << 20), Err("is a directory".to_string()));
    }

    #[test]
    fn process_reports_record_errors_with_line() {
        let out = process(Item::RecordLine { path: "r.jsonl".into(), line: 3, text: "{bad".into() }, &cfg(1));
        match &out[..] {
            [Outcome::Error(e)] => {
                assert_eq!(e.line, Some(3));
                assert!(e.to_string().starts_with("r.jsonl:3: malformed JSON"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn record_fields_reach_the_document() {
        let line = r#"{"id":"a1","text":"Body text of the article goes here, long enough.","date":"2022-06-30","title":"Head","url":"http://x"}"#;
        let out = process(Item::RecordLine { path: "r.jsonl".into(), line: 1, text: line.into() }, &cfg(1));
        let Outcome::Doc(a) = &out[0] else { panic!() };
        assert_eq!(a.doc.id, "a1");
        assert_eq!(a.doc.title.as_deref(), Some("Head"));
        assert_eq!(a.doc.date, NaiveDate::from_ymd_opt(2022, 6, 30));
        assert_eq!(a.doc.date_source, Some(DateSource::Record));
        assert_eq!(a.doc.url.as_deref(), Some("http://x"));
        assert!(a.doc.text.starts_with("Head\n\nBody text"));
    }

    #[test]
    fn cli_date_is_the_fallback() {
        let c = Config { date: NaiveDate::from_ymd_opt(2020, 1, 2), ..cfg(1) };
        let out =
            process(Item::Text { path: "-".into(), bytes: b"Title\n\nSome body text here for the test.".to_vec() }, &c);
        let Outcome::Doc(a) = &out[0] else { panic!() };
        assert_eq!(a.doc.date_source, Some(DateSource::Cli));
    }

    #[test]
    fn binary_input_is_an_error() {
        let out = process(Item::Text { path: "-".into(), bytes: b"\0\x01\x02binary".to_vec() }, &cfg(1));
        assert!(matches!(&out[0], Outcome::Error(e) if e.message.contains("binary")));
    }

    /// A sink that records how each document arrived.
    struct Recording(Vec<String>);

    struct IdRender;

    impl Render for IdRender {
        fn render(&self, a: &Analyzed) -> Rendered {
            let people: Vec<&str> =
                a.ex.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.canonical.as_str()).collect();
            let file = a.doc.id.rsplit('/').next().unwrap_or_default();
            Rendered { bytes: format!("{file}: {}", people.join(", ")).into_bytes(), ..Rendered::default() }
        }
    }

    impl Sink for Recording {
        fn outcome(&mut self, o: Outcome) -> std::io::Result<()> {
            if let Outcome::Doc(a) = o {
                self.0.push(format!("fresh {}", IdRender.render(&a).bytes.escape_ascii()));
            }
            Ok(())
        }
        fn renderer(&self) -> Option<Arc<dyn Render>> {
            Some(Arc::new(IdRender))
        }
        fn rendered(&mut self, a: &Analyzed, r: &Rendered) -> std::io::Result<()> {
            let now = IdRender.render(a).bytes;
            let how = if r.renamed { "renamed" } else { "early" };
            self.0.push(format!("{how} {} -> {}", r.bytes.escape_ascii(), now.escape_ascii()));
            Ok(())
        }
    }

    /// A renderer that fails on documents titled "Boom".
    struct Boom;

    impl Render for Boom {
        fn render(&self, a: &Analyzed) -> Rendered {
            if a.doc.title.as_deref() == Some("Boom") {
                panic!("the renderer failed");
            }
            IdRender.render(a)
        }
    }

    /// Records documents and error records, rendering with [`Boom`].
    struct Booming(Vec<String>);

    impl Sink for Booming {
        fn outcome(&mut self, o: Outcome) -> std::io::Result<()> {
            self.0.push(match o {
                Outcome::Doc(a) => format!("fresh {}", a.doc.id),
                Outcome::Error(e) => format!("error {}: {}", e.path, e.message),
            });
            Ok(())
        }
        fn renderer(&self) -> Option<Arc<dyn Render>> {
            Some(Arc::new(Boom))
        }
        fn rendered(&mut self, a: &Analyzed, _: &Rendered) -> std::io::Result<()> {
            self.0.push(format!("rendered {}", a.doc.id));
            Ok(())
        }
    }

    /// A renderer that panics costs its document an error record, not the
    /// run: the batch still comes back, and everything after it follows.
    #[test]
    fn a_panicking_renderer_is_an_error_record() {
        let dir = tempfile::tempdir().unwrap();
        let n = Batch::MAX_ITEMS * 3;
        for i in 0..n {
            let title = if i == 40 { "Boom".to_string() } else { format!("Title {i}") };
            std::fs::write(dir.path().join(format!("{i:03}.txt")), format!("{title}\n\nBody {i}.")).unwrap();
        }
        let walker = Walker::new(vec![dir.path().display().to_string()], &input::WalkOptions::default()).unwrap();
        for jobs in [2, 3] {
            let mut sink = Booming(Vec::new());
            let summary = run(&walker, &cfg(jobs), &mut sink).unwrap();
            assert_eq!((summary.documents, summary.errors), (n - 1, 1), "jobs {jobs}");
            assert_eq!(sink.0.len(), n);
            assert!(
                sink.0[39].starts_with("rendered ") && sink.0[41].starts_with("rendered "),
                "{:?}",
                &sink.0[39..42]
            );
            // The record names the file, as for any other failure of it,
            // and says what failed.
            let e = &sink.0[40];
            assert!(e.starts_with("error ") && e.contains("040.txt: internal error (please report) rendering "), "{e}");
            assert!(e.ends_with("040.txt: the renderer failed"), "{e}");
        }
        // Without a renderer nothing is rendered, and results keep the
        // order of their items.
        let text = Item::Text { path: "-".into(), bytes: b"Title\n\nBody.".to_vec() };
        let file = Item::File { path: dir.path().join("000.txt"), display: "000.txt".into() };
        let done = Done::of(0, vec![text, file], &cfg(2), None);
        let ids: Vec<_> = done
            .outcomes
            .iter()
            .map(|(o, r)| match o {
                Outcome::Doc(a) if r.is_none() => a.doc.id.as_str(),
                _ => "other",
            })
            .collect();
        assert_eq!(ids, ["-", "000.txt"]);
    }

    #[test]
    fn workers_render_and_documents_renamed_by_resolution_are_marked() {
        let dir = tempfile::tempdir().unwrap();
        let texts = [
            "Kyiv talks\n\nVolodymyr Zelensky spoke in Kyiv on Monday.",
            "Kyiv visit\n\nVolodymyr Zelenskyy spoke in Kyiv on Tuesday.",
            "Weather\n\nIt rained in Lviv.",
        ];
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("{i}.txt")), t).unwrap();
        }
        let walker = Walker::new(
            vec![dir.path().display().to_string()],
            &input::WalkOptions { max_bytes: 1 << 20, ..Default::default() },
        )
        .unwrap();
        let mut two = Recording(Vec::new());
        run(&walker, &cfg(2), &mut two).unwrap();
        assert_eq!(
            two.0,
            [
                "early 0.txt: Volodymyr Zelensky -> 0.txt: Volodymyr Zelensky",
                "renamed 1.txt: Volodymyr Zelenskyy -> 1.txt: Volodymyr Zelensky",
                "early 2.txt:  -> 2.txt: ",
            ]
        );
        // One thread renders nothing ahead: every document arrives fresh.
        let mut one = Recording(Vec::new());
        run(&walker, &cfg(1), &mut one).unwrap();
        assert!(one.0.iter().all(|l| l.starts_with("fresh ")), "{:?}", one.0);
        assert_eq!(one.0[1], "fresh 1.txt: Volodymyr Zelensky");
    }

    /// Rendered documents are lent to the sink and come back from
    /// `deliver` (for their worker to free); the others are given away.
    #[test]
    fn deliver_lends_rendered_documents_and_gives_the_rest() {
        let doc = |text: &str| Outcome::Doc(Box::new(analyze(Document::verbatim(text.into()), &cfg(1))));
        let rendered = |b: &str| Some(Rendered { bytes: b.into(), ..Rendered::default() });
        let error = Outcome::Error(ErrorRecord { path: "e.txt".into(), line: None, message: "bad".into() });
        let outcomes = vec![(doc("One."), rendered("one")), (error, None), (doc("Two."), rendered("two"))];
        let (mut summary, mut names) = (Summary::default(), Resolver::new(true, None));
        let mut rec = Recording(Vec::new());
        let spent = deliver(outcomes, &mut summary, &mut names, &mut rec).unwrap();
        assert_eq!(rec.0, ["early one -> : ", "early two -> : "]);
        let back: Vec<&[u8]> = spent.iter().filter_map(|(_, r)| Some(&r.as_ref()?.bytes[..])).collect();
        assert_eq!(back, [b"one", b"two"]);
        assert_eq!((summary.documents, summary.errors), (2, 1));
        // A sink that renders must take rendered documents.
        let mut plain = |_: Outcome| Ok(());
        let spent = deliver(vec![(doc("Three."), rendered("three"))], &mut summary, &mut names, &mut plain);
        assert!(spent.is_err());
    }

    #[test]
    fn batches_close_at_their_item_count_byte_size_or_standard_input() {
        let line = |path: &str, len: usize| Item::RecordLine { path: path.into(), line: 1, text: "x".repeat(len) };
        let mut b = Batch::new(1 << 20);
        for _ in 1..Batch::MAX_ITEMS {
            assert!(b.push(line("a.jsonl", 10)).is_none());
        }
        assert_eq!(b.push(line("a.jsonl", 10)).map(|v| v.len()), Some(Batch::MAX_ITEMS));
        assert!(b.push(line("a.jsonl", 10)).is_none());
        let big = Batch::MAX_BYTES as usize;
        assert_eq!(b.push(line("a.jsonl", big)).map(|v| v.len()), Some(2));
        assert_eq!(b.push(line("-", 1)).map(|v| v.len()), Some(1), "standard input is sent at once");
        assert!(b.items.is_empty() && b.bytes == 0);
    }

    /// A file up to a batch's size (and `--max-bytes`) travels as its
    /// bytes and counts them; a larger one, or one that cannot be read,
    /// travels as its path and fills a batch; at every number of threads
    /// the results are those of one thread, limit included.
    #[test]
    fn small_files_are_read_by_the_reader_and_the_rest_by_workers() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, len: usize| {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("Title\n\n{}", "x".repeat(len.saturating_sub(7)))).unwrap();
            Item::File { path, display: name.into() }
        };
        let kind = |i: &Item| match i {
            Item::Loaded { display, bytes } => format!("loaded {display} {}", bytes.len()),
            Item::File { display, .. } => format!("path {display}"),
            _ => "other".into(),
        };
        let mut b = Batch::new(1 << 20);
        assert!(b.push(write("small.txt", 100)).is_none());
        assert_eq!(b.bytes, 100);
        let limit = Batch::MAX_BYTES as usize;
        assert!(b.push(write("edge.txt", limit)).is_some_and(|v| {
            v.iter().map(kind).collect::<Vec<_>>() == ["loaded small.txt 100", &format!("loaded edge.txt {limit}")]
        }));
        let sent = b.push(write("large.txt", limit + 1)).unwrap();
        assert_eq!(sent.iter().map(kind).collect::<Vec<_>>(), ["path large.txt"]);
        let missing = Item::File { path: dir.path().join("gone.txt"), display: "gone.txt".into() };
        assert_eq!(b.push(missing).unwrap().iter().map(kind).collect::<Vec<_>>(), ["path gone.txt"]);
        // Over --max-bytes: not read here, so the worker turns it away.
        let mut tight = Batch::new(50);
        assert!(tight.push(write("fifty.txt", 50)).is_none());
        let sent = tight.push(write("more.txt", 51)).unwrap();
        assert_eq!(sent.iter().map(kind).collect::<Vec<_>>(), ["loaded fifty.txt 50", "path more.txt"]);
        let walker = Walker::new(vec![dir.path().display().to_string()], &input::WalkOptions::default()).unwrap();
        let run_with = |jobs: usize| {
            let mut seen = Vec::new();
            let cfg = Config { max_bytes: 50, ..cfg(jobs) };
            run(&walker, &cfg, &mut |o: Outcome| {
                seen.push(match o {
                    Outcome::Doc(a) => format!("doc {}", a.doc.text.len()),
                    Outcome::Error(e) => e.message,
                });
                Ok(())
            })
            .unwrap();
            seen
        };
        let one = run_with(1);
        assert_eq!(one.iter().filter(|s| s.starts_with("doc ")).count(), 1, "{one:?}");
        assert_eq!(one.iter().filter(|s| s.contains("--max-bytes")).count(), 4, "{one:?}");
        assert_eq!(run_with(2), one);
    }

    /// Counts what a run hands a sink and how often it flushes.
    #[derive(Default)]
    struct Flushes {
        outcomes: usize,
        idle: usize,
    }

    impl Sink for Flushes {
        fn outcome(&mut self, _: Outcome) -> std::io::Result<()> {
            self.outcomes += 1;
            Ok(())
        }
        fn idle(&mut self) -> std::io::Result<()> {
            self.idle += 1;
            Ok(())
        }
    }

    /// One thread flushes files' results on a timer and at the end, not
    /// after each; a record from standard input is flushed at once.
    #[test]
    fn one_thread_flushes_on_a_timer_and_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..40 {
            std::fs::write(dir.path().join(format!("{i:02}.txt")), format!("Title {i}\n\nBody {i}.")).unwrap();
        }
        let walker = Walker::new(vec![dir.path().display().to_string()], &input::WalkOptions::default()).unwrap();
        let mut sink = Flushes::default();
        run(&walker, &cfg(1), &mut sink).unwrap();
        assert_eq!(sink.outcomes, 40);
        // Forty tiny files take far less than 40 * FLUSH_EVERY even on a
        // loaded machine; the last flush comes after the last result.
        assert!((1..20).contains(&sink.idle), "{} flushes", sink.idle);
        let stdin = Item::RecordLine { path: "-".into(), line: 1, text: String::new() };
        assert!(stdin.from_stdin() && Item::Text { path: "-".into(), bytes: Vec::new() }.from_stdin());
        assert!(!Item::File { path: "a.txt".into(), display: "a.txt".into() }.from_stdin());
    }

    /// Many batches, each worked by whichever thread is free (the calling
    /// thread or another), some files binary: every result comes once and
    /// in input order, whatever the number of threads.
    #[test]
    fn order_is_the_same_for_any_number_of_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let n = Batch::MAX_ITEMS * 9 + 5;
        for i in 0..n {
            let text = if i % 50 == 7 {
                b"\0\x01\x02binary".to_vec()
            } else {
                format!("Title {i}\n\nAlice Smith said {}.", "word ".repeat(i % 13 + 1)).into_bytes()
            };
            std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
        }
        let walker = Walker::new(
            vec![dir.path().display().to_string()],
            &input::WalkOptions { max_bytes: 1 << 20, ..Default::default() },
        )
        .unwrap();
        let ids = |jobs| {
            let mut v = Vec::new();
            let s = run(&walker, &cfg(jobs), &mut |o: Outcome| {
                v.push(match o {
                    Outcome::Doc(a) => a.doc.id.clone(),
                    Outcome::Error(e) => format!("ERR {}", e.path),
                });
                Ok(())
            })
            .unwrap();
            (v, s)
        };
        let (one, s1) = ids(1);
        let errors = (0..n).filter(|i| i % 50 == 7).count();
        assert_eq!(s1, Summary { documents: n - errors, errors });
        assert_eq!(one.len(), n);
        assert!(one[0].ends_with("0000.txt") && one[n - 1].ends_with(&format!("{:04}.txt", n - 1)), "{one:?}");
        assert!(one[7].starts_with("ERR ") && one[7].ends_with("0007.txt"), "{}", one[7]);
        for jobs in [2, 3, 8] {
            assert_eq!(ids(jobs), (one.clone(), s1), "jobs {jobs}");
        }
    }
}
