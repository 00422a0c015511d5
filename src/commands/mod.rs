//! The commands, one file each: each takes parsed flags and the shared [`Context`],
//! runs the pipeline, writes a report, and says how the run ended. [`main`] turns
//! that into the exit code, in one place: 0 success, 1 a condition (`--min-score`,
//! `--require`) not met, 2 bad usage or unreadable input.

mod extract;
mod jobs;
mod lexicon;
mod man;
mod r#match;
mod rank;
mod scan;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::{Cli, Command, WorkerCli, WORKER};
use crate::context::{Context, Outcome};
use crate::error::{Error, Result};
use crate::read::isolated;

/// The `skillgap` binary: parse the flags, run the command, pick the exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let result = if args.get(1).is_some_and(|a| a == WORKER) {
        let worker = WorkerCli::parse_from(args[..1].iter().chain(&args[2..]));
        let ctx = Context::new(&worker.global);
        isolated::serve(ctx.limits, ctx.global.file_timeout).map(|()| Outcome::Success)
    } else {
        run(Cli::parse_from(args))
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NotMet) => ExitCode::from(1),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("skillgap: {err}");
            ExitCode::from(2)
        }
    }
}

/// Runs the command the flags name.
pub fn run(cli: Cli) -> Result<Outcome> {
    let mut global = cli.global;
    global.format = cli.command.format();
    let ctx = Context::new(&global);
    match cli.command {
        Command::Extract(args) => extract::run(&ctx, args),
        Command::Scan(args) => scan::run(&ctx, args),
        Command::Match(args) => r#match::run(&ctx, args),
        Command::Rank(args) => rank::run(&ctx, args),
        Command::Jobs(args) => jobs::run(&ctx, args),
        Command::Lexicon(command) => lexicon::run(&ctx, command),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "skillgap", &mut out);
            ctx.emit(&[], &String::from_utf8_lossy(&out))?;
            Ok(Outcome::Success)
        }
        Command::Man => {
            let out = man::page(Cli::command()).map_err(|e| Error::from_io("<man page>", e))?;
            ctx.emit(&[], &String::from_utf8_lossy(&out))?;
            Ok(Outcome::Success)
        }
    }
}
