//! The README's bad-input table, row by row: each input ends in one clear sentence
//! naming the file and exit code 2 (or text and 0 where it is readable), never a
//! panic, an abort or a hang, and skillgap never writes to its inputs.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::{json_of, match_json, skill_names, skillgap, write};
use common::{docx, pdf};
use lopdf::{dictionary, Document, Object, Stream};
use tempfile::TempDir;

fn run(args: &[&str], file: &Path) -> Output {
    skillgap().args(args).arg(file).output().unwrap()
}

/// Exit 2 and a single stderr line that names the file and says `problem`.
fn assert_one_clear_error(out: &Output, file: &Path, problem: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&file.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(problem), "expected {problem:?}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("has overflowed its stack"),
        "{stderr}"
    );
}

/// Text (exit 0) or one clear error (exit 2): what a hostile PDF may end in.
fn assert_text_or_clear_error(out: &Output, file: &Path) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => assert!(stderr.is_empty(), "{stderr}"),
        Some(2) => {
            assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
            assert!(stderr.contains(&file.display().to_string()), "{stderr}");
        }
        other => panic!("exit {other:?}: {stderr}"),
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A one-page PDF built with lopdf, then changed by `twist` before saving.
fn pdf_with(twist: impl FnOnce(&mut Document, lopdf::ObjectId, lopdf::ObjectId)) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(
        dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"},
    );
    let content =
        b"BT /F1 12 Tf 72 720 Td (Java Kafka PostgreSQL Kubernetes engineer) Tj ET".to_vec();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Contents" => content_id,
        "Resources" => dictionary! {"Font" => dictionary! {"F1" => font_id}},
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! {"Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1},
        ),
    );
    let catalog_id = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog_id);
    twist(&mut doc, pages_id, page_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_zero_byte_pdf() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "empty.pdf", b"");
    assert_one_clear_error(&run(&["extract"], &file), &file, "the file is empty");
}

#[test]
fn a_pdf_whose_page_tree_loops() {
    let dir = TempDir::new().unwrap();
    let bytes = pdf_with(|doc, pages_id, page_id| {
        // The page tree lists itself among its kids.
        let pages = doc.get_object_mut(pages_id).unwrap().as_dict_mut().unwrap();
        pages.set("Kids", vec![page_id.into(), pages_id.into()]);
        pages.set("Count", 2);
    });
    let file = write(dir.path(), "loop.pdf", &bytes);
    for command in [&["extract"][..], &["scan", "-f", "json"][..]] {
        assert_text_or_clear_error(&run(command, &file), &file);
    }
}

#[test]
fn a_pdf_that_references_itself() {
    let dir = TempDir::new().unwrap();
    let bytes = pdf_with(|doc, _, page_id| {
        // The page's contents and resources point back at the page itself.
        let page = doc.get_object_mut(page_id).unwrap().as_dict_mut().unwrap();
        page.set("Contents", page_id);
        page.set("Resources", page_id);
    });
    let file = write(dir.path(), "self.pdf", &bytes);
    assert_text_or_clear_error(&run(&["extract"], &file), &file);
    assert_text_or_clear_error(&run(&["scan"], &file), &file);
}

#[test]
fn fifty_megabytes_of_zeros() {
    let dir = TempDir::new().unwrap();
    let file = write(dir.path(), "zeros.pdf", vec![0u8; 50 * 1024 * 1024]);
    assert_one_clear_error(&run(&["extract"], &file), &file, "over the 20 MB limit");
    let out = skillgap()
        .args(["extract", "--max-file-size", "60"])
        .arg(&file)
        .output()
        .unwrap();
    assert_one_clear_error(&out, &file, "binary data");
}

#[test]
fn a_docx_without_document_xml() {
    let dir = TempDir::new().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for part in ["[Content_Types].xml", "word/styles.xml"] {
        zip.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"<xml/>").unwrap();
    }
    let file = write(dir.path(), "cv.docx", zip.finish().unwrap().into_inner());
    assert_one_clear_error(&run(&["extract"], &file), &file, "has no word/document.xml");
}

#[test]
fn a_path_with_spaces_and_non_ascii_characters() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("Résumés Ünïcode 履歴書");
    std::fs::create_dir(&folder).unwrap();
    let file = write(
        &folder,
        "mon cv é.docx",
        docx::docx(&["SKILLS", "Java, Kafka"], &[], None, None),
    );
    let json = json_of(run(&["scan", "-f", "json"], &file));
    assert_eq!(json["file"], file.display().to_string());
    let missing = folder.join("autre cv ü.pdf");
    assert_one_clear_error(&run(&["extract"], &missing), &missing, "no such file");
}

#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = write(dir.path(), "secret.txt", b"SKILLS\nJava\n");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("skillgap");
    // Root reads anything; run as an unprivileged user so the permission applies.
    let is_root = std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false);
    let out = if is_root {
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .arg("extract")
            .arg(&file)
            .output()
            .expect("setpriv (util-linux) runs the test as nobody")
    } else {
        std::process::Command::new(&bin)
            .arg("extract")
            .arg(&file)
            .output()
            .unwrap()
    };
    assert_one_clear_error(&out, &file, "permission denied");
}

#[test]
fn a_lexicon_with_100_000_skills() {
    let dir = TempDir::new().unwrap();
    let skills: Vec<String> = (0..100_000)
        .map(|i| format!("{{\"name\": \"Skill{i:05}\", \"category\": \"tool\", \"aliases\": [\"sk-{i:05}\"]}}"))
        .collect();
    let lexicon = write(
        dir.path(),
        "big.json",
        format!(
            "{{\"schema_version\": 1, \"version\": \"big\", \"skills\": [{}]}}",
            skills.join(",")
        )
        .as_bytes(),
    );
    let cv = write(
        dir.path(),
        "cv.txt",
        b"SKILLS\nSkill04242, sk-99999, Java\n",
    );
    let json = json_of(
        skillgap()
            .args(["scan", "-f", "json", "--lexicon"])
            .arg(&lexicon)
            .arg(&cv)
            .output()
            .unwrap(),
    );
    assert_eq!(skill_names(&json), ["Skill04242", "Skill99999"]);
}

#[test]
fn a_posting_with_no_skills_and_an_empty_resume() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", b"SKILLS\nJava\n");
    let job = write(
        dir.path(),
        "job.txt",
        b"We are a friendly team that loves plants.",
    );
    let json = match_json(&cv, &job);
    assert!(json["score"].is_null(), "{json}");
    let empty = write(dir.path(), "empty.txt", b"  \n\n");
    let out = skillgap()
        .arg("match")
        .arg(&empty)
        .arg("--job")
        .arg(&job)
        .output()
        .unwrap();
    assert_one_clear_error(&out, &empty, "the file is empty");
}

#[test]
fn a_pdf_that_hangs_or_crashes_the_reader_in_a_single_file_command() {
    let dir = TempDir::new().unwrap();
    let bytes = pdf::text_pdf(&[vec!["SKILLS".into(), "Java".into()]]);
    let hang = write(dir.path(), "hang.pdf", &bytes);
    let crash = write(dir.path(), "crash.pdf", &bytes);
    let start = std::time::Instant::now();
    let out = skillgap()
        .env("SKILLGAP_TEST_HANG_ON", "hang.pdf")
        .args(["extract", "--file-timeout", "1"])
        .arg(&hang)
        .output()
        .unwrap();
    assert!(start.elapsed().as_secs() < 20);
    assert_one_clear_error(&out, &hang, "took longer than 1 s");
    let out = skillgap()
        .env("SKILLGAP_TEST_CRASH_ON", "crash.pdf")
        .arg("scan")
        .arg(&crash)
        .output()
        .unwrap();
    assert_one_clear_error(&out, &crash, "the worker processing this file died");
}

#[test]
fn inputs_are_never_written() {
    let dir = TempDir::new().unwrap();
    let cv = write(dir.path(), "cv.txt", b"SKILLS\nJava\n");
    let job = write(dir.path(), "job.txt", b"Requirements: Java");
    let before = (
        std::fs::read(&cv).unwrap(),
        std::fs::metadata(&cv).unwrap().modified().unwrap(),
    );
    for target in [&cv, &job] {
        let out = skillgap()
            .arg("match")
            .arg(&cv)
            .arg("--job")
            .arg(&job)
            .arg("-o")
            .arg(target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
    let after = (
        std::fs::read(&cv).unwrap(),
        std::fs::metadata(&cv).unwrap().modified().unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(std::fs::read(&job).unwrap(), b"Requirements: Java");
}
