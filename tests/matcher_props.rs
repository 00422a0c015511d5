//! Property tests for the matcher: it never panics on any Unicode input, every
//! mention's span lies on character boundaries inside the text, and what is found
//! before a blank line does not change when unrelated text is appended after it.

use std::sync::OnceLock;

use proptest::prelude::*;
use skillgap::internals::lexicon::Lexicon;
use skillgap::internals::matcher::Matcher;
use skillgap::internals::normalize::normalize;
use skillgap::internals::sections::{Document, Purpose};

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(Lexicon::embedded()))
}

/// Text that mixes real skill names and separators with arbitrary characters.
fn resume_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Java".to_string()),
        Just("C++".to_string()),
        Just("Go".to_string()),
        Just("Node.js".to_string()),
        Just("CI/CD".to_string()),
        Just("Spring Boot".to_string()),
        Just("Postgres".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("SKILLS\n".to_string()),
        "\\PC{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn skills_in(text: &str) -> Vec<(String, usize)> {
    let doc = Document::new(normalize(text), Purpose::Resume);
    let m = matcher();
    m.scan(&doc)
        .into_iter()
        .map(|x| (m.lexicon().skill(x.skill).name.clone(), x.span.start))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_char_boundaries(raw in resume_like()) {
        let doc = Document::new(normalize(&raw), Purpose::Resume);
        for m in matcher().scan(&doc) {
            prop_assert!(m.span.start < m.span.end);
            prop_assert!(m.span.end <= doc.text().len());
            prop_assert!(doc.text().is_char_boundary(m.span.start));
            prop_assert!(doc.text().is_char_boundary(m.span.end));
            prop_assert!(m.line >= 1 && m.line <= doc.line_count());
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(raw in "\\PC{0,300}") {
        let doc = Document::new(normalize(&raw), Purpose::Resume);
        let _ = matcher().scan(&doc);
    }

    #[test]
    fn appending_text_after_a_blank_line_changes_nothing_before_it(
        head in resume_like(),
        tail in "[a-z ,.]{0,80}",
    ) {
        let head = normalize(&head);
        let before = skills_in(&head);
        let longer = format!("{head}\n\nREFERENCES\n{tail}");
        let after: Vec<(String, usize)> = skills_in(&longer)
            .into_iter()
            .filter(|(_, start)| *start < head.len())
            .collect();
        prop_assert_eq!(before, after);
    }
}
