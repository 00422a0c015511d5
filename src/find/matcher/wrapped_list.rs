//! A list wrapped over several lines is one list.
//!
//! A narrow column (a sidebar, a table cell) wraps a skills list where the room runs
//! out: "Infrastructure as code:" / "Terraform, Ansible, Packer," / "Helm", or
//! "Practices: data modelling," / "data quality testing, code" / "review, Agile".
//! The one-column rendering of the same resume has the whole list on one line, where
//! its label and its other items are the evidence an ambiguous item (Helm, Agile)
//! needs. So the list rule reads the lines of a wrapped list as one line.
//!
//! A line break is a wrap inside a list only when both sides show it:
//!
//! * the line before ends with a list separator ("," or "|") after a short item (at
//!   most three words: "Packer,", not "I worked with many teams,"), or is a label
//!   alone ("Infrastructure as code:"), or breaks a short item in two, in a line that
//!   already has a separator or a label ("…, code" / "review, Agile"; "Practices:
//!   accessibility" / "(WCAG 2.1), …"): the two halves together are at most three
//!   words, and the next line goes on with a separator right after its half;
//! * the next line is not blank, opens no bullet and starts no list of its own (a
//!   new "Label:").
//!
//! A line that ends a sentence (".", "!", "?", ";") never wraps into a list, and a
//! line longer than any column's ([`MAX_LINE`] bytes) is running text, not a wrapped
//! list. At most [`MAX_LINES`] lines are read either side, so a long text costs no
//! more per candidate than a short one.

use crate::read::normalize::BULLET;

/// Lines read before and after the candidate's line.
const MAX_LINES: usize = 8;

/// Bytes beyond which a line is a paragraph of running text, not a line of a list
/// that wrapped in a column.
const MAX_LINE: usize = 240;

/// Words an item broken by the wrap may have (its two halves together).
const MAX_ITEM_WORDS: usize = 3;

/// Words a label ("Infrastructure as code:") may have before its colon.
const MAX_LABEL_WORDS: usize = 4;

/// The range of the wrapped list that the line `line_start..line_end` of `text` is a
/// line of: the line itself when it is no part of a wrapped list.
pub(super) fn around(text: &str, line_start: usize, line_end: usize) -> (usize, usize) {
    if line_end - line_start > MAX_LINE {
        return (line_start, line_end);
    }
    let (mut start, mut end) = (line_start, line_end);
    for _ in 0..MAX_LINES {
        // The list starts at a line that starts one of its own.
        if is_label_line(&text[start..line_end_at(text, start)]) {
            break;
        }
        match line_before(text, start) {
            Some(prev)
                if continues(
                    &text[prev..start - 1],
                    &text[start..line_end_at(text, start)],
                ) =>
            {
                start = prev;
            }
            _ => break,
        }
    }
    for _ in 0..MAX_LINES {
        let line_begin = line_start_at(text, end, start);
        match line_after(text, end) {
            Some(next_end) if continues(&text[line_begin..end], &text[end + 1..next_end]) => {
                end = next_end;
            }
            _ => break,
        }
    }
    (start, end)
}

/// The start of the line before the one starting at `start`, if there is one and it
/// is short enough to be a line of a list.
fn line_before(text: &str, start: usize) -> Option<usize> {
    let prev_end = start.checked_sub(1)?;
    let from = prev_end.saturating_sub(MAX_LINE + 1);
    match memchr::memrchr(b'\n', &text.as_bytes()[from..prev_end]) {
        Some(p) => Some(from + p + 1),
        None if from == 0 => Some(0),
        None => None,
    }
}

/// The end of the line after the one ending at `end`, if there is one and it is
/// short enough to be a line of a list.
fn line_after(text: &str, end: usize) -> Option<usize> {
    if end >= text.len() {
        return None;
    }
    let from = end + 1;
    let to = (from + MAX_LINE + 1).min(text.len());
    match memchr::memchr(b'\n', &text.as_bytes()[from..to]) {
        Some(p) => Some(from + p),
        None if to == text.len() => Some(to),
        None => None,
    }
}

/// The end of the line starting at `start` (lines here are at most [`MAX_LINE`]
/// bytes, or the caller's own line).
fn line_end_at(text: &str, start: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p)
}

/// The start of the line ending at `end`, no earlier than `floor` (a line start).
fn line_start_at(text: &str, end: usize, floor: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[floor..end]).map_or(floor, |p| floor + p + 1)
}

/// Characters that separate the items of a list, as far as a wrap is concerned.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '|' | '(' | ')' | '•' | '·' | '▪')
}

/// Words in `text`: runs of letters and digits.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// True when `line` starts a list of its own: a short label and a colon ("Cloud:",
/// "CI/CD: Jenkins, Argo CD"), or a link ("https://…"), which ends a list too.
fn is_label_line(line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let label = &line[..colon];
    !label.contains(',') && (1..=MAX_LABEL_WORDS).contains(&word_count(label))
}

/// Whether the list on `line` goes on on `next` (see the module docs).
fn continues(line: &str, next: &str) -> bool {
    let (line, next) = (line.trim(), next.trim());
    if line.is_empty()
        || next.is_empty()
        || line.len() > MAX_LINE
        || next.starts_with([BULLET, '-', '*'])
        || is_label_line(next)
    {
        return false;
    }
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    if matches!(last, '.' | '!' | '?' | ';') {
        return false;
    }
    // A label alone on its line: the list starts on the next.
    if let Some(label) = line.strip_suffix(':') {
        return !label.contains([',', ':']) && (1..=MAX_LABEL_WORDS).contains(&word_count(label));
    }
    // The last item of the line, after its separator or its label.
    let item_start = |s: &str| {
        s.char_indices()
            .rev()
            .find(|&(_, c)| is_separator(c) || c == ':')
            .map(|(p, c)| p + c.len_utf8())
    };
    if matches!(last, ',' | '|') {
        let body = &line[..line.len() - 1];
        let item = item_start(body).map_or(body, |p| &body[p..]);
        return word_count(item) <= MAX_ITEM_WORDS;
    }
    // An item broken in two: the line must be a list already, and the next line
    // goes on with a separator after the item's second half.
    let Some(p) = item_start(line) else {
        return false;
    };
    let Some(q) = next.find(is_separator) else {
        return false;
    };
    word_count(&line[p..]) + word_count(&next[..q]) <= MAX_ITEM_WORDS
}

#[cfg(test)]
mod tests {
    use super::around;

    /// The text of the wrapped list around `word`'s line.
    fn list_around(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let (start, end) = around(text, line_start, line_end);
        text[start..end].to_string()
    }

    const SIDEBAR: &str = "Skills\n\
        Platforms: Kubernetes,\n\
        Docker, Linux, Nginx\n\
        Infrastructure as code:\n\
        Terraform, Ansible, Packer,\n\
        Helm\n\
        Observability: Prometheus,\n\
        Grafana, Loki\n\
        Practices: data modelling,\n\
        data quality testing, code\n\
        review, Agile\n\
        \n\
        Practices: accessibility\n\
        (WCAG 2.1), performance\n\
        budgets, pair programming";

    #[test]
    fn a_list_wrapped_after_a_comma_reads_as_one_line() {
        assert_eq!(
            list_around(SIDEBAR, "Helm"),
            "Infrastructure as code:\nTerraform, Ansible, Packer,\nHelm"
        );
        assert_eq!(
            list_around(SIDEBAR, "Ansible"),
            "Infrastructure as code:\nTerraform, Ansible, Packer,\nHelm"
        );
        assert_eq!(
            list_around(SIDEBAR, "Kubernetes"),
            "Platforms: Kubernetes,\nDocker, Linux, Nginx"
        );
    }

    #[test]
    fn an_item_broken_in_two_joins_its_lines() {
        assert_eq!(
            list_around(SIDEBAR, "Agile"),
            "Practices: data modelling,\ndata quality testing, code\nreview, Agile"
        );
        assert_eq!(
            list_around(SIDEBAR, "accessibility"),
            "Practices: accessibility\n(WCAG 2.1), performance\nbudgets, pair programming"
        );
    }

    #[test]
    fn a_new_label_a_blank_line_or_a_bullet_ends_the_list() {
        assert_eq!(
            list_around(SIDEBAR, "Prometheus"),
            "Observability: Prometheus,\nGrafana, Loki"
        );
        assert_eq!(list_around("Go, Rust,\n\nSwift", "Swift"), "Swift");
        assert_eq!(list_around("• Go, Rust,\n• Swift", "Swift"), "• Swift");
        assert_eq!(list_around("Java, Kotlin,\n- Spring", "Spring"), "- Spring");
    }

    #[test]
    fn sentences_do_not_wrap_into_lists() {
        // A comma after a long clause is a sentence going on, not a list.
        let text = "I worked with many teams across the company,\nwhich taught me to go slow";
        assert_eq!(list_around(text, "go"), "which taught me to go slow");
        // A sentence's end.
        assert_eq!(
            list_around("We used Go and Rust.\nSpring came", "Spring"),
            "Spring came"
        );
        // A title and a date line: no separator after the date's first half.
        assert_eq!(
            list_around("Engineer - Acme, Chicago\nJan 2020 - Present", "Jan"),
            "Jan 2020 - Present"
        );
        // A clause broken in two is longer than an item.
        assert_eq!(
            list_around("At Acme, I led the\nteam that built it, on time", "team"),
            "team that built it, on time"
        );
    }

    proptest::proptest! {
        /// Separators of several bytes, colons and line breaks anywhere: never a
        /// panic, and the range holds the line and starts and ends at line edges.
        #[test]
        fn any_text_gives_a_range_of_whole_lines(
            pieces in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(", "), proptest::strategy::Just(",\n"),
                proptest::strategy::Just("\n"), proptest::strategy::Just(": "),
                proptest::strategy::Just("• "), proptest::strategy::Just("·"),
                proptest::strategy::Just("("), proptest::strategy::Just("Helm"),
                proptest::strategy::Just("é"), proptest::strategy::Just("data quality "),
                proptest::strategy::Just("."),
            ], 0..60),
            pick in 0usize..1000,
        ) {
            let text = pieces.concat();
            let at = if text.is_empty() { 0 } else { pick % text.len() };
            let at = (0..=at).rev().find(|&p| text.is_char_boundary(p)).unwrap();
            let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            let (start, end) = around(&text, line_start, line_end);
            proptest::prop_assert!(start <= line_start && end >= line_end);
            proptest::prop_assert!(start == 0 || text.as_bytes()[start - 1] == b'\n');
            proptest::prop_assert!(end == text.len() || text.as_bytes()[end] == b'\n');
        }
    }

    #[test]
    fn long_lines_are_running_text() {
        let long = format!("{},\nHelm", "Terraform ".repeat(30));
        assert_eq!(list_around(&long, "Helm"), "Helm");
    }
}
