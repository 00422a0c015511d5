//! Suggestions, most valuable first, each one sentence a person can act on.

use serde::Serialize;

use crate::find::lexicon::Lexicon;
use crate::find::lexicon::SkillId;
use crate::find::matcher::FoundSkill;
use crate::judge::posting::Level;
use crate::judge::score::{Check, CheckStatus, GroupResult, SkillKind, SkillResult, Status};
use crate::prose::join_and;

/// What a suggestion asks the candidate to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Add a skill the posting asks for and the resume lacks.
    Add,
    /// Use the posting's wording for a skill the resume writes differently.
    Wording,
    /// State a skill the resume shows only through another that implies it.
    State,
    /// Show a listed skill in an Experience bullet.
    Show,
    /// Match the posting's job title.
    Title,
    /// Years of experience.
    Years,
    /// The degree asked.
    Education,
    /// Cut skills the posting ignores (long resumes only).
    Trim,
    /// Fix what keeps an ATS from reading the file (the checks in `ats`).
    Readability,
    /// Write the bullets as a recruiter reads them (the checks in `writing`).
    Writing,
}

/// One thing to do.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub kind: Kind,
    pub skill: Option<String>,
    pub level: Option<Level>,
    pub message: String,
    /// Higher comes first; the order is the advice.
    #[serde(skip)]
    pub priority: f64,
}

/// Resumes longer than this many words may be told to trim unrelated skills.
pub const LONG_RESUME_WORDS: usize = 1200;

/// Builds the suggestions, ordered most valuable first.
pub fn suggest(
    lexicon: &Lexicon,
    results: &[SkillResult],
    groups: &[GroupResult],
    found: &[FoundSkill],
    checks: &[Check],
    resume_words: usize,
) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    let level_bonus = |l: Level| if l == Level::Required { 1000.0 } else { 0.0 };
    for g in groups.iter().filter(|g| g.status == Status::Missing) {
        out.push(group_suggestion(lexicon, results, g, found));
    }
    for r in results {
        // A skill named only in stuffed or hidden text has one piece of advice, the
        // keyword_stuffing check's: wording or placement advice would polish the trick.
        if r.evidence
            .as_ref()
            .is_some_and(|e| e.level == crate::judge::evidence::Level::Stuffed)
        {
            continue;
        }
        if let Some(g) = r.group.and_then(|id| groups.get(id as usize)) {
            // A missing group has its one suggestion above; a met group speaks
            // through the member that meets it.
            if g.met_by.as_deref() != Some(r.name.as_str()) {
                continue;
            }
        }
        let quoted_posting = r
            .posting_forms
            .first()
            .cloned()
            .unwrap_or_else(|| r.name.clone());
        let base = level_bonus(r.level) + r.weight;
        match r.status {
            Status::Missing => {
                let related: Vec<&str> = found
                    .iter()
                    .map(|f| lexicon.skill(f.skill))
                    .filter(|s| r.kind == SkillKind::Hard && s.category == r.category && !results.iter().any(|o| o.name == s.name))
                    .map(|s| s.name.as_str())
                    .take(3)
                    .collect();
                let related_note = if related.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (you list {}, which {} related; say how it carries over)",
                        join_and(&related),
                        if related.len() == 1 { "is" } else { "are" }
                    )
                };
                let where_to = if r.kind == SkillKind::Soft {
                    "show it in your summary or an Experience bullet"
                } else {
                    "add it to your Skills section and to the Experience bullet where you used it"
                };
                let message = match r.level {
                    Level::Required => format!("The posting requires {quoted_posting}; if you have it, {where_to}{related_note}."),
                    Level::Preferred => format!("The posting would like {quoted_posting} (preferred); if you have used it, {where_to}{related_note}."),
                };
                out.push(Suggestion {
                    kind: Kind::Add,
                    skill: Some(r.name.clone()),
                    level: Some(r.level),
                    message,
                    priority: base + if r.level == Level::Required { 500.0 } else { 200.0 },
                });
            }
            Status::Alias => out.push(Suggestion {
                kind: Kind::Wording,
                skill: Some(r.name.clone()),
                level: Some(r.level),
                message: format!(
                    "The posting writes \"{quoted_posting}\" and your resume writes \"{}\"; use the posting's wording too, since many ATS match words literally.",
                    r.resume_forms.join("\", \"")
                ),
                priority: base + 300.0,
            }),
            Status::Implied => out.push(Suggestion {
                kind: Kind::State,
                skill: Some(r.name.clone()),
                level: Some(r.level),
                message: format!(
                    "The posting asks for {quoted_posting} and your resume shows it only through {}; state {quoted_posting} explicitly.",
                    join_and(&r.implied_by.iter().take(3).map(String::as_str).collect::<Vec<_>>())
                ),
                priority: base + 100.0,
            }),
            Status::Exact => {}
        }
        let listed_only = r.status != Status::Missing
            && r.status != Status::Implied
            && r.kind == SkillKind::Hard
            && !r.sections.is_empty()
            && r.sections
                .iter()
                .all(|s| LISTING_SECTIONS.contains(&s.as_str()))
            && !shown_through_another(lexicon, found, r.skill);
        if listed_only {
            out.push(Suggestion {
                kind: Kind::Show,
                skill: Some(r.name.clone()),
                level: Some(r.level),
                message: format!(
                    "{} appears only in your skills list; show where you used it in an Experience or Projects bullet, with a result.",
                    r.name
                ),
                priority: base + 50.0,
            });
        }
        if let (Some(asked), Some(shown)) = (r.years_asked, r.years_shown) {
            if shown < asked as f64 {
                out.push(Suggestion {
                    kind: Kind::Years,
                    skill: Some(r.name.clone()),
                    level: Some(r.level),
                    message: format!(
                        "The posting asks for {asked}+ years of {}; your resume shows {shown:.1}{}; name {} in the bullets of every role where you used it, or state its years.",
                        r.name,
                        match crate::judge::score::years_source(r).as_str() {
                            "" => String::new(),
                            source => format!(" ({})", source.trim()),
                        },
                        r.name
                    ),
                    priority: base + 150.0,
                });
            }
        }
    }
    for check in checks {
        let (kind, priority) = match check.id {
            "job_title" => (Kind::Title, 1400.0),
            "years_of_experience" => (Kind::Years, 1100.0),
            // Stuffing can get a resume rejected by the first person who reads it.
            "keyword_stuffing" => (Kind::Readability, 1500.0),
            "education" => (Kind::Education, 900.0),
            // Garbled or glued text makes every other suggestion moot: it goes first.
            "garbled_text" | "glued_words" if check.status == CheckStatus::Fail => {
                (Kind::Readability, 100_000.0)
            }
            id if crate::judge::checks::is_readability(id) => (Kind::Readability, 1450.0),
            _ => continue,
        };
        if matches!(check.status, CheckStatus::Fail | CheckStatus::Warn) {
            out.push(Suggestion {
                kind,
                skill: None,
                level: None,
                message: check.message.clone(),
                priority: if check.status == CheckStatus::Fail {
                    priority
                } else {
                    priority - 600.0
                },
            });
        }
    }
    // Writing advice comes after every keyword suggestion, in the checks' order.
    for check in checks
        .iter()
        .filter(|c| crate::judge::writing::is_writing(c.id))
    {
        if matches!(check.status, CheckStatus::Fail | CheckStatus::Warn) {
            out.push(Suggestion {
                kind: Kind::Writing,
                skill: None,
                level: None,
                message: crate::prose::with_lines(&check.message, &check.lines),
                priority: if check.status == CheckStatus::Fail {
                    30.0
                } else {
                    20.0
                },
            });
        }
    }
    if resume_words > LONG_RESUME_WORDS {
        let unrelated: Vec<&str> = found
            .iter()
            .map(|f| lexicon.skill(f.skill))
            .filter(|s| !results.iter().any(|r| r.name == s.name))
            .map(|s| s.name.as_str())
            .take(8)
            .collect();
        if !unrelated.is_empty() {
            out.push(Suggestion {
                kind: Kind::Trim,
                skill: None,
                level: None,
                message: format!(
                    "Your resume is long ({resume_words} words); to make room, consider cutting skills this posting does not ask for, such as {}.",
                    join_and(&unrelated)
                ),
                priority: 1.0,
            });
        }
    }
    out.sort_by(|a, b| b.priority.total_cmp(&a.priority));
    out
}

/// The one suggestion for a missing group of alternatives: any member would do, and
/// the member closest to the resume is named.
fn group_suggestion(
    lexicon: &Lexicon,
    results: &[SkillResult],
    g: &GroupResult,
    found: &[FoundSkill],
) -> Suggestion {
    // In the posting's order, as the group lists them.
    let members: Vec<&SkillResult> = g
        .members
        .iter()
        .filter_map(|name| {
            results
                .iter()
                .find(|r| r.group == Some(g.id) && r.name == *name)
        })
        .collect();
    let (closest, why) = closest_member(lexicon, &members, found);
    let verb = match g.level {
        Level::Required => "requires",
        Level::Preferred => "would like (preferred)",
    };
    let quoted: Vec<&str> = members
        .iter()
        .map(|r| {
            r.posting_forms
                .first()
                .map_or(r.name.as_str(), String::as_str)
        })
        .collect();
    let any = if g.open {
        "any of them, or a similar one"
    } else {
        "any one"
    };
    let closest_note = match why {
        Some(why) => format!(" {} is closest to your resume ({why}).", closest.name),
        None => String::new(),
    };
    let message = format!(
        "The posting {verb} one of {}; {any} is enough: if you have one, add it to your Skills section and to the Experience bullet where you used it.{closest_note}",
        join_or(&quoted)
    );
    let base = if g.level == Level::Required {
        1000.0
    } else {
        0.0
    } + g.weight;
    Suggestion {
        kind: Kind::Add,
        skill: Some(closest.name.clone()),
        level: Some(g.level),
        message,
        priority: base
            + if g.level == Level::Required {
                500.0
            } else {
                200.0
            },
    }
}

/// The member of a group closest to what the resume has, and why: one that implies a
/// skill the resume has, one that shares what it implies with a resume skill, one in
/// the category of a resume skill; else the first.
fn closest_member<'r>(
    lexicon: &Lexicon,
    members: &[&'r SkillResult],
    found: &[FoundSkill],
) -> (&'r SkillResult, Option<String>) {
    let have: Vec<SkillId> = found.iter().map(|f| f.skill).collect();
    let mut best: (u8, usize, Option<String>) = (0, 0, None);
    for (i, m) in members.iter().enumerate() {
        let implied = lexicon.implied_by(m.skill);
        let (score, why) = if let Some(&h) = have.iter().find(|&&h| implied.contains(&h)) {
            (
                3,
                format!("it builds on {}, which you have", lexicon.skill(h).name),
            )
        } else if let Some(&h) = have
            .iter()
            .find(|&&h| h != m.skill && lexicon.implied_by(h).iter().any(|t| implied.contains(t)))
        {
            (2, format!("like {}, which you have", lexicon.skill(h).name))
        } else if let Some(&h) = have
            .iter()
            .find(|&&h| lexicon.skill(h).category == m.category)
        {
            (
                1,
                format!("the same kind as {}, which you have", lexicon.skill(h).name),
            )
        } else {
            (0, String::new())
        };
        if score > best.0 {
            best = (score, i, Some(why));
        }
    }
    (members[best.1], best.2)
}

/// "A", "A or B", "A, B or C".
fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Sections that list skills rather than show them used.
const LISTING_SECTIONS: [&str; 4] = ["skills", "header", "certifications", "education"];

/// True when a skill that implies `skill` is shown in use (AWS through "Amazon EKS" in
/// an Experience bullet).
fn shown_through_another(
    lexicon: &Lexicon,
    found: &[FoundSkill],
    skill: crate::find::lexicon::SkillId,
) -> bool {
    found.iter().any(|f| {
        lexicon.implied_by(f.skill).contains(&skill) && f.sections.iter().any(|s| s.shows_use())
    })
}
