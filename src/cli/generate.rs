//! `lede schema`, `lede completions`, `lede man`: generated from definitions.

use anyhow::Result;
use std::process::ExitCode;

/// Options of `lede schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {}

/// Options of `lede completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn schema(_args: &SchemaArgs) -> Result<ExitCode> {
    anyhow::bail!("`lede schema` is not implemented yet")
}

pub fn completions(args: &CompletionsArgs) -> Result<ExitCode> {
    let mut cmd = super::command();
    clap_complete::generate(args.shell, &mut cmd, "lede", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode> {
    clap_mangen::Man::new(super::command()).render(&mut std::io::stdout())?;
    Ok(ExitCode::SUCCESS)
}
