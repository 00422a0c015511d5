//! What `rank` and the flags promise under odd conditions: a file name that is not
//! UTF-8, a file in any format that takes too long, `rank` itself killed mid-run, a
//! worker that spins with no one to stop it, nonsense numbers on the command line,
//! output that cannot be written. One bad file is one error row; nothing crashes,
//! hangs or stays behind.

mod common;

use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use common::cli::{skillgap, write};
use common::pdf;
use predicates::prelude::*;
use tempfile::TempDir;

const JOB: &str = "Backend Engineer\n\nRequirements\n- Java and PostgreSQL\n- Kafka\n";

fn rows_of(out: &[u8]) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A PDF whose name is Latin-1 ("café.pdf" from an old zip) next to ordinary files:
/// the worker request must carry the name, and the run must keep every row.
#[cfg(unix)]
#[test]
fn a_pdf_whose_name_is_not_utf8_is_ranked_like_any_other() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cvs");
    write(&root, "alice.txt", "SKILLS\nJava, Kafka\n");
    let odd = root.join(std::ffi::OsStr::from_bytes(b"caf\xe9.pdf"));
    std::fs::write(
        &odd,
        pdf::text_pdf(&[vec!["SKILLS".into(), "Java, PostgreSQL".into()]]),
    )
    .unwrap();
    let job = write(dir.path(), "job.txt", JOB);
    let out = skillgap()
        .args(["rank", "-f", "json", "--job"])
        .arg(&job)
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = rows_of(&out.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let cafe = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().contains("caf"))
        .unwrap();
    assert_eq!(cafe["status"], "ok", "{cafe}");
    assert_eq!(cafe["required"]["matched"], 2, "{cafe}");
}

/// HTML parsing grows with the square of the nesting depth: a deeply nested file must
/// stop at --file-timeout like a PDF does, as one error row.
#[test]
fn a_deeply_nested_html_file_stops_at_the_time_limit() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cvs");
    write(&root, "alice.txt", "SKILLS\nJava, Kafka\n");
    let mut nested = String::from("<html><body>");
    nested.push_str(&"<div>".repeat(120_000));
    nested.push_str("Java");
    write(&root, "deep.html", nested);
    let job = write(dir.path(), "job.txt", JOB);
    let started = Instant::now();
    let out = skillgap()
        .args(["rank", "-f", "json", "--file-timeout", "1", "--job"])
        .arg(&job)
        .arg(&root)
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(8), "took {took:?}");
    let rows = rows_of(&out.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let deep = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("deep.html"))
        .unwrap();
    assert_eq!(deep["status"], "error", "{deep}");
    assert!(
        deep["error"]
            .as_str()
            .unwrap()
            .contains("took longer than 1 s"),
        "{deep}"
    );
}

/// Processes whose environment holds `mark`: the workers of one test's run.
fn processes_marked(mark: &str) -> Vec<u32> {
    let needle = format!("SKILLGAP_TEST_MARK={mark}");
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        if environ
            .split(|&b| b == 0)
            .any(|var| var == needle.as_bytes())
        {
            found.push(pid);
        }
    }
    found
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "{what} within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `rank` killed while a worker is stuck on a file: `Drop` never runs, and the
/// worker must not run on without it.
#[cfg(target_os = "linux")]
#[test]
fn killing_rank_leaves_no_worker_behind() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cvs");
    write(
        &root,
        "stuck.pdf",
        pdf::text_pdf(&[vec!["SKILLS".into(), "Java".into()]]),
    );
    write(&root, "alice.txt", "SKILLS\nJava, Kafka\n");
    let job = write(dir.path(), "job.txt", JOB);
    let mark = format!("{}-{:?}", std::process::id(), Instant::now());
    let mut rank = Process::new(assert_cmd::cargo::cargo_bin("skillgap"))
        .env("SKILLGAP_TEST_HANG_ON", "stuck.pdf")
        .env("SKILLGAP_TEST_MARK", &mark)
        .args(["rank", "-f", "jsonl", "--file-timeout", "600", "--job"])
        .arg(&job)
        .arg(&root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The run itself and its worker.
    wait_for("a worker starts", Duration::from_secs(20), || {
        processes_marked(&mark).len() >= 2
    });
    rank.kill().unwrap();
    rank.wait().unwrap();
    wait_for("every worker is gone", Duration::from_secs(5), || {
        processes_marked(&mark).is_empty()
    });
}

/// The backstop for a worker nobody stops: it may spend about twice the time limit
/// of CPU on one file, then the kernel ends it.
#[cfg(unix)]
#[test]
fn a_worker_that_spins_with_no_one_watching_is_stopped_by_the_kernel() {
    use std::io::Write;
    use std::os::unix::process::ExitStatusExt;
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "spin.pdf", b"%PDF-1.4\n");
    let mut worker = Process::new(assert_cmd::cargo::cargo_bin("skillgap"))
        .env("SKILLGAP_TEST_SPIN_ON", "spin.pdf")
        // As `rank` starts workers: mimalloc's default 1 GiB reservations would fill
        // the worker's address-space cap.
        .env("MIMALLOC_ARENA_RESERVE", "64MiB")
        .args(["__worker", "--file-timeout", "0.5"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let path: Vec<u8> = file.as_os_str().as_encoded_bytes().to_vec();
    let request = serde_json::json!({"path": path, "name": "spin.pdf"});
    let mut stdin = worker.stdin.take().unwrap();
    writeln!(stdin, "{request}").unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = worker.try_wait().unwrap() {
            break status;
        }
        // About 4 s of CPU; a machine busy with other builds may give it far less
        // than one core, so the wall-clock patience is generous.
        if started.elapsed() > Duration::from_secs(120) {
            worker.kill().unwrap();
            panic!("the worker spun for 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status.signal(), Some(libc::SIGXCPU), "{status:?}");
}

#[test]
fn numeric_flags_out_of_range_are_usage_errors_not_panics() {
    for (flag, value) in [
        ("--file-timeout", "inf"),
        ("--file-timeout", "1e300"),
        ("--file-timeout", "NaN"),
        ("--file-timeout", "0"),
        ("--file-timeout=-1", ""),
        ("--file-timeout", "3601"),
        ("--max-file-size", "18446744073709551615"),
        ("--max-file-size", "0"),
        ("--max-pages", "0"),
    ] {
        let mut cmd = skillgap();
        cmd.arg(flag);
        if !value.is_empty() {
            cmd.arg(value);
        }
        cmd.arg("extract")
            .arg(common::cli::examples().join("resume.txt"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag.split('=').next().unwrap()))
            .stderr(predicate::str::contains("panicked").not());
    }
    for (args, flag) in [
        (&["-j", "0"][..], "--threads"),
        (&["--min-score", "nan"], "--min-score"),
        (&["--min-score", "101"], "--min-score"),
    ] {
        let dir = TempDir::new().unwrap();
        let job = write(dir.path(), "job.txt", JOB);
        skillgap()
            .arg("rank")
            .args(args)
            .arg("--job")
            .arg(&job)
            .arg(common::cli::examples())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(flag));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_says_cannot_write() {
    let resume = common::cli::examples().join("resume.txt");
    let full = || {
        Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
    };
    for args in [
        vec!["scan".to_string(), resume.display().to_string()],
        vec![
            "rank".into(),
            "-f".into(),
            "jsonl".into(),
            "--job".into(),
            resume.display().to_string(),
            common::cli::examples().display().to_string(),
        ],
    ] {
        let out = Process::new(assert_cmd::cargo::cargo_bin("skillgap"))
            .args(&args)
            .stdout(full())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("<stdout>: cannot write"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("cannot read"), "{args:?}: {stderr}");
    }
}
