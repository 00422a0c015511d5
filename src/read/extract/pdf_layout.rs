//! Words and lines laid out from where `pdf-extract` says each glyph is drawn.
//!
//! A PDF holds glyphs at positions, not text: some producers draw a space character
//! between words, others (LibreOffice's justified text, many LaTeX and browser
//! renderings) only move the pen. Reading the drawing order and trusting the space
//! characters glues words together ("Ahighlyinnovativeand...") and runs two columns
//! into each other. [`GlyphCollector`] keeps every glyph with its position, size and
//! advance; [`lay_out`] then rebuilds the page as a reader sees it:
//!
//! * rows from baselines (top to bottom), glyphs in a row left to right;
//! * a space where the gap between two glyphs is wide for the font size, measured
//!   against the spacing the run already has (letter-spaced headings stay one word);
//! * columns side by side (a vertical gutter no row crosses) read one after the other.
//!
//! Each glyph also keeps the facts a keyword-stuffing check needs (drawn tiny, or
//! outside the page); with the render modes and colours `pdf_hidden` reads, they are
//! counted per file in [`GlyphFacts`], and the hidden glyphs laid out apart as well.

use compact_str::CompactString;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use serde::{Deserialize, Serialize};

use super::pdf_hidden::{hidden_glyphs, PageMarks};

/// One glyph as drawn: baseline origin, advance and size in page units (points).
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    /// Where the pen stands after the glyph (x + advance).
    pub end: f64,
    /// Font size as drawn on the page.
    pub size: f64,
    pub text: CompactString,
    /// The glyph is a space character: the file itself separates words here.
    pub space: bool,
    /// Drawn smaller than [`TINY_SIZE`] points: unreadable to a person.
    pub tiny: bool,
    /// Drawn outside the page's media box: invisible in any viewer.
    pub off_page: bool,
    /// Drawn turned (vertical text in a sidebar); laid out apart from the rows.
    pub turned: bool,
    /// Place in drawing order on the page.
    pub seq: usize,
}

/// Glyphs kept per page: a dense resume page draws about 6,000; a hostile file may
/// draw millions, which would cost memory and layout time for nothing.
const MAX_PAGE_GLYPHS: usize = 200_000;

/// Below this size (points) a person cannot read text; a parser still does.
pub const TINY_SIZE: f64 = 4.0;

/// Counts of glyphs a person cannot see but a parser reads, for the
/// keyword-stuffing check, by reason (a glyph may have several: tiny and white).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlyphFacts {
    /// Visible (non-space) glyphs read.
    pub glyphs: usize,
    /// Glyphs drawn smaller than `TINY_SIZE` points.
    pub tiny: usize,
    /// Glyphs drawn outside the page.
    pub off_page: usize,
    /// Glyphs drawn whose font maps them to no text (no Unicode map).
    pub unmapped: usize,
    /// Glyphs drawn in an invisible render mode (`3 Tr`, `7 Tr`), not over an image
    /// (where they are a scan's OCR text layer).
    #[serde(default)]
    pub invisible: usize,
    /// Glyphs drawn in white (the page's colour) with nothing painted under them.
    #[serde(default)]
    pub page_colour: usize,
    /// Glyphs hidden for any of the reasons above, each counted once (read with
    /// [`GlyphFacts::hidden`]; counted by `pdf_hidden`).
    #[serde(default)]
    pub(super) hidden: usize,
}

impl GlyphFacts {
    /// Adds another page's counts.
    pub fn add(&mut self, other: &GlyphFacts) {
        self.glyphs += other.glyphs;
        self.tiny += other.tiny;
        self.off_page += other.off_page;
        self.unmapped += other.unmapped;
        self.invisible += other.invisible;
        self.page_colour += other.page_colour;
        self.hidden += other.hidden;
    }

    /// Glyphs a person cannot see but a parser reads (invisible, white on the page,
    /// tiny or off the page), each counted once: what the keyword-stuffing check
    /// weighs against `glyphs`.
    pub fn hidden(&self) -> usize {
        self.hidden
    }
}

/// An [`OutputDev`] that keeps the glyphs of the current page and, at each page's
/// end, lays them out as text (see the module docs).
#[derive(Default)]
pub struct GlyphCollector {
    media: Option<MediaBox>,
    glyphs: Vec<Glyph>,
    /// The text of each page read so far.
    pub pages: Vec<String>,
    pub facts: GlyphFacts,
    /// How the page's strings are drawn (invisible, white), from `pdf_hidden`.
    marks: Option<PageMarks>,
    /// Where each string's glyphs start: glyphs kept before it began.
    string_starts: Vec<usize>,
    /// The hidden glyphs of the last page laid out, as text.
    hidden: String,
}

impl GlyphCollector {
    /// A collector that also tells which glyphs are drawn invisibly or in white, by
    /// `marks` (from `pdf_hidden::page_marks` for the same page).
    pub fn with_marks(marks: Option<PageMarks>) -> Self {
        GlyphCollector {
            marks,
            ..GlyphCollector::default()
        }
    }

    /// Takes the text of the last page laid out.
    pub fn take_page(&mut self) -> String {
        self.pages.pop().unwrap_or_default()
    }

    /// Takes the text of the last page's hidden glyphs, laid out like the page.
    pub fn take_hidden(&mut self) -> String {
        std::mem::take(&mut self.hidden)
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.media = Some(*media_box);
        self.glyphs.clear();
        self.string_starts.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.glyphs);
        let hidden = hidden_glyphs(
            &glyphs,
            &self.string_starts,
            self.marks.as_ref(),
            &mut self.facts,
        );
        self.hidden = if hidden.is_empty() {
            String::new()
        } else {
            lay_out(hidden)
        };
        self.pages.push(lay_out(glyphs));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The text matrix maps glyph space to the page: its translation is where the
        // glyph sits, the length of its x axis scales advances, of its y axis heights.
        let x_scale = trm.m11.hypot(trm.m12);
        let y_scale = trm.m21.hypot(trm.m22);
        let size = (font_size * y_scale).abs();
        let size = if size.is_finite() && size > 0.0 {
            size
        } else {
            font_size.abs().max(1.0)
        };
        let advance = width * font_size * x_scale;
        let advance = if advance.is_finite() { advance } else { 0.0 };
        let (x, y) = (trm.m31, trm.m32);
        if char.is_empty() {
            self.facts.unmapped += 1;
            return Ok(());
        }
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        // A PDF holds only what is drawn: a soft hyphen there is a visible hyphen or
        // dash (LuaTeX and XeTeX draw "cloud-native" and date ranges that way).
        let char = if char == "\u{AD}" { "-" } else { char };
        let space = char.chars().all(char::is_whitespace);
        let off_page = self.media.is_some_and(|m| {
            let (left, right) = (m.llx.min(m.urx), m.llx.max(m.urx));
            let (bottom, top) = (m.lly.min(m.ury), m.lly.max(m.ury));
            x + advance < left || x > right || y + size < bottom || y > top
        });
        let glyph = Glyph {
            x,
            y,
            end: x + advance,
            size,
            text: CompactString::from(char),
            space,
            tiny: size < TINY_SIZE,
            off_page,
            // A glyph whose x axis points more up or down than across.
            turned: trm.m12.abs() > trm.m11.abs(),
            seq: self.glyphs.len(),
        };
        if self.glyphs.len() >= MAX_PAGE_GLYPHS {
            return Ok(());
        }
        if !space {
            self.facts.glyphs += 1;
            self.facts.tiny += usize::from(glyph.tiny);
            self.facts.off_page += usize::from(glyph.off_page);
        }
        self.glyphs.push(glyph);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        // pdf-extract begins a word for every string shown (`Tj`, each string of `TJ`).
        self.string_starts.push(self.glyphs.len());
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Baselines closer than this many font sizes belong to one row (superscripts and
/// mixed sizes on one line stay together; lines of text are a full size apart).
const ROW_TOLERANCE: f64 = 0.45;
/// A horizontal gap wider than this many font sizes ends a fragment: a tab stop,
/// a right-aligned date, or the gutter between columns (word spaces are a third).
const FRAGMENT_GAP: f64 = 0.8;
/// A gap this much wider (in font sizes) than the run's usual letter gap is a space
/// between words when the run draws no space characters itself...
const WORD_GAP: f64 = 0.1;
/// ...and when it does, only a gap this much wider is (the file's own spaces are
/// then trusted, and uneven letter gaps inside a word are not taken for spaces).
const WORD_GAP_SPACED: f64 = 0.5;
/// A glyph starting this many font sizes left of where the previous one ended
/// overlaps it: drawn by another line or column, not the next letter (kerning
/// pulls letters together by far less).
const OVERLAP: f64 = 0.3;
/// A vertical step wider than this many font sizes between rows leaves a blank line,
/// as between paragraphs and sections.
const PARAGRAPH_GAP: f64 = 1.5;
/// Rows each side of a gutter that make two columns; fewer are a table row or two.
const MIN_COLUMN_ROWS: usize = 6;
/// Most rows on a page searched for columns.
const MAX_COLUMN_SEARCH_ROWS: usize = 2_000;

/// A run of glyphs on one row with no wide gap: its horizontal extent and words.
#[derive(Debug, Clone)]
struct Fragment {
    x0: f64,
    x1: f64,
    /// Visible characters, to weigh the two sides of a gutter.
    chars: usize,
    words: Vec<Word>,
}

/// A word as laid out: its text, horizontal extent, baseline and size.
#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The fragments of one row, left to right, with the row's baseline and size.
#[derive(Debug, Clone)]
struct Row {
    y: f64,
    size: f64,
    fragments: Vec<Fragment>,
}

impl Row {
    fn text(&self) -> String {
        let words: Vec<&str> = self
            .fragments
            .iter()
            .flat_map(|f| f.words.iter().map(|w| w.text.as_str()))
            .collect();
        words.join(" ")
    }
}

/// Lays the glyphs of one page out as lines of text (see the module docs).
pub fn lay_out(glyphs: Vec<Glyph>) -> String {
    let (turned, flat): (Vec<Glyph>, Vec<Glyph>) = if glyphs.iter().any(|g| g.turned) {
        glyphs.into_iter().partition(|g| g.turned)
    } else {
        (Vec::new(), glyphs)
    };
    let rows = rows(flat);
    let mut lines = Vec::new();
    lay_out_rows(&rows, 0, &mut lines);
    let mut text = String::new();
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    // Turned text (a vertical name or label in a margin) in drawing order, apart.
    let turned_text = drawn_in_order(&turned);
    if !turned_text.trim().is_empty() {
        text.push('\n');
        text.push_str(turned_text.trim());
        text.push('\n');
    }
    text
}

/// Drops a glyph drawn again on top of itself (fake bold, shadows): readers see one.
/// Copies sit within half a point of each other; the glyphs come sorted by x.
fn without_overdraw(glyphs: &mut Vec<Glyph>) {
    let mut kept: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for glyph in glyphs.drain(..) {
        let copy = !glyph.space
            && kept.iter().rev().take(4).any(|k| {
                k.text == glyph.text && (k.x - glyph.x).abs() < 0.5 && (k.y - glyph.y).abs() < 0.5
            });
        if !copy {
            kept.push(glyph);
        }
    }
    *glyphs = kept;
}

/// Groups glyphs into rows by baseline, top of the page first, and each row into
/// fragments left to right.
fn rows(mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    let mut anchor: (f64, f64) = (0.0, 0.0);
    for glyph in glyphs {
        if !current.is_empty() {
            let tolerance = ROW_TOLERANCE * anchor.1.max(glyph.size);
            if (anchor.0 - glyph.y).abs() > tolerance {
                rows.push(row(std::mem::take(&mut current)));
            }
        }
        if current.is_empty() {
            anchor = (glyph.y, glyph.size);
        }
        current.push(glyph);
    }
    if !current.is_empty() {
        rows.push(row(current));
    }
    rows.retain(|r| !r.fragments.is_empty());
    rows
}

/// One row's glyphs (any order) as fragments, left to right.
///
/// Glyphs are first taken in the order drawn, in runs that move steadily right:
/// where two columns overlap (a line overfilling its column), sorting glyphs by
/// position alone would interleave their letters. Runs are then put left to right
/// and joined into fragments where they meet.
fn row(mut glyphs: Vec<Glyph>) -> Row {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    without_overdraw(&mut glyphs);
    glyphs.sort_by_key(|g| g.seq);
    let visible: Vec<&Glyph> = glyphs.iter().filter(|g| !g.space).collect();
    let size = median(visible.iter().map(|g| g.size).collect()).unwrap_or(10.0);
    let y = median(visible.iter().map(|g| g.y).collect()).unwrap_or(0.0);
    let backwards = OVERLAP * size;
    let jump = FRAGMENT_GAP * size;
    // Runs in drawing order: (glyphs, left edge, right edge of the visible ones).
    let mut runs: Vec<(Vec<&Glyph>, f64, f64)> = Vec::new();
    for glyph in &glyphs {
        if glyph.space {
            if let Some(run) = runs.last_mut() {
                run.0.push(glyph);
            }
            continue;
        }
        match runs.last_mut() {
            Some(run) if glyph.x >= run.2 - backwards && glyph.x <= run.2 + jump => {
                run.0.push(glyph);
                run.2 = run.2.max(glyph.end);
            }
            _ => runs.push((vec![glyph], glyph.x, glyph.end.max(glyph.x))),
        }
    }
    runs.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut fragments = Vec::new();
    let mut run: Vec<&Glyph> = Vec::new();
    let mut run_end = f64::NEG_INFINITY;
    for (glyphs, x0, x1) in runs {
        if !run.is_empty() && (x0 > run_end + jump || x0 < run_end - backwards) {
            fragments.extend(fragment(&run));
            run.clear();
            run_end = f64::NEG_INFINITY;
        }
        run.extend(glyphs);
        run_end = run_end.max(x1);
    }
    fragments.extend(fragment(&run));
    Row { y, size, fragments }
}

/// The text of a run of glyphs on one row, left to right, with spaces where the
/// file draws them and where the gap is wide for the size (see [`WORD_GAP`]).
fn fragment(run: &[&Glyph]) -> Option<Fragment> {
    let visible: Vec<&Glyph> = run.iter().copied().filter(|g| !g.space).collect();
    let first = visible.first()?;
    let has_spaces = run.iter().any(|g| g.space);
    // The run's usual gap between letters: ~0 in ordinary text, the tracking in a
    // letter-spaced heading. Gaps next to a drawn space do not count.
    let mut gaps = Vec::new();
    let mut spaced = false;
    let mut previous: Option<&Glyph> = None;
    for glyph in run {
        if glyph.space {
            spaced = true;
            continue;
        }
        if let Some(p) = previous {
            if !spaced {
                gaps.push((glyph.x - p.end) / glyph.size.max(0.1));
            }
        }
        previous = Some(glyph);
        spaced = false;
    }
    let tracking = if gaps.len() >= 3 {
        median(gaps).unwrap_or(0.0).clamp(0.0, 0.6)
    } else {
        0.0
    };
    let extra = if has_spaces {
        WORD_GAP_SPACED
    } else {
        WORD_GAP
    };
    let mut words: Vec<Word> = Vec::new();
    let mut chars = 0;
    let mut pending_space = false;
    let mut previous: Option<&Glyph> = None;
    for glyph in run {
        if glyph.space {
            pending_space = previous.is_some();
            continue;
        }
        let starts_word = previous.is_none_or(|p| {
            let gap = (glyph.x - p.end) / glyph.size.max(0.1);
            // A change of size with any gap is a new word too (a heading beside text).
            let resized = (glyph.size - p.size).abs() > 0.1 * glyph.size.max(p.size);
            pending_space || gap > tracking + extra || (resized && gap > 0.0)
        });
        match words.last_mut() {
            Some(word) if !starts_word => {
                word.text.push_str(&glyph.text);
                word.x1 = word.x1.max(glyph.end);
            }
            _ => words.push(Word {
                x0: glyph.x,
                x1: glyph.end.max(glyph.x),
                y: glyph.y,
                size: glyph.size,
                text: glyph.text.to_string(),
            }),
        }
        pending_space = false;
        chars += glyph.text.chars().count();
        previous = Some(glyph);
    }
    let x1 = words.iter().map(|w| w.x1).fold(first.x, f64::max);
    Some(Fragment {
        x0: first.x,
        x1,
        chars,
        words,
    })
}

/// Writes rows as lines, reading two columns one after the other when a gutter
/// splits them; `depth` stops the search for columns inside columns after two.
fn lay_out_rows(rows: &[Row], depth: usize, lines: &mut Vec<String>) {
    let gutter = if depth < 2 { find_gutter(rows) } else { None };
    let Some(gutter) = gutter else {
        let mut previous: Option<&Row> = None;
        for row in rows {
            if let Some(p) = previous {
                if p.y - row.y > PARAGRAPH_GAP * p.size.max(row.size) {
                    lines.push(String::new());
                }
            }
            lines.push(row.text());
            previous = Some(row);
        }
        return;
    };
    let middle = gutter.middle();
    // Rows between two full-width rows form a band: its left column, then its right.
    let mut band_left: Vec<Row> = Vec::new();
    let mut band_right: Vec<Row> = Vec::new();
    let flush = |left: &mut Vec<Row>, right: &mut Vec<Row>, lines: &mut Vec<String>| {
        lay_out_rows(left, depth + 1, lines);
        if !left.is_empty() && !right.is_empty() {
            lines.push(String::new());
        }
        lay_out_rows(right, depth + 1, lines);
        left.clear();
        right.clear();
    };
    for row in rows {
        let crosses = row.fragments.iter().any(|f| crosses_gutter(f, &gutter));
        if crosses {
            flush(&mut band_left, &mut band_right, lines);
            lay_out_rows(std::slice::from_ref(row), 2, lines);
            continue;
        }
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for f in &row.fragments {
            let (l, r): (Vec<Word>, Vec<Word>) = f
                .words
                .iter()
                .cloned()
                // A word begun left of the gutter, or ended before the right column
                // starts, is the left column's, however far an overfilled line runs
                // into the gutter.
                .partition(|w| {
                    (w.x0 + w.x1) / 2.0 < middle
                        || w.x0 < gutter.from
                        || w.x1 < gutter.first_start()
                });
            for (side, words) in [(&mut left, l), (&mut right, r)] {
                if let (Some(a), Some(b)) = (words.first(), words.last()) {
                    side.push(Fragment {
                        x0: a.x0,
                        x1: b.x1,
                        chars: words.iter().map(|w| w.text.chars().count()).sum(),
                        words,
                    });
                }
            }
        }
        for (side, fragments) in [(&mut band_left, left), (&mut band_right, right)] {
            // The side's own baseline: the other column's text on this row may sit
            // higher or lower (a heading beside body text).
            let words = || fragments.iter().flat_map(|f| &f.words);
            if let Some(y) = median(words().map(|w| w.y).collect()) {
                let size = median(words().map(|w| w.size).collect()).unwrap_or(row.size);
                side.push(Row { y, size, fragments });
            }
        }
    }
    flush(&mut band_left, &mut band_right, lines);
}

/// True when a fragment is one line running across the gutter (a full-width
/// heading or contact line) rather than two columns side by side: a word reaches
/// well into the other column, or the first word past the gutter does not start
/// where the right column's lines start. Columns may touch, as when a line
/// overfills its column; the right column's edge still tells them apart.
fn crosses_gutter(f: &Fragment, gutter: &Gutter) -> bool {
    if !(f.x0 < gutter.from && f.x1 > gutter.to) {
        return false;
    }
    // A left line overfilled into the gutter that stops short of the right column.
    if f.x1 < gutter.first_start() {
        return false;
    }
    if f.words
        .iter()
        .any(|w| w.x0 < gutter.from && w.x1 > gutter.to + w.size)
    {
        return true;
    }
    let middle = gutter.middle();
    let Some(at) = f.words.iter().position(|w| (w.x0 + w.x1) / 2.0 >= middle) else {
        return false;
    };
    if (f.words[at].x0 - gutter.column_start).abs() <= 1.0 {
        return false;
    }
    // The first word begun past the gutter's start: a left line overfilled into the
    // gutter may put its last word's middle past the gutter's.
    let at = f.words[at..]
        .iter()
        .position(|w| w.x0 >= gutter.from)
        .map_or(at, |k| at + k);
    let w = &f.words[at];
    // At another start of the right column, after more than a word space: the
    // columns touch. (A full-width line's words stand a word space apart.)
    let gap = at.checked_sub(1).map_or(0.0, |p| w.x0 - f.words[p].x1);
    let at_other_start = gutter.other_starts.iter().any(|s| (w.x0 - s).abs() <= 1.0);
    !(at_other_start && gap >= COLUMN_TOUCH_GAP * w.size)
}

/// A gap wider than this many font sizes is more than a word space (about a third
/// of one, half in a loosely justified line): where two columns touch.
const COLUMN_TOUCH_GAP: f64 = 0.55;
/// Line starts of a right column kept besides the commonest.
const OTHER_STARTS: usize = 3;

/// The strip between two columns, and where the right column's lines start.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    from: f64,
    to: f64,
    column_start: f64,
    /// The right column's next commonest line starts, each shared by a few rows (or
    /// NaN): its headings, bullets and the text after them start at different
    /// places, and a row whose right half starts at any of them is two columns (a
    /// sidebar line overfilled up to a bullet, "MySQL, Re- • Designed…").
    other_starts: [f64; OTHER_STARTS],
}

impl Gutter {
    fn middle(&self) -> f64 {
        (self.from + self.to) / 2.0
    }

    /// The leftmost place the right column's lines start.
    fn first_start(&self) -> f64 {
        self.other_starts
            .iter()
            .fold(self.column_start, |a, &b| a.min(b))
    }
}

/// The vertical band (x from, x to) between two columns, if the rows have one: a
/// strip in the middle of the text that at most a fifth of the rows cross, with at
/// least [`MIN_COLUMN_ROWS`] rows and a sixth of the characters on each side.
/// Right-aligned dates beside one column of text never qualify: the text rows cross
/// the strip, and the dates hold too few characters.
fn find_gutter(rows: &[Row]) -> Option<Gutter> {
    // A page of thousands of rows is no resume: not worth the search.
    if rows.len() < MIN_COLUMN_ROWS || rows.len() > MAX_COLUMN_SEARCH_ROWS {
        return None;
    }
    let fragments = || rows.iter().flat_map(|r| r.fragments.iter());
    let left = fragments().map(|f| f.x0).fold(f64::INFINITY, f64::min);
    let right = fragments().map(|f| f.x1).fold(f64::NEG_INFINITY, f64::max);
    let span = right - left;
    if !span.is_finite() || span < 50.0 {
        return None;
    }
    // Rows covering each 2-point strip of the text's width.
    const BIN: f64 = 2.0;
    let bins = ((span / BIN).ceil() as usize).clamp(1, 4096);
    let mut cover = vec![0usize; bins];
    for row in rows {
        let mut covered = vec![false; bins];
        for f in &row.fragments {
            let from = (((f.x0 - left) / BIN).floor().max(0.0) as usize).min(bins - 1);
            let to = (((f.x1 - left) / BIN).ceil().max(0.0) as usize).min(bins);
            covered[from..to].iter_mut().for_each(|c| *c = true);
        }
        cover
            .iter_mut()
            .zip(covered)
            .for_each(|(n, c)| *n += usize::from(c));
    }
    let limit = rows.len() / 5;
    // Candidate strips: runs of lightly covered bins away from the text's edges,
    // at least 4 points wide; the least covered, then the widest, wins.
    let lo = ((span * 0.15) / BIN) as usize;
    let hi = ((span * 0.85) / BIN) as usize;
    let mut best: Option<(usize, usize, usize)> = None; // (max cover, from, to)
    let mut i = lo;
    while i < hi.min(bins) {
        if cover[i] > limit {
            i += 1;
            continue;
        }
        let start = i;
        while i < hi.min(bins) && cover[i] <= limit {
            i += 1;
        }
        if i - start >= 2 {
            let peak = cover[start..i].iter().copied().max().unwrap_or(0);
            let better = best.is_none_or(|(p, f, t)| (peak, start + t) < (p, i + f));
            if better {
                best = Some((peak, start, i));
            }
        }
    }
    let (_, from, to) = best?;
    let (g0, g1) = (left + from as f64 * BIN, left + to as f64 * BIN);
    let (mut left_rows, mut right_rows, mut left_chars, mut right_chars, mut all) = (0, 0, 0, 0, 0);
    for row in rows {
        let (mut l, mut r) = (false, false);
        for f in &row.fragments {
            all += f.chars;
            if f.x1 <= g1 && f.x0 < g0 {
                l = true;
                left_chars += f.chars;
            } else if f.x0 >= g0 && f.x1 > g1 {
                r = true;
                right_chars += f.chars;
            }
        }
        left_rows += usize::from(l);
        right_rows += usize::from(r);
    }
    let sides_full = left_rows >= MIN_COLUMN_ROWS && right_rows >= MIN_COLUMN_ROWS;
    let sides_weighty = left_chars * 6 >= all && right_chars * 6 >= all;
    if !(sides_full && sides_weighty) {
        return None;
    }
    // Where the right column's lines start: the commonest start (to half a point)
    // of the first word past the gutter's middle on each row.
    let middle = (g0 + g1) / 2.0;
    let mut starts: Vec<i64> = rows
        .iter()
        .filter_map(|r| {
            r.fragments
                .iter()
                .flat_map(|f| &f.words)
                .find(|w| (w.x0 + w.x1) / 2.0 >= middle)
        })
        .map(|w| (w.x0 * 2.0).round() as i64)
        .collect();
    starts.sort_unstable();
    let commonest = starts
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map(|run| run[0]);
    let column_start = commonest.map_or(g1, |start| start as f64 / 2.0);
    // Other starts count when several rows share them.
    let mut others: Vec<&[i64]> = starts
        .chunk_by(|a, b| a == b)
        .filter(|run| Some(run[0]) != commonest && run.len() >= 3)
        .collect();
    others.sort_by_key(|run| std::cmp::Reverse(run.len()));
    let mut other_starts = [f64::NAN; OTHER_STARTS];
    for (slot, run) in other_starts.iter_mut().zip(others) {
        *slot = run[0] as f64 / 2.0;
    }
    Some(Gutter {
        from: g0,
        to: g1,
        column_start,
        other_starts,
    })
}

/// Glyphs in the order drawn, with a space wherever the file draws one or the pen
/// jumps: for turned text, whose rows the page layout does not describe.
fn drawn_in_order(glyphs: &[Glyph]) -> String {
    let mut text = String::new();
    let mut last: Option<&Glyph> = None;
    for glyph in glyphs {
        if glyph.space {
            text.push(' ');
            continue;
        }
        if let Some(p) = last {
            let jump = (glyph.x - p.end).hypot(glyph.y - p.y);
            if jump > glyph.size && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(&glyph.text);
        last = Some(glyph);
    }
    text
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return None;
    }
    let mid = values.len() / 2;
    let (_, m, _) = values.select_nth_unstable_by(mid, f64::total_cmp);
    Some(*m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x` on baseline `y`, each `advance` wide, `gap` apart
    /// (in points), with no space characters: words are separated by `word_gap`.
    fn set(text: &str, x: f64, y: f64, gap: f64, word_gap: f64) -> Vec<Glyph> {
        let size = 10.0;
        let advance = 5.0;
        let mut pen = x;
        let mut out = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                pen += word_gap;
            }
            for c in word.chars() {
                out.push(Glyph {
                    x: pen,
                    y,
                    end: pen + advance,
                    size,
                    text: CompactString::from(c.to_string()),
                    space: false,
                    tiny: false,
                    off_page: false,
                    turned: false,
                    seq: out.len(),
                });
                pen += advance + gap;
            }
        }
        out
    }

    #[test]
    fn words_without_space_characters_are_split_by_their_gaps() {
        let text = lay_out(set("a highly capable engineer", 50.0, 700.0, 0.0, 2.8));
        assert_eq!(text, "a highly capable engineer\n");
    }

    #[test]
    fn letter_spaced_words_stay_whole() {
        let text = lay_out(set("WORK EXPERIENCE", 50.0, 700.0, 2.0, 5.0));
        assert_eq!(text, "WORK EXPERIENCE\n");
    }

    #[test]
    fn a_glyph_drawn_twice_is_read_once() {
        let mut glyphs = set("Go", 50.0, 700.0, 0.0, 3.0);
        glyphs.extend(set("Go", 50.2, 700.0, 0.0, 3.0));
        assert_eq!(lay_out(glyphs), "Go\n");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut glyphs = set("Jordan Avery Backend Engineer", 50.0, 760.0, 0.0, 3.0);
        for i in 0..10 {
            let y = 730.0 - 13.0 * i as f64;
            glyphs.extend(set(&format!("left line {i}"), 50.0, y, 0.0, 3.0));
            glyphs.extend(set(&format!("right side {i}"), 330.0, y, 0.0, 3.0));
        }
        let text = lay_out(glyphs);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "Jordan Avery Backend Engineer");
        assert_eq!(lines[1], "left line 0");
        assert_eq!(lines[10], "left line 9");
        assert_eq!(lines[11], "right side 0");
    }

    #[test]
    fn dates_at_the_right_margin_stay_on_their_row() {
        let mut glyphs = Vec::new();
        for i in 0..16 {
            let y = 740.0 - 13.0 * i as f64;
            if i % 4 == 0 {
                glyphs.extend(set("Engineer at Acme", 50.0, y, 0.0, 3.0));
                glyphs.extend(set("2019", 520.0, y, 0.0, 3.0));
            } else {
                let body = "built services in Go and Rust for the payments team and more";
                glyphs.extend(set(body, 50.0, y, 0.0, 3.0));
            }
        }
        let text = lay_out(glyphs);
        assert!(text.starts_with("Engineer at Acme 2019\nbuilt"), "{text}");
    }
}
