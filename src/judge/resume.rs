//! Facts about a resume beyond its keywords: the dated roles (titles, months), years
//! of experience overall and per skill, and the highest degree.

use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::judge::date_range;
use crate::judge::posting::{degree_in, Degree};
use crate::read::landmarks::is_year;
use crate::read::sections::{Document, SectionKind};

/// A job on the resume, found from its date range.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub title: String,
    /// Months since year 0: start and end (inclusive); "Present" is this month.
    #[serde(skip)]
    pub start: u32,
    #[serde(skip)]
    pub end: u32,
    pub dates: String,
    /// 1-based lines the role covers.
    pub first_line: usize,
    pub last_line: usize,
}

impl Role {
    pub fn months(&self) -> u32 {
        self.end.saturating_sub(self.start) + 1
    }
}

/// What skillgap reads out of a resume besides skills.
#[derive(Debug, Clone, Default)]
pub struct ResumeFacts {
    pub roles: Vec<Role>,
    /// Total months covered by roles (overlaps counted once).
    pub total_months: u32,
    pub degree: Option<Degree>,
}

impl ResumeFacts {
    /// The title of the most recent role.
    pub fn latest_title(&self) -> Option<&str> {
        self.roles
            .iter()
            .max_by_key(|r| (r.end, r.start))
            .map(|r| r.title.as_str())
    }
}

/// Words that name a role, to tell a title from a company name.
pub(crate) const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "architect",
    "lead",
    "manager",
    "consultant",
    "analyst",
    "administrator",
    "scientist",
    "sre",
    "devops",
    "intern",
    "specialist",
    "cto",
    "head",
    "director",
    "designer",
    "tester",
    "owner",
    "founder",
    "contractor",
    "freelance",
    "technician",
    "officer",
];

/// Reads roles, total experience and degree from a resume.
pub fn facts(doc: &Document) -> ResumeFacts {
    let mut facts = read_roles(doc, true);
    let education_text: String = doc
        .sections()
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Education | SectionKind::Certifications))
        .flat_map(|s| (s.start_line..=s.end_line).map(|l| doc.line_text(l)))
        .collect::<Vec<_>>()
        .join("\n");
    facts.degree = degree_in(if education_text.is_empty() {
        doc.text()
    } else {
        &education_text
    });
    facts
}

/// The dated roles and total experience, without the degree: what `rank` weighs
/// evidence with (the degree regexes would cost more than the roles). Titles are
/// left empty, and so are the dates as written: `rank` shows neither, and picking
/// titles costs as much as reading the dates.
pub fn roles(doc: &Document) -> ResumeFacts {
    read_roles(doc, false)
}

/// The dated roles, with their titles when `titles`.
fn read_roles(doc: &Document, titles: bool) -> ResumeFacts {
    let title_of = |line: &str| {
        if titles {
            pick_title(line)
        } else {
            String::new()
        }
    };
    let has_experience = doc
        .sections()
        .iter()
        .any(|s| s.kind == SectionKind::Experience);
    let now = current_month();
    let year_lines = year_lines(doc);
    let mut roles: Vec<Role> = Vec::with_capacity(year_lines.len());
    for (line_no, first_year) in year_lines {
        let i = line_no - 1;
        let line = doc.line_text(line_no);
        let section = doc.section_of_line(line_no);
        if has_experience && section != SectionKind::Experience {
            continue;
        }
        let Some(found) = date_range::find(line, first_year - doc.line_starts()[i]) else {
            continue;
        };
        let dates = &line[found.clone()];
        let Some((start, end)) = range_months(dates, now) else {
            continue;
        };
        if end < start || end > now + 12 {
            continue;
        }
        // What stands before the dates, less white space and the separators that
        // lead into them ("Engineer, Acme | (").
        let before = &line.as_bytes()[..found.start];
        let mut cut = before.len();
        while cut > 0 && before[cut - 1].is_ascii_whitespace() {
            cut -= 1;
        }
        while cut > 0 && matches!(before[cut - 1], b'|' | b',' | b'-' | b'(') {
            cut -= 1;
        }
        let before_dates = line[..cut].trim();
        let (title, first_line) = if !before_dates.is_empty() {
            (title_of(before_dates), line_no)
        } else {
            match (0..i)
                .rev()
                .find(|&j| !doc.line_text(j + 1).trim().is_empty())
            {
                Some(j)
                    if !doc.line_text(j + 1).starts_with('•')
                        && doc.section_of_line(j + 1) == section =>
                {
                    (title_of(doc.line_text(j + 1)), j + 1)
                }
                _ => (String::new(), line_no),
            }
        };
        if let Some(previous) = roles.last_mut() {
            previous.last_line = first_line.saturating_sub(1).max(previous.first_line);
        }
        let section_end = doc
            .sections()
            .iter()
            .find(|s| s.start_line <= line_no && line_no <= s.end_line)
            .map_or(doc.line_count(), |s| s.end_line);
        roles.push(Role {
            title,
            start,
            end,
            dates: if titles {
                dates.to_string()
            } else {
                String::new()
            },
            first_line,
            last_line: section_end,
        });
    }
    let total_months = union_months(roles.iter().map(|r| (r.start, r.end)).collect());
    ResumeFacts {
        roles,
        total_months,
        degree: None,
    }
}

/// The 1-based lines holding a year, ascending, each with where its first year
/// starts in the text. A date range needs one, and most lines have none.
fn year_lines(doc: &Document) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for &at in &doc.landmarks().years {
        let line = doc.line_of(at);
        if lines.last().map(|l| l.0) != Some(line) {
            lines.push((line, at));
        }
    }
    lines
}

/// The months a date range ([`date_range::find`]) covers: "Mar 2019 - Present",
/// "06/2016 to 02/2019", "2010-2012" (a start without a month is January, an end
/// December).
fn range_months(range: &str, now: u32) -> Option<(u32, u32)> {
    let b = range.as_bytes();
    let first = (0..b.len()).find(|&i| is_year(b, i))?;
    let y1: u32 = range[first..first + 4].parse().ok()?;
    let start = y1 * 12 + side_month(&range[..first], 1) - 1;
    let rest = &range[first + 4..];
    let end = match (0..rest.len()).find(|&i| is_year(rest.as_bytes(), i)) {
        Some(second) => {
            let y2: u32 = rest[second..second + 4].parse().ok()?;
            // What stands between: the separator, then the end's month.
            let between = rest[..second].trim_start();
            let between = ["-", "to", "until"]
                .iter()
                .find_map(|sep| {
                    between
                        .get(..sep.len())
                        .filter(|head| head.eq_ignore_ascii_case(sep))
                        .map(|_| &between[sep.len()..])
                })
                .unwrap_or(between);
            y2 * 12 + side_month(between, 12) - 1
        }
        None => now,
    };
    Some((start, end))
}

/// The month written before a date's year ("Mar ", "06/", "Sept. "), or `default`.
fn side_month(before: &str, default: u32) -> u32 {
    let before = before.trim();
    if before.is_empty() {
        return default;
    }
    if before.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return month_number(before);
    }
    before
        .trim_end_matches(['/', '.'])
        .parse()
        .ok()
        .filter(|n| (1..=12).contains(n))
        .unwrap_or(default)
}

/// The part of a role line that is the title: the segment with a role word, or the first.
fn pick_title(line: &str) -> String {
    let line = line.trim().trim_start_matches('•').trim();
    let segments: Vec<&str> = line
        .split([',', '|', '@', '(', ')'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" at "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    segments
        .iter()
        .find(|s| {
            let lower = s.to_lowercase();
            lower.split_whitespace().any(|w| ROLE_WORDS.contains(&w))
        })
        .or(segments.first())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn month_number(name: &str) -> u32 {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    NAMES
        .iter()
        .position(|n| lower.starts_with(n))
        .map_or(1, |i| i as u32 + 1)
}

/// This month, as months since year 0.
pub(crate) fn current_month() -> u32 {
    // Read once: a run takes seconds, and `rank` asks for every resume.
    static NOW: LazyLock<u32> = LazyLock::new(month_of_clock);
    *NOW
}

/// The clock's month, as months since year 0.
fn month_of_clock() -> u32 {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    // Days to civil date (Howard Hinnant's algorithm), enough for year and month.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year * 12 + month - 1) as u32
}

/// Months covered by a set of intervals, overlaps counted once.
pub(crate) fn union_months(mut intervals: Vec<(u32, u32)>) -> u32 {
    union_spans(&mut intervals)
}

/// [`union_months`] of spans the caller owns (they are sorted in place).
pub(crate) fn union_spans(intervals: &mut [(u32, u32)]) -> u32 {
    intervals.sort_unstable();
    let mut total = 0;
    let mut current: Option<(u32, u32)> = None;
    for &(s, e) in intervals.iter() {
        match current {
            Some((cs, ce)) if s <= ce + 1 => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs + 1;
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        total += ce - cs + 1;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::sections::Purpose;

    #[test]
    fn roles_titles_and_months() {
        let text = "EXPERIENCE\nSenior Engineer - Acme, Paris\nMar 2019 - Dec 2020\n• Java\n\nAcme Corp | Developer | 2016 - 2018\n• Go\nEDUCATION\nBSc Computer Science";
        let doc = Document::new(text.into(), Purpose::Resume);
        let f = facts(&doc);
        assert_eq!(f.roles.len(), 2);
        assert_eq!(f.roles[0].title, "Senior Engineer");
        assert_eq!(f.roles[0].months(), 22);
        assert_eq!(f.roles[1].title, "Developer");
        assert_eq!(f.roles[1].months(), 36);
        assert_eq!(f.total_months, 58);
        assert_eq!(f.latest_title(), Some("Senior Engineer"));
        assert_eq!(f.degree, Some(Degree::Bachelor));
    }

    #[test]
    fn overlapping_intervals_count_once() {
        assert_eq!(union_months(vec![(0, 11), (6, 17), (30, 30)]), 19);
    }

    #[test]
    fn present_is_this_month() {
        let doc = Document::new("Experience\nDev\n01/2020 - Present".into(), Purpose::Resume);
        let f = facts(&doc);
        assert_eq!(f.roles[0].end, current_month());
        assert!(current_month() >= 2026 * 12);
    }
}
