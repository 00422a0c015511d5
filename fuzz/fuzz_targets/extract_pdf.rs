//! The PDF path alone: only inputs the sniffer reads as PDF go on, so every execution
//! exercises lopdf and pdf-extract through skillgap's guard (`contain_panics`), the
//! page limit and the no-text-layer and encryption checks.
//!
//! Panics inside the PDF library must come back as `Error::PdfCrash`. Endless loops,
//! stack overflows and runaway allocations inside the library cannot be contained
//! in-process: in the CLI the worker process reading the PDF is killed at
//! `--file-timeout` or dies, and the file becomes one error sentence (an error row in
//! `rank`). fuzz/README.md lists the findings contained that way.

#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::internals::extract::{self, Input, Kind};

fuzz_target!(|data: &[u8]| {
    if !extract::is_pdf(data) {
        return;
    }
    let limits = skillgap_fuzz::limits();
    let input = Input {
        name: "fuzz.pdf".into(),
        bytes: data.to_vec(),
    };
    if let Ok(out) = extract::extract(&input, &limits) {
        assert_eq!(out.kind, Kind::Pdf);
        assert!(1 <= out.pages && out.pages <= limits.max_pages);
        assert!(out.pages <= out.total_pages);
        assert!(out.text.chars().count() <= limits.max_text_chars);
        for &page in out
            .layout
            .two_column_pages
            .iter()
            .chain(&out.layout.pages_without_text)
        {
            assert!(1 <= page && page <= out.pages, "{:?}", out.layout);
        }
    }
});
