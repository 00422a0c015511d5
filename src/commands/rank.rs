//! `rank`: every resume in the paths scored against one posting, ranked (table, csv,
//! json) or streamed (jsonl). The batch engine scores; this formats and decides the
//! exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::{self, Batch};
use crate::cli::{Format, RankArgs};
use crate::context::{Context, Outcome};
use crate::error::{Error, Result};
use crate::judge::row::{Row, RowStatus};
use crate::report;

/// `rank`: score every resume in the paths against the posting.
pub fn run(ctx: &Context, args: RankArgs) -> Result<Outcome> {
    let format = ctx.format(
        "rank",
        &[Format::Table, Format::Csv, Format::Jsonl, Format::Json],
    )?;
    let started = Instant::now();
    // Walking the folders, then reading the first files, on one core while the
    // lexicon and automaton compile on the other.
    let (posting, files) = batch::gather(ctx, &args, || {
        ctx.posting(&args.job, args.require.as_deref())
    });
    let posting = posting?;
    let files = files?;
    if files.paths.is_empty() {
        return Err(Error::Usage(format!(
            "no resume files found in {}; give files, folders or globs",
            if args.paths.is_empty() {
                "the arguments".to_string()
            } else {
                args.paths.join(", ")
            }
        )));
    }
    let skipped = files.skipped;
    let batch = Batch::new(ctx, &posting, args.threads)?;

    let progress = progress_bar(ctx, files.paths.len() as u64);
    let mut inputs: Vec<PathBuf> = files.paths.clone();
    inputs.extend(args.job.job.clone());
    let mut sink = ctx.sink(&inputs)?;
    let mut tally = Tally::default();
    if format == Format::Jsonl {
        let mut write_error = None;
        let mut line = Vec::new();
        batch.stream(files, |row| {
            progress.inc(1);
            tally.add(&row, args.min_score);
            // Streamed rows are written and dropped: memory stays flat.
            if write_error.is_none() && keep(&row, args.min_score) {
                if let Err(e) = report::json::write_line(&mut sink, &mut line, &row) {
                    write_error = Some(e);
                }
            }
        });
        progress.finish_and_clear();
        if let Some(e) = write_error {
            return Err(Error::from_write(&sink.name(), e));
        }
    } else {
        let mut rows = batch.collect(files, |_| progress.inc(1));
        progress.finish_and_clear();
        for row in &rows {
            tally.add(row, args.min_score);
        }
        rows.sort_by(|a, b| {
            (a.status as u8)
                .cmp(&(b.status as u8))
                .then(b.score.unwrap_or(-1.0).total_cmp(&a.score.unwrap_or(-1.0)))
                .then(a.file.cmp(&b.file))
        });
        let mut shown: Vec<&Row> = rows
            .iter()
            .filter(|r| r.status == RowStatus::Error || keep(r, args.min_score))
            .collect();
        if let Some(top) = args.top {
            let mut ok_seen = 0;
            shown.retain(|r| {
                if r.status == RowStatus::Ok {
                    ok_seen += 1;
                    ok_seen <= top
                } else {
                    true
                }
            });
        }
        let text = match format {
            Format::Csv => report::csv::rows(&shown),
            Format::Json => report::json::pretty(&shown),
            _ => report::table::rank(&shown, &posting.name, &ctx.style),
        };
        sink.write_all(text.as_bytes())
            .map_err(|e| Error::from_write(&sink.name(), e))?;
    }
    sink.finish()?;
    let Tally {
        total,
        errors,
        duplicates,
        passing,
    } = tally;
    if !ctx.global.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "rank: {total} files, {} ok, {errors} errors, {duplicates} duplicates, {skipped} skipped, {passing} passing filters, {secs:.2} s, {:.0} files/s",
            total - errors,
            total as f64 / secs.max(1e-9)
        );
    }
    let filtered = posting.requirement.is_some() || args.min_score.is_some();
    Ok(if filtered && passing == 0 {
        Outcome::NotMet
    } else {
        Outcome::Success
    })
}

/// Counts for the summary line, kept as rows arrive.
#[derive(Debug, Default)]
struct Tally {
    total: usize,
    errors: usize,
    duplicates: usize,
    passing: usize,
}

impl Tally {
    fn add(&mut self, row: &Row, min_score: Option<f64>) {
        self.total += 1;
        self.errors += usize::from(row.status == RowStatus::Error);
        self.duplicates += usize::from(row.duplicate_of.is_some());
        self.passing += usize::from(row.status == RowStatus::Ok && keep(row, min_score));
    }
}

/// Whether an ok row passes `--require` and `--min-score` (error rows always show).
fn keep(row: &Row, min_score: Option<f64>) -> bool {
    if row.status == RowStatus::Error {
        return true;
    }
    let score_ok = min_score.is_none_or(|min| row.score.is_some_and(|s| s >= min));
    score_ok && row.require_met != Some(false)
}

fn progress_bar(ctx: &Context, len: u64) -> ProgressBar {
    if ctx.global.quiet || !std::io::stderr().is_terminal() || len < 50 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
