//! Text a reader cannot see but a parser reads (keyword stuffing in a PDF): white on
//! the page, an invisible render mode, inside a form, and what is not hidden (white on
//! a dark band, an ordinary resume). `extract --format json` shows the hidden text and
//! the counts; the main text keeps every word, as an ATS reads it.

mod common;

use common::cli::{json_of, skillgap, write};
use common::pdf::{hidden_line_pdf, text_pdf, Hiding};
use tempfile::TempDir;

const STUFFED: &str = "Kafka RabbitMQ Kubernetes Terraform Elasticsearch GraphQL";
const AFTER: &str = "Education: BSc Computer Science, Lund University, 2016";

fn resume() -> Vec<String> {
    [
        "Maya Lindqvist - Backend Engineer",
        "maya.lindqvist@example.org",
        "Experience",
        "Nordbank, Backend Engineer, 2019 - 2024",
        "Built payment services in Python and Django, cutting latency by 40%.",
        "Moved nightly batch jobs to Celery with Redis.",
    ]
    .map(String::from)
    .to_vec()
}

fn extract_json(bytes: Vec<u8>) -> serde_json::Value {
    let dir = TempDir::new().unwrap();
    let pdf = write(dir.path(), "cv.pdf", bytes);
    json_of(
        skillgap()
            .args(["extract", "--format", "json"])
            .arg(&pdf)
            .output()
            .unwrap(),
    )
}

fn letters(text: &str) -> u64 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u64
}

/// Every visible line and the hidden one are in the main text.
fn assert_all_text_kept(json: &serde_json::Value) {
    let text = json["text"].as_str().unwrap();
    for line in resume().iter().map(String::as_str).chain([STUFFED, AFTER]) {
        assert!(text.contains(line), "{line:?} missing from {text:?}");
    }
}

#[test]
fn white_keyword_line_is_hidden_text_and_stays_in_the_text() {
    let json = extract_json(hidden_line_pdf(&resume(), STUFFED, Hiding::WhiteRgb, AFTER));
    assert_eq!(json["hidden_text"], format!("{STUFFED}\n"));
    assert_all_text_kept(&json);
    let glyphs = &json["glyphs"];
    assert_eq!(glyphs["page_colour"], letters(STUFFED));
    assert_eq!(glyphs["invisible"], 0);
    assert_eq!(glyphs["hidden"], letters(STUFFED));
}

#[test]
fn invisible_render_mode_is_hidden_text() {
    let json = extract_json(hidden_line_pdf(
        &resume(),
        STUFFED,
        Hiding::Invisible,
        AFTER,
    ));
    assert_eq!(json["hidden_text"], format!("{STUFFED}\n"));
    assert_all_text_kept(&json);
    assert_eq!(json["glyphs"]["invisible"], letters(STUFFED));
    assert_eq!(json["glyphs"]["page_colour"], 0);
}

#[test]
fn white_text_inside_a_form_xobject_is_hidden_text() {
    let json = extract_json(hidden_line_pdf(
        &resume(),
        STUFFED,
        Hiding::WhiteInForm,
        AFTER,
    ));
    assert_eq!(json["hidden_text"], format!("{STUFFED}\n"));
    assert_all_text_kept(&json);
    assert_eq!(json["glyphs"]["page_colour"], letters(STUFFED));
}

#[test]
fn invisible_text_over_an_image_is_a_scans_ocr_layer_not_hidden() {
    let json = extract_json(hidden_line_pdf(
        &resume(),
        STUFFED,
        Hiding::InvisibleOverImage,
        AFTER,
    ));
    assert_eq!(json["hidden_text"], "");
    assert_all_text_kept(&json);
    assert_eq!(json["glyphs"]["invisible"], 0);
    assert_eq!(json["glyphs"]["hidden"], 0);
}

#[test]
fn tiny_text_is_hidden_text_too() {
    let json = extract_json(hidden_line_pdf(&resume(), STUFFED, Hiding::Tiny, AFTER));
    assert_eq!(json["hidden_text"], format!("{STUFFED}\n"));
    assert_all_text_kept(&json);
    assert_eq!(json["glyphs"]["tiny"], letters(STUFFED));
    assert_eq!(json["glyphs"]["hidden"], letters(STUFFED));
}

#[test]
fn white_on_a_dark_band_is_seen() {
    let json = extract_json(hidden_line_pdf(
        &resume(),
        STUFFED,
        Hiding::WhiteOnDarkBox,
        AFTER,
    ));
    assert_eq!(json["hidden_text"], "");
    assert_all_text_kept(&json);
    assert_eq!(json["glyphs"]["page_colour"], 0);
    assert_eq!(json["glyphs"]["hidden"], 0);
}

#[test]
fn an_ordinary_resume_has_no_hidden_text() {
    let json = extract_json(text_pdf(&[resume()]));
    assert_eq!(json["hidden_text"], "");
    let glyphs = &json["glyphs"];
    assert!(glyphs["glyphs"].as_u64().unwrap() > 150, "{glyphs}");
    for reason in ["invisible", "page_colour", "tiny", "off_page", "hidden"] {
        assert_eq!(glyphs[reason], 0, "{reason}: {glyphs}");
    }
}

#[test]
fn plain_text_has_no_glyph_counts() {
    let dir = TempDir::new().unwrap();
    let txt = write(dir.path(), "cv.txt", resume().join("\n"));
    let json = json_of(
        skillgap()
            .args(["extract", "--format", "json"])
            .arg(&txt)
            .output()
            .unwrap(),
    );
    assert_eq!(json["hidden_text"], "");
    assert!(json["glyphs"].is_null());
}

/// PDFs rendered by real producers (scripts/make-hidden-pdfs.sh): a resume whose
/// keyword line is white; Chromium draws it with `1 1 1 rg`, Writer (the DOCX route)
/// with `1 1 1 rg`, pdfTeX with `1 g`. The white contact text on a dark sidebar or
/// table cell (Chromium, Writer) is seen, so not hidden.
#[test]
fn white_text_from_real_producers_is_found_and_white_on_dark_is_not() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hidden");
    for name in [
        "chromium-white.pdf",
        "writer-docx-white.pdf",
        "pdftex-white.pdf",
    ] {
        let json = json_of(
            skillgap()
                .args(["extract", "--format", "json"])
                .arg(fixtures.join(name))
                .output()
                .unwrap(),
        );
        assert_eq!(json["hidden_text"], format!("{STUFFED}\n"), "{name}");
        assert_eq!(json["glyphs"]["page_colour"], letters(STUFFED), "{name}");
        let text = json["text"].as_str().unwrap();
        assert!(text.contains(STUFFED), "{name}: {text}");
        assert!(
            text.contains("maya.lindqvist@example.org"),
            "{name}: {text}"
        );
        assert!(text.contains("Built payment services"), "{name}: {text}");
    }
}

#[test]
fn the_hidden_words_still_count_as_an_ats_reads_them() {
    let dir = TempDir::new().unwrap();
    let pdf = write(
        dir.path(),
        "cv.pdf",
        hidden_line_pdf(&resume(), STUFFED, Hiding::WhiteRgb, AFTER),
    );
    let json = common::cli::scan_json(&pdf);
    let skills = common::cli::skill_set(&json);
    for skill in ["Terraform", "GraphQL", "Django"] {
        assert!(skills.contains(skill), "{skill}: {skills:?}");
    }
}
