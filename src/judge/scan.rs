//! What `scan` reports about one resume: the skills found, grouped and counted, the
//! skills they imply, the sections seen, and the readability checks. Plain data for
//! the report modules.

use serde::Serialize;

use crate::find::lexicon::Category;
use crate::find::matcher::{Evidence, Matcher, Mention};
use crate::judge::evidence::{self, Level, Placed, SkillEvidence};
use crate::judge::resume::ResumeFacts;
use crate::judge::score::Check;
use crate::judge::stuffing;
use crate::read::extract::Extracted;
use crate::read::sections::{Document, SectionKind};

/// The scan of one file, in the shape of the JSON contract.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub schema_version: u32,
    pub file: String,
    pub kind: &'static str,
    pub pages: usize,
    pub words: usize,
    pub skills: Vec<ScanSkill>,
    pub implied: Vec<ImpliedOut>,
    pub sections: Vec<SectionKind>,
    /// Whether an ATS can read the file at all (see `ats`), and how it reads to a
    /// recruiter (see `writing`).
    pub checks: Vec<Check>,
}

/// A skill found, with every mention.
#[derive(Debug, Clone, Serialize)]
pub struct ScanSkill {
    pub name: String,
    pub category: Category,
    pub description: String,
    pub count: usize,
    pub sections: Vec<SectionKind>,
    pub forms: Vec<String>,
    /// How strongly the resume backs it: used in dated roles (which, how long, how
    /// recently), in projects, stated years, or listed only.
    pub evidence: Option<SkillEvidence>,
    pub mentions: Vec<MentionOut>,
}

/// Where a mention is: line, section, the form written, the line's text around it.
#[derive(Debug, Clone, Serialize)]
pub struct MentionOut {
    pub line: usize,
    pub section: SectionKind,
    pub form: String,
    pub evidence: Evidence,
    pub snippet: String,
    /// The longer term this mention is written inside ("AWS Lambda" for AWS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_in: Option<String>,
}

/// A skill entailed by the ones found (Django -> Python).
#[derive(Debug, Clone, Serialize)]
pub struct ImpliedOut {
    pub name: String,
    pub category: Category,
    pub from: Vec<String>,
}

/// Scans a loaded document and gathers what `scan` shows; `file_bytes` is the size
/// of the file, for the file-type check.
pub fn scan_report(
    matcher: &Matcher,
    file: &str,
    extracted: &Extracted,
    file_bytes: u64,
    doc: &Document,
) -> ScanReport {
    let mentions = matcher.scan(doc);
    let lexicon = matcher.lexicon();
    let found = matcher.found_skills(&mentions);
    let facts = crate::judge::resume::facts(doc);
    let placed: Vec<Placed> = mentions.iter().map(Placed::from).collect();
    let hidden = crate::judge::analysis::hidden_text(matcher, extracted, |_| true);
    let stuffing = stuffing::find(lexicon, doc, &placed, &|_| true, hidden.as_ref());
    let backing = evidence::weigh(
        lexicon,
        doc,
        &facts,
        &placed,
        &stuffing,
        evidence::every_skill(),
    );
    let skills = found
        .iter()
        .map(|f| {
            let skill = lexicon.skill(f.skill);
            ScanSkill {
                name: skill.name.clone(),
                category: skill.category,
                description: skill.description.clone(),
                count: f.count,
                sections: f.sections.clone(),
                forms: f.forms.clone(),
                evidence: backing.describe(f.skill, lexicon, &facts),
                mentions: mentions
                    .iter()
                    .filter(|m| m.skill == f.skill)
                    .map(|m| mention_out(matcher, doc, m))
                    .collect(),
            }
        })
        .collect();
    let implied = matcher
        .implied_skills(&found)
        .into_iter()
        .map(|i| ImpliedOut {
            name: lexicon.skill(i.skill).name.clone(),
            category: lexicon.skill(i.skill).category,
            from: i
                .from
                .iter()
                .map(|&s| lexicon.skill(s).name.clone())
                .collect(),
        })
        .collect();
    let stuffed_only: Vec<String> = found
        .iter()
        .filter(|f| backing.level(f.skill) == Level::Stuffed)
        .map(|f| lexicon.skill(f.skill).name.clone())
        .collect();
    let stuffing_check = stuffing::check(&stuffing, &stuffed_only);
    ScanReport {
        schema_version: 1,
        file: file.to_string(),
        kind: extracted.kind.as_str(),
        pages: extracted.pages,
        words: doc.text().split_whitespace().count(),
        skills,
        implied,
        sections: doc.section_kinds(),
        checks: all_checks(extracted, file_bytes, doc, &facts, stuffing_check),
    }
}

/// The readability checks and the stuffing check, then the writing checks (not
/// judged on garbled text).
fn all_checks(
    extracted: &Extracted,
    file_bytes: u64,
    doc: &Document,
    facts: &ResumeFacts,
    stuffing_check: Check,
) -> Vec<Check> {
    let mut checks = crate::judge::checks::checks(extracted, file_bytes, doc);
    checks.push(stuffing_check);
    checks.extend(if crate::judge::checks::is_garbled(&checks) {
        crate::judge::writing::not_checked()
    } else {
        crate::judge::writing::checks(doc, &facts.roles)
    });
    checks
}

fn mention_out(matcher: &Matcher, doc: &Document, m: &Mention) -> MentionOut {
    MentionOut {
        nested_in: m
            .nested_in
            .map(|outer| matcher.lexicon().skill(outer).name.clone()),
        line: m.line,
        section: m.section,
        form: m.form.to_string(),
        evidence: m.evidence,
        snippet: snippet(doc, m),
    }
}

/// Up to ~40 characters either side of a mention, on its line.
pub fn snippet(doc: &Document, m: &Mention) -> String {
    let line = doc.line_text(m.line);
    let line_start = doc.line_starts()[m.line - 1];
    let start = m.span.start.saturating_sub(line_start).min(line.len());
    let end = (m.span.end.saturating_sub(line_start)).min(line.len());
    let mut from = start.saturating_sub(40);
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(line[from..to].trim());
    if to < line.len() {
        out.push('…');
    }
    out
}
