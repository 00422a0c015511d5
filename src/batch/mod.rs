//! The batch engine behind `rank`: many resumes against one posting, on all cores,
//! with every file isolated so one bad file can only ever become an error row. It
//! finds the files, reads ahead, scores on a pool, keeps one worker process per thread
//! and finds duplicates; it hands back plain rows ([`Row`]) and formats nothing (the
//! `rank` command and the reports do).
//!
//! Isolation, and why it is built this way: plain text is read by our own
//! linear-time code, so it runs in-process on a rayon pool. PDFs go through
//! `pdf-extract`, which can panic, loop or overflow its stack on hostile files, and
//! HTML parsing grows with the square of the nesting depth; a thread cannot be killed,
//! so each pool thread owns one worker process (this binary, re-run as the hidden
//! `__worker` subcommand) that extracts PDF, DOCX and HTML files one at a time. A
//! worker that overruns `--file-timeout` is killed and replaced; one that dies (stack
//! overflow, abort) is replaced; either way the file becomes an error row and the run
//! goes on. Workers start lazily and live for the whole run, so the process cost is
//! paid once per core, not once per file; they die with the run (see `read::isolated`).
//! A panic while scoring is caught and becomes that file's error row too.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

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
use crate::judge::stuffing::Hidden;
use crate::read::extract::{self, Extracted, Input, Kind, Limits};
use crate::read::isolated::{Failure, Worker};
use crate::read::sections::{Document, Purpose};

/// Which content a file holds: the first file read with the same bytes (the file
/// itself when it is the first). Files with one original are duplicates of each other.
type ContentKey = Arc<PathBuf>;

/// The first file read with each content, shared by the threads that read files.
///
/// A file's bytes are hashed as they are read (XXH3-128; BLAKE3 took 2.3 µs of a 5 KB
/// resume's ~35). When two hashes agree, the reading thread compares its bytes, still
/// in memory, with the first file's, so only identical files are ever called
/// duplicates whatever the hash; it is done once per file, on the thread that read it.
#[derive(Default)]
struct Contents(Mutex<rustc_hash::FxHashMap<u128, ContentKey>>);

impl Contents {
    /// The original of the file at `path`, holding `bytes`: the first file read with
    /// the same bytes, or `path` itself (recorded as the first of its hash). Two
    /// different files with one hash (a 2^-128 chance): the later is its own original
    /// and is not recorded.
    fn original(&self, path: &Path, bytes: &[u8]) -> ContentKey {
        let hash = xxhash_rust::xxh3::xxh3_128(bytes);
        let first = {
            let Ok(mut seen) = self.0.lock() else {
                return Arc::new(path.to_path_buf());
            };
            match seen.entry(hash) {
                std::collections::hash_map::Entry::Occupied(first) => Arc::clone(first.get()),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    return Arc::clone(slot.insert(Arc::new(path.to_path_buf())));
                }
            }
        };
        if std::fs::read(first.as_path()).is_ok_and(|first_bytes| first_bytes == bytes) {
            first
        } else {
            Arc::new(path.to_path_buf())
        }
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
    /// Each skipped entry and why, for `rank --verbose`.
    pub skipped_files: Skipped,
    ahead: Vec<Prepared>,
    contents: Contents,
}

/// Folder entries left out, each with the reason.
pub type Skipped = Vec<(PathBuf, String)>;

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
            let (paths, skipped_files) = collect_paths(args)?;
            let contents = Contents::default();
            let ahead = read_ahead(&paths, &ctx.limits, &contents, &posting_ready);
            Ok::<_, Error>(Files {
                paths,
                skipped: skipped_files.len(),
                skipped_files,
                ahead,
                contents,
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
        self.run(files, |mut row, path, content| {
            row.duplicate_of = content
                .filter(|original| original.as_path() != path)
                .map(|original| display_name(&original));
            each(row);
        });
    }

    /// Scores every file and returns the rows in path order, each duplicate pointing
    /// at the first file in path order with the same content; `each` sees every row
    /// as it finishes (for a progress bar).
    pub fn collect(&self, files: Files, mut each: impl FnMut(&Row<'a>)) -> Vec<Row<'a>> {
        let mut rows = Vec::new();
        self.run(files, |row, _, content| {
            each(&row);
            rows.push((row, content));
        });
        rows.sort_by(|a, b| a.0.file.cmp(&b.0.file));
        // The first row of each content, in path order, is the one the others point at.
        let mut first_in_path_order: rustc_hash::FxHashMap<ContentKey, String> =
            rustc_hash::FxHashMap::default();
        rows.into_iter()
            .map(|(mut row, content)| {
                if let Some(content) = content {
                    match first_in_path_order.entry(content) {
                        std::collections::hash_map::Entry::Occupied(first) => {
                            row.duplicate_of = Some(first.get().clone());
                        }
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(row.file.clone());
                        }
                    }
                }
                row
            })
            .collect()
    }

    /// Scores the files on the pool and hands each row, with its path and what its
    /// file held, to `each` on this thread.
    fn run(&self, files: Files, mut each: impl FnMut(Row<'a>, &Path, Option<ContentKey>)) {
        let Files {
            paths,
            ahead,
            contents,
            ..
        } = files;
        let (tx, rx) = mpsc::channel::<Vec<(Row, &Path, Option<ContentKey>)>>();
        // Rows travel to this thread in small batches: one message per file cost a
        // thread wake-up per file, a fifth of the CPU time on small text files.
        let batch = (paths.len() / (self.threads * 16)).clamp(1, 32);
        std::thread::scope(|scope| {
            let scorer = &self.scorer;
            let paths = &paths;
            let contents = &contents;
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
                                .map(|(path, file)| {
                                    let (row, content) = scorer.score_file(path, file, contents);
                                    (row, path.as_path(), content)
                                })
                                .collect();
                            let _ = tx.send(rows);
                        });
                });
                pool.broadcast(|_| WORKERS.with(|w| w.borrow_mut().take()));
            });
            for (row, path, content) in rx.into_iter().flatten() {
                each(row, path, content);
            }
        });
    }
}

/// Expands files, folders (recursively, skipping hidden entries and non-documents)
/// and globs, plus `--from`. Returns the paths, sorted and unique, and how many
/// folder entries were skipped.
fn collect_paths(args: &RankArgs) -> Result<(Vec<PathBuf>, Skipped)> {
    expand_paths(&args.paths, args.from.as_deref(), "rank")
}

/// [`collect_paths`] for any command: `paths` and the lines of `from` expanded;
/// `command` names the command in the message refusing `-`.
fn expand_paths(
    paths: &[String],
    from: Option<&Path>,
    command: &str,
) -> Result<(Vec<PathBuf>, Skipped)> {
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
    let mut skipped = Vec::new();
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
                    Err(e) => {
                        let at = e.path().unwrap_or(path).to_path_buf();
                        let why = e
                            .io_error()
                            .map_or_else(|| e.to_string(), |io| format!("cannot list it: {io}"));
                        skipped.push((at, why));
                        continue;
                    }
                };
                if entry.file_type().is_file() {
                    if looks_like_document(entry.path()) {
                        paths.push(entry.into_path());
                    } else {
                        skipped.push((
                            entry.into_path(),
                            "not a document (neither its extension nor its first bytes say PDF, DOCX, HTML or text)".into(),
                        ));
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
    /// A PDF, DOCX or HTML file: extracted later, in the scoring thread's worker
    /// process, under the time limit.
    Isolated,
    Failed(Error),
}

impl Prepared {
    fn new(path: &Path, limits: &Limits, contents: &Contents) -> Prepared {
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
        let content = Some(contents.original(path, &input.bytes));
        let state = match extract::contain_panics(|| extract::extract_unless_parsed(&input, limits))
        {
            Ok(None) => PreparedState::Isolated,
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
            PreparedState::Text { doc, .. } => doc.text().len() + 8 * doc.line_count(),
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
fn read_ahead(
    paths: &[PathBuf],
    limits: &Limits,
    contents: &Contents,
    stop: &AtomicBool,
) -> Vec<Prepared> {
    const MAX_FILES: usize = 4096;
    const MAX_BYTES: usize = 16 << 20;
    let mut prepared = Vec::new();
    let mut bytes = 0;
    for path in paths.iter().take(MAX_FILES) {
        if stop.load(Ordering::Relaxed) || bytes > MAX_BYTES {
            break;
        }
        let file = Prepared::new(path, limits, contents);
        bytes += file.size();
        prepared.push(file);
    }
    prepared
}

impl<'a> Scorer<'a> {
    /// Scores `path`, prepared ahead or (`None`) now; returns the row and what the
    /// file held.
    fn score_file(
        &self,
        path: &Path,
        prepared: Option<Prepared>,
        contents: &Contents,
    ) -> (Row<'a>, Option<ContentKey>) {
        let Prepared {
            name,
            content,
            state,
        } = prepared.unwrap_or_else(|| Prepared::new(path, &self.limits, contents));
        let row = match state {
            PreparedState::Text { doc, kind } => self.score_contained(&name, &doc, kind, None),
            PreparedState::Isolated => match self.extract_in_worker(path) {
                Ok(extracted) => {
                    let hidden =
                        analysis::hidden_text(self.matcher, &extracted, |s| self.job.asks_about(s));
                    self.score_contained(
                        &name,
                        &resume_document(&extracted),
                        extracted.kind,
                        hidden.as_ref(),
                    )
                }
                Err(e) => Row::error(&name, &e),
            },
            PreparedState::Failed(e) => Row::error(&name, &e),
        };
        (row, content)
    }

    /// [`score_doc`](Scorer::score_doc), with a panic (a bug of ours on some odd text)
    /// becoming the file's error row instead of ending the run.
    fn score_contained(
        &self,
        name: &str,
        doc: &Document,
        kind: Kind,
        hidden: Option<&Hidden>,
    ) -> Row<'a> {
        extract::contain_panics(|| self.score_doc(name, doc, kind, hidden)).unwrap_or_else(
            |panic| {
                Row::error(
                    name,
                    &Error::Reported {
                        message: format!(
                            "{name}: scoring failed ({panic}); please report this file"
                        ),
                        reason: crate::reason::Reason::Other,
                    },
                )
            },
        )
    }

    fn score_doc(
        &self,
        name: &str,
        doc: &Document,
        kind: Kind,
        hidden: Option<&Hidden>,
    ) -> Row<'a> {
        let required = |id| {
            self.requirement
                .is_some_and(|r| r.groups.iter().flatten().any(|&g| g == id))
        };
        let quick = analysis::quick(self.matcher, doc, kind, self.job, required, hidden);
        let require_met = self
            .requirement
            .map(|req| req.is_met(|id| quick.mentions.iter().any(|m| m.skill == id)));
        Row {
            file: name.to_string(),
            status: RowStatus::Ok,
            score: quick.scores.score,
            evidence_score: quick.evidence_score,
            flags: quick.flags,
            score_note: (quick.garbled.then_some(analysis::GARBLED_NOTE))
                .or(quick.glued.then_some(analysis::GLUED_NOTE)),
            required: quick.scores.required,
            preferred: quick.scores.preferred,
            missing: quick.missing,
            require_met,
            duplicate_of: None,
            kind: Some(kind),
            error: None,
            reason: None,
        }
    }

    /// Extracts a file in this thread's worker process, within the time limit.
    fn extract_in_worker(&self, path: &Path) -> Result<Extracted> {
        extract_in_worker(&self.worker_command, self.timeout, path, false)
    }
}

/// Extracts a PDF, DOCX or HTML file in the calling pool thread's worker process
/// (started on first use), within `timeout` seconds, as a job posting when `posting`
/// (`jobs`: a saved page loses its side panels and footer, as in `match`); a worker
/// that overruns or dies is replaced.
fn extract_in_worker(
    worker_command: &[String],
    timeout: f64,
    path: &Path,
    posting: bool,
) -> Result<Extracted> {
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
        match worker.request(path, &name, posting, timeout) {
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

    #[test]
    fn duplicates_are_decided_by_the_bytes_in_memory_against_the_first_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let c = dir.path().join("c.txt");
        std::fs::write(&a, "Java").unwrap();
        // On disk b says something else: only the bytes read (in memory) count, and
        // only the first file is read again.
        std::fs::write(&b, "Rust").unwrap();
        let contents = Contents::default();
        assert_eq!(*contents.original(&a, b"Java"), a);
        assert_eq!(*contents.original(&b, b"Java"), a);
        assert_eq!(*contents.original(&c, b"Go"), c);
    }

    #[test]
    fn a_hash_shared_by_different_bytes_is_not_a_duplicate() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "Java").unwrap();
        let contents = Contents::default();
        // A stand-in for a collision: b's hash recorded as a's.
        let hash = xxhash_rust::xxh3::xxh3_128(b"Rust");
        contents.0.lock().unwrap().insert(hash, Arc::new(a.clone()));
        assert_eq!(*contents.original(&b, b"Rust"), b);
    }
}
