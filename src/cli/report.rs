//! `lede report`: corpus aggregates, and merging of shard reports.

use super::{EXIT_OK, EXIT_SOME_FAILED, InputArgs, Progress};
use anyhow::{Context, Result};
use lede::pipeline::{self, Outcome};
use lede::report::{Report, table};
use lede::resolve::Aliases;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const EXAMPLES: &str = "Examples:
  lede report ~/articles                        tables on a terminal
  lede report shard1/ --json-out part1.json     keep a mergeable summary
  lede report --merge part1.json part2.json     the report of both shards
  lede report --merge p1.json p2.json --names-out names.json
  lede analyze shard2/ --names names.json --part 1   shard 2 as in one run";

/// Output format of `lede report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Aligned tables, 100 columns wide.
    Table,
    /// The full mergeable summary (what `--json-out` writes).
    Json,
}

/// Options of `lede report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Also write the mergeable JSON summary to this file.
    #[arg(long, value_name = "FILE")]
    pub json_out: Option<PathBuf>,
    /// The PATHs are JSON reports (from `--json-out`) to merge, not articles,
    /// in input order: the first spelling of a name seen wins.
    #[arg(long)]
    pub merge: bool,
    /// Also write the corpus alias map of person names (for `lede analyze
    /// --names`): each merged report is a part, numbered from 0.
    #[arg(long, value_name = "FILE")]
    pub names_out: Option<PathBuf>,
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".lede-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    tmp.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// The merged report and the alias map with each report as one part.
fn merged(paths: &[String]) -> Result<(Report, Aliases)> {
    if paths.is_empty() {
        anyhow::bail!("--merge needs report files (written by `lede report --json-out`)");
    }
    let mut parts = Vec::with_capacity(paths.len());
    let mut names: Vec<Vec<String>> = Vec::with_capacity(paths.len());
    for p in paths {
        let text = std::fs::read_to_string(p).with_context(|| format!("cannot read {p}"))?;
        let part = Report::from_json(&text).map_err(|e| anyhow::anyhow!("{p}: {e}"))?;
        names.push(part.person_names().into_iter().map(str::to_string).collect());
        parts.push(part);
    }
    Ok((Report::merge_all(parts), Aliases::from_parts(names)))
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let mut failed = false;
    let (report, aliases) = if args.merge {
        merged(&args.input.paths)?
    } else {
        // Document-level canonicals only: see `Config::resolve_names`.
        let cfg = lede::pipeline::Config { resolve_names: false, ..args.input.config() };
        let walker = args.input.walker()?;
        let progress = Progress::new(args.input.quiet);
        let mut report = Report::new();
        let summary = pipeline::run(&walker, &cfg, &mut |o: Outcome| {
            progress.tick();
            match &o {
                Outcome::Doc(a) => report.add(a),
                Outcome::Error(e) => {
                    progress.eprintln(&format!("lede: {e}"));
                    report.add_error(e);
                }
            }
            Ok(())
        })?;
        progress.finish();
        failed = summary.errors > 0;
        report.finish();
        let aliases = Aliases::from_names(report.person_names());
        (report, aliases)
    };
    if let Some(path) = &args.names_out {
        write_atomic(path, aliases.to_json().as_bytes())?;
    }
    let json = serde_json::to_string_pretty(&report)? + "\n";
    if let Some(path) = &args.json_out {
        write_atomic(path, json.as_bytes())?;
    }
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { ReportFormat::Table } else { ReportFormat::Json });
    let mut out = std::io::stdout().lock();
    match format {
        ReportFormat::Json => out.write_all(json.as_bytes())?,
        ReportFormat::Table => out.write_all(table::render(&report).as_bytes())?,
    }
    out.flush()?;
    Ok(ExitCode::from(if failed { EXIT_SOME_FAILED } else { EXIT_OK }))
}
