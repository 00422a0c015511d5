//! Scoring: each posting skill's status in the resume, the weighted coverage score,
//! and the checks beyond keywords (job title, education, years of experience).
//!
//! Score = 100 × Σ(weight × credit) / Σ(weight), over the posting's skills, where
//! credit is 1 for the posting's own wording, [`ALIAS_CREDIT`] for another wording of
//! the same skill, [`IMPLIED_CREDIT`] for a skill present only through another that
//! implies it, and 0 when missing. Weights come from `job` (level, soft skills,
//! repetition). Title, education and years are reported as checks and do not change
//! the score.

use std::collections::HashMap;

use serde::Serialize;

use crate::find::lexicon::{Category, SkillId};
use crate::find::matcher::{FormMention, FoundSkill, Matcher, Mention};
use crate::judge::evidence::{
    self, Level as Backing, ResumeEvidence, SkillEvidence, YearsFrom, YearsVerdict,
};
use crate::judge::posting::{round2, EducationAsk, JobGroup, JobProfile, Level};
use crate::judge::resume::ResumeFacts;

/// The formula, as `--explain` and the README state it.
pub const FORMULA: &str = "  score = 100 x sum(weight x credit) / sum(weight), over what the posting asks (a group of alternatives once)\n  \
credit: exact 1.00 (the posting's wording), alias 0.85 (same skill, other wording), implied 0.50, missing 0\n  \
weight: required 3, preferred 1; soft skills x 0.5; x (1 + 0.15 x log2(mentions in the posting)), at most x 1.5\n  \
asked: requirements, preferred and responsibilities ask for skills; the company, benefits, legal and how-to-apply\n  \
parts, the company's own name and the team around the role are context: shown, never scored\n  \
level: a cue in the clause (must, strong, 5+ years / nice to have, a plus, familiarity) decides, else the section\n  \
(Requirements / Nice to have); in postings without such sections every asked skill is required\n  \
groups: alternatives (Java, C# or Python; one of AWS/GCP/Azure; such as; or similar) count once, by their best member\n  \
job title, education and years are checks: reported, with suggestions, but not part of the score";

/// Credit for a skill written in another form than the posting's (Postgres / PostgreSQL).
pub const ALIAS_CREDIT: f64 = 0.85;
/// Credit for a skill only implied by another (PostgreSQL -> SQL).
pub const IMPLIED_CREDIT: f64 = 0.5;

/// Hard (technical) or soft skill: scored apart, soft weighing less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Hard,
    Soft,
}

/// How a posting skill shows in the resume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Exact,
    Alias,
    Implied,
    Missing,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Exact => "exact",
            Status::Alias => "alias",
            Status::Implied => "implied",
            Status::Missing => "missing",
        }
    }

    pub fn credit(self) -> f64 {
        match self {
            Status::Exact => 1.0,
            Status::Alias => ALIAS_CREDIT,
            Status::Implied => IMPLIED_CREDIT,
            Status::Missing => 0.0,
        }
    }
}

/// One posting skill, judged against the resume.
#[derive(Debug, Clone, Serialize)]
pub struct SkillResult {
    pub name: String,
    pub category: Category,
    pub kind: SkillKind,
    pub level: Level,
    pub weight: f64,
    pub status: Status,
    /// Forms the posting used.
    pub posting_forms: Vec<String>,
    /// Forms the resume used (empty when implied or missing).
    pub resume_forms: Vec<String>,
    /// For implied skills: the resume skills that imply it.
    pub implied_by: Vec<String>,
    /// Sections of the resume it appears in.
    pub sections: Vec<String>,
    pub years_asked: Option<u32>,
    /// Years of use the resume shows for this skill: its dated roles, years it
    /// states, or through a skill that implies it (see `evidence.years_from`).
    pub years_shown: Option<f64>,
    /// How strongly the resume backs it (`null` when it does not show it at all).
    pub evidence: Option<SkillEvidence>,
    /// The share of its weight `evidence_score` gives it: the evidence level's
    /// credit, scaled down when the years asked are not shown.
    pub evidence_credit: f64,
    /// Points this skill adds to the score, and the most it could add. A group's
    /// points go to its best member (the first when none is met).
    pub contribution: f64,
    pub max_contribution: f64,
    /// The requirement group it is one alternative of (`groups[].id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    #[serde(skip)]
    pub skill: SkillId,
}

/// A requirement group judged against the resume: met by its best member.
#[derive(Debug, Clone, Serialize)]
pub struct GroupResult {
    pub id: u32,
    pub level: Level,
    pub weight: f64,
    /// Canonical names of the members, in the posting's order.
    pub members: Vec<String>,
    /// The best member's status.
    pub status: Status,
    /// The member that meets it (absent when missing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_by: Option<String>,
    /// The members are examples ("such as", "or similar"): others would do.
    pub open: bool,
    /// How reports write it: "Java, C# or Python".
    pub label: String,
    pub contribution: f64,
    pub max_contribution: f64,
}

/// Matched over total, e.g. "7/9 must-haves".
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Coverage {
    pub matched: usize,
    pub total: usize,
}

/// pass / warn / fail (and info where nothing was asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Warn,
    Fail,
    Info,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Pass => "pass",
            CheckStatus::Warn => "warn",
            CheckStatus::Fail => "fail",
            CheckStatus::Info => "info",
        }
    }
}

/// One check with what to do when it does not pass.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub status: CheckStatus,
    pub message: String,
    /// The 1-based lines the check is about (the bullets without a number, say);
    /// left out of the JSON when the check is about the whole file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<usize>,
}

/// Keyword scores: overall and per kind of skill. `None` when the posting names no
/// skills, since coverage of nothing is undefined.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub score: Option<f64>,
    pub hard: Option<f64>,
    pub soft: Option<f64>,
    pub required: Coverage,
    pub preferred: Coverage,
}

/// Judges every posting skill against the resume's mentions and their evidence.
pub fn judge(
    matcher: &Matcher,
    job: &JobProfile,
    mentions: &[Mention],
    found: &[FoundSkill],
    facts: &ResumeFacts,
    backing: &ResumeEvidence,
) -> Vec<SkillResult> {
    let lexicon = matcher.lexicon();
    let total_weight = total_weight(job);
    let present: Vec<SkillId> = found.iter().map(|f| f.skill).collect();
    // Each skill's mentions in text order, grouped in one pass: filtering every
    // mention for every posting skill grew with the product of the two.
    let mut by_skill: HashMap<SkillId, Vec<&Mention>> = HashMap::new();
    for m in mentions {
        by_skill.entry(m.skill).or_default().push(m);
    }
    let statuses = statuses(
        job,
        mentions.iter().map(|m| FormMention {
            skill: m.skill,
            form_index: m.form_index,
        }),
    );
    // The member that carries each group's points: the best, else the first.
    let carriers: Vec<usize> = job
        .groups
        .iter()
        .map(|g| best_member(g, &statuses))
        .collect();
    job.skills
        .iter()
        .zip(statuses.iter().copied())
        .enumerate()
        .map(|(i, (js, status))| {
            let skill = lexicon.skill(js.skill);
            let own: &[&Mention] = by_skill.get(&js.skill).map_or(&[], Vec::as_slice);
            let implied_by: Vec<String> = present
                .iter()
                .filter(|&&p| lexicon.implied_by(p).contains(&js.skill))
                .map(|&p| lexicon.skill(p).name.clone())
                .collect();
            let mut resume_forms: Vec<String> = Vec::new();
            let mut sections: Vec<String> = Vec::new();
            for m in own {
                if !resume_forms.iter().any(|f| f.eq_ignore_ascii_case(&m.form)) {
                    resume_forms.push(m.form.to_string());
                }
                if !sections.iter().any(|s| s == m.section.as_str()) {
                    sections.push(m.section.as_str().to_string());
                }
            }
            let weight = match js.group {
                None => js.weight,
                Some(g) if carriers[g as usize] == i => job.groups[g as usize].weight,
                Some(_) => 0.0,
            };
            let share = if total_weight > 0.0 {
                100.0 * weight / total_weight
            } else {
                0.0
            };
            let years_shown = backing.years(js.skill);
            let level = backing.level(js.skill);
            SkillResult {
                name: skill.name.clone(),
                category: skill.category,
                kind: if skill.category.is_soft() {
                    SkillKind::Soft
                } else {
                    SkillKind::Hard
                },
                level: js.level,
                weight: js.weight,
                status,
                posting_forms: js.forms.clone(),
                resume_forms,
                implied_by: if status == Status::Implied {
                    implied_by
                } else {
                    Vec::new()
                },
                sections,
                years_asked: js.years,
                years_shown,
                evidence: backing.describe(js.skill, lexicon, facts),
                evidence_credit: round2(evidence::credit(level, js.years, years_shown)),
                contribution: round2(share * status.credit()),
                max_contribution: round2(share),
                group: js.group,
                skill: js.skill,
            }
        })
        .collect()
}

/// Each posting skill's status for a resume's mentions, in posting order: exact when
/// a mention uses the posting's wording, alias when only other wordings, implied when
/// a skill the resume has entails it, else missing. [`judge`] adds the details; `rank`
/// needs only this.
pub fn statuses(job: &JobProfile, mentions: impl IntoIterator<Item = FormMention>) -> Vec<Status> {
    let mut statuses = vec![Status::Missing; job.skills.len()];
    for m in mentions {
        if let Some(i) = job.position(m.skill) {
            let status = if job.skills[i].exact_forms.contains(&m.form_index) {
                Status::Exact
            } else {
                Status::Alias
            };
            statuses[i] = statuses[i].min(status);
        }
        // What a mention implies counts only where nothing better was found; `min`
        // keeps the better status whatever the order.
        for &i in job.implied_positions(m.skill) {
            statuses[i as usize] = statuses[i as usize].min(Status::Implied);
        }
    }
    statuses
}

/// The weighted coverage scores and the required / preferred counts.
pub fn scores(job: &JobProfile, results: &[SkillResult]) -> Scores {
    let statuses: Vec<Status> = results.iter().map(|r| r.status).collect();
    scores_of(job, &|i| results[i].kind == SkillKind::Soft, &statuses)
}

/// [`scores`] from the posting and [`statuses`], without building the results.
pub fn scores_for(matcher: &Matcher, job: &JobProfile, statuses: &[Status]) -> Scores {
    let lexicon = matcher.lexicon();
    scores_of(
        job,
        &|i| lexicon.skill(job.skills[i].skill).category.is_soft(),
        statuses,
    )
}

/// The sum of the weights the score divides by: each skill outside a group, and
/// each group once.
fn total_weight(job: &JobProfile) -> f64 {
    job.skills
        .iter()
        .filter(|s| s.group.is_none())
        .map(|s| s.weight)
        .sum::<f64>()
        + job.groups.iter().map(|g| g.weight).sum::<f64>()
}

/// The member of a group with the best status (the first of equals).
pub fn best_member(group: &JobGroup, statuses: &[Status]) -> usize {
    group
        .members
        .iter()
        .copied()
        .min_by_key(|&m| statuses[m])
        .expect("a group has members")
}

/// Scores over the posting's requirements: each skill outside a group, and each
/// group once with its best member's status. `soft` tells whether skill `i` is soft.
/// One pass and no allocation: `rank` runs this for every resume.
fn scores_of(job: &JobProfile, soft: &dyn Fn(usize) -> bool, statuses: &[Status]) -> Scores {
    #[derive(Default)]
    struct Sums {
        got: [f64; 3],
        max: [f64; 3],
        required: Coverage,
        preferred: Coverage,
    }
    let mut sums = Sums::default();
    let mut add = |level: Level, weight: f64, soft: bool, status: Status| {
        // [all, hard, soft]
        for k in [0, if soft { 2 } else { 1 }] {
            sums.got[k] += weight * status.credit();
            sums.max[k] += weight;
        }
        let coverage = match level {
            Level::Required => &mut sums.required,
            Level::Preferred => &mut sums.preferred,
        };
        coverage.total += 1;
        coverage.matched += usize::from(status != Status::Missing);
    };
    for (i, s) in job.skills.iter().enumerate() {
        if s.group.is_none() {
            add(s.level, s.weight, soft(i), statuses[i]);
        }
    }
    for g in &job.groups {
        let all_soft = g.members.iter().all(|&m| soft(m));
        add(
            g.level,
            g.weight,
            all_soft,
            statuses[best_member(g, statuses)],
        );
    }
    let weighted =
        |k: usize| (sums.max[k] > 0.0).then(|| (1000.0 * sums.got[k] / sums.max[k]).round() / 10.0);
    Scores {
        score: weighted(0),
        hard: weighted(1),
        soft: weighted(2),
        required: sums.required,
        preferred: sums.preferred,
    }
}

/// The requirement groups judged: status and points of each, from the skill results.
pub fn groups(matcher: &Matcher, job: &JobProfile, results: &[SkillResult]) -> Vec<GroupResult> {
    let lexicon = matcher.lexicon();
    let statuses: Vec<Status> = results.iter().map(|r| r.status).collect();
    job.groups
        .iter()
        .enumerate()
        .map(|(id, g)| {
            let best = best_member(g, &statuses);
            let status = statuses[best];
            GroupResult {
                id: id as u32,
                level: g.level,
                weight: g.weight,
                members: g
                    .members
                    .iter()
                    .map(|&m| lexicon.skill(job.skills[m].skill).name.clone())
                    .collect(),
                status,
                met_by: (status != Status::Missing).then(|| results[best].name.clone()),
                open: g.open,
                label: g.label.clone(),
                contribution: results[best].contribution,
                max_contribution: results[best].max_contribution,
            }
        })
        .collect()
}

/// Seniority words that do not change what a job is.
const SENIORITY: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "lead",
    "principal",
    "staff",
    "mid",
    "level",
    "i",
    "ii",
    "iii",
    "iv",
    "head",
    "chief",
];

fn title_words(title: &str) -> Vec<String> {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The posting's title against the resume's titles.
pub fn title_check(job: &JobProfile, facts: &ResumeFacts, resume_text: &str) -> Check {
    let Some(wanted) = job.title.as_deref() else {
        return Check {
            id: "job_title",
            status: CheckStatus::Info,
            message: "The posting states no job title to compare with.".into(),
            lines: Vec::new(),
        };
    };
    let latest = facts.latest_title().unwrap_or("");
    let wanted_words = title_words(wanted);
    let core: Vec<&String> = wanted_words
        .iter()
        .filter(|w| !SENIORITY.contains(&w.as_str()))
        .collect();
    let exact = facts
        .roles
        .iter()
        .any(|r| title_words(&r.title) == wanted_words)
        || resume_text.to_lowercase().contains(&wanted.to_lowercase());
    let close = facts.roles.iter().any(|r| {
        let have = title_words(&r.title);
        !core.is_empty() && core.iter().all(|w| have.contains(w))
    });
    let (status, message) = if exact {
        (
            CheckStatus::Pass,
            format!("Your resume uses the posting's title \"{wanted}\"."),
        )
    } else if close {
        (
            CheckStatus::Warn,
            format!("The posting says \"{wanted}\" and your closest title is \"{latest}\"; use the exact title in your summary if it describes you."),
        )
    } else if latest.is_empty() {
        (
            CheckStatus::Fail,
            format!("The posting says \"{wanted}\" and no dated job titles were found in your resume; put each title above its dates."),
        )
    } else {
        (
            CheckStatus::Fail,
            format!("The posting says \"{wanted}\"; your latest title is \"{latest}\"; mention \"{wanted}\" in your summary if it fits your experience."),
        )
    };
    Check {
        id: "job_title",
        status,
        message,
        lines: Vec::new(),
    }
}

/// The education asked against the degree found.
pub fn education_check(ask: Option<&EducationAsk>, facts: &ResumeFacts) -> Check {
    let Some(ask) = ask else {
        return Check {
            id: "education",
            status: CheckStatus::Info,
            message: "The posting does not ask for a degree.".into(),
            lines: Vec::new(),
        };
    };
    let (status, message) = match facts.degree {
        Some(found) if found >= ask.degree => (
            CheckStatus::Pass,
            format!("The posting asks for a {} and your resume shows a {}.", ask.degree.as_str(), found.as_str()),
        ),
        found if ask.or_equivalent => (
            CheckStatus::Warn,
            format!(
                "The posting asks for a {} or equivalent experience and your resume shows {}; make your equivalent experience easy to see.",
                ask.degree.as_str(),
                found.map_or("no degree".to_string(), |d| format!("a {}", d.as_str()))
            ),
        ),
        found => (
            CheckStatus::Fail,
            format!(
                "The posting asks for a {} and your resume shows {}; if you have one, add it under an Education heading.",
                ask.degree.as_str(),
                found.map_or("no degree".to_string(), |d| format!("a {}", d.as_str()))
            ),
        ),
    };
    Check {
        id: "education",
        status,
        message,
        lines: Vec::new(),
    }
}

/// Whether the dated roles fall short of the overall years a posting asks (the
/// `years_of_experience` check fails).
pub fn overall_years_short(job: &JobProfile, facts: &ResumeFacts) -> bool {
    job.years_overall.is_some_and(|asked| {
        !facts.roles.is_empty() && (facts.total_months as f64 / 12.0) < f64::from(asked)
    })
}

/// Years of experience asked overall against the dated roles. Years asked of one
/// skill ("4+ years of Java") are [`skill_years_check`]'s: a whole career says
/// nothing of one skill.
pub fn experience_check(job: &JobProfile, facts: &ResumeFacts) -> Check {
    let shown = facts.total_months as f64 / 12.0;
    let Some(asked) = job.years_overall else {
        let per_skill = job.skills.iter().any(|s| s.years.is_some());
        return Check {
            id: "years_of_experience",
            status: CheckStatus::Info,
            message: if per_skill {
                format!("The posting asks for years of particular skills, not overall (see skill_years); your dated roles cover {shown:.1} years.")
            } else {
                format!("The posting asks for no number of years; your dated roles cover {shown:.1} years.")
            },
            lines: Vec::new(),
        };
    };
    let (status, message) = if facts.roles.is_empty() {
        (
            CheckStatus::Warn,
            format!("The posting asks for {asked}+ years and no dated roles were found; write dates like \"Mar 2019 - Present\" on each role."),
        )
    } else if shown >= asked as f64 {
        (
            CheckStatus::Pass,
            format!(
                "The posting asks for {asked}+ years; your dated roles cover {shown:.1} years."
            ),
        )
    } else {
        (
            CheckStatus::Fail,
            format!("The posting asks for {asked}+ years; your dated roles cover only {shown:.1} years; list earlier roles with their dates if you have them."),
        )
    };
    Check {
        id: "years_of_experience",
        status,
        message,
        lines: Vec::new(),
    }
}

/// Years asked of each skill ("4+ years of Java") against that skill's own evidence:
/// the dated roles that name it, years stated with it, or the use of a skill that
/// implies it (which the message says).
pub fn skill_years_check(results: &[SkillResult]) -> Check {
    if results.iter().all(|r| r.years_asked.is_none()) {
        return Check {
            id: "skill_years",
            status: CheckStatus::Info,
            message: "The posting asks for no years of a particular skill.".into(),
            lines: Vec::new(),
        };
    }
    let verdicts = evidence::years_verdicts(&years_asks(results));
    let mut short = Vec::new();
    let mut met = Vec::new();
    let mut absent = Vec::new();
    for (r, verdict) in results.iter().zip(verdicts) {
        let asked_years = r.years_asked.unwrap_or(0);
        let shown = r.years_shown.unwrap_or(0.0);
        match verdict {
            YearsVerdict::NotAsked => {}
            YearsVerdict::Absent => absent.push(format!("{} {asked_years}+", r.name)),
            YearsVerdict::Met => met.push(format!(
                "{} {asked_years}+ ({shown:.1}{})",
                r.name,
                years_source(r)
            )),
            YearsVerdict::Short if r.evidence.as_ref().is_none_or(|e| e.years_from.is_none()) => {
                short.push(format!(
                    "{} {asked_years}+ (no dated role or stated years show it)",
                    r.name
                ))
            }
            YearsVerdict::Short => short.push(format!(
                "{} {asked_years}+ ({shown:.1}{})",
                r.name,
                years_source(r)
            )),
        }
    }
    let absent = if absent.is_empty() {
        String::new()
    } else {
        format!(
            " Not in the resume (or only in stuffed text): {}.",
            absent.join("; ")
        )
    };
    let (status, message) = if short.is_empty() && met.is_empty() {
        (
            CheckStatus::Info,
            format!("The posting asks for years of skills your resume does not name.{absent}"),
        )
    } else if short.is_empty() {
        (
            CheckStatus::Pass,
            format!(
                "Years asked per skill are shown: {}.{absent}",
                met.join("; ")
            ),
        )
    } else {
        (
            CheckStatus::Fail,
            format!(
                "Years asked per skill, against that skill's own roles and stated years: short on {}{}; name each skill in the bullets of every role where you used it, or state its years (\"5 years of Java\").{absent}",
                short.join("; "),
                if met.is_empty() { String::new() } else { format!("; met: {}", met.join("; ")) }
            ),
        )
    };
    Check {
        id: "skill_years",
        status,
        message,
        lines: Vec::new(),
    }
}

/// The years asks of a posting's skills as judged, for [`evidence::years_verdicts`].
fn years_asks(results: &[SkillResult]) -> Vec<evidence::YearsAsk> {
    results
        .iter()
        .map(|r| evidence::YearsAsk {
            asked: r.years_asked,
            group: r.group,
            level: r.evidence.as_ref().map_or(Backing::None, |e| e.level),
            years: r.years_shown,
            missing: r.status == Status::Missing,
        })
        .collect()
}

/// How a skill's years were found, for messages: " in dated roles", " stated",
/// " through Django".
pub fn years_source(r: &SkillResult) -> String {
    let Some(e) = &r.evidence else {
        return String::new();
    };
    match e.years_from {
        Some(YearsFrom::Roles) => " in dated roles".to_string(),
        Some(YearsFrom::Stated) => " stated".to_string(),
        Some(YearsFrom::Implied) => {
            let mut names = e
                .implied_by
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if e.implied_by.len() > 2 {
                names.push_str(&format!(" +{}", e.implied_by.len() - 2));
            }
            format!(" through {names}")
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::lexicon::Lexicon;
    use crate::read::sections::{Document, Purpose};

    /// Found while fuzzing (issue 8): judging filtered every resume mention for each
    /// posting skill, and the years shown tested every mention against every role, so
    /// a long resume against a posting naming many skills took time growing with the
    /// product of the three.
    #[test]
    fn a_long_resume_against_a_long_posting_is_judged_in_linear_time() {
        let matcher = Matcher::new(Lexicon::embedded());
        let names: Vec<&str> = matcher
            .lexicon()
            .skills()
            .iter()
            .filter(|s| !s.category.is_soft())
            .map(|s| s.name.as_str())
            .take(300)
            .collect();
        let posting = format!("Requirements\n{}\n", names.join("\n"));
        let mut resume = String::from("Jane Doe\nExperience\n");
        for i in 0..5_000 {
            let skill = names[i % names.len()];
            resume.push_str(&format!(
                "Engineer at Acme{i}\nJan 2010 - Feb 2012\n- Built services with {skill}, Java and Kafka\n"
            ));
        }
        let started = std::time::Instant::now();
        let job =
            crate::judge::posting::analyze(&matcher, &Document::new(posting, Purpose::Posting));
        let doc = Document::new(resume, Purpose::Resume);
        let mentions = matcher.scan(&doc);
        let found = matcher.found_skills(&mentions);
        let facts = crate::judge::resume::facts(&doc);
        let placed: Vec<evidence::Placed> = mentions.iter().map(evidence::Placed::from).collect();
        let stuffing =
            crate::judge::stuffing::find(matcher.lexicon(), &doc, &placed, &|_| true, None);
        let backing = evidence::weigh(
            matcher.lexicon(),
            &doc,
            &facts,
            &placed,
            &stuffing,
            evidence::posting_skills(&job),
        );
        let results = judge(&matcher, &job, &mentions, &found, &facts, &backing);
        let elapsed = started.elapsed();
        assert!(job.skills.len() >= 150, "{}", job.skills.len());
        assert_eq!(facts.roles.len(), 5_000);
        let java = results.iter().find(|r| r.name == "Java").unwrap();
        assert_eq!(java.status, Status::Exact);
        // Every role names Java; the roles all cover the same 26 months.
        assert_eq!(java.years_shown, Some(2.2));
        assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
    }
}
