//! `rank`'s table as a recruiter reads it (issue 22): short reasons for files that
//! cannot be read, many of them summed up in one line, paths relative to the folder
//! named, never wider than the terminal; and the formats scripts read (csv, json,
//! jsonl) unchanged by any of it.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{skillgap, write};
use tempfile::TempDir;

/// The committed folder behind the golden outputs: two resumes, a copy, a Markdown
/// resume in a subfolder, and three files that cannot be read (empty, not a
/// document, a broken DOCX).
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rank")
}

fn golden(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name),
    )
    .unwrap()
}

/// `skillgap rank --job job.txt cvs ARGS` run in the fixture folder: stdout, stderr, code.
fn rank_fixture(args: &[&str], columns: Option<&str>) -> (String, String, Option<i32>) {
    let mut cmd = skillgap();
    cmd.current_dir(fixture())
        .args(["rank", "--job", "job.txt", "cvs", "-j", "1"])
        .args(args)
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn json_and_jsonl_are_byte_identical_to_before_the_table_changes() {
    let (json, _, _) = rank_fixture(&["-f", "json"], None);
    assert_eq!(json.as_bytes(), golden("rank.json"), "{json}");
    // jsonl streams rows as files finish: compare the lines as a set.
    let (jsonl, _, _) = rank_fixture(&["-f", "jsonl"], None);
    let mut lines: Vec<&str> = jsonl.lines().collect();
    lines.sort_unstable();
    let expected = String::from_utf8(golden("rank.jsonl")).unwrap();
    let mut expected: Vec<&str> = expected.lines().collect();
    expected.sort_unstable();
    assert_eq!(lines, expected);
    assert!(jsonl.ends_with('\n'));
}

#[test]
fn csv_is_byte_identical_to_before_except_empty_numbers_in_error_rows() {
    let (csv, _, _) = rank_fixture(&["-f", "csv"], None);
    // The golden file is the output from before the table changes, byte for byte,
    // except that issue 19 emptied the numeric cells of error rows (they held a
    // misleading 0/0) and issue 20 added the evidence_score and flags columns.
    let expected = String::from_utf8(golden("rank.csv")).unwrap();
    assert_eq!(csv, expected);
    let error_rows: Vec<&str> = csv.lines().filter(|l| l.contains(",error,")).collect();
    assert_eq!(error_rows.len(), 3, "{csv}");
    assert!(
        error_rows.iter().all(|l| l.contains(",error,,,,,,")),
        "{csv}"
    );
}

#[test]
fn error_rows_say_why_in_a_few_words_without_the_path() {
    let (table, _, code) = rank_fixture(&[], None);
    assert_eq!(code, Some(0), "{table}");
    for note in ["empty file", "not a document", "damaged DOCX"] {
        assert!(table.contains(note), "no {note:?} in\n{table}");
    }
    // The full sentences (path, colon, advice) stay in the formats for scripts.
    assert!(!table.contains("empty.txt: the file is empty"), "{table}");
    assert!(!table.contains("re-save it from Word"), "{table}");
    let (json, _, _) = rank_fixture(&["-f", "json"], None);
    assert!(json.contains("cvs/empty.txt: the file is empty"), "{json}");
}

#[test]
fn paths_in_the_table_are_relative_to_the_folder_named_but_not_in_csv() {
    let (table, _, _) = rank_fixture(&[], None);
    assert!(
        table.contains("Ranked against job.txt, files in cvs"),
        "{table}"
    );
    assert!(table.contains("team-b/li-wei.md"), "{table}");
    assert!(!table.contains("cvs/team-b/li-wei.md"), "{table}");
    assert!(table.contains("duplicate of amira-haddad.txt"), "{table}");
    let (csv, _, _) = rank_fixture(&["-f", "csv"], None);
    assert!(csv.contains("cvs/team-b/li-wei.md,"), "{csv}");
}

#[test]
fn with_top_the_errors_are_one_summary_line_and_errors_lists_them() {
    let (table, _, _) = rank_fixture(&["--top", "2"], None);
    assert!(
        table.contains(
            "3 files could not be read: 1 empty, 1 not a document, 1 damaged DOCX (`--errors` lists them)"
        ),
        "{table}"
    );
    assert!(!table.contains("blob.txt"), "{table}");
    assert!(
        !table.contains("jonas-berg.txt"),
        "only the best 2:\n{table}"
    );
    let (listed, _, _) = rank_fixture(&["--top", "2", "--errors"], None);
    for file in ["blob.txt", "empty.txt", "broken.docx"] {
        assert!(listed.contains(file), "no {file} in\n{listed}");
    }
    assert!(!listed.contains("could not be read"), "{listed}");
}

#[test]
fn more_than_ten_errors_are_summed_up_without_top() {
    let dir = TempDir::new().unwrap();
    let cvs = dir.path().join("cvs");
    write(&cvs, "good.txt", "SKILLS\nJava, Kafka, PostgreSQL\n");
    for i in 0..11 {
        write(&cvs, &format!("blank-{i:02}.txt"), "");
    }
    write(&cvs, "photo.pdf", b"%PDF-1.4 not really a pdf");
    let job = write(dir.path(), "job.txt", "Requirements\n- Java and Kafka\n");
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .arg(&cvs)
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(table.contains("good.txt"), "{table}");
    assert!(!table.contains("blank-03.txt"), "{table}");
    assert!(
        table.contains("12 files could not be read: 11 empty, 1 "),
        "{table}"
    );
    // Ten or fewer stay as rows.
    std::fs::remove_file(cvs.join("blank-00.txt")).unwrap();
    std::fs::remove_file(cvs.join("blank-01.txt")).unwrap();
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .arg(&cvs)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("blank-03.txt"), "{table}");
    assert!(!table.contains("could not be read"), "{table}");
}

/// A posting asking for many skills and a resume with none of them, under a long
/// file name: the widest table the `rank` command makes.
fn wide_case() -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let cvs = dir.path().join("cvs");
    write(
        &cvs,
        "candidate-with-a-rather-long-file-name-from-the-applicant-tracking-export.txt",
        "SKILLS\nCOBOL\n",
    );
    write(&cvs, "copy-of-the-same.txt", "SKILLS\nCOBOL\n");
    let job = write(
        dir.path(),
        "job.txt",
        "Requirements\n- Java, Kotlin, Spring Boot, PostgreSQL, Kafka, Kubernetes, Terraform, \
         Elasticsearch, Prometheus, Grafana, Distributed Systems, Container Orchestration\n",
    );
    (dir, job, cvs)
}

fn rank_wide(job: &Path, cvs: &Path, columns: Option<&str>) -> String {
    let mut cmd = skillgap();
    cmd.arg("rank")
        .arg("--job")
        .arg(job)
        .arg(cvs)
        .env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_table_never_exceeds_columns_and_cuts_long_cells_with_an_ellipsis() {
    let (_dir, job, cvs) = wide_case();
    let wide = rank_wide(&job, &cvs, Some("300"));
    let table_lines = |t: &str| t.lines().skip(1).map(str::to_string).collect::<Vec<_>>();
    assert!(widest(&table_lines(&wide).join("\n")) > 100, "{wide}");
    for columns in [100usize, 80, 60] {
        let table = rank_wide(&job, &cvs, Some(&columns.to_string()));
        let body = table_lines(&table).join("\n");
        assert!(widest(&body) <= columns, "wider than {columns}:\n{table}");
        assert!(body.contains('…'), "{table}");
        // One line per file: 2 rows, a header, 4 rules.
        assert_eq!(body.lines().count(), 2 + 1 + 3, "{table}");
    }
}

#[test]
fn off_a_terminal_the_table_keeps_a_fixed_readable_width() {
    let (_dir, job, cvs) = wide_case();
    let table = rank_wide(&job, &cvs, None);
    let body: Vec<&str> = table.lines().skip(1).collect();
    let width = widest(&body.join("\n"));
    assert!(width <= 120 && width > 80, "width {width}:\n{table}");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = TempDir::new().unwrap();
    let cvs = dir.path().join("cvs");
    for i in 0..60 {
        write(&cvs, &format!("cv-{i:02}.txt"), "SKILLS\nJava\n");
    }
    let job = write(dir.path(), "job.txt", "Requirements\n- Java\n");
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(&job)
        .arg(&cvs)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("ETA"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "only the summary: {stderr}");
}
