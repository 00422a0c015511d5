//! The words around a candidate read on across a line wrap.
//!
//! The automaton reads a single line break as a space, so a term wrapped across two
//! lines still matches. Its evidence must wrap the same way: in a narrow column,
//! "added Redis caching" comes out as "added Redis" / "caching", and "the database
//! schema" as "the database" / "schema"; the one-column rendering of the same resume
//! has the neighbour on the same line. Only a wrap reads on: a line that ran out of
//! room holds a few words, so a short line (a title, a name, a heading) ends the
//! context, and so do a line ending a sentence or a label (".", ":", ";", "!", "?"),
//! a blank line, and a next line that opens a new bullet.

use crate::read::normalize::BULLET;

/// The range whose words count as the neighbours of the candidate at `span` on the
/// line `line_start..line_end`: the line, widened to the previous line when the
/// candidate starts its line and to the next when it ends it, where those are wraps.
pub(super) fn around(
    text: &str,
    line_start: usize,
    line_end: usize,
    span: std::ops::Range<usize>,
) -> (usize, usize) {
    let mut start = line_start;
    let mut end = line_end;
    if line_start >= 2 && text[line_start..span.start].trim().is_empty() {
        let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |p| p + 1);
        if wraps_into(
            &text[prev_start..line_start - 1],
            &text[line_start..line_end],
        ) {
            start = prev_start;
        }
    }
    let rest = &text[span.end..line_end];
    if line_end < text.len() && rest.trim_end_matches([',', ')']).trim().is_empty() {
        let next_end = text[line_end + 1..]
            .find('\n')
            .map_or(text.len(), |p| line_end + 1 + p);
        if wraps_into(&text[line_start..line_end], &text[line_end + 1..next_end]) {
            end = next_end;
        }
    }
    (start, end)
}

/// Fewer words than this on a line make it a title, a name or a heading, not a line
/// of running text that wrapped.
const MIN_WRAPPED_WORDS: usize = 4;

/// Whether `line` wraps into `next` (see the module docs).
fn wraps_into(line: &str, next: &str) -> bool {
    if line.split_whitespace().nth(MIN_WRAPPED_WORDS - 1).is_none() {
        return false;
    }
    let ends_open = line
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !matches!(c, '.' | ':' | ';' | '!' | '?'));
    let next = next.trim_start();
    ends_open && !next.is_empty() && !next.starts_with(BULLET)
}

#[cfg(test)]
mod tests {
    use super::around;

    fn words_around(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        let span = at..at + word.len();
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let (start, end) = around(text, line_start, line_end, span);
        text[start..end].to_string()
    }

    #[test]
    fn a_wrap_reads_on_into_the_next_or_previous_line() {
        assert_eq!(
            words_around("with persisted queries and Redis\ncaching.", "caching"),
            "with persisted queries and Redis\ncaching."
        );
        assert_eq!(
            words_around(
                "Comfortable from the database\nschema to the last pixel",
                "database"
            ),
            "Comfortable from the database\nschema to the last pixel"
        );
    }

    #[test]
    fn sentences_labels_bullets_and_blank_lines_end_the_context() {
        assert_eq!(
            words_around("We moved sessions to Redis.\ncaching matters", "caching"),
            "caching matters"
        );
        assert_eq!(
            words_around("Databases:\ncaching layers", "caching"),
            "caching layers"
        );
        assert_eq!(
            words_around("• Redis\n• caching layers", "caching"),
            "• caching layers"
        );
        assert_eq!(
            words_around("We moved sessions to Redis\n\ncaching layers", "caching"),
            "caching layers"
        );
        // A title line before a company line is no wrap.
        assert_eq!(
            words_around("Frontend Engineer\nLumen Studio - Remote", "Lumen"),
            "Lumen Studio - Remote"
        );
        // Not at the line's edge: the line alone.
        assert_eq!(
            words_around("We moved sessions to Redis\nsome caching layers", "caching"),
            "some caching layers"
        );
    }
}
