//! Arbitrary bytes through the extractor, as `skillgap extract` reads a file: the
//! content picks the path (PDF, DOCX zip, HTML, text in any encoding). Every input must
//! come back as text or as an error, never a panic; the text must respect the limits.
//!
//! PDF panics are caught inside `extract` (`contain_panics`). A PDF that makes
//! pdf-extract/lopdf loop or recurse without end cannot be stopped in-process, which is
//! why every command reads PDFs in a worker process that is killed at `--file-timeout`
//! or dies alone (`batch::extract_isolated`); this target calls `extract` directly, so
//! such inputs show here as crashes and timeouts. Run it in fork mode with `-timeout`
//! and `-rss_limit_mb` (see fuzz/README.md) and triage each artifact: a hang or crash in
//! skillgap's own code is a bug to fix, one inside the PDF library is contained by the
//! worker, pinned by a CLI test, and listed in the README.

#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::internals::extract::{self, Input, Kind};

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
    let text = skillgap::internals::normalize::normalize(&out.text);
    let doc = skillgap::internals::sections::Document::new(text, skillgap::internals::sections::Purpose::Resume);
    skillgap_fuzz::check_document(&doc);
});
