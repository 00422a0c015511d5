//! `rank`: every resume in the paths scored against one posting, ranked (table, csv,
//! json) or streamed (jsonl). The batch engine scores; this formats and decides the
//! exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::batch::{self, Batch};
use crate::cli::{Format, RankArgs, RankSort};
use crate::context::{Context, Outcome};
use crate::error::{Error, Result};
use crate::judge::row::{Row, RowStatus};
use crate::prose::plural;
use crate::reason::Reason;
use crate::report;
use crate::report::rank_table::RankView;

/// With more failed files than this (or with `--top`), the table sums them up in one
/// line; `--errors` lists them.
const MAX_ERROR_ROWS: usize = 10;

/// The width of a table when standard output is not a terminal: readable in a pager
/// or an editor, rather than as wide as the longest cell.
const FIXED_WIDTH: u16 = 120;

/// The table's width: `COLUMNS` when set, else the terminal's width when the table
/// goes to one, else a fixed width.
fn table_width(ctx: &Context) -> u16 {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0)
    {
        return columns;
    }
    if ctx.global.output.is_none() && std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return w;
        }
    }
    FIXED_WIDTH
}

/// `rank`: score every resume in the paths against the posting.
pub fn run(ctx: &Context, args: RankArgs) -> Result<Outcome> {
    let format = ctx.format(
        "rank",
        &[Format::Table, Format::Csv, Format::Jsonl, Format::Json],
    )?;
    if format == Format::Jsonl && args.top.is_some() {
        return Err(Error::Usage(
            "--top ranks the rows, but jsonl streams each row as its file finishes; use --format json or csv with --top (or sort the jsonl afterwards)".into(),
        ));
    }
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
    if args.verbose && !ctx.global.quiet {
        for (path, why) in &files.skipped_files {
            eprintln!("skipped {}: {why}", path.display());
        }
    }
    // Paths named one by one (not folders or globs): one that cannot be read is a
    // mistake on the command line, and the run ends with exit 2 after the others.
    let named: Vec<String> = args
        .paths
        .iter()
        .filter(|p| !Path::new(p.as_str()).is_dir())
        .filter(|p| files.paths.iter().any(|f| f.as_os_str() == p.as_str()))
        .cloned()
        .collect();
    let mut unreadable_named: Vec<String> = Vec::new();
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
            tally.add(&row, &args);
            note_unreadable(&row, &named, &mut unreadable_named);
            // Streamed rows are written and dropped: memory stays flat.
            if write_error.is_none() && keep(&row, &args) {
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
            tally.add(row, &args);
            note_unreadable(row, &named, &mut unreadable_named);
        }
        rows.sort_by(|a, b| ranked(a, b, args.sort));
        let mut shown: Vec<&Row> = rows
            .iter()
            .filter(|r| r.status == RowStatus::Error || keep(r, &args))
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
            _ => {
                let errors = shown
                    .iter()
                    .filter(|r| r.status == RowStatus::Error)
                    .count();
                let folders: Vec<PathBuf> = args
                    .paths
                    .iter()
                    .map(PathBuf::from)
                    .filter(|p| p.is_dir())
                    .collect();
                let view = RankView {
                    job: &posting.name,
                    folders: &folders,
                    list_errors: args.errors || (args.top.is_none() && errors <= MAX_ERROR_ROWS),
                    width: table_width(ctx),
                };
                report::rank_table::rank(&shown, &view, &ctx.style)
            }
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
        let how_to_see = if skipped > 0 && !args.verbose {
            " (-v lists them)"
        } else {
            ""
        };
        eprintln!(
            "rank: {}, {} ok, {}, {}, {skipped} skipped{how_to_see}, {passing} passing filters, {secs:.2} s, {:.0} files/s",
            plural(total, "file", "files"),
            total - errors,
            plural(errors, "error", "errors"),
            plural(duplicates, "duplicate", "duplicates"),
            total as f64 / secs.max(1e-9)
        );
    }
    if !unreadable_named.is_empty() {
        return Err(Error::Usage(format!(
            "{}; the other files were ranked",
            unreadable_named.join("; ")
        )));
    }
    let filtered =
        posting.requirement.is_some() || args.min_score.is_some() || args.min_evidence.is_some();
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
    fn add(&mut self, row: &Row, args: &RankArgs) {
        self.total += 1;
        self.errors += usize::from(row.status == RowStatus::Error);
        self.duplicates += usize::from(row.duplicate_of.is_some());
        self.passing += usize::from(row.status == RowStatus::Ok && keep(row, args));
    }
}

/// Records `row` when it is a path named on the command line that could not be read
/// at all (missing, no permission, a read error): not a bad resume, a bad argument.
fn note_unreadable(row: &Row, named: &[String], unreadable: &mut Vec<String>) {
    let cannot_read = matches!(
        row.reason,
        Some(Reason::Missing | Reason::NoPermission | Reason::Unreadable)
    );
    if cannot_read && named.contains(&row.file) {
        if let Some(error) = &row.error {
            unreadable.push(error.clone());
        }
    }
}

/// The order of the ranking: scored rows first, by the chosen score, then by required
/// skills met, then by the other score, then by path; unscored rows last.
fn ranked(a: &Row, b: &Row, sort: RankSort) -> std::cmp::Ordering {
    let desc = |x: Option<f64>, y: Option<f64>| y.unwrap_or(-1.0).total_cmp(&x.unwrap_or(-1.0));
    let (first, second) = match sort {
        RankSort::Evidence => (
            desc(a.evidence_score, b.evidence_score),
            desc(a.score, b.score),
        ),
        RankSort::Score => (
            desc(a.score, b.score),
            desc(a.evidence_score, b.evidence_score),
        ),
    };
    (a.status as u8)
        .cmp(&(b.status as u8))
        .then(first)
        .then(b.required.matched.cmp(&a.required.matched))
        .then(second)
        .then(a.file.cmp(&b.file))
}

/// Whether an ok row passes `--require`, `--min-score` and `--min-evidence` (error
/// rows always show).
fn keep(row: &Row, args: &RankArgs) -> bool {
    if row.status == RowStatus::Error {
        return true;
    }
    let at_least = |min: Option<f64>, value: Option<f64>| {
        min.is_none_or(|min| value.is_some_and(|v| v >= min))
    };
    let score_ok =
        at_least(args.min_score, row.score) && at_least(args.min_evidence, row.evidence_score);
    score_ok && row.require_met != Some(false)
}

/// A bar on stderr for runs of 50 files or more, on a terminal, unless `-q`: whole
/// files per second and the time left, both from the average since the start (a
/// run's first files include the reading ahead, so a recent-window rate jumps about).
fn progress_bar(ctx: &Context, len: u64) -> ProgressBar {
    if ctx.global.quiet || !std::io::stderr().is_terminal() || len < 50 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(progress_style());
    bar
}

fn progress_style() -> ProgressStyle {
    ProgressStyle::with_template("{bar:40} {pos}/{len} files  {rate}  {left}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}", rate(state.pos(), state.elapsed().as_secs_f64()));
            },
        )
        .with_key(
            "left",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let left = time_left(
                    state.pos(),
                    state.len().unwrap_or(0),
                    state.elapsed().as_secs_f64(),
                );
                let _ = write!(w, "{left}");
            },
        )
}

/// "833 files/s": whole files, since nobody reads the decimals of a rate.
fn rate(done: u64, secs: f64) -> String {
    if secs < 1.0 {
        return "- files/s".to_string();
    }
    format!("{:.0} files/s", done as f64 / secs)
}

/// "ETA 1m 05s" from the average rate so far; "ETA -" until there is one worth
/// showing (a second, and a few files: the first file alone says little).
fn time_left(done: u64, total: u64, secs: f64) -> String {
    if done < 5 || secs < 1.0 {
        return "ETA -".to_string();
    }
    let left = (total.saturating_sub(done) as f64 * secs / done as f64).round() as u64;
    if left >= 3600 {
        format!("ETA {}h {:02}m", left / 3600, left % 3600 / 60)
    } else if left >= 60 {
        format!("ETA {}m {:02}s", left / 60, left % 60)
    } else {
        format!("ETA {left}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_is_whole_files_per_second() {
        assert_eq!(rate(1666, 2.0), "833 files/s");
        assert_eq!(rate(5, 0.5), "- files/s");
    }

    #[test]
    fn time_left_from_the_average_rate() {
        assert_eq!(time_left(0, 100, 3.0), "ETA -");
        assert_eq!(time_left(1, 1000, 3.5), "ETA -");
        assert_eq!(time_left(50, 100, 10.0), "ETA 10s");
        assert_eq!(time_left(100, 1000, 10.0), "ETA 1m 30s");
        assert_eq!(time_left(10, 10_000, 36.0), "ETA 9h 59m");
        assert_eq!(time_left(100, 100, 10.0), "ETA 0s");
    }
}
