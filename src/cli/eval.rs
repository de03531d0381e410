//! `lede eval`.
//!
//! (Stub: filled in by its issue.)

use anyhow::Result;
use std::process::ExitCode;

/// Options of `lede eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Arguments (not yet implemented).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub rest: Vec<String>,
}

pub fn run(_args: &Args) -> Result<ExitCode> {
    anyhow::bail!("`lede eval` is not implemented yet")
}
