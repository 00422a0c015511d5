//! Arbitrary bytes through the extractor, as `skillgap extract` reads a file: the
//! content picks the path (PDF, DOCX zip, HTML, text in any encoding). Every input must
//! come back as text or as an error, never a panic; the text must respect the limits.
//!
//! PDF panics are caught inside `extract` (`contain_panics`). A PDF that makes
//! pdf-extract/lopdf loop or recurse without end cannot be stopped in-process: the CLI
//! stops waiting at `--file-timeout` and `rank` kills its worker process. Run this target
//! with `-timeout` and `-rss_limit_mb` (see fuzz/README.md) so such inputs are reported,
//! then triage them: a hang in skillgap's own code is a bug to fix, one inside the PDF
//! library is contained by the time limit and the worker, and documented.

#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::extract::{self, Input, Kind};

fuzz_target!(|data: &[u8]| {
    let limits = skillgap_fuzz::limits();
    let input = Input {
        name: "fuzz-input".into(),
        bytes: data.to_vec(),
    };
    let Ok(out) = extract::extract(&input, &limits) else {
        return;
    };
    assert!(out.text.chars().count() <= limits.max_text_chars);
    assert!(out.pages <= out.total_pages.max(1));
    if out.kind == Kind::Pdf {
        assert!(out.pages <= limits.max_pages);
    }
    // What every command does next with the text.
    let text = skillgap::normalize::normalize(&out.text);
    let doc = skillgap::sections::Document::new(text, skillgap::sections::Purpose::Resume);
    skillgap_fuzz::check_document(&doc);
});
