//! Stage 1: bytes in, raw text out. The file type comes from the content, never the
//! extension, so a PDF named `cv.txt` is still read as a PDF.

mod docx;
mod guard;
mod html;
mod pdf;
mod pdf_hidden;
mod pdf_layout;
pub mod quality;
mod text;

use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use serde::Serialize;

use crate::error::{Error, Result};
pub use guard::contain_panics;
pub use pdf_layout::GlyphFacts;

/// The document formats skillgap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pdf,
    Docx,
    Html,
    Text,
}

impl Kind {
    /// The lowercase name used in JSON and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Docx => "docx",
            Kind::Html => "html",
            Kind::Text => "text",
        }
    }
}

/// Caps that keep one hostile file from eating the machine. The defaults are far
/// above anything a real resume or posting reaches.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest input file read at all, in bytes.
    pub max_file_bytes: u64,
    /// Largest total size the parts of a DOCX may expand to, in bytes.
    pub max_docx_bytes: u64,
    /// Pages read from a PDF; later pages are ignored.
    pub max_pages: usize,
    /// Characters of extracted text kept; the rest is cut.
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_docx_bytes: 100 * 1024 * 1024,
            max_pages: 50,
            max_text_chars: 2_000_000,
        }
    }
}

/// An input file's name (as the user gave it) and its bytes.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    /// Reads `path`, or standard input when `path` is `-`, refusing directories and
    /// files over the size limit before reading them.
    pub fn read(path: &Path, limits: &Limits) -> Result<Input> {
        let name = path.display().to_string();
        if name == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limits.max_file_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::from_io("<stdin>", e))?;
            check_size("<stdin>", bytes.len() as u64, limits)?;
            return Ok(Input {
                name: "<stdin>".into(),
                bytes,
            });
        }
        // Opened first, then asked its size: one path lookup per file, not two.
        let file = std::fs::File::open(path).map_err(|e| Error::from_io(&name, e))?;
        let meta = file.metadata().map_err(|e| Error::from_io(&name, e))?;
        if meta.is_dir() {
            return Err(Error::IsDirectory(name));
        }
        check_size(&name, meta.len(), limits)?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // A regular file is read as the size says, in one system call (no second read
        // to see the end); other files (pipes, /proc) until they end, within the cap.
        let limit = if meta.is_file() && meta.len() > 0 {
            meta.len()
        } else {
            limits.max_file_bytes + 1
        };
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::from_io(&name, e))?;
        check_size(&name, bytes.len() as u64, limits)?;
        Ok(Input { name, bytes })
    }

    /// Wraps text given on the command line (e.g. `--job-text`).
    pub fn from_text(name: &str, text: &str) -> Input {
        Input {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        }
    }
}

fn check_size(name: &str, len: u64, limits: &Limits) -> Result<()> {
    if len > limits.max_file_bytes {
        return Err(Error::TooLarge {
            path: name.to_string(),
            size_mb: len as f64 / (1024.0 * 1024.0),
            limit_mb: limits.max_file_bytes / (1024 * 1024),
        });
    }
    Ok(())
}

/// Text as the format gave it, before normalization.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Extracted {
    pub kind: Kind,
    /// Pages in the source: PDF pages read; 1 for other formats.
    pub pages: usize,
    /// Pages the PDF has in all (more than `pages` when `max_pages` cut it).
    pub total_pages: usize,
    pub text: String,
    /// What the page layout says about how an ATS will read the text.
    pub layout: Layout,
    /// Which PDF reader's text this is (PDFs only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<Engine>,
    /// The text of the glyphs a person cannot see but a parser reads (PDFs only:
    /// invisible render mode, white on the page, tiny, off the page), laid out like
    /// `text`, which keeps them too (an ATS reads them): what a keyword-stuffing
    /// check matches skills in. Counts by reason are in `layout.glyphs`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hidden_text: String,
}

/// The PDF readers: `pdf-extract` first, lopdf's text extraction behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum Engine {
    /// `pdf-extract`'s glyphs, laid out by position.
    #[serde(rename = "pdf-extract")]
    PdfExtract,
    /// lopdf's text operators in content order: read when pdf-extract fails or its
    /// text reads poorly.
    #[serde(rename = "lopdf")]
    Lopdf,
}

impl Engine {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::PdfExtract => "pdf-extract",
            Engine::Lopdf => "lopdf",
        }
    }
}

/// What the positions of text on the page show, for the readability checks: the
/// text alone cannot, since extraction flattens the page into lines.
///
/// Only PDFs have positions; other formats keep the default (nothing found).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Layout {
    /// 1-based pages whose lines start both at the left margin and, aligned, in the
    /// middle of the page: two columns that a parser may interleave or split.
    pub two_column_pages: Vec<usize>,
    /// 1-based pages with no text at all (scanned pages inside a text PDF).
    pub pages_without_text: Vec<usize>,
    /// Glyphs a person cannot see but a parser reads (tiny, off the page), and
    /// glyphs whose font gives no text for them.
    #[serde(default)]
    pub glyphs: GlyphFacts,
}

impl Layout {
    /// True when any page looks like two columns.
    pub fn two_columns(&self) -> bool {
        !self.two_column_pages.is_empty()
    }
}

/// Turns an input's bytes into text, by the format its content shows.
///
/// Panics inside the PDF library are caught and become [`Error::PdfCrash`]; endless
/// loops and stack overflows cannot be caught in-process, which is why `rank` runs
/// PDFs in worker processes with a time limit (see `read::isolated`).
pub fn extract(input: &Input, limits: &Limits) -> Result<Extracted> {
    extract_as(input, sniff(&input.bytes), limits, false)
}

/// [`extract`] for a job posting: a page saved from a browser also loses its side
/// panels and footer ("People also viewed", "Accessibility"), which a resume's HTML
/// may use for its own content (a skills sidebar).
pub fn extract_posting(input: &Input, limits: &Limits) -> Result<Extracted> {
    extract_as(input, sniff(&input.bytes), limits, true)
}

/// [`extract`] for what our own linear-time code reads (plain text, and files it
/// turns away); PDF, DOCX and HTML come back as `None`: `rank` reads those in a worker
/// process it can kill at the time limit, since a thread cannot be stopped and their
/// parsers are not ours (HTML parsing grows with the square of the nesting depth).
/// (Sniffing once: the PDF tests search the whole file.)
pub fn extract_unless_parsed(input: &Input, limits: &Limits) -> Option<Result<Extracted>> {
    match sniff(&input.bytes) {
        Sniffed::Pdf | Sniffed::Zip | Sniffed::Html => None,
        sniffed => Some(extract_as(input, sniffed, limits, false)),
    }
}

fn extract_as(
    input: &Input,
    sniffed: Sniffed,
    limits: &Limits,
    posting: bool,
) -> Result<Extracted> {
    let name = input.name.as_str();
    let bytes = input.bytes.as_slice();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty(name.to_string()));
    }
    let mut layout = Layout::default();
    let mut engine = None;
    let mut hidden_text = String::new();
    let (kind, pages, total_pages, mut text) = match sniffed {
        Sniffed::Pdf => {
            let pdf = pdf::extract(name, bytes, limits.max_pages)?;
            layout = pdf.layout;
            engine = Some(pdf.engine);
            hidden_text = pdf.hidden_text;
            (Kind::Pdf, pdf.pages_read, pdf.total_pages, pdf.text)
        }
        Sniffed::Zip => (Kind::Docx, 1, 1, docx::extract(name, bytes, limits)?),
        Sniffed::Html => (
            Kind::Html,
            1,
            1,
            html::extract(&text::decode(bytes), posting),
        ),
        Sniffed::Text => (Kind::Text, 1, 1, text::decode(bytes)),
        Sniffed::Unsupported(what) => {
            return Err(Error::Unsupported {
                path: name.to_string(),
                what: what.to_string(),
            })
        }
    };
    // A text has at most as many characters as bytes: count only when it could be over.
    for text in [&mut text, &mut hidden_text] {
        if text.len() > limits.max_text_chars && text.chars().count() > limits.max_text_chars {
            let cut = text
                .char_indices()
                .nth(limits.max_text_chars)
                .map_or(text.len(), |(i, _)| i);
            text.truncate(cut);
        }
    }
    Ok(Extracted {
        kind,
        pages,
        total_pages,
        text,
        layout,
        engine,
        hidden_text,
    })
}

/// What the first bytes say a file is.
#[derive(Debug, PartialEq, Eq)]
enum Sniffed {
    Pdf,
    Zip,
    Html,
    Text,
    Unsupported(&'static str),
}

fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    // Some producers put junk before the header; readers accept it within 1 KB.
    if has_pdf_header(head) {
        return Sniffed::Pdf;
    }
    const MAGIC: [(&[u8], &str); 8] = [
        (b"PK\x03\x04", ""),
        (b"\xD0\xCF\x11\xE0", "a legacy Word .doc or other OLE file"),
        (b"{\\rtf", "an RTF file"),
        (b"\x89PNG", "a PNG image; an ATS cannot read text in images"),
        (
            b"\xFF\xD8\xFF",
            "a JPEG image; an ATS cannot read text in images",
        ),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "an executable"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return if what.is_empty() {
                Sniffed::Zip
            } else {
                Sniffed::Unsupported(what)
            };
        }
    }
    // A PDF with a broken header still has its object syntax: call it a damaged PDF.
    let body = &bytes[..bytes.len().min(64 * 1024)];
    if has_pdf_objects(body) {
        return Sniffed::Pdf;
    }
    if text::looks_binary(bytes) {
        return Sniffed::Unsupported("binary data, not PDF, DOCX or text");
    }
    // HTML starts with `<` after an optional BOM and white space; most text starts
    // with another ASCII character and needs no closer look (a non-ASCII one may be
    // Unicode white space, which the test below skips).
    let first = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .trim_ascii_start()
        .first();
    if first.is_some_and(|&b| b.is_ascii() && b != b'<') {
        return Sniffed::Text;
    }
    let start = String::from_utf8_lossy(&head[..head.len().min(512)]).to_ascii_lowercase();
    let start = start.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with('<') && (start.contains("<body") || start.contains("<head")))
    {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// True when the content is read as a PDF: what the single-file commands send to a
/// worker process. The same sniffing as [`extract`], so the two never disagree.
pub fn is_pdf(bytes: &[u8]) -> bool {
    sniff(bytes) == Sniffed::Pdf
}

/// Substring searchers built once: `rank` sniffs every file, and building one took
/// as long as searching a resume with it.
static PDF_HEADER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"%PDF-"));
static PDF_MARK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"%PDF"));
static ENDOBJ: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"endobj"));
static XREF: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"xref"));

/// A PDF header (producers may put junk before it; readers accept it within 1 KB).
fn has_pdf_header(head: &[u8]) -> bool {
    PDF_HEADER.find(head).is_some()
}

/// PDF object syntax: a PDF with a broken header still has it.
fn has_pdf_objects(body: &[u8]) -> bool {
    ENDOBJ.find(body).is_some() && (PDF_MARK.find(body).is_some() || XREF.find(body).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(b"%PDF-1.4\n..."), Sniffed::Pdf);
        assert_eq!(sniff(b"junk\n%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Sniffed::Html);
        // Unicode white space before the markup, as the quick test must not misread.
        assert_eq!(sniff("\u{a0}<html><body>".as_bytes()), Sniffed::Html);
        assert_eq!(sniff(b"Jane Doe\nSkills: Java"), Sniffed::Text);
        assert!(matches!(
            sniff(b"\x00\x01\x02\x03\x04binary"),
            Sniffed::Unsupported(_)
        ));
        assert!(matches!(sniff(b"\x89PNG\r\n"), Sniffed::Unsupported(_)));
    }

    #[test]
    fn empty_and_whitespace_inputs_are_empty() {
        let err = extract(&Input::from_text("cv.txt", " \n\t"), &Limits::default()).unwrap_err();
        assert!(matches!(err, Error::Empty(_)));
    }

    #[test]
    fn text_is_cut_at_the_character_limit() {
        let limits = Limits {
            max_text_chars: 3,
            ..Limits::default()
        };
        let out = extract(&Input::from_text("a.txt", "héllo"), &limits).unwrap();
        assert_eq!(out.text, "hél");
    }
}
