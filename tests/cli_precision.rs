//! Find what is written, and only that (issue 14), through the binary: skills written
//! inside longer terms, English words that are also product names, generic practice and
//! soft-skill words, lists and examples as evidence; and a dev set of ordinary English
//! and of technology sentences (`tests/data/`), run whole, every failure reported.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::cli::{json_of, match_json, scan_json, skill_set, skillgap, write};
use serde_json::Value;
use tempfile::TempDir;

/// `scan -f json` of `text` read as a resume from standard input.
fn scan_text(text: &str) -> Value {
    json_of(
        skillgap()
            .args(["scan", "-f", "json", "-"])
            .write_stdin(text)
            .output()
            .unwrap(),
    )
}

fn found(text: &str) -> BTreeSet<String> {
    skill_set(&scan_text(text))
}

/// The mentions of `skill` in a scan.
fn mentions<'a>(json: &'a Value, skill: &str) -> Vec<&'a Value> {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["name"] == skill)
        .flat_map(|s| s["mentions"].as_array().unwrap())
        .collect()
}

/// `match -f json` of a resume and a posting given as text.
fn match_texts(resume: &str, posting: &str) -> Value {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", resume);
    let job = write(dir.path(), "job.txt", posting);
    match_json(&cv, &job)
}

fn posting_skill<'a>(json: &'a Value, name: &str) -> Option<&'a Value> {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
}

// 1. Nested terms.

#[test]
fn a_longer_term_holds_the_skills_written_inside_it() {
    let cases = [
        ("Built serverless APIs on AWS Lambda.", "AWS Lambda", "AWS"),
        (
            "Wrote Kubernetes operators for our databases.",
            "Kubernetes Operators",
            "Kubernetes",
        ),
        (
            "Maintained a Ruby on Rails storefront.",
            "Ruby on Rails",
            "Ruby",
        ),
        (
            "Extended the Django REST framework endpoints.",
            "Django REST Framework",
            "Django",
        ),
        (
            "Linux administration for the build farm.",
            "Linux Administration",
            "Linux",
        ),
        (
            "Designed event-driven microservices for billing.",
            "Event-Driven Architecture",
            "Microservices",
        ),
        ("Payment services on Spring Boot.", "Spring Boot", "Spring"),
        (
            "Release pipelines in Azure DevOps.",
            "Azure DevOps",
            "Microsoft Azure",
        ),
    ];
    for (sentence, outer, inner) in cases {
        let json = scan_text(sentence);
        let inside = mentions(&json, inner);
        assert_eq!(inside.len(), 1, "{inner} in {sentence:?}: {json}");
        assert_eq!(inside[0]["nested_in"], outer, "{sentence:?}");
        assert_eq!(inside[0]["evidence"], "nested", "{sentence:?}");
        let outer_mention = mentions(&json, outer);
        assert!(outer_mention[0].get("nested_in").is_none(), "{sentence:?}");
    }
}

#[test]
fn a_product_name_that_merely_starts_with_a_skill_holds_no_skill() {
    let windows = found("Supported users on Windows XP machines in the branch offices.");
    assert!(windows.contains("Windows XP"), "{windows:?}");
    assert!(!windows.contains("Extreme Programming"), "{windows:?}");
    let crystal = found("Designed invoices in Crystal Reports for the finance team.");
    assert!(crystal.contains("Crystal Reports"), "{crystal:?}");
    assert!(!crystal.contains("Crystal"), "{crystal:?}");
    let palo = found("Configured Palo Alto Networks firewalls at two sites.");
    assert!(palo.contains("Palo Alto Networks"), "{palo:?}");
    // An ambiguous word inside a longer term counts only when that term entails it.
    let storm = found("Edited the front end in Web Storm and the API in PHP Storm.");
    assert!(!storm.contains("Apache Storm"), "{storm:?}");
    let safe = found("Wrote thread-safe data structures for the order book.");
    assert!(!safe.contains("SAFe"), "{safe:?}");
}

#[test]
fn contains_not_is_read_from_the_lexicon_and_validated() {
    let dir = TempDir::new().unwrap();
    let cv = write(
        dir.path(),
        "cv.txt",
        "Built payment services on Spring Boot.\n",
    );
    let ext = write(
        dir.path(),
        "ext.json",
        r#"{"skills": [{"name": "Spring Boot", "contains_not": ["Spring"]}]}"#,
    );
    let json = json_of(
        skillgap()
            .args(["scan", "-f", "json", "--extend"])
            .arg(&ext)
            .arg(&cv)
            .output()
            .unwrap(),
    );
    let names = skill_set(&json);
    assert!(
        names.contains("Spring Boot") && !names.contains("Spring"),
        "{names:?}"
    );

    let bad = write(
        dir.path(),
        "bad.json",
        r#"{"skills": [{"name": "Spring Boot", "contains_not": ["Sprung"]}]}"#,
    );
    let out = skillgap()
        .args(["scan", "--extend"])
        .arg(&bad)
        .arg(&cv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"contains_not\" names unknown skill \"Sprung\""),
        "{err}"
    );
}

#[test]
fn a_posting_word_written_inside_a_longer_resume_term_is_exact() {
    let resume = "Jane Doe\n\nExperience\nBuilt serverless APIs on AWS Lambda and payment services on Spring Boot.\n";
    let posting = "Backend Engineer\n\nRequirements\n- AWS\n- Spring\n";
    let json = match_texts(resume, posting);
    for skill in ["AWS", "Spring"] {
        let s = posting_skill(&json, skill).unwrap_or_else(|| panic!("{skill}: {json}"));
        assert_eq!(s["status"], "exact", "{skill}: {s}");
    }
    for s in json["suggestions"].as_array().unwrap() {
        let message = s["message"].as_str().unwrap();
        assert!(
            !(s["kind"] == "state" && (message.contains("AWS") || message.contains("Spring"))),
            "told to state a word the resume has: {message}"
        );
    }
}

#[test]
fn a_posting_asks_for_the_longest_term_it_writes() {
    let posting = "Requirements\n- 5 years of SQL Server administration\n- AWS Lambda\n";
    let json = match_texts("Experience\nWrote SQL for reports.\n", posting);
    let names: Vec<&str> = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Microsoft SQL Server"), "{names:?}");
    assert!(names.contains(&"AWS Lambda"), "{names:?}");
    assert!(!names.contains(&"SQL"), "{names:?}");
    assert!(!names.contains(&"AWS"), "{names:?}");
}

// 2. English words.

/// Every "ordinary English read as technology" example of issue 14, reworded as a
/// resume line.
#[test]
fn english_words_that_name_products_need_evidence() {
    let sentences = [
        "We react quickly to feedback from guests.",
        "The laptops hibernate when the lid is closed.",
        "Measured the airflow in the server room every week.",
        "Planted a cypress tree beside the car park.",
        "Stood by as the looker-on while the inspector worked.",
        "The pupils posed in a tableau for the end-of-year show.",
        "Every snowflake on the window display was cut by hand.",
        "We were angular in our thinking at the start.",
        "No sass from anyone on the front desk.",
        "During less busy periods I restocked the shelves.",
        "Room for creative solutions drew me to the role.",
        "Send parcels C/O (care of) Ahmed at the depot.",
        "Worked as concierge at the Atlantis Royal Tower Hotel.",
        "Sold DFS® (Digital Finance Suite) to regional banks.",
    ];
    for sentence in sentences {
        let names = found(sentence);
        assert!(names.is_empty(), "{sentence:?} gave {names:?}");
    }
}

#[test]
fn product_names_in_lower_case_count_next_to_technology() {
    assert!(found("deployed with docker on a small VPS").contains("Docker"));
    assert!(found("wrote python scripts for the nightly exports").contains("Python"));
    let list = found("Skills: react, node, postgres, docker");
    for skill in ["React", "Node.js", "PostgreSQL", "Docker"] {
        assert!(list.contains(skill), "{skill}: {list:?}");
    }
    let prose = found("Rebuilt the dashboard in react and node.js for the sales team.");
    assert!(prose.contains("React"), "{prose:?}");
    let hibernate = found("ported the hibernate mappings to jOOQ");
    assert!(hibernate.contains("Hibernate"), "{hibernate:?}");
    // Written as the name, in prose, it needs nothing more.
    assert!(found("Built the booking UI in React.").contains("React"));
    assert!(found("Reports ran on Tableau Server and Snowflake.").contains("Snowflake"));
}

// 3. Generic practice and soft-skill words.

#[test]
fn practice_words_count_where_they_are_technical_work() {
    for sentence in [
        "Responsible for monitoring of site works on the bridge project.",
        "Completed nursing documentation at the end of every shift.",
        "Troubleshooting boiler faults for domestic customers.",
        "Profiling of offenders for the probation service.",
        "Loaded shipping containers and checked the seals.",
    ] {
        let names = found(sentence);
        assert!(names.is_empty(), "{sentence:?} gave {names:?}");
    }
    for (sentence, skill) in [
        (
            "Set up monitoring and alerting with Prometheus.",
            "Monitoring",
        ),
        (
            "Wrote technical documentation for the public API.",
            "Technical Documentation",
        ),
        (
            "Troubleshooting production issues on the payments platform.",
            "Troubleshooting",
        ),
        (
            "CPU profiling and flame graphs for the Go services.",
            "Profiling",
        ),
        (
            "Moved the nightly jobs into Docker containers.",
            "Containers",
        ),
    ] {
        let names = found(sentence);
        assert!(names.contains(skill), "{skill} in {sentence:?}: {names:?}");
    }
}

#[test]
fn soft_skills_count_as_claims_about_the_person() {
    for sentence in [
        "Led technology initiatives for the board of trustees.",
        "Thrived in a collaborative environment with friendly colleagues.",
        "Our company offers autonomy, flexible hours and a pension.",
        "Advised on home ownership schemes for first-time buyers.",
    ] {
        let names = found(sentence);
        assert!(names.is_empty(), "{sentence:?} gave {names:?}");
    }
    for (sentence, skill) in [
        (
            "Took ownership of the on-call rota and incident reviews.",
            "Ownership",
        ),
        (
            "Showed strong initiative in automating the release process.",
            "Initiative",
        ),
        (
            "Collaborative engineer who pairs with product and design.",
            "Collaboration",
        ),
        ("Mentored three junior engineers.", "Mentoring"),
        ("Excellent communication skills.", "Communication"),
    ] {
        let names = found(sentence);
        assert!(names.contains(skill), "{skill} in {sentence:?}: {names:?}");
    }
}

#[test]
fn a_posting_asks_for_soft_skills_in_its_requirements_not_its_benefits() {
    let posting =
        "Backend Engineer\n\nRequirements\n- Python\n- Ownership of services end to end\n\n\
                   Benefits\n- A collaborative environment and lots of autonomy\n";
    let json = match_texts("Experience\nWrote Python services.\n", posting);
    assert!(posting_skill(&json, "Ownership").is_some(), "{json}");
    assert!(posting_skill(&json, "Collaboration").is_none(), "{json}");
    assert!(posting_skill(&json, "Autonomy").is_none(), "{json}");
}

// 4. List evidence.

#[test]
fn a_list_is_evidence_only_when_its_other_items_are_technology() {
    let civil = found("Prepared BBS, Beam, Raft, column, slab drawings for the site.");
    assert!(civil.is_empty(), "{civil:?}");
    let data = found("Streaming jobs in Beam, Flink and Kafka Streams.");
    assert!(data.contains("Apache Beam"), "{data:?}");
    let consensus = found("Read up on Raft, Paxos and ZooKeeper internals.");
    assert!(consensus.contains("Raft"), "{consensus:?}");
}

#[test]
fn examples_after_a_category_noun_are_evidence() {
    let nosql = found("Worked with NoSQL databases such as Cassandra.");
    assert!(
        nosql.contains("NoSQL") && nosql.contains("Apache Cassandra"),
        "{nosql:?}"
    );
    let brokers = found("Message brokers (e.g. RabbitMQ, Kafka) and caches like Memcached.");
    assert!(
        brokers.contains("RabbitMQ") && brokers.contains("Memcached"),
        "{brokers:?}"
    );
    let cities = found("Visited big cities such as Phoenix and Atlanta.");
    assert!(cities.is_empty(), "{cities:?}");
}

#[test]
fn a_requirements_bullet_holding_only_the_term_is_evidence() {
    let posting = "Data Engineer\n\nRequirements\n- Cassandra\n- Kafka\n";
    let json = match_texts("Experience\nRan Kafka clusters.\n", posting);
    let cassandra = posting_skill(&json, "Apache Cassandra").unwrap_or_else(|| panic!("{json}"));
    assert_eq!(cassandra["level"], "required");
    // The same word in a sentence of the posting's introduction is a name.
    let intro =
        "Data Engineer\n\nCassandra Smith leads the team you will join.\n\nRequirements\n- Kafka\n";
    let json = match_texts("Experience\nRan Kafka clusters.\n", intro);
    assert!(posting_skill(&json, "Apache Cassandra").is_none(), "{json}");
}

// 5. The dev set.

fn data(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Each sentence scanned as a file of its own, in one run of the binary: (name,
/// category) of the skills found in each.
fn scan_each(sentences: &[&str]) -> Vec<Vec<(String, String)>> {
    let dir = TempDir::new().unwrap();
    let paths: Vec<_> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| write(dir.path(), &format!("s{i:03}.txt"), format!("{s}\n")))
        .collect();
    let json = json_of(
        skillgap()
            .args(["scan", "-f", "json"])
            .args(&paths)
            .output()
            .unwrap(),
    );
    let reports = json
        .as_array()
        .cloned()
        .unwrap_or_else(|| vec![json.clone()]);
    assert_eq!(reports.len(), sentences.len());
    reports
        .iter()
        .map(|r| {
            r["skills"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["name"].as_str().unwrap().to_string(),
                        s["category"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn ordinary_english_from_many_trades_yields_no_developer_skill() {
    let sentences = data("english-sentences.txt");
    assert!(sentences.len() >= 60, "{} sentences", sentences.len());
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let failures: Vec<String> = refs
        .iter()
        .zip(scan_each(&refs))
        .filter_map(|(sentence, found)| {
            let hard: Vec<&str> = found
                .iter()
                .filter(|(_, category)| category != "soft")
                .map(|(name, _)| name.as_str())
                .collect();
            (!hard.is_empty()).then(|| format!("{sentence:?} gave {hard:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} English sentences gave developer skills:\n{}",
        failures.len(),
        sentences.len(),
        failures.join("\n")
    );
}

#[test]
fn technology_sentences_yield_every_skill_they_name() {
    let lines = data("tech-sentences.txt");
    assert!(lines.len() >= 60, "{} sentences", lines.len());
    let cases: Vec<(&str, Vec<&str>)> = lines
        .iter()
        .map(|l| {
            let (sentence, skills) = l.split_once(" => ").expect("sentence => skills");
            (sentence, skills.split(';').map(str::trim).collect())
        })
        .collect();
    let sentences: Vec<&str> = cases.iter().map(|(s, _)| *s).collect();
    let failures: Vec<String> = cases
        .iter()
        .zip(scan_each(&sentences))
        .filter_map(|((sentence, expected), found)| {
            let lost: Vec<&&str> = expected
                .iter()
                .filter(|e| !found.iter().any(|(name, _)| name == *e))
                .collect();
            (!lost.is_empty()).then(|| format!("{sentence:?} lost {lost:?}, found {found:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} technology sentences lost skills:\n{}",
        failures.len(),
        lines.len(),
        failures.join("\n")
    );
}

#[test]
fn the_example_resume_keeps_its_skills_and_gains_nested_ones() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let names = skill_set(&scan_json(&dir.join("resume.txt")));
    for skill in [
        "Java",
        "Go",
        "PostgreSQL",
        "Spring Boot",
        "Spring",
        "Monolithic Architecture",
    ] {
        assert!(names.contains(skill), "{skill}: {names:?}");
    }
}
