//! Years a resume states with a skill: "6+ years of Python", "8 years of experience
//! building services in Java and Go", "Python (5 yrs)", "Go developer with 4 years".
//! The claim is evidence of its own, apart from dated roles.

use std::sync::LazyLock;

use regex::Regex;

use crate::find::lexicon::SkillId;
use crate::judge::evidence::Placed;
use crate::read::sections::Document;

/// A number of years stated with a skill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    pub skill: SkillId,
    pub years: f64,
}

/// More than this is not a number of years of use.
const MOST_YEARS: f64 = 45.0;

/// How far past the years a clause may name the skills it is about.
const CLAUSE_BYTES: usize = 160;

/// "6+ years", "five years", "5 yrs": the number and the unit. ASCII-only classes
/// and word boundaries keep it on the regex crate's fast engines.
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s*(?:\+|plus)?\s*(?:years?|yrs?)\b",
    )
    .unwrap()
});

/// How far before its unit a number of years may start ("twenty-" is the longest
/// number, then "+" and spaces).
const BEFORE_UNIT: usize = 16;

/// Every "N years" in the text: start, end and the number. `units`: where the text
/// writes "year" or "yr" (its landmarks); the regex runs only in a short window
/// before each, since almost every line has none.
fn years_in(text: &str, units: &[(usize, usize)]) -> Vec<(usize, usize, f64)> {
    let mut found: Vec<(usize, usize, f64)> = Vec::new();
    for &(unit_start, unit_end) in units {
        // Back to the start of a word, so the window never opens inside one ("123",
        // "written") where a word boundary would be made up.
        let mut from = unit_start.saturating_sub(BEFORE_UNIT);
        let bytes = text.as_bytes();
        while from > 0 && (bytes[from - 1].is_ascii_alphanumeric() || !text.is_char_boundary(from))
        {
            from -= 1;
        }
        // The unit and a plural "s", and the word boundary after it.
        let mut to = (unit_end + 2).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let window = &text[from..to];
        for whole in YEARS.find_iter(window) {
            let (start, end) = (from + whole.start(), from + whole.end());
            // The unit's own window: a match ending elsewhere belongs to another.
            if end < unit_end || found.last().is_some_and(|f| f.0 == start) {
                continue;
            }
            // The number opens the match: digits ("6", "4.5"), else a word ("six").
            let m = whole.as_str();
            let word = if m.starts_with(|c: char| c.is_ascii_digit()) {
                &m[..m
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(m.len())]
            } else {
                // "sixyears" has no space before its unit.
                let run = &m[..m
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(m.len())];
                let lower = run.to_ascii_lowercase();
                let unit = ["years", "year", "yrs", "yr"]
                    .iter()
                    .find(|u| lower.len() > u.len() && lower.ends_with(*u))
                    .map_or(0, |u| u.len());
                &run[..run.len() - unit]
            };
            if let Some(years) = number(word).filter(|&y| y > 0.0 && y <= MOST_YEARS) {
                found.push((start, end, years));
            }
        }
    }
    found
}

/// Words that may stand between the years and "experience": "6 years of hands-on
/// experience".
const QUALIFIERS: &[&str] = &[
    "professional",
    "hands-on",
    "commercial",
    "industry",
    "production",
    "practical",
    "working",
    "solid",
    "strong",
    "deep",
    "combined",
    "total",
    "relevant",
    "progressive",
];

/// Words after the years that say the clause is about what follows.
const LINKS: &[&str] = &[
    "of",
    "in",
    "with",
    "using",
    "on",
    "across",
    "building",
    "developing",
    "writing",
    "programming",
    "coding",
    "designing",
];

/// Nouns naming a person by a skill: "Go developer with 4 years".
const PEOPLE: &[&str] = &[
    "developer",
    "engineer",
    "programmer",
    "architect",
    "consultant",
    "specialist",
    "expert",
    "professional",
    "administrator",
];

/// Every skill the text states years for. `mentions` are in text order.
pub fn stated_years(doc: &Document, mentions: &[Placed]) -> Vec<Stated> {
    let text = doc.text();
    let mut out = Vec::new();
    let found = years_in(text, &doc.landmarks().units);
    for (i, &(start, end, years)) in found.iter().enumerate() {
        let next = found.get(i + 1).map_or(text.len(), |n| n.0);
        let clause_end = clause_end(text, end, next);
        if let Some(first) = linked_from(text, end, clause_end, mentions) {
            for m in mentions[first..]
                .iter()
                .take_while(|m| m.start < clause_end)
            {
                out.push(Stated {
                    skill: m.skill,
                    years,
                });
            }
        }
        // The skill just before: "Python (5 yrs)", "Go developer with 4 years".
        let before = mentions.partition_point(|m| m.end <= start);
        if let Some(m) = before.checked_sub(1).map(|b| &mentions[b]) {
            if names_years_after(&text[m.end..start]) {
                out.push(Stated {
                    skill: m.skill,
                    years,
                });
            }
        }
    }
    out
}

fn number(word: &str) -> Option<f64> {
    const WORDS: [&str; 15] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ];
    let lower = word.to_ascii_lowercase();
    if lower == "twenty" {
        return Some(20.0);
    }
    WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|i| i as f64 + 1.0)
        .or_else(|| word.parse().ok())
}

/// Where the clause that starts at `from` ends: a line break, a semicolon, a bullet,
/// a sentence end, the next stated years, or [`CLAUSE_BYTES`] on.
fn clause_end(text: &str, from: usize, next: usize) -> usize {
    let limit = next.min(from + CLAUSE_BYTES).min(text.len());
    let bytes = text.as_bytes();
    let mut i = from;
    while i < limit {
        match bytes[i] {
            b'\n' | b';' | b'|' => return i,
            b'.' if bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) => return i,
            0xE2 if text[i..].starts_with('•') => return i,
            _ => {}
        }
        i += 1;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// When the words after the years tie them to what follows ("of", "of experience
/// with", or a skill right away), the index of the first mention in the clause.
fn linked_from(text: &str, from: usize, to: usize, mentions: &[Placed]) -> Option<usize> {
    let first = mentions.partition_point(|m| m.start < from);
    let next = mentions.get(first).filter(|m| m.start < to)?;
    let rest = &text[from..to];
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '+' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .peekable();
    let mut linked = false;
    if words.peek().is_some_and(|w| w == "s") {
        words.next();
    }
    if words.peek().is_some_and(|w| w == "of") {
        words.next();
        linked = true;
    }
    while words
        .peek()
        .is_some_and(|w| QUALIFIERS.contains(&w.as_str()))
    {
        words.next();
    }
    if words
        .peek()
        .is_some_and(|w| w.starts_with("experience") || w.starts_with("expertise"))
    {
        return Some(first);
    }
    if words.peek().is_some_and(|w| LINKS.contains(&w.as_str())) {
        linked = true;
    }
    // "6 years of Python", "6+ years Python": the skill comes right after.
    let gap = &text[from..next.start];
    let adjacent = gap
        .split_whitespace()
        .filter(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "+" | "of" | "'s" | "’s" | "s"
            )
        })
        .count()
        == 0;
    (linked || adjacent).then_some(first)
}

/// Whether the text between a skill and the years after it ties them: "Python (5
/// yrs)", "Python: 5 years", "Go developer with over 4 years".
fn names_years_after(between: &str) -> bool {
    let trimmed = between.trim();
    let trimmed = trimmed
        .strip_prefix(['(', ':', '-', '–', '—'])
        .unwrap_or(trimmed)
        .trim();
    let words: Vec<String> = trimmed
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let approx = |w: &[String]| {
        w.is_empty()
            || matches!(
                w.join(" ").as_str(),
                "over" | "more than" | "about" | "around" | "nearly" | "almost"
            )
    };
    if approx(&words) && !between.contains('\n') {
        return true;
    }
    words.len() >= 2
        && PEOPLE.contains(&words[0].trim_end_matches('s'))
        && words[1] == "with"
        && approx(&words[2..])
        && !between.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::lexicon::Lexicon;
    use crate::find::matcher::Matcher;
    use crate::read::sections::Purpose;

    fn stated(text: &str) -> Vec<(String, f64)> {
        let matcher = Matcher::new(Lexicon::embedded());
        let doc = Document::new(text.into(), Purpose::Resume);
        let mentions: Vec<Placed> = matcher.scan(&doc).iter().map(Placed::from).collect();
        let mut out: Vec<(String, f64)> = stated_years(&doc, &mentions)
            .into_iter()
            .map(|s| (matcher.lexicon().skill(s.skill).name.clone(), s.years))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup();
        out
    }

    #[test]
    fn years_before_the_skill() {
        assert_eq!(stated("6+ years of Python"), [("Python".to_string(), 6.0)]);
        assert_eq!(stated("Six years Java"), [("Java".to_string(), 6.0)]);
        assert_eq!(
            stated("Engineer with 8 years of experience building services in Java and Go."),
            [("Go".to_string(), 8.0), ("Java".to_string(), 8.0)]
        );
    }

    #[test]
    fn years_after_the_skill() {
        assert_eq!(
            stated("Python (5 yrs), Kotlin (2 yrs)"),
            [("Kotlin".to_string(), 2.0), ("Python".to_string(), 5.0)]
        );
        assert_eq!(
            stated("Go developer with over 4 years"),
            [("Go".to_string(), 4.0)]
        );
    }

    #[test]
    fn the_windowed_search_finds_what_a_whole_text_search_finds() {
        let text = "rewritten years, sixyears, Over 12+ years yrs; five YEARS of Go, 3.5 yrs Rust. 120 years, 7years, 8 year old, ünïcode 4 years, twenty years\n9 Years";
        let whole: Vec<(usize, usize, f64)> = YEARS
            .captures_iter(text)
            .filter_map(|c| {
                let m = c.get(0)?;
                let y = number(&c[1]).filter(|&y| y > 0.0 && y <= MOST_YEARS)?;
                Some((m.start(), m.end(), y))
            })
            .collect();
        assert_eq!(
            years_in(text, &crate::read::landmarks::find(text).units),
            whole
        );
        assert_eq!(whole.len(), 9, "{whole:?}");
    }

    #[test]
    fn years_that_are_not_about_a_skill() {
        assert!(stated("Five years ago I moved to Berlin and learned Python.").is_empty());
        assert!(stated("Led a team for 3 years.\nPython").is_empty());
        assert!(stated("Migrated to Kafka, 3 years later we scaled").is_empty());
        assert!(stated("Managed 120 years of archives in Java").is_empty());
    }
}
