//! `skillgap scan` as a user runs it: the example resume in three formats gives one
//! skill set; JSON follows the contract; ambiguous words need evidence; layout
//! (two columns, line wraps, letter-spacing) does not change what is found.

mod common;

use std::collections::BTreeSet;

use common::cli::{examples, json_of, scan_json, skill_set, skillgap, write};
use common::pdf;
use predicates::prelude::*;
use tempfile::TempDir;

/// The skills `scan` finds in `text` read from standard input.
fn scan_text(text: &str) -> BTreeSet<String> {
    skill_set(&json_of(
        skillgap()
            .args(["scan", "-f", "json", "-"])
            .write_stdin(text)
            .output()
            .unwrap(),
    ))
}

#[test]
fn txt_pdf_and_docx_give_the_same_skill_set() {
    let txt = skill_set(&scan_json(&examples().join("resume.txt")));
    let pdf = skill_set(&scan_json(&examples().join("resume.pdf")));
    let docx = skill_set(&scan_json(&examples().join("resume.docx")));
    assert!(txt.len() >= 40, "{txt:?}");
    for expected in [
        "Java",
        "Go",
        "PostgreSQL",
        "Kubernetes",
        "Apache Kafka",
        "Spring Boot",
        "AWS",
        "CI/CD",
        "Mentoring",
    ] {
        assert!(txt.contains(expected), "{expected} not in {txt:?}");
    }
    assert_eq!(txt, pdf);
    assert_eq!(txt, docx);
}

#[test]
fn json_follows_the_contract() {
    let json = scan_json(&examples().join("resume.txt"));
    assert_eq!(json["schema_version"], 1);
    assert!(json["file"].as_str().unwrap().ends_with("resume.txt"));
    let postgres = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "PostgreSQL")
        .unwrap();
    assert_eq!(postgres["category"], "database");
    assert!(postgres["count"].as_u64().unwrap() >= 2);
    let mention = &postgres["mentions"][0];
    assert!(mention["line"].as_u64().unwrap() > 1);
    assert!(mention["section"].is_string());
    let forms: Vec<&str> = postgres["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["form"].as_str().unwrap())
        .collect();
    assert!(forms.contains(&"Postgres"), "{forms:?}");
    let implied = json["implied"].as_array().unwrap();
    assert!(
        implied
            .iter()
            .any(|i| i["name"] == "Git"
                && i["from"].as_array().unwrap().iter().any(|f| f == "GitHub")),
        "{implied:?}"
    );
    let sections: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for s in [
        "summary",
        "skills",
        "experience",
        "projects",
        "education",
        "certifications",
    ] {
        assert!(sections.contains(&s), "{s} not in {sections:?}");
    }
}

#[test]
fn explain_shows_lines_and_snippets() {
    skillgap()
        .args(["scan", "--explain"])
        .arg(examples().join("resume.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Mentions:"))
        .stdout(predicate::str::contains("Tuned Postgres"));
}

#[test]
fn markdown_is_a_table() {
    skillgap()
        .args(["scan", "-f", "markdown"])
        .arg(examples().join("resume.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("| Category | Skill |"))
        .stdout(predicate::str::contains("| database | PostgreSQL |"));
}

#[test]
fn ambiguous_words_need_evidence() {
    let cases: [(&str, &str, bool); 16] = [
        ("I go to conferences every year.", "Go", false),
        ("Languages: Go, Rust, Python", "Go", true),
        ("Helped during the Spring 2021 semester.", "Spring", false),
        (
            "Built Spring Boot services for payments.",
            "Spring Boot",
            true,
        ),
        (
            "Managed Express delivery for the warehouse.",
            "Express",
            false,
        ),
        ("Wrote REST APIs in Express and Node.js.", "Express", true),
        ("Worked in the R&D department.", "R", false),
        ("Did statistics in R for the research team.", "R", true),
        ("Handled SWIFT bank transfers daily.", "Swift", false),
        ("Shipped iOS apps in Swift and Objective-C.", "Swift", true),
        ("Trained as a Chef de partie in Lyon.", "Chef", false),
        ("Automated servers with Chef and Puppet.", "Chef", true),
        ("Presented to C-level executives.", "C", false),
        ("Wrote firmware in C and C++.", "C", true),
        ("Rust removal on the old bridge.", "Rust", false),
        ("Rewrote the parser in Rust.", "Rust", true),
    ];
    for (sentence, skill, expected) in cases {
        let found = scan_text(sentence);
        assert_eq!(
            found.contains(skill),
            expected,
            "{skill} in {sentence:?}: {found:?}"
        );
    }
}

#[test]
fn whole_terms_only() {
    let found = scan_text("Frontend in JavaScript; NoSQL stores; code on GitHub; Javanese studies");
    assert!(
        found.contains("JavaScript") && found.contains("NoSQL") && found.contains("GitHub"),
        "{found:?}"
    );
    assert!(!found.contains("Java"), "{found:?}");
    assert!(!found.contains("SQL"), "{found:?}");
    assert!(!found.contains("Git"), "{found:?}");
}

#[test]
fn line_wraps_and_two_columns_do_not_change_what_is_found() {
    let one = scan_text("Built distributed systems and microservices with Apache Kafka and conflict resolution skills");
    let wrapped = scan_text("Built distributed\nsystems and microservices with Apache\nKafka and conflict\nresolution skills");
    assert_eq!(one, wrapped);
    assert!(one.contains("Distributed Systems"), "{one:?}");

    let dir = TempDir::new().unwrap();
    let left = [
        "SKILLS",
        "Java, Go, Python",
        "PostgreSQL, Redis",
        "Kubernetes, Docker",
    ];
    let right = [
        "EXPERIENCE",
        "Built Kafka pipelines",
        "Ran services on AWS",
        "Wrote Terraform modules",
    ];
    let two = write(dir.path(), "two.pdf", pdf::two_column_pdf(&left, &right));
    let mut lines: Vec<String> = left.iter().map(|s| s.to_string()).collect();
    lines.extend(right.iter().map(|s| s.to_string()));
    let single = write(dir.path(), "one.pdf", pdf::text_pdf(&[lines]));
    assert_eq!(skill_set(&scan_json(&two)), skill_set(&scan_json(&single)));
}

#[test]
fn letter_spaced_headings_and_text_are_read() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "styled.pdf",
        pdf::letter_spaced_pdf("SKILLS\nKubernetes, Terraform"),
    );
    let json = scan_json(&path);
    let names = skill_set(&json);
    assert!(
        names.contains("Kubernetes") && names.contains("Terraform"),
        "{names:?}"
    );
}
