//! The `skillgap` binary: parse flags, run the command, turn the result into an exit
//! code. 0: success; 1: a condition (`--min-score`, `--require`) was not met;
//! 2: bad usage or unreadable input.

use std::process::ExitCode;

use clap::Parser;
use skillgap::app::{self, Outcome};
use skillgap::cli::Cli;

/// Many small allocations per file on every thread (rows, names, mentions), freed
/// on another thread: mimalloc's per-thread heaps cost less than glibc's locked arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match app::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NotMet) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("skillgap: {err}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stops early (`skillgap ... | head`) is not an error.
fn is_broken_pipe(err: &skillgap::Error) -> bool {
    matches!(err, skillgap::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}
