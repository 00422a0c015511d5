//! Where a text writes a year from 1900 to 2099, and where it writes a unit of years
//! ("year", "yr", in any case). Two readers of a resume need them: the dated roles
//! (a date range holds a year) and the years stated with a skill ("6+ years of
//! Python"). One packed vector search finds both for every resume `rank` reads;
//! searching for the digits 1 and 2 and the letter y apart stopped at every number
//! and every "-ly".

use std::sync::LazyLock;

/// The places a [`find`] found, in text order.
#[derive(Debug, Clone, Default)]
pub struct Landmarks {
    /// Byte offsets where a year starts.
    pub years: Vec<usize>,
    /// Byte ranges of the units: "year" (a plural s is the reader's) or "yr".
    pub units: Vec<(usize, usize)>,
}

/// The two-byte openings: a century, or the y of a unit and the letter after it.
const OPENINGS: [&str; 10] = ["19", "20", "ye", "yE", "Ye", "YE", "yr", "yR", "Yr", "YR"];

/// Finds the years and units of `text`.
pub fn find(text: &str) -> Landmarks {
    static SEARCHER: LazyLock<Option<aho_corasick::packed::Searcher>> =
        LazyLock::new(|| aho_corasick::packed::Searcher::new(OPENINGS));
    let b = text.as_bytes();
    let mut marks = Landmarks::default();
    // No opening overlaps the next one's start (none starts with 9, 0, e or r), so
    // the search's non-overlapping matches are all of them.
    let mut take = |at: usize| {
        if b[at].is_ascii_digit() {
            if is_year(b, at) {
                marks.years.push(at);
            }
        } else if b
            .get(at + 1..at + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"ear"))
        {
            marks.units.push((at, at + 4));
        } else if b[at + 1].eq_ignore_ascii_case(&b'r') {
            marks.units.push((at, at + 2));
        }
    };
    match SEARCHER.as_ref() {
        Some(searcher) => searcher.find_iter(b).for_each(|m| take(m.start())),
        None => (0..b.len().saturating_sub(1))
            .filter(|&i| OPENINGS.iter().any(|o| b[i..].starts_with(o.as_bytes())))
            .for_each(take),
    }
    marks
}

/// Whether a year from 1900 to 2099 starts at byte `at`.
pub fn is_year(b: &[u8], at: usize) -> bool {
    b.len() >= at + 4
        && matches!((b[at], b[at + 1]), (b'1', b'9') | (b'2', b'0'))
        && b[at + 2].is_ascii_digit()
        && b[at + 3].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn finds_every_year_and_unit_a_byte_walk_finds(text in "[12090yYeErRa ,.-]{0,120}") {
            let b = text.as_bytes();
            let marks = find(&text);
            let years: Vec<usize> = (0..b.len()).filter(|&i| is_year(b, i)).collect();
            let units: Vec<(usize, usize)> = (0..b.len())
                .filter(|&i| b[i].eq_ignore_ascii_case(&b'y'))
                .filter_map(|i| {
                    let rest = &b[i + 1..];
                    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"ear") {
                        Some((i, i + 4))
                    } else if rest.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'r')) {
                        Some((i, i + 2))
                    } else {
                        None
                    }
                })
                .collect();
            prop_assert_eq!(marks.years, years);
            prop_assert_eq!(marks.units, units);
        }
    }

    #[test]
    fn a_resume_line_has_its_years_and_units() {
        let text = "Engineer (2019-2021), 6+ YEARS of Go, Python (5 yrs), yearly";
        let marks = find(text);
        assert_eq!(marks.years, vec![10, 15]);
        let units: Vec<&str> = marks.units.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(units, ["YEAR", "yr", "year"]);
    }
}
