//! Arbitrary text through normalization, section detection and matching, read both as
//! a resume and as a posting (the heading vocabularies differ). Checks the invariants
//! later stages rely on: line structure kept by `normalize`, line starts and sections
//! consistent, every mention on char boundaries and on the right line, skill totals
//! adding up.

#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgap::internals::extract::{Extracted, Kind, Layout};
use skillgap::internals::normalize::normalize;
use skillgap::internals::sections::{Document, Purpose};

/// Lines the raw text has, counted the way `normalize` breaks lines: CRLF, CR, LF,
/// form feed, vertical tab and the Unicode line and paragraph separators.
fn raw_line_count(raw: &str) -> usize {
    let unified = raw.replace("\r\n", "\n");
    1 + unified
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\x0c' | '\x0b' | '\u{2028}' | '\u{2029}'))
        .count()
}

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let text = normalize(&raw);
    assert_eq!(
        text.split('\n').count(),
        raw_line_count(&raw),
        "normalize must keep line N on line N"
    );
    let matcher = skillgap_fuzz::matcher();
    for purpose in [Purpose::Resume, Purpose::Posting] {
        let doc = Document::new(text.clone(), purpose);
        skillgap_fuzz::check_document(&doc);
        let mentions = matcher.scan(&doc);
        skillgap_fuzz::check_mentions(matcher, &doc, &mentions);
        let found = matcher.found_skills(&mentions);
        assert_eq!(found.iter().map(|f| f.count).sum::<usize>(), mentions.len());
        let implied = matcher.implied_skills(&found);
        for i in &implied {
            assert!(!found.iter().any(|f| f.skill == i.skill), "{i:?}");
            assert!(!i.from.is_empty());
        }
        if purpose == Purpose::Resume {
            // What `skillgap scan` builds and prints for the same document.
            let extracted = Extracted {
                kind: Kind::Text,
                pages: 1,
                total_pages: 1,
                text: raw.to_string(),
                layout: Layout::default(),
            };
            let report = skillgap::internals::scan::scan_report(
                matcher,
                "fuzz.txt",
                &extracted,
                data.len() as u64,
                &doc,
            );
            let _ = skillgap::internals::report::json::pretty(&report);
            let _ = skillgap::internals::report::markdown::scan(&report);
            let style = skillgap::internals::report::Style { color: false };
            let _ = skillgap::internals::report::table::scan(&report, &style, true);
        }
    }
});
