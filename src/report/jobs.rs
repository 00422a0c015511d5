//! `jobs` as a terminal table, CSV (the ranked postings) and Markdown. Formats a
//! [`Market`]; computes nothing.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use owo_colors::Style as Ansi;

use super::Style;
use crate::judge::market::{JobRow, Market, FIT_FORMULA};
use crate::judge::row::RowStatus;

/// Gap rows shown in the table and Markdown (JSON has them all).
const GAP_ROWS: usize = 20;

fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// What the last column says: the error, the duplicate, the missing note, or the
/// missing required skills.
fn remark(r: &JobRow) -> String {
    if let Some(e) = &r.error {
        return e.clone();
    }
    if let Some(first) = &r.duplicate_of {
        return match r.similarity {
            Some(s) if s < 1.0 => format!("near-duplicate of {first} ({:.0}% shared)", s * 100.0),
            _ => format!("duplicate of {first}"),
        };
    }
    if r.score.is_none() {
        return "names no skills from the lexicon".to_string();
    }
    if r.missing_required.is_empty() {
        return "all required skills shown".to_string();
    }
    short_list(&r.missing_required, 5)
}

/// The place shown in the `#` column: counted, scored postings are numbered.
fn places(rows: &[JobRow]) -> Vec<String> {
    let mut place = 0;
    rows.iter()
        .map(|r| {
            if r.counted() && r.score.is_some() {
                place += 1;
                place.to_string()
            } else {
                "-".to_string()
            }
        })
        .collect()
}

fn number(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.1}"))
}

fn required(r: &JobRow) -> String {
    if r.status == RowStatus::Ok && r.score.is_some() {
        format!("{}/{}", r.required.matched, r.required.total)
    } else {
        String::new()
    }
}

/// The heading sentence: how many postings, and what became of them.
fn headline(m: &Market) -> String {
    let s = &m.summary;
    let mut parts = vec![format!("{} counted", s.counted)];
    if s.duplicates > 0 {
        parts.push(format!(
            "{} duplicate{}",
            s.duplicates,
            plural(s.duplicates)
        ));
    }
    if s.errors > 0 {
        parts.push(format!("{} unreadable", s.errors));
    }
    if s.without_skills > 0 {
        parts.push(format!("{} naming no skills", s.without_skills));
    }
    format!(
        "{} posting{} read for {}: {}",
        s.read,
        plural(s.read),
        m.resume,
        parts.join(", ")
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The ranked postings, the gap with unlock counts, the unused skills; with
/// `explain`, how the ranking and the gap are computed.
pub fn table(m: &Market, style: &Style, explain: bool) -> String {
    let mut out = format!("{}\n", style.bold(&headline(m)));
    let mut ranked = new_table(style);
    ranked.set_header([
        "#",
        "Fit",
        "Score",
        "Required",
        "Title",
        "Company",
        "File",
        "Missing required / note",
    ]);
    for (r, place) in m.postings.iter().zip(places(&m.postings)) {
        let note = remark(r);
        let note = if r.error.is_some() {
            style.paint(&note, Ansi::new().red())
        } else {
            note
        };
        ranked.add_row([
            place,
            number(r.fit),
            number(r.score),
            required(r),
            r.title.clone().unwrap_or_default(),
            r.company.clone().unwrap_or_default(),
            r.file.clone(),
            note,
        ]);
    }
    out.push_str(&format!("{ranked}\n"));
    let s = &m.summary;
    if m.gap.is_empty() {
        out.push_str("\nThe resume shows every skill these postings name.\n");
    } else {
        let scored = s.counted - s.without_skills;
        out.push_str(&format!(
            "\n{}\n",
            style.bold(&format!(
                "Skills these postings ask for that the resume lacks (over {scored} posting{}; {} already fully covered)",
                plural(scored),
                s.fully_covered
            ))
        ));
        let mut gap = new_table(style);
        gap.set_header([
            "Skill",
            "Resume",
            "Postings",
            "Share",
            "Required",
            "Preferred",
            "Unlocks",
        ]);
        for g in m.gap.iter().take(GAP_ROWS) {
            gap.add_row([
                g.skill.clone(),
                resume_status(g.resume.as_str()).to_string(),
                g.postings.to_string(),
                format!("{:.0}%", g.share * 100.0),
                g.required.to_string(),
                g.preferred.to_string(),
                if g.unlocks > 0 {
                    g.unlocks.to_string()
                } else {
                    String::new()
                },
            ]);
        }
        out.push_str(&format!("{gap}\n"));
        if m.gap.len() > GAP_ROWS {
            out.push_str(&format!(
                "… {} more (all in --format json)\n",
                m.gap.len() - GAP_ROWS
            ));
        }
        out.push_str(
            "Unlocks: postings that would have every required skill covered if the resume showed this one.\n",
        );
    }
    if !m.unused.is_empty() {
        out.push_str(&format!(
            "\n{} {}\n",
            style.bold("Your skills no posting asks for:"),
            short_list(&m.unused, 15)
        ));
    }
    if explain {
        out.push_str(&format!(
            "\n{}\n{FIT_FORMULA}\n",
            style.bold("How postings are ranked:")
        ));
    }
    out
}

/// How the gap table words the resume's status.
fn resume_status(status: &str) -> &str {
    match status {
        "implied" => "implied only",
        "alias" => "other wording",
        other => other,
    }
}

const CSV_HEADER: &str = "rank,file,status,fit,score,required_matched,required_total,preferred_matched,preferred_total,title,company,missing_required,missing_preferred,duplicate_of,similarity,note,kind,error";

/// The ranked postings as CSV (RFC 4180, formulas defused), one line per posting.
pub fn csv(rows: &[JobRow]) -> String {
    let mut out = format!("{CSV_HEADER}\r\n");
    for (r, place) in rows.iter().zip(places(rows)) {
        let fields = [
            if place == "-" { String::new() } else { place },
            r.file.clone(),
            match r.status {
                RowStatus::Ok => "ok".into(),
                RowStatus::Error => "error".into(),
            },
            r.fit.map_or(String::new(), |v| format!("{v:.1}")),
            r.score.map_or(String::new(), |v| format!("{v:.1}")),
            r.required.matched.to_string(),
            r.required.total.to_string(),
            r.preferred.matched.to_string(),
            r.preferred.total.to_string(),
            r.title.clone().unwrap_or_default(),
            r.company.clone().unwrap_or_default(),
            r.missing_required.join("; "),
            r.missing_preferred.join("; "),
            r.duplicate_of.clone().unwrap_or_default(),
            r.similarity.map_or(String::new(), |v| format!("{v:.3}")),
            r.note.clone().unwrap_or_default(),
            r.kind.map_or(String::new(), |k| k.as_str().to_string()),
            r.error.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = fields.iter().map(|f| super::csv::field(f)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A Markdown cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The same report as [`table`], as Markdown (GitHub tables).
pub fn markdown(m: &Market) -> String {
    let mut out = format!(
        "# Postings for {}\n\n{}.\n\n",
        cell(&m.resume),
        cell(&headline(m))
    );
    out.push_str(
        "| # | Fit | Score | Required | Title | Company | File | Missing required / note |\n",
    );
    out.push_str("|---|---:|---:|---:|---|---|---|---|\n");
    for (r, place) in m.postings.iter().zip(places(&m.postings)) {
        out.push_str(&format!(
            "| {place} | {} | {} | {} | {} | {} | {} | {} |\n",
            number(r.fit),
            number(r.score),
            required(r),
            cell(r.title.as_deref().unwrap_or("")),
            cell(r.company.as_deref().unwrap_or("")),
            cell(&r.file),
            cell(&remark(r)),
        ));
    }
    out.push_str("\n## Skills the resume lacks\n\n");
    if m.gap.is_empty() {
        out.push_str("The resume shows every skill these postings name.\n");
    } else {
        out.push_str("| Skill | Resume | Postings | Share | Required | Preferred | Unlocks |\n");
        out.push_str("|---|---|---:|---:|---:|---:|---:|\n");
        for g in m.gap.iter().take(GAP_ROWS) {
            out.push_str(&format!(
                "| {} | {} | {} | {:.0}% | {} | {} | {} |\n",
                cell(&g.skill),
                resume_status(g.resume.as_str()),
                g.postings,
                g.share * 100.0,
                g.required,
                g.preferred,
                g.unlocks
            ));
        }
        out.push_str("\nUnlocks: postings that would have every required skill covered if the resume showed this one.\n");
    }
    if !m.unused.is_empty() {
        out.push_str(&format!(
            "\n## Your skills no posting asks for\n\n{}\n",
            cell(&m.unused.join(", "))
        ));
    }
    out
}

/// At most `n` items, then "+k".
fn short_list(items: &[String], n: usize) -> String {
    let mut out = items.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > n {
        out.push_str(&format!(" +{}", items.len() - n));
    }
    out
}
