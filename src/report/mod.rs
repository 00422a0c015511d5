//! Stage 6: formatting. Report modules only format data built by the earlier stages
//! (`ScanReport`, `Analysis`, batch rows); they never compute scores.

pub mod csv;
pub mod html;
pub mod jobs;
pub mod jobs_html;
pub mod json;
pub mod markdown;
pub mod rank_table;
pub mod table;

use owo_colors::{OwoColorize, Style as Ansi};

use crate::judge::score::{Check, CheckStatus};

/// Whether to colour, decided once from `--color`, `NO_COLOR` and the terminal.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn paint(&self, text: &str, style: Ansi) -> String {
        if self.color {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint(text, Ansi::new().bold())
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(text, Ansi::new().dimmed())
    }
}

/// A text bar for a 0-100 value: `[██████████░░░░░░░░░░]`.
pub fn bar(percent: f64, width: usize) -> String {
    let filled = ((percent.clamp(0.0, 100.0) / 100.0) * width as f64).round() as usize;
    format!("[{}{}]", "█".repeat(filled), "░".repeat(width - filled))
}

/// A readability or writing check that passes and points at no line: the table and
/// Markdown list these by id only, since "pass" needs no advice.
pub(crate) fn quiet_pass(c: &Check) -> bool {
    c.status == CheckStatus::Pass
        && c.lines.is_empty()
        && (crate::judge::checks::is_readability(c.id) || crate::judge::writing::is_writing(c.id))
}
