//! The result of `match`: a resume judged against a posting. Built here from the
//! earlier stages; the report modules only format it.

use std::ops::Range;

use serde::Serialize;

use crate::find::lexicon::{Category, Lexicon, SkillId};
use crate::find::matcher::{FormMention, Matcher, Mention};
use crate::judge::checks;
use crate::judge::evidence::{self, Level as Backing, Placed};
use crate::judge::posting::{round2, JobProfile, Level};
use crate::judge::posting_roles::Role;
use crate::judge::resume;
use crate::judge::score::{self, Check, CheckStatus, Coverage, GroupResult, SkillResult, Status};
use crate::judge::stuffing::{self, Hidden, Stuffing};
use crate::judge::suggest::{self, Suggestion};
use crate::judge::writing;
use crate::read::extract::{Extracted, Kind};
use crate::read::sections::{Document, Purpose};

/// Everything `match` reports, in the shape of the JSON contract (`schema_version` 1).
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub schema_version: u32,
    pub file: String,
    pub job: String,
    /// Weighted keyword coverage, 0-100; `null` when the posting names no skills.
    /// Answers the job seeker's question: would a keyword filter pass this resume?
    pub score: Option<f64>,
    /// The same weights with credit by evidence (used recently, long ago, listed
    /// only, implied; nothing for stuffed or hidden text), 0-100. Answers the
    /// recruiter's question: how strongly does the resume back what it names?
    pub evidence_score: Option<f64>,
    /// Why the score is missing, when it is.
    pub score_note: Option<String>,
    pub hard_score: Option<f64>,
    pub soft_score: Option<f64>,
    pub required: Coverage,
    pub preferred: Coverage,
    pub job_title: Option<String>,
    pub resume_title: Option<String>,
    pub years_shown: f64,
    pub skills: Vec<SkillResult>,
    /// Alternatives asked as one requirement each; `skills[].group` points here.
    pub groups: Vec<GroupResult>,
    /// Skills the posting names only as context (company, benefits, legal, the team
    /// around the role): never scored or suggested.
    pub context_skills: Vec<ContextResult>,
    /// The company's name, as the posting gives it (`null` when it does not).
    pub company: Option<String>,
    pub suggestions: Vec<Suggestion>,
    pub unknown_terms: Vec<String>,
    pub checks: Vec<Check>,
    /// What a recruiter should look at before trusting the scores: `stuffing`,
    /// `invisible_text`, `garbled`, `glued`, `years_short` (as `rank` shows them).
    pub flags: Vec<&'static str>,
    /// The resume's mentions, for reports that highlight the text (not serialized).
    #[serde(skip)]
    pub mentions: Vec<Mention>,
    /// Each mention with the posting skills it counts for, in text order (not
    /// serialized): what the HTML report highlights, so it needs no lexicon.
    #[serde(skip)]
    pub highlights: Vec<Highlight>,
}

/// A skill the posting names only as context.
#[derive(Debug, Clone, Serialize)]
pub struct ContextResult {
    pub name: String,
    pub category: Category,
    /// The part of the posting it is named in: company, benefits, legal, apply, or
    /// the part whose sentence describes the company or the team.
    pub role: Role,
    /// Why it is not asked of the candidate.
    pub reason: &'static str,
    /// Forms the posting used.
    pub posting_forms: Vec<String>,
    /// First line of the posting naming it.
    pub line: usize,
}

/// One place in the resume text where a skill is written, and what it does for the
/// posting.
#[derive(Debug, Clone)]
pub struct Highlight {
    /// Byte range in the resume's normalized text (`Document::text`).
    pub span: Range<usize>,
    /// The canonical name of the skill written there.
    pub skill: String,
    /// Posting skills this mention satisfies; empty when the posting does not ask
    /// for the skill or anything it implies.
    pub satisfies: Vec<Satisfied>,
}

/// A posting skill that a resume mention satisfies, and how.
#[derive(Debug, Clone)]
pub struct Satisfied {
    /// The posting skill's canonical name.
    pub name: String,
    pub level: Level,
    /// The posting skill's status: exact or alias (the mention is that skill) or
    /// implied (the mention's skill implies it).
    pub status: Status,
    /// How the posting writes it.
    pub posting_form: String,
}

impl Highlight {
    /// The strongest way this mention counts (exact before alias before implied).
    pub fn status(&self) -> Option<Status> {
        self.satisfies.iter().map(|s| s.status).min()
    }
}

/// A resume as loaded: its text, and what the readability checks need to know
/// about the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Resume<'a> {
    /// The file as reports name it.
    pub name: &'a str,
    pub extracted: &'a Extracted,
    pub doc: &'a Document,
    /// Size of the file in bytes.
    pub file_bytes: u64,
}

/// Judges a loaded resume against an analyzed posting, with the posting checks
/// (title, years, education) followed by the readability checks of `ats` and the
/// writing checks of `writing`.
///
/// When the text is garbled the score is withheld (`None`, with a `score_note`) and
/// only the readability suggestions are kept: advice computed from symbols would
/// mislead.
pub fn analyze(
    matcher: &Matcher,
    resume: &Resume<'_>,
    job: &JobProfile,
    job_name: &str,
) -> Analysis {
    let resume_doc = resume.doc;
    let mentions = matcher.scan(resume_doc);
    let found = matcher.found_skills(&mentions);
    let facts = resume::facts(resume_doc);
    let placed: Vec<Placed> = mentions.iter().map(Placed::from).collect();
    let hidden = hidden_text(matcher, resume.extracted, |_| true);
    let relevant = |s| job.asks_about(s);
    let stuffing = stuffing::find(
        matcher.lexicon(),
        resume_doc,
        &placed,
        &relevant,
        hidden.as_ref(),
    );
    let backing = evidence::weigh(
        matcher.lexicon(),
        resume_doc,
        &facts,
        &placed,
        &stuffing,
        evidence::posting_skills(job),
    );
    let results = score::judge(matcher, job, &mentions, &found, &facts, &backing);
    let scores = score::scores(job, &results);
    let credits: Vec<f64> = results.iter().map(|r| r.evidence_credit).collect();
    let evidence_score = evidence::resume_score(job, &credits, &facts, &stuffing);
    let groups = score::groups(matcher, job, &results);
    let stuffed_only: Vec<String> = results
        .iter()
        .filter(|r| {
            r.evidence
                .as_ref()
                .is_some_and(|e| e.level == Backing::Stuffed)
        })
        .map(|r| r.name.clone())
        .collect();
    let mut checks = vec![
        score::title_check(job, &facts, resume_doc.text()),
        score::experience_check(job, &facts),
        score::skill_years_check(&results),
        score::education_check(job.education.as_ref(), &facts),
    ];
    checks.extend(checks::checks(
        resume.extracted,
        resume.file_bytes,
        resume_doc,
    ));
    checks.push(stuffing::check(&stuffing, &stuffed_only));
    let garbled = checks::is_garbled(&checks);
    checks.extend(if garbled {
        writing::not_checked()
    } else {
        writing::checks(resume_doc, &facts.roles)
    });
    let words = resume_doc.text().split_whitespace().count();
    let mut suggestions =
        suggest::suggest(matcher.lexicon(), &results, &groups, &found, &checks, words);
    if garbled {
        suggestions.retain(|s| s.kind == suggest::Kind::Readability);
    }
    let score_note = if let Some(why) = checks::unreadable_because(&checks) {
        Some(match why {
            "glued_words" => GLUED_NOTE.to_string(),
            _ => GARBLED_NOTE.to_string(),
        })
    } else {
        scores.score.is_none().then(|| {
            "the posting names no skills from the lexicon, so coverage is undefined".to_string()
        })
    };
    let withheld = |value: Option<f64>| if garbled { None } else { value };
    let highlights = highlights(matcher.lexicon(), &mentions, &results);
    let flags = flags(&Flagged {
        stuffing: &stuffing,
        unreadable: checks::unreadable_because(&checks),
        years_short: checks.iter().any(|c| {
            matches!(c.id, "years_of_experience" | "skill_years") && c.status == CheckStatus::Fail
        }),
    });
    Analysis {
        schema_version: 1,
        file: resume.name.to_string(),
        job: job_name.to_string(),
        score: withheld(scores.score),
        evidence_score: withheld(evidence_score),
        score_note,
        hard_score: withheld(scores.hard),
        soft_score: withheld(scores.soft),
        required: scores.required,
        preferred: scores.preferred,
        job_title: job.title.clone(),
        resume_title: facts.latest_title().map(str::to_string),
        years_shown: (facts.total_months as f64 / 12.0 * 10.0).round() / 10.0,
        skills: results,
        groups,
        context_skills: context_results(matcher.lexicon(), job),
        company: job.company.clone(),
        suggestions,
        unknown_terms: job.unknown_terms.clone(),
        checks,
        flags,
        mentions,
        highlights,
    }
}

/// The skills written in the text of a PDF that a reader cannot see (`None` when
/// there is none). `wanted`: the skills the caller asks about.
pub fn hidden_text(
    matcher: &Matcher,
    extracted: &Extracted,
    wanted: impl Fn(SkillId) -> bool,
) -> Option<Hidden> {
    if extracted.hidden_text.trim().is_empty() {
        return None;
    }
    let doc = Document::new(
        crate::read::normalize::normalize(&extracted.hidden_text),
        Purpose::Resume,
    );
    Some(Hidden {
        chars: extracted
            .hidden_text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count(),
        skills: matcher
            .scan_forms_of(&doc, wanted)
            .iter()
            .map(|m| m.skill)
            .collect(),
    })
}

/// What the flags of a resume are decided from.
pub struct Flagged<'a> {
    pub stuffing: &'a Stuffing,
    /// The failing readability check that makes the text unusable, if any.
    pub unreadable: Option<&'static str>,
    pub years_short: bool,
}

/// The flags a recruiter sees beside the scores, in a fixed order.
pub fn flags(f: &Flagged<'_>) -> Vec<&'static str> {
    let mut out = Vec::new();
    if f.stuffing.has_blocks() {
        out.push("stuffing");
    }
    if f.stuffing.has_hidden_text() {
        out.push("invisible_text");
    }
    match f.unreadable {
        Some("glued_words") => out.push("glued"),
        Some(_) => out.push("garbled"),
        None => {}
    }
    if f.years_short {
        out.push("years_short");
    }
    out
}

/// The posting's context skills, for reports.
pub fn context_results(lexicon: &Lexicon, job: &JobProfile) -> Vec<ContextResult> {
    job.context
        .iter()
        .map(|c| {
            let skill = lexicon.skill(c.skill);
            ContextResult {
                name: skill.name.clone(),
                category: skill.category,
                role: c.role,
                reason: c.reason,
                posting_forms: c.forms.clone(),
                line: c.line,
            }
        })
        .collect()
}

/// Pairs each mention with the posting skills it satisfies: its own skill when the
/// posting asks for it, and the skills it implies that the posting shows as implied.
fn highlights(lexicon: &Lexicon, mentions: &[Mention], results: &[SkillResult]) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = Vec::with_capacity(mentions.len());
    for h in mentions.iter().map(|m| {
        let implies = lexicon.implied_by(m.skill);
        let satisfies = results
            .iter()
            .filter(|r| match r.status {
                Status::Exact | Status::Alias => r.skill == m.skill,
                Status::Implied => implies.contains(&r.skill),
                Status::Missing => false,
            })
            .map(|r| Satisfied {
                name: r.name.clone(),
                level: r.level,
                status: r.status,
                posting_form: r
                    .posting_forms
                    .first()
                    .cloned()
                    .unwrap_or_else(|| r.name.clone()),
            })
            .collect();
        (
            m.nested_in.is_some(),
            Highlight {
                span: m.span.clone(),
                skill: lexicon.skill(m.skill).name.clone(),
                satisfies,
            },
        )
    }) {
        // A skill written inside a longer term ("AWS" in "AWS Lambda") is shown on
        // the longer term's mark, which comes just before it.
        match (h, out.last_mut()) {
            ((true, inner), Some(outer))
                if outer.span.start <= inner.span.start && inner.span.end <= outer.span.end =>
            {
                outer.satisfies.extend(inner.satisfies);
            }
            ((_, h), _) => out.push(h),
        }
    }
    out
}

/// Why a garbled resume has no score, in `match` and `rank` alike.
pub const GARBLED_NOTE: &str = "the resume's text is garbled (symbols instead of letters), so a keyword score would be meaningless; fix the file first (see the garbled_text check)";

/// Why a resume whose words run together has no score, in `match` and `rank` alike.
pub const GLUED_NOTE: &str = "the resume's words run together (spaces lost in the PDF), so a keyword score would be meaningless; fix the file first (see the glued_words check)";

/// The part of an analysis `rank` needs, without checks and suggestions: scored in
/// the batch hot path.
pub struct QuickScore<'a> {
    /// The scores, withheld (`None`) when the text is garbled or glued, as
    /// [`analyze`] does.
    pub scores: score::Scores,
    /// The evidence score, as [`analyze`] gives it (withheld alike).
    pub evidence_score: Option<f64>,
    /// The text is garbled (the `garbled_text` check fails).
    pub garbled: bool,
    /// The words run together (the `glued_words` check fails); only asked of text a
    /// file format laid out (see [`quick`]).
    pub glued: bool,
    /// Posting skills the resume lacks, required first (names borrowed from the
    /// lexicon: no string is copied per resume).
    pub missing: Vec<&'a str>,
    /// The resume's mentions of the skills asked about.
    pub mentions: Vec<Placed>,
    /// The flags [`analyze`] would give.
    pub flags: Vec<&'static str>,
}

/// Scores a resume for ranking: the statuses, scores, evidence score and flags
/// [`analyze`] would give, without the details only a report shows.
/// `also`: skills asked about besides the posting's (`--require`); mentions of other
/// skills may be left out. `kind`: the file's format. Words run together when a
/// PDF's (or a DOCX's or page's) layout loses its spaces, so only those are tested
/// for glued words: the test reads every word, and plain text (most of a batch) is
/// what someone typed. `hidden`: the skills in
/// text of the file a reader cannot see (see [`hidden_text`]).
pub fn quick<'a>(
    matcher: &'a Matcher,
    resume_doc: &Document,
    kind: Kind,
    job: &'a JobProfile,
    also: impl Fn(SkillId) -> bool,
    hidden: Option<&Hidden>,
) -> QuickScore<'a> {
    let mentions = matcher.scan_placed_of(resume_doc, |skill| job.asks_about(skill) || also(skill));
    let statuses = score::statuses(
        job,
        mentions.iter().map(|m| FormMention {
            skill: m.skill,
            form_index: m.form_index,
        }),
    );
    let mut scores = score::scores_for(matcher, job, &statuses);
    let garbled = checks::text_is_garbled(resume_doc);
    let glued = !garbled && kind != Kind::Text && checks::text_is_glued(resume_doc);
    let facts = resume::roles(resume_doc);
    let stuffing = stuffing::find(
        matcher.lexicon(),
        resume_doc,
        &mentions,
        &|s| job.asks_about(s),
        hidden,
    );
    let backing = evidence::weigh(
        matcher.lexicon(),
        resume_doc,
        &facts,
        &mentions,
        &stuffing,
        evidence::posting_skills(job),
    );
    let asks: Vec<evidence::YearsAsk> = job
        .skills
        .iter()
        .zip(&statuses)
        .map(|(js, &status)| evidence::YearsAsk {
            asked: js.years,
            group: js.group,
            level: backing.level(js.skill),
            years: backing.years(js.skill),
            missing: status == Status::Missing,
        })
        .collect();
    let credits: Vec<f64> = asks
        .iter()
        .map(|a| round2(evidence::credit(a.level, a.asked, a.years)))
        .collect();
    let skill_short = evidence::years_verdicts(&asks).contains(&evidence::YearsVerdict::Short);
    let mut evidence_score = evidence::resume_score(job, &credits, &facts, &stuffing);
    if garbled || glued {
        scores.score = None;
        scores.hard = None;
        scores.soft = None;
        evidence_score = None;
    }
    let flags = flags(&Flagged {
        stuffing: &stuffing,
        unreadable: garbled
            .then_some("garbled_text")
            .or(glued.then_some("glued_words")),
        years_short: skill_short || score::overall_years_short(job, &facts),
    });
    QuickScore {
        scores,
        evidence_score,
        garbled,
        glued,
        missing: missing(matcher.lexicon(), job, &statuses),
        mentions,
        flags,
    }
}

/// What the resume lacks, required first: each missing skill outside a group by
/// name, each missing group by its label ("Java, C# or Python").
pub fn missing<'a>(lexicon: &'a Lexicon, job: &'a JobProfile, statuses: &[Status]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for level in [Level::Required, Level::Preferred] {
        for (js, &status) in job.skills.iter().zip(statuses) {
            if js.level == level && js.group.is_none() && status == Status::Missing {
                out.push(lexicon.skill(js.skill).name.as_str());
            }
        }
        for g in &job.groups {
            if g.level == level && statuses[score::best_member(g, statuses)] == Status::Missing {
                out.push(g.label.as_str());
            }
        }
    }
    out
}
