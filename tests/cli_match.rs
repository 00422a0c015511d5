//! `skillgap match` as a user runs it: scores order strong, partial and unrelated
//! resumes; levels come from sections and sentences; each suggestion kind appears
//! where it should; exit codes follow --min-score and --require.

mod common;

use std::path::Path;

use common::cli::{match_json, skillgap, write};
use predicates::prelude::*;
use tempfile::TempDir;

const POSTING: &str = "\
Backend Engineer

Requirements
• 5+ years of experience with Java.
• Strong PostgreSQL and SQL skills.
• Experience with Kafka and Kubernetes on AWS.
• REST APIs and microservices.
• Excellent communication skills.
• Bachelor's degree in Computer Science.

Nice to have
• GraphQL
• Terraform
";

const STRONG: &str = "\
Alex Doe
alex@example.com | +1 555 0100 | github.com/alexdoe

SUMMARY
Backend Engineer building Java microservices; known for clear communication.

SKILLS
Java, PostgreSQL, SQL, Kafka, Kubernetes, AWS, REST APIs, GraphQL, Terraform

EXPERIENCE
Backend Engineer - Acme, Berlin
Jan 2017 - Present
• Built Java microservices with REST APIs on Kubernetes and AWS.
• Published events to Kafka and tuned PostgreSQL queries in SQL.
• Wrote GraphQL endpoints and Terraform modules.

EDUCATION
B.Sc. Computer Science, 2016
";

const PARTIAL: &str = "\
Sam Roe

SKILLS
Java, MySQL, Docker

EXPERIENCE
Software Developer - Beta, Paris
Jan 2021 - Present
• Built Java services on MySQL.
";

const UNRELATED: &str = "\
Chris Poe

SKILLS
Photoshop, watercolour, calligraphy

EXPERIENCE
Illustrator - Gamma Studio
2015 - 2020
• Drew book covers.
";

fn skill<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {json}"))
}

fn suggestion_kinds(json: &serde_json::Value) -> Vec<(String, String)> {
    json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_string(),
                s["skill"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn strong_partial_and_unrelated_resumes_score_in_order_with_a_margin() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", POSTING);
    let score = |text: &str, name: &str| {
        match_json(&write(dir.path(), name, text), &job)["score"]
            .as_f64()
            .unwrap()
    };
    let (strong, partial, unrelated) = (
        score(STRONG, "a.txt"),
        score(PARTIAL, "b.txt"),
        score(UNRELATED, "c.txt"),
    );
    assert!(strong >= 85.0, "strong {strong}");
    assert!(
        strong - partial >= 25.0,
        "strong {strong} partial {partial}"
    );
    assert!(
        partial - unrelated >= 10.0,
        "partial {partial} unrelated {unrelated}"
    );
    assert!(unrelated <= 5.0, "unrelated {unrelated}");
}

#[test]
fn json_follows_the_contract_and_levels_follow_sections() {
    let dir = TempDir::new().unwrap();
    let json = match_json(
        &write(dir.path(), "cv.txt", PARTIAL),
        &write(dir.path(), "job.txt", POSTING),
    );
    assert_eq!(json["schema_version"], 1);
    assert!(json["score"].as_f64().is_some());
    assert!(json["required"]["total"].as_u64().unwrap() >= 8);
    assert_eq!(skill(&json, "Java")["level"], "required");
    assert_eq!(skill(&json, "Java")["status"], "exact");
    assert_eq!(skill(&json, "Apache Kafka")["level"], "required");
    assert_eq!(skill(&json, "Apache Kafka")["status"], "missing");
    assert_eq!(skill(&json, "GraphQL")["level"], "preferred");
    assert_eq!(skill(&json, "Terraform")["level"], "preferred");
    assert_eq!(skill(&json, "Java")["years_asked"], 5);
    assert!(
        skill(&json, "Java")["weight"].as_f64().unwrap()
            > skill(&json, "GraphQL")["weight"].as_f64().unwrap()
    );
    assert_eq!(skill(&json, "Communication")["kind"], "soft");
    for s in json["skills"].as_array().unwrap() {
        assert!(["exact", "alias", "implied", "missing"].contains(&s["status"].as_str().unwrap()));
    }
    let first = &json["suggestions"][0];
    assert_eq!(first["kind"], "add");
    assert_eq!(first["level"], "required");
    assert!(first["message"].as_str().unwrap().contains("requires"));
}

#[test]
fn postings_without_sections_use_sentence_cues() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "We need a developer. You must know Python and Django. Docker is a plus. Familiarity with Redis helps.",
    );
    let json = match_json(&write(dir.path(), "cv.txt", PARTIAL), &job);
    assert_eq!(skill(&json, "Python")["level"], "required");
    assert_eq!(skill(&json, "Django")["level"], "required");
    assert_eq!(skill(&json, "Docker")["level"], "preferred");
    assert_eq!(skill(&json, "Redis")["level"], "preferred");
    assert_eq!(skill(&json, "Docker")["status"], "exact");
}

#[test]
fn each_suggestion_kind_appears_where_it_should() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Senior Data Engineer\n\nRequirements\n• PostgreSQL and SQL\n• Kubernetes\n• Kafka\n• Python\n• Master's degree required\n• 10+ years of experience\n\nNice to have\n• Airflow\n",
    );
    let resume = write(
        dir.path(),
        "cv.txt",
        "Pat Lee\n\nSKILLS\nPython, Postgres, k8s\n\nEXPERIENCE\nData Engineer - Delta\n2019 - 2021\n• Wrote Python jobs on k8s with Postgres.\n\nPROJECTS\n• Python tooling\n\nEDUCATION\nBSc Mathematics\n",
    );
    let json = match_json(&resume, &job);
    let kinds = suggestion_kinds(&json);
    let has = |kind: &str, skill: &str| kinds.iter().any(|(k, s)| k == kind && s == skill);
    assert!(has("add", "Apache Kafka"), "{kinds:?}");
    assert!(has("add", "Apache Airflow"), "{kinds:?}");
    assert!(has("wording", "PostgreSQL"), "{kinds:?}");
    assert!(has("wording", "Kubernetes"), "{kinds:?}");
    assert!(has("state", "SQL"), "{kinds:?}");
    assert!(kinds.iter().any(|(k, _)| k == "title"), "{kinds:?}");
    assert!(kinds.iter().any(|(k, _)| k == "education"), "{kinds:?}");
    assert!(kinds.iter().any(|(k, _)| k == "years"), "{kinds:?}");
    assert_eq!(skill(&json, "SQL")["status"], "implied");
    assert_eq!(skill(&json, "PostgreSQL")["status"], "alias");
    // Missing required before wording before missing preferred.
    let pos = |kind: &str, skill: &str| {
        kinds
            .iter()
            .position(|(k, s)| k == kind && s == skill)
            .unwrap()
    };
    assert!(pos("add", "Apache Kafka") < pos("wording", "PostgreSQL"));
    assert!(pos("wording", "PostgreSQL") < pos("add", "Apache Airflow"));

    let show_job = write(dir.path(), "job2.txt", "Requirements\n• Kafka\n• Java\n");
    let listed_only = write(
        dir.path(),
        "cv2.txt",
        "SKILLS\nKafka, Java\n\nEXPERIENCE\nDev - X\n2019 - 2020\n• Built Java services.\n",
    );
    let kinds = suggestion_kinds(&match_json(&listed_only, &show_job));
    assert!(
        kinds
            .iter()
            .any(|(k, s)| k == "show" && s == "Apache Kafka"),
        "{kinds:?}"
    );
    assert!(
        !kinds.iter().any(|(k, s)| k == "show" && s == "Java"),
        "{kinds:?}"
    );
}

#[test]
fn unknown_terms_are_reported() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Requirements\n• Java, Kafka, ZephyrQueue and QuuxDB\n",
    );
    let json = match_json(&write(dir.path(), "cv.txt", PARTIAL), &job);
    let unknown: Vec<&str> = json["unknown_terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(unknown.contains(&"ZephyrQueue"), "{unknown:?}");
    assert!(unknown.contains(&"QuuxDB"), "{unknown:?}");
    assert!(!unknown.contains(&"Java"), "{unknown:?}");
}

#[test]
fn min_score_and_require_set_the_exit_code() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", POSTING);
    let cv = write(dir.path(), "cv.txt", PARTIAL);
    let run = |extra: &[&str]| {
        let mut cmd = skillgap();
        cmd.arg("match")
            .arg(&cv)
            .arg("--job")
            .arg(&job)
            .args(["-f", "json"])
            .args(extra);
        cmd.output().unwrap().status.code()
    };
    assert_eq!(run(&[]), Some(0));
    assert_eq!(run(&["--min-score", "10"]), Some(0));
    assert_eq!(run(&["--min-score", "95"]), Some(1));
    assert_eq!(run(&["--require", "Java"]), Some(0));
    assert_eq!(run(&["--require", "Java,Kafka"]), Some(1));
    assert_eq!(run(&["--require", "Java,Kafka|MySQL"]), Some(0));
    assert_eq!(run(&["--require", "NotASkillAtAll"]), Some(2));
}

#[test]
fn the_job_can_come_from_text_stdin_or_html() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", STRONG);
    skillgap()
        .args(["match"])
        .arg(&cv)
        .args(["--job-text", "Requirements: Java, Kafka and Rust"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Rust"));
    skillgap()
        .arg("match")
        .arg(&cv)
        .args(["--job", "-", "-f", "json"])
        .write_stdin("Requirements\n• Kafka\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"job\": \"<stdin>\""));
    let html = write(dir.path(), "job.html", "<!DOCTYPE html><html><body><h2>Requirements</h2><ul><li>Java</li><li>Kafka</li></ul></body></html>");
    let json = match_json(&cv, &html);
    assert_eq!(skill(&json, "Java")["level"], "required");
}

#[test]
fn a_posting_without_skills_has_an_undefined_score() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "We are hiring a friendly person to water our plants.",
    );
    let json = match_json(&write(dir.path(), "cv.txt", STRONG), &job);
    assert!(json["score"].is_null());
    assert!(json["score_note"].as_str().unwrap().contains("undefined"));
    skillgap()
        .arg("match")
        .arg(dir.path().join("cv.txt"))
        .arg("--job")
        .arg(&job)
        .args(["--min-score", "1"])
        .assert()
        .code(1);
}

#[test]
fn table_and_markdown_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    skillgap()
        .current_dir(root)
        .args([
            "match",
            "examples/resume.pdf",
            "--job",
            "examples/job-backend.txt",
            "--explain",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Score "))
        .stdout(predicate::str::contains(
            "Suggestions, most valuable first:",
        ))
        .stdout(predicate::str::contains("How the score is computed:"));
    skillgap()
        .current_dir(root)
        .args([
            "match",
            "examples/resume.txt",
            "--job",
            "examples/job-backend.txt",
            "-f",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| Skill | Level | Weight | Status | In the resume |",
        ));
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", STRONG);
    let job = write(dir.path(), "job.txt", POSTING);
    skillgap()
        .arg("match")
        .arg(&cv)
        .arg("--job")
        .arg(&job)
        .arg("--output")
        .arg(&cv)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never overwrites its inputs"));
    assert_eq!(std::fs::read_to_string(&cv).unwrap(), STRONG);
    let report = dir.path().join("report.json");
    skillgap()
        .arg("match")
        .arg(&cv)
        .arg("--job")
        .arg(&job)
        .args(["-f", "json", "-o"])
        .arg(&report)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert!(json["score"].as_f64().unwrap() > 80.0);
}
