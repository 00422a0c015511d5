//! Many postings read for one resume (`jobs`): the same path gathering and isolation
//! as `rank`, but each file is read as a posting and handed, on the pool thread that
//! read it, to the caller's analysis. A file that cannot be read is an `Err` for the
//! caller to turn into an error row; the run goes on.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{expand_paths, extract_in_worker, ContentKey, Contents, WORKERS};
use crate::context::{display_name, Context};
use crate::error::{Error, Result};
use crate::read::extract::{self, Input, Kind};
use crate::read::normalize;
use crate::read::sections::{Document, Purpose};

/// Expands files, folders (recursively, documents only) and globs, plus the lines of
/// `--from` (`-` for standard input), as `rank` does: the paths sorted and unique,
/// and how many folder entries were skipped as not documents.
pub fn gather(paths: &[String], from: Option<&Path>) -> Result<(Vec<PathBuf>, usize)> {
    expand_paths(paths, from, "jobs").map(|(paths, skipped)| (paths, skipped.len()))
}

/// One posting file after reading and the caller's analysis.
pub struct Read<T> {
    /// The file as reports name it.
    pub file: String,
    /// What the caller made of the posting's document, or why it could not be read.
    pub value: Result<T>,
    /// The first file in path order with exactly the same bytes.
    pub same_bytes_as: Option<String>,
}

/// Reads every posting on `threads` threads (all cores when `None`) and runs
/// `analyze` on each document where it was read; returns the results in path order.
/// PDFs, DOCX and HTML are extracted in one worker process per pool thread, like
/// `rank`'s, and read as postings (as `match` reads its posting).
pub fn read_all<T: Send>(
    ctx: &Context,
    paths: &[PathBuf],
    threads: Option<usize>,
    analyze: impl Fn(&str, Document, Kind) -> T + Sync,
) -> Result<Vec<Read<T>>> {
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("skillgap-jobs-{i}"))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;
    let command = ctx.worker_command();
    let limits = ctx.limits;
    let timeout = ctx.global.file_timeout;
    let contents = Contents::default();
    let read_one = |path: &PathBuf| -> (String, Result<T>, Option<ContentKey>) {
        let name = display_name(path);
        let input = match Input::read(path, &limits) {
            Ok(input) => input,
            Err(e) => return (name, Err(e), None),
        };
        let content = contents.original(path, &input.bytes);
        let extracted =
            match extract::contain_panics(|| extract::extract_unless_parsed(&input, &limits)) {
                Ok(Some(result)) => result,
                Ok(None) => extract_in_worker(&command, timeout, path, true),
                Err(panic) => Err(Error::PdfCrash {
                    path: name.clone(),
                    detail: panic,
                }),
            };
        let value = extracted.map(|extracted| {
            let doc = Document::new(normalize::normalize(&extracted.text), Purpose::Posting);
            analyze(&name, doc, extracted.kind)
        });
        (name, value, Some(content))
    };
    let results: Vec<_> = pool.install(|| paths.par_iter().map(read_one).collect());
    pool.broadcast(|_| WORKERS.with(|w| w.borrow_mut().take()));
    // The first file of each content in path order is the one the others point at.
    let mut first_in_path_order: rustc_hash::FxHashMap<ContentKey, String> =
        rustc_hash::FxHashMap::default();
    Ok(results
        .into_iter()
        .map(|(file, value, content)| {
            let same_bytes_as =
                content.and_then(|content| match first_in_path_order.entry(content) {
                    std::collections::hash_map::Entry::Occupied(first) => Some(first.get().clone()),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(file.clone());
                        None
                    }
                });
            Read {
                same_bytes_as,
                file,
                value,
            }
        })
        .collect())
}
