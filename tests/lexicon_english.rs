//! The English-word audit of the lexicon (issue 14): every one-word form that is a
//! common English word must need evidence (`ambiguous`), count only in its own case
//! (`case_sensitive`), need evidence in lower case (`lowercase_ambiguous`), or be in the
//! reviewed allow-list with a reason. Otherwise "react quickly", "a cypress tree" or
//! "monitoring of site works" become skills. The word list is SCOWL's (see
//! `tests/data/README.md`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use skillgap::internals::lexicon::{Form, Lexicon};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(data(name))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The English words shipped with the tests (lower case).
fn english_words() -> BTreeSet<String> {
    lines("english-words.txt").into_iter().collect()
}

/// The allow-list: form -> reason.
fn allowed() -> BTreeMap<String, String> {
    lines("english-allow.txt")
        .into_iter()
        .map(|l| {
            let (form, reason) = l.split_once('\t').unwrap_or((&l, ""));
            (form.to_string(), reason.trim().to_string())
        })
        .collect()
}

fn one_word(form: &Form) -> bool {
    form.text.chars().all(|c| c.is_ascii_alphabetic())
}

fn marked(form: &Form) -> bool {
    form.ambiguous || form.case_sensitive || form.lowercase_ambiguous
}

#[test]
fn every_english_form_needs_evidence_or_has_a_reason() {
    let lexicon = Lexicon::embedded();
    let words = english_words();
    let allowed = allowed();
    let problems: Vec<String> = lexicon
        .forms()
        .iter()
        .filter(|f| one_word(f) && words.contains(&f.text.to_ascii_lowercase()))
        .filter(|f| !marked(f) && !allowed.contains_key(&f.text))
        .map(|f| {
            format!(
                "{:?} (skill {}) is an English word: mark it ambiguous, case_sensitive or \
                 lowercase_ambiguous, or add it to tests/data/english-allow.txt with a reason",
                f.text,
                lexicon.skill(f.skill).name
            )
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_allow_list_is_reviewed_and_current() {
    let lexicon = Lexicon::embedded();
    let words = english_words();
    let mut problems = Vec::new();
    for (form, reason) in allowed() {
        match lexicon.forms().iter().find(|f| f.text == form) {
            None => problems.push(format!("{form:?} is not a lexicon form")),
            Some(f) if marked(f) => problems.push(format!(
                "{form:?} is marked in the lexicon already; drop it from the allow-list"
            )),
            Some(_) if !words.contains(&form.to_ascii_lowercase()) => {
                problems.push(format!("{form:?} is not in english-words.txt"))
            }
            Some(_) => {}
        }
        if reason.len() < 10 {
            problems.push(format!("{form:?} has no reason"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The lexicon's English forms by the installed SCOWL lists (lower-case entries of
/// the small and default sizes), or `None` when they are not installed.
fn installed_english_forms(lexicon: &Lexicon) -> Option<BTreeSet<String>> {
    let mut words = BTreeSet::new();
    for list in [
        "/usr/share/dict/american-english-small",
        "/usr/share/dict/american-english",
    ] {
        let text = std::fs::read_to_string(list).ok()?;
        words.extend(
            text.lines()
                .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
                .map(str::to_string),
        );
    }
    Some(
        lexicon
            .forms()
            .iter()
            .filter(|f| one_word(f))
            .map(|f| f.text.to_ascii_lowercase())
            .filter(|w| words.contains(w))
            .collect(),
    )
}

/// Where the Debian word lists are installed, the shipped copy must hold every
/// lexicon form they hold: a skill added later is audited too.
#[test]
fn the_shipped_words_cover_the_installed_lists() {
    let lexicon = Lexicon::embedded();
    let Some(installed) = installed_english_forms(&lexicon) else {
        eprintln!("SCOWL lists not installed; checked against the shipped copy only");
        return;
    };
    let shipped = english_words();
    let missing: Vec<&String> = installed.difference(&shipped).collect();
    assert!(
        missing.is_empty(),
        "English forms missing from tests/data/english-words.txt (regenerate it, see \
         tests/data/README.md): {missing:?}"
    );
}

/// Prints the lexicon's English forms for `tests/data/english-words.txt`.
#[test]
#[ignore]
fn regenerate() {
    let lexicon = Lexicon::embedded();
    let forms = installed_english_forms(&lexicon).expect("wamerican and wamerican-small installed");
    println!(
        "# Lexicon forms that are English words in SCOWL (Debian wamerican-small and wamerican,"
    );
    println!("# sizes 10-50; lower-case entries only). See README.md here for source and licence.");
    for w in forms {
        println!("{w}");
    }
}
