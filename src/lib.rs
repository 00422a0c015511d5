//! skillgap: find backend-developer skills in a resume and score it against a job
//! posting, locally.
//!
//! The pipeline runs one way, one module per stage, with plain data between them:
//!
//! ```text
//! extract -> normalize -> sections -> matcher -> job/score/suggest -> report
//! (bytes)    (text)       (Document)  (Mention)  (JobProfile, Analysis) (output)
//! ```
//!
//! ```
//! use skillgap::{lexicon::Lexicon, matcher::Matcher, sections::{Document, Purpose}};
//! let matcher = Matcher::new(Lexicon::embedded());
//! let doc = Document::new(skillgap::normalize::normalize("Skills: Go, Postgres, k8s"), Purpose::Resume);
//! let found = matcher.found_skills(&matcher.scan(&doc));
//! assert_eq!(found.len(), 3);
//! ```

pub mod analysis;
pub mod app;
pub mod ats;
pub mod batch;
pub mod cli;
pub mod deadline;
pub mod error;
pub mod extract;
pub mod job;
pub mod lexicon;
pub mod matcher;
mod nested;
pub mod normalize;
pub mod output;
pub mod report;
pub mod require;
pub mod resume;
pub mod scan;
pub mod score;
pub mod sections;
pub mod suggest;
mod word_starts;

pub use error::{Error, Result};

use extract::{Extracted, Input, Limits};
use sections::{Document, Purpose};

/// Reads an input through extraction, normalization and section detection: the
/// front half of the pipeline every command shares.
pub fn load_document(
    input: &Input,
    limits: &Limits,
    purpose: Purpose,
) -> Result<(Extracted, Document)> {
    let extracted = extract::extract(input, limits)?;
    let text = normalize::normalize(&extracted.text);
    let doc = Document::new(text, purpose);
    Ok((extracted, doc))
}
