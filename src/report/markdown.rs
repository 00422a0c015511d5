//! Markdown reports, to paste into notes or an issue.

use crate::judge::scan::ScanReport;
use crate::judge::score::Check;

/// Escapes the characters that break a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The scan as a Markdown section with one table.
pub fn scan(report: &ScanReport) -> String {
    let mut out = format!(
        "## Skills in {}\n\n{} found ({}, {}, {}).\n\n",
        cell(&report.file),
        crate::prose::plural(report.skills.len(), "skill", "skills"),
        report.kind,
        crate::prose::plural(report.pages, "page", "pages"),
        crate::prose::plural(report.words, "word", "words")
    );
    out.push_str("| Category | Skill | Count | Sections | Written as |\n|---|---|---:|---|---|\n");
    let mut skills: Vec<_> = report.skills.iter().collect();
    skills.sort_by(|a, b| a.category.cmp(&b.category).then(b.count.cmp(&a.count)));
    for s in skills {
        let sections: Vec<&str> = s.sections.iter().map(|k| k.as_str()).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            s.category,
            cell(&s.name),
            s.count,
            sections.join(", "),
            cell(&s.forms.join(", "))
        ));
    }
    if !report.implied.is_empty() {
        out.push_str("\n**Implied:** ");
        let implied: Vec<String> = report
            .implied
            .iter()
            .map(|i| format!("{} (from {})", cell(&i.name), cell(&i.from.join(", "))))
            .collect();
        out.push_str(&implied.join("; "));
        out.push('\n');
    }
    out.push_str("\n### Checks\n\n");
    out.push_str(&checks(&report.checks));
    out
}

/// The checks as a list: each one that needs attention (and each posting check)
/// with its message and lines; the readability and writing checks that pass share
/// one item.
fn checks(checks: &[Check]) -> String {
    checks_pointing_at(checks, &[])
}

/// [`checks`], where a check whose message is also one of the numbered `advice`
/// items points at it instead of repeating the sentence.
fn checks_pointing_at(checks: &[Check], advice: &[&str]) -> String {
    let mut out = String::new();
    let (quiet, loud): (Vec<&Check>, Vec<&Check>) =
        checks.iter().partition(|c| super::quiet_pass(c));
    for c in loud {
        let full = crate::prose::with_lines(&c.message, &c.lines);
        let message = match advice.iter().position(|m| *m == c.message || *m == full) {
            Some(i) => format!("see suggestion {}", i + 1),
            None => cell(&full),
        };
        out.push_str(&format!(
            "- **{}** `{}`: {message}\n",
            c.status.as_str(),
            c.id,
        ));
    }
    if !quiet.is_empty() {
        let ids: Vec<String> = quiet.iter().map(|c| format!("`{}`", c.id)).collect();
        out.push_str(&format!("- **pass** {}\n", ids.join(", ")));
    }
    out
}

/// The match report as Markdown: score, skills table, checks, suggestions.
pub fn analysis(a: &crate::judge::analysis::Analysis) -> String {
    let mut out = format!("## {} vs {}\n\n", cell(&a.file), cell(&a.job));
    match a.score {
        Some(score) => out.push_str(&format!(
            "**Score: {score:.1} / 100** {}  \n{}Required: {}/{} · Preferred: {}/{}\n\n",
            super::bar(score, 20),
            a.evidence_score.map_or(String::new(), |e| format!(
                "Evidence: {e:.1} / 100 (how strongly your roles back these skills; the score is what a keyword filter sees)  \n"
            )),
            a.required.matched,
            a.required.total,
            a.preferred.matched,
            a.preferred.total
        )),
        None => out.push_str(&format!(
            "**Score: undefined** ({})\n\n",
            a.score_note
                .as_deref()
                .unwrap_or("no skills in the posting")
        )),
    }
    if !a.skills.is_empty() {
        out.push_str(
            "| Skill | Level | Weight | Status | In the resume |\n|---|---|---:|---|---|\n",
        );
        for s in &a.skills {
            let mut seen = match s.status {
                crate::judge::score::Status::Implied => format!("via {}", s.implied_by.join(", ")),
                _ => s.resume_forms.join(", "),
            };
            if let Some(g) = s.group.and_then(|g| a.groups.get(g as usize)) {
                seen = format!("{seen} (one of {})", g.label)
                    .trim_start()
                    .to_string();
            }
            out.push_str(&format!(
                "| {} | {} | {:.2} | {} | {} |\n",
                cell(&s.name),
                s.level.as_str(),
                s.weight,
                s.status.as_str(),
                cell(&seen)
            ));
        }
        out.push('\n');
    }
    out.push_str("### Checks\n\n");
    let advice: Vec<&str> = a.suggestions.iter().map(|s| s.message.as_str()).collect();
    out.push_str(&checks_pointing_at(&a.checks, &advice));
    if !a.suggestions.is_empty() {
        out.push_str("\n### Suggestions\n\n");
        for (i, s) in a.suggestions.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, s.message));
        }
    }
    if !a.unknown_terms.is_empty() {
        out.push_str(&format!(
            "\n**Not in the lexicon:** {}\n",
            cell(&a.unknown_terms.join(", "))
        ));
    }
    out
}
