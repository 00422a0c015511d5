//! `skillgap lexicon` and `--lexicon` / `--extend` as a user runs them: the embedded
//! lexicon is valid and broad, and every validation error names file, place and field.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::cli::{json_of, skill_names, skillgap, write};
use predicates::prelude::*;
use tempfile::TempDir;

fn lexicon_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("skill-lexicon.json")
}

/// Runs `lexicon check` on a bad lexicon and returns stderr after asserting exit 2.
fn check_fails(json: &str) -> String {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "bad.json", json);
    let out = skillgap()
        .args(["lexicon", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("bad.json"), "names the file: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn lexicon(skills: &str) -> String {
    format!("{{\"schema_version\": 1, \"version\": \"t\", \"skills\": [\n{skills}\n]}}")
}

#[test]
fn the_embedded_lexicon_is_valid_broad_and_has_no_shared_alias() {
    skillgap()
        .args(["lexicon", "check"])
        .arg(lexicon_path())
        .assert()
        .success()
        .stdout(predicate::str::contains("valid lexicon"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lexicon_path()).unwrap()).unwrap();
    let skills = json["skills"].as_array().unwrap();
    assert!(skills.len() >= 600, "{} skills", skills.len());
    let mut owner: HashMap<String, String> = HashMap::new();
    let mut aliases = 0;
    for s in skills {
        let name = s["name"].as_str().unwrap();
        let forms = std::iter::once(name).chain(
            s["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| a.as_str().unwrap()),
        );
        for form in forms {
            if form != name {
                aliases += 1;
            }
            if let Some(first) = owner.insert(form.to_lowercase(), name.to_string()) {
                panic!("{form:?} belongs to both {first} and {name}");
            }
        }
    }
    assert!(aliases >= 1500, "{aliases} aliases");
    let out = skillgap()
        .args(["lexicon", "stats", "-f", "json"])
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (category, counts) in stats["categories"].as_object().unwrap() {
        assert!(
            counts["skills"].as_u64().unwrap() >= 5,
            "category {category} is thin: {counts}"
        );
    }
    assert_eq!(stats["categories"].as_object().unwrap().len(), 23);
}

#[test]
fn the_lexicon_covers_what_backend_postings_name() {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lexicon_path()).unwrap()).unwrap();
    let names = skill_names(&json);
    for expected in [
        "PostgreSQL",
        "JavaScript",
        "Node.js",
        "Kubernetes",
        "Go",
        "C++",
        "C#",
        ".NET",
        "ASP.NET",
        "CI/CD",
        "Google Cloud",
        "AWS",
        "Microsoft Azure",
        "Redis",
        "Apache Kafka",
        "RabbitMQ",
        "Terraform",
        "Ansible",
        "Docker",
        "GraphQL",
        "gRPC",
        "REST",
        "SOAP",
        "WebSockets",
        "OpenAPI",
        "OAuth",
        "JWT",
        "TLS",
        "OWASP",
        "GDPR",
        "Test-Driven Development",
        "Microservices",
        "Domain-Driven Design",
        "CQRS",
        "Distributed Systems",
        "Git",
        "Linux",
        "Bash",
        "PowerShell",
        "Nginx",
        "HAProxy",
        "Envoy",
        "HTML",
        "CSS",
        "TypeScript",
        "Bootstrap",
        "Apache Spark",
        "Apache Airflow",
        "ETL",
        "Postman",
        "Communication",
        "Problem Solving",
        "Teamwork",
        "Mentoring",
        "Time Management",
        "Big O Notation",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing");
    }
}

#[test]
fn search_explains_aliases_case_and_ambiguity() {
    skillgap()
        .args(["lexicon", "search", "k8s"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Kubernetes"))
        .stdout(predicate::str::contains("alias of Kubernetes"));
    skillgap()
        .args(["lexicon", "search", "Go"])
        .assert()
        .success()
        .stdout(predicate::str::contains("only exactly \"Go\""))
        .stdout(predicate::str::contains("evidence: needed"));
    skillgap()
        .args(["lexicon", "search", "Python3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("version or plural rule"));
    skillgap()
        .args(["lexicon", "search", "Frobnicator"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not in the lexicon"));
}

#[test]
fn show_filters_by_category_and_round_trips_as_json() {
    skillgap()
        .args(["lexicon", "show", "--category", "database"])
        .assert()
        .success()
        .stdout(predicate::str::contains("PostgreSQL"))
        .stdout(predicate::str::contains("Kubernetes").not());
    skillgap()
        .args(["lexicon", "show", "--category", "nope"])
        .assert()
        .code(2);
    let out = skillgap()
        .args(["lexicon", "show", "-f", "json"])
        .output()
        .unwrap();
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("copy.json");
    std::fs::write(&path, &out.stdout).unwrap();
    skillgap()
        .args(["lexicon", "check"])
        .arg(&path)
        .assert()
        .success();
}

#[test]
fn bad_json_gives_line_and_column() {
    let err = check_fails("{\"schema_version\": 1,\n \"skills\": [\n  {\"name\": \"X\",, }\n]}");
    assert!(err.contains("line 3, column"), "{err}");
}

#[test]
fn duplicate_canonical_name() {
    let err = check_fails(&lexicon(
        r#"{"name": "Java", "category": "language"},
           {"name": "java", "category": "language"}"#,
    ));
    assert!(err.contains("duplicate \"name\""), "{err}");
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn alias_shared_by_two_skills() {
    let err = check_fails(&lexicon(
        r#"{"name": "PostgreSQL", "category": "database", "aliases": ["Postgres"]},
           {"name": "Postgres Pro", "category": "database", "aliases": ["postgres"]}"#,
    ));
    assert!(
        err.contains("alias \"postgres\" also belongs to skill \"PostgreSQL\""),
        "{err}"
    );
}

#[test]
fn unknown_category() {
    let err = check_fails(&lexicon(r#"{"name": "Java", "category": "beverage"}"#));
    assert!(err.contains("unknown \"category\" \"beverage\""), "{err}");
    assert!(err.contains("skill \"Java\""), "{err}");
}

#[test]
fn implies_an_unknown_skill() {
    let err = check_fails(&lexicon(
        r#"{"name": "Django", "category": "framework", "implies": ["Pythn"]}"#,
    ));
    assert!(
        err.contains("\"implies\" names unknown skill \"Pythn\""),
        "{err}"
    );
}

#[test]
fn implies_cycle() {
    let err = check_fails(&lexicon(
        r#"{"name": "A1", "category": "tool", "implies": ["B1"]},
           {"name": "B1", "category": "tool", "implies": ["C1"]},
           {"name": "C1", "category": "tool", "implies": ["A1"]}"#,
    ));
    assert!(err.contains("cycle: A1 -> B1 -> C1 -> A1"), "{err}");
}

#[test]
fn empty_name_and_empty_alias() {
    let err = check_fails(&lexicon(
        r#"{"name": " ", "category": "tool"},
           {"name": "Jira", "category": "tool", "aliases": [""]}"#,
    ));
    assert!(err.contains("empty \"name\""), "{err}");
    assert!(err.contains("empty string in \"aliases\""), "{err}");
}

#[test]
fn ambiguous_form_must_be_its_own() {
    let err = check_fails(&lexicon(
        r#"{"name": "Go", "category": "language", "ambiguous": ["Golang2"]}"#,
    ));
    assert!(err.contains("\"ambiguous\" names \"Golang2\""), "{err}");
}

#[test]
fn lexicon_replaces_and_extend_adds() {
    let dir = TempDir::new().unwrap();
    let own = write(
        dir.path(),
        "own.json",
        lexicon(r#"{"name": "Cobol", "category": "language", "aliases": ["COBOL-85"]}"#),
    );
    let cv = write(
        dir.path(),
        "cv.txt",
        "SKILLS\nCobol, Java, Temporal workflows, Zig\n",
    );
    let out = skillgap()
        .args(["scan", "-f", "json", "--lexicon"])
        .arg(&own)
        .arg(&cv)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(skill_names(&json), ["Cobol"]);

    let ext = write(
        dir.path(),
        "ext.json",
        r#"{"skills": [
            {"name": "Temporal", "category": "tool", "description": "Workflow engine.", "implies": ["Go"]},
            {"name": "Java", "aliases": ["Jawa"]}
        ]}"#,
    );
    let names = skill_names(&json_of(
        skillgap()
            .args(["scan", "-f", "json", "--extend"])
            .arg(&ext)
            .arg(&cv)
            .output()
            .unwrap(),
    ));
    assert!(
        names.iter().any(|n| n == "Temporal") && names.iter().any(|n| n == "Java"),
        "{names:?}"
    );
    skillgap()
        .args(["lexicon", "search", "Jawa", "--extend"])
        .arg(&ext)
        .assert()
        .success()
        .stdout(predicate::str::contains("alias of Java"));
    skillgap()
        .args(["lexicon", "check", "--extension"])
        .arg(&ext)
        .assert()
        .success();

    let bad_ext = write(
        dir.path(),
        "bad-ext.json",
        r#"{"skills": [{"name": "Kotlin2", "aliases": ["Kotlin"]}]}"#,
    );
    skillgap()
        .args(["scan", "--extend"])
        .arg(&bad_ext)
        .arg(&cv)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad-ext.json"))
        .stderr(predicate::str::contains("missing \"category\""));
}

#[test]
fn a_missing_lexicon_file_is_a_clear_error() {
    skillgap()
        .args(["lexicon", "stats", "--lexicon", "nowhere.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.json: no such file"));
}
