//! `lede schema`, `lede completions`, `lede man`: generated from definitions.

use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

/// Which schema `lede schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SchemaKind {
    /// One record of `lede analyze` output (a document or a failed input).
    #[default]
    Output,
    /// The JSON of `lede report --format json` / `--json-out`.
    Report,
}

/// Options of `lede schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which output to describe.
    #[arg(value_enum, default_value = "output")]
    pub kind: SchemaKind,
}

/// One line of JSON Lines output (one element of a JSON array): a document
/// or a failed input. Only here to derive the schema from the wire types.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)]
enum OutputRecord {
    Document(lede::output::wire::DocOut),
    Error(lede::output::wire::ErrorOut),
}

/// Options of `lede completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn schema(args: &SchemaArgs) -> Result<ExitCode> {
    let mut schema = match args.kind {
        SchemaKind::Output => schemars::schema_for!(OutputRecord),
        SchemaKind::Report => schemars::schema_for!(lede::report::Report),
    };
    let id = match args.kind {
        SchemaKind::Output => lede::output::wire::SCHEMA,
        SchemaKind::Report => lede::report::REPORT_SCHEMA,
    };
    schema.insert("title".into(), id.into());
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &schema)?;
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
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
