//! Arbitrary text as a lexicon file, both as a full lexicon (`--lexicon`) and as an
//! extension of the embedded one (`--extend`). Invalid files must become errors; a
//! lexicon that validates must compile into a matcher and scan text without panicking.

#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::internals::lexicon::Lexicon;
use skillgap::internals::matcher::Matcher;
use skillgap::internals::sections::{Document, Purpose};

/// Text that holds a few common forms, scanned with every lexicon that validates.
const SAMPLE: &str = "Skills: Go, Rust, C++, C#, .NET, Node.js, CI/CD\n\
    Built distributed\nsystems in Java and Postgres; k8s, AWS.\n";

fn exercise(lexicon: Lexicon) {
    // `lexicon show` and `--extend` both go through the entries.
    let entries = lexicon.entries();
    assert_eq!(entries.len(), lexicon.skills().len());
    let matcher = Matcher::new(lexicon);
    for purpose in [Purpose::Resume, Purpose::Posting] {
        let doc = Document::new(skillgap::internals::normalize::normalize(SAMPLE), purpose);
        let mentions = matcher.scan(&doc);
        skillgap_fuzz::check_mentions(&matcher, &doc, &mentions);
        let found = matcher.found_skills(&mentions);
        let _ = matcher.implied_skills(&found);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(lexicon) = Lexicon::from_json("fuzz.json", json) {
        exercise(lexicon);
    }
    if let Ok(lexicon) = skillgap_fuzz::embedded().extend_with("fuzz.json", json) {
        exercise(lexicon);
    }
});
