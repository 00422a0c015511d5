//! The library without the CLI: build a `Skillgap` from a lexicon once, then scan many
//! texts with it and judge a resume file against a posting file.
//!
//! Run with `cargo run --example scan -- examples/resume.txt examples/job-backend.txt`.

use std::error::Error;
use std::path::Path;

use skillgap::{Skillgap, Status};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let resume_path = args.first().map_or("examples/resume.txt", String::as_str);
    let job_path = args
        .get(1)
        .map_or("examples/job-backend.txt", String::as_str);

    // Build once: parsing the lexicon and compiling the automaton is the costly part.
    let skillgap = Skillgap::default();

    // Scan short texts: no file needed.
    for text in [
        "Built REST APIs in Go on k8s",
        "I go to the gym; Spring 2021 semester",
    ] {
        let names: Vec<String> = skillgap
            .scan(text)
            .skills
            .into_iter()
            .map(|s| s.name)
            .collect();
        println!("{text:?} -> {names:?}");
    }

    // Read real files through the same pipeline as the CLI.
    let analysis = skillgap.analyze_files(Path::new(resume_path), Path::new(job_path))?;
    let missing: Vec<&str> = analysis
        .skills
        .iter()
        .filter(|s| s.status == Status::Missing)
        .map(|s| s.name.as_str())
        .collect();
    println!(
        "{resume_path} vs {job_path}: score {:?}, required {}/{}, missing {:?}",
        analysis.score, analysis.required.matched, analysis.required.total, missing
    );
    if let Some(first) = analysis.suggestions.first() {
        println!("first suggestion: {}", first.message);
    }
    Ok(())
}
