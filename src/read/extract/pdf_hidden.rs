//! Text a person cannot see but a parser reads: drawn in an invisible render mode
//! (`3 Tr`, `7 Tr`) or in white on the white page. Keyword stuffers hide the
//! posting's words this way; an ATS reads them as if they were written.
//!
//! `pdf-extract` follows neither the render mode nor the `g`/`rg`/`k` colours, and
//! its output device is told neither, so this is a second, light pass over each
//! page's content with lopdf. It notes, for every string shown, in the order
//! pdf-extract shows them (each `Tj` operand and each string of a `TJ` array, also
//! inside Form XObjects drawn with `Do`; pdf-extract skips `'` and `"`), whether the
//! string is drawn invisibly or in white. pdf-extract starts a word for every string
//! shown, so the glyph collector numbers its glyphs by string and looks the string up
//! here ([`hidden_glyphs`]); when the two passes count a page's strings differently,
//! nothing is attributed (never a wrong label).
//!
//! White text on something painted (a dark sidebar, a photo) is visible, and
//! invisible text over an image is the text layer OCR puts over a scan: neither is
//! hidden. So the pass also notes what is painted under the text: filled paths that
//! are not white, and images.
//!
//! Most PDFs hide nothing. A byte scan of the content (already inflated once by
//! [`inflate_contents`] for both readers) looks for the few operators that could hide
//! text; only a page that has one is parsed.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use rustc_hash::FxHashSet;

use super::pdf_layout::{Glyph, GlyphFacts};

/// A colour component this close to white (1, or 0 for CMYK ink) counts as white:
/// text at 97 % white on a white page cannot be read.
const WHITE: f64 = 0.97;
/// Form XObjects drawn inside each other at most this deep (pdf-extract has no bound;
/// a deeper or looping file is not attributed).
const MAX_FORM_DEPTH: usize = 12;
/// Painted areas kept per page; past this, white text is not called hidden (a page
/// drawn as thousands of shapes is artwork, not stuffing).
const MAX_BACKDROPS: usize = 4096;

/// How one string shown is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// Render mode 3 (neither filled nor stroked) or 7 (clip only), or every paint
    /// the mode applies is fully transparent (`ca`/`CA` 0 in an ExtGState).
    pub invisible: bool,
    /// Every paint the render mode applies (fill, stroke or both) is white.
    pub white: bool,
    /// Drawn in a form placed by a matrix that pdf-extract ignores: its glyph
    /// positions are not where the page shows them, so any area painted before
    /// it counts as possibly under it.
    pub displaced: bool,
}

/// Something painted on the page before a string: white text over it can be seen.
#[derive(Debug, Clone, Copy)]
struct Backdrop {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    /// Strings shown before it was painted: it lies under the strings from here on.
    from: usize,
    /// An image (a scan under an OCR text layer, a photo).
    image: bool,
}

/// Why a glyph cannot be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Invisible render mode.
    Invisible,
    /// White, with nothing painted under it.
    PageColour,
}

/// The strings one page shows, in pdf-extract's order, and what is painted under them.
#[derive(Debug, Default)]
pub struct PageMarks {
    shown: Vec<Shown>,
    backdrops: Vec<Backdrop>,
    /// More painted areas than [`MAX_BACKDROPS`]: white text is not judged.
    crowded: bool,
}

impl PageMarks {
    /// Strings shown on the page: must equal pdf-extract's count to be used.
    pub fn strings(&self) -> usize {
        self.shown.len()
    }

    /// Why the glyph of string `string` centred at (`x`, `y`) cannot be seen, if so.
    pub fn reason(&self, string: usize, x: f64, y: f64) -> Option<Reason> {
        let shown = self.shown.get(string)?;
        let under = |images_only: bool| {
            self.backdrops.iter().any(|b| {
                b.from <= string
                    && (b.image || !images_only)
                    && (shown.displaced
                        || x >= b.x0 - 0.5 && x <= b.x1 + 0.5 && y >= b.y0 - 0.5 && y <= b.y1 + 0.5)
            })
        };
        if shown.invisible {
            // Over an image it is the text layer of a scan: the image shows the words.
            return (!under(true)).then_some(Reason::Invisible);
        }
        if shown.white && !self.crowded && !under(false) {
            return Some(Reason::PageColour);
        }
        None
    }
}

/// Splits off the glyphs of one page (in drawing order) a person cannot see —
/// invisible or white (by `marks`, when they count as many strings as pdf-extract
/// showed: `starts.len()`), tiny, off the page — counting them into `facts`.
/// `starts[s]` is the index of the first glyph of string `s`. Spaces of hidden
/// strings come along, so the hidden text lays out into words.
pub fn hidden_glyphs(
    glyphs: &[Glyph],
    starts: &[usize],
    marks: Option<&PageMarks>,
    facts: &mut GlyphFacts,
) -> Vec<Glyph> {
    let marks = marks.filter(|m| m.strings() == starts.len());
    if marks.is_none() && facts.tiny == 0 && facts.off_page == 0 {
        // The common case: nothing drawn invisibly, in white, tiny or off the page.
        return Vec::new();
    }
    let mut hidden = Vec::new();
    let mut string = 0;
    for (i, glyph) in glyphs.iter().enumerate() {
        while starts.get(string + 1).is_some_and(|&next| next <= i) {
            string += 1;
        }
        let reason = marks.and_then(|m| {
            let x = (glyph.x + glyph.end) / 2.0;
            m.reason(string, x, glyph.y + glyph.size * 0.3)
        });
        if !(reason.is_some() || glyph.tiny || glyph.off_page) {
            continue;
        }
        if !glyph.space {
            facts.invisible += usize::from(reason == Some(Reason::Invisible));
            facts.page_colour += usize::from(reason == Some(Reason::PageColour));
            facts.hidden += 1;
        }
        hidden.push(glyph.clone());
    }
    hidden
}

/// Stores the content of the first `max_pages` pages, and of the Form XObjects they
/// draw, decompressed in the document: pdf-extract and [`page_marks`] then both read
/// it without inflating it again, which keeps this pass nearly free.
pub fn inflate_contents(doc: &mut Document, max_pages: usize) {
    let mut streams = Vec::new();
    let mut seen = FxHashSet::default();
    for (_, page) in doc.get_pages().into_iter().take(max_pages) {
        streams.extend(doc.get_page_contents(page));
        if let Some(resources) = page_resources(doc, page) {
            collect_forms(doc, resources, 0, &mut seen, &mut streams);
        }
    }
    for id in streams {
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
            if stream.filters().is_ok_and(|f| !f.is_empty()) {
                if let Ok(plain) = stream.decompressed_content() {
                    stream.set_plain_content(plain);
                }
            }
        }
    }
}

/// Form XObjects reachable from `resources`, each once.
fn collect_forms(
    doc: &Document,
    resources: &Dictionary,
    depth: usize,
    seen: &mut FxHashSet<ObjectId>,
    out: &mut Vec<ObjectId>,
) {
    if depth > MAX_FORM_DEPTH {
        return;
    }
    let Some(xobjects) = dict_entry(doc, resources, b"XObject") else {
        return;
    };
    for (_, value) in xobjects.iter() {
        let Ok(id) = value.as_reference() else {
            continue;
        };
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            continue;
        };
        if !is_form(&stream.dict) || !seen.insert(id) {
            continue;
        }
        out.push(id);
        if let Some(inner) = dict_entry(doc, &stream.dict, b"Resources") {
            collect_forms(doc, inner, depth + 1, seen, out);
        }
    }
}

/// What the page's content shows and paints, or `None` when nothing on it could
/// hide text (the byte scan finds no invisible render mode and no white) or the
/// content cannot be followed.
pub fn page_marks(doc: &Document, page: ObjectId) -> Option<PageMarks> {
    let content = page_content(doc, page);
    let resources = page_resources(doc, page);
    let mut seen = FxHashSet::default();
    if !content_may_hide(doc, &content, resources, 0, &mut seen) {
        return None;
    }
    let mut walker = Walker {
        doc,
        marks: PageMarks::default(),
        broken: false,
    };
    walker.walk(&content, resources, State::default(), 0);
    (!walker.broken).then_some(walker.marks)
}

/// The page's content streams joined, as pdf-extract reads them (one stream is
/// borrowed, not copied).
fn page_content(doc: &Document, page: ObjectId) -> std::borrow::Cow<'_, [u8]> {
    let ids = doc.get_page_contents(page);
    if let [id] = ids.as_slice() {
        if let Ok(Object::Stream(s)) = doc.get_object(*id) {
            if s.filters().is_err() {
                return std::borrow::Cow::Borrowed(&s.content);
            }
        }
    }
    std::borrow::Cow::Owned(doc.get_page_content(page).unwrap_or_default())
}

/// The page's resources, inherited from the page tree as pdf-extract takes them.
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    // Page trees that loop are refused before any reader starts; the bound is a guard.
    for _ in 0..64 {
        if let Some(resources) = dict_entry(doc, node, b"Resources") {
            return Some(resources);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// `dict[key]` as a dictionary, following a reference.
fn dict_entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    let value = dict.get(key).ok()?;
    doc.dereference(value).ok()?.1.as_dict().ok()
}

fn is_form(dict: &Dictionary) -> bool {
    dict.get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Form")
}

/// The stream's bytes as pdf-extract reads a form: decompressed when it can be.
fn stream_bytes(stream: &lopdf::Stream) -> std::borrow::Cow<'_, [u8]> {
    if stream.filters().is_ok() {
        match stream.decompressed_content() {
            Ok(plain) => std::borrow::Cow::Owned(plain),
            Err(_) => std::borrow::Cow::Borrowed(&stream.content),
        }
    } else {
        std::borrow::Cow::Borrowed(&stream.content)
    }
}

/// True when `content`, or a form it draws, sets an invisible render mode or a
/// white colour: the only ways this pass finds hidden text.
fn content_may_hide(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    depth: usize,
    seen: &mut FxHashSet<ObjectId>,
) -> bool {
    let scan = scan(content);
    if scan.candidate || (scan.sets_state && has_clear_state(doc, resources)) {
        return true;
    }
    if !scan.draws || depth >= MAX_FORM_DEPTH {
        return false;
    }
    let Some(xobjects) = resources.and_then(|r| dict_entry(doc, r, b"XObject")) else {
        return false;
    };
    xobjects.iter().any(|(_, value)| {
        let Ok(id) = value.as_reference() else {
            return false;
        };
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            return false;
        };
        if !is_form(&stream.dict) || !seen.insert(id) {
            return false;
        }
        let inner = dict_entry(doc, &stream.dict, b"Resources").or(resources);
        content_may_hide(doc, &stream_bytes(stream), inner, depth + 1, seen)
    })
}

/// What the byte scan found in one content stream.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scan {
    /// An operator that could hide text: a render mode other than 0, or a white
    /// fill or stroke colour.
    candidate: bool,
    /// `Do`: a form drawn here may hide text of its own.
    draws: bool,
    /// `gs`: an ExtGState may make text transparent.
    sets_state: bool,
}

/// Reads the content's tokens without building objects: strings, names, comments and
/// inline image data are skipped; each operator is judged by the numbers before it.
fn scan(content: &[u8]) -> Scan {
    let mut out = Scan::default();
    // Where the numbers since the last operator are (the last four are enough: `k`
    // has four); they are parsed only before an operator that could hide text.
    let mut numbers = [(0usize, 0usize); 4];
    let mut count = 0usize;
    let mut i = 0;
    let n = content.len();
    while i < n {
        let b = content[i];
        match b {
            b'(' => {
                i = skip_literal(content, i);
                count = 0;
            }
            b'<' if content.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => {
                i = memchr::memchr(b'>', &content[i..]).map_or(n, |p| i + p + 1);
                count = 0;
            }
            b'%' => {
                i = memchr::memchr2(b'\n', b'\r', &content[i..]).map_or(n, |p| i + p);
                count = 0;
            }
            b'/' => {
                i = token_end(content, i + 1);
                count = 0;
            }
            _ if is_space(b) || is_delimiter(b) => {
                i += 1;
                if matches!(b, b'[' | b']' | b'>' | b'{' | b'}') {
                    // Array brackets keep the numbers of `TJ`-less contexts apart.
                    count = 0;
                }
            }
            _ => {
                let end = token_end(content, i);
                let token = &content[i..end];
                i = end;
                if matches!(token[0], b'0'..=b'9' | b'.' | b'+' | b'-') {
                    numbers.copy_within(1.., 0);
                    numbers[3] = (end - token.len(), end);
                    count += 1;
                    continue;
                }
                if is_colour_or_mode(token) {
                    let mut values = [0f64; 4];
                    let last = &numbers[4 - count.min(4)..];
                    for (value, &(from, to)) in values.iter_mut().zip(last) {
                        *value = parse_number(&content[from..to]);
                    }
                    if operator_may_hide(token, &values[..last.len()], count) {
                        out.candidate = true;
                        return out;
                    }
                }
                match token {
                    b"Do" => out.draws = true,
                    b"gs" => out.sets_state = true,
                    // Inline image data is binary: jump to the `EI` that ends it.
                    b"ID" => i = inline_image_end(content, i),
                    _ => {}
                }
                count = 0;
            }
        }
    }
    out
}

/// A PDF number (`1`, `-.5`, `0.973`, `+2.`); NaN when the token is none.
fn parse_number(token: &[u8]) -> f64 {
    let (negative, digits) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, token),
    };
    let mut value = 0f64;
    let mut scale = 0f64;
    let mut any = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                any = true;
                if scale == 0.0 {
                    value = value * 10.0 + f64::from(b - b'0');
                } else {
                    value += f64::from(b - b'0') * scale;
                    scale /= 10.0;
                }
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => return f64::NAN,
        }
    }
    match (any, negative) {
        (false, _) => f64::NAN,
        (true, true) => -value,
        (true, false) => value,
    }
}

/// The operators [`operator_may_hide`] judges.
fn is_colour_or_mode(op: &[u8]) -> bool {
    matches!(
        op,
        b"Tr" | b"g" | b"G" | b"rg" | b"RG" | b"k" | b"K" | b"sc" | b"scn" | b"SC" | b"SCN"
    )
}

/// True when an operator with these numeric operands (`count` of them, the last
/// up to four in `last`) sets an invisible render mode or a white colour.
fn operator_may_hide(op: &[u8], last: &[f64], count: usize) -> bool {
    let all = |f: fn(f64) -> bool| !last.is_empty() && last.iter().all(|&v| f(v));
    let white = |v: f64| v >= WHITE;
    let no_ink = |v: f64| v <= 1.0 - WHITE;
    match op {
        // Any mode but plain fill may hide (3, 7) or stroke in a colour set elsewhere.
        b"Tr" => count == 1 && last[0] != 0.0,
        b"g" | b"G" => count == 1 && white(last[0]),
        b"rg" | b"RG" => count == 3 && all(white),
        b"k" | b"K" => count == 4 && all(no_ink),
        // The colour space is not known here: white in gray or RGB, or no CMYK ink.
        b"sc" | b"scn" | b"SC" | b"SCN" => match count {
            1 | 3 => all(white),
            4 => all(no_ink),
            _ => false,
        },
        _ => false,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Index just past a run of regular characters starting at `i`.
fn token_end(content: &[u8], mut i: usize) -> usize {
    while i < content.len() && !is_space(content[i]) && !is_delimiter(content[i]) {
        i += 1;
    }
    i
}

/// Index just past the literal string opening at `i` (balanced parentheses,
/// backslash escapes).
fn skip_literal(content: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    // Jumps from one parenthesis or backslash to the next: the text is most of a page.
    while let Some(p) = content
        .get(i..)
        .and_then(|rest| memchr::memchr3(b'(', b')', b'\\', rest))
    {
        i += p;
        match content[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            _ => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
    content.len()
}

/// Index just past the `EI` that ends inline image data starting at `i`.
fn inline_image_end(content: &[u8], i: usize) -> usize {
    let mut at = i;
    while let Some(p) = memchr::memmem::find(&content[at..], b"EI") {
        let start = at + p;
        let end = start + 2;
        let before = start == 0 || is_space(content[start - 1]);
        let after = end >= content.len() || is_space(content[end]);
        if before && after {
            return end;
        }
        at = start + 1;
    }
    content.len()
}

/// A colour space as far as whiteness goes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Space {
    #[default]
    Gray,
    Rgb,
    Cmyk,
    /// Patterns, spot colours, indexed and Lab colours: never called white.
    Other,
}

/// One paint (fill or stroke): its space and whether the colour is white.
#[derive(Debug, Clone, Copy, Default)]
struct Paint {
    space: Space,
    white: bool,
}

impl Paint {
    /// Sets the colour from `sc`/`scn` operands in the current space.
    fn set(&mut self, operands: &[Object]) {
        let values: Option<Vec<f64>> = operands.iter().map(number).collect();
        self.white = match (self.space, values.as_deref()) {
            (Space::Gray, Some([v])) => *v >= WHITE,
            (Space::Rgb, Some([r, g, b])) => [r, g, b].iter().all(|&&v| v >= WHITE),
            (Space::Cmyk, Some([c, m, y, k])) => [c, m, y, k].iter().all(|&&v| v <= 1.0 - WHITE),
            _ => false,
        };
    }

    /// Sets a device colour (`g`, `rg`, `k`): its space and value together.
    fn set_device(&mut self, space: Space, operands: &[Object]) {
        self.space = space;
        self.set(operands);
    }
}

/// The graphics state this pass follows.
#[derive(Debug, Clone, Copy)]
struct State {
    /// Current transformation matrix [a b c d e f], in pdf-extract's convention: each
    /// content stream (a page, a form) starts from the identity, so painted areas
    /// are in the same space as the glyph positions pdf-extract reports.
    ctm: [f64; 6],
    fill: Paint,
    stroke: Paint,
    mode: i64,
    /// Fill and stroke fully transparent (ExtGState `ca`, `CA`).
    fill_clear: bool,
    stroke_clear: bool,
    /// Inside a form placed where pdf-extract does not place it (see [`Shown`]).
    displaced: bool,
    /// The strings (first, past the last) whose outlines clip what is painted now
    /// (render modes 4 to 7): painting through them shows their shapes.
    clip: Option<(usize, usize)>,
}

const IDENTITY: [f64; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

impl Default for State {
    fn default() -> Self {
        State {
            ctm: IDENTITY,
            fill: Paint::default(),
            stroke: Paint::default(),
            mode: 0,
            fill_clear: false,
            stroke_clear: false,
            displaced: false,
            clip: None,
        }
    }
}

impl State {
    fn point(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.ctm;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How a string shown now is drawn.
    fn shown(&self) -> Shown {
        let (fills, strokes) = match self.mode {
            0 | 4 => (true, false),
            1 | 5 => (false, true),
            2 | 6 => (true, true),
            _ => (false, false),
        };
        let (fills, strokes) = (fills && !self.fill_clear, strokes && !self.stroke_clear);
        Shown {
            invisible: !fills && !strokes,
            white: (fills || strokes)
                && (!fills || self.fill.white)
                && (!strokes || self.stroke.white),
            displaced: self.displaced,
        }
    }
}

fn number(object: &Object) -> Option<f64> {
    object
        .as_float()
        .ok()
        .map(f64::from)
        .filter(|v| v.is_finite())
}

/// Follows the content of a page and the forms it draws.
struct Walker<'a> {
    doc: &'a Document,
    marks: PageMarks,
    /// Forms nested too deep to follow: the page's strings cannot be counted.
    broken: bool,
}

impl Walker<'_> {
    fn walk(&mut self, content: &[u8], resources: Option<&Dictionary>, start: State, depth: usize) {
        let Ok(content) = Content::decode(content) else {
            self.broken = true;
            return;
        };
        let mut state = start;
        let mut stack: Vec<State> = Vec::new();
        let mut path: Option<[f64; 4]> = None;
        // Strings of this text object drawn in a clipping mode: the clip from `ET` on.
        let mut clipping: Option<(usize, usize)> = None;
        for op in &content.operations {
            let operands = op.operands.as_slice();
            let nums = || operands.iter().filter_map(number).collect::<Vec<f64>>();
            match op.operator.as_str() {
                "q" => stack.push(state),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    if let [a, b, c, d, e, f] = nums()[..] {
                        let [a2, b2, c2, d2, e2, f2] = state.ctm;
                        state.ctm = [
                            a * a2 + b * c2,
                            a * b2 + b * d2,
                            c * a2 + d * c2,
                            c * b2 + d * d2,
                            e * a2 + f * c2 + e2,
                            e * b2 + f * d2 + f2,
                        ];
                    }
                }
                "Tr" => {
                    if let Some(mode) = operands.first().and_then(|o| o.as_i64().ok()) {
                        state.mode = mode;
                    }
                }
                "g" => state.fill.set_device(Space::Gray, operands),
                "rg" => state.fill.set_device(Space::Rgb, operands),
                "k" => state.fill.set_device(Space::Cmyk, operands),
                "G" => state.stroke.set_device(Space::Gray, operands),
                "RG" => state.stroke.set_device(Space::Rgb, operands),
                "K" => state.stroke.set_device(Space::Cmyk, operands),
                "cs" | "CS" => {
                    let space = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map_or(Space::Other, |name| colour_space(self.doc, resources, name));
                    // A new space starts at its initial colour: black, never white.
                    let paint = Paint {
                        space,
                        white: false,
                    };
                    if op.operator == "cs" {
                        state.fill = paint;
                    } else {
                        state.stroke = paint;
                    }
                }
                "gs" => {
                    let name = operands.first().and_then(|o| o.as_name().ok());
                    let alpha = |key: &[u8]| {
                        let entry = ext_gstate(self.doc, resources, name?)?;
                        number(entry.get(key).ok()?)
                    };
                    if let Some(ca) = alpha(b"ca") {
                        state.fill_clear = ca <= 1.0 - WHITE;
                    }
                    if let Some(ca) = alpha(b"CA") {
                        state.stroke_clear = ca <= 1.0 - WHITE;
                    }
                }
                "sc" | "scn" => state.fill.set(operands),
                "SC" | "SCN" => state.stroke.set(operands),
                "Tj" | "TJ" => {
                    let first = self.marks.shown.len();
                    match operands.first() {
                        Some(Object::String(..)) if op.operator == "Tj" => {
                            self.marks.shown.push(state.shown());
                        }
                        Some(Object::Array(items)) if op.operator == "TJ" => {
                            for item in items {
                                if let Object::String(..) = item {
                                    self.marks.shown.push(state.shown());
                                }
                            }
                        }
                        _ => {}
                    }
                    let last = self.marks.shown.len();
                    if (4..=7).contains(&state.mode) && last > first {
                        clipping = Some(clipping.map_or((first, last), |(a, _)| (a, last)));
                    }
                }
                "BT" => clipping = None,
                "ET" => {
                    if let Some((a, b)) = clipping.take() {
                        state.clip = Some(state.clip.map_or((a, b), |(c, _)| (c.min(a), b)));
                    }
                }
                "m" | "l" | "c" | "v" | "y" => {
                    let values = nums();
                    for pair in values.chunks_exact(2) {
                        let p = state.point(pair[0], pair[1]);
                        path = Some(extend(path, p));
                    }
                }
                "re" => {
                    if let [x, y, w, h] = nums()[..] {
                        for (px, py) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
                            path = Some(extend(path, state.point(px, py)));
                        }
                    }
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    if let Some(area) = path.take() {
                        if !state.fill.white {
                            self.backdrop(area, false);
                            self.reveal(&state);
                        }
                    }
                }
                "S" | "s" | "n" => path = None,
                // A shading fills the clip area, which this pass does not follow:
                // take it as covering the page.
                "sh" => {
                    self.backdrop([f64::MIN, f64::MIN, f64::MAX, f64::MAX], false);
                    self.reveal(&state);
                }
                "BI" => {
                    self.image(&state);
                    self.reveal(&state);
                }
                "Do" => {
                    self.reveal(&state);
                    let name = operands.first().and_then(|o| o.as_name().ok());
                    if let Some(name) = name {
                        self.draw(name, resources, &state, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// `Do`: an image is painted over the unit square; a form's content is followed
    /// with the caller's colours and render mode (pdf-extract shows its strings too).
    fn draw(&mut self, name: &[u8], resources: Option<&Dictionary>, state: &State, depth: usize) {
        let doc = self.doc;
        let stream = resources
            .and_then(|r| dict_entry(doc, r, b"XObject"))
            .and_then(|x| x.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok());
        let Some(stream) = stream else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).ok();
        if subtype == Some(b"Image".as_slice()) {
            self.image(state);
            return;
        }
        if depth >= MAX_FORM_DEPTH {
            self.broken = true;
            return;
        }
        let inner = dict_entry(doc, &stream.dict, b"Resources").or(resources);
        let matrix: Option<Vec<f64>> = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .map(|m| m.iter().filter_map(number).collect());
        let placed = state.ctm != IDENTITY || matrix.is_some_and(|m| m != IDENTITY);
        let start = State {
            ctm: IDENTITY,
            displaced: state.displaced || placed,
            ..*state
        };
        self.walk(&stream_bytes(stream), inner, start, depth + 1);
    }

    /// Painting while text clips shows the text's shapes (a gradient or photo seen
    /// through the letters): those strings are not hidden.
    fn reveal(&mut self, state: &State) {
        if let Some((first, last)) = state.clip {
            for shown in self.marks.shown.get_mut(first..last).into_iter().flatten() {
                shown.invisible = false;
                shown.white = false;
            }
        }
    }

    fn image(&mut self, state: &State) {
        let mut area = None;
        for (x, y) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
            area = Some(extend(area, state.point(x, y)));
        }
        if let Some(area) = area {
            self.backdrop(area, true);
        }
    }

    fn backdrop(&mut self, [x0, y0, x1, y1]: [f64; 4], image: bool) {
        if self.marks.backdrops.len() >= MAX_BACKDROPS {
            self.marks.crowded = true;
            return;
        }
        self.marks.backdrops.push(Backdrop {
            x0,
            y0,
            x1,
            y1,
            from: self.marks.shown.len(),
            image,
        });
    }
}

/// The ExtGState resource `name`.
fn ext_gstate<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    name: &[u8],
) -> Option<&'a Dictionary> {
    let states = dict_entry(doc, resources?, b"ExtGState")?;
    doc.dereference(states.get(name).ok()?)
        .ok()?
        .1
        .as_dict()
        .ok()
}

/// True when `resources` has an ExtGState that makes fill or stroke fully
/// transparent: text drawn under it is invisible.
fn has_clear_state(doc: &Document, resources: Option<&Dictionary>) -> bool {
    let Some(states) = resources.and_then(|r| dict_entry(doc, r, b"ExtGState")) else {
        return false;
    };
    states.iter().any(|(name, _)| {
        ext_gstate(doc, resources, name).is_some_and(|state| {
            [b"ca".as_slice(), b"CA"].iter().any(|key| {
                state
                    .get(key)
                    .ok()
                    .and_then(number)
                    .is_some_and(|a| a <= 1.0 - WHITE)
            })
        })
    })
}

/// A bounding box [x0 y0 x1 y1] grown to hold a point.
fn extend(area: Option<[f64; 4]>, (x, y): (f64, f64)) -> [f64; 4] {
    match area {
        None => [x, y, x, y],
        Some([x0, y0, x1, y1]) => [x0.min(x), y0.min(y), x1.max(x), y1.max(y)],
    }
}

/// The space a `cs`/`CS` name selects: a device space, or a named resource whose
/// component count says gray, RGB or CMYK (ICC-based sRGB is what browsers use).
fn colour_space(doc: &Document, resources: Option<&Dictionary>, name: &[u8]) -> Space {
    match name {
        b"DeviceGray" | b"G" => return Space::Gray,
        b"DeviceRGB" | b"RGB" => return Space::Rgb,
        b"DeviceCMYK" | b"CMYK" => return Space::Cmyk,
        _ => {}
    }
    let entry = resources
        .and_then(|r| dict_entry(doc, r, b"ColorSpace"))
        .and_then(|spaces| spaces.get(name).ok())
        .and_then(|o| doc.dereference(o).ok())
        .map(|(_, o)| o);
    let Some(entry) = entry else {
        return Space::Other;
    };
    if let Ok(device) = entry.as_name() {
        return colour_space(doc, None, device);
    }
    let Ok([family, rest @ ..]) = entry.as_array().map(Vec::as_slice) else {
        return Space::Other;
    };
    match family.as_name().ok() {
        Some(b"ICCBased") => {
            let components = rest
                .first()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"N").ok())
                .and_then(|n| n.as_i64().ok());
            match components {
                Some(1) => Space::Gray,
                Some(3) => Space::Rgb,
                Some(4) => Space::Cmyk,
                _ => Space::Other,
            }
        }
        Some(b"CalGray") => Space::Gray,
        Some(b"CalRGB") => Space::Rgb,
        _ => Space::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A one-page document drawing `content`, with Helvetica as `/F1`, the form
    /// `/Fm0` drawing `form` (when given) and the colour space `/CS0` (ICC sRGB).
    fn page(content: &str, form: Option<&str>) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let icc = doc.add_object(Stream::new(dictionary! { "N" => 3 }, Vec::new()));
        let mut resources = dictionary! {
            "Font" => dictionary! { "F1" => font },
            "ColorSpace" => dictionary! { "CS0" => vec![Object::Name(b"ICCBased".to_vec()), icc.into()] },
            "ExtGState" => dictionary! {
                "Clear" => dictionary! { "Type" => "ExtGState", "ca" => 0 },
                "Opaque" => dictionary! { "Type" => "ExtGState", "ca" => 1, "CA" => 1 },
            },
        };
        if let Some(form) = form {
            let form = doc.add_object(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] },
                form.as_bytes().to_vec(),
            ));
            let image = doc.add_object(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
                              "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
                vec![0],
            ));
            resources.set("XObject", dictionary! { "Fm0" => form, "Im0" => image });
        }
        let contents = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents, "Resources" => resources,
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
                "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        (doc, page)
    }

    /// (invisible, white) of each string the page shows.
    fn shown(content: &str, form: Option<&str>) -> Vec<(bool, bool)> {
        let (doc, id) = page(content, form);
        let marks = page_marks(&doc, id).expect("the scan finds a candidate");
        marks.shown.iter().map(|s| (s.invisible, s.white)).collect()
    }

    const SEEN: (bool, bool) = (false, false);
    const INVISIBLE: (bool, bool) = (true, false);
    const WHITE_TEXT: (bool, bool) = (false, true);

    #[test]
    fn render_mode_3_and_7_are_invisible_until_reset() {
        let content = "BT /F1 10 Tf 72 700 Td 3 Tr (Kafka) Tj 7 Tr (Rust) Tj 0 Tr (Java) Tj ET";
        assert_eq!(shown(content, None), [INVISIBLE, INVISIBLE, SEEN]);
    }

    #[test]
    fn white_rgb_fill_is_white_and_black_is_not() {
        let content = "BT /F1 10 Tf 1 1 1 rg (Kafka) Tj 0 0 0 rg (Java) Tj .2 .3 .9 rg (Go) Tj ET";
        assert_eq!(shown(content, None), [WHITE_TEXT, SEEN, SEEN]);
    }

    #[test]
    fn white_gray_inside_q_is_restored_by_capital_q() {
        let content = "q 1 g BT /F1 10 Tf (Kafka) Tj ET Q BT /F1 10 Tf (Java) Tj ET";
        assert_eq!(shown(content, None), [WHITE_TEXT, SEEN]);
    }

    #[test]
    fn cmyk_without_ink_is_white_by_k_and_by_sc() {
        let content = "BT /F1 10 Tf 0 0 0 0 k (Kafka) Tj 0 0 0 1 k (Java) Tj \
                       /DeviceCMYK cs 0 0 0 0 sc (Redis) Tj 0 0 0 0.9 sc (Go) Tj ET";
        assert_eq!(shown(content, None), [WHITE_TEXT, SEEN, WHITE_TEXT, SEEN]);
    }

    #[test]
    fn a_named_icc_rgb_space_as_browsers_write_it() {
        let content = "/CS0 cs 1 1 1 scn BT /F1 10 Tf (Kafka) Tj ET /CS0 cs 0 0 0 scn \
                       BT /F1 10 Tf (Java) Tj ET /DeviceGray cs 1 sc BT (Go) Tj ET";
        assert_eq!(shown(content, None), [WHITE_TEXT, SEEN, WHITE_TEXT]);
    }

    #[test]
    fn each_string_of_a_tj_array_counts_once_and_quotes_do_not() {
        let content = "BT /F1 10 Tf 1 g [(Kaf) -20 (ka) 5 (Redis)] TJ (x) ' 0 g [(Go)] TJ ET";
        assert_eq!(
            shown(content, None),
            [WHITE_TEXT, WHITE_TEXT, WHITE_TEXT, SEEN]
        );
    }

    #[test]
    fn a_white_stroke_in_stroke_mode_is_white_and_a_black_fill_beside_it_is_not() {
        let content = "BT /F1 10 Tf 1 Tr 1 G 0 g (Kafka) Tj 2 Tr (Java) Tj ET";
        assert_eq!(shown(content, None), [WHITE_TEXT, SEEN]);
    }

    #[test]
    fn a_form_inherits_the_colour_and_its_own_changes_end_with_it() {
        let content = "1 1 1 rg /Fm0 Do BT /F1 10 Tf (Docker) Tj ET";
        let form = "BT /F1 10 Tf (Kafka) Tj 0 g (Java) Tj ET";
        assert_eq!(shown(content, Some(form)), [WHITE_TEXT, SEEN, WHITE_TEXT]);
        // Only the form hides: the page's scan finds it through `Do`.
        let form = "BT /F1 10 Tf 3 Tr (Kafka) Tj ET";
        assert_eq!(shown("/Fm0 Do", Some(form)), [INVISIBLE]);
    }

    #[test]
    fn white_on_a_dark_box_is_seen_and_invisible_text_over_an_image_is_ocr() {
        let content = "0.1 0.2 0.3 rg 0 600 200 192 re f \
                       1 1 1 rg BT /F1 10 Tf 20 700 Td (Sidebar) Tj ET \
                       BT /F1 10 Tf 300 700 Td (Kafka) Tj ET \
                       q 400 0 0 300 100 100 cm /Im0 Do Q \
                       BT /F1 10 Tf 3 Tr 150 200 Td (Scanned) Tj 150 500 Td (Hidden) Tj ET";
        let (doc, id) = page(content, Some(""));
        let marks = page_marks(&doc, id).unwrap();
        assert_eq!(marks.reason(0, 40.0, 703.0), None);
        assert_eq!(marks.reason(1, 320.0, 703.0), Some(Reason::PageColour));
        assert_eq!(marks.reason(2, 170.0, 203.0), None);
        assert_eq!(marks.reason(3, 320.0, 703.0), Some(Reason::Invisible));
    }

    #[test]
    fn clipping_text_painted_through_is_seen_and_alone_is_not() {
        let content = "q BT /F1 10 Tf 7 Tr (Gradient) Tj ET 0.2 0.4 0.8 rg 0 0 612 792 re f Q \
                       q BT /F1 10 Tf 7 Tr (Kafka) Tj ET Q 0.2 0.4 0.8 rg 0 0 9 9 re f";
        assert_eq!(shown(content, None), [SEEN, INVISIBLE]);
    }

    #[test]
    fn a_fully_transparent_fill_is_invisible() {
        let content = "q /Clear gs BT /F1 10 Tf (Kafka) Tj ET Q BT /F1 10 Tf (Java) Tj ET \
                       /Opaque gs BT /F1 10 Tf (Go) Tj ET";
        assert_eq!(shown(content, None), [INVISIBLE, SEEN, SEEN]);
        // `gs` is worth a parse only when the resources have a state that clears.
        let (mut doc, id) = page("/Opaque gs BT /F1 10 Tf (Go) Tj ET", None);
        assert!(page_marks(&doc, id).is_some());
        let resources = doc.get_dictionary_mut(id).unwrap().get_mut(b"Resources");
        let states = resources
            .unwrap()
            .as_dict_mut()
            .unwrap()
            .get_mut(b"ExtGState");
        states.unwrap().as_dict_mut().unwrap().remove(b"Clear");
        assert!(page_marks(&doc, id).is_none());
    }

    #[test]
    fn white_text_in_a_moved_form_is_hidden_only_when_nothing_is_painted() {
        // pdf-extract reads the form's glyphs where the form draws them, not where
        // the `cm` puts them: any dark area painted before may lie under them.
        let form = "BT /F1 10 Tf 1 g 20 20 Td (Contact) Tj ET";
        let content = "0.1 0.1 0.3 rg 0 700 612 92 re f q 1 0 0 1 0 720 cm /Fm0 Do Q";
        let (doc, id) = page(content, Some(form));
        let marks = page_marks(&doc, id).unwrap();
        assert!(marks.shown[0].displaced);
        assert_eq!(marks.reason(0, 40.0, 23.0), None);
        let (doc, id) = page("q 1 0 0 1 0 720 cm /Fm0 Do Q", Some(form));
        let marks = page_marks(&doc, id).unwrap();
        assert_eq!(marks.reason(0, 40.0, 23.0), Some(Reason::PageColour));
    }

    #[test]
    fn ordinary_content_is_not_parsed() {
        let plain = "q 0 g BT /F1 10 Tf 72 700 Td (1 1 1 rg and 3 Tr in a string) Tj \
                     % 1 g in a comment\n 0 Tr [(a) 1 (b)] TJ ET Q 0.5 0.5 0.5 RG 0 0 1 0 K";
        let (doc, id) = page(plain, None);
        assert!(page_marks(&doc, id).is_none());
        assert_eq!(scan(plain.as_bytes()), Scan::default());
        for hiding in [
            "1 g",
            "0.99 0.98 1 rg",
            "0 0 0 0 K",
            "3 Tr",
            "1 1 1 scn",
            "1.0 G",
        ] {
            assert!(scan(hiding.as_bytes()).candidate, "{hiding}");
        }
        assert!(scan(b"/Im0 Do").draws);
        assert_eq!(parse_number(b"-.5"), -0.5);
        assert_eq!(parse_number(b"0.973"), 0.973);
        assert!(parse_number(b"1.2.3").is_nan() && parse_number(b"-").is_nan());
        // Nested and escaped parentheses stay inside the string; a cut file ends.
        assert!(!scan(br"(a (1 g) \) 1 g) Tj").candidate);
        assert!(scan(br"(a (b) \( c) Tj 1 g").candidate);
        assert_eq!(scan(br"(unterminated \"), Scan::default());
    }

    #[test]
    fn marks_that_count_other_strings_label_nothing() {
        let (doc, id) = page("BT /F1 10 Tf 3 Tr (Kafka) Tj ET", None);
        let marks = page_marks(&doc, id).unwrap();
        let glyph = |seq: usize, size: f64| Glyph {
            x: 72.0,
            y: 700.0,
            end: 78.0,
            size,
            text: "K".into(),
            space: false,
            tiny: size < super::super::pdf_layout::TINY_SIZE,
            off_page: false,
            turned: false,
            seq,
        };
        let glyphs = [glyph(0, 10.0), glyph(1, 2.0)];
        let mut facts = GlyphFacts::default();
        assert_eq!(
            hidden_glyphs(&glyphs, &[0], Some(&marks), &mut facts).len(),
            2
        );
        assert_eq!((facts.invisible, facts.hidden()), (2, 2));
        // pdf-extract showed two strings where this pass saw one: only the tiny glyph.
        let mut facts = GlyphFacts {
            tiny: 1,
            ..GlyphFacts::default()
        };
        assert_eq!(
            hidden_glyphs(&glyphs, &[0, 1], Some(&marks), &mut facts).len(),
            1
        );
        assert_eq!((facts.invisible, facts.hidden()), (0, 1));
    }
}
