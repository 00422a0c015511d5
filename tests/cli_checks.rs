//! The ATS readability checks as a user meets them: `scan` and `match` report each
//! one (text layer, garbled text, two columns, contact details, headings, length,
//! file type) with a status and what to do, in JSON, table and Markdown.
//!
//! Every input is built here: PDFs from `common::pdf`, DOCX from `common::docx`,
//! resumes as text, so each test shows the one thing that trips its check.

mod common;

use std::path::Path;

use common::cli::{match_json, scan_json, skillgap, write};
use common::{docx, pdf};
use predicates::prelude::*;
use tempfile::TempDir;

const IDS: [&str; 8] = [
    "text_layer",
    "garbled_text",
    "glued_words",
    "two_column",
    "contact",
    "headings",
    "length",
    "file_type",
];

const POSTING: &str = "\
Backend Engineer

Requirements
• Java and PostgreSQL
• Kafka and Kubernetes on AWS

Nice to have
• Terraform
";

const CONTACT: &str = "jo.lane@example.com | +44 20 7946 0958 | github.com/jolane";

/// Sentences for Experience bullets; cycled to reach a word count.
const BULLETS: [&str; 6] = [
    "Built Java services on PostgreSQL that handle ten thousand requests per second.",
    "Moved batch jobs to Kafka streams and cut the nightly run from four hours to ten minutes.",
    "Ran the platform on Kubernetes in AWS with Terraform modules for every environment.",
    "Wrote integration tests for the billing API and kept releases weekly for two years.",
    "Mentored three engineers and led the design reviews for the payments team.",
    "Tuned slow queries and added indexes, saving forty percent of database cost.",
];

/// A resume as lines: name, optional contact line, optional standard headings, and
/// enough Experience bullets for about `words` words in all.
fn resume_lines(contact: bool, headings: bool, words: usize) -> Vec<String> {
    let heading =
        |standard: &str, creative: &str| if headings { standard } else { creative }.to_string();
    let mut lines = vec!["Jo Lane".to_string()];
    if contact {
        lines.push(CONTACT.to_string());
    }
    lines.extend([
        String::new(),
        heading("SKILLS", "MY TOOLBOX"),
        "Java, PostgreSQL, Kafka, Kubernetes, AWS, Terraform".to_string(),
        String::new(),
        heading("EXPERIENCE", "MY JOURNEY"),
        "Backend Engineer - Acme, London".to_string(),
        "Jan 2016 - Present".to_string(),
    ]);
    let count =
        |lines: &[String]| -> usize { lines.iter().map(|l| l.split_whitespace().count()).sum() };
    let tail = [
        String::new(),
        heading("EDUCATION", "WHERE I LEARNED"),
        "B.Sc. Computer Science, University of Leeds, 2015".to_string(),
    ];
    let mut i = 0;
    while count(&lines) + count(&tail) < words {
        lines.push(format!("• {}", BULLETS[i % BULLETS.len()]));
        i += 1;
    }
    lines.extend(tail);
    lines
}

fn resume_text(contact: bool, headings: bool, words: usize) -> String {
    resume_lines(contact, headings, words).join("\n") + "\n"
}

/// A good resume: contact details, standard headings, about 500 words on one page.
fn good_resume() -> Vec<String> {
    resume_lines(true, true, 500)
}

/// The check with this id: its status and message.
fn check(json: &serde_json::Value, id: &str) -> (String, String) {
    let found = json["checks"]
        .as_array()
        .unwrap_or_else(|| panic!("no checks array in {json}"))
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {}", json["checks"]));
    (
        found["status"].as_str().unwrap().to_string(),
        found["message"].as_str().unwrap().to_string(),
    )
}

/// The status of check `id` from both `scan` and `match` (they must agree).
fn status_in_both(dir: &TempDir, file: &Path, id: &str) -> (String, String) {
    let job = write(dir.path(), "job.txt", POSTING);
    let scanned = check(&scan_json(file), id);
    let matched = check(&match_json(file, &job), id);
    assert_eq!(scanned, matched, "scan and match disagree on {id}");
    scanned
}

#[test]
fn scan_and_match_json_carry_every_check_in_order() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.pdf", pdf::text_pdf(&[good_resume()]));
    let job = write(dir.path(), "job.txt", POSTING);
    let ids = |json: &serde_json::Value| -> Vec<String> {
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let status = c["status"].as_str().unwrap();
                assert!(
                    ["pass", "warn", "fail", "info"].contains(&status),
                    "{status}"
                );
                assert!(!c["message"].as_str().unwrap().is_empty());
                c["id"].as_str().unwrap().to_string()
            })
            .collect()
    };
    // The writing checks follow (tests/cli_writing.rs).
    assert_eq!(ids(&scan_json(&cv))[..IDS.len()], IDS);
    let matched = ids(&match_json(&cv, &job));
    // The posting checks come first, the readability checks after them.
    assert_eq!(
        matched[..4],
        [
            "job_title",
            "years_of_experience",
            "skill_years",
            "education"
        ]
    );
    assert_eq!(matched[4..4 + IDS.len()], IDS);

    // A well-made PDF resume passes every readability check.
    let json = scan_json(&cv);
    for id in IDS {
        assert_eq!(check(&json, id).0, "pass", "{id}: {}", check(&json, id).1);
    }
}

#[test]
fn text_layer_passes_with_text_and_a_scan_is_refused() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.pdf", pdf::text_pdf(&[good_resume()]));
    let (status, message) = status_in_both(&dir, &cv, "text_layer");
    assert_eq!(status, "pass", "{message}");
    assert!(message.contains("words read"), "{message}");

    // A page without text (blank or scanned) among pages with text.
    let gap = write(
        dir.path(),
        "gap.pdf",
        pdf::text_pdf(&[good_resume(), Vec::new()]),
    );
    let (status, message) = status_in_both(&dir, &gap, "text_layer");
    assert_eq!(status, "warn", "{message}");
    assert!(message.starts_with("Page 2 of 2 has no text"), "{message}");

    // No text layer at all: extraction refuses it, with the reason, for both commands.
    let scanned = write(dir.path(), "scanned.pdf", pdf::image_only_pdf());
    let job = write(dir.path(), "job.txt", POSTING);
    skillgap()
        .args(["scan", "-f", "json"])
        .arg(&scanned)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no text layer"));
    skillgap()
        .args(["match", "-f", "json"])
        .arg(&scanned)
        .arg("--job")
        .arg(&job)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no text layer"));
}

#[test]
fn garbled_text_fails_and_the_score_is_withheld() {
    let dir = TempDir::new().unwrap();
    let garbled = write(dir.path(), "garbled.pdf", pdf::garbled_pdf());
    let (status, message) = status_in_both(&dir, &garbled, "garbled_text");
    assert_eq!(status, "fail", "{message}");
    assert!(message.contains("garbled"), "{message}");
    assert!(message.contains("Re-export"), "{message}");

    let job = write(dir.path(), "job.txt", POSTING);
    let json = match_json(&garbled, &job);
    // The text layer is there; it says nothing. Checks that read words do not
    // judge symbols.
    assert_eq!(check(&json, "text_layer").0, "pass");
    for id in ["contact", "headings", "length"] {
        let (status, message) = check(&json, id);
        assert_eq!(status, "info", "{id}: {message}");
        assert!(message.contains("garbled"), "{id}: {message}");
    }
    assert!(json["score"].is_null(), "score {}", json["score"]);
    assert!(
        json["score_note"].as_str().unwrap().contains("garbled"),
        "{}",
        json["score_note"]
    );
    let first = &json["suggestions"][0];
    assert_eq!(first["kind"], "readability", "{first}");
    assert!(first["message"].as_str().unwrap().contains("garbled"));
    // Advice about keywords read from symbols would mislead: none is given.
    assert!(json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["kind"] == "readability"));
    // The table says so where the score would be.
    skillgap()
        .arg("match")
        .arg(&garbled)
        .arg("--job")
        .arg(&job)
        .assert()
        .success()
        .stdout(predicate::str::contains("Score: undefined"))
        .stdout(predicate::str::contains("garbled"));

    // So does the HTML report, above everything else.
    skillgap()
        .args(["match", "-f", "html"])
        .arg(&garbled)
        .arg("--job")
        .arg(&job)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<strong>No score.</strong> The resume&#39;s text is garbled",
        ))
        .stdout(predicate::str::contains("id=\"score\">–<"));

    let clean = write(dir.path(), "clean.pdf", pdf::text_pdf(&[good_resume()]));
    assert_eq!(status_in_both(&dir, &clean, "garbled_text").0, "pass");
}

#[test]
fn two_column_layout_warns_and_the_same_text_in_one_column_passes() {
    let dir = TempDir::new().unwrap();
    let left: Vec<String> = (0..24)
        .map(|i| match i {
            0 => "SKILLS".to_string(),
            _ => format!("Java and Kafka tool {i}"),
        })
        .collect();
    let right: Vec<String> = (0..24)
        .map(|i| match i {
            0 => "EXPERIENCE".to_string(),
            _ => format!("Built PostgreSQL services, step {i}"),
        })
        .collect();
    let left_refs: Vec<&str> = left.iter().map(String::as_str).collect();
    let right_refs: Vec<&str> = right.iter().map(String::as_str).collect();
    let two = write(
        dir.path(),
        "two.pdf",
        pdf::two_column_pdf(&left_refs, &right_refs),
    );
    let (status, message) = status_in_both(&dir, &two, "two_column");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("Page 1"), "{message}");
    assert!(message.contains("single-column"), "{message}");

    // Columns drawn row by row read straight across: also two columns. Each row is
    // one line with a wide gap; the digits keep every left part the same width in
    // Helvetica, so the right parts line up as a column does.
    let rows: Vec<String> = (10..34)
        .map(|i| {
            format!(
                "Java and Kafka tool {i}{}Built PostgreSQL services {i}",
                " ".repeat(50)
            )
        })
        .collect();
    let across = write(dir.path(), "across.pdf", pdf::text_pdf(&[rows]));
    let (status, message) = status_in_both(&dir, &across, "two_column");
    assert_eq!(status, "warn", "{message}");

    let mut lines = left.clone();
    lines.extend(right.iter().cloned());
    let one = write(dir.path(), "one.pdf", pdf::text_pdf(&[lines]));
    let (status, message) = status_in_both(&dir, &one, "two_column");
    assert_eq!(status, "pass", "{message}");

    // Text files have no columns to measure.
    let txt = write(dir.path(), "cv.txt", resume_text(true, true, 500));
    assert_eq!(status_in_both(&dir, &txt, "two_column").0, "pass");
}

#[test]
fn contact_details_fail_when_absent_and_warn_when_partial() {
    let dir = TempDir::new().unwrap();
    let none = write(
        dir.path(),
        "none.pdf",
        pdf::text_pdf(&[resume_lines(false, true, 500)]),
    );
    let (status, message) = status_in_both(&dir, &none, "contact");
    assert_eq!(status, "fail", "{message}");
    assert!(message.contains("No contact details"), "{message}");

    let mut email_only = resume_lines(false, true, 500);
    email_only.insert(1, "jo.lane@example.com".to_string());
    let email_only = write(dir.path(), "email.pdf", pdf::text_pdf(&[email_only]));
    let (status, message) = status_in_both(&dir, &email_only, "contact");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("a phone number"), "{message}");
    assert!(message.contains("profile link"), "{message}");

    // A "LinkedIn" label without its address is still no link, and the message says why.
    let mut label_only = resume_lines(false, true, 500);
    label_only.insert(
        1,
        "jo.lane@example.com | +44 20 7946 0958 | LinkedIn".to_string(),
    );
    let label_only = write(dir.path(), "label.txt", label_only.join("\n"));
    let (status, message) = status_in_both(&dir, &label_only, "contact");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("write the URL out"), "{message}");

    let all = write(dir.path(), "all.pdf", pdf::text_pdf(&[good_resume()]));
    assert_eq!(status_in_both(&dir, &all, "contact").0, "pass");
}

#[test]
fn headings_warn_when_some_are_missing_and_fail_when_all_are() {
    let dir = TempDir::new().unwrap();
    let creative = write(dir.path(), "creative.txt", resume_text(true, false, 500));
    let (status, message) = status_in_both(&dir, &creative, "headings");
    assert_eq!(status, "fail", "{message}");
    assert!(message.contains("Experience"), "{message}");

    let no_education = resume_text(true, true, 500).replace("EDUCATION", "WHERE I LEARNED");
    let no_education = write(dir.path(), "no-edu.txt", no_education);
    let (status, message) = status_in_both(&dir, &no_education, "headings");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("No Education heading"), "{message}");
    assert!(!message.contains("Skills"), "{message}");

    let standard = write(dir.path(), "standard.txt", resume_text(true, true, 500));
    assert_eq!(status_in_both(&dir, &standard, "headings").0, "pass");
}

#[test]
fn length_warns_when_short_long_or_over_two_pages() {
    let dir = TempDir::new().unwrap();
    let short = write(dir.path(), "short.txt", resume_text(true, true, 150));
    let (status, message) = status_in_both(&dir, &short, "length");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("short"), "{message}");

    let long = write(dir.path(), "long.txt", resume_text(true, true, 1400));
    let (status, message) = status_in_both(&dir, &long, "length");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("long"), "{message}");

    // 600 words spread over three pages: the page count alone is too much.
    let lines = good_resume();
    let third = lines.len() / 3;
    let pages = vec![
        lines[..third].to_vec(),
        lines[third..2 * third].to_vec(),
        lines[2 * third..].to_vec(),
    ];
    let three = write(dir.path(), "three.pdf", pdf::text_pdf(&pages));
    let (status, message) = status_in_both(&dir, &three, "length");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("3 pages"), "{message}");

    let fine = write(dir.path(), "fine.pdf", pdf::text_pdf(&[good_resume()]));
    let (status, message) = status_in_both(&dir, &fine, "length");
    assert_eq!(status, "pass", "{message}");
    assert!(message.contains("1 page"), "{message}");
}

#[test]
fn file_type_passes_pdf_and_docx_and_warns_on_text_and_large_files() {
    let dir = TempDir::new().unwrap();
    let txt = write(dir.path(), "cv.txt", resume_text(true, true, 500));
    let (status, message) = status_in_both(&dir, &txt, "file_type");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("PDF or DOCX"), "{message}");

    let lines = good_resume();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let word = write(dir.path(), "cv.docx", docx::docx(&refs, &[], None, None));
    let (status, message) = status_in_both(&dir, &word, "file_type");
    assert_eq!(status, "pass", "{message}");
    assert!(message.starts_with("DOCX"), "{message}");

    let pdf_file = write(dir.path(), "cv.pdf", pdf::text_pdf(&[lines]));
    assert_eq!(status_in_both(&dir, &pdf_file, "file_type").0, "pass");

    // Over 2 MB (here trailing blank space, as a stand-in for big images).
    let mut big = resume_text(true, true, 500);
    big.push_str(&" ".repeat(2_200_000));
    let big = write(dir.path(), "big.txt", big);
    let (status, message) = status_in_both(&dir, &big, "file_type");
    assert_eq!(status, "warn", "{message}");
    assert!(message.contains("2.1 MB"), "{message}");
}

#[test]
fn table_and_markdown_show_the_checks_compactly() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", resume_text(false, true, 500));
    let job = write(dir.path(), "job.txt", POSTING);
    for args in [
        vec!["scan".to_string()],
        vec!["scan".into(), "-f".into(), "markdown".into()],
        vec!["match".into(), "--job".into(), job.display().to_string()],
        vec![
            "match".into(),
            "--job".into(),
            job.display().to_string(),
            "-f".into(),
            "markdown".into(),
        ],
    ] {
        let out = skillgap().args(&args).arg(&cv).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        // Problems are spelled out with their advice; passes share one line.
        assert!(text.contains("No contact details"), "{args:?}\n{text}");
        assert!(text.contains("many ATS"), "{args:?}\n{text}");
        let pass_line = text
            .lines()
            .find(|l| l.contains("garbled_text"))
            .unwrap_or_else(|| panic!("{args:?}\n{text}"));
        assert!(pass_line.contains("headings"), "{args:?}\n{pass_line}");
        assert!(pass_line.contains("text_layer"), "{args:?}\n{pass_line}");
    }
}
