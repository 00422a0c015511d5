//! The hiring company's name, where a posting says it plainly. Kept in one small
//! function, [`company`], so a better finder (posting analysis, issue 15) can
//! replace it without touching its callers.
//!
//! Four general shapes, tried in this order on the posting's first 80 lines:
//! a `Company:` (or `Employer:`, `Organization:`) line; an "About X" heading
//! (not "About the role", "About you"...); "X is hiring"; "At X, we". A name is
//! one to five words starting with a capital or a digit.

use std::sync::LazyLock;

use regex::Regex;

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^\s*(?:company|employer|organi[sz]ation|hiring company)\s*:\s*(\S[^\n]*)$")
        .unwrap()
});
static ABOUT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?:#+\s*)?About\s+(\S[^\n]{0,60}?)\s*:?\s*$").unwrap());
const NAME: &str = r"((?:[A-Z0-9][\w&.'-]*)(?:\s+(?:[A-Z0-9&][\w&.'-]*|of|and|de|for)){0,4})";
static HIRING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:^|[.!?\n]\s*){NAME}\s+is\s+hiring\b")).unwrap());
static AT_WE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\bAt\s+{NAME},\s+(?:we|our)\b")).unwrap());

/// Headings that start with "About" but name no company.
const NOT_A_NAME: &[&str] = &[
    "the", "you", "us", "this", "our", "your", "role", "team", "job", "position", "company",
    "the role", "the team", "the job",
];

/// The company a posting names, if it names one in a shape we recognise.
///
/// ```
/// use skillgap::internals::company::company;
/// assert_eq!(company("Company: Lumen Grid Ltd\nBackend Engineer").as_deref(), Some("Lumen Grid Ltd"));
/// assert_eq!(company("About Fernway\nWe move freight.").as_deref(), Some("Fernway"));
/// assert_eq!(company("## About Quarry Cloud\n").as_deref(), Some("Quarry Cloud"));
/// assert_eq!(company("About the role\nYou will...").as_deref(), None);
/// assert_eq!(company("Harbor Bank is hiring a Go engineer.").as_deref(), Some("Harbor Bank"));
/// assert_eq!(company("At Quill Labs, we build editors.").as_deref(), Some("Quill Labs"));
/// ```
pub fn company(text: &str) -> Option<String> {
    let head_end = text
        .match_indices('\n')
        .nth(79)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    if let Some(c) = LABELLED.captures(head) {
        return clean(&c[1]);
    }
    for c in ABOUT.captures_iter(head) {
        let name = c[1].trim();
        let first = name.split_whitespace().next().unwrap_or("");
        let lower = name.to_lowercase();
        let starts_capital = first.chars().next().is_some_and(|ch| ch.is_uppercase());
        if starts_capital
            && name.split_whitespace().count() <= 5
            && !NOT_A_NAME.contains(&first.to_lowercase().as_str())
            && !NOT_A_NAME.contains(&lower.as_str())
        {
            return clean(name);
        }
    }
    HIRING
        .captures(head)
        .or_else(|| AT_WE.captures(head))
        .and_then(|c| clean(&c[1]))
}

/// Cuts what follows the name on its line ("Acme · Remote", "Acme | Berlin") and
/// trailing punctuation; refuses what is too long to be a name.
fn clean(raw: &str) -> Option<String> {
    let name = raw
        .split(['·', '|', '•', '('])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!'])
        .trim();
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    let pronoun = NOT_A_NAME.contains(&first.as_str()) || matches!(first.as_str(), "we" | "it");
    (!name.is_empty() && !pronoun && name.chars().count() <= 60).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::company;

    #[test]
    fn labelled_line_wins_and_is_cut_at_separators() {
        let text = "Senior SRE\nEmployer: Northbeam Energy · Remote (EU)\nAbout the team\n";
        assert_eq!(company(text).as_deref(), Some("Northbeam Energy"));
    }

    #[test]
    fn about_headings_that_are_not_names_are_skipped() {
        let text = "Data Engineer\n\nAbout the role\nYou will build pipelines.\n\nAbout Tidewater Analytics\nWe help ports.";
        assert_eq!(company(text).as_deref(), Some("Tidewater Analytics"));
    }

    #[test]
    fn nothing_named_is_none() {
        assert_eq!(company("Backend developer wanted. Java, SQL.\n"), None);
        assert_eq!(company("We are hiring a backend developer."), None);
        assert_eq!(
            company("Our team is hiring. At this company, we ship."),
            None
        );
    }
}
