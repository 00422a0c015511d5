//! Writing checks: what the person who reads a resume after the keyword filter looks
//! for. Recruiters' common advice is that most bullets show a quantified result, that
//! each bullet opens with an action verb, that a resume drops clichés and personal
//! pronouns, that finished roles are written in the past tense, and that every role
//! has dates in one format. Each check says what to do and names the lines it is
//! about; none changes the score.
//!
//! The checks read the resume's bullets: the lines of the Experience and Projects
//! sections that start with a bullet glyph (or a list dash, which normalization turns
//! into one), or, in a section written without glyphs, each sentence under a role.
//! A bullet wrapped over several lines is one bullet. Titles, company names and date
//! lines are role headers, not bullets. Skills lists, Education and the other
//! sections are never read as bullets. All word lists live in `words.rs`.
//!
//! ```
//! use skillgap::internals::sections::{Document, Purpose};
//! let text = "EXPERIENCE\nBackend Engineer - Acme\nJan 2019 - Dec 2021\n• Responsible for the billing API.\n";
//! let doc = Document::new(text.into(), Purpose::Resume);
//! let facts = skillgap::internals::resume::facts(&doc);
//! let checks = skillgap::internals::writing::checks(&doc, &facts.roles);
//! let verbs = checks.iter().find(|c| c.id == "action_verbs").unwrap();
//! assert_eq!(verbs.status.as_str(), "warn");
//! assert_eq!(verbs.lines, [4]);
//! ```

mod words;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::judge::resume::{Role, ROLE_WORDS};
use crate::judge::score::{Check, CheckStatus};
use crate::prose::join_and;
use crate::read::normalize::BULLET;
use crate::read::sections::{Document, SectionKind};

/// The ids of the writing checks, in the order they are reported.
pub const IDS: [&str; 6] = [
    "measurable_results",
    "action_verbs",
    "buzzwords",
    "first_person",
    "tense",
    "date_format",
];

/// True for the id of a writing check.
pub fn is_writing(id: &str) -> bool {
    IDS.contains(&id)
}

/// Share of bullets with a number from which `measurable_results` passes. The common
/// advice is that most bullets (recruiters often say two in three) show a result in
/// numbers; 60% leaves room for a bullet or two that describe scope in words.
pub const MEASURABLE_PASS: f64 = 0.6;
/// Share of bullets with a number under which `measurable_results` fails: below it,
/// a reader sees a list of duties, not results.
pub const MEASURABLE_FAIL: f64 = 0.3;

/// Runs every writing check on a resume; `roles` are its dated roles
/// ([`crate::judge::resume::facts`]), which the tense check judges one by one.
pub fn checks(doc: &Document, roles: &[Role]) -> Vec<Check> {
    let text = Text::read(doc);
    vec![
        measurable_results(&text),
        action_verbs(&text),
        buzzwords(doc, &text),
        first_person(doc, &text),
        tense(&text, roles),
        date_format(&text),
    ]
}

/// The writing checks when the text is garbled: not judged, since words read from
/// symbols would only mislead.
pub fn not_checked() -> Vec<Check> {
    IDS.iter()
        .map(|&id| {
            check(
                id,
                CheckStatus::Info,
                "Not checked: the text is garbled (see garbled_text).".into(),
                Vec::new(),
            )
        })
        .collect()
}

fn check(id: &'static str, status: CheckStatus, message: String, mut lines: Vec<usize>) -> Check {
    lines.sort_unstable();
    lines.dedup();
    Check {
        id,
        status,
        message,
        lines,
    }
}

/// "A", "A or B", "A, B or C".
fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A bullet: its text (wrapped lines joined) and the lines it spans.
#[derive(Debug)]
struct Bullet {
    section: SectionKind,
    /// 1-based lines, the first being where the bullet starts.
    lines: Vec<usize>,
    text: String,
}

impl Bullet {
    fn line(&self) -> usize {
        self.lines[0]
    }
}

/// One piece of an Experience or Projects section, in text order.
#[derive(Debug)]
enum Piece {
    /// A role or project header line: title, company, dates.
    Header { line: usize, section: SectionKind },
    /// An index into `Text::bullets`.
    Bullet(usize),
}

/// The resume as the writing checks read it.
struct Text<'a> {
    bullets: Vec<Bullet>,
    pieces: Vec<Piece>,
    doc: &'a Document,
}

impl<'a> Text<'a> {
    fn read(doc: &'a Document) -> Text<'a> {
        let headings: Vec<usize> = doc.sections().iter().map(|s| s.start_line).collect();
        let mut bullets: Vec<Bullet> = Vec::new();
        let mut pieces = Vec::new();
        let mut open = false;
        let mut blank = false;
        for line_no in 1..=doc.line_count() {
            let section = doc.section_of_line(line_no);
            if !matches!(section, SectionKind::Experience | SectionKind::Projects)
                || headings.contains(&line_no)
            {
                open = false;
                continue;
            }
            let line = doc.line_text(line_no).trim();
            if line.is_empty() {
                blank = true;
                continue;
            }
            let after_blank = std::mem::take(&mut blank);
            if let Some(body) = line.strip_prefix(BULLET) {
                let body = body.trim();
                if has_date(body) && words(body) <= 14 && !opens_with_verb(body) {
                    pieces.push(Piece::Header {
                        line: line_no,
                        section,
                    });
                    open = false;
                } else {
                    pieces.push(Piece::Bullet(bullets.len()));
                    bullets.push(Bullet {
                        section,
                        lines: vec![line_no],
                        text: body.to_string(),
                    });
                    open = true;
                }
                continue;
            }
            if open {
                let last = bullets.last_mut().expect("an open bullet");
                if continues(&last.text, line, after_blank) {
                    last.text.push(' ');
                    last.text.push_str(line);
                    last.lines.push(line_no);
                    continue;
                }
            }
            if is_header(line) {
                pieces.push(Piece::Header {
                    line: line_no,
                    section,
                });
                open = false;
            } else {
                pieces.push(Piece::Bullet(bullets.len()));
                bullets.push(Bullet {
                    section,
                    lines: vec![line_no],
                    text: line.to_string(),
                });
                open = true;
            }
        }
        Text {
            bullets,
            pieces,
            doc,
        }
    }

    /// The bullet that holds a 1-based line, if any.
    fn bullet_at(&self, line: usize) -> Option<&Bullet> {
        self.bullets.iter().find(|b| b.lines.contains(&line))
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether `line` carries on the bullet `previous` (a wrapped line): it starts in
/// lowercase (also after a page break's blank lines), or it follows without a blank
/// line an unfinished sentence, is not a header and does not open with a verb.
fn continues(previous: &str, line: &str, after_blank: bool) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    if after_blank || has_date(line) || previous.ends_with(['.', '!', '?']) || title_like(line) {
        return false;
    }
    !opens_with_verb(line)
}

/// Whether a line opens with a verb a bullet would start with (or a weak opening).
fn opens_with_verb(line: &str) -> bool {
    let opener = first_word(line).to_lowercase();
    tense_of(&opener, "").is_some()
        || words::WEAK_OPENINGS
            .iter()
            .any(|(phrase, _)| phrase.split(' ').next() == Some(opener.as_str()))
}

/// A role or project header rather than a sentence: a short line with a date, a line
/// of capitalised words ("Senior Engineer - Acme, Leeds") that is not a sentence of six
/// words or more ending in a full stop, a label ending in a colon, or a fragment of
/// fewer than four words.
fn is_header(line: &str) -> bool {
    let sentence = line.ends_with('.') && words(line) >= 6;
    (has_date(line) && words(line) <= 14)
        || (title_like(line) && !sentence)
        || line.ends_with(':')
        || words(line) < 4
}

/// Mostly capitalised words, as titles and company names are written.
fn title_like(line: &str) -> bool {
    let worded: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if worded.is_empty() || worded.len() > 12 {
        return false;
    }
    let capitalised = worded
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capitalised * 10 >= worded.len() * 6
}

fn first_word(text: &str) -> &str {
    text.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word with the punctuation around it removed (inner apostrophes, slashes and
/// hyphens kept: "I'm", "I/O", "CI/CD").
fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '+' && c != '$')
}

// ----- measurable_results -------------------------------------------------------

fn measurable_results(text: &Text) -> Check {
    let total = text.bullets.len();
    if total == 0 {
        return check(
            "measurable_results",
            CheckStatus::Info,
            "No Experience or Projects bullets were found to look for measurable results; describe each role in bullets that name what you did and its result.".into(),
            Vec::new(),
        );
    }
    let without: Vec<usize> = text
        .bullets
        .iter()
        .filter(|b| !has_quantity(&b.text))
        .map(Bullet::line)
        .collect();
    let with = total - without.len();
    let share = with as f64 / total as f64;
    let percent = (share * 100.0).round();
    let counted = format!(
        "{with} of {} ({percent}%) show a number",
        plural(total, "bullet", "bullets")
    );
    let (status, message) = if share >= MEASURABLE_PASS {
        let rest = if without.is_empty() {
            String::new()
        } else {
            format!(
                "; the {} without one could say how much, how many or how fast too",
                plural(without.len(), "bullet", "bullets")
            )
        };
        (
            CheckStatus::Pass,
            format!("{counted}, within the common advice that most bullets show a measurable result{rest}."),
        )
    } else {
        let status = if share < MEASURABLE_FAIL {
            CheckStatus::Fail
        } else {
            CheckStatus::Warn
        };
        (
            status,
            format!(
                "Only {counted}; recruiters look for results in numbers, so add to most bullets how much, how many or how fast (\"cut p99 latency from 480 to 85 ms\", \"12,000 requests per second\", \"saved $210k a year\")."
            ),
        )
    };
    check("measurable_results", status, message, without)
}

/// Whether a bullet states a quantity: a number that is a count, a percentage, money,
/// a time or a size, or a spelled-out one ("three interns", "doubled"). Years, dates,
/// phone numbers and version numbers ("Java 17", "Python 3.12", "S3", "HTML5",
/// "OAuth 2.0") are not results.
fn has_quantity(text: &str) -> bool {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let tokens: Vec<&str> = raw.iter().map(|t| bare(t)).collect();
    (0..tokens.len()).any(|i| is_quantity(&raw, &tokens, i))
}

/// Whether the word at `i` is part of a phone number: a run of words made of digits
/// and the signs phone numbers use, holding at least seven digits.
fn in_phone_number(raw: &[&str], i: usize) -> bool {
    let phone_part = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '+' | '-' | '.'))
    };
    if !phone_part(raw[i]) {
        return false;
    }
    let start = (0..i)
        .rev()
        .take_while(|&j| phone_part(raw[j]))
        .last()
        .unwrap_or(i);
    let end = (i + 1..raw.len())
        .take_while(|&j| phone_part(raw[j]))
        .last()
        .unwrap_or(i);
    let digits: usize = raw[start..=end]
        .iter()
        .map(|t| t.chars().filter(char::is_ascii_digit).count())
        .sum();
    end > start && digits >= 7
}

fn is_year(number: &str) -> bool {
    number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number.starts_with("19") || number.starts_with("20"))
}

fn is_month(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    lower.len() >= 3
        && words::MONTHS
            .iter()
            .any(|m| *m == lower || (m.starts_with(&lower) && lower.len() <= 4))
}

fn is_quantity(raw: &[&str], tokens: &[&str], i: usize) -> bool {
    let token = tokens[i];
    if token.is_empty() {
        return false;
    }
    if !token.chars().any(|c| c.is_ascii_digit()) {
        // Compared without lowercasing a copy: this runs for every word of every bullet.
        return token.split('-').any(|part| {
            words::NUMBER_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(part))
        });
    }
    let first = token.chars().next().unwrap_or(' ');
    if matches!(first, '$' | '€' | '£' | '¥' | '₹') {
        return token[first.len_utf8()..].starts_with(|c: char| c.is_ascii_digit());
    }
    if token.ends_with('%') {
        return true;
    }
    if token.starts_with('+') || in_phone_number(raw, i) {
        return false; // +1, +44 and the groups after them
    }
    if !token.starts_with(|c: char| c.is_ascii_digit()) || token.contains('/') {
        // Letters before the digits name a thing (S3, EC2, p99, Q3, HTML5, K8s);
        // slashes write dates and ratios (01/2021, 24/7).
        return false;
    }
    let number_end = token
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(token.len());
    let number = token[..number_end].trim_end_matches(['.', ',']);
    let rest = &token[number_end..];
    if let Some(after) = rest.strip_prefix('-') {
        if after.chars().all(|c| c.is_ascii_digit() || c == '-') && !after.is_empty() {
            // 3-5 engineers, yes; 555-0100 (a phone) and 2019-2021 (years), no.
            let digits = token.chars().filter(char::is_ascii_digit).count();
            return digits < 7 && !token.split('-').any(is_year);
        }
        // 300,000-line, 5-person: a count before a hyphenated noun.
        return !is_year(number);
    }
    if !rest.is_empty() {
        return words::UNIT_SUFFIXES.contains(&rest.to_lowercase().as_str());
    }
    if number.matches('.').count() >= 2 {
        return false; // 3.12.1
    }
    let previous = i.checked_sub(1).map(|p| tokens[p]);
    let previous_lower = previous.map(str::to_lowercase);
    let next = tokens.get(i + 1).copied();
    let next_is_content = next.is_some_and(|n| {
        n.starts_with(|c: char| c.is_lowercase())
            && !words::FUNCTION_WORDS.contains(&n)
            && !words::DATE_CUES.contains(&n)
    });
    if is_year(number) {
        let dated = previous.is_some_and(|p| {
            is_month(p)
                || words::DATE_CUES.contains(&p.to_lowercase().as_str())
                || p.len() == 2 && p.starts_with(['Q', 'H'])
        });
        return !dated && next_is_content;
    }
    if previous_lower
        .as_deref()
        .is_some_and(|p| words::VERSION_CUES.contains(&p))
    {
        return false;
    }
    // A number after a name is its version (Java 17, Python 3.12, JUnit 5, C++ 20),
    // unless a thing counted follows ("Kafka 3 brokers" is rare; "40 Java" is a count).
    let after_name = i > 0 && {
        let p = raw[i - 1];
        let sentence_start = i == 1 || raw[i - 2].ends_with(['.', ':', ';']);
        let capital_inside = p.chars().skip(1).any(char::is_uppercase);
        let capital_first = p.starts_with(|c: char| c.is_uppercase());
        p.contains(['+', '#']) || capital_inside || (capital_first && !sentence_start)
    };
    if after_name {
        let listed = raw[i].ends_with([',', ')', ';']);
        return !number.contains('.') && !listed && next_is_content;
    }
    true
}

// ----- action_verbs ---------------------------------------------------------------

/// The weak phrase a bullet opens with, as written, and the verbs to use instead.
fn weak_opening(bullet: &str) -> Option<(String, &'static [&'static str])> {
    let raw: Vec<&str> = bullet.split_whitespace().take(4).collect();
    let lower: Vec<String> = raw.iter().map(|w| bare(w).to_lowercase()).collect();
    words::WEAK_OPENINGS.iter().find_map(|&(phrase, verbs)| {
        let wanted: Vec<&str> = phrase.split(' ').collect();
        let matches = wanted.len() <= lower.len() && wanted.iter().zip(&lower).all(|(w, l)| w == l);
        matches.then(|| {
            let written: Vec<&str> = raw[..wanted.len()].iter().map(|w| bare(w)).collect();
            (written.join(" "), verbs)
        })
    })
}

fn action_verbs(text: &Text) -> Check {
    if text.bullets.is_empty() {
        return check(
            "action_verbs",
            CheckStatus::Info,
            "No Experience or Projects bullets were found to check how they open.".into(),
            Vec::new(),
        );
    }
    let weak: Vec<(usize, String, &[&str])> = text
        .bullets
        .iter()
        .filter_map(|b| weak_opening(&b.text).map(|(w, verbs)| (b.line(), w, verbs)))
        .collect();
    if weak.is_empty() {
        return check(
            "action_verbs",
            CheckStatus::Pass,
            "No bullet opens with a weak phrase such as \"Responsible for\", \"Worked on\" or \"Helped\".".into(),
            Vec::new(),
        );
    }
    let mut shown: Vec<String> = Vec::new();
    for (_, written, verbs) in &weak {
        let item = format!("\"{written}\" (try {})", join_or(verbs));
        if shown.len() < 3
            && !shown
                .iter()
                .any(|s| s.starts_with(&format!("\"{written}\"")))
        {
            shown.push(item);
        }
    }
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    check(
        "action_verbs",
        CheckStatus::Warn,
        format!(
            "{} with a weak phrase, {}; start each bullet with a verb that says what you did.",
            if weak.len() == 1 {
                "1 bullet opens".to_string()
            } else {
                format!("{} bullets open", weak.len())
            },
            join_and(&shown)
        ),
        weak.iter().map(|(line, _, _)| *line).collect(),
    )
}

// ----- buzzwords --------------------------------------------------------------------

/// Lowercase words separated by single spaces, padded with a space at each end, so a
/// phrase matches as " phrase " whatever its hyphens and punctuation.
fn padded_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let start = out.len();
        out.push_str(word);
        if word.is_ascii() {
            out[start..].make_ascii_lowercase();
        } else {
            let lower = out[start..].to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
        out.push(' ');
    }
    out
}

/// The clichés, then the claims, as padded words, in one automaton: a line is read
/// once for all of them (testing each phrase in turn cost more than the rest of the
/// writing checks together).
struct Cliches {
    /// Each phrase as listed, whether it is a claim, and its padded words.
    phrases: Vec<(&'static str, bool, String)>,
    automaton: AhoCorasick,
}

static CLICHES: LazyLock<Cliches> = LazyLock::new(|| {
    let phrases: Vec<(&'static str, bool, String)> = words::FILLERS
        .iter()
        .map(|&p| (p, false))
        .chain(words::CLAIMS.iter().map(|&p| (p, true)))
        .map(|(p, claim)| (p, claim, padded_words(p)))
        .collect();
    let automaton = AhoCorasick::new(phrases.iter().map(|p| p.2.as_str()))
        .expect("the cliché lists build an automaton");
    Cliches { phrases, automaton }
});

fn buzzwords(doc: &Document, text: &Text) -> Check {
    let mut found: Vec<(usize, &str)> = Vec::new();
    for line_no in 1..=doc.line_count() {
        let section = doc.section_of_line(line_no);
        let bullet = text.bullet_at(line_no);
        let prose = matches!(section, SectionKind::Header | SectionKind::Summary);
        if !prose && bullet.is_none() {
            continue;
        }
        let padded = padded_words(doc.line_text(line_no));
        let cliches = &*CLICHES;
        // Overlapping: the padding spaces of neighbouring phrases are shared.
        let mut here: Vec<usize> = cliches
            .automaton
            .find_overlapping_iter(&padded)
            .map(|m| m.pattern().as_usize())
            .collect();
        if here.is_empty() {
            continue;
        }
        // A claim in a bullet that shows a measurable result has its evidence.
        if bullet.is_some_and(|b| has_quantity(&b.text)) {
            here.retain(|&i| !cliches.phrases[i].1);
        }
        // "thinking outside the box" is one cliché, not two.
        for &i in &here {
            let inner = &cliches.phrases[i].2;
            let longer = here
                .iter()
                .any(|&j| j != i && cliches.phrases[j].2.contains(inner.as_str()));
            if !longer {
                found.push((line_no, cliches.phrases[i].0));
            }
        }
    }
    if found.is_empty() {
        return check(
            "buzzwords",
            CheckStatus::Pass,
            "No clichés such as \"results-driven\", \"team player\" or \"synergy\" were found."
                .into(),
            Vec::new(),
        );
    }
    let phrases = quoted_once(found.iter().map(|(_, phrase)| phrase.as_ref()));
    let phrases: Vec<&str> = phrases.iter().map(String::as_str).collect();
    check(
        "buzzwords",
        CheckStatus::Warn,
        format!(
            "Cut {} or back {} with a result: recruiters skip claims a bullet does not prove (write \"cut release defects by 40%\" rather than \"detail-oriented\"; keep a word the posting asks for, next to such a result).",
            join_and(&phrases),
            if phrases.len() == 1 { "it" } else { "each" }
        ),
        found.iter().map(|(line, _)| *line).collect(),
    )
}

// ----- first_person ---------------------------------------------------------------

/// Whether the word at `i` is a first-person pronoun ("I", "my", "me"), not "I/O",
/// "CI/CD", "I18n", "Phase I" or "ME".
fn is_first_person(tokens: &[&str], i: usize) -> bool {
    let token = tokens[i];
    // Compared without lowercasing a copy: this runs for every word read.
    if !words::FIRST_PERSON
        .iter()
        .any(|p| p.eq_ignore_ascii_case(token))
    {
        return false;
    }
    if token.as_bytes()[0].eq_ignore_ascii_case(&b'i') {
        if !token.starts_with('I') {
            return false;
        }
        let previous = i
            .checked_sub(1)
            .map(|p| tokens[p].to_lowercase())
            .unwrap_or_default();
        let next = tokens
            .get(i + 1)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let after_next = tokens
            .get(i + 2)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let numeral = words::ROMAN_CUES.contains(&previous.as_str())
            || words::ROMAN_NUMERALS.contains(&previous.as_str())
            || words::ROMAN_NUMERALS.contains(&next.as_str())
            || (matches!(next.as_str(), "and" | "or" | "&")
                && words::ROMAN_NUMERALS.contains(&after_next.as_str()));
        return !numeral;
    }
    // "me", "my": in lowercase or with a capital first letter, not an acronym.
    token.chars().skip(1).all(char::is_lowercase)
}

/// The words found, each in quotes once, in the order first found: what a message
/// names.
fn quoted_once<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let quoted = format!("\"{word}\"");
        if !out.contains(&quoted) {
            out.push(quoted);
        }
    }
    out
}

fn first_person(doc: &Document, text: &Text) -> Check {
    let mut found: Vec<(usize, String)> = Vec::new();
    for line_no in 1..=doc.line_count() {
        let summary = doc.section_of_line(line_no) == SectionKind::Summary
            && !doc.sections().iter().any(|s| s.start_line == line_no);
        if !summary && text.bullet_at(line_no).is_none() {
            continue;
        }
        let tokens: Vec<&str> = doc
            .line_text(line_no)
            .split_whitespace()
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '\''))
            .map(|t| t.trim_matches('\''))
            .collect();
        for i in 0..tokens.len() {
            if is_first_person(&tokens, i) {
                found.push((line_no, tokens[i].to_string()));
            }
        }
    }
    if found.is_empty() {
        return check(
            "first_person",
            CheckStatus::Pass,
            "No \"I\", \"me\" or \"my\" in the summary or bullets.".into(),
            Vec::new(),
        );
    }
    let pronouns = quoted_once(found.iter().map(|(_, p)| p.as_str()));
    let pronouns: Vec<&str> = pronouns.iter().map(String::as_str).collect();
    check(
        "first_person",
        CheckStatus::Warn,
        format!(
            "The summary or bullets say {}; resumes leave out personal pronouns, so open with the verb instead (\"Led the migration\", not \"I led the migration\").",
            join_and(&pronouns)
        ),
        found.iter().map(|(line, _)| *line).collect(),
    )
}

// ----- tense ------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Present,
    Past,
}

/// The tense of a bullet's opening word (`word` lowercase, `next` the word after it),
/// with the past form to suggest for a present one; `None` when it is not a verb
/// skillgap knows.
fn tense_of(word: &str, next: &str) -> Option<(Tense, &'static str)> {
    if let Some(&(_, past)) = words::VERBS.iter().find(|(_, past)| *past == word) {
        return Some((Tense::Past, past));
    }
    let present = words::VERBS.iter().find(|(base, _)| {
        word == *base
            || word.strip_suffix('s') == Some(base)
            || word.strip_suffix("es") == Some(base)
            || (base.ends_with('y') && word.strip_suffix("ies") == Some(&base[..base.len() - 1]))
    });
    if let Some(&(_, past)) = present {
        let noun = words::NOT_VERB_AFTER.contains(&next) || ROLE_WORDS.contains(&next);
        return (!noun).then_some((Tense::Present, past));
    }
    let regular_past = word.len() >= 5
        && word.ends_with("ed")
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !words::NOT_PAST.contains(&word);
    regular_past.then_some((Tense::Past, ""))
}

fn bullet_tense(bullet: &str) -> Option<(Tense, String, &'static str)> {
    let mut words = bullet.split_whitespace().map(bare);
    let first = words.next()?;
    let next = words.next().unwrap_or("").to_lowercase();
    tense_of(&first.to_lowercase(), &next).map(|(tense, past)| (tense, first.to_string(), past))
}

fn is_current(role: &Role) -> bool {
    let dates = role.dates.to_lowercase();
    dates
        .split(|c: char| !c.is_alphabetic())
        .any(|w| words::CURRENT.contains(&w))
}

fn tense(text: &Text, roles: &[Role]) -> Check {
    let mut present_in_past: Vec<(usize, String, &str)> = Vec::new();
    let mut finished_current: Vec<(String, Vec<usize>)> = Vec::new();
    let mut judged = 0;
    for role in roles {
        let bullets: Vec<(usize, Tense, String, &str)> = text
            .bullets
            .iter()
            .filter(|b| {
                b.section == SectionKind::Experience
                    && (role.first_line..=role.last_line).contains(&b.line())
            })
            .filter_map(|b| bullet_tense(&b.text).map(|(t, w, p)| (b.line(), t, w, p)))
            .collect();
        if bullets.is_empty() {
            continue;
        }
        judged += 1;
        if is_current(role) {
            let all_past = bullets.len() >= 2 && bullets.iter().all(|b| b.1 == Tense::Past);
            if all_past {
                finished_current.push((role.title.clone(), bullets.iter().map(|b| b.0).collect()));
            }
        } else {
            present_in_past.extend(
                bullets
                    .into_iter()
                    .filter(|b| b.1 == Tense::Present)
                    .map(|(line, _, word, past)| (line, word, past)),
            );
        }
    }
    if judged == 0 {
        return check(
            "tense",
            CheckStatus::Info,
            "No dated role with bullets was found, so tense was not checked; give each role its dates and bullets.".into(),
            Vec::new(),
        );
    }
    if !present_in_past.is_empty() {
        let mut fixes: Vec<String> = Vec::new();
        for (_, word, past) in &present_in_past {
            let mut past = past.to_string();
            if word.starts_with(|c: char| c.is_uppercase()) {
                past = capitalize(&past);
            }
            let fix = format!("\"{word}\" → \"{past}\"");
            if fixes.len() < 3 && !fixes.contains(&fix) {
                fixes.push(fix);
            }
        }
        let fixes: Vec<&str> = fixes.iter().map(String::as_str).collect();
        return check(
            "tense",
            CheckStatus::Warn,
            format!(
                "{} of roles you have left {} in the present tense; write finished roles in the past tense ({}).",
                plural(present_in_past.len(), "bullet", "bullets"),
                if present_in_past.len() == 1 { "opens" } else { "open" },
                join_and(&fixes)
            ),
            present_in_past.iter().map(|(line, _, _)| *line).collect(),
        );
    }
    if let Some((title, lines)) = finished_current.into_iter().next() {
        let role = if title.is_empty() {
            "your current role".to_string()
        } else {
            format!("your current role ({title})")
        };
        return check(
            "tense",
            CheckStatus::Info,
            format!(
                "Every bullet of {role} is in the past tense, which reads as a job you have left; put what you still do in the present tense (\"Lead\", \"Run\") and keep finished achievements in the past."
            ),
            lines,
        );
    }
    check(
        "tense",
        CheckStatus::Pass,
        "Roles you have left are in the past tense.".into(),
        Vec::new(),
    )
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ----- date_format ------------------------------------------------------------------

/// A date as written: a month name and a year, a numeric month and a year, or a year.
/// ASCII classes (`-u`): dates are written in ASCII, and the Unicode tables would make
/// compiling the pattern cost more than every check it serves.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:(?P<word>[a-z]{3,9})\.?\s+(?P<y1>(?:19|20)\d{2})|(?P<num>\d{1,2})(?P<sep>[/.\-])(?:19|20)\d{2}|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])|(?:19|20)\d{2})\b",
    )
    .unwrap()
});

/// A year range ("2016 - 2019", "2021 to present"): with a month name or a numeric
/// month, the dates that mark a role's header line.
static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:19|20)\d{2}\s*(?:-|to|until)\s*(?:(?:19|20)\d{2}|present|current|now|today|ongoing)\b",
    )
    .unwrap()
});

/// Whether a line carries a role's dates: a month and year, or a range of years. A
/// lone year is not enough ("Led the 2019 migration" is a sentence).
fn has_date(line: &str) -> bool {
    YEAR_RANGE.is_match(line)
        || DATE
            .find_iter(line)
            .any(|m| style_of(m.as_str()).is_some_and(|s| s != DateStyle::Year))
}

/// The ways a role's dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    ShortMonth,
    LongMonth,
    /// "May": both short and long.
    May,
    Slash,
    Dot,
    Dash,
    Iso,
    Year,
}

/// The style of one date found by [`DATE`]; `None` for a word and year that is not a
/// date ("in 2019" is a year; "Acme 2019" too).
fn style_of(date: &str) -> Option<DateStyle> {
    let caps = DATE.captures(date)?;
    if let Some(word) = caps.name("word") {
        let word = word.as_str().to_lowercase();
        return Some(if word == "may" {
            DateStyle::May
        } else if words::MONTHS.contains(&word.as_str()) {
            DateStyle::LongMonth
        } else if is_month(&word) {
            DateStyle::ShortMonth
        } else {
            DateStyle::Year
        });
    }
    if let Some(sep) = caps.name("sep") {
        let month: u32 = caps["num"].parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        return Some(match sep.as_str() {
            "/" => DateStyle::Slash,
            "." => DateStyle::Dot,
            _ => DateStyle::Dash,
        });
    }
    Some(if date.len() > 4 {
        DateStyle::Iso
    } else {
        DateStyle::Year
    })
}

fn style_example(style: DateStyle) -> &'static str {
    match style {
        DateStyle::ShortMonth => "Jan 2020",
        DateStyle::LongMonth => "January 2020",
        DateStyle::May => "May 2020",
        DateStyle::Slash => "01/2020",
        DateStyle::Dot => "01.2020",
        DateStyle::Dash => "01-2020",
        DateStyle::Iso => "2020-01",
        DateStyle::Year => "2020",
    }
}

fn has_role_word(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

fn date_format(text: &Text) -> Check {
    // Dates of the Experience section's header lines, and its undated role headers.
    let mut dates: Vec<(usize, DateStyle, String)> = Vec::new();
    let mut undated: Vec<usize> = Vec::new();
    let mut block: Vec<usize> = Vec::new();
    let mut block_dated = false;
    let mut experience_bullets = 0;
    let close_block = |block: &mut Vec<usize>, dated: bool, undated: &mut Vec<usize>| {
        if !dated {
            if let Some(&line) = block
                .iter()
                .find(|&&l| has_role_word(text.doc.line_text(l)))
            {
                undated.push(line);
            }
        }
        block.clear();
    };
    for piece in &text.pieces {
        match *piece {
            Piece::Header {
                line,
                section: SectionKind::Experience,
            } => {
                let written = text.doc.line_text(line);
                let found: Vec<(DateStyle, String)> = DATE
                    .find_iter(written)
                    .filter_map(|m| style_of(m.as_str()).map(|s| (s, m.as_str().to_string())))
                    .collect();
                block_dated |= !found.is_empty();
                dates.extend(found.into_iter().map(|(s, w)| (line, s, w)));
                block.push(line);
            }
            Piece::Bullet(i) if text.bullets[i].section == SectionKind::Experience => {
                experience_bullets += 1;
                if !block.is_empty() {
                    close_block(&mut block, block_dated, &mut undated);
                }
                block_dated = false;
            }
            _ => {}
        }
    }
    if dates.is_empty() && experience_bullets == 0 {
        return check(
            "date_format",
            CheckStatus::Info,
            "No roles were found in an Experience section, so their dates were not checked.".into(),
            Vec::new(),
        );
    }
    if dates.is_empty() {
        return check(
            "date_format",
            CheckStatus::Warn,
            "No role in the Experience section has dates; recruiters and ATS count your years from them, so give each role its start and end, month and year (\"Mar 2019 – Present\").".into(),
            undated,
        );
    }
    // "May" fits either month style: count it as the one the resume uses.
    let long = dates.iter().any(|d| d.1 == DateStyle::LongMonth);
    let short = dates.iter().any(|d| d.1 == DateStyle::ShortMonth);
    for d in &mut dates {
        if d.1 == DateStyle::May {
            d.1 = if long && !short {
                DateStyle::LongMonth
            } else {
                DateStyle::ShortMonth
            };
        }
    }
    let mut styles: Vec<(DateStyle, usize, &str)> = Vec::new();
    for (_, style, written) in &dates {
        match styles.iter_mut().find(|s| s.0 == *style) {
            Some(s) => s.1 += 1,
            None => styles.push((*style, 1, written)),
        }
    }
    // The format to keep: one with months (a year alone hides how long a role
    // lasted), then the most used, then the first.
    let main = styles
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (s.0 != DateStyle::Year, s.1, std::cmp::Reverse(i)))
        .map(|(_, s)| s)
        .map(|s| s.0)
        .expect("at least one date");
    let mut lines: Vec<usize> = dates.iter().filter(|d| d.1 != main).map(|d| d.0).collect();
    let mut problems: Vec<String> = Vec::new();
    if styles.len() > 1 {
        let written: Vec<String> = styles
            .iter()
            .map(|(_, n, w)| format!("\"{w}\" ({n})"))
            .collect();
        let written: Vec<&str> = written.iter().map(String::as_str).collect();
        problems.push(format!("role dates mix formats: {}", join_and(&written)));
    }
    if !undated.is_empty() {
        problems.push(format!(
            "{} no dates",
            if undated.len() == 1 {
                "1 role has".to_string()
            } else {
                format!("{} roles have", undated.len())
            }
        ));
        lines.extend(&undated);
    }
    if problems.is_empty() {
        return check(
            "date_format",
            CheckStatus::Pass,
            format!("Every role's dates use one format (\"{}\").", styles[0].2),
            Vec::new(),
        );
    }
    let example = style_example(if main == DateStyle::Year {
        DateStyle::ShortMonth
    } else {
        main
    });
    check(
        "date_format",
        CheckStatus::Warn,
        format!(
            "{}; give every role a start and an end in one format, month and year (e.g. \"{example}\"), so a reader and an ATS can count your years.",
            capitalize(&problems.join(", and "))
        ),
        lines,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::sections::Purpose;

    #[test]
    fn numbers_that_are_results_and_numbers_that_are_not() {
        for yes in [
            "Cut p99 latency from 480 ms to 85 ms",
            "Served 12,000 requests per second",
            "Saved $210k a year",
            "Raised throughput 4x",
            "Took coverage from 41% to 86%",
            "Mentored three interns",
            "Split a 300,000-line monolith",
            "Served 2000 users a day",
            "Led a team of 3-5 engineers",
            "Stored 2TB of events",
            "Shipped with zero downtime",
            "Built 40 Java 17 services",
        ] {
            assert!(has_quantity(yes), "{yes}");
        }
        for no in [
            "Built services in Java 17 and Spring Boot",
            "Upgraded to Python 3.12 with type hints",
            "Moved files to S3 and hosts to EC2 on K8s",
            "Rewrote the pages in HTML5 and added OAuth 2.0 login",
            "Joined in 2019 and worked on billing",
            "Call +1 555-0100 for references",
            "Used JUnit 5, Mockito and Testcontainers",
            "Worked on billing from 01/2019 to 03/2021",
            "Ran Python 3.12.1 in production",
            "Tracked p99 latency in Q3 2021",
        ] {
            assert!(!has_quantity(no), "{no}");
        }
    }

    #[test]
    fn pronouns_are_words_not_letters() {
        let found = |line: &str| {
            let tokens: Vec<&str> = line
                .split_whitespace()
                .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '\''))
                .collect();
            (0..tokens.len()).any(|i| is_first_person(&tokens, i))
        };
        assert!(found("I built the billing API"));
        assert!(found("Built my team's first API"));
        assert!(found("Mentored by me, two interns shipped"));
        assert!(!found("Tuned disk I/O and CI/CD for I18n builds"));
        assert!(!found("Passed Phase I and II trials"));
        assert!(!found("Moved the ME region"));
    }

    #[test]
    fn tenses_of_openings() {
        assert_eq!(bullet_tense("Lead a team of 6").unwrap().0, Tense::Present);
        assert_eq!(bullet_tense("Leads the guild").unwrap().0, Tense::Present);
        assert_eq!(bullet_tense("Led a team").unwrap().0, Tense::Past);
        assert_eq!(bullet_tense("Migrated 14 services").unwrap().0, Tense::Past);
        assert!(bullet_tense("Lead engineer on billing").is_none());
        assert!(bullet_tense("Helpdesk tooling for 40 agents").is_none());
        assert!(bullet_tense("Exceed targets").is_none());
    }

    #[test]
    fn wrapped_bullets_are_one_bullet_and_headers_are_not_bullets() {
        let text = "EXPERIENCE\nSenior Engineer - Acme, Leeds\nMar 2019 - Present\n• Split a monolith into services, cutting deploys from 2 hours to 9\nminutes and incidents by 70%.\n• Tuned Postgres to serve 2\nTB of events.\n\nEngineer - Beta\n2016 - 2019\nBuilt the billing API in Go.\nRan the on-call rota for the payments team.\nSKILLS\n• Java, Go";
        let doc = Document::new(text.into(), Purpose::Resume);
        let read = Text::read(&doc);
        let lines: Vec<Vec<usize>> = read.bullets.iter().map(|b| b.lines.clone()).collect();
        assert_eq!(lines, [vec![4, 5], vec![6, 7], vec![11], vec![12]]);
    }

    #[test]
    fn date_styles() {
        assert_eq!(style_of("Jan 2020"), Some(DateStyle::ShortMonth));
        assert_eq!(style_of("Sept. 2020"), Some(DateStyle::ShortMonth));
        assert_eq!(style_of("January 2020"), Some(DateStyle::LongMonth));
        assert_eq!(style_of("01/2021"), Some(DateStyle::Slash));
        assert_eq!(style_of("2019"), Some(DateStyle::Year));
        assert_eq!(style_of("2019-03"), Some(DateStyle::Iso));
        assert_eq!(style_of("13/2019"), None);
    }
}
