//! `skillgap extract` as a user runs it: the text of each format, and every kind of
//! bad input ending in one clear sentence and exit code 2 (or text, where readable).

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::cli::{examples, json_of, write};
use common::{docx, pdf};
use predicates::prelude::*;
use tempfile::TempDir;

/// The shared `skillgap` command with `NO_COLOR` removed, so the exact-text checks
/// here hold without it: output to a pipe must be plain on its own.
fn skillgap() -> Command {
    let mut cmd = common::cli::skillgap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn extract_text(path: &Path) -> String {
    let out = skillgap().arg("extract").arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '•')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

/// Runs `extract` on a bad file: exit 2, one line on stderr naming the file and the
/// problem, and never a panic message.
fn assert_refused(path: &Path, problem: &str) {
    let out = skillgap().arg("extract").arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one sentence: {stderr}"
    );
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(problem), "says {problem:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_three_example_formats_give_the_same_words() {
    let txt = words(&extract_text(&examples().join("resume.txt")));
    let pdf = words(&extract_text(&examples().join("resume.pdf")));
    let docx = words(&extract_text(&examples().join("resume.docx")));
    assert!(txt.len() > 500, "{}", txt.len());
    assert_eq!(txt, pdf, "PDF words differ");
    assert_eq!(txt, docx, "DOCX words differ");
}

#[test]
fn json_output_describes_the_extraction() {
    let json = json_of(
        skillgap()
            .args(["extract", "--format", "json"])
            .arg(examples().join("resume.pdf"))
            .output()
            .unwrap(),
    );
    assert_eq!(json["kind"], "pdf");
    assert_eq!(json["pages"], 2);
    assert!(json["words"].as_u64().unwrap() > 500);
    assert!(json["chars"].as_u64().unwrap() > json["words"].as_u64().unwrap());
    assert!(json["text"].as_str().unwrap().contains("JORDAN AVERY"));
}

#[test]
fn type_comes_from_content_not_the_extension() {
    let dir = TempDir::new().unwrap();
    let pdf_named_txt = write(
        dir.path(),
        "cv.txt",
        pdf::text_pdf(&[vec!["Hidden PDF resume text with Kafka and Java".into()]]),
    );
    let out = skillgap()
        .args(["extract", "-f", "json"])
        .arg(&pdf_named_txt)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["kind"], "pdf");
    assert!(json["text"].as_str().unwrap().contains("Kafka"));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    skillgap()
        .args(["extract", "-"])
        .write_stdin("Senior engineer\u{00A0}with \u{FB01}ve years of Go")
        .assert()
        .success()
        .stdout("Senior engineer with five years of Go\n");
}

#[test]
fn raw_shows_the_text_before_normalization() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "ligature.pdf",
        pdf::text_pdf(&[vec!["Senior engineer with \u{FB01}ve years of Go".into()]]),
    );
    let raw = skillgap()
        .args(["extract", "--raw"])
        .arg(&path)
        .output()
        .unwrap();
    let raw = String::from_utf8(raw.stdout).unwrap();
    assert!(raw.contains("\u{FB01}ve"), "{raw}");
    assert!(extract_text(&path).contains("five years"));
}

#[test]
fn letter_spaced_headings_are_read_as_words_from_their_positions() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "styled.pdf",
        pdf::letter_spaced_pdf("SENIOR  ENGINEER\njohn.doe@mail.com"),
    );
    let raw = skillgap()
        .args(["extract", "--raw"])
        .arg(&path)
        .output()
        .unwrap();
    let raw = String::from_utf8(raw.stdout).unwrap();
    assert!(raw.contains("SENIOR ENGINEER"), "{raw}");
    assert!(raw.contains("john.doe@mail.com"), "{raw}");
}

#[test]
fn docx_headers_tables_and_footers_are_read_in_order() {
    let dir = TempDir::new().unwrap();
    let bytes = docx::docx(
        &["Summary", "Backend engineer"],
        &[
            vec!["Languages", "Java, Go"],
            vec!["Databases", "PostgreSQL"],
        ],
        Some("Jane Roe - jane@example.com"),
        Some("Page footer text"),
    );
    let text = extract_text(&write(dir.path(), "cv.docx", &bytes));
    let header = text.find("Jane Roe").unwrap();
    let body = text.find("Backend engineer").unwrap();
    let table = text.find("Languages | Java, Go").unwrap();
    let footer = text.find("Page footer").unwrap();
    assert!(header < body && body < table && table < footer, "{text}");
}

#[test]
fn html_postings_lose_their_tags() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "posting.html",
        b"<!DOCTYPE html><html><body><h1>Backend Engineer</h1><p>Java &amp; Kafka</p><script>alert(1)</script></body></html>",
    );
    let text = extract_text(&path);
    assert!(text.contains("Java & Kafka"), "{text}");
    assert!(!text.contains("alert"), "{text}");
}

#[test]
fn text_in_other_encodings_is_decoded_not_rejected() {
    let dir = TempDir::new().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"Jos\xE9 Mu\xF1oz \x96 Java developer\n",
    );
    assert_eq!(extract_text(&latin1), "José Muñoz - Java developer\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Kotlin and Go\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let utf16 = write(dir.path(), "utf16.txt", &utf16);
    assert_eq!(extract_text(&utf16), "Kotlin and Go\n");
}

#[test]
fn an_encrypted_pdf_with_an_empty_user_password_is_read() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "open.pdf", pdf::encrypted_pdf(""));
    assert!(extract_text(&path).contains("Jordan Avery"));
}

#[test]
fn missing_file() {
    assert_refused(Path::new("no/such/resume.pdf"), "no such file");
}

#[test]
fn a_directory() {
    let dir = TempDir::new().unwrap();
    assert_refused(dir.path(), "is a directory");
}

#[test]
fn an_empty_file() {
    let dir = TempDir::new().unwrap();
    assert_refused(&write(dir.path(), "empty.txt", b""), "the file is empty");
}

#[test]
fn binary_garbage_named_pdf() {
    let dir = TempDir::new().unwrap();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert_refused(&write(dir.path(), "cv.pdf", &garbage), "binary data");
}

#[test]
fn a_truncated_pdf() {
    let dir = TempDir::new().unwrap();
    let whole = std::fs::read(examples().join("resume.pdf")).unwrap();
    assert_refused(
        &write(dir.path(), "cut.pdf", pdf::truncated(&whole)),
        "damaged PDF",
    );
}

#[test]
fn a_pdf_encrypted_with_a_password() {
    let dir = TempDir::new().unwrap();
    assert_refused(
        &write(dir.path(), "locked.pdf", pdf::encrypted_pdf("s3cret")),
        "encrypted",
    );
}

#[test]
fn a_scanned_pdf_without_text() {
    let dir = TempDir::new().unwrap();
    assert_refused(
        &write(dir.path(), "scan.pdf", pdf::image_only_pdf()),
        "no text layer: the PDF looks scanned; an ATS cannot read it either",
    );
}

#[test]
fn a_docx_that_is_not_a_zip_is_read_as_the_text_it_is() {
    // Content decides: a text file named .docx is text, not an error.
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "cv.docx", docx::not_a_zip_docx());
    let out = skillgap().arg("extract").arg(&path).output().unwrap();
    assert!(out.status.success());
}

#[test]
fn a_zip_that_is_not_a_word_document() {
    let dir = TempDir::new().unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_refused(&write(dir.path(), "cv.docx", &bytes), "not a valid DOCX");
}

#[test]
fn a_zip_bomb_posing_as_docx() {
    let dir = TempDir::new().unwrap();
    assert_refused(
        &write(dir.path(), "bomb.docx", docx::zip_bomb_docx()),
        "possible zip bomb",
    );
}

#[test]
fn a_file_over_the_size_limit() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "big.txt", vec![b'a'; 2 * 1024 * 1024 + 10]);
    let out = skillgap()
        .args(["extract", "--max-file-size", "2"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the 2 MB limit"));
}

#[test]
fn help_version_completions_and_man_page() {
    for sub in ["extract", "scan", "match", "rank", "lexicon"] {
        skillgap()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    skillgap()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("skillgap "));
    for shell in ["bash", "zsh", "fish", "powershell"] {
        skillgap()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("skillgap"));
    }
    skillgap()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH skillgap"));
}

#[test]
fn unsupported_format_is_a_usage_error() {
    skillgap()
        .args(["extract", "--format", "csv"])
        .arg(examples().join("resume.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value 'csv' for '--format <FORMAT>'",
        ))
        .stderr(predicate::str::contains("[possible values: text, json]"));
}

/// Found by fuzzing (issue 8, `fuzz/` target `extract`): a form XObject that draws
/// itself sends pdf-extract into endless recursion, which no in-process guard can
/// stop. The PDF is read in a worker process; its death is one error sentence.
#[test]
fn a_pdf_whose_form_draws_itself_is_an_error_not_a_crash() {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let form_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let bbox = vec![0.into(), 0.into(), 612.into(), 792.into()];
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => bbox.clone() },
        b"BT /F1 10 Tf 50 700 Td (Skills: Java, Kafka) Tj ET /X1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let content_id = doc.add_object(Stream::new(dictionary! {}, b"/X1 Do".to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => bbox,
        "Contents" => content_id,
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => font_id },
            "XObject" => dictionary! { "X1" => form_id },
        },
    });
    let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "self drawing.pdf", bytes);
    for command in ["extract", "scan"] {
        let out = skillgap().arg(command).arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{command}: {stderr}");
        assert!(stderr.contains("self drawing.pdf"), "{command}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("note:"),
            "{command}: {stderr}"
        );
    }
}

/// Writes a PDF from numbered object bodies, with a classic xref table, or with an
/// xref stream when `compressed` lists objects said to live in an object stream
/// (`(object, container)`). Returns the bytes.
fn raw_pdf(objects: &[(u32, &[u8])], compressed: &[(u32, u32)]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (number, body) in objects {
        offsets.insert(*number, pdf.len());
        pdf.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = pdf.len();
    if compressed.is_empty() {
        let size = objects.len() + 1;
        pdf.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
        for offset in offsets.values() {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(format!("trailer\n<< /Size {size} /Root 1 0 R >>\n").as_bytes());
    } else {
        // Entries of 1 + 4 + 2 bytes: type, offset or container, generation or index.
        let xref_number = objects.len() as u32 + compressed.len() as u32 + 1;
        offsets.insert(xref_number, xref_at);
        let mut entries = vec![0, 0, 0, 0, 0, 0xff, 0xff];
        for number in 1..=xref_number {
            let (kind, field) = match compressed.iter().find(|(n, _)| *n == number) {
                Some(&(_, container)) => (2u8, container as usize),
                None => (1u8, offsets[&number]),
            };
            entries.push(kind);
            entries.extend_from_slice(&(field as u32).to_be_bytes());
            entries.extend_from_slice(&[0, 0]);
        }
        pdf.extend_from_slice(
            format!(
                "{xref_number} 0 obj\n<< /Type /XRef /Size {} /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
                xref_number + 1,
                entries.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&entries);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
    }
    pdf.extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
    pdf
}

/// Runs `extract` on `bytes` and checks the failure is one sentence naming the file,
/// exit code 2, with no panic or runtime note.
fn fails_in_one_sentence(bytes: Vec<u8>, name: &str) {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), name, bytes);
    let out = skillgap()
        .args(["--file-timeout", "5", "extract"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(name), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("note:"),
        "{stderr}"
    );
}

/// Found by fuzzing (issue 8, target `extract_pdf`): an object said to live in an
/// object stream that is itself (lopdf's cycle check starts afresh for each object
/// stream), reached through a stream's indirect `/Length`: lopdf recurses until the
/// stack overflows. The worker process dies; skillgap reports it.
#[test]
fn a_pdf_whose_object_stream_contains_itself_is_an_error_not_a_crash() {
    let pdf = raw_pdf(
        &[
            (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
            (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (
                3,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            ),
            (4, b"<< /Length 5 0 R >>\nstream\nBT ET\nendstream"),
        ],
        &[(5, 5)],
    );
    fails_in_one_sentence(pdf, "object stream loop.pdf");
}

/// Found by fuzzing (issue 8, target `extract_pdf`): a page with no media box whose
/// `/Parent` chain loops. lopdf reads the page tree from the top and copes, but
/// pdf-extract follows `/Parent` upwards for the inherited media box without end
/// (a loop in an optimised build, a stack overflow otherwise). The worker is
/// stopped at the time limit or dies; either way one error sentence.
#[test]
fn a_pdf_whose_page_parent_chain_loops_is_an_error_not_a_hang() {
    let pdf = raw_pdf(
        &[
            (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
            (
                2,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>",
            ),
            (3, b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"),
            (4, b"<< /Length 5 >>\nstream\nBT ET\nendstream"),
        ],
        &[],
    );
    fails_in_one_sentence(pdf, "parent loop.pdf");
}
