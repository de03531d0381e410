//! `lede analyze`: the main job.

use super::{EXIT_OK, EXIT_SOME_FAILED, InputArgs};
use anyhow::{Context, Result};
use lede::output::{Format, Printer};
use lede::pipeline::{self, Outcome, Sink};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  lede analyze fixtures/                      a table on a terminal
  lede analyze ~/articles --format jsonl | jq -r .title
  lede analyze records.jsonl --format json > out.json
  lede analyze page.html --only entities,quotes --text";

/// Options of `lede analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Include each document's cleaned text (offsets index it).
    #[arg(long)]
    pub text: bool,
    /// Write to this file instead of stdout (atomically: a temporary file renamed when done).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Reports errors and warnings on stderr as they pass to the printer.
struct Reporting<'a, S: Sink> {
    inner: &'a mut S,
    quiet: bool,
    progress: &'a super::Progress,
}

impl<S: Sink> Sink for Reporting<'_, S> {
    fn outcome(&mut self, outcome: Outcome) -> std::io::Result<()> {
        match &outcome {
            Outcome::Error(e) => self.progress.eprintln(&format!("lede: {e}")),
            Outcome::Doc(a) if !self.quiet => {
                for w in &a.doc.warnings {
                    self.progress.eprintln(&format!("lede: warning: {}: {w}", a.doc.id));
                }
            }
            Outcome::Doc(_) => {}
        }
        self.progress.tick();
        self.inner.outcome(outcome)
    }
    fn idle(&mut self) -> std::io::Result<()> {
        self.inner.idle()
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let cfg = args.input.config();
    let walker = args.input.walker()?;
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal { Format::Table } else { Format::Jsonl });
    let progress = super::Progress::new(args.input.quiet);
    let summary = match &args.output {
        None => {
            let stdout = std::io::stdout().lock();
            let mut printer = Printer::new(std::io::BufWriter::new(stdout), format, args.text);
            let s = pipeline::run(
                &walker,
                &cfg,
                &mut Reporting { inner: &mut printer, quiet: args.input.quiet, progress: &progress },
            )?;
            printer.finish()?;
            s
        }
        Some(path) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::Builder::new()
                .prefix(".lede-")
                .suffix(".tmp")
                .tempfile_in(dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            let mut printer = Printer::new(std::io::BufWriter::new(tmp), format, args.text);
            let s = pipeline::run(
                &walker,
                &cfg,
                &mut Reporting { inner: &mut printer, quiet: args.input.quiet, progress: &progress },
            )?;
            let mut file = printer.finish()?.into_inner().map_err(|e| e.into_error())?;
            file.flush()?;
            file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
            s
        }
    };
    progress.finish();
    Ok(ExitCode::from(if summary.errors > 0 { EXIT_SOME_FAILED } else { EXIT_OK }))
}
