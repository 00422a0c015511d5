//! Regenerates `examples/resume.pdf` and `examples/resume.docx` from
//! `examples/resume.txt`, so the three formats of the sample CV always agree.
//!
//! Run with `cargo run --example make_examples`.

use std::error::Error;
use std::fs;
use std::path::Path;

// The fixture builders live with the tests; this program uses only some of them.
#[allow(dead_code)]
#[path = "../tests/common/docx.rs"]
mod docx;
#[allow(dead_code)]
#[path = "../tests/common/pdf.rs"]
mod pdf;

/// Lines per PDF page; matches the page geometry of `pdf::text_pdf`.
const LINES_PER_PAGE: usize = 55;
/// Longest line drawn in the PDF; 10 pt Helvetica fits about this many characters.
const WRAP_AT: usize = 95;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let text = fs::read_to_string(dir.join("resume.txt"))?;
    let lines: Vec<&str> = text.lines().collect();

    let pdf_lines: Vec<String> = lines.iter().flat_map(|line| wrap(line, WRAP_AT)).collect();
    let pages: Vec<Vec<String>> = pdf_lines
        .chunks(LINES_PER_PAGE)
        .map(<[String]>::to_vec)
        .collect();
    let pdf_path = dir.join("resume.pdf");
    fs::write(&pdf_path, pdf::text_pdf(&pages))?;
    println!("wrote {} ({} pages)", pdf_path.display(), pages.len());

    // Word puts contact details in the page header more often than not, and ATS
    // parsers are known to miss them there, so the example does the same.
    let contact = lines.iter().copied().find(|line| line.contains('@'));
    let body: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| Some(*line) != contact)
        .collect();
    let docx_path = dir.join("resume.docx");
    fs::write(&docx_path, docx::docx(&body, &[], contact, None))?;
    println!("wrote {} ({} paragraphs)", docx_path.display(), body.len());
    Ok(())
}

/// Splits `line` at spaces into pieces of at most `width` characters; continuation
/// pieces are indented by two spaces, like a hanging bullet.
fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        let candidate_len = current.chars().count() + 1 + word.chars().count();
        if !current.trim().is_empty() && candidate_len > width {
            out.push(std::mem::replace(&mut current, String::from(" ")));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    out.push(current);
    out
}
