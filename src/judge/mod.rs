//! Judging: what a posting asks for, what a resume shows, and how they compare.
//!
//! `posting` (what a job asks, and how strongly) and `resume` (titles, years,
//! degrees) feed `score` (each asked skill's status, the coverage); `checks` look at
//! whether a machine can read the file at all; `suggest` turns results into advice;
//! `analysis` and `scan` put it together for `match` and `scan`, `row` for `rank`;
//! `require` is the `--require` expression. `evidence` (with `stated_years`
//! and `stuffing`) weighs how strongly the resume backs each skill.

pub mod analysis;
pub mod checks;
pub mod company;
pub mod date_range;
pub mod evidence;
pub mod market;
pub mod posting;
pub mod posting_groups;
pub mod posting_roles;
pub mod require;
pub mod resume;
pub mod row;
pub mod scan;
pub mod score;
pub mod stated_years;
pub mod stuffing;
pub mod suggest;
pub mod writing;
