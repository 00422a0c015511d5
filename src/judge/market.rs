//! One resume against many postings (`jobs`): each posting's row, a fit that can be
//! compared across postings, and the market gap — the skills the resume lacks,
//! summed over the postings, and what showing one of them would unlock.
//!
//! **Fit.** A posting's `score` is the coverage `match` gives (weighted, 0-100). On
//! its own it is not comparable across postings: half of two skills and half of
//! twenty are both 50, but the first says far less. Postings are ranked on `fit`,
//! the lower bound of the Wilson score interval (z = [`FIT_Z`]) around the score
//! read as a proportion over the n skills the posting names: the more skills behind
//! a score, the closer the fit comes to it (1 of 2 → 21, 10 of 20 → 39, 5 of 5 → 83,
//! 18 of 20 → 81). Ties go to required coverage, then the score, then the file.
//!
//! **Gap.** Over the postings counted (read, not duplicates), every skill that some
//! posting names and the resume does not show in that posting's own wording, with
//! how many postings ask for it (required and preferred), and the resume's best
//! status for it: `missing`, `implied` (only through another skill) or `alias`
//! (written another way). **Unlocks**: for a missing skill, the postings whose only
//! missing required skill it is — they reach full required coverage if the resume
//! showed it.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::error::Error;
use crate::find::lexicon::{Category, Lexicon, SkillId};
use crate::judge::posting::{JobProfile, Level};
use crate::judge::row::RowStatus;
use crate::judge::score::{Coverage, Scores, Status};
use crate::read::extract::Kind;

/// The z of the Wilson lower bound behind `fit` (about 84% one-sided): a mild
/// correction, so a short posting fully covered still ranks near a long one
/// almost fully covered.
pub const FIT_Z: f64 = 1.0;

/// How `--explain` and the README state the ranking.
pub const FIT_FORMULA: &str = "  score: the posting's weighted keyword coverage, as `skillgap match` gives it (0-100)\n  \
fit = 100 x Wilson lower bound (z = 1) of p = score/100 over n = skills the posting names:\n  \
      (p + z²/2n - z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)\n  \
  so a score backed by many skills counts for more than the same score backed by two\n  \
  (1 of 2 skills -> fit 21, 10 of 20 -> 39, 5 of 5 -> 83, 18 of 20 -> 81)\n  \
order: fit, then required coverage, then score, then file; postings naming no skills and errors last\n  \
gap: over postings read once (duplicates and errors left out), each skill the resume does not show\n  \
  in the posting's own wording; unlocks = postings whose only missing required skill it is";

/// Schema of the JSON document; fields are only ever added.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a posting has no score.
pub const NO_SKILLS_NOTE: &str =
    "the posting names no skills from the lexicon, so there is nothing to score";

/// One posting skill and how the resume shows it.
#[derive(Debug, Clone, Copy)]
pub struct Asked {
    pub skill: SkillId,
    pub level: Level,
    pub status: Status,
}

/// One posting judged for the resume: a row of the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct JobRow {
    pub file: String,
    pub status: RowStatus,
    /// The posting's job title, as `match` finds it.
    pub title: Option<String>,
    pub company: Option<String>,
    /// The ranking key (see the module docs); `null` with `score`.
    pub fit: Option<f64>,
    /// Weighted coverage as `match` gives it; `null` when the posting names no skills.
    pub score: Option<f64>,
    pub required: Coverage,
    pub preferred: Coverage,
    pub missing_required: Vec<String>,
    pub missing_preferred: Vec<String>,
    /// The first posting (in path order) this one copies: same bytes, or
    /// near-identical text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Share of the smaller text's word 5-grams the other holds (1 for the same
    /// bytes; see `read::near_duplicate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Every posting skill with its level and the resume's status for it.
    #[serde(skip)]
    pub asks: Vec<Asked>,
}

impl JobRow {
    /// The row of a posting that was read and analyzed; `statuses` and `scores` are
    /// the resume's against `profile` (in its skill order).
    pub fn judged(
        lexicon: &Lexicon,
        file: &str,
        kind: Kind,
        profile: &JobProfile,
        statuses: &[Status],
        scores: &Scores,
        company: Option<String>,
    ) -> JobRow {
        // A member of a group of alternatives stands as its group does: when another
        // member is shown, this one is not missing (it is not asked on its own).
        let asks: Vec<Asked> = profile
            .skills
            .iter()
            .zip(statuses)
            .map(|(js, &status)| Asked {
                skill: js.skill,
                level: js.level,
                status: match js.group.and_then(|g| profile.groups.get(g as usize)) {
                    Some(g) if status == Status::Missing => {
                        statuses[crate::judge::score::best_member(g, statuses)]
                    }
                    _ => status,
                },
            })
            .collect();
        let missing = |level: Level| {
            asks.iter()
                .filter(|a| a.level == level && a.status == Status::Missing)
                .map(|a| lexicon.skill(a.skill).name.clone())
                .collect()
        };
        JobRow {
            file: file.to_string(),
            status: RowStatus::Ok,
            title: profile.title.clone(),
            company,
            fit: scores.score.map(|s| fit(s, asks.len())),
            score: scores.score,
            required: scores.required,
            preferred: scores.preferred,
            missing_required: missing(Level::Required),
            missing_preferred: missing(Level::Preferred),
            duplicate_of: None,
            similarity: None,
            note: scores.score.is_none().then(|| NO_SKILLS_NOTE.to_string()),
            kind: Some(kind),
            error: None,
            asks,
        }
    }

    /// The row of a posting that could not be read, saying why.
    pub fn error(file: &str, err: &Error) -> JobRow {
        JobRow {
            file: file.to_string(),
            status: RowStatus::Error,
            title: None,
            company: None,
            fit: None,
            score: None,
            required: Coverage::default(),
            preferred: Coverage::default(),
            missing_required: Vec::new(),
            missing_preferred: Vec::new(),
            duplicate_of: None,
            similarity: None,
            note: None,
            kind: None,
            error: Some(err.to_string()),
            asks: Vec::new(),
        }
    }

    /// Read, scored, and not a copy of another posting: counted in the gap.
    pub fn counted(&self) -> bool {
        self.status == RowStatus::Ok && self.duplicate_of.is_none()
    }

    /// Whether the posting names the skill (for `--require`).
    pub fn asks_for(&self, skill: SkillId) -> bool {
        self.asks.iter().any(|a| a.skill == skill)
    }

    fn required_share(&self) -> f64 {
        if self.required.total == 0 {
            1.0
        } else {
            self.required.matched as f64 / self.required.total as f64
        }
    }
}

/// 100 × the Wilson lower bound (z = [`FIT_Z`]) of `score`/100 over `skills` trials,
/// to one decimal.
///
/// ```
/// use skillgap::internals::market::fit;
/// assert!(fit(50.0, 2) < fit(50.0, 20));
/// assert!(fit(100.0, 20) < 100.0);
/// assert_eq!(fit(0.0, 5), 0.0);
/// ```
pub fn fit(score: f64, skills: usize) -> f64 {
    if skills == 0 {
        return 0.0;
    }
    let n = skills as f64;
    let p = (score / 100.0).clamp(0.0, 1.0);
    let z2 = FIT_Z * FIT_Z;
    let center = p + z2 / (2.0 * n);
    let margin = FIT_Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let bound = ((center - margin) / (1.0 + z2 / n)).max(0.0);
    (1000.0 * bound).round() / 10.0
}

/// Sorts rows best first: scored postings by fit, required coverage, score, file;
/// then postings naming no skills; then errors.
pub fn rank(rows: &mut [JobRow]) {
    let group = |r: &JobRow| match (r.status, r.fit) {
        (RowStatus::Ok, Some(_)) => 0,
        (RowStatus::Ok, None) => 1,
        (RowStatus::Error, _) => 2,
    };
    rows.sort_by(|a, b| {
        group(a)
            .cmp(&group(b))
            .then(b.fit.unwrap_or(0.0).total_cmp(&a.fit.unwrap_or(0.0)))
            .then(b.required_share().total_cmp(&a.required_share()))
            .then(b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)))
            .then(a.file.cmp(&b.file))
    });
}

/// What `jobs` reports, in the shape of its JSON document.
#[derive(Debug, Clone, Serialize)]
pub struct Market {
    pub schema_version: u32,
    pub resume: String,
    pub summary: Summary,
    /// The postings shown (after `--require`, `--min-score`, `--top`), best first.
    pub postings: Vec<JobRow>,
    /// Over every posting counted, filters or not: the skills the resume lacks.
    pub gap: Vec<GapSkill>,
    /// The resume's skills that no posting names.
    pub unused: Vec<String>,
}

/// A skill the resume lacks, summed over the postings.
#[derive(Debug, Clone, Serialize)]
pub struct GapSkill {
    pub skill: String,
    pub category: Category,
    /// The resume's best status for it across the postings: missing, implied or alias.
    pub resume: Status,
    /// Postings naming it, and the share of the postings counted.
    pub postings: usize,
    pub share: f64,
    pub required: usize,
    pub preferred: usize,
    /// Postings that would reach full required coverage if the resume showed it.
    pub unlocks: usize,
}

/// Counts over the postings read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub read: usize,
    /// Read, scored or not, and not duplicates: what the gap is over.
    pub counted: usize,
    pub errors: usize,
    pub duplicates: usize,
    pub without_skills: usize,
    /// Counted postings whose required skills the resume already all shows.
    pub fully_covered: usize,
    /// Counted postings that pass `--require` and `--min-score` (all scored ones
    /// without filters).
    pub passing: usize,
}

/// The market: the gap, and the resume's skills no posting asks for.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    pub summary: Summary,
    pub skills: Vec<GapSkill>,
    pub unused: Vec<String>,
}

/// Sums the gap over the counted rows. `resume_skills` are the skills the resume
/// writes (for `unused`).
pub fn gap(rows: &[JobRow], lexicon: &Lexicon, resume_skills: &HashSet<SkillId>) -> Gap {
    #[derive(Default)]
    struct Tally {
        required: usize,
        preferred: usize,
        best: Option<Status>,
        unlocks: usize,
    }
    let mut summary = Summary {
        read: rows.len(),
        ..Summary::default()
    };
    let mut by_skill: BTreeMap<SkillId, Tally> = BTreeMap::new();
    let mut asked: HashSet<SkillId> = HashSet::new();
    for row in rows {
        summary.errors += usize::from(row.status == RowStatus::Error);
        summary.duplicates += usize::from(row.duplicate_of.is_some());
        if !row.counted() {
            continue;
        }
        summary.counted += 1;
        if row.score.is_none() {
            summary.without_skills += 1;
            continue;
        }
        let missing_required: Vec<SkillId> = row
            .asks
            .iter()
            .filter(|a| a.level == Level::Required && a.status == Status::Missing)
            .map(|a| a.skill)
            .collect();
        summary.fully_covered += usize::from(row.required.total > 0 && missing_required.is_empty());
        for a in &row.asks {
            asked.insert(a.skill);
            let t = by_skill.entry(a.skill).or_default();
            match a.level {
                Level::Required => t.required += 1,
                Level::Preferred => t.preferred += 1,
            }
            t.best = Some(t.best.map_or(a.status, |b| b.min(a.status)));
        }
        if let [only] = missing_required[..] {
            by_skill.entry(only).or_default().unlocks += 1;
        }
    }
    let counted = summary.counted.max(1) as f64;
    let mut skills: Vec<GapSkill> = by_skill
        .into_iter()
        .filter_map(|(id, t)| {
            let best = t.best?;
            (best != Status::Exact).then(|| {
                let skill = lexicon.skill(id);
                let postings = t.required + t.preferred;
                GapSkill {
                    skill: skill.name.clone(),
                    category: skill.category,
                    resume: best,
                    postings,
                    share: (1000.0 * postings as f64 / counted).round() / 1000.0,
                    required: t.required,
                    preferred: t.preferred,
                    unlocks: t.unlocks,
                }
            })
        })
        .collect();
    skills.sort_by(|a, b| {
        b.required
            .cmp(&a.required)
            .then(b.postings.cmp(&a.postings))
            .then(b.unlocks.cmp(&a.unlocks))
            .then(a.skill.cmp(&b.skill))
    });
    let mut unused: Vec<String> = resume_skills
        .iter()
        .filter(|id| !asked.contains(id))
        .map(|&id| lexicon.skill(id).name.clone())
        .collect();
    unused.sort();
    Gap {
        summary,
        skills,
        unused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_grows_with_the_skills_behind_a_score() {
        assert_eq!(fit(50.0, 2), 21.1);
        assert_eq!(fit(50.0, 20), 39.1);
        assert!(fit(100.0, 5) > fit(90.0, 20));
        assert!(fit(100.0, 5) < fit(95.0, 40));
        assert_eq!(fit(0.0, 3), 0.0);
    }

    fn row(file: &str, asks: &[(u32, Level, Status)]) -> JobRow {
        let asks: Vec<Asked> = asks
            .iter()
            .map(|&(id, level, status)| Asked {
                skill: SkillId(id),
                level,
                status,
            })
            .collect();
        let cov = |level| Coverage {
            matched: asks
                .iter()
                .filter(|a| a.level == level && a.status != Status::Missing)
                .count(),
            total: asks.iter().filter(|a| a.level == level).count(),
        };
        let mut r = JobRow::error(file, &Error::Usage(String::new()));
        r.status = RowStatus::Ok;
        r.error = None;
        r.score = Some(50.0);
        r.required = cov(Level::Required);
        r.preferred = cov(Level::Preferred);
        r.asks = asks;
        r
    }

    #[test]
    fn gap_counts_postings_once_and_unlocks_single_misses() {
        use Level::{Preferred as P, Required as R};
        use Status::{Alias, Exact, Implied, Missing};
        let lexicon = Lexicon::embedded();
        let a = row("a", &[(0, R, Exact), (1, R, Missing), (2, P, Missing)]);
        let b = row("b", &[(0, R, Alias), (1, R, Missing), (3, R, Missing)]);
        let mut copy = a.clone();
        copy.file = "a-copy".into();
        copy.duplicate_of = Some("a".into());
        let c = row("c", &[(3, R, Implied), (0, P, Exact)]);
        let mut none = row("d", &[]);
        none.score = None;
        let resume: HashSet<SkillId> = [SkillId(0), SkillId(9)].into_iter().collect();
        let gap = gap(&[a, b, copy, c, none], &lexicon, &resume);
        assert_eq!(gap.summary.read, 5);
        assert_eq!(gap.summary.counted, 4);
        assert_eq!(gap.summary.duplicates, 1);
        assert_eq!(gap.summary.without_skills, 1);
        assert_eq!(gap.summary.fully_covered, 1);
        let got: Vec<(String, Status, usize, usize, usize)> = gap
            .skills
            .iter()
            .map(|g| {
                (
                    g.skill.clone(),
                    g.resume,
                    g.required,
                    g.preferred,
                    g.unlocks,
                )
            })
            .collect();
        let name = |id| lexicon.skill(SkillId(id)).name.clone();
        assert_eq!(
            got,
            vec![
                (name(1), Missing, 2, 0, 1),
                (name(3), Implied, 2, 0, 0),
                (name(2), Missing, 0, 1, 0),
            ]
        );
        assert_eq!(gap.skills[0].share, 0.5);
        assert_eq!(gap.unused, vec![name(9)]);
    }
}
