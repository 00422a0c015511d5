//! PDF text through `pdf-extract` (glyphs laid out by position, see `pdf_layout`),
//! with lopdf's text extraction behind it, and the failures real files cause turned
//! into errors a user can act on: encrypted, damaged, scanned, or a crash in the parser.
//! While the text is written, [`LayoutRecorder`] notes where each line starts on the
//! page, so the readability checks can tell a two-column layout from real positions.

use lopdf::{Document, ObjectId};
use pdf_extract::{output_doc_page, ColorSpace, MediaBox, OutputDev, OutputError, Path, Transform};
use rustc_hash::FxHashSet;

use super::guard::contain_panics;
use super::pdf_hidden;
use super::pdf_layout::{GlyphCollector, GlyphFacts};
use super::quality::TextQuality;
use super::{Engine, Layout};
use crate::error::{Error, Result};

/// The text of the pages read.
pub struct PdfText {
    pub text: String,
    pub pages_read: usize,
    pub total_pages: usize,
    pub layout: Layout,
    /// The reader whose text this is.
    pub engine: Engine,
    /// The text of the glyphs a person cannot see (also in `text`): see `pdf_hidden`.
    pub hidden_text: String,
}

/// Fewer visible characters than this in the whole file means there is no text layer.
const MIN_TEXT_CHARS: usize = 20;

/// Extracts the text of at most `max_pages` pages. Pages are separated by a form feed
/// so page breaks survive into normalization.
///
/// `pdf-extract` reads first, its glyphs laid out by position; when it fails (an
/// error or a panic) or its text reads poorly (see [`TextQuality::is_poor`]), lopdf's
/// own text extraction reads the file too and the better text is kept.
pub fn extract(name: &str, bytes: &[u8], max_pages: usize) -> Result<PdfText> {
    let crash = |detail: String| Error::PdfCrash {
        path: name.to_string(),
        detail: first_line(&detail),
    };
    let doc = contain_panics(|| {
        load(name, bytes).map(|mut doc| {
            pdf_hidden::inflate_contents(&mut doc, max_pages);
            doc
        })
    })
    .map_err(crash)??;
    let first = contain_panics(|| read_glyphs(name, &doc, max_pages))
        .map_err(crash)
        .and_then(|r| r);
    let first_quality = first.as_ref().ok().map(|t| TextQuality::of(&t.text));
    if first_quality.as_ref().is_some_and(|q| !q.is_poor()) {
        return first;
    }
    let second = contain_panics(|| read_operators(name, &doc, max_pages))
        .ok()
        .and_then(|r| r.ok());
    match (first, second) {
        (Ok(first), Some(second)) => {
            let (q1, q2) = (
                first_quality.unwrap_or_default(),
                TextQuality::of(&second.text),
            );
            Ok(if q2.score() > q1.score() + 0.05 {
                second
            } else {
                first
            })
        }
        (Ok(first), None) => Ok(first),
        (Err(_), Some(second)) if !TextQuality::of(&second.text).is_poor() => Ok(second),
        (Err(err), _) => Err(err),
    }
}

/// Parses the file, refusing encrypted files and page trees that loop.
fn load(name: &str, bytes: &[u8]) -> Result<Document> {
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
    if let Some(problem) = page_tree_problem(&mut doc) {
        return Err(damaged(problem.into()));
    }
    Ok(doc)
}

/// Most page-tree nodes walked: far beyond any resume, and a bound on hostile trees.
const MAX_PAGE_TREE_NODES: usize = 100_000;

/// Makes the page tree safe to walk, or says why it cannot be.
///
/// A `/Kids` entry naming a page list already seen (the list itself, an ancestor, or
/// a list shared by two parents) is cut from the document in memory: readers walking
/// the tree would go round forever or repeat it exponentially, and without the entry
/// the pages read once, as pdftotext reads them. A page whose `/Parent` chain loops
/// cannot be repaired so simply (its inherited media box and resources are lost in
/// the loop, and a reader climbing the chain never stops): that is the damaged file's
/// error. Both are found with a set of the nodes seen, before any reader starts.
fn page_tree_problem(doc: &mut Document) -> Option<&'static str> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())?;
    let mut seen: FxHashSet<ObjectId> = FxHashSet::default();
    seen.insert(root);
    let mut stack = vec![root];
    let mut pages = Vec::new();
    while let Some(id) = stack.pop() {
        if seen.len() > MAX_PAGE_TREE_NODES {
            return Some("the page tree is too large");
        }
        let kids = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Kids").ok())
            .and_then(|k| doc.dereference(k).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .cloned();
        let Some(kids) = kids else {
            pages.push(id);
            continue;
        };
        let mut kept = Vec::with_capacity(kids.len());
        for kid in kids {
            if let Ok(kid_id) = kid.as_reference() {
                let is_list = doc.get_dictionary(kid_id).is_ok_and(|d| d.has(b"Kids"));
                let first_time = seen.insert(kid_id);
                if is_list && !first_time {
                    continue;
                }
                if is_list {
                    stack.push(kid_id);
                } else if first_time {
                    pages.push(kid_id);
                }
            }
            kept.push(kid);
        }
        let cut = doc
            .get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"Kids").ok())
            .and_then(|k| doc.dereference(k).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .is_some_and(|all| all.len() != kept.len());
        if cut {
            if let Ok(node) = doc.get_dictionary_mut(id) {
                node.set("Kids", kept);
            }
        }
    }
    // Nodes whose /Parent chain is known to end; each chain is walked once.
    let mut ends: FxHashSet<ObjectId> = FxHashSet::default();
    for page in pages {
        let mut chain: FxHashSet<ObjectId> = FxHashSet::default();
        let mut at = Some(page);
        while let Some(id) = at.filter(|id| !ends.contains(id)) {
            if !chain.insert(id) {
                return Some("the page tree loops: a page's /Parent chain comes back to itself");
            }
            at = doc
                .get_dictionary(id)
                .ok()
                .and_then(|d| d.get(b"Parent").ok())
                .and_then(|p| p.as_reference().ok());
        }
        ends.extend(chain);
    }
    None
}

/// Reads with `pdf-extract`, laying each page's glyphs out by position.
fn read_glyphs(name: &str, doc: &Document, max_pages: usize) -> Result<PdfText> {
    let damaged = |detail: String| Error::DamagedPdf {
        path: name.to_string(),
        detail: first_line(&detail),
    };
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(damaged("no pages found".into()));
    }
    let mut text = String::new();
    let mut pages_read = 0;
    let mut last_error = None;
    let mut layout = Layout::default();
    let mut facts = GlyphFacts::default();
    let mut hidden_text = String::new();
    for (&number, &page) in pages.iter().take(max_pages) {
        // A failure of the hidden-text pass costs its labels, never the page.
        let marks = contain_panics(|| pdf_hidden::page_marks(doc, page))
            .ok()
            .flatten();
        let mut output = LayoutRecorder::new(GlyphCollector::with_marks(marks));
        match output_doc_page(doc, &mut output, number) {
            Ok(()) => {
                pages_read += 1;
                let page_number = pages_read;
                if output.looks_two_column() {
                    layout.two_column_pages.push(page_number);
                }
                let page = output.inner.take_page();
                facts.add(&output.inner.facts);
                let hidden = output.inner.take_hidden();
                if !hidden.trim().is_empty() {
                    hidden_text.push_str(&hidden);
                }
                if page.trim().is_empty() {
                    layout.pages_without_text.push(page_number);
                }
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
    layout.glyphs = facts;
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if visible < MIN_TEXT_CHARS {
        // Glyphs were drawn, but their fonts say nothing of the letters they show.
        if layout.glyphs.unmapped >= MIN_TEXT_CHARS {
            return Err(Error::NoTextMapping(name.to_string()));
        }
        return Err(Error::NoTextLayer(name.to_string()));
    }
    Ok(PdfText {
        text,
        pages_read,
        total_pages: pages.len(),
        layout,
        engine: Engine::PdfExtract,
        hidden_text,
    })
}

/// Reads with lopdf's own text extraction: the text operators in content order,
/// decoded by each font's encoding. It has no positions (so no layout facts), but it
/// survives fonts and content that make `pdf-extract` fail.
fn read_operators(name: &str, doc: &Document, max_pages: usize) -> Result<PdfText> {
    let pages = doc.get_pages();
    let numbers: Vec<u32> = pages.keys().take(max_pages).copied().collect();
    let mut text = String::new();
    let mut layout = Layout::default();
    for (i, &number) in numbers.iter().enumerate() {
        let chunks = doc.extract_text_chunks(&[number]);
        let page: String = chunks.into_iter().filter_map(|c| c.ok()).collect();
        if page.trim().is_empty() {
            layout.pages_without_text.push(i + 1);
        }
        if !text.is_empty() {
            text.push('\x0c');
        }
        text.push_str(&page);
    }
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if visible < MIN_TEXT_CHARS {
        return Err(Error::NoTextLayer(name.to_string()));
    }
    Ok(PdfText {
        text,
        pages_read: numbers.len(),
        total_pages: pages.len(),
        layout,
        engine: Engine::Lopdf,
        hidden_text: String::new(),
    })
}

/// An [`OutputDev`] that passes everything to the plain-text writer and, on the side,
/// records where each run of text starts across the page (0 = left edge, 1 = right).
///
/// One pass gives both the text and the positions; pdf-extract's text alone cannot
/// show columns, because it flattens them into lines.
struct LayoutRecorder<D> {
    inner: D,
    /// Page width and left edge, from the media box.
    width: f64,
    left: f64,
    /// Fractions of the page width where runs of text start, in drawing order.
    line_starts: Vec<f64>,
    /// Baseline and right end of the previous character drawn.
    last: Option<(f64, f64)>,
}

impl<D: OutputDev> LayoutRecorder<D> {
    fn new(inner: D) -> Self {
        LayoutRecorder {
            inner,
            width: 0.0,
            left: 0.0,
            line_starts: Vec::new(),
            last: None,
        }
    }

    /// True when the page reads as two columns; see [`two_columns`].
    fn looks_two_column(&self) -> bool {
        two_columns(&self.line_starts)
    }
}

impl<D: OutputDev> OutputDev for LayoutRecorder<D> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> std::result::Result<(), OutputError> {
        self.width = media_box.urx - media_box.llx;
        self.left = media_box.llx;
        self.last = None;
        self.inner.begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> std::result::Result<(), OutputError> {
        self.inner.end_page()
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> std::result::Result<(), OutputError> {
        // The text matrix maps glyph space to the page: its translation is where the
        // glyph sits, its scale (the square root of the determinant) the size drawn.
        let (x, y) = (trm.m31, trm.m32);
        let size = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt() * font_size;
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            font_size.abs().max(1.0)
        };
        let visible = !char.trim().is_empty();
        if visible && self.width > 0.0 {
            // A new run of text: the baseline moved by half a glyph or more, the pen
            // went back left of where the previous glyph ended, or it jumped right
            // over a gap wider than a few spaces (a column drawn row by row).
            let starts_line = match self.last {
                None => true,
                Some((last_y, last_end)) => {
                    (y - last_y).abs() > size * 0.5
                        || x < last_end - size
                        || x > last_end + size * 1.5
                }
            };
            if starts_line {
                self.line_starts.push((x - self.left) / self.width);
            }
            self.last = Some((y, x + width * size));
        }
        self.inner
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> std::result::Result<(), OutputError> {
        self.inner.begin_word()
    }

    fn end_word(&mut self) -> std::result::Result<(), OutputError> {
        self.inner.end_word()
    }

    fn end_line(&mut self) -> std::result::Result<(), OutputError> {
        self.inner.end_line()
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> std::result::Result<(), OutputError> {
        self.inner.stroke(ctm, colorspace, color, path)
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> std::result::Result<(), OutputError> {
        self.inner.fill(ctm, colorspace, color, path)
    }
}

/// Fewest lines starting at one place mid-page that make a column (a handful of
/// centred headings or a name never reach it).
const MIN_COLUMN_LINES: usize = 8;

/// Decides from where the lines of one page start whether it has two columns.
///
/// A second column shows as many lines starting at the same place in the middle
/// band of the page (a quarter to 70 % across) while other lines start at the left
/// margin. Both sides must hold at least a fifth of the page's lines, and the
/// middle starts must line up (within 2 % of the width), which centred headings
/// and right-aligned dates (they share a baseline with text to their left, so they
/// start no line) do not.
fn two_columns(starts: &[f64]) -> bool {
    let total = starts.len();
    if total < 2 * MIN_COLUMN_LINES {
        return false;
    }
    let left = starts.iter().filter(|&&x| x < 0.2).count();
    // Middle starts in 1 %-wide bins; a column edge fills one bin and its neighbours.
    let mut bins = [0usize; 101];
    for &x in starts.iter().filter(|&&x| (0.25..=0.7).contains(&x)) {
        bins[(x * 100.0).round() as usize] += 1;
    }
    let aligned = (1..100)
        .map(|i| bins[i - 1] + bins[i] + bins[i + 1])
        .max()
        .unwrap_or(0);
    aligned >= MIN_COLUMN_LINES && aligned * 5 >= total && left * 5 >= total
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

#[cfg(test)]
mod tests {
    use super::two_columns;

    #[test]
    fn aligned_mid_page_starts_beside_left_starts_are_two_columns() {
        let mut starts = vec![0.08; 20];
        starts.extend(vec![0.54; 20]);
        assert!(two_columns(&starts));
    }

    #[test]
    fn one_column_with_centred_headings_is_not() {
        let mut starts = vec![0.08; 40];
        starts.extend([0.41, 0.38, 0.45, 0.43, 0.40, 0.36, 0.47, 0.42]);
        assert!(!two_columns(&starts));
        assert!(!two_columns(&[0.08; 60]));
    }

    #[test]
    fn a_short_page_says_nothing() {
        let mut starts = vec![0.08; 5];
        starts.extend(vec![0.54; 5]);
        assert!(!two_columns(&starts));
    }
}
