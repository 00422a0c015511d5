//! Must-have expressions for `--require`: comma means and, pipe means or
//! (`"Java,React|Vue"`: Java and either React or Vue). Names resolve through the
//! lexicon, so aliases work (`k8s`).

use crate::error::{Error, Result};
use crate::find::closest::{closest, did_you_mean, shell_word};
use crate::find::lexicon::{Lexicon, SkillId};

/// A parsed expression: every group must have at least one of its skills.
#[derive(Debug, Clone)]
pub struct Requirement {
    pub groups: Vec<Vec<SkillId>>,
    text: String,
}

impl Requirement {
    /// Parses an expression, naming any term the lexicon does not know.
    pub fn parse(text: &str, lexicon: &Lexicon) -> Result<Requirement> {
        let mut groups = Vec::new();
        for group in text.split(',').map(str::trim).filter(|g| !g.is_empty()) {
            let mut ids = Vec::new();
            for term in group.split('|').map(str::trim).filter(|t| !t.is_empty()) {
                let id = lexicon.find(term).ok_or_else(|| {
                    let near = closest(lexicon, term, 3);
                    let hint = match did_you_mean(&near) {
                        Some(question) => format!("{question} (or see"),
                        None => "see".to_string(),
                    };
                    Error::Usage(format!(
                        "--require: {term:?} is not a skill in the lexicon; {hint} `skillgap lexicon search {}`{}",
                        shell_word(term),
                        if near.is_empty() { "" } else { ")" }
                    ))
                })?;
                ids.push(id);
            }
            groups.push(ids);
        }
        if groups.is_empty() {
            return Err(Error::Usage(
                "--require needs at least one skill, e.g. --require \"Java,React|Vue\"".into(),
            ));
        }
        Ok(Requirement {
            groups,
            text: text.to_string(),
        })
    }

    /// True when `has` holds a skill of every group.
    pub fn is_met(&self, has: impl Fn(SkillId) -> bool) -> bool {
        self.groups.iter().all(|g| g.iter().any(|&id| has(id)))
    }

    /// The groups not met, written back with canonical names.
    pub fn unmet(&self, lexicon: &Lexicon, has: impl Fn(SkillId) -> bool) -> Vec<String> {
        self.groups
            .iter()
            .filter(|g| !g.iter().any(|&id| has(id)))
            .map(|g| {
                g.iter()
                    .map(|&id| lexicon.skill(id).name.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            })
            .collect()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}
