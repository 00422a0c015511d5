//! Reading real-world PDFs as a user meets them: spaces that are only gaps, words a
//! file really runs together, fonts with no text behind their glyphs, a file the
//! first reader stops on, and a page tree that loops.
//!
//! Every PDF is built here by `common::pdf`, so each test shows the one property of
//! the file it is about.

mod common;

use common::cli::{json_of, match_json, scan_json, skill_set, skillgap, write};
use common::pdf;
use predicates::prelude::*;
use tempfile::TempDir;

/// A short resume as its lines.
const RESUME: [&str; 12] = [
    "Dana Whitfield",
    "dana.whitfield@example.com | +44 20 7946 0112 | github.com/danaw",
    "SUMMARY",
    "Senior backend engineer with nine years of experience in payments and logistics.",
    "SKILLS",
    "Kubernetes, PostgreSQL, Apache Kafka, Terraform, Java, Spring Boot",
    "EXPERIENCE",
    "Backend Engineer - Harbor Freight Systems, Leeds",
    "Mar 2018 - Present",
    "Built event pipelines on Kafka and moved twelve services to Kubernetes on AWS.",
    "EDUCATION",
    "B.Sc. Computer Science, University of York, 2015",
];

const POSTING: &str =
    "Backend Engineer\n\nRequirements\n• Java and PostgreSQL\n• Kafka and Kubernetes on AWS\n";

fn check<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {}", json["checks"]))
}

fn extract_json(path: &std::path::Path) -> serde_json::Value {
    json_of(
        skillgap()
            .args(["extract", "--format", "json"])
            .arg(path)
            .output()
            .unwrap(),
    )
}

#[test]
fn spaces_drawn_only_as_gaps_are_read_from_the_glyph_positions() {
    let dir = TempDir::new().unwrap();
    let gaps = write(
        dir.path(),
        "gaps.pdf",
        pdf::cid_font_pdf(&RESUME, true, false),
    );
    let json = extract_json(&gaps);
    let text = json["text"].as_str().unwrap();
    assert!(
        text.contains("Senior backend engineer with nine years of experience"),
        "{text}"
    );
    assert_eq!(json["engine"], "pdf-extract");
    // The same words as from a file that maps its spaces.
    let mapped = write(
        dir.path(),
        "mapped.pdf",
        pdf::cid_font_pdf(&RESUME, true, true),
    );
    let scan = scan_json(&gaps);
    assert_eq!(skill_set(&scan), skill_set(&scan_json(&mapped)));
    assert!(
        skill_set(&scan).contains("Kubernetes"),
        "{:?}",
        skill_set(&scan)
    );
    assert_eq!(check(&scan, "glued_words")["status"], "pass");
}

#[test]
fn words_the_file_runs_together_fail_glued_words_and_withhold_the_score() {
    let dir = TempDir::new().unwrap();
    // A resume whose sentences lost their spaces in the file itself.
    let lines: Vec<String> = RESUME
        .iter()
        .map(|line| {
            if line.split_whitespace().count() > 6 {
                line.split_whitespace().collect::<String>()
            } else {
                line.to_string()
            }
        })
        .chain(
            [
                "Ledthemigrationofthebillingplatformtoeventsourcingwithzerodowntime.",
                "Mentoredfourengineersandrantheon-calltrainingforthebackendguild.",
                "Designedtheshipment-trackingAPIusedbytwentyinternalteamsandpartners.",
            ]
            .map(String::from),
        )
        .collect();
    let cv = write(dir.path(), "glued.pdf", pdf::text_pdf(&[lines]));
    let job = write(dir.path(), "job.txt", POSTING);
    let json = match_json(&cv, &job);
    let glued = check(&json, "glued_words");
    assert_eq!(glued["status"], "fail", "{glued}");
    let message = glued["message"].as_str().unwrap();
    assert!(message.contains("run together"), "{message}");
    assert!(json["score"].is_null(), "score {}", json["score"]);
    let note = json["score_note"].as_str().unwrap();
    assert!(note.contains("run together"), "{note}");
    // No advice on length or headings computed from glued words.
    for id in ["contact", "headings", "length"] {
        let c = check(&json, id);
        assert_eq!(c["status"], "info", "{id}: {c}");
        assert!(
            c["message"].as_str().unwrap().contains("glued_words"),
            "{c}"
        );
    }
    assert!(json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["kind"] == "readability"));

    // The same resume with its spaces passes.
    let clean: Vec<String> = RESUME.iter().map(|l| l.to_string()).collect();
    let clean = write(dir.path(), "clean.pdf", pdf::text_pdf(&[clean]));
    assert_eq!(check(&scan_json(&clean), "glued_words")["status"], "pass");
}

#[test]
fn fonts_without_a_unicode_map_are_named_not_called_scanned() {
    let dir = TempDir::new().unwrap();
    let cv = write(
        dir.path(),
        "nomap.pdf",
        pdf::cid_font_pdf(&RESUME, false, false),
    );
    for command in ["extract", "scan"] {
        skillgap()
            .arg(command)
            .arg(&cv)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("nomap.pdf"))
            .stderr(predicate::str::contains("the fonts carry no text mapping"))
            .stderr(predicate::str::contains("an ATS reads symbols"))
            .stderr(predicate::str::contains("scanned").not());
    }
}

#[test]
fn a_file_the_first_reader_stops_on_is_read_by_the_second() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "icons.pdf", pdf::icon_font_pdf(&RESUME));
    let json = extract_json(&cv);
    assert_eq!(json["engine"], "lopdf", "{json}");
    let text = json["text"].as_str().unwrap();
    assert!(
        text.contains("Kubernetes, PostgreSQL, Apache Kafka"),
        "{text}"
    );
    let skills = skill_set(&scan_json(&cv));
    assert!(
        skills.contains("Kubernetes") && skills.contains("Terraform"),
        "{skills:?}"
    );
}

#[test]
fn a_page_tree_that_loops_is_a_damaged_pdf_not_a_timeout() {
    let dir = TempDir::new().unwrap();
    let lines: Vec<String> = RESUME.iter().map(|l| l.to_string()).collect();
    let cv = write(dir.path(), "loop.pdf", pdf::parent_loop_pdf(&lines));
    skillgap()
        .args(["extract", "--file-timeout", "10"])
        .arg(&cv)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("loop.pdf: damaged PDF"))
        .stderr(predicate::str::contains("page tree loops"));
    // In `rank`, the same error is the file's row.
    let job = write(dir.path(), "job.txt", POSTING);
    let out = skillgap()
        .args(["rank", "--format", "jsonl", "--file-timeout", "10", "--job"])
        .arg(&job)
        .arg(&cv)
        .output()
        .unwrap();
    let rows = String::from_utf8(out.stdout).unwrap();
    assert!(rows.contains("page tree loops"), "{rows}");
}

#[test]
fn a_page_list_that_contains_itself_is_read_once() {
    let dir = TempDir::new().unwrap();
    let lines: Vec<String> = RESUME.iter().map(|l| l.to_string()).collect();
    let cv = write(dir.path(), "kids.pdf", pdf::kids_loop_pdf(&lines));
    let json = extract_json(&cv);
    assert_eq!(json["pages"], 1, "{json}");
    let text = json["text"].as_str().unwrap();
    assert_eq!(text.matches("Dana Whitfield").count(), 1, "{text}");
}

#[test]
fn a_soft_hyphen_drawn_in_a_pdf_is_a_visible_hyphen() {
    let dir = TempDir::new().unwrap();
    let cv = write(
        dir.path(),
        "soft.pdf",
        // The font's Unicode map names the drawn hyphen U+00AD, as XeTeX's may.
        pdf::cid_font_pdf(
            &[
                "Built cloud\u{AD}native services on Kubernetes",
                "Platform Engineer, Sep. 2023 \u{AD} Mar. 2024",
            ],
            true,
            true,
        ),
    );
    let text = extract_json(&cv)["text"].as_str().unwrap().to_string();
    assert!(text.contains("cloud-native"), "{text}");
    assert!(text.contains("2023 - Mar"), "{text}");
}
