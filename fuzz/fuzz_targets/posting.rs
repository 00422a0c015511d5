//! Arbitrary text as a job posting, analyzed and scored against the example resume
//! the way `skillgap match` does, then rendered in every report format. No panic, no
//! division by zero: a score is absent (the posting names no skill) or a finite number
//! in 0..=100, and coverage counts never exceed their totals.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use skillgap::internals::analysis::{self, Resume};
use skillgap::internals::extract::{self, Extracted, Input};
use skillgap::internals::sections::{Document, Purpose};

struct LoadedResume {
    extracted: Extracted,
    doc: Document,
}

fn resume() -> &'static LoadedResume {
    static RESUME: OnceLock<LoadedResume> = OnceLock::new();
    RESUME.get_or_init(|| {
        let input = Input::from_text("resume.txt", skillgap_fuzz::EXAMPLE_RESUME);
        let (extracted, doc) =
            skillgap::internals::load(&input, &skillgap_fuzz::limits(), Purpose::Resume)
                .expect("the example resume loads");
        LoadedResume { extracted, doc }
    })
}

fn check_score(what: &str, score: Option<f64>) {
    if let Some(s) = score {
        assert!(s.is_finite() && (0.0..=100.0).contains(&s), "{what} = {s}");
    }
}

fuzz_target!(|data: &[u8]| {
    // Text that holds "%PDF-" would be read as a PDF: the extract targets cover that.
    if extract::is_pdf(data) {
        return;
    }
    let raw = String::from_utf8_lossy(data);
    // A posting given with --job-text goes through the same pipeline as a file.
    let input = Input::from_text("<job-text>", &raw);
    let Ok(extracted) = extract::extract(&input, &skillgap_fuzz::limits()) else {
        return;
    };
    let doc = Document::new(
        skillgap::internals::normalize::normalize(&extracted.text),
        Purpose::Posting,
    );
    let matcher = skillgap_fuzz::matcher();
    let job = skillgap::internals::posting::analyze(matcher, &doc);
    for s in &job.skills {
        assert!(s.weight.is_finite() && s.weight > 0.0, "{s:?}");
    }
    let loaded = resume();
    let resume = Resume {
        name: "resume.txt",
        extracted: &loaded.extracted,
        doc: &loaded.doc,
        file_bytes: skillgap_fuzz::EXAMPLE_RESUME.len() as u64,
    };
    let a = analysis::analyze(matcher, &resume, &job, "<job-text>");
    check_score("score", a.score);
    check_score("hard_score", a.hard_score);
    check_score("soft_score", a.soft_score);
    assert_eq!(
        a.score.is_none(),
        a.score_note.is_some(),
        "a missing score says why"
    );
    if job.skills.is_empty() {
        assert_eq!(a.score, None, "no posting skills: the score is undefined");
    }
    assert!(a.required.matched <= a.required.total);
    assert!(a.preferred.matched <= a.preferred.total);
    assert_eq!(a.required.total + a.preferred.total, a.skills.len());
    assert!(a.years_shown.is_finite());
    let quick = analysis::quick(
        matcher,
        &loaded.doc,
        skillgap::internals::extract::Kind::Text,
        &job,
        |_| false,
        None,
    );
    check_score("quick evidence score", quick.evidence_score);
    check_score("evidence score", a.evidence_score);
    check_score("quick score", quick.scores.score);
    let style = skillgap::internals::report::Style { color: false };
    let _ = skillgap::internals::report::json::pretty(&a);
    let _ = skillgap::internals::report::markdown::analysis(&a);
    let _ = skillgap::internals::report::table::analysis(&a, &style, true);
    let _ = skillgap::internals::report::html::analysis(&a, &loaded.doc);
});
