//! Stage 6: formatting. Report modules only format data built by the earlier stages
//! (`ScanReport`, `Analysis`, batch rows); they never compute scores.

pub mod csv;
pub mod html;
pub mod jobs;
pub mod jobs_html;
pub mod json;
pub mod markdown;
pub mod table;

use owo_colors::{OwoColorize, Style as Ansi};

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
