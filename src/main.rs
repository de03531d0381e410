//! The `lede` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

/// The pipeline allocates many short-lived strings and vectors per
/// document (tokens, candidate names, JSON fields); mimalloc serves them
/// with far fewer instructions than the system allocator and keeps
/// per-thread heaps, so `-j2` threads do not contend on one lock.
#[global_allocator]
static GLOBAL: lede::alloc::Mimalloc = lede::alloc::Mimalloc;

fn main() -> ExitCode {
    lede::alloc::keep_freed_memory();
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`lede … | head`) is not a failure.
            for cause in err.chain() {
                if let Some(io) = cause.downcast_ref::<std::io::Error>()
                    && io.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("lede: {err:#}");
            ExitCode::from(2)
        }
    }
}
