//! Terminal tables (comfy-table), for people reading in a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ContentArrangement, Table};
use owo_colors::Style as Ansi;

use super::Style;
use crate::find::lexicon::Lexicon;
use crate::judge::analysis::Analysis;
use crate::judge::posting::Level;
use crate::judge::scan::ScanReport;
use crate::judge::score::{Check, CheckStatus, SkillKind, Status};

pub(super) fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !style.color {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    table
}

/// Skills grouped by category, implied skills, and with `explain` every mention.
pub fn scan(report: &ScanReport, style: &Style, explain: bool) -> String {
    let mut out = format!(
        "{}  {} found  ({}, {}, {})\n",
        style.bold(&report.file),
        crate::prose::plural(report.skills.len(), "skill", "skills"),
        report.kind,
        crate::prose::plural(report.pages, "page", "pages"),
        crate::prose::plural(report.words, "word", "words")
    );
    if report.skills.is_empty() {
        out.push_str("No skills from the lexicon were found.\n");
        out.push_str(&checks(&report.checks, style));
        return out;
    }
    let mut skills: Vec<_> = report.skills.iter().collect();
    skills.sort_by(|a, b| a.category.cmp(&b.category).then(b.count.cmp(&a.count)));
    let mut table = new_table(style);
    table.set_header(["Category", "Skill", "Count", "Sections", "Written as"]);
    for s in skills {
        let sections: Vec<&str> = s.sections.iter().map(|k| k.as_str()).collect();
        table.add_row([
            Cell::new(s.category.as_str()),
            Cell::new(&s.name),
            Cell::new(s.count),
            Cell::new(sections.join(", ")),
            Cell::new(s.forms.join(", ")),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    if !report.implied.is_empty() {
        let implied: Vec<String> = report
            .implied
            .iter()
            .map(|i| format!("{} (from {})", i.name, i.from.join(", ")))
            .collect();
        out.push_str(&format!(
            "{} {}\n",
            style.bold("Implied:"),
            implied.join("; ")
        ));
    }
    if explain {
        out.push_str(&format!("\n{}\n", style.bold("Mentions:")));
        let mut mentions: Vec<_> = report
            .skills
            .iter()
            .flat_map(|s| s.mentions.iter().map(move |m| (s, m)))
            .collect();
        mentions.sort_by_key(|(_, m)| m.line);
        for (s, m) in mentions {
            out.push_str(&format!(
                "  line {:>4}  {:<14} {:<22} {}\n",
                m.line,
                m.section.as_str(),
                s.name,
                style.dim(&m.snippet)
            ));
        }
    }
    out.push_str(&checks(&report.checks, style));
    out
}

/// The lexicon's skills, one row each.
pub fn lexicon_show(
    lexicon: &Lexicon,
    category: Option<crate::find::lexicon::Category>,
    style: &Style,
) -> String {
    let mut table = new_table(style);
    table.set_header(["Skill", "Category", "Aliases", "Implies", "Needs evidence"]);
    let mut rows = 0;
    for (i, s) in lexicon.skills().iter().enumerate() {
        if category.is_some_and(|c| c != s.category) {
            continue;
        }
        let id = crate::find::lexicon::SkillId(i as u32);
        let ambiguous: Vec<&str> = lexicon
            .forms()
            .iter()
            .filter(|f| f.skill == id && f.ambiguous)
            .map(|f| f.text.as_str())
            .collect();
        let implies: Vec<&str> = s
            .implies
            .iter()
            .map(|&t| lexicon.skill(t).name.as_str())
            .collect();
        table.add_row([
            s.name.as_str(),
            s.category.as_str(),
            &s.aliases.join(", "),
            &implies.join(", "),
            &ambiguous.join(", "),
        ]);
        rows += 1;
    }
    format!(
        "{}\n{} skill{}\n",
        table,
        rows,
        if rows == 1 { "" } else { "s" }
    )
}

/// Skills and aliases per category.
pub fn lexicon_stats(lexicon: &Lexicon, style: &Style) -> String {
    let mut table = new_table(style);
    table.set_header(["Category", "Skills", "Aliases"]);
    let counts = lexicon.counts_by_category();
    for category in crate::find::lexicon::Category::ALL {
        let (skills, aliases) = counts.get(&category).copied().unwrap_or((0, 0));
        table.add_row([
            category.as_str().to_string(),
            skills.to_string(),
            aliases.to_string(),
        ]);
    }
    table.add_row([
        style.paint("total", Ansi::new().bold()),
        lexicon.skills().len().to_string(),
        lexicon.alias_count().to_string(),
    ]);
    format!("lexicon version {}\n{}\n", lexicon.version, table)
}

/// The match report: score and coverage bar, skills with status and weight, missing
/// skills by level, checks, suggestions and unknown terms. `explain` adds each skill's
/// share of the score and the formula.
pub fn analysis(a: &Analysis, style: &Style, explain: bool) -> String {
    let mut out = format!("{} vs {}\n", style.bold(&a.file), style.bold(&a.job));
    match a.score {
        Some(score) => {
            let colour = if score >= 75.0 {
                Ansi::new().green().bold()
            } else if score >= 50.0 {
                Ansi::new().yellow().bold()
            } else {
                Ansi::new().red().bold()
            };
            out.push_str(&format!(
                "Score {} / 100  {}  required {}/{}  preferred {}/{}\n",
                style.paint(&format!("{score:.1}"), colour),
                style.paint(&super::bar(score, 30), colour),
                a.required.matched,
                a.required.total,
                a.preferred.matched,
                a.preferred.total
            ));
            if let Some(evidence) = a.evidence_score {
                out.push_str(&format!(
                    "Evidence {} / 100  {}  how strongly your roles back these skills, as a recruiter weighs them; Score is what a keyword filter sees\n",
                    style.bold(&format!("{evidence:.1}")),
                    super::bar(evidence, 30),
                ));
            }
            let part = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.1}"));
            out.push_str(&format!(
                "Hard skills {}  Soft skills {}\n",
                part(a.hard_score),
                part(a.soft_score)
            ));
        }
        None => out.push_str(&format!(
            "Score: undefined ({})\n",
            a.score_note
                .as_deref()
                .unwrap_or("no skills in the posting")
        )),
    }
    if !a.flags.is_empty() {
        out.push_str(&format!(
            "{} {} (see the checks below)\n",
            style.paint("Flags:", Ansi::new().red().bold()),
            a.flags.join(", ")
        ));
    }
    if !a.skills.is_empty() {
        let mut table = new_table(style);
        let mut header = vec![
            "Skill",
            "Level",
            "Weight",
            "Status",
            "In your resume",
            "Evidence",
        ];
        if explain {
            header.extend(["Credit", "Points", "Evidence credit"]);
        }
        table.set_header(header);
        for s in &a.skills {
            let status_colour = match s.status {
                Status::Exact => Ansi::new().green(),
                Status::Alias => Ansi::new().cyan(),
                Status::Implied => Ansi::new().yellow(),
                Status::Missing => Ansi::new().red(),
            };
            let mut seen = match s.status {
                Status::Implied => format!("via {}", short_list(&s.implied_by, 3)),
                Status::Missing => String::new(),
                _ => s.resume_forms.join(", "),
            };
            if let Some(g) = s.group.and_then(|g| a.groups.get(g as usize)) {
                let met = match &g.met_by {
                    Some(m) if *m == s.name => "meets",
                    Some(_) => "met by another of",
                    None => "one of",
                };
                seen = format!("{seen} ({met} {})", g.label)
                    .trim_start()
                    .to_string();
            }
            let mut row = vec![
                Cell::new(format!(
                    "{}{}",
                    s.name,
                    if s.kind == SkillKind::Soft {
                        " (soft)"
                    } else {
                        ""
                    }
                )),
                Cell::new(s.level.as_str()),
                Cell::new(format!("{:.2}", s.weight)),
                Cell::new(style.paint(s.status.as_str(), status_colour)),
                Cell::new(seen),
                Cell::new(evidence_cell(s, explain)),
            ];
            if explain {
                row.push(Cell::new(format!("{:.2}", s.status.credit())));
                row.push(Cell::new(format!(
                    "{:.1} / {:.1}",
                    s.contribution, s.max_contribution
                )));
                row.push(Cell::new(format!("{:.2}", s.evidence_credit)));
            }
            table.add_row(row);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    for level in [Level::Required, Level::Preferred] {
        // A group of alternatives is missing once, as "A, B or C".
        let missing: Vec<&str> = a
            .skills
            .iter()
            .filter(|s| s.level == level && s.status == Status::Missing && s.group.is_none())
            .map(|s| s.name.as_str())
            .chain(
                a.groups
                    .iter()
                    .filter(|g| g.level == level && g.status == Status::Missing)
                    .map(|g| g.label.as_str()),
            )
            .collect();
        if !missing.is_empty() {
            out.push_str(&format!(
                "{} {}\n",
                style.paint(
                    &format!("Missing ({}):", level.as_str()),
                    Ansi::new().red().bold()
                ),
                missing.join(", ")
            ));
        }
    }
    let advice: Vec<&str> = a.suggestions.iter().map(|s| s.message.as_str()).collect();
    out.push_str(&checks_pointing_at(&a.checks, &advice, style));
    if !a.suggestions.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Suggestions, most valuable first:")
        ));
        for (i, s) in a.suggestions.iter().enumerate() {
            out.push_str(&format!("  {:>2}. {}\n", i + 1, s.message));
        }
    }
    if !a.unknown_terms.is_empty() {
        out.push_str(&format!(
            "\n{} {}\n",
            style.bold("Terms in the posting that look technical but are not in the lexicon:"),
            a.unknown_terms.join(", ")
        ));
    }
    if explain {
        out.push_str(&posting_reading(a, style));
        out.push_str(&format!(
            "\n{}\n{}\n",
            style.bold("How the score is computed:"),
            crate::judge::score::FORMULA
        ));
        out.push_str(&format!(
            "\n{}\n{}\n",
            style.bold("How the evidence score is computed:"),
            crate::judge::evidence::FORMULA
        ));
    }
    out
}

/// A skill's evidence in a few words: "recent, 7.8 y"; with `explain`, the roles,
/// the last use and what implies it.
fn evidence_cell(s: &crate::judge::score::SkillResult, explain: bool) -> String {
    let Some(e) = &s.evidence else {
        return String::new();
    };
    let mut out = e.level.describe().to_string();
    if let Some(years) = s.years_shown.filter(|y| *y > 0.0) {
        out.push_str(&format!(
            ", {years:.1} y{}",
            crate::judge::score::years_source(s)
        ));
    }
    if explain {
        if let Some(last) = &e.last_used {
            out.push_str(&format!("; last used {last}"));
        }
        if !e.roles.is_empty() {
            let titles: Vec<String> = e.roles.iter().map(|r| r.title.clone()).collect();
            out.push_str(&format!("; roles: {}", short_list(&titles, 3)));
        }
        if e.in_projects {
            out.push_str("; in projects");
        }
        if let Some(stated) = e.stated_years {
            out.push_str(&format!("; states {stated:.0} years"));
        }
    }
    out
}

/// What `--explain` shows of how the posting was read: its groups of alternatives
/// and the skills it names only as context.
fn posting_reading(a: &Analysis, style: &Style) -> String {
    let mut out = String::new();
    if !a.groups.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Alternatives (any one meets the requirement, counted once):")
        ));
        for g in &a.groups {
            let met = match &g.met_by {
                Some(m) => format!("met by {m} ({})", g.status.as_str()),
                None => "missing".to_string(),
            };
            out.push_str(&format!(
                "  {:<9} {:<44} {met}\n",
                g.level.as_str(),
                g.label
            ));
        }
    }
    if !a.context_skills.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Context (named in the posting, not asked of you; not scored):")
        ));
        for c in &a.context_skills {
            out.push_str(&format!(
                "  line {:>3}  {:<24} {:<17} {}\n",
                c.line,
                c.name,
                c.role.as_str(),
                c.reason
            ));
        }
    }
    if let Some(company) = &a.company {
        out.push_str(&format!(
            "\n{} {company} (its own name is not a requirement)\n",
            style.bold("Company:")
        ));
    }
    out
}

/// The checks, compactly: each one that needs attention (and each posting check)
/// on its own line with its message and lines; the readability and writing checks
/// that pass share one line, since "pass" needs no advice.
fn checks(checks: &[Check], style: &Style) -> String {
    checks_pointing_at(checks, &[], style)
}

/// [`checks`], where a check whose message is also one of the numbered `advice`
/// lines points at it ("see suggestion 2") instead of printing the sentence twice.
fn checks_pointing_at(checks: &[Check], advice: &[&str], style: &Style) -> String {
    if checks.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", style.bold("Checks:"));
    let (quiet, loud): (Vec<&Check>, Vec<&Check>) =
        checks.iter().partition(|c| super::quiet_pass(c));
    for c in loud {
        // Pad by hand: the colour codes would count towards a width.
        let pad = " ".repeat(5usize.saturating_sub(c.status.as_str().len()));
        let full = crate::prose::with_lines(&c.message, &c.lines);
        let message = match advice.iter().position(|m| *m == c.message || *m == full) {
            Some(i) => style.dim(&format!("see suggestion {}", i + 1)),
            None => full,
        };
        out.push_str(&format!(
            "  {}{pad} {:<20} {}\n",
            check_mark(c.status, style),
            c.id,
            message
        ));
    }
    if !quiet.is_empty() {
        let ids: Vec<&str> = quiet.iter().map(|c| c.id).collect();
        out.push_str(&format!(
            "  {}  {}\n",
            check_mark(CheckStatus::Pass, style),
            ids.join(", ")
        ));
    }
    out
}

fn check_mark(status: CheckStatus, style: &Style) -> String {
    let colour = match status {
        CheckStatus::Pass => Ansi::new().green(),
        CheckStatus::Warn => Ansi::new().yellow(),
        CheckStatus::Fail => Ansi::new().red(),
        CheckStatus::Info => Ansi::new().dimmed(),
    };
    style.paint(status.as_str(), colour)
}

/// At most `n` items, then "+k".
fn short_list(items: &[String], n: usize) -> String {
    let mut out = items.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > n {
        out.push_str(&format!(" +{}", items.len() - n));
    }
    out
}
