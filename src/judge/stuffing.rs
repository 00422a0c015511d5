//! Keyword stuffing: skill names pasted bare to please a keyword filter, and text
//! a reader cannot see (white, invisible or tiny in a PDF).
//!
//! The rule for a bare block. A line is *bare* when it has at least four words, at
//! least 60% of them are inside skill names, it has no verb (a word ending in -ed)
//! and no year, and at most one word in eight is a function word ("and", "the",
//! "with"...). Consecutive bare lines of one section make a block; its size is the
//! number of different skills it names (of those the reader asks about: a
//! posting's). A block is stuffing when
//! * a keyword label opens it ("Keywords:", "Tags:") and it names 4 or more skills;
//! * it sits outside the Skills, Experience and Projects sections (header, summary,
//!   education, the end of the file...) and names 8 or more;
//! * it sits in Experience or Projects without a stack label ("Environment:",
//!   "Tech stack:") and names 12 or more;
//! * it sits in a Skills section but is far larger than one: 30 or more skills, at
//!   least 80% of them named nowhere else in the resume.
//!
//! A skills list under a Skills heading is what recruiters expect and is never
//! flagged for being a list.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::find::lexicon::{Lexicon, SkillId};
use crate::judge::evidence::Placed;
use crate::judge::score::{Check, CheckStatus};
use crate::prose::list_tokens;
use crate::read::sections::{Document, SectionKind};

/// Labels that say a line is keywords for a machine.
const KEYWORD_LABELS: &[&str] = &[
    "keywords",
    "keyword",
    "key words",
    "tags",
    "search terms",
    "ats keywords",
    "buzzwords",
    "seo",
];

/// Labels that say a line in a role lists the stack it used.
const STACK_LABELS: &[&str] = &[
    "environment",
    "tech",
    "tech stack",
    "stack",
    "technologies",
    "technology",
    "technologies used",
    "tools",
    "tools used",
    "tooling",
    "built with",
    "skills used",
];

/// Words that make a line a sentence rather than a list.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "for", "with", "by", "at", "from", "as", "is",
    "was", "were", "are", "be", "we", "i", "my", "our", "that", "which", "this", "on", "in",
    "into", "using", "via", "per", "team", "teams",
];

/// A block of bare skill names judged stuffing.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    pub first_line: usize,
    pub last_line: usize,
    /// Different skills it names.
    pub skills: usize,
    pub section: SectionKind,
    /// Why it counts as stuffing, in a few words.
    pub why: &'static str,
}

/// A block in a Skills section names at least this many skills before it can be
/// stuffing (and then most of them must be named nowhere else).
const SKILLS_BLOCK_LIMIT: usize = 30;

/// Text a reader cannot see, as the caller found it: how many characters, and the
/// skills written in it (one entry per mention).
#[derive(Debug, Clone, Default)]
pub struct Hidden {
    pub chars: usize,
    pub skills: Vec<SkillId>,
}

/// Fewer hidden letters than this, with no skill among them, is noise of the PDF
/// producer (a stray white space glyph), not a trick.
const HIDDEN_CHARS: usize = 20;

/// What [`find`] found.
#[derive(Debug, Clone, Default)]
pub struct Stuffing {
    pub blocks: Vec<Block>,
    /// Lines of the blocks, sorted.
    lines: Vec<usize>,
    hidden_counts: FxHashMap<SkillId, usize>,
    pub hidden_chars: usize,
}

impl Stuffing {
    /// Whether a line belongs to a stuffed block.
    pub fn is_stuffed_line(&self, line: usize) -> bool {
        self.lines.binary_search(&line).is_ok()
    }

    /// How often a skill is written in hidden text.
    pub fn hidden_count(&self, skill: SkillId) -> usize {
        self.hidden_counts.get(&skill).copied().unwrap_or(0)
    }

    /// Bare blocks were found.
    pub fn has_blocks(&self) -> bool {
        !self.blocks.is_empty()
    }

    /// The file holds text a reader cannot see.
    pub fn has_hidden_text(&self) -> bool {
        self.hidden_chars >= HIDDEN_CHARS || !self.hidden_counts.is_empty()
    }
}

/// The `keyword_stuffing` check: fails on a stuffed block or hidden text, naming
/// the lines, why, and `stuffed_only`, the skills found nowhere else (which get no
/// evidence credit).
pub fn check(stuffing: &Stuffing, stuffed_only: &[String]) -> Check {
    let mut parts = Vec::new();
    for b in &stuffing.blocks {
        let lines = if b.first_line == b.last_line {
            format!("Line {}", b.first_line)
        } else {
            format!("Lines {}-{}", b.first_line, b.last_line)
        };
        parts.push(format!(
            "{lines}: {} bare skill names ({}, in the {} section)",
            b.skills,
            b.why,
            b.section.as_str()
        ));
    }
    if stuffing.has_hidden_text() {
        parts.push(format!(
            "the PDF holds {} characters a reader cannot see (white, invisible, tiny or off-page text) that a parser still reads",
            stuffing.hidden_chars
        ));
    }
    if parts.is_empty() {
        return Check {
            id: "keyword_stuffing",
            status: CheckStatus::Pass,
            message: "No block of bare keywords and no hidden text.".into(),
            lines: Vec::new(),
        };
    }
    let only = if stuffed_only.is_empty() {
        String::new()
    } else {
        format!(
            "; found only there, so no evidence credit: {}",
            stuffed_only.join(", ")
        )
    };
    let mut said = parts.join("; ");
    if let Some(first) = said.get(..1) {
        said = first.to_uppercase() + &said[1..];
    }
    Check {
        id: "keyword_stuffing",
        status: CheckStatus::Fail,
        message: format!(
            "{said}{only}. Keyword filters count such text but recruiters read it as stuffing; name each skill in the bullet where you used it instead."
        ),
        lines: stuffing.lines.clone(),
    }
}

/// One line's make-up.
struct LineFacts {
    line: usize,
    section: SectionKind,
    bare: bool,
    keyword_label: bool,
    stack_label: bool,
}

/// Finds the stuffed blocks among the resume's lines, and takes note of the hidden
/// text. `relevant`: the skills a block's size counts (a posting's, or every skill
/// for `scan`). `mentions` are in text order.
pub fn find(
    lexicon: &Lexicon,
    doc: &Document,
    mentions: &[Placed],
    relevant: &dyn Fn(SkillId) -> bool,
    hidden: Option<&Hidden>,
) -> Stuffing {
    let mut hidden_counts: FxHashMap<SkillId, usize> = FxHashMap::default();
    if let Some(h) = hidden {
        for &s in &h.skills {
            *hidden_counts.entry(s).or_default() += 1;
        }
    }
    let mut blocks = Vec::new();
    let mut lines = Vec::new();
    let quiet = quiet_skills_sections(doc, mentions);
    // Only lines with mentions can be bare: walk the mentions a line at a time.
    let mut facts: Vec<(LineFacts, Vec<SkillId>)> = Vec::new();
    let mut i = 0;
    while i < mentions.len() {
        let line = mentions[i].line;
        let mut j = i;
        while j < mentions.len() && mentions[j].line == line {
            j += 1;
        }
        let on_line = &mentions[i..j];
        i = j;
        if on_line.len() < 2
            || quiet.iter().any(|q| q.contains(&line))
            || !could_be_bare(lexicon, doc, line, on_line)
        {
            continue;
        }
        let lf = line_facts(doc, line, on_line);
        if lf.bare {
            let skills = on_line
                .iter()
                .map(|m| m.skill)
                .filter(|&s| relevant(s))
                .collect();
            facts.push((lf, skills));
        }
    }
    let mut k = 0;
    while k < facts.len() {
        let mut end = k + 1;
        while end < facts.len()
            && facts[end].0.line == facts[end - 1].0.line + 1
            && facts[end].0.section == facts[end - 1].0.section
        {
            end += 1;
        }
        let run = &facts[k..end];
        k = end;
        let mut skills: Vec<SkillId> = run.iter().flat_map(|(_, s)| s.iter().copied()).collect();
        skills.sort_unstable();
        skills.dedup();
        let first_line = run[0].0.line;
        let last_line = run[run.len() - 1].0.line;
        let section = run[0].0.section;
        let labelled = run[0].0.keyword_label;
        let stack = run[0].0.stack_label;
        let why = if labelled && skills.len() >= 4 {
            Some("labelled as keywords")
        } else if matches!(section, SectionKind::Experience | SectionKind::Projects) {
            (!stack && skills.len() >= 12).then_some("a bare list inside a role")
        } else if section == SectionKind::Skills && skills.len() >= SKILLS_BLOCK_LIMIT {
            let elsewhere = mentions
                .iter()
                .filter(|m| m.line < first_line || m.line > last_line)
                .filter(|m| skills.binary_search(&m.skill).is_ok())
                .map(|m| m.skill)
                .collect::<rustc_hash::FxHashSet<_>>()
                .len();
            (elsewhere * 5 <= skills.len()).then_some("far larger than a skills list")
        } else if section == SectionKind::Skills {
            None
        } else {
            (skills.len() >= 8).then_some("outside a Skills section")
        };
        if let Some(why) = why {
            lines.extend(first_line..=last_line);
            blocks.push(Block {
                first_line,
                last_line,
                skills: skills.len(),
                section,
                why,
            });
        }
    }
    Stuffing {
        blocks,
        lines,
        hidden_counts,
        hidden_chars: hidden.map_or(0, |h| h.chars),
    }
}

/// The lines of each Skills section where no block can be stuffing, so none needs
/// reading word by word (a skills list is most of the bare lines of every resume):
/// fewer than 30 mentions in the whole section, and no keyword label on any line.
fn quiet_skills_sections(
    doc: &Document,
    mentions: &[Placed],
) -> Vec<std::ops::RangeInclusive<usize>> {
    doc.sections()
        .iter()
        .filter(|s| s.kind == SectionKind::Skills)
        .map(|s| s.start_line..=s.end_line)
        .filter(|lines| {
            let from = mentions.partition_point(|m| m.line < *lines.start());
            let to = mentions.partition_point(|m| m.line <= *lines.end());
            to - from < SKILLS_BLOCK_LIMIT
                && lines.clone().all(|l| {
                    label_of(doc.line_text(l))
                        .0
                        .is_none_or(|label| !KEYWORD_LABELS.contains(&label.as_str()))
                })
        })
        .collect()
}

/// A quick bound before [`line_facts`] reads a line word by word: the mentions'
/// words cannot reach 60% of the line's words (most lines of every resume are
/// sentences with a skill or two). Counts the line's words only until they are too
/// many, 16 bytes at a time.
fn could_be_bare(lexicon: &Lexicon, doc: &Document, line: usize, on_line: &[Placed]) -> bool {
    // Words inside mentions at most (a mention covers its form's words, or fewer when
    // it wraps onto the next line). A bare line has at least 4 words, 60% of them
    // covered: 3 or more.
    let covered_most: usize = on_line
        .iter()
        .map(|m| usize::from(lexicon.form(m.form_index).words))
        .sum();
    if covered_most < 3 {
        return false;
    }
    // A label ("Keywords:") may add one word the count below sees.
    let covered_max = covered_most + 1;
    // A bare line has at most this many words; the line has at least as many as
    // start after white space.
    let most_words = covered_max * 10 / 6;
    crate::find::words_after_space(doc.line_text(line).as_bytes(), most_words) <= most_words
}

/// Whether a line is bare, and how it is labelled.
fn line_facts(doc: &Document, line: usize, on_line: &[Placed]) -> LineFacts {
    let text = doc.line_text(line);
    let line_start = doc.line_starts()[line - 1];
    let (label, body_start) = label_of(text);
    let keyword_label = label
        .as_deref()
        .is_some_and(|l| KEYWORD_LABELS.contains(&l));
    let stack_label = label.as_deref().is_some_and(|l| STACK_LABELS.contains(&l));
    let mut words = 0;
    let mut covered = 0;
    let mut function = 0;
    let mut verb = false;
    let mut year = false;
    let body = &text[body_start..];
    for (at, token) in list_tokens(body) {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#');
        // A token with a letter, digit or `_` is a word (as [`could_be_bare`] counts).
        let has_word_char = token
            .bytes()
            .any(|b| b.is_ascii_alphanumeric() || b == b'_')
            || (!token.is_ascii() && token.chars().any(char::is_alphanumeric));
        if !has_word_char {
            continue;
        }
        words += 1;
        // `word` is a slice of `token`: its offset is the distance between them.
        let word_start =
            line_start + body_start + at + (word.as_ptr() as usize - token.as_ptr() as usize);
        let word_end = word_start + word.len();
        if on_line
            .iter()
            .any(|m| m.start <= word_start && word_end <= m.end)
        {
            covered += 1;
            continue;
        }
        let lower = word.to_lowercase();
        if FUNCTION_WORDS.contains(&lower.as_str()) {
            function += 1;
        }
        if lower.len() > 4 && lower.ends_with("ed") {
            verb = true;
        }
        if lower.len() == 4
            && (lower.starts_with("19") || lower.starts_with("20"))
            && lower.bytes().all(|b| b.is_ascii_digit())
        {
            year = true;
        }
    }
    let bare = words >= 4 && covered * 10 >= words * 6 && function * 8 <= words && !verb && !year;
    LineFacts {
        line,
        section: on_line[0].section,
        bare,
        keyword_label,
        stack_label,
    }
}

/// A short label opening the line ("Keywords:", "Tech stack -"), lowercased, and
/// where the rest starts.
fn label_of(text: &str) -> (Option<String>, usize) {
    // ':' or the first byte of '–' and '—' (E2 80 93, E2 80 94).
    let b = text.as_bytes();
    let Some(colon) = memchr::memchr2_iter(b':', 0xE2, b)
        .find(|&i| b[i] == b':' || matches!(b.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])))
    else {
        return (None, 0);
    };
    let label = text[..colon]
        .trim()
        .trim_start_matches(['•', '-', '*'])
        .trim();
    if label.is_empty()
        || label.split_whitespace().count() > 3
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return (None, 0);
    }
    let after = colon + text[colon..].chars().next().map_or(1, char::len_utf8);
    (Some(label.to_lowercase()), after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::matcher::Matcher;
    use crate::read::sections::Purpose;

    fn blocks(text: &str) -> Vec<Block> {
        let matcher = Matcher::new(Lexicon::embedded());
        let doc = Document::new(text.into(), Purpose::Resume);
        let mentions: Vec<Placed> = matcher.scan(&doc).iter().map(Placed::from).collect();
        find(matcher.lexicon(), &doc, &mentions, &|_| true, None).blocks
    }

    const HONEST: &str = "Jane Doe\nSUMMARY\nBackend engineer who builds payment systems.\nSKILLS\nPython, Django, Kafka, RabbitMQ, Kubernetes, Terraform, PostgreSQL, Redis, Docker, AWS\nEXPERIENCE\nEngineer, Acme\nJan 2020 - Present\n- Built the payments API in Python and Django, with Kafka events\nEnvironment: Python, Django, Kafka, RabbitMQ, Kubernetes, Terraform, PostgreSQL, Redis, Docker, AWS, Git, Jenkins, Linux\nEDUCATION\nBSc Computer Science\n";

    proptest::proptest! {
        #[test]
        fn byte_tokens_are_the_char_split(text in "[a-zA-Z0-9_+# ,|;\t•·é–:]{0,80}") {
            let mut by_chars: Vec<(usize, &str)> = Vec::new();
            let mut open: Option<usize> = None;
            for (i, c) in text.char_indices() {
                let sep = c.is_whitespace() || matches!(c, ',' | '|' | ';' | '•' | '·');
                match (sep, open) {
                    (true, Some(s)) => {
                        by_chars.push((s, &text[s..i]));
                        open = None;
                    }
                    (false, None) => open = Some(i),
                    _ => {}
                }
            }
            if let Some(s) = open {
                by_chars.push((s, &text[s..]));
            }
            let by_bytes: Vec<(usize, &str)> = list_tokens(&text).collect();
            proptest::prop_assert_eq!(by_bytes, by_chars);
        }
    }

    #[test]
    fn an_honest_resume_has_no_stuffing() {
        assert!(blocks(HONEST).is_empty());
    }

    #[test]
    fn a_keywords_line_is_stuffing_wherever_it_is() {
        let stuffed = format!(
            "{HONEST}KEYWORDS: Python Django Kafka RabbitMQ Kubernetes Terraform Go gRPC\n"
        );
        let found = blocks(&stuffed);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].why, "labelled as keywords");
    }

    #[test]
    fn a_bare_block_in_the_summary_is_stuffing() {
        let stuffed = HONEST.replace(
            "Backend engineer who builds payment systems.\n",
            "Backend engineer who builds payment systems.\nPython Django Kafka RabbitMQ Kubernetes\nTerraform Go gRPC Redis Docker AWS\n",
        );
        let found = blocks(&stuffed);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].first_line, found[0].last_line), (4, 5));
    }

    #[test]
    fn sentences_full_of_skills_are_not_bare() {
        let text = "SUMMARY\nI built services in Python, Django, Kafka, Go, gRPC, Redis, Docker and AWS for the payments team.\n";
        assert!(blocks(text).is_empty());
    }
}
