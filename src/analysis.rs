//! The result of `match`: a resume judged against a posting. Built here from the
//! earlier stages; the report modules only format it.

use serde::Serialize;

use crate::job::{self, JobProfile};
use crate::matcher::{Matcher, Mention};
use crate::resume;
use crate::score::{self, Check, Coverage, SkillResult};
use crate::sections::Document;
use crate::suggest::{self, Suggestion};

/// Everything `match` reports, in the shape of the JSON contract (`schema_version` 1).
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema_version: u32,
    pub file: String,
    pub job: String,
    /// Weighted keyword coverage, 0-100; `null` when the posting names no skills.
    pub score: Option<f64>,
    /// Why the score is missing, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_note: Option<String>,
    pub hard_score: Option<f64>,
    pub soft_score: Option<f64>,
    pub required: Coverage,
    pub preferred: Coverage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume_title: Option<String>,
    pub years_shown: f64,
    pub skills: Vec<SkillResult>,
    pub suggestions: Vec<Suggestion>,
    pub unknown_terms: Vec<String>,
    pub checks: Vec<Check>,
    /// The resume's mentions, for reports that highlight the text (not serialized).
    #[serde(skip)]
    pub mentions: Vec<Mention>,
}

impl Analysis {
    /// True when every skill of the expression is present.
    pub fn missing_required(&self) -> Vec<&SkillResult> {
        self.skills
            .iter()
            .filter(|s| s.level == job::Level::Required && s.status == score::Status::Missing)
            .collect()
    }
}

/// Judges a loaded resume against an analyzed posting.
pub fn analyze(
    matcher: &Matcher,
    resume_doc: &Document,
    file: &str,
    job: &JobProfile,
    job_name: &str,
) -> Analysis {
    let mentions = matcher.scan(resume_doc);
    let found = matcher.found_skills(&mentions);
    let facts = resume::facts(resume_doc);
    let results = score::judge(matcher, job, &mentions, &found, &facts);
    let scores = score::scores(&results);
    let checks = vec![
        score::title_check(job, &facts, &resume_doc.text),
        score::experience_check(job, &facts),
        score::education_check(job.education.as_ref(), &facts),
    ];
    let words = resume_doc.text.split_whitespace().count();
    let suggestions = suggest::suggest(matcher.lexicon(), &results, &found, &checks, words);
    Analysis {
        schema_version: 1,
        file: file.to_string(),
        job: job_name.to_string(),
        score: scores.score,
        score_note: scores.score.is_none().then(|| {
            "the posting names no skills from the lexicon, so coverage is undefined".to_string()
        }),
        hard_score: scores.hard,
        soft_score: scores.soft,
        required: scores.required,
        preferred: scores.preferred,
        job_title: job.title.clone(),
        resume_title: facts.latest_title().map(str::to_string),
        years_shown: (facts.total_months as f64 / 12.0 * 10.0).round() / 10.0,
        skills: results,
        suggestions,
        unknown_terms: job.unknown_terms.clone(),
        checks,
        mentions,
    }
}

/// The part of an analysis `rank` needs, without checks and suggestions: scored in
/// the batch hot path.
pub struct QuickScore {
    pub scores: score::Scores,
    /// Posting skills the resume lacks, required first.
    pub missing: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// Scores a resume for ranking.
pub fn quick(matcher: &Matcher, resume_doc: &Document, job: &JobProfile) -> QuickScore {
    let mentions = matcher.scan(resume_doc);
    let found = matcher.found_skills(&mentions);
    let facts = resume::ResumeFacts::default();
    let results = score::judge(matcher, job, &mentions, &found, &facts);
    let missing = results
        .iter()
        .filter(|r| r.status == score::Status::Missing)
        .map(|r| r.name.clone())
        .collect();
    QuickScore {
        scores: score::scores(&results),
        missing,
        mentions,
    }
}
