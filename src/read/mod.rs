//! Reading: a file's bytes become normalized text split into sections.
//!
//! `extract` (one file per format) → `normalize` → `sections`, with `deadline`
//! keeping each read within the per-file time limit and `isolated` reading PDFs in
//! a child process that can be killed.

pub mod deadline;
pub mod extract;
pub mod hyphen_join;
pub mod isolated;
pub mod landmarks;
pub mod near_duplicate;
pub mod normalize;
pub mod sections;

use crate::error::Result;
use extract::{Extracted, Input, Limits};
use sections::{Document, Purpose};

/// Reads an input through extraction, normalization and section detection: the
/// front half of the pipeline every command shares.
pub fn load(input: &Input, limits: &Limits, purpose: Purpose) -> Result<(Extracted, Document)> {
    let extracted = extract::extract(input, limits)?;
    let text = normalize::normalize(&extracted.text);
    let doc = Document::new(text, purpose);
    Ok((extracted, doc))
}
