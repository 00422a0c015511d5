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
    /// The thread that reads stderr: joined when the worker dies, so its last line is
    /// read before it is reported.
    stderr_reader: Option<std::thread::JoinHandle<()>>,
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
    /// The path as bytes: a file name need not be UTF-8 (zips from Windows, old file
    /// systems), and a JSON string must be.
    path: Vec<u8>,
    name: String,
    /// Read the file as a job posting (`jobs`): a saved page also loses its side
    /// panels and footer, as `match` reads a posting (see `extract::extract_posting`).
    #[serde(default)]
    posting: bool,
}

impl Request {
    fn new(path: &Path, name: &str, posting: bool) -> Request {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        Request {
            path: path_to_bytes(path),
            name: name.to_string(),
            posting,
        }
    }

    fn path(&self) -> PathBuf {
        path_from_bytes(&self.path)
    }
}

#[cfg(unix)]
fn path_to_bytes(path: PathBuf) -> Vec<u8> {
    std::os::unix::ffi::OsStringExt::into_vec(path.into_os_string())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes))
}

// Elsewhere paths are (nearly) Unicode; an unpaired surrogate is replaced, and the
// worker then reports the file as not found.
#[cfg(not(unix))]
fn path_to_bytes(path: PathBuf) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
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
    match worker.request(temp.path(), &name, false, timeout) {
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
        let mut process = std::process::Command::new(&command[0]);
        process
            .args(&command[1..])
            // mimalloc reserves address space 1 GiB at a time by default, which alone
            // fills the worker's cap (`WORKER_MEMORY_BYTES`): small reservations leave
            // room for the extraction thread and the file.
            .env("MIMALLOC_ARENA_RESERVE", "64MiB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        die_with_parent(&mut process);
        let mut child = process.spawn()?;
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = child.stdout.take().expect("piped stdout");
        // The last line a dying worker writes ("memory allocation of N bytes failed")
        // says why it died.
        let last_words = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&last_words);
        let stderr_reader = std::thread::spawn(move || {
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
            stderr_reader: Some(stderr_reader),
        })
    }

    /// Asks the worker to read `path` (as a job posting when `posting`); `name` is how
    /// messages name the file.
    pub fn request(
        &mut self,
        path: &Path,
        name: &str,
        posting: bool,
        timeout: f64,
    ) -> std::result::Result<Reply, Failure> {
        let line = serde_json::to_string(&Request::new(path, name, posting))
            .map_err(|e| Failure::Died(format!("cannot send the request: {e}")))?;
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
        // The process is gone, so its stderr reaches end of file: once the reader has
        // read it all, the last line is there.
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
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
pub fn serve(limits: Limits, timeout: f64) -> Result<()> {
    limit_address_space(WORKER_MEMORY_BYTES);
    // Deep recursion in malformed PDFs needs a big stack; the thread gets one.
    let handle = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || worker_loop(&limits, timeout))
        .map_err(|e| Error::from_io("<worker>", e))?;
    handle
        .join()
        .map_err(|_| Error::Usage("worker thread failed".into()))?
}

fn worker_loop(limits: &Limits, timeout: f64) -> Result<()> {
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    #[cfg(feature = "test-hooks")]
    let hooks = test_hooks::Hooks::from_env();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Error::from_io("<stdin>", e))?;
        let Ok(request) = serde_json::from_str::<Request>(&line) else {
            continue;
        };
        let (path, name) = (request.path(), request.name);
        let read: fn(&Input, &Limits) -> Result<Extracted> = if request.posting {
            extract::extract_posting
        } else {
            extract::extract
        };
        // The parent kills a worker that overruns the time limit; should the parent be
        // gone, the kernel stops a worker that spins on one file.
        limit_cpu_per_file(timeout);
        #[cfg(feature = "test-hooks")]
        hooks.before(&name);
        let reply = match Input::read(&path, limits).and_then(|input| read(&input, limits)) {
            Ok(extracted) => Reply::Text(extracted),
            Err(err) => Reply::Error {
                reason: err.reason(),
                message: err
                    .to_string()
                    .replacen(&path.display().to_string(), &name, 1),
            },
        };
        let json = serde_json::to_string(&reply).map_err(|e| Error::Reported {
            message: e.to_string(),
            reason: crate::reason::Reason::Other,
        })?;
        writeln!(stdout, "{json}")
            .and_then(|_| stdout.flush())
            .map_err(|e| Error::from_write("<stdout>", e))?;
    }
    Ok(())
}

/// Makes the kernel kill the worker when the thread that started it ends (`rank`
/// killed, or stopped with SIGTERM): `Drop` does not run then, and a worker stuck on
/// a looping PDF would otherwise run on with no parent. Linux only; elsewhere workers
/// rely on `Drop` and the CPU limit.
fn die_with_parent(process: &mut std::process::Command) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: getpid, prctl, getppid and _exit are async-signal-safe, as the code
        // between fork and exec must be; nothing here allocates or takes a lock.
        let parent = unsafe { libc::getpid() };
        unsafe {
            process.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // The parent may have died before the signal was armed.
                if libc::getppid() != parent {
                    libc::_exit(1);
                }
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = process;
}

/// Lets this process use `timeout` seconds of CPU (twice, plus one, for slack) on
/// top of what it has used so far; past that the kernel sends SIGXCPU, which ends it.
/// Raised again before every file, so only a file that spins is stopped.
fn limit_cpu_per_file(timeout: f64) {
    #[cfg(unix)]
    {
        // SAFETY: getrusage, getrlimit and setrlimit only fill or read the structs
        // passed; on failure the limit stays as it was.
        unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
                return;
            }
            let used = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) as u64 + 1;
            let mut limit: libc::rlimit = std::mem::zeroed();
            if libc::getrlimit(libc::RLIMIT_CPU, &mut limit) != 0 {
                return;
            }
            let budget = used + 2 * timeout.ceil() as u64 + 1;
            limit.rlim_cur = (budget as libc::rlim_t).min(limit.rlim_max);
            libc::setrlimit(libc::RLIMIT_CPU, &limit);
        }
    }
    #[cfg(not(unix))]
    let _ = timeout;
}

/// Stand-ins for hostile PDFs, for the tests: a file that hangs, spins, aborts the
/// worker or inflates past the memory cap. Compiled only with the `test-hooks`
/// feature, which the crate's own tests turn on: a user's environment can never
/// reach them.
#[cfg(feature = "test-hooks")]
mod test_hooks {
    use std::path::Path;
    use std::time::Duration;

    pub struct Hooks {
        hang_on: Option<String>,
        spin_on: Option<String>,
        crash_on: Option<String>,
        hog_on: Option<String>,
    }

    impl Hooks {
        pub fn from_env() -> Hooks {
            let var = |name: &str| std::env::var(name).ok();
            Hooks {
                hang_on: var("SKILLGAP_TEST_HANG_ON"),
                spin_on: var("SKILLGAP_TEST_SPIN_ON"),
                crash_on: var("SKILLGAP_TEST_CRASH_ON"),
                hog_on: var("SKILLGAP_TEST_HOG_ON"),
            }
        }

        /// Acts out the hook named for this file, if any.
        pub fn before(&self, name: &str) {
            let file_name = Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let is = |hook: &Option<String>| hook.as_deref() == Some(file_name.as_str());
            if is(&self.hang_on) {
                loop {
                    std::thread::sleep(Duration::from_secs(3600));
                }
            }
            if is(&self.spin_on) {
                let mut n = 0u64;
                loop {
                    n = std::hint::black_box(n.wrapping_add(1));
                }
            }
            if is(&self.crash_on) {
                std::process::abort();
            }
            // A stream that inflates to gigabytes: it must hit the cap.
            if is(&self.hog_on) {
                let hog = vec![1u8; 2 * super::WORKER_MEMORY_BYTES as usize];
                std::hint::black_box(&hog);
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_is_not_utf8_travels_to_the_worker_intact() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/cvs/caf\xe9.pdf"));
        let line = serde_json::to_string(&Request::new(path, "caf\u{fffd}.pdf", true)).unwrap();
        let back: Request = serde_json::from_str(&line).unwrap();
        assert_eq!(back.path(), path);
        assert!(back.posting);
        // A request from an older parent reads the file as a resume.
        let old: Request = serde_json::from_str(r#"{"path":[47,97],"name":"a"}"#).unwrap();
        assert!(!old.posting);
    }

    #[test]
    fn a_dead_workers_last_words_are_read_even_when_they_come_late() {
        // The shell exits at once; a child it leaves behind holds stderr and writes
        // the reason a moment later, as a dying process's last lines can lag behind
        // its exit status.
        let script = "(exec 0<&- 1>&-; sleep 0.3; echo 'the reason' >&2) & exit 3";
        let command = ["sh".to_string(), "-c".to_string(), script.to_string()];
        let mut worker = Worker::start(&command).unwrap();
        match worker.request(Path::new("/cv.pdf"), "cv.pdf", false, 5.0) {
            Err(Failure::Died(detail)) => {
                assert!(detail.contains("the reason"), "{detail}");
                assert!(detail.contains("exit status: 3"), "{detail}");
            }
            Err(Failure::Timeout) => panic!("timed out"),
            Ok(reply) => panic!("a reply: {reply:?}"),
        }
    }
}
