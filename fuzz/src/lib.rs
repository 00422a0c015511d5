//! What the fuzz targets share: one matcher per process (building the automaton over
//! thousands of forms takes far longer than one input), the limits the extractor runs
//! with, and the invariants every scanned document must keep.

use std::sync::OnceLock;

use skillgap::internals::extract::Limits;
use skillgap::internals::lexicon::Lexicon;
use skillgap::internals::matcher::{Matcher, Mention};
use skillgap::internals::sections::Document;

/// The matcher over the embedded lexicon, built on first use.
pub fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(Lexicon::embedded()))
}

/// The embedded lexicon, parsed once (the base that `--extend` files add to).
pub fn embedded() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::embedded)
}

/// The defaults, with the DOCX expansion budget, page count and text length lowered so
/// that inputs of a few kilobytes can reach each limit (and each limit's error path)
/// without every execution inflating 100 MB.
pub fn limits() -> Limits {
    Limits {
        max_docx_bytes: 4 * 1024 * 1024,
        max_pages: 10,
        max_text_chars: 200_000,
        ..Limits::default()
    }
}

/// The example resume the `posting` target scores postings against.
pub const EXAMPLE_RESUME: &str = include_str!("../../examples/resume.txt");

/// Checks what [`Document::new`] promises: line starts ascend from 0, each one right
/// after a newline, and every section lies within the lines.
pub fn check_document(doc: &Document) {
    let text = doc.text();
    assert_eq!(doc.line_starts().first(), Some(&0), "the first line starts at 0");
    assert_eq!(doc.line_count(), text.matches('\n').count() + 1);
    for pair in doc.line_starts().windows(2) {
        assert!(pair[0] < pair[1], "line starts ascend");
        assert_eq!(
            text.as_bytes()[pair[1] - 1],
            b'\n',
            "a line starts after a newline"
        );
    }
    for line in 1..=doc.line_count() {
        assert!(!doc.line_text(line).contains('\n'));
    }
    for s in doc.sections() {
        assert!(1 <= s.start_line && s.start_line <= s.end_line, "{s:?}");
        assert!(s.end_line <= doc.line_count(), "{s:?}");
    }
}

/// Checks what [`Matcher::scan`] promises for each mention: a non-empty span on char
/// boundaries inside the text, in text order without overlap, on the line that holds
/// its start, its form the text it covers (a wrapped line reads as a space), and a
/// form index that belongs to its skill.
pub fn check_mentions(matcher: &Matcher, doc: &Document, mentions: &[Mention]) {
    let text = doc.text();
    let mut previous_end = 0;
    for m in mentions {
        let span = m.span.clone();
        assert!(span.start < span.end && span.end <= text.len(), "{m:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span off a char boundary: {m:?}"
        );
        assert!(
            span.start >= previous_end,
            "mentions overlap or go back: {m:?}"
        );
        previous_end = span.end;
        assert!(1 <= m.line && m.line <= doc.line_count(), "{m:?}");
        assert_eq!(m.line, doc.line_of(span.start), "{m:?}");
        assert_eq!(m.section, doc.section_of_line(m.line), "{m:?}");
        assert_eq!(m.form, text[span].replace('\n', " "), "{m:?}");
        let form = matcher.lexicon().form(m.form_index);
        assert_eq!(form.skill, m.skill, "{m:?}");
        // The snippet the `scan` report shows must be cut on char boundaries too.
        let _ = skillgap::internals::scan::snippet(doc, m);
    }
}
