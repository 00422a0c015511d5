//! `skillgap rank` as a recruiter runs it: a folder of mixed files gives one row per
//! resume in a stable order, bad files become error rows, filters and formats work,
//! and the per-file time limit really stops a file that hangs.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{skillgap, write};
use common::pdf;
use predicates::prelude::*;
use tempfile::TempDir;

const JOB: &str = "Backend Engineer\n\nRequirements\n• Java and Kafka\n• PostgreSQL\n• Kubernetes on AWS\n\nNice to have\n• React or Vue\n";

/// A folder a recruiter might get: good resumes, a copy, junk, and broken PDFs.
fn mixed_folder() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cvs");
    write(
        &root,
        "alice.txt",
        b"SKILLS\nJava, Kafka, PostgreSQL, Kubernetes, AWS, React\n",
    );
    write(&root, "bob.txt", b"SKILLS\nJava, MySQL\n");
    write(
        &root,
        "nested/carol.pdf",
        pdf::text_pdf(&[vec!["SKILLS".into(), "Java, Kafka, PostgreSQL, Vue".into()]]),
    );
    write(
        &root,
        "alice-copy.txt",
        b"SKILLS\nJava, Kafka, PostgreSQL, Kubernetes, AWS, React\n",
    );
    write(&root, "photo.png", b"\x89PNG\r\n\x1a\nnot a resume");
    write(&root, ".hidden.txt", b"SKILLS\nJava\n");
    let whole = pdf::text_pdf(&[vec!["SKILLS".into(), "Java".into()]]);
    write(&root, "cut.pdf", pdf::truncated(&whole));
    write(&root, "locked.pdf", pdf::encrypted_pdf("secret"));
    let job = write(dir.path(), "job.txt", JOB.as_bytes());
    (dir, job)
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn rank_json(
    job: &Path,
    args: &[&str],
    paths: &[&Path],
) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(job)
        .args(["-f", "json"])
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
    (
        out.status.code(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn file_name(row: &serde_json::Value) -> String {
    Path::new(row["file"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_mixed_folder_gives_the_right_rows_in_a_stable_order() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let (code, rows, stderr) = rank_json(&job, &[], &[&root]);
    assert_eq!(code, Some(0), "{stderr}");
    let names: Vec<String> = rows.iter().map(file_name).collect();
    assert_eq!(
        names,
        [
            "alice-copy.txt",
            "alice.txt",
            "carol.pdf",
            "bob.txt",
            "cut.pdf",
            "locked.pdf"
        ],
        "{rows:#?}"
    );
    assert_eq!(rows[0]["score"], rows[1]["score"]);
    assert!(rows[0]["score"].as_f64().unwrap() > rows[2]["score"].as_f64().unwrap());
    assert!(rows[2]["score"].as_f64().unwrap() > rows[3]["score"].as_f64().unwrap());
    assert!(
        rows[1]["duplicate_of"]
            .as_str()
            .unwrap()
            .ends_with("alice-copy.txt"),
        "{:#?}",
        rows[1]
    );
    assert!(rows[0].get("duplicate_of").is_none());
    assert_eq!(rows[4]["status"], "error");
    assert!(rows[4]["error"].as_str().unwrap().contains("damaged PDF"));
    assert!(rows[5]["error"].as_str().unwrap().contains("encrypted"));
    // Kafka, PostgreSQL, Kubernetes, AWS, and "React or Vue" once (one group).
    assert_eq!(
        rows[3]["missing"].as_array().unwrap().len(),
        5,
        "{:#?}",
        rows[3]
    );
    assert!(
        stderr.contains("6 files, 4 ok, 2 errors, 1 duplicate, 1 skipped (-v lists them)"),
        "{stderr}"
    );
    // Same order twice.
    let (_, again, _) = rank_json(&job, &["-j", "1"], &[&root]);
    assert_eq!(
        rows.iter().map(file_name).collect::<Vec<_>>(),
        again.iter().map(file_name).collect::<Vec<_>>()
    );
}

#[test]
fn require_and_min_score_filter_and_set_the_exit_code() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let (code, rows, _) = rank_json(&job, &["--require", "Kafka,React|Vue"], &[&root]);
    assert_eq!(code, Some(0));
    let ok: Vec<String> = rows
        .iter()
        .filter(|r| r["status"] == "ok")
        .map(file_name)
        .collect();
    assert_eq!(ok, ["alice-copy.txt", "alice.txt", "carol.pdf"]);
    let (code, rows, _) = rank_json(&job, &["--min-score", "90"], &[&root]);
    assert_eq!(code, Some(0));
    assert_eq!(rows.iter().filter(|r| r["status"] == "ok").count(), 2);
    let (code, _, _) = rank_json(&job, &["--require", "Rust"], &[&root]);
    assert_eq!(code, Some(1));
    let (code, _, stderr) = rank_json(&job, &["--require", "Notaskill"], &[&root]);
    assert_eq!(code, Some(2), "{stderr}");
}

#[test]
fn csv_and_jsonl_parse_back() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "csv", "-q"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "quiet means quiet");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(
        lines[0].starts_with("file,status,score,evidence_score,required_matched,required_total")
    );
    let header: Vec<&str> = lines[0].split(',').collect();
    for line in &lines[1..] {
        // Quoted fields may hold commas; count fields with a small RFC 4180 reader.
        let mut fields = 1;
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => fields += 1,
                _ => {}
            }
        }
        assert_eq!(fields, header.len(), "{line}");
    }
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl"])
        .arg(&root)
        .output()
        .unwrap();
    let rows = jsonl(&out.stdout);
    assert_eq!(rows.len(), 6);
    for row in &rows {
        for key in ["file", "score", "required", "missing", "status"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    // The same rows through --output (a buffered file, moved into place at the end).
    let saved = dir.path().join("ranked.jsonl");
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl", "-j", "1", "-o"])
        .arg(&saved)
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // Which copy a duplicate points at follows finishing order when streaming.
    let by_file = |rows: Vec<serde_json::Value>| {
        let mut rows: Vec<String> = rows
            .into_iter()
            .map(|mut r| {
                r.as_object_mut().unwrap().remove("duplicate_of");
                r.to_string()
            })
            .collect();
        rows.sort();
        rows
    };
    assert_eq!(
        by_file(jsonl(&std::fs::read(&saved).unwrap())),
        by_file(rows)
    );
}

#[test]
fn globs_and_a_list_of_paths() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let pattern = format!("{}/*.txt", root.display());
    let (_, rows, _) = rank_json(&job, &[], &[Path::new(&pattern)]);
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let list = write(
        dir.path(),
        "list.txt",
        format!(
            "{}\n{}\n",
            root.join("bob.txt").display(),
            root.join("nested/carol.pdf").display()
        )
        .as_bytes(),
    );
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl", "--from"])
        .arg(&list)
        .output()
        .unwrap();
    assert_eq!(jsonl(&out.stdout).len(), 2);
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl", "--from", "-"])
        .write_stdin(format!("{}\n", root.join("bob.txt").display()))
        .output()
        .unwrap();
    assert_eq!(jsonl(&out.stdout).len(), 1);
}

#[test]
fn a_file_that_hangs_times_out_and_the_run_finishes() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let start = std::time::Instant::now();
    let out = skillgap()
        .env("SKILLGAP_TEST_HANG_ON", "carol.pdf")
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl", "--file-timeout", "1"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(start.elapsed().as_secs() < 30);
    let rows = jsonl(&out.stdout);
    assert_eq!(rows.len(), 6);
    let carol = rows.iter().find(|r| file_name(r) == "carol.pdf").unwrap();
    assert_eq!(carol["status"], "error");
    assert!(
        carol["error"]
            .as_str()
            .unwrap()
            .contains("took longer than 1 s"),
        "{carol}"
    );
    assert_eq!(rows.iter().filter(|r| r["status"] == "ok").count(), 3);
}

/// Ranks the mixed folder on one thread with `hook` set on carol.pdf, and returns
/// carol's error; checks the run went on past the dead worker.
fn error_when_carol_kills_the_worker(hook: &str) -> String {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    let out = skillgap()
        .env(hook, "carol.pdf")
        // A backtrace printed after the reason must not hide it.
        .env("RUST_BACKTRACE", "1")
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["-f", "jsonl", "-j", "1"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let rows = jsonl(&out.stdout);
    // The worker is replaced: the PDFs after it are still read.
    let locked = rows.iter().find(|r| file_name(r) == "locked.pdf").unwrap();
    assert!(
        locked["error"].as_str().unwrap().contains("encrypted"),
        "{locked}"
    );
    let carol = rows.iter().find(|r| file_name(r) == "carol.pdf").unwrap();
    assert_eq!(carol["status"], "error");
    let error = carol["error"].as_str().unwrap().to_string();
    assert!(
        error.contains("worker processing this file died"),
        "{error}"
    );
    error
}

#[test]
fn a_file_that_crashes_its_worker_is_an_error_row() {
    error_when_carol_kills_the_worker("SKILLGAP_TEST_CRASH_ON");
}

#[test]
fn a_file_that_needs_too_much_memory_is_an_error_row() {
    // The worker's address space is capped: a file that would take 2 GiB (an inflate
    // bomb) kills that worker only, and the row says why.
    let error = error_when_carol_kills_the_worker("SKILLGAP_TEST_HOG_ON");
    assert!(error.contains("memory allocation"), "{error}");
}

#[test]
fn table_shows_the_top_rows() {
    let (dir, job) = mixed_folder();
    let root = dir.path().join("cvs");
    skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["--top", "1"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("alice-copy.txt"))
        .stdout(predicate::str::contains("bob.txt").not())
        // With --top the files that cannot be read are one line (issue 22) ...
        .stdout(predicate::str::contains("locked.pdf").not())
        .stdout(predicate::str::contains(
            "2 files could not be read: 1 encrypted, 1 damaged PDF (`--errors` lists them)",
        ));
    // ... and --errors lists them.
    skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .args(["--top", "1", "--errors"])
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("locked.pdf"))
        .stdout(predicate::str::contains("encrypted"));
}

#[test]
fn nothing_to_rank_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", JOB.as_bytes());
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no resume files found"));
}

/// `rank` scores with a lean path of its own; it must give every resume the score,
/// coverage and missing skills `match` gives it, whatever mix of exact, alias, implied,
/// plural, inflected and missing skills the resume holds.
#[test]
fn rank_and_match_agree_on_every_resume() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join("cvs");
    let resumes: &[(&str, &str)] = &[
        (
            "exact.txt",
            "SKILLS\nJava, Kafka, PostgreSQL, Kubernetes, AWS, React\n",
        ),
        (
            "alias.txt",
            "SKILLS\nPostgres, k8s, Amazon Web Services, ReactJS\n",
        ),
        (
            "implied.txt",
            "EXPERIENCE\nBuilt Spring Boot services on EKS with Django\n",
        ),
        (
            "wording.txt",
            "EXPERIENCE\nMentored juniors; wrote REST APIs and Terraform modules (Python3)\n",
        ),
        ("nothing.txt", "Gardening and cooking\n"),
    ];
    for (name, text) in resumes {
        write(&root, name, text.as_bytes());
    }
    let example = common::cli::examples().join("resume.txt");
    std::fs::copy(&example, root.join("example.txt")).unwrap();
    // Garbled text: `match` withholds the score, so `rank` must too.
    write(&root, "garbled.pdf", pdf::garbled_pdf());
    for job in ["job-backend.txt", "job-frontend.txt"] {
        let job = common::cli::examples().join(job);
        let (code, rows, stderr) = rank_json(&job, &[], &[&root]);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(rows.len(), resumes.len() + 2);
        let garbled = rows.iter().find(|r| file_name(r) == "garbled.pdf").unwrap();
        assert_eq!(garbled["status"], "ok", "{garbled}");
        assert!(garbled["score"].is_null(), "{garbled}");
        assert!(
            garbled["score_note"].as_str().unwrap().contains("garbled"),
            "{garbled}"
        );
        for row in &rows {
            let file = PathBuf::from(row["file"].as_str().unwrap());
            let report = common::cli::match_json(&file, &job);
            assert_eq!(row["score"], report["score"], "{}", file.display());
            assert_eq!(row["required"], report["required"], "{}", file.display());
            assert_eq!(row["preferred"], report["preferred"], "{}", file.display());
            // Missing as rank lists it: required first, each skill outside a group
            // by name, each missing group of alternatives once by its label.
            let mut missing: Vec<&str> = Vec::new();
            for level in ["required", "preferred"] {
                missing.extend(
                    report["skills"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| s["level"] == level && s["status"] == "missing")
                        .filter(|s| s.get("group").is_none())
                        .map(|s| s["name"].as_str().unwrap()),
                );
                missing.extend(
                    report["groups"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|g| g["level"] == level && g["status"] == "missing")
                        .map(|g| g["label"].as_str().unwrap()),
                );
            }
            assert_eq!(
                row["missing"],
                serde_json::json!(missing),
                "{}",
                file.display()
            );
        }
    }
}
