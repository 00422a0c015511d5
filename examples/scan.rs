//! The library without the CLI: build a matcher from a lexicon once, then scan many
//! texts with it and score one against a posting.
//!
//! Run with `cargo run --example scan -- examples/resume.txt examples/job-backend.txt`.

use std::error::Error;

use skillgap::extract::{Input, Limits};
use skillgap::lexicon::Lexicon;
use skillgap::matcher::Matcher;
use skillgap::sections::{Document, Purpose};
use skillgap::{analysis, job, load_document, normalize};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let resume_path = args.first().map_or("examples/resume.txt", String::as_str);
    let job_path = args
        .get(1)
        .map_or("examples/job-backend.txt", String::as_str);

    // Build once: parsing the lexicon and compiling the automaton is the costly part.
    let matcher = Matcher::new(Lexicon::embedded());

    // Scan short texts: no file needed.
    for text in [
        "Built REST APIs in Go on k8s",
        "I go to the gym; Spring 2021 semester",
    ] {
        let doc = Document::new(normalize::normalize(text), Purpose::Resume);
        let names: Vec<&str> = matcher
            .found_skills(&matcher.scan(&doc))
            .iter()
            .map(|f| matcher.lexicon().skill(f.skill).name.as_str())
            .collect();
        println!("{text:?} -> {names:?}");
    }

    // Read real files through the same pipeline as the CLI.
    let limits = Limits::default();
    let (_, resume) = load_document(
        &Input::read(resume_path.as_ref(), &limits)?,
        &limits,
        Purpose::Resume,
    )?;
    let (_, posting) = load_document(
        &Input::read(job_path.as_ref(), &limits)?,
        &limits,
        Purpose::Posting,
    )?;
    let profile = job::analyze(&matcher, &posting);
    let quick = analysis::quick(&matcher, &resume, &profile, |_| false);
    println!(
        "{resume_path} vs {job_path}: score {:?}, required {}/{}, missing {:?}",
        quick.scores.score,
        quick.scores.required.matched,
        quick.scores.required.total,
        quick.missing
    );
    Ok(())
}
