//! `lede eval`: score an extractor against gold annotations.

use anyhow::Result;
use lede::eval::Task;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code for unreadable or unrecognized gold data.
const EXIT_BAD_GOLD: u8 = 2;

/// Output format of `lede eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// The scorecard as an aligned table.
    Table,
    /// The scorecard as JSON.
    Json,
}

/// Options of `lede eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold annotations: a JSON Lines file, or a folder of HTML pages for boilerplate.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// What to score [default: guessed from the gold file].
    #[arg(long, value_enum)]
    pub task: Option<Task>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: EvalFormat,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if let Err(e) = std::fs::metadata(&args.gold) {
        eprintln!("lede: cannot read gold {}: {e}", args.gold.display());
        return Ok(ExitCode::from(EXIT_BAD_GOLD));
    }
    let Some(task) = args.task.or_else(|| Task::detect(&args.gold)) else {
        eprintln!(
            "lede: cannot tell which task {} is gold for; give --task ner|timex|quotes|figures|boilerplate",
            args.gold.display()
        );
        return Ok(ExitCode::from(EXIT_BAD_GOLD));
    };
    let card = match task.score(&args.gold) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lede: {}: {e}", args.gold.display());
            return Ok(ExitCode::from(EXIT_BAD_GOLD));
        }
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        EvalFormat::Table => out.write_all(card.render().as_bytes())?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &card)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
