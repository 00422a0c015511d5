//! `rank` withholds the score of a resume whose words run together, as `match`
//! does, with the same note: a keyword score of glued text is noise, and a recruiter
//! ranking a folder must not see a low score where the file is at fault.

mod common;

use std::path::Path;

use common::cli::{match_json, skillgap, write};
use common::pdf;
use tempfile::TempDir;

const POSTING: &str =
    "Backend Engineer\n\nRequirements\n• Go and PostgreSQL\n• Kafka and Kubernetes on AWS\n";

/// A resume's lines, every sentence with its spaces lost when `glued`, as a PDF that
/// draws its spaces as gaps reads.
fn resume_lines(glued: bool) -> Vec<String> {
    [
        "Tomasz Breuer",
        "tomasz.breuer@example.org | +49 30 5550 1187",
        "SUMMARY",
        "Platform engineer with seven years of Go services for freight and logistics companies.",
        "SKILLS",
        "Go, PostgreSQL, Apache Kafka, Kubernetes, AWS, Terraform",
        "EXPERIENCE",
        "Platform Engineer, Frachtwerk GmbH, Berlin, 2019 - 2025",
        "Moved the dispatch service to Kubernetes on AWS and cut the monthly cloud bill by a third.",
        "Wrote the Kafka consumers that feed the tracking pages seen by forty thousand drivers.",
        "Introduced contract tests between the billing and routing teams and their partners.",
    ]
    .iter()
    .map(|line| {
        if glued && line.split_whitespace().count() > 6 {
            line.split_whitespace().collect()
        } else {
            line.to_string()
        }
    })
    .collect()
}

fn rank_rows(job: &Path, folder: &Path) -> Vec<serde_json::Value> {
    let out = skillgap()
        .args(["rank", "-f", "json", "--job"])
        .arg(job)
        .arg(folder)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn rank_withholds_the_score_of_a_glued_pdf_as_match_does() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("cvs");
    std::fs::create_dir(&folder).unwrap();
    write(&folder, "glued.pdf", pdf::text_pdf(&[resume_lines(true)]));
    write(&folder, "spaced.pdf", pdf::text_pdf(&[resume_lines(false)]));
    let job = write(dir.path(), "job.txt", POSTING);
    let rows = rank_rows(&job, &folder);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let file = Path::new(row["file"].as_str().unwrap());
        let report = match_json(file, &job);
        assert_eq!(row["score"], report["score"], "{}", file.display());
        assert_eq!(
            row["score_note"],
            report["score_note"],
            "{}",
            file.display()
        );
        assert_eq!(row["required"], report["required"], "{}", file.display());
        if file.ends_with("glued.pdf") {
            assert!(row["score"].is_null(), "{row}");
            let note = row["score_note"].as_str().unwrap();
            assert!(note.contains("run together"), "{note}");
        } else {
            assert!(row["score"].as_f64().unwrap() > 50.0, "{row}");
            assert!(row["score_note"].is_null(), "{row}");
        }
    }
}
