//! `lexicon show | stats | check | search`: what the lexicon knows, whether a lexicon
//! file is valid, and what one word means to the matcher.

use crate::cli::{Format, LexiconCommand};
use crate::context::{read_utf8, Context, Outcome};
use crate::error::{Error, Result};
use crate::find::closest::{closest, did_you_mean};
use crate::find::lexicon::{Category, Lexicon, LexiconFile};
use crate::find::matcher::Matcher;
use crate::read::normalize;
use crate::read::sections::{Document, Purpose};
use crate::report;

pub fn run(ctx: &Context, command: LexiconCommand) -> Result<Outcome> {
    match command {
        LexiconCommand::Show { category, .. } => {
            let format = ctx.format("lexicon show", &[Format::Table, Format::Json])?;
            let lexicon = ctx.lexicon()?;
            let category = match category {
                None => None,
                Some(name) => Some(Category::parse(&name).ok_or_else(|| {
                    let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                    Error::Usage(format!(
                        "unknown category {name:?}; known: {}",
                        known.join(", ")
                    ))
                })?),
            };
            let out = match format {
                Format::Json => {
                    let skills = lexicon
                        .entries()
                        .into_iter()
                        .filter(|e| {
                            category.is_none_or(|c| e.category.as_deref() == Some(c.as_str()))
                        })
                        .collect();
                    report::json::pretty(&LexiconFile {
                        schema_version: Some(crate::find::lexicon::SCHEMA_VERSION),
                        version: Some(lexicon.version.clone()),
                        skills,
                    })
                }
                _ => report::table::lexicon_show(&lexicon, category, &ctx.style),
            };
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Stats { .. } => {
            let format = ctx.format("lexicon stats", &[Format::Table, Format::Json])?;
            let lexicon = ctx.lexicon()?;
            let out = match format {
                Format::Json => {
                    let counts = lexicon.counts_by_category();
                    let categories: serde_json::Map<String, serde_json::Value> = Category::ALL
                        .iter()
                        .map(|c| {
                            let (skills, aliases) = counts.get(c).copied().unwrap_or((0, 0));
                            (
                                c.as_str().to_string(),
                                serde_json::json!({"skills": skills, "aliases": aliases}),
                            )
                        })
                        .collect();
                    report::json::pretty(&serde_json::json!({
                        "version": lexicon.version,
                        "skills": lexicon.skills().len(),
                        "aliases": lexicon.alias_count(),
                        "categories": categories,
                    }))
                }
                _ => report::table::lexicon_stats(&lexicon, &ctx.style),
            };
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Check { file, extension } => {
            let name = file.display().to_string();
            let text = read_utf8(&file)?;
            let lexicon = if extension {
                ctx.lexicon()?.extend_with(&name, &text)?
            } else {
                Lexicon::from_json(&name, &text)?
            };
            // Building the automaton proves every form compiles.
            let matcher = Matcher::new(lexicon);
            let lexicon = matcher.lexicon();
            let out = format!(
                "{name}: valid lexicon (version {}): {} skills, {} aliases, {} categories\n",
                lexicon.version,
                lexicon.skills().len(),
                lexicon.alias_count(),
                lexicon.counts_by_category().len()
            );
            ctx.emit(&[], &out)?;
            Ok(Outcome::Success)
        }
        LexiconCommand::Search { term } => {
            let matcher = Matcher::new(ctx.lexicon()?);
            let (found, out) = lexicon_search(&matcher, &term);
            ctx.emit(&[], &out)?;
            Ok(if found {
                Outcome::Success
            } else {
                Outcome::NotMet
            })
        }
    }
}

/// Explains what a word means to the matcher: which skill, as name or alias, with
/// which case and evidence rules; or which rule finds it; or near misses.
fn lexicon_search(matcher: &Matcher, term: &str) -> (bool, String) {
    let lexicon = matcher.lexicon();
    let describe = |form: &crate::find::lexicon::Form, how: &str| {
        let skill = lexicon.skill(form.skill);
        let mut out = format!(
            "{term:?} -> {} ({})
",
            skill.name, skill.category
        );
        out.push_str(&format!("  how:      {how}\n"));
        if !skill.description.is_empty() {
            out.push_str(&format!("  what:     {}\n", skill.description));
        }
        out.push_str(&format!(
            "  case:     {}\n",
            if form.case_sensitive {
                format!("only exactly {:?}", form.text)
            } else {
                "any case".to_string()
            }
        ));
        if form.ambiguous {
            let mut words = skill.evidence.join(", ");
            if words.is_empty() {
                words = "programming, framework, developer...".into();
            }
            out.push_str(&format!(
                "  evidence: needed ({:?} is also an ordinary word): a Skills section, a list of skills, \
                 or a neighbouring word ({words})\n",
                form.text
            ));
        }
        if !skill.aliases.is_empty() {
            out.push_str(&format!("  aliases:  {}\n", skill.aliases.join(", ")));
        }
        let implied: Vec<&str> = lexicon
            .implied_by(form.skill)
            .iter()
            .map(|&i| lexicon.skill(i).name.as_str())
            .collect();
        if !implied.is_empty() {
            out.push_str(&format!("  implies:  {}\n", implied.join(", ")));
        }
        out
    };
    if let Some(form) = lexicon.find_form(term) {
        let how = if form.is_name {
            "canonical name".to_string()
        } else {
            format!("alias of {}", lexicon.skill(form.skill).name)
        };
        return (true, describe(form, &how));
    }
    // Not a form itself: does a rule (version, plural) find it in a skills list?
    let doc = Document::new(
        format!("SKILLS\n{}", normalize::normalize(term)),
        Purpose::Resume,
    );
    let mentions = matcher.scan(&doc);
    if let [only] = mentions.as_slice() {
        let form = lexicon.form(only.form_index);
        let how = format!(
            "{:?} read as {:?} (version or plural rule)",
            term, form.text
        );
        return (true, describe(form, &how));
    }
    let needle = term.to_lowercase();
    let mut near: Vec<&str> = lexicon
        .forms()
        .iter()
        .filter(|f| {
            f.text.to_lowercase().contains(&needle)
                || needle.contains(&f.text.to_lowercase()) && f.text.len() > 2
        })
        .map(|f| lexicon.skill(f.skill).name.as_str())
        .collect();
    near.dedup();
    near.truncate(8);
    let mut out = format!("{term:?} is not in the lexicon.\n");
    if let Some(question) = did_you_mean(&closest(lexicon, term, 3)) {
        out.push_str(&format!("  {question}\n"));
    }
    if !near.is_empty() {
        out.push_str(&format!("  similar: {}\n", near.join(", ")));
    }
    out.push_str(
        "  add it with --extend FILE (see `skillgap lexicon show --format json` for the schema)\n",
    );
    (false, out)
}
