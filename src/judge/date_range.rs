//! The date range of a role line: "Mar 2019 - Present", "06/2016 to 02/2019",
//! "2010-2012", "Sept. 2018 until now".
//!
//! Read by hand rather than by a regex: `rank` reads the roles of every resume, and
//! a regex search cost a thousand instructions a line where this costs a few dozen.
//! The grammar, ASCII and case-insensitive, with `\b` a boundary between a word
//! character (`[0-9A-Za-z_]`) and anything else:
//!
//! ```text
//! range = \b date \s* ("-" | "to" | "until") \s* (date | "present" | "current" | "now" | "today" | "ongoing") \b
//! date  = (month \s+ | \d{1,2} ("/" | ".")) ? year
//! month = ("jan" | "feb" | "mar" | "apr" | "may" | "jun" | "jul" | "aug" | "sep" | "oct" | "nov" | "dec") [a-z]* "."?
//! year  = ("19" | "20") \d{2}
//! ```
//!
//! The first range in the line is found, and of the ranges starting at one place the
//! one a leftmost-first regex would prefer: a date with its month over one without,
//! an end date over an end word. The tests hold it to that regex.

use std::ops::Range;

use crate::read::landmarks::is_year;

/// The months' first three letters, as little-endian numbers.
const MONTH_KEYS: [u32; 12] = {
    let names = *b"janfebmaraprmayjunjulaugsepoctnovdec";
    let mut keys = [0u32; 12];
    let mut m = 0;
    while m < 12 {
        keys[m] = u32::from_le_bytes([names[3 * m], names[3 * m + 1], names[3 * m + 2], 0]);
        m += 1;
    }
    keys
};

const SEPARATORS: [&[u8]; 3] = [b"-", b"to", b"until"];

const NOW_WORDS: [&[u8]; 5] = [b"present", b"current", b"now", b"today", b"ongoing"];

/// The byte range of the first date range in `line`, whose first year starts at
/// `first_year` (the caller found it: `rank` searches the whole text for years).
pub fn find(line: &str, first_year: usize) -> Option<Range<usize>> {
    let b = line.as_bytes();
    debug_assert!((0..b.len()).find(|&i| year_at(b, i).is_some()) == Some(first_year));
    // A range holds a year, and before the first year only a date ending at it can
    // open one: at the year, at a month number up to three bytes before it, or at
    // the month name before the white space before it. Earlier places are skipped.
    let from = month_before(b, first_year).unwrap_or(first_year.saturating_sub(3));
    (from..b.len())
        .filter(|&s| b[s].is_ascii_alphanumeric() && (s == 0 || !is_word(b[s - 1])))
        .find_map(|s| range_at(b, s).map(|end| s..end))
}

/// Where the run of letters before the white space before `year` starts, if there
/// is one (a month name, maybe with its full stop, may start there).
fn month_before(b: &[u8], year: usize) -> Option<usize> {
    let mut i = year;
    while i > 0 && is_space(b[i - 1]) {
        i -= 1;
    }
    if i == year {
        return None;
    }
    if i > 0 && b[i - 1] == b'.' {
        i -= 1;
    }
    let letters_end = i;
    while i > 0 && b[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    (i < letters_end).then_some(i.min(year.saturating_sub(3)))
}

/// `[0-9A-Za-z_]`, the ASCII word characters of `\b`.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Where a range starting at `s` ends.
fn range_at(b: &[u8], s: usize) -> Option<usize> {
    rest_at(b, date_at(b, s)?)
}

/// The separator, the end and the closing boundary after a start date ending at `i`.
fn rest_at(b: &[u8], i: usize) -> Option<usize> {
    let i = skip_space(b, i);
    let j = skip_space(b, SEPARATORS.iter().find_map(|sep| word_at(b, i, sep))?);
    // A date and an end word never start alike ("nov" and "now" part at their third
    // letter), so at most one of them is written here.
    let end = date_at(b, j).or_else(|| NOW_WORDS.iter().find_map(|w| word_at(b, j, w)))?;
    (end == b.len() || !is_word(b[end])).then_some(end)
}

/// The end of a date starting at `i`. A date opens with a month name (a letter),
/// a month number or the year (digits), and a month number has its `/` or `.` where
/// a year has a digit: so at most one form can be written at `i`.
fn date_at(b: &[u8], i: usize) -> Option<usize> {
    let first = *b.get(i)?;
    if first.is_ascii_alphabetic() {
        let j = month_at(b, i)?;
        let k = skip_space(b, j);
        return if k > j { year_at(b, k) } else { None };
    }
    let month_digits = match (b.get(i + 1), b.get(i + 2)) {
        (Some(b'/' | b'.'), _) => 1,
        (Some(d), Some(b'/' | b'.')) if d.is_ascii_digit() => 2,
        _ => 0,
    };
    if month_digits > 0 {
        return first
            .is_ascii_digit()
            .then(|| year_at(b, i + month_digits + 1))
            .flatten();
    }
    year_at(b, i)
}

/// The end of a month name at `i`: a month's first three letters, the letters after
/// them, and a full stop.
fn month_at(b: &[u8], i: usize) -> Option<usize> {
    let head = b.get(i..i + 3)?;
    // Setting the 0x20 bit lowers a letter and makes no other byte a letter, so the
    // key equals a month's exactly when the three letters spell it in some case.
    let head = u32::from_le_bytes([head[0] | 0x20, head[1] | 0x20, head[2] | 0x20, 0]);
    if !MONTH_KEYS.contains(&head) {
        return None;
    }
    let mut j = i + 3;
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    Some(if b.get(j) == Some(&b'.') { j + 1 } else { j })
}

/// The end of a year from 1900 to 2099 at `i`.
fn year_at(b: &[u8], i: usize) -> Option<usize> {
    is_year(b, i).then_some(i + 4)
}

/// The end of `word` (lower case) written at `i` in any case.
fn word_at(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    let end = i + word.len();
    b.get(i..end)
        .filter(|w| w.eq_ignore_ascii_case(word))
        .map(|_| end)
}

/// Past the ASCII white space at `i` (`\s`: space, tab, line feed, vertical tab,
/// form feed, carriage return).
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    i
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// The first range of a line, its first year found here.
    fn first_range(line: &str) -> Option<Range<usize>> {
        let b = line.as_bytes();
        let first_year = (0..b.len()).find(|&i| year_at(b, i).is_some())?;
        find(line, first_year)
    }

    /// The grammar as a regex: the reference the reader is held to.
    fn reference() -> &'static Regex {
        static REFERENCE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
        REFERENCE.get_or_init(|| {
            let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
            let date = format!(r"(?:{month}\s+|\d{{1,2}}[/.])?(?:19|20)\d{{2}}");
            Regex::new(&format!(
                r"(?i-u)\b{date}\s*(?:-|to|until)\s*(?:{date}|present|current|now|today|ongoing)\b"
            ))
            .unwrap()
        })
    }

    #[test]
    fn reads_the_ranges_resumes_write() {
        let cases = [
            ("Senior Engineer, Acme (2010-2012)", Some("2010-2012")),
            ("Mar 2019 - Present", Some("Mar 2019 - Present")),
            (
                "Engineer | 06/2016 to 02/2019 | Berlin",
                Some("06/2016 to 02/2019"),
            ),
            ("Sept. 2018 until now", Some("Sept. 2018 until now")),
            ("JANUARY 2020 – PRESENT", None),
            ("January 2020 - PRESENT", Some("January 2020 - PRESENT")),
            ("Graduated 2014", None),
            ("2019-2020abc", None),
            ("Nov 2020 - now.", Some("Nov 2020 - now")),
        ];
        for (line, want) in cases {
            assert_eq!(first_range(line).map(|r| &line[r]), want, "{line}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn finds_what_the_regex_finds(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("Jan"), Just("sept."), Just("March"), Just("NOV"), Just("now"),
                    Just("06/"), Just("1."), Just("123/"), Just("2019"), Just("1999"),
                    Just("2101"), Just("20"), Just("-"), Just(" - "), Just("to"),
                    Just(" to "), Just("until"), Just("Present"), Just("today"),
                    Just(" "), Just("  "), Just("\t"), Just("_"), Just("a"), Just("x1"),
                    Just("("), Just(")"), Just("é"), Just(","), Just("."),
                ],
                0..12,
            )
        ) {
            let line: String = parts.concat();
            let want = reference().find(&line).map(|m| m.range());
            prop_assert_eq!(first_range(&line), want, "{:?}", line);
        }

        /// Lines shaped like role lines, most of which hold a range.
        #[test]
        fn finds_what_the_regex_finds_in_role_lines(
            before in "[A-Za-z ,(|]{0,12}",
            start in "((Jan|sept\\.|MAY|Sep|Decem) ?|[0-9]{1,3}[/.])?(19|20|21)[0-9]{2}",
            separator in " ?(-|to|TO|until|–) ?",
            end in "((jun|Nov|now) ?|[0-9]{1,2}[/.])?(19|20)[0-9]{2}|present|Now|today|current|ongoing|nowhere",
            after in "[a-z_ )|.]{0,4}",
        ) {
            let line = format!("{before}{start}{separator}{end}{after}");
            let want = reference().find(&line).map(|m| m.range());
            prop_assert_eq!(first_range(&line), want, "{:?}", line);
        }
    }
}
