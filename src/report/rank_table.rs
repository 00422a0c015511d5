//! The `rank` table as a recruiter reads it: the ranked rows first, each error row
//! with a short reason instead of the full sentence, many errors summed up in one line,
//! paths shown relative to the folder named on the command line, and never wider than
//! the terminal (or a fixed readable width when the output is not a terminal).

use std::path::{Path, PathBuf};

use comfy_table::{Cell, ColumnConstraint, Width};
use owo_colors::Style as Ansi;

use super::Style;
use crate::judge::row::{Row, RowStatus};
use crate::reason::Reason;

/// How the table is laid out; the `rank` command decides, from the flags and the
/// terminal.
pub struct RankView<'a> {
    /// How the posting is named.
    pub job: &'a str,
    /// The folders named on the command line: a file under one is shown relative to it.
    pub folders: &'a [PathBuf],
    /// List every error row (`true`), or sum them up in one line under the table.
    pub list_errors: bool,
    /// The table's width in columns.
    pub width: u16,
}

/// The ranking: best first, then the error rows or the one line that sums them up.
pub fn rank(rows: &[&Row], view: &RankView, style: &Style) -> String {
    let mut table = super::table::new_table(style);
    table.set_width(view.width).set_truncation_indicator("…");
    table.set_header([
        "#", "File", "Evidence", "Score", "Required", "Missing", "Flags",
    ]);
    let mut place = 0;
    let mut failed: Vec<Reason> = Vec::new();
    let mut longest_file = 4;
    let mut longest_flags = 5;
    for r in rows {
        if r.status == RowStatus::Error && !view.list_errors {
            failed.push(r.reason.unwrap_or(Reason::Other));
            continue;
        }
        let file = relative(&r.file, view.folders);
        longest_file = longest_file.max(file.chars().count());
        // An error's note is red; other notes are plain.
        let (note, error) = match (&r.error, &r.duplicate_of, r.require_met) {
            (Some(_), _, _) => (r.reason.unwrap_or(Reason::Other).note(), true),
            (None, Some(first), _) => (
                format!("duplicate of {}", relative(first, view.folders)),
                false,
            ),
            (None, None, Some(false)) => ("fails --require".to_string(), false),
            _ => (String::new(), false),
        };
        // The flags a recruiter should see before trusting the scores, then the note;
        // measured before they are painted.
        let plain: Vec<&str> = r
            .flags
            .iter()
            .copied()
            .chain((!note.is_empty()).then_some(note.as_str()))
            .collect();
        longest_flags = longest_flags.max(plain.join(", ").chars().count());
        let flags = plain
            .iter()
            .enumerate()
            .map(|(i, cell)| match (i < r.flags.len(), error) {
                (true, _) => style.paint(cell, Ansi::new().yellow()),
                (false, true) => style.paint(cell, Ansi::new().red()),
                (false, false) => cell.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rank = if r.error.is_none() {
            place += 1;
            place.to_string()
        } else {
            "-".to_string()
        };
        let mut missing = r
            .missing
            .iter()
            .take(5)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if r.missing.len() > 5 {
            missing.push_str(&format!(" +{}", r.missing.len() - 5));
        }
        let mut row = comfy_table::Row::from([
            Cell::new(rank),
            Cell::new(file),
            Cell::new(r.evidence_score.map_or("-".into(), |s| format!("{s:.1}"))),
            Cell::new(r.score.map_or("-".into(), |s| format!("{s:.1}"))),
            Cell::new(if r.error.is_none() {
                format!("{}/{}", r.required.matched, r.required.total)
            } else {
                String::new()
            }),
            Cell::new(missing),
            Cell::new(flags),
        ]);
        // One line per file: a long Missing list or note is cut with "…", so the
        // ranking stays one row per line and never wider than the terminal.
        row.max_height(1);
        table.add_row(row);
    }
    // The file name is what a reader scans for: it gives way last.
    // The flags and notes (what to check before trusting a score) keep their width
    // up to a third of the table; then the file name, which a reader scans for.
    // What the other columns need at least: borders, "#", Evidence, Score, Required
    // and the heading of Missing, with padding.
    const OTHERS: usize = 8 + 3 + 10 + 7 + 10 + 9;
    let flags_fit = longest_flags + 2 <= usize::from(view.width / 3);
    let flags_floor = (longest_flags + 2)
        .min(usize::from(view.width / 3))
        .min(usize::from(view.width).saturating_sub(OTHERS + 6))
        .max(7);
    let file_floor = (longest_file + 2)
        .min(usize::from(view.width / 3))
        .min(usize::from(view.width).saturating_sub(OTHERS + flags_floor))
        .max(6) as u16;
    let constraints = [
        ColumnConstraint::ContentWidth,
        ColumnConstraint::LowerBoundary(Width::Fixed(file_floor)),
        ColumnConstraint::ContentWidth,
        ColumnConstraint::ContentWidth,
        ColumnConstraint::ContentWidth,
        // Never narrower than their headings.
        ColumnConstraint::LowerBoundary(Width::Fixed(9)),
        if flags_fit {
            ColumnConstraint::ContentWidth
        } else {
            ColumnConstraint::LowerBoundary(Width::Fixed(flags_floor as u16))
        },
    ];
    for (i, c) in constraints.into_iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(c);
        }
    }
    let mut out = format!("Ranked against {}", style.bold(view.job));
    if let [folder] = view.folders {
        out.push_str(&format!(", files in {}", folder.display()));
    }
    out.push('\n');
    if place > 0 || view.list_errors {
        out.push_str(&table.to_string());
        out.push('\n');
    } else {
        out.push_str("No file to rank.\n");
    }
    if !failed.is_empty() {
        out.push_str(&error_summary(&failed));
        out.push('\n');
    }
    out
}

/// "18 files could not be read: 15 scanned, 1 reader failure, 2 not documents
/// (--errors lists them)": the kinds most common first.
pub fn error_summary(reasons: &[Reason]) -> String {
    let mut groups: Vec<(Reason, usize)> = Vec::new();
    for &reason in reasons {
        match groups.iter_mut().find(|(r, _)| r.group() == reason.group()) {
            Some((_, n)) => *n += 1,
            None => groups.push((reason, 1)),
        }
    }
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.group().cmp(&b.0.group())));
    let parts: Vec<String> = groups.iter().map(|(r, n)| r.count(*n)).collect();
    let n = reasons.len();
    format!(
        "{n} {} could not be read: {} (`--errors` lists {})",
        if n == 1 { "file" } else { "files" },
        parts.join(", "),
        if n == 1 { "it" } else { "them" }
    )
}

/// `file` relative to the folder argument it is under, as given otherwise.
fn relative(file: &str, folders: &[PathBuf]) -> String {
    let path = Path::new(file);
    folders
        .iter()
        .find_map(|folder| path.strip_prefix(folder).ok())
        .filter(|rest| !rest.as_os_str().is_empty())
        .map_or_else(|| file.to_string(), |rest| rest.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_by_kind_most_common_first() {
        let reasons = [
            Reason::Scanned,
            Reason::NotDocument,
            Reason::Scanned,
            Reason::TimedOut { secs: 10.0 },
        ];
        assert_eq!(
            error_summary(&reasons),
            "4 files could not be read: 2 scanned, 1 not a document, 1 timed out (`--errors` lists them)"
        );
        assert_eq!(
            error_summary(&[Reason::Encrypted]),
            "1 file could not be read: 1 encrypted (`--errors` lists it)"
        );
    }

    #[test]
    fn paths_under_a_folder_argument_lose_the_folder() {
        let folders = [PathBuf::from("cvs/"), PathBuf::from("more")];
        assert_eq!(relative("cvs/a/b.pdf", &folders), "a/b.pdf");
        assert_eq!(relative("more/c.txt", &folders), "c.txt");
        assert_eq!(relative("elsewhere/d.txt", &folders), "elsewhere/d.txt");
        assert_eq!(relative("cvs", &folders), "cvs");
    }
}
