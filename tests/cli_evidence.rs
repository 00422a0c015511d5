//! Scores a recruiter can trust (issue 20): the evidence behind each skill, an
//! evidence score beside the keyword score, years asked of a skill checked against
//! that skill's own evidence, and keyword stuffing (bare keyword blocks, text a
//! reader cannot see) flagged and given no credit. All through the CLI.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{match_json, scan_json, skillgap, write};
use serde_json::Value;
use tempfile::TempDir;

const POSTING: &str = "Senior Backend Engineer (Python)

Requirements
- Python and Django in production
- Kafka and RabbitMQ for messaging
- Kubernetes and Terraform
- PostgreSQL
- gRPC

Nice to have
- Elasticsearch
";

const HONEST: &str = "Priya Raman
Backend Engineer
priya.raman@example.com | +44 20 7946 0321

SUMMARY
Backend engineer who builds payment and ledger services.

SKILLS
Python, Django, PostgreSQL, Redis, Docker, Kubernetes, Git

EXPERIENCE
Senior Backend Engineer, Ledgerly
Mar 2022 - Present
- Built the settlement API in Python and Django, serving 3,000 merchants.
- Moved 12 services to Kubernetes, cutting deploy time from 40 to 6 minutes.
- Tuned PostgreSQL indexes, halving p95 query time.

Backend Developer, Parcelbase
Jan 2018 - Feb 2022
- Wrote order services in Python with Celery and Redis for 2 million parcels a month.
- Replaced cron jobs with RabbitMQ consumers, removing 9 nightly batches.

EDUCATION
BSc Computer Science, University of Leeds, 2017
";

/// `rank` over `dir` against `job` with extra args: stdout.
fn rank(job: &Path, dir: &Path, args: &[&str]) -> String {
    let out = skillgap()
        .arg("rank")
        .arg("--job")
        .arg(job)
        .arg(dir)
        .args(["-q", "-j", "1"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn rank_json(job: &Path, dir: &Path, args: &[&str]) -> Vec<Value> {
    let text = rank(job, dir, &[&["-f", "json"], args].concat());
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn file_name(row: &Value) -> String {
    Path::new(row["file"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn flags(row: &Value) -> Vec<String> {
    row["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect()
}

fn check<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {json}"))
}

fn skill<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {json}"))
}

/// The honest resume and a copy with the posting's words pasted bare at the end.
fn honest_and_stuffed() -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", POSTING);
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).unwrap();
    write(&cvs, "a-honest.txt", HONEST);
    write(
        &cvs,
        "b-stuffed.txt",
        format!("{HONEST}\nKEYWORDS: Python Django Kafka RabbitMQ Kubernetes Terraform PostgreSQL gRPC Elasticsearch\n"),
    );
    (dir, job, cvs)
}

#[test]
fn a_stuffed_copy_ranks_below_the_honest_original_on_evidence_and_is_flagged() {
    let (_dir, job, cvs) = honest_and_stuffed();
    let rows = rank_json(&job, &cvs, &[]);
    let names: Vec<String> = rows.iter().map(file_name).collect();
    assert_eq!(names, ["a-honest.txt", "b-stuffed.txt"], "{rows:?}");
    let (honest, stuffed) = (&rows[0], &rows[1]);
    // The keyword filter is fooled, the evidence score is not.
    assert!(
        stuffed["score"].as_f64() > honest["score"].as_f64(),
        "{rows:?}"
    );
    assert!(
        stuffed["evidence_score"].as_f64() < honest["evidence_score"].as_f64(),
        "{rows:?}"
    );
    assert_eq!(flags(stuffed), ["stuffing"]);
    assert!(flags(honest).is_empty(), "{rows:?}");

    // Sorted by keyword score, the stuffed copy comes first: the job seeker's view.
    let by_score = rank_json(&job, &cvs, &["--sort", "score"]);
    assert_eq!(file_name(&by_score[0]), "b-stuffed.txt");

    // Every format carries the flag.
    let table = rank(&job, &cvs, &[]);
    assert!(
        table.contains("Evidence") && table.contains("Flags"),
        "{table}"
    );
    let stuffed_line = table.lines().find(|l| l.contains("b-stuffed.txt")).unwrap();
    assert!(stuffed_line.contains("stuffing"), "{table}");
    let csv = rank(&job, &cvs, &["-f", "csv"]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let flags_at = header.iter().position(|h| *h == "flags").unwrap();
    let evidence_at = header.iter().position(|h| *h == "evidence_score").unwrap();
    let stuffed_csv = csv.lines().find(|l| l.contains("b-stuffed")).unwrap();
    let cells: Vec<&str> = stuffed_csv.split(',').collect();
    assert_eq!(cells[flags_at], "stuffing", "{csv}");
    assert!(cells[evidence_at].parse::<f64>().is_ok(), "{csv}");
    let jsonl = rank(&job, &cvs, &["-f", "jsonl"]);
    assert!(
        jsonl
            .lines()
            .any(|l| l.contains("b-stuffed") && l.contains("\"flags\":[\"stuffing\"]")),
        "{jsonl}"
    );
}

#[test]
fn match_names_the_stuffed_block_and_gives_its_skills_no_evidence() {
    let (_dir, job, cvs) = honest_and_stuffed();
    let json = match_json(&cvs.join("b-stuffed.txt"), &job);
    let stuffing = check(&json, "keyword_stuffing");
    assert_eq!(stuffing["status"], "fail", "{stuffing}");
    let message = stuffing["message"].as_str().unwrap();
    assert!(message.contains("labelled as keywords"), "{message}");
    // Named only on the keywords line: Terraform, gRPC, Kafka, Elasticsearch.
    for only_there in ["Terraform", "gRPC", "Elasticsearch"] {
        assert!(message.contains(only_there), "{message}");
        let s = skill(&json, only_there);
        assert_eq!(s["evidence"]["level"], "stuffed", "{s}");
        assert_eq!(s["evidence_credit"], 0.0, "{s}");
    }
    // Python is shown in the roles too: its evidence stands.
    assert_eq!(skill(&json, "Python")["evidence"]["level"], "recent");
    assert_eq!(json["flags"], serde_json::json!(["stuffing"]));
    let text = String::from_utf8(
        skillgap()
            .args(["match"])
            .arg(cvs.join("b-stuffed.txt"))
            .arg("--job")
            .arg(&job)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("Evidence "), "{text}");
    assert!(text.contains("Flags: stuffing"), "{text}");
}

#[test]
fn a_bare_block_outside_the_skills_section_is_stuffing_and_a_skills_list_is_not() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", POSTING);
    let summary_block = HONEST.replace(
        "Backend engineer who builds payment and ledger services.\n",
        "Backend engineer who builds payment and ledger services.\nPython | Django | Kafka | RabbitMQ | Kubernetes\nTerraform | PostgreSQL | gRPC | Elasticsearch\n",
    );
    let cv = write(dir.path(), "cv.txt", summary_block);
    let json = match_json(&cv, &job);
    let stuffing = check(&json, "keyword_stuffing");
    assert_eq!(stuffing["status"], "fail", "{stuffing}");
    assert!(stuffing["message"]
        .as_str()
        .unwrap()
        .contains("outside a Skills section"));
    assert_eq!(stuffing["lines"], serde_json::json!([7, 8]));

    // The same words as the resume's skills list are what recruiters expect.
    let listed = HONEST.replace(
        "Python, Django, PostgreSQL, Redis, Docker, Kubernetes, Git\n",
        "Python | Django | Kafka | RabbitMQ | Kubernetes\nTerraform | PostgreSQL | gRPC | Elasticsearch\n",
    );
    let cv = write(dir.path(), "listed.txt", listed);
    let json = match_json(&cv, &job);
    assert_eq!(check(&json, "keyword_stuffing")["status"], "pass");
    assert_eq!(skill(&json, "Terraform")["evidence"]["level"], "listed");
    assert_eq!(skill(&json, "Python")["evidence"]["level"], "recent");
    // The honest resume passes, in scan too.
    let cv = write(dir.path(), "honest.txt", HONEST);
    assert_eq!(check(&scan_json(&cv), "keyword_stuffing")["status"], "pass");
}

#[test]
fn white_text_in_a_pdf_is_flagged_and_earns_nothing() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", POSTING);
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hidden/chromium-white.pdf");
    std::fs::copy(&fixture, cvs.join("white.pdf")).unwrap();
    let rows = rank_json(&job, &cvs, &[]);
    assert_eq!(flags(&rows[0]), ["invisible_text"], "{rows:?}");
    let json = match_json(&cvs.join("white.pdf"), &job);
    let stuffing = check(&json, "keyword_stuffing");
    assert_eq!(stuffing["status"], "fail");
    assert!(
        stuffing["message"]
            .as_str()
            .unwrap()
            .contains("a reader cannot see"),
        "{stuffing}"
    );
    // Skills written only in white text get no evidence.
    let hidden_only: Vec<&Value> = json["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["evidence"]["level"] == "stuffed")
        .collect();
    assert!(!hidden_only.is_empty(), "{json}");
    assert!(hidden_only.iter().all(|s| s["evidence_credit"] == 0.0));
}

#[test]
fn years_asked_of_a_skill_come_from_that_skill_not_the_whole_career() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Java Engineer\n\nRequirements\n- 4+ years of Java and Spring Boot\n- SQL\n",
    );
    // Nine and a half years of work, none of it in Java: Java only in the list.
    let cv = write(
        dir.path(),
        "cv.txt",
        "Sam Okafor\nSKILLS\nJava, Spring Boot, Python, SQL\nEXPERIENCE\nData Engineer, Rivetworks\nJan 2017 - Present\n- Built SQL pipelines in Python for 40 analysts.\n",
    );
    let json = match_json(&cv, &job);
    let years = check(&json, "skill_years");
    assert_eq!(years["status"], "fail", "{years}");
    let message = years["message"].as_str().unwrap();
    assert!(message.contains("Java 4+"), "{message}");
    assert_ne!(check(&json, "years_of_experience")["status"], "pass");
    assert_eq!(skill(&json, "Java")["years_shown"], 0.0);
    assert_eq!(skill(&json, "Java")["evidence"]["level"], "listed");
    let rows = rank_json(&job, dir.path(), &[]);
    let row = rows.iter().find(|r| file_name(r) == "cv.txt").unwrap();
    assert_eq!(flags(row), ["years_short"], "{row}");
}

#[test]
fn stated_years_and_years_through_an_implying_skill_count_and_say_so() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Python Developer\n\nRequirements\n- 5+ years of Python\n- Django\n",
    );
    // The summary states six years; the current role names Django and pytest only.
    let stated = write(
        dir.path(),
        "stated.txt",
        "Lena Vogt\nSUMMARY\nDeveloper with 6 years of Python across web and data work.\nEXPERIENCE\nDeveloper, Kitefield\nJan 2024 - Dec 2025\n- Built booking APIs with Django and pytest.\n",
    );
    let json = match_json(&stated, &job);
    let python = skill(&json, "Python");
    assert_eq!(python["years_shown"], 6.0, "{python}");
    assert_eq!(python["evidence"]["years_from"], "stated");
    assert_eq!(python["evidence"]["stated_years"], 6.0);
    assert_eq!(check(&json, "skill_years")["status"], "pass");

    // Six years of Django roles, the word Python nowhere: implied, and it says so.
    let implied = write(
        dir.path(),
        "implied.txt",
        "Tom Reyes\nEXPERIENCE\nWeb Developer, Northpine\nJan 2019 - Dec 2024\n- Built the ticketing site with Django and Celery.\n",
    );
    let json = match_json(&implied, &job);
    let python = skill(&json, "Python");
    assert_eq!(python["status"], "implied");
    assert_eq!(python["evidence"]["level"], "implied");
    assert_eq!(python["evidence"]["years_from"], "implied");
    assert_eq!(python["years_shown"], 6.0, "{python}");
    let years = check(&json, "skill_years");
    assert_eq!(years["status"], "pass", "{years}");
    assert!(
        years["message"]
            .as_str()
            .unwrap()
            .contains("through Celery, Django"),
        "{years}"
    );
}

#[test]
fn equal_keyword_scores_are_told_apart_by_years_and_recency() {
    let dir = TempDir::new().unwrap();
    let job = write(
        dir.path(),
        "job.txt",
        "Backend Engineer\n\nRequirements\n- 5+ years of experience\n- Go and PostgreSQL\n- Kubernetes\n",
    );
    let role = |dates: &str| {
        format!("EXPERIENCE\nBackend Engineer, Quayside\n{dates}\n- Built payment services in Go on PostgreSQL, run on Kubernetes.\n")
    };
    let cvs = dir.path().join("cvs");
    std::fs::create_dir(&cvs).unwrap();
    // "a" sorts first by name; its shorter career must not win the tie. Fixed dates,
    // so the years do not grow with the calendar.
    write(&cvs, "a-short.txt", role("Jan 2021 - Dec 2024"));
    write(&cvs, "b-long.txt", role("Jan 2015 - Dec 2024"));
    let rows = rank_json(&job, &cvs, &[]);
    let names: Vec<String> = rows.iter().map(file_name).collect();
    assert_eq!(names, ["b-long.txt", "a-short.txt"], "{rows:?}");
    assert_eq!(rows[0]["score"], rows[1]["score"]);
    assert!(rows[0]["evidence_score"].as_f64() > rows[1]["evidence_score"].as_f64());
    assert_eq!(flags(&rows[1]), ["years_short"]);
    assert!(flags(&rows[0]).is_empty());
}

#[test]
fn scan_json_carries_each_skills_evidence() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", HONEST);
    let json = scan_json(&cv);
    let rabbit = skill(&json, "RabbitMQ");
    assert_eq!(rabbit["evidence"]["level"], "past", "{rabbit}");
    assert_eq!(rabbit["evidence"]["last_used"], "2022-02");
    assert_eq!(rabbit["evidence"]["roles"][0]["title"], "Backend Developer");
    let django = skill(&json, "Django");
    assert_eq!(django["evidence"]["level"], "recent");
    assert_eq!(django["evidence"]["last_used"], "present");
    let redis = skill(&json, "Redis");
    // Listed and used in the older role: the role counts.
    assert_eq!(redis["evidence"]["level"], "past");
}

#[test]
fn min_evidence_filters_and_sort_is_validated() {
    let (_dir, job, cvs) = honest_and_stuffed();
    let out = skillgap()
        .args(["rank", "-q", "-f", "json", "--min-evidence", "55", "--job"])
        .arg(&job)
        .arg(&cvs)
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let kept: Vec<String> = rows.iter().map(file_name).collect();
    assert_eq!(kept, ["a-honest.txt"], "{rows:?}");
    let out = skillgap()
        .args(["rank", "--sort", "luck", "--job"])
        .arg(&job)
        .arg(&cvs)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
