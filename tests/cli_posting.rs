//! Reading a posting as a recruiter does (issue 15), through the CLI: which skills
//! are asked (required / preferred), which are only context (company, benefits,
//! legal, the team around the role), and which alternatives form one requirement.
//!
//! `tests/postings/` holds postings we wrote in the shapes real ones come in, each
//! with `NAME.expect.json` beside it: the skills a recruiter reads as required and
//! preferred, those that must not be requested, and the groups of alternatives.
//! `NAME.pdf.txt` and `NAME.docx.txt` are rendered to a PDF / DOCX by the test.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{json_of, match_json, skillgap, write};
use serde_json::Value;
use tempfile::TempDir;

fn postings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/postings")
}

/// The posting file for an expectation, rendered to PDF or DOCX when its source says so.
fn posting_file(dir: &Path, name: &str) -> PathBuf {
    let src = postings_dir();
    for ext in ["md", "txt", "html"] {
        let path = src.join(format!("{name}.{ext}"));
        if path.exists() {
            return path;
        }
    }
    if let Some(stem) = name.strip_suffix(".pdf") {
        let text = std::fs::read_to_string(src.join(format!("{name}.txt"))).unwrap();
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let pages: Vec<Vec<String>> = lines.chunks(50).map(<[String]>::to_vec).collect();
        return write(dir, &format!("{stem}.pdf"), common::pdf::text_pdf(&pages));
    }
    if let Some(stem) = name.strip_suffix(".docx") {
        let text = std::fs::read_to_string(src.join(format!("{name}.txt"))).unwrap();
        let paragraphs: Vec<&str> = text.lines().collect();
        return write(
            dir,
            &format!("{stem}.docx"),
            common::docx::docx(&paragraphs, &[], None, None),
        );
    }
    panic!("no posting for {name}");
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// Checks one posting against its expectation: the failures, and how many checks ran.
fn check(json: &Value, expect: &Value) -> (Vec<String>, usize) {
    let skills = json["skills"].as_array().unwrap();
    let find = |name: &str| skills.iter().find(|s| s["name"] == name);
    let mut failures = Vec::new();
    let mut total = 0;
    for (key, level) in [("required", "required"), ("preferred", "preferred")] {
        for name in names(&expect[key]) {
            total += 1;
            match find(&name) {
                Some(s) if s["level"] == level => {}
                Some(s) => failures.push(format!("{name}: {} (expected {level})", s["level"])),
                None => failures.push(format!("{name}: not asked (expected {level})")),
            }
        }
    }
    for name in names(&expect["not_requested"]) {
        total += 1;
        if let Some(s) = find(&name) {
            failures.push(format!(
                "{name}: asked as {} (expected context)",
                s["level"]
            ));
        }
    }
    for group in expect["groups"].as_array().unwrap() {
        total += 1;
        let members = names(group);
        let ids: Vec<Value> = members
            .iter()
            .map(|m| find(m).map_or(Value::Null, |s| s["group"].clone()))
            .collect();
        if ids[0].is_null() || ids.iter().any(|id| *id != ids[0]) {
            failures.push(format!("group {members:?}: group ids {ids:?}"));
        }
    }
    // Context is listed and never scored: context skills are not posting skills.
    for c in json["context_skills"].as_array().unwrap() {
        total += 1;
        if find(c["name"].as_str().unwrap()).is_some() {
            failures.push(format!("{} is both context and asked", c["name"]));
        }
    }
    (failures, total)
}

#[test]
fn the_posting_corpus_reads_as_a_recruiter_reads_it() {
    let dir = TempDir::new().unwrap();
    let resume = write(dir.path(), "cv.txt", "Jane Doe\njane@example.com\n");
    let mut expectations: Vec<PathBuf> = std::fs::read_dir(postings_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    expectations.sort();
    assert!(expectations.len() >= 12, "{expectations:?}");
    let mut report = String::new();
    let mut all_failures = 0;
    for path in &expectations {
        let file = path.file_name().unwrap().to_string_lossy();
        let name = file.trim_end_matches(".expect.json");
        let expect: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let posting = posting_file(dir.path(), name);
        let json = match_json(&resume, &posting);
        let (failures, total) = check(&json, &expect);
        all_failures += failures.len();
        report.push_str(&format!(
            "{name:<22} {}/{total} agree{}\n",
            total - failures.len(),
            if failures.is_empty() {
                String::new()
            } else {
                format!(": {}", failures.join("; "))
            }
        ));
    }
    assert_eq!(all_failures, 0, "per-posting agreement:\n{report}");
    println!("per-posting agreement:\n{report}");
}

/// Required / preferred levels and context of one posting and a resume, by name.
fn read(job_text: &str, resume_text: &str) -> Value {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", job_text);
    let resume = write(dir.path(), "cv.txt", resume_text);
    match_json(&resume, &job)
}

fn level_of(json: &Value, name: &str) -> Option<String> {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .map(|s| s["level"].as_str().unwrap().to_string())
}

fn context_names(json: &Value) -> Vec<String> {
    json["context_skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_company_and_its_products_are_not_requirements() {
    let json = read(
        "Company: OpenAI\nRole: Backend Engineer\n\nAbout OpenAI\nOpenAI builds safe artificial intelligence and offers the OpenAI API to developers.\n\nRequirements\n- Python and Kubernetes\n",
        "Jane Doe\nSkills: Python, Kubernetes\n",
    );
    assert_eq!(json["company"], "OpenAI");
    assert_eq!(level_of(&json, "OpenAI API"), None, "{json}");
    assert_eq!(level_of(&json, "Artificial Intelligence"), None);
    assert!(context_names(&json).contains(&"OpenAI API".to_string()));
    assert_eq!(json["required"]["total"], 2);
    assert_eq!(json["score"], 100.0);
}

#[test]
fn company_culture_team_and_benefits_text_is_context() {
    let json = read(
        "Backend Engineer\n\nBrightleaf is the digital operating system for horticulture. We follow XP practices like TDD.\n\nWhat you'll do\n- Build Django services; you'll work alongside frontend developers using React.\n\nRequirements\n- Python\n\nWhat We Offer\n- A culture of deep work and autonomy.\n",
        "Jane Doe\nSkills: Python\n",
    );
    for name in [
        "Operating Systems",
        "Test-Driven Development",
        "Extreme Programming",
        "React",
        "Autonomy",
    ] {
        assert_eq!(level_of(&json, name), None, "{name} in {json}");
    }
    assert_eq!(level_of(&json, "Python").as_deref(), Some("required"));
    assert_eq!(level_of(&json, "Django").as_deref(), Some("preferred"));
    let context = context_names(&json);
    assert!(context.contains(&"React".to_string()), "{context:?}");
    // Context is never suggested.
    let suggested: Vec<&str> = json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["skill"].as_str())
        .collect();
    assert!(!suggested.contains(&"React"), "{suggested:?}");
}

#[test]
fn a_posting_without_line_breaks_keeps_its_structure() {
    let json = read(
        "Senior .NET Developer Responsibilities: Develop claims applications • Show good time management across several projects Minimum Skills and Competencies: Expert in C#, JavaScript, MSSQL 2012 or above Proficient with MVC, Angular, jQuery Nice to have: Docker, SSIS. What we offer: 401(k) and a Kubernetes training budget.",
        "Jane Doe\n",
    );
    assert_eq!(level_of(&json, "C#").as_deref(), Some("required"), "{json}");
    assert_eq!(level_of(&json, "Angular").as_deref(), Some("required"));
    assert_eq!(level_of(&json, "Docker").as_deref(), Some("preferred"));
    assert_eq!(
        level_of(&json, "Time Management").as_deref(),
        Some("preferred")
    );
    assert_eq!(level_of(&json, "Kubernetes"), None);
}

#[test]
fn alternatives_are_one_requirement_met_by_any_member() {
    let posting = "Backend Engineer\n\nRequirements\n- Java, C# or Python\n- one of AWS/GCP/Azure\n- a relational database such as PostgreSQL or MySQL\n- Docker\n";
    let json = read(posting, "Jane Doe\nSkills: Python, Azure, MySQL, Docker\n");
    assert_eq!(json["required"]["total"], 4, "{json}");
    assert_eq!(json["required"]["matched"], 4);
    assert_eq!(json["score"], 100.0);
    let groups = json["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3, "{groups:?}");
    assert_eq!(
        groups[0]["members"],
        serde_json::json!(["Java", "C#", "Python"])
    );
    assert_eq!(groups[0]["met_by"], "Python");
    // No member of a met group is to be added.
    let adds: Vec<&str> = json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "add")
        .filter_map(|s| s["skill"].as_str())
        .collect();
    assert!(adds.is_empty(), "{adds:?}");
    // Old fields stay: every skill keeps name, level, status, weight.
    for s in json["skills"].as_array().unwrap() {
        for field in [
            "name",
            "category",
            "level",
            "weight",
            "status",
            "contribution",
        ] {
            assert!(s.get(field).is_some(), "{field} in {s}");
        }
    }
}

#[test]
fn a_missing_group_is_suggested_once_by_its_closest_member() {
    let json = read(
        "Requirements\n- Java, C# or Python\n",
        "Jane Doe\nSkills: Django, Flask\n",
    );
    // Django implies Python: Python is met by implication, so nothing is missing.
    assert_eq!(json["groups"][0]["status"], "implied", "{json}");
    let json = read(
        "Requirements\n- Experience with Django, Rails or Laravel\n",
        "Jane Doe\nSkills: Python, Ruby\n",
    );
    let adds: Vec<&Value> = json["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "add")
        .collect();
    assert_eq!(adds.len(), 1, "{adds:?}");
    let message = adds[0]["message"].as_str().unwrap();
    assert!(
        message.contains("one of Django, Rails or Laravel"),
        "{message}"
    );
    // Django builds on Python, and Rails on Ruby; the first such member is named.
    assert!(message.contains("Django is closest"), "{message}");
    assert_eq!(json["required"]["total"], 1);
}

#[test]
fn rank_and_match_agree_on_groups() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Requirements\n- Java, Kotlin or Scala\n- PostgreSQL\n\nNice to have\n- one of AWS/GCP\n",
    );
    let cv = write(dir.path(), "cvs/a.txt", "Ann\nSkills: Kotlin, PostgreSQL\n");
    write(dir.path(), "cvs/b.txt", "Bob\nSkills: Go, GCP\n");
    let out = skillgap()
        .args(["rank", "-f", "jsonl", "--job"])
        .arg(&job)
        .arg(dir.path().join("cvs"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let a = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("a.txt"))
        .unwrap();
    let b = rows
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("b.txt"))
        .unwrap();
    let matched = match_json(&cv, &job);
    assert_eq!(a["score"], matched["score"]);
    assert_eq!(a["required"], matched["required"]);
    assert_eq!(a["required"]["total"], 2);
    assert_eq!(a["missing"], serde_json::json!(["AWS or GCP"]));
    assert_eq!(
        b["missing"],
        serde_json::json!(["PostgreSQL", "Java, Kotlin or Scala"])
    );
}

#[test]
fn a_page_saved_from_a_browser_drops_the_site_around_the_posting() {
    let dir = TempDir::new().unwrap();
    let resume = write(dir.path(), "cv.txt", "Jane Doe\nSkills: Go\n");
    let job = postings_dir().join("saved-page.html");
    let json = match_json(&resume, &job);
    for name in ["Kotlin", "Java", "PHP", "Ruby on Rails", "React"] {
        assert_eq!(level_of(&json, name), None, "{name} in {json}");
    }
    let text = skillgap().arg("extract").arg(&job).output().unwrap();
    let text = String::from_utf8(json_of_text(text)).unwrap();
    // `extract` shows the page as a resume's: its navigation and scripts go, its
    // sidebar stays; read as a posting (above) the sidebar and footer go too.
    for chrome in ["Kotlin jobs", "Sign in", "dataLayer"] {
        assert!(!text.contains(chrome), "{chrome} in {text}");
    }
    assert!(text.contains("Platform Engineer (Go)"), "{text}");
}

fn json_of_text(out: std::process::Output) -> Vec<u8> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn explain_shows_groups_and_context() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Engineer\n\nAbout Acme\nAcme is a leading logistics company running on Kubernetes.\n\nRequirements\n- Go or Rust\n",
    );
    let resume = write(dir.path(), "cv.txt", "Jane\nSkills: Rust\n");
    let out = skillgap()
        .args(["match", "--explain", "--color", "never"])
        .arg(&resume)
        .arg("--job")
        .arg(&job)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Alternatives"), "{text}");
    assert!(text.contains("Go or Rust"), "{text}");
    assert!(text.contains("met by Rust"), "{text}");
    assert!(text.contains("Context"), "{text}");
    assert!(text.contains("Kubernetes"), "{text}");
    let _ = json_of;
}
