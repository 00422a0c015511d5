//! Batch screening (`rank`): many resumes against one posting, on all cores, with
//! every file isolated so one bad file can only ever become an error row.
//!
//! Isolation, and why it is built this way: text, HTML and DOCX are handled by our
//! own code and well-kept parsers with size caps, so they run in-process on a rayon
//! pool. PDFs go through `pdf-extract`, which can panic, loop or overflow its stack on
//! hostile files; a thread cannot be killed, so each pool thread owns one worker
//! process (this binary, re-run as the hidden `__worker` subcommand) that extracts
//! PDFs one at a time. A worker that overruns `--file-timeout` is killed and replaced;
//! one that dies (stack overflow, abort) is replaced; either way the file becomes an
//! error row and the run goes on. Workers start lazily and live for the whole run, so
//! the process cost is paid once per core, not once per file.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis;
use crate::app::{display_name, Context, Outcome, Posting};
use crate::cli::{Format, RankArgs, WorkerArgs};
use crate::error::{Error, Result};
use crate::extract::{self, Extracted, Input, Kind, Limits};
use crate::job::JobProfile;
use crate::matcher::Matcher;
use crate::report;
use crate::require::Requirement;
use crate::score::Coverage;
use crate::sections::{Document, Purpose};

/// One file's result: a row of the jsonl / csv output.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    pub file: String,
    pub status: RowStatus,
    pub score: Option<f64>,
    pub required: Coverage,
    pub preferred: Coverage,
    /// Posting skills the resume lacks, required first.
    pub missing: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_met: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What the file held, to find duplicates.
    #[serde(skip)]
    pub content: Option<ContentKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    Ok,
    Error,
}

impl Row<'_> {
    fn error(file: &str, err: &Error) -> Row<'static> {
        Row {
            file: file.to_string(),
            status: RowStatus::Error,
            score: None,
            required: Coverage::default(),
            preferred: Coverage::default(),
            missing: Vec::new(),
            require_met: None,
            duplicate_of: None,
            kind: None,
            error: Some(err.to_string()),
            content: None,
        }
    }
}

/// A file's bytes as a fast 128-bit hash (XXH3; BLAKE3 took 2.3 µs of a 5 KB
/// resume's ~35), and its path: when two hashes agree the bytes are compared, so
/// only identical files are ever called duplicates, whatever the hash.
#[derive(Debug, Clone)]
pub struct ContentKey {
    hash: u128,
    path: PathBuf,
}

/// The first file seen with each content, to point duplicates at it.
#[derive(Default)]
struct FirstByContent(rustc_hash::FxHashMap<u128, PathBuf>);

impl FirstByContent {
    /// The first file with the same bytes as `row`'s, or `None` after recording
    /// `row` as the first. (Two different files with one hash, a 2^-128 chance:
    /// the later one is not recorded.)
    fn first_of(&mut self, row: &Row) -> Option<String> {
        let key = row.content.as_ref()?;
        match self.0.entry(key.hash) {
            std::collections::hash_map::Entry::Occupied(first) => {
                same_bytes(first.get(), &key.path).then(|| display_name(first.get()))
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(key.path.clone());
                None
            }
        }
    }
}

/// Whether two files hold the same bytes (false when either cannot be read).
fn same_bytes(a: &Path, b: &Path) -> bool {
    match (std::fs::read(a), std::fs::read(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Files in folders are considered resumes when their extension says document, or
/// their content starts like a PDF or a zip (DOCX).
const DOCUMENT_EXTENSIONS: &[&str] = &[
    "pdf", "docx", "txt", "text", "md", "markdown", "html", "htm",
];

/// Everything a scoring thread needs, built once and shared.
struct Scorer<'a> {
    matcher: &'a Matcher,
    job: &'a JobProfile,
    requirement: Option<&'a Requirement>,
    limits: Limits,
    timeout: f64,
    worker_command: Vec<String>,
}

/// `rank`: score every resume in the paths against the posting.
pub fn rank_command(ctx: &Context, args: RankArgs) -> Result<Outcome> {
    let format = ctx.format(
        "rank",
        &[Format::Table, Format::Csv, Format::Jsonl, Format::Json],
    )?;
    let started = Instant::now();
    // Walking the folders, then reading the first files, on one core while the
    // lexicon and automaton compile on the other.
    let posting_ready = AtomicBool::new(false);
    let (posting, collected) = std::thread::scope(|scope| {
        let collecting = scope.spawn(|| {
            let (paths, skipped) = collect_paths(&args)?;
            let ahead = read_ahead(&paths, &ctx.limits, &posting_ready);
            Ok::<_, Error>((paths, skipped, ahead))
        });
        let posting = ctx.posting(&args.job, args.require.as_deref());
        posting_ready.store(true, Ordering::Relaxed);
        let collected = collecting
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (posting, collected)
    });
    let Posting {
        matcher,
        requirement,
        name: job_name,
        profile,
    } = posting?;
    let (paths, skipped, ahead) = collected?;
    if paths.is_empty() {
        return Err(Error::Usage(format!(
            "no resume files found in {}; give files, folders or globs",
            if args.paths.is_empty() {
                "the arguments".to_string()
            } else {
                args.paths.join(", ")
            }
        )));
    }

    let scorer = Scorer {
        matcher: &matcher,
        job: &profile,
        requirement: requirement.as_ref(),
        limits: ctx.limits,
        timeout: ctx.global.file_timeout,
        worker_command: worker_argv(ctx),
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("skillgap-rank-{i}"))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;

    let progress = progress_bar(ctx, paths.len() as u64);
    let mut inputs: Vec<PathBuf> = paths.clone();
    inputs.extend(args.job.job.clone());
    let mut sink = ctx.sink(&inputs)?;
    let streaming = format == Format::Jsonl;
    let (tx, rx) = mpsc::channel::<Vec<Row>>();
    // Rows travel to this thread in small batches: one message per file cost a
    // thread wake-up per file, a fifth of the CPU time on small text files.
    let batch = (paths.len() / (threads * 16)).clamp(1, 32);
    let mut rows: Vec<Row> = Vec::new();
    let mut tally = Tally::default();
    let mut seen = FirstByContent::default();
    let mut write_error = None;
    let mut line = Vec::new();
    std::thread::scope(|scope| {
        let scorer = &scorer;
        let paths = &paths;
        let pool = &pool;
        scope.spawn(move || {
            pool.install(|| {
                // The files read ahead, then the rest, read by the scoring threads.
                let (read, unread) = paths.split_at(ahead.len());
                read.par_iter()
                    .zip(ahead.into_par_iter().map(Some))
                    .chain(unread.par_iter().map(|path| (path, None)))
                    .chunks(batch)
                    .for_each_with(tx, |tx, chunk| {
                        let rows = chunk
                            .into_iter()
                            .map(|(path, file)| scorer.score_file(path, file))
                            .collect();
                        let _ = tx.send(rows);
                    });
            });
            pool.broadcast(|_| WORKERS.with(|w| w.borrow_mut().take()));
        });
        for mut row in rx.into_iter().flatten() {
            progress.inc(1);
            row.duplicate_of = seen.first_of(&row);
            tally.add(&row, args.min_score);
            if streaming {
                // Streamed rows are written and dropped: memory stays flat.
                if write_error.is_none() && keep(&row, args.min_score) {
                    if let Err(e) = report::json::write_line(&mut sink, &mut line, &row) {
                        write_error = Some(e);
                    }
                }
            } else {
                rows.push(row);
            }
        }
    });
    progress.finish_and_clear();
    if let Some(e) = write_error {
        return Err(Error::from_io("<output>", e));
    }

    if !streaming {
        mark_duplicates_in_path_order(&mut rows);
        // Duplicates now point at the first in path order, not in finishing order.
        tally.duplicates = rows.iter().filter(|r| r.duplicate_of.is_some()).count();
    }
    rows.sort_by(|a, b| {
        (a.status as u8)
            .cmp(&(b.status as u8))
            .then(b.score.unwrap_or(-1.0).total_cmp(&a.score.unwrap_or(-1.0)))
            .then(a.file.cmp(&b.file))
    });
    let Tally {
        total,
        errors,
        duplicates,
        passing,
    } = tally;
    if !streaming {
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
            _ => report::table::rank(&shown, &job_name, &ctx.style),
        };
        sink.write_all(text.as_bytes())
            .map_err(|e| Error::from_io("<output>", e))?;
    }
    sink.finish()?;
    if !ctx.global.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "rank: {total} files, {} ok, {errors} errors, {duplicates} duplicates, {skipped} skipped, {passing} passing filters, {secs:.2} s, {:.0} files/s",
            total - errors,
            total as f64 / secs.max(1e-9)
        );
    }
    let filtered = requirement.is_some() || args.min_score.is_some();
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

/// Duplicates point at the first file in path order with the same content.
fn mark_duplicates_in_path_order(rows: &mut [Row]) {
    rows.sort_by(|a, b| a.file.cmp(&b.file));
    let mut first = FirstByContent::default();
    for row in rows.iter_mut() {
        row.duplicate_of = first.first_of(row);
    }
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

/// Expands files, folders (recursively, skipping hidden entries and non-documents)
/// and globs, plus `--from`. Returns the paths, sorted and unique, and how many
/// folder entries were skipped.
fn collect_paths(args: &RankArgs) -> Result<(Vec<PathBuf>, usize)> {
    let mut specs: Vec<String> = args.paths.clone();
    if let Some(from) = &args.from {
        let text = if from.as_os_str() == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .map_err(|e| Error::from_io("<stdin>", e))?;
            s
        } else {
            std::fs::read_to_string(from)
                .map_err(|e| Error::from_io(&from.display().to_string(), e))?
        };
        specs.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    if specs.iter().any(|s| s == "-") {
        return Err(Error::Usage(
            "rank reads files, not standard input; use --from - to read a list of paths".into(),
        ));
    }
    let mut paths = Vec::new();
    let mut skipped = 0;
    for spec in &specs {
        let path = Path::new(spec);
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                })
            {
                let entry = match entry {
                    Ok(e) => e,
                    Err(_) => {
                        skipped += 1;
                        continue;
                    }
                };
                if entry.file_type().is_file() {
                    if looks_like_document(entry.path()) {
                        paths.push(entry.into_path());
                    } else {
                        skipped += 1;
                    }
                }
            }
        } else if path.exists() || !spec.contains(['*', '?', '[']) {
            // A missing plain path becomes an error row, so the user sees it.
            paths.push(path.to_path_buf());
        } else {
            // Like a shell, `*` does not match hidden files.
            let options = glob::MatchOptions {
                require_literal_leading_dot: true,
                ..glob::MatchOptions::new()
            };
            let matches = glob::glob_with(spec, options)
                .map_err(|e| Error::Usage(format!("bad glob {spec:?}: {e}")))?;
            for m in matches.flatten() {
                if m.is_file() {
                    paths.push(m);
                }
            }
        }
    }
    // Sorted once here, as bytes: sorting folder entries on the way (walkdir) and
    // comparing paths component by component took 5 of the 12 ms spent on 10,000 files.
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    paths.dedup();
    Ok((paths, skipped))
}

fn looks_like_document(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.as_encoded_bytes());
    if ext.is_some_and(|e| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|d| d.as_bytes().eq_ignore_ascii_case(e))
    }) {
        return true;
    }
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    head[..n].starts_with(b"%PDF") || head[..n].starts_with(b"PK\x03\x04")
}

/// The command line that starts a worker with the same lexicon and limits.
fn worker_argv(ctx: &Context) -> Vec<String> {
    let exe = std::env::current_exe()
        .map_or_else(|_| "skillgap".to_string(), |p| p.display().to_string());
    vec![
        exe,
        "__worker".into(),
        "--max-file-size".into(),
        ctx.global.max_file_size.to_string(),
        "--max-pages".into(),
        ctx.global.max_pages.to_string(),
    ]
}

/// A file read and made ready to scan: everything about it that does not need the
/// lexicon, so it can be done while the lexicon compiles.
struct Prepared {
    name: String,
    content: Option<ContentKey>,
    state: PreparedState,
}

enum PreparedState {
    /// Normalized and split into sections.
    Text {
        doc: Document,
        kind: Kind,
    },
    /// A PDF: extracted later, in the scoring thread's worker process.
    Pdf,
    Failed(Error),
}

impl Prepared {
    fn new(path: &Path, limits: &Limits) -> Prepared {
        let name = display_name(path);
        let input = match Input::read(path, limits) {
            Ok(input) => input,
            Err(e) => {
                return Prepared {
                    name,
                    content: None,
                    state: PreparedState::Failed(e),
                }
            }
        };
        let content = Some(ContentKey {
            hash: xxhash_rust::xxh3::xxh3_128(&input.bytes),
            path: path.to_path_buf(),
        });
        let state = match extract::contain_panics(|| extract::extract_unless_pdf(&input, limits)) {
            Ok(None) => PreparedState::Pdf,
            Ok(Some(Ok(extracted))) => PreparedState::Text {
                doc: resume_document(&extracted),
                kind: extracted.kind,
            },
            Ok(Some(Err(e))) => PreparedState::Failed(e),
            Err(panic) => PreparedState::Failed(Error::PdfCrash {
                path: name.clone(),
                detail: panic,
            }),
        };
        Prepared {
            name,
            content,
            state,
        }
    }

    /// Roughly how much memory this holds, to bound reading ahead.
    fn size(&self) -> usize {
        match &self.state {
            PreparedState::Text { doc, .. } => doc.text.len() + 8 * doc.line_count(),
            _ => 0,
        }
    }
}

fn resume_document(extracted: &Extracted) -> Document {
    Document::new(
        crate::normalize::normalize(&extracted.text),
        Purpose::Resume,
    )
}

/// Reads files ahead, in path order, until `stop` is set or a cap is reached: done on
/// the core that is otherwise idle while the lexicon and automaton compile (about
/// 25 ms, in which some 2,000 small resumes are read). The cap keeps memory bounded
/// however many files a run has: at most 4,096 files or 16 MB of text are held.
fn read_ahead(paths: &[PathBuf], limits: &Limits, stop: &AtomicBool) -> Vec<Prepared> {
    const MAX_FILES: usize = 4096;
    const MAX_BYTES: usize = 16 << 20;
    let mut prepared = Vec::new();
    let mut bytes = 0;
    for path in paths.iter().take(MAX_FILES) {
        if stop.load(Ordering::Relaxed) || bytes > MAX_BYTES {
            break;
        }
        let file = Prepared::new(path, limits);
        bytes += file.size();
        prepared.push(file);
    }
    prepared
}

impl<'a> Scorer<'a> {
    /// Scores `path`, prepared ahead or (`None`) now.
    fn score_file(&self, path: &Path, prepared: Option<Prepared>) -> Row<'a> {
        let Prepared {
            name,
            content,
            state,
        } = prepared.unwrap_or_else(|| Prepared::new(path, &self.limits));
        let mut row = match state {
            PreparedState::Text { doc, kind } => self.score_doc(&name, &doc, kind),
            PreparedState::Pdf => match self.extract_in_worker(path) {
                Ok(extracted) => {
                    self.score_doc(&name, &resume_document(&extracted), extracted.kind)
                }
                Err(e) => Row::error(&name, &e),
            },
            PreparedState::Failed(e) => Row::error(&name, &e),
        };
        row.content = content;
        row
    }

    fn score_doc(&self, name: &str, doc: &Document, kind: Kind) -> Row<'a> {
        let required = |id| {
            self.requirement
                .is_some_and(|r| r.groups.iter().flatten().any(|&g| g == id))
        };
        let quick = analysis::quick(self.matcher, doc, self.job, required);
        let require_met = self
            .requirement
            .map(|req| req.is_met(|id| quick.mentions.iter().any(|m| m.skill == id)));
        Row {
            file: name.to_string(),
            status: RowStatus::Ok,
            score: quick.scores.score,
            required: quick.scores.required,
            preferred: quick.scores.preferred,
            missing: quick.missing,
            require_met,
            duplicate_of: None,
            kind: Some(kind),
            error: None,
            content: None,
        }
    }

    /// Extracts a PDF in this thread's worker process, within the time limit.
    fn extract_in_worker(&self, path: &Path) -> Result<Extracted> {
        let name = display_name(path);
        WORKERS.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.is_none() {
                *slot =
                    Some(
                        Worker::start(&self.worker_command).map_err(|e| Error::WorkerDied {
                            path: name.clone(),
                            detail: format!("cannot start a worker: {e}"),
                        })?,
                    );
            }
            let worker = slot.as_mut().expect("worker just started");
            match worker.request(path, &name, self.timeout) {
                Ok(reply) => reply.into_result(),
                Err(failure) => {
                    if let Some(mut dead) = slot.take() {
                        dead.kill();
                    }
                    Err(match failure {
                        Failure::Timeout => Error::Timeout {
                            path: name,
                            secs: self.timeout,
                        },
                        Failure::Died(detail) => Error::WorkerDied { path: name, detail },
                    })
                }
            }
        })
    }
}

thread_local! {
    static WORKERS: std::cell::RefCell<Option<Worker>> = const { std::cell::RefCell::new(None) };
}

/// A worker process and the channel its replies arrive on.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<String>,
    last_words: Arc<Mutex<String>>,
}

enum Failure {
    Timeout,
    Died(String),
}

/// What `rank` asks a worker: read this file, and call it this in messages.
#[derive(Debug, Serialize, Deserialize)]
struct Request {
    path: PathBuf,
    name: String,
}

/// What a worker sends back for one file.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    Text(Extracted),
    Error { message: String },
}

impl Reply {
    fn into_result(self) -> Result<Extracted> {
        match self {
            Reply::Text(extracted) => Ok(extracted),
            Reply::Error { message } => Err(Error::Reported(message)),
        }
    }
}

/// Extracts one PDF in a fresh worker process, within the time limit: how the
/// single-file commands (`extract`, `scan`, `match`) read PDFs, so a PDF that makes
/// the parser overflow its stack or loop becomes one clear error, not a crash or hang.
pub fn extract_isolated(ctx: &Context, input: &Input) -> Result<Extracted> {
    let name = input.name.clone();
    // The worker reads files by path; standard input and in-memory text get a
    // private temporary copy.
    let temp = tempfile::NamedTempFile::new().map_err(|e| Error::from_io("<temp>", e))?;
    std::fs::write(temp.path(), &input.bytes).map_err(|e| Error::from_io("<temp>", e))?;
    let mut worker = Worker::start(&worker_argv(ctx)).map_err(|e| Error::WorkerDied {
        path: name.clone(),
        detail: format!("cannot start a worker: {e}"),
    })?;
    let timeout = ctx.global.file_timeout;
    match worker.request(temp.path(), &name, timeout) {
        Ok(reply) => reply.into_result(),
        Err(Failure::Timeout) => Err(Error::Timeout {
            path: name,
            secs: timeout,
        }),
        Err(Failure::Died(detail)) => Err(Error::WorkerDied { path: name, detail }),
    }
}

impl Worker {
    fn start(command: &[String]) -> std::io::Result<Worker> {
        let mut child = std::process::Command::new(&command[0])
            .args(&command[1..])
            // mimalloc reserves address space 1 GiB at a time by default, which alone
            // fills the worker's cap (`WORKER_MEMORY_BYTES`): small reservations leave
            // room for the extraction thread and the file.
            .env("MIMALLOC_ARENA_RESERVE", "64MiB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        // The last line a dying worker writes ("memory allocation of N bytes failed")
        // says why it died.
        let last_words = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&last_words);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr)
                .lines()
                .map_while(std::result::Result::ok)
            {
                // The runtime's hint after an abort ("note: run with `RUST_BACKTRACE=1`
                // ...") or a backtrace would hide the reason printed before them.
                if line.starts_with("note: ")
                    || line.starts_with("stack backtrace:")
                    || line.starts_with(char::is_whitespace)
                {
                    continue;
                }
                if let Ok(mut last) = sink.lock() {
                    *last = line;
                }
            }
        });
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(line) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            replies,
            last_words,
        })
    }

    /// Asks the worker to read `path`; `name` is how messages name the file.
    fn request(
        &mut self,
        path: &Path,
        name: &str,
        timeout: f64,
    ) -> std::result::Result<Reply, Failure> {
        let request = Request {
            path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
            name: name.to_string(),
        };
        let line = serde_json::to_string(&request).expect("requests serialize");
        if writeln!(self.stdin, "{line}")
            .and_then(|_| self.stdin.flush())
            .is_err()
        {
            return Err(Failure::Died(self.exit_detail()));
        }
        match self
            .replies
            .recv_timeout(Duration::from_secs_f64(timeout.max(0.001)))
        {
            Ok(reply) => {
                serde_json::from_str(&reply).map_err(|e| Failure::Died(format!("bad reply: {e}")))
            }
            Err(RecvTimeoutError::Timeout) => Err(Failure::Timeout),
            Err(RecvTimeoutError::Disconnected) => Err(Failure::Died(self.exit_detail())),
        }
    }

    fn exit_detail(&mut self) -> String {
        let status = match self.child.wait() {
            Ok(status) => describe_exit(status),
            Err(e) => e.to_string(),
        };
        // Give the stderr reader a moment to take the last line.
        std::thread::sleep(Duration::from_millis(20));
        let last = self
            .last_words
            .lock()
            .map(|l| l.trim().to_string())
            .unwrap_or_default();
        if last.is_empty() {
            status
        } else {
            format!("{status}: {last}")
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Address space a PDF worker may use: a hostile PDF (a stream that inflates to
/// gigabytes) makes that one worker fail its allocation and die, not the machine swap.
/// Includes the extraction thread's 256 MB stack reservation.
pub const WORKER_MEMORY_BYTES: u64 = 1024 * 1024 * 1024;

/// Caps this process's virtual memory (Unix); elsewhere a no-op.
fn limit_address_space(bytes: u64) {
    #[cfg(unix)]
    {
        let limit = libc::rlimit {
            rlim_cur: bytes as libc::rlim_t,
            rlim_max: bytes as libc::rlim_t,
        };
        // SAFETY: setrlimit only reads the struct we pass; failure leaves the limit as is.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => "SIGABRT, e.g. a stack overflow",
                9 => "SIGKILL",
                11 => "SIGSEGV",
                _ => "a signal",
            };
            return format!("killed by signal {signal} ({name})");
        }
    }
    format!("exited with {status}")
}

/// The hidden `__worker` subcommand: read absolute paths (JSON strings, one per
/// line) on stdin, answer one JSON [`Reply`] per line on stdout.
pub fn worker_command(ctx: &Context, _args: WorkerArgs) -> Result<Outcome> {
    let limits = ctx.limits;
    limit_address_space(WORKER_MEMORY_BYTES);
    // Deep recursion in malformed PDFs needs a big stack; the thread gets one.
    let handle = std::thread::Builder::new()
        .stack_size(crate::deadline::STACK_BYTES)
        .spawn(move || worker_loop(&limits))
        .map_err(|e| Error::from_io("<worker>", e))?;
    handle
        .join()
        .map_err(|_| Error::Usage("worker thread failed".into()))??;
    Ok(Outcome::Success)
}

fn worker_loop(limits: &Limits) -> Result<()> {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let hang_on = std::env::var("SKILLGAP_TEST_HANG_ON").ok();
    let crash_on = std::env::var("SKILLGAP_TEST_CRASH_ON").ok();
    let hog_on = std::env::var("SKILLGAP_TEST_HOG_ON").ok();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Error::from_io("<stdin>", e))?;
        let Ok(Request { path, name }) = serde_json::from_str::<Request>(&line) else {
            continue;
        };
        let file_name = Path::new(&name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Test hooks: stand-ins for a PDF that loops forever or overflows the stack.
        if hang_on.as_deref() == Some(file_name.as_str()) {
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        }
        if crash_on.as_deref() == Some(file_name.as_str()) {
            std::process::abort();
        }
        // A stand-in for a stream that inflates to gigabytes: it must hit the cap.
        if hog_on.as_deref() == Some(file_name.as_str()) {
            let hog = vec![1u8; 2 * WORKER_MEMORY_BYTES as usize];
            std::hint::black_box(&hog);
        }
        let reply =
            match Input::read(&path, limits).and_then(|input| extract::extract(&input, limits)) {
                Ok(extracted) => Reply::Text(extracted),
                Err(err) => Reply::Error {
                    message: err
                        .to_string()
                        .replacen(&path.display().to_string(), &name, 1),
                },
            };
        let json = serde_json::to_string(&reply).expect("replies serialize");
        writeln!(stdout, "{json}")
            .and_then(|_| stdout.flush())
            .map_err(|e| Error::from_io("<stdout>", e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_with(dir: &Path, name: &str, bytes: &str, hash: u128) -> Row<'static> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut row = Row::error(name, &Error::Usage(String::new()));
        row.content = Some(ContentKey { hash, path });
        row
    }

    #[test]
    fn only_identical_bytes_make_a_duplicate_even_when_hashes_agree() {
        let dir = tempfile::tempdir().unwrap();
        let first = row_with(dir.path(), "a.txt", "Java", 7);
        let copy = row_with(dir.path(), "b.txt", "Java", 7);
        // The same hash as a stand-in for a collision: different bytes.
        let other = row_with(dir.path(), "c.txt", "Rust", 7);
        let mut seen = FirstByContent::default();
        assert_eq!(seen.first_of(&first), None);
        assert_eq!(seen.first_of(&other), None);
        assert_eq!(
            seen.first_of(&copy),
            Some(display_name(&dir.path().join("a.txt")))
        );
    }
}
