//! The evidence behind each skill: where the resume shows it was used (dated roles,
//! projects), for how long and how recently, years it states, or only a list entry.
//! A keyword filter sees presence; a recruiter weighs this, and so does
//! `evidence_score`.
//!
//! Levels, strongest first, with the credit `evidence_score` gives each:
//! used in a dated role that ended at most [`RECENT_MONTHS`] ago (1.0); used only in
//! roles that ended earlier (0.7); years stated ("6+ years of Python", "Python (5
//! yrs)") (0.7); used in a project or an undated role (0.6); listed only, in a skills
//! section, summary or bare list (0.4); implied by a skill the resume shows (Django
//! ⇒ Python) (0.25); found only in stuffed or hidden text (0).

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::find::lexicon::{Lexicon, SkillId};
pub use crate::find::matcher::Placed;
use crate::judge::posting::JobProfile;
use crate::judge::resume::{current_month, union_spans, ResumeFacts};
use crate::judge::stated_years::{stated_years, Stated};
use crate::judge::stuffing::Stuffing;
use crate::read::sections::{Document, SectionKind};

/// The evidence score's formula, as `--explain` and the README state it.
pub const FORMULA: &str = "  evidence = 100 x sum(weight x evidence credit) / sum(weight): the keyword score's weights and groups\n  \
evidence credit: used in a dated role ending within 3 years 1.00, only in older roles 0.70, years stated 0.70,\n  \
in a project or an undated role 0.60, listed only (skills list, summary) 0.40, implied by a skill shown 0.25,\n  \
only in stuffed or hidden text 0\n  \
years: when the posting asks N years of a skill, credit x (years shown / N), between 0.5 and 1;\n  \
years shown come from the skill's own dated roles, years stated with it, or a skill that implies it\n  \
overall years: when the posting asks N years overall, the score x (years of dated roles / N), between 0.5 and 1\n  \
stuffing: a resume flagged for a stuffed keyword block or hidden text keeps 85% of its evidence score";

/// A role that ended at most this many months ago counts as recent use.
pub const RECENT_MONTHS: u32 = 36;

/// How strongly the resume backs a skill, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Named in a dated role that ended at most [`RECENT_MONTHS`] ago (or goes on).
    Recent,
    /// Named only in dated roles that ended longer ago.
    Past,
    /// The resume states years with it ("6+ years of Python").
    Stated,
    /// Named in a project, or in experience without dates.
    Used,
    /// Named only in a skills list, the summary or elsewhere without use.
    Listed,
    /// Not named, but entailed by a skill the resume shows.
    Implied,
    /// Named only in a block of bare keywords or in text a reader cannot see.
    Stuffed,
    /// Not shown at all.
    None,
}

impl Level {
    /// The share of a skill's weight `evidence_score` gives at this level.
    pub fn credit(self) -> f64 {
        match self {
            Level::Recent => 1.0,
            Level::Past | Level::Stated => 0.7,
            Level::Used => 0.6,
            Level::Listed => 0.4,
            Level::Implied => 0.25,
            Level::Stuffed | Level::None => 0.0,
        }
    }

    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Recent => "recent",
            Level::Past => "past",
            Level::Stated => "stated",
            Level::Used => "used",
            Level::Listed => "listed",
            Level::Implied => "implied",
            Level::Stuffed => "stuffed",
            Level::None => "none",
        }
    }

    /// A few words for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Level::Recent => "used recently",
            Level::Past => "used long ago",
            Level::Stated => "years stated",
            Level::Used => "used in a project or undated role",
            Level::Listed => "listed only",
            Level::Implied => "implied by another skill",
            Level::Stuffed => "only in stuffed or hidden text",
            Level::None => "not shown",
        }
    }
}

/// Where a skill's years come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearsFrom {
    /// The dated roles that name it.
    Roles,
    /// Years the resume states with it.
    Stated,
    /// The roles or stated years of skills that imply it (Django for Python).
    Implied,
}

/// One skill's evidence, as the JSON shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillEvidence {
    pub level: Level,
    /// Dated roles that name the skill, latest first: title and dates as written.
    pub roles: Vec<RoleUse>,
    /// Months covered by those roles (overlaps once).
    pub months: u32,
    /// When it was last used in a dated role: "present" or "YYYY-MM".
    pub last_used: Option<String>,
    /// Named in the Projects section.
    pub in_projects: bool,
    /// Years the resume states with it (the most, when stated twice).
    pub stated_years: Option<f64>,
    /// Skills shown in the resume that imply it, when they add to its level or years.
    pub implied_by: Vec<String>,
    /// The best figure for years of use: roles (its own and those of skills implying
    /// it) or stated years, whichever is more.
    pub years: Option<f64>,
    pub years_from: Option<YearsFrom>,
}

/// A dated role in which a skill is named.
#[derive(Debug, Clone, Serialize)]
pub struct RoleUse {
    pub title: String,
    pub dates: String,
}

/// One skill's evidence in numbers, before names are attached: what `rank` needs.
#[derive(Debug, Clone, Default)]
struct Facts {
    /// Where its roles (indexes into `ResumeFacts::roles`, ascending) are in
    /// `ResumeEvidence::role_lists`: one list for every skill, so weighing a resume
    /// makes one allocation for the roles instead of one a skill.
    roles: std::ops::Range<usize>,
    in_projects: bool,
    in_use_section: bool,
    stated: Option<f64>,
}

/// The evidence of every skill a reader asked about.
#[derive(Debug, Clone, Default)]
pub struct ResumeEvidence {
    /// Sorted by skill: a resume weighs a posting's fifteen or so skills, where a
    /// binary search beats hashing.
    by_skill: Vec<(SkillId, Weighed)>,
    /// The facts of the skills shown in honest text, which `Weighed::own` points into.
    own: Vec<Option<Facts>>,
    /// The roles of every skill shown, each skill's a run (see `Facts::roles`).
    role_lists: Vec<usize>,
}

/// A skill's level and years, with what it was built from.
#[derive(Debug, Clone)]
struct Weighed {
    level: Level,
    /// Where its own facts are in `ResumeEvidence::own`, when it is shown.
    own: Option<usize>,
    /// Skills the resume shows that imply this one.
    implying: Vec<SkillId>,
    years: Option<f64>,
    years_from: Option<YearsFrom>,
}

impl ResumeEvidence {
    fn get(&self, id: SkillId) -> Option<&Weighed> {
        let at = self.by_skill.binary_search_by_key(&id, |(s, _)| *s).ok()?;
        Some(&self.by_skill[at].1)
    }

    /// The level of a skill (`None` when not shown).
    pub fn level(&self, id: SkillId) -> Level {
        self.get(id).map_or(Level::None, |w| w.level)
    }

    /// The best figure for a skill's years of use.
    pub fn years(&self, id: SkillId) -> Option<f64> {
        self.get(id).and_then(|w| w.years)
    }

    /// Where the years of [`years`](Self::years) come from.
    pub fn years_from(&self, id: SkillId) -> Option<YearsFrom> {
        self.get(id).and_then(|w| w.years_from)
    }

    /// The skill's evidence with names, for JSON and `--explain`.
    pub fn describe(
        &self,
        id: SkillId,
        lexicon: &Lexicon,
        facts: &ResumeFacts,
    ) -> Option<SkillEvidence> {
        let w = self.get(id)?;
        let own = w.own.and_then(|k| self.own[k].clone()).unwrap_or_default();
        let now = current_month();
        let mut roles: Vec<usize> = self.role_lists[own.roles.clone()].to_vec();
        roles.sort_by_key(|&r| std::cmp::Reverse((facts.roles[r].end, facts.roles[r].start)));
        let last_used = roles.first().map(|&r| {
            let end = facts.roles[r].end;
            if end >= now {
                "present".to_string()
            } else {
                format!("{:04}-{:02}", end / 12, end % 12 + 1)
            }
        });
        let adds = matches!(w.level, Level::Implied) || w.years_from == Some(YearsFrom::Implied);
        Some(SkillEvidence {
            level: w.level,
            months: months_in(facts, &roles, &mut Vec::new()),
            roles: roles
                .iter()
                .map(|&r| RoleUse {
                    title: facts.roles[r].title.clone(),
                    dates: facts.roles[r].dates.clone(),
                })
                .collect(),
            last_used,
            in_projects: own.in_projects,
            stated_years: own.stated,
            implied_by: if adds {
                w.implying
                    .iter()
                    .map(|s| lexicon.skill(*s).name.clone())
                    .collect()
            } else {
                Vec::new()
            },
            years: w.years,
            years_from: w.years_from,
        })
    }
}

/// What a caller weighs evidence for: the skills it `wants`, and the `relevant`
/// ones, those wanted or implying a wanted skill (a posting answers both with a
/// lookup: `JobProfile::position`, `JobProfile::asks_about`).
pub struct Wanted<W: Fn(SkillId) -> bool, R: Fn(SkillId) -> bool> {
    pub wants: W,
    pub relevant: R,
}

/// Every skill, for `scan`.
pub fn every_skill() -> Wanted<impl Fn(SkillId) -> bool, impl Fn(SkillId) -> bool> {
    Wanted {
        wants: |_| true,
        relevant: |_| true,
    }
}

/// A posting's skills.
pub fn posting_skills(
    job: &JobProfile,
) -> Wanted<impl Fn(SkillId) -> bool + '_, impl Fn(SkillId) -> bool + '_> {
    Wanted {
        wants: |s| job.position(s).is_some(),
        relevant: |s| job.asks_about(s),
    }
}

/// Weighs the evidence of every skill the caller wants, from the resume's mentions
/// (in text order), its dated roles, and what `stuffing` found: mentions on
/// stuffed lines, and skills written in hidden text as often as in the whole text,
/// count for nothing.
pub fn weigh(
    lexicon: &Lexicon,
    doc: &Document,
    facts: &ResumeFacts,
    mentions: &[Placed],
    stuffing: &Stuffing,
    wanted: Wanted<impl Fn(SkillId) -> bool, impl Fn(SkillId) -> bool>,
) -> ResumeEvidence {
    let Wanted {
        wants: wanted,
        relevant,
    } = wanted;
    // Only the skills asked about, and those implying one, matter: `rank` asks about
    // a posting's fifteen or so of the resume's fifty. The relevant mentions sorted
    // by skill give each skill once, with how often it is written.
    let mut honest: Vec<Placed> = mentions
        .iter()
        .filter(|m| relevant(m.skill))
        .copied()
        .collect();
    let mut order: Vec<SkillId> = honest.iter().map(|m| m.skill).collect();
    order.sort_unstable();
    // (skill, mentions), sorted by skill.
    let kept: Vec<(SkillId, usize)> = order
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .collect();
    let slot = |skill: SkillId| kept.binary_search_by_key(&skill, |k| k.0).ok();
    honest.retain(|m| {
        !stuffing.is_stuffed_line(m.line)
            && slot(m.skill).is_some_and(|k| stuffing.hidden_count(m.skill) < kept[k].1)
    });
    let stated: Vec<Stated> = stated_years(doc, &honest);
    // The facts of each kept skill (by slot), and whether it is shown in honest text.
    let mut own: Vec<Option<Facts>> = vec![None; kept.len()];
    // (slot, role) of every honest mention in a dated role.
    let mut uses: Vec<(usize, usize)> = Vec::with_capacity(honest.len());
    let mut role = RoleCursor::new(facts);
    for m in &honest {
        let k = slot(m.skill).expect("honest mentions are kept");
        if let Some(r) = role.of(m.line) {
            uses.push((k, r));
        }
        let f = own[k].get_or_insert_with(Facts::default);
        f.in_projects |= m.section == SectionKind::Projects;
        f.in_use_section |= matches!(m.section, SectionKind::Experience | SectionKind::Projects);
    }
    uses.sort_unstable();
    uses.dedup();
    let role_lists: Vec<usize> = uses.iter().map(|u| u.1).collect();
    let mut from = 0;
    for run in uses.chunk_by(|a, b| a.0 == b.0) {
        if let Some(f) = own[run[0].0].as_mut() {
            f.roles = from..from + run.len();
        }
        from += run.len();
    }
    let roles_of = |f: &Facts| &role_lists[f.roles.clone()];
    for s in &stated {
        if let Some(f) = slot(s.skill).and_then(|k| own[k].as_mut()) {
            f.stated = Some(f.stated.map_or(s.years, |y: f64| y.max(s.years)));
        }
    }
    // Who implies what, among the skills shown: (implied, implying), sorted.
    let mut implying: Vec<(SkillId, SkillId)> = Vec::new();
    for (k, &(p, _)) in kept.iter().enumerate() {
        if own[k].is_none() {
            continue;
        }
        for &t in lexicon.implied_by(p) {
            if t != p && wanted(t) {
                implying.push((t, p));
            }
        }
    }
    implying.sort_unstable();
    let now = current_month();
    let mut asked: Vec<SkillId> = kept
        .iter()
        .map(|k| k.0)
        .chain(implying.iter().map(|i| i.0))
        .filter(|&s| wanted(s))
        .collect();
    asked.sort_unstable();
    asked.dedup();
    let own_of = |skill: SkillId| slot(skill).and_then(|k| own[k].as_ref());
    let mut by_skill = Vec::with_capacity(asked.len());
    // Scratch for the months of a set of roles, reused skill after skill.
    let mut spans: Vec<(u32, u32)> = Vec::new();
    let mut all_roles: Vec<usize> = Vec::new();
    for skill in asked {
        let mine = own_of(skill);
        let from = implying.partition_point(|i| i.0 < skill);
        let others: Vec<SkillId> = implying[from..]
            .iter()
            .take_while(|i| i.0 == skill)
            .map(|i| i.1)
            .collect();
        let level = match mine {
            Some(f) => own_level(f, roles_of(f), facts, now),
            None if !others.is_empty() => Level::Implied,
            None if slot(skill).is_some() => Level::Stuffed,
            None => Level::None,
        };
        let own_roles = mine.map_or(&[][..], roles_of);
        let own_months = months_in(facts, own_roles, &mut spans);
        let own_stated = mine.and_then(|f| f.stated).unwrap_or(0.0);
        let mut other_stated: f64 = 0.0;
        // With no skill implying it, its implied roles are its own.
        let implied_months = if others.is_empty() {
            own_months
        } else {
            all_roles.clear();
            all_roles.extend(own_roles);
            for f in others.iter().filter_map(|&p| own_of(p)) {
                all_roles.extend(roles_of(f));
                other_stated = other_stated.max(f.stated.unwrap_or(0.0));
            }
            all_roles.sort_unstable();
            all_roles.dedup();
            months_in(facts, &all_roles, &mut spans)
        };
        let candidates = [
            (own_months as f64 / 12.0, YearsFrom::Roles),
            (own_stated, YearsFrom::Stated),
            (implied_months as f64 / 12.0, YearsFrom::Implied),
            (other_stated, YearsFrom::Implied),
        ];
        let best =
            candidates
                .iter()
                .copied()
                .fold(None::<(f64, YearsFrom)>, |best, c| match best {
                    Some(b) if b.0 >= c.0 => Some(b),
                    _ if c.0 > 0.0 => Some(c),
                    _ => best,
                });
        // Years are read only where the resume has dated roles or states years.
        let (years, years_from) = match best {
            Some((y, from)) => (Some((y * 10.0).round() / 10.0), Some(from)),
            None if !facts.roles.is_empty() && level != Level::None => (Some(0.0), None),
            None => (None, None),
        };
        by_skill.push((
            skill,
            Weighed {
                level,
                own: mine.and(slot(skill)),
                implying: others,
                years,
                years_from,
            },
        ));
    }
    ResumeEvidence {
        by_skill,
        own,
        role_lists,
    }
}

/// A skill's level from its own mentions.
fn own_level(f: &Facts, roles: &[usize], facts: &ResumeFacts, now: u32) -> Level {
    if let Some(end) = roles.iter().map(|&r| facts.roles[r].end).max() {
        if end + RECENT_MONTHS >= now {
            Level::Recent
        } else {
            Level::Past
        }
    } else if f.stated.is_some() {
        Level::Stated
    } else if f.in_use_section {
        Level::Used
    } else {
        Level::Listed
    }
}

/// The dated role whose lines hold a line, for lines asked in text order: roles
/// are in text order too, so the cursor only moves forward.
struct RoleCursor<'a> {
    facts: &'a ResumeFacts,
    /// Roles starting at or before the last line asked.
    next: usize,
}

impl<'a> RoleCursor<'a> {
    fn new(facts: &'a ResumeFacts) -> Self {
        RoleCursor { facts, next: 0 }
    }

    fn of(&mut self, line: usize) -> Option<usize> {
        let roles = &self.facts.roles;
        while self.next < roles.len() && roles[self.next].first_line <= line {
            self.next += 1;
        }
        let r = self.next.checked_sub(1)?;
        (line <= roles[r].last_line).then_some(r)
    }
}

/// Months covered by some of the dated roles, overlaps once. `spans`: scratch,
/// reused from call to call (one role needs none).
fn months_in(facts: &ResumeFacts, roles: &[usize], spans: &mut Vec<(u32, u32)>) -> u32 {
    match roles {
        [] => 0,
        [r] => facts.roles[*r].months(),
        _ => {
            spans.clear();
            spans.extend(
                roles
                    .iter()
                    .map(|&r| (facts.roles[r].start, facts.roles[r].end)),
            );
            union_spans(spans)
        }
    }
}

/// The evidence credit of one posting skill: its level's credit, scaled down when
/// the posting asks for more years than the resume shows for it (at most halved).
pub fn credit(level: Level, years_asked: Option<u32>, years: Option<f64>) -> f64 {
    let base = level.credit();
    match years_asked {
        Some(asked) if asked > 0 && base > 0.0 => {
            base * (years.unwrap_or(0.0) / f64::from(asked)).clamp(0.5, 1.0)
        }
        _ => base,
    }
}

/// Whether a skill the resume shows falls short of the years a posting asks of it
/// (a skill not shown, or only in stuffed text, is missing rather than short).
pub fn years_short(asked: Option<u32>, level: Level, years: Option<f64>) -> bool {
    match asked {
        Some(asked) if !matches!(level, Level::None | Level::Stuffed) => {
            years.unwrap_or(0.0) < f64::from(asked)
        }
        _ => false,
    }
}

/// A posting skill's years asked against the years shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearsVerdict {
    /// No years asked, or another member of its group answers for it.
    NotAsked,
    /// The resume does not show the skill (or only in stuffed text).
    Absent,
    Met,
    Short,
}

/// What [`years_verdicts`] needs of one posting skill.
#[derive(Debug, Clone, Copy)]
pub struct YearsAsk {
    pub asked: Option<u32>,
    /// Its requirement group ("5+ years of Java or Kotlin"): the group is judged by
    /// the member showing the most years.
    pub group: Option<u32>,
    pub level: Level,
    pub years: Option<f64>,
    pub missing: bool,
}

/// Each posting skill's years verdict, in posting order.
pub fn years_verdicts(asks: &[YearsAsk]) -> Vec<YearsVerdict> {
    let shown = |a: &YearsAsk| !a.missing && !matches!(a.level, Level::None | Level::Stuffed);
    // The member of each group that answers for it: shown, with the most years.
    let mut answers: FxHashMap<u32, usize> = FxHashMap::default();
    for (i, a) in asks.iter().enumerate() {
        if let (Some(g), Some(_)) = (a.group, a.asked) {
            let better = match answers.get(&g) {
                None => true,
                Some(&j) => {
                    (shown(a), a.years.unwrap_or(0.0))
                        > (shown(&asks[j]), asks[j].years.unwrap_or(0.0))
                }
            };
            if better {
                answers.insert(g, i);
            }
        }
    }
    asks.iter()
        .enumerate()
        .map(|(i, a)| match (a.asked, a.group) {
            (None, _) => YearsVerdict::NotAsked,
            (Some(_), Some(g)) if answers.get(&g) != Some(&i) => YearsVerdict::NotAsked,
            (Some(_), _) if !shown(a) => YearsVerdict::Absent,
            (Some(_), _) if years_short(a.asked, a.level, a.years) => YearsVerdict::Short,
            _ => YearsVerdict::Met,
        })
        .collect()
}

/// `evidence_score`: the keyword score's weights, with each posting skill's
/// evidence credit in place of its keyword credit; a group counts once, by its
/// member with the most credit. `None` when the posting names no skills.
pub fn evidence_score(job: &JobProfile, credits: &[f64]) -> Option<f64> {
    let mut got = 0.0;
    let mut max = 0.0;
    for (s, &c) in job.skills.iter().zip(credits) {
        if s.group.is_none() {
            got += s.weight * c;
            max += s.weight;
        }
    }
    for g in &job.groups {
        let best = g.members.iter().map(|&m| credits[m]).fold(0.0, f64::max);
        got += g.weight * best;
        max += g.weight;
    }
    (max > 0.0).then(|| (1000.0 * got / max).round() / 10.0)
}

/// The share of its evidence score a resume keeps when it is flagged for stuffing
/// or hidden text: the trick is itself evidence about the resume, and a stuffed copy
/// must never tie with (and so, by coverage, rank above) the honest original.
pub const STUFFING_KEEPS: f64 = 0.85;

/// A resume's evidence score: [`evidence_score`], times the share of the overall
/// years asked that its dated roles show (at least half; a resume without dated
/// roles is not judged on them), times [`STUFFING_KEEPS`] when `stuffing` found a
/// stuffed block or hidden text.
pub fn resume_score(
    job: &JobProfile,
    credits: &[f64],
    facts: &ResumeFacts,
    stuffing: &Stuffing,
) -> Option<f64> {
    let mut score = evidence_score(job, credits)?;
    if let Some(asked) = job.years_overall.filter(|&a| a > 0) {
        if !facts.roles.is_empty() {
            score *= (facts.total_months as f64 / 12.0 / f64::from(asked)).clamp(0.5, 1.0);
        }
    }
    if stuffing.has_blocks() || stuffing.has_hidden_text() {
        score *= STUFFING_KEEPS;
    }
    Some((score * 10.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::matcher::Matcher;
    use crate::read::sections::Purpose;

    fn weigh_text(text: &str) -> (Matcher, ResumeEvidence) {
        let matcher = Matcher::new(Lexicon::embedded());
        let doc = Document::new(text.into(), Purpose::Resume);
        let mentions: Vec<Placed> = matcher.scan(&doc).iter().map(Placed::from).collect();
        let facts = crate::judge::resume::facts(&doc);
        let stuffing =
            crate::judge::stuffing::find(matcher.lexicon(), &doc, &mentions, &|_| true, None);
        let evidence = weigh(
            matcher.lexicon(),
            &doc,
            &facts,
            &mentions,
            &stuffing,
            every_skill(),
        );
        (matcher, evidence)
    }

    fn id(m: &Matcher, name: &str) -> SkillId {
        m.lexicon().find(name).unwrap()
    }

    #[test]
    fn levels_follow_where_a_skill_is_shown() {
        let text = "Jane Doe\nSUMMARY\nBackend developer.\nSKILLS\nRust, Haskell\nEXPERIENCE\nEngineer, Acme\nJan 2022 - Present\n- Built the billing API in Java\nDeveloper, Initech\nJan 2010 - Dec 2014\n- Wrote reports in Perl\nPROJECTS\n- A chess engine in Go\n";
        let (m, e) = weigh_text(text);
        assert_eq!(e.level(id(&m, "Java")), Level::Recent);
        assert_eq!(e.level(id(&m, "Perl")), Level::Past);
        assert_eq!(e.level(id(&m, "Go")), Level::Used);
        assert_eq!(e.level(id(&m, "Rust")), Level::Listed);
        assert_eq!(e.level(id(&m, "Kotlin")), Level::None);
        assert_eq!(e.years(id(&m, "Perl")), Some(5.0));
    }

    #[test]
    fn implied_use_gives_years_and_says_so() {
        let text = "SUMMARY\nEngineer with 6 years of Python.\nEXPERIENCE\nEngineer, Acme\nJan 2023 - Dec 2025\n- Built APIs with Django and pytest\n";
        let (m, e) = weigh_text(text);
        let python = id(&m, "Python");
        assert_eq!(e.level(python), Level::Stated);
        assert_eq!(e.years(python), Some(6.0));
        assert_eq!(e.years_from(python), Some(YearsFrom::Stated));
        let (m, e) = weigh_text(
            "EXPERIENCE\nEngineer, Acme\nJan 2020 - Dec 2023\n- Built APIs with Django\n",
        );
        let python = id(&m, "Python");
        assert_eq!(e.level(python), Level::Implied);
        assert_eq!(e.years(python), Some(4.0));
        assert_eq!(e.years_from(python), Some(YearsFrom::Implied));
    }

    #[test]
    fn credit_is_scaled_by_years_but_at_most_halved() {
        assert_eq!(credit(Level::Recent, Some(4), Some(4.5)), 1.0);
        assert_eq!(credit(Level::Recent, Some(4), Some(2.0)), 0.5);
        assert_eq!(credit(Level::Recent, Some(4), None), 0.5);
        assert_eq!(credit(Level::Listed, None, None), 0.4);
        assert_eq!(credit(Level::None, Some(3), None), 0.0);
    }
}
