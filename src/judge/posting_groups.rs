//! Alternatives in a posting: "Java, C# or Python", "one of AWS/GCP/Azure", "a
//! relational database such as PostgreSQL or MySQL", "Kafka or a similar platform".
//! Each becomes one requirement group, met by any member, so a candidate who has
//! exactly what is asked (one of them) is not told to add the others.

use std::ops::Range;

/// Skills of one clause read as alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternatives {
    /// Indexes into the mentions given to [`alternatives`].
    pub members: Vec<usize>,
    /// "or similar", "such as", "e.g.": the members are examples, others would do.
    pub open: bool,
}

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// A comma or pipe: a list, either kind.
    List,
    /// "or", "/", "and/or".
    Or,
    /// "or a similar", "or another": alternatives, and others would do.
    OrSimilar,
    /// "and", "&", "as well as".
    And,
    /// "such as", "e.g.", "like": the mentions after it are examples of the one before.
    Example,
    /// Anything else: the two are not in one list.
    Break,
}

/// Phrases before a list that make its items alternatives.
const ONE_OF: &[&str] = &[
    "one of",
    "any of",
    "either",
    "one or more of",
    "at least one of",
    "one of the following",
    "one or more",
    "any one of",
];

/// Phrases before a list that make its items examples (alternatives, and others would do).
const EXAMPLES: &[&str] = &[
    "such as",
    "e.g.",
    "e.g",
    "eg.",
    "like",
    "for example",
    "for instance",
    "i.e.",
];

/// Phrases after a list that say something else would do too.
const OR_SIMILAR: &[&str] = &[
    "or similar",
    "or equivalent",
    "or comparable",
    "or another",
    "or other",
    "or a similar",
    "or an equivalent",
    "or related",
    "or any other",
    "or alternative",
    "or alternatives",
    "or the like",
];

fn link(gap: &str) -> Link {
    let g = gap.trim().to_lowercase();
    let g = g.trim_matches(|c: char| c == ':' || c.is_whitespace());
    if g.contains(')') || g.contains('(') && !EXAMPLES.iter().any(|e| g.ends_with(e)) {
        return Link::Break;
    }
    let g = g.trim_start_matches('(').trim();
    if g == "," || g.trim_end_matches(',').trim().is_empty() && g.contains(',') {
        return Link::List;
    }
    let g = g.trim_end_matches(',').trim();
    match g {
        "," | "|" | ";" => return Link::List,
        "/" | "or" | ", or" | "/ or" | "and/or" | ", and/or" | "or even" | "or maybe" => {
            return Link::Or
        }
        "and" | ", and" | "&" | "as well as" | "plus" | "+" => return Link::And,
        _ => {}
    }
    if EXAMPLES
        .iter()
        .any(|e| g == *e || g.ends_with(&format!(" {e}")) || g.ends_with(&format!("({e}")))
        && g.split_whitespace().count() <= 4
    {
        return Link::Example;
    }
    if g.starts_with("or ") && g.split_whitespace().count() <= 3 {
        // "or another", "or a similar": still alternatives, and open.
        return if OR_SIMILAR.iter().any(|p| starts_with_words(g, p)) {
            Link::OrSimilar
        } else {
            Link::Or
        };
    }
    Link::Break
}

/// The groups of alternatives among a clause's mentions (`spans`, in text order,
/// not overlapping). `clause` is the clause's range in `text`.
pub fn alternatives(text: &str, clause: Range<usize>, spans: &[Range<usize>]) -> Vec<Alternatives> {
    let mut out = Vec::new();
    if spans.is_empty() {
        return out;
    }
    let links: Vec<Link> = spans
        .windows(2)
        .map(|w| link(&text[w[0].end..w[1].start.max(w[0].end)]))
        .collect();
    // Runs of mentions joined by anything but a break.
    let mut run_start = 0;
    for i in 0..=links.len() {
        if i < links.len() && links[i] != Link::Break {
            continue;
        }
        let run = run_start..i + 1;
        run_groups(text, &clause, spans, &links, run, &mut out);
        run_start = i + 1;
    }
    out
}

/// Groups within one run of linked mentions.
fn run_groups(
    text: &str,
    clause: &Range<usize>,
    spans: &[Range<usize>],
    links: &[Link],
    run: Range<usize>,
    out: &mut Vec<Alternatives>,
) {
    let first = run.start;
    let last = run.end - 1;
    let before_from = if first == 0 {
        clause.start
    } else {
        spans[first - 1].end
    };
    let before = text[before_from..spans[first].start]
        .to_lowercase()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ','))
        .to_string();
    let after_end = (spans[last].end + 40).min(clause.end);
    let after_end = floor_char_boundary(text, after_end.max(spans[last].end));
    let after = text[spans[last].end..after_end]
        .to_lowercase()
        .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
        .to_string();
    let or_similar = OR_SIMILAR.iter().any(|p| starts_with_words(&after, p));
    let one_of = ONE_OF.iter().any(|p| ends_with_words(&before, p));
    let example = EXAMPLES.iter().any(|p| ends_with_words(&before, p));
    if one_of || example {
        // The whole run: every item is an alternative.
        out.push(Alternatives {
            members: run.collect(),
            open: example || or_similar,
        });
        return;
    }
    // An example link: the mention before it and the run after it are one group.
    if let Some(at) = (first..last).find(|&i| links[i] == Link::Example) {
        // The head belongs to the examples, not to the list before it.
        if at > first {
            run_groups(text, clause, spans, links, first..at, out);
        }
        out.push(Alternatives {
            members: (at..run.end).collect(),
            open: true,
        });
        return;
    }
    // Or joins its two sides; a list comma joins when the list ends in "or"
    // ("A, B or C"); "and" never does. `ends_in_or[i]`: the first link after `i`
    // that is not a comma is an "or" (found backwards, in one pass).
    let mut ends_in_or = vec![false; last.saturating_sub(first)];
    let mut next_or = false;
    for i in (first..last).rev() {
        ends_in_or[i - first] = next_or;
        if links[i] != Link::List {
            next_or = matches!(links[i], Link::Or | Link::OrSimilar);
        }
    }
    // Each member's component, relative to the run (a run-sized table: one as long
    // as all the clause's mentions, per run, was quadratic).
    let mut component: Vec<usize> = (first..=last).collect();
    for i in first..last {
        let join = match links[i] {
            Link::Or | Link::OrSimilar => true,
            Link::List => ends_in_or[i - first],
            _ => false,
        };
        if join {
            component[i + 1 - first] = component[i - first];
        }
    }
    let mut i = first;
    while i <= last {
        let c = component[i - first];
        let members: Vec<usize> = (i..=last)
            .take_while(|&j| component[j - first] == c)
            .collect();
        let end = *members.last().expect("one at least");
        let open = (end == last && or_similar) || (i..end).any(|j| links[j] == Link::OrSimilar);
        if members.len() >= 2 || open {
            out.push(Alternatives { members, open });
        }
        i = end + 1;
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn starts_with_words(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

fn ends_with_words(text: &str, phrase: &str) -> bool {
    text.strip_suffix(phrase).is_some_and(|rest| {
        !rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups in `text`, with mentions at each of `names`, as lists of names.
    fn groups(text: &str, names: &[&str]) -> Vec<(Vec<String>, bool)> {
        let mut spans = Vec::new();
        let mut from = 0;
        for n in names {
            let at = from + text[from..].find(n).unwrap();
            spans.push(at..at + n.len());
            from = at + n.len();
        }
        alternatives(text, 0..text.len(), &spans)
            .into_iter()
            .map(|g| {
                (
                    g.members.iter().map(|&m| names[m].to_string()).collect(),
                    g.open,
                )
            })
            .collect()
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn or_lists_slashes_and_one_of_are_groups() {
        assert_eq!(
            groups("Java, C# or Python", &["Java", "C#", "Python"]),
            [(names(&["Java", "C#", "Python"]), false)]
        );
        assert_eq!(
            groups("one of AWS/GCP/Azure", &["AWS", "GCP", "Azure"]),
            [(names(&["AWS", "GCP", "Azure"]), false)]
        );
        assert_eq!(
            groups("one of AWS, GCP and Azure", &["AWS", "GCP", "Azure"]),
            [(names(&["AWS", "GCP", "Azure"]), false)]
        );
        assert_eq!(
            groups(
                "Java or Kotlin, Spring Boot and PostgreSQL",
                &["Java", "Kotlin", "Spring Boot", "PostgreSQL"]
            ),
            [(names(&["Java", "Kotlin"]), false)]
        );
    }

    #[test]
    fn and_lists_are_not_groups() {
        assert!(groups(
            "Java, Kafka and PostgreSQL",
            &["Java", "Kafka", "PostgreSQL"]
        )
        .is_empty());
        assert!(groups("Java with Kafka", &["Java", "Kafka"]).is_empty());
    }

    #[test]
    fn examples_and_or_similar_are_open_groups() {
        assert_eq!(
            groups(
                "Go and a relational database such as PostgreSQL or MySQL",
                &["Go", "relational database", "PostgreSQL", "MySQL"]
            ),
            [(names(&["relational database", "PostgreSQL", "MySQL"]), true)]
        );
        assert_eq!(
            groups("Kafka or a similar event streaming platform", &["Kafka"]),
            [(names(&["Kafka"]), true)]
        );
        assert_eq!(
            groups("a cloud provider (e.g. AWS, GCP)", &["AWS", "GCP"]),
            [(names(&["AWS", "GCP"]), true)]
        );
    }
}
