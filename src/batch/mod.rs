//! The batch engine behind `rank`: many resumes against one posting, on all cores,
//! with every file isolated so one bad file can only ever become an error row. It
//! finds the files, reads ahead, scores on a pool, keeps one PDF worker per thread and
//! finds duplicates; it hands back plain rows ([`Row`]) and formats nothing (the
//! `rank` command and the reports do).
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

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;

pub mod postings;

use crate::cli::RankArgs;
use crate::context::{display_name, Context, Posting};
use crate::error::{Error, Result};
use crate::find::matcher::Matcher;
use crate::judge::analysis;
use crate::judge::posting::JobProfile;
use crate::judge::require::Requirement;
use crate::judge::row::{Row, RowStatus};
use crate::read::extract::{self, Extracted, Input, Kind, Limits};
use crate::read::isolated::{Failure, Worker};
use crate::read::sections::{Document, Purpose};

/// A file's bytes as a fast 128-bit hash (XXH3; BLAKE3 took 2.3 µs of a 5 KB
/// resume's ~35), and its path: when two hashes agree the bytes are compared, so
/// only identical files are ever called duplicates, whatever the hash.
#[derive(Debug, Clone)]
struct ContentKey {
    hash: u128,
    path: PathBuf,
}

/// The first file seen with each content, to point duplicates at it.
#[derive(Default)]
struct FirstByContent(rustc_hash::FxHashMap<u128, PathBuf>);

impl FirstByContent {
    /// The first file with the same bytes as `content`, or `None` after recording
    /// `content` as the first. (Two different files with one hash, a 2^-128 chance:
    /// the later one is not recorded.)
    fn first_of(&mut self, content: Option<&ContentKey>) -> Option<String> {
        let key = content?;
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

/// The files of a run: their paths (sorted, unique), how many folder entries were
/// skipped as not documents, and the first few already read.
pub struct Files {
    pub paths: Vec<PathBuf>,
    pub skipped: usize,
    ahead: Vec<Prepared>,
}

/// Finds the files `args` name and reads the first ones, on another core, while
/// `meanwhile` runs here (building the posting: the lexicon and automaton compile in
/// about 25 ms, in which some 2,000 small resumes are read).
pub fn gather<T>(
    ctx: &Context,
    args: &RankArgs,
    meanwhile: impl FnOnce() -> T,
) -> (T, Result<Files>) {
    let posting_ready = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let collecting = scope.spawn(|| {
            let (paths, skipped) = collect_paths(args)?;
            let ahead = read_ahead(&paths, &ctx.limits, &posting_ready);
            Ok::<_, Error>(Files {
                paths,
                skipped,
                ahead,
            })
        });
        let value = meanwhile();
        posting_ready.store(true, Ordering::Relaxed);
        let collected = collecting
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (value, collected)
    })
}

/// A posting ready to score files on a pool of threads.
pub struct Batch<'a> {
    scorer: Scorer<'a>,
    pool: rayon::ThreadPool,
    threads: usize,
}

impl<'a> Batch<'a> {
    /// Scores against `posting` on `threads` threads (all cores when `None`).
    pub fn new(ctx: &Context, posting: &'a Posting, threads: Option<usize>) -> Result<Batch<'a>> {
        let scorer = Scorer {
            matcher: &posting.matcher,
            job: &posting.profile,
            requirement: posting.requirement.as_ref(),
            limits: ctx.limits,
            timeout: ctx.global.file_timeout,
            worker_command: ctx.worker_command(),
        };
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("skillgap-rank-{i}"))
            .build()
            .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;
        Ok(Batch {
            scorer,
            pool,
            threads,
        })
    }

    /// Scores every file, handing each row to `each` as it finishes: memory stays
    /// flat however many files there are. A duplicate points at the first file with
    /// the same content to finish.
    pub fn stream(&self, files: Files, mut each: impl FnMut(Row<'a>)) {
        let mut seen = FirstByContent::default();
        self.run(files, |mut row, content| {
            row.duplicate_of = seen.first_of(content.as_ref());
            each(row);
        });
    }

    /// Scores every file and returns the rows in path order, each duplicate pointing
    /// at the first file in path order with the same content; `each` sees every row
    /// as it finishes (for a progress bar).
    pub fn collect(&self, files: Files, mut each: impl FnMut(&Row<'a>)) -> Vec<Row<'a>> {
        let mut rows = Vec::new();
        self.run(files, |row, content| {
            each(&row);
            rows.push((row, content));
        });
        rows.sort_by(|a, b| a.0.file.cmp(&b.0.file));
        let mut first = FirstByContent::default();
        rows.into_iter()
            .map(|(mut row, content)| {
                row.duplicate_of = first.first_of(content.as_ref());
                row
            })
            .collect()
    }

    /// Scores the files on the pool and hands each row, with what its file held, to
    /// `each` on this thread.
    fn run(&self, files: Files, mut each: impl FnMut(Row<'a>, Option<ContentKey>)) {
        let Files { paths, ahead, .. } = files;
        let (tx, rx) = mpsc::channel::<Vec<(Row, Option<ContentKey>)>>();
        // Rows travel to this thread in small batches: one message per file cost a
        // thread wake-up per file, a fifth of the CPU time on small text files.
        let batch = (paths.len() / (self.threads * 16)).clamp(1, 32);
        std::thread::scope(|scope| {
            let scorer = &self.scorer;
            let paths = &paths;
            let pool = &self.pool;
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
            for (row, content) in rx.into_iter().flatten() {
                each(row, content);
            }
        });
    }
}

/// Expands files, folders (recursively, skipping hidden entries and non-documents)
/// and globs, plus `--from`. Returns the paths, sorted and unique, and how many
/// folder entries were skipped.
fn collect_paths(args: &RankArgs) -> Result<(Vec<PathBuf>, usize)> {
    expand_paths(&args.paths, args.from.as_deref(), "rank")
}

/// [`collect_paths`] for any command: `paths` and the lines of `from` expanded;
/// `command` names the command in the message refusing `-`.
fn expand_paths(
    paths: &[String],
    from: Option<&Path>,
    command: &str,
) -> Result<(Vec<PathBuf>, usize)> {
    let mut specs: Vec<String> = paths.to_vec();
    if let Some(from) = from {
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
        return Err(Error::Usage(format!(
            "{command} reads files, not standard input; use --from - to read a list of paths"
        )));
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
        crate::read::normalize::normalize(&extracted.text),
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
    /// Scores `path`, prepared ahead or (`None`) now; returns the row and what the
    /// file held.
    fn score_file(&self, path: &Path, prepared: Option<Prepared>) -> (Row<'a>, Option<ContentKey>) {
        let Prepared {
            name,
            content,
            state,
        } = prepared.unwrap_or_else(|| Prepared::new(path, &self.limits));
        let row = match state {
            PreparedState::Text { doc, kind } => self.score_doc(&name, &doc, kind),
            PreparedState::Pdf => match self.extract_in_worker(path) {
                Ok(extracted) => {
                    self.score_doc(&name, &resume_document(&extracted), extracted.kind)
                }
                Err(e) => Row::error(&name, &e),
            },
            PreparedState::Failed(e) => Row::error(&name, &e),
        };
        (row, content)
    }

    fn score_doc(&self, name: &str, doc: &Document, kind: Kind) -> Row<'a> {
        let quick = analysis::quick(self.matcher, doc, self.job);
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
        }
    }

    /// Extracts a PDF in this thread's worker process, within the time limit.
    fn extract_in_worker(&self, path: &Path) -> Result<Extracted> {
        extract_in_worker(&self.worker_command, self.timeout, path)
    }
}

/// Extracts a PDF in the calling pool thread's worker process (started on first
/// use), within `timeout` seconds; a worker that overruns or dies is replaced.
fn extract_in_worker(worker_command: &[String], timeout: f64, path: &Path) -> Result<Extracted> {
    let name = display_name(path);
    WORKERS.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(
                Worker::start(worker_command).map_err(|e| Error::WorkerDied {
                    path: name.clone(),
                    detail: format!("cannot start a worker: {e}"),
                })?,
            );
        }
        let worker = slot.as_mut().expect("worker just started");
        match worker.request(path, &name, timeout) {
            Ok(reply) => reply.into_result(),
            Err(failure) => {
                if let Some(mut dead) = slot.take() {
                    dead.kill();
                }
                Err(match failure {
                    Failure::Timeout => Error::Timeout {
                        path: name,
                        secs: timeout,
                    },
                    Failure::Died(detail) => Error::WorkerDied { path: name, detail },
                })
            }
        }
    })
}

thread_local! {
    static WORKERS: std::cell::RefCell<Option<Worker>> = const { std::cell::RefCell::new(None) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(dir: &Path, name: &str, bytes: &str, hash: u128) -> ContentKey {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        ContentKey { hash, path }
    }

    #[test]
    fn only_identical_bytes_make_a_duplicate_even_when_hashes_agree() {
        let dir = tempfile::tempdir().unwrap();
        let first = key_of(dir.path(), "a.txt", "Java", 7);
        let copy = key_of(dir.path(), "b.txt", "Java", 7);
        // The same hash as a stand-in for a collision: different bytes.
        let other = key_of(dir.path(), "c.txt", "Rust", 7);
        let mut seen = FirstByContent::default();
        assert_eq!(seen.first_of(Some(&first)), None);
        assert_eq!(seen.first_of(Some(&other)), None);
        assert_eq!(
            seen.first_of(Some(&copy)),
            Some(display_name(&dir.path().join("a.txt")))
        );
    }
}
