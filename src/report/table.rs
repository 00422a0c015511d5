//! Terminal tables (comfy-table), for people reading in a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ContentArrangement, Table};
use owo_colors::Style as Ansi;

use super::Style;
use crate::lexicon::Lexicon;
use crate::scan::ScanReport;

fn new_table(style: &Style) -> Table {
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
        "{}  {} skills found  ({}, {} page{}, {} words)\n",
        style.bold(&report.file),
        report.skills.len(),
        report.kind,
        report.pages,
        if report.pages == 1 { "" } else { "s" },
        report.words
    );
    if report.skills.is_empty() {
        out.push_str("No skills from the lexicon were found.\n");
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
    out
}

/// The lexicon's skills, one row each.
pub fn lexicon_show(
    lexicon: &Lexicon,
    category: Option<crate::lexicon::Category>,
    style: &Style,
) -> String {
    let mut table = new_table(style);
    table.set_header(["Skill", "Category", "Aliases", "Implies", "Needs evidence"]);
    let mut rows = 0;
    for (i, s) in lexicon.skills().iter().enumerate() {
        if category.is_some_and(|c| c != s.category) {
            continue;
        }
        let id = crate::lexicon::SkillId(i as u32);
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
    for category in crate::lexicon::Category::ALL {
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
