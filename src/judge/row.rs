//! One resume's verdict in a batch (`rank`): a plain row that the batch engine fills
//! and the reports (jsonl, json, csv, table) format. It lives here, below both, so
//! neither needs the other.

use serde::Serialize;

use crate::error::Error;
use crate::judge::score::Coverage;
use crate::read::extract::Kind;
use crate::reason::Reason;

/// One file's result: a row of the jsonl / csv output.
#[derive(Debug, Clone, Serialize)]
pub struct Row<'a> {
    pub file: String,
    pub status: RowStatus,
    /// Keyword coverage: would a keyword filter pass the resume?
    pub score: Option<f64>,
    /// Coverage weighed by evidence (used recently, long ago, listed, implied;
    /// nothing for stuffed text): how strongly does the resume back its skills?
    pub evidence_score: Option<f64>,
    /// Why the score is missing, when the file was read but not scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_note: Option<&'static str>,
    pub required: Coverage,
    pub preferred: Coverage,
    /// Posting skills the resume lacks, required first.
    pub missing: Vec<&'a str>,
    /// What to look at before trusting the scores: `stuffing`, `invisible_text`,
    /// `garbled`, `glued`, `years_short`.
    pub flags: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_met: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Why, in a few words, for the table (the formats for scripts keep `error`).
    #[serde(skip)]
    pub reason: Option<Reason>,
}

/// Whether the file was scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    Ok,
    Error,
}

impl Row<'_> {
    /// The row of a file that could not be scored, saying why.
    pub fn error(file: &str, err: &Error) -> Row<'static> {
        Row {
            file: file.to_string(),
            status: RowStatus::Error,
            score: None,
            evidence_score: None,
            flags: Vec::new(),
            score_note: None,
            required: Coverage::default(),
            preferred: Coverage::default(),
            missing: Vec::new(),
            require_met: None,
            duplicate_of: None,
            kind: None,
            error: Some(err.to_string()),
            reason: Some(err.reason()),
        }
    }
}
