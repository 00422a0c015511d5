//! Posting analysis: which skills a job posting asks for, how strongly (required or
//! preferred, and a weight), years asked, the job title, the education asked, and the
//! technology-looking words the lexicon does not know.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::find::lexicon::SkillId;
use crate::find::matcher::{Matcher, Mention};
use crate::judge::posting_groups;
use crate::judge::posting_roles::{self, ClauseFacts, Role};
use crate::read::sections::{Document, SectionKind};

/// How strongly a posting asks for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Required,
    Preferred,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Preferred => "preferred",
        }
    }
}

/// Base weight of a required skill; a preferred one weighs [`PREFERRED_WEIGHT`].
pub const REQUIRED_WEIGHT: f64 = 3.0;
pub const PREFERRED_WEIGHT: f64 = 1.0;
/// Soft skills count for this fraction of a hard skill of the same level.
pub const SOFT_FACTOR: f64 = 0.5;
/// Each doubling of the mention count adds this much (diminishing: log2), capped.
pub const REPEAT_BONUS: f64 = 0.15;
pub const REPEAT_CAP: f64 = 1.5;

/// One skill the posting asks for.
#[derive(Debug, Clone)]
pub struct JobSkill {
    pub skill: SkillId,
    pub level: Level,
    pub weight: f64,
    pub mentions: usize,
    /// Lexicon form indexes the posting used (for exact vs alias).
    pub form_indexes: Vec<usize>,
    /// The forms as the posting wrote them.
    pub forms: Vec<String>,
    /// Lexicon forms of this skill that count as the posting's own wording (its forms,
    /// and forms containing one of them as whole words, plural or not: "Terraform
    /// modules" for "Terraform"). A resume writing one of these is an exact match.
    pub exact_forms: Vec<usize>,
    /// Years of experience asked for this skill ("5+ years of Java").
    pub years: Option<u32>,
    /// First line the posting names it on.
    pub line: usize,
    /// The requirement group it is one alternative of ("Java, C# or Python"), as an
    /// index into [`JobProfile::groups`].
    pub group: Option<u32>,
}

/// Alternatives the posting asks for as one requirement: met by any member, counted
/// once.
#[derive(Debug, Clone)]
pub struct JobGroup {
    pub level: Level,
    /// The group's weight: its heaviest member's.
    pub weight: f64,
    /// Indexes in [`JobProfile::skills`], in the posting's order.
    pub members: Vec<usize>,
    /// "or similar", "such as": the members are examples and others would do.
    pub open: bool,
    /// The members as the posting lists them: "Java, C# or Python".
    pub label: String,
}

/// A skill the posting names only as context (the company, its benefits, the legal
/// text, the team around the role): shown, never scored or suggested.
#[derive(Debug, Clone)]
pub struct ContextSkill {
    pub skill: SkillId,
    /// The role of the part it is named in.
    pub role: Role,
    /// Why it is not asked, in a few words.
    pub reason: &'static str,
    pub forms: Vec<String>,
    pub line: usize,
}

/// Degrees, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Degree {
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

impl Degree {
    pub fn as_str(self) -> &'static str {
        match self {
            Degree::Associate => "associate's degree",
            Degree::Bachelor => "bachelor's degree",
            Degree::Master => "master's degree",
            Degree::Doctorate => "PhD",
        }
    }
}

/// The education a posting asks for.
#[derive(Debug, Clone, Serialize)]
pub struct EducationAsk {
    pub degree: Degree,
    /// "or equivalent experience" makes the degree optional.
    pub or_equivalent: bool,
}

/// Everything skillgap reads out of a posting.
#[derive(Debug, Clone)]
pub struct JobProfile {
    pub title: Option<String>,
    pub skills: Vec<JobSkill>,
    pub unknown_terms: Vec<String>,
    pub education: Option<EducationAsk>,
    /// Years of experience asked overall ("5+ years of experience").
    pub years_overall: Option<u32>,
    /// Whether the posting has a requirements or preferred section.
    pub has_sections: bool,
    /// Alternatives asked as one requirement each.
    pub groups: Vec<JobGroup>,
    /// Skills named only as context, in the posting's order.
    pub context: Vec<ContextSkill>,
    /// The company's name, when the posting says it.
    pub company: Option<String>,
    /// For each lexicon skill, its index in `skills` (`u32::MAX` when the posting does
    /// not name it): resumes are judged per mention, thousands of times in `rank`.
    position_of: Vec<u32>,
    /// For each lexicon skill, the indexes in `skills` of the posting skills it
    /// implies (Django: Python), so a mention's implications cost one lookup.
    implied_positions: Vec<Vec<u32>>,
}

impl JobProfile {
    /// Index in `skills` of a lexicon skill the posting names.
    pub fn position(&self, skill: SkillId) -> Option<usize> {
        self.position_of
            .get(skill.0 as usize)
            .filter(|&&p| p != u32::MAX)
            .map(|&p| p as usize)
    }

    /// Indexes in `skills` of the posting skills a lexicon skill implies.
    pub fn implied_positions(&self, skill: SkillId) -> &[u32] {
        self.implied_positions
            .get(skill.0 as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the posting asks about a skill, itself or through one it implies: the
    /// skills a resume is scored on, and a stuffed block's size counts.
    pub fn asks_about(&self, skill: SkillId) -> bool {
        self.position(skill).is_some() || !self.implied_positions(skill).is_empty()
    }
}

/// Words in a sentence that make its skills preferred.
const PREFERRED_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "a plus",
    "is a plus",
    "are a plus",
    "bonus",
    "preferred",
    "familiarity",
    "familiar with",
    "exposure to",
    "desirable",
    "ideally",
    "good to have",
    "would be great",
    "optional",
    "an advantage",
    "advantageous",
    "not required",
    "pluses",
    "some experience",
    "interest in",
];

/// Words in a sentence that make its skills required.
const REQUIRED_CUES: &[&str] = &[
    "must",
    "required",
    "require",
    "requires",
    "strong",
    "proven",
    "expert",
    "expertise",
    "solid",
    "deep",
    "extensive",
    "essential",
    "mandatory",
    "proficient",
    "proficiency",
    "at least",
    "hands-on",
    "years of",
    "years'",
    "years experience",
    "significant",
    "advanced",
    "excellent",
];

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})\s*(?:\+|plus)?\s*(?:-|to)?\s*(?:\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b",
    )
    .unwrap()
});

/// Analyzes a posting document with a matcher built from the same lexicon as the
/// resume's: reads its parts (`posting_roles::read`), keeps the skills asked of the
/// candidate with their level, groups alternatives, and sets aside the skills named
/// only as context.
pub fn analyze(matcher: &Matcher, doc: &Document) -> JobProfile {
    // A posting asks for the term it writes: "SQL Server" asks for SQL Server, not SQL.
    let mut mentions = matcher.scan(doc);
    mentions.retain(|m| m.nested_in.is_none());
    let lexicon = matcher.lexicon();
    let reading = posting_roles::read(doc);
    let company_forms = reading
        .company
        .as_deref()
        .map(posting_roles::company_forms)
        .unwrap_or_default();
    let has_sections = reading.has_level_sections;
    let mut by_skill: BTreeMap<SkillId, JobSkill> = BTreeMap::new();
    let mut context: BTreeMap<SkillId, ContextSkill> = BTreeMap::new();
    // Each asked mention's level, by mention index (None: context or outside clauses).
    let mut asked: Vec<Option<Level>> = vec![None; mentions.len()];
    // Mentions come in text order, so those in one clause come together: each clause
    // is read once, however many skills it names.
    let mut last: Option<(usize, ClauseFacts, Option<u32>)> = None;
    let cues = (PREFERRED_CUES, REQUIRED_CUES);
    for (index, m) in mentions.iter().enumerate() {
        let Some(ci) = reading.clause_at(m.span.start) else {
            continue;
        };
        let clause = &reading.clauses[ci];
        if last.as_ref().is_none_or(|(c, ..)| *c != ci) {
            let facts =
                posting_roles::clause_facts(doc.text(), &clause.range, &company_forms, cues);
            let years = years_in(&doc.text()[clause.range.clone()]);
            last = Some((ci, facts, years));
        }
        let (_, facts, years) = last.as_ref().expect("set just above");
        let soft = lexicon.skill(m.skill).category.is_soft();
        let verdict = if posting_roles::is_company_form(&m.form, &company_forms) {
            Err((Role::Company, "the company's own name"))
        } else {
            verdict(&reading, clause, facts, m.span.start, soft)
        };
        match verdict {
            Ok(level) => {
                asked[index] = Some(level);
                let entry = by_skill.entry(m.skill).or_insert_with(|| JobSkill {
                    skill: m.skill,
                    level,
                    weight: 0.0,
                    mentions: 0,
                    form_indexes: Vec::new(),
                    forms: Vec::new(),
                    exact_forms: Vec::new(),
                    years: None,
                    line: m.line,
                    group: None,
                });
                entry.mentions += 1;
                entry.level = entry.level.min(level);
                if !entry.form_indexes.contains(&m.form_index) {
                    entry.form_indexes.push(m.form_index);
                }
                if !entry.forms.iter().any(|f| f.eq_ignore_ascii_case(&m.form)) {
                    entry.forms.push(m.form.to_string());
                }
                if let Some(y) = *years {
                    entry.years = Some(entry.years.map_or(y, |old| old.max(y)));
                }
            }
            Err((role, reason)) => {
                let entry = context.entry(m.skill).or_insert_with(|| ContextSkill {
                    skill: m.skill,
                    role,
                    reason,
                    forms: Vec::new(),
                    line: m.line,
                });
                if !entry.forms.iter().any(|f| f.eq_ignore_ascii_case(&m.form)) {
                    entry.forms.push(m.form.to_string());
                }
            }
        }
    }
    let raw_groups = alternatives(doc, &reading, &mentions, &asked);
    let mut years_overall: Option<u32> = None;
    for line in doc.text().lines() {
        if let Some(y) = overall_years(line, &mentions, doc) {
            years_overall = Some(years_overall.map_or(y, |old| old.max(y)));
        }
    }
    let mut skills: Vec<JobSkill> = by_skill.into_values().collect();
    for s in &mut skills {
        let base = match s.level {
            Level::Required => REQUIRED_WEIGHT,
            Level::Preferred => PREFERRED_WEIGHT,
        };
        let soft = if lexicon.skill(s.skill).category.is_soft() {
            SOFT_FACTOR
        } else {
            1.0
        };
        let repeat = (1.0 + REPEAT_BONUS * (s.mentions as f64).log2()).min(REPEAT_CAP);
        s.weight = round2(base * soft * repeat);
    }
    skills.sort_by(|a, b| {
        a.level
            .cmp(&b.level)
            .then(b.weight.total_cmp(&a.weight))
            .then(a.line.cmp(&b.line))
    });
    let mut position_of = vec![u32::MAX; lexicon.skills().len()];
    for (i, s) in skills.iter().enumerate() {
        position_of[s.skill.0 as usize] = i as u32;
    }
    // Exact forms, in one pass over the lexicon's forms for all the posting's skills
    // (a pass per skill was half of `jobs`' time on 1,000 postings).
    for (i, f) in lexicon.forms().iter().enumerate() {
        let Some(&p) = position_of.get(f.skill.0 as usize) else {
            continue;
        };
        if p == u32::MAX {
            continue;
        }
        let s = &mut skills[p as usize];
        if s.form_indexes.contains(&i)
            || s.forms
                .iter()
                .any(|p| contains_words(&f.text, p) || contains_words(p, &f.text))
        {
            s.exact_forms.push(i);
        }
    }
    let groups = settle_groups(matcher, raw_groups, &mut skills, &position_of);
    let implied_positions = (0..lexicon.skills().len())
        .map(|id| {
            lexicon
                .implied_by(SkillId(id as u32))
                .iter()
                .filter_map(|t| position_of.get(t.0 as usize).copied())
                .filter(|&p| p != u32::MAX)
                .collect()
        })
        .collect();
    let context = context
        .into_values()
        .filter(|c| position_of[c.skill.0 as usize] == u32::MAX)
        .collect::<Vec<_>>();
    let mut context = context;
    context.sort_by_key(|c| c.line);
    let is_context = |at: usize| {
        reading.clause_at(at).is_none_or(|ci| {
            !matches!(
                reading.clauses[ci].role,
                Role::Requirements | Role::Preferred | Role::Responsibilities | Role::Intro
            )
        })
    };
    let mut unknown = unknown_terms(matcher, doc, &mentions, &is_context);
    unknown.retain(|t| !posting_roles::is_company_form(t, &company_forms));
    JobProfile {
        title: posting_title(doc),
        unknown_terms: unknown,
        education: education_ask(doc.text()),
        years_overall,
        has_sections,
        skills,
        groups,
        context,
        company: reading.company.clone(),
        position_of,
        implied_positions,
    }
}

/// Whether a mention in `clause` is asked of the candidate (and how strongly) or
/// only context (and why).
fn verdict(
    reading: &posting_roles::Reading,
    clause: &posting_roles::Clause,
    facts: &ClauseFacts,
    at: usize,
    soft: bool,
) -> Result<Level, (Role, &'static str)> {
    let role = clause.role;
    match role {
        Role::Benefits => return Err((role, "named under the benefits")),
        Role::Legal => return Err((role, "named in the legal text")),
        Role::Apply => return Err((role, "named in how to apply")),
        Role::Company if !facts.strong_candidate => return Err((role, "describes the company")),
        _ => {}
    }
    let asks_section = matches!(role, Role::Requirements | Role::Preferred);
    if !asks_section && !clause.title {
        if facts.legal {
            return Err((Role::Legal, "named in the legal text"));
        }
        if facts.company {
            return Err((Role::Company, "describes the company"));
        }
        // Above the first heading of a posting that has headings, a sentence that
        // asks nothing of the candidate introduces the company.
        if role == Role::Intro && reading.has_headings && !facts.candidate && !facts.stack {
            return Err((Role::Company, "describes the company"));
        }
    }
    if facts.others_from.is_some_and(|o| at >= o) {
        return Err((role, "describes the people or products around the role"));
    }
    if soft && facts.culture && !facts.candidate {
        return Err((role, "describes the team or culture"));
    }
    let cue = facts.cue_at(at);
    Ok(if cue == Some(true) || role == Role::Preferred {
        Level::Preferred
    } else if cue == Some(false) || role == Role::Requirements || clause.title {
        Level::Required
    } else if reading.has_level_sections || facts.stack {
        // The posting separates must-haves; a skill only in the intro or duties, or in
        // a sentence about the stack, is preferred.
        Level::Preferred
    } else {
        Level::Required
    })
}

/// Requirement groups found clause by clause among the asked mentions: each a set of
/// skills, the strongest level its members were asked at, and whether it is open.
struct RawGroup {
    skills: Vec<SkillId>,
    level: Level,
    open: bool,
}

fn alternatives(
    doc: &Document,
    reading: &posting_roles::Reading,
    mentions: &[Mention],
    asked: &[Option<Level>],
) -> (Vec<RawGroup>, BTreeMap<SkillId, Level>) {
    let mut groups: Vec<RawGroup> = Vec::new();
    // Each skill's strongest level where it is asked outside any group.
    let mut alone: BTreeMap<SkillId, Level> = BTreeMap::new();
    let mut i = 0;
    while i < mentions.len() {
        let Some(ci) = reading.clause_at(mentions[i].span.start) else {
            i += 1;
            continue;
        };
        let clause = &reading.clauses[ci].range;
        let mut j = i;
        while j < mentions.len() && mentions[j].span.start < clause.end {
            j += 1;
        }
        let in_clause: Vec<usize> = (i..j).filter(|&k| asked[k].is_some()).collect();
        let spans: Vec<Range<usize>> = in_clause
            .iter()
            .map(|&k| mentions[k].span.clone())
            .collect();
        let found = posting_groups::alternatives(doc.text(), clause.clone(), &spans);
        let mut grouped = vec![false; in_clause.len()];
        for g in found {
            let mut skills: Vec<SkillId> = Vec::new();
            let mut level = Level::Preferred;
            for &m in &g.members {
                grouped[m] = true;
                let k = in_clause[m];
                level = level.min(asked[k].expect("asked"));
                if !skills.contains(&mentions[k].skill) {
                    skills.push(mentions[k].skill);
                }
            }
            if skills.len() >= 2 || g.open {
                groups.push(RawGroup {
                    skills,
                    level,
                    open: g.open,
                });
            } else {
                // "Java or Java 17": one skill, no alternative.
                for &m in &g.members {
                    grouped[m] = false;
                }
            }
        }
        for (n, &k) in in_clause.iter().enumerate() {
            if !grouped[n] {
                let level = asked[k].expect("asked");
                let e = alone.entry(mentions[k].skill).or_insert(level);
                *e = (*e).min(level);
            }
        }
        i = j.max(i + 1);
    }
    (groups, alone)
}

/// Turns the groups found into the posting's groups: groups sharing a skill merge; a
/// skill also asked on its own more strongly leaves its group (it is needed anyway);
/// a group left with one member of two or more is no group.
fn settle_groups(
    matcher: &Matcher,
    (raw, alone): (Vec<RawGroup>, BTreeMap<SkillId, Level>),
    skills: &mut [JobSkill],
    position_of: &[u32],
) -> Vec<JobGroup> {
    let mut merged: Vec<RawGroup> = Vec::new();
    for g in raw {
        if let Some(into) = merged
            .iter_mut()
            .find(|m| m.skills.iter().any(|s| g.skills.contains(s)))
        {
            for s in g.skills {
                if !into.skills.contains(&s) {
                    into.skills.push(s);
                }
            }
            into.level = into.level.min(g.level);
            into.open |= g.open;
        } else {
            merged.push(g);
        }
    }
    let lexicon = matcher.lexicon();
    let mut groups = Vec::new();
    for g in merged {
        let members: Vec<usize> = g
            .skills
            .iter()
            .filter(|s| alone.get(s).is_none_or(|&l| l >= g.level))
            .map(|s| position_of[s.0 as usize])
            .filter(|&p| p != u32::MAX)
            .map(|p| p as usize)
            .filter(|&p| skills[p].group.is_none())
            .collect();
        if members.is_empty() || (members.len() < 2 && !g.open) {
            continue;
        }
        let id = groups.len() as u32;
        for &p in &members {
            skills[p].group = Some(id);
        }
        let names: Vec<&str> = members
            .iter()
            .map(|&p| {
                skills[p]
                    .forms
                    .first()
                    .map_or(lexicon.skill(skills[p].skill).name.as_str(), String::as_str)
            })
            .collect();
        let mut label = match names.as_slice() {
            [one] => one.to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
            [] => String::new(),
        };
        if g.open && members.len() == 1 {
            label.push_str(" or similar");
        }
        groups.push(JobGroup {
            level: g.level,
            weight: members
                .iter()
                .map(|&p| skills[p].weight)
                .fold(0.0, f64::max),
            members,
            open: g.open,
            label,
        });
    }
    groups
}

pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// True when `phrase` occurs in `text` as whole words, ignoring case and a plural
/// `s` ("Terraform modules" contains "Terraform"; "APIs" contains "API").
fn contains_words(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    let phrase = phrase.to_lowercase();
    let phrase = phrase
        .strip_suffix('s')
        .filter(|p| p.len() > 2)
        .unwrap_or(&phrase);
    find_whole_words(&text, phrase, true)
}

/// The search behind [`contains_phrase`] and [`contains_words`]: an occurrence not
/// touching a letter or digit on either side, where `plural` lets an `s` or `es`
/// follow.
fn find_whole_words(text: &str, phrase: &str, plural: bool) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before_ok = !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let rest = &text[end..];
        let rest = if plural {
            rest.strip_prefix("es")
                .or_else(|| rest.strip_prefix('s'))
                .unwrap_or(rest)
        } else {
            rest
        };
        let after_ok = !rest.chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        from = end;
    }
    false
}

/// The sentence (or bullet line) holding a span: bounded by line breaks and by
/// sentence punctuation followed by a space.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    &text[Sentences::new(text).around(start, end)]
}

/// Where sentences break in a text, found in one pass so that the sentence of each
/// mention is two binary searches. (Searching from each mention back to its line
/// start made a posting written as one long line quadratic: minutes for 100 KB.)
struct Sentences {
    len: usize,
    /// Offsets a sentence can start at, ascending: after a line break, or after
    /// `.`, `!`, `?` or `;` and the space that follows it.
    starts: Vec<usize>,
    /// For each break, ascending: where it is, and where a sentence before it ends
    /// (at a line break; after the punctuation mark).
    ends: Vec<(usize, usize)>,
}

impl Sentences {
    fn new(text: &str) -> Sentences {
        let bytes = text.as_bytes();
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        for (at, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                starts.push(at + 1);
                ends.push((at, at));
            } else if matches!(b, b'.' | b'!' | b'?' | b';') && bytes.get(at + 1) == Some(&b' ') {
                starts.push(at + 2);
                ends.push((at, at + 1));
            }
        }
        Sentences {
            len: text.len(),
            starts,
            ends,
        }
    }

    /// The byte range of the sentence holding `start..end`; breaks inside the span
    /// (a term wrapped across lines) do not count.
    fn around(&self, start: usize, end: usize) -> Range<usize> {
        let before = self.starts.partition_point(|&s| s <= start);
        let from = before.checked_sub(1).map_or(0, |i| self.starts[i]);
        let after = self.ends.partition_point(|&(at, _)| at < end);
        let to = self.ends.get(after).map_or(self.len, |&(_, e)| e);
        from..to
    }
}

/// Years asked in a skill's sentence: "5+ years of Java", "Java (3+ years)".
fn years_in(sentence: &str) -> Option<u32> {
    YEARS
        .captures(sentence)
        .and_then(|c| c[1].parse().ok())
        .filter(|&y: &u32| (1..=30).contains(&y))
}

/// Years asked overall: a years phrase whose sentence names no skill.
fn overall_years(line: &str, mentions: &[Mention], doc: &Document) -> Option<u32> {
    let caps = YEARS.captures(line)?;
    let lower = line.to_lowercase();
    if !lower.contains("experience") {
        return None;
    }
    let line_start = line.as_ptr() as usize - doc.text().as_ptr() as usize;
    let line_end = line_start + line.len();
    let names_skill = mentions_within(mentions, line_start, line_end)
        .iter()
        .any(|m| !doc.text()[m.span.clone()].eq_ignore_ascii_case("experience"));
    if names_skill {
        return None;
    }
    caps[1].parse().ok().filter(|y: &u32| (1..=30).contains(y))
}

/// The mentions that lie wholly within `start..end`, found by binary search (the
/// mentions are in text order and do not overlap).
fn mentions_within(mentions: &[Mention], start: usize, end: usize) -> &[Mention] {
    let first = mentions.partition_point(|m| m.span.start < start);
    let count = mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= end)
        .count();
    &mentions[first..first + count]
}

/// The posting's title: a "Title:" line, or a short first line that is not a heading.
fn posting_title(doc: &Document) -> Option<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:job\s+title|title|position|role)\s*:\s*(.{3,80})$").unwrap()
    });
    for line in doc.text().lines().take(40) {
        if let Some(c) = LABEL.captures(line) {
            return Some(c[1].trim().to_string());
        }
    }
    // Markdown heading marks (`# Title`, also how HTML `<h1>` reads as text) are
    // not part of the title.
    let mut lines = doc
        .text()
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim_start())
        .filter(|l| !l.is_empty());
    let mut first = lines.next()?;
    // A job board's header line ("JobHarbor | Saved job | 4821") comes before the title.
    let next = lines.next();
    if crate::judge::posting_roles::board_header(first, next) {
        first = next?;
    }
    let words = first.split_whitespace().count();
    let is_heading =
        crate::read::sections::heading_kind(first, crate::read::sections::Purpose::Posting)
            .is_some();
    (words <= 8 && !is_heading && !first.ends_with('.'))
        .then(|| first.trim_end_matches(':').to_string())
}

static DEGREES: LazyLock<[(Regex, Degree); 4]> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).unwrap();
    [
        (
            re(r"(?i)\b(?:ph\.?\s?d|doctorate|doctoral|d\.phil)\b"),
            Degree::Doctorate,
        ),
        (
            re(
                r"(?i)\bmaster'?s?\b|\bm\.?\s?sc?\b\.?|\bm\.s\.|\bmsc\b|\bmba\b|\bm\.eng\b|\bmeng\b",
            ),
            Degree::Master,
        ),
        (
            re(
                r"(?i)\bbachelor'?s?\b|\bb\.?\s?sc?\b\.?|\bb\.s\.|\bbsc\b|\bb\.?a\.\b|\bb\.?eng\b|\bbeng\b|\bb\.?tech\b|\bundergraduate degree\b",
            ),
            Degree::Bachelor,
        ),
        (re(r"(?i)\bassociate'?s? degree\b"), Degree::Associate),
    ]
});

/// The highest degree named in text, if any.
pub fn degree_in(text: &str) -> Option<Degree> {
    DEGREES
        .iter()
        .find(|(re, _)| re.is_match(text))
        .map(|(_, d)| *d)
}

/// The lowest degree a posting accepts (a posting naming "BS or MS" asks for a BS).
fn education_ask(text: &str) -> Option<EducationAsk> {
    let mut asked: Option<(Degree, bool)> = None;
    for line in text.lines() {
        let lower = line.to_lowercase();
        let mentions_degree =
            lower.contains("degree") || DEGREES.iter().any(|(re, _)| re.is_match(line));
        if !mentions_degree {
            continue;
        }
        let lowest = DEGREES
            .iter()
            .filter(|(re, _)| re.is_match(line))
            .map(|(_, d)| *d)
            .min()
            .unwrap_or(Degree::Bachelor);
        let equivalent = lower.contains("equivalent")
            || lower.contains("or similar")
            || lower.contains("or comparable");
        asked = Some(match asked {
            Some((d, eq)) => (d.min(lowest), eq || equivalent),
            None => (lowest, equivalent),
        });
    }
    asked.map(|(degree, or_equivalent)| EducationAsk {
        degree,
        or_equivalent,
    })
}

/// Common all-caps words and abbreviations that are not technologies.
const NOT_TECH: &[&str] = &[
    "US", "USA", "UK", "EU", "EMEA", "APAC", "LATAM", "OR", "AND", "THE", "CEO", "CTO", "CFO",
    "VP", "HR", "PTO", "FAQ", "ASAP", "ETA", "EOD", "OKR", "OKRS", "KPI", "KPIS", "B2B", "B2C",
    "SAAS", "IT", "II", "III", "IV", "NA", "N/A", "TBD", "WFH", "EST", "PST", "CET", "UTC", "GMT",
    "ID", "OK", "AI", "ML", "QA", "UX", "UI", "USD", "EUR", "GBP", "401K", "BS", "BA", "MS", "MSC",
    "BSC", "PHD", "MBA", "DEI", "EEO", "ADA", "LLC", "INC", "LTD", "GMBH", "FTE", "Q1", "Q2", "Q3",
    "Q4", "AM", "PM", "WE", "YOU", "OUR",
];

static TECHY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b        # CamelCase: ClickHouse, PagerDuty
      | \b[A-Za-z][A-Za-z0-9]*\.(?:js|io|py|rb|net|rs|ts)\b  # dotted: Socket.io, Deno.js
      | \b[A-Z][A-Z0-9]{1,7}\b                     # acronyms: SOAP, MQTT, HL7
    ",
    )
    .unwrap()
});

/// Words that look like technologies but are not in the lexicon, so nothing in the
/// posting is silently ignored: CamelCase, dotted names, acronyms, and the other items
/// of a list that names known skills ("Kafka, Temporal").
fn unknown_terms(
    matcher: &Matcher,
    doc: &Document,
    mentions: &[Mention],
    is_context: &dyn Fn(usize) -> bool,
) -> Vec<String> {
    let lexicon = matcher.lexicon();
    // Mentions are in text order and do not overlap, so their ends ascend too: the
    // only one that can overlap `start..end` is the first that ends after `start`.
    let inside_mention = |start: usize, end: usize| {
        let first = mentions.partition_point(|m| m.span.end <= start);
        mentions.get(first).is_some_and(|m| m.span.start < end)
    };
    let mut terms: Vec<String> = Vec::new();
    // The terms kept so far, ASCII-lowercased: a set, as a posting can hold many.
    let mut seen: HashSet<String> = HashSet::new();
    let mut push = |term: &str, terms: &mut Vec<String>| {
        let term = term.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#');
        if term.len() < 2
            || NOT_TECH.contains(&term.to_uppercase().as_str())
            || lexicon.find(term).is_some()
            || !seen.insert(term.to_ascii_lowercase())
        {
            return;
        }
        terms.push(term.to_string());
    };
    let skip_sections = [SectionKind::Benefits, SectionKind::Other];
    for (index, line) in doc.text().split('\n').enumerate() {
        let line_no = index + 1;
        if skip_sections.contains(&doc.section_of_line(line_no)) || line_no == 1 {
            continue;
        }
        let line_start = doc.line_starts()[index];
        for m in TECHY.find_iter(line) {
            let (start, end) = (line_start + m.start(), line_start + m.end());
            if !inside_mention(start, end) && !is_context(start) {
                push(m.as_str(), &mut terms);
            }
        }
        // Other items of a list (or alternatives) next to a known skill.
        let line_end = line_start + line.len();
        let known = mentions_within(mentions, line_start, line_end).len();
        if known >= 1 && doc.section_of_line(line_no) != SectionKind::Header {
            // The first item starts the sentence ("Design, build and run ..."): its
            // capital says nothing.
            for item in line
                .split([',', '|', '/', ';', '(', ')'])
                .flat_map(|i| i.split(" or "))
                .skip(1)
            {
                let item = item
                    .trim()
                    .trim_start_matches("and ")
                    .trim_start_matches('•')
                    .trim();
                // The name is the item's leading capitalized words ("Temporal" in
                // "Temporal workflows is a plus").
                let name_len = item
                    .split_whitespace()
                    .take(2)
                    .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .map(|w| w.len() + 1)
                    .sum::<usize>()
                    .saturating_sub(1)
                    .min(item.len());
                let name = &item[..name_len];
                let offset = name.as_ptr() as usize - doc.text().as_ptr() as usize;
                if !name.is_empty()
                    && !inside_mention(offset, offset + name.len())
                    && !is_context(offset)
                {
                    push(name, &mut terms);
                }
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_punctuation_and_lines() {
        let text = "We use Go. You know Kafka well; Node.js is fine\nNext line";
        let at = text.find("Kafka").unwrap();
        assert_eq!(sentence_around(text, at, at + 5), "You know Kafka well;");
        let at = text.find("Node.js").unwrap();
        assert_eq!(sentence_around(text, at, at + 7), "Node.js is fine");
        // A term wrapped across lines: the break inside it does not end the sentence.
        let text = "Intro. Build distributed\nsystems; rest";
        let at = text.find("distributed").unwrap();
        assert_eq!(
            sentence_around(text, at, at + "distributed\nsystems".len()),
            "Build distributed\nsystems;"
        );
        assert_eq!(sentence_around("Kafka", 0, 5), "Kafka");
    }

    fn matcher() -> &'static Matcher {
        static M: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        M.get_or_init(|| Matcher::new(crate::find::lexicon::Lexicon::embedded()))
    }

    /// Found while fuzzing (issue 8): each mention searched its line back to the start
    /// and lowercased and searched its whole sentence, and each technology-looking
    /// word was checked against every mention and every term kept: a posting written
    /// as one long line took 12 s for 10,000 skills, growing with the square.
    #[test]
    fn a_posting_on_one_long_line_is_analyzed_in_linear_time() {
        let mut text = String::from("Backend Engineer\nRequirements: ");
        for i in 0..40_000u32 {
            // A known skill and a distinct CamelCase word the lexicon does not know.
            let word: String = [i % 26, i / 26 % 26, i / 676 % 26]
                .iter()
                .map(|&k| char::from(b'a' + k as u8))
                .collect();
            text.push_str(&format!("Java, Kafka and Zq{word}Db, "));
        }
        let started = std::time::Instant::now();
        let doc = Document::new(text, crate::read::sections::Purpose::Posting);
        let profile = analyze(matcher(), &doc);
        let elapsed = started.elapsed();
        assert_eq!(profile.skills.len(), 2);
        assert!(profile.skills.iter().all(|s| s.level == Level::Required));
        assert_eq!(
            profile.unknown_terms.len(),
            17_576,
            "every distinct word once"
        );
        assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    }

    #[test]
    fn sentence_cues_and_years_apply_per_sentence() {
        let text = "Skills\nYou must know Java; 5+ years of Kafka. Go is a plus.\nRust";
        let doc = Document::new(text.to_string(), crate::read::sections::Purpose::Posting);
        let profile = analyze(matcher(), &doc);
        let get = |name: &str| {
            profile
                .skills
                .iter()
                .find(|s| s.forms == [name])
                .unwrap_or_else(|| panic!("{name} in {:?}", profile.skills))
        };
        assert_eq!(get("Java").level, Level::Required);
        assert_eq!(get("Java").years, None);
        assert_eq!(get("Kafka").years, Some(5));
        assert_eq!(get("Go").level, Level::Preferred);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(posting_roles::has_phrase("java is a plus here", "a plus"));
        assert!(!posting_roles::has_phrase("mustard", "must"));
    }

    #[test]
    fn degrees_are_read_with_equivalence() {
        let ask = education_ask("Bachelor's degree in CS or equivalent experience").unwrap();
        assert_eq!(ask.degree, Degree::Bachelor);
        assert!(ask.or_equivalent);
        assert_eq!(
            education_ask("MS or PhD in Computer Science")
                .unwrap()
                .degree,
            Degree::Master
        );
        assert!(education_ask("Great benefits").is_none());
        assert_eq!(
            degree_in("B.Sc. Computer Science, 2013"),
            Some(Degree::Bachelor)
        );
        assert_eq!(degree_in("M.Sc. in Informatics"), Some(Degree::Master));
    }

    #[test]
    fn years_phrases() {
        let caps = YEARS.captures("5+ years of experience").unwrap();
        assert_eq!(&caps[1], "5");
        assert_eq!(&YEARS.captures("3-5 years with Java").unwrap()[1], "3");
        assert!(YEARS.captures("in 2019 we").is_none());
    }
}
