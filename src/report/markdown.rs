//! Markdown reports, to paste into notes or an issue.

use crate::scan::ScanReport;

/// Escapes the characters that break a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The scan as a Markdown section with one table.
pub fn scan(report: &ScanReport) -> String {
    let mut out = format!(
        "## Skills in {}\n\n{} skills found ({}, {} pages, {} words).\n\n",
        cell(&report.file),
        report.skills.len(),
        report.kind,
        report.pages,
        report.words
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
    out
}
