//! The command line as ripgrep and fd users expect it (issue 19): report files others
//! can read, exit codes scripts can trust, help that lists what each command accepts,
//! messages that send people the right way, JSON fields that never come and go, and
//! sentences said once, in agreement with their numbers.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::cli::{examples, skillgap, write};
use tempfile::TempDir;

const JOB: &str = "Backend Engineer\n\nRequirements\n- Java and Kafka\n- PostgreSQL\n";

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// A folder with one good resume, one empty file and one picture, and a posting.
fn folder() -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let cvs = dir.path().join("cvs");
    write(&cvs, "good.txt", "SKILLS\nJava, Kafka, PostgreSQL\n");
    write(&cvs, "blank.txt", "");
    write(&cvs, "photo.png", b"\x89PNG\r\n\x1a\nnot a resume");
    let job = write(dir.path(), "job.txt", JOB);
    (dir, job, cvs)
}

fn rank(job: &Path, args: &[&str]) -> Output {
    skillgap()
        .arg("rank")
        .arg("--job")
        .arg(job)
        .args(args)
        .output()
        .unwrap()
}

// 1. --output files are readable by others as the umask allows, and keep their mode.

#[cfg(unix)]
fn run_with_umask(mask: u32, args: &[&std::ffi::OsStr]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("skillgap"));
    cmd.args(args);
    // SAFETY: umask is async-signal-safe and only changes the child's mask.
    unsafe {
        cmd.pre_exec(move || {
            libc::umask(mask as libc::mode_t);
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[cfg(unix)]
#[test]
fn output_files_get_the_umask_mode_and_keep_an_existing_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, job, cvs) = folder();
    let out_csv = dir.path().join("ranked.csv");
    let args = |o: &Path| -> Vec<std::ffi::OsString> {
        vec![
            "rank".into(),
            "--job".into(),
            job.clone().into(),
            cvs.clone().into(),
            "-f".into(),
            "csv".into(),
            "-o".into(),
            o.into(),
        ]
    };
    let a = args(&out_csv);
    let refs: Vec<&std::ffi::OsStr> = a.iter().map(|s| s.as_os_str()).collect();
    let out = run_with_umask(0o022, &refs);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out_csv), 0o644);
    let out = run_with_umask(0o027, &refs);
    assert!(out.status.success());
    assert_eq!(mode(&out_csv), 0o644, "an existing file keeps its mode");
    std::fs::set_permissions(&out_csv, std::fs::Permissions::from_mode(0o604)).unwrap();
    run_with_umask(0o022, &refs);
    assert_eq!(mode(&out_csv), 0o604);
    let fresh = dir.path().join("fresh.csv");
    let a = args(&fresh);
    let refs: Vec<&std::ffi::OsStr> = a.iter().map(|s| s.as_os_str()).collect();
    run_with_umask(0o027, &refs);
    assert_eq!(mode(&fresh), 0o640);
    assert!(std::fs::read_to_string(&fresh)
        .unwrap()
        .starts_with("file,status"));
}

/// `-o /dev/null` once replaced the device with a regular file (rename over it): an
/// output that is not a regular file (here a FIFO) is written in place and stays what it is.
#[cfg(unix)]
#[test]
fn output_to_a_fifo_writes_into_it_and_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, job, cvs) = folder();
    let fifo = dir.path().join("pipe");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = rank(
        &job,
        &[
            "-f",
            "csv",
            "-o",
            fifo.to_str().unwrap(),
            cvs.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Checked before joining: a replaced FIFO would leave the reader waiting forever.
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let written = reader.join().unwrap();
    assert!(written.starts_with("file,status"), "{written}");
}

// 2. Exit codes scripts can trust.

#[test]
fn a_missing_path_on_the_command_line_is_an_error_row_and_exit_2_after_the_rest() {
    let (_dir, job, cvs) = folder();
    let out = rank(
        &job,
        &[
            "-f",
            "csv",
            "/no/such/dir",
            cvs.join("good.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.contains("good.txt,ok,"), "the others are ranked: {csv}");
    assert!(csv.contains("/no/such/dir,error,"), "{csv}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("rank: 2 files, 1 ok, 1 error,"), "{stderr}");
    assert!(
        stderr.contains("/no/such/dir: no such file")
            && stderr.contains("the other files were ranked"),
        "{stderr}"
    );
}

#[test]
fn a_file_that_is_not_a_readable_resume_is_an_error_row_with_exit_0() {
    let (_dir, job, cvs) = folder();
    let out = rank(
        &job,
        &[
            "-f",
            "csv",
            cvs.join("blank.txt").to_str().unwrap(),
            cvs.join("good.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("rank: 2 files, 1 ok, 1 error,"), "{stderr}");
}

// 3. Skipped files can be seen.

#[test]
fn verbose_names_skipped_files_and_the_summary_says_how() {
    let (_dir, job, cvs) = folder();
    let cvs = cvs.to_str().unwrap();
    let quiet = text(&rank(&job, &[cvs]).stderr);
    assert!(quiet.contains("1 skipped (-v lists them)"), "{quiet}");
    assert!(!quiet.contains("photo.png"), "{quiet}");
    let loud = text(&rank(&job, &["-v", cvs]).stderr);
    assert!(
        loud.lines()
            .any(|l| l.starts_with("skipped ") && l.contains("photo.png: not a document")),
        "{loud}"
    );
    assert!(!loud.contains("-v lists them"), "{loud}");
}

// 4. --top in every format or refused; csv error rows without numbers.

#[test]
fn top_applies_to_csv_and_json_and_jsonl_refuses_it_with_a_sentence() {
    let dir = TempDir::new().unwrap();
    let cvs = dir.path().join("cvs");
    for (name, skills) in [
        ("a.txt", "Java"),
        ("b.txt", "Java, Kafka"),
        ("c.txt", "Kafka"),
    ] {
        write(&cvs, name, format!("SKILLS\n{skills}\n"));
    }
    let job = write(dir.path(), "job.txt", JOB);
    let cvs = cvs.to_str().unwrap();
    let csv = text(&rank(&job, &["-f", "csv", "--top", "1", cvs]).stdout);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.lines().nth(1).unwrap().contains("b.txt"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&rank(&job, &["-f", "json", "--top", "2", cvs]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    let out = rank(&job, &["-f", "jsonl", "--top", "1", cvs]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("--top") && stderr.contains("use --format json or csv"),
        "{stderr}"
    );
}

#[test]
fn csv_error_rows_leave_their_numbers_empty() {
    let (_dir, job, cvs) = folder();
    let csv = text(&rank(&job, &["-f", "csv", cvs.to_str().unwrap()]).stdout);
    let row = csv.lines().find(|l| l.contains("blank.txt")).unwrap();
    assert!(row.contains(",error,,,,,,,,,,"), "{row}");
}

// 5. Help, formats, completions and the man page agree.

#[test]
fn each_command_help_lists_only_its_formats() {
    let help = |args: &[&str]| text(&skillgap().args(args).arg("--help").output().unwrap().stdout);
    let cases: [(&[&str], &str, &[&str]); 5] = [
        (&["extract"], "text, json", &["html", "csv", "table"]),
        (
            &["scan"],
            "table, json, markdown",
            &["html", "csv", "jsonl"],
        ),
        (&["match"], "table, json, markdown, html", &["csv", "jsonl"]),
        (&["rank"], "table, csv, jsonl, json", &["html", "markdown"]),
        (&["lexicon", "show"], "table, json", &["html", "csv"]),
    ];
    for (command, listed, absent) in cases {
        let h = help(command);
        // The flag's help, however the terminal width wrapped it.
        let flat = h.split_whitespace().collect::<Vec<_>>().join(" ");
        let start = flat.find("--format <FORMAT>").unwrap();
        let end = start + flat[start..].find("possible values").unwrap();
        let line = &flat[start..end + flat[end..].find(']').unwrap() + 1];
        assert!(
            line.contains(&format!("[possible values: {listed}]")),
            "{command:?}:\n{h}"
        );
        for format in absent {
            assert!(!line.contains(format), "{command:?} offers {format}:\n{h}");
        }
    }
    assert!(!help(&["lexicon", "search"]).contains("--format"));
}

#[test]
fn an_unsupported_format_is_refused_never_ignored() {
    let resume = examples().join("resume.txt");
    for args in [
        vec!["lexicon", "search", "k8s", "--format", "json"],
        vec!["scan", resume.to_str().unwrap(), "--format", "csv"],
        vec!["extract", resume.to_str().unwrap(), "-f", "table"],
    ] {
        let out = skillgap().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let msg = text(&out.stderr);
        assert!(
            msg.contains("invalid value") || msg.contains("unexpected argument '--format'"),
            "{args:?}: {msg}"
        );
    }
}

#[test]
fn completions_hide_the_worker_and_offer_each_commands_formats() {
    let bash = text(
        &skillgap()
            .args(["completions", "bash"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(!bash.contains("__worker"), "the worker is offered");
    assert!(bash.contains("table csv jsonl json"), "rank's formats");
    assert!(bash.contains("text json"), "extract's formats");
    // The worker still reads `rank`'s PDFs (`cli_rank` ranks one): it is only hidden.
    let help = text(&skillgap().arg("--help").output().unwrap().stdout);
    assert!(!help.contains("__worker"));
}

#[test]
fn the_man_page_documents_every_command_flag_and_exit_code() {
    let man = text(&skillgap().arg("man").output().unwrap().stdout);
    for section in [
        "skillgap extract",
        "skillgap scan",
        "skillgap match",
        "skillgap rank",
        "skillgap lexicon show",
        "skillgap lexicon search",
        "skillgap lexicon check",
        "skillgap lexicon stats",
        "skillgap completions",
        "EXIT STATUS",
    ] {
        assert!(
            man.contains(&format!(".SS \"{section}")) || man.contains(section),
            "no {section}"
        );
    }
    for flag in [
        "job",
        "job\\-text",
        "require",
        "min\\-score",
        "top",
        "errors",
        "from",
        "explain",
        "raw",
        "extension",
        "max\\-file\\-size",
    ] {
        assert!(
            man.contains(&format!("\\fB\\-\\-{flag}\\fR")),
            "no --{flag}"
        );
    }
    assert!(
        !man.contains("skillgap\\-match(1)"),
        "points at pages that do not exist"
    );
    assert!(!man.contains("__worker"));
    let exit = &man[man.find("EXIT STATUS").unwrap()..];
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(exit.contains(code), "no exit code {code}");
    }
}

// 6. Messages that send people the right way.

fn stderr_of(args: &[&str]) -> (Option<i32>, String) {
    let out = skillgap().args(args).output().unwrap();
    (out.status.code(), text(&out.stderr))
}

#[test]
fn a_folder_or_a_web_address_as_job_says_what_to_give_instead() {
    let dir = TempDir::new().unwrap();
    let resume = examples().join("resume.txt");
    let r = resume.to_str().unwrap();
    let (code, msg) = stderr_of(&["match", r, "--job", dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(msg.contains("the posting must be one file"), "{msg}");
    assert!(!msg.contains("skillgap rank"), "{msg}");
    let (code, msg) = stderr_of(&["match", r, "--job", "https://jobs.example.com/backend-42"]);
    assert_eq!(code, Some(2));
    assert!(
        msg.contains("skillgap never fetches anything") && msg.contains("save the page"),
        "{msg}"
    );
}

#[test]
fn standard_input_for_both_resume_and_posting_is_refused() {
    let out = skillgap()
        .args(["match", "-", "--job", "-"])
        .write_stdin("SKILLS\nJava\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let msg = text(&out.stderr);
    assert!(
        msg.contains("cannot both come from standard input"),
        "{msg}"
    );
}

#[test]
fn require_and_lexicon_search_suggest_the_closest_name_and_quote_commands() {
    let resume = examples().join("resume.txt");
    let job = examples().join("job-backend.txt");
    let base = [
        "match",
        resume.to_str().unwrap(),
        "--job",
        job.to_str().unwrap(),
    ];
    let (code, msg) = stderr_of(&[&base[..], &["--require", "Pythn"]].concat());
    assert_eq!(code, Some(2));
    assert!(msg.contains("did you mean Python?"), "{msg}");
    let (_, msg) = stderr_of(&[&base[..], &["--require", "Spring Bot"]].concat());
    assert!(msg.contains("did you mean Spring Boot"), "{msg}");
    assert!(
        msg.contains("`skillgap lexicon search 'Spring Bot'`"),
        "{msg}"
    );
    let out = skillgap()
        .args(["lexicon", "search", "Kubernets"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("did you mean Kubernetes?"));
}

#[test]
fn min_score_accepts_0_to_100_only() {
    let resume = examples().join("resume.txt");
    let job = examples().join("job-backend.txt");
    for bad in ["150", "-5", "lots"] {
        let (code, msg) = stderr_of(&[
            "match",
            resume.to_str().unwrap(),
            "--job",
            job.to_str().unwrap(),
            &format!("--min-score={bad}"),
        ]);
        assert_eq!(code, Some(2), "{bad}");
        assert!(msg.contains("0 to 100"), "{msg}");
    }
    let (code, _) = stderr_of(&[
        "match",
        resume.to_str().unwrap(),
        "--job",
        job.to_str().unwrap(),
        "--min-score",
        "0",
    ]);
    assert_eq!(code, Some(0));
}

// 7. JSON fields never come and go.

/// The keys of a JSON object, in order.
fn keys(value: &serde_json::Value) -> Vec<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn match_json_has_every_documented_field_even_when_unknown() {
    let dir = TempDir::new().unwrap();
    // No title, no degree, no years, no skills the resume lacks: fields still there.
    let job = write(dir.path(), "job.txt", "We want Java and Kafka.\n");
    let resume = write(dir.path(), "cv.txt", "SKILLS\nJava, Kafka\n");
    let json = common::cli::match_json(&resume, &job);
    assert_eq!(
        keys(&json),
        [
            "schema_version",
            "file",
            "job",
            "score",
            "evidence_score",
            "score_note",
            "hard_score",
            "soft_score",
            "required",
            "preferred",
            "job_title",
            "resume_title",
            "years_shown",
            "skills",
            "groups",
            "context_skills",
            "company",
            "suggestions",
            "unknown_terms",
            "checks",
            "flags"
        ]
    );
    assert!(json["job_title"].is_null());
    assert!(json["company"].is_null());
    assert!(json["score_note"].is_null());
    let skill = &json["skills"][0];
    assert_eq!(
        keys(skill),
        [
            "name",
            "category",
            "kind",
            "level",
            "weight",
            "status",
            "posting_forms",
            "resume_forms",
            "implied_by",
            "sections",
            "years_asked",
            "years_shown",
            "evidence",
            "evidence_credit",
            "contribution",
            "max_contribution"
        ]
    );
    assert!(skill["years_asked"].is_null());
}

#[test]
fn scan_and_rank_json_have_their_documented_fields() {
    let resume = examples().join("resume.txt");
    let json = common::cli::scan_json(&resume);
    assert_eq!(
        keys(&json),
        [
            "schema_version",
            "file",
            "kind",
            "pages",
            "words",
            "skills",
            "implied",
            "sections",
            "checks"
        ]
    );
    let (_dir, job, cvs) = folder();
    let out = rank(&job, &["-f", "jsonl", cvs.to_str().unwrap()]);
    for line in text(&out.stdout).lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let k = keys(&row);
        assert_eq!(
            k[..9],
            [
                "file",
                "status",
                "score",
                "evidence_score",
                "required",
                "preferred",
                "missing",
                "flags",
                if row["status"] == "ok" {
                    "kind"
                } else {
                    "error"
                }
            ]
        );
    }
}

// 8. Wording.

#[test]
fn numbers_agree_with_their_nouns() {
    let dir = TempDir::new().unwrap();
    let resume = write(dir.path(), "cv.txt", "SKILLS\nJava\n");
    for format in ["table", "markdown"] {
        let out = text(
            &skillgap()
                .args(["scan", "-f", format])
                .arg(&resume)
                .output()
                .unwrap()
                .stdout,
        );
        assert!(
            out.contains("1 skill found") && out.contains("1 page,"),
            "{out}"
        );
        assert!(
            !out.contains("1 pages") && !out.contains("1 skills"),
            "{out}"
        );
    }
    let cvs = dir.path().join("cvs");
    write(&cvs, "a.txt", "SKILLS\nJava\n");
    write(&cvs, "b.txt", "SKILLS\nJava\n");
    let job = write(dir.path(), "job.txt", JOB);
    let stderr = text(&rank(&job, &[cvs.to_str().unwrap()]).stderr);
    assert!(
        stderr.contains(", 1 duplicate,") && stderr.contains("0 errors"),
        "{stderr}"
    );
}

#[test]
fn a_posting_without_a_degree_says_so_plainly() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", JOB);
    let resume = write(dir.path(), "cv.txt", "SKILLS\nJava\n");
    let out = text(
        &skillgap()
            .arg("match")
            .arg(&resume)
            .arg("--job")
            .arg(&job)
            .output()
            .unwrap()
            .stdout,
    );
    assert!(
        out.contains("The posting does not ask for a degree."),
        "{out}"
    );
    assert!(!out.contains("asks for no degree"));
}

#[test]
fn no_sentence_is_printed_twice_in_one_report() {
    let dir = TempDir::new().unwrap();
    let job = write(dir.path(), "job.txt", JOB);
    // A plain-text resume this short warns on length and file type: checks that are
    // also suggestions.
    let resume = write(dir.path(), "cv.txt", "SKILLS\nJava\n");
    let json = common::cli::match_json(&resume, &job);
    let mut sentences: Vec<String> = Vec::new();
    for list in ["checks", "suggestions"] {
        for item in json[list].as_array().unwrap() {
            sentences.push(item["message"].as_str().unwrap().to_string());
        }
    }
    let repeated = sentences
        .iter()
        .filter(|s| sentences.iter().filter(|t| t == s).count() > 1)
        .count();
    assert!(
        repeated > 0,
        "the case must have a check that is also a suggestion"
    );
    for format in ["table", "markdown", "html"] {
        let out = text(
            &skillgap()
                .args(["match", "-f", format])
                .arg(&resume)
                .arg("--job")
                .arg(&job)
                .output()
                .unwrap()
                .stdout,
        );
        for sentence in &sentences {
            // Markdown escapes a few characters; compare the first words (enough of
            // them to tell apart two checks that open alike).
            let start: String = sentence.chars().take(70).collect();
            assert!(
                out.matches(&start).count() <= 1,
                "{format}: printed twice: {sentence:?}\n{out}"
            );
        }
        assert!(out.to_lowercase().contains("see suggestion"), "{out}");
    }
}
