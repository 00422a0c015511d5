//! Readability checks: can an applicant tracking system (ATS) read this resume at
//! all, before any keyword counts? Each check looks at the file and its extracted
//! text and says what to do when it does not pass.
//!
//! The checks report; they never change the keyword score. The one exception is
//! decided in `analysis`: when the text is garbled, a score over it means nothing.
//!
//! ```
//! use skillgap::internals::extract::{self, Input, Limits};
//! use skillgap::internals::sections::{Document, Purpose};
//! let input = Input::from_text("cv.txt", "Jo Doe\njo@example.com\n\nSKILLS\nRust, Go\n");
//! let extracted = extract::extract(&input, &Limits::default()).unwrap();
//! let doc = Document::new(skillgap::internals::normalize::normalize(&extracted.text), Purpose::Resume);
//! let checks = skillgap::internals::checks::checks(&extracted, input.bytes.len() as u64, &doc);
//! let contact = checks.iter().find(|c| c.id == "contact").unwrap();
//! assert_eq!(contact.status.as_str(), "warn"); // an email, but no phone or profile link
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::judge::score::{Check, CheckStatus};
use crate::prose::{capitalize, join_and, plural};
use crate::read::extract::quality::{self, TextQuality};
use crate::read::extract::{Extracted, Kind};
use crate::read::sections::{Document, SectionKind};

/// The ids of the readability checks, in the order they are reported.
pub const IDS: [&str; 8] = [
    "text_layer",
    "garbled_text",
    "glued_words",
    "two_column",
    "contact",
    "headings",
    "length",
    "file_type",
];

/// True for the id of a readability check (as opposed to the posting checks).
pub fn is_readability(id: &str) -> bool {
    IDS.contains(&id)
}

/// Share of symbol characters from which the text is called garbled: real resumes
/// stay under a few percent even with icons and rules; text from fonts without a
/// Unicode map is mostly symbols.
pub const GARBLED_FAIL: f64 = 0.30;
/// Share of symbol characters from which part of the text is probably garbled
/// (one font of several without a Unicode map, such as the headings').
pub const GARBLED_WARN: f64 = 0.10;
/// Share of the letters in runs too long to be words (see
/// [`TextQuality`](crate::read::extract::quality::TextQuality)) from which the text is
/// called glued: an ATS cannot tell its words apart.
pub const GLUED_FAIL: f64 = 0.30;
/// Share of letters in glued runs from which part of the text is probably glued.
pub const GLUED_WARN: f64 = 0.05;
/// Common advice for a resume's length is 400 to 1,000 words on one or two pages:
/// fewer words rarely hold the tools and results a posting asks for; more get
/// skimmed. This is the least.
pub const MIN_WORDS: usize = 400;
/// The most words of the common advice (see [`MIN_WORDS`]).
pub const MAX_WORDS: usize = 1000;
/// The most pages of the common advice (see [`MIN_WORDS`]).
pub const MAX_PAGES: usize = 2;
/// The advice as the messages state it (keep in step with the three above).
const LENGTH_ADVICE: &str = "400–1,000 words on one or two pages";
/// Upload forms often cap files at a few MB; a text resume is far smaller.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Runs every readability check on a resume: `extracted` as the format gave it,
/// `file_bytes` the size of the file, `doc` the normalized text.
///
/// When the text is garbled, the checks that read its words (contact, headings,
/// length) say so instead of judging symbols.
pub fn checks(extracted: &Extracted, file_bytes: u64, doc: &Document) -> Vec<Check> {
    let garbled = garbled_text(extracted, doc);
    let glued = glued_words(doc);
    let unreadable = [&garbled, &glued]
        .into_iter()
        .find(|c| c.status == CheckStatus::Fail)
        .map(|c| c.id);
    let about_words = |id: &'static str, run: &dyn Fn() -> Check| match unreadable {
        Some(why) => check(
            id,
            CheckStatus::Info,
            format!("Not checked: the text is unreadable (see {why})."),
        ),
        None => run(),
    };
    vec![
        text_layer(extracted, doc),
        garbled,
        glued,
        two_column(extracted),
        about_words("contact", &|| contact(doc)),
        about_words("headings", &|| headings(doc)),
        about_words("length", &|| length(extracted, doc)),
        file_type(extracted.kind, file_bytes),
    ]
}

/// The verdict of the `garbled_text` check alone, for `rank`, which withholds the
/// score of a garbled text as `match` does. The check itself reads the text three
/// times and builds a sample for its message, which doubled `rank`'s time on small
/// text files; this counts in one pass, 64 bytes at a time (see [`visible_and_symbols`]).
pub fn text_is_garbled(doc: &Document) -> bool {
    let (visible, symbols) = visible_and_symbols(doc.text());
    visible >= 20 && symbols as f64 / visible as f64 >= GARBLED_FAIL
}

/// The visible characters (not white space) of `text` and the symbols among them, as
/// `symbol_ratio` counts them. ASCII bytes are classified 16 at a time with a few
/// vector compares and counted in vector lanes; only non-ASCII characters (a bullet on
/// each line, accents) are decoded, one by one, at their first byte. A table lookup
/// per byte cost a third of the instructions `rank` spends on a text resume.
#[cfg(target_arch = "x86_64")]
fn visible_and_symbols(text: &str) -> (usize, usize) {
    use std::arch::x86_64::*;
    let bytes = text.as_bytes();
    // Every byte visible to start with (the padding of the last block too), less the
    // unseen ones counted below.
    let mut counts = (bytes.len().next_multiple_of(64), 0);
    // The last block, padded with spaces (neither visible nor symbols).
    let whole = bytes.len() / 64 * 64;
    let mut last = [b' '; 64];
    last[..bytes.len() - whole].copy_from_slice(&bytes[whole..]);
    // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always
    // available; each block's loads read 64 bytes inside `bytes` or inside `last`.
    unsafe {
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        // Byte lanes count to 255 at most (4 a block); sums of absolute differences
        // with zero add them up into two 64-bit lanes before they could wrap.
        let lanes_sum = |acc: __m128i| {
            let sum = _mm_sad_epu8(acc, _mm_setzero_si128());
            (_mm_cvtsi128_si64(sum) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(sum, sum))) as usize
        };
        let (mut unseen, mut signs) = (_mm_setzero_si128(), _mm_setzero_si128());
        let mut in_lanes = 0;
        for start in (0..bytes.len()).step_by(64) {
            let block = if start < whole {
                bytes.as_ptr().add(start)
            } else {
                last.as_ptr()
            };
            let mut any_high = _mm_setzero_si128();
            for k in 0..4 {
                let v = _mm_loadu_si128(block.add(16 * k).cast::<__m128i>());
                // Signed compares: bytes of 0x80 and up are negative, below every
                // range of ASCII bytes here.
                let high = _mm_cmplt_epi8(v, _mm_setzero_si128());
                let control = _mm_andnot_si128(high, _mm_cmplt_epi8(v, splat(0x20)));
                // White space as `char::is_whitespace` has it: tab to carriage
                // return, and space.
                let space = _mm_or_si128(
                    _mm_and_si128(_mm_cmpgt_epi8(v, splat(8)), _mm_cmplt_epi8(v, splat(14))),
                    _mm_cmpeq_epi8(v, splat(b' ')),
                );
                // Symbols as `is_symbol` has them: the other control characters, the
                // backtick and delete.
                let sign = _mm_or_si128(
                    _mm_andnot_si128(space, control),
                    _mm_or_si128(
                        _mm_cmpeq_epi8(v, splat(b'`')),
                        _mm_cmpeq_epi8(v, splat(0x7f)),
                    ),
                );
                // A set lane is -1: subtracting it counts one. Non-ASCII bytes count
                // as unseen here; their characters are counted one by one below.
                unseen = _mm_sub_epi8(unseen, _mm_or_si128(space, high));
                signs = _mm_sub_epi8(signs, sign);
                any_high = _mm_or_si128(any_high, v);
            }
            in_lanes += 1;
            if in_lanes == 63 {
                counts.0 -= lanes_sum(unseen);
                counts.1 += lanes_sum(signs);
                (unseen, signs) = (_mm_setzero_si128(), _mm_setzero_si128());
                in_lanes = 0;
            }
            if _mm_movemask_epi8(any_high) != 0 {
                let mut leads = 0u64;
                for k in 0..4 {
                    let v = _mm_loadu_si128(block.add(16 * k).cast::<__m128i>());
                    // 0xC0 and up, as signed bytes -64 to -1: where a character starts.
                    let lead = _mm_and_si128(
                        _mm_cmplt_epi8(v, _mm_setzero_si128()),
                        _mm_cmpgt_epi8(v, splat(0xbf)),
                    );
                    leads |= u64::from(_mm_movemask_epi8(lead) as u16) << (16 * k);
                }
                count_characters(text, start, leads, &mut counts);
            }
        }
        counts.0 -= lanes_sum(unseen);
        counts.1 += lanes_sum(signs);
    }
    counts
}

/// Counts into `(visible, symbols)` the non-ASCII characters starting at
/// `block_start + i` for each bit `i` of `leads`. (Kept apart so the vector loop
/// keeps its counters in registers.)
#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn count_characters(text: &str, block_start: usize, mut leads: u64, counts: &mut (usize, usize)) {
    while leads != 0 {
        let c = char_at(text, block_start + leads.trailing_zeros() as usize);
        counts.0 += usize::from(!c.is_whitespace());
        counts.1 += usize::from(is_symbol(c));
        leads &= leads - 1;
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn visible_and_symbols(text: &str) -> (usize, usize) {
    visible_and_symbols_plain(text)
}

/// [`visible_and_symbols`] a byte at a time: the portable version, and a second
/// reference for the tests.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn visible_and_symbols_plain(text: &str) -> (usize, usize) {
    let mut counts = (0, 0);
    for (at, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii() {
            counts.0 += usize::from(!char::from(b).is_whitespace());
            counts.1 += usize::from(is_symbol(char::from(b)));
        } else if b >= 0xC0 {
            let c = char_at(text, at);
            counts.0 += usize::from(!c.is_whitespace());
            counts.1 += usize::from(is_symbol(c));
        }
    }
    counts
}

/// The character starting at byte `at` of `text`.
#[inline]
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or(' ')
}

/// Whether the `glued_words` check fails on text of this quality.
fn glued_fails(quality: &TextQuality) -> bool {
    quality.tokens >= 10 && quality.glued_share >= GLUED_FAIL
}

/// The verdict of the `glued_words` check alone, for `rank`, which withholds the
/// score of glued text as `match` does. It reads every word, several times the cost
/// of [`text_is_garbled`], so `rank` asks it only of text a file format laid out
/// (PDF, DOCX, HTML: see `judge::analysis::quick`), where spaces can be lost.
pub fn text_is_glued(doc: &Document) -> bool {
    quality::may_have_glued_run(doc.text()) && glued_fails(&TextQuality::of(doc.text()))
}

/// True when the checks found the text garbled or its words glued together: the
/// keyword score would be noise.
pub fn is_garbled(checks: &[Check]) -> bool {
    unreadable_because(checks).is_some()
}

/// The failed check that makes the text unreadable (`garbled_text` or
/// `glued_words`), if one did.
pub fn unreadable_because(checks: &[Check]) -> Option<&'static str> {
    checks
        .iter()
        .find(|c| matches!(c.id, "garbled_text" | "glued_words") && c.status == CheckStatus::Fail)
        .map(|c| c.id)
}

fn check(id: &'static str, status: CheckStatus, message: String) -> Check {
    Check {
        id,
        status,
        message,
        lines: Vec::new(),
    }
}

/// "page 2", "pages 2 and 3".
fn pages_phrase(pages: &[usize]) -> String {
    let numbers: Vec<String> = pages.iter().map(usize::to_string).collect();
    let refs: Vec<&str> = numbers.iter().map(String::as_str).collect();
    let list = join_and(&refs);
    if pages.len() == 1 {
        format!("page {list}")
    } else {
        format!("pages {list}")
    }
}

/// Words as `scan` and `extract` count them, so every report gives one number.
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Text present at all, and on every page. Garbled text is still a text layer;
/// `garbled_text` judges what it says.
fn text_layer(extracted: &Extracted, doc: &Document) -> Check {
    let words = word_count(doc.text());
    let empty_pages = &extracted.layout.pages_without_text;
    if doc.text().trim().is_empty() {
        check(
            "text_layer",
            CheckStatus::Fail,
            "No text could be read: the file looks scanned or made of images, so an ATS reads nothing; export it from the original document as a text PDF or DOCX.".into(),
        )
    } else if !empty_pages.is_empty() {
        check(
            "text_layer",
            CheckStatus::Warn,
            format!(
                "{} of {} {} no text (blank, or a scan or image), so an ATS reads nothing there; remove blank pages and export the rest from the original document instead of scanning it.",
                capitalize(&pages_phrase(empty_pages)),
                extracted.pages,
                if empty_pages.len() == 1 { "has" } else { "have" }
            ),
        )
    } else {
        check(
            "text_layer",
            CheckStatus::Pass,
            format!(
                "The file has a text layer: {} read.",
                plural(words, "word", "words")
            ),
        )
    }
}

/// Punctuation and signs that real resumes use; everything else that is neither a
/// letter, a digit nor a space counts as a symbol.
fn is_ordinary_sign(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '/'
            | '\\'
            | '-'
            | '_'
            | '&'
            | '@'
            | '#'
            | '%'
            | '+'
            | '*'
            | '='
            | '|'
            | '~'
            | '^'
            | '$'
            | '€'
            | '£'
            | '–'
            | '—'
            | '•'
            | '…'
            | '®'
            | '™'
    )
}

/// (The cheap tests first: a bullet or a dash is settled without the Unicode tables.)
fn is_symbol(c: char) -> bool {
    !is_ordinary_sign(c) && !c.is_whitespace() && !c.is_alphanumeric()
}

/// The share of symbol characters among the visible ones, and a sample of the
/// worst line (for the message).
fn symbol_ratio(text: &str) -> (f64, usize, String) {
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let symbols = text.chars().filter(|&c| is_symbol(c)).count();
    let ratio = if visible == 0 {
        0.0
    } else {
        symbols as f64 / visible as f64
    };
    let sample = text
        .lines()
        .max_by_key(|line| line.chars().filter(|&c| is_symbol(c)).count())
        .unwrap_or("")
        .trim()
        .chars()
        .take(24)
        .collect();
    (ratio, visible, sample)
}

/// Fonts without a Unicode map extract as runs of symbols; say so, since every
/// later step (and every ATS) reads the same garbage.
fn garbled_text(extracted: &Extracted, doc: &Document) -> Check {
    let (ratio, visible, sample) = symbol_ratio(doc.text());
    let percent = (ratio * 100.0).round();
    // Glyphs drawn with no text behind them: the fonts themselves say nothing.
    let why = if extracted.layout.glyphs.unmapped > 0 {
        "the fonts carry no text mapping; an ATS reads symbols"
    } else {
        "as when a PDF's fonts have no Unicode map; an ATS reads the same garbage"
    };
    if visible >= 20 && ratio >= GARBLED_FAIL {
        check(
            "garbled_text",
            CheckStatus::Fail,
            format!(
                "The text is garbled: {percent}% of its characters are symbols, not letters (e.g. \"{sample}\"), {why}, so a keyword score means nothing. Re-export the PDF from the original document with standard fonts, or send a DOCX, and check it with `skillgap extract`."
            ),
        )
    } else if visible >= 20 && ratio >= GARBLED_WARN {
        check(
            "garbled_text",
            CheckStatus::Warn,
            format!(
                "Part of the text looks garbled: {percent}% of its characters are symbols (e.g. \"{sample}\"); one of the PDF's fonts may lack a Unicode map. Run `skillgap extract` and re-export the PDF if words are missing."
            ),
        )
    } else {
        check(
            "garbled_text",
            CheckStatus::Pass,
            "The text reads as words, not symbols.".into(),
        )
    }
}

/// Words run together ("Ahighlyinnovativeand..."): a PDF that draws its spaces as
/// gaps both its readers missed. Every later step, and every ATS, sees one long word.
fn glued_words(doc: &Document) -> Check {
    let quality = TextQuality::of(doc.text());
    let percent = (quality.glued_share * 100.0).round();
    if glued_fails(&quality) {
        let sample = quality.glued_sample.unwrap_or_default();
        check(
            "glued_words",
            CheckStatus::Fail,
            format!(
                "The words run together: {percent}% of the letters are in runs too long to be words (e.g. \"{sample}\"), as when a PDF draws its spaces as gaps; an ATS reads one long word, so a keyword score means nothing. Re-export the PDF from the original document (or print it to PDF from another program), or send a DOCX, and check it with `skillgap extract`."
            ),
        )
    } else if quality.tokens >= 10 && quality.glued_share >= GLUED_WARN {
        let sample = quality.glued_sample.unwrap_or_default();
        check(
            "glued_words",
            CheckStatus::Warn,
            format!(
                "Some words run together ({percent}% of the letters, e.g. \"{sample}\"); an ATS cannot find skills inside them. Run `skillgap extract` and fix the lines that lost their spaces."
            ),
        )
    } else {
        check(
            "glued_words",
            CheckStatus::Pass,
            "The words are separated by spaces.".into(),
        )
    }
}

/// Two columns side by side, from where the PDF's lines start on the page.
fn two_column(extracted: &Extracted) -> Check {
    match extracted.kind {
        Kind::Pdf if extracted.layout.two_columns() => check(
            "two_column",
            CheckStatus::Warn,
            format!(
                "{} {} like two columns side by side; many ATS read straight across both, mixing lines from each, or put one column after the other out of order; use a single-column layout, or check with `skillgap extract` that each section reads in one piece.",
                capitalize(&pages_phrase(&extracted.layout.two_column_pages)),
                if extracted.layout.two_column_pages.len() == 1 { "looks" } else { "look" }
            ),
        ),
        Kind::Pdf => check(
            "two_column",
            CheckStatus::Pass,
            "The pages read as one column.".into(),
        ),
        Kind::Docx => check(
            "two_column",
            CheckStatus::Info,
            "Columns are only measured in PDFs; keep a DOCX in one column, without tables or text boxes for layout.".into(),
        ),
        Kind::Text | Kind::Html => check(
            "two_column",
            CheckStatus::Pass,
            "Plain text has no columns.".into(),
        ),
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b").unwrap()
});

/// A run of digits with the separators phone numbers use; validated by [`is_phone`].
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\(?\d[\d ().\-/]{5,20}\d").unwrap());

static PHONE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:phone|tel|telephone|mobile|mob|cell)\b|[☎✆📞📱]").unwrap()
});

static PROFILE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:https?://[^\s|,;]+|www\.[^\s|,;]+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|stackoverflow\.com|behance\.net|dribbble\.com)/[^\s|,;]+)",
    )
    .unwrap()
});

/// True when a digit run found on `line` is a phone number, not dates or versions:
/// 7 to 15 digits, and an international `+`, an area code in brackets, a cue word
/// ("Phone:") or at least 10 digits with no year-like group ("2019-2021").
fn is_phone(candidate: &str, line: &str) -> bool {
    let digits = candidate.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return false;
    }
    let marked = candidate.starts_with('+') || candidate.contains('(');
    if marked || PHONE_CUE.is_match(line) {
        return true;
    }
    let has_year = candidate
        .split(|c: char| !c.is_ascii_digit())
        .any(|group| group.len() == 4 && (group.starts_with("19") || group.starts_with("20")));
    digits >= 10 && !has_year
}

/// What contact details the text holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Contact {
    email: bool,
    phone: bool,
    profile: bool,
}

fn find_contact(text: &str) -> Contact {
    let phone = text.lines().any(|line| {
        PHONE
            .find_iter(line)
            .any(|m| is_phone(m.as_str().trim(), line))
    });
    Contact {
        email: EMAIL.is_match(text),
        phone,
        profile: PROFILE.is_match(text),
    }
}

/// Email, phone and a profile link, written as text an ATS can copy.
fn contact(doc: &Document) -> Check {
    let found = find_contact(doc.text());
    let mut have = Vec::new();
    let mut lack = Vec::new();
    for (present, name) in [
        (found.email, "an email address"),
        (found.phone, "a phone number"),
        (
            found.profile,
            "a profile link (LinkedIn, GitHub or a website)",
        ),
    ] {
        if present {
            have.push(name);
        } else {
            lack.push(name);
        }
    }
    // A link hidden behind the word "LinkedIn" leaves only the word in the text.
    let hidden_link = !found.profile
        && doc.text().split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.eq_ignore_ascii_case("linkedin") || w.eq_ignore_ascii_case("github")
        });
    let link_hint = if hidden_link {
        " (the word LinkedIn or GitHub is there but no address: an ATS does not follow links behind words, so write the URL out)"
    } else {
        ""
    };
    if lack.is_empty() {
        check(
            "contact",
            CheckStatus::Pass,
            "Found an email address, a phone number and a profile link.".into(),
        )
    } else if have.is_empty() {
        check(
            "contact",
            CheckStatus::Fail,
            format!(
                "No contact details were found: no email address, phone number or profile link{link_hint}; put them as plain text at the top, under your name (not in a header, footer or image)."
            ),
        )
    } else {
        check(
            "contact",
            CheckStatus::Warn,
            format!(
                "Found {} but not {}{link_hint}; add it as plain text at the top, under your name.",
                join_and(&have),
                lack.join(" or ")
            ),
        )
    }
}

/// The standard headings an ATS uses to split a resume into its parts.
fn headings(doc: &Document) -> Check {
    let kinds = doc.section_kinds();
    let wanted = [
        (SectionKind::Experience, "Experience"),
        (SectionKind::Education, "Education"),
        (SectionKind::Skills, "Skills"),
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(kind, _)| !kinds.contains(kind))
        .map(|&(_, name)| name)
        .collect();
    match missing.len() {
        0 => check(
            "headings",
            CheckStatus::Pass,
            "Standard headings found: Experience, Education and Skills.".into(),
        ),
        3 => check(
            "headings",
            CheckStatus::Fail,
            "None of the standard headings (Experience, Education, Skills) was found, so an ATS cannot tell your jobs from your skills; put each part under one of these words, on a line of its own.".into(),
        ),
        n => {
            let quoted: Vec<String> = missing.iter().map(|m| format!("\"{m}\"")).collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            let put = if n == 1 {
                format!("put that part under {} on a line of its own", quoted[0])
            } else {
                format!(
                    "put those parts under {}, each on a line of its own",
                    join_and(&quoted)
                )
            };
            check(
                "headings",
                CheckStatus::Warn,
                format!(
                    "No {} heading was found; an ATS files text by standard headings, so {put} (creative titles such as \"My Journey\" are not recognised).",
                    missing.join(" or "),
                ),
            )
        }
    }
}

/// Words and pages against the usual advice.
fn length(extracted: &Extracted, doc: &Document) -> Check {
    let words = word_count(doc.text());
    let pages = (extracted.kind == Kind::Pdf).then_some(extracted.total_pages);
    let size = match pages {
        Some(p) => format!(
            "{} on {}",
            plural(words, "word", "words"),
            plural(p, "page", "pages")
        ),
        None => plural(words, "word", "words"),
    };
    if words < MIN_WORDS {
        check(
            "length",
            CheckStatus::Warn,
            format!(
                "The resume is short ({size}); common advice is {LENGTH_ADVICE}: describe each role with two to five bullets that name the tools you used and the results, with numbers."
            ),
        )
    } else if words > MAX_WORDS || pages.is_some_and(|p| p > MAX_PAGES) {
        check(
            "length",
            CheckStatus::Warn,
            format!(
                "The resume is long ({size}); recruiters skim, and common advice is {LENGTH_ADVICE}: shorten older roles to a line each and cut skills the jobs you want do not ask for."
            ),
        )
    } else {
        check(
            "length",
            CheckStatus::Pass,
            format!("{size}: within the common advice of {LENGTH_ADVICE}."),
        )
    }
}

/// PDF and DOCX are what upload forms and parsers expect; big files get refused.
fn file_type(kind: Kind, bytes: u64) -> Check {
    let size = if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    };
    let name = match kind {
        Kind::Pdf => "PDF",
        Kind::Docx => "DOCX",
        Kind::Html => "HTML",
        Kind::Text => "plain text",
    };
    if bytes > MAX_BYTES {
        return check(
            "file_type",
            CheckStatus::Warn,
            format!(
                "The file is {size}; upload forms often refuse files over a few MB, and a text resume needs well under 1 MB: remove or compress images and export again."
            ),
        );
    }
    match kind {
        Kind::Pdf | Kind::Docx => check(
            "file_type",
            CheckStatus::Pass,
            format!("{name}, {size}: a format every ATS reads."),
        ),
        Kind::Html | Kind::Text => check(
            "file_type",
            CheckStatus::Warn,
            format!(
                "The file is {name} ({size}); many ATS and upload forms take only PDF or DOCX, so send it as a PDF or DOCX exported from your editor."
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_quick_garbled_verdict_is_the_checks_verdict() {
        use crate::read::sections::Purpose;
        let samples = [
            "Jane Doe\nSKILLS\nJava, Kafka, PostgreSQL\n",
            "\u{e000}\u{e001}\u{e002} \u{e003}\u{e004}\u{e005} \u{e006}\u{e007}\u{e008} \u{e009}\u{e00a} Java \u{e00b}\u{e00c}\u{e00d}\u{e00e}\u{e00f}\u{e010}",
            "#### $$$$ %%%% ^^^^ ~~~~ |||| Java and Go",
            "Café résumé — naïve coöperation · 5 years · Zürich",
            "≠≠≠≠ ∑∑∑∑ ∂∂∂∂ ∆∆∆∆ ∞∞∞∞ ok",
            "short",
        ];
        let extracted = Extracted {
            kind: Kind::Text,
            pages: 1,
            total_pages: 1,
            text: String::new(),
            layout: crate::read::extract::Layout::default(),
            engine: None,
            hidden_text: String::new(),
        };
        for text in samples {
            let doc = Document::new(text.to_string(), Purpose::Resume);
            assert_eq!(
                text_is_garbled(&doc),
                garbled_text(&extracted, &doc).status == CheckStatus::Fail,
                "{text:?}"
            );
        }
        let private_use = Document::new(samples[1].to_string(), Purpose::Resume);
        assert!(text_is_garbled(&private_use));
        assert!(!text_is_garbled(&Document::new(
            samples[3].to_string(),
            Purpose::Resume
        )));
    }

    use super::*;

    /// The counts as `symbol_ratio` makes them, one character at a time.
    fn counted_by_chars(text: &str) -> (usize, usize) {
        (
            text.chars().filter(|c| !c.is_whitespace()).count(),
            text.chars().filter(|&c| is_symbol(c)).count(),
        )
    }

    #[test]
    fn block_counts_agree_with_the_character_rules_on_real_text() {
        let resume = include_str!("../../examples/resume.txt");
        let english = include_str!("../../tests/data/english-sentences.txt");
        let normalized = crate::read::normalize::normalize(resume);
        let mut samples = vec![
            resume.to_string(),
            english.to_string(),
            normalized.clone(),
            "".into(),
            "\u{b}\u{c}\u{1c}\u{1f}\u{7f}`\u{85}\u{a0}\u{3000}".into(),
            // Long enough for the vector lanes to be summed on the way (every 63 blocks).
            "Java `\u{1}\t".repeat(3000),
        ];
        // Cut at every offset: characters split across two blocks and short tails.
        for cut in (0..200).filter(|&c| normalized.is_char_boundary(c)) {
            samples.push(normalized[cut..].to_string());
        }
        assert_counted_by_chars(&samples);
    }

    /// Both counts (vector and byte at a time) agree with the per-character rules.
    fn assert_counted_by_chars(samples: &[String]) {
        for text in samples {
            assert_eq!(
                visible_and_symbols(text),
                counted_by_chars(text),
                "{text:?}"
            );
            assert_eq!(
                visible_and_symbols_plain(text),
                counted_by_chars(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn every_byte_value_is_counted_by_the_character_rules() {
        // Each ASCII byte alone and in a run long enough for the vector path, and
        // every non-ASCII character starting with each possible first byte.
        let mut samples: Vec<String> = (0..128u8)
            .flat_map(|b| {
                [
                    char::from(b).to_string(),
                    char::from(b).to_string().repeat(40),
                ]
            })
            .collect();
        for lead in 0xC2..=0xF4u8 {
            let c = match lead {
                0xC2..=0xDF => char::from_u32(u32::from(lead & 0x1F) << 6 | 0x05),
                0xE0..=0xEF => char::from_u32(u32::from(lead & 0x0F) << 12 | 0x0A05),
                _ => char::from_u32(u32::from(lead & 0x07) << 18 | 0x10A05),
            };
            if let Some(c) = c {
                samples.push(format!("ab{c}cd").repeat(9));
            }
        }
        assert_counted_by_chars(&samples);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn block_counts_agree_with_the_character_rules(
            text in "(\\PC|[ \t\n\r\u{0}-\u{1f}`•–€\u{e000}©±¦]|[a-z ]{1,40}){0,300}"
        ) {
            proptest::prop_assert_eq!(visible_and_symbols(&text), counted_by_chars(&text));
            proptest::prop_assert_eq!(visible_and_symbols_plain(&text), counted_by_chars(&text));
        }

    }

    #[test]
    fn phones_are_told_from_dates_and_versions() {
        let phone = |line: &str| find_contact(line).phone;
        assert!(phone("+1 555 0100"));
        assert!(phone("(555) 014-2937"));
        assert!(phone("Phone: 555-0100"));
        assert!(phone("030 1234 5678"));
        assert!(!phone("Jan 2017 - Present"));
        assert!(!phone("2019-2021"));
        assert!(!phone("01/2019 - 03/2021"));
        assert!(!phone("01.2019 - 03.2021"));
        assert!(!phone("Python 3.12.1"));
        assert!(!phone("Cut latency by 480 ms to 85 ms"));
    }

    #[test]
    fn emails_and_profile_links() {
        let c = find_contact("jo.doe@mail.example.com | github.com/jodoe");
        assert!(c.email && c.profile && !c.phone);
        let c = find_contact("Built ASP.NET and Node.js services; see https://jo.dev");
        assert!(!c.email && c.profile);
        assert!(!find_contact("Built ASP.NET and Node.js services").profile);
    }

    #[test]
    fn symbols_not_letters_are_garbled() {
        let (ratio, _, _) = symbol_ratio("©±¦¡‰° §‰¿¦¡ ¤°±×÷");
        assert!(ratio > GARBLED_FAIL, "{ratio}");
        let (ratio, _, _) = symbol_ratio(
            "Built C++, C#, .NET and CI/CD pipelines (TCP/IP) — 40% faster; $2k saved • Go",
        );
        assert!(ratio < GARBLED_WARN, "{ratio}");
    }
}
