//! Finding: the skill lexicon and the matcher that finds its skills in a document.
//!
//! `lexicon` (skills, aliases, implications) → `matcher` (Aho-Corasick over every
//! form, whole-term boundaries, evidence for ambiguous words), with `word_starts`
//! as the matcher's fast word table.

pub mod closest;
pub mod lexicon;
pub mod matcher;
mod nested;
mod word_starts;

pub use word_starts::words_after_space;
