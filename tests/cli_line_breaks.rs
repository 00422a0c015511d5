//! Words and phrases a line end breaks apart read as written: a hyphenation break is
//! joined ("develop-" / "ment"), a compound keeps its hyphen ("domain-" / "driven"),
//! a camel-case name broken at its capital joins ("Cloud-" / "Front"), and an
//! ambiguous word keeps its evidence across the wrap ("Redis" / "caching"). So a
//! resume in a narrow column finds what its one-column rendering finds, whatever the
//! reader.

mod common;

use common::cli::{scan_json, skill_set, write};
use common::pdf;
use tempfile::TempDir;

/// One resume's skills section and a bullet, as a wide column writes them.
const WIDE: [&str; 6] = [
    "SKILLS",
    "Cloud: AWS (S3, Lambda, CloudFront), Docker, Terraform",
    "Practices: REST APIs, domain-driven design, code review",
    "EXPERIENCE",
    "Backend Developer - Parcelway, Leeds, Mar 2019 - Present",
    "Built pricing with persisted queries and Redis caching, cutting development time in half.",
];

/// The same, broken as a narrow column breaks it.
const NARROW: [&str; 12] = [
    "SKILLS",
    "Cloud: AWS (S3, Lambda, Cloud-",
    "Front), Docker, Terraform",
    "Practices: REST APIs, domain-",
    "driven design, code review",
    "EXPERIENCE",
    "Backend Developer - Parcelway, Leeds,",
    "Mar 2019 - Present",
    "Built pricing with persisted queries and Redis",
    "caching, cutting develop-",
    "ment time in half.",
    "",
];

fn skills_of(dir: &TempDir, name: &str, bytes: Vec<u8>) -> std::collections::BTreeSet<String> {
    skill_set(&scan_json(&write(dir.path(), name, bytes)))
}

#[test]
fn a_narrow_column_finds_what_the_wide_one_finds_in_text_and_pdf() {
    let dir = TempDir::new().unwrap();
    let wide = skills_of(&dir, "wide.txt", WIDE.join("\n").into_bytes());
    for expected in ["Amazon CloudFront", "Domain-Driven Design", "Caching"] {
        assert!(wide.contains(expected), "{expected} not in {wide:?}");
    }
    let narrow_text = skills_of(&dir, "narrow.txt", NARROW.join("\n").into_bytes());
    assert_eq!(narrow_text, wide);
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let narrow_pdf = skills_of(&dir, "narrow.pdf", pdf::text_pdf(&[lines(&NARROW)]));
    assert_eq!(narrow_pdf, wide);
    // The narrow lines as the left column of a two-column page (no line crossing
    // into the right one), beside a column of other text.
    let right = [
        "LANGUAGES",
        "Java, Go",
        "EDUCATION",
        "B.Sc. Computing, University of Leeds",
        "2014 - 2017, first-class honours",
        "INTERESTS",
        "Climbing, chess, and cooking for friends",
        "Volunteer at a local food bank",
    ];
    let two = skills_of(&dir, "two.pdf", pdf::two_column_pdf(&NARROW, &right));
    let mut both = wide.clone();
    both.extend(["Java".to_string(), "Go".to_string()]);
    assert_eq!(two, both);
}

#[test]
fn extract_shows_the_joined_words_on_their_first_line() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "narrow.txt", NARROW.join("\n"));
    let out = common::cli::skillgap()
        .args(["extract"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Line numbers stay: the second part moves up, its line keeps the rest.
    assert_eq!(lines.len(), NARROW.len() - 1, "{text}");
    assert_eq!(lines[1], "Cloud: AWS (S3, Lambda, CloudFront),");
    assert_eq!(lines[2], "Docker, Terraform");
    assert_eq!(lines[3], "Practices: REST APIs, domain-driven");
    assert_eq!(lines[9], "caching, cutting development");
}

#[test]
fn dashes_that_end_a_line_without_breaking_a_word_stay() {
    let dir = TempDir::new().unwrap();
    let file = write(
        dir.path(),
        "lists.txt",
        "SKILLS\nLanguages: Python -\nGo, Rust\nFrameworks: Django, Flask, Python-\n- FastAPI\n- Celery\nAcme Corp, 2019-\n2023\n",
    );
    let out = common::cli::skillgap()
        .args(["extract"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "SKILLS\nLanguages: Python -\nGo, Rust\nFrameworks: Django, Flask, Python-\n• FastAPI\n• Celery\nAcme Corp, 2019-\n2023\n"
    );
    let skills = skill_set(&scan_json(&file));
    for expected in [
        "Python", "Go", "Rust", "Django", "Flask", "FastAPI", "Celery",
    ] {
        assert!(skills.contains(expected), "{expected} not in {skills:?}");
    }
}

/// A sidebar beside a main column whose headings, bullets and wrapped lines start at
/// three places, as LaTeX CV templates draw them; one sidebar line is overfilled,
/// running into the gutter up to a bullet of the main column.
fn sidebar_resume() -> Vec<u8> {
    let (side, heading, bullet, text) = (40.0, 226.0, 232.0, 241.0);
    let mut lines: Vec<(f32, usize, &str)> = vec![
        (side, 0, "Ada Lindqvist"),
        (heading, 0, "EXPERIENCE"),
        (side, 1, "SKILLS"),
        (heading, 1, "Platform Engineer - Tallbo AB"),
        (side, 2, "Go, Python, Bash"),
        (bullet, 2, "•"),
        (text, 2, "Moved the order services to Kubernetes on AWS."),
        (side, 3, "Kafka, RabbitMQ"),
        (text, 3, "and cut deploys from an hour to minutes."),
        (side, 4, "Databases: PostgreSQL, MySQL, Re-"),
        (bullet, 4, "•"),
        (text, 4, "Designed the failover with Route 53 and Post-"),
        (side, 5, "dis, Cassandra"),
        (text, 5, "greSQL logical replication, rehearsed yearly."),
        (side, 6, "Terraform, Ansible"),
        (bullet, 6, "•"),
        (text, 6, "Wrote the runbooks the on-call team uses."),
        (side, 7, "EDUCATION"),
        (heading, 7, "PROJECTS"),
        (side, 8, "B.Sc. Computing, 2016"),
        (bullet, 8, "•"),
        (text, 8, "An open-source rate limiter written in Go."),
        (heading, 9, "CERTIFICATIONS"),
        (bullet, 10, "•"),
        (text, 10, "Certified Kubernetes Administrator, 2021."),
    ];
    lines.sort_by_key(|&(x, row, _)| (x as i64, row));
    pdf::placed_pdf(&lines)
}

#[test]
fn a_sidebar_line_overfilled_up_to_a_bullet_stays_in_its_column() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "sidebar.pdf", sidebar_resume());
    let out = common::cli::skillgap()
        .args(["extract"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(&"Databases: PostgreSQL, MySQL, Redis,"),
        "{text}"
    );
    assert!(
        lines.contains(&"• Designed the failover with Route 53 and PostgreSQL"),
        "{text}"
    );
    assert!(!text.contains("Re- •"), "{text}");
    let skills = skill_set(&scan_json(&file));
    for expected in [
        "PostgreSQL",
        "MySQL",
        "Redis",
        "Apache Cassandra",
        "Kubernetes",
    ] {
        assert!(skills.contains(expected), "{expected} not in {skills:?}");
    }
}

/// A profile whose skills lists sit under Summary (where pdftotext puts a table's
/// sidebar), as a wide column writes them.
const LISTS_WIDE: &str = "Tomasz Brennan
Platform Engineer
tomasz.brennan@example.net | Gdansk, Poland

Summary
Platform engineer who keeps build pipelines boring and cloud bills small.
Infrastructure as code: Terraform, Ansible, Packer, Helm
Ways of working: incident reviews, trunk-based development, code review, Agile
Languages: Go, Python, Bash
Interests: sailing, coastal rowing, helm and crew duty at club regattas

Experience
Platform Engineer - Tern Freight, Gdansk, 2019 - present
- Moved 40 services from virtual machines to Kubernetes on AWS, with blue-green deploys.
- Wrote the Terraform modules every team now starts from.
";

/// The same lists wrapped as a narrow sidebar wraps them: after a comma, after a
/// label alone on its line, and inside an item ("code" / "review").
const LISTS_NARROW: &str = "Tomasz Brennan
Platform Engineer
tomasz.brennan@example.net | Gdansk, Poland

Summary
Platform engineer who keeps build
pipelines boring and cloud bills small.
Infrastructure as code:
Terraform, Ansible, Packer,
Helm
Ways of working: incident
reviews, trunk-based
development, code
review, Agile
Languages: Go, Python, Bash
Interests: sailing, coastal rowing,
helm and crew duty at club
regattas

Experience
Platform Engineer - Tern Freight, Gdansk, 2019 - present
- Moved 40 services from virtual machines to Kubernetes on AWS, with blue-green deploys.
- Wrote the Terraform modules every team now starts from.
";

/// The lines on which `skill` is mentioned.
fn lines_of(json: &serde_json::Value, skill: &str) -> Vec<u64> {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["name"] == skill)
        .flat_map(|s| s["mentions"].as_array().unwrap().iter())
        .map(|m| m["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_list_wrapped_over_lines_is_one_list() {
    let dir = TempDir::new().unwrap();
    let wide = scan_json(&write(dir.path(), "wide.txt", LISTS_WIDE));
    let narrow = scan_json(&write(dir.path(), "narrow.txt", LISTS_NARROW));
    // The wrapped list's label and other items are its ambiguous items' evidence, as
    // on one line; the interests list, wrapped the same way, is no technology.
    assert_eq!(lines_of(&wide, "Helm"), [7]);
    assert_eq!(lines_of(&narrow, "Helm"), [10]);
    assert_eq!(lines_of(&wide, "Agile"), [8]);
    assert_eq!(lines_of(&narrow, "Agile"), [14]);
    assert_eq!(skill_set(&narrow), skill_set(&wide));
}
