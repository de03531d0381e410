//! Command-line interface: argument definitions and subcommand dispatch.
//!
//! Each subcommand lives in its own module exposing `run(&Args) ->
//! Result<ExitCode>`; options shared by every command that reads articles
//! are in [`InputArgs`], which resolves into the library's `Config` and
//! `Walker`, so library code never sees clap types.

mod analyze;
mod check;
mod eval;
mod generate;
mod report;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use lede::extract::Selection;
use lede::input::{WalkOptions, Walker};
use lede::pipeline::{Config, DEFAULT_MAX_BYTES};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Exit code: everything worked.
pub const EXIT_OK: u8 = 0;
/// Exit code: some input failed (the others were processed).
pub const EXIT_SOME_FAILED: u8 = 1;

/// Analyze folders of raw news articles: clean them, then extract entities,
/// dates, quotes and figures as JSON, JSON Lines or a table.
#[derive(Debug, Parser)]
#[command(name = "lede", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean articles and extract entities, dates, quotes and figures.
    #[command(after_help = analyze::EXAMPLES)]
    Analyze(analyze::Args),
    /// Aggregate a corpus: top entities, quoted people, timelines, figures, duplicates.
    #[command(after_help = report::EXAMPLES)]
    Report(report::Args),
    /// Compare output with stored expected files; exit 1 on any difference.
    #[command(after_help = check::EXAMPLES)]
    Check(check::Args),
    /// Score the extractors against gold annotations.
    Eval(eval::Args),
    /// Print the JSON Schema of the document and report output.
    Schema(generate::SchemaArgs),
    /// Print a shell completion script.
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff).
    #[command(hide = true)]
    Man,
}

/// Options of every command that reads articles.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files or directories to read; `-` reads standard input (JSON Lines
    /// records if it starts with `{`, otherwise one plain-text article).
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Keep the input text verbatim: no markup or boilerplate stripping, no
    /// whitespace change, so offsets index the input exactly.
    #[arg(long)]
    pub no_clean: bool,
    /// Reference date (YYYY-MM-DD) for documents that carry none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Run only these extractors (comma-separated: entities,dates,quotes,figures; `none` for cleaning only).
    #[arg(long, value_name = "LIST", value_parser = Selection::parse)]
    pub only: Option<Selection>,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Read only files matching this glob inside directories (repeatable)
    /// [default: *.txt *.text *.html *.htm *.jsonl *.ndjson].
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files matching this glob inside directories (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Refuse inputs (files, stdin, JSON Lines records) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// No progress bar or warnings on stderr (errors are still reported).
    #[arg(short, long)]
    pub quiet: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

impl InputArgs {
    /// The pipeline configuration these options describe.
    pub fn config(&self) -> Config {
        let jobs = self.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), usize::from);
        Config {
            clean: !self.no_clean,
            date: self.date,
            select: self.only.unwrap_or(Selection::ALL),
            max_bytes: self.max_bytes,
            jobs,
            resolve_names: true,
            names: None,
        }
    }

    /// The walker over the given paths (standard input when none is given
    /// and stdin is not a terminal).
    pub fn walker(&self) -> Result<Walker> {
        let mut paths = self.paths.clone();
        if paths.is_empty() {
            if std::io::stdin().is_terminal() {
                anyhow::bail!("no input: give files or directories to read, or `-` for standard input");
            }
            paths.push("-".into());
        }
        let opts =
            WalkOptions { include: self.include.clone(), exclude: self.exclude.clone(), max_bytes: self.max_bytes };
        Walker::new(paths, &opts).map_err(anyhow::Error::msg)
    }
}

/// A spinner on stderr counting documents, shown only when stderr is a
/// terminal and `--quiet` is off, so pipes and logs stay clean.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A spinner if stderr is a terminal and `quiet` is false.
    pub fn new(quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} [{elapsed}] {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress(Some(pb))
    }

    /// Counts one outcome.
    pub fn tick(&self) {
        if let Some(pb) = &self.0 {
            pb.inc(1);
        }
    }

    /// Prints a line on stderr without garbling the spinner.
    pub fn eprintln(&self, msg: &str) {
        match &self.0 {
            Some(pb) => pb.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }

    /// Removes the spinner.
    pub fn finish(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// Parses the command line and runs the chosen subcommand.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match &cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Report(a) => report::run(a),
        Command::Check(a) => check::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Schema(a) => generate::schema(a),
        Command::Completions(a) => generate::completions(a),
        Command::Man => generate::man(),
    }
}

/// The clap command, for completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}
