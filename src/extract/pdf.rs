//! PDF text through `pdf-extract`, with the failures real files cause turned into
//! errors a user can act on: encrypted, damaged, scanned, or a crash in the parser.

use lopdf::Document;
use pdf_extract::{output_doc_page, PlainTextOutput};

use super::guard::contain_panics;
use crate::error::{Error, Result};

/// The text of the pages read.
pub struct PdfText {
    pub text: String,
    pub pages_read: usize,
    pub total_pages: usize,
}

/// Fewer visible characters than this in the whole file means there is no text layer.
const MIN_TEXT_CHARS: usize = 20;

/// Extracts the text of at most `max_pages` pages. Pages are separated by a form feed
/// so page breaks survive into normalization.
pub fn extract(name: &str, bytes: &[u8], max_pages: usize) -> Result<PdfText> {
    let crash = |detail: String| Error::PdfCrash {
        path: name.to_string(),
        detail: first_line(&detail),
    };
    contain_panics(|| extract_unguarded(name, bytes, max_pages)).map_err(crash)?
}

fn extract_unguarded(name: &str, bytes: &[u8], max_pages: usize) -> Result<PdfText> {
    let damaged = |detail: String| Error::DamagedPdf {
        path: name.to_string(),
        detail: first_line(&detail),
    };
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(err) if is_password_error(&err) => return Err(Error::Encrypted(name.to_string())),
        Err(err) => return Err(damaged(err.to_string())),
    };
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(Error::Encrypted(name.to_string()));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged("no pages found".into()));
    }
    let mut text = String::new();
    let mut pages_read = 0;
    let mut last_error = None;
    for &number in pages.keys().take(max_pages) {
        let mut page = String::new();
        let mut output = PlainTextOutput::new(&mut page);
        match output_doc_page(&doc, &mut output, number) {
            Ok(()) => {
                pages_read += 1;
                if !text.is_empty() {
                    text.push('\x0c');
                }
                text.push_str(&page);
            }
            Err(err) => last_error = Some(err.to_string()),
        }
    }
    if pages_read == 0 {
        return Err(damaged(
            last_error.unwrap_or_else(|| "no readable page".into()),
        ));
    }
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if visible < MIN_TEXT_CHARS {
        return Err(Error::NoTextLayer(name.to_string()));
    }
    Ok(PdfText {
        text,
        pages_read,
        total_pages: pages.len(),
    })
}

fn is_password_error(err: &lopdf::Error) -> bool {
    matches!(
        err,
        lopdf::Error::Decryption(_)
            | lopdf::Error::InvalidPassword
            | lopdf::Error::UnsupportedSecurityHandler(_)
    )
}

fn first_line(detail: &str) -> String {
    let line = detail.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(120).collect();
    if short.is_empty() {
        short = "unknown reason".into();
    }
    short
}
