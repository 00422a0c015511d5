//! Reading: a file's bytes become normalized text split into sections.
//!
//! `extract` (one file per format) → `normalize` → `sections`, with `deadline`
//! keeping each read within the per-file time limit and `isolated` reading PDFs in
//! a child process that can be killed.

pub mod deadline;
pub mod extract;
pub mod isolated;
pub mod normalize;
pub mod sections;
