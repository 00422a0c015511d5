//! Reading a PDF in a child process: `pdf-extract` can panic, loop or overflow its
//! stack on hostile files, and a thread cannot be killed, so PDFs are read by this
//! binary re-run as the hidden `__worker` subcommand. The parent kills a worker that
//! overruns the time limit; a worker that dies (stack overflow, abort, the memory cap)
//! only fails the file it was reading.
//!
//! The single-file commands start one worker per PDF ([`extract_isolated`]); `rank`
//! keeps one [`Worker`] per thread for the whole run (see `batch`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::read::deadline::STACK_BYTES;
use crate::read::extract::{self, Extracted, Input, Limits};

/// A worker process and the channel its replies arrive on.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<String>,
    last_words: Arc<Mutex<String>>,
}

/// Why a worker gave no reply.
pub enum Failure {
    /// It ran past the time limit (it is still running: kill it).
    Timeout,
    /// It exited; how, and the last line it wrote to stderr.
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
    Error {
        message: String,
        /// The kind of failure, for the `rank` table (absent from older workers).
        #[serde(default = "other_reason")]
        reason: crate::reason::Reason,
    },
}

fn other_reason() -> crate::reason::Reason {
    crate::reason::Reason::Other
}

impl Reply {
    pub fn into_result(self) -> Result<Extracted> {
        match self {
            Reply::Text(extracted) => Ok(extracted),
            Reply::Error { message, reason } => Err(Error::Reported { message, reason }),
        }
    }
}

/// Extracts one PDF in a fresh worker process, within the time limit: how the
/// single-file commands (`extract`, `scan`, `match`) read PDFs, so a PDF that makes
/// the parser overflow its stack or loop becomes one clear error, not a crash or hang.
pub fn extract_isolated(command: &[String], input: &Input, timeout: f64) -> Result<Extracted> {
    let name = input.name.clone();
    // The worker reads files by path; standard input and in-memory text get a
    // private temporary copy.
    let temp = tempfile::NamedTempFile::new().map_err(|e| Error::from_io("<temp>", e))?;
    std::fs::write(temp.path(), &input.bytes).map_err(|e| Error::from_io("<temp>", e))?;
    let mut worker = Worker::start(command).map_err(|e| Error::WorkerDied {
        path: name.clone(),
        detail: format!("cannot start a worker: {e}"),
    })?;
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
    /// Starts `command` (this binary's `__worker`) with piped standard streams.
    pub fn start(command: &[String]) -> std::io::Result<Worker> {
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
    pub fn request(
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

    /// Ends the worker (a timeout, or the run is over).
    pub fn kill(&mut self) {
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

/// The worker's side (the hidden `__worker` subcommand): read requests (JSON, one per
/// line) on stdin, answer one JSON [`Reply`] per line on stdout, until stdin closes.
pub fn serve(limits: Limits) -> Result<()> {
    limit_address_space(WORKER_MEMORY_BYTES);
    // Deep recursion in malformed PDFs needs a big stack; the thread gets one.
    let handle = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || worker_loop(&limits))
        .map_err(|e| Error::from_io("<worker>", e))?;
    handle
        .join()
        .map_err(|_| Error::Usage("worker thread failed".into()))?
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
                    reason: err.reason(),
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
