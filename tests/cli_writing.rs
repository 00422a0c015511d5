//! The writing checks as a user meets them: `scan` and `match` report whether the
//! bullets show measurable results, open with action verbs, avoid clichés and
//! pronouns, keep finished roles in the past tense and date every role in one
//! format, each with the lines it is about, in JSON, table, Markdown and HTML; and
//! `match` turns the warnings into suggestions after the keyword ones.
//!
//! Each resume here is written to trip (or, with the trap cases, not to trip) one
//! check: numbers that are not results (versions, years, phone numbers), "I/O" and
//! "CI/CD" that are not pronouns, a Summary in the present tense.

mod common;

use std::path::Path;

use common::cli::{examples, json_of, match_json, scan_json, skillgap, write};
use regex::Regex;
use tempfile::TempDir;

const IDS: [&str; 6] = [
    "measurable_results",
    "action_verbs",
    "buzzwords",
    "first_person",
    "tense",
    "date_format",
];

const POSTING: &str = "\
Backend Engineer

Requirements
• Go and Java
• PostgreSQL and Redis
• Kubernetes on AWS

Nice to have
• Terraform
";

/// A resume that passes every writing check, with the traps for each: a Summary in
/// the present tense, clichés in the Skills list, years in Education, numbers that
/// are versions.
const GOOD: &str = "\
Maya Okafor
maya.okafor@example.com | +44 20 7946 0321 | github.com/mayaokafor

SUMMARY
Backend engineer who builds payment services in Go and Java and keeps them boring to run.

SKILLS
Languages: Go, Java 17, Python 3.12, SQL
Cloud: AWS (S3, EC2, Lambda), K8s, OAuth 2.0, HTML5, CI/CD
Soft skills: team player, detail-oriented, self-starter

EXPERIENCE
Senior Backend Engineer - Ledgerline, London
Mar 2021 - Present
• Lead a team of 5 engineers running the payments API at 3,000 requests per second.
• Cut p95 latency from 310 ms to 120 ms by moving hot reads to Redis.
• Run the on-call rota for 14 services and reduced pages by 45% in a year.
• Tuned disk I/O and CI/CD for the I18n builds, taking them from 40 to 12 minutes.

Backend Engineer - Finch Bank, Leeds
Jan 2018 - Feb 2021
• Built the card-authorisation service in Java, handling $40M a month.
• Migrated 22 cron jobs to AWS Lambda, saving 30 hours of manual work a month.
• Designed the audit log schema used by 6 teams and cut disk use by 2 TB.
• Rebuilt the retry queue, which helped cut duplicate charges by 80%.

EDUCATION
B.Sc. Computer Science, University of Leeds, 2014 - 2017
";

/// The same person, written badly in every way the checks look for.
const BAD: &str = "\
Maya Okafor
maya.okafor@example.com | +44 20 7946 0321 | github.com/mayaokafor

SUMMARY
Results-driven team player who thinks outside the box and brings synergy to every team.

SKILLS
Go, Java, PostgreSQL, Redis, Kubernetes, AWS

EXPERIENCE
Senior Backend Engineer - Ledgerline, London
Jan 2021 - Present
• Responsible for the payments API written in Java 17 and Spring Boot.
• Worked on the migration of the workers to Python 3.12 and S3.
• I rewrote the web pages in HTML5 and added OAuth 2.0 login on EC2.

Backend Engineer - Finch Bank, Leeds
01/2018 - 12/2020
• Manage the card-authorisation service for the cards team.
• Lead the on-call rota; pager +44 20 7946 0123.
• Helped my team move everything to K8s in 2019.

Junior Developer - Pixel Studio, Leeds
• Assisted with the release process for the mobile backend.

EDUCATION
B.Sc. Computer Science, University of Leeds, 2017
";

/// Two bullets of five with a result; "Java 17" is no result.
const MIXED: &str = "\
EXPERIENCE
Backend Engineer - Finch Bank, Leeds
Jan 2018 - Feb 2021
• Built the card-authorisation service in Java 17 and Spring Boot.
• Migrated 22 cron jobs to AWS Lambda.
• Designed the audit log schema for the ledger team.
• Cut duplicate charges by 80% with idempotent retries.
• Wrote the runbooks for the payments on-call rota.
";

/// The writing check `id` of a `scan` or `match` JSON: status, message, lines.
fn check(json: &serde_json::Value, id: &str) -> (String, String, Vec<usize>) {
    let found = json["checks"]
        .as_array()
        .unwrap_or_else(|| panic!("no checks array in {json}"))
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {}", json["checks"]));
    let lines = found["lines"].as_array().map_or_else(Vec::new, |l| {
        l.iter().map(|n| n.as_u64().unwrap() as usize).collect()
    });
    (
        found["status"].as_str().unwrap().to_string(),
        found["message"].as_str().unwrap().to_string(),
        lines,
    )
}

/// 1-based line numbers of the lines of `text` that start with `start`.
fn lines_starting(text: &str, start: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(start))
        .map(|(i, _)| i + 1)
        .collect()
}

fn scan_text(dir: &TempDir, name: &str, text: &str) -> serde_json::Value {
    scan_json(&write(dir.path(), name, text))
}

#[test]
fn scan_and_match_report_the_writing_checks_after_the_readability_ones() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", GOOD);
    let job = write(dir.path(), "job.txt", POSTING);
    for json in [scan_json(&cv), match_json(&cv, &job)] {
        let ids: Vec<&str> = json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids[ids.len() - IDS.len()..], IDS, "{ids:?}");
        assert!(ids.iter().position(|&i| i == "file_type") < ids.iter().position(|&i| i == IDS[0]));
    }
    // scan and match judge the writing the same way.
    let scanned = scan_json(&cv);
    let matched = match_json(&cv, &job);
    for id in IDS {
        assert_eq!(check(&scanned, id), check(&matched, id), "{id}");
    }
}

#[test]
fn a_well_written_resume_passes_every_writing_check_despite_the_traps() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "good.txt", GOOD);
    for id in IDS {
        let (status, message, lines) = check(&json, id);
        assert_eq!(status, "pass", "{id}: {message}");
        assert!(lines.is_empty(), "{id} points at {lines:?}: {message}");
    }
    // Every bullet counts, and every one shows a result.
    let (_, message, _) = check(&json, "measurable_results");
    assert!(message.starts_with("8 of 8 bullets (100%)"), "{message}");
    // A check that points at no line leaves `lines` out of the JSON.
    let first = &json["checks"][0];
    assert!(first.get("lines").is_none(), "{first}");
}

#[test]
fn measurable_results_fails_when_the_only_numbers_are_versions_years_and_phones() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "measurable_results");
    assert_eq!(status, "fail", "{message}");
    assert!(message.starts_with("Only 0 of 7 bullets (0%)"), "{message}");
    assert_eq!(lines, lines_starting(BAD, "•"), "{message}");

    // Two bullets in five with a result: a warning naming the other three.
    let json = scan_text(&dir, "mixed.txt", MIXED);
    let (status, message, lines) = check(&json, "measurable_results");
    assert_eq!(status, "warn", "{message}");
    assert!(
        message.starts_with("Only 2 of 5 bullets (40%)"),
        "{message}"
    );
    let mut expected = lines_starting(MIXED, "• Built");
    expected.extend(lines_starting(MIXED, "• Designed"));
    expected.extend(lines_starting(MIXED, "• Wrote"));
    expected.sort();
    assert_eq!(lines, expected, "{message}");
}

#[test]
fn action_verbs_flags_weak_openings_only_at_the_start_of_a_bullet() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "action_verbs");
    assert_eq!(status, "warn", "{message}");
    let mut weak = lines_starting(BAD, "• Responsible for");
    weak.extend(lines_starting(BAD, "• Worked on"));
    weak.extend(lines_starting(BAD, "• Helped"));
    weak.extend(lines_starting(BAD, "• Assisted with"));
    weak.sort();
    assert_eq!(lines, weak, "{message}");
    assert!(
        message.contains("\"Responsible for\" (try Led, Owned or Ran)"),
        "{message}"
    );

    // "Helpdesk" is not "Help", and "which helped" mid-sentence is no opening.
    let text = GOOD.replace(
        "• Cut p95 latency",
        "• Helpdesk bridge to Zendesk for 40 agents, built in 3 weeks.\n• Cut p95 latency",
    );
    let json = scan_text(&dir, "helpdesk.txt", &text);
    let (status, message, _) = check(&json, "action_verbs");
    assert_eq!(status, "pass", "{message}");
}

#[test]
fn buzzwords_in_prose_are_flagged_but_not_in_a_skills_list_or_with_evidence() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "buzzwords");
    assert_eq!(status, "warn", "{message}");
    assert_eq!(lines, lines_starting(BAD, "Results-driven"));
    for phrase in [
        "results-driven",
        "team player",
        "thinks outside the box",
        "synergy",
    ] {
        assert!(
            message.contains(&format!("\"{phrase}\"")),
            "{phrase}: {message}"
        );
    }
    // A claim in a bullet with no result is flagged; with a result, it has its evidence.
    let bare = GOOD.replace(
        "• Cut p95 latency",
        "• Detail-oriented reviewer of every schema change.\n• Cut p95 latency",
    );
    let json = scan_text(&dir, "bare.txt", &bare);
    let (status, _, lines) = check(&json, "buzzwords");
    assert_eq!(status, "warn");
    assert_eq!(lines, lines_starting(&bare, "• Detail-oriented"));
    let proven = GOOD.replace(
        "• Cut p95 latency",
        "• Detail-oriented reviewer: caught 120 schema defects before release.\n• Cut p95 latency",
    );
    let (status, message, _) = check(&scan_text(&dir, "proven.txt", &proven), "buzzwords");
    assert_eq!(status, "pass", "{message}");
}

#[test]
fn first_person_finds_pronouns_but_not_io_cicd_or_i18n() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "first_person");
    assert_eq!(status, "warn", "{message}");
    let mut expected = lines_starting(BAD, "• I rewrote");
    expected.extend(lines_starting(BAD, "• Helped my team"));
    assert_eq!(lines, expected, "{message}");
    assert!(message.contains("\"I\" and \"my\""), "{message}");
    // GOOD has "disk I/O and CI/CD for the I18n builds" in a bullet.
    assert!(GOOD.contains("I/O and CI/CD for the I18n"));
    let (status, message, _) = check(&scan_text(&dir, "good.txt", GOOD), "first_person");
    assert_eq!(status, "pass", "{message}");
}

#[test]
fn tense_wants_finished_roles_in_the_past_and_leaves_the_summary_alone() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "tense");
    assert_eq!(status, "warn", "{message}");
    let mut expected = lines_starting(BAD, "• Manage the");
    expected.extend(lines_starting(BAD, "• Lead the on-call"));
    assert_eq!(lines, expected, "{message}");
    assert!(message.contains("\"Manage\" → \"Managed\""), "{message}");
    assert!(message.contains("\"Lead\" → \"Led\""), "{message}");

    // The current role may be in the present tense ("Lead", "Run") and the Summary
    // too ("builds", "keeps"): GOOD passes.
    let (status, message, _) = check(&scan_text(&dir, "good.txt", GOOD), "tense");
    assert_eq!(status, "pass", "{message}");

    // A current role written wholly in the past tense is noted, not warned.
    let finished = GOOD
        .replace("• Lead a team", "• Led a team")
        .replace("• Run the on-call", "• Ran the on-call");
    let (status, message, lines) = check(&scan_text(&dir, "finished.txt", &finished), "tense");
    assert_eq!(status, "info", "{message}");
    // "Cut" reads as either tense, so three bullets are judged.
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(message.contains("Senior Backend Engineer"), "{message}");
}

#[test]
fn date_format_wants_one_format_and_dates_on_every_role() {
    let dir = TempDir::new().unwrap();
    let json = scan_text(&dir, "bad.txt", BAD);
    let (status, message, lines) = check(&json, "date_format");
    assert_eq!(status, "warn", "{message}");
    // A month name once, numeric months twice: the odd one out is named, and the
    // undated role.
    let mut expected = lines_starting(BAD, "Jan 2021");
    expected.extend(lines_starting(BAD, "Junior Developer"));
    assert_eq!(lines, expected, "{message}");
    assert!(message.contains("\"Jan 2021\" (1)"), "{message}");
    assert!(message.contains("\"01/2018\" (2)"), "{message}");
    assert!(message.contains("1 role has no dates"), "{message}");

    // Years alone next to month names are a mix too; Education's years are not roles.
    let years = GOOD.replace("Jan 2018 - Feb 2021", "2018 - 2021");
    let (status, message, lines) = check(&scan_text(&dir, "years.txt", &years), "date_format");
    assert_eq!(status, "warn", "{message}");
    assert_eq!(lines, lines_starting(&years, "2018 - 2021"), "{message}");

    let (status, message, _) = check(&scan_text(&dir, "good.txt", GOOD), "date_format");
    assert_eq!(status, "pass", "{message}");
    assert!(message.contains("\"Mar 2021\""), "{message}");
}

#[test]
fn no_experience_section_leaves_the_bullet_checks_informational() {
    let dir = TempDir::new().unwrap();
    let text = "Sam Reed\nsam@example.com\n\nSKILLS\n• Go\n• Java\n• team player\n\nEDUCATION\nB.Sc. Computing, 2016 - 2019\n";
    let json = scan_text(&dir, "skills.txt", text);
    for id in ["measurable_results", "action_verbs", "tense", "date_format"] {
        let (status, message, _) = check(&json, id);
        assert_eq!(status, "info", "{id}: {message}");
    }
    for id in ["buzzwords", "first_person"] {
        assert_eq!(check(&json, id).0, "pass", "{id}");
    }
}

#[test]
fn match_turns_writing_warnings_into_suggestions_after_the_keyword_ones() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "bad.txt", BAD);
    let job = write(dir.path(), "job.txt", POSTING);
    let json = match_json(&cv, &job);
    let suggestions = json["suggestions"].as_array().unwrap();
    let kinds: Vec<&str> = suggestions
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    let writing: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == "writing")
        .collect();
    // One per check that warns or fails: all six do on this resume.
    assert_eq!(writing.len(), 6, "{kinds:?}");
    let keyword = ["add", "wording", "state", "show"];
    let last_keyword = kinds.iter().rposition(|k| keyword.contains(k));
    assert!(last_keyword.is_some_and(|k| k < writing[0]), "{kinds:?}");
    // Each names the lines to fix; the first is measurable_results (it fails).
    let first = suggestions[writing[0]]["message"].as_str().unwrap();
    assert!(first.starts_with("Only 0 of 7 bullets"), "{first}");
    assert!(first.contains("(lines "), "{first}");
    // The writing checks never change the score.
    let good = write(dir.path(), "good.txt", GOOD);
    let with_pronoun = GOOD.replace("• Cut p95", "• I cut p95");
    let weak = write(dir.path(), "weak.txt", &with_pronoun);
    assert_eq!(check(&match_json(&weak, &job), "first_person").0, "warn");
    assert_eq!(
        match_json(&good, &job)["score"],
        match_json(&weak, &job)["score"]
    );
}

/// The example resume (as text, so its lines are the file's): the checks it trips
/// point at the right lines.
#[test]
fn the_example_resume_shows_its_writing_checks_in_json() {
    let path = examples().join("resume.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let json = scan_json(&path);
    let (status, _, lines) = check(&json, "action_verbs");
    assert_eq!(status, "warn");
    let mut weak = lines_starting(&text, "• Worked closely with");
    weak.extend(lines_starting(&text, "• Helped"));
    assert_eq!(lines, weak);
    let (status, _, lines) = check(&json, "first_person");
    assert_eq!(status, "warn");
    assert_eq!(
        lines,
        lines_starting(&text, "Senior backend engineer with 11 years")
    );
    let (status, message, lines) = check(&json, "measurable_results");
    assert_eq!(status, "pass", "{message}");
    assert_eq!(
        lines, weak,
        "the bullets without a number are the weak ones"
    );
    for id in ["buzzwords", "tense", "date_format"] {
        assert_eq!(check(&json, id).0, "pass", "{id}: {}", check(&json, id).1);
    }
}

fn match_output(resume: &Path, format: &str) -> String {
    let out = skillgap()
        .args(["match", "--format", format])
        .arg(resume)
        .arg("--job")
        .arg(examples().join("job-backend.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_example_resume_shows_its_writing_checks_in_every_format() {
    let pdf = examples().join("resume.pdf");
    let json = json_of(
        skillgap()
            .args(["match", "-f", "json"])
            .arg(&pdf)
            .arg("--job")
            .arg(examples().join("job-backend.txt"))
            .output()
            .unwrap(),
    );
    let (_, message, lines) = check(&json, "action_verbs");
    let phrase = format!("lines {} and {}", lines[0], lines[1]);

    // Table and Markdown: the checks that need attention with their lines, the
    // passing ones by id.
    for format in ["table", "markdown"] {
        let out = match_output(&pdf, format);
        for id in IDS {
            assert!(out.contains(id), "{format}: no {id}\n{out}");
        }
        assert!(out.contains(&phrase), "{format}: no {phrase}\n{out}");
        assert!(
            out.contains(message.trim_end_matches('.')),
            "{format}\n{out}"
        );
    }
    let scanned = skillgap()
        .args(["scan", "-f", "markdown"])
        .arg(&pdf)
        .output()
        .unwrap();
    let scanned = String::from_utf8(scanned.stdout).unwrap();
    assert!(scanned.contains("`action_verbs`"), "{scanned}");

    // HTML: each check is an item with its status, the lines listed under it; the
    // page parses and reads as text with the checks' names.
    let html = match_output(&pdf, "html");
    let item = Regex::new(
        r#"<li class="check (\w+)" id="check-(\w+)">.*?<span class="detail">([^<]*)</span>(?:<span class="lines">([^<]*)</span>)?</span></li>"#,
    )
    .unwrap();
    let items: Vec<(String, String, String)> = item
        .captures_iter(&html)
        .map(|c| {
            (
                c[2].to_string(),
                c[1].to_string(),
                c.get(4).map_or(String::new(), |m| m.as_str().to_string()),
            )
        })
        .collect();
    for id in IDS {
        let (_, status, lines) = items
            .iter()
            .find(|(i, _, _)| i == id)
            .unwrap_or_else(|| panic!("no {id} item in the HTML"));
        let (want_status, _, want_lines) = check(&json, id);
        assert_eq!(*status, want_status, "{id}");
        if want_lines.is_empty() {
            assert!(lines.is_empty(), "{id}: {lines}");
        } else {
            // Each line quoted with its first words, as the page shows no numbers.
            let first = format!("Line {}: “", want_lines[0]);
            assert!(lines.starts_with(&first), "{id}: {lines}");
        }
    }
    let text = html2text::from_read(html.as_bytes(), 10_000).expect("the report parses as HTML");
    for label in [
        "Measurable results",
        "Action verbs",
        "Personal pronouns",
        "Date format",
    ] {
        assert!(text.contains(label), "{label} not in the page's text");
    }
    let quoted = format!("Line {}: “Worked closely with compliance", lines[0]);
    assert!(text.contains(&quoted), "no {quoted} in the page's text");
}
